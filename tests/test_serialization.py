"""The pipeline saves and loads like any spaCy pipeline: `nlp.to_disk`, then a bare `spacy.load`.

The saved folder carries every component's resources, so the loaded pipeline needs neither the
project's `models/` folder nor an import of the project: spaCy finds the factories through the
`spacy_factories` entry points the package declares.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config import MODELS_DIR, Settings
from pipeline.nlp import build_nlp

TEXT = (
    "WASHINGTON — A federal judge in Maryland on Tuesday ordered Immigration and Customs Enforcement "
    "to bring back a Salvadoran man who was deported to El Salvador in March. U.S. District Judge "
    "Paula Xinis wrote that the government had acted without legal authority. The Justice Department "
    "said it would appeal the ruling to the 4th U.S. Circuit Court of Appeals. In a separate case, a "
    "jury in Houston convicted Mark Hale of wire fraud last week, and he was sentenced to five years "
    "in prison."
)
PUBLISHED = "2025-04-10"

# Run in a fresh interpreter: load the saved folder with spaCy alone, then print the records.
LOAD_AND_EXTRACT = """
import json, sys
import spacy
if any(name == "pipeline" or name.startswith("pipeline.") for name in sys.modules):
    sys.exit("the project was imported before spacy.load")
nlp = spacy.load(sys.argv[1])
doc = nlp.make_doc(sys.argv[2])
doc._.published_at = sys.argv[3]
doc._.article_id = "saved"
from pipeline.collect import collect
from pipeline.records import Article
extracted = collect(nlp(doc), Article(article_id="saved", text=sys.argv[2]))
print(json.dumps({"pipes": nlp.pipe_names, "mentions": [m.as_row() for m in extracted.mentions],
                  "events": [e.as_row() for e in extracted.events]}))
"""


def as_rows(doc, text: str) -> dict[str, list[dict]]:
    """The mentions and events tables of one annotated Doc, as plain rows."""
    from pipeline.collect import collect
    from pipeline.records import Article

    extracted = collect(doc, Article(article_id="saved", text=text))
    return {"mentions": [m.as_row() for m in extracted.mentions], "events": [e.as_row() for e in extracted.events]}


@pytest.fixture(scope="module")
def saved(tmp_path_factory) -> tuple[Path, dict]:
    """A pipeline built on a throwaway copy of models/, saved, and the copy deleted; with its own output."""
    work = tmp_path_factory.mktemp("saved")
    models = work / "models"
    shutil.copytree(MODELS_DIR, models)
    nlp = build_nlp(Settings(models_dir=str(models)))
    doc = nlp.make_doc(TEXT)
    doc._.published_at = PUBLISHED
    doc._.article_id = "saved"
    expected = {"pipes": nlp.pipe_names, **as_rows(nlp(doc), TEXT)}
    nlp.to_disk(work / "pipeline")
    shutil.rmtree(models)
    return work / "pipeline", expected


def test_serialization_saved_folder_holds_each_components_resources(saved):
    path, _ = saved
    assert (path / "legalnews_timex" / "dates" / "patterns.jsonl").is_file()
    assert (path / "legalnews_events" / "events" / "types.json").is_file()
    assert (path / "legalnews_entities" / "entities" / "courts.jsonl").is_file()
    assert (path / "legalnews_places" / "places" / "us_states.csv").is_file()
    assert (path / "legalnews_attribute_ruler" / "patterns").is_file()


def test_serialization_bare_spacy_load_in_a_fresh_process_gives_the_same_records(saved):
    path, expected = saved
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run([sys.executable, "-c", LOAD_AND_EXTRACT, str(path), TEXT, PUBLISHED],
                          capture_output=True, text=True, cwd=root, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded["pipes"] == expected["pipes"]
    assert loaded["mentions"] == expected["mentions"]
    assert loaded["events"] == expected["events"]
    labels = {m["label"] for m in loaded["mentions"]}
    assert {"PERSON", "AGENCY", "COURT", "DATE", "PLACE"} <= labels
    assert {"ORDER", "DEPORT", "CONVICT", "SENTENCE"} <= {e["event_type"] for e in loaded["events"]}
