"""Event types are data: `models/events/types.json` checked against `records.EVENT_TYPES` at load,
and a new type added through the models folder alone (an entry marked "extension" and its triggers)."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import ROOT
from pipeline.config import Settings
from pipeline.events import LexiconError, load_lexicon
from pipeline.nlp import build_nlp
from pipeline.records import EVENT_TYPES

REVOKE_TYPE = {"family": "justice", "extension": True, "roles": ["adjudicator", "subject", "crime"],
               "adjudicated": True, "person_centred": True,
               "prepositions": {"for": {"role": "crime", "unless_person": True}}}
REVOKE_TRIGGER = {"id": "revoke_probation.p", "type": "PROBATION_REVOKE", "confidence": 0.8,
                  "pattern": [{"LEMMA": "revoke"}, {"OP": "{0,3}", "POS": {"IN": ["PRON", "DET", "ADJ", "PROPN"]}},
                              {"LOWER": "probation"}]}


def copy_events_folder(tmp_path):
    folder = tmp_path / "events"
    shutil.copytree(ROOT / "models" / "events", folder)
    return folder


def edit_types(folder, edit) -> None:
    path = folder / "types.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data["types"])
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")


def test_events_types_table_lists_the_spec_types():
    lexicon = load_lexicon(ROOT / "models" / "events")
    assert set(lexicon.types) == set(EVENT_TYPES)
    assert lexicon.types["SENTENCE"].actor_role == "adjudicator" and lexicon.types["DEPORT"].actor_role == "agent"
    assert lexicon.types["EXTRADITE"].prepositions["to"].role == "destination"


def test_events_types_new_type_from_data_alone(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(ROOT / "models", models)
    edit_types(models / "events", lambda types: types.update(PROBATION_REVOKE=REVOKE_TYPE))
    with (models / "events" / "triggers.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(REVOKE_TRIGGER) + "\n")
    nlp = build_nlp(Settings(models_dir=str(models)))
    doc = nlp("Carlos Mendez missed three meetings with his officer. On Monday, Judge Lena Ortiz revoked "
              "his probation for the violations.")
    event = next(e for e in doc._.events if e.event_type == "PROBATION_REVOKE")
    roles = {(a.role, a.canonical or a.text) for a in event.arguments}
    assert {("adjudicator", "Lena Ortiz"), ("subject", "Carlos Mendez"), ("crime", "the violations")} <= roles
    assert event.trigger == "revoked his probation" and event.rule == "revoke_probation.p"


@pytest.mark.parametrize("edit, message", [
    (lambda types: types.pop("FINE"), "missing FINE"),
    (lambda types: types.update(ACQUITT=types.pop("ACQUIT")), "missing ACQUIT; not in records.EVENT_TYPES: ACQUITT"),
    (lambda types: types["SUE"].update(adjudicatd=True), "SUE: .*adjudicatd"),
    (lambda types: types["DEPORT"]["prepositions"].update(to="destinaton"), "DEPORT: preposition 'to' .*'destinaton'"),
])
def test_events_types_bad_table_is_a_clear_error(tmp_path, edit, message):
    folder = copy_events_folder(tmp_path)
    edit_types(folder, edit)
    with pytest.raises(LexiconError, match=message):
        load_lexicon(folder)


def test_events_types_trigger_of_unknown_type_is_an_error(tmp_path):
    folder = copy_events_folder(tmp_path)
    with (folder / "triggers.jsonl").open("a", encoding="utf-8") as f:
        f.write(json.dumps(dict(REVOKE_TRIGGER)) + "\n")
    with pytest.raises(LexiconError, match="'PROBATION_REVOKE' is not in types.json"):
        load_lexicon(folder)
