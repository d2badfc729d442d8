"""The `legalnews` command line: parses options, calls the library, prints results.

The only module that prints or exits; library errors become `click.ClickException`s.
"""
from __future__ import annotations

import logging
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .config import AUTO, ENGINES, Settings
from .errors import LegalNewsError

console = Console(stderr=True)


class WorkersParam(click.ParamType):
    """`--workers`: a number of processes (1 or more) or `auto`."""

    name = "N|auto"

    def convert(self, value, param, ctx):
        if isinstance(value, int) and value >= 1:
            return value
        if str(value).strip().lower() == AUTO:
            return AUTO
        try:
            number = int(str(value))
        except ValueError:
            self.fail(f"{value!r} is neither a number of workers nor 'auto'", param, ctx)
        if number < 1:
            self.fail(f"{number} workers: give 1 or more, or 'auto'", param, ctx)
        return number


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="legalnews")
@click.option("-v", "--verbose", is_flag=True, help="log each stage's warnings and details")
def main(verbose: bool) -> None:
    """legalnews: legal-news article dumps in, court-action event tables out.

    \b
    Examples:
      legalnews extract data/raw/sample --out data/processed
      legalnews extract dump.jsonl.gz crawl.warc.gz pages/ --out runs/may --model en_core_web_trf
    """
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path), default=Path("data/processed"),
              show_default=True, help="folder for the tables (articles, mentions, events, stories, rejects) and manifest.json")
@click.option("--model", default=Settings.model, show_default=True, help=Settings.help_for("model"))
@click.option("--batch-size", default=Settings.batch_size, show_default=True, type=click.IntRange(1),
              help=Settings.help_for("batch_size"))
@click.option("--max-chars", default=Settings.max_chars, show_default=True, type=click.IntRange(1000),
              help=Settings.help_for("max_chars"))
@click.option("--models-dir", default=Settings.models_dir, show_default=False,
              type=click.Path(file_okay=False, exists=True), help=Settings.help_for("models_dir"))
@click.option("--workers", "-w", default=Settings.workers, show_default=True, type=WorkersParam(),
              help=Settings.help_for("workers"))
@click.option("--engine", default=Settings.engine, show_default=True, type=click.Choice(ENGINES),
              help=Settings.help_for("engine"))
@click.option("--scheduler", default=None, metavar="ADDRESS", help=Settings.help_for("scheduler"))
@click.option("--part-size", default=Settings.part_size, show_default=True, type=click.IntRange(1),
              help=Settings.help_for("part_size"))
@click.option("--force", is_flag=True, help=Settings.help_for("force"))
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
def extract(inputs: tuple[Path, ...], out: Path, model: str, batch_size: int, max_chars: int,
            models_dir: str, workers: int | str, engine: str, scheduler: str | None, part_size: int, force: bool,
            quiet: bool) -> None:
    """Extract entities, dates and court-action events from article dumps.

    INPUTS are files or folders in any mix of formats: JSON Lines (.jsonl, .jsonl.gz),
    JSON, CSV/TSV, .txt files, .html pages and WARC archives (.warc, .warc.gz). Folders are
    read recursively. Unusable records are listed in the rejects table with their reason.

    Rerun the same command after a crash or kill to resume where it stopped; rerun it on a dump
    that grew to append only the new articles (--force reprocesses everything).
    """
    from .run import extract as run_extract

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    settings = Settings(model=model, batch_size=batch_size, max_chars=max_chars, models_dir=models_dir,
                        workers=workers, engine=engine, scheduler=scheduler, part_size=part_size, force=force)
    try:
        if quiet:  # no bar to draw: rich's progress module is not even imported
            summary = run_extract(list(inputs), out, settings)
        else:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            progress = Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("records"), TimeElapsedColumn(), console=console, transient=True)
            with progress:
                task = progress.add_task("extract", total=None)
                summary = run_extract(list(inputs), out, settings, on_progress=lambda n: progress.advance(task, n))
    except LegalNewsError as err:
        raise click.ClickException(str(err)) from err
    print_summary(summary)


@main.command()
@click.argument("path", type=click.Path(file_okay=False, path_type=Path))
@click.option("--model", default=Settings.model, show_default=True, help=Settings.help_for("model"))
@click.option("--models-dir", default=Settings.models_dir, show_default=False,
              type=click.Path(file_okay=False, exists=True), help=Settings.help_for("models_dir"))
