"""The National Housing Movement (نهضت ملی مسکن), Production-Leap law of 1400 (DOMAIN.md §4.2).

A person qualifies on a date when all of these hold:

1. **household** — one of the categories (an ``any_of``): a married head of household; a
   single woman of 35 or more; a divorced or widowed head of household with custody of
   children, at any age; a person with a disability aged 20 or more (the age is
   ambiguous in the sources); a single man aged 23 to 44, from 1400-10-14 on;
2. **without housing** — :data:`maskan.eligibility.programs.without_housing.WITHOUT_HOUSING`
   for the applicant and the spouse (state-benefit cut-off 1357-01-01 on NHM dates);
3. **residence** — 5 full years in the city applied for (context ``city=``); 1 year for
   movers from a metropolis, and none for transferred government employees, outside
   Tehran province, once that easing is in force (:data:`RESIDENCE_EASING`, caller-set).

The loan terms of DOMAIN.md §4.2 are parameters of an informational rule: they are listed
by :meth:`~maskan.eligibility.Program.describe` and decide nothing.

>>> from maskan.calendar import jdate
>>> from maskan.models.person import Person, Residence
>>> program = PROGRAM.with_values(five_year_lookback="in_force", residence_easing="in_force")
>>> sara = Person(national_id="0499370899", first_name="سارا", last_name="احمدی",
...               gender="female", marital_status="single", birth_date="1371/02/10",
...               disabled=False,
...               residences=[Residence(city="اصفهان", since="1371/02/10")],
...               owned_properties=(), benefits=())
>>> decision = program.evaluate(sara, on=jdate(1404, 9, 4), city="اصفهان")
>>> decision.verdict.value, decision.failed_codes[:2]
('ineligible', ('national_housing_movement.not_married', \
'national_housing_movement.single_woman_under_age'))
>>> decision.eligible_from == jdate(1406, 2, 10)
True
"""

from __future__ import annotations

import datetime
import functools
import itertools
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from maskan.calendar import add_years, full_years
from maskan.eligibility.parameters import Parameter, Resolved, Source
from maskan.eligibility.program import Program
from maskan.eligibility.programs.without_housing import (
    WITHOUT_HOUSING,
    RuleChange,
    change_in_force,
    constant_finding,
)
from maskan.eligibility.reasons import register
from maskan.eligibility.rules import Case, Finding, InColumns, Outcome, Rule, any_of
from maskan.errors import MaskanError, RuleError, describe
from maskan.geo import Province
from maskan.models.person import Gender, MaritalStatus, Person, Residence
from maskan.money import Rial
from maskan.persian import normalize

if TYPE_CHECKING:
    from maskan.eligibility.batch import Array, Decide, Frame, Leaf

__all__ = [
    "CUSTODIAL_PARENT",
    "DISABLED",
    "DISABLED_MIN_AGE",
    "HOUSEHOLD",
    "INSTALMENT_CAP",
    "INSTALMENT_CAP_YEARS",
    "INTEREST_RATE",
    "LOAN_CEILING",
    "LOAN_PARAMETERS",
    "LOAN_TERMS",
    "MARRIED_HEAD",
    "MOVER_RESIDENCE_YEARS",
    "PROGRAM",
    "REPAYMENT_YEARS",
    "RESIDENCE",
    "RESIDENCE_EASING",
    "RESIDENCE_YEARS",
    "SINGLE_MAN",
    "SINGLE_MAN_MAX_AGE",
    "SINGLE_MAN_MIN_AGE",
    "SINGLE_MEN_ADMITTED",
    "SINGLE_WOMAN",
    "SINGLE_WOMAN_MIN_AGE",
    "SUPPLEMENTARY_LOAN_DECILES_1_2",
    "SUPPLEMENTARY_LOAN_DECILES_3_4",
    "SUPPLEMENTARY_LOAN_RATE",
    "SUPPLEMENTARY_LOAN_YEARS",
    "TARGET_INCOME_DECILES",
]

# NHM registration opened one month after the law was promulgated, "October 19" =
# ~1400-07-27 (DOMAIN.md §4.2). Nothing of this program exists before it.
_START = "1400/07/27"

# --- sources (DOMAIN.md §4.1, §4.2) -----------------------------------------------------

_PARTONEWS = "https://partonews.ir/en/"
_CORE = Source(
    title_en="National Housing Movement: core applicants, target population",
    title_fa="نهضت ملی مسکن: متقاضیان اصلی و جامعه‌ی هدف",
    reference="DOMAIN.md §4.2 (core applicants row)",
    confidence="S-news",
    date="1400",
    url=_PARTONEWS + "ultimatum-to-housing-applicants-last-chance-to-register-with-the-"
    "national-housing-movement",
)
_CATEGORIES = Source(
    title_en="National Housing Movement: who may register (household categories)",
    title_fa="نهضت ملی مسکن: گروه‌های مجاز به ثبت‌نام",
    reference="DOMAIN.md §4.2 (single women, disabled, divorced/widowed, single men rows)",
    confidence="S-news",
    date="1400",
    url="https://maskankian.com/mag/news-32",
)
_SINGLE_WOMEN = Source(
    title_en="Single women over 35 may register ('self-headed women ≥ 35')",
    title_fa="ثبت‌نام زنان مجرد بالای ۳۵ سال (خودسرپرست ۳۵ سال به بالا)",
    reference="DOMAIN.md §4.2 (single women row)",
    confidence="S-news",
    date="1400",
    url="https://maskankian.com/mag/news-32",
)
_DISABLED = Source(
    title_en="Physically or motor-disabled people 'with 20 years of age' may register "
    "(ambiguous translation: likely 20 or more)",
    title_fa="ثبت‌نام معلولان جسمی-حرکتی با ۲۰ سال سن (ترجمه‌ی مبهم: احتمالاً ۲۰ سال به بالا)",
    reference="DOMAIN.md §4.2 (disabled row), §11.8: ambiguous, an explicit parameter",
    confidence="S-news",
    date="1400",
    url="https://maskankian.com/mag/news-32",
)
_CUSTODY = Source(
    title_en="Divorced or widowed heads of household with custody of children register "
    "without an age criterion",
    title_fa="سرپرستان خانوار مطلقه یا همسرفوت‌شده‌ی دارای حضانت فرزند، بدون شرط سنی",
    reference="DOMAIN.md §4.2 (divorced / widowed row)",
    confidence="S-news",
    date="1400",
    url="https://maskankian.com/mag/news-32",
)
_SINGLE_MEN = Source(
    title_en="Single men 23 to 44 full years old; registration window 1400-10-14 12:00 to "
    "1400-11-20",
    title_fa="مردان مجرد ۲۳ تا ۴۴ سال تمام؛ ثبت‌نام از ۱۴ دی ۱۴۰۰ ساعت ۱۲ تا ۲۰ بهمن ۱۴۰۰",
    reference="DOMAIN.md §4.2 (single men row), §4.8",
    confidence="S-news",
    date="1400-10-14",
    url=_PARTONEWS + "conditions-for-registration-of-single-men-over-the-age-of-23-in-the-"
    "national-housing-movement-plan",
)
_RESIDENCE = Source(
    title_en="Residence of 5 years in the city applied for; 1 year for movers from "
    "metropolises, none for transferred government employees, outside Tehran province",
    title_fa="۵ سال سکونت در شهر محل تقاضا؛ ۱ سال برای مهاجران از کلان‌شهرها و بدون شرط "
    "برای کارکنان دولت منتقل‌شده، جز در استان تهران",
    reference="DOMAIN.md §4.1 (residence row), §4.8: the easing's date is [U]",
    confidence="S-news",
    date="~1401 (easing; effective date unknown)",
    url="https://en.mokhberan.ir/reducing-the-five-year-residence-requirement-for-some-"
    "housing-applicants/",
)
_LOAN = Source(
    title_en="NHM loan: 550 M toman ceiling; supplementary 400 M (deciles 1-2) and 300 M "
    "toman (deciles 3-4), 15 years at 2 %; 20 years in total",
    title_fa="تسهیلات نهضت ملی: سقف ۵۵۰ میلیون تومان؛ وام مکمل ۴۰۰ (دهک ۱ و ۲) و ۳۰۰ میلیون "
    "تومان (دهک ۳ و ۴)، ۱۵ ساله با سود ۲٪؛ در مجموع ۲۰ سال",
    reference="DOMAIN.md §4.2 (loan row); effective date not recorded: listed from the "
    "program's start as the latest reported terms, for information only",
    confidence="S-news",
    url=_PARTONEWS + "my-persian-details-of-the-governments-assistance-to-the-low-income-"
    "groups-for-the-provision-and-installments-of-the-national-housing-movement",
)
_INTEREST = Source(
    title_en="NHM interest 18 % until further notice; instalments capped at 5 M toman a "
    "month for the first 2 years",
    title_fa="سود ۱۸٪ تا اطلاع ثانوی؛ سقف قسط ۵ میلیون تومان در ماه در ۲ سال نخست",
    reference="DOMAIN.md §4.2 (interest row); effective date not recorded: listed from the "
    "program's start as the latest reported terms, for information only",
    confidence="S-news",
    url=_PARTONEWS + "details-of-the-interest-rate-reduction-of-the-national-housing-"
    "movement-facility",
)

