"""The error-code catalog in the docs lists every error code the library can raise.

An error's ``code`` is given where it is raised (``InvalidDate(..., code="month_out_of_range")``)
or through a small helper that builds the error (``refuse("too_few_founders", ...)``,
``_KIND.fail("length", ...)``), and identifiers name their problem in a ``_problem`` function
that returns the code. This test reads the source of ``maskan`` and collects:

- the ``default_code`` of every :class:`~maskan.errors.MaskanError` subclass;
- every string literal passed as the code of an error: ``code=`` of an error class (or of
  an error class a helper receives as a parameter), the code of a
  :class:`~maskan.errors.Problem`, or the code parameter of a *helper* — a function that
  passes one of its parameters on as the code of an error it builds, directly or through
  another helper (found by following the calls until nothing changes; imports,
  ``functools.partial`` aliases and methods are followed);
- every string a ``_problem`` function returns.

Each must appear in a table row of ``docs/reference/errors.md`` as ``| `code` |``.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import maskan.errors

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "maskan"
PAGE = ROOT / "docs" / "reference" / "errors.md"

ERRORS = {
    name
    for name, value in vars(maskan.errors).items()
    if inspect.isclass(value) and issubclass(value, maskan.errors.MaskanError)
}
CODE = "code"  # the keyword every error class takes its code by


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _literals(node: ast.expr) -> set[str]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value}
    if isinstance(node, ast.IfExp):
        return _literals(node.body) | _literals(node.orelse)
    return set()


# A slot is where a call takes the code: (keyword, position); the position is None for a
# keyword-only parameter.
Slot = tuple[str, int | None]
BUILDERS: dict[str, set[Slot]] = {name: {(CODE, None)} for name in ERRORS}
BUILDERS["Problem"] = {(CODE, 3)}


def _code_arguments(call: ast.Call, slots: set[Slot]) -> list[ast.expr]:
    """The expressions a call passes in its code slots."""
    found = [keyword.value for keyword in call.keywords if keyword.arg in {k for k, _ in slots}]
    found += [call.args[p] for _, p in slots if p is not None and p < len(call.args)]
    return found


class _Module:
    """One source module: its functions, and where each name it imports comes from."""

    def __init__(self, path: Path) -> None:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        self.name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        package = self.name if parts[-1] == "__init__" else self.name.rpartition(".")[0]
        self.functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)]
        self.imports: dict[str, tuple[str, str]] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                origin = node.module or ""
                if node.level:  # from ._fields import failure
                    parts_up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    origin = ".".join([*parts_up, *([node.module] if node.module else [])])
                for alias in node.names:
                    self.imports[alias.asname or alias.name] = (origin, alias.name)
        # _fail = functools.partial(failure, ProjectError): name -> (function, arguments bound)
        self.partials: dict[str, tuple[str, int]] = {}
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Call)
                and _callee(node.value) == "partial"
                and node.value.args
                and isinstance(node.value.args[0], ast.Name)
            ):
                bound = (node.value.args[0].id, len(node.value.args) - 1)
                self.partials[node.targets[0].id] = bound


def _modules() -> dict[str, _Module]:
    modules = [_Module(path) for path in sorted(SOURCE.rglob("*.py"))]
    return {module.name: module for module in modules}


def _calls(node: ast.AST) -> list[ast.Call]:
    return [call for call in ast.walk(node) if isinstance(call, ast.Call)]


Helpers = dict[tuple[str, str], set[Slot]]  # (module, function) -> its code slots


def _slots(
    call: ast.Call, module: _Module, function: ast.FunctionDef, helpers: Helpers
) -> set[Slot]:
    """Where ``call`` takes an error code, if it builds an error."""
    if isinstance(call.func, ast.Name):
        name = call.func.id
        if name in BUILDERS:
            return BUILDERS[name]
        if name in {arg.arg for arg in function.args.args}:  # an error class passed in
            return {(CODE, None)}
        if name in module.partials:
            target, bound = module.partials[name]
            origin = module.imports.get(target, (module.name, target))
            return {
                (keyword, None if position is None else position - bound)
                for keyword, position in helpers.get(origin, set())
                if position is None or position >= bound
            }
        origin = module.imports.get(name, (module.name, name))
        return helpers.get(origin, set())
    if isinstance(call.func, ast.Attribute):  # a method: any helper method of that name
        name = call.func.attr
        return set().union(*(slots for (_, f), slots in helpers.items() if f == name))
    return set()


def _helpers(modules: dict[str, _Module]) -> Helpers:
    """Functions that pass one of their parameters on as the code of an error they build
    (directly or through another helper)."""
    helpers: Helpers = {}
    changed = True
    while changed:
        changed = False
        for module in modules.values():
            for function in module.functions:
                positional = [arg.arg for arg in function.args.posonlyargs + function.args.args]
                offset = 1 if positional[:1] in (["self"], ["cls"]) else 0
                parameters = {arg.arg for arg in function.args.kwonlyargs} | set(positional)
                for call in _calls(function):
                    for argument in _code_arguments(call, _slots(call, module, function, helpers)):
                        if isinstance(argument, ast.Name) and argument.id in parameters:
                            name = argument.id
                            index = positional.index(name) - offset if name in positional else None
                            known = helpers.setdefault((module.name, function.name), set())
                            if (name, index) not in known:
                                known.add((name, index))
                                changed = True
    return helpers


def library_codes() -> dict[str, set[str]]:
    """Every error code in the source, with what raises it."""
    modules = _modules()
    helpers = _helpers(modules)
    found: dict[str, set[str]] = {}
    for name in ERRORS:
        error = getattr(maskan.errors, name)
        found.setdefault(error.default_code, set()).add(f"{name}.default_code")
    for module in modules.values():
        for function in module.functions:
            if function.name == "_problem":  # an identifier's reason, raised by its _error
                for node in ast.walk(function):
                    if isinstance(node, ast.Return) and node.value is not None:
                        for code in _literals(node.value):
                            found.setdefault(code, set()).add(f"{module.name}._problem")
            for call in _calls(function):
                for argument in _code_arguments(call, _slots(call, module, function, helpers)):
                    for code in _literals(argument):
                        found.setdefault(code, set()).add(f"{module.name}.{function.name}")
    return found


def _listed() -> set[str]:
    page = PAGE.read_text(encoding="utf-8")
    return {line.split("`")[1] for line in page.splitlines() if line.startswith("| `")}


def test_the_collector_finds_codes_raised_every_way() -> None:
    codes = library_codes()
    # a keyword at the raise, a helper's positional argument, a method helper, a _problem
    # function's return value, a default code, a DataError problem, a functools.partial
    for code in (
        "month_out_of_range",
        "too_few_founders",
        "length",
        "checksum",
        "usage",
        "json",
        "status_skipped",
    ):
        assert code in codes, code


def test_every_error_code_is_in_the_catalog() -> None:
    listed = _listed()
    missing = {code: sorted(where) for code, where in library_codes().items() if code not in listed}
    assert not missing, f"add to docs/reference/errors.md: {missing}"


def test_the_catalog_lists_no_code_the_library_lacks() -> None:
    extra = sorted(_listed() - set(library_codes()))
    assert not extra, f"docs/reference/errors.md lists codes maskan never raises: {extra}"


def _rows(page: Path) -> list[tuple[str, str]]:
    """Each table row's code and classes, in order."""
    rows = []
    for line in page.read_text(encoding="utf-8").splitlines():
        if line.startswith("| `"):
            cells = line.split(" | ")
            rows.append((cells[0], cells[1]))
    return rows


def test_the_persian_catalog_lists_the_same_codes_and_classes() -> None:
    persian = PAGE.with_name("errors.fa.md")
    assert _rows(persian) == _rows(PAGE), (
        "docs/reference/errors.fa.md must list the codes and classes of errors.md, in order"
    )
