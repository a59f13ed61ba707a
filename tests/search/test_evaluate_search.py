"""`manage.py evaluate_search` end to end on a tiny collection made here, in its own scratch
database and index: the figures are ir-measures' for the ranking the search gives."""

from __future__ import annotations

import importlib.util
import json
import subprocess

import ir_measures
import pytest
from django.core.management import CommandError, call_command
from ir_measures import AP, P, R, nDCG

from search.evaluation.measures import INSTALL_HINT
from tests.conftest import manage

DOCS = [
    ("d1", "Zebra migration", "Zebra herds do not stop at the Serengeti border in the dry season."),
    (
        "d2",
        "Zebra stripes",
        "Zebra stripes confuse biting flies, say researchers who filmed horses.",
    ),
    (
        "d3",
        "Penguin colonies",
        "Penguin colonies on Antarctic shelves shrink as the sea ice retreats.",
    ),
    ("d4", "Glacier survey", "Alpine glaciers lost a tenth of their volume in two summers."),
    ("d5", "", ""),  # no text: not imported, and said so
]
QUERIES = {"1": "serengeti", "2": "Penguin colonies", "3": "unicorn", "4": "Zebra NOT Serengeti"}
# Lower-cased, query 4 asks for zebra, not and serengeti: d1 has both words, and as that is
# fewer than ten results, d2 (zebra only) follows; as written it excludes d1.
RANKING = {"1": ["d1"], "2": ["d3"], "3": [], "4": ["d1", "d2"]}
README = """| collection | matching | nDCG@10 | MAP | P@10 | R@100 | queries with no result |
|---|---|---|---|---|---|---|
| tiny | any word (OR) | 0.5000 | 0.4000 | 0.3000 | 0.9000 | 0 |
"""


def make_collection(root, qrels: dict[str, dict[str, int]], queries=QUERIES):
    folder = root / "tiny"
    folder.mkdir()
    docs = [{"id": i, "title": t, "body": b} for i, t, b in DOCS]
    (folder / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs))
    lines = [json.dumps({"id": q, "text": text}) + "\n" for q, text in queries.items()]
    (folder / "queries.jsonl").write_text("".join(lines))
    rows = [f"{q} 0 {doc} {rel}\n" for q, docs in qrels.items() for doc, rel in docs.items()]
    (folder / "qrels.trec").write_text("".join(rows))
    (root / "README.md").write_text(README)
    return folder


def evaluate(tmp_path, *args: str) -> subprocess.CompletedProcess:
    done = manage("evaluate_search", *args, var_dir=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert not (tmp_path / "index").exists()  # the user's index is never touched
    return done


def figures(out: str) -> list[str]:
    row = next(line for line in out.splitlines() if line.startswith("| Dispatch"))
    return [cell.strip() for cell in row.strip("|").split("|")][1:]


def test_a_perfect_ranking_scores_one(tmp_path):
    folder = make_collection(
        tmp_path, {"1": {"d1": 1}, "2": {"d3": 2}}, {"1": "serengeti", "2": "penguin"}
    )
    out = evaluate(tmp_path, str(folder)).stdout
    assert figures(out) == ["1.0000", "1.0000", "0.1000", "1.0000", "0 / 2"]


def test_the_figures_are_ir_measures_for_the_ranking_given(tmp_path):
    qrels = {"1": {"d1": 2, "d2": 1}, "2": {"d3": 1}, "3": {"d4": 1}, "4": {"d1": 1, "d3": 0}}
    folder = make_collection(tmp_path, qrels)
    run_file = tmp_path / "run.trec"
    out = evaluate(tmp_path, str(folder), "--run", str(run_file)).stdout
    print(out)
    run = {q: {d: float(10 - i) for i, d in enumerate(docs)} for q, docs in RANKING.items() if docs}
    means = ir_measures.calc_aggregate([nDCG @ 10, AP, P @ 10, R @ 100], qrels, run)
    # calc_aggregate averages over every judged query, query 3 (no result) scoring 0.
    expected = [f"{means[m]:.4f}" for m in (nDCG @ 10, AP, P @ 10, R @ 100)]
    assert figures(out) == [*expected, "1 / 4"]
    assert "| reference: any word (OR) | 0.5000 | 0.4000 | 0.3000 | 0.9000 | 0 |" in out
    assert (
        "Collection tiny: 5 documents (4 articles, 0 identical to another, 1 not imported)" in out
    )
    assert "docs.jsonl:5: missing body" in out
    assert "  3: unicorn" in out
    assert run_file.read_text().splitlines() == [
        "1 Q0 d1 1 1 dispatch",
        "2 Q0 d3 1 1 dispatch",
        "4 Q0 d1 1 2 dispatch",
        "4 Q0 d2 2 1 dispatch",
    ]


def test_keep_case_asks_upper_case_operators_as_operators(tmp_path):
    folder = make_collection(tmp_path, {"4": {"d1": 1}}, {"4": QUERIES["4"]})
    run_file = tmp_path / "run.trec"
    out = evaluate(tmp_path, str(folder), "--keep-case", "--run", str(run_file)).stdout
    assert "| Dispatch, queries as written |" in out
    assert run_file.read_text() == "4 Q0 d2 1 1 dispatch\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda root: root / "nowhere", "no such folder"),
        (lambda root: (root / "empty").mkdir() or root / "empty", "missing docs.jsonl"),
    ],
)
def test_a_bad_folder_is_a_clear_error(tmp_path, make, message):
    with pytest.raises(CommandError, match=message):
        call_command("evaluate_search", str(make(tmp_path)))


def test_a_malformed_line_is_a_clear_error_without_a_traceback(tmp_path):
    folder = make_collection(tmp_path, {"1": {"d1": 1}})
    (folder / "qrels.trec").write_text("1 0 d1 1\n2 d3\n")
    done = manage("evaluate_search", str(folder))
    assert done.returncode == 1
    assert f"{folder / 'qrels.trec'}:2: expected 'query_id 0 doc_id relevance'" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_ir_measures_the_command_says_how_to_install_it(tmp_path, monkeypatch):
    folder = make_collection(tmp_path, {"1": {"d1": 1}})
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "ir_measures" else real(name)
    )
    with pytest.raises(CommandError) as raised:
        call_command("evaluate_search", str(folder))
    assert str(raised.value) == INSTALL_HINT