@click.option("--name", default="legalnews", show_default=True, help="pipeline name in meta.json (spacy package prefixes the language)")
@click.option("--pipeline-version", default="0.1.0", show_default=True, help="version in meta.json")
def save(path: Path, model: str, models_dir: str, name: str, pipeline_version: str) -> None:
    """Save the whole pipeline (model, components and their resources) to PATH.

    spacy.load(PATH) then runs it with nothing else than an installed legalnews, and
    `python -m spacy package PATH DIST` makes an installable package of it.

    \b
    Example:
      legalnews save build/legalnews-pipeline
    """
    from .nlp import save_pipeline

    try:
        saved = save_pipeline(path, Settings(model=model, models_dir=models_dir), name, pipeline_version)
    except LegalNewsError as err:
        raise click.ClickException(str(err)) from err
    Console().print(f"saved: {saved}/ (load it with spacy.load({str(saved)!r}))")


def print_summary(summary) -> None:
    counts = summary.manifest["counts"]
    out = Console()
    table = Table(title="legalnews extract", show_header=False, box=None)
    table.add_row("records read", str(counts["records_read"]))
    table.add_row("articles", str(counts["articles"]))
    table.add_row("duplicates skipped", str(counts["duplicates"]))
    rejected = ", ".join(f"{k} {v}" for k, v in counts["rejects_by_reason"].items())
    table.add_row("rejected", f"{counts['rejects']}" + (f" ({rejected})" if rejected else ""))
    table.add_row("mentions", ", ".join(f"{k} {v}" for k, v in sorted(summary.mentions_by_label.items())) or "0")
    table.add_row("events", ", ".join(f"{k} {v}" for k, v in sorted(summary.events_by_type.items())) or "0")
    workers = summary.manifest.get("workers", {})
    if workers:
        how = "" if workers["requested"] != AUTO else \
            f" (auto: {workers['usable_cores']} usable cores, memory for {workers['memory_allows']})"
        if workers["engine_slots"] != workers["resolved"]:
            how += f"; {workers['engine_slots']} ran partitions"
        table.add_row("workers", f"{workers['resolved']}{how}")
    table.add_row("seconds", str(summary.manifest["duration_seconds"]))
    out.print(table)
    out.print(f"outputs: {summary.out}/ (articles, mentions, events, stories, entities, rejects as .jsonl and .parquet; manifest.json)")


# Reading a run (issue 6): query, sql, timeline, stories, serve. Each parses, calls pipeline.query,
# pipeline.timeline, pipeline.stories or pipeline.serve, and prints.

OUTPUT_FORMATS = ("table", "csv", "json")
NARROW_COLUMNS = ("date", "type", "as", "articles", "sources", "story")


def run_argument(function):
    return click.argument("run", type=click.Path(exists=True, file_okay=False, path_type=Path))(function)


def format_option(function):
    return click.option("--format", "fmt", type=click.Choice(OUTPUT_FORMATS), default="table", show_default=True,
                        help="table for reading; csv or json for other programs")(function)


def _plain(frame, lists_as_text: bool = True):
    """Dates as YYYY-MM-DD, and lists as text except for JSON, so every format prints the same values."""
    import pandas as pd

    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            frame[column] = frame[column].dt.strftime("%Y-%m-%d")
        elif frame[column].map(lambda v: hasattr(v, "__len__") and not isinstance(v, str)).any():
            frame[column] = frame[column].map(lambda v: v if v is None else ", ".join(map(str, v)) if lists_as_text
                                              else [str(x) for x in v])
        elif frame[column].map(lambda v: hasattr(v, "isoformat")).any():
            frame[column] = frame[column].map(lambda v: v.isoformat() if hasattr(v, "isoformat") else v)
    if "sentence" in frame.columns:
        frame["sentence"] = frame["sentence"].str.strip()
    return frame


def print_frame(frame, fmt: str, title: str, columns: dict[str, str] | None = None) -> None:
    """Print a result as a rich table (`columns`: header -> column), CSV or JSON."""
    import json

    from rich.text import Text

    frame = _plain(frame, lists_as_text=fmt != "json")
    if fmt == "csv":
        click.echo(frame.to_csv(index=False), nl=False)
        return
    if fmt == "json":
        rows = frame.astype(object).where(frame.notna(), None).to_dict("records")
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return
    columns = columns or {c: c for c in frame.columns}
    prose = "sentence" in columns
    count = f"{len(frame)} row" + ("" if len(frame) == 1 else "s")
    table = Table(title=title, show_lines=prose, caption=count, expand=prose)
    for header in columns:
        narrow = prose and header in NARROW_COLUMNS
        ratio = 1 + (header == "sentence") if prose and not narrow else None
        table.add_column(header, overflow="fold", no_wrap=narrow, ratio=ratio, min_width=12 if ratio else None)
    for row in frame.to_dict("records"):
        table.add_row(*(Text("" if row[c] is None or row[c] != row[c] else str(row[c])) for c in columns.values()))
    Console().print(table)


