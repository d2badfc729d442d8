"""Property tests on the extraction stages: random unicode text and random `published_at` through
the full spaCy pipeline never raise, and every output row has offsets that index into the text."""
from __future__ import annotations

import json
import math
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from conftest import annotate
from pipeline.collect import collect
from pipeline.ingest import clean_text, parse_published_at
from pipeline.records import ENTITY_LABELS, EVENT_TYPES, MODALITIES, ROLES, TIMEX_TYPES, Article

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    "U.S. District Judge Paula Xinis", "ruled on Wednesday that", "ICE deported O.C.G. to Mexico", "the 4th Circuit",
    "was arrested in Maryland", "last week", "in 2024", "two days later", "8 U.S.C. § 1231",
    "Doe v. Noem, No. 25-1234 (4th Cir. 2025)", "did not deport", "was sentenced to 10 years", "the Supreme Court",
    "the Department of Homeland Security", "filed a lawsuit against", "the ACLU", "El Salvador", "Guatemala",
    "could be deported", "prosecutors allege", "returned to the United States", ".", ",", "\n\n", "—", "“", "”",
    "e\u0301", "\u200d", "\u202e", "\u00a0", "😀", "שופט", "法院", "\t", "  ", "(", ")", "'s", "Mr.", "Jr.", "U.S.",
]
# What ingest hands the stages: a text that is not blank, and a published_at that is None or an
# ISO date(time) in 1800-2200 (parse_published_at makes every other value None).
legal_text = (st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=16)
              .map(" ".join).filter(lambda text: clean_text(text)))
unicode_text = st.text(min_size=1, max_size=300).filter(lambda text: clean_text(text))
EARLIEST, LATEST = datetime(1800, 1, 1), datetime(2200, 12, 31, 23, 59, 59)
published = st.one_of(
    st.none(),
    st.dates(EARLIEST.date(), LATEST.date()).map(lambda d: d.isoformat()),
    st.datetimes(EARLIEST, LATEST, timezones=st.sampled_from([None, timezone.utc, timezone(timedelta(hours=-5))]))
    .map(lambda d: d.replace(microsecond=0).isoformat()),
    st.one_of(st.text(max_size=30), st.sampled_from(["2025-13-45", "99999-01-01", "0001-01-01", "June 5, 2025"]))
    .map(parse_published_at),
)


def check_rows(text: str, published_at: str | None, nlp) -> None:
    doc = annotate(nlp, text, published_at)
    result = collect(doc, Article(article_id="fuzz", text=text, published_at=published_at))
    sentences = len(list(doc.sents))
    for m in result.mentions:
        assert text[m.start_char:m.end_char] == m.text, m
        assert m.label in ENTITY_LABELS
        assert 0 <= m.sentence_index < max(sentences, 1)
        if m.label == "DATE" and m.timex_type is not None:
            assert m.timex_type in TIMEX_TYPES and isinstance(m.value, str)
        if m.country_code is not None:
            assert len(m.country_code) == 2 and m.country_code.isupper()
        for coordinate, bound in ((m.lat, 90), (m.lon, 180)):
            assert coordinate is None or (math.isfinite(coordinate) and abs(coordinate) <= bound)
    for e in result.events:
        assert text[e.trigger_start:e.trigger_end] == e.trigger, e
        assert e.trigger in e.sentence
        assert e.event_type in EVENT_TYPES and e.modality in MODALITIES and isinstance(e.negated, bool)
        for arg in e.arguments:
            assert text[arg.start_char:arg.end_char] == arg.text, arg
            assert arg.role in ROLES
    for row in [result.article.as_row()] + [m.as_row() for m in result.mentions] + [e.as_row() for e in result.events]:
        json.dumps(row, ensure_ascii=False).encode("utf-8")


@FUZZ
@given(text=unicode_text, published_at=published)
@example(text="\x00\x01 \u2028 \ufeff x", published_at=None)
@example(text="ruled on Wednesday that", published_at="1800-01-01")
def test_nlp_fuzz_random_unicode_text(nlp, text, published_at):
    check_rows(text, published_at, nlp)


@FUZZ
@given(text=legal_text, published_at=published)
@example(text="U.S. District Judge Paula Xinis ruled on Wednesday that ICE deported O.C.G. to Mexico last week.",
         published_at="2025-06-05")
def test_nlp_fuzz_legal_fragments_with_random_glue(nlp, text, published_at):
    check_rows(text, published_at, nlp)


@FUZZ
@given(text=legal_text, published_at=published)
def test_nlp_fuzz_on_text_as_ingest_cleans_it(nlp, text, published_at):
    check_rows(clean_text(text), published_at, nlp)


def test_nlp_fuzz_blank_entity_span_at_the_end_of_a_text(nlp):
    """Found by hypothesis: a text cut at --max-chars can end in a run of whitespace the model tags."""
    check_rows("\x8a\u00cd\U0007aceb\u00f78\u00c2  \t", None, nlp)


def test_nlp_fuzz_superscript_digit_after_a_name(nlp):
    """Found by hypothesis: '¹' passes str.isdigit() but not int(); an age check must not crash on it."""
    check_rows("U.S. District Judge Paula Xinis ¹ U.S. District Judge Paula Xinis", None, nlp)
