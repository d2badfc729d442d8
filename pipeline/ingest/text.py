"""Plain .txt files: one article per file, the file stem as its id."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..records import Reject
from .decode import decode_bytes
from .limits import DEFAULT_LIMITS, IngestLimits
from .streams import Raw, read_capped_file

__all__ = ["read_txt"]


def read_txt(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    data = read_capped_file(path, limits)
    if isinstance(data, Reject):
        yield data
        return
    yield 1, {"id": path.stem, "text": decode_bytes(data)}
