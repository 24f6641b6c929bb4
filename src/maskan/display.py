"""Notebook display: maskan objects as compact right-to-left HTML.

[`html`][maskan.display.html] shows a [`Person`][maskan.models.person.Person], a
[`Cooperative`][maskan.models.cooperative.Cooperative], a
[`HousingProject`][maskan.models.project.HousingProject], a
[`Decision`][maskan.eligibility.decision.Decision], an allocation (any object with
``assignments``, ``method`` and ``seed``, as `maskan.allocation`
returns) and a [`Table`][maskan.reports.Table] the way a Persian reader expects them:
right to left (``dir="rtl"``), Persian digits, Jalali dates, money in compact toman. Jupyter
calls it through each class's ``_repr_html_``, so an object at the end of a cell shows
itself.

**Safe.** Every piece of text, the user's and maskan's own, goes through
:func:`html.escape`: a member called ``<script>alert(1)</script>`` is shown as those
characters and never runs. Text that may run in either direction (a name, a code) is
wrapped in ``<bdi>`` so that it cannot reorder what is around it.

>>> from maskan.models.person import Person
>>> person = Person(national_id="0499370899", first_name="<script>alert(1)</script>",
...                 last_name="کریمی", birth_date="1370/01/15")
>>> shown = html(person)
>>> shown.startswith('<div class="maskan maskan-person" dir="rtl" lang="fa"')
True
>>> "<script>" in shown, "&lt;script&gt;alert(1)&lt;/script&gt;" in shown
(False, True)
>>> "۰۴۹۹۳۷۰۸۹۹" in shown, "۱۵ فروردین ۱۳۷۰" in shown
(True, True)
"""

from __future__ import annotations

import datetime
import html as _html
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction

import attrs

from maskan.eligibility.decision import Decision, Verdict
from maskan.eligibility.rules import Finding, Outcome
from maskan.errors import DisplayError, describe
from maskan.models.cooperative import Cooperative, CooperativeEvent
from maskan.models.person import Person
from maskan.models.project import FundingSource, HousingProject, Unit
from maskan.money import Rial
from maskan.persian.amounts import format_money
from maskan.persian.dates import format_date
from maskan.persian.digits import to_persian_digits
from maskan.persian.numbers import format_number, format_percent
from maskan.reports import MISSING, Column, ColumnKind, Table, format_value

__all__ = ["MAX_ROWS", "DisplayError", "html"]

MAX_ROWS = 60
"""The most rows a table (or an allocation, or a cooperative's history) shows; a line says
how many were left out.

>>> MAX_ROWS
60
"""

_RECENT_EVENTS = 5

_WRAP = (
    ' dir="rtl" lang="fa" style="font-family:Vazirmatn,Tahoma,\'Segoe UI\',sans-serif;'
    'text-align:right;line-height:1.7;margin:0.25em 0"'
)
_TITLE = '<div style="font-weight:bold;font-size:1.1em">'
_SUBTITLE = '<div style="color:#666;font-size:0.9em">'
_NOTE = '<div style="color:#666;font-size:0.85em">'
_TABLE = '<table style="border-collapse:collapse;direction:rtl;margin:0.25em 0">'
_TH = (
    '<th style="text-align:right;padding:0.1em 0.6em;border-bottom:1px solid #ccc;font-weight:600">'
)
_TD = '<td style="text-align:right;padding:0.1em 0.6em;border-bottom:1px solid #eee">'
_VERDICT_COLOURS = {
    Verdict.ELIGIBLE: "#1b7f3b",
    Verdict.INELIGIBLE: "#b3261e",
    Verdict.UNDETERMINED: "#7a6a00",
}
_MARKS = {
    Outcome.PASSED: ("✓", "#1b7f3b"),
    Outcome.FAILED: ("✗", "#b3261e"),
    Outcome.UNKNOWN: ("?", "#7a6a00"),
}


