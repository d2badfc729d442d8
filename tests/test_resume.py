"""Crash safety and incremental runs: `legalnews extract` killed with SIGKILL at any point and rerun
ends with the tables of an uninterrupted run; a rerun on a grown dump appends only new articles."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, SAMPLE
from pipeline.config import Settings
from pipeline.parts import STATE_DIR, IncompatibleRun
from pipeline.run import extract
from pipeline.writers import SCHEMAS

LEGALNEWS = Path(sys.executable).parent / "legalnews"
TABLES = (*SCHEMAS,)  # articles, mentions, events, rejects, stories
PART_SIZE = 3


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def tables(out: Path) -> dict[str, tuple[bytes, list[dict]]]:
    """Each table's JSONL bytes and Parquet rows: what two runs must agree on."""
    return {name: ((out / f"{name}.jsonl").read_bytes(), pq.read_table(out / f"{name}.parquet").to_pylist())
            for name in TABLES}


def command(dump: Path, out: Path, *extra: str) -> list[str]:
    return [str(LEGALNEWS), "extract", str(dump), "--out", str(out), "--quiet", "--part-size", str(PART_SIZE), *extra]


def committed_parts(out: Path) -> int:
    parts = out / STATE_DIR / "parts"
    return sum(1 for p in parts.iterdir() if p.name.startswith("p")) if parts.is_dir() else 0


def kill_when(cmd: list[str], ready: Callable[[], bool], timeout: float = 120) -> bool:
    """Start `cmd`, SIGKILL it as soon as `ready()` holds; True if it was killed, False if it finished first."""
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if ready():
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.005)
        return proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()


def run_cli(cmd: list[str]) -> None:
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


@pytest.fixture(scope="module")
def dump(tmp_path_factory) -> Path:
    """The bundled sample (JSON Lines, CSV, TXT, HTML, WARC): a multi-file dump."""
    target = tmp_path_factory.mktemp("resume") / "dump"
    shutil.copytree(SAMPLE, target, ignore=shutil.ignore_patterns("README.md"))
    return target


