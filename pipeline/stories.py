"""Stories: one real-world court action reported by several articles (or mentioned again in one).

Events become one story when they have the same type and polarity, the same main participant
(the subject, by its entity across the run, else its normalized canonical name), agents and adjudicators that do not disagree (the
same, or missing on one side), and compatible dates. An agency, place or organization as subject
("ordered ICE to ...") needs a shared agent or adjudicator too, and without a known subject the
adjudicator and agent must be the same: an agency alone says too little. This is what
GDELT's NumArticles and NumSources count for its events, done here for court actions; a story
knows its articles, its sources and its first report.

Dates are compared as intervals: an event dated by the article covers its day, month or year; an
undated event happened at the latest on the article's publication day and, as news goes, within
`REPORT_LAG_DAYS` before it. Events with neither subject nor adjudicator stay stories of their own.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb

from .query import connect
from .writers import TableWriter

REPORT_LAG_DAYS = 14
MAIN_ROLES = ("subject", "agent", "adjudicator")
BROAD_SUBJECTS = ("AGENCY", "PLACE", "ORGANIZATION")  # "ordered ICE to ...": too common to name one action

# One row per event with its main participants: the first argument of each main role that names
# someone (a canonical name, or a linked mention); unresolved pronouns ("he") name no one.
EVENTS_FOR_STORIES = """
WITH main AS (
    SELECT event_id, role, arg_min(norm(coalesce(regexp_extract(entity_key, ':(.*)$', 1), canonical)), start_char) AS ident,
           arg_min(canonical, start_char) AS name,
           arg_min(label, start_char) AS label
    FROM participants WHERE role IN ('subject', 'agent', 'adjudicator') AND canonical IS NOT NULL
    GROUP BY event_id, role)
SELECT e.event_id, e.article_id, e.event_type, e.negated, e.date, e.event_date, e.event_date_source,
       e.published_at, e.source,
       s.ident AS subject_id, s.name AS subject, s.label AS subject_label, a.ident AS agent_id, a.name AS agent,
       j.ident AS adjudicator_id, j.name AS adjudicator
