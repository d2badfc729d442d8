"""Where an argument comes from: the trigger's parse, a resolved pronoun or description, or the article."""
from __future__ import annotations

import pytest

from conftest import annotate
from pipeline.events import FoundEvent

PUBLISHED = "2025-03-14"


def events_of(nlp, text: str) -> list[FoundEvent]:
    return annotate(nlp, text, PUBLISHED)._.events


def only(events: list[FoundEvent], etype: str, trigger: str) -> FoundEvent:
    found = [e for e in events if e.event_type == etype and trigger in e.trigger]
    assert len(found) == 1, [(e.event_type, e.trigger) for e in events]
    return found[0]


def argument(event: FoundEvent, role: str):
    found = [a for a in event.arguments if a.role == role]
    return found[0] if found else None


def subjects(event: FoundEvent) -> set[str | None]:
    return {a.canonical for a in event.arguments if a.role == "subject"}


@pytest.mark.parametrize("text, etype, trigger, role, name, source", [
    ("Judge Mara Lindqvist sentenced Tomas Brandt to six years in prison on Friday.",
     "SENTENCE", "sentenced", "subject", "Tomas Brandt", "syntax"),
    ("Tomas Brandt, 41, appeared in court in Duluth. A jury convicted him of arson on Friday.",
     "CONVICT", "convicted", "subject", "Tomas Brandt", "coreference"),
    ("U.S. District Judge Mara Lindqvist heard arguments on Monday. The judge ruled that the "
     "agency had acted unlawfully.", "RULING", "ruled", "adjudicator", "Mara Lindqvist", "coreference"),
    ("U.S. District Judge Mara Lindqvist heard arguments on Monday in the case of Tomas Brandt. "
     "On Tuesday an order was issued barring his transfer to Texas.", "ORDER", "order", "adjudicator",
     "Mara Lindqvist", "article"),
])
def test_events_arguments_say_how_they_were_found(nlp, text, etype, trigger, role, name, source):
    arg = argument(only(events_of(nlp, text), etype, trigger), role)
    assert arg is not None and name in (arg.canonical or arg.text)
    assert arg.source == source
    assert 0 < arg.confidence <= 1


def test_events_story_with_one_court_and_no_judge_gives_it_to_the_decision(nlp):
    text = ("Two brothers appeared before the Kilkenny Circuit Court on Monday charged with burglary. "
            "The pair were later sentenced to three years in prison each.")
    arg = argument(only(events_of(nlp, text), "SENTENCE", "sentenced"), "adjudicator")
    assert arg is not None and "Kilkenny Circuit Court" in arg.text
    assert arg.source == "article"


def test_events_story_with_two_courts_names_no_adjudicator(nlp):
    text = ("The Kilkenny Circuit Court heard the case in May and the Cork District Court heard a second charge in June. "
            "The pair were later sentenced to three years in prison each.")
    assert argument(only(events_of(nlp, text), "SENTENCE", "sentenced"), "adjudicator") is None


def test_events_sentencing_still_to_come_takes_no_judge_from_the_article(nlp):
    text = ("U.S. District Judge Mara Lindqvist accepted the plea of Tomas Brandt on Monday. "
            "Brandt is scheduled to be sentenced in June.")
    event = only(events_of(nlp, text), "SENTENCE", "sentenced")
    assert event.modality == "future"
    assert argument(event, "adjudicator") is None


@pytest.mark.parametrize("text, etype, trigger, role, name", [
    # an adjunct participle's doer is the main clause's subject, active or passive
    ("After pleading guilty to theft, Anna Byrne was fined 500 euros.", "CONVICT", "pleading guilty",
     "subject", "Anna Byrne"),
    ("After being arrested in May, the driver was charged with manslaughter.", "ARREST_DETAIN", "arrested",
     "subject", "the driver"),
    # the person a multi-word trigger holds
    ("The jury found Daniel Reyes guilty of manslaughter.", "CONVICT", "guilty", "subject", "Daniel Reyes"),
    # a participle used as a person noun resolves like one
    ("Mohammed Iqbal appeared before the court on Tuesday. The accused was remanded in custody until June.",
     "ARREST_DETAIN", "remanded", "subject", "Mohammed Iqbal"),
])
def test_events_arguments_beyond_the_triggers_own_words(nlp, text, etype, trigger, role, name):
    arg = argument(only(events_of(nlp, text), etype, trigger), role)
    assert arg is not None and name in (arg.canonical or arg.text)


@pytest.mark.parametrize("text, subject, penalty", [
    ("The court fined the company $3 million.", "the company", "$3 million"),
    ("After pleading guilty, Anna Byrne was fined 500 euros.", "Anna Byrne", "500 euros"),
    ("The judge fined Harlan Tooling $2.5 million on Monday.", "Harlan Tooling", "$2.5 million"),
])
def test_events_arguments_a_fine_names_who_pays_and_how_much(nlp, text, subject, penalty):
    event = only(events_of(nlp, text), "FINE", "fined")
    assert subject in argument(event, "subject").text
    assert argument(event, "penalty").text == penalty


def test_events_arguments_a_counted_group_fined_is_no_amount(nlp):
    event = only(events_of(nlp, "The regulator fined two brokers for the breach."), "FINE", "fined")
    assert argument(event, "penalty") is None
    assert "two brokers" in argument(event, "subject").text


@pytest.mark.parametrize("text, etype, trigger, name", [
    # the person between "found" and the verdict, also when the parse hangs the verdict elsewhere
    ("Jurors found Wendell Okoro, 44, of Tulsa, not guilty on three counts of smuggling.", "ACQUIT", "not guilty",
     "Wendell Okoro"),
    ("The jury deliberated for five hours before finding Bram Keller, 38, not guilty of perjury.", "ACQUIT",
     "not guilty", "Bram Keller"),
    # a passive conjunct after an active one shares its subject, not its object
    ("Jean-Paul Morel, 37, fled Haiti in 2023 and was detained at the southern border.", "ARREST_DETAIN",
     "detained", "Jean-Paul Morel"),
    # "I" in a quotation is its speaker
    ("Desmond Achebe was released in May. \"For three years I have been afraid that I would be sent to a country "
     "I barely remember,\" he said.", "DEPORT", "sent", "Desmond Achebe"),
    # bail granted in a chain of passives: the chain's subject
    ("A former company secretary, Chioma Obi, was charged in a related case and granted bail in January.",
     "RELEASE", "bail", "Chioma Obi"),
])
def test_events_arguments_subjects_the_parse_does_not_hand_over(nlp, text, etype, trigger, name):
    arg = argument(only(events_of(nlp, text), etype, trigger), "subject")
    assert arg is not None and name in (arg.canonical or arg.text)


def test_events_arguments_what_someone_told_reporters_is_reported_not_future(nlp):
    text = "Maria Lopez spoke after the hearing. \"They arrested me in front of my children,\" Lopez told reporters."
    event = only(events_of(nlp, text), "ARREST_DETAIN", "arrested")
    assert event.modality == "reported"
    assert "Maria Lopez" in argument(event, "subject").canonical


def test_events_arguments_an_unattributed_first_person_names_no_one(nlp):
    event = only(events_of(nlp, "\"I was deported twice,\" the sign read."), "DEPORT", "deported")
    assert argument(event, "subject") is None


@pytest.mark.parametrize("text, etype, trigger", [
    ("Judge Nora Lind, an Obama appointee, granted a temporary restraining order sought by the attorney "
     "general, Tom Hale, on Friday.", "BLOCK", "restraining order"),
    ("Lawyers for the family filed a motion for a stay, which Judge Nora Lind granted on Monday.", "BLOCK", "stay"),
])
def test_events_arguments_who_asks_for_a_decision_is_not_its_adjudicator(nlp, text, etype, trigger):
    adjudicators = [a.canonical or a.text for a in only(events_of(nlp, text), etype, trigger).arguments
                    if a.role == "adjudicator"]
    assert adjudicators == ["Nora Lind"]


def test_events_arguments_a_named_department_is_itself_not_the_agency_before_it(nlp):
    text = ("ICE agents detained Diego Morales in Tacoma in May. His lawyers sued the Department of Homeland "
            "Security in federal court in Seattle on Friday.")
    subject = argument(only(events_of(nlp, text), "SUE", "sued"), "subject")
    assert subject is not None and "Homeland Security" in (subject.canonical or subject.text)


def test_events_arguments_an_indefinite_judge_after_the_lead_is_another_judge(nlp):
    text = ("SEATTLE — U.S. District Judge Priya Raman on Thursday ordered ICE to release Diego Morales. "
            "An immigration judge had denied his bond request in May.")
    adjudicator = argument(only(events_of(nlp, text), "RULING", "denied"), "adjudicator")
    assert adjudicator is None or adjudicator.canonical != "Priya Raman"


@pytest.mark.parametrize("text, etype, trigger, name", [
    ("The judge ordered Diego Morales detained until his hearing.", "ARREST_DETAIN", "detained", "Diego Morales"),
    ("Judge Alma Ruiz ordered Diego Morales released on Friday.", "RELEASE", "released", "Diego Morales"),
    ("A jury in Manhattan found Harold Vance, 58, guilty of health care fraud.", "CONVICT", "guilty",
     "Harold Vance"),
    ("PHOENIX — Federal agents arrested a Mexican national on Tuesday. Luis Herrera, 34, was taken to a "
     "federal jail in Tucson.", "ARREST_DETAIN", "arrested", "Luis Herrera"),
    ("NEW YORK — A former nursing home administrator was convicted on Wednesday of fraud. Harold Vance, 58, "
     "faces up to 20 years in prison.", "CONVICT", "convicted", "Harold Vance"),
])
def test_events_arguments_the_undergoer_of_small_clauses_and_lead_descriptions(nlp, text, etype, trigger, name):
    subject = argument(only(events_of(nlp, text), etype, trigger), "subject")
    assert subject is not None and (subject.canonical or subject.text) == name
    if "ordered" in text:  # the small clause's subject is no doer
        assert argument(only(events_of(nlp, text), etype, trigger), "agent") is None


def test_events_arguments_a_court_description_is_written_as_the_article_names_the_court(nlp):
    text = ("RICHMOND, Va. — A federal appeals court on Tuesday threw out a deportation order against a "
            "farmworker. A panel of the 4th U.S. Circuit Court of Appeals ruled 2-1 that the order was unlawful.")
    adjudicator = argument(only(events_of(nlp, text), "DISMISS", "threw out"), "adjudicator")
    assert adjudicator is not None and adjudicator.text == "4th U.S. Circuit Court of Appeals"
    assert adjudicator.source == "coreference" and text[adjudicator.anaphor_start:adjudicator.anaphor_end] \
        == "A federal appeals court"


@pytest.mark.parametrize("text, etype, trigger, name", [
    ("Circuit Judge Howard Lindqvist, who presided over the trial, thanked the jurors.", "TRIAL_HEARING", "trial",
     "Howard Lindqvist"),
    ("The lawsuit, filed in the U.S. District Court for the District of Colorado, asks a judge to declare the "
     "policy unlawful.", "SUE", "lawsuit", "U.S. District Court for the District of Colorado"),
])
def test_events_arguments_the_court_of_a_nominal_triggers_own_clause(nlp, text, etype, trigger, name):
    adjudicator = argument(only(events_of(nlp, text), etype, trigger), "adjudicator")
    assert adjudicator is not None and (adjudicator.canonical or adjudicator.text) == name


def test_events_arguments_the_lead_subject_after_a_dateline_keeps_its_conjuncts(nlp):
    text = "DENVER — Colorado and 12 other states sued the Trump administration on Tuesday."
    agents = [a.text for a in only(events_of(nlp, text), "SUE", "sued").arguments if a.role == "agent"]
    assert agents == ["Colorado", "12 other states"]


@pytest.mark.parametrize("text, etype, trigger, role, name", [
    ("Raymond Archuleta, 63, was also ordered to pay $412,000 in restitution, State District Judge Celia "
     "Montoya ruled.", "FINE", "ordered to pay", "adjudicator", "Celia Montoya"),
    ("An immigration judge ordered Emil Tabor removed in 2024, and the Board of Immigration Appeals dismissed "
     "his appeal the following year.", "APPEAL", "appeal", "adjudicator", "Board of Immigration Appeals"),
    ("Emil Tabor had been ordered removed to Cameroon by an immigration judge.", "ORDER", "ordered",
     "adjudicator", "an immigration judge"),
    ("Judge Thomas Breckenridge took the case in May. At a hearing on Monday, Breckenridge pressed a government "
     "lawyer to explain the arrest.", "TRIAL_HEARING", "hearing", "adjudicator", "Thomas Breckenridge"),
    ("Amira Haddadi was arrested in May. During the eight-day trial, Haddadi testified that she was afraid.",
     "TRIAL_HEARING", "trial", "subject", "Amira Haddadi"),
])
def test_events_arguments_judges_and_parties_the_clause_reaches(nlp, text, etype, trigger, role, name):
    arg = argument(only(events_of(nlp, text), etype, trigger), role)
    assert arg is not None and (arg.canonical or arg.text) == name


