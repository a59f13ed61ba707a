"""The review queue: suspect metadata found by the rules of `review_rules`, and the one-click
fixes a curator applies to it. Dismissals and fixes outlive re-extraction: dismissals are
remembered by names and roles, and fixes to statements make them the curator's."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Model

from archive import curation, review_rules
from archive.extraction import name_key
from archive.models import Article, Person, ReviewDismissal, Statement

COUNTS_CACHE = "review-queue-counts"
COUNTS_SECONDS = 60

MERGE, ORGANISATION, DROP, CLEAR_ROLE, DISMISS = (
    "merge",
    "organisation",
    "drop",
    "clear-role",
    "dismiss",
)


@dataclass(frozen=True)
class Kind:
    title: str
    rule: str  # the rule, as a curator reads it
    actions: tuple[str, ...]


KINDS: dict[str, Kind] = {
    "outlet": Kind(
        "Outlets and agencies as speakers",
        "A speaker named like a news outlet or agency (one the archive's articles come from, "
        "a known agency, or a name ending in Times, News, Press, Herald…): outlets mostly "
        "relay what others said.",
        (DROP, ORGANISATION, DISMISS),
    ),
    "country-role": Kind(
        "A country as a role",
        "A statement whose role is only a country or its people (“United States”, "
        "“Iranian”): a role is an office, and the country belongs with it.",
        (CLEAR_ROLE, DROP, DISMISS),
    ),
    "title-variant": Kind(
        "A title or role in front of a name",
        "A name that is another person's name with a title or role in front (“United States "
        "President Donald Trump” beside “Donald Trump”).",
        (MERGE, DISMISS),
    ),
    "same-name": Kind(
        "A person and an organisation of one name",
        "The same name (spelling variants folded) recorded both as a person and as an "
        "organisation.",
        (MERGE, DISMISS),
    ),
    "seen-once": Kind(
        "Named in one article only",
        "A person or organisation named in a single article: often a fragment or a "
        "misspelling; the suggestion, if any, shares the surname and appears more often.",
        (MERGE, ORGANISATION, DISMISS),
    ),
}


@dataclass(frozen=True)
class Suspect:
    kind: str
    key: str  # what a dismissal remembers: names and roles, never row ids
    person: Person | None = None
    statement: Statement | None = None
    suggestion: Person | None = None  # the person to merge into


class ReviewError(Exception):
    """An action that no longer applies (a row gone since the page was shown) or is not
    one of the kind's; the message says which."""


class Archive:
    """What the rules read, each loaded once however many rules read it."""

    @cached_property
    def persons(self) -> list[Person]:
        """Every person, with their counts of statements and articles."""
        return list(Person.objects.with_counts())

    @cached_property
    def outlets(self) -> set[str]:
        return set(Article.objects.order_by().values_list("source", flat=True).distinct())


def suspects(kind: str, archive: Archive | None = None) -> list[Suspect]:
    """The kind's suspect entries, less those dismissed."""
    dismissed = set(ReviewDismissal.objects.filter(kind=kind).values_list("key", flat=True))
    found = _FINDERS[kind](archive or Archive())
    return [s for s in found if s.key not in dismissed]


def counts() -> dict[str, int]:
    """Entries per kind; kept a minute (the admin's home page shows them), or until a
    curator acts on one in this process."""
    cached: dict[str, int] | None = cache.get(COUNTS_CACHE)
    if cached is None:
        archive = Archive()
        cached = {kind: len(suspects(kind, archive)) for kind in KINDS}
        cache.set(COUNTS_CACHE, cached, COUNTS_SECONDS)
    return cached


def _outlets(archive: Archive) -> list[Suspect]:
    return [
        Suspect("outlet", f"person:{name_key(p.name)}", person=p)
        for p in archive.persons
        if getattr(p, "statement_count", 0) and review_rules.is_outlet(p.name, archive.outlets)
    ]


def _country_roles(archive: Archive) -> list[Suspect]:
    # The distinct roles from the role index, then the statements of the suspect ones.
    distinct = Statement.objects.exclude(role="").order_by().values_list("role", flat=True)
    roles = [role for role in distinct.distinct() if review_rules.is_country_role(role)]
    found = Statement.objects.filter(role__in=roles).select_related("speaker", "article")
    found = found.defer("article__body", "article__raw_text").order_by("article_id", "start")
    return [
        Suspect(
            "country-role",
            f"statement:{s.article_id}:{name_key(s.speaker.name)}:{s.role.lower()}",
            person=s.speaker,
            statement=s,
        )
        for s in found
    ]


