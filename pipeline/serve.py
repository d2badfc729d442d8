"""Browse a run: export it to SQLite with sqlite-utils and serve it read-only with Datasette.

The SQLite file has the run's tables plus what browsing needs: each event's story, event date,
month, first agency, court and person as plain columns to facet on; full-text search over the
evidence sentences and headlines (and article titles and texts); foreign keys so Datasette links
an event to its article and story. `metadata()` describes every table and column (in a collapsed
block, so pages open on their rows), sets the facets, the canned queries a reporter asks and the
chart and map dashboard (datasette-dashboards). The events page shows the reporting columns first
and hides the technical ones until asked (`EVENTS_DEFAULT_HIDDEN`, see `make_app`). The file is
opened immutable, so nothing a visitor does can change it.
"""
from __future__ import annotations

import html
import json
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import sqlite_utils

from .query import connect, run_folder
from .stories import list_stories, story_of_event

DB_NAME = "legalnews"
TEMPLATES = Path(__file__).parent / "templates"
BATCH = 2000

TABLES: dict[str, dict[str, Any]] = {
    "events": {
        "description": "Court actions found in the articles, one row per mention, with the sentence that says so. "
                       "Search sentences and headlines; narrow by the lists below (type, agency, court, person, place, "
                       "month, outlet, negation, modality).",
        "columns": {
            "event_date": "the event's own date when the article gives one, else the publication date (YYYY-MM-DD)",
            "event_type": "one of the 20 court-action types (DEPORT, RULING, ARREST_DETAIN, ...)",
            "subject": "who or what is acted upon", "agent": "who acts (first agent, by canonical name)",
            "adjudicator": "the judge or court that decides",
            "court": "first participant that is a court", "agency": "first participant that is a government agency",
            "place": "where it happened",
            "sentence": "the evidence sentence",
            "source": "the outlet that published the article",
            "article_id": "the article the event was found in (shown by its headline, linked to it)",
            "person": "first participant that is a person",
            "month": "the month of event_date (YYYY-MM)",
            "negated": "1 for 'did not deport', 'declined to release'",
            "modality": "asserted, reported (someone claims it), possible, or future (planned, ordered, blocked)",
            "story_id": "the story (same action across articles) this event belongs to",
            "event_id": "article_id:Estart-end:TYPE, stable across runs",
            "event_date_source": "'event' when the article dates the event, "
                                 "'published' when the publication date stands in",
            "trigger": "the words that express the action",
            "trigger_start": "character offset of the trigger in the article text",
            "trigger_end": "end offset of the trigger",
            "sentence_index": "0-based index of the sentence in the article",
            "confidence": "0-1, from the rule that fired",
            "rule": "id of the lexicon entry or pattern that found the event",
            "arguments": "JSON list of participants: role, text, offsets, mention_id, canonical",
            "origin": "where someone was sent from", "destination": "where someone was sent to",
            "crime": "the offence charged or convicted", "penalty": "the sentence or fine",
            "date": "the time argument's TimeML value (2025-06-04, 2025-06, PAST_REF, ...)",
            "date_text": "the words of the time argument",
            "published_at": "the article's publication date",
            "title": "the article's headline", "url": "where the article was published",
        },
        "facets": ["event_type", "agency", "court", "person", "place", "month", "source", "negated", "modality"],
        "sort_desc": "event_date",
        "label_column": "sentence",
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
            "court_id": "COURT: courts-db id", "country_code": "PLACE, COURT, AGENCY: ISO 3166-1 alpha-2",
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
        "description": "People, agencies, courts, organizations and places, with every spelling seen (aliases). "
                       "Click a name for its timeline: its events in date order, with sentences and sources.",
        "columns": {
            "entity_key": "LABEL:canonical casefolded (one key per person across the run)", "label": "the entity's label",
            "canonical": "its most used full name; links to its timeline",
            "aliases": "JSON list of the spellings in the articles", "n_mentions": "mentions in the run",
            "n_articles": "articles mentioning it", "n_events": "events it takes part in",
            "first_date": "earliest date the run has for it (its events' dates, the articles' publication dates)",
            "last_date": "latest such date", "lat": "PLACE: latitude", "lon": "PLACE: longitude",
        },
        "facets": ["label"],
        "sort_desc": "n_events",
        "label_column": "canonical",
    },
}

