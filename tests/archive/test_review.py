"""The review queue: each kind of suspect entry found, each fix applied, dismissals kept."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache

from archive import review, review_rules
from archive.ingestion import import_paths
from archive.models import Article, Person, ReviewDismissal, Statement
from archive.reextraction import reextract

pytestmark = pytest.mark.django_db
_serial = itertools.count()


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.delete(review.COUNTS_CACHE)
    yield
    cache.delete(review.COUNTS_CACHE)


def person(name: str, kind: str = Person.PERSON) -> Person:
    return Person.objects.create(name=name, kind=kind, slug=f"p-{next(_serial)}")


def article(title: str, *named: Person, source: str = "Caucasus Post") -> Article:
    n = next(_serial)
    made = Article.objects.create(
        title=title,
        body=f"{title}. Someone said something about it.",
        raw_text=title,
        source=source,
        date=datetime.date(2024, 1, 1),
        content_hash=f"h-{n}",
    )
    made.persons.set(named)
    return made


def said(speaker: Person, where: Article, role: str = "") -> Statement:
    return Statement.objects.create(
        article=where, speaker=speaker, role=role, text="something about it", start=0, end=5
    )


@pytest.fixture
def suspects():
    """One entry of each kind, beside look-alikes that are fine."""
    reuters, daily, lavrov = person("Reuters"), person("Caucasus Post"), person("Sergei Lavrov")
    long_trump, trump = person("United States President Donald Trump"), person("Donald Trump")
    acme_person, acme_org = person("Acme Holdings"), person("Acme Holdings", Person.ORGANISATION)
    once, often = person("Quintus Obscurus"), person("Marcus Obscurus")
    roe = person("Jane Roe")
    a1 = article("Talks in Yerevan", reuters, daily, lavrov, long_trump, trump, once, often, roe)
    a2 = article("Talks in Baku", trump, lavrov, often, acme_person, acme_org, roe)
    said(reuters, a1)
    said(daily, a1)
    said(lavrov, a1, role="Foreign Minister")
    said(roe, a2, role="United States")
    said(long_trump, a1)
    said(trump, a2)
    said(acme_person, a2)
    return locals()


def names(kind: str) -> list[tuple[str, str | None]]:
    return [
        (s.person.name if s.person else "", s.suggestion.name if s.suggestion else None)
        for s in review.suspects(kind)
    ]


def test_each_kind_finds_its_entry_and_leaves_the_fine_ones(suspects):
    assert sorted(names("outlet")) == [("Caucasus Post", None), ("Reuters", None)]
    assert names("country-role") == [("Jane Roe", None)]
    assert names("title-variant") == [("United States President Donald Trump", "Donald Trump")]
    assert names("same-name") == [("Acme Holdings", "Acme Holdings")]
    once = dict(names("seen-once"))
    assert once["Quintus Obscurus"] == "Marcus Obscurus"  # the same surname, more often
    assert "Sergei Lavrov" not in once and "Marcus Obscurus" not in once
    assert review.counts()["title-variant"] == 1


def test_the_rules_read_as_written():
    assert review_rules.is_outlet("The Korea Herald") and review_rules.is_outlet("TASS")
    assert review_rules.is_outlet("Centre for Aviation", outlets=["Centre for Aviation"])
    assert not review_rules.is_outlet("Russian Foreign Ministry")
    assert not review_rules.is_outlet("Sergei Lavrov")
    assert review_rules.is_country_role("Iranian") and review_rules.is_country_role(
        "the United States"
    )
    assert not review_rules.is_country_role("Foreign Minister")
    pairs = list(
        review_rules.titled_variants(
            ["President Trump", "Trump", "Emmanuel Macron", "French President Emmanuel Macron"]
        )
    )
    assert pairs == [("French President Emmanuel Macron", "Emmanuel Macron")]


def entry(kind: str, name: str) -> review.Suspect:
    return next(s for s in review.suspects(kind) if s.person and s.person.name == name)


def apply(kind: str, name: str, action: str) -> str:
    s = entry(kind, name)
    return review.act(
        kind,
        s.key,
        action,
        person_id=s.person.pk if s.person else None,
        statement_id=s.statement.pk if s.statement else None,
        suggestion_id=s.suggestion.pk if s.suggestion else None,
    )


def test_merge_into_the_suggested_person(suspects):
    apply("title-variant", "United States President Donald Trump", review.MERGE)
    trump = Person.objects.get(name="Donald Trump")
    assert not Person.objects.filter(name__startswith="United States").exists()
    assert trump.statements.count() == 2
    assert names("title-variant") == []


def test_mark_as_organisation_and_drop_an_outlets_statements(suspects):
    apply("outlet", "Caucasus Post", review.ORGANISATION)
    assert Person.objects.get(name="Caucasus Post").kind == Person.ORGANISATION
    apply("outlet", "Reuters", review.DROP)
    assert not Statement.objects.filter(speaker__name="Reuters").exists()
    assert Article.objects.get(pk=suspects["a1"].pk).is_curated("statements")
    assert sorted(names("outlet")) == [("Caucasus Post", None)]


def test_clear_the_role_or_drop_the_statement(suspects):
    apply("country-role", "Jane Roe", review.CLEAR_ROLE)
    statement = Statement.objects.get(speaker__name="Jane Roe")
    assert (statement.role, statement.role_country) == ("", "")
    assert Article.objects.get(pk=statement.article_id).is_curated("statements")
    assert names("country-role") == []


def test_a_dismissal_is_kept_when_the_statement_is_made_again(suspects):
    apply("country-role", "Jane Roe", review.DISMISS)
    assert names("country-role") == []
    # Re-extraction deletes statements and creates them again, with new ids.
    old = Statement.objects.get(speaker__name="Jane Roe")
    old.delete()
    said(suspects["roe"], suspects["a2"], role="United States")
    assert names("country-role") == []
    said(suspects["lavrov"], suspects["a2"], role="Russian")
    assert names("country-role") == [("Sergei Lavrov", None)]
    assert ReviewDismissal.objects.count() == 1


def test_actions_that_no_longer_apply_say_so(suspects):
    s = entry("title-variant", "United States President Donald Trump")
    with pytest.raises(review.ReviewError, match="not one of this kind"):
        review.act("title-variant", s.key, review.DROP, person_id=s.person.pk)
    with pytest.raises(review.ReviewError, match="no longer there"):
        review.act("title-variant", s.key, review.MERGE, person_id=s.person.pk, suggestion_id=None)
    with pytest.raises(review.ReviewError, match="not one of this kind"):
        review.act("no-such-kind", "x", review.DISMISS)


def test_dismissals_and_fixes_survive_reextraction(tmp_path, django_capture_on_commit_callbacks):
    (tmp_path / "a.txt").write_text(
        "Summit news\n\nLeaders met on Monday. Reuters reported the meeting ended late. "
        "Joe Biden said the talks were useful.\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text(
        "Other news\n\nTASS reported the delegations left on Tuesday.\n", encoding="utf-8"
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert import_paths([tmp_path]).imported == 2
    assert sorted(n for n, _ in names("outlet")) == ["Reuters", "TASS"]
    apply("outlet", "Reuters", review.DISMISS)
    apply("outlet", "TASS", review.DROP)
    with django_capture_on_commit_callbacks(execute=True):
        reextract(Article.objects.with_metadata().all())
    assert names("outlet") == []  # Reuters stays dismissed, TASS's statement stays dropped
    assert not Statement.objects.filter(speaker__name="TASS").exists()
    assert Statement.objects.filter(speaker__name="Reuters").exists()


@pytest.fixture
def curator(client):
    user = User.objects.create_user("curator", password="pw-for-tests", is_staff=True)
    user.groups.add(Group.objects.get(name="curators"))
    client.force_login(user)
    return user


def test_the_queue_and_its_counts_in_the_admin(client, curator, suspects):
    home = client.get("/admin/").content.decode()
    assert "Review queue" in home and "A title or role in front of a name" in home
    page = client.get("/admin/review/", {"kind": "title-variant"})
    html = page.content.decode()
    assert "Merge into Donald Trump" in html and "United States President Donald Trump" in html
    s = entry("title-variant", "United States President Donald Trump")
    merge = {
        "kind": "title-variant",
        "key": s.key,
        "action": "merge",
        "person": s.person.pk,
        "suggestion": s.suggestion.pk,
    }
    done = client.post("/admin/review/act/", merge, follow=True)
    assert "Merged United States President Donald Trump into Donald Trump." in done.content.decode()
    assert not Person.objects.filter(name__startswith="United States").exists()
    stale = client.post("/admin/review/act/", merge, follow=True)  # the page was out of date
    assert stale.status_code == 200 and "no longer there" in stale.content.decode()


def test_the_queue_needs_its_permission(client, suspects):
    staff = User.objects.create_user("staff", password="pw-for-tests", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(staff)
    assert client.get("/admin/review/").status_code == 403
    assert (
        client.post("/admin/review/act/", {"kind": "outlet", "action": "dismiss"}).status_code
        == 403
    )
    assert "Review queue" not in client.get("/admin/").content.decode()
    client.logout()
    assert client.get("/admin/review/").status_code == 302  # to the login page


@pytest.mark.parametrize(
    "query", [{"kind": "nope"}, {"kind": "outlet", "page": "x"}, {"page": "999"}]
)
def test_bad_queue_addresses_answer_plainly(admin_client, suspects, query):
    assert admin_client.get("/admin/review/", query).status_code == 200
