"""The guard registry: trigger entries name a guard (`"guard": "held_custody"`), and the function registered
under that name gets the trigger's head token, its span and the Doc's context."""
from __future__ import annotations

from typing import Callable

from spacy.tokens import Span, Token

from ..context import DocContext

__all__ = ["GUARDS", "Guard", "guard", "generic"]

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
    if tok.dep_ == "dobj" and tok.head.lemma_ in ("face", "serve", "receive", "impose", "get", "hand", "issue", "pass", "give"):
        return False
    return not any(c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "prep" and c.lower_ == "of")
                   for c in tok.children)

