"""Rosters of people in files: CSV with flat columns, JSON Lines or a JSON array, streamed.

A *roster* is a list of people to screen, one row per person, as ``maskan check`` reads it.
Reading is streamed: one row is in memory at a time, so a file of a million rows takes no
more memory than a file of ten. Every row comes back as a :class:`RosterRow` with its line
number, and either the :class:`~maskan.models.Person` or the reason it could not be read —
a bad row is never dropped.

**CSV.** The first line names the columns (any order, any subset of :data:`COLUMNS`; the
three marked required must be there). An empty cell is an *unknown* fact. Lists use ``;``
(or the Persian ``؛``) between items, and ``none`` (or ``-``, ``ندارد``) for a list known to
be empty. Yes/no cells take ``yes``/``no``, ``true``/``false``, ``1``/``0``, ``بله``/``خیر``.
Choice cells take the code or either label (``married``, ``متأهل``). Dates are Jalali or
Gregorian (``1370/05/10``, ``2025-11-25``), in any digits. The file is UTF-8, with or
without a byte-order mark.

>>> import io
>>> text = '''national_id,first_name,last_name,birth_date,marital_status,city,city_since
... 0499370899,سارا,احمدی,1371/02/10,متأهل,اصفهان,1390/01/01
... 0499370898,رضا,کریمی,,,,
... '''
>>> rows = list(read_roster(io.BytesIO(text.encode()), format="csv"))
>>> rows[0].line, rows[0].person.marital_status.value, rows[0].person.residences[0].city
(2, 'married', 'اصفهان')
>>> rows[1].line, rows[1].error.code
(3, 'checksum')

**JSON.** JSON Lines (one JSON object per line, blank lines skipped) or one JSON array of
objects; the array is streamed too. Each object is a person as :mod:`maskan.serde` writes
it (every fact of :class:`~maskan.models.Person`, with any number of residences, insured
periods and properties), or ``{"person": {...}, "context": {"city": "اصفهان"}}`` to give
the row its own evaluation context.

>>> lines = b'{"national_id": "0499370899", "first_name": "a", "last_name": "b"}\\n'
>>> lines += b'{"person": {"national_id": "0499370899"}, "context": {"city": "x"}}\\n'
>>> first, second = read_roster(io.BytesIO(lines), format="json")
>>> first.person.full_name, second.line, second.error.code
('a b', 2, 'missing')

The line of a CSV row is the line it starts on (a quoted cell may span lines); of a JSON
array element, the line its ``{`` is on. The header is line 1.

A line longer than 100,000 bytes (or a JSON array element longer than 100,000 characters)
is refused as soon as the limit is passed, without reading the rest of it: the row gets a
:class:`~maskan.errors.RosterError` with code ``too_long`` and reading goes on at the next
line (a too-long header, or an array element that never ends, stops the file).

>>> long = b"national_id,first_name,last_name\\n0499370899," + b"x" * 1_000_000 + b",b\\n"
>>> [(row.line, row.error.code) for row in read_roster(io.BytesIO(long), format="csv")]
[(2, 'too_long')]
"""

from __future__ import annotations

import codecs
import csv
import datetime
import difflib
import functools
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import IO, Any, Literal, TypeVar

import attrs

from maskan import serde
from maskan.calendar import as_date, jdate
from maskan.errors import DataError, MaskanError, Problem, RosterError, describe
from maskan.geo import County, Province
from maskan.models._labels import Labelled
from maskan.models.person import (
    Benefit,
    BenefitKind,
    Employment,
    EmploymentKind,
    FormJ,
    FormJStatus,
    Gender,
    HousingHistory,
    InsuredPeriod,
    Insurer,
    MaritalStatus,
    Nationality,
    OwnedProperty,
    Person,
    PropertyKind,
    Residence,
    VeteranStatus,
)
from maskan.persian.digits import to_latin_digits
from maskan.persian.text import normalize

__all__ = [
    "COLUMNS",
    "Column",
    "RosterError",
    "RosterFormat",
    "RosterReader",
    "RosterRow",
    "person_to_row",
    "read_roster",
    "row_to_person",
    "write_roster",
]

RosterFormat = Literal["csv", "json"]
"""A roster's format: ``"csv"``, or ``"json"`` (JSON Lines or a JSON array).

>>> from typing import get_args
>>> get_args(RosterFormat)
('csv', 'json')
>>> read_roster(io.BytesIO(b'{"national_id": "0499370899"}')).format
'json'
"""
L = TypeVar("L", bound=Labelled)


def _error(column: str, value: object, en: str, fa: str, code: str) -> RosterError:
    return RosterError(
        f"{column}: {describe(value)} {en}",
        message_fa=f"{column}: مقدار {describe(value)} {fa}",
        code=code,
        field=column,
        value=value,
    )


# --- columns ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Column:
    """One CSV column of a roster: its name, what it holds, and whether it is required.

    >>> COLUMNS_BY_NAME["birth_date"].help_en
    'date of birth'
    """

    name: str
    help_en: str
    help_fa: str
    required: bool = False
    example: str = ""


def _column(name: str, en: str, fa: str, example: str = "", required: bool = False) -> Column:
    return Column(name=name, help_en=en, help_fa=fa, required=required, example=example)


