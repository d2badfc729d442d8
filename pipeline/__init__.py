"""legalnews: legal-news article dumps in, court-action event records out."""
from __future__ import annotations

from .config import Settings
from .records import Argument, Article, Event, ExtractedArticle, Mention, Reject

__all__ = ["Settings", "Article", "Reject", "Mention", "Event", "Argument", "ExtractedArticle", "load_run"]


def __getattr__(name: str):
    """`pipeline.load_run` without importing DuckDB and pandas into every worker that imports the package."""
    if name == "load_run":
        from .api import load_run

        return load_run
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
