"""Bring stored alias keys up to the current `name_key`, and part what an old key joined.

Until extractor v10 the key dropped an organisation's first words when they read as a title,
so every ministry shared one key ("Foreign Ministry", "Finance Ministry": "ministri") and
imports folded them into one organisation. An alias whose old key was its organisation's own
and whose new key is not goes to an organisation of its own; spellings a curator merged had
keys of their own, so they stay where the curator put them. `reextract` then moves the
statements to the organisation that said them.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from archive.extraction import name_key
from archive.slugs import unique_slug


def rekey_aliases(person_model: Any, alias_model: Any) -> tuple[int, int]:
    """(aliases rekeyed, organisations parted); the models may be a migration's."""
    aliases = list(alias_model.objects.select_related("person").order_by("pk"))
    new_key = {alias.pk: name_key(alias.name) for alias in aliases}
    by_person: dict[int, list[Any]] = defaultdict(list)
    for alias in aliases:
        by_person[alias.person_id].append(alias)
    slugs = set(person_model.objects.values_list("slug", flat=True))
    parted = 0
    for rows in by_person.values():
        person = rows[0].person
        old_home = next((a.key for a in rows if a.name == person.name), None)
        home = name_key(person.name)
        strays: dict[str, list[Any]] = defaultdict(list)
        for alias in rows:
            if old_home is not None and alias.key == old_home and new_key[alias.pk] != home:
                strays[new_key[alias.pk]].append(alias)
        for group in strays.values():
            slug = unique_slug(group[0].name, slugs.__contains__)
            slugs.add(slug)
            own = person_model.objects.create(name=group[0].name, kind=person.kind, slug=slug)
            for alias in group:
                alias.person = own
            parted += 1
    rekeyed = 0
    for alias in aliases:
        rekeyed += alias.key != new_key[alias.pk]
        alias.key = new_key[alias.pk]
    alias_model.objects.bulk_update(aliases, ["key", "person"], batch_size=500)
    return rekeyed, parted
