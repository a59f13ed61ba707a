"""Attribution forms: verbs that name whom they address, forecasting and hinting, a surname alone.

Every sentence here is invented; each test pins one general rule.
"""

from __future__ import annotations

import pytest

from archive.extraction import extract
from archive.extraction.names import person_mentions


def _speakers(body: str) -> list[str]:
    return sorted({speaker for speaker, _ in _said(body)})


def _said(body: str) -> list[tuple[str, str]]:
    result = extract(body, title="T")
    for s in result.statements:
        assert result.body[s.start : s.end] == s.text
    return [(s.speaker, s.text) for s in result.statements]


@pytest.mark.parametrize(
    "verb_and_addressee",
    [
        "told the assembled voters",
        "warned the assembled voters",
        "assured investors on Monday",
        "reminded her supporters in the hall",
        "informed the court",
        "notified shareholders",
    ],
)
def test_a_verb_s_addressee_then_that(verb_and_addressee):
    body = f"Mara Vell {verb_and_addressee} that the vote was close."
    assert _said(body) == [("Mara Vell", "the vote was close")]


def test_a_relative_that_after_an_object_is_no_statement():
    assert _said("Mara Vell told a story that was sad.") == []


@pytest.mark.parametrize("verb", ["forecast", "forecasts", "projected", "hinted", "signalled"])
def test_forecasting_and_hinting_with_a_clause(verb):
    body = f"Zorvia Bank {verb} that inflation would rise to 30 pct."
    assert _said(body) == [("Zorvia Bank", "inflation would rise to 30 pct")]


def test_forecasting_without_a_clause_is_no_statement():
    assert _said("Zorvia Bank forecast inflation of 30 pct.") == []


@pytest.mark.parametrize("after", ["", " on Monday"])
def test_a_surname_alone_after_the_clause_it_said(after):
    body = f"The merger will not go ahead, Varrillo said{after}."
    assert _said(body) == [("Varrillo", "The merger will not go ahead")]


def test_a_lone_word_before_said_with_more_after_it_is_no_one_yet():
    assert _said("The merger will not go ahead, Varrillo said of the deal with Moss.") == []
    assert _said("The merger will not go ahead, Varrillo explained.") == []


@pytest.mark.parametrize("others", ["and others in the Zorvian Party", "and several others"])
def test_one_named_and_others_speak_as_the_one_named(others):
    body = f"Mara Vell {others} warned the delay could be a threat."
    assert _said(body) == [("Mara Vell", "the delay could be a threat")]


def test_referred_to_as_labels_like_described_as():
    body = 'Mara Vell referred to the ruling as "a stunt" on Monday.'
    assert [speaker for speaker, _ in _said(body)] == ["Mara Vell"]
    assert _said("Mara Vell referred to the report in her speech.") == []


@pytest.mark.parametrize("verb", ["slammed", "blasted", "lambasted", "rebuked"])
def test_verbs_of_harsh_criticism(verb):
    body = f"Senator Mara Vell {verb} Moss for a story about his taxes."
    assert [speaker for speaker, _ in _said(body)] == ["Mara Vell"]


def test_a_storm_that_blasted_a_coast_says_nothing():
    assert _said("The storm blasted the coast.") == []


def test_a_participle_after_holding_a_press_conference():
    body = "Mara Vell held a press conference on Monday claiming the vote was rigged."
    assert _said(body) == [("Mara Vell", "the vote was rigged")]


def test_a_named_person_after_words_that_describe_them_and_an_opening_aside():
    body = (
        "Just before the final debate, Moss's former business partner Tony Varga held a "
        "press conference claiming Moss knew about the deals."
    )
    assert _said(body) == [("Tony Varga", "Moss knew about the deals")]


def test_a_platform_speaks_as_a_company():
    body = "Twitter prevented users from sharing the story, claiming it broke its rules."
    assert _said(body) == [("Twitter", "it broke its rules")]


