"""Guards: named checks that read the parse around a trigger and say whether its sense fits.

A trigger entry of `triggers.jsonl` names its guard (`"guard": "held_custody"`); the guard registered
under that name here gets the trigger's head token, its span and the Doc's context ("held in custody"
/ "held a hearing" / "held that"; "returned to Guatemala" / "returned to the United States"; a
court's order / an executive one). Guards follow SPEC section 3's annotation rules.
"""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Span, Token

from ..coref import PRONOUNS
from .context import DocContext
from .participants import (actor_token, court_like, destination, executive_like, foreign, is_us, mover, patient,
                           person_like)
from .syntax import has_back, is_passive

__all__ = ["GUARDS", "Guard", "guard", "generic", "on_hold"]

Guard = Callable[[Token, Span, DocContext], bool]
GUARDS: dict[str, Guard] = {}


def guard(name: str) -> Callable[[Guard], Guard]:
    """Register a guard under the name trigger entries use."""
    def register(fn: Guard) -> Guard:
        GUARDS[name] = fn
        return fn
    return register


def generic(tok: Token, ctx: DocContext) -> bool:
    """A bare plural ("deportations", "court orders") names a kind of action, not one action."""
    if tok.tag_ not in ("NNS", "NNPS"):
        return False
    if any(c.dep_ in ("det", "amod") and c.lower_ in ctx.lexicon.syntax.generic_determiners for c in tok.children):
        return True
    if tok.lemma_ in ("charge", "acquittal", "count"):
        return False
    if tok.dep_ == "dobj" and tok.head.lemma_ in ("face", "serve", "receive", "impose", "get", "hand"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "prep" and c.lower_ == "of")
                   for c in tok.children)


