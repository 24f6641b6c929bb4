"""maskan.serde on small attrs classes: the wire format, both date modes, every problem listed."""

from __future__ import annotations

import contextlib
import datetime
import enum
import json
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan import serde
from maskan.errors import DataError, MaskanError
from maskan.geo import County, Province
from maskan.models._fields import to_date, to_text
from maskan.money import Rial


class Tenure(enum.StrEnum):
    OWNED = "owned"
    LEASE_99 = "lease_99_years"


@attrs.frozen(kw_only=True)
class Plot:
    tenure: Tenure
    area: Decimal
    province: Province
    county: County | None = None


@attrs.frozen(kw_only=True)
class Member:
    name: str = attrs.field(converter=to_text)
    joined: datetime.date = attrs.field(converter=to_date)
    paid: Rial
    share: Fraction
    active: bool
    plots: tuple[Plot, ...] = ()


ISFAHAN = Province.lookup("IR-10")
KASHAN = County.lookup("کاشان")
MEMBER = Member(
    name="علی کریمی",
    joined=datetime.date(2025, 11, 25),
    paid=Rial(5_500_000_000),
    share=Fraction(87, 100),
    active=True,
    plots=(Plot(tenure=Tenure.LEASE_99, area=Decimal("250.5"), province=ISFAHAN, county=KASHAN),),
)


def test_wire_format() -> None:
    assert serde.to_dict(MEMBER) == {
        "name": "علی کریمی",
        "joined": "2025-11-25",
        "paid": 5_500_000_000,
        "share": "87/100",
        "active": True,
        "plots": [
            {
                "tenure": "lease_99_years",
                "area": "250.5",
                "province": "IR-10",
                "county": {"province": "IR-10", "name": "کاشان"},
            }
        ],
    }
    assert serde.to_dict(MEMBER, dates="jalali")["joined"] == "1404-09-04"


def test_json_keeps_persian_readable() -> None:
    text = serde.to_json(MEMBER)
    assert "علی کریمی" in text
    assert "\\u" not in text
    assert json.loads(text)["name"] == "علی کریمی"
    assert serde.to_json(MEMBER, indent=2).startswith('{\n  "name": "علی کریمی"')


@pytest.mark.parametrize("dates", ["iso", "jalali"])
@pytest.mark.parametrize("use_orjson", [True, False])
def test_round_trip(
    dates: serde.DateMode, use_orjson: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not use_orjson:
        monkeypatch.setattr(serde, "_orjson", None)
    elif serde._orjson is None:
        pytest.skip("orjson is not installed")
    assert serde.from_json(Member, serde.to_json(MEMBER, dates=dates)) == MEMBER
    assert serde.from_dict(Member, serde.to_dict(MEMBER, dates=dates)) == MEMBER


def test_lenient_where_people_are() -> None:
    data = serde.to_dict(MEMBER)
    data["joined"] = "۱۴۰۴/۰۹/۰۴"
    data["paid"] = "5500000000"
    data["plots"][0]["area"] = 250.5
    data["name"] = "علي   كريمي"
    assert serde.from_dict(Member, data) == MEMBER


def test_every_problem_is_listed_with_its_path() -> None:
    data = serde.to_dict(MEMBER)
    data["joined"] = "1404-13-01"
    data["paid"] = 1.5
    data["active"] = "yes"
    data["share"] = "1/0"
    data["plots"][0]["tenure"] = "rented"
    data["plots"][0]["province"] = "Atlantis"
    data["plots"][0]["county"] = {"province": "IR-10", "name": "Tehran"}
    data["plots"].append({"tenure": "owned", "area": "x", "province": "IR-10", "extra": 1})
    data["nickname"] = "x"
    with pytest.raises(DataError) as caught:
        serde.from_dict(Member, data)
    problems = {problem.path: problem for problem in caught.value.problems}
    assert set(problems) == {
        "$.joined",
        "$.paid",
        "$.active",
        "$.share",
        "$.plots[0].tenure",
        "$.plots[0].province",
        "$.plots[0].county",
        "$.plots[1].area",
        "$.plots[1].extra",
        "$.nickname",
    }
    assert problems["$.joined"].code == "month_out_of_range"
    assert problems["$.nickname"].code == "unknown_field"
    assert problems["$.plots[0].tenure"].code == "choice"
    for problem in problems.values():
        assert problem.message
        assert problem.message_fa
    assert str(caught.value).startswith("10 problems in the document:\n")
    assert caught.value.message_fa.startswith("10 مشکل در سند:\n")


def test_missing_fields_and_wrong_shapes() -> None:
    with pytest.raises(DataError) as caught:
        serde.from_dict(Member, {"name": "x"})
    paths = {problem.path for problem in caught.value.problems}
    assert {"$.joined", "$.paid", "$.share", "$.active"} <= paths
    assert all(p.code == "missing" for p in caught.value.problems)
    with pytest.raises(DataError):
        serde.from_dict(Member, ["not", "a", "dict"])
    with pytest.raises(DataError):
        serde.from_dict(Member, None)


def test_a_converter_error_names_its_field() -> None:
    data = serde.to_dict(MEMBER)
    data["name"] = "   "
    with pytest.raises(DataError) as caught:
        serde.from_dict(Member, data)
    assert caught.value.problems[0][:2] == ("$.name", "is empty")  # the path names the field
    assert caught.value.problems[0].code == "empty"


@pytest.mark.parametrize("text", ["", "{", "[" * 100_000, '{"a": NaN}', b"\xff\xfe", "null", "12"])
def test_bad_json_is_a_data_error(text: str | bytes) -> None:
    with pytest.raises(DataError) as caught:
        serde.from_json(Member, text)
    assert isinstance(caught.value, MaskanError)
    assert caught.value.problems[0].path == "$"


def test_from_json_rejects_non_text() -> None:
    with pytest.raises(DataError, match="takes str or bytes"):
        serde.from_json(Member, 12)  # type: ignore[arg-type]


def test_bad_date_mode() -> None:
    with pytest.raises(DataError, match="'iso' or 'jalali'"):
        serde.to_dict(MEMBER, dates="gregorian")  # type: ignore[arg-type]
    with pytest.raises(DataError):
        serde.make_converter(dates="gregorian")  # type: ignore[arg-type]


def test_large_amounts_survive_json(monkeypatch: pytest.MonkeyPatch) -> None:
    big = attrs.evolve(MEMBER, paid=Rial(10**23))
    assert serde.from_json(Member, serde.to_json(big)) == big
    monkeypatch.setattr(serde, "_orjson", None)
    assert serde.from_json(Member, serde.to_json(big)) == big


def test_integrators_can_extend_the_converter() -> None:
    converter = serde.make_converter()
    converter.register_unstructure_hook(Tenure, lambda tenure: tenure.value.upper())
    assert converter.unstructure(Tenure.OWNED) == "OWNED"
    assert serde.converter.unstructure(Tenure.OWNED) == "owned"


@given(
    st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)),
    st.integers(min_value=-(10**23), max_value=10**23),
    st.sampled_from(["iso", "jalali"]),
)
def test_dates_and_money_round_trip(day: datetime.date, rials: int, dates: serde.DateMode) -> None:
    member = attrs.evolve(MEMBER, joined=day, paid=Rial(rials))
    assert serde.from_json(Member, serde.to_json(member, dates=dates)) == member


@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        max_leaves=20,
    )
)
def test_arbitrary_documents_fail_cleanly(document: object) -> None:
    with contextlib.suppress(DataError):
        serde.from_dict(Member, document)
