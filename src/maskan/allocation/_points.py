"""Points and ranking: a formula of weighted parts, and each member's breakdown.

Part of :mod:`maskan.allocation`, which re-exports the public names here.

The official points formula for housing-cooperative allocation is not published (DOMAIN.md
§5.6 [U]): practice builds points from deposits (amount × days), membership seniority,
dependants, veteran / martyr's-family points and points the board decides. So maskan has
the parts and no weights: every weight is the caller's (the board's resolution), and a
part without a weight is not in the formula.

>>> formula = PointsFormula(seniority_years=10, dependants=5, source="board, 1404/05/01")
>>> [part.value for part in formula.parts]
['seniority_years', 'dependants']
>>> print(formula.explain("en"))
points = 10 × membership seniority (full years) + 5 × dependants (source: board, 1404/05/01)
"""

from __future__ import annotations

import datetime
import decimal
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import Any

import attrs

from maskan.allocation._draw import member_id, unique_ids
from maskan.allocation._errors import refuse, wrong_type
from maskan.calendar import DateLike, as_date, full_years
from maskan.errors import InvalidNumber, describe
from maskan.models._fields import (
    as_integer,
    as_legal_id,
    as_text,
    shown,
    shown_fa,
    to_date,
    to_national_id,
)
from maskan.models._labels import Labelled, labels
from maskan.models.cooperative import Cooperative, Membership
from maskan.models.ledger import Ledger
from maskan.models.person import Person, VeteranStatus
from maskan.persian.dates import format_date
from maskan.persian.digits import to_latin_digits, to_persian_digits
from maskan.persian.numbers import format_number

__all__ = [
    "ExtraPoints",
    "Part",
    "PartScore",
    "PointsFormula",
    "Ranking",
    "Standing",
    "rank",
]


class Part(Labelled):
    """A part of a points formula; what its raw value counts is in its label.

    - ``CONTRIBUTIONS``: the rials the member has in the cooperative times the days each
      has been held, :meth:`maskan.models.ledger.Ledger.amount_days` (rial-days);
    - ``SENIORITY_YEARS``: full Jalali years from the membership's ``seniority_from``;
    - ``SENIORITY_DAYS``: days from the membership's ``seniority_from``;
    - ``DEPENDANTS``: the person's number of dependants (افراد تحت تکفل);
    - ``VETERAN``: 1 for a veteran (ایثارگر), else 0;
    - ``MARTYR_FAMILY``: 1 for a martyr's family (خانوادهٔ شهید), else 0 (someone in both
      groups is recorded as a martyr's family, see ``VeteranStatus``);
    - ``EXTRA``: points the board gave the member, each with a reason (:class:`ExtraPoints`).

    >>> Part.SENIORITY_YEARS.label_fa
    'سابقهٔ عضویت (سال کامل)'
    >>> Part.CONTRIBUTIONS.label_en
    'contributions × days (rial-days)'
    """

    CONTRIBUTIONS = "contributions"
    SENIORITY_YEARS = "seniority_years"
    SENIORITY_DAYS = "seniority_days"
    DEPENDANTS = "dependants"
    VETERAN = "veteran"
    MARTYR_FAMILY = "martyr_family"
    EXTRA = "extra"


labels(
    Part,
    {
        "contributions": ("آورده × روز (ریال‌روز)", "contributions × days (rial-days)"),
        "seniority_years": ("سابقهٔ عضویت (سال کامل)", "membership seniority (full years)"),
        "seniority_days": ("سابقهٔ عضویت (روز)", "membership seniority (days)"),
        "dependants": ("افراد تحت تکفل", "dependants"),
        "veteran": ("ایثارگر", "veteran"),
        "martyr_family": ("خانوادهٔ شهید", "martyr's family"),
        "extra": ("امتیاز مصوب هیأت مدیره", "board-defined points"),
    },
)

# Exact arithmetic: raw values are integers (or the board's decimals) and weights decimals
# of bounded size, so a product or a sum never needs more than these digits; a rounding
# would raise rather than pass unnoticed.
_EXACT = decimal.Context(
    prec=200, traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow]
)
_MAX_DIGITS = 40


