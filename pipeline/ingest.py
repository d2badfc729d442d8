"""Ingest: read article dumps of any supported format into `Article` records or `Reject`s.

Readers yield raw dicts (or a reject) per input record; `normalize_record` maps field aliases,
repairs and validates the text and parses `published_at`; `Ingestor` adds ids and drops exact
duplicates. Every record read ends as an Article, a Reject or a counted duplicate, and no input
can make ingest raise, hold more than one record in memory, or write anywhere.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import json
import logging
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path
from typing import IO, Any

import ftfy

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
CONTAINER_KEYS = ("articles", "data", "items", "records", "results", "docs", "documents", "rows")

FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".json": "json", ".csv": "csv", ".tsv": "csv", ".csv.gz": "csv",
    ".txt": "txt", ".html": "html", ".htm": "html",
    ".warc": "warc", ".warc.gz": "warc", ".arc.gz": "warc",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_MIN_YEAR, _MAX_YEAR = 1800, 2200
_MAX_ID_CHARS = 200
_DETAIL_CHARS = 300
_GZIP_MAGIC = b"\x1f\x8b"
_BINARY_MAGIC = (b"%PDF-", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x7fELF", b"MZ\x90\x00",
                 b"BZh", b"\xfd7zXZ", b"7z\xbc\xaf", b"Rar!", b"\x00\x00\x01\x00", b"OggS", b"ID3", b"fLaC")

# ftfy repairs mojibake, surrogates and odd line breaks, but must not change what the source
# says: no HTML unescaping (trafilatura already decoded the page once), no quote or width folding.
_FTFY = ftfy.TextFixerConfig(unescape_html=False, uncurl_quotes=False, fix_character_width=False,
                             fix_latin_ligatures=False, normalization="NFC", explain=False)


@dataclass(frozen=True)
class IngestLimits:
    """Byte caps that keep memory bounded whatever the dump holds.

    `max_record_bytes` caps one record (a JSON Lines line, a CSV row, a .txt/.html file, a WARC
    payload): a longer one is skipped unread and rejected as `record_too_large`. Texts under the cap
    but over Settings.max_chars are kept and cut only for processing. `max_document_bytes` caps a
    .json file holding one object, which has to be parsed whole (JSON arrays are streamed).
    `max_html_elements` caps a page's elements: trafilatura takes about 0.2 ms per element, so a
    16 MB page of tiny paragraphs would hold the run for minutes.
    """

    max_record_bytes: int = 16 * 2**20
    max_document_bytes: int = 64 * 2**20
    max_html_elements: int = 50_000


DEFAULT_LIMITS = IngestLimits()


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


# --- bytes and text -------------------------------------------------------------------------

def _cp1252_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode bytes that are not UTF-8 as Windows-1252, so a file mixing both keeps every character."""
    bad = err.object[err.start:err.end]
    return bad.decode("cp1252", errors="replace"), err.end


codecs.register_error("legalnews-cp1252", _cp1252_fallback)


def _utf16_without_bom(sample: bytes) -> str | None:
    """UTF-16 text has a NUL in nearly every other byte (Latin script), on one side only."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, charset: str | None = None) -> str:
    """UTF-8 where valid and Windows-1252 for the bytes that are not (mixed dumps are common);
    UTF-16 (with or without a byte-order mark) and a declared charset are honoured."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return data.decode(utf16, errors="replace")
    if charset:
        try:
            if codecs.lookup(charset).name not in ("utf-8", "ascii", "cp1252", "latin-1", "iso8859-1"):
                return data.decode(charset, errors="replace")
        except LookupError:
            pass
    return data.removeprefix(codecs.BOM_UTF8).decode("utf-8", errors="legalnews-cp1252")


