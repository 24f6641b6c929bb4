"""Private helpers of :mod:`maskan.models.person`: conversions, labels and dates in messages.

The shared converters of :mod:`maskan.models._fields` are factories (``date_field(name)``
returns a converter). mypy's attrs plugin accepts only a named function as a converter, so
each field of the person models has a small named function of its own, which calls the
helpers below with the field's name:

* :func:`text` is :func:`~maskan.models._fields.text_field` with a memo of the names
  already seen: a national roster repeats a few thousand first names a million times, and a
  dictionary hit costs a tenth of normalizing again;
* :func:`choice` is :func:`~maskan.models._fields.enum_field` with a fast path for a member;
* :func:`flag`, :func:`count`, :func:`record` and :func:`records` check what a model would
  otherwise store unchecked (``"no"`` as a legal capacity, a dict as a residence).

:class:`Labelled` gives a ``StrEnum`` its Persian and English labels; :func:`shown` and
:func:`shown_fa` write a date into an error message, in Jalali.

>>> text(" علي ", "first_name")
'علی'
>>> count(-1, "dependants", low=0)
Traceback (most recent call last):
...
maskan.errors.InvalidNumber: dependants: -1 is below 0
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping
from typing import TypeVar

from maskan.errors import InvalidNumber, InvalidText, describe
from maskan.models._fields import enum_field, text_field
from maskan.persian.dates import format_date
from maskan.persian.digits import to_persian_digits

R = TypeVar("R")
E = TypeVar("E", bound=enum.Enum)

# Longer text is rare in names and not worth remembering (addresses would bloat the memo).
_MEMO_KEY_LIMIT = 64
_MEMO_SIZE_LIMIT = 65_536
_memo: dict[str, str] = {}
_choices: dict[tuple[type[enum.Enum], str], Callable[[object], enum.Enum]] = {}


def text(value: object, field: str) -> str:
    """Return ``value`` as normalized, non-empty text, or raise ``InvalidText`` naming
    ``field`` (codes ``type``, ``empty``).

    >>> text("كريمي", "last_name")
    'کریمی'
    """
    if type(value) is str:
        known = _memo.get(value)
        if known is not None:
            return known
        result = text_field(field)(value)
        if len(value) <= _MEMO_KEY_LIMIT and len(_memo) < _MEMO_SIZE_LIMIT:
            _memo[value] = result
        return result
    return text_field(field)(value)


def choice(value: object, kind: type[E], field: str) -> E:
    """Return the member of ``kind`` that ``value`` is or names (code ``choice``).

    >>> from maskan.models._housing import FormJ
    >>> choice("green", FormJ, "color") is FormJ.GREEN
    True
    """
    if type(value) is kind:
        return value
    convert = _choices.get((kind, field))
    if convert is None:
        convert = _choices[kind, field] = enum_field(kind, field)
    return convert(value)  # type: ignore[return-value]


def flag(value: object, field: str) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (no ``"no"``, no ``0``; code ``type``).

    >>> flag("no", "disabled")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: disabled: 'no' is a str, not True or False
    """
    if value is True or value is False:
        return value
    kind = type(value).__name__
    raise InvalidText(
        f"{field}: {describe(value)} is a {kind}, not True or False",
        message_fa=f"{field}: مقدار {describe(value)} از نوع {kind} است، نه True یا False",
        code="type",
        field=field,
        value=value,
    )


