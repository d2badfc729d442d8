"""Tense of the verb a date hangs on, which tells a relative date's direction: "returned on Wednesday"
is the last one, "will rule on Friday" the next, "postponed until Tuesday" either. The cue words
(future auxiliaries, planning, scheduling, reporting and deferring verbs) are `models/tense/cues.json`."""
from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import srsly
from spacy.tokens import Doc, Span, Token

__all__ = ["TenseCues", "governing_tense", "as_word_as"]


@dataclass(frozen=True)
class TenseCues:
    """The cue words of `models/tense/cues.json` as frozensets (one field per key).

    `future_aux` here is what puts a date ahead of publication: the future auxiliaries and the
    possible ones but "could", which only "could rule as soon as Monday" sends forward;
    `modal_aux` adds "could" back, for "Friday's hearing could decide".
    """

    future_aux: frozenset[str]
    modal_aux: frozenset[str]
    future_lemmas: frozenset[str]
    future_adjectives: frozenset[str]
    scheduling_lemmas: frozenset[str]
    setting_lemmas: frozenset[str]
    deferring_lemmas: frozenset[str]
    committing_lemmas: frozenset[str]
    reporting_lemmas: frozenset[str]
    scheduled_events: frozenset[str]

    @classmethod
    def load(cls, folder: Path) -> "TenseCues":
        """From `folder/cues.json` (the `tense` folder of models)."""
        path = Path(folder) / "cues.json"
        data = {k: frozenset(v) for k, v in srsly.read_json(path).items() if k != "_source"}
        names = {f.name for f in fields(cls)} - {"future_aux", "modal_aux"}
        missing = (names | {"future_aux", "possible_aux"}) - set(data)
        if missing:
            raise ValueError(f"{path}: missing keys {sorted(missing)}")
        ahead = data["future_aux"] | (data["possible_aux"] - {"could"})
        return cls(future_aux=ahead, modal_aux=ahead | {"could"}, **{name: data[name] for name in names})


def _past_perfect(verb: Token) -> bool:
    """ "had been scheduled to expire Friday", "had been due Friday": a plan told in the past perfect
    is one the story has overtaken (extended, called off), so its date may lie on either side."""
    return any(c.lower_ == "had" and c.dep_ in ("aux", "auxpass") for c in verb.children)


def _told_in_the_past(noun: Token) -> bool:
    """Whether the clause a noun belongs to has a past-tense verb ("the service ... was canceled")."""
    tok = noun
    for _ in range(6):
        if tok.head is tok:
            return False
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            return tok.tag_ == "VBD" or any(c.tag_ == "VBD" for c in tok.children if c.dep_ in ("aux", "auxpass"))
    return False


def _ahead_of(tok: Token) -> bool:
    """ "of" in "ahead of" / "in advance of": what follows is still to come."""
    return tok.lower_ == "of" and tok.head.lower_ in ("ahead", "advance")


def _being_scheduled(event: Token, cues: TenseCues) -> bool:
    """Whether an event noun is what a verb sets or asks for ("set a March 4 trial date", "asked for a
    January trial", "scheduled the June hearing"): the event is still to be held."""
    verb = event.head.head if event.dep_ == "pobj" and event.head.lower_ == "for" else event.head
    return event.dep_ in ("dobj", "pobj", "nsubjpass") and verb.lemma_ in cues.setting_lemmas


def as_word_as(doc: Doc, i: int, words: tuple[str, ...]) -> bool:
    """Whether "as <word> as" ("as early as", "as soon as") stands at token `i`."""
    return 0 <= i and i + 2 < len(doc) and doc[i].lower_ == "as" and doc[i + 2].lower_ == "as" \
        and doc[i + 1].lower_ in words


def _as_soon_as(span: Span) -> bool:
    """ "As soon as Monday", "as early as Friday": the earliest day something may still happen."""
    return as_word_as(span.doc, span.start - 3, ("soon", "early"))


