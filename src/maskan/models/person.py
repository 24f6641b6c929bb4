"""A person as housing programs and cooperatives see them: identity, household, where they
have lived, work and insurance, and housing history.

[`Person`][maskan.models.person.Person] holds the facts the eligibility rules read (DOMAIN.md
§4, §5.2): the "four conditions" (household status, no residential ownership since a
cut-off, no state housing benefit since the revolution, years of residence in the city),
Form J, income decile, children, insurance for workers' housing. Only the national ID and
the two names are required:

>>> from maskan.calendar import jdate
>>> ali = Person(national_id="۰۴۹۹۳۷۰۸۹۹", first_name="علي", last_name="كريمي")
>>> ali.national_id, ali.full_name
('0499370899', 'علی کریمی')
>>> ali.birth_date is None and ali.age(jdate(1404, 9, 4)) is None
True

**Unknown is not "none".** Every other fact may be unknown, and unknown is ``None``. For a
collection, ``None`` means "we don't know" and an empty tuple means "we know there is
none": ``owned_properties=None`` is an unchecked ownership history, ``owned_properties=()``
a person known never to have owned a home. The helper methods carry the difference
through and answer ``None`` when the facts cannot settle a question, so that a rule can
report "undetermined" instead of guessing:

>>> ali.owned_residential_since(jdate(1399, 9, 4), on=jdate(1404, 9, 4)) is None
True
>>> import attrs
>>> attrs.evolve(ali, owned_properties=()).owned_residential_since(
...     jdate(1399, 9, 4), on=jdate(1404, 9, 4))
False

Two dates are *open ends*, not unknowns: an insured period without an ``end`` is still
running, and a property without a ``disposed`` date is still owned.

**Counting time.** Ages and years of residence are full Jalali years, months of insurance
full Jalali months, as Iranian offices count them (DOMAIN.md §8, DESIGN.md "Dates"):

>>> maryam = Person(
...     national_id="0084575948",
...     first_name="مریم",
...     last_name="احمدی",
...     birth_date="1370/05/10",
...     residences=[
...         Residence(city="تهران", since="1370/05/10"),
...         Residence(city="اصفهان", since="1398/07/01", from_metropolis=True),
...     ],
...     insured_periods=[InsuredPeriod(insurer="sso", start="1399/01/01", end="1401/12/29")],
... )
>>> on = jdate(1404, 9, 4)
>>> maryam.age(on), maryam.residence_years("اصفهان", on), maryam.residence_years("شیراز", on)
(34, 6, 0)
>>> maryam.insurance_months(on), maryam.insurance_months(on, insurer=Insurer.CIVIL_SERVANTS_FUND)
(36, 0)

**Immutable.** A person never changes; :meth:`Person.moved_to` and ``attrs.evolve`` return
a new one, checked like the first. Facts that contradict each other are refused with a
:class:`~maskan.errors.MaskanError` whose ``code`` says which:

| code | error | what is wrong |
|---|---|---|
| ``disposal_before_acquisition`` | ``InvalidDate`` | a property sold before it was bought |
| ``end_before_start`` | ``InvalidDate`` | an insured period ends before it starts |
| ``child_born_before_parent`` | ``InvalidDate`` | a child born on or before the person |
| ``out_of_order`` | ``InvalidDate`` | residences not in increasing ``since`` order |
| ``order`` | ``InvalidDate`` | a helper asked about a day before a cut-off or birth |
| ``negative`` | ``InvalidNumber`` | a negative number of dependants |
| ``decile_out_of_range`` | ``InvalidNumber`` | an income decile outside 1..10 |
| ``spouse_is_self`` | ``InvalidNationalId`` | the spouse's national ID is the person's own |
| ``wrong_province`` | ``UnknownPlace`` | a residence's county lies in another province |

Wrong types and unreadable values raise the converters' errors (``InvalidText``,
``InvalidDate``, ``InvalidNationalId``, ``InvalidNumber``) naming the field.

>>> maryam.moved_to(Residence(city="کرج", since="1395/01/01"))
Traceback (most recent call last):
...
maskan.errors.InvalidDate: residences: the move on 1395/01/01 (2016-03-20) is not after the \
last one, on 1398/07/01 (2019-09-23)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from maskan._passthrough import register as register_passthrough
from maskan.calendar import DateLike, as_date, full_years, jalali_ymd, month_length
from maskan.errors import InvalidDate, InvalidNationalId, UnknownPlace
from maskan.geo import County, Province
from maskan.models._fields import (
    as_choice,
    as_collection,
    as_integer,
    as_national_id,
    as_record,
    as_records,
    as_text,
    shown,
    shown_fa,
    to_county,
    to_date,
    to_national_id,
    to_optional_date,
    to_optional_flag,
    to_optional_province,
    to_optional_text,
    to_text,
)
from maskan.models._housing import (
    Benefit,
    BenefitKind,
    FormJ,
    FormJStatus,
    HousingHistory,
    OwnedProperty,
    PropertyKind,
    benefits_field,
    benefits_since,
    form_j_field,
    owned_properties_field,
    owned_residential_since,
)
from maskan.models._labels import Labelled, labels

__all__ = [
    "Benefit",
    "BenefitKind",
    "Employment",
    "EmploymentKind",
    "FormJ",
    "FormJStatus",
    "Gender",
    "HousingHistory",
    "InsuredPeriod",
    "Insurer",
    "MaritalStatus",
    "Nationality",
    "OwnedProperty",
    "Person",
    "PropertyKind",
    "Residence",
    "VeteranStatus",
]


# --- enumerations -----------------------------------------------------------------------


class Gender(Labelled):
    """A person's gender as recorded on their identity documents.

    >>> Gender("female").label_fa, Gender.MALE.label_en
    ('زن', 'male')
    """

    FEMALE = "female"
    MALE = "male"


labels(Gender, {"female": ("زن", "female"), "male": ("مرد", "male")})


class Nationality(Labelled):
    """Iranian or not: cooperative membership requires Iranian nationality (DOMAIN.md §5.2).

    >>> Nationality.IRANIAN.label_fa
    'ایرانی'
    """

    IRANIAN = "iranian"
    FOREIGN = "foreign"


labels(Nationality, {"iranian": ("ایرانی", "Iranian"), "foreign": ("غیرایرانی", "foreign")})


class MaritalStatus(Labelled):
    """Marital status (متأهل / مجرد, DOMAIN.md §10). Divorced and widowed people with
    custody of children count as households in the National Housing Movement (§4.2).

    >>> [status.value for status in MaritalStatus]
    ['single', 'married', 'divorced', 'widowed']
    """

    SINGLE = "single"
    MARRIED = "married"
    DIVORCED = "divorced"
    WIDOWED = "widowed"


labels(
    MaritalStatus,
    {
        "single": ("مجرد", "single"),
        "married": ("متأهل", "married"),
        "divorced": ("طلاق‌گرفته", "divorced"),
        "widowed": ("همسرفوت‌شده", "widowed"),
    },
)


class VeteranStatus(Labelled):
    """Veteran or martyr's-family status (ایثارگر / خانواده شهید, DOMAIN.md §10).

    DOMAIN.md names these two groups only: cooperatives give «ایثارگری» points (§5.6) and
    a priority in the National Housing Movement is a caller-set parameter (§4.2, §11.8).
    ``VETERAN`` stands for ایثارگر as a whole; finer legal categories are not
    distinguished, because no source in DOMAIN.md does. Someone in both groups is recorded
    as ``MARTYR_FAMILY``, the group DOMAIN.md names specifically.

    >>> VeteranStatus.MARTYR_FAMILY.label_fa, VeteranStatus.NONE.label_en
    ('خانوادهٔ شهید', 'none')
    """

    NONE = "none"
    VETERAN = "veteran"
    MARTYR_FAMILY = "martyr_family"


labels(
    VeteranStatus,
    {
        "none": ("ندارد", "none"),
        "veteran": ("ایثارگر", "veteran"),
        "martyr_family": ("خانوادهٔ شهید", "martyr's family"),
    },
)


class EmploymentKind(Labelled):
    """How a person works. A worker's housing cooperative is for workers under the Labour
    Law (کارگر, DOMAIN.md §4.7); staff cooperatives are for employees.

    >>> EmploymentKind.WORKER.label_en
    'worker under the Labour Law'
    """

    WORKER = "worker"
    GOVERNMENT_EMPLOYEE = "government_employee"
    SELF_EMPLOYED = "self_employed"
    RETIRED = "retired"
    OTHER = "other"


labels(
    EmploymentKind,
    {
        "worker": ("کارگر مشمول قانون کار", "worker under the Labour Law"),
        "government_employee": ("کارمند دولت", "government employee"),
        "self_employed": ("خویش‌فرما", "self-employed"),
        "retired": ("بازنشسته", "retired"),
        "other": ("سایر", "other"),
    },
)


class Insurer(Labelled):
    """Who insures a person: the Social Security Organization (SSO, بیمه تأمین اجتماعی,
    DOMAIN.md §10), the civil servants' pension fund, or another fund.

    >>> Insurer.SSO.label_fa
    'سازمان تأمین اجتماعی'
    """

    SSO = "sso"
    CIVIL_SERVANTS_FUND = "civil_servants_fund"
    OTHER = "other"


labels(
    Insurer,
    {
        "sso": ("سازمان تأمین اجتماعی", "Social Security Organization (SSO)"),
        "civil_servants_fund": ("صندوق بازنشستگی کشوری", "civil servants' pension fund"),
        "other": ("سایر", "other"),
    },
)


# --- records ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Residence:
    """One stretch of a person's residence history (سابقه سکونت): living in ``city`` from
    ``since`` until the next record.

    ``since`` is the day the person began living in the city (the birth date for someone
    who has lived there all their life). Before a person's first record, where they lived
    is unknown.

    Attributes:
        city: the city's name, normalized text (cities are not in :mod:`maskan.geo`).
        since: the day the stretch began.
        county: the county, a :class:`~maskan.geo.County` (a name is looked up); ``None``
            when not known.
        province: the province (a name is looked up); taken from ``county`` when only
            the county is given.
        from_metropolis: the person moved here from a metropolis (کلان‌شهر); the residence
            requirement is 1 year instead of 5 for such moves outside Tehran province
            (DOMAIN.md §4.1).
        transferred_employee: the person came here as a government employee transferred by
            their employer; residence history "is not a criterion" for them (DOMAIN.md §4.1).

    Raises:
        UnknownPlace: code ``wrong_province`` when the county lies in another province.

    >>> home = Residence(city="نجف آباد", since="1395/02/01", county="نجف آباد")
    >>> home.province.name_en, home.since
    ('Isfahan', datetime.date(2016, 4, 20))
    """

    city: str = attrs.field(converter=to_text)
    since: datetime.date = attrs.field(converter=to_date)
    county: County | None = attrs.field(default=None, converter=to_county)
    province: Province | None = attrs.field(default=None, converter=to_optional_province)
    from_metropolis: bool | None = attrs.field(default=None, converter=to_optional_flag)
    transferred_employee: bool | None = attrs.field(default=None, converter=to_optional_flag)

    def __attrs_post_init__(self) -> None:
        if self.county is None:
            return
        if self.province is None:
            object.__setattr__(self, "province", self.county.province)
        elif self.province != self.county.province:
            county, province = self.county, self.province
            raise UnknownPlace(
                f"county: {county.name_en} ({county.name_fa}) is in"
                f" {county.province.name_en}, not in {province.name_en}",
                message_fa=f"county: شهرستان {county.name_fa} در استان"
                f" {county.province.name_fa} است، نه در استان {province.name_fa}",
                code="wrong_province",
                field="county",
                value=county,
            )


# Converters that need more than the field's name are named functions: mypy's attrs plugin
# reads each one's signature as the type the constructor accepts.


def _employment_kind(value: EmploymentKind | str | None) -> EmploymentKind | None:
    return None if value is None else as_choice(value, EmploymentKind, "kind")


def _insurer(value: Insurer | str | None) -> Insurer | None:
    return None if value is None else as_choice(value, Insurer, "insurer")


@attrs.frozen(kw_only=True)
class Employment:
    """A person's current work: how, for whom, where, and who insures them.

    Attributes:
        kind: worker under the Labour Law, government employee, self-employed, retired, other.
        employer: the employer's name, normalized text.
        workplace: the workplace (a workers' cooperative covers named workplaces, DOMAIN.md
            §5), normalized text.
        insurer: the current insurer.

    >>> job = Employment(kind="worker", employer="ذوب آهن اصفهان", insurer="sso")
    >>> job.kind.label_fa, job.workplace is None
    ('کارگر مشمول قانون کار', True)
    """

    kind: EmploymentKind | None = attrs.field(default=None, converter=_employment_kind)
    employer: str | None = attrs.field(default=None, converter=to_optional_text)
    workplace: str | None = attrs.field(default=None, converter=to_optional_text)
    insurer: Insurer | None = attrs.field(default=None, converter=_insurer)


@attrs.frozen(kw_only=True)
class InsuredPeriod:
    """A span of days on which a person was insured, both ends included.

    Attributes:
        start: the first insured day.
        end: the last insured day; ``None`` while the period is still running (an open
            end, not an unknown one).
        insurer: who insured the person; ``None`` when not known.

    Raises:
        InvalidDate: code ``end_before_start``.

    >>> InsuredPeriod(insurer="sso", start="1399/01/01").end is None
    True
    >>> InsuredPeriod(start="1400/01/01", end="1399/12/29")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidDate: end: 1399/12/29 (2021-03-19) is before the start, \
