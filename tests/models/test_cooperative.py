"""maskan.models.cooperative: every invariant broken once, with its code, and the
original left as it was; properties of what the operations build."""

from __future__ import annotations

import copy
import datetime
import pickle
from collections.abc import Callable
from fractions import Fraction
from typing import Any, cast

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_cooperative import (
    boards,
    cooperative_events,
    cooperatives,
    memberships,
    national_ids,
    quorum_rules,
    statutes,
)

from maskan.calendar import add_years, jdate
from maskan.errors import (
    InvalidAmount,
    InvalidIdentifier,
    InvalidLegalId,
    InvalidNationalId,
    InvalidNumber,
    InvalidText,
    MaskanError,
    MembershipError,
    UnknownPlace,
)
from maskan.identifiers import national_id
from maskan.models._coop_examples import (
    FOUNDER_IDS,
    example_cooperative,
    example_founders,
    example_person,
    example_statute,
)
from maskan.models.cooperative import (
    MINIMUM_FOUNDERS,
    Assembly,
    Board,
    Cooperative,
    CooperativeEvent,
    CooperativeKind,
    EventKind,
    Membership,
    Memberships,
    MembershipStatus,
    QuorumRule,
    Statute,
    alternates_range,
)
from maskan.models.person import Person
from maskan.money import Rial

NEWCOMER = "1122334451"
OTHERS = ("2233445562", "3344556673")
GROUND = "عدم پرداخت اقساط"


def refused(
    code: str,
    original: object,
    operation: Callable[[], object],
    kind: type[MaskanError] = MembershipError,
) -> MaskanError:
    """Run an operation that must fail with ``code`` and leave ``original`` as it was."""
    before = copy.deepcopy(original)
    with pytest.raises(kind) as caught:
        operation()
    error = caught.value
    assert error.code == code, error
    assert error.message_fa
    assert str(error) == error.message
    assert original == before
    return error


def found(**changes: object) -> Cooperative:
    arguments: dict[str, object] = {
        "name": "تعاونی مسکن کارکنان نمونه",
        "kind": "staff_housing",
        "legal_id": "14011517510",
        "province": "اصفهان",
        "statute": example_statute(),
        "founders": example_founders(),
        "shares": 10,
        "on": jdate(1403, 7, 1),
    }
    arguments.update(changes)
    return Cooperative.found(**arguments)  # type: ignore[arg-type]


def valid_ids(count: int, start: int = 123_456_789) -> list[str]:
    """``count`` valid national IDs, none of them a founder's."""
    found: list[str] = []
    number = start
    while len(found) < count:
        candidate = f"{number:09d}" + national_id.calc_check_digit(f"{number:09d}")
        if national_id.is_valid(candidate) and candidate not in FOUNDER_IDS:
            found.append(candidate)
        number += 7
    return found


def grown(coop: Cooperative, count: int) -> Cooperative:
    """``coop`` with ``count`` more members on 1404/01/01, each with the minimum shares."""
    for number in valid_ids(count):
        coop = coop.admit(
            example_person(number), on="1404/01/01", shares=coop.statute.minimum_shares
        )
    return coop


def roomy(coop: Cooperative) -> Cooperative:
    """``coop`` under a statute that lets anyone hold the whole capital."""
    return attrs.evolve(coop, statute=attrs.evolve(coop.statute, max_capital_share=1))


# -- found ---------------------------------------------------------------------------------


def test_found_makes_the_founders_members() -> None:
    coop = found(registration_number="۶۰۲۲۲۳", county="نجف آباد", city="نجف‌آباد")
    assert coop.founded_on == jdate(1403, 7, 1)
    assert [m.national_id for m in coop.memberships] == list(FOUNDER_IDS)
    assert all(m.founder and m.is_active and m.shares == 10 for m in coop.memberships)
    assert coop.registration_number == "602223"
    assert coop.county is not None
    assert coop.county.name_en == "Najafabad"
    assert coop.kind is CooperativeKind.STAFF_HOUSING
    assert [event.kind for event in coop.history] == [EventKind.FOUNDED]
    assert coop.history[0].national_ids == FOUNDER_IDS
    assert coop.capital == Rial(7 * 10 * 5_000_000)
    assert coop.board is None


