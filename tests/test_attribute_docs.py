"""Examples in attribute docstrings run, and every public name of a module has an example.

pytest's doctest runner reads the docstrings of modules, classes and functions, but not the
string that documents a module-level constant (``RULE = Rule(...)`` followed by a
docstring), which is where the built-in programs document their rules and parameters.
"""

from __future__ import annotations

import ast
import doctest
import importlib
import inspect
import itertools
import pkgutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

import maskan


def _modules() -> list[ModuleType]:
    names = [
        info.name
        for info in pkgutil.walk_packages(maskan.__path__, "maskan.")
        if info.name.rsplit(".", 1)[-1] != "__main__"
    ]
    return [importlib.import_module(name) for name in sorted(names)]


def _attribute_docstrings(module: ModuleType) -> list[tuple[str, str]]:
    if module.__file__ is None:
        return []
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    found = []
    for node, following in itertools.pairwise(tree.body):
        if not isinstance(node, ast.Assign | ast.AnnAssign):
            continue
        if not (
            isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            continue
        target = node.targets[0] if isinstance(node, ast.Assign) else node.target
        found.append((ast.unparse(target), following.value.value))
    return found


MODULES = _modules()
DOCUMENTED = [
    (module, name, text) for module in MODULES for name, text in _attribute_docstrings(module)
]
PROGRAMS = [
    module for module in MODULES if module.__name__.startswith("maskan.eligibility.programs.")
]


@pytest.mark.parametrize(
    ("module", "name", "text"),
    [item for item in DOCUMENTED if ">>>" in item[2]],
    ids=[f"{module.__name__}.{name}" for module, name, text in DOCUMENTED if ">>>" in text],
)
def test_attribute_docstring_examples_run(module: ModuleType, name: str, text: str) -> None:
    test = doctest.DocTestParser().get_doctest(text, dict(vars(module)), name, module.__file__, 0)
    runner = doctest.DocTestRunner(
        verbose=False, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS
    )
    results = runner.run(test, out=lambda message: print(message, end=""))
    assert results.failed == 0


@pytest.mark.parametrize("module", PROGRAMS, ids=lambda module: module.__name__)
def test_every_public_name_of_a_program_has_an_example(module: ModuleType) -> None:
    documented = dict(_attribute_docstrings(module))
    for name in module.__all__:
        text = documented.get(name) or getattr(module, name).__doc__ or ""
        assert ">>>" in text, f"{module.__name__}.{name}"


def _public_modules() -> list[ModuleType]:
    return [
        module
        for module in MODULES
        if not any(part.startswith("_") for part in module.__name__.split("."))
    ]


def _imported_from(module: ModuleType, name: str) -> ModuleType | None:
    """The module that ``module`` imports ``name`` from (``from x import name``), if any."""
    if module.__file__ is None:
        return None
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    for node in tree.body:
        if (
            isinstance(node, ast.ImportFrom)
            and node.level == 0
            and node.module
            and any(alias.name == name and alias.asname in (None, name) for alias in node.names)
        ):
            return sys.modules.get(node.module)
    return None


def _example_of(module: ModuleType, name: str) -> str:
    value = getattr(module, name)
    documented = dict(_attribute_docstrings(module))
    if name in documented:
        return documented[name]
    origin = sys.modules.get(getattr(value, "__module__", "") or "")
    if origin is not None and origin is not module and name in dict(_attribute_docstrings(origin)):
        return dict(_attribute_docstrings(origin))[name]
    source = _imported_from(module, name)  # a plain value (int, str, tuple) has no __module__
    if source is not None and name in dict(_attribute_docstrings(source)):
        return dict(_attribute_docstrings(source))[name]
    if inspect.isclass(value) or callable(value) or inspect.ismodule(value):
        return value.__doc__ or ""
    return ""


@pytest.mark.parametrize("module", _public_modules(), ids=lambda module: module.__name__)
def test_every_public_name_has_a_docstring_with_an_example(module: ModuleType) -> None:
    lacking = [
        name for name in getattr(module, "__all__", ()) if ">>>" not in _example_of(module, name)
    ]
    assert not lacking, f"{module.__name__}: no example for {lacking}"