def looks_binary_bytes(data: bytes) -> bool:
    """A file signature, or many control bytes / invalid UTF-8 sequences in the first 8 KB."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:8192]
    if not sample or sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(sample):
        return False
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    invalid = sample.decode("utf-8", errors="replace").count("\ufffd")
    return controls / len(sample) > 0.05 or (controls + invalid) / len(sample) > 0.3


_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # category Cc but tab and newlines
_NON_ASCII = re.compile(r"[^\x00-\x7f]")  # categories are looked up only for these
_UNPRINTABLE = ("Cc", "Co", "Cn", "Cs")


def looks_binary(text: str) -> bool:
    """Text that is mostly replacement characters or unprintables is a decoded binary blob."""
    sample = text[:4096]
    if not sample:
        return False
    bad = len(_ASCII_CONTROL.findall(sample)) + sum(
        1 for ch in _NON_ASCII.findall(sample) if ch == "\ufffd" or unicodedata.category(ch) in _UNPRINTABLE)
    return bad > 8 and bad / len(sample) > 0.1


def clean_text(text: str) -> str:
    """Mojibake repaired, NFC, unified newlines, control characters and lone surrogates removed;
    offsets in every later table index into this string."""
    text = ftfy.fix_text(text, _FTFY)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", _SURROGATE.sub("\ufffd", text))
    return unicodedata.normalize("NFC", text).strip()


def safe_str(value: Any, limit: int = _DETAIL_CHARS) -> str:
    """Any value as a short string that every writer can encode (no controls, no lone surrogates)."""
    try:
        text = value if isinstance(value, str) else str(value)
    except ValueError:  # e.g. an int beyond Python's digit limit
        text = f"<{type(value).__name__}>"
    text = text[:limit * 2]
    return _CONTROL.sub("", _SURROGATE.sub("\ufffd", text)).strip()[:limit]


# --- field normalization -------------------------------------------------------------------

def _lowered(raw: dict[Any, Any]) -> dict[str, Any]:
    return {safe_str(k, 100).lower(): v for k, v in raw.items()}


def pick(raw: dict[str, Any], name: str, default: Any = None) -> Any:
    """The first non-empty value among the field's aliases (keys matched case-insensitively)."""
    lowered = _lowered(raw)
    for alias in FIELD_ALIASES[name]:
        value = lowered.get(alias)
        if value is not None and not (isinstance(value, str) and value == ""):
            return value
    return default


def _iso(dt: datetime | date) -> str | None:
    if not (_MIN_YEAR <= dt.year <= _MAX_YEAR):
        return None
    if isinstance(dt, datetime):
        if (dt.hour, dt.minute, dt.second, dt.microsecond) == (0, 0, 0, 0) and dt.tzinfo is None:
            return dt.date().isoformat()
        return dt.replace(microsecond=0).isoformat()
    return dt.isoformat()


