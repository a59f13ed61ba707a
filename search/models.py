"""The durable queue of index updates: a row per changed article, committed with the change."""

from __future__ import annotations

from django.db import models


class PendingUpdate(models.Model):
    """An article whose index document may be out of step with the database.

    Written in the same transaction as the change, so it exists exactly when the change
    committed; deleted (by its own pk) only once an index write has applied it. Not a foreign
    key: a deleted article still has to leave the index.
    """

    article_id = models.BigIntegerField(db_index=True)
    queued_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"article {self.article_id} queued at {self.queued_at:%Y-%m-%d %H:%M:%S}"
