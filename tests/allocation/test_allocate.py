"""maskan.allocation allocate / lottery / verify: methods, preferences, errors, tampering."""

from __future__ import annotations

import copy
from collections.abc import Callable
from decimal import Decimal

import attrs
import pytest
from allocation_data import POOL, members, units
from hypothesis import given, settings
from hypothesis import strategies as st

from maskan import serde
from maskan.allocation import (
    ALGORITHM,
    Allocation,
    AllocationError,
    Method,
    Outcome,
    PointsFormula,
    Preference,
    Turn,
    allocate,
    candidates_digest,
    draw_key,
    draw_order,
    lottery,
    rank,
    verify,
)
from maskan.calendar import jdate
from maskan.eligibility import programs
from maskan.errors import MaskanError
from maskan.models.person import Person
from maskan.models.project import HousingProject, Unit

ON = jdate(1404, 9, 4)
SEED = 482719


def ranking_of(*dependants: int, joined: str = "1403/01/01"):  # type: ignore[no-untyped-def]
    """A ranking of POOL[0..n) by dependants (1 point each)."""
    group = members(*[joined] * len(dependants))
    people = [
        Person(national_id=POOL[i], first_name="عضو", last_name=str(i), dependants=count)
        for i, count in enumerate(dependants)
    ]
    return rank(group, formula=PointsFormula(dependants=1), on=ON, people=people)


# Reproducibility and verification -------------------------------------------------------


def test_same_seed_same_result() -> None:
    first = lottery(POOL[:12], units(5), seed=SEED, on=ON)
    again = lottery(list(reversed(POOL[:12])), units(5), seed=str(SEED), on=ON)
    assert first == again
    assert first.method is Method.LOTTERY
    assert (first.seed, first.algorithm, first.on, first.winners) == (str(SEED), ALGORITHM, ON, 5)


def test_different_seed_different_order() -> None:
    first = lottery(POOL[:12], units(5), seed=SEED, on=ON)
    second = lottery(POOL[:12], units(5), seed=SEED + 1, on=ON)
    assert first.candidates != second.candidates
    assert sorted(first.candidates) == sorted(second.candidates)


def test_lottery_follows_the_draw_order() -> None:
    result = lottery(POOL[:12], units(5), seed=SEED, on=ON)
    drawn = draw_order(POOL[:12], seed=SEED)
    assert result.candidates == tuple(draw.national_id for draw in drawn)
    assert [turn.draw_key for turn in result.turns] == [draw.key for draw in drawn]
    assert [turn.unit for turn in result.assignments] == [("", str(n)) for n in range(1, 6)]
    assert [turn.outcome for turn in result.turns[5:]] == [Outcome.NOT_REACHED] * 7
    assert result.candidates_digest == candidates_digest(POOL[:12])


def tampered_allocations(result: Allocation) -> dict[str, Allocation]:
    turns = list(result.turns)
    first, second = turns[0], turns[1]
    swapped = [attrs.evolve(first, unit=second.unit), attrs.evolve(second, unit=first.unit)]
    return {
        "swapped units": attrs.evolve(result, turns=(*swapped, *turns[2:])),
        "swapped order": attrs.evolve(
            result,
            turns=(
                attrs.evolve(second, position=1, unit=first.unit),
                attrs.evolve(first, position=2, unit=second.unit),
                *turns[2:],
            ),
        ),
        "other seed": attrs.evolve(result, seed=str(SEED + 1)),
        "seed with a space": attrs.evolve(result, seed=f"{SEED} "),
        "no seed": attrs.evolve(result, seed=None),
        "other key": attrs.evolve(
            result, turns=(attrs.evolve(first, draw_key="0" * 64), *turns[1:])
        ),
        "dropped turn": attrs.evolve(result, turns=tuple(turns[1:])),
        "dropped unit": attrs.evolve(result, units=result.units[:-1]),
        "fewer winners": attrs.evolve(result, winners=result.winners - 1),
        "zero winners": attrs.evolve(result, winners=0),
        "other algorithm": attrs.evolve(result, algorithm="maskan-lottery-v0"),
        "other method": attrs.evolve(result, method=Method.RANK),
        "not reached given a unit": attrs.evolve(
            result,
            turns=(*turns[:-1], attrs.evolve(turns[-1], outcome=Outcome.ASSIGNED, unit=("", "9"))),
        ),
        "a preference added": attrs.evolve(
            result, preferences=(Preference(national_id=first.national_id, units=[("", "5")]),)
        ),
    }


