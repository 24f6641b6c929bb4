"""maskan: a typed SDK for Iranian housing cooperatives, eligibility and Persian formatting.

The names most users need are importable from here; each lives in a module of its own
(:mod:`maskan.persian`, :mod:`maskan.calendar`, :mod:`maskan.money`, :mod:`maskan.errors`).

>>> import maskan
>>> maskan.format_money(maskan.Rial(25_000_000_000), unit="toman", style="compact")
'۲ میلیارد و ۵۰۰ میلیون تومان'
>>> maskan.format_date(maskan.jdate(1404, 9, 4))
'۴ آذر ۱۴۰۴'
"""

from __future__ import annotations

from maskan.calendar import jdate, parse_date, to_jalali
from maskan.errors import InvalidAmount, InvalidDate, InvalidNumber, MaskanError
from maskan.money import Rial
from maskan.persian import (
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    normalize,
    number_to_words,
    ordinal_words,
    parse_money,
    parse_number,
    to_latin_digits,
    to_persian_digits,
    words_to_number,
)

__version__ = "0.1.0"

__all__ = [
    "InvalidAmount",
    "InvalidDate",
    "InvalidNumber",
    "MaskanError",
    "Rial",
    "__version__",
    "format_date",
    "format_datetime",
    "format_money",
    "format_number",
    "format_percent",
    "jdate",
    "normalize",
    "number_to_words",
    "ordinal_words",
    "parse_date",
    "parse_money",
    "parse_number",
    "to_jalali",
    "to_latin_digits",
    "to_persian_digits",
    "words_to_number",
]
