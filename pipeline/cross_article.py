"""Names linked across articles: one `entity_key` for one person throughout a run.

Within an article the entities stage already gives "Tipton" the canonical name "Drew B. Tipton"
it was introduced with. Across articles the same judge may be "Drew Tipton" in one story and
"Judge Tipton" in another, and a defendant "Abrego Garcia" in a story that never spells his given
name. When a run is published, every PERSON name is linked to the fullest name in the run it can
be a shorter way of writing, provided that fullest name is unique: "Smith" with both "John Smith"
and "Jane Smith" in the run, or "Drew Tipton" with both "Drew B. Tipton" and "Drew C. Tipton",
stays as it is. Names whose people hold roles of different kinds (a judge, a defence lawyer) are
never linked, nor placeholder names ("John Doe") or names made of initials only ("O.C.G.").

The mention keeps the canonical name its article gives; only `entity_key` is shared, so
`timeline`, the `entities` view and `stories` see one entity.
"""
from __future__ import annotations

import json
import os
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyarrow.parquet as pq

from .query import normalize_name
from .records import entity_key
from .resources import models_dir as resolve_models_dir
from .writers import string_array

__all__ = ["NameTables", "PersonName", "covers", "link_mentions_table", "link_people", "name_tables", "name_words"]


@dataclass(frozen=True)
class NameTables:
    """The word lists of `models/cross_article/names.json`."""

    role_families: dict[str, str]
    generational_suffixes: frozenset[str]
    placeholder_surnames: frozenset[str]

    def family(self, role: str | None) -> str | None:
        """The kind of role ("district judge" -> judiciary), by the whole role, then its last word."""
        if not role:
            return None
        role = role.lower()
        return self.role_families.get(role) or self.role_families.get(role.rsplit(" ", 1)[-1])


@lru_cache(maxsize=4)
def name_tables(models_dir: str = "") -> NameTables:
    data = json.loads((resolve_models_dir(models_dir) / "cross_article" / "names.json").read_text(encoding="utf-8"))
    return NameTables(role_families=dict(data["role_families"]),
                      generational_suffixes=frozenset(data["generational_suffixes"]),
                      placeholder_surnames=frozenset(data["placeholder_surnames"]))


@dataclass
class PersonName:
    """One distinct PERSON canonical name of a run, with the kinds of role its mentions carry."""

    canonical: str
    words: tuple[str, ...]
    families: set[str] = field(default_factory=set)
    mentions: int = 0

    @property
    def fullness(self) -> tuple[int, int]:
        return len(self.words), sum(map(len, self.words))


def name_words(canonical: str, tables: NameTables) -> tuple[str, ...]:
    """Folded words of a name without generational suffixes: "Ramón Tavárez Jr." -> ("ramon", "tavarez")."""
    words = normalize_name(canonical).split()
    while len(words) > 1 and words[-1] in tables.generational_suffixes:
        words.pop()
    return tuple(words)


def _same_given(a: str, b: str) -> bool:
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def covers(full: tuple[str, ...], short: tuple[str, ...]) -> bool:
    """Whether `short` can be a shorter way of writing the name `full`.

    Either a surname form, `full`'s last words ("Tipton", "Abrego Garcia"), or the same first and
    last name with middle names left out or shortened to initials ("Drew Tipton", "D. Tipton" of
    "Drew B. Tipton").
    """
    if not short or short == full or len(short) > len(full) or short[-1] != full[-1]:
        return False
    if (len(full), sum(map(len, full))) <= (len(short), sum(map(len, short))):
        return False
    if full[len(full) - len(short):] == short:
        return True
    if len(short) < 2 or not _same_given(short[0], full[0]):
        return False
    middle = iter(full[1:-1])
    return all(any(_same_given(word, other) for other in middle) for word in short[1:-1])


def _linkable(name: PersonName, tables: NameTables) -> bool:
    words = name.words
    return bool(words) and len(words[-1]) > 1 and not words[-1].isdigit() \
        and words[-1] not in tables.placeholder_surnames


def _roles_agree(a: PersonName, b: PersonName) -> bool:
    return not (a.families and b.families and a.families.isdisjoint(b.families))


def link_people(names: list[PersonName], tables: NameTables) -> dict[str, str]:
    """Canonical name -> the canonical name whose key it shares (itself when not linked).

    Names with the same folded words ("Lucía Farrell", "Lucia Farrell") are one name, written as
    its most frequent spelling.
    """
    by_words: dict[tuple[str, ...], list[PersonName]] = defaultdict(list)
    for name in names:
        by_words[name.words].append(name)
    merged: dict[tuple[str, ...], PersonName] = {}
    for words, spellings in by_words.items():
        spellings.sort(key=lambda n: (-n.mentions, n.canonical))
        merged[words] = PersonName(spellings[0].canonical, words, set().union(*(n.families for n in spellings)),
                                   sum(n.mentions for n in spellings))
    by_surname: dict[str, list[PersonName]] = defaultdict(list)
    for name in merged.values():
        if _linkable(name, tables):
            by_surname[name.words[-1]].append(name)
    fullest: dict[tuple[str, ...], tuple[str, ...]] = {}
    for group in by_surname.values():
        for name in group:
            wider = [other for other in group if covers(other.words, name.words) and _roles_agree(name, other)]
            tops = [w for w in wider if not any(covers(o.words, w.words) for o in wider if o is not w)]
            if len(tops) == 1:
                fullest[name.words] = tops[0].words
    top_of: dict[tuple[str, ...], tuple[str, ...]] = {}
    for words in by_words:
        target = words
        for _ in range(8):  # a chain "Tipton" -> "Drew Tipton" -> "Drew B. Tipton" ends in a few steps
            if target not in fullest:
                break
            target = fullest[target]
        top_of[words] = target
    clusters: dict[tuple[str, ...], list[PersonName]] = defaultdict(list)
    for words, top in top_of.items():
        clusters[top].append(merged[words])
    written = {top: _written_name(members) for top, members in clusters.items()}
    return {name.canonical: written[top_of[words]] for words, spellings in by_words.items() for name in spellings}


