"""Which tokens fill which roles of a trigger: the doer and the undergoer by voice, control and
coordination; the possessives, modifiers and light verbs of a nominal trigger ("Judge Ortiz's order",
"issued an injunction"); prepositional objects through the type's preposition-to-role map
(`types.json`); then time and place. The type's properties (`lexicon.EventType`) select the rules."""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span, Token

from ..coref import definite_group
from .arguments import add_argument, has_role, make_argument
from .context import DocContext
from .found import FoundArgument
from .lexicon import EventType, PrepositionRule, TriggerEntry
from .participants import (actor_token, bare_plural, controller, court_like, executive_like, gives, jury, patient,
                           person_like, trailing_decider)
from .syntax import (SUBJECT_DEPS, by_agent, definite, is_duration, is_passive, noun_phrase, of_object,
                     small_clause_subject, used_as_noun)
from .time_place import PLACE_PREPOSITIONS, time_and_place

__all__ = ["event_arguments", "prep_role", "prep_arguments"]

PHRASE_ROLES = ("crime", "penalty")           # taken as the whole phrase, not a name
TIME_PREPOSITIONS = ("on", "in", "during", "for", "at", "since", "by", "last")
WRITING_VERBS = ("write", "say", "find", "conclude", "note", "hold", "rule", "add", "state")


def without_crime(arg: FoundArgument, of: Token) -> FoundArgument:
    """A subject phrase the parser ran on into the crime's of-phrase, cut before it."""
    if arg.role != "subject" or arg.canonical is not None or not arg.start_char < of.idx < arg.end_char:
        return arg
    text = arg.text[:of.idx - arg.start_char].rstrip(" ,")
    return replace(arg, text=text, end_char=arg.start_char + len(text))


def _rule_holds(rule: PrepositionRule, obj: Token, nominal: bool, ctx: DocContext) -> bool:
    if (rule.verbal and nominal) or (rule.nominal and not nominal):
        return False
    if rule.objects and obj.lemma_ not in rule.objects:
        return False
    if rule.role == "penalty" and glued_amount(obj, ctx):
        return True  # "a fine of P5,000": the tagger's proper noun is a sum, not a person
    if rule.only_person and not person_like(obj, ctx):
        return False
    ent = ctx.ents.get(obj.i)
    if rule.role == "adjudicator" and ent is None and not court_like(obj, ctx):
        return False  # "an appeal to the ruling": a decision appealed, no court
    if rule.role in ("destination", "origin") and ent is not None and ent.label_ in ("COURT", "AGENCY"):
        return False  # "appealed his deportation to the Board of Immigration Appeals": no place
    return not (rule.unless_person and person_like(obj, ctx))


def prep_role(etype: EventType, prep: str, obj: Token, nominal: bool, ctx: DocContext) -> tuple[str | None, bool]:
    """Role of a prepositional object, and whether it is taken as a whole phrase (crimes, penalties):
    a date is the time, a court the adjudicator of an adjudicated type, then the type's own
    preposition map; an of-phrase person of a nominal trigger is its subject (its agent where the type
    has no subject: "the appeal of X"), a by-phrase its doer,
    a place after in/at/near its place."""
    ent = ctx.ents.get(obj.i)
    label = ent.label_ if ent is not None else None
    rule = etype.prepositions.get(prep)
    if rule is not None and rule.date_objects and _rule_holds(rule, obj, nominal, ctx):
        return rule.role, rule.role in PHRASE_ROLES
    term = bounded_term(obj)
    if term is not obj:  # "jailed for a maximum of 27 years": the bound's term
        ent = ctx.ents.get(term.i)
        label = ent.label_ if ent is not None else None
    if prep == "for" and not nominal and (
            label == "DATE" and is_duration(ent) or term.lemma_.lower() in ctx.lexicon.nouns.term_words):
        # "jailed for seven years", "imprisoned for life": a term, the penalty of a sentence and no crime
        return ("penalty", True) if etype.duration_is_penalty else (None, False)
    if label == "DATE":
        return ("time", False) if prep in TIME_PREPOSITIONS else (None, False)
    if (label == "COURT" or (obj.lemma_ == "court" and prep in ("in", "before", "to"))) \
            and (etype.adjudicated or etype.brought_to_court):
        return "adjudicator", False
    if rule is not None and _rule_holds(rule, obj, nominal, ctx):
        return rule.role, rule.role in PHRASE_ROLES
    if prep == "of" and nominal and (person_like(obj, ctx) or etype.person_centred and group_of_people(obj, ctx)):
        # "the appeal of X": a type without a subject (SPEC: APPEAL) is its doer's
        return ("subject" if "subject" in etype.roles else "agent" if "agent" in etype.roles else None), False
    if prep == "by" and nominal:
        if etype.actor_role == "adjudicator" and (prosecuting_body(obj, ctx) or executive_like(obj, ctx)):
            return None, False  # "the arraignment of Maina by the federal government": it brings the case
        if etype.actor_role == "agent" and court_like(obj, ctx) and obj.head.head.dep_ == "pobj":
            return None, False  # "cleared of the same charge by a jury": the jury clears, it did not charge
        return etype.actor_role, False
    if prep in PLACE_PREPOSITIONS and (label in ("PLACE", "GPE", "LOC", "FAC")
                                       or obj.lemma_.lower() in ctx.lexicon.nouns.location):
        return "place", False
    return None, False


def bounded_term(obj: Token) -> Token:
    """The term in "a maximum of 27 years", "a total of six months"; else the object itself."""
    if obj.lemma_.lower() not in ("maximum", "minimum", "total", "period"):
        return obj
    return of_object(obj) or obj


def group_of_people(obj: Token, ctx: DocContext) -> bool:
    """"the sentences of three National Service defaulters": a counted or determined plural that names no
    thing the SPEC's penalty or crime roles take, where a person-centred nominal's "of" names its people."""
    return obj.tag_ in ("NNS", "NNPS") and ctx.ents.get(obj.i) is None and not is_amount(obj, ctx) \
        and any(c.dep_ in ("nummod", "det") for c in obj.children)


