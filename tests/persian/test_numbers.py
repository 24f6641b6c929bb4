"""Numbers with Persian digits and CLDR separators, and reading them back."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidNumber
from maskan.persian import format_number, format_percent, parse_number

LRM_MINUS = "\u200e−"


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (1234567, {}, "۱٬۲۳۴٬۵۶۷"),
        (1234567890, {}, "۱٬۲۳۴٬۵۶۷٬۸۹۰"),
        (0, {}, "۰"),
        (999, {}, "۹۹۹"),
        (Decimal("12.5"), {}, "۱۲٫۵"),
        (Decimal("12.50"), {}, "۱۲٫۵"),
        (Decimal("1E+3"), {}, "۱٬۰۰۰"),
        (1234.5, {"digits": "latin"}, "1,234.5"),
        (0.1, {}, "۰٫۱"),
        (1404, {"grouping": False}, "۱۴۰۴"),
        (-12, {}, LRM_MINUS + "۱۲"),
        (-1234, {"digits": "latin"}, LRM_MINUS + "1,234"),
        (Decimal("-0.0"), {}, "۰"),
    ],
)
def test_format_number(
    value: int | Decimal | float, options: dict[str, object], expected: str
) -> None:
    assert format_number(value, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "options", "expected"),
    [
        (Decimal("0.65"), {}, "۶۵٪"),
        (1, {}, "۱۰۰٪"),
        (Decimal("0.12345"), {"decimals": 1}, "۱۲٫۳٪"),
        (Decimal("0.125"), {}, "۱۲٪"),
        (Decimal("0.135"), {}, "۱۴٪"),
        (Decimal("-0.05"), {}, LRM_MINUS + "۵٪"),
        (0.65, {"digits": "latin"}, "65%"),
        (12, {}, "۱٬۲۰۰٪"),
        (Fraction(2, 3), {"decimals": 2}, "۶۶٫۶۷٪"),
        (Fraction(1, 8), {}, "۱۲٪"),  # 12.5 exactly: half to even
        (Fraction(27, 200), {}, "۱۴٪"),  # 13.5 exactly
        # just above a half: a decimal approximation would round it down to the even 12
        (Fraction(125 * 10**30 + 1, 10**33), {}, "۱۳٪"),
        (Fraction(-1, 3), {"decimals": 1, "digits": "latin"}, LRM_MINUS + "33.3%"),
    ],
)
def test_format_percent(
    value: int | Decimal | float | Fraction, options: dict[str, object], expected: str
) -> None:
    assert format_percent(value, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱٬۲۳۴٬۵۶۷", 1234567),
        ("1,234,567", 1234567),
        ("١٢٣٤", 1234),
        ("۱۲٫۵", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("۱۲/۵", Decimal("12.5")),
        (".5", Decimal("0.5")),
        ("  ۴۲  ", 42),
        ("۶۵٪", Decimal("0.65")),
        ("65 %", Decimal("0.65")),
        ("۱۲٫۵٪", Decimal("0.125")),
        (LRM_MINUS + "۱۲", -12),
        ("-12", -12),
        ("+7", 7),
        ("۱" + "٬۰۰۰" * 7, 10**21),
    ],
)
def test_parse_number(text: str, expected: int | Decimal) -> None:
    result = parse_number(text)
    assert result == expected
    assert type(result) is type(expected)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "syntax"),
        ("۱۲ میلیون", "syntax"),
        ("1,23", "syntax"),
        ("12,3456", "syntax"),
        ("1.2.3", "syntax"),
        ("1//2", "syntax"),
        ("--1", "syntax"),
        ("1e5", "syntax"),
        ("nan", "syntax"),
        ("۱" * 2000, "too_long"),
    ],
)
def test_parse_number_rejects_bad_text(text: str, code: str) -> None:
    with pytest.raises(InvalidNumber) as caught:
        parse_number(text)
    assert caught.value.code == code
    assert caught.value.message.startswith("text: ")
    assert caught.value.message_fa


@pytest.mark.parametrize("bad", [None, 12, 1.5, b"1"])
def test_parse_number_rejects_wrong_types(bad: object) -> None:
    with pytest.raises(InvalidNumber, match="takes a str"):
        parse_number(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("12", "type"),
        (None, "type"),
        (True, "type"),
        (float("nan"), "not_finite"),
        (Decimal("Infinity"), "not_finite"),
        (10**100, "out_of_range"),
        (Decimal("1E+200"), "out_of_range"),
    ],
)
def test_format_number_rejects_bad_values(bad: object, code: str) -> None:
    with pytest.raises(InvalidNumber) as caught:
        format_number(bad)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_format_options_are_checked() -> None:
    with pytest.raises(InvalidNumber, match="digits: 'arabic'"):
        format_number(1, digits="arabic")  # type: ignore[arg-type]
    with pytest.raises(InvalidNumber, match="decimals"):
        format_percent(1, decimals=-1)
    with pytest.raises(InvalidNumber, match="too large"):
        format_percent(Decimal("1E+40"))


@given(st.integers(min_value=-(10**30), max_value=10**30), st.sampled_from(["persian", "latin"]))
def test_integers_round_trip(value: int, digits: str) -> None:
    for grouping in (True, False):
        assert parse_number(format_number(value, digits=digits, grouping=grouping)) == value  # type: ignore[arg-type]


@given(
    st.decimals(
        allow_nan=False, allow_infinity=False, places=6, min_value=-(10**12), max_value=10**12
    )
)
def test_decimals_round_trip(value: Decimal) -> None:
    assert parse_number(format_number(value)) == value


@given(st.text(max_size=50))
def test_parse_number_raises_only_maskan_errors(text: str) -> None:
    with contextlib.suppress(InvalidNumber):
        parse_number(text)
