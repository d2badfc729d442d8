"""Guards of custody and release: held in custody, in jail, booked into a jail, appearing in court,
surrendered, executed."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..context import DocContext
from ..participants import actor_token, court_like, patient, person_like
from ..syntax import is_passive
from .registry import guard


@guard("release_noun")
def release_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"his release", "release from prison": not a press release."""
    if tok.dep_ == "compound" or any(c.dep_ == "compound" and c.lower_ in ("press", "news") for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ == "poss" and person_like(c, ctx):
            return True
        if c.dep_ == "prep" and c.lower_ in ("of", "from", "on"):
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if c.lower_ != "of" or any(person_like(o, ctx) for o in objs):
                return True
    return False


@guard("held_custody")
def held_custody(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"held in custody", "was held at a jail": not "held a hearing", "held that", "held in contempt"."""
    if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ctx.lexicon.nouns.hearing_objects for c in tok.children):
        return False
    if any(c.dep_ == "ccomp" for c in tok.children):
        return False
    preps = [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    if any(p.lemma_ in ("contempt", "account", "responsible", "liable") for p in preps):
        return False
    if any(c.dep_ in ("acomp", "oprd") for c in tok.children):
        return False
    custody = ctx.lexicon.nouns.custody_words
    near_custody = any(p.lemma_.lower() in custody or ctx.ents.get(p.i) is not None for p in preps) or (
        tok.dep_ == "relcl" and any(c.lower_ == "where" for c in tok.children))  # "the jail, where ICE held her"
    obj = patient(tok, ctx)
    if is_passive(tok):
        return obj is None or person_like(obj, ctx) or near_custody
    return obj is not None and person_like(obj, ctx) and near_custody


@guard("in_jail")
def in_jail(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"are in jail", "remains in prison": a person held now; not "years in prison" (a term)."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "in" or any(c.dep_ in ("det", "poss") for c in tok.children):
        return False
    verb = tok.head.head
    if verb.lemma_ == "spend":  # "the three weeks her client spent in jail", not "could spend 20 years in prison"
        return verb.tag_ in ("VBD", "VBN") and not any(c.dep_ == "aux" for c in verb.children)
    return verb.lemma_ in ("be", "remain", "sit", "languish", "stay", "die") and \
        person_like(next((c for c in verb.children if c.dep_ in ("nsubj",)), None), ctx)


@guard("booked_into")
def booked_into(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was booked into the county jail": a person taken into custody, not a room or a flight booked."""
    return any(c.dep_ == "prep" and c.lower_ in ("into", "in") and any(
        g.dep_ == "pobj" and g.lemma_.lower() in ctx.lexicon.nouns.custody_words for g in c.children)
        for c in tok.children) and (is_passive(tok) or person_like(patient(tok, ctx), ctx))


@guard("picked_up")
def picked_up(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"were picked up at their homes", "police picked him up": a person taken by the police; not a parcel
    or a phone picked up."""
    if not person_like(patient(tok, ctx), ctx):
        return False
    actor = actor_token(tok, ctx)
    return is_passive(tok) or actor is not None and enforcer(actor, ctx)


def enforcer(tok: Token, ctx: DocContext) -> bool:
    """Police, investigators or an agency: "Detectives", "The STF team", "officers of the Hawks"."""
    bodies = ctx.lexicon.nouns.charging_bodies
    if tok.lemma_.lower() in bodies or tok.lower_ in bodies or tok.lemma_.lower() + "s" in bodies:
        return True
    ent = ctx.ents.get(tok.i)
    if ent is not None:
        return ent.label_ == "AGENCY"
    return tok.lemma_.lower() in ("team", "unit", "squad") and any(
        ctx.ents.get(c.i) is not None and ctx.ents[c.i].label_ in ("AGENCY", "ORGANIZATION") or c.lower_ == "police"
        for c in tok.children if c.dep_ in ("compound", "nmod", "amod"))


@guard("walked_out")
def walked_out(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"walked out of the Stateville Correctional Center", "walked free from court": a person released."""
    if not person_like(actor_token(tok, ctx), ctx):
        return False
    places = ctx.lexicon.nouns.custody_places | ctx.lexicon.nouns.custody_words
    return span[-1].lower_ == "free" or any(
        p.dep_ == "prep" and p.lower_ == "of" and any(t.lemma_.lower() in places for t in p.subtree)
        for c in (tok, *tok.children) for p in c.children)


@guard("booked_under")
def booked_under(tok: Token, span: Span, ctx: DocContext) -> bool:
    """South Asian "was booked under sections of the penal code", "booked over a video report": a case
    registered against a person, a charge; not "booked into the county jail" (custody) or a room booked."""
    if not (is_passive(tok) or person_like(patient(tok, ctx), ctx)):
        return False
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("under", "over")):
        obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if obj is not None and (prep.lower_ == "over" or obj.lemma_.lower() in ("section", "act", "law", "provision")
                                or ctx.ents.get(obj.i) is not None and ctx.ents[obj.i].label_ == "LAW"):
            return True
    return False


@guard("appears_in_court")
def appears_in_court(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"is due to appear in court", "appeared before a magistrate": a hearing of whoever appears."""
    return before_court(tok, ctx, ("in", "before", "at")) and person_like(actor_token(tok, ctx), ctx)


def before_court(tok: Token, ctx: DocContext, prepositions: tuple[str, ...] = ("in", "before", "at")) -> bool:
    """"in court", "before a magistrate", "at the High Court": the place a hearing is held."""
    return any(c.dep_ == "prep" and c.lower_ in prepositions and any(
        g.dep_ == "pobj" and (court_like(g, ctx) or g.lemma_.lower() in ("court", "courtroom") or named_court_pronoun(g, ctx))
        for g in c.children) for c in tok.children)


def named_court_pronoun(tok: Token, ctx: DocContext) -> bool:
    """"appeared before it", where "it" is the court just named."""
    if tok.lower_ != "it":
        return False
    body = ctx.coref.resolve_group(tok)
    return body is not None and body.label_ == "COURT"


@guard("reappears")
def reappears(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"The accused will reappear on October 12": a person's next court date, the court unsaid."""
    return before_court(tok, ctx) or person_like(actor_token(tok, ctx), ctx)


@guard("court_appearance")
def court_appearance(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"his next court appearance", "an appearance before the magistrate", "their next appearance" in a court
    story: a hearing; not a public appearance."""
    if any(c.dep_ == "compound" and c.lower_ == "court" for c in tok.children) or before_court(tok, ctx):
        return True
    # "They will make their next appearance on June 9", in a story of a court case
    return any(c.dep_ == "amod" and c.lower_ in ("next", "first", "initial") for c in tok.children) \
        and any(c.dep_ == "poss" and (c.lower_ == "their" or person_like(c, ctx)) for c in tok.children) \
        and any(t.lower_ in ("court", "magistrate", "judge") for t in tok.doc)


@guard("produced_in_court")
def produced_in_court(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"The accused were produced before the court", "were brought to court": brought to a hearing; not
    goods or evidence produced, nor someone brought back to a country.
    Who produces them (the police) plays no role the SPEC gives a hearing."""
    actor = None if is_passive(tok) else actor_token(tok, ctx)  # "the investigating officer produced the five"
    produced = patient(tok, ctx)
    where = ("in", "before", "at", "to")
    return (is_passive(tok) or actor is not None and enforcer(actor, ctx)) and person_like(produced, ctx) \
        and (before_court(tok, ctx, where) or not is_passive(tok) and before_court(produced, ctx, where))


@guard("surrender_person")
def surrender_person(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"handed over the suspect": a person handed to another state, not one who turns himself in nor
    one handed to the police."""
    obj = patient(tok, ctx)
    if tok.lemma_ == "hand" and not any(c.lower_ == "over" for c in tok.children):
        return False
    receivers = [g for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
                 for g in c.children if g.dep_ == "pobj"]
    if any(g.lemma_.lower() in ctx.lexicon.nouns.custody_words or g.lemma_.lower() in ctx.lexicon.nouns.charging_bodies
           for g in receivers):
        return False  # "handed the suspects over to police on remand": a custody at home, not an extradition
    return person_like(obj, ctx) and obj.lower_ not in ("himself", "herself", "themselves")


@guard("executed_person")
def executed_person(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"executed the prisoner": not "executed a search warrant"."""
    obj = patient(tok, ctx)
    return obj is not None and obj.lemma_.lower() not in ctx.lexicon.nouns.executed_objects \
        and (person_like(obj, ctx) or obj.tag_ in ("NNS", "NNPS")) and not murder_told_as_execution(tok, ctx)


@guard("hanged_person")
def hanged_person(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"Singapore hanged a man convicted of trafficking", "was hanged at dawn", "will be hanged": an execution.
    Not "hung" (a picture, a jury), "hanged himself", "was found hanged", nor a lynching by a mob."""
    if tok.lower_ not in ("hang", "hanged", "hanging", "hangs") or tok.dep_ == "amod":
        return False
    if tok.head.lemma_ == "find" or any(c.lower_ in ("himself", "herself", "themselves") for c in tok.children):
        return False
    return executed_person(tok, span, ctx)


def murder_told_as_execution(tok: Token, ctx: DocContext) -> bool:
    """"was executed at close range by two gunmen": a killing described as an execution, not a state's
    death sentence carried out; told by the manner ("at close range", "execution-style") or the killers."""
    nouns = ctx.lexicon.nouns
    for t in tok.subtree:
        if t.lemma_.lower() in nouns.killing_manners and t.i != tok.i:
            return True
    killer = actor_token(tok, ctx)
    return killer is not None and killer.lemma_.lower() in nouns.non_state_killers


@guard("bailed_person")
def bailed_person(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the man was bailed", "magistrates bailed him": a release on bail; not "bailed out" a bank."""
    if any(c.dep_ == "prt" for c in tok.children):
        return False
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in ("admit", "object") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return True  # "was admitted to bail", "did not object to bail": the noun the parser reads as a verb
    bailed = patient(tok, ctx)
    return bailed is not None and person_like(bailed, ctx)

