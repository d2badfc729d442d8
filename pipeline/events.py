"""Court-actions stage: who did what to whom, when and where (SPEC section 3).

The component follows the steps of the task, each a method of `EventExtractor`:
1. `match`: trigger candidates from the lexicon `models/events/triggers.jsonl` (lemmas with a
   part of speech, or token patterns for multi-word triggers), each filtered by a named guard
   that reads the parse to tell senses apart ("held in custody" / "held a hearing" / "held that",
   "returned to Guatemala" / "returned to the United States", a court's order / an executive one);
2. `arguments`: roles from the dependency parse (voice, control, relative clauses, coordination,
   prepositions, possessives of nominal triggers, light verbs like "issued an injunction"), with
   pronouns and descriptions resolved to named people by `coref.Resolver`;
3. `attributes`: `negated` and `modality` from cue words (`models/events/cues.json`) on the path
   from the trigger up to the sentence root.
Results go to `doc._.events` as plain dicts that `collect` turns into Event records.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

import numpy as np
import srsly
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .coref import PRONOUNS, Resolver
from .extensions import doc_text, register_extensions
from .matching import required_words

register_extensions()

__all__ = ["EventExtractor", "Lexicon", "load_lexicon"]

COURT_TYPES = {"RULING", "ORDER", "BLOCK", "DISMISS", "SENTENCE", "CONVICT", "ACQUIT", "FINE", "TRIAL_HEARING"}
POSS_IS_ACTOR = {"RULING", "ORDER", "BLOCK", "DISMISS", "APPEAL", "SUE", "PARDON"}
PERSON_CENTRED = {"CHARGE_INDICT", "CONVICT", "SENTENCE", "TRIAL_HEARING", "EXTRADITE", "EXECUTE", "DEPORT",
                  "ARREST_DETAIN", "RELEASE", "ACQUIT"}
PLACE_TYPES = {"ARREST_DETAIN", "RELEASE", "TRIAL_HEARING", "EXECUTE", "ASYLUM_REQUEST"}
MOVE_TYPES = {"DEPORT", "RETURN", "EXTRADITE"}
CRIME_TYPES = {"CONVICT", "ACQUIT", "CHARGE_INDICT"}
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
INTRANSITIVE = {"testify", "appeal", "plead", "flee", "return", "die", "arrive", "escape"}
DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Z][A-Za-z.\- ]{1,30})?\s*(?:—|–|--|-)\s")
DATELINE_DASH = re.compile(r"\s*(?:—|–|--|-)\s")
DURATION_TEXT = re.compile(r"^(?:for |within |up to )?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"eleven|twelve|several|many|few|\w+)[\s-](?:years?|months?|weeks?|days?|hours?)$", re.I)


@dataclass(frozen=True)
class Lexicon:
    """Trigger entries, cue words and noun classes: everything the component reads from models/events/."""

    entries: tuple[dict, ...]
    cues: dict
    nouns: dict
    syntax: dict

    def noun_set(self, name: str) -> set[str]:
        return set(self.nouns.get(name, []))

    def cue_set(self, name: str) -> set[str]:
        return set(self.cues.get(name, []))


def load_lexicon(folder: Path, triggers: str = "triggers.jsonl") -> Lexicon:
    """Read `triggers.jsonl` ({"id", "type", "lemma"+"pos" | "pattern", "guard", "actor", "modality",
    "confidence"}), `cues.json`, `nouns.json` and `syntax.json` from `folder`."""
    entries = tuple(srsly.read_jsonl(folder / triggers))
    cues = json.loads((folder / "cues.json").read_text(encoding="utf-8"))
    nouns = json.loads((folder / "nouns.json").read_text(encoding="utf-8"))
    syntax = json.loads((folder / "syntax.json").read_text(encoding="utf-8"))
    return Lexicon(entries, cues, nouns, syntax)


def inflections(lemma: str) -> set[str]:
    """Regular forms of a trigger lemma, for the words the model's lemmatizer leaves alone
    ("petitioned" stays "petitioned", "fined" becomes "fin"); irregular forms come through the lemma."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    return forms


def is_passive(tok: Token) -> bool:
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
        return True
    if tok.dep_ == "conj" and tok.tag_ in ("VBD", "VBN") and tok.lemma_ not in INTRANSITIVE \
            and not any(c.dep_ in ("nsubj", "aux") for c in tok.children) \
            and tok.head.i != tok.i and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.head.children):
        return True
    return tok.tag_ == "VBN" and tok.dep_ in ("acl", "relcl", "xcomp", "ccomp", "oprd", "advcl", "conj") \
        and not any(c.dep_ in ("aux", "nsubj") for c in tok.children)


def noun_phrase(tok: Token) -> Span:
    """The phrase a token heads, without relative clauses, appositions and trailing punctuation."""
    cut = {"relcl", "acl", "appos", "punct", "advcl", "parataxis", "cc", "conj"}
    idx = {tok.i}
    stack = [c for c in tok.children if c.dep_ not in cut]
    while stack:
        t = stack.pop()
        idx.add(t.i)
        stack.extend(t.children)
    lo, hi = min(idx), max(idx)
    doc = tok.doc
    while lo < hi and (doc[hi].is_punct or doc[hi].dep_ == "case"):
        hi -= 1
    while lo < hi and doc[lo].is_punct:
        lo += 1
    return doc[lo:hi + 1]


ANCHOR_COLUMNS = {"LEMMA": LEMMA, "LOWER": LOWER, "ORTH": ORTH}


def pattern_anchor(pattern: list[dict]) -> tuple[int, frozenset[str]] | None:
    """The word set every match of `pattern` must hit, as (attribute id, words): of its required
    words, the set whose shortest word is longest (a rough stand-in for the rarest); None if none."""
    anchors = required_words(pattern)
    if not anchors:
        return None
    attr, words = max(anchors, key=lambda a: min(map(len, a[1]), default=0))
    return ANCHOR_COLUMNS[attr], words


def conjuncts(tok: Token) -> list[Token]:
    return [tok, *[c for c in tok.conjuncts if c.i > tok.i]]