COLUMNS: tuple[Column, ...] = (
    _column("national_id", "national ID", "کد ملی", "0499370899", required=True),
    _column("first_name", "first name", "نام", "سارا", required=True),
    _column("last_name", "last name", "نام خانوادگی", "احمدی", required=True),
    _column("father_name", "father's name", "نام پدر", "محمد"),
    _column("birth_date", "date of birth", "تاریخ تولد", "1371/02/10"),
    _column("gender", "female or male", "جنسیت: زن یا مرد", "female"),
    _column("nationality", "iranian or foreign", "تابعیت: ایرانی یا غیرایرانی", "iranian"),
    _column("legal_capacity", "has legal capacity (yes/no)", "اهلیت قانونی (بله/خیر)", "yes"),
    _column(
        "marital_status",
        "single, married, divorced or widowed",
        "وضعیت تأهل: مجرد، متأهل، طلاق‌گرفته، همسرفوت‌شده",
        "married",
    ),
    _column("head_of_household", "head of household (yes/no)", "سرپرست خانوار (بله/خیر)", "yes"),
    _column("child_custody", "has custody of children (yes/no)", "حضانت فرزند (بله/خیر)", "no"),
    _column(
        "children_birth_dates",
        "children's dates of birth, ';' between them, 'none' for no children",
        "تاریخ تولد فرزندان، با ; میان آن‌ها؛ none یعنی فرزندی ندارد",
        "1394/03/01;1397/06/10",
    ),
    _column("dependants", "number of dependants", "تعداد افراد تحت تکفل", "2"),
    _column("disabled", "has a disability (yes/no)", "معلولیت (بله/خیر)", "no"),
    _column(
        "veteran_status",
        "none, veteran or martyr_family",
        "ایثارگری: ندارد، ایثارگر، خانوادهٔ شهید",
        "none",
    ),
    _column("income_decile", "income decile, 1 to 10", "دهک درآمدی، ۱ تا ۱۰", "3"),
    _column(
        "city",
        "city lived in now; 'none' for a residence history known to be empty",
        "شهر محل سکونت کنونی؛ none یعنی سابقهٔ سکونتی ندارد",
        "اصفهان",
    ),
    _column(
        "city_since",
        "date the person began living in that city (needed with city)",
        "تاریخ آغاز سکونت در آن شهر (همراه city لازم است)",
        "1390/01/01",
    ),
    _column("county", "county of that city", "شهرستان آن شهر", "اصفهان"),
    _column("province", "province of that city", "استان آن شهر", "اصفهان"),
    _column(
        "from_metropolis",
        "moved there from a metropolis (yes/no)",
        "مهاجرت از کلان‌شهر (بله/خیر)",
        "no",
    ),
    _column(
        "transferred_employee",
        "came there as a transferred government employee (yes/no)",
        "انتقال به‌عنوان کارمند دولت (بله/خیر)",
        "no",
    ),
    _column(
        "previous_residences",
        "earlier residences, oldest first, 'CITY:SINCE:PROVINCE:COUNTY' with ';' between "
        "(PROVINCE and COUNTY may be left out)",
        "سکونت‌های پیشین، از قدیم به جدید، «شهر:از تاریخ:استان:شهرستان» با ; میان آن‌ها",
        "تهران:1371/02/10:تهران",
    ),
    _column(
        "employment",
        "worker, government_employee, self_employed, retired or other",
        "نوع اشتغال: کارگر، کارمند دولت، خویش‌فرما، بازنشسته، سایر",
        "worker",
    ),
    _column("employer", "employer", "کارفرما", "ذوب آهن اصفهان"),
    _column("workplace", "workplace", "محل کار", "ذوب آهن اصفهان"),
    _column(
        "insurer",
        "current insurer: sso, civil_servants_fund or other",
        "بیمه‌گر کنونی: تأمین اجتماعی، صندوق بازنشستگی کشوری، سایر",
        "sso",
    ),
    _column(
        "insured_since",
        "first day of insurance, 'none' for never insured",
        "نخستین روز بیمه؛ none یعنی هرگز بیمه نبوده",
        "1399/01/01",
    ),
    _column(
        "insured_until",
        "last day of insurance; empty while still insured",
        "آخرین روز بیمه؛ خالی یعنی هنوز بیمه است",
        "",
    ),
    _column(
        "insured_by",
        "who insured that period: sso, civil_servants_fund or other",
        "بیمه‌گرِ آن دوره: تأمین اجتماعی، صندوق بازنشستگی کشوری، سایر",
        "sso",
    ),
    _column(
        "owned_properties",
        "residential properties owned, 'KIND:ACQUIRED:DISPOSED' with ';' between, "
        "'none' for none (KIND unit or land)",
        "املاک مسکونی، «نوع:تاریخ خرید:تاریخ فروش» با ; میان آن‌ها؛ none یعنی هیچ",
        "unit:1395/01/10:1401/06/15",
    ),
    _column(
        "benefits",
        "state housing benefits used, 'KIND:DATE:PROGRAM' with ';' between, 'none' for none "
        "(KIND land, unit, subsidised_loan or other)",
        "امکانات دولتی مسکن، «نوع:تاریخ:طرح» با ; میان آن‌ها؛ none یعنی هیچ",
        "none",
    ),
    _column("form_j", "Form J colour: green or red", "رنگ فرم ج: سبز یا قرمز", "green"),
    _column("form_j_as_of", "date the Form J was read", "تاریخ استعلام فرم ج", "1404/08/01"),
    _column("spouse_national_id", "spouse's national ID", "کد ملی همسر", "0084575948"),
    _column(
        "spouse_owned_properties",
        "spouse's residential properties, as owned_properties",
        "املاک مسکونی همسر، مانند owned_properties",
        "none",
    ),
    _column(
        "spouse_benefits",
        "spouse's state housing benefits, as benefits",
        "امکانات دولتی مسکن همسر، مانند benefits",
        "none",
    ),
    _column("spouse_form_j", "spouse's Form J colour", "رنگ فرم ج همسر", "green"),
    _column(
        "spouse_form_j_as_of", "date the spouse's Form J was read", "تاریخ استعلام فرم ج همسر", ""
    ),
    _column(
        "applied_city",
        "city applied in (the program's context 'city' for this row)",
        "شهر محل تقاضا (زمینهٔ city برای این ردیف)",
        "اصفهان",
    ),
    _column(
        "applied_province",
        "province applied in (the program's context 'province' for this row)",
        "استان محل تقاضا (زمینهٔ province برای این ردیف)",
        "اصفهان",
    ),
)
"""Every CSV column a roster may have, in the order :func:`person_to_row` writes them.

>>> [column.name for column in COLUMNS if column.required]
['national_id', 'first_name', 'last_name']
"""

COLUMNS_BY_NAME: dict[str, Column] = {column.name: column for column in COLUMNS}
""":data:`COLUMNS` by name."""

_REQUIRED = tuple(column.name for column in COLUMNS if column.required)
_CONTEXT_COLUMNS = {"applied_city": "city", "applied_province": "province"}

