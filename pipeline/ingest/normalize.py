"""One raw record to an `Article` or a `Reject`: field aliases, text checks and cleaning, ids and
`published_at` parsing."""
from __future__ import annotations

import re
from datetime import date, datetime, timezone
from typing import Any

from ..errors import RejectReason
from ..records import Article, Reject, content_hash
from .decode import CONTROL, clean_text, looks_binary, safe_str
from .limits import DEFAULT_LIMITS, MAX_ID_CHARS, IngestLimits

__all__ = ["FIELD_ALIASES", "CONTAINER_KEYS", "pick", "parse_published_at", "normalize_record"]

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
_MIN_YEAR, _MAX_YEAR = 1800, 2200


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
    value = CONTROL.sub("", value).strip()
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
    if len(text) > MAX_ID_CHARS:
        return f"{text[:MAX_ID_CHARS - 17]}#{content_hash(text)[:16]}"
    return text


def normalize_record(raw: Any, source_file: str, line: int, fmt: str,
                     limits: IngestLimits = DEFAULT_LIMITS) -> Article | Reject:
    """One raw record -> Article, or Reject with the reason it is unusable."""
    lowered = _lowered(raw) if isinstance(raw, dict) else {}

    def reject(reason: RejectReason, detail: str = "") -> Reject:
        rid = pick(lowered, "id")
        return Reject(safe_str(source_file, 1000), line, reason.value, safe_str(detail),
                      None if rid is None else safe_str(rid, MAX_ID_CHARS) or None)

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
