"""Organisations that speak through someone unnamed, and company names in wire copy.

Every sentence here is invented; each test pins one general rule.
"""

from __future__ import annotations

import pytest

from archive.extraction import extract
from archive.extraction.names import org_mentions


def _speakers(body: str) -> list[str]:
    result = extract(body, title="T")
    for s in result.statements:
        assert result.body[s.start : s.end] == s.text
    return result.speakers


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The Zorvian Foreign Ministry's spokeswoman said the talks would resume.",
            "Zorvian Foreign Ministry",
        ),
        ("A Harbour House spokesman said the talks would resume.", "Harbour House"),
        ("The Harbour House press secretary said the talks would resume.", "Harbour House"),
        ("The Pentagon's press secretary said the talks would resume.", "Pentagon"),
    ],
)
def test_a_body_s_unnamed_spokesperson_speaks_for_it(body, speaker):
    assert _speakers(body) == [speaker]


def test_the_body_s_spokesperson_takes_up_the_body_named_before():
    body = (
        "The Health Ministry said the toll rose to 20. "
        "The ministry's spokeswoman said the talks would resume."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == ["Health Ministry", "Health Ministry"]


def test_an_aide_unnamed_is_no_body_and_no_number_speaks():
    assert _speakers("One official said the talks would resume.") == []
    assert _speakers("Some Democratic officials said the talks would resume.") == []


def test_a_ticker_after_a_company_name_is_dropped():
    body = (
        "The agreement was signed, a Zorvia Motors Ltd <ZMO.T> spokesman said.\n\n"
        "Analysts at <Borland Securities> expected it."
    )
    result = extract(body, title="T")
    assert "<" not in result.body and "ZMO" not in result.body
    assert "Borland Securities" in result.body
    assert result.speakers == ["Zorvia Motors Ltd"]


def test_a_company_name_ends_at_its_legal_form_before_to():
    text = "It would sell its stake in Harlow Holdings Plc to Zorvia Foods Inc next year."
    names = [m.name for m in org_mentions(text)]
    assert "Harlow Holdings Plc" in names
    assert not any(" to " in name for name in names)
    text = "The Committee to Protect Journalists said so."
    assert [m.name for m in org_mentions(text)] == ["Committee to Protect Journalists"]


def test_a_name_then_its_role_at_a_body_without_commas():
    body = (
        "Yuta Harada general manager of Zorvia Life Insurance Co told an economic "
        "conference that insurers hold too much."
    )
    assert _speakers(body) == ["Yuta Harada"]
    body = (
        "The general manager of Zorvia Life Insurance Co told an economic conference "
        "that insurers hold too much."
    )
    assert _speakers(body) == ["Zorvia Life Insurance Co"]


def test_a_candidate_s_campaign_speaks_as_a_body():
    body = "The Varga campaign accused Moss of siding with criminals."
    assert _speakers(body) == ["Varga campaign"]


@pytest.mark.parametrize(
    ("subject", "speaker"),
    [
        ("Varga campaign officials", "Varga campaign"),
        ("Health Ministry officials", "Health Ministry"),
        ("The Zorvian Party's officials", "Zorvian Party"),
        ("The OSCE Minsk Group co-chairs", "OSCE Minsk Group"),
    ],
)
def test_a_named_body_s_officials_speak_for_it(subject, speaker):
    assert _speakers(f"{subject} said the poll was fake.") == [speaker]


@pytest.mark.parametrize(
    "subject",
    [
        "Officials",
        "Senior officials",
        "Democratic officials",
        "Other company officials",
        "Local police officials",
        "Harlow County officials",
    ],
)
def test_officials_of_no_named_body_are_unnamed(subject):
    assert _speakers(f"{subject} said the poll was fake.") == []


def test_a_town_s_authority_named_by_its_kind_speaks():
    body = "The city of Varnaby announced on Twitter the agency would investigate."
    assert _speakers(body) == ["city of Varnaby"]
    assert _speakers("Lake City said the agency would investigate.") == []


@pytest.mark.parametrize(
    "group", ["critics of the government of Zorvia", "residents of the city of Varnaby"]
)
def test_some_of_a_body_s_members_or_critics_speak_for_no_one(group):
    assert _speakers(f"On Monday, {group} said the agency would investigate.") == []
    body = "On Monday, officials of the Zorvian Health Ministry said the agency would act."
    assert _speakers(body) == ["Zorvian Health Ministry"]


def test_a_body_speaks_in_a_relative_clause_set_off_after_its_name():
    body = "The Zorvian Party, which said the vote was rigged, left the coalition."
    assert _speakers(body) == ["Zorvian Party"]
    assert _speakers("The report, which said the vote was rigged, was released.") == []


def test_a_name_with_capitals_inside_speaks_and_its_handle_is_no_ordinary_word():
    body = (
        "Code host CodeBay restored the project. Its authors thanked @codebay on Twitter. "
        'In a blog post, CodeBay said, "We understand the project now."'
    )
    assert _speakers(body) == ["CodeBay"]


def test_an_acronym_made_of_syllables_with_capitals_inside_stands_for_its_name():
    body = (
        "The Varnaby Department of Forestry and Fire Protection (VarFire) said acres "
        "burned. VarFire indicated the injuries were minor."
    )
    assert _speakers(body) == ["Varnaby Department of Forestry and Fire Protection"]


@pytest.mark.parametrize(
    ("named", "speaker"),
    [
        ("The government of Samoa", "government of Samoa"),
        ("The South African government", "South African government"),
    ],
)
def test_the_government_takes_up_a_country_s_government_named_before(named, speaker):
    body = f"{named} declared an emergency. The government said 128 teams took part."
    assert _speakers(body) == [speaker]
    body = "The Varga government declared an emergency. The government said 128 teams took part."
    assert _speakers(body) == []


def test_a_body_named_with_of_is_taken_up_by_its_head_word():
    body = (
        "The National Bank of Zorvia said it is issuing bonds backed by the Zorvia Housing "
        "Corp. "
        "The bank said the issue is divided into two pools."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == ["National Bank of Zorvia"] * 2


def test_a_rank_before_a_body_s_officials_is_no_part_of_its_name():
    body = "Senior Varga Administration officials expressed support for the plan."
    assert _speakers(body) == ["Varga Administration"]


def test_the_body_a_filing_is_made_with_is_not_the_company_the_story_is_about():
    body = (
        "Zorvia Holdings bought shares. In a filing with the Securities and Exchange "
        "Commission, the group said it holds 2,711,000 shares."
    )
    assert _speakers(body) == ["Zorvia Holdings"]


def test_a_body_beside_a_state_named_by_its_country_speaks():
    body = "Commitments reached 91 pct, Zorvia Bank and Argentina said in a joint statement."
    assert _speakers(body) == ["Zorvia Bank"]


def test_a_title_after_its_body_then_a_name_gives_the_person():
    body = "Bank of Zorvia Governor Mara Vell said the economy grew."
    result = extract(body, title="T")
    assert [(s.speaker, s.role) for s in result.statements] == [
        ("Mara Vell", "Bank of Zorvia Governor")
    ]


@pytest.mark.parametrize("body", ["U.S. Treasury", "U.S. Army", "U.K. Foreign Office"])
def test_initials_with_full_stops_open_a_body_s_name(body):
    assert _speakers(f"The {body} said only the president may speak.") == [body]


def test_an_acronym_with_its_initials_in_another_order_is_the_same_body():
    body = (
        "The U.S. Agriculture Department said exports rose sharply. "
        "The USDA said imports fell sharply. CNN reported prices fell sharply. "
        "The Norwegian Nobel Committee said prizes rose sharply."
    )
    assert sorted(_speakers(body)) == [
        "CNN",
        "Norwegian Nobel Committee",
        "U.S. Agriculture Department",
    ]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Zorvian Telephone and Telegraph Co said rates would fall. "
            "ZTT said its board agreed to the plan.",
            "Zorvian Telephone and Telegraph Co",
        ),
        (
            "The Zorvian Association of Securities Dealers Inc said rules would change. "
            "The ZASD said its board agreed.",
            "Zorvian Association of Securities Dealers Inc",
        ),
        (
            "Zorvian Motors Acceptance Corp said rates would fall. "
            "ZMAC said its board agreed to the plan.",
            "Zorvian Motors Acceptance Corp",
        ),
    ],
)
def test_a_firm_s_initials_with_or_without_its_legal_form_are_the_firm(body, speaker):
    assert [s.speaker for s in extract(body, title="T").statements] == [speaker, speaker]