def test_found_takes_shares_per_founder() -> None:
    shares = {person.national_id: 10 + i for i, person in enumerate(example_founders())}
    coop = found(shares=shares)
    assert [m.shares for m in coop.memberships] == list(shares.values())


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"founders": example_founders()[:6]}, "too_few_founders"),
        (
            {"statute": attrs.evolve(example_statute(), minimum_members=8)},
            "too_few_founders",
        ),
        ({"founders": [*example_founders()[:6], example_founders()[0]]}, "duplicate_founder"),
        ({"shares": 9}, "below_minimum_shares"),
        (
            {"statute": attrs.evolve(example_statute(), max_capital_share=Fraction(1, 10))},
            "above_maximum_capital",
        ),
        ({"shares": dict.fromkeys(FOUNDER_IDS[:6], 10)}, "missing_shares"),
        ({"shares": {**dict.fromkeys(FOUNDER_IDS, 10), NEWCOMER: 10}}, "not_a_founder"),
        ({"founders": [*example_founders()[:6], "0684159414"]}, "type"),
        ({"founders": "0684159414"}, "type"),
        (
            {
                "founders": [
                    *example_founders()[:6],
                    Person(national_id="0684159414", first_name="a", last_name="b"),
                ]
            },
            "unknown_fact",
        ),
    ],
)
def test_found_refuses(changes: dict[str, object], code: str) -> None:
    with pytest.raises(MembershipError) as caught:
        found(**changes)
    assert caught.value.code == code


def test_minimum_founders_is_the_law() -> None:
    assert MINIMUM_FOUNDERS == 7
    assert found(founders=example_founders(), shares=10).active_count == 7


# -- admit ---------------------------------------------------------------------------------


def test_admit_returns_a_new_cooperative() -> None:
    coop = example_cooperative()
    bigger = coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=12)
    record = bigger.member(NEWCOMER)
    assert (record.shares, record.joined_on, record.founder) == (12, jdate(1404, 1, 20), False)
    assert record.seniority_from == record.joined_on
    assert bigger.history[-1] == CooperativeEvent(
        on=jdate(1404, 1, 20), kind="admitted", national_ids=[NEWCOMER], shares=12
    )
    assert bigger.total_shares == 82
    assert bigger.active_count == 8
    assert coop == example_cooperative()
    assert coop.active_count == 7
    assert len(coop.history) == 1


@pytest.mark.parametrize(
    ("person", "code", "field"),
    [
        (
            Person(national_id=NEWCOMER, first_name="a", last_name="b"),
            "unknown_fact",
            "nationality",
        ),
        (
            Person(national_id=NEWCOMER, first_name="a", last_name="b", nationality="iranian"),
            "unknown_fact",
            "legal_capacity",
        ),
        (
            Person(
                national_id=NEWCOMER,
                first_name="a",
                last_name="b",
                nationality="foreign",
                legal_capacity=True,
            ),
            "not_iranian",
            "nationality",
        ),
        (
            Person(
                national_id=NEWCOMER,
                first_name="a",
                last_name="b",
                nationality="iranian",
                legal_capacity=False,
            ),
            "legally_incapacitated",
            "legal_capacity",
        ),
        (example_person(FOUNDER_IDS[0]), "already_member", "person"),
        (NEWCOMER, "type", "person"),
    ],
)
def test_admit_refuses_the_person(person: object, code: str, field: str) -> None:
    coop = example_cooperative()
    error = refused(code, coop, lambda: coop.admit(person, on="1404/01/20", shares=10))  # type: ignore[arg-type]
    assert error.field == field


def test_unknown_fact_names_the_fact() -> None:
    coop = example_cooperative()
    person = Person(national_id=NEWCOMER, first_name="a", last_name="b", legal_capacity=True)
    error = refused("unknown_fact", coop, lambda: coop.admit(person, on="1404/01/20", shares=10))
    assert "nationality" in str(error)
    assert "unknown" in str(error)
    assert "تابعیت" in error.message_fa


def test_admit_refuses_too_few_shares() -> None:
    coop = example_cooperative()
    error = refused(
        "below_minimum_shares",
        coop,
        lambda: coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=9),
    )
    assert "9 shares" in str(error)
    assert "minimum is 10" in str(error)


