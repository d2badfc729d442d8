"""Benchmark: does the pipeline cost no more than the model, use all cores, and stay flat in memory?

In one run it times, over the same texts, (a) raw spaCy `nlp.pipe` of the same model, (b) `legalnews
extract` with 1 worker and (c) with 2 workers, then (b) again on 4x the dump; each as its own process,
with peak RSS summed over the process and its children (psutil, sampled every 50 ms). Words per
second count whitespace-separated words of the article texts.

    python scripts/bench.py                      # synthesize a dump from the bundled sample
    python scripts/bench.py --dump my.jsonl      # or time a dump of your own
    python scripts/bench.py --profile            # also: seconds per pipeline component, top functions

Timings on a shared or busy machine are noisy: read the ratios, and rerun before quoting numbers.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.config import DEFAULT_MODEL, Settings  # noqa: E402
from pipeline.ingest import Ingestor  # noqa: E402
from pipeline.records import Article  # noqa: E402

SAMPLE = ROOT / "data" / "raw" / "sample"
LEGALNEWS = Path(sys.executable).parent / "legalnews"
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")

RAW_SPACY = """
import time
clock = time.perf_counter()
import json, sys, spacy
nlp = spacy.load(sys.argv[1])
loaded = time.perf_counter()
texts = (json.loads(line)["text"] for path in sys.argv[3:] for line in open(path, encoding="utf-8"))
for doc in nlp.pipe(texts, batch_size=int(sys.argv[2])):
    pass
print(json.dumps({"startup": loaded - clock}))
"""


@dataclass
class Measure:
    label: str
    seconds: float
    peak_rss_mb: float
    words: int
    startup: float = 0.0
    cpu_seconds: float = 0.0
    startup_cpu: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds

    @property
    def steady_words_per_second(self) -> float:
        """Throughput once the model is loaded: what a dump of millions of articles sees."""
        return self.words / max(self.seconds - self.startup, 1e-9)

    @property
    def words_per_cpu_second(self) -> float:
        """Words per second of CPU time (user + system, all processes) after startup: what other jobs
        on a shared machine disturb least, so b/a on it is the steadier figure there."""
        return self.words / max(self.cpu_seconds - self.startup_cpu, 1e-9)


def sample_articles(source: Path) -> list[Article]:
    return [a for a in Ingestor()([source]) if isinstance(a, Article)]


def synthesize(articles: list[Article], n: int, folder: Path, files: int = 4, seed: int = 7) -> list[Path]:
    """`n` distinct articles made of 8-30 sentences drawn from the sample, with the sample's dates,
    written round-robin into `files` JSON Lines files (a multi-file dump)."""
    sentences = [s for a in articles for s in SENTENCE_END.split(a.text) if len(s.split()) >= 4]
    dates = [a.published_at for a in articles if a.published_at] or ["2025-06-05"]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"part-{i:02d}.jsonl" for i in range(files)]
    handles = [open(p, "w", encoding="utf-8") for p in paths]
    try:
        for i in range(n):
            text = " ".join(rng.choice(sentences) for _ in range(rng.randint(8, 30)))
            record = {"id": f"bench-{i:07d}", "published_at": rng.choice(dates), "source": "bench", "text": text}
            handles[i % files].write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()
    return paths


def dump_files(dump: Path) -> list[Path]:
    return sorted(dump.rglob("*.jsonl")) if dump.is_dir() else [dump]


def count_words(paths: list[Path]) -> int:
    return sum(len(json.loads(line).get("text", "").split())
               for path in paths for line in path.open(encoding="utf-8") if line.strip())


def measure(label: str, cmd: list[str], words: int) -> Measure:
    """Wall time, CPU time and peak RSS (process tree, sampled) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    root, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{label} failed:\n{proc.stderr.read().decode()[-3000:]}")
    out = proc.stdout.read().decode()
    startup = json.loads(out)["startup"] if out.startswith("{") else 0.0
    return Measure(label, seconds, peak / 2**20, words, startup, cpu, startup_cpu=min(startup, cpu))


def extract_cmd(dump: Path, out: Path, args: argparse.Namespace, workers: int) -> list[str]:
    return [str(LEGALNEWS), "extract", str(dump), "--out", str(out), "--quiet", "--force", "--model", args.model,
            "--workers", str(workers), "--batch-size", str(args.batch_size), "--part-size", str(args.part_size)]


