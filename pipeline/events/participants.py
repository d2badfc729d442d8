"""Who takes part: people, courts and executives, the doer and the undergoer of a trigger, and where
a person is moved to. Each function reads the parse of one token with the Doc's context."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..coref import PRONOUNS, definite_group
from .context import DocContext
from .lexicon import EventType
from .syntax import SUBJECT_DEPS, headline_participle, is_passive, small_clause_subject

__all__ = ["gives", "person_like", "body_within", "trailing_decider", "court_like", "jury", "executive_like",
           "patient", "actor_token", "controller", "destination", "is_us", "foreign", "mover", "bare_plural"]

PERSON_PRONOUNS = PRONOUNS | {"they", "them", "i", "me", "we", "us", "you", "himself", "herself"}


def person_like(tok: Token | None, ctx: DocContext) -> bool:
    """A person or a body of people: a name, a pronoun, a person noun, "who" of such a noun, "dozens of migrants"."""
    if tok is None:
        return False
    if tok.lower_ in ("who", "whom", "that") and tok.dep_ in SUBJECT_DEPS + ("dobj",):
        head = tok.head
        while head.dep_ in ("relcl", "conj") and head.head.i != head.i:
            head = head.head
            if head.pos_ in ("NOUN", "PROPN", "PRON"):
                break
        return person_like(head, ctx) if head.i != tok.i else False
    if tok.like_num or tok.lemma_.lower() in ctx.lexicon.syntax.quantity_nouns:
        of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        if of:
            return person_like(of[0], ctx)
        named_by = [c for c in tok.children if c.dep_ in ("acl", "amod") and c.lower_ in ctx.lexicon.nouns.person]
        if named_by:  # "the three accused": the parser heads the phrase with the number
            return True
        if tok.like_num and not of and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos") \
                and (definite_group(tok) or any(c.lower_ in ("other", "others") for c in tok.children)):
            return True  # "picked up the seven", "All five were remanded": a group taken up
    if tok.lower_ == "others" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children) \
            or tok.lower_ == "both" and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return True  # "the two others", "sought bail for both"
    ent = ctx.ents.get(tok.i)
    if ent is not None:
        return ent.label_ in ("PERSON", "ORGANIZATION", "ORG", "NORP")
    person = ctx.lexicon.nouns.person
    return tok.lower_ in PERSON_PRONOUNS or tok.lemma_.lower() in person or tok.lower_ in person or tok.pos_ == "PROPN"


def body_within(tok: Token, ctx: DocContext) -> Span | None:
    """The one agency or court a phrase names inside it, which the phrase is a unit of: "the Delhi
    Police crime branch", "the anti-graft unit of the Kenya Police"."""
    bodies = [e for e in ctx.ents_in(tok.doc[tok.left_edge.i:tok.right_edge.i + 1])
              if e.label_ in ("AGENCY", "COURT") and e.root.i != tok.i]
    return bodies[0] if len(bodies) == 1 else None