def prep_arguments(args: list[FoundArgument], etype: EventType, head: Token, nominal: bool, ctx: DocContext) -> None:
    """The roles of the trigger's prepositional objects (time and place are read by `time_and_place`)."""
    heads = [head]
    heads += [c for c in head.children if c.dep_ in ("advmod", "prt") and c.lower_ == "back"]
    if nominal and head.dep_ == "dobj" and not is_passive(head.head):
        heads.append(head.head)  # "lifted an order by a judge": the parser hangs the by-phrase on the verb
    for h in heads:
        for c in h.children:
            governor = h.i == head.head.i != head.i
            if c.dep_ not in ("prep", "agent", "dative") or governor and c.i < head.i:
                continue
            for obj in (g for g in c.children if g.dep_ in ("pobj", "pcomp")):
                if c.dep_ == "agent" or (c.lower_ == "by" and not nominal):
                    continue
                obj = court_before_place(obj, ctx)
                role, phrase = prep_role(etype, c.lower_, obj, nominal, ctx)
                if role in ("time", "place") or role is None:
                    continue
                if governor and c.lower_ != "by" and not moved_to_place(role, obj, h, ctx):
                    continue
                if role == "adjudicator" and nominal and head.dep_ == "dobj" \
                        and head.head.lemma_ in ctx.lexicon.syntax.appeal_verbs:
                    continue  # "appeal the decision to the 3rd Circuit": the court the appeal goes to
                if role == "crime" and c.lower_ == "for" and has_role(args, "crime"):
                    continue
                if obj.dep_ == "pcomp" and role != "crime":
                    continue
                add_argument(args, role, obj, ctx, phrase=phrase, split=not phrase)


def court_before_place(obj: Token, ctx: DocContext) -> Token:
    """"at the Federal High Court Abuja": the parser makes the town the object and the court its modifier;
    the court is what the phrase names."""
    ent = ctx.ents.get(obj.i)
    if ent is None or ent.label_ != "PLACE":
        return obj
    court = next((c for c in obj.children if c.dep_ == "compound" and ctx.ents.get(c.i) is not None
                  and ctx.ents[c.i].label_ == "COURT"), None)
    return court or obj


def moved_to_place(role: str, obj: Token, verb: Token, ctx: DocContext) -> bool:
    """"faces deportation to Haiti", "approved his extradition to India": the parser hangs the place a
    removal goes to or comes from on the verb governing it; not where an appeal goes ("appealed his
    removal to the board")."""
    ent = ctx.ents.get(obj.i)
    return role in ("destination", "origin") and ent is not None and ent.label_ == "PLACE" \
        and verb.lemma_ not in ctx.lexicon.syntax.appeal_verbs