def test_admit_refuses_more_than_the_capital_cap() -> None:
    coop = example_cooperative()  # 70 shares; cap 30 %
    refused(
        "above_maximum_capital",
        coop,
        lambda: coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=31),
    )
    # 30 of 100 is exactly 30 %: allowed.
    assert coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=30).total_shares == 100


@pytest.mark.parametrize(
    ("shares", "kind", "code"),
    [
        (0, InvalidNumber, "out_of_range"),
        (1.5, InvalidNumber, "type"),
        (True, InvalidNumber, "type"),
    ],
)
def test_admit_refuses_bad_share_counts(shares: Any, kind: type[MaskanError], code: str) -> None:
    coop = example_cooperative()
    refused(
        code,
        coop,
        lambda: coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=shares),
        kind,
    )


def test_admit_refuses_a_day_before_the_last_event() -> None:
    coop = example_cooperative().admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    error = refused(
        "out_of_order",
        coop,
        lambda: coop.admit(example_person(OTHERS[0]), on="1404/01/19", shares=10),
    )
    assert "1404/01/20" in str(error)
    assert coop.admit(example_person(OTHERS[0]), on="1404/01/20", shares=10).active_count == 9


def test_admit_refuses_a_day_before_founding() -> None:
    coop = example_cooperative()
    refused(
        "out_of_order",
        coop,
        lambda: coop.admit(example_person(NEWCOMER), on="1403/06/31", shares=10),
    )


def test_a_former_member_may_be_admitted_again() -> None:
    coop = example_cooperative().admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    left = coop.withdraw(NEWCOMER, on="1404/02/01")
    back = left.admit(example_person(NEWCOMER), on="1404/03/01", shares=11)
    record = back.member(NEWCOMER)
    assert record.is_active
    assert record.joined_on == jdate(1404, 3, 1)
    assert record.shares == 11
    assert [m.national_id for m in back.memberships][-1] == NEWCOMER
    assert len(back.memberships) == 8
    assert [e.kind.value for e in back.history] == ["founded", "admitted", "withdrawn", "admitted"]


# -- withdraw and expel --------------------------------------------------------------------


def test_withdraw() -> None:
    coop = example_cooperative().admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    after = coop.withdraw(NEWCOMER, on="1404/02/01")
    record = after.member(NEWCOMER)
    assert record.status is MembershipStatus.WITHDRAWN
    assert record.left_on == jdate(1404, 2, 1)
    assert after.active_count == 7
    assert after.total_shares == 70
    assert after.history[-1].kind is EventKind.WITHDRAWN
    assert coop.member(NEWCOMER).is_active


def test_withdraw_keeps_the_minimum_members() -> None:
    coop = example_cooperative()
    error = refused("too_few_members", coop, lambda: coop.withdraw(FOUNDER_IDS[0], on="1404/01/01"))
    assert "6 active members" in str(error)
    looser = attrs.evolve(coop, statute=attrs.evolve(coop.statute, minimum_members=6))
    assert looser.withdraw(FOUNDER_IDS[0], on="1404/01/01").active_count == 6


def test_withdraw_refuses_strangers_and_former_members() -> None:
    coop = example_cooperative().admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    refused("not_a_member", coop, lambda: coop.withdraw(OTHERS[0], on="1404/02/01"))
    left = coop.withdraw(NEWCOMER, on="1404/02/01")
    error = refused("not_active", left, lambda: left.withdraw(NEWCOMER, on="1404/02/02"))
    assert "withdrawn" in str(error)
    refused("out_of_order", coop, lambda: coop.withdraw(NEWCOMER, on="1404/01/19"))
    refused(
        "length",
        coop,
        lambda: coop.withdraw("123", on="1404/02/01"),
        InvalidNationalId,
    )


def test_expel_on_a_ground_of_the_statute() -> None:
    coop = example_cooperative().admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    # Arabic ي/ك in the ground: compared after normalization.
    after = coop.expel(NEWCOMER, on="1404/05/01", ground="عدم پرداخت اقساط".replace("ی", "ي"))
    assert after.member(NEWCOMER).status is MembershipStatus.EXPELLED
    assert after.history[-1].ground == GROUND
    error = refused(
        "unknown_ground", coop, lambda: coop.expel(NEWCOMER, on="1404/05/01", ground="بدقولی")
    )
    assert GROUND in str(error)


