"""The docs say what the code does: these tests fail when README.md or docs/*.md drift from the
command line (pipeline/cli.py), the table schemas (pipeline/writers.py), the reject reasons
(pipeline/errors.py), the manifest (pipeline/run.py) or the Makefile.

Conventions the docs keep so that this can be checked:
- each command has a synopsis: a ```text block whose lines start with `legalnews COMMAND`
  (continuation lines indented), naming every option of that command and no other;
- command examples (`$ legalnews ...` or `.venv/bin/legalnews ...` in console/sh blocks) use only
  real commands, options and choices;
- docs/tables.md has a `## NAME` section per table whose `| column | type | meaning |` tables
  list every column (in backticks, first cell) with its type, a `| reason | ... |` table under
  `## rejects`, and `| key | what |` tables under `## manifest.json`.
"""
from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import click
import pyarrow as pa
import pytest

from pipeline.cli import main
from pipeline.errors import RejectReason
from pipeline.writers import SCHEMAS

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
TABLES_MD = ROOT / "docs" / "tables.md"
DOCS = [README, *sorted((ROOT / "docs").glob("*.md"))]

FENCE = re.compile(r"^```([\w-]*)\n(.*?)^```", re.S | re.M)
CODE = re.compile(r"`([^`\n]+)`")
OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in FENCE.finditer(text)]


def all_blocks() -> list[tuple[Path, str, str]]:
    return [(path, lang, body) for path in DOCS for lang, body in fenced_blocks(path.read_text(encoding="utf-8"))]


# --- (a) the command line -------------------------------------------------------------------

def commands() -> dict[str, click.Command]:
    """'' is the group itself (global options), then every subcommand."""
    return {"": main, **main.commands}


def option_names(command: click.Command) -> set[str]:
    names = {opt for param in command.params if isinstance(param, click.Option)
             for opt in (*param.opts, *param.secondary_opts)}
    if command is main:
        names |= set(main.context_settings.get("help_option_names", ["--help"]))
    return names


def synopses() -> dict[str, str]:
    """Command name -> the text of its synopsis lines, from every ```text block of the docs."""
    found: dict[str, str] = {}
    for _path, lang, body in all_blocks():
        if lang != "text":
            continue
        current = None
        for line in body.splitlines():
            if line.startswith("legalnews "):
                word = line.split()[1]
                current = word if word in main.commands else ""
                found[current] = found.get(current, "") + "\n" + line
            elif current is not None and line.startswith(" ") and line.strip():
                found[current] += "\n" + line
            else:
                current = None
    return found


def examples() -> list[tuple[Path, str]]:
    """Command lines shown as run: `$ legalnews ...`, `.venv/bin/legalnews ...` outside synopses."""
    found = []
    for path, lang, body in all_blocks():
        if lang == "text":
            continue
        for line in body.splitlines():
            line = line.removeprefix("$ ")
            if re.match(r"(\.venv/bin/)?legalnews ", line):
                found.append((path, line))
    return found


def test_every_command_has_a_synopsis():
    documented = synopses()
    missing = [name or "legalnews (global options)" for name in commands() if name not in documented]
    assert not missing, f"no ```text synopsis line `legalnews COMMAND ...` in README.md or docs/*.md for: {missing}"