def test_events_arguments_the_judge_who_orders_a_removal_does_not_remove(nlp):
    text = "Emil Tabor had been ordered removed to Cameroon by an immigration judge."
    assert argument(only(events_of(nlp, text), "DEPORT", "removed"), "agent") is None


@pytest.mark.parametrize("text, etype, trigger, role, name", [
    ("A lawsuit filed by New York in 2019 led a federal judge in Manhattan to rule that the arrests were unlawful.",
     "RULING", "rule", "adjudicator", "a federal judge in Manhattan"),
    ("A federal appeals court threw out a deportation order against a green card holder who was convicted of a "
     "minor drug offense. Emmanuel Tabe, 38, had lived in Maryland since 2001.", "CONVICT", "convicted", "subject",
     "Emmanuel Tabe"),
])
def test_events_arguments_object_control_and_lead_holders(nlp, text, etype, trigger, role, name):
    arg = argument(only(events_of(nlp, text), etype, trigger), role)
    assert arg is not None and (arg.canonical or arg.text) == name


@pytest.mark.parametrize("text, etype, trigger, place", [
    ("Omar Reyes would be freed from Tihar Jail on Friday, his lawyer said.", "RELEASE", "freed", "Tihar Jail"),
    ("Omar Reyes was driven to the South Texas ICE Processing Center in Pearsall, where he will be detained "
     "while his appeal is decided.", "ARREST_DETAIN", "detained", "South Texas ICE Processing Center"),
])
def test_events_arguments_places_from_the_types_prepositions_and_relative_where(nlp, text, etype, trigger, place):
    arg = argument(only(events_of(nlp, text), etype, trigger), "place")
    assert arg is not None and arg.text == place


@pytest.mark.parametrize("text, etype, trigger, role, expected", [
    ("Jonah Pell pleaded guilty to soliciting a bribe in 2019.", "CONVICT", "pleaded guilty", "crime",
     ["soliciting a bribe in 2019"]),
    ("Officials executed 12 prisoners on Saturday, including a prominent cleric, Hassan Karimi.", "EXECUTE",
     "executed", "subject", ["12 prisoners", "Hassan Karimi"]),
    ("Dozens of activists were arrested, including Eva Marin, wife of the playwright Tomas Ruiz, and Lidia Carr.",
     "ARREST_DETAIN", "arrested", "subject", ["Dozens of activists", "Eva Marin", "Lidia Carr"]),
])
def test_events_arguments_crimes_pleaded_to_and_people_listed_by_including(nlp, text, etype, trigger, role, expected):
    found = [a.text for a in only(events_of(nlp, text), etype, trigger).arguments if a.role == role]
    assert found == expected


def test_events_arguments_they_is_written_as_said_with_its_antecedent_as_name(nlp):
    text = "Jurors deliberated for three days. They acquitted Victor Kaminski of bribery on Friday."
    adjudicator = argument(only(events_of(nlp, text), "ACQUIT", "acquitted"), "adjudicator")
    assert (adjudicator.text, adjudicator.canonical, adjudicator.source) == ("They", "Jurors", "coreference")


def test_events_arguments_who_enters_a_guilty_plea_is_its_subject_not_its_judge(nlp):
    text = "Robert Arnold resigned as sheriff. Arnold entered a guilty plea to wire fraud and extortion."
    event = only(events_of(nlp, text), "CONVICT", "guilty plea")
    assert argument(event, "adjudicator") is None
    assert argument(event, "subject").canonical == "Robert Arnold"


def test_events_arguments_a_removal_order_against_someone_is_about_them(nlp):
    text = "A federal appeals court threw out a deportation order against Emmanuel Tabe, a green card holder."
    for etype, trigger in (("ORDER", "order"), ("DEPORT", "deportation")):
        subject = argument(only(events_of(nlp, text), etype, trigger), "subject")
        assert subject is not None and subject.canonical == "Emmanuel Tabe"


@pytest.mark.parametrize("text, etype, trigger, role, name", [
    ("ICE said it would not comment. The government dropped its appeal of that decision in 2021.", "APPEAL",
     "appeal", "agent", "The government"),
    ("The Milwaukee County District Attorney's Office charged Kohler in February. District Attorney Michaela "
     "Brandt said her office would not file further charges.", "CHARGE_INDICT", "charges", "agent",
     "Milwaukee County District Attorney's Office"),
])
def test_events_arguments_its_and_her_office_name_the_body(nlp, text, etype, trigger, role, name):
    arg = argument(only(events_of(nlp, text), etype, trigger), role)
    assert arg is not None and arg.canonical == name


def test_events_arguments_the_four_men_are_named_as_the_article_introduced_them(nlp):
    text = ("A judge barred the government from deporting four Venezuelan men to Honduras. The four men "
            "petitioned the court on Monday.")
    agent = argument(only(events_of(nlp, text), "SUE", "petitioned"), "agent")
    assert (agent.text, agent.canonical, agent.source) == ("The four men", "four Venezuelan men", "coreference")


def test_events_arguments_the_bench_is_the_judge_heading_it_or_the_articles_court(nlp):
    text = ("LAHORE - The Lahore High Court on Tuesday heard the bail pleas of Khadija Shah. The bench, headed by "
            "Justice Aalia Neelum, heard the bail petitions filed by the designer. The bench directed the accused "
            "to furnish surety bonds.")
    events = events_of(nlp, text)
    hearing = [e for e in events if e.event_type == "TRIAL_HEARING" and e.trigger_start > text.index("The bench")]
    assert [a.canonical for a in hearing[0].arguments if a.role == "adjudicator"] == ["Aalia Neelum"]
    order = only(events, "ORDER", "directed")
    assert argument(order, "adjudicator").canonical == "Lahore High Court"
    assert argument(order, "subject").canonical == "Khadija Shah"


@pytest.mark.parametrize("text, etype, trigger, name", [
    ("Judge Ada Colfax also sentenced the company's former vice president for sales, Gregory Varga, to 18 months "
     "in prison.", "SENTENCE", "sentenced", "Gregory Varga"),
    ("A co-defendant, Terrell Hinds, testified against Boone and received a 30-year sentence.", "SENTENCE",
     "sentence", "Terrell Hinds"),
    ("Ruben Aguirre fled in 2021. Extradition would instead hand him directly to Mexican authorities to stand "
     "trial.", "TRIAL_HEARING", "trial", "Ruben Aguirre"),
])
def test_events_arguments_names_after_commas_split_compounds_and_purpose_clauses(nlp, text, etype, trigger, name):
    subject = argument(only(events_of(nlp, text), etype, trigger), "subject")
    assert subject is not None and subject.canonical == name


def test_events_arguments_what_a_court_is_petitioned_to_do_is_to_come(nlp):
    text = "On Aug. 6, she petitioned the U.S. District Court in Maryland to halt her removal."
    block = only(events_of(nlp, text), "BLOCK", "halt")
    assert (block.modality, block.negated) == ("future", False)
    assert "District Court" in (argument(block, "adjudicator").canonical or "")


def test_events_arguments_a_conjoined_decision_shares_its_partners_court(nlp):
    text = ("Judge Ada Colfax sentenced Omar Reyes in May. Emmanuel Tabe pleaded guilty in Montgomery County "
            "District Court and was fined $250.")
    adjudicator = argument(only(events_of(nlp, text), "FINE", "fined"), "adjudicator")
    assert adjudicator is not None and "Montgomery County District Court" in (adjudicator.canonical or adjudicator.text)


@pytest.mark.parametrize("text, etype, trigger, role, name", [
    ("David Sillars was also convicted of three other charges, including dangerous operation of a vessel.",
     "CHARGE_INDICT", "charges", "subject", "David Sillars"),
    ("Tom Reyes was arrested in May. Prosecutors arraigned the former bank chief on a six-count amended charge.",
     "CHARGE_INDICT", "charge", "subject", "Tom Reyes"),
    ("LAHORE - A Lahore High Court division bench on Monday granted bail to three brothers in the attack case.",
     "RELEASE", "bail", "subject", "three brothers in the attack case"),
    ("LAHORE - A Lahore High Court division bench on Monday granted bail to three brothers in the attack case.",
     "RELEASE", "bail", "agent", "Lahore High Court"),
])
def test_events_arguments_parties_of_the_clause_around_a_nominal_trigger(nlp, text, etype, trigger, role, name):
    arg = argument(only(events_of(nlp, text), etype, trigger), role)
    assert arg is not None and (arg.canonical or arg.text) == name
    assert not arg.text.startswith("LAHORE")


def test_events_arguments_who_remains_free_pending_an_appeal_is_its_appellant(nlp):
    text = "Omar Reid was allowed to remain on bail pending the appeal."
    appeal = only(events_of(nlp, text), "APPEAL", "appeal")
    assert argument(appeal, "subject") is None and argument(appeal, "agent").text == "Omar Reid"


def test_events_arguments_testimony_is_about_the_storys_defendant(nlp):
    text = ("Wendell Pruitt was acquitted on Friday. Prosecutors had charged Pruitt in May. Pruitt, 44, was released "
            "after the verdict. Pruitt testified during the weeklong trial that he did not know anyone was inside.")
    testimony = only(events_of(nlp, text), "TRIAL_HEARING", "testified")
    assert argument(testimony, "agent").canonical == "Wendell Pruitt"
    assert argument(testimony, "subject").canonical == "Wendell Pruitt"


# The name the article gives the participant a trigger's own clause leaves out or describes.
NAMED_BEYOND_THE_CLAUSE = [
    pytest.param("SEATTLE — A federal judge on Thursday ordered ICE to release Diego Morales. U.S. District "
                 "Judge Priya Raman said the agency had shown no danger. A second judge, Judge Omar Haddad, had "
                 "denied bond in May.",
                 "ORDER", "ordered", "adjudicator", "Priya Raman", id="a judge in the lead"),
    pytest.param("WASHINGTON — The Supreme Court on Monday lifted an order by a federal judge in Boston. Justice "
                 "Ana Ferro dissented. The ruling overturns a decision by U.S. District Judge Brian Moody.",
                 "ORDER", "order", "adjudicator", "Brian Moody", id="a judge is not a Justice"),
    pytest.param("Emil Tabor admitted the offence. He pleaded guilty in county court and was fined $250.",
                 "FINE", "fined", "subject", "Emil Tabor", id="a fine after a plea"),
    pytest.param("Raymond Archuleta was sentenced to six years in prison. Archuleta's attorney, Felix Baca, said "
                 "his client would appeal.",
                 "APPEAL", "appeal", "agent", "Raymond Archuleta", id="his client"),
    pytest.param("U.S. District Judge Thomas Breck ruled on Monday that ICE had detained the nurse unlawfully.",
                 "RULING", "ruled", "subject", "U.S. Immigration and Customs Enforcement",
                 id="a ruling about an agency"),
    pytest.param("Justice Peter West called the case unique in the sentencing.",
                 "SENTENCE", "sentencing", "adjudicator", "Peter West", id="the judge acting in a sentencing"),
    pytest.param("ATLANTA — A federal judge dismissed a lawsuit on Tuesday, ruling that the private company that "
                 "runs the detention center cannot be sued. Cascade Correctional Group said it was pleased.",
                 "RULING", "ruling", "subject", "Cascade Correctional Group", id="a body described in the lead"),
    pytest.param("Henry Lopez, 51, was extradited from Argentina on Thursday. Lopez appeared in federal court in "
                 "Miami. Lopez is being held without bond. His lawyer said the bond hearing would take place "
                 "next week.",
                 "TRIAL_HEARING", "hearing", "subject", "Henry Lopez", id="a bare hearing"),
    pytest.param("Victor Kaminski was convicted on Friday. A former aide, Derek Huang, pleaded guilty last year. "
                 "Kaminski's attorney said Kaminski would appeal the conviction.",
                 "CONVICT", "conviction", "subject", "Victor Kaminski", id="the conviction appealed"),
    pytest.param("The appeals court ruled in favour of a county judge whom prosecutors had accused of bias.",
                 "RULING", "ruled", "subject", "a county judge", id="ruled in favour of"),
    pytest.param("The ruling sided with Omar Haddad, a Jordanian writer held for three years.",
                 "RULING", "ruling", "subject", "Omar Haddad", id="the ruling sided with"),
    pytest.param("President Ramon Diaz spoke on Monday. Diaz said the vote was fair. Diaz won again. Hundreds of "
                 "political prisoners are in jail, rights groups say.",
                 "ARREST_DETAIN", "jail", "subject", "Hundreds of political prisoners", id="who is in jail"),
]


