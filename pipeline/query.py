"""Query a run: DuckDB views over its Parquet tables, name matching, event search and read-only SQL.

DuckDB reads the Parquet files where they lie, so a query over a large run loads only the
columns and rows it needs. Every reader of a run (the CLI, `load_run`, timelines, stories, the
SQLite export) goes through `connect`, so the derived columns (`event_date`, participants,
entities) are defined once, in the SQL below.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:  # pandas is imported where a DataFrame is made: `extract` publishes a run without it
    import pandas as pd

from .courts import circuit_name
from .errors import LegalNewsError
from .records import ENTITY_LABELS, EVENT_TYPES

RUN_TABLES = ("articles", "mentions", "events", "rejects", "stories", "entities")
NAME_LABELS = ("PERSON", "AGENCY", "COURT", "ORGANIZATION", "PLACE")
READ_ONLY_STATEMENTS = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


class NotARun(LegalNewsError):
    def __init__(self, path: Path):
        super().__init__(f"{path} is not a legalnews run folder (no events.parquet); "
                         f"create one with `legalnews extract INPUTS --out {path}`")


class QueryError(LegalNewsError):
    """A filter or SQL statement that cannot be run; the message says what to change."""


# Case-, accent- and punctuation-insensitive form of a name: "The O.C.G." -> "o c g", "Ñúñez" -> "nunez".
# `normalize_name` below is the same function in Python; tests keep the two in step.
MACROS = r"""
CREATE MACRO norm(s) AS regexp_replace(
    trim(regexp_replace(lower(strip_accents(s)), '[^\p{L}\p{N}]+', ' ', 'g')), '^the ', '');
CREATE MACRO timex_day(v) AS CASE
    WHEN regexp_full_match(v, '\d{4}-\d{2}-\d{2}') THEN try_cast(v AS DATE)
    WHEN regexp_full_match(v, '\d{4}-\d{2}') THEN try_cast(v || '-01' AS DATE)
    WHEN regexp_full_match(v, '\d{4}') THEN try_cast(v || '-01-01' AS DATE) END;
"""

# `events` adds the article's provenance and `event_date`: the event's own date (its `time`
# argument's value, to the first day of a month or year) when the article gives one, else the
# publication date, which is when the reported action had at the latest happened.
VIEWS = """
CREATE VIEW articles AS SELECT * FROM read_parquet({articles});
CREATE VIEW mentions AS SELECT * FROM read_parquet({mentions});
CREATE VIEW rejects AS SELECT * FROM read_parquet({rejects});
CREATE VIEW events AS
SELECT e.*,
       coalesce(timex_day(e.date), try_cast(left(a.published_at, 10) AS DATE)) AS event_date,
       CASE WHEN timex_day(e.date) IS NOT NULL THEN 'event'
            WHEN try_cast(left(a.published_at, 10) AS DATE) IS NOT NULL THEN 'published' END AS event_date_source,
       a.published_at, a.source, a.title, a.url
FROM read_parquet({events}) e LEFT JOIN (SELECT article_id, published_at, source, title, url FROM articles) a
  USING (article_id);
CREATE VIEW participants AS
SELECT e.event_id, e.article_id, e.event_type, u.arg.role AS role, u.arg.text AS text,
       u.arg.start_char AS start_char, u.arg.end_char AS end_char, u.arg.mention_id AS mention_id,
       coalesce(u.arg.canonical, m.canonical) AS canonical, m.label AS label, m.entity_key AS entity_key
FROM read_parquet({events}) e CROSS JOIN UNNEST(e.arguments) AS u(arg)
LEFT JOIN (SELECT mention_id, label, canonical, entity_key FROM mentions) m ON m.mention_id = u.arg.mention_id;
"""

# One row per entity (`entity_key`) of the names' labels: the canonical name most of its mentions
# give (ties: the longer, then the first alphabetically), every spelling seen, how many mentions,
# articles and events, and the first and last day the run has for it (its events' `event_date`s
# and the publication dates of the articles naming it), and a PLACE's coordinates. Written as the
# `entities` table when a run is published (pipeline/entity_table.py); a run from before that
# gets the same rows from this view.
ENTITIES_SQL = """
WITH m AS (SELECT * FROM mentions WHERE entity_key IS NOT NULL AND label IN {name_labels}),
names AS (SELECT entity_key, canonical, count(*) AS n FROM m WHERE canonical IS NOT NULL GROUP BY ALL),
best AS (SELECT entity_key, first(canonical ORDER BY n DESC, length(canonical) DESC, canonical) AS canonical
         FROM names GROUP BY entity_key),
ev AS (SELECT p.entity_key, count(DISTINCT p.event_id) AS n_events, min(e.event_date) AS first_event,
              max(e.event_date) AS last_event
       FROM participants p JOIN events e USING (event_id) WHERE p.entity_key IS NOT NULL GROUP BY 1),
