"""Money as an exact integer number of rials.

The rial is Iran's legal unit; the toman (10 rials) is what people say and write, and
the redenominated "new rial" of the 1404 law (10,000 current rials, DOMAIN.md §7.2) is
coming. maskan stores one thing — :class:`Rial`, an exact integer — and treats toman and
new rial as views for input and display (:func:`maskan.persian.format_money`).

>>> price = Rial.from_toman(550_000_000)
>>> price
Rial(5500000000)
>>> price.toman
Decimal('550000000')
>>> price + Rial(500) > price
True
>>> [int(part) for part in Rial(100).allocate(3)]
[34, 33, 33]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Literal

from maskan.errors import InvalidAmount, describe

__all__ = ["Rial", "Unit"]

Unit = Literal["rial", "toman", "new_rial"]
"""A unit of Iranian money: the rial, the toman (10 rials) or the new rial (10,000 rials).

>>> from typing import get_args
>>> [Rial(25_000).in_unit(unit) for unit in get_args(Unit)]
[25000, 2500, Decimal('2.5')]
"""

RIALS_PER_UNIT: dict[str, int] = {"rial": 1, "toman": 10, "new_rial": 10_000}
_MAX_RIALS = 10**24  # far beyond the world's money, and within what number_to_words spells


def _amount_error(
    field: str, value: object, reason: str, reason_fa: str, code: str
) -> InvalidAmount:
    return InvalidAmount(
        f"{field}: {describe(value)} {reason}",
        message_fa=f"{field}: {describe(value)} {reason_fa}",
        code=code,
        field=field,
        value=value,
    )


def _whole(value: object, field: str) -> int:
    if isinstance(value, bool):
        raise _amount_error(
            field, value, "is a bool, not an amount", "مقدار بولی است، نه مبلغ", "type"
        )
    if isinstance(value, int):
        number = value
    elif isinstance(value, Decimal):
        # the range first: Decimal("1E+999999999") has a billion digits to round or convert
        if value.is_finite() and value.copy_abs() >= _MAX_RIALS:  # abs() would round
            raise _out_of_range(field, value)
        if not value.is_finite() or value != value.to_integral_value():
            raise _amount_error(
                field,
                value,
                "is not a whole number of rials",
                "عدد صحیحی از ریال نیست",
                "fraction",
            )
        number = int(value)
    elif isinstance(value, float):
        raise _amount_error(
            field,
            value,
            "is a float; give an int, an integral Decimal or text",
            "اعشاری شناور است؛ عدد صحیح، Decimal یا متن بدهید",
            "float",
        )
    else:
        raise _amount_error(
            field,
            value,
            f"is a {type(value).__name__}; give an int or a Decimal (Rial.parse reads text)",
            f"از نوع {type(value).__name__} است؛ عدد صحیح یا Decimal بدهید (متن با Rial.parse)",
            "type",
        )
    if abs(number) >= _MAX_RIALS:
        raise _out_of_range(field, value)
    return number


def _out_of_range(field: str, value: object) -> InvalidAmount:
    return _amount_error(
        field,
        value,
        "is out of range (below 10^24 rials)",
        "خارج از محدوده است",
        "out_of_range",
    )


class Rial:
    """An exact, immutable amount of money in rials.

    Build it from an ``int`` or an integral ``Decimal``; read text with :meth:`parse`;
    convert from the display units with :meth:`from_toman` and :meth:`from_new_rial`.
    Floats are refused: ``0.1 + 0.2`` is not money.

    Supports ``+`` and ``-`` between amounts, ``*`` and ``//`` by an ``int``,
    ``amount // amount`` (how many times), comparisons, ``abs``, ``sum()``, hashing and
    ``int()``.

    >>> Rial(2_500_000) + Rial(500_000)
    Rial(3000000)
    >>> Rial(1_000) * 3, Rial(1_000) // 3
    (Rial(3000), Rial(333))
    >>> sum([Rial(10), Rial(20)])
    Rial(30)
    >>> Rial.parse("۲۵۰ میلیون تومان")
    Rial(2500000000)
    """

    __slots__ = ("_rials",)
    _rials: int

    def __init__(self, amount: int | Decimal) -> None:
        object.__setattr__(self, "_rials", _whole(amount, "amount"))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Rial is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Rial is immutable; cannot delete {name!r}")

    @classmethod
    def parse(cls, text: str, *, default_unit: Unit = "rial") -> Rial:
        """Read an amount as people write it; see :func:`maskan.persian.parse_money`.

        >>> Rial.parse("2,500,000")
        Rial(2500000)
        >>> Rial.parse("۸ هزار و ۵۹۰ میلیارد ریال")
        Rial(8590000000000)
        """
        from maskan.persian.amounts import parse_money  # presentation sits above money

        return parse_money(text, default_unit=default_unit)

    @classmethod
    def from_toman(cls, amount: int | Decimal) -> Rial:
        """Convert an amount in toman (10 rials); a tenth of a toman is still exact.

        >>> Rial.from_toman(550_000_000)
        Rial(5500000000)
        >>> Rial.from_toman(Decimal("12.5"))
        Rial(125)
        """
        return cls._from_unit(amount, "toman")

    @classmethod
    def from_new_rial(cls, amount: int | Decimal) -> Rial:
        """Convert an amount in new rials (10,000 current rials, the 1404 law).

        >>> Rial.from_new_rial(Decimal("2.5"))
        Rial(25000)
        """
        return cls._from_unit(amount, "new_rial")

    @classmethod
    def _from_unit(cls, amount: object, unit: str) -> Rial:
        if isinstance(amount, Decimal) and amount.is_finite() and amount.copy_abs() < _MAX_RIALS:
            return cls(_whole(amount * RIALS_PER_UNIT[unit], "amount"))
        return cls(_whole(amount, "amount") * RIALS_PER_UNIT[unit])

    @property
    def rials(self) -> int:
        """The amount in rials, as an ``int``.

        >>> Rial(42).rials
        42
        """
        return self._rials

    @property
    def toman(self) -> Decimal:
        """The amount in toman, exact.

        >>> Rial(125).toman
        Decimal('12.5')
        """
        return Decimal(self.in_unit("toman"))

    @property
    def new_rial(self) -> Decimal:
        """The amount in new rials (10,000 current rials), exact.

        >>> Rial(25_000).new_rial
        Decimal('2.5')
        """
        return Decimal(self.in_unit("new_rial"))

    def in_unit(self, unit: Unit) -> int | Decimal:
        """The amount in ``unit``: an ``int`` when it divides evenly, else an exact ``Decimal``.

        >>> Rial(2_500_000_000).in_unit("toman")
        250000000
        >>> Rial(25).in_unit("toman")
        Decimal('2.5')
        """
        if unit not in RIALS_PER_UNIT:
            raise _amount_error(
                "unit", unit, "is not 'rial', 'toman' or 'new_rial'", "واحد پول معتبر نیست", "unit"
            )
        whole, rest = divmod(self._rials, RIALS_PER_UNIT[unit])
        if rest == 0:
            return whole
        return Decimal(self._rials) / RIALS_PER_UNIT[unit]  # exact: below 10^24, 28 digits

    def allocate(self, parts_or_weights: int | Sequence[int | Decimal]) -> list[Rial]:
        """Split the amount exactly: into ``n`` equal parts, or in proportion to weights.

        Every rial is accounted for. The rials left after the proportional split go one
        each to the parts with the largest remainders, earlier parts first on ties, so the
        same call always gives the same plan (instalment plans and refunds rely on it).

        >>> [p.rials for p in Rial(1_000).allocate(3)]
        [334, 333, 333]
        >>> [p.rials for p in Rial(100).allocate([1, 1, 2])]
        [25, 25, 50]
        >>> [p.rials for p in Rial(10).allocate([Decimal("0.3"), Decimal("0.7")])]
        [3, 7]
        """
        weights = self._weights(parts_or_weights)
        total_weight = sum(weights)
        sign = -1 if self._rials < 0 else 1
        amount = abs(self._rials)
        shares: list[int] = []
        remainders: list[tuple[int, int]] = []
        for index, weight in enumerate(weights):
            share, remainder = divmod(amount * weight, total_weight)
            shares.append(share)
            remainders.append((-remainder, index))
        for _, index in sorted(remainders)[: amount - sum(shares)]:
            shares[index] += 1
        return [Rial(sign * share) for share in shares]

    @staticmethod
    def _weights(parts_or_weights: object) -> list[int]:
        if isinstance(parts_or_weights, int) and not isinstance(parts_or_weights, bool):
            if not 1 <= parts_or_weights <= 1_000_000:
                raise _amount_error(
                    "parts",
                    parts_or_weights,
                    "must be a number of parts from 1 to 1,000,000",
                    "تعداد قسمت‌ها باید از ۱ تا ۱٬۰۰۰٬۰۰۰ باشد",
                    "parts",
                )
            return [1] * parts_or_weights
        if not isinstance(parts_or_weights, Sequence) or isinstance(parts_or_weights, str):
            raise _amount_error(
                "parts_or_weights",
                parts_or_weights,
                "must be a number of parts or a sequence of weights",
                "باید تعداد قسمت‌ها یا فهرست وزن‌ها باشد",
                "type",
            )
        weights = list(parts_or_weights)
        for weight in weights:
            if isinstance(weight, bool) or not isinstance(weight, int | Decimal):
                raise _amount_error(
                    "weights", weight, "is not an int or a Decimal", "وزن عدد نیست", "type"
                )
            if isinstance(weight, Decimal) and not weight.is_finite():
                raise _amount_error(
                    "weights", weight, "is not a finite number", "وزن متناهی نیست", "type"
                )
            if weight < 0:
                raise _amount_error(
                    "weights", weight, "is negative", "وزن منفی است", "negative_weight"
                )
        if not weights or sum(weights) == 0:
            raise _amount_error(
                "weights",
                parts_or_weights,
                "must hold at least one positive weight",
                "باید دست‌کم یک وزن مثبت داشته باشد",
                "no_weight",
            )
        # Scale decimal weights to integers so the split is exact at any precision.
        places = max(
            (-int(w.as_tuple().exponent) for w in weights if isinstance(w, Decimal)), default=0
        )
        if places > 30:
            raise _amount_error(
                "weights",
                parts_or_weights,
                "have more than 30 decimal places",
                "بیش از ۳۰ رقم اعشار دارد",
                "type",
            )
        return [int(Decimal(w).scaleb(places)) if places > 0 else int(w) for w in weights]

    def _other(self, other: object, operation: str) -> int:
        if isinstance(other, Rial):
            return other._rials
        raise _amount_error(
            "other",
            other,
            f"cannot be used in Rial {operation}; use a Rial",
            f"در عمل {operation} با ریال قابل استفاده نیست؛ یک Rial بدهید",
            "type",
        )

    def __add__(self, other: Rial) -> Rial:
        return Rial(self._rials + self._other(other, "+"))

    def __radd__(self, other: object) -> Rial:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self  # sum() starts from 0
        return Rial(self._other(other, "+") + self._rials)

    def __sub__(self, other: Rial) -> Rial:
        return Rial(self._rials - self._other(other, "-"))

    def __mul__(self, factor: int) -> Rial:
        return Rial(self._rials * _whole_factor(factor, "*"))

    __rmul__ = __mul__

    def __floordiv__(self, other: int | Rial) -> Rial | int:
        if isinstance(other, Rial):
            if other._rials == 0:
                raise _amount_error("other", other, "is zero", "صفر است", "division_by_zero")
            return self._rials // other._rials
        divisor = _whole_factor(other, "//")
        if divisor == 0:
            raise _amount_error("other", other, "is zero", "صفر است", "division_by_zero")
        return Rial(self._rials // divisor)

    def __neg__(self) -> Rial:
        return Rial(-self._rials)

    def __abs__(self) -> Rial:
        return Rial(abs(self._rials))

    def __bool__(self) -> bool:
        return self._rials != 0

    def __int__(self) -> int:
        return self._rials

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Rial):
            return self._rials == other._rials
        return NotImplemented

    def __hash__(self) -> int:
        return hash((Rial, self._rials))

    def __lt__(self, other: Rial) -> bool:
        return self._rials < self._other(other, "<")

    def __le__(self, other: Rial) -> bool:
        return self._rials <= self._other(other, "<=")

    def __gt__(self, other: Rial) -> bool:
        return self._rials > self._other(other, ">")

    def __ge__(self, other: Rial) -> bool:
        return self._rials >= self._other(other, ">=")

    def __repr__(self) -> str:
        return f"Rial({self._rials})"

    def __str__(self) -> str:
        return f"{self._rials:,} IRR"

    def __reduce__(self) -> tuple[type[Rial], tuple[int]]:
        return (Rial, (self._rials,))

    @staticmethod
    def total(amounts: Iterable[Rial]) -> Rial:
        """Add up amounts; the empty total is ``Rial(0)``.

        >>> Rial.total([Rial(1), Rial(2)])
        Rial(3)
        """
        return sum(amounts, Rial(0))


def _whole_factor(factor: object, operation: str) -> int:
    if isinstance(factor, int) and not isinstance(factor, bool):
        return factor
    raise _amount_error(
        "factor",
        factor,
        f"cannot be used in Rial {operation}; use an int (use allocate() to split by weights)",
        f"در عمل {operation} با ریال قابل استفاده نیست؛ عدد صحیح بدهید",
        "type",
    )
