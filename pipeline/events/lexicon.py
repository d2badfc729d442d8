"""What the events stage reads from `models/events/`, loaded into typed, frozen structures.

`types.json` (one entry per event type: family, roles, preposition-to-role map and the properties the
rules read), `triggers.jsonl` (the trigger entries), `cues.json` (negation and modality cue words),
`nouns.json` (noun classes), `syntax.json` (closed classes of English) and `people.json` (what tells
people apart: honorifics, gendered words, lawyer titles). The type table is checked
against `records.EVENT_TYPES`: a type the SPEC lists may be neither missing nor misspelled, and a type
the SPEC does not list must say `"extension": true` (README.md).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import srsly

from ..records import EVENT_TYPES, ROLES

__all__ = ["Lexicon", "TriggerEntry", "EventType", "PrepositionRule", "Cues", "Nouns", "People", "Syntax", "load_lexicon",
           "LexiconError"]


class LexiconError(ValueError):
    """A file of `models/events/` says something the stage cannot use; the message names the file and entry."""


@dataclass(frozen=True)
class PrepositionRule:
    """The role of a prepositional object, with the conditions under which it holds."""

    role: str
    unless_person: bool = False   # only when the object is not a person
    only_person: bool = False     # only when the object is a person ("granted bail to the men")
    verbal: bool = False          # only for a verbal trigger
    nominal: bool = False         # only for a nominal trigger
    objects: frozenset[str] = frozenset()  # only when the object's lemma is one of these
    date_objects: bool = False    # also for a DATE object, checked before dates and courts


@dataclass(frozen=True)
class EventType:
    """One event type of `types.json`; each property is described in that file's `_properties`."""

    name: str
    family: str
    roles: tuple[str, ...]
    extension: bool = False
    adjudicated: bool = False
    possessor_is_actor: bool = False
    person_centred: bool = False
    located: bool = False
    sentence_place: str | None = None
    crime_under_object: bool = False
    verdict: bool = False
    brought_to_court: bool = False
    appeals_court_petition_type: str | None = None
    object_is_decision: bool = False
    court_never_agent: bool = False
    action_object_of: bool = False
    subject_acts: bool = False
    source_is_agent: bool = False
    clause_subject: str | None = None
    dative_is_subject: bool = False
    written_decision: bool = False
    favoured_is_subject: bool = False
    requester_is_subject: bool = False
    generic_participant: str = "patient"
    judge_from_article: str | None = None
    remention_of: str = "latest"
    remention_takes: tuple[str, ...] = ()
    granted: bool = False
    duration_is_penalty: bool = False
    money_penalty: bool = False
    agent_place_is_origin: bool = False
    custodial: bool = False
    subject_when_intransitive: frozenset[str] = frozenset()
    pattern_head: str = "verb"
    prepositions: Mapping[str, PrepositionRule] = field(default_factory=dict)

    @property
    def actor_role(self) -> str:
        """The role of the doer unless a trigger entry says otherwise."""
        return "adjudicator" if self.adjudicated else "agent"


CHOICES = {"family": {"justice", "court", "immigration"}, "sentence_place": {None, "attached", "trigger"},
           "clause_subject": {None, "any", "person"}, "generic_participant": {"actor", "patient"},
           "judge_from_article": {None, "always", "unless_passive", "definite_noun", "appellate_court"},
           "remention_of": {"latest", "lead_decision"}, "pattern_head": {"verb", "root"}}


@dataclass(frozen=True)
class TriggerEntry:
    """One line of `triggers.jsonl`: the words or pattern of a trigger, its type and how to read it."""

    id: str
    type: str
    lemma: tuple[str, ...] = ()
    pos: tuple[str, ...] = ("VERB",)
    pattern: tuple[dict, ...] | None = None
    guard: str | None = None
    actor: str | None = None           # the doer's role when not the type's `actor_role`
    modality: str | None = None        # the default modality ("sentencing" is future)
    confidence: float = 0.5
    trigger: Any = None                # which tokens of a pattern are the trigger (informational)
    head: str | None = None            # "root": a pattern's head is its root, not its first verb (the type's `pattern_head` otherwise)
    object_is_subject: bool = True     # False: the object is no role ("testified" names no subject)
    last_word_governs: bool = False    # a pattern's last word ("pay") governs arguments too
    judge_from_article: bool = True    # False: the type's inferred judge is not applied
    verdict_reference: bool = False    # "the verdict": takes the type of the latest verdict
    verdict_anchor: bool = True        # False: does not set the type of a later "the verdict"
    refusal_negates: bool = False      # a noun a refusing verb governs is negated ("was refused bail")
    also: tuple[str, ...] = ()         # further types the same trigger reports ("jailed for nine years": the jailing too)
    penalty_is_trigger: bool = False   # the trigger names the penalty ("given probation", "a suspended sentence")
    decision_is_act: bool = False      # "the decision to remand him": deciding it does it (asserted, not future)
    defendant_is_subject: bool = False # with no subject in its clause, the story's defendant ("Pruitt testified")
    court_is_agent: bool = False       # with no agent in its clause, the story's judge ("was remanded": a court remands)