@pytest.mark.parametrize(
    "body",
    [
        "The plan, Mara Vell said, will fail by May.",
        "The plan would, Mara Vell indicated, fail by May.",
        "Under one agreement, Mara Vell said, the plan will fail by May.",
    ],
)
def test_an_attribution_set_off_inside_what_was_said_gives_the_whole_sentence(body):
    assert _said(body) == [("Mara Vell", body.rstrip("."))]


def test_a_group_speaks_through_the_names_it_includes():
    body = (
        "Fifty former officials, including former directors Ann Lee, Tom Varga, and Mara "
        "Vell, signed a letter saying the report was false."
    )
    assert _said(body) == [
        ("Ann Lee", "the report was false"),
        ("Tom Varga", "the report was false"),
        ("Mara Vell", "the report was false"),
    ]
    body = "Nevertheless, others, including reporter Ann Lee, confirmed key parts of the story."
    assert _said(body) == [("Ann Lee", "key parts of the story")]


def test_an_aside_with_including_after_a_name_leaves_the_name_speaking():
    body = "Mara Vell, including her time in Riga, said the vote was rigged."
    assert _said(body) == [("Mara Vell", "the vote was rigged")]


@pytest.mark.parametrize("job", ["rapper", "archbishop", "reporter"])
def test_a_job_written_before_a_name_is_taken_up_by_the_job(job):
    body = f"Yesterday, Zorvia News {job} Mara Vell spoke. Later, the {job} said the plan failed."
    assert _said(body) == [("Mara Vell", "the plan failed")]


def test_a_name_that_only_looks_like_a_job_is_no_follow_up():
    body = "Mara Vell spoke. The Guardian said the plan failed."
    assert [speaker for speaker, _ in _said(body)] == ["Guardian"]


@pytest.mark.parametrize("verb", ["criticised", "condemned", "welcomed"])
def test_a_judgement_in_the_passive_gives_its_agent(verb):
    body = f"The decision was {verb} by the Zorvian Foreign Ministry."
    assert [speaker for speaker, _ in _said(body)] == ["Zorvian Foreign Ministry"]


def test_insisting_on_doing_something_gives_no_words():
    body = "The pact was shelved when Mara Vell insisted on linking it to the missile talks."
    assert _said(body) == []


def test_a_short_appeal_keeps_its_sentence():
    assert _said("Mara Vell called for restraint.") == [
        ("Mara Vell", "Mara Vell called for restraint")
    ]


def test_a_passive_agent_before_what_it_judged_the_thing_as():
    body = "The meeting was hailed by Mara Vell as a success."
    assert [speaker for speaker, _ in _said(body)] == ["Mara Vell"]


def test_encouraging_someone_to_do_something_is_an_appeal():
    assert _said("Mara Vell encouraged voters to stay home.") == [
        ("Mara Vell", "voters to stay home")
    ]
    assert _said("The new policy encouraged investment in the region.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Mara Vell repeated her claim that the talks had failed.",
        "Mara Vell made it clear that the talks had failed.",
        "Mara Vell questioned whether the talks had failed.",
    ],
)
def test_more_ways_of_saying_a_clause(sentence):
    assert _said(sentence) == [("Mara Vell", "the talks had failed")]


def test_dismissing_claims_as_a_label_but_not_dismissing_a_person():
    assert [s for s, _ in _said("Mara Vell dismissed the claims as nonsense.")] == ["Mara Vell"]
    assert _said("The board dismissed Tom Varga as chief executive.") == []
    assert _said("Mara Vell repeated the exercise twice.") == []
    assert _said("Mara Vell questioned the witness.") == []


@pytest.mark.parametrize(
    "words",
    ["remarks by Under-Secretary Mara Vell", "a joint announcement earlier today by Mara Vell"],
)
def test_remarks_or_an_announcement_by_someone_give_their_words(words):
    body = f"A spokesman was commenting on {words} that the yen was undervalued."
    assert [speaker for speaker, _ in _said(body)] == ["Mara Vell"]


