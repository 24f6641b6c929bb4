"""Columnar screening (maskan.eligibility.batch) gives the per-person answers.

For every built-in program, random people (every fact sometimes unknown) go both ways —
``program.evaluate`` person by person, and ``columns_from_people`` → ``evaluate_columns`` —
and must get the same verdict, the same failed reason codes in the same order, and the same
``eligible_from``.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maskan import calendar
from maskan.calendar import jdate
from maskan.eligibility import batch
from maskan.eligibility.program import Program
from maskan.eligibility.programs import PROGRAMS, get
from maskan.eligibility.programs.workers_housing_cooperative import _example_cooperative
from maskan.errors import RosterError, RuleError
from maskan.geo import Province
from maskan.models._coop_examples import example_cooperative
from maskan.models.person import (
    Benefit,
    FormJStatus,
    HousingHistory,
    OwnedProperty,
    Person,
    Residence,
)
from maskan.models.registry import Registry

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "models"))
from strategies_person import CITIES, national_ids, people

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# From the opening of single men's registration (every NHM parameter has a value) to 1410.
DAYS = st.dates(min_value=jdate(1400, 10, 14), max_value=jdate(1410, 12, 29))
CHANGES = st.sampled_from(["in_force", "not_in_force", "undecided", "1401/03/01", "1405/01/01"])
ROSTERS = st.lists(people(), min_size=1, max_size=8)
TESTED: set[str] = set()


def _day(value: np.datetime64) -> datetime.date | None:
    return None if np.isnat(value) else value.astype(datetime.date)


def same_answers(
    program: Program, persons: list[Person], on: datetime.date, **context: Any
) -> batch.Screening:
    """Evaluate both ways and check that every row agrees."""
    columns = batch.columns_from_people(persons, program=program)
    screening = program.evaluate_columns(columns, on=on, **context)
    assert len(screening) == len(persons)
    for row, person in enumerate(persons):
        decision = program.evaluate(person, on=on, **context)
        assert screening.verdicts()[row] is decision.verdict, (row, decision.explain("en"))
        assert screening.reasons(row) == decision.failed_codes, (row, decision.explain("en"))
        assert _day(screening.eligible_from[row]) == decision.eligible_from, row
    TESTED.add(program.code)
    return screening


# --- identity, every built-in program -------------------------------------------------


@SETTINGS
@given(persons=ROSTERS, on=DAYS, lookback=CHANGES)
def test_without_housing_in_columns_as_per_person(
    persons: list[Person], on: datetime.date, lookback: str
) -> None:
    program = get("without_housing").with_values(five_year_lookback=lookback)
    same_answers(program, persons, on)


@SETTINGS
@given(
    persons=ROSTERS,
    on=DAYS,
    lookback=CHANGES,
    easing=CHANGES,
    city=st.one_of(st.none(), st.sampled_from(CITIES)),
    province=st.sampled_from([None, "تهران", "اصفهان"]),
)
def test_national_housing_movement_in_columns_as_per_person(
    persons: list[Person],
    on: datetime.date,
    lookback: str,
    easing: str,
    city: str | None,
    province: str | None,
) -> None:
    program = get("national_housing_movement").with_values(
        five_year_lookback=lookback, residence_easing=easing
    )
    context = {"city": city, **({"province": province} if province else {})}
    same_answers(program, persons, on, **context)


@SETTINGS
@given(
    persons=ROSTERS,
    on=DAYS,
    registry=st.booleans(),
    shares=st.one_of(st.none(), st.integers(min_value=1, max_value=60)),
)
def test_cooperative_membership_in_columns_as_per_person(
    persons: list[Person], on: datetime.date, registry: bool, shares: int | None
) -> None:
    cooperative = example_cooperative()
    context: dict[str, Any] = {"cooperative": cooperative, "shares": shares}
    if registry:
        context["registry"] = Registry(cooperatives=[cooperative])
    same_answers(get("cooperative_membership"), persons, on, **context)


@SETTINGS
@given(
    persons=ROSTERS,
    on=DAYS,
    months=st.integers(min_value=0, max_value=120),
    shares=st.one_of(st.none(), st.integers(min_value=1, max_value=30)),
)
def test_workers_housing_cooperative_in_columns_as_per_person(
    persons: list[Person], on: datetime.date, months: int, shares: int | None
) -> None:
    program = get("workers_housing_cooperative").with_values(minimum_insurance_months=months)
    same_answers(program, persons, on, cooperative=_example_cooperative(), shares=shares)


@SETTINGS
@given(
    persons=ROSTERS,
    on=st.dates(min_value=jdate(1399, 1, 1), max_value=jdate(1406, 12, 29)),
    one_spouse=st.booleans(),
    by_spouse=st.one_of(
        st.none(),
        st.dictionaries(
            st.sampled_from(["a", "b"]),
            st.lists(st.dates(jdate(1390, 1, 1), jdate(1405, 1, 1)), max_size=4),
            max_size=2,
        ),
    ),
)
def test_family_land_in_columns_as_per_person(
    persons: list[Person],
    on: datetime.date,
    one_spouse: bool,
    by_spouse: dict[str, list[datetime.date]] | None,
) -> None:
    program = get("family_land").with_values(one_spouse_required=one_spouse)
    context = {} if by_spouse is None else {"children_by_spouse": by_spouse}
    same_answers(program, persons, on, **context)


# --- the twins really run ---------------------------------------------------------------

_ISFAHAN, _TEHRAN = Province.lookup("اصفهان"), Province.lookup("تهران")


@st.composite
def known_people(draw: st.DrawFn) -> Person:
    """A person of whom every fact the National Housing Movement reads is known."""
    born = draw(st.dates(jdate(1330, 1, 1), jdate(1384, 12, 29)))
    moves = draw(st.lists(st.dates(born, jdate(1404, 12, 29)), min_size=0, max_size=3, unique=True))
    residences = [
        Residence(
            city=draw(st.sampled_from(CITIES[:3])),
            since=day,
            province=draw(st.sampled_from([_ISFAHAN, _TEHRAN])),
            from_metropolis=draw(st.booleans()),
            transferred_employee=draw(st.booleans()),
        )
        for day in sorted({born, *moves})
    ]

    def owned() -> list[OwnedProperty]:
        found = []
        for acquired in draw(st.lists(st.dates(born, jdate(1405, 1, 1)), max_size=2)):
            disposed = draw(st.one_of(st.none(), st.dates(acquired, jdate(1406, 1, 1))))
            found.append(OwnedProperty(kind="unit", acquired=acquired, disposed=disposed))
        return found

    def used() -> list[Benefit]:
        days = draw(st.lists(st.dates(jdate(1350, 1, 1), jdate(1405, 1, 1)), max_size=2))
        return [Benefit(kind="subsidised_loan", date=day) for day in days]

    def form_j() -> FormJStatus | None:
        color = draw(st.sampled_from([None, "green", "red"]))
        return None if color is None else FormJStatus(color=color)

    status = draw(st.sampled_from(["single", "married", "divorced", "widowed"]))
    spouse = None
    if status == "married":
        spouse = HousingHistory(owned_properties=owned(), benefits=used(), form_j=form_j())
    return Person(
        national_id=draw(national_ids()),
        first_name="مریم",
        last_name="احمدی",
        birth_date=born,
        gender=draw(st.sampled_from(["female", "male"])),
        marital_status=status,
        head_of_household=draw(st.booleans()),
        child_custody=draw(st.booleans()),
        disabled=draw(st.booleans()),
        residences=residences,
        owned_properties=owned(),
        benefits=used(),
        form_j=form_j(),
        spouse_housing=spouse,
    )


@SETTINGS
@given(
    persons=st.lists(known_people(), min_size=1, max_size=10),
    on=st.dates(jdate(1400, 10, 14), jdate(1408, 1, 1)),
    lookback=st.sampled_from(["in_force", "not_in_force", "1401/03/01"]),
    easing=st.sampled_from(["in_force", "not_in_force", "1405/06/01"]),
    province=st.sampled_from([None, "اصفهان"]),
)
def test_national_housing_movement_runs_in_columns(
    persons: list[Person], on: datetime.date, lookback: str, easing: str, province: str | None
) -> None:
    program = get("national_housing_movement").with_values(
        five_year_lookback=lookback, residence_easing=easing
    )
    context = {"city": CITIES[0], **({"province": province} if province else {})}
    screening = same_answers(program, persons, on, **context)
    assert not screening.per_person.any()


@SETTINGS
@given(persons=st.lists(known_people(), min_size=1, max_size=10), on=DAYS, shares=st.booleans())
def test_cooperative_membership_runs_in_columns(
    persons: list[Person], on: datetime.date, shares: bool
) -> None:
    cooperative = example_cooperative()
    nationals = [
        attrs.evolve(person, nationality="iranian", legal_capacity=True) for person in persons
    ]
    founder = next(iter(cooperative.memberships)).national_id
    member = attrs.evolve(nationals[0], national_id=founder)
    context = {
        "cooperative": cooperative,
        "registry": Registry(cooperatives=[cooperative]),
        "shares": 12 if shares else 40,
    }
    screening = same_answers(get("cooperative_membership"), [*nationals, member], on, **context)
    assert not screening.per_person.any()
    assert "cooperative_membership.already_member" in screening.reasons(len(nationals))


def test_every_built_in_program_is_tested() -> None:
    # the identity tests of this module run first (pytest keeps the file's order)
    assert set(PROGRAMS) <= TESTED


def test_which_rules_run_in_columns() -> None:
    # every built-in rule declares its facts and failures; these have no twin
    leaves = {
        leaf.code: leaf
        for program in PROGRAMS.values()
        for rule in program.rules
        for leaf in batch._schema._leaves(rule)
    }
    assert all(leaf.columns is not None for leaf in leaves.values())
    without_twin = sorted(code for code, leaf in leaves.items() if leaf.columns.check is None)
    assert without_twin == [
        "family_land.free_plot",
        "family_land.third_child",
        "workers_housing_cooperative.insurance",
    ]


# --- inputs -------------------------------------------------------------------------------


def _roster() -> tuple[Program, list[Person]]:
    program = get("national_housing_movement").with_values(
        five_year_lookback="in_force", residence_easing="in_force"
    )
    persons = []
    for year, status, city in zip(
        range(1350, 1386, 3),
        ["single", "married", "divorced", "widowed"] * 3,
        CITIES * 2,
        strict=True,
    ):
        born = jdate(year, 1 + year % 12, 1 + year % 28)
        persons.append(
            Person(
                national_id="0499370899",
                first_name="مریم",
                last_name="احمدی",
                birth_date=born,
                gender="female" if year % 2 else "male",
                marital_status=status,
                head_of_household=year % 3 == 0,
                child_custody=True,
                disabled=year % 5 == 0,
                residences=[Residence(city=city, since=born)],
                owned_properties=[OwnedProperty(kind="unit", acquired=jdate(year + 20, 1, 1))]
                if year % 4 == 0
                else [],
                benefits=[],
                spouse_housing=HousingHistory(owned_properties=[], benefits=[]),
            )
        )
    return program, persons


def test_pandas_and_arrow_give_the_same_answers() -> None:
    program, persons = _roster()
    columns = batch.columns_from_people(persons, program=program)
    on, city = jdate(1404, 9, 4), CITIES[0]
    expected = program.evaluate_columns(columns, on=on, city=city)
    frame = pd.DataFrame(columns, index=pd.RangeIndex(100, 100 + len(persons)))
    for name in ("gender", "marital_status", "residence_1_city"):
        frame[name] = frame[name].astype("category")
    for data in (frame, pa.Table.from_pandas(frame, preserve_index=False)):
        got = program.evaluate_columns(data, on=on, city=city)
        assert got.verdict.tolist() == expected.verdict.tolist()
        assert got.failed.tolist() == expected.failed.tolist()
        assert got.eligible_from.tolist() == expected.eligible_from.tolist()
    table = program.evaluate_columns(frame, on=on, city=city).to_pandas(reasons=True)
    assert table.index.tolist() == frame.index.tolist()
    assert table["reasons"].tolist() == [
        " ".join(program.evaluate(person, on=on, city=city).failed_codes) for person in persons
    ]


def test_dates_as_jalali_text_and_flags_with_gaps() -> None:
    program = get("without_housing").with_values(five_year_lookback="in_force")
    columns = {
        "marital_status": ["single", "married", None],
        "property_count": [1, 0, None],
        "property_1_acquired": ["۱۴۰۲/۰۱/۰۱", None, None],
        "property_1_disposed": ["1403/05/01", None, None],
        "benefit_count": np.array([0, 1, np.nan]),
        "benefit_1_date": [None, "2010-05-01", None],
        "form_j": pd.Categorical(["green", None, "red"]),
        "spouse_property_count": [0, 0, 0],
        "spouse_benefit_count": [0, 0, 0],
        "spouse_form_j": [None, None, None],
    }
    screening = program.evaluate_columns(columns, on=jdate(1404, 9, 4))
    assert [verdict.value for verdict in screening.verdicts()] == ["ineligible"] * 3
    assert screening.reasons(0) == ("without_housing.owned_in_lookback",)
    assert _day(screening.eligible_from[0]) == jdate(1408, 5, 2)
    assert screening.reasons(1) == ("without_housing.benefit_used",)
    assert screening.reasons(2) == ("without_housing.form_j_red",)
    mask = screening.reason_mask("without_housing.form_j_red")
    assert ((screening.failed & np.uint64(mask)) != 0).tolist() == [False, False, True]


def test_a_rule_before_its_first_value_raises_as_per_person() -> None:
    program = get("national_housing_movement").with_values(
        five_year_lookback="in_force", residence_easing="in_force"
    )
    woman = Person(
        national_id="0499370899",
        first_name="سارا",
        last_name="احمدی",
        gender="female",
        marital_status="single",
        birth_date="1360/01/01",
    )
    on = jdate(1399, 1, 1)
    with pytest.raises(RuleError) as per_person:
        program.evaluate(woman, on=on, city="اصفهان")
    with pytest.raises(RuleError) as in_columns:
        program.evaluate_columns(batch.columns_from_people([woman]), on=on, city="اصفهان")
    assert in_columns.value.code == per_person.value.code == "before_first_boundary"


# --- bad input ----------------------------------------------------------------------------

_WITHOUT = get("without_housing").with_values(five_year_lookback="in_force")


def _good() -> dict[str, Any]:
    return {
        "marital_status": ["single", "single"],
        "property_count": [0, 1],
        "property_1_acquired": [None, "1400/01/01"],
        "property_1_disposed": [None, None],
        "benefit_count": [0, 0],
        "form_j": [None, None],
        "spouse_property_count": [0, 0],
        "spouse_benefit_count": [0, 0],
        "spouse_form_j": [None, None],
    }


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        ({"form_j": None}, "missing_column", "form_j: the column is missing"),
        ({"property_1_disposed": None}, "missing_column", "property_1_disposed: the column"),
        ({"property_1_acquired": [None, "1400/13/01"]}, "month_out_of_range", "row 1"),
        ({"marital_status": ["single", "maried"]}, "invalid_value", "marital_status, row 1"),
        ({"benefit_count": [0, -1]}, "invalid_value", "benefit_count, row 1"),
        ({"benefit_count": [0.5, 0]}, "invalid_value", "benefit_count, row 0"),
        ({"property_1_acquired": np.array([1.0, 2.0])}, "column_type", "property_1_acquired"),
        ({"form_j": [None]}, "column_length", "form_j: 1 rows"),
    ],
)
def test_bad_columns_name_the_column_and_row(
    change: dict[str, Any], code: str, message: str
) -> None:
    columns = _good()
    for name, value in change.items():
        if value is None:
            del columns[name]
        else:
            columns[name] = value
    with pytest.raises(RosterError) as error:
        _WITHOUT.evaluate_columns(columns, on="1404/09/04")
    assert error.value.code == code
    assert message in str(error.value)


def test_data_that_is_not_a_table_is_refused() -> None:
    with pytest.raises(RosterError, match="data: a list is not"):
        _WITHOUT.evaluate_columns([1, 2], on="1404/09/04")


def test_without_numpy_evaluate_columns_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['numpy'] = None\n"
        "from maskan.eligibility.programs import get\n"
        "from maskan.errors import RuleError\n"
        "try:\n"
        "    get('family_land').evaluate_columns({}, on='1404/09/04')\n"
        "except RuleError as error:\n"
        "    print(error.code, error)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.startswith("missing_dependency")
    assert "maskan[columnar]" in done.stdout


# --- the calendar in numpy ----------------------------------------------------------------


def test_numpy_calendar_is_maskan_calendar() -> None:
    days = np.arange(jdate(1300, 1, 1).toordinal(), jdate(1421, 1, 1).toordinal())
    rng = np.random.default_rng(1404)
    start = rng.choice(days, 5000)
    end = np.minimum(start + rng.integers(0, 60 * 366, 5000), days[-1])
    expected = [
        calendar.full_years(datetime.date.fromordinal(a), datetime.date.fromordinal(b))
        for a, b in zip(start.tolist(), end.tolist(), strict=True)
    ]
    assert batch._calendar._full_years(start, end).tolist() == expected
    esfand = days[np.isin(days, [calendar.jdate(y, 12, 30).toordinal() for y in (1399, 1403)])]
    picked = np.concatenate([start, esfand])
    for years in (-5, 1, 23):
        got = batch._calendar._add_years(picked, years).tolist()
        want = [
            calendar.add_years(datetime.date.fromordinal(day), years).toordinal()
            for day in picked.tolist()
        ]
        assert got == want


def test_a_used_slot_needs_its_required_fields() -> None:
    program = get("national_housing_movement").with_values(
        five_year_lookback="in_force", residence_easing="in_force"
    )
    person = Person(
        national_id="0499370899",
        first_name="سارا",
        last_name="احمدی",
        residences=[Residence(city="اصفهان", since="1390/01/01")],
    )
    columns = batch.columns_from_people([person, person], program=program)
    columns["residence_1_city"] = np.array(["اصفهان", None], dtype=object)
    with pytest.raises(RosterError, match=r"residence_1_city, row 1: None is missing") as error:
        program.evaluate_columns(columns, on="1404/09/04", city="اصفهان")
    assert error.value.code == "missing"
