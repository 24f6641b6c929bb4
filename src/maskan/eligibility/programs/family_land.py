"""family_land: land or housing for families with a third or later child, under the
Law on Supporting the Family and Youthful Population (قانون حمایت از خانواده و جوانی
جمعیت) and the free plots of the 1402 and 1403 budget laws (DOMAIN.md §4.5, §4.8).

A family qualifies by one of two routes, an ``any_of`` that says which one held:

- :data:`FREE_PLOT` (``family_land.free_plot``): in a budget year whose budget law grants
  it — note 11(h) of 1402, note 13 para. 2 of 1403 — one free plot (1402: or unit) for a
  family with 4 or more children under 20; the 1402 note adds "within the conditions of
  art. 4";
- :data:`THIRD_CHILD` (``family_land.third_child``): art. 4 of the law — the Ministry of
  Roads and Urban Development provides land or housing to a household whose third or
  later child was born on or after 24 Aban 1400, the law's approval date.

The free plot is listed first so that ``held`` names it when both routes hold (in 1402 it
needs art. 4 as well); :func:`qualifying_routes` lists every route that held.

>>> from maskan.calendar import jdate
>>> from maskan.models.person import Person
>>> family = Person(national_id="0499370899", first_name="زهرا", last_name="رضایی",
...                 children_birth_dates=["1394/03/01", "1397/06/10", "1401/02/15"])
>>> decision = PROGRAM.evaluate(family, on=jdate(1404, 9, 4))
>>> decision.verdict.value, decision.findings[0].held
('eligible', 'family_land.third_child')
>>> print(decision.explain("en"))  # doctest: +ELLIPSIS
Land or housing for families with a third or later child (Youthful Population law) on ...
  ✓ route to family land or housing: art. 4: a third or later child born under the law holds
    ✗ budget-year free plot: no budget note grants a free plot on 2025-11-25 (1404/09/04) ...
    ✓ art. 4: a third or later child born under the law: a third or later child was born on \
2022-05-05 (1401/02/15), on or after 2021-11-15 (1400/08/24)

Time cannot make a child be born, and it makes children older, so neither route gives an
``eligible_from`` for the children themselves. The one date time does bring is the first
day of a later budget year whose note the family would meet with the children it already
has (see :data:`FREE_PLOT`).
"""

from __future__ import annotations

import bisect
import datetime
from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from maskan.calendar import as_date, full_years, jalali_ymd, jdate, year_bounds
from maskan.eligibility.decision import Decision
from maskan.eligibility.parameters import Parameter, Source
from maskan.eligibility.program import Program
from maskan.eligibility.reasons import register
from maskan.eligibility.rules import Case, Finding, InColumns, Outcome, Rule, any_of

__all__ = [
    "ART4_SOURCE",
    "BUDGET_1402_SOURCE",
    "BUDGET_1403_SOURCE",
    "BUDGET_SOURCE",
    "BYLAW_SOURCE",
    "DRAFT_BYLAW_SOURCE",
    "FREE_PLOT",
    "FREE_PLOT_CHILD_AGE_LIMIT",
    "FREE_PLOT_MIN_CHILDREN",
    "FREE_PLOT_WITHIN_ART4",
    "LAW_APPROVED",
    "ONE_SPOUSE_REQUIRED",
    "PROGRAM",
    "ROUTE",
    "THIRD_CHILD",
    "THIRD_CHILD_BORN_FROM",
    "qualifying_routes",
]

# --- sources (DOMAIN.md §4.5) ---------------------------------------------------------------

_ART4_URL = "https://www.toseeirani.ir/ (news 42563, citing Mehr)"

ART4_SOURCE = Source(
    title_en="Law on Supporting the Family and Youthful Population, art. 4",
    title_fa="قانون حمایت از خانواده و جوانی جمعیت، ماده‌ی ۴",
    reference="DOMAIN.md §4.5, §4.8",
    confidence="S-news",
    article="4",
    date="1400-08-24",
    url=_ART4_URL,
)
"""Art. 4: land or housing for households whose 3rd or later child is born on or after
the law's approval date, 24 Aban 1400.

>>> ART4_SOURCE.date
'1400-08-24'
"""

