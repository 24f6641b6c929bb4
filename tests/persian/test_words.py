"""Tests for maskan.persian.words: numbers in Persian words, both ways."""

from __future__ import annotations

import contextlib
import pickle
import time
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maskan.errors import InvalidNumber
from maskan.persian.digits import to_persian_digits
from maskan.persian.words import number_to_words, ordinal_words, words_to_number

ZWNJ = "\u200c"
LIMIT = 10**24

CARDINALS = [
    (0, "صفر"),
    (1, "یک"),
    (10, "ده"),
    (18, "هجده"),
    (21, "بیست و یک"),
    (100, "صد"),
    (101, "صد و یک"),
    (110, "صد و ده"),
    (115, "صد و پانزده"),
    (200, "دویست"),
    (300, "سیصد"),
    (400, "چهارصد"),
    (500, "پانصد"),
    (600, "ششصد"),
    (700, "هفتصد"),
    (800, "هشتصد"),
    (900, "نهصد"),
    (999, "نهصد و نود و نه"),
    (1000, "یک هزار"),
    (1001, "یک هزار و یک"),
    (2500, "دو هزار و پانصد"),
    (100_000, "صد هزار"),
    (1_000_000, "یک میلیون"),
    (1_000_001, "یک میلیون و یک"),
    (2_000_300_000, "دو میلیارد و سیصد هزار"),
    (10**12, "یک تریلیون"),
    (10**15, "یک کوآدریلیون"),
    (10**18, "یک کوینتیلیون"),
    (10**21, "یک سکستیلیون"),
    (
        123_456_789,
        "صد و بیست و سه میلیون و چهارصد و پنجاه و شش هزار و هفتصد و هشتاد و نه",
    ),
    (
        LIMIT - 1,
        "نهصد و نود و نه سکستیلیون و نهصد و نود و نه کوینتیلیون"
        " و نهصد و نود و نه کوآدریلیون و نهصد و نود و نه تریلیون"
        " و نهصد و نود و نه میلیارد و نهصد و نود و نه میلیون"
        " و نهصد و نود و نه هزار و نهصد و نود و نه",
    ),
    (-5, "منفی پنج"),
    (-1000, "منفی یک هزار"),
]

DECIMALS = [
    ("0.5", "صفر و پنج دهم"),
    ("-0.5", "منفی صفر و پنج دهم"),
    ("5.3", "پنج و سه دهم"),
    ("12.25", "دوازده و بیست و پنج صدم"),
    ("20.5", "بیست و پنج دهم"),
    ("18.345", "هجده و سیصد و چهل و پنج هزارم"),
    ("0.0001", "صفر و یک ده هزارم"),
    ("0.00003", "صفر و سه صد هزارم"),
    ("1.000001", "یک و یک میلیونم"),
    ("0.000000000001", "صفر و یک تریلیونم"),
    ("1000.25", "یک هزار و بیست و پنج صدم"),
    # The plain forms of these read back as other numbers, so «صحیح» closes the integer part.
    ("1020.05", "یک هزار و بیست صحیح و پنج صدم"),
    ("100.003", "صد صحیح و سه هزارم"),
]

ORDINALS = [
    (1, "یکم"),
    (2, "دوم"),
    (3, "سوم"),
    (4, "چهارم"),
    (10, "دهم"),
    (13, "سیزدهم"),
    (21, "بیست و یکم"),
    (23, "بیست و سوم"),
    (30, "سی" + ZWNJ + "ام"),
    (33, "سی و سوم"),
    (100, "صدم"),
    (103, "صد و سوم"),
    (130, "صد و سی" + ZWNJ + "ام"),
    (1000, "یک هزارم"),
    (3000, "سه هزارم"),
    (10**6, "یک میلیونم"),
]