def test_verify_a_genuine_lottery_and_refuse_tampered_ones() -> None:
    result = lottery(POOL[:12], units(5), seed=SEED, on=ON)
    assert verify(result)
    for what, tampered in tampered_allocations(result).items():
        assert tampered != result, what
        assert not verify(tampered), what


def test_verify_a_ranked_allocation() -> None:
    ranking = ranking_of(3, 1, 2, 2)
    result = allocate(units(3), method="rank", ranking=ranking, on=ON)
    assert verify(result)
    standing = ranking.standings[0]
    inflated = attrs.evolve(
        ranking,
        standings=(attrs.evolve(standing, points=standing.points + 5), *ranking.standings[1:]),
    )
    assert not verify(attrs.evolve(result, ranking=inflated))
    other = ranking_of(1, 3, 2, 2)
    assert not verify(attrs.evolve(result, ranking=other))


def test_published_json_verifies() -> None:
    ranking = ranking_of(3, 1, 2, 2, 2)
    project = HousingProject(
        code="ISF-1404-01",
        name="بهار",
        cooperative_id="14011517510",
        province="اصفهان",
        units=[Unit(number="۱", block="الف", floor=1, floor_area_m2="85.5"), *units(3, "B")],
    )
    result = allocate(
        project,
        method="rank_then_lottery",
        ranking=ranking,
        seed="۴۸۲۷۱۹",
        on=ON,
        preferences=[Preference(national_id=POOL[0], blocks=["B"], min_area_m2=None)],
    )
    for dates in ("iso", "jalali"):
        text = serde.to_json(result, dates=dates)
        back = serde.from_json(Allocation, text)
        assert back == result
        assert verify(back)
    assert (result.project, result.cooperative_id) == ("ISF-1404-01", "14011517510")


def test_verify_refuses_other_types() -> None:
    with pytest.raises(AllocationError) as caught:
        verify("result")  # type: ignore[arg-type]
    assert caught.value.code == "type"


# Methods --------------------------------------------------------------------------------


def test_rank_follows_the_ranking() -> None:
    ranking = ranking_of(1, 3, 2)
    result = allocate(units(2), method="rank", ranking=ranking, on=ON)
    assert [(t.national_id, t.unit, t.rank, t.points) for t in result.turns] == [
        (POOL[1], ("", "1"), 1, 3),
        (POOL[2], ("", "2"), 2, 2),
        (POOL[0], None, 3, 1),
    ]
    assert result.seed is None
    assert result.algorithm is None
    assert result.turns[0].reason("en") == "rank 1 (3 points)"


def test_rank_among_some_candidates_only() -> None:
    ranking = ranking_of(1, 3, 2)
    result = allocate(
        units(2), method="rank", ranking=ranking, candidates=[POOL[0], POOL[2]], on=ON
    )
    assert [(t.national_id, t.rank) for t in result.turns] == [(POOL[2], 2), (POOL[0], 3)]
    assert verify(result)


def test_rank_then_lottery_draws_within_equal_points() -> None:
    ranking = ranking_of(2, 5, 2, 2, 5, 1)
    result = allocate(units(6), method="rank_then_lottery", ranking=ranking, seed=SEED, on=ON)
    groups = [(t.group, t.points) for t in result.turns]
    assert groups == [(1, 5), (1, 5), (2, 2), (2, 2), (2, 2), (3, 1)]
    for group in (1, 2, 3):
        keys = [t.draw_key for t in result.turns if t.group == group]
        assert keys == sorted(keys)
    for turn in result.turns:
        assert turn.draw_key == draw_key(SEED, turn.national_id)
        assert turn.rank is None
    assert {t.national_id for t in result.turns if t.group == 1} == {POOL[1], POOL[4]}
    assert verify(result)


