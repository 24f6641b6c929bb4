"""The statutory "without housing" test (فاقد مسکن) behind Form J (فرم ج), DOMAIN.md §4.1.

A person is *without housing* when, on the evaluation date, the applicant **and the
spouse**:

* owned no residential unit or residential land in the ownership look-back window —
  since 1384-01-01 (the start of the 4th Development Plan), or, after a later easing whose
  effective date no source records, in the last 5 years (:data:`FIVE_YEAR_LOOKBACK`, a
  value the caller must set);
* used no state housing benefit (land, a unit, a subsidised loan) since the 1357 cut-off
  (1357-11-22 in the regulation and the Maskan Mehr texts, 1357-01-01 in the National
  Housing Movement notices of 1400: :data:`BENEFIT_CUTOFF` keeps both, dated);
* have no red Form J (red disqualifies; a green Form J does not stand in for the facts).

>>> from maskan.calendar import jdate
>>> from maskan.models.person import OwnedProperty, Person
>>> program = PROGRAM.with_values(five_year_lookback="in_force")
>>> flat = OwnedProperty(kind="unit", acquired="1395/01/10", disposed="1401/06/15")
>>> reza = Person(national_id="0499370899", first_name="رضا", last_name="کریمی",
...               marital_status="single", benefits=(), owned_properties=[flat])
>>> decision = program.evaluate(reza, on=jdate(1404, 9, 4))
>>> decision.verdict.value, decision.failed_codes
('ineligible', ('without_housing.owned_in_lookback',))
>>> decision.eligible_from == jdate(1406, 6, 16)
True

The rules are module-level :class:`~maskan.eligibility.Rule` objects (:data:`OWNERSHIP`,
:data:`BENEFITS`, :data:`FORM_J` and their spouse counterparts, combined as
:data:`WITHOUT_HOUSING`) so other programs reuse them; the National Housing Movement does.
"""

from __future__ import annotations

import datetime
import enum
import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

from maskan.calendar import add_years, as_date, jdate
from maskan.eligibility.parameters import Parameter, Resolved, Source
from maskan.eligibility.program import Program
from maskan.eligibility.reasons import register
from maskan.eligibility.rules import Case, Finding, InColumns, Outcome, Rule, all_of
from maskan.errors import InvalidDate, RuleError, describe
from maskan.models.person import (
    Benefit,
    FormJ,
    HousingHistory,
    MaritalStatus,
    OwnedProperty,
    Person,
)

if TYPE_CHECKING:
    from maskan.eligibility.batch import Array, Frame, Leaf

__all__ = [
    "BENEFITS",
    "BENEFIT_CUTOFF",
    "FIVE_YEAR_LOOKBACK",
    "FORM_J",
    "OWNERSHIP",
    "OWNERSHIP_CUTOFF",
    "OWNERSHIP_LOOKBACK_YEARS",
    "PROGRAM",
    "SPOUSE_BENEFITS",
    "SPOUSE_FORM_J",
    "SPOUSE_OWNERSHIP",
    "WITHOUT_HOUSING",
    "RuleChange",
    "change_in_force",
    "constant_finding",
]

_DAY = datetime.timedelta(days=1)

# --- sources (DOMAIN.md §4.1, §4.4, §4.8) ----------------------------------------------

_REGULATION = Source(
    title_en="Executive regulation of the Law on Organizing and Supporting the Production "
    "and Supply of Housing, art. 1: definition of 'without housing'",
    title_fa="آیین‌نامه‌ی اجرایی قانون ساماندهی و حمایت از تولید و عرضه‌ی مسکن، ماده‌ی ۱: "
    "تعریف فاقد مسکن",
    reference="DOMAIN.md §4.1 (quoted in a Kurdistan engineering-council notice, Esfand 1393; "
    "the page prints 1387 for 1357)",
    confidence="S",
    article="art. 1",
    url="http://www.kurdnezam.ir/fa/reader/",
)
_MEHR = Source(
    title_en="Maskan Mehr registration conditions",
    title_fa="شرایط ثبت‌نام مسکن مهر",
    reference="DOMAIN.md §4.1, §4.4",
    confidence="S-news",
    date="1384-01-01 / 1357-11-22 (the cut-offs)",
    url="http://shargh.us/fa/tag/ثبت-نام-مسکن-مهر",
)
_NHM_NOTICE = Source(
    title_en="National Housing Movement registration notice: ownership, state benefits "
    "(green Form J since 1 Farvardin 1357), the spouse at handover",
    title_fa="اطلاعیه‌ی ثبت‌نام نهضت ملی مسکن: مالکیت، استفاده از امکانات دولتی (فرم ج سبز از "
    "۱ فروردین ۱۳۵۷)، همسر در زمان تحویل",
    reference="DOMAIN.md §4.1 (Form J row)",
    confidence="S-news",
    date="1400",
    url="https://eitaa.ir/s/EhsannasarEsfanjankohnedej/693",
)
_LOOKBACK_CHANGE = Source(
    title_en="Ownership look-back reduced from 'since 1384' (16 years) to the last 5 years",
    title_fa="کاهش سابقه‌ی عدم مالکیت از «از ۱۳۸۴» (۱۶ سال) به ۵ سال اخیر",
    reference="DOMAIN.md §4.1 (ownership look-back change row), §4.8, §11.7: the value is "
    "[S-news], its effective date [U]",
    confidence="S-news",
    date="~1401 (effective date unknown)",
    url="https://en.mokhberan.ir/reducing-the-five-year-residence-requirement-for-some-"
    "housing-applicants/",
)
_CONFLICT = Source(
    title_en="State-benefit cut-off: 22 Bahman 1357 (regulation, Maskan Mehr) and "
    "1 Farvardin 1357 (National Housing Movement notices)",
    title_fa="تاریخ مبنای استفاده از امکانات دولتی: ۲۲ بهمن ۱۳۵۷ (آیین‌نامه، مسکن مهر) و "
    "۱ فروردین ۱۳۵۷ (اطلاعیه‌های نهضت ملی مسکن)",
    reference="DOMAIN.md §4.1 (conflict row), §11.7: keep both as dated versions; the NHM "
    "checker defaults to 1357-01-01",
    confidence="S-news",
    date="1357-11-22 / 1357-01-01",
    url="https://eitaa.ir/s/EhsannasarEsfanjankohnedej/693",
)

