"""Bad input of every shape raises the module's own error, with both messages; never
anything else. ``is_valid`` never raises."""

from __future__ import annotations

import pickle
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import (
    InvalidBankCard,
    InvalidIdentifier,
    InvalidLegalId,
    InvalidMobile,
    InvalidNationalId,
    InvalidPostalCode,
    InvalidSheba,
    MaskanError,
)
from maskan.identifiers import bank_card, legal_id, mobile, national_id, postal_code, sheba

MODULES: list[tuple[ModuleType, type[InvalidIdentifier], str]] = [
    (national_id, InvalidNationalId, "national_id"),
    (legal_id, InvalidLegalId, "legal_id"),
    (postal_code, InvalidPostalCode, "postal_code"),
    (mobile, InvalidMobile, "mobile"),
    (sheba, InvalidSheba, "sheba"),
    (bank_card, InvalidBankCard, "bank_card"),
]
HUGE = "1" * 10_000_000

BAD = [
    pytest.param("", "empty", id="empty"),
    pytest.param(" - . \u200c ", "empty", id="separators-only"),
    pytest.param("abcdefghij", "format", id="letters"),
    pytest.param("۰۹۱۲ab", "format", id="digits-and-letters"),
    pytest.param("1" * 40, "length", id="too-long"),
    pytest.param(HUGE, "length", id="10-MB"),
    pytest.param(None, "type", id="None"),
    pytest.param(499370899, "type", id="int"),
    pytest.param(4.99e9, "type", id="float"),
    pytest.param(True, "type", id="bool"),
    pytest.param(b"0499370899", "type", id="bytes"),
    pytest.param(["0499370899"], "type", id="list"),
]


@pytest.mark.parametrize(
    ("module", "error", "field"), MODULES, ids=lambda x: getattr(x, "__name__", "")
)
@pytest.mark.parametrize(("value", "code"), BAD)
def test_bad_input(
    module: ModuleType, error: type[InvalidIdentifier], field: str, value: object, code: str
) -> None:
    with pytest.raises(error) as caught:
        module.validate(value)
    raised = caught.value
    assert isinstance(raised, MaskanError)
    assert isinstance(raised, ValueError)
    # Letters in a mobile number or a Sheba number may also be a wrong country code.
    assert raised.code == code or (code == "format" and raised.code == "country")
    assert raised.field == field
    assert str(raised).startswith(f"{field}: ")
    assert raised.message_fa
    assert raised.message_fa != str(raised)
    assert len(str(raised)) < 300
    assert len(raised.message_fa) < 300
    assert raised.value is value
    assert module.is_valid(value) is False
    with pytest.raises(error):
        module.format(value)


@pytest.mark.parametrize(
    ("module", "error", "field"), MODULES, ids=lambda x: getattr(x, "__name__", "")
)
def test_an_int_is_refused_because_it_loses_leading_zeros(
    module: ModuleType, error: type[InvalidIdentifier], field: str
) -> None:
    with pytest.raises(error) as caught:
        module.compact(912)
    assert "leading zeros" in str(caught.value)
    assert "صفرهای ابتدایی" in caught.value.message_fa


@pytest.mark.parametrize(
    ("module", "error", "field"), MODULES, ids=lambda x: getattr(x, "__name__", "")
)
@given(text=st.text(max_size=40))
def test_any_text_gives_a_result_or_the_module_error(
    module: ModuleType, error: type[InvalidIdentifier], field: str, text: str
) -> None:
    if module.is_valid(text):
        result = module.validate(text)
        assert module.validate(result) == result
        return
    with pytest.raises(error) as caught:
        module.validate(text)
    assert caught.value.code in {
        "empty", "format", "length", "checksum", "country", "prefix", "middle_zeros",
        "repeated_digits", "forbidden_digit",
    }  # fmt: skip


def test_errors_survive_pickling() -> None:
    with pytest.raises(InvalidSheba) as caught:
        sheba.validate("DE89370400440532013000")
    copy = pickle.loads(pickle.dumps(caught.value))
    assert type(copy) is InvalidSheba
    assert (copy.code, str(copy), copy.message_fa) == (
        caught.value.code,
        str(caught.value),
        caught.value.message_fa,
    )
