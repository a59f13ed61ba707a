"""Find calendar dates in text, the article's own date, and the agency named in a dateline."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

_MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
# Lower-case full month names, for rules elsewhere that must not read a month as a name.
MONTH_NAMES = frozenset(_MONTHS)
_ABBREVIATIONS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8}
_ABBREVIATIONS |= {"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12}


def _month_alternation() -> str:
    # Title case or capitals only: a lower-case "may" or "march" is a verb.
    forms = [f for m in _MONTHS for f in (m.title(), m.upper())]
    forms += [f + r"\.?" for a in _ABBREVIATIONS for f in (a.title(), a.upper())]
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


_MON = _month_alternation()
# Full names only: "in Mar" or "by Jun" alone is too rarely a month.
_MONTH_NAME = "(?:" + "|".join(m.title() for m in _MONTHS) + ")"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
# Shared with the dateline reader in countries.py.
MONTH_PATTERN, DAY_PATTERN, YEAR_PATTERN = _MON, _DAY, _YEAR
# The two ends of a range of days: "10 to 12 December", "December 10-12", "1 and 3 May".
_TO = r"(?:\s*[-\u2013]\s*|\s+(?:to|and|until|through)\s+)"
_NOT_A_NUMBER = r"(?!\s*(?:pct|per|percent|%|[.,]\d))"  # "September 3 and 4 pct of"
_DATE_RE = re.compile(
    rf"(?<![\w-])(?=[0-9JFMASOND])(?:"
    rf"(?P<iso_y>{_YEAR})-(?P<iso_m>[01]\d)-(?P<iso_d>[0-3]\d)"
    rf"|(?P<dmy_d>[0-3]?\d)\.(?P<dmy_m>[01]?\d|[A-Za-z]{{3}})\.(?P<dmy_y>{_YEAR})"
    rf"|(?P<md_m>{_MON}) (?P<md_d>{_DAY})(?:{_TO}(?P<md_e>[0-3]?\d)\b{_NOT_A_NUMBER})?"
    rf"(?:,? (?P<md_y>{_YEAR}))?(?![\d:])"
    rf"|(?:(?P<dm_s>[0-3]?\d){_TO})?(?P<dm_d>{_DAY})(?:[-\u2013]\d{{1,2}})? (?:of )?"
    rf"(?P<dm_m>{_MON}),?(?: (?P<dm_y>{_YEAR}))?"
    rf"|(?P<my_m>{_MON}),? (?:of )?(?P<my_y>{_YEAR})"
    rf")(?![\w-])"
)
# A month alone after a preposition: "in late August", "until June", "last May".
_MONTH_ALONE_RE = re.compile(
    r"\b(?:(?i:in|since|until|till|by|from|through|during|last|next|this|past|of|early|mid|late) "
    r"|(?i:mid)-)"
    rf"(?P<mo_m>{_MONTH_NAME})(?![\w-])(?!,? (?:of )?(?:{_DAY}|{_YEAR})\b)"
)
_MARKER_RE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*", re.IGNORECASE)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DATE_LINE_RE = re.compile(
    rf"^(?:{_WEEKDAY},? )?(?:{_MON} {_DAY},? {_YEAR}|{_DAY} {_MON},? {_YEAR})$"
)
_DATELINE_RE = re.compile(
    rf"(?P<city>[A-Z][A-Z.'\u2019 -]{{1,40}}[A-Z.])"
    # A state or country after the city: "PORTLAND, Ore., Feb 26 -".
    rf"(?:, (?!{_MON} )[A-Z][\w.]*(?: ?[A-Z][\w.]*){{0,2}})?"
    rf",? (?:(?P<date>{_MON} {_DAY}(?:,? {_YEAR})?)"
    r",? ?)?(?:\(?(?P<agency>[A-Z][\w.]*(?:[-/][A-Z][\w.]*)*)\)?)?\s*(?::|\s[-\u2013\u2014])"
)
_NON_DIGITS = re.compile(r"\D")
_BARE_YEAR = re.compile(rf"(?<![\w-]){_YEAR}(?![\w-])")
_AGENCY_SPLIT = re.compile(r"[-/]")
_NEWLINES = re.compile(r"\n+")
_CAPTION_RE = re.compile(
    r"\((?:Photo|Image|File photo|Picture)\b[^)]*\)|\b(?:Photo|Image) ?(?:by|:)"
)


@dataclass(frozen=True)
class DateMention:
    """One date in the text; `year` is None until completed from context."""

    start: int
    end: int
    month: int
    day: int | None
    year: int | None

    def iso(self) -> str | None:
        if self.year is None:
            return None
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def month_number(word: str) -> int | None:
    """`June`, `jun`, `Sept.` or `6` → 6; None for anything else."""
    key = word.lower().rstrip(".")
    return _MONTHS.get(key) or _ABBREVIATIONS.get(key) or (int(key) if key.isdigit() else None)


def _day(text: str | None) -> int | None:
    return int(_NON_DIGITS.sub("", text)) if text else None


def _mention(match: re.Match[str]) -> DateMention | None:
    g = match.groupdict()
    for prefix in ("iso", "dmy", "md", "dm", "my", "mo"):
        if g.get(f"{prefix}_m"):
            month = month_number(g[f"{prefix}_m"])
            day = _day(g.get(f"{prefix}_d"))
            year = int(g[f"{prefix}_y"]) if g.get(f"{prefix}_y") else None
            break
    else:  # pragma: no cover - every alternative names a month group
        return None
    if month is None or not 1 <= month <= 12:
        return None
    if day is not None:
        try:  # 31 November and friends are not dates.
            datetime.date(year or 2000, month, day)
        except ValueError:
            return None
    return DateMention(match.start(), match.end(), month, day, year)


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date or month-and-year in `text`, years not yet completed; both ends of a range
    of days."""
    dates = list(_DATE_RE.finditer(text))
    taken = {i for m in dates for i in range(m.start(), m.end())}
    # "the 4th of March" is a day, not also a month alone.
    alone = [m for m in _MONTH_ALONE_RE.finditer(text) if m.start("mo_m") not in taken]
    found: list[DateMention] = []
    for match in sorted([*dates, *alone], key=lambda m: m.start()):
        mention = _mention(match)
        if mention is None:
            continue
        found.append(mention)
        other = match.groupdict().get("md_e") or match.groupdict().get("dm_s")
        end = _other_end(mention, int(other)) if other else None
        if end:
            found.append(end)
    return found


