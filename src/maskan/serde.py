"""Dicts and JSON in and out of every maskan model, through one cattrs converter.

The wire format is plain and stable:

- dates are ISO Gregorian strings (``"2025-11-25"``) by default, or Jalali
  (``"1404-09-04"``) with ``dates="jalali"``; both are read, as is anything
  :func:`maskan.calendar.parse_date` reads. Since a year below 1700 reads as Jalali, a
  date that one calendar cannot write unambiguously is written in the other (a Gregorian
  year before 1700 in Jalali, a Jalali year from 1700 in Gregorian);
- money is an integer number of rials; beyond 2**53 (900 trillion toman) it is written
  as a digit string, which JavaScript and every JSON library keep exact, and digit
  strings are read for any amount;
- enums are their stable lowercase codes; decimals and fractions are strings
  (``"12.5"``, ``"87/100"``), so no value is ever rounded through a float;
- provinces are ISO 3166-2:IR codes (``"IR-10"``); a county is
  ``{"province": "IR-10", "name": "کاشان"}``;
- Persian text stays readable: JSON is written as UTF-8 without ``\\u`` escapes;
- a field that holds its default — for a model, mostly ``None``, an unknown fact — is
  left out, and a missing field reads as its default, so documents stay small.

A document that cannot become the asked-for class raises :class:`~maskan.errors.DataError`
listing every problem with its JSON path, in English and Persian. Unknown keys are
problems too: a misspelt field is reported rather than silently dropped.

``orjson`` is used for JSON when it is installed (``pip install maskan[fast]``) and the
standard library otherwise; the output is the same. :func:`to_json` gives text and
:func:`to_json_bytes` the same JSON as UTF-8 bytes, ready for a file or an HTTP body.

>>> import attrs, datetime
>>> from maskan.money import Rial
>>> @attrs.frozen(kw_only=True)
... class Payment:
...     payer: str
...     paid_on: datetime.date
...     amount: Rial
>>> payment = Payment(payer="علی", paid_on=datetime.date(2025, 11, 25), amount=Rial(5_000_000))
>>> to_json(payment)
'{"payer":"علی","paid_on":"2025-11-25","amount":5000000}'
>>> to_json(payment, dates="jalali")
'{"payer":"علی","paid_on":"1404-09-04","amount":5000000}'
>>> from_json(Payment, '{"payer": "علی", "paid_on": "1404/09/04", "amount": "5000000"}') == payment
True
>>> from_dict(Payment, {"payer": "علی", "paid_on": "1404-13-04", "amount": 1.5, "note": "x"})
Traceback (most recent call last):
...
maskan.errors.DataError: 3 problems in the document:
$.paid_on: month: 13 is not a Jalali month; expected 1 to 12
$.amount: 1.5 is not an integer number of rials
$.note: unknown field
"""

from __future__ import annotations

import datetime
import enum
import functools
import importlib
import json
import math
import re
import types
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Literal, TypeVar, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from maskan import _passthrough, _serde_fast, _serde_text
from maskan.calendar import as_date, jalali_ymd
from maskan.errors import DataError, MaskanError, Problem, describe
from maskan.geo import County, Province
from maskan.money import Rial

__all__ = [
    "DateMode",
    "converter",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
    "to_json_bytes",
]

T = TypeVar("T")
DateMode = Literal["iso", "jalali"]
"""How dates are written: ISO Gregorian (``"iso"``, the default) or Jalali (``"jalali"``).

>>> from typing import get_args
>>> [to_json(datetime.date(2025, 11, 25), dates=mode) for mode in get_args(DateMode)]
['"2025-11-25"', '"1404-09-04"']
"""

_orjson: Any
try:  # an optional speed-up (the ``fast`` extra); the standard library writes the same JSON
    _orjson = importlib.import_module("orjson")
except ImportError:  # pragma: no cover - depends on the environment
    _orjson = None


