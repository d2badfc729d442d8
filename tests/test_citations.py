"""Citations stage: case and statute citations become LAW spans with their fields."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys

import pytest
from eyecite import get_citations
from eyecite.models import CitationToken
from eyecite.tokenizers import default_tokenizer
from reporters_db import LAWS, REPORTERS

from conftest import annotate, sample_texts
from pipeline.eyecite_prefilter import CitationTokenizer, citation_tokenizer


def laws(nlp, text):
    doc = annotate(nlp, text, "2025-05-01")  # a SpanGroup needs its Doc alive while it is read
    return list(doc.spans["law"])


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


# --- the Hyperscan prefilter in front of eyecite ---------------------------------------------------

needs_hyperscan = pytest.mark.skipif(importlib.util.find_spec("hyperscan") is None, reason="hyperscan is not installed")
# Reporters whose citations two extractors match with the same span and other fields: which fields
# win depends on the order the extractors run in.
TIES = "The court cited 21 D.C. (Tuck. & Cl.) 456, 1 Ill. (Breese) 456 and N.Y. Empl. Law § 24:09 in 2019."


def citation_texts() -> list[str]:
    """News articles, and every example citation of reporters-db in sentences, with plain, no-break
    and thin spaces (what eyecite's `\\s` must still see)."""
    examples = [e for table in (REPORTERS, LAWS) for editions in table.values() for edition in editions
                for e in edition.get("examples", [])]
    paragraphs = [" ".join(f"The court cited {e} in 2019." for e in examples[i:i + 25])
                  for i in range(0, len(examples), 25)]
    spaced = [p.replace(" ", space) for p in paragraphs for space in ("\u00a0", "\u2009")]
    news = [t for t in sample_texts() if t.strip()]  # eyecite refuses an empty text, as the stage knows
    return news + paragraphs + spaced + [TIES, "Case ٣ cited 533 U.S. 678.", "8 U.S.C. § 1226 \ud800"]


def found(text: str, tokenizer) -> list[tuple]:
    return [(type(c).__name__, c.span(), c.full_span() if hasattr(c, "full_span") else None,
             sorted((k, v) for k, v in c.groups.items() if v)) for c in get_citations(text, tokenizer=tokenizer)]


@pytest.fixture(scope="module")
def tokenizers():
    return citation_tokenizer(use_hyperscan=True), citation_tokenizer(use_hyperscan=False)


@needs_hyperscan
def test_citations_prefilter_keeps_every_extractor_that_matches(tokenizers):
    prefiltered, _ = tokenizers
    assert prefiltered.database is not None
    for text in citation_texts():
        chosen = {id(e) for e in prefiltered.get_extractors(text)}
        missed = [e.regex for e in default_tokenizer.get_extractors(text)
                  if id(e) not in chosen and e.compiled_regex.search(text)]
        assert missed == [], text[:80]


@needs_hyperscan
def test_citations_prefilter_runs_few_extractors_on_news(tokenizers):
    prefiltered, _ = tokenizers
    news = sample_texts()
    scanned = sum(len(prefiltered.get_extractors(t)) - len(prefiltered.always) for t in news)
    candidates = sum(len(default_tokenizer.get_extractors(t)) for t in news)
    assert 0 < scanned < candidates / 5


def test_citations_same_with_and_without_hyperscan_and_same_spans_as_eyecite(tokenizers):
    prefiltered, ordered = tokenizers
    texts = citation_texts()
    with_hyperscan = [found(t, prefiltered) for t in texts]
    assert with_hyperscan == [found(t, ordered) for t in texts]
    assert sum(map(len, with_hyperscan)) > 800
    spans = [[c[:3] for c in cits] for cits in with_hyperscan]
    assert spans == [[c[:3] for c in found(t, default_tokenizer)] for t in texts]


def test_citations_fields_do_not_depend_on_the_process():
    """Python salts string hashes per process; the citations of a tie must not follow the salt."""
    script = ("import json, sys; from eyecite import get_citations; from pipeline.eyecite_prefilter import "
              "citation_tokenizer; t = citation_tokenizer(); "
              "print(json.dumps([c.groups for c in get_citations(sys.argv[1], tokenizer=t)]))")
    runs = {subprocess.run([sys.executable, "-c", script, TIES], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1 and len(json.loads(runs.pop())) == 3


@needs_hyperscan
def test_citations_gate_passes_every_text_where_eyecite_makes_a_citation_token():
    """`may_cite` says False only where no extractor making citation tokens matches: checked on each
    reporters-db example alone in a sentence, every sentence of the sample's news, the texts above."""
    gate = CitationTokenizer(use_hyperscan=True)
    assert gate.gate is not None and gate._tokenizer is None  # eyecite's tokenizer not made yet
    examples = [e for table in (REPORTERS, LAWS) for editions in table.values() for edition in editions
                for e in edition.get("examples", [])]
    sentences = [s for t in sample_texts() for s in t.replace("\n", ". ").split(". ") if s.strip()]
    texts = [f"The court cited {e} in 2019." for e in examples] + sentences + citation_texts() + ["eyecite"]
    passed = 0
    for text in texts:
        if gate.may_cite(text):
            passed += 1
            continue
        _, tokens = default_tokenizer.tokenize(text)
        assert not any(isinstance(token, CitationToken) for _, token in tokens), text[:80]
        assert not any(type(c).__name__.startswith("Full") for c in get_citations(text, tokenizer=gate.tokenizer))
    assert len(examples) < passed < len(texts)  # every example passes, and most news sentences do not
    assert gate.may_cite("eyecite") and gate.may_cite("Case ٣ cited 533 U.S. 678.")


def test_citations_an_unusable_cache_folder_falls_back_to_eyecites_filter(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("LEGALNEWS_CACHE", str(blocker / "cache"))
    tokenizer = citation_tokenizer(use_hyperscan=True)
    assert tokenizer.database is None
    assert found(TIES, tokenizer) == found(TIES, citation_tokenizer(use_hyperscan=False))
    if importlib.util.find_spec("hyperscan"):
        assert "unavailable" in caplog.text
    caplog.clear()
    gated = CitationTokenizer(use_hyperscan=True)  # the stage's: no gate, eyecite's own filter, warned once
    assert gated.gate is None and gated.tokenizer.database is None and gated.may_cite("no citation here")
    if importlib.util.find_spec("hyperscan"):
        assert caplog.text.count("unavailable") == 1
