"""maskan.models.project: the rules of a housing project's life, each one broken once."""

from __future__ import annotations

import copy
import datetime
import functools
import pickle
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies_project import (
    STAGES,
    days,
    financings,
    housing_projects,
    progress_reports,
    status_changes,
    units,
)

from maskan.calendar import jdate
from maskan.errors import (
    InvalidLegalId,
    InvalidNumber,
    InvalidText,
    MaskanError,
    ProjectError,
    UnknownPlace,
)
from maskan.geo import County, Province
from maskan.models.project import (
    Financing,
    FundingSource,
    HousingProject,
    LandTenure,
    ProgressReport,
    ProjectStatus,
    StatusChange,
    Unit,
)
from maskan.money import Rial

COOP = "14011517510"
T = TypeVar("T")


def bare(**changes: object) -> HousingProject:
    fields: dict[str, object] = {
        "code": "ISF-07",
        "name": "مجتمع بهار",
        "cooperative_id": COOP,
        "province": "اصفهان",
    }
    fields.update(changes)
    return HousingProject(**fields)  # type: ignore[arg-type]


def under_construction() -> HousingProject:
    return (
        bare()
        .advance("planned", on="1402/01/10")
        .advance("permitted", on="1402/05/01")
        .advance("under_construction", on="1402/08/01")
        .record_progress(40, on="1403/01/15")
    )


def opened() -> HousingProject:
    return (
        under_construction()
        .record_progress(100, on="1404/06/01")
        .advance("completed", on="1404/06/20")
        .advance("opened", on="1404/09/04")
    )


def attempt(operation: Callable[[], T]) -> tuple[T | None, MaskanError | None]:
    """The result of ``operation``, or the MaskanError it raised."""
    try:
        return operation(), None
    except MaskanError as error:
        return None, error


def refused(
    project: HousingProject, operation: Callable[[HousingProject], object], code: str
) -> ProjectError:
    """Run ``operation``; it must raise ProjectError ``code`` and leave ``project`` as it was."""
    before = copy.deepcopy(project)
    with pytest.raises(ProjectError) as caught:
        operation(project)
    assert caught.value.code == code
    assert project == before
    assert caught.value.message_fa
    return caught.value


# A project's life -----------------------------------------------------------------------


def test_a_whole_life() -> None:
    project = opened().advance("handed_over", on="1404/10/01")
    assert [change.status for change in project.status_history] == list(ProjectStatus)
    assert project.status is ProjectStatus.HANDED_OVER
    assert project.next_status is None
    assert project.opened_on == jdate(1404, 9, 4)
    assert project.date_of(ProjectStatus.PERMITTED) == jdate(1402, 5, 1)
    assert project.status_on(jdate(1402, 1, 9)) is None
    assert project.status_on(jdate(1402, 1, 10)) is ProjectStatus.PLANNED
    assert project.status_on("1404/09/03") is ProjectStatus.COMPLETED
    assert project.status_on("1404/09/04") is ProjectStatus.OPENED
    assert project.progress(on="1403/01/14") is None
    assert project.progress(on="1403/01/15") == 40
    assert project.progress() == 100


def test_operations_return_new_projects() -> None:
    project = under_construction()
    before = copy.deepcopy(project)
    moved = project.record_progress(70, on="1403/10/01")
    assert project == before
    assert moved.progress() == 70
    assert moved is not project


def test_empty_project_has_no_status_and_starts_with_planned() -> None:
    project = bare()
    assert project.status is None
    assert project.next_status is ProjectStatus.PLANNED
    assert project.opened_on is None
    assert project.progress() is None
    assert project.members_share() is None


def test_history_may_start_at_any_stage() -> None:
    project = bare().advance("under_construction", on="1403/01/01")
    assert project.status is ProjectStatus.UNDER_CONSTRUCTION
    assert project.date_of("planned") is None
    taken_over = bare().record_progress(100, on="1403/01/01").advance("completed", on="1403/01/01")
    assert taken_over.next_status is ProjectStatus.OPENED


def test_same_day_steps_are_in_order() -> None:
    project = bare().advance("planned", on="1403/01/01").advance("permitted", on="1403/01/01")
    assert project.status_on("1403/01/01") is ProjectStatus.PERMITTED


# Status rules ---------------------------------------------------------------------------


def test_skipping_a_stage_is_refused() -> None:
    project = bare().advance("planned", on="1402/01/10")
    error = refused(
        project, lambda p: p.advance("under_construction", on="1402/02/01"), "status_skipped"
    )
    assert "the next stage is 'permitted'" in str(error)


def test_a_project_may_be_handed_over_without_an_opening() -> None:
    project = under_construction().record_progress(100, on="1404/01/01")
    project = project.advance("completed", on="1404/01/10").advance("handed_over", on="1404/02/01")
    assert project.opened_on is None
    assert project.status is ProjectStatus.HANDED_OVER
    refused(project, lambda p: p.advance("opened", on="1404/03/01"), "status_backwards")
    assert bare(status_history=project.status_history, progress_history=project.progress_history)


