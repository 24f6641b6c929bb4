"""Digit scripts: ASCII ``0-9``, Persian ``۰-۹`` and Arabic-Indic ``٠-٩``.

Persian digits are U+06F0-U+06F9, Arabic-Indic digits U+0660-U+0669.

Iranian users type all three, often mixed in one string (a phone keyboard gives Persian
digits, a copied PDF gives Arabic-Indic ones). These functions convert every digit and
leave every other character untouched.

>>> to_persian_digits("1404/09/04")
'۱۴۰۴/۰۹/۰۴'
>>> to_latin_digits("۱۴۰۴/٠٩/۰۴")
'1404/09/04'
"""

from __future__ import annotations

from maskan.errors import InvalidText, describe

__all__ = ["to_latin_digits", "to_persian_digits"]

LATIN_DIGITS = "0123456789"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"

# Chained ``str.replace`` is several times faster than ``str.translate`` when the text is
# not pure ASCII (CPython 3.11, measured in benchmarks/persian.py).
_LATIN_TO_PERSIAN_PAIRS = tuple(zip(LATIN_DIGITS, PERSIAN_DIGITS, strict=True))
_ARABIC_TO_PERSIAN_PAIRS = tuple(zip(ARABIC_INDIC_DIGITS, PERSIAN_DIGITS, strict=True))
_PERSIAN_TO_LATIN_PAIRS = tuple(
    zip(PERSIAN_DIGITS + ARABIC_INDIC_DIGITS, LATIN_DIGITS * 2, strict=True)
)


def _as_text(text: object, function: str) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, int) and not isinstance(text, bool):
        try:
            return str(text)
        except ValueError:  # beyond the interpreter's limit (4300 digits unless changed)
            raise InvalidText(
                f"text: {describe(text)} is too long to write",
                message_fa=f"text: {describe(text)} برای نوشتن بیش از حد بلند است",
                code="too_long",
                field="text",
                value=text,
            ) from None
    raise InvalidText(
        f"text: {function}() takes a str or an int, not {type(text).__name__}",
        message_fa=f"text: ورودی {function} باید متن یا عدد صحیح باشد، نه {type(text).__name__}",
        code="type",
        field="text",
        value=text,
    )


def to_persian_digits(text: str | int) -> str:
    """Write every ASCII or Arabic-Indic digit of ``text`` as a Persian digit.

    An ``int`` is accepted for convenience. Everything that is not a digit is kept as is.

    >>> to_persian_digits("Unit 12, block ٣")
    'Unit ۱۲, block ۳'
    >>> to_persian_digits(1404)
    '۱۴۰۴'
    """
    text = _as_text(text, "to_persian_digits")
    for latin, persian in _LATIN_TO_PERSIAN_PAIRS:
        if latin in text:
            text = text.replace(latin, persian)
    if not text.isascii():
        for arabic, persian in _ARABIC_TO_PERSIAN_PAIRS:
            if arabic in text:
                text = text.replace(arabic, persian)
    return text


def to_latin_digits(text: str | int) -> str:
    """Write every Persian or Arabic-Indic digit of ``text`` as an ASCII digit.

    >>> to_latin_digits("کد ملی: ۰۴۹۹۳۷۰۸۹۹")
    'کد ملی: 0499370899'
    >>> to_latin_digits("٢٥٠ میلیون")
    '250 میلیون'
    """
    text = _as_text(text, "to_latin_digits")
    if text.isascii():
        return text
    for persian, latin in _PERSIAN_TO_LATIN_PAIRS:
        if persian in text:
            text = text.replace(persian, latin)
    return text
