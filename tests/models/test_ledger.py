"""maskan.models.ledger: payments, plans, balances, arrears and amount × days."""

from __future__ import annotations

import copy
import datetime
import functools
import pickle
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_ledger import contributions, dues, instalment_plans, ledgers, national_ids
from strategies_project import days

from maskan.calendar import add_months, jdate
from maskan.errors import InvalidDate, InvalidNationalId, LedgerError, MaskanError
from maskan.models.ledger import Contribution, ContributionKind, Due, InstalmentPlan, Ledger
from maskan.money import Rial

COOP = "14011517510"
ALI = "0499370899"
SARA = "0084575948"
T = TypeVar("T")


def entry(member: str, day: str, kind: str, amount: int) -> Contribution:
    return Contribution(member_id=member, date=day, kind=kind, amount=amount)


def book(*entries: Contribution) -> Ledger:
    ledger = Ledger(cooperative_id=COOP)
    for item in entries:
        ledger = ledger.record(item)
    return ledger


def attempt(operation: Callable[[], T]) -> tuple[T | None, MaskanError | None]:
    try:
        return operation(), None
    except MaskanError as error:
        return None, error


def refused(ledger: Ledger, operation: Callable[[Ledger], object], code: str) -> LedgerError:
    """``operation`` must raise LedgerError ``code`` and leave ``ledger`` as it was."""
    before = copy.deepcopy(ledger)
    stored = len(ledger._store.entries)
    with pytest.raises(LedgerError) as caught:
        operation(ledger)
    assert caught.value.code == code
    assert caught.value.message_fa
    assert ledger == before
    assert len(ledger._store.entries) == stored  # nothing half-recorded in shared storage
    for member in before.members:
        assert ledger.balance(member) == before.balance(member)
        assert ledger.entries_of(member) == before.entries_of(member)
    return caught.value


# Entries and plans ----------------------------------------------------------------------


def test_contribution_fields() -> None:
    item = Contribution(
        member_id="۰۴۹۹۳۷۰۸۹۹",
        date="۱۴۰۴/۰۹/۰۴",
        kind=ContributionKind.SHARES,
        amount="۵۰ میلیون تومان",
        reference=" فيش ۱۲ ",
    )
    assert item.member_id == ALI
    assert item.date == jdate(1404, 9, 4)
    assert item.amount == Rial(500_000_000)
    assert item.reference == "فیش ۱۲"
    assert item.signed_rials == 500_000_000
    assert entry(ALI, "1404/01/01", "refund", 5).signed_rials == -5


def test_contribution_amount_must_be_positive() -> None:
    for amount in (0, -1):
        with pytest.raises(LedgerError) as caught:
            entry(ALI, "1404/01/01", "deposit", amount)
        assert caught.value.code == "not_positive"
    with pytest.raises(InvalidNationalId):
        entry("0499370898", "1404/01/01", "deposit", 1)


def test_monthly_plan_adds_up_and_keeps_its_day() -> None:
    plan = InstalmentPlan.monthly(ALI, total=Rial(93_000_000), first_due="1403/06/31", count=7)
    assert plan.total == Rial.total(due.amount for due in plan.dues) == Rial(93_000_000)
    assert [due.amount.rials for due in plan.dues] == [13_285_715] * 2 + [13_285_714] * 5
    assert plan.dues[1].date == jdate(1403, 7, 30)
    assert plan.dues[6].date == jdate(1403, 12, 30)  # 1403 was a leap year


@given(
    national_ids(),
    st.integers(1, 10**15),
    st.integers(1, 60),
    days(high=datetime.date(2035, 1, 1)),
)
def test_monthly_plans_add_up_exactly(
    member: str, total: int, count: int, first: datetime.date
) -> None:
    plan, error = attempt(
        lambda: InstalmentPlan.monthly(member, total=Rial(total), first_due=first, count=count)
    )
    if total < count:
        assert isinstance(error, LedgerError)
        assert error.code == "too_small"
        return
    assert plan is not None
    assert sum(due.amount.rials for due in plan.dues) == total
    assert [due.date for due in plan.dues] == [add_months(first, n) for n in range(count)]
    assert max(d.amount.rials for d in plan.dues) - min(d.amount.rials for d in plan.dues) <= 1


