"""Ingest: read article dumps of any supported format into `Article` records or `Reject`s.

Readers yield raw dicts (or a reject) per input record; `normalize_record` maps field aliases,
cleans and validates the text and parses `published_at`; `Ingestor` adds ids and drops exact
duplicates. Every record read ends as an Article, a Reject or a counted duplicate.
"""
from __future__ import annotations

import csv
import gzip
import json
import logging
import re
import sys
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import jsonlines

from .errors import RejectReason
from .records import Article, Reject, content_hash

log = logging.getLogger(__name__)

FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "article_id", "doc_id", "docid", "guid", "uuid", "_id", "key"),
    "text": ("text", "body", "content", "article", "article_text", "full_text", "fulltext", "story", "maintext"),
    "title": ("title", "headline", "head", "heading"),
    "url": ("url", "link", "href", "uri", "permalink"),
    "source": ("source", "outlet", "publisher", "site", "sitename", "source_name", "domain", "feed"),
    "published_at": ("published_at", "published", "publish_date", "published_date", "date_published",
                     "publication_date", "pubdate", "date", "datetime", "timestamp", "created_at"),
}

FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".json": "json", ".csv": "csv", ".tsv": "csv", ".csv.gz": "csv",
    ".txt": "txt", ".html": "html", ".htm": "html",
    ".warc": "warc", ".warc.gz": "warc", ".arc.gz": "warc",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MIN_YEAR, _MAX_YEAR = 1800, 2200


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    for suffix in sorted(FORMATS, key=len, reverse=True):
        if name.endswith(suffix):
            return FORMATS[suffix]
    return None


def expand_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files named directly, plus every supported file below named folders, in a stable order."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and format_of(p)))
        else:
            files.append(path)
    return files


# --- field normalization -------------------------------------------------------------------

def pick(raw: dict[str, Any], name: str) -> Any:
    lowered = {str(k).strip().lower(): v for k, v in raw.items()}
    for alias in FIELD_ALIASES[name]:
        value = lowered.get(alias)
        if value not in (None, ""):
            return value
    return None


def clean_text(text: str) -> str:
    """NFC, unified newlines, control characters removed; offsets later index into this string."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text).strip()


def looks_binary(text: str) -> bool:
    """Text that is mostly replacement characters or unprintables is a decoded binary blob."""
    sample = text[:4096]
    if not sample:
        return False
    bad = sum(1 for ch in sample if ch == "\ufffd" or (unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\t"))
    return bad / len(sample) > 0.1


def _iso(dt: datetime | date) -> str | None:
    if not (_MIN_YEAR <= dt.year <= _MAX_YEAR):
        return None
    if isinstance(dt, datetime):
        if (dt.hour, dt.minute, dt.second, dt.microsecond) == (0, 0, 0, 0) and dt.tzinfo is None:
            return dt.date().isoformat()
        return dt.replace(microsecond=0).isoformat()
    return dt.isoformat()


def parse_published_at(value: Any) -> str | None:
    """ISO 8601 string for any common date or datetime spelling; None when it is not a real date."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return _iso(datetime.fromtimestamp(seconds, tz=timezone.utc))
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = value.strip()
    if not value or len(value) > 64:
        return None
    try:
        return _iso(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        pass
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value):
        return None  # ISO-shaped but impossible, e.g. 2025-13-45: never let dateparser guess
    import dateparser  # slow to import; most dumps use ISO dates

    parsed = dateparser.parse(value, languages=["en"], settings={
        "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year"], "RETURN_AS_TIMEZONE_AWARE": False})
    return _iso(parsed) if parsed else None