class _Unreadable(ValueError):
    """A wire value of the wrong shape; carries both messages for the DataError."""

    def __init__(self, message: str, message_fa: str, code: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_fa = message_fa
        self.code = code


def _expect(kind_en: str, kind_fa: str, value: object) -> _Unreadable:
    return _Unreadable(
        f"{describe(value)} is not {kind_en}",
        f"مقدار {describe(value)} {kind_fa} نیست",
        "type",
    )


# ISO dates read, by their text: a roster repeats the same few thousand days
_iso_dates: dict[str, datetime.date] = {}


def _read_date(value: object, _: type) -> datetime.date:
    if type(value) is str:
        known = _iso_dates.get(value)
        if known is not None:
            return known
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[:2] > "16":
        try:  # the common case, ISO text this module wrote
            day = datetime.date.fromisoformat(value)
        except ValueError:
            pass
        else:
            if type(value) is str and len(_iso_dates) < _DateTexts._LIMIT:
                _iso_dates[value] = day
            return day
    if isinstance(value, str | datetime.date):
        return as_date(value, "text")
    raise _expect("a date", "تاریخ", value)


# Text dates read a year below 1700 as Jalali (maskan.calendar.parse_date), so each date is
# written in the calendar that reads back as the same day: a Gregorian year before 1700 in
# Jalali, a Jalali year from 1700 (after 2320) in Gregorian.
_FIRST_GREGORIAN_YEAR = 1700


def _write_iso(value: datetime.date) -> str:
    if value.year >= _FIRST_GREGORIAN_YEAR:
        return value.isoformat()
    return _write_jalali(value)


def _write_jalali(value: datetime.date) -> str:
    year, month, day = jalali_ymd(value)
    if year >= _FIRST_GREGORIAN_YEAR:
        return value.isoformat()
    return f"{year:04d}-{month:02d}-{day:02d}"


class _DateTexts(dict[datetime.date, str]):
    """The text of each date written, remembered: a roster repeats the same few thousand
    days, and looking one up costs a fraction of formatting it (Jalali even more so)."""

    _LIMIT = 50_000  # about 137 years of days

    def __init__(self, write: Callable[[datetime.date], str]) -> None:
        super().__init__()
        self.write = write

    def __missing__(self, day: datetime.date) -> str:
        text = self.write(day)
        if len(self) < self._LIMIT:
            self[day] = text
        return text


_SAFE_INTEGER = 2**53 - 1


def _write_rial(amount: Rial) -> int | str:
    # JavaScript (and orjson, past 64 bits) cannot hold larger integers exactly
    return amount.rials if -_SAFE_INTEGER <= amount.rials <= _SAFE_INTEGER else str(amount.rials)


def _read_rial(value: object, _: type) -> Rial:
    if isinstance(value, int) and not isinstance(value, bool):
        return Rial(value)
    if isinstance(value, str) and value.lstrip("-").isdigit() and value.isascii():
        if len(value) > _MAX_RIAL_DIGITS:  # int() refuses 4300 digits; Rial stops at 10**24
            raise _Unreadable(
                f"{describe(value)} is out of range (below 10^24 rials)",
                f"مقدار {describe(value)} خارج از محدوده است",
                "out_of_range",
            )
        return Rial(int(value))
    raise _Unreadable(
        f"{describe(value)} is not an integer number of rials",
        f"مقدار {describe(value)} عدد صحیحی از ریال نیست",
        "type",
    )


def _read_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise _expect("a decimal number", "عدد اعشاری", value) from None
        if number.is_finite():
            return number
    if isinstance(value, float):  # JSON parsers give floats; repr is the shortest exact text
        return Decimal(repr(value))
    raise _expect("a decimal number", "عدد اعشاری", value)


_MAX_RIAL_DIGITS = 40
# A fraction is written "87/100"; an exponent ("1e999999999") would make Fraction build a
# billion-digit integer, so it is refused, as is text far longer than any real fraction.
_MAX_FRACTION_TEXT = 100


def _read_fraction(value: object, _: type) -> Fraction:
    if isinstance(value, str) and (len(value) > _MAX_FRACTION_TEXT or "e" in value.lower()):
        raise _expect("a fraction such as '87/100'", "کسری مانند 87/100", value)
    if isinstance(value, int | str) and not isinstance(value, bool):
        try:
            return Fraction(value)
        except (ValueError, ZeroDivisionError):
            pass
    raise _expect("a fraction such as '87/100'", "کسری مانند 87/100", value)


def _read_province(value: object, _: type) -> Province:
    if isinstance(value, str):
        return Province.lookup(value)
    raise _expect("a province code such as 'IR-10'", "کد استان مانند IR-10", value)


def _write_county(county: County) -> dict[str, str]:
    return {"province": county.province.iso_code, "name": county.name_fa}


def _read_county(value: object, _: type) -> County:
    if isinstance(value, dict) and set(value) == {"province", "name"}:
        return County.lookup(value["name"], province=value["province"])
    raise _expect("a county such as {'province': 'IR-10', 'name': 'کاشان'}", "شهرستان", value)


def _strict(kind: type, kind_en: str, kind_fa: str) -> Callable[[object, type], Any]:
    def read(value: object, _: type) -> object:
        # bool is an int in Python, but a JSON true is not a count or a name
        if isinstance(value, kind) and not (kind is not bool and isinstance(value, bool)):
            return value
        raise _expect(kind_en, kind_fa, value)

    return read


@functools.cache
def _members(kind: type[enum.Enum]) -> dict[object, enum.Enum]:
    return {member.value: member for member in kind}


def _read_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    try:
        return _members(kind)[value]
    except (KeyError, TypeError):
        codes = ", ".join(repr(code) for code in _members(kind))
        raise _Unreadable(
            f"{describe(value)} is not one of {codes}",
            f"مقدار {describe(value)} مجاز نیست؛ یکی از {codes}",
            "choice",
        ) from None


def _is_optional(kind: Any) -> bool:
    arguments = get_args(kind)
    return (
        get_origin(kind) in (Union, types.UnionType)
        and len(arguments) == 2
        and type(None) in arguments
    )


def _optional_hook(kind: Any, made: cattrs.Converter) -> Callable[[object, Any], Any]:
    # cattrs dispatches on every call for ``X | None``; resolving X once is what makes
    # reading a Person, whose facts are mostly optional, several times faster
    inner = next(argument for argument in get_args(kind) if argument is not type(None))
    hook = _serde_fast.structure_hook(made, inner)

    def read(value: object, _: Any) -> Any:
        return None if value is None else hook(value, inner)

    return read


def _optional_writer(kind: Any, made: cattrs.Converter) -> Callable[[Any], Any]:
    inner = next(argument for argument in get_args(kind) if argument is not type(None))
    hook = _serde_fast.unstructure_hook(made, inner)

    def write(value: Any) -> Any:
        return None if value is None else hook(value)

    return write


def _tuple_writer(kind: Any, made: cattrs.Converter) -> Callable[[Any], Any]:
    hook = _serde_fast.unstructure_hook(made, get_args(kind)[0])

    def write(value: Any) -> list[Any]:
        return [hook(item) for item in value]

    return write


def _is_homogeneous_tuple(kind: Any) -> bool:
    arguments = get_args(kind)
    return get_origin(kind) is tuple and len(arguments) == 2 and arguments[1] is Ellipsis


def _tuple_hook(kind: Any, made: cattrs.Converter) -> Callable[[object, Any], Any]:
    element = get_args(kind)[0]
    hook = _serde_fast.structure_hook(made, element)
    detailed = made.detailed_validation

    def read(value: object, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple):
            raise _expect("a list", "فهرست", value)
        if not detailed:
            return tuple([hook(item, element) for item in value])
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(hook(item, element))
            except Exception as error:  # collected with its index, as cattrs does
                error.__notes__ = [
                    *getattr(error, "__notes__", []),
                    IterableValidationNote(f"Structuring {kind} @ index {index}", index, element),
                ]
                errors.append(error)
        if errors:
            raise IterableValidationError(f"While structuring {kind!r}", errors, kind)
        return tuple(items)

    return read


class _Converter(cattrs.Converter):
    """cattrs' converter, keeping what it derives from its hooks until a hook changes.

    A document that fails is read a second time, slowly, to list every problem; building
    that slow converter (and its generated code for every class) costs milliseconds, so it
    is built once and rebuilt only after a structure hook is registered. What writes JSON
    (orjson's ``default`` and, without orjson, :mod:`maskan._serde_text`'s writer) is
    kept the same way until an unstructure hook is registered.
    """

    _twin: cattrs.Converter | None = None
    _text: _serde_text.TextWriter | None = None
    _default: Callable[[object], object] | None = None
    # set by make_converter: how the text writer writes dates
    _text_templates: dict[Any, tuple[Callable[[Any], Any], str]] | None = None
    _text_names: dict[str, Any] | None = None

    def register_structure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self._twin = None
        return super().register_structure_hook(*args, **kwargs)

    def register_structure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self._twin = None
        return super().register_structure_hook_func(*args, **kwargs)

    def register_structure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self._twin = None
        return super().register_structure_hook_factory(*args, **kwargs)

    def register_unstructure_hook(self, *args: Any, **kwargs: Any) -> Any:
        self._text = self._default = None
        return super().register_unstructure_hook(*args, **kwargs)

    def register_unstructure_hook_func(self, *args: Any, **kwargs: Any) -> Any:
        self._text = self._default = None
        return super().register_unstructure_hook_func(*args, **kwargs)

    def register_unstructure_hook_factory(self, *args: Any, **kwargs: Any) -> Any:
        self._text = self._default = None
        return super().register_unstructure_hook_factory(*args, **kwargs)

    def detailed(self) -> cattrs.Converter:
        """This converter with detailed validation, built on first use."""
        twin = self._twin
        if twin is None:
            twin = self._twin = self.copy(detailed_validation=True)
        return twin

    def json_default(self) -> Callable[[object], object]:
        """The JSON library's ``default`` hook for this converter, built on first use."""
        default = self._default
        if default is None:
            default = self._default = _json_default(self)
        return default

    def text(self) -> _serde_text.TextWriter:
        """This converter's JSON text writer, built on first use."""
        text = self._text
        if text is None:
            text = self._text = _serde_text.TextWriter(
                self, self._text_templates or {}, self._text_names
            )
        return text


def make_converter(*, dates: DateMode = "iso") -> cattrs.Converter:
    """Build a converter with maskan's wire format; extend it with your own hooks.

    Both date modes read either kind of date; ``dates`` only chooses what is written.

    >>> jalali = make_converter(dates="jalali")
    >>> jalali.unstructure(datetime.date(2025, 11, 25))
    '1404-09-04'
    """
    return _make_converter(dates)


def _make_converter(dates: DateMode) -> _Converter:
    if dates not in ("iso", "jalali"):
        raise DataError(
            [
                Problem(
                    "dates",
                    f"{dates!r} is not 'iso' or 'jalali'",
                    f"مقدار {dates!r} مجاز نیست؛ iso یا jalali",
                    "option",
                )
            ]
        )
    made = _Converter(forbid_extra_keys=True, detailed_validation=False, omit_if_default=True)
    made.register_structure_hook(datetime.date, _read_date)
    made.register_unstructure_hook(datetime.date, _write_iso if dates == "iso" else _write_jalali)
    made.register_structure_hook(Rial, _read_rial)
    made.register_unstructure_hook(Rial, _write_rial)
    made.register_structure_hook(Decimal, _read_decimal)
    made.register_unstructure_hook(Decimal, str)
    made.register_structure_hook(Fraction, _read_fraction)
    made.register_unstructure_hook(Fraction, str)
    made.register_structure_hook(Province, _read_province)
    made.register_unstructure_hook(Province, lambda province: province.iso_code)
    made.register_structure_hook(County, _read_county)
    made.register_unstructure_hook(County, _write_county)
    made.register_structure_hook(str, _strict(str, "text", "متن"))
    made.register_structure_hook(int, _strict(int, "an integer", "عدد صحیح"))
    made.register_structure_hook(bool, _strict(bool, "true or false", "true یا false"))
    # StrEnum and IntEnum come before str and int in their MRO, so these win for enums
    for kind in (enum.Enum, enum.StrEnum, enum.IntEnum):
        made.register_structure_hook(kind, _read_enum)
    # Factories resolve the inner hook once per type instead of dispatching per value.
    made.register_structure_hook_factory(_is_optional, _optional_hook)
    made.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook)
    made.register_unstructure_hook_factory(_is_optional, _optional_writer)
    made.register_unstructure_hook_factory(_is_homogeneous_tuple, _tuple_writer)
    # attrs classes get functions written for them (see maskan._serde_fast); the factories
    # take the converter, so that a copy made for detailed validation keeps cattrs' own
    write_date = _write_iso if dates == "iso" else _write_jalali
    texts = _DateTexts(write_date)
    # a date's text is looked up; one not met before is written and remembered
    templates = {datetime.date: (write_date, "date_text({0})")}
    names = {"date_text": texts.__getitem__}
    made._text_templates = {
        datetime.date: (
            write_date,
            "(quoted[{0}] if type({0}) is date else plain(write_date({0})))",
        )
    }
    made._text_names = {
        "quoted": _DateTexts(lambda day: f'"{write_date(day)}"'),
        "date": datetime.date,
        "write_date": write_date,
    }
    made.register_unstructure_hook_factory(
        attrs.has,
        lambda cls, made: _serde_fast.make_unstructure_fn(
            cls, made, templates, names=names, tuples_as_lists=True
        ),
    )
    made.register_structure_hook_factory(
        attrs.has,
        lambda cls, made: _serde_fast.make_structure_fn(
            cls, made, _FAST_CHECKS, functools.partial(_known_reads, made), _passthrough.passes
        ),
    )
    return made


