"""Court actions: trigger families, sense disambiguation, argument constructions, negation and
modality, time and place, and the floors reached on the gold files.

Sentences are written for these tests; expectations follow SPEC section 3 and its annotation rules.
"""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.events import FoundEvent, TriggerEntry, TriggerFinder, load_lexicon
from conftest import ROOT, annotate, sample_texts

BIN = Path(sys.executable).parent
PUBLISHED = "2025-03-14"


def events_of(nlp, text: str, published_at: str = PUBLISHED) -> list[FoundEvent]:
    return annotate(nlp, text, published_at)._.events


def find(events: list[FoundEvent], etype: str, trigger: str | None = None) -> FoundEvent:
    found = [e for e in events if e.event_type == etype and (trigger is None or trigger in e.trigger)]
    assert found, f"no {etype} [{trigger}] in {[(e.event_type, e.trigger) for e in events]}"
    return found[0]


def role_values(event: FoundEvent, role: str) -> list[str]:
    """Texts and canonical names of the arguments in `role`."""
    out = []
    for arg in event.arguments:
        if arg.role == role:
            out += [arg.text, arg.canonical or ""]
    return out


def has_role(event: FoundEvent, role: str, value: str) -> bool:
    return any(value in v for v in role_values(event, role))


TRIGGERS = [
    # verbal
    ("Federal agents arrested the accountant at his office in Denver on Tuesday.", "ARREST_DETAIN", "arrested"),
    ("The sheriff released the two teenagers on Friday.", "RELEASE", "released"),
    ("A grand jury indicted the former mayor last week.", "CHARGE_INDICT", "indicted"),
    ("The tenants sued the landlord in state court.", "SUE", "sued"),
    ("A jury convicted the pharmacist of fraud.", "CONVICT", "convicted"),
    ("Judge Mara Lind sentenced the pharmacist to six years in prison.", "SENTENCE", "sentenced"),
    ("The judge fined the company $3 million.", "FINE", "fined"),
    ("Oklahoma executed a man convicted of two murders.", "EXECUTE", "executed"),
    ("Peru extradited the suspect to Spain in May.", "EXTRADITE", "extradited"),
    ("A jury acquitted the nurse of all charges.", "ACQUIT", "acquitted"),
    ("The city appealed to the state Supreme Court.", "APPEAL", "appealed"),
    ("The governor pardoned the veteran on Monday.", "PARDON", "pardoned"),
    ("The appeals court ruled that the search was unlawful.", "RULING", "ruled"),
    ("Judge Mara Lind ordered the agency to restore the grants.", "ORDER", "ordered"),
    ("A federal judge blocked the new tariff rule.", "BLOCK", "blocked"),
    ("The judge dismissed the lawsuit against the county.", "DISMISS", "dismissed"),
    ("Immigration officers deported the student to Ghana.", "DEPORT", "deported"),
    ("The farmer applied for asylum after crossing the border.", "ASYLUM_REQUEST", "applied"),
    # nominal
    ("The ruling came after a two-day hearing.", "RULING", "ruling"),
    ("His deportation was carried out in secret.", "DEPORT", "deportation"),
    ("Her arrest drew protests outside the courthouse.", "ARREST_DETAIN", "arrest"),
    ("The indictment was unsealed on Thursday.", "CHARGE_INDICT", "indictment"),
    ("The judge scheduled a trial for June.", "TRIAL_HEARING", "trial"),
    ("His conviction was overturned on appeal.", "CONVICT", "conviction"),
    ("The governor announced the pardon on Monday.", "PARDON", "pardon"),
    ("The execution was carried out at 6 p.m.", "EXECUTE", "execution"),
    ("Her extradition to France was approved last week.", "EXTRADITE", "extradition"),
    ("The judge granted a preliminary injunction.", "BLOCK", "injunction"),
    # phrasal and multi-word
    ("The driver pleaded guilty to reckless homicide.", "CONVICT", "pleaded guilty"),
    ("The jury found the driver guilty of manslaughter.", "CONVICT", "guilty"),
    ("The jury found the driver not guilty of manslaughter.", "ACQUIT", "not guilty"),
    ("The inmate was put to death by lethal injection.", "EXECUTE", "put to death"),
    ("The judge issued a temporary restraining order against the city.", "BLOCK", "temporary restraining order"),
    ("The company was ordered to pay $2 million in restitution.", "FINE", "ordered to pay"),
    ("Officers took the cyclist into custody after the crash.", "ARREST_DETAIN", "took"),
    ("The judge threw out the case against the protesters.", "DISMISS", "threw out"),
    ("The Nigerian man was sent back to Lagos on a charter flight.", "DEPORT", "sent"),
    ("Officials brought back the teacher who had been wrongly expelled.", "RETURN", "brought"),
    ("The fisherman's petition for review is pending before the appeals court.", "APPEAL", "petition for review"),
    # headlines, where the tagger reads title-cased verbs as names
    ("Jury Convicts Former Mayor Of Bribery In Harbor Scandal", "CONVICT", "Convicts"),
    # plural penalties a defendant faces
    ("The protesters could face lengthy prison sentences.", "SENTENCE", "sentences"),
]