_DATEPARSER_SETTINGS = {
    "PREFER_DAY_OF_MONTH": "first", "PREFER_MONTH_OF_YEAR": "first", "REQUIRE_PARTS": ["year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    # relative expressions ("yesterday", "now") would resolve against the clock of the run
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
}


_ISO_LIKE = re.compile(r"([+-]?\d+)-(\d{1,2})(?:-(\d{1,2}))?([T ].*)?", re.ASCII)


def _iso_like_date(year: str, month: str, day: str | None, time: str | None) -> str | None:
    """Year-month(-day) that Python's ISO parser refused: unpadded, a bare month, or impossible."""
    try:
        found = date(int(year), int(month), int(day or 1))
    except ValueError:
        return None
    if time:
        try:
            return _iso(datetime.fromisoformat(f"{found.isoformat()}{time}".replace("Z", "+00:00")))
        except ValueError:
            pass
    return _iso(found)


def parse_published_at(value: Any) -> str | None:
    """ISO 8601 string for any common date or datetime spelling; None when it is not a real date.

    Deterministic: never relative to today, an incomplete date ("June 2025") is its first day,
    and an ISO-shaped impossible date (2025-13-45) or a year outside 1800-2200 is None.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            seconds = value / 1000 if value > 1e11 else value
            return _iso(datetime.fromtimestamp(seconds, tz=timezone.utc))
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    value = _CONTROL.sub("", value).strip()
    if not value or len(value) > 64:
        return None
    try:
        return _iso(datetime.fromisoformat(value.replace("Z", "+00:00")))
    except ValueError:
        pass
    iso_like = _ISO_LIKE.fullmatch(value)
    if iso_like:  # never let dateparser guess at 2025-13-45 or 99999-01-01
        return _iso_like_date(*iso_like.groups())
    import dateparser  # slow to import; most dumps use ISO dates

    try:
        parsed = dateparser.parse(value, languages=["en"], settings=_DATEPARSER_SETTINGS)
    except Exception:  # noqa: BLE001 - dateparser raises assorted errors on odd strings; any means "no date"
        return None
    return _iso(parsed) if parsed else None


def _article_id(rid: Any, digest: str) -> str:
    """The dump's id as data (never a file name), cleaned and capped; content-derived when absent."""
    if isinstance(rid, (dict, list, bool)) or rid is None:
        return digest[:16]
    text = safe_str(rid, limit=10**6)
    if not text:
        return digest[:16]
    if len(text) > _MAX_ID_CHARS:
        return f"{text[:_MAX_ID_CHARS - 17]}#{content_hash(text)[:16]}"
    return text


def normalize_record(raw: Any, source_file: str, line: int, fmt: str,
                     limits: IngestLimits = DEFAULT_LIMITS) -> Article | Reject:
    """One raw record -> Article, or Reject with the reason it is unusable."""
    lowered = _lowered(raw) if isinstance(raw, dict) else {}

    def reject(reason: RejectReason, detail: str = "") -> Reject:
        rid = pick(lowered, "id")
        return Reject(safe_str(source_file, 1000), line, reason.value, safe_str(detail),
                      None if rid is None else safe_str(rid, _MAX_ID_CHARS) or None)

    if not isinstance(raw, dict):
        return reject(RejectReason.NOT_AN_OBJECT, f"a JSON {type(raw).__name__}, not an object")
    text = pick(lowered, "text")
    if text is None:
        if any(lowered.get(alias) == "" for alias in FIELD_ALIASES["text"]):
            return reject(RejectReason.EMPTY_TEXT, "the text field is empty")
        return reject(RejectReason.MISSING_TEXT, "no text field (looked for: " + ", ".join(FIELD_ALIASES["text"]) + ")")
    if not isinstance(text, str):
        return reject(RejectReason.TEXT_NOT_STRING, f"text is a {type(text).__name__}")
    if len(text) > limits.max_record_bytes:
        return reject(RejectReason.RECORD_TOO_LARGE, f"text has {len(text)} characters, cap {limits.max_record_bytes}")
    if looks_binary(text):
        return reject(RejectReason.BINARY_CONTENT, "text is mostly unprintable characters")
    text = clean_text(text)
    if not text:
        return reject(RejectReason.EMPTY_TEXT, "text is empty after cleaning")
    raw_date = pick(lowered, "published_at")
    digest = content_hash(text)
    return Article(
        article_id=_article_id(pick(lowered, "id"), digest),
        text=text,
        title=_optional_str(pick(lowered, "title")),
        url=_optional_str(pick(lowered, "url")),
        source=_optional_str(pick(lowered, "source")),
        published_at=parse_published_at(raw_date),
        published_at_raw=None if raw_date is None else safe_str(raw_date, 100) or None,
        source_file=safe_str(source_file, 1000),
        record=line,
        input_format=fmt,
        content_sha256=digest,
    )


def _optional_str(value: Any, limit: int = 2000) -> str | None:
    if value is None or isinstance(value, (list, dict, bool)):
        return None
    text = clean_text(value[:limit * 2] if isinstance(value, str) else safe_str(value, limit))
    return text[:limit] or None


# --- readers: each yields (record_number, raw dict) or a Reject --------------------------------

Raw = tuple[int, Any]


class _Oversized(Exception):
    """A record over one of the caps (already skipped past, when it is a line)."""

    def __init__(self, size: int):
        super().__init__(f"{size} bytes")
        self.size = size


def _open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, gunzipped when they are gzip whatever the name says."""
    fp = open(path, "rb")
    if fp.read(2) == _GZIP_MAGIC:
        fp.close()
        return gzip.open(path, "rb")
    fp.seek(0)
    return fp


def _capped_lines(fp: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | _Oversized]]:
    """(line number, bytes) per line, holding at most `cap` bytes: a longer line is read past in
    1 MB steps and given as `_Oversized`."""
    number = 0
    while True:
        line = fp.readline(cap + 1)
        if not line:
            return
        number += 1
        if len(line) > cap and not line.endswith(b"\n"):
            size = len(line)
            while True:
                chunk = fp.readline(2**20)
                size += len(chunk)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield number, _Oversized(size)
        else:
            yield number, line


def _stream_failure(path: Path, number: int, err: BaseException) -> Reject:
    """One reject standing for everything after the point where a compressed stream broke."""
    reason = RejectReason.TRUNCATED if isinstance(err, EOFError) else RejectReason.CORRUPT_INPUT
    return Reject(str(path), number + 1, reason.value,
                  safe_str(f"stopped reading after line {number}: {type(err).__name__}: {err}"))


def _read_json_lines(path: Path, fp: IO[bytes], limits: IngestLimits) -> Iterator[Raw | Reject]:
    number = 0
    try:
        for number, line in _capped_lines(fp, limits.max_record_bytes):
            if isinstance(line, _Oversized):
                yield Reject(str(path), number, RejectReason.RECORD_TOO_LARGE.value,
                             f"line of {line.size} bytes, cap {limits.max_record_bytes}")
                continue
            if not line.strip():
                continue
            if looks_binary_bytes(line):
                yield Reject(str(path), number, RejectReason.BINARY_CONTENT.value, "line is not text")
                continue
            try:
                yield number, json.loads(decode_bytes(line), strict=False)
            except (ValueError, RecursionError) as err:
                yield Reject(str(path), number, RejectReason.INVALID_JSON.value, safe_str(f"{type(err).__name__}: {err}"))
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        yield _stream_failure(path, number, err)


def read_jsonl(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    """One record per line, streamed: a bad line is one reject and reading goes on."""
    try:
        fp = _open_binary(path)
    except OSError as err:
        yield Reject(str(path), 0, RejectReason.UNREADABLE.value, safe_str(err))
        return
    with fp:
        yield from _read_json_lines(path, fp, limits)


def read_json(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    """A JSON array of records (streamed, any size), one record or {"articles": [...]} (parsed
    whole, under the document cap); a .json file that is really JSON Lines is read as such."""
    try:
        fp = _open_binary(path)
    except OSError as err:
        yield Reject(str(path), 0, RejectReason.UNREADABLE.value, safe_str(err))
        return
    with fp:
        head = fp.read(8192)
        if looks_binary_bytes(head):
            yield Reject(str(path), 1, RejectReason.BINARY_CONTENT.value, "file is not text")
            return
        first = head.removeprefix(codecs.BOM_UTF8).lstrip()[:1]
        fp.seek(0)
        if first == b"[":
            yield from _read_json_array(path, fp, limits)
        elif _first_line_is_a_record(fp, limits):
            fp.seek(0)
            yield from _read_json_lines(path, fp, limits)
        else:
            fp.seek(0)
            yield from _read_json_document(path, fp, limits)


def _first_line_is_a_record(fp: IO[bytes], limits: IngestLimits) -> bool:
    """True when the first line is a whole JSON object and more follows: JSON Lines named .json."""
    line = fp.readline(limits.max_record_bytes)
    try:
        json.loads(decode_bytes(line), strict=False)
    except (ValueError, RecursionError):
        return False
    return bool(fp.read(4096).strip())


def _read_json_document(path: Path, fp: IO[bytes], limits: IngestLimits) -> Iterator[Raw | Reject]:
    data = fp.read(limits.max_document_bytes + 1)
    if len(data) > limits.max_document_bytes:
        yield Reject(str(path), 1, RejectReason.RECORD_TOO_LARGE.value,
                     f"a JSON object over {limits.max_document_bytes} bytes is parsed whole; "
                     "use a JSON array or JSON Lines for large dumps")
        return
    try:
        parsed = json.loads(decode_bytes(data), strict=False)
    except json.JSONDecodeError as err:
        yield Reject(str(path), err.lineno, RejectReason.INVALID_JSON.value, safe_str(err))
        return
    except (ValueError, RecursionError) as err:
        yield Reject(str(path), 1, RejectReason.INVALID_JSON.value, safe_str(f"{type(err).__name__}: {err}"))
        return
    if isinstance(parsed, dict) and pick(parsed, "text") is None:
        lists = [v for k, v in parsed.items() if str(k).lower() in CONTAINER_KEYS and isinstance(v, list)]
        if len(lists) == 1:
            parsed = lists[0]
    for number, item in enumerate(parsed if isinstance(parsed, list) else [parsed], 1):
        yield number, item


class _JsonArrayStream:
    """A JSON array read element by element from a byte stream, holding at most one element
    (up to the record cap) plus one 1 MB chunk in memory."""

    def __init__(self, fp: IO[bytes]):
        self.fp = fp
        self.decoder = json.JSONDecoder(strict=False)
        self.text = codecs.getincrementaldecoder("utf-8")(errors="legalnews-cp1252")
        self.buf, self.pos, self.eof = "", 0, False

    def more(self) -> None:
        chunk = self.fp.read(2**20)
        self.eof = not chunk
        self.buf = self.buf[self.pos:] + self.text.decode(chunk, final=self.eof)
        self.pos = 0

    def peek(self) -> str:
        """The next non-whitespace character ("" at the end), consumed up to but not including it."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in " \t\r\n\ufeff":
                self.pos += 1
            if self.pos < len(self.buf) or self.eof:
                return self.buf[self.pos:self.pos + 1]
            self.more()

    def value(self, cap: int) -> Any:
        """The next JSON value; a number touching the end of the buffer may continue, so read on."""
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buf, self.pos)
                if end < len(self.buf) or self.eof:
                    if end - self.pos > cap:
                        raise _Oversized(end - self.pos)
                    self.pos = end
                    return value
            except json.JSONDecodeError as err:
                incomplete = err.pos >= len(self.buf) - 8 or err.msg.startswith("Unterminated string")
                if self.eof and incomplete:
                    raise EOFError(f"the file ends inside array element: {err.msg}") from err
                if self.eof or not incomplete:
                    raise
            if len(self.buf) - self.pos > cap:
                raise _Oversized(len(self.buf) - self.pos)
            self.more()