def _title_variants(archive: Archive) -> list[Suspect]:
    by_name = {p.name: p for p in archive.persons}
    return [
        Suspect(
            "title-variant",
            f"pair:{name_key(longer)}|{name_key(shorter)}",
            person=by_name[longer],
            suggestion=by_name[shorter],
        )
        for longer, shorter in review_rules.titled_variants(by_name)
    ]


def _same_names(archive: Archive) -> list[Suspect]:
    groups: dict[str, list[Person]] = defaultdict(list)
    for person in archive.persons:
        groups[name_key(person.name)].append(person)
    found = []
    for key, group in groups.items():
        if len({p.kind for p in group}) > 1:
            keep, *others = sorted(group, key=_weight, reverse=True)
            found += [
                Suspect("same-name", f"name:{key}", person=p, suggestion=keep) for p in others
            ]
    return found


def _seen_once(archive: Archive) -> list[Suspect]:
    persons = archive.persons
    by_surname: dict[str, Person] = {}
    for person in sorted(persons, key=_weight, reverse=True):
        words = name_key(person.name).split()
        if len(words) > 1 and getattr(person, "article_count", 0) > 1:
            by_surname.setdefault(words[-1], person)
    found = []
    for person in persons:
        if getattr(person, "article_count", 0) != 1:
            continue
        words = name_key(person.name).split()
        suggestion = by_surname.get(words[-1]) if words else None
        found.append(
            Suspect(
                "seen-once",
                f"person:{name_key(person.name)}",
                person=person,
                suggestion=suggestion if suggestion != person else None,
            )
        )
    return found


def _weight(person: Person) -> tuple[int, int]:
    return getattr(person, "statement_count", 0), getattr(person, "article_count", 0)


_FINDERS: dict[str, Callable[[Archive], list[Suspect]]] = {
    "outlet": _outlets,
    "country-role": _country_roles,
    "title-variant": _title_variants,
    "same-name": _same_names,
    "seen-once": _seen_once,
}


@transaction.atomic
def act(
    kind: str,
    key: str,
    action: str,
    *,
    person_id: int | None = None,
    statement_id: int | None = None,
    suggestion_id: int | None = None,
    user: Any = None,
) -> str:
    """Apply `action` to one suspect entry; returns what was done, in words."""
    if kind not in KINDS or action not in KINDS[kind].actions:
        raise ReviewError("That action is not one of this kind's.")
    cache.delete(COUNTS_CACHE)
    if action == DISMISS:
        try:
            with transaction.atomic():
                ReviewDismissal.objects.create(kind=kind, key=key, dismissed_by=user)
        except IntegrityError:
            pass  # dismissed twice (two tabs): once is enough
        return "Dismissed for good."
    if action in (DROP, CLEAR_ROLE) and kind == "country-role":
        statement = _one(Statement, statement_id, "statement")
        if action == DROP:
            statement.delete()
        else:
            statement.role, statement.role_country = "", ""
            statement.save(update_fields=["role", "role_country"])
        curation.take_statements([statement.article_id])
        return "Statement dropped." if action == DROP else "Role cleared."
    person = _one(Person, person_id, "person")
    if action == DROP:
        statements = Statement.objects.filter(speaker=person)
        articles = set(statements.values_list("article_id", flat=True))
        dropped, _ = statements.delete()
        curation.take_statements(articles)
        return f"Dropped {dropped} statement(s) of {person.name}."
    if action == ORGANISATION:
        person.kind = Person.ORGANISATION
        person.save(update_fields=["kind"])
        curation.reindex(curation.articles_of([person.pk]))
        return f"{person.name} is now an organisation."
    keep = _one(Person, suggestion_id, "person to keep")
    if keep.pk == person.pk:
        raise ReviewError("A person cannot be merged into itself.")
    curation.merge_persons(keep, [person])
    return f"Merged {person.name} into {keep.name}."


def _one(model: type[Model], pk: int | None, what: str) -> Any:
    found = model._default_manager.filter(pk=pk).first() if pk is not None else None
    if found is None:
        raise ReviewError(f"That {what} is no longer there: the page was out of date.")
    return found
