"""The user's query text → a query tree, date filters and notices (pure Python, never raises).

Understands words, "phrases" ("…"~3 for nearby words), AND / OR / NOT / -word / +word,
parentheses, word* and w?rd, word~ (word~2 for two edits), word^2 (weight), and the fields
title:, speaker:, country: (name, demonym or ISO code), source: and date: (2023, 2023-10,
[2021-01 TO 2022-06]). Anything it cannot read becomes plain words, with a notice.

Precedence is Whoosh's and Lucene's classic parser's: NOT binds the next word or group, then
AND, then OR; words side by side must all match (`a b OR c` is a AND (b OR c)).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from search.query import parse_date_bound
from search.query_tree import (
    ANY,
    And,
    Everything,
    Fuzzy,
    Node,
    Not,
    Or,
    Phrase,
    Prefix,
    Term,
    Wildcard,
)

TEXT_FIELDS = ("title", "speaker", "source")
OPERATORS = {"AND", "OR", "NOT"}
MAX_ALIAS_WORDS = 4
MAX_EDIT_DISTANCE = 2  # Whoosh's (and Lucene's) largest useful fuzzy distance
FUZZY_PREFIX = 1  # letters a fuzzy word keeps as typed

_TOKEN = re.compile(
    r"""(?P<field>[A-Za-z_]+):(?P<value>"[^"]*"|\[[^\]]*\]|[^\s()"]+)
      | (?P<phrase>"[^"]*"(?:~\d+)?(?:\^\d*\.?\d+)?)
      | (?P<paren>[()])
      | (?P<word>[^\s()"]+)""",
    re.VERBOSE,
)
_RANGE = re.compile(r"^\[\s*(\S*)\s+TO\s+(\S*)\s*\]$", re.IGNORECASE)
_BOOST = re.compile(r"^(?P<rest>.+?)\^(?P<boost>\d*\.?\d+)$")
_FUZZY = re.compile(r"^(?P<text>.+?)~(?P<distance>\d+)?(?:/(?P<prefix>\d+))?$")
_PHRASE = re.compile(r'^"(?P<text>[^"]*)"(?:~(?P<slop>\d+))?(?:\^(?P<boost>\d*\.?\d+))?$')

CountryResolver = Callable[[str], str | None]
AliasLookup = Callable[[str], Sequence[str]]
# What a query reads into before it becomes a tree: nodes, operators and parentheses.
Item = Node | str


@dataclass(frozen=True)
class TypedFilter:
    """A `field:value` typed in the box that narrows the whole query (not negated, not one
    side of an OR, not in parentheses), and the query text without it."""

    field: str
    value: str  # as typed, without its quotes
    code: str | None  # the ISO code a `country:` names, when it names one
    span: tuple[int, int]  # where it stands in the query text

    def taken_from(self, q: str) -> str:
        return without_filters(q, [self])


def without_filters(q: str, filters: Sequence[TypedFilter]) -> str:
    """The query text with `filters` (found in it by `typed_filters`) taken out."""
    for start, end in sorted((f.span for f in filters), reverse=True):
        q = f"{q[:start]} {q[end:]}"
    return " ".join(q.split())


def typed_filters(
    q: str, resolve_country: CountryResolver = lambda name: None
) -> list[TypedFilter]:
    """The filters typed in `q` that a reader may want to see and remove one by one."""
    tokens = list(_TOKEN.finditer(q))
    found = []
    depth = 0
    for i, match in enumerate(tokens):
        paren = match.group("paren")
        depth += 1 if paren == "(" else -1 if paren == ")" else 0
        name = (match.group("field") or "").lower()
        if depth or name not in (*TEXT_FIELDS, "country", "date"):
            continue
        before = tokens[i - 1].group() if i else ""
        after = tokens[i + 1].group() if i + 1 < len(tokens) else ""
        if before in ("NOT", "OR") or after == "OR":
            continue
        value = match.group("value").strip('"')
        code = resolve_country(value) if name == "country" else None
        found.append(TypedFilter(name, value, code, match.span()))
    return found


@dataclass
class ParsedQuery:
    tree: Node
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    notices: list[str] = field(default_factory=list)


def parse(
    q: str,
    resolve_country: CountryResolver = lambda name: None,
    aliases: AliasLookup = lambda text: (),
) -> ParsedQuery:
    """Read `q` into a tree: fields named, aliases expanded, stray syntax dropped."""
    result = ParsedQuery(tree=Everything())
    q = _balance(q, result.notices)
    items: list[Item] = []
    words: list[str] = []  # a run of plain words, expanded together for multi-word aliases
    for match in _TOKEN.finditer(q):
        kind = next(k for k in ("field", "phrase", "paren", "word") if match.group(k))
        word = match.group("word")
        if kind == "word" and word not in OPERATORS and not _is_sign(word):
            words.append(word)
            continue
        items += _expand_words(words, aliases, result.notices)
        words = []
        if kind == "field":
            items += _field(match.group("field"), match.group("value"), resolve_country, result)
        elif kind == "phrase":
            items += _phrase(match.group("phrase"), aliases)
        elif kind == "word" and _is_sign(word):
            # -word excludes, +word requires (every word is required already).
            rest = word[1:] if word[1:] in OPERATORS else _leaf(word[1:], ANY, result.notices)
            items += ["NOT", rest] if word[0] == "-" else [rest]
        else:
            items.append(match.group(kind))
    items += _expand_words(words, aliases, result.notices)
    result.tree = _tree(_tidy_operators(items, result.notices)) or Everything()
    return result


def _tidy_operators(items: list[Item], notices: list[str]) -> list[Item]:
    """Read a run of negations (`NOT -x`, `NOT NOT x`) as one NOT and drop operators with
    nothing to join."""
    tidy: list[Item] = []
    for item in items:
        if item == "NOT" and tidy and tidy[-1] == "NOT":
            if "A repeated NOT was read as one." not in notices:
                notices.append("A repeated NOT was read as one.")
            continue
        if item in ("AND", "OR") and (not tidy or tidy[-1] in OPERATORS or tidy[-1] == "("):
            continue  # nothing on its left
        if item == ")" and tidy and tidy[-1] in OPERATORS:
            tidy.pop()  # nothing on its right
        tidy.append(item)
    while tidy and tidy[-1] in OPERATORS:
        tidy.pop()
    return tidy


def _tree(items: list[Item]) -> Node | None:
    """Items (balanced parentheses, tidy operators) → one node; None for nothing."""
    units: list[Item] = []
    depth, start = 0, 0
    for i, item in enumerate(items):
        if item == "(":
            depth += 1
            if depth == 1:
                start = i + 1
        elif item == ")":
            depth -= 1
            if depth == 0:
                inner = _tree(items[start:i])
                if inner is not None:
                    units.append(inner)
        elif depth == 0:
            units.append(item)
    return _group(_infix(_infix(_negations(units), "AND", And), "OR", Or))


def _negations(units: list[Item]) -> list[Item]:
    out: list[Item] = []
    for unit in reversed(units):  # so that NOT takes the node already built on its right
        if unit == "NOT":
            if out and not isinstance(out[-1], str):
                out[-1] = Not(out[-1])
            continue
        out.append(unit)
    return out[::-1]


def _infix(units: list[Item], operator: str, kind: type[And] | type[Or]) -> list[Item]:
    """Join `left OPERATOR right` into one node, left to right (`a OR b OR c` is one Or)."""
    out: list[Item] = []
    pending = False
    for unit in units:
        if unit == operator:
            pending = bool(out) and not isinstance(out[-1], str)
            continue
        if pending and not isinstance(unit, str):
            left = out.pop()
            assert not isinstance(left, str)
            parts = left.children if isinstance(left, And | Or) and type(left) is kind else (left,)
            # An AND the user wrote keeps the whole query strict (see `query_tree.clauses`).
            out.append(And((*parts, unit), strict=True) if kind is And else Or((*parts, unit)))
        else:
            out.append(unit)
        pending = False
    return out


def _group(units: list[Item]) -> Node | None:
    """Nodes side by side must all match."""
    nodes = [u for u in units if not isinstance(u, str)]
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


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


def _field(
    name: str, value: str, resolve_country: CountryResolver, result: ParsedQuery
) -> list[Item]:
    lowered = name.lower()
    bare = value.strip('"')
    if lowered in TEXT_FIELDS:
        if not bare.strip():
            return []
        if value.startswith('"'):
            return [Phrase(bare, lowered)]
        return [_leaf(value, lowered, result.notices)]
    if lowered == "country":
        code = resolve_country(bare)
        if code:
            return [Term(code, "country")]
        result.notices.append(f"No country called {bare!r}; searched for the word instead.")
        return [_words(bare, result.notices)]
    if lowered == "date":
        _date_filter(bare if not value.startswith("[") else value, result)
        return []
    result.notices.append(f"There is no field {name!r}; searched for {name} {bare} as words.")
    return [_leaf(name, ANY, result.notices), _words(bare, result.notices)]


def _date_filter(value: str, result: ParsedQuery) -> None:
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


def _leaf(word: str, field: str, notices: list[str]) -> Node:
    """One word as typed: a fuzzy word, a wildcard, or a plain term, with its weight."""
    boost = 1.0
    weighted = _BOOST.match(word)
    if weighted:
        word, boost = weighted["rest"], float(weighted["boost"])
    asked = word.rstrip("?")
    if asked and asked != word and not {"*", "?"} & set(asked):
        word = asked  # `interfering?` ends a question: the mark is punctuation, not a pattern
    fuzzy = _FUZZY.match(word)
    if fuzzy:
        distance = int(fuzzy["distance"] or 1)
        if distance > MAX_EDIT_DISTANCE:
            distance = MAX_EDIT_DISTANCE
            notice = f"Fuzzy matching allows at most {MAX_EDIT_DISTANCE} edits per word."
            if notice not in notices:
                notices.append(notice)
        prefix = max(int(fuzzy["prefix"] or 0), FUZZY_PREFIX)
        return Fuzzy(fuzzy["text"], field, distance, prefix, boost)
    if len(word) > 1 and word.find("*") == len(word) - 1 and "?" not in word:
        return Prefix(word[:-1], field, boost)
    if "*" in word or "?" in word:
        return Wildcard(word, field, boost)
    return Term(word, field, boost)


def _words(text: str, notices: list[str]) -> Node:
    """Text a field could not use, searched as it stands: a phrase if it has spaces."""
    text = text.replace('"', " ").strip()
    return Phrase(text) if " " in text else _leaf(text, ANY, notices)


def _phrase(token: str, aliases: AliasLookup) -> list[Item]:
    match = _PHRASE.match(token)
    assert match is not None  # the token pattern only yields phrases this matches
    text = match["text"]
    if not text.strip():
        return []
    forms = aliases(text)
    if forms:
        return [_alternatives(forms)]
    slop = int(match["slop"]) if match["slop"] else 1
    return [Phrase(text, ANY, slop, float(match["boost"]) if match["boost"] else 1.0)]


def _expand_words(words: list[str], aliases: AliasLookup, notices: list[str]) -> list[Item]:
    """Replace the longest runs of words that name an alias group with all its spellings."""
    out: list[Item] = []
    i = 0
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
            out.append(_leaf(words[i], ANY, notices))
            i += 1
    return out


def _is_sign(word: str) -> bool:
    return len(word) > 1 and word[0] in "+-" and word[1] not in "+-"


def _is_syntax(word: str) -> bool:
    return word.startswith(("-", "+")) or word.endswith(("*", "~")) or "?" in word or "^" in word


def _alternatives(forms: Sequence[str]) -> Node:
    spellings: list[Node] = []
    for form in forms:
        text = form.replace('"', " ").strip()
        spellings.append(Phrase(text) if " " in text else Term(text))
    return spellings[0] if len(spellings) == 1 else Or(tuple(spellings))
