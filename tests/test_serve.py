"""Browsing a run: the SQLite export, the Datasette metadata, and `legalnews serve` in headless Chromium."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
import sqlite_utils

from chromium import CHROMIUM, Browser
from conftest import make_run
from pipeline.serve import EVENTS_DEFAULT_HIDDEN, QUERIES, TABLES, export_sqlite, metadata

LEGALNEWS = Path(sys.executable).parent / "legalnews"
STORY_EVENTS = {"story-a1:E36-44:DEPORT", "story-a2:E4-12:DEPORT"}


@pytest.fixture(scope="module")
def exported(browse_run, tmp_path_factory) -> Path:
    return export_sqlite(browse_run, tmp_path_factory.mktemp("sqlite") / "legalnews.db")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


@pytest.fixture(scope="module")
def served(browse_run, tmp_path_factory):
    """`legalnews serve` on a free localhost port, as a user starts it, and its console log; stopped
    after the module."""
    port = free_port()
    db = tmp_path_factory.mktemp("served") / "legalnews.db"
    log_path = tmp_path_factory.mktemp("serve-log") / "serve.log"
    log = log_path.open("w+")
    process = subprocess.Popen([str(LEGALNEWS), "serve", str(browse_run), "--port", str(port), "--db", str(db)],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if get(f"{base}/-/versions.json")[0] == 200:
                    break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.seek(0)
                pytest.fail(f"legalnews serve did not start: {log.read()[-2000:]}")
            time.sleep(0.3)
        yield base, log_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


def test_serve_export_has_every_table_with_search_and_links(exported, browse_run):
    db = sqlite_utils.Database(exported)
    manifest = json.loads((browse_run / "manifest.json").read_text(encoding="utf-8"))
    for table in ("articles", "mentions", "events", "stories", "entities"):
        assert db[table].count == manifest["counts"]["tables"][table], table
    assert {r["event_id"] for r in db["events"].search("Ramirez")} >= STORY_EVENTS
    assert {r["event_id"] for r in db["events"].search("Ramírez")} >= STORY_EVENTS
    assert {r["event_id"] for r in db["events"].search("Honduran father deported")} >= {"story-a1:E36-44:DEPORT"}
    assert db["events"].detect_fts() == "events_fts" and db["articles"].detect_fts() == "articles_fts"
    links = {(fk.column, fk.other_table) for fk in db["events"].foreign_keys}
    assert links == {("article_id", "articles"), ("story_id", "stories")}
    story = db.execute("SELECT s.n_sources FROM events e JOIN stories s USING (story_id) WHERE e.event_id = ?",
                       ["story-a2:E4-12:DEPORT"]).fetchone()
    assert story == (2,)
    agency = db.execute("SELECT agency FROM events WHERE event_id = ?", ["story-a2:E4-12:DEPORT"]).fetchone()
    assert agency == ("U.S. Immigration and Customs Enforcement",)


def test_serve_metadata_describes_every_table_and_column(exported):
    db = sqlite_utils.Database(exported)
    described = metadata()["databases"]["legalnews"]["tables"]
    tables = [t for t in db.table_names() if "_fts" not in t]
    assert sorted(tables) == sorted(described) == sorted(TABLES)
    for table in tables:
        columns = {c.name for c in db[table].columns}
        assert columns == set(TABLES[table]["columns"]), table
        assert all(TABLES[table]["columns"].values()) and TABLES[table]["description"]
        assert "columns" not in described[table], "Datasette would list the column meanings above the rows"
        assert "<details" in described[table]["columns_html"]
        assert all(f"<code>{c}</code>" in described[table]["columns_html"] for c in columns), table
        facets = {f if isinstance(f, str) else next(iter(f.values())) for f in described[table].get("facets", [])}
        assert facets <= columns, table
    assert TABLES["events"]["facets"] == ["event_type", "agency", "court", "person", "place", "month", "source",
                                          "negated", "modality"]
    assert set(EVENTS_DEFAULT_HIDDEN) < set(TABLES["events"]["columns"])
    assert {"event_id", "trigger_start", "sentence_index", "rule", "confidence", "arguments"} <= set(EVENTS_DEFAULT_HIDDEN)


def test_serve_canned_queries_answer_a_reporters_questions(exported):
    db = sqlite_utils.Database(exported)

    def ask(query, **params):
        return [dict(r) for r in db.query(QUERIES[query]["sql"], params)]

    orders = ask("court_orders_naming_an_agency", agency="ICE", since="")
    assert orders and all(r["event_type"] in ("ORDER", "BLOCK") for r in orders)
    assert all("Immigration and Customs" in r["agency_named"] for r in orders)
    since = max(r["event_date"] for r in orders)
    assert {r["event_date"] for r in ask("court_orders_naming_an_agency", agency="ice", since=since)} == {since}
    assert not ask("court_orders_naming_an_agency", agency="Justice Departmentx", since="")
    ramirez = ask("everything_about_a_person", name="Jose Ramirez")
    assert {"story-a2:E4-12:DEPORT"} <= {r["event_id"] for r in ramirez}
    dates = [r["event_date"] for r in ramirez]
    assert dates == sorted(dates)
    several = ask("actions_reported_by_several_outlets", min_sources="")
    assert several and all(r["n_sources"] >= 2 for r in several)
    assert any(json.loads(r["sources"]) == ["Gulf Coast Courier", "Lone Star Wire"] for r in several)
    assert not ask("actions_reported_by_several_outlets", min_sources="99")


def test_serve_export_of_a_run_without_events_has_every_table(tmp_path):
    run = make_run(tmp_path / "run", [{"id": "a", "text": "Nothing happened in court today."}], [])
    db = sqlite_utils.Database(export_sqlite(run))
    assert {t: db[t].count for t in TABLES} == {t: int(t == "articles") for t in TABLES}
    assert all({c.name for c in db[t].columns} == set(TABLES[t]["columns"]) for t in TABLES)
    assert (run / "legalnews.db").is_file() and not list(run.glob("*.partial"))


@pytest.fixture(scope="module")
def server(served) -> str:
    return served[0]


def test_serve_json_api_searches_sentences(server):
    status, body = get(f"{server}/legalnews/events.json?_search=Ramirez&_shape=array")
    assert status == 200
    assert {row["event_id"] for row in json.loads(body)} >= STORY_EVENTS


def test_serve_is_read_only(server):
    before = json.loads(get(f"{server}/legalnews.json?sql=select+count(*)+as+n+from+events&_shape=array")[1])
    status, _ = get(f"{server}/legalnews.json?" + urllib.parse.urlencode({"sql": "DELETE FROM events"}))
    after = json.loads(get(f"{server}/legalnews.json?sql=select+count(*)+as+n+from+events&_shape=array")[1])
    assert status >= 400 and before == after and before[0]["n"] > 0


def test_serve_a_refused_query_is_one_answer_not_a_console_traceback(served):
    base, log_path = served
    status, body = get(f"{base}/legalnews.json?" + urllib.parse.urlencode({"sql": "DROP TABLE events"}))
    assert status == 400 and "SELECT" in json.loads(body)["error"]
    time.sleep(0.5)
    assert "Traceback" not in log_path.read_text(errors="replace")


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="needs Debian's chromium (`apt-get install chromium`; .ci/run installs it)")

# In the page: the rows, the widths of the header cells, where the column meanings are.
LAYOUT = """(() => {
  const rows = [...document.querySelectorAll("table.rows-and-columns tbody tr")];
  const widths = {};
  document.querySelectorAll("table.rows-and-columns thead th").forEach(th => {
    widths[th.dataset.column || th.textContent.trim()] = th.getBoundingClientRect().width; });
  const meanings = [...document.querySelectorAll("dl.column-descriptions, details.column-meanings")];
  const first = rows.length ? rows[0] : null;
  return {
    n_rows: rows.length,
    first_row_top: first ? first.getBoundingClientRect().top + window.scrollY : null,
    first_row_before_meanings: first !== null && meanings.every(
      m => first.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING),
    meanings_top: meanings.map(m => m.getBoundingClientRect().top + window.scrollY),
    meanings_open: meanings.filter(m => m.tagName === "DETAILS" && m.open).length,
    widths: widths,
    cells: rows.map(r => Object.fromEntries([...r.querySelectorAll("td")].map(
      td => [[...td.classList].find(c => c.startsWith("col-")).slice(4), td.innerText.trim()]))),
  };
})()"""


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium for the module, with the network off: only 127.0.0.1 resolves."""
    if CHROMIUM is None:
        pytest.skip("needs Debian's chromium (`apt-get install chromium`; .ci/run installs it)")
    with Browser(offline=True) as chromium:
        yield chromium