@pytest.mark.parametrize("text, etype, trigger, role, name", NAMED_BEYOND_THE_CLAUSE)
def test_events_arguments_named_beyond_the_clause(nlp, text, etype, trigger, role, name):
    arg = argument(only(events_of(nlp, text), etype, trigger), role)
    assert arg is not None and (arg.canonical or arg.text) == name


def test_events_arguments_they_after_two_people_joined_by_and_is_both(nlp):
    text = ("The court on April 5 convicted former mayor Myrna Torres and municipal treasurer Manuel Tabalada of "
            "graft. They were both sentenced to 6 to 8 years in jail.")
    subjects = [a.canonical for a in only(events_of(nlp, text), "SENTENCE", "sentenced").arguments
                if a.role == "subject"]
    assert subjects == ["Myrna Torres", "Manuel Tabalada"]


TWO_JUDGES = ("PORTLAND, Maine — U.S. District Judge Helen Castillo on Tuesday blocked the government from "
              "deporting Amadou Sy to Mauritania. An immigration judge, Victor Lindgren, had denied his asylum "
              "claim last year, and the Board of Immigration Appeals upheld that decision in March. ")


@pytest.mark.parametrize("follow, etype, trigger, judge", [
    pytest.param("The Justice Department said it was studying the ruling.", "RULING", "ruling", "Helen Castillo",
                 id="the ruling is the story's lead decision"),
    pytest.param("In a separate case, Judge Nora Pike sentenced Leon Marsh to two years in prison in May. "
                 "His lawyer said the sentence was too harsh.", "SENTENCE", "sentence", "Nora Pike",
                 id="the sentence is the latest sentence"),
])
def test_events_arguments_a_re_mention_takes_the_judge_of_the_decision_it_names(nlp, follow, etype, trigger, judge):
    event = [e for e in events_of(nlp, TWO_JUDGES + follow) if e.event_type == etype and e.trigger == trigger][-1]
    arg = argument(event, "adjudicator")
    assert arg is not None and judge in (arg.canonical or arg.text)
    assert arg.source == "article"


def test_events_arguments_a_decision_the_mention_is_the_object_of_is_not_its_own(nlp):
    events = events_of(nlp, TWO_JUDGES)
    upheld = [e for e in events if e.event_type == "RULING" and e.trigger == "decision"]
    assert upheld, [(e.event_type, e.trigger) for e in events]
    arg = argument(upheld[0], "adjudicator")
    assert arg is None or "Board of Immigration Appeals" not in (arg.canonical or arg.text)


@pytest.mark.parametrize("text, judge", [
    ("Judge Ruth Calder sentenced Omar Pell to four years in prison on Monday. Pell's sister, who attended "
     "the hearing, said the family would appeal.", "Ruth Calder"),
    ("Judge Ruth Calder sentenced Omar Pell to four years in prison on Monday. Prosecutors said Pell had "
     "shown no remorse during a hearing in May.", None),
])
def test_events_arguments_the_hearing_is_the_storys_judge_only_when_definite(nlp, text, judge):
    arg = argument(only(events_of(nlp, text), "TRIAL_HEARING", "hearing"), "adjudicator")
    if judge is None:
        assert arg is None
    else:
        assert arg is not None and judge in (arg.canonical or arg.text) and arg.source == "article"


def test_events_arguments_the_lawsuit_later_is_the_same_suit_with_its_parties(nlp):
    text = ("Oregon and nine other states sued the Department of Labor on Friday over a new overtime rule. "
            "The department said it would fight the lawsuit.")
    suit = only(events_of(nlp, text), "SUE", "lawsuit")
    agents = {a.canonical or a.text for a in suit.arguments if a.role == "agent"}
    assert any("Oregon" in a for a in agents), suit.arguments
    subject = argument(suit, "subject")
    assert subject is not None and "Department of Labor" in (subject.canonical or subject.text)
    assert subject.source == "article"


def test_events_arguments_a_new_lawsuit_takes_no_parties_from_an_earlier_one(nlp):
    text = ("Oregon and nine other states sued the Department of Labor on Friday over a new overtime rule. "
            "A similar lawsuit was dismissed in 2019.")
    assert argument(only(events_of(nlp, text), "SUE", "lawsuit"), "agent") is None


@pytest.mark.parametrize("text, subject, agent", [
    ("PERTH — A former bank clerk was refused bail on Friday.", "A former bank clerk", None),
    ("The courier was denied bail by a magistrate on Friday.", "The courier", "a magistrate"),
])
def test_events_arguments_bail_refused_is_about_whom_it_is_refused(nlp, text, subject, agent):
    bail = only(events_of(nlp, text), "RELEASE", "bail")
    assert bail.negated
    assert argument(bail, "subject") is not None and argument(bail, "subject").text == subject
    assert argument(bail, "time") is not None and argument(bail, "time").text == "Friday"
    found = argument(bail, "agent")
    assert (found.text if found is not None else None) == agent


@pytest.mark.parametrize("text, etype, trigger", [
    ("Police accused him of fraud, a charge he denies.", "CHARGE_INDICT", "charge"),
    ("An immigration judge denied his asylum request in 2023.", "ASYLUM_REQUEST", "request"),
])
def test_events_arguments_who_denies_a_charge_or_a_request_did_not_make_it(nlp, text, etype, trigger):
    event = only(events_of(nlp, text), etype, trigger)
    agent = argument(event, "agent")
    assert (agent is None or agent.text.lower() != "he") and argument(event, "time") is None


def test_events_arguments_a_re_mention_takes_up_what_happened_not_what_is_planned(nlp):
    text = ("Judge Ada Brennan sentenced Colm Dwyer to five years in prison on Monday. Another "
            "defendant, Niamh Rourke, is due to be sentenced in May. Dwyer's solicitor said the sentence was too severe.")
    events = events_of(nlp, text)
    planned = [e for e in events if e.event_type == "SENTENCE" and e.trigger == "sentenced"][-1]
    assert planned.modality == "future" and "Niamh Rourke" in (argument(planned, "subject").canonical or "")
    later = [e for e in events if e.event_type == "SENTENCE" and e.trigger == "sentence"]
    subject = argument(later[0], "subject")
    assert subject is not None and "Colm Dwyer" in (subject.canonical or subject.text)


@pytest.mark.parametrize("text, etype, trigger, modality, who", [
    ("Marek Novak is due to be sentenced in June.", "SENTENCE", "sentenced", "future", "Marek Novak"),
    ("Marek Novak is likely to appeal the verdict.", "APPEAL", "appeal", "possible", "Marek Novak"),
])
def test_events_arguments_due_to_and_likely_to_lend_their_subject_and_modality(nlp, text, etype, trigger, modality, who):
    event = only(events_of(nlp, text), etype, trigger)
    assert event.modality == modality
    assert any(who in (a.canonical or a.text) for a in event.arguments if a.role in ("subject", "agent"))


@pytest.mark.parametrize("text, etype, trigger, subject", [
    ("Courier remanded in custody over cocaine haul\nA lorry driver was remanded in custody on Friday.",
     "ARREST_DETAIN", "remanded", "Courier"),
    ("Dentist jailed for insurance fraud\nA dentist who billed for work he never did was jailed on Friday.",
     "ARREST_DETAIN", "jailed", "Dentist"),
])
def test_events_arguments_a_headline_participle_is_passive(nlp, text, etype, trigger, subject):
    headline_event = [e for e in events_of(nlp, text) if e.event_type == etype and e.trigger == trigger][0]
    assert argument(headline_event, "subject") is not None and argument(headline_event, "subject").text == subject
    assert argument(headline_event, "agent") is None


def test_events_a_one_word_subheading_is_no_event(nlp):
    text = "The jury deliberated for two days.\nCharges\nDele Okafor was charged with fraud in 2023."
    assert [e.trigger for e in events_of(nlp, text) if e.event_type == "CHARGE_INDICT"] == ["charged"]


def test_events_arguments_a_trigger_is_never_its_own_participant(nlp):
    text = "The judge gave him two years and a day, the shortest sentence that can be given."
    for event in events_of(nlp, text):
        assert not any(a.start_char <= text.index("sentence") < a.end_char for a in event.arguments if a.role != "penalty")


def test_events_arguments_each_is_the_group_before_it(nlp):
    text = ("Three Cuban brothers asked the court on Monday to halt their removal. "
            "Each had been ordered removed by an immigration judge in 2023.")
    subject = argument(only(events_of(nlp, text), "ORDER", "ordered"), "subject")
    assert subject is not None and "Cuban brothers" in (subject.canonical or "")


@pytest.mark.parametrize("text, trigger", [
    ("A Tulsa County jury on Friday acquitted a former deputy of manslaughter. Jurors deliberated for six hours. "
     "The dead man's family said they were stunned by the verdict.", "verdict"),
    ("Judge Priya Raman convicted Arun Das of fraud at the Kochi sessions court on Monday. His lawyer said Das "
     "would challenge the conviction in the High Court.", "conviction"),
])
def test_events_arguments_a_verdict_taken_up_again_names_no_decider(nlp, text, trigger):
    """"stunned by the verdict", "challenge the conviction": a verdict told again; every gold set read (the
    dev gold among them) leaves its jury or judge to the verdict as first told."""
    verdict = [e for e in events_of(nlp, text) if e.trigger == trigger]
    assert verdict, [(e.event_type, e.trigger) for e in events_of(nlp, text)]
    assert argument(verdict[0], "adjudicator") is None
    first = [e for e in events_of(nlp, text) if e.trigger in ("acquitted", "convicted")]
    assert argument(first[0], "adjudicator") is not None


def test_events_arguments_a_defendant_named_judge_is_not_a_judge(nlp):
    text = ("Retired builder Declan Judge (58) was convicted of fraud at Newry Crown Court. "
            "Judge denies any wrongdoing. Last month a jury convicted Judge of two further counts, Judge Ruth Carey said.")
    events = events_of(nlp, text)
    convictions = [e for e in events if e.event_type == "CONVICT"]
    assert convictions and all("Declan Judge" in (argument(e, "subject").canonical or "") for e in convictions)
    assert not any(a.role == "adjudicator" and "Declan" in (a.canonical or "") for e in events for a in e.arguments)


def test_events_a_person_named_price_is_charged(nlp):
    text = "Lena Price, a former bank manager, was charged with fraud in May."
    subject = argument(only(events_of(nlp, text), "CHARGE_INDICT", "charged"), "subject")
    assert subject is not None and subject.canonical == "Lena Price"


def test_events_arguments_each_of_a_group_names_the_group_itself(nlp):
    text = "The magistrate ruled that each of the four accused persons be released on a cash bail."
    subject = argument(only(events_of(nlp, text), "RELEASE", "released"), "subject")
    assert subject is not None and subject.text.startswith("each of the four accused")


@pytest.mark.parametrize("text, etype, trigger", [
    ("A Mombasa court on Monday fined a fishing company $40,000. Magistrate Ruth Achieng said the catch was "
     "illegal. The court directed the company to destroy its nets.", "ORDER", "directed"),
    ("A Perth court on Monday jailed a courier for nine years. Judge Ruth Achieng said the "
     "smuggling was planned.", "SENTENCE", "jailed"),
])
def test_events_arguments_the_court_is_its_only_judge_when_no_court_is_named(nlp, text, etype, trigger):
    arg = argument(only(events_of(nlp, text), etype, trigger), "adjudicator")
    assert arg is not None and arg.canonical == "Ruth Achieng" and arg.source == "coreference"


def test_events_arguments_the_court_stays_the_named_court(nlp):
    text = ("The Kilkenny Circuit Court heard the case on Monday. Judge Ann Burke presided. "
            "The court directed the council to pay the costs.")
    arg = argument(only(events_of(nlp, text), "ORDER", "directed"), "adjudicator")
    assert arg is not None and "Kilkenny Circuit Court" in (arg.canonical or "")


@pytest.mark.parametrize("text, etype, trigger, place", [
    ("Tomas Brandt arrived in Denver on a chartered plane and was arraigned on Friday.", "TRIAL_HEARING",
     "arraigned", "Denver"),
    ("Amal Haddad fled Syria in 2021 and asked for asylum after crossing into Greece.", "ASYLUM_REQUEST",
     "asked", "Greece"),
    ("Amal Haddad was arrested on Friday and deported to Syria.", "ARREST_DETAIN", "arrested", None),
])
def test_events_arguments_a_conjoined_verb_lends_its_place(nlp, text, etype, trigger, place):
    arg = argument(only(events_of(nlp, text), etype, trigger), "place")
    assert (arg.text if arg is not None else None) == place


@pytest.mark.parametrize("text, etype, trigger, place", [
    ("PERTH — Western Australia on Tuesday executed a man convicted of two murders.", "EXECUTE", "executed", "PERTH"),
    ("PERTH — A court on Tuesday freed a man who was detained in May.", "ARREST_DETAIN", "detained", None),
])
def test_events_arguments_the_dateline_is_the_place_of_the_leads_main_verb(nlp, text, etype, trigger, place):
    arg = argument(only(events_of(nlp, text), etype, trigger), "place")
    assert (arg.text if arg is not None else None) == place


