"""JSON text written straight from attrs objects, one generated function per class.

``to_json`` could build ``to_dict``'s dicts and lists and hand them to a JSON library; for a
roster of people most of that time goes into the dicts, built only to be thrown away. The
functions here write the same JSON text the JSON library would have written for those
dicts, field by field: a field that holds its default is left out, text is escaped by the
standard library's own C escaper, and a value of any type the function does not know goes
through the field's cattrs hook and the standard library's encoder.

What is written is exactly ``json.dumps(to_dict(obj), ensure_ascii=False,
separators=(",", ":"))``; a value that cannot be written (or a dict key that is not text)
raises, and the caller then takes the general path, which writes or refuses it as before.

>>> import attrs, cattrs, datetime
>>> @attrs.frozen(kw_only=True)
... class Visit:
...     city: str
...     days: int | None = None
>>> writer = TextWriter(cattrs.Converter(omit_if_default=True), {})
>>> writer(Visit(city="کاشان")), writer([Visit(city='"قم"', days=3)])
('{"city":"کاشان"}', '[{"city":"\\\\"قم\\\\"","days":3}]')
"""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import cattrs
from cattrs.fns import identity

from maskan import _serde_fast

__all__ = ["TextWriter"]

_encoder = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_escape: Callable[[str], str] = json.encoder.encode_basestring


def _plain(value: object) -> str:
    """JSON text for a value as a JSON library would write it after ``to_dict``."""
    if type(value) is str:
        return _escape(value)
    if type(value) is int:
        return int.__repr__(value)
    return _encoder.encode(value)


