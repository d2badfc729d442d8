"""Court actions as wire copy from many countries phrases them: each class with its positive case and its guard."""
from __future__ import annotations

import pytest

from conftest import annotate

PUBLISHED = "2025-03-14"


def events(nlp, text: str) -> list[tuple[str, str, bool]]:
    """(type, trigger, negated) of every event found in `text`."""
    return [(e.event_type, e.trigger, e.negated) for e in annotate(nlp, text, PUBLISHED)._.events]


def arguments(nlp, text: str, etype: str) -> dict[str, list[str]]:
    event = next(e for e in annotate(nlp, text, PUBLISHED)._.events if e.event_type == etype)
    roles: dict[str, list[str]] = {}
    for arg in event.arguments:
        roles.setdefault(arg.role, []).append(arg.canonical or arg.text)
    return roles


@pytest.mark.parametrize("text", [
    "The prosecution opposed the application, saying the accused might leave the country.",
    "A lawyer for the prosecution told jurors the evidence was overwhelming.",
    "Ms Okonkwo, prosecuting, said the attack had been planned for weeks.",
])
def test_events_world_prosecution_as_a_party_is_no_charge(nlp, text):
    assert not any(etype == "CHARGE_INDICT" for etype, _, _ in events(nlp, text))


@pytest.mark.parametrize("text", [
    "The former governor now faces prosecution for bribery.",
    "The prosecution of the two officers began in May.",
])
def test_events_world_a_prosecution_of_someone_stays_a_charge(nlp, text):
    assert any(etype == "CHARGE_INDICT" for etype, _, _ in events(nlp, text))


@pytest.mark.parametrize("text, penalty", [
    ("Daniel Osei was jailed for nine years at Manchester Crown Court on Friday.", "nine years"),
    ("The smuggler was imprisoned for life in 2011.", "life"),
    ("The driver was handed a six-year prison term for the crash.", "six-year prison term"),
])
def test_events_world_a_prison_term_is_a_sentence_with_its_penalty(nlp, text, penalty):
    assert any(etype == "SENTENCE" for etype, _, _ in events(nlp, text))
    assert any(penalty in value for value in arguments(nlp, text, "SENTENCE")["penalty"])


@pytest.mark.parametrize("text", [
    "Daniel Osei was jailed for nine years at Manchester Crown Court on Friday.",
    "The smuggler was imprisoned for life in 2011.",
    "A judge at the Old Bailey has jailed a care worker for stealing from residents.",
])
def test_events_world_a_jailing_a_court_imposes_is_a_sentence_and_no_arrest(nlp, text):
    assert [etype for etype, _, _ in events(nlp, text)] == ["SENTENCE"]


def test_events_world_jailed_without_a_term_stays_a_detention(nlp):
    found = events(nlp, "She was jailed on Tuesday after officers found a weapon in her bag.")
    assert [etype for etype, _, _ in found] == ["ARREST_DETAIN"]
    assert [etype for etype, _, _ in events(nlp, "Soldiers jailed the reporters for two nights.")] == ["ARREST_DETAIN"]


@pytest.mark.parametrize("text, negated", [
    ("The magistrate granted bail to the three men on Monday.", False),
    ("The businessman was granted bail by the High Court.", False),
    ("The judge refused bail to the businessman.", True),
])
def test_events_world_bail_decisions_are_releases(nlp, text, negated):
    assert ("RELEASE", "bail", negated) in events(nlp, text)


def test_events_world_bail_granted_names_who_is_released(nlp):
    assert "the three men" in arguments(nlp, "The magistrate granted bail to the three men.", "RELEASE")["subject"]


@pytest.mark.parametrize("text", [
    "The prosecution opposed the bail application.",
    "His bail conditions require him to report to police weekly.",
])
def test_events_world_bail_talk_that_decides_nothing(nlp, text):
    assert not any(etype == "RELEASE" for etype, _, _ in events(nlp, text))


def test_events_world_remanded_in_custody_is_one_detention(nlp):
    found = events(nlp, "The two suspects were remanded in custody until next week.")
    assert [(etype, trigger) for etype, trigger, _ in found] == [("ARREST_DETAIN", "remanded")]


def test_events_world_remanding_a_case_detains_no_one(nlp):
    assert events(nlp, "The appeals court remanded the case to the trial judge.") == []


@pytest.mark.parametrize("text, trigger", [
    ("The Supreme Court quashed his conviction in 2019.", "quashed"),
    ("The High Court set aside the order of the lower court.", "set aside"),
])
def test_events_world_quash_and_set_aside_are_rulings(nlp, text, trigger):
    assert any(etype == "RULING" and t == trigger for etype, t, _ in events(nlp, text))


@pytest.mark.parametrize("text", [
    "The shopkeeper was executed at close range by two gunmen on a motorbike.",
    "Police said the reporter had been executed in cold blood outside his home.",
])
def test_events_world_a_murder_told_as_an_execution_is_no_execution(nlp, text):
    assert not any(etype == "EXECUTE" for etype, _, _ in events(nlp, text))


def test_events_world_a_state_execution_stays_one(nlp):
    assert any(etype == "EXECUTE" for etype, _, _ in events(nlp, "The state executed the prisoner on Thursday."))


def test_events_world_an_appeal_against_a_conviction_does_not_negate_it(nlp):
    found = events(nlp, "Lawyers for Imran Qadir filed an appeal against the conviction on Tuesday.")
    assert ("CONVICT", "conviction", False) in found