EXPORT_SQL = {
    "articles": "SELECT * FROM articles",
    "mentions": "SELECT * FROM mentions",
    "events": """
        WITH firsts AS (
            SELECT event_id,
                   arg_min(coalesce(canonical, text), start_char) FILTER (WHERE label = 'AGENCY') AS agency,
                   arg_min(coalesce(canonical, text), start_char) FILTER (WHERE label = 'COURT') AS court,
                   arg_min(coalesce(canonical, text), start_char) FILTER (WHERE label = 'PERSON') AS person
            FROM participants GROUP BY event_id)
        SELECT e.* EXCLUDE (event_date, arguments), strftime(e.event_date, '%Y-%m-%d') AS event_date,
               strftime(e.event_date, '%Y-%m') AS month, to_json(e.arguments) AS arguments,
               f.agency, f.court, f.person
        FROM events e LEFT JOIN firsts f USING (event_id) ORDER BY e.article_id, e.trigger_start""",
    "participants": "SELECT * FROM participants",
    "entities": "SELECT * EXCLUDE (aliases), to_json(aliases) AS aliases FROM entities",
}
# events is a rowid table (event_id is unique, not the primary key): Datasette always shows a
# table's primary key as its first column, and the events page starts with the date instead.
PRIMARY_KEYS = {"articles": "article_id", "mentions": "mention_id", "stories": "story_id", "entities": "entity_key"}
FOREIGN_KEYS = {
    "mentions": [("article_id", "articles", "article_id")],
    "events": [("article_id", "articles", "article_id"), ("story_id", "stories", "story_id")],
    "participants": [("article_id", "articles", "article_id"), ("mention_id", "mentions", "mention_id"),
                     ("entity_key", "entities", "entity_key")],
    "stories": [("first_article_id", "articles", "article_id")],
}
FULL_TEXT = {"events": ["sentence", "title"], "articles": ["title", "text"]}

# Shown on the events page only after "show all columns" (`make_app` hides them by default); the
# facets still use person, month, negated and modality.
EVENTS_DEFAULT_HIDDEN = (
    "person", "month", "negated", "modality", "story_id", "event_id", "event_date_source", "trigger",
    "trigger_start", "trigger_end", "sentence_index", "confidence", "rule", "arguments", "origin", "destination",
    "crime", "penalty", "date", "date_text", "published_at", "title", "url",
)


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
    db["events"].create_index(["event_id"], unique=True, if_not_exists=True)
    for name, column in (("events", "event_type"), ("events", "article_id"), ("events", "event_date"),
                         ("events", "story_id"), ("participants", "event_id"), ("participants", "entity_key"),
                         ("mentions", "article_id")):
        db[name].create_index([column], if_not_exists=True)
    db.close()
    partial.replace(db_path)
    return db_path


def _columns(table: str) -> dict[str, type]:
    """Declared column types, so an empty run still gets every column."""
    numeric = {"trigger_start", "trigger_end", "sentence_index", "start_char", "end_char", "record", "n_events",
               "n_articles", "n_sources", "n_mentions", "n_events", "negated"}
    floats = {"confidence", "lat", "lon"}
    return {c: int if c in numeric else float if c in floats else str for c in TABLES[table]["columns"]}


# Canned queries (Datasette's `queries`): what a reporter asks, each a form on its own page. A
# name matches an entity's canonical name or an alias exactly (any case), or whole words of its
# canonical name ("Xinis" finds "Paula Xinis"; "ICE" does not find "Justice").
NAME_MATCH = """(lower(n.canonical) = lower(:{p})
       OR EXISTS (SELECT 1 FROM json_each(n.aliases) WHERE lower(json_each.value) = lower(:{p}))
       OR ' ' || lower(n.canonical) || ' ' LIKE '% ' || lower(:{p}) || ' %')"""
EVENT_ROW = """e.event_date, e.event_type, e.subject, e.agent, e.adjudicator, e.court, e.agency, e.place,
       e.sentence, e.source, e.title, e.article_id, e.event_id"""
