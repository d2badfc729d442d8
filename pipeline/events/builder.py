"""One event from one trigger: its arguments and attributes, and what the article supplies when the
sentence does not (the dateline's place, the article's only judge, the subject of an earlier mention);
then "the verdict" retyped after the latest verdict."""
from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from ..coref import PRONOUNS, Person
from .arguments import add_argument, make_argument
from .context import DocContext
from .found import FoundArgument, FoundEvent
from .lexicon import EventType, TriggerEntry
from .modality import attributes
from .participants import actor_token, bare_plural, court_like, executive_like, patient, person_like
from .roles import deciding_court, event_arguments
from .syntax import definite, is_passive, trimmed, used_as_noun
from .time_place import dateline_place
from .triggers import Trigger

__all__ = ["build_event", "retype_verdicts", "generic_participants"]

def petitions_higher_court(head: Token, ctx: DocContext) -> bool:
    """"petitioned the 9th Circuit", "moved the Supreme Court": a court that hears appeals follows the
    verb in its sentence (SPEC: a petition to an appeals court is APPEAL, to a first court SUE)."""
    words = ctx.lexicon.nouns.higher_court_words
    return any(any(w in words for w in e.text.split()) for e in ctx.ents_in(head.sent)
               if e.start > head.i and e.label_ in ("COURT", "ORGANIZATION", "AGENCY"))


def generic_participants(etype: EventType | None, head: Token, ctx: DocContext) -> bool:
    """"orders to return migrants", "judges have ordered", "anyone found guilty", "carries a sentence of
    ten years": a kind of action told of a kind of people, or what the law allows. A finite past
    ("Leftists were arrested") reports one action, even of a bare plural."""
    words = ctx.lexicon.syntax
    if defined(head, ctx):
        return True
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" and head.head.lemma_ in words.penalty_carrying_verbs \
            and not any(c.dep_ == "prt" for c in head.head.children):  # not "carried out an execution"
        return True  # "the offence carries a maximum sentence of ten years": what the law allows
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ == "dobj" and head.head.lemma_ == "face" \
            and any(c.dep_ == "amod" and c.lower_ in words.statutory_bounds for c in head.children):
        return True  # "he faces a maximum sentence of ten years if convicted"
    if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("pobj", "dobj"):
        gov = head.head.head if head.dep_ == "pobj" else head.head
        undergoer = patient(gov, ctx) if gov.pos_ == "VERB" else None
        return undergoer is not None and undergoer.i != head.i and generic_participants(None, gov, ctx)
    if head.pos_ not in ("VERB", "AUX"):
        return False
    undergoer = patient(head, ctx)
    clausal = [g for c in head.children if c.dep_ in ("csubj", "csubjpass") for g in c.children if g.dep_ == "nsubj"]
    if any(t is not None and t.lower_ in words.anyone_pronouns
           for t in (undergoer, actor_token(head, ctx), *clausal)):
        return True  # "anyone found guilty of sedition can be jailed"
    if head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children):
        return False
    if undergoer is not None and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in undergoer.children) \
            and any(c.dep_ == "aux" and c.lower_ == "can" for c in head.children) and head.dep_ != "ccomp" \
            and not any(c.dep_ in ("relcl", "acl", "appos") for c in undergoer.children):
        return True  # "a migrant can be detained for 72 hours": what the law allows any migrant; not "ruled
        # that a commander who sought asylum can be extradited"
    present = head.tag_ in ("VBP", "VBZ") or any(c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBP", "VBZ")
                                                for c in head.children)
    if head.dep_ == "relcl" and present and bare_plural(head.head, ctx):
        return True  # "persons who plead guilty receive a discount", "people who have been arrested go to"
    if etype is not None and etype.generic_participant == "actor":
        return bare_plural(actor_token(head, ctx), ctx)
    return bare_plural(undergoer, ctx)


