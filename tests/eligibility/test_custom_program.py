"""The "write your own program" pattern: an integrator's program built from a built-in rule
(family_land's art. 4) and rules of their own, with a dated parameter and a caller-set one.

The program mirrors docs/guides/custom-program.md and examples/04_custom_program.py, under
its own reason codes (``test_bank.*``) so that it never collides with theirs.
"""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.calendar import add_years, full_years, is_leap, jdate
from maskan.eligibility import (
    REASONS,
    Case,
    Finding,
    Outcome,
    Parameter,
    Program,
    Rule,
    Source,
    Verdict,
    all_of,
    any_of,
    register,
)
from maskan.eligibility.programs.family_land import ART4_SOURCE, THIRD_CHILD
from maskan.errors import MaskanError, RuleError
from maskan.identifiers.national_id import calc_check_digit
from maskan.models.person import Person

ROOT = Path(__file__).resolve().parents[2]

CIRCULAR = Source(
    title_en="Test Bank, circular 1403/45",
    title_fa="بانک آزمایشی، بخشنامه‌ی ۱۴۰۳/۴۵",
    reference="Test Bank credit policy, chapter 3",
    confidence="S",
    article="3",
    date="1403-06-15",
)
RAISED_ON = jdate(1403, 7, 1)
MIN_YEARS: Parameter[int] = Parameter(
    code="test_bank_min_years",
    label_en="full years of membership",
    label_fa="سال‌های کامل عضویت",
    unit="years",
    source=CIRCULAR,
    history={"1400/01/01": 1, RAISED_ON: 2},
)
MAX_DECILE: Parameter[int] = Parameter(
    code="test_bank_max_decile",
    label_en="highest income decile served",
    label_fa="بالاترین دهک درآمدی",
    unit="decile",
    source=CIRCULAR,
)

SENIOR = register(
    "test_bank.senior",
    en="member since {observed}; {required} years required",
    fa="عضو از {observed}؛ {required} سال لازم است",
)
TOO_RECENT = register(
    "test_bank.too_recent",
    en="member only since {observed}; {required} years required",
    fa="عضو فقط از {observed}؛ {required} سال لازم است",
)
NOT_MEMBER = register("test_bank.not_member", en="not a member", fa="عضو نیست")
LOW_INCOME = register(
    "test_bank.low_income", en="decile {observed} ≤ {required}", fa="دهک {observed} ≤ {required}"
)
HIGH_INCOME = register(
    "test_bank.high_income", en="decile {observed} > {required}", fa="دهک {observed} > {required}"
)
OWN_CODES = {SENIOR, TOO_RECENT, NOT_MEMBER, LOW_INCOME, HIGH_INCOME}