@pytest.mark.parametrize("text, etype, trigger, name", [
    ("Pensioner jailed over forged wills\nA 71-year-old retired solicitor was jailed for four years on "
     "Friday. Margaret Doyle, of Sligo, had admitted forging the wills of three clients.",
     "ARREST_DETAIN", "jailed", "Margaret Doyle"),
    ("Gunman remanded in custody\nThe man who opened fire outside a Dublin pub was remanded in custody on "
     "Monday. Darren Foley, 29, will appear again next week.", "ARREST_DETAIN", "remanded", "Darren Foley"),
])
def test_events_arguments_a_headline_description_is_the_person_the_story_names(nlp, text, etype, trigger, name):
    headline_event = [e for e in events_of(nlp, text) if e.event_type == etype and e.trigger == trigger][0]
    subject = argument(headline_event, "subject")
    assert subject is not None and subject.canonical == name


def test_events_arguments_who_is_granted_bail_in_a_reduced_relative_is_its_subject(nlp):
    text = "A teenager granted bail last week was arrested again on Friday."
    bail = only(events_of(nlp, text), "RELEASE", "bail")
    assert argument(bail, "subject") is not None and argument(bail, "subject").text == "A teenager"
    assert argument(bail, "agent") is None


def test_events_arguments_a_charge_after_following_is_not_the_granters(nlp):
    text = "A courier granted bail following a drink-driving charge was arrested again on Friday."
    charge = only(events_of(nlp, text), "CHARGE_INDICT", "charge")
    assert argument(charge, "agent") is None


def test_events_arguments_a_noun_renaming_the_clause_before_it_has_its_participants(nlp):
    text = "Police accused Dele Okafor of running the scheme through shell companies, a charge he denies."
    charge = only(events_of(nlp, text), "CHARGE_INDICT", "charge")
    assert argument(charge, "agent") is not None and argument(charge, "agent").text == "Police"
    assert "Dele Okafor" in (argument(charge, "subject").canonical or "")


def test_events_arguments_who_is_pleaded_with_grants_what_is_asked(nlp):
    text = "The defence pleaded with the magistrate to grant bail to the two students."
    bail = only(events_of(nlp, text), "RELEASE", "bail")
    assert argument(bail, "agent").text == "the magistrate"
    assert argument(bail, "subject").text == "the two students"
    assert bail.modality == "future"


def test_events_arguments_the_court_an_appealed_decision_goes_to_is_not_its_judge(nlp):
    text = ("Judge Ruth Carey blocked the transfer on Monday. The agency said it would appeal the decision "
            "to the 9th U.S. Circuit Court of Appeals.")
    decision = only(events_of(nlp, text), "RULING", "decision")
    arg = argument(decision, "adjudicator")
    assert arg is None or "Ninth" not in (arg.canonical or "") and "9th" not in arg.text


def test_events_arguments_whose_custody_it_is_holds_the_person(nlp):
    text = "The judge directed U.S. Immigration and Customs Enforcement to keep the three men in its custody until Friday."
    custody = only(events_of(nlp, text), "ARREST_DETAIN", "custody")
    assert argument(custody, "subject") is not None and argument(custody, "subject").text == "the three men"
    assert argument(custody, "agent") is not None and argument(custody, "agent").text != "the three men"


@pytest.mark.parametrize("text, dateline", [
    ("Senator charged with sedition over rally speech\nKUALA LUMPUR, Nov 24 ― A senator was charged in the "
     "Sessions Court today over a speech at a rally.", "Kuala Lumpur"),
    ("NEW DELHI, March 3 (Reuters) - A court on Monday jailed a man for six years.", "New Delhi"),
])
def test_events_a_dateline_under_a_headline_or_with_a_date_is_found(nlp, text, dateline):
    doc = annotate(nlp, text, PUBLISHED)
    assert doc._.dateline == dateline
    assert not any(a.text in ("Nov 24", "March 3") for e in doc._.events for a in e.arguments)


def test_events_arguments_a_dateline_under_a_headline_is_no_participant(nlp):
    text = "Former mayor held over graft\nMANILA — Police on Monday arrested a former mayor accused of graft."
    arrest = [e for e in events_of(nlp, text) if e.event_type == "ARREST_DETAIN" and e.trigger == "arrested"][0]
    assert argument(arrest, "subject").text == "a former mayor"
    assert argument(arrest, "place").text == "MANILA"


@pytest.mark.parametrize("text, subject, amount", [
    ("The court fined him RM6,000 on Friday.", "him", "RM6,000"),
    ("Mary Wanjiru was fined Sh500,000 by the magistrate.", "Mary Wanjiru", "Sh500,000"),
])
def test_events_arguments_an_amount_written_onto_its_currency_is_the_fine(nlp, text, subject, amount):
    fine = only(events_of(nlp, text), "FINE", "fined")
    assert argument(fine, "subject") is not None and argument(fine, "subject").text == subject
    assert argument(fine, "penalty") is not None and argument(fine, "penalty").text.startswith(amount)


@pytest.mark.parametrize("text, dateline", [
    ("LAHORE: The Anti-Corruption Court on Monday rejected the bail plea of a former minister.", "Lahore"),
    ("UPDATE: The court on Monday rejected the bail plea of a former minister.", None),
])
def test_events_a_known_place_before_a_colon_is_a_dateline(nlp, text, dateline):
    doc = annotate(nlp, text, PUBLISHED)
    assert doc._.dateline == dateline
    refused = [e for e in doc._.events if e.event_type == "RELEASE" and e.negated]  # a bail plea rejected
    assert refused and argument(refused[0], "agent") is not None
    assert argument(refused[0], "agent").text in ("The Anti-Corruption Court", "The court")


def test_events_arguments_the_date_of_a_dateline_is_not_the_events_time(nlp):
    text = ("Senator charged over rally speech\nKUALA LUMPUR, Nov 24 ― Kijal assemblyman Senator Datuk Ahmad "
            "Razali Idris was charged in the Sessions Court today with making a seditious speech.")
    charged = [e for e in events_of(nlp, text) if e.event_type == "CHARGE_INDICT" and e.trigger == "charged"][-1]
    time = argument(charged, "time")
    assert time is None or time.text == "today"


@pytest.mark.parametrize("text, etype, trigger, subject", [
    ("Rights groups protested for Lina Varga, the reporter whose arrest in March drew wide criticism.",
     "ARREST_DETAIN", "arrest", "Lina Varga"),
    ("The farmer whose deportation the judge halted had lived in Ohio for twenty years.",
     "DEPORT", "deportation", "The farmer"),
])
def test_events_arguments_whose_stands_for_the_noun_its_clause_modifies(nlp, text, etype, trigger, subject):
    arg = argument(only(events_of(nlp, text), etype, trigger), "subject")
    assert arg is not None and (arg.canonical or arg.text) == subject


@pytest.mark.parametrize("text, trigger, subject", [
    ("Her arrest and detention were condemned by her union.", "detention", "Her"),
    ("The arrest and detention of three students angered the university.", "detention", "three students"),
    ("The detention and deportation of two nurses angered the hospital.", "detention", "two nurses"),
])
def test_events_arguments_conjoined_nominal_triggers_share_their_party(nlp, text, trigger, subject):
    arg = argument(only(events_of(nlp, text), "ARREST_DETAIN", trigger), "subject")
    assert arg is not None and arg.text == subject


def test_events_arguments_the_reason_for_an_arrest_is_no_part_of_who_was_arrested(nlp):
    text = "Officers arrested four women and two men in connection with the bank robbery on Sunday."
    subjects = [a.text for a in only(events_of(nlp, text), "ARREST_DETAIN", "arrested").arguments if a.role == "subject"]
    assert "two men" in subjects and not any("robbery" in s for s in subjects)


@pytest.mark.parametrize("text, etype, trigger, role, place", [
    ("The nurse now faces deportation to Ghana.", "DEPORT", "deportation", "destination", "Ghana"),
    ("A magistrate approved her extradition to Canada on Tuesday.", "EXTRADITE", "extradition", "destination", "Canada"),
    ("He challenged his removal to the Board of Immigration Appeals.", "DEPORT", "removal", "destination", None),
])
def test_events_arguments_where_a_removal_goes_when_the_verb_holds_the_place(nlp, text, etype, trigger, role, place):
    arg = argument(only(events_of(nlp, text), etype, trigger), role)
    assert (arg.canonical or arg.text if arg else None) == place


def test_events_arguments_a_lead_under_a_credited_dateline_is_named_later(nlp):
    text = ("KANO, Nigeria (Sahel Wire) — A former state commissioner was charged on Monday with fraud and remanded "
            "in prison.\nMusa Danladi-Bello, 61, was arraigned before Justice Efua Mensah.")
    charges = argument(only(events_of(nlp, text), "CHARGE_INDICT", "charged"), "subject")
    assert charges is not None and charges.canonical == "Musa Danladi-Bello"


def test_entities_a_datelines_agency_credit_is_an_organization(nlp):
    text = ("ABUJA, Nigeria (West Africa Wire) — A former Kano State commissioner for health pleaded not guilty on "
            "Monday to fraud charges brought by the anti-graft agency and was remanded in prison until his bail "
            "application is heard next week.")
    doc = annotate(nlp, text, PUBLISHED)
    assert [(e.text, e.label_) for e in doc.ents if "Wire" in e.text] == [("West Africa Wire", "ORGANIZATION")]


@pytest.mark.parametrize("text, etype, trigger, subject", [
    ("A judge ordered Mendez deported in absentia in 2016.", "DEPORT", "deported", "Mendez"),
    ("The board ordered Castillo deported in 2020.", "DEPORT", "deported", "Castillo"),
    ("The magistrate ordered Ms Reyes detained until her trial.", "ARREST_DETAIN", "detained", "Reyes"),
])
def test_events_arguments_who_a_court_orders_removed_is_the_removals_subject(nlp, text, etype, trigger, subject):
    event = only(events_of(nlp, text), etype, trigger)
    assert subject in argument(event, "subject").text and argument(event, "agent") is None


@pytest.mark.parametrize("text, etype, trigger, court", [
    ("The Supreme Court declined her request to halt the eviction.", "BLOCK", "halt", "Supreme Court"),
    ("The magistrate ordered Ong to be jailed for six months.", "SENTENCE", "jailed", "The magistrate"),
])
def test_events_arguments_the_court_whose_decision_the_trigger_is(nlp, text, etype, trigger, court):
    arg = argument(only(events_of(nlp, text), etype, trigger), "adjudicator")
    assert arg is not None and arg.text == court


def test_events_arguments_a_court_that_upholds_a_conviction_did_not_convict(nlp):
    conviction = only(events_of(nlp, "The appeals court upheld her conviction for fraud."), "CONVICT", "conviction")
    assert argument(conviction, "adjudicator") is None


def test_events_arguments_the_date_of_ordered_deported_is_the_orders(nlp):
    found = events_of(nlp, "Rosa Lima was ordered deported to Peru in 2019 after she missed a hearing.")
    order, deport = only(found, "ORDER", "ordered"), only(found, "DEPORT", "deported")
    assert argument(order, "time").text == "2019" and argument(deport, "time") is None


def test_events_arguments_an_appeal_goes_to_the_storys_appeals_court(nlp):
    text = ("A jury in Leeds convicted Dean Hollis of arson in 2023. The Court of Appeal heard the case on Tuesday. "
            "His appeal against the conviction was dismissed.")
    arg = argument(only(events_of(nlp, text), "APPEAL", "appeal"), "adjudicator")
    assert arg is not None and arg.text == "Court of Appeal" and arg.source == "article"


def test_events_arguments_the_judge_of_the_neighbouring_sentence_when_the_story_has_several(nlp):
    text = ("Judge Anna Berg heard the first case in May. The second case drew more attention. "
            "Karl Weiss, 98, was sentenced on Thursday. Judge Otto Kranz said his age could not excuse the crimes. "
            "Judge Lena Park will hear a third case.")
    arg = argument(only(events_of(nlp, text), "SENTENCE", "sentenced"), "adjudicator")
    assert arg is not None and arg.canonical == "Otto Kranz"


def test_events_arguments_a_second_man_is_someone_new(nlp):
    text = "Judge Anna Berg sentenced Tom Vale to two years. Judge Lena Park later released a second man."
    arg = argument(only(events_of(nlp, text), "RELEASE", "released"), "subject")
    assert arg is not None and arg.canonical != "Tom Vale"


def test_events_arguments_the_prosecution_never_decides(nlp):
    text = "The judge said the prosecution had proved the case beyond doubt, and sentenced them to death."
    arg = argument(only(events_of(nlp, text), "SENTENCE", "sentenced"), "adjudicator")
    assert arg is None or "prosecution" not in arg.text