# Conditions under which the hooks above return a value unchanged.
_FAST_CHECKS = {
    str: "type({0}) is str",
    int: "type({0}) is int",
    bool: "{0} is True or {0} is False",
}


def _known_reads(made: cattrs.Converter, kind: Any) -> dict[Any, Any] | None:
    """What the hook of ``kind`` gives for a value, where it is remembered (see
    :func:`maskan._serde_fast.make_structure_fn`)."""
    hook = made.get_structure_hook(kind)
    if hook is _read_enum:
        return _members(kind)
    if hook is _read_date:
        return _iso_dates
    return None


_iso_converter = _make_converter("iso")
converter: cattrs.Converter = _iso_converter
"""The converter behind :func:`to_dict` and :func:`from_dict` (ISO dates).

>>> from maskan.money import Rial
>>> converter.unstructure({"paid_on": datetime.date(2025, 11, 25), "amount": Rial(10)})
{'paid_on': '2025-11-25', 'amount': 10}
>>> converter.structure("1404/09/04", datetime.date)
datetime.date(2025, 11, 25)
"""
_jalali_converter = _make_converter("jalali")


def _converter_for(dates: DateMode) -> _Converter:
    if dates == "iso":
        return _iso_converter
    if dates == "jalali":
        return _jalali_converter
    raise DataError(
        [
            Problem(
                "dates",
                f"{describe(dates)} is not 'iso' or 'jalali'",
                f"مقدار {describe(dates)} مجاز نیست؛ iso یا jalali",
                "option",
            )
        ]
    )


