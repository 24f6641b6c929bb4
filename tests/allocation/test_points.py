"""maskan.allocation points: the formula, the breakdown, the ranking order and its errors."""

from __future__ import annotations

import copy
from decimal import Decimal

import attrs
import pytest
from allocation_data import POOL, members
from hypothesis import given, settings
from hypothesis import strategies as st

from maskan.allocation import (
    AllocationError,
    ExtraPoints,
    Part,
    PartScore,
    PointsFormula,
    Ranking,
    rank,
    verify,
)
from maskan.calendar import jdate
from maskan.errors import InvalidNumber, InvalidText
from maskan.models._coop_examples import FOUNDER_IDS, example_cooperative, example_person
from maskan.models.cooperative import Membership
from maskan.models.ledger import Contribution, Ledger
from maskan.models.person import Person

ON = jdate(1404, 9, 4)
COOP = "14011517510"


def person(national_id: str, **facts: object) -> Person:
    return Person(national_id=national_id, first_name="عضو", last_name="نمونه", **facts)


# The formula ----------------------------------------------------------------------------


def test_a_formula_needs_a_weight() -> None:
    with pytest.raises(AllocationError) as caught:
        PointsFormula(source="مصوبه")
    assert caught.value.code == "empty_formula"
    assert caught.value.message_fa


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (10, Decimal(10)),
        ("۲٫۵", Decimal("2.5")),
        ("0.000000001", Decimal("1E-9")),
        (0.1, Decimal("0.1")),
        (Decimal("-3"), Decimal("-3")),
        (0, Decimal(0)),
    ],
)
def test_weights_are_exact(given: object, expected: Decimal) -> None:
    assert PointsFormula(dependants=given).dependants == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("given", "code"),
    [("ده", "format"), (True, "type"), (float("nan"), "not_finite"), ("1e99", "out_of_range")],
)
def test_bad_weights_are_refused(given: object, code: str) -> None:
    with pytest.raises(InvalidNumber) as caught:
        PointsFormula(veteran=given)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert caught.value.field == "veteran"


def test_formula_explains_itself_in_both_languages() -> None:
    formula = PointsFormula(contributions="0.000000001", martyr_family=30, source="مصوبهٔ ۱۲")
    assert formula.parts == (Part.CONTRIBUTIONS, Part.MARTYR_FAMILY)
    assert formula.explain("en") == (
        "points = 0.000000001 × contributions × days (rial-days) + 30 × martyr's family"
        " (source: مصوبهٔ ۱۲)"
    )
    assert formula.explain("fa").startswith("امتیاز = ۰٫۰۰۰۰۰۰۰۰۱ × آورده × روز")


# Raw values of each part -----------------------------------------------------------------


def test_every_part_reads_its_fact() -> None:
    coop = example_cooperative()  # founded 1403/07/01 by FOUNDER_IDS
    ali, sara = FOUNDER_IDS[0], FOUNDER_IDS[1]
    ledger = (
        Ledger(cooperative_id=COOP)
        .record(Contribution(member_id=ali, date="1404/01/01", kind="deposit", amount=1000))
        .record(Contribution(member_id=ali, date="1404/09/04", kind="deposit", amount=7000))
    )
    people = [
        person(ali, dependants=2, veteran_status="veteran"),
        person(sara, dependants=0, veteran_status="martyr_family"),
    ]
    formula = PointsFormula(
        contributions="0.001",
        seniority_years=10,
        seniority_days="0.01",
        dependants=5,
        veteran=20,
        martyr_family=30,
    )
    ranking = rank(
        coop, formula=formula, on=ON, people=people, ledger=ledger, candidates=[ali, sara]
    )
    raw = {
        standing.national_id: {score.part: score.raw for score in standing.breakdown}
        for standing in ranking.standings
    }
    days = (ON - jdate(1403, 7, 1)).days
    assert raw[ali] == {
        Part.CONTRIBUTIONS: Decimal(ledger.amount_days(ali, on=ON)),
        Part.SENIORITY_YEARS: 1,
        Part.SENIORITY_DAYS: days,
        Part.DEPENDANTS: 2,
        Part.VETERAN: 1,
        Part.MARTYR_FAMILY: 0,
    }
    assert raw[sara][Part.CONTRIBUTIONS] == 0
    assert raw[sara][Part.VETERAN] == 0
    assert raw[sara][Part.MARTYR_FAMILY] == 1
    assert ledger.amount_days(ali, on=ON) == 1000 * (ON - jdate(1404, 1, 1)).days


