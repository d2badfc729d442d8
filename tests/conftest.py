"""Shared fixtures: the real model, loaded once per test session, and paths to shared data."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.config import Settings
from pipeline.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "sample"
SHARED = Path(os.environ.get("LEGALNEWS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def nlp():
    return build_nlp(Settings())


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (gold files, benchmarks, scorer): a user's clone has none, so tests needing it skip."""
    if not (SHARED / "gold" / "dev.jsonl").is_file():
        pytest.skip(f"needs the shared gold files at {SHARED} (absent in a plain clone)")
    return SHARED


def annotate(nlp, text: str, published_at: str | None = None):
    """Run the full pipeline on one text with a publication date, as the extract run does."""
    doc = nlp.make_doc(text)
    doc._.published_at = published_at
    doc._.article_id = "test"
    return nlp(doc)
