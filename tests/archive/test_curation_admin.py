"""Curation in the admin: releasing curated fields, actions, uploads, history, permissions."""

from __future__ import annotations

import io

import pytest
from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from archive import jobs
from archive.ingestion import import_paths
from archive.models import Article, Country, Job
from search import backends
from tests.search.queries import backend_query

pytestmark = pytest.mark.django_db

TEXT = "Minister speaks\n\nSergei Lavrov said the talks in Armenia were useful.\n"


@pytest.fixture
def article(tmp_path, django_capture_on_commit_callbacks) -> Article:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=True):
        assert import_paths([tmp_path / "a.txt"]).imported == 1
    return Article.objects.get(external_id="a.txt")


def codes(article: Article) -> list[str]:
    return sorted(article.countries.values_list("code", flat=True))


def history(article: Article) -> list[tuple[int, str]]:
    entries = LogEntry.objects.filter(object_id=str(article.pk)).order_by("pk")
    return [(e.action_flag, e.change_message) for e in entries]


def test_the_change_page_shows_curated_fields_with_release_buttons(admin_client, article):
    article.curated_fields = ["countries", "title"]
    article.save()
    page = admin_client.get(f"/admin/archive/article/{article.pk}/change/").content.decode()
    release = f"/admin/archive/article/{article.pk}/release/"
    assert f'name="release" value="title" formaction="{release}"' in page
    assert f'name="release" value="countries" formaction="{release}"' in page


def test_releasing_a_curated_field_brings_back_the_extracted_value(
    admin_client, article, django_capture_on_commit_callbacks
):
    greece, _ = Country.objects.get_or_create(code="GR", defaults={"name": "Greece"})
    article.title = "Curated headline"
    article.curated_fields = ["countries", "title"]
    article.save()
    article.countries.set([greece])
    url = f"/admin/archive/article/{article.pk}/release/"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"release": "title"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/archive/article/{article.pk}/change/"
    article.refresh_from_db()
    assert (article.title, article.curated_fields, codes(article)) == (
        "Minister speaks",
        ["countries"],
        ["GR"],
    )
    admin_client.post(url, {"release": "countries"})
    article.refresh_from_db()
    assert (article.curated_fields, codes(article)) == ([], ["AM"])
    assert history(article) == [
        (CHANGE, "Released curated fields: title."),
        (CHANGE, "Released curated fields: countries."),
    ]
    assert backends.get_backend().search(backend_query(q="title:Minister")).total == 1


def test_release_takes_only_a_post(admin_client, article):
    assert admin_client.get(f"/admin/archive/article/{article.pk}/release/").status_code == 405


