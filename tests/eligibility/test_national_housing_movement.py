"""The national_housing_movement program beyond its decision cases: eligible_from for every
time-based rule (Esfand 30 birthdays and arrivals included), parameter histories, the loan
terms in describe(), and properties over generated people."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maskan.calendar import add_years, jdate
from maskan.eligibility import REASONS, Outcome, Verdict
from maskan.eligibility.programs import national_housing_movement as nhm
from maskan.eligibility.programs import without_housing as wh
from maskan.errors import RuleError
from maskan.models.person import (
    Benefit,
    FormJStatus,
    Gender,
    HousingHistory,
    MaritalStatus,
    OwnedProperty,
    Person,
    Residence,
)
from maskan.money import Rial

ON = jdate(1404, 9, 4)
ISFAHAN = "اصفهان"
PROGRAM = nhm.PROGRAM.with_values(five_year_lookback="in_force", residence_easing="in_force")


def person(**facts: Any) -> Person:
    """A married head of household with clean records, living in Isfahan since birth."""
    born = facts.get("birth_date", jdate(1365, 4, 20))
    base: dict[str, Any] = {
        "national_id": "0499370899",
        "first_name": "علی",
        "last_name": "کریمی",
        "gender": "male",
        "birth_date": born,
        "marital_status": "married",
        "head_of_household": True,
        "disabled": False,
        "owned_properties": (),
        "benefits": (),
        "residences": [Residence(city=ISFAHAN, since=born, province="IR-10")],
        "spouse_housing": HousingHistory(owned_properties=(), benefits=()),
    }
    return Person(**{**base, **facts})


def single(gender: str, born: datetime.date, **facts: Any) -> Person:
    return person(gender=gender, birth_date=born, marital_status="single", **facts)


def moved(since: datetime.date, **flags: Any) -> list[Residence]:
    """Born in Tehran, moved to Isfahan on ``since``; neither flag set unless given."""
    flags = {"from_metropolis": False, "transferred_employee": False, **flags}
    return [
        Residence(city="تهران", since=jdate(1365, 4, 20), province="IR-23"),
        Residence(city=ISFAHAN, since=since, province="IR-10", **flags),
    ]


def check_eligible_from(
    subject: Person, expected: datetime.date, on: datetime.date = ON, program: Any = PROGRAM
) -> None:
    decision = program.evaluate(subject, on=on, city=ISFAHAN)
    assert decision.eligible_from == expected, decision.explain("en")
    assert program.evaluate(subject, on=expected, city=ISFAHAN).eligible
    day_before = expected - datetime.timedelta(days=1)
    assert not program.evaluate(subject, on=day_before, city=ISFAHAN).eligible


# --- eligible_from for each time-based rule ---------------------------------------------


def test_single_woman_eligible_on_her_35th_birthday() -> None:
    check_eligible_from(single("female", jdate(1371, 2, 10)), jdate(1406, 2, 10))


def test_single_woman_born_on_esfand_30() -> None:
    # 1370 is a leap year; 1405 is not, so the 35th birthday is Esfand 29
    subject = single("female", jdate(1370, 12, 30))
    check_eligible_from(subject, jdate(1405, 12, 29))
    # and 1408 is a leap year: a 1373/12/30 birthday... does not exist (1373 is common);
    # 1375/12/30 does, and its 35th anniversary 1410/12/30 does not: Esfand 29
    check_eligible_from(single("female", jdate(1375, 12, 30)), jdate(1410, 12, 29))


def test_person_with_a_disability_eligible_at_20() -> None:
    subject = single("female", jdate(1385, 1, 10), disabled=True)
    check_eligible_from(subject, jdate(1405, 1, 10))


def test_single_man_eligible_at_23() -> None:
    check_eligible_from(single("male", jdate(1382, 1, 15)), jdate(1405, 1, 15))


def test_single_man_born_on_esfand_30_is_23_on_esfand_29() -> None:
    check_eligible_from(single("male", jdate(1383, 12, 30)), jdate(1406, 12, 29))


def test_single_man_before_the_window_waits_for_it() -> None:
    check_eligible_from(
        single("male", jdate(1370, 5, 1)), jdate(1400, 10, 14), on=jdate(1400, 8, 1)
    )


def test_single_man_before_the_window_and_too_young_waits_for_both() -> None:
    subject = single("male", jdate(1378, 1, 5))
    decision = PROGRAM.evaluate(subject, on=jdate(1400, 8, 1), city=ISFAHAN)
    assert "national_housing_movement.single_men_not_yet_admitted" in decision.failed_codes
    check_eligible_from(subject, jdate(1401, 1, 5), on=jdate(1400, 8, 1))


def test_single_man_who_turns_45_before_the_window_never_qualifies() -> None:
    subject = single("male", jdate(1355, 9, 1))
    decision = PROGRAM.evaluate(subject, on=jdate(1400, 8, 1), city=ISFAHAN)
    assert decision.failed_codes[-1] == "national_housing_movement.single_men_not_yet_admitted"
    assert decision.eligible_from is None


def test_residence_eligible_on_the_fifth_anniversary() -> None:
    subject = person(residences=moved(jdate(1400, 10, 1), from_metropolis=False))
    check_eligible_from(subject, jdate(1405, 10, 1))


def test_residence_arrival_on_esfand_30() -> None:
    subject = person(residences=moved(jdate(1403, 12, 30), from_metropolis=False))
    check_eligible_from(subject, jdate(1408, 12, 30))  # 1408 is a leap year
    subject = person(residences=moved(jdate(1399, 12, 30), from_metropolis=False))
    check_eligible_from(subject, jdate(1404, 12, 29), on=jdate(1403, 1, 1))


def test_metropolis_mover_eligible_after_one_year() -> None:
    subject = person(residences=moved(jdate(1404, 2, 1), from_metropolis=True))
    check_eligible_from(subject, jdate(1405, 2, 1))


def test_metropolis_mover_waits_for_a_dated_easing() -> None:
    program = nhm.PROGRAM.with_values(five_year_lookback="in_force", residence_easing="1401/06/01")
    # a year in Isfahan already: the easing's date decides
    subject = person(residences=moved(jdate(1399, 1, 1), from_metropolis=True))
    check_eligible_from(subject, jdate(1401, 6, 1), on=jdate(1401, 1, 1), program=program)
    # arrived a month before the easing: one year after arrival
    subject = person(residences=moved(jdate(1401, 5, 1), from_metropolis=True))
    check_eligible_from(subject, jdate(1402, 5, 1), on=jdate(1401, 5, 15), program=program)


def test_transferred_employee_waits_for_a_dated_easing() -> None:
    program = nhm.PROGRAM.with_values(five_year_lookback="in_force", residence_easing="1401/06/01")
    subject = person(residences=moved(jdate(1401, 1, 1), transferred_employee=True))
    check_eligible_from(subject, jdate(1401, 6, 1), on=jdate(1401, 2, 1), program=program)


def test_without_housing_window_end_carries_into_nhm() -> None:
    flat = OwnedProperty(kind="unit", acquired="1395/01/10", disposed="1401/06/15")
    check_eligible_from(person(owned_properties=[flat]), jdate(1406, 6, 16))


def test_the_latest_time_barrier_decides() -> None:
    flat = OwnedProperty(kind="unit", acquired="1395/01/10", disposed="1401/06/15")
    subject = person(
        owned_properties=[flat], residences=moved(jdate(1403, 1, 1), from_metropolis=False)
    )
    check_eligible_from(subject, jdate(1408, 1, 1))


# --- residence details ------------------------------------------------------------------


def test_tehran_province_gets_no_easing_even_for_transferred_employees() -> None:
    subject = person(
        residences=[
            Residence(city="مشهد", since=jdate(1365, 4, 20), province="IR-09"),
            Residence(city="پاکدشت", since=jdate(1404, 1, 1), transferred_employee=True),
        ]
    )
    # the records do not name Pakdasht's province: cannot tell
    decision = PROGRAM.evaluate(subject, on=ON, city="پاکدشت")
    assert decision.unknown_facts == ("province of the city applied for",)
    decision = PROGRAM.evaluate(subject, on=ON, city="پاکدشت", province="Tehran")
    assert decision.failed_codes == ("national_housing_movement.residence_too_short",)
    decision = PROGRAM.evaluate(subject, on=ON, city="پاکدشت", province="IR-10")
    assert decision.eligible


def test_city_names_are_normalized() -> None:
    assert PROGRAM.evaluate(person(), on=ON, city=" اصفهان ").eligible
    assert PROGRAM.evaluate(person(), on=ON, city="اصفهان").eligible


@pytest.mark.parametrize("city", ["", 12])
def test_a_wrong_city_is_refused(city: object) -> None:
    with pytest.raises(RuleError) as caught:
        PROGRAM.evaluate(person(), on=ON, city=city)
    assert caught.value.code == "invalid_context"


def test_a_wrong_province_is_refused() -> None:
    subject = person(residences=moved(jdate(1403, 1, 1), transferred_employee=True))
    with pytest.raises(RuleError) as caught:
        PROGRAM.evaluate(subject, on=ON, city=ISFAHAN, province="Atlantis")
    assert caught.value.code == "invalid_context"


def test_residence_history_starting_later_is_unknown() -> None:
    subject = person(residences=[Residence(city=ISFAHAN, since=jdate(1405, 1, 1))])
    decision = PROGRAM.evaluate(subject, on=ON, city=ISFAHAN)
    assert decision.unknown_facts == ("residence history",)


def test_an_interrupted_stay_counts_from_the_return() -> None:
    subject = person(
        residences=[
            Residence(city=ISFAHAN, since=jdate(1380, 1, 1)),
            Residence(city="شیراز", since=jdate(1398, 1, 1)),
            Residence(
                city=ISFAHAN,
                since=jdate(1401, 1, 1),
                from_metropolis=False,
                transferred_employee=False,
            ),
        ]
    )
    decision = PROGRAM.evaluate(subject, on=ON, city=ISFAHAN)
    assert decision.findings[2].observed == 3
    assert decision.eligible_from == jdate(1406, 1, 1)


# --- categories and parameters ----------------------------------------------------------


def test_household_reports_the_category_that_held() -> None:
    decision = PROGRAM.evaluate(person(), on=ON, city=ISFAHAN)
    assert decision.findings[0].held == "national_housing_movement.married_head_of_household"
    woman = single("female", jdate(1360, 1, 1))
    held = PROGRAM.evaluate(woman, on=ON, city=ISFAHAN).findings[0].held
    assert held == "national_housing_movement.single_woman"


def test_divorced_and_widowed_women_count_as_single_women() -> None:
    for status in ("divorced", "widowed"):
        subject = person(
            gender="female",
            marital_status=status,
            child_custody=False,
            birth_date=jdate(1360, 1, 1),
        )
        assert PROGRAM.evaluate(subject, on=ON, city=ISFAHAN).eligible


def test_the_caller_may_read_over_35_as_36() -> None:
    subject = single("female", jdate(1369, 9, 4))
    assert PROGRAM.evaluate(subject, on=ON, city=ISFAHAN).eligible
    stricter = PROGRAM.with_values(single_woman_min_age=36)
    decision = stricter.evaluate(subject, on=ON, city=ISFAHAN)
    assert decision.eligible_from == jdate(1405, 9, 4)
    leaf = decision.findings[0].branches[1]
    assert (leaf.observed, leaf.required, leaf.effective_from) == (35, 36, None)


def test_the_disability_age_is_an_explicit_parameter() -> None:
    resolved = nhm.DISABLED_MIN_AGE.resolve(ON)
    assert (resolved.value, resolved.effective_from) == (20, jdate(1400, 7, 27))
    assert "ambiguous" in nhm.DISABLED_MIN_AGE.source.title_en
    subject = single("female", jdate(1385, 1, 10), disabled=True)
    assert PROGRAM.with_values(disabled_min_age=18).evaluate(subject, on=ON, city=ISFAHAN).eligible


def test_single_men_boundary() -> None:
    assert not nhm.SINGLE_MEN_ADMITTED.resolve(jdate(1400, 10, 13)).value
    assert nhm.SINGLE_MEN_ADMITTED.resolve(jdate(1400, 10, 14)).value
    assert nhm.SINGLE_MAN_MIN_AGE.resolve(jdate(1400, 10, 14)).value == 23
    assert nhm.SINGLE_MAN_MAX_AGE.resolve(jdate(1400, 10, 14)).value == 44
    # a caller who says single men are not admitted gets no date to wait for
    closed = PROGRAM.with_values(single_men_admitted=False)
    decision = closed.evaluate(single("male", jdate(1370, 1, 1)), on=ON, city=ISFAHAN)
    assert decision.failed_codes[-1] == "national_housing_movement.single_men_not_yet_admitted"
    assert decision.eligible_from is None
    # and one who admits them before the window gets the window's age limits
    early = PROGRAM.with_values(single_men_admitted=True)
    assert early.evaluate(
        single("male", jdate(1370, 1, 1)), on=jdate(1400, 8, 1), city=ISFAHAN
    ).eligible
    too_old = single("male", jdate(1350, 1, 1))
    decision = early.evaluate(too_old, on=jdate(1400, 8, 1), city=ISFAHAN)
    assert decision.failed_codes[-1] == "national_housing_movement.single_man_over_age"


def test_income_decile_is_not_a_condition() -> None:
    assert PROGRAM.evaluate(person(income_decile=9), on=ON, city=ISFAHAN).eligible
    assert nhm.TARGET_INCOME_DECILES.resolve(ON).value == (1, 2, 3)


def test_nhm_uses_the_1357_01_01_benefit_cut_off() -> None:
    subject = person(benefits=[Benefit(kind="land", date="1357/04/10")])
    decision = PROGRAM.evaluate(subject, on=jdate(1400, 7, 27), city=ISFAHAN)
    assert decision.failed_codes == ("without_housing.benefit_used",)
    leaf = decision.findings[1].branches[1]
    assert (leaf.required, leaf.effective_from) == (jdate(1357, 1, 1), jdate(1400, 7, 27))
    regulation = PROGRAM.with_values(benefit_cutoff=jdate(1357, 11, 22))
    assert regulation.evaluate(subject, on=ON, city=ISFAHAN).eligible


def test_red_form_j_disqualifies_in_nhm() -> None:
    decision = PROGRAM.evaluate(person(form_j=FormJStatus(color="red")), on=ON, city=ISFAHAN)
    assert decision.failed_codes == ("without_housing.form_j_red",)


def test_nothing_before_registration_opened() -> None:
    with pytest.raises(RuleError) as caught:
        PROGRAM.evaluate(person(), on=jdate(1400, 7, 26), city=ISFAHAN)
    assert caught.value.code == "before_first_boundary"
    assert PROGRAM.evaluate(person(), on=jdate(1400, 7, 27), city=ISFAHAN).eligible


def test_both_unknown_dates_must_be_supplied() -> None:
    assert nhm.PROGRAM.missing_values() == ("five_year_lookback", "residence_easing")
    with pytest.raises(RuleError, match="residence_easing") as caught:
        nhm.PROGRAM.with_values(five_year_lookback="in_force").evaluate(
            person(), on=ON, city=ISFAHAN
        )
    assert caught.value.code == "missing_parameter"


# --- loan terms and describe() ----------------------------------------------------------


def test_loan_terms_are_parameters_with_sources() -> None:
    assert nhm.LOAN_CEILING.resolve(ON).value == Rial.from_toman(550_000_000)
    assert nhm.SUPPLEMENTARY_LOAN_DECILES_1_2.resolve(ON).value == Rial.from_toman(400_000_000)
    assert nhm.SUPPLEMENTARY_LOAN_DECILES_3_4.resolve(ON).value == Rial.from_toman(300_000_000)
    assert nhm.INTEREST_RATE.resolve(ON).value == Decimal(18)
    assert nhm.SUPPLEMENTARY_LOAN_RATE.resolve(ON).value == Decimal(2)
    assert nhm.SUPPLEMENTARY_LOAN_YEARS.resolve(ON).value == 15
    assert nhm.REPAYMENT_YEARS.resolve(ON).value == 20
    assert nhm.INSTALMENT_CAP.resolve(ON).value == Rial.from_toman(5_000_000)
    assert nhm.INSTALMENT_CAP_YEARS.resolve(ON).value == 2
    for parameter in nhm.LOAN_PARAMETERS:
        assert parameter.source.reference.startswith("DOMAIN.md §4.2")
        assert parameter.source.url


def test_loan_terms_decide_nothing() -> None:
    for subject in (person(), person(head_of_household=None), person(gender="female")):
        decision = PROGRAM.evaluate(subject, on=ON, city=ISFAHAN)
        loan = decision.findings[-1]
        assert loan.rule == "national_housing_movement.loan_terms"
        assert loan.outcome is Outcome.PASSED
    changed = PROGRAM.with_values(loan_ceiling=Rial.from_toman(1))
    assert changed.evaluate(person(), on=ON, city=ISFAHAN).eligible


def test_describe_lists_rules_and_every_parameter() -> None:
    described = PROGRAM.describe()
    assert [rule["code"] for rule in described["rules"]] == [
        "national_housing_movement.household",
        "without_housing",
        "national_housing_movement.residence",
        "national_housing_movement.loan_terms",
    ]
    categories = [rule["code"] for rule in described["rules"][0]["rules"]]
    assert categories == [
        "national_housing_movement.married_head_of_household",
        "national_housing_movement.single_woman",
        "national_housing_movement.custodial_parent",
        "national_housing_movement.disabled",
        "national_housing_movement.single_man",
    ]
    parameters = {parameter["code"]: parameter for parameter in described["parameters"]}
    assert {parameter.code for parameter in nhm.LOAN_PARAMETERS} <= set(parameters)
    assert {"benefit_cutoff", "five_year_lookback", "residence_easing"} <= set(parameters)
    assert parameters["loan_ceiling"]["history"] == [
        {"from": "2021-10-19", "value": Rial.from_toman(550_000_000)}
    ]
    assert parameters["residence_easing"]["caller_set"]
    assert parameters["residence_easing"]["supplied"] == "in_force"
    assert parameters["single_men_admitted"]["history"] == [
        {"from": "2021-10-19", "value": False},
        {"from": "2022-01-04", "value": True},
    ]


def test_every_reason_is_registered_in_both_languages() -> None:
    codes = {
        value
        for name, value in vars(nhm).items()
        if name.isupper()
        and isinstance(value, str)
        and value.startswith("national_housing_movement.")
    }
    assert codes == {code for code in REASONS if code.startswith("national_housing_movement.")}
    assert len(codes) == 23
    for code in codes:
        assert REASONS[code].en
        assert REASONS[code].fa


def test_persian_explanation() -> None:
    decision = PROGRAM.evaluate(single("female", jdate(1371, 2, 10)), on=ON, city=ISFAHAN)
    text = decision.explain("fa")
    assert "از ۱۰ اردیبهشت ۱۴۰۶ واجد شرایط می‌شود" in text
    assert "زن مجرد ۳۳ ساله، کمتر از ۳۵ سال" in text


# --- properties over generated people ---------------------------------------------------

_days = st.dates(min_value=jdate(1390, 1, 1), max_value=jdate(1406, 12, 29))
_CITIES = ((ISFAHAN, "IR-10"), (ISFAHAN, "IR-10"), ("تهران", "IR-23"), ("پاکدشت", "IR-23"))


@st.composite
def _people(draw: st.DrawFn) -> Person:
    """Mostly people whose facts are all known (so that decisions and eligible_from
    dates are common), sometimes with any fact unknown."""
    known = draw(st.booleans())

    def maybe(strategy: st.SearchStrategy[Any]) -> Any:
        return draw(strategy if known else st.none() | strategy)

    def flag() -> Any:
        return maybe(st.booleans())

    born = draw(st.dates(min_value=jdate(1350, 1, 1), max_value=jdate(1390, 12, 29)))
    days = sorted(set(draw(st.lists(_days, max_size=2))))
    homes = []
    for since in sorted({born, *days}):
        city, province = draw(st.sampled_from(_CITIES))
        homes.append(
            Residence(
                city=city,
                since=since,
                province=maybe(st.just(province)),
                from_metropolis=flag(),
                transferred_employee=flag(),
            )
        )
    return Person(
        national_id="0499370899",
        first_name="علی",
        last_name="کریمی",
        birth_date=maybe(st.just(born)),
        gender=maybe(st.sampled_from(list(Gender))),
        marital_status=maybe(st.sampled_from(list(MaritalStatus))),
        head_of_household=flag(),
        child_custody=flag(),
        disabled=flag(),
        residences=maybe(st.just(tuple(homes))),
        owned_properties=maybe(st.lists(_properties(known), max_size=2).map(tuple)),
        benefits=maybe(st.sampled_from(((), (), (Benefit(kind="land", date="1390/01/01"),)))),
        form_j=draw(st.none() | st.builds(FormJStatus, color=st.sampled_from(("green", "red")))),
        spouse_housing=maybe(
            st.builds(
                HousingHistory,
                owned_properties=st.lists(_properties(known), max_size=1).map(tuple),
                benefits=st.just(()),
            )
        ),
    )


@st.composite
def _properties(draw: st.DrawFn, known: bool) -> OwnedProperty:
    acquired = draw(_days if known else st.none() | _days)
    disposed = draw(st.none() | _days)
    if acquired is not None and disposed is not None and disposed < acquired:
        acquired, disposed = disposed, acquired
    return OwnedProperty(kind="unit", acquired=acquired, disposed=disposed)


_CHOICES = st.sampled_from(["in_force", "not_in_force", "undecided"]) | st.dates(
    min_value=jdate(1400, 7, 27), max_value=jdate(1405, 1, 1)
)
_ON = st.dates(min_value=jdate(1400, 7, 27), max_value=jdate(1405, 12, 29))


@settings(max_examples=300)
@given(st.lists(_people(), max_size=5), _CHOICES, _CHOICES, _ON)
def test_evaluate_many_equals_evaluate(
    people: list[Person], lookback: object, easing: object, on: datetime.date
) -> None:
    program = nhm.PROGRAM.with_values(five_year_lookback=lookback, residence_easing=easing)
    many = program.evaluate_many(people, on=on, city=ISFAHAN)
    assert many == [program.evaluate(p, on=on, city=ISFAHAN) for p in people]


@settings(max_examples=1000)
@given(_people(), _CHOICES, _CHOICES, _ON, st.sampled_from([city for city, _ in _CITIES]))
def test_decisions_are_consistent(
    subject: Person, lookback: object, easing: object, on: datetime.date, city: str
) -> None:
    program = nhm.PROGRAM.with_values(five_year_lookback=lookback, residence_easing=easing)
    decision = program.evaluate(subject, on=on, city=city)
    if decision.verdict is Verdict.ELIGIBLE:
        assert all(finding.outcome is Outcome.PASSED for finding in decision.findings)
    if decision.eligible_from is not None and decision.eligible_from > on:
        assert program.evaluate(subject, on=decision.eligible_from, city=city).eligible
        day_before = decision.eligible_from - datetime.timedelta(days=1)
        assert not program.evaluate(subject, on=day_before, city=city).eligible


def test_reuses_the_without_housing_rules() -> None:
    assert nhm.PROGRAM.rules[1] is wh.WITHOUT_HOUSING
    born = add_years(ON, -30)
    subject = attrs.evolve(single("male", born), spouse_housing=None)
    assert PROGRAM.evaluate(subject, on=ON, city=ISFAHAN).eligible