@pytest.mark.parametrize("text", [
    "The council voted against deportation of the family.",
    "The judge ruled against the deportation of the family.",
])
def test_events_world_deciding_against_a_deportation_still_negates_it(nlp, text):
    deportations = [negated for etype, _, negated in events(nlp, text) if etype == "DEPORT"]
    assert deportations == [True]


def modalities(nlp, text: str) -> list[tuple[str, str, str]]:
    """(type, trigger, modality) of every event found in `text`."""
    return [(e.event_type, e.trigger, e.modality) for e in annotate(nlp, text, PUBLISHED)._.events]


@pytest.mark.parametrize("text, trigger", [
    ("The magistrate committed the three defendants for trial at the Old Bailey.", "committed the three defendants for trial"),
    ("Otieno was committed to stand trial for the robbery of a bank in Kisumu.", "committed to stand trial"),
])
def test_events_world_committed_for_trial_is_a_trial_to_come(nlp, text, trigger):
    assert ("TRIAL_HEARING", trigger, "future") in modalities(nlp, text)


def test_events_world_committing_a_crime_is_no_trial(nlp):
    found = modalities(nlp, "He committed the fraud while he was on trial for another offence.")
    assert not any(trigger.startswith("committed") for _, trigger, _ in found)


@pytest.mark.parametrize("text, trigger, subject", [
    ("Investigators filed a charge sheet against the former mayor on Friday.", "charge sheet", "the former mayor"),
    ("The agency filed a chargesheet against the businessman last month.", "chargesheet", "the businessman"),
    ("Police registered an FIR against the landlord after the tenants complained.", "FIR", "the landlord"),
    ("A first information report was lodged against the legislator at a police station in Lucknow.",
     "first information report", "the legislator"),
])
def test_events_world_charge_sheets_and_firs_charge_someone(nlp, text, trigger, subject):
    assert ("CHARGE_INDICT", trigger, False) in events(nlp, text)
    assert any(subject.split()[-1] in s for s in arguments(nlp, text, "CHARGE_INDICT")["subject"])


def test_events_world_an_fir_is_no_organization(nlp):
    doc = annotate(nlp, "Police registered an FIR against the landlord.", PUBLISHED)
    assert not any(e.text == "FIR" for e in doc.ents)


@pytest.mark.parametrize("text", [
    "The High Court put the deportation of the cleric on hold until it hears his appeal.",
    "The extradition was put on ice by the court pending a fuller hearing.",
])
def test_events_world_put_on_hold_by_a_court_is_a_block(nlp, text):
    found = modalities(nlp, text)
    assert any(etype == "BLOCK" for etype, _, _ in found)
    assert any(etype in ("DEPORT", "EXTRADITE") and modality == "future" for etype, _, modality in found)


def test_events_world_shelving_a_project_is_no_block(nlp):
    assert not any(etype == "BLOCK" for etype, _, _ in
                   events(nlp, "The ministry put the new bridge on hold because of the cost."))


@pytest.mark.parametrize("text", [
    "The judge held the newspaper editor in contempt of court on Monday.",
    "The former minister was found in contempt for ignoring the order.",
])
def test_events_world_held_in_contempt_is_a_ruling(nlp, text):
    assert any(etype == "RULING" and trigger in ("held", "found") for etype, trigger, _ in events(nlp, text))


def test_events_world_contempt_as_a_feeling_is_no_ruling(nlp):
    assert not any(etype == "RULING" for etype, _, _ in
                   events(nlp, "The senator said he held the protesters in contempt."))


@pytest.mark.parametrize("text, etype, court", [
    ("The family approached the Supreme Court against the order of the High Court.", "APPEAL", "Supreme Court"),
    ("The two students moved the High Court seeking protection from arrest.", "SUE", "High Court"),
])
def test_events_world_moving_a_court_is_an_appeal_or_a_suit_by_the_court(nlp, text, etype, court):
    found = events(nlp, text)
    assert any(t == etype and trigger in ("approached", "moved") for t, trigger, _ in found)
    assert any(court in value for value in arguments(nlp, text, etype)["adjudicator"])


def test_events_world_moving_house_is_no_suit(nlp):
    assert not any(etype in ("SUE", "APPEAL") for etype, _, _ in
                   events(nlp, "The family moved the furniture to a new flat near the court."))


@pytest.mark.parametrize("text, penalty", [
    ("The teenager got off with probation after admitting the burglary.", "probation"),
    ("The nurse was given probation and a fine by the magistrate.", "probation"),
    ("The driver received a suspended sentence of two years.", "suspended sentence"),
])
def test_events_world_probation_and_suspended_sentences_are_sentences(nlp, text, penalty):
    assert any(etype == "SENTENCE" for etype, _, _ in events(nlp, text))
    assert any(penalty in value for value in arguments(nlp, text, "SENTENCE")["penalty"])


def test_events_world_a_probation_officer_is_no_sentence(nlp):
    assert not any(etype == "SENTENCE" for etype, _, _ in
                   events(nlp, "His probation officer told the court he had kept every appointment."))


def test_events_world_the_decision_to_remand_him_did_remand_him(nlp):
    found = modalities(nlp, "His lawyer criticised the magistrate's decision to remand him.")
    assert ("ARREST_DETAIN", "remand", "asserted") in found


def test_events_world_a_plan_to_arrest_him_stays_future(nlp):
    assert ("ARREST_DETAIN", "arrest", "future") in modalities(nlp, "Police announced a plan to arrest him on Friday.")


@pytest.mark.parametrize("text, trigger", [
    ("The magistrate remanded the three constables for another week.", "remanded"),
    ("The two suspects were first remanded on Thursday, and appeared again today.", "remanded"),
    ("The court in Abuja ordered the remand of a former bank chairman until his trial.", "remand"),
])
def test_events_world_a_person_remanded_is_detained(nlp, text, trigger):
    assert ("ARREST_DETAIN", trigger, False) in events(nlp, text)


