"""Names linked across articles: one key for one person, different people kept apart."""
from __future__ import annotations

import json

import pytest

from pipeline.cross_article import PersonName, covers, link_people, name_tables, name_words

TABLES = name_tables()


def person(canonical: str, mentions: int = 1, *families: str) -> PersonName:
    return PersonName(canonical, name_words(canonical, TABLES), set(families), mentions)


@pytest.mark.parametrize("full, short, expected", [
    ("Drew B. Tipton", "Drew Tipton", True),
    ("Drew B. Tipton", "D. Tipton", True),
    ("Drew B. Tipton", "Tipton", True),
    ("Kilmar Abrego Garcia", "Abrego Garcia", True),
    ("Kilmar Abrego Garcia", "Garcia", True),
    ("Ramón Esteban Tavárez Jr.", "Ramon Tavarez", True),
    ("Drew Tipton", "Drew B. Tipton", False),
    ("John Smith", "Jane Smith", False),
    ("Drew B. Tipton", "Drew C. Tipton", False),
    ("Drew B. Tipton", "Drew Tipton Jr. Smith", False),
    ("Maria Garcia", "Luis Garcia", False),
])
def test_cross_article_covers_shorter_ways_of_writing_a_name(full, short, expected):
    assert covers(name_words(full, TABLES), name_words(short, TABLES)) is expected


@pytest.mark.parametrize("names, expected", [
    # one person, written three ways in three stories
    ([person("Drew B. Tipton", 3, "judiciary"), person("Drew Tipton", 2), person("Tipton", 4, "judiciary")],
     {"Drew B. Tipton": "Drew B. Tipton", "Drew Tipton": "Drew B. Tipton", "Tipton": "Drew B. Tipton"}),
    ([person("Kilmar Abrego Garcia", 5), person("Abrego Garcia", 9)],
     {"Kilmar Abrego Garcia": "Kilmar Abrego Garcia", "Abrego Garcia": "Kilmar Abrego Garcia"}),
    # accents and a stray fuller form: the key is spelled as the run mostly writes the name
    ([person("Lucía Farrell", 2), person("Lucia Farrell", 1), person("Farrell", 3)],
     {"Lucía Farrell": "Lucía Farrell", "Lucia Farrell": "Lucía Farrell", "Farrell": "Lucía Farrell"}),
    ([person("U.S. Dustin Keel", 1), person("Dustin Keel", 30), person("Keel", 20)],
     {"U.S. Dustin Keel": "Dustin Keel", "Dustin Keel": "Dustin Keel", "Keel": "Dustin Keel"}),
])
def test_cross_article_gives_one_person_one_name(names, expected):
    assert link_people(names, TABLES) == expected


@pytest.mark.parametrize("names", [
    [person("John Smith"), person("Jane Smith"), person("Smith")],                 # which Smith?
    [person("Drew B. Tipton"), person("Drew C. Tipton"), person("Drew Tipton")],   # which Drew Tipton?
    [person("Maria Garcia", 2, "judiciary"), person("Luis Garcia", 2, "judiciary"), person("Garcia", 1, "judiciary")],
    [person("Anne Keller", 2, "judiciary"), person("Keller", 3, "counsel")],        # a judge and a lawyer
    [person("John Doe"), person("Doe")],                                              # placeholder names
    [person("O.C.G."), person("G.")],
])
def test_cross_article_keeps_different_people_apart(names):
    links = link_people(names, TABLES)
    assert all(links[n.canonical] == n.canonical for n in names)


STORY_ONE = {
    "id": "tipton-1", "source": "Valley Ledger", "published_at": "2025-05-02",
    "text": "U.S. District Judge Drew B. Tipton on Thursday blocked the state from enforcing the new "
            "border law. Tipton wrote that the statute conflicted with federal immigration power.",
}
STORY_TWO = {
    "id": "tipton-2", "source": "Gulf Evening News", "published_at": "2025-06-10",
    "text": "A federal judge in Victoria, Texas, on Monday ordered the government to restore the "
            "program. Judge Drew Tipton said the agency had skipped the required notice period.",
}
STORY_THREE = {
    "id": "smiths", "source": "Valley Ledger", "published_at": "2025-06-12",
    "text": "Police arrested John Smith on Friday. A week later prosecutors charged Jane Smith with fraud.",
}


