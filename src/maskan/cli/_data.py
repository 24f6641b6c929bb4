"""``maskan demo``, ``maskan report`` and ``maskan sample``: the Isfahan sample, reports
from a data file, and sample files to try the other subcommands on.

``maskan report`` reads a *report data file*: one JSON object, :class:`ReportData`, with
the cooperatives and their housing projects as :mod:`maskan.serde` writes them::

    {"cooperatives": [{"name": "…", "legal_id": "14011517510", …}, …],
     "projects": [{"code": "ISF-1402-07", "cooperative_id": "14011517510", …}, …]}

Both keys may be left out (an empty list); any other key is an error, as in every maskan
document. ``maskan sample report`` writes the Isfahan sample in this format, and
``serde.to_json(ReportData(cooperatives=…, projects=…))`` writes your own.

>>> from maskan import serde
>>> serde.to_json(ReportData())
'{}'
>>> serde.from_json(ReportData, '{"projects": []}') == ReportData()
True
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import IO, Any

import attrs

from maskan.cli._common import (
    EXIT_INVALID,
    EXIT_OK,
    Lang,
    UsageError,
    digits,
    number,
    say,
)
from maskan.models.cooperative import Cooperative
from maskan.models.project import HousingProject

__all__ = ["DEMO_SEED", "ReportData", "register"]

DEMO_SEED = 14040904
"""The demo lottery's public seed: the summit's date, 1404/09/04, as one number. In a real
draw the seed is announced before the draw (a number read out, a published lottery result),
so that no one can choose it after seeing the candidates."""


@attrs.frozen(kw_only=True)
class ReportData:
    """What ``maskan report`` reads: cooperatives and their housing projects.

    Attributes:
        cooperatives: the cooperatives (their members count as the people a project covers).
        projects: the housing projects.

    >>> from maskan import samples
    >>> sample = samples.isfahan_1404()
    >>> data = ReportData(cooperatives=sample.cooperatives, projects=sample.projects)
    >>> len(data.projects)
    64
    """

    cooperatives: tuple[Cooperative, ...] = ()
    projects: tuple[HousingProject, ...] = ()


def register(
    commands: argparse._SubParsersAction[Any],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``demo``, ``report`` and ``sample`` to the ``maskan`` parser."""
    parser = commands.add_parser(
        "demo",
        help="the synthetic Isfahan sample: the year's report, a screening and a lottery",
        description="Load the synthetic Isfahan 1404 sample and show the projects opened in "
        "1404 by county, the screening of its applicants for the National Housing Movement "
        "with the most common reasons, and one lottery with its public seed.",
    )
    parser.add_argument(
        "--seed",
        default=str(DEMO_SEED),
        metavar="SEED",
        help=f"the lottery's public seed (default: {DEMO_SEED})",
    )
    lang_option(parser)
    parser.set_defaults(handler=_demo)

    parser = commands.add_parser(
        "report",
        help="projects opened in a Jalali year, from a report data file",
        description="Housing projects opened in a Jalali year, by province, county or "
        "cooperative: projects, units, people covered, investment and who paid it. "
        "DATA.json holds cooperatives and projects (write one with `maskan sample report`).",
    )
    parser.add_argument("data", metavar="DATA.json", help="a report data file")
    parser.add_argument(
        "--year", type=int, metavar="YEAR", help="the Jalali year (default: this year)"
    )
    parser.add_argument(
        "--by",
        choices=("province", "county", "cooperative"),
        default="province",
        help="the grouping (default: province)",
    )
    parser.add_argument(
        "--format",
        choices=("table", "json", "csv"),
        default="table",
        help="table (default), json (a list of rows) or csv",
    )
    parser.add_argument(
        "--movements",
        action="store_true",
        help="also show membership movements (admitted, withdrawn, …)",
    )
    lang_option(parser)
    parser.set_defaults(handler=_report)

    parser = commands.add_parser(
        "sample",
        help="write sample files: report data, or a roster of synthetic applicants",
        description="Write synthetic sample files. 'report': the Isfahan sample's "
        "cooperatives and projects, for `maskan report`. 'roster': synthetic applicants to "
        "the National Housing Movement in Isfahan, for `maskan check` (the first 400 of seed "
        "1404 are the sample's applicants). Everything is made up.",
    )
    parser.add_argument(
        "kind", choices=("report", "roster"), metavar="KIND", help="report or roster"
    )
    parser.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--people",
        type=int,
        default=400,
        metavar="N",
        help="roster: how many people (default: 400)",
    )
    parser.add_argument(
        "--seed",
        type=int,
        default=1404,
        metavar="SEED",
        help="roster: the generator's seed (default: 1404)",
    )
    parser.add_argument(
        "--format",
        choices=("csv", "json"),
        default="csv",
        help="roster: csv (default) or json (JSON Lines)",
    )
    lang_option(parser)
    parser.set_defaults(handler=_sample)