# --- the caller-set choice between two versions of a rule -------------------------------


class RuleChange(enum.StrEnum):
    """An explicit answer to "is the changed rule in force?", for a change whose effective
    date no source records (DOMAIN.md §4.8, §11.7).

    A parameter such as :data:`FIVE_YEAR_LOOKBACK` takes either the change's date (the old
    rule before it, the new rule from it on) or one of these.

    >>> RuleChange("in_force").label_en
    'the changed rule applies on every date'
    """

    IN_FORCE = "in_force"
    """The changed rule applies on every evaluation date."""
    NOT_IN_FORCE = "not_in_force"
    """The old rule applies on every evaluation date."""
    UNDECIDED = "undecided"
    """Decide only where both versions agree; otherwise the finding is unknown."""

    @property
    def label_en(self) -> str:
        """The option in English words."""
        return _CHANGE_LABELS[self.value][1]

    @property
    def label_fa(self) -> str:
        """The option in Persian words."""
        return _CHANGE_LABELS[self.value][0]


_CHANGE_LABELS = {
    "in_force": ("قاعده‌ی جدید در همه‌ی تاریخ‌ها", "the changed rule applies on every date"),
    "not_in_force": ("قاعده‌ی پیشین در همه‌ی تاریخ‌ها", "the old rule applies on every date"),
    "undecided": (
        "تنها جایی که هر دو قاعده هم‌نظرند",
        "decide only where both versions agree",
    ),
}


@functools.lru_cache(maxsize=64)
def _change_from_text(text: str, code: str) -> datetime.date | RuleChange:
    try:
        return RuleChange(text)
    except ValueError:
        pass
    try:
        return as_date(text, code)
    except InvalidDate:
        raise _bad_change(text, code) from None


def _bad_change(value: object, code: str) -> RuleError:
    options = ", ".join(repr(option.value) for option in RuleChange)
    return RuleError(
        f"{code}: {describe(value)} is neither a date nor one of {options}",
        message_fa=f"{code}: مقدار {describe(value)} نه تاریخ است و نه یکی از {options}",
        code="invalid_value",
        field=code,
        value=value,
    )


def change_in_force(
    case: Case, parameter: Parameter[Any]
) -> tuple[bool | None, datetime.date | None]:
    """Whether the change a caller-set ``parameter`` describes is in force on ``case.on``.

    Returns ``(in_force, change_date)``: ``in_force`` is ``None`` for
    :attr:`RuleChange.UNDECIDED`; ``change_date`` is the supplied date, or ``None`` when an
    option was supplied. The value may be a date, Jalali text, a :class:`RuleChange` or its
    code.

    >>> from maskan.calendar import jdate
    >>> case = Case(person=None, on=jdate(1404, 9, 4),
    ...             values={"five_year_lookback": "1401/03/01"})
    >>> change_in_force(case, FIVE_YEAR_LOOKBACK) == (True, jdate(1401, 3, 1))
    True
    """
    value: object = case.resolve(parameter).value
    if isinstance(value, str):  # RuleChange is a str too
        value = _change_from_text(value, parameter.code)
    if isinstance(value, RuleChange):
        if value is RuleChange.UNDECIDED:
            return None, None
        return value is RuleChange.IN_FORCE, None
    if isinstance(value, datetime.date):
        day = value.date() if isinstance(value, datetime.datetime) else value
        return case.on >= day, day
    try:
        day = as_date(value, parameter.code)
    except InvalidDate:
        raise _bad_change(value, parameter.code) from None
    return case.on >= day, day


def _day(resolved: Resolved[datetime.date], code: str) -> datetime.date:
    """A date parameter's value; a caller may supply it as Jalali text."""
    value: object = resolved.value
    if type(value) is datetime.date:
        return value
    try:
        return _date_from(value, code)
    except TypeError:  # unhashable: not worth remembering
        return as_date(value, code)


@functools.lru_cache(maxsize=64)
def _date_from(value: object, code: str) -> datetime.date:
    return as_date(value, code)


# --- parameters -------------------------------------------------------------------------

# The first boundary of every parameter here is 1384-01-01: the ownership window cannot
# start after the evaluation date, so the test cannot be asked earlier. The regulation's
# own date is not in DOMAIN.md.
_START = "1384/01/01"

OWNERSHIP_CUTOFF: Parameter[datetime.date] = Parameter(
    code="ownership_cutoff",
    label_en="no residential ownership since (the fixed cut-off)",
    label_fa="نداشتن واحد یا زمین مسکونی از تاریخ (تاریخ مبنای ثابت)",
    unit="date",
    source=_REGULATION,
    history={_START: jdate(1384, 1, 1)},
)
"""1384-01-01, the start of the 4th Development Plan (DOMAIN.md §4.1 [S]).

>>> OWNERSHIP_CUTOFF.resolve(jdate(1404, 9, 4)).value == jdate(1384, 1, 1)
True
"""

