"""Where direct speech sits in a body: quoted passages and interview turns."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A quote closes on its own paragraph or runs open to the paragraph's end.
_QUOTE = re.compile(r"\u201c[^\u201c\u201d\n]+(?:\u201d|(?=\n|\Z))|\"[^\"\n]+(?:\"|(?=\n|\Z))")
_OPENS_PARAGRAPH = re.compile(r"\n+[ \t]*[\u201c\"]")
_TAG = re.compile(r"^\(\(([A-Z][^()\n]{0,60})\)\)[ \t]*(?=\S)(.*)$", re.MULTILINE)
# Untagged initials answering a tagged question: "MS Although we used ..."
_INITIALS = re.compile(r"^([A-Z]{2,3}):?[ \t]+(?=[A-Z\"\u201c])(.*)$", re.MULTILINE)
# "Full Name: answer" paragraphs in an interview that also uses ((tags)).
_NAME_COLON = re.compile(r"^([A-Z][\w'.-]+(?: [A-Z][\w'.-]+){0,3}):[ \t]+(?=\S)(.*)$", re.MULTILINE)
# "Wikinews: question" lines: an interview written without ((tags)).
_INTERVIEWER_COLON = re.compile(r"^(?:Wikinews|WN|Interviewer):[ \t]", re.MULTILINE)
_TRAILING_TAGS = re.compile(r"\s*\(\([a-z]{2}\)\).*$")


@dataclass(frozen=True)
class Quote:
    """A quoted passage [start, end) with its marks; `open` when it runs to the paragraph end."""

    start: int
    end: int
    open: bool
    continued: bool  # the next quote carries this one on into the next paragraph

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end if self.open else self.end - 1


def find_quotes(body: str) -> list[Quote]:
    """Quoted passages in order; an open quote continues into a paragraph opening with a quote."""
    spans = [(m.start(), m.end()) for m in _QUOTE.finditer(body)]
    quotes = []
    for i, (start, end) in enumerate(spans):
        closed = body[end - 1] in '\u201d"' and end - start > 1
        opens = None if closed or i + 1 >= len(spans) else _OPENS_PARAGRAPH.match(body, end)
        continued = opens is not None and opens.end() - 1 == spans[i + 1][0]
        quotes.append(Quote(start, end, not closed, continued))
    return quotes


@dataclass(frozen=True)
class Turn:
    """One tagged interview answer: `tag` is the name or initials in ((...))."""

    tag: str
    start: int
    end: int
    colon: bool = False  # "Name: answer" rather than "((Name)) answer"


def interview_turns(body: str) -> list[Turn]:
    """Answers of a Wikinews-style interview ("((Full Name)) answer", "((WN)) question")."""
    colons = _INTERVIEWER_COLON.search(body) is not None
    if "((" not in body and not colons:
        return []
    turns = []
    for match in _TAG.finditer(body):
        text_end = match.start(2) + len(_TRAILING_TAGS.sub("", match.group(2)).rstrip())
        turns.append(Turn(match.group(1).strip(), match.start(2), text_end))
    if turns or colons:
        for pattern in (_INITIALS, _NAME_COLON):
            for match in pattern.finditer(body):
                turns.append(Turn(match.group(1), match.start(2), match.end(2), colon=True))
    return sorted(turns, key=lambda t: t.start)
