"""The resolver registry: `@resolver(name)` makes a function the one `patterns.jsonl` names by `resolver`.

A resolver gets the tables, the pattern's match over the normalized text, the publication date, the
tense of the governing verb ("past", "future", "either", "present" or None) and the last point the
text resolved; it returns a Timex, None (not a temporal expression) or DECLINE (the shape matched but
its parts do not resolve: the next pattern is tried).
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable, Final, Union

from ..calendar import Point, Timex
from ..tables import DateTables

__all__ = ["DECLINE", "Decline", "Resolver", "RESOLVERS", "resolver", "group", "month_number", "unit_code"]


class Decline:
    """The type of DECLINE: a shape that matched but does not resolve."""

    def __repr__(self) -> str:
        return "DECLINE"


DECLINE: Final = Decline()
Resolver = Callable[[DateTables, re.Match, Union[date, None], Union[str, None], Union[Point, None]],
                    Union[Timex, None, Decline]]
RESOLVERS: dict[str, Resolver] = {}


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register a resolver under the name the pattern table uses."""
    def register(fn: Resolver) -> Resolver:
        if name in RESOLVERS:
            raise ValueError(f"resolver {name!r} registered twice")
        RESOLVERS[name] = fn
        return fn
    return register


def group(m: re.Match, name: str) -> str | None:
    """A named group's text, None when the pattern has no such group or it did not take part."""
    return m.groupdict().get(name)


def month_number(tables: DateTables, m: re.Match) -> int:
    if group(m, "mnum"):
        return int(m.group("mnum"))
    return int(tables.words["month"][m.group("month")])


def unit_code(tables: DateTables, m: re.Match) -> str:
    """The TimeML unit letter(s) of the match's `unit` group ("weeks" -> "W")."""
    return tables.words["unit"][m.group("unit")]