def count(
    value: object, field: str, *, low: int, high: int | None = None, code: str = "out_of_range"
) -> int:
    """Return ``value`` if it is an ``int`` in ``low..high`` (bools and floats refused).

    Codes: ``type``; below ``low`` ``negative`` when ``low`` is 0, else ``code``; above
    ``high`` ``code``.

    >>> count(11, "income_decile", low=1, high=10, code="decile_out_of_range")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNumber: income_decile: 11 is not in 1 to 10
    """
    if type(value) is not int:
        kind = type(value).__name__
        raise InvalidNumber(
            f"{field}: {describe(value)} is a {kind}, not an int",
            message_fa=f"{field}: مقدار {describe(value)} از نوع {kind} است، نه عدد صحیح",
            code="type",
            field=field,
            value=value,
        )
    if value >= low and (high is None or value <= high):
        return value
    if high is None:
        message, message_fa = f"{value} is below {low}", f"{value} کمتر از {low} است"
    else:
        message = f"{value} is not in {low} to {high}"
        message_fa = f"{value} در بازهٔ {low} تا {high} نیست"
    raise InvalidNumber(
        f"{field}: {message}",
        message_fa=f"{field}: {to_persian_digits(message_fa)}",
        code="negative" if value < low and low == 0 else code,
        field=field,
        value=value,
    )


def _wrong_record(value: object, kind: type[object], field: str) -> InvalidText:
    found = type(value).__name__
    return InvalidText(
        f"{field}: {describe(value)} is a {found}, not a {kind.__name__}",
        message_fa=f"{field}: مقدار {describe(value)} از نوع {found} است، نه {kind.__name__}",
        code="type",
        field=field,
        value=value,
    )


def record(value: object, kind: type[R], field: str) -> R:
    """Return ``value`` if it is a ``kind`` (code ``type``). A dict is not converted:
    reading documents is :mod:`maskan.serde`'s job.

    >>> record("1404/09/04", datetime.date, "since")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: since: '1404/09/04' is a str, not a date
    """
    if isinstance(value, kind):
        return value
    raise _wrong_record(value, kind, field)


def records(value: object, kind: type[R], field: str) -> tuple[R, ...]:
    """Return the items of a collection of ``kind`` records as a tuple (code ``type``).

    >>> day = datetime.date(2025, 11, 25)
    >>> records([day], datetime.date, "days")
    (datetime.date(2025, 11, 25),)
    >>> records([day, "1404/09/04"], datetime.date, "days")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: days[1]: '1404/09/04' is a str, not a date
    """
    if type(value) is tuple and all(type(item) is kind for item in value):
        return value
    items = iterable(value, field)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise _wrong_record(item, kind, f"{field}[{index}]")
    return items  # type: ignore[return-value]


def iterable(value: object, field: str) -> tuple[object, ...]:
    """Return the items of a collection as a tuple; text, bytes and mappings are refused.

    >>> iterable("abc", "children_birth_dates")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: children_birth_dates: 'abc' is a str, not a collection
    """
    if not isinstance(value, str | bytes | Mapping):
        try:
            return tuple(value)  # type: ignore[arg-type]
        except TypeError:
            pass
    kind = type(value).__name__
    raise InvalidText(
        f"{field}: {describe(value)} is a {kind}, not a collection",
        message_fa=f"{field}: مقدار {describe(value)} از نوع {kind} است، نه فهرست",
        code="type",
        field=field,
        value=value,
    )


class Labelled(enum.StrEnum):
    """A ``StrEnum`` whose members have a Persian and an English label.

    Each subclass registers its labels with :func:`labels` right after its body.
    """

    @property
    def label_fa(self) -> str:
        """The label shown to Persian readers."""
        return _labels[type(self), self.value][0]

    @property
    def label_en(self) -> str:
        """The label shown to English readers."""
        return _labels[type(self), self.value][1]


# Keyed by class and code: members of two StrEnums with the same code are equal (and hash
# alike) as strings.
_labels: dict[tuple[type[Labelled], str], tuple[str, str]] = {}


def labels(kind: type[Labelled], table: Mapping[str, tuple[str, str]]) -> None:
    """Register ``(label_fa, label_en)`` for every member of ``kind``, keyed by code."""
    missing = {member.value for member in kind} - table.keys()
    if missing:
        raise RuntimeError(f"{kind.__name__}: no labels for {sorted(missing)}")
    for member in kind:
        _labels[kind, member.value] = table[member.value]


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
