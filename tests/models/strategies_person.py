"""Hypothesis strategies for :mod:`maskan.models.person`: one per model class, valid objects only.

Every fact is sometimes unknown (``None``) and every collection sometimes known to be empty,
so that round trips exercise both. Used by the person tests and by the serde tests
(``from strategies_person import people``).
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st

from maskan.geo import County, Province
from maskan.identifiers import national_id
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
from maskan.persian.text import normalize

__all__ = [
    "benefits",
    "dates",
    "employments",
    "form_j_statuses",
    "housing_histories",
    "insured_periods",
    "national_ids",
    "owned_properties",
    "people",
    "residences",
    "texts",
]

# 1300/01/01 to 1420/12/29: the years housing records plausibly hold.
EARLIEST = datetime.date(1921, 3, 21)
LATEST = datetime.date(2042, 3, 20)

FIRST_NAMES = ("علی", "مریم", "محمد", "زهرا", "حسین", "فاطمه", "رضا", "سارا", "امیرحسین")
LAST_NAMES = ("کریمی", "احمدی", "حسینی", "محمدی", "رضایی", "نجف‌آبادی", "موسوی")
CITIES = ("اصفهان", "تهران", "نجف‌آباد", "کاشان", "شاهین‌شهر", "Isfahan")
# Persian letters (including the Arabic ي and ك that normalization folds), a ZWNJ and a space.
_LETTERS = "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيك\u200c "


def dates(
    low: datetime.date = EARLIEST, high: datetime.date = LATEST
) -> st.SearchStrategy[datetime.date]:
    """Days from ``low`` to ``high``."""
    return st.dates(min_value=low, max_value=high)


def national_ids() -> st.SearchStrategy[str]:
    """Valid compact national IDs."""
    nines = st.text(alphabet="0123456789", min_size=9, max_size=9)
    return (
        nines.filter(lambda nine: nine[3:] != "000000")
        .map(lambda nine: nine + national_id.calc_check_digit(nine))
        .filter(lambda code: len(set(code)) > 1)
    )


def texts(common: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Normalized, non-empty text: mostly ``common`` values, sometimes random Persian."""
    generated = st.text(alphabet=_LETTERS, min_size=1, max_size=20).map(normalize).filter(bool)
    return st.one_of(st.sampled_from(common), generated)


def _maybe(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(st.none(), strategy)


def _place() -> st.SearchStrategy[tuple[County | None, Province | None]]:
    counties = County.of("اصفهان")
    return st.one_of(
        st.just((None, None)),
        st.sampled_from(Province.all()).map(lambda province: (None, province)),
        st.sampled_from(counties).map(lambda county: (county, county.province)),
    )


@st.composite
def residences(draw: st.DrawFn, since: datetime.date | None = None) -> Residence:
    """A residence, dated ``since`` when given."""
    county, province = draw(_place())
    return Residence(
        city=draw(texts(CITIES)),
        since=since if since is not None else draw(dates()),
        county=county,
        province=province,
        from_metropolis=draw(_maybe(st.booleans())),
        transferred_employee=draw(_maybe(st.booleans())),
    )


def _residence_history() -> st.SearchStrategy[tuple[Residence, ...]]:
    starts = st.lists(dates(), max_size=4, unique=True).map(sorted)
    return starts.flatmap(lambda days: st.tuples(*(residences(since=day) for day in days)))


def employments() -> st.SearchStrategy[Employment]:
    """An employment record, any field possibly unknown."""
    return st.builds(
        Employment,
        kind=_maybe(st.sampled_from(EmploymentKind)),
        employer=_maybe(texts(("ذوب آهن اصفهان", "فولاد مبارکه"))),
        workplace=_maybe(texts(("مبارکه", "اصفهان"))),
        insurer=_maybe(st.sampled_from(Insurer)),
    )


@st.composite
def insured_periods(draw: st.DrawFn) -> InsuredPeriod:
    """An insured period, sometimes still running."""
    start = draw(dates())
    return InsuredPeriod(
        start=start,
        end=draw(_maybe(dates(low=start))),
        insurer=draw(_maybe(st.sampled_from(Insurer))),
    )


@st.composite
def owned_properties(draw: st.DrawFn) -> OwnedProperty:
    """An owned property, sometimes still owned, its acquisition sometimes unknown."""
    acquired = draw(_maybe(dates()))
    low = acquired if isinstance(acquired, datetime.date) else EARLIEST
    return OwnedProperty(
        kind=draw(st.sampled_from(PropertyKind)),
        acquired=acquired,
        disposed=draw(_maybe(dates(low=low))),
    )


def benefits() -> st.SearchStrategy[Benefit]:
    """A state housing benefit."""
    return st.builds(
        Benefit,
        kind=st.sampled_from(BenefitKind),
        date=_maybe(dates()),
        program=_maybe(texts(("مسکن مهر", "نهضت ملی مسکن"))),
    )


def form_j_statuses() -> st.SearchStrategy[FormJStatus]:
    """A Form J status."""
    return st.builds(FormJStatus, color=st.sampled_from(FormJ), as_of=_maybe(dates()))


def _tuples(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return _maybe(st.lists(strategy, max_size=3).map(tuple))


def housing_histories() -> st.SearchStrategy[HousingHistory]:
    """A housing history, each part possibly unknown or empty."""
    return st.builds(
        HousingHistory,
        owned_properties=_tuples(owned_properties()),
        benefits=_tuples(benefits()),
        form_j=_maybe(form_j_statuses()),
    )


@st.composite
def people(draw: st.DrawFn) -> Person:
    """A valid person, every optional fact sometimes unknown."""
    own_id = draw(national_ids())
    birth = draw(_maybe(dates(high=datetime.date(2020, 1, 1))))
    child_low = birth + datetime.timedelta(days=1) if isinstance(birth, datetime.date) else EARLIEST
    children = draw(
        _maybe(st.lists(dates(low=child_low), max_size=5).map(lambda d: tuple(sorted(d))))
    )
    return Person(
        national_id=own_id,
        first_name=draw(texts(FIRST_NAMES)),
        last_name=draw(texts(LAST_NAMES)),
        father_name=draw(_maybe(texts(FIRST_NAMES))),
        birth_date=birth,
        gender=draw(_maybe(st.sampled_from(Gender))),
        nationality=draw(_maybe(st.sampled_from(Nationality))),
        legal_capacity=draw(_maybe(st.booleans())),
        marital_status=draw(_maybe(st.sampled_from(MaritalStatus))),
        head_of_household=draw(_maybe(st.booleans())),
        child_custody=draw(_maybe(st.booleans())),
        children_birth_dates=children,
        dependants=draw(_maybe(st.integers(min_value=0, max_value=12))),
        disabled=draw(_maybe(st.booleans())),
        veteran_status=draw(_maybe(st.sampled_from(VeteranStatus))),
        residences=draw(_maybe(_residence_history())),
        employment=draw(_maybe(employments())),
        insured_periods=draw(_tuples(insured_periods())),
        owned_properties=draw(_tuples(owned_properties())),
        benefits=draw(_tuples(benefits())),
        form_j=draw(_maybe(form_j_statuses())),
        income_decile=draw(_maybe(st.integers(min_value=1, max_value=10))),
        spouse_national_id=draw(_maybe(national_ids().filter(lambda code: code != own_id))),
        spouse_housing=draw(_maybe(housing_histories())),
    )