DRAFT_BYLAW_SOURCE = Source(
    title_en="Draft executive bylaw of art. 4 of the Youthful Population law"
    " (three children from one spouse)",
    title_fa="پیش‌نویس آیین‌نامه‌ی اجرایی ماده‌ی ۴ قانون حمایت از خانواده و جوانی جمعیت"
    " (سه فرزند از یک همسر)",
    reference="DOMAIN.md §4.5",
    confidence="S-news",
    article="4",
    url=_ART4_URL,
)
"""The draft bylaw's "three children from one spouse" condition: a draft, so an option.

>>> DRAFT_BYLAW_SOURCE.confidence.value
'S-news'
"""

BYLAW_SOURCE = Source(
    title_en="Executive bylaw of art. 4: land in adjacent or new towns for residents of"
    " cities over 500,000; the father chooses (the mother if he has died)",
    title_fa="آیین‌نامه‌ی اجرایی ماده‌ی ۴: واگذاری در شهرهای مجاور یا جدید برای ساکنان"
    " شهرهای بالای ۵۰۰ هزار نفر؛ انتخاب با پدر (در صورت فوت، با مادر)",
    reference="DOMAIN.md §4.5",
    confidence="S-news",
    article="4",
    url="https://reghim.ir/تصویب-آیین-نامه-اجرایی-تقسیم-زمین-و-مسک/",
)
"""The bylaw's rule on *where* the land is given. It decides no one's eligibility, so no
rule uses it; the program's documentation describes it.

>>> "500,000" in BYLAW_SOURCE.title_en
True
"""

_BUDGET_URL = "https://rokna.net/ (news 875040); https://eitaa.com/s/fori_sarasari/28824"

BUDGET_1402_SOURCE = Source(
    title_en="Budget Law 1402, note 11(h): one free plot or unit in 1402 to families with"
    " 4 or more children under 20, within the conditions of art. 4",
    title_fa="قانون بودجه‌ی ۱۴۰۲، تبصره‌ی ۱۱ بند ح: یک قطعه زمین یا واحد مسکونی رایگان در"
    " ۱۴۰۲ به خانواده‌های دارای ۴ فرزند و بیشتر زیر ۲۰ سال، در چارچوب شرایط ماده‌ی ۴",
    reference="DOMAIN.md §4.5, §4.8",
    confidence="S-news",
    article="note 11(h)",
    date="1402",
    url=_BUDGET_URL,
)
"""The 1402 budget note, cited by free-plot findings in 1402.

>>> BUDGET_1402_SOURCE.article
'note 11(h)'
"""

BUDGET_1403_SOURCE = Source(
    title_en="Budget Law 1403, note 13, para. 2: one free plot in 1403 to families with"
    " 4 or more children under 20",
    title_fa="قانون بودجه‌ی ۱۴۰۳، تبصره‌ی ۱۳ بند ۲: یک قطعه زمین رایگان در ۱۴۰۳ به"
    " خانواده‌های دارای ۴ فرزند و بیشتر زیر ۲۰ سال",
    reference="DOMAIN.md §4.5, §4.8",
    confidence="S-news",
    article="note 13, para. 2",
    date="1403",
    url=_BUDGET_URL,
)
"""The 1403 budget note, cited by free-plot findings in 1403.

>>> BUDGET_1403_SOURCE.date
'1403'
"""

BUDGET_SOURCE = Source(
    title_en="Budget Laws 1402 (note 11(h)) and 1403 (note 13, para. 2): a free plot for"
    " families with 4 or more children under 20",
    title_fa="قوانین بودجه‌ی ۱۴۰۲ (تبصره‌ی ۱۱ بند ح) و ۱۴۰۳ (تبصره‌ی ۱۳ بند ۲): زمین رایگان"
    " برای خانواده‌های دارای ۴ فرزند و بیشتر زیر ۲۰ سال",
    reference="DOMAIN.md §4.5, §4.8",
    confidence="S-news",
    date="1402; 1403",
    url=_BUDGET_URL,
)
"""Both budget notes: the source of the free-plot rule and of its parameters.

>>> BUDGET_SOURCE.reference
'DOMAIN.md §4.5, §4.8'
"""