def _events_for_table(frame):
    frame = frame.copy()
    frame["when"] = [value if src == "event" else f"{d:%Y-%m-%d}\n(published)" if src == "published" else ""
                     for d, src, value in zip(frame["event_date"], frame["event_date_source"], frame["date"])]
    frame["what"] = [t + ("\n(negated)" if n else "") + (f"\n[{m}]" if m != "asserted" else "")
                     for t, n, m in zip(frame["event_type"], frame["negated"], frame["modality"])]
    frame["participants"] = [(p or "").replace("; ", "\n") for p in frame["participants"]]
    frame["evidence"] = [f"{(sentence or '').strip()}\n— {title + ', ' if title else ''}{source or '?'}, "
                         f"{str(published or '')[:10]} [{article_id}]"
                         for sentence, title, source, published, article_id in
                         zip(frame["sentence"], frame["title"], frame["source"], frame["published_at"], frame["article_id"])]
    return frame


# The sentence carries its source on a second line, so an 80-column terminal has room for who and what.
EVENT_TABLE = {"date": "when", "type": "what", "participants": "participants", "sentence": "evidence"}


@main.command()
@run_argument
@click.argument("types", nargs=-1, metavar="[TYPE]...")
@click.option("--person", multiple=True, metavar="NAME", help="a PERSON taking part (canonical name or alias)")
@click.option("--agency", multiple=True, metavar="NAME", help="an AGENCY taking part, e.g. ICE")
@click.option("--court", multiple=True, metavar="NAME", help="a COURT taking part, e.g. \"4th Circuit\"")
@click.option("--place", multiple=True, metavar="NAME", help="a PLACE taking part (destination, place, origin)")
@click.option("--name", multiple=True, metavar="NAME", help="any participant, whatever its label")
@click.option("--type", "type_", multiple=True, metavar="TYPE",
              help="event type(s): --type DEPORT RETURN, or repeat --type")
@click.option("--since", metavar="DATE", help="events on or after YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--until", metavar="DATE", help="events on or before YYYY, YYYY-MM or YYYY-MM-DD")
@click.option("--text", metavar="WORDS", help="only events whose sentence has all these words")
@click.option("--limit", type=click.IntRange(1), help="at most this many events")
@format_option
def query(run: Path, types: tuple[str, ...], person, agency, court, place, name, type_, since, until, text, limit,
          fmt: str) -> None:
    """Find events in RUN by participant, type, date and words, with their evidence.

    Names match canonical names and every alias seen in the run ("ICE" finds U.S. Immigration
    and Customs Enforcement), ignoring case and accents; several filters must all hold.
    Dates are the event's own date, else the article's publication date.

    \b
    Examples:
      legalnews query data/processed --person "O.C.G." --type DEPORT RETURN
      legalnews query data/processed --agency ICE --since 2025-06 --format csv > ice.csv
      legalnews query data/processed --court "Supreme Court" --text "bond hearings" --format json
    """
    from .query import EventQuery, NameFilter, find_events

    filters = [NameFilter(n, label) for label, names in (("PERSON", person), ("AGENCY", agency), ("COURT", court),
                                                         ("PLACE", place), (None, name)) for n in names]
    try:
        found = find_events(run, EventQuery(names=tuple(filters), types=tuple(t.upper() for t in type_ + types),
                                            since=since, until=until, text=text, limit=limit))
    except LegalNewsError as err:
        raise click.ClickException(str(err)) from err
    if fmt == "table":
        print_frame(_events_for_table(found), fmt, f"legalnews query {run}", EVENT_TABLE)
    else:
        print_frame(found, fmt, "")