def page_without_errors(browser, url, settle=0.5):
    page = browser.page(url, settle=settle)
    assert page.exceptions == [], page.exceptions
    assert all("127.0.0.1" not in failed for failed in page.failed_requests), page.failed_requests
    return page


@needs_chromium
def test_serve_events_page_opens_on_its_rows_with_the_sentence_widest(server, browser):
    page = page_without_errors(browser, f"{server}/legalnews/events")
    layout = page.evaluate(LAYOUT)
    assert layout["n_rows"] > 0 and layout["first_row_before_meanings"] and not layout["meanings_open"]
    assert layout["first_row_top"] < 1000, "the first event should be on the first screen at 1400x1000"
    widths = {c: w for c, w in layout["widths"].items() if c not in ("Link", "rowid")}
    assert max(widths, key=widths.get) == "sentence", widths
    assert list(widths)[:3] == ["event_date", "event_type", "subject"]
    assert not set(widths) & set(EVENTS_DEFAULT_HIDDEN), "technical columns are hidden by default"
    first = layout["cells"][0]
    assert first["article_id"] and first["sentence"]
    show_all = page.evaluate("[...document.querySelectorAll('a')].find(a => a.textContent === 'show all columns').href")
    every = page_without_errors(browser, show_all).evaluate(LAYOUT)
    assert set(EVENTS_DEFAULT_HIDDEN) <= set(every["widths"]) and every["n_rows"] == layout["n_rows"]


