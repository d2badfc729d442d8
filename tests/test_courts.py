"""courts-db ids found through its name regexes, trying only those whose required strings a name holds."""
from __future__ import annotations

import random
import re

import pytest

from pipeline.courts import _court_by_regex, _court_regexes, court_id, required_literals


@pytest.mark.parametrize("pattern, literals", [
    (r"Supreme Court of (Alabama|Ala\.?)", ("ala", "supreme court of ")),
    (r"(U\.S\. )?District Court", ("district court",)),
    (r"ab(cd|ce)fg", ("ab", "c", "fg")),
    (r"x(abc)+y?z", ("abc", "x", "z")),
    (r"Court(s)?\b", ("court",)),
    (r"Ea?st(ern)? D(ist)?", (" d", "e", "st")),
    (r"Mich|Ohio", ()),
    (r"Miſſouri Court", ("mi", "ouri court")),
])
def test_courts_required_literals_of_a_pattern(pattern, literals):
    assert required_literals(pattern, re.I) == literals


def test_courts_regex_prefilter_keeps_every_regex_that_matches():
    """Every courts-db regex that matches a name (tried all, compiled) is among those the prefilter
    keeps, on a sample of courts-db's own names and the news names of federal district courts."""
    from courts_db import courts as courts_db

    regexes = _court_regexes()
    compiled = [re.compile(r.pattern, r.flags) for r in regexes]
    names = random.Random(18).sample([c["name"] for c in courts_db], 150)
    names += [f"U.S. District Court for the {d}District of {s}" for d in ("", "Southern ", "Eastern ")
              for s in ("Texas", "Maryland", "Columbia", "New York")]
    dropped = []
    for name in names:
        folded = name.lower()
        kept = {i for i, r in enumerate(regexes) if all(literal in folded for literal in r.literals)}
        matching = {i for i, regex in enumerate(compiled) if regex.fullmatch(name)}
        dropped += [(name, regexes[i].pattern) for i in matching - kept]
    assert dropped == []
    assert sum(1 for r in regexes if r.literals) > 0.99 * len(regexes)


@pytest.mark.parametrize("name, court", [
    ("Missouri Supreme Court", "mo"),
    ("Miſſouri Supreme Court", "mo"),  # "ſ" is "s" to re.I, not to a lower-case comparison
    ("Texas Court of Criminal Appeals", "texcrimapp"),
    ("Supreme Court of Brazil", None),
])
def test_courts_id_from_regexes_whatever_the_letters(name, court):
    assert _court_by_regex(name) == court
    assert court_id(name) == court
