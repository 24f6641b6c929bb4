"""A housing history: what a person (or their spouse) owned, the state benefits they used,
and their Form J. Private: import these names from :mod:`maskan.models.person`.

The same record describes the applicant, through :class:`~maskan.models.person.Person`'s
own fields, and the spouse, through ``Person.spouse_housing``, so the two questions the
"without housing" test asks (DOMAIN.md §4.1) are answered by one piece of code for both:

* did they own a residential unit or residential land at any time in a window
  (:meth:`HousingHistory.owned_residential_since`)?
* did they use a state housing benefit since a cut-off (:meth:`HousingHistory.benefits_since`)?

>>> from maskan.calendar import jdate
>>> history = HousingHistory(
...     owned_properties=[OwnedProperty(kind="unit", acquired="1380/05/01", disposed="1386/02/01")],
...     benefits=[],
... )
>>> history.owned_residential_since(jdate(1384, 1, 1), on=jdate(1404, 9, 4))
True
>>> history.owned_residential_since(jdate(1399, 9, 4), on=jdate(1404, 9, 4))
False
>>> history.benefits_since(jdate(1357, 1, 1))
()
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from maskan._passthrough import register as register_passthrough
from maskan.calendar import DateLike, as_date
from maskan.errors import InvalidDate
from maskan.models._fields import (
    as_choice,
    as_record,
    as_records,
    shown,
    shown_fa,
    to_optional_date,
    to_optional_text,
)
from maskan.models._labels import Labelled, labels

__all__ = [
    "Benefit",
    "BenefitKind",
    "FormJ",
    "FormJStatus",
    "HousingHistory",
    "OwnedProperty",
    "PropertyKind",
]


class PropertyKind(Labelled):
    """What kind of residential property a person owned (DOMAIN.md §4.1: "residential land
    or residential unit").

    >>> PropertyKind("land").label_fa, PropertyKind.UNIT.label_en
    ('زمین مسکونی', 'residential unit')
    """

    UNIT = "unit"
    LAND = "land"


labels(
    PropertyKind,
    {"unit": ("واحد مسکونی", "residential unit"), "land": ("زمین مسکونی", "residential land")},
)


class BenefitKind(Labelled):
    """A kind of state housing benefit (امکانات دولتی مسکن). DOMAIN.md §4.1 lists land, a
    unit and a subsidised purchase or construction loan; ``OTHER`` is for any other facility
    a program counts.

    >>> [kind.label_en for kind in BenefitKind]
    ['land', 'residential unit', 'subsidised loan', 'other']
    """

    LAND = "land"
    UNIT = "unit"
    SUBSIDISED_LOAN = "subsidised_loan"
    OTHER = "other"


labels(
    BenefitKind,
    {
        "land": ("زمین", "land"),
        "unit": ("واحد مسکونی", "residential unit"),
        "subsidised_loan": ("تسهیلات یارانه‌ای", "subsidised loan"),
        "other": ("سایر", "other"),
    },
)


class FormJ(Labelled):
    """The colour of a Form J (فرم ج), MRUD's record of ownership and benefits: green is
    clean, red disqualifies (DOMAIN.md §4.1).

    >>> FormJ.GREEN.label_fa, FormJ("red").label_en
    ('سبز', 'red')
    """

    GREEN = "green"
    RED = "red"


labels(FormJ, {"green": ("سبز", "green"), "red": ("قرمز", "red")})


# Converters that need more than the field's name are named functions: mypy's attrs plugin
# reads each one's signature as the type the constructor accepts.


def _property_kind(value: PropertyKind | str) -> PropertyKind:
    return as_choice(value, PropertyKind, "kind")


@attrs.frozen(kw_only=True)
class OwnedProperty:
    """A residential unit or residential land that a person owns or once owned.

    Ownership is counted on the closed span from ``acquired`` to ``disposed``: on the day of
    the sale the seller still owned the property, so a sale on a cut-off day is ownership
    on that day.

    Attributes:
        kind: unit or land.
        acquired: the day it was acquired; ``None`` when not known.
        disposed: the day it was sold or otherwise given up; ``None`` when it is **still
            owned** (not "unknown": a record says what the person owns).

    Raises:
        InvalidDate: code ``disposal_before_acquisition``.

    >>> flat = OwnedProperty(kind=PropertyKind.UNIT, acquired="1390/01/15")
    >>> flat.disposed is None, flat.acquired
    (True, datetime.date(2011, 4, 4))
    >>> OwnedProperty(kind="land", acquired="1390/01/15", disposed="1389/12/01")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidDate: disposed: 1389/12/01 (2011-02-20) is before the acquisition \
on 1390/01/15 (2011-04-04)
    """

    kind: PropertyKind = attrs.field(converter=_property_kind)
    acquired: datetime.date | None = attrs.field(default=None, converter=to_optional_date)
    disposed: datetime.date | None = attrs.field(default=None, converter=to_optional_date)

    def __attrs_post_init__(self) -> None:
        if (
            self.acquired is not None
            and self.disposed is not None
            and self.disposed < self.acquired
        ):
            raise InvalidDate(
                f"disposed: {shown(self.disposed)} is before the acquisition on"
                f" {shown(self.acquired)}",
                message_fa=f"disposed: تاریخ واگذاری {shown_fa(self.disposed)} پیش از تاریخ"
                f" تملک ({shown_fa(self.acquired)}) است",
                code="disposal_before_acquisition",
                field="disposed",
                value=self.disposed,
            )

    def owned_during(self, start: DateLike | str, end: DateLike | str) -> bool | None:
        """Whether the property was owned on any day from ``start`` to ``end`` (both
        included); ``None`` when an unknown acquisition date leaves it open.

        >>> from maskan.calendar import jdate
        >>> sold = OwnedProperty(kind="unit", disposed="1390/06/01")
        >>> sold.owned_during(jdate(1395, 1, 1), jdate(1404, 1, 1))
        False
        >>> sold.owned_during(jdate(1385, 1, 1), jdate(1404, 1, 1))
        True
        >>> sold.owned_during(jdate(1385, 1, 1), jdate(1388, 1, 1)) is None
        True
        """
        first, last = _window(start, end)
        return _owned(self, first, last)


def _owned(item: OwnedProperty, first: datetime.date, last: datetime.date) -> bool | None:
    acquired, disposed = item.acquired, item.disposed
    if disposed is not None and disposed < first:
        return False
    if acquired is not None:
        return acquired <= last
    # Acquired on an unknown day, but no later than its disposal.
    if disposed is not None and disposed <= last:
        return True
    return None


def _benefit_kind(value: BenefitKind | str) -> BenefitKind:
    return as_choice(value, BenefitKind, "kind")


@attrs.frozen(kw_only=True)
class Benefit:
    """A state housing benefit (امکانات دولتی مسکن) a person used: land, a unit or a
    subsidised loan from a government or public non-governmental body.

    Attributes:
        kind: what was received.
        date: when; ``None`` when not known.
        program: the program's name as written, e.g. «مسکن مهر»; ``None`` when not known.

    >>> Benefit(kind="subsidised_loan", date="1388/03/01", program="مسكن مهر").program
    'مسکن مهر'
    """

    kind: BenefitKind = attrs.field(converter=_benefit_kind)
    date: datetime.date | None = attrs.field(default=None, converter=to_optional_date)
    program: str | None = attrs.field(default=None, converter=to_optional_text)


def _color(value: FormJ | str) -> FormJ:
    return as_choice(value, FormJ, "color")


@attrs.frozen(kw_only=True)
class FormJStatus:
    """A Form J result: its colour and the day it was issued or looked up.

    Attributes:
        color: green or red.
        as_of: the day the status was read; ``None`` when not known.

    >>> FormJStatus(color="green", as_of="1404/08/01").color is FormJ.GREEN
    True
    """

    color: FormJ = attrs.field(converter=_color)
    as_of: datetime.date | None = attrs.field(default=None, converter=to_optional_date)


def owned_properties_field(
    value: Iterable[OwnedProperty] | None,
) -> tuple[OwnedProperty, ...] | None:
    """The converter of an ``owned_properties`` field, shared with ``Person``."""
    return None if value is None else as_records(value, OwnedProperty, "owned_properties")


def benefits_field(value: Iterable[Benefit] | None) -> tuple[Benefit, ...] | None:
    """The converter of a ``benefits`` field, shared with ``Person``."""
    return None if value is None else as_records(value, Benefit, "benefits")


def form_j_field(value: FormJStatus | None) -> FormJStatus | None:
    """The converter of a ``form_j`` field, shared with ``Person``."""
    return None if value is None else as_record(value, FormJStatus, "form_j")


# A member of the field's enum, a record or a tuple of records is returned as it is.
register_passthrough(_property_kind, _benefit_kind, _color)
register_passthrough(owned_properties_field, benefits_field, form_j_field)


@attrs.frozen(kw_only=True)
class HousingHistory:
    """What someone owned, which state housing benefits they used, and their Form J.

    Used for a person's spouse (``Person.spouse_housing``); a person's own history is in
    the person's fields and :attr:`~maskan.models.person.Person.housing` returns it as
    this record. ``None`` means unknown; an empty tuple means known to be none.

    Attributes:
        owned_properties: residential units and land ever owned; ``()`` = never owned any.
        benefits: state housing benefits used; ``()`` = never used any.
        form_j: the latest known Form J status.

    >>> spouse = HousingHistory(owned_properties=(), form_j=FormJStatus(color="green"))
    >>> spouse.benefits is None, spouse.owned_properties
    (True, ())
    """

    owned_properties: tuple[OwnedProperty, ...] | None = attrs.field(
        default=None, converter=owned_properties_field
    )
    benefits: tuple[Benefit, ...] | None = attrs.field(default=None, converter=benefits_field)
    form_j: FormJStatus | None = attrs.field(default=None, converter=form_j_field)

    def owned_residential_since(self, cutoff: DateLike | str, on: DateLike | str) -> bool | None:
        """Whether a residential unit or land was owned on any day from ``cutoff`` to ``on``.

        ``None`` when it cannot be told: the ownership history is unknown, or a property
        with an unknown acquisition date might fall in the window and none surely does.

        >>> from maskan.calendar import jdate
        >>> HousingHistory(owned_properties=()).owned_residential_since(
        ...     jdate(1384, 1, 1), jdate(1404, 9, 4))
        False
        >>> HousingHistory().owned_residential_since(jdate(1384, 1, 1), jdate(1404, 9, 4)) is None
        True
        """
        return owned_residential_since(self.owned_properties, cutoff, on)

    def benefits_since(
        self, cutoff: DateLike | str, on: DateLike | str | None = None
    ) -> tuple[Benefit, ...] | None:
        """The benefits dated on or after ``cutoff`` (and, if given, on or before ``on``).

        ``None`` when it cannot be told: the benefits are unknown, or none is known to
        fall in the window but one has an unknown date. A benefit of unknown date is left
        out of a non-empty answer, which already settles a "no benefit since" rule.

        >>> from maskan.calendar import jdate
        >>> mehr = Benefit(kind="unit", date="1390/01/01", program="مسکن مهر")
        >>> HousingHistory(benefits=[mehr]).benefits_since(jdate(1357, 11, 22)) == (mehr,)
        True
        """
        return benefits_since(self.benefits, cutoff, on)


def _window(cutoff: DateLike | str, on: DateLike | str) -> tuple[datetime.date, datetime.date]:
    first, last = as_date(cutoff, "cutoff"), as_date(on, "on")
    if last < first:
        raise InvalidDate(
            f"on: {shown(last)} is before the cutoff {shown(first)}",
            message_fa=f"on: تاریخ {shown_fa(last)} پیش از تاریخ مبنا ({shown_fa(first)}) است",
            code="order",
            field="on",
            value=on,
        )
    return first, last


def owned_residential_since(
    properties: tuple[OwnedProperty, ...] | None, cutoff: DateLike | str, on: DateLike | str
) -> bool | None:
    """Three-valued "owned any of ``properties`` from ``cutoff`` to ``on``" (see
    :meth:`HousingHistory.owned_residential_since`)."""
    first, last = _window(cutoff, on)
    if properties is None:
        return None
    result: bool | None = False
    for item in properties:
        owned = _owned(item, first, last)
        if owned:
            return True
        if owned is None:
            result = None
    return result


def benefits_since(
    benefits: tuple[Benefit, ...] | None,
    cutoff: DateLike | str,
    on: DateLike | str | None = None,
) -> tuple[Benefit, ...] | None:
    """The ``benefits`` dated from ``cutoff`` to ``on`` (see
    :meth:`HousingHistory.benefits_since`)."""
    if on is None:
        first, last = as_date(cutoff, "cutoff"), None
    else:
        first, last = _window(cutoff, on)
    if benefits is None:
        return None
    found = tuple(
        benefit
        for benefit in benefits
        if benefit.date is not None
        and benefit.date >= first
        and (last is None or benefit.date <= last)
    )
    if not found and any(benefit.date is None for benefit in benefits):
        return None
    return found