def to_dict(obj: object, *, dates: DateMode = "iso") -> Any:
    """Turn a maskan object into plain dicts, lists, strings and numbers.

    >>> from maskan.money import Rial
    >>> to_dict(Rial(10))
    10
    """
    return _converter_for(dates).unstructure(obj)


def from_dict(cls: type[T], data: object) -> T:
    """Build a ``cls`` from plain data, or raise :class:`DataError` listing every problem.

    >>> import datetime
    >>> from_dict(datetime.date, "۱۴۰۴/۰۹/۰۴")
    datetime.date(2025, 11, 25)
    """
    try:
        return converter.structure(data, cls)
    except Exception:
        pass
    # Reading stops at the first problem; read again, slowly, to find all of them.
    detailed = _iso_converter.detailed()
    try:
        detailed.structure(data, cls)
    except Exception as error:
        raise DataError(_problems(error, "$")) from None
    raise DataError(  # pragma: no cover - the fast and the detailed readings disagree
        [Problem("$", "cannot read this document", "این سند خوانده نمی‌شود", "invalid")]
    )


def to_json(obj: object, *, dates: DateMode = "iso", indent: int | None = None) -> str:
    """Write a maskan object as JSON text, Persian kept readable.

    A value that no hook of the converter writes as JSON raises :class:`DataError`
    naming its path (code ``type``; ``out_of_range`` for an integer too long to write).

    >>> from maskan.geo import Province
    >>> to_json({"province": Province.lookup("اصفهان"), "name": "مسکن"})
    '{"province":"IR-10","name":"مسکن"}'
    >>> to_json({"members": [1, {2, 3}]})
    Traceback (most recent call last):
    ...
    maskan.errors.DataError: $.members[1]: set cannot be written as JSON; register an \
unstructure hook for it on serde.converter
    """
    made = _converter_for(dates)
    if indent is None:
        if _orjson is not None:
            written = _orjson_stream(obj, made)
            if written is not None:
                return str(written.decode())
        else:
            # Without orjson, JSON text is written straight from the objects, about twice
            # as fast as json.dumps of to_dict's dicts; what the writer cannot write (or a
            # dict key that is not text) goes the general way below, which writes or
            # refuses it.
            try:
                return made.text()(obj)
            except Exception:  # the general path below raises what is wrong
                pass
    try:
        data = made.unstructure(obj)
    except MaskanError:
        raise
    except (TypeError, ValueError, AttributeError, RecursionError) as error:
        # a dict key that cannot be a key once written (a tuple), an object holding
        # itself, a record whose field holds what its hook cannot write
        raise DataError(
            [
                Problem(
                    "$",
                    f"cannot be written as JSON: {type(error).__name__}: {error}",
                    f"در JSON نوشته نمی‌شود: {type(error).__name__}: {error}",
                    "type",
                )
            ]
        ) from error
    if _orjson is not None and indent is None:
        try:
            return str(_orjson.dumps(data).decode())
        except TypeError:  # integers beyond 64 bits: the standard library handles them
            pass
    separators = (",", ":") if indent is None else (",", ": ")
    try:
        return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)
    except (TypeError, ValueError, RecursionError) as error:
        raise DataError([_unwritable(data, error)]) from error