@dataclass(frozen=True)
class Cues:
    """`cues.json`: cue words of negation and modality (the auxiliaries from `tense/cues.json`)."""

    future_aux: frozenset[str]
    possible_aux: frozenset[str]
    possible_adverbs: frozenset[str]
    possible_marks: frozenset[str]
    possible_governors: frozenset[str]
    future_governors: frozenset[str]
    future_nominal_governors: frozenset[str]
    negating_governors: frozenset[str]
    negation_words: frozenset[str]
    reporting_verbs: frozenset[str]
    neutral_sources: frozenset[str]


@dataclass(frozen=True)
class Nouns:
    """`nouns.json`: the noun classes guards and argument rules read."""

    person: frozenset[str]
    court: frozenset[str]
    executive: frozenset[str]
    judge_titles: frozenset[str]
    legal_objects: frozenset[str]
    hearing_objects: frozenset[str]
    custody_words: frozenset[str]
    release_objects: frozenset[str]
    location: frozenset[str]
    executed_objects: frozenset[str]
    term_words: frozenset[str]
    court_descriptions: frozenset[str]
    bench_members: frozenset[str]        # "the justices": the court they sit on
    bail_granting: frozenset[str]
    bail_refusing: frozenset[str]
    bail_asking: frozenset[str]          # "opposed bail for X", "will apply for bail": a release sought
    enforcer_nouns: frozenset[str]       # "Detectives arrested the six": officers of the agency the paragraph names
    enforcer_units: frozenset[str]       # "The STF team": the body written before it
    bench_nouns: frozenset[str]          # "a bench of Justice A and Justice B": each judge
    bench_membership_verbs: frozenset[str]  # "a bench comprising A and B", "a panel headed by C"
    custody_places: frozenset[str]
    killing_manners: frozenset[str]
    non_state_killers: frozenset[str]
    currency_words: frozenset[str]
    higher_court_words: frozenset[str]   # words of a court that hears appeals: a petition to it is an APPEAL
    petition_verbs: frozenset[str]       # "petitioned / moved / approached the court": SUE, or APPEAL to a higher court
    blockable: frozenset[str]            # what a court puts on hold ("put the deportation on hold")
    hold_words: frozenset[str]           # "on hold", "on ice"
    penalty_verbs: frozenset[str]        # "was given probation", "received probation"
    lenient_verbs: frozenset[str]        # "got off with probation", "escaped with probation"
    decision_nouns: frozenset[str]       # "the decision to remand him": a decision that is the act
    fee_words: frozenset[str]            # what is charged in the money sense ("charged a fee", "interest charged")
    residence_stay_words: frozenset[str]  # "their unlawful stay in Kenya": living somewhere, not a court's stay
    garment_cues: frozenset[str]          # "wearing a dark suit": clothes, not a lawsuit
    petition_handling_verbs: frozenset[str]  # "filed a petition", "dismissed the petition": one before a court
    plea_nouns: frozenset[str]            # "his application for bail", "a request for a stay": asks a court
    pleaded_accusations: frozenset[str]   # "denied the charges": a plea, no ruling
    pretrial_cues: frozenset[str]         # "jailed pending trial": a court's jailing that is no sentence
    non_court_orders: frozenset[str]     # "an executive order", "a takeout order": no court's
    commerce_order_verbs: frozenset[str] # "took an order", "placed an order"
    public_appeal_objects: frozenset[str]  # "an appeal for witnesses": a plea to the public, not to a court
    admitted_offences: frozenset[str]    # "admitted three offences", "admitted contempt": a guilty plea
    charging_bodies: frozenset[str]      # "Police accused him of fraud": an accusation that is a charge
    remand_kinds: frozenset[str]         # "physical remand", "judicial remand": a person's remand
    currency_prefixes: frozenset[str]    # "RM6,000", "Sh500,000": a currency written onto its number