_ROUTE_SOURCE = Source(
    title_en="Youthful Population law art. 4 and the 1402/1403 budget notes",
    title_fa="ماده‌ی ۴ قانون حمایت از خانواده و جوانی جمعیت و تبصره‌های بودجه‌ی ۱۴۰۲ و ۱۴۰۳",
    reference="DOMAIN.md §4.5, §4.8",
    confidence="S-news",
)

_NOTE_SOURCES = {1402: BUDGET_1402_SOURCE, 1403: BUDGET_1403_SOURCE}

# --- parameters -------------------------------------------------------------------------------

LAW_APPROVED = jdate(1400, 8, 24)
"""24 Aban 1400, the day the law was approved: art. 4 counts children born from this day.

>>> LAW_APPROVED
datetime.date(2021, 11, 15)
"""

THIRD_CHILD_BORN_FROM: Parameter[datetime.date] = Parameter(
    code="third_child_born_from",
    label_en="third or later child born on or after",
    label_fa="تولد فرزند سوم یا بیشتر از تاریخ",
    unit="date",
    source=ART4_SOURCE,
    history={LAW_APPROVED: LAW_APPROVED},
)
"""The art. 4 cut-off: a third or later child born on or after 1400-08-24.

>>> THIRD_CHILD_BORN_FROM.resolve(jdate(1404, 9, 4)).value == jdate(1400, 8, 24)
True
"""

ONE_SPOUSE_REQUIRED: Parameter[bool] = Parameter(
    code="one_spouse_required",
    label_en="the three children must be from one spouse (draft bylaw)",
    label_fa="سه فرزند باید از یک همسر باشند (پیش‌نویس آیین‌نامه)",
    unit="boolean",
    source=DRAFT_BYLAW_SOURCE,
    history={LAW_APPROVED: False},
)
"""Whether the draft bylaw's "three children from one spouse" condition applies.

Off by default: only a *draft* bylaw states it (DOMAIN.md §4.5, [S-news]), neither the law
nor the adopted bylaw as recorded does, and an unconfirmed condition should not refuse a
family. Turn it on with ``PROGRAM.with_values(one_spouse_required=True)`` and pass
``children_by_spouse`` to :meth:`~maskan.eligibility.Program.evaluate`.

>>> ONE_SPOUSE_REQUIRED.resolve(jdate(1404, 9, 4)).value
False
"""

_BUDGET_1402, _BUDGET_1403 = jdate(1402, 1, 1), jdate(1403, 1, 1)

FREE_PLOT_MIN_CHILDREN: Parameter[int] = Parameter(
    code="free_plot_min_children",
    label_en="children under the age limit a family needs for the free plot",
    label_fa="حداقل تعداد فرزندان زیر سن مقرر برای زمین رایگان",
    unit="children",
    source=BUDGET_SOURCE,
    history={_BUDGET_1402: 4, _BUDGET_1403: 4},
)
"""4 or more children under the age limit, in 1402 and again in 1403.

Each budget note holds for its own Jalali year only (:func:`~maskan.calendar.year_bounds`):
a version dated 1 Farvardin of year *Y* lapses after the last day of *Y*. Supplying a value
with ``with_values`` says that a budget note grants the plot on the evaluation date.

>>> [value for _, value in FREE_PLOT_MIN_CHILDREN.history]
[4, 4]
"""

FREE_PLOT_CHILD_AGE_LIMIT: Parameter[int] = Parameter(
    code="free_plot_child_age_limit",
    label_en="children count for the free plot while younger than",
    label_fa="فرزندان کمتر از این سن برای زمین رایگان شمرده می‌شوند",
    unit="years",
    source=BUDGET_SOURCE,
    history={_BUDGET_1402: 20, _BUDGET_1403: 20},
)
"""Children "under 20": a child counts until their 20th Jalali birthday, on the evaluation
date.

>>> FREE_PLOT_CHILD_AGE_LIMIT.resolve(jdate(1403, 6, 1)).value
20
"""

FREE_PLOT_WITHIN_ART4: Parameter[bool] = Parameter(
    code="free_plot_within_art4",
    label_en="the free plot also needs the conditions of art. 4",
    label_fa="زمین رایگان افزون بر آن شرایط ماده‌ی ۴ را نیز می‌خواهد",
    unit="boolean",
    source=BUDGET_SOURCE,
    history={_BUDGET_1402: True, _BUDGET_1403: False},
)
"""Whether the budget note asks for art. 4's conditions as well (a third or later child
born on or after 1400-08-24): the 1402 note says "within the conditions of art. 4", the
1403 note as recorded does not (DOMAIN.md §4.5).

>>> [value for _, value in FREE_PLOT_WITHIN_ART4.history]
[True, False]
"""

