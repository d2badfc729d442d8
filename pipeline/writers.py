"""Writers: each table as JSONL and Parquet with the same rows, written atomically.

Rows stream in batches (Parquet row groups), so memory does not grow with the dump. Both files
are written under temporary names and renamed only when complete: a killed run never leaves a
table that looks finished.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Iterable, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.json as pa_json
import pyarrow.parquet as pq

ARGUMENT = pa.struct([
    ("role", pa.string()), ("text", pa.string()), ("start_char", pa.int64()), ("end_char", pa.int64()),
    ("mention_id", pa.string()), ("canonical", pa.string()), ("source", pa.string()), ("confidence", pa.float64()),
])

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("url", pa.string()),
        ("source", pa.string()), ("published_at", pa.string()), ("published_at_raw", pa.string()),
        ("source_file", pa.string()), ("record", pa.int64()), ("input_format", pa.string()),
        ("content_sha256", pa.string()),
    ]),
    "mentions": pa.schema([
        ("article_id", pa.string()), ("mention_id", pa.string()), ("label", pa.string()), ("text", pa.string()),
        ("start_char", pa.int64()), ("end_char", pa.int64()), ("sentence_index", pa.int64()),
        ("canonical", pa.string()), ("entity_key", pa.string()), ("source_label", pa.string()),
        ("rule", pa.string()), ("role", pa.string()), ("nationality", pa.string()), ("court_id", pa.string()),
        ("country_code", pa.string()), ("admin1", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("timex_type", pa.string()), ("value", pa.string()), ("citation", pa.string()),
    ]),
    "events": pa.schema([
        ("article_id", pa.string()), ("event_id", pa.string()), ("event_type", pa.string()),
        ("trigger", pa.string()), ("trigger_start", pa.int64()), ("trigger_end", pa.int64()),
        ("sentence", pa.string()), ("sentence_index", pa.int64()), ("negated", pa.bool_()),
        ("modality", pa.string()), ("confidence", pa.float64()), ("rule", pa.string()),
        ("arguments", pa.list_(ARGUMENT)),
        ("agent", pa.string()), ("subject", pa.string()), ("adjudicator", pa.string()), ("place", pa.string()),
        ("origin", pa.string()), ("destination", pa.string()), ("crime", pa.string()), ("penalty", pa.string()),
        ("date", pa.string()), ("date_text", pa.string()),
    ]),
    "rejects": pa.schema([
        ("source_file", pa.string()), ("line", pa.int64()), ("reason", pa.string()), ("detail", pa.string()),
        ("record_id", pa.string()),
    ]),
    "stories": pa.schema([
        ("story_id", pa.string()), ("event_type", pa.string()), ("negated", pa.bool_()),
        ("subject", pa.string()), ("agent", pa.string()), ("adjudicator", pa.string()),
        ("first_date", pa.string()), ("last_date", pa.string()), ("n_events", pa.int64()),
        ("n_articles", pa.int64()), ("n_sources", pa.int64()), ("first_article_id", pa.string()),
        ("first_source", pa.string()), ("first_published_at", pa.string()), ("first_event_id", pa.string()),
        ("event_ids", pa.list_(pa.string())), ("article_ids", pa.list_(pa.string())),
        ("sources", pa.list_(pa.string())),
    ]),
    "entities": pa.schema([
        ("entity_key", pa.string()), ("label", pa.string()), ("canonical", pa.string()),
        ("aliases", pa.list_(pa.string())), ("n_mentions", pa.int64()), ("n_articles", pa.int64()),
        ("n_events", pa.int64()), ("first_date", pa.string()), ("last_date", pa.string()),
        ("lat", pa.float64()), ("lon", pa.float64()),
    ]),
}
# Written from the finished tables (pipeline/stories.py, pipeline/entity_table.py), not per batch.
DERIVED_TABLES = ("stories", "entities")
TABLES = tuple(name for name in SCHEMAS if name not in DERIVED_TABLES)


_encode = json.JSONEncoder(ensure_ascii=False).encode  # one JSON Lines row: json.dumps' format, one encoder


def arrow_table(jsonl: str, schema: pa.Schema, rows: list[dict[str, Any]]) -> pa.Table:
    """The Arrow table of `rows`, read by Arrow's JSON reader from `jsonl` (the same rows as JSON Lines).

    pyarrow's conversion of Python objects (`Table.from_pylist`) imports pandas to check whether they
    are pandas objects: a quarter of a second at the start of every process. The JSON reader does not;
    a batch it cannot read into exactly `schema` (a NaN, which JSON cannot hold) is converted as before."""
    if not rows:
        return schema.empty_table()
    data = jsonl.encode("utf-8")
    try:
        table = pa_json.read_json(
            pa.BufferReader(data), read_options=pa_json.ReadOptions(use_threads=False, block_size=len(data) + 1),
            parse_options=pa_json.ParseOptions(explicit_schema=schema, unexpected_field_behavior="ignore"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        table = None
    if table is None or table.num_rows != len(rows) or not table.schema.equals(schema):
        table = pa.Table.from_pylist(rows, schema=schema)
    return table


def string_array(values: Sequence[str]) -> pa.StringArray:
    """An Arrow string array of `values` (no nulls), built from its offsets and UTF-8 data.

    `pa.array` imports pandas on its first call (to test for pandas objects), a quarter of a second in
    a process that has no other use for it; assembling the array's two buffers needs no conversion."""
    data = [value.encode("utf-8") for value in values]
    offsets = np.zeros(len(data) + 1, dtype=np.int32)
    np.cumsum([len(item) for item in data], out=offsets[1:])
    return pa.StringArray.from_buffers(len(data), pa.py_buffer(offsets), pa.py_buffer(b"".join(data)))


def _partial(path: Path) -> Path:
    return path.with_name(path.name + ".partial")


class TableWriter:
    """Appends rows to NAME.jsonl and NAME.parquet under `folder`; `close()` publishes both."""

    def __init__(self, folder: Path, name: str):
        self.name = name
        self.schema = SCHEMAS[name]
        self.jsonl_path = folder / f"{name}.jsonl"
        self.parquet_path = folder / f"{name}.parquet"
        self.names = tuple(self.schema.names)
        self._jsonl_fp = open(_partial(self.jsonl_path), "w", encoding="utf-8")
        self._parquet = pq.ParquetWriter(_partial(self.parquet_path), self.schema, compression="zstd")
        self.rows = 0

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        names = self.names
        batch = [{field: row.get(field) for field in names} for row in rows]
        if not batch:
            return
        jsonl = "".join(f"{_encode(row)}\n" for row in batch)
        self._jsonl_fp.write(jsonl)
        self._parquet.write_table(arrow_table(jsonl, self.schema, batch))
        self.rows += len(batch)

    def close(self) -> None:
        self._jsonl_fp.close()
        self._parquet.close()
        os.replace(_partial(self.jsonl_path), self.jsonl_path)
        os.replace(_partial(self.parquet_path), self.parquet_path)

    def abort(self) -> None:
        for closer in (self._jsonl_fp.close, self._parquet.close):
            try:
                closer()
            except Exception:  # noqa: BLE001 - best effort while already failing
                pass


def write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    tmp = _partial(path)
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    os.replace(tmp, path)
