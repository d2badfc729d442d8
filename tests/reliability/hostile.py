"""A hostile dump: one file per kind of bad input, with the outcome each record must get.

Used by the bad-input tests (through `Ingestor`) and the end-to-end accounting test (through
`legalnews extract`). Run it to print the table of bad inputs and the reject reason each got:

    .venv/bin/python tests/reliability/hostile.py
"""
from __future__ import annotations

import gzip
import io
import json
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE = "article"
DUPLICATE = "duplicate"

STORY = ("U.S. District Judge Paula Xinis ruled on Wednesday that the Department of Homeland Security "
         "must return O.C.G., a Guatemalan man who was deported to Mexico in May, to the United States. ")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
BINARY_LINE = bytes(b for b in range(256) if b != 10) * 8


def jline(obj) -> bytes:
    return json.dumps(obj).encode("utf-8") + b"\n"


def story(tag: str, repeat: int = 1) -> str:
    return f"{tag}: " + STORY * repeat


@dataclass(frozen=True)
class Case:
    """One input file; `expect` counts the outcome of its records (an article, a duplicate or a
    reject reason); with `exact` False the counts are minimums (the file's damage point varies)."""

    name: str
    filename: str
    content: bytes
    expect: dict[str, int]
    exact: bool = True


def _html_page(body: str, title: str = "Judge orders return") -> str:
    paragraphs = "".join(f"<p>{STORY}{STORY}</p>" for _ in range(3))
    return (f"<!DOCTYPE html><html><head><title>{title}</title><meta charset='utf-8'></head>"
            f"<body><article><h1>{title}</h1>{paragraphs}{body}</article></body></html>")


HOSTILE_HTML = _html_page(
    "<style>.STYLEMARK{color:red}</style>"
    "<script>var SCRIPTMARK = '</p>';</script>"
    "<script type='application/ld+json'>{\"LDJSONMARK\": 1}</script>"
    "<!-- COMMENTMARK --><!--> <p>COMMENTTRICKMARK</p> -->"
    "<p>Entities: &lt;b&gt;bold&lt;/b&gt; and &amp;lt;script&amp;gt;DOUBLEMARK&amp;lt;/script&amp;gt; "
    "&#0; &#xD800; &#99999999; done.</p>"
    "<noscript>NOSCRIPTMARK</noscript><template>TEMPLATEMARK</template>"
    "<svg><script>SVGSCRIPTMARK</script></svg><iframe srcdoc='&lt;script&gt;IFRAMEMARK&lt;/script&gt;'></iframe>"
    "<p onclick='ONCLICKMARK()'>Handlers stay out.</p><scr<script>NESTEDMARK</script>ipt>"
)
SCRIPT_MARKERS = ("SCRIPTMARK", "STYLEMARK", "LDJSONMARK", "COMMENTMARK", "NOSCRIPTMARK", "TEMPLATEMARK",
                  "SVGSCRIPTMARK", "IFRAMEMARK", "ONCLICKMARK", "NESTEDMARK", "<script")


def _warc(records: list[tuple[str, str, bytes]], gz: bool = False) -> bytes:
    """A WARC with a warcinfo and a request record (neither is an input record) and one response per
    (uri, content type, payload)."""
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    writer.write_record(writer.create_warcinfo_record("hostile.warc", {"software": "legalnews tests"}))
    for number, (uri, ctype, payload) in enumerate(records, 1):
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
        writer.write_record(writer.create_warc_record(uri, "request", http_headers=request,
                                                      warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:req-{number}>"}))
        headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            uri, "response", payload=io.BytesIO(payload), http_headers=headers,
            warc_headers_dict={"WARC-Record-ID": f"<urn:uuid:resp-{number}>"}))
    return buf.getvalue()


def _gzip_lines(count: int, tag: str) -> bytes:
    return gzip.compress(b"".join(jline({"id": f"{tag}-{i}", "text": story(f"{tag} {i}")}) for i in range(count)),
                         mtime=0)


