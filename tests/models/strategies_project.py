"""Hypothesis strategies for :mod:`maskan.models.project`: valid objects only.

One strategy per model class — ``status_changes()``, ``progress_reports()``, ``units()``,
``financings()``, ``housing_projects()`` — plus ``legal_ids()`` and ``days()`` for the
values they are built from.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from hypothesis import strategies as st

from maskan.geo import County, Province
from maskan.identifiers import legal_id
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
from maskan.persian.text import normalize

STAGES = tuple(ProjectStatus)
FIRST_FINISHED = STAGES.index(ProjectStatus.COMPLETED)
ISFAHAN = Province.lookup("IR-10")

# Persian and Latin letters, digits of three scripts, spaces, ZWNJ and the Arabic twins
# (ي ك) that normalization folds: names are stored normalized, so any of them is valid input.
_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكآ" + "abcXYZ" + "0123456789۰۱۲۳٤٥١" + " \u200c-"


def texts(max_size: int = 30) -> st.SearchStrategy[str]:
    """Text that normalizes to something non-empty."""
    return st.text(_LETTERS, min_size=1, max_size=max_size).filter(lambda text: normalize(text))


def legal_ids() -> st.SearchStrategy[str]:
    """Valid legal-entity national IDs (11 digits, no leading zero)."""
    return (
        st.integers(10**9, 10**10 - 1)
        .map(lambda head: f"{head}{legal_id.calc_check_digit(str(head))}")
        .filter(legal_id.is_valid)
    )


def days(
    low: datetime.date = datetime.date(1990, 1, 1),
    high: datetime.date = datetime.date(2040, 12, 31),
) -> st.SearchStrategy[datetime.date]:
    return st.dates(min_value=low, max_value=high)


def percents() -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=100, places=2)


def status_changes() -> st.SearchStrategy[StatusChange]:
    return st.builds(StatusChange, status=st.sampled_from(STAGES), date=days())


def progress_reports() -> st.SearchStrategy[ProgressReport]:
    return st.builds(ProgressReport, percent=percents(), date=days())


def units() -> st.SearchStrategy[Unit]:
    return st.builds(
        Unit,
        number=st.integers(1, 999).map(str) | texts(6),
        block=st.none() | st.sampled_from(["A", "B", "الف", "ب", "۳"]),
        floor=st.none() | st.integers(-3, 40),
        floor_area_m2=st.none() | st.decimals(min_value=Decimal("0.01"), max_value=2000, places=2),
        bedrooms=st.none() | st.integers(0, 6),
    )


def financings() -> st.SearchStrategy[Financing]:
    return st.builds(
        Financing,
        source=st.sampled_from(tuple(FundingSource)),
        amount=st.integers(1, 10**16).map(Rial),
        bank=st.none() | st.sampled_from(["بانک مسکن", "بانک ملی ایران", "Bank Maskan"]),
        date=st.none() | days(),
    )


@st.composite
def _histories(
    draw: st.DrawFn,
) -> tuple[tuple[StatusChange, ...], tuple[ProgressReport, ...]]:
    """A status history and a progress history that satisfy every rule together."""
    first = draw(st.integers(0, len(STAGES) - 1))
    count = draw(st.integers(0, len(STAGES) - first))
    status_days = sorted(draw(st.lists(days(), min_size=count, max_size=count)))
    statuses = tuple(
        StatusChange(status=STAGES[first + step], date=day) for step, day in enumerate(status_days)
    )
    reached = [change.status for change in statuses]
    both = ProjectStatus.HANDED_OVER in reached and ProjectStatus.COMPLETED in reached
    if both and draw(st.booleans()):  # handed over without an opening
        statuses = tuple(c for c in statuses if c.status is not ProjectStatus.OPENED)
    finished = [change.date for change in statuses if change.status in STAGES[FIRST_FINISHED:]]
    if not finished:
        return statuses, _ordered(draw(st.lists(st.tuples(days(), percents()), max_size=6)))
    complete_by = finished[0]
    before = draw(st.lists(st.tuples(days(high=complete_by), percents()), max_size=4))
    after = draw(st.lists(days(low=complete_by), max_size=2).map(sorted))
    reports = (
        *_ordered(before),
        ProgressReport(percent=100, date=complete_by),
        *(ProgressReport(percent=100, date=day) for day in after),
    )
    return statuses, reports


def _ordered(pairs: list[tuple[datetime.date, Decimal]]) -> tuple[ProgressReport, ...]:
    dates = sorted(day for day, _ in pairs)
    values = sorted(percent for _, percent in pairs)
    return tuple(ProgressReport(percent=p, date=d) for d, p in zip(dates, values, strict=True))


@st.composite
def housing_projects(draw: st.DrawFn) -> HousingProject:
    province = draw(st.sampled_from(Province.all()))
    county = None
    if province == ISFAHAN:
        county = draw(st.none() | st.sampled_from(County.of(province)))
    statuses, reports = draw(_histories())
    return HousingProject(
        code=draw(texts(12)),
        name=draw(texts()),
        cooperative_id=draw(legal_ids()),
        province=province,
        county=county,
        city=draw(st.none() | texts(15)),
        address=draw(st.none() | texts(40)),
        land_area_m2=draw(
            st.none() | st.decimals(min_value=Decimal("0.1"), max_value=10**6, places=1)
        ),
        land_tenure=draw(st.none() | st.sampled_from(tuple(LandTenure))),
        units=draw(st.lists(units(), max_size=8, unique_by=lambda unit: unit.key)),
        status_history=statuses,
        progress_history=reports,
        financing=draw(st.lists(financings(), max_size=4)),
    )
