"""Score extracted metadata against hand-labelled gold: precision, recall, F1, every miss."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from archive import error_kinds
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


def dates_match(found: str, gold: str) -> bool:
    """Same ISO day or month; a gold date without a year (`--09-10`, `--05`: the text does
    not settle it) matches that day or month in any year."""
    if gold.startswith("--"):
        return found[4:] == gold[1:]
    return found == gold


MATCHERS: dict[str, Callable[[str, str], bool]] = {
    "countries": _exact,
    "dates_mentioned": dates_match,
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
    # (article, value, "miss" or "false hit") -> what kind of mistake it is
    kinds: dict[tuple[str, str, str], str] = field(default_factory=dict)

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
            score = self.fields[name]
            errors = (len(score.misses), len(score.false_hits))
            score.add(
                article,
                found.get(name) or (),
                gold.get(name) or (),
                gold.get(f"{name}_acceptable") or (),
                _with_aliases(MATCHERS[name], gold.get("aliases") or ()),
            )
            _classify(name, score, errors, found, gold)
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
            lines += _kind_counts(name, s)
        for name, s in self.fields.items():
            lines += [f"  miss       {name}: {a}: {v}{_tag(s, a, v, 'miss')}" for a, v in s.misses]
            lines += [
                f"  false hit  {name}: {a}: {v}{_tag(s, a, v, 'false hit')}"
                for a, v in s.false_hits
            ]
        lines += [f"  wrong date {a}: found {f}, gold {g}" for a, f, g in d.wrong]
        return lines


def _with_aliases(
    match: Callable[[str, str], bool], aliases: Iterable[Iterable[str]]
) -> Callable[[str, str], bool]:
    """`match`, where a gold value also stands for every spelling the gold lists with it."""
    groups = [list(group) for group in aliases]

    def matches(found: str, gold: str) -> bool:
        spellings = {gold, *(a for group in groups if gold in group for a in group)}
        return any(match(found, spelling) for spelling in spellings)

    return matches


def _classify(
    name: str,
    score: FieldScore,
    before: tuple[int, int],
    found: Mapping[str, Any],
    gold: Mapping[str, Any],
) -> None:
    """Name the kind of each error this article added (speakers and dates mentioned)."""
    misses, false_hits = score.misses[before[0] :], score.false_hits[before[1] :]
    if name == "speakers":
        wrong = [value for _, value in false_hits]
        names = [*(gold.get("speakers") or ()), *(gold.get("speakers_acceptable") or ())]
        for article, value in misses:
            score.kinds[article, value, "miss"] = error_kinds.missed_speaker_kind(value, wrong)
        for article, value in false_hits:
            kind = error_kinds.false_speaker_kind(value, names, gold.get("persons") or ())
            score.kinds[article, value, "false hit"] = kind
    elif name == "dates_mentioned":
        dates = found.get(name) or ()
        for article, value in misses:
            score.kinds[article, value, "miss"] = error_kinds.missed_date_kind(value, dates)


def _kind_counts(name: str, score: FieldScore) -> list[str]:
    lines = []
    for error in ("miss", "false hit"):
        counted: dict[str, int] = {}
        for (_, _, which), kind in score.kinds.items():
            if which == error:
                counted[kind] = counted.get(kind, 0) + 1
        if counted:
            parts = ", ".join(f"{kind} {n}" for kind, n in sorted(counted.items(), key=_most))
            lines.append(f"{name} {'missed' if error == 'miss' else 'false'}, by kind: {parts}")
    return lines


def _most(item: tuple[str, int]) -> tuple[int, str]:
    return -item[1], item[0]


def _tag(score: FieldScore, article: str, value: str, error: str) -> str:
    kind = score.kinds.get((article, value, error))
    return f"  [{kind}]" if kind else ""