def _corrupt(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes(b ^ 0xFF for b in data[middle:middle + 64]) + data[middle + 64:]


def cases(cap: int) -> list[Case]:
    """Every hostile file for a run whose record byte cap is `cap`."""
    enormous = min(cap // 2, 300_000)
    oversized = b'{"text": "' + b"a" * (cap + 1000) + b'"}\n'
    truncated_gz = _gzip_lines(40, "trunc")
    between, inside = (_warc([(f"https://example.org/{tag}{i}", "text/html", _html_page(f"<p>{tag} {i}</p>").encode())
                              for i in range(3)], gz=True) for tag in ("between", "inside"))
    return [
        Case("invalid JSON lines", "invalid_json.jsonl",
             jline({"id": "ij-1", "text": story("ij-1")}) + b'{"text": "unterminated\n'
             + b"{text: 'single quotes'}\n" + jline({"id": "ij-2", "text": story("ij-2")}),
             {ARTICLE: 2, "invalid_json": 2}),
        Case("text of the wrong type", "wrong_types.jsonl",
             jline({"text": 42}) + jline({"text": ["a", "b"]}) + jline({"text": {"en": "x"}})
             + jline({"text": True}) + jline({"text": None, "body": 3.5}) + b'{"text": 1e999}\n',
             {"text_not_string": 6}),
        Case("missing or empty text", "missing_text.jsonl",
             jline({"title": "no text"}) + jline({}) + jline({"text": None}) + jline({"text": ""})
             + jline({"text": "   \n\t  "}) + jline({"text": "\u0000\u0001\u0002"}),
             {"missing_text": 3, "empty_text": 3}),
        Case("JSON that is not an object", "not_objects.jsonl",
             b'[1, 2]\n"a string"\n17\nnull\n', {"not_an_object": 4}),
        Case("invalid UTF-8, mixed encodings, mojibake", "encodings.jsonl",
             b"\xef\xbb\xbf" + b'{"id": "cp1252", "text": "Judge Mar\xeda L\xf3pez ruled on the caf\xe9 case."}\n'
             + b'{"id": "mixed", "text": "Caf\xc3\xa9 owner and caf\xe9 owner were detained."}\n'
             + jline({"id": "mojibake", "text": "The court\u00e2\u20ac\u2122s ruling in S\u00c3\u00a3o Paulo stands."}),
             {ARTICLE: 3}),
        Case("binary junk", "binary.jsonl",
             BINARY_LINE + b"\n" + jline({"text": "\u0001\u0002\u0003" * 30}) + jline({"id": "bin-ok", "text": story("bin")}),
             {"binary_content": 2, ARTICLE: 1}),
        Case("NUL bytes, control characters, lone surrogates", "controls.jsonl",
             jline({"id": "ctl", "text": "The judge\u0000 ruled\u0007 on \u001b[31mFriday\u001b[0m that ICE\r\nmust return him."})
             + b'{"id": "raw-nul", "text": "A raw NUL\x00 byte and a raw\ttab in the string."}\n'
             + b'{"id": "\\udc80surrogate", "text": "Lone \\ud800 surrogate and \\ud83d\\ude00 pair.", "title": "\\udfff"}\n',
             {ARTICLE: 3}),
        Case("nesting 20,000 deep", "deep.jsonl", b"[" * 20_000 + b"\n" + b'{"text": ' + b"[" * 20_000 + b"\n",
             {"invalid_json": 2}),
        Case("numbers beyond range", "numbers.jsonl",
             jline({"id": "num-1", "text": story("num-1"), "published_at": 1e308})
             + jline({"id": "num-2", "text": story("num-2"), "published_at": -99999999999999999999}),
             {ARTICLE: 2}),
        Case(f"line over the {cap}-byte cap", "oversized.jsonl",
             jline({"id": "big-1", "text": story("big-1")}) + oversized + jline({"id": "big-2", "text": story("big-2")}),
             {ARTICLE: 2, "record_too_large": 1}),
        Case(f"enormous article ({enormous} chars, under the cap)", "enormous.jsonl",
             jline({"id": "enormous", "text": story("enormous") + "x" * enormous}), {ARTICLE: 1}),
        Case("unparseable and impossible dates", "dates.jsonl",
             b"".join(jline({"id": f"date-{i}", "text": story(f"date-{i}"), "published_at": value})
                      for i, value in enumerate(["2025-13-45", "99999-01-01", "June 5, 99999", "2025-02-30T10:00:00",
                                                 "not a date", "yesterday", 1e20, "2025-06-05"])),
             {ARTICLE: 8}),
        Case("ids with path characters", "path_ids.jsonl",
             b"".join(jline({"id": rid, "text": story(f"path {i}")}) for i, rid in enumerate(
                 ["../../etc/passwd", "/tmp/legalnews-evil", "..\\..\\windows\\system32", "a/b\u0000c", "CON", "x" * 500])),
             {ARTICLE: 6}),
        Case("duplicate texts and ids", "duplicates.jsonl",
             jline({"id": "dup-a", "text": story("dup")}) + jline({"id": "dup-b", "text": story("dup")})
             + jline({"id": "dup-a", "text": story("dup other")}),
             {ARTICLE: 2, DUPLICATE: 1}),
        Case("gzip truncated mid-stream", "truncated.jsonl.gz", truncated_gz[: len(truncated_gz) // 2],
             {ARTICLE: 1, "truncated_input": 1}, exact=False),
        Case("gzip with damaged bytes", "corrupt.jsonl.gz", _corrupt(_gzip_lines(40, "corrupt")),
             {"corrupt_input": 1}, exact=False),
        Case("plain text named .gz", "not_gzip.jsonl.gz", jline({"id": "plain-gz", "text": story("plain-gz")}),
             {ARTICLE: 1}),
        Case("CSV with ragged rows, embedded newlines, NUL", "ragged.csv",
             b"id,title,text,published_at\r\n"
             b"csv-1,Good,\"" + story("csv-1").encode() + b"\",2025-06-05\r\n"
             b"csv-2,Extra,text,2025-06-05,surplus,fields\r\n"
             b"csv-3,Short row\r\n"
             b"\r\n"
             b"csv-4,Multi,\"First line\nsecond \"\"quoted\"\" line " + story("csv-4").encode() + b"\",\r\n"
             b"csv-5,Nul,\"NUL\x00 inside " + story("csv-5").encode() + b"\",\r\n"
             b"csv-6,Stray,He said \"hi\" there to the judge in Maryland on Friday.,\r\n",
             {ARTICLE: 4, "ragged_csv_row": 1, "missing_text": 1}),
        Case("HTML with scripts, styles, comments, entity tricks", "hostile.html", HOSTILE_HTML.encode(),
             {ARTICLE: 1}),
        Case("HTML with no article", "script_only.html",
             b"<html><head><script>var x = 1;</script><style>p{}</style></head><body></body></html>",
             {"no_main_text": 1}),
        Case("empty HTML file", "empty.html", b"", {"no_main_text": 1}),
        Case("HTML page with 60,000 elements", "many_elements.html",
             _html_page("".join(f"<p>{i}</p>" for i in range(60_000))).encode(), {"record_too_large": 1}),
        Case("PNG named .html", "image.html", PNG, {"binary_content": 1}),
        Case("PNG named .txt", "image.txt", PNG, {"binary_content": 1}),
        Case("empty .txt", "empty.txt", b"", {"empty_text": 1}),
        Case("UTF-16 .txt with BOM", "utf16.txt", ("\ufeff" + story("utf16")).encode("utf-16-le"), {ARTICLE: 1}),
        Case("UTF-16 .txt without BOM", "utf16_nobom.txt", story("utf16 no bom").encode("utf-16-be"), {ARTICLE: 1}),
        Case("WARC with non-HTML responses", "crawl.warc", _warc([
            ("https://example.org/story", "text/html; charset=utf-8", _html_page("<p>warc story</p>").encode()),
            ("https://example.org/logo.png", "image/png", PNG),
            ("https://example.org/ruling.pdf", "application/pdf", b"%PDF-1.7\n" + bytes(range(256))),
            ("https://example.org/fake.html", "text/html", PNG),
            ("https://example.org/empty.html", "text/html", b"<html><body><script>var x = 1;</script></body></html>"),
        ]), {ARTICLE: 1, "not_html": 2, "binary_content": 1, "no_main_text": 1}),
        Case("WARC.gz truncated between records", "truncated.warc.gz", between[: len(between) * 6 // 10],
             {ARTICLE: 1, "truncated_input": 1}, exact=False),
        Case("WARC.gz truncated inside a record", "cut_record.warc.gz", inside[: len(inside) * 97 // 100],
             {ARTICLE: 2, "truncated_input": 1}),
        Case("not a WARC at all", "fake.warc", b"not a warc at all\n", {"corrupt_input": 1}),
        Case("JSON array with a non-object", "array.json",
             json.dumps([{"id": "arr-1", "text": story("arr-1")}, 5,
                         {"id": "arr-2", "body": story("arr-2"), "headline": "H"}]).encode(),
             {ARTICLE: 2, "not_an_object": 1}),
        Case("JSON object wrapping a list", "wrapped.json",
             json.dumps({"articles": [{"id": "wrap-1", "text": story("wrap-1")},
                                      {"id": "wrap-2", "content": story("wrap-2")}]}).encode(),
             {ARTICLE: 2}),
        Case("broken JSON file", "broken.json", b'{"text": "x",', {"invalid_json": 1}),
        Case("JSON array with an invalid element", "bad_element.json",
             b'[' + json.dumps({"id": "el-1", "text": story("el-1")}).encode() + b', {"text": "x",,}, '
             + json.dumps({"id": "el-3", "text": story("el-3")}).encode() + b']',
             {ARTICLE: 1, "invalid_json": 1}),
        Case("JSON array cut inside an element", "cut_array.json",
             b'[' + json.dumps({"id": "cut-1", "text": story("cut-1")}).encode() + b', {"id": "cut-2", "text": "The co',
             {ARTICLE: 1, "truncated_input": 1}),
        Case("JSON Lines named .json", "lines.json",
             jline({"id": "jl-1", "text": story("jl-1")}) + jline({"id": "jl-2", "text": story("jl-2")}),
             {ARTICLE: 2}),
    ]


def build(folder: Path, cap: int) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    built = cases(cap)
    for case in built:
        (folder / case.filename).write_bytes(case.content)
    return built


def outcomes(ingestor, path: Path) -> Counter:
    """What each record of `path` became, as counts of article / duplicate / reject reason."""
    seen = Counter()
    before = ingestor.stats.duplicates
    for item in ingestor([path]):
        seen[ARTICLE if item.__class__.__name__ == "Article" else item.reason] += 1
    if ingestor.stats.duplicates - before:
        seen[DUPLICATE] += ingestor.stats.duplicates - before
    return seen


def table(cap: int = 64 * 1024) -> str:
    """The bad inputs and what ingest made of each, as the Markdown table in README.md."""
    from pipeline.ingest import Ingestor, IngestLimits

    lines = ["| bad input | file | outcome (articles, duplicates, rejects by reason) |", "|---|---|---|"]
    with tempfile.TemporaryDirectory() as tmp:
        for case in build(Path(tmp), cap):
            got = outcomes(Ingestor(IngestLimits(max_record_bytes=cap)), Path(tmp) / case.filename)
            lines.append(f"| {case.name} | `{case.filename}` | " + ", ".join(f"{k} {v}" for k, v in sorted(got.items())) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(table())