class EventExtractor:
    """The `legalnews_events` component: trigger lexicon + guards, parse-based arguments, cues.

    `__call__` keeps the Doc's resolver, entity index and dateline end on the instance while it runs,
    so one instance handles one Doc at a time (as `nlp.pipe` calls it, also with n_process > 1).
    """

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon):
        self.name = name
        self.lexicon = lexicon
        self.entries = {e["id"]: e for e in lexicon.entries}
        self.matcher = Matcher(nlp.vocab)
        self.by_lemma: dict[int, list[tuple[int, frozenset[int]]]] = defaultdict(list)  # hashes, POS ids
        self.by_form: dict[int, list[tuple[int, frozenset[int]]]] = defaultdict(list)
        self.anchors: dict[int, set[int]] = defaultdict(set)  # attribute id -> hashes a pattern needs
        self.anchorless = False
        for entry in lexicon.entries:
            if entry.get("pattern"):
                self.matcher.add(entry["id"], [entry["pattern"]])
                anchor = pattern_anchor(entry["pattern"])
                if anchor is None:
                    self.anchorless = True
                else:
                    self.anchors[anchor[0]].update(nlp.vocab.strings.add(v) for v in anchor[1])
            else:
                key = nlp.vocab.strings.add(entry["id"])
                pos = frozenset(POS_IDS[p] for p in entry.get("pos", ["VERB"]))
                for lemma in entry["lemma"]:
                    self.by_lemma[nlp.vocab.strings.add(lemma)].append((key, pos))
                for form in {f for lemma in entry["lemma"] for f in inflections(lemma)}:
                    self.by_form[nlp.vocab.strings.add(form)].append((key, pos))
            if entry.get("guard") and not hasattr(self, f"guard_{entry['guard']}"):
                raise ValueError(f"events lexicon entry {entry['id']!r}: unknown guard {entry['guard']!r}")
        self.person_nouns = lexicon.noun_set("person")
        self.court_nouns = lexicon.noun_set("court")
        self.executive = lexicon.noun_set("executive")
        self.cue = {k: lexicon.cue_set(k) for k in lexicon.cues if not k.startswith("_")}
        self.words = {k: set(v) for k, v in lexicon.syntax.items() if not k.startswith("_")}

    # ---- 1. triggers -------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        self.coref = Resolver(doc, self.person_nouns)
        self.built: list[dict] = []
        self.doc_ents = doc.ents  # Doc.ents (and Span.ents) build every Span anew on each access: read once
        self.ents = {t.i: e for e in self.doc_ents for t in e}
        self.text = doc_text(doc)
        self.dateline_span, self.dateline_end = self.find_dateline(doc)
        events = []
        for entry, span, head in self.match(doc):
            event = self.build(doc, entry, span, head)
            if event is not None:
                events.append(event)
        self.retype_verdicts(doc, events)
        self.built = []
        doc._.events = events
        return doc

    def match(self, doc: Doc) -> list[tuple[dict, Span, Token]]:
        """Guarded candidates, one per token: the longest pattern wins, then the most confident entry."""
        found = []
        for match_id, start, end in sorted(set(self.pattern_matches(doc)) | self.word_matches(doc)):
            entry = self.entries[doc.vocab.strings[match_id]]
            span = doc[start:end]
            head = self.trigger_head(entry, span)
            if not self.admissible(head, span):
                continue
            guard = entry.get("guard")
            if guard and not getattr(self, f"guard_{guard}")(head, span):
                continue
            found.append((entry, span, head))
        found.sort(key=lambda f: (-(len(f[1])), -f[0].get("confidence", 0.5), f[1].start))
        taken: set[int] = set()
        chosen = []
        for entry, span, head in found:
            if taken.intersection(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            chosen.append((entry, span, head))
        chosen.sort(key=lambda f: f[1].start)
        return chosen

    def pattern_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The multi-word patterns' matches, found by running the Matcher only on the sentences that
        hold some pattern's anchor token: most sentences hold none, and a trigger never spans two."""
        if not self.anchors and not self.anchorless:
            return []  # a lexicon without multi-word patterns
        if self.anchorless or not len(doc):
            return self.matcher(doc)
        columns = list(self.anchors)
        rows = doc.to_array(columns)
        hit = np.zeros(len(doc), dtype=bool)
        for col, attr in enumerate(columns):
            hit |= np.isin(rows[:, col], np.fromiter(self.anchors[attr], dtype=np.uint64))
        found, done = [], set()
        for i in np.flatnonzero(hit).tolist():
            sent = doc[i].sent
            if sent.start not in done:
                done.add(sent.start)
                found += [(key, sent.start + start, sent.start + end) for key, start, end in self.matcher(sent)]
        return found

    def word_matches(self, doc: Doc) -> set[tuple[int, int, int]]:
        """One-word entries by dictionary lookup of each token's lemma and lower form (as hashes),
        POS checked after: the same matches as one-token Matcher patterns, without trying every
        pattern on every token (the Matcher keeps the multi-word `pattern` entries)."""
        found = set()
        by_lemma, by_form = self.by_lemma.get, self.by_form.get
        for i, (lemma, lower, pos) in enumerate(doc.to_array([LEMMA, LOWER, POS]).tolist() if len(doc) else ()):
            for key, tags in chain(by_lemma(lemma, ()), by_form(lower, ())):
                if pos in tags:
                    found.add((key, i, i + 1))
        return found

    @staticmethod
    def trigger_head(entry: dict, span: Span) -> Token:
        if len(span) == 1:
            return span[0]
        verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
        if entry["type"] in ("BLOCK",) or not verbs:
            return span.root
        return verbs[0]

    def admissible(self, head: Token, span: Span) -> bool:
        """No trigger inside a name ("Court of Appeals"), nor a participle used as an adjective ("a deported migrant")."""
        ent = self.ents.get(head.i)
        if ent is not None and ent.label_ != "DATE" and len(span) == 1:
            return False
        if head.pos_ == "PROPN" and not head.is_sent_start and head.text[:1].isupper() and len(span) == 1 \
                and not self.headline(head.sent):
            return False
        if head.dep_ in ("amod", "compound") and head.pos_ in ("VERB", "ADJ") and head.lemma_ not in ("free",) and len(span) == 1:
            return False
        if self.habitual(head):
            return False
        return True

    @staticmethod
    def headline(sent: Span) -> bool:
        """A title-cased line ("Court Convicts Friend of Bombing Suspect"), where verbs are tagged as names."""
        words = [t for t in sent if t.is_alpha and len(t) > 3]
        return len(words) >= 3 and sum(t.is_title for t in words) >= 0.8 * len(words)

    def habitual(self, head: Token) -> bool:
        """"Turkey does not extradite its own citizens": a simple present with a generic object is a habit."""
        present = head.tag_ in ("VBZ", "VBP") or (head.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ in ("does", "do") for c in head.children))
        if not present or head.pos_ != "VERB":
            return False
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)
        if obj is None:
            return False
        own = any(c.lower_ == "own" for c in obj.children)
        return own or (obj.tag_ == "NNS" and not any(c.dep_ in ("det", "poss", "nummod") for c in obj.children))

    # guards: each reads the parse around one trigger head and says whether the sense fits
    def generic(self, tok: Token) -> bool:
        """A bare plural ("deportations", "court orders") names a kind of action, not one action."""
        if tok.tag_ not in ("NNS", "NNPS"):
            return False
        if any(c.dep_ in ("det", "amod") and c.lower_ in self.words["generic_determiners"] for c in tok.children):
            return True
        if tok.lemma_ in ("charge", "acquittal", "count"):
            return False
        if tok.dep_ == "dobj" and tok.head.lemma_ in ("face", "serve", "receive", "impose", "get", "hand"):
            return False
        return not any(c.dep_ in ("det", "poss", "nummod") or (c.dep_ == "prep" and c.lower_ == "of")
                       for c in tok.children)

    def guard_not_modifier(self, tok: Token, span: Span) -> bool:
        if tok.lemma_ in ("custody", "detention") and tok.dep_ == "pobj" and tok.head.lower_ == "from":
            return False
        if tok.lemma_ in ("custody", "detention") and tok.dep_ == "pobj" and tok.head.head.pos_ in ("NOUN", "PROPN"):
            return False
        if tok.dep_ in ("compound", "amod", "nmod") and tok.head.lemma_ not in ("order",):
            return False
        return not self.generic(tok)

    def guard_not_treaty(self, tok: Token, span: Span) -> bool:
        return not (tok.dep_ == "compound" and tok.head.lemma_ in ("treaty", "agreement", "law", "process"))

    def person_like(self, tok: Token | None) -> bool:
        if tok is None:
            return False
        if tok.lower_ in ("who", "whom", "that") and tok.dep_ in SUBJECT_DEPS + ("dobj",):
            head = tok.head
            while head.dep_ in ("relcl", "conj") and head.head.i != head.i:
                head = head.head
                if head.pos_ in ("NOUN", "PROPN", "PRON"):
                    break
            return self.person_like(head) if head.i != tok.i else False
        if tok.like_num or tok.lemma_.lower() in self.words["quantity_nouns"]:
            of = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            if of:
                return self.person_like(of[0])
        ent = self.ents.get(tok.i)
        if ent is not None:
            return ent.label_ in ("PERSON", "ORGANIZATION", "ORG", "NORP")
        return tok.lower_ in PRONOUNS | {"they", "them", "i", "me", "we", "us", "you", "himself", "herself"} \
            or tok.lemma_.lower() in self.person_nouns or tok.pos_ == "PROPN"

    def patient(self, tok: Token) -> Token | None:
        """Who undergoes the action: the object, the passive subject, or the noun a participle modifies."""
        for c in tok.children:
            if c.dep_ in ("dobj", "nsubjpass"):
                return c
        if tok.dep_ in ("acl", "relcl") and is_passive(tok):
            return tok.head
        if tok.dep_ == "conj" and is_passive(tok):
            return self.patient(tok.head)
        if tok.dep_ in ("xcomp", "ccomp", "oprd") and is_passive(tok):
            for c in tok.head.children:
                if c.dep_ in ("dobj", "nsubjpass"):
                    return c
        return None

    def guard_person_object(self, tok: Token, span: Span) -> bool:
        if tok.pos_ == "ADJ":
            return tok.lemma_ == "free" and tok.head.lemma_ in ("remain", "go", "walk", "set", "be") \
                and tok.dep_ in ("acomp", "oprd", "advmod", "xcomp")
        obj = self.patient(tok)
        if obj is None:
            return False
        if obj.lemma_.lower() in self.lexicon.noun_set("release_objects"):
            return False
        return self.person_like(obj)

    def guard_release_noun(self, tok: Token, span: Span) -> bool:
        if tok.dep_ == "compound" or any(c.dep_ == "compound" and c.lower_ in ("press", "news") for c in tok.children):
            return False
        for c in tok.children:
            if c.dep_ == "poss" and self.person_like(c):
                return True
            if c.dep_ == "prep" and c.lower_ in ("of", "from", "on"):
                objs = [g for g in c.children if g.dep_ == "pobj"]
                if c.lower_ != "of" or any(self.person_like(o) for o in objs):
                    return True
        return False

    def guard_held_custody(self, tok: Token, span: Span) -> bool:
        hearing = self.lexicon.noun_set("hearing_objects")
        if any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in hearing for c in tok.children):
            return False
        if any(c.dep_ == "ccomp" for c in tok.children):
            return False
        preps = [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        if any(p.lemma_ in ("contempt", "account", "responsible", "liable") for p in preps):
            return False
        if any(c.dep_ in ("acomp", "oprd") for c in tok.children):
            return False
        custody = self.lexicon.noun_set("custody_words")
        near_custody = any(p.lemma_.lower() in custody or self.ents.get(p.i) is not None for p in preps)
        obj = self.patient(tok)
        if is_passive(tok):
            return obj is None or self.person_like(obj) or near_custody
        return obj is not None and self.person_like(obj) and near_custody

    def guard_held_that(self, tok: Token, span: Span) -> bool:
        return any(c.dep_ == "ccomp" and any(g.lower_ == "that" for g in c.children) for c in tok.children) \
            and self.court_like(self.actor_token(tok))

    def guard_tried_for(self, tok: Token, span: Span) -> bool:
        return is_passive(tok) and not any(c.dep_ == "xcomp" for c in tok.children) \
            and any(c.dep_ == "prep" and c.lower_ in ("for", "as", "in") for c in tok.children)

    def guard_hear_case(self, tok: Token, span: Span) -> bool:
        return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_ in ("case", "appeal", "argument", "challenge", "petition")
                   for c in tok.children)

    def guard_charge_verb(self, tok: Token, span: Span) -> bool:
        if tok.lemma_ == "charge":
            obj = self.patient(tok)
            if obj is not None and (obj.like_num or obj.lower_ in ("$", "fee", "fees", "price", "interest")):
                return False
            if any(t.text == "$" or t.lower_ in ("fee", "fees", "rent", "interest") for c in tok.children
                   if c.dep_ in ("dobj", "npadvmod", "advmod", "dative") for t in c.subtree):
                return False
            return obj is None or self.person_like(obj) or any(c.lower_ == "with" for c in tok.children)
        if tok.lemma_ == "accuse":
            return is_passive(tok) and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)
        return True

    def guard_charge_noun(self, tok: Token, span: Span) -> bool:
        """Not "in charge", and not a charge that only says what a trial, a term or a detention is for."""
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and not any(c.dep_ == "det" for c in tok.children):
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for"):
            gov = tok.head.head
            if gov.pos_ in ("NOUN", "PROPN", "ADJ", "AUX") or gov.lemma_ in ("await", "face", "serve", "be", "hold", "jail", "imprison"):
                return False
        if tok.i > 0 and tok.doc[tok.i - 1].lower_ == "pending" and tok.is_sent_start is False and tok.doc[tok.i - 1].is_sent_start:
            return False
        if tok.dep_ == "compound":
            return False
        return True

    def guard_petition_court(self, tok: Token, span: Span) -> bool:
        """"petitioned the court", "petitioned for release": a filing, not "petitioned the mayor to resign"."""
        for c in tok.children:
            if c.dep_ == "dobj" and (self.court_like(c) or c.lemma_ in ("court", "judge")):
                return True
            if c.dep_ in ("prep", "dative") and c.lower_ in ("for", "to", "in"):
                return True
        return False

    def guard_pardon_verb(self, tok: Token, span: Span) -> bool:
        if tok.lemma_ == "spare":
            text = tok.sent.text.lower()
            return self.person_like(self.patient(tok)) and any(w in text for w in ("death", "execut", "clemency", "board"))
        return True

    def guard_ruling_noun(self, tok: Token, span: Span) -> bool:
        if not self.guard_not_modifier(tok, span):
            return False
        if any(c.dep_ in ("acl", "relcl") and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
               for c in tok.children):
            return False
        for c in tok.children:
            if c.dep_ in ("poss", "compound"):
                ent = self.ents.get(c.i)
                if (ent is not None and ent.label_ == "AGENCY") or c.lemma_.lower() in self.executive:
                    return False
        return True

    def guard_court_actor(self, tok: Token, span: Span) -> bool:
        lemma = tok.lemma_
        if lemma == "find" and (not any(c.dep_ == "ccomp" for c in tok.children)
                                or any(t.lower_ == "guilty" for t in tok.doc[tok.i:min(tok.i + 12, tok.sent.end)])):
            return False
        actor = self.actor_token(tok)
        if actor is not None and actor.lemma_.lower() in ("jury", "juror", "jurors"):
            return False
        if lemma == "grant":
            if any(c.dep_ == "dobj" and c.lemma_ in ("stay", "injunction", "clemency", "pardon", "parole", "release",
                                                     "bail", "hearing", "extension", "order", "reprieve")
                   for c in tok.children):
                return False
        if lemma in ("side", "strike") and not any(c.dep_ in ("prep", "prt") for c in tok.children):
            return False
        return self.court_like(self.actor_token(tok))

    def guard_court_order(self, tok: Token, span: Span) -> bool:
        actor = self.actor_token(tok)
        if actor is None:
            return tok.lemma_ in ("order", "direct") and (is_passive(tok) or tok.dep_ in ("advcl", "conj"))
        if self.court_like(actor):
            return True
        if tok.lemma_ not in ("order", "direct"):
            return False
        if actor.lower_ in PRONOUNS or (self.ents.get(actor.i) is not None and self.ents[actor.i].label_ == "PERSON"):
            return False
        return not self.executive_like(actor)

    def guard_order_noun(self, tok: Token, span: Span) -> bool:
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            return False
        if tok.head.lower_ in ("law",) or self.generic(tok):
            return False
        for c in tok.children:
            if c.dep_ in ("amod", "compound") and c.lower_ in ("executive", "gag", "purchase", "restraining", "protective"):
                return False
            if c.dep_ in ("poss", "compound") and self.executive_like(c):
                return False
        return True

    def guard_block_verb(self, tok: Token, span: Span) -> bool:
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if tok.lemma_ in ("stay", "suspend"):
            if obj is None or self.person_like(obj):
                return False
        actor = self.actor_token(tok)
        if actor is None:
            return tok.lemma_ != "suspend"
        return self.court_like(actor)

    def guard_dismiss_claim(self, tok: Token, span: Span) -> bool:
        obj = self.patient(tok)
        if obj is not None and obj.lemma_.lower() in self.lexicon.noun_set("legal_objects"):
            return True
        return self.court_like(self.actor_token(tok)) and not self.person_like(obj)

    def destination(self, tok: Token) -> Token | None:
        for c in tok.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into"):
                return next((g for g in c.children if g.dep_ == "pobj"), None)
            if c.dep_ in ("advmod", "prt") and c.lower_ == "back":
                for g in c.children:
                    if g.dep_ == "prep" and g.lower_ == "to":
                        return next((x for x in g.children if x.dep_ == "pobj"), None)
        return None

    def is_us(self, tok: Token) -> bool:
        ent = self.ents.get(tok.i)
        text = (ent.text if ent is not None else tok.text).lower().strip()
        code = ent._.country_code if ent is not None else None
        return code == "US" and text.replace("the ", "") in self.words["us_names"] | {"united states"} or text in self.words["us_names"]

    def foreign(self, tok: Token | None) -> bool:
        if tok is None:
            return False
        ent = self.ents.get(tok.i)
        if ent is not None and ent.label_ in ("PLACE", "GPE", "LOC"):
            return not self.is_us(tok)
        return tok.lemma_ in ("country", "nation", "homeland")

    def has_back(self, tok: Token) -> bool:
        return any(c.dep_ in ("advmod", "prt") and c.lower_ == "back" for c in tok.children)

    def mover(self, tok: Token) -> Token | None:
        obj = self.patient(tok)
        if obj is None and tok.lemma_ == "return":
            obj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if obj is None and tok.dep_ in ("relcl", "acl"):
                obj = tok.head
            if obj is None and tok.dep_ == "conj":
                obj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        return obj

    def guard_deport_verb(self, tok: Token, span: Span) -> bool:
        if tok.lemma_ in ("deport", "expel"):
            return True
        dest = self.destination(tok)
        obj = self.patient(tok)
        if obj is not None and obj.lemma_.lower() in self.lexicon.noun_set("release_objects") | {"reason", "barrier", "limit", "obstacle", "content", "post", "provision", "language", "requirement", "restriction", "judge", "member", "official"}:
            return False
        return self.person_like(obj) or self.foreign(dest) or \
            any(c.dep_ == "prep" and c.lower_ == "from" and self.is_us(next((g for g in c.children if g.dep_ == "pobj"), c)) for c in tok.children)

    def guard_deport_noun(self, tok: Token, span: Span) -> bool:
        if tok.dep_ == "compound" and tok.head.lemma_ not in ("order", "proceeding", "flight", "case"):
            return False
        if self.generic(tok):
            return False
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of" and not any(self.person_like(g) for g in c.children if g.dep_ == "pobj"):
                return False
        return True

    def guard_sent_abroad(self, tok: Token, span: Span) -> bool:
        obj = self.mover(tok)
        if not self.person_like(obj):
            return False
        if tok.head.lemma_ == "fear" or (tok.dep_ == "pcomp" and tok.head.head.lemma_ == "fear"):
            return False
        dest = self.destination(tok)
        if tok.lemma_ in ("send",):
            if dest is not None and dest.lemma_ in ("prison", "jail", "court", "hospital", "school", "letter"):
                return False
            return self.foreign(dest) or self.has_back(tok)
        return self.foreign(dest)

    def guard_brought_back(self, tok: Token, span: Span) -> bool:
        obj = self.mover(tok)
        dest = self.destination(tok)
        if tok.lemma_ in ("bring", "fly"):
            return self.has_back(tok) and self.person_like(obj) and (dest is None or not self.foreign(dest))
        if not self.person_like(obj) or self.foreign(dest):
            return False
        if tok.head.lemma_ == "fear" or (tok.dep_ == "pcomp" and tok.head.head.lemma_ == "fear"):
            return False
        if dest is None:
            return self.has_back(tok) or any(c.dep_ == "dobj" for c in tok.children) and (
                tok.dep_ in ("xcomp", "ccomp", "pcomp") or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children))
        return True

    def guard_return_noun(self, tok: Token, span: Span) -> bool:
        for c in tok.children:
            if c.dep_ == "poss" and self.person_like(c):
                return True
            if c.dep_ == "prep" and c.lower_ == "of" and any(self.person_like(g) for g in c.children if g.dep_ == "pobj"):
                return True
        return False

    def guard_surrender_person(self, tok: Token, span: Span) -> bool:
        obj = self.patient(tok)
        if tok.lemma_ == "hand" and not any(c.lower_ == "over" for c in tok.children):
            return False
        return self.person_like(obj) and obj.lower_ not in ("himself", "herself", "themselves")

    def guard_asylum_verb(self, tok: Token, span: Span) -> bool:
        words = {"asylum", "protection", "refuge", "refugee"}
        for c in tok.children:
            if c.dep_ == "dobj" and c.lemma_.lower() in words:
                return True
            if c.dep_ == "prep" and c.lower_ == "for" and any(g.lemma_.lower() in words for g in c.children):
                return True
        return False

    def guard_asylum_noun(self, tok: Token, span: Span) -> bool:
        if self.generic(tok):
            return False
        for c in tok.children:
            if c.dep_ in ("compound", "amod") and c.lower_ == "asylum":
                return True
            if c.dep_ == "prep" and c.lower_ == "for" and any(g.lower_ in ("asylum", "protection", "refuge") for g in c.children):
                return True
        return False

    def guard_executed_person(self, tok: Token, span: Span) -> bool:
        obj = self.patient(tok)
        return obj is not None and obj.lemma_.lower() not in self.lexicon.noun_set("executed_objects") \
            and (self.person_like(obj) or obj.tag_ in ("NNS", "NNPS"))

    def guard_in_jail(self, tok: Token, span: Span) -> bool:
        """"are in jail", "remains in prison": a person held now; not "years in prison" (a term)."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "in" or any(c.dep_ in ("det", "poss") for c in tok.children):
            return False
        verb = tok.head.head
        return verb.lemma_ in ("be", "remain", "sit", "languish", "stay", "die") and \
            self.person_like(next((c for c in verb.children if c.dep_ in ("nsubj",)), None))

    def guard_guilty_state(self, tok: Token, span: Span) -> bool:
        """"was guilty of", "found him guilty": a finding of guilt; not a plea, not "not guilty"."""
        doc = span.doc
        before = [t.lower_ for t in doc[max(0, span.start - 4):span.start]]
        if any(w in ("not", "never", "n't") or w.startswith("plead") or w.startswith("plea") for w in before):
            return False
        return tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "amod") or any(c.lower_ == "of" for c in tok.children)

    def guard_verdict(self, tok: Token, span: Span) -> bool:
        return not self.generic(tok) and tok.dep_ != "compound"

    def guard_not_plea(self, tok: Token, span: Span) -> bool:
        doc = span.doc
        before = doc[max(0, span.start - 3):span.start]
        return not any(t.lower_.startswith("plead") or t.lower_ in ("plea", "pleas", "pled") for t in before) and \
            not (span.end < len(doc) and doc[span.end].lemma_ in ("plea",))

    def guard_probation(self, tok: Token, span: Span) -> bool:
        return tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.lemma_ in ("place", "put", "sentence")

    # ---- participants --------------------------------------------------------------------
    def court_like(self, tok: Token | None) -> bool:
        if tok is None:
            return False
        if tok.lower_ in ("who", "which", "that") and tok.dep_ in SUBJECT_DEPS:
            return self.court_like(tok.head.head) if tok.head.dep_ == "relcl" else False
        ent = self.ents.get(tok.i)
        if ent is not None:
            if ent.label_ == "COURT":
                return True
            if ent.label_ == "PERSON":
                person = self.coref.person(ent)
                return bool(person and person.judge)
            return any(t.lower_ in ("court", "board", "appeals", "tribunal") for t in ent)
        if tok.lower_ in PRONOUNS:
            res = self.coref.resolve(tok, "any")
            return res is not None and res[1].judge
        return tok.lemma_.lower() in self.court_nouns

    def executive_like(self, tok: Token) -> bool:
        ent = self.ents.get(tok.i)
        if ent is not None and ent.label_ in ("AGENCY", "ORGANIZATION", "ORG"):
            return True
        if ent is not None:
            return any(t.lower_ in self.executive for t in ent)
        return tok.lemma_.lower() in self.executive

    def controller(self, tok: Token, passive: bool) -> Token | None:
        """Who the unexpressed subject of an infinitive, gerund or participle is."""
        head = tok.head
        if tok.dep_ == "pcomp" and head.lower_ == "from" and head.head.lemma_ in self.words["from_control"]:
            return next((c for c in head.head.children if c.dep_ in ("dobj",)), None)
        if tok.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ in ("VERB", "AUX"):
            return self.actor_token(head.head)
        if tok.dep_ == "pcomp" and head.pos_ == "ADP" and head.head.pos_ == "NOUN":
            return next((c for c in head.head.children if c.dep_ == "poss"), None)
        if tok.dep_ in ("xcomp", "ccomp", "oprd"):
            obj = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if obj is not None and (head.lemma_ in self.words["object_control"] or passive):
                return obj
            return self.actor_token(head) if not is_passive(head) else self.patient(head)
        if tok.dep_ == "conj" and is_passive(head) and not is_passive(tok):
            return next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if tok.dep_ in ("advcl", "conj"):
            return self.actor_token(head)
        return None

    def actor_token(self, tok: Token) -> Token | None:
        """The doer: the active subject, the passive `by` agent, or inherited through control and coordination."""
        for c in tok.children:
            if c.dep_ == "nsubj" and c.lower_ not in ("who", "which", "that"):
                return c
            if c.dep_ == "nsubj":
                return tok.head if tok.dep_ == "relcl" else c
            if c.dep_ == "agent":
                by = next((g for g in c.children if g.dep_ == "pobj"), None)
                if by is not None and self.ents.get(by.i) is not None and self.ents[by.i].label_ == "DATE":
                    return None
                if by is not None and self.ents.get(by.i) is None and not self.person_like(by) \
                        and by.lemma_.lower() not in self.court_nouns | self.executive:
                    continue
                return by
        if is_passive(tok) or any(c.dep_ == "nsubjpass" for c in tok.children):
            return None
        if tok.dep_ in ("relcl", "acl") and not is_passive(tok) and not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return tok.head
        if tok.dep_ in ("xcomp", "advcl", "conj", "pcomp", "ccomp") and tok.pos_ in ("VERB", "AUX"):
            return self.controller(tok, passive=False)
        return None

    def lead_subject(self, tok: Token) -> Token | None:
        """The parser often makes a dateline ("BOSTON — A federal judge ruled") the subject; the real
        subject is then the first noun phrase after the dash that is not a prepositional object."""
        for chunk in tok.doc[tok.i:tok.sent.end].noun_chunks:
            ent = self.ents.get(chunk.root.i)
            if chunk.start_char >= self.dateline_end and chunk.root.dep_ not in ("pobj", "npadvmod") \
                    and (ent is None or ent.label_ != "DATE"):
                return chunk.root
        return None

    def make_argument(self, role: str, tok: Token, phrase: bool = False) -> dict | None:
        doc = tok.doc
        if tok.idx < self.dateline_end:
            if role == "place" or tok.dep_ not in SUBJECT_DEPS + ("dep", "ROOT", "npadvmod", "appos"):
                return None
            tok = self.lead_subject(tok)
            if tok is None:
                return None
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
            if subj is not None and role in ("subject", "agent"):
                tok = subj
        if tok.dep_ == "appos" and self.ents.get(tok.head.i) is not None and self.ents[tok.head.i].label_ in ("PERSON",):
            tok = tok.head
        if role in ("subject", "agent") and not phrase and not self.person_like(tok) and self.ents.get(tok.i) is None:
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is not None and self.person_like(poss) and tok.lemma_ not in ("decision", "ruling", "order"):
                tok = poss
        if role in ("subject", "agent") and tok.lemma_.lower() in self.words["representatives"]:
            poss = next((c for c in tok.children if c.dep_ == "poss"), None)
            if poss is not None:
                tok = poss
        if tok.lower_ in ("who", "whom", "which", "that") and tok.head.dep_ == "relcl":
            tok = tok.head.head
        group = None
        if not phrase and role in ("agent", "subject", "adjudicator") and (
                tok.lower_ in ("it", "its", "they", "them", "their") or tok.lemma_.lower() in self.words["group_nouns"]):
            group = self.coref.resolve_group(tok)
            if group is not None and group.label_ in ("AGENCY", "COURT", "ORGANIZATION", "PERSON", "PLACE"):
                canonical = group._.canonical or group.text
                span = noun_phrase(tok)
                arg = {"role": role, "text": span.text, "start_char": span.start_char, "end_char": span.end_char,
                       "mention_start": group.start_char, "mention_end": group.end_char, "canonical": canonical}
                if tok.pos_ == "PRON":
                    arg.update(self.named(group, span))
                return arg
            if group is not None:
                tok = group.root
        if tok.lower_ in ("it", "its", "they", "them", "their", "this", "these", "those", "itself"):
            return None
        ent = self.ents.get(tok.i)
        if ent is None:
            appos = next((c for c in tok.subtree if c.dep_ == "appos" and self.ents.get(c.i) is not None
                          and c.head.i in range(tok.left_edge.i, tok.i + 1) or c.dep_ == "appos" and c.head.i == tok.i
                          and self.ents.get(c.i) is not None), None)
            if appos is not None and self.ents[appos.i].label_ in ("PERSON", "AGENCY", "COURT", "ORGANIZATION"):
                ent = self.ents[appos.i]
        if ent is not None and ent.label_ != "DATE" and not phrase:
            canonical = ent._.canonical
            if ent.label_ == "PERSON":
                person = self.coref.person(ent)
                canonical = person.name if person else canonical
            return {"role": role, "text": ent.text, "start_char": ent.start_char, "end_char": ent.end_char,
                    "mention_start": ent.start_char, "mention_end": ent.end_char, "canonical": canonical}
        if ent is not None and ent.label_ == "DATE" and not phrase:
            return {"role": role, "text": ent.text, "start_char": ent.start_char, "end_char": ent.end_char,
                    "mention_start": ent.start_char, "mention_end": ent.end_char, "canonical": None}
        span = noun_phrase(tok) if not phrase else doc[tok.left_edge.i: tok.right_edge.i + 1]
        if phrase:
            while len(span) > 1 and span[-1].is_punct:
                span = span[:-1]
        arg = {"role": role, "text": span.text, "start_char": span.start_char, "end_char": span.end_char,
               "canonical": None}
        if not phrase and role in ("agent", "subject", "adjudicator"):
            res = self.coref.resolve(tok, "judge" if role == "adjudicator" else "party")
            if res is not None:
                mention, person = res
                arg.update(canonical=person.name, mention_start=mention.start_char, mention_end=mention.end_char)

        inner = [e for e in self.ents_in(span) if e.label_ != "DATE"]
        if "mention_start" not in arg and len(inner) == 1 and role in ("place", "origin", "destination"):
            arg.update(mention_start=inner[0].start_char, mention_end=inner[0].end_char, canonical=inner[0]._.canonical)
        return arg

    @staticmethod
    def named(mention: Span, anaphor: Span) -> dict:
        """SPEC: arguments are written with the name. A body's canonical form ("U.S. Department of
        Justice") need not be how the article names it, so "it" is written as the antecedent mention
        ("Justice Department"), the pronoun kept as `anaphor_start`/`anaphor_end`. A person's pronoun
        keeps its text: its `canonical` is already the name as the article writes it."""
        return {"text": mention.text, "start_char": mention.start_char, "end_char": mention.end_char,
                "anaphor_start": anaphor.start_char, "anaphor_end": anaphor.end_char}

    def add(self, args: list[dict], role: str, tok: Token | None, phrase: bool = False, split: bool = True) -> None:
        if tok is None:
            return
        for t in (conjuncts(tok) if split else [tok]):
            arg = self.make_argument(role, t, phrase)
            if arg is not None and not any(a["role"] == role and a["start_char"] == arg["start_char"] for a in args):
                args.append(arg)

    def prep_role(self, etype: str, prep: str, obj: Token, nominal: bool) -> tuple[str | None, bool]:
        """Role of a prepositional object, and whether it is taken as a whole phrase (crimes, penalties)."""
        ent = self.ents.get(obj.i)
        label = ent.label_ if ent is not None else None
        if prep == "to" and etype == "SENTENCE":
            return "penalty", True
        if label == "DATE":
            return ("time", False) if prep in ("on", "in", "during", "for", "at", "since", "by", "last") else (None, False)
        if label == "COURT" or (obj.lemma_ == "court" and prep in ("in", "before", "to")):
            if etype == "APPEAL" or etype in COURT_TYPES or etype in ("SUE",):
                return "adjudicator", False
        if prep in ("to", "into"):
            if etype in MOVE_TYPES:
                return "destination", False
            if etype == "APPEAL":
                return "adjudicator", False
            if etype == "SENTENCE":
                return "penalty", True
            if etype == "CONVICT" and not nominal and label != "COURT":
                return "crime", True
            return None, False
        if prep == "from":
            if etype in ("DEPORT", "EXTRADITE", "RETURN"):
                return "origin", False
            if etype == "PARDON":
                return "agent", False
            if etype == "RELEASE":
                return "place", False
            return None, False
        if prep == "of":
            if etype in CRIME_TYPES and not self.person_like(obj):
                return "crime", True
            if nominal and self.person_like(obj):
                return "subject", False
            if etype == "SENTENCE" and nominal:
                return "penalty", True
            return None, False
        if prep == "on" and etype in CRIME_TYPES and obj.lemma_ in ("count", "charge"):
            return "crime", True
        if prep == "with" and etype == "CHARGE_INDICT":
            return "crime", True
        if prep == "for" and etype in CRIME_TYPES | {"ARREST_DETAIN", "SENTENCE"} and not self.person_like(obj):
            return "crime", True
        if prep == "against" and etype in ("SUE", "RULING", "TRIAL_HEARING", "CHARGE_INDICT", "APPEAL"):
            return "subject", False
        if prep == "before" and etype in ("TRIAL_HEARING", "APPEAL"):
            return "adjudicator", False
        if prep == "by" and nominal:
            return ("adjudicator" if etype in COURT_TYPES else "agent"), False
        if prep in ("in", "at", "near", "inside", "outside", "from"):
            if label in ("PLACE", "GPE", "LOC", "FAC") or obj.lemma_.lower() in self.lexicon.noun_set("location"):
                return "place", False
        return None, False

    def arguments(self, entry: dict, head: Token, span: Span) -> list[dict]:
        etype = entry["type"]
        actor_role = entry.get("actor") or ("adjudicator" if etype in COURT_TYPES else "agent")
        guilty = None
        if head.lemma_ == "guilty" and head.head.lemma_ in ("find", "plead"):
            guilty, head = head, head.head
        nominal = head.pos_ in ("NOUN", "PROPN") or (head.pos_ == "ADJ" and head.lemma_ not in ("free",))
        args: list[dict] = []
        if head.pos_ == "ADJ" and head.lemma_ == "free":
            verb = head.head
            self.add(args, "subject", next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                     or self.controller(verb, passive=True))
            if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in ("allow", "let", "order", "permit"):
                self.add(args, "agent", self.actor_token(verb.head))
        elif not nominal:
            passive = is_passive(head)
            actor = self.actor_token(head)
            patient = self.patient(head)
            if patient is None and head.dep_ in ("xcomp", "pcomp", "ccomp", "oprd") and passive:
                patient = self.controller(head, passive=True)
            if patient is None and head.dep_ == "pcomp" and passive:
                patient = self.controller(head, passive=True)
            if patient is None and head.dep_ == "advcl" and passive:
                patient = next((c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if actor_role == "subject" or (etype == "RETURN" and head.lemma_ == "return" and not passive
                                            and not any(c.dep_ == "dobj" for c in head.children)):
                self.add(args, "subject", actor if actor is not None else patient)
            else:
                self.add(args, actor_role, actor)
                if etype == "ORDER":
                    comp = next((c for c in head.children if c.dep_ == "ccomp"), None)
                    if patient is None and comp is not None:
                        patient = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None)
                if entry.get("id") == "testify.v":
                    patient = None
                if etype in ("SUE", "APPEAL") and patient is not None and self.ents.get(patient.i) is not None \
                        and self.ents[patient.i].label_ == "COURT":
                    self.add(args, "adjudicator", patient)
                    patient = None
                if etype == "APPEAL" and patient is not None:
                    for c in patient.children:
                        if c.dep_ == "prep" and c.lower_ == "to":
                            self.add(args, "adjudicator", next((g for g in c.children if g.dep_ == "pobj"), None))
                    patient = None
                dative = next((c for c in head.children if c.dep_ == "dative"), None)
                if etype == "RULING" and dative is not None:
                    patient = dative
                if etype == "RULING" and patient is None:
                    comp = next((c for c in head.children if c.dep_ == "ccomp"), None)
                    subj = next((c for c in comp.children if c.dep_ in SUBJECT_DEPS), None) if comp is not None else None
                    if subj is not None and not self.bare_plural(subj) and (
                            self.person_like(subj) and self.ents.get(subj.i) is None
                            or self.ents.get(subj.i) is not None and self.ents[subj.i].label_ == "PERSON"):
                        patient = subj
                self.add(args, "subject", patient)
                if etype in CRIME_TYPES and patient is not None:
                    for c in patient.children:
                        if c.dep_ == "prep" and c.lower_ == "of":
                            self.add(args, "crime", next((g for g in c.children if g.dep_ in ("pobj", "pcomp")), None),
                                     phrase=True, split=False)
            if etype == "FINE":
                money = next((c for c in head.children if c.dep_ in ("dobj", "npadvmod", "dative", "attr")
                              and (patient is None or c.i != patient.i) and (c.like_num or any(t.text == "$" for t in c.subtree))), None)
                if money is None and entry.get("id") == "ordered_to_pay.p":
                    pay = span[-1]
                    money = next((c for c in pay.children if c.dep_ == "dobj"), None)
                if money is not None:
                    self.add(args, "penalty", money, phrase=True, split=False)
        else:
            self.nominal_arguments(args, etype, head, actor_role)
        self.prep_arguments(args, etype, head, nominal)
        if etype == "EXTRADITE" and not any(a["role"] == "origin" for a in args):
            for a in list(args):
                if a["role"] == "agent" and a.get("mention_start") is not None:
                    ent = next((e for e in self.doc_ents if e.start_char == a["mention_start"]), None)
                    if ent is not None and ent.label_ == "PLACE":
                        args.append(dict(a, role="origin"))
        if span[-1].lemma_ == "pay" and len(span) > 1:
            self.prep_arguments(args, etype, span[-1], nominal)
        if guilty is not None:
            self.prep_arguments(args, etype, guilty, False)
        self.time_and_place(args, etype, head, nominal, span)
        return args

    def nominal_arguments(self, args: list[dict], etype: str, head: Token, actor_role: str) -> None:
        for c in head.children:
            if c.dep_ == "poss":
                ent = self.ents.get(c.i)
                if ent is not None and ent.label_ == "DATE":
                    self.add(args, "time", c)
                elif etype in POSS_IS_ACTOR:
                    self.add(args, actor_role, c)
                else:
                    self.add(args, "subject", c)
            elif c.dep_ in ("compound", "amod", "nummod"):
                ent = self.ents.get(c.i)
                if ent is not None and ent.label_ == "COURT":
                    self.add(args, "adjudicator", c)
                elif ent is not None and ent.label_ == "DATE" and self.is_duration(ent):
                    if etype == "SENTENCE":
                        span = noun_phrase(head)
                        args.append({"role": "penalty", "text": span.text, "start_char": span.start_char,
                                     "end_char": span.end_char, "canonical": None})
                elif ent is not None and ent.label_ == "DATE" and c.dep_ == "compound":
                    self.add(args, "time", c)
            elif c.dep_ in ("acl", "relcl"):
                if c.lemma_ in self.words["actor_light"]:
                    self.add(args, actor_role, self.actor_token(c) if c.dep_ == "relcl" else
                             next((g for a in c.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"), None))
        gov = head.head
        if head.dep_ == "pobj" and gov.lower_ == "in" and etype in ("RULING", "ORDER", "BLOCK") \
                and gov.head.lemma_ in ("write", "say", "find", "conclude", "note", "hold", "rule", "add", "state"):
            self.add(args, "adjudicator", self.actor_token(gov.head))
        if head.dep_ == "pobj" and gov.lower_ in ("on", "in", "into") and gov.head.lemma_ in ("place", "put", "keep", "take", "hold"):
            self.add(args, "subject", next((c for c in gov.head.children if c.dep_ in ("dobj", "nsubjpass")), None))
            if etype == "ARREST_DETAIN" and not any(a["role"] == "agent" for a in args):
                self.add(args, "agent", next((c for c in head.children if c.dep_ == "poss"), None) or self.actor_token(gov.head))
        if head.dep_ == "pobj" and gov.lower_ == "for" and gov.head.lemma_ in ("request", "motion", "bid", "petition") \
                and etype in COURT_TYPES and gov.head.head.pos_ == "VERB":
            self.add(args, "adjudicator", self.actor_token(gov.head.head))
            requester = next((c for c in gov.head.children if c.dep_ == "poss"), None)
            if requester is not None and etype in ("BLOCK", "SENTENCE"):
                self.add(args, "subject", requester)
        if head.dep_ == "pobj" and gov.dep_ in ("prep", "agent"):
            gov = gov.head
        if head.dep_ in ("dobj", "nsubjpass", "attr", "pobj", "conj") and gov.pos_ in ("VERB", "AUX"):
            if gov.lemma_ in self.words["actor_light"] and not any(a["role"] == actor_role for a in args):
                actor = self.actor_token(gov) if not is_passive(gov) else None
                self.add(args, actor_role, actor)
            elif gov.lemma_ in self.words["subject_light"] and not any(a["role"] == "subject" for a in args):
                self.add(args, "subject", self.actor_token(gov) or next(
                    (c for c in gov.children if c.dep_ in SUBJECT_DEPS), None))
                if etype == "PARDON":
                    for c in gov.children:
                        if c.dep_ == "prep" and c.lower_ == "from":
                            self.add(args, "agent", next((g for g in c.children if g.dep_ == "pobj"), None))

    def prep_arguments(self, args: list[dict], etype: str, head: Token, nominal: bool) -> None:
        heads = [head]
        heads += [c for c in head.children if c.dep_ in ("advmod", "prt") and c.lower_ == "back"]
        for h in heads:
            for c in h.children:
                if c.dep_ not in ("prep", "agent", "dative"):
                    continue
                for obj in (g for g in c.children if g.dep_ in ("pobj", "pcomp")):
                    if c.dep_ == "agent" or (c.lower_ == "by" and not nominal):
                        continue
                    role, phrase = self.prep_role(etype, c.lower_, obj, nominal)
                    if role in ("time", "place") or role is None:
                        continue
                    if role == "crime" and c.lower_ == "for" and any(a["role"] == "crime" for a in args):
                        continue
                    if obj.dep_ == "pcomp" and role != "crime":
                        continue
                    self.add(args, role, obj, phrase=phrase, split=not phrase)

    @staticmethod
    def is_duration(ent: Span) -> bool:
        if ent._.timex_type:
            return ent._.timex_type == "DURATION"
        return bool(DURATION_TEXT.match(ent.text)) and not ent.text.lower().startswith(("last ", "next ", "this ", "that "))

    def attached(self, tok: Token, head: Token, extra: tuple[Token, ...] = ()) -> bool:
        """True when `tok` hangs from `head` (or `extra`) through prepositions and nouns, not another verb."""
        cur = tok
        for _ in range(5):
            if cur.dep_ == "ROOT" and cur.i != head.i:
                return False
            cur = cur.head
            if cur.i == head.i or any(cur.i == e.i for e in extra):
                return True
            if cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod",):
                return False
        return False

    def time_and_place(self, args: list[dict], etype: str, head: Token, nominal: bool,
                       span: Span | None = None) -> None:
        extra: tuple[Token, ...] = tuple(t for t in span if t.i != head.i) if span is not None else ()
        gov = head.head
        if gov.pos_ in ("ADP",):
            gov = gov.head
        if nominal and gov.lemma_ in self.words["actor_light"] | self.words["subject_light"] | {"approve", "order"}:
            extra += (gov,)
        if head.pos_ == "ADJ":
            extra += (head.head,)
        if head.dep_ == "pcomp" and head.head.lower_ in ("against", "by", "without") and head.head.head.pos_ == "VERB":
            extra += (head.head.head,)
        if nominal:
            for c in head.children:
                if c.dep_ in ("relcl", "acl") and c.lemma_ in ("expect", "schedule", "set", "plan", "begin", "start", "slate",
                                                               "unseal", "file", "issue", "return", "bring", "hand"):
                    extra += (c, *[x for x in c.children if x.dep_ == "xcomp"])
        sent = head.sent
        for ent in self.ents_in(sent):
            if ent.label_ == "DATE" and not any(a["role"] == "time" for a in args):
                if self.is_duration(ent) or any(a.get("mention_start") == ent.start_char for a in args):
                    continue
                if ent.start > 0 and ent.doc[ent.start - 1].lower_ in ("within", "since", "until", "after", "before"):
                    continue
                if self.attached(ent.root, head, extra):
                    self.add(args, "time", ent.root, split=False)
            elif ent.label_ == "PLACE" and etype in PLACE_TYPES | {"DEPORT", "CONVICT", "EXTRADITE"}:
                if any(a.get("mention_start") == ent.start_char for a in args) or any(a["role"] == "place" for a in args):
                    continue
                p = ent.root.head
                if p.dep_ in ("prep",) and p.lower_ in ("in", "at", "near", "inside", "outside") and self.attached(ent.root, head, extra):
                    if etype in ("DEPORT", "EXTRADITE") and p.head.i != head.i:
                        continue
                    self.add(args, "place", ent.root, split=False)
        if not any(a["role"] == "place" for a in args):
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("at", "in", "near"):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is None:
                        continue
                    ent = self.ents.get(obj.i)
                    if ent is not None and ent.label_ == "PLACE" and etype not in PLACE_TYPES:
                        self.add(args, "place", obj, split=False)
                        break
                    if etype in PLACE_TYPES and obj.lemma_.lower() in self.lexicon.noun_set("location"):
                        self.add(args, "place", obj, split=False)
                        break
        if etype == "ARREST_DETAIN" and not any(a["role"] == "agent" for a in args):
            for c in head.children:
                if c.dep_ == "prep" and c.lower_ in ("at", "in"):
                    for obj in (g for g in c.children if g.dep_ == "pobj"):
                        runner = next((x for x in obj.children if x.dep_ in ("compound", "nmod", "poss")
                                       and self.ents.get(x.i) is not None and self.ents[x.i].label_ in ("AGENCY",)), None)
                        if runner is not None:
                            self.add(args, "agent", runner, split=False)

    # ---- negation and modality -----------------------------------------------------------
    def attributes(self, entry: dict, head: Token, span: Span) -> tuple[bool, str]:
        cue = self.cue
        negated = False
        modality = None
        nominal = head.pos_ in ("NOUN", "PROPN")
        if nominal:
            return self.nominal_attributes(entry, head)
        cur = head
        level = 0
        while True:
            children = list(cur.children)
            if any((c.dep_ == "neg" or c.lower_ == "never" and c.dep_ == "advmod") and not (span.start <= c.i < span.end)
                   for c in children) or (level == 0 and any(
                    c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ in ("neither", "nobody", "none") or
                                                            g.lower_ == "no" and g.dep_ == "det" for g in [c, *c.children])
                    for c in children)):
                if level == 0 or (cur.lemma_ in ("allow", "let", "want", "plan", "expect", "intend", "agree", "seek", "try")):
                    negated = True
            if modality is None:
                auxes = [c.lower_ for c in children if c.dep_ == "aux"]
                if any(c.dep_ == "mark" and c.lower_ in cue["possible_marks"] for c in children):
                    modality = "possible"
                elif any(a in cue["possible_aux"] for a in auxes):
                    modality = "possible"
                elif any(a in cue["future_aux"] for a in auxes):
                    modality = "future"
                elif any(c.dep_ == "advmod" and c.lower_ in cue["possible_adverbs"] for c in children):
                    modality = "possible"
                elif level == 0 and cur.dep_ in ("acl", "relcl") and cur.head.pos_ == "NOUN" \
                        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
                    modality = "future"
                elif any(c.lower_ == "going" for c in children if c.dep_ == "aux") :
                    modality = "future"
            if level == 1 and cur.lemma_ in cue["negating_governors"] and prev_dep in ("xcomp", "pcomp", "prep"):
                negated = True
            if level > 0 and modality is None and prev_dep in ("xcomp", "pcomp", "ccomp", "oprd"):
                if cur.lemma_ in cue["future_governors"] and not (cur.lemma_ in ("allow", "let") and negated):
                    modality = "future"
                elif cur.lemma_ in cue["possible_governors"]:
                    modality = "possible"
                elif cur.lemma_ in ("allow", "let"):
                    modality = "possible"
            if level > 0 and cur.lemma_ in cue["reporting_verbs"] and prev_dep in ("ccomp", "parataxis") \
                    and modality is None:
                if not self.neutral_source(cur):
                    modality = "reported"
            if modality is None and cur.dep_ == "acl" and cur.head.lemma_ in ("statement", "claim", "allegation", "complaint") \
                    and cur.head.head.pos_ == "ADP" and not self.neutral_source(cur.head.head.head):
                modality = "reported"
            if cur.dep_ in ("ROOT",) or cur.head.i == cur.i:
                break
            if cur.dep_ in ("csubj", "csubjpass", "nsubj") or any(
                    c.dep_ in ("mark", "advmod") and c.lower_ in self.words["presupposing"] for c in cur.children):
                break
            if cur.dep_ == "pcomp" and cur.head.lower_ in self.words["presupposing"]:
                break
            if cur.dep_ == "relcl":
                break
            prev_dep = cur.dep_
            if prev_dep == "prep":
                prev_dep = "pcomp"
            cur = cur.head
            if cur.pos_ == "ADP":
                prev_dep = "pcomp" if cur.lower_ in ("from", "against", "without") else "prep"
                if cur.lower_ in ("against", "without"):
                    negated = True
                if cur.lower_ == "from" and cur.head.lemma_ in self.words["from_control"]:
                    modality = modality or "future"
                cur = cur.head
            level += 1
            if level > 6:
                break
        if modality is None and self.according_to(head):
            modality = "reported"
        return negated, modality or entry.get("modality") or "asserted"

    def nominal_attributes(self, entry: dict, head: Token) -> tuple[bool, str]:
        """A nominal trigger takes its modality from the verb that governs it ("set a hearing", "awaiting
        trial", "planned to attend the execution"); a definite one ("the ruling", "his conviction") is
        presupposed and stays asserted under a mere auxiliary ("would appeal the conviction")."""
        cue = self.cue
        negated = False
        definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that")) for c in head.children)
        gov = head.head
        if head.dep_ == "pobj" and gov.lower_ == "for" and gov.head.lemma_ in ("request", "motion", "bid", "petition") \
                and gov.head.head.lemma_ in ("reject", "deny", "refuse", "decline"):
            return True, "asserted"
        if head.dep_ == "pobj" and gov.lower_ in ("against", "without"):
            negated = True
        if head.dep_ == "dobj" and gov.pos_ == "VERB" and any(c.dep_ == "neg" for c in gov.children):
            negated = gov.lemma_ in ("block", "halt", "hear", "dismiss", "grant", "issue", "file")
        modality = entry.get("modality")
        g = gov.head if gov.pos_ == "ADP" else gov
        marks = {c.lower_ for c in g.children if c.dep_ == "mark"}
        if modality is None and head.dep_ == "pobj" and gov.lower_ in ("until", "ahead", "pending") and not definite:
            modality = "future"
        elif modality is None and head.dep_ == "pobj" and gov.lower_ == "of" and g.lemma_ in ("hope", "ahead"):
            modality = "future"
        elif modality is None and head.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj", "attr"):
            if marks & {"until", "before"}:
                modality = "future"
            elif marks & set(cue["possible_marks"]) and not definite:
                modality = "possible"
            elif head.dep_ == "dobj" and g.lemma_ in self.words["from_control"] and not negated and not (
                    g.dep_ == "xcomp" and g.head.lemma_ in cue["negating_governors"]):
                modality = "future"
            elif g.lemma_ in cue["future_nominal_governors"] and not (definite and g.lemma_ in ("attend", "face", "receive")):
                modality = "future"
            elif g.lemma_ in ("consider", "weigh", "mull"):
                modality = "possible"
            elif g.dep_ in ("xcomp", "ccomp") and g.head.lemma_ in cue["future_governors"] \
                    and g.head.lemma_ not in cue["negating_governors"] and not (definite and g.lemma_ in self.words["presupposed_object"]):
                modality = "future"
            elif not definite:
                auxes = [c.lower_ for c in g.children if c.dep_ == "aux"]
                if any(a in cue["possible_aux"] for a in auxes):
                    modality = "possible"
                elif any(a in cue["future_aux"] for a in auxes):
                    modality = "future"
        if modality is None and any(c.dep_ in ("relcl", "acl") and c.lemma_ in ("expect", "schedule", "set", "plan")
                                    for c in head.children):
            modality = "future"
        if modality is None and head.dep_ == "compound" and head.head.lemma_ in ("order", "request"):
            modality = "future"
        return negated, modality or "asserted"

    def _under_future(self, verb: Token) -> bool:
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_ in self.cue["future_governors"]:
            return True
        return any(c.dep_ == "aux" and c.lower_ in self.cue["future_aux"] for c in verb.children)

    def _reported(self, verb: Token) -> bool:
        cur = verb
        for _ in range(3):
            if cur.dep_ in ("ccomp", "parataxis") and cur.head.lemma_ in self.cue["reporting_verbs"]:
                return not self.neutral_source(cur.head)
            if any(c.dep_ == "parataxis" and c.lemma_ in self.cue["reporting_verbs"] for c in cur.children):
                return True
            cur = cur.head
        return False

    def neutral_source(self, verb: Token) -> bool:
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if verb.lemma_ == "show":
            return True
        if subj is not None and self.court_like(subj):
            return True
        return subj is not None and subj.lower_ in self.cue["neutral_sources"] and subj.lemma_ != "court"

    def according_to(self, tok: Token) -> bool:
        for t in tok.sent:
            if t.lower_ == "according" and t.i + 2 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
                rest = t.doc[t.i + 2: min(t.i + 6, t.sent.end)]
                return not any(r.lower_ in self.cue["neutral_sources"] for r in rest)
        return False

    # ---- one event -----------------------------------------------------------------------
    def bare_plural(self, tok: Token | None) -> bool:
        return tok is not None and tok.tag_ == "NNS" and self.ents.get(tok.i) is None and not any(
            c.dep_ in ("det", "poss", "nummod", "quantmod", "compound", "amod") and c.lower_ not in ("deported", "other")
            or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children) and tok.lemma_.lower() not in self.words["quantity_nouns"]

    def generic_participants(self, etype: str, head: Token) -> bool:
        """"orders to return migrants", "judges have ordered": a kind of action told of a kind of people.
        A finite past ("Leftists were arrested") reports one action, even of a bare plural."""
        if head.pos_ in ("NOUN", "PROPN") and head.dep_ in ("pobj", "dobj"):
            gov = head.head.head if head.dep_ == "pobj" else head.head
            patient = self.patient(gov) if gov.pos_ == "VERB" else None
            return patient is not None and patient.i != head.i and self.generic_participants("", gov)
        if head.pos_ not in ("VERB", "AUX"):
            return False
        if head.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children):
            return False
        if etype in ("ORDER", "RULING", "BLOCK"):
            return self.bare_plural(self.actor_token(head))
        return self.bare_plural(self.patient(head))

    def build(self, doc: Doc, entry: dict, span: Span, head: Token) -> dict | None:
        etype = entry["type"]
        if self.generic_participants(etype, head):
            return None
        if etype == "SUE" and head.lemma_ == "petition":
            if any("Appeals" in e.text or "Circuit" in e.text or "Supreme" in e.text
                   for e in self.ents_in(head.sent) if e.start > head.i and e.label_ in ("COURT", "ORGANIZATION", "AGENCY")):
                etype = "APPEAL"
        entry = dict(entry, type=etype)
        args = self.arguments(entry, head, span)
        negated, modality = self.attributes(entry, head, span)
        if not any(a["role"] == "place" for a in args) and etype in PLACE_TYPES and head.sent.start == next(doc.sents).start:
            place = self.dateline(doc)
            if place is not None:
                args.append(place)
        if etype in ("RULING", "ORDER", "BLOCK", "DISMISS", "SENTENCE", "FINE") and not any(a["role"] == "adjudicator" for a in args):
            judges = [p for p in self.coref.people if p.judge]
            if len(judges) == 1:
                if entry.get("id") not in ("ordered_to_pay.p", "ruling.n", "sentence.n") and not (etype == "ORDER" and is_passive(head)):
                    m = judges[0].mentions[0]
                    args.append({"role": "adjudicator", "text": m.text, "start_char": m.start_char, "end_char": m.end_char,
                                 "mention_start": m.start_char, "mention_end": m.end_char, "canonical": judges[0].name,
                                 "inferred": True})
        if etype in PERSON_CENTRED and head.pos_ in ("NOUN", "PROPN") and not any(a["role"] == "subject" for a in args) \
                and head.lemma_ not in ("hearing", "sentencing"):
            earlier = self.earlier_subject(etype, head)
            if earlier is not None:
                args.append(dict(earlier, inferred=True))
            person = None if earlier is not None else self.coref.dominant()
            if person is not None and self.coref.sent_index.get(head.i, 0) >= self.coref.sent_index.get(person.mentions[0].start, 0):
                m = self.coref._nearest_mention(person, head)
                args.append({"role": "subject", "text": m.text, "start_char": m.start_char, "end_char": m.end_char,
                             "mention_start": m.start_char, "mention_end": m.end_char, "canonical": person.name,
                             "inferred": True})
        confidence = float(entry.get("confidence", 0.5))
        if not args:
            confidence *= 0.8
        self.built.append({"event_type": etype, "trigger_start": span.start_char, "arguments": args})
        return {"event_type": etype, "trigger_start": span.start_char, "trigger_end": span.end_char,
                "negated": negated, "modality": modality, "confidence": round(confidence, 3),
                "rule": entry["id"], "arguments": args}

    def earlier_subject(self, etype: str, head: Token) -> dict | None:
        """A nominal re-mention ("the verdict", "the extradition") is about whoever the latest event of
        its kind before it was about."""
        kinds = {etype} | ({"CONVICT", "ACQUIT"} if etype in ("CONVICT", "ACQUIT") else set())
        for ev in reversed(self.built):
            if ev["event_type"] in kinds and ev["trigger_start"] < head.idx:
                subject = next((a for a in ev["arguments"] if a["role"] == "subject" and a.get("canonical")), None)
                if subject is not None:
                    return {k: v for k, v in subject.items() if k != "inferred"}
        return None

    def ents_in(self, span: Span) -> list[Span]:
        return [e for e in self.doc_ents if span.start <= e.start and e.end <= span.end]

    def find_dateline(self, doc: Doc) -> tuple[tuple[int, int] | None, int]:
        """The dateline's place (start, end) and where its dash ends. The entity stage's dateline
        mention is preferred (it knows "McALESTER" and "SÃO PAULO"); the regex serves pipelines without it."""
        ent = next((e for e in self.doc_ents[:3] if e._.rule == "dateline"), None)
        if ent is not None:
            dash = DATELINE_DASH.search(self.text, ent.end_char, ent.end_char + 60)
            return (ent.start_char, ent.end_char), dash.end() if dash else ent.end_char
        m = DATELINE.match(self.text)
        if not m:
            return None, 0
        start = m.start(1)
        return (start, start + len(m.group(1).strip())), m.end()

    def dateline(self, doc: Doc) -> dict | None:
        if self.dateline_span is None:
            return None
        start, end = self.dateline_span
        arg = {"role": "place", "text": self.text[start:end], "start_char": start, "end_char": end, "canonical": None}
        ent = next((e for e in self.doc_ents if e.start_char == start), None)
        if ent is not None:
            arg.update(mention_start=ent.start_char, mention_end=ent.end_char, canonical=ent._.canonical)
        return arg

    @staticmethod
    def retype_verdicts(doc: Doc, events: list[dict]) -> None:
        """"The verdict" takes the type of the latest conviction or acquittal before it; alone it is dropped."""
        last = None
        keep = []
        for ev in events:
            if ev["rule"] == "verdict.n":
                if last is None:
                    continue
                ev["event_type"] = last
            elif ev["event_type"] in ("CONVICT", "ACQUIT") and ev["rule"] not in ("convict.n",) \
                    and ev["modality"] == "asserted" and not ev["negated"]:
                last = ev["event_type"]
            keep.append(ev)
        events[:] = keep


@Language.factory("legalnews_events", assigns=["doc._.events"],
                  default_config={"lexicon": "events/triggers.jsonl", "models_dir": ""})
def make_event_extractor(nlp: Language, name: str, lexicon: str, models_dir: str) -> EventExtractor:
    path = Path(models_dir) / lexicon
    return EventExtractor(nlp, name, load_lexicon(path.parent, path.name))
