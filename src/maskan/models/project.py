"""Housing projects (پروژهٔ مسکن): what a cooperative builds, how far it has got, who pays.

A [`HousingProject`][maskan.models.project.HousingProject] belongs to one cooperative,
named by its legal-entity national ID (شناسه ملی), and records where it is, the land it
stands on, its residential units (واحد مسکونی), the stages it has passed through, its
physical progress (پیشرفت فیزیکی) and where its money came from. Like every maskan model it
is frozen: each operation returns a new project, or raises
[`ProjectError`][maskan.errors.ProjectError] and leaves the old one as it was.

>>> from maskan.calendar import jdate
>>> from maskan.money import Rial
>>> project = HousingProject(
...     code="ISF-1402-07",
...     name="مجتمع مسکونی بهار",
...     cooperative_id="14011517510",
...     province="اصفهان",
...     county="شاهین شهر و میمه",
...     land_area_m2=4200,
...     land_tenure="lease_99_year",
... )
>>> project = project.advance("planned", on="1402/03/01").advance("permitted", on="1402/06/15")
>>> project = project.advance("under_construction", on="1402/08/01")
>>> project = project.record_progress(35, on="1403/01/20").record_progress(100, on="1404/07/01")
>>> project = project.advance("completed", on="1404/07/10").advance("opened", on="1404/09/04")
>>> project.status, project.opened_on == jdate(1404, 9, 4)
(<ProjectStatus.OPENED: 'opened'>, True)
>>> project.status_on(jdate(1403, 1, 1)).label_fa
'در حال ساخت'
>>> project.progress(on=jdate(1403, 6, 1))
Decimal('35')

**The stages** (DOMAIN.md §5.7) come in this order, each with the date it was reached:
planned → permitted (building permit, پروانه ساختمانی) → under construction → completed →
opened (افتتاح) → handed over (تحویل). Decisions where the law is silent:

* *No stage is skipped*, except the opening. Each change moves one stage on: no source
  says a project may go without a building permit, so maskan does not guess that it may.
  The opening is a ceremony, not a stage of building, and many projects are handed over
  without one; a completed project may be handed over directly, and its ``opened_on``
  stays ``None`` rather than carrying an invented date.
* *A history may start at any stage.* A project that was already under way when it was first
  recorded (a cooperative moving its books into a new system, a building bought unfinished)
  starts its history at the stage it had then; the earlier dates are unknown, not invented.
* *Completed means 100% progress.* A project reaches "completed", and so "opened" and
  "handed over", only when a progress report of 100 is dated on or before that day. So no
  project is opened unfinished.

>>> project.advance("handed_over", on="1404/06/01")
Traceback (most recent call last):
...
maskan.errors.ProjectError: advance: 1404/06/01 (2025-08-23) is before the last status \
change, opened on 1404/09/04 (2025-11-25)

**Progress** is a percentage from 0 to 100 (a ``Decimal``) that never goes down, in date
order; the stage percentages that release loan instalments have no source and are the
caller's (DOMAIN.md §5.7 [U]). **Units** are keyed by block and number: the same number may
appear in two blocks, never twice in one. **Financing** lists amounts by source: members'
contributions (آورده), bank facilities (تسهیلات), other.

>>> from maskan.models.project import Financing
>>> project = project.add_financing(
...     Financing(source="members", amount=Rial(2_436_000_000_000)),
...     Financing(source="bank_facility", amount=Rial(364_000_000_000), bank="بانک مسکن"),
... )
>>> project.members_share()
Fraction(87, 100)
"""

from __future__ import annotations

import datetime
import functools
import operator
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import SupportsIndex, cast

import attrs

from maskan.calendar import DateLike, as_date
from maskan.errors import InvalidNumber, MaskanError, ProjectError, describe
from maskan.geo import County, Province
from maskan.models._fields import (
    as_choice,
    as_sequence,
    as_text,
    failure,
    invalid,
    shown,
    shown_fa,
    to_date,
    to_legal_id,
    to_optional_date,
    to_optional_text,
    to_rial,
    to_text,
    wrong_type,
)
from maskan.models._labels import Labelled, labels
from maskan.models._persistent import Keyed
from maskan.money import Rial
from maskan.persian.digits import to_latin_digits
from maskan.persian.numbers import parse_number