@pytest.mark.parametrize("text", [
    "The Ninth Circuit remanded him to the district court for resentencing.",
    "On remand, the trial court reduced the award.",
    "His lawyers opposed the remand application filed by police.",
])
def test_events_world_a_case_sent_back_is_no_detention(nlp, text):
    assert not any(etype == "ARREST_DETAIN" for etype, _, _ in events(nlp, text))


@pytest.mark.parametrize("text, penalty, subject", [
    ("The magistrate imposed a fine of 80,000 euros last week.", "80,000 euros", None),
    ("His earlier penalty was a fine of S$4,000 for Mei Ling Goh.", "S$4,000", "Mei Ling Goh"),
    ("The landlord paid a $700 fine.", "$700", "The landlord"),
    ("The magistrate directed the driver to pay a fine of P8,000.", "P8,000", "the driver"),
    ("The magistrate ordered the driver to pay a fine of P8,000.", "P8,000", "the driver"),
])
def test_events_world_a_fine_named_with_its_sum_is_a_fine(nlp, text, penalty, subject):
    roles = arguments(nlp, text, "FINE")
    assert any(penalty in value for value in roles["penalty"])
    assert roles.get("subject", [None])[0] == subject


@pytest.mark.parametrize("text", [
    "The two parties walk a fine line on immigration.",
    "Lawyers read the fine print of the plea deal.",
])
def test_events_world_fine_without_a_sum_is_no_penalty(nlp, text):
    assert "FINE" not in [etype for etype, _, _ in events(nlp, text)]


@pytest.mark.parametrize("text, absent", [
    ("Counsel for the two officers appealed to the court to grant their clients bail.", "APPEAL"),
    ("The bishop appealed to the governor to spare the prisoner's life.", "APPEAL"),
    ("The two students were arrested over their unlawful stay in Uganda.", "BLOCK"),
])
def test_events_world_a_plea_and_a_stay_in_a_country_are_no_court_actions(nlp, text, absent):
    assert absent not in [etype for etype, _, _ in events(nlp, text)]


@pytest.mark.parametrize("text, present", [
    ("The farmer appealed to the Court of Appeal to overturn his conviction.", "APPEAL"),
    ("The High Court granted a brief administrative stay on Friday.", "BLOCK"),
])
def test_events_world_an_appeal_to_review_and_a_courts_stay_stay_court_actions(nlp, text, present):
    assert present in [etype for etype, _, _ in events(nlp, text)]


@pytest.mark.parametrize("text, subject", [
    ("The two suspects were produced before a magistrate in Mombasa on Tuesday.", "The two suspects"),
    ("Njoroge made his first appearance before the magistrate on Monday.", "Njoroge"),
])
def test_events_world_produced_before_a_court_and_a_court_appearance_are_hearings(nlp, text, subject):
    roles = arguments(nlp, text, "TRIAL_HEARING")
    assert any(subject in value for value in roles["subject"]) and roles.get("adjudicator")


def test_events_world_a_prosecutor_who_arraigns_is_no_judge(nlp):
    roles = arguments(nlp, "The former governor was arraigned by the EFCC before Justice Ada Obi on Monday.",
                      "TRIAL_HEARING")
    assert len(roles["adjudicator"]) == 1 and "Ada Obi" in roles["adjudicator"][0]


def test_events_world_remanded_in_detention_is_one_detention_of_the_accused(nlp):
    found = annotate(nlp, "The judge remanded the accused in detention at Limerick prison.", PUBLISHED)._.events
    assert [e.event_type for e in found] == ["ARREST_DETAIN"]
    assert [a.text for a in found[0].arguments if a.role == "subject"][0].startswith("the accused")


@pytest.mark.parametrize("text, etype, trigger", [
    ("Her lawyers filed a habeas petition in federal court on Friday.", "SUE", "petition"),
    ("The Lahore High Court dismissed the petition on Monday.", "SUE", "petition"),
    ("Justice Mehra allowed the bail plea of the journalist.", "RELEASE", "bail plea"),
    ("A sessions court rejected her bail application in March.", "RELEASE", "bail application"),
    ("The tribunal imposed a civil penalty of 3 million rand on the firm.", "FINE", "penalty"),
    ("CAIRO — An Egyptian court on Sunday barred the ministry from deporting the activist.", "BLOCK", "barred"),
    ("A judge in Ohio declined to stop the deportation of the two brothers.", "BLOCK", "stop"),
])
def test_events_world_petitions_bail_pleas_penalties_and_courts_that_stop(nlp, text, etype, trigger):
    assert (etype, trigger) in [(t, w) for t, w, _ in events(nlp, text)]


def test_events_world_a_rejected_bail_application_is_a_release_refused(nlp):
    found = events(nlp, "A sessions court rejected her bail application in March.")
    assert ("RELEASE", "bail application", True) in found


@pytest.mark.parametrize("text, absent", [
    ("Residents signed a petition against the new road.", "SUE"),
    ("The prosecution opposed the bail application.", "RELEASE"),
    ("The offence carries a maximum penalty of 10 years.", "FINE"),
    ("The accused, wearing a dark suit, did not speak.", "SUE"),
    ("She was freed on Monday and flew home to Chicago.", "DEPORT"),
    ("The appeals court refused to send the researcher back to immigration detention.", "DEPORT"),
])
def test_events_world_what_looks_like_a_court_action_but_is_none(nlp, text, absent):
    assert absent not in [etype for etype, _, _ in events(nlp, text)]