# Python writes integers of up to 4,300 digits (sys.get_int_max_str_digits()); about this
# many bits, a little under, so that an integer refused is always found here
_LONGEST_INT_BITS = int(4300 / math.log10(2)) - 8


def _unwritable(data: object, error: BaseException) -> Problem:
    """Where in ``data`` (what the converter gave) lies what JSON cannot hold, and what."""
    stack: list[tuple[object, str]] = [(data, "$")]
    open_: set[int] = set()  # containers seen: a second visit is a cycle
    while stack:
        value, path = stack.pop()
        if isinstance(value, int) and value.bit_length() > _LONGEST_INT_BITS:
            return Problem(
                path,
                f"an integer of about {int(value.bit_length() * math.log10(2)):,} digits is "
                "too long to write",
                f"عددی صحیح با حدود {int(value.bit_length() * math.log10(2))} رقم برای نوشتن "
                "بیش از حد بلند است",
                "out_of_range",
            )
        if value is None or isinstance(value, str | int | float):
            continue
        if isinstance(value, dict | list | tuple):
            if id(value) in open_:
                return Problem(path, "contains itself", "خودش را در بر دارد", "type")
            open_.add(id(value))
            if isinstance(value, dict):
                for key, item in reversed(value.items()):
                    if key is not None and not isinstance(key, str | int | float):
                        return Problem(
                            path,
                            f"a key of type {type(key).__name__} cannot be a JSON key",
                            f"کلیدی از نوع {type(key).__name__} در JSON نوشته نمی‌شود",
                            "type",
                        )
                    stack.append((item, f"{path}.{key}"))
            else:
                stack.extend(
                    (item, f"{path}[{index}]") for index, item in reversed(list(enumerate(value)))
                )
            continue
        return Problem(
            path,
            f"{type(value).__name__} cannot be written as JSON; register an unstructure hook "
            "for it on serde.converter",
            f"مقداری از نوع {type(value).__name__} در JSON نوشته نمی‌شود",
            "type",
        )
    return Problem(  # an integer JSON cannot write, or nesting too deep
        "$", f"cannot be written as JSON: {error}", f"در JSON نوشته نمی‌شود: {error}", "type"
    )


