"""Where a component's knowledge lives, and how it travels with a saved pipeline.

Every project component reads its lexicons, gazetteers and patterns from one folder, the project's
`models/` unless a run says otherwise, named by one setting, `models_dir`, in every factory. The
component declares which subfolders it reads (`resource_folders`); `to_disk` copies them into the
component's folder of a saved pipeline and `from_disk` rebuilds the component from that copy, so
`nlp.to_disk(path)` followed by a bare `spacy.load(path)` in another process gives the same output,
as spaCy's own `SpanRuler` does with its patterns.
"""
from __future__ import annotations

import shutil
from pathlib import Path
from typing import ClassVar, Iterable

from .config import MODELS_DIR
from .errors import ResourcesMissing

__all__ = ["MODELS_DIR", "models_dir", "ResourceComponent"]


def models_dir(setting: str | Path | None = None) -> Path:
    """The folder a `models_dir` setting names; empty or None means the project's own `models/`."""
    return Path(setting) if setting else MODELS_DIR


class ResourceComponent:
    """Base of the project's components whose state is built from files under `models_dir`.

    A subclass lists the subfolders it reads in `resource_folders` and builds all file-derived
    state in `load_resources(folder)`. The constructor loads from the configured folder when it
    exists; a pipeline loaded from disk is filled by `from_disk` instead, so a saved pipeline
    needs no `models/` folder beside it.
    """

    resource_folders: ClassVar[tuple[str, ...]] = ()
    name: str

    def __init__(self, name: str, models_dir_setting: str | Path | None = ""):
        self.name = name
        self.models_dir = models_dir(models_dir_setting)
        self.resources_loaded = False
        if all((self.models_dir / sub).is_dir() for sub in self.resource_folders):
            self.load_resources(self.models_dir)
            self.resources_loaded = True

    def load_resources(self, folder: Path) -> None:
        """Build the component's state from `folder`, laid out like `models/`."""
        raise NotImplementedError

    def require_resources(self) -> None:
        """Fail clearly when the component runs before any resources were loaded."""
        if not self.resources_loaded:
            raise ResourcesMissing(self.name, self.models_dir, self.resource_folders)

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for sub in self.resource_folders:
            target = path / sub
            if target.exists():
                shutil.rmtree(target)
            shutil.copytree(self.models_dir / sub, target)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ResourceComponent":
        path = Path(path)
        self.models_dir = path
        self.load_resources(path)
        self.resources_loaded = True
        return self
