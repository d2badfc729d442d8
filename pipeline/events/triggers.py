"""Finding triggers: the lexicon's words and patterns in a Doc, each kept when it is admissible
(not inside a name, not an adjectival participle, not a habit) and its guard accepts it."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from itertools import chain

import numpy as np
from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..matching import required_words
from .context import DocContext
from .guards import GUARDS
from .lexicon import Lexicon, LexiconError, TriggerEntry
from .syntax import heading, headline

__all__ = ["Trigger", "TriggerFinder", "inflections", "pattern_anchor", "habitual"]

ANCHOR_COLUMNS = {"LEMMA": LEMMA, "LOWER": LOWER, "ORTH": ORTH}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A trigger found in a Doc: the entry it matched, its tokens and its head token."""

    entry: TriggerEntry
    span: Span
    head: Token

    def readings(self) -> list["Trigger"]:
        """The trigger as its entry's type, then as each type the entry says it also reports."""
        return [self] + [replace(self, entry=replace(self.entry, type=extra, also=())) for extra in self.entry.also]


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


def pattern_anchor(pattern: list[dict]) -> tuple[int, frozenset[str]] | None:
    """The word set every match of `pattern` must hit, as (attribute id, words): of its required
    words, the set whose shortest word is longest (a rough stand-in for the rarest); None if none."""
    anchors = required_words(pattern)
    if not anchors:
        return None
    attr, words = max(anchors, key=lambda a: min(map(len, a[1]), default=0))
    return ANCHOR_COLUMNS[attr], words


def habitual(head: Token) -> bool:
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


