"""A logged-in admin user over HTTP: reads a change form and posts it back with edits."""

from __future__ import annotations

import http.cookiejar
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

SKIPPED_INPUTS = {"submit", "button", "file", "image", "reset"}


class FormFields(HTMLParser):
    """The fields a browser would submit for the form with `form_id`."""

    def __init__(self, form_id: str | None) -> None:
        super().__init__()
        self.form_id = form_id
        self.fields: list[tuple[str, str]] = []
        self._inside = False
        self._select: str | None = None
        self._textarea: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._inside = self.form_id is None or a.get("id") == self.form_id
        elif not self._inside or "name" not in a and tag != "option":
            return
        elif tag == "input":
            kind = a.get("type", "text")
            unchecked = kind in ("checkbox", "radio") and "checked" not in a
            if kind not in SKIPPED_INPUTS and not unchecked:
                self.fields.append(
                    (a["name"], a.get("value") or ("on" if kind == "checkbox" else ""))
                )
        elif tag == "select":
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self.fields.append((self._select, a.get("value", "")))
        elif tag == "textarea":
            self._textarea, self._text = a["name"], []

    def handle_endtag(self, tag):
        if tag == "form":
            self._inside = False
        elif tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.fields.append((self._textarea, "".join(self._text).removeprefix("\n")))
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a 302 after a save is the answer we want to see


class AdminClient:
    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/")
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirects()
        )

    def request(self, path: str, fields: list[tuple[str, str]] | None = None):
        """(status, body, seconds) of a GET, or of a POST when `fields` are given."""
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(self.base + path, data=data)
        if data is not None:
            request.add_header("Referer", self.base + path)
        started = time.monotonic()
        try:
            with self.opener.open(request, timeout=120) as response:
                return response.status, response.read().decode(), time.monotonic() - started
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace"), time.monotonic() - started

    def form(self, path: str, form_id: str | None = None) -> list[tuple[str, str]]:
        status, body, _ = self.request(path)
        assert status == 200, (path, status)
        parser = FormFields(form_id)
        parser.feed(body)
        return parser.fields

    def login(self, username: str, password: str) -> None:
        fields = [
            (k, v) for k, v in self.form("/admin/login/") if k not in ("username", "password")
        ]
        fields += [("username", username), ("password", password)]
        status, body, _ = self.request("/admin/login/", fields)
        assert status == 302, body[-500:]

    def json(self, path: str) -> dict:
        status, body, _ = self.request(path)
        assert status == 200, (path, status)
        return json.loads(body)
