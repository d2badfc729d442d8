"""Timelines: every event involving one entity across all articles, in date order, with sources.

The order is by `event_date` (the event's own date, else the article's publication date), so a
story reported over weeks reads in the order things happened. `plot_timeline` draws the same rows
as a PNG, or an HTML page with the chart and the evidence sentences.
"""
from __future__ import annotations

import base64
import html
import io
from pathlib import Path

import pandas as pd

from .errors import LegalNewsError
from .query import EventQuery, NameFilter, find_events

PLOT_SUFFIXES = (".png", ".html")


class UnsupportedPlot(LegalNewsError):
    def __init__(self, path: Path):
        super().__init__(f"cannot plot to {path}: use a file name ending in {' or '.join(PLOT_SUFFIXES)}")


def timeline(run: Path | str, name: str, label: str | None = None) -> pd.DataFrame:
    """Events with a participant named `name` (any label unless given), oldest first."""
    return find_events(run, EventQuery(names=(NameFilter(name, label),)))


def timeline_figure(events: pd.DataFrame, title: str):
    """A matplotlib Figure of the events: dates across, one row per event type, denials in red.

    Built without pyplot, so it neither needs a display nor changes a notebook's backend; a
    notebook shows it inline, `plot_timeline` saves it.
    """
    from matplotlib.figure import Figure

    types = sorted(events["event_type"].astype(str).unique())
    fig = Figure(figsize=(10, 1.2 + 0.45 * max(len(types), 1)))
    ax = fig.subplots()
    dated = events.dropna(subset=["event_date"])
    ax.scatter(pd.to_datetime(dated["event_date"]), [types.index(str(t)) for t in dated["event_type"]],
               c=["tab:red" if n else "tab:blue" for n in dated["negated"]], s=40, zorder=3)
    ax.set_yticks(range(len(types)), types)
    ax.set_ylim(-0.7, len(types) - 0.3)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(title)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig


def plot_timeline(events: pd.DataFrame, path: Path, title: str) -> Path:
    """Write the timeline as a PNG, or as an HTML page with the chart and a table of the events."""
    path = Path(path)
    if path.suffix.lower() not in PLOT_SUFFIXES:
        raise UnsupportedPlot(path)
    fig = timeline_figure(events, title)
    if path.suffix.lower() == ".png":
        fig.savefig(path, dpi=120)
        return path
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    image = base64.b64encode(buffer.getvalue()).decode("ascii")
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in (
            "" if pd.isna(r.event_date) else pd.Timestamp(r.event_date).date(), r.event_type,
            r.participants, str(r.sentence).strip(), f"{r.source or ''} — {r.title or r.article_id}")) + "</tr>"
        for r in events.itertuples())
    path.write_text(f"""<!doctype html><html><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<style>body{{font-family:sans-serif;margin:2em}}
td{{vertical-align:top;padding:4px 8px;border-bottom:1px solid #ddd}}</style>
</head><body><h1>{html.escape(title)}</h1><img alt="timeline" src="data:image/png;base64,{image}">
<table><thead><tr><th>date</th><th>type</th><th>participants</th><th>sentence</th><th>article</th></tr></thead>
<tbody>{rows}</tbody></table></body></html>
""", encoding="utf-8")
    return path


__all__ = ["timeline", "timeline_figure", "plot_timeline", "UnsupportedPlot"]