@pytest.mark.parametrize("text,etype,trigger", TRIGGERS)
def test_events_trigger_family(nlp, text, etype, trigger):
    event = find(events_of(nlp, text), etype, trigger)
    assert event.rule
    assert 0 < event.confidence <= 1


SENSES = [
    # "held": custody, hearing, holding
    ("The teenager was held at a county jail for three days.", "ARREST_DETAIN", True),
    ("The judge held a hearing on the motion last week.", "ARREST_DETAIN", False),
    ("The judge held a hearing on the motion last week.", "TRIAL_HEARING", True),
    ("The appeals court held that the statute was unconstitutional.", "RULING", True),
    ("The appeals court held that the statute was unconstitutional.", "ARREST_DETAIN", False),
    ("The union held a rally outside the capitol.", "ARREST_DETAIN", False),
    # returned home = DEPORT, brought back to the removing country = RETURN
    ("The mechanic was returned to Honduras last month.", "DEPORT", True),
    ("The mechanic was returned to Honduras last month.", "RETURN", False),
    ("The mechanic returned to the United States on Friday after a judge's order.", "RETURN", True),
    ("The mechanic returned to the United States on Friday after a judge's order.", "DEPORT", False),
    ("The clerk returned the documents to the court.", "RETURN", False),
    # sentence: noun and verb; a grammatical sentence is not one
    ("The judge sentenced the smuggler to four years.", "SENTENCE", True),
    ("The smuggler received a four-year sentence.", "SENTENCE", True),
    # order: a court's, not an executive's
    ("The president signed an executive order on border security.", "ORDER", False),
    ("The governor ordered state agencies to cut spending.", "ORDER", False),
    ("Judge Tomas Reyes ordered the agency to release the records.", "ORDER", True),
    # generic and habitual mentions are not events
    ("Deportations rose sharply during the decade.", "DEPORT", False),
    ("The agency had resisted similar court orders before.", "ORDER", False),
    ("Portugal does not extradite its own citizens.", "EXTRADITE", False),
    ("The commander can be extradited to face charges of murder.", "CHARGE_INDICT", True),
    # petitions: a filing with a court, not a plea to an official
    ("The tenants petitioned the state court for an emergency stay.", "SUE", True),
    ("The residents petitioned the mayor to resign.", "SUE", False),
    ("Several judges have ordered agencies to return deported migrants.", "RETURN", False),
    ("Migrants held in detention for months are entitled to a bond hearing.", "ARREST_DETAIN", False),
    ("Protesters were arrested outside the embassy on Monday.", "ARREST_DETAIN", True),
    # a release of things is not a release of people
    ("The police released a statement on Monday.", "RELEASE", False),
    ("The police released the protesters on Monday.", "RELEASE", True),
    # removal of things is not a deportation
    ("The council voted to remove the statue from the square.", "DEPORT", False),
    # a court barring an act blocks it; anything else preventing an act does not
    ("The appeals court barred the city from enforcing the curfew while the case proceeds.", "BLOCK", True),
    ("Judge Tomas Reyes prohibited the agency from transferring the detainees to Texas.", "BLOCK", True),
    ("Heavy rain prevented the family from reaching the courthouse.", "BLOCK", False),
    ("The new rule bars landlords from raising rents this year.", "BLOCK", False),
    # a hearing the tagger calls a verb; custody where a facility's relative clause says it
    ("Judge Ana Ruiz has scheduled a status hearing for Monday.", "TRIAL_HEARING", True),
    ("She walked out of the Northwest State Correctional Facility, where ICE had been holding her, soon after.",
     "ARREST_DETAIN", True),
    ("The agency is holding a press conference on Monday.", "ARREST_DETAIN", False),
    # booked into a jail, time spent in jail, appearing in court
    ("He was booked into the county jail and released the same day.", "ARREST_DETAIN", True),
    ("She booked a flight into Denver in May.", "ARREST_DETAIN", False),
    ("Her lawyer said the three weeks her client spent in jail had been terrifying.", "ARREST_DETAIN", True),
    ("If convicted, the banker could spend up to 20 years in prison.", "ARREST_DETAIN", False),
    ("Lopez appeared before a federal magistrate judge in Miami on Friday.", "TRIAL_HEARING", True),
    ("The figures will appear in the annual report of the court.", "TRIAL_HEARING", False),
    # remaining on bail is a release that holds; bail conditions decide nothing
    ("The minister remains on bail while the case continues.", "RELEASE", True),
    ("The judge set the conditions of bail on Monday.", "RELEASE", False),
    # the term of a sentence is no detention of its own
    ("Recorder Anne Shaw sentenced her to 16 months imprisonment, suspended for two years.", "ARREST_DETAIN", False),
    ("The judge said the sentence would be life imprisonment.", "ARREST_DETAIN", False),
    ("Police said the detention of the activist was unlawful.", "ARREST_DETAIN", True),
    # a participle used as an adjective describes, it does not report an event
    ("The charity helps deported veterans find work.", "DEPORT", False),
]


