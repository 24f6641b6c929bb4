"""workers_housing_cooperative: may this worker join this workers' housing cooperative
(تعاونی مسکن کارگری)? The general conditions of cooperative membership plus the workers'
ones (DOMAIN.md §4.7).

The rules, in order: the five of :mod:`~maskan.eligibility.programs.cooperative_membership`,
then

- :data:`WORKER` (``workers_housing_cooperative.worker``): a worker under the Labour Law;
- :data:`WORKPLACE` (``workers_housing_cooperative.workplace``): at a workplace the
  cooperative's statute covers (``Statute.workplaces``);
- :data:`INSURANCE` (``workers_housing_cooperative.insurance``): insured for at least
  :data:`MINIMUM_INSURANCE_MONTHS` months, a number the cooperative's statute sets and the
  law does not: the caller must supply it (``with_values(minimum_insurance_months=...)``).

DOMAIN.md §4.7 and §11.2: no authoritative text states a workers' housing cooperative's
membership criteria; the Labour Law (art. 149) is only the legal hook for workers' housing.
So the three workers' rules are tagged [U], the workplaces are the statute's, and the
months of insurance have no default.

>>> import attrs
>>> from maskan.models._coop_examples import example_person
>>> from maskan.models.person import Employment, InsuredPeriod
>>> from maskan.models.registry import Registry
>>> coop = _example_cooperative()
>>> program = PROGRAM.with_values(minimum_insurance_months=24)
>>> worker = attrs.evolve(
...     example_person("1122334451"),
...     employment=Employment(kind="worker", workplace="ذوب آهن اصفهان"),
...     insured_periods=[InsuredPeriod(insurer="sso", start="1403/01/01")])
>>> decision = program.evaluate(worker, on="1404/09/04", cooperative=coop,
...                             registry=Registry(cooperatives=[coop]), shares=10)
>>> decision.failed_codes, decision.eligible_from == jdate(1404, 12, 29)
(('workers_housing_cooperative.insurance_too_short',), True)

``eligible_from`` comes only from the months of insurance, assuming the insurance running on
the evaluation date goes on (it is computed with :func:`~maskan.calendar.add_months`, so an
insurance begun on the 31st of a month reaches its anniversaries on the 30th of shorter
months, and one begun on Esfand 30 on Esfand 29 of common years). Being a worker and the
workplace are not matters of time.
"""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import TYPE_CHECKING

from maskan.calendar import add_months, jdate
from maskan.eligibility.parameters import Parameter, Source
from maskan.eligibility.program import Program
from maskan.eligibility.programs import cooperative_membership
from maskan.eligibility.programs.cooperative_membership import applied_cooperative
from maskan.eligibility.reasons import register
from maskan.eligibility.rules import Case, Finding, InColumns, Rule
from maskan.errors import RuleError, describe
from maskan.models.cooperative import Cooperative, CooperativeKind, QuorumRule, Statute
from maskan.models.person import EmploymentKind, Person
from maskan.money import Rial

if TYPE_CHECKING:
    from maskan.eligibility.batch import Frame, Leaf

__all__ = [
    "CRITERIA_SOURCE",
    "INSURANCE",
    "LABOUR_LAW_SOURCE",
    "MINIMUM_INSURANCE_MONTHS",
    "PROGRAM",
    "WORKER",
    "WORKPLACE",
    "insured_from",
]

_DAY = datetime.timedelta(days=1)

# --- sources (DOMAIN.md §3, §4.7, §11.2) -----------------------------------------------------

LABOUR_LAW_SOURCE = Source(
    title_en="Labour Law, art. 149: employers cooperate with workers' housing cooperatives",
    title_fa="قانون کار، ماده‌ی ۱۴۹: همکاری کارفرمایان با تعاونی‌های مسکن کارگری",
    reference="DOMAIN.md §3, §4.7",
    confidence="S",
    article="149",
    date="1369-08-29",
    url="https://labourlaw.ir/iran-labour-law/",
)
"""The legal hook of workers' housing (Labour Code of 29 Aban 1369). It does not state who
may join a workers' housing cooperative.

>>> LABOUR_LAW_SOURCE.date
'1369-08-29'
"""

