"""What the events component puts in `doc._.events`: typed results that `collect` turns into records.

Offsets are characters of the Doc's text. `mention_start`/`mention_end` link an argument to the entity
mention it names (None when it names none); a pronoun written as its antecedent keeps the pronoun's
offsets in `anaphor_start`/`anaphor_end`; `source` says how the argument was found: `syntax` (the
trigger's parse), `coreference` (a pronoun or description resolved to a name) or `article` (taken
from elsewhere in the article: the article's only judge or court, the judge of the decision a re-mention
takes up, the subject of an earlier mention).
"""
from __future__ import annotations

from dataclasses import astuple, dataclass, field

import srsly

__all__ = ["FoundArgument", "FoundEvent", "ARGUMENT_SOURCES"]

ARGUMENT_SOURCES = ("syntax", "coreference", "article", "model")

MSGPACK_KEY = "__legalnews_found_event__"


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
    source: str = "syntax"
    confidence: float = 1.0


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


def encode_found_event(obj, chain=None):
    """msgpack encoder: `Doc.to_bytes` (and `nlp.pipe` with n_process > 1) carry `doc._.events`."""
    if isinstance(obj, FoundEvent):
        return {MSGPACK_KEY: [*astuple(obj)[:-1], [list(astuple(a)) for a in obj.arguments]]}
    return obj if chain is None else chain(obj)


def decode_found_event(obj, chain=None):
    if isinstance(obj, dict) and MSGPACK_KEY in obj:
        *head, arguments = obj[MSGPACK_KEY]
        return FoundEvent(*head, tuple(FoundArgument(*a) for a in arguments))
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("legalnews_found_event", func=encode_found_event)
srsly.msgpack_decoders.register("legalnews_found_event", func=decode_found_event)
