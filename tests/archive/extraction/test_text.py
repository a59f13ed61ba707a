"""Sentence spans: a run without sentence punctuation is read in bounded pieces."""

from __future__ import annotations

from archive.extraction.text import MAX_SENTENCE, Sentences, sentence_spans


def test_sentences_end_at_full_stops_and_paragraphs():
    text = "One went. Two came.\nThree"
    assert [text[s:e] for s, e in sentence_spans(text)] == ["One went.", "Two came.", "Three"]


def test_a_run_without_full_stops_is_cut_at_spaces_into_pieces_of_at_most_max_sentence():
    text = "talks went on said the minister " * 1000
    spans = sentence_spans(text)
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE for start, end in spans)
    assert all(text[start] != " " and text[end - 1] != " " for start, end in spans[:-1])
    assert " ".join(text[s:e] for s, e in spans) == text


def test_a_run_without_spaces_is_cut_anyway():
    spans = sentence_spans("x" * (2 * MAX_SENTENCE + 5))
    assert spans == [(0, MAX_SENTENCE), (MAX_SENTENCE, 2 * MAX_SENTENCE), (2 * MAX_SENTENCE, 4005)]


def test_sentences_are_looked_up_by_position():
    body = "One two. Three four. Five."
    sentences = Sentences(body)
    assert sentences.at(0) == (0, 8)
    assert sentences.at(12) == (9, 20)
    assert sentences.start_of(25) == 21
    assert Sentences("").at(0) == (0, 0)
