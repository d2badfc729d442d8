"""The ingest stage: every input path to a stream of Articles and Rejects, exact duplicates dropped."""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import RejectReason
from ..records import Article, Reject
from .decode import safe_str
from .formats import FORMATS, READERS, expand_inputs, format_of
from .limits import DEFAULT_LIMITS, MAX_ID_CHARS, IngestLimits
from .normalize import normalize_record
from .stats import IngestStats

__all__ = ["Ingestor"]

log = logging.getLogger("pipeline.ingest")


class Ingestor:
    """Streams Articles and Rejects from input paths, skipping exact duplicate texts."""

    def __init__(self, limits: IngestLimits = DEFAULT_LIMITS) -> None:
        self.limits = limits
        self.stats = IngestStats()
        self._seen_text: set[bytes] = set()
        self._seen_ids: set[str] = set()

    def __call__(self, paths: Iterable[Path]) -> Iterator[Article | Reject]:
        for path in expand_inputs(paths):
            fmt = format_of(path)
            file_stats = self.stats.files.setdefault(safe_str(path, 1000), {"format": fmt, "records": 0})
            if not path.is_file():
                problem = "not a regular file" if path.exists() else "no such file"
                yield self._count(Reject(str(path), 0, RejectReason.UNREADABLE.value, problem), file_stats)
                continue
            if fmt is None:
                yield self._count(Reject(str(path), 0, RejectReason.UNSUPPORTED_FORMAT.value,
                                         f"unknown file type (supported: {', '.join(sorted(FORMATS))})"), file_stats)
                continue
            for record in self._read(path, fmt):
                counted = self._count(record, file_stats)
                if counted is not None:
                    yield counted

    def _read(self, path: Path, fmt: str) -> Iterator[Article | Reject]:
        """One file's records; an error no reader foresaw costs the rest of that file, never the run."""
        number = 0
        try:
            for item in READERS[fmt](path, self.limits):
                if isinstance(item, Reject):
                    yield item
                    continue
                number = item[0]
                yield normalize_record(item[1], str(path), number, fmt, self.limits)
        except Exception as err:  # noqa: BLE001 - last line of defence; counted and logged
            log.exception("reading %s failed after record %d", path, number)
            yield Reject(safe_str(path, 1000), number, RejectReason.READER_FAILED.value,
                         safe_str(f"rest of file skipped: {type(err).__name__}: {err}"))

    def _count(self, record: Article | Reject, file_stats: dict) -> Article | Reject | None:
        self.stats.records_read += 1
        file_stats["records"] += 1
        if isinstance(record, Reject):
            self.stats.rejects += 1
            self.stats.reject_reasons[record.reason] += 1
            return Reject(safe_str(record.source_file, 1000), record.line, record.reason, safe_str(record.detail),
                          None if record.record_id is None else safe_str(record.record_id, MAX_ID_CHARS))
        digest = bytes.fromhex(record.content_sha256)
        if digest in self._seen_text:
            self.stats.duplicates += 1
            return None
        self._seen_text.add(digest)
        if record.article_id in self._seen_ids:
            self.stats.renamed_ids += 1
            record = Article(**{**record.as_row(), "article_id": f"{record.article_id}#{record.content_sha256[:8]}"})
        self._seen_ids.add(record.article_id)
        self.stats.articles += 1
        if record.published_at is None:
            self.stats.undated += 1
            if record.published_at_raw:
                self.stats.unparsed_dates += 1
        return record
