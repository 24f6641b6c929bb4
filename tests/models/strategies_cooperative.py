"""Hypothesis strategies for :mod:`maskan.models.cooperative` and :mod:`maskan.models.registry`:
one per model class, valid objects only.

Cooperatives are built the way callers build them: founded, then changed by a random run
of operations (admit, withdraw, replace, expel, elect a board), so that every record and
event a strategy yields is one the operations can produce. Used by the cooperative and
registry tests and by the serde tests (``from strategies_cooperative import cooperatives``).
"""

from __future__ import annotations

import datetime
from fractions import Fraction

from hypothesis import strategies as st

from maskan.calendar import add_years
from maskan.geo import County, Province
from maskan.identifiers import legal_id, national_id
from maskan.models.cooperative import (
    BOARD_MAX,
    PRINCIPALS_MAX,
    PRINCIPALS_MIN,
    Assembly,
    Board,
    Cooperative,
    CooperativeEvent,
    CooperativeKind,
    EventKind,
    Membership,
    MembershipStatus,
    QuorumRule,
    Statute,
    alternates_range,
)
from maskan.models.person import Person
from maskan.models.registry import Registry
from maskan.money import Rial

__all__ = [
    "assemblies",
    "boards",
    "cooperative_events",
    "cooperatives",
    "dates",
    "founders",
    "legal_ids",
    "members",
    "memberships",
    "national_ids",
    "quorum_rules",
    "registries",
    "statutes",
]

# 1370/06/13 (the Cooperative Sector Law) to 1410/12/29.
EARLIEST = datetime.date(1991, 9, 4)
LATEST = datetime.date(2032, 3, 19)

NAMES = ("تعاونی مسکن کارکنان فولاد", "تعاونی مسکن کارگری ذوب‌آهن", "تعاونی مسکن فرهنگیان")
PEOPLE_NAMES = ("علی", "مریم", "محمد", "زهرا", "حسین", "فاطمه", "رضا", "سارا")
GROUNDS = ("عدم پرداخت اقساط", "تخلف از اساسنامه", "ارائه مدارک خلاف واقع")
WORKPLACES = ("ذوب‌آهن اصفهان", "فولاد مبارکه", "پالایشگاه اصفهان")
CITIES = ("اصفهان", "نجف‌آباد", "کاشان", "شاهین‌شهر")


def dates(
    earliest: datetime.date = EARLIEST, latest: datetime.date = LATEST
) -> st.SearchStrategy[datetime.date]:
    """Days from ``earliest`` to ``latest``."""
    return st.dates(min_value=earliest, max_value=latest)


def national_ids() -> st.SearchStrategy[str]:
    """Valid national IDs, compact."""
    return (
        st.integers(min_value=0, max_value=999_999_999)
        .map(lambda n: f"{n:09d}")
        .map(lambda first: first + national_id.calc_check_digit(first))
        .filter(national_id.is_valid)
    )


def legal_ids() -> st.SearchStrategy[str]:
    """Valid legal-entity IDs."""
    return (
        st.integers(min_value=1_000_000_000, max_value=9_999_999_999)
        .map(str)
        .map(lambda first: first + legal_id.calc_check_digit(first))
        .filter(legal_id.is_valid)
    )


def members(ids: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Person]:
    """People who meet the membership conditions a Person's facts settle."""
    return st.builds(
        lambda number, first, last: Person(
            national_id=number,
            first_name=first,
            last_name=last,
            nationality="iranian",
            legal_capacity=True,
        ),
        ids if ids is not None else national_ids(),
        st.sampled_from(PEOPLE_NAMES),
        st.sampled_from(PEOPLE_NAMES),
    )


def founders(count: int) -> st.SearchStrategy[list[Person]]:
    """``count`` people with distinct national IDs."""
    return st.lists(members(), min_size=count, max_size=count, unique_by=lambda p: p.national_id)