TOLERATED = [
    ("یکصد", 100),
    ("یک" + ZWNJ + "صد", 100),
    ("یک صد", 100),
    ("چهار صد", 400),
    ("سی صد و هفت صد", None),  # two hundreds in one group stay an error
    ("نه صد و نود", 990),
    ("هزار", 1000),
    ("صد هزار", 100_000),
    ("بیلیون", 10**9),
    ("دو بیلیون", 2 * 10**9),
    ("هزار میلیارد", 10**12),
    ("هشت هزار و پانصد و نود میلیارد", 8_590 * 10**9),
    ("دو میلیارد و سیصد هزار", 2_000_300_000),
    ("دو میلیون و هزار", 2_001_000),
    ("دو میلیون پانصد هزار", 2_500_000),
    ("يكصد و بيست و سه", 123),
    ("ﻫﺰﺍﺭ", 1000),
    ("هـزار", 1000),
    ("\u200fدو هزار\u200f", 2000),
    ("  دو   هزار\tو\u00a0پانصد ", 2500),
    ("دو" + ZWNJ + "هزار" + ZWNJ + "و" + ZWNJ + "پانصد", 2500),
    ("۲ هزار و ۵۰۰", 2500),
    ("٢ هزار و ٥٠٠", 2500),
    ("2 هزار و 500", 2500),
    ("۲۵۰ میلیون", 250_000_000),
    ("۲۵۰۰ میلیارد", 2_500 * 10**9),
    ("۱٫۵ میلیون", 1_500_000),
    ("۱/۵ میلیون", 1_500_000),
    ("1.5 میلیون", 1_500_000),
    ("۲٬۵۰۰", 2500),
    ("2,500,000", 2_500_000),
    ("۰", 0),
    ("-۲٬۵۰۰", -2500),
    ("−۲۵", -25),
    ("صد و ۲۰", 120),
    ("هیجده", 18),
    ("هجده", 18),
    ("شانزده", 16),
    ("شیش", 6),
    ("کوادریلیون", 10**15),
    ("صدو بیست", 120),
    ("منفی سه", -3),
    ("منفی صفر", 0),
    # ordinals
    ("بیست و یکم", 21),
    ("سی ام", 30),
    ("سی" + ZWNJ + "ام", 30),
    ("سیام", 30),
    ("سی اُم", 30),
    ("اول", 1),
    ("اولین", 1),
    ("نخست", 1),
    ("نخستین", 1),
    ("یکم", 1),
    ("سوم", 3),
    ("سومین", 3),
    ("بیست و یکمین", 21),
    ("صدم", 100),
    ("پانصدم", 500),
    ("یکصدم", 100),
    ("هزارم", 1000),
    ("سه هزارم", 3000),
    ("صد و سه هزارم", 103_000),
    ("يكم", 1),
    ("۲۱ ام", 21),
    # fractions
    ("پنج دهم", Decimal("0.5")),
    ("یک دهم", Decimal("0.1")),
    ("پنج صدم", Decimal("0.05")),
    ("سه صد هزارم", Decimal("0.00003")),
    ("صفر و سه هزارم", Decimal("0.003")),
    ("منفی سه هزارم", Decimal("-0.003")),
    ("دو صحیح و چهل و شش صدم", Decimal("2.46")),
    ("دو صحیح چهل و شش صدم", Decimal("2.46")),
    ("صد و بیست و سه ممیز چهل و پنج صدم", Decimal("123.45")),
    ("پنج و ده صدم", Decimal("5.1")),
    ("۱٫۵", Decimal("1.5")),
    ("۲٫۰", 2),
    ("-0.25", Decimal("-0.25")),
]

BAD_TEXT = [
    ("", "empty"),
    (" \t\n", "empty"),
    (ZWNJ, "empty"),
    ("\u200f", "empty"),
    ("x" * 10_001, "too_long"),
    ("دو هزار و سیب", "unknown_word"),
    ("سیب", "unknown_word"),
    ("two thousand", "unknown_word"),
    ("۲۵,۰۰", "unknown_word"),
    ("1e5", "unknown_word"),
    ("صفرم", "unknown_word"),
    ("سیم", "unknown_word"),
    ("منفی منفی دو", "syntax"),
    ("صد دویست", "syntax"),
    ("هزار هزار", "syntax"),
    ("دو هزار و سه هزار", "syntax"),
    ("یک میلیارد و هزار میلیون", "syntax"),
    ("دو هزار و ۲۵۰۰", "syntax"),
    ("بیست و پنج صد", "syntax"),
    ("یک و صد", "syntax"),
    ("یک دو", "syntax"),
    ("سیزده و پنج", "syntax"),
    ("و", "syntax"),
    ("و دو", "syntax"),
    ("دو و", "syntax"),
    ("دو و و سه", "syntax"),
    ("صفر صفر", "syntax"),
    ("صفر و سه", "syntax"),
    ("منفی", "syntax"),
    ("-", "syntax"),
    ("منفی سوم", "syntax"),
    ("بیست و اول", "syntax"),
    ("۰ ام", "syntax"),
    ("دو صحیح و پنج", "syntax"),
    ("۱٫۵ و دو", "syntax"),
    ("هزار ۱٫۵", "syntax"),
    ("۱٫۲۳۴۵ هزار", "syntax"),
    ("پنج و صفر دهم", "syntax"),
    ("پنج و بیست دهم", "syntax"),
    ("هزار سکستیلیون", "out_of_range"),
    ("۱" + "۰" * 24, "out_of_range"),
    ("یک و دو ده تریلیونم", "decimal_places"),
    ("۰٫۱۲۳۴۵۶۷۸۹۰۱۲۳", "decimal_places"),
]


