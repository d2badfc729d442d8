"""Ingest, one format at a time: field aliases, published_at spellings, id derivation, dedup."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from pipeline.ingest import (Ingestor, expand_inputs, format_of, looks_binary, normalize_record,
                             parse_published_at)
from pipeline.records import Article, Reject, content_hash

TEXT = "The Fourth Circuit ruled on Tuesday that the government must return the man to Maryland."
PAGE = ("<html><head><title>Court orders return</title>"
        "<meta property='article:published_time' content='2025-06-05T09:30:00Z'>"
        "<meta property='og:site_name' content='Law Wire'></head><body><article><h1>Court orders return</h1>"
        + "".join(f"<p>{TEXT} Paragraph {i} adds more detail about the hearing and the order.</p>" for i in range(4))
        + "</article></body></html>")


def run(path: Path) -> tuple[list[Article], list[Reject], Ingestor]:
    ingestor = Ingestor()
    items = list(ingestor([path]))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Reject)], ingestor


def jsonl(records: list[dict]) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def warc(pages: list[tuple[str, str, bytes]]) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=True)
    for uri, ctype, payload in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=headers,
                                                      warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:{uri[-1]}>"}))
    return buf.getvalue()


@pytest.mark.parametrize("name, fmt", [
    ("a.jsonl", "jsonl"), ("a.ndjson", "jsonl"), ("A.JSONL.GZ", "jsonl"), ("a.json", "json"), ("a.csv", "csv"),
    ("a.tsv", "csv"), ("a.csv.gz", "csv"), ("a.txt", "txt"), ("a.htm", "html"), ("a.html", "html"),
    ("a.warc", "warc"), ("a.warc.gz", "warc"), ("a.pdf", None), ("jsonl", None),
])
def test_ingest_format_of_suffixes(name, fmt):
    assert format_of(Path(name)) == fmt


def test_ingest_expand_inputs_is_sorted_and_skips_unknown_types(tmp_path):
    for name in ("b.jsonl", "a/c.csv", "a/notes.md", "z.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])] == ["a/c.csv", "b.jsonl", "z.txt"]


@pytest.mark.parametrize("raw, expected", [
    ({"text": TEXT}, {"text": TEXT}),
    ({"body": TEXT, "headline": "H", "link": "https://x.org/a", "outlet": "Wire"},
     {"title": "H", "url": "https://x.org/a", "source": "Wire"}),
    ({"Content": TEXT, "Publish_Date": "2025-06-05", "GUID": "g-1"}, {"published_at": "2025-06-05", "article_id": "g-1"}),
    ({"article_text": TEXT, "pubdate": "June 5, 2025", "doc_id": 17}, {"published_at": "2025-06-05", "article_id": "17"}),
    ({"text": "", "body": TEXT}, {"text": TEXT}),
    ({"maintext": f"  {TEXT}\r\n", "sitename": "  Wire  ", "title": ["not", "a", "title"]},
     {"text": TEXT, "source": "Wire", "title": None}),
])
def test_ingest_normalize_record_maps_field_aliases(raw, expected):
    article = normalize_record(raw, "dump.jsonl", 1, "jsonl")
    assert isinstance(article, Article)
    for name, value in expected.items():
        assert getattr(article, name) == value


@pytest.mark.parametrize("raw, published_at", [
    ("2025-06-05", "2025-06-05"),
    ("2025-06-05T14:30:00Z", "2025-06-05T14:30:00+00:00"),
    ("2025-06-05T14:30:00.123456-04:00", "2025-06-05T14:30:00-04:00"),
    ("2025-06-05 00:00:00", "2025-06-05"),
    ("2025-6-5", "2025-06-05"),
    ("2025-06", "2025-06-01"),
    ("June 5, 2025", "2025-06-05"),
    ("5 June 2025", "2025-06-05"),
    ("Thu, 05 Jun 2025 10:00:00 GMT", "2025-06-05T10:00:00"),
    ("June 2025", "2025-06-01"),
    (1749081600, "2025-06-05T00:00:00+00:00"),
    (1749081600000, "2025-06-05T00:00:00+00:00"),
    ("2025-13-45", None), ("2025-02-30", None), ("99999-01-01", None), ("0000-00-00", None),
    ("yesterday", None), ("now", None), ("not a date", None), ("", None), (None, None), (True, None),
    (1e300, None), (float("nan"), None), (-1e20, None), (["2025-06-05"], None), ("x" * 100, None),
    ("1700-01-01", None), ("2300-01-01", None),
])
def test_ingest_parse_published_at_formats(raw, published_at):
    assert parse_published_at(raw) == published_at


@pytest.mark.parametrize("raw, article_id", [
    ({"text": TEXT, "id": "  a-1 "}, "a-1"),
    ({"text": TEXT, "id": 42}, "42"),
    ({"text": TEXT}, content_hash(TEXT)[:16]),
    ({"text": TEXT, "id": ""}, content_hash(TEXT)[:16]),
    ({"text": TEXT, "id": {"nested": 1}}, content_hash(TEXT)[:16]),
    ({"text": TEXT, "id": "a\u0000b\u001fc"}, "abc"),
])
def test_ingest_id_derivation(raw, article_id):
    assert normalize_record(raw, "f", 1, "jsonl").article_id == article_id


def test_ingest_id_over_200_chars_is_capped_and_stays_unique():
    first = normalize_record({"text": TEXT, "id": "x" * 300 + "a"}, "f", 1, "jsonl").article_id
    second = normalize_record({"text": TEXT, "id": "x" * 300 + "b"}, "f", 1, "jsonl").article_id
    assert len(first) == len(second) == 200 and first != second


def test_ingest_jsonl_records_and_line_numbers(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(jsonl([{"id": "a", "text": TEXT}]) + b"\n" + jsonl([{"id": "b", "body": TEXT + " Again."}]))
    articles, rejects, _ = run(path)
    assert [(a.article_id, a.record, a.input_format) for a in articles] == [("a", 1, "jsonl"), ("b", 3, "jsonl")]
    assert not rejects


def test_ingest_jsonl_gz(tmp_path):
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(gzip.compress(jsonl([{"id": f"g{i}", "text": f"{TEXT} {i}"} for i in range(3)])))
    articles, rejects, _ = run(path)
    assert [a.article_id for a in articles] == ["g0", "g1", "g2"] and not rejects


@pytest.mark.parametrize("content, ids", [
    ([{"id": "j1", "text": TEXT}, {"id": "j2", "text": TEXT + " 2"}], ["j1", "j2"]),
    ({"id": "single", "text": TEXT}, ["single"]),
    ({"articles": [{"id": "w1", "text": TEXT}], "count": 1}, ["w1"]),
])
def test_ingest_json_shapes(tmp_path, content, ids):
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(content))
    articles, rejects, _ = run(path)
    assert [a.article_id for a in articles] == ids and not rejects


def test_ingest_csv_and_tsv(tmp_path):
    (tmp_path / "d.csv").write_text(f'ID,Headline,Body,Date\nc1,H1,"{TEXT}",2025-06-05\n', encoding="utf-8")
    (tmp_path / "d.tsv").write_text(f"id\ttext\tpublished_at\nt1\t{TEXT}, tab\t5 June 2025\n", encoding="utf-8")
    articles, rejects, _ = run(tmp_path)
    got = {a.article_id: (a.title, a.text, a.published_at, a.record) for a in articles}
    assert got == {"c1": ("H1", TEXT, "2025-06-05", 2), "t1": (None, TEXT + ", tab", "2025-06-05", 2)}
    assert not rejects


def test_ingest_txt_uses_the_file_stem_as_id(tmp_path):
    (tmp_path / "story-7.txt").write_bytes(("\ufeff" + TEXT + "\n").encode("utf-8"))
    articles, _, _ = run(tmp_path)
    assert [(a.article_id, a.text, a.input_format) for a in articles] == [("story-7", TEXT, "txt")]


def test_ingest_html_main_text_and_metadata(tmp_path):
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    articles, rejects, _ = run(tmp_path)
    assert not rejects
    article = articles[0]
    assert (article.article_id, article.title, article.source) == ("page", "Court orders return", "Law Wire")
    assert article.text.startswith(TEXT) and "Court orders return" not in article.text
    assert article.published_at == "2025-06-05"


def test_ingest_warc_reads_html_responses(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc([("https://example.org/a1", "text/html; charset=utf-8", PAGE.encode()),
                           ("https://example.org/b2", "application/json", b"{}")]))
    articles, rejects, _ = run(path)
    assert [(a.article_id, a.url, a.record) for a in articles] == [("<urn:uuid:1>", "https://example.org/a1", 1)]
    assert [(r.reason, r.line) for r in rejects] == [("not_html", 2)]


def test_ingest_warc_honours_the_declared_charset(tmp_path):
    path = tmp_path / "latin.warc.gz"
    page = PAGE.replace("Maryland", "Bogotá").replace("<title>", "<title>").encode("iso-8859-15")
    path.write_bytes(warc([("https://example.org/l1", "text/html; charset=ISO-8859-15", page)]))
    articles, _, _ = run(path)
    assert "Bogotá" in articles[0].text


def test_ingest_dedup_exact_texts_and_renames_reused_ids(tmp_path):
    path = tmp_path / "dups.jsonl"
    path.write_bytes(jsonl([{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT}, {"id": "a", "text": TEXT + " New."}]))
    (tmp_path / "same.txt").write_text(TEXT)
    articles, _, ingestor = run(tmp_path)
    assert [a.article_id for a in articles] == ["a", f"a#{content_hash(TEXT + ' New.')[:8]}"]
    assert (ingestor.stats.duplicates, ingestor.stats.renamed_ids, ingestor.stats.records_read) == (2, 1, 4)
    assert ingestor.stats.balanced


def test_ingest_stats_as_dict_counts_rejects_by_reason(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(jsonl([{"text": TEXT, "date": "2025-13-45"}, {"text": 5}, {"text": ""}]) + b"{oops\n")
    _, _, ingestor = run(path)
    counts = ingestor.stats.as_dict()
    assert counts["rejects_by_reason"] == {"empty_text": 1, "invalid_json": 1, "text_not_string": 1}
    assert (counts["records_read"], counts["articles"], counts["rejects"], counts["balanced"]) == (4, 1, 3, True)
    assert counts["unparsed_published_at"] == 1
    assert counts["files"] == {str(path): {"format": "jsonl", "records": 4}}


def unprintable_share_is_high(text: str) -> bool:
    """The definition looks_binary implements: over 8 and over 10% of the first 4,096 characters are
    replacement characters or unprintable (control but tab and newlines, private, unassigned, surrogate)."""
    sample = text[:4096]
    bad = sum(1 for ch in sample if ch == "\ufffd"
              or (unicodedata.category(ch) in ("Cc", "Co", "Cn", "Cs") and ch not in "\n\r\t"))
    return bool(sample) and bad > 8 and bad / len(sample) > 0.1


@given(st.text(alphabet=st.sampled_from("ab \n\t\r\x00\x0b\x7f\x85\x9f\ufffd\ue000\u0378\ud800é—"), max_size=120)
       | st.text(max_size=200))
def test_ingest_looks_binary_is_the_unprintable_share(text):
    assert looks_binary(text) == unprintable_share_is_high(text)


def test_ingest_looks_binary_on_real_text_and_junk():
    assert not looks_binary("The judge ruled on Friday — “again,” said the clerk.\n" * 20)
    assert looks_binary("\x00\x01\ufffd\x7f" * 50 + "text")


def test_formats_every_suffix_has_a_reader():
    from pipeline.ingest import FORMATS, READERS

    assert set(FORMATS.values()) == set(READERS)
