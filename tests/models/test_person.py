"""maskan.models.person: facts, unknowns, the helpers the eligibility rules call, invariants."""

from __future__ import annotations

import copy
import datetime
import pickle
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_person import (
    dates,
    housing_histories,
    insured_periods,
    owned_properties,
    people,
    residences,
)

from maskan.calendar import add_months, add_years, jdate
from maskan.errors import (
    InvalidDate,
    InvalidNationalId,
    InvalidNumber,
    InvalidText,
    MaskanError,
    UnknownPlace,
)
from maskan.geo import County
from maskan.models.person import (
    Benefit,
    BenefitKind,
    Employment,
    EmploymentKind,
    FormJ,
    FormJStatus,
    Gender,
    HousingHistory,
    InsuredPeriod,
    Insurer,
    MaritalStatus,
    Nationality,
    OwnedProperty,
    Person,
    PropertyKind,
    Residence,
    VeteranStatus,
)

ON = jdate(1404, 9, 4)
ALI = Person(national_id="0499370899", first_name="علی", last_name="کریمی")


def person(**facts: object) -> Person:
    return attrs.evolve(ALI, **facts)


def refused(
    original: object, error: type[MaskanError], code: str, **changes: object
) -> MaskanError:
    """Changing ``original`` by ``changes`` raises ``error`` with ``code``; it stays as it was."""
    before = copy.deepcopy(original)
    with pytest.raises(error) as raised:
        attrs.evolve(original, **changes)
    assert raised.value.code == code
    assert original == before
    assert raised.value.message_fa
    return raised.value


# --- the contract other modules rely on -------------------------------------------------


def test_contract_fields_and_defaults() -> None:
    assert ALI.national_id == "0499370899"
    assert ALI.full_name == "علی کریمی"
    names = [field.name for field in attrs.fields(Person)]
    assert names[:3] == ["national_id", "first_name", "last_name"]
    for field in attrs.fields(Person)[3:]:
        assert field.default is None, field.name
        assert getattr(ALI, field.name) is None
    for name in ("father_name", "birth_date", "gender", "nationality", "legal_capacity"):
        assert name in names


def test_input_is_canonicalised() -> None:
    someone = Person(
        national_id="۰۴۹-۹۳۷۰۸۹-۹",
        first_name=" علي ",
        last_name="كريمي",
        father_name="حسن",
        birth_date="۱۳۷۰/۰۵/۱۰",
        gender="male",
        nationality=Nationality.IRANIAN,
        marital_status="married",
        veteran_status="martyr_family",
        children_birth_dates=["1402/01/05", datetime.date(2020, 1, 1)],
        income_decile=3,
        spouse_national_id="84575948",
    )
    assert someone.national_id == "0499370899"
    assert someone.full_name == "علی کریمی"
    assert someone.birth_date == jdate(1370, 5, 10)
    assert someone.gender is Gender.MALE
    assert someone.marital_status is MaritalStatus.MARRIED
    assert someone.veteran_status is VeteranStatus.MARTYR_FAMILY
    assert someone.children_birth_dates == (datetime.date(2020, 1, 1), jdate(1402, 1, 5))
    assert someone.spouse_national_id == "0084575948"


def test_lists_become_tuples() -> None:
    home = Residence(city="اصفهان", since="1390/01/01")
    someone = person(residences=[home], owned_properties=[], benefits=iter([]))
    assert someone.residences == (home,)
    assert someone.owned_properties == ()
    assert someone.benefits == ()


@given(people())
@settings(max_examples=60)
def test_generated_people_are_stable(someone: Person) -> None:
    assert attrs.evolve(someone) == someone
    assert hash(attrs.evolve(someone)) == hash(someone)
    assert copy.deepcopy(someone) == someone
    assert pickle.loads(pickle.dumps(someone)) == someone


def test_frozen() -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ALI.first_name = "رضا"  # type: ignore[misc]


# --- enumerations -----------------------------------------------------------------------