__all__ = [
    "Financing",
    "FundingSource",
    "HousingProject",
    "LandTenure",
    "ProgressReport",
    "ProjectStatus",
    "StatusChange",
    "Unit",
    "Units",
]

_HUNDRED = Decimal(100)


class ProjectStatus(Labelled):
    """The stage a housing project has reached, in the order projects pass through them.

    The value is the stable wire code. Compare stages with the project's methods, not with
    ``<``: a ``StrEnum`` compares its codes alphabetically.

    >>> [status.value for status in ProjectStatus]
    ['planned', 'permitted', 'under_construction', 'completed', 'opened', 'handed_over']
    >>> ProjectStatus.OPENED.label_fa, ProjectStatus.OPENED.label_en
    ('افتتاح\u200cشده', 'opened')
    >>> ProjectStatus.PERMITTED.label_fa
    'دارای پروانهٔ ساختمانی'
    >>> ProjectStatus.HANDED_OVER.label_en
    'handed over'
    """

    PLANNED = "planned"
    PERMITTED = "permitted"
    UNDER_CONSTRUCTION = "under_construction"
    COMPLETED = "completed"
    OPENED = "opened"
    HANDED_OVER = "handed_over"


labels(
    ProjectStatus,
    {
        "planned": ("برنامه\u200cریزی\u200cشده", "planned"),
        "permitted": ("دارای پروانهٔ ساختمانی", "permitted (building permit issued)"),
        "under_construction": ("در حال ساخت", "under construction"),
        "completed": ("تکمیل\u200cشده", "completed"),
        "opened": ("افتتاح\u200cشده", "opened"),
        "handed_over": ("تحویل\u200cشده", "handed over"),
    },
)
_STAGES = tuple(ProjectStatus)
_FINISHED = frozenset(_STAGES[_STAGES.index(ProjectStatus.COMPLETED) :])


class LandTenure(Labelled):
    """How the cooperative holds the project's land.

    ``LEASE_99_YEAR`` is the long lease of state land used by Mehr housing and the workers'
    housing agreements (اجاره ۹۹ ساله, DOMAIN.md §3, §4.4).

    >>> LandTenure("lease_99_year").label_fa
    'اجارهٔ ۹۹ ساله'
    >>> LandTenure.OWNED.label_fa
    'ملکی'
    >>> LandTenure.LEASE_99_YEAR.label_en
    '99-year lease'
    """

    OWNED = "owned"
    LEASE_99_YEAR = "lease_99_year"
    OTHER = "other"


labels(
    LandTenure,
    {
        "owned": ("ملکی", "owned"),
        "lease_99_year": ("اجارهٔ ۹۹ ساله", "99-year lease"),
        "other": ("سایر", "other"),
    },
)


class FundingSource(Labelled):
    """Where a project's money comes from (DOMAIN.md §5.7).

    >>> [source.label_fa for source in FundingSource]
    ['آوردهٔ اعضا', 'تسهیلات بانکی', 'سایر منابع']
    >>> FundingSource.BANK_FACILITY.label_fa
    'تسهیلات بانکی'
    >>> FundingSource.MEMBERS.label_en
    "members' contributions"
    """

    MEMBERS = "members"
    BANK_FACILITY = "bank_facility"
    OTHER = "other"


labels(
    FundingSource,
    {
        "members": ("آوردهٔ اعضا", "members' contributions"),
        "bank_facility": ("تسهیلات بانکی", "bank facilities"),
        "other": ("سایر منابع", "other sources"),
    },
)


# Converters ----------------------------------------------------------------------------
# Fields that need only their name use the shared converters of maskan.models._fields; the
# others have a small named function, whose signature mypy's attrs plugin reads as the
# type the constructor accepts.