@pytest.mark.parametrize("text,etype,present", SENSES)
def test_events_type_disambiguation(nlp, text, etype, present):
    types = [e.event_type for e in events_of(nlp, text)]
    assert (etype in types) is present, types


ARGUMENTS = [
    # active and passive voice
    ("Border agents detained Maria Lopez near Laredo.", "ARREST_DETAIN", "detained", "subject", "Maria Lopez"),
    ("Border agents detained Maria Lopez near Laredo.", "ARREST_DETAIN", "detained", "agent", "Border agents"),
    ("Maria Lopez was deported by U.S. Immigration and Customs Enforcement.", "DEPORT", "deported", "agent", "Immigration and Customs Enforcement"),
    ("Maria Lopez was deported by U.S. Immigration and Customs Enforcement.", "DEPORT", "deported", "subject", "Maria Lopez"),
    # control and raising
    ("Officials said they were working to return Maria Lopez.", "RETURN", "return", "subject", "Maria Lopez"),
    ("Judge Lena Ortiz ordered ICE to release Maria Lopez.", "RELEASE", "release", "agent", "ICE"),
    ("Judge Lena Ortiz ordered ICE to release Maria Lopez.", "ORDER", "ordered", "subject", "ICE"),
    ("Judge Lena Ortiz ordered ICE to release Maria Lopez.", "ORDER", "ordered", "adjudicator", "Lena Ortiz"),
    ("The judge blocked the Department of Homeland Security from deporting Maria Lopez.", "DEPORT", "deporting", "agent", "Department of Homeland Security"),
    # coordination gives every destination
    ("Officials deported Maria Lopez, first to Mexico, then to Guatemala.", "DEPORT", "deported", "destination", "Mexico"),
    ("Officials deported Maria Lopez, first to Mexico, then to Guatemala.", "DEPORT", "deported", "destination", "Guatemala"),
    # prepositional roles
    ("Colombia extradited Jorge Mena to the United States.", "EXTRADITE", "extradited", "destination", "United States"),
    ("Maria Lopez was removed from the United States in March.", "DEPORT", "removed", "origin", "United States"),
    ("The engineer appealed to the 9th U.S. Circuit Court of Appeals.", "APPEAL", "appealed", "adjudicator", "Circuit Court of Appeals"),
    ("A jury convicted Paul Hendry of bribery and extortion.", "CONVICT", "convicted", "crime", "bribery and extortion"),
    ("Judge Lena Ortiz sentenced Paul Hendry to seven years in prison.", "SENTENCE", "sentenced", "penalty", "seven years in prison"),
    ("Prosecutors charged Paul Hendry with wire fraud.", "CHARGE_INDICT", "charged", "crime", "wire fraud"),
    # relative clauses and appositions
    ("Texas executed Roy Blevins, who was convicted of killing a guard.", "CONVICT", "convicted", "subject", "Roy Blevins"),
    ("Police arrested Omar Said, a Somali man who was later charged with arson.", "CHARGE_INDICT", "charged", "subject", "Omar Said"),
    # nominal triggers: possessives and of-phrases
    ("Judge Lena Ortiz's order surprised the agency.", "ORDER", "order", "adjudicator", "Lena Ortiz"),
    ("Lawyers fought the deportation of Maria Lopez for months.", "DEPORT", "deportation", "subject", "Maria Lopez"),
    ("Judge Lena Ortiz issued a preliminary injunction on Monday.", "BLOCK", "injunction", "adjudicator", "Lena Ortiz"),
    # lawyers act for their clients
    ("Paul Hendry's lawyers appealed the verdict.", "APPEAL", "appealed", "agent", "Paul Hendry"),
    # pronouns and descriptions resolve to the named person
    ("Maria Lopez crossed the border in 2022. Agents detained her at a checkpoint.", "ARREST_DETAIN", "detained", "subject", "Maria Lopez"),
    ("Maria Lopez fled Honduras in 2021. The woman was deported to Honduras last year.", "DEPORT", "deported", "subject", "Maria Lopez"),
    # "it", "the agency", "they" stand for the body or the plural named before
    ("The Justice Department said it would appeal the ruling.", "APPEAL", "appeal", "agent", "Justice"),
    ("Jurors deliberated for two days. They acquitted Carlos Mendez of arson.", "ACQUIT", "acquitted", "adjudicator", "Jurors"),
    ("The Justice Department lost the case. The department said it would appeal the ruling.", "APPEAL", "appeal", "agent",
     "Justice Department"),
    # coordination with a passive: the passive subject acts in the active conjunct
    ("Carlos Mendez was deported to Mexico and testified by video from Tijuana.", "TRIAL_HEARING", "testified", "agent", "Carlos Mendez"),
    # who lets a defendant stay free releases him
    ("Judge Lena Ortiz allowed Carlos Mendez to remain free on bond.", "RELEASE", "free", "agent", "Lena Ortiz"),
    # a pardon received from a board
    ("Carlos Mendez received a full pardon from the state Board of Pardons.", "PARDON", "pardon", "agent", "Board of Pardons"),
    # the agency that runs a place holds the people there
    ("Carlos Mendez was held at an ICE facility in Texas.", "ARREST_DETAIN", "held", "agent", "ICE"),
    # a court as the object of a petition is where the case goes
    ("Carlos Mendez petitioned the U.S. District Court in Maryland to halt his removal.", "SUE", "petitioned", "adjudicator", "District Court"),
    # the judge who writes in a ruling
    ("U.S. District Judge Lena Ortiz heard the case. In Tuesday's ruling, she wrote that the policy was unlawful.",
     "RULING", "ruling", "adjudicator", "Lena Ortiz"),
    # the adjudicator named earlier in the article
    ("U.S. District Judge Lena Ortiz heard arguments on Monday. The judge ruled that the policy was unlawful.",
     "RULING", "ruled", "adjudicator", "Lena Ortiz"),
]


