"""Passages of 8–40 words copied from articles, as a reader pastes them: clean, cut mid-word at
either end, across a paragraph break, or in curly quotes (pure Python, seeded, so a run repeats).
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

MIN_WORDS, MAX_WORDS = 8, 40
FORMS = {
    "clean": "clean",
    "cut-start": "cut mid-word at the start",
    "cut-end": "cut mid-word at the end",
    "cut-both": "cut mid-word at both ends",
    "paragraph": "spans a paragraph break",
    "curly": "curly quotes and apostrophes",
}
_WORD = re.compile(r"\S+")
# A blank line (Wikinews), or a line break before an indent (Reuters' wire paragraphs).
_BREAK = re.compile(r"\n\s*\n|\n[ \t]+")
_TRIES = 50  # draws of a passage before settling for one without a mid-word cut


@dataclass(frozen=True)
class Source:
    id: str
    text: str


@dataclass(frozen=True)
class Passage:
    source: str  # the id of the article it was copied from
    form: str  # a key of FORMS
    text: str  # as pasted
    core: str  # the copied characters, whitespace collapsed, before any quotes were added

    @property
    def words(self) -> int:
        return len(self.core.split())


def draw(sources: Sequence[Source], count: int, seed: int) -> list[Passage]:
    """`count` passages, the forms taking turns; each from a random article long enough (a
    paragraph passage from one with a break), of a random length, at a random place."""
    rng = random.Random(seed)
    long_enough = [s for s in sources if len(s.text.split()) >= MIN_WORDS]
    with_breaks = [s for s in long_enough if _BREAK.search(s.text.strip())]
    forms = [f for f in FORMS if f != "paragraph" or with_breaks] if long_enough else []
    passages = []
    for number in range(count if forms else 0):
        form = forms[number % len(forms)]
        source = rng.choice(with_breaks if form == "paragraph" else long_enough)
        passages.append(_passage(source, form, rng))
    return passages


def _passage(source: Source, form: str, rng: random.Random) -> Passage:
    spans = [m.span() for m in _WORD.finditer(source.text)]
    cut_start, cut_end = form in ("cut-start", "cut-both"), form in ("cut-end", "cut-both")
    for _ in range(_TRIES):
        length = rng.randint(MIN_WORDS, min(MAX_WORDS, len(spans)))
        first = _start(source.text, spans, length, form == "paragraph", rng)
        words = spans[first : first + length]
        # A cut needs a word of two characters or more at that end, or nothing is cut.
        if (not cut_start or _long(words[0])) and (not cut_end or _long(words[-1])):
            break
    start, end = words[0][0], words[-1][1]
    if cut_start and _long(words[0]):
        start += rng.randint(1, words[0][1] - words[0][0] - 1)
    if cut_end and _long(words[-1]):
        end -= rng.randint(1, words[-1][1] - words[-1][0] - 1)
    text = source.text[start:end]
    core = " ".join(text.split())
    if form == "curly":
        text = curl(text)
    return Passage(source.id, form, text, core)


def _start(
    text: str, spans: list[tuple[int, int]], length: int, across_break: bool, rng: random.Random
) -> int:
    """The first word: anywhere, or such that a paragraph break falls inside the passage."""
    if not across_break:
        return rng.randint(0, len(spans) - length)
    # Word k opens a paragraph when the space before it holds a break.
    openers = [
        k for k in range(1, len(spans)) if _BREAK.search(text[spans[k - 1][1] : spans[k][0]])
    ]
    opener = rng.choice(openers)
    return rng.randint(max(0, opener - length + 1), min(opener - 1, len(spans) - length))


def _long(span: tuple[int, int]) -> bool:
    return span[1] - span[0] >= 2


def curl(text: str) -> str:
    """`text` as a word processor prints it: straight quotes and apostrophes curled, and the
    whole wrapped in curly double quotes."""
    text = re.sub(r"(?<=\w)'", "\u2019", text)  # it's, the players'
    text = re.sub(r"'(?=\w)", "\u2018", text).replace("'", "\u2019")
    opening = True
    curled = []
    for part in re.split(r'(")', text):
        if part == '"':
            curled.append("\u201c" if opening else "\u201d")
            opening = not opening
        else:
            curled.append(part)
    return "\u201c" + "".join(curled) + "\u201d"