CODES = {
    Gender: ["female", "male"],
    Nationality: ["iranian", "foreign"],
    MaritalStatus: ["single", "married", "divorced", "widowed"],
    VeteranStatus: ["none", "veteran", "martyr_family"],
    EmploymentKind: ["worker", "government_employee", "self_employed", "retired", "other"],
    Insurer: ["sso", "civil_servants_fund", "other"],
    PropertyKind: ["unit", "land"],
    BenefitKind: ["land", "unit", "subsidised_loan", "other"],
    FormJ: ["green", "red"],
}


@pytest.mark.parametrize("kind", list(CODES), ids=lambda kind: kind.__name__)
def test_enum_codes_are_stable_and_labelled(kind: type) -> None:
    assert [member.value for member in kind] == CODES[kind]
    for member in kind:
        assert member.label_fa
        assert member.label_en
        assert not member.label_fa.isascii()


def test_same_code_in_two_enums_keeps_its_own_label() -> None:
    assert PropertyKind.LAND == BenefitKind.LAND  # both are the string "land"
    assert PropertyKind.LAND.label_fa == "زمین مسکونی"
    assert BenefitKind.LAND.label_fa == "زمین"


def test_unknown_code_is_refused() -> None:
    error = refused(ALI, InvalidText, "choice", gender="other")
    assert error.field == "gender"
    assert "'female', 'male'" in str(error)


# --- field-level errors -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "error", "code", "field"),
    [
        ({"first_name": "  "}, InvalidText, "empty", "first_name"),
        ({"last_name": 5}, InvalidText, "type", "last_name"),
        ({"national_id": "0499370898"}, InvalidNationalId, "checksum", "national_id"),
        ({"spouse_national_id": "123"}, InvalidNationalId, "length", "spouse_national_id"),
        ({"birth_date": "1404/13/01"}, InvalidDate, "month_out_of_range", "birth_date"),
        ({"birth_date": 1370}, InvalidDate, "type", "birth_date"),
        ({"legal_capacity": "no"}, InvalidText, "type", "legal_capacity"),
        ({"disabled": 0}, InvalidText, "type", "disabled"),
        ({"dependants": 2.0}, InvalidNumber, "type", "dependants"),
        ({"dependants": True}, InvalidNumber, "type", "dependants"),
        ({"dependants": -1}, InvalidNumber, "negative", "dependants"),
        ({"income_decile": 0}, InvalidNumber, "decile_out_of_range", "income_decile"),
        ({"income_decile": 11}, InvalidNumber, "decile_out_of_range", "income_decile"),
        ({"children_birth_dates": "1402/01/05"}, InvalidText, "type", "children_birth_dates"),
        ({"residences": ["اصفهان"]}, InvalidText, "type", "residences[0]"),
        ({"residences": 3}, InvalidText, "type", "residences"),
        ({"employment": {"kind": "worker"}}, InvalidText, "type", "employment"),
        ({"form_j": "green"}, InvalidText, "type", "form_j"),
        ({"spouse_housing": ()}, InvalidText, "type", "spouse_housing"),
        ({"owned_properties": {"kind": "unit"}}, InvalidText, "type", "owned_properties"),
    ],
)
def test_field_errors(
    changes: dict[str, object], error: type[MaskanError], code: str, field: str
) -> None:
    raised = refused(ALI, error, code, **changes)
    assert raised.field == field
    assert str(raised).startswith(f"{field}: ")


def test_range_errors_speak_persian_digits() -> None:
    error = refused(ALI, InvalidNumber, "decile_out_of_range", income_decile=12)
    assert "۱۲" in error.message_fa
    assert str(error) == "income_decile: 12 is not in 1 to 10"


def test_record_field_errors() -> None:
    with pytest.raises(InvalidDate) as raised:
        Residence(city="اصفهان", since=None)
    assert raised.value.field == "since"
    with pytest.raises(InvalidText) as raised_text:
        Residence(city="اصفهان", since="1390/01/01", from_metropolis="yes")  # type: ignore[arg-type]
    assert raised_text.value.code == "type"
    with pytest.raises(InvalidText):
        Employment(insurer="tamin")
    with pytest.raises(InvalidText):
        OwnedProperty(kind="house")
    with pytest.raises(InvalidText):
        Benefit(kind="unit", program="")
    with pytest.raises(InvalidText):
        FormJStatus(color="yellow")
    with pytest.raises(UnknownPlace):
        Residence(city="اصفهان", since="1390/01/01", county="Atlantis")


