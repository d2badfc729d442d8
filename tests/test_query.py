"""Querying a run: name matching, filters, read-only SQL, timelines and the CLI.

The semantics are tested on a small run written by the real writers from hand-made records
(`made`), so each expected row is known; the CLI and the done-when commands run on a real
extract run of the bundled sample (`browse_run`).
"""
from __future__ import annotations

import json

import duckdb
import pytest
from click.testing import CliRunner

from conftest import ROOT, make_run
from pipeline.api import load_run
from pipeline.cli import main
from pipeline.query import (EventQuery, NameFilter, NotARun, QueryError, connect, find_events, normalize_name,
                            parse_day, sql)
from pipeline.timeline import UnsupportedPlot, plot_timeline, timeline

ICE = "U.S. Immigration and Customs Enforcement"
CA4 = "U.S. Court of Appeals for the Fourth Circuit"
ARTICLES = [
    {"id": "m1", "source": "Gulf Coast Courier", "published_at": "2025-03-12", "title": "Father deported",
     "text": "Immigration and Customs Enforcement deported José Ramírez to Honduras on Monday. "
             "Judge Paula Xinis ordered ICE to return him."},
    {"id": "m2", "source": "Lone Star Wire", "published_at": "2025-03-13T08:30:00-05:00", "title": "ICE deports man",
     "text": "ICE deported Jose Ramirez to Honduras this week."},
    {"id": "m3", "source": "Capitol Wire", "published_at": "2025-06-20", "title": "Court blocks removal",
     "text": "The 4th Circuit blocked the deportation of Émilie Núñez to France in June."},
    {"id": "m4", "text": "U.S. Border Patrol arrested a man in Texas."},
]
EVENTS = [
    {"article": "m1", "type": "DEPORT", "trigger": "deported", "date": "2025-03-10",
     "args": [("agent", "Immigration and Customs Enforcement", "AGENCY", ICE),
              ("subject", "José Ramírez", "PERSON", None), ("destination", "Honduras", "PLACE", None)]},
    {"article": "m1", "type": "ORDER", "trigger": "ordered",
     "args": [("adjudicator", "Paula Xinis", "PERSON", None), ("subject", "ICE", "AGENCY", ICE)]},
    {"article": "m2", "type": "DEPORT", "trigger": "deported",
     "args": [("agent", "ICE", "AGENCY", ICE), ("subject", "Jose Ramirez", "PERSON", None),
              ("destination", "Honduras", "PLACE", None)]},
    {"article": "m3", "type": "BLOCK", "trigger": "blocked", "date": "2025-06",
     "args": [("adjudicator", "4th Circuit", "COURT", CA4), ("subject", "Émilie Núñez", "PERSON", None)]},
    {"article": "m3", "type": "DEPORT", "trigger": "deportation",
     "args": [("subject", "Émilie Núñez", "PERSON", None), ("destination", "France", "PLACE", None)]},
    {"article": "m4", "type": "ARREST_DETAIN", "trigger": "arrested",
     "args": [("agent", "U.S. Border Patrol", "AGENCY", None), ("place", "Texas", "PLACE", None)]},
]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    return make_run(tmp_path_factory.mktemp("made") / "run", ARTICLES, EVENTS)


def found(made, **query) -> list[str]:
    """`article:TYPE` of the events a query finds, in the order it returns them."""
    names = tuple(NameFilter(n, label) for label, n in query.pop("names", ()))
    frame = find_events(made, EventQuery(names=names, **query))
    return [f"{a}:{t}" for a, t in zip(frame["article_id"], frame["event_type"])]


