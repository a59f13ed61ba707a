"""Deployment defaults: HEAD like GET, a Content-Security-Policy, `check --deploy` clean."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("url", ["/", "/api/search", "/export.csv", "/facets/country/"])
def test_head_is_answered_like_get(client, seeded, url):
    head, get = client.head(url), client.get(url)
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]


def test_pages_carry_a_policy_that_forbids_inline_and_foreign_scripts(client, seeded):
    policy = client.get("/")["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["frame-ancestors"] == "'none'"
    assert "unsafe" not in policy


def _check_deploy(**env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "DISPATCH_SECRET_KEY": "k" * 60 + "-not-a-real-secret-x", **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_production_switch_makes_check_deploy_clean():
    secure = _check_deploy(DISPATCH_SECURE="1")
    assert secure.returncode == 0, secure.stderr
    assert "no issues" in secure.stdout
    plain = _check_deploy()
    assert plain.returncode != 0
    assert "security.W004" in plain.stderr  # HSTS is what the switch turns on