# --- reading cells ----------------------------------------------------------------------

_NONE_WORDS = frozenset({"none", "-", "ندارد", "هیچ"})
_YES = frozenset({"yes", "y", "true", "1", "بله", "بلی", "آری", "دارد", "هست"})
_NO = frozenset({"no", "n", "false", "0", "خیر", "نه", "ندارد", "نیست"})
_SEPARATOR_TABLE = str.maketrans({"؛": ";"})


@functools.lru_cache(maxsize=4096)
def _key(text: str) -> str:
    # cells repeat ("yes", "married", "none"): the cache spares normalizing each one again
    return to_latin_digits(normalize(text)).casefold()


def _choices(kind: type[Labelled]) -> dict[str, Labelled]:
    table: dict[str, Labelled] = {}
    for member in kind:
        for name in (member.value, member.label_fa, member.label_en, member.name):
            table[_key(name)] = member
    return table


_CHOICES: dict[type[Labelled], dict[str, Labelled]] = {}


def _choice(cell: str, kind: type[L], column: str) -> L:
    table = _CHOICES.get(kind)
    if table is None:
        table = _CHOICES[kind] = _choices(kind)
    found = table.get(cell) or table.get(_key(cell))
    if found is None or not isinstance(found, kind):
        codes = ", ".join(member.value for member in kind)
        raise _error(column, cell, f"is not one of {codes}", f"مجاز نیست؛ یکی از {codes}", "choice")
    return found


def _flag(cell: str, column: str) -> bool:
    key = cell if cell in _YES or cell in _NO else _key(cell)
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise _error(column, cell, "is not yes or no", "بله یا خیر نیست (yes/no، بله/خیر، 1/0)", "flag")


def _integer(cell: str, column: str) -> int:
    text = to_latin_digits(cell).strip()
    if not (text.isascii() and text.lstrip("-").isdigit()):
        raise _error(column, cell, "is not a whole number", "عدد صحیح نیست", "integer")
    return int(text)


def _date(cell: str, column: str) -> datetime.date:
    # the common case, "1371/02/10" or "1992-05-01", without the general reader
    if len(cell) == 10 and cell.isascii() and cell[4] == cell[7] and cell[4] in "/-":
        year, month, day = cell[:4], cell[5:7], cell[8:]
        if year.isdigit() and month.isdigit() and day.isdigit():
            try:
                if year < "1700":
                    return jdate(int(year), int(month), int(day))
                return datetime.date(int(year), int(month), int(day))
            except (ValueError, MaskanError):
                pass  # the general reader explains the problem
    return as_date(cell, column)


def _items(cell: str) -> list[str] | None:
    """The items of a list cell; None for 'none' (a list known to be empty)."""
    if cell in _NONE_WORDS or _key(cell) in _NONE_WORDS:
        return None
    return [item.strip() for item in cell.translate(_SEPARATOR_TABLE).split(";") if item.strip()]


def _parts(item: str, column: str, at: int, most: int) -> list[str]:
    parts = [part.strip() for part in item.split(":")]
    if len(parts) > most:
        raise _error(
            f"{column}[{at}]",
            item,
            f"has {len(parts)} parts; write at most {most}, separated by ':'",
            f"{len(parts)} بخش دارد؛ حداکثر {most} بخش با «:» میان آن‌ها",
            "parts",
        )
    return parts + [""] * (most - len(parts))


def _properties(cell: str, column: str) -> tuple[OwnedProperty, ...]:
    items = _items(cell)
    if items is None:
        return ()
    found = []
    for at, item in enumerate(items):
        kind, acquired, disposed = _parts(item, column, at, 3)
        where = f"{column}[{at}]"
        found.append(
            OwnedProperty(
                kind=_choice(kind, PropertyKind, where),
                acquired=_date(acquired, where) if acquired else None,
                disposed=_date(disposed, where) if disposed else None,
            )
        )
    return tuple(found)


def _benefits(cell: str, column: str) -> tuple[Benefit, ...]:
    items = _items(cell)
    if items is None:
        return ()
    found = []
    for at, item in enumerate(items):
        kind, day, program = _parts(item, column, at, 3)
        where = f"{column}[{at}]"
        found.append(
            Benefit(
                kind=_choice(kind, BenefitKind, where),
                date=_date(day, where) if day else None,
                program=program or None,
            )
        )
    return tuple(found)


def _dates(cell: str, column: str) -> tuple[datetime.date, ...]:
    items = _items(cell)
    if items is None:
        return ()
    return tuple(_date(item, f"{column}[{at}]") for at, item in enumerate(items))


def _form_j(color: str, as_of: str, column: str) -> FormJStatus | None:
    if not color:
        if as_of:
            raise _error(
                f"{column}_as_of",
                as_of,
                f"is given without {column}",
                f"بدون {column} داده شده است",
                "missing",
            )
        return None
    return FormJStatus(
        color=_choice(color, FormJ, column),
        as_of=_date(as_of, f"{column}_as_of") if as_of else None,
    )


class _Cells(dict[str, str]):
    """A row's non-empty cells; a missing or empty one reads as ``""``."""

    def __missing__(self, key: str) -> str:
        return ""


