"""People to columns and back: :func:`columns_from_people`, and the
:class:`~maskan.models.Person` of a row for the per-person path.

Part of :mod:`maskan.eligibility.batch`, which re-exports the public names here.
"""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from maskan.eligibility.batch._arrays import _UNIX, Array
from maskan.eligibility.batch._read import _Table
from maskan.eligibility.batch._schema import FACTS, _reads
from maskan.geo import Province
from maskan.models.person import (
    Benefit,
    Employment,
    FormJStatus,
    HousingHistory,
    InsuredPeriod,
    OwnedProperty,
    Person,
    Residence,
)

if TYPE_CHECKING:
    from maskan.eligibility.program import Program

# A valid national ID for the per-person path of a program that does not read it (a row
# without one is refused when the program does).
_PLACEHOLDER_ID = "0499370899"
_PLACEHOLDER_NAME = "نامعلوم"


def _code(table: _Table, name: str, row: int) -> int | None:
    """The parsed code of a scalar fact in ``row``; ``None`` when unknown or absent."""
    if not table.has(name):
        return None
    value = int(table.fact(name).codes[row])
    if value < 0 or (value == 0 and FACTS[name].kind == "date"):
        return None
    return value


def _member(table: _Table, name: str, row: int) -> Any:
    code = _code(table, name, row)
    kind = FACTS[name].choices
    assert kind is not None
    return None if code is None else list(kind)[code]


def _flag(table: _Table, name: str, row: int) -> bool | None:
    code = _code(table, name, row)
    return None if code is None else bool(code)


def _label(table: _Table, name: str, row: int) -> str | None:
    code = _code(table, name, row)
    return None if code is None else table.fact(name).labels[code]


def _person(table: _Table, row: int) -> Person:
    kind, workplace = _member(table, "employment", row), _label(table, "workplace", row)
    employment = None
    if kind is not None or workplace is not None:
        employment = Employment(kind=kind, workplace=workplace)
    form_j, spouse_form_j = (
        _member(table, "form_j", row),
        _member(table, "spouse_form_j", row),
    )
    spouse_properties = _properties(table, "spouse_owned_properties", row)
    spouse_benefits = _benefits(table, "spouse_benefits", row)
    spouse = None
    if spouse_properties is not None or spouse_benefits is not None or spouse_form_j:
        spouse = HousingHistory(
            owned_properties=spouse_properties,
            benefits=spouse_benefits,
            form_j=None if spouse_form_j is None else FormJStatus(color=spouse_form_j),
        )
    born = _code(table, "birth_date", row)
    return Person(
        national_id=_label(table, "national_id", row) or _PLACEHOLDER_ID,
        first_name=_PLACEHOLDER_NAME,
        last_name=_PLACEHOLDER_NAME,
        birth_date=None if born is None else datetime.date.fromordinal(born),
        gender=_member(table, "gender", row),
        nationality=_member(table, "nationality", row),
        legal_capacity=_flag(table, "legal_capacity", row),
        marital_status=_member(table, "marital_status", row),
        head_of_household=_flag(table, "head_of_household", row),
        child_custody=_flag(table, "child_custody", row),
        disabled=_flag(table, "disabled", row),
        employment=employment,
        form_j=None if form_j is None else FormJStatus(color=form_j),
        residences=_residences(table, row),
        owned_properties=_properties(table, "owned_properties", row),
        benefits=_benefits(table, "benefits", row),
        insured_periods=_insured(table, row),
        children_birth_dates=_children(table, row),
        spouse_housing=spouse,
    )


def _records(table: _Table, name: str, row: int) -> list[dict[str, object]] | None:
    fact = FACTS[name]
    assert fact.count is not None
    if fact.count not in table.present:
        return None
    count = int(table.count(fact)[row])
    if count < 0:
        return None
    records = []
    for slot in range(1, count + 1):
        record: dict[str, object] = {}
        for field, kind in fact.fields:
            column = table.slot(fact, slot, field)
            code = int(column.codes[row])
            if kind == "date":
                record[field] = None if code == 0 else datetime.date.fromordinal(code)
            elif kind == "flag":
                record[field] = None if code < 0 else bool(code)
            elif kind == "province":
                record[field] = None if code < 0 else Province.all()[code]
            else:
                record[field] = None if code < 0 else column.labels[code]
        records.append(record)
    return records


def _residences(table: _Table, row: int) -> list[Residence] | None:
    records = _records(table, "residences", row)
    return None if records is None else [Residence(**record) for record in records]  # type: ignore[arg-type]