def event_arguments(entry: TriggerEntry, etype: EventType, head: Token, span: Span,
                    ctx: DocContext) -> list[FoundArgument]:
    """All arguments of one trigger: by its part of speech, then prepositions, then time and place."""
    actor_role = entry.actor or etype.actor_role
    guilty = found_one = None
    if head.lemma_ == "guilty" and head.head.lemma_ in ("find", "plead"):
        guilty, head = head, head.head
    elif head.lemma_ == "guilty" and head.dep_ == "amod" and head.head.dep_ == "dobj" and head.head.head.lemma_ == "find":
        guilty, head = head, head.head.head  # "found the youth, who ..., guilty": the parser hangs it on the youth
        found_one = guilty.head
    elif head.lemma_ in ("find", "plead"):  # "pleaded guilty to fraud": the crime hangs on "guilty"
        guilty = next((c for c in head.children if c.lower_ == "guilty"), None)
    nominal = used_as_noun(head) or (head.pos_ == "ADJ" and head.lemma_ not in ("free",)
                                     and head.lemma_.lower() not in ctx.lexicon.syntax.raising_adjectives)
    args: list[FoundArgument] = []
    small = next((c for c in guilty.children if c.dep_ in ("nsubj", "nsubjpass")), None) if guilty is not None else None
    if small is not None and small.i < guilty.i:
        add_argument(args, "subject", small, ctx)  # "found X and Y guilty", parsed as a clause "X and Y guilty"
    if head.pos_ == "ADJ" and head.lemma_ == "free":
        verb = head.head
        add_argument(args, "subject", next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                     or controller(verb, True, ctx), ctx)
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in ("allow", "let", "order", "permit"):
            add_argument(args, "agent", actor_token(verb.head, ctx), ctx)
    elif not nominal:
        verbal_arguments(args, entry, etype, head, span, actor_role, ctx)
        if etype.person_centred and has_role(args, "subject"):
            for party in gapped_parties(head, ctx):
                add_argument(args, "subject", party, ctx)
    else:
        nominal_arguments(args, etype, head, actor_role, ctx)
    prep_arguments(args, etype, head, nominal, ctx)
    if etype.agent_place_is_origin and not has_role(args, "origin"):
        for a in list(args):
            if a.role == "agent" and a.mention_start is not None:
                ent = next((e for e in ctx.doc_ents if e.start_char == a.mention_start), None)
                if ent is not None and ent.label_ == "PLACE":
                    args.append(replace(a, role="origin"))
    if entry.last_word_governs and len(span) > 1:
        prep_arguments(args, etype, span[-1], nominal, ctx)
    if nominal and not has_role(args, "subject"):
        for noun in sharing_conjuncts(head):  # "the arrest and detention of activists"
            prep_arguments(args, etype, noun, nominal, ctx)
    if nominal and etype.money_penalty and not has_role(args, "subject"):
        args[:] = payer_after_sum(args, head, ctx)
    if guilty is not None:
        prep_arguments(args, etype, guilty, False, ctx)
    if found_one is not None and not has_role(args, "subject"):
        add_argument(args, "subject", found_one, ctx)
    if etype.favoured_is_subject and not has_role(args, "subject"):
        add_argument(args, "subject", favoured(head, ctx), ctx)
    if not has_role(args, "adjudicator"):
        add_argument(args, "adjudicator", clause_adjudicator(etype, head, nominal, ctx), ctx)
    if etype.adjudicated and not nominal and not has_role(args, "adjudicator"):
        objects = [g for c in head.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        add_argument(args, "adjudicator", next((d for d in (trailing_decider(o, ctx) for o in objects) if d is not None),
                                               None), ctx)
    if nominal and etype.adjudicated:
        hearing_participants(args, head, ctx, party_is_subject=etype.name == "TRIAL_HEARING")
    time_and_place(args, etype, head, nominal, span, ctx)
    return args


def payer_after_sum(args: list[FoundArgument], head: Token, ctx: DocContext) -> list[FoundArgument]:
    """"a fine of S$4,000 for Priya Nair", "a penalty of 2 million euros on the bank": the parser hangs the
    payer on the sum; the for- or on-phrase is the fine's subject and no part of its penalty."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"):
        for amount in (g for g in prep.children if g.dep_ == "pobj"):
            payer = next((g for c in amount.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "against")
                          for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")
                          and (person_like(g, ctx) or c.lower_ != "for")), None)  # not "for misleading investors"
            if payer is None:
                continue
            cut = payer.head.idx
            kept = []
            for a in args:
                if a.role == "penalty" and a.start_char < cut < a.end_char:
                    text = a.text[:cut - a.start_char].rstrip()
                    a = replace(a, text=text, end_char=a.start_char + len(text))
                kept.append(a)
            subject = make_argument("subject", payer, ctx)
            return kept + ([subject] if subject is not None else [])
    return args


def sharing_conjuncts(head: Token) -> list[Token]:
    """The nouns `head` is coordinated with where one of the two has no determiner of its own: they share
    the prepositional phrases the parser hangs on either ("the arrest and detention of activists")."""
    def bare(noun: Token) -> bool:
        return not any(g.dep_ in ("det", "poss") for g in noun.children)

    shared = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "NOUN" and bare(c)]
    if head.dep_ == "conj" and head.head.pos_ == "NOUN" and bare(head):
        shared.append(head.head)
    return shared


def favoured(head: Token, ctx: DocContext) -> Token | None:
    """Whom a decision favours: "ruled in favour of a county judge", "the decision sided with Mansour"."""
    for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "in"):
        for favour in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in ("favour", "favor")):
            return of_object(favour)
    if head.dep_ == "nsubj" and head.head.lemma_ == "side":
        return next((o for p in head.head.children if p.dep_ == "prep" and p.lower_ == "with"
                     for o in p.children if o.dep_ == "pobj"), None)
    return None


def clause_adjudicator(etype: EventType, head: Token, nominal: bool, ctx: DocContext) -> Token | None:
    """A judge or court the trigger's clause reaches beyond its own words: the judge who reports a
    decision ("X was ordered to pay, Judge Y ruled"), the court that disposes of a filing ("the BIA
    dismissed his appeal"), the by-phrase of an order's participle ("ordered removed by a judge")."""
    if etype.adjudicated:
        if not nominal:
            for c in head.children:
                if c.dep_ in ("xcomp", "oprd", "ccomp") and c.tag_ == "VBN" and is_passive(head):
                    by = by_agent(c)
                    if by is not None and court_like(by, ctx):
                        return by
        if not nominal and head.dep_ == "conj":  # "pleaded guilty in county court and was fined $250"
            court = court_after(head.head, ("in", "before"), ctx)
            if court is not None:
                return court
        verb = head if not nominal else None
        while verb is not None and verb.dep_ in ("ccomp", "parataxis", "conj") and verb.head.i != verb.i:
            if verb.dep_ != "conj" and verb.head.lemma_ in WRITING_VERBS:
                judge = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                return judge if judge is not None and court_like(judge, ctx) else None
            verb = verb.head
    if etype.brought_to_court and nominal and head.dep_ in ("dobj", "nsubjpass") and head.head.pos_ == "VERB":
        actor = actor_token(head.head, ctx)
        if actor is not None and court_like(actor, ctx):
            return actor
    if etype.adjudicated:
        return deciding_court(head, ctx)
    return None


def doer(verb: Token, ctx: DocContext) -> Token | None:
    """Who does what a verb says: its active subject, or a passive's by-phrase only ("was granted bail by
    the High Court"; "was granted bail" names none)."""
    return by_agent(verb) if is_passive(verb) else actor_token(verb, ctx)


def deciding_court(head: Token, ctx: DocContext) -> Token | None:
    """The court whose decision the trigger is the content of: "The Supreme Court declined his request to
    halt the execution", "The High Court increased their sentences", "The judge ordered Tan to be jailed".
    Only verbs by which a court decides (syntax.json court_decision_verbs) pass the decision on; not those
    by which it reviews another court's ("upheld his conviction": the conviction is the trial court's)."""
    tok = head
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "ccomp", "dobj", "nsubjpass", "acl", "pobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            if tok.lemma_ not in ctx.lexicon.syntax.court_decision_verbs:
                return None
            actor = doer(tok, ctx)
            return actor if actor is not None and court_like(actor, ctx) else None
    return None


def hearing_participants(args: list[FoundArgument], head: Token, ctx: DocContext, party_is_subject: bool) -> None:
    """"At a hearing on Monday, Judge X pressed the lawyers", "Justice West called it unique in the
    sentencing" / "During the trial, Kohler testified": who acts at a proceeding is its judge, or, when
    a party and the proceeding a hearing, whom it is about."""
    gov = head.head
    if head.dep_ != "pobj" or gov.lower_ not in ("at", "during", "in") or gov.head.pos_ not in ("VERB", "AUX", "ADJ"):
        return
    verb = gov.head
    if verb.pos_ == "ADJ" and verb.dep_ in ("oprd", "acomp"):
        verb = verb.head  # "called the case unique in the sentencing"
    actor = actor_token(verb, ctx)
    if actor is None:
        return
    if court_like(actor, ctx):
        if not has_role(args, "adjudicator"):
            add_argument(args, "adjudicator", actor, ctx)
        return
    judge = next((c for c in verb.children if c.dep_ in ("dobj", "dative") and court_like(c, ctx)), None)
    if judge is not None and not has_role(args, "adjudicator"):
        add_argument(args, "adjudicator", judge, ctx)
    ent = ctx.ents.get(actor.i)
    person = ctx.coref.person(ent) if ent is not None and ent.label_ == "PERSON" else None
    if party_is_subject and person is not None and person.party and not has_role(args, "subject"):
        add_argument(args, "subject", actor, ctx, split=False)


GLUED_AMOUNT = re.compile(r"^(?P<prefix>[^\W\d_]{1,3}\$?)\d[\d,.]*$")


def glued_amount(tok: Token, ctx: DocContext) -> bool:
    """A currency written onto its number: "RM6,000", "Sh500,000"."""
    glued = GLUED_AMOUNT.match(tok.text)
    return glued is not None and glued["prefix"].lower() in ctx.lexicon.nouns.currency_prefixes


def has_currency(tok: Token, ctx: DocContext) -> bool:
    """A currency word, sign or glued amount in the phrase."""
    words = ctx.lexicon.nouns.currency_words
    return any(t.is_currency or t.lower_ in words or glued_amount(t, ctx) for t in tok.subtree)


def is_amount(tok: Token, ctx: DocContext) -> bool:
    """"$3 million", "500 euros", "Rs 100,000", a bare "1,000": a sum, not a counted group ("two people")."""
    if glued_amount(tok, ctx):
        return True  # "RM6,000", which the tagger calls a proper noun
    return not person_like(tok, ctx) and (tok.like_num or has_currency(tok, ctx))


def party_named(tok: Token, ctx: DocContext) -> bool:
    """A person the story names as a party (not a judge, lawyer or bystander)."""
    ent = ctx.ents.get(tok.i)
    person = ctx.coref.person(ent) if ent is not None and ent.label_ == "PERSON" else None
    return person is not None and person.party


def prosecuting_body(tok: Token, ctx: DocContext) -> bool:
    """An agency (police, prosecutors, an anti-graft commission), which brings a case and never decides it."""
    ent = ctx.ents.get(tok.i)
    if ent is None:
        bodies = ctx.lexicon.nouns.charging_bodies | {"prosecution"}
        return tok.lemma_.lower() in bodies or tok.lemma_.lower() + "s" in bodies  # "the investigating officer"
    return ent.label_ == "AGENCY" and not court_like(tok, ctx)


def verbal_arguments(args: list[FoundArgument], entry: TriggerEntry, etype: EventType, head: Token, span: Span,
                     actor_role: str, ctx: DocContext) -> None:
    """The doer and the undergoer of a verb, by voice, control and the type's argument properties."""
    ents = ctx.ents
    if etype.granted and head.dep_ == "xcomp" and head.head.lemma_.lower() in ("admit", "object") \
            and head.lemma_ == "bail":  # "was admitted to bail", "did not object to bail for X"
        granted_to = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "for"
                           for g in c.children if g.dep_ == "pobj"), None)
        if granted_to is None and head.head.lemma_.lower() == "admit":
            granted_to = patient(head.head, ctx)
        add_argument(args, "subject", granted_to, ctx)
        return
    passive = is_passive(head)
    actor = actor_token(head, ctx)
    if actor is not None and actor_role == "agent" and head.dep_ in ("xcomp", "oprd") and court_like(actor, ctx) \
            and head.head.lemma_ in ctx.lexicon.syntax.object_control and any(c.dep_ == "agent" for c in head.children):
        actor = None  # "ordered removed by an immigration judge": the judge orders, others remove
    if actor is not None and actor_role == "adjudicator" and prosecuting_body(actor, ctx):
        actor = None  # "arraigned by the EFCC before Justice Ekwo": the prosecutor brings the case, the court hears it
    if actor is not None and actor_role == "adjudicator" and not any(c.dep_ == "nsubj" for c in head.children) \
            and party_named(actor, ctx) and not court_like(actor, ctx):
        add_argument(args, "subject", actor, ctx)  # "were remanded until sentencing": they await it, not give it
        actor = None
    charged = None
    if actor is not None and actor_role == "agent" and etype.court_never_agent and court_like(actor, ctx) \
            and not jury(actor):  # a grand jury does indict
        actor = None  # "appeared before Balbriggan District Court charged with murder": courts do not charge
        if head.dep_ == "advcl" and not passive:
            passive, charged = True, next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), None)
    undergoer = patient(head, ctx) or charged
    if undergoer is None and head.dep_ in ("xcomp", "pcomp", "ccomp", "oprd") and passive:
        undergoer = controller(head, True, ctx)
    if undergoer is None and head.dep_ == "pcomp" and passive:
        undergoer = controller(head, True, ctx)
    if undergoer is None and head.dep_ == "advcl" and passive:
        undergoer = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if actor_role == "subject" or (head.lemma_ in etype.subject_when_intransitive and not passive
                                   and not any(c.dep_ == "dobj" for c in head.children)):
        add_argument(args, "subject", actor if actor is not None else undergoer, ctx)
    else:
        add_argument(args, actor_role, actor, ctx)
        if etype.clause_subject == "any":
            comp = next((c for c in head.children if c.dep_ == "ccomp"
                         or c.dep_ == "xcomp" and small_clause_subject(c) is not None), None)  # "ordered X released"
            if undergoer is None and comp is not None:
                undergoer = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                if undergoer is not None and ents.get(undergoer.i) is None and not person_like(undergoer, ctx) \
                        and not executive_like(undergoer, ctx) and not court_like(undergoer, ctx):
                    # "directed that no coercive action be taken against X"
                    undergoer = affected_in_clause(comp, undergoer, ctx) or undergoer
        if not entry.object_is_subject:
            undergoer = None
        if etype.brought_to_court and undergoer is not None and (ents.get(undergoer.i) is not None
                                                                and ents[undergoer.i].label_ == "COURT"
                                                                or undergoer.lemma_.lower() in ("court", "tribunal")):
            add_argument(args, "adjudicator", undergoer, ctx)
            undergoer = None
        if etype.object_is_decision and undergoer is not None:
            for c in undergoer.children:
                if c.dep_ == "prep" and c.lower_ == "to":
                    add_argument(args, "adjudicator", next((g for g in c.children if g.dep_ == "pobj"), None), ctx)
            undergoer = None
        dative = next((c for c in head.children if c.dep_ == "dative"), None)
        if etype.dative_is_subject and dative is not None:
            undergoer = dative
        if etype.money_penalty and undergoer is not None and is_amount(undergoer, ctx):
            undergoer = dative  # "fined the company $3 million": the amount is the penalty
            if undergoer is None and passive:  # "pleaded guilty and was fined $250"
                undergoer = next((c for c in head.children if c.dep_ == "nsubjpass"), None) or (
                    next((c for c in head.head.children if c.dep_ in SUBJECT_DEPS), None) if head.dep_ == "conj" else None)
        if etype.clause_subject == "person" and undergoer is None:
            comp = next((c for c in head.children if c.dep_ == "ccomp"), None)
            subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None) if comp is not None else None
            if subj is not None and not bare_plural(subj, ctx) and (
                    person_like(subj, ctx) and ents.get(subj.i) is None
                    or subj.lemma_.lower() in ctx.lexicon.syntax.group_nouns
                    or ents.get(subj.i) is not None and ents[subj.i].label_ in ("PERSON", "AGENCY", "ORGANIZATION")):
                undergoer = subj
            elif subj is not None:
                undergoer = affected_in_clause(comp, subj, ctx)
        if etype.person_centred and undergoer is not None and undergoer.lemma_.lower() == "case":
            against = next((g for c in undergoer.children if c.dep_ == "prep" and c.lower_ == "against"
                            for g in c.children if g.dep_ == "pobj"), None)
            undergoer = against or undergoer  # "heard the case against both men": the men
        if etype.family == "court" and undergoer is not None and undergoer.lemma_.lower() == "bail":
            undergoer = next((g for c in (*head.children, *undergoer.children) if c.dep_ == "prep"
                              and c.lower_ in ("to", "for") for g in c.children if g.dep_ == "pobj"), None) \
                or next((c for c in head.children if c.dep_ == "dative"), None)  # "refused bail to both men": theirs
        if (etype.person_centred or etype.requester_is_subject) and undergoer is not None \
                and undergoer.lemma_ in ctx.lexicon.nouns.plea_nouns:  # "granted a petition filed by X"
            asker = plea_asker(undergoer, ctx)  # "heard bail bids from the two men"
            party = ctx.coref.dominant() if asker is None and etype.requester_is_subject and definite(undergoer) \
                and not any(c.dep_ == "poss" for c in undergoer.children) else None
            if party is not None:  # "X applied for asylum ... A judge denied the request": the story's party asked
                mention = max((m for m in party.mentions if m.start < head.i), key=lambda m: m.start,
                              default=party.mentions[0])
                args.append(FoundArgument("subject", mention.text, mention.start_char, mention.end_char, party.name,
                                          mention.start_char, mention.end_char, source="article"))
                undergoer = None
            else:
                undergoer = asker or undergoer
        if etype.action_object_of and undergoer is not None and not person_like(undergoer, ctx) \
                and ents.get(undergoer.i) is None:
            of = of_object(undergoer) or of_after_place(undergoer, ctx)
            if of is not None and person_like(of, ctx):  # "ordered the release of the two students"
                undergoer = of  # "ordered the extradition to Denmark of a man"
        add_argument(args, "subject", undergoer, ctx)
        if passive and undergoer is not None:  # "Leftists were arrested, including Eva Forest and Lidia Falcon"
            for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ == "including"):
                for person in (t for t in prep.subtree if t.dep_ in ("pobj", "conj") and ents.get(t.i) is not None
                               and ents[t.i].label_ == "PERSON" and ents[t.i].root.i == t.i
                               and (t.head.i == prep.i or t.dep_ == "conj")):
                    add_argument(args, "subject", person, ctx, split=False)
        if etype.crime_under_object and undergoer is not None:
            for c in undergoer.children:
                crime = next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None) \
                    if c.dep_ == "prep" and c.lower_ == "of" else None
                where = ents.get(crime.i) if crime is not None else None
                if crime is not None and not (where is not None and where.label_ in ("PLACE", "ORGANIZATION", "AGENCY")) \
                        and not person_like(crime, ctx) and not undergoer.like_num \
                        and undergoer.lemma_.lower() not in ctx.lexicon.syntax.quantity_nouns:  # "Scores of supporters"
                    add_argument(args, "crime", crime, ctx, phrase=True, split=False)  # not "X, of Balbriggan,"
                    args[:] = [without_crime(a, c) for a in args]  # "convicted three men of fraud": the men
    if etype.duration_is_penalty and not has_role(args, "penalty"):
        term = next((c for c in head.children if c.dep_ in ("dobj", "attr") and (
            c.lemma_.lower() in ("sentence", "term") or ents.get(c.i) is not None and is_duration(ents[c.i]))), None)
        add_argument(args, "penalty", term, ctx, phrase=True, split=False)  # "was handed a four-year term"
    if etype.duration_is_penalty:
        gapped_terms(args, head, ctx)
    if etype.money_penalty:
        money = next((c for c in head.children if c.dep_ in ("dobj", "npadvmod", "dative", "attr")
                      and (undergoer is None or c.i != undergoer.i) and is_amount(c, ctx)), None)
        if money is None and entry.last_word_governs:
            money = next((c for c in span[-1].children if c.dep_ == "dobj"), None)
        if money is None:  # "fined Kessler $2.5 million" parsed as one phrase: the person and the sum
            for party in (c for c in head.children if c.dep_ in ("dobj", "dative") and person_like(c, ctx)):
                money = next((g for g in party.children if g.dep_ in ("nummod", "quantmod", "appos", "npadvmod")
                              and has_currency(g, ctx)), None)
                if money is not None:
                    if not has_role(args, "subject"):
                        args.append(make_argument("subject", party, ctx))
                    break
        if money is not None:
            add_argument(args, "penalty", money, ctx, phrase=True, split=False)


