"""Counted groups the story never lists: named through the story's other events.

"A jury convicted three men" is followed, in news, by each man's conviction told on its own ("Jurors found
A guilty ... B and C were convicted"), not by a list of three. Once every event of a Doc is built, a
subject still written as a counted description takes the parties the other events of its type name,
else, for a group the lead introduces or a definite one ("the two"), the parties all its other events name,
when they are exactly as many as it counts, leaving out those named beside it ("A former manager and two
businessmen": the two are the others); any other number leaves it as written.
"""
from __future__ import annotations

from dataclasses import replace

from ..coref import NEW_REFERENT, count_of, definite_group
from .context import DocContext
from .found import FoundArgument, FoundEvent

__all__ = ["name_counted_groups"]


def name_counted_groups(events: list[FoundEvent], ctx: DocContext) -> list[FoundEvent]:
    """`events` with each counted description subject ("three men", "the two") replaced by the parties
    the other events of its type (else of any type) name, when they are exactly that many."""
    parties = {p.name for p in ctx.coref.people if p.party}
    trust = ctx.lexicon.argument_confidence["article"]
    out = []
    for event in events:
        counted = [(a, *n) for a in event.arguments if a.role == "subject" and (n := described_count(a, ctx))]
        if not counted:
            out.append(event)
            continue
        others = [e for e in events if e is not event]
        same_type = named_subjects([e for e in others if e.event_type == event.event_type], parties)
        anywhere = named_subjects(others, parties)
        args = list(event.arguments)
        beside = {a.canonical for a in event.arguments if a.role == "subject" and a.canonical}
        for arg, count, introduced in counted:
            pools = [same_type, anywhere] if introduced else [same_type]
            # "A former manager and two businessmen were granted bail": the two are the others named
            named = next((rest for pool in pools if len(rest := {k: v for k, v in pool.items() if k not in beside})
                          == count), None)
            if named is not None:
                args.remove(arg)
                args += [replace(member, text=arg.text, start_char=arg.start_char, end_char=arg.end_char,
                                 source="article", confidence=trust) for member in named.values()]
        out.append(replace(event, arguments=tuple(args)))
    return out


def described_count(arg: FoundArgument, ctx: DocContext) -> tuple[int, bool] | None:
    """How many a subject written as an unnamed counted description counts ("three men": 3), and whether the
    story introduces the group there (in the lead) or takes it up ("the two"): only such a group may be the
    parties of other kinds of events; "Police later arrested two men" are only those arrested one by one."""
    if arg.canonical is not None or arg.source != "syntax":
        return None
    span = ctx.phrase_of(arg)
    if span is None or any(ctx.ents.get(t.i) is not None or t.lower_ in NEW_REFERENT for t in span):
        return None  # "Two other men charged in the case": not those the story names
    root = span.root
    count = count_of(root)
    return (count, definite_group(root) or ctx.coref.in_lead(root)) if count is not None and count >= 2 else None


def named_subjects(events: list[FoundEvent], parties: set[str]) -> dict[str, FoundArgument]:
    """The parties those events' own clauses name as subjects, by name, first mention kept."""
    named: dict[str, FoundArgument] = {}
    for event in events:
        for arg in event.arguments:
            if arg.role == "subject" and arg.canonical in parties and arg.mention_start is not None \
                    and arg.source != "article":  # what the clauses say, not what the article lent
                named.setdefault(arg.canonical, arg)
    return named
