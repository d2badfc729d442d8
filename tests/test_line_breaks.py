"""Sentence starts at headings and paragraph ends (pipeline/line_breaks.py), with the real model."""
from __future__ import annotations

import pytest

from conftest import annotate


def sentences(nlp, text: str) -> list[str]:
    return [s.text.strip() for s in annotate(nlp, text, "2025-03-14").sents if s.text.strip()]


def test_line_breaks_a_headline_is_a_sentence_of_its_own(nlp):
    text = ("Courier jailed for smuggling cocaine through Dover\n"
            "A lorry driver who hid cocaine in a load of frozen fish was jailed for nine years on Friday.")
    assert sentences(nlp, text)[0] == "Courier jailed for smuggling cocaine through Dover"


def test_line_breaks_a_subheading_is_a_sentence_of_its_own(nlp):
    text = ("The jury deliberated for two days.\nSentencing\nJudge Ward said she would sentence him in May.")
    assert "Sentencing" in sentences(nlp, text)


def test_line_breaks_a_hard_wrapped_sentence_stays_whole(nlp):
    text = ("The judge said the agency had not shown that the men posed any danger to\n"
            "the public, and she ordered their release within two days of the hearing.")
    assert len(sentences(nlp, text)) == 1


def test_line_breaks_runs_before_the_parser(nlp):
    assert "legalnews_line_breaks" in nlp.pipe_names
    assert nlp.pipe_names.index("legalnews_line_breaks") < nlp.pipe_names.index("parser")


@pytest.mark.parametrize("text, first_words", [
    ("Senator charged with sedition over rally speech\nKUALA LUMPUR, Nov 24 ― A senator was charged in the "
     "Sessions Court today over a speech at a rally.", "KUALA LUMPUR"),
])
def test_line_breaks_a_dateline_under_a_headline_stays_with_its_lead(nlp, text, first_words):
    second = sentences(nlp, text)[1]
    assert second.startswith(first_words) and len(second.split()) > 5


def test_line_breaks_a_hyphen_in_the_lead_is_no_dateline_dash(nlp):
    text = ("Bribery case: court turns down bail plea\nLAHORE: The Anti-Corruption Court on Monday rejected the "
            "bail plea of a former minister and sent him to jail.")
    doc = annotate(nlp, text, "2025-03-14")
    assert ("RELEASE", True) in [(e.event_type, e.negated) for e in doc._.events]  # the bail plea rejected


def test_line_breaks_a_dateline_opening_the_text_with_an_agency_credit_stays_with_its_lead(nlp):
    text = ("KANO, Nigeria (Sahel Wire) — A former state commissioner pleaded not guilty on Monday to fraud charges.\n"
            "Musa Danladi-Bello, 61, was arraigned.")
    assert sentences(nlp, text)[0].endswith("fraud charges.")
