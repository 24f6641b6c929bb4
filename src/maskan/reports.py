"""Reports: the year's numbers as tables, in Persian and English.

Three reports answer the questions a province's cooperative office is asked every year, and
each returns a [`Table`][maskan.reports.Table]:

* [`projects_opened`][maskan.reports.projects_opened]: housing projects opened (افتتاح) in
  a Jalali year, by province, county or cooperative: how many, their units, the people they
  cover, the money invested and who paid it (members or banks);
* [`membership_movements`][maskan.reports.membership_movements]: members admitted,
  withdrawn, replaced and expelled in a year, from the cooperatives' histories;
* [`screening`][maskan.reports.screening]: eligibility decisions counted by verdict, by
  reason code and by missing fact, most common first.

A table renders as aligned text (``print(table)`` is Persian, ``table.render("en")``
English), as HTML in a notebook, as a list of dicts, or as a pandas DataFrame.

>>> from maskan.calendar import jdate
>>> from maskan.models import Financing, HousingProject, Unit
>>> from maskan.models._coop_examples import example_cooperative
>>> from maskan.money import Rial
>>> coop = example_cooperative()  # 7 members since 1403/07/01, in Isfahan
>>> project = (
...     HousingProject(code="P-1", name="مجتمع بهار", cooperative_id=coop.legal_id,
...                    province="اصفهان", county="نجف‌آباد")
...     .add_units(*(Unit(number=str(n)) for n in range(1, 25)))
...     .add_financing(Financing(source="members", amount=Rial(870_000_000_000)),
...                    Financing(source="bank_facility", amount=Rial(130_000_000_000)))
...     .advance("under_construction", on="1403/08/01")
...     .record_progress(100, on="1404/08/20")
...     .advance("completed", on="1404/08/20")
...     .advance("opened", on="1404/09/04"))
>>> table = projects_opened([project], year=1404, by="county", cooperatives=[coop])
>>> row = table.to_dicts()[0]
>>> row["county_en"], row["projects"], row["units"], row["people"], row["members"]
('Najafabad', 1, 24, 24, 7)
>>> row["investment"], row["members_share"], row["banks_share"]
(Rial(1000000000000), Fraction(87, 100), Fraction(13, 100))
>>> table.render("en").splitlines()[3].split()
['Najafabad', '1', '24', '24', '7', '100', 'billion', 'tomans', '87%', '13%']
>>> format_value(row["investment"], "money"), format_value(row["members_share"], "percent")
('۱۰۰ میلیارد تومان', '۸۷٪')
"""

from __future__ import annotations

import datetime
import enum
import string
import textwrap
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs

from maskan.calendar import year_bounds
from maskan.eligibility.decision import Decision, Verdict
from maskan.eligibility.reasons import REASONS
from maskan.eligibility.rules import Finding, Outcome
from maskan.errors import ReportError, describe
from maskan.models.cooperative import Cooperative, EventKind
from maskan.models.project import FundingSource, HousingProject
from maskan.models.registry import Registry
from maskan.money import Rial
from maskan.persian.amounts import format_money
from maskan.persian.dates import format_date
from maskan.persian.numbers import format_number, format_percent

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]

__all__ = [
    "MISSING",
    "Column",
    "ColumnKind",
    "ReportError",
    "Table",
    "format_value",
    "membership_movements",
    "projects_opened",
    "screening",
]

Lang = Literal["fa", "en"]
Grouping = Literal["province", "county", "cooperative"]

MISSING = "—"
"""How a missing value (``None``) is shown in every language.

>>> format_value(None, "money", "en") == MISSING
True
"""

_GAP = "  "
_NOTE_WIDTH = 88
_LRM = "\u200e"
_RLM = "\u200f"


def _option(field: str, value: object, allowed: tuple[str, ...]) -> ReportError:
    listed = ", ".join(repr(option) for option in allowed)
    return ReportError(
        f"{field}: {describe(value)} is not one of {listed}",
        message_fa=f"{field}: مقدار {describe(value)} مجاز نیست؛ یکی از {'، '.join(allowed)}",
        code="option",
        field=field,
        value=value,
    )


def _language(lang: object) -> Lang:
    if lang == "fa" or lang == "en":
        return lang
    raise _option("lang", lang, ("fa", "en"))


# Columns and values ---------------------------------------------------------------------


class ColumnKind(enum.StrEnum):
    """What a column holds, which decides how its values are checked and shown.

    * ``text``: a ``str``, shown as it is;
    * ``count``: an ``int``; Persian digits and ``٬`` grouping in Persian;
    * ``money``: a [`Rial`][maskan.money.Rial]; compact toman («۲ میلیارد و ۵۰۰ میلیون
      تومان») in Persian, "2.5 billion tomans" in English;
    * ``percent``: a ratio (``Fraction``, ``Decimal``, ``int`` or ``float``; 1 is 100%);
    * ``date``: a ``datetime.date``, shown as a Jalali date (``۱۴۰۴/۰۹/۰۴``).

    >>> ColumnKind("money") is ColumnKind.MONEY, ColumnKind.COUNT == "count"
    (True, True)
    """

    TEXT = "text"
    COUNT = "count"
    MONEY = "money"
    PERCENT = "percent"
    DATE = "date"


_NUMERIC = frozenset({ColumnKind.COUNT, ColumnKind.MONEY, ColumnKind.PERCENT, ColumnKind.DATE})


def _kind(value: ColumnKind | str) -> ColumnKind:
    try:
        return ColumnKind(value)
    except ValueError:
        raise _option("kind", value, tuple(kind.value for kind in ColumnKind)) from None


def _column_lang(value: str | None) -> Lang | None:
    return None if value is None else _language(value)


