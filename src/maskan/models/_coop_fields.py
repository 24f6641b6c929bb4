"""Private helpers of the cooperative models: converters the shared
:mod:`maskan.models._fields` does not have, labels for enums, and the error builder.

* :func:`whole_field` checks a count (shares, years, a board size) is an ``int`` in range.
* :func:`fraction_field` reads an exact share (``Fraction(1, 3)``, ``"1/3"``, ``0``, ``1``)
  and refuses floats, as money refuses them.
* :func:`flag_field` lets only ``True`` and ``False`` through.
* :func:`texts_field` and :func:`national_ids_field` store a collection as a tuple of
  normalized text or compact national IDs.
* :class:`Labelled` gives a ``StrEnum`` a Persian and an English label.
* :func:`refuse` builds the :class:`~maskan.errors.MembershipError` of an operation;
  :func:`shown` and :func:`shown_fa` write a date into its messages, in Jalali.

>>> fraction_field("max_capital_share")("۳/۱۰")
Fraction(3, 10)
>>> whole_field("shares", low=1)(0)
Traceback (most recent call last):
...
maskan.errors.InvalidNumber: shares: 0 is below 1
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import TypeVar

from maskan.errors import InvalidNumber, InvalidText, MembershipError, describe
from maskan.models._fields import national_id_field, text_field
from maskan.persian.dates import format_date
from maskan.persian.digits import to_latin_digits, to_persian_digits

__all__ = [
    "Labelled",
    "flag_field",
    "fraction_field",
    "instance_field",
    "labels",
    "national_ids_field",
    "refuse",
    "shown",
    "shown_fa",
    "texts_field",
    "whole_field",
]

L = TypeVar("L", bound="Labelled")
R = TypeVar("R")

_LABELS: dict[tuple[type[enum.Enum], str], tuple[str, str]] = {}


class Labelled(enum.StrEnum):
    """A ``StrEnum`` whose members have a Persian and an English label (see :func:`labels`)."""

    @property
    def label_fa(self) -> str:
        """The Persian label."""
        return _LABELS[type(self), self.value][0]

    @property
    def label_en(self) -> str:
        """The English label."""
        return _LABELS[type(self), self.value][1]


def labels(kind: type[L], table: Mapping[str, tuple[str, str]]) -> None:
    """Give every member of ``kind`` its ``(Persian, English)`` labels, all at once."""
    if set(table) != {member.value for member in kind}:
        raise RuntimeError(f"labels of {kind.__name__} do not match its members")
    for code, pair in table.items():
        _LABELS[kind, code] = pair


def whole_field(name: str, *, low: int, high: int | None = None) -> Callable[[object], int]:
    """A converter to an ``int`` in ``low..high``; bools and floats are refused (code ``type``),
    a number out of range has code ``out_of_range``."""

    def convert(value: object) -> int:
        if type(value) is not int:
            kind = type(value).__name__
            raise InvalidNumber(
                f"{name}: {describe(value)} is a {kind}, not an int",
                message_fa=f"{name}: مقدار {describe(value)} از نوع {kind} است، نه عدد صحیح",
                code="type",
                field=name,
                value=value,
            )
        if value < low or (high is not None and value > high):
            if high is None:
                message, message_fa = f"is below {low}", f"کمتر از {low} است"
            else:
                message, message_fa = f"is not in {low} to {high}", f"در بازهٔ {low} تا {high} نیست"
            raise InvalidNumber(
                f"{name}: {value} {message}",
                message_fa=to_persian_digits(f"{name}: {value} {message_fa}"),
                code="out_of_range",
                field=name,
                value=value,
            )
        return value

    return convert


def fraction_field(name: str, *, allow_zero: bool = True) -> Callable[[object], Fraction]:
    """A converter to a :class:`~fractions.Fraction` from 0 to 1 (above 0 unless
    ``allow_zero``), from a ``Fraction``, an ``int`` or text such as ``"2/3"``."""

    def fail(value: object, code: str, message: str, message_fa: str) -> InvalidNumber:
        return InvalidNumber(
            f"{name}: {describe(value)} {message}",
            message_fa=f"{name}: مقدار {describe(value)} {message_fa}",
            code=code,
            field=name,
            value=value,
        )

    def convert(value: object) -> Fraction:
        if isinstance(value, Fraction):
            share = value
        elif type(value) is int:
            share = Fraction(value)
        elif isinstance(value, str):
            text = to_latin_digits(value.strip()) if len(value) <= 40 else value
            try:
                share = Fraction(text)
            except (ValueError, ZeroDivisionError):
                raise fail(
                    value, "format", "is not a fraction such as '2/3'", "کسری مانند ۲/۳ نیست"
                ) from None
        else:
            kind = type(value).__name__
            raise fail(
                value,
                "type",
                f"is a {kind}; give a Fraction, an int or text such as '2/3'",
                f"از نوع {kind} است؛ کسری مانند Fraction(2, 3) یا متن «۲/۳» بدهید",
            )
        if share < 0 or share > 1 or (share == 0 and not allow_zero):
            lowest = "0" if allow_zero else "above 0"
            lowest_fa = "۰" if allow_zero else "بزرگ‌تر از ۰"
            raise fail(
                value, "out_of_range", f"is not from {lowest} to 1", f"از {lowest_fa} تا ۱ نیست"
            )
        return share

    return convert


def flag_field(name: str) -> Callable[[object], bool]:
    """A converter that lets only ``True`` and ``False`` through."""

    def convert(value: object) -> bool:
        if value is True or value is False:
            return value
        kind = type(value).__name__
        raise InvalidText(
            f"{name}: {describe(value)} is a {kind}, not True or False",
            message_fa=f"{name}: مقدار {describe(value)} از نوع {kind} است، نه True یا False",
            code="type",
            field=name,
            value=value,
        )

    return convert


def instance_field(kind: type[R], name: str) -> Callable[[object], R]:
    """A converter that checks a nested record is of its class; nothing is converted (a
    dict becomes a record in :mod:`maskan.serde`, not here)."""

    def convert(value: object) -> R:
        if isinstance(value, kind):
            return value
        raise InvalidText(
            f"{name}: {describe(value)} is a {type(value).__name__}, not a {kind.__name__}",
            message_fa=f"{name}: مقدار {describe(value)} از نوع {kind.__name__} نیست",
            code="type",
            field=name,
            value=value,
        )

    return convert


def _collection(name: str, value: object) -> Iterable[object]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        kind = type(value).__name__
        raise InvalidText(
            f"{name}: {describe(value)} is a {kind}, not a list or tuple",
            message_fa=f"{name}: مقدار {describe(value)} از نوع {kind} است، نه فهرست",
            code="type",
            field=name,
            value=value,
        )
    return value


def texts_field(name: str) -> Callable[[object], tuple[str, ...]]:
    """A converter to a tuple of normalized, non-empty texts (a lone string is refused)."""
    convert_text = text_field(name)

    def convert(value: object) -> tuple[str, ...]:
        return tuple(convert_text(item) for item in _collection(name, value))

    return convert


def national_ids_field(name: str) -> Callable[[object], tuple[str, ...]]:
    """A converter to a tuple of compact, validated national IDs."""
    convert_id = national_id_field(name)

    def convert(value: object) -> tuple[str, ...]:
        return tuple(convert_id(item) for item in _collection(name, value))

    return convert


def shown(value: datetime.date) -> str:
    """A date in an English message: Jalali, then ISO Gregorian.

    >>> shown(datetime.date(2025, 11, 25))
    '1404/09/04 (2025-11-25)'
    """
    return f"{format_date(value, style='short', digits='latin')} ({value.isoformat()})"


def shown_fa(value: datetime.date) -> str:
    """A date in a Persian message: Jalali, with Persian digits.

    >>> shown_fa(datetime.date(2025, 11, 25))
    '۱۴۰۴/۰۹/۰۴'
    """
    return format_date(value, style="short")


def refuse(code: str, field: str, value: object, message: str, message_fa: str) -> MembershipError:
    """The error of a refused cooperative operation: ``"<field>: <message>"`` in English,
    and the Persian message with Persian digits.

    >>> print(refuse("too_few_founders", "founders", 5, "5 founders; at least 7", "۵ مؤسس"))
    founders: 5 founders; at least 7
    """
    return MembershipError(
        f"{field}: {message}",
        message_fa=f"{field}: {to_persian_digits(message_fa)}",
        code=code,
        field=field,
        value=value,
    )
