"""What a spaCy token pattern needs of a text, shared by the rule components that skip the
Matcher where a pattern cannot match (`entities.AnchoredSpanRuler`, the events trigger Matcher)."""
from __future__ import annotations

REQUIRED_OPS = (None, "1", "+")  # a token with one of these operators must be in every match
WORD_ATTRS = {"LEMMA": "LEMMA", "LOWER": "LOWER", "ORTH": "ORTH", "TEXT": "ORTH"}


def required_words(pattern: list[dict],
                   attrs: tuple[str, ...] = ("LEMMA", "LOWER", "ORTH")) -> list[tuple[str, frozenset[str]]]:
    """(attribute, words) for each required token of `pattern` testing one of `attrs` (TEXT read as
    ORTH) against a word or an `IN` list: a text with none of those words cannot match the pattern."""
    found = []
    for spec in pattern:
        if spec.get("OP") not in REQUIRED_OPS:
            continue
        for key, value in spec.items():
            attr = WORD_ATTRS.get(key)
            if attr not in attrs:
                continue
            if isinstance(value, dict) and set(value) == {"IN"}:
                value = value["IN"]
            if isinstance(value, str):
                value = [value]
            if isinstance(value, list):
                found.append((attr, frozenset(value)))
    return found