@pytest.mark.parametrize("count", [0, -1, 1.5, True, "3", None])
def test_monthly_count_must_be_a_whole_number(count: object) -> None:
    with pytest.raises(LedgerError) as caught:
        InstalmentPlan.monthly(ALI, total=Rial(100), first_due="1404/01/01", count=count)  # type: ignore[arg-type]
    assert caught.value.code == "count"


def test_plan_rules() -> None:
    first = Due(date="1404/01/01", amount=10)
    second = Due(date="1404/02/01", amount=20)
    cases: list[tuple[dict[str, object], str]] = [
        ({"total": 30, "dues": []}, "no_dues"),
        ({"total": 31, "dues": [first, second]}, "plan_total"),
        ({"total": 30, "dues": [second, first]}, "out_of_order"),
        ({"total": 20, "dues": [first, Due(date="1404/01/01", amount=10)]}, "out_of_order"),
        ({"total": 10, "dues": [("1404/01/01", 10)]}, "type"),
    ]
    for fields, code in cases:
        with pytest.raises(LedgerError) as caught:
            InstalmentPlan(member_id=ALI, **fields)  # type: ignore[arg-type]
        assert caught.value.code == code, fields
    with pytest.raises(LedgerError) as caught:
        Due(date="1404/01/01", amount=0)
    assert caught.value.code == "not_positive"


# Recording ------------------------------------------------------------------------------


def test_record_returns_a_new_ledger() -> None:
    empty = Ledger(cooperative_id=COOP)
    one = empty.record(entry(ALI, "1404/01/01", "deposit", 100))
    two = one.record(entry(ALI, "1404/01/02", "deposit", 50))
    assert empty.entries == ()
    assert len(one.entries) == 1
    assert len(two.entries) == 2
    assert one.balance(ALI) == Rial(100)
    assert two.balance(ALI) == Rial(150)
    assert empty.balance(ALI) == Rial(0)


def test_refund_larger_than_balance_is_refused() -> None:
    ledger = book(entry(ALI, "1404/01/01", "deposit", 100))
    error = refused(
        ledger,
        lambda lg: lg.record(entry(ALI, "1404/02/01", "refund", 101)),
        "refund_exceeds_balance",
    )
    assert "101 rials" in str(error)
    refused(
        ledger,
        lambda lg: lg.record(entry(SARA, "1404/02/01", "refund", 1)),
        "refund_exceeds_balance",
    )
    assert ledger.record(entry(ALI, "1404/02/01", "refund", 100)).balance(ALI) == Rial(0)


def test_backdated_refund_is_checked_on_its_day() -> None:
    ledger = book(
        entry(ALI, "1404/01/01", "deposit", 100), entry(ALI, "1404/03/01", "deposit", 500)
    )
    refused(
        ledger,
        lambda lg: lg.record(entry(ALI, "1404/02/01", "refund", 101)),
        "refund_exceeds_balance",
    )
    assert ledger.record(entry(ALI, "1404/02/01", "refund", 100)).balance(
        ALI, on="1404/02/01"
    ) == Rial(0)


def test_backdated_refund_may_not_break_a_later_refund() -> None:
    ledger = book(entry(ALI, "1404/01/01", "deposit", 100), entry(ALI, "1404/03/01", "refund", 80))
    error = refused(
        ledger,
        lambda lg: lg.record(entry(ALI, "1404/02/01", "refund", 30)),
        "refund_exceeds_balance",
    )
    assert "1404/03/01" in str(error)
    assert ledger.record(entry(ALI, "1404/02/01", "refund", 20)).balance(ALI) == Rial(0)


def test_record_must_get_a_contribution() -> None:
    refused(Ledger(cooperative_id=COOP), lambda lg: lg.record({"amount": 1}), "type")  # type: ignore[arg-type]
    refused(
        Ledger(cooperative_id=COOP),
        lambda lg: lg.add_plan(Due(date="1404/01/01", amount=1)),  # type: ignore[arg-type]
        "type",
    )


def test_backdated_entries_are_kept_in_date_order() -> None:
    ledger = book(
        entry(ALI, "1404/03/01", "deposit", 3),
        entry(SARA, "1404/01/01", "deposit", 1),
        entry(ALI, "1404/03/01", "instalment", 4),
        entry(ALI, "1404/02/01", "deposit", 2),
    )
    assert [item.amount.rials for item in ledger.entries] == [1, 2, 3, 4]
    assert [item.amount.rials for item in ledger.entries_of(ALI)] == [2, 3, 4]
    assert ledger == Ledger(cooperative_id=COOP, entries=ledger.entries)


