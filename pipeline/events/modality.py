"""Negation and modality of a found trigger (SPEC section 3): `negated`, and `modality` one of
asserted, reported, possible, future, read from cue words (`cues.json`) on the path from the trigger
up to the sentence root, or for a nominal trigger from the verb that governs it."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .context import DocContext
from .guards import on_hold
from .lexicon import TriggerEntry
from .participants import court_like
from .syntax import definite, used_as_noun

__all__ = ["attributes", "nominal_attributes", "neutral_source", "according_to"]

NEGATION_CARRIERS = ("allow", "let", "want", "plan", "expect", "intend", "agree", "seek", "try")

# "faced the charges", "opposed all the charges": a definite object of these exists, no action to come
EXISTING_WHEN_DEFINITE = frozenset({"attend", "face", "receive", "oppose", "object", "apply", "move"})


def attributes(entry: TriggerEntry, head: Token, span: Span, ctx: DocContext) -> tuple[bool, str]:
    """(negated, modality) of a verbal trigger: cues on its own verb and on the verbs that govern it
    ("refused to release", "plans to deport", "says he was deported")."""
    cue = ctx.lexicon.cues
    words = ctx.lexicon.syntax
    negated = False
    modality = None
    nominal = used_as_noun(head)
    if nominal:
        return nominal_attributes(entry, head, ctx)
    cur = head
    level = 0
    while True:
        children = list(cur.children)
        if any((c.dep_ == "neg" or c.lower_ == "never" and c.dep_ == "advmod") and not (span.start <= c.i < span.end)
               for c in children) or (level == 0 and any(
                c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ in ("neither", "nobody", "none") or
                                                        g.lower_ == "no" and g.dep_ == "det" for g in [c, *c.children])
                for c in children)):
            if level == 0 or (cur.lemma_ in NEGATION_CARRIERS):
                negated = True
        if modality is None:
            auxes = [c.lower_ for c in children if c.dep_ == "aux"]
            if any(c.dep_ == "mark" and c.lower_ in cue.possible_marks for c in children):
                modality = "possible"
            elif any(a in cue.possible_aux for a in auxes):
                modality = "possible"
            elif any(a in cue.future_aux for a in auxes):
                modality = "future"
            elif any(c.dep_ == "advmod" and c.lower_ in cue.possible_adverbs for c in children):
                modality = "possible"
            elif level == 0 and cur.dep_ in ("acl", "relcl") and cur.head.pos_ == "NOUN" \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in children) \
                    and not (entry.decision_is_act and cur.head.lemma_.lower() in ctx.lexicon.nouns.decision_nouns):
                modality = "future"  # "plans to deport"; but "the decision to remand him" did remand him
            elif level == 0 and cur.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
                modality = "future"  # a purpose: "petitioned the court to halt her removal"
            elif any(c.lower_ == "going" for c in children if c.dep_ == "aux"):
                modality = "future"
        if level == 1 and cur.lemma_ in cue.negating_governors and prev_dep in ("xcomp", "pcomp", "prep"):
            negated = True
        if level > 0 and modality is None and prev_dep in ("xcomp", "pcomp", "ccomp", "oprd") \
                and not (cur.lemma_ in cue.reporting_verbs and prev_dep == "ccomp"):  # "told reporters they arrested me"
            if cur.lemma_ in cue.future_governors and not (cur.lemma_ in ("allow", "let") and negated):
                modality = "future"
            elif cur.lemma_ in cue.possible_governors:
                modality = "possible"
            elif cur.lemma_ in ("allow", "let"):
                modality = "possible"
        if level > 0 and cur.lemma_ in cue.reporting_verbs and prev_dep in ("ccomp", "parataxis") \
                and modality is None:
            if not neutral_source(cur, ctx):
                modality = "reported"
        if modality is None and cur.dep_ == "acl" and cur.head.lemma_ in ("statement", "claim", "allegation", "complaint") \
                and cur.head.head.pos_ == "ADP" and not neutral_source(cur.head.head.head, ctx):
            modality = "reported"
        if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
            break
        if cur.dep_ in ("csubj", "csubjpass", "nsubj") or any(
                c.dep_ in ("mark", "advmod") and c.lower_ in words.presupposing for c in cur.children):
            break
        if cur.dep_ == "pcomp" and cur.head.lower_ in words.presupposing:
            break
        if cur.dep_ == "relcl":
            break
        prev_dep = cur.dep_
        if prev_dep == "prep":
            prev_dep = "pcomp"
        if prev_dep == "acl" and cur.head.dep_ == "dobj" and cur.head.head.pos_ == "VERB":
            cur, prev_dep = cur.head, "xcomp"  # "ordered him held": the object's participle is a complement
        came_as = cur.dep_
        cur = cur.head
        if cur.pos_ == "ADP":
            prev_dep = "pcomp" if cur.lower_ in ("from", "against", "without") else "prep"
            if cur.lower_ in ("against", "without") and came_as == "pcomp":
                negated = True  # "voted against deporting him"; not "an FIR against the suspect already detained"
            if cur.lower_ == "from" and cur.head.lemma_ in words.from_control:
                modality = modality or "future"
            cur = cur.head
        level += 1
        if level > 6:
            break
    if modality is None and according_to(head, ctx):
        modality = "reported"
    return negated, modality or entry.modality or "asserted"


def challenged(against: Token, ctx: DocContext) -> bool:
    """"an appeal against the conviction", "filed a challenge against the order": what is challenged
    happened; "ruled against", "voted against" say it did not or will not."""
    gov = against.head
    return gov.pos_ in ("NOUN", "PROPN") or gov.lemma_ in ctx.lexicon.syntax.actor_light \
        or gov.lemma_ in ctx.lexicon.syntax.appeal_verbs or gov.lemma_.endswith("appeal")  # "appealed against the sentence"


def nominal_attributes(entry: TriggerEntry, head: Token, ctx: DocContext) -> tuple[bool, str]:
    """A nominal trigger takes its modality from the verb that governs it ("set a hearing", "awaiting
    trial", "planned to attend the execution"); a definite one ("the ruling", "his conviction") is
    presupposed and stays asserted under a mere auxiliary ("would appeal the conviction")."""
    cue = ctx.lexicon.cues
    negated = False
    is_definite = definite(head)
    gov = head.head
    if head.dep_ == "pobj" and gov.lower_ == "for" and gov.head.lemma_ in ctx.lexicon.nouns.plea_nouns \
            and gov.head.head.lemma_ in ("reject", "deny", "refuse", "decline"):
        return True, "asserted"
    if head.dep_ == "pobj" and gov.lower_ == "on" and gov.head.lemma_ in ("remain", "stay") \
            and not any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might") for c in gov.head.children):
        return False, "asserted"  # "was allowed to remain on bail": a release that holds, like "remain free"
    awaited = any(c.lower_ in ("pending", "awaiting") and c.i < head.i for c in head.children) \
        and not any(c.dep_ in ("det", "poss") for c in head.children)
    if awaited:
        return False, "future"  # "held without bail pending trial", not "a pending claim"
    if head.dep_ == "pobj" and (gov.lower_ == "without" or gov.lower_ == "against" and not challenged(gov, ctx)):
        negated = True  # "ruled against the deportation"; "an appeal against the conviction" presupposes it
    if entry.refusal_negates and head.dep_ in ("dobj", "nsubjpass", "dative") and gov.lemma_ in cue.negating_governors:
        negated = True
    if head.dep_ == "dobj" and gov.pos_ == "VERB" and any(c.dep_ == "neg" for c in gov.children):
        negated = gov.lemma_ in ("block", "halt", "hear", "dismiss", "grant", "issue", "file")
    modality = entry.modality
    g = gov.head if gov.pos_ == "ADP" else gov
    marks = {c.lower_ for c in g.children if c.dep_ == "mark"}
    if modality is None and head.dep_ in ("dobj", "nsubjpass") and on_hold(gov, ctx):
        modality = "future"  # "put the deportation on hold": SPEC, an action a court blocks is future
    if modality is None and head.dep_ == "pobj" and gov.lower_ in ("until", "ahead", "pending") and not is_definite:
        modality = "future"
    elif modality is None and head.dep_ == "pobj" and gov.lower_ == "of" and g.lemma_ in ("hope", "ahead"):
        modality = "future"
    elif modality is None and head.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj", "attr"):
        if marks & {"until", "before"}:
            modality = "future"
        elif marks & cue.possible_marks and not is_definite:
            modality = "possible"
        elif head.dep_ == "dobj" and g.lemma_ in ctx.lexicon.syntax.from_control and not negated and not (
                g.dep_ == "xcomp" and g.head.lemma_ in cue.negating_governors):
            modality = "future"
        elif g.lemma_ in cue.future_nominal_governors and head.dep_ != "nsubj" \
                and not (is_definite and g.lemma_ in EXISTING_WHEN_DEFINITE) \
                and not (head.dep_ == "dobj" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "aside"
                                                     for c in g.children)):  # "set aside his conviction"
            modality = "future"
        elif g.lemma_ in ("consider", "weigh", "mull"):
            modality = "possible"
        elif g.dep_ in ("xcomp", "ccomp") and g.head.lemma_ in cue.future_governors \
                and g.head.lemma_ not in cue.negating_governors \
                and not (is_definite and g.lemma_ in ctx.lexicon.syntax.presupposed_object):
            modality = "future"
        elif not is_definite:
            auxes = [c.lower_ for c in g.children if c.dep_ == "aux"]
            if any(a in cue.possible_aux for a in auxes):
                modality = "possible"
            elif any(a in cue.future_aux for a in auxes):
                modality = "future"
    if modality is None and any(c.dep_ in ("relcl", "acl") and c.lemma_ in ("expect", "schedule", "set", "plan")
                                for c in head.children):
        modality = "future"
    if modality is None and head.dep_ == "compound" and head.head.lemma_ in ("order", "request"):
        modality = "future"
    return negated, modality or "asserted"


def neutral_source(verb: Token, ctx: DocContext) -> bool:
    """"court records show", "the court said": a source whose report is not a party's claim."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if verb.lemma_ == "show":
        return True
    if subj is not None and court_like(subj, ctx):
        return True
    return subj is not None and subj.lower_ in ctx.lexicon.cues.neutral_sources and subj.lemma_ != "court"


def according_to(tok: Token, ctx: DocContext) -> bool:
    """"according to prosecutors" in the trigger's sentence, unless the source is neutral.

    The sentence's text is searched first, so that the tokens of the many sentences without the
    word are not read ("according" is ASCII: a token whose lower case it is shows it in the
    lower-cased text)."""
    sent = tok.sent
    if "according" not in ctx.text[sent.start_char:sent.end_char].lower():
        return False
    for t in sent:
        if t.lower_ == "according" and t.i + 2 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            rest = t.doc[t.i + 2: min(t.i + 6, t.sent.end)]
            return not any(r.lower_ in ctx.lexicon.cues.neutral_sources for r in rest)
    return False
