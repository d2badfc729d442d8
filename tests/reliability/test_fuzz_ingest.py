"""Property tests on ingest: random bytes and random records never raise, and every record read
is accounted for as an article, a duplicate or a reject with a catalogued reason."""
from __future__ import annotations

import csv
import io
import json
import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from pipeline.errors import RejectReason
from pipeline.ingest import FIELD_ALIASES, IngestLimits, Ingestor, clean_text, normalize_record, parse_published_at
from pipeline.records import Article, Reject

LIMITS = IngestLimits(max_record_bytes=4096, max_document_bytes=16384)
REASONS = {reason.value for reason in RejectReason} - {RejectReason.READER_FAILED.value}
SUFFIXES = [".jsonl", ".jsonl.gz", ".json", ".csv", ".tsv", ".txt", ".html", ".warc", ".warc.gz"]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

keys = st.sampled_from([alias for aliases in FIELD_ALIASES.values() for alias in aliases] + ["TEXT", "Body", "x"])
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=80))
json_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                           max_leaves=8)
records = st.dictionaries(keys, json_values, max_size=6) | json_values


def assert_valid(items: list[Article | Reject], ingestor: Ingestor) -> None:
    stats = ingestor.stats
    assert stats.balanced
    assert stats.records_read == len(items) + stats.duplicates
    for item in items:
        if isinstance(item, Reject):
            assert item.reason in REASONS, item
            assert item.detail and item.source_file
            for value in (item.detail, item.source_file, item.record_id or ""):
                value.encode("utf-8")
        else:
            assert item.text and item.text == item.text.strip()
            assert item.article_id and len(item.article_id) <= 200
            for value in (item.article_id, item.text, item.title or "", item.url or "", item.published_at_raw or ""):
                value.encode("utf-8")
                assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in value)
            if item.published_at is not None:
                assert 1800 <= datetime.fromisoformat(item.published_at).year <= 2200


def ingest_bytes(data: bytes, suffix: str) -> tuple[list[Article | Reject], Ingestor]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"fuzz{suffix}"
        path.write_bytes(data)
        ingestor = Ingestor(LIMITS)
        return list(ingestor([path])), ingestor


@FUZZ
@given(data=st.binary(max_size=6000), suffix=st.sampled_from(SUFFIXES))
@example(data=b"\x1f\x8b\x08\x00\x00\x00\x00\x00", suffix=".jsonl")
@example(data=b"WARC/1.0\r\nWARC-Type: response\r\n", suffix=".warc")
@example(data=b'id,text\n1,"never closed\n', suffix=".csv")
@example(data=b"<html><body><p>&amp;lt;x&amp;gt;</p></body></html>", suffix=".html")
def test_ingest_fuzz_random_bytes_in_any_format(data, suffix):
    items, ingestor = ingest_bytes(data, suffix)
    assert_valid(items, ingestor)


@FUZZ
@given(rows=st.lists(records, max_size=8), fmt=st.sampled_from(["jsonl", "json", "csv"]))
def test_ingest_fuzz_random_records_are_all_accounted_for(rows, fmt):
    if fmt == "jsonl":
        data = b"".join(json.dumps(row).encode() + b"\n" for row in rows)
    elif fmt == "json":
        data = json.dumps(rows).encode()
    else:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(["id", "text", "published_at"])
        writer.writerows([[str(v)[:200] for v in (row.values() if isinstance(row, dict) else [row])] for row in rows])
        data = buf.getvalue().encode("utf-8", "surrogatepass")
    items, ingestor = ingest_bytes(data, "." + fmt)
    assert_valid(items, ingestor)
    if fmt == "jsonl":
        assert ingestor.stats.records_read == len(rows)


@FUZZ
@given(raw=records, line=st.integers(0, 10**9))
def test_ingest_fuzz_normalize_record_returns_an_article_or_a_reject(raw, line):
    result = normalize_record(raw, "fuzz.jsonl", line, "jsonl")
    if isinstance(result, Article):
        assert clean_text(result.text) == result.text
        assert result.record == line
    else:
        assert result.reason in REASONS


@settings(max_examples=200, deadline=None)
@given(value=st.one_of(st.text(max_size=40), st.integers(), st.floats(), st.dates().map(str),
                       st.datetimes().map(lambda d: d.isoformat()), st.from_regex(r"\d{1,6}-\d{1,3}-\d{1,3}", fullmatch=True)))
def test_ingest_fuzz_parse_published_at_is_none_or_a_real_iso_date(value):
    parsed = parse_published_at(value)
    assert parsed == parse_published_at(value)
    if parsed is not None:
        assert 1800 <= datetime.fromisoformat(parsed).year <= 2200


MARK = "QQSCRIPTQQ"
words = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="<>&"), min_size=1, max_size=40)
inert = st.sampled_from([f"<script>var a = '{MARK}';</script>", f"<style>.{MARK} {{}}</style>", f"<!-- {MARK} -->",
                         f"<noscript>{MARK}</noscript>", f"<template><p>{MARK}</p></template>",
                         f"<script>document.write('<p>{MARK}</p>')</script>", f"<svg><script>{MARK}</script></svg>"])
paragraph = st.lists(words, min_size=1, max_size=8).map(lambda ws: "<p>" + " ".join(ws) * 3 + "</p>")
pages = st.lists(st.one_of(paragraph, inert, st.sampled_from(["&amp;", "&lt;script&gt;", "&#0;", "&nbsp;", "<br>"])),
                 min_size=1, max_size=14).map(lambda parts: "<html><body><article>" + "".join(parts) + "</article></body></html>")


@FUZZ
@given(page=pages)
@example(page="<html><body><article>" + "<p>The judge ruled that the agency must return him to Maryland.</p>" * 3
         + f"<script>var a = '{MARK}';</script><!-- {MARK} --><p>Then the court adjourned for the day.</p></article></body></html>")
def test_ingest_fuzz_html_never_keeps_script_style_or_comment_content(page):
    items, ingestor = ingest_bytes(page.encode("utf-8"), ".html")
    assert_valid(items, ingestor)
    for item in items:
        if isinstance(item, Article):
            assert MARK not in item.text and MARK not in (item.title or "")
