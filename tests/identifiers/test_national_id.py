"""National ID: DOMAIN.md §6.1 vectors, the checksum's exact limits, and the place hint."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidNationalId
from maskan.geo import Province
from maskan.identifiers import national_id

# DOMAIN.md §6.1, from persian-tools' tests.
VALID = [
    "0499370899",
    "0790419904",
    "0084575948",
    "0963695398",
    "0684159414",
    "0067749828",
    "0650451252",
    "1583250689",
    "4032152314",
    "0076229645",
]
INVALID = ["0000000000", "4271427685", "0200203041", "0684159415"]


def remainder(code: str) -> int:
    """Step 3 of DOMAIN §6.1, written out plainly."""
    return sum(int(code[i]) * (10 - i) for i in range(9)) % 11


def check_digit(nine: str) -> str:
    """Step 4 of DOMAIN §6.1."""
    r = remainder(nine)
    return str(r if r < 2 else 11 - r)


def passes_checksum(code: str) -> bool:
    return code[9] == check_digit(code)


nines = st.text(alphabet="0123456789", min_size=9, max_size=9)
valid_ids = (
    nines.map(lambda nine: nine + check_digit(nine))
    .filter(lambda code: code[3:9] != "000000")
    .filter(lambda code: len(set(code)) > 1)
)


@pytest.mark.parametrize("code", VALID)
def test_published_valid_numbers(code: str) -> None:
    assert national_id.validate(code) == code
    assert national_id.is_valid(code)


@pytest.mark.parametrize("code", INVALID)
def test_published_invalid_numbers(code: str) -> None:
    assert not national_id.is_valid(code)
    with pytest.raises(InvalidNationalId):
        national_id.validate(code)


def test_invalid_numbers_fail_for_the_right_reason() -> None:
    codes = {}
    for code in INVALID:
        with pytest.raises(InvalidNationalId) as caught:
            national_id.validate(code)
        codes[code] = caught.value.code
    assert codes == {
        "0000000000": "middle_zeros",
        "4271427685": "checksum",
        "0200203041": "checksum",
        "0684159415": "checksum",
    }


@pytest.mark.parametrize(
    "text",
    [
        "0499370899",
        "۰۴۹۹۳۷۰۸۹۹",
        "٠٤٩٩٣٧٠٨٩٩",
        "049-937089-9",
        " 049 937 089 9 ",
        "049.937.089.9",
        "۰۴۹\u200c۹۳۷۰۸۹۹",
        "\u200f0499370899\u200e",
        "499370899",
        "۴۹۹۳۷۰۸۹۹",
    ],
)
def test_any_digit_script_and_separator(text: str) -> None:
    assert national_id.validate(text) == "0499370899"
    assert national_id.format(text) == "049-937089-9"


def test_eight_digits_get_two_zeros_back() -> None:
    assert national_id.compact("84575948") == "0084575948"
    assert national_id.validate("84575948") == "0084575948"


def test_seven_digits_are_too_short() -> None:
    with pytest.raises(InvalidNationalId) as caught:
        national_id.validate("4575948")
    assert caught.value.code == "length"
    assert "has 7 digits" in str(caught.value)


def test_padded_number_is_shown_in_the_checksum_message() -> None:
    with pytest.raises(InvalidNationalId) as caught:
        national_id.validate("499370898")
    assert caught.value.code == "checksum"
    assert "(read as '0499370898')" in str(caught.value)
    assert "'0499370898'" in caught.value.message_fa


@pytest.mark.parametrize("digit", "123456789")
def test_repeated_digits_pass_the_checksum_but_are_refused_by_default(digit: str) -> None:
    code = digit * 10
    assert passes_checksum(code)
    with pytest.raises(InvalidNationalId) as caught:
        national_id.validate(code)
    assert caught.value.code == "repeated_digits"
    assert "allow_repeated=True" in str(caught.value)
    assert national_id.validate(code, allow_repeated=True) == code
    assert national_id.is_valid(code, allow_repeated=True)
    assert national_id.format(code, allow_repeated=True) == f"{digit * 3}-{digit * 6}-{digit}"


def test_all_zeros_stay_invalid_even_with_allow_repeated() -> None:
    with pytest.raises(InvalidNationalId) as caught:
        national_id.validate("0000000000", allow_repeated=True)
    assert caught.value.code == "middle_zeros"


def test_middle_zeros_are_refused_whatever_the_check_digit() -> None:
    for code in ("1230000000", "4560000006", "9990000009"):
        with pytest.raises(InvalidNationalId) as caught:
            national_id.validate(code)
        assert caught.value.code == "middle_zeros"


def test_calc_check_digit() -> None:
    assert national_id.calc_check_digit("049937089") == "9"
    assert national_id.calc_check_digit("۰۴۹-۹۳۷۰۸۹") == "9"
    with pytest.raises(InvalidNationalId) as caught:
        national_id.calc_check_digit("0499370899")
    assert caught.value.code == "length"
    with pytest.raises(InvalidNationalId) as caught:
        national_id.calc_check_digit("04993708x")
    assert caught.value.code == "format"


@given(nines)
def test_every_number_built_with_its_check_digit_validates(nine: str) -> None:
    code = nine + check_digit(nine)
    assert national_id.calc_check_digit(nine) == code[9]
    if code[3:9] == "000000":
        expected = "middle_zeros"
    elif len(set(code)) == 1:
        expected = "repeated_digits"
    else:
        assert national_id.validate(code) == code
        return
    with pytest.raises(InvalidNationalId) as caught:
        national_id.validate(code)
    assert caught.value.code == expected


# The check digit writes r = 1 and r = 10 the same way (see the module documentation), so
# a mistake goes unnoticed exactly when it turns one of those two numbers into the other,
# or (swapping the last two digits) when one side has r = 1. Every such case involves a
# number with r = 1; every other mistake must be caught.


@given(valid_ids, st.integers(0, 9), st.integers(1, 9))
def test_single_digit_changes_are_caught_unless_r_is_1(
    code: str, position: int, shift: int
) -> None:
    digit = str((int(code[position]) + shift) % 10)
    changed = code[:position] + digit + code[position + 1 :]
    if national_id.is_valid(changed):
        assert passes_checksum(changed)
        assert remainder(code) == 1 or remainder(changed) == 1
        assert position < 9  # the check digit itself is never wrong unnoticed


@given(valid_ids, st.integers(0, 8))
def test_adjacent_swaps_are_caught_unless_r_is_1(code: str, position: int) -> None:
    if code[position] == code[position + 1]:
        return
    swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
    if national_id.is_valid(swapped):
        assert remainder(code) == 1 or remainder(swapped) == 1


def test_the_uncaught_mistakes_exist() -> None:
    # 2531234561 has r = 1; changing its 9th digit from 6 to 5 gives r = 10, also written 1.
    assert remainder("2531234561") == 1
    assert remainder("2531234551") == 10
    assert national_id.is_valid("2531234561")
    assert national_id.is_valid("2531234551")
    # An adjacent swap of the same number that goes unnoticed.
    assert national_id.is_valid("2351234561")


def _remainder_counts(skip: set[int]) -> list[int]:
    """How many ways the digits not in ``skip`` (of the first nine) give each s mod 11."""
    counts = [1] + [0] * 10
    for position in range(9):
        if position in skip:
            continue
        weight = 10 - position
        new = [0] * 11
        for total, ways in enumerate(counts):
            for digit in range(10):
                new[(total + weight * digit) % 11] += ways
        counts = new
    return counts


def _check(total: int) -> int:
    r = total % 11
    return r if r < 2 else 11 - r


def test_documented_rates_of_uncaught_mistakes() -> None:
    """The module documentation says 1.6% of single-digit typos and 1.8% of adjacent swaps
    go unnoticed, over all 10⁹ numbers that pass the checksum; count them exactly."""
    missed = tried = 0
    for position in range(9):
        weight = 10 - position
        counts = _remainder_counts({position})
        for rest, ways in enumerate(counts):
            for old in range(10):
                check = _check(rest + weight * old)
                for new in range(10):
                    if new != old:
                        tried += ways
                        missed += ways * (_check(rest + weight * new) == check)
    tried += 10**9 * 9  # changing the check digit is always caught
    assert round(100 * missed / tried, 1) == 1.6

    missed = tried = 0
    for position in range(8):
        counts = _remainder_counts({position, position + 1})
        w1, w2 = 10 - position, 9 - position
        for rest, ways in enumerate(counts):
            for a in range(10):
                for b in range(10):
                    if a != b:
                        tried += ways
                        same = _check(rest + w1 * a + w2 * b) == _check(rest + w1 * b + w2 * a)
                        missed += ways * same
    counts = _remainder_counts({8})
    for rest, ways in enumerate(counts):
        for a in range(10):
            check = _check(rest + 2 * a)
            if check != a:
                tried += ways
                missed += ways * (_check(rest + 2 * check) == a)
    assert round(100 * missed / tried, 1) == 1.8


def test_place_of_issue() -> None:
    office = national_id.place("1271234564")
    assert office is not None
    assert (office.city_fa, office.city_en) == ("اصفهان", "Isfahan")
    assert office.province is Province.lookup("IR-10")


def test_place_without_an_english_city_name() -> None:
    office = national_id.place("0499370899")
    assert office is not None
    assert (office.city_fa, office.city_en) == ("شهرری", None)
    assert office.province is Province.lookup("Tehran")


@pytest.mark.parametrize(
    ("prefix", "city", "province"),
    [
        # DOMAIN §6.2: Zanjan-province offices the source labels Isfahan.
        ("427", "زنجان", "IR-19"),
        ("428", "زنجان", "IR-19"),
        # The source labels this Isfahan too; DOMAIN gives no province for it.
        ("158", "مرند", None),
        # Issued abroad.
        ("471", "امور خارجه", None),
        # «کهکیلویه» in the source.
        ("424", "کهکیلویه(دهدشت)", "IR-17"),
    ],
)
def test_corrected_rows(prefix: str, city: str, province: str | None) -> None:
    code = prefix + "123456"
    code += check_digit(code)
    office = national_id.place(code)
    assert office is not None
    assert office.city_fa == city
    if province is None:
        assert office.province is None
    else:
        assert office.province is Province.lookup(province)


def test_every_isfahan_row_of_domain_is_in_isfahan() -> None:
    domain = {
        "619": "آران و بیدگل", "118": "اردستان", "127": "اصفهان", "128": "اصفهان",
        "129": "اصفهان", "620": "باغ بهادران", "621": "بوئین و میاندشت", "549": "تیران و کرون",
        "564": "جرقویه", "575": "چادگان", "113": "خمینی‌شهر", "114": "خمینی‌شهر",
        "122": "خوانسار", "540": "خور و بیابانک", "660": "دولت‌آباد", "120": "سمیرم",
        "512": "سمیرم سفلی (دهاقان)", "510": "شاهین‌شهر", "511": "شاهین‌شهر", "119": "شهرضا",
        "115": "فریدن", "112": "فریدونشهر", "110": "فلاورجان", "111": "فلاورجان",
        "125": "کاشان", "126": "کاشان", "565": "کوهپایه", "121": "گلپایگان",
        "116": "لنجان (زرین‌شهر)", "117": "لنجان (زرین‌شهر)", "541": "مبارکه", "622": "میمه",
        "124": "نائین", "108": "نجف‌آباد", "109": "نجف‌آباد", "123": "نطنز",
    }  # fmt: skip
    isfahan = Province.lookup("IR-10")
    found = {}
    for prefix in (f"{number:03d}" for number in range(1000)):
        code = prefix + "123456"
        code += check_digit(code)
        for office in national_id.places(code):
            if office.province is isfahan:
                found[prefix] = office.city_fa
    assert found == domain


def test_a_prefix_with_two_offices_gives_no_single_place() -> None:
    offices = national_id.places("2531234561")
    assert [office.city_fa for office in offices] == ["اقلید", "سپیدان"]
    assert national_id.place("2531234561") is None


def test_an_unknown_prefix_is_not_an_error() -> None:
    code = "999123456"
    code += check_digit(code)
    assert national_id.is_valid(code)
    assert national_id.places(code) == ()
    assert national_id.place(code) is None


def test_place_of_an_invalid_number_raises() -> None:
    with pytest.raises(InvalidNationalId):
        national_id.place("0499370898")


def test_place_is_frozen() -> None:
    office = national_id.place("1271234564")
    assert office is not None
    with pytest.raises(AttributeError):
        office.city_fa = "x"  # type: ignore[misc]
    assert not hasattr(office, "__dict__")