def trailing_decider(tok: Token, ctx: DocContext) -> Token | None:
    """A by-phrase the parser hangs on a verb's object though it names who decided: "cleared of the same
    charge by a jury", "convicted of fraud by a Crown Court jury"."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            by = next((g for g in c.children if g.dep_ == "pobj"), None)
            if by is not None and court_like(by, ctx):  # court nouns hold the jury
                return by
    return None


def court_like(tok: Token | None, ctx: DocContext) -> bool:
    """A court, a board or a judge, also through "who" and pronouns resolved to a judge."""
    if tok is None:
        return False
    if tok.lower_ in ("who", "which", "that") and tok.dep_ in SUBJECT_DEPS:
        return court_like(tok.head.head, ctx) if tok.head.dep_ == "relcl" else False
    ent = ctx.ents.get(tok.i)
    if ent is not None:
        if ent.label_ == "COURT":
            return True
        if ent.label_ == "PERSON":
            person = ctx.coref.person(ent)
            return bool(person and person.judge)
        return any(t.lower_ in ("court", "board", "appeals", "tribunal") for t in ent)
    if tok.lower_ in PRONOUNS:
        res = ctx.coref.resolve(tok, "any")
        return res is not None and res[1].judge
    return tok.lemma_.lower() in ctx.lexicon.nouns.court


def jury(tok: Token) -> bool:
    """A jury or its jurors: court-like in deciding a verdict, but they neither rule nor charge."""
    return tok.lemma_.lower() in ("jury", "juror", "jurors")


def executive_like(tok: Token, ctx: DocContext) -> bool:
    """An agency, an organization or an executive office ("the president", "the governor")."""
    executive = ctx.lexicon.nouns.executive
    ent = ctx.ents.get(tok.i)
    if ent is not None and ent.label_ in ("AGENCY", "ORGANIZATION", "ORG"):
        return True
    if ent is not None:
        return any(t.lower_ in executive for t in ent)
    return tok.lemma_.lower() in executive


def patient(tok: Token, ctx: DocContext) -> Token | None:
    """Who undergoes the action: the object, the passive subject, or the noun a participle modifies."""
    found = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") or c.dep_ == "nsubj" and headline_participle(tok)]
    if found:  # "BURLINGTON, Vt. — A nurse ... was freed": of the parser's two subjects, not the dateline
        return next((c for c in found if not ctx.in_dateline(c.idx)), found[0])
    small = small_clause_subject(tok)
    if small is not None:
        return small
    if tok.dep_ in ("acl", "relcl") and is_passive(tok):
        return tok.head
    if tok.dep_ == "conj" and is_passive(tok):  # "was arrested and charged"; "fled Haiti and was detained"
        first = tok.head
        while not is_passive(first) and first.dep_ == "conj" and first.head.i != first.i \
                and not any(c.dep_ == "nsubj" for c in first.children):
            first = first.head  # "was arrested, pleaded guilty and was sentenced": the chain's subject
        return patient(first, ctx) if is_passive(first) else next((c for c in first.children if c.dep_ == "nsubj"), None)
    if tok.dep_ in ("xcomp", "ccomp", "oprd") and is_passive(tok):
        for c in tok.head.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                return c
    own_clause = any(c.dep_ in ("ccomp", "xcomp", "oprd") and any(g.dep_ == "nsubj" for g in c.children)
                     for c in tok.children)  # "found X guilty and ordered each of them to pay": X is found
    if not is_passive(tok) and not own_clause and any(c.dep_ == "cc" for c in tok.children):
        for partner in (c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"):
            shared = next((c for c in partner.children if c.dep_ == "dobj"), None)
            if shared is not None:  # "convicted and sentenced Tan": the object both verbs share
                return shared
    return None


def controller(tok: Token, passive: bool, ctx: DocContext) -> Token | None:
    """Who the unexpressed subject of an infinitive, gerund or participle is."""
    head = tok.head
    if tok.dep_ == "pcomp" and head.lower_ == "from" and head.head.lemma_ in ctx.lexicon.syntax.from_control:
        return next((c for c in head.head.children if c.dep_ in ("dobj",)), None)
    if tok.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
        return surface_subject(head.head, ctx)
    if tok.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ == "NOUN":
        return next((c for c in head.head.children if c.dep_ == "poss"), None)
    if tok.dep_ in ("xcomp", "advcl") and head.lemma_ in ctx.lexicon.syntax.with_control:
        asked = next((g for c in head.children if c.dep_ == "prep" and c.lower_ == "with"
                      for g in c.children if g.dep_ == "pobj"), None)
        if asked is not None:
            return asked  # "pleaded with the court to grant bail": the court grants
    if tok.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp" \
            and head.lemma_.lower() in ctx.lexicon.syntax.raising_adjectives:
        return actor_token(head.head, ctx)  # "she is due to be sentenced", "he is likely to appeal"
    if tok.dep_ in ("xcomp", "ccomp", "oprd"):
        obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
        if obj is not None and (head.lemma_ in ctx.lexicon.syntax.object_control or passive):
            return obj
        return actor_token(head, ctx) if not is_passive(head) else patient(head, ctx)
    if tok.dep_ == "conj" and is_passive(head) and not is_passive(tok):
        return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
    if tok.dep_ == "advcl":
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is not None and head.lemma_ in ctx.lexicon.syntax.object_control \
                and (person_like(obj, ctx) or court_like(obj, ctx) or executive_like(obj, ctx)) \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return obj  # "hand him to the authorities to stand trial": he stands trial
        return surface_subject(head, ctx)
    if tok.dep_ == "conj":
        return actor_token(head, ctx)
    return None


def surface_subject(verb: Token, ctx: DocContext) -> Token | None:
    """Who controls an adjunct participle: the main clause's doer, or its passive subject ("After
    pleading guilty, Byrne was fined": Byrne pleaded)."""
    return actor_token(verb, ctx) or next((c for c in verb.children if c.dep_ == "nsubjpass"
                                           or c.dep_ == "nsubj" and headline_participle(verb)), None)