def test_expel_refuses() -> None:
    coop = example_cooperative()
    refused(
        "too_few_members", coop, lambda: coop.expel(FOUNDER_IDS[0], on="1404/05/01", ground=GROUND)
    )
    refused("not_a_member", coop, lambda: coop.expel(NEWCOMER, on="1404/05/01", ground=GROUND))
    refused(
        "out_of_order", coop, lambda: coop.expel(FOUNDER_IDS[0], on="1403/01/01", ground=GROUND)
    )
    refused(
        "empty", coop, lambda: coop.expel(FOUNDER_IDS[0], on="1404/05/01", ground=" "), InvalidText
    )
    strict = attrs.evolve(coop, statute=attrs.evolve(coop.statute, expulsion_grounds=()))
    error = refused(
        "unknown_ground",
        strict,
        lambda: strict.expel(FOUNDER_IDS[0], on="1404/05/01", ground=GROUND),
    )
    assert "none" in str(error)


# -- replace -------------------------------------------------------------------------------


def test_replace_hands_over_shares_and_seniority() -> None:
    coop = example_cooperative()
    after = coop.replace(
        FOUNDER_IDS[0], example_person(NEWCOMER), on="1404/03/10", note="آورده منتقل شد"
    )
    old, new = after.member(FOUNDER_IDS[0]), after.member(NEWCOMER)
    assert old.status is MembershipStatus.REPLACED
    assert old.left_on == jdate(1404, 3, 10)
    assert old.successor_id == NEWCOMER
    assert new.predecessor_id == FOUNDER_IDS[0]
    assert new.transfer_note == "آورده منتقل شد"
    assert new.shares == old.shares
    assert new.seniority_from == jdate(1403, 7, 1)
    assert new.joined_on == jdate(1404, 3, 10)
    assert not new.founder
    assert after.active_count == 7
    assert after.total_shares == 70
    event = after.history[-1]
    assert event.kind is EventKind.REPLACED
    assert event.national_ids == (FOUNDER_IDS[0], NEWCOMER)
    assert event.shares == 10
    assert event.note == "آورده منتقل شد"
    # A successor's successor keeps the first seniority.
    again = after.replace(NEWCOMER, example_person(OTHERS[0]), on="1404/04/01")
    assert again.member(OTHERS[0]).seniority_from == jdate(1403, 7, 1)


def test_replace_refuses() -> None:
    coop = example_cooperative()
    refused(
        "self_replacement",
        coop,
        lambda: coop.replace(FOUNDER_IDS[0], example_person(FOUNDER_IDS[0]), on="1404/03/10"),
    )
    refused(
        "already_member",
        coop,
        lambda: coop.replace(FOUNDER_IDS[0], example_person(FOUNDER_IDS[1]), on="1404/03/10"),
    )
    refused(
        "not_a_member",
        coop,
        lambda: coop.replace(NEWCOMER, example_person(OTHERS[0]), on="1404/03/10"),
    )
    stranger = Person(
        national_id=NEWCOMER,
        first_name="a",
        last_name="b",
        nationality="foreign",
        legal_capacity=True,
    )
    refused("not_iranian", coop, lambda: coop.replace(FOUNDER_IDS[0], stranger, on="1404/03/10"))
    refused(
        "out_of_order",
        coop,
        lambda: coop.replace(FOUNDER_IDS[0], example_person(NEWCOMER), on="1403/01/01"),
    )
    left = attrs.evolve(coop, statute=attrs.evolve(coop.statute, minimum_members=6)).withdraw(
        FOUNDER_IDS[0], on="1404/01/01"
    )
    refused(
        "not_active",
        left,
        lambda: left.replace(FOUNDER_IDS[0], example_person(NEWCOMER), on="1404/03/10"),
    )


def test_replace_checks_the_capital_cap() -> None:
    # 30 of 100 shares is the 30 % cap. After a 10-share member withdraws they are 30 of 90
    # (33 %): a successor may not take them over.
    coop = example_cooperative().admit(example_person(NEWCOMER), on="1404/01/01", shares=30)
    coop = coop.withdraw(FOUNDER_IDS[0], on="1404/02/01")
    refused(
        "above_maximum_capital",
        coop,
        lambda: coop.replace(NEWCOMER, example_person(OTHERS[1]), on="1404/03/01"),
    )


# -- board -----------------------------------------------------------------------------------