1400/01/01 (2021-03-21)
    """

    start: datetime.date = attrs.field(converter=to_date)
    end: datetime.date | None = attrs.field(default=None, converter=to_optional_date)
    insurer: Insurer | None = attrs.field(default=None, converter=_insurer)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise InvalidDate(
                f"end: {shown(self.end)} is before the start, {shown(self.start)}",
                message_fa=f"end: تاریخ پایان {shown_fa(self.end)} پیش از تاریخ آغاز"
                f" ({shown_fa(self.start)}) است",
                code="end_before_start",
                field="end",
                value=self.end,
            )


# --- the person -------------------------------------------------------------------------


def _gender(value: Gender | str | None) -> Gender | None:
    return None if value is None else as_choice(value, Gender, "gender")


def _nationality(value: Nationality | str | None) -> Nationality | None:
    return None if value is None else as_choice(value, Nationality, "nationality")


def _marital_status(value: MaritalStatus | str | None) -> MaritalStatus | None:
    return None if value is None else as_choice(value, MaritalStatus, "marital_status")


def _children_birth_dates(
    value: Iterable[DateLike | str] | None,
) -> tuple[datetime.date, ...] | None:
    if value is None:
        return None
    if type(value) is tuple:  # already the stored form: dates in order
        previous = _FIRST_DAY
        for item in value:
            if type(item) is not datetime.date or item < previous:
                break
            previous = item
        else:
            return value
    field = "children_birth_dates"
    return tuple(sorted(as_date(item, field) for item in as_collection(value, field)))


_FIRST_DAY = datetime.date.min


def _dependants(value: int | None) -> int | None:
    if value is None or (type(value) is int and value >= 0):
        return value
    return as_integer(value, "dependants", low=0, code="negative")


def _veteran_status(value: VeteranStatus | str | None) -> VeteranStatus | None:
    return None if value is None else as_choice(value, VeteranStatus, "veteran_status")


def _residences(value: Iterable[Residence] | None) -> tuple[Residence, ...] | None:
    return None if value is None else as_records(value, Residence, "residences")


def _employment(value: Employment | None) -> Employment | None:
    return None if value is None else as_record(value, Employment, "employment")


def _insured_periods(value: Iterable[InsuredPeriod] | None) -> tuple[InsuredPeriod, ...] | None:
    return None if value is None else as_records(value, InsuredPeriod, "insured_periods")


def _income_decile(value: int | None) -> int | None:
    if value is None or (type(value) is int and 1 <= value <= 10):
        return value
    return as_integer(value, "income_decile", low=1, high=10, code="decile_out_of_range")


def _spouse_id(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return as_national_id(value, "national_id")
    except InvalidNationalId as error:
        # The identifier's messages name "national_id"; name the spouse's field instead.
        raise InvalidNationalId(
            "spouse_national_id: " + error.message.removeprefix("national_id: "),
            message_fa="کد ملی همسر: " + error.message_fa.removeprefix("کد ملی: "),
            code=error.code,
            field="spouse_national_id",
            value=value,
        ) from None


def _spouse_housing(value: HousingHistory | None) -> HousingHistory | None:
    return None if value is None else as_record(value, HousingHistory, "spouse_housing")


# A member of the field's enum, a record or a tuple of records is returned as it is.
register_passthrough(_employment_kind, _insurer, _gender, _nationality, _marital_status)
register_passthrough(_veteran_status, _residences, _employment, _insured_periods)
register_passthrough(_spouse_housing)


@attrs.frozen(kw_only=True)
class Person:
    """A natural person: applicant, cooperative member, or member of a household.

    Every attribute but the first three may be ``None``: the fact is unknown. For
    collections ``()`` means "known: none" (see the module documentation).

    Attributes:
        national_id: the national ID (کد ملی), validated and stored compact.
        first_name: the given name, normalized.
        last_name: the family name, normalized.
        father_name: the father's given name, normalized.
        birth_date: the date of birth.
        gender: female or male.
        nationality: Iranian or foreign.
        legal_capacity: ``False`` when the person is legally incapacitated (حجر), which bars
            cooperative membership (DOMAIN.md §5.2).
        marital_status: single, married, divorced or widowed.
        head_of_household: the person is a head of household (سرپرست خانوار), as stated by
            the caller; the sources give no rule to derive it (DOMAIN.md §4.1, §4.2).
        child_custody: the person has custody of their children (for divorced or widowed
            heads of household, DOMAIN.md §4.2).
        children_birth_dates: the children's dates of birth, kept in date order; ``()``
            for no children.
        dependants: the number of dependants (افراد تحت تکفل), 0 or more.
        disabled: the person has a disability (معلول).
        veteran_status: veteran or martyr's-family status.
        residences: the residence history, in strictly increasing ``since`` order.
        employment: the current work.
        insured_periods: the insurance history, in any order; overlaps count once.
        owned_properties: residential units and land ever owned.
        benefits: state housing benefits used.
        form_j: the latest known Form J status.
        income_decile: the household's income decile (دهک درآمدی), 1 (poorest) to 10.
        spouse_national_id: the spouse's national ID; it must differ from the person's.
        spouse_housing: the spouse's housing history (the spouse must pass Form J too,
            DOMAIN.md §4.1).

    Raises:
        InvalidDate: codes ``child_born_before_parent``, ``out_of_order``.
        InvalidNumber: codes ``negative``, ``decile_out_of_range``, ``type``.
        InvalidNationalId: code ``spouse_is_self``, or why an ID is invalid.

    >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
    ...                 marital_status="married", children_birth_dates=["1402/01/05"])
    >>> person.marital_status.label_fa, person.children_count
    ('متأهل', 1)
    >>> Person(national_id="0499370899", first_name="علی", last_name="کریمی",
    ...        spouse_national_id="049-937089-9")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNationalId: spouse_national_id: '0499370899' is the person's own \
national ID
    """

    national_id: str = attrs.field(converter=to_national_id)
    first_name: str = attrs.field(converter=to_text)
    last_name: str = attrs.field(converter=to_text)
    father_name: str | None = attrs.field(default=None, converter=to_optional_text)
    birth_date: datetime.date | None = attrs.field(default=None, converter=to_optional_date)
    gender: Gender | None = attrs.field(default=None, converter=_gender)
    nationality: Nationality | None = attrs.field(default=None, converter=_nationality)
    legal_capacity: bool | None = attrs.field(default=None, converter=to_optional_flag)
    marital_status: MaritalStatus | None = attrs.field(default=None, converter=_marital_status)
    head_of_household: bool | None = attrs.field(default=None, converter=to_optional_flag)
    child_custody: bool | None = attrs.field(default=None, converter=to_optional_flag)
    children_birth_dates: tuple[datetime.date, ...] | None = attrs.field(
        default=None, converter=_children_birth_dates
    )
    dependants: int | None = attrs.field(default=None, converter=_dependants)
    disabled: bool | None = attrs.field(default=None, converter=to_optional_flag)
    veteran_status: VeteranStatus | None = attrs.field(default=None, converter=_veteran_status)
    residences: tuple[Residence, ...] | None = attrs.field(default=None, converter=_residences)
    employment: Employment | None = attrs.field(default=None, converter=_employment)
    insured_periods: tuple[InsuredPeriod, ...] | None = attrs.field(
        default=None, converter=_insured_periods
    )
    owned_properties: tuple[OwnedProperty, ...] | None = attrs.field(
        default=None, converter=owned_properties_field
    )
    benefits: tuple[Benefit, ...] | None = attrs.field(default=None, converter=benefits_field)
    form_j: FormJStatus | None = attrs.field(default=None, converter=form_j_field)
    income_decile: int | None = attrs.field(default=None, converter=_income_decile)
    spouse_national_id: str | None = attrs.field(default=None, converter=_spouse_id)
    spouse_housing: HousingHistory | None = attrs.field(default=None, converter=_spouse_housing)

    def _repr_html_(self) -> str:
        """Right-to-left HTML for notebooks; see :func:`maskan.display.html`."""
        from maskan.display import html  # display sits above the models

        return html(self)

    def __attrs_post_init__(self) -> None:
        if self.spouse_national_id == self.national_id:
            raise InvalidNationalId(
                f"spouse_national_id: {self.spouse_national_id!r} is the person's own national ID",
                message_fa=f"spouse_national_id: کد ملی همسر ({self.spouse_national_id})"
                " همان کد ملی خود فرد است",
                code="spouse_is_self",
                field="spouse_national_id",
                value=self.spouse_national_id,
            )
        if self.birth_date is not None and self.children_birth_dates:
            # kept sorted, so the first child is the eldest
            eldest = self.children_birth_dates[0]
            if eldest <= self.birth_date:
                raise InvalidDate(
                    f"children_birth_dates: {shown(eldest)} is not after the person's"
                    f" birth date, {shown(self.birth_date)}",
                    message_fa=f"children_birth_dates: تاریخ تولد فرزند ({shown_fa(eldest)})"
                    f" پس از تاریخ تولد خود فرد ({shown_fa(self.birth_date)}) نیست",
                    code="child_born_before_parent",
                    field="children_birth_dates",
                    value=eldest,
                )
        if self.residences:
            previous = self.residences[0].since
            for residence in self.residences[1:]:
                if residence.since <= previous:
                    raise _out_of_order(residence.since, previous)
                previous = residence.since

    @property
    def full_name(self) -> str:
        """The first name and the last name, as written on forms.

        >>> Person(national_id="0499370899", first_name="علی", last_name="کریمی").full_name
        'علی کریمی'
        """
        return f"{self.first_name} {self.last_name}"

    @property
    def children_count(self) -> int | None:
        """The number of children, from ``children_birth_dates``; ``None`` when unknown.

        >>> Person(national_id="0499370899", first_name="علی", last_name="کریمی",
        ...        children_birth_dates=()).children_count
        0
        """
        dates = self.children_birth_dates
        return None if dates is None else len(dates)

    @property
    def housing(self) -> HousingHistory:
        """The person's own housing history as a :class:`HousingHistory`, the record
        ``spouse_housing`` uses, so that a rule can check both with the same code.

        >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
        ...                 owned_properties=())
        >>> person.housing == HousingHistory(owned_properties=())
        True
        """
        return HousingHistory(
            owned_properties=self.owned_properties, benefits=self.benefits, form_j=self.form_j
        )

    def age(self, on: DateLike | str) -> int | None:
        """The age in full Jalali years on ``on``; ``None`` when the birth date is unknown.

        A year is complete on the birthday; someone born on Esfand 30 of a leap year has
        their birthday on Esfand 29 in other years. A day before birth is an error (code
        ``order``), not a negative age.

        >>> from maskan.calendar import jdate
        >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
        ...                 birth_date="1370/05/10")
        >>> person.age(jdate(1404, 5, 9)), person.age(jdate(1404, 5, 10))
        (33, 34)
        """
        day = as_date(on, "on")
        born = self.birth_date
        if born is None:
            return None
        if day < born:
            raise InvalidDate(
                f"on: {shown(day)} is before the birth date, {shown(born)}",
                message_fa=f"on: تاریخ {shown_fa(day)} پیش از تاریخ تولد ({shown_fa(born)}) است",
                code="order",
                field="on",
                value=on,
            )
        return full_years(born, day)

    def residence_on(self, on: DateLike | str) -> Residence | None:
        """The residence record in force on ``on``: the last one whose ``since`` is on or
        before it. ``None`` when no record covers that day (the history is unknown, empty,
        or starts later).

        >>> from maskan.calendar import jdate
        >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
        ...                 residences=[Residence(city="تهران", since="1380/01/01"),
        ...                             Residence(city="اصفهان", since="1400/01/01")])
        >>> person.residence_on(jdate(1390, 1, 1)).city
        'تهران'
        >>> person.residence_on(jdate(1370, 1, 1)) is None
        True
        """
        day = as_date(on, "on")
        for residence in reversed(self.residences or ()):
            if residence.since <= day:
                return residence
        return None

    def residence_years(self, city: str, on: DateLike | str) -> int | None:
        """Full Jalali years the person has lived in ``city`` without a break up to ``on``.

        ``0`` when on that day the person lives elsewhere, or the history is known to be
        empty; ``None`` when the residence history is unknown or starts after ``on``.
        Consecutive records in the same city form one stretch. Cities are compared as
        normalized text (``"اصفهان"`` and ``"اصفهان "`` are the same city, ``"Isfahan"``
        another name).

        >>> from maskan.calendar import jdate
        >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
        ...                 residences=[Residence(city="اصفهان", since="1398/07/01")])
        >>> person.residence_years("اصفهان", jdate(1404, 6, 31))
        5
        >>> person.residence_years("اصفهان", jdate(1398, 1, 1)) is None
        True
        """
        place = as_text(city, "city")
        day = as_date(on, "on")
        residences = self.residences
        if residences is None:
            return None
        start: datetime.date | None = None
        for residence in reversed(residences):
            if residence.since > day:
                continue
            if residence.city != place:
                break
            start = residence.since
        if start is None:
            if residences and residences[0].since > day:
                return None
            return 0
        return full_years(start, day)

    def insurance_months(
        self, on: DateLike | str, insurer: Insurer | str | None = None
    ) -> int | None:
        """Full Jalali months of insurance up to and including ``on``, by any insurer or
        by ``insurer`` only.

        Overlapping and back-to-back periods are joined first and each joined span counts
        its full months: 1400/01/01 to 1400/01/31 is one month, 1400/01/01 to 1400/12/29
        twelve. ``None`` when the insurance history is unknown, or when ``insurer`` is
        given and a period of unknown insurer could count.

        >>> from maskan.calendar import jdate
        >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
        ...                 insured_periods=[
        ...                     InsuredPeriod(insurer="sso", start="1400/01/01", end="1400/06/31"),
        ...                     InsuredPeriod(insurer="sso", start="1400/07/01")])
        >>> person.insurance_months(jdate(1404, 9, 4)), person.insurance_months(jdate(1400, 2, 5))
        (56, 1)
        """
        day = as_date(on, "on")
        wanted = _insurer(insurer)
        periods = self.insured_periods
        if periods is None:
            return None
        spans: list[tuple[datetime.date, datetime.date]] = []
        for period in periods:
            if period.start > day:
                continue
            if wanted is not None and period.insurer is not wanted:
                if period.insurer is None:
                    return None
                continue
            end = day if period.end is None else min(period.end, day)
            spans.append((period.start, end))
        spans.sort()
        total = 0
        joined: tuple[datetime.date, datetime.date] | None = None
        for start, end in spans:
            if joined is None:
                joined = (start, end)
            elif start <= joined[1] + _DAY:
                joined = (joined[0], max(joined[1], end))
            else:
                total += _full_months(joined[0], joined[1] + _DAY)
                joined = (start, end)
        if joined is not None:
            total += _full_months(joined[0], joined[1] + _DAY)
        return total

    def owned_residential_since(self, cutoff: DateLike | str, on: DateLike | str) -> bool | None:
        """Whether the person owned a residential unit or residential land on any day from
        ``cutoff`` to ``on`` (both included). ``None`` when the facts cannot tell.

        >>> from maskan.calendar import jdate
        >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
        ...                 owned_properties=[OwnedProperty(kind="land", acquired="1383/01/01",
        ...                                                 disposed="1384/01/01")])
        >>> person.owned_residential_since(jdate(1384, 1, 1), jdate(1404, 9, 4))
        True
        >>> person.owned_residential_since(jdate(1384, 1, 2), jdate(1404, 9, 4))
        False
        """
        return owned_residential_since(self.owned_properties, cutoff, on)

    def benefits_since(
        self, cutoff: DateLike | str, on: DateLike | str | None = None
    ) -> tuple[Benefit, ...] | None:
        """The state housing benefits dated from ``cutoff`` (to ``on``, when given); see
        :meth:`HousingHistory.benefits_since` for when the answer is ``None``.

        >>> from maskan.calendar import jdate
        >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
        ...                 benefits=[Benefit(kind="land", date="1356/05/01")])
        >>> person.benefits_since(jdate(1357, 11, 22))
        ()
        """
        return benefits_since(self.benefits, cutoff, on)

    def moved_to(self, residence: Residence) -> Person:
        """A copy of the person who moved: ``residence`` appended to the history.

        The move must be dated after the last one (code ``out_of_order``); the person is
        left unchanged. An unknown history becomes a history that starts with this move.

        >>> person = Person(national_id="0499370899", first_name="علی", last_name="کریمی")
        >>> moved = person.moved_to(Residence(city="اصفهان", since="1404/01/01"))
        >>> [home.city for home in moved.residences], person.residences is None
        (['اصفهان'], True)
        """
        residence = as_record(residence, Residence, "residence")
        history = self.residences or ()
        if history and residence.since <= history[-1].since:
            raise _out_of_order(residence.since, history[-1].since)
        return attrs.evolve(self, residences=(*history, residence))


_DAY = datetime.timedelta(days=1)


def _out_of_order(since: datetime.date, previous: datetime.date) -> InvalidDate:
    return InvalidDate(
        f"residences: the move on {shown(since)} is not after the last one, on {shown(previous)}",
        message_fa=f"residences: نقل مکان در {shown_fa(since)} پس از نقل مکان پیشین"
        f" ({shown_fa(previous)}) نیست",
        code="out_of_order",
        field="residences",
        value=since,
    )


def _full_months(start: datetime.date, stop: datetime.date) -> int:
    """Full Jalali months from ``start`` to ``stop`` (excluded): how many monthly
    anniversaries of ``start`` fall on or before ``stop``. An anniversary is the same day of
    the month, or the month's last day when the month is shorter."""
    start_year, start_month, start_day = jalali_ymd(start)
    stop_year, stop_month, stop_day = jalali_ymd(stop)
    months = (stop_year - start_year) * 12 + stop_month - start_month
    if stop_day < min(start_day, month_length(stop_year, stop_month)):
        months -= 1
    return months
