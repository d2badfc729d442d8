"""Court-actions stage: event triggers from a lemma lexicon, arguments from the dependency parse."""
from __future__ import annotations

from pathlib import Path

import srsly
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .extensions import register_extensions

register_extensions()


def load_lexicon(path: Path) -> list[dict]:
    """Trigger entries: {"id", "type", "lemma" | "pattern", "pos"}."""
    return list(srsly.read_jsonl(path))


def entity_of(token: Token) -> Span | None:
    doc = token.doc
    for ent in doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def argument(role: str, token: Token) -> dict:
    ent = entity_of(token)
    if ent is not None:
        return {"role": role, "text": ent.text, "start_char": ent.start_char, "end_char": ent.end_char,
                "mention_start": ent.start_char, "mention_end": ent.end_char, "mention_label": ent.label_,
                "canonical": ent._.canonical}
    phrase = token.doc[token.left_edge.i: token.right_edge.i + 1]
    return {"role": role, "text": phrase.text, "start_char": phrase.start_char, "end_char": phrase.end_char,
            "canonical": None}


class EventExtractor:
    def __init__(self, nlp: Language, name: str, lexicon: list[dict]):
        self.name = name
        self.matcher = Matcher(nlp.vocab)
        self.types: dict[str, str] = {}
        for entry in lexicon:
            pattern = entry.get("pattern") or [{"LEMMA": entry["lemma"], "POS": {"IN": entry.get("pos", ["VERB"])}}]
            self.matcher.add(entry["id"], [pattern])
            self.types[entry["id"]] = entry["type"]

    def __call__(self, doc: Doc) -> Doc:
        events = []
        for match_id, start, end in self.matcher(doc):
            rule = doc.vocab.strings[match_id]
            trigger = doc[start:end]
            head = trigger.root
            args = []
            for child in head.children:
                if child.dep_ == "nsubj":
                    args.append(argument("agent", child))
                elif child.dep_ in ("dobj", "nsubjpass"):
                    args.append(argument("subject", child))
                elif child.dep_ == "prep" and child.lower_ == "to":
                    args.extend(argument("destination", g) for g in child.children if g.dep_ == "pobj")
            events.append({"event_type": self.types[rule], "trigger_start": trigger.start_char,
                           "trigger_end": trigger.end_char, "negated": any(c.dep_ == "neg" for c in head.children),
                           "modality": "asserted", "confidence": 0.5, "rule": rule, "arguments": args})
        doc._.events = events
        return doc


@Language.factory("legalnews_events", assigns=["doc._.events"],
                  default_config={"lexicon": "events/triggers.jsonl", "models_dir": ""})
def make_event_extractor(nlp: Language, name: str, lexicon: str, models_dir: str) -> EventExtractor:
    return EventExtractor(nlp, name, load_lexicon(Path(models_dir) / lexicon))
