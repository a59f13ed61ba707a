"""Long texts: extraction time grows in proportion to the text, and stops at a size cap."""

from __future__ import annotations

import time

from archive import extraction
from archive.extraction import MAX_EXTRACTED, extract, phrases

# No sentence punctuation: once, every verb re-read the whole text before it (quadratic:
# 64 KB took 15 s, 125 KB 80 s).
UNPUNCTUATED = "Officials met today and talks went on said the minister "
# Follow-up nouns ("the company") once scanned every earlier organisation (200 KB: 11 s).
FOLLOW_UPS = "The police said the talks went on. The company said it was fine. "


def _text(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(text: str) -> float:
    start = time.perf_counter()
    extract(text, title="T")
    return time.perf_counter() - start


def test_64_kb_without_full_stops_extracts_in_well_under_five_seconds():
    extract("Warm up. Anna Petrova said so.", title="T")
    assert _seconds(_text(UNPUNCTUATED, 64_000)) < 5


def test_many_follow_up_nouns_extract_in_well_under_five_seconds():
    extract("Warm up. Anna Petrova said so.", title="T")
    assert _seconds(_text(FOLLOW_UPS, MAX_EXTRACTED)) < 5


def test_speaker_phrases_read_a_bounded_window_so_work_grows_linearly(monkeypatch):
    read: list[int] = []
    strip_aux = phrases._strip_aux

    def counting(before: str) -> str:
        read.append(len(before))
        return strip_aux(before)

    monkeypatch.setattr(phrases, "_strip_aux", counting)
    extract(_text(UNPUNCTUATED, 32_000), title="T")
    small, read[:] = sum(read), []
    extract(_text(UNPUNCTUATED, 64_000), title="T")
    assert max(read) <= phrases.PHRASE_WINDOW
    assert sum(read) <= 2.2 * small


def test_metadata_comes_from_the_first_max_extracted_characters_and_the_body_is_whole():
    filler = _text("Talks went on for hours. ", MAX_EXTRACTED)
    first = "Anna Petrova said that the talks went well. "
    late = "Boris Ivanov said that the talks failed badly. "
    found = extract(first + filler + late * 10, title="T")
    assert [s.speaker for s in found.statements] == ["Anna Petrova"]
    assert found.body.endswith(late.strip())
    assert extraction.MAX_EXTRACTED == 200_000
