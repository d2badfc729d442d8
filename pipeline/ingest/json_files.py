""".json files: a JSON array streamed element by element, one record, or a container object
({"articles": [...]}) parsed whole under the document cap."""
from __future__ import annotations

import codecs
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import RejectReason
from ..records import Reject
from .decode import decode_bytes, looks_binary_bytes, safe_str
from .json_lines import read_json_lines
from .limits import DEFAULT_LIMITS, IngestLimits
from .normalize import CONTAINER_KEYS, pick
from .streams import Oversized, Raw, read_opened, stream_failure

__all__ = ["read_json"]


def read_json(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    """A JSON array of records (streamed, any size), one record or {"articles": [...]} (parsed
    whole, under the document cap); a .json file that is really JSON Lines is read as such."""
    yield from read_opened(path, lambda fp: _read_json_file(path, fp, limits))


def _read_json_file(path: Path, fp: IO[bytes], limits: IngestLimits) -> Iterator[Raw | Reject]:
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
        yield from read_json_lines(path, fp, limits)
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
                        raise Oversized(end - self.pos)
                    self.pos = end
                    return value
            except json.JSONDecodeError as err:
                incomplete = err.pos >= len(self.buf) - 8 or err.msg.startswith("Unterminated string")
                if self.eof and incomplete:
                    raise EOFError(f"the file ends inside array element: {err.msg}") from err
                if self.eof or not incomplete:
                    raise
            if len(self.buf) - self.pos > cap:
                raise Oversized(len(self.buf) - self.pos)
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
    except Oversized as err:
        yield Reject(str(path), number + 1, RejectReason.RECORD_TOO_LARGE.value,
                     f"array element over the cap of {limits.max_record_bytes} bytes ({err}); rest of file skipped")
    except (ValueError, RecursionError) as err:
        yield Reject(str(path), number + 1, RejectReason.INVALID_JSON.value,
                     safe_str(f"array element {number + 1}: {type(err).__name__}: {err}; rest of file skipped"))
    except (EOFError, gzip.BadGzipFile, zlib.error) as err:
        yield stream_failure(path, number, err)
