"""Canonical names and the keys that join one entity across articles ("PERSON:trina realmuto")."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..records import entity_key

__all__ = ["entity_key", "strip_article", "canonical_text", "POSSESSIVE"]

POSSESSIVE = ("'s", "’s", "'", "’")  # the token after an owner: "Mexico's", "agents'"

_LEADING_ARTICLE = re.compile(r"^(the|a|an)\s+", re.I)
_SPACES = re.compile(r"\s+")


def strip_article(text: str) -> str:
    return _LEADING_ARTICLE.sub("", text).strip()


def canonical_text(span: Span) -> str:
    """The words of the span, without a leading article or line breaks."""
    return _SPACES.sub(" ", strip_article(span.text))