def test_seniority_counts_from_the_seniority_date() -> None:
    # a successor keeps the departing member's seniority (DOMAIN.md §5.2)
    successor = Membership(
        national_id=POOL[0], shares=1, joined_on="1404/01/01", seniority_from="1400/01/01"
    )
    ranking = rank([successor], formula=PointsFormula(seniority_years=1), on=ON)
    assert ranking.standings[0].points == 4
    assert ranking.standings[0].seniority_from == jdate(1400, 1, 1)


def test_full_years_are_jalali_anniversaries() -> None:
    member = members("1403/09/05")
    formula = PointsFormula(seniority_years=1)
    assert rank(member, formula=formula, on="1404/09/04").standings[0].points == 0
    assert rank(member, formula=formula, on="1404/09/05").standings[0].points == 1


def test_extra_points_one_line_each_with_its_reason() -> None:
    group = members("1403/01/01", "1403/01/01")
    ranking = rank(
        group,
        formula=PointsFormula(extra=2),
        on=ON,
        extra={
            POOL[0]: [ExtraPoints(points=3, reason="عضو مؤسس"), (Decimal("1.5"), "حضور در مجمع")],
            POOL[1]: (-1, "تأخیر در پرداخت"),
        },
    )
    first, second = ranking.standings
    assert first.national_id == POOL[0]
    assert [(s.raw, s.points, s.note) for s in first.breakdown] == [
        (3, 6, "عضو مؤسس"),
        (Decimal("1.5"), 3, "حضور در مجمع"),
    ]
    assert first.points == 9
    assert second.points == -2
    assert ranking.to_dicts()[0]["extra_raw"] == Decimal("4.5")
    assert ranking.to_dicts()[0]["extra_reasons"] == "عضو مؤسس؛ حضور در مجمع"
    assert verify(ranking)


def test_a_member_without_extra_points_gets_a_zero_line() -> None:
    ranking = rank(members("1403/01/01"), formula=PointsFormula(extra=1), on=ON)
    assert [(s.part, s.raw, s.note) for s in ranking.standings[0].breakdown] == [
        (Part.EXTRA, 0, None)
    ]


# The order ------------------------------------------------------------------------------


def test_ties_break_by_seniority_then_national_id() -> None:
    # equal points (no part separates them), then seniority date, then national ID
    group = [
        Membership(national_id=POOL[3], shares=1, joined_on="1402/01/01"),
        Membership(national_id=POOL[1], shares=1, joined_on="1403/01/01"),
        Membership(national_id=POOL[0], shares=1, joined_on="1403/01/01"),
        Membership(national_id=POOL[2], shares=1, joined_on="1401/06/01"),
    ]
    formula = PointsFormula(veteran=1)
    people = [person(m.national_id, veteran_status="none") for m in group]
    ranking = rank(group, formula=formula, on=ON, people=people)
    assert ranking.national_ids == (POOL[2], POOL[3], POOL[0], POOL[1])
    assert [s.position for s in ranking.standings] == [1, 2, 3, 4]
    assert ranking.groups() == ((POOL[2], POOL[3], POOL[0], POOL[1]),)
    assert rank(list(reversed(group)), formula=formula, on=ON, people=people) == ranking