# --- parameters: categories -------------------------------------------------------------

SINGLE_WOMAN_MIN_AGE: Parameter[int] = Parameter(
    code="single_woman_min_age",
    label_en="minimum age of a single woman (full years)",
    label_fa="حداقل سن زن مجرد (سال تمام)",
    unit="years",
    source=_SINGLE_WOMEN,
    history={_START: 35},
)
""""Over 35" read as 35 full years or more (DOMAIN.md glosses it "≥ 35").

>>> from maskan.calendar import jdate
>>> SINGLE_WOMAN_MIN_AGE.resolve(jdate(1404, 9, 4)).value
35
"""

DISABLED_MIN_AGE: Parameter[int] = Parameter(
    code="disabled_min_age",
    label_en="minimum age of a person with a disability (full years; ambiguous source)",
    label_fa="حداقل سن معلول (سال تمام؛ منبع مبهم)",
    unit="years",
    source=_DISABLED,
    history={_START: 20},
)
"""20: "with 20 years of age", likely "20 or more" (DOMAIN.md §4.2, §11.8, ambiguous).

>>> from maskan.calendar import jdate
>>> DISABLED_MIN_AGE.resolve(jdate(1404, 9, 4)).value
20
"""

SINGLE_MEN_ADMITTED: Parameter[bool] = Parameter(
    code="single_men_admitted",
    label_en="single men may register",
    label_fa="مردان مجرد مجاز به ثبت‌نام‌اند",
    unit="yes/no",
    source=_SINGLE_MEN,
    history={_START: False, "1400/10/14": True},
)
"""Not before 1400-10-14, the day their registration window opened.

>>> from maskan.calendar import jdate
>>> [SINGLE_MEN_ADMITTED.resolve(jdate(1400, 10, day)).value for day in (13, 14)]
[False, True]
"""

SINGLE_MAN_MIN_AGE: Parameter[int] = Parameter(
    code="single_man_min_age",
    label_en="minimum age of a single man (full years)",
    label_fa="حداقل سن مرد مجرد (سال تمام)",
    unit="years",
    source=_SINGLE_MEN,
    history={"1400/10/14": 23},
)
"""23 full years.

>>> from maskan.calendar import jdate
>>> minimum = SINGLE_MAN_MIN_AGE.resolve(jdate(1404, 9, 4))
>>> minimum.value, minimum.effective_from == jdate(1400, 10, 14)
(23, True)
"""

SINGLE_MAN_MAX_AGE: Parameter[int] = Parameter(
    code="single_man_max_age",
    label_en="maximum age of a single man (full years)",
    label_fa="حداکثر سن مرد مجرد (سال تمام)",
    unit="years",
    source=_SINGLE_MEN,
    history={"1400/10/14": 44},
)
"""44 full years: a man of 44 years and some months qualifies, at 45 he does not.

>>> from maskan.calendar import jdate
>>> SINGLE_MAN_MAX_AGE.resolve(jdate(1404, 9, 4)).value
44
"""

# --- parameters: residence --------------------------------------------------------------

RESIDENCE_YEARS: Parameter[int] = Parameter(
    code="residence_years",
    label_en="years of residence in the city applied for",
    label_fa="سال‌های سکونت در شهر محل تقاضا",
    unit="years",
    source=_RESIDENCE,
    history={_START: 5},
)
"""5 full years (DOMAIN.md §4.1, §4.2).

>>> from maskan.calendar import jdate
>>> RESIDENCE_YEARS.resolve(jdate(1404, 9, 4)).value
5
"""

MOVER_RESIDENCE_YEARS: Parameter[int] = Parameter(
    code="mover_residence_years",
    label_en="years of residence for a mover from a metropolis (outside Tehran province, "
    "once the easing is in force)",
    label_fa="سال‌های سکونت برای مهاجر از کلان‌شهر (خارج از استان تهران، پس از اجرای تسهیل)",
    unit="years",
    source=_RESIDENCE,
    history={_START: 1},
)
"""1 year. *When* it applies is :data:`RESIDENCE_EASING`, which the caller sets.

>>> from maskan.calendar import jdate
>>> MOVER_RESIDENCE_YEARS.resolve(jdate(1404, 9, 4)).value
1
"""

RESIDENCE_EASING: Parameter[datetime.date | RuleChange] = Parameter(
    code="residence_easing",
    label_en="the date the residence easing (1 year for metropolis movers, transferred "
    "employees exempt) took effect, or in_force / not_in_force / undecided",
    label_fa="تاریخ اجرای تسهیل سکونت (۱ سال برای مهاجران کلان‌شهر، معافیت کارکنان منتقل‌شده)، "
    "یا in_force / not_in_force / undecided",
    unit="date or option",
    source=_RESIDENCE,
)
"""Caller-set, no default: DOMAIN.md dates the easing "~1401" [U]. A date, or a
:class:`~maskan.eligibility.programs.without_housing.RuleChange`.

>>> RESIDENCE_EASING.caller_set
True
>>> PROGRAM.with_values(residence_easing="1401/03/01").missing_values()
('five_year_lookback',)
"""

# --- parameters: loan terms (informational) ---------------------------------------------

