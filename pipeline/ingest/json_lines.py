"""JSON Lines (.jsonl, .ndjson, gzipped or not): one record per line, streamed."""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import RejectReason
from ..records import Reject
from .decode import decode_bytes, looks_binary_bytes, safe_str
from .limits import DEFAULT_LIMITS, IngestLimits
from .streams import Oversized, Raw, capped_lines, read_opened, stream_failure

__all__ = ["read_jsonl", "read_json_lines"]


def read_json_lines(path: Path, fp: IO[bytes], limits: IngestLimits) -> Iterator[Raw | Reject]:
    number = 0
    try:
        for number, line in capped_lines(fp, limits.max_record_bytes):
            if isinstance(line, Oversized):
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
        yield stream_failure(path, number, err)


def read_jsonl(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    """One record per line, streamed: a bad line is one reject and reading goes on."""
    yield from read_opened(path, lambda fp: read_json_lines(path, fp, limits))
