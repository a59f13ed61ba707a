"""Run a management command against a throwaway database and index, never the user's."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings

SCRATCH_FLAG = "DISPATCH_SCRATCH"


def in_scratch() -> bool:
    return os.environ.get(SCRATCH_FLAG) == "1"


def run_in_scratch(*args: str) -> int:
    """`manage.py migrate` then `manage.py *args` in a child process on a temporary SQLite
    database and index; both are deleted afterwards. Returns the child's exit status."""
    with tempfile.TemporaryDirectory(prefix="dispatch-scratch-") as folder:
        root = Path(folder)
        env = {
            **os.environ,
            SCRATCH_FLAG: "1",
            "DATABASE_URL": f"sqlite:///{root / 'scratch.sqlite3'}",
            "DISPATCH_INDEX_DIR": str(root / "index"),
            "DISPATCH_SECRET_KEY": "scratch",
        }
        manage = [sys.executable, str(Path(settings.BASE_DIR) / "manage.py")]
        migrated = subprocess.run(
            [*manage, "migrate", "--noinput", "-v", "0"], env=env, capture_output=True, text=True
        )
        if migrated.returncode:
            sys.stderr.write(migrated.stderr)
            return migrated.returncode
        return subprocess.run([*manage, *args], env=env).returncode
