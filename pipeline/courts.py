"""Court names: one canonical name per court however the news spells it, and its courts-db id.

"the 4th Circuit", "the 4th U.S. Circuit Court of Appeals" and "U.S. Court of Appeals for the
Fourth Circuit" are one court; "a federal court in Boston" is the District of Massachusetts. The
district table (`entities/federal_districts.csv` of the models folder) maps cities to federal districts;
`CourtNames` holds one folder's table. This module imports no spaCy: `pipeline.query` reads circuit names.
"""
from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .cache import fingerprint, load_or_build

if TYPE_CHECKING:
    from .places import PlaceTables

ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
            "Tenth", "Eleventh")
_ORDINAL_OF = {**{f"{i + 1}{'st' if i == 0 else 'nd' if i == 1 else 'rd' if i == 2 else 'th'}": w
                  for i, w in enumerate(ORDINALS)},
               **{w.lower(): w for w in ORDINALS}, "d.c.": "D.C.", "federal": "Federal"}
_DIRECTIONS = ("Northern", "Southern", "Eastern", "Western", "Middle", "Central")
_DISTRICT_RE = re.compile(r"\b(?:(%s)\s+)?District\s+of\s+([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)" % "|".join(_DIRECTIONS))
_IN_PLACE_RE = re.compile(r"\bin\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s*$")
DISTRICT_COURT = "U.S. District Court for the {}"
COURT_RULES = ("circuit", "district_court", "district", "immigration_court", "state_court")  # pattern families named here


@dataclass(frozen=True)
class District:
    state: str
    name: str          # "Southern District of Texas", "District of Maryland"
    cities: tuple[str, ...]

    @property
    def court(self) -> str:
        return DISTRICT_COURT.format(self.name)


def read_districts(path: Path) -> tuple[District, ...]:
    """The district table (`entities/federal_districts.csv` of a models folder)."""
    with path.open(encoding="utf-8") as f:
        return tuple(District(r["state"], r["district"], tuple(c for c in r["cities"].split(";") if c))
                     for r in csv.DictReader(f))


def circuit_name(text: str) -> str | None:
    for token in re.findall(r"[\w.]+", text):
        word = _ORDINAL_OF.get(token.lower()) or _ORDINAL_OF.get(token)
        if word:
            return f"U.S. Court of Appeals for the {word} Circuit"
    return None


class CourtNames:
    """Canonical court names over one models folder's district table and place tables."""

    def __init__(self, districts: tuple[District, ...], places: PlaceTables):
        self.districts = districts
        self.places = places

    def district_for(self, place: str) -> District | None:
        """The federal district of a state with one district, or of a city listed in the table."""
        place = place.strip().title() if place.isupper() else place.strip()
        table = self.districts
        by_state = [d for d in table if d.state == place]
        if len(by_state) == 1:
            return by_state[0]
        for d in table:
            if place in d.cities:
                return d
        state = self.places.us_state_of(place)
        by_state = [d for d in table if d.state == state]
        return by_state[0] if len(by_state) == 1 else None

    def district_court_name(self, text: str) -> str | None:
        """"U.S. District Court for the Southern District of Texas" from any spelling naming a district or place."""
        m = _DISTRICT_RE.search(text)
        if m and (m.group(2) != "Columbia" or "Court" in text):
            direction, state = m.group(1), m.group(2)
            return DISTRICT_COURT.format(f"{direction + ' ' if direction else ''}District of {state}")
        m = _IN_PLACE_RE.search(text)
        if m:
            district = self.district_for(m.group(1))
            if district:
                return district.court
        return None

    def canonical(self, rule: str, text: str) -> str | None:
        """Canonical name for a span found by one of the court pattern families (`rule` is its id,
        one of `COURT_RULES`)."""
        if rule == "circuit":
            return circuit_name(text)
        if rule in ("district_court", "district"):
            return self.district_court_name(text)
        if rule == "immigration_court":
            m = _IN_PLACE_RE.search(text)
            if m:
                return f"{m.group(1)} Immigration Court"
            return re.sub(r"\s+", " ", text).strip()
        if rule == "state_court":
            m = re.match(r"^(.+?)\s+Supreme\s+Court$", text)
            if m and m.group(1) not in ("U.S.", "US", "United States"):
                return f"Supreme Court of {m.group(1)}"
        return None


@lru_cache(maxsize=1)
def _court_index() -> dict[str, str]:
    """courts-db's court names (casefolded) -> id, bankruptcy courts left out. Reading courts-db's
    data takes 0.05 s in every process, so the table is kept in the project's cache."""
    from importlib.metadata import version

    key = fingerprint(Path(__file__).read_bytes(), version("courts-db"))
    return load_or_build("courts-db-names", key, _build_court_index)


def _build_court_index() -> dict[str, str]:
    from courts_db import courts

    index = {}
    for court in courts:
        if court.get("type") == "bankruptcy":
            continue
        index.setdefault(court["name"].casefold(), court["id"])
    return index


