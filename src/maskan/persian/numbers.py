"""Numbers in Persian: grouping ``٬``, decimal point ``٫``, percent ``٪`` and Persian digits.

The separators come from the Unicode CLDR data for ``fa`` (numbering system
``arabext``), read through Babel on first use. Babel itself keeps Latin digits even for
``arabext`` (DOMAIN.md §7.3), so the digits are swapped here.

>>> format_number(1234567)
'۱٬۲۳۴٬۵۶۷'
>>> format_number(Decimal("12.5"))
'۱۲٫۵'
>>> format_percent(Decimal("0.65"))
'۶۵٪'
>>> parse_number("۱٬۲۳۴٬۵۶۷")
1234567

:func:`parse_number` reads what these functions write, and what people type: any digit
script, ``,`` or ``٬`` for grouping, ``.`` ``٫`` or ``/`` (common on Persian keyboards)
for the decimal point, ``-``, ``−`` or CLDR's ``‎−`` for minus, and ``%`` or ``٪``.
"""

from __future__ import annotations

import functools
import re
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import Literal

from maskan.errors import InvalidNumber, describe
from maskan.persian.digits import to_latin_digits, to_persian_digits

__all__ = ["format_number", "format_percent", "parse_number"]

Digits = Literal["persian", "latin"]
Number = int | Decimal | float

_MAX_INPUT = 1_000
# Far beyond any amount of money, and short of CPython's int-to-str digit limit.
_MAX_EXPONENT = 100
_MAX_BITS = 332  # 2**332 < 10**100
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+")


@functools.cache
def symbols(digits: Digits = "persian") -> dict[str, str]:
    """Return the CLDR number symbols for ``fa`` in the given digit script.

    ``"persian"`` uses the ``arabext`` numbering system, ``"latin"`` the ``latn`` one.

    >>> symbols()["group"], symbols()["decimal"], symbols()["percentSign"]
    ('٬', '٫', '٪')
    """
    from babel import Locale  # babel's CLDR data is loaded only when formatting needs it

    system = "arabext" if digits == "persian" else "latn"
    return dict(Locale.parse("fa").number_symbols[system])


def _check_digits(digits: object) -> Digits:
    if digits == "persian" or digits == "latin":
        return digits
    raise InvalidNumber(
        f"digits: {describe(digits)} is not 'persian' or 'latin'",
        message_fa=f"digits: مقدار {describe(digits)} مجاز نیست؛ persian یا latin",
        code="option",
        field="digits",
        value=digits,
    )


def _as_decimal(value: object, field: str) -> int | Decimal:
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        raise InvalidNumber(
            f"{field}: expected an int, a Decimal or a float, not {type(value).__name__}",
            message_fa=f"{field}: عدد لازم است، نه {type(value).__name__}",
            code="type",
            field=field,
            value=value,
        )
    if isinstance(value, int):
        if value.bit_length() <= _MAX_BITS:
            return value
    else:
        number = Decimal(repr(value)) if isinstance(value, float) else value
        if not number.is_finite():
            raise InvalidNumber(
                f"{field}: {describe(value)} is not a finite number",
                message_fa=f"{field}: {describe(value)} عدد متناهی نیست",
                code="not_finite",
                field=field,
                value=value,
            )
        if number == 0 or -_MAX_EXPONENT <= number.adjusted() < _MAX_EXPONENT:
            return number
    raise InvalidNumber(
        f"{field}: {describe(value)} is out of range; maskan formats numbers below 10^100",
        message_fa=f"{field}: {describe(value)} خارج از محدوده است؛ حداکثر کمتر از ۱۰ به توان ۱۰۰",
        code="out_of_range",
        field=field,
        value=value,
    )


def _format(number: int | Decimal, digits: Digits, grouping: bool) -> str:
    # ``f`` would turn an int into a float and lose digits beyond 2**53
    spec = ("," if grouping else "") + ("" if type(number) is int else "f")
    text = format(number, spec)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    negative = text.startswith("-")
    if negative:
        text = text[1:]
    if digits == "persian":
        marks = symbols("persian")
        text = to_persian_digits(
            text.replace(",", "\0").replace(".", marks["decimal"]).replace("\0", marks["group"])
        )
    if negative and text.strip("0۰٫.") != "":
        text = symbols(digits)["minusSign"] + text
    return text


def format_number(
    value: int | Decimal | float, *, digits: Digits = "persian", grouping: bool = True
) -> str:
    """Write a number with Persian digits and separators (or Latin ones).

    Decimals are written exactly as given, without trailing zeros; round first if you
    want fewer places. Negative numbers carry CLDR's minus for ``fa``, a left-to-right
    mark followed by ``−`` (U+2212), so the sign stays on the left in right-to-left text.

    >>> format_number(1234567890)
    '۱٬۲۳۴٬۵۶۷٬۸۹۰'
    >>> format_number(1234.5, digits="latin")
    '1,234.5'
    >>> format_number(1404, grouping=False)
    '۱۴۰۴'
    >>> format_number(-12)
    '\u200e−۱۲'
    """
    digits = _check_digits(digits)
    number = _as_decimal(value, "value")
    if type(number) is int and grouping and digits == "persian" and number >= 0:
        # the hot path: one f-string and the digit swap, no Decimal arithmetic
        return to_persian_digits(f"{number:,}").replace(",", symbols()["group"])
    return _format(number, digits, grouping)