_THIRD = 3  # art. 4 is about the third child: the law's definition, not a tunable value.

# Each free-plot version and the last day of its budget year.
_VERSIONS: tuple[tuple[datetime.date, datetime.date], ...] = tuple(
    (start, year_bounds(jalali_ymd(start)[0])[1]) for start, _ in FREE_PLOT_MIN_CHILDREN.history
)
_YEAR_END = dict(_VERSIONS)

# --- reasons ----------------------------------------------------------------------------------

LAW_NOT_IN_FORCE = register(
    "family_land.law_not_in_force",
    en="art. 4 applies from {required}; it was not in force on {observed}",
    fa="ماده‌ی ۴ از {required} اجرا می‌شود و در {observed} اجرا نمی‌شد",
)
TOO_FEW_CHILDREN = register(
    "family_land.too_few_children",
    en="{observed} children born by this date, fewer than {required}",
    fa="تا این تاریخ {observed} فرزند به دنیا آمده است، کمتر از {required}",
)
THIRD_CHILD_TOO_EARLY = register(
    "family_land.third_child_too_early",
    en="the youngest child was born on {observed}, before {required}:"
    " no third or later child was born under the law",
    fa="کوچک‌ترین فرزند در {observed}، پیش از {required}، به دنیا آمده است:"
    " فرزند سوم یا بعدی پس از تصویب قانون متولد نشده است",
)
THIRD_CHILD_BORN = register(
    "family_land.third_child_born",
    en="a third or later child was born on {observed}, on or after {required}",
    fa="فرزند سوم یا بعدی در {observed} به دنیا آمده است، در {required} یا پس از آن",
)
THIRD_CHILD_ONE_SPOUSE = register(
    "family_land.third_child_one_spouse",
    en="a third or later child of one couple was born on {observed}, on or after {required}",
    fa="فرزند سوم یا بعدیِ یک زوج در {observed} به دنیا آمده است، در {required} یا پس از آن",
)
NOT_ONE_SPOUSE = register(
    "family_land.not_one_spouse",
    en="no third or later child of one couple was born on or after {required}"
    " (draft bylaw: three children from one spouse)",
    fa="هیچ فرزند سوم یا بعدیِ یک زوج در {required} یا پس از آن به دنیا نیامده است"
    " (پیش‌نویس آیین‌نامه: سه فرزند از یک همسر)",
)
NO_BUDGET_NOTE = register(
    "family_land.no_budget_note",
    en="no budget note grants a free plot on {observed}"
    " (the notes of 1402 and 1403 held in their own years only)",
    fa="در {observed} هیچ تبصره‌ی بودجه‌ای زمین رایگان نمی‌دهد"
    " (تبصره‌های ۱۴۰۲ و ۱۴۰۳ فقط در سال خود اجرا می‌شدند)",
)
TOO_FEW_YOUNG_CHILDREN = register(
    "family_land.too_few_young_children",
    en="{observed} children under the budget note's age limit, fewer than {required}",
    fa="{observed} فرزند زیر سن مقرر در تبصره‌ی بودجه، کمتر از {required}",
)
FREE_PLOT_CHILDREN = register(
    "family_land.free_plot_children",
    en="{observed} children under the budget note's age limit, at least {required}",
    fa="{observed} فرزند زیر سن مقرر در تبصره‌ی بودجه، دست‌کم {required}",
)
FREE_PLOT_CHILDREN_ART4 = register(
    "family_land.free_plot_children_art4",
    en="{observed} children under the budget note's age limit, at least {required},"
    " and the conditions of art. 4 hold",
    fa="{observed} فرزند زیر سن مقرر در تبصره‌ی بودجه، دست‌کم {required}، و شرایط ماده‌ی ۴ برقرار است",
)
ART4_NOT_MET = register(
    "family_land.art4_not_met",
    en="{observed} children under the budget note's age limit, but the note applies within"
    " the conditions of art. 4, which do not hold",
    fa="{observed} فرزند زیر سن مقرر در تبصره‌ی بودجه، اما تبصره در چارچوب شرایط ماده‌ی ۴"
    " اجرا می‌شود و این شرایط برقرار نیست",
)

