"""Field converters and error builders shared by the model classes.

Models store one canonical form per kind of value (DESIGN.md, Conventions): a plain
``datetime.date``, normalized Persian text, a compact national ID, a :class:`Rial`, a
``StrEnum`` member, a tuple for every collection. The functions here build that form from
what callers naturally pass, and raise a :class:`~maskan.errors.MaskanError` naming the
field when they cannot.

**Two ways in.** Every ``as_*`` function takes the value and the field, as
:func:`maskan.calendar.as_date` does, and a model method calls it with the field's name:

>>> as_text(" علي ", "first_name")
'علی'
>>> as_rial("۵۵۰ میلیون تومان", "amount")
Rial(5500000000)
>>> as_integer(0, "shares", low=1)
Traceback (most recent call last):
...
maskan.errors.InvalidNumber: shares: 0 is below 1

A model class names a ``to_*`` converter instead, ``attrs.field(converter=to_text)``: an
``attrs.Converter`` to which attrs hands the field, so that its errors name the field
without a function per field.

>>> @attrs.frozen
... class Member:
...     first_name: str = attrs.field(converter=to_text)
>>> Member(" ")
Traceback (most recent call last):
...
maskan.errors.InvalidText: first_name: is empty

mypy's attrs plugin reads only named functions as converters, taking the first
parameter's type as what the constructor accepts; so under ``TYPE_CHECKING`` each such
``to_*`` is declared as that function, and is not callable on its own (call its ``as_*``).
A converter that needs more than the field (an enum class, bounds) is a one-line named
function in its model module, calling an ``as_*`` with the field's name. The place
converters (:func:`to_province`, :func:`to_county`) are plain functions: a failed lookup
names the field ``name``, as :mod:`maskan.geo` reports it.
"""

from __future__ import annotations

import datetime
import enum
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

import attrs

from maskan._passthrough import register as register_passthrough
from maskan.calendar import DateLike, as_date
from maskan.errors import InvalidAmount, InvalidNumber, InvalidText, MaskanError, describe
from maskan.geo import County, Province
from maskan.identifiers import legal_id as legal_id_module
from maskan.identifiers import national_id as national_id_module
from maskan.money import Rial
from maskan.persian.dates import format_date
from maskan.persian.digits import to_latin_digits, to_persian_digits
from maskan.persian.text import normalize

__all__ = [
    "Field",
    "as_choice",
    "as_collection",
    "as_flag",
    "as_fraction",
    "as_instance",
    "as_integer",
    "as_legal_id",
    "as_national_id",
    "as_national_ids",
    "as_record",
    "as_records",
    "as_rial",
    "as_sequence",
    "as_text",
    "as_texts",
    "failure",
    "invalid",
    "name_of",
    "shown",
    "shown_fa",
    "to_county",
    "to_date",
    "to_flag",
    "to_legal_id",
    "to_national_id",
    "to_national_ids",
    "to_optional_date",
    "to_optional_flag",
    "to_optional_national_id",
    "to_optional_province",
    "to_optional_text",
    "to_province",
    "to_rial",
    "to_text",
    "to_texts",
    "wrong_type",
]

E = TypeVar("E", bound=enum.Enum)
M = TypeVar("M", bound=MaskanError)
R = TypeVar("R")

Field: TypeAlias = "str | attrs.Attribute[Any]"
"""A field's name, or attrs' description of it (what an ``attrs.Converter`` receives)."""


def name_of(field: Field) -> str:
    """The field's name, for an error message."""
    return field if isinstance(field, str) else field.name


# Errors --------------------------------------------------------------------------------


def invalid(
    kind: type[M],
    field: Field,
    value: object,
    reason: str,
    reason_fa: str,
    code: str = "type",
    *,
    at: int | None = None,
) -> M:
    """The error of a value a converter refuses: ``"<field>: <value> <reason>"``, and in
    Persian ``"<field>: مقدار <value> <reason_fa>"``. With ``at``, the message names the
    item ``<field>[<at>]`` and ``error.field`` the field.

    >>> print(invalid(InvalidText, "city", 5, "is a int, not text", "متن نیست"))
    city: 5 is a int, not text
    """
    name = name_of(field)
    shown_name = name if at is None else f"{name}[{at}]"
    shown_value = describe(value)
    return kind(
        f"{shown_name}: {shown_value} {reason}",
        message_fa=f"{shown_name}: مقدار {shown_value} {reason_fa}",
        code=code,
        field=name,
        value=value,
    )