# --- invariants: each broken, refused, the original untouched ---------------------------


def test_spouse_is_not_the_person() -> None:
    error = refused(ALI, InvalidNationalId, "spouse_is_self", spouse_national_id="499370899")
    assert error.field == "spouse_national_id"


def test_children_are_born_after_the_parent() -> None:
    parent = person(birth_date="1370/05/10", children_birth_dates=["1395/01/01"])
    refused(parent, InvalidDate, "child_born_before_parent", birth_date="1395/01/01")
    refused(parent, InvalidDate, "child_born_before_parent", children_birth_dates=["1360/01/01"])
    error = refused(
        parent, InvalidDate, "child_born_before_parent", children_birth_dates=["1370/05/10"]
    )
    assert "1370/05/10" in str(error)
    assert "۱۳۷۰/۰۵/۱۰" in error.message_fa
    # unknown birth date: nothing to compare with
    assert person(children_birth_dates=["1300/01/01"]).children_count == 1


def test_residences_are_in_date_order() -> None:
    first = Residence(city="تهران", since="1380/01/01")
    second = Residence(city="اصفهان", since="1390/01/01")
    moved = person(residences=[first, second])
    refused(moved, InvalidDate, "out_of_order", residences=[second, first])
    refused(
        moved,
        InvalidDate,
        "out_of_order",
        residences=[first, attrs.evolve(second, since=first.since)],
    )


def test_disposal_is_not_before_acquisition() -> None:
    flat = OwnedProperty(kind="unit", acquired="1390/01/01", disposed="1395/01/01")
    error = refused(flat, InvalidDate, "disposal_before_acquisition", disposed="1389/12/29")
    assert error.field == "disposed"
    refused(flat, InvalidDate, "disposal_before_acquisition", acquired="1395/01/02")
    same_day = attrs.evolve(flat, disposed=flat.acquired)
    assert same_day.owned_during("1390/01/01", "1390/01/01") is True


def test_insured_period_end_is_not_before_start() -> None:
    period = InsuredPeriod(start="1400/01/01", end="1400/12/29", insurer="sso")
    error = refused(period, InvalidDate, "end_before_start", end="1399/12/30")
    assert error.field == "end"
    assert attrs.evolve(period, end=period.start).end == period.start


def test_county_and_province_agree() -> None:
    najafabad = County.lookup("نجف آباد")
    home = Residence(city="نجف‌آباد", since="1390/01/01", county=najafabad)
    assert home.province is najafabad.province
    error = refused(home, UnknownPlace, "wrong_province", province="Tehran")
    assert error.field == "county"
    assert Residence(city="تهران", since="1390/01/01", province="تهران").county is None


# --- age ----------------------------------------------------------------------------------


def test_age() -> None:
    someone = person(birth_date="1370/05/10")
    assert someone.age(jdate(1370, 5, 10)) == 0
    assert someone.age(jdate(1404, 5, 9)) == 33
    assert someone.age(jdate(1404, 5, 10)) == 34
    assert someone.age("1404/09/04") == 34
    assert ALI.age(ON) is None


def test_age_of_a_leap_day_birthday() -> None:
    someone = person(birth_date=jdate(1403, 12, 30))
    assert someone.age(jdate(1404, 12, 28)) == 0
    assert someone.age(jdate(1404, 12, 29)) == 1


def test_age_before_birth_is_an_error() -> None:
    someone = person(birth_date="1370/05/10")
    with pytest.raises(InvalidDate) as raised:
        someone.age(jdate(1370, 5, 9))
    assert raised.value.code == "order"
    assert raised.value.field == "on"


@given(dates(), st.integers(min_value=0, max_value=100))
def test_age_counts_anniversaries(born: datetime.date, years: int) -> None:
    someone = person(birth_date=born)
    birthday = add_years(born, years)
    assert someone.age(birthday) == years
    if birthday > born:
        assert someone.age(birthday - datetime.timedelta(days=1)) == years - 1


# --- residence ----------------------------------------------------------------------------

TEHRAN = Residence(city="تهران", since="1370/05/10")
ISFAHAN = Residence(city="اصفهان", since="1398/07/01", from_metropolis=True)
KASHAN = Residence(city="کاشان", since="1402/01/01")


