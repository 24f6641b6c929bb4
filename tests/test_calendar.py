"""The Jalali calendar: conversion against jdatetime, arithmetic on anniversaries, parsing."""

from __future__ import annotations

import enum
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import jdatetime  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan import calendar
from maskan.calendar import (
    IRAN_TZ,
    add_months,
    add_years,
    full_years,
    is_leap,
    jalali_ymd,
    jdate,
    month_length,
    month_name,
    parse_date,
    to_jalali,
    today,
    year_bounds,
)
from maskan.errors import InvalidDate

FIRST_DAY = date(622, 3, 21)
LAST_DAY = date(9999, 3, 20)
supported_dates = st.dates(min_value=FIRST_DAY, max_value=LAST_DAY)


def _outcome(function: Callable[..., date], *args: object) -> date | InvalidDate:
    """Return the result or the InvalidDate raised; any other exception fails the test."""
    try:
        return function(*args)
    except InvalidDate as error:
        return error


# --- vectors (DOMAIN.md §8 and its notation section) ---------------------------------------


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [
        ((1404, 9, 4), date(2025, 11, 25)),
        ((1404, 1, 1), date(2025, 3, 21)),
        ((1404, 10, 18), date(2026, 1, 8)),
        ((1403, 12, 30), date(2025, 3, 20)),
        ((1404, 8, 29), date(2025, 11, 20)),
        ((1400, 8, 24), date(2021, 11, 15)),
        ((1403, 2, 10), date(2024, 4, 29)),
        ((1357, 11, 22), date(1979, 2, 11)),
        ((1, 1, 1), FIRST_DAY),
        ((9377, 12, 30), LAST_DAY),
    ],
)
def test_vectors(jalali: tuple[int, int, int], gregorian: date) -> None:
    assert jdate(*jalali) == gregorian
    assert jalali_ymd(gregorian) == jalali
    assert to_jalali(gregorian) == jdatetime.date(*jalali)


def test_esfand_30_exists_only_in_leap_years() -> None:
    assert jdate(1403, 12, 30) == date(2025, 3, 20)
    with pytest.raises(InvalidDate) as caught:
        jdate(1404, 12, 30)
    assert caught.value.code == "day_out_of_range"
    assert caught.value.field == "day"
    assert str(caught.value) == "day: 1404/12/30 does not exist; Esfand 1404 has 29 days"
    assert caught.value.message_fa == "day: تاریخ ۱۴۰۴/۱۲/۳۰ وجود ندارد؛ اسفند ۱۴۰۴ ۲۹ روز دارد"


def test_month_13() -> None:
    with pytest.raises(InvalidDate) as caught:
        jdate(1404, 13, 1)
    assert (caught.value.code, caught.value.field) == ("month_out_of_range", "month")
    assert str(caught.value) == "month: 13 is not a Jalali month; expected 1 to 12"


# --- against jdatetime ------------------------------------------------------------------------


def test_every_day_1200_to_1600_gregorian_to_jalali() -> None:
    first = jdatetime.date(1200, 1, 1).togregorian().toordinal()
    last = jdatetime.date(1600, 12, 29).togregorian().toordinal()
    for ordinal in range(first, last + 1):
        theirs = jdatetime.date.fromgregorian(date=date.fromordinal(ordinal))
        assert calendar._to_jalali_ymd(ordinal) == (theirs.year, theirs.month, theirs.day)


def test_every_day_1200_to_1600_jalali_to_gregorian() -> None:
    days = 0
    for year in range(1200, 1601):
        for month in range(1, 13):
            for day in range(1, 32):
                try:
                    theirs = jdatetime.date(year, month, day).togregorian()
                except ValueError:
                    with pytest.raises(InvalidDate):
                        jdate(year, month, day)
                    continue
                assert jdate(year, month, day) == theirs
                days += 1
    assert days == (jdatetime.date(1601, 1, 1) - jdatetime.date(1200, 1, 1)).days


def test_every_year_start_and_leap_rule_over_the_whole_range() -> None:
    for year in range(calendar.MIN_YEAR, calendar.MAX_YEAR + 1):
        first, last = year_bounds(year)
        assert first == jdatetime.date(year, 1, 1).togregorian()
        assert is_leap(year) == jdatetime.date(year, 1, 1).isleap()
        assert last == jdatetime.date(year, 12, 30 if is_leap(year) else 29).togregorian()
        assert (last - first).days + 1 == (366 if is_leap(year) else 365)


