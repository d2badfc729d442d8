"""End to end: `legalnews extract` on a hostile dump accounts for every record and writes only
inside its output folder."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from hostile import ARTICLE, DUPLICATE, build
from pipeline.errors import RejectReason
from pipeline.ingest import IngestLimits, accounting_problems

LEGALNEWS = Path(sys.executable).parent / "legalnews"
CAP = IngestLimits().max_record_bytes


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def snapshot(root: Path, skip: Path) -> dict[str, tuple[int, int]]:
    """Every file under `root` except those under `skip`, with size and mtime."""
    found = {}
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath).resolve() == skip.resolve():
            dirnames[:] = []
            continue
        for name in filenames:
            stat = os.lstat(os.path.join(dirpath, name))
            found[os.path.join(dirpath, name)] = (stat.st_size, stat.st_mtime_ns)
    return found


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-run")
    dump, out, cwd = root / "dump", root / "deep" / "out", root / "cwd"
    cases = build(dump, CAP)
    cwd.mkdir()
    before = snapshot(root, out)
    result = subprocess.run([str(LEGALNEWS), "extract", str(dump), "--out", str(out), "--quiet", "--max-chars", "1000"],
                            capture_output=True, text=True, cwd=cwd, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return {"root": root, "dump": dump, "out": out, "cases": cases, "before": before,
            "after": snapshot(root, out), "manifest": json.loads((out / "manifest.json").read_text())}


def test_run_hostile_read_equals_written_plus_duplicates_plus_rejected(hostile_run):
    counts = hostile_run["manifest"]["counts"]
    out = hostile_run["out"]
    articles, rejects = read_jsonl(out / "articles.jsonl"), read_jsonl(out / "rejects.jsonl")
    assert counts["records_read"] == len(articles) + counts["duplicates"] + len(rejects)
    assert counts["records_read"] == counts["articles"] + counts["duplicates"] + counts["rejects"]
    assert counts["tables"]["articles"] == counts["articles"] == len(articles)
    assert counts["tables"]["rejects"] == counts["rejects"] == len(rejects)
    assert counts["rejects_by_reason"] == dict(Counter(r["reason"] for r in rejects))
    assert counts["balanced"] is True
    assert accounting_problems(counts) == []
    assert counts["duplicates"] == sum(case.expect.get(DUPLICATE, 0) for case in hostile_run["cases"])


def test_run_hostile_every_file_gets_its_expected_outcomes(hostile_run):
    out, dump = hostile_run["out"], hostile_run["dump"]
    got: dict[str, Counter] = {}
    for row in read_jsonl(out / "articles.jsonl"):
        got.setdefault(Path(row["source_file"]).name, Counter())[ARTICLE] += 1
    for row in read_jsonl(out / "rejects.jsonl"):
        got.setdefault(Path(row["source_file"]).name, Counter())[row["reason"]] += 1
    for case in hostile_run["cases"]:
        expected = Counter({k: v for k, v in case.expect.items() if k != DUPLICATE})
        seen = got.get(case.filename, Counter())
        if case.exact:
            assert seen == expected, case.name
        else:
            assert all(seen[k] >= v for k, v in expected.items()), (case.name, seen)
    files = hostile_run["manifest"]["counts"]["files"]
    assert set(files) == {str(dump / case.filename) for case in hostile_run["cases"]}


def test_run_hostile_rejects_are_from_the_catalogue_and_name_their_place(hostile_run):
    reasons = {reason.value for reason in RejectReason}
    rejects = read_jsonl(hostile_run["out"] / "rejects.jsonl")
    assert rejects
    for row in rejects:
        assert row["reason"] in reasons and row["reason"] not in ("reader_failed", "processing_failed"), row
        assert row["source_file"] and row["detail"] and row["line"] is not None


def test_run_hostile_dates_and_truncation_are_counted_in_the_manifest(hostile_run):
    counts = hostile_run["manifest"]["counts"]
    assert counts["unparsed_published_at"] >= 7
    assert counts["articles_truncated"] >= 1
    dated = {a["published_at_raw"]: a["published_at"] for a in read_jsonl(hostile_run["out"] / "articles.jsonl")
             if a["article_id"].startswith("date-")}
    assert dated["2025-13-45"] is None and dated["99999-01-01"] is None and dated["2025-06-05"] == "2025-06-05"


def test_run_hostile_nothing_is_written_outside_the_output_folder(hostile_run):
    before, after, root, out = hostile_run["before"], hostile_run["after"], hostile_run["root"], hostile_run["out"]
    assert after == before
    assert not any(Path(p).name in ("passwd", "legalnews-evil", "system32") for p in after)
    assert not Path("/tmp/legalnews-evil").exists()
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve()) and not path.is_symlink()
    assert {p.name for p in out.iterdir()} >= {"manifest.json", "articles.jsonl", "rejects.parquet"}
    ids = {a["article_id"] for a in read_jsonl(out / "articles.jsonl")}
    assert {"../../etc/passwd", "/tmp/legalnews-evil"} <= ids


def test_run_hostile_offsets_index_into_hostile_texts(hostile_run):
    out = hostile_run["out"]
    texts = {a["article_id"]: a["text"] for a in read_jsonl(out / "articles.jsonl")}
    mentions, events = read_jsonl(out / "mentions.jsonl"), read_jsonl(out / "events.jsonl")
    assert mentions and events
    for m in mentions:
        assert texts[m["article_id"]][m["start_char"]:m["end_char"]] == m["text"]
    for e in events:
        text = texts[e["article_id"]]
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
        for arg in e["arguments"]:
            assert text[arg["start_char"]:arg["end_char"]] == arg["text"]


@pytest.mark.parametrize("change, problem", [
    ({"records_read": 11}, "records_read 11 != articles 6 + duplicates 1 + rejects 3"),
    ({"rejects_by_reason": {"invalid_json": 2}}, "rejects_by_reason sums to 2, rejects is 3"),
    ({"tables": {"articles": 5, "rejects": 3}}, "articles table has 5 rows, counts say 6"),
    ({"tables": {"articles": 6, "rejects": 4}}, "rejects table has 4 rows, counts say 3"),
])
def test_ingest_accounting_problems_names_what_does_not_add_up(change, problem):
    counts = {"records_read": 10, "articles": 6, "duplicates": 1, "rejects": 3,
              "rejects_by_reason": {"invalid_json": 2, "empty_text": 1}, "tables": {"articles": 6, "rejects": 3}}
    assert accounting_problems(counts) == []
    assert accounting_problems({**counts, **change}) == [problem]
