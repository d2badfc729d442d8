"""eyecite's tokenizer, running only the extractors that Hyperscan finds in the text.

eyecite finds citations with ~6,800 extractor regexes. Its default tokenizer picks the ones whose
reporter strings occur in the text (Aho-Corasick) and runs each with Python's `re`: about 35 regexes
per news article, most of the citations stage's time. Hyperscan answers "which of these regexes
match anywhere in this text" for all of them in one pass, so only those few run in `re`, and the
citations come out of eyecite's own code as before.

Why no match is lost: the database is compiled in UTF-8 mode, where literals, ASCII classes, `.`,
`\\d` on ASCII digits and `\\s` on ASCII whitespace mean what they mean in `re`. The text is scanned
with other Unicode spaces turned into plain spaces (what `re`'s `\\s` sees); a text holding a
non-ASCII digit gets eyecite's own Aho-Corasick choice; extractors compiled with a flag (the
case-insensitive ones) or using `\\w`, `\\W`, `\\b` or `\\B` (Unicode-aware in `re`) always run.
`tests/test_citations.py` checks the selection against `re` and the citations against eyecite's
default tokenizer.

The extractors always run in eyecite's list order, with or without Hyperscan. eyecite's default
tokenizer hands them over as a set ordered by Python's per-process string hashing, and when two
extractors match the same span the first one's fields win, so a few reporters got other fields in
another process; a fixed order gives the same citations in every run.

eyecite's own HyperscanTokenizer is not used: it takes match offsets from Hyperscan, which differ
from `re`'s for some reporters, and it reads non-ASCII spaces differently.

The database takes about 35 s to compile, so it is compiled once per machine into the project's
cache folder (`pipeline/cache.py`). Where that folder is unusable, eyecite's own filter is used.

Most news articles hold no reporter or statute citation, and importing eyecite (which builds its
~6,800 extractors from reporters-db at import) costs about 0.3 s at the start of every process.
So `CitationTokenizer` first asks, without eyecite, whether a text can hold a full citation at all:
only extractors that make `CitationToken`s lead to one (eyecite's `get_citations` builds full
citations from those tokens alone; the others make "Id.", "supra", section and stop-word tokens).
The cached gate table (keyed by the eyecite, reporters-db and Hyperscan versions and this module)
names those extractors among the database's ids, plus the few that always run in `re`; a text that
the database and those few regexes say none of them matches has no citation for eyecite to find,
and eyecite is imported when the first text that may have one comes (a text Hyperscan cannot read
the way `re` does counts as one that may).
"""
from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from .cache import cache_dir, fingerprint, load_or_build

log = logging.getLogger(__name__)

UNICODE_AWARE = re.compile(r"\\[wWbB]")
OTHER_SPACE = re.compile(r"[^\S \t\n\r\f\v]")
NON_ASCII_DIGIT = re.compile(r"[^\D0-9]")


def _hyperscan_regex(regex: str) -> bytes:
    return re.sub(r"\{,(\d+)\}", r"{0,\1}", regex).encode("utf-8")  # Hyperscan has no "{,n}"


def _unfiltered(extractor) -> bool:
    """Regexes whose meaning in `re` Hyperscan may not share: any flag (case-insensitive matching is
    Unicode-aware in `re`), or a Unicode-aware class."""
    return bool(extractor.flags) or bool(UNICODE_AWARE.search(extractor.regex))


def _filtered(extractors: list) -> list[int]:
    """The indices of the extractors the database holds (all but the unfiltered ones)."""
    return [i for i, e in enumerate(extractors) if not _unfiltered(e)]


def _database_inputs(extractors: list, indices: list[int]) -> tuple[list[bytes], list[int], list[int]]:
    import hyperscan

    expressions = [_hyperscan_regex(extractors[i].regex) for i in indices]
    flags = [hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH] * len(indices)
    return expressions, flags, indices


def _database_key(extractors: list, indices: list[int]) -> str:
    import hyperscan

    expressions, flags, indices = _database_inputs(extractors, indices)
    return fingerprint(hyperscan.__version__, expressions, flags, indices)


