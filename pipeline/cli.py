"""The `legalnews` command line: parses options, calls the library, prints results.

The only module that prints or exits; library errors become `click.ClickException`s.
"""
from __future__ import annotations

import logging
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .config import ENGINES, Settings
from .errors import LegalNewsError

console = Console(stderr=True)


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
              show_default=True, help="folder for the tables (articles, mentions, events, rejects) and manifest.json")
@click.option("--model", default=Settings.model, show_default=True, help=Settings.help_for("model"))
@click.option("--batch-size", default=Settings.batch_size, show_default=True, type=click.IntRange(1),
              help=Settings.help_for("batch_size"))
@click.option("--max-chars", default=Settings.max_chars, show_default=True, type=click.IntRange(1000),
              help=Settings.help_for("max_chars"))
@click.option("--models-dir", default=Settings.models_dir, show_default=False,
              type=click.Path(file_okay=False, exists=True), help=Settings.help_for("models_dir"))
@click.option("--workers", "-w", default=Settings.workers, show_default=True, type=click.IntRange(1),
              help=Settings.help_for("workers"))
@click.option("--engine", default=Settings.engine, show_default=True, type=click.Choice(ENGINES),
              help=Settings.help_for("engine"))
@click.option("--scheduler", default=None, metavar="ADDRESS", help=Settings.help_for("scheduler"))
@click.option("--part-size", default=Settings.part_size, show_default=True, type=click.IntRange(1),
              help=Settings.help_for("part_size"))
@click.option("--force", is_flag=True, help=Settings.help_for("force"))
@click.option("--quiet", "-q", is_flag=True, help="no progress bar")
def extract(inputs: tuple[Path, ...], out: Path, model: str, batch_size: int, max_chars: int,
            models_dir: str, workers: int, engine: str, scheduler: str | None, part_size: int, force: bool,
            quiet: bool) -> None:
    """Extract entities, dates and court-action events from article dumps.

    INPUTS are files or folders in any mix of formats: JSON Lines (.jsonl, .jsonl.gz),
    JSON, CSV/TSV, .txt files, .html pages and WARC archives (.warc, .warc.gz). Folders are
    read recursively. Unusable records are listed in the rejects table with their reason.
    """
    from .run import extract as run_extract

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    settings = Settings(model=model, batch_size=batch_size, max_chars=max_chars, models_dir=models_dir,
                        workers=workers, engine=engine, scheduler=scheduler, part_size=part_size, force=force)
    progress = Progress(TextColumn("[bold]extracting"), BarColumn(), MofNCompleteColumn(), TextColumn("records"),
                        TimeElapsedColumn(), console=console, disable=quiet, transient=True)
    try:
        with progress:
            task = progress.add_task("extract", total=None)
            summary = run_extract(list(inputs), out, settings, on_progress=lambda n: progress.advance(task, n))
    except LegalNewsError as err:
        raise click.ClickException(str(err)) from err
    print_summary(summary)


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
    table.add_row("seconds", str(summary.manifest["duration_seconds"]))
    out.print(table)
    out.print(f"outputs: {summary.out}/ (articles, mentions, events, rejects as .jsonl and .parquet; manifest.json)")