def _read_json_array(path: Path, fp: IO[bytes], limits: IngestLimits) -> Iterator[Raw | Reject]:
    stream, number = _JsonArrayStream(fp), 0
    try:
        stream.peek()
        stream.pos += 1  # the opening "["
        while True:
            found = stream.peek()
            if found == "]":
                stream.pos += 1
                if stream.peek():
                    yield Reject(str(path), number + 1, RejectReason.INVALID_JSON.value,
                                 "content after the closing ] of the array: rest of file skipped")
                return
            if found == ",":
                stream.pos += 1
                continue
            if not found:
                yield Reject(str(path), number + 1, RejectReason.TRUNCATED.value,
                             f"the array ends after record {number} without its closing ]")
                return
            value = stream.value(limits.max_record_bytes)
            number += 1
            yield number, value
    except _Oversized as err:
        yield Reject(str(path), number + 1, RejectReason.RECORD_TOO_LARGE.value,
                     f"array element over the cap of {limits.max_record_bytes} bytes ({err}); rest of file skipped")
    except (ValueError, RecursionError) as err:
        yield Reject(str(path), number + 1, RejectReason.INVALID_JSON.value,
                     safe_str(f"array element {number + 1}: {type(err).__name__}: {err}; rest of file skipped"))
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        yield _stream_failure(path, number, err)


