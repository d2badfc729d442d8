"""The `legalnews_events` component: court actions, who did what to whom, when and where (SPEC section 3).

For each Doc it builds one `DocContext`, finds the lexicon's triggers (`triggers`, with `guards`),
builds an event for each (`builder`: `roles`, `modality`, `time_place`) and sets `doc._.events` to
the `FoundEvent`s that `collect` turns into Event records. It keeps no per-Doc state.
"""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import register_extensions
from ..resources import ResourceComponent
from .builder import build_event, retype_verdicts
from .groups import (drop_listed_descriptions, name_counted_groups, name_ordinal_newcomers, name_other_groups,
                     name_resolved_descriptions, name_story_groups, name_trial_parties)
from .context import DocContext, people_words
from .lexicon import load_lexicon
from .triggers import TriggerFinder

register_extensions()

__all__ = ["EventExtractor", "make_event_extractor"]


class EventExtractor(ResourceComponent):
    """Trigger lexicon and guards, parse-based arguments, cue-based negation and modality."""

    resource_folders = ("events", "tense")

    def __init__(self, nlp: Language, name: str, models_dir: str | Path = ""):
        self.vocab = nlp.vocab
        super().__init__(name, models_dir)

    def load_resources(self, folder: Path) -> None:
        self.lexicon = load_lexicon(folder / "events")
        self.triggers = TriggerFinder(self.vocab, self.lexicon)
        self.people_words = people_words(self.lexicon)

    def __call__(self, doc: Doc) -> Doc:
        self.require_resources()
        ctx = DocContext.build(doc, self.lexicon, self.people_words)
        found = []
        for trigger in self.triggers(doc, ctx):
            for reading in trigger.readings():
                event = build_event(reading, ctx)
                if event is not None:
                    found.append((reading.entry, event))
        named = name_story_groups(name_counted_groups(retype_verdicts(found, ctx), ctx), ctx)
        named = name_other_groups(name_ordinal_newcomers(named, ctx), ctx)
        doc._.events = name_trial_parties(name_resolved_descriptions(drop_listed_descriptions(named, ctx)), ctx)
        return doc


@Language.factory("legalnews_events", assigns=["doc._.events"], default_config={"models_dir": ""})
def make_event_extractor(nlp: Language, name: str, models_dir: str) -> EventExtractor:
    return EventExtractor(nlp, name, models_dir)