def gapped_terms(args: list[FoundArgument], head: Token, ctx: DocContext) -> None:
    """"Mensah received eight years, Aaron Pike seven years and Connor Pike five": the people and terms of the
    clauses that leave the verb out, which the parser hangs on it as loose names each followed by a term."""
    doc = head.doc
    for c in head.children:
        person = ctx.ents.get(c.i)
        if c.dep_ not in ("dep", "conj", "appos", "npadvmod") or person is None or person.label_ != "PERSON" \
                or person.end >= len(doc):
            continue
        term = ctx.ents.get(person.end)
        if term is not None and term.label_ == "DATE" and is_duration(term) and term.root.head.i == head.i:
            add_argument(args, "subject", c, ctx, split=False)
            add_argument(args, "penalty", term.root, ctx, phrase=True, split=False)


def plea_asker(plea: Token, ctx: DocContext, possessor_only: bool = False) -> Token | None:
    """Who made a plea: "their bail applications", "bail bids from the two men", "the application of X",
    "a petition filed by X"."""
    asker = next((c for c in plea.children if c.dep_ == "poss"), None)
    if asker is None and not possessor_only:
        asker = next((g for c in plea.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "by")
                      for g in c.children if g.dep_ == "pobj"), None) \
            or next((by_agent(c) for c in plea.children if c.dep_ == "acl" and by_agent(c) is not None), None)
    return asker if asker is not None and (asker.lower_ == "their" or person_like(asker, ctx)) else None