# ---- any family ----------------------------------------------------------------------------
@guard("not_modifier")
def not_modifier(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A noun that names an action, not one that modifies ("custody battle") or counts ("deportations")."""
    if tok.lemma_ in ("custody", "detention") and tok.dep_ == "pobj" and tok.head.lower_ == "from":
        return False
    if tok.lemma_ in ("custody", "detention") and tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return False
    if tok.lemma_ in ("custody", "detention") and tok.dep_ == "pobj" and tok.head.head.lemma_ == "remand":
        return False  # "remanded in custody": one detention, whose trigger is the verb
    if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_ not in ("order",):
        return False
    if tok.pos_ == "VERB" and not any(c.dep_ in ("det", "compound", "poss", "amod") for c in tok.children):
        return False  # "a status hearing" tagged VERB is a noun; "is hearing the case" is no hearing noun
    if tok.lemma_ in ("imprisonment", "incarceration", "detention") and penalty_term(tok, ctx):
        return False
    return not generic(tok, ctx)


def penalty_term(tok: Token, ctx: DocContext) -> bool:
    """"16 months imprisonment", "life imprisonment", "sentenced to detention": the term of a sentence,
    not a detention of its own."""
    term = ctx.lexicon.nouns.term_words
    if any(c.dep_ in ("compound", "nummod", "amod", "npadvmod") and c.lemma_.lower() in term for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lemma_ in ("sentence", "jail", "condemn")


@guard("not_treaty")
def not_treaty(tok: Token, span: Span, ctx: DocContext) -> bool:
    return not (tok.dep_ == "compound" and tok.head.lemma_ in ("treaty", "agreement", "law", "process"))


@guard("person_object")
def person_object(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"captured the suspect", "remain free": an action on a person, not on things."""
    if tok.pos_ == "ADJ":
        return tok.lemma_ == "free" and tok.head.lemma_ in ("remain", "go", "walk", "set", "be") \
            and tok.dep_ in ("acomp", "oprd", "advmod", "xcomp")
    obj = patient(tok, ctx)
    if obj is None:
        return False
    if obj.lemma_.lower() in ctx.lexicon.nouns.release_objects:
        return False
    return person_like(obj, ctx)


# ---- justice: custody and release ------------------------------------------------------------
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


@guard("appears_in_court")
def appears_in_court(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"is due to appear in court", "appeared before a magistrate": a hearing of whoever appears."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "before"):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and (court_like(obj, ctx) or obj.lemma_.lower() in ("court", "courtroom")):
                return person_like(actor_token(tok, ctx), ctx)
    return False


@guard("surrender_person")
def surrender_person(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"handed over the suspect": a person handed to another state, not one who turns himself in."""
    obj = patient(tok, ctx)
    if tok.lemma_ == "hand" and not any(c.lower_ == "over" for c in tok.children):
        return False
    return person_like(obj, ctx) and obj.lower_ not in ("himself", "herself", "themselves")


@guard("executed_person")
def executed_person(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"executed the prisoner": not "executed a search warrant"."""
    obj = patient(tok, ctx)
    return obj is not None and obj.lemma_.lower() not in ctx.lexicon.nouns.executed_objects \
        and (person_like(obj, ctx) or obj.tag_ in ("NNS", "NNPS")) and not murder_told_as_execution(tok, ctx)


def murder_told_as_execution(tok: Token, ctx: DocContext) -> bool:
    """"was executed at close range by two gunmen": a killing described as an execution, not a state's
    death sentence carried out; told by the manner ("at close range", "execution-style") or the killers."""
    nouns = ctx.lexicon.nouns
    for t in tok.subtree:
        if t.lemma_.lower() in nouns.killing_manners and t.i != tok.i:
            return True
    killer = actor_token(tok, ctx)
    return killer is not None and killer.lemma_.lower() in nouns.non_state_killers


# ---- justice: charges, trials and verdicts ---------------------------------------------------
@guard("tried_for")
def tried_for(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was tried for murder": not "tried to flee"."""
    return is_passive(tok) and not any(c.dep_ == "xcomp" for c in tok.children) \
        and any(c.dep_ == "prep" and c.lower_ in ("for", "as", "in") for c in tok.children)


@guard("hear_case")
def hear_case(tok: Token, span: Span, ctx: DocContext) -> bool:
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in ("case", "appeal", "argument", "challenge", "petition")
               for c in tok.children)


@guard("charge_verb")
def charge_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"charged him with fraud", "was accused of": not "charged a fee"."""
    if tok.lemma_ == "charge":
        obj = patient(tok, ctx)
        if obj is not None and (obj.like_num or obj.lower_ in ("$", "fee", "fees", "price", "interest")):
            return False
        if any(t.text == "$" or t.lower_ in ("fee", "fees", "rent", "interest") for c in tok.children
               if c.dep_ in ("dobj", "npadvmod", "advmod", "dative") for t in c.subtree):
            return False
        return obj is None or person_like(obj, ctx) or any(c.lower_ == "with" for c in tok.children)
    if tok.lemma_ == "accuse":
        return is_passive(tok) and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
    if tok.lemma_ == "prosecute":
        return patient(tok, ctx) is not None  # "Ms Carter, prosecuting, said": the prosecutor's role
    return True


# ---- prison terms, remand and bail -----------------------------------------------------------
def prison_term(tok: Token, ctx: DocContext) -> Token | None:
    """The for-phrase of "jailed for seven years", "imprisoned for life": a term, which a court imposes."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for obj in prep.children:
                ent = ctx.ents.get(obj.i)
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in ctx.lexicon.nouns.term_words
                                           or ent is not None and ent.label_ == "DATE" and ent._.timex_type == "DURATION"):
                    return obj
    return None


@guard("jail_term")
def jail_term(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was jailed for seven years": a sentence with its penalty, besides the jailing `arrest.v` finds."""
    return prison_term(tok, ctx) is not None


@guard("handed_term")
def handed_term(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was handed a four-year prison term", "handed him seven years": a sentence; not "handed over"."""
    if any(c.lower_ == "over" for c in tok.children):
        return False
    for obj in (c for c in tok.children if c.dep_ in ("dobj", "dative", "attr")):
        ent = ctx.ents.get(obj.i)
        if obj.lemma_.lower() in ("sentence", "term") or (ent is not None and ent.label_ == "DATE"
                                                           and ent._.timex_type == "DURATION"):
            return True
    return False


@guard("remanded_in_custody")
def remanded_in_custody(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"were remanded in custody", "remanded to jail": held pending trial; not "remanded the case"."""
    places = ctx.lexicon.nouns.custody_places
    if any(prep.dep_ == "prep" and prep.lower_ in ("in", "into", "to") and
           any(o.dep_ == "pobj" and o.lemma_.lower() in places for o in prep.children)
           for prep in tok.children):
        return True
    return remanded_person(tok, ctx)


def remanded_person(tok: Token, ctx: DocContext) -> bool:
    """"the court remanded the four policemen", "the suspects were remanded for a week": a person held
    pending trial; the US sense sends back a case ("remanded the case"), or a person to a lower court."""
    obj = patient(tok, ctx)
    if obj is None or not person_like(obj, ctx) or obj.lemma_.lower() in ctx.lexicon.nouns.legal_objects:
        return False
    return not any(prep.dep_ == "prep" and prep.lower_ in ("to", "back") and any(
        o.dep_ == "pobj" and (court_like(o, ctx) or o.lemma_.lower() in ("court", "judge")) for o in prep.children)
        for prep in tok.children)


@guard("remand_noun")
def remand_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"ordered the remand of the former governor", "his remand in custody": a person's remand, not a
    case's ("on remand, the district court ...") nor a "remand application"."""
    if tok.dep_ in ("compound", "amod", "nmod"):
        return False
    for c in tok.children:
        if c.dep_ == "poss" and person_like(c, ctx):
            return True
        if c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and person_like(g, ctx) for g in c.children):
            return True
        if c.dep_ == "prep" and c.lower_ in ("in", "into") and any(
                g.dep_ == "pobj" and g.lemma_.lower() in ctx.lexicon.nouns.custody_places for g in c.children):
            return True
    return False


@guard("bail_decided")
def bail_decided(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"granted bail to the men", "was refused bail": a court's decision on release (a refusal is the
    release negated), and "remains on bail"; "opposed the bail application" or "bail conditions" decide nothing."""
    nouns = ctx.lexicon.nouns
    gov = tok.head
    if tok.dep_ == "pobj" and gov.lower_ == "on" and gov.head.lemma_ in ("remain", "stay", "be"):
        return person_like(next((c for c in gov.head.children if c.dep_ in ("nsubj", "nsubjpass")), None), ctx) \
            or gov.head.dep_ in ("xcomp", "ccomp")  # "was allowed to remain on bail", "is out on bail"
    return tok.dep_ in ("dobj", "nsubjpass", "dative", "attr") and gov.pos_ in ("VERB", "AUX") \
        and gov.lemma_.lower() in nouns.bail_granting | nouns.bail_refusing


@guard("charge_noun")
def charge_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """Not "in charge", and not a charge that only says what a trial, a term or a detention is for."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and not any(c.dep_ == "det" for c in tok.children):
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for"):
        gov = tok.head.head
        if gov.pos_ in ("NOUN", "PROPN", "ADJ", "AUX") or gov.lemma_ in ("await", "face", "serve", "be", "hold", "jail", "imprison"):
            return False
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "pending" and tok.is_sent_start is False and tok.doc[tok.i - 1].is_sent_start:
        return False
    if tok.dep_ == "compound":
        return False
    return not prosecution_as_party(tok)


def prosecution_as_party(tok: Token) -> bool:
    """"the prosecution opposed bail", "a lawyer for the prosecution", "the prosecution's case": the
    prosecutors as a side of the case, not a charge; "the prosecution of the minister" and "faces
    prosecution" stay charges."""
    if tok.lemma_ != "prosecution" or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass", "poss", "conj") and any(c.lower_ == "the" for c in tok.children):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("for", "by", "from", "with", "to") \
        and any(c.lower_ == "the" for c in tok.children)


@guard("guilty_state")
def guilty_state(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was guilty of", "found him guilty": a finding of guilt; not a plea, not "not guilty"."""
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 4):span.start]]
    if any(w in ("not", "never", "n't") or w.startswith("plead") or w.startswith("plea") for w in before):
        return False
    return tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "amod") or any(c.lower_ == "of" for c in tok.children)


@guard("verdict")
def verdict(tok: Token, span: Span, ctx: DocContext) -> bool:
    return not generic(tok, ctx) and tok.dep_ != "compound"


@guard("not_plea")
def not_plea(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"not guilty" as a verdict, not as a plea ("pleaded not guilty")."""
    doc = span.doc
    before = doc[max(0, span.start - 3):span.start]
    return not any(t.lower_.startswith("plead") or t.lower_ in ("plea", "pleas", "pled") for t in before) and \
        not (span.end < len(doc) and doc[span.end].lemma_ in ("plea",))


@guard("probation")
def probation(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"placed on probation", "was given probation", "got off with probation": a court's penalty, not
    "violated his probation" or "a probation officer"."""
    nouns = ctx.lexicon.nouns
    if tok.dep_ == "pobj" and tok.head.lower_ == "on":
        return tok.head.head.lemma_ in ("place", "put", "sentence")
    if tok.dep_ == "pobj" and tok.head.lower_ == "with":
        return tok.head.head.lemma_ in nouns.lenient_verbs
    return tok.dep_ in ("dobj", "nsubjpass", "dative", "attr") and tok.head.lemma_ in nouns.penalty_verbs \
        and not any(c.dep_ == "poss" for c in tok.children)


@guard("petition_court")
def petition_court(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"petitioned the court", "petitioned for release": a filing, not "petitioned the mayor to resign"."""
    for c in tok.children:
        if c.dep_ == "dobj" and (court_like(c, ctx) or c.lemma_ in ("court", "judge")):
            return True
        if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "to", "in"):
            return True
    return False


@guard("moved_court")
def moved_court(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"moved the High Court", "approached the Supreme Court": a party taking its case to a court; not
    "moved the trial" or "approached the bench" with a phrasal particle."""
    if any(c.dep_ == "prt" for c in tok.children):
        return False
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    ent = ctx.ents.get(obj.i)
    return (ent is not None and ent.label_ == "COURT") or obj.lemma_.lower() in ("court", "tribunal")


@guard("pardon_verb")
def pardon_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"spared" a life from execution: not "spared no effort"."""
    if tok.lemma_ == "spare":
        text = tok.sent.text.lower()
        return person_like(patient(tok, ctx), ctx) and any(w in text for w in ("death", "execut", "clemency", "board"))
    return True


# ---- court decisions -----------------------------------------------------------------------
@guard("held_that")
def held_that(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the court held that ...": a holding, by a court."""
    return any(c.dep_ == "ccomp" and any(g.lower_ == "that" for g in c.children) for c in tok.children) \
        and court_like(actor_token(tok, ctx), ctx)


@guard("ruling_noun")
def ruling_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A court's ruling or decision, not an agency's ("the agency's decision to ...")."""
    if not not_modifier(tok, span, ctx):
        return False
    if any(c.dep_ in ("acl", "relcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
           for c in tok.children):
        return False
    for c in tok.children:
        if c.dep_ in ("poss", "compound"):
            ent = ctx.ents.get(c.i)
            if (ent is not None and ent.label_ == "AGENCY") or c.lemma_.lower() in ctx.lexicon.nouns.executive:
                return False
    return True


@guard("court_actor")
def court_actor(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the judge found", "the court sided with": a verb that is a ruling only when a court does it."""
    lemma = tok.lemma_
    if lemma == "find" and (not any(c.dep_ == "ccomp" for c in tok.children)
                            or any(t.lower_ == "guilty" for t in tok.doc[tok.i:min(tok.i + 12, tok.sent.end)])):
        return False
    actor = actor_token(tok, ctx)
    if actor is not None and actor.lemma_.lower() in ("jury", "juror", "jurors"):
        return False
    if lemma == "grant":
        if any(c.dep_ == "dobj" and c.lemma_ in ("stay", "injunction", "clemency", "pardon", "parole", "release",
                                                 "bail", "hearing", "extension", "order", "reprieve")
               for c in tok.children):
            return False
    if lemma in ("side", "strike") and not any(c.dep_ in ("prep", "prt") for c in tok.children):
        return False
    return court_like(actor_token(tok, ctx), ctx)


@guard("court_order")
def court_order(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the judge ordered": a court's order, not a governor's."""
    actor = actor_token(tok, ctx)
    if actor is None:
        return tok.lemma_ in ("order", "direct") and (is_passive(tok) or tok.dep_ in ("advcl", "conj"))
    if court_like(actor, ctx):
        return True
    if tok.lemma_ not in ("order", "direct"):
        return False
    if actor.lower_ in PRONOUNS or (ctx.ents.get(actor.i) is not None and ctx.ents[actor.i].label_ == "PERSON"):
        return False
    return not executive_like(actor, ctx)


@guard("order_noun")
def order_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A court's order, not an executive, gag or purchase order, nor "in order to"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return False
    if tok.head.lower_ in ("law",) or generic(tok, ctx):
        return False
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in ("executive", "gag", "purchase", "restraining", "protective"):
            return False
        if c.dep_ in ("poss", "compound") and executive_like(c, ctx):
            return False
    return True


@guard("block_verb")
def block_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A court blocking or staying something, not a person stayed or suspended."""
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if tok.lemma_ in ("stay", "suspend"):
        if obj is None or person_like(obj, ctx):
            return False
    actor = actor_token(tok, ctx)
    if actor is None:
        return tok.lemma_ != "suspend"
    return court_like(actor, ctx)


@guard("court_bars")
def court_bars(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A court barring someone from an act ("the judge barred ICE from deporting him"): the court is
    the doer and "from" names what is stopped; "prevent" and "bar" said of anything else are not blocks."""
    from_act = any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ in ("pcomp", "pobj") for g in c.children)
                   for c in tok.children)
    return from_act and court_like(actor_token(tok, ctx), ctx)


@guard("put_on_hold")
def put_on_hold(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the court put the deportation on hold", "the order was put on ice": a court halting something,
    not a government shelving its own project."""
    if not on_hold(tok, ctx):
        return False
    obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
    actor = actor_token(tok, ctx)
    if actor is not None:
        return court_like(actor, ctx)
    return obj is not None and obj.lemma_.lower() in ctx.lexicon.nouns.blockable


def on_hold(verb: Token, ctx: DocContext) -> bool:
    """"put ... on hold", "put ... on ice"."""
    return verb.lemma_ == "put" and any(c.dep_ == "prep" and c.lower_ == "on" and any(
        g.dep_ == "pobj" and g.lower_ in ctx.lexicon.nouns.hold_words for g in c.children) for c in verb.children)


@guard("contempt_finding")
def contempt_finding(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the judge held him in contempt", "was found in contempt of court": a court's finding, not a
    legislature's nor "holds the press in contempt" as a feeling."""
    if not any(c.dep_ == "prep" and c.lower_ == "in" and any(g.dep_ == "pobj" and g.lower_ == "contempt" for g in c.children)
               for c in tok.children):
        return False
    actor = actor_token(tok, ctx)
    if actor is None:
        return is_passive(tok)
    return court_like(actor, ctx)


@guard("dismiss_claim")
def dismiss_claim(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A claim, case or charge dismissed, not an employee."""
    obj = patient(tok, ctx)
    if obj is not None and obj.lemma_.lower() in ctx.lexicon.nouns.legal_objects:
        return True
    return court_like(actor_token(tok, ctx), ctx) and not person_like(obj, ctx)


# ---- immigration: removal, return and asylum ---------------------------------------------------
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
    if tok.lemma_ in ("send",):
        if dest is not None and dest.lemma_ in ("prison", "jail", "court", "hospital", "school", "letter"):
            return False
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