def row_to_person(cells: Mapping[str, str]) -> tuple[Person, dict[str, str]]:
    """Build the person of one CSV row, and the row's own context (``applied_city`` →
    ``city``, ``applied_province`` → ``province``).

    ``cells`` maps column names to cell text; missing and empty cells are unknown facts.
    Raises a :class:`~maskan.errors.MaskanError` naming the column: :class:`RosterError`
    for a cell this format cannot read, the model's own error for a fact it refuses.

    >>> person, context = row_to_person({"national_id": "۰۴۹۹۳۷۰۸۹۹", "first_name": "سارا",
    ...     "last_name": "احمدی", "disabled": "خیر", "owned_properties": "none",
    ...     "applied_city": "اصفهان"})
    >>> person.disabled, person.owned_properties, context
    (False, (), {'city': 'اصفهان'})
    >>> row_to_person({"national_id": "0499370899", "first_name": "a", "last_name": "b",
    ...                "disabled": "maybe"})
    Traceback (most recent call last):
    ...
    maskan.errors.RosterError: disabled: 'maybe' is not yes or no
    """
    cell = _Cells(
        (name, text) for name, value in cells.items() if value and (text := value.strip())
    ).__getitem__

    facts: dict[str, Any] = {}
    for name in ("national_id", "first_name", "last_name"):
        facts[name] = cell(name)
    if cell("father_name"):
        facts["father_name"] = cell("father_name")
    if cell("birth_date"):
        facts["birth_date"] = _date(cell("birth_date"), "birth_date")
    for name, choices in (
        ("gender", Gender),
        ("nationality", Nationality),
        ("marital_status", MaritalStatus),
        ("veteran_status", VeteranStatus),
    ):
        if cell(name):
            facts[name] = _choice(cell(name), choices, name)
    for name in ("legal_capacity", "head_of_household", "child_custody", "disabled"):
        if cell(name):
            facts[name] = _flag(cell(name), name)
    if cell("children_birth_dates"):
        facts["children_birth_dates"] = _dates(cell("children_birth_dates"), "children_birth_dates")
    for name in ("dependants", "income_decile"):
        if cell(name):
            facts[name] = _integer(cell(name), name)
    residences = _residences(cell)
    if residences is not None:
        facts["residences"] = residences
    insurer = _choice(cell("insurer"), Insurer, "insurer") if cell("insurer") else None
    if cell("employment") or cell("employer") or cell("workplace") or insurer is not None:
        kind = (
            _choice(cell("employment"), EmploymentKind, "employment")
            if cell("employment")
            else None
        )
        facts["employment"] = Employment(
            kind=kind,
            employer=cell("employer") or None,
            workplace=cell("workplace") or None,
            insurer=insurer,
        )
    facts.update(_insurance(cell))
    if cell("owned_properties"):
        facts["owned_properties"] = _properties(cell("owned_properties"), "owned_properties")
    if cell("benefits"):
        facts["benefits"] = _benefits(cell("benefits"), "benefits")
    form_j = _form_j(cell("form_j"), cell("form_j_as_of"), "form_j")
    if form_j is not None:
        facts["form_j"] = form_j
    if cell("spouse_national_id"):
        facts["spouse_national_id"] = cell("spouse_national_id")
    spouse = _spouse_housing(cell)
    if spouse is not None:
        facts["spouse_housing"] = spouse
    context = {key: cell(column) for column, key in _CONTEXT_COLUMNS.items() if cell(column)}
    return Person(**facts), context


@functools.lru_cache(maxsize=1024)
def _lookup(province: str, county: str) -> tuple[Province | None, County | None]:
    found_province = Province.lookup(province) if province else None
    found_county = County.lookup(county, province=found_province) if county else None
    return found_province, found_county


def _place(
    city: str, since: str, province: str, county: str, column: str, **flags: bool | None
) -> Residence:
    try:
        found_province, found_county = _lookup(province, county)
    except MaskanError as error:
        raise RosterError(
            f"{column}: {error.message.removeprefix('name: ')}",
            message_fa=f"{column}: {error.message_fa.removeprefix('name: ')}",
            code=error.code,
            field=column,
            value=county or province,
        ) from None
    return Residence(
        city=city,
        since=_date(since, column),
        county=found_county,
        province=found_province,
        **flags,
    )


def _residences(cell: Callable[[str], str]) -> tuple[Residence, ...] | None:
    city, since = cell("city"), cell("city_since")
    others = [
        name
        for name in (
            "county",
            "province",
            "from_metropolis",
            "transferred_employee",
            "previous_residences",
        )
        if cell(name)
    ]
    if not city or _key(city) in _NONE_WORDS:
        if since or others:
            column = "city_since" if since else others[0]
            raise _error(
                column, cell(column), "is given without city", "بدون city داده شده است", "missing"
            )
        return () if city else None
    if not since:
        raise RosterError(
            "city_since: is empty; give the day the person began living in the city",
            message_fa="city_since: خالی است؛ تاریخ آغاز سکونت در شهر را بدهید",
            code="missing",
            field="city_since",
            value="",
        )
    earlier: list[Residence] = []
    for at, item in enumerate(_items(cell("previous_residences")) or ()):
        where = f"previous_residences[{at}]"
        place, day, province, county = _parts(item, "previous_residences", at, 4)
        if not place or not day:
            raise _error(
                where,
                item,
                "needs a city and a date, 'CITY:SINCE'",
                "به شهر و تاریخ نیاز دارد",
                "missing",
            )
        earlier.append(_place(place, day, province, county, where))
    current = _place(
        city,
        since,
        cell("province"),
        cell("county"),
        "city_since",
        from_metropolis=_flag(cell("from_metropolis"), "from_metropolis")
        if cell("from_metropolis")
        else None,
        transferred_employee=_flag(cell("transferred_employee"), "transferred_employee")
        if cell("transferred_employee")
        else None,
    )
    return (*earlier, current)


def _insurance(cell: Callable[[str], str]) -> dict[str, Any]:
    since, until, by = cell("insured_since"), cell("insured_until"), cell("insured_by")
    if not since or _key(since) in _NONE_WORDS:
        given = "insured_until" if until else "insured_by" if by else ""
        if given:
            raise _error(
                given,
                cell(given),
                "is given without the start of an insured period (insured_since)",
                "بدون آغاز دورهٔ بیمه (insured_since) داده شده است",
                "missing",
            )
        return {"insured_periods": ()} if since else {}
    period = InsuredPeriod(
        start=_date(since, "insured_since"),
        end=_date(until, "insured_until") if until else None,
        insurer=_choice(by, Insurer, "insured_by") if by else None,
    )
    return {"insured_periods": (period,)}


def _spouse_housing(cell: Callable[[str], str]) -> HousingHistory | None:
    owned, benefits = cell("spouse_owned_properties"), cell("spouse_benefits")
    form_j = _form_j(cell("spouse_form_j"), cell("spouse_form_j_as_of"), "spouse_form_j")
    if not owned and not benefits and form_j is None:
        return None
    return HousingHistory(
        owned_properties=_properties(owned, "spouse_owned_properties") if owned else None,
        benefits=_benefits(benefits, "spouse_benefits") if benefits else None,
        form_j=form_j,
    )