@pytest.mark.parametrize("text, etype, trigger, role", [
    ("It was one of Austria's last war crimes trials.", "TRIAL_HEARING", "trials", "place"),
    ("Oklahoma's execution of Darrell Hume drew protests.", "EXECUTE", "execution", "agent"),
])
def test_events_arguments_a_place_that_owns_an_action_is_its_state_or_where_it_was(nlp, text, etype, trigger, role):
    event = only(events_of(nlp, text), etype, trigger)
    assert argument(event, role) is not None and not any(
        a.role == "subject" and a.text in ("Austria", "Oklahoma") for a in event.arguments)


def test_events_arguments_an_injunction_against_someone_is_about_them(nlp):
    event = only(events_of(nlp, "The judge issued a preliminary injunction against Harbor Freight Lines."), "BLOCK", "injunction")
    assert argument(event, "subject") is not None and argument(event, "subject").text == "Harbor Freight Lines"


def test_events_arguments_an_indefinite_court_after_the_judge_is_another_court(nlp):
    text = "Justice Rao granted bail to the first man. An anti-terrorism court remanded the second man on Monday."
    agent = argument(only(events_of(nlp, text), "ARREST_DETAIN", "remanded"), "agent")
    assert agent is not None and agent.canonical != "Rao"


def test_events_arguments_a_bail_petition_is_no_lawsuit(nlp):
    assert not [e for e in events_of(nlp, "Her lawyers filed a bail petition in the High Court.") if e.event_type == "SUE"]


def test_events_arguments_a_panel_is_its_appeals_court_written_in_full(nlp):
    text = ("The 4th U.S. Circuit Court of Appeals heard the case in May. In June, a different panel of the "
            "4th Circuit granted a stay.")
    arg = argument(only(events_of(nlp, text), "BLOCK", "stay"), "adjudicator")
    assert arg is not None and arg.text == "4th U.S. Circuit Court of Appeals"


def test_events_arguments_each_person_a_group_is_named_as(nlp):
    text = "The men, Tobias Ferreira, Ivan Kostov and Samuel Oduya, were arrested on Friday."
    event = only(events_of(nlp, text), "ARREST_DETAIN", "arrested")
    assert {a.text for a in event.arguments if a.role == "subject"} == {"Tobias Ferreira", "Ivan Kostov", "Samuel Oduya"}


@pytest.mark.parametrize("text, name", [
    ("The three men were arrested by the Lagos State Police Command's anti-kidnapping unit.", "Lagos State Police"),
    ("The three men were arrested by the crime branch of the Delhi Police in January.", "Delhi Police"),
])
def test_events_arguments_a_unit_of_a_named_body_is_that_body(nlp, text, name):
    agent = argument(only(events_of(nlp, text), "ARREST_DETAIN", "arrested"), "agent")
    assert agent is not None and name in (agent.canonical or "")


@pytest.mark.parametrize("text, subject", [
    ("The magistrate granted bail to the three accused on Monday.", "the three accused"),  # headed by the number
    ("The high court allowed the bail to the petitioner on Tuesday.", "the petitioner"),  # allowed to someone
])
def test_events_arguments_whom_bail_is_given_to(nlp, text, subject):
    event = only(events_of(nlp, text), "RELEASE", "bail")
    assert argument(event, "subject") is not None and argument(event, "subject").text == subject


def test_events_arguments_a_counted_group_is_the_list_that_names_it(nlp):
    text = ("Four men who ran a drug ring have been jailed for a total of 31 years. Kieran Doyle, 29, Tyrese "
            "Mensah, 24, and brothers Aaron Pike, 27, and Connor Pike, 22, were sentenced at Shrewsbury Crown Court.")
    found = events_of(nlp, text)
    names = {"Kieran Doyle", "Tyrese Mensah", "Aaron Pike", "Connor Pike"}
    for trigger in ("jailed", "sentenced"):
        event = only(found, "SENTENCE", trigger)
        assert subjects(event) == names


@pytest.mark.parametrize("text, expected", [
    ("Sibusiso Mthembu, Thandeka Zulu and Ravi Naidoo appeared in court on Monday. Police arrested the group "
     "in Durban on Wednesday.", {"Sibusiso Mthembu", "Thandeka Zulu", "Ravi Naidoo"}),
    # a count the list does not have, and an indefinite group, are someone else
    ("Sibusiso Mthembu and Thandeka Zulu appeared in court on Monday. Police arrested the three men "
     "in Durban on Wednesday.", {None}),
    ("Sibusiso Mthembu and Thandeka Zulu appeared in court on Monday. Police arrested two men "
     "in Durban on Wednesday.", {None}),
])
def test_events_arguments_a_group_is_its_named_members_only_when_they_fit(nlp, text, expected):
    event = only(events_of(nlp, text), "ARREST_DETAIN", "arrested")
    assert subjects(event) == expected


@pytest.mark.parametrize("word", ["officer"])
def test_events_arguments_an_official_described_is_not_the_party(nlp, word):
    text = f"Andres Rincon was deported in November. The {word} who scheduled the removal had not read the motion."
    event = only(events_of(nlp, text), "DEPORT", "removal")
    assert not any(a.role == "agent" and a.canonical == "Andres Rincon" for a in event.arguments)


def test_events_arguments_a_family_is_no_one_party(nlp):
    text = "Imran Qadir was sentenced to death. The victim's brother said the family was disappointed by the acquittals."
    event = only(events_of(nlp, text), "ACQUIT", "acquittals")
    assert not any(a.role == "subject" for a in event.arguments)  # the family was not acquitted


@pytest.mark.parametrize("text, etype, trigger, time", [
    ("Justice Yakubu fixed April 2 for the start of trial.", "TRIAL_HEARING", "trial", "April 2"),
    ("The judge on Monday adjourned the case to March 20 for trial.", "TRIAL_HEARING", "trial", "March 20"),
    ("In a decision released Jan. 15, Justice Brossard found that the agency had acted unlawfully.", "RULING",
     "decision", "Jan. 15"),
])
def test_events_arguments_the_date_a_court_sets_or_a_decision_is_released(nlp, text, etype, trigger, time):
    arg = argument(only(events_of(nlp, text), etype, trigger), "time")
    assert arg is not None and arg.text == time


def test_events_arguments_the_five_are_the_five_parties_the_story_names(nlp):
    text = ("Sibusiso Mthembu was arrested in Durban. His wife, Nomvula Mthembu, was held in Howick. Thandeka Zulu, "
            "Pieter van Wyk and Ravi Naidoo were arrested later. The five were granted bail on Thursday.")
    event = only(events_of(nlp, text), "RELEASE", "bail")
    assert [a.canonical for a in event.arguments if a.role == "subject"] == [
        "Sibusiso Mthembu", "Nomvula Mthembu", "Thandeka Zulu", "Pieter van Wyk", "Ravi Naidoo"]


def test_events_arguments_an_order_an_agency_obtained_is_no_order_of_the_storys_judge(nlp):
    text = ("Justice Halima Yakubu remanded the former director in Kuje. The agency said it had also obtained "
            "an interim order forfeiting three of his properties.")
    found = events_of(nlp, text)
    assert argument(only(found, "ORDER", "order"), "adjudicator") is None
    assert argument(only(found, "ARREST_DETAIN", "remanded"), "subject").text == "the former director"


def test_events_arguments_the_storys_one_group_and_its_remention(nlp):
    text = ("Police arrested Joseph Kato, Sarah Nabirye and Peter Okello on Monday. The opposition said the arrests "
            "were political. A spokesman denied it. The suspects appeared in court on Friday.")
    found = events_of(nlp, text)
    names = {"Joseph Kato", "Sarah Nabirye", "Peter Okello"}
    for etype, trigger in (("ARREST_DETAIN", "arrests"), ("TRIAL_HEARING", "appeared")):
        assert subjects(only(found, etype, trigger)) == names


@pytest.mark.parametrize("text, etype, trigger, names", [
    # those "found ... guilty" when the parser makes them the subject of "guilty"
    ("The court found Imran Qadir and Waqas Bhatti guilty of murder and ordered each of them to pay "
     "a fine to the victim's family.", "CONVICT", "found", {"Imran Qadir", "Waqas Bhatti"}),
    # "each of them" is each of those "them" stands for
    ("The court found Imran Qadir and Waqas Bhatti guilty of murder and ordered each of them to pay "
     "Rs500,000 in compensation.", "FINE", "ordered", {"Imran Qadir", "Waqas Bhatti"}),
    # "they" after a described group the story names
    ("Three activists, Leung Chun, Raphael Wong and Avery Ng, were charged. They were found guilty on Monday.",
     "CONVICT", "found guilty", {"Leung Chun", "Raphael Wong", "Avery Ng"}),
    # "the trio": the three named
    ("Thandiwe Mokoena, Sipho Ndlovu and Natasha Jansen will remain in custody. The trio appeared before the "
     "magistrate's court on Wednesday.", "TRIAL_HEARING", "appeared", {"Thandiwe Mokoena", "Sipho Ndlovu", "Natasha Jansen"}),
    # a roster sentence the parser does not join: semicolons, ages in brackets, an alias
    ("A magistrate charged three men with arson on Tuesday. The accused include Okot Lubanga (22), a driver; "
     "Hakim Sserwadda, alias Kaddu (31), a mechanic; and Ivan Mugisha (27), a tailor.",
     "CHARGE_INDICT", "charged", {"Okot Lubanga", "Hakim Sserwadda", "Ivan Mugisha"}),
    # "The group" after that roster: its members, the alias no second list
    ("A magistrate charged three men with arson on Tuesday. The accused include Okot Lubanga (22), a driver; "
     "Hakim Sserwadda, alias Kaddu (31), a mechanic; and Ivan Mugisha (27), a tailor. The group is accused of "
     "burning a market.", "CHARGE_INDICT", "accused", {"Okot Lubanga", "Hakim Sserwadda", "Ivan Mugisha"}),
    # "them" after the counted group that roster names
    ("A magistrate charged three men with arson and remanded them to Luzira prison. The accused include "
     "Okot Lubanga (22), a driver; Hakim Sserwadda, alias Kaddu (31), a mechanic; and Ivan Mugisha (27), a tailor.",
     "ARREST_DETAIN", "remanded", {"Okot Lubanga", "Hakim Sserwadda", "Ivan Mugisha"}),
    # "of" that says whose they are is no partitive
    ("LAGOS — Three directors of a Lagos investment firm were remanded in custody on Wednesday. John Okafor, "
     "Peter Eze and Grace Bello pleaded not guilty to fraud.", "ARREST_DETAIN", "remanded",
     {"John Okafor", "Peter Eze", "Grace Bello"}),
    # "They" after "The three ...": not the soldiers of a relative clause between
    ("The judge fined Li Wei, 38, Zhang Hao, 44, and Chen Jun, 29, 3,000 penalty units each. The three were "
     "arrested in March at a pit in the forest, where soldiers found them operating the excavators. They were "
     "convicted last month.", "CONVICT", "convicted", {"Li Wei", "Zhang Hao", "Chen Jun"}),
    # a counted group of the lead, named paragraphs later as the story's only list of that many
    ("Three men accused of a farm robbery will spend the week in custody. The hearing was postponed. "
     "A fourth suspect, Lwazi Dube, was granted bail. His lawyer asked for more time. "
     "Peter Mokoena, John Sithole and David Nkosi told the court they would apply for bail.",
     "ARREST_DETAIN", "custody", {"Peter Mokoena", "John Sithole", "David Nkosi"}),
    # a written list the parser breaks: a home town joins the next name to the place
    ("Dean Walsh, 27, of Lewisham, Reece Oduya, 24, of Croydon, and Samir Haddad, 31, of no fixed address, "
     "appeared at Westminster Magistrates' Court on Friday.", "TRIAL_HEARING", "appeared",
     {"Dean Walsh", "Reece Oduya", "Samir Haddad"}),
    # a surname alone that the tagger reads as an adverb, joined to the next name
    ("Gareth Connolly, 40, was jailed on Friday. Connolly and Paul Hearne were convicted in May of fraud.",
     "CONVICT", "convicted", {"Gareth Connolly", "Paul Hearne"}),
    # descriptions in apposition inside the list, after the first name's own description
    ("Her brother, Femi Adeyemi, 35, and a Leeds second-hand dealer, Ray Colton, 58, were convicted of theft.",
     "CONVICT", "convicted", {"Femi Adeyemi", "Ray Colton"}),
    # a description the list right after it names: through a copula, or "among ... are"
    ("A court in Lahore ruled on the case on Monday. The hearing lasted a week. Lawyers for the families spoke "
     "outside. The four sentenced to life are Tariq Mahmood, Asif Raza, Kamran Shah and Nadeem Abbas.",
     "SENTENCE", "sentenced", {"Tariq Mahmood", "Asif Raza", "Kamran Shah", "Nadeem Abbas"}),
    ("Among the others remanded are Moses Okello, 24, a mechanic, and Isaac Mugabi, 27, a teacher.",
     "ARREST_DETAIN", "remanded", {"Moses Okello", "Isaac Mugabi"}),
    # "They" after a list the parser splits in two is the whole list
    ("Themba Ngcobo, 55, who ran the district from 2018 to 2022, and contractors Sipho Zwane, 41, and Ravi Pillay, "
     "46, face charges of fraud. They were arrested by the Hawks on Monday.", "ARREST_DETAIN", "arrested",
     {"Themba Ngcobo", "Sipho Zwane", "Ravi Pillay"}),
    # "Each" after that list is each of them
    ("The four sentenced to life are Tariq Mahmood, Asif Raza, Kamran Shah and Nadeem Abbas. Each was also "
     "fined Rs100,000.", "FINE", "fined", {"Tariq Mahmood", "Asif Raza", "Kamran Shah", "Nadeem Abbas"}),
])
def test_events_arguments_a_plural_is_each_person_the_story_names(nlp, text, etype, trigger, names):
    assert subjects(only(events_of(nlp, text), etype, trigger)) == names


