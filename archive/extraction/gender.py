"""Which people an article refers to as "he" and which as "she".

"In between, she testified, she was attacked by Quirin": "she" takes up the last woman
spoken of, not the last person. Names say little about gender across the world's news, so
the article itself decides: the pronouns that follow each mention before anyone else is
named, a title ("Mrs", "Sir") or a gendered role ("spokeswoman", "king").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter

from .lexicon import _words
from .names import Mention

MALE, FEMALE = "m", "f"
PRONOUN_GENDER = {"he": MALE, "she": FEMALE}

# Subject pronouns only: "X accused the negotiator of softening his stand" says nothing of X.
_PRONOUNS = re.compile(r"\b(he|himself|she|herself)\b", re.IGNORECASE)
_FEMININE_PRONOUNS = frozenset({"she", "herself"})
_TITLE = re.compile(r"\b(Mr|Mrs|Ms|Miss|Mme|Madam|Sir|Lady|Dame|Lord)\.?\s+$")
_FEMININE_TITLES = frozenset({"mrs", "ms", "miss", "mme", "madam", "lady", "dame"})
_ROLE_GENDER = {
    **dict.fromkeys(
        _words(
            """
            spokeswoman chairwoman congresswoman businesswoman actress queen princess duchess
            empress countess wife mother daughter sister widow grandmother aunt niece girlfriend
            """
        ),
        FEMALE,
    ),
    **dict.fromkeys(
        _words(
            """
            spokesman congressman businessman actor king prince duke emperor count husband
            father son brother widower grandfather uncle nephew boyfriend
            """
        ),
        MALE,
    ),
}
# How far after a mention its pronouns are read: the rest of a long sentence at most.
_WINDOW = 200
# Someone else named after the mention, whom a pronoun after it may take up instead.
_OTHER_NAME = re.compile(r"(?<=\s)[A-Z][a-z]|[\"\u201c\u201d]")  # or a quote, someone's words
_CLAUSE_OPENERS = _words(
    "and but that when while as because after before since if although though who whom"
)
_SENTENCE_END = re.compile(r"[.!?][\"\u201d]?\s")


def genders(body: str, people: list[Mention]) -> dict[str, str]:
    """The gender each person (by canonical name) is clearly referred to with in `body`;
    `people` are every mention in order, surnames alone included (`with_surnames`)."""
    votes: dict[str, Counter[str]] = {}
    for i, mention in enumerate(people):
        tally = votes.setdefault(mention.name, Counter())
        title = _TITLE.search(body, max(0, mention.start - 8), mention.start)
        if title:
            tally[FEMALE if title.group(1).lower() in _FEMININE_TITLES else MALE] += 2
        for word in mention.role.lower().split():
            if word in _ROLE_GENDER:
                tally[_ROLE_GENDER[word]] += 2
        if _opens_clause(body, mention.start):
            tally.update(_pronouns_after(body, mention, people[i + 1 : i + 2]))
    return {name: gender for name, tally in votes.items() if (gender := _clear(tally))}


def with_surnames(body: str, people: list[Mention]) -> list[Mention]:
    """`people` and every later use of a surname that only one of them has ("Spanton")."""
    owners: dict[str, set[str]] = {}
    for mention in people:
        words = mention.name.split()
        if len(words) >= 2:
            owners.setdefault(words[-1], set()).add(mention.name)
    # "Biden" may be Joe or Hunter: only a surname one person has stands for them.
    sole = {surname: names.pop() for surname, names in owners.items() if len(names) == 1}
    if not sole:
        return list(people)
    taken = sorted((m.start, m.end) for m in people)
    starts = [start for start, _ in taken]
    found = list(people)
    alternatives = "|".join(map(re.escape, sorted(sole, key=len, reverse=True)))
    for use in re.finditer(rf"(?<![\w-])(?:{alternatives})(?![\w-])", body):
        i = bisect.bisect_right(starts, use.start()) - 1
        if i < 0 or use.start() >= taken[i][1]:  # not inside a full mention
            found.append(Mention(sole[use.group()], use.start(), use.end()))
    return sorted(found, key=lambda m: m.start)


def _opens_clause(body: str, start: int) -> bool:
    """Whether a mention at `start` may be its clause's subject, whom a later "she" in the
    clause takes up: not the object in "Warren commended Biden … and said she …"."""
    before = body[max(0, start - 40) : start].split()
    if not before:
        return True
    last = before[-1]
    return last[-1] in '.,;:!?"\u201d' or last[:1].isupper() or last in _CLAUSE_OPENERS


def _pronouns_after(body: str, mention: Mention, following: list[Mention]) -> list[str]:
    """The first pronoun after `mention` in its sentence, before anyone else is named."""
    end = min(len(body), mention.end + _WINDOW)
    if following:
        end = min(end, following[0].start)
    sentence_end = _SENTENCE_END.search(body, mention.end, end)
    end = sentence_end.start() if sentence_end else end
    other = _OTHER_NAME.search(body, mention.end, end)
    end = other.start() if other else end  # "Ardern, Brenton had a licence … he"
    pronoun = _PRONOUNS.search(body, mention.end, end)
    if not pronoun:
        return []
    return [FEMALE if pronoun.group(1).lower() in _FEMININE_PRONOUNS else MALE]


def _clear(tally: Counter[str]) -> str | None:
    """The gender with at least twice the other's votes."""
    male, female = tally[MALE], tally[FEMALE]
    if male >= 1 and male >= 2 * female:
        return MALE
    if female >= 1 and female >= 2 * male:
        return FEMALE
    return None