OWNERSHIP_LOOKBACK_YEARS: Parameter[int] = Parameter(
    code="ownership_lookback_years",
    label_en="no residential ownership in the last (years, after the easing)",
    label_fa="نداشتن واحد یا زمین مسکونی در سال‌های اخیر (پس از تسهیل)",
    unit="years",
    source=_LOOKBACK_CHANGE,
    history={_START: 5},
)
"""5 years (DOMAIN.md §4.1 [S-news]). Its boundary is technical: *when* the five years
replace the fixed cut-off is :data:`FIVE_YEAR_LOOKBACK`, which the caller sets.

>>> OWNERSHIP_LOOKBACK_YEARS.resolve(jdate(1404, 9, 4)).value
5
"""

FIVE_YEAR_LOOKBACK: Parameter[datetime.date | RuleChange] = Parameter(
    code="five_year_lookback",
    label_en="the date the 5-year ownership look-back replaced the 1384 cut-off, or "
    "in_force / not_in_force / undecided",
    label_fa="تاریخ جایگزینی سابقه‌ی ۵ ساله به جای تاریخ مبنای ۱۳۸۴، یا in_force / "
    "not_in_force / undecided",
    unit="date or option",
    source=_LOOKBACK_CHANGE,
)
"""Caller-set, no default: DOMAIN.md §4.1 knows no source for the effective date ("appears
to be from 1401"). Supply the date, or a :class:`RuleChange`.

>>> FIVE_YEAR_LOOKBACK.caller_set
True
>>> case = Case(person=None, on=jdate(1400, 1, 1), values={"five_year_lookback": "1401/03/01"})
>>> change_in_force(case, FIVE_YEAR_LOOKBACK)[0]  # before the change: the 1384 cut-off
False
"""

BENEFIT_CUTOFF: Parameter[datetime.date] = Parameter(
    code="benefit_cutoff",
    label_en="no state housing benefit since",
    label_fa="عدم استفاده از امکانات دولتی مسکن از تاریخ",
    unit="date",
    source=_CONFLICT,
    # 1357-11-22 in the regulation and Mehr texts; 1357-01-01 in the NHM notices, from
    # NHM registration (~1400-07-27, DOMAIN.md §4.2). DOMAIN.md §1: keep both, dated.
    history={_START: jdate(1357, 11, 22), "1400/07/27": jdate(1357, 1, 1)},
)
"""Two dated versions: 22 Bahman 1357 until NHM registration opened (~1400-07-27), then
1 Farvardin 1357. Supply a date to use one version on every day.

>>> BENEFIT_CUTOFF.resolve(jdate(1399, 1, 1)).value == jdate(1357, 11, 22)
True
>>> BENEFIT_CUTOFF.resolve(jdate(1404, 9, 4)).value == jdate(1357, 1, 1)
True
"""

# --- reasons ----------------------------------------------------------------------------

NO_OWNERSHIP = register(
    "without_housing.no_ownership",
    en="no residential unit or land owned since {required}",
    fa="از {required} به بعد واحد یا زمین مسکونی نداشته است",
)
OWNED_SINCE_CUTOFF = register(
    "without_housing.owned_since_cutoff",
    en="owned a residential unit or land on or after the cut-off {required}",
    fa="از تاریخ مبنای {required} به بعد واحد یا زمین مسکونی داشته است",
)
OWNED_IN_LOOKBACK = register(
    "without_housing.owned_in_lookback",
    en="owned a residential unit or land in the look-back window starting {required}",
    fa="در بازه‌ی بررسی سابقه‌ی مالکیت (از {required}) واحد یا زمین مسکونی داشته است",
)
SPOUSE_NO_OWNERSHIP = register(
    "without_housing.spouse_no_ownership",
    en="the spouse owned no residential unit or land since {required}",
    fa="همسر از {required} به بعد واحد یا زمین مسکونی نداشته است",
)
SPOUSE_OWNED_SINCE_CUTOFF = register(
    "without_housing.spouse_owned_since_cutoff",
    en="the spouse owned a residential unit or land on or after the cut-off {required}",
    fa="همسر از تاریخ مبنای {required} به بعد واحد یا زمین مسکونی داشته است",
)
SPOUSE_OWNED_IN_LOOKBACK = register(
    "without_housing.spouse_owned_in_lookback",
    en="the spouse owned a residential unit or land in the look-back window starting {required}",
    fa="همسر در بازه‌ی بررسی سابقه‌ی مالکیت (از {required}) واحد یا زمین مسکونی داشته است",
)
NO_BENEFIT = register(
    "without_housing.no_benefit",
    en="no state housing benefit used since {required}",
    fa="از {required} به بعد از امکانات دولتی مسکن استفاده نکرده است",
)
BENEFIT_USED = register(
    "without_housing.benefit_used",
    en="used a state housing benefit on {observed}, after the cut-off {required}",
    fa="در {observed}، پس از تاریخ مبنای {required}، از امکانات دولتی مسکن استفاده کرده است",
)
SPOUSE_NO_BENEFIT = register(
    "without_housing.spouse_no_benefit",
    en="the spouse used no state housing benefit since {required}",
    fa="همسر از {required} به بعد از امکانات دولتی مسکن استفاده نکرده است",
)
SPOUSE_BENEFIT_USED = register(
    "without_housing.spouse_benefit_used",
    en="the spouse used a state housing benefit on {observed}, after the cut-off {required}",
    fa="همسر در {observed}، پس از تاریخ مبنای {required}، از امکانات دولتی مسکن استفاده کرده است",
)
FORM_J_GREEN = register("without_housing.form_j_green", en="Form J is green", fa="فرم ج سبز است")
FORM_J_NOT_ON_FILE = register(
    "without_housing.form_j_not_on_file",
    en="no Form J on file: the ownership and benefit records decide",
    fa="فرم ج در پرونده نیست؛ سوابق مالکیت و استفاده از امکانات ملاک است",
)
FORM_J_RED = register(
    "without_housing.form_j_red",
    en="Form J is red: disqualified",
    fa="فرم ج قرمز است: فاقد شرایط",
)
SPOUSE_FORM_J_GREEN = register(
    "without_housing.spouse_form_j_green",
    en="the spouse's Form J is green",
    fa="فرم ج همسر سبز است",
)
SPOUSE_FORM_J_NOT_ON_FILE = register(
    "without_housing.spouse_form_j_not_on_file",
    en="no Form J of the spouse on file: the spouse's records decide",
    fa="فرم ج همسر در پرونده نیست؛ سوابق همسر ملاک است",
)
SPOUSE_FORM_J_RED = register(
    "without_housing.spouse_form_j_red",
    en="the spouse's Form J is red: disqualified",
    fa="فرم ج همسر قرمز است: فاقد شرایط",
)
NO_SPOUSE = register(
    "without_housing.no_spouse",
    en="no spouse to check ({observed})",
    fa="همسری برای بررسی نیست ({observed})",
)