def test_elect_board() -> None:
    coop = example_cooperative()
    after = coop.elect_board(
        principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[3:4], on="1403/08/01"
    )
    board = after.board
    assert board is not None
    assert board.principals == FOUNDER_IDS[:3]
    assert board.alternates == FOUNDER_IDS[3:4]
    assert board.term_ends_on == add_years(jdate(1403, 8, 1), 3) == jdate(1406, 8, 1)
    assert after.history[-1].kind is EventKind.BOARD_ELECTED
    assert after.history[-1].alternates == FOUNDER_IDS[3:4]
    assert coop.board is None


def test_elect_board_refuses() -> None:
    coop = example_cooperative()
    day = "1403/08/01"
    refused(
        "board_size",
        coop,
        lambda: coop.elect_board(principals=FOUNDER_IDS[:4], alternates=FOUNDER_IDS[4:5], on=day),
    )
    refused("alternates_count", coop, lambda: coop.elect_board(principals=FOUNDER_IDS[:3], on=day))
    refused(
        "alternates_count",
        coop,
        lambda: coop.elect_board(principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[3:5], on=day),
    )
    refused(
        "duplicate_board_member",
        coop,
        lambda: coop.elect_board(principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[:1], on=day),
    )
    error = refused(
        "not_a_member",
        coop,
        lambda: coop.elect_board(
            principals=[*FOUNDER_IDS[:2], NEWCOMER], alternates=FOUNDER_IDS[3:4], on=day
        ),
    )
    assert error.field == "principals"
    looser = attrs.evolve(coop, statute=attrs.evolve(coop.statute, minimum_members=6))
    left = looser.withdraw(FOUNDER_IDS[3], on="1403/08/01")
    error = refused(
        "not_active",
        left,
        lambda: left.elect_board(principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[3:4], on=day),
    )
    assert error.field == "alternates"
    refused(
        "out_of_order",
        coop,
        lambda: coop.elect_board(
            principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[3:4], on="1403/01/01"
        ),
    )


def test_large_cooperatives_add_an_alternate_per_400_members() -> None:
    coop = grown(roomy(example_cooperative()), 400 - 7)
    assert coop.active_count == 400
    day = "1404/06/01"
    with pytest.raises(MembershipError) as caught:
        coop.elect_board(principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[3:4], on=day)
    assert caught.value.code == "alternates_count"
    assert coop.elect_board(principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[3:5], on=day).board


@pytest.mark.parametrize(
    ("principals", "members", "expected"),
    [
        (3, 7, range(1, 2)),
        (4, 7, range(1, 3)),
        (5, 7, range(1, 3)),
        (6, 7, range(2, 3)),
        (7, 7, range(2, 4)),
        (3, 399, range(1, 2)),
        (3, 400, range(2, 3)),
        (7, 800, range(4, 6)),
        (7, 3200, range(8, 9)),
        (3, 100_000, range(12, 13)),
    ],
)
def test_alternates_range(principals: int, members: int, expected: range) -> None:
    assert alternates_range(principals, members) == expected


def test_board_invariants() -> None:
    ids = [*FOUNDER_IDS, NEWCOMER, *OTHERS]
    fine: dict[str, Any] = {
        "principals": ids[:3],
        "elected_on": "1404/01/01",
        "term_ends_on": "1406/01/01",
    }
    assert Board(**fine).members == tuple(ids[:3])
    cases: list[tuple[dict[str, Any], str]] = [
        ({"principals": ids[:2]}, "board_size"),
        ({"principals": ids[:8]}, "board_size"),
        ({"principals": ids[:3], "alternates": [ids[0]]}, "duplicate_board_member"),
        ({"term_ends_on": "1404/01/01"}, "term_end"),
    ]
    for changes, code in cases:
        with pytest.raises(MembershipError) as caught:
            Board(**{**fine, **changes})
        assert caught.value.code == code


def test_board_of_more_than_15() -> None:
    many = valid_ids(16)
    with pytest.raises(MembershipError) as caught:
        Board(
            principals=many[:7],
            alternates=many[7:],
            elected_on="1404/01/01",
            term_ends_on="1406/01/01",
        )
    assert caught.value.code == "board_too_large"


# -- quorum --------------------------------------------------------------------------------