def defined(head: Token, ctx: DocContext) -> bool:
    """Inside the subject of a present-tense definition: "A charge being stayed means ...", "A pardon
    amounts to forgiveness" tell what an action is, not that one happened (syntax.json definitional_verbs)."""
    words = ctx.lexicon.syntax
    for verb in head.ancestors:
        if verb.pos_ in ("VERB", "AUX") and verb.lemma_ in words.definitional_verbs and verb.tag_ in ("VBZ", "VBP"):
            for subject in (c for c in verb.children if c.dep_ in ("nsubj", "csubj")):
                determined = any(d.dep_ in ("poss", "det") and d.lower_ not in ("a", "an") for d in subject.children)
                if subject.left_edge.i <= head.i <= subject.right_edge.i and not determined:
                    return True  # not "His conviction means ...", "the ruling means ..."
    return False


def took_place(ev: FoundEvent) -> bool:
    """An event a re-mention can take up: one told as done, not one planned, possible or denied."""
    return ev.modality in ("asserted", "reported") and not ev.negated


def reports_the_news(head: Token) -> bool:
    """The main verb of its sentence ("HUNTSVILLE — Texas on Tuesday executed ..."), or one conjoined
    with it: what a dateline's place is the place of, unlike a background arrest in a relative clause."""
    verb = head.head if head.dep_ == "conj" else head
    return head.pos_ == "VERB" and verb.dep_ == "ROOT"


def in_lead(head: Token, ctx: DocContext) -> bool:
    """In the sentence the dateline opens, or in a headline above it."""
    return bool(ctx.dateline_end) and head.sent.start_char <= ctx.dateline_end


def remention_kinds(etype: EventType, ctx: DocContext) -> set[str]:
    """The types of event a re-mention can take up (the type's `remention_of`): any court decision for
    the story's lead decision, any verdict for a verdict, else its own type."""
    types = ctx.lexicon.types.values()
    if etype.remention_of == "lead_decision":
        return {t.name for t in types if t.family == "court"}
    if etype.verdict:
        return {t.name for t in types if t.verdict}
    return {etype.name}


def taken_up(etype: EventType, head: Token, ctx: DocContext) -> list[FoundEvent]:
    """The events before a definite re-mention that it can take up, in order: of its kinds, told as
    done, and not the decision it is the object of ("reversed that decision")."""
    kinds = remention_kinds(etype, ctx)
    governors = {t.idx for t in head.ancestors}
    return [ev for ev in ctx.built if ev.event_type in kinds and ev.trigger_start < head.idx
            and ev.trigger_start not in governors and took_place(ev)]


def earlier_subjects(etype: EventType, head: Token, modality: str, ctx: DocContext) -> list[FoundArgument]:
    """A nominal re-mention ("the verdict", "the extradition", "the arrests") is about whoever the latest
    event of its kind before it was about, all of them: one told as done for a re-mention told as done
    ("the sentence" is not the one a co-defendant awaits), else any. A bare plural ("today's sentences",
    "the convictions") takes up the run of such events told one by one in the sentences just before it
    (no more than one sentence between two), and so all their parties; a plural of one kind ("the death
    sentences") only the latest."""
    kinds = remention_kinds(etype, ctx)
    told = [ev for ev in ctx.built if ev.event_type in kinds and ev.trigger_start < head.idx
            and any(a.role == "subject" and a.canonical for a in ev.arguments)]
    done = [ev for ev in told if took_place(ev)]
    chosen = done if done and modality in ("asserted", "reported") else told
    if not chosen:
        return []
    bare_plural = head.tag_ == "NNS" and not any(c.dep_ in ("compound", "amod", "nmod") for c in head.children)
    found: dict[str, FoundArgument] = {}
    for ev in told_in_a_run(chosen, ctx) if bare_plural else chosen[-1:]:
        for a in ev.arguments:
            if a.role == "subject" and a.canonical:
                found.setdefault(a.canonical, a)
    return list(found.values())


def told_in_a_run(events: list[FoundEvent], ctx: DocContext) -> list[FoundEvent]:
    """The latest of `events` and those before it told in the sentences just before it, one by one."""
    run = [events[-1]]
    for ev in reversed(events[:-1]):
        if ctx.sentence_at(run[-1].trigger_start) - ctx.sentence_at(ev.trigger_start) > 2:
            break
        run.append(ev)
    return run


