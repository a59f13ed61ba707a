"""Score extracted metadata against hand-labelled gold: precision, recall, F1, every miss."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from archive.extraction import name_key

SET_FIELDS = ("countries", "speakers", "persons", "dates_mentioned")


def _key(name: str) -> str:
    name = name.strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return name_key(name)


def _surname_key(name: str) -> str:
    words = name.replace(".", ". ").split()
    return name_key(words[-1]) if words else ""


def names_match(found: str, gold: str) -> bool:
    """Same name written in full, by surname alone, or as a transliteration variant."""
    if _key(found) == _key(gold):
        return True
    found_words, gold_words = found.split(), gold.split()
    if len(found_words) == 1 and len(gold_words) > 1:
        return _key(found) == _surname_key(gold)
    if len(gold_words) == 1 and len(found_words) > 1:
        return _key(gold) == _surname_key(found)
    return False


def _exact(found: str, gold: str) -> bool:
    return found == gold


MATCHERS: dict[str, Callable[[str, str], bool]] = {
    "countries": _exact,
    "dates_mentioned": _exact,
    "speakers": names_match,
    "persons": names_match,
}


@dataclass
class FieldScore:
    """Micro-averaged counts for one field, with every error named by article."""

    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_hits: list[tuple[str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(
        self,
        article: str,
        found: Iterable[str],
        required: Iterable[str],
        acceptable: Iterable[str],
        match: Callable[[str, str], bool],
    ) -> None:
        """Acceptable values are neither required nor counted as wrong."""
        unmatched = list(dict.fromkeys(required))
        acceptable = list(acceptable)
        for value in dict.fromkeys(found):
            hit = next((g for g in unmatched if match(value, g)), None)
            if hit is not None:
                unmatched.remove(hit)
                self.true_positives += 1
            elif not any(match(value, g) for g in acceptable):
                self.false_positives += 1
                self.false_hits.append((article, value))
        self.false_negatives += len(unmatched)
        self.misses += [(article, value) for value in unmatched]


@dataclass
class DateScore:
    correct: int = 0
    total: int = 0
    wrong: list[tuple[str, str | None, str | None]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def add(self, article: str, found: str | None, gold: str | None) -> None:
        self.total += 1
        if found == gold:
            self.correct += 1
        else:
            self.wrong.append((article, found, gold))


@dataclass
class Evaluation:
    fields: dict[str, FieldScore] = field(
        default_factory=lambda: {f: FieldScore() for f in SET_FIELDS}
    )
    date: DateScore = field(default_factory=DateScore)
    articles: int = 0

    def add(self, article: str, found: Mapping[str, Any], gold: Mapping[str, Any]) -> None:
        """`found` is an `archive.mapping.export_record`, `gold` a labelled one."""
        self.articles += 1
        for name in SET_FIELDS:
            if name not in gold:
                continue
            self.fields[name].add(
                article,
                found.get(name) or (),
                gold.get(name) or (),
                gold.get(f"{name}_acceptable") or (),
                MATCHERS[name],
            )
        if "date" in gold:
            self.date.add(article, found.get("date"), gold.get("date"))

    def as_dict(self) -> dict[str, Any]:
        scores = {
            name: {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "tp": s.true_positives,
                "fp": s.false_positives,
                "fn": s.false_negatives,
            }
            for name, s in self.fields.items()
        }
        return {
            "articles": self.articles,
            "fields": scores,
            "date": {
                "correct": self.date.correct,
                "total": self.date.total,
                "accuracy": round(self.date.accuracy, 4),
            },
        }

    def report_lines(self) -> list[str]:
        lines = [f"{'field':<16} {'precision':>9} {'recall':>7} {'F1':>6}   tp  fp  fn"]
        for name, s in self.fields.items():
            lines.append(
                f"{name:<16} {s.precision:>9.2f} {s.recall:>7.2f} {s.f1:>6.2f} "
                f"{s.true_positives:>4} {s.false_positives:>3} {s.false_negatives:>3}"
            )
        d = self.date
        lines.append(f"{'date':<16} accuracy {d.accuracy:.2f} ({d.correct}/{d.total})")
        for name, s in self.fields.items():
            lines += [f"  miss       {name}: {a}: {v}" for a, v in s.misses]
            lines += [f"  false hit  {name}: {a}: {v}" for a, v in s.false_hits]
        lines += [f"  wrong date {a}: found {f}, gold {g}" for a, f, g in d.wrong]
        return lines
