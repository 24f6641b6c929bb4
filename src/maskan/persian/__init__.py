"""Persian presentation (under construction)."""

from maskan.persian.digits import to_latin_digits, to_persian_digits
from maskan.persian.numbers import format_number, format_percent, parse_number
from maskan.persian.text import normalize

__all__ = [
    "format_number",
    "format_percent",
    "normalize",
    "parse_number",
    "to_latin_digits",
    "to_persian_digits",
]