def _properties(table: _Table, name: str, row: int) -> list[OwnedProperty] | None:
    records = _records(table, name, row)
    if records is None:
        return None
    return [OwnedProperty(kind="unit", **record) for record in records]


def _benefits(table: _Table, name: str, row: int) -> list[Benefit] | None:
    records = _records(table, name, row)
    if records is None:
        return None
    return [Benefit(kind="other", **record) for record in records]  # type: ignore[arg-type]


def _insured(table: _Table, row: int) -> list[InsuredPeriod] | None:
    records = _records(table, "insured_periods", row)
    return None if records is None else [InsuredPeriod(**record) for record in records]  # type: ignore[arg-type]


def _children(table: _Table, row: int) -> list[datetime.date] | None:
    records = _records(table, "children_birth_dates", row)
    if records is None:
        return None
    return [record["birth_date"] for record in records]  # type: ignore[misc]


def _person_records(person: Person, name: str) -> list[dict[str, object]] | None:
    spouse = person.spouse_housing
    if name == "residences":
        if person.residences is None:
            return None
        return [
            {
                "city": item.city,
                "since": item.since,
                "province": None if item.province is None else item.province.name_fa,
                "from_metropolis": item.from_metropolis,
                "transferred_employee": item.transferred_employee,
            }
            for item in person.residences
        ]
    if name in ("owned_properties", "spouse_owned_properties"):
        items = (
            person.owned_properties
            if name == "owned_properties"
            else (None if spouse is None else spouse.owned_properties)
        )
        if items is None:
            return None
        return [{"acquired": item.acquired, "disposed": item.disposed} for item in items]
    if name in ("benefits", "spouse_benefits"):
        found = (
            person.benefits if name == "benefits" else (None if spouse is None else spouse.benefits)
        )
        return None if found is None else [{"date": item.date} for item in found]
    if name == "insured_periods":
        periods = person.insured_periods
        if periods is None:
            return None
        return [{"start": item.start, "end": item.end} for item in periods]
    children = person.children_birth_dates
    return None if children is None else [{"birth_date": day} for day in children]


def _person_scalar(person: Person, name: str) -> object:
    if name == "employment":
        return None if person.employment is None else person.employment.kind
    if name == "workplace":
        return None if person.employment is None else person.employment.workplace
    if name == "form_j":
        return None if person.form_j is None else person.form_j.color
    if name == "spouse_form_j":
        spouse = person.spouse_housing
        return None if spouse is None or spouse.form_j is None else spouse.form_j.color
    return getattr(person, name)


def _as_column(kind: str, values: list[object]) -> Array:
    if kind == "date":
        nat = np.iinfo(np.int64).min
        days = [
            nat if day is None else cast(datetime.date, day).toordinal() - _UNIX for day in values
        ]
        return np.array(days, np.int64).astype("datetime64[D]")
    if kind == "choice":
        codes = [None if member is None else cast(enum.Enum, member).value for member in values]
        return np.array(codes, dtype=object)
    return np.array(values, dtype=object)


def columns_from_people(
    people: Iterable[Person], *, program: Program | None = None
) -> dict[str, Array]:
    """The columns of :data:`FACTS` for ``people`` (every fact, or those ``program``
    reads): dates as ``datetime64[D]`` with NaT for unknown, yes/no facts and text as
    object arrays with ``None`` for unknown, choices as their codes, counts as ``float64``
    with NaN for an unknown list, and as many slots as the longest list needs.

    >>> from maskan.models import Person
    >>> ali = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
    ...              marital_status="married", benefits=())
    >>> columns = columns_from_people([ali])
    >>> columns["marital_status"], columns["benefit_count"], columns["property_count"]
    (array(['married'], dtype=object), array([0.]), array([nan]))
    """
    people = list(people)
    reads = None if program is None else _reads(program)
    names = list(FACTS) if reads is None else list(reads)
    columns: dict[str, Array] = {}
    for name in names:
        fact = FACTS[name]
        if fact.kind != "list":
            columns[name] = _as_column(fact.kind, [_person_scalar(p, name) for p in people])
            continue
        assert fact.count is not None
        lists = [_person_records(person, name) for person in people]
        columns[fact.count] = np.array(
            [math.nan if items is None else len(items) for items in lists],
            dtype=np.float64,
        )
        width = max((len(items) for items in lists if items is not None), default=0)
        for slot in range(1, width + 1):
            for field, kind in fact.fields:
                cells = [
                    items[slot - 1][field] if items is not None and len(items) >= slot else None
                    for items in lists
                ]
                column = _as_column("date" if kind == "date" else "text", cells)
                columns[f"{fact.prefix}_{slot}_{field}"] = column
    return columns
