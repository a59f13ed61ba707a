"""Import a JSONL file and build the index, as a user's import would, for an evaluation run in
a scratch database (`archive.scratch`); then which article each line of the file became."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from archive.ingestion import ImportReport, import_paths
from archive.models import Article
from archive.signals import deferred_updates
from archive.sources import RawArticle, estimate_count, read_articles
from search import indexing
from search.evaluation.progress import Progress


@dataclass(frozen=True)
class Loaded:
    report: ImportReport
    indexed: int
    # article pk -> the ids of the file's lines stored as it: lines with the same title and
    # text are one article (the importer stores content once), so one hit stands for each.
    ids_of: dict[int, list[str]]

    @property
    def article_of(self) -> dict[str, int]:
        return {line_id: pk for pk, ids in self.ids_of.items() for line_id in ids}


def load(path: Path, progress: Progress) -> Loaded:
    """Import `path` (extraction included) and index every article, with progress bars."""
    with (
        progress.count("Importing", "article", estimate_count([path])) as bar,
        deferred_updates(),  # one index build afterwards, not one commit per batch
    ):
        report = import_paths([path], on_progress=bar.update)
    with progress.count("Indexing", "doc", indexing.indexable_count()) as bar:

        def advance() -> None:
            bar.update()

        indexed = indexing.rebuild(on_progress=advance)
    return Loaded(report, indexed, _ids_by_article(path))


def read_sources(path: Path) -> list[RawArticle]:
    """The file's articles as the importer reads them (unreadable lines left out)."""
    return [item for item in read_articles(path) if isinstance(item, RawArticle)]


def _ids_by_article(path: Path) -> dict[int, list[str]]:
    pk_of = dict(Article.objects.values_list("content_hash", "pk"))
    ids: dict[int, list[str]] = defaultdict(list)
    for raw in read_sources(path):
        if raw.content_hash in pk_of:
            ids[pk_of[raw.content_hash]].append(raw.external_id)
    return dict(ids)
