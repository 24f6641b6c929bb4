"""Money in Persian: three styles, three units, and reading every one back."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidAmount
from maskan.money import Rial
from maskan.persian import format_money, parse_money

LRM_MINUS = "\u200e−"


@pytest.mark.parametrize(
    ("rials", "unit", "style", "expected"),
    [
        (2_500_000_000, "rial", "digits", "۲٬۵۰۰٬۰۰۰٬۰۰۰ ریال"),
        (2_500_000_000, "toman", "digits", "۲۵۰٬۰۰۰٬۰۰۰ تومان"),
        (2_500_000_000, "toman", "compact", "۲۵۰ میلیون تومان"),
        (2_500_000_000, "toman", "words", "دویست و پنجاه میلیون تومان"),
        (8_590_000_000_000, "rial", "compact", "۸ هزار و ۵۹۰ میلیارد ریال"),
        (27_700_000_000_000, "rial", "compact", "۲۷ هزار و ۷۰۰ میلیارد ریال"),
        (2_345_678, "rial", "compact", "۲ میلیون و ۳۴۵ هزار و ۶۷۸ ریال"),
        (5_500_000_000, "toman", "compact", "۵۵۰ میلیون تومان"),
        (0, "rial", "compact", "۰ ریال"),
        (0, "toman", "words", "صفر تومان"),
        (125, "toman", "digits", "۱۲٫۵ تومان"),
        (1_000_005, "toman", "compact", "۱۰۰٬۰۰۰٫۵ تومان"),
        (25, "toman", "words", "دو و پنج دهم تومان"),
        (-50_000, "new_rial", "digits", LRM_MINUS + "۵ ریال جدید"),
        (-2_500_000_000, "toman", "compact", "منفی ۲۵۰ میلیون تومان"),
        (25_000, "new_rial", "compact", "۲٫۵ ریال جدید"),
        (7 * 10**16, "toman", "compact", "۷ میلیون میلیارد تومان"),
        (10**23, "rial", "compact", "۱۰۰ هزار کوینتیلیون ریال"),
    ],
)
def test_format_money(rials: int, unit: str, style: str, expected: str) -> None:
    assert format_money(Rial(rials), unit=unit, style=style) == expected  # type: ignore[arg-type]
    assert parse_money(expected) == Rial(rials)


def test_int_is_read_as_rials() -> None:
    assert format_money(1_500_000, unit="toman", style="compact") == "۱۵۰ هزار تومان"


@pytest.mark.parametrize(
    ("text", "rials"),
    [
        ("۲۵۰ میلیون تومن", 2_500_000_000),
        ("250 میلیون تومان", 2_500_000_000),
        ("٢٥٠ ميليون تومان", 2_500_000_000),
        ("۲٬۵۰۰٬۰۰۰٬۰۰۰ ریال", 2_500_000_000),
        ("2,500,000,000", 2_500_000_000),
        ("2,500,000 toman", 25_000_000),
        ("IRR 1,000", 1_000),
        ("1000 IRT", 10_000),
        ("۱٫۵ میلیون تومان", 15_000_000),
        ("یک و نیم", None),
        ("۵ ریال جدید", 50_000),
        ("پنج هزار ریال", 5_000),
        ("هزار میلیارد تومان", 10**13),
        ("  ۳۰۰‌هزار   تومان ", 3_000_000),
        ("۱۲٫۵ تومان", 125),
    ],
)
def test_parse_money(text: str, rials: int | None) -> None:
    if rials is None:
        with pytest.raises(InvalidAmount):
            parse_money(text)
    else:
        assert parse_money(text) == Rial(rials)


def test_default_unit() -> None:
    assert parse_money("۲۵۰ میلیون", default_unit="toman") == Rial(2_500_000_000)
    assert parse_money("۲۵۰ میلیون") == Rial(250_000_000)
    assert parse_money("۲۵۰ ریال", default_unit="toman") == Rial(250)
    assert Rial.parse("۲۵۰ میلیون", default_unit="toman") == Rial(2_500_000_000)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("تومان", "empty"),
        ("   ", "empty"),
        ("ده سیب", "unknown_word"),
        ("۱٫۲۳ تومان", "fraction"),
        ("0.5", "fraction"),
        ("1,2,3", "syntax"),
        ("x" * 5_000, "too_long"),
        ("۱۰۰ سکستیلیون تومان", "out_of_range"),
    ],
)
def test_parse_money_rejects_bad_text(text: str, code: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        parse_money(text)
    assert caught.value.code == code
    assert caught.value.field in {"text", "amount"}
    assert caught.value.message_fa


@pytest.mark.parametrize("bad", [None, 100, 1.5, b"100"])
def test_parse_money_rejects_wrong_types(bad: object) -> None:
    with pytest.raises(InvalidAmount, match="takes a str"):
        parse_money(bad)  # type: ignore[arg-type]


def test_bad_options_and_amounts() -> None:
    with pytest.raises(InvalidAmount, match="unit: 'dollar'"):
        format_money(Rial(1), unit="dollar")  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount, match="style: 'short'"):
        format_money(Rial(1), style="short")  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount, match="default_unit"):
        parse_money("1", default_unit="dollar")  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount, match="float"):
        format_money(1.5)  # type: ignore[arg-type]


_AMOUNTS = st.integers(min_value=-(10**24) + 1, max_value=10**24 - 1).map(Rial)
_REALISTIC = st.integers(min_value=0, max_value=10**16).map(lambda n: Rial(n * 10_000))


@given(
    st.one_of(_AMOUNTS, _REALISTIC),
    st.sampled_from(["rial", "toman", "new_rial"]),
    st.sampled_from(["digits", "compact", "words"]),
)
def test_every_style_round_trips(amount: Rial, unit: str, style: str) -> None:
    text = format_money(amount, unit=unit, style=style)  # type: ignore[arg-type]
    assert parse_money(text) == amount


@given(st.text(max_size=40))
def test_parse_money_raises_only_invalid_amount(text: str) -> None:
    with contextlib.suppress(InvalidAmount):
        parse_money(text)


def test_toman_view_is_exact() -> None:
    assert Rial(125).toman == Decimal("12.5")
    assert Rial(2_500_000_000).in_unit("toman") == 250_000_000
