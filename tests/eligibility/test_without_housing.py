"""The without_housing program beyond its decision cases: parameter histories, the
caller-set look-back change, eligible_from at window ends (Esfand 30 included), describe(),
and properties over generated people."""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import jdatetime  # type: ignore[import-untyped]
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maskan.calendar import jdate
from maskan.eligibility import REASONS, Case, Outcome, Verdict
from maskan.eligibility.programs import without_housing as wh
from maskan.errors import RuleError
from maskan.models.person import (
    Benefit,
    FormJ,
    FormJStatus,
    HousingHistory,
    MaritalStatus,
    OwnedProperty,
    Person,
)

ON = jdate(1404, 9, 4)
IN_FORCE = wh.PROGRAM.with_values(five_year_lookback="in_force")
FIXED = wh.PROGRAM.with_values(five_year_lookback="not_in_force")
UNDECIDED = wh.PROGRAM.with_values(five_year_lookback="undecided")


def person(**facts: Any) -> Person:
    base: dict[str, Any] = {
        "national_id": "0499370899",
        "first_name": "رضا",
        "last_name": "کریمی",
        "marital_status": "single",
        "owned_properties": (),
        "benefits": (),
    }
    return Person(**{**base, **facts})


def sold(on: datetime.date) -> Person:
    flat = OwnedProperty(kind="unit", acquired=jdate(1380, 1, 1), disposed=on)
    return person(owned_properties=[flat])


# --- parameters -------------------------------------------------------------------------


def test_ownership_cutoff_is_1384_01_01() -> None:
    resolved = wh.OWNERSHIP_CUTOFF.resolve(ON)
    assert resolved.value == jdate(1384, 1, 1)
    assert wh.OWNERSHIP_CUTOFF.source.confidence.value == "S"
    assert wh.OWNERSHIP_LOOKBACK_YEARS.resolve(ON).value == 5


def test_benefit_cutoff_keeps_both_dated_versions() -> None:
    assert wh.BENEFIT_CUTOFF.resolve(jdate(1390, 1, 1)).value == jdate(1357, 11, 22)
    assert wh.BENEFIT_CUTOFF.resolve(jdate(1400, 7, 26)).value == jdate(1357, 11, 22)
    resolved = wh.BENEFIT_CUTOFF.resolve(jdate(1400, 7, 27))
    assert (resolved.value, resolved.effective_from) == (jdate(1357, 1, 1), jdate(1400, 7, 27))


def test_the_change_date_is_caller_set_with_no_default() -> None:
    assert wh.FIVE_YEAR_LOOKBACK.caller_set
    assert wh.PROGRAM.missing_values() == ("five_year_lookback",)
    with pytest.raises(RuleError, match=r"five_year_lookback=\.\.\.") as caught:
        wh.PROGRAM.evaluate(person(), on=ON)
    assert caught.value.code == "missing_parameter"


def test_nothing_before_the_1384_cut_off() -> None:
    with pytest.raises(RuleError) as caught:
        FIXED.evaluate(person(), on=jdate(1383, 12, 29))
    assert caught.value.code == "before_first_boundary"
    assert FIXED.evaluate(person(), on=jdate(1384, 1, 1)).eligible


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("in_force", (True, None)),
        (wh.RuleChange.NOT_IN_FORCE, (False, None)),
        ("undecided", (None, None)),
        (jdate(1401, 3, 1), (True, jdate(1401, 3, 1))),
        (jdate(1405, 1, 1), (False, jdate(1405, 1, 1))),
        ("1401/03/01", (True, jdate(1401, 3, 1))),
        ("۱۴۰۵-۰۱-۰۱", (False, jdate(1405, 1, 1))),
        (jdatetime.date(1401, 3, 1), (True, jdate(1401, 3, 1))),
        (datetime.datetime(2022, 5, 22, 10, 0), (True, jdate(1401, 3, 1))),
    ],
)
def test_change_in_force_reads_a_date_or_an_option(
    value: object, expected: tuple[bool | None, datetime.date | None]
) -> None:
    case = Case(person=None, on=ON, values={"five_year_lookback": value})
    assert wh.change_in_force(case, wh.FIVE_YEAR_LOOKBACK) == expected


