"""maskan.serde's fast paths read and write exactly what its general ones do.

``to_json`` lets orjson write objects as it reaches them, ``from_json`` reads a JSON list
of records one record at a time, and attrs classes get generated functions; each is
compared here with the general path it replaces: cattrs' own functions, ``to_dict`` then
a JSON library, and the whole document parsed then read.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan import serde
from maskan.calendar import jdate
from maskan.errors import DataError
from maskan.geo import Province
from maskan.models.person import (
    Benefit,
    Employment,
    FormJStatus,
    Gender,
    HousingHistory,
    InsuredPeriod,
    OwnedProperty,
    Person,
    Residence,
)
from maskan.money import Rial

ALI = Person(
    national_id="0499370899",
    first_name="علی",
    last_name="کریمی",
    birth_date=jdate(1360, 1, 1),
    gender="male",
    legal_capacity=False,
    children_birth_dates=[jdate(1390, 1, 1), jdate(1388, 5, 5)],
    dependants=0,
    residences=[Residence(city="کاشان", since=jdate(1370, 1, 1), county="کاشان")],
    employment=Employment(kind="worker", employer="ذوب آهن"),
    insured_periods=[InsuredPeriod(start=jdate(1380, 1, 1), end=jdate(1385, 1, 1))],
    owned_properties=[],
    benefits=[Benefit(kind="land", date=jdate(1365, 2, 2))],
    form_j=FormJStatus(color="green"),
    income_decile=3,
    spouse_national_id="0084575948",
    spouse_housing=HousingHistory(owned_properties=[OwnedProperty(kind="unit")]),
)
MARYAM = Person(national_id="0084575948", first_name="مریم", last_name="احمدی")
PEOPLE = [ALI, MARYAM]


@pytest.fixture(params=[True, False], ids=["orjson", "json"])
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if not request.param:
        monkeypatch.setattr(serde, "_orjson", None)
    elif serde._orjson is None:
        pytest.skip("orjson is not installed")
    return "orjson" if request.param else "json"


RECORDS = [
    ALI,
    MARYAM,
    *ALI.residences,
    ALI.employment,
    *ALI.insured_periods,
    *ALI.benefits,
    ALI.form_j,
    ALI.spouse_housing,
    *ALI.spouse_housing.owned_properties,
]


@pytest.mark.parametrize("dates", ["iso", "jalali"])
def test_generated_functions_are_cattrs_functions(dates: serde.DateMode) -> None:
    # each class's function against cattrs' own for that class, whose nested classes use
    # the generated functions tested on their own in turn
    made = serde.make_converter(dates=dates)
    for record in RECORDS:
        kind = type(record)
        written = made.unstructure(record)
        general = made.gen_unstructure_attrs_fromdict(kind)(record)
        assert written == general
        assert list(written) == list(general)  # the same keys, in the same order
        assert made.structure(written, kind) == record
        assert made.gen_structure_attrs_fromdict(kind)(written, kind) == record


@pytest.mark.parametrize("dates", ["iso", "jalali"])
def test_to_json_is_to_dict_written_as_json(dates: serde.DateMode, parser: str) -> None:
    for obj in (
        PEOPLE,
        ALI,
        {"people": PEOPLE, "on": datetime.date(2025, 11, 25)},
        {Province.lookup("اصفهان"): 1},  # a key orjson cannot write: the general path
        [datetime.datetime(2025, 11, 25, 10, 30, 5, 120, tzinfo=datetime.UTC)],
        (jdate(1404, 9, 4), None, 1.5, True),
    ):
        expected = json.dumps(
            serde.to_dict(obj, dates=dates), ensure_ascii=False, separators=(",", ":")
        )
        assert serde.to_json(obj, dates=dates) == expected


def test_to_json_refuses_what_it_refused(parser: str) -> None:
    @dataclasses.dataclass
    class Unknown:
        x: object

    looped: list[object] = []
    looped.append(looped)
    for value, path, code in (
        ([object()], "$[0]", "type"),
        ({"codes": {1, 2}}, "$.codes", "type"),
        ({"a": [1, {"b": Unknown(x=object())}]}, "$.a[1].b.x", "type"),
        ([0, 10**5000], "$[1]", "out_of_range"),
        ({"a": {(1, 2): 3}}, "$", "type"),  # cattrs makes the key a list
        (looped, "$", "type"),
    ):
        for write in (serde.to_json, serde.to_json_bytes):
            with pytest.raises(DataError) as raised:
                write(value)
            assert [(p.path, p.code) for p in raised.value.problems] == [(path, code)]
    assert serde.to_json([Unknown(x=1)]) == '[{"x":1}]'  # cattrs writes a dataclass


@attrs.frozen(kw_only=True)
class Odd:
    """Fields of every kind the text writer handles itself, and some it hands on."""

    name: str
    count: int | None = None
    flag: bool | None = None
    gender: Gender | None = None
    day: datetime.date | None = None
    days: tuple[datetime.date, ...] | None = None
    amount: Rial | None = None
    share: Decimal | None = None
    extra: dict[str, Any] | None = None
    inner: Odd | None = None
    inners: tuple[Odd, ...] | None = None


class Text(str):
    pass


ODD_VALUES = [
    Odd(name="علی"),
    Odd(name='"\\\n\t\x00\x1f\x7f\u2028', count=0, flag=False, gender=Gender.FEMALE),
    Odd(name="x", count=2**70, flag=True, amount=Rial(2**60), share=Decimal("12.50")),
    Odd(name="x", count=True, flag=1, gender="male", share=2),  # not the declared types
    Odd(name=Text("s"), day=datetime.date(1600, 1, 1), days=(datetime.date(2025, 11, 25),) * 2),
    Odd(name="n", day=datetime.datetime(2025, 11, 25, 10, 30), extra={"a": [1, 2.5, None, "ب"]}),
    Odd(name="n", inner=Odd(name="m", inners=()), inners=(Odd(name="o"), Odd(name="p", count=3))),
]


@pytest.mark.parametrize("dates", ["iso", "jalali"])
def test_the_text_writer_writes_what_the_json_library_writes(dates: serde.DateMode) -> None:
    for value in [ODD_VALUES, *ODD_VALUES, {"odd": ODD_VALUES, "n": 1.5}, [], {}, "", 7, None]:
        expected = json.dumps(
            serde.to_dict(value, dates=dates), ensure_ascii=False, separators=(",", ":")
        )
        assert serde._converter_for(dates).text()(value) == expected


def test_a_record_holding_records_of_its_own_class_round_trips(parser: str) -> None:
    tree = ODD_VALUES[-1]
    made = serde.make_converter()  # a fresh one: its functions are written during this test
    assert made.structure(made.unstructure(tree), Odd) == tree
    assert serde.from_json(Odd, serde.to_json(tree)) == tree
    with pytest.raises(DataError) as raised:
        serde.from_dict(Odd, {"name": "n", "inners": [{"name": "o", "inner": {"name": 5}}]})
    assert [problem.path for problem in raised.value.problems] == ["$.inners[0].inner.name"]


def test_the_text_writer_leaves_to_the_general_path_what_it_cannot_write() -> None:
    writer = serde._iso_converter.text()
    for value in ({1: "a"}, {Gender.MALE: 1}, [{2: 3}], {"a": {1, 2}}, [object()]):
        with pytest.raises(TypeError):
            writer(value)
    assert serde.to_json({1: "a"}) == '{"1":"a"}'


@pytest.mark.parametrize("dates", ["iso", "jalali"])
def test_a_hook_registered_after_writing_is_used(dates: serde.DateMode, parser: str) -> None:
    @attrs.frozen
    class Tag:
        name: str

    made = serde._converter_for(dates)
    assert serde.to_json([Tag("a")], dates=dates) == '[{"name":"a"}]'
    made.register_unstructure_hook(Tag, lambda tag: tag.name.upper())
    try:
        assert serde.to_json([Tag("a")], dates=dates) == '["A"]'
        assert serde.to_json_bytes(Tag("b"), dates=dates) == b'"B"'
    finally:
        made.register_unstructure_hook(Tag, made.gen_unstructure_attrs_fromdict(Tag))


def test_to_json_bytes_is_to_json_encoded(parser: str) -> None:
    for value in (PEOPLE, ODD_VALUES, {"a": {1, 2}.__len__()}, {1: "a"}):
        assert serde.to_json_bytes(value) == serde.to_json(value).encode()
        assert serde.to_json_bytes(value, dates="jalali", indent=2) == serde.to_json(
            value, dates="jalali", indent=2
        ).encode("utf-8")


def test_to_json_bytes_refuses_what_utf8_cannot_hold(parser: str) -> None:
    lone = Odd(name="ab\ud800")
    assert "\ud800" in serde.to_json(lone)  # a str can hold it
    with pytest.raises(DataError) as raised:
        serde.to_json_bytes([lone])
    (problem,) = raised.value.problems
    assert (problem.path, problem.code) == ("$", "encoding")
    assert "U+D800" in problem.message
    assert "U+D800" in problem.message_fa


def _whole(cls: Any, text: str) -> object:
    """What from_json gave before: the whole document parsed, then read."""
    try:
        data = (
            serde._orjson.loads(text)
            if serde._orjson is not None
            else json.loads(text, parse_constant=serde._not_json)
        )
    except ValueError:
        return "not JSON"
    try:
        return serde.from_dict(cls, data)
    except DataError as error:
        return [(problem.path, problem.code) for problem in error.problems]


def _read(cls: Any, text: str) -> object:
    try:
        return serde.from_json(cls, text)
    except DataError as error:
        if error.problems[0].code == "json":
            return "not JSON"
        return [(problem.path, problem.code) for problem in error.problems]


RECORD = '{"national_id":"0084575948","first_name":"مریم","last_name":"احمدی"}'


@pytest.mark.parametrize(
    "text",
    [
        serde.to_json(PEOPLE),
        serde.to_json(PEOPLE, dates="jalali"),
        serde.to_json(PEOPLE, indent=2),
        "[]",
        " [ ] \n",
        f"\n[ {RECORD} ,\t{RECORD}\r\n]\n",
        f"[{RECORD}]x",
        f"[{RECORD},]",
        f"[{RECORD} {RECORD}]",
        f"[{RECORD}",
        "[",
        "",
        f"{{}}{RECORD}",
        RECORD,
        f'[{RECORD[:-1]},"note":1}}]',
        f"[{RECORD}, {RECORD.replace('0084575948', '0084575949')}]",
        f'[{RECORD[:-1]},"dependants":123456789012345678901234567890}}]',
        f'[{RECORD[:-1]},"dependants":-1e400}}]',
        f'[{RECORD[:-1]},"dependants":NaN}}]',
        "[" + RECORD.replace("مریم", "\\u0645\\u0631\\u06cc\\u0645") + "]",
        "[" + RECORD.replace("مریم", "\\ud800") + "]",
        f'[{RECORD[:-1]},"birth_date":"1370-05-10","residences":[]}}]',
        f'[{RECORD[:-1]},"residences":{{}}}}]',
    ],
)
def test_reading_records_one_at_a_time_is_reading_the_whole(text: str, parser: str) -> None:
    for cls in (list[Person], tuple[Person, ...]):
        assert _read(cls, text) == _whole(cls, text)
        assert _read(cls, text.encode()) == _whole(cls, text)


def test_a_list_of_records_reads_back() -> None:
    text = serde.to_json(PEOPLE)
    assert serde.from_json(list[Person], text) == PEOPLE
    assert serde.from_json(tuple[Person, ...], text) == tuple(PEOPLE)
    assert serde.from_json(list[int], "[1, 2]") == [1, 2]
    assert serde.from_json(tuple[int, str], '[1, "a"]') == (1, "a")


def test_generated_reading_builds_what_the_constructor_builds() -> None:
    for person in PEOPLE:
        data = serde.to_dict(person)
        assert serde.converter.structure(data, Person) == person
        built = serde.converter.structure(data, Person)
        for field in attrs.fields(Person):
            assert type(getattr(built, field.name)) is type(getattr(person, field.name))


def test_generated_reading_refuses_what_the_converters_refuse() -> None:
    data = serde.to_dict(ALI)
    data["children_birth_dates"] = ["1350-01-01"]  # before the person's birth
    with pytest.raises(DataError, match="children_birth_dates"):
        serde.from_dict(Person, data)
    data = serde.to_dict(ALI)
    data["residences"][0]["province"] = "IR-01"  # Kashan is in Isfahan
    with pytest.raises(DataError, match=r"\$\.residences\[0\]"):
        serde.from_dict(Person, data)


@given(
    st.recursive(
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats()
        | st.text()
        | st.dates(min_value=datetime.date(1000, 1, 1)),
        lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        max_leaves=30,
    ),
    st.sampled_from(["iso", "jalali"]),
)
def test_the_text_writer_writes_any_plain_data_as_json_does(
    value: object, dates: serde.DateMode
) -> None:
    expected = json.dumps(
        serde.to_dict(value, dates=dates), ensure_ascii=False, separators=(",", ":")
    )
    assert serde._converter_for(dates).text()(value) == expected