def test_construction_checks_refunds_and_sorts() -> None:
    given_order = [
        entry(ALI, "1404/02/01", "refund", 60),
        entry(ALI, "1404/01/01", "deposit", 100),
    ]
    ledger = Ledger(cooperative_id=COOP, entries=given_order)
    assert [item.kind for item in ledger.entries] == [
        ContributionKind.DEPOSIT,
        ContributionKind.REFUND,
    ]
    with pytest.raises(LedgerError) as caught:
        Ledger(
            cooperative_id=COOP,
            entries=[
                entry(ALI, "1404/01/01", "deposit", 10),
                entry(ALI, "1404/01/01", "refund", 11),
            ],
        )
    assert caught.value.code == "refund_exceeds_balance"
    assert caught.value.field == "entries[1]"
    with pytest.raises(LedgerError) as caught:
        Ledger(cooperative_id=COOP, entries=["x"])  # type: ignore[list-item]
    assert caught.value.code == "type"
    with pytest.raises(LedgerError) as caught:
        Ledger(cooperative_id=COOP, plans=["x"])  # type: ignore[list-item]
    assert caught.value.code == "type"


def test_same_day_refund_follows_recording_order() -> None:
    ledger = book(entry(ALI, "1404/01/01", "deposit", 10))
    # recorded before the day's second deposit, so only the first one is there to refund
    refused(
        ledger,
        lambda lg: lg.record(entry(ALI, "1404/01/01", "refund", 15)),
        "refund_exceeds_balance",
    )
    later = ledger.record(entry(ALI, "1404/01/01", "deposit", 10)).record(
        entry(ALI, "1404/01/01", "refund", 15)
    )
    assert later.balance(ALI, on="1404/01/01") == Rial(5)


def test_recording_on_an_older_version_branches() -> None:
    base = book(entry(ALI, "1404/01/01", "deposit", 100))
    newer = base.record(entry(ALI, "1404/01/02", "deposit", 50))
    branch = base.record(entry(ALI, "1404/01/03", "refund", 100))
    assert base.balance(ALI) == Rial(100)
    assert newer.balance(ALI) == Rial(150)
    assert branch.balance(ALI) == Rial(0)
    assert [item.amount.rials for item in newer.entries] == [100, 50]
    assert [item.amount.rials for item in branch.entries] == [100, 100]
    refused(
        branch,
        lambda lg: lg.record(entry(ALI, "1404/01/04", "refund", 1)),
        "refund_exceeds_balance",
    )
    assert newer.record(entry(ALI, "1404/01/04", "refund", 150)).balance(ALI) == Rial(0)
    planned = base.add_plan(
        InstalmentPlan.monthly(ALI, total=Rial(3), first_due="1404/01/01", count=3)
    )
    assert newer.plans == ()
    assert planned.plans_of(ALI) != ()
    assert planned.entries == base.entries


def test_a_line_of_versions_shares_its_storage() -> None:
    # White-box: recording on the newest version must not copy, or 100,000 records are quadratic.
    ledger = Ledger(cooperative_id=COOP)
    first = ledger.record(entry(ALI, "1404/01/01", "deposit", 1))
    second = first.record(entry(ALI, "1404/01/02", "deposit", 1))
    assert first._store is second._store


