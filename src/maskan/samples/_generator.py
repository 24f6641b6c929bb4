"""The builder of the Isfahan 1404 sample: cooperatives, their members, projects and
ledgers, made through the models' own operations. Private: see :mod:`maskan.samples`.

Everything is drawn from seeded :class:`random.Random` streams and nothing iterates a
set or depends on hashing, so one seed always builds the same data, in any process.

>>> parts = build(1404)
>>> len(parts.cooperatives) == len(parts.ledgers) == len(PLAN)
True
"""

from __future__ import annotations

import datetime
import math
import random
from collections.abc import Sequence
from fractions import Fraction
from typing import NamedTuple

from maskan.calendar import add_months, add_years, jalali_ymd, jdate
from maskan.identifiers import banks, legal_id
from maskan.models.cooperative import (
    Cooperative,
    CooperativeKind,
    QuorumRule,
    Statute,
    alternates_range,
)
from maskan.models.ledger import Contribution, ContributionKind, Due, InstalmentPlan, Ledger
from maskan.models.person import EmploymentKind, Person
from maskan.models.project import (
    Financing,
    FundingSource,
    HousingProject,
    LandTenure,
    ProjectStatus,
    Unit,
)
from maskan.models.registry import Registry
from maskan.money import Rial
from maskan.samples._names import PROJECT_NAMES
from maskan.samples._people import People, home_in

__all__ = ["APPLICANTS", "CITY", "PLAN", "SUMMIT", "Parts", "build"]

SUMMIT = jdate(1404, 9, 4)
"""4 Azar 1404 (2025-11-25): the day of the provincial housing-investment summit that the
Tasnim report describes (DOMAIN.md §3). The sample is a snapshot of that day.

>>> SUMMIT
datetime.date(2025, 11, 25)
"""

CITY = "اصفهان"
"""The city the sample's applicants apply in.

>>> CITY
'اصفهان'
"""

APPLICANTS = 400
"""The size of the applicant pool.

>>> from maskan.samples import isfahan_1404
>>> len(isfahan_1404().applicants) == APPLICANTS
True
"""

_DAY = datetime.timedelta(days=1)
_MILLION = 1_000_000


class _CoopPlan(NamedTuple):
    county: str
    city: str
    kind: CooperativeKind
    name: str
    projects: int


_W, _S, _G = (
    CooperativeKind.WORKERS_HOUSING,
    CooperativeKind.STAFF_HOUSING,
    CooperativeKind.GENERAL_HOUSING,
)

