"""The Python API: `load_run` frames, their documented dtypes, and the notebook helpers, on the sample run."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import make_run
from pipeline import api
from pipeline.api import DTYPES, events_per_month, load_run, most_active, places
from pipeline.query import NotARun
from pipeline.records import EVENT_TYPES

TABLES = ("articles", "mentions", "events", "participants", "stories", "entities")


@pytest.fixture(scope="module")
def run(browse_run):
    return load_run(browse_run)


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("table", TABLES)
def test_api_frames_have_the_documented_dtypes(run, table):
    frame = getattr(run, table)
    assert list(frame.columns) == list(DTYPES[table])
    for column, dtype in DTYPES[table].items():
        assert frame[column].dtype == (pd.api.types.pandas_dtype(dtype) if dtype is not object else object), column


def test_api_categoricals_carry_every_type_even_without_rows(tmp_path):
    articles = [{"id": "a", "text": "ICE deported Ana.", "published_at": "2025-03-13"}]
    run = load_run(make_run(tmp_path / "run", articles, [{"article": "a", "type": "DEPORT", "trigger": "deported"}]))
    counts = run.events["event_type"].value_counts()
    assert list(run.events["event_type"].cat.categories) == list(EVENT_TYPES)
    assert len(counts) == len(EVENT_TYPES) and counts["DEPORT"] == 1 and counts.sum() == 1


def test_api_rows_match_the_written_tables(browse_run, run):
    for table in ("articles", "mentions", "events"):
        rows = read_jsonl(browse_run / f"{table}.jsonl")
        key = {"articles": "article_id", "mentions": "mention_id", "events": "event_id"}[table]
        assert sorted(getattr(run, table)[key]) == sorted(r[key] for r in rows)
    assert "text" not in run.articles.columns
    texts = load_run(browse_run, text=True).articles.set_index("article_id")["text"]
    assert all(texts[r["article_id"]] == r["text"] for r in read_jsonl(browse_run / "articles.jsonl"))


def test_api_participants_are_the_arguments_exploded(browse_run, run):
    events = read_jsonl(browse_run / "events.jsonl")
    expected = sorted((e["event_id"], a["role"], a["start_char"]) for e in events for a in e["arguments"])
    participants = run.participants
    got = sorted(zip(participants["event_id"], participants["role"].astype(str), participants["start_char"]))
    assert got == expected
    linked = run.participants.dropna(subset=["mention_id"])
    labels = run.mentions.set_index("mention_id")["label"]
    assert (linked["label"].astype(str).values == labels.loc[linked["mention_id"]].astype(str).values).all()


def test_api_event_date_is_the_events_date_else_publication(run):
    events = run.events
    published = events[events["event_date_source"] == "published"]
    assert (published["event_date"] == published["published_at"].dt.normalize()).all()
    own = events[events["event_date_source"] == "event"]
    assert (own["event_date"].dt.strftime("%Y-%m-%d").str[:len("2025")] == own["date"].str[:4]).all()
    assert events.loc[events["event_date_source"].isna(), "event_date"].isna().all()


def test_api_every_event_has_its_story(run):
    assert run.events["story_id"].notna().all()
    assert set(run.events["story_id"]) == set(run.stories["story_id"])


def test_api_published_at_parses_offsets_to_naive_utc(tmp_path):
    articles = [{"id": "a", "text": "ICE deported Ana.", "published_at": "2025-03-13T20:30:00-05:00"},
                {"id": "b", "text": "ICE deported Eva.", "published_at": None}]
    run = load_run(make_run(tmp_path / "run", articles, []))
    published = run.articles.set_index("article_id")["published_at"]
    assert published["a"] == pd.Timestamp("2025-03-14 01:30:00") and pd.isna(published["b"])
    assert run.events.empty and list(run.events.columns) == list(DTYPES["events"])


def test_api_runs_without_a_stories_table_get_them_computed(tmp_path):
    articles = [{"id": "a", "text": "ICE deported Ana.", "published_at": "2025-03-13", "source": "Wire"}]
    folder = make_run(tmp_path / "run", articles, [{"article": "a", "type": "DEPORT", "trigger": "deported",
                                                    "args": [("subject", "Ana", "PERSON", None)]}])
    (folder / "stories.parquet").unlink()
    run = load_run(folder)
    assert len(run.stories) == 1 and run.events["story_id"].tolist() == run.stories["story_id"].tolist()


def test_api_entities_table_is_written_at_publish_one_row_per_key(browse_run, run):
    rows = read_jsonl(browse_run / "entities.jsonl")
    mentions = [m for m in read_jsonl(browse_run / "mentions.jsonl") if m["label"] not in ("DATE", "LAW") and m["entity_key"]]
    assert sorted(r["entity_key"] for r in rows) == sorted({m["entity_key"] for m in mentions})
    assert sorted(run.entities["entity_key"]) == sorted(r["entity_key"] for r in rows)
    ice = next(r for r in rows if r["entity_key"] == "AGENCY:u.s. immigration and customs enforcement")
    spelled = {m["text"] for m in mentions if m["entity_key"] == ice["entity_key"]}
    assert ice["canonical"] == "U.S. Immigration and Customs Enforcement" and set(ice["aliases"]) == spelled
    assert ice["n_articles"] >= 2 and ice["n_events"] >= 2 and ice["first_date"] <= "2025-03-12" <= ice["last_date"]
    manifest = json.loads((browse_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["tables"]["entities"] == len(rows)


def test_api_runs_without_an_entities_table_get_the_same_rows(tmp_path):
    articles = [{"id": "a", "text": "ICE deported Ana.", "published_at": "2025-03-13", "source": "Wire"}]
    folder = make_run(tmp_path / "run", articles, [{"article": "a", "type": "DEPORT", "trigger": "deported",
                                                    "args": [("agent", "ICE", "AGENCY", "ICE"),
                                                             ("subject", "Ana", "PERSON", None)]}])
    written = load_run(folder).entities
    (folder / "entities.parquet").unlink()
    computed = load_run(folder).entities
    pd.testing.assert_frame_equal(written, computed)
    assert written["n_events"].tolist() == [1, 1] and set(written["first_date"].astype(str)) == {"2025-03-13"}


def test_api_load_run_refuses_a_folder_that_is_not_a_run(tmp_path):
    with pytest.raises(NotARun):
        load_run(tmp_path)


def test_api_helpers_for_the_notebook(run):
    per_month = events_per_month(run.events)
    assert per_month.to_numpy().sum() == run.events["event_date"].notna().sum()
    assert per_month.index.is_monotonic_increasing
    agencies = most_active(run, "AGENCY", n=5)
    assert 0 < len(agencies) <= 5 and agencies["events"].is_monotonic_decreasing
    top = agencies.index[0]
    involved = run.participants[(run.participants["canonical"] == top) & (run.participants["label"] == "AGENCY")]
    assert agencies.loc[top, "events"] == involved["event_id"].nunique()
    where = places(run)
    assert where["mentions"].sum() == (run.mentions["label"] == "PLACE").sum() - \
        run.mentions[(run.mentions["label"] == "PLACE") & run.mentions["canonical"].isna()].shape[0]


def test_api_is_exported_from_its_module():
    assert {"load_run", "Run", "DTYPES"} <= set(api.__all__)


def test_api_load_run_is_available_from_the_package(browse_run):
    import pipeline

    assert pipeline.load_run is load_run and "load_run" in pipeline.__all__
