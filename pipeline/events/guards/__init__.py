"""Guards: named checks that read the parse around a trigger and say whether its sense fits.

A trigger entry of `triggers.jsonl` names its guard (`"guard": "held_custody"`); the guard registered
under that name gets the trigger's head token, its span and the Doc's context ("held in custody"
/ "held a hearing" / "held that"; "returned to Guatemala" / "returned to the United States"; a
court's order / an executive one). Guards follow SPEC section 3's annotation rules; one module per
family of actions registers its guards when imported here.
"""
from __future__ import annotations

from . import charges, common, custody, decisions, immigration, terms  # noqa: F401  (they register their guards)
from .decisions import on_hold
from .registry import GUARDS, Guard, generic, guard

__all__ = ["GUARDS", "Guard", "guard", "generic", "on_hold"]