def number(value: object, field: str) -> Decimal:
    """An exact ``Decimal`` from an int, a Decimal, a float (its shortest ``repr``) or
    text in any digit script (``"۰٫۵"``, ``"1e-9"``); at most 40 significant digits and an
    exponent within ±40 (codes ``type``, ``format``, ``not_finite``, ``out_of_range``).

    >>> number("۰٫۵", "weight"), number(0.1, "weight"), number(3, "weight")
    (Decimal('0.5'), Decimal('0.1'), Decimal('3'))
    """
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | str):
        kind = type(value).__name__
        raise InvalidNumber(
            f"{field}: {describe(value)} is a {kind}, not a number",
            message_fa=f"{field}: مقدار {describe(value)} از نوع {kind} است، نه عدد",
            code="type",
            field=field,
            value=value,
        )
    if isinstance(value, Decimal):
        found = value
    elif isinstance(value, int):
        found = Decimal(value)
    elif isinstance(value, float):
        found = Decimal(repr(value))
    else:
        text = to_latin_digits(value[:100]).strip().replace("٫", ".").replace("/", ".")
        try:
            found = Decimal(text)
        except decimal.InvalidOperation:
            raise InvalidNumber(
                f"{field}: {describe(value)} is not a number",
                message_fa=f"{field}: مقدار {describe(value)} عدد نیست",
                code="format",
                field=field,
                value=value,
            ) from None
    if not found.is_finite():
        raise InvalidNumber(
            f"{field}: {describe(value)} is not a finite number",
            message_fa=f"{field}: مقدار {describe(value)} عدد متناهی نیست",
            code="not_finite",
            field=field,
            value=value,
        )
    if found and (
        len(found.as_tuple().digits) > _MAX_DIGITS or abs(found.adjusted()) > _MAX_DIGITS
    ):
        raise InvalidNumber(
            f"{field}: {describe(value)} is out of range: at most {_MAX_DIGITS} digits and"
            f" an exponent within ±{_MAX_DIGITS}",
            message_fa=f"{field}: مقدار {describe(value)} خارج از محدوده است",
            code="out_of_range",
            field=field,
            value=value,
        )
    return found


