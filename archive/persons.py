"""Find-or-create persons by any spelling, in batches, honouring curated aliases."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from archive.extraction import name_key
from archive.models import Person, PersonAlias
from archive.slugs import unique_slug


@dataclass(frozen=True)
class Mention:
    """A person or organisation as an article names it."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class PersonResolver:
    """Maps spellings to person ids; one query per batch for names it has not seen yet.

    Every spelling is stored as a `PersonAlias`, so a curator's merge (which moves the
    aliases to the kept person) decides where future imports attach that name.
    """

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._known_aliases: set[tuple[int, str]] = set()
        self._slugs: set[str] | None = None

    def resolve(self, mentions: Iterable[Mention]) -> dict[str, int]:
        """Person id for every name and alias of `mentions`, creating persons as needed."""
        mentions = list(mentions)
        self._load({name_key(n) for m in mentions for n in m.names})
        new: dict[str, Person] = {}  # key -> unsaved person, shared by every spelling
        for mention in mentions:
            keys = [name_key(n) for n in mention.names]
            if any(k in self._ids for k in keys) or any(k in new for k in keys):
                continue
            person = Person(name=mention.name, kind=mention.kind, slug=self._slug_for(mention))
            for key in keys:
                new[key] = person
        Person.objects.bulk_create(list({id(p): p for p in new.values()}.values()))
        for key, person in new.items():
            self._ids[key] = person.pk
        return self._store_aliases(mentions)

    def _load(self, keys: set[str]) -> None:
        missing = keys - self._ids.keys()
        if missing:
            found = PersonAlias.objects.filter(key__in=missing).values_list("key", "person_id")
            self._ids.update(dict(found))

    def _store_aliases(self, mentions: list[Mention]) -> dict[str, int]:
        ids: dict[str, int] = {}
        rows = []
        for mention in mentions:
            keys = [name_key(n) for n in mention.names]
            person_id = next(self._ids[k] for k in keys if k in self._ids)
            for name, key in zip(mention.names, keys, strict=True):
                ids[name] = person_id
                self._ids.setdefault(key, person_id)
                if (person_id, name) not in self._known_aliases:
                    self._known_aliases.add((person_id, name))
                    rows.append(PersonAlias(person_id=person_id, name=name, key=key))
        PersonAlias.objects.bulk_create(rows, ignore_conflicts=True)
        return ids

    def _slug_for(self, mention: Mention) -> str:
        if self._slugs is None:
            self._slugs = set(Person.objects.values_list("slug", flat=True))
        slug = unique_slug(mention.name, self._slugs.__contains__)
        self._slugs.add(slug)
        return slug
