"""Guards of charges and trials: tried for, heard a case, charged with."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..context import DocContext
from ..participants import actor_token, court_like, jury, patient, person_like
from ..syntax import is_passive
from .registry import guard


@guard("tried_for")
def tried_for(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was tried for murder": not "tried to flee"."""
    return is_passive(tok) and not any(c.dep_ == "xcomp" for c in tok.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("for", "as", "in") for c in tok.children)


@guard("hear_case")
def hear_case(tok: Token, span: Span, ctx: DocContext) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in ("case", "appeal", "argument", "challenge", "petition",
                                                                "application", "bid", "plea", "motion", "matter")
               for c in tok.children)


@guard("charge_verb")
def charge_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"charged him with fraud", "was accused of": not "charged a fee"."""
    if tok.lemma_ == "charge":
        obj = patient(tok, ctx)
        fees = ctx.lexicon.nouns.fee_words
        named = obj is not None and ctx.ents.get(obj.i) is not None and ctx.ents[obj.i].label_ == "PERSON"
        if obj is not None and not named and (obj.like_num or obj.text == "$" or obj.lower_ in fees):
            return False  # "the price charged", not "Lena Price was charged"
        if any(t.text == "$" or t.lower_ in fees and not (ctx.ents.get(t.i) is not None and ctx.ents[t.i].label_ == "PERSON")
               for c in tok.children if c.dep_ in ("dobj", "npadvmod", "advmod", "dative")
               for t in c.subtree):
            return False
        return obj is None or person_like(obj, ctx) or any(c.lower_ == "with" for c in tok.children)
    if tok.lemma_ == "accuse":
        accused = patient(tok, ctx)
        holders = [tok] + ([accused] if accused is not None and not is_passive(tok) else [])
        if not any(c.dep_ == "prep" and c.lower_ == "of" for h in holders for c in h.children):
            return False  # "accused of fraud", "accused Okafor of fraud" (the parser may hang "of" on him)
        if is_passive(tok):
            return True
        accuser = actor_token(tok, ctx)  # "Police accused him of fraud", not "critics accused the mayor of"
        ent = ctx.ents.get(accuser.i) if accuser is not None else None
        return accuser is not None and (accuser.lemma_.lower() in ctx.lexicon.nouns.charging_bodies
                                        or ent is not None and ent.label_ == "AGENCY")
    if tok.lemma_ == "prosecute":
        return patient(tok, ctx) is not None  # "Ms Carter, prosecuting, said": the prosecutor's role
    return True


@guard("cleared_of_crime")
def cleared_of_crime(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was cleared of murder", "the jury cleared him of all charges": an acquittal; not "cleared the
    way" or "cleared for release"."""
    cleared = patient(tok, ctx)
    if cleared is None or not person_like(cleared, ctx):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return True
    actor = None if is_passive(tok) else actor_token(tok, ctx)
    if actor is not None:  # "a jury convicted A and B but cleared C"
        return jury(actor) or court_like(actor, ctx)
    # "The fifth man, X, was cleared": the verdict with nothing after it; not "cleared to travel", "cleared by doctors"
    by = next((g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    return is_passive(tok) and not any(c.dep_ in ("xcomp", "ccomp", "advcl", "dobj", "prt") or c.dep_ == "prep"
                                       and c.lower_ in ("for", "to") for c in tok.children) \
        and (by is None or by.lemma_.lower() in ("jury", "juror", "court", "judge", "magistrate") or court_like(by, ctx))


@guard("admits_offence")
def admits_offence(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"admitted three offences", "admitting contempt of court": a defendant's plea of guilty; not
    "admitted that", "admitted to hospital" or "admitted wrongdoing" in a settlement."""
    admitted = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if admitted is None or is_passive(tok):
        return False
    words = ctx.lexicon.nouns.admitted_offences
    return admitted.lemma_.lower() in words or admitted.lower_ in words \
        or any(c.dep_ in ("amod", "compound") and c.lower_ in words for c in admitted.children)

