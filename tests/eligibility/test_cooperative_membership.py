"""cooperative_membership beyond the decision cases: agreement with ``Cooperative.admit`` and
``Registry.admit`` (a property test), the context it needs, eligible_from for a membership
that ends later, describe(), the reasons, and the examples written as attribute docstrings.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from case_context import build
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from maskan.calendar import jdate
from maskan.eligibility import REASONS, Outcome, Verdict
from maskan.eligibility.programs import cooperative_membership
from maskan.eligibility.programs.cooperative_membership import (
    ADMIT_CODES,
    GENERAL_CONDITIONS,
    LAW_SOURCE,
    ONE_MEMBERSHIP,
    PROGRAM,
    CooperativeRef,
)
from maskan.errors import MaskanError, MembershipError, RuleError
from maskan.models.cooperative import Cooperative
from maskan.models.person import Person
from maskan.models.registry import Registry

ON = jdate(1404, 9, 4)
APPLICANT = "1122334451"


def _person(**facts: Any) -> Person:
    known: dict[str, Any] = {"nationality": "iranian", "legal_capacity": True}
    known.update(facts)
    return Person(national_id=APPLICANT, first_name="مریم", last_name="احمدی", **known)


def _context(memberships: list[dict[str, Any]] | None = None, **cooperative: Any) -> dict[str, Any]:
    raw: dict[str, Any] = {
        "cooperative": {"minimum_shares": 10, "max_capital_share": "3/10", **cooperative}
    }
    if memberships is not None:
        raw["registry"] = {"memberships": memberships}
    return build("cooperative_membership", raw)


def test_program_shape() -> None:
    assert PROGRAM.code == "cooperative_membership"
    assert [rule.code for rule in PROGRAM.rules] == [
        "cooperative_membership.nationality",
        "cooperative_membership.legal_capacity",
        "cooperative_membership.one_membership",
        "cooperative_membership.minimum_shares",
        "cooperative_membership.capital_share",
    ]
    assert GENERAL_CONDITIONS.rules == PROGRAM.rules
    assert PROGRAM.parameters == ()
    assert PROGRAM.missing_values() == ()


def test_describe_is_plain_data_with_sources() -> None:
    described = PROGRAM.describe()
    assert described["parameters"] == []
    sources = {rule["code"]: rule["source"] for rule in described["rules"]}
    assert sources["cooperative_membership.nationality"]["article"] == "9"
    assert sources["cooperative_membership.nationality"]["date"] == "1370-06-13"
    assert sources["cooperative_membership.nationality"]["confidence"] == "S"
    assert sources["cooperative_membership.capital_share"]["reference"] == "DOMAIN.md §5.3"
    for source in sources.values():
        assert source["reference"].startswith("DOMAIN.md §5")


def test_the_cooperative_is_required() -> None:
    with pytest.raises(RuleError, match=r"evaluate\(\.\.\., cooperative=\.\.\.\)") as caught:
        PROGRAM.evaluate(_person(), on=ON, shares=10)
    assert caught.value.code == "missing_context"
    assert caught.value.field == "cooperative"


@pytest.mark.parametrize(
    ("name", "value", "code"),
    [
        ("cooperative", "14011517510", "type"),
        ("registry", [], "type"),
        ("shares", "10", "type"),
        ("shares", True, "type"),
        ("shares", 10.0, "type"),
        ("shares", 0, "out_of_range"),
        ("shares", -3, "out_of_range"),
    ],
)
def test_wrong_context_is_the_callers_mistake(name: str, value: object, code: str) -> None:
    context: dict[str, Any] = {**_context([]), "shares": 10, name: value}
    with pytest.raises(RuleError) as caught:
        PROGRAM.evaluate(_person(), on=ON, **context)
    assert (caught.value.code, caught.value.field) == (code, name)
    assert isinstance(caught.value, MaskanError)


def test_unknown_facts_are_named() -> None:
    decision = PROGRAM.evaluate(_person(nationality=None, legal_capacity=None), on=ON, **_context())
    assert decision.verdict is Verdict.UNDETERMINED
    assert decision.unknown_facts == (
        "nationality",
        "legal capacity",
        "memberships in other cooperatives (registry)",
        "number of shares offered (shares)",
    )
    assert decision.eligible_from is None
    persian = decision.explain("fa")
    assert "تابعیت معلوم نیست" in persian
    assert "اهلیت قانونی معلوم نیست" in persian


def test_a_membership_ending_later_gives_eligible_from() -> None:
    memberships = [
        {"national_id": APPLICANT, "joined_on": "1398-01-10", "left_on": "1404-10-01"},
        {"national_id": "0084575948", "joined_on": "1398-01-10"},
    ]
    context = {**_context(memberships), "shares": 10}
    decision = PROGRAM.evaluate(_person(), on=ON, **context)
    assert decision.failed_codes == ("cooperative_membership.similar_membership",)
    assert decision.eligible_from == jdate(1404, 10, 1)
    assert not PROGRAM.evaluate(_person(), on=jdate(1404, 9, 30), **context).eligible
    assert PROGRAM.evaluate(_person(), on=jdate(1404, 10, 1), **context).eligible


def test_the_latest_end_of_several_conflicts() -> None:
    memberships = [
        {"national_id": APPLICANT, "joined_on": "1398-01-10", "left_on": "1404-10-01"},
        {"national_id": APPLICANT, "joined_on": "1404-10-01", "left_on": "1405-02-01"},
    ]
    context = {**_context(memberships), "shares": 10}
    finding = PROGRAM.evaluate(_person(), on=ON, **context).findings[2]
    assert finding.eligible_from == jdate(1405, 2, 1)
    assert isinstance(finding.observed, CooperativeRef)
    assert PROGRAM.evaluate(_person(), on=jdate(1405, 2, 1), **context).eligible
    # an open-ended one among them: time cannot help
    memberships[1].pop("left_on")
    context = {**_context(memberships), "shares": 10}
    assert PROGRAM.evaluate(_person(), on=ON, **context).eligible_from is None


def test_only_other_cooperatives_of_the_same_group_count() -> None:
    memberships = [
        {"national_id": APPLICANT, "joined_on": "1398-01-10", "similar_group": "consumer"},
        {"national_id": APPLICANT, "joined_on": "1399-01-10", "similar_group": "credit"},
    ]
    finding = ONE_MEMBERSHIP(_case(_context(memberships)))
    assert (finding.outcome, finding.reason, finding.required) == (
        Outcome.PASSED,
        "cooperative_membership.no_similar_membership",
        "housing",
    )


def _case(context: dict[str, Any], on: datetime.date = ON) -> Any:
    from maskan.eligibility import Case

    return Case(person=_person(), on=on, context=context)


def test_the_registrys_copy_of_the_cooperative_applied_to_is_skipped() -> None:
    # the registry holds the cooperative applied to, with the applicant as a former member
    context = _context(
        [], members=[{"national_id": APPLICANT, "joined_on": "1403-08-01", "left_on": "1404-01-01"}]
    )
    registry: Registry = context["registry"]
    assert list(registry.memberships_of(APPLICANT)) == [context["cooperative"].legal_id]
    assert ONE_MEMBERSHIP(_case(context)).outcome is Outcome.PASSED


def test_messages_in_both_languages() -> None:
    memberships = [{"national_id": APPLICANT, "joined_on": "1398-01-10", "name": "تعاونی دیگر"}]
    context = {**_context(memberships), "shares": 40}
    decision = PROGRAM.evaluate(_person(nationality="foreign"), on=ON, **context)
    assert decision.failed_codes == (
        "cooperative_membership.not_iranian",
        "cooperative_membership.similar_membership",
        "cooperative_membership.above_maximum_capital",
    )
    persian = decision.explain("fa")
    assert not any(digit in persian for digit in "0123456789")
    assert "تابعیت غیرایرانی" in persian
    assert "پس از پذیرش ۴/۱۱ سرمایه، بیش از سقف اساسنامه (۳/۱۰)" in persian
    english = decision.explain("en")
    assert "foreign nationality: membership requires Iranian nationality" in english
    assert "4/11 of the capital once admitted, above the statute's cap of 3/10" in english
    assert "a member of تعاونی دیگر (1" in english


def test_every_reason_is_registered_in_both_languages() -> None:
    codes = [
        value
        for name, value in vars(cooperative_membership).items()
        if name.isupper() and isinstance(value, str) and value.startswith("cooperative_membership.")
    ]
    assert len(codes) == 11
    for code in codes:
        assert REASONS[code].en
        assert REASONS[code].fa
    assert set(ADMIT_CODES) <= set(codes)
    for reason, admit_code in ADMIT_CODES.items():
        assert reason.endswith("." + admit_code)


# --- agreement with Cooperative.admit and Registry.admit --------------------------------------

DAYS = st.dates(min_value=jdate(1403, 7, 1), max_value=jdate(1405, 6, 1))
OTHER_DAYS = st.dates(min_value=jdate(1395, 1, 1), max_value=jdate(1405, 6, 1))


@st.composite
def _membership(draw: st.DrawFn, earliest: st.SearchStrategy[datetime.date]) -> dict[str, Any]:
    joined = draw(earliest)
    record: dict[str, Any] = {"national_id": APPLICANT, "joined_on": joined.isoformat()}
    if draw(st.booleans()):
        left = joined + datetime.timedelta(days=draw(st.integers(1, 900)))
        record["left_on"] = left.isoformat()
        record["status"] = draw(st.sampled_from(["withdrawn", "expelled"]))
    return record


@st.composite
def _scenario(draw: st.DrawFn) -> tuple[Person, datetime.date, dict[str, Any]]:
    minimum = draw(st.integers(1, 15))
    cooperative: dict[str, Any] = {
        "minimum_shares": minimum,
        "max_capital_share": draw(st.sampled_from(["1/10", "3/10", "1/2", "1", "1"])),
        "founder_shares": draw(st.integers(minimum, minimum + 20)),
        "kind": draw(st.sampled_from(["general_housing", "staff_housing", "workers_housing"])),
    }
    if draw(st.integers(0, 3)) == 0:
        cooperative["members"] = [draw(_membership(DAYS))]
    raw: dict[str, Any] = {"cooperative": cooperative}
    if draw(st.booleans()):
        others = draw(st.lists(_membership(OTHER_DAYS), max_size=2))
        for other in others:
            other["similar_group"] = draw(st.sampled_from(["housing", "consumer"]))
        raw["registry"] = {"memberships": others}
    shares = draw(st.sampled_from([None, minimum - 1, minimum, minimum, minimum + 2, 4 * minimum]))
    if shares:
        raw["shares"] = shares
    try:
        context = build("cooperative_membership", raw)
    except MembershipError:  # overlapping similar memberships: not a possible registry
        assume(False)
    # weighted towards people who meet the conditions, so that every branch is reached
    person = _person(
        nationality=draw(st.sampled_from([None, "foreign", "iranian", "iranian", "iranian"])),
        legal_capacity=draw(st.sampled_from([None, False, True, True, True])),
    )
    return person, draw(DAYS), context


def _admit(person: Person, on: datetime.date, context: dict[str, Any], shares: int) -> None:
    cooperative: Cooperative = context["cooperative"]
    registry: Registry | None = context.get("registry")
    if registry is None:
        cooperative.admit(person, on=on, shares=shares)
    else:
        registry.admit(cooperative.legal_id, person, on=on, shares=shares)


@settings(max_examples=400, suppress_health_check=[HealthCheck.filter_too_much])
@given(_scenario())
def test_the_program_agrees_with_admit(
    scenario: tuple[Person, datetime.date, dict[str, Any]],
) -> None:
    person, on, context = scenario
    decision = PROGRAM.evaluate(person, on=on, **context)
    shares = context.get("shares", context["cooperative"].statute.minimum_shares)
    if decision.verdict is Verdict.ELIGIBLE:
        _admit(person, on, context, shares)  # must not raise
        return
    unknown = set(decision.unknown_facts)
    if decision.verdict is Verdict.INELIGIBLE:
        with pytest.raises(MembershipError) as caught:
            _admit(person, on, context, shares)
        assert caught.value.code == _first_refusal(decision), decision.explain("en")
        return
    # undetermined: admit refuses the unknown facts it needs, and cannot ask what it does
    # not check
    if unknown & {"nationality", "legal capacity"} and "shares" in context:
        with pytest.raises(MembershipError) as caught:
            _admit(person, on, context, shares)
        assert caught.value.code == "unknown_fact"
    elif unknown == {"memberships in other cooperatives (registry)"}:
        _admit(person, on, context, shares)  # Cooperative.admit: no similar-cooperative check


def _first_refusal(decision: Any) -> str | None:
    """The code admit raises first for what the decision found, in admit's order of checks:
    similar cooperatives (Registry.admit), nationality, legal capacity, already a member,
    minimum shares, capital cap."""
    by_rule = {finding.rule: finding for finding in decision.findings}
    one = by_rule["cooperative_membership.one_membership"]

    def step(rule: str) -> str | None:
        finding = by_rule[rule]
        if finding.outcome is Outcome.UNKNOWN:
            return "unknown_fact"
        return ADMIT_CODES.get(finding.reason)

    steps = [
        "similar_membership" if one.reason.endswith(".similar_membership") else None,
        step("cooperative_membership.nationality"),
        step("cooperative_membership.legal_capacity"),
        "already_member" if one.reason.endswith(".already_member") else None,
        ADMIT_CODES.get(by_rule["cooperative_membership.minimum_shares"].reason),
        ADMIT_CODES.get(by_rule["cooperative_membership.capital_share"].reason),
    ]
    return next((code for code in steps if code is not None), None)


@given(st.lists(_scenario(), min_size=1, max_size=4))
def test_evaluate_many_equals_evaluate(
    scenarios: list[tuple[Person, datetime.date, dict[str, Any]]],
) -> None:
    _, on, context = scenarios[0]
    people = [person for person, _, _ in scenarios]
    assert PROGRAM.evaluate_many(people, on=on, **context) == [
        PROGRAM.evaluate(person, on=on, **context) for person in people
    ]


@given(_scenario())
def test_never_eligible_while_a_finding_failed(
    scenario: tuple[Person, datetime.date, dict[str, Any]],
) -> None:
    person, on, context = scenario
    decision = PROGRAM.evaluate(person, on=on, **context)
    outcomes = {finding.outcome for finding in decision.findings}
    assert (decision.verdict is Verdict.ELIGIBLE) == (outcomes == {Outcome.PASSED})
    if decision.eligible_from is not None and decision.eligible_from > on:
        assert PROGRAM.evaluate(person, on=decision.eligible_from, **context).eligible


# --- the examples of attribute docstrings -----------------------------------------------------


def test_law_source_cites_domain() -> None:
    assert LAW_SOURCE.reference == "DOMAIN.md §5.1, §5.2"
