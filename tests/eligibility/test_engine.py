"""The eligibility engine on small demonstration rules: parameters, combinations, decisions."""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction
from typing import Any

import jdatetime
import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.calendar import add_years, full_years, jdate
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
from maskan.eligibility.programs import get
from maskan.errors import MaskanError, RuleError
from maskan.money import Rial

SOURCE = Source(title_en="test law", title_fa="قانون آزمایشی", reference="tests", confidence="U")
OLD_ENOUGH = register("test.old_enough", en="{observed} ≥ {required}", fa="{observed} ≥ {required}")
TOO_YOUNG = register("test.too_young", en="{observed} < {required}", fa="{observed} < {required}")
TOO_OLD = register("test.too_old", en="{observed} > {required}", fa="{observed} > {required}")
MARRIED = register("test.married", en="married", fa="متأهل")
NOT_MARRIED = register("test.not_married", en="not married", fa="مجرد")

MIN_AGE: Parameter[int] = Parameter(
    code="min_age",
    label_en="minimum age",
    label_fa="حداقل سن",
    unit="years",
    source=SOURCE,
    history={"1390/01/01": 18, "1400/01/01": 20},
)
MAX_AGE: Parameter[int] = Parameter(
    code="max_age", label_en="maximum age", label_fa="حداکثر سن", unit="years", source=SOURCE
)


def _age(person: dict[str, Any], on: datetime.date) -> int | None:
    born = person.get("born")
    if born is None:
        return None
    return full_years(born, on)


def _old_enough(case: Case, rule: Rule) -> Finding:
    age = _age(case.person, case.on)
    minimum = case.resolve(MIN_AGE)
    if age is None:
        return rule.unknown("birth date")
    details = {"observed": age, "required": minimum.value, "parameter": MIN_AGE.code}
    if age >= minimum.value:
        return rule.passed(OLD_ENOUGH, effective_from=minimum.effective_from, **details)
    return rule.failed(
        TOO_YOUNG,
        effective_from=minimum.effective_from,
        eligible_from=add_years(case.person["born"], minimum.value),
        **details,
    )


def _young_enough(case: Case, rule: Rule) -> Finding:
    age = _age(case.person, case.on)
    maximum = case.resolve(MAX_AGE)
    if age is None:
        return rule.unknown("birth date")
    if age <= maximum.value:
        return rule.passed(OLD_ENOUGH, observed=age, required=maximum.value)
    return rule.failed(TOO_OLD, observed=age, required=maximum.value)


def _married(case: Case, rule: Rule) -> Finding:
    married = case.person.get("married")
    if married is None:
        return rule.unknown("marital status")
    return rule.passed(MARRIED) if married else rule.failed(NOT_MARRIED)


OLD = Rule(
    code="age.min",
    title_en="old enough",
    title_fa="سن کافی",
    source=SOURCE,
    check=_old_enough,
    parameters=(MIN_AGE,),
)
YOUNG = Rule(
    code="age.max",
    title_en="young enough",
    title_fa="سن مجاز",
    source=SOURCE,
    check=_young_enough,
    parameters=(MAX_AGE,),
)
WED = Rule(code="married", title_en="married", title_fa="متأهل", source=SOURCE, check=_married)

PROGRAM = Program(
    code="test",
    version="1",
    title_en="test",
    title_fa="آزمایشی",
    rules=(
        all_of("age", OLD, YOUNG, title_en="age", title_fa="سن", source=SOURCE),
        any_of("household", WED, OLD, title_en="household", title_fa="خانوار", source=SOURCE),
    ),
).with_values(max_age=44)
ON = jdate(1404, 9, 4)


def test_parameter_resolves_by_date_and_supplied_values() -> None:
    assert MIN_AGE.resolve(jdate(1395, 1, 1)).value == 18
    assert MIN_AGE.resolve(jdate(1399, 12, 30)).value == 18
    resolved = MIN_AGE.resolve(jdate(1400, 1, 1))
    assert (resolved.value, resolved.effective_from, resolved.supplied) == (
        20,
        jdate(1400, 1, 1),
        False,
    )
    assert MIN_AGE.resolve(ON, {"min_age": 30}).value == 30
    assert MIN_AGE.resolve(ON, {"min_age": 30}).supplied
    with pytest.raises(RuleError) as caught:
        MIN_AGE.resolve(jdate(1389, 12, 29))
    assert caught.value.code == "before_first_boundary"
    with pytest.raises(RuleError, match="max_age") as missing:
        MAX_AGE.resolve(ON)
    assert missing.value.code == "missing_parameter"
    assert MAX_AGE.caller_set
    assert not MIN_AGE.caller_set


