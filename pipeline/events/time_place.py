"""When and where: the DATE mention that dates a trigger, its place in the sentence, and the
dateline's place for an event of the lead that names none (SPEC section 3)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from .arguments import add_argument, has_role
from .context import DocContext
from .found import FoundArgument
from .lexicon import EventType
from .participants import gives
from .syntax import attached, conjuncts, is_duration

__all__ = ["time_and_place", "dateline_place"]

SCHEDULING_VERBS = ("expect", "schedule", "set", "plan", "begin", "start", "slate", "unseal", "file", "issue", "return",
                    "bring", "hand", "release", "deliver", "announce", "pronounce")
SETTING_VERBS = ("fix", "set", "adjourn", "schedule", "slate", "postpone", "reserve", "list")  # "fixed April 2 for trial"
PLACE_PREPOSITIONS = ("in", "at", "near", "inside", "outside")


def time_and_place(args: list[FoundArgument], etype: EventType, head: Token, nominal: bool, span: Span | None,
                   ctx: DocContext) -> None:
    """Add the time (a DATE mention attached to the trigger, not a duration) and the place
    (a PLACE mention after in/at/near, a location noun, the agency running a facility)."""
    extra: tuple[Token, ...] = tuple(t for t in span if t.i != head.i) if span is not None else ()
    words = ctx.lexicon.syntax
    gov = head.head
    if gov.pos_ in ("ADP",):
        gov = gov.head
    if nominal and (gov.lemma_ in words.subject_light | {"approve", "order"} or gives(gov, etype, ctx)):
        extra += (gov,)
    if head.pos_ == "ADJ":
        extra += (head.head,)
    if head.dep_ == "pcomp" and head.head.lower_ in ("against", "by", "without") and head.head.head.pos_ == "VERB":
        extra += (head.head.head,)
    if nominal:
        for c in head.children:
            if c.dep_ in ("relcl", "acl") and c.lemma_ in SCHEDULING_VERBS:
                extra += (c, *[x for x in c.children if x.dep_ == "xcomp"])
    if nominal:
        setter = head
        for _ in range(4):  # "fixed April 2 for the start of trial", "adjourned the case to March 20 for trial"
            if setter.dep_ not in ("pobj", "prep") or setter.head.i == setter.i:
                break
            setter = setter.head
            if setter.pos_ == "VERB":
                if setter.lemma_ in SETTING_VERBS and setter.i < head.i:
                    add_argument(args, "time", set_date(setter, ctx), ctx, split=False)
                break
    ordered = ordered_participle(head, ctx)
    if head.pos_ == "VERB" and head.lemma_ in words.court_decision_verbs:
        extra += tuple(c for c in head.children if ordered_participle(c, ctx))
    for ent in ctx.ents_in(head.sent):
        if ent.label_ == "DATE" and not has_role(args, "time") and not ordered:
            if is_duration(ent) or any(a.mention_start == ent.start_char for a in args):
                continue
            if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("within", "since", "until", "after", "before"):
                continue
            if of_crime(ent.root, head, ctx):
                continue  # "appeared in court over the murder of X last year": when the crime was
            if attached(ent.root, head, extra):
                add_argument(args, "time", ent.root, ctx, split=False)
        elif ent.label_ == "PLACE" and etype.sentence_place is not None:
            if any(a.mention_start == ent.start_char for a in args) or has_role(args, "place"):
                continue
            p = ent.root.head
            if places(p, etype) and attached(ent.root, head, extra):
                if p.head.i != head.i and (etype.sentence_place == "trigger" or own_place(head, etype, ctx)):
                    continue  # "A magistrate in Kampala remanded them to Luzira prison": where it was done
                add_argument(args, "place", ent.root, ctx, split=False)
                for other in conjuncts(ent.root)[1:]:  # "in raids in Bradford, Keighley and Harrogate": each
                    if ctx.ents.get(other.i) is not None and ctx.ents[other.i].label_ == "PLACE":
                        add_argument(args, "place", other, ctx, split=False)
    if not has_role(args, "place"):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "in", "near"):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                ent = ctx.ents.get(obj.i)
                if ent is not None and ent.label_ == "PLACE" and not etype.located:
                    add_argument(args, "place", obj, ctx, split=False)
                    break
                if etype.located and obj.lemma_.lower() in ctx.lexicon.nouns.location:
                    add_argument(args, "place", obj, ctx, split=False)
                    break
    if not has_role(args, "place") and etype.located and head.dep_ == "relcl" \
            and any(c.lower_ == "where" for c in head.children):
        site = head.head  # "the processing center in Pearsall, where he will be detained"
        if site.dep_ == "pobj" and site.head.lower_ == "in" and site.head.head.pos_ in ("NOUN", "PROPN"):
            site = site.head.head  # the parser hangs the clause on the town of the facility
        ent = ctx.ents.get(site.i)
        if ent is not None and ent.label_ == "PLACE" or site.lemma_.lower() in ctx.lexicon.nouns.location:
            add_argument(args, "place", site, ctx, split=False)
    if not has_role(args, "place") and etype.located and head.pos_ == "VERB":
        add_argument(args, "place", place_of_sibling(head, ctx), ctx, split=False)
    if etype.custodial and not has_role(args, "agent"):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "in"):
                for obj in (g for g in c.children if g.dep_ == "pobj"):
                    runner = next((x for x in obj.children if x.dep_ in ("compound", "nmod", "poss")
                                   and ctx.ents.get(x.i) is not None and ctx.ents[x.i].label_ in ("AGENCY",)), None)
                    if runner is not None:
                        add_argument(args, "agent", runner, ctx, split=False)


def of_crime(date: Token, head: Token, ctx: DocContext) -> bool:
    """A date inside, or right after, the phrase of a crime between it and the trigger ("the murder of X
    last year", which the parser may hang on the verb)."""
    starts = [date.head]
    if date.left_edge.i > 0 and date.left_edge.i - 1 > head.i:
        starts.append(date.doc[date.left_edge.i - 1])
    for node in starts:
        while node.i != head.i and node.head.i != node.i:
            if node.lemma_.lower() in ctx.lexicon.people.victim_nouns and any(c.lower_ == "of" for c in node.children):
                return True  # not "sentenced him to death the same year"
            node = node.head
    return False


def set_date(verb: Token, ctx: DocContext) -> Token | None:
    """The date a court fixes for what comes next: "fixed April 2", "adjourned the case to March 20"."""
    for c in verb.children:
        date = c if c.dep_ in ("dobj", "npadvmod") else None
        if c.dep_ == "prep" and c.lower_ in ("to", "till", "for"):
            date = next((g for g in c.children if g.dep_ == "pobj"), None)
        ent = ctx.ents.get(date.i) if date is not None else None
        if ent is not None and ent.label_ == "DATE" and not is_duration(ent):
            return date
    return None


def ordered_participle(tok: Token, ctx: DocContext) -> bool:
    """The participle of "ordered him deported in 2021", "was ordered removed in June": the date is when
    the order was made, not when the removal happens (it is still to come)."""
    return tok.dep_ in ("xcomp", "ccomp", "oprd") and tok.tag_ in ("VBN", "VBD") \
        and tok.head.lemma_ in ctx.lexicon.syntax.court_decision_verbs \
        and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def place_of_sibling(head: Token, ctx: DocContext) -> Token | None:
    """The place a verb conjoined with the trigger, or its "after" clause, was at, or went to before
    it: "arrived in Miami and was arraigned", "crossed into Texas and asked for asylum" (not "was
    arrested and deported to Honduras")."""
    siblings = [c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    if head.dep_ == "conj" and head.head.pos_ == "VERB":
        siblings.insert(0, head.head)
    siblings += [c for c in head.children if c.dep_ in ("advcl", "pcomp") and c.pos_ == "VERB"]
    earlier = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "after"
               for g in c.children if g.dep_ == "pcomp" and g.pos_ == "VERB"]
    for verb in siblings + earlier:
        went_before = verb.i < head.i or verb in earlier
        for c in verb.children:
            if c.dep_ == "prep" and (c.lower_ in PLACE_PREPOSITIONS or c.lower_ in ("into", "to") and went_before):
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                ent = ctx.ents.get(obj.i) if obj is not None else None
                if ent is not None and ent.label_ == "PLACE":
                    return obj
    return None


def places(prep: Token, etype: EventType) -> bool:
    """A preposition that places an event of this type: "in", "at", ..., or one its type reads as a place
    ("remanded to", "booked into")."""
    typed = etype.prepositions.get(prep.lower_)
    return prep.dep_ == "prep" and (prep.lower_ in PLACE_PREPOSITIONS or typed is not None and typed.role == "place")


def own_place(head: Token, etype: EventType, ctx: DocContext) -> bool:
    """Whether a place hangs on the trigger itself through a place preposition of its type."""
    return any(places(c, etype) and ctx.ents.get(g.i) is not None and ctx.ents[g.i].label_ == "PLACE"
               for c in head.children for g in c.children if g.dep_ == "pobj")


def dateline_place(ctx: DocContext) -> FoundArgument | None:
    """The dateline's place as a `place` argument, linked to its mention when the entity stage found one."""
    if ctx.dateline_span is None:
        return None
    start, end = ctx.dateline_span
    ent = next((e for e in ctx.doc_ents if e.start_char == start), None)
    if ent is not None:
        return FoundArgument("place", ctx.text[start:end], start, end, ent._.canonical, ent.start_char, ent.end_char,
                             source="article")
    return FoundArgument("place", ctx.text[start:end], start, end, source="article")