@pytest.mark.parametrize("label, name, expected", [
    ("AGENCY", "ICE", ["m1:DEPORT", "m1:ORDER", "m2:DEPORT"]),
    ("AGENCY", "ice", ["m1:DEPORT", "m1:ORDER", "m2:DEPORT"]),
    ("AGENCY", "Immigration and Customs Enforcement", ["m1:DEPORT", "m1:ORDER", "m2:DEPORT"]),
    ("AGENCY", "u.s. immigration & customs enforcement", ["m1:DEPORT", "m1:ORDER", "m2:DEPORT"]),
    ("PERSON", "José Ramírez", ["m1:DEPORT", "m2:DEPORT"]),
    ("PERSON", "JOSE RAMIREZ", ["m1:DEPORT", "m2:DEPORT"]),
    ("PERSON", "emilie nunez", ["m3:BLOCK", "m3:DEPORT"]),
    ("PERSON", "Xinis", ["m1:ORDER"]),
    ("COURT", "4th Circuit", ["m3:BLOCK"]),
    ("COURT", "Fourth Circuit", ["m3:BLOCK"]),
    ("COURT", "the 4th U.S. Circuit Court of Appeals", ["m3:BLOCK"]),
    (None, "4th Cir.", ["m3:BLOCK"]),
    ("COURT", "9th Circuit", []),
    ("PLACE", "Texas", ["m4:ARREST_DETAIN"]),
    ("PLACE", "ICE", []),
    ("AGENCY", "Ramirez", []),
    (None, "Honduras", ["m1:DEPORT", "m2:DEPORT"]),
])
def test_query_names_match_canonical_names_and_aliases(made, label, name, expected):
    assert found(made, names=[(label, name)]) == expected


@pytest.mark.parametrize("query, expected", [
    ({"types": ("DEPORT",)}, ["m1:DEPORT", "m2:DEPORT", "m3:DEPORT"]),
    ({"types": ("DEPORT", "BLOCK"), "since": "2025-03-11"}, ["m2:DEPORT", "m3:BLOCK", "m3:DEPORT"]),
    ({"since": "2025-03-11", "until": "2025-06"}, ["m1:ORDER", "m2:DEPORT", "m3:BLOCK", "m3:DEPORT"]),
    ({"since": "2025-03-11", "until": "2025-06-19"}, ["m1:ORDER", "m2:DEPORT", "m3:BLOCK"]),
    ({"until": "2025-03-10"}, ["m1:DEPORT"]),
    ({"since": "2025"}, ["m1:DEPORT", "m1:ORDER", "m2:DEPORT", "m3:BLOCK", "m3:DEPORT"]),
    ({"text": "deported HONDURAS"}, ["m1:DEPORT", "m1:ORDER", "m2:DEPORT"]),
    ({"text": "deported France"}, []),
    ({"names": [("AGENCY", "ICE"), ("PERSON", "Ramirez")]}, ["m1:DEPORT", "m2:DEPORT"]),
    ({"names": [("AGENCY", "ICE"), ("PERSON", "Xinis")], "types": ("ORDER",)}, ["m1:ORDER"]),
    ({"limit": 2}, ["m1:DEPORT", "m1:ORDER"]),
])
def test_query_filters_all_hold_and_events_come_in_date_order(made, query, expected):
    assert found(made, **query) == expected


def test_query_event_date_is_the_events_own_else_the_publication_date(made):
    frame = find_events(made, EventQuery()).set_index("article_id")
    dates = {f"{a}:{t}": (str(d)[:10], s) for a, t, d, s in
             zip(frame.index, frame["event_type"], frame["event_date"], frame["event_date_source"])}
    assert dates["m1:DEPORT"] == ("2025-03-10", "event")
    assert dates["m1:ORDER"] == ("2025-03-12", "published")
    assert dates["m2:DEPORT"] == ("2025-03-13", "published")
    assert dates["m3:BLOCK"] == ("2025-06-01", "event")
    assert dates["m4:ARREST_DETAIN"][0] in ("NaT", "None", "nan")


def test_query_roles_say_what_the_named_entity_did(made):
    frame = find_events(made, EventQuery(names=(NameFilter("ICE"),)))
    assert frame["roles"].map(list).tolist() == [["agent"], ["subject"], ["agent"]]
    assert frame["participants"].iloc[0] == f"agent: {ICE}; subject: José Ramírez; destination: Honduras"


@pytest.mark.parametrize("name, expected", [
    ("The O.C.G.", "o c g"),
    ("José Ramírez", "jose ramirez"),
    ("  U.S. Immigration and Customs Enforcement ", "u s immigration and customs enforcement"),
    ("Ñúñez-Öberg", "nunez oberg"),
    ("ICE", "ice"),
    ("theodore", "theodore"),
])
def test_query_normalize_name_agrees_with_the_sql_macro(made, name, expected):
    assert normalize_name(name) == expected
    assert connect(made).execute("SELECT norm(?)", [name]).fetchone()[0] == expected


