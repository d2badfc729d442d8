"""Entities stage: each rule family on sentences written for these tests (not from the gold files)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.tokens import Span

from conftest import annotate, sample_texts
from pipeline.nlp import MODEL_TWINS


def ents(nlp, text, published_at="2025-03-10"):
    return list(annotate(nlp, text, published_at).ents)


def find(doc_ents, text):
    hits = [e for e in doc_ents if e.text == text]
    assert hits, f"{text!r} not among {[(e.text, e.label_) for e in doc_ents]}"
    return hits[0]


@pytest.mark.parametrize("text, mention, canonical", [
    ("Agents from US Customs and Border Protection stopped the truck near El Paso.", "US Customs and Border Protection",
     "U.S. Customs and Border Protection"),
    ("The Drug Enforcement Administration said the shipment was seized in March.", "Drug Enforcement Administration",
     "U.S. Drug Enforcement Administration"),
    ("He spent four years in the custody of the Bureau of Prisons before his release.", "Bureau of Prisons",
     "Federal Bureau of Prisons"),
    ("A spokesperson for the Homeland Security Department declined to comment.", "Homeland Security Department",
     "U.S. Department of Homeland Security"),
    ("Lawyers asked the State Department to review the visa decision.", "State Department", "U.S. Department of State"),
    ("USCIS rejected the application without an interview.", "USCIS", "U.S. Citizenship and Immigration Services"),
])
def test_entities_federal_agency_gazetteer(nlp, text, mention, canonical):
    ent = find(ents(nlp, text), mention)
    assert (ent.label_, ent._.canonical) == ("AGENCY", canonical)


@pytest.mark.parametrize("text, mention", [
    ("Deputies from the Maricopa County Sheriff's Office booked him into jail.", "Maricopa County Sheriff's Office"),
    ("The Ohio Department of Rehabilitation and Correction confirmed the transfer.",
     "Ohio Department of Rehabilitation and Correction"),
    ("Officers of the Dallas Police Department arrested two men on Friday.", "Dallas Police Department"),
    ("The Florida Commission on Offender Review denied her parole.", "Florida Commission on Offender Review"),
    ("The Biden administration had paused the program.", "Biden administration"),
    ("The U.S. Attorney's Office for the Eastern District of Virginia filed the charges.",
     "U.S. Attorney's Office for the Eastern District of Virginia"),
    ("A bill now before Congress would change the rule.", "Congress"),
    ("The Nevada Legislature passed the measure last year.", "Nevada Legislature"),
    ("The Embassy of Honduras said it was assisting the family.", "Embassy of Honduras"),
])
def test_entities_agency_pattern_families(nlp, text, mention):
    ent = find(ents(nlp, text), mention)
    assert ent.label_ == "AGENCY"
    assert ent._.canonical


def test_entities_foreign_body_canonical_names_its_country(nlp):
    ent = find(ents(nlp, "Peru's Attorney General's Office opened an inquiry into the officers."),
               "Attorney General's Office")
    assert (ent.label_, ent._.canonical) == ("AGENCY", "Attorney General's Office of Peru")


@pytest.mark.parametrize("text, mention, canonical, court_id", [
    ("The 5th Circuit heard arguments in the case on Monday.", "5th Circuit",
     "U.S. Court of Appeals for the Fifth Circuit", "ca5"),
    ("The government appealed to the Ninth U.S. Circuit Court of Appeals.", "Ninth U.S. Circuit Court of Appeals",
     "U.S. Court of Appeals for the Ninth Circuit", "ca9"),
    ("The U.S. Court of Appeals for the D.C. Circuit agreed with the agency.",
     "U.S. Court of Appeals for the D.C. Circuit", "U.S. Court of Appeals for the D.C. Circuit", "cadc"),
    ("The family sued in a federal court in Chicago last spring.", "federal court in Chicago",
     "U.S. District Court for the Northern District of Illinois", "ilnd"),
    ("The case was filed in the U.S. District Court for the Eastern District of New York.",
     "U.S. District Court for the Eastern District of New York",
     "U.S. District Court for the Eastern District of New York", "nyed"),
    ("The Florida Supreme Court refused to halt the execution.", "Florida Supreme Court",
     "Supreme Court of Florida", "fla"),
    ("The Board of Immigration Appeals dismissed his appeal.", "Board of Immigration Appeals",
     "Board of Immigration Appeals", "bia"),
    ("Her hearing before an immigration court in Dallas was postponed.", "immigration court in Dallas",
     "Dallas Immigration Court", None),
    ("The justices of the U.S. Supreme Court declined to take the case.", "U.S. Supreme Court",
     "Supreme Court of the United States", "scotus"),
])
def test_entities_courts_in_news_spellings(nlp, text, mention, canonical, court_id):
    ent = find(ents(nlp, text), mention)
    assert (ent.label_, ent._.canonical, ent._.court_id) == ("COURT", canonical, court_id)


@pytest.mark.parametrize("text", [
    "According to court papers filed Tuesday, the men were held for weeks.",
    "A federal judge in Denver ordered the release of the detainees.",
    "Her lawyers said the claim could still proceed in state court.",
    "Court records show he entered the country in 2019.",
])
def test_entities_no_court_mention_for_generic_uses(nlp, text):
    assert not [e for e in ents(nlp, text) if e.label_ == "COURT"]


def test_entities_definite_court_takes_the_article_court(nlp):
    text = ("SEATTLE — A federal judge on Friday blocked the transfer of 12 detainees. U.S. District Judge "
            "Mariana Ostrowski of the Western District of Washington wrote that the government ignored "
            "her order. The court will hold a hearing next week. The government said it would appeal to the "
            "9th Circuit, and lawyers expect the appeals court to rule quickly.")
    found = ents(nlp, text)
    court = find(found, "The court")
    assert (court.label_, court._.canonical) == ("COURT", "U.S. District Court for the Western District of Washington")
    appeals = find(found, "the appeals court")
    assert appeals._.canonical == "U.S. Court of Appeals for the Ninth Circuit"


@pytest.mark.parametrize("text, mention", [
    ("The woman, identified in court filings as A.M.R., was flown to Honduras.", "A.M.R."),
    ("Lawyers for K.T.L. said he feared for his life.", "K.T.L."),
    ("The complaint names John Doe as the lead plaintiff.", "John Doe"),
    ("Svetlana Ordway, 41, was arrested at her home.", "Svetlana Ordway"),
    ("Her lawyer, Yesenia Barragan, said the ruling was a relief.", "Yesenia Barragan"),
])
def test_entities_people_initials_pseudonyms_and_names(nlp, text, mention):
    assert find(ents(nlp, text), mention).label_ == "PERSON"


def test_entities_surname_shares_the_full_name(nlp):
    text = ("Federal prosecutors charged Dominic Castellano with fraud in May. Castellano pleaded not guilty, "
            "and Castellano's lawyer said he would fight the charges.")
    people = [e for e in ents(nlp, text) if e.label_ == "PERSON"]
    assert [e.text for e in people] == ["Dominic Castellano", "Castellano", "Castellano"]
    assert {e._.canonical for e in people} == {"Dominic Castellano"}
    assert len({e._.entity_key for e in people}) == 1


def test_entities_paternal_surname_links_a_spanish_name(nlp):
    text = "Colombia extradited Hernán Quintero Duarte on Monday. Quintero is accused of smuggling cocaine."
    ent = find(ents(nlp, text), "Quintero")
    assert (ent.label_, ent._.canonical) == ("PERSON", "Hernán Quintero Duarte")


@pytest.mark.parametrize("text, mention, role", [
    ("U.S. District Judge Tamsin Whitlock ordered the release.", "Tamsin Whitlock", "district judge"),
    ("Judge Tamsin Whitlock ordered the release.", "Tamsin Whitlock", "judge"),
    ("Homeland Security Secretary Rowan Pelletier defended the policy.", "Rowan Pelletier", "secretary"),
    ("His attorney, Graciela Montoya, said he would appeal.", "Graciela Montoya", "attorney"),
    ("Sheriff Dwayne Holcomb said the deputies followed the rules.", "Dwayne Holcomb", "sheriff"),
])
def test_entities_title_outside_span_kept_as_role(nlp, text, mention, role):
    ent = find(ents(nlp, text), mention)
    assert ent.label_ == "PERSON" and ent._.role == role


def test_entities_demonym_is_nationality_not_place(nlp):
    text = "Among the plaintiffs is Osvaldo Tejeda, 37, a Nicaraguan man who fled in 2021. A Cuban woman joined the suit."
    found = ents(nlp, text)
    assert not [e for e in found if e.text in ("Nicaraguan", "Cuban")]
    assert find(found, "Osvaldo Tejeda")._.nationality == "Nicaraguan"


def test_entities_acronym_defined_in_text_links_later_mentions(nlp):
    text = ("The Executive Office for Immigration Review (EOIR) issued new guidance. Lawyers said EOIR had not "
            "consulted them. The Southern Border Legal Aid Network (SBLAN) said it would sue, and SBLAN lawyers "
            "began drafting a complaint.")
    found = ents(nlp, text)
    eoir = [e for e in found if e.text == "EOIR"]
    assert len(eoir) == 2 and {e._.canonical for e in eoir} == {"Executive Office for Immigration Review"}
    assert {e.label_ for e in eoir} == {"AGENCY"}
    sblan = [e for e in found if e.text == "SBLAN"]
    assert len(sblan) == 2 and {e._.canonical for e in sblan} == {"Southern Border Legal Aid Network"}
    assert {e.label_ for e in sblan} == {"ORGANIZATION"}


def test_entities_ice_has_one_key_across_articles(nlp):
    texts = ["ICE detained him at a check-in in Newark.",
             "U.S. Immigration and Customs Enforcement said the flight left on time.",
             "A spokesperson for Immigration and Customs Enforcement did not respond."]
    keys = set()
    for text in texts:
        keys |= {e._.entity_key for e in ents(nlp, text) if e.label_ == "AGENCY"}
    assert keys == {"AGENCY:u.s. immigration and customs enforcement"}


@pytest.mark.parametrize("text, mention, label", [
    ("He was held at the Krome Detention Center in Miami for a month.", "Krome Detention Center", "PLACE"),
    ("U.S. officials said the flight would leave from Texas.", "U.S.", "PLACE"),
    ("PHOENIX — A jury convicted a former Border Patrol agent on Thursday.", "PHOENIX", "PLACE"),
    ("The company, Halvorsen Freight Group, pleaded guilty. Halvorsen will pay a fine.", "Halvorsen", "ORGANIZATION"),
    ("Prosecutors said the Sinaloa Cartel paid the officers.", "Sinaloa Cartel", "ORGANIZATION"),
])
def test_entities_label_rules(nlp, text, mention, label):
    assert find(ents(nlp, text), mention).label_ == label


def test_entities_every_non_date_entity_has_canonical_and_no_overlap(nlp):
    text = ("BALTIMORE — The 4th U.S. Circuit Court of Appeals on Tuesday upheld an order requiring ICE to return "
            "Maribel Fuentes, a Salvadoran mother of two, from El Salvador. Fuentes, 29, was deported in March.")
    found = ents(nlp, text)
    taken = set()
    for e in found:
        assert not taken.intersection(range(e.start, e.end))
        taken.update(range(e.start, e.end))
        assert e.label_ in ("PERSON", "AGENCY", "COURT", "ORGANIZATION", "PLACE", "DATE")
        if e.label_ != "DATE":
            assert e._.canonical and e._.entity_key == f"{e.label_}:{e._.canonical.casefold()}"


def _seed(shared):
    return json.loads((shared / "gold" / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])


def test_entities_seed_article(nlp, shared):
    seed = _seed(shared)
    found = ents(nlp, seed["text"], seed.get("published_at"))
    by_text = {}
    for e in found:
        by_text.setdefault(e.text, e)
    assert by_text["O.C.G."].label_ == "PERSON"
    ice, long_form = by_text["ICE"], by_text["US Immigration and Customs Enforcement"]
    assert ice.label_ == long_form.label_ == "AGENCY"
    assert ice._.canonical == long_form._.canonical
    dhs = [e for e in found if e.text.endswith("Department of Homeland Security")]
    assert dhs and dhs[0].label_ == "AGENCY"
    assert by_text["National Immigration Litigation Alliance"].label_ == "ORGANIZATION"


# Floors reached on ../shared/gold (dev + seed) by this stage; raise them, never lower them.
ENTITY_FLOORS = {"ALL": 0.98, "PERSON": 0.98, "AGENCY": 0.98, "COURT": 0.98, "PLACE": 0.98, "ORGANIZATION": 0.95,
                 "DATE": 0.98}


def test_entities_dev_gold_floor(shared, tmp_path):
    gold = [str(shared / "gold" / "dev.jsonl"), str(shared / "gold" / "seed.jsonl")]
    out = tmp_path / "run"
    legalnews = Path(sys.executable).parent / "legalnews"
    subprocess.run([str(legalnews), "extract", *gold, "--out", str(out), "-q"],
                   check=True, capture_output=True)
    result = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "--gold", *gold,
                             "--pred", str(out), "--json"], check=True, capture_output=True, text=True)
    scores = json.loads(result.stdout[result.stdout.index("{"):])["entities"]
    got = {label: scores[label]["lenient"]["f"] for label in ENTITY_FLOORS}
    assert all(got[label] >= floor for label, floor in ENTITY_FLOORS.items()), got

    mentions = [json.loads(line) for line in (out / "mentions.jsonl").read_text().splitlines()]
    places = [m for m in mentions if m["label"] == "PLACE"]
    from pipeline.places import countries, fold, us_states
    for m in places:
        if fold(m["canonical"] or "") in countries() or fold(m["canonical"] or "") in us_states():
            assert m["country_code"], m


def test_entities_chapter_of_an_organization_keeps_its_state(nlp):
    ent = find(ents(nlp, "A lawyer with the ACLU of Northern California said the rule was unlawful."),
               "ACLU of Northern California")
    assert (ent.label_, ent._.canonical) == ("ORGANIZATION", "ACLU of Northern California")


def test_entities_lower_court_is_the_judges_district(nlp):
    text = ("The Supreme Court on Monday paused an order by U.S. District Judge Priscilla Haverford in Denver. "
            "The government argued that the lower court had exceeded its power.")
    ent = find(ents(nlp, text), "the lower court")
    assert ent._.canonical == "U.S. District Court for the District of Colorado"


def test_entities_foreign_high_court_is_not_scotus(nlp):
    ent = find(ents(nlp, "Brazil's Supreme Court on Tuesday upheld the extradition order."), "Supreme Court")
    assert (ent.label_, ent._.canonical, ent._.court_id) == ("COURT", "Supreme Court of Brazil", None)


@pytest.mark.parametrize("text, mention, role", [
    ("Solicitor General Amara Whitfield told the justices the order was too broad.", "Amara Whitfield",
     "solicitor general"),
    ("Attorney General Desmond Rourke announced the charges.", "Desmond Rourke", "attorney general"),
])
def test_entities_two_word_titles(nlp, text, mention, role):
    assert find(ents(nlp, text), mention)._.role == role


def test_entities_case_name_is_not_a_person(nlp):
    found = ents(nlp, "The appeal, Okonkwo v. Marsh, is set for argument in the fall.")
    assert not [e for e in found if "v." in e.text]


def test_entities_listed_agencies_do_not_swallow_the_conjunction(nlp):
    found = ents(nlp, "The Federal Bureau of Prisons and the U.S. Marshals Service declined to comment.")
    assert [e.text for e in found if e.label_ == "AGENCY"] == ["Federal Bureau of Prisons", "U.S. Marshals Service"]


@pytest.mark.parametrize("text, mention", [
    ("Chukwuemeka Obiora, a Nigerian national, was detained in Houston.", "Chukwuemeka Obiora"),
    ("Investigators said Thandiwe Mkhabela, who ran the agency, kept two sets of books.", "Thandiwe Mkhabela"),
    ("Lawyers for the city met Tuesday. Afolabi Nwankwo's lawyer said the arrest was unlawful.", "Afolabi Nwankwo"),
])
def test_entities_person_evidence_from_apposition_and_possession(nlp, text, mention):
    assert find(ents(nlp, text), mention).label_ == "PERSON"


@pytest.mark.parametrize("text, mention, court_id", [
    ("The Virginia Court of Appeals overturned the conviction.", "Virginia Court of Appeals", "vactapp"),
    ("The Texas Court of Criminal Appeals stayed the execution.", "Texas Court of Criminal Appeals", "texcrimapp"),
])
def test_entities_state_appellate_courts_link_to_courts_db(nlp, text, mention, court_id):
    ent = find(ents(nlp, text), mention)
    assert (ent.label_, ent._.court_id) == ("COURT", court_id)


def test_entities_unlabeled_name_before_an_age_is_a_person(nlp):
    text = "The man, Ever Josué Mejía Cardona, 33, had been held for months. Mejía was released Friday."
    found = ents(nlp, text)
    full = [e for e in found if e.label_ == "PERSON" and "Mejía Cardona" in e.text]
    assert full
    assert find(found, "Mejía")._.canonical == full[0]._.canonical


@pytest.mark.parametrize("text, name, label", [
    ("On Monday police detained the reporter's cameraman, Ankit Verma, for questioning.", "Ankit Verma", "PERSON"),
    ("Police froze the accounts of Dlamini's company, Red Heron Building Supplies, on Monday.",
     "Red Heron Building Supplies", "ORGANIZATION"),
])
def test_entities_a_name_in_apposition_to_someones_noun(nlp, text, name, label):
    assert find(ents(nlp, text), name).label_ == label


def test_entities_a_one_word_name_between_a_person_noun_and_an_age_is_a_person_whatever_the_model_says(nlp):
    doc = nlp("Police booked his father, Murugan, 63, and mother, Saroja, 58, on Tuesday.")
    valli = next(t.i for t in doc if t.text == "Saroja")
    doc.ents = [Span(doc, valli, valli + 1, label="ORG")]  # as the model reads it in some stories
    normalizer = nlp.get_pipe("legalnews_entities")
    found = normalizer.finder.named_with_age(normalizer.scanner.scan(doc))
    assert {(doc[c.start:c.end].text, c.label) for c in found} == {("Murugan", "PERSON"), ("Saroja", "PERSON")}


@pytest.mark.parametrize("text", ["\x8a\u00cd\u00f78\u00c2  \t", "Maria   Lopez  \n\n", "  \n  "])
def test_entities_no_blank_or_padded_entity(nlp, text):
    for e in ents(nlp, text):
        assert e.text.strip() == e.text and e.text


@pytest.mark.parametrize("text, mention, label", [
    ("Prosecutors said a 52-year-old Tempe woman ran the scheme.", "Tempe", "PLACE"),
    ("Raids took place in Tucson, Yuma and Flagstaff on Tuesday.", "Yuma", "PLACE"),
    ("He was arrested at Hartsfield-Jackson Atlanta International Airport on Monday.",
     "Hartsfield-Jackson Atlanta International Airport", "PLACE"),
    ("The Alabama Pardon and Parole Board denied his request.", "Alabama Pardon and Parole Board", "AGENCY"),
    ("She was moved to the Federal Medical Center in Carswell last year.", "Federal Medical Center", "PLACE"),
])
def test_entities_places_and_bodies_the_model_calls_organizations(nlp, text, mention, label):
    assert find(ents(nlp, text), mention).label_ == label


def test_entities_hyphenated_surname_links_to_the_full_name(nlp):
    text = "Federal agents arrested Rosalind Okoro-Fairbanks in April. Okoro-Fairbanks denied the charges."
    ent = find(ents(nlp, text), "Okoro-Fairbanks")
    assert (ent.label_, ent._.canonical) == ("PERSON", "Rosalind Okoro-Fairbanks")


def test_entities_honorific_stays_outside_the_name(nlp):
    found = ents(nlp, "Lawyers for Mr. Thaddeus Pembrook said he would appeal.")
    assert [e.text for e in found if e.label_ == "PERSON"] == ["Thaddeus Pembrook"]


@pytest.mark.parametrize("text, dateline", [
    ("LAS CRUCES, N.M. — A judge on Friday ordered the release of two men.", "Las Cruces"),
    ("DENVER — A jury acquitted the officer.", "Denver"),
    ("FBI, DEA and ICE agents searched the house on Tuesday.", None),
])
def test_entities_dateline_only_before_a_dash(nlp, text, dateline):
    doc = annotate(nlp, text, "2025-03-10")
    assert doc._.dateline == dateline


def test_entities_surname_that_is_also_a_city_stays_a_place_where_used_as_one(nlp):
    text = ("Justice Ketanji Brown Jackson wrote the dissent. Jackson said the order was unlawful. "
            "The detainees were flown to a facility in Jackson, Mississippi.")
    found = [e for e in ents(nlp, text) if e.text == "Jackson"]
    assert [e.label_ for e in found] == ["PERSON", "PLACE"]


def test_entities_us_modifier_before_a_title_is_a_place(nlp):
    found = ents(nlp, "At the hearing, U.S. Magistrate Judge Orla Fennimore ordered him held without bail.")
    us = find(found, "U.S.")
    assert (us.label_, us._.canonical) == ("PLACE", "United States")
    assert find(found, "Orla Fennimore")._.role == "magistrate judge"


def test_entities_the_countrys_court_names_the_country(nlp):
    text = "Peru agreed to the request in May, and the country's Constitutional Court upheld it in June."
    ent = find(ents(nlp, text), "Constitutional Court")
    assert (ent.label_, ent._.canonical) == ("COURT", "Constitutional Court of Peru")


def test_entities_local_body_takes_the_dateline_city(nlp):
    doc = annotate(nlp, "DETROIT — The City Council voted 7-2 on Tuesday to end the contract.", "2025-03-10")
    ent = find(list(doc.ents), "City Council")
    assert (ent.label_, ent._.canonical) == ("AGENCY", "Detroit City Council")


def test_entities_district_attorney_title_is_not_part_of_the_county(nlp):
    found = ents(nlp, "Cobb County District Attorney Marisol Pendergast said the case would go to trial.")
    assert "Cobb County" in [e.text for e in found if e.label_ == "PLACE"]
    assert find(found, "Marisol Pendergast")._.role == "district attorney"


def test_entities_the_immigration_court_is_the_judges_court(nlp):
    text = ("An immigration judge in Omaha ordered him removed in 2023. His lawyers will ask "
            "the immigration court to reopen the case.")
    ent = find(ents(nlp, text), "the immigration court")
    assert (ent.label_, ent._.canonical) == ("COURT", "Omaha Immigration Court")


@pytest.mark.parametrize("text, mention, label", [
    ("Syria's National Defense Forces said the convoy was hit.", "National Defense Forces", "AGENCY"),
    ("The bombing outside the Murrah Federal Building killed 168 people.", "Murrah Federal Building", "PLACE"),
    ("Shoppers ran along Oxford Street after the alarm.", "Oxford Street", "PLACE"),
    # a jail, prison or police station a name opens
    ("A magistrate remanded the eight men to Mbale prison on Wednesday.", "Mbale prison", "PLACE"),
    ("He was booked into the Dane County jail on Friday.", "Dane County jail", "PLACE"),
    ("The complaint was registered at Civil Lines police station in Agra.", "Civil Lines police station", "PLACE"),
    ("The court ordered her release from the Kano Custodial Centre.", "Kano Custodial Centre", "PLACE"),
    ("He was hanged at Changi Prison Complex at dawn.", "Changi Prison Complex", "PLACE"),
])
def test_entities_owner_and_named_sites_in_model_spans(nlp, text, mention, label):
    assert find(ents(nlp, text), mention).label_ == label


@pytest.mark.parametrize("text", [
    "He lived in the district of Barking before the move.",
    "The new congress will meet in the spring, and the supreme court will follow.",
])
def test_entities_lowercase_words_are_no_names(nlp, text):
    assert not [e for e in ents(nlp, text) if e.label_ in ("COURT", "AGENCY", "ORGANIZATION")]


def test_entities_never_cross_a_line_break(nlp):
    for e in ents(nlp, "Boston Bomb Probe\nBOSTON — Investigators searched a home in Cambridge."):
        assert "\n" not in e.text


def test_entities_lowercase_dates_are_kept(nlp):
    found = ents(nlp, "He was deported two days later, and the family learned of it last week.")
    assert {"two days later", "last week"} <= {e.text for e in found if e.label_ == "DATE"}


@pytest.mark.parametrize("text, name, role", [
    ("Interior Minister Laurent Dubreuil said the suspect had been arrested.", "Laurent Dubreuil", "minister"),
    ("Staff Sergeant Corbin Whitlow was charged on Monday.", "Corbin Whitlow", "sergeant"),
])
def test_entities_multiword_titles_stay_outside_the_name(nlp, text, name, role):
    ent = find(ents(nlp, text), name)
    assert (ent.label_, ent._.role) == ("PERSON", role)


def test_entities_place_after_a_title_word_stays_a_place(nlp):
    found = ents(nlp, "Chief U.S. District Judge Renata Folau said the order stands.")
    assert find(found, "U.S.").label_ == "PLACE"
    assert find(found, "Renata Folau").label_ == "PERSON"


def test_entities_acronym_of_a_named_facility(nlp):
    text = ("The men were sent to the Pacific Ridge Confinement Center (PRCC), a prison on the coast. "
            "Lawyers could not reach anyone held at PRCC.")
    prcc = [e for e in ents(nlp, text) if e.text == "PRCC"]
    assert len(prcc) == 2 and {(e.label_, e._.canonical) for e in prcc} == {("PLACE", "Pacific Ridge Confinement Center")}


@pytest.mark.parametrize("text", ["The judge gave Smith jail time for contempt.",
                                  "The prison was built in 1902.", "Police said the station had been closed."])
def test_entities_a_jail_term_or_a_bare_prison_names_no_facility(nlp, text):
    assert not [e for e in ents(nlp, text) if e.label_ == "PLACE"]


def test_entities_court_title_stays_out_of_the_county(nlp):
    found = ents(nlp, "Pima County Superior Judge Lorna Quist sentenced him to five years.")
    assert "Pima County" in [e.text for e in found if e.label_ == "PLACE"]
    assert not [e for e in found if e.label_ in ("ORGANIZATION", "AGENCY")]


def test_entities_coordinated_demonyms_are_not_places(nlp):
    found = ents(nlp, "Several of the victims were Guatemalan and Honduran nationals.")
    assert not [e for e in found if e.label_ == "PLACE"]


def test_entities_possessive_title_is_not_an_organization(nlp):
    found = ents(nlp, "Commonwealth's Attorney Odette Lavallee said the office would retry the case.")
    assert not [e for e in found if e.label_ in ("ORGANIZATION", "AGENCY")]
    assert find(found, "Odette Lavallee").label_ == "PERSON"


def test_entities_gazetteer_place_the_model_missed(nlp):
    found = ents(nlp, "He was held at a Border Patrol station in Nogales for two days.")
    assert find(found, "Nogales").label_ == "PLACE"


@pytest.mark.parametrize("text, name, role", [
    ("At the hearing, U.S. Magistrate Judge Ingrid Solberg set a bond of $5,000.", "Ingrid Solberg", "magistrate judge"),
    ("U.S. Bankruptcy Judge Thaddeus Wrenfield approved the sale of the hotel.", "Thaddeus Wrenfield",
     "bankruptcy judge"),
    ("A federal magistrate judge, Ruth Okonkwo, refused to release him.", "Ruth Okonkwo", "magistrate judge"),
    ("Immigration Judge Carmela Ibáñez denied the claim in May.", "Carmela Ibáñez", "immigration judge"),
    ("The creditors asked U.S. Bankruptcy Judge Alan Trust to pause the auction.", "Alan Trust", "bankruptcy judge"),
])
def test_entities_judge_titles_stay_outside_and_become_the_role(nlp, text, name, role):
    """"U.S. Magistrate Judge X": "U.S." is a place, the title is no ORG and no part of the name but
    the person's role, with the kind of court; a surname like an organization's head word ("Trust")
    after a title and a given name is still a person."""
    found = ents(nlp, text)
    person = find(found, name)
    assert (person.label_, person._.role) == ("PERSON", role)
    assert not [e for e in found if e.label_ in ("ORGANIZATION", "AGENCY", "COURT")]
    assert not [e for e in found if {"Judge", "judge", "Magistrate", "Bankruptcy"} & {t.text for t in e}]


@pytest.mark.parametrize("text, canonical, court_id", [
    ("ATLANTA — The state Supreme Court on Thursday threw out the murder conviction of a Macon man.",
     "Supreme Court of Georgia", "ga"),
    ("A jury in Savannah convicted her in 2021, and the state Supreme Court upheld the verdict on Tuesday. "
     "Georgia prosecutors welcomed the ruling.", "Supreme Court of Georgia", "ga"),
    ("LAS CRUCES, N.M. — The state's highest court ordered a new trial on Monday.", "Supreme Court of New Mexico",
     "nm"),
    ("The state Supreme Court on Friday ordered a new sentencing hearing.", "state supreme court", None),
    ("A court in Tulsa, Oklahoma, and another in Wichita, Kansas, disagreed; the state Supreme Court will decide.",
     "state supreme court", None),
])
def test_entities_state_supreme_court_is_the_articles_state_never_scotus(nlp, text, canonical, court_id):
    court = [e for e in ents(nlp, text) if e.label_ == "COURT" and "upreme" in e.text or "highest" in e.text]
    assert court and (court[0]._.canonical, court[0]._.court_id) == (canonical, court_id)
    assert court[0]._.court_id != "scotus"


def test_entities_every_component_reads_the_configured_models_dir(nlp, tmp_path):
    """`--models-dir` reaches every table: a user's copy with a new agency alias, a new city in a
    federal district and a changed state code is what a pipeline built on it uses."""
    import shutil

    from pipeline.config import MODELS_DIR, Settings
    from pipeline.nlp import build_nlp

    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models)
    with (models / "entities" / "agencies.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps({"label": "AGENCY", "canonical": "Quillby Harbor Board", "aliases": ["Harbor Board"]}) + "\n")
    districts = models / "entities" / "federal_districts.csv"
    districts.write_text(districts.read_text(encoding="utf-8").replace("Southern District of Texas,",
                                                                       "Southern District of Texas,Quillby;"),
                         encoding="utf-8")
    states = models / "places" / "us_states.csv"
    states.write_text(states.read_text(encoding="utf-8").replace("Nebraska,NE,", "Nebraska,XN,"), encoding="utf-8")
    custom = build_nlp(Settings(models_dir=str(models)))
    text = ("The Harbor Board sued in a federal court in Quillby on Monday. "
            "The men were first arrested in Nebraska.")
    southern_texas = "U.S. District Court for the Southern District of Texas"
    for pipeline, expected in ((custom, (True, True, "XN")), (nlp, (False, False, "NE"))):
        by_text = {e.text: e for e in annotate(pipeline, text, "2025-03-10").ents}
        board = by_text.get("Harbor Board")
        court = by_text.get("federal court in Quillby")
        got = (board is not None and board._.canonical == "Quillby Harbor Board",
               court is not None and court._.canonical == southern_texas, by_text["Nebraska"]._.admin1)
        assert got == expected


def test_entity_ruler_anchored_matches_equal_spanruler(nlp):
    """The ruler's anchored token patterns find exactly what spaCy's SpanRuler finds with all of them."""
    from spacy.pipeline import SpanRuler

    from pipeline.entities import RULER_KEY, load_gazetteer
    from pipeline.resources import models_dir

    plain = SpanRuler(nlp, "plain", spans_key=RULER_KEY, annotate_ents=False, overwrite=True)
    plain.add_patterns(load_gazetteer(str(models_dir() / "entities")).patterns)
    ruler = nlp.get_pipe("legalnews_entity_ruler")
    texts = ["The 9th U.S. Circuit Court of Appeals and the U.S. District Court for the Southern District of Texas "
             "ruled; the Harris County Sheriff's Office and the Texas Board of Pardons and Paroles declined.",
             "J.D. Vance met Ministry of Foreign Affairs officials at the Otay Mesa Detention Center.",
             "The state's highest court, the Texas Court of Criminal Appeals, sent John Doe 2 to Huntsville Prison.",
             "Nothing here matches a pattern.", "",
             "Department of Homeland Security", "He left. Fulton County Superior Court. The Bush Administration",
             "REPORTING BY THE DEPARTMENT OF JUSTICE AND THE Office Of The Inspector General Of The Army"]
    model_only = [n for n in nlp.pipe_names if n.startswith("legalnews") and n not in MODEL_TWINS]
    assert ruler._spec_words.readable  # the Matcher runs on stretches of words, not on whole Docs
    for doc in nlp.pipe(texts + sample_texts(), disable=model_only):
        assert ruler.match(doc) == plain.match(doc)
    assert len(ruler.match(nlp(texts[0]))) >= 3


DIRECTIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle", "C": "Central"}


def test_entities_every_federal_district_court_links_from_its_news_name():
    """"U.S. District Court for the Eastern District of Texas" is how news names what courts-db calls
    "District Court, E.D. Texas": every such court of courts-db must be found from that name."""
    import re

    from courts_db import courts as courts_db

    from pipeline.courts import court_id

    checked = []
    for court in courts_db:
        m = re.fullmatch(r"District Court, (?:([NSEWMC])\.D\.|D\.) (.+)", court["name"])
        if m and court.get("type") != "bankruptcy":
            direction = f"{DIRECTIONS[m.group(1)]} " if m.group(1) else ""
            checked.append((court_id(f"U.S. District Court for the {direction}District of {m.group(2)}"), court["id"]))
    assert len(checked) > 70 and [got for got, want in checked if got != want] == []


@pytest.mark.parametrize("name, court", [
    ("U.S. District Court for the Eastern District of Louisiana", "laed"),
    ("U.S. District Court for the District of Nebraska", "ned"),
    ("U.S. District Court for the Northern District of Oklahoma", "oknd"),
    ("U.S. District Court for the Western District of Oklahoma", "okwd"),
    ("U.S. District Court for the District of Columbia", "dcd"),
])
def test_entities_district_courts_courts_db_spells_otherwise(name, court):
    from pipeline.courts import court_id

    assert court_id(name) == court


def test_gazetteer_lexicon_word_lists_load_from_models():
    """Every word list the normalizer's steps read comes from lexicon.json, and the model's labels map
    onto the SPEC's entity labels."""
    from dataclasses import fields

    from pipeline.entities import EntityLexicon, load_gazetteer
    from pipeline.records import ENTITY_LABELS
    from pipeline.resources import models_dir

    lexicon = EntityLexicon.from_dict(load_gazetteer(str(models_dir() / "entities")).lexicon["lexicon"])
    empty = [f.name for f in fields(lexicon) if not getattr(lexicon, f.name) and f.name != "not_places"]
    assert empty == []
    assert set(lexicon.model_labels.values()) <= set(ENTITY_LABELS)
    assert {"in", "near"} <= set(lexicon.locatives) and "of" in lexicon.acronym_skip and "papers" in lexicon.court_compound_nouns