def _decimal(value: object, field: str, *, percent: bool = False) -> Decimal:
    """A finite ``Decimal`` from an int, a Decimal, a float or digits written as text.

    A float is read through its shortest ``repr`` (``37.5`` → ``Decimal('37.5')``), as
    :mod:`maskan.serde` reads JSON numbers. A percentage written as text may end with a
    percent sign (``"۶۵٪"`` is 65).
    """
    if isinstance(value, bool):
        raise invalid(
            InvalidNumber, field, value, "is a bool, not a number", "بولی است، نه عدد", "type"
        )
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        digits = value.strip().rstrip("%٪").rstrip() if percent else value
        try:
            number = Decimal(parse_number(digits))
        except InvalidNumber as error:
            raise invalid(
                InvalidNumber, field, value, "is not a number", "عدد نیست", error.code
            ) from None
    else:
        raise invalid(
            InvalidNumber,
            field,
            value,
            f"is a {type(value).__name__}, not a number",
            f"از نوع {type(value).__name__} است، نه عدد",
            "type",
        )
    if not number.is_finite():
        raise invalid(
            InvalidNumber, field, value, "is not a finite number", "عدد متناهی نیست", "not_finite"
        )
    return number


def _integer(value: object, field: str) -> int:
    if type(value) is int:
        return value
    if not isinstance(value, bool) and isinstance(value, SupportsIndex):
        return operator.index(value)  # numpy integers
    raise invalid(
        InvalidNumber,
        field,
        value,
        f"is a {type(value).__name__}, not an integer",
        f"از نوع {type(value).__name__} است، نه عدد صحیح",
        "type",
    )


def _label(value: object, field: str) -> str:
    """Normalized text with ASCII digits, so that «۱۲» and "12" name the same unit."""
    return to_latin_digits(as_text(value, field))


def _status(value: ProjectStatus | str) -> ProjectStatus:
    return as_choice(value, ProjectStatus, "status")


def _percent(value: Decimal | int | float | str) -> Decimal:
    return _decimal(value, "percent", percent=True)


def _unit_number(value: str) -> str:
    return _label(value, "number")


def _block(value: str | None) -> str | None:
    return None if value is None else _label(value, "block")


def _floor(value: int | None) -> int | None:
    return None if value is None else _integer(value, "floor")


def _floor_area(value: Decimal | int | float | str | None) -> Decimal | None:
    return None if value is None else _decimal(value, "floor_area_m2")


def _bedrooms(value: int | None) -> int | None:
    return None if value is None else _integer(value, "bedrooms")


def _source(value: FundingSource | str) -> FundingSource:
    return as_choice(value, FundingSource, "source")


def _province(value: Province | str) -> Province:
    try:
        return Province.lookup(value)
    except MaskanError as error:
        error.field = "province"
        raise


def _county(value: County | str | None) -> County | None:
    if value is None:
        return None
    try:
        return County.lookup(value)
    except MaskanError as error:
        error.field = "county"
        raise


def _land_area(value: Decimal | int | float | str | None) -> Decimal | None:
    return None if value is None else _decimal(value, "land_area_m2")


def _land_tenure(value: LandTenure | str | None) -> LandTenure | None:
    return None if value is None else as_choice(value, LandTenure, "land_tenure")


def _units(value: Iterable[Unit]) -> Units:
    if isinstance(value, Units):
        return value
    return Units(as_sequence(value, ProjectError, "units", "Unit"))


def _status_history(value: Iterable[StatusChange]) -> tuple[StatusChange, ...]:
    return as_sequence(value, ProjectError, "status_history", "StatusChange")


def _progress_history(value: Iterable[ProgressReport]) -> tuple[ProgressReport, ...]:
    return as_sequence(value, ProjectError, "progress_history", "ProgressReport")


def _financing(value: Iterable[Financing]) -> tuple[Financing, ...]:
    return as_sequence(value, ProjectError, "financing", "Financing")


# Errors --------------------------------------------------------------------------------

_fail = functools.partial(failure, ProjectError)


def _not_positive(field: str, value: object) -> ProjectError:
    return _fail(
        field,
        "not_positive",
        f"{describe(value)} is not more than zero",
        f"مقدار {describe(value)} بیشتر از صفر نیست",
        value,
    )


# Records -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class StatusChange:
    """The day a project reached a stage.

    Attributes:
        status: the stage reached.
        date: the day it was reached.

    >>> change = StatusChange(status="opened", date="1404/09/04")
    >>> change.status.label_fa, change.date
    ('افتتاح\u200cشده', datetime.date(2025, 11, 25))
    """

    status: ProjectStatus = attrs.field(converter=_status)
    date: datetime.date = attrs.field(converter=to_date)