@pytest.mark.parametrize(
    ("follow_up", "speaker"),
    [
        ("Armenia's top diplomat", "Ivo Rask"),
        ("The top US diplomat", "Ann Lee"),
    ],
)
def test_a_top_diplomat_is_the_foreign_affairs_office_holder_named_before(follow_up, speaker):
    body = (
        "Armenian Foreign Minister Ivo Rask met US Secretary of State Ann Lee and EU foreign "
        f"policy chief Mara Vell. {follow_up} said the talks went well."
    )
    assert _said(body) == [(speaker, "the talks went well")]


@pytest.mark.parametrize("adverb", ["long", "often", "always", "since", "still"])
def test_an_adverb_of_time_between_speaker_and_verb(adverb):
    body = f"Mara Vell has {adverb} argued that the vote was rigged."
    assert _said(body) == [("Mara Vell", "the vote was rigged")]


def test_never_having_said_something_is_no_statement():
    assert _said("Mara Vell has never said the vote was rigged.") == []


def test_what_was_said_ends_at_the_description_before_a_name():
    body = "Exports will rise this year, managing director of Zorvia Meat Corp, Ivo Rask, said."
    assert _said(body) == [("Ivo Rask", "Exports will rise this year")]


def test_a_verb_after_but_continues_the_subject():
    body = 'Tom Varga spoke. He did not give details but said, "It is a useful alternative."'
    assert _said(body) == [("Tom Varga", "It is a useful alternative")]


@pytest.mark.parametrize(
    ("body", "text"),
    [
        (
            "Talking to reporters, Tom Varga said this attitude would not help.",
            "this attitude would not help",
        ),
        ("Tom Varga spoke. The plan failed in May. He said this.", "The plan failed in May"),
        ("The plan failed in May, Tom Varga said this week.", "The plan failed in May"),
    ],
)
def test_said_this_is_the_sentence_before_only_when_this_ends_the_clause(body, text):
    assert _said(body) == [("Tom Varga", text)]


def test_the_office_holders_of_several_countries_speak_together():
    body = (
        "Russian Foreign Minister Ivo Rask, Iranian Foreign Minister Ann Lee and Turkish "
        "Foreign Minister Tom Varga met in Moscow. The foreign ministers of Russia, Iran and "
        "Turkey said in a joint statement that the talks went well."
    )
    assert [speaker for speaker, _ in _said(body)] == ["Ivo Rask", "Ann Lee", "Tom Varga"]
    body = (
        "Armenian Prime Minister Ivo Rask met Azerbaijani President Ann Lee. The leaders of "
        "Armenia and Azerbaijan said the talks went well."
    )
    assert [speaker for speaker, _ in _said(body)] == ["Ivo Rask", "Ann Lee"]


@pytest.mark.parametrize(
    "occasion",
    ["took to Twitter to say", "used a speech in Riga to say", "took to Twitter to warn"],
)
def test_an_occasion_taken_to_say_something(occasion):
    assert _said(f"Mara Vell {occasion} the talks failed badly.") == [
        ("Mara Vell", "the talks failed badly")
    ]
    assert _said("Mara Vell declined to say whether the talks failed badly.") == []


@pytest.mark.parametrize(
    "body",
    [
        "Judge Ann Vale handed down the sentence. The judge recommended treatment near his family.",
        "Judge Ann Vale handed down the sentence. The judge recommends treatment near his family.",
    ],
)
def test_recommending_is_advising(body):
    assert _speakers(body) == ["Ann Vale"]


def test_a_body_s_website_advises():
    body = "The Zorvian Revenue Service website advises citizens to keep paying their taxes."
    assert _speakers(body) == ["Zorvian Revenue Service"]


@pytest.mark.parametrize("when", ["on Friday", "yesterday", "late Sunday", "recently"])
def test_a_passive_agent_after_a_time(when):
    body = f"The death of Walter Munk was announced {when} by the Zorvian Oceanography Institute."
    assert _speakers(body) == ["Zorvian Oceanography Institute"]