class TextWriter(dict[type, Callable[[Any, list[str]], None]]):
    """JSON text of any value, as ``made`` would unstructure it; callable.

    ``templates`` maps a type to a pair: the unstructure hook the template stands for, and
    an expression giving the JSON text of a value of that type (``{0}`` standing for the
    value) that may use ``names``. A template is used only while ``made``'s hook for the
    type is that hook, so a hook an integrator registers is always honoured.

    The dict holds, for each type met, a function appending a value's JSON text, piece by
    piece, to a list; the pieces are joined once, at the end.
    """

    def __init__(
        self,
        made: cattrs.Converter,
        templates: Mapping[Any, tuple[Callable[[Any], Any], str]],
        names: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__()
        self.made = made
        self.templates = templates
        self.names = dict(names or {})

    def __call__(self, value: object) -> str:
        pieces: list[str] = []
        self[type(value)](value, pieces)
        return "".join(pieces)

    def __missing__(self, kind: type) -> Callable[[Any, list[str]], None]:
        writer = self._writer(kind)
        self[kind] = writer
        return writer

    def _writer(self, kind: type) -> Callable[[Any, list[str]], None]:
        if kind is list or kind is tuple:
            return self._sequence
        if kind is dict:
            return self._mapping
        hook = self.made.get_unstructure_hook(kind)
        if hook is identity:
            return _append_plain
        found = _serde_fast.writable_fields(kind) if _generated_for(hook, kind) else None
        if found is None:
            return _through(hook)
        return _ClassSource(self, kind, found).compile()

    def _sequence(self, values: list[Any] | tuple[Any, ...], pieces: list[str]) -> None:
        if not values:
            pieces.append("[]")
            return
        pieces.append("[")
        for value in values:
            self[type(value)](value, pieces)
            pieces.append(",")
        pieces[-1] = "]"

    def _mapping(self, values: dict[Any, Any], pieces: list[str]) -> None:
        if not values:
            pieces.append("{}")
            return
        pieces.append("{")
        for key, value in values.items():
            if type(key) is not str:  # the general path writes or refuses other keys
                raise TypeError(f"dict key {key!r} is not text")
            pieces.append(_escape(key) + ":")
            self[type(value)](value, pieces)
            pieces.append(",")
        pieces[-1] = "}"


def _append_plain(value: object, pieces: list[str]) -> None:
    pieces.append(_plain(value))


def _through(hook: Callable[[Any], Any]) -> Callable[[Any, list[str]], None]:
    """A writer appending what ``hook`` gives, written by the standard library's encoder."""

    def write(value: object, pieces: list[str]) -> None:
        pieces.append(_plain(hook(value)))

    return write


class _ClassSource:
    """The source of one class's writing function ``text_<Class>(o, p)``.

    Each field appends a label (``,"name":``) and its value's text to ``p`` through
    ``a = p.append``; a value whose text is known in advance (``true``, an enum's code)
    is appended together with its label.
    """

    def __init__(
        self, writer: TextWriter, cls: type, found: tuple[attrs.Attribute[Any], ...]
    ) -> None:
        self.writer = writer
        self.cls = cls
        self.found = found
        self.namespace: dict[str, Any] = {
            **writer.names,
            "W": writer,
            "plain": _plain,
            "escape": _escape,
        }

    def value(self, kind: Any, value: str, label: str, key: str, indent: str) -> list[str]:
        """Statements appending ``label`` and the text of ``value`` (an expression)."""
        made, namespace = self.writer.made, self.namespace
        hook = made.get_unstructure_hook(kind)
        template = self.writer.templates.get(kind)
        if template is not None and template[0] is hook:
            return [f"{indent}a({label!r})", f"{indent}a({template[1].format(value)})"]
        if hook is identity:
            namespace[f"k_{key}"] = kind
            if isinstance(kind, type) and issubclass(kind, enum.Enum) and issubclass(kind, str):
                namespace[f"m_{key}"] = {member: label + _escape(member) for member in kind}
                return [
                    f"{indent}a(m_{key}[{value}] if type({value}) is k_{key} "
                    f"else {label!r} + plain({value}))"
                ]
            if isinstance(kind, type) and issubclass(kind, str):
                return [
                    f"{indent}a({label!r})",
                    f"{indent}a(escape({value}) if type({value}) is k_{key} else plain({value}))",
                ]
            if kind is int:
                return [
                    f"{indent}a({label!r} + (str({value}) if type({value}) is int "
                    f"else plain({value})))"
                ]
            if kind is bool:
                return [
                    f"{indent}a({label + 'true'!r} if {value} is True else "
                    f"{label + 'false'!r} if {value} is False else {label!r} + plain({value}))"
                ]
            return [f"{indent}a({label!r} + plain({value}))"]
        element = _serde_fast._tuple_element(kind)
        if element is not None:  # the converter writes tuple[X, ...] as a list of X's
            return [
                f"{indent}if {value}:",
                f"{indent}    a({label + '['!r})",
                f"{indent}    for x in {value}:",
                *self.value(element, "x", "", key + "_x", indent + "        "),
                f"{indent}        a(',')",
                f"{indent}    p[-1] = ']'",
                f"{indent}else:",
                f"{indent}    a({label + '[]'!r})",
            ]
        if isinstance(kind, type) and _generated_for(hook, kind):
            namespace[f"t_{key}"] = kind
            lines = [f"{indent}a({label!r})"] if label else []
            return [*lines, f"{indent}W[t_{key}]({value}, p)"]
        namespace[f"u_{key}"] = hook
        return [f"{indent}a({label!r} + plain(u_{key}({value})))"]

    def compile(self) -> Callable[[Any, list[str]], None]:
        name = f"text_{self.cls.__name__}"
        lines = [f"def {name}(o, p):", "    a = p.append"]
        first = self.found[0] if self.found else None
        opened = (
            first is not None
            and first.default is attrs.NOTHING
            and _serde_fast._optional_inner(first.type) is None
        )
        if not opened:  # each label starts with a comma: the first one's is cut at the end
            lines += ["    n = len(p)", "    a('{')"]
        for index, field in enumerate(self.found):
            key = str(index)
            label = ("{" if index == 0 and opened else ",") + _escape(field.name) + ":"
            inner = _serde_fast._optional_inner(field.type)
            if field.default is attrs.NOTHING and inner is None:
                lines += self.value(field.type, f"o.{field.name}", label, key, "    ")
                continue
            lines += [f"    v = o.{field.name}"]
            if field.default is attrs.NOTHING:  # required, and may be None
                lines += [
                    "    if v is None:",
                    f"        a({label + 'null'!r})",
                    "    else:",
                ]
            else:
                lines.append("    if v is not None:")
            lines += self.value(inner, "v", label, key, "        ")
        if not opened:
            lines += ["    if len(p) > n + 1:", "        p[n + 1] = p[n + 1][1:]"]
        lines.append("    a('}')")
        function: Callable[[Any, list[str]], None] = _serde_fast._compile(
            name, lines, self.namespace
        )
        return function


def _generated_for(hook: object, kind: type) -> bool:
    """Whether ``hook`` is the function :mod:`maskan._serde_fast` wrote for ``kind``."""
    code = getattr(hook, "__code__", None)
    return (
        code is not None
        and code.co_filename.startswith("<maskan generated unstructure_")
        and code.co_name == f"unstructure_{kind.__name__}"
    )