def test_events_arguments_a_hyphenated_role_noun_keeps_its_named_apposition(nlp):
    text = ("A second co-defendant, Oleksandr Hrytsenko, a Moldovan national, was arrested in Romania in 2022, "
            "pleaded guilty in Newark last year and was sentenced in May to four years in prison.")
    events = events_of(nlp, text)
    for etype, trigger in (("ARREST_DETAIN", "arrested"), ("CONVICT", "pleaded guilty"), ("SENTENCE", "sentenced")):
        assert subjects(only(events, etype, trigger)) == {"Oleksandr Hrytsenko"}, trigger


def test_events_arguments_the_last_of_three_coordinated_predicates_keeps_the_subject(nlp):
    text = "Gloria Mensah was arrested in 2021, pleaded guilty last year and was sentenced on Monday to two years."
    assert subjects(only(events_of(nlp, text), "SENTENCE", "sentenced")) == {"Gloria Mensah"}


@pytest.mark.parametrize("text, names", [
    # a thing ordered forfeited is no subject: the order binds those the sentence fined
    ("Magistrate Yaw Mensah sentenced Ama Owusu and Kofi Darko to two years each and ordered the forfeiture "
     "of two excavators to the state.", {"Ama Owusu", "Kofi Darko"}),
    ("The judge also ordered the forfeiture of a farmhouse and two cars.", set()),
    ("A federal judge on Monday ordered immigration authorities to release a Cuban mother.", {"immigration authorities"}),
    # the person an order's small clause is about, also when the order follows another decision
    ("Judge Ann Lowe dismissed the charges and ordered Whitaker released.", {"Whitaker"}),
    # the person a that-clause's action is against, when its subject is no one
    ("A bench of Justices Ravi Nath and Farah Ali directed that no coercive action be taken against Saurav Das, "
     "41, until the next hearing.", {"Saurav Das"}),
    # guard: a body told to act in the clause stays who must act
    ("The judge ordered that the agency release Ana Cruz.", {"the agency"}),
])
def test_events_arguments_an_order_binds_who_must_act_never_a_thing(nlp, text, names):
    event = next(e for e in events_of(nlp, text) if e.event_type == "ORDER")
    assert {a.canonical or a.text for a in event.arguments if a.role == "subject"} == names


def test_events_arguments_a_lead_description_is_whom_the_story_later_describes_so(nlp):
    text = ("LEEDS - A jury on Monday convicted two brothers of fraud and acquitted a pharmacist who was accused of "
            "supplying them. The pharmacist, Helen Marsh, 52, of Otley, wept as the verdict was read.")
    events = events_of(nlp, text)
    assert subjects(only(events, "ACQUIT", "acquitted")) == {"Helen Marsh"}
    assert [a.text for a in only(events, "CONVICT", "convicted").arguments if a.role == "subject"] == ["two brothers"]


def test_events_arguments_his_parents_are_the_father_and_mother_the_story_names(nlp):
    text = ("SALEM - A sessions court on Monday jailed a lorry driver for seven years for the dowry death of his wife "
            "and acquitted his parents. The court said the prosecution had failed to prove the charges against his "
            "father, Murugan, 63, and mother, Saroja, 58. His parents were never arrested.")
    events = events_of(nlp, text)
    assert subjects(only(events, "ACQUIT", "acquitted")) == {"Murugan", "Saroja"}
    # the man the lead describes is none of them
    assert not subjects(only(events, "SENTENCE", "jailed")) & {"Murugan", "Saroja"}


def test_events_arguments_a_counted_group_is_the_parties_the_story_convicts_one_by_one(nlp):
    text = ("LEEDS - A jury on Monday convicted three men of running a fake charity. Jurors found Martin Hale, 44, "
            "guilty of fraud. His brother, Simon Hale, 40, and a bookkeeper, Ian Croft, 58, were convicted of money "
            "laundering. Two other men charged in the case remain at large.")
    events = events_of(nlp, text)
    lead = [e for e in events if e.event_type == "CONVICT" and e.trigger == "convicted"][0]
    assert subjects(lead) == {"Martin Hale", "Simon Hale", "Ian Croft"}
    assert all(a.source == "article" for a in lead.arguments if a.role == "subject")
    # others than those named stay as written
    assert subjects(only(events, "CHARGE_INDICT", "charged")) == {None}


@pytest.mark.parametrize("text, etype, trigger, names", [
    # a participle that adds a decision to an action is about whom that action is
    ("Judge Paula Nolan granted Whitfield's request for a new trial, finding that new evidence would change the "
     "result.", "RULING", "finding", {"Whitfield"}),
    # "they" with no subject before it: the people object of its own sentence
    ("ACCRA - A circuit court on Thursday jailed three Chinese nationals for illegal mining and ordered that they "
     "be deported after serving their sentences. Judge Ama Owusu also fined Li Wei, 38, Zhang Hao, 44, and Chen "
     "Jun, 29.", "DEPORT", "deported", {"Li Wei", "Zhang Hao", "Chen Jun"}),
    # a request denied whose asker the clause does not say: the story's party asked
    ("Elmer Banegas, 34, applied for asylum in 2016. An immigration judge denied the request in 2019. Banegas was "
     "arrested in March. Banegas is held in Newark.", "RULING", "denied", {"Elmer Banegas"}),
    # a counted group beside a resolved party: the others the story names
    ("DURBAN - A former municipal manager and two businessmen accused of looting a water tender were granted bail "
     "on Thursday. Sibusiso Dube, 55, who ran the district, and contractors Ayanda Mkhize, 41, and Pravin Reddy, 46, "
     "face charges of fraud.", "RELEASE", "bail", {"Sibusiso Dube", "Ayanda Mkhize", "Pravin Reddy"}),
])
def test_events_arguments_subjects_the_rest_of_the_story_gives(nlp, text, etype, trigger, names):
    assert subjects(only(events_of(nlp, text), etype, trigger)) == names


def test_events_arguments_a_passive_they_is_not_the_police_who_acted(nlp):
    text = "Police said they found the boy and the man in a forest on Sunday. They were both taken into police custody."
    event = only(events_of(nlp, text), "ARREST_DETAIN", "custody")
    assert not any("Police" in (a.text, a.canonical) for a in event.arguments if a.role == "subject")


def test_events_arguments_a_lead_subject_after_a_wire_dateline_with_a_relative_clause(nlp):
    """A guard: the agency in the dateline is no apposition of the subject, and a subject phrase the parser
    made the sentence's root is cut before its clause."""
    text = ("MACON, Ga. (Peach State Wire) — A Honduran painter who was charged with reckless driving was deported "
            "to Honduras on Tuesday.")
    event = only(events_of(nlp, text), "DEPORT", "deported")
    assert [a.text for a in event.arguments if a.role == "subject"] == ["A Honduran painter"]


def test_events_arguments_a_description_never_both_does_and_undergoes(nlp):
    event = only(events_of(nlp, "Marco Ruiz, 31, was arrested by a deputy on Friday."), "ARREST_DETAIN", "arrested")
    assert [(a.role, a.canonical) for a in event.arguments if a.role in ("agent", "subject")] == [("subject", "Marco Ruiz")]


def test_events_arguments_an_unnamed_agency_is_no_adjudicator(nlp):
    text = "ABUJA - Nigeria's anti-graft agency on Monday arraigned a former oil executive on 14 counts of fraud."
    event = only(events_of(nlp, text), "TRIAL_HEARING", "arraigned")
    assert argument(event, "adjudicator") is None


def test_events_arguments_a_partitive_of_phrase_is_no_crime(nlp):
    event = only(events_of(nlp, "Scores of other supporters of the mayor were charged with common nuisance."),
                 "CHARGE_INDICT", "charged")
    assert [a.text for a in event.arguments if a.role == "crime"] == ["common nuisance"]


def test_events_arguments_a_second_man_is_not_the_man_of_the_lead(nlp):
    text = ("CHICAGO - A judge on Friday freed a man who spent 20 years in prison for a 2004 shooting. Marcus Bell, "
            "41, walked out of the jail that night. A second man charged in the shooting, Tyrone Hale, was acquitted.")
    assert subjects(only(events_of(nlp, text), "RELEASE", "freed")) == {"Marcus Bell"}


def test_events_arguments_a_list_does_not_take_whom_a_name_is_related_to(nlp):
    event = only(events_of(nlp, "Mary Okoth, the wife of Daniel Okoth, was granted bail on Monday."), "RELEASE", "bail")
    assert subjects(event) == {"Mary Okoth"}


@pytest.mark.parametrize("text, etype, trigger, subject", [
    # the parser hangs "of" on the place of "to Norway"
    ("The High Court ordered the extradition to Norway of a 29-year-old Polish man on Tuesday.",
     "EXTRADITE", "extradition", "a 29-year-old Polish man"),
    # and the order is about him, as with "ordered the release of X"
    ("The High Court ordered the extradition to Norway of a 29-year-old Polish man on Tuesday.",
     "ORDER", "ordered", "a 29-year-old Polish man"),
    ("A judge approved the deportation to Chile of Mateo Fuentes, 41, on Friday.", "DEPORT", "deportation",
     "Mateo Fuentes"),
])
def test_events_arguments_whom_a_removal_to_a_place_is_of(nlp, text, etype, trigger, subject):
    event = only(events_of(nlp, text), etype, trigger)
    assert [a.canonical or a.text for a in event.arguments if a.role == "subject"] == [subject]


def test_events_arguments_a_hyphenated_word_ends_a_phrase_whole(nlp):
    event = only(events_of(nlp, "Police arrested a businessman and his two brothers-in-law on Monday."), "ARREST_DETAIN", "arrested")
    assert "his two brothers-in-law" in [a.text for a in event.arguments if a.role == "subject"]


@pytest.mark.parametrize("text, trigger, court", [
    ("WELLINGTON — New Zealand's Supreme Court heard the appeal in March. The five judges found that the "
     "search was unlawful.", "found", "Supreme Court of New Zealand"),
    ("The Supreme Court heard the case in March. The justices ruled 6-3 that the law was invalid.", "ruled",
     "Supreme Court of the United States"),
])
def test_events_arguments_the_judges_of_a_bench_are_its_court(nlp, text, trigger, court):
    event = only(events_of(nlp, text), "RULING", trigger)
    assert [a.canonical for a in event.arguments if a.role == "adjudicator"] == [court]


@pytest.mark.parametrize("text, etype, trigger, subject", [
    # the one the judge told
    ('Judge Ana Ruiz told Tomas Berg: "The sentence imposed on you is six years."', "SENTENCE", "sentence", "Tomas Berg"),
    # the party the story is about, when the judge says it without a listener
    ("Carl Dorsey admitted fraud. Carl Dorsey had worked as a clerk. Dorsey wept in court. Judge Ana Ruiz said: "
     '"It gives me no pleasure to sentence you today."', "SENTENCE", "sentence", "Carl Dorsey"),
    # a lawyer's "you" is no one
    ('His lawyer Tom Reid told Kofi Mensah: "I would say you will be found guilty."', "CONVICT", "found guilty", None),
])
def test_events_arguments_whom_a_judge_says_you_to(nlp, text, etype, trigger, subject):
    event = only(events_of(nlp, text), etype, trigger)
    found = [a for a in event.arguments if a.role == "subject"]
    assert [a.canonical for a in found] == ([subject] if subject else [])
    assert all(a.text == "you" and a.source == "coreference" for a in found)  # "you" resolved, not parsed


