"""Courts beyond the US: a court's country from its own name or phrase, else the article's."""
from __future__ import annotations

import pytest

from conftest import annotate


def courts(nlp, text: str) -> list[tuple[str, str | None, str | None, str | None]]:
    doc = annotate(nlp, text, "2025-03-14")
    return [(e.text, e._.canonical, e._.country_code, e._.court_id) for e in doc.ents if e.label_ == "COURT"]


@pytest.mark.parametrize("text, court, canonical, country", [
    ("LONDON — The Supreme Court ruled on Wednesday that the minister had acted unlawfully.",
     "Supreme Court", "Supreme Court of the United Kingdom", "GB"),
    ("The Court of Appeal in London dismissed the appeal of the two brothers.",
     "Court of Appeal", "Court of Appeal of England and Wales", "GB"),
    ("The High Court in Nairobi blocked the deportation of the activist.", "High Court", "High Court of Kenya", "KE"),
    ("The Federal High Court in Abuja remanded the former minister in custody.",
     "Federal High Court", "Federal High Court of Nigeria", "NG"),
    ("The Lahore High Court granted bail to the designer on Monday.", "Lahore High Court", "Lahore High Court", "PK"),
])
def test_jurisdiction_a_foreign_court_is_that_countrys(nlp, text, court, canonical, country):
    found = {name: (canon, code, court_id) for name, canon, code, court_id in courts(nlp, text)}
    assert found[court] == (canonical, country, None)


@pytest.mark.parametrize("text", [
    "WASHINGTON — The Supreme Court ruled on Monday that the agency had exceeded its authority.",
    "The Supreme Court agreed on Monday to hear the case of the deported father.",
    "LONDON — The U.S. Supreme Court refused on Monday to hear the British company's appeal.",
])
def test_jurisdiction_the_us_supreme_court_stays_when_the_story_is_american_or_says_so(nlp, text):
    assert ("Supreme Court of the United States", "US", "scotus") in {c[1:] for c in courts(nlp, text)}


def test_jurisdiction_a_us_court_named_as_such_stays_american_beside_a_foreign_one(nlp):
    text = ("LONDON — The Supreme Court ruled on Wednesday that the extradition could go ahead. "
            "The man's lawyers said they would also ask the U.S. Supreme Court to intervene.")
    found = {(name, canon, code) for name, canon, code, _ in courts(nlp, text)}
    assert ("Supreme Court", "Supreme Court of the United Kingdom", "GB") in found
    assert ("U.S. Supreme Court", "Supreme Court of the United States", "US") in found


def test_jurisdiction_the_court_follows_the_court_it_stands_for(nlp):
    text = ("NAIROBI — The Kahawa Law Courts freed the two men on bond on Tuesday. "
            "The court ordered them to report to police every week.")
    found = courts(nlp, text)
    assert {canon for _, canon, _, _ in found} == {"Kahawa Law Courts (Kenya)"}
    assert {code for _, _, code, _ in found} == {"KE"}


@pytest.mark.parametrize("text, canonical, country", [
    ("The Supreme Court on Friday granted bail to the professor, who was held under the Indian Penal Code "
     "after a speech in Pune.", "Supreme Court of India", "IN"),
    ("The Supreme Court fined the builder 20 lakh rupees and asked the Lok Sabha secretariat to reply.",
     "Supreme Court of India", "IN"),
    ("The Supreme Court acquitted the Pakistani lawmaker, whom the NAB had accused in Lahore of taking bribes.",
     "Supreme Court of Pakistan", "PK"),
])
def test_jurisdiction_a_story_without_a_dateline_is_read_by_its_country_cues(nlp, text, canonical, country):
    assert (canonical, country) in {(canon, code) for _, canon, code, _ in courts(nlp, text)}


@pytest.mark.parametrize("text", [
    "The Supreme Court agreed to hear the case of a Guatemalan father deported by ICE from Houston.",
    "The Supreme Court blocked the removal of the Venezuelan men held in a Texas detention center.",
])
def test_jurisdiction_a_migrants_nationality_leaves_the_us_supreme_court_american(nlp, text):
    assert ("Supreme Court of the United States", "US", "scotus") in {c[1:] for c in courts(nlp, text)}


def test_jurisdiction_the_court_follows_a_supreme_court_read_as_foreign(nlp):
    text = ("The Supreme Court on Tuesday quashed the order of the Sessions Court in Shimla under the Indian Penal Code. "
            "The Court said the accused had been held for four years without trial in Himachal Pradesh.")
    found = {(name, canon) for name, canon, _, _ in courts(nlp, text)}
    assert ("Supreme Court", "Supreme Court of India") in found
    assert ("The Court", "Supreme Court of India") in found


@pytest.mark.parametrize("text", [
    "In a separate ruling, the Court of Appeal in Leeds on Tuesday cut the term of a Hull woman.",
    "Two judges of the Court of Session in Edinburgh refused the appeal.",
])
def test_jurisdiction_the_court_of_a_name_is_the_whole_name_not_the_court(nlp, text):
    courts = [e.text for e in annotate(nlp, text, "2025-03-14").ents if e.label_ == "COURT"]
    assert courts and courts[0].startswith("Court of ")


@pytest.mark.parametrize("text, court, country", [
    ("The Supreme Court on Monday faulted an order of the Gujarat High Court.", "Supreme Court", "IN"),
    ("The Sindh High Court granted him bail.", "Sindh High Court", "PK"),
])
def test_jurisdiction_a_court_named_after_a_state_or_province_is_that_countrys(nlp, text, court, country):
    found = {e.text: e._.country_code for e in annotate(nlp, text, "2025-03-14").ents if e.label_ == "COURT"}
    assert found[court] == country


def test_jurisdiction_cue_phrases_are_cut_as_spacys_english_tokenizer_cuts_them(nlp, tmp_path, monkeypatch):
    """The cue words the PhraseMatcher reads come from the cache; they must be the tokenizer's words."""
    from spacy.lang.en import English

    from pipeline.entities.jurisdiction import phrase_words

    resolver = nlp.get_pipe("legalnews_jurisdiction")
    resolver.require_resources()
    phrases = [*resolver.cues.votes_of, "U.S.-Mexico", "Lok Sabha's", "  two  spaces "]
    tokenizer = English(vocab=nlp.vocab).tokenizer
    expected = [[token.text for token in tokenizer(phrase)] for phrase in phrases]
    monkeypatch.setenv("LEGALNEWS_CACHE", str(tmp_path / "cache"))
    assert phrase_words(phrases, nlp.vocab) == expected  # built
    assert phrase_words(phrases, nlp.vocab) == expected  # loaded
    assert len(list((tmp_path / "cache").glob("cue_words-*.bin"))) == 1
