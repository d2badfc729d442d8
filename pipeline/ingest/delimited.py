"""CSV and TSV with a header row (the module is not named csv.py, which would shadow the standard
library's)."""
from __future__ import annotations

import csv
import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from ..errors import RejectReason
from ..records import Reject
from .decode import decode_bytes, safe_str
from .limits import DEFAULT_LIMITS, IngestLimits
from .streams import Oversized, Raw, capped_lines, read_opened, stream_failure

__all__ = ["read_csv"]

_OVERSIZED_MARK = "\ue001legalnews-oversized-line\ue001"
_EXTRA_FIELDS = "\0extra"


def read_csv(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    """CSV/TSV with a header row; quoted fields may span lines. A row with more fields than the
    header, a row over the byte cap or a row the csv module cannot parse is one reject."""
    delimiter = "\t" if ".tsv" in path.name.lower() else ","
    csv.field_size_limit(limits.max_record_bytes)
    yield from read_opened(path, lambda fp: _read_rows(path, fp, delimiter, limits))


def _read_rows(path: Path, fp: IO[bytes], delimiter: str, limits: IngestLimits) -> Iterator[Raw | Reject]:
    position: dict[str, int | None] = {"line": 0, "first": None}

    def lines() -> Iterator[str]:
        for number, line in capped_lines(fp, limits.max_record_bytes):
            position["line"] = number
            if position["first"] is None and (isinstance(line, Oversized) or line.strip()):
                position["first"] = number
            yield _OVERSIZED_MARK + "\n" if isinstance(line, Oversized) else decode_bytes(line).replace("\0", "")

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
        yield stream_failure(path, (position["first"] or position["line"] + 1) - 1, err)
