"""Dates stage: TimeML type and value for every DATE mention, anchored on `published_at`.

Works like a rule-based temporal tagger (HeidelTime's approach): a table of expression shapes
(`models/dates/patterns.jsonl`) filled from a lexicon (`models/dates/lexicon.jsonl`), each shape
naming the resolver that turns it into a TIMEX3 value. Relative expressions are anchored on the
publication date, read in the tense of the verb that governs them ("returned on Wednesday" is the
last one, "will rule on Friday" the next); chains ("two days later") on the last date the text
resolved. dateparser answers the shapes the table does not know. The component also repairs the
spans the model gets wrong for TimeML and drops those that are no date where they stand.

Modules, in the order of the work: `tables` (the data), `additions` (spans the model missed),
`repair` (join, extend, trim, split), `tense` (the governing verb), `resolvers` (text to value, on
`calendar` arithmetic), `filters` (not a date here), `component` (the spaCy component).
"""
from __future__ import annotations

from .calendar import Point, Timex, anchor_date
from .component import DROPPED_KEY, TimexTagger, make_timex_tagger
from .filters import FILTERS, DateFilter
from .resolvers import DECLINE, RESOLVERS, clear_caches, resolver, timex_of
from .tables import DateTables, DateWords
from .tense import TenseCues, governing_tense


__all__ = ["Timex", "Point", "anchor_date", "DateTables", "DateWords", "TenseCues", "governing_tense", "timex_of",
           "clear_caches", "resolver", "RESOLVERS", "DECLINE", "FILTERS", "DateFilter", "DROPPED_KEY", "TimexTagger",
           "make_timex_tagger"]
