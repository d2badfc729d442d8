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
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import Any

from .cache import fingerprint, load_or_build

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


def _database(extractors: list, indices: list[int]):
    """The compiled database of `extractors[indices]`, from the cache or compiled (about 35 s)."""
    import hyperscan

    expressions = [_hyperscan_regex(extractors[i].regex) for i in indices]
    flags = [hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SINGLEMATCH] * len(indices)

    def compile_database():
        database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
        database.compile(expressions=expressions, ids=indices, flags=flags)
        return database

    def load(data: bytes):
        database = hyperscan.loadb(data, mode=hyperscan.HS_MODE_BLOCK)
        database.scratch = hyperscan.Scratch(database)
        return database

    return load_or_build("eyecite-hyperscan", fingerprint(hyperscan.__version__, expressions, flags, indices),
                         compile_database, dumps=hyperscan.dumpb, loads=load, build_without_cache=False,
                         building="compiling eyecite's citation patterns for Hyperscan, about 35 s")


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
            data = None
            if self.database is not None and not NON_ASCII_DIGIT.search(text):  # `re`'s \d matches it, Hyperscan's not
                try:
                    data = OTHER_SPACE.sub(" ", text).encode("utf-8")
                except UnicodeEncodeError:  # a lone surrogate is not UTF-8
                    pass
            if data is None:
                return sorted(self.fallback.get_extractors(text), key=lambda e: self.position[id(e)])
            found = set(self.always)

            def on_match(index: int, start: int, end: int, flags: int, context: Any) -> None:
                found.add(index)

            self.database.scan(data, match_event_handler=on_match)
            return [self.extractors[i] for i in sorted(found)]

    return PrefilteredTokenizer


def citation_tokenizer(use_hyperscan: bool = True):
    """eyecite's tokenizer in a fixed order, prefiltered by Hyperscan when it is installed and its
    database can be had: the same citations either way, about ten times faster with it."""
    from eyecite.tokenizers import EXTRACTORS, default_tokenizer

    extractors = list(EXTRACTORS)
    unfiltered = [_unfiltered(e) for e in extractors]
    always = [i for i, flag in enumerate(unfiltered) if flag]
    database = None
    if use_hyperscan:
        try:
            import hyperscan  # noqa: F401

            database = _database(extractors, [i for i, flag in enumerate(unfiltered) if not flag])
        except ImportError:
            pass
        except Exception as err:  # noqa: BLE001 - an unwritable cache, a pattern Hyperscan refuses: slower, same output
            log.warning("eyecite's Hyperscan prefilter is unavailable (%s); using its Aho-Corasick filter", err)
    return _tokenizer_class()(extractors=extractors, database=database, always=always, fallback=default_tokenizer,
                              position={id(e): i for i, e in enumerate(extractors)})