def test_residence_years() -> None:
    someone = person(residences=[TEHRAN, ISFAHAN])
    assert someone.residence_years("اصفهان", jdate(1404, 6, 31)) == 5
    assert someone.residence_years("اصفهان", jdate(1403, 6, 31)) == 4
    assert someone.residence_years("اصفهان", jdate(1398, 7, 1)) == 0
    assert someone.residence_years("تهران", ON) == 0  # lives elsewhere now
    assert someone.residence_years("تهران", jdate(1398, 6, 31)) == 28
    assert someone.residence_years("شیراز", ON) == 0
    assert someone.residence_years("اصفهان", jdate(1370, 1, 1)) is None  # before the history
    assert someone.residence_years(" اصفهان ", ON) == 6  # normalized


def test_residence_years_unknown_and_empty() -> None:
    assert ALI.residence_years("اصفهان", ON) is None
    assert person(residences=()).residence_years("اصفهان", ON) == 0


def test_residence_years_joins_consecutive_records_of_one_city() -> None:
    again = Residence(city="اصفهان", since="1400/01/01", county="اصفهان")
    someone = person(residences=[TEHRAN, ISFAHAN, again])
    assert someone.residence_years("اصفهان", ON) == 6


def test_residence_years_restarts_after_leaving() -> None:
    back = Residence(city="اصفهان", since="1403/01/01")
    someone = person(residences=[ISFAHAN, KASHAN, back])
    assert someone.residence_years("اصفهان", ON) == 1
    assert someone.residence_years("اصفهان", jdate(1401, 12, 29)) == 3


def test_residence_on() -> None:
    someone = person(residences=[TEHRAN, ISFAHAN])
    assert someone.residence_on(ON) == ISFAHAN
    assert someone.residence_on(jdate(1398, 6, 31)) == TEHRAN
    assert someone.residence_on(jdate(1360, 1, 1)) is None
    assert ALI.residence_on(ON) is None


def test_moved_to() -> None:
    someone = person(residences=[TEHRAN, ISFAHAN])
    moved = someone.moved_to(KASHAN)
    assert moved.residences == (TEHRAN, ISFAHAN, KASHAN)
    assert someone.residences == (TEHRAN, ISFAHAN)
    assert ALI.moved_to(KASHAN).residences == (KASHAN,)
    assert person(residences=()).moved_to(KASHAN).residences == (KASHAN,)


def test_moved_to_refuses_a_move_into_the_past() -> None:
    someone = person(residences=[TEHRAN, ISFAHAN])
    before = copy.deepcopy(someone)
    for since in ("1390/01/01", ISFAHAN.since):
        with pytest.raises(InvalidDate) as raised:
            someone.moved_to(attrs.evolve(KASHAN, since=since))
        assert raised.value.code == "out_of_order"
        assert someone == before
    with pytest.raises(InvalidText):
        someone.moved_to("کاشان")  # type: ignore[arg-type]


@given(st.lists(residences(), min_size=1, max_size=5), dates())
def test_residence_years_matches_a_day_by_day_walk(
    homes: list[Residence], on: datetime.date
) -> None:
    homes = sorted({home.since: home for home in homes}.values(), key=lambda home: home.since)
    someone = person(residences=homes)
    city = homes[-1].city
    current = someone.residence_on(on)
    years = someone.residence_years(city, on)
    if current is None:
        assert years is None
    elif current.city != city:
        assert years == 0
    else:
        start = current.since
        for home in reversed([home for home in homes if home.since <= on]):
            if home.city != city:
                break
            start = home.since
        assert years is not None
        assert add_years(start, years) <= on < add_years(start, years + 1)


# --- insurance ----------------------------------------------------------------------------


def test_insurance_months() -> None:
    someone = person(
        insured_periods=[
            InsuredPeriod(insurer="sso", start="1399/01/01", end="1401/12/29"),
            InsuredPeriod(insurer="civil_servants_fund", start="1403/01/01"),
        ]
    )
    assert someone.insurance_months(jdate(1402, 1, 1)) == 36
    assert someone.insurance_months(ON, insurer=Insurer.SSO) == 36
    assert someone.insurance_months(ON, insurer="civil_servants_fund") == 20
    assert someone.insurance_months(ON) == 56
    assert someone.insurance_months(ON, insurer="other") == 0
    assert someone.insurance_months(jdate(1398, 1, 1)) == 0


