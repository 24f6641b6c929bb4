"""Digits in three scripts and Persian text normalization."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidText, MaskanError
from maskan.persian import normalize, to_latin_digits, to_persian_digits

ZWNJ = "\u200c"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1404/09/04", "۱۴۰۴/۰۹/۰۴"),
        ("٠١٢٣٤٥٦٧٨٩", "۰۱۲۳۴۵۶۷۸۹"),
        ("0123456789", "۰۱۲۳۴۵۶۷۸۹"),
        ("واحد 12 و ٣", "واحد ۱۲ و ۳"),
        ("", ""),
        ("no digits", "no digits"),
        (1404, "۱۴۰۴"),
        (-5, "-۵"),
    ],
)
def test_to_persian_digits(text: str | int, expected: str) -> None:
    assert to_persian_digits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("۱۴۰۴/۰۹/۰۴", "1404/09/04"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۴۹ ٩٣٧ 089", "049 937 089"),
        ("کد ملی", "کد ملی"),
        (2500, "2500"),
    ],
)
def test_to_latin_digits(text: str | int, expected: str) -> None:
    assert to_latin_digits(text) == expected


@pytest.mark.parametrize("bad", [None, 1.5, b"12", ["1"], True])
def test_digits_reject_wrong_types(bad: object) -> None:
    for function in (to_persian_digits, to_latin_digits):
        with pytest.raises(InvalidText, match="takes a str or an int") as caught:
            function(bad)  # type: ignore[arg-type]
        assert caught.value.code == "type"
        assert caught.value.message_fa


@given(st.text())
def test_digit_round_trip_from_latin(text: str) -> None:
    latin = to_latin_digits(text)
    assert to_latin_digits(to_persian_digits(latin)) == latin


@given(st.text(alphabet="0123456789 ./-abc"))
def test_latin_survives_persian_round_trip(text: str) -> None:
    assert to_latin_digits(to_persian_digits(text)) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("علي كريمي", "علی کریمی"),
        ("مصطفى", "مصطفی"),
        ("  تعاونی   مسکن \t\n کارگری  ", "تعاونی مسکن کارگری"),
        ("تعاونی" + ZWNJ * 3 + "ها", "تعاونی" + ZWNJ + "ها"),
        ("خانه " + ZWNJ + " ها", "خانه ها"),
        ("خانه" + ZWNJ + " ها", "خانه ها"),
        (ZWNJ + "خانه" + ZWNJ, "خانه"),
        ("مســـکن", "مسکن"),
        ("ﻣﺴﻜﻦ ﻣﻬﺮ", "مسکن مهر"),
        ("\u200fمسکن\u200e", "مسکن"),
        ("a\u00a0\u2009b", "a b"),
        ("", ""),
        (" \t" + ZWNJ, ""),
        ("سازمان\u200bها", "سازمانها"),
        ("مُحَمَّد", "مُحَمَّد"),
        ("فاطمة", "فاطمة"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_digit_folding() -> None:
    assert normalize("پلاک ١٢ واحد 3", digits="persian") == "پلاک ۱۲ واحد ۳"
    assert normalize("پلاک ١٢ واحد ۳", digits="latin") == "پلاک 12 واحد 3"
    assert normalize("پلاک ١٢") == "پلاک ١٢"


@pytest.mark.parametrize("bad", [None, 12, b"x", ["a"]])
def test_normalize_rejects_wrong_types(bad: object) -> None:
    with pytest.raises(InvalidText, match="normalize\\(\\) takes a str"):
        normalize(bad)  # type: ignore[arg-type]


def test_normalize_rejects_unknown_digit_option() -> None:
    with pytest.raises(InvalidText, match="digits: 'arabic'") as caught:
        normalize("x", digits="arabic")  # type: ignore[arg-type]
    assert caught.value.code == "option"
    assert isinstance(caught.value, MaskanError)


_PERSIAN_ISH = st.text(
    alphabet=st.sampled_from(
        [*list("ابپتثجیيىكکهة ـ\t\n\xa0"), ZWNJ, "\u200b", "\u200e", "ﻳ", "ﻛ", "ﷲ", "۱", "1", "١"]
    )
)


@given(st.one_of(_PERSIAN_ISH, st.text()))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    for digits in ("latin", "persian"):
        folded = normalize(text, digits=digits)  # type: ignore[arg-type]
        assert normalize(folded, digits=digits) == folded  # type: ignore[arg-type]


@given(_PERSIAN_ISH)
def test_normalize_output_is_clean(text: str) -> None:
    result = normalize(text)
    assert "ي" not in result
    assert "ك" not in result
    assert "ى" not in result
    assert "ـ" not in result
    assert "  " not in result
    assert ZWNJ * 2 not in result
    assert " " + ZWNJ not in result
    assert ZWNJ + " " not in result
    assert result == result.strip(" " + ZWNJ)


@given(st.one_of(_PERSIAN_ISH, st.text()))
def test_the_fast_path_skips_only_clean_text(text: str) -> None:
    from maskan.persian import text as module

    if module._DIRTY.search(text) is None:
        assert module._clean(text) == text