def gapped_parties(head: Token, ctx: DocContext) -> list[Token]:
    """The parties of clauses that leave the verb out ("jailed A for eight years, B for seven and C for
    four", "A received eight years, B seven"): people the parser hangs on the verb itself, after it, as a
    conjunct or a loose noun (a verb's conjunct is a verb unless a clause left its verb out)."""
    return [c for c in head.children if c.dep_ in ("conj", "dep", "npadvmod") and c.i > head.i
            and c.pos_ in ("NOUN", "PROPN", "NUM") and not court_like(c, ctx)
            and (person_like(c, ctx) if ctx.ents.get(c.i) is None else ctx.ents[c.i].label_ == "PERSON")]


def recipient(gov: Token, head: Token, ctx: DocContext) -> Token | None:
    """Who a light verb gives its nominal trigger to: "granted bail to the men", "granted the men bail",
    "granted Tom Reed bail", "the men were granted bail", "the sentence imposed on Singh"."""
    for c in gov.children:
        if (c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ in ("to", "on")) and c.i != head.i:
            target = next((g for g in c.children if g.dep_ == "pobj"), None) if c.pos_ == "ADP" else c
            if target is not None and person_like(target, ctx):
                return target
    named = next((c for c in head.children if c.dep_ in ("compound", "nmod") and c.i < head.i
                  and ctx.ents.get(c.i) is not None and ctx.ents[c.i].label_ in ("PERSON", "ORGANIZATION")), None)
    if named is not None and head.dep_ == "dobj":
        return named  # "granted Tom Reed conditional bail": the parser makes the name a modifier of the bail
    if is_passive(gov) and head.dep_ == "dobj":
        first = gov
        while first.dep_ == "conj" and first.head.i != first.i \
                and not any(c.dep_ == "nsubjpass" for c in first.children):
            first = first.head  # "was charged ... and granted bail": the chain's subject
        return next((c for c in first.children if c.dep_ == "nsubjpass"), None)
    return None


