"""Mobile numbers: the accepted forms, exact length, and the operator table of DOMAIN.md §6.5."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidMobile
from maskan.identifiers import mobile


@pytest.mark.parametrize(
    "text",
    [
        "09121234567",
        "9121234567",
        "+989121234567",
        "+98 912 123 4567",
        "+98 (0) 912 123 4567",
        "+98-912-123-4567",
        "00989121234567",
        "0098 912 123 4567",
        "989121234567",
        "98 0912 123 4567",
        "(0912) 123.4567",
        "۰۹۱۲۱۲۳۴۵۶۷",
        "+۹۸ ۹۱۲ ۱۲۳ ۴۵۶۷",
        "٠٩١٢١٢٣٤٥٦٧",
        "\u200e0912 123 4567\u200f",
    ],
)
def test_accepted_forms(text: str) -> None:
    assert mobile.validate(text) == "09121234567"
    assert mobile.format(text) == "0912 123 4567"


@given(st.text(alphabet="0123456789", min_size=9, max_size=9))
def test_every_09_number_validates_in_every_form(rest: str) -> None:
    canonical = "09" + rest
    for text in (canonical, "9" + rest, "+989" + rest, "00989" + rest, "989" + rest):
        assert mobile.validate(text) == canonical


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("0912123456", "length"),
        ("091212345678", "length"),
        ("912123456", "length"),
        ("+98912123456", "length"),
        ("+44 7911 123456", "country"),
        ("0044 7911 123456", "country"),
        ("+", "country"),
        ("02112345678", "prefix"),
        ("2112345678", "prefix"),
        ("+98 21 1234 5678", "prefix"),
        ("0912-123-456x", "format"),
        ("0912+1234567", "format"),
    ],
)
def test_rejections(text: str, code: str) -> None:
    with pytest.raises(InvalidMobile) as caught:
        mobile.validate(text)
    assert caught.value.code == code
    assert str(caught.value).startswith("mobile: ")


def test_ten_digits_starting_with_98_are_a_national_number() -> None:
    # Not +98: "98…" is a country code only with 12 or 13 digits.
    assert mobile.validate("9801234567") == "09801234567"


# DOMAIN §6.5, row by row.
OPERATORS = [
    (mobile.MCI, [f"091{d}" for d in range(10)] + [f"099{d}" for d in range(7)]),
    (
        mobile.IRANCELL,
        [f"090{d}" for d in range(6)]
        + ["0930", "0933"]
        + [f"093{d}" for d in range(5, 10)]
        + ["0941"],
    ),
    (mobile.RIGHTEL, ["0920", "0921", "0922", "0923"]),
    (mobile.TALIYA, ["0932"]),
    (mobile.TELEKISH, ["0934"]),
    (mobile.SHATEL_MOBILE, [f"09981{d}" for d in range(8)]),
    (mobile.APTEL, ["099910", "099911", "099913", "099914"]),
    (mobile.SAMANTEL, ["09999", "099999"]),
]


@pytest.mark.parametrize(
    ("operator", "prefixes"), OPERATORS, ids=lambda x: getattr(x, "name_en", "")
)
def test_operator_table(operator: mobile.Operator, prefixes: list[str]) -> None:
    for prefix in prefixes:
        number = (prefix + "1234567")[:11]
        assert mobile.operator(number) is operator, number


@pytest.mark.parametrize("number", ["09401234567", "09971234567", "09980123456", "09991234567"])
def test_unknown_prefix_is_a_valid_number_without_operator(number: str) -> None:
    assert mobile.is_valid(number)
    assert mobile.operator(number) is None


def test_operator_names() -> None:
    assert (mobile.MCI.name_en, mobile.MCI.name_fa) == ("MCI", "همراه اول")
    assert mobile.operator("+98 935 123 4567") is mobile.IRANCELL


def test_operator_of_an_invalid_number_raises() -> None:
    with pytest.raises(InvalidMobile):
        mobile.operator("0912")