def test_an_outlet_named_before_its_kind_and_an_aside_of_adjectives():
    body = (
        "The Zorvians will offer creditors a new plan, the authoritative Business Week "
        "newspaper said. It said the bonds will carry no interest."
    )
    result = extract(body, title="T")
    assert [(s.speaker, s.text) for s in result.statements] == [
        ("Business Week", "The Zorvians will offer creditors a new plan"),
        ("Business Week", "the bonds will carry no interest"),
    ]
    assert _speakers("The plan failed, an Arab newspaper reported on Tuesday.") == []
    assert _speakers("The Iranian newspaper said the plan failed.") == []


def test_a_person_s_body_set_off_by_its_own_name_is_that_name():
    body = "Mara Vell's party, the Zorvian People's Party, said the talks failed badly."
    assert _speakers(body) == ["Zorvian People's Party"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("The Zorvian Bank's chief economist said growth would slow.", "Zorvian Bank"),
        (
            "According to the United Nations' Harbour Safety Organization's chief veterinary "
            "officer, the cull was unnecessary.",
            "Harbour Safety Organization",
        ),
        (
            "Borland Motors Corp said sales fell. The company's chief financial officer said "
            "costs rose in the quarter.",
            "Borland Motors Corp",
        ),
    ],
)
def test_someone_unnamed_in_a_named_body_s_post_speaks_for_it(body, speaker):
    assert set(_speakers(body)) == {speaker}


