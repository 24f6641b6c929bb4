"""Iranian mobile numbers: ``09`` and nine more digits, ``+98 9…`` from abroad.

The canonical form is the 11 digits dialled inside Iran, ``09121234567`` (DOMAIN.md
§6.5). Accepted input: ``09121234567``, ``9121234567``, ``+98 912 123 4567``,
``0098 912…``, ``98 912…`` and ``+98 0912…``, in any digit script and with spaces,
dashes, dots or parentheses. A number with another country code is refused. There is no
check digit, so only the shape is checked: the length exactly, and the ``09`` that every
Iranian mobile number starts with.

>>> validate("+98 912 123 4567")
'09121234567'
>>> validate("۰۹۱۲-۱۲۳-۴۵۶۷")
'09121234567'
>>> format("989121234567")
'0912 123 4567'
>>> validate("+44 7911 123456")
Traceback (most recent call last):
...
maskan.errors.InvalidMobile: mobile: '+44 7911 123456' is not an Iranian number; only numbers \
with country code +98 are accepted

**Operator.** :func:`operator` names the operator that the number's prefix was assigned
to, from persian-tools 0.0.11 ``phone_number/operators.py`` (DOMAIN §6.5) [S, may be
outdated]. A number keeps its prefix when its owner moves to another operator, so this is
a hint, never a check: an unknown prefix is not an error.

>>> operator("09351234567").name_en
'Irancell'
>>> operator("09121234567").name_fa
'همراه اول'
"""

from __future__ import annotations

import attrs

from maskan.errors import InvalidIdentifier, InvalidMobile
from maskan.identifiers import _common
from maskan.persian.digits import to_persian_digits

__all__ = [
    "APTEL",
    "IRANCELL",
    "MCI",
    "RIGHTEL",
    "SAMANTEL",
    "SHATEL_MOBILE",
    "TALIYA",
    "TELEKISH",
    "Operator",
    "compact",
    "format",
    "is_valid",
    "operator",
    "validate",
]

_KIND = _common.Kind(
    error=InvalidMobile,
    field="mobile",
    name_en="a mobile number",
    name_fa="شماره همراه",
    shape_en="11 digits (09 and 9 more)",
    shape_fa="۱۱ رقم (۰۹ و ۹ رقم دیگر)",
)


@attrs.frozen(kw_only=True)
class Operator:
    """A mobile operator.

    >>> MCI.name_en, MCI.name_fa
    ('MCI', 'همراه اول')
    """

    name_en: str
    name_fa: str


# English names and prefixes from DOMAIN §6.5; Persian names from the same source file.
MCI = Operator(name_en="MCI", name_fa="همراه اول")
"""MCI (prefixes 0910-0919 and 0990-0996).

>>> operator("0912 123 4567") is MCI
True
"""
IRANCELL = Operator(name_en="Irancell", name_fa="ایرانسل")
"""Irancell (prefixes 0900-0905, 0930, 0933, 0935-0939 and 0941).

>>> operator("0935 123 4567") is IRANCELL
True
"""
RIGHTEL = Operator(name_en="RighTel", name_fa="رایتل")
"""RighTel (prefixes 0920-0923).

>>> operator("0921 123 4567") is RIGHTEL
True
"""
TALIYA = Operator(name_en="Taliya", name_fa="تالیا")
"""Taliya (prefix 0932).

>>> operator("0932 123 4567") is TALIYA
True
"""
TELEKISH = Operator(name_en="TeleKish", name_fa="تله کیش")
"""TeleKish (prefix 0934).

>>> operator("0934 123 4567") is TELEKISH
True
"""
SHATEL_MOBILE = Operator(name_en="Shatel Mobile", name_fa="شاتل موبایل")
"""Shatel Mobile (prefixes 099810-099817).

>>> operator("0998 101 2345") is SHATEL_MOBILE
True
"""
APTEL = Operator(name_en="ApTel", name_fa="آپتل")
"""ApTel (prefixes 099910, 099911, 099913 and 099914).

>>> operator("0999 101 2345") is APTEL
True
"""
SAMANTEL = Operator(name_en="SamanTel", name_fa="سامانتل")
"""SamanTel (prefix 09999).

>>> operator("0999 912 3456") is SAMANTEL
True
"""


def _prefixes(operator: Operator, *groups: str) -> dict[str, Operator]:
    """Map each prefix in ``groups`` ("0910-0919", "0930") to ``operator``."""
    prefixes: dict[str, Operator] = {}
    for group in groups:
        first, _, last = group.partition("-")
        width = len(first)
        for number in range(int(first), int(last or first) + 1):
            prefixes[str(number).zfill(width)] = operator
    return prefixes


