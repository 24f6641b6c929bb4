"""The small subcommands: ``id``, ``words``, ``date`` and ``money``.

>>> from maskan.cli import main
>>> main(["date", "1404/09/04", "--to", "gregorian"])
2025-11-25
0
>>> main(["money", "250 میلیون تومان", "--unit", "toman", "--style", "words"])
دویست و پنجاه میلیون تومان
0
"""

from __future__ import annotations

import argparse
import datetime
import json
from collections.abc import Callable
from decimal import Decimal
from types import ModuleType
from typing import Any

from maskan.cli._common import EXIT_INVALID, EXIT_OK, Lang, labelled, message, say
from maskan.errors import InvalidIdentifier, InvalidNumber, MaskanError

__all__ = ["KINDS", "register"]

KINDS: dict[str, tuple[str, str, str]] = {
    "national-id": ("national_id", "national ID", "کد ملی"),
    "legal-id": ("legal_id", "legal-entity ID", "شناسه ملی اشخاص حقوقی"),
    "postal-code": ("postal_code", "postal code", "کد پستی"),
    "mobile": ("mobile", "mobile number", "شماره همراه"),
    "sheba": ("sheba", "Sheba number", "شماره شبا"),
    "bank-card": ("bank_card", "bank card number", "شماره کارت"),
}
"""``maskan id`` kinds: module name, English name, Persian name."""


def _kind(text: str) -> str:
    kind = text.strip().casefold().replace("_", "-")
    return {"card": "bank-card", "iban": "sheba", "postal": "postal-code"}.get(kind, kind)


