"""`manage.py evaluate_known_items` end to end on a small corpus made here, in its own scratch
database and index."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command

from search.evaluation.passages import FORMS
from tests.conftest import corpus_file, manage
from tests.search.evaluation.test_passages import text

# Distinctive made-up articles (no word of one is in another), with paragraph breaks.
ARTICLES = [
    {"id": f"made-{k}", "title": f"Report {k}", "body": text(k, words=40), "date": "2020-05-01"}
    for k in range(6)
]


def test_clean_passages_find_their_article_first_and_every_form_is_reported(tmp_path):
    corpus = tmp_path / "made.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES))
    done = manage("evaluate_known_items", str(corpus), "-n", "12", "--seed", "7", var_dir=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    out = done.stdout
    print(out)
    assert "Corpus made.jsonl: 6 articles" in out
    assert "12 passages of 8-40 words, seed 7" in out
    assert "| clean | 2 | 100.0% | 100.0% | 1.000 | 0 |" in out
    for label in FORMS.values():
        assert f"| {label} | 2 |" in out
    assert "| all | 12 |" in out
    assert "Query time p50" in out
    assert "0 of 12 passages occur verbatim in more than one article" in out
    assert not (tmp_path / "index").exists()  # the user's index is never touched


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["no/such.jsonl"], "no such file"),
        (["README.md"], "expected a .jsonl file"),
        (["made.jsonl", "-n", "0"], "at least 1"),
    ],
)
def test_bad_arguments_are_clear_errors(tmp_path, monkeypatch, args, message):
    (tmp_path / "made.jsonl").write_text("{}\n")
    (tmp_path / "README.md").write_text("#\n")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CommandError, match=message):
        call_command("evaluate_known_items", *args)


def test_passages_of_real_news_find_their_article_first(tmp_path):
    """Pasted from Wikinews articles as readers paste: clean, cut mid-word, across a
    paragraph break, in curly quotes. Each form finds its article first nearly always."""
    corpus = corpus_file("wikinews/wikinews_en_2019_2020.jsonl")
    done = manage("evaluate_known_items", str(corpus), "-n", "120", var_dir=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = {
        cells[0]: cells[1:]
        for line in done.stdout.splitlines()
        if line.startswith("| ")
        and len(cells := [c.strip() for c in line.strip("|").split("|")]) == 6
    }
    for label in (*FORMS.values(), "all"):
        count, first, top10 = int(rows[label][0]), rows[label][1], rows[label][2]
        assert count >= 20, label
        assert float(first.rstrip("%")) >= 90.0, (label, rows[label])
        assert top10 == "100.0%", (label, rows[label])
    assert float(rows["all"][1].rstrip("%")) >= 97.0, rows["all"]
