"""Guards of immigration actions: removal, return and asylum."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..context import DocContext
from ..participants import destination, foreign, is_us, mover, patient, person_like
from ..syntax import has_back, is_passive
from .registry import guard, generic


NOT_REMOVED = {"reason", "barrier", "limit", "obstacle", "content", "post", "provision", "language", "requirement",
               "restriction", "judge", "member", "official"}


@guard("deport_verb")
def deport_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"removed the migrant", "returned him to Honduras": a person sent out of the country, not a thing removed."""
    if tok.lemma_ in ("deport", "expel"):
        return True
    dest = destination(tok)
    obj = patient(tok, ctx)
    if obj is not None and obj.lemma_.lower() in ctx.lexicon.nouns.release_objects | NOT_REMOVED:
        return False
    return person_like(obj, ctx) or foreign(dest, ctx) or \
        any(c.dep_ == "prep" and c.lower_ == "from" and is_us(next((g for g in c.children if g.dep_ == "pobj"), c), ctx)
            for c in tok.children)


@guard("deport_noun")
def deport_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    if tok.dep_ == "compound" and tok.head.lemma_ not in ("order", "proceeding", "flight", "case"):
        return False
    if generic(tok, ctx):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and not any(person_like(g, ctx) for g in c.children if g.dep_ == "pobj"):
            return False
    return True


@guard("sent_abroad")
def sent_abroad(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"sent back to Lagos": a person sent to another country, not to prison."""
    obj = mover(tok, ctx)
    if not person_like(obj, ctx):
        return False
    if tok.head.lemma_ == "fear" or (tok.dep_ == "pcomp" and tok.head.head.lemma_ == "fear"):
        return False
    dest = destination(tok)
    if tok.lemma_ == "fly" and (tok.tag_ == "VBD" or not is_passive(tok)) and not any(c.dep_ == "dobj" for c in tok.children):
        return False  # "flew home to New York": one who travels, not one who is removed
    if tok.lemma_ in ("send",):
        if dest is not None and (dest.lemma_ in ("prison", "jail", "court", "hospital", "school", "letter")
                                 or dest.lemma_.lower() in ctx.lexicon.nouns.custody_words):
            return False  # "sent back to immigration detention": a custody, not a removal
        return foreign(dest, ctx) or has_back(tok)
    return foreign(dest, ctx)


@guard("brought_back")
def brought_back(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"brought back", "returned to the United States": a removed person brought back (RETURN)."""
    obj = mover(tok, ctx)
    dest = destination(tok)
    if tok.lemma_ in ("bring", "fly"):
        return has_back(tok) and person_like(obj, ctx) and (dest is None or not foreign(dest, ctx))
    if not person_like(obj, ctx) or foreign(dest, ctx):
        return False
    if tok.head.lemma_ == "fear" or (tok.dep_ == "pcomp" and tok.head.head.lemma_ == "fear"):
        return False
    if dest is None:
        return has_back(tok) or any(c.dep_ == "dobj" for c in tok.children) and (
            tok.dep_ in ("xcomp", "ccomp", "pcomp") or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))
    return True


@guard("return_noun")
def return_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"his return", "the return of the migrants": a person's return."""
    for c in tok.children:
        if c.dep_ == "poss" and person_like(c, ctx):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(person_like(g, ctx) for g in c.children if g.dep_ == "pobj"):
            return True
    return False


ASYLUM_WORDS = {"asylum", "protection", "refuge", "refugee"}


@guard("asylum_verb")
def asylum_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"applied for asylum", "sought protection"."""
    for c in tok.children:
        if c.dep_ == "dobj" and c.lemma_.lower() in ASYLUM_WORDS:
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in ASYLUM_WORDS for g in c.children):
            return True
    return False


@guard("asylum_noun")
def asylum_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"asylum request", "application for protection"."""
    if generic(tok, ctx):
        return False
    for c in tok.children:
        if c.dep_ in ("compound", "amod") and c.lower_ == "asylum":
            return True
        if c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in ("asylum", "protection", "refuge") for g in c.children):
            return True
    return False