@pytest.mark.parametrize("text, subject", [
    # "identified as": the name a description is given
    ("Police arrested Omar Haddad and Lena Brandt in May. A second man, identified as T-R-M in federal court "
     "records, was detained by immigration officers on Monday.", "T-R-M"),
    # a name is no body's apposition: the parser hangs it on the task team, the boss is meant
    ("A judge on Friday ordered the remand of former boss of Land Reform Task Team, Musa Danladi, in Kuje.",
     "Musa Danladi"),
    # guard: after a person of a person, which one the name is stays the whole phrase's
    ("The court jailed the driver of the minister, Amina Bello, for two years.", None),
])
def test_events_arguments_a_named_head_of_a_body(nlp, text, subject):
    event = [e for e in events_of(nlp, text) if e.event_type in ("ARREST_DETAIN", "SENTENCE")][-1]
    texts = [a.text for a in event.arguments if a.role == "subject"]
    assert texts == [subject] if subject else texts != ["Amina Bello"]


@pytest.mark.parametrize("text, etype, trigger, role", [
    # SPEC: SENTENCE takes adjudicator, subject and penalty; ARREST_DETAIN agent, subject and place; APPEAL
    # agent (the appellant) and adjudicator: the crime and the decision appealed are none of them
    ("A judge sentenced Dana Hill to five years for fraud on Monday.", "SENTENCE", "sentenced", "crime"),
    ("Police arrested Dana Hill for fraud on Monday.", "ARREST_DETAIN", "arrested", "crime"),
    ("Dana Hill appealed against her conviction for fraud.", "APPEAL", "appealed", "subject"),
])
def test_events_arguments_only_the_roles_the_spec_gives_a_type(nlp, text, etype, trigger, role):
    event = only(events_of(nlp, text), etype, trigger)
    assert role not in [a.role for a in event.arguments]


@pytest.mark.parametrize("text, etype, trigger, subject", [
    # the parser hangs the passive's subject on the fronted phrase before it
    ("Peter Naude, 30, was convicted in May. On each of the counts of murder and on the count of attempted "
     "murder Naude was sentenced to 20 years' imprisonment.", "SENTENCE", "sentenced", "Peter Naude"),
    # "re-arrested" read as an adjective of "were": the copula's subject
    ("Some of those freed were later re-arrested and charged with new offences.", "ARREST_DETAIN", "arrested",
     "Some of those freed"),
    # a country is charged by no one: "surrendered by Chad to face charges"
    ("The rebel commander was surrendered by Chad to face charges of war crimes.", "CHARGE_INDICT", "charges", None),
    # "refused bail for a man": whom the bail is for
    ("A magistrate has refused bail for a man from Armidale charged with murder.", "RELEASE", "bail",
     "a man from Armidale"),
])
def test_events_arguments_whom_a_misparsed_clause_is_about(nlp, text, etype, trigger, subject):
    event = only(events_of(nlp, text), etype, trigger)
    assert [a.canonical or a.text for a in event.arguments if a.role == "subject"] == ([subject] if subject else [])


@pytest.mark.parametrize("text, subject", [
    # the person of the action noun the finding is about
    ("The judges found that the detention of Omar Haddad was unlawful.", "Omar Haddad"),
    # the person the clause's verb acts on, when its subject is a body
    ("The court ruled that the government could not keep Omar Haddad in detention.", "Omar Haddad"),
    # the possessor of the action noun
    ("Ada Obi was held for months. The judge ordered her release, ruling that her detention had become "
     "unlawful.", "Ada Obi"),
    # who filed the petition a judge grants
    ("Judge Lena Ortiz granted a habeas corpus petition filed by Awa Diallo on Monday.", "Awa Diallo"),
    # whose conviction a court quashes
    ("The Court of Appeal quashed the murder conviction of Corey Tamana and ordered a retrial.", "Corey Tamana"),
    # the person the evidence or a charge in the finding is against
    ("Justice Helena Moreau found that the evidence against Rajiv Menon, 34, met the test for committal.",
     "Rajiv Menon"),
    # a person named as acting in a clause inside the finding
    ("Magistrate Judge Irene Cole found that prosecutors had presented enough evidence to establish probable cause "
     "that Tomas Ruiz, 56, arranged the shootings.", "Tomas Ruiz"),
    # guard: a finding about a thing names no person
    ("The judge ruled that the policy was unlawful.", None),
    # guard: nor does one about unnamed officers' conduct
    ("Judge Ana Ruiz found that officers had acted lawfully when they stopped the car.", None),
])
def test_events_arguments_whom_a_finding_is_about(nlp, text, subject):
    event = [e for e in events_of(nlp, text) if e.event_type == "RULING"][-1]
    assert [a.canonical or a.text for a in event.arguments if a.role == "subject"] == ([subject] if subject else [])


@pytest.mark.parametrize("text, subject", [
    ("The Canada Border Services Agency said in a statement that it had complied with the order.",
     "Canada Border Services Agency"),
    ("The sheriff's office defied the order and moved the prisoners on Friday.", "The sheriff's office"),
])
def test_events_arguments_who_complies_with_an_order_is_bound_by_it(nlp, text, subject):
    event = only(events_of(nlp, text), "ORDER", "order")
    assert [a.canonical or a.text for a in event.arguments if a.role == "subject"] == [subject]


@pytest.mark.parametrize("text, etype, trigger, role, name", [
    # officers act for the body they are named with
    ("ICE officers arrested Awa Sarr on June 24.", "ARREST_DETAIN", "arrested", "agent",
     "U.S. Immigration and Customs Enforcement"),
    ("FBI agents detained the man at the airport.", "ARREST_DETAIN", "detained", "agent", "Federal Bureau of Investigation"),
    # SPEC: APPEAL has no subject; "the appeal of X" is X's
    ("A three-member panel dismissed the appeal of Chukwudi Anene, 58.", "APPEAL", "appeal", "agent", "Chukwudi Anene"),
])
def test_events_arguments_who_acts_named_through_another_word(nlp, text, etype, trigger, role, name):
    event = only(events_of(nlp, text), etype, trigger)
    assert [a.canonical or a.text for a in event.arguments if a.role == role] == [name]


@pytest.mark.parametrize("text, etype, trigger, names", [
    # a group taken up without a count, sentences after the parties were named one by one
    ("Anil Mehta, 40, was granted bail on Monday. Ravi Shah, 35, and Joseph Okoro, 29, were also freed on bail. "
     "Detectives arrested the group in raids in Pune last week.", "ARREST_DETAIN", "arrested",
     {"Anil Mehta", "Ravi Shah", "Joseph Okoro"}),
    # "the accused" the sentence makes plural, and "them" after it in the same sentence
    ("Anil Mehta, 40, was granted bail on Monday. Ravi Shah, 35, and Joseph Okoro, 29, were also freed on bail. "
     "Magistrate Asha Rao ordered the accused to surrender their passports, barred them from contacting state "
     "witnesses and ordered Mehta to report to police twice a week.", "BLOCK", "barred",
     {"Anil Mehta", "Ravi Shah", "Joseph Okoro"}),
])
def test_events_arguments_a_group_the_story_takes_up_is_everyone_it_named(nlp, text, etype, trigger, names):
    assert subjects(only(events_of(nlp, text), etype, trigger)) == names


def test_events_arguments_the_parsers_second_subject_is_the_list_naming_the_first(nlp):
    text = ("Two other accused in the case, his son Imran Ali and his former aide Tariq Mahmood, were arrested in "
            "March and remain in jail.")
    assert {"Imran Ali", "Tariq Mahmood"} <= subjects(only(events_of(nlp, text), "ARREST_DETAIN", "arrested"))


def test_events_arguments_co_accused_is_one_word_and_three_co_accused_the_others_named(nlp):
    text = ("A former school principal, his wife and three co-accused were granted bail by a magistrate in Durban on "
            "Monday. The principal, Themba Dube, 52, was released on R5 000 bail. His wife, Zanele Dube, 47, and "
            "Lerato Khumalo, 40, were each granted R3 000 bail. Sipho Ndlovu, 33, and Andile Zungu, 38, were freed "
            "on R2 000 bail each.")
    doc = annotate(nlp, text, PUBLISHED)
    assert "co-accused" in [t.text for t in doc]
    lead = next(e for e in doc._.events if e.event_type == "RELEASE")
    assert subjects(lead) == {"Themba Dube", "Zanele Dube", "Lerato Khumalo", "Sipho Ndlovu", "Andile Zungu"}


@pytest.mark.parametrize("text, etype, trigger, names", [
    # "the parents" are the relatives the story names, not the son tried with them
    ("Ramesh Patil, 30, was convicted of killing his wife. His father, Suresh Patil, 61, and mother, Lata Patil, "
     "58, were acquitted. The prosecutor said she would appeal against the acquittal of the parents.",
     "ACQUIT", "acquittal", {"Suresh Patil", "Lata Patil"}),
    # "them" for a counted group the story does not name stays as written
    ("A magistrate remanded eight activists on Monday. Two of the activists, Brian Kato and Joel Mugisha, were "
     "charged with incitement. The magistrate also heard the case of four women arrested at the march. She "
     "released them on bail of 500,000 shillings each.", "RELEASE", "released", {"four women"}),
    # "the accused" of a story about one defendant is that defendant alone
    ("Marta Silva, 33, was arrested in Porto on Monday. Her cousin, Rui Costa, was deported to Brazil in May. "
     "The accused was remanded in custody.", "ARREST_DETAIN", "remanded", {"Marta Silva"}),
])
def test_events_arguments_a_group_the_story_takes_up_keeps_its_own_members(nlp, text, etype, trigger, names):
    assert subjects(only(events_of(nlp, text), etype, trigger)) == names


@pytest.mark.parametrize("text, etype, trigger, place", [
    # where a remand sends them, not where the magistrate sits
    ("A magistrate in Kampala remanded eight activists to Mbale prison on Wednesday.", "ARREST_DETAIN",
     "remanded", "Mbale prison"),
    ("He was booked into the Dane County jail on Friday.", "ARREST_DETAIN", "booked", "Dane County jail"),
    ("The court ordered her immediate release from the Kano Custodial Centre.", "RELEASE", "release",
     "Kano Custodial Centre"),
])
def test_events_arguments_the_facility_someone_is_held_in_or_freed_from(nlp, text, etype, trigger, place):
    assert argument(only(events_of(nlp, text), etype, trigger), "place").text == place


@pytest.mark.parametrize("text, etype, trigger, names", [
    # clauses that leave the verb out name parties of their own
    ("Tom Reed received eight years, Alan Pike seven years and six months, and Carl Pike four years.",
     "SENTENCE", "received", {"Tom Reed", "Alan Pike", "Carl Pike"}),
    ("The judge jailed Tom Reed for eight years, Alan Pike for seven years and Carl Pike for four years.",
     "SENTENCE", "jailed", {"Tom Reed", "Alan Pike", "Carl Pike"}),
    ("Judge Ann Lowe sentenced Tom Reed to eight years and Alan Pike to five years.", "SENTENCE", "sentenced",
     {"Tom Reed", "Alan Pike"}),
    ("A court sentenced two men to death and six others to life imprisonment on Friday.", "SENTENCE", "sentenced",
     {"two men", "six others"}),
    # a name the parser hangs on the bail it was granted
    ("District Judge Helen Marsh granted Tom Reed conditional bail.", "RELEASE", "bail", {"Tom Reed"}),
])
def test_events_arguments_parties_of_clauses_that_leave_the_verb_out(nlp, text, etype, trigger, names):
    event = only(events_of(nlp, text), etype, trigger)
    assert {a.canonical or a.text for a in event.arguments if a.role == "subject"} == names


def test_events_arguments_a_relatives_description_after_a_pronoun_is_each_relative(nlp):
    text = ("A court on Tuesday jailed Arun Kumar for the death of his wife. The court acquitted his father, Suresh "
            "Pillai, 61, and mother, Lata Menon, 56. Police had arrested Arun Kumar in 2022 and registered a case "
            "against him and his parents.")
    event = only(events_of(nlp, text), "CHARGE_INDICT", "registered")
    assert subjects(event) == {"Arun Kumar", "Suresh Pillai", "Lata Menon"}


def test_events_arguments_a_verb_conjoined_to_an_arrest_is_no_party(nlp):
    event = only(events_of(nlp, "Police arrested Tom Reed on Monday and seized two cars."), "ARREST_DETAIN", "arrested")
    assert subjects(event) == {"Tom Reed"}


