"""Police forces, prosecutors' offices and ministries of other countries: AGENCY, with their full
name and country (models/entities/world_agencies.jsonl, and a place in the body's own name)."""
from __future__ import annotations

import pytest

from conftest import annotate


def agencies(nlp, text: str) -> dict[str, tuple[str | None, str | None]]:
    doc = annotate(nlp, text, "2025-03-14")
    return {e.text: (e._.canonical, e._.country_code) for e in doc.ents if e.label_ == "AGENCY"}


@pytest.mark.parametrize("text, name, canonical, country", [
    ("Officers from the Metropolitan Police arrested a 41-year-old woman in Croydon.",
     "Metropolitan Police", "Metropolitan Police Service", "GB"),
    ("Police Scotland said two men had been charged after the raid in Dundee.", "Police Scotland", "Police Scotland", "GB"),
    ("The Crown Prosecution Service said it would not bring charges against the officer.",
     "Crown Prosecution Service", "Crown Prosecution Service", "GB"),
    ("The RCMP said the suspect was arrested near Winnipeg.", "RCMP", "Royal Canadian Mounted Police", "CA"),
    ("Detectives of the EFCC arrested the former state governor in Abuja.",
     "EFCC", "Economic and Financial Crimes Commission", "NG"),
    ("The Enforcement Directorate questioned the actor for nine hours in Mumbai.",
     "Enforcement Directorate", "Directorate of Enforcement", "IN"),
])
def test_entities_world_agencies_have_their_full_name_and_country(nlp, text, name, canonical, country):
    assert agencies(nlp, text)[name] == (canonical, country)


@pytest.mark.parametrize("text, name, canonical", [
    ("The ED arrested the minister in New Delhi in a money laundering case.", "ED", "Directorate of Enforcement"),
    ("The NAB filed a reference against the former premier in Islamabad.", "NAB", "National Accountability Bureau"),
    ("The CPS authorised a charge of murder, and the case goes to Manchester Crown Court.", "CPS",
     "Crown Prosecution Service"),
])
def test_entities_world_a_shared_acronym_is_the_agency_when_the_story_backs_it(nlp, text, name, canonical):
    assert agencies(nlp, text)[name][0] == canonical


@pytest.mark.parametrize("text, name", [
    ("The AFP news agency reported the arrest of the two men.", "AFP"),
    ("The NAB said mortgage lending rose in the quarter.", "NAB"),
])
def test_entities_world_a_shared_acronym_without_backing_is_not_that_agency(nlp, text, name):
    assert agencies(nlp, text).get(name, (None, None))[0] not in ("Australian Federal Police", "National Accountability Bureau")


@pytest.mark.parametrize("text, name, canonical, country", [
    ("The Ministry of Interior of Pakistan ordered the expulsion of the aid workers.",
     "Ministry of Interior", "Ministry of Interior of Pakistan", "PK"),
    ("Kenya's Ministry of Interior confirmed the deportation of the blogger.",
     "Ministry of Interior", "Ministry of Interior of Kenya", "KE"),
    ("The Lagos State Police Command paraded the suspects on Friday.", "Lagos State Police Command", None, "NG"),
])
def test_entities_world_a_body_takes_the_country_its_name_holds(nlp, text, name, canonical, country):
    found = agencies(nlp, text)[name]
    assert found[1] == country
    assert canonical is None or found[0] == canonical


def test_entities_world_a_us_agency_in_a_foreign_place_stays_american(nlp):
    found = agencies(nlp, "ICE agents in Guatemala City handed the man to local police.")
    assert found["ICE"] == ("U.S. Immigration and Customs Enforcement", "US")


@pytest.mark.parametrize("text, name, country", [
    ("The Nigerian Ministry of Justice said the extradition request was under review.", "Nigerian Ministry of Justice", "NG"),
    ("The Kenyan Interior Ministry confirmed the deportation of the two reporters.", "Kenyan Interior Ministry", "KE"),
])
def test_entities_world_a_body_named_with_a_demonym_takes_its_country(nlp, text, name, country):
    assert agencies(nlp, text)[name][1] == country