def normalize_record(raw: Any, source_file: str, line: int, fmt: str) -> Article | Reject:
    """One raw record -> Article, or Reject with the reason it is unusable."""
    def reject(reason: RejectReason, detail: str = "") -> Reject:
        rid = pick(raw, "id") if isinstance(raw, dict) else None
        return Reject(source_file, line, reason.value, detail, None if rid is None else str(rid)[:200])

    if not isinstance(raw, dict):
        return reject(RejectReason.NOT_AN_OBJECT, f"a JSON {type(raw).__name__}, not an object")
    text = pick(raw, "text")
    if text is None:
        return reject(RejectReason.MISSING_TEXT, "no text field (looked for: " + ", ".join(FIELD_ALIASES["text"]) + ")")
    if not isinstance(text, str):
        return reject(RejectReason.TEXT_NOT_STRING, f"text is a {type(text).__name__}")
    if looks_binary(text):
        return reject(RejectReason.BINARY_CONTENT, "text is mostly unprintable characters")
    text = clean_text(text)
    if not text:
        return reject(RejectReason.EMPTY_TEXT, "text is empty after cleaning")
    raw_date = pick(raw, "published_at")
    digest = content_hash(text)
    rid = pick(raw, "id")
    return Article(
        article_id=str(rid).strip() if rid is not None and str(rid).strip() else digest[:16],
        text=text,
        title=_optional_str(pick(raw, "title")),
        url=_optional_str(pick(raw, "url")),
        source=_optional_str(pick(raw, "source")),
        published_at=parse_published_at(raw_date),
        published_at_raw=None if raw_date is None else str(raw_date)[:100],
        source_file=source_file,
        record=line,
        input_format=fmt,
        content_sha256=digest,
    )


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    text = clean_text(str(value)) if not isinstance(value, (list, dict)) else None
    return text or None


# --- readers: each yields (record_number, raw dict | Reject) --------------------------------

Raw = tuple[int, Any]


def read_jsonl(path: Path) -> Iterator[Raw | Reject]:
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    number = 0
    try:
        with opener(path, "rb") as fp:
            reader = jsonlines.Reader(fp)
            while True:
                try:
                    number += 1
                    yield number, reader.read()
                except jsonlines.InvalidLineError as err:
                    if err.line.strip():
                        yield Reject(str(path), err.lineno, RejectReason.INVALID_JSON.value, str(err)[:300])
                except EOFError:
                    return
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        yield Reject(str(path), number, RejectReason.TRUNCATED.value, f"stopped reading: {err}"[:300])
    except OSError as err:
        yield Reject(str(path), number, RejectReason.UNREADABLE.value, str(err)[:300])


def read_json(path: Path) -> Iterator[Raw | Reject]:
    try:
        data = json.loads(path.read_bytes())
    except (ValueError, OSError) as err:
        yield Reject(str(path), 1, RejectReason.INVALID_JSON.value, str(err)[:300])
        return
    items = data if isinstance(data, list) else [data]
    for number, item in enumerate(items, 1):
        yield number, item


_EXTRA_FIELDS = "\0extra"


def read_csv(path: Path) -> Iterator[Raw | Reject]:
    csv.field_size_limit(sys.maxsize)
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    try:
        with opener(path, "rt", encoding="utf-8-sig", errors="replace", newline="") as fp:
            reader = csv.DictReader(fp, delimiter=delimiter, restkey=_EXTRA_FIELDS)
            for row in reader:
                if _EXTRA_FIELDS in row:
                    width = len(reader.fieldnames or [])
                    yield Reject(str(path), reader.line_num, RejectReason.RAGGED_ROW.value,
                                 f"{width + len(row[_EXTRA_FIELDS])} fields, header has {width}")
                    continue
                yield reader.line_num, row
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        yield Reject(str(path), 0, RejectReason.TRUNCATED.value, str(err)[:300])
    except (OSError, csv.Error) as err:
        yield Reject(str(path), 0, RejectReason.UNREADABLE.value, str(err)[:300])


def decode_bytes(data: bytes) -> str:
    """UTF-8 where valid, else Windows-1252 (the usual encoding of scraped Western pages)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_txt(path: Path) -> Iterator[Raw | Reject]:
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Reject(str(path), 1, RejectReason.UNREADABLE.value, str(err)[:300])
        return
    yield 1, {"id": path.stem, "text": decode_bytes(data)}


def html_to_record(html: str, url: str | None = None) -> dict[str, Any] | None:
    """Main text, title, date and site of a news page through trafilatura; None if it has no article."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return None
    text = doc.text
    if doc.title and text.startswith(doc.title + "\n"):
        text = text[len(doc.title) + 1:]
    return {"text": text, "title": doc.title, "published_at": doc.date, "source": doc.sitename,
            "url": doc.url or url}