LOAN_CEILING: Parameter[Rial] = Parameter(
    code="loan_ceiling",
    label_en="loan ceiling, all cities",
    label_fa="سقف تسهیلات در همه‌ی شهرها",
    unit="rial",
    source=_LOAN,
    history={_START: Rial.from_toman(550_000_000)},
)
"""550 M toman.

>>> from maskan.calendar import jdate
>>> LOAN_CEILING.resolve(jdate(1404, 9, 4)).value
Rial(5500000000)
"""

SUPPLEMENTARY_LOAN_DECILES_1_2: Parameter[Rial] = Parameter(
    code="supplementary_loan_deciles_1_2",
    label_en="supplementary loan for the initial deposit, income deciles 1-2",
    label_fa="وام مکمل آورده‌ی اولیه، دهک‌های ۱ و ۲",
    unit="rial",
    source=_LOAN,
    history={_START: Rial.from_toman(400_000_000)},
)
"""400 M toman.

>>> from maskan.calendar import jdate
>>> SUPPLEMENTARY_LOAN_DECILES_1_2.resolve(jdate(1404, 9, 4)).value
Rial(4000000000)
"""

SUPPLEMENTARY_LOAN_DECILES_3_4: Parameter[Rial] = Parameter(
    code="supplementary_loan_deciles_3_4",
    label_en="supplementary loan for the initial deposit, income deciles 3-4",
    label_fa="وام مکمل آورده‌ی اولیه، دهک‌های ۳ و ۴",
    unit="rial",
    source=_LOAN,
    history={_START: Rial.from_toman(300_000_000)},
)
"""300 M toman.

>>> from maskan.calendar import jdate
>>> SUPPLEMENTARY_LOAN_DECILES_3_4.resolve(jdate(1404, 9, 4)).value
Rial(3000000000)
"""

SUPPLEMENTARY_LOAN_YEARS: Parameter[int] = Parameter(
    code="supplementary_loan_years",
    label_en="supplementary loan term",
    label_fa="مدت بازپرداخت وام مکمل",
    unit="years",
    source=_LOAN,
    history={_START: 15},
)
"""15 years.

>>> from maskan.calendar import jdate
>>> SUPPLEMENTARY_LOAN_YEARS.resolve(jdate(1404, 9, 4)).value
15
"""

SUPPLEMENTARY_LOAN_RATE: Parameter[Decimal] = Parameter(
    code="supplementary_loan_rate",
    label_en="supplementary loan interest rate",
    label_fa="نرخ سود وام مکمل",
    unit="percent",
    source=_LOAN,
    history={_START: Decimal(2)},
)
"""2 %.

>>> from maskan.calendar import jdate
>>> SUPPLEMENTARY_LOAN_RATE.resolve(jdate(1404, 9, 4)).value
Decimal('2')
"""

REPAYMENT_YEARS: Parameter[int] = Parameter(
    code="repayment_years",
    label_en="repayment period, civil partnership and instalment sale together",
    label_fa="مدت بازپرداخت، مشارکت مدنی و فروش اقساطی روی هم",
    unit="years",
    source=_LOAN,
    history={_START: 20},
)
"""20 years.

>>> from maskan.calendar import jdate
>>> REPAYMENT_YEARS.resolve(jdate(1404, 9, 4)).value
20
"""

INTEREST_RATE: Parameter[Decimal] = Parameter(
    code="interest_rate",
    label_en="loan interest rate (until further notice)",
    label_fa="نرخ سود تسهیلات (تا اطلاع ثانوی)",
    unit="percent",
    source=_INTEREST,
    history={_START: Decimal(18)},
)
"""18 %.

>>> from maskan.calendar import jdate
>>> INTEREST_RATE.resolve(jdate(1404, 9, 4)).value
Decimal('18')
"""

INSTALMENT_CAP: Parameter[Rial] = Parameter(
    code="instalment_cap",
    label_en="monthly instalment cap in the first years",
    label_fa="سقف قسط ماهانه در سال‌های نخست",
    unit="rial per month",
    source=_INTEREST,
    history={_START: Rial.from_toman(5_000_000)},
)
"""5 M toman a month.

>>> from maskan.calendar import jdate
>>> str(INSTALMENT_CAP.resolve(jdate(1404, 9, 4)).value)
'50,000,000 IRR'
"""

INSTALMENT_CAP_YEARS: Parameter[int] = Parameter(
    code="instalment_cap_years",
    label_en="years the instalment cap applies",
    label_fa="سال‌های اعمال سقف قسط",
    unit="years",
    source=_INTEREST,
    history={_START: 2},
)
"""The first 2 years; the instalments are stepped after them.

>>> from maskan.calendar import jdate
>>> INSTALMENT_CAP_YEARS.resolve(jdate(1404, 9, 4)).value
2
"""

TARGET_INCOME_DECILES: Parameter[tuple[int, ...]] = Parameter(
    code="target_income_deciles",
    label_en="target population: income deciles (not a condition)",
    label_fa="جامعه‌ی هدف: دهک‌های درآمدی (شرط نیست)",
    unit="deciles",
    source=_CORE,
    history={_START: (1, 2, 3)},
)
"""Deciles 1-3: whom the program aims at, not a condition of registration.

>>> from maskan.calendar import jdate
>>> TARGET_INCOME_DECILES.resolve(jdate(1404, 9, 4)).value
(1, 2, 3)
"""

LOAN_PARAMETERS: tuple[Parameter[Any], ...] = (
    LOAN_CEILING,
    SUPPLEMENTARY_LOAN_DECILES_1_2,
    SUPPLEMENTARY_LOAN_DECILES_3_4,
    SUPPLEMENTARY_LOAN_YEARS,
    SUPPLEMENTARY_LOAN_RATE,
    REPAYMENT_YEARS,
    INTEREST_RATE,
    INSTALMENT_CAP,
    INSTALMENT_CAP_YEARS,
    TARGET_INCOME_DECILES,
)
"""The informational parameters of :data:`LOAN_TERMS`, in DOMAIN.md's order.

>>> [parameter.code for parameter in LOAN_PARAMETERS][:2]
['loan_ceiling', 'supplementary_loan_deciles_1_2']
>>> LOAN_TERMS.all_parameters() == LOAN_PARAMETERS
True
"""

# --- reasons ----------------------------------------------------------------------------


def _reason(name: str, en: str, fa: str) -> str:
    return register(f"national_housing_movement.{name}", en=en, fa=fa)


