"""The documented column schema: which columns hold which fact of a person.

Part of :mod:`maskan.eligibility.batch`, which re-exports the public names here. Also which
facts a program's rules read, and so which columns it needs.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from maskan.eligibility.rules import Rule
from maskan.models.person import (
    EmploymentKind,
    FormJ,
    Gender,
    MaritalStatus,
    Nationality,
)

if TYPE_CHECKING:
    from maskan.eligibility.program import Program


@attrs.frozen(kw_only=True)
class Fact:
    """One fact of a person as columns: a single column, or a count column and numbered
    slots for a list (``residence_count``, ``residence_1_city``, ``residence_1_since`` …).

    Attributes:
        name: the fact, named as the :class:`~maskan.models.Person` attribute.
        kind: ``date``, ``flag``, ``choice``, ``text``, or ``list``.
        help_en: what the column holds.
        choices: for a ``choice``, the enumeration whose values the column holds.
        count: for a ``list``, the name of the count column.
        prefix: for a ``list``, the prefix of the slot columns.
        fields: for a ``list``, each slot field and its kind.

    >>> FACTS["residences"].count, FACTS["residences"].slot_columns(1)[:2]
    ('residence_count', ('residence_1_city', 'residence_1_since'))
    """

    name: str
    kind: str
    help_en: str
    choices: type[enum.Enum] | None = None
    count: str | None = None
    prefix: str | None = None
    fields: tuple[tuple[str, str], ...] = ()

    def slot_columns(self, slot: int) -> tuple[str, ...]:
        """The columns of slot number ``slot`` (from 1) of a list fact."""
        return tuple(f"{self.prefix}_{slot}_{field}" for field, _ in self.fields)


def _scalar(name: str, kind: str, help_en: str, choices: type[enum.Enum] | None = None) -> Fact:
    return Fact(name=name, kind=kind, help_en=help_en, choices=choices)


def _list(name: str, count: str, prefix: str, help_en: str, *fields: tuple[str, str]) -> Fact:
    return Fact(
        name=name,
        kind="list",
        help_en=help_en,
        count=count,
        prefix=prefix,
        fields=fields,
    )


FACTS: dict[str, Fact] = {
    fact.name: fact
    for fact in (
        _scalar("national_id", "text", "national ID (text)"),
        _scalar("birth_date", "date", "date of birth"),
        _scalar("gender", "choice", "female or male", Gender),
        _scalar("nationality", "choice", "iranian or foreign", Nationality),
        _scalar("legal_capacity", "flag", "has legal capacity"),
        _scalar(
            "marital_status",
            "choice",
            "single, married, divorced or widowed",
            MaritalStatus,
        ),
        _scalar("head_of_household", "flag", "is a head of household"),
        _scalar("child_custody", "flag", "has custody of the children"),
        _scalar("disabled", "flag", "has a disability"),
        _scalar("employment", "choice", "kind of work (Employment.kind)", EmploymentKind),
        _scalar("workplace", "text", "workplace (Employment.workplace)"),
        _scalar("form_j", "choice", "Form J colour on file: green or red", FormJ),
        _scalar("spouse_form_j", "choice", "the spouse's Form J colour", FormJ),
        _list(
            "residences",
            "residence_count",
            "residence",
            "residence history, oldest first",
            ("city", "text"),
            ("since", "date"),
            ("province", "province"),
            ("from_metropolis", "flag"),
            ("transferred_employee", "flag"),
        ),
        _list(
            "owned_properties",
            "property_count",
            "property",
            "residential properties owned; no disposal date: still owned",
            ("acquired", "date"),
            ("disposed", "date"),
        ),
        _list(
            "benefits",
            "benefit_count",
            "benefit",
            "state housing benefits",
            ("date", "date"),
        ),
        _list(
            "spouse_owned_properties",
            "spouse_property_count",
            "spouse_property",
            "the spouse's residential properties",
            ("acquired", "date"),
            ("disposed", "date"),
        ),
        _list(
            "spouse_benefits",
            "spouse_benefit_count",
            "spouse_benefit",
            "the spouse's state housing benefits",
            ("date", "date"),
        ),
        _list(
            "insured_periods",
            "insured_period_count",
            "insured_period",
            "insured periods; no end: still running",
            ("start", "date"),
            ("end", "date"),
        ),
        _list(
            "children_birth_dates",
            "children_count",
            "child",
            "the children's birth dates",
            ("birth_date", "date"),
        ),
    )
}
"""Every fact the built-in programs read, as columns, by fact name.

A scalar fact is one column named as the fact. A list fact is a count column (the number of
records; a missing count means the list is *unknown*, ``0`` that it is known to be empty)
and numbered slots ``{prefix}_{k}_{field}`` for k = 1, 2, … up to the largest count.
Column types:

- ``date``: numpy ``datetime64`` (any unit), or text in Jalali or Gregorian
  (``"1404/09/04"``, ``"2025-11-25"``), or ``datetime.date`` objects; NaT, ``None`` or
  ``""`` is unknown.
- ``flag``: ``bool``, ``0``/``1``, or the text ``"True"``/``"False"``; ``None``, NaN or
  ``pd.NA`` is unknown.
- ``choice``: the enumeration's codes as text (``"married"``), a pandas ``Categorical``
  or an Arrow dictionary of them; missing is unknown.
- ``text``/``province``: text (a province by any name :meth:`Province.lookup
  <maskan.geo.Province.lookup>` reads); missing is unknown.

>>> FACTS["marital_status"].kind, FACTS["benefits"].count
('choice', 'benefit_count')
>>> [fact.name for fact in FACTS.values() if fact.kind == "list"][:3]
['residences', 'owned_properties', 'benefits']
"""

# Slot fields that a used slot must have: the Person model refuses a record without them.
_REQUIRED_FIELDS = {
    ("residences", "city"),
    ("residences", "since"),
    ("insured_periods", "start"),
}
_REQUIRED_FIELDS |= {("children_birth_dates", "birth_date")}


def _leaves(rule: Rule) -> Iterable[Rule]:
    if rule.rules:
        for part in rule.rules:
            yield from _leaves(part)
    else:
        yield rule


def _program_leaves(program: Program) -> list[Rule]:
    return [leaf for rule in program.rules for leaf in _leaves(rule)]


def _reads(program: Program) -> tuple[str, ...] | None:
    """The facts the program's rules read; ``None`` when some rule does not say."""
    found: dict[str, None] = {}
    for leaf in _program_leaves(program):
        if leaf.columns is None:
            return None
        found.update(dict.fromkeys(leaf.columns.reads))
    return tuple(found)


def required_columns(program: Program) -> tuple[str, ...]:
    """The columns :meth:`~maskan.eligibility.Program.evaluate_columns` needs for
    ``program``: each scalar fact its rules read, and each list's count column (its slot
    columns are needed up to the largest count). Empty when some rule of a custom program
    does not declare what it reads: then whatever columns are given are used.

    >>> from maskan.eligibility.programs import get
    >>> required_columns(get("without_housing"))  # doctest: +NORMALIZE_WHITESPACE
    ('property_count', 'benefit_count', 'form_j', 'marital_status', 'spouse_property_count',
     'spouse_benefit_count', 'spouse_form_j')
    """
    reads = _reads(program) or ()
    names: dict[str, None] = {}
    for name in reads:
        fact = FACTS[name]
        names[fact.count if fact.count is not None else fact.name] = None
    return tuple(names)