@attrs.frozen(kw_only=True)
class Column:
    """One column of a [`Table`][maskan.reports.Table].

    Attributes:
        key: the key of the column's values in each row (and the DataFrame column name).
        label_en: the header in English.
        label_fa: the header in Persian.
        kind: what the values are (see [`ColumnKind`][maskan.reports.ColumnKind]).
        lang: ``"fa"`` or ``"en"`` for a column shown only in that language (a place name
            held in both languages is two columns); ``None`` (the default) for both.

    >>> column = Column(key="units", label_en="units", label_fa="واحد", kind="count")
    >>> column.label("fa"), column.kind, column.shown_in("en")
    ('واحد', <ColumnKind.COUNT: 'count'>, True)
    """

    key: str
    label_en: str
    label_fa: str
    kind: ColumnKind = attrs.field(default=ColumnKind.TEXT, converter=_kind)
    lang: Lang | None = attrs.field(default=None, converter=_column_lang)

    def label(self, lang: Lang) -> str:
        """The header in ``lang``.

        >>> Column(key="name", label_en="cooperative", label_fa="تعاونی").label("en")
        'cooperative'
        """
        return self.label_fa if _language(lang) == "fa" else self.label_en

    def shown_in(self, lang: Lang) -> bool:
        """Whether the column is shown in ``lang``: always, unless it belongs to the other
        language.

        >>> Column(key="name_fa", label_en="name", label_fa="نام", lang="fa").shown_in("en")
        False
        """
        return self.lang is None or self.lang == _language(lang)


_ROUNDING = ((10**10, 10**7), (10**7, 10**4))  # rials: billions of toman to the million, ...


def _rounded(amount: Rial) -> Rial:
    """The amount to its two leading groups of digits, as the press writes it: billions of
    toman to the million, millions to the thousand; smaller amounts exactly."""
    rials = abs(amount.rials)
    for threshold, step in _ROUNDING:
        if rials >= threshold:
            whole, rest = divmod(rials, step)
            rials = (whole + (2 * rest >= step)) * step
            break
    return Rial(-rials if amount.rials < 0 else rials)


def _money_en(amount: Rial) -> str:
    toman = amount.toman
    sign = "-" if toman < 0 else ""
    toman = abs(toman)
    for scale, word in ((10**9, "billion"), (10**6, "million")):
        if toman >= scale:
            value = toman / scale
            return f"{sign}{format_number(value, digits='latin')} {word} tomans"
    if toman == 1:
        return f"{sign}1 toman"
    return f"{sign}{format_number(toman, digits='latin')} tomans"


def format_value(value: object, kind: ColumnKind | str, lang: Lang = "fa") -> str:
    """Show one value of a column of ``kind`` in ``lang``, as tables and notebooks do.

    Persian uses Persian digits, ``٬`` grouping, Jalali dates and compact toman
    ([`format_money`][maskan.persian.format_money]); English uses Latin digits, the same
    Jalali dates and tomans with "billion" and "million" (as the Persian press, no
    "trillion"). Money is shown to its two leading groups of digits, as the press writes
    it: billions of toman to the million, millions to the thousand (half up); the value
    itself keeps every rial. ``None`` is [`MISSING`][maskan.reports.MISSING], a dash.

    >>> from fractions import Fraction
    >>> from maskan.calendar import jdate
    >>> amount = Rial(25_000_000_000)
    >>> format_value(amount, "money"), format_value(amount, "money", "en")
    ('۲ میلیارد و ۵۰۰ میلیون تومان', '2.5 billion tomans')
    >>> format_value(Rial(44_788_875_000_000), "money")
    '۴ هزار و ۴۷۸ میلیارد و ۸۸۸ میلیون تومان'
    >>> format_value(2600, "count"), format_value(2600, "count", "en")
    ('۲٬۶۰۰', '2,600')
    >>> format_value(Fraction(2, 3), "percent"), format_value(Fraction(87, 100), "percent", "en")
    ('۶۶٫۷٪', '87%')
    >>> format_value(jdate(1404, 9, 4), "date"), format_value(jdate(1404, 9, 4), "date", "en")
    ('۱۴۰۴/۰۹/۰۴', '1404/09/04')
    >>> format_value(None, "count")
    '—'
    """
    column_kind = _kind(kind)
    lang = _language(lang)
    if value is None:
        return MISSING
    _check_value(value, column_kind, "value")
    persian = lang == "fa"
    if column_kind is ColumnKind.TEXT:
        return str(value)
    if column_kind is ColumnKind.COUNT:
        assert isinstance(value, int)
        return format_number(value) if persian else format_number(value, digits="latin")
    if column_kind is ColumnKind.MONEY:
        assert isinstance(value, Rial)
        shown = _rounded(value)
        return format_money(shown, unit="toman", style="compact") if persian else _money_en(shown)
    if column_kind is ColumnKind.PERCENT:
        assert isinstance(value, Fraction | Decimal | int | float)
        return format_percent(value, decimals=1, digits="persian" if persian else "latin")
    assert isinstance(value, datetime.date)
    return format_date(value, style="short", digits="persian" if persian else "latin")


_ACCEPTED: dict[ColumnKind, tuple[tuple[type, ...], str]] = {
    ColumnKind.TEXT: ((str,), "text (str)"),
    ColumnKind.COUNT: ((int,), "an int"),
    ColumnKind.MONEY: ((Rial,), "a Rial"),
    ColumnKind.PERCENT: ((Fraction, Decimal, int, float), "a ratio (Fraction, Decimal, int)"),
    ColumnKind.DATE: ((datetime.date,), "a date"),
}


def _check_value(value: object, kind: ColumnKind, where: str) -> None:
    types, wanted = _ACCEPTED[kind]
    if isinstance(value, types) and not isinstance(value, bool):
        return
    raise ReportError(
        f"{where}: {describe(value)} is a {type(value).__name__}; a {kind.value} column holds"
        f" {wanted}",
        message_fa=f"{where}: {describe(value)} از نوع {type(value).__name__} است؛ ستون"
        f" «{kind.value}» {wanted} می‌خواهد",
        code="value_type",
        field=where,
        value=value,
    )


# Text layout ----------------------------------------------------------------------------


