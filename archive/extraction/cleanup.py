"""Split raw article text into headline, byline, date marker and a clean body."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import is_date_line, split_marker
from .lexicon import SECTIONS
from .text import first_sentence, tidy_line

_GLUED_SECTION = re.compile(r"^(.*[a-z\u00df-\u00ff)'\u2019])(?:" + "|".join(SECTIONS) + r")$")
_BOILERPLATE_LINE = re.compile(
    r"^(?:source link|source|read more|read also|see also|related(?: news| articles)?|share"
    r"|share this(?: article)?|tweet|print|advertisement|subscribe\b.*|follow us\b.*"
    r"|this news has been collected from\b.*|click (?:here|to)\b.*|(?:image|photo): .{1,80}"
    r"|\u2588.*)[:.]?$",
    re.IGNORECASE,
)
# Boilerplate sentences that sites glue onto the end of a real paragraph.
_BOILERPLATE_SENTENCE = re.compile(
    r"\s*(?:This news has been collected from [^.]*\.|Click (?:here|to) [^.]*\.)", re.IGNORECASE
)
# A pull quote's attribution whose quote text was lost: "—Troy Roberts".
_ORPHAN_ATTRIBUTION = re.compile(
    r"^[\u2014\u2013]\s?[A-Z][\w.'\u2019-]*(?: [A-Z][\w.'\u2019-]*){0,4}$"
)
# A whole caption line that ends in its credit: "Protesters at the march. Image: Jane Doe."
_CAPTION_WITH_CREDIT = re.compile(r"^.{1,200}?\s(?:Image|Photo|Video|Map)s?: [^\n]{1,80}$")
# A caption's credit glued to it: "Howie HawkinsImage: GreenIn2010."
_GLUED_CREDIT = re.compile(r"(?<=\S)(?:Image|Photo): .{1,80}$")
_LIST_DATE = re.compile(r"^\d{1,2}[./-](?:\d{1,2}|[A-Za-z]{3,9})[./-]\d{2,4}(?: \d{1,2}:\d{2})?$")
_BY_LINE = re.compile(
    r"^(?:By|BY|Written by|Reported by|Reporting by|Text by)[: ]\s*"
    r"([^\s.,;:!?\d][^.;:!?\d]{1,60}?)$"
)
_NAME_DASH_NAME = re.compile(
    r"^[^\W\d_][\w.'\u2019]*(?: [^\W\d_][\w.'\u2019]*){0,3} [-\u2013\u2014|] "
    r"[^\W\d_][\w.'\u2019]*(?: [^\W\d_][\w.'\u2019]*){0,3}$"
)
_TERMINAL = ".!?:;\"'\u201d\u2019)]\u2026"


@dataclass(frozen=True)
class Cleaned:
    """The pieces of a raw article that the other extractors work on."""

    title: str
    body: str
    byline: str | None
    marker: str | None  # an explicit date marker or a date line that opened the text


def unglue_section(headline: str) -> str:
    """Drop a site section name glued to the headline ('...South CaucasusPolitics')."""
    match = _GLUED_SECTION.match(headline)
    return match.group(1) if match else headline


def looks_like_headline(line: str) -> bool:
    return len(line) <= 160 and len(line.split()) <= 30 and not line.endswith((".", ":", ";", ","))


def _is_list_date(line: str) -> bool:
    return bool(_LIST_DATE.match(line)) or is_date_line(line)


def _drop_trailing_headline_list(lines: list[str]) -> list[str]:
    """Cut a trailing list of the site's other headlines, each followed by its date line."""
    content = [i for i, line in enumerate(lines) if line]
    pairs, pos = 0, len(content) - 1
    while pos >= 1 and _is_list_date(lines[content[pos]]):
        headline = lines[content[pos - 1]]
        if _is_list_date(headline) or len(headline) > 200:
            break
        pairs, pos = pairs + 1, pos - 2
    if pairs < 2:
        return lines
    return lines[: content[pos + 1]]


def _drop_boilerplate(lines: list[str]) -> list[str]:
    kept = []
    for line in lines:
        if line:
            line = _GLUED_CREDIT.sub("", _BOILERPLATE_SENTENCE.sub("", line)).strip()
        if line and _CAPTION_WITH_CREDIT.match(line):
            line = ""
        if line and (_BOILERPLATE_LINE.match(line) or _ORPHAN_ATTRIBUTION.match(line)):
            line = ""
        kept.append(line)
    return _drop_trailing_headline_list(kept)