@attrs.frozen(kw_only=True)
class ProgressReport:
    """A measurement of a project's physical progress (پیشرفت فیزیکی) on a day.

    Attributes:
        percent: from 0 to 100, as a ``Decimal``.
        date: the day of the measurement.

    >>> ProgressReport(percent="۶۵٫۵", date="1404/02/01").percent
    Decimal('65.5')
    >>> ProgressReport(percent=101, date="1404/02/01")
    Traceback (most recent call last):
    ...
    maskan.errors.ProjectError: percent: 101 is not a percentage from 0 to 100
    """

    percent: Decimal = attrs.field(converter=_percent)
    date: datetime.date = attrs.field(converter=to_date)

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.percent <= _HUNDRED:
            raise _fail(
                "percent",
                "progress_out_of_range",
                f"{self.percent} is not a percentage from 0 to 100",
                f"مقدار {self.percent} درصدی از ۰ تا ۱۰۰ نیست",
                self.percent,
            )


@attrs.frozen(kw_only=True)
class Unit:
    """A residential unit (واحد مسکونی) of a project.

    A unit is known by its block (بلوک) and number; digits in either are stored in ASCII,
    so «۱۲» and ``"12"`` are the same unit. What is unknown is ``None``.

    Attributes:
        number: the unit number, as text (``"12"``, ``"3-B"``).
        block: the block, or ``None`` when the project has no blocks or it is unknown.
        floor: the floor (0 for the ground floor, negative below it).
        floor_area_m2: the floor area (متراژ / زیربنا) in square metres, more than zero.
        bedrooms: the number of bedrooms, zero or more.

    >>> unit = Unit(number="۱۲", block="الف", floor=3, floor_area_m2="95.5", bedrooms=2)
    >>> unit.number, unit.floor_area_m2
    ('12', Decimal('95.5'))
    """

    number: str = attrs.field(converter=_unit_number)
    block: str | None = attrs.field(default=None, converter=_block)
    floor: int | None = attrs.field(default=None, converter=_floor)
    floor_area_m2: Decimal | None = attrs.field(default=None, converter=_floor_area)
    bedrooms: int | None = attrs.field(default=None, converter=_bedrooms)

    def __attrs_post_init__(self) -> None:
        if self.floor_area_m2 is not None and self.floor_area_m2 <= 0:
            raise _not_positive("floor_area_m2", self.floor_area_m2)
        if self.bedrooms is not None and self.bedrooms < 0:
            raise _fail(
                "bedrooms",
                "negative",
                f"{self.bedrooms} is negative",
                f"مقدار {self.bedrooms} منفی است",
                self.bedrooms,
            )

    @property
    def key(self) -> tuple[str, str]:
        """What makes the unit unique in its project: ``(block, number)``, block ``""`` if none.

        >>> Unit(number="7", block="B").key, Unit(number="7").key
        (('B', '7'), ('', '7'))
        """
        return (self.block or "", self.number)


@attrs.frozen(kw_only=True)
class Financing:
    """An amount a project received from one source.

    Attributes:
        source: members' contributions, a bank facility or another source.
        amount: the amount, more than zero.
        bank: the lending bank's name, when known.
        date: the day of the contract or payment, when known.

    >>> from maskan.money import Rial
    >>> loan = Financing(source="bank_facility", amount="۵۰ میلیارد ریال", bank="بانک مسکن")
    >>> loan.source.label_en, loan.amount
    ('bank facilities', Rial(50000000000))
    """

    source: FundingSource = attrs.field(converter=_source)
    amount: Rial = attrs.field(converter=to_rial)
    bank: str | None = attrs.field(default=None, converter=to_optional_text)
    date: datetime.date | None = attrs.field(default=None, converter=to_optional_date)

    def __attrs_post_init__(self) -> None:
        if self.amount <= Rial(0):
            raise _not_positive("amount", self.amount)