@pytest.mark.parametrize("text,etype,trigger,role,value", ARGUMENTS)
def test_events_argument_construction(nlp, text, etype, trigger, role, value):
    event = find(events_of(nlp, text), etype, trigger)
    assert has_role(event, role, value), event.arguments


def test_events_unattributed_nominal_is_about_the_dominant_party(nlp):
    text = ("Carlos Mendez was arrested in Miami in May. Mendez was charged with fraud in June. "
            "Prosecutors say Mendez hid the money. The trial is set for October.")
    trial = find(events_of(nlp, text), "TRIAL_HEARING", "trial")
    assert has_role(trial, "subject", "Carlos Mendez")


def test_events_pronoun_argument_links_the_named_person(nlp):
    text = "Maria Lopez crossed the border in 2022. Agents detained her at a checkpoint."
    event = find(events_of(nlp, text), "ARREST_DETAIN", "detained")
    subject = next(a for a in event.arguments if a.role == "subject")
    assert text[subject.mention_start:subject.mention_end] == "Maria Lopez"
    assert (subject.text, subject.canonical) == ("her", "Maria Lopez")


ATTRIBUTES = [
    ("ICE deported the student to Ghana.", "DEPORT", False, "asserted"),
    ("ICE did not deport the student.", "DEPORT", True, "asserted"),
    ("The judge refused to release the student.", "RELEASE", True, "asserted"),
    ("The judge declined to dismiss the lawsuit.", "DISMISS", True, "asserted"),
    ("Neither Carlos Mendez nor James Carter was charged with the attack.", "CHARGE_INDICT", True, "asserted"),
    ("No officer was charged in the shooting.", "CHARGE_INDICT", True, "asserted"),
    ("The student says he was deported without a hearing.", "DEPORT", False, "reported"),
    ("Prosecutors allege that the student was detained twice.", "ARREST_DETAIN", False, "reported"),
    ("Court records show that the student was detained twice.", "ARREST_DETAIN", False, "asserted"),
    ("The student could be deported next month.", "DEPORT", False, "possible"),
    ("If convicted, the student faces ten years in prison.", "CONVICT", False, "possible"),
    ("The agency will appeal the decision.", "APPEAL", False, "future"),
    ("The student was supposed to be sent back to Ghana.", "DEPORT", False, "future"),
    ("Officials are working to return the student.", "RETURN", False, "future"),
    ("The judge ordered the agency to release the student.", "RELEASE", False, "future"),
    ("The judge blocked the agency from deporting the student.", "DEPORT", False, "future"),
    ("The judge set a hearing for next week.", "TRIAL_HEARING", False, "future"),
    ("The student should not be returned to Ghana, the judge ruled.", "DEPORT", True, "future"),
    ("ICE deported the student without a hearing.", "TRIAL_HEARING", True, "asserted"),
    ("The agency failed to release the student on time.", "RELEASE", True, "asserted"),
    ("The student was likely deported to Ghana in May.", "DEPORT", False, "possible"),
    ("The agency plans to deport the student next month.", "DEPORT", False, "future"),
    # a trial awaited is still to come, and "without bail" does not negate it; a court's order to hold
    # someone is a detention still to come
    ("A magistrate judge ordered the student held without bail pending trial.", "TRIAL_HEARING", False, "future"),
    ("A magistrate judge ordered the student held without bail pending trial.", "ARREST_DETAIN", False, "future"),
    ("The student, who had a pending claim for asylum, was deported.", "ASYLUM_REQUEST", False, "asserted"),
    ("Judge Ana Ruiz has scheduled a status hearing for Monday.", "TRIAL_HEARING", False, "future"),
    ("Omar Reid was allowed to remain on bail pending the appeal.", "RELEASE", False, "asserted"),
]


