"""Links inside one article: an acronym defined in parentheses names its long form, and a surname,
a given name or an organization's first word stands for the full name mentioned before."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..places import PlaceTables
from .candidates import Candidate
from .classify import LabelEvidence, first_names, listed_beside
from .context import EntityContext
from .gazetteer import EntityLexicon
from .keys import canonical_text

__all__ = ["ArticleLinker"]


class ArticleLinker:
    """Rewrites the chosen candidates of one Doc so later mentions share the first one's name."""

    def __init__(self, lexicon: EntityLexicon, places: PlaceTables, evidence: LabelEvidence):
        self.lex = lexicon
        self.places = places
        self.evidence = evidence

    def link_acronyms(self, ctx: EntityContext, chosen: list[Candidate]) -> None:
        """"Executive Office for Immigration Review (EOIR)": later EOIR mentions take the long form."""
        doc = ctx.doc
        by_end = {c.end: c for c in chosen}
        links: dict[str, tuple[str, str | None, int, int]] = {}
        for tok in ctx.acronyms:
            if not 1 <= tok.i < len(doc) - 1 or doc[tok.i - 1].text != "(" or doc[tok.i + 1].text != ")":
                continue
            if sum(ch.isupper() for ch in tok.text) < 2:
                continue
            long_form = by_end.get(tok.i - 1)
            if long_form is not None and (long_form.label in ("AGENCY", "COURT", "ORGANIZATION")
                                          or long_form.rule == "facility"):
                canonical = long_form.canonical or canonical_text(doc[long_form.start:long_form.end])
                links[tok.text] = (long_form.label, canonical, long_form.start, long_form.end)
                continue
            span = self.spell_out(ctx, tok)
            if span is not None:
                label = self.evidence.classify(ctx, "ORG", span.start, span.end)
                if label not in ("AGENCY", "COURT", "ORGANIZATION"):
                    label = "ORGANIZATION"
                new = Candidate(span.start, span.end, label, "acronym_long_form", 1, canonical_text(span))
                chosen[:] = [c for c in chosen if c.end <= span.start or c.start >= span.end] + [new]
                links[tok.text] = (label, new.canonical, span.start, span.end)
        if not links:
            return
        for tok in ctx.acronyms:  # a link's key is an acronym-shaped token
            if tok.text not in links:
                continue
            label, canonical, _, _ = links[tok.text]
            keep = [c for c in chosen if c.end <= tok.i or c.start > tok.i]
            covering = [c for c in chosen if c.start <= tok.i < c.end]
            if covering and covering[0].length > 1:
                continue
            chosen[:] = keep + [Candidate(tok.i, tok.i + 1, label, "acronym", 2, canonical)]

    def link_aliases(self, ctx: EntityContext, chosen: list[Candidate]) -> None:
        """"Adam Guloba, alias Rasta" and "Ama Owusu (a.k.a. Mama O)": the name after an alias marker, and
        wherever the article writes it again, is the person named before it, whatever the model took it for."""
        doc = ctx.doc
        people_by_end = {c.end: c for c in chosen if c.label == "PERSON"}
        aliases: dict[str, str] = {}
        for c in chosen:
            if c.label not in ("PERSON", "ORGANIZATION") or c.priority >= 2:
                continue
            i = c.start - 1
            while i >= 0 and doc[i].is_punct and doc[i].text in "\"'“‘(":
                i -= 1
            if i < 1 or doc[i].lower_ not in self.lex.alias_markers:
                continue
            i -= 1
            while i >= 0 and doc[i].text in (",", "("):
                i -= 1
            named = people_by_end.get(i + 1)
            if named is not None and named is not c:
                if c.label != "PERSON":
                    c.label, c.rule = "PERSON", "alias"
                c.canonical = named.canonical or doc[named.start:named.end].text
                aliases[doc[c.start:c.end].text] = c.canonical
        for c in chosen:  # "Kamanda denied the charge": the alias said again
            if aliases and c.label in ("PERSON", "ORGANIZATION") and c.priority < 2 \
                    and doc[c.start:c.end].text in aliases:
                if c.label != "PERSON":
                    c.label, c.rule = "PERSON", "alias"
                c.canonical = aliases[doc[c.start:c.end].text]

    def spell_out(self, ctx: EntityContext, acro: Token) -> Span | None:
        """The capitalized words before "(ACR)" whose initials spell ACR."""
        doc = ctx.doc
        skip = self.lex.acronym_skip
        letters = [ch for ch in acro.text if ch.isupper()]
        i = acro.i - 2
        words: list[Token] = []
        while i >= 0 and len([w for w in words if w.lower_ not in skip]) < len(letters):
            t = doc[i]
            if t.lower_ in skip or t.is_title or t.is_upper:
                words.insert(0, t)
                i -= 1
            else:
                break
        content = [w for w in words if w.lower_ not in skip]
        while words and words[0].lower_ in skip:
            words.pop(0)
        if len(content) != len(letters) or not words:
            return None
        if [w.text[0] for w in content] != letters:
            return None
        return doc[words[0].i:acro.i - 1]

    def link_people_and_orgs(self, ctx: EntityContext, chosen: list[Candidate]) -> None:
        """"Realmuto" after "Trina Realmuto" is that person; "Kessler" after "Kessler Precision Tooling" that company."""
        doc = ctx.doc
        surnames: dict[str, str] = {}
        given: dict[str, str] = {}
        given_by: dict[str, set[str]] = {}
        full_names: dict[str, str] = {}
        org_short: dict[str, tuple[str, str]] = {}
        for c in chosen:
            span = doc[c.start:c.end]
            if c.label == "PERSON" and c.length >= 2 and not re.fullmatch(r"(?:[A-Z]\.)+", span.text):
                tokens = [w for w in span.text.replace(",", " ").split() if w not in ("Jr.", "Sr.", "II", "III")]
                full = c.canonical or span.text
                full_names.setdefault(span.text, full)
                surnames.setdefault(tokens[-1], full)
                given.setdefault(tokens[0], full)
                given_by.setdefault(tokens[0], set()).add(full)
                # "Julio Arvizu Peña" is "Arvizu" on second mention (paternal surname first)
                for middle in tokens[1:-1]:
                    if middle.upper() not in first_names() and middle[:1].isupper() and not middle.endswith("."):
                        surnames.setdefault(middle, full)
            if c.label in ("ORGANIZATION",) and c.length >= 2 and span[0].is_title and span[0].text.upper() not in first_names() \
                    and not self.places.is_known_place(span[0].text):
                org_short.setdefault(span[0].text, (c.label, c.canonical or canonical_text(span)))
        for c in chosen:
            if c.priority >= 2 and c.label != "PERSON":
                continue
            text = doc[c.start:c.end].text
            one_word = " " not in text
            if not one_word and c.label in ("PLACE", "ORGANIZATION") and text in full_names \
                    and not self.evidence.place_evidence(ctx, c.start, c.end):
                c.label, c.canonical, c.rule = "PERSON", full_names[text], "same_name"  # the model's GPE or ORG for
                # a name it calls a PERSON elsewhere in the article
            elif one_word and text in surnames and c.label != "DATE" \
                    and not (c.label == "PLACE" and self.evidence.place_evidence(ctx, c.start, c.end)
                             and not beside_surname(doc, c.start, c.end, surnames)):
                start = self.given_names_before(doc, c.start, {i for o in chosen if o is not c
                                                               for i in range(o.start, o.end)})
                c.label, c.canonical = "PERSON", surnames[text] if start == c.start else doc[start:c.end].text
                c.start = start  # "his nephew Ankit [Singh]": another Singh than the one named first
            elif one_word and c.label == "PERSON" and text in given:
                c.canonical = given[text]
            elif one_word and c.label in ("PLACE", "ORGANIZATION") and len(given_by.get(text, ())) == 1 \
                    and not self.evidence.place_evidence(ctx, c.start, c.end):
                c.label, c.canonical = "PERSON", given[text]  # "Farzana" after "Farzana Yasmin, 36": her, by given name
            elif one_word and text in org_short and text not in surnames and c.label in ("PERSON", "ORGANIZATION"):
                c.label, c.canonical = org_short[text]
            elif c.label == "PERSON" and c.length >= 2:
                c.canonical = c.canonical or doc[c.start:c.end].text
        taken = set()
        for c in chosen:
            taken.update(range(c.start, c.end))
        if not surnames:
            return
        strings = doc.vocab.strings
        for i in ctx.titled:
            if i in taken:
                continue
            text = strings[ctx.orths[i]]
            if text in surnames and (doc[i].pos_ in ("PROPN", "NOUN", "ADJ", "VERB")
                                     or doc[i].pos_ == "ADV" and not doc[i].is_stop):  # "Connolly and Mulhearn"
                start = self.given_names_before(doc, i, taken)
                if start < i:  # "his nephew Ankit Singh" beside "Ravindra Pal Singh": another Singh
                    chosen.append(Candidate(start, i + 1, "PERSON", "surname_kin", 1, doc[start:i + 1].text))
                else:
                    chosen.append(Candidate(i, i + 1, "PERSON", "surname", 1, surnames[text]))

    def link_shared_surnames(self, ctx: EntityContext, chosen: list[Candidate]) -> list[Candidate]:
        """"brothers Vikas and Nitin Yadav", "Maria and Jose Lopez": a given name joined to a full name that
        ends in the surname both share, written as that person (with the surname in the canonical name)."""
        doc = ctx.doc
        for c in list(chosen):
            if c.label != "PERSON" or c.length < 2 or c.start < 2 or doc[c.start - 1].lower_ != "and":
                continue
            given = doc[c.start - 2]
            other = next((o for o in chosen if o.start <= given.i < o.end), None)
            if not given.is_title or given.pos_ != "PROPN" or other is not None and (
                    other.length > 1 or other.label in ("PLACE", "COURT", "AGENCY")
                    or other.label == "PERSON" and other.canonical not in (None, given.text)):
                continue
            siblings = given.i > 0 and doc[given.i - 1].lower_ in SIBLING_NOUNS
            if not siblings and (given.text.upper() not in first_names()
                                 or given.i > 0 and doc[given.i - 1].is_title and doc[given.i - 1].pos_ == "PROPN"):
                continue  # not the surname of "Tanner Dale and Brody Flett"
            if other is not None:
                chosen.remove(other)
            chosen.append(Candidate(given.i, given.i + 1, "PERSON", "shared_surname", 1,
                                    f"{given.text} {doc[c.end - 1].text}"))
        chosen.sort(key=lambda c: c.start)
        return chosen

    def given_names_before(self, doc: Doc, i: int, taken: set[int]) -> int:
        """Where a name ending in surname `i` starts: the capitalized given names the model left out before it
        ("Ankit [Singh]", "Vishal Vikram [Singh]"), not a title or a body's word ("Police", "Judge")."""
        heads = self.lex.agency_heads | self.lex.org_heads | self.lex.court_heads
        start = i
        while start > 0 and start - 1 not in taken and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].text not in heads and doc[start - 1].text.casefold() not in self.lex.titles \
                and doc[start - 1].ent_type_ in ("", "NORP", "PERSON") \
                and (self.evidence.name_part(doc[start - 1]) or doc[start - 1].ent_type_ in ("NORP", "PERSON")
                     and doc[start - 1].is_title and not self.places.is_known_place(doc[start - 1].text)):
            start -= 1  # the model may call a given name it does not know a nationality ("Harnam")
        return start


SIBLING_NOUNS = frozenset({"brothers", "sisters", "siblings", "cousins", "twins"})


def beside_surname(doc: Doc, start: int, end: int, surnames: dict[str, str]) -> bool:
    """Listed with another surname of the article ("Rashid and Hussain would serve"): two people, however much
    the model's place tags of both make them look like "Phoenix and Mesa"."""
    return any(t is not None and t.text in surnames for t in listed_beside(doc, start, end))