@pytest.mark.parametrize(
    "body",
    [
        "Zorvan's lawyer said he was innocent.",  # a person's aide
        "Chelyabinsk's governor said each victim would be paid.",  # a place's official
    ],
)
def test_an_aide_of_a_person_or_a_place_is_no_body(body):
    assert _speakers(body) == []


def test_a_body_s_own_body_keeps_its_name():
    body = "Goa's government declared three days of mourning for the minister."
    assert _speakers(body) != ["Goa"]


@pytest.mark.parametrize(
    "body",
    [
        "According to a report from the Harbour Safety Board (HSB), the aircraft was old.",
        "According to a 1989 report by the Harbour Safety Board (HSB), the aircraft was old.",
    ],
)
def test_a_source_s_acronym_in_brackets_ends_its_name(body):
    assert _speakers(body) == ["Harbour Safety Board"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "The Zorvian Chamber of Mines said the talks had failed. "
            "The union refused a request, the Chamber said.",
            "Zorvian Chamber of Mines",
        ),
        (
            "The Harbour City Stock Exchange said it would study the market. "
            "The study is needed, the Exchange said.",
            "Harbour City Stock Exchange",
        ),
    ],
)
def test_a_body_is_taken_up_by_its_capitalised_head_word(body, speaker):
    assert _speakers(body) == [speaker]


@pytest.mark.parametrize(
    "body",
    [
        "Jane Roe, an analyst with Borland Securities Inc said rates would rise.",
        "Jane Roe, analyst for Borland Lehman said rates would rise.",
        "Jane Roe, analyst for Borland Lehman, said rates would rise.",
    ],
)
def test_a_person_speaks_before_the_role_that_names_her_employer(body):
    # Wire copy often leaves out the comma that closes the role.
    assert _speakers(body) == ["Jane Roe"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Researchers at the Zorvian Institute said the toll may rise.", "Zorvian Institute"),
        ("Scientists from Harbour University said the toll may rise.", "Harbour University"),
    ],
)
def test_a_body_s_researchers_speak_for_it(body, speaker):
    assert _speakers(body) == [speaker]


def test_researchers_from_a_country_are_unnamed():
    assert _speakers("Scientists from Germany said the toll may exceed 1000.") == []


@pytest.mark.parametrize("body_name", ["the Mustard Seed", "Zorvia Aid"])
def test_a_person_speaks_before_the_body_she_is_of(body_name):
    body = f"Clinic manager Ann Vale, of {body_name}, said the correlation was weak."
    assert _speakers(body) == ["Ann Vale"]


@pytest.mark.parametrize(
    "body",
    [
        "The Food and Drug Administration said the drug was safe.",
        "The US Food and Drug Administration said the drug was safe.",
    ],
)
def test_a_body_with_and_in_its_name_is_one_speaker(body):
    assert _speakers(body) == ["Food and Drug Administration"]


def test_a_person_of_a_body_with_and_in_its_name_speaks_herself():
    body = (
        "Ann Vale of the Bill and Melinda Gates Foundation, which funds the work, noted the "
        "sprays are common."
    )
    assert _speakers(body) == ["Ann Vale"]


def test_two_subjects_joined_by_and_still_speak():
    body = "Senator Ann Vale and Governor Bob Roe said the bill would pass."
    assert sorted(_speakers(body)) == ["Ann Vale", "Bob Roe"]


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("National Statistics Office", "the Statistics Office"),
        ("National Search and Rescue Agency", "the Search and Rescue Agency"),
    ],
)
def test_a_body_named_again_without_its_scope_is_the_same(first, later):
    body = (
        f"The {first} said the search would go on for a week. "
        f"Later {later} told reporters it would end the search."
    )
    assert _speakers(body) == [first]


def test_a_senior_official_of_a_government_speaks_for_the_government():
    body = "A senior Zorvian government official said the talks would go on."
    assert _speakers(body) == ["Zorvian government"]


def test_he_after_a_body_s_spokesman_is_the_body():
    body = (
        "Borland Lambert Inc said business was normal. Borland was subpoenaed in the case "
        'against arbitrager Ivan Roeski. "Our trading group is operating normally," a Borland '
        'spokesman said. He added, "the picture of the firm has never been healthier."'
    )
    result = extract(body, title="T")
    assert {s.speaker for s in result.statements} == {"Borland Lambert Inc"}


