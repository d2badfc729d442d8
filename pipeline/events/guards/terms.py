"""Guards of prison terms, remand, bail, charges as nouns, verdicts, pleas, probation, petitions and pardons,
the phrasing of world wire copy."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..context import DocContext
from ..participants import actor_token, court_like, patient, person_like
from ..roles import bounded_term, has_currency, is_amount
from ..syntax import is_passive
from .registry import guard, generic


def prison_term(tok: Token, ctx: DocContext) -> Token | None:
    """The for-phrase of "jailed for seven years", "imprisoned for life": a term, which a court imposes."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "for":
            for obj in prep.children:
                ent = ctx.ents.get(obj.i)
                if obj.dep_ == "pobj":
                    obj = bounded_term(obj)  # "for a maximum of 27 years"
                    ent = ctx.ents.get(obj.i)
                if obj.dep_ == "pobj" and (obj.lemma_.lower() in ctx.lexicon.nouns.term_words
                                           or ent is not None and ent.label_ == "DATE" and ent._.timex_type == "DURATION"):
                    return obj
                if obj.dep_ == "pobj" and obj.tag_ == "CD" and ent is None and not any(
                        c.pos_ in ("NOUN", "PROPN") for c in obj.children):
                    return obj  # "Hussain was jailed for nine": the years of the sentences told before it
    return None


def imposed_by_court(tok: Token, ctx: DocContext) -> bool:
    """A jailing a court orders: with a term ("jailed for seven years", "imprisoned for life"), or by a
    judge or court ("A judge has jailed a man for the killing")."""
    if prison_term(tok, ctx) is not None:
        return True
    if any(t.lower_ in ctx.lexicon.nouns.pretrial_cues or t.lemma_.lower() in ctx.lexicon.nouns.pretrial_cues
           for t in tok.subtree):
        return False  # "sent him to jail on judicial remand", "jailed him pending trial": held for trial
    actor = actor_token(tok, ctx)
    return actor is not None and court_like(actor, ctx)


@guard("jail_term")
def jail_term(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was jailed for seven years", "the judge jailed him": a sentence, not an arrest (`arrest.v` keeps
    "Police jailed the protesters")."""
    return imposed_by_court(tok, ctx)


@guard("no_jail_term")
def no_jail_term(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was sent to prison", "police jailed him": a jailing; one a court imposes is a sentence (`jail_term`)."""
    return not imposed_by_court(tok, ctx)


