"""Candidate entities of a Doc and how they are chosen: ruler spans, the wire dateline, "the court"
descriptions, names before an age, and the model's entities relabeled on evidence, with the
boundaries the model cuts short repaired."""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from ..courts import COURT_RULES, CourtNames
from ..places import PlaceTables, fold
from .classify import LabelEvidence, is_demonym
from .context import EntityContext
from .gazetteer import EntityLexicon, Gazetteer
from .keys import POSSESSIVE

__all__ = ["Candidate", "CandidateFinder", "choose"]

# A wire dateline: a place in capitals (a "Mc"/"De" prefix may keep its case, see `_caps_word`), an
# optional state or country after a comma, an optional date ("Nov 24"), an optional agency credit in
# parentheses, then a dash, or a colon after a known place ("LAHORE:", as South Asian papers write it).
_WORD = r"[^\W\d_][\w'’.-]*"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"(?P<place>{_WORD}(?:[ /]{_WORD}){{0,3}})"
    rf"(?:,(?: {_WORD}){{1,3}})?"
    rf"(?:,? {_MONTH} \d{{1,2}})?"
    r"(?: ?\((?P<credit>[^\W\d_][\w&.'’-]*(?: [^\W\d_][\w&.'’-]*){0,4})\))?"
    r"(?P<dash> ?[—–―]| ?--| -(?= )|:(?= ))")
_PSEUDONYM = re.compile(r"[A-Z]{2,5}\d{1,4}")
_NAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|La|Le|Du|Di)(?=[^\W\d_])")


def _caps_word(word: str) -> bool:
    """"BOSTON", "ST.", "BOGOTÁ", "McALESTER", "DeKALB": a word written in capitals."""
    core = _NAME_PREFIX.sub("", word)
    return core.isupper() and not any(ch.isdigit() for ch in core)


def named_facility(span: Span) -> bool:
    """A facility a name opens and a lower-case noun ends ("Luzira prison", "Kotwali police station"): the
    name is a proper noun, and the noun heads its phrase, not a modifier ("Smith jail time")."""
    return len(span) >= 2 and span[0].pos_ == "PROPN" and span[-1].dep_ not in ("compound", "amod", "nmod")


@dataclass(slots=True)
class Candidate:
    """A span that may become an entity, with the rule that found it and what outranks what."""

    start: int
    end: int
    label: str
    rule: str
    priority: int          # 3 gazetteer, 2 pattern family, 1 rule, 0 statistical model
    canonical: str | None = None
    source_label: str | None = None

    @property
    def length(self) -> int:
        return self.end - self.start


def choose(cands: list[Candidate]) -> list[Candidate]:
    """Longest first, then higher priority, then earlier: each token goes to one candidate."""
    chosen, taken = [], set()
    for c in sorted(cands, key=lambda c: (-c.length, -c.priority, c.start)):
        if not taken.intersection(range(c.start, c.end)):
            chosen.append(c)
            taken.update(range(c.start, c.end))
    return chosen