def test_quorum_from_the_statute() -> None:
    coop = example_cooperative()  # 7 members
    assert coop.quorum(Assembly.ORDINARY, 1) == 4  # more than 1/2
    assert coop.quorum("ordinary", 2) == 0  # at least 0
    assert coop.quorum("extraordinary", 1) == 5  # at least 2/3
    assert coop.quorum("extraordinary", 2) == 4  # more than 1/2
    assert coop.quorum("ordinary", 1, on="1403/06/01") == 1  # no members then: more than 0
    with pytest.raises(InvalidNumber) as caught:
        coop.quorum("ordinary", 3)
    assert caught.value.code == "out_of_range"
    with pytest.raises(InvalidText) as text_error:
        coop.quorum("annual", 1)
    assert text_error.value.code == "choice"


@given(quorum_rules(), st.integers(min_value=0, max_value=10_000))
def test_quorum_is_the_least_number_that_meets_the_rule(rule: QuorumRule, members: int) -> None:
    needed = rule.required(members)

    def meets(present: int) -> bool:
        share = Fraction(present, members) if members else Fraction(0)
        return share > rule.share if rule.strict else share >= rule.share

    if members:
        assert meets(needed) or needed > members
        assert needed == 0 or not meets(needed - 1)


def test_quorum_rule_labels() -> None:
    assert QuorumRule.more_than("1/2").label_en == "more than 1/2 of the members"
    assert QuorumRule.at_least(Fraction(2, 3)).label_fa == "دست‌کم ۲/۳ اعضا"


# -- reading -------------------------------------------------------------------------------


def test_members_on_a_day() -> None:
    coop = example_cooperative().admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    coop = coop.withdraw(NEWCOMER, on="1404/02/01")
    assert len(coop.members(on="1404/01/19")) == 7
    assert len(coop.members(on="1404/01/20")) == 8
    assert len(coop.members(on="1404/01/31")) == 8
    assert len(coop.members(on="1404/02/01")) == 7
    assert len(coop.active_members) == 7
    assert len(coop.memberships) == 8


def test_member_lookup() -> None:
    coop = example_cooperative()
    assert coop.member("049-937089-9").national_id == FOUNDER_IDS[0]
    error = refused("not_a_member", coop, lambda: coop.member(NEWCOMER))
    assert error.field == "national_id"


# -- records and the constructor --------------------------------------------------------


def test_membership_invariants() -> None:
    base: dict[str, Any] = {"national_id": NEWCOMER, "shares": 1, "joined_on": "1404/01/01"}
    cases: list[tuple[dict[str, Any], str]] = [
        ({"left_on": "1404/02/01"}, "active_with_left_date"),
        ({"status": "withdrawn"}, "missing_left_date"),
        ({"status": "withdrawn", "left_on": "1403/12/01"}, "left_before_joined"),
        ({"seniority_from": "1404/01/02"}, "seniority_after_joined"),
        ({"status": "replaced", "left_on": "1404/02/01"}, "successor_mismatch"),
        ({"successor_id": OTHERS[0]}, "successor_mismatch"),
        ({"predecessor_id": NEWCOMER}, "self_replacement"),
        (
            {"status": "replaced", "left_on": "1404/02/01", "successor_id": NEWCOMER},
            "self_replacement",
        ),
    ]
    for changes, code in cases:
        with pytest.raises(MembershipError) as caught:
            Membership(**{**base, **changes})
        assert caught.value.code == code, changes
    wrong_values: list[tuple[dict[str, Any], type[MaskanError], str]] = [
        ({"shares": 0}, InvalidNumber, "out_of_range"),
        ({"status": "left"}, InvalidText, "choice"),
        ({"founder": "yes"}, InvalidText, "type"),
        ({"joined_on": "1404/13/01"}, MaskanError, "month_out_of_range"),
    ]
    for wrong, kind, wrong_code in wrong_values:
        with pytest.raises(kind) as other:
            Membership(**{**base, **wrong})
        assert other.value.code == wrong_code