TIMELINE_ROW = "e.event_date, e.event_type, e.sentence, e.source, e.title, e.article_id, e.event_id"
EVENT_ORDER = "ORDER BY e.event_date IS NULL, e.event_date, e.published_at, e.article_id, e.trigger_start"
QUERIES: dict[str, dict[str, Any]] = {  # each has hide_sql (below) but events_per_month
    "court_orders_naming_an_agency": {
        "title": "Court orders naming an agency since a date",
        "description": "ORDER and BLOCK events (court orders and injunctions) with the agency among their "
                       "participants, from the date on (YYYY-MM-DD; empty for all), oldest first. "
                       "Try ICE, DHS or Justice Department.",
        "sql": f"""SELECT {EVENT_ROW}, group_concat(DISTINCT n.canonical) AS agency_named
FROM events e JOIN participants p ON p.event_id = e.event_id JOIN entities n ON n.entity_key = p.entity_key
WHERE e.event_type IN ('ORDER', 'BLOCK') AND n.label = 'AGENCY' AND {NAME_MATCH.format(p="agency")}
  AND (:since = '' OR e.event_date >= :since)
GROUP BY e.event_id {EVENT_ORDER}""",
    },
    "everything_about_a_person": {
        "title": "Everything about a person",
        "description": "Every event a person takes part in, by name or any spelling seen, in date order, with "
                       "the roles they play, the sentence and the source.",
        "sql": f"""SELECT group_concat(DISTINCT n.canonical) AS person, group_concat(DISTINCT p.role) AS roles, {TIMELINE_ROW}
FROM events e JOIN participants p ON p.event_id = e.event_id JOIN entities n ON n.entity_key = p.entity_key
WHERE n.label = 'PERSON' AND {NAME_MATCH.format(p="name")}
GROUP BY e.event_id {EVENT_ORDER}""",
    },
    "actions_reported_by_several_outlets": {
        "title": "Actions reported by several outlets",
        "description": "Stories (the same action across articles) reported by at least this many outlets "
                       "(empty: 2), most covered first. A story's id lists its events.",
        "sql": """SELECT s.story_id, s.event_type, s.subject, s.agent, s.adjudicator, s.first_date, s.last_date,
       s.n_sources, s.n_articles, s.sources, s.first_source, s.first_published_at, s.first_article_id
FROM stories s
WHERE s.negated = 0 AND s.n_sources >= coalesce(CAST(nullif(:min_sources, '') AS INTEGER), 2)
ORDER BY s.n_sources DESC, s.n_articles DESC, s.first_date, s.story_id""",
    },
    "entity_timeline": {
        "title": "Timeline of one entity",
        "description": "One person, agency, court, organization or place (its entity_key, as the entities "
                       "table links it): its events in date order, with the roles it plays, the sentence and "
                       "the source.",
        "sql": f"""SELECT (SELECT canonical FROM entities WHERE entity_key = :entity_key) AS entity,
       group_concat(DISTINCT p.role) AS roles, {TIMELINE_ROW}
FROM events e JOIN participants p ON p.event_id = e.event_id
WHERE p.entity_key = :entity_key
GROUP BY e.event_id {EVENT_ORDER}""",
    },
    "events_per_month": {
        "hide_sql": False,
        "title": "Events per month and type",
        "description": "Counts by the month of event_date; the chart is on the overview dashboard.",
        "sql": "SELECT month, event_type, count(*) AS n FROM events WHERE month IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
    },
}


for _query in QUERIES.values():
    _query.setdefault("hide_sql", True)


def dashboards(db_name: str = DB_NAME) -> dict[str, Any]:
    """The datasette-dashboards configuration: events per month by type, and a map of the places
    with coordinates (tiles come from OpenStreetMap; offline the map stays empty)."""
    return {"overview": {
        "title": "Overview: events per month, and where",
        "description": "Court actions per month (by event_date) and type, and the places with known coordinates.",
        "layout": [["n-events", "n-articles", "n-stories"], ["per-month", "per-month", "per-month"],
                   ["places", "places", "places"]],
        "charts": {
            "n-events": {"title": "Events", "db": db_name, "library": "metric",
                         "query": "SELECT count(*) AS n FROM events", "display": {"field": "n"}},
            "n-articles": {"title": "Articles", "db": db_name, "library": "metric",
                           "query": "SELECT count(*) AS n FROM articles", "display": {"field": "n"}},
            "n-stories": {"title": "Stories in several outlets", "db": db_name, "library": "metric",
                          "query": "SELECT count(*) AS n FROM stories WHERE n_sources > 1", "display": {"field": "n"}},
            "per-month": {
                "title": "Events per month, by type", "db": db_name, "library": "vega-lite",
                "query": QUERIES["events_per_month"]["sql"],
                "display": {"mark": {"type": "bar", "tooltip": True},
                            "encoding": {"x": {"field": "month", "type": "ordinal", "title": "month"},
                                         "y": {"field": "n", "type": "quantitative", "aggregate": "sum",
                                               "title": "events"},
                                         "color": {"field": "event_type", "type": "nominal", "title": "type"}}},
            },
            "places": {
                "title": "Places with coordinates (events they take part in)", "db": db_name, "library": "map",
                "query": "SELECT canonical AS place, n_events, n_articles, lat AS latitude, lon AS longitude "
                         "FROM entities WHERE label = 'PLACE' AND lat IS NOT NULL ORDER BY n_events DESC",
            },
        },
    }}


def _details(columns: dict[str, str]) -> str:
    rows = "".join(f"<dt><code>{html.escape(c)}</code></dt><dd>{html.escape(d)}</dd>" for c, d in columns.items())
    return (f'<details class="column-meanings" id="column-meanings"><summary>What the {len(columns)} columns '
            f'mean</summary><dl class="column-descriptions">{rows}</dl></details>')


