"""maskan.allocation draw: seeds, SHA-256 draw keys, the draw order and the digest."""

from __future__ import annotations

import hashlib

import pytest
from allocation_data import POOL
from hypothesis import given, settings
from hypothesis import strategies as st

from maskan.allocation import (
    ALGORITHM,
    AllocationError,
    candidates_digest,
    draw_key,
    draw_order,
    seed_text,
)
from maskan.errors import InvalidNationalId, MaskanError


def test_algorithm_is_pinned() -> None:
    # a published draw must re-run the same forever: this value may never change
    assert ALGORITHM == "maskan-lottery-v1"
    assert draw_key("482719", "0499370899") == (
        "b2524209fa1ce3e911c52dbc467ef84cb60377e9914c7ecd16109646d6e3cba1"
    )


@pytest.mark.parametrize("seed", ["482719", 482719, "۴۸۲۷۱۹", " 482719\u0020", "٤٨٢٧١٩"])
def test_key_is_sha256_of_the_documented_text(seed: int | str) -> None:
    expected = hashlib.sha256(b"maskan-lottery-v1|482719|0084575948").hexdigest()
    assert draw_key(seed, "0084575948") == expected
    assert draw_key(seed, "۰۰۸۴۵۷۵۹۴۸") == expected


def test_seed_text_keeps_everything_but_digits_and_outer_spaces() -> None:
    assert seed_text("1404/09/04 ساعت ۱۰") == "1404/09/04 ساعت 10"
    assert seed_text(0) == "0"
    assert seed_text(-5) == "-5"


@pytest.mark.parametrize(
    ("seed", "code"),
    [
        ("", "bad_seed"),
        ("   ", "bad_seed"),
        ("12\n34", "bad_seed"),
        ("1\t2", "bad_seed"),
        ("9" * 201, "bad_seed"),
        ("9" * 10_000, "bad_seed"),
        (True, "type"),
        (1.5, "type"),
        (None, "type"),
        (b"12", "type"),
    ],
)
def test_bad_seeds_are_refused(seed: object, code: str) -> None:
    with pytest.raises(AllocationError) as caught:
        seed_text(seed)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert caught.value.field == "seed"
    assert caught.value.message_fa


def test_unknown_algorithm_is_refused() -> None:
    with pytest.raises(AllocationError) as caught:
        draw_key("1", "0499370899", algorithm="maskan-lottery-v2")
    assert caught.value.code == "unknown_algorithm"


def test_bad_national_id_is_refused() -> None:
    with pytest.raises(InvalidNationalId):
        draw_key("1", "0499370898")


def test_same_seed_same_order_whatever_the_input_order() -> None:
    first = draw_order(POOL[:20], seed=482719)
    again = draw_order(list(reversed(POOL[:20])), seed="482719")
    assert first == again
    assert [draw.position for draw in first] == list(range(1, 21))
    keys = [draw.key for draw in first]
    assert keys == sorted(keys)


def test_different_seed_different_order() -> None:
    first = [draw.national_id for draw in draw_order(POOL[:20], seed=482719)]
    second = [draw.national_id for draw in draw_order(POOL[:20], seed=482720)]
    assert first != second
    assert sorted(first) == sorted(second)


def test_order_by_hand() -> None:
    # exactly what the guide tells a member to do
    seed = "482719"
    by_hand = sorted(
        POOL[:10],
        key=lambda nid: hashlib.sha256(f"maskan-lottery-v1|{seed}|{nid}".encode()).hexdigest(),
    )
    assert [draw.national_id for draw in draw_order(POOL[:10], seed=seed)] == by_hand


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.sampled_from(POOL), min_size=2, max_size=30, unique=True),
    st.integers(0, 10**12),
    st.data(),
)
def test_removing_a_candidate_keeps_the_others_in_order(
    candidates: list[str], seed: int, data: st.DataObject
) -> None:
    dropped = data.draw(st.sampled_from(candidates))
    full = [draw.national_id for draw in draw_order(candidates, seed=seed)]
    fewer = [
        draw.national_id for draw in draw_order([c for c in candidates if c != dropped], seed=seed)
    ]
    assert fewer == [nid for nid in full if nid != dropped]


@pytest.mark.parametrize(
    ("candidates", "code"),
    [
        ([], "no_candidates"),
        ([POOL[0], POOL[1], "۱" + POOL[0][1:] if POOL[0][0] == "1" else POOL[0]], "member_twice"),
        ("0499370899", "type"),
        (5, "type"),
    ],
)
def test_draw_order_refuses(candidates: object, code: str) -> None:
    with pytest.raises(AllocationError) as caught:
        draw_order(candidates, seed=1)  # type: ignore[arg-type]
    assert caught.value.code == code


def test_digest_is_sha256_of_sorted_ids() -> None:
    listed = [POOL[2], POOL[0], POOL[1]]
    expected = hashlib.sha256(
        "".join(f"{nid}\n" for nid in sorted(listed)).encode("ascii")
    ).hexdigest()
    assert candidates_digest(listed) == expected
    assert candidates_digest(reversed(listed)) == expected
    assert candidates_digest(POOL[:2]) != expected
    with pytest.raises(MaskanError):
        candidates_digest([POOL[0], POOL[0]])