@pytest.mark.parametrize("name", list(commands()))
def test_synopsis_names_every_option(name):
    text = synopses().get(name, "")
    missing = sorted(opt for opt in option_names(commands()[name])
                     if not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", text))
    assert not missing, f"options of `legalnews {name or '(global)'}` missing from its synopsis: {missing}"


@pytest.mark.parametrize("name", list(commands()))
def test_synopsis_names_no_other_option(name):
    unknown = sorted(set(OPTION.findall(synopses().get(name, ""))) - option_names(commands()[name]))
    assert not unknown, f"the synopsis of `legalnews {name or '(global)'}` names options it does not have: {unknown}"


def check_example(line: str) -> list[str]:
    """What is wrong with one example command line (empty when nothing)."""
    words = shlex.split(line, comments=True)
    for stop in (">", "|", "&&", ";", "2>"):
        if stop in words:
            words = words[:words.index(stop)]
    words = words[1:]
    while words and words[0].startswith("-"):
        if words[0] not in option_names(main):
            return [f"unknown global option {words[0]}"]
        words = words[1:]
    if not words:
        return []
    command = main.commands.get(words[0])
    if command is None:
        return [f"unknown command {words[0]!r}"]
    params = {opt: p for p in command.params if isinstance(p, click.Option) for opt in (*p.opts, *p.secondary_opts)}
    problems = []
    for i, word in enumerate(words[1:], 1):
        if not word.startswith("-") or re.fullmatch(r"-\d+", word):
            continue
        name, _, value = word.partition("=")
        param = params.get(name)
        if param is None:
            problems.append(f"`{words[0]}` has no option {name}")
            continue
        if not param.is_flag:
            value = value or (words[i + 1] if i + 1 < len(words) else "")
            if isinstance(param.type, click.Choice) and value not in param.type.choices:
                problems.append(f"{name} {value!r} is not one of {list(param.type.choices)}")
            if isinstance(param.type, click.types._NumberParamTypeBase) and not re.fullmatch(r"-?[\d.]+", value):
                problems.append(f"{name} {value!r} is not a number")
    return problems


def test_examples_use_real_commands_and_options():
    shown = examples()
    assert len(shown) >= len(main.commands), "expected example command lines in the docs"
    wrong = [f"{path.name}: {line}: {problem}" for path, line in shown for problem in check_example(line)]
    assert not wrong, "\n".join(wrong)


def test_example_checker_catches_mistakes():
    assert check_example('legalnews query data/processed --person "O.C.G." --type DEPORT --format csv') == []
    assert check_example("legalnews querry data/processed")
    assert check_example("legalnews query data/processed --persons X")
    assert check_example("legalnews query data/processed --format xml")
    assert check_example("legalnews stories data/processed --min-articles two")


# --- (b) the tables' columns and (c) the reject reasons ---------------------------------------

def sections(text: str) -> dict[str, str]:
    parts = re.split(r"^## +(.+?)\s*$", text, flags=re.M)
    return {title.strip(): body for title, body in zip(parts[1::2], parts[2::2])}


def md_tables(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Markdown tables as (header cells, rows of cells)."""
    tables, lines = [], text.splitlines()
    i = 0
    while i < len(lines):
        if lines[i].startswith("|") and i + 1 < len(lines) and re.match(r"^\|[-:| ]+\|$", lines[i + 1]):
            cells = lambda line: [c.strip() for c in line.strip().strip("|").split(" | ")]  # noqa: E731
            header, rows, i = cells(lines[i]), [], i + 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append(cells(lines[i]))
                i += 1
            tables.append((header, rows))
        else:
            i += 1
    return tables


def rows_headed(section: str, first: str) -> list[list[str]]:
    return [row for header, rows in md_tables(section) if header[0] == first for row in rows]


def doc_type(arrow_type: pa.DataType) -> str:
    if pa.types.is_list(arrow_type):
        inner = arrow_type.value_type
        return "list of " + ("struct" if pa.types.is_struct(inner) else doc_type(inner))
    return {pa.string(): "string", pa.int64(): "int64", pa.float64(): "float64", pa.bool_(): "bool"}[arrow_type]


@pytest.fixture(scope="module")
def tables_md() -> dict[str, str]:
    return sections(TABLES_MD.read_text(encoding="utf-8"))


def documented_columns(section: str) -> dict[str, str]:
    """Column name -> documented type, from the `| column | type | meaning |` tables of a section."""
    return {name: row[1] for row in rows_headed(section, "column") for name in CODE.findall(row[0])}


@pytest.mark.parametrize("table", list(SCHEMAS))
def test_tables_md_lists_every_column_with_its_type(tables_md, table):
    assert table in tables_md, f"docs/tables.md has no `## {table}` section"
    documented = documented_columns(tables_md[table])
    schema = SCHEMAS[table]
    missing = [name for name in schema.names if name not in documented]
    assert not missing, f"columns of {table} missing from docs/tables.md: {missing}"
    extra = [name for name in documented if name not in schema.names]
    assert not extra, f"docs/tables.md lists columns {table} does not have: {extra}"
    wrong = {name: (documented[name], doc_type(schema.field(name).type)) for name in schema.names
             if documented[name] != doc_type(schema.field(name).type)}
    assert not wrong, f"{table}: documented type != schema type: {wrong}"


def test_tables_md_names_the_argument_fields(tables_md):
    events = tables_md["events"]
    struct = SCHEMAS["events"].field("arguments").type.value_type
    missing = [f.name for f in struct if not re.search(rf"\b{f.name}\b", events)]
    assert not missing, f"fields of events.arguments missing from docs/tables.md: {missing}"


def test_tables_md_lists_every_reject_reason(tables_md):
    documented = {code for row in rows_headed(tables_md["rejects"], "reason") for code in CODE.findall(row[0])}
    codes = {reason.value for reason in RejectReason}
    assert not codes - documented, f"reject reasons missing from docs/tables.md: {sorted(codes - documented)}"
    assert not documented - codes, f"docs/tables.md lists reject reasons the code lacks: {sorted(documented - codes)}"


# --- (e) the manifest ---------------------------------------------------------------------

DATA_KEYED = {"files", "rejects_by_reason", "packages", "mentions_by_label", "events_by_type", "tables"}


def manifest_keys(value, skip: bool = False) -> set[str]:
    if not isinstance(value, dict):
        return set()
    keys = set()
    for key, inner in value.items():
        if not skip:
            keys.add(key)
        keys |= manifest_keys(inner, skip=key in DATA_KEYED)
    return keys


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory) -> Path:
    """A real run folder from a tiny dump, made with a blank spaCy pipeline: the manifest and the
    columns the query tools return do not depend on the model."""
    import spacy

    from pipeline.config import Settings
    from pipeline.run import extract

    folder = tmp_path_factory.mktemp("docs")
    dump = folder / "dump.jsonl"
    dump.write_text('{"id": "a", "text": "ICE deported him."}\n{"id": "b", "text": "ICE deported him."}\n{bad\n',
                    encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    extract([dump], folder / "run", Settings(), nlp=nlp)
    return folder / "run"


@pytest.fixture(scope="module")
def manifest(tiny_run) -> dict:
    return json.loads((tiny_run / "manifest.json").read_text(encoding="utf-8"))


def test_tables_md_explains_every_manifest_key(tables_md, manifest):
    section = tables_md.get("manifest.json", "")
    documented = {code for row in rows_headed(section, "key") for code in CODE.findall(row[0])}
    documented |= {code for row in rows_headed(section, "key") for code in CODE.findall(row[1])}
    keys = manifest_keys(manifest)
    assert not keys - documented, f"manifest.json keys missing from docs/tables.md: {sorted(keys - documented)}"
    explained = {code for row in rows_headed(section, "key") for code in CODE.findall(row[0])}
    assert not explained - keys, f"docs/tables.md explains manifest keys that do not exist: {sorted(explained - keys)}"


def test_tables_md_lists_every_file_a_run_writes(manifest):
    intro = TABLES_MD.read_text(encoding="utf-8").split("\n## ")[0]
    missing = [name for name in manifest["counts"]["tables"] if f"`{name}`" not in intro]
    assert not missing, f"tables missing from the file list at the top of docs/tables.md: {missing}"


# --- what the query tools return (docs/querying.md) ---------------------------------------

@pytest.fixture(scope="module")
def querying_md() -> dict[str, str]:
    return sections((ROOT / "docs" / "querying.md").read_text(encoding="utf-8"))


def test_querying_md_names_every_query_output_column(querying_md, tiny_run):
    from pipeline.query import EventQuery, find_events

    columns = list(find_events(tiny_run, EventQuery()).columns)
    named = set(CODE.findall(querying_md.get("legalnews query", "")))
    missing = [c for c in columns if c not in named]
    assert not missing, f"columns of `legalnews query --format csv` missing from docs/querying.md: {missing}"


def test_querying_md_names_every_sql_view_column(querying_md, tiny_run):
    from pipeline.query import connect

    con = connect(tiny_run)
    section = querying_md.get("legalnews sql", "")
    views = {row[0]: row[1] for row in rows_headed(section, "view")}
    missing = {}
    for view in ("events", "participants", "entities"):
        columns = [row[0] for row in con.sql(f"DESCRIBE {view}").fetchall()]
        stored = SCHEMAS[view].names if view in SCHEMAS else []
        text = next((what for name, what in views.items() if f"`{view}`" in name), "")
        missing[view] = [c for c in columns if c not in stored and f"`{c}`" not in text]
    missing = {view: cols for view, cols in missing.items() if cols}
    assert not missing, f"columns of the sql views missing from the view table in docs/querying.md: {missing}"


# --- (d) the Makefile ---------------------------------------------------------------------

def make_help() -> dict[str, str]:
    """Target -> help text, as `make help` prints them."""
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return dict(re.findall(r"^([a-z-]+):.*## (.*)$", text, flags=re.M))


def test_readme_names_every_make_target():
    readme = README.read_text(encoding="utf-8")
    missing = [t for t in make_help() if not re.search(rf"\bmake {re.escape(t)}\b", readme)]
    assert not missing, f"Makefile targets not in README.md: {missing}"


def test_readme_make_help_listing_is_current():
    readme = README.read_text(encoding="utf-8")
    stale = [f"  make {t:<10} {h}" for t, h in make_help().items() if f"  make {t:<10} {h}" not in readme]
    assert not stale, "README.md's `make help` listing differs from the Makefile; expected lines:\n" + "\n".join(stale)


def test_docs_name_only_real_make_targets():
    targets = set(make_help())
    named = set()
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        named |= {m.split()[1] for m in CODE.findall(text) if re.match(r"make [a-z]", m)}
        named |= {line.split()[1] for _lang, body in fenced_blocks(text) for line in body.splitlines()
                  if re.match(r"\s*(\$ )?make [a-z]", line) for line in [line.strip().removeprefix("$ ")]}
    assert not named - targets, f"the docs name make targets the Makefile lacks: {sorted(named - targets)}"


def test_readme_quick_start_is_two_commands():
    quick = sections(README.read_text(encoding="utf-8"))["Quick start"]
    lang, body = fenced_blocks(quick)[0]
    assert [line.split("#")[0].strip() for line in body.splitlines() if line.strip()] == ["make extract", "make test"]