def _database(extractors: list, indices: list[int]):
    """The compiled database of `extractors[indices]`, from the cache or compiled (about 35 s)."""
    return _cached_database(_database_key(extractors, indices), lambda: _database_inputs(extractors, indices))


def _cached_database(key: str, inputs: Callable[[], tuple[list[bytes], list[int], list[int]]]):
    """The database cached under `key`, or compiled from `inputs()` (expressions, flags, ids) and cached."""
    import hyperscan

    def compile_database():
        expressions, flags, indices = inputs()
        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        database.compile(expressions=expressions, ids=indices, flags=flags)
        return database

    def load(data: bytes):
        database = hyperscan.loadb(data, mode=hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
        return database

    return load_or_build("eyecite-hyperscan", key, compile_database, dumps=hyperscan.dumpb, loads=load,
                         build_without_cache=False,
                         building="compiling eyecite's citation patterns for Hyperscan, about 35 s")


def _makes_citations(extractor) -> bool:
    """Whether the extractor's tokens can become a full citation: those of a `CitationToken` class,
    or of a constructor that is not a Token class's `from_match` (which nothing here can rule out)."""
    from eyecite.models import CitationToken, Token

    made = getattr(extractor.constructor, "__self__", None)
    return not (isinstance(made, type) and issubclass(made, Token) and not issubclass(made, CitationToken))


def _build_gate() -> dict[str, Any]:
    from eyecite.tokenizers import EXTRACTORS

    extractors = list(EXTRACTORS)
    indices = _filtered(extractors)
    return {"database_key": _database_key(extractors, indices),
            "citation_ids": frozenset(i for i in indices if _makes_citations(extractors[i])),
            "always_citations": [(e.regex, int(e.flags)) for e in extractors
                                 if _unfiltered(e) and _makes_citations(e)]}


def _gate_table() -> dict[str, Any]:
    """What `CitationTokenizer.may_cite` needs to know of eyecite's extractors, without importing
    eyecite: the key of the database, its ids whose extractor makes citation tokens, and the
    always-run extractors that do (regex and flags). A pure function of the installed eyecite and
    reporters-db (which eyecite's extractors are built from), Hyperscan and this module."""
    import hyperscan

    key = fingerprint(Path(__file__).read_bytes(), version("eyecite"), version("reporters-db"), hyperscan.__version__,
                      sys.version_info[:2])
    return load_or_build("eyecite-gate", key, _build_gate, build_without_cache=False)


def _tokenizer_class():
    """The subclass of eyecite's Tokenizer, defined on first use: importing eyecite takes 0.3 s, which
    commands that never extract should not pay."""
    from eyecite.tokenizers import Tokenizer

    @dataclass(eq=False)
    class PrefilteredTokenizer(Tokenizer):
        """eyecite's Tokenizer over the extractors that can match, in eyecite's own list order."""

        database: Any = None
        always: list[int] = field(default_factory=list)
        fallback: Any = None
        position: dict[int, int] = field(default_factory=dict)

        def get_extractors(self, text: str):
            data = scannable(text) if self.database is not None else None
            if data is None:
                return sorted(self.fallback.get_extractors(text), key=lambda e: self.position[id(e)])
            found = set(self.always)
            found.update(scan(self.database, data))
            return [self.extractors[i] for i in sorted(found)]

    return PrefilteredTokenizer


def scannable(text: str) -> bytes | None:
    """The bytes Hyperscan scans for `text`, or None when it could not read them as `re` does."""
    if NON_ASCII_DIGIT.search(text):  # `re`'s \d matches it, Hyperscan's not
        return None
    try:
        return OTHER_SPACE.sub(" ", text).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate is not UTF-8
        return None


def scan(database, data: bytes) -> set[int]:
    """The ids of the database's regexes that match somewhere in `data`."""
    found: set[int] = set()

    def on_match(index: int, start: int, end: int, flags: int, context: Any) -> None:
        found.add(index)

    database.scan(data, match_event_handler=on_match)
    return found


class CitationTokenizer:
    """eyecite's tokenizer of `citation_tokenizer`, made (and eyecite imported) when the first text
    that may hold a citation comes: `may_cite` answers that from the cached gate table and the
    Hyperscan database. Without Hyperscan or the cache, the tokenizer is made at once and every text
    may hold a citation, as before."""

    def __init__(self, use_hyperscan: bool = True):
        self.use_hyperscan = use_hyperscan
        self.database = None
        self.gate: dict[str, Any] | None = None
        self._always: list[re.Pattern] | None = None
        self._tokenizer = None
        if use_hyperscan:
            try:
                import hyperscan  # noqa: F401

                gate = _gate_table()
                self.database = _cached_database(gate["database_key"], self._database_inputs)
                self.gate = gate
            except ImportError:
                pass
            except Exception as err:  # noqa: BLE001 - an unwritable cache, a pattern Hyperscan refuses: slower, same output
                log.warning("eyecite's Hyperscan prefilter is unavailable (%s); using its Aho-Corasick filter", err)
                self.use_hyperscan, self.database = False, None  # not tried again by the tokenizer
        if self.gate is None:
            self._tokenizer = citation_tokenizer(self.use_hyperscan)

    @staticmethod
    def _database_inputs() -> tuple[list[bytes], list[int], list[int]]:
        from eyecite.tokenizers import EXTRACTORS

        extractors = list(EXTRACTORS)
        return _database_inputs(extractors, _filtered(extractors))

    def may_cite(self, text: str) -> bool:
        """False only when no extractor that makes citation tokens can match `text`: then eyecite's
        `get_citations` finds no full citation in it."""
        if self.gate is None or text == "eyecite":  # get_citations("eyecite") returns its joke citation
            return True
        data = scannable(text)
        if data is None or not self.gate["citation_ids"].isdisjoint(scan(self.database, data)):
            return True
        if self._always is None:
            self._always = [re.compile(regex, flags) for regex, flags in self.gate["always_citations"]]
        return any(pattern.search(text) for pattern in self._always)

    @property
    def tokenizer(self):
        """The prefiltered eyecite tokenizer (imports eyecite on first use)."""
        if self._tokenizer is None:
            self._tokenizer = citation_tokenizer(self.use_hyperscan, database=self.database,
                                                 database_key=self.gate["database_key"])
            if self._tokenizer.database is not self.database:  # the gate table is not of these extractors
                self.gate, self.database = None, self._tokenizer.database
        return self._tokenizer


def citation_tokenizer(use_hyperscan: bool = True, database: Any = None, database_key: str | None = None):
    """eyecite's tokenizer in a fixed order, prefiltered by Hyperscan when it is installed and its
    database can be had: the same citations either way, about ten times faster with it."""
    from eyecite.tokenizers import EXTRACTORS, default_tokenizer

    extractors = list(EXTRACTORS)
    unfiltered = [_unfiltered(e) for e in extractors]
    always = [i for i, flag in enumerate(unfiltered) if flag]
    if database is not None and database_key is not None and \
            database_key != _database_key(extractors, [i for i, flag in enumerate(unfiltered) if not flag]):
        log.warning("eyecite's extractors differ from those of the cached eyecite-gate table (eyecite changed "
                    "without a new version?): delete it from %s", cache_dir())
        database = None  # the database given is another list's: build this one's below
    if database is None and use_hyperscan:
        try:
            import hyperscan  # noqa: F401

            database = _database(extractors, [i for i, flag in enumerate(unfiltered) if not flag])
        except ImportError:
            pass
        except Exception as err:  # noqa: BLE001 - an unwritable cache, a pattern Hyperscan refuses: slower, same output
            log.warning("eyecite's Hyperscan prefilter is unavailable (%s); using its Aho-Corasick filter", err)
    return _tokenizer_class()(extractors=extractors, database=database, always=always, fallback=default_tokenizer,
                              position={id(e): i for i, e in enumerate(extractors)})
