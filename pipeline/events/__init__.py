"""Court-actions stage: who did what to whom, when and where (SPEC section 3).

The package follows the steps of the task:
1. `triggers`: trigger candidates from the lexicon (`models/events/triggers.jsonl`: lemmas with a
   part of speech, or token patterns for multi-word triggers), each filtered by a named guard
   (`guards`) that reads the parse to tell senses apart;
2. `roles` (with `participants`, `arguments`, `time_place`): roles from the dependency parse, with
   pronouns and descriptions resolved to named people by `coref.Resolver`; which rules apply is
   said by the event type's entry in `models/events/types.json` (`lexicon.EventType`);
3. `modality`: `negated` and `modality` from cue words (`models/events/cues.json`).
`component` runs them per Doc with one `context.DocContext` and puts typed `found.FoundEvent`s in
`doc._.events`, which `collect` turns into Event records.
"""
from .component import EventExtractor, make_event_extractor
from .context import DocContext
from .found import FoundArgument, FoundEvent
from .guards import GUARDS, guard
from .lexicon import EventType, Lexicon, LexiconError, TriggerEntry, load_lexicon
from .triggers import Trigger, TriggerFinder

__all__ = ["EventExtractor", "make_event_extractor", "DocContext", "FoundArgument", "FoundEvent", "GUARDS", "guard",
           "EventType", "Lexicon", "LexiconError", "TriggerEntry", "load_lexicon", "Trigger", "TriggerFinder"]
