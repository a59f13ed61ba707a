"""Queue operations on `PendingUpdate`: add rows, read a batch of them, drop the applied ones."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from search.models import PendingUpdate

CHUNK = 500  # rows per statement: SQLite caps the variables in one query


@dataclass(frozen=True)
class Claim:
    """Queue rows read for one index write: the row pks to drop once it has applied them."""

    row_ids: tuple[int, ...]
    article_ids: frozenset[int]

    def __bool__(self) -> bool:
        return bool(self.row_ids)


def add(article_ids: Iterable[int]) -> None:
    PendingUpdate.objects.bulk_create(
        [PendingUpdate(article_id=pk) for pk in sorted(set(article_ids))], batch_size=CHUNK
    )


def claim(
    article_ids: Iterable[int] | None = None,
    limit: int | None = None,
    before: datetime.datetime | None = None,
) -> Claim:
    """Rows queued so far (`before` a moment, if given), for these articles or (None) for
    any, oldest first.

    Read before the articles themselves, so that the articles' state indexed afterwards is at
    least as new as every change these rows stand for; a change that commits later has a row
    of its own, which this claim does not include and so leaves in the queue.
    """
    rows = PendingUpdate.objects.order_by("pk")
    if before is not None:
        rows = rows.filter(queued_at__lt=before)
    if article_ids is not None:
        wanted = sorted(set(article_ids))
        found: list[tuple[int, int]] = []
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            found += rows.filter(article_id__in=chunk).values_list("pk", "article_id")
    else:
        found = list(rows.values_list("pk", "article_id")[:limit])
    return Claim(tuple(pk for pk, _ in found), frozenset(a for _, a in found))


def release(claim: Claim) -> None:
    """Drop the rows of an applied claim (only those: re-queues that arrived meanwhile stay)."""
    row_ids = list(claim.row_ids)
    for start in range(0, len(row_ids), CHUNK):
        PendingUpdate.objects.filter(pk__in=row_ids[start : start + CHUNK]).delete()


def snapshot() -> tuple[int, ...]:
    """Every row queued now (a rebuild that starts afterwards covers them all)."""
    return tuple(PendingUpdate.objects.values_list("pk", flat=True))


def count() -> int:
    return PendingUpdate.objects.count()


def waiting(before: datetime.datetime | None = None) -> bool:
    rows = PendingUpdate.objects.all()
    return (rows.filter(queued_at__lt=before) if before else rows).exists()
