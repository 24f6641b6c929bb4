"""Rosters in files (``maskan.cli.roster``): CSV columns, JSON Lines, streamed JSON arrays."""

from __future__ import annotations

import io
import json

import attrs
import pytest

from maskan import samples, serde
from maskan.cli import roster
from maskan.cli.roster import (
    COLUMNS,
    RosterError,
    person_to_row,
    read_roster,
    row_to_person,
    write_roster,
)
from maskan.errors import MaskanError
from maskan.models.person import (
    Employment,
    InsuredPeriod,
    Person,
    Residence,
)

BASE = {"national_id": "0499370899", "first_name": "سارا", "last_name": "احمدی"}


def test_generated_people_survive_a_csv_row_both_ways() -> None:
    for person in samples.generate(400, seed=11):
        row = person_to_row(person, {"city": samples.CITY})
        assert set(row) == {column.name for column in COLUMNS}
        again, context = row_to_person(row)
        assert again == person
        assert context == {"city": samples.CITY}
        assert row_to_person(person_to_row(person, dates="iso"))[0] == person


@pytest.mark.parametrize("format", ["csv", "json"])
def test_write_then_read_a_roster(format: str) -> None:
    people = list(samples.generate(50, seed=3))
    text = io.StringIO()
    assert write_roster(people, text, format=format, context={"city": "اصفهان"}) == 50  # type: ignore[arg-type]
    rows = list(read_roster(io.BytesIO(text.getvalue().encode()), format=format))  # type: ignore[arg-type]
    assert [row.person for row in rows] == people
    assert all(row.context == {"city": "اصفهان"} for row in rows)
    first_line = 2 if format == "csv" else 1
    assert [row.line for row in rows] == list(range(first_line, first_line + 50))


def test_cells_in_persian() -> None:
    person, _ = row_to_person(
        {
            **BASE,
            "gender": "زن",
            "marital_status": "متأهل",
            "head_of_household": "بله",
            "disabled": "خیر",
            "veteran_status": "خانوادهٔ شهید",
            "dependants": "۳",
            "birth_date": "۱۳۷۱/۰۲/۱۰",
            "children_birth_dates": "1394/03/01؛ 1397/06/10",
            "owned_properties": "ندارد",
            "benefits": "زمین:1356/05/01:طرح قدیمی",
        }
    )
    assert person.gender is not None
    assert person.gender.value == "female"
    assert person.marital_status is not None
    assert person.marital_status.value == "married"
    assert person.head_of_household is True
    assert person.disabled is False
    assert person.veteran_status is not None
    assert person.veteran_status.value == "martyr_family"
    assert person.dependants == 3
    assert person.children_count == 2
    assert person.owned_properties == ()
    assert person.benefits is not None
    assert person.benefits[0].program == "طرح قدیمی"


def test_residences_and_insurance() -> None:
    person, _ = row_to_person(
        {
            **BASE,
            "city": "اصفهان",
            "city_since": "1398/07/01",
            "county": "اصفهان",
            "from_metropolis": "yes",
            "previous_residences": "تهران:1371/02/10:تهران;کرج:1390/01/01",
            "employment": "worker",
            "insurer": "sso",
            "insured_since": "1399/01/01",
            "insured_until": "1401/12/29",
            "insured_by": "sso",
        }
    )
    assert person.residences is not None
    assert [home.city for home in person.residences] == ["تهران", "کرج", "اصفهان"]
    assert person.residences[0].province is not None
    assert person.residences[0].province.iso_code == "IR-23"
    assert person.residences[-1].from_metropolis is True
    assert person.residences[-1].county is not None
    assert person.residences[-1].county.name_en == "Isfahan"
    assert person.employment == Employment(kind="worker", insurer="sso")
    assert person.insured_periods == (
        InsuredPeriod(start="1399/01/01", end="1401/12/29", insurer="sso"),
    )
    assert row_to_person({**BASE, "city": "none"})[0].residences == ()
    assert row_to_person({**BASE, "insured_since": "none"})[0].insured_periods == ()


@pytest.mark.parametrize(
    ("cells", "code", "column"),
    [
        ({"gender": "other"}, "choice", "gender"),
        ({"disabled": "perhaps"}, "flag", "disabled"),
        ({"dependants": "two"}, "integer", "dependants"),
        ({"birth_date": "1370/13/01"}, "month_out_of_range", "birth_date"),
        ({"city": "اصفهان"}, "missing", "city_since"),
        ({"city_since": "1390/01/01"}, "missing", "city_since"),
        ({"county": "کاشان"}, "missing", "county"),
        (
            {"city": "x", "city_since": "1390/01/01", "county": "Kashn"},
            "unknown_place",
            "city_since",
        ),
        (
            {"city": "x", "city_since": "1390/01/01", "previous_residences": "y"},
            "missing",
            "previous_residences[0]",
        ),
        ({"owned_properties": "unit:1390/01/01:1391/01/01:x"}, "parts", "owned_properties[0]"),
        ({"owned_properties": "villa"}, "choice", "owned_properties[0]"),
        ({"insured_until": "1400/01/01"}, "missing", "insured_until"),
        ({"form_j_as_of": "1400/01/01"}, "missing", "form_j_as_of"),
        ({"spouse_form_j": "blue"}, "choice", "spouse_form_j"),
        ({"national_id": "123"}, "length", "national_id"),
        ({"first_name": ""}, "empty", "first_name"),
    ],
)
def test_a_bad_cell_names_its_column(cells: dict[str, str], code: str, column: str) -> None:
    with pytest.raises(MaskanError) as caught:
        row_to_person({**BASE, **cells})
    assert caught.value.code == code
    assert str(caught.value).startswith(f"{column}: ")
    assert caught.value.message_fa


