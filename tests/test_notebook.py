"""The exploration notebook runs top to bottom on the sample run, and holds no logic of its own."""
from __future__ import annotations

import ast

import nbformat
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOK = ROOT / "notebooks" / "explore_events.ipynb"


def code_cells(notebook) -> list[str]:
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def test_notebook_defines_no_functions_or_classes():
    for source in code_cells(nbformat.read(NOTEBOOK, as_version=4)):
        tree = ast.parse(source)
        assert not [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.ClassDef, ast.Lambda))], source


def test_notebook_is_committed_without_outputs():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not cell.outputs and cell.execution_count is None for cell in notebook.cells
               if cell.cell_type == "code")


def test_notebook_runs_on_the_sample_run(browse_run, monkeypatch):
    monkeypatch.setenv("LEGALNEWS_RUN", str(browse_run))
    monkeypatch.setenv("LEGALNEWS_PERSON", "José Ramírez")
    monkeypatch.setenv("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "DEPORT" in text and "U.S. Immigration and Customs Enforcement" in text
    assert "ICE deported Jose Ramirez" in text, "the timeline of LEGALNEWS_PERSON"
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 4, "type, month, timeline and places charts"

