"""What a rule's vectorized twin reads and returns: a :class:`Frame` of rows, a
:class:`Leaf` of answers, and :class:`Decide`, which builds one condition at a time.

Part of :mod:`maskan.eligibility.batch`, which re-exports the public names here.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping
from typing import Any

import attrs
import numpy as np

from maskan.calendar import as_date
from maskan.eligibility.batch._arrays import Array
from maskan.eligibility.batch._calendar import _add_years, _full_years
from maskan.eligibility.batch._read import _Source, _Table
from maskan.eligibility.batch._schema import FACTS
from maskan.eligibility.parameters import Parameter
from maskan.eligibility.rules import Case, Rule

FAILED = 0
"""The outcome code of a failed row in a :class:`Leaf` (:attr:`Outcome.FAILED`).

>>> FAILED
0
"""
PASSED = 1
"""The outcome code of a passed row in a :class:`Leaf` (:attr:`Outcome.PASSED`).

>>> PASSED
1
"""
UNKNOWN = 2
"""The outcome code of an unknown row in a :class:`Leaf` (:attr:`Outcome.UNKNOWN`).

>>> UNKNOWN
2
"""
_DEFER = 3  # left to the per-person path


@attrs.frozen(kw_only=True)
class Leaf:
    """What a rule's twin found for each row of a :class:`Frame`.

    Attributes:
        outcome: per row :data:`FAILED`, :data:`PASSED` or :data:`UNKNOWN`, or 3 for a row
            left to the per-person path.
        reason: for a failed row, the index of its reason in the rule's
            :attr:`~maskan.eligibility.rules.InColumns.failures`; -1 otherwise.
        eligible_from: for a failed row, the ordinal of the date the rule would pass
            (``datetime.date.toordinal``); 0 for none.

    >>> leaf = Leaf(outcome=np.array([1, 0], np.int8), reason=np.array([-1, 0], np.int8),
    ...             eligible_from=np.zeros(2, np.int32))
    >>> leaf.outcome.tolist()
    [1, 0]
    """

    outcome: Array
    reason: Array
    eligible_from: Array


class Decide:
    """Builds a :class:`Leaf` the way a rule's ``check`` reads: conditions in order, the
    first that holds for a row decides it.

    >>> import datetime
    >>> frame = Frame.of({"disabled": np.array([True, False])}, on=datetime.date(2025, 1, 1))
    >>> from maskan.eligibility.programs.national_housing_movement import DISABLED
    >>> decide = frame.decide(DISABLED)
    >>> disabled = frame.flag("disabled")
    >>> decide.failed(disabled == 0, "national_housing_movement.not_disabled")
    >>> decide.passed_rest()
    >>> decide.leaf().outcome.tolist()
    [1, 0]
    """

    # One int8 per row: a failure's reason index (0-63), or one of these states.
    _PASSED, _UNKNOWN, _DEFERRED, _OPEN = 100, 101, 102, 127

    def __init__(self, frame: Frame, rule: Rule) -> None:
        assert rule.columns is not None
        self.rule = rule
        self._failures = rule.columns.failures
        self._state = np.full(frame.size, self._OPEN, np.int8)
        self.eligible_from = np.zeros(frame.size, np.int32)

    @property
    def open(self) -> Array:
        """The rows not decided yet."""
        pending: Array = self._state == self._OPEN
        return pending

    def _open(self, mask: Array) -> Array:
        chosen: Array = mask & (self._state == self._OPEN)
        return chosen

    def passed(self, mask: Array) -> None:
        """Rows of ``mask`` still open pass."""
        _set(self._state, self._open(mask), self._PASSED)

    def unknown(self, mask: Array) -> None:
        """Rows of ``mask`` still open are unknown."""
        _set(self._state, self._open(mask), self._UNKNOWN)

    def defer(self, mask: Array) -> None:
        """Rows of ``mask`` still open go to the per-person path."""
        if np.any(mask):
            _set(self._state, self._open(mask), self._DEFERRED)

    def failed(self, mask: Array, reason: str, eligible_from: Array | int = 0) -> None:
        """Rows of ``mask`` still open fail with ``reason`` (one of the rule's failures)
        and, where given (an ordinal, 0 for none), an ``eligible_from``."""
        chosen = self._open(mask)
        _set(self._state, chosen, self._failures.index(reason))
        if np.ndim(eligible_from) or eligible_from:
            _set(self.eligible_from, chosen, eligible_from)

    def take(self, leaf: Leaf, mask: Array | None = None) -> None:
        """Rows still open (of ``mask``, if given) take ``leaf``'s answers."""
        chosen = self.open if mask is None else self._open(mask)
        state = leaf.outcome + (self._PASSED - 1)
        _set(state, leaf.outcome == FAILED, leaf.reason)
        _set(self._state, chosen, state)
        _set(self.eligible_from, chosen, leaf.eligible_from)

    def passed_rest(self) -> None:
        """Every row still open passes."""
        _set(self._state, self.open, self._PASSED)

    def leaf(self) -> Leaf:
        """The finished :class:`Leaf`; a row left open goes to the per-person path."""
        # The state as outcome and reason, in int8 arithmetic: a reason index (below 64)
        # fails, 100 passed, 101 unknown, 102 deferred and 127 (open) to the per-person path.
        state = self._state
        outcome = state - (self._PASSED - PASSED)
        np.clip(outcome, FAILED, _DEFER, out=outcome)
        reason = state.copy()
        _set(reason, state >= 64, -1)
        return Leaf(outcome=outcome, reason=reason, eligible_from=self.eligible_from)


class Frame:
    """Rows of a roster on per-row evaluation dates, as a rule's twin sees them.

    Columns come back parsed: dates as ``int32`` ordinals (0: unknown), yes/no facts as
    ``int8`` (1, 0, -1: unknown), choices as the index of the member in its enumeration
    (-1: unknown), counts as ``int32`` (-1: unknown). ``on`` holds each row's evaluation
    date as an ordinal. Parameters resolve through their dated histories, row by row.

    >>> import datetime
    >>> frame = Frame.of({"birth_date": np.array(["1371/02/10", None], dtype=object)},
    ...                  on=datetime.date(2025, 11, 25))
    >>> frame.date("birth_date").tolist(), frame.size
    ([727318, 0], 2)
    """

    def __init__(
        self,
        table: _Table,
        on: Array,
        rows: Array | None,
        values: Mapping[str, object],
        context: Mapping[str, Any],
    ) -> None:
        self._table = table
        self.on = on
        common = len(on) > 0 and bool((on == on[0]).all())
        self.today: Any = on[0] if common else on
        """The evaluation date: one ordinal when every row shares it, else ``on``."""
        self._rows = rows
        self.values = values
        self.context = context
        self.size = len(on)
        self._memo: dict[object, Any] = {}

    @classmethod
    def of(
        cls,
        data: Any,
        *,
        on: datetime.date,
        values: Mapping[str, object] | None = None,
        **context: Any,
    ) -> Frame:
        """A frame of every row of ``data`` on the date ``on`` (for trying a twin)."""
        table = _Table(_Source(data))
        day = np.full(table.size, on.toordinal(), np.int32)
        return cls(table, day, None, values or {}, context)

    def _select(self, codes: Array) -> Array:
        return codes if self._rows is None else codes[self._rows]

    def memo(self, key: object, make: Callable[[], Any]) -> Any:
        """``make()``, computed once per frame for ``key``."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def _fact(self, name: str) -> Array:
        return self.memo(name, lambda: self._select(self._table.fact(name).codes))  # type: ignore[no-any-return]

    def date(self, name: str) -> Array:
        """A date fact, as ordinals (0: unknown)."""
        return self._fact(name)

    def flag(self, name: str) -> Array:
        """A yes/no fact: 1, 0, or -1 for unknown."""
        return self._fact(name)

    def choice(self, name: str) -> Array:
        """A choice fact: the member's index in its enumeration, -1 for unknown."""
        return self._fact(name)

    def text(self, name: str) -> tuple[Array, tuple[str, ...]]:
        """A text fact: codes (-1: unknown) and the normalized labels they index."""
        column = self._table.fact(name)
        return self._fact(name), column.labels

    @staticmethod
    def code(member: enum.Enum) -> int:
        """The index of ``member`` in its enumeration, as :meth:`choice` gives it."""
        return list(type(member)).index(member)

    def count(self, name: str) -> Array:
        """The number of records of a list fact (-1: unknown)."""
        fact = FACTS[name]
        return self.memo(("count", name), lambda: self._select(self._table.count(fact)))  # type: ignore[no-any-return]

    def slots(self, name: str) -> int:
        """How many slots the list fact ``name`` has in the input."""
        return self._table.slots(FACTS[name])

    def slot(self, name: str, slot: int, field: str) -> Array:
        """Field ``field`` of slot ``slot`` (from 1) of the list fact ``name``."""
        fact = FACTS[name]
        return self.memo(  # type: ignore[no-any-return]
            (name, slot, field),
            lambda: self._select(self._table.slot(fact, slot, field).codes),
        )

    def slot_labels(self, name: str, slot: int, field: str) -> tuple[str, ...]:
        """The labels of a text field of a slot."""
        return self._table.slot(FACTS[name], slot, field).labels

    def years(self, start: Array, end: Array) -> Array:
        """Full Jalali years from ``start`` to ``end`` (ordinals), as
        :func:`~maskan.calendar.full_years`."""
        return _full_years(start, end)

    def add_years(self, ordinal: Array, years: Array | int, where: Array | None = None) -> Array:
        """The same Jalali day ``years`` later, as :func:`~maskan.calendar.add_years`;
        with ``where``, only for those rows (0 elsewhere)."""
        if where is None:
            return _add_years(ordinal, years)
        rows = np.flatnonzero(where)
        result = np.zeros(self.size, np.int32)
        result[rows] = _add_years(pick(ordinal, rows), pick(years, rows))
        return result

    def resolve(self, parameter: Parameter[Any]) -> tuple[Array, Array]:
        """The value of ``parameter`` for each row on its date, and a mask of the rows
        before its first value (the per-person path raises there: defer them). A value
        the caller supplied holds for every row. Date values come back as ordinals."""

        def make() -> tuple[Array, Array]:
            return self._resolve(parameter, self.today)

        return self.memo(("parameter", parameter.code), make)  # type: ignore[no-any-return]

    def resolve_on(self, parameter: Parameter[Any], on: Array) -> tuple[Array, Array]:
        """:meth:`resolve` on other dates than the rows' own."""
        return self._resolve(parameter, on)

    def _resolve(self, parameter: Parameter[Any], on: Array) -> tuple[Array, Array]:
        if parameter.code in self.values:
            value = _plain(self.values[parameter.code], parameter)
            return np.asarray(value), np.asarray(False)
        if not parameter.history:
            parameter.resolve(datetime.date(2000, 1, 1), self.values)  # raises missing_parameter
        boundaries = np.array([day.toordinal() for day, _ in parameter.history], np.int64)
        found = np.array([_plain(value, parameter) for _, value in parameter.history])
        index = np.searchsorted(boundaries, on, side="right") - 1
        before = index < 0
        return found[np.maximum(index, 0)], before

    def change_in_force(self, parameter: Parameter[Any]) -> tuple[Array, int]:
        """For a caller-set change (see
        :func:`~maskan.eligibility.programs.without_housing.change_in_force`): per row 1 in
        force, 0 not, -1 undecided; and the change's date as an ordinal (0 when an option
        was given)."""
        from maskan.eligibility.programs.without_housing import change_in_force

        case = Case(person=None, on=datetime.date(2000, 1, 1), values=self.values)
        in_force, change = change_in_force(case, parameter)
        if change is not None:
            day = change.toordinal()
            return np.asarray(self.today >= day).astype(np.int8), day
        value = -1 if in_force is None else int(in_force)
        return np.asarray(value, np.int8), 0

    def decide(self, rule: Rule) -> Decide:
        """A :class:`Decide` for ``rule`` over these rows."""
        return Decide(self, rule)

    def subset(self, rows: Array, on: Array) -> Frame:
        """The rows ``rows`` (positions in this frame) on the dates ``on``."""
        picked = rows if self._rows is None else self._rows[rows]
        return Frame(self._table, on, picked, self.values, self.context)


def _set(target: Array, mask: Array, value: Array | int) -> None:
    """``target[mask] = value``, with ``value`` cast to ``target``'s type as
    ``np.copyto(..., casting="unsafe")`` does, in wrapping arithmetic: without a branch
    per row, many times faster than a masked copy."""
    change = target - np.asarray(value).astype(target.dtype, copy=False)
    change *= mask
    target -= change


def pick(values: Any, rows: Array) -> Any:
    """``values[rows]``, or ``values`` itself when it is one value for every row.

    >>> pick(np.array([5, 6, 7]), np.array([0, 2])).tolist(), int(pick(np.asarray(4), [0]))
    ([5, 7], 4)
    """
    return values[rows] if np.ndim(values) else values


def _plain(value: object, parameter: Parameter[Any]) -> object:
    if parameter.unit == "date":
        return as_date(value, parameter.code).toordinal()  # type: ignore[arg-type,unused-ignore]
    return value