def test_round_trip_every_day_1300_to_1500() -> None:
    first, _ = year_bounds(1300)
    _, last = year_bounds(1500)
    for ordinal in range(first.toordinal(), last.toordinal() + 1):
        day = date.fromordinal(ordinal)
        jalali = to_jalali(day)
        assert jdate(jalali.year, jalali.month, jalali.day) == day


@given(supported_dates)
def test_round_trip_whole_range(day: date) -> None:
    assert jdate(*jalali_ymd(day)) == day
    assert to_jalali(day).togregorian() == day


def test_leap_years_near_today() -> None:
    leap = [year for year in range(1395, 1445) if is_leap(year)]
    assert leap == [1395, 1399, 1403, 1408, 1412, 1416, 1420, 1424, 1428, 1432, 1436, 1441]


# --- conversion inputs ------------------------------------------------------------------------


def test_to_jalali_inputs() -> None:
    expected = jdatetime.date(1404, 9, 4)
    assert to_jalali(date(2025, 11, 25)) == expected
    assert to_jalali(datetime(2025, 11, 25, 23, 59)) == expected
    assert to_jalali(datetime(2025, 11, 25, 1, tzinfo=UTC)) == expected
    assert to_jalali(expected) is expected
    from_datetime = to_jalali(jdatetime.datetime(1404, 9, 4, 14, 30))
    assert type(from_datetime) is jdatetime.date
    assert from_datetime == expected


@pytest.mark.parametrize("value", [None, "2025-11-25", 1404, 20251125.0, (1404, 9, 4)])
def test_to_jalali_refuses_other_types(value: object) -> None:
    with pytest.raises(InvalidDate) as caught:
        to_jalali(value)
    assert caught.value.code == "type"
    assert type(value).__name__ in str(caught.value)


@pytest.mark.parametrize("value", [date(1, 1, 1), date(622, 3, 20), date(9999, 3, 21)])
def test_outside_supported_days(value: date) -> None:
    for function in (to_jalali, jalali_ymd, lambda day: add_years(day, 0)):
        with pytest.raises(InvalidDate) as caught:
            function(value)
        assert caught.value.code == "year_out_of_range"
        assert value.isoformat() in str(caught.value)


def test_jdate_types() -> None:
    class Year(enum.IntEnum):
        THIS = 1404

    assert jdate(Year.THIS, 9, 4) == date(2025, 11, 25)
    for args in [(True, 1, 1), (1404, 9.0, 4), ("1404", 9, 4), (1404, 9, None)]:
        with pytest.raises(InvalidDate) as caught:
            jdate(*args)  # type: ignore[arg-type]
        assert caught.value.code == "type"
        assert caught.value.field in ("year", "month", "day")


@pytest.mark.parametrize(
    ("args", "code", "field"),
    [
        ((0, 1, 1), "year_out_of_range", "year"),
        ((-5, 1, 1), "year_out_of_range", "year"),
        ((9378, 1, 1), "year_out_of_range", "year"),
        ((1404, 0, 1), "month_out_of_range", "month"),
        ((1404, 13, 1), "month_out_of_range", "month"),
        ((1404, 1, 0), "day_out_of_range", "day"),
        ((1404, 1, 32), "day_out_of_range", "day"),
        ((1404, 7, 31), "day_out_of_range", "day"),
        ((1404, 12, 30), "day_out_of_range", "day"),
    ],
)
def test_jdate_out_of_range(args: tuple[int, int, int], code: str, field: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        jdate(*args)
    assert (caught.value.code, caught.value.field) == (code, field)


# --- months, years ----------------------------------------------------------------------------


def test_month_lengths_and_names() -> None:
    assert [month_length(1404, month) for month in range(1, 13)] == [31] * 6 + [30] * 5 + [29]
    assert month_length(1403, 12) == 30
    assert [month_name(month) for month in (1, 5, 12)] == ["فروردین", "مرداد", "اسفند"]
    assert [month_name(month, lang="en") for month in (1, 2, 10, 12)] == [
        "Farvardin",
        "Ordibehesht",
        "Dey",
        "Esfand",
    ]
    with pytest.raises(InvalidDate) as caught:
        month_name(1, lang="de")  # type: ignore[arg-type]
    assert caught.value.code == "option"
    with pytest.raises(InvalidDate) as caught:
        month_length(1404, 13)
    assert caught.value.code == "month_out_of_range"
    with pytest.raises(InvalidDate) as caught:
        is_leap(0)
    assert caught.value.code == "year_out_of_range"
    with pytest.raises(InvalidDate) as caught:
        is_leap(1403.0)  # type: ignore[arg-type]
    assert caught.value.code == "type"


def test_year_bounds() -> None:
    assert year_bounds(1404) == (date(2025, 3, 21), date(2026, 3, 20))
    assert year_bounds(1403) == (date(2024, 3, 20), date(2025, 3, 20))


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        ((1404, 6, 31), 1, (1404, 7, 30)),
        ((1404, 1, 31), 11, (1404, 12, 29)),
        ((1403, 1, 31), 11, (1403, 12, 30)),
        ((1403, 12, 30), 12, (1404, 12, 29)),
        ((1403, 12, 30), 1, (1404, 1, 30)),
        ((1404, 1, 31), -1, (1403, 12, 30)),
        ((1405, 1, 31), -1, (1404, 12, 29)),
        ((1404, 9, 4), -12, (1403, 9, 4)),
        ((1404, 9, 4), -21, (1402, 12, 4)),
        ((1404, 9, 4), 0, (1404, 9, 4)),
        ((1404, 9, 4), 1200, (1504, 9, 4)),
    ],
)
def test_add_months(
    start: tuple[int, int, int], months: int, expected: tuple[int, int, int]
) -> None:
    assert add_months(jdate(*start), months) == jdate(*expected)
    assert add_months(jdatetime.date(*start), months) == jdate(*expected)


