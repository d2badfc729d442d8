"""What the events component puts in `doc._.events`: typed results that `collect` turns into records.

Offsets are characters of the Doc's text. `mention_start`/`mention_end` link an argument to the entity
mention it names (None when it names none); a pronoun written as its antecedent keeps the pronoun's
offsets in `anaphor_start`/`anaphor_end`; `inferred` marks an argument taken from elsewhere in the
article than the trigger's sentence (the article's only judge, the subject of an earlier mention).
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["FoundArgument", "FoundEvent"]


@dataclass(frozen=True, slots=True)
class FoundArgument:
    """One participant, time or place of a found event."""

    role: str
    text: str
    start_char: int
    end_char: int
    canonical: str | None = None
    mention_start: int | None = None
    mention_end: int | None = None
    anaphor_start: int | None = None
    anaphor_end: int | None = None
    inferred: bool = False


@dataclass(frozen=True, slots=True)
class FoundEvent:
    """One court action found in a Doc: its trigger, type, attributes, rule and arguments."""

    event_type: str
    trigger: str
    trigger_start: int
    trigger_end: int
    negated: bool
    modality: str
    confidence: float
    rule: str
    arguments: tuple[FoundArgument, ...] = field(default_factory=tuple)
