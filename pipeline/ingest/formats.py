"""Which reader reads a file: file-name suffixes to formats, formats to readers."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..records import Reject
from .delimited import read_csv
from .html import read_html
from .json_files import read_json
from .json_lines import read_jsonl
from .limits import IngestLimits
from .streams import Raw
from .text import read_txt
from .warc import read_warc

__all__ = ["FORMATS", "READERS", "Reader", "format_of", "expand_inputs"]

Reader = Callable[[Path, IngestLimits], Iterator[Raw | Reject]]

FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonl.gz": "jsonl", ".ndjson.gz": "jsonl",
    ".json": "json", ".csv": "csv", ".tsv": "csv", ".csv.gz": "csv",
    ".txt": "txt", ".html": "html", ".htm": "html",
    ".warc": "warc", ".warc.gz": "warc", ".arc.gz": "warc",
}

READERS: dict[str, Reader] = {"jsonl": read_jsonl, "json": read_json, "csv": read_csv, "txt": read_txt,
           "html": read_html, "warc": read_warc}


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
