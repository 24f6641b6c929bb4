"""Generated reading and writing functions for attrs classes, one pair per class.

cattrs' own functions for an attrs class call one hook per field, and the hooks of an
optional or a tuple field call another one; for a model such as ``Person``, with two dozen
mostly optional fields, the calls cost more than the work. The functions built here do
what cattrs' do, with the common cases written out in the function's own code:

- writing leaves out a field that holds its default (``None``), returns a field whose hook
  is cattrs' identity as it is, writes a tuple of them with ``list``, and calls the hook
  of anything else — for a nested class, its own generated function;
- reading checks a field with the condition its hook would accept it as it is
  (``type(value) is str``), looks enum codes and dates read before up in a dict, and
  calls the hook otherwise, then builds the object as its constructor would: every
  converter that validates or normalizes runs, and the post-init check. A frozen class
  whose ``__init__`` does nothing else is built without it, so that a converter which
  gives a value of the field's type back unchanged (:mod:`maskan._passthrough`) is not
  called on what the hook has just built.

A class these functions do not cover (a default other than ``None``, a factory, a field
left out of ``__init__``) keeps cattrs' functions, as does any input that is not a
``dict``. Only the converter's fast reading uses them: the detailed reading, which reports
every problem of a bad document with its path, is cattrs' own.

>>> import attrs, cattrs
>>> @attrs.frozen(kw_only=True)
... class Visit:
...     city: str
...     days: int | None = None
>>> made = cattrs.Converter(omit_if_default=True)
>>> write = make_unstructure_fn(Visit, made, {})
>>> write(Visit(city="کاشان")), write(Visit(city="کاشان", days=0))
({'city': 'کاشان'}, {'city': 'کاشان', 'days': 0})
"""

from __future__ import annotations

import contextlib
import importlib
import itertools
import linecache
import re
import types
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.fns import identity

__all__ = [
    "make_structure_fn",
    "make_unstructure_fn",
    "structure_hook",
    "supported",
    "unstructure_hook",
    "writable_fields",
]

_counter = [0]
_CALL = re.compile(r"([A-Za-z_]\w*)\(x\)")  # an element written by one function's call

try:  # where attrs keeps the __setattr__ of frozen classes
    _attrs_make: Any = importlib.import_module("attr._make")
except ImportError:  # pragma: no cover - attrs always ships it
    _attrs_make = None


def _optional_inner(kind: Any) -> Any:
    """``X`` for ``X | None``, or ``None`` when ``kind`` is not such a union."""
    arguments = get_args(kind)
    if (
        get_origin(kind) in (Union, types.UnionType)
        and len(arguments) == 2
        and type(None) in arguments
    ):
        return next(argument for argument in arguments if argument is not type(None))
    return None


