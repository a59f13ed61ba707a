"""The user's query text → a backend-ready query string, date filters and notices (pure Python).

Understands words, "phrases", AND / OR / NOT / -word, parentheses, word*, word~, and the fields
title:, speaker:, country: (name, demonym or ISO code), source: and date: (2023, 2023-10,
[2021-01 TO 2022-06]). Anything it cannot read becomes plain words, with a notice.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from search.query import parse_date_bound

# user-facing field -> index field
TEXT_FIELDS = {"title": "title", "speaker": "speaker_names", "source": "source_text"}
OPERATORS = {"AND", "OR", "NOT"}
MAX_ALIAS_WORDS = 4

_TOKEN = re.compile(
    r"""(?P<field>[A-Za-z_]+):(?P<value>"[^"]*"|\[[^\]]*\]|[^\s()"]+)
      | (?P<phrase>"[^"]*")
      | (?P<paren>[()])
      | (?P<word>[^\s()"]+)""",
    re.VERBOSE,
)
_RANGE = re.compile(r"^\[\s*(\S*)\s+TO\s+(\S*)\s*\]$", re.IGNORECASE)

CountryResolver = Callable[[str], str | None]
AliasLookup = Callable[[str], Sequence[str]]


@dataclass
class PreparedQuery:
    text: str
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    notices: list[str] = field(default_factory=list)


def prepare(
    q: str,
    resolve_country: CountryResolver,
    aliases: AliasLookup = lambda text: (),
) -> PreparedQuery:
    """Rewrite `q` for the index: fields mapped, aliases expanded, stray syntax dropped."""
    result = PreparedQuery(text="")
    q = _balance(q, result.notices)
    parts: list[str] = []
    words: list[str] = []  # a run of plain words, expanded together for multi-word aliases
    for match in _TOKEN.finditer(q):
        kind = next(k for k in ("field", "phrase", "paren", "word") if match.group(k))
        word = match.group("word")
        if kind == "word" and word not in OPERATORS and not _is_sign(word):
            words.append(word)
            continue
        parts += _expand_words(words, aliases)
        words = []
        if kind == "field":
            parts.append(
                _field(match.group("field"), match.group("value"), resolve_country, result)
            )
        elif kind == "phrase":
            parts.append(_phrase(match.group("phrase"), aliases))
        elif kind == "word" and _is_sign(word):
            # -word excludes, +word requires (every word is required already).
            parts += ["NOT", word[1:]] if word[0] == "-" else [word[1:]]
        else:
            parts.append(match.group(kind))
    parts += _expand_words(words, aliases)
    result.text = " ".join(_tidy_operators([p for p in parts if p], result.notices))
    return result


def _tidy_operators(parts: list[str], notices: list[str]) -> list[str]:
    """Read a run of negations (`NOT -x`, `NOT NOT x`) as one NOT and drop operators with
    nothing to join, which Whoosh's parser cannot read (it raises on `NOT NOT`)."""
    tidy: list[str] = []
    for part in parts:
        if part == "NOT" and tidy and tidy[-1] == "NOT":
            if "A repeated NOT was read as one." not in notices:
                notices.append("A repeated NOT was read as one.")
            continue
        if part in ("AND", "OR") and (not tidy or tidy[-1] in OPERATORS):
            continue  # nothing on its left
        tidy.append(part)
    while tidy and tidy[-1] in OPERATORS:
        tidy.pop()  # nothing on its right
    return tidy


def _balance(q: str, notices: list[str]) -> str:
    """Drop an unclosed quote and unmatched parentheses, so the rest still searches."""
    if q.count('"') % 2:
        last = q.rfind('"')
        q = f"{q[:last]} {q[last + 1 :]}"
        notices.append("An unclosed quote was ignored.")
    open_at: list[int] = []
    unmatched: set[int] = set()
    for i, ch in enumerate(q):
        if ch == "(":
            open_at.append(i)
        elif ch == ")":
            if open_at:
                open_at.pop()
            else:
                unmatched.add(i)
    unmatched |= set(open_at)
    if unmatched:
        notices.append("Unbalanced parentheses were ignored.")
        q = "".join(" " if i in unmatched else ch for i, ch in enumerate(q))
    return q


def _field(name: str, value: str, resolve_country: CountryResolver, result: PreparedQuery) -> str:
    lowered = name.lower()
    bare = value.strip('"')
    if lowered in TEXT_FIELDS:
        return f"{TEXT_FIELDS[lowered]}:{value}" if bare else ""
    if lowered == "country":
        code = resolve_country(bare)
        if code:
            return f"countries:{code}"
        result.notices.append(f"No country called {bare!r}; searched for the word instead.")
        return _quote(bare)
    if lowered == "date":
        _date_filter(bare if not value.startswith("[") else value, result)
        return ""
    result.notices.append(f"There is no field {name!r}; searched for {name} {bare} as words.")
    return f"{name} {_quote(bare)}"


def _date_filter(value: str, result: PreparedQuery) -> None:
    ranged = _RANGE.match(value)
    low, high = ranged.groups() if ranged else (value, value)
    start = parse_date_bound(low, start=True) if low and low != "*" else None
    end = parse_date_bound(high, start=False) if high and high != "*" else None
    if (low and low != "*" and start is None) or (high and high != "*" and end is None):
        result.notices.append(
            f"Ignored date:{value}: use date:2023, date:2023-10 or date:[2021-01 TO 2022-06]."
        )
        return
    if start and (result.date_from is None or start > result.date_from):
        result.date_from = start
    if end and (result.date_to is None or end < result.date_to):
        result.date_to = end


def _quote(text: str) -> str:
    text = text.replace('"', " ").strip()
    return f'"{text}"' if " " in text else text


def _phrase(phrase: str, aliases: AliasLookup) -> str:
    forms = aliases(phrase.strip('"'))
    return _alternatives(forms) if forms else phrase


def _expand_words(words: list[str], aliases: AliasLookup) -> list[str]:
    """Replace the longest runs of words that name an alias group with all its spellings."""
    out, i = [], 0
    while i < len(words):
        for size in range(min(MAX_ALIAS_WORDS, len(words) - i), 0, -1):
            chunk = words[i : i + size]
            if any(_is_syntax(w) for w in chunk):
                continue
            forms = aliases(" ".join(chunk))
            if forms:
                out.append(_alternatives(forms))
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return out


def _is_sign(word: str) -> bool:
    return len(word) > 1 and word[0] in "+-" and word[1] not in "+-"


def _is_syntax(word: str) -> bool:
    return word.startswith(("-", "+")) or word.endswith(("*", "~")) or "?" in word


def _alternatives(forms: Sequence[str]) -> str:
    return "(" + " OR ".join(_quote(f) for f in forms) + ")"