@pytest.mark.parametrize(
    ("start", "years", "expected"),
    [
        ((1403, 12, 30), 1, (1404, 12, 29)),
        ((1403, 12, 30), 5, (1408, 12, 30)),
        ((1403, 12, 30), -1, (1402, 12, 29)),
        ((1403, 12, 30), -4, (1399, 12, 30)),
        ((1404, 6, 31), 10, (1414, 6, 31)),
        ((1404, 9, 4), 0, (1404, 9, 4)),
        ((1404, 9, 4), -1403, (1, 9, 4)),
    ],
)
def test_add_years(start: tuple[int, int, int], years: int, expected: tuple[int, int, int]) -> None:
    assert add_years(jdate(*start), years) == jdate(*expected)


def test_add_out_of_range_and_types() -> None:
    for function, amount in ((add_years, 8000), (add_years, -1404), (add_months, -1404 * 12)):
        with pytest.raises(InvalidDate) as caught:
            function(jdate(1404, 1, 1), amount)
        assert caught.value.code == "year_out_of_range"
    bad_amounts: tuple[object, ...] = (1.0, True, "1", None)
    for function in (add_years, add_months):
        for bad in bad_amounts:
            with pytest.raises(InvalidDate) as caught:
                function(jdate(1404, 1, 1), bad)  # type: ignore[arg-type]
            assert caught.value.code == "type"
        with pytest.raises(InvalidDate) as caught:
            function("1404/01/01", 1)
        assert caught.value.code == "type"
        assert "parse_date" in str(caught.value)


@given(supported_dates, st.integers(-2000, 2000))
def test_add_months_keeps_the_day_or_clamps(day: date, months: int) -> None:
    year, month, day_of_month = jalali_ymd(day)
    result = _outcome(add_months, day, months)
    if isinstance(result, InvalidDate):
        assert result.code == "year_out_of_range"
        return
    new_year, new_month, new_day = jalali_ymd(result)
    assert (new_year * 12 + new_month) - (year * 12 + month) == months
    assert new_day == min(day_of_month, month_length(new_year, new_month))


# --- full years -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ((1403, 12, 30), (1404, 12, 28), 0),
        ((1403, 12, 30), (1404, 12, 29), 1),
        ((1403, 12, 30), (1405, 1, 1), 1),
        ((1403, 12, 30), (1407, 12, 29), 4),
        ((1403, 12, 30), (1408, 12, 29), 4),
        ((1403, 12, 30), (1408, 12, 30), 5),
        ((1370, 5, 10), (1404, 5, 9), 33),
        ((1370, 5, 10), (1404, 5, 10), 34),
        ((1370, 5, 10), (1404, 4, 31), 33),
        ((1404, 9, 4), (1404, 9, 4), 0),
        ((1404, 1, 1), (1404, 12, 29), 0),
        ((1404, 1, 1), (1405, 1, 1), 1),
        ((1, 1, 1), (9377, 12, 30), 9376),
    ],
)
def test_full_years(start: tuple[int, int, int], end: tuple[int, int, int], expected: int) -> None:
    assert full_years(jdate(*start), jdate(*end)) == expected
    assert full_years(jdatetime.date(*start), jdate(*end)) == expected