@pytest.mark.parametrize(
    ("full", "short"),
    [
        ("Harbour Five Cents Savings Bank", "Harbour Five"),
        ("Zorvan Resources Corp", "Zorvan Resources"),
    ],
)
def test_a_firm_s_short_name_is_the_firm_not_a_person(full, short):
    body = (
        f"{full} said it would merge with Neworld Bank, forming {short} Bancorp. "
        f"{short} said the plan calls for its holders to receive shares."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == [full, full]
    assert [e.name for e in result.entities if e.kind == "person"] == []


def test_a_person_named_like_the_start_of_no_firm_stays_a_person():
    body = "Ann Vale of Zorvan Resources Corp said output rose. Vale said prices would fall."
    assert set(_speakers(body)) == {"Ann Vale"}


def test_a_body_the_article_s_person_heads_speaks_under_its_own_name():
    body = "Donald Trump won. Trump's State Department said the visa rules would change."
    assert _speakers(body) == ["State Department"]


def test_a_firm_named_after_someone_keeps_its_name():
    assert _speakers("McDonald's Corp said its sales rose by a tenth in March.") == [
        "McDonald's Corp"
    ]


def test_a_body_taken_up_by_its_kind_joins_another_subject():
    body = (
        "The Southern Transitional Council is in conflict with the Yemeni government. Both the "
        "council and the government called for his death to be investigated."
    )
    assert set(_speakers(body)) == {"Southern Transitional Council", "Yemeni government"}


def test_a_body_taken_up_by_its_kind_speaks_beside_an_unnamed_one():
    body = (
        "The Southern Transitional Council is in conflict with the government. Both the "
        "council and the government called for his death to be investigated."
    )
    assert _speakers(body) == ["Southern Transitional Council"]


def test_a_document_of_a_body_named_by_its_kind():
    body = (
        "North Wales Fire and Rescue Service were called to the building. Appliances came "
        "from Dolgellau, according to a fire service statement."
    )
    assert _speakers(body) == ["North Wales Fire and Rescue Service"]


def test_a_name_described_as_a_body_of_another():
    body = (
        "Cacex, the foreign trade department of the federally owned Banco do Brasil, has told "
        "companies they must limit their imports."
    )
    assert _speakers(body) == ["Cacex"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("A spokesman for C. Itoh and Co Ltd said a meeting may be held.", "C. Itoh and Co Ltd"),
        ("Sears, Roebuck and Co said it will restructure its operations.", "Sears, Roebuck and Co"),
    ],
)
def test_a_partnership_s_name_is_one_speaker(body, speaker):
    assert _speakers(body) == [speaker]


def test_a_firm_named_after_initials_and_a_name_is_taken_up_by_the_name():
    body = (
        "J.C. Penney Co Inc said sales were off 1.3 pct in the five weeks. Penney said sales "
        "for the first nine weeks were up 1.3 pct."
    )
    assert _speakers(body) == ["J.C. Penney Co Inc"]


def test_a_person_before_a_role_at_a_firm_with_a_comma_in_its_name():
    body = (
        "Daniel McKinley, oil analyst with Smith Barney, Upham Harris and Co said, "
        '"both markets have been oversold."'
    )
    assert _speakers(body) == ["Daniel McKinley"]


def test_an_unnamed_official_of_a_body_after_the_verb_speaks_for_it():
    body = '"Nothing is firm yet," said an official at Harbour Digital Planning Inc (HDP).'
    assert _speakers(body) == ["Harbour Digital Planning Inc"]


def test_an_unnamed_official_of_a_country_after_the_verb_is_unnamed():
    assert _speakers('"Nothing is firm yet," said an official of Iran.') == []


@pytest.mark.parametrize(
    ("source", "speaker"),
    [
        ("nonprofit CNA", "CNA"),
        ("the research group Zorvian Analytics", "Zorvian Analytics"),
    ],
)
def test_a_source_named_after_its_kind(source, speaker):
    assert _speakers(f"Women make up 16% of the enlisted, according to {source}.") == [speaker]


@pytest.mark.parametrize("form", ["A/S", "AG", "SA", "NV", "GmbH", "AB", "Spa"])
def test_a_firm_s_legal_form_from_abroad_ends_its_name(form):
    body = (
        f"Zorvia Industri {form} said it sold shares worth 1.2 billion crowns. "
        "Zorvia said the sale was made in November."
    )
    assert _speakers(body) == [f"Zorvia Industri {form}"]


def test_where_a_firm_is_based_is_no_part_of_its_name():
    body = "Frankfurt-based Asta Pharma AG said turnover rose by a tenth in the year."
    assert _speakers(body) == ["Asta Pharma AG"]


def test_an_undersecretary_is_a_title():
    body = "Agriculture Undersecretary Daniel Amstutz told Congress that a study found no fraud."
    assert _speakers(body) == ["Daniel Amstutz"]


