"""Span repair: the model's DATE spans made TimeML's. Spans the model cut are joined ("19th" "-"
"century", "Friday" "night"), words it left outside are taken in ("5 p.m." + "EST" + "Tuesday",
"once" + "a week"), leading prepositions and trailing possessives trimmed, and spans that hold two
expressions split ("between 2018 and 2021", "Jan. 10, Feb. 14 and March 21")."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .additions import Candidate, calendar_span
from .resolvers import timex_of
from .tables import DateTables
from .tense import as_word_as

__all__ = ["Candidate", "RepairNotes", "SpanRepair", "SpanSplitter", "trim"]

_FISCAL_YEAR = re.compile(r"(?:the )?(?:fiscal |financial )?year")
_YEAR_TOKEN = re.compile(r"1\d{3}|20\d{2}")
_DAY_NUMBER = re.compile(r"[0-3]?\d(?:st|nd|rd|th)?")
_MILITARY_TIME = re.compile(r"[012]\d[0-5]\d")
_CLOCK_24 = re.compile(r"[0-2]?\d:[0-5]\d")


@dataclass
class RepairNotes:
    """What repair learned about a document's spans that resolving needs: spans that are 12-month
    periods ("the year" "ended" "March 31"), and spans that stand for a longer text ("25" in "April 24
    and 25" is "April 25"), by (start, end)."""

    periods: set[tuple[int, int]] = field(default_factory=set)
    read_as: dict[tuple[int, int], str] = field(default_factory=dict)


def trim(tables: DateTables, span: Span) -> Span | None:
    """The span without leading prepositions, articles and "as early as", nor a trailing possessive,
    comma or full stop; None when nothing is left."""
    start, end = span.start, span.end
    doc = span.doc
    if end - start > 3 and as_word_as(doc, start, ("soon", "early", "late")):
        start += 3  # "as early as" + "Friday": a signal, not part of the expression
    junk, keep_article = tables.sets.leading_junk, tables.sets.keep_article
    while start < end and (doc[start].lower_ in junk or doc[start].is_punct or (
            doc[start].lower_ in ("a", "an") and start + 1 < end and doc[start + 1].lower_ not in keep_article)):
        start += 1
    while end > start and (doc[end - 1].lower_ in ("'s", "'", "\u2019s", "\u2019", ",", "and", "to", "-", "of")
                           or doc[end - 1].is_punct):  # "May 10" + the sentence's full stop
        end -= 1
    return doc[start:end] if end > start else None


class SpanSplitter:
    """Splits a span that holds several expressions."""

    def __init__(self, tables: DateTables):
        self.tables = tables

    def _list_items(self, span: Span) -> list[Span] | None:
        """ "Jan. 10, Feb. 14 and March 21", "today, Feb. 29": a comma list the model labels as one span,
        each item an expression the table reads; None when a comma belongs to one date ("Jan. 10, 2014",
        "Tuesday, June 11") or an item is no expression."""
        if not any(t.text == "," for t in span[1:-1]):
            return None
        items, pids, start = [], [], span.start
        for tok in [*span[1:-1], None]:
            if tok is not None and tok.lower_ not in (",", "and", "or"):
                continue
            end = tok.i if tok is not None else span.end
            item = trim(self.tables, span.doc[start:end]) if end > start else None
            if item is not None:
                pid = timex_of(self.tables, item.text, None)[1]
                if pid in ("dateparser", "unresolved"):
                    return None
                if items and ((pid == "year" and pids[-1] != "year") or pids[-1] in self.tables.time_of_day_patterns
                              or (items[-1].text.lower() in self.tables.words["weekday"]
                                  and item[0].lower_ in self.tables.words["month"])):
                    return None  # "Jan. 10, 2014", "5 p.m. EST, Nov. 6", "Tuesday, June 11": one date
                items.append(item)
                pids.append(pid)
            start = end + 1
        return items if len(items) > 1 else None

    def split(self, span: Span, notes: RepairNotes) -> list[Span]:
        """A span cut in the expressions it lists ("Jan. 10, Feb. 14 and March 21") or joins ("between
        2018 and 2021", "March 21-22"), when each part reads alone; the span itself otherwise."""
        if (items := self._list_items(span)) is not None:
            return items
        for tok in span[1:-1]:
            hyphen = tok.text in ("-", "\u2013")
            if tok.lower_ in self.tables.sets.split_words or tok.lower_ == "of" or hyphen or (
                    tok.text == "," and re.fullmatch(r"\d{4}, \d{4}", span.text)):
                left, right = trim(self.tables, span.doc[span.start:tok.i]), trim(self.tables, span.doc[tok.i + 1:span.end])
                if left is None or right is None:
                    continue
                lt, lpid = timex_of(self.tables, left.text, None)
                rt, rpid = timex_of(self.tables, right.text, None)
                whole = timex_of(self.tables, span.text, None)[1] if tok.lower_ == "of" else "unresolved"
                if tok.lower_ == "of" and (lpid != "duration" or self.tables.nth_week.fullmatch(left.text.lower())
                                           or whole not in ("dateparser", "unresolved")):
                    continue  # "the first nine months" "of" "1997" splits; "September of that year" does not, nor
                    # "a quarter of a century", which the table reads whole
                month = next((t for t in left if t.lower_ in self.tables.words["month"]), None)
                day = re.fullmatch(r"([0-3]?\d)(?:, (?:1\d{3}|20\d{2}))?", right.text)
                if lpid in ("month_day", "day_month") and month is not None and day \
                        and 1 <= int(day.group(1)) <= 31 and tok.lower_ != "of":
                    # "April 24 and 25" is April 25 too; "Jan. 7-9, 2014" puts Jan. 7 in 2014
                    notes.read_as[(right.start, right.end)] = f"{month.text} {right.text}"
                    if day.group(0) != day.group(1):
                        notes.read_as[(left.start, left.end)] = f"{left.text}{right.text[len(day.group(1)):]}"
                    return [left, right]
                if hyphen and not (_YEAR_TOKEN.fullmatch(left.text) and _YEAR_TOKEN.fullmatch(right.text)):
                    continue  # a hyphen splits only "March 21-22" and "1994-1995"
                if lt is not None and rt is not None and "dateparser" not in (lpid, rpid):
                    if left.text.strip().isdigit() and len(left.text.strip()) < 4:
                        continue
                    if tok.lower_ in ("ended", "ending") and _FISCAL_YEAR.fullmatch(left.text.lower()):
                        notes.periods.add((left.start, left.end))  # "the year ended March 31": a 12-month period
                    return self.split(left, notes) + self.split(right, notes)
        return [span]


class SpanRepair:
    """Joins, extends, trims and splits the model's DATE spans (`repair`); `holiday_window` finds the
    holiday a non-DATE entity names ("the Easter weekend" as LOC)."""

    def __init__(self, tables: DateTables, guidelines: str):
        self.tables = tables
        self.guidelines = guidelines
        self.splitter = SpanSplitter(tables)

    def repair(self, doc: Doc, holidays: dict[int, Span], notes: RepairNotes) -> list[Candidate]:
        """DATE spans trimmed (leading prepositions and "just", a trailing possessive) and split at
        "and"/"to" when both halves are temporal expressions on their own."""
        out = []
        taken = {i for e in doc.ents for i in range(e.start, e.end)}
        for ent in self._amount_from_date(self._merged(doc, holidays)):
            source, rule = ent._.source_label, ent._.rule
            ent = trim(self.tables, self._extend(ent, taken))
            if ent is None:
                continue
            for part in self.splitter.split(ent, notes):
                part = part if part is ent else trim(self.tables, part)
                if part is not None and len(part):
                    out.append(Candidate(part, source, rule))
        for (left, *_), (right, *_) in zip(out, out[1:]):
            between = doc[left.end:right.start]
            if len(between) == 1 and between[0].lower_ in ("to", "ended", "ending", "through") \
                    and _FISCAL_YEAR.fullmatch(left.text.lower()) and right[0].lower_ in self.tables.words["month"]:
                notes.periods.add((left.start, left.end))  # "the year to March", "the year" "ended" "June 30"
        return out

    def _amount_from_date(self, spans: list[Span]) -> list[Span]:
        """ "A week" + "from" + "Monday", "two years" + "from" + "next Tuesday": one date, the day named
        moved on by the amount, which the model labels apart from it. "For two weeks from Monday" is a
        length of time and its start, so stays two expressions."""
        out: list[Span] = []
        units = self.tables.words["unit"]
        for ent in spans:
            prev = out[-1] if out else None
            doc = ent.doc
            if prev is not None and ent.start == prev.end + 1 and doc[prev.end].lower_ == "from" \
                    and prev[-1].lower_ in units and not (prev.start > 0 and doc[prev.start - 1].lower_ == "for"):
                joined = Span(doc, prev.start, ent.end, label="DATE")
                joined._.source_label = prev._.source_label
                out[-1] = joined
            else:
                out.append(ent)
        return out

    def _merged(self, doc: Doc, holidays: dict[int, Span]) -> list[Span]:
        """DATE spans the model cut at a hyphen ("19th" "-" "century"), before a part of day
        ("Wednesday" "night"), between a part of day and its day ("mid-afternoon" "yesterday"),
        between a weekday and its date ("Friday" "Oct. 13"), at "from now", in "the last week" "of" "May",
        at "before" in "the day" "before" "last Tuesday" or at "of" in "the autumn" "of" "2009" joined again."""
        dates = [e if e.label_ == "DATE" else holidays[e.start]
                 for e in doc.ents if e.label_ == "DATE" or e.start in holidays]
        words = self.tables.words
        out: list[Span] = []
        for ent in dates:
            prev = out[-1] if out else None
            between = doc[prev.end:ent.start].text if prev is not None else None
            if prev is not None and ((between == "-")
                    or (between == "" and ent.text.lower() in words["part_of_day"])
                    or (between == "" and prev.text.lower() in words["weekday"] and self.tables.part_of_day(ent[0])
                        and len(ent) == 1)
                    or (between == "" and prev[-1].lower_ in words["part_of_day"]
                        and ent.text.lower() in ("yesterday", "today", "tomorrow"))
                    or (between in ("", ",") and prev.text.lower() in words["weekday"] and ent[0].lower_ in words["month"])
                    or (between == "from" and ent.text.lower() in ("now", "today") and prev[-1].lower_ in words["unit"])
                    or (between in ("of", "in") and self.tables.nth_week.fullmatch(prev.text.lower()) and ent[0].lower_ in words["month"])
                    or (between in ("before", "after") and self.tables.one_unit.fullmatch(prev.text.lower()))
                    or (self._month_or_season_of(prev, between) and _YEAR_TOKEN.fullmatch(ent.text))
                    or (self.guidelines == "timeml" and self._clock_then_day(doc, prev, ent))):
                merged = Span(doc, out[-1].start, ent.end, label="DATE")
                merged._.source_label = out[-1]._.source_label
                out[-1] = merged
            else:
                out.append(ent)
        return out

    def _month_or_season_of(self, span: Span, between: str) -> bool:
        """ "The autumn" "of", "the autumn of": a month or season the year after it belongs to."""
        if between == "" and len(span) > 1 and span[-1].lower_ == "of":
            span, between = span[:-1], "of"
        return between == "of" and self.tables.month_or_season(span[-1].lower_)

    def _extend(self, span: Span, taken: set[int]) -> Span:
        """Words of the expression the model left just outside the span: "Friday" + "night",
        "5 p.m." + "EST" + "Tuesday", "Friday" + "Oct. 8", "once" + "a week", "Labor Day" + "weekend"."""
        start, end = self._extend_left(span, taken), self._extend_right(span, taken)
        if (new_year := self._new_year_start(span, taken)) is not None:
            start = new_year
        if end == span.end and start == span.start:
            return span
        taken.update(range(start, end))
        extended = Span(span.doc, start, end, label="DATE")
        extended._.source_label = span._.source_label
        return extended

    def _extend_left(self, span: Span, taken: set[int]) -> int:
        doc, start = span.doc, span.start
        first = span[0].lower_
        words = self.tables.words
        for name_start in range(start - 1, max(start - 4, -1), -1):
            if doc[name_start].lower_ in self.tables.holiday_first_words \
                    and self.tables.holiday_end(doc, name_start, lambda k: k >= start or k not in taken) == span.end:
                return name_start  # "Easter" + "week", "Labor Day" + "weekend", "Super" + "Tuesday"
        before = doc[start - 1].lower_ if start > 0 and start - 1 not in taken else ""
        if before in self.tables.sets.left_determiners and (first in words["unit"] or first in words["season"]
                                            or (before == "that" and first in words["part_of_day"]) or (
                before in ("every", "each") and (first in words["weekday"] or first in words["month"]))):
            start -= 1  # "each July", "every Thursday": TimeML SETs
        elif before in ("once", "twice", "times") and first in ("a", "an", "every") and len(span) == 2 \
                and span[1].lower_ in words["unit"]:
            start -= 1  # "once" + "a week"
            if before == "times" and start > 0 and doc[start - 1].like_num and start - 1 not in taken:
                start -= 1  # "three" + "times" + "a day"
        elif before in ("before", "after") and start > 1 and start - 2 not in taken \
                and self.tables.one_unit.fullmatch(doc[start - 2].lower_):
            start -= 2  # "the day before" + "last Tuesday": one date, shifted from the one it names
            if start > 0 and doc[start - 1].lower_ == "the" and start - 1 not in taken:
                start -= 1
        elif first in words["weekday"] and before in ("that", "following", "next", "previous", "prior") \
                and doc[start - 1].head.i == start:
            start -= 1  # "That" + "Friday", "the following" + "Monday": a chain from the date before
            if before != "that" and start > 0 and doc[start - 1].lower_ == "the" and start - 1 not in taken:
                start -= 1
        elif first == "of" and before and self.tables.month_or_season(before):
            start -= 1  # "March" + "of last year", "summer" + "of last year"
            if doc[start - 1:start].text.lower() == "the" and start - 1 not in taken:
                start -= 1
        elif before and _DAY_NUMBER.fullmatch(first) and doc[start - 1].is_title \
                and (before in words["month"] or before + "." in words["month"]):
            start -= 1  # "Mar" + "22, 2013": the month the model left out
            first = before if before in words["month"] else before + "."
        gap = 1 if start > 1 and doc[start - 1].text == "," else 0
        if first in words["month"] and start - gap > 0 and start - gap - 1 not in taken \
                and doc[start - gap - 1].lower_ in words["weekday"]:
            start -= gap + 1  # "Friday" + "Oct. 8"
        return start

    def _extend_right(self, span: Span, taken: set[int]) -> int:
        doc, end = span.doc, span.end
        last = span[-1].lower_
        words = self.tables.words
        after = doc[end].lower_ if end < len(doc) and end not in taken else ""
        free_pair = end + 1 < len(doc) and not taken.intersection((end, end + 1))
        probe = end + 1 if after == "," else end
        if last in words["weekday"] and probe < len(doc) and doc[probe].lower_ in words["month"] \
                and (date_after := calendar_span(self.tables, doc, probe, taken)) is not None:
            return date_after.end  # "Friday" + "Oct. 8"
        name_start = span.start + (span[0].lower_ == "the")
        if name_start < end and doc[name_start].lower_ in self.tables.holiday_first_words:
            holiday_end = self.tables.holiday_end(doc, name_start, lambda k: k < end or k not in taken)
            if holiday_end is not None and holiday_end > end:
                return holiday_end  # "Labor Day" + "weekend", "Christmas" + "Eve"
        if after and (after in words["part_of_day"] or (last in words["weekday"] and self.tables.part_of_day(doc[end]))):
            return end + 1  # "Friday" + "night"; "Tuesday" + "nights", a SET
        if (year_part := self._year_part_after(span, taken)) is not None:
            return year_part  # "2013's" + "first quarter", "2012" + "'s second half"
        if after in ("gmt", "utc") and _MILITARY_TIME.fullmatch(last):
            return end + 1  # "0735" + "GMT"
        if last in words["unit"] and free_pair and (
                (after == "-" and doc[end + 1].lower_ == "long") or (after == "from" and doc[end + 1].lower_ in ("now", "today"))):
            return end + 2  # "decade" + "-long", "two weeks" + "from now"
        if last in self.tables.sets.clock_end or last.endswith(("a.m.", "p.m.")):
            probe = end
            while probe < len(doc) and probe not in taken and doc[probe].lower_ in self.tables.sets.clock_to_day:
                probe += 1
            if probe < len(doc) and probe not in taken and (doc[probe].lower_ in words["weekday"]
                                                            or doc[probe].lower_ in self.tables.deictic_days):
                return probe + 1  # "9 a.m. Tuesday", "11:30 p.m. yesterday"
            if doc[probe:probe + 2].text.lower() == "last night" and not taken.intersection((probe, probe + 1)):
                return probe + 2
        return end

    def holiday_window(self, ent: Span) -> Span | None:
        """The holiday a non-DATE entity names or begins: "the Easter weekend" (LOC), "Easter Sunday" (FAC),
        "Valentine" (PERSON) of "Valentine's Day"; None for any other entity. It never grows into another entity."""
        doc, start = ent.doc, ent.start + (ent[0].lower_ == "the")
        if ent.label_ == "DATE" or start >= len(doc) or doc[start].lower_ not in self.tables.holiday_first_words:
            return None
        end = self.tables.holiday_end(doc, start, lambda k: k < ent.end or doc[k].ent_iob_ == "O")
        if end is None or end < ent.end:
            return None
        window = Span(doc, start, end, label="DATE")
        window._.source_label = ent.label_
        return window

    @staticmethod
    def _new_year_start(span: Span, taken: set[int]) -> int | None:
        """Where "the new year" starts when the model labels only its "year", which alone reads as the
        duration P1Y; None for any other span."""
        doc, start = span.doc, span.start
        if start < 2 or span.text.lower() != "year" or doc[start - 2:start].text.lower() != "the new" \
                or taken.intersection((start - 2, start - 1)):
            return None
        return start - 2

    def _year_part_after(self, span: Span, taken: set[int]) -> int | None:
        """Where "2013's first quarter" ends when the model's span stops at the year or its "'s"."""
        doc, end = span.doc, span.end
        possessive = ("'s", "\u2019s")
        year = span[-2] if span[-1].lower_ in possessive and len(span) > 1 else span[-1]
        if not _YEAR_TOKEN.fullmatch(year.text):
            return None
        if span[-1].i == year.i:
            if end >= len(doc) or doc[end].lower_ not in possessive or end in taken:
                return None
            end += 1
        if end + 1 < len(doc) and doc[end].lower_ in self.tables.words["ordinal"] \
                and doc[end + 1].lower_ in ("quarter", "half") and not taken.intersection((end, end + 1)):
            return end + 2
        return None

    def _clock_then_day(self, doc: Doc, clock: Span, day: Span) -> bool:
        """ "9 a.m." "Tuesday": one TimeML TIME; under the SPEC the clock is dropped, so the day stays apart."""
        between = doc[clock.end:day.start]
        clock_end, clock_to_day = self.tables.sets.clock_end, self.tables.sets.clock_to_day
        named = [t.lower_ for t in clock if t.lower_ not in clock_to_day or t.lower_ in clock_end]
        last = named[-1] if named else ""  # "7 p.m. Eastern time": the clock before its zone
        is_clock = last in clock_end or last.endswith(("a.m.", "p.m.")) or last == "midday" \
            or bool(_CLOCK_24.fullmatch(last))
        return is_clock and all(t.lower_ in clock_to_day for t in between) and len(between) <= 3 \
            and (day[0].lower_ in self.tables.words["weekday"] or day[0].lower_ in self.tables.words["month"]
                 or day.text.lower() in (*self.tables.deictic_days, "last night"))