def _membership(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    roll: Mapping[str, datetime.date] | None = case.context.get("roll")
    if roll is None:
        return rule.unknown("member roll")
    since = roll.get(person.national_id)
    if since is None:
        return rule.failed(NOT_MEMBER)
    minimum = case.resolve(MIN_YEARS)
    details: dict[str, Any] = {
        "observed": since,
        "required": minimum.value,
        "parameter": MIN_YEARS.code,
        "effective_from": minimum.effective_from,
    }
    if since <= case.on and full_years(since, case.on) >= minimum.value:
        return rule.passed(SENIOR, **details)
    return rule.failed(TOO_RECENT, eligible_from=add_years(since, minimum.value), **details)


def _income(case: Case, rule: Rule) -> Finding:
    decile = case.person.income_decile
    if decile is None:
        return rule.unknown("income decile")
    maximum = case.resolve(MAX_DECILE)
    details: dict[str, Any] = {
        "observed": decile,
        "required": maximum.value,
        "parameter": MAX_DECILE.code,
    }
    if decile <= maximum.value:
        return rule.passed(LOW_INCOME, **details)
    return rule.failed(HIGH_INCOME, **details)


MEMBERSHIP = Rule(
    code="test_bank.membership",
    title_en="membership",
    title_fa="عضویت",
    source=CIRCULAR,
    check=_membership,
    parameters=(MIN_YEARS,),
)
INCOME = Rule(
    code="test_bank.income",
    title_en="income decile",
    title_fa="دهک درآمدی",
    source=CIRCULAR,
    check=_income,
    parameters=(MAX_DECILE,),
)
MEANS = any_of(
    "test_bank.means",
    INCOME,
    THIRD_CHILD,
    title_en="income or a third child",
    title_fa="درآمد یا فرزند سوم",
    source=CIRCULAR,
)
BARE = Program(
    code="test_bank_loan",
    version="1",
    title_en="Test Bank loan",
    title_fa="وام بانک آزمایشی",
    rules=(MEMBERSHIP, MEANS),
)
LOAN = BARE.with_values(test_bank_max_decile=4)
ON = jdate(1404, 9, 4)


def _id(first_nine: str) -> str:
    return first_nine + calc_check_digit(first_nine)


ZAHRA, REZA, SARA, ALI, NEDA = (
    _id(prefix) for prefix in ("049937089", "127834569", "227456781", "008457594", "338812345")
)
ROLL = {
    ZAHRA: jdate(1401, 3, 10),
    REZA: jdate(1403, 5, 1),
    ALI: jdate(1398, 1, 20),
    NEDA: jdate(1403, 12, 30),  # Esfand 30 of a leap year
}
THREE_CHILDREN = ("1394/03/01", "1397/06/10", "1401/02/15")


def _person(national_id: str, **facts: Any) -> Person:
    return Person(national_id=national_id, first_name="متقاضی", last_name="آزمایشی", **facts)


@pytest.mark.parametrize(
    ("who", "facts", "verdict", "failed", "held"),
    [
        # high decile, but art. 4 (the built-in rule) holds
        (ZAHRA, {"income_decile": 6, "children_birth_dates": THREE_CHILDREN}, "eligible", (),
         "family_land.third_child"),
        # both alternatives hold: the first one listed is named
        (ZAHRA, {"income_decile": 2, "children_birth_dates": THREE_CHILDREN}, "eligible", (),
         "test_bank.income"),
        # high decile and no third child: both alternatives fail
        (ZAHRA, {"income_decile": 7, "children_birth_dates": ()}, "ineligible",
         ("test_bank.high_income", "family_land.too_few_children"), None),
        # too recent a member
        (REZA, {"income_decile": 3, "children_birth_dates": ()}, "ineligible",
         ("test_bank.too_recent",), "test_bank.income"),
        # not on the roll at all
        (SARA, {"income_decile": 2, "children_birth_dates": ()}, "ineligible",
         ("test_bank.not_member",), "test_bank.income"),
        # nothing on file: the means test cannot be checked
        (ALI, {}, "undetermined", (), None),
        # decile unknown, but art. 4 holds: the any_of passes on the branch it can check
        (ALI, {"children_birth_dates": THREE_CHILDREN}, "eligible", (), "family_land.third_child"),
    ],
)  # fmt: skip
def test_decisions_combine_own_and_built_in_rules(
    who: str, facts: dict[str, Any], verdict: str, failed: tuple[str, ...], held: str | None
) -> None:
    decision = LOAN.evaluate(_person(who, **facts), on=ON, roll=ROLL)
    assert decision.verdict.value == verdict
    assert decision.failed_codes == failed
    assert decision.findings[1].held == held
    assert [finding.rule for finding in decision.findings] == [MEMBERSHIP.code, MEANS.code]
    if decision.verdict is Verdict.ELIGIBLE:
        assert decision.eligible_from == ON
        assert all(finding.outcome is Outcome.PASSED for finding in decision.findings)


def test_findings_carry_the_own_parameter_and_source() -> None:
    decision = LOAN.evaluate(_person(ZAHRA, income_decile=6), on=ON, roll=ROLL)
    seniority = decision.findings[0]
    assert (seniority.reason, seniority.observed, seniority.required) == (
        SENIOR,
        jdate(1401, 3, 10),
        2,
    )
    assert seniority.parameter == MIN_YEARS.code
    assert seniority.effective_from == RAISED_ON
    assert seniority.source == CIRCULAR
    income = decision.findings[1].branches[0]
    assert (income.reason, income.observed, income.required) == (HIGH_INCOME, 6, 4)
    assert income.effective_from is None  # a supplied value has no effective date
    # the built-in rule keeps citing the law, not the bank
    assert decision.findings[1].branches[1].source == ART4_SOURCE


def test_unknown_facts_and_missing_context() -> None:
    decision = LOAN.evaluate(_person(ALI), on=ON, roll=ROLL)
    assert decision.unknown_facts == ("income decile", "children's birth dates")
    assert decision.eligible_from is None
    without_roll = LOAN.evaluate(_person(ZAHRA, income_decile=2, children_birth_dates=()), on=ON)
    assert without_roll.verdict is Verdict.UNDETERMINED
    assert without_roll.unknown_facts == ("member roll",)


def test_explanations_in_both_languages() -> None:
    decision = LOAN.evaluate(_person(REZA, income_decile=3, children_birth_dates=()), on=ON,
                             roll=ROLL)  # fmt: skip
    english = decision.explain("en")
    assert "eligible from 2026-07-23 (1405/05/01)" in english
    assert "✗ membership: member only since 2024-07-22 (1403/05/01); 2 years required" in english
    assert "✓ income decile: decile 3 ≤ 4" in english
    persian = decision.explain("fa")
    assert "از ۱ مرداد ۱۴۰۵ واجد شرایط می‌شود" in persian
    assert "✗ عضویت: عضو فقط از ۱ مرداد ۱۴۰۳؛ ۲ سال لازم است" in persian
    assert "۱۴۰۵" in persian
    assert "1405" not in persian


# --- eligible_from for the own time-based rule ------------------------------------------------


def _waiting(since: datetime.date, on: datetime.date) -> datetime.date | None:
    roll = {**ROLL, NEDA: since}
    person = _person(NEDA, income_decile=2, children_birth_dates=())
    return LOAN.evaluate(person, on=on, roll=roll).eligible_from


@pytest.mark.parametrize(
    ("since", "on", "expected"),
    [
        (jdate(1403, 5, 1), ON, jdate(1405, 5, 1)),
        # joined after the evaluation date: still only time stands in the way
        (jdate(1405, 1, 10), ON, jdate(1407, 1, 10)),
        # under the 1-year version the rule names 1404-01-15; by then 2 years are required
        (jdate(1403, 1, 15), jdate(1403, 6, 20), jdate(1405, 1, 15)),
        # under the 1-year version, complete before the change: eligible then and there
        (jdate(1402, 3, 1), jdate(1403, 3, 1), jdate(1403, 3, 1)),
    ],
)
def test_eligible_from_for_membership_years(
    since: datetime.date, on: datetime.date, expected: datetime.date
) -> None:
    assert _waiting(since, on) == expected


def test_eligible_from_is_the_day_the_years_complete() -> None:
    person = _person(REZA, income_decile=3, children_birth_dates=())
    decision = LOAN.evaluate(person, on=ON, roll=ROLL)
    day = decision.eligible_from
    assert day == jdate(1405, 5, 1)
    assert LOAN.evaluate(person, on=day, roll=ROLL).verdict is Verdict.ELIGIBLE
    before = LOAN.evaluate(person, on=day - datetime.timedelta(days=1), roll=ROLL)
    assert before.verdict is Verdict.INELIGIBLE
    assert before.eligible_from == day


def test_eligible_from_after_an_esfand_30_joining_day() -> None:
    assert is_leap(1403)
    assert not is_leap(1405)
    person = _person(NEDA, income_decile=2, children_birth_dates=())
    decision = LOAN.evaluate(person, on=ON, roll=ROLL)
    assert decision.eligible_from == jdate(1405, 12, 29)
    assert LOAN.evaluate(person, on=jdate(1405, 12, 29), roll=ROLL).eligible
    assert not LOAN.evaluate(person, on=jdate(1405, 12, 28), roll=ROLL).eligible


def test_eligible_from_is_none_when_time_cannot_help() -> None:
    not_member = LOAN.evaluate(_person(SARA, income_decile=2), on=ON, roll=ROLL)
    assert not_member.eligible_from is None
    # too recent *and* a decile too high with no third child: waiting fixes only one
    both = LOAN.evaluate(_person(REZA, income_decile=9, children_birth_dates=()), on=ON, roll=ROLL)
    assert both.failed_codes == (TOO_RECENT, HIGH_INCOME, "family_land.too_few_children")
    assert both.findings[0].eligible_from == jdate(1405, 5, 1)
    assert both.eligible_from is None


def test_the_dated_history_applies_by_evaluation_date() -> None:
    person = _person(REZA, income_decile=3, children_birth_dates=())
    roll = {REZA: jdate(1402, 6, 1)}
    day_before = RAISED_ON - datetime.timedelta(days=1)
    assert LOAN.evaluate(person, on=day_before, roll=roll).eligible  # 1 year, 1 required
    on_the_day = LOAN.evaluate(person, on=RAISED_ON, roll=roll)  # 1 year, 2 required
    assert on_the_day.failed_codes == (TOO_RECENT,)
    assert on_the_day.findings[0].effective_from == RAISED_ON
    assert on_the_day.eligible_from == jdate(1404, 6, 1)


def test_before_the_first_boundary_the_parameter_has_no_value() -> None:
    with pytest.raises(RuleError) as caught:
        LOAN.evaluate(_person(ZAHRA, income_decile=2), on=jdate(1399, 12, 29), roll=ROLL)
    assert caught.value.code == "before_first_boundary"
    assert caught.value.field == MIN_YEARS.code


# --- with_values -------------------------------------------------------------------------------


def test_the_caller_set_ceiling_must_be_supplied() -> None:
    assert BARE.missing_values() == (MAX_DECILE.code,)
    with pytest.raises(RuleError) as caught:
        BARE.evaluate(_person(ZAHRA, income_decile=2), on=ON, roll=ROLL)
    error = caught.value
    assert isinstance(error, MaskanError)
    assert error.code == "missing_parameter"
    assert error.field == MAX_DECILE.code
    assert "with_values(test_bank_max_decile=...)" in str(error)
    assert "with_values" in error.message_fa
    with pytest.raises(RuleError, match="test_bank_max_decile"):
        BARE.evaluate_many([_person(ZAHRA)], on=ON, roll=ROLL)
    assert LOAN.missing_values() == ()


def test_with_values_refuses_unknown_codes_and_leaves_the_program_alone() -> None:
    with pytest.raises(RuleError) as caught:
        BARE.with_values(max_decile=4)
    assert caught.value.code == "unknown_parameter"
    assert caught.value.value == ["max_decile"]
    assert "test_bank_max_decile" in str(caught.value)
    assert BARE.values == {}
    assert LOAN.values == {"test_bank_max_decile": 4}


def test_with_values_sets_own_and_built_in_parameters() -> None:
    person = _person(ZAHRA, income_decile=6, children_birth_dates=THREE_CHILDREN)
    looser = LOAN.with_values(test_bank_max_decile=6)
    assert looser.evaluate(person, on=ON, roll=ROLL).findings[1].held == INCOME.code
    # a dated value overridden: the finding says it was supplied
    relaxed = LOAN.with_values(test_bank_min_years=1)
    recent = _person(REZA, income_decile=3)
    finding = relaxed.evaluate(recent, on=ON, roll=ROLL).findings[0]
    assert (finding.outcome, finding.required, finding.effective_from) == (
        Outcome.PASSED,
        1,
        None,
    )
    # the built-in rule's option, through the custom program
    strict = LOAN.with_values(one_spouse_required=True)
    decision = strict.evaluate(person, on=ON, roll=ROLL)
    assert decision.unknown_facts == ("children by spouse (children_by_spouse)",)
    by_spouse = {"first": list(THREE_CHILDREN)}
    assert strict.evaluate(person, on=ON, roll=ROLL, children_by_spouse=by_spouse).eligible


# --- describe() --------------------------------------------------------------------------------


def test_describe_lists_the_custom_parameters_with_history_and_source() -> None:
    described = LOAN.describe()
    assert (described["code"], described["version"]) == ("test_bank_loan", "1")
    parameters = {parameter["code"]: parameter for parameter in described["parameters"]}
    assert list(parameters) == [
        MIN_YEARS.code,
        MAX_DECILE.code,
        "third_child_born_from",
        "one_spouse_required",
    ]
    years = parameters[MIN_YEARS.code]
    assert years["history"] == [
        {"from": "2021-03-21", "value": 1},
        {"from": "2024-09-22", "value": 2},
    ]
    assert years["source"] == attrs.asdict(CIRCULAR)
    assert years["source"]["title_fa"] == "بانک آزمایشی، بخشنامه‌ی ۱۴۰۳/۴۵"
    assert (years["label_fa"], years["unit"], years["caller_set"], years["supplied"]) == (
        "سال‌های کامل عضویت",
        "years",
        False,
        None,
    )
    ceiling = parameters[MAX_DECILE.code]
    assert (ceiling["caller_set"], ceiling["supplied"], ceiling["history"]) == (True, 4, [])
    rules = described["rules"]
    assert [rule["code"] for rule in rules] == [MEMBERSHIP.code, MEANS.code]
    assert rules[0]["parameters"] == [MIN_YEARS.code]
    assert [rule["code"] for rule in rules[1]["rules"]] == [INCOME.code, THIRD_CHILD.code]
    assert rules[1]["source"]["title_en"] == CIRCULAR.title_en


# --- the pattern's other promises ---------------------------------------------------------------


def test_a_rule_runs_alone_on_a_case() -> None:
    case = Case(person=_person(REZA, income_decile=3), on=ON, values={MAX_DECILE.code: 4})
    finding = INCOME(case)
    assert (finding.outcome, finding.reason, finding.message("fa")) == (
        Outcome.PASSED,
        LOW_INCOME,
        "دهک ۳ ≤ ۴",
    )


CONDITIONS = all_of(
    "test_bank.conditions",
    MEMBERSHIP,
    MEANS,
    title_en="the bank's conditions",
    title_fa="شرایط بانک",
    source=CIRCULAR,
)
PURCHASE = Program(
    code="test_bank_purchase",
    version="1",
    title_en="purchase",
    title_fa="خرید",
    rules=(CONDITIONS,),
).with_values(test_bank_max_decile=4)


def test_all_of_groups_the_conditions_into_one_reusable_rule() -> None:
    person = _person(REZA, income_decile=3, children_birth_dates=())
    grouped = PURCHASE.evaluate(person, on=ON, roll=ROLL)
    flat = LOAN.evaluate(person, on=ON, roll=ROLL)
    assert grouped.verdict == flat.verdict
    assert grouped.eligible_from == flat.eligible_from == jdate(1405, 5, 1)
    assert grouped.findings[0].branches == flat.findings
    assert PURCHASE.parameters == LOAN.parameters


def test_failed_codes_skip_alternatives_of_a_passed_any_of_inside_an_all_of() -> None:
    person = _person(REZA, income_decile=3, children_birth_dates=())
    assert PURCHASE.evaluate(person, on=ON, roll=ROLL).failed_codes == (TOO_RECENT,)


def test_every_code_the_program_emits_is_registered_in_both_languages() -> None:
    people = [
        _person(ZAHRA, income_decile=6, children_birth_dates=THREE_CHILDREN),
        _person(ZAHRA, income_decile=9, children_birth_dates=()),
        _person(REZA, income_decile=3, children_birth_dates=()),
        _person(SARA),
    ]
    seen = {
        leaf.reason
        for decision in LOAN.evaluate_many(people, on=ON, roll=ROLL)
        for finding in decision.findings
        for leaf in (finding, *finding.leaves())
    }
    assert seen >= OWN_CODES
    for code in seen:
        assert REASONS[code].en
        assert REASONS[code].fa


PEOPLE = st.builds(
    _person,
    st.sampled_from([ZAHRA, REZA, SARA, ALI, NEDA]),
    income_decile=st.none() | st.integers(min_value=1, max_value=10),
    children_birth_dates=st.none()
    | st.lists(
        st.dates(min_value=datetime.date(2000, 1, 1), max_value=datetime.date(2027, 1, 1)),
        max_size=4,
    ),
)
DAYS = st.dates(min_value=datetime.date(2021, 3, 21), max_value=datetime.date(2028, 3, 19))


@given(st.lists(PEOPLE, max_size=6), DAYS)
def test_evaluate_many_equals_evaluate(people: list[Person], on: datetime.date) -> None:
    many = LOAN.evaluate_many(people, on=on, roll=ROLL)
    assert many == [LOAN.evaluate(person, on=on, roll=ROLL) for person in people]


@given(PEOPLE, DAYS)
def test_never_eligible_while_a_finding_failed(person: Person, on: datetime.date) -> None:
    decision = LOAN.evaluate(person, on=on, roll=ROLL)
    if decision.eligible:
        assert decision.failed_codes == ()
        assert all(finding.outcome is Outcome.PASSED for finding in decision.findings)
    if decision.eligible_from is not None and decision.eligible_from > on:
        assert LOAN.evaluate(person, on=decision.eligible_from, roll=ROLL).eligible


def test_the_example_script_runs() -> None:
    script = ROOT / "examples" / "04_custom_program.py"
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "واجد شرایط" in done.stdout
    assert "eligible from 2026-07-23 (1405/05/01)" in done.stdout