def test_more_points_come_first() -> None:
    group = members("1403/01/01", "1403/01/01", "1403/01/01")
    people = [person(POOL[i], dependants=d) for i, d in enumerate([1, 4, 2])]
    ranking = rank(group, formula=PointsFormula(dependants=1), on=ON, people=people)
    assert ranking.national_ids == (POOL[1], POOL[2], POOL[0])
    assert ranking.groups() == ((POOL[1],), (POOL[2],), (POOL[0],))
    assert ranking.of(POOL[2]).position == 2


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 12), st.sampled_from(["none", "veteran", "martyr_family"])),
        min_size=1,
        max_size=12,
    ),
    st.lists(st.decimals(-100, 100, places=3, allow_nan=False), min_size=4, max_size=4),
    st.lists(st.sampled_from(["1398/01/01", "1400/06/31", "1403/12/30"]), min_size=12),
)
def test_breakdowns_add_up_and_the_order_holds(
    facts: list[tuple[int, str]], weights: list[Decimal], joined: list[str]
) -> None:
    group = members(*joined[: len(facts)])
    people = [
        person(POOL[i], dependants=dependants, veteran_status=status)
        for i, (dependants, status) in enumerate(facts)
    ]
    formula = PointsFormula(
        seniority_days=weights[0],
        dependants=weights[1],
        veteran=weights[2],
        martyr_family=weights[3],
    )
    ranking = rank(group, formula=formula, on=ON, people=people)
    assert verify(ranking)
    for standing in ranking.standings:
        assert standing.points == sum(score.points for score in standing.breakdown)
        for score in standing.breakdown:
            assert score.points == score.raw * score.weight
            assert score.weight == formula.weight(score.part)
    keys = [(-s.points, s.seniority_from, s.national_id) for s in ranking.standings]
    assert keys == sorted(keys)


# Checking a ranking ---------------------------------------------------------------------


def tampered_rankings(ranking: Ranking) -> list[Ranking]:
    first, second = ranking.standings[:2]
    line = first.breakdown[0]
    return [
        attrs.evolve(ranking, standings=(attrs.evolve(first, points=first.points + 1), second)),
        attrs.evolve(ranking, standings=(second, first)),
        attrs.evolve(
            ranking,
            standings=(
                attrs.evolve(first, breakdown=(attrs.evolve(line, points=line.points + 1),)),
                second,
            ),
        ),
        attrs.evolve(
            ranking,
            standings=(
                attrs.evolve(first, breakdown=(attrs.evolve(line, weight=line.weight + 1),)),
                second,
            ),
        ),
        attrs.evolve(ranking, standings=(attrs.evolve(first, position=2), second)),
        attrs.evolve(
            ranking, standings=(first, attrs.evolve(second, national_id=first.national_id))
        ),
        attrs.evolve(ranking, formula=PointsFormula(dependants=2)),
        attrs.evolve(
            ranking,
            standings=(
                attrs.evolve(
                    first,
                    breakdown=(
                        *first.breakdown,
                        PartScore(part="veteran", raw=0, weight=1, points=0),
                    ),
                ),
                second,
            ),
        ),
    ]


def test_verify_a_ranking() -> None:
    group = members("1403/01/01", "1403/01/01")
    people = [person(POOL[0], dependants=3), person(POOL[1], dependants=1)]
    ranking = rank(group, formula=PointsFormula(dependants=5), on=ON, people=people)
    assert verify(ranking)
    for tampered in tampered_rankings(ranking):
        assert not verify(tampered), tampered


# Errors ---------------------------------------------------------------------------------


def refused(code: str, **overrides: object) -> AllocationError:
    """``rank`` with overrides must raise ``code`` and leave the inputs as they were."""
    arguments: dict[str, object] = {
        "members": members("1403/01/01", "1403/02/01"),
        "formula": PointsFormula(dependants=1),
        "on": ON,
        "people": [person(POOL[0], dependants=1), person(POOL[1], dependants=2)],
    }
    arguments.update(overrides)
    before = copy.deepcopy(arguments)
    member_list = arguments.pop("members")
    with pytest.raises(AllocationError) as caught:
        rank(member_list, **arguments)  # type: ignore[arg-type]
    arguments["members"] = member_list
    assert caught.value.code == code, caught.value
    assert caught.value.message_fa
    assert str(caught.value).startswith(f"{caught.value.field}: ")
    assert arguments == before
    return caught.value