class TriggerFinder:
    """The lexicon's trigger entries, indexed for lookup: one-word entries by lemma and form hashes,
    multi-word patterns in a Matcher run only on sentences holding a word each pattern needs."""

    def __init__(self, vocab: Vocab, lexicon: Lexicon):
        self.types = lexicon.types
        self.entries = {e.id: e for e in lexicon.entries}
        self.matcher = Matcher(vocab)
        self.by_lemma: dict[int, list[tuple[int, frozenset[int]]]] = defaultdict(list)  # hashes, POS ids
        self.by_form: dict[int, list[tuple[int, frozenset[int]]]] = defaultdict(list)
        self.anchors: dict[int, set[int]] = defaultdict(set)  # attribute id -> hashes a pattern needs
        self.anchored: list[tuple[int, np.ndarray, Matcher]] = []  # per pattern: its anchor and its own Matcher
        self.required: list[list[tuple[int, frozenset[int]]]] = []  # per pattern: (column, hashes) each match holds
        self.one_token: list[bool] = []  # per pattern: a single required token, so a match is one anchor token
        anchored_by: dict[int, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
        self.anchorless = False
        for entry in lexicon.entries:
            if entry.guard and entry.guard not in GUARDS:
                raise LexiconError(f"events lexicon entry {entry.id!r}: unknown guard {entry.guard!r}")
            if entry.pattern:
                pattern = list(entry.pattern)
                self.matcher.add(entry.id, [pattern])
                anchor = pattern_anchor(pattern)
                if anchor is None:
                    self.anchorless = True
                else:
                    hashes = [vocab.strings.add(v) for v in anchor[1]]
                    self.anchors[anchor[0]].update(hashes)
                    own = Matcher(vocab)
                    own.add(entry.id, [pattern])
                    for key in hashes:
                        anchored_by[anchor[0]][key].append(len(self.anchored))
                    self.anchored.append((anchor[0], np.array(hashes, dtype=np.uint64), own))
                    self.required.append([(ANCHOR_COLUMNS[attr], frozenset(vocab.strings.add(w) for w in words))
                                          for attr, words in required_words(pattern)])
                    self.one_token.append(len(pattern) == 1 and pattern[0].get("OP") in (None, "1"))
            else:
                key = vocab.strings.add(entry.id)
                pos = frozenset(POS_IDS[p] for p in entry.pos)
                for lemma in entry.lemma:
                    self.by_lemma[vocab.strings.add(lemma)].append((key, pos))
                for form in {f for lemma in entry.lemma for f in inflections(lemma)}:
                    self.by_form[vocab.strings.add(form)].append((key, pos))
        self.anchored_by = {attr: dict(patterns) for attr, patterns in anchored_by.items()}  # attr -> hash -> patterns
        self.anchor_hashes = {attr: np.array(sorted(hashes), dtype=np.uint64) for attr, hashes in self.anchors.items()}
        self.columns = sorted(set(self.anchors) | {attr for req in self.required for attr, _ in req})
        self.lemma_hashes = np.array(sorted(self.by_lemma), dtype=np.uint64)  # which tokens word_matches looks up
        self.form_hashes = np.array(sorted(self.by_form), dtype=np.uint64)

    def __call__(self, doc: Doc, ctx: DocContext) -> list[Trigger]:
        """Guarded candidates, one per token: the longest pattern wins, then the most confident entry."""
        found = []
        for match_id, start, end in sorted(set(self.pattern_matches(doc)) | self.word_matches(doc)):
            entry = self.entries[doc.vocab.strings[match_id]]
            span = doc[start:end]
            head = self.trigger_head(entry, span)
            if not admissible(head, span, ctx):
                continue
            if entry.guard and not GUARDS[entry.guard](head, span, ctx):
                continue
            found.append(Trigger(entry, span, head))
        found.sort(key=lambda f: (-(len(f.span)), -f.entry.confidence, f.span.start))
        taken: set[int] = set()
        chosen = []
        for trigger in found:
            span = trigger.span
            if taken.intersection(range(span.start, span.end)):
                continue
            taken.update(range(span.start, span.end))
            chosen.append(trigger)
        chosen.sort(key=lambda f: f.span.start)
        return chosen

    def pattern_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The multi-word patterns' matches, found by running each pattern's own Matcher only on the
        sentences that hold its anchor token: most sentences hold none, and a trigger never spans two.
        The anchors are found with one lookup per column for all patterns, each token's sentence read once.

        A sentence is skipped for a pattern unless it also holds a word of each of the pattern's other
        required tokens (every match holds one), and a one-token pattern is tried on its anchor tokens
        alone (its matches are those tokens): the same matches, with a fraction of the Matcher's work."""
        if not self.anchors and not self.anchorless:
            return []  # a lexicon without multi-word patterns
        if self.anchorless or not len(doc):
            return self.matcher(doc)
        columns = self.columns
        rows = doc.to_array(columns)
        position = {attr: n for n, attr in enumerate(columns)}
        todo: dict[int, dict[int, Span]] = {}  # pattern index -> start -> each sentence holding its anchor
        tokens: dict[int, list[int]] = {}  # one-token pattern index -> its anchor tokens
        sent_of: dict[int, Span] = {}
        one_token = self.one_token
        for attr in self.anchors:
            values, patterns_of = rows[:, position[attr]], self.anchored_by[attr]
            for i in np.flatnonzero(np.isin(values, self.anchor_hashes[attr])).tolist():
                patterns = patterns_of[int(values[i])]
                if all(one_token[pattern] for pattern in patterns):
                    for pattern in patterns:
                        tokens.setdefault(pattern, []).append(i)
                    continue
                sent = sent_of.get(i)
                if sent is None:
                    sent = sent_of[i] = doc[i].sent
                for pattern in patterns:
                    if one_token[pattern]:
                        tokens.setdefault(pattern, []).append(i)
                    else:
                        todo.setdefault(pattern, {}).setdefault(sent.start, sent)
        found = []
        words: dict[tuple[int, int], set[int]] = {}  # (sentence start, column) -> the hashes it holds

        def holds(sent: Span, column: int, hashes: frozenset[int]) -> bool:
            held = words.get((sent.start, column))
            if held is None:
                held = words[(sent.start, column)] = set(rows[sent.start:sent.end, column].tolist())
            return not hashes.isdisjoint(held)

        for pattern, sents in todo.items():  # each pattern only where its own anchor word is
            matcher, required = self.anchored[pattern][2], self.required[pattern]
            for sent in sents.values():
                if all(holds(sent, position[attr], hashes) for attr, hashes in required):
                    found += [(key, sent.start + start, sent.start + end) for key, start, end in matcher(sent)]
        for pattern, anchors in tokens.items():
            matcher = self.anchored[pattern][2]
            for i in dict.fromkeys(anchors):
                found += [(key, i + start, i + end) for key, start, end in matcher(doc[i:i + 1])]
        return found

    def word_matches(self, doc: Doc) -> set[tuple[int, int, int]]:
        """One-word entries by dictionary lookup of each token's lemma and lower form (as hashes),
        POS checked after: the same matches as one-token Matcher patterns, without trying every
        pattern on every token (the Matcher keeps the multi-word `pattern` entries). The tokens
        looked up are picked first with one `np.isin` per column: a few in a hundred are candidates."""
        found: set[tuple[int, int, int]] = set()
        if not len(doc):
            return found
        rows = doc.to_array([LEMMA, LOWER, POS])
        candidates = np.isin(rows[:, 0], self.lemma_hashes) | np.isin(rows[:, 1], self.form_hashes)
        by_lemma, by_form = self.by_lemma.get, self.by_form.get
        for i in np.flatnonzero(candidates).tolist():  # the few tokens with a trigger's lemma or form
            lemma, lower, pos = rows[i].tolist()
            for key, tags in chain(by_lemma(lemma, ()), by_form(lower, ())):
                if pos in tags:
                    found.add((key, i, i + 1))
        return found

    def trigger_head(self, entry: TriggerEntry, span: Span) -> Token:
        """A one-word trigger is its head; a multi-word one's is its first verb or, as its entry or type says,
        its root or its noun."""
        if len(span) == 1:
            return span[0]
        if entry.head == "noun":  # "registered a case against him": the case, whose against-phrase names him
            return next((t for t in reversed(span) if t.pos_ == "NOUN"), span.root)  # "a murder case": case
        verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
        if (entry.head or self.types[entry.type].pattern_head) == "root" or not verbs:
            return span.root
        return verbs[0]


def admissible(head: Token, span: Span, ctx: DocContext) -> bool:
    """No trigger inside a name ("Court of Appeals"), nor a participle used as an adjective ("a deported
    migrant"), nor a one-word subheading."""
    ent = ctx.ents.get(head.i)
    if ent is not None and ent.label_ != "DATE" and len(span) == 1:
        return False
    if head.pos_ == "PROPN" and not head.is_sent_start and head.text[:1].isupper() and len(span) == 1 \
            and not headline(head.sent) and not (head.is_upper and len(head) > 1):  # "an FIR" is no name
        return False
    if head.dep_ in ("amod", "compound") and head.pos_ in ("VERB", "ADJ") and head.lemma_ not in ("free",) and len(span) == 1 \
            and not (head.lemma_ == "guilty" and any(c.lower_ == "of" for c in head.children)):
        return False  # but "found the youth, who ..., guilty of manslaughter", which the parser hangs on the noun
    if habitual(head):
        return False
    if heading(head.sent) and sum(t.is_alpha for t in head.sent) == 1:
        return False  # a section label ("Sentencing", "Charges"), not an action
    return True
