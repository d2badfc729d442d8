"""What a person is: the role a title or apposition gives ("judge", "magistrate judge", "attorney
general") and the nationality a demonym beside the name gives."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .gazetteer import EntityLexicon

__all__ = ["RoleFinder", "assign_nationalities"]


class RoleFinder:
    """`span._.role` of a person from the titles and judge kinds of one models folder's lexicon."""

    def __init__(self, lexicon: EntityLexicon):
        self.titles = lexicon.titles
        self.judge_kinds = lexicon.judge_kinds

    def role(self, doc: Doc, span: Span) -> str | None:
        """The title before a name ("Judge", "Secretary") or the noun it stands in apposition to."""
        i = span.start - 1
        while i >= 0 and i >= span.start - 3:
            tok = doc[i]
            if tok.lower_ == "general" and i > 0 and doc[i - 1].is_title:
                return f"{doc[i - 1].lower_} general"  # Attorney General, Solicitor General
            if tok.lower_ == "attorney" and i > 0 and doc[i - 1].text in ("District", "U.S.", "State", "County"):
                return f"{doc[i - 1].text if doc[i - 1].text == 'U.S.' else doc[i - 1].lower_} attorney"
            if tok.text.casefold() in self.titles:
                return self.judge_kind(doc, i, self.titles[tok.text.casefold()]) or None
            if tok.text == "," and i > 0 and doc[i - 1].lower_ in self.titles:
                return self.judge_kind(doc, i - 1, self.titles[doc[i - 1].lower_]) or None
            if not (tok.is_title or tok.text in ("U.S.", "Chief", "Associate", ",")):
                break
            i -= 1
        if span.end + 3 < len(doc) and doc[span.end].text == ",":
            for tok in doc[span.end + 1: span.end + 5]:
                if tok.lower_ in self.titles:
                    return self.judge_kind(doc, tok.i, self.titles[tok.lower_]) or None
        return None

    def judge_kind(self, doc: Doc, i: int, role: str) -> str:
        """"Magistrate Judge", "Bankruptcy Judge", "Superior Court Judge": the kind of court before a
        judge's title is part of the role (`judge_kinds` in the lexicon); "U.S."/"federal" are not."""
        if role != "judge" or i == 0:
            return role
        j = i - 1
        if doc[j].lower_ == "court" and j > 0:
            j -= 1
        kind = self.judge_kinds.get(doc[j].text.casefold())
        return f"{kind} {role}" if kind else role


def assign_nationalities(doc: Doc, ents: list[Span], demonyms: list[tuple[int, int]]) -> None:
    """"Esteban Morales, 52, a Venezuelan man": the demonym goes onto the person it describes."""
    people = [e for e in ents if e.label_ == "PERSON"]
    for start, end in demonyms:
        noun = doc[end - 1].head
        targets = [noun.head] if noun.dep_ == "appos" else [noun] if noun.pos_ == "PROPN" else []
        if noun.dep_ in ("attr",):
            targets += [c for c in noun.head.children if c.dep_ == "nsubj"]
        for person in people:
            if any(person.start <= t.i < person.end for t in targets):
                person._.nationality = doc[start:end].text