def test_full_years_order_and_types() -> None:
    with pytest.raises(InvalidDate) as caught:
        full_years(jdate(1404, 9, 5), jdate(1404, 9, 4))
    assert (caught.value.code, caught.value.field) == ("order", "end")
    with pytest.raises(InvalidDate) as caught:
        full_years(jdate(1404, 9, 5), None)
    assert (caught.value.code, caught.value.field) == ("type", "end")


@given(supported_dates, supported_dates)
def test_full_years_is_the_last_anniversary(first: date, second: date) -> None:
    start, end = min(first, second), max(first, second)
    years = full_years(start, end)
    assert add_years(start, years) <= end
    if years < calendar.MAX_YEAR - jalali_ymd(start)[0]:
        assert add_years(start, years + 1) > end


# --- today ------------------------------------------------------------------------------------


def test_today_is_iran_time() -> None:
    assert IRAN_TZ.utcoffset(None) == timedelta(hours=3, minutes=30)
    before = datetime.now(IRAN_TZ).date()
    result = today()
    assert type(result) is date
    assert before <= result <= datetime.now(IRAN_TZ).date()


def test_today_agrees_with_the_tz_database() -> None:
    zoneinfo = pytest.importorskip("zoneinfo")
    try:
        tehran = zoneinfo.ZoneInfo("Asia/Tehran")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no tz database")
    now = datetime.now(UTC)
    assert now.astimezone(tehran).utcoffset() == now.astimezone(IRAN_TZ).utcoffset()


# --- parsing ----------------------------------------------------------------------------------

AZAR_4 = date(2025, 11, 25)


