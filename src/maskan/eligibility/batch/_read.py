"""Reading columns: a pandas, Arrow or numpy-mapping input, parsed column by column.

Part of :mod:`maskan.eligibility.batch`. Each cell becomes an integer code (a date ordinal,
a flag, a member's index, a count, or an index into the column's text labels), and a cell
that cannot be read raises a :class:`~maskan.errors.RosterError` naming column and row.
"""

from __future__ import annotations

import datetime
import enum
import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs
import numpy as np

from maskan.calendar import as_date
from maskan.eligibility.batch._arrays import _UNIX, Array
from maskan.eligibility.batch._schema import _REQUIRED_FIELDS, FACTS, Fact
from maskan.errors import MaskanError, RosterError, describe
from maskan.geo import Province
from maskan.persian.text import normalize


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
    if isinstance(value, datetime.date | str) or type(value).__module__.startswith("jdatetime"):
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
        table = _narrow(kind, np.array([*codes, -1], dtype=np.int64))
        return _Column(codes=table[array], labels=labels)
    dtype = array.dtype
    if dtype.kind == "M":
        if kind != "date":
            raise _wrong_type(column, dtype, _EXPECTED[kind][0])
        days = array.astype("datetime64[D]", copy=False)
        # int32 wraps as the int64 ordinals cast to int32 would
        ordinals = days.view(np.int64).astype(np.int32)
        ordinals += _UNIX
        ordinals *= ~np.isnat(days)  # 0: unknown
        return _Column(codes=ordinals)
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
    if kind == "count" and array.dtype.kind == "i":  # whole numbers, none missing
        negative = array < 0
        if negative.any():
            row = int(np.flatnonzero(negative)[0])
            raise _problem(column, kind, offset + row, array[row].item(), TypeError("number"))
        return array.astype(np.int32)
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
                    raise _bad(
                        name,
                        self.offset + row,
                        None,
                        "is missing",
                        "خالی است",
                        "missing",
                    )
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