def test_statute_invariants() -> None:
    statute = example_statute()
    cases: list[tuple[dict[str, Any], type[MaskanError], str]] = [
        ({"share_price": 0}, InvalidAmount, "not_positive"),
        ({"share_price": 1.5}, InvalidAmount, "type"),
        ({"minimum_shares": 0}, InvalidNumber, "out_of_range"),
        ({"max_capital_share": 0}, InvalidNumber, "out_of_range"),
        ({"max_capital_share": Fraction(3, 2)}, InvalidNumber, "out_of_range"),
        ({"max_capital_share": 0.3}, InvalidNumber, "type"),
        ({"max_capital_share": "سی درصد"}, InvalidNumber, "format"),
        ({"board_size": 2}, InvalidNumber, "out_of_range"),
        ({"board_size": 8}, InvalidNumber, "out_of_range"),
        ({"board_term_years": 0}, InvalidNumber, "out_of_range"),
        ({"ordinary_first_call": "1/2"}, InvalidText, "type"),
        ({"expulsion_grounds": [GROUND, GROUND]}, InvalidText, "duplicate"),
        ({"expulsion_grounds": GROUND}, InvalidText, "type"),
        ({"minimum_members": 0}, InvalidNumber, "out_of_range"),
        ({"similar_group": ""}, InvalidText, "empty"),
    ]
    for changes, kind, code in cases:
        with pytest.raises(kind) as caught:
            attrs.evolve(statute, **changes)
        assert caught.value.code == code, changes
    assert statute == example_statute()


def test_statute_has_no_default_for_what_the_law_leaves_open() -> None:
    required = {a.name for a in attrs.fields(Statute) if a.default is attrs.NOTHING}
    assert required == {
        "share_price",
        "minimum_shares",
        "max_capital_share",
        "board_size",
        "board_term_years",
        "ordinary_first_call",
        "ordinary_second_call",
        "extraordinary_first_call",
        "extraordinary_second_call",
        "expulsion_grounds",
    }
    assert attrs.fields(Statute).minimum_members.default == 7


def test_constructor_checks_the_records_agree() -> None:
    coop = example_cooperative()
    early = Membership(national_id=NEWCOMER, shares=10, joined_on="1403/01/01")
    cases: list[tuple[dict[str, Any], type[MaskanError], str]] = [
        ({"memberships": [*coop.memberships, early]}, MembershipError, "joined_before_founding"),
        (
            {"memberships": [*coop.memberships, coop.memberships[0]]},
            MembershipError,
            "duplicate_member",
        ),
        ({"memberships": ["0499370899"]}, InvalidText, "type"),
        ({"memberships": "0499370899"}, InvalidText, "type"),
        (
            {
                "history": [
                    *coop.history,
                    CooperativeEvent(on="1403/01/01", kind="admitted", national_ids=[NEWCOMER]),
                ]
            },
            MembershipError,
            "out_of_order",
        ),
        (
            {
                "history": [
                    CooperativeEvent(on="1403/01/01", kind="founded", national_ids=[NEWCOMER])
                ]
            },
            MembershipError,
            "out_of_order",
        ),
        ({"history": ["founded"]}, InvalidText, "type"),
        (
            {
                "board": Board(
                    principals=[NEWCOMER, *OTHERS],
                    elected_on="1404/01/01",
                    term_ends_on="1406/01/01",
                )
            },
            MembershipError,
            "not_a_member",
        ),
        ({"board": "board"}, InvalidText, "type"),
        ({"county": "کاشان", "province": "تهران"}, UnknownPlace, "wrong_province"),
        ({"legal_id": "14011517511"}, InvalidLegalId, "checksum"),
        ({"registration_number": "60A"}, InvalidIdentifier, "format"),
        ({"registration_number": ""}, InvalidIdentifier, "empty"),
        ({"registration_number": 1.5}, InvalidIdentifier, "type"),
        ({"statute": {"share_price": 1}}, InvalidText, "type"),
        ({"kind": "housing"}, InvalidText, "choice"),
    ]
    for changes, kind, code in cases:
        before = copy.deepcopy(coop)
        with pytest.raises(kind) as caught:
            attrs.evolve(coop, **changes)
        assert caught.value.code == code, changes
        assert coop == before


def test_rebuilt_from_its_fields_it_is_equal() -> None:
    coop = example_cooperative().admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    coop = coop.elect_board(
        principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[3:4], on="1404/02/01"
    )
    fields: dict[str, Any] = {
        name: list(value) if name in ("memberships", "history") else value
        for name, value in attrs.asdict(coop, recurse=False).items()
    }
    rebuilt = Cooperative(**fields)
    assert rebuilt == coop
    assert hash(rebuilt) == hash(coop)
    assert isinstance(rebuilt.memberships, Memberships)