@pytest.mark.parametrize("value, end, expected", [
    ("2025", False, "2025-01-01"), ("2025", True, "2025-12-31"), ("2024-02", True, "2024-02-29"),
    ("2025-06", False, "2025-06-01"), ("2025-06-04", True, "2025-06-04"),
])
def test_query_parse_day_takes_partial_dates(value, end, expected):
    assert parse_day(value, end).isoformat() == expected


@pytest.mark.parametrize("bad", [
    lambda: EventQuery(types=("DEPORTED",)), lambda: NameFilter("..."), lambda: parse_day("June 2025"),
    lambda: parse_day("2025-13"), lambda: NameFilter("ICE", "AGENCIES"),
])
def test_query_bad_filters_raise_query_error(bad):
    with pytest.raises(QueryError):
        bad()


def test_query_sql_runs_selects_over_every_view(made):
    counts = sql(made, "SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM events) e, "
                       "(SELECT count(*) FROM participants) p, (SELECT count(*) FROM stories) s").iloc[0].tolist()
    assert counts == [4, 6, 14, 5]
    aliases = sql(made, f"WITH t AS (SELECT * FROM entities) SELECT aliases FROM t WHERE canonical = '{ICE}'")
    assert list(aliases["aliases"][0]) == ["ICE", "Immigration and Customs Enforcement"]
    assert {"event_id", "role", "entity_key"} <= set(sql(made, "DESCRIBE participants")["column_name"])


@pytest.mark.parametrize("statement", [
    "COPY events TO 'out.csv'",
    "COPY (SELECT 1) TO 'events.parquet'",
    "CREATE TABLE x AS SELECT 1",
    "INSERT INTO events SELECT * FROM events",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('../*.py')",
    "ATTACH 'other.db'",
    "SET enable_external_access = true",
    "SELECT 1; SELECT 2",
    "SELEC nonsense",
])
def test_query_sql_refuses_anything_but_reading_the_run(made, statement, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in made.iterdir())
    with pytest.raises(QueryError):
        sql(made, statement)
    assert list(tmp_path.iterdir()) == [] and sorted(p.name for p in made.iterdir()) == before


def test_query_connect_cannot_read_other_files(made):
    with pytest.raises(duckdb.Error):
        connect(made).execute("SELECT * FROM read_text('/etc/hostname')").fetchall()


def test_query_not_a_run_folder(tmp_path):
    with pytest.raises(NotARun):
        connect(tmp_path)


def test_query_timeline_lists_an_entitys_events_in_date_order_and_plots_them(made, tmp_path):
    events = timeline(made, "ICE")
    assert [f"{a}:{t}" for a, t in zip(events["article_id"], events["event_type"])] == \
        ["m1:DEPORT", "m1:ORDER", "m2:DEPORT"]
    assert events["source"].tolist() == ["Gulf Coast Courier", "Gulf Coast Courier", "Lone Star Wire"]
    png = plot_timeline(events, tmp_path / "ice.png", "ICE")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    page = plot_timeline(events, tmp_path / "ice.html", "ICE").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page and "Jose Ramirez to Honduras this week." in page
    with pytest.raises(UnsupportedPlot):
        plot_timeline(events, tmp_path / "ice.pdf", "ICE")


# The done-when commands, on a real extract run of the bundled sample.

