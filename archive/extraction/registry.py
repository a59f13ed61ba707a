"""Merge one article's name variants into entities with canonical spellings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .countries import code_for
from .lexicon import COMPANY_FORMS, ORG_HEADS, RANK_WORDS
from .names import DOTTED_INITIALS, Mention, bare, is_country_token, name_key, owner_end
from .text import one_edit
from .types import ORGANISATION, PERSON, Entity

_LEADING_THE = re.compile(r"^the ", re.IGNORECASE)
_ACRONYM = re.compile(r"[A-Z]{2,8}")
# What ends a company's full name, for its short form ("Pennzoil" for "Pennzoil Co").
_COMPANY_ENDS = COMPANY_FORMS | {"company", "corporation"}
# Firms without a legal form, which news copy shortens to their first words.
_BANK_ENDS = frozenset({"bank", "bancorp", "industries", "holdings", "airlines"})
_MINOR = frozenset({"of", "and", "the", "for", "on", "in", "&"})
# Legal forms no American name goes on after with "of": "Ltd of Australia" says where from.
_FOREIGN_FORMS = COMPANY_FORMS - {"inc", "corp", "co", "llc", "llp"}
# Words of scope before a body's name that leave it the same body ("National Statistics
# Office", then "the Statistics Office").
_SCOPE = frozenset({"national", "federal", "state", "regional", "central", "provincial"})


_DOTTED = re.compile(DOTTED_INITIALS)
_OWNED = re.compile(r"(.+?)['\u2019]s (.+)")  # "Trump's State Department"
_BASED_IN = re.compile(r"^(?:[A-Z][\w.'\u2019]*[ -])*?[A-Z][\w.'\u2019]*-based ")
_LEADING_INITIALS = re.compile(rf"^(?:{DOTTED_INITIALS}) ")


def _initials(name: str) -> str:
    """'National Hurricane Center' -> 'NHC', 'U.S. Treasury' -> 'UST'; small words ('of',
    'the') have none."""
    return "".join(
        w.replace(".", "") if _DOTTED.fullmatch(w) else w[0]
        for w in name.split()
        if w.lower() not in _MINOR and w[:1].isupper()
    )


def _without_form(name: str) -> str:
    """The name without its legal form: "ATT" abbreviates "American Telephone and Telegraph
    Co", "NASD" the "National Association of Securities Dealers Inc"."""
    words = name.split()
    while len(words) > 2 and words[-1].lower().rstrip(".") in COMPANY_FORMS:
        words.pop()
    return " ".join(words)


def org_key(name: str) -> str:
    """Fold an organisation name: case, 'Russia's'/'Russian', -ise/-ize."""
    words = _LEADING_THE.sub("", name.strip()).split()
    words = [code_for(w) or code_for(w.title()) or w for w in words]
    return name_key(" ".join(words)).replace("z", "s").replace("c", "s")


@dataclass
class _Group:
    kind: str
    forms: list[str] = field(default_factory=list)
    keys: tuple[str, ...] = ()
    rank: tuple[int, ...] = ()
    role: str = ""
    country: str = ""
    extra: list[tuple[str, ...]] = field(default_factory=list)  # keys of other full names

    @property
    def name(self) -> str:
        return self.forms[0]


_INITIALS = re.compile(DOTTED_INITIALS)
_COINED = re.compile(
    r"[A-Z][a-z]+(?:trust|bank|corp|first|america|star|fed|tel|com|tech|soft)", re.IGNORECASE
)


def _short_form_of(full: str, short: str) -> bool:
    """Whether news copy may call the firm `full` by `short`: its opening words before a
    legal form ("Pennzoil" for "Pennzoil Co", "Penney" for "J.C. Penney Co Inc"), two or
    more before a bank's head ("Boston Five" for "Boston Five Cents Savings Bank"; one word
    may be a place), or a name and its form before "of" ("Hospital Corp" for "Hospital
    Corp of America")."""
    if short.split()[-1].lower() in COMPANY_FORMS and full.startswith(short + " of "):
        return True
    # one word before a bank's head may be a place ("Boston" of "Boston Five Cents Savings
    # Bank"), unless the word is no place's name ("Centrust" of "Centrust Savings Bank")
    ends = _COMPANY_ENDS | _BANK_ENDS if len(short.split()) > 1 or _coined(short) else _COMPANY_ENDS
    # "CenTrust" for "Centrust Savings Bank": wire copy varies a coined name's capitals
    opens = full.casefold().startswith(short.casefold() + " ")
    opens = opens or _LEADING_INITIALS.sub("", full).startswith(short + " ")
    return full.split()[-1].lower() in ends and opens


