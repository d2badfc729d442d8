"""Hostile input through `Ingestor`: every bad record gets a clear reject reason, the rest go on."""
from __future__ import annotations

import gzip
import os
import json
import tracemalloc
from collections import Counter
from pathlib import Path

import pytest

from hostile import ARTICLE, SCRIPT_MARKERS, build, cases, outcomes, table
from pipeline.errors import RejectReason
from pipeline.ingest import IngestLimits, Ingestor, read_json, read_jsonl
from pipeline.records import Article, Reject

CAP = 64 * 1024
LIMITS = IngestLimits(max_record_bytes=CAP, max_document_bytes=4 * CAP)
REASONS = {reason.value for reason in RejectReason}


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    build(folder, CAP)
    return folder


def ingest(path: Path) -> tuple[list[Article], list[Reject], Ingestor]:
    ingestor = Ingestor(LIMITS)
    items = list(ingestor([path]))
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Reject)], ingestor)


@pytest.mark.parametrize("case", cases(CAP), ids=lambda c: c.filename)
def test_ingest_bad_input_gets_its_reject_reason(dump, case):
    ingestor = Ingestor(LIMITS)
    got = outcomes(ingestor, dump / case.filename)
    if case.exact:
        assert got == Counter(case.expect)
    else:
        assert all(got[outcome] >= count for outcome, count in case.expect.items()), got
    assert set(got) - {ARTICLE, "duplicate"} <= REASONS
    assert ingestor.stats.balanced
    assert ingestor.stats.records_read == sum(got.values())


def test_ingest_whole_hostile_dump_accounts_for_every_record(dump):
    articles, rejects, ingestor = ingest(dump)
    stats = ingestor.stats
    assert stats.balanced
    assert stats.articles == len(articles) and stats.rejects == len(rejects)
    assert stats.records_read == len(articles) + len(rejects) + stats.duplicates
    assert RejectReason.READER_FAILED.value not in stats.reject_reasons
    assert all(r.reason in REASONS and r.detail and r.source_file for r in rejects)
    assert len({a.article_id for a in articles}) == len(articles)


@pytest.mark.parametrize("article_id, fragments", [
    ("cp1252", ["Judge María López", "café case"]),
    ("mixed", ["Café owner and café owner"]),
    ("mojibake", ["The court’s ruling in São Paulo"]),
])
def test_ingest_repairs_invalid_utf8_and_mojibake(dump, article_id, fragments):
    articles, _, _ = ingest(dump / "encodings.jsonl")
    text = {a.article_id: a.text for a in articles}[article_id]
    for fragment in fragments:
        assert fragment in text
    assert "\ufffd" not in text and "Ã" not in text


@pytest.mark.parametrize("article_id, expected", [
    ("ctl", "The judge ruled on Friday that ICE\nmust return him."),
    ("raw-nul", "A raw NUL byte and a raw\ttab in the string."),
    ("\ufffdsurrogate", "Lone \ufffd surrogate and 😀 pair."),
])
def test_ingest_removes_nul_control_characters_and_lone_surrogates(dump, article_id, expected):
    articles, _, _ = ingest(dump / "controls.jsonl")
    by_id = {a.article_id: a for a in articles}
    assert by_id[article_id].text == expected
    for article in articles:
        for value in (article.article_id, article.text, article.title or ""):
            value.encode("utf-8")  # a lone surrogate would make every writer fail
            assert not any(ord(ch) < 32 and ch not in "\n\t" for ch in value)


@pytest.mark.parametrize("raw, published_at", [
    ("2025-13-45", None), ("99999-01-01", None), ("June 5, 99999", None), ("2025-02-30T10:00:00", None),
    ("not a date", None), ("yesterday", None), ("1e+20", None), ("2025-06-05", "2025-06-05"),
])
def test_ingest_impossible_dates_keep_the_article_and_the_raw_value(dump, raw, published_at):
    articles, _, ingestor = ingest(dump / "dates.jsonl")
    by_raw = {a.published_at_raw: a for a in articles}
    assert by_raw[raw].published_at == published_at
    assert ingestor.stats.unparsed_dates == 7 and ingestor.stats.undated == 7


def test_ingest_ids_with_path_characters_stay_data(dump, tmp_path):
    articles, _, _ = ingest(dump / "path_ids.jsonl")
    ids = [a.article_id for a in articles]
    assert ids[:5] == ["../../etc/passwd", "/tmp/legalnews-evil", "..\\..\\windows\\system32", "a/bc", "CON"]
    assert len(ids[5]) <= 200 and ids[5].startswith("xxx")


