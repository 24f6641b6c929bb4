"""Dated parameters: a value history with legal boundaries, resolved "as of" a date.

A :class:`Parameter` holds the values a rule compares against — an age, a number of
years, a cut-off date — together with the date each value took effect and the legal
source. Evaluating on a date picks the value in force that day, so a decision about
1399 uses the 1399 rule even when it is computed in 1405.

A value the law leaves open (DOMAIN.md: "no authoritative source known; treat as a
parameter the caller must set") has an empty history. It has no default: the caller
supplies it, and evaluating without it raises :class:`~maskan.errors.RuleError` naming
the parameter.

>>> from maskan.calendar import jdate
>>> lookback = Parameter(
...     code="ownership_cutoff",
...     label_en="no residential ownership since",
...     label_fa="نداشتن ملک مسکونی از تاریخ",
...     unit="date",
...     source=Source(
...         title_en="Executive regulation of the Housing Production and Supply Law, art. 1",
...         title_fa="آیین‌نامه اجرایی قانون ساماندهی و حمایت از تولید و عرضه مسکن، ماده ۱",
...         reference="DOMAIN.md §4.1",
...         confidence="S",
...     ),
...     history={"1386/01/01": jdate(1384, 1, 1)},
... )
>>> lookback.resolve(jdate(1404, 9, 4)).value
datetime.date(2005, 3, 21)
"""

from __future__ import annotations

import datetime
import enum
import itertools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Generic, TypeVar

import attrs

from maskan.calendar import as_date
from maskan.errors import RuleError, describe

__all__ = ["Confidence", "Parameter", "Resolved", "Source"]

T = TypeVar("T")


class Confidence(enum.StrEnum):
    """How well a rule or value is sourced, with DOMAIN.md's tags.

    >>> Confidence("S-news")
    <Confidence.NEWS: 'S-news'>
    >>> Confidence.SOURCED.value
    'S'
    """

    SOURCED = "S"
    """From an official body, a statute text, a package's code, or verified by computation."""
    NEWS = "S-news"
    """From a news report or a secondary site: numbers usually reliable, wording not."""
    UNSOURCED = "U"
    """Not verified against a source: never used as a default."""


@attrs.frozen(kw_only=True)
class Source:
    """Where a rule or a value comes from: the law, its article, its date and a link.

    >>> Source(title_en="Labour Law, art. 149", title_fa="قانون کار، ماده ۱۴۹",
    ...        reference="DOMAIN.md §4.7", confidence="S-news").confidence
    <Confidence.NEWS: 'S-news'>
    """

    title_en: str
    title_fa: str
    reference: str
    """The section of DOMAIN.md that records this source and its confidence."""
    confidence: Confidence = attrs.field(converter=Confidence)
    article: str | None = None
    date: str | None = None
    """The law's own date, as written (Jalali), e.g. ``"1400-08-24"``."""
    url: str | None = None


@attrs.frozen(kw_only=True)
class Resolved(Generic[T]):
    """A parameter's value on one date, and where that value came from.

    ``effective_from`` is the boundary the value took effect on; ``None`` when the caller
    supplied the value.

    >>> from maskan.eligibility.programs.national_housing_movement import PROGRAM
    >>> age = next(p for p in PROGRAM.parameters if p.code == "single_man_min_age")
    >>> resolved = age.resolve(datetime.date(2025, 11, 25))
    >>> resolved.value, resolved.effective_from, resolved.supplied
    (23, datetime.date(2022, 1, 4), False)
    >>> age.resolve(datetime.date(2025, 11, 25), {"single_man_min_age": 25})
    Resolved(value=25, effective_from=None, supplied=True)
    """

    value: T
    effective_from: datetime.date | None
    supplied: bool


def _history(
    values: Mapping[Any, Any] | Iterable[tuple[Any, Any]],
) -> tuple[tuple[datetime.date, Any], ...]:
    pairs = values.items() if isinstance(values, Mapping) else values
    boundaries = sorted(((as_date(on, "history"), value) for on, value in pairs), key=_first)
    for (earlier, _), (later, _) in itertools.pairwise(boundaries):
        if earlier == later:
            raise RuleError(
                f"history: two values take effect on {later.isoformat()}",
                message_fa="history: دو مقدار در یک تاریخ اجرا می‌شوند",
                code="duplicate_boundary",
                field="history",
                value=later,
            )
    return tuple(boundaries)


def _first(pair: tuple[datetime.date, Any]) -> datetime.date:
    return pair[0]


