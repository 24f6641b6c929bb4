"""Every script in examples/ runs, prints its answer, and uses only maskan's public names.

The scripts are documentation people copy from: one that fails, prints nothing, or reaches
into a private module (``maskan.models._fields``) would teach the wrong thing.
"""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))


def test_there_are_examples() -> None:
    assert len(SCRIPTS) >= 8, [script.name for script in SCRIPTS]


def test_scripts_are_numbered_in_order() -> None:
    numbers = []
    for script in SCRIPTS:
        match = re.fullmatch(r"(\d\d)_[a-z0-9_]+\.py", script.name)
        assert match, f"{script.name}: name it NN_what_it_answers.py"
        numbers.append(int(match.group(1)))
    assert numbers == list(range(1, len(SCRIPTS) + 1)), numbers


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_script_runs_and_prints(script: Path, tmp_path: Path) -> None:
    # From another directory, so that a script cannot lean on the working directory.
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "TMPDIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    lines = [line for line in done.stdout.splitlines() if line.strip()]
    assert len(lines) >= 3, done.stdout


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda script: script.name)
def test_script_has_a_question_and_uses_public_names(script: Path) -> None:
    tree = ast.parse(script.read_text(encoding="utf-8"))
    doc = ast.get_docstring(tree)
    assert doc, f"{script.name}: a module docstring says what question the script answers"
    assert f"python examples/{script.name}" in doc, f"{script.name}: say how to run it"
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            modules = [node.module]
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
            names = []
        else:
            continue
        for module in modules:
            if module.split(".")[0] != "maskan":
                continue
            private = [part for part in module.split(".") if part.startswith("_")]
            assert not private, f"{script.name}:{node.lineno} imports from {module}"
            assert all(not name.startswith("_") for name in names), (
                f"{script.name}:{node.lineno} imports a private name from {module}: {names}"
            )