# --- writing cells ----------------------------------------------------------------------


def _write_date(day: datetime.date | None, dates: serde.DateMode) -> str:
    if day is None:
        return ""
    text = serde.to_dict(day, dates=dates)
    return str(text).replace("-", "/") if dates == "jalali" else str(text)


def _write_flag(value: bool | None) -> str:
    return "" if value is None else ("yes" if value else "no")


def _write_properties(values: tuple[OwnedProperty, ...] | None, dates: serde.DateMode) -> str:
    if values is None:
        return ""
    if not values:
        return "none"
    return ";".join(
        f"{p.kind.value}:{_write_date(p.acquired, dates)}:{_write_date(p.disposed, dates)}".rstrip(
            ":"
        )
        for p in values
    )


def _write_benefits(values: tuple[Benefit, ...] | None, dates: serde.DateMode) -> str:
    if values is None:
        return ""
    if not values:
        return "none"
    for benefit in values:
        if benefit.program and (":" in benefit.program or ";" in benefit.program):
            raise _not_flat("benefits", "a program name with ':' or ';'")
    return ";".join(
        f"{b.kind.value}:{_write_date(b.date, dates)}:{b.program or ''}".rstrip(":") for b in values
    )


def _not_flat(field: str, what: str) -> RosterError:
    return RosterError(
        f"{field}: {what} does not fit in one CSV row; write the roster as JSON Lines",
        message_fa=f"{field}: {what} در یک ردیف CSV نمی‌گنجد؛ فهرست را JSON Lines بنویسید",
        code="not_flat",
        field=field,
        value=what,
    )


def person_to_row(
    person: Person, context: Mapping[str, str] | None = None, *, dates: serde.DateMode = "jalali"
) -> dict[str, str]:
    """Write a person as one CSV row (column name → cell text), the inverse of
    :func:`row_to_person`; dates are Jalali (``1371/02/10``) or ISO (``dates="iso"``).

    A person with facts the columns do not hold — more than one insured period, an earlier
    residence marked as a move from a metropolis, an empty employment record — raises
    :class:`RosterError` with code ``not_flat``: write JSON Lines instead.

    >>> person = Person(national_id="0499370899", first_name="سارا", last_name="احمدی",
    ...                 birth_date="1371/02/10", owned_properties=())
    >>> row = person_to_row(person, {"city": "اصفهان"})
    >>> row["birth_date"], row["owned_properties"], row["applied_city"], row["gender"]
    ('1371/02/10', 'none', 'اصفهان', '')
    >>> row_to_person(row)[0] == person
    True
    """
    row = dict.fromkeys((column.name for column in COLUMNS), "")
    row["national_id"] = person.national_id
    row["first_name"] = person.first_name
    row["last_name"] = person.last_name
    row["father_name"] = person.father_name or ""
    row["birth_date"] = _write_date(person.birth_date, dates)
    for name in ("gender", "nationality", "marital_status", "veteran_status"):
        value = getattr(person, name)
        row[name] = "" if value is None else value.value
    for name in ("legal_capacity", "head_of_household", "child_custody", "disabled"):
        row[name] = _write_flag(getattr(person, name))
    children = person.children_birth_dates
    if children is not None:
        row["children_birth_dates"] = (
            ";".join(_write_date(day, dates) for day in children) if children else "none"
        )
    for name in ("dependants", "income_decile"):
        value = getattr(person, name)
        row[name] = "" if value is None else str(value)
    residences = person.residences
    if residences is not None:
        _write_residences(residences, row, dates)
    _write_work(person, row, dates)
    row["owned_properties"] = _write_properties(person.owned_properties, dates)
    row["benefits"] = _write_benefits(person.benefits, dates)
    if person.form_j is not None:
        row["form_j"] = person.form_j.color.value
        row["form_j_as_of"] = _write_date(person.form_j.as_of, dates)
    row["spouse_national_id"] = person.spouse_national_id or ""
    spouse = person.spouse_housing
    if spouse is not None:
        if spouse == HousingHistory():
            raise _not_flat("spouse_housing", "an empty spouse housing record")
        row["spouse_owned_properties"] = _write_properties(spouse.owned_properties, dates)
        row["spouse_benefits"] = _write_benefits(spouse.benefits, dates)
        if spouse.form_j is not None:
            row["spouse_form_j"] = spouse.form_j.color.value
            row["spouse_form_j_as_of"] = _write_date(spouse.form_j.as_of, dates)
    for column, key in _CONTEXT_COLUMNS.items():
        if context and context.get(key):
            row[column] = str(context[key])
    return row


def _write_place(home: Residence) -> tuple[str, str]:
    """(province, county) cells of a residence."""
    if home.county is not None:
        if home.province is not None and home.province != home.county.province:
            raise _not_flat("residences", "a province other than the county's")  # pragma: no cover
        return home.county.province.name_fa, home.county.name_fa
    return ("" if home.province is None else home.province.name_fa), ""


def _write_residences(
    residences: tuple[Residence, ...], row: dict[str, str], dates: serde.DateMode
) -> None:
    if not residences:
        row["city"] = "none"
        return
    *earlier, home = residences
    row["city"] = home.city
    row["city_since"] = _write_date(home.since, dates)
    row["province"], row["county"] = _write_place(home)
    row["from_metropolis"] = _write_flag(home.from_metropolis)
    row["transferred_employee"] = _write_flag(home.transferred_employee)
    items = []
    for stay in earlier:
        if stay.from_metropolis is not None or stay.transferred_employee is not None:
            raise _not_flat(
                "residences", "an earlier residence with from_metropolis or transferred_employee"
            )
        if ":" in stay.city or ";" in stay.city:
            raise _not_flat("residences", "a city name with ':' or ';'")
        province, county = _write_place(stay)
        items.append(
            f"{stay.city}:{_write_date(stay.since, dates)}:{province}:{county}".rstrip(":")
        )
    row["previous_residences"] = ";".join(items)


