"""A bank's own eligibility program, built from maskan's rules and its own.

Example Bank (بانک نمونه) lends to members of housing cooperatives when

1. they have been members for at least 2 full years (1 year before 1403-07-01), and
2. their income decile is no higher than the ceiling the bank's board sets — or they have
   a third child under art. 4 of the Youthful Population law, a rule the bank reuses from
   maskan's ``family_land`` program.

The script founds a cooperative with maskan's models, takes its member roll, and evaluates
a few applicants, printing each decision in Persian and a summary in English. The guide
``docs/guides/custom-program.md`` explains each step.

Run it with ``python examples/04_custom_program.py``.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from maskan.calendar import add_years, full_years, jdate
from maskan.eligibility import (
    Case,
    Decision,
    Finding,
    Parameter,
    Program,
    Rule,
    Source,
    any_of,
    register,
)
from maskan.eligibility.programs.family_land import THIRD_CHILD
from maskan.identifiers.national_id import calc_check_digit
from maskan.models import Cooperative, Person, QuorumRule, Statute
from maskan.money import Rial
from maskan.persian import format_date

# --- the bank's source and parameters ---------------------------------------------------------

CIRCULAR = Source(
    title_en="Example Bank, circular 1403/45: loans to housing-cooperative members",
    title_fa="بانک نمونه، بخشنامه‌ی ۱۴۰۳/۴۵: تسهیلات اعضای تعاونی‌های مسکن",
    reference="Example Bank credit policy, chapter 3",
    confidence="S",
    article="3",
    date="1403-06-15",
)

MIN_MEMBERSHIP_YEARS: Parameter[int] = Parameter(
    code="min_membership_years",
    label_en="full years of membership in the cooperative",
    label_fa="سال‌های کامل عضویت در تعاونی",
    unit="years",
    source=CIRCULAR,
    history={"1400/01/01": 1, "1403/07/01": 2},
)

MAX_INCOME_DECILE: Parameter[int] = Parameter(
    code="max_income_decile",
    label_en="highest income decile the loan serves",
    label_fa="بالاترین دهک درآمدی مشمول تسهیلات",
    unit="decile",
    source=CIRCULAR,
)
"""Set by the bank's board: no history, so the program needs it from ``with_values``."""

# --- reasons ----------------------------------------------------------------------------------

SENIOR = register(
    "example_bank.senior",
    en="member since {observed}; {required} full years required",
    fa="عضو از {observed}؛ {required} سال کامل لازم است",
)
TOO_RECENT = register(
    "example_bank.too_recent",
    en="member only since {observed}; {required} full years required",
    fa="عضو فقط از {observed}؛ {required} سال کامل لازم است",
)
NOT_MEMBER = register(
    "example_bank.not_member",
    en="not on the cooperative's member roll",
    fa="در فهرست اعضای تعاونی نیست",
)
LOW_INCOME = register(
    "example_bank.low_income",
    en="income decile {observed}, at most {required}",
    fa="دهک درآمدی {observed}، حداکثر {required}",
)
HIGH_INCOME = register(
    "example_bank.high_income",
    en="income decile {observed}, above {required}",
    fa="دهک درآمدی {observed}، بالاتر از {required}",
)

# --- rules --------------------------------------------------------------------------------------


def check_membership(case: Case, rule: Rule) -> Finding:
    """Member for the required full years, by the roll passed as context ``roll``."""
    person: Person = case.person
    roll: Mapping[str, datetime.date] | None = case.context.get("roll")
    if roll is None:
        return rule.unknown("the cooperative's member roll")
    since = roll.get(person.national_id)
    if since is None:
        return rule.failed(NOT_MEMBER)
    minimum = case.resolve(MIN_MEMBERSHIP_YEARS)
    details: dict[str, Any] = {
        "observed": since,
        "required": minimum.value,
        "parameter": MIN_MEMBERSHIP_YEARS.code,
        "effective_from": minimum.effective_from,
    }
    if since <= case.on and full_years(since, case.on) >= minimum.value:
        return rule.passed(SENIOR, **details)
    # Only time stands in the way: say when the required years are complete.
    return rule.failed(TOO_RECENT, eligible_from=add_years(since, minimum.value), **details)


def check_income(case: Case, rule: Rule) -> Finding:
    """Income decile at or below the board's ceiling."""
    person: Person = case.person
    decile = person.income_decile
    if decile is None:
        return rule.unknown("income decile")
    maximum = case.resolve(MAX_INCOME_DECILE)
    details: dict[str, Any] = {
        "observed": decile,
        "required": maximum.value,
        "parameter": MAX_INCOME_DECILE.code,
    }
    if decile <= maximum.value:
        return rule.passed(LOW_INCOME, **details)
    return rule.failed(HIGH_INCOME, **details)