# The project ---------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class HousingProject:
    """A cooperative's housing project (پروژهٔ مسکن): place, land, units, stages, progress
    and money.

    Build one with what is known and let the operations add the rest; every unknown fact
    is ``None``. Building one checks every rule the operations check, so a project read
    from JSON is held to the same rules.

    Attributes:
        code: the project's code in the cooperative's books.
        name: the project's name.
        cooperative_id: the owning cooperative's legal-entity national ID (11 digits).
        province: the province; any name or code ``Province.lookup`` reads.
        county: the county, which must lie in ``province``, or ``None``.
        city: the city or town, or ``None``.
        address: the street address, or ``None``.
        land_area_m2: the land's area in square metres, more than zero, or ``None``.
        land_tenure: how the land is held, or ``None``.
        units: the residential units, unique by block and number (a read-only sequence;
            see [`Units`][maskan.models.project.Units]).
        status_history: the stages reached, one step at a time (the opening may be left
            out), in date order.
        progress_history: the physical-progress reports, never decreasing, in date order.
        financing: the money received, by source.

    >>> project = HousingProject(
    ...     code="P-1", name="مسکن مهر ۳", cooperative_id="14011517510", province="IR-10"
    ... )
    >>> project.province.name_en, project.status, project.progress()
    ('Isfahan', None, None)
    """

    code: str = attrs.field(converter=to_text)
    name: str = attrs.field(converter=to_text)
    cooperative_id: str = attrs.field(converter=to_legal_id)
    province: Province = attrs.field(converter=_province)
    county: County | None = attrs.field(default=None, converter=_county)
    city: str | None = attrs.field(default=None, converter=to_optional_text)
    address: str | None = attrs.field(default=None, converter=to_optional_text)
    land_area_m2: Decimal | None = attrs.field(default=None, converter=_land_area)
    land_tenure: LandTenure | None = attrs.field(default=None, converter=_land_tenure)
    units: Sequence[Unit] = attrs.field(default=(), converter=_units)
    status_history: tuple[StatusChange, ...] = attrs.field(default=(), converter=_status_history)
    progress_history: tuple[ProgressReport, ...] = attrs.field(
        default=(), converter=_progress_history
    )
    financing: tuple[Financing, ...] = attrs.field(default=(), converter=_financing)

    def _repr_html_(self) -> str:
        """Right-to-left HTML for notebooks; see :func:`maskan.display.html`."""
        from maskan.display import html  # display sits above the models

        return html(self)

    @property
    def _units(self) -> Units:
        return cast(Units, self.units)

    def __attrs_post_init__(self) -> None:
        if self.county is not None and self.county.province != self.province:
            raise _fail(
                "county",
                "wrong_province",
                f"{self.county.name_en} ({self.county.name_fa}) lies in"
                f" {self.county.province.name_en}, not in {self.province.name_en}",
                f"شهرستان {self.county.name_fa} در استان {self.county.province.name_fa} است،"
                f" نه در استان {self.province.name_fa}",
                self.county,
            )
        if self.land_area_m2 is not None and self.land_area_m2 <= 0:
            raise _not_positive("land_area_m2", self.land_area_m2)
        _check_items("financing", self.financing, Financing)
        _check_items("status_history", self.status_history, StatusChange)
        _check_items("progress_history", self.progress_history, ProgressReport)
        for index in range(1, len(self.status_history)):
            _check_status_step(
                f"status_history[{index}]",
                self.status_history[index - 1],
                self.status_history[index],
            )
        for index in range(1, len(self.progress_history)):
            _check_progress_step(
                f"progress_history[{index}]",
                self.progress_history[index - 1],
                self.progress_history[index],
            )
        for index, change in enumerate(self.status_history):
            self._check_finished(f"status_history[{index}]", change)

    # Reading ---------------------------------------------------------------------------

    @property
    def status(self) -> ProjectStatus | None:
        """The latest stage reached, or ``None`` when no stage is recorded.

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... )
        >>> project.advance("planned", on="1403/01/15").status
        <ProjectStatus.PLANNED: 'planned'>
        """
        return self.status_history[-1].status if self.status_history else None

    @property
    def next_status(self) -> ProjectStatus | None:
        """The usual next stage; ``None`` once the project is handed over.

        Any stage may start an empty history; ``PLANNED`` is the usual start. After
        ``COMPLETED`` this is ``OPENED``, though :meth:`advance` also accepts
        ``HANDED_OVER`` for a project that had no opening.

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... )
        >>> project.advance("permitted", on="1403/01/15").next_status
        <ProjectStatus.UNDER_CONSTRUCTION: 'under_construction'>
        """
        if self.status is None:
            return ProjectStatus.PLANNED
        return _next(self.status)

    def status_on(self, on: DateLike | str) -> ProjectStatus | None:
        """The stage the project was in on a day; ``None`` before its first recorded stage.

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).advance("planned", on="1403/01/15").advance("permitted", on="1403/05/01")
        >>> project.status_on("1403/04/31"), project.status_on("1403/05/01")
        (<ProjectStatus.PLANNED: 'planned'>, <ProjectStatus.PERMITTED: 'permitted'>)
        >>> project.status_on("1402/12/29") is None
        True
        """
        day = as_date(on, "on")
        found = None
        for change in self.status_history:
            if change.date > day:
                break
            found = change.status
        return found

    def date_of(self, status: ProjectStatus | str) -> datetime.date | None:
        """The day the project reached ``status``, or ``None`` if it has not (or its
        history starts later).

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).advance("permitted", on="1403/05/01")
        >>> project.date_of("permitted"), project.date_of("planned")
        (datetime.date(2024, 7, 22), None)
        """
        wanted = _status(status)
        for change in self.status_history:
            if change.status is wanted:
                return change.date
        return None

    @property
    def opened_on(self) -> datetime.date | None:
        """The day of the official opening (افتتاح), or ``None`` if it has not happened.

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... )
        >>> project.opened_on is None
        True
        """
        return self.date_of(ProjectStatus.OPENED)

    def progress(self, on: DateLike | str | None = None) -> Decimal | None:
        """The physical progress in percent on a day (the latest report on or before it),
        or the latest of all without ``on``; ``None`` when no report is that old.

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).record_progress(40, on="1403/02/01").record_progress("62.5", on="1403/08/01")
        >>> project.progress(), project.progress(on="1403/07/30")
        (Decimal('62.5'), Decimal('40'))
        >>> project.progress(on="1403/01/01") is None
        True
        """
        if on is None:
            return self.progress_history[-1].percent if self.progress_history else None
        day = as_date(on, "on")
        found = None
        for report in self.progress_history:
            if report.date > day:
                break
            found = report.percent
        return found

    def financing_by_source(self) -> dict[FundingSource, Rial]:
        """The total received from each source, every source listed (zero when none).

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).add_financing(Financing(source="members", amount=Rial(900)))
        >>> project.financing_by_source()
        {<FundingSource.MEMBERS: 'members'>: Rial(900), <FundingSource.BANK_FACILITY: \
'bank_facility'>: Rial(0), <FundingSource.OTHER: 'other'>: Rial(0)}
        """
        totals = dict.fromkeys(FundingSource, 0)
        for item in self.financing:
            totals[item.source] += item.amount.rials
        return {source: Rial(total) for source, total in totals.items()}

    def members_share(self) -> Fraction | None:
        """The members' contributions as an exact fraction of all financing; ``None``
        when no financing is recorded.

        Isfahan's cooperative projects were 87% financed by members and 13% by banks
        (DOMAIN.md §3, [S-news]).

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).add_financing(
        ...     Financing(source="members", amount=Rial(87)),
        ...     Financing(source="bank_facility", amount=Rial(13)),
        ... )
        >>> project.members_share()
        Fraction(87, 100)
        """
        totals = self.financing_by_source()
        everything = sum(total.rials for total in totals.values())
        if everything == 0:
            return None
        return Fraction(totals[FundingSource.MEMBERS].rials, everything)

    # Operations ------------------------------------------------------------------------

    def advance(self, status: ProjectStatus | str, *, on: DateLike | str) -> HousingProject:
        """Return the project moved on to ``status`` on day ``on``.

        The next stage is the one after the current one; a completed project may also go
        straight to ``handed_over`` (see the module notes on the opening).

        Raises:
            ProjectError: ``status_skipped`` (a stage would be skipped),
                ``status_backwards`` (the stage was already reached), ``out_of_order``
                (``on`` is before the last status change), ``unfinished`` (completed or
                later without a progress report of 100 by ``on``).

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).advance("under_construction", on="1403/01/15")
        >>> project.advance("opened", on="1404/01/15")
        Traceback (most recent call last):
        ...
        maskan.errors.ProjectError: advance: 'opened' cannot follow 'under_construction'; \
the next stage is 'completed'
        >>> project.advance("completed", on="1404/01/15")
        Traceback (most recent call last):
        ...
        maskan.errors.ProjectError: advance: 'completed' needs a progress report of 100 on \
or before 1404/01/15 (2025-04-04); the progress then was unknown
        """
        change = StatusChange(status=status, date=on)
        if self.status_history:
            _check_status_step("advance", self.status_history[-1], change)
        self._check_finished("advance", change)
        return attrs.evolve(self, status_history=(*self.status_history, change))

    def record_progress(
        self, percent: Decimal | int | str, *, on: DateLike | str
    ) -> HousingProject:
        """Return the project with a physical-progress report of ``percent`` on day ``on``.

        Raises:
            ProjectError: ``progress_out_of_range`` (below 0 or above 100),
                ``progress_decreased`` (below the last report), ``out_of_order`` (``on`` is
                before the last report).

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).record_progress(60, on="1403/06/01")
        >>> project.record_progress(55, on="1403/07/01")
        Traceback (most recent call last):
        ...
        maskan.errors.ProjectError: record_progress: 55 is below the last report, 60 on \
1403/06/01 (2024-08-22); progress never goes down
        """
        report = ProgressReport(percent=percent, date=on)
        if self.progress_history:
            _check_progress_step("record_progress", self.progress_history[-1], report)
        return attrs.evolve(self, progress_history=(*self.progress_history, report))

    def add_units(self, *units: Unit) -> HousingProject:
        """Return the project with more residential units.

        Raises:
            ProjectError: ``duplicate_unit`` (a block and number already used, or given
                twice), ``type`` (not a :class:`Unit`).

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).add_units(Unit(number="1", block="A"), Unit(number="1", block="B"))
        >>> len(project.units)
        2
        >>> project.add_units(Unit(number="۱", block="A"))
        Traceback (most recent call last):
        ...
        maskan.errors.ProjectError: add_units: unit 1 of block A is already in the project
        """
        return attrs.evolve(self, units=self._units.with_units(units, field="add_units"))

    def add_financing(self, *financing: Financing) -> HousingProject:
        """Return the project with more financing recorded.

        Raises:
            ProjectError: ``type`` (not a :class:`Financing`).

        >>> project = HousingProject(
        ...     code="P-1", name="بهار", cooperative_id="14011517510", province="Isfahan"
        ... ).add_financing(Financing(source="other", amount=Rial(5_000)))
        >>> project.financing_by_source()[FundingSource.OTHER]
        Rial(5000)
        """
        _check_items("add_financing", financing, Financing)
        return attrs.evolve(self, financing=(*self.financing, *financing))

    def _check_finished(self, field: str, change: StatusChange) -> None:
        if change.status not in _FINISHED:
            return
        progress = self.progress(on=change.date)
        if progress == _HUNDRED:
            return
        then = "unknown" if progress is None else f"{progress}%"
        then_fa = "نامعلوم" if progress is None else f"{progress}٪"
        raise _fail(
            field,
            "unfinished",
            f"{change.status.value!r} needs a progress report of 100 on or before"
            f" {shown(change.date)}; the progress then was {then}",
            f"وضعیت «{change.status.label_fa}» گزارش پیشرفت ۱۰۰ درصد تا تاریخ"
            f" {shown_fa(change.date)} لازم دارد؛ پیشرفت در آن تاریخ {then_fa} بود",
            change.status,
        )