def to_json_bytes(obj: object, *, dates: DateMode = "iso", indent: int | None = None) -> bytes:
    """:func:`to_json`'s text as UTF-8 bytes, for a file, a socket or an HTTP body.

    With orjson installed the bytes are written directly, without making a ``str`` first.
    Text that cannot be UTF-8 (an unpaired surrogate, which only a ``str`` can hold)
    raises :class:`DataError`.

    >>> to_json_bytes({"city": "کاشان"})
    b'{"city":"\\xda\\xa9\\xd8\\xa7\\xd8\\xb4\\xd8\\xa7\\xd9\\x86"}'
    >>> to_json_bytes({"city": "کاشان"}).decode() == to_json({"city": "کاشان"})
    True
    """
    made = _converter_for(dates)
    if _orjson is not None and indent is None:
        written = _orjson_stream(obj, made)
        if written is not None:
            return bytes(written)
    text = to_json(obj, dates=dates, indent=indent)
    try:
        return text.encode()
    except UnicodeEncodeError as error:
        character = f"U+{ord(text[error.start]):04X}"
        raise DataError(
            [
                Problem(
                    "$",
                    f"{character} at offset {error.start} of the JSON text is an unpaired "
                    "surrogate, which UTF-8 cannot hold",
                    f"نویسه {character} در جایگاه {error.start} متن JSON نیمه‌ای تنها از یک "
                    "جفت جانشین است و در UTF-8 نوشته نمی‌شود",
                    "encoding",
                )
            ]
        ) from None