def test_a_name_after_a_long_title_that_follows_the_verb():
    body = (
        '"Stripes may dazzle flies," said study co-author and Royal Society University '
        "Research Fellow Martin Hale."
    )
    assert _speakers(body) == ["Martin Hale"]


def test_a_name_after_a_clause_that_follows_the_verb_is_no_speaker():
    body = (
        "President Ronald Reagan named Bill Webster on Monday, and spokesman Marlin Fitzwater "
        "read the statement. "
        '"Bill Webster will bring a remarkable record," said Reagan in a statement read by '
        "White House spokesman Marlin Fitzwater."
    )
    assert _speakers(body) == ["Ronald Reagan"]


def test_disagreeing_is_speaking():
    assert _speakers("Ann Vale disagreed with the correlation between the two.") == ["Ann Vale"]


@pytest.mark.parametrize("kin", ["brother", "son-in-law"])
def test_who_the_news_came_from(kin):
    body = f"Jacques Chirac died at home. The news came from his {kin}, Frédéric Salat-Baroux."
    assert _speakers(body) == ["Frédéric Salat-Baroux"]


def test_proposing_to_do_something_is_a_statement():
    assert _said("Ann Vale proposed expanding the court to 15 justices.") == [
        ("Ann Vale", "expanding the court to 15 justices")
    ]


def test_proposing_a_thing_is_none():
    assert _said("Ann Vale proposed a plan during the campaign.") == []


def test_told_whom_then_a_clause_without_that():
    assert _said("Jane Roe told companies they must limit their imports.") == [
        ("Jane Roe", "they must limit their imports")
    ]


def test_saying_as_the_means_of_a_deed():
    body = (
        "President Jose Sarney met business leaders. In January, Sarney surprised them by "
        "declaring that they were allies of an anarchist."
    )
    assert _said(body) == [("Jose Sarney", "they were allies of an anarchist")]


def test_saying_as_the_means_of_someone_else_s_deed_is_theirs():
    body = "Ann Vale argued Bob Roe had lost the left by saying he opposed the plan."
    assert _speakers(body) == ["Ann Vale"]


@pytest.mark.parametrize("by", ["contacted by Reuters", "reached by the Zorvian Times"])
def test_who_reached_the_speaker_is_no_speaker(by):
    body = f"A Fiat spokesman {by} said the company had no comment to make."
    assert _speakers(body) == ["Fiat"]


def test_press_reports_as_a_noun_say_nothing():
    body = "Italian press reports that a bond issue was studied pushed Fiat's shares higher."
    assert _said(body) == []


def test_an_inverted_aside_after_a_short_opening_gives_what_follows():
    body = "About the same time, says analyst Ann Vale, Zorvia issued a buy recommendation on BMW."
    assert _said(body) == [("Ann Vale", "Zorvia issued a buy recommendation on BMW")]


def test_a_passive_agent_at_the_time():
    body = "This was denied at the time by VW executive board chairman Carl Hahn."
    assert _speakers(body) == ["Carl Hahn"]


@pytest.mark.parametrize("verb", ["cautions", "cautioned", "advised", "advises"])
def test_cautioning_and_advising_whom_then_that(verb):
    assert _said(f"Zorvia Securities Inc {verb} investors that dividends may be taxed.") == [
        ("Zorvia Securities Inc", "dividends may be taxed")
    ]


@pytest.mark.parametrize("verb", ["admits", "acknowledges", "concedes"])
def test_admitting_in_the_present(verb):
    assert _said(f"Ann Vale {verb} the plan was flawed.") == [("Ann Vale", "the plan was flawed")]


def test_he_after_a_clause_about_someone_is_the_speaker_before():
    body = (
        "Supervisory board chairman Karl Ratjen said the tapes were erased. But management "
        "board chairman Carl Hahn was not involved in the affair, he said."
    )
    assert _speakers(body) == ["Karl Ratjen"]


