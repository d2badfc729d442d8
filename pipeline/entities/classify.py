"""Label evidence: which SPEC label a model entity deserves, from its head word, a given name, an
age or title beside it, or a place table (person, place, organization, agency, court)."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..places import PlaceTables, countries, fold
from .context import EntityContext
from .gazetteer import EntityLexicon
from .keys import POSSESSIVE

__all__ = ["LabelEvidence", "first_names", "is_demonym", "listed_beside"]


def listed_beside(doc: Doc, start: int, end: int) -> tuple[Token | None, Token | None]:
    """The words listed just before and after a name ("Phoenix, [Mesa] and Tucson"), if any."""
    before = doc[start - 2] if start > 1 and doc[start - 1].lower_ in (",", "and", "or") else None
    after = doc[end + 1] if end + 1 < len(doc) and doc[end].lower_ in (",", "and", "or") else None
    return before, after


def home_town(doc: Doc, start: int) -> bool:
    """A name after ", of" that gives a person's age or name a home ("X, 24, of Laventille"), also the last part
    of such an address ("X, of Never Dirty, Morvant")."""
    i = start - 1
    while i > start - 6 and i > 1 and (doc[i].is_title or doc[i].text == ","):
        i -= 1
    if doc[i].lower_ != "of" or i < 2 or doc[i - 1].text != ",":
        return False
    before = doc[i - 2]
    return before.like_num or before.ent_type_ == "PERSON" or before.is_title and before.pos_ == "PROPN"


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Given names from the US census lists shipped by the `names` package (uppercase)."""
    import names

    found = set()
    for key in ("first:male", "first:female"):
        with open(names.FILES[key], encoding="utf-8") as f:
            found.update(line.split()[0] for line in f if line.strip())
    return frozenset(found)


def is_amount(span: Span) -> bool:
    """"SGD 14,000", "Ksh 300,000", "$2.5 million": a sum the model took for a name.

    Not memoized: a Span is equal only to a span of the same Doc, so a cache of them hit almost never
    and kept the Docs of its last 4,096 entities alive (about 200 Docs with their events), which every
    full garbage collection then walked again."""
    numbers = [t for t in span if t.like_num]
    rest = [t for t in span if not t.like_num and not t.is_punct]
    return bool(numbers) and all(t.is_currency or t.text.isupper() and len(t.text) <= 3
                                 or t.lower_ in ("million", "billion", "crore", "lakh") for t in rest)


def is_demonym(word: str, places: PlaceTables) -> bool:
    """"Guatemalan", "Haitian", "Mexican": a nationality adjective formed from a country's name."""
    if not re.fullmatch(r"[A-Z][a-z]+(?:an|ian|ean|ese|ish|i|ic)", word) or places.is_known_place(word):
        return False
    low = fold(word)
    return any(len(name) >= 4 and low.startswith(name[:max(4, len(name) - 2)])
               for name in countries() if " " not in name)