CRITERIA_SOURCE = Source(
    title_en="Membership criteria of a workers' housing cooperative: a worker under the Labour"
    " Law, employed at a covered workplace, insured for the months the statute sets"
    " (no authoritative source; the statute's values)",
    title_fa="شرایط عضویت در تعاونی مسکن کارگری: کارگر مشمول قانون کار، شاغل در کارگاه تحت"
    " پوشش، با سابقه‌ی بیمه‌ی مقرر در اساسنامه (بدون منبع معتبر؛ مقادیر اساسنامه)",
    reference="DOMAIN.md §4.7, §11.2",
    confidence="U",
)
"""DOMAIN.md §4.7: "must be a worker under the Labour Law, insured with SSO for N years,
employed at the covered workplace: no authoritative source known; treat each as a parameter
the caller must set". The source of :data:`WORKER`, :data:`WORKPLACE` and :data:`INSURANCE`.

>>> CRITERIA_SOURCE.confidence.value
'U'
"""

# --- parameters ------------------------------------------------------------------------------

MINIMUM_INSURANCE_MONTHS: Parameter[int] = Parameter(
    code="minimum_insurance_months",
    label_en="months of insurance the cooperative's statute requires",
    label_fa="کمینه‌ی ماه‌های سابقه‌ی بیمه به حکم اساسنامه‌ی تعاونی",
    unit="months",
    source=CRITERIA_SOURCE,
)
"""The months of insurance a member needs: set by each cooperative's statute, with no
value in law (DOMAIN.md §4.7 [U]). Its history is empty, so the caller must supply it; a
"N years of SSO insurance" figure is [U] and is never a default.

>>> MINIMUM_INSURANCE_MONTHS.caller_set
True
"""

# --- reasons ---------------------------------------------------------------------------------

IS_WORKER = register(
    "workers_housing_cooperative.worker",
    en="a worker under the Labour Law",
    fa="کارگر مشمول قانون کار است",
)
NOT_A_WORKER = register(
    "workers_housing_cooperative.not_a_worker",
    en="{observed}, not a worker under the Labour Law",
    fa="{observed} است، نه کارگر مشمول قانون کار",
)
WORKPLACE_COVERED = register(
    "workers_housing_cooperative.workplace_covered",
    en="works at {observed}, a workplace the cooperative covers",
    fa="در {observed} کار می‌کند که تعاونی آن را پوشش می‌دهد",
)
WORKPLACE_NOT_COVERED = register(
    "workers_housing_cooperative.workplace_not_covered",
    en="works at {observed}, which the cooperative does not cover (it covers {required})",
    fa="در {observed} کار می‌کند که تعاونی آن را پوشش نمی‌دهد (کارگاه‌های تحت پوشش: {required})",
)
INSURED_ENOUGH = register(
    "workers_housing_cooperative.insured_enough",
    en="{observed} months of insurance, at least the {required} the statute requires",
    fa="{observed} ماه سابقه‌ی بیمه، دست‌کم {required} ماهی که اساسنامه می‌خواهد",
)
INSURANCE_TOO_SHORT = register(
    "workers_housing_cooperative.insurance_too_short",
    en="{observed} months of insurance, fewer than the {required} the statute requires",
    fa="{observed} ماه سابقه‌ی بیمه، کمتر از {required} ماهی که اساسنامه می‌خواهد",
)

# Missing facts, in English and Persian.
_KIND_FACT = ("employment kind", "نوع اشتغال")
_WORKPLACE_FACT = ("workplace", "محل کار")
_INSURANCE_FACT = ("insurance history", "سابقه‌ی بیمه")

# --- the rules -------------------------------------------------------------------------------


