"""Python API for analysts: a run's tables as pandas DataFrames with stable, documented dtypes.

`load_run(path)` reads through the same DuckDB views as `legalnews query`, so `event_date` and
the participants table mean the same thing in a notebook as on the command line. Every frame is
cast to the dtypes declared in `DTYPES` (tests hold them to it): pandas `string` for text,
nullable `Int64`/`Float64`/`boolean` for numbers and flags, categoricals with the SPEC's fixed
categories for labels, types, roles and modalities (so value_counts lists types with no events
too), and naive UTC `datetime64[ns]` for dates.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from .query import connect, run_folder
from .records import ENTITY_LABELS, EVENT_TYPES, MODALITIES, ROLES, TIMEX_TYPES
from .stories import build_stories, story_of_event

S, I, F, B, T = "string", "Int64", "Float64", "boolean", "datetime64[ns]"
LABEL = pd.CategoricalDtype(ENTITY_LABELS)
EVENT_TYPE = pd.CategoricalDtype(EVENT_TYPES)

DTYPES: dict[str, dict[str, Any]] = {
    "articles": {
        "article_id": S, "title": S, "url": S, "source": S, "published_at": T, "published_at_raw": S,
        "source_file": S, "record": I, "input_format": S, "content_sha256": S,
    },
    "mentions": {
        "article_id": S, "mention_id": S, "label": LABEL, "text": S, "start_char": I, "end_char": I,
        "sentence_index": I, "canonical": S, "entity_key": S, "source_label": S, "rule": S, "role": S,
        "nationality": S, "court_id": S, "country_code": S, "admin1": S, "lat": F, "lon": F,
        "timex_type": pd.CategoricalDtype(TIMEX_TYPES), "value": S, "citation": S,
    },
    "events": {
        "article_id": S, "event_id": S, "event_type": EVENT_TYPE, "trigger": S, "trigger_start": I,
        "trigger_end": I, "sentence": S, "sentence_index": I, "negated": B,
        "modality": pd.CategoricalDtype(MODALITIES), "confidence": F, "rule": S,
        "agent": S, "subject": S, "adjudicator": S, "place": S, "origin": S, "destination": S, "crime": S,
        "penalty": S, "date": S, "date_text": S, "event_date": T,
        "event_date_source": pd.CategoricalDtype(("event", "published")),
        "published_at": T, "source": S, "title": S, "url": S, "story_id": S,
    },
    "participants": {
        "event_id": S, "article_id": S, "event_type": EVENT_TYPE, "role": pd.CategoricalDtype(ROLES),
        "text": S, "start_char": I, "end_char": I, "mention_id": S, "canonical": S, "label": LABEL,
        "entity_key": S,
    },
    "stories": {
        "story_id": S, "event_type": EVENT_TYPE, "negated": B, "subject": S, "agent": S, "adjudicator": S,
        "first_date": T, "last_date": T, "n_events": I, "n_articles": I, "n_sources": I,
        "first_article_id": S, "first_source": S, "first_published_at": T, "first_event_id": S,
        "event_ids": object, "article_ids": object, "sources": object,
    },
    "entities": {
        "entity_key": S, "label": LABEL, "canonical": S, "aliases": object, "n_mentions": I, "n_articles": I,
        "n_events": I, "first_date": T, "last_date": T, "lat": F, "lon": F,
    },
}


@dataclass
class Run:
    """One run's tables; `events` carries its story and event date, `participants` is `arguments` exploded,
    `entities` has one row per person, agency, court, organization or place."""

    path: Path
    articles: pd.DataFrame
    mentions: pd.DataFrame
    events: pd.DataFrame
    participants: pd.DataFrame
    stories: pd.DataFrame
    entities: pd.DataFrame = field(default_factory=pd.DataFrame)
    manifest: dict[str, Any] = field(default_factory=dict)


def to_datetime(values: pd.Series) -> pd.Series:
    """ISO dates and datetimes (with or without offset) as naive UTC; anything else as NaT."""
    parsed = pd.to_datetime(values.astype("string"), errors="coerce", utc=True, format="ISO8601")
    return parsed.dt.tz_convert(None).astype(T)


def with_dtypes(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """Columns in `DTYPES` order, each cast to its declared dtype."""
    dtypes = DTYPES[table]
    extra = [c for c in frame.columns if c not in dtypes]
    frame = frame[[c for c in dtypes if c in frame.columns] + extra].copy()
    for column, dtype in dtypes.items():
        if column not in frame.columns or dtype is object:
            continue
        frame[column] = to_datetime(frame[column]) if dtype == T else frame[column].astype(dtype)
    return frame


def load_run(path: Path | str, text: bool = False) -> Run:
    """Load a run folder written by `legalnews extract`.

    Article texts are left out unless `text=True`: they are most of a run's size, and the events
    already carry their evidence sentence. Runs written before stories existed get them computed.
    """
    folder = run_folder(path)
    con = connect(folder)
    article_columns = ", ".join(c for c in ["text"] * text + list(DTYPES["articles"]))
    articles = con.sql(f"SELECT {article_columns} FROM articles").df()
    mentions = con.sql("SELECT * FROM mentions").df()
    events = con.sql("SELECT * EXCLUDE (arguments) FROM events ORDER BY article_id, trigger_start, event_id").df()
    participants = con.sql("SELECT * FROM participants ORDER BY article_id, event_id, start_char, role").df()
    if (folder / "stories.parquet").is_file():
        stories = con.sql("SELECT * FROM stories").df()
    else:
        stories = pd.DataFrame(build_stories(folder, con), columns=list(DTYPES["stories"]))
    events["story_id"] = events["event_id"].map(story_of_event(stories.to_dict("records")))
    entities = con.sql("SELECT * FROM entities ORDER BY n_events DESC, n_mentions DESC, entity_key").df()
    manifest_path = folder / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    frames = {"articles": articles, "mentions": mentions, "events": events, "participants": participants,
              "stories": stories, "entities": entities}
    if text:
        frames["articles"]["text"] = frames["articles"]["text"].astype(S)
    return Run(path=folder, manifest=manifest, **{name: with_dtypes(f, name) for name, f in frames.items()})


def events_per_month(events: pd.DataFrame) -> pd.DataFrame:
    """Dated events counted by month (of `event_date`) and type: months as rows, types seen as columns."""
    dated = events.dropna(subset=["event_date"])
    months = dated["event_date"].dt.to_period("M").rename("month")
    return pd.crosstab(months, dated["event_type"]).loc[:, lambda f: f.sum() > 0]


def most_active(run: Run, label: str, n: int = 10) -> pd.DataFrame:
    """The `n` entities of `label` (COURT, AGENCY, PERSON, …) taking part in most events, with their roles."""
    people = run.participants[run.participants["label"] == label]
    grouped = people.groupby("canonical", observed=True)
    table = pd.DataFrame({
        "events": grouped["event_id"].nunique(),
        "articles": grouped["article_id"].nunique(),
        "roles": grouped["role"].agg(lambda r: ", ".join(sorted(set(map(str, r))))),
    })
    return table.sort_values(["events", "articles"], ascending=False).head(n)


def places(run: Run) -> pd.DataFrame:
    """Places mentioned in the run with their country, coordinates and counts, most mentioned first."""
    mentions = run.mentions[run.mentions["label"] == "PLACE"]
    grouped = mentions.groupby("canonical", observed=True)
    table = pd.DataFrame({
        "country_code": grouped["country_code"].first(), "lat": grouped["lat"].first(), "lon": grouped["lon"].first(),
        "mentions": grouped.size(), "articles": grouped["article_id"].nunique(),
    })
    return table.sort_values(["mentions", "articles"], ascending=False)


__all__ = ["DTYPES", "Run", "load_run", "events_per_month", "most_active", "places"]
