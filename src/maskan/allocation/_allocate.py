"""Allocation of units: by rank, by lottery, or by rank then lottery within groups.

Part of :mod:`maskan.allocation`, which re-exports the public names here.

Every method does the same two steps:

1. **An order of choosing.** ``rank``: the ranking's order. ``lottery``: the draw order
   (:func:`~maskan.allocation.draw_order`). ``rank_then_lottery``: groups one after the
   other — groups of equal points from a ranking, most points first, or the caller's
   groups in the caller's order — and the draw order inside each group.
2. **Units in turn.** Each candidate in that order takes the first free unit they accept:
   without a :class:`Preference`, the first free unit in the order the units were given
   (a project's ``units`` order); with one, the first free unit that matches it, in the
   order of its wish-list, then of its blocks, then of the units. A candidate no free unit
   matches is passed over (``no_acceptable_unit``) and the next one chooses. Once
   ``winners`` units are assigned, everyone after is ``not_reached`` — the waiting list,
   in order.

One unit per member, one member per unit: a member named twice, or already holding a
unit of an earlier allocation, is refused, as is a unit offered twice or already
allocated.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Protocol

import attrs

from maskan.allocation._draw import (
    ALGORITHM,
    candidates_digest,
    draw_key,
    member_id,
    seed_text,
    unique_ids,
)
from maskan.allocation._errors import AllocationError, refuse, wrong_type
from maskan.allocation._points import (
    Ranking,
    check_ranking,
    number,
    show_date,
    show_member,
    show_number,
)
from maskan.calendar import DateLike, as_date
from maskan.errors import MaskanError, describe
from maskan.models._fields import as_integer, as_legal_id, as_text, to_date, to_national_id
from maskan.models._labels import Labelled, labels
from maskan.models.project import HousingProject, Unit
from maskan.persian.digits import to_latin_digits, to_persian_digits

__all__ = [
    "Allocation",
    "Method",
    "Outcome",
    "Preference",
    "Turn",
    "allocate",
    "lottery",
    "verify",
]

UnitKey = tuple[str, str]


class Method(Labelled):
    """How an allocation orders the candidates.

    >>> [method.value for method in Method]
    ['rank', 'lottery', 'rank_then_lottery']
    >>> Method.RANK_THEN_LOTTERY.label_fa
    'رتبه، سپس قرعه‌کشی در هر گروه'
    """

    RANK = "rank"
    LOTTERY = "lottery"
    RANK_THEN_LOTTERY = "rank_then_lottery"


labels(
    Method,
    {
        "rank": ("بر اساس رتبه", "by rank"),
        "lottery": ("قرعه‌کشی", "lottery"),
        "rank_then_lottery": (
            "رتبه، سپس قرعه‌کشی در هر گروه",
            "rank, then lottery within each group",
        ),
    },
)


class Outcome(Labelled):
    """What a candidate's turn gave.

    >>> Outcome.NOT_REACHED.label_en
    'not reached: the units to assign ran out first'
    """

    ASSIGNED = "assigned"
    NO_ACCEPTABLE_UNIT = "no_acceptable_unit"
    NOT_REACHED = "not_reached"


labels(
    Outcome,
    {
        "assigned": ("واحد گرفت", "assigned a unit"),
        "no_acceptable_unit": (
            "واحدی مطابق ترجیحات نماند",
            "no free unit matched the preferences",
        ),
        "not_reached": ("نوبت نرسید", "not reached: the units to assign ran out first"),
    },
)


def unit_label(key: UnitKey, lang: str = "fa") -> str:
    """A unit's key for a reader.

    >>> unit_label(("الف", "12"), "fa"), unit_label(("", "7"), "en")
    ('بلوک الف، واحد ۱۲', 'unit 7')
    """
    block, number_ = key
    if lang == "fa":
        text = f"واحد {number_}" if not block else f"بلوک {block}، واحد {number_}"
        return to_persian_digits(text)
    return f"unit {number_}" if not block else f"block {block}, unit {number_}"


# Preferences -------------------------------------------------------------------------


def _key_of(value: object, field: str) -> UnitKey:
    """A unit key from a ``Unit`` or a ``(block, number)`` pair (block ``""`` or ``None``
    when the project has no blocks), normalized as ``Unit`` normalizes."""
    if isinstance(value, Unit):
        return value.key
    if isinstance(value, list | tuple) and len(value) == 2:
        block, number_ = value
        try:
            return Unit(number=number_, block=block or None).key
        except MaskanError as error:
            error.field = field
            raise
    raise wrong_type(field, value, "a Unit or a (block, number) pair", "واحد یا (بلوک، شماره)")


def _wish_list(value: Iterable[Unit | Sequence[str]]) -> tuple[UnitKey, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise wrong_type("units", value, "a list of units", "فهرست واحدها")
    keys = tuple(_key_of(item, "units") for item in value)
    if len(set(keys)) != len(keys):
        raise refuse("unit_twice", "units", keys, "a unit is named twice", "واحدی دو بار آمده است")
    return keys


def _blocks(value: Iterable[str]) -> tuple[str, ...]:
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise wrong_type("blocks", value, "a list of blocks", "فهرست بلوک‌ها")
    blocks = tuple(to_latin_digits(as_text(item, "blocks")) for item in value)
    if len(set(blocks)) != len(blocks):
        raise refuse(
            "bad_range", "blocks", blocks, "a block is named twice", "بلوکی دو بار آمده است"
        )
    return blocks


def _optional_floor(value: int | None, field: str) -> int | None:
    return None if value is None else as_integer(value, field, low=-1000)


def _min_floor(value: int | None) -> int | None:
    return _optional_floor(value, "min_floor")


def _max_floor(value: int | None) -> int | None:
    return _optional_floor(value, "max_floor")


def _min_area(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else number(value, "min_area_m2")


def _max_area(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else number(value, "max_area_m2")


@attrs.frozen(kw_only=True)
class Preference:
    """What a member accepts, and what they would choose first (the request form of
    DOMAIN.md §5.6: location, floor area, …).

    A unit is acceptable when it matches every condition given: it is on the wish-list
    (when there is one), in one of the blocks (when given), on a floor from ``min_floor``
    to ``max_floor``, with a floor area from ``min_area_m2`` to ``max_area_m2`` (both ends
    included). A unit whose floor or area is unknown does not match a condition on it.
    Among the free acceptable units the member takes the first on the wish-list, else in
    the first block listed, else the first in the order the units were given.

    Attributes:
        national_id: the member's national ID.
        units: the wish-list, unit keys ``(block, number)`` or ``Unit`` objects, first
            choice first.
        blocks: the acceptable blocks, first choice first.
        min_floor, max_floor: the acceptable floors (0 is the ground floor).
        min_area_m2, max_area_m2: the acceptable floor areas in square metres.

    Raises:
        AllocationError: code ``bad_range`` when a minimum is above its maximum or a
            block is named twice; ``unit_twice`` when a unit is on the wish-list twice.

    >>> wish = Preference(national_id="0499370899", blocks=["B", "A"], max_floor=2)
    >>> units = [Unit(number="1", block="A", floor=1), Unit(number="2", block="A", floor=3),
    ...          Unit(number="3", block="C", floor=1), Unit(number="4", block="B")]
    >>> [wish.accepts(unit) for unit in units]
    [True, False, False, False]
    """

    national_id: str = attrs.field(converter=to_national_id)
    units: tuple[UnitKey, ...] = attrs.field(default=(), converter=_wish_list)
    blocks: tuple[str, ...] = attrs.field(default=(), converter=_blocks)
    min_floor: int | None = attrs.field(default=None, converter=_min_floor)
    max_floor: int | None = attrs.field(default=None, converter=_max_floor)
    min_area_m2: Decimal | None = attrs.field(default=None, converter=_min_area)
    max_area_m2: Decimal | None = attrs.field(default=None, converter=_max_area)

    def __attrs_post_init__(self) -> None:
        for low, high, field in (
            (self.min_floor, self.max_floor, "floor"),
            (self.min_area_m2, self.max_area_m2, "area_m2"),
        ):
            if low is not None and high is not None and low > high:
                raise refuse(
                    "bad_range",
                    f"min_{field}",
                    low,
                    f"the minimum, {low}, is above the maximum, {high}",
                    f"کمینه ({low}) از بیشینه ({high}) بیشتر است",
                )

    def accepts(self, unit: Unit) -> bool:
        """Whether ``unit`` matches every condition of the preference.

        >>> Preference(national_id="0499370899", min_area_m2=80).accepts(
        ...     Unit(number="1", floor_area_m2=95))
        True
        """
        if self.units and unit.key not in self.units:
            return False
        if self.blocks and (unit.block or "") not in self.blocks:
            return False
        if self.min_floor is not None or self.max_floor is not None:
            floor = unit.floor
            if floor is None:
                return False
            if self.min_floor is not None and floor < self.min_floor:
                return False
            if self.max_floor is not None and floor > self.max_floor:
                return False
        if self.min_area_m2 is not None or self.max_area_m2 is not None:
            area = unit.floor_area_m2
            if area is None:
                return False
            if self.min_area_m2 is not None and area < self.min_area_m2:
                return False
            if self.max_area_m2 is not None and area > self.max_area_m2:
                return False
        return True

    def _choice_key(self, unit: Unit) -> tuple[int, int]:
        wish = self.units.index(unit.key) if self.units else 0
        block = self.blocks.index(unit.block or "") if self.blocks else 0
        return (wish, block)


# Turns and the result -----------------------------------------------------------------


def _outcome(value: Outcome | str) -> Outcome:
    return Outcome(value)


def _unit_key(value: Sequence[str] | None) -> UnitKey | None:
    return None if value is None else _key_of(value, "unit")


def _position(value: int) -> int:
    return as_integer(value, "position", low=1)


def _optional_rank(value: int | None) -> int | None:
    return None if value is None else as_integer(value, "rank", low=1)


def _optional_group(value: int | None) -> int | None:
    return None if value is None else as_integer(value, "group", low=1)


def _optional_points(value: Decimal | int | str | None) -> Decimal | None:
    return None if value is None else number(value, "points")


def _plain(value: object, field: str) -> str | None:
    """Text kept exactly as given (a seed or a draw key must not be normalized)."""
    if value is None or isinstance(value, str):
        return value
    raise wrong_type(field, value, "text", "متن")


def _optional_key(value: str | None) -> str | None:
    return _plain(value, "draw_key")


@attrs.frozen(kw_only=True)
class Turn:
    """One candidate's turn in an allocation: where they came in the order of choosing,
    why, and what they got.

    Attributes:
        position: the place in the order of choosing, from 1.
        national_id: the candidate's national ID.
        outcome: ``assigned``, ``no_acceptable_unit`` or ``not_reached``.
        unit: the key ``(block, number)`` of the unit assigned, or ``None``.
        rank: the position in the ranking (method ``rank``).
        points: the candidate's points (methods ``rank`` and ``rank_then_lottery`` with a
            ranking).
        group: the group, from 1 (method ``rank_then_lottery``).
        draw_key: the candidate's draw key (methods ``lottery`` and ``rank_then_lottery``).

    >>> turn = Turn(position=1, national_id="0499370899", outcome="assigned", unit=("A", "1"),
    ...             rank=1, points=27)
    >>> turn.reason("en"), turn.reason("fa")
    ('rank 1 (27 points)', 'رتبهٔ ۱ (۲۷ امتیاز)')
    """

    position: int = attrs.field(converter=_position)
    national_id: str = attrs.field(converter=to_national_id)
    outcome: Outcome = attrs.field(converter=_outcome)
    unit: UnitKey | None = attrs.field(default=None, converter=_unit_key)
    rank: int | None = attrs.field(default=None, converter=_optional_rank)
    points: Decimal | None = attrs.field(default=None, converter=_optional_points)
    group: int | None = attrs.field(default=None, converter=_optional_group)
    draw_key: str | None = attrs.field(default=None, converter=_optional_key)

    def reason(self, lang: str = "fa") -> str:
        """Why the candidate came at this place: the rank and points, the group, the draw
        key (its first 16 characters; the whole key is ``draw_key``).

        >>> Turn(position=2, national_id="0499370899", outcome="not_reached", group=1,
        ...      points=10, draw_key="1b0c0b3c" * 8).reason("en")
        'group 1 (10 points), draw key 1b0c0b3c1b0c0b3c…'
        """
        fa = lang == "fa"
        parts = []
        points = None
        if self.points is not None:
            points = f"{show_number(self.points, lang)} {'امتیاز' if fa else 'points'}"
        if self.rank is not None:
            head = f"رتبهٔ {show_number(self.rank, lang)}" if fa else f"rank {self.rank}"
            parts.append(f"{head} ({points})" if points else head)
        elif self.group is not None:
            head = f"گروه {show_number(self.group, lang)}" if fa else f"group {self.group}"
            parts.append(f"{head} ({points})" if points else head)
        if self.draw_key is not None:
            key = self.draw_key[:16] + "…"
            parts.append(f"کلید قرعه {key}" if fa else f"draw key {key}")
        return ("، " if fa else ", ").join(parts)


def _method(value: Method | str) -> Method:
    try:
        return Method(value)
    except ValueError:
        codes = ", ".join(repr(method.value) for method in Method)
        raise refuse(
            "unknown_method",
            "method",
            value,
            f"{describe(value)} is not an allocation method; one of {codes}",
            f"مقدار {describe(value)} روش تخصیص نیست؛ یکی از {codes}",
        ) from None


def _units(value: Iterable[Unit]) -> tuple[Unit, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, Unit):
            raise wrong_type("units", item, "a Unit", "واحد مسکونی")
    return items


def _turns(value: Iterable[Turn]) -> tuple[Turn, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, Turn):
            raise wrong_type("turns", item, "a Turn", "نوبت")
    return items


def _preferences(value: Iterable[Preference]) -> tuple[Preference, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, Preference):
            raise wrong_type("preferences", item, "a Preference", "ترجیح")
    return items


def _winners(value: int) -> int:
    return as_integer(value, "winners", low=0)


def _optional_seed(value: str | None) -> str | None:
    return _plain(value, "seed")


def _optional_algorithm(value: str | None) -> str | None:
    return _plain(value, "algorithm")


def _optional_project(value: str | None) -> str | None:
    return None if value is None else as_text(value, "project")


def _optional_cooperative(value: str | None) -> str | None:
    return None if value is None else as_legal_id(value, "cooperative_id")


def _optional_ranking(value: Ranking | None) -> Ranking | None:
    if value is not None and not isinstance(value, Ranking):
        raise wrong_type("ranking", value, "a Ranking", "رتبه‌بندی")
    return value


def _groups(value: Iterable[Iterable[str]] | None) -> tuple[tuple[str, ...], ...] | None:
    if value is None:
        return None
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise wrong_type("groups", value, "a list of groups", "فهرست گروه‌ها")
    groups = []
    for group in value:
        ids = unique_ids(group, "groups")
        if not ids:
            raise refuse("empty_group", "groups", (), "a group is empty", "گروهی خالی است")
        groups.append(ids)
    return tuple(groups)


@attrs.frozen(kw_only=True)
class Allocation:
    """The result of an allocation: how it was made, and each candidate's turn.

    Everything needed to re-derive it is recorded — the method, the seed and the draw
    algorithm, the ranking or the groups, the units in the order offered, the preferences
    and the number of winners — so :func:`verify` can re-run it. Publish it (``maskan.serde``
    writes it as JSON) and anyone can check it.

    Attributes:
        method: ``rank``, ``lottery`` or ``rank_then_lottery``.
        on: the day of the allocation (of the draw).
        units: the units offered, in the order offered.
        turns: every candidate considered, in the order of choosing, with what they got.
        winners: how many units were to be assigned.
        seed: the seed as it entered the draw keys (:func:`seed_text`), for a draw.
        algorithm: the draw algorithm (:data:`ALGORITHM`), for a draw.
        ranking: the ranking the order came from, with every member's breakdown.
        groups: the caller's groups, in order (``rank_then_lottery`` without a ranking).
        preferences: the candidates' preferences, by national ID.
        project: the project's code, when the units came from a ``HousingProject``.
        cooperative_id: the project's cooperative, likewise.

    >>> result = lottery(["0499370899", "0084575948", "0790419904"],
    ...                  [Unit(number="1"), Unit(number="2")], seed=482719, on="1404/09/04")
    >>> [(turn.national_id, turn.unit) for turn in result.turns]
    [('0790419904', ('', '1')), ('0499370899', ('', '2')), ('0084575948', None)]
    >>> result.unit_of("0499370899").number, result.member_of(("", "1"))
    ('2', '0790419904')
    """

    method: Method = attrs.field(converter=_method)
    on: datetime.date = attrs.field(converter=to_date)
    units: tuple[Unit, ...] = attrs.field(converter=_units)
    turns: tuple[Turn, ...] = attrs.field(converter=_turns)
    winners: int = attrs.field(converter=_winners)
    seed: str | None = attrs.field(default=None, converter=_optional_seed)
    algorithm: str | None = attrs.field(default=None, converter=_optional_algorithm)
    ranking: Ranking | None = attrs.field(default=None, converter=_optional_ranking)
    groups: tuple[tuple[str, ...], ...] | None = attrs.field(default=None, converter=_groups)
    preferences: tuple[Preference, ...] = attrs.field(default=(), converter=_preferences)
    project: str | None = attrs.field(default=None, converter=_optional_project)
    cooperative_id: str | None = attrs.field(default=None, converter=_optional_cooperative)

    @property
    def candidates(self) -> tuple[str, ...]:
        """The national IDs of the candidates considered, in the order of choosing.

        >>> lottery(["0499370899"], [Unit(number="1")], seed=1, on="1404/09/04").candidates
        ('0499370899',)
        """
        return tuple(turn.national_id for turn in self.turns)

    @property
    def candidates_digest(self) -> str:
        """:func:`~maskan.allocation.candidates_digest` of the candidates: compare it with
        the fingerprint published before the draw.

        >>> from maskan.allocation import candidates_digest
        >>> result = lottery(["0499370899"], [Unit(number="1")], seed=1, on="1404/09/04")
        >>> result.candidates_digest == candidates_digest(["0499370899"])
        True
        """
        return candidates_digest(self.candidates)

    @property
    def assignments(self) -> tuple[Turn, ...]:
        """The turns that gave a unit, in the order of choosing.

        >>> result = lottery(["0499370899", "0084575948"], [Unit(number="1")], seed=1,
        ...                  on="1404/09/04")
        >>> [(turn.national_id, turn.unit) for turn in result.assignments]
        [('0084575948', ('', '1'))]
        """
        return tuple(turn for turn in self.turns if turn.unit is not None)

    def unit_of(self, national_id: str) -> Unit | None:
        """The unit assigned to a member, or ``None``.

        >>> lottery(["0499370899"], [Unit(number="1")], seed=1, on="1404/09/04").unit_of(
        ...     "۰۴۹۹۳۷۰۸۹۹").number
        '1'
        """
        wanted = member_id(national_id, "national_id")
        units = {unit.key: unit for unit in self.units}
        for turn in self.turns:
            if turn.national_id == wanted and turn.unit is not None:
                return units.get(turn.unit)
        return None

    def member_of(self, unit: Unit | Sequence[str]) -> str | None:
        """The national ID of the member a unit went to, or ``None``.

        >>> lottery(["0499370899"], [Unit(number="1")], seed=1, on="1404/09/04").member_of(
        ...     Unit(number="1"))
        '0499370899'
        """
        key = _key_of(unit, "unit")
        for turn in self.turns:
            if turn.unit == key:
                return turn.national_id
        return None

    def explain(self, lang: str = "fa") -> str:
        """The allocation in words: how it was made, then one line per turn.

        >>> result = lottery(["0499370899", "0084575948"], [Unit(number="1", block="A")],
        ...                  seed=482719, on="1404/09/04")
        >>> print(result.explain("en"))
        lottery on 1404/09/04 (2025-11-25); seed 482719, algorithm maskan-lottery-v1; \
