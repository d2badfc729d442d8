"""Plain typed records passed between stages and written as table rows.

Every stage takes and returns these dataclasses; none of them holds a spaCy object, so they can
cross process boundaries (workers, Dask) and be written without knowing where they came from.
Field names follow SPEC.md section 4; fields added beyond the SPEC are documented in docs/tables.md.
"""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

ENTITY_LABELS = ("PERSON", "AGENCY", "COURT", "ORGANIZATION", "PLACE", "DATE", "LAW")
EVENT_TYPES = (
    "ARREST_DETAIN", "RELEASE", "TRIAL_HEARING", "CHARGE_INDICT", "SUE", "CONVICT", "SENTENCE",
    "FINE", "EXECUTE", "EXTRADITE", "ACQUIT", "APPEAL", "PARDON", "RULING", "ORDER", "BLOCK",
    "DISMISS", "DEPORT", "RETURN", "ASYLUM_REQUEST",
)
ROLES = ("agent", "subject", "adjudicator", "origin", "destination", "place", "time", "crime", "penalty")
MODALITIES = ("asserted", "reported", "possible", "future")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def content_hash(text: str) -> str:
    """A stable fingerprint of an article's text, used for ids and duplicate detection."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One usable input record; all offsets in later tables index into `text`."""

    article_id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: str | None = None
    published_at_raw: str | None = None
    source_file: str = ""
    record: int = 0
    input_format: str = ""
    content_sha256: str = ""

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Reject:
    """An input record that could not become an article, and why."""

    source_file: str
    line: int
    reason: str
    detail: str = ""
    record_id: str | None = None

    def as_row(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """An entity or date mention with its normalization (SPEC section 2)."""

    article_id: str
    mention_id: str
    label: str
    text: str
    start_char: int
    end_char: int
    sentence_index: int
    canonical: str | None = None
    entity_key: str | None = None
    source_label: str | None = None
    rule: str | None = None
    role: str | None = None
    nationality: str | None = None
    court_id: str | None = None
    country_code: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    timex_type: str | None = None
    value: str | None = None
    citation: str | None = None

    def as_row(self) -> dict[str, Any]:
        return dict(self.__dict__)  # flat fields: a shallow copy is asdict's result, several times faster


@dataclass
class Argument:
    """One participant of an event; `mention_id` links it to the mentions table."""

    role: str
    text: str
    start_char: int
    end_char: int
    mention_id: str | None = None
    canonical: str | None = None
    source: str = "syntax"
    confidence: float = 1.0


@dataclass
class Event:
    """One court action, with its evidence sentence (SPEC section 3)."""

    article_id: str
    event_id: str
    event_type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_index: int
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    rule: str = ""
    arguments: list[Argument] = field(default_factory=list)
    date_value: str | None = None

    def flat(self, role: str) -> str | None:
        """The first argument of `role`, by canonical name where known (for easy querying)."""
        for arg in self.arguments:
            if arg.role == role:
                return arg.canonical or arg.text
        return None

    def as_row(self) -> dict[str, Any]:
        row = dict(self.__dict__)  # asdict, without its deep copies (hot: one call per event row)
        row["arguments"] = [dict(arg.__dict__) for arg in self.arguments]
        for role in ("agent", "subject", "adjudicator", "place", "origin", "destination", "crime", "penalty"):
            row[role] = self.flat(role)
        row["date"] = self.date_value
        row["date_text"] = self.flat("time")
        return row


@dataclass
class ExtractedArticle:
    """What the extraction stages produce for one article."""

    article: Article
    mentions: list[Mention]
    events: list[Event]


def entity_key(label: str, canonical: str) -> str:
    """The key that joins one entity across articles: "PERSON:trina realmuto"."""
    return f"{label}:{canonical.casefold()}"


def mention_id(article_id: str, start: int, end: int, label: str) -> str:
    """Deterministic id, so reruns and workers agree without coordination."""
    return f"{article_id}:{label}:{start}-{end}"


def event_id(article_id: str, start: int, end: int, event_type: str) -> str:
    return f"{article_id}:E{start}-{end}:{event_type}"