def actor_token(tok: Token, ctx: DocContext) -> Token | None:
    """The doer: the active subject, the passive `by` agent, or inherited through control and coordination."""
    small = small_clause_subject(tok)
    headlinese = headline_participle(tok)
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    for c in tok.children:
        if small is not None and c.i == small.i or headlinese and c.dep_ == "nsubj":
            continue
        if c.dep_ == "nsubj" and len(subjects) > 1 and ctx.in_dateline(c.idx):
            continue  # "LAHORE: The Anti-Corruption Court ... rejected": the parser's two subjects
        if c.dep_ == "nsubj" and ctx.in_dateline(c.idx):
            named = next((a for a in c.children if a.dep_ == "appos" and not ctx.in_dateline(a.idx)), None)
            c = named or c  # "DENVER — A federal judge ... barred": the parser makes the dateline the subject
        if c.dep_ in ("nsubj", "appos") and c.lower_ not in ("who", "which", "that"):
            doc = c.doc
            while c.i + 2 < len(doc) and doc[c.i + 1].text == "-" and doc[c.i + 2].dep_ == "nsubj" \
                    and doc[c.i + 2].head.i == tok.i:
                c = doc[c.i + 2]  # "A co-defendant" split by the tokenizer into three subjects
            return c
        if c.dep_ == "nsubj":
            return tok.head if tok.dep_ == "relcl" else c
        if c.dep_ == "agent":
            by = next((g for g in c.children if g.dep_ == "pobj"), None)
            if by is not None and ctx.ents.get(by.i) is not None and ctx.ents[by.i].label_ == "DATE":
                return None
            if by is not None and ctx.ents.get(by.i) is None and not person_like(by, ctx) \
                    and by.lemma_.lower() not in ctx.lexicon.nouns.court | ctx.lexicon.nouns.executive \
                    and body_within(by, ctx) is None:
                continue
            return by
    if is_passive(tok) or any(c.dep_ == "nsubjpass" for c in tok.children):
        return None
    if tok.dep_ in ("relcl", "acl") and not is_passive(tok) and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return tok.head
    if tok.dep_ in ("xcomp", "advcl", "conj", "pcomp", "ccomp") and tok.pos_ in ("VERB", "AUX"):
        return controller(tok, False, ctx)
    if tok.dep_ == "acomp" and tok.lemma_.lower() in ctx.lexicon.syntax.raising_adjectives \
            or tok.dep_ == "advmod" and tok.head.lemma_ == "be":
        return actor_token(tok.head, ctx)  # "He is due back in court": the copula's subject
    return None


def destination(tok: Token) -> Token | None:
    """Where a person is moved to: the object of "to"/"into", also under "back" ("sent back to Lagos")."""
    for c in tok.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into"):
            return next((g for g in c.children if g.dep_ == "pobj"), None)
        if c.dep_ in ("advmod", "prt") and c.lower_ == "back":
            for g in c.children:
                if g.dep_ == "prep" and g.lower_ == "to":
                    return next((x for x in g.children if x.dep_ == "pobj"), None)
    return None


def is_us(tok: Token, ctx: DocContext) -> bool:
    """The United States, by a mention's country code and name or by one of its names."""
    us_names = ctx.lexicon.syntax.us_names
    ent = ctx.ents.get(tok.i)
    text = (ent.text if ent is not None else tok.text).lower().strip()
    code = ent._.country_code if ent is not None else None
    return code == "US" and text.replace("the ", "") in us_names | {"united states"} or text in us_names


def foreign(tok: Token | None, ctx: DocContext) -> bool:
    """A place other than the United States, or "his country", "her homeland"."""
    if tok is None:
        return False
    ent = ctx.ents.get(tok.i)
    if ent is not None and ent.label_ in ("PLACE", "GPE", "LOC"):
        return not is_us(tok, ctx)
    return tok.lemma_ in ("country", "nation", "homeland")


def mover(tok: Token, ctx: DocContext) -> Token | None:
    """Who is moved: the undergoer, or the subject of an intransitive "returned"."""
    obj = patient(tok, ctx)
    if obj is None and tok.lemma_ == "return":
        obj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if obj is None and tok.dep_ in ("relcl", "acl"):
            obj = tok.head
        if obj is None and tok.dep_ == "conj":
            obj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    return obj


def bare_plural(tok: Token | None, ctx: DocContext) -> bool:
    """A plural with no determiner, number or modifier ("migrants"): a kind of people, not some people."""
    return tok is not None and tok.tag_ == "NNS" and ctx.ents.get(tok.i) is None and not any(
        c.dep_ in ("det", "poss", "nummod", "quantmod", "compound", "amod") and c.lower_ not in ("deported", "other")
        or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children) \
        and tok.lemma_.lower() not in ctx.lexicon.syntax.quantity_nouns


def gives(verb: Token, etype: EventType, ctx: DocContext) -> bool:
    """A light verb whose doer gives its nominal trigger ("granted bail", "issued an order"), or
    withholds what an authority grants ("was refused bail", "denied a stay")."""
    words = ctx.lexicon.syntax
    return verb.lemma_ in words.actor_light or etype.granted and verb.lemma_ in words.withhold_light | words.grant_light