def test_entities_world_a_building_called_house_is_not_the_us_house(nlp):
    doc = annotate(nlp, "LAHORE - The court granted bail to three brothers accused in the Jinnah House attack case.",
                   "2023-06-01")
    assert not any(e._.canonical == "United States House of Representatives" for e in doc.ents)
    us = annotate(nlp, "The U.S. House passed the bill on Friday.", "2023-06-01")
    assert any(e._.canonical == "United States House of Representatives" for e in us.ents)


@pytest.mark.parametrize("text, amount", [
    ("SINGAPORE: The opposition leader was on Monday fined SGD 14,000 after a district court found him guilty.",
     "SGD 14,000"),
    ("Singh was fined a maximum of SGD 7,000 for each of his two charges.", "SGD 7,000"),
])
def test_entities_world_a_sum_in_a_currency_code_is_no_name(nlp, text, amount):
    doc = annotate(nlp, text, "2025-02-17")
    assert not any(amount in e.text for e in doc.ents)


@pytest.mark.parametrize("text, name", [
    ("Singapore hanged Ravindran a/l Muthusamy at dawn on Friday.", "Ravindran a/l Muthusamy"),
    ("Siti binti Ahmad and Raju s/o Kumar were charged in the Sessions Court.", "Siti binti Ahmad"),
    ("Siti binti Ahmad and Raju s/o Kumar were charged in the Sessions Court.", "Raju s/o Kumar"),
])
def test_entities_world_a_name_joined_to_the_fathers_is_one_person(nlp, text, name):
    doc = annotate(nlp, text, "2025-03-14")
    assert (name, "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, alias", [
    ("Police charged Daudi Wekesa, alias Kamanda Boy, with robbery on Monday.", "Kamanda Boy"),
    ("Police charged Daudi Wekesa, alias Kamanda, with robbery. Kamanda denied the charge.", "Kamanda"),
])
def test_entities_world_a_name_after_alias_is_the_person_named_before_it(nlp, text, alias):
    doc = annotate(nlp, text, "2025-03-14")
    found = [e for e in doc.ents if e.text == alias]
    assert found and all(e.label_ == "PERSON" and e._.canonical == "Daudi Wekesa" for e in found)
    denied = [e for e in doc._.events if e.trigger == "charge"]
    assert all({a.canonical for a in e.arguments if a.role == "subject"} == {"Daudi Wekesa"} for e in denied)


@pytest.mark.parametrize("text, abbreviation, province", [
    ("HALIFAX, N.S. — A man was charged on Monday.", "N.S.", "Nova Scotia"),
    ("A man from Kelowna, B.C., was charged on Monday.", "B.C.", "British Columbia"),
    ("Police in Dubbo, NSW, charged a man on Monday.", "NSW", "New South Wales"),
])
def test_entities_world_a_province_abbreviated_after_a_town_is_a_place(nlp, text, abbreviation, province):
    doc = annotate(nlp, text, "2025-03-14")
    assert (abbreviation, "PLACE", province) in [(e.text, e.label_, e._.canonical) for e in doc.ents]


@pytest.mark.parametrize("text, canonical", [
    ("NAIROBI — Kenya's High Court on Tuesday suspended the deployment of police officers.", "High Court of Kenya"),
    ("SYDNEY — Australia's High Court on Wednesday ruled that the detention was unlawful.", "High Court of Australia"),
])
def test_entities_world_a_court_after_its_countrys_possessive(nlp, text, canonical):
    doc = annotate(nlp, text, "2025-03-14")
    assert ("High Court", "COURT", canonical) in [(e.text, e.label_, e._.canonical) for e in doc.ents]


@pytest.mark.parametrize("text, initials", [
    ("Immigration agents arrested T-R-M outside the court on Monday.", "T-R-M"),
    ("A judge ordered the release of K-A-L-S on Friday.", "K-A-L-S"),
])
def test_entities_world_hyphenated_initials_a_court_gives_a_person(nlp, text, initials):
    doc = annotate(nlp, text, "2025-03-14")
    assert (initials, "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, court", [
    ("THE HAGUE — The International Criminal Court on Thursday sentenced a militia leader to 30 years.",
     "International Criminal Court"),
    ("STRASBOURG — The European Court of Human Rights ruled that Ireland had violated the right to a fair trial.",
     "European Court of Human Rights"),
])
def test_entities_world_an_international_court_is_of_no_country(nlp, text, court):
    doc = annotate(nlp, text, "2025-03-14")
    found = [e for e in doc.ents if e.label_ == "COURT"]
    assert [(e._.canonical, e._.country_code) for e in found] == [(court, None)]


