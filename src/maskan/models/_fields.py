"""Field converters shared by the model classes: what a model accepts on the way in.

Models store one canonical form per kind of value (DESIGN.md, Conventions): a plain
``datetime.date``, normalized Persian text, a compact national ID, a :class:`Rial`, a
``StrEnum`` member, a tuple for every collection. These converters build that form from
what callers naturally pass, and raise a :class:`~maskan.errors.MaskanError` naming the
field when they cannot.

Each ``*_field(name)`` returns a converter for ``attrs.field(converter=...)``; ``name`` is
the field's name, used in error messages.

>>> to_date = date_field("birth_date")
>>> to_date("۱۳۷۰/۰۱/۱۵")
datetime.date(1991, 4, 4)
>>> to_rial = rial_field("amount")
>>> to_rial("۵۵۰ میلیون تومان")
Rial(5500000000)
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import TypeVar

from maskan.calendar import as_date
from maskan.errors import InvalidAmount, InvalidText, MaskanError, describe
from maskan.identifiers import national_id
from maskan.money import Rial
from maskan.persian.text import normalize

__all__ = [
    "date_field",
    "enum_field",
    "national_id_field",
    "optional",
    "rial_field",
    "text_field",
    "to_tuple",
]

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)


def date_field(name: str) -> Callable[[object], datetime.date]:
    """A converter to ``datetime.date`` from a date, a jdatetime date or Jalali/ISO text."""

    def convert(value: object) -> datetime.date:
        return as_date(value, name)

    return convert


def text_field(name: str) -> Callable[[object], str]:
    """A converter to normalized, non-empty text (Arabic ي/ك folded, spacing cleaned)."""

    def convert(value: object) -> str:
        if not isinstance(value, str):
            raise InvalidText(
                f"{name}: {describe(value)} is a {type(value).__name__}, not text",
                message_fa=f"{name}: مقدار {describe(value)} متن نیست",
                code="type",
                field=name,
                value=value,
            )
        text = normalize(value)
        if not text:
            raise InvalidText(
                f"{name}: is empty",
                message_fa=f"{name}: خالی است",
                code="empty",
                field=name,
                value=value,
            )
        return text

    return convert


def national_id_field(name: str) -> Callable[[object], str]:
    """A converter to a validated, compact national ID (any digit script accepted)."""

    def convert(value: object) -> str:
        try:
            return national_id.validate(value)  # type: ignore[arg-type]
        except MaskanError as error:
            error.field = name
            raise

    return convert


def rial_field(name: str) -> Callable[[object], Rial]:
    """A converter to :class:`Rial` from a Rial, an int or integral Decimal (rials), or text."""

    def convert(value: object) -> Rial:
        if isinstance(value, Rial):
            return value
        if isinstance(value, str):
            return Rial.parse(value)
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            return Rial(value)
        raise InvalidAmount(
            f"{name}: {describe(value)} is a {type(value).__name__}, not an amount of money",
            message_fa=f"{name}: مقدار {describe(value)} مبلغ پول نیست",
            code="type",
            field=name,
            value=value,
        )

    return convert


def enum_field(kind: type[E], name: str) -> Callable[[object], E]:
    """A converter to a member of ``kind`` from the member or its code (its value)."""

    codes = ", ".join(repr(member.value) for member in kind)

    def convert(value: object) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except (ValueError, TypeError):
            raise InvalidText(
                f"{name}: {describe(value)} is not one of {codes}",
                message_fa=f"{name}: مقدار {describe(value)} مجاز نیست؛ یکی از {codes}",
                code="choice",
                field=name,
                value=value,
            ) from None

    return convert


def optional(convert: Callable[[object], T]) -> Callable[[object], T | None]:
    """Let ``None`` (an unknown fact) through a converter unchanged."""

    def convert_optional(value: object) -> T | None:
        return None if value is None else convert(value)

    return convert_optional


def to_tuple(values: Iterable[T]) -> tuple[T, ...]:
    """Store a collection as a tuple, so a frozen model stays immutable all the way down."""
    return tuple(values)