@pytest.fixture(scope="module")
def reference(dump, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("uninterrupted") / "out"
    run_cli(command(dump, out))
    return out


def test_resume_killed_runs_end_with_the_tables_of_an_uninterrupted_run(dump, reference, tmp_path):
    out = tmp_path / "out"
    cmd = command(dump, out)
    total = json.loads((reference / "manifest.json").read_text())["counts"]["incremental"]["parts"]
    assert total >= 6, "enough partitions to kill between them"
    assert kill_when(cmd, lambda: (out / STATE_DIR).is_dir())  # while loading the model
    assert not (out / "articles.jsonl").exists()
    for more in (1, 2):
        start = committed_parts(out)
        assert kill_when(cmd, lambda: committed_parts(out) >= start + more)  # between or inside parts
    kept = {p.name: (p / "meta.json").stat().st_mtime_ns for p in (out / STATE_DIR / "parts").glob("p*")}
    assert len(kept) >= 3
    if kill_when(cmd, lambda: (out / STATE_DIR / "publish").is_dir()):  # inside the publish step, when caught
        still_there = {name: mtime for name, mtime in kept.items()
                       if (out / STATE_DIR / "parts" / name / "meta.json").exists()}
        assert all((out / STATE_DIR / "parts" / name / "meta.json").stat().st_mtime_ns == mtime
                   for name, mtime in still_there.items()), "committed parts are reused, not redone"
    else:
        assert json.loads((out / "manifest.json").read_text())["counts"]["incremental"]["parts_reused"] >= len(kept)
    run_cli(cmd)
    assert tables(out) == tables(reference)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["balanced"] is True
    assert manifest["counts"]["tables"] == json.loads((reference / "manifest.json").read_text())["counts"]["tables"]
    assert not list(out.glob("*.partial"))
    assert sorted(p.name for p in (out / STATE_DIR).iterdir()) == ["lock", "parts", "state.json"]


def test_resume_killed_run_with_worker_processes_ends_with_the_same_tables(dump, reference, tmp_path):
    out = tmp_path / "out"
    cmd = command(dump, out, "--workers", "2")
    assert kill_when(cmd, lambda: committed_parts(out) >= 2)
    run_cli(cmd)
    assert tables(out) == tables(reference)


def test_resume_killed_run_resumed_with_another_worker_count_reuses_its_parts(dump, reference, tmp_path):
    """The partition plan depends on the worker count; a rerun keeps the plan of the parts it finds."""
    out = tmp_path / "out"
    assert kill_when(command(dump, out, "--workers", "2"), lambda: committed_parts(out) >= 2)
    kept = committed_parts(out)
    run_cli(command(dump, out, "--workers", "1"))
    assert tables(out) == tables(reference)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["incremental"]["parts_reused"] >= kept
    assert manifest["workers"]["planned_for"] == 2 and manifest["workers"]["resolved"] == 1
    assert not (out / STATE_DIR / "plan.json").exists()


def test_resume_rerun_of_a_finished_run_changes_nothing(dump, reference, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(reference, out)
    run_cli(command(dump, out))
    assert tables(out) == tables(reference)
    incremental = json.loads((out / "manifest.json").read_text())["counts"]["incremental"]
    assert incremental["articles_processed"] == 0
    assert incremental["articles_already_in_tables"] == len(read_jsonl(reference / "articles.jsonl"))


@pytest.mark.parametrize("moved_before_crash", [0, 6, 12, 13, 17, 24])
def test_resume_publish_interrupted_after_any_file_is_finished_by_the_rerun(nlp, tmp_path, monkeypatch,
                                                                             moved_before_crash):
    dump = tmp_path / "dump"
    shutil.copytree(SAMPLE / "txt", dump)
    settings = Settings(part_size=2)
    extract([dump], tmp_path / "reference", settings, nlp=nlp)
    out = tmp_path / "out"
    real_replace, moved = os.replace, []

    def crashing_replace(src, dst):
        if f"{STATE_DIR}/publish" in str(src):
            if len(moved) == moved_before_crash:
                raise KeyboardInterrupt("killed while publishing")
            moved.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", crashing_replace)
    with pytest.raises(KeyboardInterrupt):
        extract([dump], out, settings, nlp=nlp)
    monkeypatch.setattr(os, "replace", real_replace)
    extract([dump], out, settings, nlp=nlp)
    assert tables(out) == tables(tmp_path / "reference")


def test_resume_grown_dump_appends_only_new_articles(nlp, tmp_path):
    dump = tmp_path / "dump"
    dump.mkdir()
    shutil.copy(SAMPLE / "articles.jsonl", dump / "articles.jsonl")
    settings = Settings(part_size=4)
    out = tmp_path / "out"
    extract([dump], out, settings, nlp=nlp)
    before = tables(out)
    shutil.copytree(SAMPLE / "txt", dump / "txt")
    with open(dump / "articles.jsonl", "a", encoding="utf-8") as fp:
        fp.write(json.dumps({"id": "appended", "published_at": "2025-06-05",
                             "text": "A federal judge in Maryland ordered the government to return the man."}) + "\n")

    summary = extract([dump], out, settings, nlp=nlp)

    incremental = summary.manifest["counts"]["incremental"]
    assert incremental["articles_processed"] == len(list((SAMPLE / "txt").iterdir())) + 1
    after = tables(out)
    for name in ("articles", "mentions", "events", "rejects"):
        old_bytes, old_rows = before[name]
        new_bytes, new_rows = after[name]
        assert new_bytes.startswith(old_bytes), f"{name}: the first run's rows stay as they were"
        assert new_rows[:len(old_rows)] == old_rows
    fresh = tmp_path / "fresh"
    extract([dump], fresh, settings, nlp=nlp)
    for name in ("articles", "mentions", "events", "rejects"):
        assert sorted(map(json.dumps, after[name][1])) == sorted(map(json.dumps, tables(fresh)[name][1])), name
    assert summary.manifest["counts"]["balanced"] is True


def test_resume_force_reprocesses_everything(nlp, tmp_path):
    dump = tmp_path / "dump"
    shutil.copytree(SAMPLE / "txt", dump)
    out = tmp_path / "out"
    extract([dump], out, Settings(part_size=2), nlp=nlp)
    summary = extract([dump], out, Settings(part_size=2, force=True), nlp=nlp)
    assert summary.manifest["counts"]["incremental"]["articles_processed"] == len(list(dump.iterdir()))
    fresh = tmp_path / "fresh"
    extract([dump], fresh, Settings(part_size=2), nlp=nlp)
    assert tables(out) == tables(fresh)


def test_resume_refuses_to_append_with_other_output_settings(nlp, tmp_path):
    dump = tmp_path / "dump"
    shutil.copytree(SAMPLE / "txt", dump)
    out = tmp_path / "out"
    extract([dump], out, Settings(), nlp=nlp)
    with pytest.raises(IncompatibleRun, match="--force"):
        extract([dump], out, Settings(max_chars=5000), nlp=nlp)


def test_resume_another_dump_replaces_the_tables_instead_of_appending(nlp, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    shutil.copytree(SAMPLE / "txt", first)
    shutil.copytree(SAMPLE / "html", second)
    out = tmp_path / "out"
    extract([first], out, Settings(), nlp=nlp)
    summary = extract([second], out, Settings(), nlp=nlp)
    assert summary.manifest["counts"]["incremental"]["mode"] == "new"
    extract([second], tmp_path / "fresh", Settings(), nlp=nlp)
    assert tables(out) == tables(tmp_path / "fresh")
