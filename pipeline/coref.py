"""Rule-based resolution of pronouns and descriptions to the article's named people.

Event arguments are written with names ("O.C.G.", not "he"), so the events stage asks this
resolver who "he", "her" or "the migrant" is. `coreferee` cannot serve (its English model is
not on PyPI), so this is a small, documented set of rules in the spirit of Hobbs' algorithm:

1. Names are grouped into people: a mention whose tokens all occur, in order, in a longer name
   ("Mendez", "Carlos Mendez") belongs to that person; the person's name is the longest one.
   Court-paper initials ("O.C.G.") and surnames the model mislabels as organizations count too;
   names it tags PERSON that hold a place or body word ("Co Kildare", "Regal Lodge") or follow
   "in"/"at" ("arrested in Cali") do not.
2. Each person is a judge when any of its mentions follows a title ("Judge", "District Judge",
   "Magistrate Judge", "Justice", "Recorder", "District Judge (Magistrates' Courts)"; "Sheriff" only
   where the article names a sheriff court), is in apposition to "judge" or presides ("the court
   presided over by Mrs X"); a lawyer likewise
   ("barrister", "defence solicitor", "X KC", "X, defending,", "counsel was made up of X and Y"), and so are the others who speak
   about a case rather than take part in it (spokespeople, heads of groups, officials).
   Each person has a sex when the text says it: an honorific (Mr, Ms, Sir, Dame), a gendered word
   before it or in apposition ("spokeswoman", "the man"), else a given name the US census lists
   for one sex only or far more often; otherwise it is unknown.
3. A pronoun (he, him, his, she, her) resolves to the nearest preceding person within a few
   sentences whose sex, when known, agrees with it, skipping the subject of its own verb when it is that verb's object (binding); a
   subject pronoun first tries the subjects of its own and the previous sentence (centering).
   The caller may ask for a judge (an adjudicator), a party (not judge, not lawyer) or anyone.
4. A singular description of a person ("the migrant", "the Guatemalan man", "the former
   alderman") resolves to the article's protagonist: the party with the most mentions. A
   description of a judge ("the judge", "a federal judge") resolves to the nearest judge, and to
   the only judge of the article when no judge precedes it; "a judge" in the lead to the first
   judge named after it (news leads name the judge later), and elsewhere to no one (a new judge);
   "judge" prefers people titled Judge to Justices when the article has both.
   An indefinite description ("a Guatemalan migrant") resolves only in the lead, to the first party
   the article names after it (leads name the person later), or when the article names a single
   party; a pronoun with no name before it (a lead) goes to the protagonist. "the 38-year-old" is a
   description like "the man"; "his client" is the protagonist, whom the lawyer speaks for.

5. "it", "its" and descriptions of bodies ("the agency", "the group", "the board", "her office") resolve
   to the nearest named agency, court or organization of their kind (in the lead, the first named after
   them); "its" first to its own clause's subject ("The government dropped its appeal");
   "they" to the plural subject just before.

Anything else stays unresolved: a wrong name is worse than none.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache, partial
from pathlib import Path

import numpy as np
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span, Token

from .extensions import doc_text
from .line_breaks import dateline_words, heading

__all__ = ["Person", "PeopleWords", "Resolver", "PRONOUNS", "COUNTED_GROUPS", "GROUP_DESCRIPTIONS", "first_name_gender"]

PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                   "she": "female", "her": "female", "hers": "female", "herself": "female"}
_JUDGE_DESCRIPTIONS = {"judge", "justice", "magistrate"}
NEW_REFERENT = {"second", "third", "fourth", "fifth", "another", "other", "new", "different", "separate"}
_OBJECT_DEPS = {"dobj", "pobj", "dative", "iobj", "oprd"}
_PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside"}
MAX_SENTENCES_BACK = 4
_BODY_LABELS = {
    "agency": ("AGENCY",), "department": ("AGENCY",), "administration": ("AGENCY",), "government": ("AGENCY",),
    "office": ("AGENCY",), "group": ("ORGANIZATION",), "organization": ("ORGANIZATION",), "company": ("ORGANIZATION",),
    "firm": ("ORGANIZATION",), "coalition": ("ORGANIZATION",), "union": ("ORGANIZATION",), "board": ("AGENCY", "COURT"),
    "court": ("COURT",), "it": ("AGENCY", "COURT", "ORGANIZATION"), "its": ("AGENCY", "COURT", "ORGANIZATION"),
}
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,4}$")
# A census name counts for one sex when the other list lacks it or has it this many times less often,
# and when it is at least this frequent (per cent of people): the rare tail of the female list holds
# many names that are male or unisex elsewhere (Li, Yu, Jin, Min).
_NAME_RATIO = 10.0
_NAME_MIN_FREQUENCY = 0.005


@dataclass(frozen=True)
class PeopleWords:
    """The word lists that tell the article's people apart; the events stage gives them from its
    lexicon (models/events: nouns.json judge_titles, people.json the rest), so they stay data."""

    judge_titles: frozenset[str] = frozenset()
    court_bound_judge_titles: frozenset[str] = frozenset()  # a judge only where "<title> court" is named
    presiding_verbs: frozenset[str] = frozenset()            # "the court presided over by X"
    lawyer_titles: frozenset[str] = frozenset()
    lawyer_suffixes: frozenset[str] = frozenset()            # "Amy Lin KC"
    lawyer_participles: frozenset[str] = frozenset()         # "Amy Lin, defending, said"
    counsel_list_verbs: frozenset[str] = frozenset()         # "The defence counsel was made up of X and Y"
    client_nouns: frozenset[str] = frozenset()               # "his client": whom a lawyer speaks for
    counsel_nouns: frozenset[str] = frozenset()              # "Flett's lawyer, X": the noun naming whom X acts for
    non_person_name_words: frozenset[str] = frozenset()      # "Co Kildare", "Regal Lodge": a place taken for a name
    victim_nouns: frozenset[str] = frozenset()               # "the murder of X": X was harmed, no party
    victim_verbs: frozenset[str] = frozenset()               # "charged with stabbing X"
    byline_words: frozenset[str] = frozenset()               # "By Ann Lee and Tom Hart": the reporters
    official_nouns: frozenset[str] = frozenset()             # "the officer": acts for an agency, no party
    collective_nouns: frozenset[str] = frozenset()           # "the family": a group, no one party
    roster_verbs: frozenset[str] = frozenset()               # "The accused include A; B; and C": one group
    ranks: frozenset[str] = frozenset()                      # "spokesperson Captain X": read through to the role
    party_verbs: frozenset[str] = frozenset()                # "X, a director, was granted bail": a party whatever else
    relative_nouns: frozenset[str] = frozenset()             # "his wife": whom "His wife, X" names
    relative_groups: frozenset[str] = frozenset()            # "parents father mother": "his parents" are both
    male_honorifics: frozenset[str] = frozenset()
    female_honorifics: frozenset[str] = frozenset()
    male_words: frozenset[str] = frozenset()
    female_words: frozenset[str] = frozenset()

    def relations_in(self, plural: str) -> list[str]:
        """The relations a plural of relatives holds ("parents": father, mother), none for another word."""
        return next((entry.split()[1:] for entry in self.relative_groups if entry.split()[0] == plural), [])


@lru_cache(maxsize=1)
def _census_first_names() -> tuple[dict[str, float], dict[str, float]]:
    """Frequencies (per cent) of US census given names, male and female, from the `names` package."""
    import names

    folder = Path(names.__file__).parent

    def read(file: str) -> dict[str, float]:
        rows = (line.split() for line in (folder / file).read_text(encoding="utf-8").splitlines())
        return {row[0].lower(): float(row[1]) for row in rows if len(row) >= 2}

    return read("dist.male.first"), read("dist.female.first")


def first_name_gender(name: str) -> str | None:
    """"male" or "female" when the census lists the given name clearly for one sex, else None."""
    male, female = _census_first_names()
    m, f = male.get(name.lower(), 0.0), female.get(name.lower(), 0.0)
    if m >= _NAME_MIN_FREQUENCY and m >= _NAME_RATIO * f:
        return "male"
    if f >= _NAME_MIN_FREQUENCY and f >= _NAME_RATIO * m:
        return "female"
    return None


@dataclass
class Person:
    """One named person of the article: every mention of it and what the text says it is."""

    name: str
    mentions: list[Span] = field(default_factory=list)
    judge: bool = False
    lawyer: bool = False
    gender: str | None = None  # "male", "female" or None (unknown)
    titles: frozenset[str] = frozenset()  # the judge titles its mentions carry ("judge", "justice")
    bystander: bool = False  # only named as a crime's victim or in the byline

    @property
    def party(self) -> bool:
        return not self.judge and not self.lawyer and not self.bystander


COUNTED_GROUPS = {"pair": 2, "duo": 2, "couple": 2, "trio": 3, "quartet": 4}  # "the trio": three people
GROUP_DESCRIPTIONS = frozenset({"group", "accused", *COUNTED_GROUPS})  # singular nouns that describe several people
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "both": 2, **COUNTED_GROUPS}


def count_of(token: Token) -> int | None:
    """How many a description counts: "the three accused", "all five men", "both men", "the five"."""
    words = [token] if token.like_num or token.lower_ in COUNTED_GROUPS else []
    words += [c for c in token.children if c.dep_ in ("nummod", "det", "predet", "quantmod")]
    for word in words:
        if word.lower_ in NUMBER_WORDS:
            return NUMBER_WORDS[word.lower_]
        if word.text.isdigit() and 1 < int(word.text) < 20:
            return int(word.text)
    return None


def definite_group(token: Token) -> bool:
    """A group taken up, not introduced: "the three accused", "all five men", "both", "these men"."""
    return any(c.lower_ in ("the", "all", "both", "these", "those") for c in token.children
               if c.dep_ in ("det", "predet", "nummod"))


def _is_age(token: Token) -> bool:
    """"the 38-year-old", which the tokenizer splits into 38 - year - old: a person by their age."""
    doc, i = token.doc, token.i
    return token.lower_ == "old" and i >= 4 and doc[i - 1].text == "-" and doc[i - 2].lower_ in ("year", "years") \
        and doc[i - 3].text == "-" and doc[i - 4].like_num


def _tokens(span: Span) -> list[str]:
    return [t.lower_ for t in span if not t.is_punct or t.text == "."]


def _is_part_of(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return bool(short) and all(any(w == x for x in it) for w in short)


def _words_before(span: Span) -> list[str]:
    """Up to three words before the mention in its sentence, nearest first; a parenthesis between a
    title and the name is skipped ("District Judge (Magistrates' Courts) Lee")."""
    doc = span.doc
    sent_start = span.sent.start if len(span) and doc.has_annotation("SENT_START") else 0
    end = span.start
    if end - 1 >= sent_start and doc[end - 1].text == ")":
        opening = next((i for i in range(end - 2, max(sent_start, end - 8) - 1, -1) if doc[i].text == "("), None)
        end = opening if opening is not None else end
    return [t.lower_ for t in reversed(doc[max(sent_start, end - 3):end]) if not t.is_punct]


def _role_words(span: Span, ranks: frozenset[str] = frozenset()) -> list[str]:
    """The words that can say what a mention's person is: the word before it (and the one before that
    across a rank: "spokesperson Captain X"), the first word of a longer mention, its role, and the words
    it stands in apposition with ("Tom Grey, counsel for ...")."""
    before = _words_before(span)
    doc, start = span.doc, span.start
    across_rank = bool(before) and before[0] in ranks and start >= 2 and doc[start - 1].lower_ == before[0] \
        and not doc[start - 2].is_punct  # not "Minister of Justice, Mr. X"
    found = before[:2 if across_rank else 1] + (span.text.lower().split()[:1] if len(span) > 1 else [])  # "Judge" alone
    role = str(span._.role or "").lower().split() if Span.has_extension("role") else []
    found += role[-1:]
    root = span.root
    for tok in [root.head, *root.children]:
        if tok.dep_ == "appos" or root.dep_ == "appos":
            found.append(tok.lemma_.lower())
    return found


def _title_before(span: Span, titles: set[str] | frozenset[str],
                  role_words: Callable[[Span], list[str]] = _role_words) -> bool:
    return any(word in titles for word in role_words(span))


def _counsel_after(span: Span, words: PeopleWords) -> bool:
    """A counsel's rank or the Commonwealth counsel tag after the name: "Amy Lin KC", "Amy Lin, defending, said"."""
    doc = span.doc
    if len(span) > 1 and span[-1].text.isupper() and span[-1].lower_ in words.lawyer_suffixes:
        return True
    after = doc[span.end:span.end + 3]
    if len(after) and after[0].text.isupper() and after[0].lower_ in words.lawyer_suffixes:
        return True
    if len(after) == 3 and after[0].text == "," and after[1].lower_ in words.lawyer_participles and after[2].is_punct:
        return True
    before = doc[max(span.sent.start, span.start - 2):span.start]  # "Prosecuting, Emma Coulthard told the court"
    return len(before) == 2 and before[1].text == "," and before[0].lower_ in words.lawyer_participles \
        and before[0].i == span.sent.start