@dataclass(frozen=True)
class People:
    """`people.json`: what tells the article's people apart for the pronoun resolver (sex, lawyer titles)."""

    male_honorifics: frozenset[str]
    female_honorifics: frozenset[str]
    male_words: frozenset[str]
    female_words: frozenset[str]
    lawyer_titles: frozenset[str]
    lawyer_suffixes: frozenset[str]
    lawyer_participles: frozenset[str]
    counsel_list_verbs: frozenset[str]
    court_bound_judge_titles: frozenset[str]
    presiding_verbs: frozenset[str]
    client_nouns: frozenset[str]
    counsel_nouns: frozenset[str]
    non_person_name_words: frozenset[str]
    victim_nouns: frozenset[str]
    victim_verbs: frozenset[str]
    byline_words: frozenset[str]
    official_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    roster_verbs: frozenset[str]
    ranks: frozenset[str]
    party_verbs: frozenset[str]
    relative_nouns: frozenset[str]
    relative_groups: frozenset[str]


@dataclass(frozen=True)
class Syntax:
    """`syntax.json`: closed classes of English (control and light verbs, connectives, ...)."""

    object_control: frozenset[str]
    from_control: frozenset[str]
    actor_light: frozenset[str]
    withhold_light: frozenset[str]
    grant_light: frozenset[str]          # "allowed the bail to the petitioner": gives what it grants
    raising_adjectives: frozenset[str]
    adjunct_prepositions: frozenset[str]
    circumstance_phrases: frozenset[str]
    court_decision_verbs: frozenset[str]
    definitional_verbs: frozenset[str]
    review_verbs: frozenset[str]
    with_control: frozenset[str]
    appeal_verbs: frozenset[str]
    anyone_pronouns: frozenset[str]
    penalty_carrying_verbs: frozenset[str]
    statutory_bounds: frozenset[str]     # "faces a maximum sentence": the law's bound, no sentence
    subject_light: frozenset[str]
    answering_verbs: frozenset[str]      # "denied the charges": the accused answers an accusation
    compliance_verbs: frozenset[str]     # "complied with the order": the one the order binds
    request_light: frozenset[str]
    us_names: frozenset[str]
    generic_determiners: frozenset[str]
    presupposed_object: frozenset[str]
    presupposing: frozenset[str]
    group_nouns: frozenset[str]
    representatives: frozenset[str]
    quantity_nouns: frozenset[str]
    verdict_verbs: frozenset[str]


@dataclass(frozen=True)
class Lexicon:
    """Everything the component reads from `models/events/`."""

    entries: tuple[TriggerEntry, ...]
    types: Mapping[str, EventType]
    cues: Cues
    nouns: Nouns
    syntax: Syntax
    people: People
    argument_confidence: Mapping[str, float]


def _word_classes(cls, path: Path, shared: Path | None = None):
    """The word classes `cls` names, from `path` and, for those it lacks, the `shared` file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if shared is not None:
        data = {**json.loads(shared.read_text(encoding="utf-8")), **data}
    names = {f.name for f in fields(cls)}
    missing = names - set(data)
    if missing:
        raise LexiconError(f"{path}: missing word classes {', '.join(sorted(missing))}")
    return cls(**{k: frozenset(v) for k, v in data.items() if k in names})


def _rule(etype: str, prep: str, spec: str | dict) -> PrepositionRule:
    if isinstance(spec, str):
        spec = {"role": spec}
    try:
        rule = PrepositionRule(**{k: frozenset(v) if k == "objects" else v for k, v in spec.items()})
    except TypeError as err:
        raise LexiconError(f"types.json {etype}: preposition {prep!r}: {err}") from None
    if rule.role not in ROLES:
        raise LexiconError(f"types.json {etype}: preposition {prep!r} gives unknown role {rule.role!r}")
    return rule


def _event_type(name: str, spec: dict) -> EventType:
    spec = dict(spec)
    preps = {p: _rule(name, p, s) for p, s in spec.pop("prepositions", {}).items()}
    spec["roles"] = tuple(spec.get("roles", ()))
    spec["subject_when_intransitive"] = frozenset(spec.get("subject_when_intransitive", ()))
    try:
        etype = EventType(name=name, prepositions=preps, **spec)
    except TypeError as err:
        raise LexiconError(f"types.json {name}: {err}") from None
    for prop, allowed in CHOICES.items():
        if getattr(etype, prop) not in allowed:
            raise LexiconError(f"types.json {name}: {prop} must be one of {sorted(map(str, allowed))}")
    unknown_roles = set(etype.roles) - set(ROLES)
    if unknown_roles:
        raise LexiconError(f"types.json {name}: unknown roles {', '.join(sorted(unknown_roles))}")
    return etype


def check_types(types: Mapping[str, EventType]) -> None:
    """The table's SPEC types must be exactly `records.EVENT_TYPES`; extensions must be marked and new."""
    listed = {name for name, t in types.items() if not t.extension}
    missing, unknown = set(EVENT_TYPES) - listed, listed - set(EVENT_TYPES)
    if missing or unknown:
        parts = [f"missing {', '.join(sorted(missing))}" if missing else "",
                 f"not in records.EVENT_TYPES: {', '.join(sorted(unknown))} (a new type says \"extension\": true)"
                 if unknown else ""]
        raise LexiconError("types.json does not match records.EVENT_TYPES: " + "; ".join(p for p in parts if p))
    for t in types.values():
        if t.appeals_court_petition_type is not None and t.appeals_court_petition_type not in types:
            raise LexiconError(f"types.json {t.name}: appeals_court_petition_type names unknown type "
                               f"{t.appeals_court_petition_type!r}")