@pytest.mark.parametrize("text,etype,negated,modality", ATTRIBUTES)
def test_events_negation_and_modality(nlp, text, etype, negated, modality):
    event = find(events_of(nlp, text), etype)
    assert (event.negated, event.modality) == (negated, modality)


def test_events_time_from_date_in_clause(nlp):
    events = events_of(nlp, "Agents arrested the accountant on Tuesday. The trial is expected in 2026.")
    arrest = find(events, "ARREST_DETAIN", "arrested")
    assert role_values(arrest, "time")[0] == "Tuesday"
    time_arg = next(a for a in arrest.arguments if a.role == "time")
    assert time_arg.mention_start is not None


def test_events_date_of_another_clause_is_not_the_time(nlp):
    events = events_of(nlp, "The accountant, who moved to Denver in 2019, was arrested by federal agents.")
    arrest = find(events, "ARREST_DETAIN", "arrested")
    assert role_values(arrest, "time") == []


@pytest.mark.parametrize("text, etype, trigger, place", [
    ("HUNTSVILLE, Texas — Texas on Tuesday executed Roy Blevins for the 2001 killing of a guard.",
     "EXECUTE", "executed", "HUNTSVILLE"),
    ("McKINNEY, Texas — The state of Texas executed Leon Marsh on Wednesday for a 2009 robbery.",
     "EXECUTE", "executed", "McKINNEY"),
    ("SÃO PAULO (Reuters) — Federal police arrested a former mayor on Monday in a bribery inquiry.",
     "ARREST_DETAIN", "arrested", "SÃO PAULO"),
])
def test_events_place_from_dateline(nlp, text, etype, trigger, place):
    event = find(events_of(nlp, text), etype, trigger)
    assert has_role(event, "place", place)
    assert not any(place in value for value in role_values(event, "agent"))