def test_release_action_hands_every_curated_field_back(admin_client, article):
    Article.objects.filter(pk=article.pk).update(title="Mine", curated_fields=["title"])
    admin_client.post(
        "/admin/archive/article/",
        {"action": "release_curated", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert (article.title, article.curated_fields) == ("Minister speaks", [])


def test_rerun_extraction_action_restores_metadata(admin_client, article):
    article.countries.clear()  # not curated: extraction brings the country back
    response = admin_client.post(
        "/admin/archive/article/",
        {"action": "rerun_extraction", "_selected_action": [article.pk]},
        follow=True,
    )
    assert b"Re-extracted 1: 1 changed, 0 unchanged." in response.content
    assert codes(article) == ["AM"]
    assert history(article) == [(CHANGE, "Re-ran extraction.")]


def test_reindex_action_puts_a_lost_document_back(
    admin_client, article, django_capture_on_commit_callbacks
):
    backend = backends.get_backend()
    backend.delete([article.pk])
    assert backend.search(backend_query()).total == 0
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(
            "/admin/archive/article/", {"action": "reindex", "_selected_action": [article.pk]}
        )
    assert backend.search(backend_query()).total == 1


def test_hide_is_recorded_in_the_history(admin_client, article):
    admin_client.post(
        "/admin/archive/article/", {"action": "hide", "_selected_action": [article.pk]}
    )
    assert history(article) == [(CHANGE, "Set to hidden.")]


def upload(client, *files: tuple[str, bytes]):
    """Upload through the admin, run the job it queued as the worker would, and return the
    job's page."""
    uploads = [SimpleUploadedFile(name, content) for name, content in files]
    response = client.post("/admin/archive/article/import/", {"files": uploads})
    if response.status_code != 302:
        return response  # the form refused it
    job = Job.objects.latest("pk")
    assert response["Location"] == f"/admin/archive/job/{job.pk}/change/"
    jobs.run(job.pk)
    return client.get(response["Location"])


def report_rows(response) -> list[tuple]:
    return [
        (
            f["name"],
            f["imported"],
            f["updated"],
            f["unchanged"],
            [f"{origin}: {reason}" for origin, reason in f["errors"]],
        )
        for f in response.context["files"]
    ]


def test_admin_import_reports_each_file(admin_client, django_capture_on_commit_callbacks):
    feed = (
        b'{"id": "j1", "title": "Talks", "body": "Iran and Armenia met."}\n{"title": "x"}\nnope\n'
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(
            admin_client,
            ("a.txt", TEXT.encode()),
            ("feed.jsonl", feed),
            ("empty.txt", b""),
            ("binary.txt", b"\x00\x01\x02"),
            ("latin.txt", "Caf\xe9 talks".encode("latin-1")),
            ("notes.pdf", b"%PDF-1.4"),
        )
    assert response.status_code == 200
    assert report_rows(response) == [
        ("a.txt", 1, 0, 0, []),
        (
            "feed.jsonl",
            1,
            0,
            0,
            ["feed.jsonl:2: missing body", "feed.jsonl:3: invalid JSON (Expecting value)"],
        ),
        ("empty.txt", 0, 0, 0, ["empty.txt: empty file"]),
        ("binary.txt", 0, 0, 0, ["binary.txt: binary file (contains NUL bytes), not text"]),
        ("latin.txt", 0, 0, 0, ["latin.txt: not UTF-8 text (invalid byte at position 3)"]),
        ("notes.pdf", 0, 0, 0, ["notes.pdf: unsupported file type (expected .txt or .jsonl)"]),
    ]
    assert sorted(Article.objects.values_list("external_id", flat=True)) == ["a.txt", "j1"]
    assert backends.get_backend().search(backend_query()).total == 2
    a = Article.objects.get(external_id="a.txt")
    job = Job.objects.get()
    assert history(a) == [(ADDITION, f"Imported from upload a.txt (job #{job.pk}).")]


def test_a_bad_upload_loses_nothing_stored(admin_client, article):
    response = upload(admin_client, ("a.txt", b""), ("a2.txt", TEXT.encode()))
    assert report_rows(response) == [
        ("a.txt", 0, 0, 0, ["a.txt: empty file"]),
        ("a2.txt", 0, 0, 1, []),
    ]
    article.refresh_from_db()
    assert (article.title, article.raw_text) == ("Minister speaks", TEXT)
    changed = TEXT.replace("useful", "long")
    response = upload(admin_client, ("a.txt", changed.encode()))
    assert report_rows(response) == [("a.txt", 0, 1, 0, [])]


def test_import_page_is_linked_from_the_article_list(admin_client):
    assert (
        b'href="/admin/archive/article/import/"'
        in admin_client.get("/admin/archive/article/").content
    )
    assert admin_client.get("/admin/archive/article/import/").status_code == 200
    assert upload(admin_client).status_code == 200  # no file: the form says so, no error


@pytest.fixture
def curator(db) -> User:
    user = User.objects.create_user("carla", password="x", is_staff=True)
    user.groups.add(Group.objects.get(name="curators"))
    return user


def test_the_curators_group_may_edit_archive_content_only():
    group = Group.objects.get(name="curators")
    perms = set(group.permissions.values_list("content_type__app_label", "codename"))
    models = ["article", "person", "personalias", "country", "countryalias"]
    models += ["statement", "datemention"]
    actions = ["add", "change", "delete", "view"]
    extra = {("archive", "review_metadata"), ("archive", "view_job"), ("archive", "change_job")}
    assert perms == {("archive", f"{a}_{m}") for m in models for a in actions} | extra


def test_a_curator_sees_the_archive_pages_but_not_users(client, curator, article):
    client.force_login(curator)
    for url in (
        "/admin/",
        "/admin/archive/article/",
        f"/admin/archive/article/{article.pk}/change/",
        f"/admin/archive/article/{article.pk}/history/",
        "/admin/archive/article/import/",
        "/admin/archive/person/",
        f"/admin/archive/person/{article.persons.get().pk}/change/",
        "/admin/archive/country/",
        "/admin/archive/country/AM/change/",
    ):
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get(f"/admin/auth/user/{curator.pk}/change/").status_code == 403
    assert not curator.has_perm("auth.change_user")


def test_curation_pages_need_a_login(client, article):
    for url in ("/admin/archive/article/import/", f"/admin/archive/article/{article.pk}/release/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def change_data(article: Article, **changes) -> dict:
    """The article's change form as the admin would post it back, with `changes` applied."""
    statement = article.statements.get()
    management = {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}
    data = {
        **{f: getattr(article, f) for f in ("title", "status", "source", "byline", "url")},
        "external_id": article.external_id,
        "date": article.date or "",
        "countries": [c.pk for c in article.countries.all()],
        "persons": [p.pk for p in article.persons.all()],
        **{f"date_mentions-{k}": v for k, v in management.items()},
        **{f"statements-{k}": v for k, v in management.items()},
        "statements-TOTAL_FORMS": 1,
        "statements-INITIAL_FORMS": 1,
        **{f"statements-0-{f}": getattr(statement, f) for f in ("id", "role", "form")},
        "statements-0-speaker": statement.speaker_id,
        "statements-0-article": article.pk,
    }
    return {**data, **changes}


def test_an_edited_title_is_curated_and_survives_reextract_reimport_and_rebuild(
    admin_client, article, tmp_path, django_capture_on_commit_callbacks
):
    url = f"/admin/archive/article/{article.pk}/change/"
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, change_data(article, title="Curated headline"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.curated_fields, article.raw_text) == (
        "Curated headline",
        ["title"],
        TEXT,
    )
    call_command("reextract", "--all", stdout=io.StringIO(), stderr=io.StringIO())
    (tmp_path / "a.txt").write_text(TEXT.replace("useful", "long"), encoding="utf-8")
    assert import_paths([tmp_path / "a.txt"]).updated == 1
    call_command("rebuild_index", stdout=io.StringIO(), stderr=io.StringIO())
    article.refresh_from_db()
    assert article.title == "Curated headline"
    assert "long" in article.body
    assert backends.get_backend().search(backend_query(q="title:Curated")).total == 1


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "ftp://e.org/a"]
)
def test_the_change_form_refuses_a_url_that_is_not_http_or_https(admin_client, article, url):
    page = admin_client.post(
        f"/admin/archive/article/{article.pk}/change/", change_data(article, url=url)
    )
    assert page.status_code == 200
    assert "Only http:// and https:// links to a website can be stored" in page.content.decode()
    article.refresh_from_db()
    assert article.url == ""


def test_the_change_form_keeps_an_https_url(admin_client, article):
    url = f"/admin/archive/article/{article.pk}/change/"
    response = admin_client.post(url, change_data(article, url="https://example.org/a"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.url == "https://example.org/a"


def test_an_uploaded_file_nested_100000_deep_is_reported_not_a_500(admin_client):
    feed = b'{"id": "ok", "body": "Iran and Armenia met."}\n' + b"[" * 100_000 + b"\n"
    response = upload(admin_client, ("deep.jsonl", feed))
    assert response.status_code == 200
    assert report_rows(response) == [
        ("deep.jsonl", 1, 0, 0, ["deep.jsonl:2: nested too deeply (over 64 arrays or objects)"])
    ]


def test_upload_notices_are_shown_as_warnings_without_the_temporary_folder(admin_client):
    feed = (
        b'{"id": "a", "body": "Iran met Armenia."}\n'
        b'{"id": "a", "body": "Iran met Georgia.", "url": "javascript:alert(1)"}\n'
    )
    response = upload(admin_client, ("feed.jsonl", feed))
    notices = [f"{o}: {r}" for f in response.context["files"] for o, r in f["notices"]]
    assert notices == [
        "feed.jsonl:2: url 'javascript:alert(1)' left out: only http and https links are kept",
        "feed.jsonl: 1 repeated id(s): later lines replaced earlier ones "
        "(line 1 by line 2 (id 'a'))",
    ]
    assert list(Article.objects.values_list("external_id", "url", "body")) == [
        ("a", "", "Iran met Georgia.")
    ]