def test_pickle_and_deepcopy() -> None:
    coop = example_cooperative().replace(FOUNDER_IDS[0], example_person(NEWCOMER), on="1404/03/10")
    for copied in (pickle.loads(pickle.dumps(coop)), copy.deepcopy(coop)):
        assert copied == coop
        assert copied.member(NEWCOMER).predecessor_id == FOUNDER_IDS[0]
        assert copied.admit(example_person(OTHERS[0]), on="1404/04/01", shares=10).active_count == 8


# -- persistence -----------------------------------------------------------------------------


def test_branches_do_not_see_each_other() -> None:
    coop = example_cooperative()
    left = coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    right = coop.admit(example_person(OTHERS[0]), on="1404/01/21", shares=11)
    assert [m.national_id for m in left.memberships][-1] == NEWCOMER
    assert [m.national_id for m in right.memberships][-1] == OTHERS[0]
    assert [e.on for e in left.history][-1] == jdate(1404, 1, 20)
    assert [e.on for e in right.history][-1] == jdate(1404, 1, 21)
    assert coop == example_cooperative()
    assert left.withdraw(NEWCOMER, on="1404/02/01").member(NEWCOMER).status.value == "withdrawn"
    assert left.member(NEWCOMER).is_active
    with pytest.raises(MembershipError):
        right.member(NEWCOMER)


def test_a_refused_operation_leaves_no_trace() -> None:
    coop = example_cooperative()
    with pytest.raises(MembershipError):
        coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=1000)
    after = coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    assert len(after.history) == 2
    assert after.active_count == 8


def test_admissions_share_structure() -> None:
    coop = example_cooperative()
    after = coop.admit(example_person(NEWCOMER), on="1404/01/20", shares=10)
    # The history of a new cooperative is the old one's with one event appended in place.
    assert after.history._store is coop.history._store  # type: ignore[attr-defined]
    assert tuple(coop.history) == after.history[:1]


# -- properties ----------------------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(cooperatives())
def test_what_operations_build_is_consistent(coop: Cooperative) -> None:
    active = coop.active_members
    assert coop.active_count == len(active) >= min(7, coop.statute.minimum_members)
    assert coop.total_shares == sum(m.shares for m in active)
    assert coop.capital == coop.statute.share_price * coop.total_shares
    assert all(
        m.shares * coop.statute.max_capital_share.denominator
        <= coop.statute.max_capital_share.numerator * coop.total_shares
        for m in active
    )
    days = [event.on for event in coop.history]
    assert days == sorted(days)
    assert days[0] == coop.founded_on
    assert coop.history[0].kind is EventKind.FOUNDED
    assert len({m.national_id for m in coop.memberships}) == len(coop.memberships)
    for record in coop.memberships:
        if record.successor_id is not None:
            successor = coop.member(record.successor_id)
            # The successor's record is of a later membership if they left and came back.
            assert successor.predecessor_id == record.national_id or (
                successor.joined_on >= cast(datetime.date, record.left_on)
            )
    if coop.board is not None:
        assert set(coop.board.members) <= {m.national_id for m in coop.memberships}
    rebuilt = attrs.evolve(coop, memberships=list(coop.memberships), history=list(coop.history))
    assert rebuilt == coop


@settings(max_examples=40, deadline=None)
@given(cooperatives(), national_ids())
def test_a_refused_admission_changes_nothing(coop: Cooperative, number: str) -> None:
    before = copy.deepcopy(coop)
    person = Person(national_id=number, first_name="a", last_name="b")
    with pytest.raises(MembershipError):
        coop.admit(person, on=coop.history[-1].on, shares=coop.statute.minimum_shares)
    assert coop == before


@settings(max_examples=50)
@given(statutes(), memberships(), boards(), cooperative_events())
def test_records_rebuild_from_their_fields(
    statute: Statute, membership: Membership, board: Board, event: CooperativeEvent
) -> None:
    for record in (statute, membership, board, event):
        assert attrs.evolve(record) == record


def test_enum_labels_exist_in_both_languages() -> None:
    for kind in (CooperativeKind, MembershipStatus, EventKind, Assembly):
        for member in kind:
            assert member.label_fa
            assert member.label_en
