"""Money in Persian: «۲٬۵۰۰٬۰۰۰٬۰۰۰ ریال», «۲۵۰ میلیون تومان», «دویست و پنجاه میلیون تومان».

Three styles, in any of three units:

- ``"digits"``: the exact amount with Persian digits and ``٬`` grouping.
- ``"compact"``: groups of three digits with scale words, as the press writes large
  amounts; amounts of a thousand billion and more stay in «میلیارد», so 8,590 × 10⁹
  is «۸ هزار و ۵۹۰ میلیارد» (DOMAIN.md §7.4), not «تریلیون». An amount that is not a
  whole number of the unit (25 rials in toman) is written in digits instead.
- ``"words"``: the amount spelled out (:func:`maskan.persian.number_to_words`).

Units: ``"rial"`` («ریال», the legal unit), ``"toman"`` («تومان», 10 rials) and
``"new_rial"`` («ریال جدید», 10,000 current rials, the redenomination law of 1404,
DOMAIN.md §7.2 — the law keeps the name «ریال»; «جدید» tells the two apart while both
circulate). Every style is exact: an amount that is not a whole number of the unit is
written with a decimal part. :func:`parse_money` reads all of them back.

>>> amount = Rial(2_500_000_000)
>>> format_money(amount)
'۲٬۵۰۰٬۰۰۰٬۰۰۰ ریال'
>>> format_money(amount, unit="toman", style="compact")
'۲۵۰ میلیون تومان'
>>> format_money(amount, unit="toman", style="words")
'دویست و پنجاه میلیون تومان'
>>> format_money(Rial(8_590_000_000_000), style="compact")
'۸ هزار و ۵۹۰ میلیارد ریال'
>>> parse_money("۲۵۰ میلیون تومن")
Rial(2500000000)
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from maskan.errors import InvalidAmount, InvalidNumber, describe
from maskan.money import RIALS_PER_UNIT, Rial, Unit
from maskan.persian.numbers import format_number, parse_number
from maskan.persian.text import normalize
from maskan.persian.words import number_to_words, words_to_number

__all__ = ["format_money", "parse_money"]

Style = Literal["digits", "compact", "words"]

UNIT_NAMES: dict[str, str] = {"rial": "ریال", "toman": "تومان", "new_rial": "ریال جدید"}
# What people write after (or before) an amount, longest first so «ریال جدید» wins over «ریال».
_UNIT_WORDS: tuple[tuple[str, Unit], ...] = (
    ("ریال جدید", "new_rial"),
    ("new rials", "new_rial"),
    ("new rial", "new_rial"),
    ("تومان", "toman"),
    ("تومن", "toman"),
    ("tomans", "toman"),
    ("toman", "toman"),
    ("irt", "toman"),
    ("ریال", "rial"),
    ("rials", "rial"),
    ("rial", "rial"),
    ("irr", "rial"),
)
_DIGITS_ONLY = re.compile(r"[-−+]?[\d.,٬٫/]+")
_MAX_INPUT = 1_000
_BILLION = 10**9
_QUINTILLION = 10**18


def _option_error(field: str, value: object, allowed: str) -> InvalidAmount:
    return InvalidAmount(
        f"{field}: {describe(value)} is not one of {allowed}",
        message_fa=f"{field}: مقدار {describe(value)} مجاز نیست؛ یکی از {allowed}",
        code="option",
        field=field,
        value=value,
    )


def _compact(number: int) -> str:
    if number >= _QUINTILLION:
        high, rest = divmod(number, _QUINTILLION)
        return _join(f"{_compact(high)} کوینتیلیون", rest)
    if number >= _BILLION:
        high, rest = divmod(number, _BILLION)
        return _join(f"{_compact(high)} میلیارد", rest)
    parts = []
    millions, rest = divmod(number, 1_000_000)
    thousands, units = divmod(rest, 1_000)
    if millions:
        parts.append(f"{format_number(millions)} میلیون")
    if thousands:
        parts.append(f"{format_number(thousands)} هزار")
    if units or not parts:
        parts.append(format_number(units))
    return " و ".join(parts)


def _join(head: str, rest: int) -> str:
    return f"{head} و {_compact(rest)}" if rest else head


def format_money(
    amount: Rial | int,
    *,
    unit: Unit = "rial",
    style: Style = "digits",
) -> str:
    """Write an amount of money in Persian.

    ``amount`` is a :class:`~maskan.money.Rial` (an ``int`` is read as rials).

    >>> format_money(Rial(25_000_000_000), unit="toman", style="compact")
    '۲ میلیارد و ۵۰۰ میلیون تومان'
    >>> format_money(Rial(125), unit="toman")
    '۱۲٫۵ تومان'
    >>> format_money(Rial(-50_000), unit="new_rial")
    '\u200e−۵ ریال جدید'
    >>> format_money(Rial(1_500_000), unit="toman", style="words")
    'صد و پنجاه هزار تومان'
    """
    rials = amount if isinstance(amount, Rial) else Rial(amount)
    if unit not in UNIT_NAMES:
        raise _option_error("unit", unit, "'rial', 'toman', 'new_rial'")
    value = rials.in_unit(unit)
    if style == "digits":
        text = format_number(value)
    elif style == "compact":
        text = _compact_value(value)
    elif style == "words":
        text = number_to_words(value)
    else:
        raise _option_error("style", style, "'digits', 'compact', 'words'")
    return f"{text} {UNIT_NAMES[unit]}"


def _compact_value(value: int | Decimal) -> str:
    if not isinstance(value, int):
        # A fraction of the unit (an odd number of rials shown in toman) has no compact
        # spelling that reads back unambiguously; the exact digits are clearer.
        return format_number(value)
    return ("منفی " if value < 0 else "") + _compact(abs(value))


def parse_money(text: str, *, default_unit: Unit = "rial") -> Rial:
    """Read an amount of money written in digits, compact form or words.

    The unit word may follow or precede the number: «ریال», «تومان», «تومن»,
    «ریال جدید», ``rial``, ``toman``, ``IRR``, ``IRT``. Without one, ``default_unit``
    applies (rial, the legal unit, unless you say otherwise). The amount must come to a
    whole number of rials.

    >>> parse_money("۲٬۵۰۰٬۰۰۰٬۰۰۰ ریال")
    Rial(2500000000)
    >>> parse_money("دویست و پنجاه میلیون تومان")
    Rial(2500000000)
    >>> parse_money("۸ هزار و ۵۹۰ میلیارد ریال")
    Rial(8590000000000)
    >>> parse_money("1,500", default_unit="toman")
    Rial(15000)
    """
    if not isinstance(text, str):
        raise InvalidAmount(
            f"text: parse_money() takes a str, not {type(text).__name__}",
            message_fa=f"text: ورودی parse_money باید متن باشد، نه {type(text).__name__}",
            code="type",
            field="text",
            value=text,
        )
    if default_unit not in RIALS_PER_UNIT:
        raise _option_error("default_unit", default_unit, "'rial', 'toman', 'new_rial'")
    if len(text) > _MAX_INPUT:
        raise InvalidAmount(
            f"text: {describe(text)} is too long to be an amount",
            message_fa=f"text: {describe(text)} برای یک مبلغ بیش از حد طولانی است",
            code="too_long",
            field="text",
            value=text,
        )
    cleaned = normalize(text, digits="latin").lower()
    number_text, unit = _split_unit(cleaned, default_unit)
    if not number_text:
        raise InvalidAmount(
            f"text: {describe(text)} has no amount",
            message_fa=f"text: {describe(text)} مبلغی ندارد",
            code="empty",
            field="text",
            value=text,
        )
    try:
        if _DIGITS_ONLY.fullmatch(number_text):
            value = parse_number(number_text)
        else:
            value = words_to_number(number_text)
    except InvalidNumber as error:
        raise InvalidAmount(
            f"text: {describe(text)} is not an amount: {error.message}",
            message_fa=f"text: {describe(text)} مبلغ نیست: {error.message_fa}",
            code=error.code,
            field="text",
            value=text,
        ) from None
    rials = Decimal(value) * RIALS_PER_UNIT[unit]
    if rials != rials.to_integral_value():
        raise InvalidAmount(
            f"text: {describe(text)} is not a whole number of rials",
            message_fa=f"text: {describe(text)} عدد صحیحی از ریال نیست",
            code="fraction",
            field="text",
            value=text,
        )
    return Rial(int(rials))


def _split_unit(text: str, default_unit: Unit) -> tuple[str, Unit]:
    for word, unit in _UNIT_WORDS:
        if text.endswith(word):
            return text[: -len(word)].strip(), unit
        if text.startswith(word):
            return text[len(word) :].strip(), unit
    return text, default_unit