def test_events_rules_name_lexicon_entries(nlp):
    ids = {e.id for e in load_lexicon(ROOT / "models" / "events").entries}
    events = events_of(nlp, "Agents arrested the accountant. A jury convicted him of fraud, and the judge fined him $5,000.")
    assert events and all(e.rule in ids for e in events)


def test_events_found_events_survive_doc_serialization(nlp):
    from spacy.tokens import Doc

    doc = annotate(nlp, "Colombia extradited Jorge Mena to the United States on Monday.", PUBLISHED)
    assert doc._.events and isinstance(doc._.events[0], FoundEvent)
    assert Doc(nlp.vocab).from_bytes(doc.to_bytes())._.events == doc._.events


def test_events_unknown_guard_is_an_error(nlp):
    lexicon = load_lexicon(ROOT / "models" / "events")
    bad = replace(lexicon, entries=(TriggerEntry(id="x", type="SUE", lemma=("sue",), guard="no_such_guard"),))
    with pytest.raises(ValueError, match="no_such_guard"):
        TriggerFinder(nlp.vocab, bad)


# ---- gold files (../shared, absent in a plain clone) -------------------------------------
# Reached on dev + seed when this was written (issue 5): event F 0.981, argument F 0.870,
# negation+modality 0.954 (baseline: 0.259, 0.083, 0.674). Arguments lean on the entities
# stage (0.78 with the model's own names), so a little room is left for its changes.
FLOORS = {"events": 0.95, "arguments": 0.82, "negation_modality_accuracy": 0.93}


@pytest.fixture(scope="module")
def gold_scores(shared, tmp_path_factory) -> dict:
    out = tmp_path_factory.mktemp("gold-run")
    gold = [shared / "gold" / "dev.jsonl", shared / "gold" / "seed.jsonl"]
    subprocess.run([str(BIN / "legalnews"), "extract", *map(str, gold), "--out", str(out), "--quiet", "--force"],
                   check=True, stdout=subprocess.DEVNULL)
    res = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "--gold", *map(str, gold),
                          "--pred", str(out), "--json", "--by-type"], check=True, capture_output=True, text=True)
    return json.loads(res.stdout)["events"]


def test_events_gold_floors(gold_scores):
    assert gold_scores["events"]["f"] >= FLOORS["events"]
    assert gold_scores["arguments"]["f"] >= FLOORS["arguments"]
    assert gold_scores["negation_modality_accuracy"] >= FLOORS["negation_modality_accuracy"]


def test_events_gold_no_weak_type(gold_scores):
    weak = {t: v["f"] for t, v in gold_scores["by_type"].items() if v["n_gold"] >= 3 and v["f"] < 0.6}
    assert weak == {}


