"""Resource limits: input far too large fails at once with a MaskanError, before any work.

No test here is timed; each limit is an explicit, documented size checked up front, and
each test checks the error's code and message name that limit. The limits are listed in
docs/reliability.md.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

import maskan
from maskan import calendar, serde
from maskan.cli import roster
from maskan.errors import DataError, InvalidAmount, InvalidText, MaskanError, RosterError, describe
from maskan.geo import Province
from maskan.identifiers import bank_card, legal_id, mobile, national_id, postal_code, sheba
from maskan.models import Person
from maskan.money import Rial

TEN_MB = "۱" * 10_000_000
HUGE_DIGITS = "9" * 100_000
HUGE_INT = 10**100_000
PAGE = Path(__file__).resolve().parent.parent / "docs" / "reliability.md"

TEXT_PARSERS: dict[str, Callable[[str], object]] = {
    "normalize": maskan.normalize,
    "parse_number": maskan.parse_number,
    "parse_money": maskan.parse_money,
    "Rial.parse": Rial.parse,
    "words_to_number": maskan.words_to_number,
    "number_to_words": maskan.number_to_words,
    "parse_date": maskan.parse_date,
    "as_date": calendar.as_date,
    "Province.lookup": Province.lookup,
    **{
        f"{module.__name__.rsplit('.', 1)[1]}.{name}": getattr(module, name)
        for module in (national_id, legal_id, postal_code, mobile, sheba, bank_card)
        for name in ("compact", "validate", "format")
    },
}


@pytest.mark.parametrize("name", sorted(TEXT_PARSERS))
@pytest.mark.parametrize("text", [TEN_MB, HUGE_DIGITS], ids=["10MB", "100000-digits"])
def test_huge_text_is_refused_by_length(name: str, text: str) -> None:
    if name == "normalize" and text is HUGE_DIGITS:
        # free text may be long: normalize's limit is a million characters
        assert maskan.normalize(text) == text
        return
    with pytest.raises(MaskanError) as caught:
        TEXT_PARSERS[name](text)
    assert caught.value.code in ("too_long", "length"), name
    assert f"{len(text)} characters" in str(caught.value), name


@pytest.mark.parametrize("module", [national_id, legal_id, postal_code, mobile, sheba, bank_card])
def test_is_valid_says_no_to_huge_text(module: object) -> None:
    assert module.is_valid(TEN_MB) is False  # type: ignore[attr-defined]


def test_normalize_limit_is_one_million_characters() -> None:
    assert maskan.normalize("ی" * 1_000_000) == "ی" * 1_000_000
    with pytest.raises(InvalidText, match="at most 1000000 characters"):
        maskan.normalize("ی" * 1_000_001)


INT_FUNCTIONS: dict[str, Callable[[int], object]] = {
    "number_to_words": maskan.number_to_words,
    "ordinal_words": maskan.ordinal_words,
    "format_number": maskan.format_number,
    "format_percent": maskan.format_percent,
    "format_money": maskan.format_money,
    "to_persian_digits": maskan.to_persian_digits,
    "to_latin_digits": maskan.to_latin_digits,
    "Rial": Rial,
    "Rial.from_toman": Rial.from_toman,
    "Rial.from_new_rial": Rial.from_new_rial,
    "Rial * n": lambda n: Rial(1) * n,
    "jdate(year)": lambda n: maskan.jdate(n, 1, 1),
    "jdate(day)": lambda n: maskan.jdate(1404, 1, -n),
    "is_leap": calendar.is_leap,
    "year_bounds": calendar.year_bounds,
    "month_name": calendar.month_name,
    "month_length": lambda n: calendar.month_length(1404, n),
    "add_years": lambda n: calendar.add_years(datetime.date(2025, 1, 1), n),
    "add_months": lambda n: calendar.add_months(datetime.date(2025, 1, 1), n),
    "national_id.validate": national_id.validate,
    "format_percent(decimals)": lambda n: maskan.format_percent(1, decimals=n),
}


@pytest.mark.parametrize("name", sorted(INT_FUNCTIONS))
def test_an_int_of_100000_digits_is_a_maskan_error(name: str) -> None:
    # Python refuses to write an int of more than 4300 digits (a plain ValueError); no
    # message may try to.
    with pytest.raises(MaskanError) as caught:
        INT_FUNCTIONS[name](HUGE_INT)
    assert "an integer of 100001 digits" in str(caught.value), name
    assert caught.value.code in ("out_of_range", "too_long", "option", "type"), name


def test_describe_counts_the_digits_of_a_huge_int() -> None:
    assert describe(10**100_000 - 1) == "an integer of 100000 digits"
    assert describe(-(10**70)) == "an integer of 71 digits"
    assert describe(10**50) == repr(10**50)


@pytest.mark.parametrize(
    "make", [Rial, Rial.from_toman, Rial.from_new_rial], ids=["Rial", "toman", "new_rial"]
)
def test_a_decimal_with_a_huge_exponent_is_refused_before_rounding(
    make: Callable[[Decimal], Rial],
) -> None:
    # Rounding or converting Decimal("1E+999999999") would build a billion digits.
    with pytest.raises(InvalidAmount) as caught:
        make(Decimal("1E+999999999"))
    assert caught.value.code == "out_of_range"


@pytest.mark.parametrize(
    ("cls", "value", "code"),
    [
        (Rial, HUGE_DIGITS, "out_of_range"),  # int() refuses more than 4300 digits
        (Fraction, "1e999999999", "type"),  # Fraction would build 10**999999999
        (Fraction, "1/" + "7" * 200, "type"),
    ],
)
def test_serde_refuses_numbers_too_large_to_build(cls: type, value: str, code: str) -> None:
    with pytest.raises(DataError) as caught:
        serde.from_dict(cls, value)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000, '{"a":' * 100_000, "[" * 100_000 + "]" * 100_000],
    ids=["lists", "objects", "closed"],
)
@pytest.mark.parametrize("cls", [Person, Rial, dict[str, Rial]])
def test_deeply_nested_json_is_a_data_error(text: str, cls: type) -> None:
    with pytest.raises(DataError) as caught:
        serde.from_json(cls, text)
    assert caught.value.code in ("json", "type")


def test_deeply_nested_json_without_orjson(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serde, "_orjson", None)
    for text in ("[" * 100_000, "[" * 100_000 + "]" * 100_000, HUGE_DIGITS):
        with pytest.raises(DataError) as caught:
            serde.from_json(Rial, text)
        assert caught.value.code == "json"


def test_a_huge_json_string_is_a_data_error() -> None:
    with pytest.raises(DataError):
        serde.from_json(Person, TEN_MB)
    with pytest.raises(DataError):
        serde.from_json(Person, '"' + TEN_MB + '"')


# -- the roster reader --------------------------------------------------------------------

HEADER = b"national_id,first_name,last_name\n"
GOOD_CSV = b"0499370899,a,b\n"
GOOD_JSON = b'{"national_id": "0499370899", "first_name": "a", "last_name": "b"}'
MILLION = b"x" * 1_000_000


def _rows(data: bytes, fmt: str) -> list[tuple[int, str]]:
    reader = roster.read_roster(io.BytesIO(data), format=fmt)  # type: ignore[arg-type]
    return [(row.line, row.error.code if row.error else "ok") for row in reader]


def test_a_csv_line_of_a_million_characters_is_refused_and_reading_goes_on() -> None:
    data = HEADER + GOOD_CSV + b"0499370899," + MILLION + b",b\n" + GOOD_CSV
    assert _rows(data, "csv") == [(2, "ok"), (3, "too_long"), (4, "ok")]


def test_a_csv_line_without_an_end_is_refused() -> None:
    assert _rows(HEADER + GOOD_CSV + MILLION, "csv") == [(2, "ok"), (3, "too_long")]


def test_a_csv_header_of_a_million_characters_stops_the_file() -> None:
    with pytest.raises(RosterError) as caught:
        _rows(MILLION + b"\n" + GOOD_CSV, "csv")
    assert caught.value.code == "too_long"
    assert "100000 bytes" in str(caught.value)


def test_a_json_line_of_a_million_characters_is_refused_and_reading_goes_on() -> None:
    long = b'{"national_id": "' + MILLION + b'"}'
    data = GOOD_JSON + b"\n" + long + b"\n" + GOOD_JSON + b"\n"
    assert _rows(data, "json") == [(1, "ok"), (2, "too_long"), (3, "ok")]


def test_a_json_array_element_of_a_million_characters_stops_the_array() -> None:
    long = b'{"national_id": "' + MILLION + b'"}'
    rows = _rows(b"[" + GOOD_JSON + b",\n" + long + b", " + GOOD_JSON + b"]", "json")
    assert rows == [(1, "ok"), (2, "too_long")]


def test_a_json_array_on_one_long_line_is_read() -> None:
    # the limit is per element: a whole roster written on one line is fine
    data = b"[" + b",".join([GOOD_JSON] * 5_000) + b"]"
    assert len(data) > 300_000
    assert _rows(data, "json") == [(1, "ok")] * 5_000


def test_a_deeply_nested_json_line_is_a_row_error() -> None:
    data = GOOD_JSON + b"\n" + b"[" * 50_000 + b"\n" + GOOD_JSON + b"\n"
    assert _rows(data, "json") == [(1, "ok"), (2, "json"), (3, "ok")]


def test_a_deeply_nested_json_array_element_stops_the_array() -> None:
    data = b"[" + GOOD_JSON + b",\n" + b"[" * 50_000 + b"]" * 50_000 + b"]"
    assert _rows(data, "json") == [(1, "ok"), (2, "json")]


# -- the documentation ---------------------------------------------------------------------


def test_the_limits_are_documented() -> None:
    from maskan.cli import roster as roster_module
    from maskan.identifiers import _common
    from maskan.persian import amounts, numbers, text, words

    page = PAGE.read_text(encoding="utf-8")
    for limit in (
        _common.MAX_INPUT_LENGTH,
        numbers._MAX_INPUT,
        amounts._MAX_INPUT,
        words._MAX_TEXT,
        calendar._MAX_TEXT,
        text._MAX_TEXT,
        roster_module._MAX_ROW,
    ):
        assert f"{limit:,}" in page, limit