# Rules shared by construction and the operations --------------------------------------


def _next(status: ProjectStatus) -> ProjectStatus | None:
    position = _STAGES.index(status) + 1
    return _STAGES[position] if position < len(_STAGES) else None


class Units(Keyed[tuple[str, str], Unit]):
    """A project's residential units: an immutable sequence of :class:`Unit` in the order
    they were added, found by ``(block, number)`` in O(log n).

    A project's ``units`` field holds one, so that adding units one at a time stays linear
    (a new project shares the units of the one it came from). It compares equal to another
    with the same units in the same order.

    >>> units = Units([Unit(number="1", block="A"), Unit(number="2", block="A")])
    >>> len(units), units.get(("A", "2")).number, units.get(("B", "1")) is None
    (2, '2', True)
    >>> Units([Unit(number="1"), Unit(number="۱")])
    Traceback (most recent call last):
    ...
    maskan.errors.ProjectError: units: unit 1 is already in the project
    """

    __slots__ = ()

    def __init__(self, units: Iterable[Unit] = ()) -> None:
        super().__init__(operator.attrgetter("key"))
        self._add_checked("units", units)

    def with_units(self, units: Iterable[Unit], *, field: str = "units") -> Units:
        """A new collection with ``units`` added after these; this one is unchanged.

        Raises ``ProjectError`` (``type``, ``duplicate_unit``) naming ``field``.

        >>> first = Units([Unit(number="1")])
        >>> second = first.with_units([Unit(number="2")])
        >>> len(first), len(second)
        (1, 2)
        """
        new: Units = self._copy()  # type: ignore[assignment]
        new._add_checked(field, units)
        return new

    def _add_checked(self, field: str, units: Iterable[Unit]) -> None:
        for unit in units:
            if not isinstance(unit, Unit):
                raise wrong_type(ProjectError, field, unit, "Unit")
            if self.has_key(unit.key):
                raise _duplicate_unit(field, unit)
            self._add_in_place(unit)

    def __reduce__(self) -> tuple[object, ...]:
        return (Units, (tuple(self),))


