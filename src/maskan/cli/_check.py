"""``maskan check ROSTER --program NAME``: screen a roster row by row, streamed.

Each row gives one output record: the person's decision, or — for a bad row — its line
number and the reason, which is also printed on stderr and counted. Nothing is held but the
current row, so a million rows take the memory of one. The exit code is 0 when every row
was read, 1 when any row was bad.

>>> import os, tempfile
>>> from maskan.cli import main
>>> folder = tempfile.mkdtemp()
>>> roster = os.path.join(folder, "roster.csv")
>>> with open(roster, "w", encoding="utf-8") as file:
...     _ = file.write("national_id,first_name,last_name,children_birth_dates\\n"
...                    "0499370899,زهرا,رضایی,1394/03/01;1397/06/10;1401/02/15\\n")
>>> main(["check", roster, "--program", "family_land", "--on", "1404/09/04",
...       "--format", "csv", "--lang", "en"])
line,national_id,name,verdict,eligible_from,failed,unknown,error_code,error
2,0499370899,زهرا رضایی,eligible,2025-11-25,,,,
0
"""

from __future__ import annotations

import argparse
import csv
import datetime
import itertools
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from typing import IO, Any, Protocol

from maskan.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    Lang,
    UsageError,
    digits,
    fit,
    message,
    number,
    say,
)
from maskan.cli._programs import get_program, parse_pairs, parse_values
from maskan.cli.roster import RosterReader, RosterRow, read_roster
from maskan.errors import MaskanError, RuleError

__all__ = ["register", "screen"]

_SHOWN_ERRORS = 100
"""Bad rows printed on stderr one by one; the rest are counted (and in the output)."""
_PROGRESS_BYTES = 1 << 20
"""Files from this size show progress on a terminal."""
_PROGRESS_SECONDS = 1.0
"""How often progress is shown."""
_PROGRESS_EVERY = 1024
"""How many rows between looks at the clock."""

FIELDS = (
    "line",
    "national_id",
    "name",
    "verdict",
    "eligible_from",
    "failed",
    "unknown",
    "error_code",
    "error",
)
"""The columns of ``--format csv`` and the keys of ``--format json``."""