def failure(
    kind: type[M], field: str, code: str, message: str, message_fa: str, value: object
) -> M:
    """The error of a refused operation or a broken rule: ``"<field>: <message>"`` in
    English, and the Persian message with Persian digits.

    >>> from maskan.errors import MembershipError
    >>> error = failure(MembershipError, "founders", "too_few_founders", "5 founders", "۵ مؤسس", 5)
    >>> error.message, error.message_fa
    ('founders: 5 founders', 'founders: ۵ مؤسس')
    """
    return kind(
        f"{field}: {message}",
        message_fa=f"{field}: {to_persian_digits(message_fa)}",
        code=code,
        field=field,
        value=value,
    )


def wrong_type(kind: type[M], field: str, value: object, expected: str) -> M:
    """A :func:`failure` with code ``type``: ``value`` is not an ``expected``."""
    found = type(value).__name__
    return failure(
        kind,
        field,
        "type",
        f"{describe(value)} is a {found}, not a {expected}",
        f"مقدار {describe(value)} از نوع {found} است، نه {expected}",
        value,
    )


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


# Text ----------------------------------------------------------------------------------

# A national roster repeats a few thousand first names a million times, and a dictionary
# hit costs a tenth of normalizing again. Longer text is rare in names and not worth
# remembering (addresses would bloat the memo).
_MEMO_KEY_LIMIT = 64
_MEMO_SIZE_LIMIT = 65_536
_memo: dict[str, str] = {}


def as_text(value: object, field: Field) -> str:
    """Return ``value`` as normalized, non-empty text (Arabic ي/ك folded, spacing cleaned),
    or raise ``InvalidText`` naming ``field`` (codes ``type``, ``empty``, and ``encoding``
    for an unpaired surrogate, which a wrongly decoded file leaves and no UTF-8 can hold).

    >>> as_text("كريمي", "last_name")
    'کریمی'
    """
    if type(value) is str:
        known = _memo.get(value)
        if known is not None:
            return known
        result = _normalized(value, field)
        if len(value) <= _MEMO_KEY_LIMIT and len(_memo) < _MEMO_SIZE_LIMIT:
            _memo[value] = result
        return result
    return _normalized(value, field)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _normalized(value: object, field: Field) -> str:
    if not isinstance(value, str):
        raise invalid(
            InvalidText, field, value, f"is a {type(value).__name__}, not text", "متن نیست"
        )
    result = normalize(value)
    surrogate = _SURROGATE.search(result)
    if surrogate is not None:  # what a wrongly decoded file leaves: no UTF-8 can hold it
        raise invalid(
            InvalidText,
            field,
            value,
            f"holds U+{ord(surrogate.group()):04X}, an unpaired surrogate, not a character "
            "(was the text decoded with the wrong encoding?)",
            f"نویسه‌ی U+{ord(surrogate.group()):04X} را دارد که نیمه‌ای تنها از یک جفت "
            "جانشین است، نه یک نویسه (آیا متن با کدگذاری نادرست خوانده شده است؟)",
            "encoding",
        )
    if not result:
        name = name_of(field)
        raise InvalidText(
            f"{name}: is empty",
            message_fa=f"{name}: خالی است",
            code="empty",
            field=name,
            value=value,
        )
    return result


def _optional_text(value: object, field: Field) -> str | None:
    """:func:`as_text`, or ``None`` for ``None`` (an unknown fact)."""
    if value is None:
        return None
    if type(value) is str:  # the memo's hit, without a second call
        known = _memo.get(value)
        if known is not None:
            return known
    return as_text(value, field)


# Dates, identifiers, money, flags ------------------------------------------------------


def _date(value: object, field: Field) -> datetime.date:
    """Return ``value`` as a ``datetime.date`` from a date, a jdatetime date or Jalali/ISO
    text (see :func:`maskan.calendar.as_date`)."""
    if type(value) is datetime.date:
        return value
    return as_date(value, name_of(field))


