"""Engines: where partitions run. Every engine calls the same per-partition function,
`run_partition`, which loads the model once per process, extracts and commits one part.

The local engine runs it in this process (1 worker) or in a pool of processes; the Dask engine
on a Dask distributed cluster. Engines yield parts as they finish, in any order: the run orders
the tables by partition index, so the result does not depend on the engine or the worker count.
"""
from __future__ import annotations

import gc
import logging
import signal
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import chain, islice
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from .config import Settings
from .errors import LegalNewsError, RejectReason
from .parts import Partition, PartInfo, PartStore
from .records import Article, ExtractedArticle, Reject

if TYPE_CHECKING:  # spaCy and the components are imported where a model is loaded, not by a run
    from spacy.language import Language  # that hands all its partitions to worker processes

log = logging.getLogger(__name__)

_MODELS: dict[tuple[str, str], Language] = {}

# While a partition is extracted, the youngest generation is collected after this many new objects
# instead of Python's 700: each Doc makes tens of thousands of short-lived objects that reference
# counting frees, so the default collects young objects over a thousand times on 500 articles, and
# promotes enough survivors to run nine full collections. Whole run on the 500-article bench dump:
# 1,309 collections taking 0.52 s -> 325 taking 0.36 s, peak RSS unchanged (834 -> 824 MB).
GC_YOUNG_THRESHOLD = 10_000


