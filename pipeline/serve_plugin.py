"""Datasette plugin hooks for `legalnews serve` (registered by `pipeline.serve.make_app`).

`render_cell` turns ids into links a reader can follow: an entity (its `entity_key`, or its name on
the entities page) to its timeline, a story to its events, an event id to the event, and a
headline in a canned query's results to its article.
"""
from __future__ import annotations

import json
import urllib.parse

from datasette import hookimpl
from markupsafe import Markup, escape


def _link(href: str, text: str) -> Markup:
    return Markup(f'<a href="{escape(href)}">{escape(text)}</a>')


def _keys(row) -> set[str]:
    try:
        return set(row.keys())
    except AttributeError:
        return set()


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    if value is None or value == "":
        return None
    db = datasette.urls.database(database)
    keys = _keys(row)
    if column == "entity_key" or (table == "entities" and column == "canonical" and "entity_key" in keys):
        key = value if column == "entity_key" else row["entity_key"]
        return _link(f"{db}/entity_timeline?{urllib.parse.urlencode({'entity_key': key})}", str(value))
    if column == "story_id" and table != "events":
        return _link(f"{db}/events?{urllib.parse.urlencode({'story_id': value, '_sort': 'event_date'})}", str(value))
    if column in ("event_id", "first_event_id") and table != "events":
        return _link(f"{db}/events?{urllib.parse.urlencode({'event_id': value, '_all': '1'})}", str(value))
    if table == "stories" and column == "event_ids":
        try:
            ids = json.loads(value)
        except (TypeError, ValueError):
            return None
        return Markup(", ").join(
            _link(f"{db}/events?{urllib.parse.urlencode({'event_id': i, '_all': '1'})}", i) for i in ids)
    if table is None and column == "title" and "article_id" in keys and row["article_id"]:
        return _link(f"{db}/articles/{urllib.parse.quote(str(row['article_id']), safe='')}", str(value))
    return None