@main.command(name="sql")
@run_argument
@click.argument("statement")
@format_option
def sql_command(run: Path, statement: str, fmt: str) -> None:
    """Run one read-only SQL query (DuckDB) over the tables of RUN.

    Tables: articles, mentions, events (with event_date), participants (one row per event
    argument), entities (canonical name and aliases), rejects, stories. Only reading statements
    run (SELECT, WITH, EXPLAIN, and DESCRIBE or SUMMARIZE to see a table's columns); no other
    file can be read or written.

    \b
    Examples:
      legalnews sql data/processed "SELECT event_type, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC"
      legalnews sql data/processed "SELECT canonical, aliases FROM entities WHERE label = 'AGENCY'"
      legalnews sql data/processed "DESCRIBE participants"
    """
    from .query import sql

    try:
        result = sql(run, statement)
    except LegalNewsError as err:
        raise click.ClickException(str(err)) from err
    print_frame(result, fmt, "legalnews sql")


@main.command()
@run_argument
@click.argument("name")
@click.option("--label", type=click.Choice(("PERSON", "AGENCY", "COURT", "ORGANIZATION", "PLACE")),
              help="only entities with this label")
@click.option("--plot", type=click.Path(dir_okay=False, path_type=Path), metavar="FILE.png|FILE.html",
              help="also draw the timeline: a PNG, or an HTML page with the chart and the sentences")
@format_option
def timeline(run: Path, name: str, label: str | None, plot: Path | None, fmt: str) -> None:
    """Every event involving NAME across the articles of RUN, in date order, with sources.

    \b
    Examples:
      legalnews timeline data/processed "ICE"
      legalnews timeline data/processed "O.C.G." --label PERSON --plot ocg.html
    """
    from .timeline import plot_timeline, timeline as find_timeline

    try:
        events = find_timeline(run, name, label)
        if plot:
            plot_timeline(events, plot, f"{name}: events in {run}")
    except LegalNewsError as err:
        raise click.ClickException(str(err)) from err
    if fmt == "table":
        frame = _events_for_table(events)
        frame["as"] = frame["roles"].map(lambda roles: ", ".join(roles))
        columns = {"date": "when", "type": "what", "as": "as", "participants": "participants", "sentence": "evidence"}
        print_frame(frame, fmt, f"timeline of {name}", columns)
    else:
        print_frame(events, fmt, "")
    if plot:
        console.print(f"plot: {plot}")


@main.command()
@run_argument
@click.option("--min-articles", default=1, show_default=True, type=click.IntRange(1),
              help="only stories reported by at least this many articles")
@format_option
def stories(run: Path, min_articles: int, fmt: str) -> None:
    """Court actions reported by several articles (same type, participants and dates), most covered first.

    \b
    Examples:
      legalnews stories data/processed --min-articles 2
      legalnews stories data/processed --format csv > stories.csv
    """
    import pandas as pd

    from .stories import list_stories

    try:
        rows = pd.DataFrame(list_stories(run, min_articles))
    except LegalNewsError as err:
        raise click.ClickException(str(err)) from err
    if rows.empty:
        rows = pd.DataFrame(columns=["story_id", "event_type", "subject", "agent", "adjudicator", "first_date",
                                     "n_articles", "n_sources", "first_source", "first_article_id"])
    columns = {"story": "story_id", "type": "event_type", "subject": "subject", "agent": "agent",
               "adjudicator": "adjudicator", "date": "first_date", "articles": "n_articles", "sources": "n_sources",
               "first report": "first_article_id"}
    print_frame(rows, fmt, f"stories in {run}", columns if fmt == "table" else None)


@main.command()
@run_argument
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on (keep it local)")
@click.option("--port", default=8001, show_default=True, type=click.IntRange(0, 65535), help="port to listen on")
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path),
              help="where to write the SQLite export [default: RUN/legalnews.db]")
def serve(run: Path, host: str, port: int, db: Path | None) -> None:
    """Browse RUN in Datasette: exports it to SQLite and serves it read-only.

    The events page shows the events first (date, type, participants, sentence, outlet,
    headline), with search over sentences and headlines and facets on type, agency, court,
    person, place, month, outlet, negation and modality; entities link to their timelines;
    canned queries and a chart and map (/-/dashboards/overview) answer common questions.

    \b
    Examples:
      legalnews serve data/processed
      legalnews serve runs/may --port 8080 --db /tmp/may.db
    """
    from .serve import export_sqlite, serve as run_server

    try:
        path = export_sqlite(run, db)
    except LegalNewsError as err:
        raise click.ClickException(str(err)) from err
    console.print(f"exported {path}; serving http://{host}:{port}/{path.stem}/events (Ctrl-C stops)")
    run_server(path, host=host, port=port, title=f"legalnews: {run}")


if __name__ == "__main__":
    main(prog_name="legalnews")
