"""Attribution patterns beyond the basics: verbs, quotes over paragraphs, follow-ups, roles."""

from __future__ import annotations

from archive.extraction import extract
from archive.extraction.names import role_country


def _all(body: str, title: str = "T"):
    result = extract(body, title=title)
    for s in result.statements:
        assert result.body[s.start : s.end] == s.text
    return result.statements


def _said(body: str, title: str = "T") -> list[tuple[str, str]]:
    return [(s.speaker, s.text) for s in _all(body, title)]


def test_more_verbs():
    for verb in ("denied", "urged", "alleged", "tweeted", "wrote", "insisted", "vowed"):
        assert _said(f"Anna Petrova {verb} that the plan was unfair.") == [
            ("Anna Petrova", "the plan was unfair")
        ], verb


def test_called_for_and_pointed_out():
    assert _said("Anna Petrova pointed out that the roads were closed.") == [
        ("Anna Petrova", "the roads were closed")
    ]


def test_told_reporters_without_that():
    assert _said("Anna Petrova told reporters the bridge would reopen soon.") == [
        ("Anna Petrova", "the bridge would reopen soon")
    ]


def test_told_outlet_that():
    assert _said("Anna Petrova told the BBC that the bridge would reopen soon.") == [
        ("Anna Petrova", "the bridge would reopen soon")
    ]


def test_said_in_a_statement_that():
    assert _said("Anna Petrova said in a statement that the bridge would reopen.") == [
        ("Anna Petrova", "the bridge would reopen")
    ]


def test_in_a_statement_comma():
    body = "In a statement, the Harbour Authority said the port will stay shut this week."
    assert _said(body) == [("Harbour Authority", "the port will stay shut this week")]


def test_according_to_after_clause():
    body = "The port will stay shut for a week, according to Anna Petrova."
    assert _said(body) == [("Anna Petrova", "The port will stay shut for a week")]


def test_inverted_said_name():
    body = "\u201cWe are not leaving the port,\u201d said Anna Petrova."
    assert _said(body) == [("Anna Petrova", "We are not leaving the port")]


def test_quote_split_by_attribution():
    body = '"We are ready," Anna Petrova said, "and we will go to the port today."'
    assert _said(body) == [
        ("Anna Petrova", "We are ready"),
        ("Anna Petrova", "and we will go to the port today"),
    ]


def test_quote_over_two_paragraphs():
    body = (
        "Anna Petrova said: \u201cThe port is closed for a week.\n\n"
        "\u201cWe will reopen it once the storm has passed.\u201d"
    )
    texts = [t for _, t in _said(body)]
    assert texts[0].startswith("The port is closed")
    assert "We will reopen it once the storm has passed" in texts[-1]
    assert {s for s, _ in _said(body)} == {"Anna Petrova"}


def test_speaker_with_time_before_verb():
    assert _said("Mayor Anna Petrova on Tuesday announced that the port would reopen.") == [
        ("Anna Petrova", "the port would reopen")
    ]


def test_role_before_name_apposition():
    body = "The city's harbour master, Anna Petrova, said the port would reopen."
    (statement,) = _all(body)
    assert statement.speaker == "Anna Petrova"
    assert statement.role == "harbour master"


def test_name_then_role_apposition_with_country():
    body = "Kay Ivers, the governor of Alabama, said the port would reopen."
    (statement,) = _all(body)
    assert (statement.speaker, statement.role, statement.country) == (
        "Kay Ivers",
        "governor of Alabama",
        "US",
    )


def test_role_country_from_demonym():
    body = "Russian Foreign Minister Sergei Lavrov said the talks were useful."
    (statement,) = _all(body)
    assert (statement.speaker, statement.role, statement.country) == (
        "Sergei Lavrov",
        "Foreign Minister",
        "RU",
    )


