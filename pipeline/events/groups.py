"""Groups of parties the story never lists where it names them: named through the story's other events.

"A jury convicted three men" is followed, in news, by each man's conviction told on its own ("Jurors found
A guilty ... B and C were convicted"), not by a list of three. Once every event of a Doc is built, a
subject still written as a counted description takes the parties the other events of its type name,
else, for a group the lead introduces or a definite one ("the two"), the parties all its other events name,
when they are exactly as many as it counts, leaving out those named beside it ("A former manager and two
businessmen": the two are the others); any other number leaves it as written.

A group the story takes up without a count ("the group", "the accused", "the defendants", "they" for "the
convicted men") is, in news, everyone the story charges, holds or tries: it takes every party the other
events name as subjects when they are at least two and more than it was resolved to, unless its own sentence
names its members; relations ("the parents") and counted groups keep their own. A counted description
whose sentence lists exactly that many of the event's named subjects after it gives way to the names.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..coref import GROUP_DESCRIPTIONS, NEW_REFERENT, NUMBER_WORDS, count_of, definite_group
from .context import DocContext
from .found import FoundArgument, FoundEvent
from .participants import person_like

__all__ = ["name_counted_groups", "name_story_groups", "drop_listed_descriptions"]

DESCRIPTION_OPENERS = frozenset({"the", "his", "her", "their", "these", "those", "all"})


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


def name_story_groups(events: list[FoundEvent], ctx: DocContext) -> list[FoundEvent]:
    """`events` with each uncounted group subject ("the group", "the accused", "their" for "the convicted
    men", "the defendants" resolved to a list sentences before) replaced by every party the story's other
    events name as subjects, when those are at least two and include whom it was resolved to."""
    parties = {p.name for p in ctx.coref.people if p.party}
    trust = ctx.lexicon.argument_confidence["article"]
    out = []
    for event in events:
        said = {}
        for arg in event.arguments:
            if arg.role == "subject" and story_group(arg, ctx, parties):
                said.setdefault((arg.start_char, arg.end_char), arg)
        if not said:
            out.append(event)
            continue
        pool = named_subjects([e for e in events if e is not event], parties)
        args = list(event.arguments)
        for (start, end), first in said.items():
            members = [a for a in args if a.role == "subject" and (a.start_char, a.end_char) == (start, end)]
            taken = {a.canonical for a in members if a.canonical in parties}
            beside = {a.canonical for a in args if a.role == "subject" and a not in members and a.canonical}
            rest = {k: v for k, v in pool.items() if k not in beside}
            if len(rest) < 2 or not taken <= rest.keys() or len(rest) <= len(taken):
                continue
            args = [a for a in args if a not in members]
            args += [replace(member, text=first.text, start_char=start, end_char=end, source="article",
                             confidence=trust) for member in rest.values()]
        out.append(replace(event, arguments=tuple(args)))
    return out


def story_group(arg: FoundArgument, ctx: DocContext, parties: set[str]) -> bool:
    """Whether a subject is an uncounted group the story takes up: a definite plural of people with no name
    ("the group", "the accused", "the men"), as written or as resolved to a list in another sentence, or a
    plural pronoun resolved to such a description ("their" for "the convicted men")."""
    span = ctx.phrase_of(arg)
    if span is None or any(t.lower_ in NEW_REFERENT or t.like_num for t in span):
        return False
    root = span.root
    if root.lower_ in ("they", "them", "their"):
        described = (arg.canonical or "").lower().split()
        return arg.source == "coreference" and arg.mention_start is None and arg.canonical not in parties \
            and bool(described) and described[0] in DESCRIPTION_OPENERS \
            and not any(w.isdigit() or w in NUMBER_WORDS or w in NEW_REFERENT for w in described)  # "the four women"
    lemma = root.lemma_.lower()
    relation = lemma in ctx.coref.words.relative_nouns or ctx.coref.words.relations_in(root.lower_)  # "the parents"
    if relation or ctx.ents.get(root.i) is not None or count_of(root) is not None or not definite_group(root) \
            or not (root.tag_ in ("NNS", "NNPS") and person_like(root, ctx)
                    or lemma in GROUP_DESCRIPTIONS or root.lower_ in GROUP_DESCRIPTIONS):  # "accused" tagged a verb
        return False
    if root.tag_ not in ("NNS", "NNPS") and lemma != "group" and not said_as_plural(root):
        return False  # "the accused" may be one person
    if arg.canonical is None or arg.source == "syntax":
        return True
    sentence = range(root.sent.start_char, root.sent.end_char)
    return arg.canonical in parties and arg.mention_start is not None and arg.mention_start not in sentence


def said_as_plural(noun: Token) -> bool:
    """Whether the sentence treats a noun that may be one or several ("the accused") as several: a plural
    verb ("the accused were") or "their" or "them" after it ("ordered the accused to surrender their passports")."""
    verb = noun.head
    auxiliaries = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if noun.dep_ in ("nsubj", "nsubjpass") and any(t.tag_ == "VBP" or t.lower_ in ("were", "are", "have")
                                                   for t in auxiliaries):
        return True
    return any(t.lower_ in ("their", "them", "themselves") for t in noun.doc[noun.i + 1:noun.sent.end])


def drop_listed_descriptions(events: list[FoundEvent], ctx: DocContext) -> list[FoundEvent]:
    """`events` without a counted description whose members the same sentence lists right after it as
    subjects of the same event ("Two other accused in the case, his nephew A and his secretary B, were
    arrested": A and B, not also "Two other")."""
    out = []
    for event in events:
        named = [a for a in event.arguments if a.role == "subject" and a.canonical and a.mention_start is not None]
        drop = []
        for arg in event.arguments:
            if arg.role != "subject" or arg.canonical is not None or not named:
                continue
            span = ctx.phrase_of(arg)
            count = count_of(span.root) if span is not None else None
            if count is None and span is not None and span[0].like_num:
                count = count_of(span[0])
            if count is None:
                continue
            sentence = range(span.sent.start_char, span.sent.end_char)
            listed = {a.canonical for a in named if a.mention_start in sentence and a.mention_start > arg.start_char}
            if len(listed) == count:
                drop.append(arg)
        out.append(replace(event, arguments=tuple(a for a in event.arguments if a not in drop)) if drop else event)
    return out
