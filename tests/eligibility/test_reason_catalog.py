"""The reason-code catalog in the docs lists every code the library can emit."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "reason-codes.md"


def _library_codes() -> set[str]:
    # A fresh process: tests register demonstration reasons of their own.
    code = (
        "import json; from maskan.eligibility import REASONS;"
        " import maskan.eligibility.programs; print(json.dumps(sorted(REASONS)))"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(json.loads(output))


def test_every_code_is_in_the_catalog() -> None:
    page = PAGE.read_text(encoding="utf-8")
    missing = sorted(code for code in _library_codes() if f"| `{code}` |" not in page)
    assert not missing, f"run scripts/reason_codes.py; missing from the catalog: {missing}"


def test_the_catalog_lists_no_code_the_library_lacks() -> None:
    page = PAGE.read_text(encoding="utf-8")
    listed = {line.split("`")[1] for line in page.splitlines() if line.startswith("| `")}
    assert listed <= _library_codes()