def _width(text: str) -> int:
    """Terminal cells: marks and format characters (ZWNJ, LRM) take none, wide ones two."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def _first_strong(text: str) -> str | None:
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction == "L":
            return "L"
        if direction in ("R", "AL"):
            return "R"
    return None


def _has_strong(text: str, direction: str) -> bool:
    wanted = ("L",) if direction == "L" else ("R", "AL")
    return any(unicodedata.bidirectional(char) in wanted for char in text)


def _layout(lines: list[list[str]], numeric: list[bool], lang: Lang) -> list[str]:
    """Align cells in columns, in logical order, for any display that applies the Unicode
    bidirectional algorithm.

    Persian lines read right to left (their first column on the right), so every cell is
    padded at its logical end, which puts numbers flush right, units under units; each
    line is padded to the full width and enclosed in RLMs (see :func:`_directed`). A cell
    holding letters of the other direction is closed by a mark (RLM in Persian, LRM in
    English) so that it cannot pull the next column into its run.
    """
    widths = [
        max((_width(line[index]) for line in lines), default=0) for index in range(len(numeric))
    ]
    mark, other = (_RLM, "L") if lang == "fa" else (_LRM, "R")
    shown = []
    for line in lines:
        cells = []
        for index, cell in enumerate(line):
            padding = " " * (widths[index] - _width(cell))
            closed = cell + mark if _has_strong(cell, other) else cell
            right = numeric[index] and lang == "en"
            cells.append(padding + closed if right else closed + padding)
        text = _GAP.join(cells)
        shown.append(_directed(text if lang == "fa" else text.rstrip(), lang))
    return shown


def _directed(text: str, lang: Lang) -> str:
    """A line that keeps its direction wherever it is shown.

    A Persian line is enclosed in RLMs: a display that takes a line's direction from its
    first letter lays it out right to left even when it starts with Latin letters or
    digits, and one that lays every line out left to right (an editor, a browser's
    ``<pre>``) keeps the whole line, up to its last cell, in one right-to-left run. An
    English line starts with an LRM only when its first letter is Persian.
    """
    if not text:
        return text
    if lang == "fa":
        return _RLM + text + _RLM
    return _LRM + text if _first_strong(text) == "R" else text


# The table ------------------------------------------------------------------------------


def _columns(value: Iterable[Column]) -> tuple[Column, ...]:
    columns = tuple(value)
    seen: set[str] = set()
    for position, column in enumerate(columns):
        if not isinstance(column, Column):
            raise ReportError(
                f"columns[{position}]: {describe(column)} is a {type(column).__name__}, not a"
                " Column",
                message_fa=f"columns[{position}]: {describe(column)} ستون (Column) نیست",
                code="type",
                field="columns",
                value=column,
            )
        if column.key in seen:
            raise ReportError(
                f"columns: {column.key!r} is named twice",
                message_fa=f"columns: ستون {column.key!r} دو بار آمده است",
                code="duplicate_column",
                field="columns",
                value=column.key,
            )
        seen.add(column.key)
    return columns


def _row(
    row: object, columns: tuple[Column, ...], where: str, *, partial: bool = False
) -> dict[str, object]:
    if not isinstance(row, Mapping):
        raise ReportError(
            f"{where}: {describe(row)} is a {type(row).__name__}, not a dict",
            message_fa=f"{where}: {describe(row)} دیکشنری (dict) نیست",
            code="type",
            field=where,
            value=row,
        )
    known = {column.key for column in columns}
    for key in row:
        if key not in known:
            raise ReportError(
                f"{where}: {describe(key)} is not a column; the columns are"
                f" {[column.key for column in columns]}",
                message_fa=f"{where}: {describe(key)} ستون جدول نیست",
                code="unknown_column",
                field=where,
                value=key,
            )
    checked: dict[str, object] = {}
    for column in columns:
        if partial and column.key not in row:
            continue
        value = row.get(column.key)
        if value is not None:
            _check_value(value, column.kind, f"{where}[{column.key!r}]")
        checked[column.key] = value
    return checked


def _rows_of(value: object, table: Table) -> tuple[dict[str, object], ...]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise ReportError(
            f"rows: {describe(value)} is a {type(value).__name__}, not a list of dicts",
            message_fa=f"rows: {describe(value)} فهرست ردیف‌ها نیست",
            code="type",
            field="rows",
            value=value,
        )
    return tuple(_row(row, table.columns, f"rows[{index}]") for index, row in enumerate(value))


def _totals_of(value: object, table: Table) -> dict[str, object] | None:
    return None if value is None else _row(value, table.columns, "totals", partial=True)


# The converters see the table with its columns already set (attrs sets fields in order);
# mypy's attrs plugin reads the stubs' signatures as the types the constructor accepts.
if TYPE_CHECKING:

    def _to_rows(value: Iterable[Mapping[str, object]], /) -> tuple[dict[str, object], ...]: ...
    def _to_totals(value: Mapping[str, object] | None, /) -> dict[str, object] | None: ...

else:
    _to_rows = attrs.Converter(_rows_of, takes_self=True)
    _to_totals = attrs.Converter(_totals_of, takes_self=True)


@attrs.frozen(kw_only=True)
class Table:
    """A report: a title, typed columns and rows, in Persian and English.

    Build one from rows of plain values; the constructor checks each value against its
    column's kind, fills missing keys with ``None`` and refuses keys that are not columns
    ([`ReportError`][maskan.errors.ReportError]). Rows keep the columns' order.

    Attributes:
        title_en: the title in English.
        title_fa: the title in Persian.
        columns: the [`Column`][maskan.reports.Column]s, in order.
        rows: one dict per row, from column key to value (``None`` when unknown).
        totals: the totals row, or ``None``; keys it lacks are blank. Not a row: a
            total is not always the sum of the rows (members are counted once).
        note_en: a note on what the numbers mean, in English, or ``None``.
        note_fa: the same note in Persian.

    >>> from maskan.money import Rial
    >>> table = Table(
    ...     title_en="Contributions", title_fa="آورده‌ها",
    ...     columns=[Column(key="name", label_en="member", label_fa="عضو"),
    ...              Column(key="paid", label_en="paid", label_fa="پرداختی", kind="money")],
    ...     rows=[{"name": "علی کریمی", "paid": Rial(5_500_000_000)}, {"name": "مریم احمدی"}])
    >>> table.render("fa").splitlines()[3]
    '\\u200fعلی کریمی   ۵۵۰ میلیون تومان\\u200f'
    >>> table.to_dicts()[1]
    {'name': 'مریم احمدی', 'paid': None}
    """

    title_en: str
    title_fa: str
    columns: tuple[Column, ...] = attrs.field(converter=_columns)
    rows: tuple[dict[str, object], ...] = attrs.field(default=(), converter=_to_rows)
    totals: dict[str, object] | None = attrs.field(default=None, converter=_to_totals)
    note_en: str | None = None
    note_fa: str | None = None

    def to_dicts(self) -> list[dict[str, object]]:
        """The rows as new dicts (changing them leaves the table as it was), every column
        of both languages, values as Python objects (``Rial``, ``Fraction``, ``date``).

        Send them through [`maskan.serde.to_json`][maskan.serde.to_json] for JSON.

        >>> table = Table(title_en="t", title_fa="ت", columns=[Column(key="n", label_en="n",
        ...               label_fa="ن", kind="count")], rows=[{"n": 1}, {"n": 2}])
        >>> table.to_dicts()
        [{'n': 1}, {'n': 2}]
        """
        return [dict(row) for row in self.rows]

    def to_pandas(self, lang: Lang | None = None) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (pandas is an optional extra:
        ``pip install "maskan[pandas]"``).

        Counts and money (in rials) are nullable ``Int64`` columns, exact; percentages are
        ``Float64`` ratios (0.87 for 87%); dates ``datetime64``. With ``lang=None`` every
        column is there, named by its key; with ``"fa"`` or ``"en"``, only the columns of
        that language, named by their headers. ``df.attrs`` holds the titles. The totals
        are not a row of the frame.

        Raises:
            ReportError: code ``missing_dependency`` when pandas is not installed.

        >>> table = Table(title_en="t", title_fa="ت", columns=[Column(key="n", label_en="n",
        ...               label_fa="ن", kind="count")], rows=[{"n": 1}, {"n": None}])
        >>> frame = table.to_pandas()  # doctest: +SKIP
        >>> frame["n"].tolist()  # doctest: +SKIP
        [1, <NA>]
        """
        try:
            import pandas  # type: ignore[import-untyped,import-not-found,unused-ignore]
        except ImportError:
            raise ReportError(
                "pandas: to_pandas() needs pandas, which is not installed; install it with"
                ' pip install "maskan[pandas]"',
                message_fa="pandas: برای to_pandas کتابخانهٔ pandas لازم است که نصب نیست؛ با"
                ' pip install "maskan[pandas]" نصبش کنید',
                code="missing_dependency",
                field="pandas",
            ) from None
        chosen = self.columns if lang is None else self._shown(_language(lang))
        data: dict[str, Any] = {}
        for column in chosen:
            values = [row[column.key] for row in self.rows]
            name = column.key if lang is None else column.label(lang)
            data[name] = _pandas_values(pandas, values, column.kind)
        frame = pandas.DataFrame(data, columns=list(data))
        frame.attrs["title_en"] = self.title_en
        frame.attrs["title_fa"] = self.title_fa
        return frame

    def render(self, lang: Lang = "fa") -> str:
        """The table as aligned plain text, in Persian (``"fa"``) or English (``"en"``).

        The title, a blank line, the headers, one line per row, the totals and the note.
        Values are shown by [`format_value`][maskan.reports.format_value]. The lines are
        in logical order, for any display that applies the Unicode bidirectional algorithm
        (terminals, editors, browsers):

        * Persian lines read from the right, their first column on the right. Every cell
          is padded at its end, so numbers are flush right, units under units, and each
          line is padded to the table's width and enclosed in invisible right-to-left marks
          (RLM, U+200F): a display that lays lines out left to right keeps each one in a
          single right-to-left run, and one that takes a line's direction from its text
          reads it right to left even when it starts with Latin letters or digits.
        * English lines are left to right; numbers are flush right.
        * A cell with letters of the other direction (a Persian name in English, a Latin
          name in Persian) is closed by a mark (LRM or RLM) so that it cannot pull the next
          column into its run; an English line that starts with Persian letters starts with
          an LRM.

        Columns line up where every character takes one cell, as in a terminal; a
        proportional font (a browser's fallback for Persian) cannot align them, which is
        what the HTML of [`maskan.display`][maskan.display] is for. ``str(table)`` is
        ``render("fa")``.

        >>> table = Table(title_en="Units", title_fa="واحدها",
        ...               columns=[Column(key="block", label_en="block", label_fa="بلوک"),
        ...                        Column(key="units", label_en="units", label_fa="واحد",
        ...                               kind="count")],
        ...               rows=[{"block": "A", "units": 1200}, {"block": "B", "units": 36}],
        ...               totals={"units": 1236})
        >>> print(table.render("en"))
        Units
        <BLANKLINE>
        block  units
        A      1,200
        B         36
        total  1,236
        >>> table.render("fa").splitlines()[2:4]
        ['\\u200fبلوک  واحد \\u200f', '\\u200fA\\u200f     ۱٬۲۰۰\\u200f']
        """
        lang = _language(lang)
        shown = self._shown(lang)
        lines = [[column.label(lang) for column in shown]]
        lines += [[format_value(row[c.key], c.kind, lang) for c in shown] for row in self.rows]
        if self.totals is not None:
            lines.append(self._totals_cells(shown, lang))
        numeric = [column.kind in _NUMERIC for column in shown]
        laid = _layout(lines, numeric, lang) if shown else ["" for _ in lines]
        title = self.title_fa if lang == "fa" else self.title_en
        out = [_directed(title, lang), "", laid[0]]
        body = laid[1 : 1 + len(self.rows)]
        out += body or [_EMPTY[lang]]
        out += laid[1 + len(self.rows) :]
        note = self.note_fa if lang == "fa" else self.note_en
        if note:
            out += ["", *(_directed(line, lang) for line in textwrap.wrap(note, _NOTE_WIDTH))]
        return "\n".join(out)

    def __str__(self) -> str:
        return self.render("fa")

    def _repr_html_(self) -> str:
        from maskan.display import html  # display imports this module

        return html(self)

    def _shown(self, lang: Lang) -> tuple[Column, ...]:
        return tuple(column for column in self.columns if column.shown_in(lang))

    def _totals_cells(self, shown: tuple[Column, ...], lang: Lang) -> list[str]:
        """The totals row as text: blank where the totals say nothing, «جمع» / "total" in
        the first column unless the totals fill it."""
        totals = self.totals or {}
        cells = [
            format_value(totals[column.key], column.kind, lang) if column.key in totals else ""
            for column in shown
        ]
        if shown and shown[0].key not in totals:
            cells[0] = _TOTAL[lang]
        return cells