def quorum_rules() -> st.SearchStrategy[QuorumRule]:
    """Quorums from "at least 0" to "more than all"."""
    return st.builds(
        QuorumRule,
        share=st.fractions(min_value=0, max_value=1, max_denominator=12),
        strict=st.booleans(),
    )


def assemblies() -> st.SearchStrategy[Assembly]:
    """Ordinary or extraordinary."""
    return st.sampled_from(Assembly)


def statutes(*, minimum_members: int | None = None) -> st.SearchStrategy[Statute]:
    """Statutes. The capital cap is at least 1/7, so that seven founders with equal shares
    are allowed."""
    return st.builds(
        Statute,
        share_price=st.integers(min_value=1, max_value=10**10).map(Rial),
        minimum_shares=st.integers(min_value=1, max_value=20),
        max_capital_share=st.fractions(min_value=Fraction(1, 7), max_value=1, max_denominator=20),
        board_size=st.integers(min_value=PRINCIPALS_MIN, max_value=PRINCIPALS_MAX),
        board_term_years=st.integers(min_value=1, max_value=4),
        ordinary_first_call=quorum_rules(),
        ordinary_second_call=quorum_rules(),
        extraordinary_first_call=quorum_rules(),
        extraordinary_second_call=quorum_rules(),
        expulsion_grounds=st.lists(st.sampled_from(GROUNDS), unique=True, max_size=3),
        workplaces=st.lists(st.sampled_from(WORKPLACES), unique=True, max_size=3),
        minimum_members=(
            st.just(minimum_members)
            if minimum_members is not None
            else st.integers(min_value=1, max_value=8)
        ),
        similar_group=st.sampled_from(("housing", "workers")),
    )


@st.composite
def memberships(draw: st.DrawFn) -> Membership:
    """Membership records in any status."""
    joined = draw(dates(latest=datetime.date(2030, 1, 1)))
    status = draw(st.sampled_from(MembershipStatus))
    left = None if status is MembershipStatus.ACTIVE else draw(dates(earliest=joined))
    number = draw(national_ids())
    successor = (
        draw(national_ids().filter(lambda other: other != number))
        if status is MembershipStatus.REPLACED
        else None
    )
    predecessor = draw(st.none() | national_ids().filter(lambda other: other != number))
    return Membership(
        national_id=number,
        shares=draw(st.integers(min_value=1, max_value=1000)),
        joined_on=joined,
        status=status,
        left_on=left,
        founder=draw(st.booleans()),
        seniority_from=draw(dates(latest=joined)),
        predecessor_id=predecessor,
        successor_id=successor,
        transfer_note=draw(st.none() | st.sampled_from(("آورده منتقل شد", "۵۰۰ میلیون ریال"))),
    )


@st.composite
def boards(draw: st.DrawFn) -> Board:
    """Boards of 3 to 7 principals and up to 15 people in all."""
    principals = draw(st.integers(min_value=PRINCIPALS_MIN, max_value=PRINCIPALS_MAX))
    alternates = draw(st.integers(min_value=0, max_value=BOARD_MAX - principals))
    people = draw(
        st.lists(
            national_ids(),
            min_size=principals + alternates,
            max_size=principals + alternates,
            unique=True,
        )
    )
    elected = draw(dates(latest=datetime.date(2030, 1, 1)))
    return Board(
        principals=people[:principals],
        alternates=people[principals:],
        elected_on=elected,
        term_ends_on=add_years(elected, draw(st.integers(min_value=1, max_value=4))),
    )


def cooperative_events() -> st.SearchStrategy[CooperativeEvent]:
    """Events of every kind."""
    return st.builds(
        CooperativeEvent,
        on=dates(),
        kind=st.sampled_from(EventKind),
        national_ids=st.lists(national_ids(), min_size=1, max_size=3),
        alternates=st.lists(national_ids(), max_size=2),
        shares=st.none() | st.integers(min_value=1, max_value=500),
        ground=st.none() | st.sampled_from(GROUNDS),
        note=st.none() | st.just("آورده منتقل شد"),
    )