def test_remembered_resolutions_follow_the_supplied_value() -> None:
    # resolutions are remembered by date and by the supplied object: never by equal value
    assert MIN_AGE.resolve(ON, {"min_age": 30}).value == 30
    assert MIN_AGE.resolve(ON, {"min_age": 31}).value == 31
    given = MIN_AGE.resolve(ON, {"min_age": 30.0})
    assert type(given.value) is float
    assert given.supplied
    assert MIN_AGE.resolve(ON, {"max_age": 30}) == MIN_AGE.resolve(ON)
    assert MIN_AGE.resolve(ON) is MIN_AGE.resolve(ON)
    days = [jdate(1390, 1, 1) + datetime.timedelta(days=n) for n in range(5000)]
    assert [MIN_AGE.resolve(day).value for day in days] == [
        18 if day < jdate(1400, 1, 1) else 20 for day in days
    ]
    assert MIN_AGE.resolve(jdate(1395, 1, 1)).effective_from == jdate(1390, 1, 1)


def test_evaluate_many_checks_its_arguments_as_evaluate_does() -> None:
    bare = Program(code="p", version="1", title_en="p", title_fa="پ", rules=(YOUNG,))
    assert bare.evaluate_many([], on=ON) == []  # no one to evaluate: nothing to refuse
    with pytest.raises(RuleError, match="max_age"):
        bare.evaluate_many([{"born": jdate(1370, 1, 1)}], on=ON)
    program = get("without_housing").with_values(five_year_lookback="in_force")
    with pytest.raises(RuleError) as caught:
        program.evaluate_many([{"born": jdate(1370, 1, 1)}], on=ON, city="اصفهان")
    assert caught.value.code == "unknown_context"


def test_program_refuses_to_run_without_caller_values() -> None:
    bare = Program(code="p", version="1", title_en="p", title_fa="پ", rules=(YOUNG,))
    assert bare.missing_values() == ("max_age",)
    with pytest.raises(RuleError, match=r"max_age.*with_values\(max_age=\.\.\.\)"):
        bare.evaluate({"born": jdate(1370, 1, 1)}, on=ON)
    with pytest.raises(RuleError, match="not parameters") as caught:
        bare.with_values(maximum_age=40)
    assert caught.value.code == "unknown_parameter"
    assert bare.values == {}


def test_eligible_decision() -> None:
    decision = PROGRAM.evaluate({"born": jdate(1370, 1, 1), "married": True}, on=ON)
    assert decision.verdict is Verdict.ELIGIBLE
    assert decision.eligible
    assert decision.failed_codes == ()
    assert decision.eligible_from == ON
    household = decision.findings[1]
    assert household.held == "married"
    assert "✓" in decision.explain("en")
    assert "واجد شرایط" in decision.explain("fa")


def test_failed_alternatives_inside_a_passed_any_of_are_not_failures() -> None:
    decision = PROGRAM.evaluate({"born": jdate(1370, 1, 1), "married": False}, on=ON)
    assert decision.verdict is Verdict.ELIGIBLE
    assert decision.findings[1].held == "age.min"
    assert decision.failed_codes == ()


def test_ineligible_with_reason_codes_and_eligible_from() -> None:
    born = jdate(1387, 12, 30)
    decision = PROGRAM.evaluate({"born": born, "married": True}, on=ON)
    assert decision.verdict is Verdict.INELIGIBLE
    assert decision.failed_codes == ("test.too_young",)
    assert decision.eligible_from == add_years(born, 20)
    assert decision.eligible_from == jdate(1407, 12, 29)
    leaf = decision.findings[0].branches[0]
    assert (leaf.observed, leaf.required, leaf.effective_from) == (16, 20, jdate(1400, 1, 1))
    assert "16 < 20" in decision.explain("en")
    assert "۱۶ < ۲۰" in decision.explain("fa")


def test_eligible_from_is_none_when_time_cannot_help() -> None:
    decision = PROGRAM.evaluate({"born": jdate(1340, 1, 1), "married": True}, on=ON)
    assert decision.failed_codes == ("test.too_old",)
    assert decision.eligible_from is None


def test_eligible_from_rechecks_the_later_date() -> None:
    # old enough only at 20, but the ceiling (supplied as 19) is passed by then
    program = PROGRAM.with_values(max_age=19)
    decision = program.evaluate({"born": jdate(1390, 1, 1), "married": True}, on=ON)
    assert decision.verdict is Verdict.INELIGIBLE
    assert decision.eligible_from is None


def test_unknown_fact_gives_undetermined() -> None:
    decision = PROGRAM.evaluate({"married": True}, on=ON)
    assert decision.verdict is Verdict.UNDETERMINED
    assert decision.unknown_facts == ("birth date",)
    assert decision.eligible_from is None
    assert decision.findings[0].outcome is Outcome.UNKNOWN
    assert "birth date is not known" in decision.explain("en")


def test_evaluate_accepts_jalali_text_dates() -> None:
    person = {"born": jdate(1370, 1, 1), "married": True}
    assert PROGRAM.evaluate(person, on="1404/09/04") == PROGRAM.evaluate(person, on=ON)
    with pytest.raises(MaskanError):
        PROGRAM.evaluate(person, on="1404/13/04")