def test_rank_then_lottery_with_the_callers_groups() -> None:
    groups = [[POOL[5], POOL[6]], [POOL[1], POOL[2], POOL[3]]]
    result = allocate(units(4), method="rank_then_lottery", groups=groups, seed=SEED, on=ON)
    assert [t.group for t in result.turns] == [1, 1, 2, 2, 2]
    assert set(result.candidates[:2]) == {POOL[5], POOL[6]}
    assert result.groups == ((POOL[5], POOL[6]), (POOL[1], POOL[2], POOL[3]))
    assert result.turns[0].reason("en").startswith("group 1, draw key ")
    assert verify(result)
    assert not verify(attrs.evolve(result, groups=(result.groups[1], result.groups[0])))


def test_fewer_winners_than_units() -> None:
    result = lottery(POOL[:6], units(5), seed=SEED, on=ON, winners=2)
    assert len(result.assignments) == 2
    assert [t.outcome for t in result.turns[2:]] == [Outcome.NOT_REACHED] * 4
    assert verify(result)


def test_more_units_than_candidates() -> None:
    result = lottery(POOL[:2], units(5), seed=SEED, on=ON)
    assert result.winners == 2
    assert [t.unit for t in result.turns] == [("", "1"), ("", "2")]


# Preferences ----------------------------------------------------------------------------


def test_preferences_are_honoured_in_order() -> None:
    offered = [
        Unit(number="1", block="A", floor=1, floor_area_m2=70),
        Unit(number="2", block="A", floor=5, floor_area_m2=110),
        Unit(number="3", block="B", floor=2, floor_area_m2=90),
        Unit(number="4", block="B", floor=3, floor_area_m2=95),
        Unit(number="5", block="C", floor=None, floor_area_m2=100),
    ]
    ranking = ranking_of(5, 4, 3, 2, 1)
    wishes = [
        Preference(national_id=POOL[0], blocks=["B", "A"]),  # B first → B3
        Preference(national_id=POOL[1], units=[("B", "3"), ("A", "۲")]),  # B3 gone → A2
        Preference(national_id=POOL[2], min_area_m2=92, max_floor=4),  # → B4
        Preference(national_id=POOL[3], min_floor=0, max_floor=10, blocks=["C"]),  # C5 floor ?
    ]
    result = allocate(offered, method="rank", ranking=ranking, on=ON, preferences=wishes)
    got = {t.national_id: (t.unit, t.outcome) for t in result.turns}
    assert got[POOL[0]] == (("B", "3"), Outcome.ASSIGNED)
    assert got[POOL[1]] == (("A", "2"), Outcome.ASSIGNED)
    assert got[POOL[2]] == (("B", "4"), Outcome.ASSIGNED)
    assert got[POOL[3]] == (None, Outcome.NO_ACCEPTABLE_UNIT)
    assert got[POOL[4]] == (("A", "1"), Outcome.ASSIGNED)  # no preference: first free unit
    assert verify(result)
    for turn in result.assignments:
        wish = next((w for w in wishes if w.national_id == turn.national_id), None)
        unit = result.unit_of(turn.national_id)
        assert unit is not None
        assert wish is None or wish.accepts(unit)


def test_preferences_of_non_candidates_are_left_out() -> None:
    result = lottery(
        POOL[:3],
        units(3),
        seed=SEED,
        on=ON,
        preferences=[Preference(national_id=POOL[9], units=[("", "77")])],
    )
    assert result.preferences == ()


def test_bad_preferences() -> None:
    with pytest.raises(AllocationError) as caught:
        Preference(national_id=POOL[0], min_floor=3, max_floor=1)
    assert caught.value.code == "bad_range"
    with pytest.raises(AllocationError) as caught:
        Preference(national_id=POOL[0], min_area_m2=90, max_area_m2="80")
    assert caught.value.code == "bad_range"
    with pytest.raises(AllocationError) as caught:
        Preference(national_id=POOL[0], units=[("A", "1"), ("A", "۱")])
    assert caught.value.code == "unit_twice"
    with pytest.raises(AllocationError) as caught:
        Preference(national_id=POOL[0], blocks=["A", "A"])
    assert caught.value.code == "bad_range"
    with pytest.raises(MaskanError):
        Preference(national_id=POOL[0], units=["A1"])


