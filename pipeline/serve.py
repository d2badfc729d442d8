"""Browse a run: export it to SQLite with sqlite-utils and serve it read-only with Datasette.

The SQLite file has the run's tables plus what browsing needs: each event's story, event date,
and first agency and court as plain columns to facet on; full-text search over the evidence
sentences (and article titles and texts); foreign keys so Datasette links an event to its article.
`metadata()` describes every table and column, so the pages explain themselves. The file is opened
immutable, so nothing a visitor does can change it.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import sqlite_utils

from .query import connect, run_folder
from .stories import list_stories, story_of_event

DB_NAME = "legalnews"
BATCH = 2000

TABLES: dict[str, dict[str, Any]] = {
    "events": {
        "description": "Court actions found in the articles, one row per trigger mention, with the evidence sentence. "
                       "Search the sentences with the search box; facet by type, agency, court, place or date.",
        "columns": {
            "event_id": "article_id:Estart-end:TYPE, stable across runs",
            "event_type": "one of the 20 court-action types (DEPORT, RULING, ARREST_DETAIN, ...)",
            "event_date": "the event's own date when the article gives one, else the publication date (YYYY-MM-DD)",
            "sentence": "the evidence sentence",
            "article_id": "the article the event was found in",
            "event_date_source": "'event' when the article dates the event, "
                                 "'published' when the publication date stands in",
            "trigger": "the words that express the action",
            "trigger_start": "character offset of the trigger in the article text",
            "trigger_end": "end offset of the trigger",
            "sentence_index": "0-based index of the sentence in the article",
            "negated": "1 for 'did not deport', 'declined to release'",
            "modality": "asserted, reported (someone claims it), possible, or future (planned, ordered, blocked)",
            "confidence": "0-1, from the rule that fired",
            "rule": "id of the lexicon entry or pattern that found the event",
            "arguments": "JSON list of participants: role, text, offsets, mention_id, canonical",
            "agent": "who acts (first agent, by canonical name)", "subject": "who or what is acted upon",
            "adjudicator": "the judge or court that decides", "place": "where it happened",
            "origin": "where someone was sent from", "destination": "where someone was sent to",
            "crime": "the offence charged or convicted", "penalty": "the sentence or fine",
            "date": "the time argument's TimeML value (2025-06-04, 2025-06, PAST_REF, ...)",
            "date_text": "the words of the time argument",
            "agency": "first participant that is a government agency", "court": "first participant that is a court",
            "story_id": "the story (same action across articles) this event belongs to",
            "published_at": "the article's publication date", "source": "the outlet that published the article",
            "title": "the article's headline", "url": "where the article was published",
        },
        "facets": ["event_type", "agency", "court", "place", {"date": "event_date"}],
        "sort_desc": "event_date",
    },
    "articles": {
        "description": "The input articles that were processed; all offsets in the other tables index into text.",
        "columns": {
            "article_id": "the dump's id, or derived from the text's SHA-256", "text": "the cleaned article text",
            "title": "headline", "url": "where it was published", "source": "outlet name",
            "published_at": "ISO 8601 publication date or datetime",
            "published_at_raw": "the date as the dump spelled it",
            "source_file": "input file", "record": "line or record number in the input file",
            "input_format": "jsonl, csv, txt, html, warc, ...", "content_sha256": "fingerprint used to skip duplicates",
        },
        "facets": ["source", "input_format"],
        "label_column": "title",
    },
    "mentions": {
        "description": "Entity and date mentions with their normalization.",
        "columns": {
            "mention_id": "article_id:LABEL:start-end", "article_id": "the article",
            "label": "PERSON, AGENCY, COURT, ORGANIZATION, PLACE, DATE or LAW", "text": "the words in the article",
            "start_char": "start offset", "end_char": "end offset", "sentence_index": "0-based sentence index",
            "canonical": "full normalized name (ICE -> U.S. Immigration and Customs Enforcement)",
            "entity_key": "LABEL:canonical casefolded: the same entity across articles",
            "source_label": "the statistical model's label", "rule": "gazetteer or pattern id that set the label",
            "role": "PERSON: a title kept outside the span (judge, ...)", "nationality": "PERSON: a demonym",
            "court_id": "COURT: courts-db id", "country_code": "PLACE: ISO 3166-1 alpha-2",
            "admin1": "PLACE: US state code",
            "lat": "PLACE: latitude", "lon": "PLACE: longitude", "timex_type": "DATE: DATE, TIME, DURATION or SET",
            "value": "DATE: TimeML value resolved against the publication date",
            "citation": "LAW: JSON of the citation's parts",
        },
        "facets": ["label"],
    },
    "participants": {
        "description": "Event arguments, one row per participant and role (events.arguments exploded).",
        "columns": {
            "event_id": "the event", "article_id": "the article", "event_type": "the event's type",
            "role": "agent, subject, adjudicator, origin, destination, place, time, crime or penalty",
            "text": "the words in the article", "start_char": "start offset", "end_char": "end offset",
            "mention_id": "the linked mention, when the argument is one", "canonical": "the participant's full name",
            "label": "the linked mention's label", "entity_key": "the linked mention's entity",
        },
        "facets": ["role", "label", "event_type"],
    },
    "stories": {
        "description": "The same court action reported by several articles: same type, same main participants, "
                       "compatible dates. n_articles and n_sources count the coverage; first_* is the first report.",
        "columns": {
            "story_id": "stable id (from the first report's event)", "event_type": "the action's type",
            "negated": "1 when the action is reported as not happening", "subject": "main participant acted upon",
            "agent": "who acts", "adjudicator": "judge or court", "first_date": "earliest event date",
            "last_date": "latest event date", "n_events": "event mentions in the story",
            "n_articles": "articles reporting it", "n_sources": "distinct outlets reporting it",
            "first_article_id": "the first report", "first_source": "its outlet",
            "first_published_at": "its publication date", "first_event_id": "its event",
            "event_ids": "JSON list of the story's events", "article_ids": "JSON list of its articles",
            "sources": "JSON list of its outlets",
        },
        "facets": ["event_type", "n_sources"],
        "sort_desc": "n_articles",
    },
    "entities": {
        "description": "People, agencies, courts, organizations and places, with every spelling seen (aliases).",
        "columns": {
            "entity_key": "LABEL:canonical casefolded", "label": "the entity's label", "canonical": "its full name",
            "aliases": "JSON list of the spellings in the articles", "n_mentions": "mentions in the run",
            "n_articles": "articles mentioning it",
        },
        "facets": ["label"],
        "sort_desc": "n_mentions",
        "label_column": "canonical",
    },
}

EXPORT_SQL = {
    "articles": "SELECT * FROM articles",
    "mentions": "SELECT * FROM mentions",
    "events": """
        SELECT e.event_id, e.event_type, strftime(e.event_date, '%Y-%m-%d') AS event_date, e.sentence,
               e.* EXCLUDE (event_id, event_type, event_date, sentence, arguments), to_json(e.arguments) AS arguments,
               (SELECT arg_min(coalesce(p.canonical, p.text), p.start_char) FROM participants p
                 WHERE p.event_id = e.event_id AND p.label = 'AGENCY') AS agency,
               (SELECT arg_min(coalesce(p.canonical, p.text), p.start_char) FROM participants p
                 WHERE p.event_id = e.event_id AND p.label = 'COURT') AS court
        FROM events e ORDER BY e.article_id, e.trigger_start""",
    "participants": "SELECT * FROM participants",
    "entities": "SELECT * EXCLUDE (aliases), to_json(aliases) AS aliases FROM entities",
}
PRIMARY_KEYS = {"articles": "article_id", "mentions": "mention_id", "events": "event_id", "stories": "story_id",
                "entities": "entity_key"}
FOREIGN_KEYS = {
    "mentions": [("article_id", "articles", "article_id")],
    "events": [("article_id", "articles", "article_id"), ("story_id", "stories", "story_id")],
    "participants": [("event_id", "events", "event_id"), ("article_id", "articles", "article_id"),
                     ("mention_id", "mentions", "mention_id")],
    "stories": [("first_article_id", "articles", "article_id"), ("first_event_id", "events", "event_id")],
}
FULL_TEXT = {"events": ["sentence"], "articles": ["title", "text"]}


def _rows(con: duckdb.DuckDBPyConnection, statement: str) -> Iterator[dict[str, Any]]:
    cursor = con.execute(statement)
    names = [d[0] for d in cursor.description]
    while batch := cursor.fetchmany(BATCH):
        yield from (dict(zip(names, values)) for values in batch)


def default_db_path(run: Path | str) -> Path:
    return Path(run) / f"{DB_NAME}.db"


def export_sqlite(run: Path | str, db_path: Path | None = None) -> Path:
    """Write the run as a SQLite database (replacing any earlier export) and return its path."""
    folder = run_folder(run)
    db_path = Path(db_path or default_db_path(folder))
    partial = db_path.with_name(db_path.name + ".partial")
    partial.unlink(missing_ok=True)
    con = connect(folder)
    stories = list_stories(folder)
    story_of = story_of_event(stories)
    db = sqlite_utils.Database(partial)
    for name in TABLES:  # declared up front, so an empty run still gets every table and column
        db[name].create(_columns(name), pk=PRIMARY_KEYS.get(name))
    for name in ("articles", "mentions", "entities", "participants"):
        db[name].insert_all(_rows(con, EXPORT_SQL[name]), batch_size=BATCH, alter=True)
    lists = ("event_ids", "article_ids", "sources")
    db["stories"].insert_all(({**s, **{k: json.dumps(s[k], ensure_ascii=False) for k in lists}} for s in stories),
                             alter=True)
    events = ({**row, "story_id": story_of.get(row["event_id"])} for row in _rows(con, EXPORT_SQL["events"]))
    db["events"].insert_all(events, batch_size=BATCH, alter=True)
    db.add_foreign_keys([(name, *key) for name, keys in FOREIGN_KEYS.items() for key in keys])
    for name, columns in FULL_TEXT.items():
        db[name].enable_fts(columns, tokenize="porter")
    for name, column in (("events", "event_type"), ("events", "article_id"), ("events", "event_date"),
                         ("participants", "event_id"), ("participants", "entity_key"), ("mentions", "article_id")):
        db[name].create_index([column], if_not_exists=True)
    db.close()
    partial.replace(db_path)
    return db_path


def _columns(table: str) -> dict[str, type]:
    """Declared column types, so an empty run still gets every column."""
    numeric = {"trigger_start", "trigger_end", "sentence_index", "start_char", "end_char", "record", "n_events",
               "n_articles", "n_sources", "n_mentions", "negated"}
    floats = {"confidence", "lat", "lon"}
    return {c: int if c in numeric else float if c in floats else str for c in TABLES[table]["columns"]}


def metadata(title: str = "legalnews run", db_name: str = DB_NAME) -> dict[str, Any]:
    """Datasette metadata: a description of every table and column, and each table's facets."""
    return {
        "title": title,
        "description": "Court actions extracted from legal news by legalnews. Start with events; "
                       "each row links to its article and story.",
        "databases": {db_name: {"tables": TABLES}},
    }


def make_app(db_path: Path, title: str = "legalnews run"):
    """The Datasette ASGI app over an exported file, opened immutable (read-only).

    Datasette prints every exception with `rich`, locals included, when rich is installed (it is
    ours): a refused write or a typo in the SQL box would fill the console with pages of
    traceback. Without rich it answers 4xx errors quietly and still prints a plain traceback for
    a real 500.
    """
    from datasette.app import Datasette  # first: it registers the default plugins, handle_exception among them
    from datasette import handle_exception

    handle_exception.rich = None

    datasette = Datasette(immutables=[str(db_path)], metadata=metadata(title, Path(db_path).stem),
                          settings={"sql_time_limit_ms": 5000, "facet_time_limit_ms": 1000})
    return datasette.app()


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001, title: str = "legalnews run") -> None:
    """Serve an exported database (see `export_sqlite`) until interrupted."""
    import uvicorn

    uvicorn.run(make_app(db_path, title), host=host, port=port, log_level="warning")


__all__ = ["export_sqlite", "metadata", "make_app", "serve", "default_db_path", "TABLES"]