def register(
    commands: argparse._SubParsersAction[Any],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``check`` to the ``maskan`` parser."""
    parser = commands.add_parser(
        "check",
        help="screen a roster (CSV, JSON Lines or a JSON array) with a program",
        description="Screen every person of a roster with a built-in program, streamed row "
        "by row. A bad row is reported on stderr with its line number and the reason, "
        "counted, and kept in the output. Exit code 0: every row read; 1: some rows bad; "
        "2: usage error.",
    )
    parser.add_argument(
        "roster", metavar="ROSTER", help="a .csv, .json, .jsonl or .ndjson file; '-' reads stdin"
    )
    parser.add_argument(
        "--program", required=True, metavar="NAME", help="a program code (see: maskan programs)"
    )
    parser.add_argument(
        "--on",
        metavar="DATE",
        help="the evaluation date, Jalali or Gregorian (default: today in Iran)",
    )
    parser.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="table (default), json (JSON Lines: one object per row) or csv",
    )
    parser.add_argument(
        "--output", "-o", metavar="FILE", help="write the results to FILE instead of stdout"
    )
    parser.add_argument(
        "--value",
        action="extend",
        nargs="+",
        metavar="NAME=VALUE",
        help="a value the program needs (see: maskan programs NAME)",
    )
    parser.add_argument(
        "--context",
        action="extend",
        nargs="+",
        metavar="NAME=VALUE",
        help="context for every row, e.g. city=اصفهان (a row's applied_city overrides it)",
    )
    parser.add_argument(
        "--input-format",
        choices=("csv", "json"),
        help="the roster's format, when its name does not say it",
    )
    parser.add_argument(
        "--dates",
        choices=("iso", "jalali"),
        default="iso",
        help="dates in json and csv output: iso (default) or jalali",
    )
    parser.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show progress on stderr (default: for files over 1 MB, on a terminal)",
    )
    parser.add_argument(
        "--bom",
        action="store_true",
        help="start csv output with a UTF-8 byte-order mark, for Excel",
    )
    lang_option(parser)
    parser.set_defaults(handler=_check)


# --- records ----------------------------------------------------------------------------


def _unknown_facts(findings: tuple[Any, ...], lang: Lang) -> list[str]:
    from maskan.eligibility.rules import Outcome

    facts: dict[str, None] = {}

    def walk(finding: Any) -> None:
        if finding.outcome is Outcome.PASSED:
            return
        if finding.branches:
            for branch in finding.branches:
                walk(branch)
        elif finding.outcome is Outcome.UNKNOWN:
            fact = (finding.fact_fa or finding.fact) if lang == "fa" else finding.fact
            if fact:
                facts[fact] = None

    for finding in findings:
        walk(finding)
    return list(facts)


def _date_text(day: datetime.date | None, dates: str) -> str:
    if day is None:
        return ""
    if dates == "jalali":
        from maskan.calendar import jalali_ymd

        year, month, date_of_month = jalali_ymd(day)
        return f"{year:04d}-{month:02d}-{date_of_month:02d}"
    return day.isoformat()


def _record(
    row: RosterRow, decision: Any, error: MaskanError | None, lang: Lang, dates: str
) -> dict[str, Any]:
    if error is not None:
        return {
            "line": row.line,
            "national_id": row.national_id,
            "name": "",
            "verdict": "error",
            "eligible_from": "",
            "failed": [],
            "unknown": [],
            "error_code": error.code,
            # a document's problem at its root ("$: national_id: …") needs no path
            "error": message(error, lang).removeprefix("$: "),
        }
    person = row.person
    assert person is not None
    return {
        "line": row.line,
        "national_id": person.national_id,
        "name": person.full_name,
        "verdict": decision.verdict.value,
        "eligible_from": _date_text(decision.eligible_from, dates),
        "failed": list(decision.failed_codes),
        "unknown": _unknown_facts(decision.findings, lang),
        "error_code": "",
        "error": "",
        "_on": decision.on,
        "_from": decision.eligible_from,
    }


# --- writers ----------------------------------------------------------------------------


class _Writer(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


class _JsonWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        shown = {key: value for key, value in record.items() if not key.startswith("_")}
        if shown["verdict"] == "error":
            for key in ("name", "eligible_from", "failed", "unknown"):
                del shown[key]
        else:
            del shown["error_code"], shown["error"]
            shown["eligible_from"] = shown["eligible_from"] or None
        self.stream.write(json.dumps(shown, ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class _CsvWriter:
    def __init__(self, stream: IO[str]) -> None:
        self.writer = csv.writer(stream, lineterminator="\n")
        self.started = False

    def _start(self) -> None:
        if not self.started:  # written with the first row, so a fatal error leaves no output
            self.writer.writerow(FIELDS)
            self.started = True

    def write(self, record: dict[str, Any]) -> None:
        self._start()
        self.writer.writerow(
            [
                "; ".join(value) if isinstance(value, list) else value
                for value in (record[key] for key in FIELDS)
            ]
        )

    def close(self) -> None:
        self._start()


_VERDICTS: dict[str, tuple[str, str]] = {
    "eligible": ("eligible", "واجد شرایط"),
    "ineligible": ("not eligible", "فاقد شرایط"),
    "undetermined": ("undetermined", "نامعلوم"),
    "error": ("BAD ROW", "ردیف نادرست"),
}
_WIDTHS = (7, 10, 22, 12, 10)


class _TableWriter:
    def __init__(self, stream: IO[str], lang: Lang, program: str) -> None:
        self.stream = stream
        self.lang = lang
        self.prefix = program + "."
        self.comma = say(lang, ", ", "، ")
        self.started = False

    def _start(self) -> None:
        if self.started:  # written with the first row, so a fatal error leaves no output
            return
        self.started = True
        lang = self.lang
        headers = (
            say(lang, "line", "سطر"),
            say(lang, "ID", "کد ملی"),
            say(lang, "name", "نام"),
            say(lang, "verdict", "نتیجه"),
            say(lang, "from", "از تاریخ"),
        )
        self._line(headers, say(lang, "reasons", "دلیل‌ها"))

    def _line(self, cells: tuple[str, ...], rest: str) -> None:
        text = " ".join(fit(cell, size) for cell, size in zip(cells, _WIDTHS, strict=True))
        self.stream.write(f"{text} {rest}".rstrip() + "\n")

    def write(self, record: dict[str, Any]) -> None:
        self._start()
        lang = self.lang
        verdict = record["verdict"]
        label = _VERDICTS[verdict][1 if lang == "fa" else 0]
        since = ""
        later = record.get("_from")
        if later is not None and later != record.get("_on"):
            from maskan.persian.dates import format_date

            since = format_date(later, style="short", digits="persian" if lang == "fa" else "latin")
        if verdict == "error":
            rest = f"{record['error_code']}: {record['error']}"
        elif record["failed"]:
            rest = self.comma.join(code.removeprefix(self.prefix) for code in record["failed"])
        elif record["unknown"]:
            rest = "? " + self.comma.join(record["unknown"])
        else:
            rest = ""
        cells = (
            digits(record["line"], lang),
            record["national_id"],
            record["name"],
            label,
            since,
        )
        self._line(cells, rest)

    def close(self) -> None:
        self._start()


# --- progress ---------------------------------------------------------------------------


class _Progress:
    def __init__(self, reader: RosterReader, total: int | None, lang: Lang, live: bool) -> None:
        self.reader = reader
        self.total = total
        self.lang = lang
        self.live = live  # on a terminal: rewrite one line; elsewhere, a line each time
        self.started = time.monotonic()
        self.last = self.started
        self.shown = False

    def tick(self) -> None:
        now = time.monotonic()
        if now - self.last < _PROGRESS_SECONDS:
            return
        self.last = now
        self._show(now)

    def _show(self, now: float) -> None:
        rows = self.reader.rows_read
        rate = rows / max(now - self.started, 1e-9)
        lang = self.lang
        text = say(lang, f"{number(rows, lang)} rows", f"{number(rows, lang)} ردیف")
        if self.total:
            share = min(100, round(100 * self.reader.bytes_read / self.total))
            text = f"{digits(share, lang)}{say(lang, '%', '٪')}  {text}"
        text += say(
            lang,
            f"  {number(int(rate), lang)} rows/s",
            f"  {number(int(rate), lang)} ردیف در ثانیه",
        )
        if self.live:
            sys.stderr.write("\r" + text + "\x1b[K")
        else:
            sys.stderr.write(text + "\n")
        sys.stderr.flush()
        self.shown = True

    def done(self) -> None:
        if self.shown and self.live:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


# --- the command ------------------------------------------------------------------------


def _context(pairs: list[str] | None) -> dict[str, object]:
    from maskan.persian.digits import to_latin_digits

    context: dict[str, object] = {}
    for name, text in parse_pairs(pairs, "--context").items():
        if not text:
            raise UsageError(
                f"--context: {name}= has no value",
                message_fa=f"--context: {name}= مقداری ندارد",
                field="--context",
                value=name,
            )
        latin = to_latin_digits(text)
        context[name] = int(latin) if latin.isascii() and latin.isdigit() else text
    return context


def _on(text: str | None) -> datetime.date:
    from maskan.calendar import parse_date, today

    if text is None:
        return today()
    try:
        return parse_date(text)
    except MaskanError as error:
        raise UsageError(
            f"--on: {error.message.removeprefix('text: ')}",
            message_fa=f"--on: {error.message_fa.removeprefix('text: ')}",
            field="--on",
            value=text,
        ) from None


def _open_roster(path: str, format: Any) -> tuple[RosterReader, int | None]:
    if path == "-":
        return read_roster(sys.stdin.buffer, format=format), None
    try:
        reader = read_roster(path, format=format)
    except OSError as error:
        raise UsageError(
            f"ROSTER: cannot open {path!r}: {error.strerror or error}",
            message_fa=f"ROSTER: پروندهٔ {path!r} باز نمی‌شود: {error.strerror or error}",
            field="ROSTER",
            value=path,
        ) from None
    try:
        total: int | None = os.path.getsize(path)
    except OSError:  # pragma: no cover - it was just opened
        total = None
    return reader, total


def _open_output(path: str | None, bom: bool) -> IO[str]:
    if path is None or path == "-":
        if bom:
            sys.stdout.write("\ufeff")
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="")
    except OSError as error:
        raise UsageError(
            f"--output: cannot write {path!r}: {error.strerror or error}",
            message_fa=f"--output: در {path!r} نوشته نمی‌شود: {error.strerror or error}",
            field="--output",
            value=path,
        ) from None


class Tally:
    """What a screening counted: rows by verdict, bad rows by reason code, and the first
    bad lines.

    >>> tally = Tally()
    >>> tally.count("eligible"); tally.count("error", code="checksum", line=7)
    >>> tally.rows, tally.bad, tally.bad_lines
    (2, 1, [7])
    """

    def __init__(self) -> None:
        self.verdicts: Counter[str] = Counter()
        self.errors: Counter[str] = Counter()
        self.bad_lines: list[int] = []
        self.rows = 0
        """Every row counted."""

    def count(self, verdict: str, *, code: str = "", line: int = 0) -> None:
        """Count one row."""
        self.rows += 1
        self.verdicts[verdict] += 1
        if verdict == "error":
            self.errors[code] += 1
            if len(self.bad_lines) < _SHOWN_ERRORS:
                self.bad_lines.append(line)

    @property
    def bad(self) -> int:
        """The bad rows."""
        return self.verdicts["error"]

    def summary(self, lang: Lang) -> str:
        """One line: the rows by verdict and the bad rows.

        >>> tally = Tally(); tally.count("eligible"); tally.count("ineligible")
        >>> tally.summary("en")
        '2 rows: 1 eligible, 1 not eligible, 0 undetermined, 0 bad rows'
        """
        parts = [
            f"{number(self.verdicts[key], lang)} {_VERDICTS[key][1 if lang == 'fa' else 0]}"
            for key in ("eligible", "ineligible", "undetermined")
        ]
        bad = number(self.bad, lang)
        parts.append(say(lang, f"{bad} bad rows", f"{bad} ردیف نادرست"))
        head = say(lang, f"{number(self.rows, lang)} rows: ", f"{number(self.rows, lang)} ردیف: ")
        separator = say(lang, ", ", "، ")
        text = head + separator.join(parts)
        if self.errors:
            codes = separator.join(
                f"{code} × {number(count, lang)}" for code, count in self.errors.most_common(5)
            )
            text += f" ({codes})"
        return text


def screen(
    rows: Iterable[RosterRow],
    program: Any,
    *,
    on: datetime.date,
    context: Mapping[str, object],
    writer: _Writer,
    lang: Lang,
    dates: str = "iso",
    errors: IO[str] | None = None,
    tick: Callable[[], None] | None = None,
) -> Tally:
    """Evaluate ``program`` for every row of ``rows``, write one record per row, print
    each bad row on ``errors`` (the first hundred) and return the :class:`Tally`."""
    tally = Tally()
    debug = bool(os.environ.get("MASKAN_DEBUG"))
    errors = errors or sys.stderr
    evaluate = program.evaluate
    # A roster row's own context (its applied city) is data, kept only where the program
    # reads it; a --context name the program does not read is the user's mistake (usage).
    declared = program.context
    for row in rows:
        decision = None
        error = row.error
        if error is None:
            try:
                own = row.context
                if declared is not None:
                    own = {name: value for name, value in own.items() if name in declared}
                decision = evaluate(row.person, on=on, **{**context, **own})
            except RuleError as problem:
                if problem.code in ("missing_context", "missing_parameter", "unknown_context"):
                    raise UsageError(
                        f"{program.code}: {problem.message} (the command line cannot give "
                        "it; use the Python API)",
                        message_fa=f"{program.code}: {problem.message_fa} (از خط فرمان داده "
                        "نمی‌شود؛ از رابط پایتون استفاده کنید)",
                        field=problem.field,
                    ) from None
                error = problem
            except MaskanError as problem:
                error = problem
            except Exception as problem:
                if debug:
                    raise
                error = MaskanError(
                    f"internal error {type(problem).__name__}: {problem}",
                    message_fa=f"خطای داخلی {type(problem).__name__}: {problem}",
                    code="internal_error",
                )
        record = _record(row, decision, error, lang, dates)
        writer.write(record)
        tally.count(record["verdict"], code=record["error_code"], line=row.line)
        if error is not None:
            if tally.bad <= _SHOWN_ERRORS:
                where = say(lang, f"line {row.line}", f"سطر {digits(row.line, lang)}")
                errors.write(f"{where}: {record['error']}\n")
            elif tally.bad == _SHOWN_ERRORS + 1:
                errors.write(
                    say(
                        lang,
                        "… more bad rows are counted, and are in the output, but not shown here\n",
                        "… ردیف‌های نادرست دیگر شمرده می‌شوند و در خروجی هستند، ولی این‌جا نمی‌آیند\n",
                    )
                )
        if tick is not None and tally.rows % _PROGRESS_EVERY == 0:
            tick()
    return tally


def _check(args: argparse.Namespace, lang: Lang) -> int:
    program = parse_values(get_program(args.program), args.value)
    on = _on(args.on)
    context = _context(args.context)
    reader, total = _open_roster(args.roster, args.input_format)
    first = next(reader, None)  # a header that cannot be used stops here, before any output
    rows = itertools.chain(() if first is None else (first,), reader)
    progress: _Progress | None = None
    wanted = args.progress
    output_is_terminal = args.output in (None, "-") and sys.stdout.isatty()
    if wanted is None:
        wanted = (
            sys.stderr.isatty()
            and not output_is_terminal
            and (total is None or total >= _PROGRESS_BYTES)
        )
    if wanted:
        progress = _Progress(reader, total, lang, live=sys.stderr.isatty())
    stream = _open_output(args.output, args.bom and args.format == "csv")
    writer: _Writer
    try:
        if args.format == "json":
            writer = _JsonWriter(stream)
        elif args.format == "csv":
            writer = _CsvWriter(stream)
        else:
            writer = _TableWriter(stream, lang, program.code)
        tally = screen(
            rows,
            program,
            on=on,
            context=context,
            writer=writer,
            lang=lang,
            dates=args.dates,
            tick=None if progress is None else progress.tick,
        )
        writer.close()
    finally:
        if progress is not None:
            progress.done()
        if stream is not sys.stdout:
            stream.close()
        else:
            stream.flush()
    print(tally.summary(lang), file=sys.stderr)
    return EXIT_INVALID if tally.bad else EXIT_OK