class CandidateFinder:
    """The candidate rules over one models folder's gazetteer, lexicon, places and courts."""

    def __init__(self, gaz: Gazetteer, lexicon: EntityLexicon, places: PlaceTables, courts: CourtNames,
                 evidence: LabelEvidence):
        self.gaz = gaz
        self.lex = lexicon
        self.titles = lexicon.titles
        self.places = places
        self.courts = courts
        self.evidence = evidence
        connectors = lexicon.name_connectors
        # every non-empty start of a connector: a connector written over tokens begins with the first one's
        # lower case (lower-casing is per character, but for a Greek sigma, which no ASCII connector holds)
        self._connector_prefixes = frozenset(c[:n] for c in connectors for n in range(1, len(c) + 1)) \
            if all(c.isascii() for c in connectors) else None
        self._connector_start_memo: dict[int, bool] = {}  # ORTH hash -> may begin a connector
        self._pseudonym_memo: dict[int, bool] = {}  # ORTH hash -> shaped like a court pseudonym

    def trim(self, ctx: EntityContext, start: int, end: int) -> tuple[int, int]:
        """Leading articles and function words, trailing possessives and punctuation, stay outside."""
        doc = ctx.doc
        while start < end - 1 and (doc[start].lower_ in ("the", "a", "an", "this", "that") or doc[start].is_space
                                   or doc[start].tag_ == "POS"
                                   or doc[start].pos_ in ("ADP", "ADV", "SCONJ", "CCONJ", "PRON", "VERB", "AUX", "PUNCT")):
            start += 1
        while end > start + 1 and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_space or doc[end - 1].lower_ in ("and", "&", "of", "the", "for")
                                   or doc[end - 1].is_punct and doc[end - 1].text not in (")",)):
            end -= 1
        return start, end

    def ruler_candidate(self, ctx: EntityContext, span: Span) -> Candidate | None:
        """A ruler span, trimmed, with its gazetteer or court-family canonical name."""
        doc = ctx.doc
        start, end = self.trim(ctx, span.start, span.end)
        while end > start + 1 and doc[end - 1].ent_type_ in ("DATE", "TIME"):
            end -= 1
        rule = span.id_ or ""
        text = doc[start:end].text
        if rule.startswith("gaz:"):
            cued = self.gaz.cued.get(rule)
            if cued is not None and text in cued.names and not cued.backed(ctx.text):
                return None  # "AFP" of a story that never names the Australian Federal Police
            return Candidate(start, end, span.label_, rule, 3, self.gaz.canonical[rule])
        canonical = None
        if rule in COURT_RULES:
            canonical = self.courts.canonical(rule, text)
        if rule == "initials" and self.places.is_known_place(text):
            return None  # "N.H.", "W.Va.": a state, not a person
        if rule == "facility" and doc[end - 1].is_lower and not named_facility(doc[start:end]):
            return None  # "The prison was built", "gave Smith jail time"
        return Candidate(start, end, span.label_, rule, 2, canonical)

    def dateline(self, ctx: EntityContext) -> list[Candidate]:
        """"HUNTSVILLE, Texas —", "ST. LOUIS (AP) —", "McALESTER, Okla. —": the capitalized place opening
        a wire story or the first line under its headline (see `_DATELINE`); its canonical is the
        title-case name, spelled as the gazetteer spells it where the two differ only in case ("McAlester")."""
        doc = ctx.doc
        text = ctx.text[:400]
        starts = [len(text) - len(text.lstrip())]
        headline_end = text.find("\n")
        if 0 < headline_end < 200 and text[:headline_end].rstrip()[-1:] not in ".!?\"”":
            body = text[headline_end:]  # a dateline under a headline line
            starts.append(headline_end + len(body) - len(body.lstrip()))
        m = next((m for m in (_DATELINE.match(text, start) for start in starts) if self.is_dateline(m)), None)
        if m is None:
            return []
        first = m.group("place").split("/")[0]  # "THE HAGUE/MANILA": filed from both; the first names it
        span = doc.char_span(m.start("place"), m.start("place") + len(first), alignment_mode="expand")
        if span is None:
            return []
        name = first.title()
        if name == "Washington":
            name = "Washington, D.C."
        else:
            known = self.places.lookup(name)
            if known is not None and fold(known.name) == fold(name):
                name = known.name
        doc._.dateline = name
        ctx.dateline_words = m.group(0)
        found = [Candidate(span.start, span.end, "PLACE", "dateline", 2, name)]
        offset = m.start("place") + len(first) + 1
        for other in m.group("place").split("/")[1:]:
            more = doc.char_span(offset, offset + len(other), alignment_mode="expand")
            if more is not None:
                found.append(Candidate(more.start, more.end, "PLACE", "dateline", 2, other.title()))
            offset += len(other) + 1
        credit = doc.char_span(m.start("credit"), m.end("credit")) if m.group("credit") else None
        if credit is not None:  # "(Reuters)", "(West Africa Wire)": the news agency, not a place
            found.append(Candidate(credit.start, credit.end, "ORGANIZATION", "dateline_credit", 2, credit.text))
        return found

    def is_dateline(self, m: re.Match | None) -> bool:
        """A place in capitals, and a known one when a colon ends it ("LAHORE:", not "UPDATE:")."""
        if m is None:
            return False
        place = m.group("place").replace("/", " ")
        if len(place) <= 2 or not all(_caps_word(w) for w in place.split()) \
                or not any(a.isupper() and b.isupper() for a, b in zip(place, place[1:])):
            return False
        return m.group("dash") != ":" or self.places.lookup(place.title()) is not None

    def court_descriptions(self, ctx: EntityContext) -> list[Candidate]:
        """"the court", "this court", "the appeals court", "a federal court", "an immigration court"."""
        doc = ctx.doc
        found = []
        mods = self.lex.court_ref_modifiers
        compound_nouns = self.lex.court_compound_nouns
        for tok in ctx.courts:
            if tok.tag_ not in ("NN", "NNP") or tok.dep_ == "compound":
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ in compound_nouns:
                continue
            if tok.is_title and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].is_title:
                continue  # "the Court of Appeal", "the Court of Session": a name, not a description
            start = tok.i
            while start > 0 and doc[start - 1].lower_ in mods and not (
                    doc[start - 1].is_title and doc[start - 1].lower_ not in self.lex.court_ref_modifiers_titled):
                start -= 1  # "the high court" is a description; "the High Court" a name the gazetteer knows
            det = doc[start - 1].lower_ if start > 0 else ""
            has_det = det in ("the", "this", "that", "a", "an")
            used_mods = {t.lower_ for t in doc[start:tok.i]}
            if det in ("a", "an") and not used_mods - {"same", "lower", "trial"}:
                continue
            if not has_det and not used_mods & {"federal", "immigration", "appeals", "appellate"}:
                continue
            if not has_det and not used_mods:
                continue
            if has_det and det in ("this", "that") and not used_mods and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of":
                continue
            found.append(Candidate(start - 1 if has_det else start, tok.i + 1, "COURT", "court_ref", 1))
        return found

    def named_with_age(self, ctx: EntityContext) -> list[Candidate]:
        """"Ever Josué Mejía Cardona, 33, ...", "Gerard Judge (63)": capitalized words before an age in
        commas or brackets are a person; a title word right before the age is a surname ("Judge")."""
        doc = ctx.doc
        found = []
        for tok in ctx.numbers:
            if not (2 <= tok.i < len(doc) - 1 and 0 < int(tok.text) < 111 and (
                    doc[tok.i - 1].text == "," and doc[tok.i + 1].text in (",", ".")
                    or doc[tok.i - 1].text == "(" and doc[tok.i + 1].text == ")")):
                continue
            start = end = tok.i - 1
            while start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ") \
                    and not doc[start - 1].is_stop and (doc[start - 1].text.casefold() not in self.titles or (
                        start == end and start > 1 and doc[start - 2].is_title and doc[start - 2].pos_ == "PROPN"
                        and doc[start - 2].text.casefold() not in self.titles)) \
                    and doc[start - 1].ent_type_ not in ("ORG", "DATE", "NORP") and end - start < 5:
                start -= 1
                if start > 1 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and doc[start - 2].is_title:
                    start -= 2  # "Jean-Robert"
            if end - start < 2 and self._described_name(doc, end - 1):
                start = end - 1  # "and mother, Lathika, 56", whatever the model took the one name for
            if (end - start >= 2 or end - start == 1 and self._described_name(doc, start)) \
                    and not self.places.is_known_place(doc[start:end].text):
                found.append(Candidate(start, end, "PERSON", "age_apposition", 1))
        return found

    @staticmethod
    def _described_name(doc: Doc, i: int) -> bool:
        """A one-word name set off by commas after a person noun: "his father, Sreekumar, 61"."""
        return i >= 2 and doc[i].is_title and doc[i].pos_ == "PROPN" and doc[i - 1].text == "," \
            and doc[i - 2].pos_ == "NOUN" and doc[i - 2].is_lower

    def model_candidates(self, ctx: EntityContext, chosen: list[Candidate]) -> list[Candidate]:
        """Model entities relabeled on evidence; where a rule span covers part of one, the rest survives."""
        doc = ctx.doc
        taken = set()
        for c in chosen:
            taken.update(range(c.start, c.end))
        out: list[Candidate] = []
        for ent in ctx.ents:
            runs, run, split = [], [], False
            for i in range(ent.start, ent.end):
                if i in taken or ctx.breaks[i]:
                    split = split or i in taken
                    if run:
                        runs.append(run)
                    run = []
                else:
                    run.append(i)
            if run:
                runs.append(run)
            owner = self.owner_split(ctx, runs[0][0], runs[0][-1] + 1) if runs and not split else None
            if owner is not None:
                out.append(Candidate(runs[0][0], owner, "PLACE", "possessor", 0, source_label=ent.label_))
                runs[0] = [i for i in runs[0] if i > owner]
                runs = [r for r in runs if r]
            for run in runs:
                start, end = self.trim(ctx, run[0], run[-1] + 1)
                if ent.label_ == "PERSON":
                    titled = [i for i in range(start, end - 1) if doc[i].text.casefold() in self.titles]
                    if titled and all(t.is_title or t.is_upper for t in doc[start:titled[-1]]):
                        start = titled[-1] + 1  # "Mr. Pell", "Prime Minister Theresa May": the title stays outside
                if split and (not all(t.is_title or t.is_upper for t in doc[start:end]) or doc[start].is_stop):
                    continue
                after_in = start > 0 and doc[start - 1].lower_ in ("in", "near", "outside")
                if split and not (self.places.is_known_place(doc[start:end].text) or after_in):
                    continue
                if split and ent.label_ in ("DATE", "TIME"):
                    continue
                if ent.label_ not in ("DATE", "TIME") and not any(t.text[:1].isupper() or t.like_num for t in doc[start:end]):
                    continue  # "congress", "supreme court": a lowercase word is no name
                while end < len(doc) and doc[end].text.casefold() in self.titles and end - start > 1 \
                        and doc[end - 1].text in self.lex.title_modifiers:
                    end -= 1  # "[Fulton County] District Attorney", "[Multnomah County] Circuit Judge"
                label = "PLACE" if split else self.evidence.classify(ctx, ent.label_, start, end)
                if label == "DATE":
                    start, end = ent.start, ent.end
                if label is None and doc[start].text in ("U.S.", "US") and doc[end - 1].text.casefold() in self.titles:
                    label, end = "PLACE", start + 1  # "U.S. Magistrate" (Judge): the modifier is a place (SPEC)
                if label:
                    start, end = self.repair(ctx, label, start, end, taken)
                    out.append(Candidate(start, end, label, f"model:{ent.label_}", 0, source_label=ent.label_))
        return choose(out)

    def missed_places(self, ctx: EntityContext, chosen: list[Candidate]) -> list[Candidate]:
        """"held at a station in Nogales": a gazetteer place after a locative preposition the model left bare."""
        doc = ctx.doc
        taken = {i for c in chosen for i in range(c.start, c.end)}
        found = []
        for tok in ctx.locatives:
            if tok.i + 1 >= len(doc) or tok.i + 1 in taken:
                continue
            end = tok.i + 1
            while end < len(doc) and end - tok.i <= 3 and end not in taken and doc[end].is_title \
                    and doc[end].pos_ == "PROPN" and not doc[end].ent_type_:
                end += 1
            for stop in range(end, tok.i + 1, -1):
                name = doc[tok.i + 1:stop].text
                if self.places.is_known_place(name) and self.places.lookup(name, ctx.text) is not None and not is_demonym(name, self.places):
                    found.append(Candidate(tok.i + 1, stop, "PLACE", "gazetteer_place", 1))
                    break
        return found

    def pseudonyms(self, ctx: EntityContext) -> list[Candidate]:
        """"identified in court documents by the pseudonym AYX22": a court's code name of capitals and digits
        (SPEC: pseudonyms used in court papers are PERSON), there and wherever else the article writes it."""
        doc, memo, strings = ctx.doc, self._pseudonym_memo, ctx.doc.vocab.strings
        if len(memo) > 500_000:
            memo.clear()
        shaped = []
        for i, orth in enumerate(ctx.orths):  # the pattern tested once per word form, a Token made only for a match
            shape = memo.get(orth)
            if shape is None:
                shape = memo[orth] = _PSEUDONYM.fullmatch(strings[orth]) is not None
            if shape:
                shaped.append(doc[i])
        cued = {t.text for t in shaped
                if any(w.lower_ in self.lex.pseudonym_cues for w in doc[max(0, t.i - 6):t.i])}
        return [Candidate(t.i, t.i + 1, "PERSON", "pseudonym", 1) for t in shaped if t.text in cued]

    def connected_names(self, ctx: EntityContext) -> list[Candidate]:
        """"Ravindran a/l Muthusamy", "Siti binti Ahmad", "Raju s/o Kumar": a Malay or Tamil name joined to the
        father's by a connector (lexicon `name_connectors`) is one person, however the model splits it."""
        doc, found = ctx.doc, []

        def name_word(i: int) -> bool:
            return 0 <= i < len(doc) and doc[i].is_title and doc[i].pos_ in ("PROPN", "NOUN") \
                and not doc[i].is_stop and doc[i].text.casefold() not in self.titles

        for i in self._connector_starts(ctx):
            for width in (1, 3):
                if "".join(t.text for t in doc[i:i + width]).lower() not in self.lex.name_connectors \
                        or not name_word(i - 1) or not name_word(i + width):
                    continue
                start, end = i - 1, i + width + 1
                while start > 0 and name_word(start - 1) and i - start < 3:
                    start -= 1
                while name_word(end) and end - i - width < 3:
                    end += 1
                found.append(Candidate(start, end, "PERSON", "connected_name", 1))
        return found

    def _connector_starts(self, ctx: EntityContext) -> list[int] | range:
        """The token positions where a name connector may begin: those whose word, lower-cased, starts
        some connector (decided once per word form), instead of joining one and three tokens' texts at
        every position; all positions when a connector is not plain ASCII."""
        prefixes = self._connector_prefixes
        if prefixes is None:
            return range(len(ctx.doc))
        memo, strings = self._connector_start_memo, ctx.doc.vocab.strings
        if len(memo) > 500_000:
            memo.clear()
        starts = []
        for i, orth in enumerate(ctx.orths):
            may = memo.get(orth)
            if may is None:
                may = memo[orth] = strings[orth].lower() in prefixes
            if may:
                starts.append(i)
        return starts

    def titled_names(self, ctx: EntityContext, chosen: list[Candidate]) -> list[Candidate]:
        """"Justice Ada Obi", "Mr Kwame Boateng": capitalised words after a judge's title or an honorific that
        the model left bare are a person's name (the title stays outside it)."""
        doc = ctx.doc
        taken = {i for c in chosen for i in range(c.start, c.end)}
        heads = self.lex.court_heads | self.lex.agency_heads | self.lex.org_heads
        found = []
        people = {c.start: c for c in chosen if c.label == "PERSON"}

        def name_shaped(i: int) -> bool:  # a capitalised proper noun that is no head word or title
            return doc[i].pos_ == "PROPN" and (doc[i].is_title or doc[i].is_upper and len(doc[i]) <= 2) \
                and doc[i].text.casefold() not in heads and doc[i].text.casefold() not in self.titles

        def bare_name_word(i: int) -> bool:
            return i < len(doc) and i not in taken and name_shaped(i)

        judge_titles = ("judge", "justice", "magistrate judge", "")
        stray_places = {c.start for c in chosen if c.rule.startswith("model:") and c.label == "PLACE" and c.length == 1
                        and not self.places.is_known_place(doc[c.start].text)}

        def surname(i: int) -> bool:  # the model read "Onyina" as a place, "Lucas" alone as the person
            return bare_name_word(i) or i in stray_places and doc[i].pos_ == "PROPN" and doc[i].is_title

        def name_words(start: int, end: int) -> bool:
            return 1 <= end - start <= 3 and all(name_shaped(i) for i in range(start, end))

        for c in chosen:  # the model's "Magistrate Lucas Onyina" (ORG) or "Magistrate Lucas" (PERSON)
            if not c.rule.startswith("model:") or c.label not in ("PERSON", "ORGANIZATION"):
                continue
            title = next((i for i in range(c.end - 2, c.start - 1, -1)
                          if self.titles.get(doc[i].text.casefold()) in judge_titles and doc[i].is_title), None)
            if title is None or not all(t.is_title for t in doc[c.start:title]):
                continue
            end = c.end + 1 if c.end - title == 2 and surname(c.end) and not bare_name_word(c.end + 1) else c.end
            if name_words(title + 1, end):
                c.start, c.end, c.label, c.rule, c.canonical = title + 1, end, "PERSON", "titled_name", None
                taken.update(range(c.start, c.end))
        for i in ctx.titled:  # the title-case words, without a Token object per position
            tok = doc[i]
            if self.titles.get(tok.text.casefold()) not in judge_titles or tok.i + 1 >= len(doc):
                continue
            person = people.get(tok.i + 1)
            if person is not None and person.end - person.start == 1 and surname(person.end) \
                    and not bare_name_word(person.end + 1):
                person.end += 1  # "Magistrate Lucas Onyina", where the model tagged only "Lucas"
                person.canonical = None
                taken.add(person.end - 1)
            if tok.i + 1 in taken:
                continue
            end = tok.i + 1
            while end - tok.i <= 3 and bare_name_word(end):
                end += 1
            if end > tok.i + 1 and not (end < len(doc) and doc[end].pos_ == "PROPN" and doc[end].is_title):
                found.append(Candidate(tok.i + 1, end, "PERSON", "titled_name", 1, doc[tok.i + 1:end].text))
        return found

    def owner_split(self, ctx: EntityContext, start: int, end: int) -> int | None:
        """"Syria's National Defense Forces": the end of the place that owns the body, if one does."""
        doc = ctx.doc
        for i in range(start + 1, end - 1):
            if doc[i].text in POSSESSIVE:
                return i if self.places.is_known_place(doc[start:i].text) else None
        return None

    def repair(self, ctx: EntityContext, label: str, start: int, end: int, taken: set[int]) -> tuple[int, int]:
        """Boundaries the model cuts short: "[Curtis] Lee Boone", "ACLU [of Texas]"."""
        doc = ctx.doc
        if label == "PERSON":
            while start > 0 and start - 1 not in taken and self.evidence.name_part(doc[start - 1]):
                start -= 1
        if label == "ORGANIZATION" and end + 1 < len(doc) and doc[end].text == "of":
            place = next((e for e in ctx.ents if e.start == end + 1 and e.label_ in ("GPE", "LOC")), None)
            if place is not None and not taken.intersection(range(place.start, place.end)):
                end = place.end
        return start, end