# --- ownership --------------------------------------------------------------------------


def _scan(
    properties: tuple[OwnedProperty, ...], first: datetime.date, last: datetime.date
) -> tuple[bool | None, datetime.date | None]:
    """Whether any property was owned from ``first`` to ``last`` (``None``: cannot tell),
    and the last disposal among those that are or may be in the window (``None`` when one
    of them is still owned, so no window end frees the person).

    The same three-valued reading as :meth:`OwnedProperty.owned_during`, in one pass.
    """
    owned: bool | None = False
    release: datetime.date | None = None
    still_owned = False
    for item in properties:
        acquired, disposed = item.acquired, item.disposed
        if disposed is not None and disposed < first:
            continue
        if acquired is not None:
            if acquired > last:
                continue
            owned = True
        elif disposed is not None and disposed <= last:
            owned = True  # acquired on an unknown day, but no later than its disposal
        elif owned is False:
            owned = None
        if disposed is None:
            still_owned = True
        elif release is None or disposed > release:
            release = disposed
    return owned, None if still_owned else release


def _window_end(release: datetime.date, years: int) -> datetime.date:
    """The first day whose ``years``-year look-back window no longer covers ``release``."""
    day = add_years(release, years) + _DAY
    while add_years(day, -years) <= release:  # Esfand 30 clamps to Esfand 29
        day += _DAY
    return day


@attrs.frozen
class _Who:
    """The reasons and fact phrases of one person checked: the applicant or the spouse."""

    none: str
    since_cutoff: str
    in_lookback: str
    no_benefit: str
    benefit_used: str
    green: str
    not_on_file: str
    red: str
    ownership_fact: tuple[str, str]
    acquisition_fact: tuple[str, str]
    benefits_fact: tuple[str, str]
    benefit_date_fact: tuple[str, str]


_APPLICANT = _Who(
    NO_OWNERSHIP,
    OWNED_SINCE_CUTOFF,
    OWNED_IN_LOOKBACK,
    NO_BENEFIT,
    BENEFIT_USED,
    FORM_J_GREEN,
    FORM_J_NOT_ON_FILE,
    FORM_J_RED,
    ("residential ownership history", "سابقه‌ی مالکیت مسکونی"),
    ("acquisition date of a residential property", "تاریخ تملک ملک مسکونی"),
    ("state housing benefit history", "سابقه‌ی استفاده از امکانات دولتی مسکن"),
    ("date of a state housing benefit", "تاریخ استفاده از امکانات دولتی مسکن"),
)
_SPOUSE = _Who(
    SPOUSE_NO_OWNERSHIP,
    SPOUSE_OWNED_SINCE_CUTOFF,
    SPOUSE_OWNED_IN_LOOKBACK,
    SPOUSE_NO_BENEFIT,
    SPOUSE_BENEFIT_USED,
    SPOUSE_FORM_J_GREEN,
    SPOUSE_FORM_J_NOT_ON_FILE,
    SPOUSE_FORM_J_RED,
    ("spouse's residential ownership history", "سابقه‌ی مالکیت مسکونی همسر"),
    ("acquisition date of a spouse's residential property", "تاریخ تملک ملک مسکونی همسر"),
    ("spouse's state housing benefit history", "سابقه‌ی استفاده‌ی همسر از امکانات دولتی مسکن"),
    ("date of a spouse's state housing benefit", "تاریخ استفاده‌ی همسر از امکانات دولتی مسکن"),
)
_UNDECIDED_LOOKBACK = (
    "which ownership look-back applies (five_year_lookback is undecided)",
    "بازه‌ی بررسی سابقه‌ی مالکیت (five_year_lookback تعیین نشده است)",
)
_MARITAL_STATUS = ("marital status", "وضعیت تأهل")


@functools.lru_cache(maxsize=1024, typed=True)
def _years_before(day: datetime.date, years: int) -> datetime.date:
    """The first day of a ``years``-year look-back window ending on ``day``: the same for
    everyone evaluated on one date, so computed once."""
    return add_years(day, -years)


