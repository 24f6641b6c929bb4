"""Bank cards: 16 digits and the Luhn check."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidBankCard
from maskan.identifiers import bank_card, banks

EXAMPLE = "6037991123456786"  # the format example with its Luhn digit


def luhn_passes(code: str) -> bool:
    """The Luhn check spelled out: from the right, double every second digit."""
    total = 0
    for index, char in enumerate(reversed(code)):
        digit = int(char) * (2 if index % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def with_check_digit(fifteen: str) -> str:
    (number,) = [fifteen + d for d in "0123456789" if luhn_passes(fifteen + d)]
    return number


fifteens = st.text(alphabet="0123456789", min_size=15, max_size=15)
valid_cards = fifteens.map(with_check_digit)


@pytest.mark.parametrize(
    "text", [EXAMPLE, "6037 9911 2345 6786", "6037-9911-2345-6786", "۶۰۳۷ ۹۹۱۱ ۲۳۴۵ ۶۷۸۶"]
)
def test_input_forms(text: str) -> None:
    assert bank_card.validate(text) == EXAMPLE
    assert bank_card.format(text) == "6037 9911 2345 6786"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("6037991123456789", "checksum"),
        ("603799112345678", "length"),
        ("60379911234567860", "length"),
        ("6037 9911 2345 678x", "format"),
    ],
)
def test_rejections(text: str, code: str) -> None:
    with pytest.raises(InvalidBankCard) as caught:
        bank_card.validate(text)
    assert caught.value.code == code


@given(fifteens)
def test_every_number_built_with_its_check_digit_validates(fifteen: str) -> None:
    number = with_check_digit(fifteen)
    assert bank_card.calc_check_digit(fifteen) == number[15]
    assert bank_card.validate(number) == number


@given(valid_cards, st.integers(0, 15), st.integers(1, 9))
def test_every_single_digit_change_is_caught(number: str, position: int, shift: int) -> None:
    digit = str((int(number[position]) + shift) % 10)
    assert not bank_card.is_valid(number[:position] + digit + number[position + 1 :])


@given(valid_cards, st.integers(0, 14))
def test_adjacent_swaps_are_caught_except_09_and_90(number: str, position: int) -> None:
    pair = number[position : position + 2]
    if pair[0] == pair[1]:
        return
    swapped = number[:position] + pair[::-1] + number[position + 2 :]
    assert bank_card.is_valid(swapped) == (pair in ("09", "90"))


@pytest.mark.parametrize(
    ("prefix", "name_en"),
    [
        ("628023", "Maskan"),
        ("502908", "Tose'e Ta'avon (Cooperative Development Bank)"),
        ("603799", "Melli"),  # the example card
    ],
)
def test_bank(prefix: str, name_en: str) -> None:
    number = with_check_digit(prefix + "123456789")
    bank = bank_card.bank(number)
    assert bank is not None
    assert bank.name_en == name_en
    assert bank_card.bank(bank_card.format(number)) is bank


def test_bank_of_example() -> None:
    bank = bank_card.bank(EXAMPLE)
    assert bank is not None
    assert bank.name_en == "Melli"


@given(fifteens)
def test_bank_is_the_prefix_lookup(fifteen: str) -> None:
    number = with_check_digit(fifteen)
    assert bank_card.bank(number) is banks.by_card_prefix(number[:6])


def test_unknown_prefix_is_none_and_still_valid() -> None:
    number = with_check_digit("123456123456789")
    assert banks.by_card_prefix("123456") is None
    assert bank_card.is_valid(number)
    assert bank_card.bank(number) is None


def test_bank_rejects_invalid_numbers() -> None:
    with pytest.raises(InvalidBankCard):
        bank_card.bank("6037991123456789")