_TOTAL: dict[Lang, str] = {"fa": "جمع", "en": "total"}
_EMPTY: dict[Lang, str] = {"fa": "(بدون داده)", "en": "(no data)"}


def _pandas_values(pandas: Any, values: list[object], kind: ColumnKind) -> Any:
    if kind in (ColumnKind.COUNT, ColumnKind.MONEY):
        numbers = [value.rials if isinstance(value, Rial) else value for value in values]
        return pandas.array(numbers, dtype="Int64")
    if kind is ColumnKind.PERCENT:
        ratios = [None if value is None else float(cast(float, value)) for value in values]
        return pandas.array(ratios, dtype="Float64")
    if kind is ColumnKind.DATE:
        return pandas.to_datetime(pandas.Series(values, dtype=object))
    return pandas.Series(values, dtype=object)


# Inputs ---------------------------------------------------------------------------------


def _items(value: object, kind: type, field: str) -> Iterator[Any]:
    if isinstance(value, str | bytes | Mapping) or not isinstance(value, Iterable):
        raise ReportError(
            f"{field}: {describe(value)} is a {type(value).__name__}, not a list of"
            f" {kind.__name__}",
            message_fa=f"{field}: {describe(value)} فهرستی از {kind.__name__} نیست",
            code="type",
            field=field,
            value=value,
        )
    for position, item in enumerate(value):
        if not isinstance(item, kind):
            raise ReportError(
                f"{field}[{position}]: {describe(item)} is a {type(item).__name__}, not a"
                f" {kind.__name__}",
                message_fa=f"{field}[{position}]: {describe(item)} از نوع {kind.__name__} نیست",
                code="type",
                field=field,
                value=item,
            )
        yield item


