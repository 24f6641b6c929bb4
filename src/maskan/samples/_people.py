"""Synthetic people: national IDs with Isfahan prefixes and facts shaped to give a known
mix of National Housing Movement outcomes. Private: see :mod:`maskan.samples`.

One :class:`People` stream, started from a seed, hands out people one at a time; the same
seed always gives the same people in the same order, and each person costs the same
random draws whatever comes after, so the first ``n`` people of a stream are the same
whatever its length.

>>> from maskan.calendar import jdate
>>> people = People(7, on=jdate(1404, 9, 4))
>>> person = people.applicant()
>>> person == People(7, on=jdate(1404, 9, 4)).applicant()
True
>>> person.nationality.value, person.legal_capacity
('iranian', True)
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import random
from typing import NamedTuple

from maskan.calendar import add_years, full_years, jdate
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
    OwnedProperty,
    Person,
    PropertyKind,
    Residence,
    VeteranStatus,
)
from maskan.samples._names import EMPLOYERS, FEMALE_NAMES, LAST_NAMES, MALE_NAMES

__all__ = [
    "CAPACITY",
    "OUTCOMES",
    "PROFILES",
    "Home",
    "People",
    "isfahan_prefixes",
]

_DAY = datetime.timedelta(days=1)
_BODIES = 1_000_000  # six digits after the three-digit prefix


class Home(NamedTuple):
    """Where a person lives: a city, and its county or province."""

    city: str
    county: County | None
    province: Province

    def residence(
        self,
        since: datetime.date,
        *,
        from_metropolis: bool | None = None,
        transferred_employee: bool | None = None,
    ) -> Residence:
        """A residence record in this place from ``since``."""
        return Residence(
            city=self.city,
            since=since,
            county=self.county,
            province=self.province,
            from_metropolis=from_metropolis,
            transferred_employee=transferred_employee,
        )


@functools.cache
def _isfahan() -> Province:
    return Province.lookup("IR-10")


def home_in(county: str, city: str) -> Home:
    """A home in an Isfahan-province county."""
    isfahan = _isfahan()
    return Home(city=city, county=County.lookup(county, province=isfahan), province=isfahan)


def _elsewhere(city: str, province: str) -> Home:
    return Home(city=city, county=None, province=Province.lookup(province))


@functools.cache
def _towns() -> tuple[Home, ...]:
    """Towns of Isfahan province a person may have come from or live in."""
    return (
        home_in("اصفهان", "اصفهان"),
        home_in("کاشان", "کاشان"),
        home_in("نجف‌آباد", "نجف‌آباد"),
        home_in("خمینی‌شهر", "خمینی‌شهر"),
        home_in("شاهین‌شهر و میمه", "شاهین‌شهر"),
        home_in("لنجان", "زرین‌شهر"),
        home_in("فلاورجان", "فلاورجان"),
        home_in("مبارکه", "مبارکه"),
        home_in("شهرضا", "شهرضا"),
        home_in("گلپایگان", "گلپایگان"),
    )


@functools.cache
def _metropolises() -> tuple[Home, ...]:
    """Metropolises (کلان‌شهر) outside Isfahan province that people move from."""
    return (
        _elsewhere("تهران", "تهران"),
        _elsewhere("مشهد", "خراسان رضوی"),
        _elsewhere("شیراز", "فارس"),
    )


@functools.cache
def _small_cities() -> tuple[Home, ...]:
    """Cities outside Isfahan province that are not metropolises."""
    return (_elsewhere("شهرکرد", "چهارمحال و بختیاری"), _elsewhere("اراک", "مرکزی"))


# --- national IDs -----------------------------------------------------------------------

# Rough, made-up weights of the counties' shares of the province's people: Isfahan county
# is by far the largest. Counties not named here weigh 1.5; prefixes whose county the
# table does not give weigh 1.5 too.
_COUNTY_WEIGHTS = {
    "Isfahan": 40.0,
    "Kashan": 8.0,
    "Najafabad": 7.0,
    "Khomeyni-Shahr": 6.0,
    "Falavarjan": 4.0,
    "Shahreza": 3.0,
    "Golpayegan": 2.0,
    "Aran-o-Bidgol": 2.0,
}
_OTHER_WEIGHT = 1.5


@functools.cache
def isfahan_prefixes() -> tuple[tuple[str, County | None], ...]:
    """Every national-ID prefix the prefix table gives to an office of Isfahan province,
    with the office's county when the table names one maskan knows, in table order.

    >>> prefixes = dict(isfahan_prefixes())
    >>> prefixes["127"].name_en, "125" in prefixes, "136" in prefixes
    ('Isfahan', True, False)
    """
    from maskan.identifiers._places import OFFICES

    isfahan = _isfahan()
    found: dict[str, County | None] = {}
    for prefixes, _city, _province in OFFICES:
        for prefix in prefixes.split():
            if prefix in found:
                continue
            probe = prefix + "000001"
            office = national_id.place(probe + national_id.calc_check_digit(probe))
            if office is None or office.province is not isfahan:
                continue
            county = None
            if office.city_en is not None:
                county = County.lookup(office.city_en, province=isfahan)
            found[prefix] = county
    return tuple(found.items())


CAPACITY = len(isfahan_prefixes()) * (_BODIES - 2)
"""How many distinct national IDs the prefixes allow (a few per prefix are skipped)."""


class _Prefixes(NamedTuple):
    codes: tuple[str, ...]
    cumulative: tuple[float, ...]
    by_county: dict[County, tuple[str, ...]]


@functools.cache
def _prefixes() -> _Prefixes:
    table = isfahan_prefixes()
    per_county: dict[County | None, int] = {}
    for _, county in table:
        per_county[county] = per_county.get(county, 0) + 1
    weights = []
    for _, county in table:
        if county is None:
            weights.append(_OTHER_WEIGHT)
        else:
            share = _COUNTY_WEIGHTS.get(county.name_en, _OTHER_WEIGHT)
            weights.append(share / per_county[county])
    by_county: dict[County, tuple[str, ...]] = {}
    for prefix, county in table:
        if county is not None:
            by_county[county] = (*by_county.get(county, ()), prefix)
    return _Prefixes(
        codes=tuple(prefix for prefix, _ in table),
        cumulative=tuple(itertools.accumulate(weights)),
        by_county=by_county,
    )


class _Ids:
    """Unique national IDs: for each prefix, the six middle digits run through a
    permutation of 000000..999999 (``a·k + b mod 10⁶`` with ``a`` prime to 10), so no
    number is handed out twice until a prefix's million is used up, when the next prefix
    with room takes over."""

    def __init__(self, rng: random.Random) -> None:
        table = _prefixes()
        self._rng = rng
        self._table = table
        self._steps = {
            prefix: (
                rng.randrange(_BODIES // 10) * 10 + rng.choice((1, 3, 7, 9)),
                rng.randrange(_BODIES),
            )
            for prefix in table.codes
        }
        self._issued = dict.fromkeys(table.codes, 0)

    def issue(self, county: County | None = None) -> str:
        """A new national ID: with 70 % chance from ``county``'s own prefixes, when the
        table has any, otherwise from the whole province by the weights above."""
        rng, table = self._rng, self._table
        local = table.by_county.get(county) if county is not None else None
        if local and rng.random() < 0.7:
            prefix = local[rng.randrange(len(local))]
        else:
            point = rng.random() * table.cumulative[-1]
            prefix = table.codes[bisect.bisect_right(table.cumulative, point)]
        return self._next(prefix)

    def _next(self, prefix: str) -> str:
        codes = self._table.codes
        start = codes.index(prefix)
        for step in range(len(codes)):
            candidate = codes[(start + step) % len(codes)]
            multiplier, offset = self._steps[candidate]
            while self._issued[candidate] < _BODIES:
                index = self._issued[candidate]
                self._issued[candidate] = index + 1
                body = (multiplier * index + offset) % _BODIES
                if body == 0:  # digits 4 to 9 all zero: never valid
                    continue
                head = f"{candidate}{body:06d}"
                code = head + national_id.calc_check_digit(head)
                if code.count(code[0]) == len(code):  # one repeated digit: refused
                    continue
                return code
        raise OverflowError("every Isfahan prefix has run out of national IDs")


# --- profiles ---------------------------------------------------------------------------


class _Profile(NamedTuple):
    weight: float
    outcome: str  # the National Housing Movement verdict the facts are made to give
    gender: str  # "m", "f", "mostly_m", "mostly_f", "any"
    marital: str  # "married", "single", "alone" (divorced or widowed)
    ages: tuple[int, int]


PROFILES: dict[str, _Profile] = {
    # eligible
    "married": _Profile(38, "eligible", "mostly_m", "married", (24, 62)),
    "single_woman": _Profile(5, "eligible", "f", "single", (35, 62)),
    "custodial_parent": _Profile(4, "eligible", "mostly_f", "alone", (28, 58)),
    "disabled": _Profile(2, "eligible", "any", "single", (20, 50)),
    "single_man": _Profile(6, "eligible", "m", "single", (23, 44)),
    "metropolis_mover": _Profile(3, "eligible", "mostly_m", "married", (26, 55)),
    "transferred_employee": _Profile(1, "eligible", "mostly_m", "married", (26, 55)),
    # ineligible
    "sold_recently": _Profile(7, "ineligible", "mostly_m", "married", (30, 62)),
    "owner": _Profile(4, "ineligible", "mostly_m", "married", (30, 62)),
    "mehr_beneficiary": _Profile(4, "ineligible", "mostly_m", "married", (38, 65)),
    "red_form_j": _Profile(2, "ineligible", "mostly_m", "married", (26, 60)),
    "spouse_owner": _Profile(3, "ineligible", "m", "married", (28, 60)),
    "short_stay": _Profile(4, "ineligible", "mostly_m", "married", (25, 50)),
    "lives_elsewhere": _Profile(3, "ineligible", "mostly_m", "married", (25, 60)),
    "young_woman": _Profile(3, "ineligible", "f", "single", (20, 34)),
    "older_single_man": _Profile(2, "ineligible", "m", "single", (45, 62)),
    "young_man": _Profile(1, "ineligible", "m", "single", (18, 22)),
    "not_head_of_household": _Profile(1, "ineligible", "m", "married", (22, 35)),
    # undetermined
    "no_residence_record": _Profile(1.5, "undetermined", "mostly_m", "married", (25, 60)),
    "spouse_unknown": _Profile(1.5, "undetermined", "m", "married", (25, 60)),
    "mover_unknown": _Profile(1, "undetermined", "mostly_m", "married", (25, 50)),
}
"""The kinds of applicant the generator makes, with their relative weights and the
verdict their facts give under the National Housing Movement (with both open values
``"in_force"``, in the city of their home)."""


def _outcomes() -> dict[str, float]:
    weights: dict[str, float] = {}
    for profile in PROFILES.values():
        weights[profile.outcome] = weights.get(profile.outcome, 0) + profile.weight
    total = sum(weights.values())
    return {verdict: weight / total for verdict, weight in weights.items()}


OUTCOMES: dict[str, float] = _outcomes()
"""The expected share of each verdict among generated people.