def _ownership(
    case: Case, rule: Rule, properties: tuple[OwnedProperty, ...] | None, who: _Who
) -> Finding:
    if properties is None:
        return rule.unknown(*who.ownership_fact)
    on = case.on
    in_force, change = change_in_force(case, FIVE_YEAR_LOOKBACK)
    fixed: Finding | None = None
    if in_force is not True:
        cutoff = case.resolve(OWNERSHIP_CUTOFF)
        since = _day(cutoff, OWNERSHIP_CUTOFF.code)
        owned, release = _scan(properties, since, on)
        code, effective = OWNERSHIP_CUTOFF.code, cutoff.effective_from
        if owned is None:
            fixed = rule.unknown(
                *who.acquisition_fact, required=since, parameter=code, effective_from=effective
            )
        elif not owned:
            fixed = _window_passed(rule, who.none, since, code, effective)
        else:
            later: datetime.date | None = None
            if change is not None and release is not None:
                # The fixed window never ends, but the 5-year window takes over on the
                # change date: from then on, the day it no longer covers the disposal.
                years = case.resolve(OWNERSHIP_LOOKBACK_YEARS).value
                later = max(change, _window_end(release, years))
            fixed = rule.failed(
                who.since_cutoff,
                eligible_from=later,
                required=since,
                parameter=code,
                effective_from=effective,
            )
        if in_force is False:
            return fixed
    years = case.resolve(OWNERSHIP_LOOKBACK_YEARS).value
    first = _years_before(on, years)
    owned, release = _scan(properties, first, on)
    code = OWNERSHIP_LOOKBACK_YEARS.code
    if owned is None:
        rolling = rule.unknown(
            *who.acquisition_fact, required=first, parameter=code, effective_from=change
        )
    elif not owned:
        rolling = _window_passed(rule, who.none, first, code, change)
    else:
        end = None if release is None else _window_end(release, years)
        rolling = rule.failed(
            who.in_lookback,
            eligible_from=end,
            required=first,
            parameter=code,
            effective_from=change,
        )
    if fixed is None:
        return rolling
    # Undecided: decide only where the two windows agree.
    if fixed.outcome is rolling.outcome is Outcome.PASSED:
        return fixed
    if fixed.outcome is rolling.outcome is Outcome.FAILED:
        # Waiting frees the person only under the 5-year window, which may never apply.
        return attrs.evolve(fixed, eligible_from=None)
    if Outcome.UNKNOWN in (fixed.outcome, rolling.outcome):
        return fixed if fixed.outcome is Outcome.UNKNOWN else rolling
    return rule.unknown(*_UNDECIDED_LOOKBACK)


def _benefits(case: Case, rule: Rule, benefits: tuple[Benefit, ...] | None, who: _Who) -> Finding:
    if benefits is None:
        return rule.unknown(*who.benefits_fact)
    cutoff = case.resolve(BENEFIT_CUTOFF)
    first, last = _day(cutoff, BENEFIT_CUTOFF.code), case.on
    undated = False
    for benefit in benefits:
        day = benefit.date
        if day is None:
            undated = True
        elif first <= day <= last:
            return rule.failed(
                who.benefit_used,
                observed=day,
                required=first,
                parameter=BENEFIT_CUTOFF.code,
                effective_from=cutoff.effective_from,
            )
    if undated:
        return rule.unknown(
            *who.benefit_date_fact,
            required=first,
            parameter=BENEFIT_CUTOFF.code,
            effective_from=cutoff.effective_from,
        )
    return _window_passed(rule, who.no_benefit, first, BENEFIT_CUTOFF.code, cutoff.effective_from)


# Passed findings that depend only on the window checked (its first day, the parameter and
# the date that parameter took effect), not on the person: shared, as constant_finding's.
_WINDOW_PASSED: dict[tuple[Any, ...], tuple[Rule, Finding]] = {}


def _window_passed(
    rule: Rule,
    reason: str,
    required: datetime.date,
    parameter: str,
    effective_from: datetime.date | None,
) -> Finding:
    # the types are part of the key: a date subclass equal to a date is not the same value
    key = (
        id(rule),
        reason,
        required,
        type(required),
        parameter,
        effective_from,
        type(effective_from),
    )
    cached = _WINDOW_PASSED.get(key)
    if cached is not None and cached[0] is rule:
        return cached[1]
    if len(_WINDOW_PASSED) >= 4096:
        _WINDOW_PASSED.clear()
    finding = rule.passed(
        reason, required=required, parameter=parameter, effective_from=effective_from
    )
    _WINDOW_PASSED[key] = (rule, finding)
    return finding


_CONSTANT: dict[tuple[int, str, object], tuple[Rule, Finding]] = {}


def constant_finding(rule: Rule, outcome: Outcome, reason: str, observed: object = None) -> Finding:
    """A finding that depends only on its rule, outcome, reason and observed value (a
    green Form J, "no spouse", a marital status that rules a category out), built once and
    shared: findings are immutable, and building them is most of a decision's cost.

    >>> first = constant_finding(FORM_J, Outcome.PASSED, FORM_J_GREEN, FormJ.GREEN)
    >>> first is constant_finding(FORM_J, Outcome.PASSED, FORM_J_GREEN, FormJ.GREEN)
    True
    >>> first.message("en")
    'Form J is green'
    """
    key = (id(rule), reason, observed)
    cached = _CONSTANT.get(key)
    # The cache holds the rule itself, so its id cannot be reused while the entry lives.
    if cached is not None and cached[0] is rule:
        return cached[1]
    if outcome is Outcome.PASSED:
        finding = rule.passed(reason, observed=observed)
    elif outcome is Outcome.FAILED:
        finding = rule.failed(reason, observed=observed)
    else:
        raise ValueError("constant_finding: an unknown finding names its fact; use rule.unknown")
    _CONSTANT[key] = (rule, finding)
    return finding