def _tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros after the point (``1237.000`` is ``1237``)."""
    if not value:
        return Decimal(0)  # never -0
    if value == value.to_integral_value():
        return value.quantize(Decimal(1), context=_EXACT)
    return value.normalize(_EXACT)


def _times(raw: Decimal, weight: Decimal) -> Decimal:
    return _tidy(_EXACT.multiply(raw, weight))


def _total(values: Iterable[Decimal]) -> Decimal:
    total = Decimal(0)
    for value in values:
        total = _EXACT.add(total, value)
    return _tidy(total)


def show_number(value: Decimal | int, lang: str) -> str:
    """A number for a reader: Persian digits and separators for ``"fa"``, grouped ASCII
    digits otherwise; never in scientific notation.

    >>> show_number(Decimal("1234.50"), "fa"), show_number(Decimal("1E-9"), "en")
    ('۱٬۲۳۴٫۵', '0.000000001')
    """
    return format_number(value, digits="persian" if lang == "fa" else "latin")


def show_date(value: datetime.date, lang: str) -> str:
    """A date for a reader: Jalali in Persian for ``"fa"``, ``shown`` (Jalali and ISO)
    otherwise.

    >>> show_date(datetime.date(2025, 11, 25), "fa"), show_date(datetime.date(2025, 11, 25), "en")
    ('۴ آذر ۱۴۰۴', '1404/09/04 (2025-11-25)')
    """
    return format_date(value) if lang == "fa" else shown(value)


# Converters: named functions, because mypy's attrs plugin reads each one's signature as
# the type the constructor accepts.

WeightLike = Decimal | int | float | str


def _optional(value: WeightLike | None, field: str) -> Decimal | None:
    return None if value is None else number(value, field)


def _contributions(value: WeightLike | None) -> Decimal | None:
    return _optional(value, "contributions")


def _seniority_years(value: WeightLike | None) -> Decimal | None:
    return _optional(value, "seniority_years")


def _seniority_days(value: WeightLike | None) -> Decimal | None:
    return _optional(value, "seniority_days")


def _dependants(value: WeightLike | None) -> Decimal | None:
    return _optional(value, "dependants")


def _veteran(value: WeightLike | None) -> Decimal | None:
    return _optional(value, "veteran")


def _martyr_family(value: WeightLike | None) -> Decimal | None:
    return _optional(value, "martyr_family")


def _extra(value: WeightLike | None) -> Decimal | None:
    return _optional(value, "extra")


def _source(value: str | None) -> str | None:
    return None if value is None else as_text(value, "source")


@attrs.frozen(kw_only=True)
class PointsFormula:
    """A points formula: a weight for each part the caller includes.

    A member's points are the sum, over the parts with a weight, of the part's raw value
    times its weight. A part left out (``None``) is not in the formula; a weight of 0 keeps
    the part in the breakdown without points. Weights may be any exact number — an int, a
    ``Decimal``, text such as ``"0.000000001"`` or ``"۲٫۵"``, or a float, read through its
    shortest ``repr`` — positive, zero or negative, as the board decided: maskan ships no
    weight, because no official formula is published (DOMAIN.md §5.6 [U]).

    Attributes:
        contributions: points per rial-day of contributions (:meth:`Ledger.amount_days`).
            Amounts of years of deposits reach 10^13 rial-days, so this weight is small:
            ``"0.000000001"`` is one point per billion rial-days.
        seniority_years: points per full Jalali year of membership seniority.
        seniority_days: points per day of membership seniority.
        dependants: points per dependant.
        veteran: points for a veteran (ایثارگر).
        martyr_family: points for a martyr's family (خانوادهٔ شهید).
        extra: the weight of board-defined points (1 counts them as given).
        source: where the weights come from (a board resolution, a general assembly's
            decision), for the record.

    Raises:
        AllocationError: code ``empty_formula`` when no part has a weight.
        InvalidNumber: a weight that is not an exact finite number (codes ``type``,
            ``format``, ``not_finite``, ``out_of_range``).

    >>> formula = PointsFormula(contributions="0.000000001", seniority_years="۱۰", extra=1)
    >>> formula.seniority_years, formula.weight(Part.DEPENDANTS) is None
    (Decimal('10'), True)
    >>> try:
    ...     PointsFormula(source="hiyat-e modireh")
    ... except Exception as error:
    ...     print(error.code)
    empty_formula
    """

    contributions: Decimal | None = attrs.field(default=None, converter=_contributions)
    seniority_years: Decimal | None = attrs.field(default=None, converter=_seniority_years)
    seniority_days: Decimal | None = attrs.field(default=None, converter=_seniority_days)
    dependants: Decimal | None = attrs.field(default=None, converter=_dependants)
    veteran: Decimal | None = attrs.field(default=None, converter=_veteran)
    martyr_family: Decimal | None = attrs.field(default=None, converter=_martyr_family)
    extra: Decimal | None = attrs.field(default=None, converter=_extra)
    source: str | None = attrs.field(default=None, converter=_source)

    def __attrs_post_init__(self) -> None:
        if not self.parts:
            raise refuse(
                "empty_formula",
                "formula",
                self,
                "no part has a weight; give at least one (the weights are the board's,"
                " maskan has none)",
                "هیچ بخشی وزن ندارد؛ دست‌کم یک وزن بدهید (وزن‌ها را هیأت مدیره تعیین می‌کند)",
            )

    def weight(self, part: Part | str) -> Decimal | None:
        """The weight of ``part``, or ``None`` when it is not in the formula.

        >>> PointsFormula(dependants=5).weight("dependants")
        Decimal('5')
        """
        weight: Decimal | None = getattr(self, Part(part).value)
        return weight

    @property
    def parts(self) -> tuple[Part, ...]:
        """The parts with a weight, in the order of :class:`Part`.

        >>> PointsFormula(extra=1, veteran=20).parts
        (<Part.VETERAN: 'veteran'>, <Part.EXTRA: 'extra'>)
        """
        return tuple(part for part in Part if getattr(self, part.value) is not None)

    def explain(self, lang: str = "fa") -> str:
        """The formula in words, in Persian (``"fa"``) or English (``"en"``).

        >>> print(PointsFormula(seniority_years=10, veteran=20).explain("fa"))
        امتیاز = ۱۰ × سابقهٔ عضویت (سال کامل) + ۲۰ × ایثارگر
        """
        terms = []
        for part in self.parts:
            weight = self.weight(part)
            assert weight is not None
            label = part.label_fa if lang == "fa" else part.label_en
            terms.append(f"{show_number(weight, lang)} × {label}")
        head = "امتیاز" if lang == "fa" else "points"
        text = f"{head} = " + " + ".join(terms)
        if self.source:
            text += f" ({'منبع' if lang == 'fa' else 'source'}: {self.source})"
        return text


def _extra_points(value: WeightLike) -> Decimal:
    return number(value, "points")


def _reason(value: str) -> str:
    return as_text(value, "reason")


@attrs.frozen(kw_only=True)
class ExtraPoints:
    """Points the board gave a member, with the reason written in its resolution.

    Attributes:
        points: the points, any exact number (negative points exist in practice).
        reason: why, normalized text; required, so that every point can be explained.

    >>> ExtraPoints(points="۵", reason="عضو مؤسس").points
    Decimal('5')
    """

    points: Decimal = attrs.field(converter=_extra_points)
    reason: str = attrs.field(converter=_reason)


def _part(value: Part | str) -> Part:
    try:
        return Part(value)
    except ValueError:
        codes = ", ".join(part.value for part in Part)
        raise refuse(
            "unknown_part",
            "part",
            value,
            f"{describe(value)} is not a part of a points formula ({codes})",
            f"مقدار {describe(value)} بخشی از فرمول امتیاز نیست ({codes})",
        ) from None


def _raw_value(value: WeightLike) -> Decimal:
    return number(value, "raw")


def _weight(value: WeightLike) -> Decimal:
    return number(value, "weight")


def _points(value: WeightLike) -> Decimal:
    return number(value, "points")


def _note(value: str | None) -> str | None:
    return None if value is None else as_text(value, "note")


def _name(value: str | None) -> str | None:
    return None if value is None else as_text(value, "name")


def _position(value: int) -> int:
    return as_integer(value, "position", low=0)


def _breakdown(value: Iterable[PartScore]) -> tuple[PartScore, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, PartScore):
            raise wrong_type("breakdown", item, "a PartScore", "سطر امتیاز")
    return items


@attrs.frozen(kw_only=True)
class PartScore:
    """One line of a member's breakdown: a part's raw value, its weight and the points.

    Attributes:
        part: which part.
        raw: the raw value (rial-days, years, days, dependants, 1 or 0, the board's points).
        weight: the formula's weight for the part.
        points: ``raw × weight``, exactly.
        note: the board's reason, for ``EXTRA``.

    >>> score = PartScore(part="dependants", raw=3, weight=5, points=15)
    >>> score.part.label_en, score.points
    ('dependants', Decimal('15'))
    """

    part: Part = attrs.field(converter=_part)
    raw: Decimal = attrs.field(converter=_raw_value)
    weight: Decimal = attrs.field(converter=_weight)
    points: Decimal = attrs.field(converter=_points)
    note: str | None = attrs.field(default=None, converter=_note)

    def explain(self, lang: str = "fa") -> str:
        """The line in words: ``label: raw × weight = points``.

        >>> PartScore(part="dependants", raw=3, weight=5, points=15).explain("fa")
        'افراد تحت تکفل: ۳ × ۵ = ۱۵'
        """
        label = self.part.label_fa if lang == "fa" else self.part.label_en
        text = (
            f"{label}: {show_number(self.raw, lang)} × {show_number(self.weight, lang)}"
            f" = {show_number(self.points, lang)}"
        )
        return f"{text} ({self.note})" if self.note else text


@attrs.frozen(kw_only=True)
class Standing:
    """One member's place in a ranking, with the breakdown of their points.

    Attributes:
        position: the place in the ranking, from 1 (see :class:`Ranking` for the order).
        national_id: the member's national ID.
        points: the sum of the breakdown's points.
        seniority_from: the membership's seniority date, the first tie-breaker.
        breakdown: one :class:`PartScore` per part of the formula, in the order of
            :class:`Part`; board-defined points give one line per :class:`ExtraPoints`.
        name: the member's full name, when the person was given.

    >>> standing = Standing(position=1, national_id="0499370899", points=15,
    ...                     seniority_from="1403/07/01",
    ...                     breakdown=[PartScore(part="dependants", raw=3, weight=5, points=15)])
    >>> standing.points, standing.seniority_from
    (Decimal('15'), datetime.date(2024, 9, 22))
    """

    position: int = attrs.field(converter=_position)
    national_id: str = attrs.field(converter=to_national_id)
    points: Decimal = attrs.field(converter=_points)
    seniority_from: datetime.date = attrs.field(converter=to_date)
    breakdown: tuple[PartScore, ...] = attrs.field(converter=_breakdown)
    name: str | None = attrs.field(default=None, converter=_name)

    def explain(self, lang: str = "fa") -> str:
        """The member's line and breakdown, in Persian or English.

        >>> print(Standing(position=1, national_id="0499370899", points=15,
        ...                seniority_from="1403/07/01", name="علی کریمی",
        ...                breakdown=[PartScore(part="dependants", raw=3, weight=5, points=15)]
        ...                ).explain("en"))
        1. علی کریمی (0499370899): 15 points
           dependants: 3 × 5 = 15
        """
        who = show_member(self.national_id, self.name, lang)
        points = show_number(self.points, lang)
        if lang == "fa":
            head = f"{show_number(self.position, lang)}. {who}: {points} امتیاز"
        else:
            head = f"{self.position}. {who}: {points} points"
        return "\n".join([head, *(f"   {score.explain(lang)}" for score in self.breakdown)])


def show_member(national_id: str, name: str | None, lang: str) -> str:
    """A member for a reader: the name and the national ID, in the reader's digits.

    >>> show_member("0499370899", "علی کریمی", "fa"), show_member("0499370899", None, "en")
    ('علی کریمی (۰۴۹۹۳۷۰۸۹۹)', '0499370899')
    """
    shown_id = to_persian_digits(national_id) if lang == "fa" else national_id
    return f"{name} ({shown_id})" if name else shown_id


def _standings(value: Iterable[Standing]) -> tuple[Standing, ...]:
    items = tuple(value)
    for item in items:
        if not isinstance(item, Standing):
            raise wrong_type("standings", item, "a Standing", "جایگاه رتبه‌بندی")
    return items


def _formula(value: PointsFormula) -> PointsFormula:
    if not isinstance(value, PointsFormula):
        raise wrong_type("formula", value, "a PointsFormula", "فرمول امتیاز")
    return value


def _optional_legal_id(value: str | None) -> str | None:
    return None if value is None else as_legal_id(value, "cooperative_id")


def tie_break_key(standing: Standing) -> tuple[Decimal, datetime.date, str]:
    """The ranking's order: points from most to fewest, then the earlier seniority date,
    then the smaller national ID (compared as text, which for 10 digits is as numbers)."""
    return (-standing.points, standing.seniority_from, standing.national_id)


@attrs.frozen(kw_only=True)
class Ranking:
    """Members ranked by points on a day, each with the breakdown of their points.

    **The order**: points from most to fewest; equal points, the earlier seniority date
    (``Membership.seniority_from``) first; equal points and seniority, the smaller national
    ID first. The last rule is arbitrary but fixed and public, so that the ranking never
    depends on the order the members were given in; a board that wants chance to decide
    ties allocates with ``rank_then_lottery``.

    Attributes:
        on: the day the points were computed for.
        formula: the formula used.
        standings: one :class:`Standing` per member, in ranking order.
        cooperative_id: the cooperative's legal-entity national ID, when ranked from a
            :class:`~maskan.models.cooperative.Cooperative`.

    >>> from maskan.models.cooperative import Membership
    >>> members = [Membership(national_id="0499370899", shares=10, joined_on="1403/07/01"),
    ...            Membership(national_id="0084575948", shares=10, joined_on="1400/01/15")]
    >>> ranking = rank(members, formula=PointsFormula(seniority_years=10), on="1404/09/04")
    >>> [(s.position, s.national_id, s.points) for s in ranking.standings]
    [(1, '0084575948', Decimal('40')), (2, '0499370899', Decimal('10'))]
    """

    on: datetime.date = attrs.field(converter=to_date)
    formula: PointsFormula = attrs.field(converter=_formula)
    standings: tuple[Standing, ...] = attrs.field(converter=_standings)
    cooperative_id: str | None = attrs.field(default=None, converter=_optional_legal_id)

    @property
    def national_ids(self) -> tuple[str, ...]:
        """The members' national IDs in ranking order.

        >>> from maskan.models.cooperative import Membership
        >>> rank([Membership(national_id="0499370899", shares=1, joined_on="1403/07/01")],
        ...      formula=PointsFormula(seniority_days=1), on="1404/09/04").national_ids
        ('0499370899',)
        """
        return tuple(standing.national_id for standing in self.standings)

    def of(self, national_id: str) -> Standing:
        """The standing of one member (code ``unknown_member`` when not ranked).

        >>> from maskan.models.cooperative import Membership
        >>> ranking = rank([Membership(national_id="0499370899", shares=1, joined_on="1403/07/01")],
        ...                formula=PointsFormula(seniority_days=1), on="1404/09/04")
        >>> ranking.of("۰۴۹۹۳۷۰۸۹۹").points
        Decimal('429')
        """
        wanted = member_id(national_id, "national_id")
        for standing in self.standings:
            if standing.national_id == wanted:
                return standing
        raise refuse(
            "unknown_member",
            "national_id",
            wanted,
            f"{wanted} is not in the ranking",
            f"{wanted} در رتبه‌بندی نیست",
        )

    def groups(self) -> tuple[tuple[str, ...], ...]:
        """The members in groups of equal points, from the most points to the fewest; in
        each group, in ranking order.

        >>> from maskan.models.cooperative import Membership
        >>> members = [Membership(national_id=n, shares=1, joined_on=day) for n, day in
        ...            [("0499370899", "1403/07/01"), ("0084575948", "1403/08/01"),
        ...             ("0790419904", "1402/01/01")]]
        >>> rank(members, formula=PointsFormula(seniority_years=1), on="1404/09/04").groups()
        (('0790419904',), ('0499370899', '0084575948'))
        """
        found: list[list[str]] = []
        last: Decimal | None = None
        for standing in self.standings:
            if last is None or standing.points != last:
                found.append([])
                last = standing.points
            found[-1].append(standing.national_id)
        return tuple(tuple(group) for group in found)

    def explain(self, lang: str = "fa") -> str:
        """The ranking in words: the formula, then each member's line and breakdown.

        >>> from maskan.models.cooperative import Membership
        >>> ranking = rank([Membership(national_id="0499370899", shares=1, joined_on="1403/07/01")],
        ...                formula=PointsFormula(seniority_years=10), on="1404/09/04")
        >>> print(ranking.explain("fa"))
        رتبه‌بندی در ۴ آذر ۱۴۰۴؛ امتیاز = ۱۰ × سابقهٔ عضویت (سال کامل)
        ۱. ۰۴۹۹۳۷۰۸۹۹: ۱۰ امتیاز
           سابقهٔ عضویت (سال کامل): ۱ × ۱۰ = ۱۰
        """
        if lang == "fa":
            head = f"رتبه‌بندی در {show_date(self.on, lang)}؛ {self.formula.explain(lang)}"
        else:
            head = f"Ranking on {show_date(self.on, lang)}; {self.formula.explain(lang)}"
        return "\n".join([head, *(standing.explain(lang) for standing in self.standings)])

    def to_dicts(self) -> list[dict[str, Any]]:
        """One flat dict per member, for a table or ``pandas.DataFrame``: position,
        national ID, name, points, seniority date, and ``<part>_raw``, ``<part>_weight``,
        ``<part>_points`` for every part of the formula (board-defined points summed, their
        reasons joined with «؛ » in ``extra_reasons``).

        >>> from maskan.models.cooperative import Membership
        >>> rank([Membership(national_id="0499370899", shares=1, joined_on="1403/07/01")],
        ...      formula=PointsFormula(seniority_years=10), on="1404/09/04").to_dicts()[0]
        ... # doctest: +NORMALIZE_WHITESPACE
        {'position': 1, 'national_id': '0499370899', 'name': None, 'points': Decimal('10'),
         'seniority_from': datetime.date(2024, 9, 22), 'seniority_years_raw': Decimal('1'),
         'seniority_years_weight': Decimal('10'), 'seniority_years_points': Decimal('10')}
        """
        rows = []
        for standing in self.standings:
            row: dict[str, Any] = {
                "position": standing.position,
                "national_id": standing.national_id,
                "name": standing.name,
                "points": standing.points,
                "seniority_from": standing.seniority_from,
            }
            reasons = []
            for score in standing.breakdown:
                key = score.part.value
                if score.part is Part.EXTRA and f"{key}_raw" in row:
                    row[f"{key}_raw"] = _EXACT.add(row[f"{key}_raw"], score.raw)
                    row[f"{key}_points"] = _EXACT.add(row[f"{key}_points"], score.points)
                else:
                    row[f"{key}_raw"] = score.raw
                    row[f"{key}_weight"] = score.weight
                    row[f"{key}_points"] = score.points
                if score.note:
                    reasons.append(score.note)
            if Part.EXTRA in self.formula.parts:
                row["extra_reasons"] = "؛ ".join(reasons) or None
            rows.append(row)
        return rows


def check_ranking(ranking: Ranking) -> bool:
    """Whether the ranking's arithmetic and order hold: each line's points are raw ×
    weight with the formula's weight, each member's points the sum of the lines, one line
    per part (one or more for board-defined points), positions 1, 2, … in the documented
    order, each member once."""
    formula = ranking.formula
    seen: set[str] = set()
    for index, standing in enumerate(ranking.standings, 1):
        if standing.position != index or standing.national_id in seen:
            return False
        seen.add(standing.national_id)
        parts = [score.part for score in standing.breakdown]
        expected_parts = list(formula.parts)
        if list(dict.fromkeys(parts)) != expected_parts:
            return False
        if any(
            parts.count(part) != 1 for part in expected_parts if part is not Part.EXTRA
        ) or parts != sorted(parts, key=list(Part).index):
            return False
        for score in standing.breakdown:
            if score.weight != formula.weight(score.part) or score.points != _times(
                score.raw, score.weight
            ):
                return False
            if score.part is not Part.EXTRA and score.note is not None:
                return False
        if standing.points != _total(score.points for score in standing.breakdown):
            return False
    keys = [tie_break_key(standing) for standing in ranking.standings]
    return keys == sorted(keys)


# Ranking ------------------------------------------------------------------------------


def _memberships(members: object) -> tuple[dict[str, Membership], str | None]:
    if isinstance(members, Cooperative):
        return {record.national_id: record for record in members.memberships}, members.legal_id
    if isinstance(members, str | bytes | Mapping) or not isinstance(members, Iterable):
        raise wrong_type(
            "members", members, "a Cooperative or a list of Memberships", "تعاونی یا فهرست عضویت‌ها"
        )
    records: dict[str, Membership] = {}
    for record in members:
        if not isinstance(record, Membership):
            raise wrong_type("members", record, "a Membership", "عضویت")
        if record.national_id in records:
            raise refuse(
                "member_twice",
                "members",
                record.national_id,
                f"{record.national_id} has two membership records",
                f"{record.national_id} دو پروندهٔ عضویت دارد",
            )
        records[record.national_id] = record
    return records, None


def _people(people: object) -> dict[str, Person]:
    if people is None:
        return {}
    if isinstance(people, Mapping):
        values: Iterable[object] = people.values()
    elif isinstance(people, str | bytes) or not isinstance(people, Iterable):
        raise wrong_type("people", people, "a list of Person records", "فهرست اشخاص")
    else:
        values = people
    found: dict[str, Person] = {}
    for person in values:
        if not isinstance(person, Person):
            raise wrong_type("people", person, "a Person", "شخص")
        if person.national_id in found and found[person.national_id] != person:
            raise refuse(
                "member_twice",
                "people",
                person.national_id,
                f"{person.national_id} is given as two different people",
                f"{person.national_id} دو بار با اطلاعات متفاوت آمده است",
            )
        found[person.national_id] = person
    return found


def _extras(extra: object, records: Mapping[str, Membership]) -> dict[str, tuple[ExtraPoints, ...]]:
    if extra is None:
        return {}
    if not isinstance(extra, Mapping):
        raise wrong_type(
            "extra", extra, "a mapping of national ID to ExtraPoints", "نگاشت کد ملی به امتیاز"
        )
    found: dict[str, tuple[ExtraPoints, ...]] = {}
    for key, value in extra.items():
        national_id = member_id(key, "extra")
        if national_id not in records:
            raise refuse(
                "unknown_member",
                "extra",
                national_id,
                f"points are given to {national_id}, who has no membership record",
                f"به {national_id} امتیاز داده شده است، اما پروندهٔ عضویت ندارد",
            )
        if national_id in found:
            raise refuse(
                "member_twice",
                "extra",
                national_id,
                f"{national_id} is named twice",
                f"{national_id} دو بار آمده است",
            )
        items = value if isinstance(value, list | tuple) and not _is_pair(value) else [value]
        entries = []
        for item in items:
            if isinstance(item, ExtraPoints):
                entries.append(item)
            elif _is_pair(item):
                entries.append(ExtraPoints(points=item[0], reason=item[1]))
            else:
                raise wrong_type(
                    "extra", item, "ExtraPoints or a (points, reason) pair", "امتیاز و دلیل آن"
                )
        found[national_id] = tuple(entries)
    return found


def _is_pair(value: object) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str)


def _unknown_fact(national_id: str, fact: str, fact_fa: str, part: Part) -> Exception:
    return refuse(
        "unknown_fact",
        "people",
        national_id,
        f"{fact} of {national_id} is unknown, and the formula gives points for"
        f" {part.label_en}; record it on the Person (unknown is not zero)",
        f"{fact_fa} {national_id} معلوم نیست و فرمول برای «{part.label_fa}» امتیاز می‌دهد؛"
        " آن را در پروندهٔ شخص ثبت کنید (نامعلوم صفر نیست)",
    )


def _raw(
    part: Part,
    record: Membership,
    day: datetime.date,
    person: Person | None,
    ledger: Ledger | None,
) -> Decimal:
    national_id = record.national_id
    if part is Part.CONTRIBUTIONS:
        assert ledger is not None
        return Decimal(ledger.amount_days(national_id, on=day))
    if part is Part.SENIORITY_YEARS:
        return Decimal(full_years(record.seniority_from, day))
    if part is Part.SENIORITY_DAYS:
        return Decimal((day - record.seniority_from).days)
    if person is None:
        raise refuse(
            "unknown_fact",
            "people",
            national_id,
            f"no Person is given for {national_id}, and the formula gives points for"
            f" {part.label_en}",
            f"پروندهٔ شخص {national_id} داده نشده است و فرمول برای «{part.label_fa}» امتیاز می‌دهد",
        )
    if part is Part.DEPENDANTS:
        if person.dependants is None:
            raise _unknown_fact(
                national_id, "the number of dependants", "تعداد افراد تحت تکفل", part
            )
        return Decimal(person.dependants)
    status = person.veteran_status
    if status is None:
        raise _unknown_fact(national_id, "the veteran status", "وضعیت ایثارگری", part)
    wanted = VeteranStatus.VETERAN if part is Part.VETERAN else VeteranStatus.MARTYR_FAMILY
    return Decimal(1 if status is wanted else 0)


ExtraLike = ExtraPoints | tuple[WeightLike, str] | Sequence[ExtraPoints | tuple[WeightLike, str]]
"""Board-defined points for one member: :class:`ExtraPoints`, a ``(points, reason)``
pair, or a list of either."""


def rank(
    members: Cooperative | Iterable[Membership],
    *,
    formula: PointsFormula,
    on: DateLike | str,
    people: Iterable[Person] | Mapping[str, Person] | None = None,
    ledger: Ledger | None = None,
    extra: Mapping[str, ExtraLike] | None = None,
    candidates: Iterable[str] | None = None,
) -> Ranking:
    """Rank members by the points of ``formula`` on day ``on``, with each one's breakdown.

    Args:
        members: a :class:`~maskan.models.cooperative.Cooperative`, or its
            :class:`~maskan.models.cooperative.Membership` records.
        formula: the weights (:class:`PointsFormula`).
        on: the day the points are computed for (contributions and seniority up to it).
        people: the members' :class:`~maskan.models.person.Person` records (a list or a
            mapping; others are ignored); needed when the formula weights dependants,
            veteran or martyr's-family points, and used for names.
        ledger: the cooperative's :class:`~maskan.models.ledger.Ledger`; needed when the
            formula weights contributions.
        extra: board-defined points: national ID → :class:`ExtraPoints`, a
            ``(points, reason)`` pair, or a list of them.
        candidates: the members to rank (national IDs); by default every membership
            active on ``on``. Each must be active on ``on``.

    Raises:
        AllocationError: ``no_candidates``, ``member_twice``, ``not_a_member`` (a
            candidate without a membership active on ``on``), ``unknown_member`` (extra
            points for someone without a membership record), ``missing_ledger``,
            ``wrong_ledger`` (another cooperative's ledger), ``unknown_fact`` (a person or
            a fact the formula needs is missing: unknown is not zero),
            ``extra_not_in_formula`` (extra points but no ``extra`` weight), ``type``.

    >>> from maskan.models.cooperative import Membership
    >>> from maskan.models.person import Person
    >>> members = [Membership(national_id="0499370899", shares=10, joined_on="1403/07/01"),
    ...            Membership(national_id="0084575948", shares=10, joined_on="1403/07/01")]
    >>> people = [Person(national_id="0499370899", first_name="علی", last_name="کریمی",
    ...                  dependants=3),
    ...           Person(national_id="0084575948", first_name="مریم", last_name="احمدی",
    ...                  dependants=1)]
    >>> ranking = rank(members, formula=PointsFormula(seniority_years=10, dependants=5, extra=1),
    ...                on="1404/09/04", people=people,
    ...                extra={"0084575948": ExtraPoints(points=12, reason="عضو مؤسس")})
    >>> print(ranking.explain("en"))
    Ranking on 1404/09/04 (2025-11-25); points = 10 × membership seniority (full years) \
