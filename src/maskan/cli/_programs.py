"""``maskan programs [NAME]``: the built-in programs, their rules and dated parameters; and
the reading of ``--value NAME=VALUE`` that ``maskan check`` shares.

>>> from maskan.cli import main
>>> main(["programs", "--lang", "en"])  # doctest: +ELLIPSIS
code                         version  title
without_housing              ...
0
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections.abc import Callable, Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from maskan.cli._common import EXIT_OK, Lang, UsageError, align, digits, say
from maskan.errors import MaskanError, describe
from maskan.persian.digits import to_latin_digits

__all__ = ["get_program", "parse_pairs", "parse_values", "register"]


def register(
    commands: argparse._SubParsersAction[Any],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``programs`` to the ``maskan`` parser."""
    parser = commands.add_parser(
        "programs",
        help="list the built-in programs, or show one program's rules and parameters",
        description="Without NAME, list the programs; with NAME, show its rules and its "
        "dated parameters, with the values the law leaves to you (give them to "
        "`maskan check` with --value).",
    )
    parser.add_argument("name", nargs="?", metavar="NAME", help="a program code")
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default), or JSON (program.describe())",
    )
    lang_option(parser)
    parser.set_defaults(handler=_programs)


def get_program(name: str) -> Any:
    """The built-in program ``name``, or a :class:`UsageError` listing the programs.

    >>> get_program("family_land").code
    'family_land'
    """
    from maskan.eligibility.programs import PROGRAMS

    program = PROGRAMS.get(name.strip().replace("-", "_"))
    if program is None:
        listed = ", ".join(PROGRAMS)
        raise UsageError(
            f"program: {describe(name)} is not a built-in program; the programs are {listed}",
            message_fa=f"program: {describe(name)} برنامهٔ داخلی نیست؛ برنامه‌ها: {listed}",
            field="program",
            value=name,
        )
    return program


def parse_pairs(pairs: Sequence[str] | None, option: str) -> dict[str, str]:
    """``NAME=VALUE`` texts as a dict, or a :class:`UsageError` naming the option.

    >>> parse_pairs(["city=اصفهان"], "--context")
    {'city': 'اصفهان'}
    """
    found: dict[str, str] = {}
    for pair in pairs or ():
        name, sign, value = pair.partition("=")
        name = name.strip()
        if not sign or not name:
            raise UsageError(
                f"{option}: {describe(pair)} is not NAME=VALUE",
                message_fa=f"{option}: {describe(pair)} به شکل NAME=VALUE نیست",
                field=option,
                value=pair,
            )
        found[name] = value.strip()
    return found


_INTEGER_UNITS = frozenset({"years", "months", "days", "children", "count"})
_FLAG_UNITS = frozenset({"yes/no", "boolean"})
_YES = frozenset({"yes", "true", "1", "بله"})
_NO = frozenset({"no", "false", "0", "خیر"})


def _value(parameter: Any, text: str) -> object:
    """The value of ``--value code=text`` for ``parameter``, typed as its history is."""
    sample = parameter.history[-1][1] if parameter.history else None
    unit: str = parameter.unit
    latin = to_latin_digits(text).strip()
    try:
        if isinstance(sample, bool) or (sample is None and unit in _FLAG_UNITS):
            key = latin.casefold()
            if key in _YES or key in _NO:
                return key in _YES
            raise ValueError("yes or no")
        if isinstance(sample, int) or (sample is None and unit in _INTEGER_UNITS):
            return int(latin)
        if isinstance(sample, Decimal) or (sample is None and unit == "percent"):
            return Decimal(latin)
        if isinstance(sample, tuple):
            return tuple(int(part) for part in latin.replace("،", ",").split(",") if part.strip())
        if unit.startswith("rial"):
            from maskan.money import Rial

            return Rial.parse(text)
    except (ValueError, InvalidOperation, MaskanError) as error:
        raise UsageError(
            f"--value: {parameter.code}={describe(text)} is not a value of unit {unit!r} ({error})",
            message_fa=f"--value: {parameter.code}={describe(text)} مقدار درستی با یکای "
            f"{unit!r} نیست",
            field=parameter.code,
            value=text,
        ) from None
    return text  # dates and options: the program reads the text itself