# Errors ---------------------------------------------------------------------------------


def refused(code: str, call: Callable[..., Allocation], *args: object, **kwargs: object) -> None:
    """``call`` must raise ``code``, with a Persian message, leaving its inputs unchanged."""
    before = copy.deepcopy((args, kwargs))
    with pytest.raises(AllocationError) as caught:
        call(*args, **kwargs)
    assert caught.value.code == code, caught.value
    assert caught.value.message_fa
    assert str(caught.value).startswith(f"{caught.value.field}: ")
    assert (args, kwargs) == before


def test_no_units_no_candidates() -> None:
    refused("no_units", lottery, POOL[:3], [], seed=SEED, on=ON)
    refused("no_candidates", lottery, [], units(2), seed=SEED, on=ON)
    refused("no_candidates", allocate, units(2), method="lottery", seed=SEED, on=ON)


def test_twice() -> None:
    refused("member_twice", lottery, [POOL[0], POOL[1], POOL[0]], units(2), seed=SEED, on=ON)
    refused("unit_twice", lottery, POOL[:2], [*units(2), Unit(number="۲")], seed=SEED, on=ON)
    refused(
        "member_twice",
        lottery,
        POOL[:2],
        units(2),
        seed=SEED,
        on=ON,
        preferences=[Preference(national_id=POOL[0]), Preference(national_id=POOL[0])],
    )
    refused(
        "member_twice",
        allocate,
        units(2),
        method="rank_then_lottery",
        groups=[[POOL[0]], [POOL[1], POOL[0]]],
        seed=SEED,
        on=ON,
    )


def test_winners() -> None:
    refused("more_winners_than_units", lottery, POOL[:5], units(2), seed=SEED, on=ON, winners=3)
    refused(
        "more_winners_than_candidates", lottery, POOL[:2], units(5), seed=SEED, on=ON, winners=3
    )
    with pytest.raises(MaskanError):
        lottery(POOL[:2], units(5), seed=SEED, on=ON, winners=0)


def test_already_allocated() -> None:
    earlier = lottery(POOL[:2], units(2), seed=SEED, on=ON)
    refused(
        "member_already_allocated",
        lottery,
        [POOL[0], POOL[5]],
        [Unit(number="9")],
        seed=SEED,
        on=ON,
        previous=[earlier],
    )
    refused(
        "unit_already_allocated",
        lottery,
        POOL[5:7],
        [Unit(number="1"), Unit(number="9")],
        seed=SEED,
        on=ON,
        previous=[earlier],
    )
    # another project's unit 1 is another unit
    project = HousingProject(
        code="P-2", name="دوم", cooperative_id="14011517510", province="اصفهان", units=units(2)
    )
    first = lottery(POOL[:2], project, seed=SEED, on=ON)
    other = attrs.evolve(project, code="P-3")
    assert lottery(POOL[5:7], other, seed=SEED, on=ON, previous=[first]).winners == 2
    refused(
        "unit_already_allocated", lottery, POOL[5:7], project, seed=SEED, on=ON, previous=[first]
    )
    refused("type", lottery, POOL[5:7], project, seed=SEED, on=ON, previous=["x"])


def test_ineligible_member() -> None:
    family_land = programs.get("family_land")
    eligible = family_land.evaluate(
        Person(
            national_id=POOL[0],
            first_name="زهرا",
            last_name="رضایی",
            children_birth_dates=["1394/03/01", "1397/06/10", "1401/02/15"],
        ),
        on=ON,
    )
    ineligible = family_land.evaluate(
        Person(national_id=POOL[1], first_name="مهدی", last_name="رحیمی", children_birth_dates=()),
        on=ON,
    )
    assert eligible.eligible
    assert not ineligible.eligible
    decisions = {POOL[0]: eligible, POOL[1]: ineligible, POOL[2]: True}
    assert lottery([POOL[0], POOL[2]], units(2), seed=SEED, on=ON, decisions=decisions).winners == 2
    refused("ineligible_member", lottery, POOL[:3], units(2), seed=SEED, on=ON, decisions=decisions)
    refused(
        "ineligible_member",
        lottery,
        [POOL[0], POOL[3]],
        units(2),
        seed=SEED,
        on=ON,
        decisions=decisions,
    )
    refused(
        "ineligible_member",
        lottery,
        [POOL[0]],
        units(2),
        seed=SEED,
        on=ON,
        decisions={POOL[0]: False},
    )
    refused("type", lottery, [POOL[0]], units(2), seed=SEED, on=ON, decisions=[POOL[0]])


