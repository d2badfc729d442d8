"""Benchmark: does the pipeline cost no more than the model, use all cores, and stay flat in memory?

First one article of ordinary length (the bundled sample's article of median length): the whole
`legalnews extract` process against a whole raw-spaCy process that imports spaCy, loads the same
model and parses that text, each run several times in alternation (median). Then, for each dump (by default synthetic ones of 170 and 500 articles) it times, over the same texts,
(a) raw spaCy `nlp.pipe` of the same model, (b) `legalnews extract --workers 1` and (c) `legalnews
extract` with the default `--workers auto`, each as a whole process (startup included: what a user
waits for), then (c) again on 4x the last dump; peak RSS is summed over the process and its children
(psutil, sampled every 50 ms). Words per second count whitespace-separated words of the texts. It
reports speed ratios on wall time with startup, and after startup (what a dump of millions sees).

    python scripts/bench.py                      # synthesize dumps from the bundled sample (about 5 min)
    python scripts/bench.py --sizes 100,300 --no-scale   # other sizes, no growth run
    python scripts/bench.py --dump my.jsonl      # or time a dump of your own
    python scripts/bench.py --profile            # also: seconds per pipeline component, top functions
    python scripts/bench.py --only-one-article   # just the one-article start-up row (about 1 min)

The extract runs use this tree's `pipeline` package (PYTHONPATH), the code this script imports.

Timings on a shared or busy machine are noisy: read the ratios, and rerun before quoting numbers.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import re
import resource
import shutil
import statistics
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


def one_article(articles: list[Article], folder: Path) -> tuple[Path, Article]:
    """The sample's article of median length (in words) as a one-record JSON Lines dump."""
    ordered = sorted((a for a in articles if a.text.strip()), key=lambda a: (len(a.text.split()), a.article_id))
    article = ordered[len(ordered) // 2]
    record = {"id": article.article_id, "title": article.title, "url": article.url, "source": article.source,
              "published_at": article.published_at_raw or article.published_at, "text": article.text}
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "one.jsonl"
    path.write_text(json.dumps({k: v for k, v in record.items() if v}, ensure_ascii=False) + "\n", encoding="utf-8")
    return path, article


def dump_files(dump: Path) -> list[Path]:
    return sorted(dump.rglob("*.jsonl")) if dump.is_dir() else [dump]


def count_words(paths: list[Path]) -> int:
    return sum(len(json.loads(line).get("text", "").split())
               for path in paths for line in path.open(encoding="utf-8") if line.strip())


def measure(label: str, cmd: list[str], words: int, env: dict[str, str] | None = None) -> Measure:
    """Wall time, CPU time and peak RSS (process tree, sampled) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
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


def tree_env() -> dict[str, str]:
    """The environment of an extract run: this tree's `pipeline` first on the path, whatever is installed."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}


def extract_cmd(dump: Path, out: Path, args: argparse.Namespace, workers: str) -> list[str]:
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


ONE_ARTICLE_TARGET = 1.6  # issue 18: one article in at most 1.6 times raw spaCy's own time


def time_one_article(args: argparse.Namespace, work: Path) -> dict:
    """One article of ordinary length, whole processes: raw spaCy (import, load the model, parse the
    text) against `legalnews extract` of it, `args.repeats` rounds in alternation; medians."""
    path, article = one_article(sample_articles(SAMPLE), work / "dump-one")
    words = len(article.text.split())
    raw = [sys.executable, "-c", RAW_SPACY, args.model, str(args.batch_size), str(path)]
    extract = extract_cmd(path, work / "out-one", args, args.workers)
    runs: dict[str, list[Measure]] = {"a": [], "b": []}
    for _ in range(args.repeats):
        runs["a"].append(measure("a", raw, words))
        runs["b"].append(measure("b", extract, words, tree_env()))
    labels = {"a": "a raw spaCy: import, load, parse (whole process)",
              "b": f"b legalnews extract --workers {args.workers} (whole process)"}
    print(f"\none article: {article.article_id} of the sample ({words} words, the median length), "
          f"{args.repeats} rounds of a and b in alternation\n")
    print("| run | seconds (median) | min-max s | CPU s (median) | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    medians = {}
    for key, measures in runs.items():
        seconds = [m.seconds for m in measures]
        medians[key] = (statistics.median(seconds), statistics.median(m.cpu_seconds for m in measures))
        print(f"| {labels[key]} | {medians[key][0]:.2f} | {min(seconds):.2f}-{max(seconds):.2f} | "
              f"{medians[key][1]:.2f} | {max(m.peak_rss_mb for m in measures):,.0f} |")
    ratio, cpu_ratio = medians["b"][0] / medians["a"][0], medians["b"][1] / medians["a"][1]
    print(f"\none article: extract takes {ratio:.2f}x raw spaCy's time (wall, medians; CPU {cpu_ratio:.2f}x); "
          f"target (issue 18): at most {ONE_ARTICLE_TARGET}x", flush=True)
    return {"article_id": article.article_id, "words": words, "repeats": args.repeats,
            "runs": {key: [asdict(m) for m in measures] for key, measures in runs.items()},
            "seconds_median": {key: value[0] for key, value in medians.items()},
            "cpu_seconds_median": {key: value[1] for key, value in medians.items()},
            "b_over_a_time": ratio, "b_over_a_cpu": cpu_ratio, "target": ONE_ARTICLE_TARGET}


def grow(files: list[Path], target: Path, scale: int) -> None:
    """A given dump repeated `scale` times with distinct ids and texts."""
    target.mkdir(parents=True)
    for copy in range(scale):
        with open(target / f"copy-{copy}.jsonl", "w", encoding="utf-8") as fp:
            for path in files:
                for line in path.open(encoding="utf-8"):
                    record = json.loads(line)
                    record["id"] = f"{record.get('id', '')}~{copy}"
                    record["text"] = f"{record.get('text', '')} ({copy})"
                    fp.write(json.dumps(record, ensure_ascii=False) + "\n")


def identical(one: Path, other: Path) -> bool:
    names = sorted(p.name for p in one.glob("*.jsonl"))
    return names == sorted(p.name for p in other.glob("*.jsonl")) and all(
        (one / name).read_bytes() == (other / name).read_bytes() for name in names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="170,500",
                        help="comma-separated article counts of the synthetic dumps timed (default 170,500: a small "
                             "dump, where startup weighs, and a medium one of about a minute)")
    parser.add_argument("--articles", type=int, help="time one synthetic dump of this many articles (as --sizes N)")
    parser.add_argument("--dump", type=Path, help="a JSON Lines file or folder to time instead of synthetic dumps")
    parser.add_argument("--work", type=Path, default=ROOT / ".bench", help="scratch folder (dumps, outputs)")
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--batch-size", type=int, default=Settings.batch_size)
    parser.add_argument("--part-size", type=int, default=Settings.part_size,
                        help="records per partition (default: the CLI's)")
    parser.add_argument("--workers", default="auto", help="workers of run (c) (default: auto, the CLI's default)")
    parser.add_argument("--scale", type=int, default=4, help="growth run: this many times the largest dump")
    parser.add_argument("--no-scale", action="store_true", help="skip the growth run")
    parser.add_argument("--profile", action="store_true", help="also time each stage and component")
    parser.add_argument("--repeats", type=int, default=5, help="rounds of the one-article timing (default 5)")
    parser.add_argument("--only-one-article", action="store_true", help="time one article only, no dumps")
    args = parser.parse_args()

    work = args.work
    work.mkdir(parents=True, exist_ok=True)
    for old in [*work.glob("dump-*"), *work.glob("out-*"), work / "profile-out"]:  # only what a bench made
        shutil.rmtree(old, ignore_errors=True)
    base_articles = sample_articles(args.dump or SAMPLE)
    dumps: list[tuple[str, Path]] = []
    if args.dump:
        dumps.append((args.dump.name, args.dump))
    elif not args.only_one_article:
        sizes = [args.articles] if args.articles else [int(n) for n in args.sizes.split(",") if n.strip()]
        for n in sizes:
            synthesize(base_articles, n, work / f"dump-{n}")
            dumps.append((f"{n} articles", work / f"dump-{n}"))

    tiny = work / "dump-tiny"
    synthesize(base_articles, 1, tiny, files=1)
    # untimed: on a fresh machine the first run builds the project's cache (pipeline/cache.py, ~35 s),
    # which would otherwise land in the first startup measured
    subprocess.run(extract_cmd(tiny, work / "out-warmup", args, "1"), check=True, stdout=subprocess.DEVNULL,
                   env=tree_env())
    startups = {}
    summary: dict = {"dumps": [], "one_article": time_one_article(args, work)}
    if args.only_one_article:
        (work / "bench.json").write_text(json.dumps(summary, indent=2) + "\n")
        return

    def show(m: Measure) -> Measure:
        print(f"| {m.label} | {m.seconds:.1f} | {m.startup:.1f} | {m.words_per_second:,.0f} | "
              f"{m.steady_words_per_second:,.0f} | {m.cpu_seconds:.1f} | {m.peak_rss_mb:,.0f} |", flush=True)
        return m

    def extract_run(label: str, target: Path, out: str, workers: str, target_words: int) -> Measure:
        """An extract run, with its startup: the same command on a 1-article dump (measured once per
        worker setting; a 1-article dump runs in the main process whatever the setting)."""
        if workers not in startups:
            startups[workers] = measure("startup", extract_cmd(tiny, work / f"out-tiny-{workers}", args, workers), 1,
                                        tree_env())
        run = measure(label, extract_cmd(target, work / out, args, workers), target_words, tree_env())
        run.startup, run.startup_cpu = startups[workers].seconds, startups[workers].cpu_seconds
        return show(run)

    ratios = []
    last = None
    for name, dump in dumps:
        files = dump_files(dump)
        words = count_words(files)
        print(f"\ndump: {name}, {dump} ({len(files)} files, {words} words)\n", flush=True)
        print("| run | seconds | startup s | words/s | words/s after startup | CPU s | peak RSS MB |")
        print("|---|---:|---:|---:|---:|---:|---:|", flush=True)
        tag = dump.name
        a = show(measure("a raw spaCy nlp.pipe (whole process)", [
            sys.executable, "-c", RAW_SPACY, args.model, str(args.batch_size), *map(str, files)], words))
        b = extract_run("b extract --workers 1", dump, f"out-{tag}-1", "1", words)
        c = extract_run(f"c extract --workers {args.workers}", dump, f"out-{tag}-c", args.workers, words)
        resolved = json.loads((work / f"out-{tag}-c" / "manifest.json").read_text()).get("workers", {})
        same = identical(work / f"out-{tag}-1", work / f"out-{tag}-c")
        row = {"dump": name, "words": words, "runs": [asdict(m) for m in (a, b, c)], "c_workers": resolved,
               "b_over_a_wall": a.seconds / b.seconds, "c_over_a_wall": a.seconds / c.seconds,
               "c_over_b_wall": b.seconds / c.seconds,
               "b_over_a": b.steady_words_per_second / a.steady_words_per_second,
               "b_over_a_cpu": b.words_per_cpu_second / a.words_per_cpu_second,
               "c_over_b": c.steady_words_per_second / b.steady_words_per_second, "identical": same}
        summary["dumps"].append(row)
        ratios.append(row)
        print(f"\nc ran {resolved.get('resolved', '?')} workers ({resolved.get('requested', args.workers)}); "
              f"b and c wrote identical JSONL: {same}")
        print(f"wall time, startup included (speed of the whole command against raw spaCy's whole process): "
              f"b/a {row['b_over_a_wall']:.2f}, c/a {row['c_over_a_wall']:.2f}, c/b {row['c_over_b_wall']:.2f}")
        print(f"after startup: b/a {row['b_over_a']:.2f} (on CPU time {row['b_over_a_cpu']:.2f}), "
              f"c/b {row['c_over_b']:.2f}", flush=True)
        last = (dump, files, c, tag)

    if not args.no_scale and last:
        dump, files, c, tag = last
        big = work / f"dump-{args.scale}x"
        if args.dump:
            grow(files, big, args.scale)
        else:
            synthesize(base_articles, sum(1 for path in files for _ in path.open(encoding="utf-8")) * args.scale, big)
        print(f"\n| run | seconds | startup s | words/s | words/s after startup | CPU s | peak RSS MB |")
        print("|---|---:|---:|---:|---:|---:|---:|", flush=True)
        growth = extract_run(f"c on {args.scale}x the last dump, --workers {args.workers}", big, "out-big",
                             args.workers, count_words(dump_files(big)))
        time_ratio = growth.seconds / c.seconds
        marginal = (growth.seconds - c.startup) / max(c.seconds - c.startup, 1e-9)
        rss_ratio = growth.peak_rss_mb / c.peak_rss_mb
        print(f"{args.scale}x dump: time x{time_ratio:.2f} (x{marginal:.2f} after startup; linear = x{args.scale}), "
              f"peak RSS x{rss_ratio:.2f} (flat = at most x1.15)")
        summary["growth"] = {"run": asdict(growth), "time_growth": time_ratio, "time_growth_after_startup": marginal,
                             "rss_growth": rss_ratio}

    print("\n| dump | words | b/a wall | c/a wall | c/b wall | b/a after startup | c/b after startup | identical |")
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for row in ratios:
        print(f"| {row['dump']} | {row['words']:,} | {row['b_over_a_wall']:.2f} | {row['c_over_a_wall']:.2f} | "
              f"{row['c_over_b_wall']:.2f} | {row['b_over_a']:.2f} | {row['c_over_b']:.2f} | {row['identical']} |")
    print("(a: raw spaCy, b: --workers 1, c: --workers " + args.workers + "; ratios of speed, > 1 is faster than the "
          "denominator; targets (issue 7): b/a >= 0.85 after startup, c/b >= 1.6 on 2 free cores)")
    one = summary["one_article"]
    print(f"one article ({one['words']} words): extract {one['seconds_median']['b']:.2f} s, raw spaCy "
          f"{one['seconds_median']['a']:.2f} s: {one['b_over_a_time']:.2f}x raw spaCy's time (a ratio of time, "
          f"target at most {ONE_ARTICLE_TARGET}x)")
    (work / "bench.json").write_text(json.dumps(summary, indent=2) + "\n")
    if args.profile:
        report = profile(dumps[-1][1], args, work)
        (work / "profile.txt").write_text(report)
        print("\n" + report)


if __name__ == "__main__":
    main()
