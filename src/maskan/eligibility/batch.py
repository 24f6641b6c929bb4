"""Columnar screening: one program over a whole roster held in columns, with reasons.

:meth:`Program.evaluate_columns <maskan.eligibility.Program.evaluate_columns>` takes a pandas
``DataFrame``, a pyarrow ``Table`` or a mapping of numpy arrays whose columns follow
:data:`FACTS`, and returns a :class:`Screening`: per row the verdict, a bitmask of the failed
reasons (:meth:`Screening.reasons` turns it into reason codes) and ``eligible_from``. numpy is
the ``columnar`` extra (``pip install "maskan[columnar]"``); pandas and pyarrow are read when
given.

The same program definition drives both paths. Each simple rule may carry a vectorized twin
(:class:`~maskan.eligibility.rules.InColumns`, written next to the rule) that reads the same
:class:`~maskan.eligibility.Parameter` objects through the same dated histories and gives the
same reason codes. A row that some twin cannot decide — a rule without a twin, a date before
a parameter's first value — is evaluated by :meth:`Program.evaluate
<maskan.eligibility.Program.evaluate>` from a :class:`~maskan.models.Person` rebuilt from its
columns, so the answers are always those of the per-person path
(:attr:`Screening.per_person` says which rows went that way).

>>> import numpy as np
>>> from maskan.calendar import jdate
>>> from maskan.eligibility.programs import national_housing_movement as nhm
>>> from maskan.models import Person
>>> from maskan.models.person import Residence
>>> program = nhm.PROGRAM.with_values(five_year_lookback="in_force", residence_easing="in_force")
>>> sara = Person(national_id="0499370899", first_name="سارا", last_name="احمدی",
...               gender="female", marital_status="single", birth_date="1371/02/10",
...               disabled=False, residences=[Residence(city="اصفهان", since="1371/02/10")],
...               owned_properties=(), benefits=())
>>> columns = columns_from_people([sara], program=program)
>>> columns["birth_date"], columns["residence_1_city"]
(array(['1992-04-30'], dtype='datetime64[D]'), array(['اصفهان'], dtype=object))
>>> screening = program.evaluate_columns(columns, on=jdate(1404, 9, 4), city="اصفهان")
>>> screening.verdicts()[0].value, screening.reasons(0)[:2]
('ineligible', ('national_housing_movement.not_married', \
'national_housing_movement.single_woman_under_age'))
>>> screening.eligible_from.tolist() == [jdate(1406, 2, 10)]
True
"""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs
import numpy as np
import numpy.typing as npt

from maskan.calendar import as_date
from maskan.eligibility import rules as _rules
from maskan.eligibility.decision import Verdict
from maskan.eligibility.parameters import Parameter
from maskan.eligibility.rules import Case, Finding, Outcome, Rule
from maskan.errors import MaskanError, RosterError, RuleError, describe
from maskan.geo import Province
from maskan.models.person import (
    Benefit,
    Employment,
    EmploymentKind,
    FormJ,
    FormJStatus,
    Gender,
    HousingHistory,
    InsuredPeriod,
    MaritalStatus,
    Nationality,
    OwnedProperty,
    Person,
    Residence,
)
from maskan.persian.text import normalize

if TYPE_CHECKING:
    from maskan.eligibility.program import Program

__all__ = [
    "FACTS",
    "FAILED",
    "PASSED",
    "UNKNOWN",
    "VERDICTS",
    "Decide",
    "Fact",
    "Frame",
    "Leaf",
    "Screening",
    "columns_from_people",
    "evaluate_columns",
    "pick",
    "required_columns",
    "screening_meta",
]

Array = npt.NDArray[Any]

FAILED = 0
"""The outcome code of a failed row in a :class:`Leaf` (:attr:`Outcome.FAILED`).

>>> FAILED
0
"""
PASSED = 1
"""The outcome code of a passed row in a :class:`Leaf` (:attr:`Outcome.PASSED`).

>>> PASSED
1
"""
UNKNOWN = 2
"""The outcome code of an unknown row in a :class:`Leaf` (:attr:`Outcome.UNKNOWN`).

>>> UNKNOWN
2
"""
_DEFER = 3  # left to the per-person path
_PENDING = 4  # not decided yet (inside a Decide)

VERDICTS: tuple[Verdict, ...] = (Verdict.INELIGIBLE, Verdict.ELIGIBLE, Verdict.UNDETERMINED)
"""The verdict of each code of :attr:`Screening.verdict`: 0 ineligible, 1 eligible,
2 undetermined.

>>> [verdict.value for verdict in VERDICTS]
['ineligible', 'eligible', 'undetermined']
"""

_UNIX = datetime.date(1970, 1, 1).toordinal()
_MAX_STEPS = 8  # as Program: how many times eligible_from is re-checked
_CHUNK = 1 << 18  # rows evaluated together: large enough for numpy, small enough for memory
# A valid national ID for the per-person path of a program that does not read it (a row
# without one is refused when the program does).
_PLACEHOLDER_ID = "0499370899"
_PLACEHOLDER_NAME = "نامعلوم"

# --- the column schema ------------------------------------------------------------------


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
    return Fact(name=name, kind="list", help_en=help_en, count=count, prefix=prefix, fields=fields)