pub AS (SELECT m.entity_key, min(try_cast(left(a.published_at, 10) AS DATE)) AS first_pub,
               max(try_cast(left(a.published_at, 10) AS DATE)) AS last_pub
        FROM m JOIN articles a USING (article_id) GROUP BY 1)
SELECT m.entity_key, first(m.label ORDER BY m.mention_id) AS label, any_value(best.canonical) AS canonical,
       list_sort(list(DISTINCT m.text)) AS aliases, count(*) AS n_mentions,
       count(DISTINCT m.article_id) AS n_articles, coalesce(any_value(ev.n_events), 0) AS n_events,
       strftime(least(any_value(ev.first_event), any_value(pub.first_pub)), '%Y-%m-%d') AS first_date,
       strftime(greatest(any_value(ev.last_event), any_value(pub.last_pub)), '%Y-%m-%d') AS last_date,
       first(m.lat ORDER BY m.mention_id) FILTER (WHERE m.lat IS NOT NULL) AS lat,
       first(m.lon ORDER BY m.mention_id) FILTER (WHERE m.lat IS NOT NULL) AS lon
FROM m LEFT JOIN best USING (entity_key) LEFT JOIN ev USING (entity_key) LEFT JOIN pub USING (entity_key)
GROUP BY m.entity_key ORDER BY m.entity_key
"""


def normalize_name(name: str) -> str:
    """Python twin of the SQL `norm` macro, for names given on the command line or in tests."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", name.lower()) if not unicodedata.combining(c))
    words = re.sub(r"[^\w]+|_", " ", stripped).strip()
    return words[4:] if words.startswith("the ") else words


def run_folder(run: Path | str) -> Path:
    path = Path(run)
    if not (path / "events.parquet").is_file():
        raise NotARun(path)
    return path


def connect(run: Path | str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the run's tables as views (`articles`, `mentions`, `events`,
    `rejects`, `stories` and `entities` when written, and the derived `participants`; a run without
    an entities table gets the same rows computed).

    The connection may read only the run's own Parquet files and no other file, so SQL typed by a
    user cannot reach the rest of the disk.
    """
    path = run_folder(run).resolve()
    con = duckdb.connect()
    files = {name: path / f"{name}.parquet" for name in RUN_TABLES}
    con.execute(MACROS)
    con.execute(VIEWS.format(**{name: _sql_str(files[name]) for name in ("articles", "mentions", "events", "rejects")}))
    if files["stories"].is_file():
        con.execute(f"CREATE VIEW stories AS SELECT * FROM read_parquet({_sql_str(files['stories'])})")
    if files["entities"].is_file():
        con.execute(f"CREATE VIEW entities AS SELECT * FROM read_parquet({_sql_str(files['entities'])})")
    else:  # a run published before the entities table existed
        con.execute(f"CREATE VIEW entities AS {ENTITIES_SQL.format(name_labels=str(NAME_LABELS))}")
    readable = [str(f) for f in files.values() if f.is_file()]
    con.execute(f"SET allowed_paths = {readable!r}")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


def _sql_str(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def sql(run: Path | str, statement: str, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Run one read-only statement (SELECT, WITH … SELECT, EXPLAIN, DESCRIBE, SUMMARIZE) against the run's views."""
    try:
        statements = duckdb.extract_statements(statement)
    except duckdb.Error as err:
        raise QueryError(f"cannot parse SQL: {err}") from err
    if len(statements) != 1:
        raise QueryError(f"give exactly one statement (got {len(statements)})")
    if statements[0].type not in READ_ONLY_STATEMENTS:
        raise QueryError(f"only read-only queries (SELECT, EXPLAIN, DESCRIBE) are allowed, not {statements[0].type.name}")
    con = con or connect(run)
    try:
        return con.sql(statement).df()
    except duckdb.Error as err:
        raise QueryError(str(err).splitlines()[0]) from err


@dataclass(frozen=True)
class NameFilter:
    """Events with a participant named `name`; `label` (PERSON, AGENCY, …) narrows which entities count."""

    name: str
    label: str | None = None

    def __post_init__(self):
        if not normalize_name(self.name):
            raise QueryError(f"name {self.name!r} has no letters or digits to match")
        if self.label is not None and self.label not in ENTITY_LABELS:
            raise QueryError(f"unknown label {self.label!r}; use one of {', '.join(NAME_LABELS)}")


@dataclass(frozen=True)
class EventQuery:
    """What `find_events` selects; every given filter must hold (types: any of them)."""

    names: tuple[NameFilter, ...] = ()
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    text: str | None = None
    limit: int | None = None

    def __post_init__(self):
        unknown = [t for t in self.types if t not in EVENT_TYPES]
        if unknown:
            raise QueryError(f"unknown event type {', '.join(unknown)}; use one of {', '.join(EVENT_TYPES)}")


