"""The Jalali (Solar Hijri) calendar: building, converting, reading and counting dates.

maskan stores Gregorian :class:`datetime.date` values and shows Jalali ones; this module is
the bridge. It converts with integer arithmetic on day ordinals (:meth:`datetime.date.toordinal`),
several times faster than jdatetime and persiantools, and gives the same answers as jdatetime.

**Leap years.** The 33-year arithmetic rule of jdatetime (and FarsiWeb's jalali.c): a year is
leap when ``year % 33`` is 1, 5, 9, 13, 17, 22, 26 or 30. It matches the astronomical calendar
(the March equinox before or after noon in Tehran) for every year from 1300 to 1500, and first
departs from it in 1502 (DOMAIN.md §8). Months 1-6 have 31 days, months 7-11 have 30, and
Esfand has 29, or 30 in a leap year.

>>> is_leap(1403), is_leap(1404)
(True, False)
>>> jdate(1404, 9, 4)
datetime.date(2025, 11, 25)
>>> jalali_ymd(date(2025, 3, 21))
(1404, 1, 1)

**Supported years.** Jalali 1 to 9377, that is 622-03-21 to 9999-03-20: exactly the range of
jdatetime, so every date maskan accepts can become a :class:`jdatetime.date`. Beyond it,
:class:`~maskan.errors.InvalidDate` with code ``year_out_of_range``. The 33-year rule is kept
over the whole range, astronomically right or not, so that maskan agrees with every other
system built on jdatetime or jalali.c.

**Anniversaries.** Ages and years of residence count in Jalali years, as Iranian offices do:
a full year is complete on the same day and month of a later year. A person born on
Esfand 30 of a leap year has an anniversary on Esfand 29 in the other years, so
:func:`add_years` and :func:`add_months` clamp the day to the length of the target month.

>>> add_years(jdate(1403, 12, 30), 1) == jdate(1404, 12, 29)
True
>>> full_years(jdate(1403, 12, 30), jdate(1404, 12, 29))
1

**Reading text.** :func:`parse_date` reads a date written with the year first, in numbers
(``1404/09/04``, ``۱۴۰۴/۹/۴``, ``1404-09-04``, ``14040904``), or with a month name (``۴ آذر
۱۴۰۴``, ``سه‌شنبه ۴ آذر ۱۴۰۴``, ``4 Azar 1404``, ``Azar 4, 1404``). A four-digit year below 1700
is Jalali, any other one Gregorian; month names are Jalali only (write Gregorian dates in
numbers), with Persian spellings, the CLDR English ones and Amordad, Dei. Digits may be Persian,
Arabic-Indic or ASCII; Arabic letters, stray spaces and ZWNJ are forgiven. A time of day
after the date (``2025-11-25T14:30:00``, ``۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰``) is checked and dropped.
Refused, each with its own error code:

* two- or three-digit years (``98/01/05``), ``short_year``: they could mean 1398 or 2098;
* the year last (``04/09/1404``), ``format``: day-first and month-first orders are ambiguous;
* a time-zone offset (``2025-11-24T20:30:00Z``), ``timezone``: an instant falls on different
  days in different zones, and guessing the zone is how birthdays move by a day;
* a weekday that contradicts the date (``دوشنبه ۴ آذر ۱۴۰۴``), ``weekday_mismatch``;
* a Jalali month name with a Gregorian year (``4 آذر 2025``), ``calendar_mismatch``.

>>> parse_date("۱۴۰۴/۰۹/۰۴")
datetime.date(2025, 11, 25)
>>> parse_date("۴ آذر ۱۴۰۴") == parse_date("2025-11-25") == parse_date("4 Azar 1404")
True

**Time zone.** :func:`today` uses :data:`IRAN_TZ`, a fixed UTC+03:30. Iran has kept that
offset all year since its clocks went back for the last time at the end of 1401/06/30
(2022-09-21), under the 2022 law that abolished daylight saving time (the tz database agrees),
so a fixed offset gives the right day now and needs neither the ``tzdata`` package (absent
on Windows, where ``zoneinfo`` finds no ``Asia/Tehran``) nor a tz database recent enough to
know the law. Past instants with daylight saving time are not :func:`today`'s business; use
``zoneinfo`` for them. Should Iran bring daylight saving time back, this constant changes.

**Internal helpers** for other maskan modules (not public API, no argument checks):
``_to_jalali_ymd(ordinal) -> (year, month, day)`` and ``_jalali_to_ordinal(year, month,
day) -> ordinal`` convert between a Gregorian ordinal and a valid Jalali date in the
supported range; ``_ordinal_of(value, field)`` checks a date-like argument and returns its
ordinal; ``_persian_weekday(ordinal)`` is 0 for Saturday to 6 for Friday.
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Literal, SupportsIndex, TypeAlias

import jdatetime  # type: ignore[import-untyped]

from maskan.errors import InvalidDate, describe

__all__ = [
    "IRAN_TZ",
    "MAX_YEAR",
    "MIN_YEAR",
    "DateLike",
    "add_months",
    "add_years",
    "as_date",
    "full_years",
    "is_leap",
    "jalali_ymd",
    "jdate",
    "month_length",
    "month_name",
    "parse_date",
    "to_jalali",
    "today",
    "year_bounds",
]

DateLike: TypeAlias = date | jdatetime.date
"""What the date functions accept: ``date``, ``datetime`` and the jdatetime twins.