_SPEAKS_FOR = {"with": ("AGENCY", "ORGANIZATION", "COURT"), "for": ("AGENCY",), "of": ("AGENCY",), "from": ("AGENCY",)}


def _speaks_for_body(span: Span) -> bool:
    """Named as working for a public body: "said Chris Hansen with the Public Prosecution Service",
    "Tom Reid of the FBI"; someone such a story quotes, not its party."""
    for prep in span.root.children:
        bodies = _SPEAKS_FOR.get(prep.lower_) if prep.dep_ == "prep" else None
        if bodies and any(o.ent_type_ in bodies for o in prep.children if o.dep_ == "pobj"):
            return True
    return False


def _undergoes(span: Span, words: PeopleWords) -> bool:
    """The mention is whom a court or police action is done to, or who pleads or appears ("His wife, X, a
    director of the company, was granted bail", "Constable X was charged"): a party, whatever its titles."""
    tok = span.root
    for _ in range(4):
        if tok.dep_ not in ("appos", "conj") or tok.head.i == tok.i:
            break
        tok = tok.head
    verb = tok.head
    if verb.lemma_.lower() not in words.party_verbs:
        return False
    if tok.dep_ == "nsubj":  # not counsel who "appeared for the State"
        return verb.lemma_.lower() in ("plead", "appear") and not any(
            c.dep_ == "prep" and c.lower_ in ("for", "on") for c in verb.children)
    return tok.dep_ in ("nsubjpass", "dobj")