# --- output -----------------------------------------------------------------------------


def _open_output(path: str | None) -> IO[str]:
    if path is None or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", newline="")
    except OSError as error:
        raise UsageError(
            f"--output: cannot write {path!r}: {error.strerror or error}",
            message_fa=f"--output: در {path!r} نوشته نمی‌شود: {error.strerror or error}",
            field="--output",
            value=path,
        ) from None


def _close(stream: IO[str]) -> None:
    if stream is sys.stdout:
        stream.flush()
    else:
        stream.close()


# --- report -----------------------------------------------------------------------------


def _read_data(path: str) -> ReportData:
    from maskan import serde

    try:
        with open(path, "rb") as file:
            text = file.read()
    except OSError as error:
        raise UsageError(
            f"DATA.json: cannot open {path!r}: {error.strerror or error}",
            message_fa=f"DATA.json: پروندهٔ {path!r} باز نمی‌شود: {error.strerror or error}",
            field="DATA.json",
            value=path,
        ) from None
    return serde.from_json(ReportData, text)


def _this_year() -> int:
    from maskan.calendar import jalali_ymd, today

    return jalali_ymd(today())[0]


def _write_table(table: Any, format: str, lang: Lang, stream: IO[str]) -> None:
    if format == "table":
        stream.write(table.render(lang) + "\n")
        return
    from maskan import serde

    rows = [
        serde.to_dict({key: _ratio(value) for key, value in row.items()})
        for row in table.to_dicts()
    ]
    if format == "json":
        import json

        stream.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    writer = csv.writer(stream, lineterminator="\n")
    keys = [column.key for column in table.columns]
    writer.writerow(keys)
    for row in rows:
        writer.writerow(["" if row.get(key) is None else row[key] for key in keys])


def _ratio(value: object) -> object:
    """A share as a decimal with four places ("0.8745"), which spreadsheets read; serde
    would write the exact fraction ("1566619/1791555")."""
    if isinstance(value, Fraction):
        return str((Decimal(value.numerator) / Decimal(value.denominator)).quantize(_PLACES))
    return value


_PLACES = Decimal("0.0001")


def _report(args: argparse.Namespace, lang: Lang) -> int:
    from maskan import reports

    data = _read_data(args.data)
    year = _this_year() if args.year is None else args.year
    table = reports.projects_opened(
        data.projects, year=year, by=args.by, cooperatives=data.cooperatives
    )
    _write_table(table, args.format, lang, sys.stdout)
    if args.movements:
        if args.format == "table":
            sys.stdout.write("\n")
        movements = reports.membership_movements(data.cooperatives, year=year)
        _write_table(movements, args.format, lang, sys.stdout)
    return EXIT_OK


# --- sample -----------------------------------------------------------------------------


def _sample(args: argparse.Namespace, lang: Lang) -> int:
    from maskan import samples, serde

    if args.kind == "report":
        sample = samples.isfahan_1404()
        data = ReportData(cooperatives=sample.cooperatives, projects=sample.projects)
        stream = _open_output(args.output)
        try:
            stream.write(serde.to_json(data, dates="jalali") + "\n")
        finally:
            _close(stream)
        return EXIT_OK
    from maskan.cli.roster import write_roster

    people = samples.generate(args.people, seed=args.seed)
    stream = _open_output(args.output)
    try:
        write_roster(people, stream, format=args.format, context={"city": samples.CITY})
    finally:
        _close(stream)
    return EXIT_OK


