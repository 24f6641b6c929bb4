"""Jalali calendar arithmetic on arrays of date ordinals (the 33-year rule of maskan.calendar).

Part of :mod:`maskan.eligibility.batch`: :func:`maskan.calendar.add_years` and
:func:`maskan.calendar.full_years` for a whole column at once.
"""

from __future__ import annotations

import numpy as np

from maskan.eligibility.batch._arrays import Array

_JALALI_EPOCH = 226_894  # the ordinal of the day before 1 Farvardin 1
_MONTH_START = np.array([0, 0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336], np.int64)
_LEAP = np.isin(np.arange(33), [1, 5, 9, 13, 17, 22, 26, 30])


def _jalali(ordinal: Array) -> tuple[Array, Array, Array]:
    n = np.asarray(ordinal).astype(np.int32) - (_JALALI_EPOCH + 1)
    years = (33 * n + 3) // 12053
    day = n - 365 * years - (8 * years + 29) // 33
    first_half = day < 186
    later = day - 186
    month = np.where(first_half, day // 31 + 1, later // 30 + 7)
    dom = np.where(first_half, day % 31 + 1, later % 30 + 1)
    return years + 1, month, dom


def _gregorian(year: Array, month: Array, day: Array) -> Array:
    years = year - 1
    ordinal: Array = (
        _JALALI_EPOCH + 365 * years + (8 * years + 29) // 33 + _MONTH_START[month] + day
    )
    return ordinal.astype(np.int32)


def _is_leap(year: Array) -> Array:
    leap: Array = _LEAP[year % 33]
    return leap


def _add_years(ordinal: Array, years: Array | int) -> Array:
    """:func:`maskan.calendar.add_years` on arrays of date ordinals."""
    y, m, d = _jalali(ordinal)
    y = y + years
    length = np.where(m <= 6, 31, np.where((m <= 11) | _is_leap(y), 30, 29))
    return _gregorian(y, m, np.minimum(d, length))


def _full_years(start: Array, end: Array) -> Array:
    """:func:`maskan.calendar.full_years` on arrays of date ordinals (``end >= start``)."""
    sy, sm, sd = _jalali(start)
    ey, em, ed = _jalali(end)
    before = (em < sm) | ((em == sm) & (ed < sd))
    esfand_30 = (sm == 12) & (sd == 30) & (em == 12) & (ed == 29) & ~_is_leap(ey)
    years: Array = ey - sy - (before & ~esfand_30)
    return years.astype(np.int32)
