"""Jalali dates and times written in Persian.

Three styles, after CLDR's ``fa`` date patterns:

* ``"long"`` (the default), CLDR ``d MMMM y``: «۴ آذر ۱۴۰۴»;
* ``"short"``, ``yyyy/MM/dd``: «۱۴۰۴/۰۹/۰۴». CLDR writes ``y/M/d``; maskan pads the month
  and day, as Iranian forms and databases do, so that columns line up and sort as text;
* ``"full"``, CLDR ``EEEE d MMMM y``: «سه‌شنبه ۴ آذر ۱۴۰۴».

Month names are the Jalali ones of CLDR ``fa`` (فروردین … اسفند); weekday names are CLDR
``fa``'s (``babel.dates.get_day_names(locale="fa")``): یکشنبه and پنجشنبه solid, سه‌شنبه with
a ZWNJ. They are written out in :mod:`maskan.calendar` so that formatting needs no Babel.
Years have four digits (``0404`` for the year 404), so that every output is read back by
:func:`maskan.calendar.parse_date`. ``digits="latin"`` keeps ASCII digits: «4 آذر 1404».

>>> from datetime import date, datetime
>>> format_date(date(2025, 11, 25))
'۴ آذر ۱۴۰۴'
>>> format_date(date(2025, 11, 25), style="short")
'۱۴۰۴/۰۹/۰۴'
>>> format_date(date(2025, 11, 25), style="full", digits="latin")
'سه\u200cشنبه 4 آذر 1404'

Times follow CLDR ``fa``: the hour is not padded (``H:mm``) and a long or full date joins
its time with «، ساعت ». The full style adds seconds (CLDR's full time has them; maskan
leaves out the zone name); the short style pads the hour, for the same reason it pads the
date. The time shown is the wall-clock time of the value: an aware datetime is not moved to
Iran's time zone (call ``value.astimezone(maskan.calendar.IRAN_TZ)`` first for that).

>>> format_datetime(datetime(2025, 11, 25, 14, 30))
'۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰'
>>> format_datetime(datetime(2025, 11, 25, 9, 5), style="short")
'۱۴۰۴/۰۹/۰۴ ۰۹:۰۵'
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

import jdatetime  # type: ignore[import-untyped]

from maskan.calendar import (
    _MONTHS_FA,
    _WEEKDAYS_FA,
    DateLike,
    _ordinal_of,
    _persian_weekday,
    _to_jalali_ymd,
)
from maskan.errors import InvalidDate, describe
from maskan.persian.digits import PERSIAN_DIGITS

__all__ = ["format_date", "format_datetime"]

Style = Literal["long", "short", "full"]
Digits = Literal["persian", "latin"]

# Numbers below 100, ready-made: building «۴ آذر ۱۴۰۴» from table lookups is several times
# faster than writing ASCII digits and transliterating them.
_PERSIAN_PLAIN = tuple(
    (PERSIAN_DIGITS[number // 10] if number >= 10 else "") + PERSIAN_DIGITS[number % 10]
    for number in range(100)
)
_PERSIAN_PADDED = tuple(
    PERSIAN_DIGITS[number // 10] + PERSIAN_DIGITS[number % 10] for number in range(100)
)
_LATIN_PLAIN = tuple(str(number) for number in range(100))
_LATIN_PADDED = tuple(f"{number:02d}" for number in range(100))


def _option(field: str, value: object, allowed: tuple[str, ...]) -> InvalidDate:
    listed = ", ".join(repr(option) for option in allowed)
    return InvalidDate(
        f"{field}: {describe(value)} is not one of {listed}",
        message_fa=f"{field}: مقدار {describe(value)} مجاز نیست؛ یکی از {'، '.join(allowed)}",
        code="option",
        field=field,
        value=value,
    )


def _numbers(digits: object) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if digits == "persian":
        return _PERSIAN_PLAIN, _PERSIAN_PADDED
    if digits == "latin":
        return _LATIN_PLAIN, _LATIN_PADDED
    raise _option("digits", digits, ("persian", "latin"))


def _render_date(
    ordinal: int, plain: tuple[str, ...], padded: tuple[str, ...], style: object
) -> str:
    year, month, day = _to_jalali_ymd(ordinal)
    year_text = padded[year // 100] + padded[year % 100]
    if style == "long":
        return f"{plain[day]} {_MONTHS_FA[month - 1]} {year_text}"
    if style == "short":
        return f"{year_text}/{padded[month]}/{padded[day]}"
    if style == "full":
        weekday = _WEEKDAYS_FA[_persian_weekday(ordinal)]
        return f"{weekday} {plain[day]} {_MONTHS_FA[month - 1]} {year_text}"
    raise _option("style", style, ("long", "short", "full"))


def format_date(value: DateLike, *, style: Style = "long", digits: Digits = "persian") -> str:
    """Write a date as a Jalali date in Persian (see the module documentation for the styles).

    Takes a ``date``, a ``datetime`` (its time is ignored), a ``jdatetime.date`` or a
    ``jdatetime.datetime``. Anything else raises :class:`~maskan.errors.InvalidDate` with
    code ``type``; an unknown ``style`` or ``digits`` raises it with code ``option``.

    >>> import jdatetime
    >>> format_date(jdatetime.date(1403, 12, 30))
    '۳۰ اسفند ۱۴۰۳'
    >>> format_date(date(2026, 1, 8), style="short", digits="latin")
    '1404/10/18'
    """
    plain, padded = _numbers(digits)
    return _render_date(_ordinal_of(value, "value"), plain, padded, style)


def format_datetime(
    value: datetime | jdatetime.datetime, *, style: Style = "long", digits: Digits = "persian"
) -> str:
    """Write a datetime as a Jalali date and time in Persian.

    A date without a time is refused (code ``type``) rather than shown at midnight: the
    time would be invented. Seconds appear in the full style only; microseconds never.

    >>> format_datetime(datetime(2025, 11, 25, 14, 30, 15), style="full")
    'سه\u200cشنبه ۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰:۱۵'
    >>> format_datetime(datetime(2025, 11, 25, 9, 5), digits="latin")
    '4 آذر 1404، ساعت 9:05'
    """
    if isinstance(value, (date, jdatetime.date)) and not isinstance(
        value, (datetime, jdatetime.datetime)
    ):
        raise InvalidDate(
            f"value: {describe(value)} is a date without a time; use format_date(),"
            " or give a datetime",
            message_fa=f"value: {describe(value)} تاریخ بدون ساعت است؛ از format_date استفاده کنید",
            code="type",
            field="value",
            value=value,
        )
    plain, padded = _numbers(digits)
    text = _render_date(_ordinal_of(value, "value"), plain, padded, style)
    hour, minute = value.hour, value.minute
    if style == "long":
        return f"{text}، ساعت {plain[hour]}:{padded[minute]}"
    if style == "short":
        return f"{text} {padded[hour]}:{padded[minute]}"
    return f"{text}، ساعت {plain[hour]}:{padded[minute]}:{padded[value.second]}"