MARRIED_HEAD_OF_HOUSEHOLD = _reason(
    "married_head_of_household", "a married head of household", "سرپرست خانوار متأهل"
)
NOT_MARRIED = _reason("not_married", "not married ({observed})", "متأهل نیست ({observed})")
NOT_HEAD_OF_HOUSEHOLD = _reason(
    "not_head_of_household", "not the head of the household", "سرپرست خانوار نیست"
)
NOT_A_WOMAN = _reason("not_a_woman", "not a woman ({observed})", "زن نیست ({observed})")
NOT_A_MAN = _reason("not_a_man", "not a man ({observed})", "مرد نیست ({observed})")
NOT_SINGLE = _reason("not_single", "married, not single", "متأهل است، نه مجرد")
SINGLE_WOMAN_OF_AGE = _reason(
    "single_woman_of_age",
    "a single woman of {observed} (at least {required})",
    "زن مجرد {observed} ساله (دست‌کم {required} سال)",
)
SINGLE_WOMAN_UNDER_AGE = _reason(
    "single_woman_under_age",
    "a single woman of {observed}, under {required}",
    "زن مجرد {observed} ساله، کمتر از {required} سال",
)
CUSTODIAL_PARENT_REASON = _reason(
    "custodial_parent",
    "a {observed} head of household with custody of the children",
    "سرپرست خانوار {observed} دارای حضانت فرزند",
)
NOT_DIVORCED_OR_WIDOWED = _reason(
    "not_divorced_or_widowed",
    "neither divorced nor widowed ({observed})",
    "نه مطلقه است و نه همسرفوت‌شده ({observed})",
)
NO_CUSTODY = _reason("no_custody", "does not have custody of children", "حضانت فرزند را ندارد")
DISABLED_OF_AGE = _reason(
    "disabled_of_age",
    "a person with a disability, {observed} years old (at least {required})",
    "معلول {observed} ساله (دست‌کم {required} سال)",
)
DISABLED_UNDER_AGE = _reason(
    "disabled_under_age",
    "a person with a disability, {observed} years old, under {required}",
    "معلول {observed} ساله، کمتر از {required} سال",
)
NOT_DISABLED = _reason("not_disabled", "no recorded disability", "معلولیت ثبت‌شده ندارد")
SINGLE_MAN_OF_AGE = _reason(
    "single_man_of_age",
    "a single man of {observed}, within the age range ({required})",
    "مرد مجرد {observed} ساله، در محدوده‌ی سنی ({required})",
)
SINGLE_MAN_UNDER_AGE = _reason(
    "single_man_under_age",
    "a single man of {observed}, under {required}",
    "مرد مجرد {observed} ساله، کمتر از {required} سال",
)
SINGLE_MAN_OVER_AGE = _reason(
    "single_man_over_age",
    "a single man of {observed}, over {required}",
    "مرد مجرد {observed} ساله، بیشتر از {required} سال",
)
SINGLE_MEN_NOT_YET_ADMITTED = _reason(
    "single_men_not_yet_admitted",
    "single men may not register on this date",
    "مردان مجرد در این تاریخ مجاز به ثبت‌نام نیستند",
)
RESIDENT_LONG_ENOUGH = _reason(
    "resident_long_enough",
    "{observed} full years of residence in the city applied for (at least {required})",
    "{observed} سال تمام سکونت در شهر محل تقاضا (دست‌کم {required} سال)",
)
TRANSFERRED_EMPLOYEE_EXEMPT = _reason(
    "transferred_employee_exempt",
    "a transferred government employee: residence history is not a criterion",
    "کارمند دولت منتقل‌شده: سابقه‌ی سکونت ملاک نیست",
)
RESIDENCE_TOO_SHORT = _reason(
    "residence_too_short",
    "{observed} full years of residence in the city applied for, under {required}",
    "{observed} سال تمام سکونت در شهر محل تقاضا، کمتر از {required} سال",
)
NOT_RESIDENT = _reason(
    "not_resident",
    "lives in {observed}, not in {required}, the city applied for",
    "ساکن {observed} است، نه {required} که شهر محل تقاضاست",
)
LOAN_TERMS_INFO = _reason(
    "loan_terms",
    "the loan ceiling, the supplementary loans and the interest rate are listed with the "
    "program's parameters",
    "سقف تسهیلات، وام‌های مکمل و نرخ سود در پارامترهای برنامه آمده است",
)

# --- facts that may be unknown, in English and Persian ---------------------------------

_BIRTH_DATE = ("birth date", "تاریخ تولد")
_MARITAL_STATUS = ("marital status", "وضعیت تأهل")
_HEAD = ("head of household", "سرپرستی خانوار")
_GENDER = ("gender", "جنسیت")
_CUSTODY_FACT = ("custody of children", "حضانت فرزند")
_DISABILITY = ("disability", "معلولیت")
_CITY = ("city applied for", "شهر محل تقاضا")
_RESIDENCES = ("residence history", "سابقه‌ی سکونت")

# --- household categories ---------------------------------------------------------------

_PASSED, _FAILED = Outcome.PASSED, Outcome.FAILED


def _at_least(
    case: Case, rule: Rule, parameter: Parameter[int], passed: str, failed: str
) -> Finding:
    """The age condition of a category: full years on ``case.on``; when too young, the
    birthday it is reached (``add_years`` clamps Esfand 30)."""
    born = case.person.birth_date
    if born is None:
        return rule.unknown(*_BIRTH_DATE)
    minimum = case.resolve(parameter)
    age = full_years(born, case.on)
    if age >= minimum.value:
        return rule.passed(
            passed,
            observed=age,
            required=minimum.value,
            parameter=parameter.code,
            effective_from=minimum.effective_from,
        )
    return rule.failed(
        failed,
        eligible_from=add_years(born, minimum.value),
        observed=age,
        required=minimum.value,
        parameter=parameter.code,
        effective_from=minimum.effective_from,
    )