def test_entities_a_name_with_an_age_in_brackets_is_a_person(nlp):
    doc = annotate(nlp, "Retired builder Declan Judge (58) was convicted of fraud at Newry Crown Court.", "2025-03-14")
    assert ("Declan Judge", "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, name", [
    ("The former governor was arraigned before Justice Ada Obi of the Federal High Court on Monday.", "Ada Obi"),
    ("Magistrate Temu ordered that the suspects be held for ten days.", "Temu"),
    ("Grace Mwangi appeared before Chief Magistrate Lucas Onyina on Monday.", "Lucas Onyina"),
])
def test_entities_a_name_after_a_judges_title_is_a_person(nlp, text, name):
    doc = annotate(nlp, text, "2025-03-14")
    assert (name, "PERSON") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, name, label", [
    ("She appeared in the Bloemfontein Magistrate's Court on Monday.", "Bloemfontein Magistrate's Court", "COURT"),
    # a seat of two words and a rank before the court's kind
    ("She appeared before the Kireka Hill Chief Magistrate's Court on Friday.",
     "Kireka Hill Chief Magistrate's Court", "COURT"),
    ("He appeared in the Port Mathurin Second Magistrates Court today.", "Port Mathurin Second Magistrates Court", "COURT"),
    # a day before the seat is no part of the name
    ("On Monday Kampala Magistrate's Court heard the case.", "Kampala Magistrate's Court", "COURT"),
    ("He was arraigned on Friday before the Federal High Court, Abuja.", "Abuja", "PLACE"),
    ("A man appeared in court over the murder of Christopher Hall last year.", "Christopher Hall", "PERSON"),
])
def test_entities_world_court_names_seats_and_surnames(nlp, text, name, label):
    doc = annotate(nlp, text, "2025-03-14")
    assert (name, label) in [(e.text, e.label_) for e in doc.ents]


