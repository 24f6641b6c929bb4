"""workers_housing_cooperative beyond the decision cases: the caller-set months of insurance,
eligible_from at month ends and Esfand 30, the cooperative it needs, describe(), reasons,
properties, and the examples written as attribute docstrings."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
from case_context import build
from hypothesis import given
from hypothesis import strategies as st

from maskan.calendar import add_months, jdate
from maskan.eligibility import REASONS, Case, Outcome, Verdict
from maskan.eligibility.programs import cooperative_membership, workers_housing_cooperative
from maskan.eligibility.programs.workers_housing_cooperative import (
    INSURANCE,
    MINIMUM_INSURANCE_MONTHS,
    PROGRAM,
    WORKER,
    WORKPLACE,
    insured_from,
)
from maskan.errors import RuleError
from maskan.models.person import Employment, InsuredPeriod, Person

ON = jdate(1404, 9, 4)
DAY = datetime.timedelta(days=1)
STEEL = "ذوب آهن اصفهان"


def _worker(*periods: InsuredPeriod, **facts: Any) -> Person:
    known: dict[str, Any] = {
        "nationality": "iranian",
        "legal_capacity": True,
        "employment": Employment(kind="worker", workplace=STEEL, insurer="sso"),
        "insured_periods": periods,
    }
    known.update(facts)
    return Person(national_id="1122334451", first_name="علی", last_name="کارگر", **known)


def _context(**cooperative: Any) -> dict[str, Any]:
    raw = {
        "shares": 10,
        "cooperative": {
            "kind": "workers_housing",
            "minimum_shares": 10,
            "max_capital_share": "3/10",
            "workplaces": [STEEL, "فولاد مبارکه"],
            **cooperative,
        },
        "registry": {},
    }
    return build("workers_housing_cooperative", raw)


CONTEXT = _context()


def _program(months: int) -> Any:
    return PROGRAM.with_values(minimum_insurance_months=months)


# --- the program and its parameter ------------------------------------------------------------


def test_program_shape() -> None:
    assert [rule.code for rule in PROGRAM.rules] == [
        *(rule.code for rule in cooperative_membership.PROGRAM.rules),
        "workers_housing_cooperative.worker",
        "workers_housing_cooperative.workplace",
        "workers_housing_cooperative.insurance",
    ]
    assert PROGRAM.rules[:5] == cooperative_membership.PROGRAM.rules


def test_months_of_insurance_have_no_default() -> None:
    assert MINIMUM_INSURANCE_MONTHS.caller_set
    assert MINIMUM_INSURANCE_MONTHS.history == ()
    assert PROGRAM.missing_values() == ("minimum_insurance_months",)
    with pytest.raises(
        RuleError, match=r"with_values\(minimum_insurance_months=\.\.\.\)"
    ) as caught:
        PROGRAM.evaluate(_worker(InsuredPeriod(start="1400/01/01")), on=ON, **CONTEXT)
    assert caught.value.code == "missing_parameter"
    assert _program(24).missing_values() == ()


def test_describe_shows_the_caller_set_parameter_and_sources() -> None:
    described = _program(36).describe()
    (parameter,) = described["parameters"]
    assert parameter["code"] == "minimum_insurance_months"
    assert parameter["caller_set"] is True
    assert parameter["supplied"] == 36
    assert parameter["history"] == []
    assert parameter["unit"] == "months"
    assert parameter["source"]["confidence"] == "U"
    assert parameter["source"]["reference"] == "DOMAIN.md §4.7, §11.2"
    rules = {rule["code"]: rule for rule in described["rules"]}
    assert rules["workers_housing_cooperative.insurance"]["parameters"] == [
        "minimum_insurance_months"
    ]
    assert rules["workers_housing_cooperative.worker"]["source"]["confidence"] == "U"


@pytest.mark.parametrize("value", [True, -1, 24.0, "24", None])
def test_a_wrong_number_of_months_is_refused(value: object) -> None:
    with pytest.raises(RuleError) as caught:
        _program(value).evaluate(  # type: ignore[arg-type]
            _worker(InsuredPeriod(start="1400/01/01")), on=ON, **CONTEXT
        )
    assert caught.value.field == "minimum_insurance_months"


def test_the_cooperative_must_be_a_workers_cooperative_with_workplaces() -> None:
    person = _worker(InsuredPeriod(start="1400/01/01"))
    with pytest.raises(RuleError) as caught:
        _program(24).evaluate(person, on=ON, **_context(kind="staff_housing"))
    assert caught.value.code == "not_workers_cooperative"
    with pytest.raises(RuleError) as caught:
        _program(24).evaluate(person, on=ON, **_context(workplaces=[]))
    assert caught.value.code == "no_workplaces"
    with pytest.raises(RuleError) as caught:
        _program(24).evaluate(person, on=ON, shares=10)
    assert caught.value.code == "missing_context"


# --- worker and workplace ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("employment", "outcome", "reason"),
    [
        (Employment(kind="worker"), Outcome.PASSED, "workers_housing_cooperative.worker"),
        (Employment(kind="retired"), Outcome.FAILED, "workers_housing_cooperative.not_a_worker"),
        (
            Employment(kind="self_employed"),
            Outcome.FAILED,
            "workers_housing_cooperative.not_a_worker",
        ),
        (Employment(workplace=STEEL), Outcome.UNKNOWN, "fact.unknown"),
        (None, Outcome.UNKNOWN, "fact.unknown"),
    ],
)
def test_worker(employment: Employment | None, outcome: Outcome, reason: str) -> None:
    finding = WORKER(Case(person=_worker(employment=employment), on=ON))
    assert (finding.outcome, finding.reason, finding.eligible_from) == (outcome, reason, None)


@pytest.mark.parametrize(
    ("workplace", "outcome"),
    [
        ("ذوب آهن اصفهان", Outcome.PASSED),
        ("ذوب‌آهن اصفهان", Outcome.FAILED),  # a ZWNJ joins the words: another spelling
        ("ذوب  آهن   اصفهان ", Outcome.PASSED),
        ("فولاد مباركه", Outcome.PASSED),  # Arabic kaf
        ("Zob Ahan Isfahan", Outcome.FAILED),
        (None, Outcome.UNKNOWN),
    ],
)
def test_workplace_is_compared_as_normalized_text(workplace: str | None, outcome: Outcome) -> None:
    person = _worker(employment=Employment(kind="worker", workplace=workplace))
    finding = WORKPLACE(Case(person=person, on=ON, context=CONTEXT))
    assert finding.outcome is outcome
    if outcome is Outcome.FAILED:
        assert finding.required == (STEEL, "فولاد مبارکه")


# --- months of insurance and eligible_from -----------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (jdate(1403, 1, 1), 24, jdate(1404, 12, 29)),  # 1404 has no Esfand 30
        (jdate(1402, 1, 1), 48, jdate(1405, 12, 29)),
        (jdate(1402, 6, 31), 25, jdate(1404, 7, 29)),  # Mehr has 30 days
        (jdate(1402, 6, 31), 24, jdate(1404, 6, 30)),  # Shahrivar has 31
        (jdate(1403, 5, 31), 19, jdate(1404, 12, 28)),  # Esfand 1404 has 29 days
        (jdate(1403, 12, 30), 12, jdate(1404, 12, 28)),  # insured since Esfand 30 of a leap year
        (jdate(1403, 12, 30), 1, jdate(1404, 1, 29)),
        (jdate(1403, 12, 30), 24, jdate(1405, 12, 28)),
        (jdate(1402, 12, 29), 24, jdate(1404, 12, 28)),
        (jdate(1402, 12, 29), 12, jdate(1403, 12, 28)),  # 1403 has Esfand 30: not clamped
        (jdate(1404, 7, 30), 6, jdate(1405, 1, 29)),
    ],
)
def test_eligible_from_at_month_ends(
    start: datetime.date, months: int, expected: datetime.date
) -> None:
    person = _worker(InsuredPeriod(insurer="sso", start=start))
    program = _program(months)
    on = max(start, jdate(1403, 7, 1))  # not before the cooperative's founding
    decision = program.evaluate(person, on=on, **CONTEXT)
    assert decision.failed_codes == ("workers_housing_cooperative.insurance_too_short",)
    assert decision.eligible_from == expected
    assert program.evaluate(person, on=expected, **CONTEXT).eligible
    assert not program.evaluate(person, on=expected - DAY, **CONTEXT).eligible
    assert person.insurance_months(expected) == months


def test_eligible_from_counts_earlier_stretches() -> None:
    earlier = InsuredPeriod(insurer="sso", start="1398/01/01", end="1398/12/29")  # 12 months
    current = InsuredPeriod(insurer="sso", start="1404/06/31")
    person = _worker(earlier, current)
    assert person.insurance_months(ON) == 14
    decision = _program(24).evaluate(person, on=ON, **CONTEXT)
    # 12 more months of the stretch begun on Shahrivar 31: complete the day before 1405/06/31
    assert decision.eligible_from == jdate(1405, 6, 30)
    assert _program(24).evaluate(person, on=jdate(1405, 6, 30), **CONTEXT).eligible


def test_overlapping_and_back_to_back_periods_form_one_stretch() -> None:
    person = _worker(
        InsuredPeriod(insurer="sso", start="1403/01/01", end="1403/06/31"),
        InsuredPeriod(insurer="other", start="1403/07/01", end="1403/09/15"),
        InsuredPeriod(insurer="sso", start="1403/09/01"),
    )
    assert insured_from(person, ON, 24) == jdate(1404, 12, 29)


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        (None, jdate(1404, 12, 29)),
        (jdate(1404, 12, 29), jdate(1404, 12, 29)),  # recorded as ending on the day it is reached
        (jdate(1404, 12, 28), None),  # ends a day too soon
        (jdate(1404, 6, 1), None),  # ended before the evaluation date
    ],
)
def test_eligible_from_only_while_insurance_runs(
    end: datetime.date | None, expected: datetime.date | None
) -> None:
    person = _worker(InsuredPeriod(insurer="sso", start="1403/01/01", end=end))
    assert _program(24).evaluate(person, on=ON, **CONTEXT).eligible_from == expected


def test_insured_from_without_a_history() -> None:
    assert insured_from(_worker(insured_periods=None), ON, 12) is None
    assert insured_from(_worker(), ON, 12) is None
    assert insured_from(_worker(), ON, 0) == ON
    finding = INSURANCE(
        Case(person=_worker(insured_periods=None), on=ON, values={"minimum_insurance_months": 1})
    )
    assert (finding.outcome, finding.fact) == (Outcome.UNKNOWN, "insurance history")
    assert finding.message("fa") == "سابقه‌ی بیمه معلوم نیست"


def test_a_later_recorded_period_does_not_count_before_it_starts() -> None:
    person = _worker(
        InsuredPeriod(insurer="sso", start="1403/01/01", end="1403/12/30"),
        InsuredPeriod(insurer="sso", start="1405/01/01"),
    )
    decision = _program(24).evaluate(person, on=ON, **CONTEXT)
    assert decision.findings[-1].observed == 12
    assert decision.eligible_from is None


def test_eligible_from_needs_every_other_rule_to_hold() -> None:
    clerk = _worker(
        InsuredPeriod(start="1403/01/01"),
        employment=Employment(kind="government_employee", workplace=STEEL),
    )
    decision = _program(24).evaluate(clerk, on=ON, **CONTEXT)
    assert decision.failed_codes == (
        "workers_housing_cooperative.not_a_worker",
        "workers_housing_cooperative.insurance_too_short",
    )
    assert decision.findings[-1].eligible_from == jdate(1404, 12, 29)
    assert decision.eligible_from is None


def test_messages_in_both_languages() -> None:
    person = _worker(InsuredPeriod(start="1403/01/01"))
    decision = _program(24).evaluate(person, on=ON, **CONTEXT)
    persian = decision.explain("fa")
    assert not any(digit in persian for digit in "0123456789")
    assert "۲۰ ماه سابقه‌ی بیمه، کمتر از ۲۴ ماهی که اساسنامه می‌خواهد" in persian
    assert "از ۲۹ اسفند ۱۴۰۴ واجد شرایط می‌شود" in persian
    english = decision.explain("en")
    assert "20 months of insurance, fewer than the 24 the statute requires" in english
    assert "eligible from 2026-03-20 (1404/12/29)" in english


def test_every_reason_is_registered_in_both_languages() -> None:
    codes = [
        value
        for name, value in vars(workers_housing_cooperative).items()
        if name.isupper()
        and isinstance(value, str)
        and value.startswith("workers_housing_cooperative.")
    ]
    assert len(codes) == 6
    for code in codes:
        assert REASONS[code].en
        assert REASONS[code].fa


# --- properties ---------------------------------------------------------------------------------

DAYS = st.dates(min_value=jdate(1395, 1, 1), max_value=jdate(1406, 1, 1))


@st.composite
def _periods(draw: st.DrawFn) -> list[InsuredPeriod]:
    found = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(DAYS)
        length = draw(st.none() | st.integers(0, 1500))
        end = None if length is None else start + length * DAY
        found.append(InsuredPeriod(insurer="sso", start=start, end=end))
    return found


@given(_periods(), DAYS, st.integers(0, 80))
def test_insured_from_is_the_first_day_the_months_are_reached(
    periods: list[InsuredPeriod], on: datetime.date, months: int
) -> None:
    person = _worker(*periods)
    day = insured_from(person, on, months)
    reached = person.insurance_months(on)
    assert reached is not None
    if reached >= months:
        assert day == on
        return
    if day is None:
        # only when the stretch running on `on` (if any) ends too soon
        running = [p for p in periods if p.start <= on and (p.end is None or p.end > on)]
        if running and all(p.end is None for p in running):
            pytest.fail("an open insurance should reach any number of months")
        return
    assert day > on
    assert person.insurance_months(day) >= months
    assert person.insurance_months(day - DAY) < months


PEOPLE = st.builds(
    _worker,
    st.just(InsuredPeriod(insurer="sso", start="1402/01/01")),
    nationality=st.sampled_from([None, "iranian", "iranian", "foreign"]),
    legal_capacity=st.sampled_from([None, True, True, False]),
    employment=st.sampled_from(
        [
            None,
            Employment(kind="worker", workplace=STEEL),
            Employment(kind="worker", workplace="فولاد مبارکه"),
            Employment(kind="worker", workplace="پتروشیمی اصفهان"),
            Employment(kind="worker"),
            Employment(kind="retired", workplace=STEEL),
        ]
    ),
)


@given(st.lists(PEOPLE, max_size=5), st.dates(jdate(1403, 7, 1), jdate(1406, 1, 1)))
def test_evaluate_many_equals_evaluate(people: list[Person], on: datetime.date) -> None:
    program = _program(30)
    assert program.evaluate_many(people, on=on, **CONTEXT) == [
        program.evaluate(person, on=on, **CONTEXT) for person in people
    ]


@given(PEOPLE, st.dates(jdate(1403, 7, 1), jdate(1406, 1, 1)), st.integers(0, 60))
def test_never_eligible_while_a_finding_failed_and_admit_agrees(
    person: Person, on: datetime.date, months: int
) -> None:
    program = _program(months)
    decision = program.evaluate(person, on=on, **CONTEXT)
    outcomes = {finding.outcome for finding in decision.findings}
    assert (decision.verdict is Verdict.ELIGIBLE) == (outcomes == {Outcome.PASSED})
    if decision.eligible:
        registry = CONTEXT["registry"]
        registry.admit(CONTEXT["cooperative"].legal_id, person, on=on, shares=10)
    if decision.eligible_from is not None and decision.eligible_from > on:
        assert program.evaluate(person, on=decision.eligible_from, **CONTEXT).eligible
        assert not program.evaluate(person, on=decision.eligible_from - DAY, **CONTEXT).eligible


def test_add_months_is_the_clock_of_insurance() -> None:
    # the anniversary a stretch begun on Shahrivar 31 reaches in Mehr is Mehr 30
    assert add_months(jdate(1402, 6, 31), 1) == jdate(1402, 7, 30)
    person = attrs.evolve(_worker(), insured_periods=(InsuredPeriod(start="1402/06/31"),))
    assert person.insurance_months(jdate(1402, 7, 28)) == 0
    assert person.insurance_months(jdate(1402, 7, 29)) == 1


# --- the examples of attribute docstrings -----------------------------------------------------
