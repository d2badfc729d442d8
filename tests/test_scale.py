"""Scale: partitions are bounded, and every engine and worker count writes the same tables as one
worker, byte for byte; two runs of the same input give identical JSONL."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
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


# --- worker counts (issue 18): `--workers auto` by default, and work for every worker -----------

def cli_extract(dump: Path, out: Path, *extra: str) -> dict:
    result = subprocess.run([str(LEGALNEWS), "extract", str(dump), "--out", str(out), "--quiet", *extra],
                            capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads((out / "manifest.json").read_text())


def all_jsonl(out: Path) -> dict[str, bytes]:
    """Every table file a run writes as JSON Lines, stories included."""
    return {path.name: path.read_bytes() for path in sorted(out.glob("*.jsonl"))}


@pytest.fixture(scope="module")
def default_part_size_one_worker(nlp, tmp_path_factory) -> Path:
    """The sample with the default part size (one partition for 1 worker), in this process."""
    out = tmp_path_factory.mktemp("one-worker-default-parts")
    summary = extract([SAMPLE], out, Settings(workers=1), nlp=nlp)
    assert summary.manifest["counts"]["incremental"]["parts"] == 1
    return out


@pytest.mark.parametrize("workers", ["2", None], ids=["workers-2", "workers-auto-default"])
def test_scale_worker_counts_write_identical_table_files(default_part_size_one_worker, tmp_path, workers):
    manifest = cli_extract(SAMPLE, tmp_path, *(["--workers", workers] if workers else []))
    assert all_jsonl(tmp_path) == all_jsonl(default_part_size_one_worker)
    assert set(all_jsonl(tmp_path)) == {f"{name}.jsonl" for name in SCHEMAS}  # the four tables and stories
    resolved = manifest["workers"]["resolved"]
    assert manifest["settings"]["workers"] == resolved  # an int: rerunning with it reproduces the run
    assert manifest["workers"]["requested"] == (int(workers) if workers else "auto")
    if resolved > 1:  # the 38 records are spread over the workers instead of one 256-record partition
        assert manifest["counts"]["incremental"]["parts"] >= resolved
    if workers is None:
        assert 1 <= resolved <= manifest["workers"]["usable_cores"]


def test_scale_auto_workers_resolve_to_cores_capped_by_memory(monkeypatch):
    from pipeline import config

    monkeypatch.setattr(config, "usable_cores", lambda: 8)
    monkeypatch.setattr(config, "workers_memory_allows", lambda per_worker_mb=0: 3)
    assert config.resolve_workers("auto").resolved == 3
    monkeypatch.setattr(config, "workers_memory_allows", lambda per_worker_mb=0: 0)
    assert config.resolve_workers("auto").resolved == 1
    monkeypatch.setattr(config, "workers_memory_allows", lambda per_worker_mb=0: None)
    assert config.resolve_workers("auto").resolved == 8
    assert config.resolve_workers(2).resolved == 2
    assert Settings().workers == "auto"


def test_scale_rerun_with_another_worker_count_appends_nothing(nlp, default_part_size_one_worker, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(default_part_size_one_worker, out)
    summary = extract([SAMPLE], out, Settings(workers=2))  # made with 1 worker, rerun with 2
    incremental = summary.manifest["counts"]["incremental"]
    assert (incremental["mode"], incremental["articles_processed"], incremental["parts"]) == ("append", 0, 0)
    assert all_jsonl(out) == all_jsonl(default_part_size_one_worker)
    summary = extract([SAMPLE], out, Settings(workers=1), nlp=nlp)  # and back to 1
    assert summary.manifest["counts"]["incremental"]["articles_processed"] == 0
    assert all_jsonl(out) == all_jsonl(default_part_size_one_worker)


def records_dump(folder: Path, n: int) -> Path:
    folder.mkdir(exist_ok=True)
    (folder / "dump.jsonl").write_text("".join(json.dumps({"id": f"a{i}", "text": f"Article {i} about a court."}) + "\n"
                                               for i in range(n)), encoding="utf-8")
    return folder


def plan(dump: Path, part_size: int, workers: int) -> list[int]:
    return [p.records for p in Planner(Ingestor(), Settings(part_size=part_size), 0, Done(), workers=workers)([dump])]


def test_scale_planner_gives_every_worker_several_partitions_of_a_small_dump(tmp_path):
    dump = records_dump(tmp_path, 170)
    assert plan(dump, 256, 1) == [170]
    assert plan(dump, 256, 2) == [22, 22, 21, 21, 21, 21, 21, 21]
    assert plan(dump, 256, 4) == [11] * 10 + [10] * 6
    assert plan(dump, 256, 64) == [9, 9] + [8] * 19  # never below 8 records a partition
    assert plan(records_dump(tmp_path / "tiny", 3), 256, 2) == [3]


def test_scale_planner_keeps_full_partitions_and_cuts_the_tail_of_a_big_dump(tmp_path):
    sizes = plan(records_dump(tmp_path, 1000), 100, 2)
    assert sum(sizes) == 1000 and max(sizes) <= 100
    assert sizes[:6] == [100] * 6  # full partitions while more input follows
    assert sizes[6:] == [50] * 8  # the last 2 * workers * part_size records: 4 partitions per worker


def test_scale_planner_cut_keeps_input_order(tmp_path):
    dump = records_dump(tmp_path, 170)
    for workers in (1, 2, 3):
        partitions = list(Planner(Ingestor(), Settings(part_size=50), 0, Done(), workers=workers)([dump]))
        assert [a.article_id for p in partitions for a in p.articles] == [f"a{i}" for i in range(170)]
        assert [p.index for p in partitions] == list(range(len(partitions)))


@pytest.fixture
def dask_cluster(tmp_path):
    """A `dask scheduler` and two `dask worker` processes on localhost, started as a user would on a
    cluster (separate commands, one thread each); skips when they cannot be started."""
    pytest.importorskip("distributed")
    dask = Path(sys.executable).parent / "dask"
    if not dask.exists():
        pytest.skip("no `dask` command in this environment")
    scheduler_file = tmp_path / "scheduler.json"
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    procs: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> None:
        with open(logs / f"{name}.log", "wb") as log:
            procs.append(subprocess.Popen([str(dask), *args], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT))

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
              "--scheduler-file", str(scheduler_file))
        deadline = time.monotonic() + 60
        while not scheduler_file.exists() and time.monotonic() < deadline and procs[0].poll() is None:
            time.sleep(0.2)
        if not scheduler_file.exists():
            pytest.skip("`dask scheduler` did not start: " + (logs / "scheduler.log").read_text()[-500:])
        for i in range(2):
            start(f"worker-{i}", "worker", "--scheduler-file", str(scheduler_file), "--nthreads", "1",
                  "--no-dashboard", "--host", "127.0.0.1", "--local-directory", str(tmp_path / f"w{i}"))
        address = json.loads(scheduler_file.read_text())["address"]
        from distributed import Client

        with Client(address, timeout="30s") as client:
            try:
                client.wait_for_workers(2, timeout=90)
            except TimeoutError:
                pytest.skip("the `dask worker` processes did not join the scheduler")
        yield address
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


def test_scale_dask_scheduler_and_workers_started_as_commands_write_the_same_tables(
        dask_cluster, default_part_size_one_worker, tmp_path):
    summary = extract([SAMPLE], tmp_path / "dask", Settings(engine="dask", scheduler=dask_cluster))
    workers = summary.manifest["workers"]
    assert workers["engine_slots"] == 2 and workers["planned_for"] == 2  # the cluster's threads, not --workers
    assert summary.manifest["counts"]["incremental"]["parts"] >= 2
    assert all_jsonl(tmp_path / "dask") == all_jsonl(default_part_size_one_worker)
    assert parquet_rows(tmp_path / "dask") == parquet_rows(default_part_size_one_worker)