def governing_tense(span: Span, cues: TenseCues) -> str | None:
    """"past" or "future" from the verb the span hangs on (its aux, its lemma, an infinitive's
    governor: "scheduled to be executed on Wednesday" is future), None when the parse says neither.
    "either" when the date may lie on either side of the publication date, so a weekday there is the
    nearest one: a deadline after until / by / through ("postponed until Tuesday"), a plan in the past
    perfect ("had been scheduled for Friday")."""
    tok: Token = span.root
    if tok.dep_ == "poss":
        # "Wednesday's ruling" dates the ruling, not the clause around it ("will appeal Monday's ruling");
        # but "ahead of Tuesday's vote" and "Friday's hearing will decide" speak of one still to come
        noun = tok.head
        verb = noun.head
        will = noun.dep_ == "nsubj" and noun.lemma_ in cues.scheduled_events and any(
            c.dep_ == "aux" and c.lower_ in cues.modal_aux for c in verb.children)
        return "future" if will or _ahead_of(verb) else None
    event = tok.head
    if tok.dep_ in ("compound", "nmod") and event.lemma_ in cues.scheduled_events and (
            _being_scheduled(event, cues) or governing_tense(tok.doc[event.i:event.i + 1], cues) == "future"):
        return "future"  # "set a March 4 trial date", "will decide in the November election": still to be held
    if tok.dep_ == "compound":
        return "past"  # "the October slaying", "a June agreement": a thing named by its date has mostly happened
    prep = tok.head.lower_ if tok.head.dep_ == "prep" or tok.head.pos_ == "ADP" else ""
    if prep == "since":
        return "past"
    if prep in ("until", "till", "through", "by"):
        verb = tok.head.head
        if prep in ("until", "till") and verb.lemma_ in cues.deferring_lemmas and not _past_perfect(verb):
            return "future"  # "postponed until Tuesday", "extended the deadline until Friday"
        if any(c.lower_ in cues.future_aux and c.dep_ == "aux" for c in verb.children):
            return "future"  # "must be filed by Tuesday", "will stay until Friday"
        if verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children):
            return "future"  # "the defense has until Monday", "unless Congress acts by Monday"
        return "either"
    through_infinitive, infinitive = False, None
    for _ in range(8):
        head = tok.head
        if head is tok:
            break
        if _ahead_of(head):
            return "future"  # "ahead of the vote on Tuesday", "in advance of the March 5 hearing"
        tok = head
        if tok.dep_ == "prep" or tok.pos_ == "ADP":
            prep = prep or tok.lower_
        if not (tok.tag_.startswith("VB") or tok.tag_ == "MD" or tok.pos_ in ("VERB", "AUX")):
            if tok.lemma_ in cues.future_lemmas or tok.lower_ in cues.future_adjectives:
                return "either" if _past_perfect(tok.head) else "future"
            continue
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
        # "will" may hang on the "be" of a passive ("will be closed Friday")
        aux_words = {c.lower_ for c in auxes} | {g.lower_ for c in auxes for g in c.children if g.dep_ == "aux"}
        if aux_words & cues.future_aux and "have" not in aux_words:
            return "future"
        if "could" in aux_words and _as_soon_as(span):
            return "future"  # "could rule as soon as Monday"; "could not be located Wednesday" is past
        # "vowed Saturday to act" dates the vow; "scheduled to rule Friday", "set for Friday" date what is planned
        planned = through_infinitive or prep in ("for", "to", "until") or tok.tag_ == "VBN"
        scheduling = tok.lemma_ in cues.scheduling_lemmas and prep not in ("on", "in")
        if planned and (tok.lemma_ in cues.future_lemmas or tok.lower_ in cues.future_lemmas or scheduling):
            if _past_perfect(tok) or (tok.dep_ == "acl" and _told_in_the_past(tok.head)):
                return "either"  # "a service planned for Saturday was canceled": overtaken, either side
            return "future"
        if tok.lemma_ == "go" and any(c.dep_ == "xcomp" for c in tok.children) and tok.tag_ == "VBG":
            return "future"
        if infinitive is not None and infinitive.dep_ == "xcomp" and infinitive.head.i == tok.i \
                and tok.lemma_ == "be" and tok.tag_ in ("VBZ", "VBP") and not auxes:
            return "future"  # "is to resume trading Tuesday": the be-to future
        if "to" in aux_words and tok.tag_ == "VB":
            through_infinitive, infinitive = True, tok
            continue
        if tok.tag_ in ("VBD",) or any(c.tag_ == "VBD" or c.lower_ in ("has", "have", "had") for c in auxes):
            return "either" if through_infinitive and tok.lemma_ in cues.committing_lemmas else "past"
        if tok.tag_ == "VBN" and not auxes:
            return "past"
        if tok.tag_ in ("VBZ", "VBP") and not auxes and tok.lemma_ in cues.reporting_lemmas \
                and any(c.dep_ == "ccomp" for c in tok.children):
            return "past"  # "the Pentagon says Monday it found no evidence": a statement already made
        if tok.tag_ in ("VBZ", "VBP") and not auxes and tok.lemma_ != "be":
            return "future"
        if through_infinitive and (tok.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes)):
            return "future"  # "are likely to rule Thursday", "is preparing to file Friday": still to be done
        if tok.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in auxes):
            hangs_on = span.root.head.i == tok.i or (span.root.head.dep_ == "prep" and span.root.head.head.i == tok.i)
            if tok.tag_ == "VBN" and hangs_on and [c.dep_ for c in auxes] == ["auxpass"]:
                return "future"  # "schools are closed Monday": a state the day is set for
            if tok.lemma_ == "be" and not auxes and hangs_on and span.root.dep_ != "nsubj" and span.root.pos_ == "PROPN":
                return "future"  # "the vote is Tuesday", "the hearing is on March 5": a date a thing is set for
            return "present"
    return None
