"""Hypothesis strategies for :mod:`maskan.models.ledger`: valid objects only.

One strategy per model class — ``contributions()``, ``dues()``, ``instalment_plans()``,
``ledgers()`` — plus ``national_ids()``.
"""

from __future__ import annotations

import datetime

from hypothesis import strategies as st
from strategies_project import days, legal_ids

from maskan.identifiers import national_id
from maskan.models.ledger import Contribution, ContributionKind, Due, InstalmentPlan, Ledger
from maskan.money import Rial

PAYMENTS = tuple(kind for kind in ContributionKind if kind is not ContributionKind.REFUND)


def national_ids() -> st.SearchStrategy[str]:
    """Valid national IDs (repeated-digit placeholders excluded, as validation does)."""
    return (
        st.integers(0, 10**9 - 1)
        .map(lambda head: f"{head:09d}{national_id.calc_check_digit(f'{head:09d}')}")
        .filter(national_id.is_valid)
    )


def amounts(high: int = 10**12) -> st.SearchStrategy[Rial]:
    return st.integers(1, high).map(Rial)


def contributions(
    member_ids: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[Contribution]:
    return st.builds(
        Contribution,
        member_id=national_ids() if member_ids is None else member_ids,
        date=days(),
        kind=st.sampled_from(tuple(ContributionKind)),
        amount=amounts(),
        reference=st.none() | st.integers(1, 10**8).map(str) | st.just("فیش ۱۲۳"),
    )


def dues() -> st.SearchStrategy[Due]:
    return st.builds(Due, date=days(), amount=amounts())


@st.composite
def instalment_plans(
    draw: st.DrawFn, member_ids: st.SearchStrategy[str] | None = None
) -> InstalmentPlan:
    member = draw(national_ids() if member_ids is None else member_ids)
    if draw(st.booleans()):
        count = draw(st.integers(1, 24))
        return InstalmentPlan.monthly(
            member,
            total=draw(amounts().filter(lambda total: total.rials >= count)),
            first_due=draw(days(high=datetime.date(2035, 1, 1))),
            count=count,
        )
    dates = draw(st.lists(days(), min_size=1, max_size=8, unique=True).map(sorted))
    parts = [Due(date=day, amount=draw(amounts())) for day in dates]
    return InstalmentPlan(
        member_id=member, total=Rial.total(part.amount for part in parts), dues=parts
    )


@st.composite
def ledgers(draw: st.DrawFn) -> Ledger:
    """A ledger of a few members whose refunds never exceed their balance.

    Built either all at once or one entry at a time (which leaves ``entries`` to be
    assembled on first read), so that round-trip tests see both kinds of ledger.
    """
    members = draw(st.lists(national_ids(), min_size=1, max_size=4, unique=True))
    planned = draw(st.lists(st.tuples(st.sampled_from(members), days()), max_size=30))
    balances = dict.fromkeys(members, 0)
    entries = []
    for member, day in sorted(planned, key=lambda pair: pair[1]):
        if balances[member] and draw(st.integers(0, 3)) == 0:
            amount = draw(st.integers(1, balances[member]))
            kind = ContributionKind.REFUND
            balances[member] -= amount
        else:
            amount = draw(st.integers(1, 10**10))
            kind = draw(st.sampled_from(PAYMENTS))
            balances[member] += amount
        entries.append(Contribution(member_id=member, date=day, kind=kind, amount=amount))
    plans = draw(st.lists(instalment_plans(st.sampled_from(members)), max_size=3))
    cooperative = draw(legal_ids())
    if draw(st.booleans()):
        return Ledger(cooperative_id=cooperative, entries=entries, plans=plans)
    ledger = Ledger(cooperative_id=cooperative)
    for plan in plans:
        ledger = ledger.add_plan(plan)
    for entry in entries:
        ledger = ledger.record(entry)
    return ledger