>>> {verdict: round(share, 2) for verdict, share in OUTCOMES.items()}
{'eligible': 0.61, 'ineligible': 0.35, 'undetermined': 0.04}
"""

_PROFILE_NAMES = tuple(PROFILES)
_CUMULATIVE = tuple(itertools.accumulate(profile.weight for profile in PROFILES.values()))
_WORK = (
    EmploymentKind.WORKER,
    EmploymentKind.GOVERNMENT_EMPLOYEE,
    EmploymentKind.SELF_EMPLOYED,
    EmploymentKind.OTHER,
)
_WORK_WEIGHTS = (40, 22, 28, 10)
_DECILE_WEIGHTS = (8, 12, 14, 14, 13, 12, 10, 8, 5, 4)
_DECILES = tuple(range(1, 11))
_CHILD_COUNTS = (0, 1, 2, 3, 4)
_CHILD_WEIGHTS = (14, 30, 34, 16, 6)
_VETERAN = (VeteranStatus.NONE, VeteranStatus.VETERAN, VeteranStatus.MARTYR_FAMILY)
_VETERAN_WEIGHTS = (95, 3, 2)


def _between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    """A day from ``first`` to ``last``, both included (``first`` if the span is empty)."""
    span = (last - first).days
    if span <= 0:
        return first
    return first + datetime.timedelta(days=rng.randrange(span + 1))


class People:
    """A reproducible stream of synthetic people, as of day ``on``.

    Every person is an Iranian national with legal capacity, has a unique national ID with
    an Isfahan-province prefix (a valid check digit, built with
    :func:`maskan.identifiers.national_id.calc_check_digit`), a Persian name, a birth date,
    a household, a residence history, work and insurance, and a housing history: the
    facts the National Housing Movement reads, known in most cases. The profile (see
    :data:`PROFILES`) decides which facts make the person eligible, ineligible, or
    undetermined.

    >>> from maskan.calendar import jdate
    >>> people = People(1, on=jdate(1404, 9, 4))
    >>> [people.applicant().national_id[:3] != "" for _ in range(3)]
    [True, True, True]
    """

    def __init__(self, seed: int, *, on: datetime.date) -> None:
        self.rng = random.Random(seed)
        self.on = on
        self._ids = _Ids(self.rng)
        self._isfahan = home_in("اصفهان", "اصفهان")
        self._anniversaries: dict[int, datetime.date] = {}

    def _from_on(self, years: int) -> datetime.date:
        """``on`` moved by whole Jalali years, exactly (the age and residence limits the
        profiles aim at depend on it)."""
        day = self._anniversaries.get(years)
        if day is None:
            day = self._anniversaries[years] = add_years(self.on, years)
        return day

    def national_id(self, county: County | None = None) -> str:
        """A national ID no one in this stream has had."""
        return self._ids.issue(county)

    def applicant(self) -> Person:
        """A person who lives, or says they live, in the city of Isfahan."""
        return self.person(self._isfahan)

    def person(
        self,
        home: Home,
        *,
        work: EmploymentKind | None = None,
        profile: str | None = None,
    ) -> Person:
        """A person whose home is ``home``, of a random profile unless one is named, with
        the given kind of work (or a random one)."""
        rng, on = self.rng, self.on
        kind = (
            profile
            or _PROFILE_NAMES[bisect.bisect_right(_CUMULATIVE, rng.random() * _CUMULATIVE[-1])]
        )
        spec = PROFILES[kind]
        male = _is_male(rng, spec.gender)
        lowest, highest = spec.ages
        born = _between(rng, self._from_on(-highest - 1) + _DAY, self._from_on(-lowest))
        age = full_years(born, on)
        first_name = rng.choice(MALE_NAMES if male else FEMALE_NAMES)
        last_name = rng.choice(LAST_NAMES)
        father_name = rng.choice(MALE_NAMES)
        national = self._ids.issue(home.county)

        if spec.marital == "married":
            marital = MaritalStatus.MARRIED
        elif spec.marital == "alone":
            marital = MaritalStatus.WIDOWED if rng.random() < 0.3 else MaritalStatus.DIVORCED
        else:
            marital = MaritalStatus.SINGLE

        children: tuple[datetime.date, ...] = ()
        if marital is not MaritalStatus.SINGLE:
            count = rng.choices(_CHILD_COUNTS, weights=_CHILD_WEIGHTS)[0]
            if spec.marital == "alone":
                count = max(count, 1)
            first_child = _about(born, 21)
            if first_child < on - _DAY * 30:
                children = tuple(
                    sorted(_between(rng, first_child, on - _DAY * 30) for _ in range(count))
                )

        if marital is MaritalStatus.MARRIED:
            head = kind != "not_head_of_household"
        elif marital is MaritalStatus.SINGLE:
            head = age >= 30
        else:
            head = True
        custody = True if spec.marital == "alone" else None

        job = work or self._work(age)
        employment, insured = self._employment(job, born, kind)
        residences = self._residences(kind, home, born)
        owned, benefits, form_j = self._housing(kind, born)

        spouse_id: str | None = None
        spouse_housing: HousingHistory | None = None
        if marital is MaritalStatus.MARRIED:
            spouse_id = self._ids.issue(home.county)
            if kind == "spouse_owner":
                flat = OwnedProperty(
                    kind=PropertyKind.UNIT,
                    acquired=_between(rng, jdate(1401, 1, 1), on - _DAY * 30),
                )
                spouse_housing = HousingHistory(owned_properties=(flat,), benefits=())
            elif kind != "spouse_unknown":
                spouse_housing = HousingHistory(owned_properties=(), benefits=())

        return Person(
            national_id=national,
            first_name=first_name,
            last_name=last_name,
            father_name=father_name,
            birth_date=born,
            gender=Gender.MALE if male else Gender.FEMALE,
            nationality="iranian",
            legal_capacity=True,
            marital_status=marital,
            head_of_household=head,
            child_custody=custody,
            children_birth_dates=children,
            dependants=len(children) + (1 if marital is MaritalStatus.MARRIED else 0),
            disabled=kind == "disabled",
            veteran_status=rng.choices(_VETERAN, weights=_VETERAN_WEIGHTS)[0],
            residences=residences,
            employment=employment,
            insured_periods=insured,
            owned_properties=owned,
            benefits=benefits,
            form_j=form_j,
            income_decile=rng.choices(_DECILES, weights=_DECILE_WEIGHTS)[0],
            spouse_national_id=spouse_id,
            spouse_housing=spouse_housing,
        )

    # -- pieces ----------------------------------------------------------------------------

    def _work(self, age: int) -> EmploymentKind:
        rng = self.rng
        if age >= 60 and rng.random() < 0.6:
            return EmploymentKind.RETIRED
        return rng.choices(_WORK, weights=_WORK_WEIGHTS)[0]

    def _employment(
        self, job: EmploymentKind, born: datetime.date, kind: str
    ) -> tuple[Employment, tuple[InsuredPeriod, ...]]:
        rng, on = self.rng, self.on
        if kind == "transferred_employee":
            job = EmploymentKind.GOVERNMENT_EMPLOYEE
        employers = EMPLOYERS.get(job.value)
        employer = rng.choice(employers) if employers else None
        insurer: Insurer | None
        if job is EmploymentKind.WORKER:
            insurer = Insurer.SSO
        elif job is EmploymentKind.GOVERNMENT_EMPLOYEE:
            insurer = Insurer.CIVIL_SERVANTS_FUND
        elif job is EmploymentKind.SELF_EMPLOYED:
            insurer = Insurer.SSO if rng.random() < 0.7 else None
        elif job is EmploymentKind.RETIRED:
            insurer = Insurer.SSO if rng.random() < 0.6 else Insurer.CIVIL_SERVANTS_FUND
        else:
            insurer = None
        periods: tuple[InsuredPeriod, ...] = ()
        start = _about(born, rng.randint(19, 26))
        if insurer is not None and start < on - _DAY * 60:
            end = None
            if job is EmploymentKind.RETIRED:
                end = _between(rng, max(start, _about(born, 55)), on - _DAY * 30)
            periods = (InsuredPeriod(start=start, end=end, insurer=insurer),)
        employment = Employment(
            kind=job,
            employer=employer,
            insurer=insurer if job is not EmploymentKind.RETIRED else None,
        )
        return employment, periods

    def _residences(
        self, kind: str, home: Home, born: datetime.date
    ) -> tuple[Residence, ...] | None:
        rng, on = self.rng, self.on
        if kind == "no_residence_record":
            return None
        if kind == "lives_elsewhere":
            home = rng.choice([town for town in _towns() if town.city != home.city])
        if kind in ("metropolis_mover", "short_stay", "mover_unknown"):
            origin = rng.choice(_metropolises() if kind == "metropolis_mover" else _small_cities())
            moved = _between(rng, self._from_on(-4) + _DAY, self._from_on(-1))
            if kind == "mover_unknown":
                arrival = home.residence(moved)
            else:
                arrival = home.residence(
                    moved,
                    from_metropolis=kind == "metropolis_mover",
                    transferred_employee=False,
                )
            return (origin.residence(born), arrival)
        if kind == "transferred_employee":
            origin = rng.choice(_metropolises() + _small_cities())
            moved = _between(rng, on - _DAY * 330, on - _DAY * 20)
            return (
                origin.residence(born),
                home.residence(moved, from_metropolis=False, transferred_employee=True),
            )
        earliest, latest = _about(born, 18), self._from_on(-6)
        if rng.random() < 0.6 or latest <= earliest:
            return (home.residence(born),)
        origin = rng.choice([town for town in _towns() if town.city != home.city])
        return (origin.residence(born), home.residence(_between(rng, earliest, latest)))

    def _housing(
        self, kind: str, born: datetime.date
    ) -> tuple[tuple[OwnedProperty, ...], tuple[Benefit, ...], FormJStatus | None]:
        rng, on = self.rng, self.on
        owned: tuple[OwnedProperty, ...] = ()
        benefits: tuple[Benefit, ...] = ()
        if kind == "sold_recently":
            disposed = _between(rng, self._from_on(-5) + _DAY * 30, on - _DAY * 30)
            acquired = _between(
                rng, _about(born, 22), min(jdate(1398, 1, 1), disposed - _DAY * 200)
            )
            owned = (OwnedProperty(kind=PropertyKind.UNIT, acquired=acquired, disposed=disposed),)
        elif kind == "owner":
            acquired = _between(rng, max(_about(born, 24), jdate(1390, 1, 1)), on - _DAY * 60)
            land = rng.random() < 0.2
            owned = (
                OwnedProperty(
                    kind=PropertyKind.LAND if land else PropertyKind.UNIT, acquired=acquired
                ),
            )
        elif kind == "mehr_beneficiary":
            used = BenefitKind.UNIT if rng.random() < 0.6 else BenefitKind.SUBSIDISED_LOAN
            day = _between(rng, jdate(1388, 1, 1), jdate(1392, 12, 29))
            benefits = (Benefit(kind=used, date=day, program="مسکن مهر"),)
        form_j: FormJStatus | None = None
        if kind == "red_form_j":
            form_j = FormJStatus(color=FormJ.RED, as_of=_between(rng, jdate(1404, 1, 1), on))
        elif rng.random() < 0.35:
            form_j = FormJStatus(color=FormJ.GREEN, as_of=_between(rng, jdate(1403, 7, 1), on))
        return owned, benefits, form_j


def _about(born: datetime.date, years: int) -> datetime.date:
    """About ``years`` after ``born``: for dates no rule's outcome depends on."""
    return born + datetime.timedelta(days=years * 365 + years // 4)


def _is_male(rng: random.Random, gender: str) -> bool:
    if gender == "m":
        return True
    if gender == "f":
        return False
    if gender == "mostly_m":
        return rng.random() < 0.9
    if gender == "mostly_f":
        return rng.random() < 0.15
    return rng.random() < 0.5
