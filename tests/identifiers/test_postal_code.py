"""Postal code: the positional rule of DOMAIN.md §6.4, checked against its own regex."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidPostalCode
from maskan.identifiers import postal_code

# DOMAIN §6.4, verbatim.
RULE = re.compile(r"\b(?!(\d)\1{3})[13-9]{4}[1346-9][013-9]{5}\b")


@given(st.text(alphabet="0123456789", min_size=10, max_size=10))
def test_agrees_with_the_published_regex(code: str) -> None:
    assert postal_code.is_valid(code) == bool(RULE.fullmatch(code))


@given(
    st.text(alphabet="13456789", min_size=4, max_size=4).filter(lambda head: len(set(head)) > 1),
    st.sampled_from("1346789"),
    st.text(alphabet="013456789", min_size=5, max_size=5),
)
def test_every_code_that_fits_the_rule_validates(head: str, fifth: str, tail: str) -> None:
    code = head + fifth + tail
    assert postal_code.validate(code) == code
    assert postal_code.format(code) == f"{code[:5]}-{code[5:]}"


@pytest.mark.parametrize("text", ["8134879156", "81348-79156", "۸۱۳۴۸-۷۹۱۵۶", " ٨١٣٤٨ ٧٩١٥٦ "])
def test_input_forms(text: str) -> None:
    assert postal_code.validate(text) == "8134879156"
    assert postal_code.format(text) == "81348-79156"


@pytest.mark.parametrize(
    ("text", "code", "says"),
    [
        ("1234567890", "forbidden_digit", "a 2 in position 2"),
        ("0134567891", "forbidden_digit", "a 0 in position 1"),
        ("1314067891", "forbidden_digit", "a 0 in position 5"),
        ("1314567891", "forbidden_digit", "a 5 in position 5"),
        ("1314667892", "forbidden_digit", "a 2 in position 10"),
        ("3333679156", "repeated_digits", "four equal digits"),
        ("813487915", "length", "has 9 digits"),
        ("81348791561", "length", "has 11 digits"),
        ("81348-7915a", "format", "contains 'a'"),
    ],
)
def test_rejections(text: str, code: str, says: str) -> None:
    with pytest.raises(InvalidPostalCode) as caught:
        postal_code.validate(text)
    assert caught.value.code == code
    assert says in str(caught.value)
    assert caught.value.message_fa.startswith("کد پستی: ")


def test_zero_is_allowed_after_the_fifth_digit() -> None:
    assert postal_code.is_valid("8134800000")
