"""Sheba: the DOMAIN.md §6.6 vector, input forms, the bank, and ISO 7064 mod 97-10."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidSheba
from maskan.identifiers import banks, sheba

PARSIAN = "IR820540102680020817909002"  # DOMAIN §6.6


def passes(code: str) -> bool:
    """DOMAIN §6.6 spelled out: IR and the check digits to the end, I = 18, R = 27."""
    moved = code[4:] + code[:4]
    numeric = "".join(str(ord(char) - ord("A") + 10) if char.isalpha() else char for char in moved)
    return int(numeric) % 97 == 1


def build(rest: str) -> str:
    """A Sheba number for the 22 digits ``rest``: the check digits are the one pair from
    02 to 98 that passes."""
    (number,) = [f"IR{check:02d}{rest}" for check in range(2, 99) if passes(f"IR{check:02d}{rest}")]
    return number


rests = st.text(alphabet="0123456789", min_size=22, max_size=22)
valid_shebas = rests.map(build)


def test_published_vector() -> None:
    assert passes(PARSIAN)
    assert sheba.validate(PARSIAN) == PARSIAN
    bank = sheba.bank(PARSIAN)
    assert bank is not None
    assert bank.name_en == "Parsian"


@pytest.mark.parametrize(
    "text",
    [
        "IR82 0540 1026 8002 0817 9090 02",
        "ir820540102680020817909002",
        "Ir82-0540-1026-8002-0817-9090-02",
        "IR۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲",
        "ir٨٢٠٥٤٠١٠٢٦٨٠٠٢٠٨١٧٩٠٩٠٠٢",
        "\u200eIR82\u00a00540\u00a01026 8002 0817 9090 02\u200f",
        "820540102680020817909002",
        "۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲",
    ],
)
def test_input_forms(text: str) -> None:
    assert sheba.validate(text) == PARSIAN
    assert sheba.format(text) == "IR82 0540 1026 8002 0817 9090 02"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("DE89370400440532013000", "country"),
        ("de89 3704 0044 0532 0130 00", "country"),
        ("IR82054010268002081790900", "length"),
        ("IR8205401026800208179090021", "length"),
        ("IR", "length"),
        ("82054010268002081790900", "length"),
        ("IR82054010268002081790900X", "format"),
        ("I820540102680020817909002", "format"),
        ("!R820540102680020817909002", "format"),
        ("IR830540102680020817909002", "checksum"),
        # 00, 01 and 99 equal 97, 98 and 02 modulo 97, but check digits run from 02 to 98.
        ("IR000000000000000000000009", "checksum"),
        ("IR010000000000000000000088", "checksum"),
        ("IR990000000000000000000070", "checksum"),
    ],
)
def test_rejections(text: str, code: str) -> None:
    with pytest.raises(InvalidSheba) as caught:
        sheba.validate(text)
    assert caught.value.code == code
    assert str(caught.value).startswith("sheba: ")
    assert caught.value.message_fa.startswith("شماره شبا: ")


@pytest.mark.parametrize("bank", banks.BANKS, ids=lambda bank: bank.name_en)
def test_every_bank_code(bank: banks.Bank) -> None:
    for code in bank.sheba_codes:
        number = build(code + "0" * 19)
        assert sheba.bank(number) is bank


def test_maskan_and_cooperative_development_bank() -> None:
    maskan = sheba.bank(build("014" + "1234567890123456789"))
    assert maskan is not None
    assert (maskan.name_en, maskan.name_fa) == ("Maskan", "بانک مسکن")
    taavon = sheba.bank(build("022" + "1234567890123456789"))
    assert taavon is not None
    assert taavon.name_fa == "بانک توسعه تعاون"
    assert "Cooperative Development Bank" in taavon.name_en


def test_unknown_bank_code_is_still_valid() -> None:
    number = build("099" + "1234567890123456789")
    assert sheba.is_valid(number)
    assert sheba.bank(number) is None


def test_calc_check_digits() -> None:
    assert sheba.calc_check_digits("0540102680020817909002") == "82"
    # The twins of the refused 00, 01 and 99 above.
    assert sheba.is_valid("IR970000000000000000000009")
    assert sheba.is_valid("IR980000000000000000000088")
    assert sheba.is_valid("IR020000000000000000000070")
    with pytest.raises(InvalidSheba) as caught:
        sheba.calc_check_digits("054010268002081790900")
    assert caught.value.code == "length"


@given(rests)
def test_every_number_built_with_its_check_digits_validates(rest: str) -> None:
    number = build(rest)
    assert sheba.calc_check_digits(rest) == number[2:4]
    assert sheba.validate(number) == number


@given(valid_shebas, st.integers(2, 25), st.integers(1, 9))
def test_every_single_digit_change_is_caught(number: str, position: int, shift: int) -> None:
    digit = str((int(number[position]) + shift) % 10)
    changed = number[:position] + digit + number[position + 1 :]
    with pytest.raises(InvalidSheba) as caught:
        sheba.validate(changed)
    assert caught.value.code == "checksum"


@given(valid_shebas, st.integers(0, 24))
def test_every_adjacent_swap_is_caught(number: str, position: int) -> None:
    if number[position] == number[position + 1]:
        return
    swapped = number[:position] + number[position + 1] + number[position] + number[position + 2 :]
    assert not sheba.is_valid(swapped)


def test_swaps_across_the_check_digits_are_caught_exhaustively() -> None:
    # The check digits move to the far end before dividing: swapping the second check
    # digit with the first bank-code digit changes the number by (a - b)(10²⁹ - 1), which
    # 97 never divides.
    assert pow(10, 29, 97) != 1
    for a in "0123456789":
        for b in "0123456789":
            if a != b:
                number = build(a + "0" * 21)
                if number[3] != number[4]:
                    swapped = number[:3] + number[4] + number[3] + number[5:]
                    assert not sheba.is_valid(swapped)