@pytest.mark.parametrize("value", ["soon", 1401, "1401/13/01"])
def test_a_wrong_change_value_is_refused(value: object) -> None:
    program = wh.PROGRAM.with_values(five_year_lookback=value)
    with pytest.raises(RuleError, match="five_year_lookback") as caught:
        program.evaluate(sold(jdate(1390, 1, 1)), on=ON)
    assert caught.value.code == "invalid_value"


def test_rule_change_labels() -> None:
    assert {option.value for option in wh.RuleChange} == {"in_force", "not_in_force", "undecided"}
    assert all(option.label_en for option in wh.RuleChange)
    assert all(option.label_fa for option in wh.RuleChange)


# --- eligible_from: the end of the 5-year window ----------------------------------------


@pytest.mark.parametrize(
    ("disposed", "free"),
    [
        (jdate(1401, 6, 15), jdate(1406, 6, 16)),
        (jdate(1399, 9, 4), jdate(1404, 9, 5)),
        # Esfand 30 of a leap year: 1404 has no Esfand 30, so 1404/12/29 still looks back
        # to 1399/12/29 and covers the sale.
        (jdate(1399, 12, 30), jdate(1405, 1, 1)),
        # ... and 1408 is a leap year: 1408/12/30 still covers 1403/12/30.
        (jdate(1403, 12, 30), jdate(1409, 1, 1)),
        (jdate(1403, 12, 29), jdate(1408, 12, 30)),
    ],
)
def test_eligible_from_is_the_day_the_window_leaves_the_sale(
    disposed: datetime.date, free: datetime.date
) -> None:
    subject = sold(disposed)
    decision = IN_FORCE.evaluate(subject, on=ON)
    assert decision.failed_codes == ("without_housing.owned_in_lookback",)
    assert decision.eligible_from == free
    assert IN_FORCE.evaluate(subject, on=free).eligible
    assert not IN_FORCE.evaluate(subject, on=free - datetime.timedelta(days=1)).eligible


def test_the_last_of_several_sales_decides() -> None:
    subject = person(
        owned_properties=[
            OwnedProperty(kind="unit", acquired="1395/01/01", disposed="1402/01/10"),
            OwnedProperty(kind="land", acquired="1396/01/01", disposed="1400/05/05"),
            OwnedProperty(kind="land", acquired="1380/01/01", disposed="1390/05/05"),
        ]
    )
    assert IN_FORCE.evaluate(subject, on=ON).eligible_from == jdate(1407, 1, 11)


def test_a_future_change_date_frees_a_past_sale_on_that_date() -> None:
    program = wh.PROGRAM.with_values(five_year_lookback=jdate(1401, 3, 1))
    subject = sold(jdate(1398, 6, 1))
    decision = program.evaluate(subject, on=jdate(1400, 1, 1))
    assert decision.failed_codes == ("without_housing.owned_since_cutoff",)
    # the 5-year window takes over on 1401/03/01 but covers the sale until 1403/06/01
    assert decision.eligible_from == jdate(1403, 6, 2)
    finding = decision.findings[0]
    assert finding.required == jdate(1384, 1, 1)
    assert finding.parameter == "ownership_cutoff"


def test_the_spouse_window_end_counts_too() -> None:
    subject = person(
        marital_status="married",
        spouse_housing=HousingHistory(
            owned_properties=[
                OwnedProperty(kind="unit", acquired="1390/01/01", disposed="1403/02/01")
            ],
            benefits=(),
        ),
        owned_properties=[OwnedProperty(kind="unit", acquired="1390/01/01", disposed="1402/01/01")],
    )
    decision = IN_FORCE.evaluate(subject, on=ON)
    assert decision.failed_codes == (
        "without_housing.owned_in_lookback",
        "without_housing.spouse_owned_in_lookback",
    )
    assert decision.eligible_from == jdate(1408, 2, 2)


def test_the_fixed_cut_off_never_ends() -> None:
    decision = FIXED.evaluate(sold(jdate(1390, 1, 1)), on=ON)
    assert decision.failed_codes == ("without_housing.owned_since_cutoff",)
    assert decision.eligible_from is None