def test_it_after_a_clause_about_a_body_is_the_body():
    body = (
        "The Harbour Stock Exchange said it is launching an advertising campaign. Harbour "
        "Stock Exchange will advertise on television for the first time, it said."
    )
    assert _speakers(body) == ["Harbour Stock Exchange"]


@pytest.mark.parametrize(
    "added",
    ["it added nervousness to trading", "it added 10 cents to the price", "it added a fee to its"],
)
def test_a_thing_added_to_another_is_no_statement(added):
    body = f"Borland Corp threatened to stop deliveries. Dealers said {added} bills."
    assert _said(body) == [("Borland Corp", "to stop deliveries")]


def test_added_with_a_clause_that_goes_on_to_a_verb_is_a_statement():
    body = "Borland Corp said sales rose. It added prices needed to rise."
    assert _said(body)[-1] == ("Borland Corp", "prices needed to rise")


def test_an_aside_between_dashes_before_the_verb_leaves_the_subject():
    body = (
        "Borland Corp raised its offer. Zorvia Markets Corp -- responding to a letter to its "
        'board by Borland -- said "your conduct indicates that no deal can be made."'
    )
    assert _speakers(body) == ["Zorvia Markets Corp"]


def test_quoted_with_the_name_set_off_after_a_description():
    body = (
        "They quoted a Zorvian soldier, Hamid Dehqoni, as saying heavy rain had paralysed "
        "the enemy."
    )
    assert _said(body) == [("Hamid Dehqoni", "heavy rain had paralysed the enemy")]


def test_said_a_name_then_its_role_in_lower_case_ends_the_sentence():
    body = "Borland Corp does not plan to cut its dividend, said James E. Olsen, chairman."
    assert _said(body) == [("James E. Olsen", "Borland Corp does not plan to cut its dividend")]


def test_a_cleric_s_title_is_no_part_of_his_name():
    body = "The speaker, Hojatoleslam Akbar Zorvani, warned the U.S. not to intervene."
    assert _speakers(body) == ["Akbar Zorvani"]


def test_a_party_and_state_after_a_name_leave_the_apposition_whole():
    body = (
        "Gene Moss, aide to House leader Tom Foyle (D-Wash.), predicted the cuts may exceed "
        "one billion dlrs."
    )
    assert _speakers(body) == ["Gene Moss"]


def test_he_after_an_unnamed_spokesman_is_no_one_named_since():
    body = (
        "Union leaders began talks with the government, a mining ministry spokesman said. "
        "The minister met with Victor Reyez, the miners' leader, at the ministry, he said."
    )
    assert _said(body) == []


@pytest.mark.parametrize(
    "body",
    [
        '"We will be well served in the Zorvia family," union president Owen Bieberg and '
        "vice president Marc Steppe said in a statement.",
        "The plan will be well served in the Zorvia family, Senator Owen Bieberg and former "
        "governor Marc Steppe said.",
    ],
)
def test_two_subjects_after_what_they_said(body):
    assert _speakers(body) == ["Marc Steppe", "Owen Bieberg"]


def test_a_surname_ending_in_double_s_is_a_name():
    body = "Bank president Dieter Hiss told journalists that the rate could fall."
    assert _speakers(body) == ["Dieter Hiss"]


def test_a_lone_name_after_the_quote_it_said():
    body = (
        "Traffic rose 11 pct in February.\n\n"
        '"If the momentum is maintained, airlines can grow," Zorvander said in a statement.'
    )
    statements = extract(body, title="T").statements
    assert [(s.speaker, s.text) for s in statements] == [
        ("Zorvander", "If the momentum is maintained, airlines can grow"),
    ]


def test_a_lone_name_after_a_quote_is_the_firm_that_bears_it():
    body = (
        "Gold will rise, bankers Samuel Zorvanto and Co Ltd said in a market report.\n\n"
        "But the firm said silver may lag.\n\n"
        '"The market should be approached cautiously," Zorvanto said.'
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "Samuel Zorvanto and Co Ltd"
    ] * 2