def _tuple_element(kind: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, or ``None``."""
    arguments = get_args(kind)
    if get_origin(kind) is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return arguments[0]
    return None


def _fields(cls: type) -> tuple[attrs.Attribute[Any], ...] | None:
    """The fields of ``cls`` when every one can be written and read by generated code."""
    generic: object = getattr(cls, "__parameters__", None)
    if not attrs.has(cls) or generic:
        return None
    found: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    if any(isinstance(field.type, str) for field in found):
        try:
            attrs.resolve_types(cls)
        except NameError:  # cattrs' own functions report it
            return None
        found = attrs.fields(cls)
    for field in found:
        if not field.init or field.type is None or not field.name.isidentifier():
            return None
        if field.default is not attrs.NOTHING and (
            field.default is not None or _optional_inner(field.type) is None
        ):
            return None
        if field.alias != field.name and not str(field.alias).isidentifier():
            return None
    return found


def supported(cls: type) -> bool:
    """Whether ``cls`` is an attrs class the generated functions cover.

    >>> import datetime
    >>> supported(datetime.date)
    False
    """
    return _fields(cls) is not None


def writable_fields(cls: type) -> tuple[attrs.Attribute[Any], ...] | None:
    """The fields of ``cls`` when a generated function can write it: every field
    :func:`supported`, and each default one that reads as ``None`` once converted (a field
    holding it is left out).

    >>> import datetime
    >>> writable_fields(datetime.date) is None
    True
    """
    found = _fields(cls)
    if found is None or not all(
        field.default is attrs.NOTHING or _default_converted_is_none(field) for field in found
    ):
        return None
    return found


def _default_converted_is_none(field: attrs.Attribute[Any]) -> bool:
    # cattrs compares a value with the default after the field's converter; a converter
    # that turns None into something else is left to cattrs
    converter = field.converter
    if converter is None:
        return True
    try:
        if isinstance(converter, attrs.Converter):
            if converter.takes_self:  # type: ignore[attr-defined]
                return False
            arguments: list[Any] = [None]
            if converter.takes_field:  # type: ignore[attr-defined]
                arguments.append(field)
            result = converter.converter(*arguments)  # type: ignore[attr-defined]
        else:
            result = converter(None)
    except Exception:  # the converter refuses None: cattrs decides
        return False
    return result is None


def _compile(name: str, lines: list[str], namespace: dict[str, Any]) -> Callable[..., Any]:
    _counter[0] += 1
    filename = f"<maskan generated {name} {_counter[0]}>"
    source = "\n".join(lines) + "\n"
    exec(compile(source, filename, "exec"), namespace)
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    function: Callable[..., Any] = namespace[name]
    return function


def make_unstructure_fn(
    cls: type,
    made: cattrs.Converter,
    templates: Mapping[Any, tuple[Callable[[Any], Any], str]],
    *,
    names: Mapping[str, Any] | None = None,
    tuples_as_lists: bool = False,
) -> Callable[[Any], dict[str, Any]]:
    """A function writing a ``cls`` as cattrs' ``omit_if_default`` function would.

    ``templates`` maps a type to a pair: the unstructure hook it stands for, and an
    expression that writes a value of the type as that hook would, ``{0}`` standing for
    the value; the expressions may use ``names``. A template is used only while ``made``'s
    hook for the type is that hook, so a hook registered later is honoured.
    ``tuples_as_lists`` says that ``made`` writes a ``tuple[X, ...]`` as a list of its
    items, each written by X's hook.

    >>> import attrs, cattrs
    >>> @attrs.frozen
    ... class Share:
    ...     percent: int
    >>> made = cattrs.Converter()
    >>> make_unstructure_fn(Share, made, {int: (identity, "str({0})")})(Share(12))
    {'percent': '12'}
    """
    found = writable_fields(cls)
    if found is None:
        return made.gen_unstructure_attrs_fromdict(cls)
    with _building(made, cls, "unstructure"):
        return _make_unstructure_fn(cls, made, templates, found, names, tuples_as_lists)


def _make_unstructure_fn(
    cls: type,
    made: cattrs.Converter,
    templates: Mapping[Any, tuple[Callable[[Any], Any], str]],
    found: tuple[attrs.Attribute[Any], ...],
    names: Mapping[str, Any] | None,
    tuples_as_lists: bool,
) -> Callable[[Any], dict[str, Any]]:
    namespace: dict[str, Any] = dict(names or {})

    def expression(kind: Any, value: str, key: str) -> str:
        hook = unstructure_hook(made, kind)
        template = templates.get(kind)
        if template is not None and template[0] is hook:
            return template[1].format(value)
        if hook is identity:
            return value
        element = _tuple_element(kind) if tuples_as_lists else None
        if element is not None and unstructure_hook(made, element) is identity:
            return f"list({value})"
        if element is not None:
            # an empty tuple (a known "none") and a tuple of one (a single residence) are
            # the common cases: neither needs a loop
            inner = expression(element, "x", key + "_x")
            called = _CALL.fullmatch(inner)
            if called is None:
                return f"([{inner} for x in {value}] if {value} else [])"
            function = called.group(1)
            return (
                f"(([{function}({value}[0])] if len({value}) == 1 "
                f"else list(map({function}, {value}))) if {value} else [])"
            )
        namespace[f"u_{key}"] = hook
        return f"u_{key}({value})"

    lines = [f"def unstructure_{cls.__name__}(o):", "    d = {"]
    leading = 0
    for field in found:  # required fields first in the class go into the dict's display
        if field.default is not attrs.NOTHING or _optional_inner(field.type) is not None:
            break
        leading += 1
        value = expression(field.type, f"o.{field.name}", f"{leading - 1}")
        lines.append(f"        {field.name!r}: {value},")
    lines.append("    }")
    for index, field in enumerate(found[leading:], start=leading):
        key = f"{index}"
        inner = _optional_inner(field.type)
        if field.default is attrs.NOTHING:
            if inner is None:
                lines.append(
                    f"    d[{field.name!r}] = {expression(field.type, f'o.{field.name}', key)}"
                )
            else:
                lines += [
                    f"    v = o.{field.name}",
                    f"    d[{field.name!r}] = None if v is None else {expression(inner, 'v', key)}",
                ]
        else:
            kind = field.type if inner is None else inner
            lines += [
                f"    v = o.{field.name}",
                "    if v is not None:",
                f"        d[{field.name!r}] = {expression(kind, 'v', key)}",
            ]
    lines.append("    return d")
    return _compile(f"unstructure_{cls.__name__}", lines, namespace)


def _converter_call(field: attrs.Attribute[Any], value: str, key: str) -> tuple[str, Any]:
    """How attrs' ``__init__`` calls the field's converter on ``value``, and the callable."""
    converter = field.converter
    if isinstance(converter, attrs.Converter):
        arguments = [value]
        if converter.takes_self:  # type: ignore[attr-defined]
            arguments.append("self")
        if converter.takes_field:  # type: ignore[attr-defined]
            arguments.append(f"f_{key}")
        return f"c_{key}({', '.join(arguments)})", converter.converter  # type: ignore[attr-defined]
    return f"c_{key}({value})", converter


def _builds_directly(cls: type) -> bool:
    """Whether an instance may be built without ``__init__``: a frozen slotted class whose
    ``__init__`` attrs wrote, with no validator, pre-init hook or cached hash, so that
    ``__init__`` only sets each field to its converted value and calls the post-init."""
    frozen_setattr = getattr(_attrs_make, "_frozen_setattrs", None)
    init_code = getattr(getattr(cls, "__init__", None), "__code__", None)
    return (
        frozen_setattr is not None
        and getattr(cls, "__setattr__", None) is frozen_setattr
        and "__slots__" in vars(cls)
        and getattr(cls, "__new__", None) is object.__new__
        and init_code is not None
        and init_code.co_filename.startswith("<attrs generated")
        and not hasattr(cls, "__attrs_pre_init__")
        and not hasattr(cls, "_attrs_cached_hash")
        and all(field.validator is None for field in attrs.fields(cls))
    )


def make_structure_fn(
    cls: type,
    made: cattrs.Converter,
    checks: Mapping[Any, str],
    table: Callable[[Any], Mapping[Any, Any] | None],
    passes: Callable[[object], bool] = lambda converter: False,
) -> Callable[[Any, Any], Any]:
    """A function reading a dict into a ``cls`` as cattrs' function would, for a
    converter that forbids unknown keys and stops at the first problem.

    ``checks`` maps a type to a condition (``{0}`` standing for the value) under which the
    type's hook returns the value unchanged. ``table`` gives, for a type, a dict whose
    entry for a value is what the type's hook returns for it (an enum's codes, dates read
    before), or ``None``; a value missing from the dict goes to the hook.

    ``passes`` tells which attrs converters return a value of exactly their field's type
    unchanged (see :mod:`maskan._passthrough`). When ``__init__`` would only convert and
    set the fields (:func:`_builds_directly`), the object is built without it: each field
    is set to its converted value, and a converter that ``passes`` is not called, since the
    hooks have already built the field's type; the post-init check runs as before.

    >>> import attrs, cattrs
    >>> @attrs.frozen
    ... class Name:
    ...     text: str
    >>> made = cattrs.Converter(forbid_extra_keys=True)
    >>> read = make_structure_fn(Name, made, {str: "type({0}) is str"}, lambda kind: None)
    >>> read({"text": "علی"}, Name)
    Name(text='علی')
    """
    fallback: Callable[[Any, Any], Any] = made.gen_structure_attrs_fromdict(cls)
    found = _fields(cls)
    if found is None or made.detailed_validation or not made.forbid_extra_keys:
        return fallback
    with _building(made, cls, "structure"):
        return _make_structure_fn(cls, made, checks, table, passes, fallback, found)


def _make_structure_fn(
    cls: type,
    made: cattrs.Converter,
    checks: Mapping[Any, str],
    table: Callable[[Any], Mapping[Any, Any] | None],
    passes: Callable[[object], bool],
    fallback: Callable[[Any, Any], Any],
    found: tuple[attrs.Attribute[Any], ...],
) -> Callable[[Any, Any], Any]:
    namespace: dict[str, Any] = {
        "cls": cls,
        "fallback": fallback,
        "names": frozenset(field.name for field in found),
    }

    def convert(kind: Any, value: str, key: str, indent: str) -> list[str]:
        """Statements that turn ``value`` (a variable) into what ``kind``'s hook gives."""
        hook = structure_hook(made, kind)
        namespace[f"h_{key}"], namespace[f"t_{key}"] = hook, kind
        if (id(made), kind, "structure") in _in_progress:  # a class inside itself
            return [f"{indent}{value} = h_{key}({value}, t_{key})"]
        check = checks.get(kind)
        if check is not None:
            return [
                f"{indent}if not ({check.format(value)}):",
                f"{indent}    {value} = h_{key}({value}, t_{key})",
            ]
        codes = table(kind)
        if codes is not None:
            namespace[f"m_{key}"] = codes
            return [
                f"{indent}try:",
                f"{indent}    {value} = m_{key}[{value}]",
                f"{indent}except (KeyError, TypeError):",
                f"{indent}    {value} = h_{key}({value}, t_{key})",
            ]
        element = _tuple_element(kind)
        if element is not None:
            # map() with an endless repeat of the element type calls each item's hook
            # as cattrs does, without a comprehension's frame
            namespace[f"e_{key}"] = structure_hook(made, element)
            namespace[f"r_{key}"] = itertools.repeat(element)
            read_all = f"tuple(map(e_{key}, {value}, r_{key})) if {value} else ()"
            known = None if (id(made), element, "structure") in _in_progress else table(element)
            if known is None:
                return [
                    f"{indent}if type({value}) is list:",
                    f"{indent}    {value} = {read_all}",
                    f"{indent}else:",
                    f"{indent}    {value} = h_{key}({value}, t_{key})",
                ]
            namespace[f"k_{key}"] = known.__getitem__
            return [
                f"{indent}if type({value}) is list:",
                f"{indent}    try:",
                f"{indent}        {value} = tuple(map(k_{key}, {value})) if {value} else ()",
                f"{indent}    except (KeyError, TypeError):",
                f"{indent}        {value} = {read_all}",
                f"{indent}else:",
                f"{indent}    {value} = h_{key}({value}, t_{key})",
            ]
        return [f"{indent}{value} = h_{key}({value}, t_{key})"]

    lines = [
        f"def structure_{cls.__name__}(o, _=None):",
        "    if type(o) is not dict or not names.issuperset(o):",
        "        return fallback(o, _)",
    ]
    arguments = []
    direct = _builds_directly(cls)
    if direct:
        namespace["new"] = object.__new__
    for index, field in enumerate(found):
        variable = f"v{index}"
        inner = _optional_inner(field.type)
        if field.default is attrs.NOTHING:
            lines.append(f"    {variable} = o[{field.name!r}]")
            if inner is None:
                lines += convert(field.type, variable, f"{index}", "    ")
            else:
                lines.append(f"    if {variable} is not None:")
                lines += convert(inner, variable, f"{index}", "        ")
        else:  # the default is None and the field is optional: a missing key reads as None
            lines += [f"    {variable} = o.get({field.name!r})", f"    if {variable} is not None:"]
            lines += convert(inner, variable, f"{index}", "        ")
        arguments.append(f"{field.alias}={variable}")
    if not direct:
        lines.append(f"    return cls({', '.join(arguments)})")
        return _compile(f"structure_{cls.__name__}", lines, namespace)
    lines.append("    self = new(cls)")
    for index, field in enumerate(found):
        variable, key = f"v{index}", f"{index}"
        value = variable
        if field.converter is not None and not _passes(field, passes):
            value, namespace[f"c_{key}"] = _converter_call(field, variable, key)
            namespace[f"f_{key}"] = field
        # the slot's own setter is what object.__setattr__ finds, at half the cost
        namespace[f"s_{key}"] = _slot(cls, field.name)
        lines.append(f"    s_{key}(self, {value})")
    if hasattr(cls, "__attrs_post_init__"):
        lines.append("    self.__attrs_post_init__()")
    lines.append("    return self")
    return _compile(f"structure_{cls.__name__}", lines, namespace)


