"""Rial: exact integer money."""

from __future__ import annotations

import pickle
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from maskan.errors import InvalidAmount, MaskanError
from maskan.money import Rial


def test_construction_and_views() -> None:
    amount = Rial(2_500_000_000)
    assert amount.rials == 2_500_000_000
    assert int(amount) == 2_500_000_000
    assert amount.toman == Decimal(250_000_000)
    assert amount.new_rial == Decimal(250_000)
    assert Rial(Decimal("1500")) == Rial(1500)
    assert Rial(Decimal("1.5E+3")) == Rial(1500)
    assert Rial.from_toman(550_000_000) == Rial(5_500_000_000)
    assert Rial.from_toman(Decimal("0.5")) == Rial(5)
    assert Rial.from_new_rial(Decimal("0.0001")) == Rial(1)
    assert Rial(125).in_unit("toman") == Decimal("12.5")
    assert Rial(120).in_unit("toman") == 12
    assert type(Rial(120).in_unit("toman")) is int


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (1.5, "float"),
        (2.0, "float"),
        (Decimal("1.5"), "fraction"),
        (Decimal("NaN"), "fraction"),
        (Decimal("Infinity"), "fraction"),
        (True, "type"),
        ("100", "type"),
        (None, "type"),
        ([1], "type"),
        (10**24, "out_of_range"),
        (-(10**24), "out_of_range"),
    ],
)
def test_bad_construction(bad: object, code: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        Rial(bad)  # type: ignore[arg-type]
    assert caught.value.code == code
    assert caught.value.field == "amount"
    assert caught.value.message.startswith("amount: ")
    assert caught.value.message_fa


def test_from_toman_rejects_fractions_of_a_rial() -> None:
    with pytest.raises(InvalidAmount, match="not a whole number of rials"):
        Rial.from_toman(Decimal("0.05"))
    with pytest.raises(InvalidAmount, match="float"):
        Rial.from_toman(1.5)  # type: ignore[arg-type]
    with pytest.raises(InvalidAmount):
        Rial.from_new_rial(Decimal("1E+30"))


def test_arithmetic() -> None:
    assert Rial(10) + Rial(5) == Rial(15)
    assert Rial(10) - Rial(15) == Rial(-5)
    assert Rial(10) * 3 == Rial(30) == 3 * Rial(10)
    assert Rial(10) // 3 == Rial(3)
    assert Rial(-10) // 3 == Rial(-4)
    assert Rial(100) // Rial(30) == 3
    assert -Rial(5) == Rial(-5)
    assert abs(Rial(-5)) == Rial(5)
    assert sum([Rial(1), Rial(2), Rial(3)]) == Rial(6)
    assert sum([], Rial(0)) == Rial(0)
    assert Rial.total([]) == Rial(0)
    assert Rial.total(Rial(n) for n in range(5)) == Rial(10)
    assert not Rial(0)
    assert Rial(1)
    assert Rial(1) < Rial(2) <= Rial(2) < Rial(3)
    assert Rial(3) > Rial(2) >= Rial(2)
    assert sorted([Rial(3), Rial(1), Rial(2)]) == [Rial(1), Rial(2), Rial(3)]
    assert len({Rial(1), Rial(1), Rial(2)}) == 2
    assert Rial(1) != 1
    assert repr(Rial(-5)) == "Rial(-5)"
    assert str(Rial(2_500_000)) == "2,500,000 IRR"


@pytest.mark.parametrize(
    "operation",
    [
        lambda: Rial(1) + 1,
        lambda: 1 + Rial(1),
        lambda: Rial(1) - 1,
        lambda: Rial(1) * 1.5,
        lambda: Rial(1) * Decimal("1.5"),
        lambda: Rial(1) * Rial(1),
        lambda: Rial(1) // 0,
        lambda: Rial(1) // Rial(0),
        lambda: Rial(1) // 1.5,
        lambda: Rial(1) < 2,
        lambda: Rial(1) >= 2,
        lambda: Rial(10**23) * 10,
    ],
)
def test_bad_arithmetic_raises_invalid_amount(operation: object) -> None:
    with pytest.raises(InvalidAmount):
        operation()  # type: ignore[operator]


def test_immutable_and_picklable() -> None:
    amount = Rial(7)
    with pytest.raises(AttributeError):
        amount._rials = 8  # type: ignore[misc]
    with pytest.raises(AttributeError):
        amount.other = 8  # type: ignore[attr-defined]
    assert pickle.loads(pickle.dumps(amount)) == amount
    assert amount.rials == 7


def test_allocate_examples() -> None:
    assert [p.rials for p in Rial(1_000).allocate(3)] == [334, 333, 333]
    assert [p.rials for p in Rial(100).allocate([1, 1, 2])] == [25, 25, 50]
    assert [p.rials for p in Rial(5).allocate([1, 0, 1])] == [3, 0, 2]
    assert [p.rials for p in Rial(2).allocate(5)] == [1, 1, 0, 0, 0]
    assert [p.rials for p in Rial(-1_000).allocate(3)] == [-334, -333, -333]
    assert [p.rials for p in Rial(0).allocate(2)] == [0, 0]
    assert [p.rials for p in Rial(10).allocate([Decimal("0.3"), Decimal("0.7")])] == [3, 7]
    # the largest remainder gets the spare rial, not merely the first part
    assert [p.rials for p in Rial(10).allocate([1, 2])] == [3, 7]


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (0, "parts"),
        (-2, "parts"),
        (10**7, "parts"),
        ([], "no_weight"),
        ([0, 0], "no_weight"),
        ([1, -1], "negative_weight"),
        ([1, 1.5], "type"),
        ([1, True], "type"),
        ([Decimal("NaN")], "type"),
        ("12", "type"),
        (None, "type"),
        (1.5, "type"),
    ],
)
def test_allocate_rejects_bad_weights(bad: object, code: str) -> None:
    with pytest.raises(InvalidAmount) as caught:
        Rial(100).allocate(bad)  # type: ignore[arg-type]
    assert caught.value.code == code


@given(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=30).filter(any),
)
def test_allocate_is_exact_and_fair(amount: int, weights: list[int]) -> None:
    parts = Rial(amount).allocate(weights)
    assert len(parts) == len(weights)
    assert Rial.total(parts) == Rial(amount)
    total = sum(weights)
    for part, weight in zip(parts, weights, strict=True):
        ideal = Decimal(amount) * weight / total
        assert abs(Decimal(part.rials) - ideal) < 1
    assert parts == Rial(amount).allocate(weights)


@given(st.integers(min_value=1, max_value=500), st.integers(min_value=0, max_value=10**15))
def test_allocate_equal_parts_differ_by_at_most_one(parts: int, amount: int) -> None:
    shares = [p.rials for p in Rial(amount).allocate(parts)]
    assert sum(shares) == amount
    assert max(shares) - min(shares) <= 1
    assert shares == sorted(shares, reverse=True)


def test_errors_are_value_errors() -> None:
    with pytest.raises(ValueError, match="float"):
        Rial(0.1)  # type: ignore[arg-type]
    assert issubclass(InvalidAmount, MaskanError)


def test_allocate_is_exact_with_precise_decimal_weights() -> None:
    weights = [Decimal("0.123456789012345"), Decimal("0.876543210987655")]
    parts = Rial(10**23 - 1).allocate(weights)
    assert Rial.total(parts) == Rial(10**23 - 1)
    with pytest.raises(InvalidAmount, match="decimal places"):
        Rial(1).allocate([Decimal("1E-40")])
