"""Stories: which events are one real-world action, on hand-made runs; and the table every extract run writes."""
from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest

from conftest import make_run
from pipeline.stories import REPORT_LAG_DAYS, build_stories, list_stories

ICE = ("agent", "ICE", "AGENCY", "U.S. Immigration and Customs Enforcement")
CBP = ("agent", "CBP", "AGENCY", "U.S. Customs and Border Protection")


def report(aid: str, published: str | None, source: str, text: str = "ICE deported José Ramírez.") -> dict:
    return {"id": aid, "published_at": published, "source": source, "text": text}


def deport(aid: str, *args, date: str | None = None, subject=("subject", "José Ramírez", "PERSON", None),
           type_: str = "DEPORT", trigger: str = "deported", negated: bool = False) -> dict:
    return {"article": aid, "type": type_, "trigger": trigger, "date": date, "negated": negated,
            "args": [a for a in (*args, subject) if a]}


CBP_TEXT = "CBP deported Jose Ramirez."
CASES = {
    "two outlets a day apart": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-13", "Wire")],
        [deport("a", ICE), deport("b", ICE)], [["a", "b"]]),
    "same outlet twice counts one source": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-14", "Courier")],
        [deport("a", ICE), deport("b", ICE)], [["a", "b"]]),
    "accents and case do not matter": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-12", "Wire", "ICE deported JOSE RAMIREZ.")],
        [deport("a", ICE), deport("b", ICE, subject=("subject", "JOSE RAMIREZ", "PERSON", None))], [["a", "b"]]),
    "publication dates too far apart": (
        [report("a", "2025-03-12", "Courier"), report("b", f"2025-03-{12 + REPORT_LAG_DAYS + 1}", "Wire")],
        [deport("a", ICE), deport("b", ICE)], [["a"], ["b"]]),
    "a month-level date holds its days": (
        [report("a", "2025-07-01", "Courier"), report("b", "2025-08-30", "Wire")],
        [deport("a", ICE, date="2025-06"), deport("b", ICE, date="2025-06-04")], [["a", "b"]]),
    "different days": (
        [report("a", "2025-07-01", "Courier"), report("b", "2025-07-01", "Wire")],
        [deport("a", ICE, date="2025-06-04"), deport("b", ICE, date="2025-06-20")], [["a"], ["b"]]),
    "an undated report of a dated event": (
        [report("a", "2025-06-05", "Courier"), report("b", "2025-06-10", "Wire")],
        [deport("a", ICE, date="2025-06-04"), deport("b", ICE)], [["a", "b"]]),
    "agents disagree": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-12", "Wire", CBP_TEXT)],
        [deport("a", ICE), deport("b", CBP, subject=("subject", "Jose Ramirez", "PERSON", None))], [["a"], ["b"]]),
    "a missing agent does not disagree": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-12", "Wire")],
        [deport("a", ICE), deport("b")], [["a", "b"]]),
    "other subject": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-12", "Wire", "ICE deported Ana Torres.")],
        [deport("a", ICE), deport("b", ICE, subject=("subject", "Ana Torres", "PERSON", None))], [["a"], ["b"]]),
    "other type": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-12", "Wire", "ICE arrested José Ramírez.")],
        [deport("a", ICE), deport("b", ICE, type_="ARREST_DETAIN", trigger="arrested")], [["a"], ["b"]]),
    "denial is not the act": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-12", "Wire")],
        [deport("a", ICE), deport("b", ICE, negated=True)], [["a"], ["b"]]),
    "no participants stay apart": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-12", "Wire")],
        [deport("a", subject=None), deport("b", subject=None)], [["a"], ["b"]]),
    "an agency alone is not enough": (
        [report("a", "2025-03-12", "Courier"), report("b", "2025-03-12", "Wire")],
        [deport("a", ICE, subject=None), deport("b", ICE, subject=None)], [["a"], ["b"]]),
    "the same court without a subject": (
        [report("a", "2025-03-12", "Courier", "The 4th Circuit blocked the rule."),
         report("b", "2025-03-13", "Wire", "The 4th Circuit blocked the policy.")],
        [deport(a, ("adjudicator", "4th Circuit", "COURT", None), subject=None, type_="BLOCK", trigger="blocked")
         for a in "ab"], [["a", "b"]]),
    "an agency as subject needs a shared court": (
        [report("a", "2025-03-12", "Courier", "A judge ordered ICE to free him."),
         report("b", "2025-03-12", "Wire", "Judge Ana Diaz ordered ICE to free him.")],
        [deport("a", subject=("subject", "ICE", "AGENCY", None), type_="ORDER", trigger="ordered"),
         deport("b", ("adjudicator", "Ana Diaz", "PERSON", None), subject=("subject", "ICE", "AGENCY", None),
                type_="ORDER", trigger="ordered")], [["a"], ["b"]]),
    "an agency as subject with the same court": (
        [report(a, "2025-03-12", source, "Judge Ana Diaz ordered ICE to free him.") for a, source in
         (("a", "Courier"), ("b", "Wire"))],
        [deport(a, ("adjudicator", "Ana Diaz", "PERSON", None), subject=("subject", "ICE", "AGENCY", None),
                type_="ORDER", trigger="ordered") for a in "ab"], [["a", "b"]]),
    "re-mentions in one article": (
        [report("a", "2025-03-12", "Courier", "ICE deported José Ramírez. The deported José Ramírez spoke.")],
        [deport("a", ICE), {**deport("a"), "trigger": "deported José Ramírez spoke"}], [["a"]]),
}