def _written_name(members: list[PersonName]) -> str:
    """The name a linked person's key is spelled with: the most used of its names that give more
    than a surname ("Abrego Garcia" of "Kilmar Abrego Garcia" does not), then the fullest, so a
    stray fuller form ("U.S. Dustin Keel") does not name everyone."""
    def surname_form(name: PersonName) -> bool:
        return any(len(o.words) > len(name.words) and o.words[len(o.words) - len(name.words):] == name.words
                   and any(len(w) > 1 for w in o.words[:len(o.words) - len(name.words)]) for o in members)

    given = [n for n in members if not surname_form(n)] or members
    return min(given, key=lambda n: (-n.mentions, tuple(-x for x in n.fullness), n.canonical)).canonical


def person_names(parquet: Path, tables: NameTables) -> list[PersonName]:
    """The distinct PERSON canonical names of a mentions table, with their role kinds and counts;
    read a batch of three columns at a time, so memory holds names, not mentions."""
    found: dict[str, PersonName] = {}
    for batch in pq.ParquetFile(parquet).iter_batches(columns=["label", "canonical", "role"]):
        for label, canonical, role in zip(*(batch.column(i).to_pylist() for i in range(3))):
            if label != "PERSON" or not canonical:
                continue
            name = found.get(canonical)
            if name is None:
                name = found[canonical] = PersonName(canonical, name_words(canonical, tables))
            name.mentions += 1
            family = tables.family(role)
            if family:
                name.families.add(family)
    return list(found.values())


def linked_key(label: str | None, canonical: str | None, key: str | None, links: dict[str, str]) -> str | None:
    target = links.get(canonical) if label == "PERSON" and canonical else None
    return key if target is None or target == canonical else entity_key("PERSON", target)


def link_mentions_table(table: Path, models_dir: str = "") -> int:
    """Rewrite `entity_key` in TABLE.parquet and TABLE.jsonl with the run's linked person keys.

    Returns how many mentions changed key; both files are rewritten (one row group at a time) and
    replaced atomically, and left untouched when no key changes.

    The new keys are put in with Arrow's compute functions (a lookup of each row's canonical name
    among the names that get another key), not by converting the column to Python values and back:
    `pa.array` would import pandas, a quarter of a second, and a Python value per mention grows with
    the run. The two files hold the same rows in the same order (the writers write both), so the
    JSON Lines rows to rewrite are the Parquet rows whose key changed; every other line is copied as
    written."""
    tables = name_tables(str(models_dir or ""))
    parquet, jsonl = Path(f"{table}.parquet"), Path(f"{table}.jsonl")
    links = link_people(person_names(parquet, tables), tables)
    renamed = {canonical: entity_key("PERSON", target) for canonical, target in links.items() if target != canonical}
    if not renamed:
        return 0
    import pyarrow.compute as pc  # 0.08 s to import: only when some key changes (not on a one-article run)

    names, keys = string_array(list(renamed)), string_array(list(renamed.values()))
    person = string_array(["PERSON"])
    source = pq.ParquetFile(parquet)
    index = source.schema_arrow.get_field_index("entity_key")
    changed_rows: set[int] = set()
    offset = 0
    temp = Path(f"{parquet}.partial")
    with pq.ParquetWriter(temp, source.schema_arrow, compression="zstd") as writer:
        for group in range(source.num_row_groups):
            rows = source.read_row_group(group)
            old = rows.column(index)
            found = pc.index_in(rows.column("canonical"), value_set=names)  # null: a name that keeps its key
            linked = pc.and_(pc.is_in(rows.column("label"), value_set=person), pc.is_valid(found))
            new = pc.if_else(linked, pc.take(keys, found), old)
            candidates = pc.indices_nonzero(linked)
            before, after = pc.take(old, candidates).to_pylist(), pc.take(new, candidates).to_pylist()
            changed_rows.update(offset + i for i, a, b in zip(candidates.to_pylist(), before, after) if a != b)
            writer.write_table(rows.set_column(index, source.schema_arrow.field(index), new))
            offset += rows.num_rows
    encode = json.JSONEncoder(ensure_ascii=False).encode  # the writers' JSON Lines format
    lines = 0
    with open(jsonl, encoding="utf-8") as src, open(f"{jsonl}.partial", "w", encoding="utf-8") as out:
        for line in src:
            if lines in changed_rows:
                row = json.loads(line)
                row["entity_key"] = linked_key(row["label"], row["canonical"], row["entity_key"], links)
                line = encode(row) + "\n"
            out.write(line)  # an unchanged row: the writers' own line, as written
            lines += 1
    if lines != offset:
        raise ValueError(f"{jsonl} has {lines} rows and {parquet} {offset}: they no longer hold the same table")
    os.replace(temp, parquet)
    os.replace(f"{jsonl}.partial", jsonl)
    return len(changed_rows)
