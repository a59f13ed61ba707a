"""`manage.py evaluate_spelling` end to end on a tiny corpus, in its own scratch database."""

from __future__ import annotations

import json
import subprocess

import pytest

from tests.conftest import manage

TOPICS = ["government", "election", "parliament", "ministers", "agreement", "pipeline"]
NAMES = ["Lavrov", "Zakharova", "Pashinyan", "Erdogan"]


def _corpus(path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        for i in range(12):
            topic, other = TOPICS[i % len(TOPICS)], TOPICS[(i + 1) % len(TOPICS)]
            name = NAMES[i % len(NAMES)]
            record = {
                "id": f"tiny-{i}",
                "title": f"The {topic} and the {other}",
                "body": f"Officials said the {topic} met {name} in Yerevan. "
                f"The {other} was discussed with {name} and the ministers of Türkiye.",
                "date": f"2023-01-{i + 1:02d}",
                "source": "Tiny Wire",
            }
            handle.write(json.dumps(record) + "\n")


def _evaluate(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return manage("evaluate_spelling", *args, var_dir=tmp_path)


def test_it_reports_precision_recall_and_changed_words_for_both_halves(tmp_path):
    corpus = tmp_path / "tiny.jsonl"
    _corpus(corpus)
    done = _evaluate(tmp_path, str(corpus), "-n", "6", "--seed", "3")
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    assert "Corpus: tiny.jsonl, 12 articles" in out
    assert "| part | misspelled | corrections | restored | precision | recall " in out
    for part in ("tune", "report"):
        row = next(line for line in out.splitlines() if line.startswith(f"| {part} |"))
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert cells[1] == "3" and cells[6] == "3"  # misspelled and correct words
        assert cells[7] == "0"  # no correct word changed
    assert "Suggestion time: mean" in out
    assert not (tmp_path / "index").exists()  # the user's index is never touched


@pytest.mark.parametrize(
    ("args", "message"),
    [(["no/such.jsonl"], "no such file"), (["{corpus}", "-n", "1"], "at least 2")],
)
def test_it_refuses_bad_arguments_clearly(tmp_path, args, message):
    corpus = tmp_path / "tiny.jsonl"
    _corpus(corpus)
    done = _evaluate(tmp_path, *(arg.format(corpus=corpus) for arg in args))
    assert done.returncode != 0
    assert message in done.stderr and "Traceback" not in done.stderr