def _cooperatives(value: Iterable[Cooperative] | Registry) -> list[Cooperative]:
    listed = value.cooperatives if isinstance(value, Registry) else value
    found: list[Cooperative] = []
    seen: set[str] = set()
    for cooperative in _items(listed, Cooperative, "cooperatives"):
        if cooperative.legal_id in seen:
            raise ReportError(
                f"cooperatives: {cooperative.legal_id} is given twice",
                message_fa=f"cooperatives: تعاونی {cooperative.legal_id} دو بار آمده است",
                code="duplicate_cooperative",
                field="cooperatives",
                value=cooperative.legal_id,
            )
        seen.add(cooperative.legal_id)
        found.append(cooperative)
    return found


def _grouping(by: object) -> Grouping:
    if by == "province" or by == "county" or by == "cooperative":
        return by
    raise _option("by", by, ("province", "county", "cooperative"))


def _year_text(year: int, lang: Lang) -> str:
    return format_number(year, grouping=False, digits="persian" if lang == "fa" else "latin")


# Membership replayed from a cooperative's history ---------------------------------------


def _replayable(cooperative: Cooperative) -> bool:
    history = cooperative.history
    return bool(history) and history[0].kind is EventKind.FOUNDED


def _members_on(cooperative: Cooperative, day: datetime.date) -> frozenset[str]:
    """The national IDs of the members active at the end of ``day``.

    Replayed from the history when it starts at the founding, so that a member who left and
    came back is counted for the time of the first membership too; read from the
    membership records otherwise.
    """
    if not _replayable(cooperative):
        return frozenset(record.national_id for record in cooperative.members(on=day))
    active: set[str] = set()
    for event in cooperative.history:
        if event.on > day:
            break
        _apply(active, event.kind, event.national_ids)
    return frozenset(active)


def _apply(active: set[str], kind: EventKind, people: tuple[str, ...]) -> None:
    if kind in (EventKind.FOUNDED, EventKind.ADMITTED):
        active.update(people)
    elif kind in (EventKind.WITHDRAWN, EventKind.EXPELLED):
        active.difference_update(people)
    elif kind is EventKind.REPLACED:
        active.discard(people[0])
        active.add(people[1])


# projects_opened ------------------------------------------------------------------------


@attrs.define
class _Opened:
    labels: dict[str, object]
    order: str
    projects: int = 0
    units: int = 0
    members: set[str] = attrs.Factory(set)
    by_source: dict[FundingSource, int] = attrs.Factory(lambda: dict.fromkeys(FundingSource, 0))

    def add(self, project: HousingProject, members: frozenset[str] | None) -> None:
        self.projects += 1
        self.units += len(project.units)
        if members is not None:
            self.members |= members
        for source, amount in project.financing_by_source().items():
            self.by_source[source] += amount.rials

    def figures(self, counted: bool) -> dict[str, object]:
        total = sum(self.by_source.values())
        return {
            "projects": self.projects,
            "units": self.units,
            "people": self.units,
            "members": len(self.members) if counted else None,
            "investment": Rial(total),
            "members_share": _share(self.by_source[FundingSource.MEMBERS], total),
            "banks_share": _share(self.by_source[FundingSource.BANK_FACILITY], total),
        }


def _share(part: int, whole: int) -> Fraction | None:
    return None if whole == 0 else Fraction(part, whole)


