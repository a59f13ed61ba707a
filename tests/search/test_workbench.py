from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest

from archive.models import Article, Person, Statement
from tests.search.workbench_data import LAVROV, import_records

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def lavrov(seeded, tmp_path, django_capture_on_commit_callbacks):
    import_records(tmp_path, LAVROV, django_capture_on_commit_callbacks)
    return Person.objects.get(slug="sergei-lavrov")


def get(client, url, params=None, **kwargs) -> str:
    # Followed: a search with blank or default parameters redirects to its one address.
    response = client.get(url, params or {}, follow=True, **kwargs)
    assert response.status_code == 200
    return response.content.decode()


# --- timeline -------------------------------------------------------------------------------


def test_the_results_fragment_has_a_timeline_whose_bars_narrow_the_dates(client, seeded):
    html = get(client, "/", headers=HX)
    assert '<svg class="timeline-chart"' in html
    assert (
        'role="group" aria-label="Timeline: 2 dated articles by month, Jan 2023 to Oct 2023' in html
    )
    assert "<title>Oct 2023: 1</title>" in html
    assert 'href="?date_from=2023-10&amp;date_to=2023-10"' in html
    assert 'hx-get="?date_from=2023-10&amp;date_to=2023-10"' in html
    narrowed = get(client, "/", {"date_from": "2023-10", "date_to": "2023-10"}, headers=HX)
    assert "1 article" in narrowed
    assert "<title>26 Oct 2023: 1</title>" in narrowed  # a month shows its days
    assert "<title>30 Jan 2023" not in narrowed


def test_the_full_page_includes_the_same_timeline(client, seeded):
    page = get(client, "/", {"q": "Russia"})
    fragment = get(client, "/", {"q": "Russia"}, headers=HX)
    timeline = re.search(r'<figure class="timeline".*?</figure>', fragment, re.S).group()
    assert timeline in page


# --- statements mode ------------------------------------------------------------------------


def test_statements_mode_lists_statements_with_speaker_links(client, lavrov):
    html = get(client, "/", {"mode": "statements", "q": "speaker:Lavrov"})
    count = Statement.objects.filter(speaker=lavrov).count()
    assert f"{count} statements for “speaker:Lavrov”" in html
    assert 'id="mode-statements" name="mode" value="statements" checked' in html
    assert html.count(f'href="/speakers/{lavrov.slug}/"') >= count
    hits = re.search(r'<ol class="hits"[^>]*>.*?</ol>', html, re.S).group()
    assert "<mark>" not in hits
    forms = Statement.objects.filter(speaker=lavrov)
    quotes, reported = forms.filter(form="quote").count(), forms.filter(form="reported").count()
    assert hits.count("Direct quote</span>") == quotes
    assert hits.count("Reported speech</span>") == reported
    marked = get(client, "/", {"mode": "statements", "q": "speaker:Lavrov pipeline"})
    assert "<mark>pipeline</mark>" in marked
    assert "<legend>Speaker</legend>" in marked


def test_speaker_filters_work_in_both_modes(client, lavrov):
    articles = get(client, "/", {"q": "speaker:Lavrov"}, headers=HX)
    statements = get(client, "/", {"q": "speaker:Lavrov", "mode": "statements"}, headers=HX)
    with_lavrov = Article.objects.filter(statements__speaker=lavrov).distinct().count()
    assert f"{with_lavrov} articles" in articles
    assert f"{Statement.objects.filter(speaker=lavrov).count()} statements" in statements
    ticked = get(client, "/", {"speaker": lavrov.slug, "mode": "statements"}, headers=HX)
    assert f"{Statement.objects.filter(speaker=lavrov).count()} statements" in ticked


# --- speaker page ---------------------------------------------------------------------------


def test_speaker_page_lists_statements_newest_first(client, lavrov):
    html = get(client, f"/speakers/{lavrov.slug}/")
    titles = ["Partners in the region", "Pipeline plans", "Treaty talks"]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert "Wire B" in html and "10 Jun 2023" in html
    assert "Iran is a reliable partner" in html
    assert '<svg class="timeline-chart"' in html


