"""Expressions the model leaves out: weekdays, dated months, holidays, sets ("every Monday", "twice a
year"), chains ("the following week") and duration adjectives ("weeklong"); under the TimeML
guidelines also counted durations ("two more weeks") and vague references ("now", "recently")."""
from __future__ import annotations

import re
from typing import NamedTuple

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from .tables import RECURRING_KINDS, DateTables

__all__ = ["Candidate", "MissingDates", "calendar_span"]

_NUMERIC_DATE = re.compile(r"[0-3]?\d([/.])[0-3]?\d\1(?:1\d{3}|20\d{2}|\d{2})")


class Candidate(NamedTuple):
    """A DATE span to resolve, with the model's label it came from and the rule that added it."""

    span: Span
    source: str | None
    rule: str | None


def calendar_span(tables: DateTables, doc: Doc, i: int, taken: set[int]) -> Span | None:
    """A capitalized weekday ("Thursday", "Wednesday's") or a month with a day or year ("Nov. 25",
    "March 2019"), a set ("every morning", "twice a year") or a hyphenated duration ("decade-long")
    that the model did not label: unambiguous, so added as DATE."""
    tok = doc[i]
    lower = tok.lower_
    if lower in ("every", "each") and i + 1 < len(doc) and i + 1 not in taken and any(
            doc[i + 1].lower_ in tables.words[kind] for kind in RECURRING_KINDS):
        return doc[i:i + 2]
    if lower in ("once", "twice", "times") and i + 2 < len(doc) and doc[i + 1].lower_ in ("a", "an", "every") \
            and doc[i + 2].lower_ in tables.words["unit"] and not taken.intersection((i + 1, i + 2)):
        count = i - 1 if lower == "times" and i > 0 and doc[i - 1].like_num and i - 1 not in taken else i
        if lower != "times" or count < i:
            return doc[count:i + 3]  # "twice a year", "three times a day", "once every week"
    if _NUMERIC_DATE.fullmatch(lower):
        return doc[i:i + 1]  # "21/03/2013", "25.02.2013": dateparser reads the order
    if lower == "long" and i > 1 and doc[i - 1].text == "-" and not taken.intersection((i - 2, i - 1)) \
            and (doc[i - 2].lower_ in tables.words["unit"]):
        return doc[i - 2:i + 1]  # "decade-long", "months-long"
    if lower == "new" and i > 0 and doc[i - 1:i + 2].text.lower() == "the new year" \
            and (i + 2 == len(doc) or doc[i + 2].lower_ not in ("'s", "\u2019s", "-")) \
            and not taken.intersection((i - 1, i, i + 1)):
        return doc[i - 1:i + 2]  # "the New Year" the model leaves out ("New Year's Day" is a holiday)
    if lower in ("following", "next", "previous", "prior") and 0 < i < len(doc) - 1 \
            and doc[i - 1].lower_ in ("the", "that") and doc[i + 1].lower_ in tables.sets.chain_units \
            and not taken.intersection(range(i - 1, i + 2)):
        return doc[i - 1:i + 2]  # "pleaded not guilty the following week": a chain the model left out
    if not tok.text[:1].isupper():
        return None
    end = i + 1
    holiday_end = tables.holiday_end(doc, i, lambda k: k not in taken)
    if holiday_end is not None:
        return doc[i:holiday_end]  # "Thanksgiving", "the Easter weekend"
    if lower in tables.words["weekday"] and len(lower) > 4:
        if end < len(doc) and end not in taken and tables.part_of_day(doc[end]):
            end += 1
    elif lower in tables.words["month"] or (lower + "." in tables.words["month"] and end < len(doc)
                                                 and doc[end].text == "."):
        if doc[end:end + 1].text == "." and lower + "." in tables.words["month"]:
            end += 1
        if end < len(doc) and re.fullmatch(r"[0-3]?\d(?:st|nd|rd|th)?|1\d{3}|20\d{2}", doc[end].text):
            end += 1
            if end + 1 < len(doc) and doc[end].text == "," and re.fullmatch(r"1\d{3}|20\d{2}", doc[end + 1].text):
                end += 2
        else:
            return None
    else:
        return None
    if taken.intersection(range(i, end)):
        return None
    return doc[i:end]


