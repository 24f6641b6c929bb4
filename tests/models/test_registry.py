"""maskan.models.registry, and the persistent collections behind cooperatives and registries."""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies_cooperative import registries

from maskan.errors import InvalidLegalId, InvalidText, MaskanError, MembershipError
from maskan.models._coop_examples import (
    FOUNDER_IDS,
    example_cooperative,
    example_person,
)
from maskan.models._persistent import Chain, Keyed, PMap
from maskan.models.cooperative import Cooperative
from maskan.models.registry import Registry

FIRST = "14011517510"
SECOND = "10380284790"
THIRD = "10100387143"
NEWCOMER = "1122334451"
OTHER = "2233445562"
GROUND = "عدم پرداخت اقساط"


def refused(
    code: str,
    original: object,
    operation: Callable[[], object],
    kind: type[MaskanError] = MembershipError,
) -> MaskanError:
    before = copy.deepcopy(original)
    with pytest.raises(kind) as caught:
        operation()
    assert caught.value.code == code, caught.value
    assert caught.value.message_fa
    assert original == before
    return caught.value


def empty(legal_id: str, *, group: str = "housing") -> Cooperative:
    """A cooperative with ``legal_id`` and no members (built from records), whose statute
    lets its first members hold the whole capital."""
    coop = example_cooperative()
    return attrs.evolve(
        coop,
        legal_id=legal_id,
        name=f"تعاونی {legal_id}",
        statute=attrs.evolve(coop.statute, similar_group=group, max_capital_share=1),
        memberships=[],
        history=[],
    )


def two() -> Registry:
    """The example cooperative and an empty similar one."""
    return Registry(cooperatives=[example_cooperative(), empty(SECOND)])


# -- the one-membership rule ---------------------------------------------------------------


def test_admit_through_the_registry() -> None:
    registry = two()
    after = registry.admit(SECOND, example_person(NEWCOMER), on="1404/01/20", shares=10)
    assert after.cooperative(SECOND).active_count == 1
    assert list(after.memberships_of(NEWCOMER)) == [SECOND]
    assert registry.memberships_of(NEWCOMER) == {}
    assert registry == two()


def test_a_member_of_a_similar_cooperative_is_refused() -> None:
    registry = two()
    error = refused(
        "similar_membership",
        registry,
        lambda: registry.admit(SECOND, example_person(FOUNDER_IDS[0]), on="1404/01/20", shares=10),
    )
    assert FIRST in str(error)
    assert "DOMAIN.md §5.2" in str(error)
    assert error.field == "person"


def test_every_housing_kind_is_similar_by_default() -> None:
    workers = attrs.evolve(empty(SECOND), kind="workers_housing")
    registry = Registry(cooperatives=[example_cooperative(), workers])
    refused(
        "similar_membership",
        registry,
        lambda: registry.admit(SECOND, example_person(FOUNDER_IDS[0]), on="1404/01/20", shares=10),
    )


def test_cooperatives_of_other_groups_are_not_similar() -> None:
    registry = Registry(cooperatives=[example_cooperative(), empty(SECOND, group="workers")])
    after = registry.admit(SECOND, example_person(FOUNDER_IDS[0]), on="1404/01/20", shares=10)
    assert list(after.memberships_of(FOUNDER_IDS[0])) == [FIRST, SECOND]


def test_a_former_member_may_join_a_similar_cooperative() -> None:
    registry = two().admit(FIRST, example_person(NEWCOMER), on="1404/01/20", shares=10)
    registry = registry.withdraw(FIRST, NEWCOMER, on="1404/02/01")
    after = registry.admit(SECOND, example_person(NEWCOMER), on="1404/02/01", shares=10)
    memberships = after.memberships_of(NEWCOMER)
    assert memberships[FIRST].status.value == "withdrawn"
    assert memberships[SECOND].is_active


def test_a_backdated_admission_overlapping_a_former_membership_is_refused() -> None:
    registry = two().admit(FIRST, example_person(NEWCOMER), on="1404/01/20", shares=10)
    registry = registry.withdraw(FIRST, NEWCOMER, on="1404/03/01")
    # Still a member of the first cooperative on 1404/02/01.
    refused(
        "similar_membership",
        registry,
        lambda: registry.admit(SECOND, example_person(NEWCOMER), on="1404/02/01", shares=10),
    )