MEMBERSHIP = Rule(
    code="example_bank.membership",
    title_en="membership of the cooperative",
    title_fa="سابقه‌ی عضویت در تعاونی",
    source=CIRCULAR,
    check=check_membership,
    parameters=(MIN_MEMBERSHIP_YEARS,),
)
INCOME = Rule(
    code="example_bank.income",
    title_en="income decile",
    title_fa="دهک درآمدی",
    source=CIRCULAR,
    check=check_income,
    parameters=(MAX_INCOME_DECILE,),
)
MEANS = any_of(
    "example_bank.means",
    INCOME,
    THIRD_CHILD,  # maskan's rule: art. 4 of the Youthful Population law
    title_en="income ceiling, or a third child under the Youthful Population law",
    title_fa="سقف دهک درآمدی، یا فرزند سوم مشمول قانون جوانی جمعیت",
    source=CIRCULAR,
)

LOAN = Program(
    code="example_bank_coop_loan",
    version="1404.1",
    title_en="Example Bank: loans to housing-cooperative members",
    title_fa="بانک نمونه: تسهیلات اعضای تعاونی‌های مسکن",
    rules=(MEMBERSHIP, MEANS),
)

# --- the people and the cooperative -------------------------------------------------------------


def national_id(first_nine: str) -> str:
    """A valid national ID from its first nine digits (made-up people, real check digits)."""
    return first_nine + calc_check_digit(first_nine)


def member(first_nine: str, first_name: str, last_name: str, **facts: Any) -> Person:
    """An Iranian national with legal capacity, as a cooperative may admit."""
    return Person(
        national_id=national_id(first_nine),
        first_name=first_name,
        last_name=last_name,
        nationality="iranian",
        legal_capacity=True,
        **facts,
    )


def found_cooperative(founders: list[Person]) -> Cooperative:
    """A staff housing cooperative in Isfahan, founded on 1401/03/10."""
    statute = Statute(
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
    return Cooperative.found(
        name="تعاونی مسکن کارکنان فولاد سپاهان",
        kind="staff_housing",
        legal_id="14011517510",
        province="اصفهان",
        statute=statute,
        founders=founders,
        shares=10,
        on=jdate(1401, 3, 10),
    )


def summary(person: Person, decision: Decision) -> str:
    """One line in English: the verdict, why not, and from when."""
    line = f"{person.national_id}: {decision.verdict.label_en}"
    if decision.failed_codes:
        line += f"; failed {', '.join(decision.failed_codes)}"
    if decision.unknown_facts:
        line += f"; ask for {', '.join(decision.unknown_facts)}"
    if decision.eligible_from is not None and decision.eligible_from != decision.on:
        day = decision.eligible_from
        line += f"; eligible from {day} ({format_date(day, style='short', digits='latin')})"
    return line


def main() -> None:
    zahra = member(
        "049937089",
        "زهرا",
        "رضایی",
        income_decile=6,
        children_birth_dates=["1394/03/01", "1397/06/10", "1401/02/15"],
    )
    ali = member("008457594", "علی", "کریمی")  # income and children not on file
    others = [
        member(first_nine, "عضو", f"مؤسس {n}")
        for n, first_nine in enumerate(
            ("112345678", "212345678", "312345678", "412345678", "512345678"), 1
        )
    ]
    reza = member("127834569", "رضا", "مرادی", income_decile=3, children_birth_dates=())
    maryam = member("338812345", "مریم", "احمدی", income_decile=4, children_birth_dates=())
    sara = member("227456781", "سارا", "نوری", income_decile=2, children_birth_dates=())

    coop = found_cooperative([zahra, ali, *others])
    coop = coop.admit(reza, on=jdate(1403, 5, 1), shares=10)
    # Maryam takes over a founder's membership, and with it the founder's seniority.
    coop = coop.replace(others[0].national_id, maryam, on=jdate(1404, 2, 1))
    # The roll the cooperative certifies to the bank: national ID -> seniority date.
    roll = {record.national_id: record.seniority_from for record in coop.active_members}

    on = jdate(1404, 9, 4)
    board_ceiling = 4
    loan = LOAN.with_values(max_income_decile=board_ceiling)
    print(LOAN.title_fa, "—", LOAN.title_en)
    print(f"{coop.name}: {coop.active_count} members; evaluated on {format_date(on)} ({on})")
    print(f"income ceiling set by the board: decile {board_ceiling}\n")

    applicants = [zahra, reza, maryam, sara, ali]
    decisions = loan.evaluate_many(applicants, on=on, roll=roll)
    for person, decision in zip(applicants, decisions, strict=True):
        print(f"— {person.full_name}")
        print(decision.explain("fa"))
        print(summary(person, decision))
        print()

    counts = Counter(decision.verdict.value for decision in decisions)
    print("totals:", ", ".join(f"{verdict}: {n}" for verdict, n in sorted(counts.items())))
    for parameter in loan.describe()["parameters"][:2]:
        history = ", ".join(f"{step['from']}: {step['value']}" for step in parameter["history"])
        value = parameter["supplied"] if parameter["caller_set"] else history
        print(f"  {parameter['code']} ({parameter['label_fa']}): {value}")


if __name__ == "__main__":
    main()
