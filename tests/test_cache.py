"""The cache of derived tables: built once, loaded after, never stale, never a reason to fail."""
from __future__ import annotations

import pytest

from pipeline.cache import CacheUnavailable, fingerprint, load_or_build
from pipeline.courts import _build_court_index, _court_index
from pipeline.places import (build_cities, build_counties, build_countries, build_subdivisions, cities, counties,
                             countries, subdivisions)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("LEGALNEWS_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting_build(calls: list):
    def build():
        calls.append(1)
        return {"table": list(range(5))}
    return build


def test_cache_builds_once_then_loads(cache, caplog):
    calls = []
    first = load_or_build("demo", fingerprint("v1"), counting_build(calls), building="building the demo")
    second = load_or_build("demo", fingerprint("v1"), counting_build(calls))
    assert first == second == {"table": [0, 1, 2, 3, 4]} and len(calls) == 1
    assert "building the demo" in caplog.text
    assert [p.name for p in cache.iterdir() if p.suffix == ".bin"] == [f"demo-{fingerprint('v1')}.bin"]


def test_cache_a_new_key_builds_anew(cache):
    calls = []
    load_or_build("demo", fingerprint("v1"), counting_build(calls))
    load_or_build("demo", fingerprint("v2"), counting_build(calls))
    assert len(calls) == 2


def test_cache_a_damaged_file_is_rebuilt(cache, caplog):
    calls = []
    load_or_build("demo", fingerprint("v1"), counting_build(calls))
    [saved] = cache.glob("demo-*.bin")
    saved.write_bytes(saved.read_bytes()[:10])
    assert load_or_build("demo", fingerprint("v1"), counting_build(calls)) == {"table": [0, 1, 2, 3, 4]}
    assert len(calls) == 2 and "damaged" in caplog.text
    assert not list(cache.glob(".tmp-*"))


def test_cache_an_unusable_folder_builds_in_memory_or_says_so(tmp_path, monkeypatch, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("LEGALNEWS_CACHE", str(blocker / "cache"))
    calls = []
    assert load_or_build("demo", fingerprint("v1"), counting_build(calls)) == {"table": [0, 1, 2, 3, 4]}
    assert "unusable" in caplog.text
    with pytest.raises(CacheUnavailable):
        load_or_build("demo", fingerprint("v1"), counting_build(calls), build_without_cache=False)


def test_cache_fingerprint_depends_on_every_part():
    assert fingerprint(b"code", "1.0") != fingerprint(b"code", "1.1") != fingerprint(b"code2", "1.1")
    assert fingerprint(b"code", "1.0") == fingerprint(b"code", "1.0")


def test_cache_city_index_from_the_cache_is_the_built_one():
    index = cities()
    assert index == build_cities()
    assert index["boston"][0].admin1 == "MA"


def test_cache_subdivisions_from_the_cache_are_the_built_ones():
    assert subdivisions() == build_subdivisions()
    assert subdivisions()["sinaloa"].country_code == "MX"


def test_cache_countries_counties_and_court_names_from_the_cache_are_the_built_ones():
    assert countries() == build_countries()  # its order follows the hash seed (a set of US names): only lookups use it
    assert list(counties().items()) == list(build_counties().items())
    assert list(_court_index().items()) == list(_build_court_index().items())
    assert countries()["united states"].country_code == "US" and counties()["hennepin county"][0].admin1 == "MN"


def test_cache_a_failed_save_keeps_the_value_and_leaves_no_temporary_file(cache, caplog):
    def disk_full(value) -> bytes:
        raise OSError(28, "No space left on device")

    calls = []
    assert load_or_build("demo", fingerprint("v1"), counting_build(calls), dumps=disk_full) == {"table": [0, 1, 2, 3, 4]}
    assert "could not save demo" in caplog.text and "No space left" in caplog.text
    assert not list(cache.glob(".tmp-*")) and not list(cache.glob("demo-*.bin"))