def test_ingest_html_keeps_no_script_style_or_comment_content(dump):
    articles, rejects, _ = ingest(dump / "hostile.html")
    assert not rejects and len(articles) == 1
    text = articles[0].text
    for marker in SCRIPT_MARKERS:
        assert marker not in text, marker
    assert "Entities: <b>bold</b> and &lt;script&gt;DOUBLEMARK&lt;/script&gt;" in text
    assert "U.S. District Judge Paula Xinis" in text
    assert articles[0].title == "Judge orders return"


def test_ingest_csv_embedded_newlines_and_quotes_survive(dump):
    articles, rejects, _ = ingest(dump / "ragged.csv")
    by_id = {a.article_id: a for a in articles}
    assert by_id["csv-4"].text.startswith('First line\nsecond "quoted" line csv-4: ')
    assert by_id["csv-5"].text.startswith("NUL inside")
    assert by_id["csv-1"].published_at == "2025-06-05"
    assert {(r.line, r.reason) for r in rejects} == {(3, "ragged_csv_row"), (4, "missing_text")}
    assert [(a.article_id, a.record) for a in articles] == [("csv-1", 2), ("csv-4", 6), ("csv-5", 8), ("csv-6", 9)]


def test_ingest_truncated_gzip_keeps_records_before_the_cut(dump):
    articles, rejects, _ = ingest(dump / "truncated.jsonl.gz")
    assert [r.reason for r in rejects] == ["truncated_input"]
    assert [a.article_id for a in articles] == [f"trunc-{i}" for i in range(len(articles))]
    assert rejects[0].line == len(articles) + 1


@pytest.mark.parametrize("filename, kept, reason", [
    ("truncated.warc.gz", 1, "truncated_input"),
    ("cut_record.warc.gz", 2, "truncated_input"),
    ("fake.warc", 0, "corrupt_input"),
])
def test_ingest_damaged_warc_is_one_reject_after_the_records_read(dump, filename, kept, reason):
    articles, rejects, _ = ingest(dump / filename)
    assert len(articles) == kept
    assert [r.reason for r in rejects] == [reason]


def test_ingest_warc_rejects_name_the_record(dump):
    _, rejects, _ = ingest(dump / "crawl.warc")
    assert sorted((r.line, r.reason, r.record_id) for r in rejects) == [
        (2, "not_html", "<urn:uuid:resp-2>"), (3, "not_html", "<urn:uuid:resp-3>"),
        (4, "binary_content", "<urn:uuid:resp-4>"), (5, "no_main_text", "<urn:uuid:resp-5>")]