def test_entities_two_surnames_listed_together_stay_people(nlp):
    text = ("Kamran Rashid and Bilal Hussain admitted supplying heroin. The judge said Rashid and Hussain would "
            "serve half of their sentences in custody.")
    for surname, full in (("Rashid", "Kamran Rashid"), ("Hussain", "Bilal Hussain")):
        ent = [e for e in ents(nlp, text) if e.text == surname][0]
        assert (ent.label_, ent._.canonical) == ("PERSON", full)


@pytest.mark.parametrize("text", ["Her Honour said the offending was calculated.",
                                  "The sentence was reduced after His Honour heard from the defence."])
def test_entities_a_judges_form_of_address_is_no_name(nlp, text):
    assert not any(e.label_ == "PERSON" for e in ents(nlp, text))


def test_entities_another_person_with_the_same_surname_keeps_a_name_of_their_own(nlp):
    text = ("Police named the accused as Ravi Kumar Singh, 41, and his nephew Amit Singh, 24. Superintendent of "
            "Police Mohan Lal Singh said more arrests were likely.")
    people = {e.text: e._.canonical for e in ents(nlp, text) if e.label_ == "PERSON"}
    assert people.get("Amit Singh") == "Amit Singh"
    assert "Ravi Kumar Singh" in people.values() and list(people.values()).count("Ravi Kumar Singh") == 1


