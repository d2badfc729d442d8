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

Groups are also taken up in other ways news has: "The men" or "them" resolved to "Three young men" are the
parties that description was named as; "the other four" are the story's parties less those just named; "a
fifth defendant" or "the third man" is the party the story gives that place ("The fifth man, X"); and a trial
named in a verdict's clause ("After a two-week trial, jurors found A and B guilty") is about those it judged.
"""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..coref import GROUP_DESCRIPTIONS, NEW_REFERENT, NUMBER_WORDS, count_of, definite_group
from .context import DocContext
from .found import FoundArgument, FoundEvent
from .participants import person_like

__all__ = ["name_counted_groups", "name_story_groups", "drop_listed_descriptions", "name_resolved_descriptions",
           "name_ordinal_newcomers", "name_other_groups", "name_trial_parties"]

DESCRIPTION_OPENERS = frozenset({"the", "his", "her", "their", "these", "those", "all"})
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
            "tenth": 10}


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
            pools = [{k: v for k, v in pool.items() if ordinal_of(k, ctx) <= count}  # "The sixth man, X": not of five
                     for pool in ([same_type, anywhere] if introduced else [same_type])]
            # "A former manager and two businessmen were granted bail": the two are the others named
            named = next((rest for pool in pools if len(rest := {k: v for k, v in pool.items() if k not in beside})
                          == count), None)
            if named is not None:
                args.remove(arg)
                args += [written_as(member, arg, trust) for member in named.values()]
        out.append(replace(event, arguments=tuple(args)))
    return out


def written_as(member: FoundArgument, said: FoundArgument, trust: float) -> FoundArgument:
    """A party the story names, written where and as the description that stands for it was (`said`),
    in that description's role, found from the article."""
    return replace(member, role=said.role, text=said.text, start_char=said.start_char, end_char=said.end_char,
                   source="article", confidence=trust)


def ordinal_of(name: str, ctx: DocContext) -> int:
    """The place the story gives a party in its count ("The sixth man, X": 6), else 0."""
    person = next((p for p in ctx.coref.people if p.name == name), None)
    for mention in person.mentions if person is not None else []:
        root = mention.root
        while root.dep_ == "compound" and root.head.i != root.i:
            root = root.head  # "Muhammad Asif alias Shani", headed by the alias
        for noun in ctx.coref.appositions(root):
            place = next((ORDINALS[c.lower_] for c in noun.children if c.lower_ in ORDINALS), 0)
            if place:
                return place
    return 0


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
            args += [written_as(member, first, trust) for member in rest.values()]
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


def name_resolved_descriptions(events: list[FoundEvent]) -> list[FoundEvent]:
    """`events` with each pronoun or description resolved to a group description ("The men" to "Three young
    men", "them" to "all five men") replaced by the parties that description was named as where it stands
    (the nearest one written so before it)."""
    named: dict[str, list[tuple[int, list[FoundArgument]]]] = {}
    for event in events:
        for arg in event.arguments:
            if arg.role in ("subject", "agent") and arg.source == "article" and arg.canonical \
                    and arg.text != arg.canonical:
                spots = named.setdefault(arg.text.lower(), [])
                spot = next((members for start, members in spots if start == arg.start_char), None)
                if spot is None:
                    spots.append((arg.start_char, spot := []))
                if all(m.canonical != arg.canonical for m in spot):
                    spot.append(arg)
    if not named:
        return events
    out = []
    for event in events:
        args = []
        for arg in event.arguments:
            spots = named.get((arg.canonical or "").lower()) if arg.source == "coreference" \
                and arg.mention_start is None and arg.role in ("subject", "agent") else None
            before = [(start, members) for start, members in spots or [] if start < arg.start_char]
            if not before:
                args.append(arg)
                continue
            members = max(before, key=lambda pair: pair[0])[1]
            args += [replace(m, role=arg.role, text=arg.text, start_char=arg.start_char, end_char=arg.end_char,
                             source="coreference", confidence=arg.confidence) for m in members
                     if not any(a.role == arg.role and a.canonical == m.canonical for a in args)]
        out.append(replace(event, arguments=tuple(args)) if args != list(event.arguments) else event)
    return out


def name_ordinal_newcomers(events: list[FoundEvent], ctx: DocContext) -> list[FoundEvent]:
    """`events` with "a fifth defendant", "the third man" written as the party the story gives that place
    ("The fifth man, X", "the third appellant, Y"), else, for "a fifth defendant", "A sixth man" (one more than
    a group just told), the only party whom another event of the same type names and whom the story names first
    after the description ("acquitted a fifth defendant ... X was found not guilty"), wherever the description
    is a subject."""
    parties = {p.name: p for p in ctx.coref.people if p.party}
    trust = ctx.lexicon.argument_confidence["article"]
    chosen: dict[tuple[int, int], FoundArgument] = {}
    for event in events:
        for arg in event.arguments:
            if arg.role != "subject" or arg.canonical is not None or arg.source != "syntax" \
                    or (arg.start_char, arg.end_char) in chosen:
                continue
            span = ctx.phrase_of(arg)
            if span is None or span.root.tag_ in ("NNS", "NNPS") or not person_like(span.root, ctx) \
                    or span[0].lower_ not in ("a", "an", "the"):
                continue
            place = next((ORDINALS[t.lower_] for t in span if t.lower_ in ORDINALS), 0)
            if not place:
                continue
            placed = [p for p in parties.values() if ordinal_of(p.name, ctx) == place]
            if len(placed) == 1:  # "the third man": the one the story calls "the third appellant, X"
                mention = placed[0].mentions[0]
                chosen[(arg.start_char, arg.end_char)] = FoundArgument(
                    "subject", mention.text, mention.start_char, mention.end_char, placed[0].name,
                    mention.start_char, mention.end_char)
                continue
            if span[0].lower_ == "the":
                continue
            pool = named_subjects([e for e in events if e is not event and e.event_type == event.event_type], parties)
            later = [a for name, a in pool.items() if parties[name].mentions[0].start_char > arg.end_char]
            if len(later) == 1:
                chosen[(arg.start_char, arg.end_char)] = later[0]
    if not chosen:
        return events
    out = []
    for event in events:
        args = [written_as(chosen[(a.start_char, a.end_char)], a, trust)
                if a.role == "subject" and a.canonical is None and (a.start_char, a.end_char) in chosen else a
                for a in event.arguments]
        out.append(replace(event, arguments=tuple(args)))
    return out