class MissingDates:
    """Finds the DATE spans the model did not label. `calendar_starts` keeps, per distinct lower-case
    form, whether an expression can begin there, so most tokens cost one dictionary lookup."""

    def __init__(self, tables: DateTables):
        self.tables = tables
        self._can_start: dict[int, bool] = {}

    def _counted_units(self, doc: Doc, i: int, taken: set[int]) -> Span | None:
        """A cardinal and a time unit the model did not label ("two more weeks", "at least 20 more years",
        "5 1/2 hours", "four decades ago"): a duration for TimeML. Ages ("52 years old"), names
        ("60 Minutes") and "one day" (an idiom) are not."""
        first = doc[i].lower_
        cardinal = re.fullmatch(r"\d+(?:\.\d+)?", first) or first in self.tables.words["number"]
        if not cardinal or first in ("a", "an", "single") or re.fullmatch(r"1\d{3}|20\d{2}", first):
            return None
        end = i + 1
        if end < len(doc) and doc[end].text == "1/2":
            end += 1
        if end < len(doc) and doc[end].lower_ in self.tables.sets.count_modifiers:
            end += 1
        if end >= len(doc) or doc[end].lower_ not in self.tables.words["unit"] or doc[end].is_title:
            return None
        end += 1
        if end < len(doc) and (doc[end].lower_ in ("old", "-") or doc[end].lower_.startswith("old")):
            return None
        if doc[i:end].text.lower() == "one day":
            return None  # "will one day lead": an idiom of the future, not a duration
        if end < len(doc) and doc[end].lower_ == "ago":
            end += 1
        return None if taken.intersection(range(i, end)) else doc[i:end]

    def calendar_starts(self, doc: Doc) -> list[int]:
        """The tokens where a duration adjective or `calendar_span` can begin: a lower-case form that
        is "every"/"each", a weekday, a month (with or without its period), the start of a holiday's
        name, a frequency word, a "-long" adjective or a numeric date. Decided once per distinct form from
        the LOWER column, so the other tokens cost a dictionary lookup, not a Token and four span texts."""
        if len(self._can_start) > 200_000:
            self._can_start.clear()
        starts, strings, can_start = [], doc.vocab.strings, self._can_start
        start_words, long_adjective = self.tables.start_words, self.tables.long_adjective
        for i, key in enumerate(doc.to_array(LOWER).tolist()):
            found = can_start.get(key)
            if found is None:
                lower = strings[key]
                found = can_start[key] = lower in start_words or bool(long_adjective.fullmatch(lower)) \
                    or bool(_NUMERIC_DATE.fullmatch(lower))
            if found:
                starts.append(i)
        return starts

    def add_missing(self, doc: Doc, spans: list[Candidate], deictic: bool) -> list[Candidate]:
        """Expressions the model leaves out: duration adjectives ("weeklong") and, under TimeML
        guidelines, vague references ("now", "recently", "the future")."""
        taken = set()
        # repaired spans may reach past the model's
        for ent in [*doc.ents, *(span for span, *_ in spans)]:
            taken.update(range(ent.start, ent.end))
        added = []
        for tok in doc if deictic else map(doc.__getitem__, self.calendar_starts(doc)):
            if tok.i in taken:
                continue
            if self.tables.long_adjective.fullmatch(tok.lower_):
                added.append(Candidate(doc[tok.i:tok.i + 1], None, "timex:added"))
                taken.add(tok.i)
                continue
            calendar = calendar_span(self.tables, doc, tok.i, taken)
            if calendar is None and deictic:
                calendar = self._counted_units(doc, tok.i, taken)
            if calendar is not None:
                added.append(Candidate(calendar, None, "timex:added"))
                taken.update(range(calendar.start, calendar.end))
                continue
            for width in (3, 2, 1) if deictic else ():
                end = tok.i + width
                if end > len(doc) or taken.intersection(range(tok.i, end)):
                    continue
                text = doc[tok.i:end].text.lower()
                if text in self.tables.timeml_adds:
                    if text == "current" and doc[tok.i].pos_ != "ADJ":
                        continue
                    if text in self.tables.words["set_word"] and doc[tok.i].dep_ != "advmod":
                        continue
                    added.append(Candidate(doc[tok.i:end], None, "timex:deictic"))
                    taken.update(range(tok.i, end))
                    break
        return sorted(spans + added, key=lambda s: s[0].start)