@pytest.mark.parametrize("text, trigger, names", [
    # a bare plural takes up every sentence told one by one
    ("Tom Reed, 32, was jailed for eight years on Friday. His deputy, Alan Pike, 29, was jailed for six years, and "
     "Carl Webb, 35, received three years. \"Today's sentences send a clear message,\" a detective said.",
     "sentences", {"Tom Reed", "Alan Pike", "Carl Webb"}),
    # only the run told just before it: not a sentence paragraphs earlier
    ("Marco Moor was sentenced to four life terms in 2019. The girl survived. Her family moved away. Police found "
     "the gun. On each count Tom Naude was sentenced to 20 years. All the sentences were ordered to run "
     "concurrently.", "sentences", {"Tom Naude"}),
    # a plural of one kind only the latest of them
    ("Tom Reed, 32, was jailed for life on Friday. Alan Pike, 29, was sentenced to death. The death sentences "
     "must be confirmed by the high court.", "sentences", {"Alan Pike"}),
])
def test_events_arguments_a_plural_remention_is_about_all_it_takes_up(nlp, text, trigger, names):
    assert subjects(only(events_of(nlp, text), "SENTENCE", trigger)) == names


def test_events_arguments_a_counted_description_its_sentence_names_gives_way_to_the_names(nlp):
    text = ("Two other accused in the case, his son Imran Ali and his former aide Tariq Mahmood, were arrested in "
            "March and remain in jail.")
    event = only(events_of(nlp, text), "ARREST_DETAIN", "arrested")
    assert [a.canonical or a.text for a in event.arguments if a.role == "subject"] == ["Imran Ali", "Tariq Mahmood"]
    # guard: a count the names do not fill keeps its description
    text = "Three men were arrested on Monday, including Tom Reed and Alan Pike."
    assert "Three men" in {a.text for a in only(events_of(nlp, text), "ARREST_DETAIN", "arrested").arguments}


def test_events_arguments_an_order_named_by_its_action_is_about_that_actions_party(nlp):
    text = ("Desmond Fair, 41, was ordered deported to Jamaica in 2021 because of a drug conviction. An immigration "
            "judge in Hartford issued the removal order, and the Board of Immigration Appeals upheld it.")
    order = next(e for e in events_of(nlp, text) if e.event_type == "ORDER" and e.trigger == "order")
    assert subjects(order) == {"Desmond Fair"} and argument(order, "subject").source == "article"
    # an action named by a word that is no event of its own there: the latest of its kind
    text = ("Ramesh Rao, 58, was granted bail on Thursday by the High Court. The victim's father said the family "
            "would challenge the bail order.")
    order = next(e for e in events_of(nlp, text) if e.event_type == "ORDER" and e.trigger == "order")
    assert subjects(order) == {"Ramesh Rao"}


@pytest.mark.parametrize("text, name", [
    ("Judge Ana Ruiz blocked the removals on Tuesday. In Tuesday's ruling, she wrote that the Trump administration "
     "had not met that standard.", "Trump administration"),
    ("Judge Leena Das convicted Arun Kumar of dowry death on Tuesday. In her judgment, the judge said the "
     "34-year-old had treated his wife as a means to wealth.", "Arun Kumar"),
    # guard: a quotation the judges wrote before saying so is no finding about its speaker's subject
    ("\"The Commonwealth has not shown that his removal is practicable,\" the justices wrote in a joint judgment.",
     None),
])
def test_events_arguments_what_a_written_decision_says_is_about(nlp, text, name):
    event = next(e for e in events_of(nlp, text) if e.event_type == "RULING")
    assert argument(event, "subject") is None if name is None else argument(event, "subject").canonical == name


@pytest.mark.parametrize("text, name", [
    ("She also granted an interim injunction restraining the company from moving money out of 14 bank accounts.",
     "the company"),
    ("Judge Ken Naka issued a preliminary injunction that stops the agency from enforcing the rule.", "the agency"),
])
def test_events_arguments_a_block_binds_whom_its_clause_restrains(nlp, text, name):
    event = next(e for e in events_of(nlp, text) if e.event_type == "BLOCK")
    assert argument(event, "subject").text == name


def test_events_arguments_a_counted_group_far_from_its_list_and_the_pronoun_after_it(nlp):
    text = ("A jury in Tucson convicted four men of robbing a casino and acquitted a fifth. Jurors found Marco Villa, "
            "30; his cousin, Luis Villa, 26; Trent Okafor, 33; and Dale Pruitt, 41, guilty of armed robbery. The fifth "
            "man, Evan Sol, 22, was cleared. A cashier, Rosa Marin, 50, was shot in the arm during the raid. "
            "Prosecutors said the gang had planned the raid for weeks. The casino has since reopened. Police arrested "
            "all five men a month later, and a grand jury indicted them in May. Judge Helen Price ordered the four to "
            "remain in custody until sentencing.")
    found = events_of(nlp, text)
    four = {"Marco Villa", "Luis Villa", "Trent Okafor", "Dale Pruitt"}
    assert subjects(only(found, "ARREST_DETAIN", "custody")) == four  # the only list of four, six sentences back
    for etype, trigger in (("ARREST_DETAIN", "arrested"), ("CHARGE_INDICT", "indicted")):
        assert subjects(only(found, etype, trigger)) == four | {"Evan Sol"}  # not the cashier who was shot


def test_events_arguments_a_lead_group_named_one_by_one_and_taken_up_again(nlp):
    text = ("Three men who robbed and killed a taxi driver in Camden were sentenced on Friday. Omar Tate, 23, who "
            "fired the gun, received the mandatory term of life without parole. His cousin, Jalen Moss, got 15 to 30 "
            "years. The youngest, Eli Grant, was sentenced to 10 to 20 years after he testified against the other "
            "two. The driver, Samuel Boateng, 51, was shot twice in the back. Boateng's widow, Ama Boateng, said "
            "she had forgiven no one. Detectives arrested the three a week later. The men have been held at a "
            "county jail since their arrests.")
    found = events_of(nlp, text)
    three = {"Omar Tate", "Jalen Moss", "Eli Grant"}
    assert subjects(found[0]) == three and found[0].trigger == "sentenced"
    assert subjects(only(found, "ARREST_DETAIN", "arrested")) == three  # not the driver who was shot, nor his widow
    assert subjects(only(found, "ARREST_DETAIN", "held")) == three  # "The men" is the group named for "Three men"
    assert subjects(only(found, "TRIAL_HEARING", "testified")) == {"Omar Tate", "Jalen Moss"}  # "the other two"


def test_events_arguments_one_more_than_a_group_is_the_one_named_after_it(nlp):
    text = ("A jury in Leeds convicted four men of drug dealing and acquitted a fifth defendant. Jurors found Kyle "
            "Rowe, Dean Platt, Ian Shore and Mark Fenn guilty. The fifth man, Noel Budd, 24, was found not guilty. "
            "Prosecuting, Emma Hale told the court the gang used teenagers as couriers.")
    found = events_of(nlp, text)
    assert subjects(only(found, "ACQUIT", "acquitted")) == {"Noel Budd"}
    assert "Emma Hale" not in {a.canonical for e in found for a in e.arguments}  # "Prosecuting, X": counsel


def test_events_arguments_an_ordinal_newcomer_keeps_its_description_when_the_one_named_came_first(nlp):
    text = ("Police arrested Dale Moore in Kent on Monday. A second man was arrested in Dover on Tuesday.")
    event = [e for e in events_of(nlp, text) if e.event_type == "ARREST_DETAIN" and "Dover" in
             [a.text for a in e.arguments]][0]
    assert subjects(event) == {None}  # someone other than Dale Moore, named before it


def test_events_arguments_the_sixth_is_no_member_of_the_five(nlp):
    text = ("Five Eritrean men were deported to Asmara on Tuesday. A sixth man was kept off the plane after a judge "
            "granted him a stay. Lawyers named four of the deported men as Yonas Tesfay, Dawit Haile, Samuel Berhe "
            "and Filmon Kidane. The fifth asked not to be named. The sixth man, Amanuel Gebre, 30, remains in "
            "custody. All five have been in custody since their arrests in May.")
    found = events_of(nlp, text)
    assert "Amanuel Gebre" not in subjects(only(found, "DEPORT", "deported"))
    custody = [e for e in found if e.event_type == "ARREST_DETAIN" and e.trigger == "custody"][-1]
    assert [a.text for a in custody.arguments if a.role == "subject"] == ["All five"]


@pytest.mark.parametrize("text, etype, client", [
    ("Tanner Dale and Brody Flett were convicted. Dale was jailed for life and has appealed. Flett's lawyer, Jared "
     "Wiebe, said his client was relieved to have been cleared of murder.", "ACQUIT", "Brody Flett"),
    ("Kwabena Owusu and Emmanuel Tetteh stood trial. Tetteh was acquitted and thanked his family. Tetteh went home. "
     "Counsel for Owusu, Kofi Boateng, said his client would appeal against the conviction.", "APPEAL",
     "Kwabena Owusu"),
])
def test_events_arguments_his_client_is_the_party_the_lawyer_is_named_for(nlp, text, etype, client):
    event = [e for e in events_of(nlp, text) if e.event_type == etype][-1]
    assert {a.canonical for a in event.arguments if a.role in ("subject", "agent")} == {client}


def test_events_arguments_a_conviction_appealed_against_is_the_appellants(nlp):
    text = ("Kwabena Owusu and Emmanuel Tetteh stood trial. Tetteh was acquitted. Owusu said he would appeal "
            "against the conviction.")
    assert subjects(only(events_of(nlp, text), "CONVICT", "conviction")) == {"Kwabena Owusu"}


def test_events_arguments_those_remanded_until_sentencing_await_it(nlp):
    event = only(events_of(nlp, "Gavin Nolan and Patrick Mahon were remanded until sentencing on July 21."),
                 "SENTENCE", "sentencing")
    assert subjects(event) == {"Gavin Nolan", "Patrick Mahon"}
    assert argument(event, "adjudicator") is None  # the parties await the sentence, they do not pass it


def test_events_arguments_the_case_against_them_is_theirs(nlp):
    text = "Tanner Ducharme and Brody Flett were tried in Winnipeg. The judge heard the case against both men in May."
    event = only(events_of(nlp, text), "TRIAL_HEARING", "heard")
    assert [a.text for a in event.arguments if a.role == "subject"] == ["both men"]


@pytest.mark.parametrize("text, agency", [
    ("The inquiry was led by Greater Manchester Police. Detectives arrested the four at dawn.",
     "Greater Manchester Police"),
    ("The Drug Enforcement Administration watched the house for weeks. Agents arrested both men on Friday.",
     "Drug Enforcement Administration"),
])
def test_events_arguments_officers_described_are_the_force_the_paragraph_names(nlp, text, agency):
    arrest = only(events_of(nlp, text), "ARREST_DETAIN", "arrested")
    assert argument(arrest, "agent").text == agency


def test_events_arguments_officers_with_no_force_named_stay_as_written(nlp):
    arrest = only(events_of(nlp, "Officers arrested both men on Friday."), "ARREST_DETAIN", "arrested")
    assert argument(arrest, "agent").text == "Officers"


@pytest.mark.parametrize("text", [
    "A two-member bench comprising Justice Tariq Bhatti and Justice Ayesha Rafique set aside the conviction.",
    "A division bench of Justice Tariq Bhatti and Justice Ayesha Rafique set aside the conviction.",
])
def test_events_arguments_a_bench_written_with_its_judges_is_each_judge(nlp, text):
    event = only(events_of(nlp, text), "RULING", "set aside")
    assert {a.canonical for a in event.arguments if a.role == "adjudicator"} == {"Tariq Bhatti", "Ayesha Rafique"}


def test_events_arguments_raids_in_several_towns_place_the_arrest_in_each(nlp):
    event = only(events_of(nlp, "Police arrested Tom Reed in raids in Leeds and Bradford on Monday."),
                 "ARREST_DETAIN", "arrested")
    assert [a.text for a in event.arguments if a.role == "place"] == ["Leeds", "Bradford"]


def test_events_arguments_the_third_man_is_the_one_the_story_calls_third(nlp):
    text = ("The High Court on Tuesday acquitted two of the men and commuted the third man's death sentence to life "
            "imprisonment. The bench upheld the murder conviction of the third appellant, Naveed Akhtar alias Mithu, "
            "but reduced his sentence.")
    found = events_of(nlp, text)
    assert subjects(only(found, "PARDON", "commuted")) == {"Naveed Akhtar"}
    assert subjects(only(found, "RULING", "upheld")) == {"Naveed Akhtar"}


@pytest.mark.parametrize("text", [
    "After a two-week trial in Tucson, jurors found Dale Moore and Ravi Shah guilty of robbery.",
    "The court convicted Dale Moore and Ravi Shah after a trial in which seven witnesses testified.",
])
def test_events_arguments_a_trial_in_a_verdicts_clause_is_about_those_it_judged(nlp, text):
    trial = only(events_of(nlp, text), "TRIAL_HEARING", "trial")
    assert subjects(trial) == {"Dale Moore", "Ravi Shah"}


def test_events_arguments_a_trial_a_custody_lasts_until_is_about_whom_it_holds(nlp):
    found = events_of(nlp, "The judge ordered that Peter Rotich remain in custody until the trial ends.")
    assert subjects(only(found, "TRIAL_HEARING", "trial")) == {"Peter Rotich"}