def _check_worker(case: Case, rule: Rule) -> Finding:
    employment = case.person.employment
    kind = None if employment is None else employment.kind
    if kind is None:
        return rule.unknown(*_KIND_FACT)
    if kind is EmploymentKind.WORKER:
        return rule.passed(IS_WORKER, observed=kind)
    return rule.failed(NOT_A_WORKER, observed=kind, required=EmploymentKind.WORKER)


def _worker_columns(frame: Frame, rule: Rule) -> Leaf:
    kind = frame.choice("employment")
    decide = frame.decide(rule)
    decide.unknown(kind < 0)
    decide.passed(kind == frame.code(EmploymentKind.WORKER))
    decide.failed(kind >= 0, NOT_A_WORKER)
    return decide.leaf()


WORKER = Rule(
    code="workers_housing_cooperative.worker",
    title_en="a worker under the Labour Law",
    title_fa="کارگر مشمول قانون کار",
    source=CRITERIA_SOURCE,
    check=_check_worker,
    columns=InColumns(reads=("employment",), failures=(NOT_A_WORKER,), check=_worker_columns),
)
"""The person's current work is as a worker under the Labour Law (``Employment.kind`` is
``worker``). Government employees, the self-employed and the retired fail; unknown when the
employment or its kind is not recorded.

>>> import attrs, datetime
>>> from maskan.models._coop_examples import example_person
>>> from maskan.models.person import Employment
>>> clerk = attrs.evolve(example_person("1122334451"),
...                      employment=Employment(kind="government_employee"))
>>> WORKER(Case(person=clerk, on=datetime.date(2025, 11, 25))).reason
'workers_housing_cooperative.not_a_worker'
"""


def _covered_workplaces(cooperative: Cooperative) -> tuple[str, ...]:
    """The statute's workplaces; using this program on another kind of cooperative, or on
    one whose statute lists none, is the caller's mistake."""
    if cooperative.kind is not CooperativeKind.WORKERS_HOUSING:
        raise RuleError(
            f"cooperative: {cooperative.legal_id} is a {cooperative.kind.label_en}, not a"
            " workers' housing cooperative",
            message_fa=f"cooperative: {cooperative.legal_id} {cooperative.kind.label_fa} است،"
            " نه تعاونی مسکن کارگری",
            code="not_workers_cooperative",
            field="cooperative",
            value=cooperative.legal_id,
        )
    workplaces = cooperative.statute.workplaces
    if not workplaces:
        raise RuleError(
            f"cooperative: the statute of {cooperative.legal_id} lists no workplaces; record"
            " the workplaces the cooperative covers in Statute.workplaces",
            message_fa=f"cooperative: اساسنامه‌ی {cooperative.legal_id} هیچ کارگاهی را نام"
            " نبرده است؛ کارگاه‌های تحت پوشش را در Statute.workplaces ثبت کنید",
            code="no_workplaces",
            field="cooperative",
            value=cooperative.legal_id,
        )
    return workplaces


def _check_workplace(case: Case, rule: Rule) -> Finding:
    covered = _covered_workplaces(applied_cooperative(case))
    employment = case.person.employment
    workplace = None if employment is None else employment.workplace
    if workplace is None:
        return rule.unknown(*_WORKPLACE_FACT)
    # Both texts were normalized when the Person and the Statute were built.
    if workplace in covered:
        return rule.passed(WORKPLACE_COVERED, observed=workplace, required=covered)
    return rule.failed(WORKPLACE_NOT_COVERED, observed=workplace, required=covered)


def _workplace_columns(frame: Frame, rule: Rule) -> Leaf:
    import numpy as np

    covered = _covered_workplaces(applied_cooperative(_context_case(frame)))
    codes, labels = frame.text("workplace")
    decide = frame.decide(rule)
    decide.unknown(codes < 0)
    inside = [index for index, label in enumerate(labels) if label in covered]
    decide.passed(np.isin(codes, inside))
    decide.failed(codes >= 0, WORKPLACE_NOT_COVERED)
    return decide.leaf()


def _context_case(frame: Frame) -> Case:
    """A case without a person, for what the context alone decides."""
    return Case(
        person=None, on=datetime.date(2000, 1, 1), values=frame.values, context=frame.context
    )


