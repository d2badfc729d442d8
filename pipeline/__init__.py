"""legalnews: legal-news article dumps in, court-action event records out."""
from __future__ import annotations

from .config import Settings
from .records import Argument, Article, Event, ExtractedArticle, Mention, Reject

__all__ = ["Settings", "Article", "Reject", "Mention", "Event", "Argument", "ExtractedArticle"]