@pytest.mark.parametrize("text, etype", [
    ("The Bombay High Court quashed the FIR lodged against the actor.", "DISMISS"),
    ("The High Court struck out the case against the two farmers.", "DISMISS"),
    ("The Supreme Court quashed his conviction for murder.", "RULING"),
])
def test_events_world_a_case_quashed_is_dismissed_a_conviction_quashed_is_reversed(nlp, text, etype):
    assert etype in [t for t, w, _ in events(nlp, text) if w in ("quashed", "struck")]


def test_events_world_a_verdict_appealed_is_a_conviction_and_a_hung_jury_gives_none(nlp):
    found = events(nlp, "The jury cleared him of one count. His lawyer said Ruiz would appeal the verdict.")
    assert ("CONVICT", "verdict", False) in found
    assert not any(w == "verdict" for _, w, _ in events(nlp, "The jury could not reach a verdict on the second count."))


def test_events_world_a_pronouns_phrase_is_the_pronoun(nlp):
    assert arguments(nlp, "The jury convicted her of arson on Friday.", "CONVICT")["subject"] == ["her"]


@pytest.mark.parametrize("text, etype, role, expected", [
    ("The High Court raised the jail sentences of three army deserters.", "SENTENCE", "subject", "three army deserters"),
    ("Prosecutors had sought a sentence of 15 years.", "SENTENCE", "penalty", "15 years"),
    ("The magistrate sent 12 protesters to judicial custody.", "ARREST_DETAIN", "subject", "12 protesters"),
])
def test_events_world_whom_a_sentence_or_custody_is_of(nlp, text, etype, role, expected):
    assert arguments(nlp, text, etype)[role] == [expected]


def test_events_world_a_remand_is_the_courts_when_its_clause_names_none(nlp):
    text = ("The former minister was arraigned before Justice Ada Obi on Monday. "
            "He was remanded in custody until his bail hearing.")
    assert arguments(nlp, text, "ARREST_DETAIN")["agent"] == ["Ada Obi"]


@pytest.mark.parametrize("text", [
    "A conviction being quashed means the accused has no criminal record.",
    "A pardon amounts to forgiveness by the head of state.",
    "Under the act, a suspect can be detained for up to 48 hours.",
    "Defendants who plead guilty receive a lighter sentence.",
])
def test_events_world_what_the_law_says_of_any_case_is_no_event(nlp, text):
    assert not [t for t, w, _ in events(nlp, text) if w in ("quashed", "pardon", "detained", "plead guilty")]


@pytest.mark.parametrize("text, etype", [
    ("Her conviction means she will lose her licence.", "CONVICT"),
    ("The magistrate ruled that a teacher who sought asylum can be extradited to Peru.", "EXTRADITE"),
])
def test_events_world_a_definite_or_specific_case_stays_an_event(nlp, text, etype):
    assert etype in [t for t, _, _ in events(nlp, text)]


@pytest.mark.parametrize("text, negated", [
    ("The magistrate denied Okello bail on Friday.", True),
    ("The court rejected his application for bail.", True),
    ("The magistrate allowed the application for bail.", False),
])
def test_events_world_a_bail_decision_is_a_release_and_a_refusal_also_a_ruling(nlp, text, negated):
    found = events(nlp, text)
    assert ("RULING" in [t for t, _, _ in found]) == negated  # the gold sets' reading: a court rules against bail
    assert [n for t, _, n in found if t == "RELEASE"] == [negated]


def test_events_world_the_court_that_refuses_a_bail_plea_is_the_releases_agent(nlp):
    text = "The Anti-Graft Court on Monday rejected the bail plea of a former minister."
    assert arguments(nlp, text, "RELEASE")["agent"] == ["The Anti-Graft Court"]


def test_events_world_a_remand_extended_by_a_court_is_that_courts(nlp):
    text = ("Justice Ali Najafi granted bail to the three brothers. An anti-terrorism court on Monday extended "
            "the judicial remand of the activist Sanam Javed.")
    assert arguments(nlp, text, "ARREST_DETAIN")["agent"] == ["anti-terrorism court"]  # the court, as named


@pytest.mark.parametrize("text, etype, role, expected", [
    ("The court convicted and sentenced Omar Farah to nine years.", "CONVICT", "subject", "Omar Farah"),
    ("He was jailed for a maximum of 12 years.", "SENTENCE", "penalty", "a maximum of 12 years"),
])
def test_events_world_a_shared_object_and_a_bounded_term(nlp, text, etype, role, expected):
    assert arguments(nlp, text, etype)[role] == [expected]


def test_events_world_approaching_a_court_for_bail_is_no_lawsuit(nlp):
    assert "SUE" not in [t for t, _, _ in events(nlp, "The two accused will approach the trial court for bail.")]


@pytest.mark.parametrize("text, etype", [
    ("He will appeal against the conviction next week.", "CONVICT"),
    ("The prosecution cross-appealed against the sentence.", "SENTENCE"),
])
def test_events_world_what_is_appealed_against_happened(nlp, text, etype):
    assert (etype, False) in [(t, n) for t, _, n in events(nlp, text)]


def test_events_world_found_guilty_across_a_relative_clause(nlp):
    text = "In May, Judge Ann Reid found the teenager, who cannot be named under the law, guilty of manslaughter."
    roles = arguments(nlp, text, "CONVICT")
    assert roles["subject"] == ["the teenager"] and roles["adjudicator"] == ["Ann Reid"]