def test_entities_world_a_person_the_article_names_is_a_person_wherever_it_names_him(nlp):
    doc = annotate(nlp, "Lawyers for Maina Njenga sought his release. The court said Maina Njenga should be released, "
                        "and the state must charge the Maina Njenga within a day.", "2025-03-14")
    assert [e.label_ for e in doc.ents if e.text == "Maina Njenga"] == ["PERSON"] * 3


def test_entities_world_a_name_after_an_article_is_no_person(nlp):
    doc = annotate(nlp, "Relatives of Dana Pruitt urged officers to issue an Amber Alert.", "2025-03-14")
    assert [e.text for e in doc.ents if e.label_ == "PERSON"] == ["Dana Pruitt"]


@pytest.mark.parametrize("text, court", [
    ("ACCRA (Gold Coast News Agency) — An Accra Circuit Court on Thursday sentenced three men to 15 years.",
     "Accra Circuit Court"),
    ("NEWARK, N.J. (Garden State Law Wire) — A federal judge on Wednesday ordered the agency to release a nurse.",
     "A federal judge"),
])
def test_entities_world_a_dateline_credited_to_a_long_agency_name(nlp, text, court):
    doc = annotate(nlp, text, "2025-03-14")
    assert any(e._.rule == "dateline" for e in doc.ents)
    event = next(e for e in doc._.events if e.event_type in ("SENTENCE", "ORDER"))
    assert [a.text for a in event.arguments if a.role == "adjudicator"] == [court]


def test_entities_world_a_dateline_filed_from_two_places(nlp):
    doc = annotate(nlp, "THE HAGUE/MANILA (Coral Wire) – A retired police general was arrested in Manila last week.",
                   "2025-03-14")
    found = [(e.text, e.label_) for e in doc.ents]
    assert ("THE HAGUE", "PLACE") in found and ("MANILA", "PLACE") in found and ("Coral Wire", "ORGANIZATION") in found
    arrest = next(e for e in doc._.events if e.event_type == "ARREST_DETAIN")
    assert not any("Coral Wire" in a.text for a in arrest.arguments)


def test_entities_world_a_court_pseudonym_is_a_person_wherever_written(nlp):
    text = ("The court ruled the detention of the man, identified in court papers by the pseudonym BKT41, was "
            "unlawful. BKT41 was released on Thursday.")
    found = [(e.text, e.label_) for e in annotate(nlp, text, "2025-03-14").ents]
    assert found.count(("BKT41", "PERSON")) == 2


def test_entities_world_court_descriptions_of_a_kind_are_courts_of_that_kind(nlp):
    text = ("The Allahabad High Court granted bail to the father. His wife was granted bail by the sessions court in "
            "Barabanki. The high court told the trial court to finish the trial. An anti-terrorism court jailed two men.")
    doc = annotate(nlp, text, "2025-03-14")
    courts = {e.text: e._.canonical for e in doc.ents if e.label_ == "COURT"}
    assert courts["The high court"] == "Allahabad High Court"
    assert courts["the sessions court"] == "sessions court" and courts["the trial court"] == "trial court"
    assert courts["An anti-terrorism court"] == "anti-terrorism court"


@pytest.mark.parametrize("text, name, label", [
    ("His lawyer, Olumide Adeyemi, asked the court to admit him to bail.", "Olumide Adeyemi", "PERSON"),
    ("Her lawyer, advocate Jaco Venter, said his client would plead not guilty.", "Jaco Venter", "PERSON"),
    ("The warrant was relayed through Interpol on Monday.", "Interpol", "AGENCY"),
    ("The Singapore Prison Service confirmed the execution.", "Singapore Prison Service", "AGENCY"),
])
def test_entities_world_counsel_named_in_apposition_and_more_agencies(nlp, text, name, label):
    assert (name, label) in [(e.text, e.label_) for e in annotate(nlp, text, "2025-03-14").ents]