def test_speaker_page_shows_aliases_roles_and_countries(client, lavrov):
    html = get(client, f"/speakers/{lavrov.slug}/")
    aliases = [a.name for a in lavrov.aliases.all() if a.name != lavrov.name]
    assert "Sergey Lavrov" in aliases
    for name in aliases:
        assert f"<li>{name}</li>" in html
    for role in Statement.objects.filter(speaker=lavrov).exclude(role="").values_list("role"):
        assert role[0] in html
    countries = re.search(r"Countries spoken about</h2>(.*?)</ul>", html, re.S).group(1)
    assert '>Armenia</a> <span class="count">' in countries
    assert "country=AM" in countries


def test_speaker_page_searches_within_their_statements(client, lavrov):
    fragment = get(client, f"/speakers/{lavrov.slug}/", {"q": "Iran"}, headers=HX)
    assert "<html" not in fragment
    with_iran = Statement.objects.filter(speaker=lavrov, text__icontains="Iran").count()
    assert f"{with_iran} statement{'s' if with_iran > 1 else ''} for “Iran”" in fragment
    assert "<mark>Iran</mark> is a reliable partner" in fragment
    assert "Treaty talks" not in fragment


def test_unknown_speaker_is_404(client, seeded):
    assert client.get("/speakers/nobody-at-all/").status_code == 404


def test_links_to_speaker_pages_from_hits_articles_and_the_facet(client, lavrov):
    url = f'href="/speakers/{lavrov.slug}/"'
    assert url in get(client, "/", {"q": "treaty"})
    article = Article.objects.get(external_id="lavrov-1")
    assert url in get(client, article.get_absolute_url())
    facets = re.search(r"<legend>Speaker</legend>.*?</fieldset>", get(client, "/"), re.S).group()
    assert url in facets


# --- country page ---------------------------------------------------------------------------


def test_country_page_shows_articles_statements_and_speakers(client, lavrov):
    html = get(client, "/countries/am/")
    about = Article.objects.visible().filter(countries__code="AM").count()
    assert f"{about} articles, newest first" in html
    assert "<h1>Armenia" in html
    speakers = re.search(r"Most frequent speakers</h2>(.*?)</ol>", html, re.S).group(1)
    assert f'href="/speakers/{lavrov.slug}/"' in speakers
    assert "Armenia and Azerbaijan should sign" in html
    assert '<svg class="timeline-chart"' in html


def test_unknown_country_is_404_and_a_name_or_lower_case_code_redirects(client, seeded):
    assert client.get("/countries/xx/").status_code == 404
    assert client.get("/countries/atlantis/").status_code == 404
    for alias in ("armenia", "am", "Armenia"):
        response = client.get(f"/countries/{alias}/", {"q": "talks"})
        assert (response.status_code, response["Location"]) == (301, "/countries/AM/?q=talks")


# --- empty state, escaping, labels ----------------------------------------------------------


def test_the_empty_state_offers_to_remove_each_filter(client, seeded):
    html = get(client, "/", {"q": "Lavrov", "country": "PS", "date_from": "2023"}, headers=HX)
    assert "0 articles" in html
    assert '<a href="?q=Lavrov&amp;date_from=2023"' in html  # without the country
    assert "Remove “Country: " in html
    assert '<a href="?q=Lavrov&amp;country=PS"' in html  # without the dates


def test_a_script_in_a_title_is_always_escaped(
    client, seeded, tmp_path, django_capture_on_commit_callbacks
):
    record = {
        "id": "evil",
        "title": "<script>alert('t')</script> Lavrov summit",
        "date": "2023-05-05",
        "body": "Sergei Lavrov said <script>alert('b')</script> the summit matters for Armenia.",
    }
    import_records(tmp_path, [record], django_capture_on_commit_callbacks)
    article = Article.objects.get(external_id="evil")
    pages = [
        ("/", {"q": "summit"}),
        ("/", {"q": "summit", "mode": "statements"}),
        ("/", {"q": "alert"}),
        (article.get_absolute_url(), {"q": "summit"}),
        ("/speakers/sergei-lavrov/", {}),
        ("/countries/am/", {}),
    ]
    for url, params in pages:
        html = get(client, url, params)
        assert "<script>alert" not in html, url
        assert "&lt;script&gt;" in html, url