@pytest.mark.parametrize("text, etype, trigger", [
    ("She paid a fine in another matter last year.", "FINE", "fine"),
    ("The three suspects were brought before Judge Ruth Wambui on Monday.", "TRIAL_HEARING", "brought"),
    ("The suspects were brought to court on Tuesday.", "TRIAL_HEARING", "brought"),
])
def test_events_world_a_fine_paid_and_suspects_brought_to_court(nlp, text, etype, trigger):
    assert (etype, trigger) in [(t, w) for t, w, _ in events(nlp, text)]


def test_events_world_a_remand_approved_is_no_ruling(nlp):
    assert "RULING" not in [t for t, _, _ in events(nlp, "The judge approved a three-day physical remand of the suspect.")]


def test_events_world_a_court_named_before_its_town_is_the_court(nlp):
    roles = arguments(nlp, "The former governor was arraigned at the Federal High Court Kano on Tuesday.", "TRIAL_HEARING")
    assert roles["adjudicator"] == ["Federal High Court"]


def test_events_world_days_of_judicial_custody_by_a_court(nlp):
    roles = arguments(nlp, "The nine men were sent to three days of judicial custody by a city court.", "ARREST_DETAIN")
    assert roles["subject"] == ["The nine men"] and roles["agent"] == ["a city court"]


@pytest.mark.parametrize("text, found", [
    ("The two suspects will reappear on October 12.", True),
    ("The symptoms may reappear in spring.", False),
])
def test_events_world_reappearing_is_a_next_court_date(nlp, text, found):
    assert (("TRIAL_HEARING", "reappear") in [(t, w) for t, w, _ in events(nlp, text)]) == found


def test_events_world_a_denied_charge_is_a_plea_of_the_accused(nlp):
    text = "Peter Kamau appeared before the magistrate on Monday. He denied the charges and was freed on bail."
    found = events(nlp, text)
    assert not any(etype == "RULING" for etype, _, _ in found)
    assert "Peter Kamau" in arguments(nlp, text, "CHARGE_INDICT").get("subject", [])


@pytest.mark.parametrize("text, kind", [
    ("The Lahore High Court on Tuesday sent former minister Ali Raza to jail on judicial remand.", "ARREST_DETAIN"),
    ("The magistrate jailed the two men pending trial.", "ARREST_DETAIN"),
    ("The Lahore High Court on Tuesday sent former minister Ali Raza to jail for seven years.", "SENTENCE"),
])
def test_events_world_a_jailing_pending_trial_is_custody_not_a_sentence(nlp, text, kind):
    found = {etype for etype, _, _ in events(nlp, text)}
    other = "SENTENCE" if kind == "ARREST_DETAIN" else None
    assert kind in found and other not in found


def test_events_world_a_court_that_extends_or_orders_custody_holds_the_person(nlp):
    text = "A sessions court in Pune on Friday extended the judicial custody of Raj Malhotra till May 2."
    agent = arguments(nlp, text, "ARREST_DETAIN").get("agent", [])
    assert agent and "court" in agent[0].lower()


def test_events_world_an_order_of_an_action_is_about_whom_the_action_is_of(nlp):
    roles = arguments(nlp, "The judge ordered the release of the two students on Thursday.", "ORDER")
    assert roles.get("subject") == ["the two students"]


def test_events_world_appearances_past_and_to_come(nlp):
    text = ("Ryan Cole, 34, of Seaham, appeared at Peterlee Magistrates' Court on Monday. He is due back in court "
            "on Wednesday. His two co-accused will make their next appearance on June 9.")
    found = annotate(nlp, text, PUBLISHED)._.events
    hearings = [e for e in found if e.event_type == "TRIAL_HEARING"]
    assert len(hearings) == 3
    appeared, due, _ = hearings
    assert any(a.role == "adjudicator" and "Peterlee" in a.text for a in appeared.arguments)
    assert due.modality == "future" and any(a.role == "subject" and a.canonical == "Ryan Cole" for a in due.arguments)


def test_events_world_no_appearance_outside_a_court_story(nlp):
    assert not events(nlp, "The singer will make her next appearance on the show in May.")


def test_events_world_a_hearing_on_their_pleas_is_about_those_who_made_them(nlp):
    text = ("Nomvula Dube and Sipho Khumalo appeared in court on Monday. The court postponed the matter to "
            "Thursday for a hearing on their bail applications.")
    hearing = [e for e in annotate(nlp, text, PUBLISHED)._.events if e.trigger == "hearing"][0]
    assert {a.canonical for a in hearing.arguments if a.role == "subject"} == {"Nomvula Dube", "Sipho Khumalo"}


def test_events_world_who_brings_an_arraignment_is_no_adjudicator(nlp):
    roles = arguments(nlp, "The order followed the arraignment of Maina by the federal government on Friday.",
                      "TRIAL_HEARING")
    assert not any("government" in a for a in roles.get("adjudicator", []))


@pytest.mark.parametrize("text, etype", [
    ("Jordan Whitlock, 31, was cleared of the same charge by a jury after a two-week trial.", "ACQUIT"),
    ("Marcus Hale was convicted of fraud by a jury on Friday.", "CONVICT"),
])
def test_events_world_a_jury_the_parser_hangs_on_the_crime_decides(nlp, text, etype):
    roles = arguments(nlp, text, etype)
    assert roles.get("adjudicator") == ["a jury"] and "jury" not in " ".join(roles.get("crime", []))
    charge = [e for e in annotate(nlp, text, PUBLISHED)._.events if e.event_type == "CHARGE_INDICT"]
    assert not any(a.role == "agent" for e in charge for a in e.arguments)