def _write_work(person: Person, row: dict[str, str], dates: serde.DateMode) -> None:
    job = person.employment
    if job is not None:
        if job == Employment():
            raise _not_flat("employment", "an empty employment record")
        row["employment"] = "" if job.kind is None else job.kind.value
        row["employer"] = job.employer or ""
        row["workplace"] = job.workplace or ""
        row["insurer"] = "" if job.insurer is None else job.insurer.value
    periods = person.insured_periods
    if periods is None:
        return
    if not periods:
        row["insured_since"] = "none"
        return
    if len(periods) != 1:
        raise _not_flat("insured_periods", f"{len(periods)} insured periods")
    period = periods[0]
    row["insured_since"] = _write_date(period.start, dates)
    row["insured_until"] = _write_date(period.end, dates)
    row["insured_by"] = "" if period.insurer is None else period.insurer.value


def write_roster(
    people: Iterable[Person],
    stream: IO[str],
    *,
    format: RosterFormat = "csv",
    context: Mapping[str, str] | None = None,
) -> int:
    """Write ``people`` as a roster that :func:`read_roster` reads back — CSV
    (:func:`person_to_row`) or JSON Lines — with ``context`` in every row, one person at a
    time; return how many were written. A person CSV cannot hold raises
    :class:`RosterError` (code ``not_flat``).

    >>> out = io.StringIO()
    >>> write_roster([Person(national_id="0499370899", first_name="a", last_name="b")], out,
    ...              format="json", context={"city": "اصفهان"})
    1
    >>> out.getvalue()
    '{"person":{"national_id":"0499370899","first_name":"a","last_name":"b"},\
"context":{"city":"اصفهان"}}\\n'
    """
    count = 0
    if format == "json":
        for person in people:
            document = {"person": person, "context": dict(context)} if context else person
            stream.write(serde.to_json(document) + "\n")
            count += 1
        return count
    writer = csv.DictWriter(stream, [column.name for column in COLUMNS], lineterminator="\n")
    writer.writeheader()
    for person in people:
        writer.writerow(person_to_row(person, context))
        count += 1
    return count


# --- reading files ----------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class RosterRow:
    """One row of a roster: its line number, and the person or the reason it is bad.

    Attributes:
        line: the line number the row starts on (the CSV header is line 1).
        person: the person, or ``None`` for a bad row.
        context: the row's own evaluation context (``city``, ``province``, …).
        error: why the row is bad, or ``None``.
        national_id: the row's national ID as written (also for a bad row, when present),
            to find it in the file.

    >>> RosterRow(line=2, error=RosterError("x", message_fa="x")).ok
    False
    """

    line: int
    person: Person | None = None
    context: Mapping[str, object] = attrs.field(factory=dict)
    error: MaskanError | None = None
    national_id: str = ""

    @property
    def ok(self) -> bool:
        """Whether the row was read into a person.

        >>> RosterRow(line=2, person=Person(national_id="0499370899", first_name="a",
        ...                                 last_name="b")).ok
        True
        """
        return self.error is None


# A line (CSV, JSON Lines) longer than this many bytes, or a JSON array element longer than
# this many characters, is not a person: it is refused as soon as the limit is passed,
# without reading the rest of it into memory. A person with dozens of residences, insured
# periods and properties takes a few kilobytes.
_MAX_ROW = 100_000
_CHUNK = 1 << 16