@lru_cache(maxsize=2048)
def court_id(canonical: str) -> str | None:
    """The courts-db id of a court by its canonical name, where courts-db has the court."""
    if not canonical:
        return None
    name = canonical.replace("U.S. ", "")
    candidates = [name, "United States " + name]
    m = re.match(r"District Court for the (.+)$", name)
    if m:  # courts-db spells districts several ways: "District Court, E.D. Texas", "District Court, District
        # of Columbia", "United States District Court Eastern District of Louisiana", "... Court, Oklahoma Eastern"
        where = m.group(1)
        short = re.sub(r"(\w)\w+ District of", r"\1.D.", where).replace("District of ", "D. ")
        candidates += [f"District Court, {short}", f"District Court, {where}", f"United States District Court {where}"]
        district = re.fullmatch(r"(?:(\w+) )?District of (.+)", where)
        if district:
            candidates.append(f"United States District Court, {district.group(2)} {district.group(1) or ''}".strip())
    m = re.match(r"Supreme Court of (.+)$", name)
    if m and m.group(1) != "the United States":
        candidates.append(f"{m.group(1)} Supreme Court")
    m = re.match(r"(.+?) (Court of (?:Criminal )?Appeals?|Superior Court)$", name)
    if m:
        candidates.append(f"{m.group(2)} of {m.group(1)}")
    for candidate in candidates:
        hit = _court_index().get(candidate.casefold())
        if hit:
            return hit
    return _court_by_regex(canonical)


class CourtRegex(NamedTuple):
    """One of courts-db's name regexes, uncompiled, with the lower-case ASCII strings every match holds
    (a named tuple: 8,000 of them unpickle in about half the time frozen dataclasses take)."""

    pattern: str
    flags: int
    court: str
    literals: tuple[str, ...]


def _court_by_regex(canonical: str) -> str | None:
    """The one court whose courts-db regexes match the whole name, else None.

    Only regexes whose required strings all occur in an ASCII name are compiled and tried (about 25
    of 8,000): under `re.I` an ASCII pattern letter matches a non-ASCII one ("k" matches the Kelvin
    sign), so a name with non-ASCII letters tries them all. Which regexes those are is looked up in
    `_regexes_by_literal` by the name's substrings, instead of testing the strings of all 8,000."""
    if canonical.isascii():
        folded = canonical.lower()
        by_literal, always = _regexes_by_literal()
        found = {index for start in range(len(folded)) for end in range(start + 1, len(folded) + 1)
                 for index in by_literal.get(folded[start:end], ())}
        regexes = _court_regexes()
        candidates = [regexes[index] for index in sorted(found.union(always))]
        candidates = [regex for regex in candidates if all(literal in folded for literal in regex.literals)]
    else:
        candidates = _court_regexes()
    ids = {regex.court for regex in candidates if _compiled(regex.pattern, regex.flags).fullmatch(canonical)}
    return ids.pop() if len(ids) == 1 else None


def _regexes_by_literal() -> tuple[dict[str, list[int]], list[int]]:
    """The regexes (indices in `_court_regexes()`) by the longest of their required strings, and
    those without one, which every name tries."""
    _, by_literal, always = _court_table()
    return by_literal, always


def _index_by_literal(regexes: list[CourtRegex]) -> tuple[dict[str, list[int]], list[int]]:
    by_literal: dict[str, list[int]] = {}
    always = []
    for index, regex in enumerate(regexes):
        if regex.literals:
            by_literal.setdefault(max(regex.literals, key=len), []).append(index)
        else:
            always.append(index)
    return by_literal, always


@lru_cache(maxsize=None)
def _compiled(pattern: str, flags: int) -> re.Pattern:
    return re.compile(pattern, flags)


def _court_regexes() -> list[CourtRegex]:
    """courts-db's name regexes, bankruptcy courts left out. Compiling all ~8,000 takes 0.5 s (and
    courts-db's `find_court` recompiles them on every call), so the project's cache keeps them
    uncompiled with their required strings, keyed on courts-db's version and this module."""
    return _court_table()[0]


@lru_cache(maxsize=1)
def _court_table() -> tuple[list[CourtRegex], dict[str, list[int]], list[int]]:
    """The regexes and their index by required string, cached together."""
    from importlib.metadata import version

    key = fingerprint(Path(__file__).read_bytes(), version("courts-db"), sys.version_info[:2])
    return load_or_build("courts-db-regexes", key, _build_court_table)


def _build_court_table() -> tuple[list[CourtRegex], dict[str, list[int]], list[int]]:
    regexes = _build_court_regexes()
    return (regexes, *_index_by_literal(regexes))


def _build_court_regexes() -> list[CourtRegex]:
    from courts_db import courts
    from courts_db.utils import gather_regexes

    return [CourtRegex(regex.pattern, regex.flags, court, required_literals(regex.pattern, regex.flags))
            for regex, court, _name, kind, _loc, _parent in gather_regexes(courts) if kind != "bankruptcy"]


def required_literals(pattern: str, flags: int = 0) -> tuple[str, ...]:
    """Lower-case ASCII strings that every match of `pattern` contains; () when none can be told.

    Read from the parse tree of Python's `re`: runs of ASCII literals in sequence, inside groups and
    inside repeats of at least one, and the strings common to every branch of an alternation."""
    from re import _parser

    try:
        return tuple(sorted(_required(_parser.parse(pattern, flags))))
    except Exception:  # noqa: BLE001 - a pattern this reading cannot follow is simply always tried
        return ()


def _required(items) -> set[str]:
    from re import _constants as op

    found: set[str] = set()
    run: list[str] = []
    for code, value in [*items, (None, None)]:
        if code is op.LITERAL and value < 128:
            run.append(chr(value).lower())
            continue
        if run:
            found.add("".join(run))
            run.clear()
        if code is op.SUBPATTERN:
            found |= _required(value[3])
        elif code in (op.MAX_REPEAT, op.MIN_REPEAT, op.POSSESSIVE_REPEAT) and value[0] >= 1:
            found |= _required(value[2])
        elif code is op.ATOMIC_GROUP:
            found |= _required(value)
        elif code is op.BRANCH:
            found |= set.intersection(*(_required(branch) for branch in value[1]))
    return found