def test_every_control_is_labelled(client, lavrov):
    for url in ("/", f"/speakers/{lavrov.slug}/", "/?mode=statements"):
        parser = Controls()
        parser.feed(get(client, url))
        assert parser.unlabelled() == [], url


class Controls(HTMLParser):
    """Inputs and selects, and whether a <label> wraps them or names them with `for`."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.controls: list[tuple[str | None, str | None, bool]] = []
        self.label_for: set[str | None] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label":
            self.depth += 1
            self.label_for.add(attrs.get("for"))
        elif tag in ("input", "select", "textarea") and attrs.get("type") != "hidden":
            self.controls.append((attrs.get("name"), attrs.get("id"), self.depth > 0))

    def handle_endtag(self, tag):
        if tag == "label":
            self.depth -= 1

    def unlabelled(self):
        return [
            (n, i) for n, i, wrapped in self.controls if not wrapped and i not in self.label_for
        ]


def test_a_statement_link_lands_on_its_marked_place_in_the_article(client, lavrov):
    statement = Statement.objects.filter(speaker=lavrov).first()
    url = statement.article.get_absolute_url()
    html = get(client, url, {"statement": str(statement.pk), "q": "Lavrov"})
    anchor = f'<mark class="statement-mark" id="statement-{statement.pk}">'
    assert html.count(anchor) == 1
    after = re.sub(r"<[^>]+>", "", html.split(anchor)[1].split("</p>")[0])
    assert after.startswith(
        escape(statement.text, quote=False)
    )  # the statement's own words, marked
    assert "<mark" in html.split('class="article-body"')[1]  # the query's marks stay
    for wanted in ("abc", "99999999", "-1", ""):
        page = get(client, url, {"statement": wanted})
        assert "statement-mark" not in page.split('class="statements"')[0]
    listing = get(client, "/", {"mode": "statements", "q": "speaker:Lavrov"})
    assert f"statement={statement.pk}#statement-{statement.pk}" in listing


ABOUT = [
    {
        "id": "about-1",
        "title": "Caucasus talks in Moscow",
        "date": "2024-02-01",
        "body": (
            "Leaders of Armenia and Russia met in Moscow. "
            "Kerim Doltan said Armenia must open its borders soon. "
            "Ilse Marwick said the weather had been cold all week. "
            "Russian Foreign Minister Pavel Orlov said the talks had been useful."
        ),
    },
]


def test_pages_count_what_statements_are_about(
    client, seeded, tmp_path, django_capture_on_commit_callbacks
):
    import_records(tmp_path, ABOUT, django_capture_on_commit_callbacks)
    countries = {
        s.speaker.name: s.countries
        for s in Statement.objects.filter(article__external_id="about-1")
    }
    assert countries == {"Kerim Doltan": ["AM"], "Ilse Marwick": [], "Pavel Orlov": ["RU"]}
    # All three speak in an article about Armenia; only Doltan speaks about it.
    armenia = re.search(
        r"Most frequent speakers</h2>(.*?)</ol>", get(client, "/countries/am/"), re.S
    )
    assert "Kerim Doltan" in armenia.group(1)
    assert "Ilse Marwick" not in armenia.group(1) and "Pavel Orlov" not in armenia.group(1)
    russia = re.search(
        r"Most frequent speakers</h2>(.*?)</ol>", get(client, "/countries/ru/"), re.S
    )
    assert "Pavel Orlov" in russia.group(1)  # his role is Russia's
    spoken = re.search(
        r"Countries spoken about</h2>(.*?)</ul>", get(client, "/speakers/ilse-marwick/"), re.S
    )
    assert "None found" in spoken.group(1)
    spoken = re.search(
        r"Countries spoken about</h2>(.*?)</ul>", get(client, "/speakers/kerim-doltan/"), re.S
    )
    assert "Armenia" in spoken.group(1) and "Russia" not in spoken.group(1)