class SchedulerUnreachable(LegalNewsError):
    def __init__(self, address: str, err: Exception):
        super().__init__(f"cannot reach the Dask scheduler at {address}: {err}")


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def die_with_parent() -> None:
    """Ask Linux to kill this worker when the run that started it dies (even by kill -9), so a
    rerun never races a worker of the killed run; elsewhere a no-op."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def worker_nlp(settings: Settings) -> Language:
    """The model of this process, loaded on first use: one per worker, whatever the number of tasks.

    Loading makes millions of objects that live as long as the process, so the cyclic garbage
    collector is paused while it runs and then told to leave them alone (`gc.freeze`): otherwise
    each of its full collections walks the whole model again (0.3 s of CPU on 170 articles, and
    as much again when the process exits)."""
    key = (settings.model, settings.models_dir)
    if key not in _MODELS:
        thresholds = gc.get_threshold()
        gc.set_threshold(0)  # no automatic collection; srsly's msgpack loader undoes a gc.disable()
        try:
            from .nlp import build_nlp

            _MODELS[key] = build_nlp(settings)
        finally:
            gc.set_threshold(*thresholds)
        gc.freeze()
    return _MODELS[key]


def model_info(nlp: Language) -> dict[str, Any]:
    return {"name": nlp.meta.get("name"), "lang": nlp.lang, "version": nlp.meta.get("version"),
            "pipeline": list(nlp.pipe_names)}


def make_doc(nlp: Language, article: Article, max_chars: int):
    from spacy.tokenizer import Tokenizer

    from .extensions import TEXT_KEY

    text = article.text[:max_chars]
    doc = nlp.make_doc(text)
    if type(nlp.tokenizer) is Tokenizer:  # spaCy's tokenizer keeps the text verbatim: Doc.text need not be rebuilt
        doc.user_data[TEXT_KEY] = text
    doc._.article_id = article.article_id
    doc._.published_at = article.published_at
    return doc


def process_articles(nlp: Language, articles: list[Article], settings: Settings) -> list[ExtractedArticle | Reject]:
    """Run the spaCy pipeline over a batch; an article whose processing fails becomes a Reject."""
    from .collect import collect

    docs = (make_doc(nlp, a, settings.max_chars) for a in articles)
    try:
        return [collect(doc, art) for doc, art in zip(nlp.pipe(docs, batch_size=settings.batch_size), articles)]
    except Exception:  # noqa: BLE001 - isolate the article that breaks the batch
        if len(articles) == 1:
            raise
    results: list[ExtractedArticle | Reject] = []
    for article in articles:
        try:
            results.extend(process_articles(nlp, [article], settings))
        except Exception as err:  # noqa: BLE001 - one bad article must not stop the run
            log.exception("processing failed for %s", article.article_id)
            results.append(Reject(article.source_file, article.record, RejectReason.PROCESSING_FAILED.value,
                                  f"{type(err).__name__}: {err}"[:300], article.article_id))
    return results


def run_partition(partition: Partition, out: str, settings: Settings, nlp: Language | None = None) -> PartInfo:
    """The per-partition function every engine runs: extract the articles, commit the part."""
    if not partition.articles:  # rejects only: no need to load a model for them
        return PartStore(Path(out)).write_part(partition, [], {})
    nlp = nlp or worker_nlp(settings)
    batches = (process_articles(nlp, batch, settings) for batch in batched(partition.articles, settings.batch_size))
    thresholds = gc.get_threshold()
    gc.set_threshold(max(thresholds[0], GC_YOUNG_THRESHOLD), *thresholds[1:])
    try:
        return PartStore(Path(out)).write_part(partition, batches, model_info(nlp))
    finally:
        gc.set_threshold(*thresholds)


class Engine(Protocol):
    slots: int  # partitions it runs at once; known once `run` has started (a Dask cluster's threads)

    def run(self, partitions: Iterable[Partition], out: Path) -> Iterator[PartInfo]:
        """Run every partition; yield each part as it is committed."""


class LocalEngine:
    """This machine: in-process with 1 worker, else a pool of `workers` processes with one model each.

    At most two partitions per worker are in flight, so reading runs only a little ahead of
    extraction and memory stays bounded.
    """

    def __init__(self, settings: Settings, nlp: Language | None = None):
        self.settings = settings
        self.nlp = nlp
        self.slots = max(1, int(settings.workers))

    def run(self, partitions: Iterable[Partition], out: Path) -> Iterator[PartInfo]:
        partitions = iter(partitions)
        if self.settings.workers > 1:
            first = list(islice(partitions, 2))
            partitions = chain(first, partitions)
            if len(first) < 2:  # one partition (a tiny dump): starting workers would only add their startup
                self.slots = 1
        if self.slots <= 1:  # the model is loaded by the first partition with articles, if any
            for partition in partitions:
                yield run_partition(partition, str(out), self.settings, self.nlp)
            return
        # spawn: workers start clean instead of inheriting the parent's threads and open files
        with ProcessPoolExecutor(self.settings.workers, mp_context=get_context("spawn"),
                                 initializer=die_with_parent) as pool:
            pending: set[Future] = set()
            for partition in partitions:
                pending.add(pool.submit(run_partition, partition, str(out), self.settings))
                if len(pending) >= 2 * self.settings.workers:
                    done, pending = wait(pending, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
            while pending:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)


class DaskEngine:
    """A Dask distributed cluster: the scheduler at `settings.scheduler`, or a LocalCluster of
    `settings.workers` single-threaded worker processes. Workers write their parts straight into
    the output folder, which must therefore be on a filesystem every worker sees."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.slots = max(1, int(settings.workers))

    def run(self, partitions: Iterable[Partition], out: Path) -> Iterator[PartInfo]:
        from distributed import Client, LocalCluster, as_completed

        cluster = None
        if self.settings.scheduler:
            try:
                client = Client(self.settings.scheduler, timeout="20s")
            except OSError as err:
                raise SchedulerUnreachable(self.settings.scheduler, err) from err
        else:
            quiet = logging.getLogger().getEffectiveLevel() > logging.INFO
            if quiet:  # the scheduler runs in this process and logs every worker's coming and going
                logging.getLogger("distributed").setLevel(logging.ERROR)
            cluster = LocalCluster(n_workers=max(1, self.settings.workers), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR if quiet else logging.INFO)
            client = Client(cluster)
        try:
            if self.settings.scheduler:  # a running cluster: its worker threads, not --workers
                try:
                    client.wait_for_workers(1, timeout=30)
                except TimeoutError:  # no worker yet: tasks wait for one; plan for one
                    pass
                self.slots = max(1, sum(client.nthreads().values()))
            window = 2 * self.slots
            running = as_completed()
            in_flight = 0
            for partition in partitions:
                running.add(client.submit(run_partition, partition, str(out.resolve()), self.settings,
                                          key=f"legalnews-{partition.key}-{partition.fingerprint[:12]}", pure=False))
                in_flight += 1
                if in_flight >= window:
                    yield next(running).result()
                    in_flight -= 1
            for future in running:
                yield future.result()
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def engine_for(settings: Settings, nlp: Language | None = None) -> Engine:
    return DaskEngine(settings) if settings.engine == "dask" else LocalEngine(settings, nlp)