PLAN: tuple[_CoopPlan, ...] = (
    _CoopPlan("اصفهان", "اصفهان", _W, "تعاونی مسکن کارگران صنایع فلزی اصفهان", 3),
    _CoopPlan("اصفهان", "اصفهان", _S, "تعاونی مسکن فرهنگیان ناحیهٔ ۲ اصفهان", 3),
    _CoopPlan("اصفهان", "اصفهان", _S, "تعاونی مسکن کارکنان درمانی اصفهان", 2),
    _CoopPlan("اصفهان", "اصفهان", _G, "تعاونی مسکن جوانان زاینده‌رود", 3),
    _CoopPlan("اصفهان", "اصفهان", _W, "تعاونی مسکن کارگران نساجی اصفهان", 2),
    _CoopPlan("اصفهان", "اصفهان", _S, "تعاونی مسکن کارکنان شهرداری اصفهان", 3),
    _CoopPlan("اصفهان", "اصفهان", _G, "تعاونی مسکن نقش جهان", 2),
    _CoopPlan("کاشان", "کاشان", _S, "تعاونی مسکن فرهنگیان کاشان", 2),
    _CoopPlan("کاشان", "کاشان", _W, "تعاونی مسکن کارگران فرش و نساجی کاشان", 2),
    _CoopPlan("کاشان", "کاشان", _G, "تعاونی مسکن باغ فین", 1),
    _CoopPlan("نجف‌آباد", "نجف‌آباد", _W, "تعاونی مسکن کارگران شهرک صنعتی نجف‌آباد", 2),
    _CoopPlan("نجف‌آباد", "نجف‌آباد", _S, "تعاونی مسکن کارکنان دولت نجف‌آباد", 2),
    _CoopPlan("خمینی‌شهر", "خمینی‌شهر", _G, "تعاونی مسکن جوانان خمینی‌شهر", 2),
    _CoopPlan("خمینی‌شهر", "خمینی‌شهر", _W, "تعاونی مسکن کارگری خمینی‌شهر", 1),
    _CoopPlan("شاهین‌شهر و میمه", "شاهین‌شهر", _S, "تعاونی مسکن فرهنگیان شاهین‌شهر", 2),
    _CoopPlan("لنجان", "زرین‌شهر", _W, "تعاونی مسکن کارگران صنایع فلزی زرین‌شهر", 3),
    _CoopPlan("مبارکه", "مبارکه", _W, "تعاونی مسکن کارگران صنعتی مبارکه", 3),
    _CoopPlan("فلاورجان", "فلاورجان", _G, "تعاونی مسکن فلاورجان", 2),
    _CoopPlan("شهرضا", "شهرضا", _S, "تعاونی مسکن فرهنگیان شهرضا", 2),
    _CoopPlan("گلپایگان", "گلپایگان", _G, "تعاونی مسکن جوانان گلپایگان", 2),
    _CoopPlan("آران و بیدگل", "آران و بیدگل", _W, "تعاونی مسکن کارگران فرش آران و بیدگل", 2),
    _CoopPlan("نطنز", "نطنز", _S, "تعاونی مسکن کارکنان دولت نطنز", 2),
    _CoopPlan("نایین", "نایین", _G, "تعاونی مسکن نایین", 2),
    _CoopPlan("اردستان", "اردستان", _S, "تعاونی مسکن فرهنگیان اردستان", 2),
    _CoopPlan("سمیرم", "سمیرم", _G, "تعاونی مسکن سمیرم", 2),
    _CoopPlan("خوانسار", "خوانسار", _S, "تعاونی مسکن کارکنان دولت خوانسار", 2),
    _CoopPlan("فریدن", "داران", _G, "تعاونی مسکن داران", 2),
    _CoopPlan("تیران و کرون", "تیران", _W, "تعاونی مسکن کارگری تیران", 2),
    _CoopPlan("برخوار", "دولت‌آباد", _W, "تعاونی مسکن کارگران شهرک صنعتی برخوار", 2),
    _CoopPlan("دهاقان", "دهاقان", _G, "تعاونی مسکن دهاقان", 2),
)
"""The cooperatives: county, city, kind, a made-up name, and how many projects."""

# Where the 64 projects stand on the summit day.
_OPENED_1404 = "opened_1404"
_OPENED_1403 = "opened_1403"
_STAGES = (
    (_OPENED_1404, 44),  # "more than 42 projects opened" (Tasnim, 4 Azar 1404)
    (_OPENED_1403, 6),
    ("completed", 3),
    ("under_construction", 6),
    ("permitted", 2),
    ("planned", 3),
)
_UNITS_OPENED_1404 = 2_600  # "more than 2,500 people covered": one unit per member household
_SIZES = (12, 16, 20, 24, 30, 36, 40, 48, 56, 64, 72, 80, 96, 120, 150)
_SIZE_WEIGHTS = (4, 6, 8, 9, 9, 9, 8, 8, 6, 6, 5, 4, 3, 2, 1)
_BLOCKS = ("الف", "ب", "ج", "د", "ه", "و", "ز", "ح")
_SHARE_PRICES = (1_000_000, 2_000_000, 5_000_000, 10_000_000)
_FEES = (2_000_000, 3_000_000, 5_000_000)
_GROUNDS = ("عدم پرداخت اقساط", "عدم رعایت مقررات اساسنامه")


def _banks() -> tuple[tuple[str, ...], tuple[int, ...]]:
    names = tuple(
        found.name_fa
        for code in ("014", "022", "013", "017")
        if (found := banks.by_sheba_code(code)) is not None
    )
    return names, (60, 25, 10, 5)[: len(names)]


