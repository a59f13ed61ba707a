"""Acronyms an article defines: "Pacific Gas and Electric Company (PG&E)", "Transport for
London (TfL)", and names cut to syllables ("Phivolcs"). Later "PG&E said" is the company
speaking, under its full name."""

from __future__ import annotations

import re

# A parenthesised acronym: capitals, with "&" or lower-case link letters ("TfL").
_DEFINED = re.compile(r" \(([A-Z][A-Za-z&]{1,9})\)")
_CAMEL = re.compile(r"(?:[A-Z][a-z]+){2,}")
_MINOR = frozenset({"of", "and", "for", "the", "on", "in", "&", "de"})
_DOTTED_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z]\.){2,}) $")
# How far back a defined name may start: the longest names run to eight or nine words.
_REACH = 120


def definitions(text: str) -> list[tuple[str, str]]:
    """(acronym, name) for each acronym written in brackets right after the name it stands
    for, in order; the name is the shortest run of words before it whose initials the
    acronym's letters follow."""
    found = []
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        # "Phivolcs", "CalFire": made of the name's syllables, not only its initials
        syllabic = len(acronym) >= 4 and (acronym[1:].islower() or bool(_CAMEL.fullmatch(acronym)))
        if sum(c.isupper() for c in acronym) < 2 and not syllabic:
            continue
        words = text[max(0, match.start() - _REACH) : match.start()].split(" ")
        run = _name_run(words)
        name = _syllables_of(acronym, run) if syllabic else _expanded(acronym, run)
        if name:
            # "The U.S. Department of Transportation (DOT)": initials with full stops open it.
            dotted = _DOTTED_BEFORE.search(
                text, max(0, match.start() - len(name) - 12), match.start() - len(name)
            )
            found.append((acronym, f"{dotted.group(1)} {name}" if dotted else name))
    return found


def _name_run(words: list[str]) -> list[str]:
    """The capitalised words (and small link words between them) ending `words`."""
    run: list[str] = []
    for word in reversed(words):
        if not word or word[-1] in ",;:.'\u2019\")" or not (word[0].isupper() or word in _MINOR):
            break
        run.insert(0, word)
    while run and not run[0][0].isupper():
        run.pop(0)
    return run


def _expanded(acronym: str, run: list[str]) -> str | None:
    """The shortest tail of `run` the acronym abbreviates: it opens with the acronym's first
    letter, and the acronym's letters are initials of its words, in order."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    for start in range(len(run) - 2, -1, -1):
        tail = run[start:]
        if tail[0][0].lower() == letters[0] and _follows(letters, tail):
            return " ".join(tail)
    return None


def _syllables_of(acronym: str, run: list[str]) -> str | None:
    """The name a word made of its syllables stands for ("Philippine Institute of Volcanology
    and Seismology (Phivolcs)"): the whole run, when it opens with the word's first letters
    and holds all its letters in order."""
    opening = acronym[:2].lower()
    while run and not run[0].lower().startswith(opening):
        run = run[1:]  # "The Philippine Institute …"
    if len(run) < 2:
        return None
    letters = iter(" ".join(run).lower())
    return " ".join(run) if all(c in letters for c in acronym.lower()) else None


def _follows(letters: list[str], words: list[str]) -> bool:
    """Each letter is the initial of one of the words, in order; words may go without one
    ("Data Resources Europe Inc (DRI)", "Pacific Gas and Electric Company (PG&E)")."""
    at = 0
    for word in words:
        if at < len(letters) and word[0].lower() == letters[at]:
            at += 1
    return at == len(letters)