def test_a_firm_s_short_name_with_initials_is_no_person():
    body = "W.R. Zorvan and Co said it won the case. W.R. Zorvan said the court agreed."
    result = extract(body, title="T")
    assert result.speakers == ["W.R. Zorvan and Co"]
    assert [e.name for e in result.entities if e.kind == "person"] == []


def test_a_firm_of_a_place_is_taken_up_by_its_name_and_form():
    body = (
        "Hospital Corp of America said it received three bids. "
        "Hospital Corp said it would study them."
    )
    assert _speakers(body) == ["Hospital Corp of America"]


def test_a_body_described_by_a_word_and_its_kind_is_the_body_of_that_kind():
    body = (
        "The Bank of Spain has extended the reserve requirement for banks. In a statement, the "
        "central bank said peseta accounts would also be subject to a 19 pct requirement."
    )
    assert _speakers(body) == ["Bank of Spain"]


def test_a_body_described_by_its_kind_is_never_any_firm_named_before():
    body = (
        "Zorvia Securities Inc expects slow growth. The deficit rose to a record, the federal "
        "agency said in a statement."
    )
    assert _speakers(body) == []


def test_a_firm_misspelt_by_one_letter_is_the_firm():
    body = (
        "Harbourwagen AG said the fraud cost 480 mln marks. "
        "Harbouwagen said documents had been falsified by the traders."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == ["Harbourwagen AG", "Harbourwagen AG"]


def test_a_plural_is_no_misspelling():
    body = (
        "Zorvian Pipe Line Co was sold last year. "
        "Zorvians said the sale of its chemical unit was completed."
    )
    assert "Zorvian Pipe Line Co" not in _speakers(body)


@pytest.mark.parametrize("where", ["analyst for Borland Lehman", "an economist with Smith Borney"])
def test_where_someone_works_is_no_person(where):
    body = f"Ann Vale, {where}, said that the number of cattle on feed fell."
    result = extract(body, title="T")
    assert [e.name for e in result.entities if e.kind == "person"] == ["Ann Vale"]


def test_the_newspaper_is_the_outlet_that_spoke_and_the_is_no_outlet():
    body = (
        "The Harbour Times said the study was flawed. The newspaper said the administration "
        "has placed new emphasis on oil reserves. It said the reserve should grow."
    )
    assert _speakers(body) == ["Harbour Times"]


def test_the_newspaper_is_no_firm():
    body = (
        "Zorvia Corp said the study was flawed. The newspaper said the administration has "
        "placed new emphasis on oil reserves."
    )
    assert _speakers(body) == ["Zorvia Corp"]


def test_a_partnership_with_a_comma_after_of_is_the_person_s_firm():
    body = "But Ann Weld of Borland, Sachs and Co said banks would grow too powerful."
    result = extract(body, title="T")
    assert [(s.speaker, s.role) for s in result.statements] == [
        ("Ann Weld", "Borland, Sachs and Co")
    ]


def test_a_firm_with_and_in_its_name_is_taken_up_by_its_short_name():
    body = (
        "Borland and Western Inc said it has no liability under the suit. "
        '"Zorvia Power appears to be shifting its responsibilities to others," '
        "Borland and Western said. Borland and Western said it has not seen the lawsuit."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == ["Borland and Western Inc"] * 3
    assert result.statements[1].form == "quote"


def test_a_body_of_two_portfolios_is_one_body_even_when_misspelt():
    body = (
        "The Post and Telecomunications Ministry reiterated that it sees no need for two "
        "competitors."
    )
    assert _speakers(body) == ["Post and Telecomunications Ministry"]


def test_a_committee_after_an_indefinite_article_and_an_adjective_is_unnamed():
    assert _speakers("A key U.S. Senate committee has expressed opposition to the merger.") == []
    assert _speakers("The U.S. Senate Banking Committee has expressed opposition to it.") == [
        "U.S. Senate Banking Committee"
    ]


def test_the_company_is_the_sentence_s_own_subject_not_the_last_firm_in_it():
    body = (
        "Banco Zorvander signed a letter of intent with Bank of Borland to buy its affiliate "
        "Zorvia Credit AG, the bank said in a statement."
    )
    assert _speakers(body) == ["Banco Zorvander"]


def test_the_company_is_the_firm_that_spoke_not_the_last_one_named():
    body = (
        "Borland Group Corp said it raised its offer for Zorvia Markets Corp and named "
        "Harbour Securities Inc its adviser. The company said it remains willing to negotiate."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["Borland Group Corp"] * 2


def test_the_agency_is_the_agency_named_before_its_name():
    body = (
        "The Zorvian news agency ZNA said the troops advanced. One battalion of the Third "
        "Brigade suffered heavy losses, the agency added."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["ZNA", "ZNA"]


@pytest.mark.parametrize(
    "name", ["Banco Zorvander", "Banque Nationale de Zorvia", "Bankhaus Borland"]
)
def test_a_bank_named_by_its_head_word_first_is_a_body_not_a_person(name):
    body = f"The bloc is issuing a 600 mln franc bond, lead manager {name} said."
    result = extract(body, title="T")
    assert result.speakers == [name]
    assert [e.name for e in result.entities if e.kind == "person"] == []


def test_a_finnish_firm_s_legal_form_ends_its_name():
    result = extract("Zorvakumpu Oy said copper output rose by a tenth.", title="T")
    assert result.speakers == ["Zorvakumpu Oy"]
    assert [e.name for e in result.entities if e.kind == "person"] == []


def test_he_after_an_unnamed_official_of_a_named_body_is_the_body():
    body = (
        "Harbour Trust Corp Plc said the notes would be issued. An official of the Harbour "
        "Trust said he did not know when the new representative, David Mureson, would meet "
        "them. He noted the talks on the debt were going on."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == ["Harbour Trust Corp Plc"] * 3


def test_officials_of_an_institution_that_stands_for_a_state_speak_for_it():
    assert _speakers("Pentagon officials said the platform was a base for raids.") == ["Pentagon"]
    assert _speakers("Democratic officials said the platform was a base for raids.") == []


def test_a_firm_named_in_the_possessive_is_known_by_its_short_name():
    body = (
        "Bob Vaskevich, head of Borland Lynch and Co's London office, was named. Vaskevich was "
        "suspended by Borland, which said it was cooperating with the inquiry."
    )
    result = extract(body, title="T")
    assert result.speakers == ["Borland Lynch and Co"]
    assert [e.name for e in result.entities if e.kind == "person"] == ["Bob Vaskevich"]


def test_a_unit_named_with_a_slash_is_no_person():
    body = (
        "Zorvchild Industries Inc said it will close the plant. Zorvchild added that its "
        "Zorvchild Composites/Bonding Center will become an independent operation."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == ["Zorvchild Industries Inc"] * 2
    assert [e.name for e in result.entities if e.kind == "person"] == []


def test_a_firm_s_name_before_the_initials_of_its_place():
    body = "Talks at Borgill U.K. Ltd's plant were put off, a company spokesman said."
    assert _speakers(body) == ["Borgill U.K. Ltd"]


def test_a_body_s_acronym_before_what_it_published():
    body = "The Federal Trade Zorvission (FTZ) report said such policies could backfire."
    assert _speakers(body) == ["Federal Trade Zorvission"]


def test_a_firm_with_its_acronym_and_an_apposition_after_the_clause():
    body = (
        "Zorvian airline TAZ has confirmed an order for three aircraft, British Zorvospace Plc "
        "(BZe), one of four shareholders in the consortium, said."
    )
    assert "British Zorvospace Plc" in _speakers(body)


def test_a_firm_s_name_may_open_with_a_country_s_adjective():
    body = "American Telephone and Zorvagraph Co said it will not cut its dividend."
    assert _speakers(body) == ["American Telephone and Zorvagraph Co"]


def test_an_acronym_defined_after_initials_and_a_name_stands_for_both():
    body = (
        "The U.S. Department of Zorvation (DOZ) said it cleared the merger. "
        '"The deal is not likely to lessen competition," the DOZ said in a statement.'
    )
    assert _speakers(body) == ["U.S. Department of Zorvation"]


def test_the_head_word_takes_up_a_body_named_after_the_and_of():
    body = (
        "Tin sales were above the limit, the States of Zorvaya Chamber of Mines said. "
        '"The limit has been forgotten," the Chamber said.'
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "States of Zorvaya Chamber of Mines"
    ] * 2


def test_officials_of_a_country_and_a_portfolio_without_a_head_word_are_unnamed():
    assert _speakers("U.S. Defence officials disclosed that the navy was ready.") == []
    assert _speakers("Health Ministry officials disclosed that the navy was ready.") == [
        "Health Ministry"
    ]


def test_a_body_written_with_its_kind_in_lower_case_after_its_name():
    assert _speakers("The United Zorvo Workers union said it supports the merger.") == [
        "United Zorvo Workers"
    ]
    # a nationality is no body's name
    assert "Anglo-Dutch" not in _speakers("The Anglo-Dutch group said it supports the merger.")


def test_a_bank_named_by_bank_first():
    body = "Bank Zorvara said in its annual report that output would grow by 3.5 pct."
    assert _speakers(body) == ["Bank Zorvara"]


def test_a_spokesperson_here_speaks_for_the_body():
    body = "Zorvetton SpA expects to diversify, a Zorvetton spokeswoman here said."
    assert _speakers(body) == ["Zorvetton SpA"]


def test_the_bourse_is_the_stock_exchange_named_before():
    body = (
        "The Zorvdam Stock Exchange will start an inquiry into dealings in shares, a bourse "
        "spokesman said. The bourse said trading would resume on Monday."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "Zorvdam Stock Exchange"
    ] * 2


def test_a_body_named_with_a_list_of_words_and_taken_up_by_its_last_words():
    body = (
        "Stocks totalled 585,555 bags, the New York Coffee, Zorvar and Cocoa Exchange said. "
        "The exchange said there were no bags pending classification."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "New York Coffee, Zorvar and Cocoa Exchange"
    ] * 2


def test_the_spokeswoman_and_she_after_her_are_the_body_she_spoke_for():
    body = (
        "Zorvetton SpA is holding talks, a Zorvetton spokeswoman said. But the spokeswoman "
        "pointed out that many firms hold talks. She added the firm had no timetable."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["Zorvetton SpA"] * 3


def test_receipts_are_no_person():
    body = "The shares trade in the U.S. as American Depository Receipts, the firm said."
    result = extract(body, title="T")
    assert [e.name for e in result.entities if e.kind == "person"] == []


def test_the_spokesman_is_no_one_when_no_spokesperson_spoke_before():
    assert _speakers("The talks failed. The spokesman said that many firms hold talks.") == []


def test_a_person_of_a_body_described_in_lower_case_even_with_a_common_word_in_the_name():
    body = "The debt may be upgraded later, Howard Mount of the ratings agency said."
    assert _speakers(body) == ["Howard Mount"]


@pytest.mark.parametrize(
    "body",
    [
        "Luigi Zorvini, president of the employers organisation Confindustria said in a "
        'speech, "A precarious political situation is damaging to the economy."',
        "In testimony today, Tom Zorvook, director of industry affairs for the National "
        'Cattlemens Association said "the industry must take a strong and united stand."',
    ],
)
def test_a_role_apposition_wire_copy_leaves_unclosed_with_a_described_body(body):
    speakers = _speakers(body)
    assert len(speakers) == 1 and speakers[0].startswith(("Luigi Zorvini", "Tom Zorvook"))


def test_an_unnamed_executive_of_a_named_body_speaks_for_it():
    body = (
        "A Zorvclays National Bank executive who asked not to be identified said: "
        '"The rise of the independents has created a favourable sentiment overseas."'
    )
    assert _speakers(body) == ["Zorvclays National Bank"]


def test_the_chief_executive_is_no_body():
    body = 'The chief executive said: "The rise of the independents is favourable."'
    assert _speakers(body) == []


def test_officials_of_a_named_body_after_the_verb_with_an_apposition_after_them():
    body = (
        "The new fund is attracting offers in London, said officials of Zorvyong Investment "
        "Company, one of the co-lead managers."
    )
    assert _speakers(body) == ["Zorvyong Investment Company"]


@pytest.mark.parametrize(
    "body, name",
    [
        (
            "Palm oil output will drop this year, the Hamburg-based newsletter Zorv World said.",
            "Zorv World",
        ),
        (
            "The official Zorvking Review accused the United States of delaying approval of "
            "high-technology sales.",
            "Zorvking Review",
        ),
    ],
)
def test_a_paper_named_after_its_kind_or_an_adjective_of_the_press(body, name):
    assert _speakers(body) == [name]


def test_a_paper_described_by_where_it_is_based_is_no_name():
    body = (
        "Saudi output was three mln bpd, the Zorvian Economic Survey said. The Cyprus-based "
        "newsletter also said Libya was producing 850,000 bpd."
    )
    assert "Cyprus-based" not in _speakers(body)


def test_a_person_of_a_firm_whose_name_holds_and():
    body = (
        "Bob Zorvedgar of the Australia and New Zealand Zorvking Group Ltd said the "
        "government's aim of reducing the deficit appeared to be working."
    )
    assert _speakers(body) == ["Bob Zorvedgar"]


def test_whom_a_letter_is_written_to_is_no_speaker():
    body = (
        "The Zorvansett group said its letter to Zorvtaft's board states the group intends "
        "to return control to the family."
    )
    assert "Zorvtaft's board" not in _speakers(body)


def test_a_capital_wire_copy_puts_after_a_country_names_no_body():
    body = (
        "In talks with the finance minister, the U.S. Group also urged Japan to give U.S. "
        "Financial institutions a bigger role in underwriting bonds."
    )
    assert _speakers(body) == []


def test_a_club_is_a_body_and_the_club_after_it_the_same():
    body = (
        "The Zorvparis Club of creditor nations agreed to reschedule Uganda's debts, the Club "
        "said in a statement. The Club said it approved of the country's programme."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["Zorvparis Club"] * 2


def test_he_after_a_spokesman_for_a_body_with_a_particle_in_its_name():
    body = (
        "A spokesman for the Rio de Zorvaneiro Port said the order was given by Navy Minister "
        "Henrique Zorvoya on grounds of security. But he said there were no incidents."
    )
    statements = extract(body, title="T").statements
    assert [s.speaker for s in statements] == ["Rio de Zorvaneiro Port"] * 2


def test_a_firm_whose_name_opens_with_may():
    body = (
        "May Zorvment Stores Co, reporting record results, said it is encouraged about the "
        "new fiscal year."
    )
    assert _speakers(body) == ["May Zorvment Stores Co"]


def test_a_committee_described_by_who_controls_it_is_the_one_named_before():
    body = (
        "The U.S. House Zorvign Affairs Committee approved a bill to ease export controls. "
        "The Democratic-controlled committee said export controls had cost exports."
    )
    assert _speakers(body) == ["U.S. House Zorvign Affairs Committee"]


def test_it_after_a_body_of_two_portfolios_is_the_whole_body():
    body = (
        "The Post and Zorvcommunications Ministry has urged the merger of the two firms "
        "because it says the market can only support a single competitor."
    )
    assert _speakers(body) == ["Post and Zorvcommunications Ministry"]


def test_a_dominican_is_no_part_of_a_name():
    body = "Dominican Alfredo Zorvart told Reuters his first aim is to put the house in order."
    assert _speakers(body) == ["Alfredo Zorvart"]


def test_a_firm_by_a_blend_of_its_words():
    body = (
        "The Zorvelaide Steamship Co Ltd said it was looking to the British market.\n\n"
        "Zorvsteam said it was continuing to look for investment opportunities overseas."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "Zorvelaide Steamship Co Ltd"
    ] * 2


def test_people_of_a_trade_capitalised_at_a_sentence_start_are_unnamed():
    body = (
        "Shares fell sharply.\n\nBrokers said the index fell a record 36 points.\n\n"
        "Brokers said they were flooded with sell orders."
    )
    assert _speakers(body) == []


def test_a_paper_described_by_its_language_is_the_paper_named_before():
    body = (
        "Exports must rise, the Zorvtehran Times said.\n\n"
        "The English-language daily said bigger export earnings were needed."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == ["Zorvtehran Times"] * 2


def test_a_body_an_outlet_owns_is_the_source_and_is_taken_up_by_its_last_words():
    body = (
        "Zorvia could become the third largest car market, according to a report by the "
        "Zorvian magazine's Zorvian Intelligence Unit. \"Zorvia is suffering from a debt "
        'crisis," the Intelligence Unit said.'
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "Zorvian Intelligence Unit",
        "Zorvian Intelligence Unit",
    ]


def test_the_last_words_of_two_bodies_name_neither():
    body = (
        "The Zorvian Research Institute said prices rose by ten pct last year. The Orvian "
        "Research Institute said prices fell by five pct last year. The Research Institute "
        "said it would publish the data in May."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "Zorvian Research Institute",
        "Orvian Research Institute",
        "Research Institute",
    ]


@pytest.mark.parametrize("short", ["Zorvtrust", "ZorvTrust"])
def test_a_coined_word_before_a_bank_s_head_is_the_bank(short):
    body = (
        "Zorvtrust Savings Bank said it will recapitalize its common stock today. "
        f"{short} said its shareholders approved the plan at a meeting in May."
    )
    assert [s.speaker for s in extract(body, title="T").statements] == [
        "Zorvtrust Savings Bank",
        "Zorvtrust Savings Bank",
    ]


def test_a_firm_s_short_name_that_opens_a_product_s_name_is_the_firm():
    body = (
        "Zorvkraft Inc said it would fight the complaint over its cheese. The agency said "
        "Zorvkraft Singles slices hold less calcium than the firm claims in its ads. "
        "Zorvkraft said it could substantiate these claims in court."
    )
    assert [s.speaker for s in extract(body, title="T").statements][-1] == "Zorvkraft Inc"


@pytest.mark.parametrize(
    ("description", "name"),
    [
        ("Zorvia's leading farmers' union", "the ZNSEA"),
        ("Zorvia's biggest union", "the Zorvian Workers Federation"),
    ],
)
def test_a_country_s_body_described_then_named_speaks_by_its_name(description, name):
    body = f"{description}, {name}, said it is worried that the talks will fail."
    assert _speakers(body) == [name.removeprefix("the ")]


@pytest.mark.parametrize("gap", [" ", "  "])
def test_a_ticker_and_a_country_after_a_foreign_firm_s_legal_form_are_no_part_of_its_name(gap):
    body = (
        f"Zorvond Corp Holdings Ltd{gap}<ZORV.S> of Australia said it had no comment on an "
        "article speculating on its plans for a bid."
    )
    assert _speakers(body) == ["Zorvond Corp Holdings Ltd"]


def test_corp_of_a_country_is_a_name():
    body = "Zorvmail Corp of America said its efforts to secure additional financing failed."
    assert _speakers(body) == ["Zorvmail Corp of America"]