def _byline(line: str, last: bool) -> str | None:
    match = _BY_LINE.match(line)
    if match and len(match.group(1).split()) <= 8:
        return match.group(1).strip()
    if last and len(line) <= 60 and _NAME_DASH_NAME.match(line) and not line.endswith(_TERMINAL):
        return line
    return None


def _take_byline(lines: list[str]) -> str | None:
    """Find a byline on the first or last content line and blank it."""
    content = [i for i, line in enumerate(lines) if line]
    for i, last in ((content[-1], True), (content[0], False)) if content else ():
        byline = _byline(lines[i], last)
        if byline:
            lines[i] = ""
            return byline
    return None


def _paragraphs(lines: list[str]) -> list[str]:
    """Blank lines and most newlines end a paragraph; hard-wrapped lines are re-joined."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
            current = []
            continue
        wrapped = bool(current) and not current[-1].endswith(tuple(_TERMINAL))
        if wrapped and (line[0].islower() or len(current[-1]) >= 60):
            current.append(line)
            continue
        if current:
            paragraphs.append(" ".join(current))
        current = [line]
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _take_header(lines: list[str], title: str | None) -> tuple[str, str | None]:
    """Remove the headline (and a leading date marker or date line); return title, marker."""
    content = [i for i, line in enumerate(lines) if line]
    if not content:
        return (title or "").strip(), None
    first = content[0]
    marker, rest = split_marker(lines[first])
    lines[first] = rest.strip()
    if marker is None and is_date_line(lines[first]):
        marker, lines[first] = lines[first], ""
        content = content[1:]
        if not content:
            return (title or "").strip(), marker
        first = content[0]
    if title is not None:
        title = unglue_section(tidy_line(title))
        if lines[first].casefold() == title.casefold():
            lines[first] = ""
        return title, marker
    line = lines[first]
    # A line with nothing after it is the whole text, not a headline over one.
    if marker is None and looks_like_headline(line) and len(content) > 1:
        lines[first] = ""
        return unglue_section(line), marker
    return first_sentence(line), marker


def unwrap_indented(text: str) -> str:
    """Wire copy (Reuters) marks paragraphs by indenting their first line, with no blank
    line between them, and hard-wraps every line: there, a line that is not indented goes on
    the line before it, so that "analyst Richard" and "Vietor said" are one sentence again."""
    lines = text.strip("\n").split("\n")
    indented = sum(1 for line in lines[1:] if line[:1] in (" ", "\t") and line.strip())
    # A few blank lines (before a table, a sign-off) leave it wire copy; blank lines between
    # most paragraphs make it prose whose indents are something else.
    if indented < 2 or sum(not line.strip() for line in lines) > indented // 2:
        return text
    unwrapped: list[str] = []
    for line in lines:
        if unwrapped and unwrapped[-1].strip() and line.strip() and line[:1] not in (" ", "\t"):
            unwrapped[-1] = f"{unwrapped[-1].rstrip()} {line.strip()}"
        else:
            unwrapped.append(line)
    return "\n".join(unwrapped)


# Wire copy marks company names and tickers in angle brackets: "<Texaco Canada Inc>", "<BMY>".
_MARKED_NAME = re.compile(r"(?<![<\w])<([A-Z][\w&.,'\u2019 -]{0,60}[\w.])>(?![>\w])")
# "Hitachi Ltd <HIT.T> spokesman": a ticker after the name it codes adds nothing to read.
_TICKER_AFTER_NAME = re.compile(
    r"\b([A-Z][\w.&'\u2019-]*) +<[A-Z][A-Z0-9]{0,5}(?:\.[A-Z]{1,2})?>(?=[\s,.;:)])"
)


def clean(raw_text: str, title: str | None = None) -> Cleaned:
    """Headline, byline, date marker and tidied body of one article."""
    text = unwrap_indented(raw_text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _MARKED_NAME.sub(r"\1", _TICKER_AFTER_NAME.sub(r"\1", text))
    lines = [tidy_line(line) for line in text.split("\n")]
    title, marker = _take_header(lines, title)
    lines = _drop_boilerplate(lines)
    byline = _take_byline(lines)
    body = "\n\n".join(_paragraphs(lines))
    return Cleaned(title=title, body=body, byline=byline, marker=marker)