def _coined(word: str) -> bool:
    """A made-up firm's word, a finance or trade word glued on in any capitals ("CenTrust",
    "Centrust", "Firstbank"): no place's name."""
    return bool(_COINED.fullmatch(word))


def _adds_nothing(extra: list[str]) -> bool:
    """Words before a shorter name that leave it the same organisation."""
    if extra and extra[-1] == "and":  # "Pacific Gas and", not "University of Washington and"
        opening = [w.lower() for w in extra[:-1]]
        return 0 < len(opening) <= 2 and not any(w in ORG_HEADS or w in _MINOR for w in opening)
    # "U.S. Supreme Court", "U.N. Security Council": a country or a body's initials.
    return bool(extra) and all(
        is_country_token(w) or _INITIALS.fullmatch(w) or w.lower() in _SCOPE for w in extra
    )


class Registry:
    """Entities of one article: spelling variants and surname-only references merged."""

    def __init__(self) -> None:
        self._groups: list[_Group] = []
        self.outlets: set[str] = set()  # organisations introduced as news outlets
        self._acronyms: dict[str, str] = {}  # acronym -> canonical name, as the text defines

    def add_persons(self, mentions: list[Mention], create: bool = True) -> None:
        # Longest names first, so 'Bagheri Kani' joins 'Ali Bagheri Kani'.
        for m in sorted(mentions, key=lambda m: (-len(m.name.split()), m.start)):
            group = self._find_person(m.name)
            if group is None and create:
                keys = tuple(name_key(t) for t in m.name.split() if name_key(t))
                group = _Group(PERSON, [m.name], keys)
                self._groups.append(group)
            elif (
                group
                and len(m.name.split()) == len(group.name.split())
                and m.name not in group.forms
            ):
                group.forms.append(m.name)
            # The first title written with a name is the person's role in this article.
            if group and m.role and not group.role:
                group.role, group.country = m.role, m.country

    def _find_person(self, name: str) -> _Group | None:
        keys = tuple(name_key(t) for t in bare(name).split() if name_key(t))
        if not keys:
            return None
        persons = [g for g in self._groups if g.kind == PERSON]
        for group in persons:
            if group.keys[-len(keys) :] == keys or keys in group.extra:
                return group
        # "Rosselló" for "Ricardo Rosselló Nevares": Spanish names carry two surnames.
        for group in persons:
            if len(keys) == 1 and len(group.keys) >= 3 and keys[0] in group.keys[1:]:
                return group
        if len(keys) == 1:
            # "Mr Tong" for "Tong Yung-soo", "Cherie" for "Cherie O'Donnell": a lone word
            # that is no one's surname is the first name of the one person it opens.
            first = [g for g in persons if len(g.keys) >= 2 and g.keys[0] == keys[0]]
            if len(first) == 1:
                return first[0]
        return None

    def add_alias(self, alias: str, name: str) -> None:
        """`alias` ("born Peter Edward Baker") names the person `name`: merge the two."""
        group, other = self._find_person(name), self._find_person(alias)
        if group is None or other is group:
            return
        if other is not None:
            self._groups.remove(other)
        group.forms.append(alias)
        group.extra.append(tuple(name_key(t) for t in alias.split() if name_key(t)))

    def resolve_person(self, name: str) -> str | None:
        group = self._find_person(name)
        return group.name if group else None

    def role_of(self, name: str) -> tuple[str, str]:
        """(role, country) first given for a person, or empty strings."""
        group = self._find_person(name)
        return (group.role, group.country) if group else ("", "")

    def person_by_initials(self, initials: str) -> str | None:
        """The one person whose name has these initials ("MS" -> "Michael Siegel")."""
        found = [
            g.name
            for g in self._groups
            if g.kind == PERSON
            and "".join(w[0] for w in g.name.split() if w[:1].isupper()) == initials
        ]
        return found[0] if len(found) == 1 else None

    def find_org(self, name: str) -> str | None:
        """The canonical spelling of an organisation already recorded under `name`."""
        key = org_key(name)
        for group in self._groups:
            if group.kind == ORGANISATION and group.keys == (key,):
                return group.name
        return self._expand_acronym(name)

    def define_acronym(self, acronym: str, name: str) -> None:
        """The text wrote `name (acronym)`: record the organisation, and the acronym as its
        other spelling, unless the name is a person's."""
        if self._find_person(name) is None:
            canonical = self.add_org(name)
            self._acronyms.setdefault(acronym, canonical)
            self._acronyms.setdefault(acronym.upper(), canonical)

    def _expand_acronym(self, name: str) -> str | None:
        """'NHC' after 'National Hurricane Center': an acronym the text defined, or the
        initials of one recorded organisation."""
        defined = self._acronyms.get(name)
        if defined:
            return defined
        if not _ACRONYM.fullmatch(name):
            return None
        orgs = [g for g in self._groups if g.kind == ORGANISATION]
        found = [g for g in orgs if name in (_initials(g.name), _initials(_without_form(g.name)))]
        if not found:
            # "USDA" for "U.S. Agriculture Department": the same initials in another order
            found = [
                g
                for g in orgs
                if (initials := _initials(g.name))[:1] == name[:1]
                and sorted(initials) == sorted(name)
            ]
        if len(found) != 1:
            return None
        if name not in found[0].forms:
            found[0].forms.append(name)
        return found[0].name

    def add_org(self, name: str) -> str:
        """Record an organisation; return its canonical spelling."""
        name = bare(name)  # "the Centre for Aviation's database": the Centre for Aviation
        name = _LEADING_THE.sub("", name)  # "The Food and Drug Administration said"
        name = _BASED_IN.sub("", name)  # "Frankfurt-based Asta Pharma AG"
        words = name.split()
        while len(words) > 1 and words[0] in RANK_WORDS:  # "a senior Japanese government
            words = words[1:]  # official": the Japanese government
        # "Bond Corp Holdings Ltd of Australia": where it is from ("Electronic Mail Corp of
        # America" is a name)
        foreign = len(words) > 3 and words[-2] == "of" and words[-3].lower() in _FOREIGN_FORMS
        if foreign and code_for(words[-1]):
            words = words[:-2]
        name = " ".join(words)
        name = name[owner_end(name) :]  # "NASA's Commercial Crew Program": the program
        name = self._without_person_owner(name)  # "Trump's State Department"
        expanded = self._expand_acronym(name)
        if expanded:
            return expanded
        key = org_key(name)
        fuller = self._fuller_org(name) or self.company_named(name)
        if fuller:
            return fuller
        rank = (-sum(w[:1].isupper() for w in name.split()),)
        for group in self._groups:
            if group.kind == ORGANISATION and group.keys == (key,):
                if name not in group.forms:
                    group.forms.append(name)
                if rank < group.rank:
                    group.forms.remove(name)
                    group.forms.insert(0, name)
                    group.rank = rank
                return group.name
        self._groups.append(_Group(ORGANISATION, [name], (key,), rank))
        return name

    def _without_person_owner(self, name: str) -> str:
        """ "Trump's State Department": the body, not the person the article names as its
        head ("McDonald's Corp" keeps its name: no person McDonald is named)."""
        owned = _OWNED.match(name)
        if not owned:
            return name
        owner, rest = owned.groups()
        words = rest.split()
        headed = len(words) >= 2 and words[-1].lower() in ORG_HEADS
        headed = headed and all(w[:1].isupper() or w in ("of", "and") for w in words)
        return rest if headed and self._find_person(owner) else name

    def company_named(self, name: str) -> str | None:
        """The one recorded company news copy may call `name` (`_short_form_of`); of two or
        more, the one met first when `name` has two words or more ("Boston Five" before
        "Boston Five Bancorp", the holding company it forms); else one misspelt by a letter."""
        orgs = [g.name for g in self._groups if g.kind == ORGANISATION]
        found = [org for org in orgs if _short_form_of(org, name)]
        several = len(name.split()) > 1
        if len(found) == 1 or (found and several):
            return found[0]
        if found or several or len(name) < 7:
            return None
        # Wire copy's typos: "Volkwagen said" after "Volkswagen AG".
        misspelt = [firm for firm in self._firms() if one_edit(firm.split()[0], name)]
        return misspelt[0] if len(misspelt) == 1 else None

    def _firms(self) -> list[str]:
        """Recorded organisations whose names end in a legal form or "company"."""
        return [
            g.name
            for g in self._groups
            if g.kind == ORGANISATION and g.name.split()[-1].lower() in _COMPANY_ENDS
        ]

    def firm_of_founder(self, word: str) -> str | None:
        """The one recorded firm that bears the name `word` before its legal form: "Montagu
        said" after "Samuel Montagu and Co Ltd"."""
        firms = [firm for firm in self._firms() if word in firm.split()[:-1]]
        return firms[0] if len(firms) == 1 else None

    def blended_name(self, word: str) -> str | None:
        """The one recorded firm `word` shortens by blending its words' openings: "Adsteam"
        for "Adelaide Steamship Co Ltd" (its first two letters, then every letter in order)."""
        if len(word) < 5:
            return None
        lower = word.lower()

        def blends(firm: str) -> bool:
            letters = iter(firm.lower())
            return firm.lower().startswith(lower[:2]) and all(c in letters for c in lower)

        firms = [f for f in self._firms() if not f.startswith(word) and blends(f)]
        return firms[0] if len(firms) == 1 else None

    def person_misspelt(self, word: str) -> str | None:
        """The one recorded person whose surname `word` misspells by a letter: "Japsper said"
        after "Thomas Jasper" (short names are too alike to tell a typo from another name)."""
        if len(word) < 6:
            return None
        persons = [
            g.name for g in self._groups if g.kind == PERSON and one_edit(g.name.split()[-1], word)
        ]
        return persons[0] if len(persons) == 1 else None

    def longer_org(self, name: str) -> str:
        """The one recorded organisation whose name ends with `name` and says more ("New York
        Coffee, Sugar and Cocoa Exchange" for "Cocoa Exchange"), else `name` itself."""
        longer = self._orgs_ending_with(name)
        return longer.pop() if len(longer) == 1 else name

    def _fuller_org(self, name: str) -> str | None:
        """The one recorded organisation whose name ends with `name` after a country or
        after "… and": "the Supreme Court" after "the US Supreme Court", "Electric Company"
        after "Pacific Gas and Electric Company" (a single word names no one: "the Court"
        may be any; "Ford Motor Company" is not "Friday Ford Motor Company")."""
        if " " not in name.strip():
            return None
        fuller = {
            org for org in self._orgs_ending_with(name) if _adds_nothing(org[: -len(name)].split())
        }
        return fuller.pop() if len(fuller) == 1 else None

    def _orgs_ending_with(self, name: str) -> set[str]:
        """Recorded organisations whose names end with the words of `name`, after others."""
        ending = " " + name.casefold()
        return {
            g.name
            for g in self._groups
            if g.kind == ORGANISATION and g.name.casefold().endswith(ending)
        }

    def entities(self) -> tuple[Entity, ...]:
        result = []
        for g in self._groups:
            if g.kind == PERSON and (self.company_named(g.name) or "").startswith(g.name + " "):
                continue  # "Boston Five", "Du Pont": a firm's short name, no person
            size = len(g.name.split())
            aliases = [
                f
                for f in g.forms[1:]
                if f.casefold() != g.name.casefold()
                and (g.kind != PERSON or len(f.split()) == size)
            ]
            result.append(Entity(g.name, g.kind, tuple(sorted(set(aliases)))))
        return tuple(sorted(result, key=lambda e: (e.kind, e.name)))
