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

from conftest import make_run
from pipeline.serve import TABLES, export_sqlite, metadata

LEGALNEWS = Path(sys.executable).parent / "legalnews"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
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
    for table in ("articles", "mentions", "events", "stories"):
        assert db[table].count == manifest["counts"]["tables"][table], table
    assert {r["event_id"] for r in db["events"].search("Ramirez")} >= STORY_EVENTS
    assert {r["event_id"] for r in db["events"].search("Ramírez")} >= STORY_EVENTS
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
    assert sorted(tables) == sorted(described)
    for table in tables:
        columns = {c.name for c in db[table].columns}
        assert columns == set(described[table]["columns"]), table
        assert all(described[table]["columns"].values()) and described[table]["description"]
        facets = {f if isinstance(f, str) else next(iter(f.values())) for f in described[table].get("facets", [])}
        assert facets <= columns, table
    assert {"event_type", "agency", "court", "place"} <= {f for f in TABLES["events"]["facets"] if isinstance(f, str)}
    assert {"date": "event_date"} in TABLES["events"]["facets"]


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


def dump_dom(url: str, profile: Path) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--disable-dev-shm-usage", f"--user-data-dir={profile}", "--dump-dom", url]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@pytest.mark.skipif(CHROMIUM is None,
                    reason="needs Debian's chromium (`apt-get install chromium`; .ci/run installs it)")
def test_serve_events_page_search_in_a_browser(server, tmp_path):
    page = dump_dom(f"{server}/legalnews/events?_search=Ramirez", tmp_path / "profile")
    assert "ICE deported Jose Ramirez, a Houston father of three" in page
    assert "story-a2:E4-12:DEPORT" in page and "story-a1:E36-44:DEPORT" in page
    assert "seed-ocg-return" not in page
    assert 'name="_search"' in page and "event_type" in page
    assert "Court actions found in the articles" in page