>>> isinstance(jdatetime.date(1404, 9, 4), DateLike), isinstance("1404/09/04", DateLike)
(True, False)
>>> jalali_ymd(jdatetime.date(1404, 9, 4)) == jalali_ymd(date(2025, 11, 25))
True
"""

MIN_YEAR = 1
"""The first supported Jalali year: 1 Farvardin 1 is 622-03-21.

>>> jdate(MIN_YEAR, 1, 1)
datetime.date(622, 3, 21)
"""
MAX_YEAR = 9377
"""The last supported Jalali year, which ends on 9999-03-20 like jdatetime's range.

>>> jdate(MAX_YEAR, 12, 30)
datetime.date(9999, 3, 20)
>>> jdate(MAX_YEAR + 1, 1, 1)
Traceback (most recent call last):
...
maskan.errors.InvalidDate: year: 9378 is outside the supported Jalali years 1 to 9377
"""
IRAN_TZ = timezone(timedelta(hours=3, minutes=30), "IRST")
"""Iran Standard Time, UTC+03:30, kept all year since 2022-09-22 (1401/06/31).

>>> datetime(2025, 11, 25, 12, 0, tzinfo=timezone.utc).astimezone(IRAN_TZ).isoformat()
'2025-11-25T15:30:00+03:30'
>>> IRAN_TZ.tzname(None)
'IRST'
"""

_LEAP_REMAINDERS = frozenset((1, 5, 9, 13, 17, 22, 26, 30))
# Ordinal of the day before 1 Farvardin 1 (622-03-21). Under the 33-year rule the days
# before Jalali year y are 365*(y-1) + (8*(y-1) + 29)//33, which inverts exactly to
# y - 1 == (33*n + 3)//12053 for the n-th day (from 0) after the epoch.
_EPOCH = 226_894
_MIN_ORDINAL = _EPOCH + 1
_MAX_ORDINAL = 3_651_773  # 9377/12/30 = 9999-03-20
_MONTH_START = (0, 0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336)
_FIRST_HALF = 186  # days in months 1-6

_MONTHS_FA = (
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
)
_MONTHS_EN = (
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
)
# CLDR fa (babel.dates.get_day_names(locale="fa"), CLDR 47), Saturday first as the Iranian
# week starts: یکشنبه and پنجشنبه are written solid, سه‌شنبه with a ZWNJ.
_WEEKDAYS_FA = ("شنبه", "یکشنبه", "دوشنبه", "سه\u200cشنبه", "چهارشنبه", "پنجشنبه", "جمعه")
_WEEKDAYS_EN = ("Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
_GREGORIAN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_GREGORIAN_LENGTHS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@functools.cache
def _persian_text() -> tuple[Callable[[str], str], Callable[[str], str], Callable[[str], str]]:
    # Imported on first use: maskan.persian's __init__ imports maskan.persian.dates, which
    # imports this module, so importing maskan.persian here at import time would be a cycle.
    from maskan.persian.digits import to_latin_digits, to_persian_digits
    from maskan.persian.text import normalize

    return normalize, to_latin_digits, to_persian_digits


def _fa(text: str) -> str:
    return _persian_text()[2](text)


# --- conversion -------------------------------------------------------------------------


def _to_jalali_ymd(ordinal: int) -> tuple[int, int, int]:
    n = ordinal - _MIN_ORDINAL
    years = (33 * n + 3) // 12053
    day = n - 365 * years - (8 * years + 29) // 33
    if day < _FIRST_HALF:
        return years + 1, day // 31 + 1, day % 31 + 1
    day -= _FIRST_HALF
    return years + 1, day // 30 + 7, day % 30 + 1


def _jalali_to_ordinal(year: int, month: int, day: int) -> int:
    years = year - 1
    return _EPOCH + 365 * years + (8 * years + 29) // 33 + _MONTH_START[month] + day


def _persian_weekday(ordinal: int) -> int:
    return (ordinal + 1) % 7


def _month_length(year: int, month: int) -> int:
    if month <= 6:
        return 31
    if month <= 11 or year % 33 in _LEAP_REMAINDERS:
        return 30
    return 29


# --- argument checks --------------------------------------------------------------------


_MAX_INT_BITS = 64  # years, months, days and counts of them are far smaller


def _as_int(value: object, field: str) -> int:
    if type(value) is int or (not isinstance(value, bool) and isinstance(value, SupportsIndex)):
        number = operator.index(value)  # numpy integers and IntEnum members too
        if number.bit_length() <= _MAX_INT_BITS:
            return number
        # refused before any message writes it: an int of 4300 digits cannot be written
        raise InvalidDate(
            f"{field}: {describe(number)} is far out of range",
            message_fa=f"{field}: مقدار {describe(number)} بسیار بیرون از بازه است",
            code="out_of_range",
            field=field,
            value=value,
        )
    kind = type(value).__name__
    raise InvalidDate(
        f"{field}: {describe(value)} is a {kind}, not an int",
        message_fa=f"{field}: مقدار {describe(value)} از نوع {kind} است، نه عدد صحیح",
        code="type",
        field=field,
        value=value,
    )


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidDate(
            f"year: {year} is outside the supported Jalali years {MIN_YEAR} to {MAX_YEAR}",
            message_fa=_fa(
                f"year: سال {year} بیرون از بازهٔ پشتیبانی‌شدهٔ سال‌های شمسی"
                f" ({MIN_YEAR} تا {MAX_YEAR}) است"
            ),
            code="year_out_of_range",
            field="year",
            value=year,
        )


def _check_month(month: int) -> None:
    if not 1 <= month <= 12:
        raise InvalidDate(
            f"month: {month} is not a Jalali month; expected 1 to 12",
            message_fa=_fa(f"month: {month} ماه شمسی نیست؛ ماه از 1 تا 12 است"),
            code="month_out_of_range",
            field="month",
            value=month,
        )


def _checked_ordinal(year: int, month: int, day: int) -> int:
    _check_year(year)
    _check_month(month)
    length = _month_length(year, month)
    if not 1 <= day <= length:
        shown = f"{year}/{month:02d}/{day:02d}"
        raise InvalidDate(
            f"day: {shown} does not exist; {_MONTHS_EN[month - 1]} {year} has {length} days",
            message_fa=_fa(
                f"day: تاریخ {shown} وجود ندارد؛ {_MONTHS_FA[month - 1]} {year} {length} روز دارد"
            ),
            code="day_out_of_range",
            field="day",
            value=day,
        )
    return _jalali_to_ordinal(year, month, day)


def _ordinal_of(value: object, field: str) -> int:
    if isinstance(value, date):
        ordinal = value.toordinal()
        if _MIN_ORDINAL <= ordinal <= _MAX_ORDINAL:
            return ordinal
        raise _outside(value.isoformat()[:10], field, value)
    if isinstance(value, jdatetime.date):
        return _jalali_to_ordinal(value.year, value.month, value.day)
    kind = type(value).__name__
    hint = "; read text with parse_date()" if isinstance(value, str) else ""
    raise InvalidDate(
        f"{field}: {describe(value)} is a {kind}, not a date, datetime or jdatetime.date{hint}",
        message_fa=f"{field}: مقدار {describe(value)} از نوع {kind} است، نه تاریخ",
        code="type",
        field=field,
        value=value,
    )


def _outside(shown: str, field: str, value: object) -> InvalidDate:
    return InvalidDate(
        f"{field}: {shown} is outside the supported days 0622-03-21 to 9999-03-20"
        f" (Jalali {MIN_YEAR}/01/01 to {MAX_YEAR}/12/30)",
        message_fa=_fa(
            f"{field}: تاریخ {shown} بیرون از بازهٔ پشتیبانی‌شده"
            f" ({MIN_YEAR}/01/01 تا {MAX_YEAR}/12/30 شمسی) است"
        ),
        code="year_out_of_range",
        field=field,
        value=value,
    )


def _shift_to_date(year: int, month: int, day: int, field: str, amount: int) -> date:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise InvalidDate(
            f"{field}: moving by {amount} {field} leaves the supported Jalali years"
            f" {MIN_YEAR} to {MAX_YEAR} (it reaches year {year})",
            message_fa=_fa(
                f"{field}: جابه‌جایی به اندازهٔ {amount} از بازهٔ سال‌های پشتیبانی‌شده"
                f" ({MIN_YEAR} تا {MAX_YEAR}) بیرون می‌رود"
            ),
            code="year_out_of_range",
            field=field,
            value=amount,
        )
    day = min(day, _month_length(year, month))
    return date.fromordinal(_jalali_to_ordinal(year, month, day))


# --- public functions -------------------------------------------------------------------


def jdate(year: int, month: int, day: int) -> date:
    """Return the Gregorian :class:`~datetime.date` of a Jalali year, month and day.

    Raises :class:`~maskan.errors.InvalidDate` for a day that does not exist (codes
    ``year_out_of_range``, ``month_out_of_range``, ``day_out_of_range``) or for arguments
    that are not integers (code ``type``; bools and floats are refused).

    >>> jdate(1404, 1, 1)
    datetime.date(2025, 3, 21)
    >>> jdate(1403, 12, 30)
    datetime.date(2025, 3, 20)
    >>> jdate(1404, 12, 30)
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidDate: day: 1404/12/30 does not exist; Esfand 1404 has 29 days
    """
    if (
        type(year) is not int
        or type(month) is not int
        or type(day) is not int
        or (year | month | day).bit_length() > _MAX_INT_BITS
    ):
        year, month, day = _as_int(year, "year"), _as_int(month, "month"), _as_int(day, "day")
    return date.fromordinal(_checked_ordinal(year, month, day))


def as_date(value: DateLike | str, field: str = "date") -> date:
    """Return ``value`` as a plain :class:`datetime.date`: the one conversion models use.

    Accepts a ``date`` (a ``datetime`` gives its date), a ``jdatetime.date`` or text that
    :func:`parse_date` reads. Errors name ``field``.

    >>> as_date("۱۴۰۴/۰۹/۰۴"), as_date(date(2025, 11, 25))
    (datetime.date(2025, 11, 25), datetime.date(2025, 11, 25))
    >>> as_date(None, "birth_date")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidDate: birth_date: None is a NoneType, not a date, datetime or \
