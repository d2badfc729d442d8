"""The `legalnews_timex` component: DATE spans found, repaired, filtered and given their TimeML type and
value, in that order. Its data are `models/dates/` and the shared tense cues of `models/tense/`."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..extensions import register_extensions
from ..resources import ResourceComponent
from .additions import Candidate, MissingDates
from .calendar import GRAN_ORDER, Point, Timex, anchor_date, ordered_range
from .filters import Found, first_filter, game_period, temperature
from .repair import RepairNotes, SpanRepair, trim
from .resolvers import RESOLVERS, timex_of
from .tables import DateTables
from .tense import TenseCues, governing_tense

register_extensions()

__all__ = ["TimexTagger", "DROPPED_KEY", "make_timex_tagger"]

DROPPED_KEY = "legalnews_dropped_dates"  # doc.spans group of the spans a filter dropped, each with its rule
GUIDELINES = ("legalnews", "timeml")


class TimexTagger(ResourceComponent):
    """Repairs DATE spans for TimeML and sets `timex_type` and `timex_value` on each.

    `guidelines` chooses the annotation convention: "legalnews" (the SPEC: deictic now / currently /
    recently and times of day are not DATE mentions) or "timeml" (TimeML annotates both).
    """

    resource_folders = ("dates", "tense")

    def __init__(self, name: str, models_dir: str | Path | None = "", guidelines: str = "legalnews"):
        if guidelines not in GUIDELINES:
            raise ValueError(f"legalnews_timex: guidelines must be one of {GUIDELINES}, not {guidelines!r}")
        self.guidelines = guidelines
        super().__init__(name, models_dir)

    def load_resources(self, folder: Path) -> None:
        tables = DateTables(folder / "dates")
        unknown = sorted({name for _, _, name in tables.patterns} - set(RESOLVERS))
        if unknown:
            raise ValueError(f"{folder / 'dates' / 'patterns.jsonl'}: no resolver named {unknown}")
        self.tables = tables
        self.cues = TenseCues.load(folder / "tense")
        self.repairer = SpanRepair(tables, self.guidelines)
        self.missing = MissingDates(tables)

    def __call__(self, doc: Doc) -> Doc:
        self.require_resources()
        dct = anchor_date(doc._.published_at)
        notes = RepairNotes()
        if any(self._time_zone(e) for e in doc.ents):
            doc.ents = [e for e in doc.ents if not self._time_zone(e)]  # the clock time before it takes the zone
        holidays = {ent.start: window for ent in doc.ents if (window := self.repairer.holiday_window(ent)) is not None}
        candidates = self.missing.add_missing(doc, self.repairer.repair(doc, holidays, notes),
                                              deictic=self.guidelines == "timeml")
        others = [e for e in doc.ents if e.label_ != "DATE" and e.start not in holidays]
        resolved: list[tuple[Span, Timex, str | None, str]] = []
        dropped: list[Span] = []
        ref: Point | None = None
        for candidate in candidates:
            found = self._value(candidate, dct, ref, notes)
            rule = first_filter(self.tables, self.guidelines, found)
            if rule is not None:
                dropped.append(self._dropped(found.span, rule))
                continue
            span, timex, pid = found.span, found.timex, found.pid
            if resolved and timex.point is not None and self._range_between(resolved[-1][0], span):
                start, timex = ordered_range(resolved[-1][1], timex, dct, governing_tense(span, self.cues))
                resolved[-1] = (resolved[-1][0], start, *resolved[-1][2:])
            if timex.point is not None and timex.point.gran in GRAN_ORDER:
                ref = timex.point
            elif dct is not None and timex.type == "DURATION" \
                    and self.tables.year_to_date.fullmatch(self.tables.normalize(span.text, False)):
                # "the nine months": part of this year, so "a year earlier" after it is the last one
                ref = Point(date(dct.year, 1, 1), "Y")
            resolved.append((span, timex, candidate.source, pid))
        doc.ents = sorted(others + [Span(doc, s.start, s.end, label="DATE") for s, *_ in resolved],
                          key=lambda s: s.start)
        for span, timex, source, pid in resolved:
            ent = Span(doc, span.start, span.end, label="DATE")
            ent._.timex_type, ent._.timex_value = timex.type, timex.value
            ent._.source_label = source
            ent._.rule = f"timex:{pid}"
        if dropped:
            doc.spans[DROPPED_KEY] = dropped
        return doc

    def _value(self, candidate: Candidate, dct: date | None, ref: Point | None, notes: RepairNotes) -> Found:
        """The candidate's value read by the table, with the span shrunk when the table does not read it
        whole and the readings TimeML types otherwise ("served 1200 hours", "three days later")."""
        span = candidate.span
        text = notes.read_as.get((span.start, span.end), span.text)
        raw, pid = timex_of(self.tables, text, dct, governing_tense(span, self.cues), ref)
        if pid == "unresolved":
            span, raw, pid = self._shrink(span, dct, ref)
        if pid == "clock_military" and self._counted_hours(span):
            raw, pid = Timex("DURATION", f"PT{int(span[-2].text)}H"), "duration"  # "served 1200 hours"
        if pid == "chain_count" and self.guidelines == "timeml" and self._later_signal(span):
            span = span[:-1]  # "three days | later": TimeML types the amount a DURATION, "later" a signal
            raw, pid = timex_of(self.tables, span.text, dct, governing_tense(span, self.cues), ref)
        timex = raw if raw is not None else Timex("DATE", "XXXX-XX-XX")
        if (span.start, span.end) in notes.periods:
            timex = Timex("DURATION", "P1Y")
        return Found(span, timex, raw, pid)

    def _shrink(self, span: Span, dct: date | None, ref: Point | None) -> tuple[Span, Timex | None, str]:
        """An unresolved span with stray words at an edge ("interview several months", "April month"):
        the largest inner span the table knows, else the span unchanged. Of inner spans of one size a
        calendar date goes before the rest ("the day Friday" is Friday, not the duration "day")."""
        n = len(span)
        for size in range(n - 1, 0, -1):
            found = []
            for start in range(span.start, span.end - size + 1):
                inner = span.doc[start:start + size]
                timex, pid = timex_of(self.tables, inner.text, dct, governing_tense(inner, self.cues), ref)
                if timex is not None and pid not in ("dateparser", "unresolved") \
                        and not game_period(self.tables, inner, pid) and not temperature(self.tables, inner, pid):
                    found.append((inner, timex, pid))
            if found:
                inner, timex, pid = next((f for f in found if f[1].point is not None), found[0])
                return trim(self.tables, inner) or inner, timex, pid  # "Jan. 10," without its comma
        return span, None, "unresolved"

    @staticmethod
    def _dropped(span: Span, rule: str) -> Span:
        """The span a filter dropped, kept apart with the filter's id as its rule."""
        dropped = Span(span.doc, span.start, span.end, label="DATE")
        dropped._.rule = f"timex-filter:{rule}"
        return dropped

    def _time_zone(self, ent: Span) -> bool:
        """ "GMT", "EDT": the model's ORG for a time zone, which belongs to the clock time before it."""
        return ent.label_ != "DATE" and len(ent) == 1 and ent[0].lower_ in self.tables.sets.time_zones

    def _range_between(self, left: Span, right: Span) -> bool:
        """ "Tuesday" "to" "Thursday", "Dec. 26" "through" "Jan. 5": the two ends of one period."""
        between = left.doc[left.end:right.start]
        return len(between) == 1 and between[0].lower_ in self.tables.sets.range_words

    def _later_signal(self, span: Span) -> bool:
        """ "Three days later", "a few hours later": under TimeML the amount is the expression and "later"
        a signal. Years and longer stay anchored dates, as "a year later" reads in results stories."""
        unit = self.tables.words["unit"].get(span[-2].lower_) if len(span) > 1 else None
        return span[-1].lower_ == "later" and unit is not None and unit not in ("Y", "DE", "CE")

    @staticmethod
    def _counted_hours(span: Span) -> bool:
        """ "Served 1200 hours of community service": four digits and "hours" read as a clock time ("at 0400
        hours", "around 1400 hours") are a count when no zero opens them and they are the verb's object or
        follow a preposition of length ("for", "over", "during")."""
        root = span.root
        if span[-2].text.startswith("0"):
            return False
        return root.dep_ != "pobj" or root.head.lower_ in ("for", "over", "during", "of")


@Language.factory("legalnews_timex", assigns=["doc.ents", "doc.spans", "span._.timex_type", "span._.timex_value"],
                  default_config={"models_dir": "", "guidelines": "legalnews"})
def make_timex_tagger(nlp: Language, name: str, models_dir: str, guidelines: str) -> TimexTagger:
    return TimexTagger(name, models_dir, guidelines)