WORKPLACE = Rule(
    code="workers_housing_cooperative.workplace",
    title_en="employed at a workplace the cooperative covers",
    title_fa="شاغل در کارگاه تحت پوشش تعاونی",
    source=CRITERIA_SOURCE,
    check=_check_workplace,
    columns=InColumns(
        reads=("workplace",), failures=(WORKPLACE_NOT_COVERED,), check=_workplace_columns
    ),
)
"""The person's workplace (``Employment.workplace``) is one of the workplaces the
cooperative's statute covers (``Statute.workplaces``). Both are normalized text, so Arabic
ي/ك, spacing and ZWNJ differences do not matter; other spellings of a name are other
workplaces. Unknown when the workplace is not recorded.

The ``cooperative`` must be a workers' housing cooperative whose statute lists its
workplaces; otherwise evaluating raises :class:`~maskan.errors.RuleError` (codes
``not_workers_cooperative``, ``no_workplaces``).

>>> import attrs, datetime
>>> from maskan.models._coop_examples import example_person
>>> from maskan.models.person import Employment
>>> welder = attrs.evolve(example_person("1122334451"),
...                       employment=Employment(kind="worker", workplace="ذوب آهن  اصفهان"))
>>> WORKPLACE(Case(person=welder, on=datetime.date(2025, 11, 25),
...                context={"cooperative": _example_cooperative()})).outcome.value
'passed'
"""


def _required_months(case: Case) -> int:
    months = case.resolve(MINIMUM_INSURANCE_MONTHS).value
    if type(months) is not int or months < 0:
        raise RuleError(
            f"minimum_insurance_months: {describe(months)} is not a whole number of months",
            message_fa=f"minimum_insurance_months: مقدار {describe(months)} شمار درست ماه نیست",
            code="type",
            field="minimum_insurance_months",
            value=months,
        )
    return months


def insured_from(person: Person, on: datetime.date, months: int) -> datetime.date | None:
    """The first day, from ``on`` on, on which ``person`` has ``months`` full months of
    insurance if the insurance running on ``on`` goes on; ``None`` when that does not get
    there (the history is unknown, no insurance runs on ``on``, or it is recorded as ending
    too soon).

    Months are counted as :meth:`Person.insurance_months
    <maskan.models.person.Person.insurance_months>` counts them: the months of the earlier
    insured stretches, plus the full months of the current stretch, whose *n*-th month is
    complete the day before its *n*-th monthly anniversary (:func:`~maskan.calendar.add_months`,
    clamped to shorter months).

    >>> import attrs
    >>> from maskan.models._coop_examples import example_person
    >>> from maskan.models.person import InsuredPeriod
    >>> worker = attrs.evolve(example_person("1122334451"),
    ...                       insured_periods=[InsuredPeriod(start="1403/12/30")])
    >>> insured_from(worker, jdate(1404, 9, 4), 12) == jdate(1404, 12, 28)
    True
    """
    now = person.insurance_months(on)
    if now is None:
        return None
    if now >= months:
        return on
    spans = sorted(
        (
            (period.start, period.end)
            for period in person.insured_periods or ()
            if period.start <= on
        ),
        key=_first,
    )
    if not spans:
        return None
    # The stretch the last insured period belongs to, joined as insurance_months joins them.
    current, reach = spans[0]  # reach None: still running
    for start, end in spans[1:]:
        if reach is None:
            continue
        if start > reach + _DAY:
            current, reach = start, end
        else:
            reach = None if end is None else max(reach, end)
    earlier = person.insurance_months(current - _DAY) or 0
    candidate = add_months(current, months - earlier) - _DAY
    reached = person.insurance_months(candidate)
    return candidate if reached is not None and reached >= months else None


def _first(span: tuple[datetime.date, datetime.date | None]) -> datetime.date:
    return span[0]