@pytest.fixture(scope="module")
def seed(shared) -> dict:
    return json.loads((shared / "gold" / "seed.jsonl").read_text(encoding="utf-8").splitlines()[0])


def test_events_seed_required_events(nlp, seed):
    events = events_of(nlp, seed["text"], seed["published_at"])
    for etype in ("DEPORT", "RETURN", "ORDER", "RULING", "ARREST_DETAIN"):
        assert any(e.event_type == etype for e in events), etype
    held = find(events, "ARREST_DETAIN", "held")
    assert has_role(held, "subject", "O.C.G.")
    assert has_role(held, "agent", "Immigration and Customs Enforcement")
    assert has_role(find(events, "RULING", "ruled"), "adjudicator", "judge")
    assert has_role(find(events, "ORDER", "order"), "adjudicator", "judge")


def test_events_seed_deport_and_return_subject_is_ocg(nlp, seed):
    """Every DEPORT and RETURN of the gold seed is found, and its subject's canonical is O.C.G."""
    events = events_of(nlp, seed["text"], seed["published_at"])
    for gold in seed["events"]:
        if gold["type"] not in ("DEPORT", "RETURN"):
            continue
        event = next((e for e in events if e.event_type == gold["type"]
                      and e.trigger_start < gold["trigger_end"] and gold["trigger_start"] < e.trigger_end), None)
        assert event is not None, gold["trigger"]
        canon = [a.canonical for a in event.arguments if a.role == "subject"]
        assert canon and all(c == "O.C.G." for c in canon), (gold["trigger"], event.arguments)


def test_events_pattern_matches_equal_the_matcher_on_the_whole_doc(nlp):
    """Running the multi-word Matcher only on sentences holding an anchor word loses no match."""
    events = nlp.get_pipe("legalnews_events").triggers
    assert not events.anchorless
    texts = ["He was taken by deputies into custody. Later he pleaded not guilty, and a judge issued a temporary "
             "restraining order.", "Man Convicted Of Fraud. The jury found the three men guilty; the fine was paid.",
             "A court ordered the company to pay $5 million and threw out the petition for review.", ""]
    texts += sample_texts()[:10]
    total = 0
    for doc in nlp.pipe(texts):
        expected = sorted(events.matcher(doc))
        assert sorted(events.pattern_matches(doc)) == expected
        total += len(expected)
    assert total >= 6


@pytest.mark.parametrize("text, etype", [
    ("Police issued an appeal for witnesses after the robbery on Saturday.", "APPEAL"),
    ("The minister said it could not be ruled out that the men were involved.", "RULING"),
    ("Critics call it a clique that rules by fear and patronage.", "RULING"),
    ("The electoral council ruled against the opposition's petition for a referendum.", "RULING"),
    ("The waiter took her order for two bowls of noodles.", "ORDER"),
    ("Investigators found a takeout order from the restaurant in his car.", "ORDER"),
])
def test_events_non_legal_senses_are_no_events(nlp, text, etype):
    assert etype not in [e.event_type for e in annotate(nlp, text, "2025-03-14")._.events]


@pytest.mark.parametrize("text, etype", [
    ("His lawyers filed an appeal for a new trial on Monday.", "APPEAL"),
    ("Judge Ann Cole ruled that the search was illegal.", "RULING"),
    ("The judge issued an order barring the transfer.", "ORDER"),
])
def test_events_the_legal_senses_stay(nlp, text, etype):
    assert etype in [e.event_type for e in annotate(nlp, text, "2025-03-14")._.events]


