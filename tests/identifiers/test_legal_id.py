"""Legal-entity ID: DOMAIN.md §6.3 vectors and the checksum's exact limits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidLegalId
from maskan.identifiers import legal_id

VALID = ["10380284790", "10100387143", "14011517510"]  # the last is a housing cooperative
INVALID = ["84735069516", "11111111111"]
WEIGHTS = (29, 27, 23, 19, 17)


def total(code: str) -> int:
    """Steps 2 and 3 of DOMAIN §6.3, written out plainly."""
    c = int(code[9]) + 2
    return sum((int(code[i]) + c) * WEIGHTS[i % 5] for i in range(10))


def check_digit(ten: str) -> str:
    """Step 4 of DOMAIN §6.3."""
    r = total(ten) % 11
    return str(0 if r == 10 else r)


tens = st.text(alphabet="0123456789", min_size=10, max_size=10)
valid_ids = tens.map(lambda ten: ten + check_digit(ten)).filter(lambda code: len(set(code)) > 1)


@pytest.mark.parametrize("code", VALID)
def test_published_valid_numbers(code: str) -> None:
    assert legal_id.validate(code) == code
    assert legal_id.format(code) == code


@pytest.mark.parametrize("code", INVALID)
def test_published_invalid_numbers(code: str) -> None:
    assert not legal_id.is_valid(code)
    with pytest.raises(InvalidLegalId) as caught:
        legal_id.validate(code)
    assert caught.value.code == "checksum"


def test_persian_digits_and_separators() -> None:
    assert legal_id.validate("۱۴۰۱۱-۵۱۷-۵۱۰") == "14011517510"
    assert legal_id.validate(" 1401 1517 510 ") == "14011517510"


def test_ten_digits_are_not_padded() -> None:
    # A personal national ID (DOMAIN §6.1) typed into the wrong field would pass if padded.
    padded = "0" + "0790419904"
    assert padded[10] == check_digit(padded[:10])
    with pytest.raises(InvalidLegalId) as caught:
        legal_id.validate("0790419904")
    assert caught.value.code == "length"
    assert "national ID" in str(caught.value)


@pytest.mark.parametrize("text", ["1038028479", "103802847901", "1"])
def test_wrong_lengths(text: str) -> None:
    with pytest.raises(InvalidLegalId) as caught:
        legal_id.validate(text)
    assert caught.value.code == "length"


def test_the_only_repeated_digit_number_that_passes() -> None:
    passing = [digit * 11 for digit in "0123456789" if check_digit(digit * 10) == digit]
    assert passing == ["33333333333"]
    with pytest.raises(InvalidLegalId) as caught:
        legal_id.validate("33333333333")
    assert caught.value.code == "repeated_digits"
    assert legal_id.validate("33333333333", allow_repeated=True) == "33333333333"


def test_calc_check_digit() -> None:
    assert legal_id.calc_check_digit("1401151751") == "0"
    with pytest.raises(InvalidLegalId) as caught:
        legal_id.calc_check_digit("14011517510")
    assert caught.value.code == "length"


@given(tens)
def test_every_number_built_with_its_check_digit_validates(ten: str) -> None:
    code = ten + check_digit(ten)
    assert legal_id.calc_check_digit(ten) == code[10]
    if len(set(code)) == 1:
        assert code == "33333333333"
        assert legal_id.validate(code, allow_repeated=True) == code
    else:
        assert legal_id.validate(code) == code


# Remainders 0 and 10 share check digit 0 (see the module documentation), so a mistake goes
# unnoticed only when one of the two numbers has remainder 10.


@given(valid_ids, st.integers(0, 10), st.integers(1, 9))
def test_single_digit_changes_are_caught_unless_r_is_10(
    code: str, position: int, shift: int
) -> None:
    digit = str((int(code[position]) + shift) % 10)
    changed = code[:position] + digit + code[position + 1 :]
    if legal_id.is_valid(changed):
        assert changed[10] == check_digit(changed[:10])
        assert 10 in (total(code) % 11, total(changed) % 11)
        assert position < 10


@given(valid_ids, st.integers(0, 9))
def test_adjacent_swaps_are_caught_unless_r_is_10(code: str, position: int) -> None:
    if code[position] == code[position + 1]:
        return
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    if legal_id.is_valid(swapped):
        assert 10 in (total(code) % 11, total(swapped) % 11)


def test_the_uncaught_mistakes_exist() -> None:
    assert total("10380284790") % 11 == 0
    assert total("10380284700") % 11 == 10
    assert legal_id.is_valid("10380284790")
    assert legal_id.is_valid("10380284700")


# Modulo 11 the total is a plain weighted sum plus a constant: c = d10 + 2 multiplies every
# weight, so the tenth digit also carries their sum, and the 2 in c adds 2 × their sum.
EFFECTIVE = [WEIGHTS[i % 5] for i in range(10)]
EFFECTIVE[9] += 2 * sum(WEIGHTS)
CONSTANT = 2 * 2 * sum(WEIGHTS)


@given(tens)
def test_the_total_is_a_weighted_sum_modulo_11(ten: str) -> None:
    plain = sum(int(digit) * weight for digit, weight in zip(ten, EFFECTIVE, strict=True))
    assert (plain + CONSTANT) % 11 == total(ten) % 11


def _check(value: int) -> int:
    r = value % 11
    return 0 if r == 10 else r


def _remainder_counts(skip: set[int]) -> list[int]:
    """How many ways the digits not in ``skip`` (of the first ten) give each total mod 11."""
    counts = [0] * 11
    counts[CONSTANT % 11] = 1
    for position in range(10):
        if position in skip:
            continue
        new = [0] * 11
        for rest, ways in enumerate(counts):
            for digit in range(10):
                new[(rest + EFFECTIVE[position] * digit) % 11] += ways
        counts = new
    return counts


def test_documented_rates_of_uncaught_mistakes() -> None:
    """The module documentation says 1.7% of single-digit typos and 1.8% of adjacent swaps
    go unnoticed, over all 10¹⁰ numbers that pass the checksum; count them exactly."""
    missed = tried = 0
    for position in range(10):
        weight = EFFECTIVE[position]
        for rest, ways in enumerate(_remainder_counts({position})):
            for old in range(10):
                for new in range(10):
                    if new != old:
                        tried += ways
                        missed += ways * (
                            _check(rest + weight * new) == _check(rest + weight * old)
                        )
    tried += 10**10 * 9  # changing the check digit is always caught
    assert round(100 * missed / tried, 1) == 1.7

    missed = tried = 0
    for position in range(9):
        w1, w2 = EFFECTIVE[position], EFFECTIVE[position + 1]
        for rest, ways in enumerate(_remainder_counts({position, position + 1})):
            for a in range(10):
                for b in range(10):
                    if a != b:
                        tried += ways
                        same = _check(rest + w1 * a + w2 * b) == _check(rest + w1 * b + w2 * a)
                        missed += ways * same
    for rest, ways in enumerate(_remainder_counts({9})):
        for a in range(10):
            check = _check(rest + EFFECTIVE[9] * a)
            if check != a:
                tried += ways
                missed += ways * (_check(rest + EFFECTIVE[9] * check) == a)
    assert round(100 * missed / tried, 1) == 1.8