def test_a_successor_must_not_be_in_a_similar_cooperative() -> None:
    registry = two().admit(SECOND, example_person(NEWCOMER), on="1404/01/20", shares=10)
    refused(
        "similar_membership",
        registry,
        lambda: registry.replace(FIRST, FOUNDER_IDS[0], example_person(NEWCOMER), on="1404/03/01"),
    )
    after = registry.replace(FIRST, FOUNDER_IDS[0], example_person(OTHER), on="1404/03/01")
    assert after.memberships_of(OTHER)[FIRST].predecessor_id == FOUNDER_IDS[0]
    assert after.memberships_of(FOUNDER_IDS[0])[FIRST].successor_id == OTHER


def test_the_constructor_refuses_overlapping_memberships() -> None:
    twin = attrs.evolve(example_cooperative(), legal_id=SECOND)
    with pytest.raises(MembershipError) as caught:
        Registry(cooperatives=[example_cooperative(), twin])
    assert caught.value.code == "similar_membership"
    other_group = attrs.evolve(twin, statute=attrs.evolve(twin.statute, similar_group="workers"))
    assert len(Registry(cooperatives=[example_cooperative(), other_group]).cooperatives) == 2


def test_add_refuses_overlaps_and_duplicates() -> None:
    registry = Registry(cooperatives=[example_cooperative()])
    twin = attrs.evolve(example_cooperative(), legal_id=SECOND)
    refused("similar_membership", registry, lambda: registry.add(twin))
    refused("duplicate_cooperative", registry, lambda: registry.add(example_cooperative()))
    refused("type", registry, lambda: registry.add("coop"))  # type: ignore[arg-type]
    with pytest.raises(MembershipError) as caught:
        Registry(cooperatives=[example_cooperative(), example_cooperative()])
    assert caught.value.code == "duplicate_cooperative"
    with pytest.raises(InvalidText) as wrong:
        Registry(cooperatives=["coop"])  # type: ignore[list-item]
    assert wrong.value.code == "type"


def test_the_cooperative_rules_still_apply() -> None:
    registry = two()
    refused(
        "already_member",
        registry,
        lambda: registry.admit(FIRST, example_person(FOUNDER_IDS[0]), on="1404/01/20", shares=10),
    )
    refused(
        "below_minimum_shares",
        registry,
        lambda: registry.admit(SECOND, example_person(NEWCOMER), on="1404/01/20", shares=1),
    )
    refused(
        "too_few_members",
        registry,
        lambda: registry.withdraw(FIRST, FOUNDER_IDS[0], on="1404/01/20"),
    )
    refused(
        "unknown_ground",
        registry,
        lambda: registry.expel(FIRST, FOUNDER_IDS[0], on="1404/01/20", ground="بدقولی"),
    )
    refused(
        "alternates_count",
        registry,
        lambda: registry.elect_board(FIRST, principals=FOUNDER_IDS[:3], on="1404/01/20"),
    )


def test_unknown_cooperatives() -> None:
    registry = two()
    refused("unknown_cooperative", registry, lambda: registry.cooperative(THIRD))
    refused(
        "unknown_cooperative",
        registry,
        lambda: registry.admit(THIRD, example_person(NEWCOMER), on="1404/01/20", shares=10),
    )
    refused("checksum", registry, lambda: registry.cooperative("14011517511"), InvalidLegalId)


def test_delegated_operations() -> None:
    registry = two().admit(FIRST, example_person(NEWCOMER), on="1404/01/20", shares=10)
    expelled = registry.expel(FIRST, NEWCOMER, on="1404/05/01", ground=GROUND)
    assert expelled.memberships_of(NEWCOMER)[FIRST].status.value == "expelled"
    elected = registry.elect_board(
        FIRST, principals=FOUNDER_IDS[:3], alternates=FOUNDER_IDS[3:4], on="1404/05/01"
    )
    board = elected.cooperative(FIRST).board
    assert board is not None
    assert board.alternates == FOUNDER_IDS[3:4]
    assert registry.cooperative(FIRST).board is None


# -- values --------------------------------------------------------------------------------


def test_pickle_deepcopy_equality() -> None:
    registry = two().admit(SECOND, example_person(NEWCOMER), on="1404/01/20", shares=10)
    for copied in (pickle.loads(pickle.dumps(registry)), copy.deepcopy(registry)):
        assert copied == registry
        assert list(copied.memberships_of(NEWCOMER)) == [SECOND]

        def admit_again(registry: Registry = copied) -> Registry:
            return registry.admit(FIRST, example_person(NEWCOMER), on="1404/02/01", shares=10)

        refused("similar_membership", copied, admit_again)
    rebuilt = Registry(cooperatives=list(registry.cooperatives))
    assert rebuilt == registry
    assert rebuilt.memberships_of(NEWCOMER) == registry.memberships_of(NEWCOMER)