+ 5 × dependants + 1 × board-defined points
    1. مریم احمدی (0084575948): 27 points
       membership seniority (full years): 1 × 10 = 10
       dependants: 1 × 5 = 5
       board-defined points: 12 × 1 = 12 (عضو مؤسس)
    2. علی کریمی (0499370899): 25 points
       membership seniority (full years): 1 × 10 = 10
       dependants: 3 × 5 = 15
       board-defined points: 0 × 1 = 0
    """
    if not isinstance(formula, PointsFormula):
        raise wrong_type("formula", formula, "a PointsFormula", "فرمول امتیاز")
    day = as_date(on, "on")
    records, cooperative_id = _memberships(members)
    if candidates is None:
        chosen = tuple(nid for nid, record in records.items() if record.active_on(day))
    else:
        chosen = unique_ids(candidates, "candidates")
        for national_id in chosen:
            record = records.get(national_id)
            if record is None or not record.active_on(day):
                raise refuse(
                    "not_a_member",
                    "candidates",
                    national_id,
                    f"{national_id} has no membership active on {shown(day)}",
                    f"{national_id} در {shown_fa(day)} عضویت فعال ندارد",
                )
    if not chosen:
        raise refuse(
            "no_candidates",
            "members",
            (),
            f"no member is active on {shown(day)}",
            f"در {shown_fa(day)} هیچ عضو فعالی نیست",
        )
    parts = formula.parts
    if ledger is not None:
        if not isinstance(ledger, Ledger):
            raise wrong_type("ledger", ledger, "a Ledger", "دفتر حساب")
        if cooperative_id is not None and ledger.cooperative_id != cooperative_id:
            raise refuse(
                "wrong_ledger",
                "ledger",
                ledger.cooperative_id,
                f"the ledger is cooperative {ledger.cooperative_id}'s, not {cooperative_id}'s",
                f"دفتر حساب از آنِ تعاونی {ledger.cooperative_id} است، نه {cooperative_id}",
            )
    elif Part.CONTRIBUTIONS in parts:
        raise refuse(
            "missing_ledger",
            "ledger",
            None,
            "the formula gives points for contributions, but no ledger is given",
            "فرمول برای آورده امتیاز می‌دهد، اما دفتر حساب داده نشده است",
        )
    persons = _people(people)
    extras = _extras(extra, records)
    if extras and Part.EXTRA not in parts:
        raise refuse(
            "extra_not_in_formula",
            "extra",
            tuple(extras),
            "board-defined points are given, but the formula has no weight for them (extra=)",
            "امتیاز مصوب هیأت مدیره داده شده است، اما فرمول برای آن وزنی ندارد (extra=)",
        )
    unranked = []
    for national_id in chosen:
        record = records[national_id]
        person = persons.get(national_id)
        breakdown = []
        for part in parts:
            weight = formula.weight(part)
            assert weight is not None
            if part is Part.EXTRA:
                given = extras.get(national_id, ())
                for item in given or (None,):
                    raw = item.points if item else Decimal(0)
                    breakdown.append(
                        PartScore(
                            part=part,
                            raw=raw,
                            weight=weight,
                            points=_times(raw, weight),
                            note=item.reason if item else None,
                        )
                    )
                continue
            raw = _raw(part, record, day, person, ledger)
            breakdown.append(
                PartScore(part=part, raw=raw, weight=weight, points=_times(raw, weight))
            )
        unranked.append(
            Standing(
                position=0,
                national_id=national_id,
                points=_total(score.points for score in breakdown),
                seniority_from=record.seniority_from,
                breakdown=tuple(breakdown),
                name=person.full_name if person else None,
            )
        )
    unranked.sort(key=tie_break_key)
    return Ranking(
        on=day,
        formula=formula,
        standings=tuple(
            attrs.evolve(standing, position=position)
            for position, standing in enumerate(unranked, 1)
        ),
        cooperative_id=cooperative_id,
    )