jdatetime.date
    """
    if type(value) is date:
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except InvalidDate as error:
            if field == "text":
                raise
            raise InvalidDate(
                f"{field}: {error.message.removeprefix('text: ')}",
                message_fa=f"{field}: {error.message_fa.removeprefix('text: ')}",
                code=error.code,
                field=field,
                value=value,
            ) from None
    return date.fromordinal(_ordinal_of(value, field))


def jalali_ymd(value: DateLike) -> tuple[int, int, int]:
    """Return the Jalali ``(year, month, day)`` of a date: the fast path for bulk work.

    It builds no :class:`jdatetime.date`, whose constructor costs more than the conversion.

    >>> jalali_ymd(date(2026, 1, 8))
    (1404, 10, 18)
    """
    return _to_jalali_ymd(_ordinal_of(value, "value"))


def to_jalali(value: DateLike) -> jdatetime.date:
    """Return the :class:`jdatetime.date` of a ``date``, ``datetime`` or jdatetime value.

    A time of day is dropped. A jdatetime value keeps its locale; a new one gets
    jdatetime's default locale, so that it compares equal to ``jdatetime.date(y, m, d)``.

    >>> to_jalali(date(2025, 11, 25))
    jdatetime.date(1404, 9, 4)
    >>> to_jalali(datetime(2025, 3, 20, 23, 59))
    jdatetime.date(1403, 12, 30)
    """
    if isinstance(value, jdatetime.datetime):
        return value.date()
    if isinstance(value, jdatetime.date):
        return value
    year, month, day = _to_jalali_ymd(_ordinal_of(value, "value"))
    return jdatetime.date(year, month, day)


def is_leap(year: int) -> bool:
    """Return whether Jalali ``year`` has 366 days (Esfand 30 exists).

    >>> [year for year in range(1399, 1413) if is_leap(year)]
    [1399, 1403, 1408, 1412]
    """
    year = _as_int(year, "year")
    _check_year(year)
    return year % 33 in _LEAP_REMAINDERS


def month_length(year: int, month: int) -> int:
    """Return the number of days of a Jalali month.

    >>> month_length(1404, 1), month_length(1404, 7), month_length(1404, 12), month_length(1403, 12)
    (31, 30, 29, 30)
    """
    year, month = _as_int(year, "year"), _as_int(month, "month")
    _check_year(year)
    _check_month(month)
    return _month_length(year, month)


def month_name(month: int, lang: Literal["fa", "en"] = "fa") -> str:
    """Return the name of a Jalali month in Persian (``"fa"``) or English (``"en"``).

    English names are CLDR's transliterations.

    >>> month_name(9), month_name(9, lang="en")
    ('آذر', 'Azar')
    """
    month = _as_int(month, "month")
    _check_month(month)
    if lang == "fa":
        return _MONTHS_FA[month - 1]
    if lang == "en":
        return _MONTHS_EN[month - 1]
    raise InvalidDate(
        f"lang: {describe(lang)} is not one of 'fa', 'en'",
        message_fa=f"lang: مقدار {describe(lang)} مجاز نیست؛ یکی از fa یا en",
        code="option",
        field="lang",
        value=lang,
    )


def year_bounds(year: int) -> tuple[date, date]:
    """Return the first and the last day of a Jalali year.

    >>> year_bounds(1403)
    (datetime.date(2024, 3, 20), datetime.date(2025, 3, 20))
    """
    year = _as_int(year, "year")
    _check_year(year)
    return (
        date.fromordinal(_jalali_to_ordinal(year, 1, 1)),
        date.fromordinal(_jalali_to_ordinal(year, 12, _month_length(year, 12))),
    )


def add_years(value: DateLike, years: int) -> date:
    """Return the same Jalali day and month ``years`` later (or earlier, if negative).

    Esfand 30 becomes Esfand 29 in a year that has no Esfand 30.

    >>> add_years(jdate(1404, 9, 4), 1) == jdate(1405, 9, 4)
    True
    >>> add_years(jdate(1403, 12, 30), -1) == jdate(1402, 12, 29)
    True
    """
    years = _as_int(years, "years")
    year, month, day = _to_jalali_ymd(_ordinal_of(value, "value"))
    return _shift_to_date(year + years, month, day, "years", years)


def add_months(value: DateLike, months: int) -> date:
    """Return the same Jalali day ``months`` later (or earlier), clamped to the month's length.

    >>> add_months(jdate(1404, 6, 31), 1) == jdate(1404, 7, 30)
    True
    >>> add_months(jdate(1404, 1, 15), -2) == jdate(1403, 11, 15)
    True
    """
    months = _as_int(months, "months")
    year, month, day = _to_jalali_ymd(_ordinal_of(value, "value"))
    shifted_year, shifted_month = divmod(year * 12 + month - 1 + months, 12)
    return _shift_to_date(shifted_year, shifted_month + 1, day, "months", months)


def full_years(start: DateLike, end: DateLike) -> int:
    """Return the number of full Jalali years from ``start`` to ``end`` (an age, say).

    A year is full on its anniversary, the same month and day; Esfand 30's anniversary in
    a common year is Esfand 29. An ``end`` before ``start`` is an error (code ``order``),
    not a negative count: a negative age would pass every "younger than" rule.

    >>> born = jdate(1370, 5, 10)
    >>> full_years(born, jdate(1404, 5, 9)), full_years(born, jdate(1404, 5, 10))
    (33, 34)
    """
    start_ordinal = _ordinal_of(start, "start")
    end_ordinal = _ordinal_of(end, "end")
    if end_ordinal < start_ordinal:
        raise InvalidDate(
            f"end: {date.fromordinal(end_ordinal)} is before start"
            f" {date.fromordinal(start_ordinal)}",
            message_fa=_fa(
                f"end: تاریخ {date.fromordinal(end_ordinal)} پیش از تاریخ آغاز"
                f" {date.fromordinal(start_ordinal)} است"
            ),
            code="order",
            field="end",
            value=end,
        )
    start_year, start_month, start_day = _to_jalali_ymd(start_ordinal)
    end_year, end_month, end_day = _to_jalali_ymd(end_ordinal)
    years = end_year - start_year
    if end_month < start_month:
        return years - 1
    if end_month == start_month and end_day < start_day:
        if start_day == 30 and start_month == 12 and end_year % 33 not in _LEAP_REMAINDERS:
            return years if end_day == 29 else years - 1
        return years - 1
    return years


def today() -> date:
    """Return today's date in Iran (UTC+03:30, see :data:`IRAN_TZ`).

    >>> today() == datetime.now(IRAN_TZ).date()
    True
    """
    return datetime.now(IRAN_TZ).date()


# --- reading text -----------------------------------------------------------------------

_MAX_TEXT = 200
_NUMERIC = re.compile(r"([0-9]+) ?([/.\-\u060d]) ?([0-9]+) ?\2 ?([0-9]+)")
_COMPACT = re.compile(r"[0-9]{8}")
_WORDED = re.compile(r"([^0-9]*?)[ ,،]*([0-9]+)[ ,،]*([^0-9]*?)[ ,،]*([0-9]+)")
_CLOCK = re.compile(
    r"(.*?)(?:[ ,،]*(?:t|at|ساعت) ?|[ ,،]+)"
    r"([0-9]{1,2}):([0-9]{2})(?::([0-9]{2})(?:[.,][0-9]{1,9})?)?"
    r" ?(z|[+-][0-9]{2}(?::?[0-9]{2})?)?"
)
_WORD_SPLIT = re.compile(r"[ ,،]+")


def _key(word: str) -> str:
    key = word.replace(" ", "").replace("\u200c", "").replace("آ", "ا")
    # «آذرماه», «آذر ماه»: the word for "month" after a month name is common in writing.
    if key.endswith("ماه") and len(key) > 3:
        key = key[:-3]
    return key


_MONTH_KEYS: dict[str, int] = {
    **{_key(name): number for number, name in enumerate(_MONTHS_FA, 1)},
    **{name.lower(): number for number, name in enumerate(_MONTHS_EN, 1)},
    "امرداد": 5,
    "amordad": 5,
    "dei": 10,
}
_WEEKDAY_KEYS: dict[str, int] = {
    **{_key(name): number for number, name in enumerate(_WEEKDAYS_FA)},
    **{name.lower(): number for number, name in enumerate(_WEEKDAYS_EN)},
    **{name[:3].lower(): number for number, name in enumerate(_WEEKDAYS_EN)},
}


def _unreadable(text: str) -> InvalidDate:
    return InvalidDate(
        f"text: {describe(text)} is not a date; write it as 1404/09/04, ۴ آذر ۱۴۰۴ or 2025-11-25",
        message_fa=f"text: {describe(text)} تاریخ نیست؛ آن را مانند ۱۴۰۴/۰۹/۰۴، ۴ آذر ۱۴۰۴"
        " یا 2025-11-25 بنویسید",
        code="format",
        field="text",
        value=text,
    )


def _short_year(year: str, text: str) -> InvalidDate:
    return InvalidDate(
        f"text: the year {year!r} in {describe(text)} is not written in full;"
        " write all four digits (1398, not 98), as a short year could be Jalali or Gregorian",
        message_fa=f"text: سال «{_fa(year)}» در {describe(text)} کامل نوشته نشده است؛"
        " هر چهار رقم سال را بنویسید (۱۳۹۸، نه ۹۸)",
        code="short_year",
        field="text",
        value=text,
    )


def _gregorian(year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise InvalidDate(
            f"month: {month} is not a month; expected 1 to 12",
            message_fa=_fa(f"month: {month} ماه نیست؛ ماه از 1 تا 12 است"),
            code="month_out_of_range",
            field="month",
            value=month,
        )
    length = _GREGORIAN_LENGTHS[month - 1]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        length = 29
    if not 1 <= day <= length:
        shown = f"{year:04d}-{month:02d}-{day:02d}"
        name = _GREGORIAN_MONTHS[month - 1]
        raise InvalidDate(
            f"day: {shown} does not exist; {name} {year} has {length} days",
            message_fa=_fa(f"day: تاریخ میلادی {shown} وجود ندارد؛ این ماه {length} روز دارد"),
            code="day_out_of_range",
            field="day",
            value=day,
        )
    result = date(year, month, day)
    if result.toordinal() > _MAX_ORDINAL:
        raise _outside(result.isoformat(), "text", result)
    return result


def _from_numbers(year: int, month: int, day: int) -> date:
    if year < 1700:
        return date.fromordinal(_checked_ordinal(year, month, day))
    return _gregorian(year, month, day)


def _check_clock(hour: str, minute: str, second: str | None, zone: str | None, text: str) -> None:
    if zone is not None:
        raise InvalidDate(
            f"text: {describe(text)} carries a time-zone offset; an instant falls on different"
            " days in different zones, so convert it to a date first"
            " (for Iran: datetime.fromisoformat(text).astimezone(IRAN_TZ).date())",
            message_fa=f"text: {describe(text)} اختلاف منطقهٔ زمانی دارد؛ یک لحظه در منطقه‌های"
            " گوناگون در روزهای گوناگون است، پس نخست آن را به تاریخ تبدیل کنید",
            code="timezone",
            field="text",
            value=text,
        )
    if int(hour) > 23 or int(minute) > 59 or (second is not None and int(second) > 59):
        shown = f"{hour}:{minute}" + (f":{second}" if second is not None else "")
        raise InvalidDate(
            f"text: {shown} in {describe(text)} is not a time of day",
            message_fa=f"text: {_fa(shown)} در {describe(text)} زمان درستی از روز نیست",
            code="time_out_of_range",
            field="text",
            value=text,
        )


def _from_words(pre: str, day_text: str, mid: str, year_text: str, text: str) -> date:
    if mid:
        month_word, weekday_word = mid, pre
        month = _MONTH_KEYS.get(_key(mid))
    else:
        words = [word for word in _WORD_SPLIT.split(pre) if word]
        month, month_word, weekday_word = None, pre, ""
        for split in range(len(words)):
            month = _MONTH_KEYS.get(_key("".join(words[split:])))
            if month is not None:
                month_word, weekday_word = " ".join(words[split:]), " ".join(words[:split])
                break
    if month is None:
        raise InvalidDate(
            f"month: {describe(month_word)} is not a Jalali month name (فروردین … اسفند,"
            " Farvardin … Esfand); write Gregorian dates in numbers, as in 2025-11-25",
            message_fa=f"month: {describe(month_word)} نام ماه شمسی نیست (فروردین … اسفند)",
            code="unknown_month",
            field="month",
            value=month_word,
        )
    weekday = None
    if weekday_word:
        weekday = _WEEKDAY_KEYS.get(_key(weekday_word))
        if weekday is None:
            raise InvalidDate(
                f"weekday: {describe(weekday_word)} in {describe(text)} is not a weekday name",
                message_fa=f"weekday: {describe(weekday_word)} در {describe(text)}"
                " نام روز هفته نیست",
                code="unknown_weekday",
                field="weekday",
                value=weekday_word,
            )
    if len(year_text) < 4:
        raise _short_year(year_text, text)
    if len(year_text) > 4 or len(day_text) > 2:
        raise _unreadable(text)
    year = int(year_text)
    if year >= 1700:
        raise InvalidDate(
            f"year: {year} is a Gregorian year (years from 1700 are), but"
            f" {describe(month_word)} is a Jalali month",
            message_fa=_fa(f"year: سال {year} میلادی است، اما {month_word} ماه شمسی است"),
            code="calendar_mismatch",
            field="year",
            value=year,
        )
    ordinal = _checked_ordinal(year, month, int(day_text))
    actual = _persian_weekday(ordinal)
    if weekday is not None and weekday != actual:
        shown = f"{year}/{month:02d}/{int(day_text):02d}"
        raise InvalidDate(
            f"weekday: {shown} is a {_WEEKDAYS_EN[actual]} ({_WEEKDAYS_FA[actual]}),"
            f" not a {_WEEKDAYS_EN[weekday]}",
            message_fa=_fa(
                f"weekday: {shown} {_WEEKDAYS_FA[actual]} است، نه {_WEEKDAYS_FA[weekday]}"
            ),
            code="weekday_mismatch",
            field="weekday",
            value=weekday_word,
        )
    return date.fromordinal(ordinal)


def parse_date(text: str) -> date:
    """Read a date written in Jalali or Gregorian (see the module documentation for the forms).

    A four-digit year below 1700 is Jalali, from 1700 Gregorian. Everything
    :func:`maskan.persian.dates.format_date` writes is read back, for Jalali years below
    1700 (a day after 2320 has a Jalali year that reads as Gregorian).

    >>> parse_date("1404-09-04"), parse_date("2025-11-25")
    (datetime.date(2025, 11, 25), datetime.date(2025, 11, 25))
    >>> parse_date("سه‌شنبه ۴ آذر ۱۴۰۴")
    datetime.date(2025, 11, 25)
    >>> parse_date("98/01/05")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidDate: text: the year '98' in '98/01/05' is not written in full; ...
    """
    if not isinstance(text, str):
        kind = type(text).__name__
        raise InvalidDate(
            f"text: parse_date() takes a str, not {kind}",
            message_fa=f"text: ورودی parse_date باید متن باشد، نه {kind}",
            code="type",
            field="text",
            value=text,
        )
    if len(text) > _MAX_TEXT:
        raise InvalidDate(
            f"text: {describe(text)} is too long to be a date",
            message_fa=f"text: {describe(text)} برای تاریخ بودن بیش از اندازه بلند است",
            code="too_long",
            field="text",
            value=text,
        )
    normalize, to_latin_digits, _ = _persian_text()
    cleaned = to_latin_digits(normalize(text)).lower()
    if not cleaned:
        raise InvalidDate(
            "text: the date is empty",
            message_fa="text: تاریخ خالی است",
            code="empty",
            field="text",
            value=text,
        )
    if ":" in cleaned:
        clock = _CLOCK.fullmatch(cleaned)
        if clock is None:
            raise _unreadable(text)
        cleaned, hour, minute, second, zone = clock.groups()
        _check_clock(hour, minute, second, zone, text)
    numeric = _NUMERIC.fullmatch(cleaned)
    if numeric is not None:
        first, _, second_part, third = numeric.groups()
        if len(first) == 4 and len(second_part) <= 2 and len(third) <= 2:
            return _from_numbers(int(first), int(second_part), int(third))
        if len(second_part) <= 2 and len(third) <= 2 and len(first) < 4:
            raise _short_year(first, text)
        if len(third) == 4 and len(first) <= 2 and len(second_part) <= 2:
            raise InvalidDate(
                f"text: {describe(text)} puts the year last; write the year first, as in"
                " 1404/09/04 or 2025-11-25 (day-first and month-first orders are ambiguous)",
                message_fa=f"text: در {describe(text)} سال در پایان آمده است؛ سال را نخست"
                " بنویسید، مانند ۱۴۰۴/۰۹/۰۴",
                code="format",
                field="text",
                value=text,
            )
        raise _unreadable(text)
    if _COMPACT.fullmatch(cleaned):
        return _from_numbers(int(cleaned[:4]), int(cleaned[4:6]), int(cleaned[6:]))
    worded = _WORDED.fullmatch(cleaned)
    if worded is not None and any(character.isalpha() for character in worded[1] + worded[3]):
        pre, day_text, mid, year_text = worded.groups()
        return _from_words(pre, day_text, mid, year_text, text)
    raise _unreadable(text)