def read_html(path: Path) -> Iterator[Raw | Reject]:
    try:
        html = decode_bytes(path.read_bytes())
    except OSError as err:
        yield Reject(str(path), 1, RejectReason.UNREADABLE.value, str(err)[:300])
        return
    record = html_to_record(html)
    if record is None:
        yield Reject(str(path), 1, RejectReason.NO_MAIN_TEXT.value, "trafilatura found no article text", path.stem)
        return
    record["id"] = path.stem
    yield 1, record


def read_warc(path: Path) -> Iterator[Raw | Reject]:
    """Response records only; each one is an input record (warcinfo, request and metadata are not)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    number = 0
    try:
        with open(path, "rb") as fp:
            for record in ArchiveIterator(fp):
                if record.rec_type != "response":
                    continue
                number += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
                if "html" not in ctype.lower():
                    yield Reject(str(path), number, RejectReason.NOT_HTML.value, f"{ctype or 'no content type'}: {uri}", uri)
                    continue
                html = decode_bytes(record.content_stream().read())
                parsed = html_to_record(html, url=uri)
                if parsed is None:
                    yield Reject(str(path), number, RejectReason.NO_MAIN_TEXT.value, f"no article text: {uri}", uri)
                    continue
                parsed["id"] = record.rec_headers.get_header("WARC-Record-ID")
                parsed["url"] = parsed.get("url") or uri
                yield number, parsed
    except (ArchiveLoadFailed, EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield Reject(str(path), number, RejectReason.TRUNCATED.value, f"stopped reading: {err}"[:300])
    except OSError as err:
        yield Reject(str(path), number, RejectReason.UNREADABLE.value, str(err)[:300])


READERS = {"jsonl": read_jsonl, "json": read_json, "csv": read_csv, "txt": read_txt,
           "html": read_html, "warc": read_warc}


# --- the stage ------------------------------------------------------------------------------

@dataclass
class IngestStats:
    """Counts for the manifest: records_read == articles + duplicates + rejects."""

    records_read: int = 0
    articles: int = 0
    duplicates: int = 0
    rejects: int = 0
    renamed_ids: int = 0
    undated: int = 0
    unparsed_dates: int = 0
    reject_reasons: Counter = field(default_factory=Counter)
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    def demote(self, reject: Reject) -> None:
        """An article that failed in a later stage is accounted for as a reject instead."""
        self.articles -= 1
        self.rejects += 1
        self.reject_reasons[reject.reason] += 1

    def as_dict(self) -> dict[str, Any]:
        return {"records_read": self.records_read, "articles": self.articles, "duplicates": self.duplicates,
                "rejects": self.rejects, "rejects_by_reason": dict(sorted(self.reject_reasons.items())),
                "renamed_ids": self.renamed_ids, "articles_without_published_at": self.undated,
                "unparsed_published_at": self.unparsed_dates, "files": self.files}


class Ingestor:
    """Streams Articles and Rejects from input paths, skipping exact duplicate texts."""

    def __init__(self) -> None:
        self.stats = IngestStats()
        self._seen_text: set[bytes] = set()
        self._seen_ids: set[str] = set()

    def __call__(self, paths: Iterable[Path]) -> Iterator[Article | Reject]:
        for path in expand_inputs(paths):
            fmt = format_of(path)
            file_stats = self.stats.files.setdefault(str(path), {"format": fmt, "records": 0})
            if not path.exists():
                yield self._count(Reject(str(path), 0, RejectReason.UNREADABLE.value, "no such file"), file_stats)
                continue
            if fmt is None:
                yield self._count(Reject(str(path), 0, RejectReason.UNSUPPORTED_FORMAT.value,
                                         f"unknown file type (supported: {', '.join(sorted(FORMATS))})"), file_stats)
                continue
            for item in READERS[fmt](path):
                record = item if isinstance(item, Reject) else normalize_record(item[1], str(path), item[0], fmt)
                counted = self._count(record, file_stats)
                if counted is not None:
                    yield counted

    def _count(self, record: Article | Reject, file_stats: dict) -> Article | Reject | None:
        self.stats.records_read += 1
        file_stats["records"] += 1
        if isinstance(record, Reject):
            self.stats.rejects += 1
            self.stats.reject_reasons[record.reason] += 1
            return record
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