def _other_end(mention: DateMention, day: int) -> DateMention | None:
    """The range's other day, in the same month and year, when it is one."""
    if mention.day is None or day == mention.day:
        return None
    try:
        datetime.date(mention.year or 2000, mention.month, day)
    except ValueError:
        return None
    return DateMention(mention.start, mention.end, mention.month, day, mention.year)


PAST, FUTURE = "past", "future"
# A week either side of the article date belongs to both tenses ("on Monday's vote").
_SLACK = 7
_FUTURE = re.compile(
    r"\b(?:will|shall|going to|scheduled|set to|due to|upcoming|next|plans? to|expected to"
    r"|to be held|would be held|intends? to|aims? to|hopes? to|wants? to|by the end of"
    r"|deadline)\b|'ll\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|went|took|held|came|began|ended|met|won|lost|died|last|ago"
    r"|earlier)\b",
    re.IGNORECASE,
)


def _closest_year(month: int, day: int | None, anchor: datetime.date, tense: str = "") -> int:
    """The year that puts month/day nearest the article date ("on October 23"), on the side
    of it the sentence's tense points to ("the talks on March 5 went well" in October: this
    year's March, not next year's)."""

    def distance(year: int) -> int:
        try:
            days = (datetime.date(year, month, day or 15) - anchor).days
        except ValueError:  # 29 February
            return 10**6
        wrong_side = (tense == PAST and days > _SLACK) or (tense == FUTURE and days < -_SLACK)
        return abs(days) + (10**5 if wrong_side else 0)

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=distance)


