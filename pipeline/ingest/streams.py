"""Opening input files and reading them in capped pieces, shared by the readers.

A reader yields `(record number, raw record)` or a `Reject` per input record (`Raw`)."""
from __future__ import annotations

import gzip
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import RejectReason
from ..records import Reject
from .decode import looks_binary_bytes, safe_str
from .limits import IngestLimits

__all__ = ["Raw", "Oversized", "GZIP_MAGIC", "open_binary", "read_opened", "capped_lines", "stream_failure",
           "read_capped_file"]

GZIP_MAGIC = b"\x1f\x8b"
Raw = tuple[int, Any]


class Oversized(Exception):
    """A record over one of the caps (already skipped past, when it is a line)."""

    def __init__(self, size: int):
        super().__init__(f"{size} bytes")
        self.size = size


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, gunzipped when they are gzip whatever the name says."""
    fp = open(path, "rb")
    if fp.read(2) == GZIP_MAGIC:
        fp.close()
        return gzip.open(path, "rb")
    fp.seek(0)
    return fp


def read_opened(path: Path, read: Callable[[IO[bytes]], Iterator[Raw | Reject]]) -> Iterator[Raw | Reject]:
    """What `read` makes of the opened file, or one unreadable-file reject when it cannot be opened."""
    try:
        fp = open_binary(path)
    except OSError as err:
        yield Reject(str(path), 0, RejectReason.UNREADABLE.value, safe_str(err))
        return
    with fp:
        yield from read(fp)


def capped_lines(fp: IO[bytes], cap: int) -> Iterator[tuple[int, bytes | Oversized]]:
    """(line number, bytes) per line, holding at most `cap` bytes: a longer line is read past in
    1 MB steps and given as `Oversized`."""
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
            yield number, Oversized(size)
        else:
            yield number, line


def stream_failure(path: Path, number: int, err: BaseException) -> Reject:
    """One reject standing for everything after the point where a compressed stream broke."""
    reason = RejectReason.TRUNCATED if isinstance(err, EOFError) else RejectReason.CORRUPT_INPUT
    return Reject(str(path), number + 1, reason.value,
                  safe_str(f"stopped reading after line {number}: {type(err).__name__}: {err}"))



def read_capped_file(path: Path, limits: IngestLimits) -> bytes | Reject:
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