# --- demo -------------------------------------------------------------------------------


def _demo(args: argparse.Namespace, lang: Lang) -> int:
    from maskan import reports, samples
    from maskan.allocation import lottery, verify
    from maskan.persian.dates import format_date

    sample = samples.isfahan_1404()
    year = 1404
    out = sys.stdout
    rule = "—" * 40
    out.write(
        say(
            lang,
            "maskan demo: a synthetic Isfahan data set. Every person, cooperative and project "
            "is made up;\nonly the shape follows the report of 4 Azar 1404 (more than 42 "
            "projects opened, more than 2,500 people covered).\n",
            "نمایش maskan: داده‌های ساختگی اصفهان. همهٔ افراد، تعاونی‌ها و پروژه‌ها ساختگی‌اند؛\n"
            "فقط شکل کلی از گزارش ۴ آذر ۱۴۰۴ گرفته شده است (بیش از ۴۲ پروژهٔ افتتاح‌شده، "
            "بیش از ۲٬۵۰۰ نفر).\n",
        )
    )
    opened = sample.opened(year)
    out.write(
        say(
            lang,
            f"{len(sample.cooperatives)} cooperatives, {len(sample.projects)} projects, "
            f"{number(len(sample.applicants), lang)} applicants; "
            f"{len(opened)} projects opened in {year}, "
            f"{number(sample.people_covered(year), lang)} units.\n",
            f"{number(len(sample.cooperatives), lang)} تعاونی، "
            f"{number(len(sample.projects), lang)} پروژه، "
            f"{number(len(sample.applicants), lang)} متقاضی؛ "
            f"{number(len(opened), lang)} پروژهٔ افتتاح‌شده در {digits(year, lang)}، "
            f"{number(sample.people_covered(year), lang)} واحد.\n",
        )
    )
    out.write(f"\n{rule}\n")
    table = reports.projects_opened(
        sample.projects, year=year, by="county", cooperatives=sample.cooperatives
    )
    out.write(table.render(lang) + "\n")

    out.write(f"\n{rule}\n")
    decisions = sample.screen()
    out.write(reports.screening(decisions).render(lang) + "\n")
    out.write(
        say(
            lang,
            "Screened on 1404/09/04 in Isfahan with five_year_lookback=in_force and "
            "residence_easing=in_force, values the law leaves to the caller.\n",
            "بررسی در ۴ آذر ۱۴۰۴ در اصفهان، با five_year_lookback=in_force و "
            "residence_easing=in_force؛ این دو را قانون تعیین نکرده و کاربر می‌دهد.\n",
        )
    )

    out.write(f"\n{rule}\n")
    project = min(opened, key=lambda project: (len(project.units), project.code))
    members = sample.members_of(project.code)
    result = lottery(members, project, seed=args.seed, on=sample.on)
    out.write(
        say(
            lang,
            f"A lottery for {project.name} ({project.code}): its {len(members)} members draw "
            f"its {len(project.units)} units with the public seed {result.seed}.\n",
            f"قرعه‌کشی {project.name} ({project.code}): {number(len(members), lang)} عضو "
            f"برای {number(len(project.units), lang)} واحد، با بذر عمومی {result.seed}.\n",
        )
    )
    out.write(result.explain(lang) + "\n")
    verified = verify(result)
    out.write(
        say(
            lang,
            f"verify(result) re-derives the draw from the seed: {verified}. The rules of a "
            "real lottery are the cooperative's; none is presented as law.\n",
            f"verify(result) قرعه را از روی بذر دوباره می‌سازد: "
            f"{'درست است' if verified else 'نادرست است'}. قواعد قرعه‌کشی واقعی را تعاونی "
            "تعیین می‌کند؛ هیچ‌کدام قانون نیست.\n",
        )
    )
    out.write(
        say(
            lang,
            f"Data as of {format_date(sample.on, style='short', digits='latin')}.\n",
            f"داده‌ها به تاریخ {format_date(sample.on)}.\n",
        )
    )
    return EXIT_OK if verified else EXIT_INVALID