def _check_insurance(case: Case, rule: Rule) -> Finding:
    required = _required_months(case)
    person: Person = case.person
    months = person.insurance_months(case.on)
    if months is None:
        return rule.unknown(*_INSURANCE_FACT)
    details = {
        "observed": months,
        "required": required,
        "parameter": MINIMUM_INSURANCE_MONTHS.code,
    }
    if months >= required:
        return rule.passed(INSURED_ENOUGH, **details)
    return rule.failed(
        INSURANCE_TOO_SHORT, eligible_from=insured_from(person, case.on, required), **details
    )


INSURANCE = Rule(
    code="workers_housing_cooperative.insurance",
    title_en="months of insurance the statute requires",
    title_fa="سابقه‌ی بیمه‌ی مقرر در اساسنامه",
    source=CRITERIA_SOURCE,
    check=_check_insurance,
    parameters=(MINIMUM_INSURANCE_MONTHS,),
    columns=InColumns(reads=("insured_periods",), failures=(INSURANCE_TOO_SHORT,)),
)
"""At least :data:`MINIMUM_INSURANCE_MONTHS` full Jalali months of insurance up to and
including the evaluation date (:meth:`Person.insurance_months
<maskan.models.person.Person.insurance_months>`, every insurer counted: DOMAIN.md's "insured
with SSO" is [U], and a Labour-Law worker is insured with SSO in any case). Unknown when
the insurance history is not recorded. When short, ``eligible_from`` is
:func:`insured_from`.

>>> import attrs, datetime
>>> from maskan.models._coop_examples import example_person
>>> from maskan.models.person import InsuredPeriod
>>> worker = attrs.evolve(example_person("1122334451"),
...                       insured_periods=[InsuredPeriod(start="1404/01/01")])
>>> finding = INSURANCE(Case(person=worker, on=jdate(1404, 9, 4),
...                          values={"minimum_insurance_months": 12}))
>>> finding.observed, finding.eligible_from == jdate(1404, 12, 29)
(8, True)
"""

PROGRAM = Program(
    code="workers_housing_cooperative",
    version="2026.1",
    title_en="Workers' housing cooperative membership",
    title_fa="عضویت در تعاونی مسکن کارگری",
    rules=(*cooperative_membership.PROGRAM.rules, WORKER, WORKPLACE, INSURANCE),
    context=("cooperative", "registry", "shares"),
)
"""The workers_housing_cooperative program: the general conditions, then :data:`WORKER`,
:data:`WORKPLACE` and :data:`INSURANCE`.

Context: ``cooperative`` (a workers' housing cooperative, required), ``registry``,
``shares``, as for ``cooperative_membership``. Parameter: ``minimum_insurance_months``,
which the caller must supply.

>>> PROGRAM.missing_values()
('minimum_insurance_months',)
"""


def _example_cooperative() -> Cooperative:
    """A workers' housing cooperative for the examples: founded on 1403/07/01 by seven
    founders with 10 shares each, covering the workplaces «ذوب آهن اصفهان» and «فولاد
    مبارکه». Its numbers are illustrations, not defaults.

    >>> _example_cooperative().statute.workplaces
    ('ذوب آهن اصفهان', 'فولاد مبارکه')
    """
    from maskan.models._coop_examples import example_founders

    statute = Statute(
        share_price=Rial(5_000_000),
        minimum_shares=10,
        max_capital_share=Fraction(3, 10),
        board_size=3,
        board_term_years=3,
        ordinary_first_call=QuorumRule.more_than("1/2"),
        ordinary_second_call=QuorumRule.at_least(0),
        extraordinary_first_call=QuorumRule.at_least("2/3"),
        extraordinary_second_call=QuorumRule.more_than("1/2"),
        expulsion_grounds=["عدم پرداخت اقساط"],
        workplaces=["ذوب آهن اصفهان", "فولاد مبارکه"],
    )
    return Cooperative.found(
        name="تعاونی مسکن کارگران نمونه",
        kind="workers_housing",
        legal_id="10380284790",
        province="اصفهان",
        statute=statute,
        founders=example_founders(),
        shares=10,
        on=jdate(1403, 7, 1),
    )