def test_opening_an_unfinished_project_is_refused() -> None:
    project = under_construction().record_progress(100, on="1404/01/01")
    refused(project, lambda p: p.advance("opened", on="1404/02/01"), "status_skipped")


def test_completing_without_full_progress_is_refused() -> None:
    project = under_construction()
    error = refused(project, lambda p: p.advance("completed", on="1404/01/01"), "unfinished")
    assert "40%" in str(error)
    refused(bare(), lambda p: p.advance("completed", on="1404/01/01"), "unfinished")
    refused(bare(), lambda p: p.advance("opened", on="1404/01/01"), "unfinished")


def test_full_progress_must_be_dated_by_completion() -> None:
    project = under_construction().record_progress(100, on="1404/03/01")
    refused(project, lambda p: p.advance("completed", on="1404/02/31"), "unfinished")
    assert project.advance("completed", on="1404/03/01").status is ProjectStatus.COMPLETED


def test_going_back_or_repeating_is_refused() -> None:
    project = under_construction()
    refused(project, lambda p: p.advance("permitted", on="1403/02/01"), "status_backwards")
    refused(project, lambda p: p.advance("under_construction", on="1403/02/01"), "status_backwards")
    done = opened().advance("handed_over", on="1404/10/01")
    refused(done, lambda p: p.advance("handed_over", on="1404/11/01"), "status_backwards")
    refused(done, lambda p: p.advance("planned", on="1404/11/01"), "status_backwards")


def test_status_out_of_date_order_is_refused() -> None:
    project = under_construction()
    error = refused(project, lambda p: p.advance("completed", on="1402/07/30"), "out_of_order")
    assert "1402/07/30" in str(error)
    assert "۱۴۰۲/۰۷/۳۰" in error.message_fa


def test_unknown_status_is_refused() -> None:
    project = under_construction()
    before = copy.deepcopy(project)
    with pytest.raises(InvalidText) as caught:
        project.advance("demolished", on="1404/01/01")
    assert caught.value.code == "choice"
    assert project == before


# Progress rules -------------------------------------------------------------------------


def test_progress_going_down_is_refused() -> None:
    refused(
        under_construction(), lambda p: p.record_progress(39, on="1403/06/01"), "progress_decreased"
    )


def test_progress_outside_0_to_100_is_refused() -> None:
    project = under_construction()
    refused(
        project,
        lambda p: p.record_progress(Decimal("100.01"), on="1403/06/01"),
        "progress_out_of_range",
    )
    refused(project, lambda p: p.record_progress(-1, on="1403/06/01"), "progress_out_of_range")


def test_progress_out_of_date_order_is_refused() -> None:
    refused(under_construction(), lambda p: p.record_progress(50, on="1403/01/14"), "out_of_order")


def test_progress_may_stay_level_and_reach_100_after_completion() -> None:
    project = opened().record_progress(100, on="1404/12/01")
    assert project.progress() == 100
    refused(project, lambda p: p.record_progress(99, on="1405/01/01"), "progress_decreased")


@pytest.mark.parametrize(
    ("given_percent", "stored"),
    [
        (40, Decimal(40)),
        (Decimal("37.5"), Decimal("37.5")),
        (37.5, Decimal("37.5")),
        ("۶۵٪", Decimal(65)),
        ("۱۲٫۵", Decimal("12.5")),
        (" 70 % ", Decimal(70)),
    ],
)
def test_progress_inputs(given_percent: object, stored: Decimal) -> None:
    project = bare().record_progress(given_percent, on="1404/01/01")  # type: ignore[arg-type]
    assert project.progress() == stored
    assert isinstance(project.progress(), Decimal)


@pytest.mark.parametrize(
    ("bad", "code"),
    [(True, "type"), (None, "type"), ([], "type"), (float("nan"), "not_finite"), ("چهل", "syntax")],
)
def test_bad_progress_values(bad: object, code: str) -> None:
    project = under_construction()
    before = copy.deepcopy(project)
    with pytest.raises(InvalidNumber) as caught:
        project.record_progress(bad, on="1404/01/01")  # type: ignore[arg-type]
    assert caught.value.code == code
    assert project == before


# Units ----------------------------------------------------------------------------------


def test_units_are_unique_by_block_and_number() -> None:
    project = bare().add_units(
        Unit(number="1", block="A"), Unit(number="1", block="B"), Unit(number="1")
    )
    assert len(project.units) == 3
    error = refused(project, lambda p: p.add_units(Unit(number="۱", block="A")), "duplicate_unit")
    assert "block A" in str(error)
    refused(project, lambda p: p.add_units(Unit(number="1")), "duplicate_unit")
    refused(bare(), lambda p: p.add_units(Unit(number="2"), Unit(number="2")), "duplicate_unit")


