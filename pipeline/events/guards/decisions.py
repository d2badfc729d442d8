"""Guards of court decisions: held that, rulings, a court's orders, blocks and bars, put on hold, contempt,
dismissals."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ...coref import PRONOUNS
from ..context import DocContext
from ..participants import actor_token, court_like, executive_like, jury, patient, person_like
from ..roles import court_after
from ..syntax import is_passive
from .registry import guard, generic
from .common import not_modifier


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


@guard("allowed_plea")
def allowed_plea(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"The court allowed the appeal of his co-defendant", "allowed the petition": a court deciding a plea in
    its favour (Commonwealth usage); not "allowed the investigation to continue" or "allowed him to leave"."""
    if any(g.dep_ in ("xcomp", "ccomp") for g in tok.children):
        return False
    return any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.lexicon.nouns.plea_nouns | {"appeal", "writ"}
               and not any(g.lemma_.lower() in ("bail", "bond") for g in c.children if g.dep_ in ("compound", "amod"))
               and not any(o.lemma_.lower() in ("bail", "bond") for p in c.children if p.dep_ == "prep"
                           and p.lower_ == "for" for o in p.children)  # a bail plea allowed is a RELEASE
               for c in tok.children)


@guard("court_actor")
def court_actor(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the judge found", "the court sided with": a verb that is a ruling only when a court does it."""
    lemma = tok.lemma_
    if lemma == "find" and (not any(c.dep_ == "ccomp" for c in tok.children)
                            or any(t.lower_ == "guilty" for t in tok.doc[tok.i:min(tok.i + 12, tok.sent.end)])):
        return False
    actor = actor_token(tok, ctx)
    if actor is not None and jury(actor):
        return False
    if lemma == "grant":
        if any(c.dep_ == "dobj" and c.lemma_ in ("stay", "injunction", "clemency", "pardon", "parole", "release",
                                                 "bail", "bond", "hearing", "extension", "order", "reprieve")
               for c in tok.children):
            return False
    if lemma == "deny" and any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.lexicon.nouns.pleaded_accusations
                               for c in tok.children):
        return False  # "He denied the charges": a plea; a court dismisses charges
    if lemma == "set" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("day", "week", "hour", "month", "time", "date")
                              for c in tok.children):
        return False  # "had set aside two days for the hearing": time reserved, no decision set aside
    if lemma in ("side", "strike") and not any(c.dep_ in ("prep", "prt") for c in tok.children):
        return False
    if lemma == "refuse" and not refuses_bail(tok):
        return False  # "refused to hear the case": what is refused is the event
    if lemma in ("grant", "deny", "reject", "refuse", "allow", "dismiss", "approve") and about_custody(tok) \
            and not (lemma in ("deny", "reject", "refuse", "dismiss") and refuses_bail(tok)):
        return False  # "granted Tumukunde bail", "approved a three-day remand": the custody decided is the event
    return court_like(actor_token(tok, ctx), ctx)


def refuses_bail(verb: Token) -> bool:
    """"refused bail to both men", "rejected their bail petitions": a court's ruling against a release, beside
    the release it negates; a remand or detention approved is only the custody."""
    return any(c.dep_ in ("dobj", "dative", "nsubjpass") and c.lemma_.lower() in ("bail", "application", "petition",
                                                                                  "plea", "bid", "request")
               and any(t.lemma_.lower() == "bail" for t in c.subtree) for c in verb.children)


def about_custody(verb: Token) -> bool:
    """The verb's object is bail, a remand or a detention, or a plea for one ("Tumukunde bail", "his
    application for bail", "a three-day physical remand")."""
    return any(c.dep_ in ("dobj", "dative", "nsubjpass") and any(
        t.lemma_.lower() in ("bail", "remand", "detention", "custody", "detain") for t in c.subtree) for c in verb.children)


@guard("court_order")
def court_order(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the judge ordered": a court's order, not a governor's."""
    actor = actor_token(tok, ctx)
    if actor is None:  # not "a protest directed only at the chief secretary"
        return tok.lemma_ in ("order", "direct") and (is_passive(tok) and tok.dep_ != "acl" or tok.dep_ in ("advcl", "conj"))
    if court_like(actor, ctx):
        return True
    if tok.lemma_ not in ("order", "direct"):
        return False
    if actor.lower_ in PRONOUNS or (ctx.ents.get(actor.i) is not None and ctx.ents[actor.i].label_ == "PERSON"):
        return False
    return not executive_like(actor, ctx)


@guard("order_noun")
def order_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A court's order, not an executive, gag or takeout order, one taken or placed, nor "in order to"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return False
    if tok.head.lower_ in ("law",) or generic(tok, ctx):
        return False
    nouns = ctx.lexicon.nouns
    if tok.dep_ == "dobj" and tok.head.lemma_ in nouns.commerce_order_verbs:
        return False
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in nouns.non_court_orders:
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
    """A court barring someone from an act ("the judge barred ICE from deporting him", "stopped the agency
    from arresting him") or stopping one ("declined to stop the removal"): the court is the doer and "from"
    names what is stopped; "prevent", "bar" and "stop" said of anything else are not blocks."""
    from_act = any(c.dep_ == "prep" and c.lower_ == "from" and any(g.dep_ in ("pcomp", "pobj") for g in c.children)
                   for c in tok.children)
    stopped = tok.lemma_ == "stop" and any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ctx.lexicon.nouns.blockable
                                           for c in tok.children)  # "declined to stop the removal"
    return (from_act or stopped) and court_like(actor_token(tok, ctx), ctx)


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


