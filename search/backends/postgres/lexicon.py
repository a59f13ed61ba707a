"""The lexicon table: every index term, spelling word and name with how many documents have
it. Wildcards and fuzzy words are expanded against it, spelling suggestions read it, and every
write keeps its counts."""

from __future__ import annotations

from collections import Counter

from django.db.backends.utils import CursorWrapper

from search.backends.postgres.rows import NAME, WORD
from search.backends.postgres.tables import LEXICON

MAX_EXPANSIONS = 1000  # terms a wildcard or fuzzy word may stand for


class SqlTerms:
    """The lexicon's index terms, for wildcards and fuzzy words (`compiler.Terms`)."""

    def __init__(self, cursor: CursorWrapper) -> None:
        self.cursor = cursor

    def like(self, pattern: str) -> list[str]:
        self.cursor.execute(
            f"SELECT word FROM {LEXICON} WHERE kind = 't' AND word LIKE %s ORDER BY word LIMIT %s",
            [pattern, MAX_EXPANSIONS],
        )
        return [word for (word,) in self.cursor.fetchall()]

    def near(self, text: str, distance: int, prefix: int) -> list[str]:
        head = text[:prefix].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        self.cursor.execute(
            f"SELECT word FROM {LEXICON} WHERE kind = 't' AND word LIKE %s"
            " AND levenshtein_less_equal(word, %s, %s) <= %s ORDER BY word LIMIT %s",
            [head + "%", text, distance, distance, MAX_EXPANSIONS],
        )
        return [word for (word,) in self.cursor.fetchall()]


class SqlLexicon:
    """The spelling vocabulary in the lexicon table (`spelling.Lexicon`)."""

    def __init__(self, cursor: CursorWrapper) -> None:
        self.cursor = cursor

    def vocabulary(self, words: set[str]) -> dict[str, tuple[int, int]]:
        self.cursor.execute(
            f"SELECT kind, word, docs FROM {LEXICON} WHERE kind IN ('w', 'n') AND word = ANY(%s)",
            [sorted(words)],
        )
        counts: dict[str, dict[str, int]] = {}
        for kind, word, docs in self.cursor.fetchall():
            counts.setdefault(word, {})[kind] = docs
        return {w: (c[WORD], c.get(NAME, 0)) for w, c in counts.items() if WORD in c}

    def matches(self, term: str) -> int:
        self.cursor.execute(f"SELECT docs FROM {LEXICON} WHERE kind = 't' AND word = %s", [term])
        row = self.cursor.fetchone()
        return int(row[0]) if row else 0


def count_words(cursor: CursorWrapper, change: Counter[tuple[str, str]]) -> None:
    """Add `change` to the lexicon's counts, dropping words no document has any more. Sorted,
    so that two writers lock the same rows in the same order."""
    changed = sorted(item for item in change.items() if item[1])
    if not changed:
        return
    kinds = [kind for (kind, _), _ in changed]
    words = [word for (_, word), _ in changed]
    deltas = [delta for _, delta in changed]
    cursor.execute(
        f"INSERT INTO {LEXICON} (kind, word, docs) "
        'SELECT * FROM unnest(%s::"char"[], %s::text[], %s::int[]) '
        f"ON CONFLICT (kind, word) DO UPDATE SET docs = {LEXICON}.docs + EXCLUDED.docs",
        [kinds, words, deltas],
    )
    cursor.execute(
        f"DELETE FROM {LEXICON} WHERE docs <= 0 AND (kind, word) IN "
        '(SELECT * FROM unnest(%s::"char"[], %s::text[]))',
        [kinds, words],
    )


def copy_lexicon(cursor: CursorWrapper, table: str, lexicon: Counter[tuple[str, str]]) -> None:
    """Write a rebuild's lexicon into its new table."""
    with cursor.cursor.copy(f"COPY {table} (kind, word, docs) FROM STDIN") as copy:
        for (kind, word), docs in lexicon.items():
            copy.write_row((kind, word, docs))