class RosterReader:
    """Iterate over the rows of a roster in a binary stream, counting the bytes read (for a
    progress display). Use :func:`read_roster` to open one.

    A header that cannot be used (a missing required column, an unknown or repeated column)
    raises :class:`RosterError` on the first ``next()``, before any row.

    >>> reader = read_roster(io.BytesIO(b"national_id,first_name\\n"), format="csv")
    >>> next(reader)
    Traceback (most recent call last):
    ...
    maskan.errors.RosterError: header: the column 'last_name' is missing; a roster \
needs national_id, first_name, last_name
    """

    def __init__(self, stream: IO[bytes], *, format: RosterFormat | None = None) -> None:
        self.stream = stream
        self.format: RosterFormat = format or _sniff(stream)
        self.bytes_read = 0
        self.rows_read = 0
        self._rows = self._csv() if self.format == "csv" else self._json()

    def __iter__(self) -> Iterator[RosterRow]:
        return self

    def __next__(self) -> RosterRow:
        row = next(self._rows)
        self.rows_read += 1
        return row

    # -- CSV --

    def _raw_lines(self) -> Iterator[bytes | None]:
        """The stream's lines as bytes; ``None`` for a line longer than ``_MAX_ROW`` bytes,
        whose rest is skipped unread."""
        while True:
            raw = self.stream.readline(_MAX_ROW + 1)
            if not raw:
                return
            self.bytes_read += len(raw)
            if len(raw) <= _MAX_ROW or raw.endswith(b"\n"):
                yield raw
                continue
            while raw and not raw.endswith(b"\n"):
                raw = self.stream.readline(_CHUNK)
                self.bytes_read += len(raw)
            yield None

    def _lines(self, bad: set[int], long: set[int]) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-8-sig")()
        for number, raw in enumerate(self._raw_lines(), 1):
            if raw is None:
                long.add(number)
                decoder.reset()
                yield "\n"
                continue
            try:
                yield decoder.decode(raw)
            except UnicodeDecodeError:
                bad.add(number)
                decoder.reset()
                yield raw.decode("utf-8", errors="replace")

    def _csv(self) -> Iterator[RosterRow]:
        bad: set[int] = set()
        long: set[int] = set()
        reader = csv.reader(self._lines(bad, long), strict=True)
        try:
            header = next(reader, None)
        except csv.Error as error:
            raise _header_error(
                f"not readable as CSV ({error})", f"CSV خوانا نیست ({error})"
            ) from None
        if header is None:
            raise _header_error("the file is empty", "پرونده خالی است")
        if long:
            raise _header_error(
                f"the first line is longer than {_MAX_ROW} bytes",
                f"سطر نخست از {_MAX_ROW} بایت بلندتر است",
                code="too_long",
            )
        names = _check_header(header, 1 in bad)
        width = len(names)
        where = reader.line_num
        while True:
            start = where + 1
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                where = reader.line_num
                too_long = any(number in long for number in range(start, where + 1))
                yield RosterRow(line=start, error=_too_long() if too_long else _csv_error(error))
                continue
            where = reader.line_num
            if long and any(number in long for number in range(start, where + 1)):
                yield RosterRow(line=start, error=_too_long())
                continue
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue  # a blank line is not a row
            row = dict(zip(names, cells, strict=False))
            national_id = row.get("national_id", "").strip()
            if bad and any(number in bad for number in range(start, where + 1)):
                yield RosterRow(line=start, error=_encoding_error(), national_id=national_id)
            elif len(cells) != width:
                yield RosterRow(
                    line=start, error=_width_error(len(cells), width), national_id=national_id
                )
            else:
                yield _person_row(start, row, national_id)

    # -- JSON --

    def _json(self) -> Iterator[RosterRow]:
        first = self.stream.peek(_CHUNK) if hasattr(self.stream, "peek") else b""
        if first.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"[":
            yield from self._json_array()
        else:
            yield from self._json_lines()

    def _json_lines(self) -> Iterator[RosterRow]:
        number = 0
        for raw in self._raw_lines():
            number += 1
            if raw is None:
                yield RosterRow(line=number, error=_too_long())
                continue
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            try:
                data = json.loads(raw)
            except UnicodeDecodeError:
                yield RosterRow(line=number, error=_encoding_error())
                continue
            except (ValueError, RecursionError) as error:
                yield RosterRow(line=number, error=_json_error(error))
                continue
            yield _json_row(number, data)

    def _json_array(self) -> Iterator[RosterRow]:
        decoder = json.JSONDecoder()
        text_decoder = codecs.getincrementaldecoder("utf-8-sig")()
        buffer, position, line, eof = "", 0, 1, False
        opened = False

        def fill() -> bool:
            nonlocal buffer, position, eof
            chunk = self.stream.read(_CHUNK)
            self.bytes_read += len(chunk)
            if not chunk:
                eof = True
                buffer = buffer[position:] + text_decoder.decode(b"", final=True)
            else:
                buffer = buffer[position:] + text_decoder.decode(chunk)
            position = 0
            return not eof

        def skip(chars: str) -> None:
            nonlocal position, line
            while True:
                while position < len(buffer) and buffer[position] in chars:
                    if buffer[position] == "\n":
                        line += 1
                    position += 1
                if position < len(buffer) or not fill():
                    return

        try:
            skip(" \t\r\n")
            if buffer[position : position + 1] != "[":
                raise _header_error(
                    "a JSON array must start with '['", "آرایهٔ JSON باید با [ آغاز شود"
                )
            position += 1
            opened = True
            expect_item = True
            while True:
                skip(" \t\r\n")
                if position >= len(buffer):
                    yield RosterRow(line=line, error=_truncated())
                    return
                if buffer[position] == "]":
                    position += 1
                    skip(" \t\r\n")
                    if position < len(buffer):
                        yield RosterRow(line=line, error=_after_array())
                    return
                if not expect_item:
                    if buffer[position] != ",":
                        yield RosterRow(
                            line=line, error=_json_error(ValueError("expected ','"), fatal=True)
                        )
                        return
                    position += 1
                    expect_item = True
                    continue
                start = line
                while True:
                    try:
                        data, end = decoder.raw_decode(buffer, position)
                        if end < len(buffer) or eof:
                            break
                        fill()  # a number or a word cut by the chunk's end: read on
                        continue
                    except RecursionError as error:  # nested deeper than Python's stack
                        yield RosterRow(line=start, error=_json_error(error, fatal=True))
                        return
                    except json.JSONDecodeError as error:
                        if len(buffer) - position > _MAX_ROW:
                            yield RosterRow(line=start, error=_too_long(fatal=True))
                            return
                        if eof:
                            at = start + buffer.count("\n", position, error.pos)
                            yield RosterRow(line=at, error=_json_error(error, fatal=True))
                            return
                        fill()
                if end - position > _MAX_ROW:
                    line += buffer.count("\n", position, end)
                    position = end
                    expect_item = False
                    yield RosterRow(line=start, error=_too_long())
                    continue
                line += buffer.count("\n", position, end)
                position = end
                expect_item = False
                yield _json_row(start, data)
        except UnicodeDecodeError:
            if not opened:
                raise _header_error("not UTF-8 text", "متن UTF-8 نیست") from None
            yield RosterRow(line=line, error=_encoding_error(fatal=True))


def _sniff(stream: IO[bytes]) -> RosterFormat:
    start = stream.peek(_CHUNK) if hasattr(stream, "peek") else b""
    first = start.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
    return "json" if first in (b"[", b"{") else "csv"


def read_roster(
    source: str | os.PathLike[str] | IO[bytes], *, format: RosterFormat | None = None
) -> RosterReader:
    """Open a roster (a path, or a binary stream) and iterate over its rows.

    ``format`` is ``"csv"`` or ``"json"`` (JSON Lines or a JSON array); without it, a path
    ending in ``.csv`` is CSV, ``.json``, ``.jsonl`` or ``.ndjson`` is JSON, and anything
    else is recognised by its first character (``[`` or ``{`` is JSON). A path is opened
    here and closed when the rows run out.

    >>> rows = read_roster(io.BytesIO(b'[{"national_id": "0499370899",\\n'
    ...                               b'  "first_name": "a", "last_name": "b"}]'))
    >>> [(row.line, row.person.full_name) for row in rows]
    [(1, 'a b')]
    """
    if isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        if format is None:
            suffix = os.path.splitext(path)[1].casefold()
            format = "csv" if suffix == ".csv" else "json" if suffix in _JSON_SUFFIXES else None
        stream: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by _closing
        reader = RosterReader(stream, format=format)
        reader._rows = _closing(reader._rows, stream)
        return reader
    if not hasattr(source, "peek"):
        source = io.BufferedReader(source)  # type: ignore[type-var]
    return RosterReader(source, format=format)


_JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})


def _closing(rows: Iterator[RosterRow], stream: IO[bytes]) -> Iterator[RosterRow]:
    try:
        yield from rows
    finally:
        stream.close()