def custodian(possessor: Token, ctx: DocContext) -> bool:
    """"in its custody", "ICE's detention of him": who holds someone, not who is held."""
    ent = ctx.ents.get(possessor.i)
    return possessor.lower_ == "its" or ent is not None and ent.label_ in ("AGENCY", "ORGANIZATION") \
        or executive_like(possessor, ctx)


def court_of_clause(head: Token, ctx: DocContext) -> Token | None:
    """The court a nominal trigger's own clause puts it before: "the lawsuit, filed in the U.S. District
    Court", "a case pending before Judge Reyes"."""
    if any(c.dep_ in ("compound", "poss") and court_like(c, ctx) for c in head.children):
        return None
    for clause in (c for c in head.children if c.dep_ in ("acl", "relcl")):
        for verb in [clause, *(c for c in clause.children if c.dep_ in ("acomp", "xcomp"))]:
            court = court_after(verb, ("in", "before", "with"), ctx)
            if court is not None:
                return court
    return None


def court_after(verb: Token, prepositions: tuple[str, ...], ctx: DocContext) -> Token | None:
    """The judge or court a verb's prepositional phrase names ("filed in the District Court")."""
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in prepositions
                 for g in c.children if g.dep_ == "pobj" and court_like(g, ctx)), None)


def party_of_clause(verb: Token, ctx: DocContext) -> Token | None:
    """Whom a nominal trigger in a verb's prepositional phrase is about: "was convicted of three other
    charges", "arraigned the ex-governor on a six-count charge", "pleaded guilty to a range of charges"."""
    undergoer = patient(verb, ctx)
    if undergoer is not None and person_like(undergoer, ctx) and not court_like(undergoer, ctx):
        return undergoer
    if verb.lemma_ in ctx.lexicon.syntax.subject_light and not is_passive(verb):
        subject = actor_token(verb, ctx)
        return subject if subject is not None and person_like(subject, ctx) and not court_like(subject, ctx) else None
    return None


def requested(verb: str, actor_role: str, ctx: DocContext, etype: EventType | None = None) -> bool:
    """"an injunction sought by the state", "won an order", "sought bail for both": who asks for a decision
    never makes it, nor frees anyone."""
    asking = ctx.lexicon.syntax.request_light
    if etype is not None and etype.granted:
        asking = asking | ctx.lexicon.nouns.bail_asking
    return (actor_role == "adjudicator" or etype is not None and etype.granted) and verb in asking


def own_or_shared_modifiers(head: Token) -> list[Token]:
    """A noun's children, and the possessor it shares with the noun it is conjoined to ("his arrest and
    detention", "her conviction and sentence")."""
    children = list(head.children)
    if head.dep_ == "conj" and head.head.pos_ == "NOUN" and not any(c.dep_ == "poss" for c in children):
        children += [c for c in head.head.children if c.dep_ == "poss"]
    return children


def affected_in_clause(comp: Token, subj: Token, ctx: DocContext) -> Token | None:
    """Whom a finding is about when its clause's subject is no person: the person of an action noun ("found
    that the detention of the man was unlawful"), the person the clause's verb acts on ("ruled that the
    government could not keep a stateless man in detention"), the person a case or charge in it is against
    ("found that the evidence against X met the test", "had failed to prove the charges against his father,
    X"), else a person named as doing something in a clause inside it ("probable cause that X arranged ...")."""
    of = of_object(subj) or next((c for c in subj.children if c.dep_ == "poss"), None)
    if of is not None and (of.tag_ == "PRP$" or person_like(of, ctx)) and not bare_plural(of, ctx):
        return of  # "that her detention had become unlawful"
    obj = next((c for c in comp.children if c.dep_ == "dobj"), None)
    if obj is not None and person_like(obj, ctx) and not bare_plural(obj, ctx):
        return obj
    clause = list(comp.subtree)
    against = next((o for t in clause if t.dep_ == "prep" and t.lower_ == "against" for o in t.children
                    if o.dep_ == "pobj" and person_like(o, ctx) and not bare_plural(o, ctx)), None)
    if against is not None:
        return against
    return next((t for t in clause if t.dep_ in SUBJECT_DEPS and t.i > subj.i and ctx.ents.get(t.i) is not None
                 and ctx.ents[t.i].label_ == "PERSON"), None)


