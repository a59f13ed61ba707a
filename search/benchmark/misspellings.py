"""A generated spelling test (pure Python): words and names of a corpus with one typing error
each, which a suggestion should restore, and correct words, which it must leave alone."""

from __future__ import annotations

import random
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

# Letters only, four or more: the words people search for and mistype (shorter ones have
# too many neighbours to correct, and the suggestions leave them alone).
WORD = re.compile(r"[^\W\d_]{4,}")
EDITS = ("insert", "delete", "substitute", "transpose")
PARTS = ("tune", "report")  # thresholds are chosen on one half and reported on the other
ATTEMPTS = 10  # edits tried per word before another word is drawn


@dataclass(frozen=True)
class Case:
    """One query word: `typed` is asked, `meant` is what a correction must give back."""

    typed: str
    meant: str
    kind: str  # "word", "name" or "accented"
    part: str

    @property
    def misspelled(self) -> bool:
        return self.typed != self.meant


@dataclass
class Score:
    """Corrections of one part of the set."""

    misspelled: int = 0
    made: int = 0  # corrections offered for misspelled words
    restored: int = 0  # of those, the word meant
    correct: int = 0
    changed: int = 0  # correct words a suggestion changed
    examples: list[str] = field(default_factory=list)  # wrong ones, for the report

    @property
    def precision(self) -> float:
        return self.restored / self.made if self.made else 1.0

    @property
    def recall(self) -> float:
        return self.restored / self.misspelled if self.misspelled else 0.0


def article_counts(texts: Iterable[str]) -> Counter[str]:
    """Each word form (as written) → how many of `texts` use it."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(WORD.findall(text)))
    return counts


def pools(counts: Mapping[str, int], min_articles: int) -> dict[str, list[str]]:
    """The forms used in at least `min_articles` texts, by kind: lower-case words; names (a
    capital, and never written in lower case, so not a sentence's first word); and words
    with accents, however rare (English news has few). Sorted, so that a seed always draws
    the same ones."""
    kinds: dict[str, list[str]] = {"word": [], "name": [], "accented": []}
    for form, count in sorted(counts.items()):
        if not form.isascii():
            kinds["accented"].append(form)
        elif count < min_articles:
            continue
        elif form.islower():
            kinds["word"].append(form)
        elif form[0].isupper() and form[1:].islower() and form.lower() not in counts:
            kinds["name"].append(form)
    return kinds


def one_edit(word: str, rng: random.Random) -> str:
    """`word` with one typing error at a random place: a letter inserted, deleted, replaced,
    or two neighbours swapped. A name keeps its capital: a name is typed as one."""
    edit = rng.choice(EDITS)
    at = rng.randrange(len(word) - (edit == "transpose"))
    letter = rng.choice(string.ascii_lowercase)
    if edit == "insert":
        typed = word[:at] + letter + word[at:]
    elif edit == "delete":
        typed = word[:at] + word[at + 1 :]
    elif edit == "substitute":
        typed = word[:at] + letter + word[at + 1 :]
    else:
        typed = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return typed[0].upper() + typed[1:].lower() if word[0].isupper() else typed


def generate(
    kinds: Mapping[str, list[str]],
    indexed: Callable[[str], bool],
    count: int,
    seed: int,
) -> list[Case]:
    """`count` misspelled cases (two thirds words, a third names) whose error the index does
    not know, and `count` correct ones (half words, a third names, a sixth accented words),
    each alternately in the tune and the report part. `indexed` says whether a search for a
    word finds anything: drawn words must (stop words do not), their errors must not."""
    rng = random.Random(seed)
    words = round(count * 2 / 3)
    misspelled = [
        Case(typed, word, kind, "")
        for kind, wanted in (("word", words), ("name", count - words))
        for word, typed in _draw(kinds[kind], wanted, indexed, rng, misspell=True)
    ]
    accented, names = round(count / 6), round(count / 3)
    correct: list[Case] = []
    for kind, wanted in (("accented", accented), ("name", names), ("word", count)):
        wanted = min(wanted, count - len(correct))  # words fill what accents could not
        correct += [Case(w, w, kind, "") for w, _ in _draw(kinds[kind], wanted, indexed, rng)]
    return [
        Case(case.typed, case.meant, case.kind, PARTS[i % 2])
        for cases in (misspelled, correct)
        for i, case in enumerate(cases)
    ]


def _draw(
    pool: list[str],
    wanted: int,
    indexed: Callable[[str], bool],
    rng: random.Random,
    misspell: bool = False,
) -> list[tuple[str, str]]:
    """Up to `wanted` (word, as typed) pairs drawn from `pool`."""
    drawn: list[tuple[str, str]] = []
    for word in rng.sample(pool, len(pool)):  # a shuffled copy
        if len(drawn) >= wanted:
            break
        if not indexed(word):
            continue
        typed = _unknown_edit(word, indexed, rng) if misspell else word
        if typed:
            drawn.append((word, typed))
    return drawn


def _unknown_edit(word: str, indexed: Callable[[str], bool], rng: random.Random) -> str | None:
    for _ in range(ATTEMPTS):
        typed = one_edit(word, rng)
        if typed.lower() != word.lower() and len(typed) >= 3 and not indexed(typed):
            return typed
    return None


def score(cases: Iterable[Case], suggestions: Mapping[str, str | None]) -> dict[str, Score]:
    """Each part's score, given the suggestion made for each typed word (None: none)."""
    scores = {part: Score() for part in PARTS}
    for case in cases:
        found = scores[case.part]
        suggestion = suggestions.get(case.typed)
        if case.misspelled:
            found.misspelled += 1
            if suggestion is not None:
                found.made += 1
                right = _plain(suggestion) == _plain(case.meant)
                found.restored += right
                if not right:
                    found.examples.append(f"{case.typed} → {suggestion} (meant {case.meant})")
        else:
            found.correct += 1
            if suggestion is not None:
                found.changed += 1
                found.examples.append(f"{case.typed} → {suggestion} (correct)")
    return scores


def _plain(word: str) -> str:
    """Lower case without accents: suggestions are spelled as the index folds them."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
