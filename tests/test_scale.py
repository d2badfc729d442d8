"""Scale: partitions are bounded, and every engine and worker count writes the same tables as one
worker, byte for byte; two runs of the same input give identical JSONL."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, SAMPLE
from pipeline.config import Settings
from pipeline.ingest import Ingestor
from pipeline.run import Done, Planner, extract
from pipeline.writers import SCHEMAS

LEGALNEWS = Path(sys.executable).parent / "legalnews"
PART_SIZE = 4


def jsonl_bytes(out: Path) -> dict[str, bytes]:
    return {name: (out / f"{name}.jsonl").read_bytes() for name in SCHEMAS}


def parquet_rows(out: Path) -> dict[str, list[dict]]:
    return {name: pq.read_table(out / f"{name}.parquet").to_pylist() for name in SCHEMAS}


@pytest.fixture(scope="module")
def one_worker(nlp, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("one-worker")
    extract([SAMPLE], out, Settings(part_size=PART_SIZE), nlp=nlp)
    return out


def test_scale_two_runs_give_byte_identical_jsonl(nlp, one_worker, tmp_path):
    extract([SAMPLE], tmp_path, Settings(part_size=PART_SIZE), nlp=nlp)
    assert jsonl_bytes(tmp_path) == jsonl_bytes(one_worker)
    assert all(json.loads(line) for line in (one_worker / "mentions.jsonl").read_text().splitlines())
    assert b"started_at" not in b"".join(jsonl_bytes(one_worker).values())


def test_scale_partition_size_does_not_change_the_tables(nlp, one_worker, tmp_path):
    extract([SAMPLE], tmp_path, Settings(part_size=1000, batch_size=7), nlp=nlp)
    assert jsonl_bytes(tmp_path) == jsonl_bytes(one_worker)


def test_scale_two_worker_processes_write_the_same_tables_as_one(one_worker, tmp_path):
    result = subprocess.run([str(LEGALNEWS), "extract", str(SAMPLE), "--out", str(tmp_path), "--quiet",
                             "--part-size", str(PART_SIZE), "--workers", "2"],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert jsonl_bytes(tmp_path) == jsonl_bytes(one_worker)
    assert parquet_rows(tmp_path) == parquet_rows(one_worker)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["settings"]["workers"] == 2
    assert "legalnews_events" in manifest["model"]["pipeline"]


def test_scale_dask_local_cluster_writes_the_same_tables_as_the_local_engine(one_worker, tmp_path):
    pytest.importorskip("distributed")
    summary = extract([SAMPLE], tmp_path, Settings(part_size=PART_SIZE, engine="dask", workers=2))
    assert summary.manifest["counts"]["incremental"]["parts"] >= 5
    assert jsonl_bytes(tmp_path) == jsonl_bytes(one_worker)
    assert parquet_rows(tmp_path) == parquet_rows(one_worker)


def test_scale_partitions_are_bounded_and_split_by_file(tmp_path):
    big = "\n".join(json.dumps({"id": f"a{i}", "text": f"Article number {i} about a court."}) for i in range(10))
    (tmp_path / "big.jsonl").write_text(big + "\n", encoding="utf-8")
    for name in ("c1", "c2", "c3"):
        (tmp_path / f"{name}.txt").write_text(f"A small page {name} about a judge.", encoding="utf-8")
    planner = Planner(Ingestor(), Settings(part_size=4), 0, Done())
    partitions = list(planner([tmp_path]))
    assert [p.index for p in partitions] == list(range(len(partitions)))
    assert [p.records for p in partitions] == [4, 4, 2, 3]
    assert [[Path(f).name for f in p.files] for p in partitions] == [
        ["big.jsonl"], ["big.jsonl"], ["big.jsonl"], ["c1.txt", "c2.txt", "c3.txt"]]
    assert len({p.fingerprint for p in partitions}) == len(partitions)
    again = list(Planner(Ingestor(), Settings(part_size=4), 0, Done())([tmp_path]))
    assert [p.fingerprint for p in again] == [p.fingerprint for p in partitions]


def test_scale_fingerprint_follows_what_changes_the_rows(tmp_path):
    (tmp_path / "a.txt").write_text("A judge ruled on Monday.", encoding="utf-8")

    def fingerprint(settings: Settings, generation: int = 0) -> str:
        return next(iter(Planner(Ingestor(), settings, generation, Done())([tmp_path]))).fingerprint

    base = fingerprint(Settings())
    assert fingerprint(Settings(workers=2, batch_size=3, engine="dask")) == base
    assert fingerprint(Settings(max_chars=5000)) != base
    assert fingerprint(Settings(), generation=1) != base
    (tmp_path / "a.txt").write_text("A judge ruled on Tuesday.", encoding="utf-8")
    assert fingerprint(Settings()) != base


def test_scale_dask_engine_runs_on_a_scheduler_given_by_address(nlp, tmp_path):
    distributed = pytest.importorskip("distributed")
    local = tmp_path / "local"
    extract([SAMPLE / "txt"], local, Settings(part_size=2), nlp=nlp)
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        summary = extract([SAMPLE / "txt"], tmp_path / "dask",
                          Settings(part_size=2, engine="dask", scheduler=cluster.scheduler_address))
    assert summary.manifest["settings"]["scheduler"].startswith("tcp://")
    assert jsonl_bytes(tmp_path / "dask") == jsonl_bytes(local)