@pytest.fixture(scope="module")
def hundred_mb_line(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("big") / "huge_line.jsonl"
    with open(path, "wb") as fp:
        fp.write(json.dumps({"id": "before", "text": "Before the huge line."}).encode() + b"\n")
        fp.write(b'{"id": "huge", "text": "')
        block = b"The court ruled. " * 65536
        for _ in range(100 * 2**20 // len(block)):
            fp.write(block)
        fp.write(b'"}\n')
        fp.write(json.dumps({"id": "after", "text": "After the huge line."}).encode() + b"\n")
    return path


def test_ingest_100mb_line_is_rejected_without_holding_it(hundred_mb_line):
    tracemalloc.start()
    try:
        items = list(read_jsonl(hundred_mb_line))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [item[1]["id"] for item in items if not isinstance(item, Reject)] == ["before", "after"]
    rejects = [item for item in items if isinstance(item, Reject)]
    assert [(r.line, r.reason) for r in rejects] == [(2, "record_too_large")]
    assert peak < 2 * IngestLimits().max_record_bytes + 8 * 2**20, f"peak {peak} bytes"


@pytest.mark.parametrize("payload", [b"", b"\n\n\n", b"   \n"])
def test_ingest_empty_jsonl_files_have_no_records(tmp_path, payload):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(payload)
    articles, rejects, ingestor = ingest(path)
    assert (articles, rejects, ingestor.stats.records_read) == ([], [], 0)


@pytest.mark.parametrize("name, reason", [
    ("missing.jsonl", "unreadable_input"),
    ("document.pdf", "unsupported_format"),
])
def test_ingest_unreadable_or_unsupported_files_are_rejects(tmp_path, name, reason):
    if name.endswith(".pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.7")
    _, rejects, ingestor = ingest(tmp_path / name)
    assert [r.reason for r in rejects] == [reason]
    assert ingestor.stats.balanced


def test_ingest_csv_row_over_the_cap_across_lines_is_rejected(tmp_path):
    path = tmp_path / "long_field.csv"
    lines = "\n".join("line of a very long quoted field" for _ in range(3000))
    path.write_text(f'id,text\nok-1,fine\nlong,"{lines}"\nok-2,also fine\n', encoding="utf-8")
    articles, rejects, _ = ingest(path)
    assert "record_too_large" in {r.reason for r in rejects}
    assert [a.article_id for a in articles][:1] == ["ok-1"]


def test_ingest_gzip_stream_failure_is_a_single_reject(tmp_path):
    data = gzip.compress(b"".join(json.dumps({"text": f"story {i} " * 50}).encode() + b"\n" for i in range(200)))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(data[:-20])
    articles, rejects, ingestor = ingest(path)
    assert [r.reason for r in rejects] == ["truncated_input"]
    assert len(articles) >= 150 and ingestor.stats.balanced


GOOD = [{"id": f"arr-{i}", "text": f"Record {i}: " + "word " * 30} for i in range(400)]


@pytest.mark.parametrize("name, content, kept, reject", [
    ("invalid element", json.dumps(GOOD[:5])[:-1] + ', {"text": "x",,}, ' + json.dumps(GOOD)[1:], 5,
     (6, "invalid_json")),
    ("element over the cap", json.dumps(GOOD[:5])[:-1] + ', {"text": "' + "z" * (CAP + 10) + '"}, '
     + json.dumps(GOOD)[1:], 5, (6, "record_too_large")),
    ("no closing bracket", json.dumps(GOOD[:5])[:-1], 5, (6, "truncated_input")),
    ("cut inside an element", json.dumps(GOOD[:5])[:-30], 4, (5, "truncated_input")),
    ("content after the array", json.dumps(GOOD[:2]) + "\n[1]", 2, (3, "invalid_json")),
    ("whole array", json.dumps(GOOD), 400, None),
])
def test_ingest_json_array_is_streamed_element_by_element(tmp_path, name, content, kept, reject):
    path = tmp_path / "array.json"
    path.write_text(content, encoding="utf-8")
    articles, rejects, ingestor = ingest(path)
    assert [a.article_id for a in articles] == [f"arr-{i}" for i in range(kept)]
    assert [(r.line, r.reason) for r in rejects] == ([reject] if reject else [])
    assert ingestor.stats.balanced


def test_ingest_json_array_memory_stays_bounded(tmp_path):
    path = tmp_path / "big_array.json"
    element = json.dumps({"text": "The court ruled. " * 60}, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as fp:
        fp.write("[" + ",\n".join([element] * 30_000) + "]")
    assert path.stat().st_size > 30 * 10**6
    tracemalloc.start()
    try:
        count = sum(1 for item in read_json(path, LIMITS) if not isinstance(item, Reject))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 30_000
    assert peak < 12 * 2**20, f"peak {peak} bytes"


def test_ingest_readme_table_matches_the_code():
    readme = (Path(__file__).parent / "README.md").read_text(encoding="utf-8")
    assert table() in readme, "regenerate the table in tests/reliability/README.md with hostile.py"


def test_ingest_file_names_with_invalid_bytes_become_encodable_strings(tmp_path):
    folder = tmp_path / "dump"
    folder.mkdir()
    odd = folder / os.fsdecode(b"odd\nname \xff.jsonl")
    odd.write_bytes(b'{"id": "odd-1", "text": "The judge ruled."}\n{"text": 5}\n')
    articles, rejects, ingestor = ingest(folder)
    expected = str(folder / "odd\nname \ufffd.jsonl")
    assert [articles[0].source_file, rejects[0].source_file, *ingestor.stats.files] == [expected] * 3


@pytest.mark.parametrize("paragraphs, outcome", [(400, "article"), (2000, "record_too_large")])
def test_ingest_html_over_the_element_cap_is_rejected_before_extraction(tmp_path, paragraphs, outcome):
    path = tmp_path / "long.html"
    path.write_text("<html><body><article>" + "".join(f"<p>Paragraph {i} of the ruling.</p>" for i in range(paragraphs))
                    + "</article></body></html>", encoding="utf-8")
    ingestor = Ingestor(IngestLimits(max_html_elements=1000))
    got = outcomes(ingestor, path)
    assert got == Counter({outcome: 1})


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "cp1252"])
def test_ingest_txt_encodings_decode_to_the_same_text(tmp_path, encoding):
    text = "Judge María López ruled that the café’s owner may stay."
    (tmp_path / "story.txt").write_bytes(text.encode(encoding))
    articles, rejects, _ = ingest(tmp_path / "story.txt")
    assert [a.text for a in articles] == [text] and not rejects