FACTS: dict[str, Fact] = {
    fact.name: fact
    for fact in (
        _scalar("national_id", "text", "national ID (text)"),
        _scalar("birth_date", "date", "date of birth"),
        _scalar("gender", "choice", "female or male", Gender),
        _scalar("nationality", "choice", "iranian or foreign", Nationality),
        _scalar("legal_capacity", "flag", "has legal capacity"),
        _scalar("marital_status", "choice", "single, married, divorced or widowed", MaritalStatus),
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
        _list("benefits", "benefit_count", "benefit", "state housing benefits", ("date", "date")),
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
_REQUIRED_FIELDS = {("residences", "city"), ("residences", "since"), ("insured_periods", "start")}
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


# --- reading columns --------------------------------------------------------------------


def _bad(column: str, row: int | None, value: object, en: str, fa: str, code: str) -> RosterError:
    where = column if row is None else f"{column}, row {row}"
    return RosterError(
        f"{where}: {describe(value)} {en}",
        message_fa=f"{where}: مقدار {describe(value)} {fa}",
        code=code,
        field=column,
        value=value,
    )


def _wrong_type(column: str, dtype: object, expected: str) -> RosterError:
    return RosterError(
        f"{column}: a column of {dtype} cannot hold {expected}",
        message_fa=f"{column}: ستونی از نوع {dtype} نمی‌تواند {expected} را نگه دارد",
        code="column_type",
        field=column,
        value=str(dtype),
    )


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, np.floating):
        return bool(np.isnan(value))
    if isinstance(value, np.datetime64):
        return bool(np.isnat(value))
    if isinstance(value, str):
        return not value.strip()
    return type(value).__name__ in ("NAType", "NaTType")


class _Skip(Exception):
    """A cell the parser reads as missing."""


def _parse_date(value: object) -> int:
    if isinstance(value, np.datetime64):
        return int(value.astype("datetime64[D]").astype(np.int64)) + _UNIX
    if isinstance(value, datetime.datetime):
        return value.date().toordinal()
    if isinstance(value, datetime.date | str):
        return as_date(value, "date").toordinal()
    if type(value).__module__.startswith("jdatetime"):
        return as_date(value, "date").toordinal()
    raise TypeError(type(value).__name__)


def _parse_flag(value: object) -> int:
    if isinstance(value, bool | np.bool_):
        return int(bool(value))
    if isinstance(value, str) and value.strip().lower() in _FLAG_TEXT:
        # as text, the way Dask's string conversion and CSV files write them
        return _FLAG_TEXT[value.strip().lower()]
    if isinstance(value, int | np.integer | float | np.floating) and value in (0, 1):
        return int(value)
    raise TypeError(type(value).__name__)


_FLAG_TEXT = {"true": 1, "false": 0}


def _parse_count(value: object) -> int:
    if isinstance(value, bool | np.bool_):
        raise TypeError("bool")
    if isinstance(value, int | np.integer | float | np.floating):
        number = float(value)
        if number >= 0 and number.is_integer():
            return int(number)
    raise TypeError(type(value).__name__)


def _parse_text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(type(value).__name__)
    text = normalize(value)
    if not text:
        raise _Skip
    return text


_EXPECTED = {
    "date": ("a date (datetime64, a date, or Jalali/ISO text)", "تاریخ"),
    "flag": ("a yes/no value (bool, 0 or 1)", "بله/خیر"),
    "count": ("a whole number of records, 0 or more", "شمار درست"),
    "text": ("text", "متن"),
    "province": ("a province name", "نام استان"),
    "choice": ("one of the codes", "یکی از کدها"),
}


@attrs.frozen(kw_only=True)
class _Column:
    """A parsed column: ``codes`` (int) and, for text, the labels the codes index."""

    codes: Array
    labels: tuple[str, ...] = ()


def _cells(raw: Any) -> tuple[Array, list[object] | None]:
    """``raw`` as a numpy array, or (for a categorical) its codes and categories."""
    module = type(raw).__module__
    if module.startswith("pandas"):
        dtype = raw.dtype
        if type(raw).__name__ == "Categorical":
            return np.asarray(raw.codes), list(raw.categories)
        if str(dtype) == "category":
            return raw.cat.codes.to_numpy(), list(raw.cat.categories)
        if isinstance(dtype, np.dtype):
            return raw.to_numpy(), None
        return raw.to_numpy(dtype=object, na_value=None), None
    if module.startswith("pyarrow"):
        import pyarrow as pa  # type: ignore[import-untyped,import-not-found,unused-ignore]

        chunk = raw.combine_chunks() if isinstance(raw, pa.ChunkedArray) else raw
        if pa.types.is_dictionary(chunk.type):
            indices = chunk.indices.fill_null(-1).to_numpy(zero_copy_only=False)
            return indices, chunk.dictionary.to_pylist()
        if pa.types.is_date(chunk.type) or pa.types.is_timestamp(chunk.type):
            return chunk.to_numpy(zero_copy_only=False), None
        if chunk.null_count == 0 and (
            pa.types.is_boolean(chunk.type) or pa.types.is_integer(chunk.type)
        ):
            return chunk.to_numpy(zero_copy_only=False), None
        return np.array(chunk.to_pylist(), dtype=object), None
    array = np.asarray(raw)
    if array.dtype.kind == "U":
        array = array.astype(object)
    return array, None


def _parse_values(
    column: str, kind: str, values: Sequence[object], choices: type[enum.Enum] | None
) -> tuple[list[int], tuple[str, ...]]:
    """Parse distinct cell values; return one code per value (-1 missing) and, for text, the
    labels. A value that cannot be read raises ``ValueError`` with its position."""
    labels: dict[str, int] = {}
    codes: list[int] = []
    members = list(choices) if choices is not None else []
    for position, value in enumerate(values):
        if _is_missing(value):
            codes.append(-1)
            continue
        try:
            if kind == "date":
                codes.append(_parse_date(value))
            elif kind == "flag":
                codes.append(_parse_flag(value))
            elif kind == "count":
                codes.append(_parse_count(value))
            elif kind == "choice":
                assert choices is not None
                if isinstance(value, choices):
                    codes.append(members.index(value))
                elif isinstance(value, str):
                    codes.append(members.index(choices(value.strip())))
                else:
                    raise TypeError(type(value).__name__)
            elif kind == "province":
                name = _parse_text(value)
                codes.append(Province.all().index(Province.lookup(name)))
            else:
                codes.append(labels.setdefault(_parse_text(value), len(labels)))
        except _Skip:
            codes.append(-1)
        except (MaskanError, TypeError, ValueError) as error:
            raise _CellError(position, value, error) from None
    return codes, tuple(labels)


class _CellError(Exception):
    def __init__(self, position: int, value: object, error: Exception) -> None:
        super().__init__(position, value, error)
        self.position, self.value, self.error = position, value, error


def _problem(column: str, kind: str, row: int, value: object, error: Exception) -> RosterError:
    expected, expected_fa = _EXPECTED[kind]
    if isinstance(error, MaskanError):
        detail = error.message.split(": ", 1)[-1]
        return _bad(column, row, value, f"cannot be read: {detail}", "خوانده نمی‌شود", error.code)
    if kind == "choice":
        expected = "one of the codes"
    return _bad(column, row, value, f"is not {expected}", f"{expected_fa} نیست", "invalid_value")


def _parse(
    column: str, raw: Any, kind: str, choices: type[enum.Enum] | None, offset: int
) -> _Column:
    """Parse one column; ``offset`` is the row number of its first cell, for errors."""
    array, categories = _cells(raw)
    if categories is not None:
        try:
            codes, labels = _parse_values(column, kind, categories, choices)
        except _CellError as bad:
            row = offset + int(np.flatnonzero(array == bad.position)[0])
            raise _problem(column, kind, row, bad.value, bad.error) from None
        table = np.array([*codes, -1], dtype=np.int64)
        return _Column(codes=_narrow(kind, table[array]), labels=labels)
    dtype = array.dtype
    if dtype.kind == "M":
        if kind != "date":
            raise _wrong_type(column, dtype, _EXPECTED[kind][0])
        days = array.astype("datetime64[D]")
        ordinals = days.astype(np.int64) + _UNIX
        return _Column(codes=np.where(np.isnat(days), 0, ordinals).astype(np.int32))
    if dtype.kind in "biuf":
        fast = _numeric(column, kind, array, offset)
        if fast is not None:
            return _Column(codes=fast)
    if dtype.kind != "O":
        raise _wrong_type(column, dtype, _EXPECTED[kind][0])
    uniques: dict[object, int] = {}
    inverse = np.empty(len(array), dtype=np.int64)
    for row, value in enumerate(array.tolist()):
        key: object = value
        try:
            found = uniques.get(key)
        except TypeError:  # unhashable
            error = TypeError(type(value).__name__)
            raise _problem(column, kind, offset + row, value, error) from None
        if found is None:
            found = uniques[key] = len(uniques)
        inverse[row] = found
    values = list(uniques)
    try:
        codes, labels = _parse_values(column, kind, values, choices)
    except _CellError as bad:
        row = offset + int(np.flatnonzero(inverse == bad.position)[0])
        raise _problem(column, kind, row, bad.value, bad.error) from None
    table = np.array(codes, dtype=np.int64)
    return _Column(codes=_narrow(kind, table[inverse]), labels=labels)


def _narrow(kind: str, codes: Array) -> Array:
    if kind == "date":
        return np.where(codes < 0, 0, codes).astype(np.int32)
    if kind in ("flag", "choice"):
        return codes.astype(np.int8)
    return codes.astype(np.int32)


def _numeric(column: str, kind: str, array: Array, offset: int) -> Array | None:
    """Fast paths for numeric columns; ``None`` to read them cell by cell."""
    missing = np.isnan(array) if array.dtype.kind == "f" else np.zeros(len(array), bool)
    if missing.all():
        return _narrow(kind, np.full(len(array), -1, np.int64))
    if kind == "flag":
        if array.dtype.kind == "b":
            return array.astype(np.int8)
        valid = missing | (array == 0) | (array == 1)
        if not valid.all():
            row = int(np.flatnonzero(~valid)[0])
            value = array[row].item()
            raise _problem(column, kind, offset + row, value, TypeError("number"))
        return np.where(missing, -1, array.astype(np.float64)).astype(np.int8)
    if kind == "count":
        if array.dtype.kind == "b":
            raise _wrong_type(column, array.dtype, _EXPECTED[kind][0])
        values = np.where(missing, 0, array)
        valid = missing | ((values >= 0) & (values == np.floor(values)))
        if not valid.all():
            row = int(np.flatnonzero(~valid)[0])
            value = array[row].item()
            raise _problem(column, kind, offset + row, value, TypeError("number"))
        return np.where(missing, -1, values).astype(np.int32)
    raise _wrong_type(column, array.dtype, _EXPECTED[kind][0])


class _Source:
    """The input: its column names, its rows, and a slice of rows of one column."""

    def __init__(self, data: Any) -> None:
        module = type(data).__module__
        self.index: Any = None
        self._data = data
        if module.startswith("pandas"):
            self.kind = "pandas"
            self.names = [str(name) for name in data.columns]
            self.size = len(data)
            self.index = data.index
        elif module.startswith("pyarrow"):
            self.kind = "arrow"
            self.names = list(data.column_names)
            self.size = data.num_rows
        elif isinstance(data, Mapping):
            self.kind = "mapping"
            self.names = [str(name) for name in data]
            self._columns = {name: _sliceable(data[name]) for name in self.names}
            sizes = {name: len(column) for name, column in self._columns.items()}
            self.size = max(sizes.values(), default=0)
            for name, size in sizes.items():
                if size != self.size:
                    raise RosterError(
                        f"{name}: {size} rows, but other columns have {self.size}",
                        message_fa=f"{name}: {size} ردیف دارد اما ستون‌های دیگر {self.size}",
                        code="column_length",
                        field=name,
                        value=size,
                    )
        else:
            kind = type(data).__name__
            raise RosterError(
                f"data: a {kind} is not a pandas DataFrame, a pyarrow Table or a mapping of "
                "column names to arrays",
                message_fa=f"data: {kind} جدول pandas یا pyarrow یا نگاشتی از ستون‌ها نیست",
                code="type",
                field="data",
                value=kind,
            )
        self.present = frozenset(self.names)

    def get(self, name: str, start: int, stop: int) -> Any:
        if self.kind == "pandas":
            return self._data[name].iloc[start:stop]
        if self.kind == "arrow":
            return self._data.column(name).slice(start, stop - start)
        return self._columns[name][start:stop]


def _sliceable(column: Any) -> Any:
    """A column of a mapping as something that slices by position."""
    if type(column).__module__.startswith("pandas") and hasattr(column, "iloc"):
        return column.reset_index(drop=True)
    if isinstance(column, np.ndarray) or type(column).__module__.startswith(("pandas", "pyarrow")):
        return column
    values = list(column)
    array = np.asarray(values) if values and not any(v is None for v in values) else None
    if array is None or array.dtype.kind not in "biufMU":
        array = np.empty(len(values), dtype=object)
        array[:] = values
    return array


class _Table:
    """Rows ``start`` to ``stop`` of the input, each column parsed on first use."""

    def __init__(self, source: _Source, start: int = 0, stop: int | None = None) -> None:
        self._source = source
        self.offset = start
        self.stop = source.size if stop is None else stop
        self.size = self.stop - start
        self.names = source.names
        self.present = source.present
        self.index = source.index
        self._parsed: dict[str, _Column] = {}

    def has(self, name: str) -> bool:
        return name in self.present

    def column(self, name: str, kind: str, choices: type[enum.Enum] | None = None) -> _Column:
        parsed = self._parsed.get(name)
        if parsed is None:
            if name not in self.present:
                parsed = _Column(codes=_narrow(kind, np.full(self.size, -1, np.int64)))
            else:
                raw = self._source.get(name, self.offset, self.stop)
                parsed = _parse(name, raw, kind, choices, self.offset)
            self._parsed[name] = parsed
        return parsed

    def fact(self, name: str) -> _Column:
        fact = FACTS[name]
        return self.column(name, fact.kind, fact.choices)

    def count(self, fact: Fact) -> Array:
        assert fact.count is not None
        return self.column(fact.count, "count").codes

    def slot(self, fact: Fact, slot: int, field: str) -> _Column:
        kind = dict(fact.fields)[field]
        return self.column(f"{fact.prefix}_{slot}_{field}", kind)

    def slots(self, fact: Fact) -> int:
        """How many slots of ``fact`` have columns."""
        slot = 0
        while any(name in self.present for name in fact.slot_columns(slot + 1)):
            slot += 1
        return slot

    def check(self, facts: Iterable[str], required: bool) -> None:
        """Every column of ``facts`` is there (when ``required``), and every list's used
        slots have the fields a record must have."""
        for name in facts:
            fact = FACTS[name]
            head = fact.count if fact.count is not None else fact.name
            if head not in self.present:
                if required:
                    raise _missing_column(head, f"the {fact.name} fact")
                continue
            if fact.kind != "list":
                codes = self.fact(name).codes
                if name == "national_id" and required and (codes < 0).any():
                    row = int(np.flatnonzero(codes < 0)[0])
                    raise _bad(name, self.offset + row, None, "is missing", "خالی است", "missing")
                continue
            counts = self.count(fact)
            largest = int(counts.max(initial=0))
            for slot in range(1, largest + 1):
                used = counts >= slot
                for field, kind in fact.fields:
                    column = f"{fact.prefix}_{slot}_{field}"
                    if column not in self.present:
                        row = int(np.flatnonzero(used)[0])
                        raise _missing_column(
                            column,
                            f"row {self.offset + row}, whose {fact.count} is {int(counts[row])}",
                        )
                    codes = self.slot(fact, slot, field).codes
                    if (name, field) in _REQUIRED_FIELDS:
                        unknown = (codes == 0) if kind == "date" else (codes < 0)
                        empty = used & unknown
                        if empty.any():
                            row = int(np.flatnonzero(empty)[0])
                            raise _bad(
                                column,
                                self.offset + row,
                                None,
                                f"is missing, but the row's {fact.count} is {int(counts[row])}",
                                "خالی است",
                                "missing",
                            )


def _missing_column(column: str, why: str) -> RosterError:
    return RosterError(
        f"{column}: the column is missing; it is needed for {why}",
        message_fa=f"{column}: این ستون نیست و برای {why} لازم است",
        code="missing_column",
        field=column,
    )


# --- Jalali calendar arithmetic on arrays (the 33-year rule of maskan.calendar) ----------

_JALALI_EPOCH = 226_894  # the ordinal of the day before 1 Farvardin 1
_MONTH_START = np.array([0, 0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336], np.int64)
_LEAP = np.isin(np.arange(33), [1, 5, 9, 13, 17, 22, 26, 30])


def _jalali(ordinal: Array) -> tuple[Array, Array, Array]:
    n = np.asarray(ordinal).astype(np.int32) - (_JALALI_EPOCH + 1)
    years = (33 * n + 3) // 12053
    day = n - 365 * years - (8 * years + 29) // 33
    first_half = day < 186
    later = day - 186
    month = np.where(first_half, day // 31 + 1, later // 30 + 7)
    dom = np.where(first_half, day % 31 + 1, later % 30 + 1)
    return years + 1, month, dom


def _gregorian(year: Array, month: Array, day: Array) -> Array:
    years = year - 1
    ordinal: Array = (
        _JALALI_EPOCH + 365 * years + (8 * years + 29) // 33 + _MONTH_START[month] + day
    )
    return ordinal.astype(np.int32)


def _is_leap(year: Array) -> Array:
    leap: Array = _LEAP[year % 33]
    return leap


def _add_years(ordinal: Array, years: Array | int) -> Array:
    """:func:`maskan.calendar.add_years` on arrays of date ordinals."""
    y, m, d = _jalali(ordinal)
    y = y + years
    length = np.where(m <= 6, 31, np.where((m <= 11) | _is_leap(y), 30, 29))
    return _gregorian(y, m, np.minimum(d, length))


def _full_years(start: Array, end: Array) -> Array:
    """:func:`maskan.calendar.full_years` on arrays of date ordinals (``end >= start``)."""
    sy, sm, sd = _jalali(start)
    ey, em, ed = _jalali(end)
    before = (em < sm) | ((em == sm) & (ed < sd))
    esfand_30 = (sm == 12) & (sd == 30) & (em == 12) & (ed == 29) & ~_is_leap(ey)
    years: Array = ey - sy - (before & ~esfand_30)
    return years.astype(np.int32)


# --- a frame of rows and the twins' tools -------------------------------------------------


@attrs.frozen(kw_only=True)
class Leaf:
    """What a rule's twin found for each row of a :class:`Frame`.

    Attributes:
        outcome: per row :data:`FAILED`, :data:`PASSED` or :data:`UNKNOWN`, or 3 for a row
            left to the per-person path.
        reason: for a failed row, the index of its reason in the rule's
            :attr:`~maskan.eligibility.rules.InColumns.failures`; -1 otherwise.
        eligible_from: for a failed row, the ordinal of the date the rule would pass
            (``datetime.date.toordinal``); 0 for none.

    >>> leaf = Leaf(outcome=np.array([1, 0], np.int8), reason=np.array([-1, 0], np.int8),
    ...             eligible_from=np.zeros(2, np.int32))
    >>> leaf.outcome.tolist()
    [1, 0]
    """

    outcome: Array
    reason: Array
    eligible_from: Array


# A Decide's state (a failure's reason index, or 100 passed, 101 unknown, 102 deferred,
# 127 open) as a Leaf's outcome and reason; a row left open goes to the per-person path.
_STATE_OUTCOME = np.full(128, _DEFER, np.int8)
_STATE_OUTCOME[:64], _STATE_OUTCOME[100], _STATE_OUTCOME[101] = FAILED, PASSED, UNKNOWN
_STATE_REASON = np.full(128, -1, np.int8)
_STATE_REASON[:64] = np.arange(64)


class Decide:
    """Builds a :class:`Leaf` the way a rule's ``check`` reads: conditions in order, the
    first that holds for a row decides it.

    >>> import datetime
    >>> frame = Frame.of({"disabled": np.array([True, False])}, on=datetime.date(2025, 1, 1))
    >>> from maskan.eligibility.programs.national_housing_movement import DISABLED
    >>> decide = frame.decide(DISABLED)
    >>> disabled = frame.flag("disabled")
    >>> decide.failed(disabled == 0, "national_housing_movement.not_disabled")
    >>> decide.passed_rest()
    >>> decide.leaf().outcome.tolist()
    [1, 0]
    """

    # One int8 per row: a failure's reason index (0-63), or one of these states.
    _PASSED, _UNKNOWN, _DEFERRED, _OPEN = 100, 101, 102, 127

    def __init__(self, frame: Frame, rule: Rule) -> None:
        assert rule.columns is not None
        self.rule = rule
        self._failures = rule.columns.failures
        self._state = np.full(frame.size, self._OPEN, np.int8)
        self.eligible_from = np.zeros(frame.size, np.int32)

    @property
    def open(self) -> Array:
        """The rows not decided yet."""
        pending: Array = self._state == self._OPEN
        return pending

    def _open(self, mask: Array) -> Array:
        chosen: Array = mask & (self._state == self._OPEN)
        return chosen

    def passed(self, mask: Array) -> None:
        """Rows of ``mask`` still open pass."""
        np.putmask(self._state, self._open(mask), self._PASSED)

    def unknown(self, mask: Array) -> None:
        """Rows of ``mask`` still open are unknown."""
        np.putmask(self._state, self._open(mask), self._UNKNOWN)

    def defer(self, mask: Array) -> None:
        """Rows of ``mask`` still open go to the per-person path."""
        if np.any(mask):
            np.putmask(self._state, self._open(mask), self._DEFERRED)

    def failed(self, mask: Array, reason: str, eligible_from: Array | int = 0) -> None:
        """Rows of ``mask`` still open fail with ``reason`` (one of the rule's failures)
        and, where given (an ordinal, 0 for none), an ``eligible_from``."""
        chosen = self._open(mask)
        np.putmask(self._state, chosen, self._failures.index(reason))
        if np.ndim(eligible_from) or eligible_from:
            np.copyto(self.eligible_from, eligible_from, casting="unsafe", where=chosen)

    def take(self, leaf: Leaf, mask: Array | None = None) -> None:
        """Rows still open (of ``mask``, if given) take ``leaf``'s answers."""
        chosen = self.open if mask is None else self._open(mask)
        state = np.where(leaf.outcome == FAILED, leaf.reason, leaf.outcome + (self._PASSED - 1))
        np.copyto(self._state, state, casting="unsafe", where=chosen)
        np.copyto(self.eligible_from, leaf.eligible_from, where=chosen)

    def passed_rest(self) -> None:
        """Every row still open passes."""
        np.putmask(self._state, self.open, self._PASSED)

    def leaf(self) -> Leaf:
        """The finished :class:`Leaf`; a row left open goes to the per-person path."""
        state = self._state
        return Leaf(
            outcome=_STATE_OUTCOME.take(state),
            reason=_STATE_REASON.take(state),
            eligible_from=self.eligible_from,
        )


class Frame:
    """Rows of a roster on per-row evaluation dates, as a rule's twin sees them.

    Columns come back parsed: dates as ``int32`` ordinals (0: unknown), yes/no facts as
    ``int8`` (1, 0, -1: unknown), choices as the index of the member in its enumeration
    (-1: unknown), counts as ``int32`` (-1: unknown). ``on`` holds each row's evaluation
    date as an ordinal. Parameters resolve through their dated histories, row by row.

    >>> import datetime
    >>> frame = Frame.of({"birth_date": np.array(["1371/02/10", None], dtype=object)},
    ...                  on=datetime.date(2025, 11, 25))
    >>> frame.date("birth_date").tolist(), frame.size
    ([727318, 0], 2)
    """

    def __init__(
        self,
        table: _Table,
        on: Array,
        rows: Array | None,
        values: Mapping[str, object],
        context: Mapping[str, Any],
    ) -> None:
        self._table = table
        self.on = on
        common = len(on) > 0 and bool((on == on[0]).all())
        self.today: Any = on[0] if common else on
        """The evaluation date: one ordinal when every row shares it, else ``on``."""
        self._rows = rows
        self.values = values
        self.context = context
        self.size = len(on)
        self._memo: dict[object, Any] = {}

    @classmethod
    def of(
        cls,
        data: Any,
        *,
        on: datetime.date,
        values: Mapping[str, object] | None = None,
        **context: Any,
    ) -> Frame:
        """A frame of every row of ``data`` on the date ``on`` (for trying a twin)."""
        table = _Table(_Source(data))
        day = np.full(table.size, on.toordinal(), np.int32)
        return cls(table, day, None, values or {}, context)

    def _select(self, codes: Array) -> Array:
        return codes if self._rows is None else codes[self._rows]

    def memo(self, key: object, make: Callable[[], Any]) -> Any:
        """``make()``, computed once per frame for ``key``."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def _fact(self, name: str) -> Array:
        return self.memo(name, lambda: self._select(self._table.fact(name).codes))  # type: ignore[no-any-return]

    def date(self, name: str) -> Array:
        """A date fact, as ordinals (0: unknown)."""
        return self._fact(name)

    def flag(self, name: str) -> Array:
        """A yes/no fact: 1, 0, or -1 for unknown."""
        return self._fact(name)

    def choice(self, name: str) -> Array:
        """A choice fact: the member's index in its enumeration, -1 for unknown."""
        return self._fact(name)

    def text(self, name: str) -> tuple[Array, tuple[str, ...]]:
        """A text fact: codes (-1: unknown) and the normalized labels they index."""
        column = self._table.fact(name)
        return self._fact(name), column.labels

    @staticmethod
    def code(member: enum.Enum) -> int:
        """The index of ``member`` in its enumeration, as :meth:`choice` gives it."""
        return list(type(member)).index(member)

    def count(self, name: str) -> Array:
        """The number of records of a list fact (-1: unknown)."""
        fact = FACTS[name]
        return self.memo(("count", name), lambda: self._select(self._table.count(fact)))  # type: ignore[no-any-return]

    def slots(self, name: str) -> int:
        """How many slots the list fact ``name`` has in the input."""
        return self._table.slots(FACTS[name])

    def slot(self, name: str, slot: int, field: str) -> Array:
        """Field ``field`` of slot ``slot`` (from 1) of the list fact ``name``."""
        fact = FACTS[name]
        return self.memo(  # type: ignore[no-any-return]
            (name, slot, field), lambda: self._select(self._table.slot(fact, slot, field).codes)
        )

    def slot_labels(self, name: str, slot: int, field: str) -> tuple[str, ...]:
        """The labels of a text field of a slot."""
        return self._table.slot(FACTS[name], slot, field).labels

    def years(self, start: Array, end: Array) -> Array:
        """Full Jalali years from ``start`` to ``end`` (ordinals), as
        :func:`~maskan.calendar.full_years`."""
        return _full_years(start, end)

    def add_years(self, ordinal: Array, years: Array | int, where: Array | None = None) -> Array:
        """The same Jalali day ``years`` later, as :func:`~maskan.calendar.add_years`;
        with ``where``, only for those rows (0 elsewhere)."""
        if where is None:
            return _add_years(ordinal, years)
        rows = np.flatnonzero(where)
        result = np.zeros(self.size, np.int32)
        result[rows] = _add_years(pick(ordinal, rows), pick(years, rows))
        return result

    def resolve(self, parameter: Parameter[Any]) -> tuple[Array, Array]:
        """The value of ``parameter`` for each row on its date, and a mask of the rows
        before its first value (the per-person path raises there: defer them). A value
        the caller supplied holds for every row. Date values come back as ordinals."""

        def make() -> tuple[Array, Array]:
            return self._resolve(parameter, self.today)

        return self.memo(("parameter", parameter.code), make)  # type: ignore[no-any-return]

    def resolve_on(self, parameter: Parameter[Any], on: Array) -> tuple[Array, Array]:
        """:meth:`resolve` on other dates than the rows' own."""
        return self._resolve(parameter, on)

    def _resolve(self, parameter: Parameter[Any], on: Array) -> tuple[Array, Array]:
        if parameter.code in self.values:
            value = _plain(self.values[parameter.code], parameter)
            return np.asarray(value), np.asarray(False)
        if not parameter.history:
            parameter.resolve(datetime.date(2000, 1, 1), self.values)  # raises missing_parameter
        boundaries = np.array([day.toordinal() for day, _ in parameter.history], np.int64)
        found = np.array([_plain(value, parameter) for _, value in parameter.history])
        index = np.searchsorted(boundaries, on, side="right") - 1
        before = index < 0
        return found[np.maximum(index, 0)], before

    def change_in_force(self, parameter: Parameter[Any]) -> tuple[Array, int]:
        """For a caller-set change (see
        :func:`~maskan.eligibility.programs.without_housing.change_in_force`): per row 1 in
        force, 0 not, -1 undecided; and the change's date as an ordinal (0 when an option
        was given)."""
        from maskan.eligibility.programs.without_housing import change_in_force

        case = Case(person=None, on=datetime.date(2000, 1, 1), values=self.values)
        in_force, change = change_in_force(case, parameter)
        if change is not None:
            day = change.toordinal()
            return np.asarray(self.today >= day).astype(np.int8), day
        value = -1 if in_force is None else int(in_force)
        return np.asarray(value, np.int8), 0

    def decide(self, rule: Rule) -> Decide:
        """A :class:`Decide` for ``rule`` over these rows."""
        return Decide(self, rule)

    def subset(self, rows: Array, on: Array) -> Frame:
        """The rows ``rows`` (positions in this frame) on the dates ``on``."""
        picked = rows if self._rows is None else self._rows[rows]
        return Frame(self._table, on, picked, self.values, self.context)


def pick(values: Any, rows: Array) -> Any:
    """``values[rows]``, or ``values`` itself when it is one value for every row.

    >>> pick(np.array([5, 6, 7]), np.array([0, 2])).tolist(), int(pick(np.asarray(4), [0]))
    ([5, 7], 4)
    """
    return values[rows] if np.ndim(values) else values


def _plain(value: object, parameter: Parameter[Any]) -> object:
    if parameter.unit == "date":
        return as_date(value, parameter.code).toordinal()  # type: ignore[arg-type,unused-ignore]
    return value


# --- running a program in columns -------------------------------------------------------


@attrs.frozen
class _Node:
    outcome: Array
    eligible_from: Array
    bits: Array


class _Layout:
    """The failed-reason bits of a program: one per (rule, reason), leaves in rule order."""

    def __init__(self, program: Program) -> None:
        self.bits: list[tuple[str, str]] = []
        self.position: dict[str, int] = {}
        for leaf in _program_leaves(program):
            self.position.setdefault(leaf.code, len(self.position))
            if leaf.columns is not None:
                for reason in leaf.columns.failures:
                    self.add(leaf.code, reason)

    def add(self, rule: str, reason: str) -> int:
        key = (rule, reason)
        if key in self.bits:
            return self.bits.index(key)
        if len(self.bits) == 64:
            raise RuleError(
                f"{rule}: more than 64 failure reasons; the bitmask holds 64",
                message_fa=f"{rule}: بیش از ۶۴ دلیل رد؛ نگاشت بیتی ۶۴ جا دارد",
                code="too_many_reasons",
                field="rules",
                value=reason,
            )
        self.bits.append(key)
        return len(self.bits) - 1

    def table(self, leaf: Rule) -> Array:
        assert leaf.columns is not None
        return np.array(
            [
                np.uint64(1) << np.uint64(self.add(leaf.code, reason))
                for reason in leaf.columns.failures
            ]
            + [np.uint64(0)],
            np.uint64,
        )


def _run(rule: Rule, frame: Frame, layout: _Layout) -> _Node:
    # Parts are folded in one at a time, so that one leaf's arrays are alive at a time.
    if rule.rules:
        if rule.check is _rules._check_all:
            return _all(_run(part, frame, layout) for part in rule.rules)  # one at a time
        if rule.check is _rules._check_any:
            return _any(_run(part, frame, layout) for part in rule.rules)
        return _deferred(frame.size)
    assert rule.columns is not None
    assert rule.columns.check is not None
    leaf: Leaf = rule.columns.check(frame, rule)
    # A Decide sets a reason and a date only on failed rows; -1 picks the table's last 0.
    bits = layout.table(rule).take(leaf.reason)
    return _Node(outcome=leaf.outcome, eligible_from=leaf.eligible_from, bits=bits)


def _deferred(size: int) -> _Node:
    return _Node(
        outcome=np.full(size, _DEFER, np.int8),
        eligible_from=np.zeros(size, np.int32),
        bits=np.zeros(size, np.uint64),
    )


def _all(parts: Iterator[_Node]) -> _Node:
    first = next(parts)
    failed = first.outcome == FAILED
    unknown = first.outcome == UNKNOWN
    deferred = first.outcome == _DEFER
    dateless = failed & (first.eligible_from == 0)
    latest, bits = first.eligible_from.copy(), first.bits
    for part in parts:
        is_failed = part.outcome == FAILED
        failed |= is_failed
        unknown |= part.outcome == UNKNOWN
        deferred |= part.outcome == _DEFER
        dateless |= is_failed & (part.eligible_from == 0)
        np.maximum(latest, part.eligible_from, out=latest)  # 0 on rows that did not fail
        bits |= part.bits
    outcome = np.where(failed, FAILED, np.where(unknown, UNKNOWN, PASSED)).astype(np.int8)
    np.putmask(outcome, deferred, _DEFER)
    np.putmask(latest, ~failed | unknown | dateless, 0)
    return _Node(outcome=outcome, eligible_from=latest, bits=bits)


def _any(parts: Iterator[_Node]) -> _Node:
    first = next(parts)
    passed = first.outcome == PASSED
    unknown = first.outcome == UNKNOWN
    deferred = first.outcome == _DEFER
    earliest, bits = first.eligible_from.copy(), first.bits
    for part in parts:
        day = part.eligible_from
        passed |= part.outcome == PASSED
        unknown |= part.outcome == UNKNOWN
        deferred |= part.outcome == _DEFER
        np.copyto(earliest, day, where=(day > 0) & ((earliest == 0) | (day < earliest)))
        bits |= part.bits
    outcome = np.where(passed, PASSED, np.where(unknown, UNKNOWN, FAILED)).astype(np.int8)
    np.putmask(outcome, deferred, _DEFER)
    failed = outcome == FAILED
    np.putmask(earliest, ~failed, 0)
    np.putmask(bits, ~failed, np.uint64(0))
    return _Node(outcome=outcome, eligible_from=earliest, bits=bits)


def _verdict(nodes: list[_Node]) -> tuple[Array, Array]:
    """Verdict codes (as :data:`VERDICTS`) and the rows left to the per-person path."""
    size = len(nodes[0].outcome) if nodes else 0
    failed = np.zeros(size, bool)
    unknown = failed.copy()
    deferred = failed.copy()
    for node in nodes:
        failed |= node.outcome == FAILED
        unknown |= node.outcome == UNKNOWN
        deferred |= node.outcome == _DEFER
    verdict = np.where(failed, 0, np.where(unknown, 2, 1)).astype(np.int8)
    return verdict, deferred


def _columns_ready(program: Program) -> bool:
    return all(
        leaf.columns is not None and leaf.columns.check is not None
        for leaf in _program_leaves(program)
    ) and all(_combinable(rule) for rule in program.rules)


def _combinable(rule: Rule) -> bool:
    if not rule.rules:
        return True
    known = rule.check is _rules._check_all or rule.check is _rules._check_any
    return known and all(_combinable(part) for part in rule.rules)


def _in_columns(
    program: Program, frame: Frame, layout: _Layout
) -> tuple[Array, Array, Array, Array]:
    """Verdict codes, failed bits, eligible_from ordinals and deferred rows of a frame."""
    bits = np.zeros(frame.size, np.uint64)
    nodes = []
    for rule in program.rules:
        node = _run(rule, frame, layout)
        bits |= node.bits
        nodes.append(attrs.evolve(node, bits=bits[:0]))  # the bits are folded in already
    verdict, deferred = _verdict(nodes)
    eligible = np.where(verdict == 1, frame.on, 0).astype(np.int32)
    # eligible_from for the ineligible: move to the latest date a failed rule names and
    # decide again there, as Program does person by person.
    current_nodes, current_verdict = nodes, verdict
    rows = np.arange(frame.size)
    current = frame
    for _ in range(_MAX_STEPS):
        waiting = (current_verdict == 0) & ~deferred[rows]
        if not waiting.any():
            break
        dateless = np.zeros(len(rows), bool)
        later = np.zeros(len(rows), np.int32)
        for node in current_nodes:
            is_failed = node.outcome == FAILED
            dateless |= is_failed & (node.eligible_from == 0)
            np.maximum(later, np.where(is_failed, node.eligible_from, 0), out=later)
        waiting &= ~dateless & (later > current.on)
        if not waiting.any():
            break
        picked = np.flatnonzero(waiting)
        rows = rows[picked]
        current = current.subset(picked, later[picked])
        current_nodes = [
            attrs.evolve(_run(rule, current, layout), bits=bits[:0]) for rule in program.rules
        ]
        current_verdict, again = _verdict(current_nodes)
        deferred[rows[again]] = True
        now_eligible = current_verdict == 1
        eligible[rows[now_eligible]] = current.on[now_eligible]
    return verdict, bits, eligible, deferred


def evaluate_columns(
    program: Program, data: Any, *, on: datetime.date | str, **context: Any
) -> Screening:
    """Evaluate ``program`` for every row of ``data`` on the date ``on``; see
    :meth:`Program.evaluate_columns <maskan.eligibility.Program.evaluate_columns>`.

    >>> from maskan.eligibility.programs import get
    >>> columns = {"marital_status": np.array(["single", None], dtype=object),
    ...            "property_count": np.array([0, 0]), "benefit_count": np.array([0, 0]),
    ...            "form_j": np.array([None, "red"], dtype=object),
    ...            "spouse_property_count": np.array([0, 0]),
    ...            "spouse_benefit_count": np.array([0, 0]),
    ...            "spouse_form_j": np.array([None, None], dtype=object)}
    >>> program = get("without_housing").with_values(five_year_lookback="in_force")
    >>> screening = evaluate_columns(program, columns, on="1404/09/04")
    >>> [verdict.value for verdict in screening.verdicts()], screening.reasons(1)
    (['eligible', 'ineligible'], ('without_housing.form_j_red',))
    """
    program._check_ready()
    if program.context is not None and not context.keys() <= set(program.context):
        program._unknown_context(context)
    day = as_date(on, "on")
    source = _Source(data)
    reads = _reads(program)
    layout = _Layout(program)
    size = source.size
    verdict = np.zeros(size, np.int8)
    bits = np.zeros(size, np.uint64)
    eligible = np.zeros(size, np.int32)
    deferred = np.ones(size, bool)
    in_columns = _columns_ready(program)
    # In chunks of rows: the working arrays of a chunk, not of the whole roster, are alive.
    for start in range(0, max(size, 1), _CHUNK):
        table = _Table(source, start, min(start + _CHUNK, size))
        table.check(reads if reads is not None else FACTS, required=reads is not None)
        rows = slice(start, table.stop)
        if table.size and in_columns:
            on_rows = np.full(table.size, day.toordinal(), np.int32)
            frame = Frame(table, on_rows, None, program.values, context)
            found = _in_columns(program, frame, layout)
            verdict[rows], bits[rows], eligible[rows], deferred[rows] = found
        for row in np.flatnonzero(deferred[rows]).tolist():
            decision = program.evaluate(_person(table, row), on=day, **context)
            verdict[start + row] = VERDICTS.index(decision.verdict)
            mask = 0
            for finding in decision.findings:
                for leaf in _failed_leaves(finding):
                    mask |= 1 << layout.add(leaf.rule, leaf.reason)
            bits[start + row] = mask
            when = decision.eligible_from
            eligible[start + row] = 0 if when is None else when.toordinal()
    dates = np.where(eligible > 0, eligible.astype(np.int64) - _UNIX, np.iinfo(np.int64).min)
    return Screening(
        program=program.code,
        version=program.version,
        on=day,
        verdict=verdict,
        failed=bits,
        eligible_from=dates.astype("datetime64[D]"),
        per_person=deferred,
        bits=tuple(layout.bits),
        order=tuple(layout.position.get(rule, len(layout.position)) for rule, _ in layout.bits),
        index=source.index,
    )


def _failed_leaves(finding: Finding) -> Iterable[Finding]:
    if finding.outcome is not Outcome.FAILED:
        return
    if not finding.branches:
        yield finding
        return
    for branch in finding.branches:
        yield from _failed_leaves(branch)


# --- the result -------------------------------------------------------------------------


@attrs.frozen(kw_only=True, eq=False)
class Screening:
    """A program's answers for every row of a roster, in columns.

    Attributes:
        program: the program's code.
        version: the program's version.
        on: the evaluation date.
        verdict: per row, the index of its verdict in :data:`VERDICTS` (``int8``: 0
            ineligible, 1 eligible, 2 undetermined).
        failed: per row, a ``uint64`` bitmask of the failed reasons; :meth:`reasons`
            decodes a row, :meth:`decode` any mask, and :attr:`bits` names each bit.
        eligible_from: per row, ``datetime64[D]``: the evaluation date when eligible, a
            later date when only time stands in the way, NaT otherwise.
        per_person: per row, whether it was evaluated by the per-person path.
        bits: for each bit, the (rule code, reason code) it stands for.
        order: for each bit, its rule's position in the program, so decoding keeps rule
            order.
        index: the input's pandas index, when it was a DataFrame.

    >>> from maskan.eligibility.programs import get
    >>> program = get("without_housing").with_values(five_year_lookback="in_force")
    >>> screening = program.evaluate_columns(
    ...     {"marital_status": ["married"], "property_count": [0], "benefit_count": [1],
    ...      "benefit_1_date": ["1390/01/01"], "form_j": [None], "spouse_property_count": [0],
    ...      "spouse_benefit_count": [0], "spouse_form_j": [None]}, on="1404/09/04")
    >>> len(screening), screening.reasons(0), int(screening.failed[0])
    (1, ('without_housing.benefit_used',), 4)
    """

    program: str
    version: str
    on: datetime.date
    verdict: Array
    failed: Array
    eligible_from: Array
    per_person: Array
    bits: tuple[tuple[str, str], ...]
    order: tuple[int, ...]
    index: Any = None

    def __len__(self) -> int:
        return len(self.verdict)

    @property
    def eligible(self) -> Array:
        """Per row, whether the verdict is eligible."""
        eligible: Array = self.verdict == 1
        return eligible

    def verdicts(self) -> list[Verdict]:
        """The verdict of each row, as :class:`~maskan.eligibility.Verdict`."""
        return [VERDICTS[code] for code in self.verdict.tolist()]

    def decode(self, mask: int) -> tuple[str, ...]:
        """The reason codes of the bits set in ``mask``, in rule order."""
        mask = int(mask)
        chosen = [bit for bit in range(len(self.bits)) if mask >> bit & 1]
        chosen.sort(key=lambda bit: (self.order[bit], bit))
        return tuple(self.bits[bit][1] for bit in chosen)

    def reasons(self, row: int) -> tuple[str, ...]:
        """The failed reason codes of row ``row``, in rule order: the row's
        :attr:`Decision.failed_codes <maskan.eligibility.Decision.failed_codes>`."""
        return self.decode(int(self.failed[row]))

    def reason_mask(self, reason: str) -> int:
        """The bits that stand for ``reason`` (in any rule), to select rows:
        ``screening.failed & screening.reason_mask(code) != 0``."""
        mask = 0
        for bit, (_, code) in enumerate(self.bits):
            if code == reason:
                mask |= 1 << bit
        return mask

    def counts(self) -> dict[str, int]:
        """How many rows got each verdict."""
        found = np.bincount(self.verdict, minlength=len(VERDICTS))
        return {verdict.value: int(n) for verdict, n in zip(VERDICTS, found, strict=True)}

    def to_pandas(self, *, reasons: bool = False) -> Any:
        """A pandas ``DataFrame`` (on the input's index, when it had one): ``verdict``
        (text), ``failed`` (``uint64``), ``eligible_from`` (``datetime64``, NaT for none),
        ``per_person``; with ``reasons=True`` also ``reasons``, the failed reason codes
        joined by spaces.

        >>> from maskan.eligibility.programs import get
        >>> program = get("without_housing").with_values(five_year_lookback="in_force")
        >>> frame = program.evaluate_columns(
        ...     {"marital_status": ["single"], "property_count": [0], "benefit_count": [0],
        ...      "form_j": ["red"], "spouse_property_count": [0], "spouse_benefit_count": [0],
        ...      "spouse_form_j": [None]}, on="1404/09/04").to_pandas(reasons=True)
        >>> frame.loc[0, "verdict"], frame.loc[0, "reasons"]
        ('ineligible', 'without_housing.form_j_red')
        """
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        labels = np.array([verdict.value for verdict in VERDICTS], dtype=object)
        columns: dict[str, Any] = {
            "verdict": labels[self.verdict],
            "failed": self.failed,
            "eligible_from": self.eligible_from.astype("datetime64[ns]"),
            "per_person": self.per_person,
        }
        if reasons:
            cache: dict[int, str] = {}
            texts = []
            for mask in self.failed.tolist():
                text = cache.get(mask)
                if text is None:
                    text = cache[mask] = " ".join(self.decode(mask))
                texts.append(text)
            columns["reasons"] = np.array(texts, dtype=object)
        return pd.DataFrame(columns, index=self.index)


def screening_meta(*, reasons: bool = False) -> Any:
    """An empty pandas ``DataFrame`` shaped like :meth:`Screening.to_pandas`: the ``meta``
    Dask's ``map_partitions`` asks for.

    >>> screening_meta(reasons=True).dtypes.astype(str).to_dict()  # doctest: +ELLIPSIS
    {'verdict': 'object', 'failed': 'uint64', 'eligible_from': 'datetime64[ns]', ...}
    """
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

    columns: dict[str, Any] = {
        "verdict": pd.Series([], dtype=object),
        "failed": pd.Series([], dtype=np.uint64),
        "eligible_from": pd.Series([], dtype="datetime64[ns]"),
        "per_person": pd.Series([], dtype=bool),
    }
    if reasons:
        columns["reasons"] = pd.Series([], dtype=object)
    return pd.DataFrame(columns)


# --- people to columns and back --------------------------------------------------------


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
    form_j, spouse_form_j = _member(table, "form_j", row), _member(table, "spouse_form_j", row)
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
            [math.nan if items is None else len(items) for items in lists], dtype=np.float64
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