def test_no_eligible_from_for_benefits_or_red_form_j() -> None:
    used = person(benefits=[Benefit(kind="land", date="1390/01/01")])
    assert IN_FORCE.evaluate(used, on=ON).eligible_from is None
    red = person(form_j=FormJStatus(color="red"))
    assert IN_FORCE.evaluate(red, on=ON).eligible_from is None


# --- Form J -----------------------------------------------------------------------------


def test_green_form_j_does_not_replace_unknown_records() -> None:
    green = FormJStatus(color=FormJ.GREEN)
    decision = IN_FORCE.evaluate(person(benefits=None, form_j=green), on=ON)
    assert decision.verdict is Verdict.UNDETERMINED
    assert decision.unknown_facts == ("state housing benefit history",)


def test_green_form_j_does_not_override_a_recorded_sale() -> None:
    subject = attrs.evolve(sold(jdate(1402, 1, 1)), form_j=FormJStatus(color="green"))
    assert IN_FORCE.evaluate(subject, on=ON).failed_codes == ("without_housing.owned_in_lookback",)


# --- describe() and reasons -------------------------------------------------------------


def test_describe_lists_every_parameter_with_history_and_source() -> None:
    described = wh.PROGRAM.describe()
    assert [rule["code"] for rule in described["rules"]] == [
        "without_housing.ownership",
        "without_housing.benefits",
        "without_housing.form_j",
        "without_housing.spouse_ownership",
        "without_housing.spouse_benefits",
        "without_housing.spouse_form_j",
    ]
    parameters = {parameter["code"]: parameter for parameter in described["parameters"]}
    assert set(parameters) == {
        "ownership_cutoff",
        "ownership_lookback_years",
        "five_year_lookback",
        "benefit_cutoff",
    }
    assert parameters["benefit_cutoff"]["history"] == [
        {"from": "2005-03-21", "value": jdate(1357, 11, 22)},
        {"from": "2021-10-19", "value": jdate(1357, 1, 1)},
    ]
    assert parameters["five_year_lookback"]["caller_set"]
    assert parameters["five_year_lookback"]["history"] == []
    assert parameters["ownership_cutoff"]["source"]["reference"].startswith("DOMAIN.md §4.1")
    for rule in described["rules"]:
        assert rule["source"]["reference"].startswith("DOMAIN.md §4.1")


def test_every_reason_is_registered_in_both_languages() -> None:
    codes = {
        value
        for name, value in vars(wh).items()
        if name.isupper() and isinstance(value, str) and value.startswith("without_housing.")
    }
    assert len(codes) == 17
    assert codes == {code for code in REASONS if code.startswith("without_housing.")}
    for code in codes:
        assert REASONS[code].en
        assert REASONS[code].fa


def test_persian_explanation_uses_jalali_dates_and_persian_digits() -> None:
    text = IN_FORCE.evaluate(sold(jdate(1401, 6, 15)), on=ON).explain("fa")
    assert "از ۱۶ شهریور ۱۴۰۶ واجد شرایط می‌شود" in text
    assert "۴ آذر ۱۳۹۹" in text


def test_constant_findings_are_shared_and_never_unknown() -> None:
    first = wh.constant_finding(wh.FORM_J, Outcome.FAILED, wh.FORM_J_RED, FormJ.RED)
    assert first is wh.constant_finding(wh.FORM_J, Outcome.FAILED, wh.FORM_J_RED, FormJ.RED)
    assert first.outcome is Outcome.FAILED
    assert first.rule == "without_housing.form_j"
    with pytest.raises(ValueError, match="unknown"):
        wh.constant_finding(wh.FORM_J, Outcome.UNKNOWN, "fact.unknown")


def test_the_rules_are_reusable() -> None:
    assert wh.WITHOUT_HOUSING.rules == wh.PROGRAM.rules
    finding = wh.WITHOUT_HOUSING(Case(person=person(), on=ON, values=IN_FORCE.values))
    assert finding.outcome is Outcome.PASSED