def test_unknown_unit() -> None:
    refused(
        "unknown_unit",
        lottery,
        POOL[:2],
        units(2),
        seed=SEED,
        on=ON,
        preferences=[Preference(national_id=POOL[0], units=[("", "3")])],
    )
    refused(
        "unknown_unit",
        lottery,
        POOL[:2],
        units(2),
        seed=SEED,
        on=ON,
        preferences=[Preference(national_id=POOL[0], blocks=["A"])],
    )


def test_unknown_member_in_the_ranking() -> None:
    ranking = ranking_of(1, 2)
    refused(
        "unknown_member",
        allocate,
        units(2),
        method="rank",
        ranking=ranking,
        on=ON,
        candidates=[POOL[0], POOL[7]],
    )


def test_arguments_of_each_method() -> None:
    ranking = ranking_of(1, 2)
    refused("missing_seed", allocate, units(2), method="lottery", candidates=POOL[:2], on=ON)
    refused("missing_seed", allocate, units(2), method="rank_then_lottery", ranking=ranking, on=ON)
    refused("missing_ranking", allocate, units(2), method="rank", on=ON)
    refused("missing_ranking", allocate, units(2), method="rank_then_lottery", seed=SEED, on=ON)
    refused("unused_argument", allocate, units(2), method="rank", ranking=ranking, seed=1, on=ON)
    refused(
        "unused_argument",
        allocate,
        units(2),
        method="lottery",
        ranking=ranking,
        seed=1,
        candidates=POOL[:2],
        on=ON,
    )
    refused(
        "unused_argument",
        allocate,
        units(2),
        method="lottery",
        groups=[POOL[:2]],
        seed=1,
        candidates=POOL[:2],
        on=ON,
    )
    refused(
        "unused_argument",
        allocate,
        units(2),
        method="rank_then_lottery",
        ranking=ranking,
        groups=[POOL[:2]],
        seed=1,
        on=ON,
    )
    refused(
        "unused_argument",
        allocate,
        units(2),
        method="rank_then_lottery",
        groups=[POOL[:2]],
        candidates=POOL[:2],
        seed=1,
        on=ON,
    )
    refused(
        "empty_group", allocate, units(2), method="rank_then_lottery", groups=[[]], seed=1, on=ON
    )
    refused("unknown_method", allocate, units(2), method="auction", candidates=POOL[:2], on=ON)
    refused("bad_seed", lottery, POOL[:2], units(2), seed="", on=ON)
    refused("type", lottery, POOL[:2], "units", seed=1, on=ON)
    refused("type", lottery, POOL[:2], [1, 2], seed=1, on=ON)
    refused("type", lottery, POOL[:2], units(2), seed=1, on=ON, preferences="x")
    refused("type", allocate, units(2), method="rank", ranking="ranking", on=ON)


def test_inconsistent_ranking() -> None:
    ranking = ranking_of(1, 2)
    wrong = attrs.evolve(ranking, standings=tuple(reversed(ranking.standings)))
    refused("inconsistent_ranking", allocate, units(2), method="rank", ranking=wrong, on=ON)


def test_turn_fields_are_checked() -> None:
    turn = Turn(position=1, national_id=POOL[0], outcome="assigned", unit=["A", "۱"])
    assert turn.unit == ("A", "1")
    with pytest.raises(ValueError, match="not_a_thing"):
        Turn(position=1, national_id=POOL[0], outcome="not_a_thing")