def test_insurance_months_unknown_and_empty() -> None:
    assert ALI.insurance_months(ON) is None
    assert person(insured_periods=()).insurance_months(ON) == 0


def test_insurance_months_with_an_unknown_insurer() -> None:
    someone = person(
        insured_periods=[
            InsuredPeriod(insurer="sso", start="1399/01/01", end="1399/12/30"),
            InsuredPeriod(start="1401/01/01", end="1401/12/29"),
        ]
    )
    assert someone.insurance_months(ON) == 24
    assert someone.insurance_months(ON, insurer="sso") is None
    assert someone.insurance_months(jdate(1400, 1, 1), insurer="sso") == 12  # not yet


def test_insurance_months_joins_overlapping_and_adjacent_periods() -> None:
    halves = person(
        insured_periods=[
            InsuredPeriod(start="1400/07/01", end="1400/12/29"),
            InsuredPeriod(start="1400/01/01", end="1400/06/31"),
        ]
    )
    assert halves.insurance_months(ON) == 12
    # 15 + 15 days apart would be 0 + 0; joined, they are one month
    split = person(
        insured_periods=[
            InsuredPeriod(start="1400/01/01", end="1400/01/15"),
            InsuredPeriod(start="1400/01/16", end="1400/01/31"),
        ]
    )
    assert split.insurance_months(ON) == 1
    double = person(
        insured_periods=[
            InsuredPeriod(insurer="sso", start="1400/01/01", end="1400/12/29"),
            InsuredPeriod(insurer="other", start="1400/03/01", end="1400/05/31"),
        ]
    )
    assert double.insurance_months(ON) == 12


def test_insurance_months_cut_at_on() -> None:
    someone = person(insured_periods=[InsuredPeriod(start="1404/01/01")])
    assert someone.insurance_months(jdate(1404, 1, 30)) == 0
    assert someone.insurance_months(jdate(1404, 1, 31)) == 1
    assert someone.insurance_months(jdate(1404, 2, 1)) == 1
    assert someone.insurance_months(ON) == 8


def brute_force_months(start: datetime.date, last: datetime.date) -> int:
    """Full months from ``start`` to ``last`` (both insured): anniversaries up to the day
    after ``last``."""
    stop = last + datetime.timedelta(days=1)
    months = 0
    while add_months(start, months + 1) <= stop:
        months += 1
    return months


@given(
    dates(low=datetime.date(1990, 1, 1), high=datetime.date(2030, 1, 1)),
    st.integers(min_value=0, max_value=2000),
)
def test_insurance_months_of_one_period_match_brute_force(start: datetime.date, days: int) -> None:
    end = start + datetime.timedelta(days=days)
    someone = person(insured_periods=[InsuredPeriod(start=start, end=end)])
    expected = brute_force_months(start, end)
    assert someone.insurance_months(end) == expected
    assert someone.insurance_months(end + datetime.timedelta(days=400)) == expected


@given(st.lists(insured_periods(), max_size=4), dates(), dates())
def test_insurance_months_grow_with_time(
    periods: list[InsuredPeriod], first: datetime.date, second: datetime.date
) -> None:
    early, late = sorted((first, second))
    someone = person(insured_periods=periods)
    months_early = someone.insurance_months(early)
    months_late = someone.insurance_months(late)
    assert months_early is not None
    assert months_late is not None
    assert 0 <= months_early <= months_late
    for insurer in Insurer:
        by_insurer = someone.insurance_months(late, insurer)
        unknown_insurer = any(period.insurer is None and period.start <= late for period in periods)
        assert (by_insurer is None) == unknown_insurer
        assert by_insurer is None or by_insurer <= months_late


# --- ownership and benefits ---------------------------------------------------------------

CUTOFF = jdate(1384, 1, 1)


