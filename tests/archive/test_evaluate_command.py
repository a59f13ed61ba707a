"""`evaluate_extraction` on the seeds' gold and on our Wikinews development set."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

from tests.conftest import CORPUS_DIR, DATA, REPO, SEEDS, corpus_file


def evaluate(tmp_path, *args: str) -> tuple[dict, str]:
    out = tmp_path / "scores.json"
    result = subprocess.run(
        [sys.executable, "manage.py", "evaluate_extraction", *args, "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    print(result.stdout)
    return json.loads(out.read_text()), result.stdout


def test_seeds_score_perfectly(tmp_path):
    scores, report = evaluate(tmp_path, str(DATA / "seeds_gold.json"), "--articles", str(SEEDS))
    assert scores["articles"] == 5
    assert scores["fields"]["countries"]["f1"] == 1.0
    assert scores["fields"]["speakers"]["f1"] == 1.0
    assert scores["date"] == {"correct": 5, "total": 5, "accuracy": 1.0}
    assert "countries" in report and "speakers" in report


def test_a_bad_gold_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text("{not json\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "manage.py", "evaluate_extraction", str(bad)],
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert f"{bad}:1: expected an object with 'id' and 'gold'" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.corpus
def test_wikinews_development_set(tmp_path):
    corpus_file("wikinews/wikinews_en_2019_2020.jsonl")
    scores, _ = evaluate(tmp_path, str(DATA / "wikinews_dev.jsonl"), "--corpus", str(CORPUS_DIR))
    fields = scores["fields"]
    print(
        f"Wikinews dev set ({scores['articles']} articles): "
        f"countries F1 {fields['countries']['f1']:.3f}, "
        f"speakers F1 {fields['speakers']['f1']:.3f}, "
        f"article date accuracy {scores['date']['accuracy']:.3f}"
    )
    assert scores["articles"] >= 30
    assert fields["countries"]["f1"] >= 0.95
    assert fields["speakers"]["f1"] >= 0.90
    assert scores["date"]["accuracy"] >= 0.95


# Measured 2026-12-03, extractor v8 (speakers / dates: tuning 0.94 / 0.91, second tuning
# batch 0.90 / 0.95, third 0.90 / 0.93, fourth 0.91 / 0.91, fifth 0.79 / 0.86, test
# 0.90 / 0.92; countries 0.98 or more on all); a little under, so a regression fails.
NEWS_FLOORS = {
    "news_tuning.jsonl": {"countries": 0.96, "speakers": 0.92, "dates_mentioned": 0.89},
    "news_tuning_2.jsonl": {"countries": 0.96, "speakers": 0.88, "dates_mentioned": 0.92},
    "news_tuning_3.jsonl": {"countries": 0.96, "speakers": 0.90, "dates_mentioned": 0.90},
    "news_tuning_4.jsonl": {"countries": 0.96, "speakers": 0.88, "dates_mentioned": 0.88},
    "news_tuning_5.jsonl": {"countries": 0.96, "speakers": 0.85, "dates_mentioned": 0.90},
    # Reuters bodies carry no dateline: most of their days and months have no year to find.
    "news_tuning_6.jsonl": {"countries": 0.96, "speakers": 0.88},
    "news_tuning_7.jsonl": {"countries": 0.94, "speakers": 0.92},
    "news_tuning_8.jsonl": {"countries": 0.94, "speakers": 0.89},
    "news_tuning_9.jsonl": {"countries": 0.96, "speakers": 0.94},
    "news_tuning_10.jsonl": {"countries": 0.96, "speakers": 0.93},
    "news_tuning_11.jsonl": {"countries": 0.96, "speakers": 0.92},
    "news_tuning_12.jsonl": {"countries": 0.91, "speakers": 0.86},
    "news_tuning_13.jsonl": {"countries": 0.96, "speakers": 0.92},
    "news_tuning_14.jsonl": {"countries": 0.95, "speakers": 0.93},
    "news_tuning_15.jsonl": {"countries": 0.97, "speakers": 0.96},
    "news_tuning_16.jsonl": {"countries": 0.93, "speakers": 0.96},
    "news_tuning_17.jsonl": {"countries": 0.97, "speakers": 0.94},
    "news_tuning_18.jsonl": {"countries": 0.97, "speakers": 0.92},
    "news_tuning_19.jsonl": {"countries": 0.96, "speakers": 0.85},
    "news_tuning_20.jsonl": {"countries": 0.96, "speakers": 0.91},
    "news_tuning_21.jsonl": {"countries": 0.96, "speakers": 0.94},
    "news_tuning_22.jsonl": {"countries": 0.93, "speakers": 0.90},
    "news_tuning_23.jsonl": {"countries": 0.93, "speakers": 0.87},
    "news_tuning_24.jsonl": {"countries": 0.94, "speakers": 0.88},
    "news_tuning_25.jsonl": {"countries": 0.96, "speakers": 0.96},
    "news_tuning_26.jsonl": {"countries": 0.94, "speakers": 0.87},
    "news_tuning_27.jsonl": {"countries": 0.96, "speakers": 0.86},
    "news_tuning_28.jsonl": {"countries": 0.97, "speakers": 0.86},
    "news_tuning_29.jsonl": {"countries": 0.96, "speakers": 0.93},
    "news_tuning_30.jsonl": {"countries": 0.96, "speakers": 0.88},
    "news_tuning_31.jsonl": {"countries": 0.97, "speakers": 0.94},
    "news_tuning_32.jsonl": {"countries": 0.96, "speakers": 0.93},
    "news_tuning_33.jsonl": {"countries": 0.94, "speakers": 0.81},
    "news_tuning_34.jsonl": {"countries": 0.97, "speakers": 0.90},
    "news_tuning_35.jsonl": {"countries": 0.96, "speakers": 0.89},
    "news_tuning_36.jsonl": {"countries": 0.97, "speakers": 0.89},
    "news_tuning_37.jsonl": {"countries": 0.95, "speakers": 0.92},
    "news_tuning_38.jsonl": {"countries": 0.96, "speakers": 0.84},
    "news_tuning_39.jsonl": {"countries": 0.95, "speakers": 0.91},
    "news_tuning_40.jsonl": {"countries": 0.97, "speakers": 0.90},
    "news_test.jsonl": {"countries": 0.96, "speakers": 0.88, "dates_mentioned": 0.89},
}


@pytest.mark.corpus
@pytest.mark.parametrize("name", sorted(NEWS_FLOORS))
def test_news_sets_labelled_blind(tmp_path, name):
    corpus_file("wikinews/wikinews_en_2019_2020.jsonl")
    corpus_file("reuters21578/reuters21578.jsonl")
    scores, _ = evaluate(tmp_path, str(DATA / name), "--corpus", str(CORPUS_DIR))
    assert scores["articles"] >= 14
    for field, floor in NEWS_FLOORS[name].items():
        assert scores["fields"][field]["f1"] >= floor, (field, scores["fields"][field])
    assert scores["date"]["accuracy"] >= 0.97


@pytest.mark.corpus
def test_each_reuters_batch_is_the_one_its_selection_names(monkeypatch):
    """`news_sets.md` says how each batch was chosen: the selection still gives its ids."""
    corpus_file("reuters21578/reuters21578.jsonl")
    monkeypatch.syspath_prepend(str(DATA))
    select_news_sets = importlib.import_module("select_news_sets")
    monkeypatch.setattr(select_news_sets, "CORPUS", CORPUS_DIR)
    batches = {
        "news_tuning_6.jsonl": select_news_sets.sixth_tuning_batch,
        "news_tuning_7.jsonl": select_news_sets.seventh_tuning_batch,
        "news_tuning_8.jsonl": select_news_sets.eighth_tuning_batch,
        "news_tuning_9.jsonl": select_news_sets.ninth_tuning_batch,
        "news_tuning_10.jsonl": select_news_sets.tenth_tuning_batch,
        "news_tuning_11.jsonl": select_news_sets.eleventh_tuning_batch,
        "news_tuning_12.jsonl": select_news_sets.twelfth_tuning_batch,
        "news_tuning_13.jsonl": select_news_sets.thirteenth_tuning_batch,
        "news_tuning_14.jsonl": select_news_sets.fourteenth_tuning_batch,
        "news_tuning_15.jsonl": select_news_sets.fifteenth_tuning_batch,
        "news_tuning_16.jsonl": select_news_sets.sixteenth_tuning_batch,
        "news_tuning_17.jsonl": select_news_sets.seventeenth_tuning_batch,
        "news_tuning_18.jsonl": select_news_sets.eighteenth_tuning_batch,
        "news_tuning_19.jsonl": select_news_sets.nineteenth_tuning_batch,
        "news_tuning_20.jsonl": select_news_sets.twentieth_tuning_batch,
        "news_tuning_21.jsonl": select_news_sets.twenty_first_tuning_batch,
        "news_tuning_22.jsonl": select_news_sets.twenty_second_tuning_batch,
        "news_tuning_23.jsonl": select_news_sets.twenty_third_tuning_batch,
        "news_tuning_24.jsonl": select_news_sets.twenty_fourth_tuning_batch,
        "news_tuning_25.jsonl": select_news_sets.twenty_fifth_tuning_batch,
        "news_tuning_26.jsonl": select_news_sets.twenty_sixth_tuning_batch,
        "news_tuning_27.jsonl": select_news_sets.twenty_seventh_tuning_batch,
        "news_tuning_28.jsonl": select_news_sets.twenty_eighth_tuning_batch,
        "news_tuning_29.jsonl": select_news_sets.twenty_ninth_tuning_batch,
        "news_tuning_30.jsonl": select_news_sets.thirtieth_tuning_batch,
        "news_tuning_31.jsonl": select_news_sets.thirty_first_tuning_batch,
        "news_tuning_32.jsonl": select_news_sets.thirty_second_tuning_batch,
        "news_tuning_33.jsonl": select_news_sets.thirty_third_tuning_batch,
        "news_tuning_34.jsonl": select_news_sets.thirty_fourth_tuning_batch,
        "news_tuning_35.jsonl": select_news_sets.thirty_fifth_tuning_batch,
        "news_tuning_36.jsonl": select_news_sets.thirty_sixth_tuning_batch,
        "news_tuning_37.jsonl": select_news_sets.thirty_seventh_tuning_batch,
        "news_tuning_38.jsonl": select_news_sets.thirty_eighth_tuning_batch,
        "news_tuning_39.jsonl": select_news_sets.thirty_ninth_tuning_batch,
        "news_tuning_40.jsonl": select_news_sets.fortieth_tuning_batch,
    }
    for name, batch in batches.items():
        with (DATA / name).open(encoding="utf-8") as lines:
            labelled = [json.loads(line)["id"] for line in lines]
        assert labelled == batch(), name