def test_units_must_be_units() -> None:
    refused(bare(), lambda p: p.add_units({"number": "1"}), "type")  # type: ignore[arg-type]


def test_unit_fields() -> None:
    unit = Unit(number=" ۱۲ ", block="الف", floor=-1, floor_area_m2="95.5", bedrooms=0)
    assert (unit.number, unit.block, unit.floor, unit.floor_area_m2) == (
        "12",
        "الف",
        -1,
        Decimal("95.5"),
    )
    for bad_area in (0, -5, "0"):
        with pytest.raises(ProjectError) as caught:
            Unit(number="1", floor_area_m2=bad_area)
        assert caught.value.code == "not_positive"
    with pytest.raises(ProjectError) as caught:
        Unit(number="1", bedrooms=-1)
    assert caught.value.code == "negative"
    with pytest.raises(InvalidNumber):
        Unit(number="1", floor=1.0)  # type: ignore[arg-type]
    with pytest.raises(InvalidText):
        Unit(number="  ")


# Financing ------------------------------------------------------------------------------


def test_financing_totals_and_members_share() -> None:
    project = bare().add_financing(
        Financing(source="members", amount=Rial(2_000)),
        Financing(source="members", amount=Rial(610)),
        Financing(
            source=FundingSource.BANK_FACILITY, amount="390", bank="بانک مسکن", date="1404/01/05"
        ),
    )
    assert project.financing_by_source() == {
        FundingSource.MEMBERS: Rial(2_610),
        FundingSource.BANK_FACILITY: Rial(390),
        FundingSource.OTHER: Rial(0),
    }
    assert project.members_share() == Fraction(87, 100)
    assert project.financing[2].date == jdate(1404, 1, 5)


def test_financing_must_be_positive_and_typed() -> None:
    for amount in (0, -10):
        with pytest.raises(ProjectError) as caught:
            Financing(source="other", amount=amount)
        assert caught.value.code == "not_positive"
    refused(bare(), lambda p: p.add_financing(Rial(5)), "type")  # type: ignore[arg-type]


# Construction checks the same rules ---------------------------------------------------


def test_construction_from_data_checks_every_rule() -> None:
    cases: list[tuple[dict[str, object], str]] = [
        (
            {
                "status_history": [
                    StatusChange(status="planned", date="1403/01/01"),
                    StatusChange(status="under_construction", date="1403/02/01"),
                ]
            },
            "status_skipped",
        ),
        (
            {
                "status_history": [
                    StatusChange(status="permitted", date="1403/02/01"),
                    StatusChange(status="under_construction", date="1403/01/01"),
                ]
            },
            "out_of_order",
        ),
        ({"status_history": [StatusChange(status="completed", date="1403/02/01")]}, "unfinished"),
        (
            {
                "progress_history": [
                    ProgressReport(percent=50, date="1403/01/01"),
                    ProgressReport(percent=40, date="1403/02/01"),
                ]
            },
            "progress_decreased",
        ),
        (
            {
                "progress_history": [
                    ProgressReport(percent=40, date="1403/02/01"),
                    ProgressReport(percent=50, date="1403/01/01"),
                ]
            },
            "out_of_order",
        ),
        ({"units": [Unit(number="1", block="A"), Unit(number="١", block="A")]}, "duplicate_unit"),
        ({"units": ["1"]}, "type"),
        ({"status_history": [("planned", "1403/01/01")]}, "type"),
        ({"land_area_m2": 0}, "not_positive"),
        ({"province": "Tehran", "county": "کاشان"}, "wrong_province"),
    ]
    for changes, code in cases:
        with pytest.raises(ProjectError) as caught:
            bare(**changes)
        assert caught.value.code == code, changes
        assert caught.value.message_fa


def test_location_land_and_identity_fields() -> None:
    project = bare(
        county=County.lookup("کاشان"),
        city=" كاشان ",
        address="خیابان  امیرکبیر",
        land_area_m2="۴۲۰۰٫۵",
        land_tenure="lease_99_year",
        cooperative_id="۱۴۰۱۱۵۱۷۵۱۰",
    )
    assert project.province is Province.lookup("IR-10")
    assert project.city == "کاشان"
    assert project.address == "خیابان امیرکبیر"
    assert project.land_area_m2 == Decimal("4200.5")
    assert project.land_tenure is LandTenure.LEASE_99_YEAR
    assert project.cooperative_id == COOP
    with pytest.raises(InvalidLegalId):
        bare(cooperative_id="0499370899")
    with pytest.raises(UnknownPlace) as caught:
        bare(province="Atlantis")
    assert caught.value.field == "province"