def _in_counsel_list(span: Span, words: PeopleWords) -> bool:
    """A member of a list of counsel: "The defence counsel was made up of Mr X and Miss Y", "Counsel
    for Z comprised X and Y" (the subject is a lawyer noun, the verb one that lists members). The list
    is read through conjuncts, appositions and a name modifying a noun ("Mr X leader, Mr Y and Miss Z")."""
    tok = span.root
    while tok.dep_ in ("conj", "appos", "compound") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ == "pobj" and tok.head.lower_ == "of":
        verb = tok.head.head
        verb = verb.head if verb.dep_ == "prt" else verb
    elif tok.dep_ == "dobj":
        verb = tok.head
    else:
        return False
    if verb.lemma_.lower() not in words.counsel_list_verbs:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lemma_.lower() in words.lawyer_titles


def _victim(span: Span, words: PeopleWords) -> bool:
    """Named as the one a crime was done to: "the murder of X", "an assault on X", "charged with stabbing X",
    also in apposition ("the killing of his brother, X"), however the parser attaches the apposition."""
    root = span.root
    while root.dep_ == "appos" and root.head.i != root.i:
        root = root.head
    if _harmed(root, words):
        return True
    doc = span.doc
    before = doc[span.start - 2] if span.start >= 2 and doc[span.start - 1].text == "," else None
    return before is not None and before.pos_ == "NOUN" and _harmed(before, words)


def _in_quotation(span: Span) -> bool:
    """Inside a quotation of its sentence ("'Mr. Agyemang drove strangers home,' the prosecutor said")."""
    before = span.doc[span.sent.start:span.start].text
    return before.count('"') % 2 == 1 or before.rfind("\u201c") > before.rfind("\u201d")


def _harmed(root: Token, words: PeopleWords) -> bool:
    if root.dep_ == "pobj" and root.head.lower_ in ("of", "on", "against") \
            and root.head.head.lemma_.lower() in words.victim_nouns:
        return True
    return root.dep_ in ("dobj", "nsubjpass") and root.head.lemma_.lower() in words.victim_verbs  # "X was shot"


def _byline_names(doc: Doc, persons: list[Span], words: PeopleWords) -> set[int]:
    """The first tokens of PERSON mentions on a line of their own that holds only names and byline words
    ("By Ann Lee", "Liam Hart"), below the first line (a story's first line is its headline or lead)."""
    text = doc_text(doc)
    found: set[int] = set()
    for line_start, line_end in {_line_around(text, e.start_char, e.end_char) for e in persons}:
        line = doc.char_span(line_start, line_end, alignment_mode="expand")
        if line is None or line.start == 0 or len(line) > 12:
            continue
        names = [e for e in persons if line.start <= e.start < line.end]
        tokens = {t.i for e in names for t in e}
        if all(t.i in tokens or t.lower_ in words.byline_words or t.is_punct or t.is_space for t in line):
            found.update(e.start for e in names)
    return found


def _line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The character offsets of the line holding text[start:end]."""
    line_end = text.find("\n", end)
    return text.rfind("\n", 0, start) + 1, len(text) if line_end < 0 else line_end


def _subject_mention(mention: Span) -> bool:
    """A clause's subject, or the name in apposition to one ("A second man, Jerome Pittman, 31, pleaded")."""
    root = mention.root
    return root.dep_ in ("nsubj", "nsubjpass") or root.dep_ == "appos" and root.head.dep_ in ("nsubj", "nsubjpass")


def _dateline_only(words: list[Token]) -> bool:
    """A sentence the parser cut off the lead that is only its dateline: "NOGALES, Ariz. —", "PENANG:",
    "LAGOS, Nigeria (West Africa Wire) —", "SIMCOE"."""
    if len(words) > 12 or not dateline_words(words):
        return False
    return words[-1].text in ("—", "–", "-", "--", ":") or all(t.is_upper or t.is_punct for t in words)


def _presides(span: Span, words: PeopleWords) -> bool:
    """The agent of "presided over by Mrs X": how Commonwealth courts name the magistrate or judge."""
    tok = span.root
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    by = tok.head
    return (tok.dep_ == "pobj" and by.lower_ == "by" and by.dep_ == "agent"
            and by.head.lemma_.lower() in words.presiding_verbs)


def _judge_titles(doc: Doc, words: PeopleWords) -> frozenset[str]:
    """The judge titles of this article: "Sheriff" is a judge only where a sheriff court sits (Scotland);
    elsewhere a sheriff is a police officer."""
    text = doc_text(doc).lower()
    bound = {t for t in words.court_bound_judge_titles if f"{t} court" in text}
    return words.judge_titles | bound


def _mention_gender(span: Span, words: PeopleWords, role_words: Callable[[Span], list[str]] = _role_words) -> str | None:
    """The sex an honorific ("Ms", "Mr Justice") or a gendered word ("spokeswoman", "the man") gives a mention."""
    before = _words_before(span)
    titles = words.judge_titles | words.lawyer_titles
    honorifics = span.text.lower().split()[:1] + before[:1] + (before[1:2] if before[:1] and before[0] in titles else [])
    cues = honorifics + role_words(span)
    male = any(w in words.male_honorifics for w in honorifics) or any(w in words.male_words for w in cues)
    female = any(w in words.female_honorifics for w in honorifics) or any(w in words.female_words for w in cues)
    return "male" if male and not female else "female" if female and not male else None


def _given_name(name: str, words: PeopleWords) -> str | None:
    """The first word of a full name that is neither a title nor an initial; None for a bare surname."""
    tokens = [w for w in name.split() if w.strip(".").lower() not in words.male_honorifics | words.female_honorifics
              and w.lower() not in words.judge_titles | words.lawyer_titles]
    if len(tokens) < 2 or "." in tokens[0] or not tokens[0].isalpha():
        return None
    return tokens[0]


def _person_gender(person: Person, words: PeopleWords,
                   role_words: Callable[[Span], list[str]] = _role_words) -> str | None:
    """The sex what the text says gives; the given name only when the text says nothing, and
    contradicting cues leave it unknown."""
    said = {g for g in (_mention_gender(m, words, role_words) for m in person.mentions) if g}
    if len(said) == 1:
        return said.pop()
    if said:
        return None
    given = _given_name(person.name, words)
    return first_name_gender(given) if given else None


class _PerSpan:
    """A function of a span's tokens, computed once per (start, end) of one Doc."""

    def __init__(self, function: Callable[[Span], list[str]]):
        self.function = function
        self.memo: dict[tuple[int, int], list[str]] = {}

    def __call__(self, span: Span) -> list[str]:
        key = (span.start, span.end)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self.function(span)
        return found


def _someones(noun: Token) -> bool:
    """A relation said of someone: "his father", also "(his father, A, 61, and) mother", which shares it."""
    for _ in range(4):
        if any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in noun.children):
            return True
        if noun.dep_ not in ("conj", "appos") or noun.head.i == noun.i:
            return False
        noun = noun.head
    return False


def _agrees(person: Person, gender: str | None) -> bool:
    """A pronoun of one sex never stands for a person known to be of the other; unknown agrees with both."""
    return gender is None or person.gender is None or person.gender == gender


