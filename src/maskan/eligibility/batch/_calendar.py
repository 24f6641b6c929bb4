"""Jalali calendar arithmetic on arrays of date ordinals (the 33-year rule of maskan.calendar).

Part of :mod:`maskan.eligibility.batch`: :func:`maskan.calendar.add_years` and
:func:`maskan.calendar.full_years` for a whole column at once.
"""

from __future__ import annotations

import numpy as np

from maskan.eligibility.batch._arrays import Array

_JALALI_EPOCH = 226_894  # the ordinal of the day before 1 Farvardin 1
_LEAP = np.isin(np.arange(33), [1, 5, 9, 13, 17, 22, 26, 30])


def _is_leap(year: Array) -> Array:
    leap: Array = _LEAP[year % 33]
    return leap


def _year_day(ordinal: Array) -> tuple[Array, Array]:
    """The Jalali year of each ordinal and its day within the year (0 for 1 Farvardin)."""
    n = np.asarray(ordinal).astype(np.int32) - (_JALALI_EPOCH + 1)
    years = (33 * n + 3) // 12053
    day = n - 365 * years - (8 * years + 29) // 33
    return years + 1, day


def _add_years(ordinal: Array, years: Array | int) -> Array:
    """:func:`maskan.calendar.add_years` on arrays of date ordinals."""
    # Only 30 Esfand is clamped (to 29 Esfand, in a year that is not leap): every other day
    # of a Jalali year exists in every year.
    y, day = _year_day(ordinal)
    y = y + years
    day = np.where((day == 365) & ~_is_leap(y), 364, day)
    start = y - 1
    ordinal_out: Array = _JALALI_EPOCH + 1 + 365 * start + (8 * start + 29) // 33 + day
    return ordinal_out.astype(np.int32)


def _full_years(start: Array, end: Array) -> Array:
    """:func:`maskan.calendar.full_years` on arrays of date ordinals (``end >= start``)."""
    # The day of the year orders (month, day) within a year; 365 is 30 Esfand, 364 29 Esfand.
    sy, sd = _year_day(start)
    ey, ed = _year_day(end)
    before = ed < sd
    esfand_30 = (sd == 365) & (ed == 364) & ~_is_leap(ey)
    years: Array = ey - sy - (before & ~esfand_30)
    return years.astype(np.int32)