def test_explain_in_both_languages() -> None:
    ranking = ranking_of(2, 1)
    result = allocate([Unit(number="12", block="الف")], method="rank", ranking=ranking, on=ON)
    english = result.explain("en").splitlines()
    assert english[0] == "by rank on 1404/09/04 (2025-11-25); 2 candidates, 1 unit, 1 winner"
    assert english[1] == f"1. عضو 0 ({POOL[0]}) → block الف, unit 12 (rank 1 (2 points))"
    assert english[2].startswith(f"2. عضو 1 ({POOL[1]}): not reached")
    persian = result.explain("fa").splitlines()
    assert persian[0].startswith("بر اساس رتبه در ۴ آذر ۱۴۰۴")
    assert "بلوک الف، واحد ۱۲" in persian[1]
    assert "نوبت نرسید" in persian[2]
    rows = result.to_dicts()
    assert rows[0]["block"] == "الف"
    assert rows[0]["points"] == Decimal(2)
    assert rows[1]["outcome"] == "not_reached"


# The property: one unit per member, one member per unit ----------------------------------


@st.composite
def requests(draw: st.DrawFn) -> dict[str, object]:
    count = draw(st.integers(1, 15))
    blocks = draw(st.lists(st.sampled_from(["A", "B", "C"]), min_size=1, max_size=3, unique=True))
    offered = [
        Unit(
            number=str(number),
            block=draw(st.sampled_from(blocks)),
            floor=draw(st.none() | st.integers(0, 6)),
            floor_area_m2=draw(st.none() | st.integers(50, 150)),
        )
        for number in range(1, draw(st.integers(1, 12)) + 1)
    ]
    candidates = POOL[:count]
    used = sorted({unit.block or "" for unit in offered})
    wishes = []
    for national_id in draw(st.lists(st.sampled_from(candidates), unique=True)):
        low = draw(st.none() | st.integers(0, 6))
        wishes.append(
            Preference(
                national_id=national_id,
                blocks=draw(st.lists(st.sampled_from(used), unique=True, max_size=2)),
                min_floor=low,
                max_floor=None if low is None else low + draw(st.integers(0, 3)),
                units=[
                    unit.key
                    for unit in draw(st.lists(st.sampled_from(offered), unique=True, max_size=3))
                ],
            )
        )
    method = draw(st.sampled_from(list(Method)))
    request: dict[str, object] = {
        "method": method,
        "on": ON,
        "preferences": wishes,
        "winners": draw(st.none() | st.integers(1, min(len(offered), count))),
    }
    if method is not Method.RANK:
        request["seed"] = draw(st.integers(0, 10**9))
    if method is Method.LOTTERY:
        request["candidates"] = candidates
    elif draw(st.booleans()) or method is Method.RANK:
        request["ranking"] = ranking_of(
            *draw(st.lists(st.integers(0, 3), min_size=count, max_size=count))
        )
    else:
        cut = draw(st.integers(1, count))
        request["groups"] = [candidates[:cut], candidates[cut:]] if cut < count else [candidates]
    return {"units": offered, **request}


@settings(max_examples=150, deadline=None)
@given(requests())
def test_every_unit_and_every_member_at_most_once(request: dict[str, object]) -> None:
    offered = request.pop("units")
    result = allocate(offered, **request)  # type: ignore[arg-type]
    members_given = [turn.national_id for turn in result.assignments]
    units_given = [turn.unit for turn in result.assignments]
    assert len(set(members_given)) == len(members_given)
    assert len(set(units_given)) == len(units_given)
    assert len(set(result.candidates)) == len(result.candidates)
    assert set(units_given) <= {unit.key for unit in result.units}
    assert len(members_given) <= result.winners
    assert [turn.position for turn in result.turns] == list(range(1, len(result.turns) + 1))
    wishes = {wish.national_id: wish for wish in result.preferences}
    for turn in result.turns:
        unit = result.unit_of(turn.national_id)
        assert (unit is None) == (turn.outcome is not Outcome.ASSIGNED)
        if unit is not None and turn.national_id in wishes:
            assert wishes[turn.national_id].accepts(unit)
    assert verify(result)