@pytest.mark.parametrize(
    ("acquired", "disposed", "expected"),
    [
        ("1380/01/01", None, True),  # still owned
        ("1380/01/01", "1383/12/29", False),  # sold the day before the cut-off
        ("1380/01/01", "1384/01/01", True),  # sold on the cut-off day: owned that day
        ("1404/09/04", None, True),  # bought on the evaluation day
        ("1404/09/05", None, False),  # bought after it
        (None, "1383/12/29", False),  # gone before the window, whenever it came
        (None, "1390/01/01", True),  # sold inside the window, so owned in it
        (None, "1405/01/01", None),  # might have been bought after the window
        (None, None, None),  # still owned, since an unknown day
    ],
)
def test_owned_residential_since(
    acquired: str | None, disposed: str | None, expected: bool | None
) -> None:
    item = OwnedProperty(kind="unit", acquired=acquired, disposed=disposed)
    someone = person(owned_properties=[item])
    assert someone.owned_residential_since(CUTOFF, ON) is expected
    assert item.owned_during(CUTOFF, ON) is expected
    assert HousingHistory(owned_properties=[item]).owned_residential_since(CUTOFF, ON) is expected


def test_owned_residential_since_combines_properties() -> None:
    sold = OwnedProperty(kind="land", acquired="1370/01/01", disposed="1380/01/01")
    unsure = OwnedProperty(kind="unit")
    owned = OwnedProperty(kind="unit", acquired="1390/01/01")
    assert person(owned_properties=[sold]).owned_residential_since(CUTOFF, ON) is False
    assert person(owned_properties=[sold, unsure]).owned_residential_since(CUTOFF, ON) is None
    assert person(owned_properties=[unsure, owned]).owned_residential_since(CUTOFF, ON) is True
    assert person(owned_properties=()).owned_residential_since(CUTOFF, ON) is False
    assert ALI.owned_residential_since(CUTOFF, ON) is None


def test_window_must_be_in_order() -> None:
    with pytest.raises(InvalidDate) as raised:
        ALI.owned_residential_since(ON, CUTOFF)
    assert raised.value.code == "order"
    with pytest.raises(InvalidDate):
        ALI.benefits_since(ON, CUTOFF)
    with pytest.raises(InvalidDate) as unreadable:
        ALI.benefits_since("yesterday")
    assert unreadable.value.field == "cutoff"


@given(owned_properties(), dates(), dates())
def test_owned_during_agrees_with_a_day_walk(
    item: OwnedProperty, first: datetime.date, second: datetime.date
) -> None:
    low, high = sorted((first, second))
    answer = item.owned_during(low, high)
    if item.acquired is not None:
        end = item.disposed or datetime.date.max
        assert answer == (item.acquired <= high and end >= low)
    elif item.disposed is not None and item.disposed < low:
        assert answer is False
    elif item.disposed is not None and item.disposed <= high:
        assert answer is True
    else:
        assert answer is None


def test_benefits_since() -> None:
    old = Benefit(kind="land", date="1356/01/01")
    between = Benefit(kind="land", date="1357/06/01")
    mehr = Benefit(kind="unit", date="1390/01/01", program="مسکن مهر")
    undated = Benefit(kind="subsidised_loan")
    someone = person(benefits=[old, between, mehr])
    assert someone.benefits_since(jdate(1357, 1, 1)) == (between, mehr)
    assert someone.benefits_since(jdate(1357, 11, 22)) == (mehr,)
    assert someone.benefits_since(jdate(1357, 1, 1), on=jdate(1380, 1, 1)) == (between,)
    assert person(benefits=[old]).benefits_since(jdate(1357, 1, 1)) == ()
    assert person(benefits=[old, undated]).benefits_since(jdate(1357, 1, 1)) is None
    assert person(benefits=[mehr, undated]).benefits_since(jdate(1357, 1, 1)) == (mehr,)
    assert person(benefits=()).benefits_since(jdate(1357, 1, 1)) == ()
    assert ALI.benefits_since(jdate(1357, 1, 1)) is None


def test_spouse_housing_uses_the_same_record() -> None:
    spouse = HousingHistory(owned_properties=(), benefits=(), form_j=FormJStatus(color="green"))
    someone = person(
        spouse_national_id="0084575948",
        spouse_housing=spouse,
        owned_properties=[OwnedProperty(kind="unit", acquired="1400/01/01")],
        form_j=FormJStatus(color=FormJ.RED, as_of="1404/01/01"),
    )
    assert someone.spouse_housing is spouse
    assert someone.spouse_housing.owned_residential_since(CUTOFF, ON) is False
    assert someone.housing.owned_residential_since(CUTOFF, ON) is True
    assert someone.housing.form_j == FormJStatus(color="red", as_of="1404/01/01")
    assert someone.housing.benefits is None


