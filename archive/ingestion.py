"""Import service: files → extraction → articles and their metadata in the database."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from archive import extraction
from archive.models import Article, Country, DateMention, Person, PersonAlias, Statement
from archive.sources import RawArticle, SourceError, find_files, read_articles

BATCH_SIZE = 200  # articles per transaction: one index commit per batch, not per article

IMPORTED, UPDATED, UNCHANGED = "imported", "updated", "unchanged"


@dataclass
class ImportReport:
    imported: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[SourceError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.errors)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def summary(self) -> str:
        return (
            f"{self.imported} imported, {self.updated} updated, "
            f"{self.unchanged} unchanged, {self.failed} failed"
        )


def iter_raw_articles(paths: Iterable[str | Path]) -> Iterator[RawArticle | SourceError]:
    for found in find_files(paths):
        if isinstance(found, SourceError):
            yield found
        else:
            yield from read_articles(found)


def import_paths(
    paths: Iterable[str | Path], on_progress: Callable[[], None] | None = None
) -> ImportReport:
    """Import every article under `paths`; bad files are reported, the rest still import."""
    report = ImportReport()
    importer = Importer()
    batch: list[RawArticle] = []
    for item in iter_raw_articles(paths):
        if isinstance(item, SourceError):
            report.errors.append(item)
        else:
            batch.append(item)
        if len(batch) >= BATCH_SIZE:
            importer.store_batch(batch, report)
            batch = []
        if on_progress:
            on_progress()
    importer.store_batch(batch, report)
    return report


class Importer:
    """Stores articles, remembering persons and countries already resolved in this run."""

    def __init__(self) -> None:
        self._person_ids: dict[str, int] = {}
        self._country_codes: set[str] = set(Country.objects.values_list("code", flat=True))

    def store_batch(self, batch: list[RawArticle], report: ImportReport) -> None:
        if not batch:
            return
        with transaction.atomic():
            for raw in batch:
                report.count(self.store(raw))

    def store(self, raw: RawArticle) -> str:
        content_hash = raw.content_hash
        if Article.objects.filter(content_hash=content_hash).exists():
            return UNCHANGED
        article = None
        if raw.external_id:
            article = Article.objects.filter(external_id=raw.external_id).first()
        outcome = UPDATED if article else IMPORTED
        article = article or Article()
        article.raw_text = raw.text
        article.content_hash = content_hash
        article.external_id = raw.external_id
        article.url = raw.url or article.url
        self.apply(article, extraction.extract(raw.text, title=raw.title), raw)
        return outcome

    def apply(self, article: Article, found: extraction.Extraction, raw: RawArticle) -> None:
        """Write one extraction onto `article` and replace its metadata rows."""
        article.title = found.title[:500]
        article.body = found.body
        article.byline = (found.byline or "")[:200]
        article.source = (raw.source or found.source or "")[:200]
        article.date = raw.date or found.date
        article.extractor_version = extraction.EXTRACTOR_VERSION
        article.save()
        article.countries.set(self._countries(found.countries))
        article.persons.set(self._person_id(e.name, e.kind, e.aliases) for e in found.entities)
        article.date_mentions.all().delete()
        DateMention.objects.bulk_create(
            DateMention(article=article, value=value) for value in found.dates_mentioned
        )
        article.statements.all().delete()
        Statement.objects.bulk_create(
            Statement(
                article=article,
                speaker_id=self._person_id(s.speaker, s.kind),
                role=s.role[:200],
                text=s.text,
                start=s.start,
                end=s.end,
            )
            for s in found.statements
        )

    def _countries(self, codes: Iterable[str]) -> list[str]:
        for code in codes:
            if code not in self._country_codes:
                Country.objects.get_or_create(
                    code=code, defaults={"name": extraction.country_name(code)}
                )
                self._country_codes.add(code)
        return list(codes)

    def _person_id(self, name: str, kind: str, aliases: Iterable[str] = ()) -> int:
        """Find the person under any spelling (curated aliases included), or create them."""
        names = [name, *aliases]
        keys = [extraction.name_key(n) for n in names]
        person_id = next((self._person_ids[k] for k in keys if k in self._person_ids), None)
        if person_id is None:
            match = PersonAlias.objects.filter(key__in=keys).values_list("person_id", flat=True)
            person_id = match.first()
        if person_id is None:
            person_id = Person.objects.create(name=name, kind=kind).pk
        known = set(PersonAlias.objects.filter(person_id=person_id).values_list("name", flat=True))
        PersonAlias.objects.bulk_create(
            PersonAlias(person_id=person_id, name=n, key=k)
            for n, k in dict(zip(names, keys, strict=True)).items()
            if n not in known
        )
        for key in keys:
            self._person_ids[key] = person_id
        return person_id