def test_threads_recording_on_one_version_do_not_mix() -> None:
    base = book(entry(ALI, "1404/01/01", "deposit", 1_000))
    results: dict[int, Ledger] = {}

    def run(number: int) -> None:
        ledger = base
        for step in range(200):
            ledger = ledger.record(entry(ALI, "1404/02/01", "deposit", number * 1_000 + step + 1))
        results[number] = ledger

    threads = [threading.Thread(target=run, args=(number,)) for number in range(1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for number, ledger in results.items():
        amounts = [item.amount.rials for item in ledger.entries[1:]]
        assert amounts == [number * 1_000 + step + 1 for step in range(200)]
        assert ledger.balance(ALI) == Rial(1_000 + sum(amounts))
    assert base.entries == (entry(ALI, "1404/01/01", "deposit", 1_000),)


def test_pickle_copy_and_evolve_of_a_recorded_ledger() -> None:
    ledger = book(entry(ALI, "1404/01/01", "deposit", 100), entry(SARA, "1404/01/05", "shares", 7))
    for copied in (pickle.loads(pickle.dumps(ledger)), copy.deepcopy(ledger), copy.copy(ledger)):
        assert copied == ledger
        assert copied.balance(SARA) == Rial(7)
    assert hash(book(entry(ALI, "1404/01/01", "deposit", 100))) == hash(
        Ledger(cooperative_id=COOP, entries=[entry(ALI, "1404/01/01", "deposit", 100)])
    )
    assert attrs.evolve(ledger, cooperative_id="10380284790").entries == ledger.entries
    assert "entries=" in repr(ledger)
    with pytest.raises(AttributeError):
        ledger.no_such_field  # type: ignore[attr-defined] # noqa: B018


# Reading --------------------------------------------------------------------------------


def test_members_and_plans_of() -> None:
    plan = InstalmentPlan.monthly(SARA, total=Rial(10), first_due="1404/01/01", count=2)
    base = book(entry(ALI, "1404/01/01", "deposit", 1))
    ledger = base.add_plan(plan)
    assert ledger.members == (SARA, ALI) == tuple(sorted((ALI, SARA)))
    assert base.members == (ALI,)
    assert ledger.plans_of(SARA) == (plan,)
    assert ledger.plans_of(ALI) == ()


def test_balance_on_a_day() -> None:
    ledger = book(
        entry(ALI, "1404/01/01", "membership_fee", 3),
        entry(ALI, "1404/02/01", "shares", 10),
        entry(ALI, "1404/03/01", "refund", 5),
        entry(SARA, "1404/02/01", "deposit", 1_000),
    )
    assert ledger.balance(ALI, on="1403/12/29") == Rial(0)
    assert ledger.balance(ALI, on="1404/02/01") == Rial(13)
    assert ledger.balance(ALI, on="1404/03/01") == Rial(8)
    assert ledger.balance(ALI) == Rial(8)
    assert ledger.balance("۰۴۹۹۳۷۰۸۹۹") == Rial(8)


def test_arrears_count_only_instalments() -> None:
    plan = InstalmentPlan.monthly(ALI, total=Rial(300), first_due="1404/01/10", count=3)
    ledger = (
        Ledger(cooperative_id=COOP)
        .add_plan(plan)
        .record(entry(ALI, "1404/01/05", "deposit", 1_000))
        .record(entry(ALI, "1404/01/09", "instalment", 150))
    )
    assert ledger.due(ALI, on="1404/01/09") == Rial(0)
    assert ledger.arrears(ALI, on="1404/01/09") == Rial(0)  # paid ahead: never negative
    assert ledger.arrears(ALI, on="1404/02/10") == Rial(50)
    assert ledger.arrears(ALI, on="1404/03/10") == Rial(150)
    second = ledger.add_plan(
        InstalmentPlan.monthly(ALI, total=Rial(20), first_due="1404/03/01", count=1)
    )
    assert second.arrears(ALI, on="1404/03/10") == Rial(170)
    assert ledger.arrears(SARA, on="1405/01/01") == Rial(0)


def test_amount_days_takes_refunds_from_the_newest_money() -> None:
    ledger = book(
        entry(ALI, "1404/01/01", "deposit", 1_000),
        entry(ALI, "1404/01/11", "shares", 500),
        entry(ALI, "1404/01/21", "refund", 700),
    )
    # left: 800 rials paid on 1404/01/01
    assert ledger.amount_days(ALI, on="1404/01/31") == 800 * 30
    assert ledger.amount_days(ALI, on="1404/01/20") == 1_000 * 19 + 500 * 9
    assert ledger.amount_days(ALI, on="1404/01/01") == 0
    assert ledger.amount_days(ALI, on="1403/12/01") == 0
    assert ledger.amount_days(SARA, on="1404/01/31") == 0


def _rial_by_rial(entries: tuple[Contribution, ...], on: datetime.date) -> int:
    """The plain definition: each rial is its own coin; a refund returns the newest coins."""
    coins: list[datetime.date] = []
    for item in entries:
        if item.date > on:
            break
        if item.kind is ContributionKind.REFUND:
            del coins[len(coins) - item.amount.rials :]
        else:
            coins.extend([item.date] * item.amount.rials)
    return sum((on - paid).days for paid in coins)


@st.composite
def small_books(draw: st.DrawFn) -> tuple[Contribution, ...]:
    start = datetime.date(2025, 3, 21)
    balance = 0
    items = []
    for offset in sorted(draw(st.lists(st.integers(0, 60), max_size=12))):
        day = start + datetime.timedelta(days=offset)
        if balance and draw(st.booleans()):
            amount = draw(st.integers(1, balance))
            items.append(entry(ALI, day.isoformat(), "refund", amount))
            balance -= amount
        else:
            amount = draw(st.integers(1, 40))
            items.append(entry(ALI, day.isoformat(), "deposit", amount))
            balance += amount
    return tuple(items)


@given(small_books(), st.integers(0, 70))
def test_amount_days_matches_the_rial_by_rial_definition(
    items: tuple[Contribution, ...], offset: int
) -> None:
    on = datetime.date(2025, 3, 21) + datetime.timedelta(days=offset)
    assert book(*items).amount_days(ALI, on=on) == _rial_by_rial(items, on)


@given(small_books(), st.integers(0, 70), st.integers(1, 30))
def test_amount_days_grows_by_the_balance_each_quiet_day(
    items: tuple[Contribution, ...], offset: int, later: int
) -> None:
    ledger = book(*items)
    on = datetime.date(2025, 5, 21) + datetime.timedelta(days=offset)  # after every entry
    grown = ledger.amount_days(ALI, on=on + datetime.timedelta(days=later))
    assert grown == ledger.amount_days(ALI, on=on) + ledger.balance(ALI).rials * later


# Properties -----------------------------------------------------------------------------


@given(ledgers())
def test_generated_ledgers_rebuild_equal(ledger: Ledger) -> None:
    rebuilt = Ledger(
        cooperative_id=ledger.cooperative_id, entries=ledger.entries, plans=ledger.plans
    )
    assert rebuilt == ledger
    for member in ledger.members:
        assert ledger.balance(member).rials >= 0
        assert ledger.balance(member) == rebuilt.balance(member)
        assert ledger.arrears(member, on=datetime.date(2041, 1, 1)).rials >= 0


@settings(max_examples=60)
@given(st.lists(contributions(st.sampled_from([ALI, SARA])), max_size=15))
def test_record_refuses_exactly_what_construction_refuses(items: list[Contribution]) -> None:
    ledger = Ledger(cooperative_id=COOP)
    kept: list[Contribution] = []
    for item in items:
        recorded, error = attempt(functools.partial(ledger.record, item))
        built, build_error = attempt(
            lambda item=item: Ledger(cooperative_id=COOP, entries=[*kept, item])  # type: ignore[misc]
        )
        assert (recorded is None) == (built is None)
        if recorded is None:
            assert isinstance(error, LedgerError)
            assert isinstance(build_error, LedgerError)
            assert error.code == build_error.code == "refund_exceeds_balance"
        else:
            assert recorded == built
            ledger = recorded
            kept.append(item)


@given(contributions(), dues(), instalment_plans())
def test_records_rebuild_equal(item: Contribution, due: Due, plan: InstalmentPlan) -> None:
    for record in (item, due, plan):
        assert attrs.evolve(record) == record


def test_only_maskan_errors_escape() -> None:
    ledger = book(entry(ALI, "1404/01/01", "deposit", 100))
    hostile: list[Any] = [None, "", 1.5, True, [], {}, object(), "1404/13/01", 10**30]
    operations: list[Callable[[Any], object]] = [
        ledger.record,
        ledger.add_plan,
        ledger.entries_of,
        ledger.plans_of,
        ledger.balance,
        lambda value: ledger.balance(ALI, on=value),
        lambda value: ledger.due(ALI, on=value),
        lambda value: ledger.arrears(value, on="1404/01/01"),
        lambda value: ledger.amount_days(ALI, on=value),
        lambda value: Ledger(cooperative_id=value),
        lambda value: Ledger(cooperative_id=COOP, entries=value),
        lambda value: InstalmentPlan.monthly(ALI, total=value, first_due="1404/01/01", count=2),
        lambda value: InstalmentPlan.monthly(ALI, total=100, first_due=value, count=2),
        lambda value: entry(ALI, "1404/01/01", value, 1),
        lambda value: entry(ALI, "1404/01/01", "deposit", value),
    ]
    before = copy.deepcopy(ledger)
    for operation in operations:
        for value in hostile:
            attempt(functools.partial(operation, value))  # any other exception fails the test
    assert ledger == before


def test_dates_are_checked() -> None:
    with pytest.raises(InvalidDate):
        book(entry(ALI, "1404/01/01", "deposit", 1)).balance(ALI, on="1404/12/30")
