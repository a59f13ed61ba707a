"""Which article URLs may become links: http and https to a host, nothing else."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

WEB_SCHEMES = ("http", "https")
MAX_URL = 1000  # Article.url's max_length
# Browsers drop C0 controls and spaces around a URL and tabs and newlines inside it, so
# " JaVa\tScRiPt:..." still runs a script: judge the URL as a browser would read it.
_AROUND = "".join(chr(c) for c in range(0x21))
_INSIDE = str.maketrans("", "", "\t\n\r")
_CONTROLS = frozenset(chr(c) for c in [*range(0x20), 0x7F])
_VALID = URLValidator(schemes=list(WEB_SCHEMES))


def safe_url(text: str) -> str | None:
    """`text` as a browser reads it, if that is an http(s) URL with a host; else None."""
    url = text.strip(_AROUND).translate(_INSIDE)
    if _CONTROLS.intersection(url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # "http://[::1" and other malformed hosts
        return None
    return url if parts.scheme.lower() in WEB_SCHEMES and host else None


def validate_web_url(value: str) -> None:
    """Refuse any URL but an http(s) one to a host (`javascript:`, `data:`, `ftp:` ...)."""
    if value and safe_url(value) is None:
        raise ValidationError(
            "Only http:// and https:// links to a website can be stored; "
            "javascript:, data: and other kinds of URL are refused.",
            code="unsafe_url",
        )
    if value:
        _VALID(value)