_OPERATORS = {
    **_prefixes(MCI, "0910-0919", "0990-0996"),
    **_prefixes(IRANCELL, "0900-0905", "0930", "0933", "0935-0939", "0941"),
    **_prefixes(RIGHTEL, "0920-0923"),
    **_prefixes(TALIYA, "0932"),
    **_prefixes(TELEKISH, "0934"),
    **_prefixes(SHATEL_MOBILE, "099810-099817"),
    **_prefixes(APTEL, "099910", "099911", "099913", "099914"),
    **_prefixes(SAMANTEL, "09999", "099999"),
}
_PREFIX_LENGTHS = sorted({len(prefix) for prefix in _OPERATORS}, reverse=True)


def compact(text: str) -> str:
    """Return the number in ``text`` in the form dialled inside Iran, without separators.

    Only the country code is handled here (``+98``, ``0098``, ``98``, a missing leading
    ``0``); nothing is checked.

    >>> compact("+98 (912) 123-4567")
    '09121234567'
    >>> compact("۹۱۲۱۲۳۴۵۶۷")
    '09121234567'
    """
    code = _common.clean(text, _KIND)
    if code.startswith("+98"):
        code = code[3:]
    elif code.startswith("0098"):
        code = code[4:]
    elif code.startswith("98") and len(code) in (12, 13):
        # Without "+" or "00", "98" is a country code only at these lengths: "98 912…"
        # and "98 0912…". A 10-digit "98…" is a national number missing its "0".
        code = code[2:]
    elif code.startswith(("+", "00")):
        return code
    return code if code.startswith("0") else "0" + code


def validate(text: str) -> str:
    """Return the mobile number in ``text`` as 11 digits ``09…``, or raise
    :class:`~maskan.errors.InvalidMobile`.

    The error's ``code`` says why: ``type``, ``empty``, ``country``, ``format``,
    ``length`` or ``prefix``.

    >>> validate("00989121234567")
    '09121234567'
    >>> validate("0912123456")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidMobile: mobile: '0912123456' has 10 digits written as 09…; a mobile \
number has 11 digits (09 and 9 more)
    >>> validate("02112345678")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidMobile: mobile: '02112345678' does not start with 09 (or +98 9), so it \
is not a mobile number
    """
    code = compact(text)
    problem = _problem(code)
    if problem is not None:
        raise _error(problem, text, code)
    return code


def is_valid(text: str) -> bool:
    """Return whether ``text`` holds a valid mobile number; never raises.

    >>> is_valid("0912 123 4567"), is_valid("0912 123 456"), is_valid(9121234567)
    (True, False, False)
    """
    try:
        code = compact(text)
    except InvalidMobile:
        return False
    return _problem(code) is None


def _problem(code: str) -> str | None:
    """Why ``code`` (compact) is not a valid mobile number, as an error code, or ``None``.

    Kept apart from the messages, so that :func:`is_valid` builds no error for a number
    that is merely wrong.
    """
    if code.startswith(("+", "00")):
        return "country"
    if not _common.is_digits(code):
        return "format"
    if len(code) != 11:
        return "length"
    if not code.startswith("09"):
        return "prefix"
    return None


def _error(problem: str, text: object, code: str) -> InvalidIdentifier:
    if problem == "country":
        return _KIND.fail(
            "country",
            text,
            "is not an Iranian number; only numbers with country code +98 are accepted",
            "شماره ایران نیست؛ فقط شماره‌های با پیش‌شماره کشور ‎+98 پذیرفته می‌شوند",
        )
    if problem == "format":
        return _KIND.not_digits(text, code)
    if problem == "length":
        return _KIND.fail(
            "length",
            text,
            f"has {len(code)} digits written as 09…; a mobile number has 11 digits (09 and 9 more)",
            f"به شکل ۰۹… {to_persian_digits(len(code))} رقم دارد؛ شماره همراه ۱۱ رقم دارد "
            "(۰۹ و ۹ رقم دیگر)",
        )
    return _KIND.fail(
        "prefix",
        text,
        "does not start with 09 (or +98 9), so it is not a mobile number",
        "با ۰۹ (یا ‎+98 9) شروع نمی‌شود و شماره همراه نیست",
    )


def format(text: str) -> str:
    """Return the mobile number in ``text`` as usually printed: ``0912 123 4567``.

    Raises :class:`~maskan.errors.InvalidMobile` for an invalid number.

    >>> format("+989121234567")
    '0912 123 4567'
    """
    code = validate(text)
    return f"{code[:4]} {code[4:7]} {code[7:]}"


def operator(text: str) -> Operator | None:
    """Return the operator the number's prefix was assigned to, or ``None`` when the
    prefix is not in the table. A hint only: numbers keep their prefix when they move
    to another operator.

    Raises :class:`~maskan.errors.InvalidMobile` for an invalid number.

    >>> operator("0920 123 4567") is RIGHTEL
    True
    >>> operator("09980123456") is None
    True
    """
    code = validate(text)
    for length in _PREFIX_LENGTHS:
        found = _OPERATORS.get(code[:length])
        if found is not None:
            return found
    return None
