"""The `entities` table: one row per entity of a run, written when the run is published.

It is derived from the finished `mentions` and `events` tables after `cross_article` has given
each person one `entity_key` across the run, so a judge written "Drew Tipton" in one story and
"Judge Tipton" in another is one row. The rows are `ENTITIES_SQL` in `pipeline/query.py`, which
also stands in as a view for runs published before this table existed.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .query import ENTITIES_SQL, NAME_LABELS, connect
from .writers import TableWriter

if TYPE_CHECKING:
    import duckdb


def write_entities(out: Path, con: duckdb.DuckDBPyConnection | None = None) -> int:
    """Write `entities.jsonl` and `entities.parquet` into a run folder whose mentions and events are
    final (read through `con`, a `connect(out)` made once they were, when given); returns the row count."""
    out = Path(out)
    for name in ("entities.parquet", "entities.jsonl"):
        (out / name).unlink(missing_ok=True)  # the view below must not read an older table
    con = con or connect(out)  # ENTITIES_SQL reads mentions, events and articles, never an entities table
    cursor = con.execute(ENTITIES_SQL.format(name_labels=str(NAME_LABELS)))
    names = [d[0] for d in cursor.description]
    writer = TableWriter(out, "entities")
    try:
        while batch := cursor.fetchmany(2000):
            writer.write(dict(zip(names, values)) for values in batch)
    except BaseException:
        writer.abort()
        raise
    writer.close()
    return writer.rows


__all__ = ["write_entities"]
