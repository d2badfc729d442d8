"""Citations stage: case and statute citations become LAW spans with their fields."""
from __future__ import annotations

import json

import pytest

from conftest import annotate


def laws(nlp, text):
    return list(annotate(nlp, text, "2025-05-01").spans["law"])


@pytest.mark.parametrize("text, mention, fields", [
    ("The judge relied on Zadvydas v. Davis, 533 U.S. 678 (2001), in ordering a bond hearing.",
     "Zadvydas v. Davis, 533 U.S. 678 (2001)",
     {"volume": "533", "reporter": "U.S.", "page": "678", "year": "2001", "court": "scotus",
      "plaintiff": "Zadvydas", "defendant": "Davis"}),
    ("Detention is governed by 8 U.S.C. § 1226, the lawyers wrote.", "8 U.S.C. § 1226",
     {"title": "8", "reporter": "U.S.C.", "section": "1226"}),
    ("The panel cited 987 F.3d 123 without comment.", "987 F.3d 123",
     {"volume": "987", "reporter": "F.3d", "page": "123"}),
])
def test_citations_eyecite_fields(nlp, text, mention, fields):
    found = laws(nlp, text)
    assert [s.text for s in found] == [mention]
    span = found[0]
    assert span.label_ == "LAW"
    got = json.loads(span._.citation)
    assert {k: got.get(k) for k in fields} == fields
    assert span._.canonical and span._.entity_key.startswith("LAW:")


def test_citations_case_name_without_reporter(nlp):
    found = laws(nlp, "The ruling in Ramirez v. Holbrook applies to everyone detained at the border.")
    assert [s.text for s in found] == ["Ramirez v. Holbrook"]
    assert json.loads(found[0]._.citation) == {"plaintiff": "Ramirez", "defendant": "Holbrook"}


def test_citations_leave_doc_ents_alone(nlp):
    doc = annotate(nlp, "Lawyers for Maria Santos cited 8 U.S.C. § 1231 in a filing on Tuesday.", "2025-05-01")
    assert all(e.label_ != "LAW" for e in doc.ents)
    assert [s.text for s in doc.spans["law"]] == ["8 U.S.C. § 1231"]


def test_citations_none_in_plain_text(nlp):
    assert laws(nlp, "The judge said the detainees must be released within ten days.") == []


@pytest.mark.parametrize("text", ["", " ", "\n\n"])
def test_citations_an_empty_doc_goes_through_the_whole_pipeline(nlp, text):
    doc = nlp(text)
    assert list(doc.ents) == [] and list(doc.spans["law"]) == [] and doc._.events == []


def test_citations_case_name_with_hyphenated_party_and_docket(nlp):
    found = laws(nlp, "The case is United States v. Ortiz-Barrera, No. 2:24-cr-00318, in federal court in Tucson.")
    assert [s.text for s in found] == ["United States v. Ortiz-Barrera, No. 2:24-cr-00318"]
    assert json.loads(found[0]._.citation) == {"plaintiff": "United States", "defendant": "Ortiz-Barrera",
                                               "docket": "2:24-cr-00318"}


def test_citations_case_names_need_a_versus_token(nlp):
    assert laws(nlp, "Marsh and Keene met in Portland, and Dunn joined them.") == []
    assert [s.text for s in laws(nlp, "The order in Keene vs. Marsh still stands.")] == ["Keene vs. Marsh"]