@pytest.mark.parametrize(
    "text",
    [
        "1404/09/04",
        "1404/9/4",
        "۱۴۰۴/۹/۴",
        "۱۴۰۴/۰۹/۰۴",
        "١٤٠٤/٠٩/٠٤",
        "1404-09-04",
        "1404.09.04",
        "1404 / 09 / 04",
        "\u200f۱۴۰۴/۰۹/۰۴\u200f",
        "14040904",
        "۴ آذر ۱۴۰۴",
        "4 آذر 1404",
        "۴ آذرماه ۱۴۰۴",
        "۴ آذر ماه ۱۴۰۴",
        "۴ اذر ۱۴۰۴",
        "  ۴   آذر\u200c ۱۴۰۴ ",
        "سه‌شنبه ۴ آذر ۱۴۰۴",
        "سه شنبه، ۴ آذر ۱۴۰۴",
        "4 Azar 1404",
        "4 AZAR 1404",
        "Azar 4, 1404",
        "Tuesday, Azar 4, 1404",
        "tue 4 azar 1404",
        "2025-11-25",
        "2025/11/25",
        "20251125",
        "2025-11-25T14:30",
        "2025-11-25T14:30:59.123456",
        "2025-11-25 00:00:00",
        "۱۴۰۴/۰۹/۰۴ ۱۴:۳۰",
        "۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰",
        "سه‌شنبه ۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰:۰۵",
    ],
)
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == AZAR_4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4 ارديبهشت 1404", jdate(1404, 2, 4)),
        ("۴ اردی‌بهشت ۱۴۰۴", jdate(1404, 2, 4)),
        ("4 Ordibehesht 1404", jdate(1404, 2, 4)),
        ("10 Amordad 1404", jdate(1404, 5, 10)),
        ("10 امرداد 1404", jdate(1404, 5, 10)),
        ("10 Mordad 1404", jdate(1404, 5, 10)),
        ("1 Dei 1404", jdate(1404, 10, 1)),
        ("1 Dey 1404", jdate(1404, 10, 1)),
        ("30 Esfand 1403", jdate(1403, 12, 30)),
        ("31 Shahrivar 1404", jdate(1404, 6, 31)),
        ("1 Farvardin 1404", date(2025, 3, 21)),
        ("1 Khordad 1404", jdate(1404, 3, 1)),
        ("1 Tir 1404", jdate(1404, 4, 1)),
        ("1 Mehr 1404", jdate(1404, 7, 1)),
        ("1 Aban 1404", jdate(1404, 8, 1)),
        ("1 Bahman 1404", jdate(1404, 11, 1)),
        ("1699/12/29", jdate(1699, 12, 29)),
        ("1700-01-01", date(1700, 1, 1)),
        ("2024-02-29", date(2024, 2, 29)),
        ("0622-03-21", jdate(622, 3, 21)),
        ("9999-03-20", date(9999, 3, 20)),
    ],
)
def test_parse_date_more(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "code", "named"),
    [
        ("", "empty", "empty"),
        ("  \u200c \t", "empty", "empty"),
        ("hello", "format", "'hello'"),
        ("۱۴۰۴", "format", "'۱۴۰۴'"),
        ("1404/09", "format", "'1404/09'"),
        ("1404/09/04/01", "format", "'1404/09/04/01'"),
        ("1404/09-04", "format", "'1404/09-04'"),
        ("14040/09/04", "format", "'14040/09/04'"),
        ("1404/009/04", "format", "'1404/009/04'"),
        ("04/09/1404", "format", "year first"),
        ("25/11/2025", "format", "year first"),
        ("98/01/05", "short_year", "'98'"),
        ("404/01/05", "short_year", "'404'"),
        ("۴ آذر ۹۸", "short_year", "'98'"),
        ("1404/13/01", "month_out_of_range", "13"),
        ("2025-13-01", "month_out_of_range", "13"),
        ("1404/00/10", "month_out_of_range", "0"),
        ("1404/09/32", "day_out_of_range", "1404/09/32"),
        ("1404/07/31", "day_out_of_range", "1404/07/31"),
        ("1404/12/30", "day_out_of_range", "1404/12/30"),
        ("1404/09/00", "day_out_of_range", "1404/09/00"),
        ("2025-02-29", "day_out_of_range", "2025-02-29"),
        ("۳۲ آذر ۱۴۰۴", "day_out_of_range", "1404/09/32"),
        ("0000/01/01", "year_out_of_range", "0"),
        ("9999-12-31", "year_out_of_range", "9999-12-31"),
        ("4 November 2025", "unknown_month", "'november'"),
        ("۴ آذز ۱۴۰۴", "unknown_month", "'آذز'"),
        ("تاریخ ۴ آذر ۱۴۰۴", "unknown_weekday", "'تاریخ'"),
        ("دوشنبه ۴ آذر ۱۴۰۴", "weekday_mismatch", "Tuesday"),
        ("4 آذر 2025", "calendar_mismatch", "2025"),
        ("2025-11-24T20:30:00Z", "timezone", "offset"),
        ("2025-11-25T14:30:00+03:30", "timezone", "offset"),
        ("1404/09/04 25:00", "time_out_of_range", "25:00"),
        ("1404/09/04 12:60", "time_out_of_range", "12:60"),
        ("1404/09/04 12:3", "format", "'1404/09/04 12:3'"),
        ("۱۴۰۴/۰۹/۰۴ و ۵", "format", "'۱۴۰۴/۰۹/۰۴ و ۵'"),
        ("1404/۰۹/04 abc", "format", "abc"),
        ("x" * 10_000, "too_long", "10000 characters"),
    ],
)
def test_parse_date_errors(text: str, code: str, named: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date(text)
    assert caught.value.code == code
    assert named in str(caught.value)
    assert caught.value.message_fa
    assert len(str(caught.value)) < 400


@pytest.mark.parametrize("value", [None, 1404, 14040904, 1404.9, b"1404/09/04", AZAR_4])
def test_parse_date_types(value: object) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_date(value)  # type: ignore[arg-type]
    assert caught.value.code == "type"
    assert type(value).__name__ in str(caught.value)


@given(st.text(max_size=300))
def test_parse_date_any_text(text: str) -> None:
    result = _outcome(parse_date, text)
    if isinstance(result, InvalidDate):
        assert result.code
        assert result.message_fa
    else:
        assert FIRST_DAY <= result <= LAST_DAY


@given(
    st.text(
        alphabet="0123456789۰۱۲۳۴۵۶۷۸۹٠٩/-.:,، TtZz+آذرمهدیاسفندشنبهسه\u200c\u200fيكAazrtue",
        max_size=40,
    )
)
def test_parse_date_date_like_text(text: str) -> None:
    result = _outcome(parse_date, text)
    assert isinstance(result, date) or result.code


@given(supported_dates)
def test_parse_iso_and_jalali_numbers(day: date) -> None:
    year, month, day_of_month = jalali_ymd(day)
    if day.year >= 1700:
        assert parse_date(day.isoformat()) == day
    if year < 1700:
        assert parse_date(f"{year:04d}/{month}/{day_of_month}") == day


# --- imports ----------------------------------------------------------------------------------


@pytest.mark.parametrize("module", ["maskan.calendar", "maskan.persian.dates", "maskan.persian"])
def test_imports_without_cycle_or_babel(module: str) -> None:
    code = (
        f"import sys, {module}, maskan.calendar, maskan.persian.dates;"
        " assert 'babel' not in sys.modules, 'babel imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
