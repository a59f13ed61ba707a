"""Which people an article calls "he" and "she", and pronouns that follow that.

Every sentence here is invented.
"""

from __future__ import annotations

from archive.extraction import extract
from archive.extraction.gender import FEMALE, MALE, genders
from archive.extraction.names import Mention


def _mentions(body: str, *names: str) -> list[Mention]:
    found = [Mention(n, body.index(n), body.index(n) + len(n)) for n in names]
    return sorted(found, key=lambda m: m.start)


def test_the_pronoun_after_a_subject_and_a_title_say_who_is_who():
    body = "Ann Lee said she was tired. The lawyer for Mr Tom Varga spoke."
    assert genders(body, _mentions(body, "Ann Lee", "Tom Varga")) == {
        "Ann Lee": FEMALE,
        "Tom Varga": MALE,
    }


def test_an_object_a_quote_or_another_name_before_the_pronoun_say_nothing():
    body = (
        "Ann Lee commended Tom Varga for his work and said she was proud. "
        'Mara Vell said "he is right". Ola Berg, Brenton had a licence he used.'
    )
    assert genders(body, _mentions(body, "Ann Lee", "Tom Varga", "Mara Vell", "Ola Berg")) == {}


def test_she_takes_up_the_woman_not_the_man_named_last():
    body = (
        "Emma Stone met officers Paul Dorn and Nico Reval at a pub. Stone said she was "
        "tired. Reval said he was innocent. In between, she testified, she was attacked "
        "by Dorn and Reval in the building."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == ["Emma Stone", "Nico Reval", "Emma Stone"]


def test_a_surname_alone_counts_as_the_latest_person_named():
    body = (
        "Emma Stone met officers Paul Dorn and Nico Reval at a pub. They offered Stone a "
        "tour of the building. In between, she testified, she was attacked by the two men."
    )
    result = extract(body, title="T")
    assert [s.speaker for s in result.statements] == ["Emma Stone"]