class Resolver:
    """Who a pronoun or description in one Doc stands for; built once per Doc by the events stage."""

    def __init__(self, doc: Doc, person_nouns: set[str] | None = None, words: PeopleWords | None = None):
        self.doc = doc
        self.person_nouns = person_nouns or set()
        self.words = words or PeopleWords()
        self.people: list[Person] = []
        self.person_of: dict[tuple[int, int], Person] = {}
        self.victim_mentions: set[int] = set()  # starts of mentions naming a crime's victim ("the murder of X")
        starts = doc.to_array(SENT_START) if len(doc) else np.zeros(0, dtype=np.int32)
        self.sent_index = dict(enumerate((np.cumsum(starts == 1) - 1).clip(0).tolist()))
        self.ents = doc.ents
        ranks = self.words.ranks | self.words.male_honorifics | self.words.female_honorifics
        tokens, role_words = _PerSpan(_tokens), _PerSpan(partial(_role_words, ranks=ranks))  # each read many times
        persons = [e for e in self.ents if e.label_ == "PERSON" and len(e)]
        # a place or a body the model calls a person ("Co Kildare", "Parti Pribumi Bersatu" and its "Bersatu")
        not_people = [tokens(e) for e in persons if any(t.lower_ in self.words.non_person_name_words for t in e)]
        named = [e for e in persons
                 if not all(t.lower_ in self.words.lawyer_suffixes for t in e)  # a stray "KC" names no one
                 and not any(_is_part_of(tokens(e), other) for other in not_people)
                 and not (e.root.dep_ == "pobj" and e.root.head.lower_ in _PLACE_PREPOSITIONS)]  # "arrested in Cali"
        names = [tokens(e) for e in named]
        mentions = named + [e for e in self.ents if e.label_ in ("ORGANIZATION", "ORG") and len(e) and (
            _INITIALS.match(e.text) or any(_is_part_of(tokens(e), n) for n in names))]
        names_of: dict[int, set[str]] = {}
        for ent in sorted(mentions, key=lambda e: (-len(tokens(e)), e.label_ != "PERSON")):
            words = tokens(ent)
            canonical = ent._.canonical or ent.text  # "Rasta" after "Adam Guloba, alias": that person
            person = next((p for p in self.people if canonical in names_of[id(p)]
                           or any(_is_part_of(words, tokens(m)) for m in p.mentions)), None)
            if person is None:
                named_for = ent.label_ == "PERSON" and ent._.rule in ("alias", "shared_surname")
                person = Person(name=canonical if named_for else ent.text)
                names_of[id(person)] = {person.name}
                self.people.append(person)
            names_of[id(person)].add(canonical)
            person.mentions.append(ent)
            self.person_of[(ent.start, ent.end)] = person
        self._join_split_names()
        judge_titles = _judge_titles(doc, self.words)
        bylines = _byline_names(doc, named, self.words) if "\n" in doc_text(doc) else set()
        for person in self.people:
            person.mentions.sort(key=lambda e: e.start)
            person.titles = frozenset(w for m in person.mentions for w in role_words(m) if w in judge_titles)
            person.judge = bool(person.titles) or any(_presides(m, self.words) for m in person.mentions)
        judge_roots = {m.root.i for p in self.people if p.judge for m in p.mentions
                       if any(w.endswith("s") and w in judge_titles for w in role_words(m))}
        for person in sorted(self.people, key=lambda p: p.mentions[0].start):  # "Justices A, B and C": the list
            if not person.judge and any(m.root.dep_ == "conj" and m.root.head.i in judge_roots for m in person.mentions):
                person.judge = True  # shares the title
                judge_roots |= {m.root.i for m in person.mentions}
        for person in self.people:
            person.lawyer = not person.judge and not any(_undergoes(m, self.words) for m in person.mentions) and any(
                _title_before(m, self.words.lawyer_titles, role_words) or _counsel_after(m, self.words)
                or _speaks_for_body(m)
                or _in_counsel_list(m, self.words) for m in person.mentions)
            person.gender = _person_gender(person, self.words, role_words)
            harmed = {m.start for m in person.mentions if _victim(m, self.words)}
            self.victim_mentions |= harmed
            person.bystander = all(m.start in harmed or m.start in bylines or self._parent_named(m)
                                   for m in person.mentions) or bool(harmed) \
                and all(m.start in harmed or m.root.dep_ == "poss" or _in_quotation(m) for m in person.mentions)
        victims = [p for p in self.people if p.bystander and any(m.start in self.victim_mentions for m in p.mentions)]
        for person in self.people:  # "the driver's widow, X", "the victim's father, Y": a bereaved, not a party
            if person.party and any(self._kin_of(m, victims) for m in person.mentions) \
                    and not any(_undergoes(m, self.words) for m in person.mentions):
                person.bystander = True

    def _join_split_names(self) -> None:
        """Two person mentions with nothing between them are one name the model split ("Muhammad Waheed"
        "Khan"): one person, named as written whole."""
        spans = {(m.start, m.end): m for person in self.people for m in person.mentions if m.label_ == "PERSON"}
        by_end = {key[1]: key for key in spans}
        for key in sorted(spans):
            left = by_end.get(key[0])
            first, second = (self.person_of[left], self.person_of[key]) if left is not None else (None, None)
            if first is None or first is second or any(
                    span._.canonical not in (None, span.text) for span in (spans[left], spans[key])):
                continue  # "convicted Judge [Declan Judge's surname] ..., Judge Ruth Carey said": a re-mention
            keep, drop = (first, second) if len(first.name) >= len(second.name) else (second, first)
            keep.name = self.doc[left[0]:key[1]].text  # "Muhammad Waheed" "Khan": "Muhammad Waheed Khan"
            for mention in drop.mentions:
                self.person_of[(mention.start, mention.end)] = keep
            keep.mentions.extend(drop.mentions)
            self.people.remove(drop)

    def person(self, ent: Span) -> Person | None:
        return self.person_of.get((ent.start, ent.end))

    def protagonist(self) -> Person | None:
        """The party named most often (ties: the one named first)."""
        parties = [p for p in self.people if p.party]
        if not parties:
            return None
        return max(parties, key=lambda p: (len(p.mentions), -p.mentions[0].start))

    def _represented(self, client: Token) -> Person | None:
        """The party the lawyer of `client`'s sentence acts for: "Flett's lawyer, X, said his client", "Counsel for
        Owusu, Y, said his client", "X, who represents Z, said her client"."""
        counsel = self.words.counsel_nouns
        for noun in (t for t in client.sent if t.i < client.i and t.lemma_.lower() in counsel):
            for c in noun.children:
                whom = c if c.dep_ == "poss" else next((g for g in c.children if g.dep_ == "pobj"), None) \
                    if c.dep_ == "prep" and c.lower_ in ("for", "of") else None
                person = self._person_at(whom) if whom is not None else None
                if person is not None and person.party:
                    return person
        for verb in (t for t in client.sent if t.i < client.i and t.lemma_ == "represent" and t.dep_ == "relcl"):
            person = self._person_at(next((c for c in verb.children if c.dep_ == "dobj"), None))
            if person is not None and person.party:
                return person
        return None

    def _person_at(self, token: Token | None) -> Person | None:
        """The person whose mention holds `token`."""
        if token is None:
            return None
        return next((p for (start, end), p in self.person_of.items() if start <= token.i < end), None)

    def only_judge(self) -> Person | None:
        """The story's judge when it names exactly one."""
        judges = [p for p in self.people if p.judge]
        return judges[0] if len(judges) == 1 else None

    def dominant(self) -> Person | None:
        """The protagonist when the article is clearly about one party: named at least three times and
        at least twice as often as any other party (what unattributed nominals like "the trial" are about)."""
        parties = sorted((p for p in self.people if p.party), key=lambda p: -len(p.mentions))
        if not parties or len(parties[0].mentions) < 3:
            return None
        if len(parties) > 1 and len(parties[0].mentions) < 2 * len(parties[1].mentions):
            return None
        return parties[0]

    def resolve(self, token: Token, prefer: str = "party") -> tuple[Span, Person] | None:
        """The mention and person `token` (a pronoun, or the head of a description) stands for."""
        lower = token.lower_
        if lower in PRONOUNS:
            return self._pronoun(token, prefer)
        lemma = token.lemma_.lower()
        if lemma in _JUDGE_DESCRIPTIONS and token.tag_ != "NNS":
            return self._judge_description(token)
        if lemma in self.words.client_nouns and any(c.dep_ == "poss" for c in token.children):
            person = self._represented(token) or self.protagonist()  # "his client would appeal": whom he speaks for
            return (self._nearest_mention(person, token), person) if person is not None else None
        if lemma in self.words.relative_nouns and any(c.dep_ == "poss" for c in token.children):
            named = self.relatives.get(lemma, [])  # "his wife would appear": the one "His wife, X" names
            return (self._nearest_mention(named[0], token), named[0]) if len(named) == 1 else None
        if lemma in self.words.collective_nouns:
            return None
        if lemma in self.words.official_nouns and not (
                self.in_lead(token) and any(c.lower_ in ("a", "an") for c in token.children if c.dep_ == "det")):
            return None  # "the officer who scheduled the removal", "the spokesman": not the story's party
        if (self._person_noun(token) or token.tag_ == "NN" and lemma in self.described) and self._definite_or_lead(token):
            described = [p for p in self.described.get(lemma, []) if p.party]
            if len(described) == 1 and not any(token.i in range(m.start, m.end) for m in described[0].mentions):
                return self._nearest_mention(described[0], token), described[0]  # "a bank teller": "The teller, X"
            indefinite = any(c.lower_ in ("a", "an") for c in token.children if c.dep_ == "det") \
                or self.in_headline(token)
            if indefinite and self.in_lead(token):
                gender = self._noun_gender(token)  # "a middle-aged man" is not the officer "Ann Kitenge"
                after = [(m, p) for key, p in self.person_of.items() if p.party and _agrees(p, gender)
                         and key[0] not in self.victim_mentions  # "a man ... over the murder of X": not X
                         and not self._is_kin(p)  # "his father, X": not the man the lead describes
                         for m in [self.doc[key[0]:key[1]]] if m.start > token.i]
                if after:
                    return min(after, key=lambda pair: pair[0].start)
            person = self.protagonist()
            if person is not None and _agrees(person, self._noun_gender(token)) and self._named_by(person, token) \
                    and not self._is_kin(person):
                return self._nearest_mention(person, token), person
        return None

    @cached_property
    def relatives(self) -> dict[str, list[Person]]:
        """relation noun -> the people the story names in apposition to it ("His wife, Nomvula Mthembu";
        "Kamla Devi, his mother")."""
        return {lemma: people for lemma, people in self.described.items() if lemma in self.words.relative_nouns}

    @cached_property
    def kin(self) -> dict[str, list[Person]]:
        """relation -> the people named as a relative of someone a pronoun stands for ("his father, X"; "X,
        her husband"), not of a named person ("Divya's father, Y")."""
        found: dict[str, list[Person]] = {}
        for (start, end), person in self.person_of.items():
            for noun in self.appositions(self.doc[start:end].root):
                lemma = noun.lemma_.lower()
                if lemma in self.words.relative_nouns and _someones(noun) and person not in found.setdefault(lemma, []):
                    found[lemma].append(person)
        return found

    def _parent_named(self, mention: Span) -> bool:
        """Named only to say whose child someone is ("X, 41, son of Harnam Singh", "daughter of Y")."""
        root = mention.root
        relation = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
        return relation is not None and relation.lemma_.lower() in self.words.relative_nouns \
            and not any(c.dep_ in ("det", "poss") for c in relation.children)

    def _kin_of(self, mention: Span, victims: list[Person]) -> bool:
        """Whether a mention names a relative of a crime's victim: "Agyemang's widow, X", "the victim's father, Y"."""
        for noun in self.appositions(mention.root):
            if noun.lemma_.lower() not in self.words.relative_nouns and noun.lower_ not in ("widow", "widower"):
                continue
            whose = next((c for c in noun.children if c.dep_ == "poss"), None)
            if whose is not None and (whose.lemma_.lower() in ("victim", *self.words.victim_nouns)
                                      or any(m.start <= whose.i < m.end for v in victims for m in v.mentions)):
                return True
        return False

    def _is_kin(self, person: Person) -> bool:
        return any(person in people for people in self.kin.values())

    @staticmethod
    def appositions(root: Token) -> list[Token]:
        """The nouns a name stands in apposition to, also "mother, B" that the parser joins as a conjunct."""
        start = root.left_edge.i
        written = root.dep_ == "conj" and root.head.tag_ == "NN" and start >= 2 and root.head.i == start - 2 \
            and root.doc[start - 1].text == ","
        return ([root.head] if root.dep_ == "appos" or written else []) + [c for c in root.children if c.dep_ == "appos"]

    @cached_property
    def described(self) -> dict[str, list[Person]]:
        """person noun -> the people the story names in apposition to it ("The teller, Tamara Greaves";
        "Paul Desrosiers, 51, a used-car dealer"; "His wife, Nomvula Mthembu")."""
        found: dict[str, list[Person]] = {}
        for (start, end), person in self.person_of.items():
            for noun in self.appositions(self.doc[start:end].root):
                lemma = noun.lemma_.lower()
                if any(c.lower_ in NEW_REFERENT for c in noun.children if c.dep_ in ("amod", "det")) \
                        or lemma in self.words.official_nouns:
                    continue  # "A second man charged, X": not the man of the lead; "an officer, X": no party
                if (lemma in self.words.relative_nouns or noun.tag_ == "NN" and noun.ent_type_ == "") \
                        and person not in found.setdefault(lemma, []):  # the apposition says it is a person
                    found[lemma].append(person)
        return found

    def _named_by(self, person: Person, token: Token) -> bool:
        """Named before `token` or in its sentence ("the woman, identified as J.R.M."), or the party the
        lead introduces ("A Jamaican man ..."), or `token` is in the headline or lead: news names its
        protagonist late, but otherwise a pronoun or description looks back, and the only party named
        after it ("the 2004 case of X") is someone else."""
        first = person.mentions[0]
        return self.in_lead(token) or first.start < token.i or person is self.lead_party \
            or self.sent_index.get(first.start) == self.sent_index.get(token.i)

    @cached_property
    def lead_party(self) -> Person | None:
        """The party an indefinite person description in the lead stands for: the first named after it."""
        for token in self.doc:
            if self.sent_index.get(token.i, 99) > self.lead_index:
                return None
            if self._person_noun(token) and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
                after = [(m.start, p) for p in self.people if p.party for m in p.mentions
                         if m.start > token.i and m.start not in self.victim_mentions]
                return min(after, key=lambda pair: pair[0])[1] if after else None
        return None

    def _person_noun(self, token: Token) -> bool:
        """A singular noun of a person, also an adjective or participle used as one ("the accused",
        tagged VBN; "a Mexican national" as the object, tagged JJ), and an age ("the 38-year-old")."""
        if _is_age(token):
            return True
        if token.tag_ in ("NN", "NNP"):
            return token.lemma_.lower() in self.person_nouns or token.lower_ in self.person_nouns
        return token.tag_ in ("VBN", "JJ") and token.lower_ in self.person_nouns and (
            any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
            or token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "appos"))

    def _noun_gender(self, token: Token) -> str | None:
        """The sex a person noun gives ("man", "mother"), else None."""
        lemma = token.lemma_.lower()
        return "male" if lemma in self.words.male_words else "female" if lemma in self.words.female_words else None

    def _people_noun(self, token: Token) -> bool:
        """"the suspects", "three students", "Nigerians": a plural that names people, not "all reasonable doubts"."""
        return token.lemma_.lower() in self.person_nouns or token.lower_ in self.person_nouns \
            or token.ent_type_ in ("PERSON", "NORP") or token.tag_ == "NNPS"

    def _definite_or_lead(self, token: Token) -> bool:
        if any(c.lower_ in NEW_REFERENT for c in token.children if c.dep_ in ("amod", "det")):
            return False  # "a second man", "another defendant": someone other than those named
        if any(c.lower_ in ("all", "both", "each") for c in token.children if c.dep_ in ("predet", "det", "amod")):
            return False  # "all the accused": a group, no one person
        dets = [c.lower_ for c in token.children if c.dep_ in ("det", "poss")]
        if any(d in ("the", "this", "that") for d in dets):
            return True
        if any(d in ("a", "an") for d in dets):
            return self.in_lead(token) or len([p for p in self.people if p.party]) == 1
        return not dets and self.in_headline(token)

    def in_lead(self, token: Token) -> bool:
        """In the article's lead: its first sentence, after any headline or subheading above it and a
        sentence that is only a dateline ("NOGALES, Ariz. —"); the headline counts as lead."""
        return self.sent_index.get(token.i, 99) <= self.lead_index

    @cached_property
    def lead_index(self) -> int:
        """The index of the lead sentence: the first that is neither a heading nor only a dateline."""
        for index, sent in enumerate(self.doc.sents):
            words = [t for t in sent if not t.is_space]
            if words and not heading(sent) and not _dateline_only(words):
                return index
        return 0

    def in_headline(self, token: Token) -> bool:
        """In a heading above the lead, where nouns go without articles ("Briton jailed for contempt")."""
        return self.sent_index.get(token.i, 99) < self.lead_index and heading(token.sent)

    def _candidates(self, token: Token) -> list[tuple[Span, Person]]:
        here = self.sent_index.get(token.i, 0)
        found = []
        for ent_key, person in self.person_of.items():
            start, end = ent_key
            if end <= token.i and here - self.sent_index.get(start, 0) <= MAX_SENTENCES_BACK:
                found.append((self.doc[start:end], person))
        found.sort(key=lambda pair: -pair[0].start)
        return found

    def _pronoun(self, token: Token, prefer: str) -> tuple[Span, Person] | None:
        if token.dep_ == "poss":  # "He has been held since his arrest": his is the clause's he
            gender = _PRONOUN_GENDER.get(token.lower_)
            subject = next((t for t in token.sent if t.i < token.i and t.dep_ in ("nsubj", "nsubjpass")
                            and t.lower_ in PRONOUNS and _PRONOUN_GENDER.get(t.lower_) == gender), None)
            if subject is not None:
                return self._pronoun(subject, prefer)
        blocked = set()
        if token.dep_ in _OBJECT_DEPS:
            verb = token.head if token.dep_ != "pobj" else token.head.head
            blocked = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")}
        gender = _PRONOUN_GENDER.get(token.lower_)
        candidates = [(m, p) for m, p in self._candidates(token) if not blocked.intersection(range(m.start, m.end))
                      and _agrees(p, gender) and not self._relative_beside(m, token, gender)]

        if token.dep_ in ("nsubj", "nsubjpass"):
            here = self.sent_index.get(token.i, 0)
            subjects = [(m, p) for m, p in candidates if _subject_mention(m)
                        and here - self.sent_index.get(m.start, 0) <= 1]
            candidates = subjects + [c for c in candidates if c not in subjects]
        if prefer == "any":
            return candidates[0] if candidates else None
        if prefer == "judge":
            chosen = next(((m, p) for m, p in candidates if p.judge), None)
            judges = [p for p in self.people if p.judge]
            if chosen is None and len(judges) == 1 and _agrees(judges[0], gender):
                chosen = self._nearest_mention(judges[0], token), judges[0]
        else:
            chosen = next(((m, p) for m, p in candidates if p.party), None)
        if chosen is None and prefer != "judge" and not candidates:
            person = self.protagonist()
            if person is not None and _agrees(person, gender) and self._named_by(person, token):
                chosen = self._nearest_mention(person, token), person
        return chosen

    def _relative_beside(self, mention: Span, token: Token, gender: str | None) -> bool:
        """Whether `mention` names, in the pronoun's own sentence, the relative of someone a pronoun of the
        same gender stands for ("His brother, X, posted the money, but the jail did not release him": him is
        whom "His" is), unless the pronoun is said inside X's own clause ("His brother, X, said police beat
        him")."""
        if gender is None or mention.sent.start != token.sent.start or token.i < mention.start:
            return False
        nouns = self.appositions(mention.root)
        if not any(noun.lemma_.lower() in self.words.relative_nouns and any(
                c.dep_ == "poss" and _PRONOUN_GENDER.get(c.lower_) == gender for c in noun.children) for noun in nouns):
            return False
        named = {mention.root.i, *(n.i for n in nouns)}
        verb = token.head
        while True:  # the clauses the pronoun is said in, up to a coordinated one ("..., but the jail ...")
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.i in named for c in verb.children):
                return False
            if verb.dep_ in ("conj", "ROOT") or verb.head.i == verb.i:
                return True
            verb = verb.head

    def _judge_description(self, token: Token) -> tuple[Span, Person] | None:
        """"the judge": the nearest judge before it, else the article's only judge. "A judge" brings in a
        new one ("An immigration judge had denied bond"), except in the lead, where it is the first judge
        the article names after it."""
        kind = token.lemma_.lower()
        judges = [p for p in self.people if p.judge]
        # "a federal judge" beside "Justice X" and "Judge Y" is Y; where all are "Justice X", any of them
        same_kind = [p for p in judges if kind in p.titles or kind == "magistrate" and "judge" in p.titles]
        judges = same_kind or judges
        if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children):
            if not self.in_lead(token):
                return None
            after = [(m, p) for p in judges for m in p.mentions if m.start > token.i]
            return min(after, key=lambda pair: pair[0].start) if after else None
        before = [(m, p) for m, p in self._candidates(token) if p in judges]
        if before:
            return before[0]
        if len(judges) == 1:
            return self._nearest_mention(judges[0], token), judges[0]
        return None

    def resolve_pair(self, token: Token) -> list[tuple[Span, Person]]:
        """The people a plural "they" stands for when this or the previous sentence names them joined
        by "and" ("convicted Myrna Torres and Manuel Tabalada ... They were both sentenced")."""
        if token.lower_ not in ("they", "them", "their"):
            return []
        here = self.sent_index.get(token.i, 0)
        for back in (0, 1):
            groups = []
            for (start, end), person in sorted(self.person_of.items(), key=lambda kv: -kv[0][0]):
                if end > token.i or here - self.sent_index.get(start, 0) != back:
                    continue
                root = self.doc[start:end].root
                # "X and municipal treasurer Y": the parser makes Y a conjunct, or the apposition of X
                joined = [c for c in root.children if c.dep_ in ("conj", "appos")]
                partners = [(self.doc[k[0]:k[1]], p) for k, p in self.person_of.items()
                            if any(c.left_edge.i <= k[0] and k[1] - 1 <= c.right_edge.i for c in joined)]
                if partners and not person.judge and not any(p.judge for _, p in partners):
                    groups.append([(self.doc[start:end], person), *partners])
            if groups:  # the whole list the pair stands in: "A, 55, and contractors B, 41, and C"
                return self.group_around(groups[0][0][0].root) or groups[0]
        return []

    @cached_property
    def named_groups(self) -> list[tuple[int, list[tuple[Span, Person]]]]:
        """Parties the story names together ("Kieran Doyle, Tyrese Mensah and Aaron Pike"; "The men, A, B and
        C"): (sentence index, members in order), one entry per list of two or more different parties."""
        groups = []
        by_root = {self.doc[start:end].root.i: (start, end) for start, end in self.person_of}
        for (start, end), person in sorted(self.person_of.items()):
            root = self.doc[start:end].root
            if root.dep_ in ("conj", "appos") and root.head.i in by_root or not person.party:
                continue  # a later member of a list
            if root.dep_ == "pobj" and root.head.lower_ == "of":
                continue  # "wife of the playwright X, Y and Z": whose list it is, the parse cannot tell
            members = [(self.doc[start:end], person)]
            stack = [root]
            while stack:  # "A, 29, B, 24, and C": the parser joins names by conj, or by appos after an age
                for child in (c for c in stack.pop().children if c.dep_ in ("conj", "appos")):
                    key = by_root.get(child.i)
                    if key is None:
                        if child.dep_ == "conj":
                            stack.append(child)
                        continue
                    stack.append(child)
                    other = self.person_of[key]
                    if other.party and other not in [p for _, p in members]:
                        members.append((self.doc[key[0]:key[1]], other))
            if len(members) >= 2:
                groups.append((self.sent_index.get(start, 0), sorted(members, key=lambda pair: pair[0].start)))

        def within(inner: list[tuple[Span, Person]], outer: list[tuple[Span, Person]]) -> bool:
            return outer[0][0].start <= inner[0][0].start and inner[-1][0].end <= outer[-1][0].end

        lists = self._rosters()
        for written in self.written_lists:  # unless a roster or a longer parsed list spans it ("B, alias C; and D")
            if not any(within(written[1], other)
                       for _, other in [*lists, *(g for g in groups if len(g[1]) > len(written[1]))]):
                lists.append(written)
        return sorted(lists + [(i, members) for i, members in groups
                               if not any(within(members, other) for _, other in lists)],
                      key=lambda group: group[1][0][0].start)

    @cached_property
    def written_lists(self) -> list[tuple[int, list[tuple[Span, Person]]]]:
        """Parties written as one list whatever the parse made of it: "A, 27, of Leeds, B, 24, and C", "his
        nephew A and his secretary B", "His cousin, A, 33, and a car dealer, B": names with only commas, "and",
        ages, home towns and descriptions between them, the last joined by "and"."""
        mentions = sorted(((self.doc[start:end], person) for (start, end), person in self.person_of.items()
                           if self.doc[start].ent_type_ == "PERSON" and person.party and start not in self.victim_mentions),
                          key=lambda pair: pair[0].start)
        lists, run = [], []
        for mention, person in mentions:
            if run and (self.sent_index.get(run[-1][0].start) != self.sent_index.get(mention.start)
                        or any(person is p for _, p in run) or not self._list_gap(run[-1][0], mention)):
                if len(run) >= 2:
                    lists.append(run)
                run = []
            run.append((mention, person))
        if len(run) >= 2:
            lists.append(run)
        return [(self.sent_index.get(run[0][0].start, 0), run) for run in lists
                if any(t.lower_ == "and" for t in self.doc[run[-2][0].end:run[-1][0].start])]

    def _list_gap(self, left: Span, right: Span) -> bool:
        """Whether the words between two names only separate items of one list (", 27, of Leeds, and a
        car dealer,"), not a verb, a preposition that ties the names ("the wife of B") or a possessive."""
        gap = self.doc[left.end:right.start]
        if not 0 < len(gap) <= 14 or not any(t.text in (",", ";") or t.lower_ == "and" for t in gap):
            return False
        content = [t for t in gap if not t.is_punct]
        if content and content[-1].pos_ == "ADP" or any(t.tag_ == "POS" for t in gap):
            return False
        return all(t.is_punct or t.like_num or t.lower_ in ("and", "aged", "of", "from")
                   or t.ent_type_ == "PLACE" or t.pos_ in ("DET", "ADJ", "NOUN", "PROPN") or t.tag_ == "PRP$"
                   or t.dep_ == "amod"  # "a used-car dealer"
                   for t in gap)

    def _rosters(self) -> list[tuple[int, list[tuple[Span, Person]]]]:
        """The parties a roster sentence names ("The accused include A (19), a vendor; B, alias C (54); and D"),
        however the parser joins them: every party named after a roster verb whose subject is a plural of people."""
        rosters = []
        for verb in self.doc:
            if verb.lemma_.lower() not in self.words.roster_verbs or verb.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is None or not (subject.lower_ in GROUP_DESCRIPTIONS or subject.lemma_.lower() in GROUP_DESCRIPTIONS
                                       or subject.lower_ == "they"
                                       or subject.tag_ == "NNS" and self._people_noun(subject)):
                continue
            members: list[tuple[Span, Person]] = []
            for (start, end), person in sorted(self.person_of.items()):
                if start > verb.i and start < verb.sent.end and person.party and start not in self.victim_mentions \
                        and person not in [p for _, p in members]:
                    members.append((self.doc[start:end], person))
            if len(members) >= 2:
                rosters.append((self.sent_index.get(verb.i, 0), members))
        return rosters

    def group_headed_by(self, mention: Span) -> list[tuple[Span, Person]]:
        """The named list `mention` opens, if it opens one ("Kieran Doyle, 29, Tyrese Mensah, 24, and ..."),
        or the written list it is any name of ("Connolly and Mulhearn", where the parser hangs one name off
        the other)."""
        return next((members for _, members in self.named_groups if members[0][0].start == mention.start),
                    next((members for _, members in self.written_lists
                          if any(m.start == mention.start for m, _ in members)), []))

    def group_around(self, token: Token) -> list[tuple[Span, Person]]:
        """The named list `token` stands inside ("A, 55, and contractors B and C": "contractors"), if any."""
        return next((members for _, members in self.named_groups
                     if members[0][0].start <= token.i < members[-1][0].end), [])

    def resolve_members(self, token: Token) -> list[tuple[Span, Person]]:
        """The named parties a plural description stands for: "the three accused", "all five men", "the
        group", "Four men ... have been jailed" above the list that names them. A counted description takes
        only a list of that many, the nearest before it in the last few sentences; an uncounted one only a
        list in its own or the previous sentence, or the story's only list; in the lead, else, the first list
        after it, or a counted one the story's only list of that many however far after."""
        relatives = self._relatives_named(token)
        if relatives:
            return relatives
        count = count_of(token)
        if not self._people_noun(token) and token.lemma_.lower() not in GROUP_DESCRIPTIONS and count is None:
            return []
        named_here = self._list_naming(token, count)
        if named_here:
            return named_here
        if not definite_group(token) and not self.in_lead(token):
            return []  # "Two men were later arrested": others than those named
        here = self.sent_index.get(token.i, 0)
        fits = [(i, members) for i, members in self.named_groups
                if (count is None or len(members) == count)
                and not any(m.start <= token.i < m.end for m, _ in members)]
        reach = MAX_SENTENCES_BACK if count is not None else 1  # "the defendants" is only the list just named
        before = [(i, m) for i, m in fits if m[0][0].start < token.i and here - i <= reach]
        if before:
            return before[-1][1]
        earlier = [m for i, m in fits if m[0][0].start < token.i]
        if count is None and len(earlier) == 1 and token.tag_ == "NNS" and len(self.named_groups) == 1:
            return earlier[0]  # "the suspects" in a story that names one group of parties, sentences before
        if count is not None and len(earlier) == 1 and definite_group(token):
            return earlier[0]  # "the four", paragraphs after the only list of four
        if self.sent_index.get(token.i, 99) <= self.lead_index + 1:
            after = [(i, m) for i, m in fits if m[0][0].start > token.i]
            near = [m for i, m in after if i - here <= 2]
            if near:
                return near[0]
            if count is not None and len(after) == 1:
                return after[0][1]  # "Three men ... have changed their minds", named paragraphs later
        parties = sorted((p for p in self.people if p.party and p.mentions[0].start < token.i),
                         key=lambda p: p.mentions[0].start)
        if count is not None and len(parties) == count:
            return [(self._nearest_mention(p, token), p) for p in parties]  # "all five men": the five named so far
        return []

    def _relatives_named(self, token: Token) -> list[tuple[Span, Person]]:
        """"his parents", "the parents": the relatives the story names in apposition to each relation the
        plural holds ("his father, A, 61, and mother, B"), when it names at least two."""
        if not any(c.dep_ in ("poss", "det") and c.lower_ in ("his", "her", "their", "the") for c in token.children):
            return []
        people = [p for relation in self.words.relations_in(token.lower_) for p in self.kin.get(relation, [])
                  if p.party]
        unique = [p for i, p in enumerate(people) if p not in people[:i]]
        return [(self._nearest_mention(p, token), p) for p in unique] if len(unique) >= 2 else []

    def _list_naming(self, token: Token, count: int | None) -> list[tuple[Span, Person]]:
        """The list right after a description that names its people ("Two other accused in the case, his
        nephew A and his secretary B, were arrested"; "The six sentenced to death are A, B, ..."; "Among the
        others remanded are A and B"), of as many as it counts."""
        here = self.sent_index.get(token.i, 0)
        end = max(t.i for t in token.subtree)
        for i, members in self.named_groups:
            first = members[0][0].start
            if i != here or first <= token.i or count is not None and len(members) != count:
                continue
            between = self.doc[min(end + 1, first):first]
            if all(t.is_punct or t.lemma_ in ("be", "include") or t.pos_ in ("DET", "ADJ", "NOUN") or t.tag_ == "PRP$"
                   for t in between) and (first <= end or any(t.text == "," or t.lemma_ in ("be", "include")
                                                               for t in between)):
                return members
        return []

    def resolve_group(self, token: Token) -> Span | None:
        """The named body "it", "its", "the agency" or "the group" stands for, and the named plural
        "they" or "each" stands for ("Jurors ... They acquitted").

        "it" first takes the subject of the sentence that reports it ("The department said it would
        appeal"), then the nearest body named before it in this or the previous sentence; a
        description takes the nearest body whose kind fits (an agency for "the agency").
        """
        lower, lemma = token.lower_, token.lemma_.lower()
        here = self.sent_index.get(token.i, 0)
        bodies = [e for e in self.ents if e.label_ in _BODY_LABELS.get(lemma, ("AGENCY", "COURT", "ORGANIZATION"))
                  and e.end <= token.i and here - self.sent_index.get(e.start, 0) <= 2]
        if lower in ("they", "them", "their", "each"):
            # An object "them" looks first for an object ("Police arrested the suspects. The court released
            # them"), never for its own clause's subject ("Officers arrested them").
            verb = token.head if token.dep_ != "pobj" else token.head.head
            own_subjects = {c.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")} \
                if token.dep_ in _OBJECT_DEPS else set()
            roles = [("dobj", "nsubjpass", "pobj"), ("nsubj",)] if token.dep_ in _OBJECT_DEPS \
                else [("nsubj", "nsubjpass"), ("dobj",)]  # "sentenced three men and ordered that they be deported"
            for sent_back in (0, 1):
                for deps in roles:
                    for t in reversed(list(self.doc[:token.i])):
                        if here - self.sent_index.get(t.i, 0) != sent_back or t.i in own_subjects:
                            continue
                        counted = t.like_num and definite_group(t)  # "the five", "All five"
                        if token.dep_ == "nsubjpass" and t.dep_ == "nsubj" and self._enforces(t):
                            continue  # "Police arrested the marchers. They were held overnight": not the police
                        # "ordered the accused to surrender their passports and barred them from ..."
                        taken_up = sent_back == 0 and t.lower_ in GROUP_DESCRIPTIONS and definite_group(t)
                        if t.dep_ in deps and (t.tag_ in ("NNS", "NNPS") or counted or taken_up) and t.i < token.i \
                                and t.head.dep_ != "relcl" \
                                and (t.dep_ in ("nsubj", "nsubjpass") or self._people_noun(t)):
                            return self.doc[t.i:t.i + 1]  # not "where soldiers found them": a clause's aside
            return None
        if lower == "its" and token.dep_ == "poss":
            owner = token.head  # "The government dropped its appeal": the clause's own subject
            verb = owner.head.head if owner.dep_ == "pobj" else owner.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < token.i), None)
            if subject is not None and subject.lower_ not in ("it", "they") and (
                    subject.lemma_.lower() in _BODY_LABELS or subject.ent_type_ in ("AGENCY", "COURT", "ORGANIZATION")):
                named = next((e for e in self.ents if e.start <= subject.i < e.end), None)
                return named if named is not None else self.doc[subject.left_edge.i:subject.i + 1]
        if lower in ("it", "its"):
            verb = token.head
            while verb.dep_ not in ("ROOT",) and verb.head.i != verb.i and verb.dep_ not in ("ccomp",):
                verb = verb.head
            if verb.dep_ == "ccomp":
                subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
                ent = next((e for e in bodies if subj is not None and e.start <= subj.i < e.end), None)
                if ent is not None:
                    return ent
                if subj is not None and subj.lemma_.lower() in _BODY_LABELS and subj.lower_ not in ("it", "its"):
                    return self.resolve_group(subj)
            return bodies[-1] if bodies else None
        if lemma in _BODY_LABELS and any(c.lower_ in ("the", "this", "that", "his", "her", "their")
                                         for c in token.children if c.dep_ in ("det", "poss")):
            if bodies:
                return bodies[-1]
            if self.in_lead(token):  # a lead names "the private company" before the story names it
                kinds = _BODY_LABELS.get(lemma, ("AGENCY", "COURT", "ORGANIZATION"))
                return next((e for e in self.ents if e.label_ in kinds and e.start > token.i
                             and self.sent_index.get(e.start, 0) - here <= 2), None)
            return None
        return None

    def _enforces(self, token: Token) -> bool:
        """Police or officials, who do to a party what is done ("police", "officers", "the agents")."""
        lemma = token.lemma_.lower()
        return lemma == "police" or lemma in self.words.official_nouns or lemma.rstrip("s") in self.words.official_nouns

    @staticmethod
    def _nearest_mention(person: Person, token: Token) -> Span:
        before = [m for m in person.mentions if m.end <= token.i]
        return before[-1] if before else person.mentions[0]