_GROUP_COLUMNS: dict[Grouping, tuple[Column, ...]] = {
    "province": (
        Column(key="province_fa", label_en="province", label_fa="استان", lang="fa"),
        Column(key="province_en", label_en="Province", label_fa="استان", lang="en"),
    ),
    "county": (
        Column(key="county_fa", label_en="county", label_fa="شهرستان", lang="fa"),
        Column(key="county_en", label_en="County", label_fa="شهرستان", lang="en"),
    ),
    "cooperative": (
        Column(key="name", label_en="Cooperative", label_fa="تعاونی"),
        Column(key="cooperative", label_en="legal ID", label_fa="شناسهٔ ملی"),
    ),
}
_GROUP_WORDS: dict[Grouping, tuple[str, str]] = {
    "province": ("province", "استان"),
    "county": ("county", "شهرستان"),
    "cooperative": ("cooperative", "تعاونی"),
}
_OPENED_COLUMNS = (
    Column(key="projects", label_en="projects", label_fa="پروژه", kind="count"),
    Column(key="units", label_en="units", label_fa="واحد", kind="count"),
    Column(key="people", label_en="people covered", label_fa="نفر تحت پوشش", kind="count"),
    Column(key="members", label_en="coop members", label_fa="اعضای تعاونی", kind="count"),
    Column(key="investment", label_en="investment", label_fa="سرمایه‌گذاری", kind="money"),
    Column(
        key="members_share", label_en="members' share", label_fa="سهم آوردهٔ اعضا", kind="percent"
    ),
    Column(
        key="banks_share", label_en="banks' share", label_fa="سهم تسهیلات بانکی", kind="percent"
    ),
)
_PEOPLE_NOTE = (
    "People covered: one member's household per residential unit. Coop members: the active"
    " members of the projects' cooperatives on the opening days, each counted once per row.",
    "نفر تحت پوشش: برای هر واحد مسکونی خانوار یک عضو. اعضای تعاونی: اعضای فعال تعاونی‌های صاحب"
    " پروژه در روز افتتاح، هر نفر یک بار در هر ردیف.",
)
_NO_PEOPLE_NOTE = (
    "People covered: one member's household per residential unit. Coop members: unknown"
    " without the cooperatives (cooperatives=...).",
    "نفر تحت پوشش: برای هر واحد مسکونی خانوار یک عضو. اعضای تعاونی: بدون فهرست تعاونی‌ها"
    " (cooperatives=...) معلوم نیست.",
)
_MONEY_NOTE = (
    " Investment: all financing recorded for the projects; the shares are of that total.",
    " سرمایه‌گذاری: همهٔ منابع مالی ثبت‌شده برای پروژه‌ها؛ سهم‌ها از این جمع است.",
)


def _group_of(
    project: HousingProject, by: Grouping, owner: Cooperative | None
) -> tuple[tuple[str, str], dict[str, object]]:
    """The group's key, its sort label and its label columns."""
    if by == "province":
        province = project.province
        return (province.iso_code, province.iso_code), {
            "province_fa": province.name_fa,
            "province_en": province.name_en,
        }
    if by == "county":
        county = project.county
        if county is None:
            return ("", "\uffff"), {"county_fa": None, "county_en": None}
        key = f"{county.province.iso_code}/{county.name_en}"
        return (key, key), {"county_fa": county.name_fa, "county_en": county.name_en}
    legal_id = project.cooperative_id
    name = None if owner is None else owner.name
    return (legal_id, legal_id), {"name": name, "cooperative": legal_id}


def projects_opened(
    projects: Iterable[HousingProject],
    *,
    year: int,
    by: Grouping = "province",
    cooperatives: Iterable[Cooperative] | Registry | None = None,
) -> Table:
    """Housing projects opened (افتتاح) in a Jalali year, by province, county or cooperative.

    A project counts when its ``opened_on`` falls in ``year``, from 1 Farvardin to the last
    day of Esfand (29 or 30); a project handed over without an opening is not counted (see
    [`HousingProject`][maskan.models.project.HousingProject]). For each group:

    * ``projects``: the number of projects opened;
    * ``units``: their residential units;
    * ``people``, *people covered*: one person per unit, the member whose household the
      unit is built for, so the same number as ``units``. No source defines the Isfahan
      report's "people covered" (DOMAIN.md §3 [U]); counting units is the one reading the
      records settle, and the one `maskan.samples` uses;
    * ``members``: the distinct people who were active members of a project's cooperative
      on its opening day (replayed from the cooperative's history), each counted once in
      a row even when their cooperative opened two projects; the people the projects
      serve, allocated a unit or still waiting. It needs ``cooperatives`` (a list or a
      [`Registry`][maskan.models.registry.Registry]); without them it is ``None``;
    * ``investment``: all the financing recorded for those projects, whatever its date;
    * ``members_share``, ``banks_share``: the members' contributions and the bank
      facilities as fractions of that investment (exact ``Fraction``; other sources make
      up the rest); ``None`` without financing.

    Rows come most projects first, then most units, then by province code, county or legal
    ID; ``by="county"`` puts projects without a county in a row with no county name. The
    totals count each member once across all rows, so they may be less than the sum of
    the rows.

    Raises:
        ReportError: codes ``option`` (``by``), ``type``, ``unknown_cooperative`` (a
            project's cooperative is not in ``cooperatives``), ``duplicate_cooperative``.
        InvalidDate: ``year`` is not a Jalali year maskan knows.

    >>> from maskan.models._coop_examples import example_cooperative
    >>> table = projects_opened([], year=1404, cooperatives=[example_cooperative()])
    >>> table.rows, table.totals["projects"], table.totals["investment"]
    ((), 0, Rial(0))
    """
    grouping = _grouping(by)
    first, last = year_bounds(year)
    owners = None if cooperatives is None else {c.legal_id: c for c in _cooperatives(cooperatives)}
    groups: dict[str, _Opened] = {}
    everyone = _Opened(labels={}, order="")
    for project in _items(projects, HousingProject, "projects"):
        opened = project.opened_on
        if opened is None or not first <= opened <= last:
            continue
        owner = None
        if owners is not None:
            owner = owners.get(project.cooperative_id)
            if owner is None:
                raise ReportError(
                    f"cooperatives: project {project.code!r} belongs to cooperative"
                    f" {project.cooperative_id}, which is not among the cooperatives given",
                    message_fa=f"cooperatives: پروژهٔ {project.code!r} از آنِ تعاونی"
                    f" {project.cooperative_id} است که در فهرست تعاونی‌ها نیست",
                    code="unknown_cooperative",
                    field="cooperatives",
                    value=project.cooperative_id,
                )
        (key, order), labels = _group_of(project, grouping, owner)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Opened(labels=labels, order=order)
        members = None if owner is None else _members_on(owner, opened)
        group.add(project, members)
        everyone.add(project, members)
    counted = owners is not None
    ordered = sorted(groups.values(), key=lambda g: (-g.projects, -g.units, g.order))
    word_en, word_fa = _GROUP_WORDS[grouping]
    people_note = _PEOPLE_NOTE if counted else _NO_PEOPLE_NOTE
    return Table(
        title_en=f"Housing projects opened in {_year_text(year, 'en')}, by {word_en}",
        title_fa=f"پروژه‌های مسکن افتتاح‌شده در سال {_year_text(year, 'fa')} به تفکیک {word_fa}",
        columns=_GROUP_COLUMNS[grouping] + _OPENED_COLUMNS,
        rows=tuple({**group.labels, **group.figures(counted)} for group in ordered),
        totals=everyone.figures(counted),
        note_en=people_note[0] + _MONEY_NOTE[0],
        note_fa=people_note[1] + _MONEY_NOTE[1],
    )


