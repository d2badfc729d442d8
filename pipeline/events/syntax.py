"""Reading the dependency parse: voice, the phrase a token heads, coordination, attachment.

Pure functions of the parse; what needs the Doc's entities or the lexicon is in `participants`.
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..line_breaks import heading

__all__ = ["SUBJECT_DEPS", "is_passive", "small_clause_subject", "used_as_noun", "definite", "heading", "headline_participle", "by_agent", "noun_phrase", "trimmed", "conjuncts", "has_back", "attached", "is_duration",
           "headline"]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INTRANSITIVE = {"testify", "appeal", "plead", "flee", "return", "die", "arrive", "escape"}
DURATION_TEXT = re.compile(r"^(?:for |within |up to )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve|several|many|few|\w+)[\s-](?:years?|months?|weeks?|days?|hours?)$", re.I)
SMALL_CLAUSE_VERBS = frozenset({"order", "want", "see", "get", "have"})  # "ordered him deported": verbs of small clauses
NP_CUT = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj"}


def by_agent(verb: Token) -> Token | None:
    """The object of a passive verb's by-phrase ("headed by Justice X", "ordered removed by a judge")."""
    return next((g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None)


def of_object(tok: Token) -> Token | None:
    """The object of a token's of-phrase ("the release of the two students", "a maximum of 27 years")."""
    return next((g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                 if g.dep_ == "pobj"), None)


def used_as_noun(tok: Token) -> bool:
    """A noun, also one the tagger calls a verb where it has a noun's determiner ("a status hearing")."""
    return tok.pos_ in ("NOUN", "PROPN") or tok.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") \
        and any(c.dep_ in ("det", "poss", "compound", "amod") for c in tok.children)


def definite(noun: Token) -> bool:
    """"the ruling", "this decision", "his conviction": a noun that refers back to something known."""
    return any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in noun.children)


def small_clause_subject(tok: Token) -> Token | None:
    """The undergoer of a participle in a verb's small clause ("ordered him detained", "wanted the men
    deported"): the parser makes it the participle's subject, but it is what the participle is done to."""
    if tok.dep_ not in ("ccomp", "xcomp", "oprd") or tok.head.pos_ != "VERB":
        return None
    if tok.tag_ != "VBN" and not (tok.tag_ == "VBD" and tok.head.lemma_ in SMALL_CLAUSE_VERBS):
        return None  # "ordered Zelaya deported": the parser may read the participle as a past tense
    if any(c.dep_ in ("aux", "auxpass", "dobj") for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "nsubj"), None)


def headline_participle(tok: Token) -> bool:
    """Headlinese passive: "Mumbai gunman remanded in custody", "Briton jailed for contempt" (a past
    form with a subject, no auxiliary and no object, in a heading)."""
    if tok.tag_ not in ("VBD", "VBN") or tok.lemma_ in INTRANSITIVE:
        return False
    children = [c.dep_ for c in tok.children if not (c.dep_ == "dative" and c.pos_ == "ADP")]  # "sent to prison"
    return "nsubj" in children and not any(d in children for d in ("aux", "auxpass", "dobj", "dative", "ccomp")) \
        and heading(tok.sent)


def is_passive(tok: Token) -> bool:
    """A passive verb: with a passive auxiliary or subject, a bare participle conjoined to a passive
    ("was arrested and charged"), or a participle used as a reduced relative ("a man deported in May")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or small_clause_subject(tok) is not None \
            or headline_participle(tok):
        return True
    if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBN") and tok.lemma_ not in INTRANSITIVE \
            and not any(c.dep_ in ("nsubj", "aux") for c in tok.children) \
            and tok.head.i != tok.i and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.head.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "xcomp", "ccomp", "oprd", "advcl", "conj") \
        and not any(c.dep_ in ("aux", "nsubj") for c in tok.children)


def dated_or_listing(prep: Token) -> bool:
    """A modifier that is not part of a name: "on Saturday" the parser hangs on a noun, "including X"."""
    if prep.dep_ != "prep":
        return False
    return prep.lower_ == "including" or any(g.dep_ == "pobj" and g.ent_type_ == "DATE" for g in prep.children)


def noun_phrase(tok: Token, adjuncts: frozenset[str] = frozenset()) -> Span:
    """The phrase a token heads, without relative clauses, appositions, and punctuation or line breaks
    at its ends; nor prepositional phrases that `adjuncts` names by their preposition ("after") or
    preposition and object ("in connection"), which the parser may hang on a party but tell of the event."""
    if tok.tag_ == "PRP":
        return tok.doc[tok.i:tok.i + 1]  # "convicted her of fraud": the parser may hang the crime on the pronoun
    idx = {tok.i}
    stack = [c for c in tok.children if c.dep_ not in NP_CUT and not dated_or_listing(c) and not adjunct(c, adjuncts)
             and not (c.dep_ == "amod" and c.i > tok.i + 1)]  # "the youth, who ..., guilty of": a misparse
    while stack:
        t = stack.pop()
        idx.add(t.i)
        stack.extend(t.children)
    return trimmed(tok.doc, min(idx), max(idx))


def adjunct(prep: Token, adjuncts: frozenset[str]) -> bool:
    """A prepositional phrase `adjuncts` names by its preposition ("after") or preposition and object ("in connection")."""
    if not adjuncts or prep.dep_ != "prep":
        return False
    obj = next((g for g in prep.children if g.dep_ == "pobj"), None)
    return prep.lower_ in adjuncts or obj is not None and f"{prep.lower_} {obj.lower_}" in adjuncts


def trimmed(doc: Doc, lo: int, hi: int, punctuation: bool = True) -> Span:
    """Tokens lo..hi without line breaks at their ends, nor (with `punctuation`) punctuation or a
    possessive 's; a hyphenated word at the end is whole."""
    while lo < hi and (doc[hi].is_space or punctuation and (doc[hi].is_punct or doc[hi].dep_ == "case")):
        hi -= 1
    while lo < hi and (doc[lo].is_space or punctuation and doc[lo].is_punct):
        lo += 1
    while hi + 2 < len(doc) and doc[hi + 1].text == "-" and not doc[hi].whitespace_ and not doc[hi + 1].whitespace_:
        hi += 2  # "three co-accused": no phrase ends inside a hyphenated word
    return doc[lo:hi + 1]


def conjuncts(tok: Token) -> list[Token]:
    """The token and the conjuncts after it ("Mexico, then Guatemala")."""
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


def has_back(tok: Token) -> bool:
    return any(c.dep_ in ("advmod", "prt") and c.lower_ == "back" for c in tok.children)


def attached(tok: Token, head: Token, extra: tuple[Token, ...] = ()) -> bool:
    """True when `tok` hangs from `head` (or `extra`) through prepositions and nouns, not another verb."""
    cur = tok
    for _ in range(5):
        if cur.dep_ == "ROOT" and cur.i != head.i:
            return False
        cur = cur.head
        if cur.i == head.i or any(cur.i == e.i for e in extra):
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod",):
            return False
    return False


def is_duration(ent: Span) -> bool:
    """A DATE mention that measures time ("four years") rather than placing it."""
    if ent._.timex_type:
        return ent._.timex_type == "DURATION"
    return bool(DURATION_TEXT.match(ent.text)) and not ent.text.lower().startswith(("last ", "next ", "this ", "that "))


def headline(sent: Span) -> bool:
    """A title-cased line ("Court Convicts Friend of Bombing Suspect"), where verbs are tagged as names."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.is_title for t in words) >= 0.8 * len(words)