@pytest.mark.parametrize(("number", "words"), CARDINALS)
def test_cardinals_both_ways(number: int, words: str) -> None:
    assert number_to_words(number) == words
    assert words_to_number(words) == number


@pytest.mark.parametrize(("number", "words"), DECIMALS)
def test_decimals_both_ways(number: str, words: str) -> None:
    assert number_to_words(Decimal(number)) == words
    value = words_to_number(words)
    assert isinstance(value, Decimal)
    assert value == Decimal(number)


@pytest.mark.parametrize(("number", "words"), ORDINALS)
def test_ordinals_both_ways(number: int, words: str) -> None:
    assert ordinal_words(number) == words
    value = words_to_number(words)
    assert type(value) is int
    assert value == number


@pytest.mark.parametrize(("text", "expected"), TOLERATED)
def test_tolerated_input(text: str, expected: int | Decimal | None) -> None:
    if expected is None:
        with pytest.raises(InvalidNumber):
            words_to_number(text)
        return
    value = words_to_number(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(("text", "code"), BAD_TEXT)
def test_bad_text(text: str, code: str) -> None:
    with pytest.raises(InvalidNumber) as caught:
        words_to_number(text)
    assert caught.value.code == code
    assert caught.value.field == "text"
    assert caught.value.value == text
    assert str(caught.value).startswith("text: ")
    assert caught.value.message_fa.startswith("text: ")


def test_unknown_word_message() -> None:
    with pytest.raises(
        InvalidNumber, match=r"^text: cannot read the word 'سیب' in 'دو هزار و سیب'$"
    ):
        words_to_number("دو هزار و سیب")


def test_order_messages_name_the_words() -> None:
    with pytest.raises(InvalidNumber, match="'دویست' cannot follow 'صد'"):
        words_to_number("صد و دویست")
    with pytest.raises(InvalidNumber, match="'هزار' is out of order"):
        words_to_number("هزار هزار")


@pytest.mark.parametrize("value", [None, 1.5, 2.0, True, False, [1], b"12", 12, object()])
def test_words_to_number_rejects_non_text(value: object) -> None:
    with pytest.raises(InvalidNumber) as caught:
        words_to_number(value)  # type: ignore[arg-type]
    assert caught.value.code == "type"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2500", "دو هزار و پانصد"),
        ("۲٬۵۰۰", "دو هزار و پانصد"),
        ("٢,٥٠٠", "دو هزار و پانصد"),
        (" -۱۲ ", "منفی دوازده"),
        ("−۱۲٫۵", "منفی دوازده و پنج دهم"),
        ("۵٫۳۰", "پنج و سه دهم"),
        ("007", "هفت"),
        ("-0", "صفر"),
    ],
)
def test_number_to_words_reads_numerals(value: str, words: str) -> None:
    assert number_to_words(value) == words


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (Decimal("5.30"), "پنج و سه دهم"),
        (Decimal("5.000"), "پنج"),
        (Decimal("1E+3"), "یک هزار"),
        (Decimal("-0"), "صفر"),
        (Decimal("0E-30"), "صفر"),
        (Decimal("0.5000000000000000000"), "صفر و پنج دهم"),
    ],
)
def test_decimal_trailing_zeros_do_not_count(value: Decimal, words: str) -> None:
    assert number_to_words(value) == words


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (0.5, "type"),
        (1.0, "type"),
        (True, "type"),
        (None, "type"),
        ([1], "type"),
        (b"1", "type"),
        (LIMIT, "out_of_range"),
        (-LIMIT, "out_of_range"),
        (10**100, "out_of_range"),
        (Decimal(LIMIT), "out_of_range"),
        (Decimal("1E+30"), "out_of_range"),
        (Decimal("1E+999999999"), "out_of_range"),
        (Decimal("NaN"), "not_finite"),
        (Decimal("sNaN"), "not_finite"),
        (Decimal("-Infinity"), "not_finite"),
        (Decimal("0.1234567890123"), "decimal_places"),
        (Decimal("1E-999999999"), "decimal_places"),
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "syntax"),
        ("1e5", "syntax"),
        ("1,00", "syntax"),
        ("1 000", "syntax"),
        ("--1", "syntax"),
        ("7.", "syntax"),
        (".5", "syntax"),
        ("NaN", "syntax"),
        ("1" * 10_001, "too_long"),
        ("1" * 25, "out_of_range"),
    ],
)
def test_number_to_words_rejects(value: object, code: str) -> None:
    with pytest.raises(InvalidNumber) as caught:
        number_to_words(value)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert caught.value.field == "value"
    assert str(caught.value).startswith("value: ")