def name_other_groups(events: list[FoundEvent], ctx: DocContext) -> list[FoundEvent]:
    """`events` with "the other four", "the other two" written as the parties the story's other events name,
    less those the events just before it name, in its sentence, else in the previous one ("A and B admitted the
    charge. The other four denied it": the four others charged), when exactly as many remain."""
    parties = {p.name for p in ctx.coref.people if p.party}
    trust = ctx.lexicon.argument_confidence["article"]
    out = []
    for event in events:
        others = []
        for arg in event.arguments:
            span = ctx.phrase_of(arg) if arg.role in ("subject", "agent") and arg.canonical is None else None
            if span is None or not any(t.lower_ == "other" for t in span) or not definite_group(span.root):
                continue
            count = count_of(span.root) if count_of(span.root) is not None else next(
                (count_of(t) for t in span if t.like_num and count_of(t) is not None), None)
            if count is not None:
                others.append((arg, count))
        if not others:
            out.append(event)
            continue
        pool = named_subjects([e for e in events if e is not event], parties)
        args = list(event.arguments)
        for arg, count in others:
            here = ctx.sentence_at(arg.start_char)
            before = [e for e in events
                      if e.trigger_start < arg.start_char and ctx.sentence_at(e.trigger_start) == here]
            before = before or [e for e in events if ctx.sentence_at(e.trigger_start) == here - 1]
            recent = {a.canonical for e in before for a in e.arguments  # those the "other" sets apart
                      if a.role in ("subject", "agent") and a.canonical and a.start_char != arg.start_char}
            rest = {k: v for k, v in pool.items() if k not in recent}
            if len(rest) == count:
                args.remove(arg)
                args += [written_as(member, arg, trust) for member in rest.values()]
        out.append(replace(event, arguments=tuple(args)))
    return out


VERDICT_TYPES = frozenset({"CONVICT", "ACQUIT", "SENTENCE"})


def name_trial_parties(events: list[FoundEvent], ctx: DocContext) -> list[FoundEvent]:
    """`events` with a trial or hearing that names no one, written in a phrase of a verdict's clause ("After a
    two-week trial, jurors found A and B guilty"; "convicted the three after a trial"), about whom the verdict is
    about; one that a custody lasts until ("remain in custody until the trial ends") about whom it holds."""
    by_trigger = {e.trigger_start: e for e in events if e.event_type in VERDICT_TYPES}
    trust = ctx.lexicon.argument_confidence["article"]
    out = []
    for event in events:
        if event.event_type != "TRIAL_HEARING" or any(a.role == "subject" for a in event.arguments):
            out.append(event)
            continue
        span = ctx.trigger_of(event)
        head = span.root if span is not None else None
        governing = None
        if head is not None and head.pos_ in ("NOUN", "PROPN") and head.dep_ == "pobj" \
                and head.head.lower_ in ("after", "following", "during", "at", "in", "throughout"):
            verb = head.head.head
            governing = next((by_trigger[i] for i in (verb.idx, *(c.idx for c in verb.children if c.dep_ == "acomp"))
                            if i in by_trigger), None)
        elif head is not None and head.pos_ in ("NOUN", "PROPN") and (
                head.dep_ == "pobj" and head.head.lower_ in ("until", "pending", "before")
                or head.dep_ == "nsubj" and head.head.dep_ == "advcl"):  # "remain in custody until the trial ends"
            verb = head.head.head
            governing = next((e for e in events if e.event_type in ("ARREST_DETAIN", "RELEASE")
                              and held_by(e, verb, ctx)), None)
        parties = [replace(a, source="article", confidence=trust) for a in governing.arguments
                   if a.role == "subject"] if governing is not None else []
        out.append(replace(event, arguments=(*event.arguments, *parties)) if parties else event)
    return out


def held_by(event: FoundEvent, verb: Token, ctx: DocContext) -> bool:
    """Whether an event's trigger is `verb` or a noun its clause holds ("remain in custody", "kept on remand")."""
    span = ctx.trigger_of(event)
    if span is None:
        return False
    root = span.root
    return root.i == verb.i or root.head.i == verb.i or root.head.head.i == verb.i and root.head.dep_ == "prep"