class Parts(NamedTuple):
    """What :func:`build` makes."""

    registry: Registry
    cooperatives: tuple[Cooperative, ...]
    projects: tuple[HousingProject, ...]
    ledgers: tuple[Ledger, ...]
    members: tuple[Person, ...]
    applicants: tuple[Person, ...]
    project_members: dict[str, tuple[str, ...]]


class _Timeline(NamedTuple):
    stage: str
    planned: datetime.date
    permitted: datetime.date | None
    started: datetime.date | None  # under construction from
    completed: datetime.date | None
    opened: datetime.date | None
    handed_over: datetime.date | None
    started_expected: datetime.date  # for payments: when construction starts / started
    completion_expected: datetime.date


def _between(rng: random.Random, first: datetime.date, last: datetime.date) -> datetime.date:
    span = (last - first).days
    if span <= 0:
        return first
    return first + datetime.timedelta(days=rng.randrange(span + 1))


def _days(rng: random.Random, low: int, high: int) -> datetime.timedelta:
    return datetime.timedelta(days=rng.randint(low, high))


def _millions(value: float) -> int:
    """``value`` rials rounded to whole millions."""
    return round(value / _MILLION) * _MILLION


def _timeline(rng: random.Random, stage: str) -> _Timeline:
    months = rng.randint(28, 54)
    length = datetime.timedelta(days=months * 30)
    opened = handed = completed = started = permitted = None
    if stage in (_OPENED_1404, _OPENED_1403, "completed"):
        if stage == _OPENED_1404:
            opened = _between(rng, jdate(1404, 1, 20), SUMMIT)
            completed = opened - _days(rng, 15, 90)
        elif stage == _OPENED_1403:
            opened = _between(rng, jdate(1403, 1, 20), jdate(1403, 12, 25))
            completed = opened - _days(rng, 15, 90)
            if rng.random() < 0.5:
                handed = min(opened + _days(rng, 60, 240), SUMMIT)
        else:
            completed = _between(rng, jdate(1404, 6, 1), SUMMIT - _DAY * 5)
        started = completed - length
        permitted = started - _days(rng, 20, 90)
        planned = permitted - _days(rng, 60, 240)
        return _Timeline(
            stage, planned, permitted, started, completed, opened, handed, started, completed
        )
    if stage == "under_construction":
        started = _between(rng, jdate(1401, 6, 1), jdate(1404, 5, 1))
        permitted = started - _days(rng, 20, 90)
        planned = permitted - _days(rng, 60, 240)
        return _Timeline(
            stage, planned, permitted, started, None, None, None, started, started + length
        )
    if stage == "permitted":
        permitted = _between(rng, jdate(1404, 1, 1), SUMMIT - _DAY * 10)
        planned = permitted - _days(rng, 60, 240)
        start = permitted + _days(rng, 30, 120)
        return _Timeline(stage, planned, permitted, None, None, None, None, start, start + length)
    planned = _between(rng, jdate(1403, 10, 1), SUMMIT - _DAY * 10)
    start = planned + _days(rng, 150, 360)
    return _Timeline(stage, planned, None, None, None, None, None, start, start + length)


def _sizes(rng: random.Random, stages: Sequence[str]) -> list[int]:
    """Units per project; the projects opened in 1404 are scaled to about 2,600 units."""
    raw = [rng.choices(_SIZES, weights=_SIZE_WEIGHTS)[0] for _ in stages]
    opened = [index for index, stage in enumerate(stages) if stage == _OPENED_1404]
    total = sum(raw[index] for index in opened)
    for index in opened:
        raw[index] = max(8, round(raw[index] * _UNITS_OPENED_1404 / total))
    return raw


def _units(rng: random.Random, count: int) -> list[Unit]:
    per_floor = rng.choice((2, 3, 4))
    floors = rng.randint(4, 10)
    while math.ceil(count / (per_floor * floors)) > len(_BLOCKS):
        floors += 1
    blocks = math.ceil(count / (per_floor * floors))
    base = rng.randint(85, 115)
    units: list[Unit] = []
    for position in range(count):
        block, rest = divmod(position, per_floor * floors)
        floor, index = divmod(rest, per_floor)
        area = base + rng.choice((-15, -5, 0, 0, 5, 15, 25))
        units.append(
            Unit(
                number=f"{floor + 1}{index + 1:02d}",
                block=_BLOCKS[block] if blocks > 1 else None,
                floor=floor + 1,
                floor_area_m2=area,
                bedrooms=1 if area < 80 else 2 if area < 110 else 3,
            )
        )
    return units


