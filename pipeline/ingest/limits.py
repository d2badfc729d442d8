"""Byte caps that keep ingest's memory bounded whatever a dump holds."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["IngestLimits", "DEFAULT_LIMITS", "MAX_ID_CHARS", "DETAIL_CHARS"]

MAX_ID_CHARS = 200
DETAIL_CHARS = 300


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
