"""Dates package: the parts the split made data-driven (filters with rule ids, word classes and tense cues
read from models/, calendar arithmetic without spaCy) and the value cache with two models folders."""
from __future__ import annotations

import ast
import json
import shutil
from datetime import date

import pytest

from conftest import ROOT, annotate
from pipeline.collect import collect
from pipeline.dates import DROPPED_KEY, FILTERS, DateTables, TenseCues, TimexTagger, timex_of
from pipeline.dates import calendar
from pipeline.records import Article


def dropped_in(doc) -> dict[str, str]:
    return {span.text: span._.rule for span in doc.spans.get(DROPPED_KEY, [])}


def test_filters_ids_are_unique():
    ids = [f.id for f in FILTERS]
    assert len(ids) == len(set(ids)) and ids[:2] == ["game_period", "temperature"]


@pytest.mark.parametrize("text,mention,rule", [
    ("The Tigers scored 14 points in the fourth quarter and won the game.", "the fourth quarter", "game_period"),
    ("Highs in the 90s are expected across the valley on Saturday.", "the 90s", "temperature"),
    ("The lawyer appeared on CBS's 60 Minutes to defend the settlement.", "60 Minutes", "titled_name"),
    ("The firm said revenue would rise 8% annually through the decade.", "annually", "rate"),
])
def test_filters_dropped_span_keeps_its_rule_outside_the_tables(nlp, text, mention, rule):
    """A span a filter drops is no DATE mention, but stays visible in its own group with the filter's id."""
    doc = annotate(nlp, text, "2021-11-03")
    assert mention not in [e.text for e in doc.ents if e.label_ == "DATE"]
    assert dropped_in(doc).get(mention) == f"timex-filter:{rule}", dropped_in(doc)
    mentions = collect(doc, Article(article_id="test", text=text, published_at="2021-11-03")).mentions
    assert not any(m.rule and m.rule.startswith("timex-filter:") for m in mentions)


def test_tables_word_classes_come_from_words_json(tmp_path):
    folder = tmp_path / "dates"
    shutil.copytree(ROOT / "models" / "dates", folder)
    tables = DateTables(folder)
    assert {"gmt", "p.m.", "local"} <= tables.sets.clock_to_day and "gmt" in tables.sets.clock_end
    assert tables.normalize("more than two years") == "two years"
    words = json.loads((folder / "words.json").read_text(encoding="utf-8"))
    words["leading_junk"] = [*words["leading_junk"], "circa"]
    (folder / "words.json").write_text(json.dumps(words), encoding="utf-8")
    assert "circa" in DateTables(folder).sets.leading_junk
    words["misspelled_key"] = []
    (folder / "words.json").write_text(json.dumps(words), encoding="utf-8")
    with pytest.raises(ValueError, match="misspelled_key"):
        DateTables(folder)


def test_tables_exclusions_are_no_dates():
    tables = DateTables(ROOT / "models" / "dates")
    assert timex_of(tables, "last-minute", date(2021, 11, 3)) == (None, "not_temporal")
    lines = (ROOT / "models" / "dates" / "exclusions.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["example"] for line in lines)


def test_tense_cues_keep_could_apart():
    """ "Could" sends a date forward only in "could rule as soon as Monday"; "may" always does."""
    cues = TenseCues.load(ROOT / "models" / "tense")
    assert "may" in cues.future_aux and "could" not in cues.future_aux and "could" in cues.modal_aux


def test_resolvers_cache_keeps_two_models_folders_apart(tmp_path, nlp):
    """Two components reading different models folders in one process never share a cached value."""
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models" / "dates", models / "dates")
    shutil.copytree(ROOT / "models" / "tense", models / "tense")
    lexicon = models / "dates" / "lexicon.jsonl"
    lexicon.write_text(lexicon.read_text(encoding="utf-8").replace('"value": "12-25"', '"value": "12-26"'),
                       encoding="utf-8")
    ours, theirs = TimexTagger("ours"), TimexTagger("theirs", models_dir=models)
    dct = date(2021, 11, 3)
    assert timex_of(ours.tables, "Christmas", dct, "future")[0].value == "2021-12-25"
    assert timex_of(theirs.tables, "Christmas", dct, "future")[0].value == "2021-12-26"


def test_calendar_holds_no_spacy():
    tree = ast.parse(open(calendar.__file__, encoding="utf-8").read())
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names} \
        | {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert not any(name and name.startswith("spacy") for name in imported)


@pytest.mark.parametrize("code,year,expected", [
    ("11-4-4", 2025, date(2025, 11, 27)),   # Thanksgiving: the fourth Thursday
    ("05-1-L", 2025, date(2025, 5, 26)),    # Memorial Day: the last Monday
    ("11-02+2", 2024, date(2024, 11, 5)),   # Election Day
    ("easter-2", 2025, date(2025, 4, 18)),  # Good Friday
])
def test_calendar_holiday_dates(code, year, expected):
    assert calendar.holiday_date(code, year) == expected
