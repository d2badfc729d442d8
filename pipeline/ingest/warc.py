"""WARC and ARC web archives: each HTML response or resource record is one input record."""
from __future__ import annotations

import gzip
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..errors import RejectReason
from ..records import Reject
from .decode import decode_bytes, looks_binary_bytes, safe_str
from .html import html_record
from .limits import DEFAULT_LIMITS, MAX_ID_CHARS, IngestLimits
from .streams import GZIP_MAGIC, Raw, stream_failure

__all__ = ["read_warc"]

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


def read_warc(path: Path, limits: IngestLimits = DEFAULT_LIMITS) -> Iterator[Raw | Reject]:
    """Response and resource records are input records (warcinfo, request, metadata and revisit
    are not); one that is not HTML, has no article text or is over the cap is a reject."""
    from warcio.archiveiterator import ArchiveIterator

    number, truncated = 0, False
    is_arc = ".arc" in path.name.lower()
    try:
        with open(path, "rb") as fp:
            compressed = fp.read(2) == GZIP_MAGIC
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
                rid = safe_str(record.rec_headers.get_header("WARC-Record-ID") or "", MAX_ID_CHARS) or None
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
                item = html_record(decode_bytes(payload, charset.group(1) if charset else None),
                                    path, number, uri, rid, limits)
                if not isinstance(item, Reject):
                    item[1]["id"] = rid
                    item[1]["url"] = item[1].get("url") or uri
                yield item
        if compressed and not truncated:
            _check_gzip_intact(path)
    except (EOFError, zlib.error, gzip.BadGzipFile) as err:
        yield stream_failure(path, number, err)
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