@pytest.mark.parametrize("text, etype, trigger, subject", [
    ("Dermot Kane admitted two offences of dangerous driving at Cork Circuit Court.", "CONVICT", "admitted", "Dermot Kane"),
    ("Dermot Kane was cleared of manslaughter by a jury on Friday.", "ACQUIT", "cleared", "Dermot Kane"),
    ("Dermot Kane was bailed by magistrates until his trial.", "RELEASE", "bailed", "Dermot Kane"),
    ("The court ordered that Dermot Kane be enlarged on bail.", "RELEASE", "enlarged on bail", "Dermot Kane"),
    ("Dermot Kane was sent to Mountjoy prison on Friday.", "ARREST_DETAIN", "sent to Mountjoy prison", "Dermot Kane"),
    ("Judge Ruth Carey issued a TRO barring the eviction of Dermot Kane.", "BLOCK", "TRO", None),
])
def test_events_world_wire_phrasings(nlp, text, etype, trigger, subject):
    found = [e for e in annotate(nlp, text, "2025-03-14")._.events if e.event_type == etype and e.trigger == trigger]
    assert found, [(e.event_type, e.trigger) for e in annotate(nlp, text, "2025-03-14")._.events]
    if subject is not None:
        assert any(a.role == "subject" and subject in (a.canonical or a.text) for a in found[0].arguments)


def test_events_sent_to_prison_for_a_term_is_a_sentence_not_an_arrest(nlp):
    events = annotate(nlp, "The judge sent Dermot Kane to prison for three years.", "2025-03-14")._.events
    sentence = [e for e in events if e.event_type == "SENTENCE"]
    assert sentence and [a.text for a in sentence[0].arguments if a.role == "penalty"] == ["three years"]
    assert "ARREST_DETAIN" not in [e.event_type for e in events]


@pytest.mark.parametrize("text, etype", [
    ("The company admitted wrongdoing in the settlement.", "CONVICT"),
    ("He was admitted to hospital with burns.", "CONVICT"),
    ("The ruling cleared the way for the flights.", "ACQUIT"),
    ("The government bailed out the airline in 2020.", "RELEASE"),
    ("The charity sent food to the prison every week.", "ARREST_DETAIN"),
])
def test_events_world_wire_phrasings_guards(nlp, text, etype):
    assert etype not in [e.event_type for e in annotate(nlp, text, "2025-03-14")._.events]


@pytest.mark.parametrize("text, charged", [
    ("Prosecutors accused Dele Okafor of fraud on Monday.", True),
    ("Police have accused the two men of smuggling migrants across the border.", True),
    ("Critics accused the mayor of ignoring the flooding.", False),
])
def test_events_an_accusation_by_police_or_prosecutors_is_a_charge(nlp, text, charged):
    types = [e.event_type for e in annotate(nlp, text, "2025-03-14")._.events]
    assert ("CHARGE_INDICT" in types) is charged


def test_events_a_suspect_handed_to_police_on_remand_is_held_not_extradited(nlp):
    text = "The anti-terrorism court handed the three suspects over to police on a seven-day physical remand."
    types = [e.event_type for e in annotate(nlp, text, "2025-03-14")._.events]
    assert "ARREST_DETAIN" in types and "EXTRADITE" not in types


def test_events_a_fugitive_handed_over_to_another_country_is_extradited(nlp):
    text = "Peru handed over the fugitive to the United States on Monday."
    assert "EXTRADITE" in [e.event_type for e in annotate(nlp, text, "2025-03-14")._.events]


def test_events_the_dateline_is_not_the_one_the_lead_acts_on(nlp):
    text = ("BANGOR, Maine — A nurse who was arrested by immigration agents outside a clinic was released on "
            "Tuesday after a judge found the arrest unlawful.")
    freed = [e for e in annotate(nlp, text, "2025-03-14")._.events if e.event_type == "RELEASE"]
    assert freed and any(a.role == "subject" and a.text == "A nurse" for a in freed[0].arguments)


@pytest.mark.parametrize("text", [
    "The offence carries a maximum sentence of ten years in prison.",
    "Under the act, anyone found guilty of sedition can be jailed for three years.",
    "Anyone who shelters the fugitive will be arrested, police warned.",
])
def test_events_what_the_law_allows_is_no_event(nlp, text):
    assert annotate(nlp, text, "2025-03-14")._.events == []


def test_events_an_execution_carried_out_is_an_event(nlp):
    text = "Texas carried out an execution on Tuesday, its third this year."
    assert "EXECUTE" in [e.event_type for e in annotate(nlp, text, "2025-03-14")._.events]