def test_query_seed_person_deport_return_prints_the_seed_events(browse_run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    events = load_run(browse_run).participants
    involved = events[(events["article_id"] == "seed-ocg-return") & events["event_type"].isin(["DEPORT", "RETURN"])
                      & (events["canonical"] == "O.C.G.") & (events["label"] == "PERSON")]
    result = CliRunner().invoke(main, ["query", str(browse_run), "--person", "O.C.G.", "--type", "DEPORT", "RETURN",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows, "the seed article's DEPORT and RETURN events of O.C.G."
    assert {r["event_id"] for r in rows} >= set(involved["event_id"])
    assert {r["article_id"] for r in rows} == {"seed-ocg-return"}
    assert {r["event_type"] for r in rows} == {"DEPORT", "RETURN"}
    table = CliRunner().invoke(main, ["query", str(browse_run), "--person", "O.C.G.", "--type", "DEPORT", "RETURN"])
    assert "[seed-ocg-return]" in table.stdout and rows[0]["sentence"].split()[0] in table.stdout


def test_query_timeline_of_ice_on_the_sample_is_in_date_order(browse_run):
    result = CliRunner().invoke(main, ["timeline", str(browse_run), "ICE", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    dates = [r["event_date"] for r in rows]
    dated = [d for d in dates if d is not None]
    assert len(dated) >= 3 and dated == sorted(dated) and dates[:len(dated)] == dated, "undated events come last"
    assert all(r["roles"] for r in rows) and all(r["source"] for r in rows if r["event_date"])


def test_query_cli_prints_events_with_sentences_and_articles(browse_run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    result = CliRunner().invoke(main, ["query", str(browse_run), "--name", "Jose Ramirez", "--type", "DEPORT",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {r["article_id"] for r in rows} == {"story-a1", "story-a2"}
    assert all(r["event_type"] == "DEPORT" and "Honduras" in r["sentence"] for r in rows)
    table = CliRunner().invoke(main, ["query", str(browse_run), "--name", "José Ramírez", "--type", "deport"])
    assert table.exit_code == 0 and "ICE deports Houston man" in table.stdout and "[story-a2]" in table.stdout


def test_query_cli_table_fits_an_80_column_terminal(browse_run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    table = CliRunner().invoke(main, ["query", str(browse_run), "--type", "ORDER", "--limit", "5"])
    assert table.exit_code == 0, table.output
    lines = table.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    header = next(line for line in lines if "participants" in line)
    widths = {name.strip(): len(name) for name in header.strip("┃").split("┃")}
    assert widths["sentence"] == max(widths.values()) and widths["participants"] >= 16
    assert any(line.count("adjudicator:") for line in lines), "roles are not cut inside a word"


@pytest.mark.parametrize("args, message", [
    (["query", "{run}", "--type", "DEPORTED"], "unknown event type DEPORTED"),
    (["query", "{run}", "--since", "last week"], "is not YYYY"),
    (["sql", "{run}", "DROP VIEW events"], "only read-only queries"),
    (["timeline", "{run}", "ICE", "--plot", "ice.svg"], "cannot plot"),
    (["query", "{tmp}"], "not a legalnews run folder"),
])
def test_query_cli_turns_errors_into_messages(made, tmp_path, args, message):
    result = CliRunner().invoke(main, [a.format(run=made, tmp=tmp_path) for a in args])
    assert result.exit_code == 1 and message in result.output


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_query_cli_formats_carry_the_same_events(made, fmt, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    result = CliRunner().invoke(main, ["query", str(made), "--agency", "ICE", "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt != "table":  # a table wraps sentences inside its cells
        assert "Judge Paula Xinis ordered ICE" in result.stdout and "ICE deported Jose Ramirez" in result.stdout
    assert result.stdout.count("Father deported") == 2 and result.stdout.count("ICE deports man") == 1


def test_query_cli_sql_and_stories(made, tmp_path):
    runner = CliRunner()
    counted = runner.invoke(main, ["sql", str(made), "SELECT event_type, count(*) AS n FROM events "
                                   "GROUP BY 1 ORDER BY n DESC, 1", "--format", "csv"])
    assert counted.exit_code == 0
    assert counted.stdout == "event_type,n\nDEPORT,3\nARREST_DETAIN,1\nBLOCK,1\nORDER,1\n"
    plotted = runner.invoke(main, ["timeline", str(made), "Émilie Núñez", "--plot", str(tmp_path / "en.png")])
    assert plotted.exit_code == 0 and (tmp_path / "en.png").is_file() and "BLOCK" in plotted.stdout
    stories = runner.invoke(main, ["stories", str(made), "--min-articles", "2", "--format", "json"])
    assert [(s["event_type"], s["article_ids"], s["n_sources"]) for s in json.loads(stories.stdout)] == \
        [("DEPORT", ["m1", "m2"], 2)]


@pytest.mark.parametrize("command", ["query", "sql", "timeline", "stories", "serve"])
def test_query_docs_show_every_command_and_option(command):
    """docs/querying.md is the reference: each command has a section and names each of its options."""
    text = (ROOT / "docs" / "querying.md").read_text(encoding="utf-8")
    assert f"## legalnews {command}" in text and f"$ legalnews {command} " in text
    options = [o for p in main.commands[command].params for o in p.opts if o.startswith("--")]
    assert options and [o for o in options if o not in text] == []