def _progress(
    rng: random.Random, start: datetime.date, end: datetime.date, target: int
) -> list[tuple[int, datetime.date]]:
    """Progress reports from ``start`` to ``end``, rising to ``target`` percent."""
    reports = [(rng.randint(0, 3), start)]
    span = max((end - start).days, 1)
    day = start + _days(rng, 120, 240)
    while day < end - _DAY * 20:
        share = (day - start).days / span
        percent = max(reports[-1][0], min(target - 1, round(target * share) + rng.randint(-3, 3)))
        reports.append((percent, day))
        day += _days(rng, 120, 240)
    reports.append((max(target, reports[-1][0]), max(end, reports[-1][1])))
    return reports


class _Builder:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(f"maskan.samples:{seed}:cooperatives")
        self.people = People(seed, on=SUMMIT)
        self.legal_ids: list[str] = []
        self.bank_names, self.bank_weights = _banks()

    def new_legal_id(self) -> str:
        while True:
            head = "14" + f"{self.rng.randrange(10**8):08d}"
            code = head + legal_id.calc_check_digit(head)
            if code not in self.legal_ids and legal_id.is_valid(code):
                self.legal_ids.append(code)
                return code


def build(seed: int) -> Parts:
    """Build the sample from ``seed``."""
    builder = _Builder(seed)
    rng, people = builder.rng, builder.people
    # The applicants come first, so that they are generate(APPLICANTS, seed) exactly.
    applicants = tuple(people.applicant() for _ in range(APPLICANTS))

    stages = [stage for stage, count in _STAGES for _ in range(count)]
    rng.shuffle(stages)
    sizes = _sizes(rng, stages)

    registry = Registry()
    cooperatives: list[Cooperative] = []
    projects: list[HousingProject] = []
    ledgers: list[Ledger] = []
    members: list[Person] = []
    project_members: dict[str, tuple[str, ...]] = {}
    position = 0
    for number, plan in enumerate(PLAN, 1):
        mine = list(range(position, position + plan.projects))
        position += plan.projects
        built = _cooperative(builder, number, plan, [(stages[i], sizes[i]) for i in mine], registry)
        registry = built.registry
        cooperatives.append(registry.cooperative(built.legal_id))
        projects.extend(built.projects)
        ledgers.append(built.ledger)
        members.extend(built.members)
        project_members.update(built.project_members)
    return Parts(
        registry=registry,
        cooperatives=tuple(cooperatives),
        projects=tuple(projects),
        ledgers=tuple(ledgers),
        members=tuple(members),
        applicants=applicants,
        project_members=project_members,
    )


class _Built(NamedTuple):
    registry: Registry
    legal_id: str
    projects: list[HousingProject]
    ledger: Ledger
    members: list[Person]
    project_members: dict[str, tuple[str, ...]]


class _Event(NamedTuple):
    on: datetime.date
    order: int  # admissions first on a day, then replacements, elections, departures
    kind: str
    person: Person | None
    national_id: str | None
    shares: int


def _statute(rng: random.Random, kind: CooperativeKind, size: int, city: str) -> Statute:
    return Statute(
        share_price=Rial(rng.choice(_SHARE_PRICES)),
        minimum_shares=10,
        max_capital_share=Fraction(3, 10),
        board_size=3 if size < 100 else 5,
        board_term_years=3,
        ordinary_first_call=QuorumRule.more_than("1/2"),
        ordinary_second_call=QuorumRule.at_least(0),
        extraordinary_first_call=QuorumRule.at_least("2/3"),
        extraordinary_second_call=QuorumRule.more_than("1/2"),
        expulsion_grounds=_GROUNDS,
        workplaces=(f"واحدهای صنعتی {city}",) if kind is _W else (),
    )


