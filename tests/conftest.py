"""Shared fixtures: the real model, loaded once per test session, and paths to shared data."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

from pipeline.config import Settings
from pipeline.nlp import build_nlp

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "raw" / "sample"
SHARED = Path(os.environ.get("LEGALNEWS_SHARED", ROOT.parent / "shared"))

# `make test` replays the same examples every run, so it passes or fails on the code alone;
# `make fuzz` explores new random examples and keeps failures in .hypothesis/ to replay.
settings.register_profile("replay", derandomize=True, database=None)
settings.register_profile("explore", max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "replay"))


@pytest.fixture(scope="session")
def nlp():
    return build_nlp(Settings())


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared (gold files, benchmarks, scorer): a user's clone has none, so tests needing it skip."""
    if not (SHARED / "gold" / "dev.jsonl").is_file():
        pytest.skip(f"needs the shared gold files at {SHARED} (absent in a plain clone)")
    return SHARED


def annotate(nlp, text: str, published_at: str | None = None):
    """Run the full pipeline on one text with a publication date, as the extract run does."""
    doc = nlp.make_doc(text)
    doc._.published_at = published_at
    doc._.article_id = "test"
    return nlp(doc)


# Two reports of one deportation from two outlets (accents differ), added to the sample for the
# query, API, stories, serve and notebook tests (issue 6).
STORY_ARTICLES = [
    {"id": "story-a1", "source": "Gulf Coast Courier", "published_at": "2025-03-12", "title": "Honduran father deported",
     "text": "Immigration and Customs Enforcement deported José Ramírez to Honduras on Monday, his lawyer said. "
             "A federal judge in Houston had ordered ICE to release him last month."},
    {"id": "story-a2", "source": "Lone Star Wire", "published_at": "2025-03-13", "title": "ICE deports Houston man",
     "text": "ICE deported Jose Ramirez, a Houston father of three, to Honduras on Monday. "
             "His family said he was arrested in January."},
]


@pytest.fixture(scope="session")
def browse_run(tmp_path_factory, nlp) -> Path:
    """One extract run (the bundled sample plus STORY_ARTICLES) shared by the tests that read runs."""
    import json

    from pipeline.run import extract

    folder = tmp_path_factory.mktemp("browse")
    dump = folder / "stories.jsonl"
    dump.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in STORY_ARTICLES), encoding="utf-8")
    extract([SAMPLE, dump], folder / "run", nlp=nlp)
    return folder / "run"


def make_run(folder: Path, articles: list[dict], events: list[dict]) -> Path:
    """A run folder written by the real writers from hand-made records, for tests of what reads runs.

    `articles`: dicts with id, text and optional source, published_at, title. `events`: dicts with
    article, type, trigger, optional date (TimeML value), negated, and args as (role, text, label,
    canonical) tuples; each arg becomes a mention (canonical defaults to its text) found in the text.
    """
    from pipeline.records import Argument, Article, Event, Mention, event_id, mention_id
    from pipeline.entity_table import write_entities
    from pipeline.stories import write_stories
    from pipeline.writers import TABLES, TableWriter

    texts = {a["id"]: a["text"] for a in articles}
    rows: dict[str, list[dict]] = {name: [] for name in TABLES}
    rows["articles"] = [Article(a["id"], a["text"], a.get("title"), None, a.get("source"), a.get("published_at"))
                        .as_row() for a in articles]
    for spec in events:
        text = texts[spec["article"]]
        start = text.index(spec["trigger"])
        arguments = []
        for role, words, label, canonical in spec.get("args", ()):
            at = text.index(words)
            canonical = canonical or words
            mid = mention_id(spec["article"], at, at + len(words), label)
            if all(m["mention_id"] != mid for m in rows["mentions"]):
                rows["mentions"].append(Mention(spec["article"], mid, label, words, at, at + len(words), 0,
                                                canonical, f"{label}:{canonical}".casefold()).as_row())
            arguments.append(Argument(role, words, at, at + len(words), mid, canonical))
        rows["events"].append(Event(
            spec["article"], event_id(spec["article"], start, start + len(spec["trigger"]), spec["type"]), spec["type"],
            spec["trigger"], start, start + len(spec["trigger"]), text, 0, negated=spec.get("negated", False),
            arguments=arguments, date_value=spec.get("date")).as_row())
    folder.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        writer = TableWriter(folder, name)
        writer.write(rows[name])
        writer.close()
    write_stories(folder)
    write_entities(folder)
    return folder


def sample_texts() -> list[str]:
    """The texts of the bundled sample's JSON Lines articles (its broken lines skipped)."""
    texts = []
    for line in (SAMPLE / "articles.jsonl").read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            continue  # the sample's deliberately broken lines
        if isinstance(record, dict) and isinstance(record.get("text"), str):
            texts.append(record["text"])
    return texts