def _duplicate_unit(field: str, unit: Unit) -> ProjectError:
    block = f" of block {unit.block}" if unit.block else ""
    block_fa = f" بلوک {unit.block}" if unit.block else ""
    return _fail(
        field,
        "duplicate_unit",
        f"unit {unit.number}{block} is already in the project",
        f"واحد {unit.number}{block_fa} پیش‌تر در پروژه ثبت شده است",
        unit,
    )


def _check_items(field: str, items: Iterable[object], kind: type) -> None:
    for item in items:
        if not isinstance(item, kind):
            raise wrong_type(ProjectError, field, item, kind.__name__)


def _check_status_step(field: str, last: StatusChange, change: StatusChange) -> None:
    if change.date < last.date:
        raise _fail(
            field,
            "out_of_order",
            f"{shown(change.date)} is before the last status change,"
            f" {last.status.value} on {shown(last.date)}",
            f"تاریخ {shown_fa(change.date)} پیش از آخرین تغییر وضعیت"
            f" ({last.status.label_fa} در {shown_fa(last.date)}) است",
            change.date,
        )
    expected = _next(last.status)
    if change.status is expected or (
        last.status is ProjectStatus.COMPLETED and change.status is ProjectStatus.HANDED_OVER
    ):
        return
    if expected is None or _STAGES.index(change.status) < _STAGES.index(expected):
        raise _fail(
            field,
            "status_backwards",
            f"{change.status.value!r} was already reached; the project is"
            f" {last.status.value!r} since {shown(last.date)}",
            f"وضعیت «{change.status.label_fa}» پیش‌تر گذشته است؛ پروژه از"
            f" {shown_fa(last.date)} «{last.status.label_fa}» است",
            change.status,
        )
    raise _fail(
        field,
        "status_skipped",
        f"{change.status.value!r} cannot follow {last.status.value!r};"
        f" the next stage is {expected.value!r}",
        f"وضعیت «{change.status.label_fa}» نمی‌تواند پس از «{last.status.label_fa}» بیاید؛"
        f" وضعیت بعدی «{expected.label_fa}» است",
        change.status,
    )


def _check_progress_step(field: str, last: ProgressReport, report: ProgressReport) -> None:
    if report.date < last.date:
        raise _fail(
            field,
            "out_of_order",
            f"{shown(report.date)} is before the last progress report, on {shown(last.date)}",
            f"تاریخ {shown_fa(report.date)} پیش از آخرین گزارش پیشرفت ({shown_fa(last.date)}) است",
            report.date,
        )
    if report.percent < last.percent:
        raise _fail(
            field,
            "progress_decreased",
            f"{report.percent} is below the last report, {last.percent} on"
            f" {shown(last.date)}; progress never goes down",
            f"پیشرفت {report.percent} درصد از آخرین گزارش ({last.percent} درصد در"
            f" {shown_fa(last.date)}) کمتر است؛ پیشرفت فیزیکی کم نمی‌شود",
            report.percent,
        )
