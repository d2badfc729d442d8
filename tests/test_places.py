"""Places stage: country, US state, city and coordinates, chosen by the article's context."""
from __future__ import annotations

import pytest

from conftest import annotate
from pipeline.places import lookup


def place(nlp, text, mention):
    doc = annotate(nlp, text, "2025-04-02")
    hits = [e for e in doc.ents if e.text == mention]
    assert hits and hits[0].label_ == "PLACE", [(e.text, e.label_) for e in doc.ents]
    return hits[0]


@pytest.mark.parametrize("text, mention, country, admin1", [
    ("The men were deported to Venezuela on a charter flight.", "Venezuela", "VE", None),
    ("She was arrested at a traffic stop in Nebraska.", "Nebraska", "US", "NE"),
    ("U.S. officials said the detainees would be moved.", "U.S.", "US", None),
    ("He had lived in the United States since 2009.", "United States", "US", None),
    ("The family fled from Honduras in 2018.", "Honduras", "HN", None),
    ("She grew up in Tacoma, Washington, before moving south.", "Washington", "US", "WA"),
    ("A protest was held outside the jail in Huntsville, Alabama, on Sunday.", "Huntsville", "US", "AL"),
    ("A protest was held outside the prison in Huntsville, Texas, on Sunday.", "Huntsville", "US", "TX"),
])
def test_places_country_state_and_city_codes(nlp, text, mention, country, admin1):
    ent = place(nlp, text, mention)
    assert (ent._.country_code, ent._.admin1) == (country, admin1)


def test_places_city_has_coordinates(nlp):
    ent = place(nlp, "The hearing took place in Phoenix last week.", "Phoenix")
    assert ent._.country_code == "US" and ent._.admin1 == "AZ"
    assert 33 < ent._.lat < 34 and -113 < ent._.lon < -111


@pytest.mark.parametrize("context, country, admin1", [
    ("A judge in Savannah ruled that the Georgia law was valid; Atlanta officials agreed.", "US", "GA"),
    ("He was expelled to Georgia, the former Soviet republic, and landed in Tbilisi.", "GE", None),
])
def test_places_georgia_state_or_country_by_context(context, country, admin1):
    found = lookup("Georgia", context)
    assert (found.country_code, found.admin1) == (country, admin1)


@pytest.mark.parametrize("context, admin1, name", [
    ("Officials in Washington said the policy would change.", "DC", "Washington, D.C."),
    ("The law in Washington state requires a warrant.", "WA", "Washington"),
])
def test_places_washington_city_or_state(context, admin1, name):
    found = lookup("Washington", context)
    assert (found.admin1, found.name) == (admin1, name)


def test_places_dateline_and_ap_abbreviation(nlp):
    doc = annotate(nlp, "NEW HAVEN, Conn. — A judge on Monday freed a man held by immigration agents.", "2025-04-02")
    by_text = {e.text: e for e in doc.ents}
    assert by_text["NEW HAVEN"].label_ == "PLACE" and by_text["NEW HAVEN"]._.admin1 == "CT"
    assert doc._.dateline == "New Haven"


def test_places_facility_located_by_its_town(nlp):
    ent = place(nlp, "He spent a year at the Stewart Detention Center in Lumpkin, Georgia, before his release.",
                "Stewart Detention Center")
    assert (ent._.country_code, ent._.admin1) == ("US", "GA")


def test_places_demonym_is_not_a_place(nlp):
    doc = annotate(nlp, "A Guatemalan teenager and two Ecuadorian women were released.", "2025-04-02")
    assert not [e for e in doc.ents if e.label_ == "PLACE"]


def test_places_us_county_has_its_state(nlp):
    ent = place(nlp, "Deputies patrol rural roads across Maricopa County and beyond.", "Maricopa County")
    assert (ent._.country_code, ent._.admin1) == ("US", "AZ")


def test_places_context_free_city_prefers_the_most_populous():
    assert (lookup("Boston", "A judge in Boston ruled.").admin1) == "MA"


@pytest.mark.parametrize("text, mention, country, admin1", [
    ("Cartel members moved the pills from Sinaloa, Mexico, to Arizona.", "Sinaloa", "MX", None),
    ("He was detained on arrival at Miami International Airport in Florida.", "Miami International Airport", "US", "FL"),
    ("Agents stopped him at Logan International Airport, a Boston, Massachusetts, spokesperson said.",
     "Logan International Airport", "US", None),
])
def test_places_regions_and_named_sites_inherit_their_country(nlp, text, mention, country, admin1):
    ent = place(nlp, text, mention)
    assert (ent._.country_code, ent._.admin1) == (country, admin1)


@pytest.mark.parametrize("text, mention, canonical, country, admin1", [
    ("BOSTON (AP) — A British nurse held by ICE was flown to the United Kingdom, and her family in London "
     "welcomed her.", "BOSTON", "Boston", "US", "MA"),
    ("BOSTON, England — A Lincolnshire court jailed the smuggler on Friday.", "BOSTON", "Boston", "GB", None),
    ("ST. LOUIS (Reuters) - A federal jury acquitted the officer on Wednesday.", "ST. LOUIS", "St. Louis", "US", "MO"),
    ("McALESTER, Okla. — The state carried out the execution on Thursday.", "McALESTER", "McAlester", "US", "OK"),
    ("PORTLAND, Maine — A judge freed the fisherman on Monday.", "PORTLAND", "Portland", "US", "ME"),
    ("BOGOTÁ, Colombia (AP) — The high court approved the extradition of a pilot.", "BOGOTÁ", "Bogotá", "CO", None),
])
def test_places_uppercase_dateline_resolves_like_its_title_case(nlp, text, mention, canonical, country, admin1):
    """A capitals dateline, with a state, a wire credit or neither, is the place its title-case name is
    by population, narrowed only by its own words ("BOSTON, England"), not by countries in the story."""
    doc = annotate(nlp, text, "2025-04-02")
    ent = place(nlp, text, mention)
    assert doc._.dateline == canonical
    assert (ent._.canonical, ent._.country_code, ent._.admin1) == (canonical, country, admin1)
    if country == "US" and "," not in text.split("—")[0].split(" - ")[0]:
        assert (lookup(canonical).country_code, lookup(canonical).admin1) == (country, admin1)


def test_places_a_city_under_its_own_name_beats_an_old_name_of_a_bigger_one():
    from pipeline.places import tables
    assert tables().lookup("Islamabad").country_code == "PK"
    assert tables().lookup("Bombay").name == "Mumbai"  # an old name still finds the city that bore it