def metadata(title: str = "legalnews run", db_name: str = DB_NAME) -> dict[str, Any]:
    """Datasette metadata: every table's description, its columns' meanings (as `columns_html`, a
    collapsed block the page template puts below the rows), its facets and sort; the canned
    queries; the dashboard. `TABLES` holds the descriptions."""
    base = f"/{db_name}"
    links = (f'<a href="{base}/entities">people, agencies, courts and places</a> (each with its timeline) · '
             f'<a href="/-/dashboards/overview">chart and map</a> · questions: '
             + " · ".join(f'<a href="{base}/{name}">{html.escape(q["title"].lower())}</a>'
                          for name, q in QUERIES.items() if name not in ("entity_timeline", "events_per_month")))
    tables = {}
    for name, spec in TABLES.items():
        described = {k: v for k, v in spec.items() if k not in ("columns", "description")}
        intro = f"<p>{html.escape(spec['description'])}</p>"
        described["description_html"] = intro + (f'<p class="legalnews-links">{links}</p>' if name == "events" else "")
        described["columns_html"] = _details(spec["columns"])
        tables[name] = described
    tables["events"] |= {"fts_table": "events_fts"}
    return {
        "title": title,
        "description_html": "<p>Court actions extracted from legal news by legalnews. Start with "
                            f'<a href="{base}/events">events</a>; each row links to its article and story.</p>'
                            f"<p>{links}</p>",
        "databases": {db_name: {"tables": tables, "queries": QUERIES}},
        "plugins": {"datasette-dashboards": dashboards(db_name)},
    }


def _hide_technical_columns(app, db_name: str):
    """ASGI middleware: the events page (HTML only) hides `EVENTS_DEFAULT_HIDDEN` unless the URL
    has `_all=1` or picks its own columns with `_col`.

    Datasette 0.65 has no setting for a table's default columns (only `?_col=`/`?_nocol=` per
    request), so this adds `_nocol` for them to the request as Datasette receives it; facet,
    sort and page links keep the state. The page template links to `_all=1` and back, using
    `scope["legalnews"]`.
    """
    path = f"/{db_name}/events"

    async def middleware(scope, receive, send):
        if scope.get("type") == "http" and scope.get("path") == path:
            pairs = urllib.parse.parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
            keys = {k for k, _ in pairs}
            kept = [(k, v) for k, v in pairs if k != "_all" and not (k == "_nocol" and v in EVENTS_DEFAULT_HIDDEN)]
            if "_all" in keys:
                given = kept + [("_all", "1")]
            elif "_col" in keys:
                given = pairs
            else:
                given = kept + [("_nocol", c) for c in EVENTS_DEFAULT_HIDDEN]
            scope = dict(scope, query_string=urllib.parse.urlencode(given).encode("latin-1"), legalnews={
                "showing_all": "_all" in keys or "_col" in keys,
                "show_all": f"{path}?{urllib.parse.urlencode(kept + [('_all', '1')])}",
                "hide": f"{path}?{urllib.parse.urlencode(kept)}".rstrip("?"),
                "n_hidden": len(EVENTS_DEFAULT_HIDDEN)})
        await app(scope, receive, send)

    return middleware


def make_app(db_path: Path, title: str = "legalnews run"):
    """The Datasette ASGI app over an exported file, opened immutable (read-only).

    Datasette prints every exception with `rich`, locals included, when rich is installed (it is
    ours): a refused write or a typo in the SQL box would fill the console with pages of
    traceback. Without rich it answers 4xx errors quietly and still prints a plain traceback for
    a real 500.
    """
    from datasette.app import Datasette  # first: it registers the default plugins, handle_exception among them
    from datasette import handle_exception
    from datasette.plugins import pm

    from . import serve_plugin

    handle_exception.rich = None
    if not pm.is_registered(serve_plugin):
        pm.register(serve_plugin, name="legalnews")

    db_name = Path(db_path).stem
    datasette = Datasette(immutables=[str(db_path)], metadata=metadata(title, db_name),
                          template_dir=str(TEMPLATES),
                          settings={"sql_time_limit_ms": 5000, "facet_time_limit_ms": 1000,
                                    "suggest_facets": False, "default_facet_size": 4})
    return _hide_technical_columns(datasette.app(), db_name)


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001, title: str = "legalnews run") -> None:
    """Serve an exported database (see `export_sqlite`) until interrupted."""
    import uvicorn

    uvicorn.run(make_app(db_path, title), host=host, port=port, log_level="warning")


__all__ = ["export_sqlite", "metadata", "make_app", "serve", "default_db_path", "TABLES", "QUERIES",
           "EVENTS_DEFAULT_HIDDEN", "dashboards"]
