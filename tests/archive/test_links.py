"""Article URLs: only http(s) to a host may become links."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from archive.links import safe_url, validate_web_url
from archive.models import Article

UNSAFE = [
    "javascript:alert(document.domain)",
    " JaVaScRiPt:alert(1)",
    "\x01\x02javascript:alert(1)",
    "java\tscript:alert(1)",
    "jav\nascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "ftp://example.org/file",
    "https://",
    "http:///path-without-host",
    "//example.org/no-scheme",
    "example.org",
    "http://[::1",
    "https://example.org/\x00nul",
    "",
]


@pytest.mark.parametrize("text", UNSAFE)
def test_anything_but_http_or_https_to_a_host_is_unsafe(text):
    assert safe_url(text) is None


def test_http_and_https_urls_are_kept_as_a_browser_reads_them():
    assert safe_url("https://example.org/a?b=1#c") == "https://example.org/a?b=1#c"
    assert safe_url(" HTTP://Example.org/x\n") == "HTTP://Example.org/x"
    assert safe_url("http://[::1]:8000/") == "http://[::1]:8000/"


def test_the_validator_names_the_rule():
    with pytest.raises(ValidationError) as error:
        validate_web_url("javascript:alert(1)")
    assert error.value.messages == [
        "Only http:// and https:// links to a website can be stored; "
        "javascript:, data: and other kinds of URL are refused."
    ]
    validate_web_url("https://example.org/a")
    validate_web_url("")


def test_the_model_refuses_an_unsafe_url():
    article = Article(title="T", body="B", raw_text="B", content_hash="x", url="data:,hi")
    with pytest.raises(ValidationError) as error:
        article.clean_fields()
    assert "url" in error.value.message_dict


@pytest.mark.parametrize("url", ["javascript:alert(1)", " data:text/html,x", "ftp://e.org/"])
def test_link_url_is_empty_for_a_url_stored_before_urls_were_checked(url):
    assert Article(url=url).link_url == ""


def test_link_url_is_the_url_when_it_is_http_or_https():
    assert Article(url="https://example.org/a").link_url == "https://example.org/a"
    assert Article(url="").link_url == ""
