"""Jalali dates written in Persian, and read back."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import jdatetime  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.calendar import jdate, parse_date
from maskan.errors import InvalidDate
from maskan.persian.dates import format_date, format_datetime

AZAR_4 = date(2025, 11, 25)  # a Tuesday
STYLES = ("long", "short", "full")
DIGITS = ("persian", "latin")
# parse_date reads a four-digit year below 1700 as Jalali: that is the round-trip range.
round_trip_dates = st.dates(min_value=date(622, 3, 21), max_value=jdate(1699, 12, 29))


@pytest.mark.parametrize(
    ("style", "digits", "expected"),
    [
        ("long", "persian", "۴ آذر ۱۴۰۴"),
        ("short", "persian", "۱۴۰۴/۰۹/۰۴"),
        ("full", "persian", "سه\u200cشنبه ۴ آذر ۱۴۰۴"),
        ("long", "latin", "4 آذر 1404"),
        ("short", "latin", "1404/09/04"),
        ("full", "latin", "سه\u200cشنبه 4 آذر 1404"),
    ],
)
def test_styles(style: str, digits: str, expected: str) -> None:
    assert format_date(AZAR_4, style=style, digits=digits) == expected  # type: ignore[arg-type]


def test_default_is_long_persian() -> None:
    assert format_date(AZAR_4) == "۴ آذر ۱۴۰۴"


@pytest.mark.parametrize(
    "value",
    [
        AZAR_4,
        datetime(2025, 11, 25, 23, 59),
        datetime(2025, 11, 25, 1, tzinfo=timezone(timedelta(hours=-8))),
        jdatetime.date(1404, 9, 4),
        jdatetime.datetime(1404, 9, 4, 14, 30),
        jdatetime.date(1404, 9, 4, locale="fa_IR"),
    ],
)
def test_inputs(value: object) -> None:
    assert format_date(value) == "۴ آذر ۱۴۰۴"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (jdate(1403, 12, 30), "۳۰ اسفند ۱۴۰۳"),
        (jdate(1404, 1, 1), "۱ فروردین ۱۴۰۴"),
        (jdate(1404, 10, 18), "۱۸ دی ۱۴۰۴"),
        (jdate(1357, 11, 22), "۲۲ بهمن ۱۳۵۷"),
        (jdate(404, 2, 3), "۳ اردیبهشت ۰۴۰۴"),
        (jdate(9377, 12, 30), "۳۰ اسفند ۹۳۷۷"),
    ],
)
def test_long_vectors(value: date, expected: str) -> None:
    assert format_date(value) == expected


def test_weekday_names_are_cldr_fa() -> None:
    babel_dates = pytest.importorskip("babel.dates")
    names = babel_dates.get_day_names(locale="fa")  # 0 is Monday
    for offset in range(7):
        day = AZAR_4 + timedelta(days=offset)
        weekday = format_date(day, style="full").split(" ")[0]
        assert weekday == names[day.weekday()]


def test_full_week() -> None:
    week = [format_date(jdate(1404, 9, day), style="full") for day in range(1, 8)]
    assert week == [
        "شنبه ۱ آذر ۱۴۰۴",
        "یکشنبه ۲ آذر ۱۴۰۴",
        "دوشنبه ۳ آذر ۱۴۰۴",
        "سه\u200cشنبه ۴ آذر ۱۴۰۴",
        "چهارشنبه ۵ آذر ۱۴۰۴",
        "پنجشنبه ۶ آذر ۱۴۰۴",
        "جمعه ۷ آذر ۱۴۰۴",
    ]


@pytest.mark.parametrize("value", [None, "1404/09/04", 1404, 1.5, (1404, 9, 4)])
def test_format_date_refuses_other_types(value: object) -> None:
    with pytest.raises(InvalidDate) as caught:
        format_date(value)
    assert caught.value.code == "type"
    assert caught.value.field == "value"


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"style": "medium"}, "style"),
        ({"style": None}, "style"),
        ({"digits": "arabic"}, "digits"),
        ({"digits": ["persian"]}, "digits"),
    ],
)
def test_bad_options(options: dict[str, object], field: str) -> None:
    for function, value in ((format_date, AZAR_4), (format_datetime, datetime(2025, 11, 25))):
        with pytest.raises(InvalidDate) as caught:
            function(value, **options)  # type: ignore[arg-type]
        assert (caught.value.code, caught.value.field) == ("option", field)
        assert repr(options[field]) in str(caught.value)


def test_out_of_range_date() -> None:
    with pytest.raises(InvalidDate) as caught:
        format_date(date(9999, 12, 31))
    assert caught.value.code == "year_out_of_range"


# --- date and time ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "style", "digits", "expected"),
    [
        (datetime(2025, 11, 25, 14, 30), "long", "persian", "۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰"),
        (
            datetime(2025, 11, 25, 14, 30, 5),
            "full",
            "persian",
            "سه\u200cشنبه ۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰:۰۵",
        ),
        (datetime(2025, 11, 25, 14, 30), "short", "persian", "۱۴۰۴/۰۹/۰۴ ۱۴:۳۰"),
        (datetime(2025, 11, 25, 9, 5), "long", "persian", "۴ آذر ۱۴۰۴، ساعت ۹:۰۵"),
        (datetime(2025, 11, 25, 9, 5), "short", "persian", "۱۴۰۴/۰۹/۰۴ ۰۹:۰۵"),
        (
            datetime(2025, 11, 25, 0, 0, 0, 999_999),
            "full",
            "latin",
            "سه\u200cشنبه 4 آذر 1404، ساعت 0:00:00",
        ),
        (datetime(2025, 11, 25, 23, 59), "short", "latin", "1404/09/04 23:59"),
        (jdatetime.datetime(1404, 9, 4, 14, 30), "long", "persian", "۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰"),
    ],
)
def test_format_datetime(value: datetime, style: str, digits: str, expected: str) -> None:
    assert format_datetime(value, style=style, digits=digits) == expected  # type: ignore[arg-type]


def test_format_datetime_keeps_the_wall_clock() -> None:
    pacific = datetime(2025, 11, 25, 14, 30, tzinfo=timezone(timedelta(hours=-8)))
    assert format_datetime(pacific) == "۴ آذر ۱۴۰۴، ساعت ۱۴:۳۰"


@pytest.mark.parametrize("value", [AZAR_4, jdatetime.date(1404, 9, 4)])
def test_format_datetime_refuses_dates(value: object) -> None:
    with pytest.raises(InvalidDate) as caught:
        format_datetime(value)
    assert caught.value.code == "type"
    assert "format_date" in str(caught.value)


@pytest.mark.parametrize("value", [None, "2025-11-25T14:30", 1.5])
def test_format_datetime_refuses_other_types(value: object) -> None:
    with pytest.raises(InvalidDate) as caught:
        format_datetime(value)
    assert caught.value.code == "type"


# --- round trips ------------------------------------------------------------------------------


@given(round_trip_dates, st.sampled_from(STYLES), st.sampled_from(DIGITS))
def test_parse_reads_what_format_writes(day: date, style: str, digits: str) -> None:
    assert parse_date(format_date(day, style=style, digits=digits)) == day  # type: ignore[arg-type]


@given(
    st.datetimes(
        min_value=datetime(622, 3, 21),
        max_value=datetime.combine(jdate(1699, 12, 29), datetime.max.time()),
    ),
    st.sampled_from(STYLES),
    st.sampled_from(DIGITS),
)
def test_parse_reads_what_format_datetime_writes(moment: datetime, style: str, digits: str) -> None:
    text = format_datetime(moment, style=style, digits=digits)  # type: ignore[arg-type]
    assert parse_date(text) == moment.date()


def test_round_trip_every_style_on_edge_days() -> None:
    for day in (jdate(1, 1, 1), jdate(999, 12, 30), jdate(1403, 12, 30), jdate(1699, 12, 29)):
        for style in STYLES:
            for digits in DIGITS:
                text = format_date(day, style=style, digits=digits)  # type: ignore[arg-type]
                assert parse_date(text) == day