@attrs.frozen(kw_only=True)
class Parameter(Generic[T]):
    """A named value with a dated history, a unit, labels in both languages and a source.

    ``history`` maps the date each value took effect (a date, or Jalali text such as
    ``"1401/01/01"``) to the value. Before the first boundary the parameter has no value.

    >>> from maskan.calendar import jdate
    >>> age = Parameter(code="min_age", label_en="minimum age", label_fa="حداقل سن",
    ...                 unit="years", source=Source(title_en="x", title_fa="x",
    ...                 reference="DOMAIN.md §4.2", confidence="S-news"),
    ...                 history={"1400/10/14": 23})
    >>> age.resolve(jdate(1401, 1, 1))
    Resolved(value=23, effective_from=datetime.date(2022, 1, 4), supplied=False)
    >>> age.caller_set
    False
    """

    code: str
    label_en: str
    label_fa: str
    unit: str
    source: Source
    history: tuple[tuple[datetime.date, T], ...] = attrs.field(default=(), converter=_history)
    # Resolutions already made: a parameter is immutable, and a roster resolves the same
    # few on the same date millions of times. By date; and for a supplied value, by its id,
    # with the value itself kept so that the id cannot be reused while the entry lives.
    _on: dict[datetime.date, Resolved[T]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )
    _given: dict[int, tuple[object, Resolved[T]]] = attrs.field(
        init=False, factory=dict, eq=False, repr=False
    )

    @property
    def caller_set(self) -> bool:
        """Whether the law leaves this value open, so the caller must supply it."""
        return not self.history

    def resolve(
        self, on: datetime.date, supplied: Mapping[str, object] | None = None
    ) -> Resolved[T]:
        """The value in force on ``on``; a value in ``supplied`` (by code) takes precedence.

        Raises :class:`~maskan.errors.RuleError` when the caller must supply the value and
        did not, or when ``on`` is before the first boundary.
        """
        if supplied and self.code in supplied:
            value = supplied[self.code]
            given = self._given.get(id(value))
            if given is not None and given[0] is value:
                return given[1]
            made = Resolved(value=value, effective_from=None, supplied=True)
            _remember(self._given, id(value), (value, made))
            return made  # type: ignore[return-value]
        known = self._on.get(on)
        if known is not None:
            return known
        if not self.history:
            raise RuleError(
                f"{self.code}: the law sets no value for {self.label_en!r}; supply it with "
                f"program.with_values({self.code}=...)",
                message_fa=f"{self.code}: قانون مقداری برای «{self.label_fa}» تعیین نکرده است؛ "
                f"آن را با with_values بدهید",
                code="missing_parameter",
                field=self.code,
            )
        current: tuple[datetime.date, T] | None = None
        for boundary in self.history:
            if boundary[0] > on:
                break
            current = boundary
        if current is None:
            raise RuleError(
                f"{self.code}: no value before {self.history[0][0].isoformat()} "
                f"(asked for {describe(on)})",
                message_fa=f"{self.code}: پیش از تاریخ اجرای نخستین مقدار، مقداری ندارد",
                code="before_first_boundary",
                field=self.code,
                value=on,
            )
        resolved = Resolved(value=current[1], effective_from=current[0], supplied=False)
        _remember(self._on, on, resolved)
        return resolved

    def supplied(self, value: object) -> object:
        """``value`` as :meth:`Program.with_values` stores it for this parameter, or a
        :class:`~maskan.errors.RuleError` (code ``type`` or ``out_of_range``) saying why
        the rules could not use it.

        The value must be of the kind the law's own values are (an ``int`` of years, a
        ``Rial``, a date, ``True``/``False``, a rate as ``Decimal``, ``int`` or
        ``Fraction``, a tuple of deciles). Dates may be given as text or a
        ``jdatetime.date``; counts of years, months or children must not be negative;
        deciles run from 1 to 10. A parameter the law leaves open is checked by its unit
        where the unit names a count (``years``, ``months``, ``children``); any other
        value of such a parameter is left to the rules that read it.

        >>> from maskan.calendar import jdate
        >>> age = Parameter(code="min_age", label_en="minimum age", label_fa="حداقل سن",
        ...                 unit="years", source=Source(title_en="x", title_fa="x",
        ...                 reference="DOMAIN.md §4.2", confidence="S-news"),
        ...                 history={"1400/10/14": 23})
        >>> age.supplied(25)
        25
        >>> age.supplied("25")
        Traceback (most recent call last):
        ...
        maskan.errors.RuleError: min_age: '25' is not a whole number of years (an int)
        """
        kinds = {type(law) for _, law in self.history}
        kind = kinds.pop() if len(kinds) == 1 else int if self.unit in _COUNTED else None
        if kind is None:
            return value
        if kind is datetime.date:
            return as_date(value, self.code)
        if kind is int:
            if type(value) is not int:
                raise self._refuse(
                    value, f"is not a whole number of {self.unit} (an int)", "عدد صحیح نیست"
                )
            if value < 0 and self.unit in _COUNTED:
                raise self._refuse(value, "is negative", "منفی است", "out_of_range")
            return value
        if kind is bool:
            if type(value) is not bool:
                raise self._refuse(value, "is not True or False", "True یا False نیست")
            return value
        if kind is Decimal:
            finite = not isinstance(value, Decimal) or value.is_finite()
            if type(value) not in (int, Decimal, Fraction) or not finite:
                raise self._refuse(
                    value, "is not a rate (a Decimal, an int or a Fraction)", "نرخ نیست"
                )
            return value
        if kind is tuple:
            return self._deciles(value) if self.unit == "deciles" else value
        if not isinstance(value, kind):
            raise self._refuse(value, f"is not a {kind.__name__}", f"از نوع {kind.__name__} نیست")
        return value

    def _deciles(self, value: object) -> tuple[int, ...]:
        if not isinstance(value, tuple | list | frozenset | set):
            raise self._refuse(
                value, "is not a tuple of income deciles", "فهرست دهک‌های درآمدی نیست"
            )
        deciles = tuple(value)
        if not all(type(decile) is int and 1 <= decile <= 10 for decile in deciles):
            raise self._refuse(
                value,
                "holds a decile outside 1 to 10",
                "دهکی بیرون از ۱ تا ۱۰ دارد",
                "out_of_range",
            )
        return deciles

    def _refuse(self, value: object, reason: str, reason_fa: str, code: str = "type") -> RuleError:
        return RuleError(
            f"{self.code}: {describe(value)} {reason}",
            message_fa=f"{self.code}: مقدار {describe(value)} برای «{self.label_fa}» {reason_fa}",
            code=code,
            field=self.code,
            value=value,
        )


# Units that count: a value the caller supplies for them is a non-negative int.
_COUNTED = frozenset({"years", "months", "children", "days"})

_MEMO_SIZE = 4096  # entries a parameter remembers before it starts afresh


def _remember(memo: dict[Any, Any], key: object, value: object) -> None:
    if len(memo) >= _MEMO_SIZE:
        memo.clear()
    memo[key] = value
