"""Persian presentation: digits, text normalization, numbers in words, numbers, money and dates.

Flat, stateless functions with keyword options, in the manner of Babel. Persian output
uses Persian digits and the CLDR separators for ``fa``: ``٬`` (grouping), ``٫`` (decimal)
and ``٪`` (percent).

>>> from maskan import persian
>>> persian.format_number(1234567)
'۱٬۲۳۴٬۵۶۷'
>>> persian.number_to_words(2500)
'دو هزار و پانصد'
"""

from __future__ import annotations

from maskan.persian.amounts import format_money, parse_money
from maskan.persian.dates import format_date, format_datetime
from maskan.persian.digits import to_latin_digits, to_persian_digits
from maskan.persian.numbers import format_number, format_percent, parse_number
from maskan.persian.text import normalize
from maskan.persian.words import number_to_words, ordinal_words, words_to_number

__all__ = [
    "format_date",
    "format_datetime",
    "format_money",
    "format_number",
    "format_percent",
    "normalize",
    "number_to_words",
    "ordinal_words",
    "parse_money",
    "parse_number",
    "to_latin_digits",
    "to_persian_digits",
    "words_to_number",
]