# The classes whose functions are being written, by converter: a class met again inside
# itself (a tree of records) gets a function that looks its hook up when called, since
# asking the converter for it then would write the same function again, endlessly.
_in_progress: set[tuple[int, Any, str]] = set()


@contextlib.contextmanager
def _building(made: cattrs.Converter, cls: type, direction: str) -> Iterator[None]:
    key = (id(made), cls, direction)
    _in_progress.add(key)
    try:
        yield
    finally:
        _in_progress.discard(key)


def unstructure_hook(made: cattrs.Converter, kind: Any) -> Callable[[Any], Any]:
    """``made``'s unstructure hook for ``kind``, or one that finds it when called, while
    ``kind``'s own function is being written.

    >>> unstructure_hook(cattrs.Converter(), int)(5)
    5
    """
    if (id(made), kind, "unstructure") not in _in_progress:
        hook: Callable[[Any], Any] = made.get_unstructure_hook(kind)
        return hook

    def later(value: Any) -> Any:
        return made.get_unstructure_hook(kind)(value)

    return later


def structure_hook(made: cattrs.Converter, kind: Any) -> Callable[[Any, Any], Any]:
    """``made``'s structure hook for ``kind``, or one that finds it when called, while
    ``kind``'s own function is being written.

    >>> structure_hook(cattrs.Converter(), int)("5", int)
    5
    """
    if (id(made), kind, "structure") not in _in_progress:
        hook: Callable[[Any, Any], Any] = made.get_structure_hook(kind)
        return hook

    def later(value: Any, kind_: Any) -> Any:
        return made.get_structure_hook(kind)(value, kind_)

    return later


def _slot(cls: type, name: str) -> Callable[[object, object], None]:
    """What ``object.__setattr__(instance, name, value)`` calls: the slot's ``__set__``."""
    for klass in cls.__mro__:
        if name in vars(klass):
            found = vars(klass)[name]
            if isinstance(found, types.MemberDescriptorType):
                setter: Callable[[object, object], None] = found.__set__
                return setter
            break
    return lambda instance, value: object.__setattr__(instance, name, value)


def _passes(field: attrs.Attribute[Any], passes: Callable[[object], bool]) -> bool:
    """Whether the field's converter may be left out: it ``passes`` and, where the field
    may hold ``None``, gives ``None`` for ``None``."""
    converter = field.converter
    if not passes(converter):
        return False
    return _optional_inner(field.type) is None or _default_converted_is_none(field)