FROM events e
LEFT JOIN main s ON s.event_id = e.event_id AND s.role = 'subject'
LEFT JOIN main a ON a.event_id = e.event_id AND a.role = 'agent'
LEFT JOIN main j ON j.event_id = e.event_id AND j.role = 'adjudicator'
ORDER BY e.event_date NULLS LAST, e.published_at NULLS LAST, e.article_id, e.trigger_start, e.event_id
"""


def date_interval(row: dict[str, Any]) -> tuple[date, date]:
    """The days the event may have happened on (see the module docstring)."""
    day = row["event_date"]
    if day is None:
        return date.min, date.max
    if row["event_date_source"] == "published":
        return day - timedelta(days=REPORT_LAG_DAYS), day
    value = row["date"] or ""
    if len(value) == 4:
        return day, date(day.year, 12, 31)
    if len(value) == 7:
        next_month = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
        return day, next_month - timedelta(days=1)
    return day, day


LINKING_ROLES = ("agent", "adjudicator")  # a story's events never disagree on these


@dataclass
class Story:
    """Events grouped as one real-world action; `event_rows` are in date order, the first report first."""

    event_rows: list[dict[str, Any]] = field(default_factory=list)
    start: date = date.max
    end: date = date.min
    known: dict[str, set[str]] = field(default_factory=lambda: {role: set() for role in LINKING_ROLES})

    def accepts(self, row: dict[str, Any], interval: tuple[date, date]) -> bool:
        first = self.event_rows[0]
        if first["subject_id"] is None:
            same = all(row[f"{r}_id"] == first[f"{r}_id"] for r in LINKING_ROLES)
            return same and self._overlaps(interval)
        shared = False
        for role in LINKING_ROLES:
            known, value = self.known[role], row[f"{role}_id"]
            if value is not None and known and value not in known:
                return False
            shared = shared or value in known
        if first["subject_label"] in BROAD_SUBJECTS and not shared:
            return False
        return self._overlaps(interval)

    def _overlaps(self, interval: tuple[date, date]) -> bool:
        return interval[0] <= self.end and self.start <= interval[1]

    def add(self, row: dict[str, Any], interval: tuple[date, date]) -> None:
        self.event_rows.append(row)
        for role in LINKING_ROLES:
            if row[f"{role}_id"] is not None:
                self.known[role].add(row[f"{role}_id"])
        self.start, self.end = min(self.start, interval[0]), max(self.end, interval[1])

    def as_row(self) -> dict[str, Any]:
        rows = self.event_rows
        first = min(rows, key=lambda r: (r["published_at"] is None, r["published_at"] or "", r["article_id"]))
        dates = sorted(r["event_date"] for r in rows if r["event_date"] is not None)
        articles = list(dict.fromkeys(r["article_id"] for r in rows))
        sources = sorted({r["source"] for r in rows if r["source"]})
        return {
            "story_id": "S" + hashlib.sha256(first["event_id"].encode()).hexdigest()[:12],
            "event_type": first["event_type"], "negated": bool(first["negated"]),
            **{role: next((r[role] for r in rows if r[role]), None) for role in MAIN_ROLES},
            "first_date": dates[0].isoformat() if dates else None,
            "last_date": dates[-1].isoformat() if dates else None,
            "n_events": len(rows), "n_articles": len(articles), "n_sources": len(sources),
            "first_article_id": first["article_id"], "first_source": first["source"],
            "first_published_at": first["published_at"], "first_event_id": first["event_id"],
            "event_ids": [r["event_id"] for r in rows], "article_ids": articles, "sources": sources,
        }


def build_stories(run: Path | str, con: duckdb.DuckDBPyConnection | None = None) -> list[dict[str, Any]]:
    """Every event of the run in exactly one story; rows follow the `stories` table schema."""
    con = con or connect(run)
    cursor = con.execute(EVENTS_FOR_STORIES)
    names = [d[0] for d in cursor.description]
    groups: dict[tuple, list[Story]] = {}
    singles: list[Story] = []
    for values in cursor.fetchall():
        row = dict(zip(names, values))
        interval = date_interval(row)
        if not (row["subject_id"] or row["adjudicator_id"]):
            story = Story()
            story.add(row, interval)
            singles.append(story)
            continue
        key = (row["event_type"], row["negated"], row["subject_id"])
        if row["subject_id"] is None:  # such a story takes only events of its first one's agent and adjudicator
            key += tuple(row[f"{role}_id"] for role in LINKING_ROLES)
        stories = groups.setdefault(key, [])
        story = next((s for s in stories if s.accepts(row, interval)), None)
        if story is None:
            story = Story()
            stories.append(story)
        story.add(row, interval)
    everything = [s for stories in groups.values() for s in stories] + singles
    rows = [s.as_row() for s in everything]
    return sorted(rows, key=lambda r: (r["first_date"] or "9999", r["first_event_id"]))


def write_stories(out: Path, con: duckdb.DuckDBPyConnection | None = None) -> int:
    """Write `stories.jsonl` and `stories.parquet` into a finished run folder (read through `con`, a
    `connect(out)`, when given); returns the row count."""
    rows = build_stories(out, con)
    writer = TableWriter(Path(out), "stories")
    try:
        writer.write(rows)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return writer.rows


def story_of_event(stories: list[dict[str, Any]]) -> dict[str, str]:
    """event_id -> story_id, to put the story on each event row (API, SQLite export)."""
    return {event: s["story_id"] for s in stories for event in s["event_ids"]}


def list_stories(run: Path | str, min_articles: int = 1) -> list[dict[str, Any]]:
    """The run's stories (the table when the run wrote one, else computed), most reported first."""
    folder = Path(run)
    con = connect(folder)
    if (folder / "stories.parquet").is_file():
        cursor = con.execute("SELECT * FROM stories")
        names = [d[0] for d in cursor.description]
        rows = [dict(zip(names, values)) for values in cursor.fetchall()]
    else:
        rows = build_stories(folder, con)
    rows = [r for r in rows if r["n_articles"] >= min_articles]
    return sorted(rows, key=lambda r: (-r["n_articles"], -r["n_sources"], r["first_date"] or "9999", r["story_id"]))


__all__ = ["REPORT_LAG_DAYS", "build_stories", "write_stories", "list_stories", "story_of_event", "Story",
           "date_interval"]