def profile(dump: Path, args: argparse.Namespace, work: Path) -> str:
    """Seconds per stage and per spaCy component on the dump, and the functions that cost most; one
    article runs through the whole pipeline first, so one-time loading counts as startup, not as a stage."""
    from pipeline.collect import collect
    from pipeline.engines import make_doc
    from pipeline.nlp import build_nlp
    from pipeline.parts import Partition, PartStore

    settings = Settings(model=args.model, batch_size=args.batch_size)
    lines = []
    clock = time.perf_counter()
    articles = sample_articles(dump)
    lines.append(f"{'ingest':28s} {time.perf_counter() - clock:8.2f}s")
    nlp = build_nlp(settings)
    nlp(make_doc(nlp, articles[0], settings.max_chars))  # lazy tables load here (startup), not in the first stage timed
    docs = [make_doc(nlp, a, settings.max_chars) for a in articles]
    for name, component in nlp.pipeline:
        clock = time.perf_counter()
        if hasattr(component, "pipe"):
            docs = list(component.pipe(docs, batch_size=settings.batch_size))
        else:
            docs = [component(doc) for doc in docs]
        lines.append(f"{'nlp: ' + name:28s} {time.perf_counter() - clock:8.2f}s")
    clock = time.perf_counter()
    results = [collect(doc, article) for doc, article in zip(docs, articles)]
    lines.append(f"{'collect':28s} {time.perf_counter() - clock:8.2f}s")
    clock = time.perf_counter()
    store = PartStore(work / "profile-out")
    store.parts.mkdir(parents=True, exist_ok=True)
    store.write_part(Partition(0, articles, [], [str(dump)], "profile"), [results], {})
    lines.append(f"{'write part (rows, jsonl, parquet)':28s} {time.perf_counter() - clock:8.2f}s")

    profiler = cProfile.Profile()
    profiler.enable()
    for doc in nlp.pipe((make_doc(nlp, a, settings.max_chars) for a in articles), batch_size=settings.batch_size):
        pass
    profiler.disable()
    stream = io.StringIO()
    stats = pstats.Stats(profiler, stream=stream)
    stats.sort_stats("tottime").print_stats(15)
    stats.sort_stats("cumulative").print_stats(r"pipeline/", 30)
    return "\n".join(lines) + "\n\nnlp.pipe of the whole pipeline: top functions by own time, then the project's " \
        "functions by cumulative time:\n" + stream.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=500, help="articles to synthesize (default sized for ~1 min)")
    parser.add_argument("--dump", type=Path, help="a JSON Lines file or folder to time instead of a synthetic dump")
    parser.add_argument("--work", type=Path, default=ROOT / ".bench", help="scratch folder (dumps, outputs)")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--batch-size", type=int, default=Settings.batch_size)
    parser.add_argument("--part-size", type=int, default=64,
                        help="records per partition (default 64: enough partitions to keep every worker busy "
                             "on a one-minute dump, as a big dump does with the CLI's default 256)")
    parser.add_argument("--workers", type=int, default=2, help="workers of run (c)")
    parser.add_argument("--scale", type=int, default=4, help="growth run: this many times the dump")
    parser.add_argument("--no-scale", action="store_true", help="skip the growth run")
    parser.add_argument("--profile", action="store_true", help="also time each stage and component")
    args = parser.parse_args()

    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    for old in [*work.glob("dump-*"), *work.glob("out-*"), work / "profile-out"]:  # only what a bench made
        shutil.rmtree(old, ignore_errors=True)
    if args.dump:
        dump = args.dump
        base_articles = sample_articles(dump)
    else:
        base_articles = sample_articles(SAMPLE)
        dump = work / "dump-1x"
        synthesize(base_articles, args.articles, dump)
    files = dump_files(dump)
    words = count_words(files)
    print(f"dump: {dump} ({len(files)} files, {words} words)", flush=True)

    tiny = work / "dump-tiny"
    synthesize(base_articles, 1, tiny, files=1)
    # untimed: on a fresh machine the first run builds the project's cache (pipeline/cache.py, ~35 s),
    # which would otherwise land in the first startup measured
    subprocess.run(extract_cmd(tiny, work / "out-warmup", args, 1), check=True, stdout=subprocess.DEVNULL)

    print("\n| run | seconds | startup s | words/s | words/s after startup | CPU s | peak RSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|", flush=True)

    def show(m: Measure) -> Measure:
        print(f"| {m.label} | {m.seconds:.1f} | {m.startup:.1f} | {m.words_per_second:,.0f} | "
              f"{m.steady_words_per_second:,.0f} | {m.cpu_seconds:.1f} | {m.peak_rss_mb:,.0f} |", flush=True)
        return m

    def extract_run(label: str, target: Path, out: str, workers: int, target_words: int) -> Measure:
        """An extract run, with its startup: the same command on a 1-article dump."""
        startup = measure("startup", extract_cmd(tiny, work / f"{out}-tiny", args, workers), 1)
        run = measure(label, extract_cmd(target, work / out, args, workers), target_words)
        run.startup, run.startup_cpu = startup.seconds, startup.cpu_seconds
        return show(run)

    a = show(measure("a raw spaCy nlp.pipe", [sys.executable, "-c", RAW_SPACY, args.model, str(args.batch_size),
                                              *map(str, files)], words))
    b = extract_run("b extract, 1 worker", dump, "out-1", 1, words)
    c = extract_run(f"c extract, {args.workers} workers", dump, "out-2", args.workers, words)
    results = [a, b, c]
    same = all((work / "out-1" / f"{t}.jsonl").read_bytes() == (work / "out-2" / f"{t}.jsonl").read_bytes()
               for t in ("articles", "mentions", "events", "rejects"))

    growth = None
    if not args.no_scale:
        big = work / f"dump-{args.scale}x"
        if not args.dump:
            synthesize(base_articles, args.articles * args.scale, big)
        else:  # a given dump is repeated with distinct ids and texts
            big.mkdir()
            for copy in range(args.scale):
                with open(big / f"copy-{copy}.jsonl", "w", encoding="utf-8") as fp:
                    for path in files:
                        for line in path.open(encoding="utf-8"):
                            record = json.loads(line)
                            record["id"] = f"{record.get('id', '')}~{copy}"
                            record["text"] = f"{record.get('text', '')} ({copy})"
                            fp.write(json.dumps(record, ensure_ascii=False) + "\n")
        growth = measure(f"b on {args.scale}x, 1 worker", extract_cmd(big, work / "out-big", args, 1),
                         count_words(dump_files(big)))
        growth.startup, growth.startup_cpu = b.startup, b.startup_cpu
        results.append(show(growth))
    b_a, c_b = b.steady_words_per_second / a.steady_words_per_second, c.steady_words_per_second / b.steady_words_per_second
    print(f"\nb/a = {b_a:.2f} after startup, {b.words_per_second / a.words_per_second:.2f} wall, "
          f"{b.words_per_cpu_second / a.words_per_cpu_second:.2f} on CPU time  (target >= 0.85)")
    print(f"c/b = {c_b:.2f} after startup, {c.words_per_second / b.words_per_second:.2f} wall  "
          f"(target >= 1.6 with {args.workers} free cores)")
    print(f"c and b wrote identical JSONL: {same}")
    summary = {"runs": [asdict(m) for m in results], "b_over_a": b_a, "c_over_b": c_b, "identical": same,
               "b_over_a_cpu": b.words_per_cpu_second / a.words_per_cpu_second}
    if growth:
        time_ratio = growth.seconds / b.seconds
        marginal = (growth.seconds - b.startup) / max(b.seconds - b.startup, 1e-9)
        rss_ratio = growth.peak_rss_mb / b.peak_rss_mb
        print(f"{args.scale}x dump: time x{time_ratio:.2f} (x{marginal:.2f} after startup; linear = x{args.scale}), "
              f"peak RSS x{rss_ratio:.2f} (flat = at most x1.15)")
        summary.update(time_growth=time_ratio, time_growth_after_startup=marginal, rss_growth=rss_ratio)
    (work / "bench.json").write_text(json.dumps(summary, indent=2) + "\n")
    if args.profile:
        report = profile(dump, args, work)
        (work / "profile.txt").write_text(report)
        print("\n" + report)


if __name__ == "__main__":
    main()