def register(
    commands: argparse._SubParsersAction[Any],
    lang_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``id``, ``words``, ``date`` and ``money`` to the ``maskan`` parser."""
    parser = commands.add_parser(
        "id",
        help="check an Iranian identifier (exit code 0 only when valid)",
        description="Check an identifier: exit code 0 when valid, 1 with the reason otherwise. "
        "Prints the compact and formatted forms and hints (registry office, bank, operator).",
    )
    parser.add_argument(
        "kind", type=_kind, choices=tuple(KINDS), metavar="KIND", help="one of: " + ", ".join(KINDS)
    )
    parser.add_argument(
        "value", nargs="+", metavar="VALUE", help="the identifier, in any digits, spaces allowed"
    )
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or one JSON object",
    )
    lang_option(parser)
    parser.set_defaults(handler=_identifier)

    parser = commands.add_parser(
        "words",
        help="a number in Persian words, or words back to the number",
        description="Digits become Persian words; Persian words become the number.",
    )
    parser.add_argument(
        "text",
        nargs="+",
        metavar="N",
        help="a number (any digits, separators allowed) or Persian words",
    )
    parser.add_argument(
        "--ordinal",
        action="store_true",
        help="write a whole number as an ordinal (دوم، بیست و یکم)",
    )
    lang_option(parser)
    parser.set_defaults(handler=_words)

    parser = commands.add_parser(
        "date",
        help="convert a date between Jalali and Gregorian",
        description="Read a Jalali or Gregorian date (a year below 1700 is Jalali; 'today' is "
        "today in Iran) and print it both ways, or one way with --to/--style.",
    )
    parser.add_argument(
        "text", nargs="+", metavar="DATE", help="1404/09/04, 2025-11-25, ۴ آذر ۱۴۰۴, today …"
    )
    parser.add_argument(
        "--to",
        choices=("jalali", "gregorian"),
        help="print only this calendar (default style: short)",
    )
    parser.add_argument(
        "--style",
        choices=("long", "short", "full"),
        help="print only this style (Jalali unless --to gregorian)",
    )
    lang_option(parser)
    parser.set_defaults(handler=_date)

    parser = commands.add_parser(
        "money",
        help="write an amount in rials, tomans or new rials, in digits, compact or words",
        description="Read an amount (digits, compact or words, with a unit word or in --from) "
        "and write it in Persian. Without --unit and --style, prints every unit.",
    )
    parser.add_argument(
        "text",
        nargs="+",
        metavar="AMOUNT",
        help="2500000000, «۲۵۰ میلیون تومان», «دویست و پنجاه میلیون تومان» …",
    )
    parser.add_argument(
        "--unit", choices=("rial", "toman", "new_rial"), help="the unit to write (default: rial)"
    )
    parser.add_argument(
        "--style", choices=("digits", "compact", "words"), help="how to write it (default: digits)"
    )
    parser.add_argument(
        "--from",
        dest="source_unit",
        choices=("rial", "toman", "new_rial"),
        default="rial",
        help="the unit of AMOUNT when it names none (default: rial)",
    )
    lang_option(parser)
    parser.set_defaults(handler=_money)


# --- id ---------------------------------------------------------------------------------


def _module(name: str) -> ModuleType:
    import importlib

    return importlib.import_module(f"maskan.identifiers.{name}")


def _hints(kind: str, code: str, lang: Lang) -> list[tuple[str, str, str, str]]:
    """(key, label_en, label_fa, value) of every hint about a valid identifier."""
    found: list[tuple[str, str, str, str]] = []
    if kind == "national-id":
        from maskan.identifiers import national_id

        offices = national_id.places(code)
        if offices:
            shown = " / ".join(_office(office, lang) for office in offices)
            found.append(("issued_in", "issued in", "محل صدور", shown))
        else:
            found.append(
                (
                    "issued_in",
                    "issued in",
                    "محل صدور",
                    say(lang, "unknown prefix", "پیشوند ناشناخته"),
                )
            )
    elif kind in ("sheba", "bank-card"):
        bank = _module(KINDS[kind][0]).bank(code)
        shown = (
            say(lang, "unknown", "ناشناخته")
            if bank is None
            else (bank.name_fa if lang == "fa" else f"{bank.name_en} ({bank.name_fa})")
        )
        found.append(("bank", "bank", "بانک", shown))
    elif kind == "mobile":
        from maskan.identifiers import mobile

        operator = mobile.operator(code)
        shown = (
            say(lang, "unknown", "ناشناخته")
            if operator is None
            else (operator.name_fa if lang == "fa" else operator.name_en)
        )
        found.append(("operator", "operator (from the prefix)", "اپراتور (از پیش‌شماره)", shown))
    return found


def _office(office: Any, lang: Lang) -> str:
    province = office.province
    if province is None:
        return str(office.city_fa)
    if lang == "fa":
        return f"{office.city_fa}، استان {province.name_fa}"
    return f"{office.city_fa}, {province.name_en} province"


def _identifier(args: argparse.Namespace, lang: Lang) -> int:
    kind: str = args.kind
    text = " ".join(args.value)
    module_name, name_en, name_fa = KINDS[kind]
    module = _module(module_name)
    try:
        code = module.validate(text)
    except InvalidIdentifier as error:
        if args.format == "json":
            _json(
                {
                    "kind": kind,
                    "valid": False,
                    "code": error.code,
                    "message": error.message,
                    "message_fa": error.message_fa,
                }
            )
        else:
            print(say(lang, "invalid: ", "نامعتبر: ") + message(error, lang))
        return EXIT_INVALID
    formatted = module.format(code)
    hints = _hints(kind, code, lang)
    if args.format == "json":
        _json(
            {
                "kind": kind,
                "valid": True,
                "compact": code,
                "formatted": formatted,
                **{key: value for key, _, _, value in hints},
            }
        )
        return EXIT_OK
    print(say(lang, f"valid {name_en}: {code}", f"{name_fa} معتبر است: {code}"))
    pairs = [(say(lang, "formatted", "شکل چاپی"), formatted)]
    pairs += [(say(lang, en, fa), value) for _, en, fa, value in hints]
    for line in labelled(pairs):
        print(line)
    return EXIT_OK


def _json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False))


# --- words ------------------------------------------------------------------------------


def _words(args: argparse.Namespace, lang: Lang) -> int:
    from maskan.persian import (
        format_number,
        number_to_words,
        ordinal_words,
        parse_number,
        words_to_number,
    )

    text = " ".join(args.text)
    try:
        value = parse_number(text)
    except InvalidNumber:
        if not any(char.isalpha() for char in text):
            raise
        number = words_to_number(text)  # raises its own error, about the words
        if args.ordinal:
            raise _ordinal_of_words() from None
        print(format_number(number) if lang == "fa" else _plain(number))
        return EXIT_OK
    if args.ordinal:
        if not isinstance(value, int):
            raise InvalidNumber(
                f"text: {text!r} is not a whole number; only whole numbers have ordinals",
                message_fa=f"text: «{text}» عدد صحیح نیست؛ فقط عدد صحیح ترتیبی دارد",
                code="ordinal",
                field="text",
                value=text,
            )
        print(ordinal_words(value))
    else:
        print(number_to_words(value))
    return EXIT_OK


def _ordinal_of_words() -> InvalidNumber:
    return InvalidNumber(
        "--ordinal: give the number in digits",
        message_fa="--ordinal: عدد را با رقم بدهید",
        code="ordinal",
        field="--ordinal",
    )


def _plain(number: int | Decimal) -> str:
    return str(number) if isinstance(number, int) else format(number, "f")


# --- date -------------------------------------------------------------------------------

_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def _read_date(text: str) -> datetime.date:
    from maskan.calendar import parse_date, today

    if text.strip().casefold() in ("today", "امروز"):
        return today()
    return parse_date(text)


def _jalali(day: datetime.date, style: str, lang: Lang) -> str:
    from maskan.calendar import jalali_ymd, month_name
    from maskan.persian.dates import format_date

    if lang == "fa" or style == "short":
        return format_date(day, style=style, digits="persian" if lang == "fa" else "latin")  # type: ignore[arg-type]
    year, month, date_of_month = jalali_ymd(day)
    text = f"{date_of_month} {month_name(month, 'en')} {year:04d}"
    return f"{_WEEKDAYS_EN[day.weekday()]}, {text}" if style == "full" else text


def _gregorian(day: datetime.date, style: str, lang: Lang) -> str:
    if style == "short":
        return day.isoformat()
    if lang == "fa":
        from babel.dates import format_date as babel_date

        from maskan.persian.digits import to_persian_digits

        pattern = "EEEE d MMMM y" if style == "full" else "d MMMM y"
        return to_persian_digits(babel_date(day, pattern, locale="fa"))
    text = f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{_WEEKDAYS_EN[day.weekday()]}, {text}" if style == "full" else text


def _date(args: argparse.Namespace, lang: Lang) -> int:
    day = _read_date(" ".join(args.text))
    if args.to or args.style:
        style = args.style or "short"
        show = _gregorian if args.to == "gregorian" else _jalali
        print(show(day, style, lang))
        return EXIT_OK
    rows = [
        (
            say(lang, "Jalali", "شمسی"),
            _jalali(day, "short", lang) + "  ·  " + _jalali(day, "full", lang),
        ),
        (
            say(lang, "Gregorian", "میلادی"),
            _gregorian(day, "short", lang) + "  ·  " + _gregorian(day, "full", lang),
        ),
    ]
    for line in labelled(rows):
        print(line)
    return EXIT_OK


# --- money ------------------------------------------------------------------------------

_UNITS_EN = {"rial": "rials", "toman": "tomans", "new_rial": "new rials"}
_UNITS_FA = {"rial": "ریال", "toman": "تومان", "new_rial": "ریال جدید"}


def _money(args: argparse.Namespace, lang: Lang) -> int:
    from maskan.persian.amounts import format_money, parse_money

    amount = parse_money(" ".join(args.text), default_unit=args.source_unit)
    if args.unit or args.style:
        print(format_money(amount, unit=args.unit or "rial", style=args.style or "digits"))
        return EXIT_OK
    rows = []
    for unit in ("rial", "toman", "new_rial"):
        digits = format_money(amount, unit=unit, style="digits")
        compact = format_money(amount, unit=unit, style="compact")
        if lang == "en":
            value = amount.in_unit(unit)
            english = f"{value:,} {_UNITS_EN[unit]}"
            rows.append((_UNITS_EN[unit], f"{english}  ·  {compact}"))
        else:
            shown = digits if digits == compact else f"{digits}  ·  {compact}"
            rows.append((_UNITS_FA[unit], shown))
    try:
        words = format_money(amount, unit="toman", style="words")
    except MaskanError:  # pragma: no cover - every readable amount has words
        words = ""
    if words:
        rows.append((say(lang, "in words", "به حروف"), words))
    for line in labelled(rows):
        print(line)
    return EXIT_OK