def test_role_noun_follow_up_picks_matching_person():
    body = (
        "Foreign Minister Anna Petrova met Omar Haddad on Monday. "
        "Haddad said the talks were long. "
        "\u201cWe agreed on a timetable,\u201d the minister noted."
    )
    assert _said(body)[-1] == ("Anna Petrova", "We agreed on a timetable")


def test_company_follow_up_uses_last_organisation():
    body = (
        "The Northwind Trading Company opened a plant in May. "
        "The company said the plant would employ 300 people."
    )
    assert _said(body) == [("Northwind Trading Company", "the plant would employ 300 people")]


def test_police_unnamed_are_no_speaker_but_a_named_force_is():
    # Like "officials said", an unnamed police force is no speaker (tests/data/LABELLING.md).
    assert _said("Police said the driver had been arrested on the spot.") == []
    body = (
        "Thames Valley Police opened an inquiry on Monday. "
        "The police said the driver had been arrested on the spot."
    )
    assert _said(body) == [("Thames Valley Police", "the driver had been arrested on the spot")]


def test_possessive_spokesperson_speaks_for_organisation():
    body = "An Interpol spokesperson stated that the notice had been issued."
    assert _said(body) == [("Interpol", "the notice had been issued")]


def test_government_speaks():
    body = "The German government said the measures would be extended."
    assert _said(body) == [("German government", "the measures would be extended")]


def test_not_speakers():
    body = (
        "It said the road was closed. A spokesperson said the road was closed. "
        "Reports said the road was closed. \u201cThe road is closed for now.\u201d "
        "He said the road was closed."
    )
    assert _said(body) == []


def test_interview_tags():
    body = (
        "Wikinews spoke with Anna Petrova about ports.\n\n"
        "((WN)) Why did the port close?\n\n"
        "((Anna Petrova)) The storm damaged the cranes and the quay.\n\n"
        "((WN)) When will it reopen?\n\n"
        "((Anna Petrova)) We hope to reopen it in March."
    )
    answers = [(s, t) for s, t in _said(body) if s != "Wikinews"]
    assert answers == [
        ("Anna Petrova", "The storm damaged the cranes and the quay."),
        ("Anna Petrova", "We hope to reopen it in March."),
    ]


def test_interview_initials_tag():
    body = (
        "Wikinews spoke with Omar Haddad about ports.\n\n"
        "((WN)) Why did the port close?\n\n"
        "((OH)) The storm damaged the cranes and the quay."
    )
    assert ("Omar Haddad", "The storm damaged the cranes and the quay.") in _said(body)


def test_an_interviewers_questions_are_no_statements():
    body = (
        "Omar Haddad answered questions from reporter Lea Brandt about ports.\n\n"
        "((LB)) : Why did the port close?\n\n"
        "((OH)) : The storm damaged the cranes and the quay.\n\n"
        "((LB)) : In 2016 the port handled more ships. Will it again?"
    )
    said = _said(body, title="Wikinews interviews Omar Haddad, port director")
    assert ("Omar Haddad", "The storm damaged the cranes and the quay.") in said
    assert all(speaker != "Lea Brandt" for speaker, _ in said)


def test_each_statement_is_a_direct_quote_or_reported_speech():
    body = (
        'Anna Petrova said: "The port will reopen in March." '
        "Omar Haddad said the cranes were damaged."
    )
    forms = {(s.speaker, s.form) for s in _all(body)}
    assert forms == {("Anna Petrova", "quote"), ("Omar Haddad", "reported")}


def test_an_interview_answer_is_a_direct_quote():
    body = (
        "Wikinews spoke with Anna Petrova about ports.\n\n"
        "((WN)) Why did the port close?\n\n"
        "((Anna Petrova)) The storm damaged the cranes and the quay."
    )
    assert [(s.speaker, s.form) for s in _all(body) if s.speaker == "Anna Petrova"] == [
        ("Anna Petrova", "quote")
    ]


def test_role_country_from_a_possessive_country():
    assert role_country(["Egypt's", "current", "President"]) == "EG"
