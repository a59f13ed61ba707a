"""Attribution patterns: who said what, with exact body offsets."""

from __future__ import annotations

from archive.extraction import extract


def _said(body: str) -> list[tuple[str, str, str]]:
    result = extract(body, title="T")
    for s in result.statements:
        assert result.body[s.start : s.end] == s.text
    return [(s.speaker, s.kind, s.text) for s in result.statements]


def test_name_said_that():
    assert _said("Anna Petrova said that the talks went well.") == [
        ("Anna Petrova", "person", "the talks went well")
    ]


def test_quote_then_name_said():
    assert _said("\u201cWe will win the vote,\u201d Anna Petrova said.") == [
        ("Anna Petrova", "person", "We will win the vote")
    ]


def test_quote_then_pronoun_uses_last_speaker():
    body = (
        "Anna Petrova stated this at a press conference today. "
        '"We are working hard on the plan," she pointed out.'
    )
    assert [(s, t) for s, _, t in _said(body)][-1] == (
        "Anna Petrova",
        "We are working hard on the plan",
    )


def test_stated_this_refers_to_previous_sentence():
    body = "Russia is interested in regional stability. Anna Petrova stated this on Monday."
    assert _said(body) == [("Anna Petrova", "person", "Russia is interested in regional stability")]


def test_pronoun_then_quote():
    body = 'Anna Petrova spoke first. He added nothing. She stated, "The forces are well known."'
    assert _said(body)[-1] == ("Anna Petrova", "person", "The forces are well known")


def test_title_before_name_gives_role():
    result = extract("Russian Ambassador to Armenia Sergey Kopyrkin said the door is open.", "T")
    (statement,) = result.statements
    assert (statement.speaker, statement.role) == ("Sergey Kopyrkin", "Ambassador to Armenia")


def test_surname_resolves_to_full_name():
    body = "Sergey Kopyrkin arrived. Kopyrkin warned of attempts to create friction."
    assert _said(body) == [("Sergey Kopyrkin", "person", "of attempts to create friction")]


def test_organisation_speaker_with_clause_before():
    body = "Russia welcomes the progress, the Russian Foreign Ministry said in a statement."
    assert _said(body) == [
        ("Russian Foreign Ministry", "organisation", "Russia welcomes the progress")
    ]


def test_organisation_case_variants_merge():
    body = (
        "The Russian Foreign Ministry said the talks went well. "
        '"We keep close contact with both sides," the Russian foreign ministry said.'
    )
    assert {s for s, _, _ in _said(body)} == {"Russian Foreign Ministry"}


def test_it_refers_to_last_organisation():
    body = (
        "The Russian Foreign Ministry said the talks went well. "
        "It also highlighted the platform role."
    )
    assert _said(body)[-1] == ("Russian Foreign Ministry", "organisation", "the platform role")


def test_according_to_agency():
    body = "According to TASS, the delegation was to discuss the release of hostages."
    assert _said(body) == [
        ("TASS", "organisation", "the delegation was to discuss the release of hostages")
    ]


def test_quote_continuation_keeps_speaker():
    body = (
        "\u201cWe are ready for talks,\u201d Anna Petrova said. "
        "\u201cThe door is open to all of them.\u201d"
    )
    assert [t for _, _, t in _said(body)] == [
        "We are ready for talks",
        "The door is open to all of them",
    ]


def test_countries_and_role_only_phrases_are_no_speakers():
    body = (
        "Tehran has proposed the new mechanism. "
        "Iran\u2019s Foreign Minister stated that it matters."
    )
    assert _said(body) == []


def test_verbs_inside_quotes_are_not_attributions():
    body = "\u201cRussia has repeatedly emphasised that peace matters,\u201d Anna Petrova stated."
    assert [s for s, _, _ in _said(body)] == ["Anna Petrova"]


def test_adjective_proposed_is_no_attribution():
    assert _said("The plan refers to a proposed regional format for all.") == []
