"""Guards of any family: a noun that names an action, not a modifier or a count; an act on a person."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..context import DocContext
from ..participants import patient, person_like
from .registry import guard, generic


@guard("not_modifier")
def not_modifier(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A noun that names an action, not one that modifies ("custody battle") or counts ("deportations")."""
    if tok.lemma_ in ("custody", "detention") and tok.dep_ == "pobj" and tok.head.lower_ == "from":
        return False
    if tok.lemma_ in ("custody", "detention") and tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN") \
            and not (tok.head.lower_ == "of" and tok.head.head.ent_type_ == "DATE"):  # but "14 days of judicial custody"
        return False
    holder = tok.head.head
    if holder.dep_ == "dobj" and holder.head.lemma_ == "remand":
        holder = holder.head  # "remanded the accused in detention": the parser hangs it on the object
    if tok.lemma_ in ("custody", "detention") and tok.dep_ == "pobj" and holder.lemma_ == "remand":
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


@guard("lawsuit_noun")
def lawsuit_noun(tok: Token, span: Span, ctx: DocContext) -> bool:
    """A lawsuit ("filed a suit against the city"), not clothes ("wearing a dark suit")."""
    if not not_modifier(tok, span, ctx):
        return False
    cues = ctx.lexicon.nouns.garment_cues
    return not (tok.lemma_ == "suit" and (tok.head.lemma_ in cues or any(
        c.dep_ in ("amod", "compound") and c.lower_ in cues for c in tok.children)))