def parse_values(program: Any, pairs: Sequence[str] | None) -> Any:
    """``program`` with the ``--value`` pairs applied, each typed by its parameter; a
    :class:`UsageError` for an unknown parameter, a bad value, or a value the law leaves
    open and the command line did not give.

    >>> program = get_program("workers_housing_cooperative")
    >>> parse_values(program, ["minimum_insurance_months=24"]).values
    {'minimum_insurance_months': 24}
    """
    given = parse_pairs(pairs, "--value")
    parameters = {parameter.code: parameter for parameter in program.parameters}
    unknown = sorted(set(given) - set(parameters))
    if unknown:
        known = ", ".join(sorted(parameters)) or "-"
        raise UsageError(
            f"--value: {unknown[0]!r} is not a parameter of {program.code}; its parameters "
            f"are {known}",
            message_fa=f"--value: {unknown[0]!r} پارامتر برنامهٔ {program.code} نیست؛ "
            f"پارامترهای آن: {known}",
            field="--value",
            value=unknown[0],
        )
    values = {code: _value(parameters[code], text) for code, text in given.items()}
    try:
        ready = program.with_values(**values) if values else program
    except MaskanError as error:
        raise UsageError(
            f"--value: {error.message}", message_fa=f"--value: {error.message_fa}", field="--value"
        ) from None
    missing = ready.missing_values()
    if missing:
        needed = " ".join(f"--value {code}={_hint(parameters[code].unit)}" for code in missing)
        raise UsageError(
            f"{program.code} needs values the law leaves open; give {needed} "
            f"(see: maskan programs {program.code})",
            message_fa=f"برنامهٔ {program.code} به مقدارهایی نیاز دارد که قانون تعیین نکرده "
            f"است؛ بدهید: {needed} (راهنما: maskan programs {program.code})",
            field="--value",
            value=missing,
        )
    return ready


def _hint(unit: str) -> str:
    if unit == "date or option":
        return "in_force|not_in_force|undecided|DATE"
    return "N" if unit in _INTEGER_UNITS else "VALUE"


def _programs(args: argparse.Namespace, lang: Lang) -> int:
    from maskan.eligibility.programs import PROGRAMS

    if args.name is None:
        if args.format == "json":
            listing = [
                {
                    "code": program.code,
                    "version": program.version,
                    "title_en": program.title_en,
                    "title_fa": program.title_fa,
                    "needs_values": list(program.missing_values()),
                }
                for program in PROGRAMS.values()
            ]
            print(json.dumps(listing, ensure_ascii=False, indent=2))
            return EXIT_OK
        rows = [
            [say(lang, "code", "کد"), say(lang, "version", "نسخه"), say(lang, "title", "عنوان")]
        ]
        for program in PROGRAMS.values():
            title = program.title_fa if lang == "fa" else program.title_en
            rows.append([program.code, program.version, title])
        for line in align(rows):
            print(line)
        return EXIT_OK
    program = get_program(args.name)
    described = program.describe()
    if args.format == "json":
        from maskan import serde

        print(serde.to_json(described, indent=2))
        return EXIT_OK
    for line in _describe(described, lang):
        print(line)
    return EXIT_OK


def _describe(described: dict[str, Any], lang: Lang) -> list[str]:
    title = described["title_fa"] if lang == "fa" else described["title_en"]
    version = say(lang, "version", "نسخهٔ")
    lines = [f"{title} ({described['code']}, {version} {described['version']})", ""]
    lines.append(say(lang, "Rules:", "قاعده‌ها:"))
    for rule in described["rules"]:
        lines.extend(_rule(rule, lang, 1))
    lines.append("")
    lines.append(say(lang, "Parameters:", "پارامترها:"))
    for parameter in described["parameters"]:
        label = parameter["label_fa"] if lang == "fa" else parameter["label_en"]
        lines.append(f"  {label}  [{parameter['code']}]")
        if parameter["caller_set"]:
            option = f"--value {parameter['code']}={_hint(parameter['unit'])}"
            lines.append(
                "    "
                + say(
                    lang,
                    f"the law sets no value: give {option}",
                    f"قانون مقداری تعیین نکرده است: {option} را بدهید",
                )
            )
        unit = _UNITS.get(parameter["unit"])
        suffix = "" if unit is None else " " + say(lang, *unit)
        for step in parameter["history"]:
            shown = _shown(step["value"], lang)
            lines.append(f"    {_since(step['from'], lang)}: {shown}{suffix}")
    lines.append("")
    lines.append(
        say(
            lang,
            "Sources are tagged S (an official text), S-news (a news report) or U (unverified); "
            "see the program's page in the guide.",
            "منبع‌ها با S (متن رسمی)، S-news (گزارش خبری) یا U (تأییدنشده) برچسب خورده‌اند؛ "
            "صفحهٔ برنامه در راهنما را ببینید.",
        )
    )
    return lines


_UNITS = {
    "years": ("years", "سال"),
    "months": ("months", "ماه"),
    "percent": ("%", "درصد"),
    "children": ("children", "فرزند"),
}


def _rule(rule: dict[str, Any], lang: Lang, depth: int) -> list[str]:
    title = rule["title_fa"] if lang == "fa" else rule["title_en"]
    confidence = rule["source"]["confidence"]
    lines = [f"{'  ' * depth}- {title}  [{rule['code']}, {confidence}]"]
    for part in rule["rules"]:
        lines.extend(_rule(part, lang, depth + 1))
    return lines


def _since(iso: str, lang: Lang) -> str:
    from maskan.eligibility.reasons import show

    day = datetime.date.fromisoformat(iso)
    return say(lang, f"from {show(day, lang)}", f"از {show(day, lang)}")


def _shown(value: object, lang: Lang) -> str:
    from maskan.eligibility.reasons import show

    if isinstance(value, tuple):
        return (
            digits("، ".join(str(item) for item in value), lang)
            if lang == "fa"
            else ", ".join(str(item) for item in value)
        )
    return show(value, lang)