def parse_day(value: str, end: bool = False) -> date:
    """`2025`, `2025-06` or `2025-06-04` as a day: the first of the period, or its last with `end`."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not match:
        raise QueryError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = int(match[1]), match[2], match[3]
    try:
        if day:
            return date(year, int(month), int(day))
        if month:
            first = date(year, int(month), 1)
            import pandas as pd

            return (pd.Timestamp(first) + pd.offsets.MonthEnd(0)).date() if end else first
        return date(year, 12, 31) if end else date(year, 1, 1)
    except ValueError as err:
        raise QueryError(f"date {value!r}: {err}") from err


def matching_entities(con: duckdb.DuckDBPyConnection, name: NameFilter) -> list[str]:
    """entity_keys named `name.name`: by canonical name or any alias; failing that, entities whose
    canonical name contains all its words ("Xinis" finds "Paula Xinis", "ICE" stays exact).
    A circuit in any spelling ("4th Circuit", "Fourth Cir.") is first read as the canonical court."""
    norm = normalize_name(name.name)
    circuit = circuit_name(name.name) if name.label in (None, "COURT") and "cir" in norm else None
    if circuit:
        norm = normalize_name(circuit)
    label_clause = "AND label = $label" if name.label else ""
    params = {"norm": norm} | ({"label": name.label} if name.label else {})
    exact = con.execute(f"""SELECT entity_key FROM entities
        WHERE (norm(canonical) = $norm OR list_contains(list_transform(aliases, lambda x: norm(x)), $norm))
              {label_clause}
        ORDER BY entity_key""", params).fetchall()
    if exact:
        return [k for (k,) in exact]
    params = {"words": norm.split()} | ({"label": name.label} if name.label else {})
    loose = con.execute(f"""SELECT entity_key FROM entities
        WHERE list_has_all(string_split(norm(canonical), ' '), $words) {label_clause} ORDER BY entity_key""",
                        params).fetchall()
    return [k for (k,) in loose]


def _participant_clause(con: duckdb.DuckDBPyConnection, name: NameFilter, index: int, params: dict) -> str:
    """SQL selecting event_ids one of whose arguments is the named entity, with the roles it plays.

    An argument linked to a mention counts through the mention's entity (so its label is known);
    an argument with no mention (a resolved pronoun, a description) counts when its own canonical
    name or text is the name.
    """
    keys = matching_entities(con, name)
    params[f"keys{index}"] = keys or [""]
    params[f"norm{index}"] = normalize_name(name.name)
    return f"""SELECT event_id, list(DISTINCT role) AS roles FROM participants
        WHERE entity_key IN (SELECT unnest($keys{index}))
           OR (mention_id IS NULL AND (norm(canonical) = $norm{index} OR norm(text) = $norm{index}))
        GROUP BY event_id"""


EVENT_COLUMNS = """e.event_id, e.article_id, e.event_type, e.event_date, e.event_date_source, e.date, e.trigger,
    e.negated, e.modality, array_to_string(list_transform(list_filter(e.arguments, lambda a: a.role <> 'time'),
        lambda a: a.role || ': ' || coalesce(a.canonical, a.text)), '; ') AS participants,
    e.sentence, e.title, e.source, e.url, e.published_at, e.trigger_start"""


def find_events(run: Path | str, query: EventQuery, con: duckdb.DuckDBPyConnection | None = None) -> pd.DataFrame:
    """Events matching `query`, in date order, with their participants, sentence and article.

    `roles` lists the roles the named participants play (empty without name filters).
    """
    con = con or connect(run)
    params: dict = {}
    joins, where = [], []
    role_lists = []
    for i, name in enumerate(query.names):
        joins.append(f"JOIN ({_participant_clause(con, name, i, params)}) p{i} USING (event_id)")
        role_lists.append(f"p{i}.roles")
    if query.types:
        params["types"] = list(query.types)
        where.append("e.event_type IN (SELECT unnest($types))")
    if query.since:
        params["since"] = parse_day(query.since)
        where.append("e.event_date >= $since")
    if query.until:
        params["until"] = parse_day(query.until, end=True)
        where.append("e.event_date <= $until")
    if query.text:
        words = normalize_name(query.text).split()
        if not words:
            raise QueryError(f"--text {query.text!r} has no words to search")
        params["words"] = words
        where.append("list_has_all(string_split(norm(e.sentence), ' '), $words)")
    roles = f"list_sort(list_distinct(flatten([{', '.join(role_lists)}])))" if role_lists else "[]::VARCHAR[]"
    statement = f"""SELECT {EVENT_COLUMNS}, {roles} AS roles FROM events e {' '.join(joins)}
        {'WHERE ' + ' AND '.join(where) if where else ''}
        ORDER BY e.event_date NULLS LAST, e.published_at, e.article_id, e.trigger_start, e.event_id
        {f'LIMIT {int(query.limit)}' if query.limit else ''}"""
    frame = con.execute(statement, params).df()
    return frame.drop(columns=["trigger_start"])