def test_not_a_member() -> None:
    refused("not_a_member", candidates=[POOL[5]])
    # a member who joined after the day is not a member on the day
    refused("not_a_member", candidates=[POOL[1]], on="1403/01/15")


def test_withdrawn_members_are_not_ranked_by_default() -> None:
    group = [
        *members("1403/01/01"),
        Membership(
            national_id=POOL[1],
            shares=1,
            joined_on="1403/01/01",
            status="withdrawn",
            left_on="1404/01/01",
        ),
    ]
    ranking = rank(group, formula=PointsFormula(seniority_days=1), on=ON)
    assert ranking.national_ids == (POOL[0],)
    refused(
        "not_a_member", members=group, formula=PointsFormula(seniority_days=1), candidates=[POOL[1]]
    )


def test_no_candidates() -> None:
    refused("no_candidates", on="1402/01/01")
    refused("no_candidates", candidates=[])


def test_member_twice() -> None:
    refused("member_twice", members=[*members("1403/01/01"), *members("1403/05/01")])
    refused("member_twice", candidates=[POOL[0], POOL[0]])
    refused(
        "member_twice",
        people=[person(POOL[0], dependants=1), person(POOL[0], dependants=2)],
    )


def test_unknown_facts_are_not_zero() -> None:
    refused("unknown_fact", people=[person(POOL[0], dependants=1)])
    refused("unknown_fact", people=[person(POOL[0], dependants=1), person(POOL[1])])
    error = refused(
        "unknown_fact",
        formula=PointsFormula(veteran=10),
        people=[person(POOL[0], veteran_status="none"), person(POOL[1])],
    )
    assert error.value == POOL[1]
    # a fact the formula does not weigh may stay unknown
    rank(members("1403/01/01"), formula=PointsFormula(seniority_days=1), on=ON)


def test_ledger_errors() -> None:
    refused("missing_ledger", formula=PointsFormula(contributions=1))
    coop = example_cooperative()
    with pytest.raises(AllocationError) as caught:
        rank(
            coop,
            formula=PointsFormula(contributions=1),
            on=ON,
            ledger=Ledger(cooperative_id="10380284790"),
        )
    assert caught.value.code == "wrong_ledger"


def test_extra_point_errors() -> None:
    refused("extra_not_in_formula", extra={POOL[0]: (1, "دلیل")})
    refused("unknown_member", formula=PointsFormula(extra=1), extra={POOL[9]: (1, "دلیل")})
    refused("type", formula=PointsFormula(extra=1), extra={POOL[0]: 5})
    refused("type", formula=PointsFormula(extra=1), extra=[(POOL[0], 5)])
    with pytest.raises(InvalidText):
        ExtraPoints(points=1, reason="  ")


def test_type_errors() -> None:
    refused("type", members="0499370899")
    refused("type", members=[example_person(POOL[0])])
    refused("type", formula={"dependants": 1})
    refused("type", people=[{"national_id": POOL[0]}])
    refused("type", formula=PointsFormula(contributions=1), ledger="ledger")


def test_ranking_of_unknown_member() -> None:
    ranking = rank(members("1403/01/01"), formula=PointsFormula(seniority_days=1), on=ON)
    with pytest.raises(AllocationError) as caught:
        ranking.of(POOL[1])
    assert caught.value.code == "unknown_member"


def test_explain_in_both_languages() -> None:
    group = members("1403/01/01")
    people = [person(POOL[0], dependants=2)]
    ranking = rank(group, formula=PointsFormula(dependants=5), on=ON, people=people)
    assert ranking.explain("en").splitlines() == [
        "Ranking on 1404/09/04 (2025-11-25); points = 5 × dependants",
        f"1. عضو نمونه ({POOL[0]}): 10 points",
        "   dependants: 2 × 5 = 10",
    ]
    persian = ranking.explain("fa")
    assert "۱۰ امتیاز" in persian
    assert "افراد تحت تکفل: ۲ × ۵ = ۱۰" in persian


def test_unknown_part() -> None:
    with pytest.raises(AllocationError) as caught:
        PartScore(part="education", raw=1, weight=1, points=1)
    assert caught.value.code == "unknown_part"