def test_floats_are_refused_with_advice() -> None:
    with pytest.raises(InvalidNumber, match="give an int, a Decimal or text"):
        number_to_words(0.1)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (0, "out_of_range"),
        (-3, "out_of_range"),
        (LIMIT, "out_of_range"),
        (True, "type"),
        (1.0, "type"),
        ("3", "type"),
    ],
)
def test_ordinal_words_rejects(value: object, code: str) -> None:
    with pytest.raises(InvalidNumber) as caught:
        ordinal_words(value)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_errors_pickle() -> None:
    with pytest.raises(InvalidNumber) as caught:
        words_to_number("دو هزار و سیب")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (copy.code, copy.message, copy.message_fa) == (
        caught.value.code,
        caught.value.message,
        caught.value.message_fa,
    )


def test_huge_input_fails_fast() -> None:
    huge = "یک و " * 2_000_000  # 10 MB
    started = time.perf_counter()
    with pytest.raises(InvalidNumber) as caught:
        words_to_number(huge)
    assert caught.value.code == "too_long"
    with pytest.raises(InvalidNumber):
        number_to_words(huge)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    "text",
    [
        "یک و " * 2_000 + "یک دهم",
        "صد و " * 2_000 + "پنج صدم",
        "هزار " * 2_000 + "دهم",
        "۱ " * 5_000,
        "و " * 5_000,
    ],
)
def test_long_adversarial_text_is_quick(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(InvalidNumber):
        words_to_number(text[:10_000])
    assert time.perf_counter() - started < 0.5


# Properties


@given(st.integers(min_value=-(LIMIT - 1), max_value=LIMIT - 1))
def test_integers_round_trip(n: int) -> None:
    value = words_to_number(number_to_words(n))
    assert type(value) is int
    assert value == n


@given(st.integers(min_value=-(LIMIT - 1), max_value=LIMIT - 1))
def test_digit_text_reads_as_its_number(n: int) -> None:
    assert words_to_number(to_persian_digits(str(n))) == n
    assert number_to_words(to_persian_digits(f"{n:,}").replace(",", "٬")) == number_to_words(n)


@st.composite
def decimals(draw: st.DrawFn) -> Decimal:
    places = draw(st.integers(min_value=1, max_value=12))
    whole = draw(st.one_of(st.integers(0, 10**4), st.integers(0, LIMIT - 1)))
    fraction = draw(st.integers(min_value=1, max_value=10**places - 1))
    sign = draw(st.sampled_from(["", "-"]))
    return Decimal(f"{sign}{whole}.{fraction:0{places}d}")


@settings(max_examples=300)
@given(decimals())
def test_decimals_round_trip(value: Decimal) -> None:
    words = number_to_words(value)
    back = words_to_number(words)
    assert back == value
    assert isinstance(back, Decimal)


@given(st.integers(min_value=1, max_value=LIMIT - 1))
def test_ordinals_round_trip(n: int) -> None:
    value = words_to_number(ordinal_words(n))
    assert type(value) is int
    assert value == n


@given(st.text(max_size=60))
def test_any_text_reads_or_raises_invalid_number(text: str) -> None:
    try:
        value = words_to_number(text)
    except InvalidNumber:
        return
    assert isinstance(value, int | Decimal)


VOCABULARY = [
    "یک", "دو", "سه", "چهار", "پنج", "ده", "یازده", "بیست", "سی", "صد", "دویست", "یکصد",
    "هزار", "میلیون", "میلیارد", "تریلیون", "سکستیلیون", "صفر", "منفی", "و", "صحیح", "ممیز",
    "ام", "دهم", "صدم", "هزارم", "سوم", "سی" + ZWNJ + "ام", "اول",
    "۱٫۵", "۲٬۵۰۰", "۰", "-۳", "۱۲", "يك", ZWNJ, "سیب",
]  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=12))
def test_word_salad_reads_or_raises_invalid_number(words: list[str]) -> None:
    try:
        value = words_to_number(" ".join(words))
    except InvalidNumber:
        return
    assert isinstance(value, int | Decimal)
    assert -LIMIT < value < LIMIT


@given(st.one_of(st.floats(), st.booleans(), st.none(), st.text(max_size=30), st.binary()))
def test_number_to_words_never_raises_anything_else(value: object) -> None:
    with contextlib.suppress(InvalidNumber):
        number_to_words(value)  # type: ignore[arg-type]


# The peers' spellings («یکصد», their «و» placement) read back too.


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_reads_num2fawords(n: int) -> None:
    num2fawords = pytest.importorskip("num2fawords")
    assert words_to_number(num2fawords.words(n)) == n


@given(st.integers(min_value=-(10**15 - 1), max_value=10**15 - 1))
def test_reads_persiantools(n: int) -> None:
    digits = pytest.importorskip("persiantools.digits")
    assert words_to_number(digits.to_word(n)) == n