_CHILDREN_FACT = "children's birth dates"
_BY_SPOUSE_FACT = "children by spouse (children_by_spouse)"

# --- art. 4: a third or later child ----------------------------------------------------------


def _value(case: Case, parameter: Parameter[Any]) -> Any:
    """The parameter's value on ``case.on``; before its first version, the first version's
    value, so that a rule whose main value the caller supplied runs on any date."""
    if parameter.code in case.values or case.on >= parameter.history[0][0]:
        return case.resolve(parameter).value
    return parameter.history[0][1]


def _born_by(dates: tuple[datetime.date, ...], day: datetime.date) -> int:
    """How many of the sorted ``dates`` are on or before ``day``: a child recorded with a
    later birth date is not born yet on the evaluation date, and a birth is not the
    passage of time, so it never gives an ``eligible_from``."""
    return bisect.bisect_right(dates, day)


def _third_child_of_a_couple(
    groups: Mapping[str, Iterable[datetime.date | str]],
    cutoff: datetime.date,
    known_by: datetime.date,
) -> datetime.date | None:
    """The latest birth, on or after ``cutoff``, of a third or later child in one group."""
    latest: datetime.date | None = None
    for dates in groups.values():
        born = sorted(as_date(day, "children_by_spouse") for day in dates)
        count = _born_by(tuple(born), known_by)
        if count >= _THIRD and born[count - 1] >= cutoff:
            youngest = born[count - 1]
            latest = youngest if latest is None or youngest > latest else latest
    return latest


def _third_child_at(case: Case, rule: Rule, known_by: datetime.date) -> Finding:
    """Art. 4 on ``case.on``, counting the children born by ``known_by``."""
    if case.on < LAW_APPROVED and THIRD_CHILD_BORN_FROM.code not in case.values:
        return rule.failed(LAW_NOT_IN_FORCE, observed=case.on, required=LAW_APPROVED)
    resolved = case.resolve(THIRD_CHILD_BORN_FROM)
    cutoff = resolved.value
    details: dict[str, Any] = {
        "required": cutoff,
        "parameter": THIRD_CHILD_BORN_FROM.code,
        "effective_from": resolved.effective_from,
    }
    dates = case.person.children_birth_dates
    if dates is None:
        return rule.unknown(_CHILDREN_FACT)
    count = _born_by(dates, known_by)
    if count < _THIRD:
        return rule.failed(TOO_FEW_CHILDREN, observed=count, required=_THIRD)
    # Dates are sorted: the youngest child is the latest-born, and its rank is >= 3.
    youngest = dates[count - 1]
    if youngest < cutoff:
        return rule.failed(THIRD_CHILD_TOO_EARLY, observed=youngest, **details)
    if not _value(case, ONE_SPOUSE_REQUIRED):
        return rule.passed(THIRD_CHILD_BORN, observed=youngest, **details)
    groups = case.context.get("children_by_spouse")
    if groups is None:
        return rule.unknown(_BY_SPOUSE_FACT)
    of_couple = _third_child_of_a_couple(groups, cutoff, known_by)
    if of_couple is None:
        return rule.failed(NOT_ONE_SPOUSE, **details)
    return rule.passed(THIRD_CHILD_ONE_SPOUSE, observed=of_couple, **details)


def _check_third_child(case: Case, rule: Rule) -> Finding:
    return _third_child_at(case, rule, case.on)


