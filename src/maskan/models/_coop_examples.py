"""Example people and cooperatives for the doctests of :mod:`maskan.models.cooperative` and
:mod:`maskan.models.registry`, so that each method's example can start from one line.

The numbers are illustrations picked for the examples, not defaults: a real statute's
numbers are the cooperative's own (DOMAIN.md §5). The national IDs are made-up numbers
with valid check digits.

>>> example_cooperative().active_count
7
"""

from __future__ import annotations

from fractions import Fraction

from maskan.calendar import jdate
from maskan.models._statute import QuorumRule, Statute
from maskan.models.cooperative import Cooperative
from maskan.models.person import Person
from maskan.money import Rial

__all__ = [
    "FOUNDER_IDS",
    "example_cooperative",
    "example_founders",
    "example_person",
    "example_statute",
]

FOUNDER_IDS = (
    "0499370899",
    "0790419904",
    "0084575948",
    "0963695398",
    "1583250689",
    "4271427683",
    "0684159414",
)


def example_person(national_id: str) -> Person:
    """An Iranian national with legal capacity: someone ``admit`` accepts."""
    return Person(
        national_id=national_id,
        first_name="عضو",
        last_name=national_id,
        nationality="iranian",
        legal_capacity=True,
    )


def example_founders() -> list[Person]:
    """Seven people who may found a cooperative."""
    return [example_person(national_id) for national_id in FOUNDER_IDS]


def example_statute() -> Statute:
    """A statute: 5,000,000-rial shares, at least 10 a member, at most 30 % of the capital
    each, 3 board members for 3 years, quorums > 1/2 and ≥ 0 (ordinary), ≥ 2/3 and > 1/2
    (extraordinary), one ground for expulsion."""
    return Statute(
        share_price=Rial(5_000_000),
        minimum_shares=10,
        max_capital_share=Fraction(3, 10),
        board_size=3,
        board_term_years=3,
        ordinary_first_call=QuorumRule.more_than("1/2"),
        ordinary_second_call=QuorumRule.at_least(0),
        extraordinary_first_call=QuorumRule.at_least("2/3"),
        extraordinary_second_call=QuorumRule.more_than("1/2"),
        expulsion_grounds=["عدم پرداخت اقساط"],
    )


def example_cooperative() -> Cooperative:
    """A staff housing cooperative in Isfahan, founded on 1403/07/01 by the seven
    :func:`example_founders` with 10 shares each."""
    return Cooperative.found(
        name="تعاونی مسکن کارکنان نمونه",
        kind="staff_housing",
        legal_id="14011517510",
        province="اصفهان",
        statute=example_statute(),
        founders=example_founders(),
        shares=10,
        on=jdate(1403, 7, 1),
    )