def _check_married_head(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    status, head = person.marital_status, person.head_of_household
    if status is not None and status is not MaritalStatus.MARRIED:
        return constant_finding(rule, _FAILED, NOT_MARRIED, status)
    if head is False:
        return constant_finding(rule, _FAILED, NOT_HEAD_OF_HOUSEHOLD)
    if status is None:
        return rule.unknown(*_MARITAL_STATUS)
    if head is None:
        return rule.unknown(*_HEAD)
    return constant_finding(rule, _PASSED, MARRIED_HEAD_OF_HOUSEHOLD, status)


def _check_single_woman(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    gender, status = person.gender, person.marital_status
    if gender is Gender.MALE:
        return constant_finding(rule, _FAILED, NOT_A_WOMAN, gender)
    if status is MaritalStatus.MARRIED:
        return constant_finding(rule, _FAILED, NOT_SINGLE, status)
    if gender is None:
        return rule.unknown(*_GENDER)
    if status is None:
        return rule.unknown(*_MARITAL_STATUS)
    return _at_least(case, rule, SINGLE_WOMAN_MIN_AGE, SINGLE_WOMAN_OF_AGE, SINGLE_WOMAN_UNDER_AGE)


_ALONE = (MaritalStatus.DIVORCED, MaritalStatus.WIDOWED)


def _check_custodial_parent(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    status, custody, head = person.marital_status, person.child_custody, person.head_of_household
    if status is not None and status not in _ALONE:
        return constant_finding(rule, _FAILED, NOT_DIVORCED_OR_WIDOWED, status)
    if custody is False:
        return constant_finding(rule, _FAILED, NO_CUSTODY)
    if head is False:
        return constant_finding(rule, _FAILED, NOT_HEAD_OF_HOUSEHOLD)
    if status is None:
        return rule.unknown(*_MARITAL_STATUS)
    if custody is None:
        return rule.unknown(*_CUSTODY_FACT)
    if head is None:
        return rule.unknown(*_HEAD)
    return constant_finding(rule, _PASSED, CUSTODIAL_PARENT_REASON, status)


def _check_disabled(case: Case, rule: Rule) -> Finding:
    disabled = case.person.disabled
    if disabled is False:
        return constant_finding(rule, _FAILED, NOT_DISABLED)
    if disabled is None:
        return rule.unknown(*_DISABILITY)
    return _at_least(case, rule, DISABLED_MIN_AGE, DISABLED_OF_AGE, DISABLED_UNDER_AGE)


def _next_admission(case: Case, admitted: Resolved[bool]) -> datetime.date | None:
    """The first boundary after ``case.on`` from which single men are admitted."""
    if admitted.supplied:
        return None
    for boundary, value in SINGLE_MEN_ADMITTED.history:
        if boundary > case.on and value:
            return boundary
    return None


def _check_single_man(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    gender, status, born = person.gender, person.marital_status, person.birth_date
    if gender is Gender.FEMALE:
        return constant_finding(rule, _FAILED, NOT_A_MAN, gender)
    if status is MaritalStatus.MARRIED:
        return constant_finding(rule, _FAILED, NOT_SINGLE, status)
    on = case.on
    admitted = case.resolve(SINGLE_MEN_ADMITTED)
    # The age limits start with the window: before it, judge by their first values.
    day = max(on, SINGLE_MAN_MIN_AGE.history[0][0])
    minimum = SINGLE_MAN_MIN_AGE.resolve(day, case.values)
    maximum = SINGLE_MAN_MAX_AGE.resolve(day, case.values)
    age = None if born is None else full_years(born, on)
    limits = {"parameter": SINGLE_MAN_MIN_AGE.code, "effective_from": minimum.effective_from}
    if age is not None and age > maximum.value:
        return rule.failed(
            SINGLE_MAN_OVER_AGE,
            observed=age,
            required=maximum.value,
            parameter=SINGLE_MAN_MAX_AGE.code,
            effective_from=maximum.effective_from,
        )
    if gender is None:
        return rule.unknown(*_GENDER)
    if status is None:
        return rule.unknown(*_MARITAL_STATUS)
    if age is None or born is None:
        return rule.unknown(*_BIRTH_DATE)
    old_enough = add_years(born, minimum.value)
    if not admitted.value:
        opens = _next_admission(case, admitted)
        later = None if opens is None else max(opens, old_enough)
        return rule.failed(
            SINGLE_MEN_NOT_YET_ADMITTED,
            observed=age,
            required=minimum.value,
            eligible_from=later,
            parameter=SINGLE_MEN_ADMITTED.code,
            effective_from=admitted.effective_from,
        )
    if age < minimum.value:
        return rule.failed(
            SINGLE_MAN_UNDER_AGE,
            observed=age,
            required=minimum.value,
            eligible_from=old_enough,
            **limits,
        )
    return rule.passed(
        SINGLE_MAN_OF_AGE, observed=age, required=(minimum.value, maximum.value), **limits
    )


# --- the household categories in columns (maskan.eligibility.batch) --------------------


def _age_columns(frame: Frame) -> Array:
    """Full years from the birth date to each row's date (0 where not computable)."""

    def make() -> Array:
        import numpy as np

        born, on = frame.date("birth_date"), frame.today
        valid = (born > 0) & (born <= on)
        return frame.years(np.where(valid, born, on), on)

    return frame.memo("age", make)  # type: ignore[no-any-return]


def _at_least_columns(frame: Frame, decide: Decide, parameter: Parameter[int], failed: str) -> None:
    """:func:`_at_least` on columns, for the rows ``decide`` still has open."""
    born = frame.date("birth_date")
    decide.unknown(born == 0)
    minimum, early = frame.resolve(parameter)
    decide.defer(early | (born > frame.today))
    decide.passed(_age_columns(frame) >= minimum)
    dates = frame.add_years(born, minimum, where=decide.open & (born > 0))
    decide.failed(born > 0, failed, dates)


def _married_head_columns(frame: Frame, rule: Rule) -> Leaf:
    status, head = frame.choice("marital_status"), frame.flag("head_of_household")
    decide = frame.decide(rule)
    decide.failed((status >= 0) & (status != frame.code(MaritalStatus.MARRIED)), NOT_MARRIED)
    decide.failed(head == 0, NOT_HEAD_OF_HOUSEHOLD)
    decide.unknown(status < 0)
    decide.unknown(head < 0)
    decide.passed_rest()
    return decide.leaf()


def _single_woman_columns(frame: Frame, rule: Rule) -> Leaf:
    gender, status = frame.choice("gender"), frame.choice("marital_status")
    decide = frame.decide(rule)
    decide.failed(gender == frame.code(Gender.MALE), NOT_A_WOMAN)
    decide.failed(status == frame.code(MaritalStatus.MARRIED), NOT_SINGLE)
    decide.unknown(gender < 0)
    decide.unknown(status < 0)
    _at_least_columns(frame, decide, SINGLE_WOMAN_MIN_AGE, SINGLE_WOMAN_UNDER_AGE)
    return decide.leaf()


def _custodial_parent_columns(frame: Frame, rule: Rule) -> Leaf:
    status, custody = frame.choice("marital_status"), frame.flag("child_custody")
    head = frame.flag("head_of_household")
    alone = (status == frame.code(MaritalStatus.DIVORCED)) | (
        status == frame.code(MaritalStatus.WIDOWED)
    )
    decide = frame.decide(rule)
    decide.failed((status >= 0) & ~alone, NOT_DIVORCED_OR_WIDOWED)
    decide.failed(custody == 0, NO_CUSTODY)
    decide.failed(head == 0, NOT_HEAD_OF_HOUSEHOLD)
    decide.unknown(status < 0)
    decide.unknown(custody < 0)
    decide.unknown(head < 0)
    decide.passed_rest()
    return decide.leaf()


def _disabled_columns(frame: Frame, rule: Rule) -> Leaf:
    disabled = frame.flag("disabled")
    decide = frame.decide(rule)
    decide.failed(disabled == 0, NOT_DISABLED)
    decide.unknown(disabled < 0)
    _at_least_columns(frame, decide, DISABLED_MIN_AGE, DISABLED_UNDER_AGE)
    return decide.leaf()


def _single_man_columns(frame: Frame, rule: Rule) -> Leaf:
    import numpy as np

    gender, status, born = (
        frame.choice("gender"),
        frame.choice("marital_status"),
        frame.date("birth_date"),
    )
    on = frame.today
    decide = frame.decide(rule)
    decide.failed(gender == frame.code(Gender.FEMALE), NOT_A_MAN)
    decide.failed(status == frame.code(MaritalStatus.MARRIED), NOT_SINGLE)
    admitted, early = frame.resolve(SINGLE_MEN_ADMITTED)
    decide.defer(early | (born > on))
    day = np.maximum(on, SINGLE_MAN_MIN_AGE.history[0][0].toordinal())
    minimum, _ = frame.resolve_on(SINGLE_MAN_MIN_AGE, day)
    maximum, _ = frame.resolve_on(SINGLE_MAN_MAX_AGE, day)
    age = _age_columns(frame)
    decide.failed((born > 0) & (age > maximum), SINGLE_MAN_OVER_AGE)
    decide.unknown(gender < 0)
    decide.unknown(status < 0)
    decide.unknown(born == 0)
    old_enough = frame.add_years(born, minimum, where=decide.open)
    opens = np.zeros(frame.size, np.int32)
    if SINGLE_MEN_ADMITTED.code not in frame.values:
        for boundary, value in reversed(SINGLE_MEN_ADMITTED.history):
            if value:
                opens = np.where(boundary.toordinal() > on, boundary.toordinal(), opens)
    later = np.where(opens > 0, np.maximum(opens, old_enough), 0)
    decide.failed(~admitted.astype(bool), SINGLE_MEN_NOT_YET_ADMITTED, later)
    decide.failed(age < minimum, SINGLE_MAN_UNDER_AGE, old_enough)
    decide.passed_rest()
    return decide.leaf()


MARRIED_HEAD = Rule(
    code="national_housing_movement.married_head_of_household",
    title_en="Married head of household",
    title_fa="سرپرست خانوار متأهل",
    source=_CORE,
    check=_check_married_head,
    columns=InColumns(
        reads=("marital_status", "head_of_household"),
        failures=(NOT_MARRIED, NOT_HEAD_OF_HOUSEHOLD),
        check=_married_head_columns,
    ),
)
"""Married and head of the household (``Person.head_of_household``, as the caller states
it). No age limit.

>>> from maskan.calendar import jdate
>>> ali = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
...              marital_status="married", head_of_household=True)
>>> MARRIED_HEAD(Case(person=ali, on=jdate(1404, 9, 4))).message("en")
'a married head of household'
"""

SINGLE_WOMAN = Rule(
    code="national_housing_movement.single_woman",
    title_en="Single woman of 35 or more",
    title_fa="زن مجرد ۳۵ سال به بالا",
    source=_SINGLE_WOMEN,
    check=_check_single_woman,
    parameters=(SINGLE_WOMAN_MIN_AGE,),
    columns=InColumns(
        reads=("gender", "marital_status", "birth_date"),
        failures=(NOT_A_WOMAN, NOT_SINGLE, SINGLE_WOMAN_UNDER_AGE),
        check=_single_woman_columns,
    ),
)
"""A woman not married (single, divorced or widowed) of :data:`SINGLE_WOMAN_MIN_AGE` full
years; ``eligible_from`` is that birthday.

>>> from maskan.calendar import jdate
>>> sara = Person(national_id="0499370899", first_name="سارا", last_name="احمدی",
...               gender="female", marital_status="single", birth_date="1371/02/10")
>>> finding = SINGLE_WOMAN(Case(person=sara, on=jdate(1404, 9, 4)))
>>> finding.message("en"), finding.eligible_from == jdate(1406, 2, 10)
('a single woman of 33, under 35', True)
"""

CUSTODIAL_PARENT = Rule(
    code="national_housing_movement.custodial_parent",
    title_en="Divorced or widowed head of household with custody",
    title_fa="سرپرست خانوار مطلقه یا همسرفوت‌شده‌ی دارای حضانت",
    source=_CUSTODY,
    check=_check_custodial_parent,
    columns=InColumns(
        reads=("marital_status", "child_custody", "head_of_household"),
        failures=(NOT_DIVORCED_OR_WIDOWED, NO_CUSTODY, NOT_HEAD_OF_HOUSEHOLD),
        check=_custodial_parent_columns,
    ),
)
"""Divorced or widowed, with custody of children, head of the household; any age.

>>> from maskan.calendar import jdate
>>> mina = Person(national_id="0499370899", first_name="مینا", last_name="رضایی",
...               marital_status="divorced", child_custody=True, head_of_household=True)
>>> finding = CUSTODIAL_PARENT(Case(person=mina, on=jdate(1404, 9, 4)))
>>> finding.outcome.value, finding.reason
('passed', 'national_housing_movement.custodial_parent')
"""

DISABLED = Rule(
    code="national_housing_movement.disabled",
    title_en="Person with a disability of the documented age",
    title_fa="معلول با سن مقرر",
    source=_DISABLED,
    check=_check_disabled,
    parameters=(DISABLED_MIN_AGE,),
    columns=InColumns(
        reads=("disabled", "birth_date"),
        failures=(NOT_DISABLED, DISABLED_UNDER_AGE),
        check=_disabled_columns,
    ),
)
"""A person with a disability of :data:`DISABLED_MIN_AGE` full years (20, ambiguous).

>>> from maskan.calendar import jdate
>>> amir = Person(national_id="0499370899", first_name="امیر", last_name="رضایی",
...               disabled=True, birth_date="1385/01/01")
>>> DISABLED(Case(person=amir, on=jdate(1404, 9, 4))).message("en")
'a person with a disability, 19 years old, under 20'
"""

SINGLE_MAN = Rule(
    code="national_housing_movement.single_man",
    title_en="Single man aged 23 to 44, from 1400-10-14",
    title_fa="مرد مجرد ۲۳ تا ۴۴ ساله، از ۱۴ دی ۱۴۰۰",
    source=_SINGLE_MEN,
    check=_check_single_man,
    parameters=(SINGLE_MEN_ADMITTED, SINGLE_MAN_MIN_AGE, SINGLE_MAN_MAX_AGE),
    columns=InColumns(
        reads=("gender", "marital_status", "birth_date"),
        failures=(
            NOT_A_MAN,
            NOT_SINGLE,
            SINGLE_MAN_OVER_AGE,
            SINGLE_MEN_NOT_YET_ADMITTED,
            SINGLE_MAN_UNDER_AGE,
        ),
        check=_single_man_columns,
    ),
)
"""A man not married, 23 to 44 full years old, on or after 1400-10-14. Before that day
``eligible_from`` is 1400-10-14 (or his 23rd birthday, if later); over 44 time cannot
help.

>>> from maskan.calendar import jdate
>>> reza = Person(national_id="0499370899", first_name="رضا", last_name="کریمی",
...               gender="male", marital_status="single", birth_date="1378/05/01")
>>> finding = SINGLE_MAN(Case(person=reza, on=jdate(1400, 9, 1)))
>>> finding.reason, finding.eligible_from == jdate(1401, 5, 1)  # his 23rd birthday
('national_housing_movement.single_men_not_yet_admitted', True)
"""

HOUSEHOLD = any_of(
    "national_housing_movement.household",
    MARRIED_HEAD,
    SINGLE_WOMAN,
    CUSTODIAL_PARENT,
    DISABLED,
    SINGLE_MAN,
    title_en="Household category",
    title_fa="گروه خانوار",
    source=_CATEGORIES,
)
"""Any one of the five categories; the finding's ``held`` names the one that held.

>>> from maskan.calendar import jdate
>>> ali = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
...              marital_status="married", head_of_household=True)
>>> HOUSEHOLD(Case(person=ali, on=jdate(1404, 9, 4))).held
'national_housing_movement.married_head_of_household'
"""

# --- residence --------------------------------------------------------------------------

_TEHRAN = Province.lookup("IR-23")


@functools.lru_cache(maxsize=1024)
def _city(name: object) -> str:
    city = normalize(name) if isinstance(name, str) else ""
    if not city:
        raise RuleError(
            f"city: {describe(name)} is not a city name",
            message_fa=f"city: مقدار {describe(name)} نام شهر نیست",
            code="invalid_context",
            field="city",
            value=name,
        )
    return city


@functools.lru_cache(maxsize=64)
def _province(name: object) -> Province:
    try:
        return Province.lookup(name)  # type: ignore[arg-type]
    except MaskanError as error:
        raise RuleError(
            f"province: {error.message}",
            message_fa=f"province: {error.message_fa}",
            code="invalid_context",
            field="province",
            value=name,
        ) from None


_MOVER_FACT = ("whether the person moved to the city from a metropolis", "مهاجرت از کلان‌شهر")
_TRANSFERRED_FACT = (
    "whether the person came as a transferred government employee",
    "انتقال به‌عنوان کارمند دولت",
)
_PROVINCE_FACT = ("province of the city applied for", "استان شهر محل تقاضا")
_EASING_FACT = (
    "which residence rule applies (residence_easing is undecided)",
    "قاعده‌ی سکونت (residence_easing تعیین نشده است)",
)


def _check_residence(case: Case, rule: Rule) -> Finding:
    person: Person = case.person
    raw = case.context.get("city")
    if raw is None:
        return rule.unknown(*_CITY)
    city = _city(raw)
    residences = person.residences
    if residences is None:
        return rule.unknown(*_RESIDENCES)
    on = case.on
    current: Residence | None = None
    arrival: Residence | None = None
    province: Province | None = None
    for residence in reversed(residences):
        if residence.since > on:
            continue
        if current is None:
            current = residence
        if residence.city != city:
            break
        arrival = residence
        if province is None:
            province = residence.province
    if arrival is None:
        if current is None and residences:
            return rule.unknown(*_RESIDENCES)  # it starts after the evaluation date
        return rule.failed(
            NOT_RESIDENT, observed=None if current is None else current.city, required=city
        )
    years = full_years(arrival.since, on)
    required = case.resolve(RESIDENCE_YEARS)
    if years >= required.value:
        return _long_enough(rule, years, required)
    given = case.context.get("province")
    if given is not None:
        province = _province(given)
    return _short_stay(case, rule, years, arrival, province, required)


# Passed residence findings: they depend on the years of residence and the requirement
# alone, so people with the same count share one. By (id(rule), years, id(requirement));
# the entry keeps the rule and the requirement, so that neither id is reused meanwhile.
_LONG_ENOUGH: dict[tuple[int, int, int], tuple[Rule, Resolved[int], Finding]] = {}


def _long_enough(rule: Rule, years: int, required: Resolved[int]) -> Finding:
    key = (id(rule), years, id(required))
    cached = _LONG_ENOUGH.get(key)
    if cached is not None and cached[0] is rule and cached[1] is required:
        return cached[2]
    if len(_LONG_ENOUGH) >= 4096:
        _LONG_ENOUGH.clear()
    finding = rule.passed(
        RESIDENT_LONG_ENOUGH,
        observed=years,
        required=required.value,
        parameter=RESIDENCE_YEARS.code,
        effective_from=required.effective_from,
    )
    _LONG_ENOUGH[key] = (rule, required, finding)
    return finding


def _short_stay(
    case: Case,
    rule: Rule,
    years: int,
    arrival: Residence,
    province: Province | None,
    five: Resolved[int],
) -> Finding:
    """Fewer than 5 years in the city: the easing may lower the requirement to 1 year for
    a mover from a metropolis, or lift it for a transferred government employee, outside
    Tehran province. Unknown facts are tried both ways; the finding is unknown only when
    the answer depends on them."""
    in_force, change = change_in_force(case, RESIDENCE_EASING)
    one = case.resolve(MOVER_RESIDENCE_YEARS)
    on, start = case.on, arrival.since
    pending = change if change is not None and change > on else None
    facts = (
        (_EASING_FACT, in_force),
        (_TRANSFERRED_FACT, arrival.transferred_employee),
        (_MOVER_FACT, arrival.from_metropolis),
        (_PROVINCE_FACT, None if province is None else province == _TEHRAN),
    )

    def world(easing: bool, transferred: bool, mover: bool, tehran: bool) -> tuple[Any, ...]:
        """(passed, exempt, required, eligible_from) if these facts were true."""
        if easing and transferred and not tehran:
            return True, True, None, None
        reduced = easing and mover and not tehran
        needed = one.value if reduced else five.value
        if years >= needed:
            return True, False, needed, None
        dates = [add_years(start, five.value)]
        if reduced:
            dates.append(add_years(start, one.value))
        elif pending is not None and not tehran:
            # The easing arrives on its date: it frees a transferred employee that day and
            # a mover on the later of that day and his first year.
            if transferred:
                dates.append(pending)
            if mover:
                dates.append(max(pending, add_years(start, one.value)))
        return False, False, needed, min(dates)

    choices = [(value,) if value is not None else (True, False) for _, value in facts]
    worlds = {combo: world(*combo) for combo in itertools.product(*choices)}
    outcomes = {result[0] for result in worlds.values()}
    if outcomes == {True}:
        needs = [result[2] for result in worlds.values() if not result[1]]
        if not needs:
            return rule.passed(TRANSFERRED_EMPLOYEE_EXEMPT, observed=years)
        needed = max(needs)
        return rule.passed(
            RESIDENT_LONG_ENOUGH,
            observed=years,
            required=needed,
            parameter=(MOVER_RESIDENCE_YEARS if needed == one.value else RESIDENCE_YEARS).code,
        )
    if outcomes == {False}:
        needed = max(result[2] for result in worlds.values())
        dates = {result[3] for result in worlds.values()}
        return rule.failed(
            RESIDENCE_TOO_SHORT,
            observed=years,
            required=needed,
            parameter=RESIDENCE_YEARS.code if needed == five.value else MOVER_RESIDENCE_YEARS.code,
            effective_from=five.effective_from if needed == five.value else change,
            eligible_from=dates.pop() if len(dates) == 1 else None,
        )
    # The answer turns on an unknown: name the first one that flips it.
    for index, (fact, value) in enumerate(facts):
        if value is not None:
            continue
        for combo, result in worlds.items():
            other = (*combo[:index], not combo[index], *combo[index + 1 :])
            if worlds[other][0] != result[0]:
                return rule.unknown(*fact, observed=years)
    raise AssertionError("unreachable: the outcomes differ, so some unknown flips them")


def _residence_columns(frame: Frame, rule: Rule) -> Leaf:
    """:func:`_check_residence` and :func:`_short_stay` on columns."""
    import numpy as np

    decide = frame.decide(rule)
    raw = frame.context.get("city")
    everyone = np.ones(frame.size, bool)
    if raw is None:
        decide.unknown(everyone)
        return decide.leaf()
    city = _city(raw)
    count, on = frame.count("residences"), frame.today
    decide.unknown(count < 0)
    stopped = np.zeros(frame.size, bool)
    seen = np.zeros(frame.size, bool)
    arrival = np.zeros(frame.size, np.int32)
    mover = np.full(frame.size, -1, np.int8)
    transferred = np.full(frame.size, -1, np.int8)
    province = np.full(frame.size, -1, np.int32)
    for slot in reversed(range(1, frame.slots("residences") + 1)):
        labels = frame.slot_labels("residences", slot, "city")
        target = labels.index(city) if city in labels else -2
        since = frame.slot("residences", slot, "since")
        live = (count >= slot) & ~stopped & (since <= on)
        seen |= live
        here = live & (frame.slot("residences", slot, "city") == target)
        stopped |= live & ~here
        # x -= (x - y) * mask: y where mask holds, without a branch per row
        arrival -= (arrival - since) * here
        mover -= (mover - frame.slot("residences", slot, "from_metropolis")) * here
        transferred -= (transferred - frame.slot("residences", slot, "transferred_employee")) * here
        recorded = frame.slot("residences", slot, "province")
        province -= (province - recorded) * (here & (province < 0) & (recorded >= 0))
    found = arrival > 0
    decide.unknown(~found & ~seen & (count > 0))
    decide.failed(~found, NOT_RESIDENT)
    five, early = frame.resolve(RESIDENCE_YEARS)
    _, too_early = frame.resolve(MOVER_RESIDENCE_YEARS)
    decide.defer(early)
    start = np.where(found, arrival, on)
    years = frame.years(start, on)
    decide.passed(years >= five)
    decide.defer(too_early)
    short = decide.open
    rows = np.flatnonzero(short)
    if len(rows):
        passed, failed, dates = _short_stays(
            frame, rows, years, start, transferred, mover, province
        )
        decide.passed(passed)
        decide.failed(failed, RESIDENCE_TOO_SHORT, dates)
    decide.unknown(short)
    return decide.leaf()


def _short_stays(
    frame: Frame,
    rows: Array,
    years: Array,
    start: Array,
    transferred: Array,
    mover: Array,
    province: Array,
) -> tuple[Array, Array, Array]:
    """:func:`_short_stay` for the rows ``rows``: every combination of the unknown facts
    is tried, as there; returns the rows that pass, that fail, and their eligible_from."""
    import numpy as np

    from maskan.eligibility.batch import pick

    given = frame.context.get("province")
    if given is not None:
        tehran = np.asarray(int(_province(given) == _TEHRAN), np.int8)
    else:
        recorded = province[rows]
        tehran_code = Province.all().index(_TEHRAN)
        tehran = np.where(recorded < 0, -1, recorded == tehran_code).astype(np.int8)
    in_force, change = frame.change_in_force(RESIDENCE_EASING)
    five, _ = frame.resolve(RESIDENCE_YEARS)
    one, _ = frame.resolve(MOVER_RESIDENCE_YEARS)
    five, one, on = pick(five, rows), pick(one, rows), pick(frame.today, rows)
    years, start = years[rows], start[rows]
    pending = np.where(on < change, change, 0) if change else np.asarray(0)
    five_date, one_date = frame.add_years(start, five), frame.add_years(start, one)
    facts = (pick(in_force, rows), transferred[rows], mover[rows], tehran)
    everyone = np.ones(len(rows), bool)
    all_pass, all_fail, agree = everyone.copy(), everyone.copy(), everyone.copy()
    common = np.zeros(len(rows), np.int32)
    for combo in itertools.product((False, True), repeat=4):
        possible = everyone.copy()
        for fact, value in zip(facts, combo, strict=True):
            possible &= (fact < 0) | (fact == int(value))
        easing, is_transferred, is_mover, in_tehran = combo
        if easing and is_transferred and not in_tehran:
            passed = everyone
            date = np.zeros(len(rows), np.int32)
        else:
            reduced = easing and is_mover and not in_tehran
            passed = years >= (one if reduced else five)
            date = five_date
            if reduced:
                date = np.minimum(date, one_date)
            elif not in_tehran:
                waiting = pending > 0
                if is_transferred:
                    date = np.where(waiting, np.minimum(date, pending), date)
                if is_mover:
                    date = np.where(waiting, np.minimum(date, np.maximum(pending, one_date)), date)
        all_pass &= ~possible | passed
        all_fail &= ~possible | ~passed
        first = possible & (common == 0)
        common = np.where(first, date, common)
        agree &= ~possible | (date == common)
    passes = np.zeros(frame.size, bool)
    fails = np.zeros(frame.size, bool)
    dates = np.zeros(frame.size, np.int32)
    passes[rows], fails[rows] = all_pass, all_fail
    dates[rows] = np.where(agree, common, 0)
    return passes, fails, dates


RESIDENCE = Rule(
    code="national_housing_movement.residence",
    title_en="Residence in the city applied for",
    title_fa="سکونت در شهر محل تقاضا",
    source=_RESIDENCE,
    check=_check_residence,
    parameters=(RESIDENCE_YEARS, MOVER_RESIDENCE_YEARS, RESIDENCE_EASING),
    columns=InColumns(
        reads=("residences",),
        failures=(NOT_RESIDENT, RESIDENCE_TOO_SHORT),
        check=_residence_columns,
    ),
)
"""Full years of uninterrupted residence, up to the evaluation date, in the city given as
``city=`` (``province=`` optionally names its province when the residence records do
not). ``eligible_from`` is the anniversary of the arrival that meets the requirement.

>>> from maskan.calendar import jdate
>>> move = Residence(city="اصفهان", since="1402/01/01", province="اصفهان", from_metropolis=True)
>>> amir = Person(national_id="0499370899", first_name="امیر", last_name="رضایی", residences=[move])
>>> case = Case(person=amir, on=jdate(1404, 9, 4), values={"residence_easing": "in_force"},
...             context={"city": "اصفهان"})
>>> RESIDENCE(case).message("en")  # a mover from a metropolis, outside Tehran province
'2 full years of residence in the city applied for (at least 1)'
"""

# --- loan terms (informational) ---------------------------------------------------------


def _loan_terms(case: Case, rule: Rule) -> Finding:
    return _LOAN_FINDING


def _loan_terms_columns(frame: Frame, rule: Rule) -> Leaf:
    decide = frame.decide(rule)
    decide.passed_rest()
    return decide.leaf()


LOAN_TERMS = Rule(
    code="national_housing_movement.loan_terms",
    title_en="Loan terms (for information; they decide nothing)",
    title_fa="شرایط تسهیلات (برای اطلاع؛ در تصمیم اثری ندارد)",
    source=_LOAN,
    check=_loan_terms,
    parameters=LOAN_PARAMETERS,
    columns=InColumns(reads=(), failures=(), check=_loan_terms_columns),
)
"""Always passes: it carries the loan terms of DOMAIN.md §4.2 as parameters, so that
:meth:`~maskan.eligibility.Program.describe` lists them with their sources.

>>> from maskan.calendar import jdate
>>> finding = LOAN_TERMS(Case(person=None, on=jdate(1404, 9, 4)))
>>> finding.outcome.value, finding.reason
('passed', 'national_housing_movement.loan_terms')
"""

_LOAN_FINDING = LOAN_TERMS.passed(LOAN_TERMS_INFO)

PROGRAM = Program(
    code="national_housing_movement",
    version="2026.1",
    title_en="National Housing Movement",
    title_fa="نهضت ملی مسکن",
    rules=(HOUSEHOLD, WITHOUT_HOUSING, RESIDENCE, LOAN_TERMS),
    context=("city", "province"),
)
"""The National Housing Movement. Needs two values from the caller:

>>> PROGRAM.missing_values()
('five_year_lookback', 'residence_easing')
"""