def _cooperative(
    builder: _Builder,
    number: int,
    plan: _CoopPlan,
    wanted: list[tuple[str, int]],
    registry: Registry,
) -> _Built:
    rng, people = builder.rng, builder.people
    home = home_in(plan.county, plan.city)
    work = {
        _W: EmploymentKind.WORKER,
        _S: EmploymentKind.GOVERNMENT_EMPLOYEE,
        _G: None,
    }[plan.kind]

    timelines = sorted(
        ((_timeline(rng, stage), size) for stage, size in wanted), key=lambda item: item[0].planned
    )
    founded = max(timelines[0][0].planned - _days(rng, 200, 900), jdate(1385, 1, 1))
    units_total = sum(size for _, size in timelines)
    waiting = round(units_total * rng.uniform(0.03, 0.10))
    statute = _statute(rng, plan.kind, units_total + waiting, plan.city)
    fee = rng.choice(_FEES)
    price = statute.share_price.rials
    legal = builder.new_legal_id()
    ledger = Ledger(cooperative_id=legal)
    everyone: list[Person] = []
    events: list[_Event] = []
    project_list: list[HousingProject] = []
    assigned: dict[str, tuple[str, ...]] = {}
    abbreviation = home.county.name_en[:3].upper() if home.county is not None else "ISF"

    def shares() -> int:
        return 10 if rng.random() < 0.7 else rng.randint(11, 20)

    def pay(member: str, day: datetime.date, kind: ContributionKind, rials: int, ref: str) -> None:
        nonlocal ledger
        ledger = ledger.record(
            Contribution(member_id=member, date=day, kind=kind, amount=rials, reference=ref)
        )

    founders: list[Person] = []
    founder_shares: dict[str, int] = {}
    receipt = 0

    def reference(code: str) -> str:
        nonlocal receipt
        receipt += 1
        return f"{code}/{receipt:05d}"

    for serial, (timeline, size) in enumerate(timelines, 1):
        year = jalali_ymd(timeline.planned)[0]
        code = f"{abbreviation}{number:02d}-{year}-{serial}"
        units = _units(rng, size)
        finished = timeline.completed is not None
        per_m2 = rng.randint(170, 205) if plan.county == "اصفهان" else rng.randint(140, 185)
        bank_rate = 0.0 if rng.random() < 0.2 else rng.uniform(0.06, 0.25)
        ids: list[str] = []
        paid: list[tuple[datetime.date, int]] = []
        for index, unit in enumerate(units):
            person = people.person(home, work=work)
            bought = shares()
            if serial == 1 and index < 7:
                founders.append(person)
                founder_shares[person.national_id] = bought
                joined = founded
            else:
                last = min(timeline.started_expected - _DAY * 30, SUMMIT)
                first = max(founded + _DAY, timeline.planned - _DAY * 365)
                joined = _between(rng, first, max(first, last))
                events.append(_Event(joined, 0, "admit", person, None, bought))
            member = person.national_id
            everyone.append(person)
            ids.append(member)
            pay(member, joined, ContributionKind.MEMBERSHIP_FEE, fee, reference(code))
            pay(member, joined, ContributionKind.SHARES, bought * price, reference(code))
            area = float(unit.floor_area_m2 or 100)
            total = _millions(area * per_m2 * _MILLION * (1 - bank_rate))
            initial = _millions(total * rng.uniform(0.25, 0.4))
            deposit_day = min(joined + _days(rng, 5, 40), SUMMIT)
            pay(member, deposit_day, ContributionKind.DEPOSIT, initial, reference(code))
            paid.append((deposit_day, initial))
            first_due = max(timeline.started_expected + _DAY * 30, deposit_day + _DAY)
            count = max(1, (timeline.completion_expected - first_due).days // 182)
            remaining = total - initial
            part = _millions(remaining / count)
            amounts = [part] * (count - 1) + [remaining - part * (count - 1)]
            dues = [
                Due(date=add_months(first_due, 6 * step), amount=amount)
                for step, amount in enumerate(amounts)
            ]
            ledger = ledger.add_plan(InstalmentPlan(member_id=member, total=remaining, dues=dues))
            late = rng.random() < 0.1
            behind = not finished and rng.random() < 0.05
            due_now = [due for due in dues if due.date <= SUMMIT]
            if behind and due_now:
                due_now = due_now[:-1]
            for due in due_now:
                day = min(due.date + (_days(rng, 30, 75) if late else _days(rng, 0, 25)), SUMMIT)
                pay(member, day, ContributionKind.INSTALMENT, due.amount.rials, reference(code))
                paid.append((day, due.amount.rials))

        project = HousingProject(
            code=code,
            name=f"مجتمع مسکونی {rng.choice(PROJECT_NAMES)}",
            cooperative_id=legal,
            province=home.province,
            county=home.county,
            city=plan.city,
            land_area_m2=round(size * rng.uniform(28, 55)),
            land_tenure=(
                LandTenure.LEASE_99_YEAR
                if plan.kind is _W and rng.random() < 0.5
                else LandTenure.OWNED
            ),
        ).add_units(*units)
        target = 100
        if timeline.started is not None:
            end = timeline.completed or SUMMIT
            if not finished:
                elapsed = (SUMMIT - timeline.started).days
                length = (timeline.completion_expected - timeline.started).days
                target = max(5, min(95, round(100 * elapsed / length)))
            for percent, day in _progress(rng, timeline.started, end, target):
                project = project.record_progress(percent, on=day)
        for status, reached in (
            (ProjectStatus.PLANNED, timeline.planned),
            (ProjectStatus.PERMITTED, timeline.permitted),
            (ProjectStatus.UNDER_CONSTRUCTION, timeline.started),
            (ProjectStatus.COMPLETED, timeline.completed),
            (ProjectStatus.OPENED, timeline.opened),
            (ProjectStatus.HANDED_OVER, timeline.handed_over),
        ):
            if reached is not None:
                project = project.advance(status, on=reached)

        financing: list[Financing] = []
        by_year: dict[int, tuple[int, datetime.date]] = {}
        for day, rials in sorted(paid):
            year_paid = jalali_ymd(day)[0]
            total_year, _ = by_year.get(year_paid, (0, day))
            by_year[year_paid] = (total_year + rials, day)
        for total_year, day in by_year.values():
            financing.append(Financing(source=FundingSource.MEMBERS, amount=total_year, date=day))
        if bank_rate and timeline.started is not None:
            members_total = sum(rials for _, rials in paid)
            if not finished:
                members_total = round(members_total / max(0.3, target / 100))
            loan = round(members_total * bank_rate / (1 - bank_rate) / 10**8) * 10**8
            bank = rng.choices(builder.bank_names, weights=builder.bank_weights)[0]
            length = (timeline.completion_expected - timeline.started).days
            for share, tranche in ((rng.uniform(0.25, 0.4), 0), (rng.uniform(0.6, 0.8), 1)):
                day = timeline.started + datetime.timedelta(days=round(length * share))
                amount = loan // 2 if tranche == 0 else loan - loan // 2
                if day <= SUMMIT and amount > 0:
                    financing.append(
                        Financing(
                            source=FundingSource.BANK_FACILITY, amount=amount, bank=bank, date=day
                        )
                    )
        if financing:
            project = project.add_financing(
                *sorted(financing, key=lambda item: item.date or SUMMIT)
            )
        project_list.append(project)
        assigned[code] = tuple(ids)

        # A few members of a finished project hand their place to a successor.
        if timeline.completed is not None and timeline.completed < SUMMIT - _DAY * 40:
            for member in ids[7 if serial == 1 else 0 :]:
                if rng.random() < 0.02:
                    day = _between(rng, timeline.completed + _DAY * 10, SUMMIT)
                    successor = people.person(home, work=work)
                    everyone.append(successor)
                    events.append(_Event(day, 1, "replace", successor, member, 0))
                    assigned[code] = tuple(
                        successor.national_id if held == member else held for held in assigned[code]
                    )

    # Waiting members: admitted for the next project, paying a deposit plan; some leave.
    for _ in range(waiting):
        person = people.person(home, work=work)
        member = person.national_id
        everyone.append(person)
        joined = _between(rng, founded + _DAY * 30, SUMMIT - _DAY * 10)
        bought = shares()
        events.append(_Event(joined, 0, "admit", person, None, bought))
        code = f"{abbreviation}{number:02d}-W"
        pay(member, joined, ContributionKind.MEMBERSHIP_FEE, fee, reference(code))
        pay(member, joined, ContributionKind.SHARES, bought * price, reference(code))
        deposit_day = min(joined + _days(rng, 5, 30), SUMMIT)
        deposit = rng.randint(5, 20) * 100 * _MILLION
        pay(member, deposit_day, ContributionKind.DEPOSIT, deposit, reference(code))
        dues = [
            Due(date=add_months(joined, 3 * step), amount=rng.randint(3, 8) * 100 * _MILLION)
            for step in range(1, 5)
        ]
        roll = rng.random()
        leaves = _between(rng, max(joined + _DAY * 120, jdate(1403, 1, 1)), SUMMIT)
        if roll < 0.12 and leaves <= SUMMIT and leaves > joined + _DAY * 100:
            kept = [due for due in dues if due.date < leaves]
            if kept:
                ledger = ledger.add_plan(
                    InstalmentPlan(
                        member_id=member, total=sum(d.amount.rials for d in kept), dues=kept
                    )
                )
            refund = deposit
            for due in kept:
                pay(
                    member, due.date, ContributionKind.INSTALMENT, due.amount.rials, reference(code)
                )
                refund += due.amount.rials
            events.append(_Event(leaves, 3, "withdraw", None, member, 0))
            pay(
                member,
                min(leaves + _days(rng, 0, 30), SUMMIT),
                ContributionKind.REFUND,
                refund,
                reference(code),
            )
            continue
        ledger = ledger.add_plan(
            InstalmentPlan(member_id=member, total=sum(d.amount.rials for d in dues), dues=dues)
        )
        if roll < 0.17 and dues[1].date + _DAY * 90 <= SUMMIT:
            expelled = _between(
                rng, dues[1].date + _DAY * 30, min(dues[1].date + _DAY * 90, SUMMIT)
            )
            events.append(_Event(expelled, 3, "expel", None, member, 0))
            continue
        for due in dues:
            day = due.date + _days(rng, 0, 20)
            if day <= SUMMIT:
                pay(member, day, ContributionKind.INSTALMENT, due.amount.rials, reference(code))

    # Board elections: the founders first, then every term from the active members.
    elected = founded + _days(rng, 3, 20)
    while elected <= SUMMIT:
        events.append(_Event(elected, 2, "elect", None, None, 0))
        elected = add_years(elected, statute.board_term_years) + _days(rng, -10, 20)

    coop = Cooperative.found(
        name=plan.name,
        kind=plan.kind,
        legal_id=legal,
        province=home.province,
        statute=statute,
        founders=founders,
        shares=founder_shares,
        on=founded,
        registration_number=str(rng.randint(1_000, 99_999)),
        county=home.county,
        city=plan.city,
    )
    registry = registry.add(coop)
    for event in sorted(events, key=lambda item: (item.on, item.order)):
        if event.kind == "admit" and event.person is not None:
            registry = registry.admit(legal, event.person, on=event.on, shares=event.shares)
        elif event.kind == "replace" and event.person is not None and event.national_id:
            registry = registry.replace(
                legal,
                event.national_id,
                event.person,
                on=event.on,
                note="آوردهٔ عضو به جانشین منتقل شد",
            )
        elif event.kind == "withdraw" and event.national_id:
            registry = registry.withdraw(legal, event.national_id, on=event.on)
        elif event.kind == "expel" and event.national_id:
            registry = registry.expel(legal, event.national_id, on=event.on, ground=_GROUNDS[0])
        elif event.kind == "elect":
            active = [record.national_id for record in registry.cooperative(legal).active_members]
            size = statute.board_size
            allowed = alternates_range(size, len(active))
            chosen = rng.sample(active, size + allowed.start)
            registry = registry.elect_board(
                legal, principals=chosen[:size], alternates=chosen[size:], on=event.on
            )
    return _Built(registry, legal, project_list, ledger, everyone, assigned)
