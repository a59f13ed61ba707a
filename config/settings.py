"""Dispatch settings: one module, every deployment choice read from the environment."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
import django_stubs_ext

# Lets the classes django-stubs makes generic be subscripted at run time (ModelAdmin[Article]).
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("DISPATCH_VAR_DIR", BASE_DIR / "var"))


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def _dev_secret_key() -> str:
    """A per-checkout key kept in var/, so sessions survive restarts without a secret in git."""
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


DEBUG = _env_bool("DISPATCH_DEBUG")
SECRET_KEY = os.environ.get("DISPATCH_SECRET_KEY") or _dev_secret_key()
ALLOWED_HOSTS = _env_list("DISPATCH_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = _env_list("DISPATCH_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
    "archive",
    "search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "config.replicas.ReplicaReadsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # The results' templates (`config.jinja2`), looked up after Django's own.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "config.jinja2.environment", "autoescape": True},
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'dispatch.sqlite3'}",
        conn_max_age=600,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets gunicorn workers read while an import or an admin save writes.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA journal_mode=WAL;"
    DATABASES["default"]["OPTIONS"]["transaction_mode"] = "IMMEDIATE"
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Read replicas (PostgreSQL standbys): public page reads go to them, see config/replicas.py.
for number, url in enumerate(_env_list("DATABASE_REPLICA_URLS", ""), start=1):
    replica = dj_database_url.parse(url, conn_max_age=600)
    replica.setdefault("OPTIONS", {})["connect_timeout"] = 2  # a dead host is skipped quickly
    replica["TEST"] = {"MIRROR": "default"}
    DATABASES[f"replica{number}"] = replica
DATABASE_ROUTERS = ["config.replicas.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise warns about a missing root
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Serve app static files straight from their packages, so `collectstatic` is optional.
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads no cookie, but admin JS may
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Behind HTTPS (a proxy that terminates TLS and sets X-Forwarded-Proto): DISPATCH_SECURE=1.
DISPATCH_SECURE = _env_bool("DISPATCH_SECURE")
if DISPATCH_SECURE:
    SECURE_SSL_REDIRECT = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = int(os.environ.get("DISPATCH_HSTS_SECONDS", 60 * 60 * 24 * 365))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# Scripts, styles, images and form targets from this site only; no inline code, no plugins,
# no framing. The admin's own pages fit within it too.
DISPATCH_CSP = os.environ.get(
    "DISPATCH_CSP",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)

# --- Dispatch -----------------------------------------------------------------------------
# Background jobs go through the database (no broker): `manage.py db_worker` runs them, and
# `make run` starts one beside gunicorn.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A running job whose worker has not written for this long is shown as interrupted.
DISPATCH_JOB_STALE_SECONDS = float(os.environ.get("DISPATCH_JOB_STALE_SECONDS", "60"))

# `whoosh` (an index on this machine's disk), `postgres` (tables in the database, shared by
# every web host; needs DATABASE_URL=postgres://…), or a backend class's dotted path.
SEARCH_BACKENDS = {
    "whoosh": "search.backends.whoosh.WhooshBackend",
    "postgres": "search.backends.postgres.PostgresBackend",
}
_backend = os.environ.get("DISPATCH_SEARCH_BACKEND", "whoosh")
DISPATCH_SEARCH_BACKEND = SEARCH_BACKENDS.get(_backend, _backend)
DISPATCH_INDEX_DIR = Path(os.environ.get("DISPATCH_INDEX_DIR", VAR_DIR / "index"))
DISPATCH_PAGE_SIZE = 20
# Seconds one search may take before it is stopped with a notice: well under gunicorn's
# worker timeout, so that no query can hold a worker (a fuzzy word over the whole index).
DISPATCH_SEARCH_BUDGET = float(os.environ.get("DISPATCH_SEARCH_BUDGET", "3"))
# Seconds a web request waits for the index's write lock before leaving its update queued
# for the catch-up thread; commands and the catch-up wait longer (search.indexing).
DISPATCH_INDEX_WAIT = float(os.environ.get("DISPATCH_INDEX_WAIT", "2"))
DISPATCH_INDEX_BACKGROUND_WAIT = float(os.environ.get("DISPATCH_INDEX_BACKGROUND_WAIT", "60"))
DISPATCH_CATCH_UP_INTERVAL = float(os.environ.get("DISPATCH_CATCH_UP_INTERVAL", "1"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DISPATCH_LOG_LEVEL", "WARNING")},
}