@pytest.mark.parametrize("text, given, canonical", [
    ("Police arrested brothers Vikas and Nitin Yadav at their home.", "Vikas", "Vikas Yadav"),
    ("The court acquitted Maria and Jose Lopez of fraud.", "Maria", "Maria Lopez"),
])
def test_entities_a_given_name_shares_the_surname_of_the_name_after_it(nlp, text, given, canonical):
    ent = find(ents(nlp, text), given)
    assert (ent.label_, ent._.canonical) == ("PERSON", canonical)


def test_entities_given_names_the_model_left_out_start_the_name(nlp):
    linker = nlp.get_pipe("legalnews_entities").linker
    doc = annotate(nlp, "The accused include his nephew Tarun Singh, 23, and Deputy Superintendent of Police "
                        "Anil Singh said so.", "2025-03-14")
    surnames = [t.i for t in doc if t.text == "Singh"]
    assert doc[linker.given_names_before(doc, surnames[0], set()):surnames[0] + 1].text == "Tarun Singh"
    assert "Police" not in doc[linker.given_names_before(doc, surnames[1], set()):surnames[1] + 1].text


def test_entities_a_home_town_after_an_age_is_no_person(nlp):
    text = ("Kevon Pierre, 24, also known as Shotta, of Never Dirty, Morvant; Akeem Charles, 27, of Laventille; and "
            "Jamal Joseph, 19, of Beetham Gardens, appeared before a magistrate.")
    people = [e.text for e in ents(nlp, text) if e.label_ == "PERSON"]
    assert people == ["Kevon Pierre", "Akeem Charles", "Jamal Joseph"]


def test_entities_a_given_name_alone_is_the_person_it_began(nlp):
    text = ("The magistrate sent Farzana Yasmin, 36, and her nephew Arif Hossain, 19, to jail. Their lawyer said "
            "Farzana has two children and Arif is a student.")
    for given, full in (("Farzana", "Farzana Yasmin"), ("Arif", "Arif Hossain")):
        ent = [e for e in ents(nlp, text) if e.text == given]
        assert ent and (ent[0].label_, ent[0]._.canonical) == ("PERSON", full)


@pytest.mark.parametrize("text, body", [
    ("The Uttar Pradesh Special Task Force arrested the seven on Monday.", "Uttar Pradesh Special Task Force"),
    ("The police's Anti-Gang Unit arrested the six in Philippi.", "Anti-Gang Unit"),
])
def test_entities_task_forces_and_police_units_are_agencies(nlp, text, body):
    assert find(ents(nlp, text), body).label_ == "AGENCY"