@guard("quashed_case")
def quashed_case(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"quashed the FIR", "struck out the charges": a case thrown out (DISMISS); quashing a conviction, a
    sentence or an order reverses a decision and stays a RULING (`court_verb.v`)."""
    if tok.lemma_ == "strike" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return False
    obj = patient(tok, ctx) or next((g for c in tok.children if c.dep_ == "ccomp" for g in c.children
                                     if g.dep_ == "nsubj"), None)  # "quashed the FIR lodged against him", misparsed
    objects = ctx.lexicon.nouns.legal_objects | {"fir", "firs", "proceedings", "summons", "chargesheet"}
    return obj is not None and obj.lemma_.lower() in objects and court_like(actor_token(tok, ctx), ctx) \
        or obj is not None and obj.lemma_.lower() in objects and is_passive(tok)


@guard("appeal_noun")
def appeal_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """An appeal to a court, not a plea to the public ("an appeal for witnesses", "for calm")."""
    if not not_modifier(tok, span, ctx):
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and g.lemma_.lower() in ctx.lexicon.nouns.public_appeal_objects for g in c.children)
        for c in tok.children)


@guard("court_petition_noun")
def court_petition_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A petition to a court: "filed a habeas petition", "the court dismissed the petition", "a petition in
    the High Court", "The petition argues that": not one to a government or the public ("a petition signed
    by 10,000 residents")."""
    if not not_modifier(tok, span, ctx):
        return False
    if any(c.dep_ in ("compound", "amod") and c.lower_ in ("habeas", "writ") for c in tok.children):
        return True
    if any(c.dep_ in ("compound", "amod", "nmod") for c in tok.children):
        return False  # "a bail petition", "a mercy petition", "an asylum petition": asks for something else
    filed_with = ("in", "before", "with")
    if court_after(tok, filed_with, ctx) is not None:
        return True
    gov = tok.head
    if tok.dep_ in ("dobj", "nsubjpass") and gov.lemma_ in ctx.lexicon.nouns.petition_handling_verbs:
        return court_like(actor_token(gov, ctx), ctx) or gov.lemma_ in ctx.lexicon.syntax.request_light \
            and court_like(next((g for c in gov.children if c.dep_ == "prep" and c.lower_ in filed_with
                                 for g in c.children if g.dep_ == "pobj"), None), ctx)
    return tok.dep_ == "nsubj" and gov.lemma_ in ("argue", "allege", "claim", "contend", "assert") \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)


@guard("court_stay")
def court_stay(tok: Token, span: Span, ctx: DocContext) -> bool:
    """An injunction or a court's stay ("a stay of execution", "lifted the stay"), not a stay in a country
    ("their unlawful stay in Kenya", "during his stay in London")."""
    if not not_modifier(tok, span, ctx):
        return False
    if tok.lemma_ != "stay":
        return True
    if any(c.dep_ == "amod" and c.lower_ in ctx.lexicon.nouns.residence_stay_words for c in tok.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in ("in", "at") and any(
        g.dep_ == "pobj" and (g.ent_type_ == "PLACE" or g.lemma_.lower() in ctx.lexicon.nouns.location)
        for g in c.children) for c in tok.children)


@guard("appeal_verb")
def appeal_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"appealed the ruling", "appealed to the Supreme Court to overturn it": an appeal; "appealed to the
    court to grant them bail", "appealed to the public to stay calm": a plea for something else."""
    purpose = next((c for c in tok.children if c.dep_ in ("xcomp", "advcl")
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    return purpose is None or purpose.lemma_ in ctx.lexicon.syntax.review_verbs


@guard("rule_verb")
def rule_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"the judge ruled", "Koh ruled that": not "ruled out", nor a ruler ruling ("a regime that rules by
    fear", "the electoral council ruled"): the verb's own subject, when it has one, is a court, a judge
    or a person."""
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children):
        return False
    doer = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if doer is not None and doer.lower_ in ("who", "which", "that") and tok.dep_ == "relcl":
        doer = tok.head
    if doer is None or doer.lower_ in PRONOUNS or ctx.in_dateline(doer.idx):
        return True
    return court_like(doer, ctx) or person_like(doer, ctx)
