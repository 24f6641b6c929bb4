"""examples/exploring.ipynb runs top to bottom, and shows maskan's objects right to left.

The notebook is executed with nbclient on a kernel of the interpreter running the tests, so
it sees the maskan under test. It is committed without outputs: the test also keeps it so,
because stored outputs go stale and bloat every diff.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import nbclient
import nbformat
import pytest

NOTEBOOK = Path(__file__).resolve().parent.parent / "examples" / "exploring.ipynb"
KINDS = ("person", "cooperative", "project", "decision", "allocation", "table")


@pytest.fixture(scope="module")
def executed(tmp_path_factory: pytest.TempPathFactory) -> Any:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    # The kernel must run this interpreter (and so the maskan under test), whatever
    # "python3" means elsewhere on the machine: a last cell, added here, says which it runs.
    notebook.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.executable)"))
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        timeout=120,
        resources={"metadata": {"path": str(tmp_path_factory.mktemp("notebook"))}},
    )
    client.execute()
    ran = "".join(output.get("text", "") for output in notebook.cells[-1].outputs).strip()
    assert Path(ran).resolve() == Path(sys.executable).resolve(), (
        f"the python3 kernel runs {ran}, not {sys.executable}: install ipykernel here"
    )
    return notebook


def _html(cell: Any) -> str:
    return "".join(
        output.get("data", {}).get("text/html", "")
        for output in cell.get("outputs", ())
        if output.get("output_type") in ("execute_result", "display_data")
    )


def test_committed_without_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], cell.source[:60]
            assert cell.execution_count is None, cell.source[:60]


def test_runs_without_errors(executed: Any) -> None:
    for cell in executed.cells:
        for output in cell.get("outputs", ()):
            assert output.get("output_type") != "error", output.get("evalue")


def test_shows_every_kind_of_object_right_to_left(executed: Any) -> None:
    shown = [_html(cell) for cell in executed.cells if cell.cell_type == "code"]
    for kind in KINDS:
        found = [html for html in shown if f'class="maskan maskan-{kind}"' in html]
        assert found, f"no cell shows a {kind}"
        assert all('dir="rtl"' in html for html in found), kind


def test_the_lottery_is_verified(executed: Any) -> None:
    printed = "".join(
        output.get("text", "")
        for cell in executed.cells
        for output in cell.get("outputs", ())
        if output.get("output_type") == "stream"
    )
    assert "verified: True" in printed