def _orjson_stream(obj: object, made: _Converter) -> bytes | None:
    """``obj`` written by orjson as it reaches each object, or ``None`` when orjson cannot
    write it: a key that is not text, or something cattrs leaves as it is. The caller then
    goes through ``to_dict``, which writes or refuses it.

    Each object's dict is freed as soon as it is written, so a long roster never exists
    as dicts all at once.
    """
    try:
        written: bytes = _orjson.dumps(obj, default=made.json_default(), option=_PASSTHROUGH)
    except (TypeError, ValueError, RecursionError):
        return None
    return written


# orjson writes dates and dataclasses itself unless told to pass them to ``default``; the
# converter's hooks write them instead, so that the output is what ``to_dict`` gives.
_PASSTHROUGH = (
    0 if _orjson is None else _orjson.OPT_PASSTHROUGH_DATETIME | _orjson.OPT_PASSTHROUGH_DATACLASS
)


def _json_default(made: cattrs.Converter) -> Callable[[object], object]:
    """The JSON library's ``default``: what ``made`` writes for an object it cannot write."""
    hooks = _Hooks(made)

    def write(value: object) -> object:
        written = hooks[type(value)](value)
        if written is value:  # cattrs leaves it as it is: not JSON
            raise TypeError(f"{type(value).__name__} is not JSON")
        return written

    return write


class _Hooks(dict[type, Callable[[Any], object]]):
    """Each type's unstructure hook, looked up in the converter once."""

    def __init__(self, made: cattrs.Converter) -> None:
        super().__init__()
        self.made = made

    def __missing__(self, kind: type) -> Callable[[Any], object]:
        hook: Callable[[Any], object] = self.made.get_unstructure_hook(kind)
        self[kind] = hook
        return hook


def from_json(cls: type[T], text: str | bytes) -> T:
    """Read JSON text (or UTF-8 bytes) into a ``cls``; bad JSON or bad data raise DataError.

    >>> import datetime
    >>> from_json(datetime.date, '"2025-11-25"')
    datetime.date(2025, 11, 25)
    >>> from_json(datetime.date, "{")
    Traceback (most recent call last):
    ...
    maskan.errors.DataError: $: not valid JSON (line 1, column 2)
    """
    if not isinstance(text, str | bytes | bytearray):
        raise DataError(
            [
                Problem(
                    "$",
                    f"from_json() takes str or bytes, not {type(text).__name__}",
                    f"ورودی from_json باید متن یا بایت باشد، نه {type(text).__name__}",
                    "type",
                )
            ]
        )
    items = _read_records(cls, text)
    if items is not None:
        return items
    try:
        data = (
            _orjson.loads(text)
            if _orjson is not None
            else json.loads(text, parse_constant=_not_json)
        )
    except (ValueError, RecursionError) as error:
        where = ""
        if isinstance(error, json.JSONDecodeError):  # orjson's error is a subclass
            where = f" (line {error.lineno}, column {error.colno})"
        raise DataError(
            [Problem("$", f"not valid JSON{where}", f"JSON معتبر نیست{where}", "json")]
        ) from None
    return from_dict(cls, data)


