"""Settings of the transaction a cursor is in, set and put back."""

from __future__ import annotations

from django.db.backends.utils import CursorWrapper


def configure(cursor: CursorWrapper, wanted: dict[str, str]) -> dict[str, str]:
    """Set these settings for the transaction; returns what they were."""
    names = list(wanted)
    cursor.execute(
        "SELECT " + ", ".join("current_setting(%s)" for _ in names) + ", "
        + ", ".join("set_config(%s, %s, true)" for _ in names),
        [*names, *(part for name in names for part in (name, wanted[name]))],
    )  # fmt: skip
    return dict(zip(names, cursor.fetchone()[: len(names)], strict=True))