@guard("sent_with_term")
def sent_with_term(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"was sent to prison for five years": a sentence, by its term."""
    return prison_term(tok, ctx) is not None and person_like(patient(tok, ctx), ctx)


@guard("sent_without_term")
def sent_without_term(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"The magistrate sent the six to the district jail", "were taken to Kannur Central Prison": a custody, on
    remand or after a sentence told elsewhere; only a term makes it the sentence (`sent_with_term`). Not food
    or letters sent to a prison."""
    return prison_term(tok, ctx) is None and person_like(patient(tok, ctx), ctx)


@guard("fine_amount")
def fine_amount(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"a fine of $50,000", "a £1,000 fine", "a civil penalty of $6 million": a money penalty with its sum,
    not "a fine line", "the fine print" or a prison term ("a maximum penalty of 10 years")."""
    pay = tok.head
    if tok.dep_ == "dobj" and pay.lemma_ == "pay" and pay.dep_ == "xcomp" and pay.head.lemma_ == "order" \
            and pay.i - pay.head.i <= 5:
        return False  # "ordered him to pay a fine of $500": the order to pay is the fine (ordered_to_pay.p)
    sums = [c for c in tok.children if c.dep_ in ("nummod", "compound", "quantmod", "amod")]
    sums += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    if tok.lemma_ == "penalty":  # "a penalty of $6 million", not "a maximum penalty of 10 years"
        return any(has_currency(t, ctx) for t in sums)
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in ("pay", "impose", "levy"):
        return True  # "paid a fine in another matter", "a fine was imposed": a fine without its sum
    return any(is_amount(t, ctx) for t in sums)


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


@guard("received_term")
def received_term(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"Mensah received eight years, Pike seven", "he got life": a term of years a defendant was given (a
    sentence noun they receive is its own trigger); not "received eight years of training"."""
    for obj in (c for c in tok.children if c.dep_ == "dobj"):
        ent = ctx.ents.get(obj.i)
        if ent is not None and ent.label_ == "DATE" and ent._.timex_type == "DURATION" \
                and not any(c.dep_ == "prep" and c.lower_ == "of" for c in obj.children):
            return True
        if obj.lower_ == "life" and not any(c.dep_ in ("det", "poss", "amod") for c in obj.children):
            return True
        if obj.lemma_.lower() == "term" and custodial_term(obj, ctx):
            return True  # "received the mandatory term of life", "got a 12-year prison term"
    return False


def custodial_term(term: Token, ctx: DocContext) -> bool:
    """A term someone serves: "of life", "of nine years", "a prison term", "a 12-year term"; not "a second term"
    (in office) or "the terms of the deal"."""
    if term.tag_ == "NNS":
        return False
    of = [g for c in term.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    modifiers = [c for c in term.children if c.dep_ in ("compound", "amod", "nmod", "nummod")]
    durations = [t for t in (*of, *modifiers) if ctx.ents.get(t.i) is not None and ctx.ents[t.i].label_ == "DATE"
                 and ctx.ents[t.i]._.timex_type == "DURATION"]
    return bool(durations) or any(t.lower_ == "life" for t in of) \
        or any(t.lower_ in ("prison", "jail", "custodial", "life") for t in modifiers)


@guard("given_term")
def given_term(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"Tse was given three years and nine months", "she was handed life": a defendant given a term, as
    "received eight years" is; the judge who "gave him three years" is read by the sentence's own triggers."""
    return is_passive(tok) and received_term(tok, span, ctx)


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
    """"ordered the remand of the former governor", "his remand in custody", "a physical remand": a
    person's remand, not a case's ("on remand, the district court ...") nor a "remand application"."""
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
        if c.dep_ in ("amod", "compound") and c.lower_ in ctx.lexicon.nouns.remand_kinds:
            return True  # "a seven-day physical remand", "his judicial remand"
        ent = ctx.ents.get(c.i)
        if c.dep_ in ("amod", "compound", "nmod", "nummod", "poss") and ent is not None and ent.label_ == "DATE" \
                and ent._.timex_type == "DURATION":
            return True  # "placed them on five-day remand", "sought seven days' remand"
    return tok.dep_ == "pobj" and tok.head.lower_ in ("on", "to", "into") \
        and tok.head.head.lemma_ in ("place", "put", "send", "keep", "take")  # "placed the three on remand"


@guard("bail_decided")
def bail_decided(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"granted bail to the men", "was refused bail": a court's decision on release (a refusal is the
    release negated), "remains on bail", and bail sought or opposed ("opposed bail for the four": a release yet
    to be decided); "bail conditions" decide nothing."""
    nouns = ctx.lexicon.nouns
    gov = tok.head
    if tok.dep_ == "pobj" and gov.lower_ == "on" and gov.head.lemma_ in ("remain", "stay", "be"):
        return person_like(next((c for c in gov.head.children if c.dep_ in ("nsubj", "nsubjpass")), None), ctx) \
            or gov.head.dep_ in ("xcomp", "ccomp")  # "was allowed to remain on bail", "is out on bail"
    if tok.dep_ == "pobj" and gov.lower_ == "for" and gov.head.lemma_ in ctx.lexicon.nouns.plea_nouns:
        plea = gov.head  # "rejected his application for bail": the plea decided
        return bail_plea_decided(plea, span, ctx)
    asking = nouns.bail_asking
    if tok.dep_ == "dobj" and gov.lemma_.lower() in asking \
            or tok.dep_ == "pobj" and gov.lower_ in ("for", "to") and gov.head.lemma_.lower() in asking:
        return True  # "opposed bail for all four", "will apply for bail", "did not object to bail": a release sought
    if tok.dep_ == "pobj" and gov.lower_ == "to" and gov.head.lemma_.lower() == "admit":
        return True  # "was admitted to bail": granted
    return tok.dep_ in ("dobj", "nsubjpass", "dative", "attr") and gov.pos_ in ("VERB", "AUX") \
        and gov.lemma_.lower() in nouns.bail_granting | nouns.bail_refusing


@guard("bail_plea_decided")
def bail_plea_decided(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"allowed the bail plea of X", "rejected his bail application": a court deciding on release (a
    rejection is the release negated); "opposed the bail application" or "filed a bail plea" decide nothing."""
    nouns = ctx.lexicon.nouns
    deciding = nouns.bail_granting | nouns.bail_refusing | {"dismiss", "uphold", "turn"}
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.pos_ == "VERB" and tok.head.lemma_.lower() in deciding \
        and not court_like(next((c for c in tok.children if c.dep_ == "poss"), None), ctx)


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
    if any(t.lemma_.lower() in ("defence", "defense") for t in tok.doc[tok.i + 1:tok.i + 4]):
        return True  # "both the prosecution and defence teams"
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
    """A verdict given, not one a jury "could not reach" (a hung jury decides nothing)."""
    gov = tok.head
    unreached = tok.dep_ == "dobj" and gov.lemma_ in ("reach", "return", "agree") and (
        any(c.dep_ == "neg" for c in gov.children) or gov.head.lemma_ in ("fail", "unable"))
    return not generic(tok, ctx) and tok.dep_ != "compound" and not unreached


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
    if any(c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() == "bail" for g in c.subtree)
           for c in tok.children):
        return False  # "will approach the trial court for bail": a bail plea (RELEASE), not a lawsuit
    return (ent is not None and ent.label_ == "COURT") or obj.lemma_.lower() in ("court", "tribunal")


@guard("pardon_verb")
def pardon_verb(tok: Token, span: Span, ctx: DocContext) -> bool:
    """"spared" a life from execution: not "spared no effort"."""
    if tok.lemma_ == "spare":
        text = tok.sent.text.lower()
        return person_like(patient(tok, ctx), ctx) and any(w in text for w in ("death", "execut", "clemency", "board"))
    return True
