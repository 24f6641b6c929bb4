"""family_land beyond the decision cases: eligible_from, dated versions and their sources,
Esfand 30 birthdays, parameters, describe(), the one-spouse context and the examples
written as attribute docstrings (which doctest does not collect by itself)."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.calendar import jdate, year_bounds
from maskan.eligibility import REASONS, Case, Outcome, Verdict
from maskan.eligibility.programs import family_land
from maskan.eligibility.programs.family_land import (
    BUDGET_1402_SOURCE,
    BUDGET_1403_SOURCE,
    BUDGET_SOURCE,
    FREE_PLOT,
    PROGRAM,
    ROUTE,
    THIRD_CHILD,
    qualifying_routes,
)
from maskan.models.person import Person

# Four children under 20 in 1402-1403, none born under the law: the 1403 note is their route.
FOUR_OLDER = ("1390/01/01", "1392/01/01", "1394/01/01", "1396/01/01")


def _family(*children: str | datetime.date) -> Person:
    return Person(
        national_id="0499370899",
        first_name="زهرا",
        last_name="رضایی",
        children_birth_dates=children,
    )


def test_program_is_ready_without_caller_values() -> None:
    assert PROGRAM.code == "family_land"
    assert PROGRAM.missing_values() == ()
    assert not any(parameter.caller_set for parameter in PROGRAM.parameters)


def test_parameter_histories() -> None:
    histories = {parameter.code: parameter.history for parameter in PROGRAM.parameters}
    law = jdate(1400, 8, 24)
    assert histories["third_child_born_from"] == ((law, law),)
    assert histories["one_spouse_required"] == ((law, False),)
    first, second = jdate(1402, 1, 1), jdate(1403, 1, 1)
    assert histories["free_plot_min_children"] == ((first, 4), (second, 4))
    assert histories["free_plot_child_age_limit"] == ((first, 20), (second, 20))
    assert histories["free_plot_within_art4"] == ((first, True), (second, False))


def test_describe_is_plain_data_with_sources() -> None:
    described = PROGRAM.describe()
    (route,) = described["rules"]
    assert route["code"] == "family_land.route"
    assert [rule["code"] for rule in route["rules"]] == [
        "family_land.free_plot",
        "family_land.third_child",
    ]
    parameters = {parameter["code"]: parameter for parameter in described["parameters"]}
    assert parameters["free_plot_within_art4"]["history"] == [
        {"from": "2023-03-21", "value": True},
        {"from": "2024-03-20", "value": False},
    ]
    assert parameters["one_spouse_required"]["source"]["confidence"] == "S-news"
    assert "draft" in parameters["one_spouse_required"]["source"]["title_en"].lower()
    for parameter in described["parameters"]:
        assert parameter["source"]["reference"].startswith("DOMAIN.md §4.5")


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (jdate(1400, 8, 23), jdate(1403, 1, 1)),  # before the law and both notes
        (jdate(1401, 12, 29), jdate(1403, 1, 1)),  # 1402 needs art. 4: skip to 1403
        (jdate(1402, 1, 1), jdate(1403, 1, 1)),
        (jdate(1402, 12, 29), jdate(1403, 1, 1)),
        (jdate(1403, 1, 1), jdate(1403, 1, 1)),  # eligible: the day itself
        (jdate(1404, 1, 1), None),  # no later note is recorded
    ],
)
def test_eligible_from_is_the_first_budget_year_the_family_meets(
    on: datetime.date, expected: datetime.date | None
) -> None:
    decision = PROGRAM.evaluate(_family(*FOUR_OLDER), on=on)
    assert decision.eligible_from == expected
    if expected is not None and expected > on:
        assert PROGRAM.evaluate(_family(*FOUR_OLDER), on=expected).eligible
        day_before = expected - datetime.timedelta(days=1)
        assert not PROGRAM.evaluate(_family(*FOUR_OLDER), on=day_before).eligible


def test_eligible_from_is_none_when_a_child_turns_20_before_the_next_note() -> None:
    # eldest turns 20 on 1402-06-01, so by 1403-01-01 only three are under 20
    family = _family("1382/06/01", "1390/01/01", "1394/01/01", "1396/01/01")
    decision = PROGRAM.evaluate(family, on=jdate(1402, 1, 1))
    assert decision.failed_codes == (
        "family_land.art4_not_met",
        "family_land.third_child_too_early",
    )
    assert decision.eligible_from is None


def test_eligible_from_ignores_children_born_after_the_evaluation_date() -> None:
    # the fourth child is recorded as born in 1401-10: on 1401-06-01 it is not born yet,
    # and a birth is not the passage of time
    family = _family("1392/01/01", "1394/01/01", "1396/01/01", "1401/10/01")
    decision = PROGRAM.evaluate(family, on=jdate(1401, 6, 1))
    assert decision.failed_codes == (
        "family_land.no_budget_note",
        "family_land.third_child_too_early",
    )
    assert decision.eligible_from is None
    assert PROGRAM.evaluate(family, on=jdate(1401, 10, 1)).eligible


def test_art4_gives_no_eligible_from() -> None:
    for children in [("1401/01/01",), ("1390/01/01", "1392/01/01", "1399/01/01")]:
        finding = THIRD_CHILD(Case(person=_family(*children), on=jdate(1404, 9, 4)))
        assert finding.outcome is Outcome.FAILED
        assert finding.eligible_from is None


def test_esfand_30_birthday_with_a_supplied_age_limit() -> None:
    # Born on 30 Esfand 1383 (a leap year): the 19th birthday falls in 1402, which has no
    # Esfand 30, so it is 29 Esfand 1402.
    program = PROGRAM.with_values(free_plot_within_art4=False, free_plot_child_age_limit=19)
    family = _family("1383/12/30", "1390/01/01", "1394/01/01", "1396/01/01")
    assert program.evaluate(family, on=jdate(1402, 12, 28)).eligible
    decision = program.evaluate(family, on=jdate(1402, 12, 29))
    assert decision.failed_codes == (
        "family_land.too_few_young_children",
        "family_land.third_child_too_early",
    )
    # 1403's recorded age limit is overridden too, so time cannot help
    assert decision.eligible_from is None


def test_esfand_30_birthday_in_a_leap_year() -> None:
    family = _family("1383/12/30", "1390/01/01", "1394/01/01", "1396/01/01")
    assert PROGRAM.evaluate(family, on=jdate(1403, 12, 29)).eligible
    assert not PROGRAM.evaluate(family, on=jdate(1403, 12, 30)).eligible


@pytest.mark.parametrize(
    ("on", "source"),
    [
        (jdate(1402, 1, 1), BUDGET_1402_SOURCE),
        (jdate(1402, 12, 29), BUDGET_1402_SOURCE),
        (jdate(1403, 1, 1), BUDGET_1403_SOURCE),
        (jdate(1403, 12, 30), BUDGET_1403_SOURCE),
        (jdate(1404, 1, 1), BUDGET_SOURCE),  # no note in force: the rule's own source
    ],
)
def test_free_plot_findings_cite_the_note_in_force(on: datetime.date, source: object) -> None:
    finding = FREE_PLOT(Case(person=_family(*FOUR_OLDER), on=on))
    assert finding.source == source


def test_budget_years_are_jalali_years() -> None:
    assert year_bounds(1402) == (jdate(1402, 1, 1), jdate(1402, 12, 29))
    assert year_bounds(1403) == (jdate(1403, 1, 1), jdate(1403, 12, 30))
    family = _family(*FOUR_OLDER)
    for day, outcome in [
        (jdate(1403, 12, 30), Outcome.PASSED),
        (jdate(1404, 1, 1), Outcome.FAILED),
    ]:
        assert FREE_PLOT(Case(person=family, on=day)).outcome is outcome


def test_a_supplied_minimum_means_a_note_is_in_force_on_any_date() -> None:
    program = PROGRAM.with_values(free_plot_min_children=4)
    decision = program.evaluate(_family(*FOUR_OLDER), on=jdate(1404, 9, 4))
    assert decision.eligible
    finding = decision.findings[0].branches[0]
    assert finding.effective_from is None
    assert finding.source == BUDGET_SOURCE
    # the age limit and the art. 4 flag fall back to the first note before 1402
    early = program.evaluate(_family(*FOUR_OLDER), on=jdate(1401, 6, 1))
    assert early.failed_codes == (
        "family_land.art4_not_met",
        "family_land.third_child_too_early",
    )
    assert early.eligible_from is None


def test_a_supplied_cutoff_runs_before_the_law() -> None:
    program = PROGRAM.with_values(third_child_born_from=jdate(1399, 1, 1))
    family = _family("1392/01/01", "1395/01/01", "1399/06/01")
    assert program.evaluate(family, on=jdate(1400, 1, 1)).eligible


def test_held_and_qualifying_routes() -> None:
    both = _family("1390/01/01", "1393/01/01", "1396/01/01", "1401/01/01")
    decision = PROGRAM.evaluate(both, on=jdate(1402, 6, 1))
    assert decision.findings[0].held == "family_land.free_plot"
    assert qualifying_routes(decision) == ("family_land.free_plot", "family_land.third_child")
    later = PROGRAM.evaluate(both, on=jdate(1404, 9, 4))
    assert later.findings[0].held == "family_land.third_child"
    assert qualifying_routes(later) == ("family_land.third_child",)
    assert qualifying_routes(PROGRAM.evaluate(_family(), on=jdate(1404, 9, 4))) == ()


def test_one_spouse_groups_accept_dates_in_any_order() -> None:
    program = PROGRAM.with_values(one_spouse_required=True)
    family = _family("1395/01/01", "1398/01/01", "1401/01/01")
    groups = {"1112223339": [jdate(1401, 1, 1), "1395/01/01", "۱۳۹۸/۰۱/۰۱"]}
    decision = program.evaluate(family, on=jdate(1404, 9, 4), children_by_spouse=groups)
    assert decision.eligible
    assert decision.findings[0].branches[1].reason == "family_land.third_child_one_spouse"
    # a group's child born after the evaluation date is not counted
    assert not program.evaluate(family, on=jdate(1400, 12, 29), children_by_spouse=groups).eligible


def test_one_spouse_unknown_names_the_context_key() -> None:
    program = PROGRAM.with_values(one_spouse_required=True)
    decision = program.evaluate(_family("1395/01/01", "1398/01/01", "1401/01/01"), on="1404/09/04")
    assert decision.verdict is Verdict.UNDETERMINED
    assert decision.unknown_facts == ("children by spouse (children_by_spouse)",)
    # the stricter option never turns a refusal into "undetermined"
    refused = program.evaluate(_family("1395/01/01", "1398/01/01"), on="1404/09/04")
    assert refused.verdict is Verdict.INELIGIBLE


def test_messages_in_both_languages() -> None:
    decision = PROGRAM.evaluate(_family(*FOUR_OLDER), on=jdate(1402, 6, 1))
    persian = decision.explain("fa")
    assert "از ۱ فروردین ۱۴۰۳ واجد شرایط می‌شود" in persian
    assert "۲۴ آبان ۱۴۰۰" in persian
    assert not any(digit in persian for digit in "0123456789")
    english = decision.explain("en")
    assert "eligible from 2024-03-20 (1403/01/01)" in english
    assert "within the conditions of art. 4" in english


def test_every_reason_is_registered_in_both_languages() -> None:
    codes = [value for name, value in vars(family_land).items() if name.isupper()]
    reasons = [code for code in codes if isinstance(code, str) and code.startswith("family_land.")]
    assert len(reasons) == 11
    for code in reasons:
        assert REASONS[code].en
        assert REASONS[code].fa


BIRTHS = st.dates(min_value=datetime.date(1975, 1, 1), max_value=datetime.date(2026, 1, 1))
DAYS = st.dates(min_value=datetime.date(2021, 1, 1), max_value=datetime.date(2026, 6, 1))


@given(st.lists(BIRTHS, max_size=6), DAYS)
def test_eligible_from_is_the_earliest_day(
    children: list[datetime.date], on: datetime.date
) -> None:
    family = _family(*(child for child in children if child <= on))
    decision = PROGRAM.evaluate(family, on=on)
    if decision.verdict is Verdict.ELIGIBLE:
        assert decision.failed_codes == ()
        assert qualifying_routes(decision)
    if decision.eligible_from is not None and decision.eligible_from > on:
        assert PROGRAM.evaluate(family, on=decision.eligible_from).eligible
        day_before = decision.eligible_from - datetime.timedelta(days=1)
        assert not PROGRAM.evaluate(family, on=day_before).eligible


@given(st.lists(st.lists(BIRTHS, max_size=5), max_size=5), DAYS)
def test_evaluate_many_equals_evaluate(
    households: list[list[datetime.date]], on: datetime.date
) -> None:
    people = [_family(*(child for child in children if child <= on)) for children in households]
    assert PROGRAM.evaluate_many(people, on=on) == [
        PROGRAM.evaluate(person, on=on) for person in people
    ]


def test_route_is_an_any_of_of_the_two_rules() -> None:
    assert ROUTE.rules == (FREE_PLOT, THIRD_CHILD)