_OVERSIZED_MARK = "\ue001legalnews-oversized-line\ue001"
_EXTRA_FIELDS = "\0extra"


def read_csv(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    """CSV/TSV with a header row; quoted fields may span lines. A row with more fields than the
    header, a row over the byte cap or a row the csv module cannot parse is one reject."""
    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    csv.field_size_limit(limits.max_record_bytes)
    try:
        fp = _open_binary(path)
    except OSError as err:
        yield Reject(str(path), 0, RejectReason.UNREADABLE.value, safe_str(err))
        return
    position: dict[str, int | None] = {"line": 0, "first": None}

    def lines() -> Iterator[str]:
        for number, line in _capped_lines(fp, limits.max_record_bytes):
            position["line"] = number
            if position["first"] is None and (isinstance(line, _Oversized) or line.strip()):
                position["first"] = number
            yield _OVERSIZED_MARK + "\n" if isinstance(line, _Oversized) else decode_bytes(line).replace("\0", "")

    with fp:
        reader = csv.DictReader(lines(), delimiter=delimiter, restkey=_EXTRA_FIELDS)
        try:
            try:
                reader.fieldnames  # noqa: B018 - reads the header row, so record lines start after it
            except csv.Error as err:
                yield Reject(str(path), 1, RejectReason.INVALID_CSV.value, safe_str(f"header row: {err}"))
                return
            while True:
                position["first"], stuck_at = None, position["line"]
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as err:
                    big = "field larger than field limit" in str(err)
                    reason = RejectReason.RECORD_TOO_LARGE if big else RejectReason.INVALID_CSV
                    yield Reject(str(path), position["first"] or stuck_at + 1, reason.value, safe_str(err))
                    if position["line"] == stuck_at:
                        return
                    continue
                start = position["first"] or stuck_at + 1
                values = [v for v in row.values() if isinstance(v, str)] + list(row.get(_EXTRA_FIELDS) or [])
                if any(_OVERSIZED_MARK in v for v in values):
                    yield Reject(str(path), start, RejectReason.RECORD_TOO_LARGE.value,
                                 f"a line over the cap of {limits.max_record_bytes} bytes")
                elif _EXTRA_FIELDS in row:
                    width = len(reader.fieldnames or [])
                    yield Reject(str(path), start, RejectReason.RAGGED_ROW.value,
                                 f"{width + len(row[_EXTRA_FIELDS])} fields, header has {width}")
                else:
                    yield start, row
        except (EOFError, gzip.BadGzipFile, zlib.error) as err:
            yield _stream_failure(path, (position["first"] or position["line"] + 1) - 1, err)


def _read_capped_file(path: Path, limits: IngestLimits) -> bytes | Reject:
    try:
        size = path.stat().st_size
        if size > limits.max_record_bytes:
            return Reject(str(path), 1, RejectReason.RECORD_TOO_LARGE.value,
                          f"file of {size} bytes, cap {limits.max_record_bytes}", path.stem)
        data = path.read_bytes()
    except OSError as err:
        return Reject(str(path), 1, RejectReason.UNREADABLE.value, safe_str(err), path.stem)
    if looks_binary_bytes(data):
        return Reject(str(path), 1, RejectReason.BINARY_CONTENT.value, "file is not text", path.stem)
    return data


def read_txt(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    data = _read_capped_file(path, limits)
    if isinstance(data, Reject):
        yield data
        return
    yield 1, {"id": path.stem, "text": decode_bytes(data)}


_AMP = "\u27e6amp\u27e7"  # "⟦amp⟧" stands for "&" while trafilatura runs, which unescapes its output again
_INERT_TAGS = ("script", "style", "noscript", "template", "iframe", "object", "embed", "applet", "svg",
               "math", "canvas", "textarea", "select")


def _html_tree(html: str):
    """The page parsed, with scripts, styles, comments and other non-text elements removed and
    every literal "&" masked, so displayed text like "&lt;script&gt;" is not decoded twice."""
    from lxml import etree
    from lxml.html import HTMLParser, document_fromstring

    parser = HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, remove_blank_text=False)
    tree = document_fromstring(html.replace(_AMP, "").encode("utf-8", "replace"), parser=parser)
    etree.strip_elements(tree, *_INERT_TAGS, with_tail=False)
    for element in tree.iter():
        if element.text:
            element.text = element.text.replace(_AMP, "").replace("&", _AMP)
        if element.tail:
            element.tail = element.tail.replace(_AMP, "").replace("&", _AMP)
        for name, value in element.attrib.items():
            element.attrib[name] = value.replace(_AMP, "").replace("&", _AMP)
    return tree


def html_to_record(html: str, url: str | None = None,
                   max_elements: int = DEFAULT_LIMITS.max_html_elements) -> dict[str, Any] | None:
    """Main text, title, date and site of a news page through trafilatura; None if it has no article.
    Raises `_Oversized` for a page with more than `max_elements` elements."""
    import trafilatura

    def unmask(value: Any) -> Any:
        return value.replace(_AMP, "&") if isinstance(value, str) else value

    tree = _html_tree(html)
    elements = sum(1 for _ in tree.iter())
    if elements > max_elements:
        raise _Oversized(elements)
    doc = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return None
    text, title = unmask(doc.text), unmask(doc.title)
    if title and text.startswith(title + "\n"):
        text = text[len(title) + 1:]
    return {"text": text, "title": title, "published_at": unmask(doc.date), "source": unmask(doc.sitename),
            "url": unmask(doc.url) or url}


def _html_record(html: str, path: Path, number: int, url: str | None, record_id: str | None,
                 limits: IngestLimits) -> Raw | Reject:
    if not html.strip():
        return Reject(str(path), number, RejectReason.NO_MAIN_TEXT.value, f"empty page: {url or path.name}", record_id)
    try:
        record = html_to_record(html, url=url, max_elements=limits.max_html_elements)
    except _Oversized as err:
        return Reject(str(path), number, RejectReason.RECORD_TOO_LARGE.value,
                      safe_str(f"page with {err.size} elements, cap {limits.max_html_elements}: {url or path.name}"),
                      record_id)
    except Exception as err:  # noqa: BLE001 - lxml/trafilatura on hostile markup: this page is lost, not the run
        return Reject(str(path), number, RejectReason.HTML_PARSE_FAILED.value,
                      safe_str(f"{type(err).__name__}: {err}"), record_id)
    if record is None:
        return Reject(str(path), number, RejectReason.NO_MAIN_TEXT.value,
                      safe_str(f"no article text: {url or path.name}"), record_id)
    return number, record


def read_html(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    data = _read_capped_file(path, limits)
    if isinstance(data, Reject):
        yield data
        return
    item = _html_record(decode_bytes(data), path, 1, None, path.stem, limits)
    if not isinstance(item, Reject):
        item[1]["id"] = path.stem
    yield item


_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    """Response and resource records are input records (warcinfo, request, metadata and revisit
    are not); one that is not HTML, has no article text or is over the cap is a reject."""
    from warcio.archiveiterator import ArchiveIterator

    number, truncated = 0, False
    is_arc = ".arc" in path.name.lower()
    try:
        with open(path, "rb") as fp:
            compressed = fp.read(2) == _GZIP_MAGIC
            fp.seek(0)
            for record in ArchiveIterator(fp):
                if record.format != "warc" and not is_arc:
                    yield Reject(str(path), number + 1, RejectReason.CORRUPT_INPUT.value,
                                 f"not a WARC file: no WARC header after record {number}")
                    return
                if record.rec_type not in ("response", "resource"):
                    continue
                number += 1
                uri = safe_str(record.rec_headers.get_header("WARC-Target-URI") or "", 2000) or None
                rid = safe_str(record.rec_headers.get_header("WARC-Record-ID") or "", _MAX_ID_CHARS) or None
                headers = record.http_headers if record.rec_type == "response" else record.rec_headers
                ctype = (headers.get_header("Content-Type") if headers else "") or ""
                if "html" not in ctype.lower():
                    yield Reject(str(path), number, RejectReason.NOT_HTML.value,
                                 safe_str(f"{ctype or 'no content type'}: {uri}"), rid)
                    continue
                try:
                    payload = record.content_stream().read(limits.max_record_bytes + 1)
                except (zlib.error, ValueError) as err:
                    yield Reject(str(path), number, RejectReason.CORRUPT_INPUT.value,
                                 safe_str(f"payload does not decode ({err}): {uri}"), rid)
                    continue
                if len(payload) > limits.max_record_bytes:
                    yield Reject(str(path), number, RejectReason.RECORD_TOO_LARGE.value,
                                 f"payload over the cap of {limits.max_record_bytes} bytes: {uri}", rid)
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:
                    truncated = True
                    yield Reject(str(path), number, RejectReason.TRUNCATED.value,
                                 safe_str(f"archive ends inside this record: {uri}"), rid)
                    continue
                if looks_binary_bytes(payload):
                    yield Reject(str(path), number, RejectReason.BINARY_CONTENT.value,
                                 safe_str(f"labelled {ctype} but not text: {uri}"), rid)
                    continue
                charset = _CHARSET.search(ctype)
                item = _html_record(decode_bytes(payload, charset.group(1) if charset else None),
                                    path, number, uri, rid, limits)
                if not isinstance(item, Reject):
                    item[1]["id"] = rid
                    item[1]["url"] = item[1].get("url") or uri
                yield item
        if compressed and not truncated:
            _check_gzip_intact(path)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield _stream_failure(path, number, err)
    except OSError as err:
        yield Reject(str(path), number + 1, RejectReason.UNREADABLE.value, safe_str(err))
    except Exception as err:  # noqa: BLE001 - warcio raises ArchiveLoadFailed and assorted errors on bad headers
        yield Reject(str(path), number + 1, RejectReason.CORRUPT_INPUT.value,
                     safe_str(f"not a readable WARC after record {number}: {type(err).__name__}: {err}"))


def _check_gzip_intact(path: Path) -> None:
    """warcio stops quietly at a gzip member cut short; decompressing the file once more tells
    (by raising EOFError) whether records were lost after the last one read."""
    with gzip.open(path, "rb") as fp:
        while fp.read(2**20):
            pass


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

    @property
    def balanced(self) -> bool:
        """Every record read is an article, a duplicate or a reject: nothing lost, nothing twice."""
        return (self.records_read == self.articles + self.duplicates + self.rejects
                and self.rejects == sum(self.reject_reasons.values()))

    def as_dict(self) -> dict[str, Any]:
        return {"records_read": self.records_read, "articles": self.articles, "duplicates": self.duplicates,
                "rejects": self.rejects, "rejects_by_reason": dict(sorted(self.reject_reasons.items())),
                "balanced": self.balanced,
                "renamed_ids": self.renamed_ids, "articles_without_published_at": self.undated,
                "unparsed_published_at": self.unparsed_dates, "files": self.files}


def accounting_problems(counts: dict[str, Any]) -> list[str]:
    """What does not add up in a manifest's `counts`: empty when read = written + duplicates +
    rejected, the reasons sum to the rejects, and the tables hold as many rows as counted."""
    read, articles, duplicates, rejects = (int(counts.get(k) or 0) for k in
                                           ("records_read", "articles", "duplicates", "rejects"))
    problems = []
    if read != articles + duplicates + rejects:
        problems.append(f"records_read {read} != articles {articles} + duplicates {duplicates} + rejects {rejects}")
    by_reason = sum((counts.get("rejects_by_reason") or {}).values())
    if by_reason != rejects:
        problems.append(f"rejects_by_reason sums to {by_reason}, rejects is {rejects}")
    tables = counts.get("tables") or {}
    for name, expected in (("articles", articles), ("rejects", rejects)):
        if name in tables and tables[name] != expected:
            problems.append(f"{name} table has {tables[name]} rows, counts say {expected}")
    return problems


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
                          None if record.record_id is None else safe_str(record.record_id, _MAX_ID_CHARS))
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