@needs_chromium
def test_serve_search_box_finds_sentences_and_headlines(server, browser):
    page = page_without_errors(browser, f"{server}/legalnews/events")
    page.navigate_by("document.querySelector('input[name=_search]').value = 'Ramirez'; "
                     "document.querySelector('form.filters').submit()")
    layout = page.evaluate(LAYOUT)
    assert page.exceptions == []
    sentences = [row["sentence"] for row in layout["cells"]]
    assert any("ICE deported Jose Ramirez, a Houston father of three" in s for s in sentences)
    assert all("Ram" in s for s in sentences)
    headline = page_without_errors(browser, f"{server}/legalnews/events?_search=Honduran+father").evaluate(LAYOUT)
    assert any("Honduran father deported" in r["article_id"] and "Honduran" not in r["sentence"]
               for r in headline["cells"]), "the headline is searched, not only the sentence"


@needs_chromium
def test_serve_entity_page_lists_its_events_in_date_order(server, browser):
    entities = page_without_errors(browser, f"{server}/legalnews/entities?label=AGENCY")
    href = entities.evaluate("[...document.querySelectorAll('td.col-canonical a')]"
                             ".find(a => a.textContent === 'U.S. Immigration and Customs Enforcement').href")
    assert "entity_timeline" in href
    timeline = page_without_errors(browser, href).evaluate(LAYOUT)
    dates = [row["event_date"] for row in timeline["cells"]]
    dated = [d for d in dates if d]  # events with no date at all come last
    assert len(dated) >= 3 and dated == sorted(dated) and dates[:len(dated)] == dated
    assert any("ICE deported Jose Ramirez" in row["sentence"] for row in timeline["cells"])
    assert all(row["sentence"] for row in timeline["cells"]) and any(row["title"] for row in timeline["cells"])
    assert timeline["cells"][0]["entity"] == "U.S. Immigration and Customs Enforcement"
    stories = page_without_errors(browser, f"{server}/legalnews/stories?n_sources__gte=2")
    assert stories.evaluate("document.querySelectorAll('td.col-event_ids a[href*=event_id]').length") == 2
    row_page = page_without_errors(browser, stories.evaluate("document.querySelector('td.col-story_id a').href"))
    story_events = row_page.evaluate("[...document.querySelectorAll('a')].find(a => a.href.includes('events?story_id')).href")
    events = page_without_errors(browser, story_events).evaluate(LAYOUT)
    assert events["n_rows"] == 2 and {r["source"] for r in events["cells"]} == {"Gulf Coast Courier", "Lone Star Wire"}


@needs_chromium
def test_serve_dashboard_draws_the_chart_offline_and_the_map_without_errors(server, browser):
    page = browser.page(f"{server}/-/dashboards/overview", settle=2)
    assert page.exceptions == [], page.exceptions
    failed = page.failed_requests
    assert all("tile.openstreetmap.org" in f for f in failed), failed  # only the map tiles need the network
    chart = page.evaluate("(() => { const el = document.querySelector('#chart-per-month');"
                          " return el ? el.querySelectorAll('svg, canvas').length : -1; })()")
    assert chart > 0, "the events-per-month chart did not render"
    markers = page.evaluate("document.querySelectorAll('#chart-places .leaflet-marker-icon').length")
    assert markers > 0