def test_describe_is_plain_data() -> None:
    described = PROGRAM.describe()
    assert described["code"] == "test"
    codes = {parameter["code"]: parameter for parameter in described["parameters"]}
    assert codes["min_age"]["history"] == [
        {"from": "2011-03-21", "value": 18},
        {"from": "2021-03-21", "value": 20},
    ]
    assert codes["max_age"]["caller_set"]
    assert codes["max_age"]["supplied"] == 44
    assert described["rules"][0]["rules"][0]["code"] == "age.min"


def test_registering_a_reason_twice_must_agree() -> None:
    assert register("test.married", en="married", fa="متأهل") == MARRIED
    with pytest.raises(RuleError):
        register("test.married", en="wed", fa="متأهل")
    assert REASONS[MARRIED].en == "married"


PEOPLE = st.fixed_dictionaries(
    {},
    optional={
        "born": st.dates(min_value=datetime.date(1940, 1, 1), max_value=datetime.date(2025, 1, 1)),
        "married": st.booleans(),
    },
)


@given(st.lists(PEOPLE, max_size=10))
def test_evaluate_many_equals_evaluate(people: list[dict[str, Any]]) -> None:
    assert PROGRAM.evaluate_many(people, on=ON) == [PROGRAM.evaluate(p, on=ON) for p in people]


@given(PEOPLE)
def test_never_eligible_while_a_finding_failed(person: dict[str, Any]) -> None:
    decision = PROGRAM.evaluate(person, on=ON)
    if decision.verdict is Verdict.ELIGIBLE:
        assert all(finding.outcome is Outcome.PASSED for finding in decision.findings)
    if decision.eligible_from is not None and decision.eligible_from > ON:
        later = PROGRAM.evaluate(person, on=decision.eligible_from)
        assert later.verdict is Verdict.ELIGIBLE
        day_before = decision.eligible_from - datetime.timedelta(days=1)
        assert PROGRAM.evaluate(person, on=day_before).verdict is not Verdict.ELIGIBLE


def test_a_declared_program_refuses_context_it_does_not_read() -> None:
    program = get("national_housing_movement").with_values(
        five_year_lookback="in_force", residence_easing="in_force"
    )
    assert program.context == ("city", "province")
    person = {"born": jdate(1370, 1, 1)}
    with pytest.raises(RuleError, match="'citty' is not read") as caught:
        program.evaluate(person, on=ON, citty="اصفهان")
    assert caught.value.code == "unknown_context"
    assert caught.value.message_fa
    assert PROGRAM.context is None  # undeclared: any name is accepted
    PROGRAM.evaluate({"born": jdate(1370, 1, 1), "married": True}, on=ON, anything=1)


def test_explain_can_name_the_sources_of_the_deciding_rules() -> None:
    decision = PROGRAM.evaluate({"born": jdate(1370, 1, 1), "married": True}, on=ON)
    assert "Sources:" not in decision.explain("en")
    english = decision.explain("en", sources=True)
    assert english.splitlines()[-2:] == ["Sources:", "- test law (tests; U)"]
    assert decision.explain("fa", sources=True).splitlines()[-1] == "- قانون آزمایشی (tests; U)"


@pytest.mark.parametrize(
    ("program", "values", "code"),
    [
        ("workers_housing_cooperative", {"minimum_insurance_months": "24"}, "type"),
        ("workers_housing_cooperative", {"minimum_insurance_months": 24.0}, "type"),
        ("workers_housing_cooperative", {"minimum_insurance_months": True}, "type"),
        ("workers_housing_cooperative", {"minimum_insurance_months": -1}, "out_of_range"),
        ("national_housing_movement", {"residence_years": "5"}, "type"),
        ("national_housing_movement", {"loan_ceiling": 10**10}, "type"),  # rials or toman?
        ("national_housing_movement", {"interest_rate": 18.5}, "type"),
        ("national_housing_movement", {"interest_rate": Decimal("NaN")}, "type"),
        ("national_housing_movement", {"single_men_admitted": "yes"}, "type"),
        ("national_housing_movement", {"target_income_deciles": (0, 1)}, "out_of_range"),
        ("national_housing_movement", {"target_income_deciles": 3}, "type"),
        ("without_housing", {"benefit_cutoff": "1357-13-01"}, "month_out_of_range"),
        ("family_land", {"free_plot_min_children": 2.5}, "type"),
    ],
)
def test_with_values_refuses_what_the_rules_could_not_use(
    program: str, values: dict[str, object], code: str
) -> None:
    original = get(program)
    with pytest.raises(MaskanError) as raised:
        original.with_values(**values)
    assert raised.value.code == code
    assert raised.value.field == next(iter(values))
    assert original == get(program)  # nothing changed


def test_with_values_keeps_what_the_rules_can_use() -> None:
    program = get("national_housing_movement").with_values(
        interest_rate=Fraction(37, 2),
        target_income_deciles=[1, 2],
        loan_ceiling=Rial.from_toman(1_000_000_000),
        residence_years=7,
        benefit_cutoff=jdatetime.date(1357, 11, 22),
    )
    assert program.values["target_income_deciles"] == (1, 2)
    assert program.values["benefit_cutoff"] == jdate(1357, 11, 22)
    assert program.values["interest_rate"] == Fraction(37, 2)