def test_labels_in_both_languages() -> None:
    for kind in (ProjectStatus, LandTenure, FundingSource):
        for member in kind:
            assert member.label_fa
            assert member.label_en
            assert member.label_fa != member.label_en


def test_pickle_and_copy() -> None:
    project = opened()
    assert pickle.loads(pickle.dumps(project)) == project
    assert copy.deepcopy(project) == project


# Properties -----------------------------------------------------------------------------


@given(housing_projects())
def test_generated_projects_rebuild_equal(project: HousingProject) -> None:
    assert attrs.evolve(project) == project
    share = project.members_share()
    assert share is None or 0 <= share <= 1
    for change in project.status_history:
        assert project.status_on(change.date) is not None
        if change.status in STAGES[STAGES.index(ProjectStatus.COMPLETED) :]:
            assert project.progress(on=change.date) == 100


@given(housing_projects(), st.sampled_from(STAGES), days())
def test_advance_either_works_or_changes_nothing(
    project: HousingProject, status: ProjectStatus, day: datetime.date
) -> None:
    before = copy.deepcopy(project)
    moved, error = attempt(lambda: project.advance(status, on=day))
    if moved is None:
        assert isinstance(error, ProjectError)
        assert error.code in {"status_skipped", "status_backwards", "out_of_order", "unfinished"}
        assert project == before
    else:
        assert moved.status is status
        assert attrs.evolve(moved) == moved


@given(housing_projects(), st.decimals(min_value=-5, max_value=105, places=1), days())
def test_record_progress_either_works_or_changes_nothing(
    project: HousingProject, percent: Decimal, day: datetime.date
) -> None:
    before = copy.deepcopy(project)
    moved, error = attempt(lambda: project.record_progress(percent, on=day))
    if moved is None:
        assert isinstance(error, ProjectError)
        assert error.code in {"progress_decreased", "progress_out_of_range", "out_of_order"}
        assert project == before
    else:
        assert moved.progress() == percent
        previous = [report.percent for report in moved.progress_history]
        assert previous == sorted(previous)


@given(housing_projects(), st.lists(units(), max_size=4))
def test_add_units_either_works_or_changes_nothing(
    project: HousingProject, new: list[Unit]
) -> None:
    before = copy.deepcopy(project)
    grown, error = attempt(lambda: project.add_units(*new))
    if grown is None:
        assert isinstance(error, ProjectError)
        assert error.code == "duplicate_unit"
        assert project == before
    else:
        keys = [unit.key for unit in grown.units]
        assert len(keys) == len(set(keys)) == len(project.units) + len(new)


@given(status_changes(), progress_reports(), financings())
def test_records_rebuild_equal(
    change: StatusChange, report: ProgressReport, money: Financing
) -> None:
    for record in (change, report, money):
        assert attrs.evolve(record) == record


def test_only_maskan_errors_escape() -> None:
    project = under_construction()
    hostile: list[Any] = [None, "", 1.5, True, [], {}, object(), "1404/13/01", float("nan")]
    operations: list[Callable[[Any], object]] = [
        lambda value: project.advance(value, on="1404/01/01"),
        lambda value: project.advance("completed", on=value),
        lambda value: project.record_progress(value, on="1404/01/01"),
        lambda value: project.record_progress(50, on=value),
        lambda value: project.status_on(value),
        lambda value: project.progress(on=value),
        lambda value: project.date_of(value),
        lambda value: project.add_units(value),
        lambda value: project.add_financing(value),
        lambda value: bare(province=value),
        lambda value: bare(county=value),
        lambda value: bare(land_area_m2=value),
        lambda value: bare(units=value),
        lambda value: bare(status_history=value),
        lambda value: bare(cooperative_id=value),
        lambda value: Unit(number="1", floor_area_m2=value),
        lambda value: Financing(source="members", amount=value),
    ]
    before = copy.deepcopy(project)
    for operation in operations:
        for value in hostile:
            attempt(functools.partial(operation, value))  # any other exception fails the test
    assert project == before


def test_units_added_one_at_a_time_share_and_compare_as_a_tuple() -> None:
    base = HousingProject(code="P-9", name="بهار", cooperative_id="14011517510", province="Isfahan")
    first, second = Unit(number="1", block="A"), Unit(number="2", block="A")
    one = base.add_units(first)
    two = one.add_units(second)
    assert one.units == (first,)
    assert (first, second) == two.units
    assert hash(two.units) == hash((first, second))
    assert two == base.add_units(first, second)
    assert two.units[1] is second
    with pytest.raises(ProjectError) as raised:
        two.add_units(Unit(number="3", block="A"), Unit(number="۲", block="A"))
    assert (raised.value.code, raised.value.field) == ("duplicate_unit", "add_units")
    assert two.units == (first, second)  # nothing half-applied
    assert len(one.units) == 1
    assert pickle.loads(pickle.dumps(two)) == two
