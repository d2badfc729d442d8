"""The typed resolver registry, the pattern resolvers by family, and `timex_of`, the text-to-value entry point."""
from __future__ import annotations

from . import amounts, named, relative  # noqa: F401  (register the resolvers)
from .registry import DECLINE, RESOLVERS, Decline, Resolver, resolver
from .values import clear_caches, timex_of

__all__ = ["DECLINE", "Decline", "Resolver", "RESOLVERS", "resolver", "timex_of", "clear_caches"]
