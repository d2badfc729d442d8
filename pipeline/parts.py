"""Part store: a run's committed partitions and the publish step that turns them into the tables.

A run killed at any moment (kill -9 included) must resume without losing or duplicating rows, and
a rerun on a grown dump must only append. So every partition's rows are written into a temporary
folder that is renamed into place when complete (the rename is the commit), and the tables are
published only from committed parts, staged beside them and moved into place behind a READY
marker, so every step can simply be redone after a kill.

Layout of an output folder:

    NAME.jsonl, NAME.parquet, manifest.json    the published tables (what users read)
    .legalnews/state.json                      what the published tables hold (runs, settings)
    .legalnews/lock                            held (flock) by the run writing here
    .legalnews/parts/pNNNNNNN/                 committed partitions of the run in progress
    .legalnews/plan.json                       the worker count those partitions were cut for
    .legalnews/publish/                        staged tables; complete once READY exists
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from .errors import LegalNewsError
from .records import Article, ExtractedArticle, Reject
from .writers import SCHEMAS, TABLES, TableWriter, write_json_atomic

STATE_DIR = ".legalnews"
STATE_VERSION = 1
READY = "READY"


class RunInProgress(LegalNewsError):
    def __init__(self, out: Path):
        super().__init__(f"another legalnews extract is writing into {out}; wait for it or choose another --out")


class IncompatibleRun(LegalNewsError):
    def __init__(self, out: Path, why: str):
        super().__init__(f"{out} holds a run that new articles cannot be appended to ({why}); "
                         f"rerun with --force to reprocess everything, or choose another --out")


@dataclass
class Partition:
    """A slice of the input stream: the unit a worker processes and the run commits."""

    index: int
    articles: list[Article]
    rejects: list[Reject]
    files: list[str]
    fingerprint: str = ""

    @property
    def key(self) -> str:
        return f"p{self.index:07d}"

    @property
    def records(self) -> int:
        return len(self.articles) + len(self.rejects)


@dataclass
class PartInfo:
    """What a committed part holds, kept in its meta.json so a resumed run need not reread it."""

    key: str
    fingerprint: str
    rows: dict[str, int]
    records: int
    failed: dict[str, str] = field(default_factory=dict)
    mentions_by_label: dict[str, int] = field(default_factory=dict)
    events_by_type: dict[str, int] = field(default_factory=dict)
    model: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def load(cls, folder: Path) -> PartInfo | None:
        try:
            return cls(**json.loads((folder / "meta.json").read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None


def fingerprint(generation: int, output_settings: dict[str, Any], articles: Iterable[Article],
                rejects: Iterable[Reject]) -> str:
    """Everything a part's rows depend on, so a resumed run reuses a part only when it would be rewritten
    byte for byte (the article text enters through its content hash)."""
    digest = hashlib.sha256(json.dumps([generation, output_settings], sort_keys=True, default=str).encode())
    for article in articles:
        row = article.as_row()
        row.pop("text")
        digest.update(json.dumps(row, sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    digest.update(b"\0rejects")
    for reject in rejects:
        digest.update(json.dumps(reject.as_row(), sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def reject_key(row: dict[str, Any]) -> bytes:
    """Identity of a rejects row, so an incremental run does not list the same bad record twice."""
    values = [row.get(name) for name in SCHEMAS["rejects"].names]
    return hashlib.sha256(json.dumps(values, ensure_ascii=False).encode("utf-8", "surrogatepass")).digest()


class PartStore:
    """The `.legalnews` folder of one output folder."""

    def __init__(self, out: Path):
        self.out = out
        self.root = out / STATE_DIR
        self.parts = self.root / "parts"
        self.publish_dir = self.root / "publish"
        self.state_path = self.root / "state.json"

    # --- state -------------------------------------------------------------------------------

    def load_state(self) -> dict[str, Any] | None:
        """The state of the published tables, or None when this folder holds no run of ours."""
        try:
            state = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return state if state.get("version") == STATE_VERSION else None

    def lock(self) -> None:
        """Hold this folder for the life of the process; the kernel drops the lock when it dies, even by kill -9."""
        self.root.mkdir(parents=True, exist_ok=True)
        self._lock = open(self.root / "lock", "w")  # noqa: SIM115 - held until the process ends
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as err:
            self._lock.close()
            raise RunInProgress(self.out) from err

    def unlock(self) -> None:
        if getattr(self, "_lock", None) is not None:
            self._lock.close()
            self._lock = None

    def recover(self) -> None:
        """Finish a publish that was staged completely, or throw away one that was not, and
        remove parts a killed worker left half written."""
        self.parts.mkdir(parents=True, exist_ok=True)
        if (self.publish_dir / READY).exists():
            self._apply_publish()
        elif self.publish_dir.exists():
            shutil.rmtree(self.publish_dir)
        for folder in self.parts.iterdir():
            if folder.name.startswith(".tmp"):
                shutil.rmtree(folder, ignore_errors=True)

    # --- parts -------------------------------------------------------------------------------

    def committed(self, partition: Partition) -> PartInfo | None:
        """The part already committed for this partition, if it holds exactly these rows."""
        folder = self.parts / partition.key
        info = PartInfo.load(folder)
        if info is not None and info.fingerprint == partition.fingerprint and all(
                (folder / f"{name}.{ext}").is_file() for name in TABLES for ext in ("jsonl", "parquet")):
            return info
        if folder.exists():
            shutil.rmtree(folder)
        return None

    def keep_only(self, keys: set[str]) -> None:
        """Drop committed parts the current plan does not contain (left by a run on other inputs)."""
        for folder in self.parts.iterdir():
            if folder.name not in keys:
                shutil.rmtree(folder, ignore_errors=True)

    def write_part(self, partition: Partition, batches: Iterable[list[ExtractedArticle | Reject]],
                   model: dict[str, Any]) -> PartInfo:
        """Stream one partition's rows, batch by batch, into a temporary folder, then commit it with
        a single rename. Only one batch of results is in memory at a time."""
        tmp = self.parts / f".tmp-{partition.key}-{os.getpid()}"
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir(parents=True)
        writers = {name: TableWriter(tmp, name) for name in TABLES}
        by_id = {a.article_id: a.content_sha256 for a in partition.articles}
        failed: list[Reject] = []
        mentions_by_label: dict[str, int] = {}
        events_by_type: dict[str, int] = {}
        try:
            writers["rejects"].write(r.as_row() for r in partition.rejects)
            for results in batches:
                done = [r for r in results if isinstance(r, ExtractedArticle)]
                failed.extend(r for r in results if isinstance(r, Reject))
                writers["articles"].write(r.article.as_row() for r in done)
                writers["mentions"].write(m.as_row() for r in done for m in r.mentions)
                writers["events"].write(e.as_row() for r in done for e in r.events)
                _count(mentions_by_label, (m.label for r in done for m in r.mentions))
                _count(events_by_type, (e.event_type for r in done for e in r.events))
            writers["rejects"].write(r.as_row() for r in failed)  # after the ingest rejects, as ever
        except BaseException:
            for writer in writers.values():
                writer.abort()
            raise
        for writer in writers.values():
            writer.close()
        info = PartInfo(
            key=partition.key, fingerprint=partition.fingerprint, records=partition.records,
            rows={name: writer.rows for name, writer in writers.items()},
            failed={by_id.get(r.record_id or "", ""): r.reason for r in failed},
            mentions_by_label=mentions_by_label, events_by_type=events_by_type, model=model,
        )
        write_json_atomic(tmp / "meta.json", asdict(info))
        try:
            os.rename(tmp, self.parts / partition.key)
        except OSError:  # a worker of a killed run committed the same partition meanwhile
            if self.committed(partition) is None:
                raise
            shutil.rmtree(tmp, ignore_errors=True)
        return info

    # --- publish -----------------------------------------------------------------------------

    def publish(self, keys: list[str], base: bool, manifest: dict[str, Any], state: dict[str, Any],
                models_dir: str = "") -> dict[str, int]:
        """Tables = (the published tables, when `base`) + the parts `keys` in order, with person names
        linked across the whole run, and the stories and entities derived from them; staged, then moved into
        place. Returns the rows per table."""
        if self.publish_dir.exists():
            shutil.rmtree(self.publish_dir)
        self.publish_dir.mkdir(parents=True)
        rows = {}
        for name in TABLES:
            sources = [self.out / f"{name}" if base else None] + [self.parts / key / name for key in keys]
            rows[name] = _merge(name, [s for s in sources if s is not None], self.publish_dir / name)
        from .cross_article import link_mentions_table
        from .entity_table import write_entities
        from .query import connect
        from .stories import write_stories  # DuckDB: needed here only, not in every worker

        manifest["counts"]["mentions_relinked"] = link_mentions_table(self.publish_dir / "mentions", models_dir)
        con = connect(self.publish_dir)  # one DuckDB for both (a connection costs 0.02-0.03 s)
        try:
            rows["stories"] = write_stories(self.publish_dir, con)
            rows["entities"] = write_entities(self.publish_dir, con)  # after the run-wide person keys
        finally:
            con.close()
        manifest["counts"]["tables"] = rows
        write_json_atomic(self.publish_dir / "manifest.json", manifest)
        write_json_atomic(self.publish_dir / "state.json", state)
        write_json_atomic(self.publish_dir / READY, {"files": sorted(p.name for p in self.publish_dir.iterdir())})
        self._apply_publish()
        return rows

    def _apply_publish(self) -> None:
        """Move every staged file into place; redoing it after a kill at any point is harmless."""
        for path in sorted(self.publish_dir.iterdir()):
            if path.name == READY:
                continue
            target = self.state_path if path.name == "state.json" else self.out / path.name
            os.replace(path, target)
        shutil.rmtree(self.parts, ignore_errors=True)
        self.parts.mkdir(parents=True, exist_ok=True)
        (self.root / "plan.json").unlink(missing_ok=True)  # the partition plan of the parts just published
        (self.publish_dir / READY).unlink(missing_ok=True)
        shutil.rmtree(self.publish_dir, ignore_errors=True)

    # --- what the published tables already hold ----------------------------------------------

    def published_hashes(self) -> set[bytes]:
        path = self.out / "articles.parquet"
        if not path.exists():
            return set()
        found: set[bytes] = set()
        for batch in pq.ParquetFile(path).iter_batches(columns=["content_sha256"]):
            found.update(bytes.fromhex(h) for h in batch.column(0).to_pylist() if h)
        return found

    def published_rejects(self) -> set[bytes]:
        path = self.out / "rejects.parquet"
        if not path.exists():
            return set()
        return {reject_key(row) for batch in pq.ParquetFile(path).iter_batches() for row in batch.to_pylist()}

    def check_base(self, out: Path) -> None:
        """The published tables must have the schema this version writes, or appending would break them."""
        for name in TABLES:
            path, schema = out / f"{name}.parquet", SCHEMAS[name]
            if not path.exists() or not (out / f"{name}.jsonl").exists():
                raise IncompatibleRun(out, f"{path.name} or {name}.jsonl is missing")
            if not pq.read_schema(path).equals(schema):
                raise IncompatibleRun(out, f"{path.name} was written with another table layout")


def _count(counts: dict[str, int], items: Iterable[str]) -> None:
    for item in items:
        counts[item] = counts.get(item, 0) + 1


def _merge(name: str, sources: list[Path], target: Path) -> int:
    """Concatenate NAME.jsonl files byte for byte and NAME.parquet files row group by row group,
    so memory holds one row group at a time whatever the table's size."""
    schema = SCHEMAS[name]
    rows = 0
    jsonl_tmp, parquet_tmp = Path(f"{target}.jsonl.partial"), Path(f"{target}.parquet.partial")
    with open(jsonl_tmp, "wb") as out:
        for source in sources:
            with open(f"{source}.jsonl", "rb") as fp:
                shutil.copyfileobj(fp, out, 2**20)
    writer = pq.ParquetWriter(parquet_tmp, schema, compression="zstd")
    try:
        for source in sources:
            parquet = pq.ParquetFile(f"{source}.parquet")
            for group in range(parquet.num_row_groups):
                table = parquet.read_row_group(group)
                writer.write_table(table)
                rows += table.num_rows
    finally:
        writer.close()
    os.replace(jsonl_tmp, f"{target}.jsonl")
    os.replace(parquet_tmp, f"{target}.parquet")
    return rows