THIRD_CHILD = Rule(
    code="family_land.third_child",
    title_en="art. 4: a third or later child born under the law",
    title_fa="ماده‌ی ۴: فرزند سوم یا بیشتر متولد پس از تصویب قانون",
    source=ART4_SOURCE,
    check=_check_third_child,
    parameters=(THIRD_CHILD_BORN_FROM, ONE_SPOUSE_REQUIRED),
    columns=InColumns(
        reads=("children_birth_dates",),
        failures=(LAW_NOT_IN_FORCE, TOO_FEW_CHILDREN, THIRD_CHILD_TOO_EARLY, NOT_ONE_SPOUSE),
    ),
)
"""Art. 4: the household's third or later child was born on or after 1400-08-24.

Passes when at least three children are born by the evaluation date and the youngest of
them was born on or after :data:`THIRD_CHILD_BORN_FROM` (the youngest then is the third
child or a later one). With :data:`ONE_SPOUSE_REQUIRED` on, the three must share their
other parent: pass ``children_by_spouse``, a mapping from each other parent (their
national ID, or any label) to the birth dates of the children the applicant has with
them; the rule is unknown without it. Before 1400-08-24 the article is not in force.
Time gives no ``eligible_from``: only a birth could change the answer.

>>> from maskan.calendar import jdate
>>> from maskan.eligibility import Case
>>> from maskan.models.person import Person
>>> two = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
...              children_birth_dates=["1396/01/01", "1401/01/01"])
>>> finding = THIRD_CHILD(Case(person=two, on=jdate(1404, 9, 4)))
>>> finding.reason, finding.observed, finding.eligible_from
('family_land.too_few_children', 2, None)
"""

# --- the budget notes: a free plot in 1402 and in 1403 ----------------------------------------


def _finding(rule: Rule, source: Source, outcome: Outcome, reason: str, **details: Any) -> Finding:
    """A finding of ``rule`` that cites the budget note in force, not both notes."""
    return Finding(
        rule=rule.code,
        title_en=rule.title_en,
        title_fa=rule.title_fa,
        outcome=outcome,
        reason=reason,
        source=source,
        **details,
    )


def _free_plot_at(case: Case, rule: Rule, known_by: datetime.date) -> Finding:
    """The free-plot rule on ``case.on``, counting the children born by ``known_by``;
    ``eligible_from`` is left to the caller."""
    on = case.on
    supplied = FREE_PLOT_MIN_CHILDREN.code in case.values
    if not supplied and (on < _VERSIONS[0][0] or on > _VERSIONS[-1][1]):
        return rule.failed(NO_BUDGET_NOTE, observed=on)
    minimum = case.resolve(FREE_PLOT_MIN_CHILDREN)
    source = rule.source
    if minimum.effective_from is not None:
        if on > _YEAR_END[minimum.effective_from]:
            return rule.failed(NO_BUDGET_NOTE, observed=on)
        source = _NOTE_SOURCES.get(jalali_ymd(minimum.effective_from)[0], source)
    # A caller who supplies only the minimum gets the recorded age limit and art. 4 flag in
    # force (the first note's before 1402) rather than an error.
    limit = _value(case, FREE_PLOT_CHILD_AGE_LIMIT)
    dates = case.person.children_birth_dates
    if dates is None:
        return rule.unknown(_CHILDREN_FACT)
    young = sum(1 for born in dates[: _born_by(dates, known_by)] if full_years(born, on) < limit)
    details: dict[str, Any] = {
        "observed": young,
        "required": minimum.value,
        "parameter": FREE_PLOT_MIN_CHILDREN.code,
        "effective_from": minimum.effective_from,
    }
    if young < minimum.value:
        return _finding(rule, source, Outcome.FAILED, TOO_FEW_YOUNG_CHILDREN, **details)
    if not _value(case, FREE_PLOT_WITHIN_ART4):
        return _finding(rule, source, Outcome.PASSED, FREE_PLOT_CHILDREN, **details)
    art4 = _third_child_at(case, THIRD_CHILD, known_by)
    if art4.outcome is Outcome.UNKNOWN:
        return rule.unknown(art4.fact or _CHILDREN_FACT)
    if art4.outcome is Outcome.FAILED:
        return _finding(rule, source, Outcome.FAILED, ART4_NOT_MET, **details)
    return _finding(rule, source, Outcome.PASSED, FREE_PLOT_CHILDREN_ART4, **details)


def _check_free_plot(case: Case, rule: Rule) -> Finding:
    finding = _free_plot_at(case, rule, case.on)
    if finding.outcome is not Outcome.FAILED or FREE_PLOT_MIN_CHILDREN.code in case.values:
        return finding
    # The only thing time brings is a later budget year: the first whose note the family
    # meets with the children born by today (they will only be older) is eligible_from.
    for start, _ in _VERSIONS:
        if start > case.on:
            later = _free_plot_at(attrs.evolve(case, on=start), rule, case.on)
            if later.outcome is Outcome.PASSED:
                return attrs.evolve(finding, eligible_from=start)
    return finding


