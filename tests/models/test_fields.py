"""maskan.models._fields and _labels: the shared converters name the field they convert."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest

from maskan import serde
from maskan.errors import DataError, InvalidText, MaskanError
from maskan.models import _fields
from maskan.models._fields import as_text, to_optional_text, to_text
from maskan.models._labels import Labelled, labels
from maskan.models.person import Person

# A converter of each kind, a value it accepts and one it refuses.
CASES: dict[str, tuple[object, object]] = {
    "to_text": (" علي ", 5),
    "to_optional_text": (None, ""),
    "to_date": ("1404/09/04", "1404/13/01"),
    "to_optional_date": (None, 5),
    "to_national_id": ("0499370899", "0499370898"),
    "to_optional_national_id": (None, "12"),
    "to_legal_id": ("14011517510", "11111111111"),
    "to_rial": (5, 1.5),
    "to_flag": (True, "no"),
    "to_optional_flag": (None, 0),
    "to_texts": (["a"], "a"),
    "to_national_ids": (["0499370899"], ["0499370898"]),
}


def test_every_field_converter_is_covered() -> None:
    converters = {
        name for name in _fields.__all__ if isinstance(getattr(_fields, name), attrs.Converter)
    }
    assert converters == set(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_field_converter_names_the_attribute(name: str) -> None:
    good, bad = CASES[name]
    converter: Any = getattr(_fields, name)
    record = attrs.make_class("Record", {"some_field": attrs.field(converter=converter)})
    record(good)
    with pytest.raises(MaskanError) as caught:
        record(bad)
    assert caught.value.field == "some_field"
    if "_id" not in name:  # an identifier's message names the identifier, as it always did
        assert caught.value.message.startswith("some_field: ")


def test_a_field_converter_agrees_with_its_function() -> None:
    @attrs.frozen
    class Names:
        first: str = attrs.field(converter=to_text)
        second: str | None = attrs.field(default=None, converter=to_optional_text)

    assert Names(" علي ").first == as_text(" علي ", "first") == "علی"
    assert Names("x").second is None
    with pytest.raises(MaskanError) as caught:
        Names("x", " ")
    assert str(caught.value) == "second: is empty"


def test_a_field_converter_is_not_a_function() -> None:
    # mypy sees a one-argument function; a direct call must fail loudly, not misname.
    with pytest.raises(TypeError):
        to_text("x")  # type: ignore[call-arg]


def test_labels_must_match_the_members() -> None:
    class Colour(Labelled):
        GREEN = "green"
        RED = "red"

    with pytest.raises(RuntimeError, match="missing \\['red'\\]"):
        labels(Colour, {"green": ("سبز", "green")})
    labels(Colour, {"green": ("سبز", "green"), "red": ("قرمز", "red")})
    assert (Colour.RED.label_fa, Colour("green").label_en) == ("قرمز", "green")


def test_dates_in_messages() -> None:
    day = datetime.date(2025, 11, 25)
    assert (_fields.shown(day), _fields.shown_fa(day)) == ("1404/09/04 (2025-11-25)", "۱۴۰۴/۰۹/۰۴")


@pytest.mark.parametrize("text", ["a\udc80", "\ud800", "علی\udfff کریمی"])
def test_text_with_an_unpaired_surrogate_is_refused(text: str) -> None:
    # what bytes decoded with errors="surrogateescape" leave behind
    with pytest.raises(InvalidText) as raised:
        Person(national_id="0499370899", first_name=text, last_name="کریمی")
    assert (raised.value.code, raised.value.field) == ("encoding", "first_name")
    assert "U+D" in raised.value.message
    assert "U+D" in raised.value.message_fa
    assert Person(national_id="0499370899", first_name="😀", last_name="x").first_name == "😀"


def test_serde_reports_an_escaped_unpaired_surrogate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(serde, "_orjson", None)  # orjson refuses the escape as JSON already
    text = '{"national_id": "0499370899", "first_name": "\\ud800", "last_name": "x"}'
    with pytest.raises(DataError) as raised:
        serde.from_json(Person, text)
    assert [(p.path, p.code) for p in raised.value.problems] == [("$.first_name", "encoding")]