def test_events_world_a_dateline_credit_takes_no_part(nlp):
    text = ("ABUJA, March 3 (Lagoon Wire) - Nigeria's anti-graft agency on Monday arraigned a former oil executive "
            "on 14 counts of fraud before Justice Halima Yakubu.")
    roles = arguments(nlp, text, "TRIAL_HEARING")
    assert not any("Lagoon" in value for values in roles.values() for value in values)


@pytest.mark.parametrize("text, executed", [
    ("Singapore on Friday hanged a 39-year-old man convicted of trafficking heroin.", True),
    ("Ravindran was hanged at Changi Prison at dawn.", True),
    ("He hanged himself in his cell.", False),
    ("A mob hanged the suspect from a tree.", False),
    ("They hung a portrait of the judge in the hall.", False),
])
def test_events_world_a_hanging_is_an_execution_by_the_state(nlp, text, executed):
    assert any(etype == "EXECUTE" for etype, _, _ in events(nlp, text)) == executed


def test_events_world_an_agency_directed_to_free_someone_frees_them(nlp):
    text = "Judge Miriam Castellano directed Immigration and Customs Enforcement to free Elmer Banegas within 48 hours."
    assert "Castellano" not in " ".join(arguments(nlp, text, "RELEASE").get("agent", []))


@pytest.mark.parametrize("text, etype, found", [
    ("He faces a maximum sentence of ten years if convicted.", "SENTENCE", False),
    ("The judge imposed the maximum sentence of ten years.", "SENTENCE", True),
    ("People who have been arrested on minor charges are usually freed within a day.", "ARREST_DETAIN", False),
    ("The two men who have been arrested told police they were innocent.", "ARREST_DETAIN", True),
])
def test_events_world_what_the_law_sets_or_usually_happens_is_no_event(nlp, text, etype, found):
    assert any(t == etype for t, _, _ in events(nlp, text)) == found


@pytest.mark.parametrize("text, etype, role, value", [
    ("The magistrate issued orders to the CID to investigate the matter.", "ORDER", "adjudicator", "The magistrate"),
    ("The court mandated that all relevant details be recorded.", "ORDER", "adjudicator", "the court"),
    ("Parramatta Local Court heard bail bids from the two men on Monday.", "TRIAL_HEARING", "subject", "the two men"),
])
def test_events_world_court_decisions_and_hearings_as_wire_copy_words_them(nlp, text, etype, role, value):
    roles = arguments(nlp, text, etype)
    assert any(value.lower() in v.lower() for v in roles.get(role, []))


def test_events_world_a_law_that_mandates_is_no_order(nlp):
    assert not events(nlp, "The law mandated that all migrants be screened.")


def test_events_world_an_appeal_to_a_ruling_names_no_court(nlp):
    roles = arguments(nlp, "Both men will be lodging an appeal to the ruling.", "APPEAL")
    assert "adjudicator" not in roles
    roles = arguments(nlp, "He lodged an appeal to the High Court on Monday.", "APPEAL")
    assert roles.get("adjudicator") == ["High Court"]


def test_events_world_a_protest_directed_at_someone_is_no_order(nlp):
    assert not events(nlp, "Leung said it was a peaceful protest directed only at the chief secretary.")


@pytest.mark.parametrize("text, etype, role, value", [
    ("The magistrate later fined an activist only HK$1,500 for hitting a reporter.", "FINE", "penalty", "only HK$1,500"),
    ("The magistrate had detained his party colleague Ma Wan-ki.", "ARREST_DETAIN", "subject", "Ma Wan-ki"),
])
def test_events_world_a_penalty_without_its_reason_and_a_colleague_named(nlp, text, etype, role, value):
    assert arguments(nlp, text, etype).get(role) == [value]


def test_events_world_an_action_told_of_someone_a_charge_is_against_is_not_negated(nlp):
    text = "Police registered a second FIR against the suspect already detained by city police in a similar case."
    assert ("ARREST_DETAIN", "detained", False) in events(nlp, text)
    assert ("CHARGE_INDICT", "charged", True) in events(nlp, "He was released without being charged.")


@pytest.mark.parametrize("text, absent", [
    ("The court had set aside two days for the bail application hearing.", "RULING"),
    ("He said he had weighed the arguments presented by both the prosecution and defence teams.", "CHARGE_INDICT"),
])
def test_events_world_time_reserved_and_the_prosecution_as_a_side(nlp, text, absent):
    assert not any(etype == absent for etype, _, _ in events(nlp, text))


def test_events_world_a_conviction_set_aside_happened_and_was_not_the_reviewing_courts(nlp):
    event = next(e for e in annotate(nlp, "The appeals court set aside his conviction.", PUBLISHED)._.events
                 if e.event_type == "CONVICT")
    assert event.modality == "asserted" and not any(a.role == "adjudicator" for a in event.arguments)


def test_events_world_a_court_that_hears_a_charged_man_did_not_charge_him(nlp):
    text = ("Owen Maughan, of Dun Saithne, appeared before Balbriggan District Court charged with the murder "
            "of a pensioner.")
    roles = arguments(nlp, text, "CHARGE_INDICT")
    assert "agent" not in roles and roles.get("subject") == ["Owen Maughan"]
    assert roles.get("crime") == ["the murder of a pensioner"]


def test_events_world_remanded_to_appear_is_the_remanded_one_appearing(nlp):
    text = "Judge Deirdre Gearty remanded Sean Doyle in custody to appear before Cloverhill District Court next Tuesday."
    assert arguments(nlp, text, "TRIAL_HEARING").get("subject") == ["Sean Doyle"]


