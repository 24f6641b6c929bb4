"""What every identifier module shares: reading the input, and building its errors."""

from __future__ import annotations

import attrs

from maskan.errors import InvalidIdentifier, describe
from maskan.persian.digits import to_latin_digits, to_persian_digits

# Real input is under 40 characters even with spaces; refusing longer input before any
# work keeps a multi-megabyte string from being copied and scanned.
MAX_INPUT_LENGTH = 100

# Characters people type or paste between the digits: "049-937089-9", "(0912) 123.4567".
# Bidirectional marks and zero-width characters come along when a number is copied out
# of right-to-left Persian text.
_SEPARATORS = (
    "-.()\u2010\u2011\u2012\u2013\u2014\u2015\u2212"  # ASCII, then Unicode dashes
    "\u200b\u200c\u200d\u200e\u200f\u061c\u2066\u2067\u2068\u2069\ufeff"
    "\u202a\u202b\u202c\u202d\u202e"
)
_WHITESPACE = "".join(char for char in map(chr, range(0x3001)) if char.isspace())
_REMOVE = str.maketrans(dict.fromkeys(_SEPARATORS + _WHITESPACE))


def is_digits(text: str) -> bool:
    """True when ``text`` is non-empty and only ASCII digits (``str.isdigit`` alone also
    accepts superscripts and other scripts' digits)."""
    return text.isdigit() and text.isascii()


@attrs.frozen(kw_only=True)
class Kind:
    """How one identifier module names itself in errors."""

    error: type[InvalidIdentifier]
    field: str
    name_en: str
    name_fa: str
    # The expected shape, used by every length message: "10 digits", "IR and 24 digits".
    shape_en: str
    shape_fa: str

    def fail(self, code: str, value: object, what: str, what_fa: str) -> InvalidIdentifier:
        """Build the module's error: ``"<field>: <value> <what>"``, and the Persian twin."""
        return self.error(
            f"{self.field}: {describe(value)} {what}",
            message_fa=f"{self.name_fa}: {describe(value)} {what_fa}",
            code=code,
            field=self.field,
            value=value,
        )

    def wrong_length(self, value: object, count: int) -> InvalidIdentifier:
        return self.fail(
            "length",
            value,
            f"has {count} digits; {self.name_en} has {self.shape_en}",
            f"{to_persian_digits(count)} رقم دارد؛ {self.name_fa} {self.shape_fa} دارد",
        )

    def not_digits(self, value: object, text: str) -> InvalidIdentifier:
        bad = next(char for char in text if not is_digits(char))
        return self.fail(
            "format",
            value,
            f"contains {bad!r}; {self.name_en} is written with digits only",
            f"نویسهٔ {bad!r} دارد؛ {self.name_fa} فقط رقم دارد",
        )


def clean(value: object, kind: Kind) -> str:
    """Return ``value`` with its digits in ASCII and its spaces and separators removed.

    Raises the module's error, code ``type`` when ``value`` is not a ``str``, ``length``
    when it is far too long to be read, ``empty`` when nothing is left.
    """
    if not isinstance(value, str):
        raise _wrong_type(value, kind)
    if len(value) > MAX_INPUT_LENGTH:
        raise kind.fail(
            "length",
            value,
            f"is too long; {kind.name_en} has {kind.shape_en}",
            f"بیش از حد بلند است؛ {kind.name_fa} {kind.shape_fa} دارد",
        )
    if value.isascii() and value.isalnum():
        # Nothing to fold or remove: the common case, kept fast.
        return value
    text = to_latin_digits(value).translate(_REMOVE)
    if not text:
        raise kind.fail("empty", value, "is empty", "خالی است")
    return text


def _wrong_type(value: object, kind: Kind) -> InvalidIdentifier:
    name = type(value).__name__
    if isinstance(value, int | float) and not isinstance(value, bool):
        # A number cannot carry leading zeros, and they are part of these identifiers:
        # 0499370899 read as an int is 499370899. Text is the only faithful form.
        return kind.fail(
            "type",
            value,
            f"is a number ({name}), not text; pass {kind.name_en} as a str, "
            "because a number loses its leading zeros",
            f"عدد ({name}) است، نه متن؛ {kind.name_fa} را به صورت متن بدهید، "
            "چون عدد صفرهای ابتدایی را از دست می‌دهد",
        )
    return kind.fail(
        "type",
        value,
        f"is not text but {name}; pass {kind.name_en} as a str",
        f"از نوع {name} است، نه متن؛ {kind.name_fa} را به صورت متن بدهید",
    )


def digits_before_check(value: object, kind: Kind, length: int) -> str:
    """Return ``value`` cleaned, for a ``calc_check_digit`` function that needs exactly
    ``length`` digits, or raise the module's error."""
    code = clean(value, kind)
    if not is_digits(code):
        raise kind.not_digits(value, code)
    if len(code) != length:
        raise kind.fail(
            "length",
            value,
            f"has {len(code)} digits; the check is computed from {length} digits",
            f"{to_persian_digits(len(code))} رقم دارد؛ رقم کنترل از "
            f"{to_persian_digits(length)} رقم حساب می‌شود",
        )
    return code
