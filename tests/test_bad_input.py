"""Hostile input to every public function: a correct value or a MaskanError, nothing else."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest

import maskan
from maskan import calendar
from maskan.errors import MaskanError
from maskan.money import Rial

HUGE = "۱" * 10_000_000
BAD_VALUES: list[object] = [
    None,
    "",
    "   ",
    "\u200c",
    1.5,
    float("nan"),
    True,
    -1,
    0,
    10**30,
    Decimal("NaN"),
    Decimal("1E+1000"),
    b"1404",
    [],
    {},
    object(),
    "abc",
    "1404/13/01",
    "1404/09/32",
    "۱۲a۳",
    "١٢۳4",
    "دو هزار و",
    "منفی",
    HUGE,
    datetime.date(2025, 11, 25),
]

FUNCTIONS: dict[str, Callable[[object], object]] = {
    "to_persian_digits": maskan.to_persian_digits,  # type: ignore[dict-item]
    "to_latin_digits": maskan.to_latin_digits,  # type: ignore[dict-item]
    "normalize": maskan.normalize,  # type: ignore[dict-item]
    "number_to_words": maskan.number_to_words,  # type: ignore[dict-item]
    "ordinal_words": maskan.ordinal_words,  # type: ignore[dict-item]
    "words_to_number": maskan.words_to_number,  # type: ignore[dict-item]
    "format_number": maskan.format_number,  # type: ignore[dict-item]
    "format_percent": maskan.format_percent,  # type: ignore[dict-item]
    "parse_number": maskan.parse_number,  # type: ignore[dict-item]
    "format_money": maskan.format_money,  # type: ignore[dict-item]
    "parse_money": maskan.parse_money,  # type: ignore[dict-item]
    "format_date": maskan.format_date,  # type: ignore[dict-item]
    "format_datetime": maskan.format_datetime,  # type: ignore[dict-item]
    "parse_date": maskan.parse_date,  # type: ignore[dict-item]
    "to_jalali": maskan.to_jalali,  # type: ignore[dict-item]
    "Rial": Rial,
    "Rial.parse": Rial.parse,  # type: ignore[dict-item]
    "Rial.from_toman": Rial.from_toman,  # type: ignore[dict-item]
    "is_leap": calendar.is_leap,  # type: ignore[dict-item]
    "year_bounds": calendar.year_bounds,  # type: ignore[dict-item]
    "month_name": calendar.month_name,  # type: ignore[dict-item]
    "jalali_ymd": calendar.jalali_ymd,  # type: ignore[dict-item]
}


@pytest.mark.parametrize("name", sorted(FUNCTIONS))
def test_only_maskan_errors_escape(name: str) -> None:
    function = FUNCTIONS[name]
    for value in BAD_VALUES:
        caught: MaskanError | None = None
        try:
            function(value)
        except MaskanError as error:
            caught = error
        except Exception as error:  # pragma: no cover - the failure message is the point
            pytest.fail(f"{name}({type(value).__name__}) raised {type(error).__name__}: {error}")
        if caught is not None:
            assert caught.code, (name, value)
            assert caught.message_fa, (name, value)
            assert len(str(caught)) < 500, f"{name}: message too long for {type(value).__name__}"


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: maskan.jdate(1404, 13, 1), maskan.InvalidDate),
        (lambda: maskan.jdate(1404, 9, 32), maskan.InvalidDate),
        (lambda: maskan.jdate(1404, 12, 30), maskan.InvalidDate),
        (lambda: maskan.jdate("1404", 1, 1), maskan.InvalidDate),  # type: ignore[arg-type]
        (lambda: maskan.jdate(1404.0, 1, 1), maskan.InvalidDate),  # type: ignore[arg-type]
        (lambda: calendar.add_months(datetime.date(2025, 1, 1), 1.5), maskan.InvalidDate),  # type: ignore[arg-type]
        (lambda: calendar.full_years("x", datetime.date(2025, 1, 1)), maskan.InvalidDate),  # type: ignore[arg-type]
        (lambda: Rial(0.1), maskan.InvalidAmount),  # type: ignore[arg-type]
        (lambda: maskan.number_to_words(10**24), maskan.InvalidNumber),
        (lambda: maskan.format_date(datetime.date(2025, 1, 1), style="medium"), maskan.InvalidDate),  # type: ignore[arg-type]
    ],
)
def test_specific_errors(call: Callable[[], object], error: type[Exception]) -> None:
    with pytest.raises(error):
        call()


def test_huge_input_is_refused_before_any_work() -> None:
    for name in ("parse_number", "parse_money", "parse_date", "words_to_number"):
        with pytest.raises(MaskanError) as caught:
            FUNCTIONS[name](HUGE)
        assert caught.value.code == "too_long", name
        assert "10000000 characters" in str(caught.value), name