@settings(max_examples=30, deadline=None)
@given(registries())
def test_the_index_agrees_with_the_cooperatives(registry: Registry) -> None:
    rebuilt = Registry(cooperatives=list(registry.cooperatives))
    assert rebuilt == registry
    for coop in registry.cooperatives:
        for membership in coop.memberships:
            found = registry.memberships_of(membership.national_id)
            assert found[coop.legal_id] == membership


def test_many_admissions_stay_consistent() -> None:
    coop = example_cooperative()
    coop = attrs.evolve(coop, statute=attrs.evolve(coop.statute, max_capital_share=1))
    registry = Registry(cooperatives=[coop, empty(SECOND)])
    people: list[str] = []
    number = 300_000_000
    from maskan.identifiers import national_id

    while len(people) < 2000:
        first = f"{number:09d}"
        candidate = first + national_id.calc_check_digit(first)
        if national_id.is_valid(candidate):
            people.append(candidate)
        number += 13
    for position, person in enumerate(people):
        target = FIRST if position % 2 else SECOND
        registry = registry.admit(target, example_person(person), on="1404/01/01", shares=10)
    assert registry.cooperative(FIRST).active_count == 7 + 1000
    assert registry.cooperative(SECOND).active_count == 1000
    assert all(len(registry.memberships_of(person)) == 1 for person in people)
    assert Registry(cooperatives=list(registry.cooperatives)) == registry


# -- persistent collections ----------------------------------------------------------------


class Clash:
    """A key whose hash is chosen, to force collisions in the trie."""

    def __init__(self, name: int, hash_: int) -> None:
        self.name = name
        self.hash = hash_

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Clash) and other.name == self.name

    def __repr__(self) -> str:
        return f"Clash({self.name}, {self.hash})"


keys = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.builds(Clash, st.integers(0, 20), st.sampled_from([0, 1, 32, 2**60, -1, 2**64])),
    st.text(max_size=3),
)


@given(st.lists(st.tuples(keys, st.integers()), max_size=200))
def test_pmap_behaves_like_a_dict(pairs: list[tuple[object, int]]) -> None:
    model: dict[object, int] = {}
    current: PMap[object, int] = PMap()
    versions = [(current, dict(model))]
    for key, value in pairs:
        current = current.set(key, value)
        model[key] = value
        versions.append((current, dict(model)))
    for version, expected in versions:
        assert len(version) == len(expected)
        assert dict(version.items()) == expected
        for key, value in expected.items():
            assert key in version
            assert version.get(key) == value


@given(st.lists(st.tuples(st.integers(0, 30), st.integers()), max_size=60))
def test_chain_branches_behave_like_lists(steps: list[tuple[int, int]]) -> None:
    versions: list[tuple[Chain[int], list[int]]] = [(Chain(), [])]
    for parent, item in steps:
        chain, model = versions[parent % len(versions)]
        versions.append((chain.appended(item), [*model, item]))
    for chain, model in versions:
        assert list(chain) == model
        assert len(chain) == len(model)
        assert list(reversed(chain)) == model[::-1]
        if model:
            assert chain[-1] == model[-1]
            assert chain[0] == model[0]
        assert chain == Chain(model)
        assert hash(chain) == hash(Chain(model))


def test_chain_refuses_indexes_out_of_range() -> None:
    chain = Chain([1]).appended(2)
    with pytest.raises(IndexError):
        chain[2]
    assert chain[0:5] == (1, 2)
    assert repr(chain) == "(1, 2)"
    assert pickle.loads(pickle.dumps(chain)) == chain


@given(st.lists(st.tuples(st.integers(0, 10), st.integers()), max_size=50))
def test_keyed_keeps_first_insertion_order(records: list[tuple[int, int]]) -> None:
    keyed: Keyed[int, tuple[int, int]] = Keyed(_first)
    order: list[int] = []
    latest: dict[int, tuple[int, int]] = {}
    for record in records:
        before = keyed
        snapshot = list(before)
        keyed = keyed.with_record(record)
        assert list(before) == snapshot
        if record[0] not in latest:
            order.append(record[0])
        latest[record[0]] = record
    assert list(keyed) == [latest[key] for key in order]
    assert keyed == Keyed(_first, list(keyed))
    assert pickle.loads(pickle.dumps(keyed)) == keyed


def _first(record: tuple[int, int]) -> int:
    return record[0]