def _place() -> st.SearchStrategy[tuple[Province, County | None]]:
    isfahan = Province.lookup("IR-10")
    return st.one_of(
        st.tuples(st.sampled_from(Province.all()), st.none()),
        st.tuples(st.just(isfahan), st.sampled_from(County.of(isfahan))),
    )


@st.composite
def cooperatives(draw: st.DrawFn, *, max_operations: int = 12) -> Cooperative:
    """Cooperatives founded and then changed by up to ``max_operations`` operations."""
    statute = draw(statutes())
    count = draw(st.integers(min_value=max(7, statute.minimum_members), max_value=10))
    people = draw(founders(count))
    province, county = draw(_place())
    day = draw(dates(latest=datetime.date(2020, 1, 1)))
    coop = Cooperative.found(
        name=draw(st.sampled_from(NAMES)),
        kind=draw(st.sampled_from(CooperativeKind)),
        legal_id=draw(legal_ids()),
        province=province,
        county=county,
        city=draw(st.none() | st.sampled_from(CITIES)),
        registration_number=draw(st.none() | st.integers(min_value=1, max_value=10**7).map(str)),
        statute=statute,
        founders=people,
        # Equal shares, within the cap whatever the number of founders (at least 7).
        shares=statute.minimum_shares,
        on=day,
    )
    for _ in range(draw(st.integers(min_value=0, max_value=max_operations))):
        day = day + datetime.timedelta(days=draw(st.integers(min_value=0, max_value=400)))
        coop = draw(_step(coop, day))
    return coop


@st.composite
def _step(draw: st.DrawFn, coop: Cooperative, day: datetime.date) -> Cooperative:
    """One operation that the cooperative allows on ``day``, or the cooperative unchanged.

    Every member holds the statute's minimum shares and at least 7 stay active, so no one
    holds more than 1/7 of the capital, which every statute drawn here allows.
    """
    statute = coop.statute
    active = [m.national_id for m in coop.active_members]
    former = sorted({m.national_id for m in coop.memberships} - set(active))
    outsiders = (st.sampled_from(former) | national_ids()) if former else national_ids()
    choice = draw(st.sampled_from(("admit", "withdraw", "replace", "expel", "board")))
    can_leave = len(active) - 1 >= max(7, statute.minimum_members)
    if choice == "admit":
        newcomer = draw(members(outsiders.filter(lambda n: n not in active)))
        return coop.admit(newcomer, on=day, shares=statute.minimum_shares)
    if choice == "withdraw" and can_leave:
        return coop.withdraw(draw(st.sampled_from(active)), on=day)
    if choice == "expel" and can_leave and statute.expulsion_grounds:
        ground = draw(st.sampled_from(statute.expulsion_grounds))
        return coop.expel(draw(st.sampled_from(active)), on=day, ground=ground)
    if choice == "replace":
        successor = draw(members(outsiders.filter(lambda n: n not in active)))
        note = draw(st.none() | st.just("آورده منتقل شد"))
        return coop.replace(draw(st.sampled_from(active)), successor, on=day, note=note)
    if choice == "board":
        alternates = draw(st.sampled_from(alternates_range(statute.board_size, len(active))))
        seats = statute.board_size + alternates
        if seats <= len(active):
            chosen = draw(st.permutations(active))[:seats]
            return coop.elect_board(
                principals=chosen[: statute.board_size],
                alternates=chosen[statute.board_size :],
                on=day,
            )
    return coop


@st.composite
def registries(draw: st.DrawFn, *, max_cooperatives: int = 3) -> Registry:
    """Registries of cooperatives whose members are all different people."""
    registry = Registry()
    seen: set[str] = set()
    for coop in draw(st.lists(cooperatives(max_operations=4), max_size=max_cooperatives)):
        people = {m.national_id for m in coop.memberships}
        # Random national IDs almost never collide; keep the rare collision out.
        if coop.legal_id in {c.legal_id for c in registry.cooperatives} or people & seen:
            continue
        seen |= people
        registry = registry.add(coop)
    return registry