def test_a_surname_misspelt_by_a_letter_is_the_person_named_before():
    body = (
        "Swaps will grow, said Thomas Zorvasper, the co-chairman.\n\n"
        '"The contracts will reduce the expense," Zorvapsper said.'
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["Thomas Zorvasper"] * 2


@pytest.mark.parametrize(
    "told", ["told his colleagues", "told a business seminar", "told a meeting of analysts"]
)
def test_told_an_audience_then_what_was_said_without_that(told):
    body = f"Trade minister Mike Zorvoore {told} great progress had been made in the talks."
    statements = extract(body, title="T").statements
    assert [(s.speaker, s.text) for s in statements] == [
        ("Mike Zorvoore", "great progress had been made in the talks")
    ]


def test_told_reporters_at_a_time_then_that():
    body = (
        "Finance Secretary Jaime Zorvpin told reporters on Saturday that Sy would join the board."
    )
    statements = extract(body, title="T").statements
    assert [s.text for s in statements] == ["Sy would join the board"]


def test_a_title_shortened_with_a_full_stop_after_the_verb():
    body = (
        '"User fees are the wrong way to attack this," said Rep. Ed Zorvones (D-Tenn.), '
        "chairman of the House Agriculture Subcommittee."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["Ed Zorvones"]


def test_an_unclosed_role_apposition_after_the_quote_it_said():
    body = (
        '"Most investors are still looking for chances to sell," Hiromitsu Zorvada, manager '
        "of Meiji Mutual Life Insurance Co's international investment department said."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["Hiromitsu Zorvada"]


def test_an_apposition_then_a_clause_is_no_role_of_the_speaker():
    body = (
        "Seyed Mohammad Zorvadi, a council member of the Expediency Discernment Council, died "
        "of COVID-19, the government announced yesterday."
    )
    assert "Seyed Mohammad Zorvadi" not in extract(body, title="T").speakers


def test_states_before_its_own_verb_is_a_noun():
    body = "British Farm Minister Michael Zorvling said enough EC states appeared to be opposed."
    statements = extract(body, title="T").statements
    assert [(s.speaker, s.role) for s in statements] == [("Michael Zorvling", "Farm Minister")]


def test_a_time_before_a_role_is_no_part_of_it():
    body = "Yesterday British Farm Minister Michael Zorvling said the tax would be rejected."
    assert [s.role for s in extract(body, title="T").statements] == ["Farm Minister"]


def test_told_the_panel_then_what_was_said():
    body = "CFTC Chairman Susan Zorvlips told the panel the commission was preparing the plan."
    statements = extract(body, title="T").statements
    assert [(s.speaker, s.text) for s in statements] == [
        ("Susan Zorvlips", "the commission was preparing the plan")
    ]


def test_expressed_in_a_currency_is_no_speech():
    body = (
        "Domestic sales decreased 4.4 pct and foreign sales, expressed in U.S. dlrs, rose 7.9 "
        "pct, the Zorvworth Co said."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["Zorvworth Co"]


def test_an_office_of_the_body_before_a_name_is_the_role():
    body = "U.S. Comptroller of the Currency Robert Zorvarke said his office is expanding a plan."
    statements = extract(body, title="T").statements
    assert [(s.speaker, s.role) for s in statements] == [
        ("Robert Zorvarke", "Comptroller of the Currency")
    ]


@pytest.mark.parametrize("noun", ["notes", "claims", "reports"])
def test_a_verb_s_form_in_a_list_is_a_noun(noun):
    body = (
        "Zorvbrook Brokers Inc said it agreed to buy the assets of ZKI Brokers Inc for cash. "
        f"ZKI has ceased brokering treasury bills, {noun} and bonds, Zorvbrook said."
    )
    assert _said(body) == [
        ("Zorvbrook Brokers Inc", "it agreed to buy the assets of ZKI Brokers Inc for cash"),
        ("Zorvbrook Brokers Inc", f"ZKI has ceased brokering treasury bills, {noun} and bonds"),
    ]


@pytest.mark.parametrize("preposition", ["of", "at", "from"])
def test_a_person_s_workplace_set_off_by_an_unclosed_comma_does_not_speak(preposition):
    body = (
        f"Nevertheless, New York analyst Ann Zorvley, {preposition} Smith Zorvney Harris Upham "
        "said the market would rise again soon."
    )
    assert [(s.speaker, s.role) for s in extract(body, title="T").statements] == [
        ("Ann Zorvley", "New York analyst")
    ]


def test_states_listed_after_u_s_with_wire_copy_s_capital_and_are_no_body():
    body = (
        "Ann Zorvley said the rates were too high. "
        "The U.S. And West Germany said the rates were consistent with fundamentals."
    )
    assert _speakers(body) == ["Ann Zorvley"]


@pytest.mark.parametrize("relative", ["which studies trade issues", "whose members trade abroad"])
def test_a_clause_on_the_body_in_a_role_leaves_the_person_speaking(relative):
    body = (
        f"Ann Zorvley, director of the Zorvian Institute of Arizona, {relative}, said the "
        "country needs more plants."
    )
    assert [(s.speaker, s.role) for s in extract(body, title="T").statements] == [
        ("Ann Zorvley", "director of the Zorvian Institute of Arizona")
    ]


def test_a_body_with_a_clause_of_its_own_still_speaks():
    body = "The Zorvian Institute, which studies trade, said the country needs more plants."
    assert _speakers(body) == ["Zorvian Institute"]


@pytest.mark.parametrize("kind", ["consortium", "company", "joint venture"])
def test_a_name_before_a_body_s_kind_is_no_person(kind):
    body = (
        "Zorvo Airbus Ltd said the choice was between two engines, one built by the "
        f"five-nation International Zorvo Engine {kind}. Ann Zorvley said the firm had not decided."
    )
    assert [m.name for m in person_mentions(body)] == ["Ann Zorvley"]


@pytest.mark.parametrize("opening", ["", "On Friday ", "Yesterday "])
def test_a_surname_is_the_firm_s_until_the_person_who_bears_it_is_named(opening):
    body = (
        "Zorvtaft Broadcasting Co said it would study the offer. "
        f"{opening}Zorvtaft said it would negotiate with a group led by its vice chairman, "
        "Dudley Zorvtaft, and an investor."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "Zorvtaft Broadcasting Co",
        "Zorvtaft Broadcasting Co",
    ]


def test_a_surname_after_the_person_is_named_is_the_person():
    body = (
        "Zorvdean Foods Co said earnings would rise in the fourth quarter. "
        "President Howard Zorvdean said the company will gain from its purchases. "
        "Zorvdean also said the company will benefit from its acquisition of a dairy."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "Zorvdean Foods Co",
        "Howard Zorvdean",
        "Howard Zorvdean",
    ]


@pytest.mark.parametrize(
    "role",
    [
        "the permanent trade ambassador of the 12-member Zorvian Community",
        "the ambassador of the Zorvian Community",
    ],
)
def test_a_quote_then_a_lower_case_role_of_a_body_then_the_name(role):
    body = f'"The tension has eased," {role} Tran Van Zorvinh told reporters.'
    assert _said(body) == [("Tran Van Zorvinh", "The tension has eased")]


@pytest.mark.parametrize("title", ["Represenative", "Comissioner", "Ambasador"])
def test_a_long_title_misspelt_by_a_letter_is_no_part_of_the_name(title):
    body = f"U.S. Trade {title} Clayton Zorvetter predicted Zorvia would not comply in time."
    assert _speakers(body) == ["Clayton Zorvetter"]


@pytest.mark.parametrize(
    ("body", "said"),
    [
        (
            "Zorvlloyds Treasurer Alan Zorvmoore told Reuters that the decision was taken.",
            [("Alan Zorvmoore", "Zorvlloyds Treasurer")],
        ),
        (
            "Minister of Energy and Mines Arturo Zorvanti said income from oil sales fell.",
            [("Arturo Zorvanti", "Minister of Energy and Mines")],
        ),
    ],
)
def test_a_treasurer_and_a_portfolio_of_two_words_are_roles(body, said):
    assert [(s.speaker, s.role) for s in extract(body, title="T").statements] == said


@pytest.mark.parametrize(
    "sentence",
    [
        "Analysts polled by Reuters said the surplus was larger than expected.",
        "Economists surveyed by Reuters said the surplus was larger than expected.",
        "Senior members of the ruling Zorvian Party urged her to call the election early.",
    ],
)
def test_people_polled_by_an_outlet_or_members_of_a_body_are_unnamed(sentence):
    assert _speakers(f"Ann Zorvley said the budget was sound. {sentence}") == ["Ann Zorvley"]


def test_a_firm_s_plural_possessive_before_a_surname_is_no_part_of_the_name():
    body = (
        "William O'Zorvill, director of research at Zorvelders Futures Inc, said the market "
        "was quiet. As a result, Zorvelders' O'Zorvill said, there was much confusion."
    )
    assert _speakers(body) == ["William O'Zorvill"]


def test_states_before_an_adverb_and_a_participle_is_a_noun():
    body = (
        "Lim Zorvaik said there appeared no barriers to EC states quickly ratifying the "
        "new rubber agreement."
    )
    assert _speakers(body) == ["Lim Zorvaik"]


@pytest.mark.parametrize("party", ["D-Mich.", "D- Mich.", "(D-Mich.)"])
def test_said_then_a_name_with_its_party_and_a_role_ends_the_sentence(party):
    body = (
        "The House Committee on Zorvian Affairs is studying stricter penalties, said Rep. "
        f"John D. Zorvell, {party}, chairman of the committee."
    ).replace(", (", " (")
    assert _speakers(body) == ["John D. Zorvell"]


def test_a_common_noun_capitalised_after_u_s_is_no_body():
    body = (
        "Chip makers said tariffs would hurt trade. The angry response to the announcement "
        "of the U.S. Tariffs highlighted the difficulties the government faces."
    )
    assert _speakers(body) == []


@pytest.mark.parametrize(
    "body",
    [
        "The Zorvian government supports freedom of navigation in the Gulf, its ambassador to "
        "Kuwait, Ernest Zorvev, told the Kuwaiti news agency KUNA.",
        "Ernest Zorvev told the Kuwaiti news agency KUNA the Zorvian government supports "
        "freedom of navigation in the Gulf.",
    ],
)
def test_told_an_outlet_written_kind_first_then_its_name(body):
    assert [(s.speaker, s.text.lower()) for s in extract(body, title="T").statements] == [
        ("Ernest Zorvev", "the zorvian government supports freedom of navigation in the gulf")
    ]


def test_an_announcement_by_someone_that_is_what_he_said():
    body = (
        "The decision followed an announcement by Zorvian leader Mikhael Zorvachev that he "
        "was willing to separate the two issues."
    )
    assert _said(body) == [("Mikhael Zorvachev", "he was willing to separate the two issues")]


def test_a_body_after_u_s_stays_a_body_though_its_word_is_written_in_lower_case_too():
    body = (
        "The U.S. Treasury repeated a White House statement that only the president and the "
        "secretary of the treasury are authorized to speak on the dollar."
    )
    assert _speakers(body) == ["U.S. Treasury"]


@pytest.mark.parametrize(
    "names",
    ["State Secretaries Otto Zorvlecht and Hans Zorvmeyer", "Otto Zorvlecht and Hans Zorvmeyer"],
)
def test_two_people_named_in_an_apposition_both_speak(names):
    body = f"But two top Zorvian officials, {names}, told reporters Bonn saw no need for action."
    assert _speakers(body) == ["Hans Zorvmeyer", "Otto Zorvlecht"]