def person_inside(span: Span, head: Token, ctx: DocContext) -> Token | None:
    """The person a multi-word trigger holds: "found Daniel Reyes guilty", "ordered the firm to pay"
    (not a name modifying one of its nouns: the town in "sent to Oyo prison")."""
    for tok in span:
        ent = ctx.ents.get(tok.i)
        if tok.i != head.i and person_like(tok, ctx) and (ent is None or ent.label_ != "DATE") \
                and (tok.dep_ not in ("compound", "amod", "nmod") or ent is not None and ent.label_ == "PERSON"):
            return ent.root if ent is not None else tok
    return None


def named_before_auxiliary(head: Token, ctx: DocContext) -> Token | None:
    """Whom a passive is about when the parser hangs its subject on a fronted phrase ("On each of the
    counts Naude was sentenced"): the person named just before its passive auxiliary."""
    aux = next((c for c in head.children if c.dep_ == "auxpass"), None)
    if aux is None or any(c.dep_ == "nsubjpass" for c in head.children) or aux.i == 0:
        return None
    ent = ctx.ents.get(aux.i - 1)
    return ent.root if ent is not None and ent.label_ == "PERSON" and ent.end == aux.i else None


def copula_subject(head: Token) -> Token | None:
    """Whom a participle the parser reads as an adjective is about ("Some of those freed were later
    re-arrested and charged": "arrested" an acomp of "were"): the copula's subject."""
    first = head
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.tag_ != "VBN" or first.dep_ != "acomp" or first.head.lemma_ != "be":
        return None
    return next((c for c in first.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def names_place(arg: FoundArgument, ctx: DocContext) -> bool:
    """The argument is, whole, the name of a place the gazetteer knows (not a name the model takes for one)."""
    span = ctx.doc.char_span(arg.start_char, arg.end_char)
    ent = ctx.ents.get(span.root.i) if span is not None else None
    return ent is not None and ent.label_ == "PLACE" and ent.start == span.start and ent.end == span.end \
        and ent._.country_code is not None


def found_person(span: Span, ctx: DocContext) -> Token | None:
    """Whom a verdict is about when the parse loses it: the person between "found" and "not guilty"
    ("Jurors found Wendell Pruitt, 44, of Oklahoma City, not guilty")."""
    sent = span.sent
    verbs = [t for t in ctx.doc[sent.start:span.start] if t.lemma_.lower() in ctx.lexicon.syntax.verdict_verbs]
    if not verbs:
        return None
    between = ctx.doc[verbs[-1].i + 1:span.start]
    return next((ctx.ents[t.i].root for t in between if ctx.ents.get(t.i) is not None
                 and ctx.ents[t.i].label_ == "PERSON"), None)


def earlier_adjudicator(etype: EventType, head: Token, ctx: DocContext) -> FoundArgument | None:
    """Who gave the decision a definite re-mention takes up (the type's `remention_of`): "the ruling" the
    story's lead decision's, "that decision" the latest one's. A decision the re-mention is the object of
    ("reversed that decision") is another's. A verdict taken up ("wept as the verdict was read", "would
    appeal his conviction") names no one: the jury or judge belongs to the verdict as first told."""
    if not definite(head) or etype.verdict:
        return None
    given = [a for ev in taken_up(etype, head, ctx) for a in ev.arguments
             if a.role == "adjudicator" and a.mention_start is not None]
    if not given:
        return None
    demonstrative = any(c.dep_ == "det" and c.lower_ in ("that", "this") for c in head.children)
    lead = etype.remention_of == "lead_decision" and not demonstrative
    return replace(given[0] if lead else given[-1], source="article")


def ordered_action_subjects(head: Token, ctx: DocContext) -> list[FoundArgument]:
    """Whom a decision named by the action it orders is about ("the removal order", "an order of removal",
    "the bail order", "the committal order"): the subjects of that action's own event there, else of the
    latest event of the action's type before it."""
    kinds = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
    kinds += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    for kind in kinds:
        action = next((ev for ev in ctx.built if ev.trigger_start <= kind.idx < ev.trigger_end), None)
        action_type = action.event_type if action is not None else next(
            (e.type for e in ctx.lexicon.entries if e.pattern is None and "NOUN" in e.pos
             and kind.lemma_.lower() in e.lemma), None)  # "the bail order": no bail of its own there
        if action_type not in ctx.lexicon.types:
            continue
        own = [a for a in action.arguments if a.role == "subject" and a.canonical] if action is not None else []
        found = own or earlier_subjects(ctx.lexicon.types[action_type], kind, "asserted", ctx)
        return [replace(a, source="article") for a in found]
    return []


def earlier_participants(etype: EventType, head: Token, args: list[FoundArgument],
                         ctx: DocContext) -> list[FoundArgument]:
    """The type's `remention_takes` roles a definite re-mention ("the lawsuit") has none of, from the
    latest event of its type before it ("Colorado and 12 other states sued the administration")."""
    missing = [r for r in etype.remention_takes if not any(a.role == r for a in args)]
    earlier = taken_up(etype, head, ctx) if missing and definite(head) else []
    if not earlier:
        return []
    return [replace(a, source="article") for a in earlier[-1].arguments if a.role in missing
            and (a.canonical or a.text.lower() not in PRONOUNS)]


def renamed_event(etype: EventType, head: Token, args: list[FoundArgument], ctx: DocContext) -> list[FoundArgument]:
    """A noun set off after a clause that renames its action ("Police accused him of fraud, a charge he
    denies") has the participants that clause's event of the same type has and it lacks."""
    set_off = head.left_edge.i > 0 and ctx.doc[head.left_edge.i - 1].text == ","
    if head.dep_ not in ("appos", "npadvmod", "dobj", "attr") or not set_off:
        return []
    same = [ev for ev in ctx.built
            if ev.event_type == etype.name and head.sent.start_char <= ev.trigger_start < head.idx]
    if not same:
        return []
    have = {a.role for a in args}
    return [replace(a, source="article") for a in same[-1].arguments if a.role not in have and a.role != "time"]


def article_adjudicator(head: Token, ctx: DocContext) -> FoundArgument | None:
    """The story's only judge, else its only court, for a decision whose clause names none.

    Only for what was done (asserted or reported): who will sentence or rule later is not known.
    Two judges, or no judge and two courts, give nothing: a wrong name is worse than none."""
    judge = ctx.coref.only_judge()
    if judge is not None:
        return from_article("adjudicator", judge.mentions[0], judge.name)
    courts = [e for e in ctx.doc_ents if e.label_ == "COURT"]
    if not any(p.judge for p in ctx.coref.people) and len({e._.canonical or e.text for e in courts}) == 1:
        before = [e for e in courts if e.start < head.i]
        m = before[-1] if before else courts[0]
        return from_article("adjudicator", m, m._.canonical or m.text)
    return neighbouring_adjudicator(head, ctx)


def from_article(role: str, mention: Span, name: str) -> FoundArgument:
    """An argument the article gives beyond the trigger's clause, written as `mention`."""
    return FoundArgument(role, mention.text, mention.start_char, mention.end_char, name,
                         mention.start_char, mention.end_char, source="article")


def appellate_court(ctx: DocContext) -> FoundArgument | None:
    """The one court that hears appeals the story names ("the 7th U.S. Circuit Court of Appeals", "the Court
    of Appeal"), for an appeal whose clause names none; two such courts give nothing."""
    courts = ctx.appeals_courts
    if len({e._.canonical or e.text for e in courts}) != 1:
        return None
    return from_article("adjudicator", courts[0], courts[0]._.canonical or courts[0].text)


def neighbouring_adjudicator(head: Token, ctx: DocContext) -> FoundArgument | None:
    """Where the story names several judges or courts: the one judge named in the trigger's sentence or the
    sentences either side ("was convicted on Thursday. The Hamburg State Court found ..."), else the one
    named court there; two give nothing, and a sentence that names a court of its own looks no further."""
    index = ctx.coref.sent_index
    here = index.get(head.i, 0)
    own = any(m.label_ == "COURT" and index.get(m.start) == here for m in ctx.doc_ents)
    reach = 0 if own else 1  # a sentence naming a court ("an anti-terrorism court remanded") borrows no other's
    near = [m for m in ctx.doc_ents if abs(index.get(m.start, -9) - here) <= reach and m.label_ in ("PERSON", "COURT")]
    people = [(m, ctx.coref.person(m)) for m in near if m.label_ == "PERSON"]
    judges = {person.name: m for m, person in people if person is not None and person.judge}
    courts = {m._.canonical or m.text: m for m in near if m.label_ == "COURT" and m._.rule != "court_ref"}
    found = judges if judges else courts
    if len(found) != 1:
        return None
    name, m = next(iter(found.items()))
    return from_article("adjudicator", m, name)


def story_party(person: Person, head: Token, ctx: DocContext) -> FoundArgument:
    """The story's main party as the subject of a trigger whose clause names none, written as the
    mention of them nearest the trigger."""
    return from_article("subject", ctx.coref._nearest_mention(person, head), person.name)


def governing_subjects(head: Token, ctx: DocContext) -> list[FoundArgument]:
    """A participle that adds a decision to the action it hangs on is about whom that action is about
    ("quashed the conviction of X ..., finding that the jury was misled"; "jailed X, ordering his deportation")."""
    if head.dep_ != "advcl" or head.tag_ != "VBG":
        return []
    governor = head.head
    done = [ev for ev in ctx.built if ev.trigger_start <= governor.idx < ev.trigger_end]
    return [replace(a, source="article") for a in (done[-1].arguments if done else ()) if a.role == "subject"]


def without_clause(arg: FoundArgument, head: Token, ctx: DocContext) -> FoundArgument:
    """A party phrase the parser made the root of the sentence holds the trigger's own clause ("GAINESVILLE —
    A roofer who was charged ... was deported"): it is the phrase before its first clause, "A roofer"."""
    if arg.role not in ("subject", "agent") or not arg.start_char <= head.idx < arg.end_char:
        return arg
    span = ctx.phrase_of(arg)
    clauses = [c.left_edge.i for c in span.root.children if c.dep_ in ("relcl", "ccomp", "acl", "advcl")
               and c.left_edge.i > span.start] if span is not None else []
    if not clauses:
        return arg
    cut = trimmed(ctx.doc, span.start, min(clauses) - 1)
    return replace(arg, text=cut.text, end_char=cut.end_char)


def is_body(arg: FoundArgument, ctx: DocContext) -> bool:
    """An agency or office the clause describes without naming it, which decides nothing a court decides
    (a named board or tribunal may)."""
    if arg.source != "syntax" or arg.canonical is not None:
        return False
    span = ctx.phrase_of(arg)
    return span is not None and executive_like(span.root, ctx) and not court_like(span.root, ctx)


def acting_subjects(args: list[FoundArgument], head: Token, ctx: DocContext) -> list[FoundArgument]:
    """Subjects that can act: a thing ordered forfeited is no subject, and without any the order binds the
    parties of the action before it in its sentence ("fined A and B ... and ordered the forfeiture of ...")."""
    kept = [a for a in args if a.role != "subject" or can_act(a, ctx)]
    if len(kept) == len(args) or any(a.role == "subject" for a in kept):
        return kept
    sentence = head.sent
    earlier = [ev for ev in ctx.built if sentence.start_char <= ev.trigger_start < head.idx
               and any(a.role == "subject" and a.canonical is not None for a in ev.arguments)]
    return kept + ([replace(a, source="article") for a in earlier[-1].arguments if a.role == "subject"] if earlier else [])


def can_act(arg: FoundArgument, ctx: DocContext) -> bool:
    """A named or resolved argument, or a phrase headed by a person, a court or a body ("the sheriff's
    office", "the company")."""
    if arg.canonical is not None or arg.source != "syntax":
        return True
    span = ctx.phrase_of(arg)
    if span is None or span.root.lemma_.lower() in ctx.lexicon.syntax.group_nouns:
        return True
    return person_like(span.root, ctx) or court_like(span.root, ctx) or executive_like(span.root, ctx)


def with_trigger_as_penalty(args: list[FoundArgument], span: Span, ctx: DocContext) -> list[FoundArgument]:
    """The trigger is the penalty ("a suspended sentence"), with the term its of-phrase gives ("a suspended
    sentence of two years"); another penalty the clause names ("fined $500 and a suspended sentence") stays."""
    after = [a for a in args if a.role == "penalty" and a.start_char >= span.end_char
             and ctx.text[span.end_char:a.start_char].strip() == "of"]
    if not after and any(a.role == "penalty" for a in args):
        return args
    end = after[0].end_char if after else span.end_char
    text = ctx.text[span.start_char:end]
    return [a for a in args if a not in after] + [FoundArgument("penalty", text, span.start_char, end, text)]


def build_event(trigger: Trigger, ctx: DocContext) -> FoundEvent | None:
    """The event of one trigger, or None when its participants are generic; recorded in `ctx.built`."""
    entry, span, head = trigger.entry, trigger.span, trigger.head
    doc = ctx.doc
    etype = ctx.lexicon.types[entry.type]
    if generic_participants(etype, head, ctx):
        return None
    if etype.appeals_court_petition_type is not None and head.lemma_ in ctx.lexicon.nouns.petition_verbs \
            and petitions_higher_court(head, ctx):
        etype = ctx.lexicon.types[etype.appeals_court_petition_type]
    args = event_arguments(entry, etype, head, span, ctx)
    if entry.penalty_is_trigger:
        args = with_trigger_as_penalty(args, span, ctx)
    if "subject" in etype.roles and len(span) > 1 and not any(a.role == "subject" for a in args):
        add_argument(args, "subject", person_inside(span, head, ctx), ctx)
    if etype.verdict and not any(a.role == "subject" for a in args):
        add_argument(args, "subject", found_person(span, ctx), ctx)
    if "subject" in etype.roles and not any(a.role == "subject" for a in args):
        add_argument(args, "subject", named_before_auxiliary(head, ctx) or copula_subject(head), ctx)
    if "subject" in etype.roles and not any(a.role == "subject" for a in args):
        args.extend(governing_subjects(head, ctx))
    negated, modality = attributes(entry, head, span, ctx)
    if not any(a.role == "place" for a in args) and etype.located and in_lead(head, ctx) and reports_the_news(head):
        place = dateline_place(ctx)
        if place is not None:
            args.append(place)
    if etype.adjudicated and head.pos_ in ("NOUN", "PROPN") and modality in ("asserted", "reported") \
            and not any(a.role == "adjudicator" for a in args):
        adjudicator = earlier_adjudicator(etype, head, ctx)
        if adjudicator is not None:
            args.append(adjudicator)
    obtained = used_as_noun(head) and head.dep_ in ("dobj", "nsubjpass") \
        and head.head.lemma_ in ctx.lexicon.syntax.request_light  # "the agency obtained an interim order"
    if etype.judge_from_article is not None and entry.judge_from_article and modality in ("asserted", "reported") \
            and not obtained and not any(a.role == "adjudicator" for a in args) \
            and not (etype.judge_from_article == "unless_passive" and is_passive(head)) \
            and not (etype.judge_from_article == "definite_noun" and not (used_as_noun(head) and definite(head))):
        adjudicator = appellate_court(ctx) if etype.judge_from_article == "appellate_court" \
            else article_adjudicator(head, ctx)
        if adjudicator is not None:
            args.append(adjudicator)
    if (entry.court_is_agent or etype.custodial and used_as_noun(head)) and modality in ("asserted", "reported") \
            and not any(a.role == "agent" for a in args):
        deciding = deciding_court(head, ctx)  # "An anti-terrorism court extended the judicial remand"
        if deciding is not None:  # "The court ordered the detention of the suspects"
            court = make_argument("agent", deciding, ctx)
        else:  # "was remanded in custody" is an act of the story's court; "has been on remand since March" is not
            court = None if used_as_noun(head) or not entry.court_is_agent else article_adjudicator(head, ctx)
        if court is not None:
            args.append(replace(court, role="agent"))
    if etype.family == "court" and used_as_noun(head) and not any(a.role == "subject" for a in args):
        args.extend(ordered_action_subjects(head, ctx))  # "the removal order", "the bail order"
    if etype.remention_takes and used_as_noun(head):
        args.extend(earlier_participants(etype, head, args, ctx))
    if used_as_noun(head):
        args.extend(renamed_event(etype, head, args, ctx))
    if etype.person_centred and head.pos_ in ("NOUN", "PROPN") and not any(a.role == "subject" for a in args):
        earlier = earlier_subjects(etype, head, modality, ctx)
        args.extend(replace(a, source="article") for a in earlier)
        person = None if earlier else ctx.coref.dominant()
        if person is not None and ctx.coref.sent_index.get(head.i, 0) >= ctx.coref.sent_index.get(person.mentions[0].start, 0):
            args.append(story_party(person, head, ctx))
    if entry.defendant_is_subject and not any(a.role == "subject" for a in args):
        person = ctx.coref.dominant()  # testimony at a trial is about its defendant, the story's main party
        if person is not None:
            args.append(story_party(person, head, ctx))
    if etype.subject_acts:
        args = acting_subjects(args, head, ctx)
    args = [without_clause(a, head, ctx) for a in args]
    args = [a for a in args if a.role != "adjudicator" or not is_body(a, ctx)]  # "the anti-graft agency arraigned X"
    undergoers = {a.canonical for a in args if a.role == "subject" and a.canonical}  # "arrested by a deputy": not X
    args = [a for a in args if not (a.role == "agent" and a.source == "coreference" and a.canonical in undergoers)]
    args = [a for a in args if a.role == "penalty" or not a.start_char <= head.idx < a.end_char]  # never itself
    args = [a for a in args if a.source == "article" or not ctx.in_dateline(a.start_char)]  # "ABUJA (Lagoon Wire) -"
    if etype.person_centred:  # "surrendered by Chad to face charges": a country is charged or jailed by no one
        args = [a for a in args if a.role != "subject" or not names_place(a, ctx)]
    if not entry.penalty_is_trigger:  # "sent him to prison for two years": the penalty is the term, not "prison"
        args = [a for a in args if a.role != "penalty" or not span.start_char <= a.start_char < span.end_char]
    trust = ctx.lexicon.argument_confidence
    args = [replace(a, confidence=trust[a.source]) for a in args]
    confidence = entry.confidence
    if not args:
        confidence *= 0.8
    event = FoundEvent(etype.name, ctx.text[span.start_char:span.end_char], span.start_char, span.end_char, negated, modality, round(confidence, 3),
                       entry.id, tuple(args))
    ctx.built.append(event)
    return event


def appealed_verdict(event: FoundEvent, ctx: DocContext) -> bool:
    """"Haskins would appeal the verdict", "challenged the verdict": only a conviction is appealed."""
    span = ctx.trigger_of(event)
    head = span.root if span is not None else None
    return head is not None and head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_ in ctx.lexicon.syntax.appeal_verbs


def retype_verdicts(found: list[tuple[TriggerEntry, FoundEvent]], ctx: DocContext) -> list[FoundEvent]:
    """"The verdict" takes the type of the latest asserted verdict before it; alone it is dropped. A verdict
    someone appeals ("would appeal the verdict") is a conviction, whatever came before it."""
    types = ctx.lexicon.types
    last = None
    keep = []
    for entry, event in found:
        if entry.verdict_reference:
            appealed = appealed_verdict(event, ctx)
            if last is None and not appealed:
                continue
            event = replace(event, event_type="CONVICT" if appealed else last)
        elif types[event.event_type].verdict and entry.verdict_anchor \
                and event.modality == "asserted" and not event.negated:
            last = event.event_type
        keep.append(event)
    return keep