def _optional_date(value: object, field: Field) -> datetime.date | None:
    """:func:`_date`, or ``None`` for ``None``."""
    if value is None or type(value) is datetime.date:
        return value
    return as_date(value, name_of(field))


def as_national_id(value: object, field: Field) -> str:
    """Return a validated, compact national ID (any digit script accepted).

    >>> as_national_id("۰۴۹۹۳۷۰۸۹۹", "member_id")
    '0499370899'
    """
    try:
        return national_id_module.validate(value)  # type: ignore[arg-type]
    except MaskanError as error:
        error.field = name_of(field)
        raise


def _optional_national_id(value: object, field: Field) -> str | None:
    """:func:`as_national_id`, or ``None`` for ``None``."""
    return None if value is None else as_national_id(value, field)


def as_legal_id(value: object, field: Field) -> str:
    """Return a validated, compact legal-entity national ID (شناسه ملی).

    >>> as_legal_id("14011517510", "cooperative_id")
    '14011517510'
    """
    try:
        return legal_id_module.validate(value)  # type: ignore[arg-type]
    except MaskanError as error:
        error.field = name_of(field)
        raise


def as_rial(value: object, field: Field) -> Rial:
    """Return a :class:`Rial` from a Rial, an int or integral Decimal (rials), or text."""
    if isinstance(value, Rial):
        return value
    if isinstance(value, str):
        return Rial.parse(value)
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        return Rial(value)
    raise invalid(
        InvalidAmount,
        field,
        value,
        f"is a {type(value).__name__}, not an amount of money",
        "مبلغ پول نیست",
    )