def _e(text: object) -> str:
    """Escaped text: the only way text enters the HTML."""
    return _html.escape(str(text), quote=True)


def _bdi(text: object) -> str:
    return f"<bdi>{_e(text)}</bdi>"


def _date(day: datetime.date | None) -> str:
    return MISSING if day is None else format_date(day)


def _yes_no(flag: bool) -> str:
    return "بله" if flag else "خیر"


def _digits(text: str) -> str:
    """An identifier in Persian digits (maskan reads any digit script back)."""
    return to_persian_digits(text)


def _money(amount: Rial) -> str:
    return format_money(amount, unit="toman", style="compact")


def _wrap(kind: str, parts: Iterable[str]) -> str:
    return f'<div class="maskan maskan-{kind}"{_WRAP}>' + "".join(parts) + "</div>"


def _facts(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column table of label and value, both given as HTML already escaped."""
    body = "".join(f"<tr>{_TH}{label}</th>{_TD}{value}</td></tr>" for label, value in rows)
    return f"{_TABLE}<tbody>{body}</tbody></table>"


def _grid(headers: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    """A table with a header row; cells given as HTML already escaped."""
    head = "".join(f"{_TH}{_e(label)}</th>" for label in headers)
    body = "".join("<tr>" + "".join(f"{_TD}{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f"{_TABLE}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _more(shown: int, total: int) -> str:
    if shown >= total:
        return ""
    return f"{_NOTE}{_e(f'{format_number(shown)} ردیف از {format_number(total)} ردیف')}</div>"


# Person ---------------------------------------------------------------------------------


def _person(person: Person) -> str:
    facts: list[tuple[str, str]] = [(_e("کد ملی"), _bdi(_digits(person.national_id)))]

    def add(label: str, value: object) -> None:
        if value is not None:
            facts.append((_e(label), value if isinstance(value, _Safe) else _bdi(value)))

    add("نام پدر", person.father_name)
    if person.birth_date is not None:
        add("تاریخ تولد", _date(person.birth_date))
    if person.gender is not None:
        add("جنسیت", person.gender.label_fa)
    if person.nationality is not None:
        add("تابعیت", person.nationality.label_fa)
    if person.legal_capacity is not None:
        add("اهلیت قانونی", _yes_no(person.legal_capacity))
    if person.marital_status is not None:
        add("وضعیت تأهل", person.marital_status.label_fa)
    if person.head_of_household is not None:
        add("سرپرست خانوار", _yes_no(person.head_of_household))
    if person.children_count is not None:
        add("فرزندان", format_number(person.children_count))
    if person.dependants is not None:
        add("افراد تحت تکفل", format_number(person.dependants))
    if person.disabled is not None:
        add("معلولیت", _yes_no(person.disabled))
    if person.veteran_status is not None:
        add("ایثارگری", person.veteran_status.label_fa)
    if person.residences:
        last = person.residences[-1]
        add("محل سکونت", _Safe(f"{_bdi(last.city)} (از {_e(_date(last.since))})"))
    if person.employment is not None:
        job = person.employment
        parts = [_e(job.kind.label_fa)] if job.kind is not None else []
        if job.employer is not None:
            parts.append(_bdi(job.employer))
        if parts:
            add("اشتغال", _Safe("، ".join(parts)))
    if person.insured_periods is not None:
        add("سوابق بیمه", f"{format_number(len(person.insured_periods))} دوره")
    if person.owned_properties is not None:
        add("املاک مسکونی", f"{format_number(len(person.owned_properties))} مورد")
    if person.benefits is not None:
        add("امکانات دولتی مسکن", f"{format_number(len(person.benefits))} مورد")
    if person.form_j is not None:
        when = "" if person.form_j.as_of is None else f" ({_date(person.form_j.as_of)})"
        add("فرم ج", f"{person.form_j.color.label_fa}{when}")
    if person.income_decile is not None:
        add("دهک درآمدی", format_number(person.income_decile))
    if person.spouse_national_id is not None:
        add("کد ملی همسر", _digits(person.spouse_national_id))
    return _wrap("person", [f"{_TITLE}{_bdi(person.full_name)}</div>", _facts(facts)])


class _Safe(str):
    """HTML built here from escaped parts, not to be escaped again."""

    __slots__ = ()


# Cooperative ----------------------------------------------------------------------------


def _event_detail(event: CooperativeEvent) -> str:
    parts = []
    if event.shares is not None:
        parts.append(_e(f"{format_number(event.shares)} سهم"))
    if event.ground is not None:
        parts.append(_bdi(event.ground))
    if event.note is not None:
        parts.append(_bdi(event.note))
    return "، ".join(parts)


def _people(ids: tuple[str, ...], limit: int = 3) -> str:
    shown = [_bdi(_digits(national_id)) for national_id in ids[:limit]]
    if len(ids) > limit:
        shown.append(_e(f"و {format_number(len(ids) - limit)} نفر دیگر"))
    return "، ".join(shown)


def _cooperative(cooperative: Cooperative) -> str:
    place = [cooperative.province.name_fa]
    if cooperative.county is not None:
        place.append(cooperative.county.name_fa)
    if cooperative.city is not None:
        place.append(cooperative.city)
    facts = [
        ("شناسهٔ ملی", _bdi(_digits(cooperative.legal_id))),
        ("مکان", "، ".join(_bdi(part) for part in place)),
        ("تاریخ تأسیس", _e(_date(cooperative.founded_on))),
        ("اعضای فعال", _e(format_number(cooperative.active_count))),
        ("سرمایه", _e(_money(cooperative.capital))),
    ]
    if cooperative.registration_number is not None:
        facts.insert(1, ("شمارهٔ ثبت", _bdi(_digits(cooperative.registration_number))))
    board = cooperative.board
    if board is not None:
        term = f"{format_number(len(board.principals))} عضو اصلی"
        if board.alternates:
            term += f" و {format_number(len(board.alternates))} علی‌البدل"
        term += f"، تا {_date(board.term_ends_on)}"
        facts.append(("هیأت مدیره", _e(term)))
    history = cooperative.history
    recent = list(history[-_RECENT_EVENTS:])[::-1]
    parts = [
        f"{_TITLE}{_bdi(cooperative.name)}</div>",
        f"{_SUBTITLE}{_e(cooperative.kind.label_fa)}</div>",
        _facts((_e(label), value) for label, value in facts),
    ]
    if recent:
        shown = f"آخرین رویدادها ({format_number(len(recent))} از {format_number(len(history))})"
        parts.append(f"{_SUBTITLE}{_e(shown)}</div>")
        parts.append(
            _grid(
                ("تاریخ", "رویداد", "اعضا", "توضیح"),
                (
                    (
                        _e(_date(event.on)),
                        _e(event.kind.label_fa),
                        _people(event.national_ids),
                        _event_detail(event),
                    )
                    for event in recent
                ),
            )
        )
    return _wrap("cooperative", parts)


# Housing project ------------------------------------------------------------------------


def _project(project: HousingProject) -> str:
    place = [project.province.name_fa]
    if project.county is not None:
        place.append(project.county.name_fa)
    if project.city is not None:
        place.append(project.city)
    facts = [
        ("کد پروژه", _bdi(project.code)),
        ("تعاونی", _bdi(_digits(project.cooperative_id))),
        ("مکان", "، ".join(_bdi(part) for part in place)),
    ]
    if project.address is not None:
        facts.append(("نشانی", _bdi(project.address)))
    land = []
    if project.land_area_m2 is not None:
        land.append(f"{format_number(project.land_area_m2)} متر مربع")
    if project.land_tenure is not None:
        land.append(project.land_tenure.label_fa)
    if land:
        facts.append(("زمین", _e("، ".join(land))))
    if project.status_history:
        last = project.status_history[-1]
        facts.append(("وضعیت", _e(f"{last.status.label_fa} (از {_date(last.date)})")))
    if project.progress_history:
        report = project.progress_history[-1]
        percent = format_percent(report.percent / 100, decimals=1)
        facts.append(("پیشرفت فیزیکی", _e(f"{percent} ({_date(report.date)})")))
    facts.append(("واحدها", _e(format_number(len(project.units)))))
    parts = [
        f"{_TITLE}{_bdi(project.name)}</div>",
        _facts((_e(label), value) for label, value in facts),
    ]
    if project.financing:
        totals = project.financing_by_source()
        everything = sum(amount.rials for amount in totals.values())
        rows = [
            (_e(source.label_fa), _e(_money(amount)), _e(_share(amount.rials, everything)))
            for source, amount in totals.items()
            if amount.rials or source is not FundingSource.OTHER
        ]
        rows.append((_e("جمع"), _e(_money(Rial(everything))), _e(_share(everything, everything))))
        parts.append(f"{_SUBTITLE}{_e('تأمین مالی')}</div>")
        parts.append(_grid(("منبع", "مبلغ", "سهم"), rows))
    if len(project.status_history) > 1:
        steps = " ← ".join(
            f"{change.status.label_fa} ({_date(change.date)})" for change in project.status_history
        )
        parts.append(f"{_NOTE}{_e(steps)}</div>")
    return _wrap("project", parts)


def _share(part: int, whole: int) -> str:
    return MISSING if whole == 0 else format_percent(Decimal(part) / Decimal(whole), decimals=1)


# Decision -------------------------------------------------------------------------------


def _finding(finding: Finding) -> str:
    mark, colour = _MARKS[finding.outcome]
    line = (
        f'<span style="color:{colour};font-weight:bold">{mark}</span> '
        f"<b>{_bdi(finding.title_fa)}</b>: {_bdi(finding.message('fa'))}"
    )
    if finding.branches:
        line += _findings(finding.branches)
    return f"<li>{line}</li>"


def _findings(findings: Iterable[Finding]) -> str:
    items = "".join(_finding(finding) for finding in findings)
    return f'<ul style="list-style:none;padding-right:1.2em;padding-left:0;margin:0">{items}</ul>'


def _decision(decision: Decision) -> str:
    colour = _VERDICT_COLOURS[decision.verdict]
    badge = (
        f'<span style="color:#fff;background:{colour};border-radius:0.3em;padding:0 0.4em">'
        f"{_e(decision.verdict.label_fa)}</span>"
    )
    when = f" در {_date(decision.on)}"
    parts = [
        f"{_TITLE}{_bdi(decision.title_fa)}</div>",
        f"<div>{badge}{_e(when)} "
        f'<span style="color:#666;font-size:0.85em">(<bdi dir="ltr">{_e(decision.program)}'
        f" {_e(decision.version)}</bdi>)</span></div>",
    ]
    if decision.eligible_from is not None and decision.eligible_from != decision.on:
        parts.append(f"<div>{_e(f'از {_date(decision.eligible_from)} واجد شرایط می‌شود')}</div>")
    parts.append(_findings(decision.findings))
    return _wrap("decision", parts)


# Allocation (duck-typed: maskan.allocation is its own module) ---------------------------

_FIELD_LABELS = {
    "position": "ردیف",
    "rank": "رتبه",
    "national_id": "کد ملی",
    "member_id": "کد ملی",
    "member": "عضو",
    "name": "نام",
    "unit": "واحد",
    "block": "بلوک",
    "number": "شماره",
    "floor": "طبقه",
    "points": "امتیاز",
    "score": "امتیاز",
    "group": "گروه",
    "key": "کلید قرعه",
    "draw_key": "کلید قرعه",
    "outcome": "نتیجه",
    "winners": "واحدهای قابل تخصیص",
    "method": "روش",
    "seed": "بذر قرعه",
    "algorithm": "الگوریتم",
    "version": "نسخه",
    "on": "تاریخ",
    "date": "تاریخ",
    "cooperative_id": "تعاونی",
    "project_code": "پروژه",
    "project": "پروژه",
}
_ALLOCATION_FACTS = (
    "method",
    "seed",
    "algorithm",
    "version",
    "on",
    "date",
    "cooperative_id",
    "project",
    "project_code",
    "winners",
)
_KEY_SHOWN = 16  # of a draw key's 64 hex digits: enough to compare by eye


def _plain(value: object) -> str:
    """Any value as Persian text (not yet escaped)."""
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return _yes_no(value)
    label = getattr(value, "label_fa", None)
    if isinstance(label, str):
        return label
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, Rial):
        return _money(value)
    if isinstance(value, int | Decimal):
        return format_number(value)
    if isinstance(value, Fraction):
        return f"{format_number(value.numerator)}/{format_number(value.denominator)}"
    if isinstance(value, Unit):
        where = f"بلوک {value.block}، " if value.block else ""
        return to_persian_digits(f"{where}واحد {value.number}")
    if isinstance(value, str):
        return to_persian_digits(value) if value.isascii() and value.isdigit() else value
    if isinstance(value, tuple | list):
        return "، ".join(_plain(item) for item in value[:5]) + ("، …" if len(value) > 5 else "")
    for attribute in ("code", "name", "national_id"):
        inner = getattr(value, attribute, None)
        if isinstance(inner, str):
            return inner
    return str(value)


def _record_cells(record: object) -> dict[str, object]:
    kind = type(record)
    if attrs.has(kind):
        cells: dict[str, object] = {}
        for field in attrs.fields(kind):
            value = getattr(record, field.name)
            if _is_unit_key(value):
                cells[field.name] = _unit_key_label(value)
            elif field.name in ("key", "draw_key") and isinstance(value, str):
                cells[field.name] = value[:_KEY_SHOWN] + ("…" if len(value) > _KEY_SHOWN else "")
            elif not _nested(value):
                cells[field.name] = value
        return cells
    if isinstance(record, tuple) and len(record) == 2:
        return {"member": record[0], "unit": record[1]}
    return {"member": record}


def _is_unit_key(value: object) -> bool:
    """A unit's key, ``(block, number)``, as an allocation records it."""
    return isinstance(value, tuple) and len(value) == 2 and all(isinstance(p, str) for p in value)


def _unit_key_label(key: tuple[str, str]) -> str:
    block, number = key
    return to_persian_digits((f"بلوک {block}، " if block else "") + f"واحد {number}")


def _nested(value: object) -> bool:
    """A collection (a points breakdown): too much for one cell."""
    return isinstance(value, tuple | list | set | frozenset | Mapping)


def _allocation(allocation: object) -> str:
    facts = []
    for name in _ALLOCATION_FACTS:
        value = getattr(allocation, name, None)
        if value is None or callable(value):
            continue
        # a seed is shown as announced, digits without grouping, so anyone can re-type it
        text = to_persian_digits(str(value)) if name == "seed" else _plain(value)
        facts.append((_e(_FIELD_LABELS[name]), _bdi(text)))
    # every candidate's turn when the allocation keeps them, else the assignments
    assignments: object = getattr(allocation, "turns", None)
    if assignments is None or callable(assignments):
        assignments = getattr(allocation, "assignments", ())
    if isinstance(assignments, Mapping):
        records: list[object] = list(assignments.items())
    elif isinstance(assignments, Iterable) and not isinstance(assignments, str | bytes):
        records = list(assignments)
    else:
        records = [assignments]
    parts = [f"{_TITLE}{_e('تخصیص واحدها')}</div>", _facts(facts)]
    if records:
        shown = [_record_cells(record) for record in records[:MAX_ROWS]]
        keys = [
            key
            for key in dict.fromkeys(key for cells in shown for key in cells)
            if any(cells.get(key) is not None for cells in shown)  # no empty columns
        ]
        parts.append(
            _grid(
                [_FIELD_LABELS.get(key, key) for key in keys],
                ([_bdi(_plain(cells.get(key))) for key in keys] for cells in shown),
            )
        )
        parts.append(_more(len(shown), len(records)))
    return _wrap("allocation", parts)


# Table ----------------------------------------------------------------------------------


def _cell(value: object, column: Column) -> str:
    text = format_value(value, column.kind, "fa")
    return _bdi(text) if column.kind is ColumnKind.TEXT else _e(text)


def _table(table: Table) -> str:
    shown = [column for column in table.columns if column.shown_in("fa")]
    rows = table.rows[:MAX_ROWS]
    head = "".join(f"{_TH}{_e(column.label_fa)}</th>" for column in shown)
    body = "".join(
        "<tr>"
        + "".join(f"{_TD}{_cell(row[column.key], column)}</td>" for column in shown)
        + "</tr>"
        for row in rows
    )
    foot = ""
    if table.totals is not None and shown:
        totals = table.totals
        cells = [
            _cell(totals[column.key], column) if column.key in totals else "" for column in shown
        ]
        if shown[0].key not in totals:
            cells[0] = _e("جمع")
        foot = (
            '<tfoot style="font-weight:600">'
            + "<tr>"
            + "".join(f"{_TD}{cell}</td>" for cell in cells)
            + "</tr></tfoot>"
        )
    parts = [
        f"{_TITLE}{_bdi(table.title_fa)}</div>",
        f"{_TABLE}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>{foot}</table>",
        _more(len(rows), len(table.rows)),
    ]
    if not table.rows:
        parts.insert(2, f"{_NOTE}{_e('(بدون داده)')}</div>")
    if table.note_fa:
        parts.append(f"{_NOTE}{_bdi(table.note_fa)}</div>")
    return _wrap("table", parts)


# The entry point ------------------------------------------------------------------------


def _is_allocation(obj: object) -> bool:
    return all(hasattr(obj, name) for name in ("assignments", "method", "seed"))


def html(obj: object) -> str:
    """The HTML of a maskan object, for a notebook: compact, right to left, Persian.

    Shows a [`Person`][maskan.models.person.Person] (the known facts only), a
    [`Cooperative`][maskan.models.cooperative.Cooperative] (its facts and latest events),
    a [`HousingProject`][maskan.models.project.HousingProject] (place, stage, progress,
    financing), a [`Decision`][maskan.eligibility.decision.Decision] (verdict and every
    finding), an allocation (any object with ``assignments``, ``method`` and ``seed``:
    its facts and one row per assignment) and a [`Table`][maskan.reports.Table] (at most
    [`MAX_ROWS`][maskan.display.MAX_ROWS] rows). All text is escaped.

    Raises:
        DisplayError: code ``type`` for anything else.

    >>> from maskan.models._coop_examples import example_cooperative
    >>> shown = html(example_cooperative())
    >>> 'dir="rtl"' in shown, "تعاونی مسکن کارکنان نمونه" in shown, "۱ مهر ۱۴۰۳" in shown
    (True, True, True)
    """
    if isinstance(obj, Table):
        return _table(obj)
    if isinstance(obj, Person):
        return _person(obj)
    if isinstance(obj, Cooperative):
        return _cooperative(obj)
    if isinstance(obj, HousingProject):
        return _project(obj)
    if isinstance(obj, Decision):
        return _decision(obj)
    if _is_allocation(obj):
        return _allocation(obj)
    raise DisplayError(
        f"obj: {describe(obj)} is a {type(obj).__name__}; html() shows a Person, Cooperative,"
        " HousingProject, Decision, allocation or Table",
        message_fa=f"obj: {describe(obj)} از نوع {type(obj).__name__} است؛ html فقط شخص، تعاونی،"
        " پروژه، تصمیم، تخصیص یا جدول را نشان می‌دهد",
        code="type",
        field="obj",
        value=obj,
    )