def test_people_a_csv_row_cannot_hold() -> None:
    person = Person(
        national_id="0499370899",
        first_name="a",
        last_name="b",
        insured_periods=[
            InsuredPeriod(start="1390/01/01", end="1391/01/01"),
            InsuredPeriod(start="1395/01/01"),
        ],
    )
    with pytest.raises(RosterError) as caught:
        person_to_row(person)
    assert caught.value.code == "not_flat"
    assert "JSON Lines" in str(caught.value)
    moved = Person(
        national_id="0499370899",
        first_name="a",
        last_name="b",
        residences=[
            Residence(city="a", since="1390/01/01", from_metropolis=True),
            Residence(city="b", since="1391/01/01"),
        ],
    )
    with pytest.raises(RosterError):
        person_to_row(moved)
    with pytest.raises(RosterError):
        write_roster([moved], io.StringIO())
    json_lines = io.StringIO()
    write_roster([moved], json_lines, format="json")  # JSON Lines holds anyone
    assert next(read_roster(io.BytesIO(json_lines.getvalue().encode()))).person == moved


def test_a_json_array_is_streamed_in_small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roster, "_CHUNK", 7)  # every element spans several reads
    people = list(samples.generate(20, seed=5))
    text = "[\n" + ",\n".join(serde.to_json(person, indent=2) for person in people) + "\n]"
    rows = list(read_roster(io.BytesIO(text.encode()), format="json"))
    assert [row.person for row in rows] == people
    expected, line = [], 2
    for person in people:
        expected.append(line)
        line += serde.to_json(person, indent=2).count("\n") + 1
    assert [row.line for row in rows] == expected


@pytest.mark.parametrize(
    ("text", "lines", "message"),
    [
        (
            '[{"national_id": "0499370899", "first_name": "a", "last_name": "b"}',
            [1, 1],
            "not closed",
        ),
        (
            '[{"national_id": "0499370899", "first_name": "a", "last_name": "b"}] x',
            [1, 1],
            "after the end",
        ),
        (
            '[{"national_id": "0499370899", "first_name": "a", "last_name": "b"}\n {}]',
            [1, 2],
            "expected ','",
        ),
        ('[\n\n {"national_id": \n "x",]', [4], "the rest of the JSON array"),
    ],
)
def test_a_broken_json_array(text: str, lines: list[int], message: str) -> None:
    rows = list(read_roster(io.BytesIO(text.encode()), format="json"))
    assert [row.line for row in rows] == lines
    assert message in str(rows[-1].error)


def test_csv_header_is_read_leniently_and_checked() -> None:
    text = "\ufeff National_ID , First_Name,LAST_NAME\n0499370899,a,b\n"
    (row,) = read_roster(io.BytesIO(text.encode()), format="csv")
    assert row.person is not None
    assert row.person.full_name == "a b"
    with pytest.raises(RosterError, match="did you mean 'marital_status'"):
        next(read_roster(io.BytesIO(b"national_id,first_name,last_name,marital\n")))


def test_format_from_the_name_or_the_content(tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    line = json.dumps({**BASE}, ensure_ascii=False)
    for name in ("a.jsonl", "a.ndjson", "a.json", "a.txt"):
        (folder / name).write_text(line + "\n", encoding="utf-8")
        reader = read_roster(folder / name)
        assert reader.format == "json"
        assert next(reader).ok
    (folder / "b.txt").write_text("national_id,first_name,last_name\n0499370899,a,b\n")
    assert read_roster(folder / "b.txt").format == "csv"


def test_rows_keep_the_national_id_of_a_bad_row() -> None:
    text = b"national_id,first_name,last_name,gender\n0499370899,a,b,x\n"
    (row,) = read_roster(io.BytesIO(text), format="csv")
    assert not row.ok
    assert row.national_id == "0499370899"
    assert attrs.evolve(row, error=None).ok


def test_the_guide_documents_every_column() -> None:
    from pathlib import Path

    guide = Path(__file__).parents[2] / "docs" / "guides" / "command-line.md"
    text = guide.read_text(encoding="utf-8")
    for column in COLUMNS:
        assert f"| `{column.name}` |" in text, column.name


def test_public_names_have_examples() -> None:
    import maskan.cli

    for module in (maskan.cli, roster):
        for name in module.__all__:
            value = getattr(module, name)
            if callable(value) and getattr(value, "__module__", "").startswith("maskan"):
                assert value.__doc__, f"{module.__name__}.{name} has no docstring"
                assert ">>>" in value.__doc__, f"{module.__name__}.{name} has no example"