def of_after_place(head: Token, ctx: DocContext) -> Token | None:
    """Whom "the extradition to Denmark of a 34-year-old man" is of: the parser hangs the of-phrase on the
    place the trigger's to- or from-phrase names."""
    if head.i + 2 >= len(head.doc) or head.doc[head.i + 1].lower_ not in ("to", "from"):
        return None
    place = next((o for o in head.doc[head.i + 1].children if o.dep_ == "pobj"), None)
    ent = ctx.ents.get(place.i) if place is not None else None
    if ent is None or ent.label_ != "PLACE":
        return None
    return next((o for c in place.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                 if o.dep_ == "pobj" and person_like(o, ctx)), None)


def nominal_arguments(args: list[FoundArgument], etype: EventType, head: Token, actor_role: str,
                      ctx: DocContext) -> None:
    """The arguments of a nominal trigger: possessives, modifiers, relative clauses and governing verbs."""
    words = ctx.lexicon.syntax
    if etype.family == "court" and "subject" in etype.roles:
        for clause in (c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_ in words.from_control):
            # "an injunction restraining the company from ...", "an order that bars DHS from ...": whom it binds
            add_argument(args, "subject", next((g for g in clause.children if g.dep_ == "dobj"), None), ctx)
    for c in own_or_shared_modifiers(head):
        if c.dep_ == "poss":
            ent = ctx.ents.get(c.i)
            if ent is not None and ent.label_ == "DATE":
                add_argument(args, "time", c, ctx)
            elif ent is not None and ent.label_ == "PLACE":  # a state's action is its doer's, else where it was
                if actor_role == "agent":  # "Texas's execution of Boone", "Kenya's deportation of the men"
                    add_argument(args, "agent", c, ctx)
                elif "place" in etype.roles:  # "one of Germany's last Nazi trials": where, not who
                    add_argument(args, "place", c, ctx)
            elif etype.possessor_is_actor or etype.custodial and custodian(c, ctx):
                add_argument(args, actor_role, c, ctx)
            else:
                add_argument(args, "subject", c, ctx)
        elif c.dep_ in ("compound", "amod", "nummod", "quantmod", "nmod") and etype.money_penalty and is_amount(c, ctx):
            add_argument(args, "penalty", c, ctx, phrase=True, split=False)  # "paid a $500 fine"
        elif c.dep_ in ("compound", "amod", "nummod"):
            ent = ctx.ents.get(c.i)
            if ent is not None and ent.label_ == "COURT":
                add_argument(args, "adjudicator", c, ctx)
            elif ent is not None and ent.label_ == "DATE" and is_duration(ent):
                if etype.duration_is_penalty:
                    span = noun_phrase(head)
                    args.append(FoundArgument("penalty", span.text, span.start_char, span.end_char))
            elif ent is not None and ent.label_ == "DATE" and c.dep_ == "compound":
                add_argument(args, "time", c, ctx)
        elif c.dep_ in ("acl", "relcl"):
            if c.lemma_ in words.actor_light and not requested(c.lemma_, actor_role, ctx, etype):
                add_argument(args, actor_role, actor_token(c, ctx) if c.dep_ == "relcl" else by_agent(c), ctx)
                if not has_role(args, "subject"):
                    add_argument(args, "subject", recipient(c, head, ctx), ctx)
    if etype.adjudicated or etype.brought_to_court:
        add_argument(args, "adjudicator", court_of_clause(head, ctx), ctx)
    if "subject" in etype.roles and not has_role(args, "subject"):
        add_argument(args, "subject", of_after_place(head, ctx), ctx)
    if head.dep_ == "compound" and head.head.lemma_ == "order" and not has_role(args, "subject"):
        for c in head.head.children:  # "a deportation order against Tabe": whom the ordered removal is of
            if c.dep_ == "prep" and c.lower_ == "against":
                add_argument(args, "subject", next((g for g in c.children if g.dep_ == "pobj"), None), ctx)
    gov = head.head
    if head.dep_ == "pobj" and gov.lower_ == "over" and gov.head.lemma_ in ctx.lexicon.people.presiding_verbs \
            and etype.adjudicated:
        add_argument(args, "adjudicator", actor_token(gov.head, ctx), ctx)  # "Judge Lind, who presided over the trial"
    if head.dep_ == "pobj" and gov.lower_ == "in" and etype.written_decision and gov.head.lemma_ in WRITING_VERBS:
        add_argument(args, "adjudicator", actor_token(gov.head, ctx), ctx)
        comp = next((c for c in gov.head.children if c.dep_ == "ccomp" and c.i > gov.head.i), None)  # not a quote
        said = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None) if comp is not None else None
        if etype.clause_subject == "person" and said is not None and not has_role(args, "subject"):
            # "In her judgment, the judge said the 34-year-old had ...": whom what it says is about
            named = ctx.ents.get(said.i) is not None and ctx.ents[said.i].label_ in ("PERSON", "AGENCY", "ORGANIZATION")
            person = named or person_like(said, ctx) and not bare_plural(said, ctx) \
                or ctx.coref.resolve(said) is not None
            add_argument(args, "subject", said if person else affected_in_clause(comp, said, ctx), ctx)
    placed = head
    if head.dep_ == "pobj" and gov.lower_ == "of" and gov.head.ent_type_ == "DATE" and gov.head.dep_ == "pobj":
        placed = gov.head  # "sent to two days of judicial custody": the term stands where the custody would
    if placed.dep_ == "pobj" and placed.head.lower_ in ("on", "in", "into", "to") \
            and placed.head.head.lemma_ in ("place", "put", "keep", "take", "hold", "send", "commit", "remand"):
        verb = placed.head.head
        add_argument(args, "subject", next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None), ctx)
        if etype.custodial and not has_role(args, "agent"):
            add_argument(args, "agent", next((c for c in head.children if c.dep_ == "poss"), None)
                         or actor_token(verb, ctx), ctx)
    if head.dep_ == "pobj" and gov.lower_ == "for" and gov.head.lemma_ in ctx.lexicon.nouns.plea_nouns \
            and (etype.adjudicated or etype.granted) and gov.head.head.pos_ == "VERB" \
            and not requested(gov.head.head.lemma_, "adjudicator", ctx):
        decider = actor_token(gov.head.head, ctx)  # "the court rejected his application for bail"
        if etype.adjudicated or court_like(decider, ctx):
            add_argument(args, actor_role, decider, ctx)
        requester = next((c for c in gov.head.children if c.dep_ == "poss"), None)
        if requester is not None and (etype.requester_is_subject or etype.granted and etype.person_centred):
            add_argument(args, "subject", requester, ctx)
    if etype.granted and not has_role(args, "subject") and head.dep_ == "dobj" \
            and gov.lemma_.lower() in ctx.lexicon.nouns.bail_asking:  # "opposed bail for all four"
        add_argument(args, "subject", next((g for c in gov.children if c.dep_ == "prep" and c.lower_ == "for"
                                            for g in c.children if g.dep_ == "pobj" and person_like(g, ctx)), None), ctx)
    if etype.person_centred and not has_role(args, "subject"):
        for c in head.children:  # "a hearing on their bail applications": whose plea is heard
            plea = next((g for g in c.children if g.dep_ == "pobj" and g.lemma_ in ctx.lexicon.nouns.plea_nouns), None) \
                if c.dep_ == "prep" and c.lower_ in ("on", "for", "of", "into") else None
            add_argument(args, "subject", plea_asker(plea, ctx, possessor_only=True) if plea is not None else None, ctx)
    appealing = gov if head.dep_ == "dobj" else gov.head if head.dep_ == "pobj" and gov.lower_ == "against" else None
    if etype.person_centred and appealing is not None and appealing.lemma_ in ("appeal", "challenge", "contest", "fight") \
            and not has_role(args, "subject"):  # "Kaminski would appeal (against) the conviction": his conviction
        appellant = actor_token(appealing, ctx)
        if appellant is not None and person_like(appellant, ctx) and not court_like(appellant, ctx):
            add_argument(args, "subject", appellant, ctx)
    if head.dep_ == "dobj" and "crime" in etype.roles and gov.lemma_ in words.answering_verbs \
            and not has_role(args, "subject"):  # "He denied the charges": the accused answers them
        answerer = actor_token(gov, ctx)
        if answerer is not None and person_like(answerer, ctx) and not court_like(answerer, ctx):
            add_argument(args, "subject", answerer, ctx)
    if etype.action_object_of and not has_role(args, "subject"):  # "it had complied with the order": whom it binds
        verb = gov.head if head.dep_ == "pobj" and gov.lower_ == "with" else gov if head.dep_ == "dobj" else None
        if verb is not None and verb.lemma_ in words.compliance_verbs:
            bound = actor_token(verb, ctx)
            if bound is not None and not court_like(bound, ctx):
                add_argument(args, "subject", bound, ctx)
    if etype.person_centred and head.dep_ == "pobj" and gov.lower_ not in ("at", "during", "before", "after", "by") \
            and not has_role(args, "subject"):
        verb = gov.head.head if gov.head.lemma_ == "guilty" else gov.head  # "pleaded guilty to charges"
        if verb.pos_ == "VERB":
            add_argument(args, "subject", party_of_clause(verb, ctx), ctx)
    if head.dep_ == "pobj" and gov.dep_ in ("prep", "agent") and gov.lower_ not in ctx.lexicon.syntax.adjunct_prepositions:
        gov = gov.head  # "filed a charge sheet against him"; not "granted bail following a charge"
    if head.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "conj") and gov.pos_ in ("VERB", "AUX"):
        set_aside = any(c.dep_ in ("prt", "advmod") and c.lower_ == "aside" for c in gov.children)
        if gives(gov, etype, ctx) and not has_role(args, actor_role) and not set_aside \
                and not requested(gov.lemma_, actor_role, ctx, etype):  # not "set aside his conviction"
            actor = doer(gov, ctx)
            if etype.granted and actor is not None and not has_role(args, "subject") and person_like(actor, ctx) \
                    and actor.head.i == gov.i and gov.tag_ == "VBD" and recipient(gov, head, ctx) is None \
                    and not court_like(actor, ctx) and not executive_like(actor, ctx) \
                    and (ctx.ents.get(actor.i) is None or actor.lower_ in ctx.lexicon.nouns.person):
                add_argument(args, "subject", actor, ctx)  # "A MAN granted bail ... was arrested": a reduced relative
            else:
                add_argument(args, actor_role, actor, ctx)
        if gives(gov, etype, ctx) and not has_role(args, "subject"):
            add_argument(args, "subject", recipient(gov, head, ctx), ctx)
        if etype.granted and not has_role(args, actor_role) and gov.lemma_ in words.court_decision_verbs \
                and gov.lemma_ not in ("order", "direct"):  # not "ordered his release": others release
            decider = doer(gov, ctx)
            if court_like(decider, ctx):  # "The court rejected the bail plea", "allowed the bail application"
                add_argument(args, actor_role, decider, ctx)
        if gov.lemma_ in words.actor_light and not has_role(args, "subject") and "against" in etype.prepositions:
            against = next((c for c in gov.children if c.dep_ == "prep" and c.lower_ == "against"), None)
            if against is not None:  # "filed a charge sheet against the minister", "an FIR was lodged against him"
                add_argument(args, etype.prepositions["against"].role,
                             next((g for g in against.children if g.dep_ == "pobj"), None), ctx)
        elif gov.lemma_ in words.subject_light and not has_role(args, "subject") \
                and (gov.lemma_ != "be" or any(c.dep_ == "nsubj" for c in gov.children)):  # not "there have been"
            party = "subject" if "subject" in etype.roles else actor_role  # "remained free pending his appeal"
            holder = actor_token(gov, ctx) or next((c for c in gov.children if c.dep_ in SUBJECT_DEPS), None)
            if gov.lemma_ == "be" and holder is not None and not person_like(holder, ctx) \
                    and ctx.ents.get(holder.i) is None and not (holder.like_num and definite_group(holder)):
                holder = None  # "The former sentence was a fine of S$6,000": no one's
            if not has_role(args, party):
                add_argument(args, party, holder, ctx)
            if etype.source_is_agent:
                for c in gov.children:
                    if c.dep_ == "prep" and c.lower_ == "from":
                        add_argument(args, "agent", next((g for g in c.children if g.dep_ == "pobj"), None), ctx)