def format_percent(
    value: int | Decimal | float | Fraction, *, decimals: int = 0, digits: Digits = "persian"
) -> str:
    """Write a ratio as a percentage: ``0.65`` → «۶۵٪», as Babel and CLDR do.

    ``decimals`` is the number of decimal places kept after rounding half to even. A
    ``Fraction`` (a share such as 87 members of 100) is rounded exactly, never through a
    decimal approximation.

    >>> format_percent(Decimal("0.65"))
    '۶۵٪'
    >>> format_percent(Decimal("0.12345"), decimals=1)
    '۱۲٫۳٪'
    >>> format_percent(1, digits="latin")
    '100%'
    >>> format_percent(Fraction(2, 3), decimals=1), format_percent(Fraction(1, 8), decimals=1)
    ('۶۶٫۷٪', '۱۲٫۵٪')
    """
    digits = _check_digits(digits)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 20:
        raise InvalidNumber(
            f"decimals: {describe(decimals)} must be an int from 0 to 20",
            message_fa=f"decimals: {describe(decimals)} باید عدد صحیحی از ۰ تا ۲۰ باشد",
            code="option",
            field="decimals",
            value=decimals,
        )
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float | Fraction):
        raise InvalidNumber(
            f"value: expected an int, a Decimal, a float or a Fraction, not {type(value).__name__}",
            message_fa=f"value: عدد لازم است، نه {type(value).__name__}",
            code="type",
            field="value",
            value=value,
        )
    exact: Fraction | None = None
    if isinstance(value, Fraction):
        exact = value * 100
        too_large = abs(exact) >= 10**30
    else:
        number = Decimal(_as_decimal(value, "value")) * 100
        too_large = abs(number) >= 10**30
    if too_large:
        raise InvalidNumber(
            f"value: {describe(value)} is too large for a percentage",
            message_fa=f"value: {describe(value)} برای درصد بیش از حد بزرگ است",
            code="out_of_range",
            field="value",
            value=value,
        )
    if exact is not None:  # round() of a Fraction rounds half to even, exactly
        rounded = Decimal(round(exact * 10**decimals)).scaleb(-decimals)
    else:
        rounded = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_EVEN)
    return _format(rounded, digits, True) + symbols(digits)["percentSign"]


def _number_error(text: str, reason: str, reason_fa: str, code: str) -> InvalidNumber:
    return InvalidNumber(
        f"text: {describe(text)} {reason}",
        message_fa=f"text: {describe(text)} {reason_fa}",
        code=code,
        field="text",
        value=text,
    )


def parse_number(text: str) -> int | Decimal:
    """Read a number written with digits: the inverse of :func:`format_number`.

    Returns an ``int`` when there is no fractional part, a ``Decimal`` otherwise; a
    percentage is returned as a ratio (``"۶۵٪"`` → ``Decimal("0.65")``). For numbers
    written in words use :func:`maskan.persian.words_to_number`.

    >>> parse_number("۱۲٫۵")
    Decimal('12.5')
    >>> parse_number("1,234,567")
    1234567
    >>> parse_number("۶۵٪")
    Decimal('0.65')
    >>> parse_number("‎−۱۲")
    -12
    """
    if not isinstance(text, str):
        raise InvalidNumber(
            f"text: parse_number() takes a str, not {type(text).__name__}",
            message_fa=f"text: ورودی parse_number باید متن باشد، نه {type(text).__name__}",
            code="type",
            field="text",
            value=text,
        )
    if len(text) > _MAX_INPUT:
        raise _number_error(
            text, "is too long to be a number", "برای یک عدد بیش از حد طولانی است", "too_long"
        )
    cleaned = (
        to_latin_digits(text)
        .translate(_SEPARATORS)
        .replace("\u200e", "")
        .replace("\u200f", "")
        .replace("\u200c", "")
        .strip()
    )
    if not cleaned:
        raise _number_error(text, "is empty", "خالی است", "empty")
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1].rstrip()
    if cleaned.count("/") == 1 and "." not in cleaned:
        cleaned = cleaned.replace("/", ".")
    if not _NUMBER.fullmatch(cleaned):
        raise _number_error(
            text,
            "is not a number (digits with optional grouping and one decimal point)",
            "عدد نیست (رقم، جداکننده‌ی هزارگان و حداکثر یک ممیز)",
            "syntax",
        )
    plain = cleaned.replace(",", "")
    if percent:
        return Decimal(plain).scaleb(-2)
    return Decimal(plain) if "." in plain else int(plain)


_SEPARATORS = str.maketrans({"٬": ",", "٫": ".", "٪": "%", "−": "-"})