FREE_PLOT = Rule(
    code="family_land.free_plot",
    title_en="budget-year free plot",
    title_fa="زمین رایگان سال بودجه",
    source=BUDGET_SOURCE,
    check=_check_free_plot,
    parameters=(FREE_PLOT_MIN_CHILDREN, FREE_PLOT_CHILD_AGE_LIMIT, FREE_PLOT_WITHIN_ART4),
    columns=InColumns(
        reads=("children_birth_dates",),
        failures=(NO_BUDGET_NOTE, TOO_FEW_YOUNG_CHILDREN, ART4_NOT_MET),
    ),
)
"""The budget laws' free plot: in 1402 (note 11(h)) and 1403 (note 13, para. 2), a family
with :data:`FREE_PLOT_MIN_CHILDREN` (4) or more children younger than
:data:`FREE_PLOT_CHILD_AGE_LIMIT` (20) on the evaluation date; in 1402 the conditions of
art. 4 (:data:`THIRD_CHILD`) as well (:data:`FREE_PLOT_WITHIN_ART4`).

Each note holds from 1 Farvardin to the last day of its own year; outside them the rule
fails with ``family_land.no_budget_note``. A finding cites the note in force. Its
``eligible_from`` is the first day of a later budget year whose note the family would meet
with the children already born — for example 1403-01-01 for a family of four young
children refused in 1402 because art. 4 did not hold — and ``None`` otherwise: time only
makes children older.

>>> from maskan.calendar import jdate
>>> from maskan.eligibility import Case
>>> from maskan.models.person import Person
>>> four = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
...               children_birth_dates=["1390/01/01", "1392/01/01", "1394/01/01", "1396/01/01"])
>>> finding = FREE_PLOT(Case(person=four, on=jdate(1402, 6, 1)))
>>> finding.reason, finding.source.article, finding.eligible_from == jdate(1403, 1, 1)
('family_land.art4_not_met', 'note 11(h)', True)
"""

ROUTE = any_of(
    "family_land.route",
    FREE_PLOT,
    THIRD_CHILD,
    title_en="route to family land or housing",
    title_fa="مسیر برخورداری از زمین یا مسکن خانواده",
    source=_ROUTE_SOURCE,
)
"""Either route: the budget-year free plot, else art. 4. ``held`` names the first route
that held; the free plot comes first because in 1402 it needs art. 4 too, and listed second
it would never be named.

>>> [rule.code for rule in ROUTE.rules]
['family_land.free_plot', 'family_land.third_child']
"""

PROGRAM = Program(
    code="family_land",
    version="2026.1",
    title_en="Land or housing for families with a third or later child (Youthful Population law)",
    title_fa="زمین یا مسکن برای خانواده‌های دارای فرزند سوم و بیشتر"
    " (قانون حمایت از خانواده و جوانی جمعیت)",
    rules=(ROUTE,),
    context=("children_by_spouse",),
)
"""The family_land program: one rule, :data:`ROUTE`.

Context: ``children_by_spouse`` (only with ``one_spouse_required=True``).

>>> PROGRAM.code, [parameter.code for parameter in PROGRAM.parameters]
('family_land', ['free_plot_min_children', 'free_plot_child_age_limit', \
'free_plot_within_art4', 'third_child_born_from', 'one_spouse_required'])
"""


def qualifying_routes(decision: Decision) -> tuple[str, ...]:
    """The codes of every route that held in a family_land decision, in rule order
    (``held`` names only the first).

    >>> from maskan.calendar import jdate
    >>> from maskan.models.person import Person
    >>> family = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
    ...                 children_birth_dates=["1390/01/01", "1393/01/01", "1396/01/01",
    ...                                       "1401/01/01"])
    >>> qualifying_routes(PROGRAM.evaluate(family, on=jdate(1402, 6, 1)))
    ('family_land.free_plot', 'family_land.third_child')
    """
    return tuple(
        branch.rule
        for finding in decision.findings
        if finding.rule == ROUTE.code
        for branch in finding.branches
        if branch.outcome is Outcome.PASSED
    )