def _form_j(rule: Rule, color: FormJ | None, who: _Who) -> Finding:
    if color is None:
        return constant_finding(rule, Outcome.PASSED, who.not_on_file)
    if color is FormJ.RED:
        return constant_finding(rule, Outcome.FAILED, who.red, color)
    return constant_finding(rule, Outcome.PASSED, who.green, color)


# --- the applicant ----------------------------------------------------------------------


def _check_ownership(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    return _ownership(case, rule, person.owned_properties, _APPLICANT)


def _check_benefits(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    return _benefits(case, rule, person.benefits, _APPLICANT)


def _check_form_j(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    form_j = person.form_j
    return _form_j(rule, None if form_j is None else form_j.color, _APPLICANT)


# --- the spouse -------------------------------------------------------------------------


def _spouse(case: Case, rule: Rule, check: Callable[[HousingHistory | None], Finding]) -> Finding:
    """Check the spouse's history when there may be a spouse.

    Not married: nothing to check. Married: the spouse's history decides (unknown when
    it is missing). Marital status unknown: a spouse's history that passes settles it
    either way; one that fails would matter only if the person is married.
    """
    person: Person = case.person
    status = person.marital_status
    if status is not None and status is not MaritalStatus.MARRIED:
        return constant_finding(rule, Outcome.PASSED, NO_SPOUSE, status)
    finding = check(person.spouse_housing)
    if status is None and finding.outcome is not Outcome.PASSED:
        return rule.unknown(*_MARITAL_STATUS)
    return finding


def _check_spouse_ownership(case: Case, rule: Rule) -> Finding:
    def check(history: HousingHistory | None) -> Finding:
        properties = None if history is None else history.owned_properties
        return _ownership(case, rule, properties, _SPOUSE)

    return _spouse(case, rule, check)


def _check_spouse_benefits(case: Case, rule: Rule) -> Finding:
    def check(history: HousingHistory | None) -> Finding:
        benefits = None if history is None else history.benefits
        return _benefits(case, rule, benefits, _SPOUSE)

    return _spouse(case, rule, check)


def _check_spouse_form_j(case: Case, rule: Rule) -> Finding:
    def check(history: HousingHistory | None) -> Finding:
        form_j = None if history is None else history.form_j
        return _form_j(rule, None if form_j is None else form_j.color, _SPOUSE)

    return _spouse(case, rule, check)


# --- the same rules in columns (maskan.eligibility.batch) ------------------------------


def _scan_columns(frame: Frame, name: str, first: Array, last: Array) -> tuple[Array, Array]:
    """:func:`_scan` on columns: per row 1 owned, 0 not, -1 cannot tell; and the last
    disposal (an ordinal; 0 when none, or when a property is still owned)."""
    import numpy as np

    count = frame.count(name)
    owned = np.zeros(frame.size, bool)
    maybe = np.zeros(frame.size, bool)
    still = np.zeros(frame.size, bool)
    release = np.zeros(frame.size, np.int32)
    for slot in range(1, frame.slots(name) + 1):
        acquired = frame.slot(name, slot, "acquired")
        disposed = frame.slot(name, slot, "disposed")
        known, sold = acquired > 0, disposed > 0
        counted = (count >= slot) & ~(sold & (disposed < first)) & ~(known & (acquired > last))
        certain = known | (sold & (disposed <= last))
        owned |= counted & certain
        maybe |= counted & ~certain
        still |= counted & ~sold
        # release -= (release - disposed) * later: disposed where later, without a branch
        release -= (release - disposed) * (counted & sold & (disposed > release))
    answer = owned.astype(np.int8)
    answer -= maybe & ~owned  # -1: cannot tell
    release *= ~still  # 0 while a property is still owned
    return answer, release


def _window_end_columns(frame: Frame, release: Array, years: Array) -> Array:
    """:func:`_window_end` on columns; 0 where ``release`` is 0."""
    import numpy as np

    from maskan.eligibility.batch import pick

    result = np.zeros(frame.size, np.int32)
    rows = np.flatnonzero(release > 0)
    years = pick(years, rows)
    day = frame.add_years(release[rows], years) + 1
    late = frame.add_years(day, -years) <= release[rows]
    while late.any():  # Esfand 30 clamps to Esfand 29
        day = np.where(late, day + 1, day)
        late = frame.add_years(day, -years) <= release[rows]
    result[rows] = day
    return result


def _ownership_columns(frame: Frame, rule: Rule, name: str, who: _Who) -> Leaf:
    import numpy as np

    decide = frame.decide(rule)
    decide.unknown(frame.count(name) < 0)
    in_force, change = frame.change_in_force(FIVE_YEAR_LOOKBACK)
    cutoff, early = frame.resolve(OWNERSHIP_CUTOFF)
    years, too_early = frame.resolve(OWNERSHIP_LOOKBACK_YEARS)
    decide.defer(early | too_early)
    years = years.astype(np.int64)
    on = frame.today
    first = frame.add_years(on, -years)
    new, old, undecided = in_force == 1, in_force == 0, in_force == -1
    nothing = (np.zeros(frame.size, np.int8), np.zeros(frame.size, np.int32))
    # One value of in_force for every row (an option, or one date): scan one window only.
    needed = np.ndim(in_force) or not new
    fixed, fixed_release = _scan_columns(frame, name, cutoff, on) if needed else nothing
    needed = np.ndim(in_force) or not old
    rolling, rolling_release = _scan_columns(frame, name, first, on) if needed else nothing
    later: Array | int = 0
    if change:
        ends = _window_end_columns(frame, fixed_release, years)
        later = np.where(fixed_release > 0, np.maximum(ends, change), 0)
    rolling_end = _window_end_columns(frame, rolling_release, years)
    decide.passed(new & (rolling == 0))
    decide.unknown(new & (rolling == -1))
    decide.failed(new, who.in_lookback, rolling_end)
    decide.passed(old & (fixed == 0))
    decide.unknown(old & (fixed == -1))
    decide.failed(old, who.since_cutoff, later)
    decide.passed(undecided & (fixed == 0) & (rolling == 0))
    decide.failed(undecided & (fixed == 1) & (rolling == 1), who.since_cutoff)
    decide.unknown(undecided)
    return decide.leaf()


def _benefits_columns(frame: Frame, rule: Rule, name: str, who: _Who) -> Leaf:
    import numpy as np

    count = frame.count(name)
    decide = frame.decide(rule)
    decide.unknown(count < 0)
    cutoff, early = frame.resolve(BENEFIT_CUTOFF)
    decide.defer(early)
    used = np.zeros(frame.size, bool)
    undated = np.zeros(frame.size, bool)
    for slot in range(1, frame.slots(name) + 1):
        day = frame.slot(name, slot, "date")
        counted = count >= slot
        used |= counted & (day > 0) & (cutoff <= day) & (day <= frame.today)
        undated |= counted & (day == 0)
    decide.failed(used, who.benefit_used)
    decide.unknown(undated)
    decide.passed_rest()
    return decide.leaf()


def _form_j_columns(frame: Frame, rule: Rule, name: str, who: _Who) -> Leaf:
    decide = frame.decide(rule)
    decide.failed(frame.choice(name) == frame.code(FormJ.RED), who.red)
    decide.passed_rest()
    return decide.leaf()


def _spouse_columns(frame: Frame, rule: Rule, inner: Leaf) -> Leaf:
    """:func:`_spouse` on columns: ``inner`` is the check of the spouse's history."""
    from maskan.eligibility.batch import FAILED, UNKNOWN

    status = frame.choice("marital_status")
    decide = frame.decide(rule)
    decide.passed((status >= 0) & (status != frame.code(MaritalStatus.MARRIED)))
    decide.unknown((status < 0) & ((inner.outcome == FAILED) | (inner.outcome == UNKNOWN)))
    decide.take(inner)
    return decide.leaf()


def _ownership_in_columns(frame: Frame, rule: Rule) -> Leaf:
    return _ownership_columns(frame, rule, "owned_properties", _APPLICANT)


def _benefits_in_columns(frame: Frame, rule: Rule) -> Leaf:
    return _benefits_columns(frame, rule, "benefits", _APPLICANT)


def _form_j_in_columns(frame: Frame, rule: Rule) -> Leaf:
    return _form_j_columns(frame, rule, "form_j", _APPLICANT)


def _spouse_ownership_in_columns(frame: Frame, rule: Rule) -> Leaf:
    inner = _ownership_columns(frame, rule, "spouse_owned_properties", _SPOUSE)
    return _spouse_columns(frame, rule, inner)


def _spouse_benefits_in_columns(frame: Frame, rule: Rule) -> Leaf:
    return _spouse_columns(frame, rule, _benefits_columns(frame, rule, "spouse_benefits", _SPOUSE))


def _spouse_form_j_in_columns(frame: Frame, rule: Rule) -> Leaf:
    return _spouse_columns(frame, rule, _form_j_columns(frame, rule, "spouse_form_j", _SPOUSE))


# --- rules ------------------------------------------------------------------------------

OWNERSHIP = Rule(
    code="without_housing.ownership",
    title_en="No residential ownership in the look-back window",
    title_fa="نداشتن واحد یا زمین مسکونی در بازه‌ی بررسی",
    source=_REGULATION,
    check=_check_ownership,
    parameters=(OWNERSHIP_CUTOFF, OWNERSHIP_LOOKBACK_YEARS, FIVE_YEAR_LOOKBACK),
    columns=InColumns(
        reads=("owned_properties",),
        failures=(OWNED_SINCE_CUTOFF, OWNED_IN_LOOKBACK),
        check=_ownership_in_columns,
    ),
)
"""The applicant owned no residential unit or land since 1384-01-01 — or, once the easing
is in force (:data:`FIVE_YEAR_LOOKBACK`), in the last 5 years. Fails with
``without_housing.owned_since_cutoff`` or ``without_housing.owned_in_lookback``; under the
5-year window ``eligible_from`` is the day the window no longer covers the last disposal.

>>> flat = OwnedProperty(kind="unit", acquired="1380/01/10", disposed="1383/06/15")
>>> ali = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
...              owned_properties=[flat])
>>> case = Case(person=ali, on=jdate(1404, 9, 4), values={"five_year_lookback": "not_in_force"})
>>> OWNERSHIP(case).message("en")  # sold before the 1384 cut-off
'no residential unit or land owned since ...'
"""

BENEFITS = Rule(
    code="without_housing.benefits",
    title_en="No state housing benefit since 1357",
    title_fa="عدم استفاده از امکانات دولتی مسکن از ۱۳۵۷",
    source=_REGULATION,
    check=_check_benefits,
    parameters=(BENEFIT_CUTOFF,),
    columns=InColumns(reads=("benefits",), failures=(BENEFIT_USED,), check=_benefits_in_columns),
)
"""The applicant used no state housing benefit (land, unit, subsidised loan) since
:data:`BENEFIT_CUTOFF`. Fails with ``without_housing.benefit_used``; time cannot help.

>>> loan = Benefit(kind="subsidised_loan", date="1388/03/01", program="مسکن مهر")
>>> ali = Person(national_id="0499370899", first_name="علی", last_name="کریمی", benefits=[loan])
>>> finding = BENEFITS(Case(person=ali, on=jdate(1404, 9, 4)))
>>> finding.outcome.value, finding.reason, finding.eligible_from
('failed', 'without_housing.benefit_used', None)
"""

FORM_J = Rule(
    code="without_housing.form_j",
    title_en="No red Form J",
    title_fa="نداشتن فرم ج قرمز",
    source=_NHM_NOTICE,
    check=_check_form_j,
    columns=InColumns(reads=("form_j",), failures=(FORM_J_RED,), check=_form_j_in_columns),
)
"""A red Form J disqualifies (``without_housing.form_j_red``); a green one, or none on
file, passes this rule and leaves the decision to the ownership and benefit rules.

>>> from maskan.models.person import FormJStatus
>>> ali = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
...              form_j=FormJStatus(color="red"))
>>> finding = FORM_J(Case(person=ali, on=jdate(1404, 9, 4)))
>>> finding.outcome.value, finding.message("en")
('failed', 'Form J is red: disqualified')
"""

SPOUSE_OWNERSHIP = Rule(
    code="without_housing.spouse_ownership",
    title_en="Spouse: no residential ownership in the look-back window",
    title_fa="همسر: نداشتن واحد یا زمین مسکونی در بازه‌ی بررسی",
    source=_NHM_NOTICE,
    check=_check_spouse_ownership,
    parameters=(OWNERSHIP_CUTOFF, OWNERSHIP_LOOKBACK_YEARS, FIVE_YEAR_LOOKBACK),
    columns=InColumns(
        reads=("marital_status", "spouse_owned_properties"),
        failures=(SPOUSE_OWNED_SINCE_CUTOFF, SPOUSE_OWNED_IN_LOOKBACK),
        check=_spouse_ownership_in_columns,
    ),
)
""":data:`OWNERSHIP` for the spouse of a married person (``Person.spouse_housing``).

>>> spouse = HousingHistory(owned_properties=[OwnedProperty(kind="unit", acquired="1399/05/01")])
>>> sara = Person(national_id="0499370899", first_name="سارا", last_name="احمدی",
...               marital_status="married", spouse_housing=spouse)
>>> case = Case(person=sara, on=jdate(1404, 9, 4), values={"five_year_lookback": "in_force"})
>>> finding = SPOUSE_OWNERSHIP(case)
>>> finding.reason, finding.eligible_from  # still owned: waiting does not help
('without_housing.spouse_owned_in_lookback', None)
"""

SPOUSE_BENEFITS = Rule(
    code="without_housing.spouse_benefits",
    title_en="Spouse: no state housing benefit since 1357",
    title_fa="همسر: عدم استفاده از امکانات دولتی مسکن از ۱۳۵۷",
    source=_NHM_NOTICE,
    check=_check_spouse_benefits,
    parameters=(BENEFIT_CUTOFF,),
    columns=InColumns(
        reads=("marital_status", "spouse_benefits"),
        failures=(SPOUSE_BENEFIT_USED,),
        check=_spouse_benefits_in_columns,
    ),
)
""":data:`BENEFITS` for the spouse of a married person.

>>> reza = Person(national_id="0499370899", first_name="رضا", last_name="کریمی",
...               marital_status="married")
>>> finding = SPOUSE_BENEFITS(Case(person=reza, on=jdate(1404, 9, 4)))
>>> finding.outcome.value, finding.message("en")
('unknown', "spouse's state housing benefit history is not known")
"""

SPOUSE_FORM_J = Rule(
    code="without_housing.spouse_form_j",
    title_en="Spouse: no red Form J",
    title_fa="همسر: نداشتن فرم ج قرمز",
    source=_NHM_NOTICE,
    check=_check_spouse_form_j,
    columns=InColumns(
        reads=("marital_status", "spouse_form_j"),
        failures=(SPOUSE_FORM_J_RED,),
        check=_spouse_form_j_in_columns,
    ),
)
""":data:`FORM_J` for the spouse of a married person.

>>> reza = Person(national_id="0499370899", first_name="رضا", last_name="کریمی",
...               marital_status="single")
>>> finding = SPOUSE_FORM_J(Case(person=reza, on=jdate(1404, 9, 4)))
>>> finding.outcome.value, finding.reason
('passed', 'without_housing.no_spouse')
"""

WITHOUT_HOUSING = all_of(
    "without_housing",
    OWNERSHIP,
    BENEFITS,
    FORM_J,
    SPOUSE_OWNERSHIP,
    SPOUSE_BENEFITS,
    SPOUSE_FORM_J,
    title_en="Without housing (applicant and spouse)",
    title_fa="فاقد مسکن (متقاضی و همسر)",
    source=_REGULATION,
)
"""The whole test as one rule, for programs that include it (the National Housing
Movement does).

>>> reza = Person(national_id="0499370899", first_name="رضا", last_name="کریمی",
...               marital_status="single", owned_properties=(), benefits=())
>>> case = Case(person=reza, on=jdate(1404, 9, 4), values={"five_year_lookback": "in_force"})
>>> finding = WITHOUT_HOUSING(case)
>>> finding.outcome.value, [branch.outcome.value for branch in finding.branches]
('passed', ['passed', 'passed', 'passed', 'passed', 'passed', 'passed'])
"""

PROGRAM = Program(
    code="without_housing",
    version="2026.1",
    title_en="Without housing (the Form J test)",
    title_fa="فاقد مسکن (شرایط فرم ج)",
    rules=(OWNERSHIP, BENEFITS, FORM_J, SPOUSE_OWNERSHIP, SPOUSE_BENEFITS, SPOUSE_FORM_J),
    context=(),
)
"""The "without housing" test. Needs ``five_year_lookback`` from the caller:

>>> PROGRAM.missing_values()
('five_year_lookback',)
"""