def as_flag(value: object, field: Field) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (no ``"no"``, no ``0``; code ``type``).

    >>> as_flag("no", "disabled")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: disabled: 'no' is a str, not True or False
    """
    if value is True or value is False:
        return value
    kind = type(value).__name__
    raise invalid(
        InvalidText,
        field,
        value,
        f"is a {kind}, not True or False",
        f"از نوع {kind} است، نه True یا False",
    )


def _optional_flag(value: object, field: Field) -> bool | None:
    """:func:`as_flag`, or ``None`` for ``None``."""
    if value is None or value is True or value is False:
        return value
    return as_flag(value, field)


def as_choice(value: object, kind: type[E], field: Field) -> E:
    """Return the member of ``kind`` that ``value`` is or names (code ``choice``).

    >>> from maskan.models._housing import FormJ
    >>> as_choice("green", FormJ, "color") is FormJ.GREEN
    True
    """
    if type(value) is kind:
        return value
    try:
        return kind(value)
    except (ValueError, TypeError):
        codes = ", ".join(repr(member.value) for member in kind)
        raise invalid(
            InvalidText,
            field,
            value,
            f"is not one of {codes}",
            f"مجاز نیست؛ یکی از {codes}",
            "choice",
        ) from None


# Numbers -------------------------------------------------------------------------------


def as_integer(
    value: object, field: Field, *, low: int, high: int | None = None, code: str = "out_of_range"
) -> int:
    """Return ``value`` if it is an ``int`` in ``low..high`` (bools and floats refused).

    Codes: ``type``; out of range, ``code``.

    >>> as_integer(11, "income_decile", low=1, high=10, code="decile_out_of_range")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNumber: income_decile: 11 is not in 1 to 10
    """
    if type(value) is not int:
        kind = type(value).__name__
        raise invalid(
            InvalidNumber,
            field,
            value,
            f"is a {kind}, not an int",
            f"از نوع {kind} است، نه عدد صحیح",
        )
    if value >= low and (high is None or value <= high):
        return value
    if high is None:
        message, message_fa = f"{value} is below {low}", f"{value} کمتر از {low} است"
    else:
        message = f"{value} is not in {low} to {high}"
        message_fa = f"{value} در بازهٔ {low} تا {high} نیست"
    raise failure(InvalidNumber, name_of(field), code, message, message_fa, value)


def as_fraction(value: object, field: Field, *, allow_zero: bool = True) -> Fraction:
    """Return an exact :class:`~fractions.Fraction` from 0 to 1 (above 0 unless
    ``allow_zero``), from a ``Fraction``, an ``int`` or text such as ``"2/3"``. Floats are
    refused, as money refuses them (codes ``type``, ``format``, ``out_of_range``).

    >>> as_fraction("1/3", "share")
    Fraction(1, 3)
    """
    if isinstance(value, Fraction):
        share = value
    elif type(value) is int:
        share = Fraction(value)
    elif isinstance(value, str):
        digits = to_latin_digits(value.strip()) if len(value) <= 40 else value
        try:
            share = Fraction(digits)
        except (ValueError, ZeroDivisionError):
            raise invalid(
                InvalidNumber,
                field,
                value,
                "is not a fraction such as '2/3'",
                "کسری مانند ۲/۳ نیست",
                "format",
            ) from None
    else:
        kind = type(value).__name__
        raise invalid(
            InvalidNumber,
            field,
            value,
            f"is a {kind}; give a Fraction, an int or text such as '2/3'",
            f"از نوع {kind} است؛ کسری مانند Fraction(2, 3) یا متن «۲/۳» بدهید",
        )
    if share < 0 or share > 1 or (share == 0 and not allow_zero):
        lowest = "0" if allow_zero else "above 0"
        lowest_fa = "۰" if allow_zero else "بزرگ‌تر از ۰"
        raise invalid(
            InvalidNumber,
            field,
            value,
            f"is not from {lowest} to 1",
            f"از {lowest_fa} تا ۱ نیست",
            "out_of_range",
        )
    return share


# Records and collections ---------------------------------------------------------------


def as_record(value: object, kind: type[R], field: Field) -> R:
    """Return ``value`` if it is a ``kind`` (code ``type``). A dict is not converted:
    reading documents is :mod:`maskan.serde`'s job.

    >>> as_record("1404/09/04", datetime.date, "since")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: since: '1404/09/04' is a str, not a date
    """
    if isinstance(value, kind):
        return value
    found = type(value).__name__
    raise invalid(
        InvalidText,
        field,
        value,
        f"is a {found}, not a {kind.__name__}",
        f"از نوع {found} است، نه {kind.__name__}",
    )


def as_instance(value: object, kind: type[R], field: Field) -> R:
    """:func:`as_record` as the cooperative models word it in Persian ("is not of type ...").

    >>> as_instance(5, Fraction, "share")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: share: 5 is a int, not a Fraction
    """
    if isinstance(value, kind):
        return value
    raise invalid(
        InvalidText,
        field,
        value,
        f"is a {type(value).__name__}, not a {kind.__name__}",
        f"از نوع {kind.__name__} نیست",
    )


def as_records(value: object, kind: type[R], field: Field) -> tuple[R, ...]:
    """Return the items of a collection of ``kind`` records as a tuple (code ``type``).

    >>> day = datetime.date(2025, 11, 25)
    >>> as_records([day], datetime.date, "days")
    (datetime.date(2025, 11, 25),)
    >>> as_records([day, "1404/09/04"], datetime.date, "days")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: days[1]: '1404/09/04' is a str, not a date
    """
    if type(value) is tuple:  # already the stored form: a loop costs less than all()
        for item in value:
            if type(item) is not kind:
                break
        else:
            return value
    items = as_collection(value, field)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            as_record(item, kind, f"{name_of(field)}[{index}]")
    return items  # type: ignore[return-value]


def as_collection(value: object, field: Field) -> tuple[object, ...]:
    """Return the items of a collection as a tuple; text, bytes and mappings are refused.

    >>> as_collection("abc", "children_birth_dates")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: children_birth_dates: 'abc' is a str, not a collection
    """
    if not isinstance(value, str | bytes | Mapping):
        try:
            return tuple(value)  # type: ignore[arg-type]
        except TypeError:
            pass
    raise _not_a_list(value, field, "a collection")


def _items(value: object, field: Field) -> Iterable[object]:
    """``value`` if it is an iterable other than text, bytes or a mapping; its items are
    converted as they come (:func:`as_texts`, :func:`as_national_ids`)."""
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise _not_a_list(value, field, "a list or tuple")
    return value


def _not_a_list(value: object, field: Field, expected: str) -> InvalidText:
    kind = type(value).__name__
    return invalid(
        InvalidText, field, value, f"is a {kind}, not {expected}", f"از نوع {kind} است، نه فهرست"
    )


def as_texts(value: object, field: Field) -> tuple[str, ...]:
    """Return a tuple of normalized, non-empty texts (a lone string is refused).

    >>> as_texts(["علي", "  رضا "], "workplaces")
    ('علی', 'رضا')
    """
    return tuple(as_text(item, field) for item in _items(value, field))


def as_national_ids(value: object, field: Field) -> tuple[str, ...]:
    """Return a tuple of compact, validated national IDs (a lone string is refused)."""
    return tuple(as_national_id(item, field) for item in _items(value, field))


def as_sequence(
    value: Iterable[R], error: type[MaskanError], field: str, item: str
) -> tuple[R, ...]:
    """Return any iterable as a tuple, or raise ``error`` with code ``type``; the items are
    checked by the model that holds them.

    >>> from maskan.errors import LedgerError
    >>> as_sequence(5, LedgerError, "dues", "Due")
    Traceback (most recent call last):
    ...
    maskan.errors.LedgerError: dues: 5 is a int, not a sequence of Due
    """
    if not isinstance(value, Iterable):
        raise wrong_type(error, field, value, f"sequence of {item}")
    return tuple(value)


# Places: converters as they are; a failed lookup's error names the field ``name`` ------


def to_province(value: Province | str) -> Province:
    """A :class:`~maskan.geo.Province`, looked up by name or code."""
    if type(value) is Province:
        return value
    return Province.lookup(value)


def to_county(value: County | str | None) -> County | None:
    """A :class:`~maskan.geo.County`, looked up by name; ``None`` when unknown."""
    if value is None or type(value) is County:
        return value
    return County.lookup(value)


def to_optional_province(value: Province | str | None) -> Province | None:
    """:func:`to_province`, or ``None`` when unknown."""
    return None if value is None else to_province(value)


# Converters for attrs.field(converter=...) ---------------------------------------------

if TYPE_CHECKING:
    # What mypy's attrs plugin reads: the parameter is the type the constructor accepts.

    def to_text(value: str, /) -> str: ...
    def to_optional_text(value: str | None, /) -> str | None: ...
    def to_date(value: DateLike | str, /) -> datetime.date: ...
    def to_optional_date(value: DateLike | str | None, /) -> datetime.date | None: ...
    def to_national_id(value: str, /) -> str: ...
    def to_optional_national_id(value: str | None, /) -> str | None: ...
    def to_legal_id(value: str, /) -> str: ...
    def to_rial(value: Rial | int | Decimal | str, /) -> Rial: ...
    def to_flag(value: bool, /) -> bool: ...
    def to_optional_flag(value: bool | None, /) -> bool | None: ...
    def to_texts(value: Iterable[str], /) -> tuple[str, ...]: ...
    def to_national_ids(value: Iterable[str], /) -> tuple[str, ...]: ...

else:
    to_text = attrs.Converter(as_text, takes_field=True)
    to_optional_text = attrs.Converter(_optional_text, takes_field=True)
    to_date = attrs.Converter(_date, takes_field=True)
    to_optional_date = attrs.Converter(_optional_date, takes_field=True)
    to_national_id = attrs.Converter(as_national_id, takes_field=True)
    to_optional_national_id = attrs.Converter(_optional_national_id, takes_field=True)
    to_legal_id = attrs.Converter(as_legal_id, takes_field=True)
    to_rial = attrs.Converter(as_rial, takes_field=True)
    to_flag = attrs.Converter(as_flag, takes_field=True)
    to_optional_flag = attrs.Converter(_optional_flag, takes_field=True)
    to_texts = attrs.Converter(as_texts, takes_field=True)
    to_national_ids = attrs.Converter(as_national_ids, takes_field=True)

# Converters that return a value already of the field's type as it is (see maskan._passthrough)
register_passthrough(to_date, to_optional_date, to_flag, to_optional_flag)
register_passthrough(to_province, to_county, to_optional_province)