def _tense(text: str, start: int, end: int) -> str:
    """PAST or FUTURE when the sentence holding text[start:end] speaks of only one of them."""
    if not text:
        return ""
    sentence = text[slice(*_sentence_around(text, start, end))]
    future = bool(_FUTURE.search(sentence))
    past = bool(_PAST.search(sentence))
    return PAST if past and not future else FUTURE if future and not past else ""


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence holding text[start:end], by its punctuation alone."""
    before = max(text.rfind(c, 0, start) for c in ".!?\n")
    after = min((i for c in ".!?\n" if (i := text.find(c, end)) != -1), default=len(text))
    return before + 1, after


def _year_nearby(text: str, start: int, end: int) -> int | None:
    """A year written in the same sentence ("the 2020 election on November 3"), nearest first."""
    years = [
        (abs(y.start() - start), int(y.group()))
        for y in _BARE_YEAR.finditer(text, *_sentence_around(text, start, end))
    ]
    return min(years)[1] if years else None


def sole_year(text: str) -> int | None:
    """The one year `text` writes ("the 2020 presidential primaries"), if it writes one only:
    the year its undated days and months belong to."""
    years = {int(y.group()) for y in _BARE_YEAR.finditer(text)}
    return years.pop() if len(years) == 1 else None


def complete_years(
    mentions: list[DateMention],
    anchor: datetime.date | None,
    text: str = "",
    context_year: int | None = None,
    title_year: int | None = None,
) -> list[DateMention]:
    """Give year-less mentions a year: from the article date, else a year written in the same
    sentence, else the year the headline writes ("2020 United States presidential election:
    …"), else (days only) the nearest dated mention or the article's only year."""
    dated = [m for m in mentions if m.year is not None]
    result = []
    for m in mentions:
        year = m.year
        if year is None and anchor is not None:
            year = _closest_year(m.month, m.day, anchor, _tense(text, m.start, m.end))
        elif year is None and (nearby := _year_nearby(text, m.start, m.end)):
            year = nearby
        elif year is None and title_year is not None:
            year = title_year
        elif year is None and dated and m.day is not None:
            # A month alone ("in March") takes no year from another date: too often that
            # date is of another event.
            year = min(dated, key=lambda d: abs(d.start - m.start)).year
        elif year is None and m.day is not None:
            year = context_year
        if year is not None:
            result.append(DateMention(m.start, m.end, m.month, m.day, year))
    return result


def iso_dates(mentions: list[DateMention], article: datetime.date | None = None) -> tuple[str, ...]:
    """Sorted unique ISO forms; the article's own date counts as mentioned (its dateline)."""
    found = {iso for m in mentions if (iso := m.iso())}
    if article is not None:
        found.add(article.isoformat())
    return tuple(sorted(found))


def split_marker(line: str) -> tuple[str | None, str]:
    """('2023-01-30', rest) for a line starting with a 'date 2023-01-30' marker."""
    match = _MARKER_RE.match(line)
    if not match:
        return None, line
    return match.group(1), line[match.end() :]


def is_date_line(line: str) -> bool:
    """True for a line that is only a date, like 'Wednesday, January 23, 2019'."""
    return bool(_DATE_LINE_RE.match(line.strip()))


def parse_date(text: str) -> datetime.date | None:
    """The full date a short string spells, or None."""
    for m in find_date_mentions(text):
        if m.year and m.day:
            return datetime.date(m.year, m.month, m.day)
    return None


@dataclass(frozen=True)
class Dateline:
    date: DateMention | None
    agency: str | None


def find_dateline(body: str) -> Dateline | None:
    """A wire dateline opening a paragraph: 'STEPANAKERT, JANUARY 30, ARTSAKHPRESS-ARMENPRESS:'."""
    for para_start in _paragraph_starts(body):
        match = _DATELINE_RE.match(body, para_start)
        if match and (match.group("date") or match.group("agency")):
            date = None
            if match.group("date"):
                found = find_date_mentions(match.group("date"))
                date = found[0] if found else None
            agency = match.group("agency")
            # "ARTSAKHPRESS-ARMENPRESS": the last agency is the one that wrote the story.
            source = _AGENCY_SPLIT.split(agency)[-1] if agency else None
            return Dateline(date, source)
    return None


def _paragraph_starts(body: str) -> list[int]:
    return [0] + [m.end() for m in _NEWLINES.finditer(body)]


def caption_date(body: str) -> datetime.date | None:
    """The full date inside a photo caption: '... in Moscow, October 26, 2023. (Photo by IRNA)'."""
    for paragraph in body.split("\n"):
        if len(paragraph) < 400 and _CAPTION_RE.search(paragraph):
            date = parse_date(paragraph)
            if date:
                return date
    return None


def article_date(marker: str | None, body: str) -> datetime.date | None:
    """The article's own date: marker or date line, else dateline, else a dated caption."""
    if marker:
        return parse_date(marker) or _iso(marker)
    dateline = find_dateline(body)
    d = dateline.date if dateline else None
    if d and d.day:
        if d.year:
            return _safe_date(d.year, d.month, d.day)
        return _date_after_mentions(d.month, d.day, body)
    return caption_date(body)


def _date_after_mentions(month: int, day: int, body: str) -> datetime.date | None:
    """Complete a dateline without a year ("BUENOS AIRES, March 2 -") from the article.

    News reports what happened before it was filed, so the dateline is the first such day
    on or after the latest full date the article writes out; with none, we give no date.
    """
    dated = [m for m in find_date_mentions(body) if m.year is not None]
    if not dated:
        return None
    latest = max((m.year, m.month, m.day or 1) for m in dated if m.year)
    for year in (latest[0], latest[0] + 1):
        if (year, month, day) >= latest:
            return _safe_date(year, month, day)
    return None  # pragma: no cover - the second year is always late enough


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:  # 29 February in a year that has none
        return None


def _iso(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        return None