def _person_row(line: int, cells: Mapping[str, str], national_id: str) -> RosterRow:
    try:
        person, context = row_to_person(cells)
    except MaskanError as error:
        return RosterRow(line=line, error=error, national_id=national_id)
    return RosterRow(line=line, person=person, context=context, national_id=person.national_id)


def _json_row(line: int, data: object) -> RosterRow:
    context: object = {}
    if isinstance(data, dict) and "person" in data:
        extra = sorted(set(data) - {"person", "context"})
        if extra:
            return RosterRow(
                line=line,
                error=_data_error(
                    f"$.{extra[0]}", "unknown field", "فیلد ناشناخته", "unknown_field"
                ),
            )
        context = data.get("context") or {}
        data = data["person"]
        if not isinstance(context, dict) or not all(isinstance(key, str) for key in context):
            return RosterRow(
                line=line,
                error=_data_error("$.context", "is not an object", "شیء JSON نیست", "type"),
            )
    if not isinstance(data, dict):
        kind, kind_fa = _JSON_KINDS.get(type(data), (type(data).__name__, type(data).__name__))
        return RosterRow(
            line=line,
            error=_data_error(
                "$",
                f"is {kind}, not an object (a person)",
                f"{kind_fa} است، نه شیء (یک فرد)",
                "type",
            ),
        )
    raw = data.get("national_id")
    national_id = raw if isinstance(raw, str) else ""
    missing = [name for name in _REQUIRED if name not in data]
    if missing:
        return RosterRow(
            line=line,
            error=_data_error(f"$.{missing[0]}", "is missing", "وجود ندارد", "missing"),
            national_id=national_id,
        )
    try:
        person = serde.from_dict(Person, data)
    except MaskanError as error:
        return RosterRow(line=line, error=error, national_id=national_id)
    return RosterRow(
        line=line,
        person=person,
        context=context,  # type: ignore[arg-type]
        national_id=person.national_id,
    )


_JSON_KINDS: dict[type, tuple[str, str]] = {
    list: ("an array", "آرایه"),
    str: ("a string", "رشته"),
    int: ("a number", "عدد"),
    float: ("a number", "عدد"),
    bool: ("true or false", "true یا false"),
    type(None): ("null", "null"),
}


def _data_error(path: str, en: str, fa: str, code: str) -> DataError:
    return DataError([Problem(path, en, fa, code)])


def _check_header(header: list[str], bad_bytes: bool) -> list[str]:
    if bad_bytes:
        raise _header_error("not UTF-8 text", "متن UTF-8 نیست")
    names = [cell.strip().casefold() for cell in header]
    seen: set[str] = set()
    for name in names:
        if name not in COLUMNS_BY_NAME:
            close = difflib.get_close_matches(name, COLUMNS_BY_NAME, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            hint_fa = f"؛ شاید منظور {close[0]!r} است" if close else ""
            raise _header_error(
                f"the column {describe(name)} is not a roster column{hint}",
                f"ستون {describe(name)} از ستون‌های فهرست نیست{hint_fa}",
                code="unknown_column",
            )
        if name in seen:
            raise _header_error(
                f"the column {name!r} appears twice",
                f"ستون {name!r} دو بار آمده است",
                code="duplicate_column",
            )
        seen.add(name)
    for name in _REQUIRED:
        if name not in seen:
            required = ", ".join(_REQUIRED)
            raise _header_error(
                f"the column {name!r} is missing; a roster needs {required}",
                f"ستون {name!r} وجود ندارد؛ فهرست به ستون‌های {required} نیاز دارد",
                code="missing_column",
            )
    return names


def _header_error(en: str, fa: str, code: str = "header") -> RosterError:
    return RosterError(f"header: {en}", message_fa=f"سرستون‌ها: {fa}", code=code, field="header")


def _csv_error(error: csv.Error) -> RosterError:
    return RosterError(
        f"not readable as CSV: {error}",
        message_fa=f"به‌صورت CSV خوانده نمی‌شود: {error}",
        code="csv",
    )


_REST_EN = "; the rest of the JSON array cannot be read"
_REST_FA = "؛ بقیهٔ آرایهٔ JSON خوانده نمی‌شود"


def _encoding_error(*, fatal: bool = False) -> RosterError:
    return RosterError(
        "not UTF-8 text; save the file as UTF-8" + (_REST_EN if fatal else ""),
        message_fa="متن UTF-8 نیست؛ پرونده را با کدگذاری UTF-8 ذخیره کنید"
        + (_REST_FA if fatal else ""),
        code="encoding",
    )


def _width_error(cells: int, width: int) -> RosterError:
    return RosterError(
        f"has {cells} cells; the header has {width}",
        message_fa=f"{cells} خانه دارد؛ سرستون {width} ستون دارد",
        code="cells",
        value=cells,
    )


def _json_error(error: BaseException, *, fatal: bool = False) -> RosterError:
    detail = error.msg if isinstance(error, json.JSONDecodeError) else str(error)
    return RosterError(
        f"not valid JSON: {detail}" + (_REST_EN if fatal else ""),
        message_fa=f"JSON معتبر نیست: {detail}" + (_REST_FA if fatal else ""),
        code="json",
    )


def _too_long(*, fatal: bool = False) -> RosterError:
    if fatal:  # a JSON array element that did not end within the limit
        return RosterError(
            f"no valid JSON object ends within {_MAX_ROW} bytes" + _REST_EN,
            message_fa=f"هیچ شیء JSON معتبری در {_MAX_ROW} بایت پایان نمی‌یابد" + _REST_FA,
            code="too_long",
        )
    return RosterError(
        f"longer than {_MAX_ROW} bytes; a person takes a few kilobytes",
        message_fa=f"بلندتر از {_MAX_ROW} بایت است؛ یک فرد چند کیلوبایت است",
        code="too_long",
    )


def _truncated() -> RosterError:
    return RosterError(
        "the JSON array is not closed with ']'; the file may be cut short",
        message_fa="آرایهٔ JSON با ] بسته نشده است؛ شاید پرونده ناقص است",
        code="json",
    )


def _after_array() -> RosterError:
    return RosterError(
        "text after the end of the JSON array",
        message_fa="متنی پس از پایان آرایهٔ JSON آمده است",
        code="json",
    )