# --- properties over generated people ---------------------------------------------------

_days = st.dates(min_value=jdate(1375, 1, 1), max_value=jdate(1406, 12, 29))


@st.composite
def _properties(draw: st.DrawFn, known: bool) -> OwnedProperty:
    acquired = draw(_days if known else st.none() | _days)
    disposed = draw(st.none() | _days)
    if acquired is not None and disposed is not None and disposed < acquired:
        acquired, disposed = disposed, acquired
    kind = draw(st.sampled_from(("unit", "land")))
    return OwnedProperty(kind=kind, acquired=acquired, disposed=disposed)


@st.composite
def _benefits(draw: st.DrawFn, known: bool) -> tuple[Benefit, ...]:
    day = st.dates(min_value=jdate(1355, 1, 1), max_value=jdate(1406, 1, 1))
    benefit = st.builds(
        Benefit,
        kind=st.sampled_from(("land", "unit", "subsidised_loan")),
        date=day if known else st.none() | day,
    )
    return tuple(draw(st.lists(benefit, max_size=1)))


@st.composite
def _people(draw: st.DrawFn) -> Person:
    """Mostly people whose facts are all known (so that decisions and eligible_from
    dates are common), sometimes with any fact unknown."""
    known = draw(st.booleans())

    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(strategy if known else st.none() | strategy)

    def history() -> HousingHistory:
        return HousingHistory(
            owned_properties=maybe(st.lists(_properties(known), max_size=2).map(tuple)),
            benefits=maybe(_benefits(known)),
            form_j=draw(
                st.none() | st.builds(FormJStatus, color=st.sampled_from(("green", "red")))
            ),
        )

    own = history()
    return person(
        marital_status=maybe(st.sampled_from(list(MaritalStatus))),
        owned_properties=own.owned_properties,
        benefits=own.benefits,
        form_j=own.form_j,
        spouse_housing=maybe(st.builds(history)),
    )


PEOPLE = _people()
CHOICES = st.sampled_from(["in_force", "not_in_force", "undecided"]) | st.dates(
    min_value=jdate(1399, 1, 1), max_value=jdate(1405, 1, 1)
)
EVALUATION_DAYS = st.dates(min_value=jdate(1398, 1, 1), max_value=jdate(1405, 12, 29))


@settings(max_examples=300)
@given(st.lists(PEOPLE, max_size=5), CHOICES, EVALUATION_DAYS)
def test_evaluate_many_equals_evaluate(
    people: list[Person], choice: object, on: datetime.date
) -> None:
    program = wh.PROGRAM.with_values(five_year_lookback=choice)
    assert program.evaluate_many(people, on=on) == [program.evaluate(p, on=on) for p in people]


@settings(max_examples=500)
@given(PEOPLE, CHOICES, EVALUATION_DAYS)
def test_decisions_are_consistent(subject: Person, choice: object, on: datetime.date) -> None:
    program = wh.PROGRAM.with_values(five_year_lookback=choice)
    decision = program.evaluate(subject, on=on)
    if decision.verdict is Verdict.ELIGIBLE:
        assert all(finding.outcome is Outcome.PASSED for finding in decision.findings)
        assert decision.eligible_from == on
    if decision.eligible_from is not None and decision.eligible_from > on:
        assert program.evaluate(subject, on=decision.eligible_from).eligible
        day_before = decision.eligible_from - datetime.timedelta(days=1)
        assert not program.evaluate(subject, on=day_before).eligible


@settings(max_examples=500)
@given(PEOPLE, EVALUATION_DAYS)
def test_undecided_decides_only_where_both_windows_agree(
    subject: Person, on: datetime.date
) -> None:
    both = [
        program.evaluate(subject, on=on).findings[index].outcome
        for program in (IN_FORCE, FIXED)
        for index in (0, 3)
    ]
    undecided = UNDECIDED.evaluate(subject, on=on).findings
    for position, index in enumerate((0, 3)):
        rolling, fixed = both[position], both[position + 2]
        outcome = undecided[index].outcome
        if rolling is fixed:
            assert outcome is rolling
        else:
            assert outcome is Outcome.UNKNOWN