# membership_movements -------------------------------------------------------------------


@attrs.define
class _Moves:
    labels: dict[str, object]
    start: int = 0
    founders: int = 0
    admitted: int = 0
    withdrawn: int = 0
    replaced: int = 0
    expelled: int = 0
    end: int = 0

    def add(self, other: _Moves) -> None:
        for name in ("start", "founders", "admitted", "withdrawn", "replaced", "expelled", "end"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def figures(self) -> dict[str, object]:
        return {
            "members_start": self.start,
            "founders": self.founders,
            "admitted": self.admitted,
            "withdrawn": self.withdrawn,
            "replaced": self.replaced,
            "expelled": self.expelled,
            "members_end": self.end,
        }


_COUNTED_EVENTS = {
    EventKind.FOUNDED: "founders",
    EventKind.ADMITTED: "admitted",
    EventKind.WITHDRAWN: "withdrawn",
    EventKind.REPLACED: "replaced",
    EventKind.EXPELLED: "expelled",
}


def _moves(cooperative: Cooperative, first: datetime.date, last: datetime.date) -> _Moves:
    moves = _Moves(labels={})
    for event in cooperative.history:
        if event.on > last:
            break
        counter = _COUNTED_EVENTS.get(event.kind)
        if event.on < first or counter is None:
            continue
        step = len(event.national_ids) if event.kind is EventKind.FOUNDED else 1
        setattr(moves, counter, getattr(moves, counter) + step)
    eve = first - datetime.timedelta(days=1)
    if _replayable(cooperative):
        moves.start = len(_members_on(cooperative, eve))
        moves.end = len(_members_on(cooperative, last))
    else:
        moves.start = len(cooperative.members(on=eve))
        moves.end = len(cooperative.members(on=last))
    return moves


_MOVE_COLUMNS = (
    Column(
        key="members_start", label_en="members at start", label_fa="اعضای آغاز سال", kind="count"
    ),
    Column(key="founders", label_en="founders", label_fa="مؤسس", kind="count"),
    Column(key="admitted", label_en="admitted", label_fa="پذیرش", kind="count"),
    Column(key="withdrawn", label_en="withdrawn", label_fa="انصراف", kind="count"),
    Column(key="replaced", label_en="replaced", label_fa="جایگزینی", kind="count"),
    Column(key="expelled", label_en="expelled", label_fa="اخراج", kind="count"),
    Column(key="members_end", label_en="members at end", label_fa="اعضای پایان سال", kind="count"),
)


def _cooperative_group(cooperative: Cooperative, by: Grouping) -> tuple[str, dict[str, object]]:
    if by == "province":
        province = cooperative.province
        return province.iso_code, {"province_fa": province.name_fa, "province_en": province.name_en}
    if by == "county":
        county = cooperative.county
        if county is None:
            return "", {"county_fa": None, "county_en": None}
        return f"{county.province.iso_code}/{county.name_en}", {
            "county_fa": county.name_fa,
            "county_en": county.name_en,
        }
    return cooperative.legal_id, {"name": cooperative.name, "cooperative": cooperative.legal_id}


def membership_movements(
    cooperatives: Iterable[Cooperative] | Registry,
    *,
    year: int,
    by: Grouping = "cooperative",
) -> Table:
    """Members in and out in a Jalali year, read from each cooperative's history.

    For each cooperative (or each province or county, adding up its cooperatives):

    * ``members_start``: active members at the start of 1 Farvardin, before that day's
      events;
    * ``founders``: the founders, when the cooperative was founded in the year;
    * ``admitted``, ``withdrawn``, ``replaced``, ``expelled``: the events of the year,
      one per member (a replacement is one event: a member out, a successor in);
    * ``members_end``: active members at the end of the last day of Esfand.

    So ``members_end = members_start + founders + admitted - withdrawn - expelled``. A
    member who left and came back is counted at each event. Cooperatives founded after
    the year are left out; the others keep the order given. When a history does not start
    with the founding (a cooperative built from partial records), the members at the start
    and the end come from its membership records instead.

    Raises:
        ReportError: codes ``option`` (``by``), ``type``, ``duplicate_cooperative``.
        InvalidDate: ``year`` is not a Jalali year maskan knows.

    >>> from maskan.models._coop_examples import example_cooperative, example_person
    >>> coop = example_cooperative().admit(example_person("1122334451"), on="1404/01/20",
    ...                                    shares=10)
    >>> coop = coop.withdraw("0499370899", on="1404/11/30")
    >>> row = membership_movements([coop], year=1404).to_dicts()[0]
    >>> row["members_start"], row["admitted"], row["withdrawn"], row["members_end"]
    (7, 1, 1, 7)
    """
    grouping = _grouping(by)
    first, last = year_bounds(year)
    groups: dict[str, _Moves] = {}
    everyone = _Moves(labels={})
    for cooperative in _cooperatives(cooperatives):
        if cooperative.founded_on > last:
            continue
        key, labels = _cooperative_group(cooperative, grouping)
        moves = _moves(cooperative, first, last)
        group = groups.get(key)
        if group is None:
            group = groups[key] = _Moves(labels=labels)
        group.add(moves)
        everyone.add(moves)
    word_en, word_fa = _GROUP_WORDS[grouping]
    return Table(
        title_en=f"Membership movements in {_year_text(year, 'en')}, by {word_en}",
        title_fa=f"جابه‌جایی اعضا در سال {_year_text(year, 'fa')} به تفکیک {word_fa}",
        columns=_GROUP_COLUMNS[grouping] + _MOVE_COLUMNS,
        rows=tuple({**group.labels, **group.figures()} for group in groups.values()),
        totals=everyone.figures(),
        note_en="Members at start: active before the first day's events; at end: after the"
        " last day's.",
        note_fa="اعضای آغاز سال: فعال پیش از رویدادهای روز نخست؛ پایان سال: پس از رویدادهای"
        " روز آخر.",
    )


# screening ------------------------------------------------------------------------------

_SCREENING_COLUMNS = (
    Column(key="kind_fa", label_en="kind", label_fa="نوع", lang="fa"),
    Column(key="kind_en", label_en="kind", label_fa="نوع", lang="en"),
    Column(key="label_fa", label_en="description", label_fa="شرح", lang="fa"),
    Column(key="label_en", label_en="description", label_fa="شرح", lang="en"),
    Column(key="code", label_en="code", label_fa="کد", lang="en"),
    Column(key="count", label_en="decisions", label_fa="تعداد", kind="count"),
    Column(key="share", label_en="share", label_fa="درصد", kind="percent"),
)
_KINDS = {
    "verdict": ("نتیجه", "verdict"),
    "reason": ("دلیل رد", "reason"),
    "fact": ("اطلاعات ناقص", "missing fact"),
}


def _failed_leaves(finding: Finding) -> Iterator[Finding]:
    # as Decision.failed_codes: a passed any_of's failed alternatives are not failures
    if finding.outcome is not Outcome.FAILED:
        return
    if not finding.branches:
        yield finding
        return
    for branch in finding.branches:
        yield from _failed_leaves(branch)


def _unknown_leaves(finding: Finding) -> Iterator[Finding]:
    # as Decision.unknown_facts: what a passed rule did not need is not missing
    if finding.outcome is Outcome.PASSED:
        return
    if not finding.branches:
        if finding.outcome is Outcome.UNKNOWN:
            yield finding
        return
    for branch in finding.branches:
        yield from _unknown_leaves(branch)


def _blanked(template: str) -> str:
    """A reason's message with every value left out: «ساکن … است، نه … که شهر محل تقاضاست»."""
    parts = []
    for text, field, _, _ in string.Formatter().parse(template):
        parts.append(text)
        if field is not None:
            parts.append("…")
    return "".join(parts)


def _reason_labels(leaf: Finding) -> tuple[str, str]:
    reason = REASONS.get(leaf.reason)
    if reason is None:
        return leaf.title_fa, leaf.title_en
    return _blanked(reason.fa), _blanked(reason.en)


def screening(decisions: Iterable[Decision]) -> Table:
    """Eligibility decisions counted by verdict, by reason code and by missing fact.

    One row per verdict (eligible, ineligible, undetermined: all three, even at zero),
    then one per reason code of a failed condition, then one per fact an undetermined
    condition lacked; within each kind, most common first (ties by code). ``count`` is the
    number of decisions (a decision counts once per reason it gives, however many times it
    gives it), ``share`` that number over all the decisions. A reason's description is its
    message with the values left out («ساکن … است، نه … که شهر محل تقاضاست»). The code
    column is shown in English only: a Persian reader has the description, and Latin codes
    would break the right-to-left lines of the text. The title names the program when every decision
    comes from one.

    Raises:
        ReportError: code ``type`` (something that is not a
            [`Decision`][maskan.eligibility.decision.Decision]).

    >>> from maskan.calendar import jdate
    >>> from maskan.eligibility import programs
    >>> from maskan.models.person import Person
    >>> family_land = programs.get("family_land")
    >>> people = [Person(national_id="0499370899", first_name="زهرا", last_name="رضایی",
    ...                  children_birth_dates=["1394/03/01", "1397/06/10", "1401/02/15"]),
    ...           Person(national_id="0084575948", first_name="علی", last_name="کریمی")]
    >>> table = screening(family_land.evaluate_many(people, on=jdate(1404, 9, 4)))
    >>> [(row["code"], row["count"]) for row in table.to_dicts()]
    [('eligible', 1), ('undetermined', 1), ('ineligible', 0), ("children's birth dates", 1)]
    """
    verdicts = dict.fromkeys(Verdict, 0)
    reasons: dict[str, int] = {}
    reason_titles: dict[str, tuple[str, str]] = {}
    facts: dict[str, int] = {}
    fact_names: dict[str, str] = {}
    programs: set[tuple[str, str, str]] = set()
    total = 0
    for decision in _items(decisions, Decision, "decisions"):
        total += 1
        verdicts[decision.verdict] += 1
        programs.add((decision.program, decision.title_en, decision.title_fa))
        given: set[str] = set()
        missing: set[str] = set()
        for finding in decision.findings:
            for leaf in _failed_leaves(finding):
                given.add(leaf.reason)
                if leaf.reason not in reason_titles:
                    reason_titles[leaf.reason] = _reason_labels(leaf)
            for leaf in _unknown_leaves(finding):
                if leaf.fact:
                    missing.add(leaf.fact)
                    fact_names.setdefault(leaf.fact, leaf.fact_fa or leaf.fact)
        for code in given:
            reasons[code] = reasons.get(code, 0) + 1
        for fact in missing:
            facts[fact] = facts.get(fact, 0) + 1

    def row(kind: str, code: str, label_fa: str, label_en: str, count: int) -> dict[str, object]:
        kind_fa, kind_en = _KINDS[kind]
        return {
            "kind_fa": kind_fa,
            "kind_en": kind_en,
            "label_fa": label_fa,
            "label_en": label_en,
            "code": code,
            "count": count,
            "share": _share(count, total),
        }

    order = list(Verdict)
    rows = [
        row("verdict", verdict.value, verdict.label_fa, verdict.label_en, count)
        for verdict, count in sorted(verdicts.items(), key=lambda i: (-i[1], order.index(i[0])))
    ]
    rows += [
        row("reason", code, *reason_titles[code], count)
        for code, count in sorted(reasons.items(), key=lambda item: (-item[1], item[0]))
    ]
    rows += [
        row("fact", fact, fact_names[fact], fact, count)
        for fact, count in sorted(facts.items(), key=lambda item: (-item[1], item[0]))
    ]
    title_en, title_fa = "Eligibility screening", "نتیجهٔ بررسی شرایط"
    if len(programs) == 1:
        ((_, program_en, program_fa),) = programs
        title_en, title_fa = f"{title_en}: {program_en}", f"{title_fa}: {program_fa}"
    return Table(
        title_en=title_en,
        title_fa=title_fa,
        columns=_SCREENING_COLUMNS,
        rows=tuple(rows),
        totals={"count": total},
        note_en="Share: of all the decisions. A decision counts once for each reason it"
        " gives and each fact it lacks.",
        note_fa="درصد: از همهٔ تصمیم‌ها. هر تصمیم برای هر دلیل و هر اطلاعات ناقصش یک بار شمرده"
        " می‌شود.",
    )