def test_events_world_the_date_of_a_crime_is_not_the_hearings(nlp):
    text = "A 20-year-old man has appeared in court in connection with the murder of Christopher Hall last year."
    assert "time" not in arguments(nlp, text, "TRIAL_HEARING")


def test_entities_world_the_town_of_an_address_is_a_place(nlp):
    doc = annotate(nlp, "Mr Hall was found at his home in Dun Saithne Green, Balbriggan on November 24, 2021.", PUBLISHED)
    assert ("Balbriggan", "PLACE") in [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize("text, etype, trigger", [
    ("Doyle was jailed for 11 years. Mensah received eight years and Pike seven.", "SENTENCE", "received"),
    ("Bradley Tate, 35, who rented the flats, was given three years and nine months.", "SENTENCE", "given"),
    ("The court ordered each of them to pay Rs500,000 in compensation.", "FINE", "ordered each of them to pay"),
    ("A sixth suspect handed himself over to the police on Thursday.", "ARREST_DETAIN", "handed himself over"),
    ("Rincon made a refugee claim in 2021.", "ASYLUM_REQUEST", "refugee claim"),
    ("The two men were sentenced after admitting conspiracy to supply drugs.", "CONVICT", "admitting"),
])
def test_events_world_terms_received_surrenders_and_claims(nlp, text, etype, trigger):
    assert (etype, trigger, False) in events(nlp, text)


@pytest.mark.parametrize("text, etype, trigger, negated", [
    # US and East African "bond" is bail
    ("A state judge granted him bond on Monday.", "RELEASE", "bond", False),
    ("The Milimani court granted bond to 40 protesters.", "RELEASE", "bond", False),
    ("An immigration judge denied her bond in May.", "RELEASE", "bond", True),
])
def test_events_world_bond_is_bail(nlp, text, etype, trigger, negated):
    found = events(nlp, text)
    assert (etype, trigger, negated) in found and not any(e[0] == "RULING" and e[1] == "granted" for e in found)


@pytest.mark.parametrize("text, trigger", [
    # South Asian reporting: a case registered against a person is a charge
    ("Police arrested Arun two days later and registered a case against him and his parents.",
     "registered a case against"),
    ("The journalist was booked under sections of the Bharatiya Nyaya Sanhita.", "booked"),
    ("The reporter was booked over a video about deaths at the hospital.", "booked"),
])
def test_events_world_a_case_registered_is_a_charge(nlp, text, trigger):
    assert ("CHARGE_INDICT", trigger, False) in events(nlp, text)


@pytest.mark.parametrize("text", [
    "He was booked into the Hall County jail on Friday.",
    "She booked a flight over the weekend.",
])
def test_events_world_a_booking_is_no_charge(nlp, text):
    assert not any(e[0] == "CHARGE_INDICT" for e in events(nlp, text))


@pytest.mark.parametrize("text, etype, trigger", [
    ("Her husband and his partner were picked up at their homes in Lekki the following week.", "ARREST_DETAIN",
     "picked up"),
    ("Police picked up three suspects at the border.", "ARREST_DETAIN", "picked up"),
    ("Marcus Hill, 46, walked out of the Stateville Correctional Center on Friday.", "RELEASE", "walked out"),
])
def test_events_world_informal_arrests_and_releases(nlp, text, etype, trigger):
    assert (etype, trigger, False) in events(nlp, text)


@pytest.mark.parametrize("text", ["She picked up the phone.", "He walked out of the meeting."])
def test_events_world_a_phone_picked_up_or_a_meeting_left_is_no_event(nlp, text):
    assert not events(nlp, text)


@pytest.mark.parametrize("text, found", [
    ("The High Court allowed the petition on Monday.", True),
    ("The appeal court allowed the appeal of the former treasurer and freed her.", True),
    ("The court allowed the investigation to continue.", False),
    ("The judge allowed him to leave the courtroom.", False),
])
def test_events_world_a_plea_allowed_is_a_ruling(nlp, text, found):
    assert (("RULING", "allowed", False) in events(nlp, text)) is found


def test_events_world_bonds_a_company_issues_are_no_bail(nlp):
    assert not events(nlp, "The company issued bonds worth $1 billion.")


@pytest.mark.parametrize("text", [
    "She received eight years of training in Lagos.",
    "He was given a warning by police.",
])
def test_events_world_years_of_something_else_are_no_sentence(nlp, text):
    assert not [e for e in events(nlp, text) if e[0] == "SENTENCE"]


def test_events_world_asylum_claims_in_general_are_no_request(nlp):
    assert not events(nlp, "Officials said the rule would discourage people from filing weak asylum claims.")


@pytest.mark.parametrize("text", [
    "Judge Arif Bhatti announced the judgment at Camp Jail in Lahore.",
    "The justices of the High Court wrote in a joint judgment that his removal was not practicable.",
])
def test_events_world_a_judgment_is_a_ruling_of_who_gives_it(nlp, text):
    roles = arguments(nlp, text, "RULING")
    assert roles.get("adjudicator")


def test_events_world_terms_of_clauses_that_leave_the_verb_out(nlp):
    roles = arguments(nlp, "Mensah received eight years, Aaron Pike seven years and Connor Pike five years.", "SENTENCE")
    assert roles.get("subject") == ["Mensah", "Aaron Pike", "Connor Pike"]
    assert roles.get("penalty") == ["eight years", "seven years", "five years"]


@pytest.mark.parametrize("text", [
    "Omar Tate, who drove the van, received the mandatory term of life without parole.",
    "His brother got a 12-year prison term.",
    "Lena Ward received 14 years. Her partner, Ross Ward, was jailed for nine.",
])
def test_events_world_a_term_received_or_a_bare_number_of_years_is_a_sentence(nlp, text):
    assert [etype for etype, _, _ in events(nlp, text)][-1] == "SENTENCE"


@pytest.mark.parametrize("text", [
    "The senator won a second term in November.",
    "He was jailed for two offences of theft.",
])
def test_events_world_a_term_in_office_or_counts_are_no_sentence(nlp, text):
    assert not any(etype == "SENTENCE" for etype, _, _ in events(nlp, text))


@pytest.mark.parametrize("text, cleared", [
    ("Three men were convicted of fraud. A fourth, Colin Hart, 38, was cleared.", "Colin Hart"),
    ("The jury found Ana Reyes guilty but cleared her husband, Tomas Reyes, after a week of deliberation.",
     "Tomas Reyes"),
])
def test_events_world_cleared_with_nothing_after_it_or_by_a_jury_is_an_acquittal(nlp, text, cleared):
    assert arguments(nlp, text, "ACQUIT")["subject"] == [cleared]


@pytest.mark.parametrize("text", [
    "The pilot was cleared to fly by his doctors.",
    "The prisoner was cleared for release on Monday.",
    "An internal review cleared the officers who fired.",
    "The mayor cleared the way for the new stadium.",
])
def test_events_world_cleared_to_act_or_by_a_review_is_no_acquittal(nlp, text):
    assert not any(etype == "ACQUIT" for etype, _, _ in events(nlp, text))


@pytest.mark.parametrize("text, etype", [
    ("Officers of the special task force picked up the seven from a rented flat in Kanpur.", "ARREST_DETAIN"),
    ("Detectives picked up the two others at a bus stand the next day.", "ARREST_DETAIN"),
    ("The magistrate sent the four men to the Agra District Jail.", "ARREST_DETAIN"),
    ("The three convicts were taken to the Central Prison after the hearing.", "ARREST_DETAIN"),
    ("The court placed the two brothers on five-day remand.", "ARREST_DETAIN"),
    ("The investigating officer produced the three in court on Monday.", "TRIAL_HEARING"),
])
def test_events_world_custody_and_court_appearances_of_south_asian_reporting(nlp, text, etype):
    assert etype in [found for found, _, _ in events(nlp, text)]


@pytest.mark.parametrize("text", [
    "Her father picked up the children from school.",
    "The company produced its accounts in court.",
])
def test_events_world_things_picked_up_or_produced_are_no_custody_or_hearing(nlp, text):
    assert events(nlp, text) == []


def test_events_world_a_term_sends_to_prison_as_a_sentence(nlp):
    assert [etype for etype, _, _ in events(nlp, "He was sent to prison for five years.")] == ["SENTENCE"]


def test_events_world_an_officer_who_produces_the_accused_is_no_judge(nlp):
    assert "adjudicator" not in arguments(nlp, "The investigating officer produced the three in court.", "TRIAL_HEARING")


@pytest.mark.parametrize("text, subject", [
    ("Prosecution counsel Mary Wanjiru opposed bail for all four.", "all four"),
    ("Their lawyer, Ali Raza, sought bail for both.", "both"),
    ("The prosecutor did not object to bail for Siti Aminah.", "Siti Aminah"),
])
def test_events_world_bail_sought_or_opposed_is_a_release_to_come(nlp, text, subject):
    event = next(e for e in annotate(nlp, text, PUBLISHED)._.events if e.event_type == "RELEASE")
    assert event.modality == "future" and not event.negated
    assert [a.text for a in event.arguments if a.role == "subject"] == [subject]
    assert not any(a.role == "agent" for a in event.arguments)  # who asks for bail frees no one


def test_events_world_admitted_to_bail_is_a_release(nlp):
    event = next(e for e in annotate(nlp, "Kofi Tetteh was admitted to bail in March.", PUBLISHED)._.events)
    assert (event.event_type, event.modality) == ("RELEASE", "asserted")
    assert [a.canonical for a in event.arguments if a.role == "subject"] == ["Kofi Tetteh"]


@pytest.mark.parametrize("text, subject", [
    ("Magistrate Jane Obi refused bail for the other three.", "the other three"),
    ("The judge denied bail to Tom Reed.", "Tom Reed"),
    ("The magistrate rejected the bail petitions of Tom Reed.", None),
])
def test_events_world_bail_refused_is_a_ruling_and_the_release_negated(nlp, text, subject):
    found = annotate(nlp, text, PUBLISHED)._.events
    assert [e.event_type for e in found] == ["RULING", "RELEASE"] and found[1].negated
    if subject is not None:
        assert [a.text for a in found[0].arguments if a.role == "subject"] == [subject]


@pytest.mark.parametrize("text", ["The court granted bail to the three.", "The court refused to hear the case."])
def test_events_world_bail_granted_or_a_refusal_to_act_is_no_ruling(nlp, text):
    assert "RULING" not in [etype for etype, _, _ in events(nlp, text)]


def test_events_world_an_order_that_applies_stays_asserted(nlp):
    event = next(e for e in annotate(nlp, "Judge Ann Wu's restraining order applies only to the eight men.",
                                     PUBLISHED)._.events)
    assert (event.event_type, event.modality) == ("BLOCK", "asserted")


def test_events_world_charges_opposed_in_court_exist_already(nlp):
    event = next(e for e in annotate(nlp, "The defence advocate opposed all the charges against the accused persons.",
                                     PUBLISHED)._.events if e.event_type == "CHARGE_INDICT")
    assert event.modality == "asserted"  # bail opposed is yet to come; charges opposed are already laid