2 candidates, 1 unit, 1 winner
        1. 0499370899 → block A, unit 1 (draw key b2524209fa1ce3e9…)
        2. 0084575948: not reached: the units to assign ran out first (draw key d292afc8771a4810…)
        """
        fa = lang == "fa"
        names = (
            {standing.national_id: standing.name for standing in self.ranking.standings}
            if self.ranking
            else {}
        )
        method = self.method.label_fa if fa else self.method.label_en
        count = len(self.turns)
        if fa:
            head = (
                f"{method} در {show_date(self.on, lang)}؛ "
                + (f"بذر {self.seed}، الگوریتم {self.algorithm}؛ " if self.seed else "")
                + f"{show_number(count, lang)} نامزد، {show_number(len(self.units), lang)} واحد،"
                f" {show_number(self.winners, lang)} برنده"
            )
        else:
            head = (
                f"{method} on {show_date(self.on, lang)}; "
                + (f"seed {self.seed}, algorithm {self.algorithm}; " if self.seed else "")
                + f"{_plural(count, 'candidate')}, {_plural(len(self.units), 'unit')},"
                f" {_plural(self.winners, 'winner')}"
            )
        lines = [head]
        for turn in self.turns:
            who = show_member(turn.national_id, names.get(turn.national_id), lang)
            place = show_number(turn.position, lang)
            if turn.unit is not None:
                got = f" → {unit_label(turn.unit, lang)}"
            else:
                got = f": {turn.outcome.label_fa if fa else turn.outcome.label_en}"
            reason = turn.reason(lang)
            lines.append(f"{place}. {who}{got}" + (f" ({reason})" if reason else ""))
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The allocation as right-to-left HTML for a notebook (:func:`maskan.display.html`).

        >>> result = lottery(["0499370899"], [Unit(number="1")], seed=1, on="1404/09/04")
        >>> 'dir="rtl"' in result._repr_html_()
        True
        """
        from maskan.display import html  # display sits above allocation: imported on use

        return html(self)

    def to_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per turn, for a table or ``pandas.DataFrame``.

        >>> lottery(["0499370899"], [Unit(number="1")], seed=1, on="1404/09/04").to_dicts()[0]
        ... # doctest: +ELLIPSIS
        {'position': 1, 'national_id': '0499370899', 'outcome': 'assigned', 'block': None, \
'number': '1', 'rank': None, 'points': None, 'group': None, 'draw_key': '...'}
        """
        return [
            {
                "position": turn.position,
                "national_id": turn.national_id,
                "outcome": turn.outcome.value,
                "block": (turn.unit[0] or None) if turn.unit else None,
                "number": turn.unit[1] if turn.unit else None,
                "rank": turn.rank,
                "points": turn.points,
                "group": turn.group,
                "draw_key": turn.draw_key,
            }
            for turn in self.turns
        ]


def _plural(count: int, noun: str) -> str:
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


# Building an allocation ---------------------------------------------------------------


class _Eligible(Protocol):
    @property
    def eligible(self) -> bool: ...


def _check_units(value: object) -> tuple[tuple[Unit, ...], str | None, str | None]:
    if isinstance(value, HousingProject):
        units, project, cooperative = tuple(value.units), value.code, value.cooperative_id
    elif isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise wrong_type(
            "units", value, "a HousingProject or a list of Units", "پروژه یا فهرست واحدها"
        )
    else:
        units, project, cooperative = _units(value), None, None
    if not units:
        raise refuse("no_units", "units", (), "no units are offered", "هیچ واحدی عرضه نشده است")
    seen: set[UnitKey] = set()
    for unit in units:
        if unit.key in seen:
            raise refuse(
                "unit_twice",
                "units",
                unit.key,
                f"{unit_label(unit.key, 'en')} is offered twice",
                f"{unit_label(unit.key)} دو بار عرضه شده است",
            )
        seen.add(unit.key)
    return units, project, cooperative


def _unused(field: str, method: Method) -> AllocationError:
    return refuse(
        "unused_argument",
        field,
        None,
        f"is not used by method {method.value!r}; leave it out",
        f"در روش «{method.label_fa}» به کار نمی‌رود؛ آن را ندهید",
    )


def _order(
    method: Method,
    candidates: tuple[str, ...],
    ranking: Ranking | None,
    groups: tuple[tuple[str, ...], ...] | None,
    seed: str | None,
) -> list[dict[str, Any]]:
    """The order of choosing, each entry the fields of a Turn but the outcome and unit."""
    if method is Method.LOTTERY:
        assert seed is not None
        keyed = sorted((draw_key(seed, national_id), national_id) for national_id in candidates)
        return [{"national_id": national_id, "draw_key": key} for key, national_id in keyed]
    if ranking is not None:
        wanted = set(candidates)
        standings = [standing for standing in ranking.standings if standing.national_id in wanted]
        if method is Method.RANK:
            return [
                {"national_id": s.national_id, "rank": s.position, "points": s.points}
                for s in standings
            ]
        assert seed is not None
        order: list[dict[str, Any]] = []
        group = 0
        last: Decimal | None = None
        batch: list[dict[str, Any]] = []
        for standing in [*standings, None]:
            if standing is None or standing.points != last:
                order.extend(
                    sorted(batch, key=lambda entry: (entry["draw_key"], entry["national_id"]))
                )
                batch = []
                if standing is None:
                    break
                group += 1
                last = standing.points
            batch.append(
                {
                    "national_id": standing.national_id,
                    "points": standing.points,
                    "group": group,
                    "draw_key": draw_key(seed, standing.national_id),
                }
            )
        return order
    assert groups is not None
    assert seed is not None
    order = []
    for number_, members in enumerate(groups, 1):
        keyed = sorted((draw_key(seed, national_id), national_id) for national_id in members)
        order.extend(
            {"national_id": national_id, "group": number_, "draw_key": key}
            for key, national_id in keyed
        )
    return order


def _assign(
    order: list[dict[str, Any]],
    units: tuple[Unit, ...],
    preferences: Mapping[str, Preference],
    winners: int,
) -> tuple[Turn, ...]:
    free = [True] * len(units)
    first_free = 0
    assigned = 0
    turns = []
    for position, entry in enumerate(order, 1):
        national_id = entry["national_id"]
        choice: int | None = None
        if assigned >= winners:
            outcome = Outcome.NOT_REACHED
        else:
            preference = preferences.get(national_id)
            if preference is None:
                while not free[first_free]:  # a free unit exists: assigned < winners <= units
                    first_free += 1
                choice = first_free
            else:
                acceptable = [
                    (preference._choice_key(unit), index)
                    for index, unit in enumerate(units)
                    if free[index] and preference.accepts(unit)
                ]
                choice = min(acceptable)[1] if acceptable else None
            outcome = Outcome.NO_ACCEPTABLE_UNIT if choice is None else Outcome.ASSIGNED
        unit = None
        if choice is not None:
            free[choice] = False
            assigned += 1
            unit = units[choice].key
        turns.append(Turn(position=position, outcome=outcome, unit=unit, **entry))
    return tuple(turns)


def _build(
    units: object,
    *,
    method: Method | str,
    on: DateLike | str,
    ranking: Ranking | None,
    candidates: Iterable[object] | None,
    seed: int | str | None,
    groups: Iterable[Iterable[str]] | None,
    winners: int | None,
    preferences: Iterable[Preference] | Mapping[str, Preference] | None,
    decisions: Mapping[str, bool | _Eligible] | None,
    previous: Iterable[Allocation],
    algorithm: str = ALGORITHM,
) -> Allocation:
    chosen_method = _method(method)
    day = as_date(on, "on")
    offered, project, cooperative = _check_units(units)
    ranking = _optional_ranking(ranking)
    caller_groups = _groups(groups)
    seed_used = None if seed is None else seed_text(seed)
    draws = chosen_method is not Method.RANK
    if draws and seed_used is None:
        raise refuse(
            "missing_seed",
            "seed",
            None,
            f"method {chosen_method.value!r} draws lots and needs the public seed",
            f"روش «{chosen_method.label_fa}» قرعه می‌کشد و بذر اعلام‌شده را لازم دارد",
        )
    if not draws and seed_used is not None:
        raise _unused("seed", chosen_method)
    if chosen_method is Method.LOTTERY and ranking is not None:
        raise _unused("ranking", chosen_method)
    if chosen_method is not Method.RANK_THEN_LOTTERY and caller_groups is not None:
        raise _unused("groups", chosen_method)
    if chosen_method is Method.RANK_THEN_LOTTERY and ranking is not None and caller_groups:
        raise refuse(
            "unused_argument",
            "groups",
            None,
            "give a ranking (groups of equal points) or groups, not both",
            "یا رتبه‌بندی (گروه‌های هم‌امتیاز) بدهید یا گروه‌ها، نه هر دو",
        )
    if chosen_method is not Method.LOTTERY and ranking is None and caller_groups is None:
        raise refuse(
            "missing_ranking",
            "ranking",
            None,
            f"method {chosen_method.value!r} needs a ranking" + (" or groups" if draws else ""),
            f"روش «{chosen_method.label_fa}» رتبه‌بندی لازم دارد" + (" یا گروه‌ها" if draws else ""),
        )
    if ranking is not None and not check_ranking(ranking):
        raise refuse(
            "inconsistent_ranking",
            "ranking",
            None,
            "the ranking's points or order do not follow from its breakdowns (see verify)",
            "امتیاز یا ترتیب رتبه‌بندی با جزئیات امتیازها نمی‌خواند (verify را ببینید)",
        )
    # the candidates
    if caller_groups is not None:
        if candidates is not None:
            raise refuse(
                "unused_argument",
                "candidates",
                None,
                "with groups, the candidates are the groups' members; leave candidates out",
                "با گروه‌ها، نامزدها همان اعضای گروه‌ها هستند؛ candidates را ندهید",
            )
        chosen = unique_ids([member for group in caller_groups for member in group], "groups")
    elif candidates is not None:
        chosen = unique_ids(candidates, "candidates")
        if ranking is not None:
            ranked = set(ranking.national_ids)
            for national_id in chosen:
                if national_id not in ranked:
                    raise refuse(
                        "unknown_member",
                        "candidates",
                        national_id,
                        f"{national_id} is not in the ranking",
                        f"{national_id} در رتبه‌بندی نیست",
                    )
    elif ranking is not None:
        chosen = ranking.national_ids
    else:
        chosen = ()
    if not chosen:
        raise refuse("no_candidates", "candidates", (), "no candidates are given", "نامزدی نیست")
    # eligibility
    if decisions is not None:
        if not isinstance(decisions, Mapping):
            raise wrong_type(
                "decisions",
                decisions,
                "a mapping of national ID to Decision",
                "نگاشت کد ملی به تصمیم",
            )
        verdicts = {member_id(key, "decisions"): value for key, value in decisions.items()}
        for national_id in chosen:
            decision = verdicts.get(national_id)
            eligible = (
                decision if isinstance(decision, bool) else getattr(decision, "eligible", None)
            )
            if eligible is not True:
                why = "has no decision" if decision is None else "is not eligible"
                why_fa = "تصمیمی ندارد" if decision is None else "واجد شرایط نیست"
                raise refuse(
                    "ineligible_member",
                    "decisions",
                    national_id,
                    f"{national_id} {why}",
                    f"{national_id} {why_fa}",
                )
    # earlier allocations
    keys = {unit.key for unit in offered}
    wanted = set(chosen)
    for earlier in previous:
        if not isinstance(earlier, Allocation):
            raise wrong_type("previous", earlier, "an Allocation", "تخصیص")
        same_project = project is None or earlier.project is None or earlier.project == project
        for turn in earlier.assignments:
            if turn.national_id in wanted:
                raise refuse(
                    "member_already_allocated",
                    "previous",
                    turn.national_id,
                    f"{turn.national_id} already has {unit_label(turn.unit or ('', ''), 'en')}"
                    f" from the allocation of {shown_day(earlier.on)}",
                    f"{turn.national_id} پیش‌تر {unit_label(turn.unit or ('', ''))} را در تخصیص"
                    f" {show_date(earlier.on, 'fa')} گرفته است",
                )
            if same_project and turn.unit in keys:
                raise refuse(
                    "unit_already_allocated",
                    "previous",
                    turn.unit,
                    f"{unit_label(turn.unit or ('', ''), 'en')} went to {turn.national_id} in"
                    f" the allocation of {shown_day(earlier.on)}",
                    f"{unit_label(turn.unit or ('', ''))} در تخصیص {show_date(earlier.on, 'fa')}"
                    f" به {turn.national_id} رسیده است",
                )
    # how many
    if winners is None:
        count = min(len(offered), len(chosen))
    else:
        count = as_integer(winners, "winners", low=1)
        if count > len(offered):
            raise refuse(
                "more_winners_than_units",
                "winners",
                count,
                f"{count} winners asked for, but only {_plural(len(offered), 'unit')}"
                f" {'is' if len(offered) == 1 else 'are'} offered",
                f"{count} برنده خواسته شده است، اما فقط {len(offered)} واحد عرضه شده است",
            )
        if count > len(chosen):
            raise refuse(
                "more_winners_than_candidates",
                "winners",
                count,
                f"{count} winners asked for, but there {'is' if len(chosen) == 1 else 'are'}"
                f" only {_plural(len(chosen), 'candidate')}",
                f"{count} برنده خواسته شده است، اما فقط {len(chosen)} نامزد هست",
            )
    # preferences
    wishes: dict[str, Preference] = {}
    if preferences is not None:
        if isinstance(preferences, Mapping):
            items: Iterable[object] = preferences.values()
        elif isinstance(preferences, str | bytes) or not isinstance(preferences, Iterable):
            raise wrong_type("preferences", preferences, "a list of Preferences", "فهرست ترجیح‌ها")
        else:
            items = preferences
        blocks = {unit.block or "" for unit in offered}
        for preference in items:
            if not isinstance(preference, Preference):
                raise wrong_type("preferences", preference, "a Preference", "ترجیح")
            if preference.national_id in wishes:
                raise refuse(
                    "member_twice",
                    "preferences",
                    preference.national_id,
                    f"{preference.national_id} has two preferences",
                    f"{preference.national_id} دو ترجیح دارد",
                )
            wishes[preference.national_id] = preference
            if preference.national_id not in wanted:
                continue
            for key in preference.units:
                if key not in keys:
                    raise refuse(
                        "unknown_unit",
                        "preferences",
                        key,
                        f"{preference.national_id} wishes for {unit_label(key, 'en')}, which is"
                        " not among the units offered",
                        f"{preference.national_id} {unit_label(key)} را خواسته است که در میان"
                        " واحدهای عرضه‌شده نیست",
                    )
            for block in preference.blocks:
                if block not in blocks:
                    raise refuse(
                        "unknown_unit",
                        "preferences",
                        block,
                        f"{preference.national_id} accepts block {block}, which has no unit"
                        " among the units offered",
                        f"{preference.national_id} بلوک {block} را پذیرفته است که هیچ واحدی از"
                        " آن عرضه نشده است",
                    )
    kept = {nid: wish for nid, wish in wishes.items() if nid in wanted}
    turns = _assign(
        _order(chosen_method, chosen, ranking, caller_groups, seed_used), offered, kept, count
    )
    return Allocation(
        method=chosen_method,
        on=day,
        units=offered,
        turns=turns,
        winners=count,
        seed=seed_used,
        algorithm=algorithm if draws else None,
        ranking=ranking,
        groups=caller_groups,
        preferences=tuple(kept[nid] for nid in sorted(kept)),
        project=project,
        cooperative_id=cooperative,
    )


def shown_day(day: datetime.date) -> str:
    """A date in an English message (Jalali, then ISO)."""
    return show_date(day, "en")


def allocate(
    units: HousingProject | Iterable[Unit],
    *,
    method: Method | str,
    on: DateLike | str,
    ranking: Ranking | None = None,
    candidates: Iterable[str] | None = None,
    seed: int | str | None = None,
    groups: Iterable[Iterable[str]] | None = None,
    winners: int | None = None,
    preferences: Iterable[Preference] | Mapping[str, Preference] | None = None,
    decisions: Mapping[str, bool | _Eligible] | None = None,
    previous: Iterable[Allocation] = (),
) -> Allocation:
    """Allocate ``units`` to candidates by rank, by lottery, or by rank then lottery.

    Args:
        units: a :class:`~maskan.models.project.HousingProject` (its units, in order) or
            a list of :class:`~maskan.models.project.Unit`.
        method: ``"rank"``, ``"lottery"`` or ``"rank_then_lottery"`` (:class:`Method`).
        on: the day of the allocation.
        ranking: the :class:`Ranking` (methods ``rank`` and ``rank_then_lottery``).
        candidates: national IDs: everyone in a lottery; with a ranking, the members of
            the ranking who take part (by default all of them).
        seed: the public seed (methods ``lottery`` and ``rank_then_lottery``).
        groups: for ``rank_then_lottery`` without a ranking, the caller's groups of
            national IDs, the group that chooses first first.
        winners: how many units to assign; by default as many as there are units, or
            candidates if fewer.
        preferences: :class:`Preference` records (others' than the candidates' are
            ignored).
        decisions: national ID → eligibility ``Decision`` (or ``True`` / ``False``):
            when given, every candidate must be eligible.
        previous: earlier allocations: their members and (of the same project) their
            units may not be allocated again.

    Raises:
        AllocationError: with these codes, leaving every input as it was:

            - ``no_units``, ``no_candidates``: nothing to allocate, or no one to;
            - ``unit_twice``, ``member_twice``: a unit or a candidate given twice;
            - ``more_winners_than_units``, ``more_winners_than_candidates``;
            - ``unit_already_allocated``, ``member_already_allocated``: in ``previous``;
            - ``ineligible_member``: a candidate whose decision is not eligible, or who
              has none;
            - ``unknown_unit``: a preference names a unit or block not offered;
            - ``unknown_member``: a candidate not in the ranking;
            - ``missing_seed``, ``missing_ranking``, ``unused_argument``: the method's
              inputs; ``unknown_method``; ``bad_seed``; ``inconsistent_ranking``;
            - ``type``: an argument of the wrong type.

    >>> from maskan.allocation import PointsFormula, rank
    >>> from maskan.models.cooperative import Membership
    >>> members = [Membership(national_id=n, shares=1, joined_on=day) for n, day in
    ...            [("0499370899", "1401/01/01"), ("0084575948", "1403/01/01"),
    ...             ("0790419904", "1402/06/01")]]
    >>> ranking = rank(members, formula=PointsFormula(seniority_years=1), on="1404/09/04")
    >>> units = [Unit(number="1", floor=1), Unit(number="2", floor=4)]
    >>> result = allocate(units, method="rank", ranking=ranking, on="1404/09/10",
    ...                   preferences=[Preference(national_id="0499370899", min_floor=3)])
    >>> for turn in result.turns:
    ...     print(turn.national_id, turn.unit, turn.reason("en"))
    0499370899 ('', '2') rank 1 (3 points)
    0790419904 ('', '1') rank 2 (2 points)
    0084575948 None rank 3 (1 points)
    """
    return _build(
        units,
        method=method,
        on=on,
        ranking=ranking,
        candidates=candidates,
        seed=seed,
        groups=groups,
        winners=winners,
        preferences=preferences,
        decisions=decisions,
        previous=previous,
    )


def lottery(
    candidates: Iterable[str],
    units: HousingProject | Iterable[Unit],
    *,
    seed: int | str,
    on: DateLike | str,
    winners: int | None = None,
    preferences: Iterable[Preference] | Mapping[str, Preference] | None = None,
    decisions: Mapping[str, bool | _Eligible] | None = None,
    previous: Iterable[Allocation] = (),
) -> Allocation:
    """Draw lots among ``candidates`` for ``units`` with the public ``seed``:
    :func:`allocate` with method ``lottery``.

    >>> result = lottery(["0499370899", "0084575948"], [Unit(number="1")], seed=482719,
    ...                  on="1404/09/04")
    >>> result.assignments[0].national_id, result.seed, result.algorithm
    ('0499370899', '482719', 'maskan-lottery-v1')
    """
    return allocate(
        units,
        method=Method.LOTTERY,
        on=on,
        candidates=candidates,
        seed=seed,
        winners=winners,
        preferences=preferences,
        decisions=decisions,
        previous=previous,
    )


def verify(result: Allocation | Ranking) -> bool:
    """Re-derive a published result and say whether it matches, exactly.

    For an :class:`Allocation`: every draw key is recomputed from the seed, the order of
    choosing from the ranking, the groups and the keys, and every turn from the units, the
    preferences and the number of winners; the ranking's arithmetic and order are checked
    as for a :class:`Ranking`. For a :class:`Ranking`: every line is raw × weight with the
    formula's weight, every member's points the sum of their lines, and the order the
    documented one. ``verify`` never raises for a result of the right type: anything that
    does not add up is ``False``.

    What it cannot check is the inputs themselves — that the candidate list is the one
    published before the draw (compare :attr:`Allocation.candidates_digest`), that the
    seed is the one announced, that the raw values match the ledger and the members' files —
    nor the date ``on``, which is a record and enters no key.

    >>> import attrs
    >>> result = lottery(["0499370899", "0084575948"], [Unit(number="1")], seed=482719,
    ...                  on="1404/09/04")
    >>> verify(result)
    True
    >>> verify(attrs.evolve(result, seed="482720"))
    False
    """
    if isinstance(result, Ranking):
        return check_ranking(result)
    if not isinstance(result, Allocation):
        raise wrong_type("result", result, "an Allocation or a Ranking", "تخصیص یا رتبه‌بندی")
    if result.method is not Method.RANK and result.algorithm != ALGORITHM:
        return False
    try:
        again = _build(
            result.units,
            method=result.method,
            on=result.on,
            ranking=result.ranking,
            candidates=None if result.groups is not None else result.candidates,
            seed=result.seed,
            groups=result.groups,
            winners=result.winners,
            preferences=result.preferences,
            decisions=None,
            previous=(),
            algorithm=result.algorithm or ALGORITHM,
        )
    except MaskanError:
        return False
    return (
        attrs.evolve(again, project=result.project, cooperative_id=result.cooperative_id) == result
    )