class LabelEvidence:
    """The tests that relabel the model's entities, over one models folder's lexicon and places."""

    def __init__(self, lexicon: EntityLexicon, places: PlaceTables):
        self.lex = lexicon
        self.titles = lexicon.titles
        self.places = places
        self.body_heads = lexicon.agency_heads | lexicon.org_heads | lexicon.court_heads

    def classify(self, ctx: EntityContext, model_label: str, start: int, end: int) -> str | None:
        """SPEC label for a model entity, from what its words and neighbours say."""
        doc, lex = ctx.doc, self.lex
        label = lex.model_labels.get(model_label)
        if label in (None, "DATE"):
            return label
        if end - start >= 2 and doc[end - 1].text.casefold() in self.titles and doc[end - 1].text[:1].isupper():
            return None  # "U.S. Magistrate" (Judge ...): a title, not a body
        span = doc[start:end]
        words = [t.text for t in span]
        text = span.text
        if text in lex.not_names or is_amount(span):
            return None
        if re.fullmatch(r"(?:[A-Z]\.){2,4}", text) and label != "PLACE" and not self.places.is_known_place(text):
            return "PERSON"
        head = self.head_word(words)
        nxt = doc[end].lower_ if end < len(doc) else ""
        if model_label == "PERSON" and len(words) == 2 and words[0].upper() in first_names() and head in lex.place_heads \
                and not (start > 0 and doc[start - 1].lower_ in ("the", "at", "in", "on", "near")):
            return "PERSON"  # "the murder of Christopher Hall": a surname that is also a building's word
        if nxt in lex.place_nouns and len(words) <= 3 or head in lex.place_heads:
            return "PLACE"
        if head in lex.law_heads or words[0] in lex.law_heads or {"v.", "vs."} & set(words):
            return None
        if model_label == "PERSON" and len(words) >= 2 and start > 0 and doc[start - 1].text.casefold() in self.titles \
                and words[0].upper() in first_names():
            return "PERSON"  # "Judge Alan Trust": a title and a given name outrank an organization's head word
        if label == "PERSON" and start > 0 and doc[start - 1].lower_ in ("a", "an"):
            return None  # "issue an Amber Alert", "fired a Taser": a thing, which no person's name takes an article for
        if label == "PERSON" and home_town(doc, start):
            return "PLACE"  # "Akeem Charles, 27, of Laventille", "of Never Dirty, Morvant": where someone lives
        name_start = start - 1 if start > 0 and len(words) == 1 and self.name_part(doc[start - 1]) else start
        if self.person_evidence(ctx, name_start, end) and not set(words) & self.body_heads:
            return "PERSON"
        if len(words) == 1 and (is_demonym(text, self.places) or label != "PLACE" and not self.places.is_country_or_state(text)
                                and (text.casefold() in self.titles or nxt in self.titles
                                     or nxt in POSSESSIVE and end + 1 < len(doc)
                                     and doc[end + 1].is_title and doc[end + 1].text.casefold() in self.titles)):
            return None  # "Defense attorney ...", "Magistrate Judge ...": a title word, not a name
        if len(words) == 1 and head in lex.court_heads:
            return None
        if head in lex.court_heads:
            return "COURT"
        if head in lex.facility_heads:
            return "PLACE"
        if head in lex.org_heads:
            return "ORGANIZATION"
        if head in lex.agency_heads:
            return "AGENCY"  # "Anti-Gang Unit": a unit of the police, whatever word its name holds
        if set(words) & lex.org_heads:
            return "ORGANIZATION"
        if label in ("ORGANIZATION", "PERSON") and self.place_evidence(ctx, start, end):
            return "PLACE"
        if label == "ORGANIZATION" and end + 1 < len(doc) and doc[end].text == "," and len(words) <= 2 \
                and fold(doc[end + 1].text) in countries() and doc[end + 1].ent_type_ == "GPE":
            return "PLACE"  # "Sinaloa, Mexico"
        return label

    @staticmethod
    def head_word(words: list[str]) -> str:
        """"Board of Pardons and Paroles" -> Board; "Fort Worth Police Department" -> Department."""
        if "of" in words[1:]:
            return words[words.index("of") - 1]
        return words[-1] if words else ""

    def name_part(self, tok: Token) -> bool:
        """A capitalized word the model left outside a name: a known first name, or a bare proper noun."""
        if not tok.is_title or tok.ent_type_ or tok.is_stop or tok.text.casefold() in self.titles:
            return False
        return tok.text.upper() in first_names() or tok.pos_ == "PROPN" and not self.places.is_known_place(tok.text)

    def person_evidence(self, ctx: EntityContext, start: int, end: int) -> bool:
        """Capitalized words that a given name, an age, a title or a person noun beside them make a person."""
        doc = ctx.doc
        tokens = doc[start:end]
        if not all(t.is_title or t.is_upper or t.text in ("-", ".") or t.is_punct for t in tokens):
            return False
        if len(tokens) >= 2 and tokens[0].text.upper() in first_names() and not self.places.is_known_place(tokens.text):
            return True
        # "Koenig, 38," - an age in apposition
        if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text in (",", "."):
            return 0 < int(float(doc[end + 1].text)) < 120 if doc[end + 1].text.isdecimal() else False
        if self.places.is_known_place(tokens.text):
            return False  # "Chief U.S. District Judge": a place after a title is still a place
        prev = doc[start - 1] if start > 0 else None
        if prev is not None and prev.text.casefold() in self.titles:
            return True
        if prev is not None and prev.text == "," and start > 1 and end < len(doc) and doc[end].text == "," and (
                doc[start - 2].lower_ in self.lex.person_nouns
                or doc[start - 2].pos_ == "NOUN" and any(c.dep_ == "poss" for c in doc[start - 2].children)
                and 2 <= len(tokens) <= 3 and not {doc[start - 2].text.title(), tokens[-1].text} & self.lex.org_heads):
            return True  # "His lawyer, Olumide Adeyemi, asked", "Awasthi's cameraman, Ankit Verma,": a person's
        # "Adeyemi, a Nigerian national" / "Adeyemi's lawyer"
        after = doc[end:end + 5]
        if len(after) >= 2 and after[0].text == "," and after[1].lower_ in ("a", "an", "the", "who"):
            for tok in after[2:]:
                if tok.lower_ in self.lex.person_nouns:
                    return True
                if tok.pos_ not in ("ADJ", "PROPN", "NOUN", "NUM", "PUNCT"):
                    break
            return after[1].lower_ == "who"
        if len(after) >= 2 and after[0].text in POSSESSIVE and after[1].lower_ in self.lex.person_possessions \
                and len(tokens) >= 2:
            return True
        return False

    def place_evidence(self, ctx: EntityContext, start: int, end: int) -> bool:
        """A known place that its neighbours ("in X", "X, Y and Z", "a X man") show is used as one."""
        doc = ctx.doc
        text = doc[start:end].text
        if text in self.lex.not_places:
            return False
        before, after = listed_beside(doc, start, end)
        if any(t is not None and t.ent_type_ == "GPE" for t in (before, after)):
            return True  # "Phoenix, Mesa and Tucson"
        if not self.places.is_known_place(text):
            return False
        if before is not None and doc[start - 1].text == "," and before.text.casefold() in ("court", "tribunal", "bench"):
            return True  # "the Federal High Court, Abuja": the court's seat
        if before is not None and doc[start - 1].text == "," and before.pos_ == "PROPN" and before.dep_ == "pobj" \
                and before.head.lower_ in ("in", "at", "of", "from", "near"):
            return True  # "at his home in Dun Saithne Green, Balbriggan": the town of an address
        place = self.places.lookup(text, ctx.text)
        if place is None:
            return False
        if place.kind in ("country", "state"):
            return True
        prev = doc[start - 1].lower_ if start > 0 else ""
        nxt = doc[end] if end < len(doc) else None
        if nxt is not None and nxt.is_lower and nxt.pos_ == "NOUN" and nxt.dep_ != "compound" and start > 0:
            return True  # "a Glendale man", "the FBI's Jackson office"
        return prev in ("in", "from", "to", "near", "outside", "at", "of") or text.isupper()