@pytest.mark.parametrize("articles, events, expected", CASES.values(), ids=CASES.keys())
def test_stories_group_events_of_one_action(tmp_path, articles, events, expected):
    stories = build_stories(make_run(tmp_path / "run", articles, events))
    assert sorted(s["article_ids"] for s in stories) == sorted(expected)
    assert sum(s["n_events"] for s in stories) == len(events)


def test_stories_count_articles_sources_and_name_the_first_report(tmp_path):
    articles = [report("late", "2025-03-14", "Wire"), report("first", "2025-03-11", "Courier"),
                report("mid", "2025-03-12", "Courier")]
    run = make_run(tmp_path / "run", articles, [deport(a["id"], ICE) for a in articles])
    [story] = build_stories(run)
    assert (story["n_events"], story["n_articles"], story["n_sources"]) == (3, 3, 2)
    assert (story["first_article_id"], story["first_source"], story["first_published_at"]) == \
        ("first", "Courier", "2025-03-11")
    assert (story["first_date"], story["last_date"]) == ("2025-03-11", "2025-03-14")
    assert (story["subject"], story["agent"]) == ("José Ramírez", "U.S. Immigration and Customs Enforcement")
    assert story["sources"] == ["Courier", "Wire"]
    assert story["story_id"].startswith("S") and story["first_event_id"].startswith("first:")


def test_stories_ids_are_stable_across_reruns(tmp_path):
    articles = [report("a", "2025-03-12", "Courier"), report("b", "2025-03-13", "Wire")]
    events = [deport("a", ICE), deport("b", ICE)]
    first = [s["story_id"] for s in build_stories(make_run(tmp_path / "one", articles, events))]
    again = [s["story_id"] for s in build_stories(make_run(tmp_path / "two", articles[::-1], events[::-1]))]
    assert first == again


def test_stories_table_is_written_by_every_extract_run(browse_run):
    rows = [json.loads(line) for line in (browse_run / "stories.jsonl").read_text(encoding="utf-8").splitlines()]
    assert pq.read_table(browse_run / "stories.parquet").to_pylist() == rows
    manifest = json.loads((browse_run / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["tables"]["stories"] == len(rows)
    event_ids = [e for s in rows for e in s["event_ids"]]
    assert len(event_ids) == len(set(event_ids)) == manifest["counts"]["tables"]["events"]


def test_stories_join_the_two_reports_in_the_sample_run(browse_run):
    covered = list_stories(browse_run, min_articles=2)
    deportation = [s for s in covered
                   if s["event_type"] == "DEPORT" and set(s["article_ids"]) == {"story-a1", "story-a2"}]
    assert len(deportation) == 1
    assert deportation[0]["n_sources"] == 2 and deportation[0]["first_article_id"] == "story-a1"
    assert all(s["n_articles"] >= 2 for s in covered)
