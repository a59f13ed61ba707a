"""The one-pass analyzer must give exactly what Whoosh's own stemming chain gives."""

import pytest
from whoosh import fields
from whoosh.analysis import CharsetFilter, StemmingAnalyzer
from whoosh.support.charset import accent_map

from search.backends.whoosh.analysis import TOKEN_PATTERN, NewsAnalyzer, NewsText
from search.backends.whoosh.highlight import tokens

WHOOSH_CHAIN = StemmingAnalyzer(expression=TOKEN_PATTERN, minsize=1) | CharsetFilter(accent_map)
TEXTS = [
    "The 3+3 platform: Türkiye's ministers said they're 'talking' with U.S. officials — "
    "Erdoğan, Araghchi and Lavrov met in 2023 at the U.N. in New York; élan, naïve, Ⅻ.",
    "the and of a",  # stop words only
    "And then the talks began, and the talks ended.",  # stop words first and repeated
    "",
]
OPTIONS = [
    {},
    {"positions": True},
    {"positions": True, "chars": True},
    {"positions": True, "removestops": False},
    {"chars": True, "start_pos": 5, "start_char": 7, "positions": True},
    {"mode": "query", "removestops": False, "tokenize": False},
    {"keeporiginal": True, "positions": True},
]


def _tokens(analyzer, text, options):
    return [
        (
            t.text,
            t.stopped,
            getattr(t, "pos", None),
            getattr(t, "startchar", None),
            getattr(t, "endchar", None),
            getattr(t, "original", None),
        )
        for t in analyzer(text, **options)
    ]


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("text", TEXTS + ["Talks", "THE"])
def test_tokens_equal_whoosh_chain(text, options):
    assert _tokens(NewsAnalyzer(), text, options) == _tokens(WHOOSH_CHAIN, text, options)


@pytest.mark.parametrize("text", TEXTS)
def test_indexed_postings_equal_whoosh_text_field(text):
    ours = NewsText(stored=True)
    theirs = fields.TEXT(analyzer=WHOOSH_CHAIN, stored=True)

    def postings(field):
        return sorted(
            (term, freq, weight, field.format.decode_positions(value))
            for term, freq, weight, value in field.index(text)
        )

    assert postings(ours) == postings(theirs)


def test_the_fast_highlighter_tokenizes_exactly_like_the_index():
    text = TEXTS[0]
    expected = [t.text for t in WHOOSH_CHAIN(text)]
    assert [term for _, _, term in tokens(text) if term is not None] == expected


def test_the_analyzer_survives_pickling_for_index_worker_processes():
    import pickle

    field = pickle.loads(pickle.dumps(NewsText(stored=True)))
    assert [t.text for t in field.analyzer("Talks")] == ["talk"]


@pytest.mark.parametrize("text", TEXTS + ["  3+3, U.S.-led: «Türkiye»  ", "x", "—"])
def test_the_highlighter_finds_each_token_where_the_pattern_does(text):
    from search.backends.whoosh.analysis import TOKEN

    expected = [(m.start(), m.end(), m.group()) for m in TOKEN.finditer(text)]
    assert [(start, end, text[start:end]) for start, end, _ in tokens(text)] == expected