def _read_records(cls: type[T], text: str | bytes | bytearray) -> T | None:
    """Read a JSON list of records one record at a time, or give ``None``.

    Each record is parsed, built and its parsed form dropped before the next one is
    parsed, so the whole parsed document is never in memory at once, and Python's
    garbage collector, which runs as new objects pile up, finds fewer of them. ``None``
    when ``cls`` is not a list or homogeneous tuple, or anything is wrong: the caller
    then reads the document whole, and reports its problems.

    Only what the whole-document parser reads the same way is read here: the text has
    no ``\\u`` escape (orjson refuses an unpaired surrogate), and a number beyond 64
    bits or an infinite one sends the document to that parser too.
    """
    origin, arguments = get_origin(cls), get_args(cls)
    if origin is tuple and not _is_homogeneous_tuple(cls):
        return None
    if origin not in (list, tuple) or len(arguments) < 1:
        return None
    try:
        if not isinstance(text, str):
            text = bytes(text).decode()
        if "\\u" in text:
            return None
        element = arguments[0]
        hook = converter.get_structure_hook(element)
        items: list[Any] = []
        index = _skip(text, 0)
        if text[index] != "[":
            return None
        index = _skip(text, index + 1)
        if text[index] != "]":
            while True:
                record, index = _scan(text, index)
                items.append(hook(record, element))
                char = text[index]
                if char in _BLANKS:
                    index = _skip(text, index)
                    char = text[index]
                if char == "]":
                    break
                if char != ",":
                    return None
                index += 1
                if text[index] in _BLANKS:
                    index = _skip(text, index)
        if _skip(text, index + 1) != len(text):
            return None
    except Exception:  # bad JSON, a bad record, or anything else: read it whole
        return None
    return tuple(items) if origin is tuple else items  # type: ignore[return-value]


def _int_as_orjson_reads(text: str) -> int:
    number = int(text)
    if -(2**63) <= number < 2**64:
        return number
    raise ValueError("beyond 64 bits")  # orjson reads it as a float


def _finite_float(text: str) -> float:
    number = float(text)
    if math.isinf(number):
        raise ValueError("infinite")  # orjson refuses it
    return number


def _not_json(constant: str) -> None:
    # NaN and Infinity are not JSON; the standard library reads them unless told not to
    raise ValueError(f"{constant} is not valid JSON")


# the C scanner behind json.loads, reading one value at a given index
_decoder: Any = json.JSONDecoder(  # typeshed leaves out its scan_once
    parse_int=_int_as_orjson_reads, parse_float=_finite_float, parse_constant=_not_json
)
_scan: Callable[[str, int], tuple[Any, int]] = _decoder.scan_once
_BLANKS = " \t\n\r"
_SPACES = re.compile(f"[{_BLANKS}]+")


def _skip(text: str, index: int) -> int:
    """The index of the first character at or after ``index`` that is not JSON space."""
    found = _SPACES.match(text, index)
    return index if found is None else found.end()


def _field_named(error: BaseException, cls: type) -> str | None:
    """The field of ``cls`` a constructor's error names (``error.field``), if any."""
    field = error.field if isinstance(error, MaskanError) else None
    if field is not None and attrs.has(cls) and field in attrs.fields_dict(cls):
        return field
    return None


def _problems(error: BaseException, path: str) -> list[Problem]:
    if isinstance(error, IterableValidationError):
        found: list[Problem] = []
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            found += _problems(inner, f"{path}[{note.index!r}]")
        for inner in without:
            found += _problems(inner, path)
        return found
    if isinstance(error, ClassValidationError):
        found = []
        class_notes, class_without = error.group_exceptions()
        for inner, attribute in class_notes:
            found += _problems(inner, f"{path}.{attribute.name}")
        for inner in class_without:  # the constructor's own checks: a converter, post-init
            field = _field_named(inner, error.cl)
            if field is None:
                found += _problems(inner, path)
                continue
            assert isinstance(inner, MaskanError)
            label = f"{field}: "  # the path names the field now
            found.append(
                Problem(
                    f"{path}.{field}",
                    inner.message.removeprefix(label),
                    inner.message_fa.removeprefix(label),
                    inner.code,
                )
            )
        return found
    if isinstance(error, ForbiddenExtraKeysError):
        return [
            Problem(f"{path}.{key}", "unknown field", "فیلد ناشناخته", "unknown_field")
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, _Unreadable):
        return [Problem(path, error.message, error.message_fa, error.code)]
    if isinstance(error, MaskanError):
        return [Problem(path, error.message, error.message_fa, error.code)]
    if isinstance(error, KeyError):  # the path already ends with the missing field's name
        return [Problem(path, "required field is missing", "فیلد لازم وجود ندارد", "missing")]
    if isinstance(error, TypeError | ValueError | AttributeError):
        return [
            Problem(
                path,
                f"cannot read this value: {error}",
                f"این مقدار خوانده نمی‌شود: {error}",
                "type",
            )
        ]
    raise error
