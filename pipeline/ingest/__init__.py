"""Ingest: read article dumps of any supported format into `Article` records or `Reject`s.

A reader per input family (`json_lines`, `json_files`, `delimited`, `text`, `html`, `warc`) yields
raw dicts (or a reject) per input record; `formats.READERS` picks it by file suffix. `normalize_record`
maps field aliases, repairs and validates the text and parses `published_at`; `Ingestor` adds ids
and drops exact duplicates. Every record read ends as an Article, a Reject or a counted duplicate,
and no input can make ingest raise, hold more than one record in memory, or write anywhere.
"""
from __future__ import annotations

from .decode import clean_text, decode_bytes, looks_binary, looks_binary_bytes, safe_str
from .delimited import read_csv
from .formats import FORMATS, READERS, expand_inputs, format_of
from .html import html_to_record, read_html
from .ingestor import Ingestor
from .json_files import read_json
from .json_lines import read_jsonl
from .limits import DEFAULT_LIMITS, IngestLimits
from .normalize import CONTAINER_KEYS, FIELD_ALIASES, normalize_record, parse_published_at, pick
from .stats import IngestStats, accounting_problems
from .text import read_txt
from .warc import read_warc

__all__ = [
    "Ingestor", "IngestStats", "IngestLimits", "DEFAULT_LIMITS", "accounting_problems",
    "FORMATS", "READERS", "format_of", "expand_inputs",
    "FIELD_ALIASES", "CONTAINER_KEYS", "pick", "normalize_record", "parse_published_at",
    "clean_text", "decode_bytes", "looks_binary", "looks_binary_bytes", "safe_str",
    "read_jsonl", "read_json", "read_csv", "read_txt", "read_html", "read_warc", "html_to_record",
]