@given(housing_histories())
def test_housing_histories_answer_without_error(history: HousingHistory) -> None:
    assert history.owned_residential_since(CUTOFF, ON) in (True, False, None)
    found = history.benefits_since(jdate(1357, 1, 1), on=ON)
    assert found is None or all(benefit.date is not None for benefit in found)


# --- household --------------------------------------------------------------------------


def test_children_count() -> None:
    assert ALI.children_count is None
    assert person(children_birth_dates=()).children_count == 0
    twins = person(children_birth_dates=["1400/08/24", "1400/08/24", "1398/01/01"])
    assert twins.children_count == 3
    assert twins.children_birth_dates == (jdate(1398, 1, 1), jdate(1400, 8, 24), jdate(1400, 8, 24))


def test_household_facts_are_kept_as_stated() -> None:
    head = person(
        marital_status="divorced",
        head_of_household=True,
        child_custody=True,
        dependants=0,
        disabled=False,
        legal_capacity=False,
        employment=Employment(kind="worker", employer="فولاد مبارکه", insurer="sso"),
    )
    assert head.head_of_household is True
    assert head.legal_capacity is False
    assert head.dependants == 0
    assert head.employment is not None
    assert head.employment.kind is EmploymentKind.WORKER


# --- hostile input: a value or a MaskanError, nothing else ------------------------------

HOSTILE: list[object] = [
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
    b"1404",
    [],
    {},
    set(),
    object(),
    "abc",
    "1404/13/01",
    "۱" * 100_000,
    [None],
    [1.5],
    ["1404/01/01"],
    {"kind": "unit"},
]


def outcome(build: Callable[[], object]) -> None:
    """``build`` returns, or raises a MaskanError with a code and a Persian message."""
    problem: MaskanError | None = None
    try:
        build()
    except MaskanError as error:
        problem = error
    if problem is not None:
        assert problem.code
        assert problem.message_fa


@pytest.mark.parametrize("field", [field.name for field in attrs.fields(Person)])
def test_hostile_person_fields(field: str) -> None:
    for value in HOSTILE:
        outcome(lambda value=value: attrs.evolve(ALI, **{field: value}))


@pytest.mark.parametrize(
    "kind",
    [Residence, Employment, InsuredPeriod, OwnedProperty, Benefit, FormJStatus, HousingHistory],
)
def test_hostile_record_fields(kind: type) -> None:
    valid = {
        Residence: {"city": "اصفهان", "since": "1400/01/01"},
        InsuredPeriod: {"start": "1400/01/01"},
        OwnedProperty: {"kind": "unit"},
        Benefit: {"kind": "unit"},
        FormJStatus: {"color": "green"},
    }.get(kind, {})
    for field in attrs.fields(kind):
        for value in HOSTILE:
            outcome(lambda field=field, value=value: kind(**{**valid, field.name: value}))


def test_hostile_helper_arguments() -> None:
    someone = person(
        birth_date="1370/01/01",
        residences=[ISFAHAN],
        insured_periods=[InsuredPeriod(start="1400/01/01")],
        owned_properties=[],
        benefits=[],
    )
    for value in HOSTILE:
        outcome(lambda value=value: someone.age(value))
        outcome(lambda value=value: someone.residence_on(value))
        outcome(lambda value=value: someone.residence_years(value, ON))
        outcome(lambda value=value: someone.residence_years("اصفهان", value))
        outcome(lambda value=value: someone.insurance_months(value))
        outcome(lambda value=value: someone.insurance_months(ON, value))
        outcome(lambda value=value: someone.owned_residential_since(value, ON))
        outcome(lambda value=value: someone.owned_residential_since(CUTOFF, value))
        outcome(lambda value=value: someone.benefits_since(value))
        outcome(lambda value=value: someone.benefits_since(CUTOFF, value))
        outcome(lambda value=value: someone.moved_to(value))