def load_types(path: Path) -> dict[str, EventType]:
    data = json.loads(path.read_text(encoding="utf-8"))
    types = {name: _event_type(name, spec) for name, spec in data["types"].items()}
    check_types(types)
    return types


def _entry(line: dict, types: Mapping[str, EventType]) -> TriggerEntry:
    line = dict(line)
    for key in ("lemma", "pos"):
        if key in line:
            line[key] = tuple(line[key])
    if "also" in line:
        line["also"] = tuple(line["also"])
    if line.get("pattern") is not None:
        line["pattern"] = tuple(line["pattern"])
    try:
        entry = TriggerEntry(**line)
    except TypeError as err:
        raise LexiconError(f"triggers.jsonl {line.get('id')!r}: {err}") from None
    if entry.type not in types:
        raise LexiconError(f"triggers.jsonl {entry.id!r}: type {entry.type!r} is not in types.json")
    for extra in entry.also:
        if extra not in types:
            raise LexiconError(f"triggers.jsonl {entry.id!r}: also-type {extra!r} is not in types.json")
    if entry.actor is not None and entry.actor not in ROLES:
        raise LexiconError(f"triggers.jsonl {entry.id!r}: unknown actor role {entry.actor!r}")
    return entry


def load_lexicon(folder: Path) -> Lexicon:
    """Read and check `types.json`, `triggers.jsonl`, `cues.json`, `nouns.json`, `syntax.json`, `people.json`
    and `arguments.json` of `folder`; the modal auxiliaries come from the `tense/cues.json` beside it,
    which the dates stage reads too."""
    folder = Path(folder)
    types = load_types(folder / "types.json")
    entries = tuple(_entry(line, types) for line in srsly.read_jsonl(folder / "triggers.jsonl"))
    return Lexicon(entries, types, _word_classes(Cues, folder / "cues.json", folder.parent / "tense" / "cues.json"),
                   _word_classes(Nouns, folder / "nouns.json"), _word_classes(Syntax, folder / "syntax.json"),
                   people=_word_classes(People, folder / "people.json"),
                   argument_confidence=load_argument_confidence(folder / "arguments.json"))


def load_argument_confidence(path: Path) -> Mapping[str, float]:
    """How far an argument of each `source` is to be trusted (`arguments.json`): one figure in 0-1 per source."""
    from .found import ARGUMENT_SOURCES

    table = json.loads(path.read_text(encoding="utf-8"))["confidence"]
    unknown = set(table) - set(ARGUMENT_SOURCES)
    if unknown or not all(isinstance(v, (int, float)) and 0 <= v <= 1 for v in table.values()):
        raise LexiconError(f"{path}: confidence needs a figure in 0-1 for sources among {', '.join(ARGUMENT_SOURCES)}"
                           + (f"; unknown: {', '.join(sorted(unknown))}" if unknown else ""))
    return MappingProxyType({source: float(table.get(source, 0.5)) for source in ARGUMENT_SOURCES})