@pytest.fixture(scope="module")
def linked_run(tmp_path_factory, nlp):
    from pipeline.run import extract

    folder = tmp_path_factory.mktemp("linked")
    dump = folder / "stories.jsonl"
    dump.write_text("".join(json.dumps(a) + "\n" for a in (STORY_ONE, STORY_TWO, STORY_THREE)), encoding="utf-8")
    extract([dump], folder / "run", nlp=nlp)
    return folder / "run"


def mentions_of(run, article: str) -> list[dict]:
    rows = [json.loads(line) for line in (run / "mentions.jsonl").open(encoding="utf-8")]
    return [m for m in rows if m["article_id"] == article and m["label"] == "PERSON"]


def test_cross_article_run_gives_the_judge_one_key_across_stories(linked_run):
    keys = {m["entity_key"] for article in ("tipton-1", "tipton-2") for m in mentions_of(linked_run, article)}
    assert keys == {"PERSON:drew b. tipton"}
    assert {m["canonical"] for m in mentions_of(linked_run, "tipton-2")} == {"Drew Tipton"}
    manifest = json.loads((linked_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["mentions_relinked"] >= 1


def test_cross_article_run_keeps_two_smiths_apart(linked_run):
    keys = {m["canonical"]: m["entity_key"] for m in mentions_of(linked_run, "smiths")}
    assert keys == {"John Smith": "PERSON:john smith", "Jane Smith": "PERSON:jane smith"}


def test_cross_article_timeline_follows_the_judge_through_both_stories(linked_run):
    from pipeline.timeline import timeline

    events = timeline(linked_run, "Drew Tipton")
    assert set(events["article_id"]) == {"tipton-1", "tipton-2"}
    assert {"BLOCK", "ORDER"} <= set(events["event_type"])


def test_cross_article_link_mentions_table_rewrites_both_files_alike(tmp_path):
    """Keys are relinked with Arrow's compute functions over row groups and only the changed JSON Lines rows are
    encoded again: both files end with the same rows, and other labels, other names and empty names keep theirs."""
    import subprocess
    import sys

    import pyarrow.parquet as pq

    from pipeline.records import entity_key
    from pipeline.writers import TableWriter

    def mention(mid: str, label: str, canonical: str | None, role: str | None = None) -> dict:
        return {"article_id": "a", "mention_id": mid, "label": label, "text": canonical or "he",
                "canonical": canonical, "role": role,
                "entity_key": entity_key(label, canonical) if canonical else None}

    writer = TableWriter(tmp_path, "mentions")
    writer.write([mention("1", "PERSON", "Drew B. Tipton", "judge"), mention("2", "ORGANIZATION", "Tipton"),
                  mention("3", "PERSON", None)])
    writer.write([mention("4", "PERSON", "Tipton", "judge"), mention("5", "PERSON", "Jane Smith"),
                  mention("6", "PERSON", "Drew Tipton"), mention("7", "PLACE", "Ciudad Juárez")])
    writer.close()
    code = ("import sys; from pathlib import Path; from pipeline.cross_article import link_mentions_table; "
            f"print(link_mentions_table(Path({str(tmp_path / 'mentions')!r})), 'pandas' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["2", "False"]  # no pandas import for the new keys
    rows = [json.loads(line) for line in (tmp_path / "mentions.jsonl").open(encoding="utf-8")]
    assert rows == pq.read_table(tmp_path / "mentions.parquet").to_pylist()
    assert [row["entity_key"] for row in rows] == [
        "PERSON:drew b. tipton", "ORGANIZATION:tipton", None, "PERSON:drew b. tipton", "PERSON:jane smith",
        "PERSON:drew b. tipton", "PLACE:ciudad juárez"]
