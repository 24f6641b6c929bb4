"""Sheba number (شماره شبا): the Iranian IBAN, ``IR`` and 24 digits.

The rule (DOMAIN.md §6.6) [S]: 26 characters, ``IR``, two check digits, then 22 digits
whose first three are the bank code. The check is ISO 7064 mod 97-10, as for every IBAN:
move ``IR`` and the check digits to the end, write the letters as numbers (``I`` = 18,
``R`` = 27), and the remainder of the resulting number divided by 97 must be 1.

Input may be lowercase, use Persian digits and be split by spaces or dashes; the 24
digits without ``IR`` (forms often print the ``IR`` for you) are accepted as well.

>>> validate("IR82 0540 1026 8002 0817 9090 02")
'IR820540102680020817909002'
>>> validate("ir۸۲۰۵۴۰۱۰۲۶۸۰۰۲۰۸۱۷۹۰۹۰۰۲")
'IR820540102680020817909002'
>>> format("IR820540102680020817909002")
'IR82 0540 1026 8002 0817 9090 02'
>>> bank("IR820540102680020817909002").name_fa
'بانک پارسیان'
>>> validate("IR820540102680020817909003")
Traceback (most recent call last):
...
maskan.errors.InvalidSheba: sheba: 'IR820540102680020817909003' fails the ISO 7064 mod 97-10 \
check; look for a mistyped or swapped digit

The check digits themselves are ``98 − (remainder)``, from 02 to 98, so 00, 01 and 99
are refused too. The check catches every single mistyped digit (97 is a prime, larger
than any change one digit can make) and every swap of two adjacent characters (10 has
order 96 modulo 97, so no two places weigh the same), with no exception.

The bank comes from the bank-code table in :mod:`maskan.identifiers.banks`; a code that is
not in the table leaves :func:`bank` with ``None`` but never makes a number invalid.
"""

from __future__ import annotations

from maskan.errors import InvalidIdentifier, InvalidSheba
from maskan.identifiers import _common, banks
from maskan.persian.digits import to_persian_digits

__all__ = ["bank", "calc_check_digits", "compact", "format", "is_valid", "validate"]

_KIND = _common.Kind(
    error=InvalidSheba,
    field="sheba",
    name_en="a Sheba number",
    name_fa="شماره شبا",
    shape_en="IR and 24 digits",
    shape_fa="IR و ۲۴ رقم",
)
_COUNTRY = "IR"
# "IR" with I = 18 and R = 27, as the ISO 7064 check writes letters.
_COUNTRY_DIGITS = "1827"


def compact(text: str) -> str:
    """Return ``text`` as ``IR`` and ASCII digits with no separators; nothing is checked.

    >>> compact("ir82-0540-1026-8002-0817-9090-02")
    'IR820540102680020817909002'
    >>> compact("820540102680020817909002")
    'IR820540102680020817909002'
    """
    code = _common.clean(text, _KIND).upper()
    if len(code) == 24 and _common.is_digits(code):
        return _COUNTRY + code
    return code


def calc_check_digits(text: str) -> str:
    """Return the two check digits for the 22 digits that follow them (bank code and
    account), as when building a Sheba number.

    >>> calc_check_digits("0540102680020817909002")
    '82'
    """
    code = _common.digits_before_check(text, _KIND, 22)
    return f"{98 - int(code + _COUNTRY_DIGITS + '00') % 97:02d}"


def validate(text: str) -> str:
    """Return the Sheba number in ``text`` in compact form, or raise
    :class:`~maskan.errors.InvalidSheba`.

    The error's ``code`` says why: ``type``, ``empty``, ``country``, ``format``,
    ``length`` or ``checksum``.

    >>> validate("DE89 3704 0044 0532 0130 00")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidSheba: sheba: 'DE89 3704 0044 0532 0130 00' is not an Iranian \
account number (it starts with 'DE'); a Sheba number starts with IR
    """
    code = compact(text)
    problem = _problem(code)
    if problem is not None:
        raise _error(problem, text, code)
    return code


def is_valid(text: str) -> bool:
    """Return whether ``text`` holds a valid Sheba number; never raises.

    >>> is_valid("IR820540102680020817909002"), is_valid("IR280540102680020817909002")
    (True, False)
    """
    try:
        code = compact(text)
    except InvalidSheba:
        return False
    return _problem(code) is None


def _problem(code: str) -> str | None:
    """Why ``code`` (compact) is not a valid Sheba number, as an error code, or ``None``.

    Kept apart from the messages, so that :func:`is_valid` builds no error for a number
    that is merely wrong.
    """
    if not code.startswith(_COUNTRY):
        if _country(code) is not None:
            return "country"
        return "length" if _common.is_digits(code) else "format"
    digits = code[2:]
    if digits and not _common.is_digits(digits):
        return "format"
    if len(digits) != 24:
        return "length"
    # Check digits are made as 98 minus a remainder (see calc_check_digits), so 00, 01
    # and 99 never occur, although each passes the division when 97, 98 or 02 would.
    if not "02" <= digits[:2] <= "98" or int(digits[2:] + _COUNTRY_DIGITS + digits[:2]) % 97 != 1:
        return "checksum"
    return None


def _country(code: str) -> str | None:
    """The two letters ``code`` starts with, if it starts with two ASCII letters."""
    country = code[:2]
    return country if len(country) == 2 and country.isascii() and country.isalpha() else None


def _error(problem: str, text: object, code: str) -> InvalidIdentifier:
    if problem == "country":
        return _KIND.fail(
            "country",
            text,
            f"is not an Iranian account number (it starts with {_country(code)!r}); "
            "a Sheba number starts with IR",
            f"شماره حساب ایرانی نیست (با {_country(code)!r} شروع می‌شود)؛ شماره شبا با IR "
            "شروع می‌شود",
        )
    has_country = code.startswith(_COUNTRY)
    if problem == "format":
        return _KIND.not_digits(text, code[2:] if has_country else code)
    if problem == "length" and not has_country:
        return _KIND.wrong_length(text, len(code))
    if problem == "length":
        digits = code[2:]
        return _KIND.fail(
            "length",
            text,
            f"has IR and {len(digits)} digits; a Sheba number has IR and 24 digits",
            f"IR و {to_persian_digits(len(digits))} رقم دارد؛ شماره شبا IR و ۲۴ رقم دارد",
        )
    return _KIND.fail(
        "checksum",
        text,
        "fails the ISO 7064 mod 97-10 check; look for a mistyped or swapped digit",
        "رقم‌های کنترل با بقیهٔ شماره نمی‌خوانند؛ شاید رقمی اشتباه یا جابه‌جا نوشته شده است",
    )


def format(text: str) -> str:
    """Return the Sheba number in ``text`` as printed: ``IR`` and groups of four.

    Raises :class:`~maskan.errors.InvalidSheba` for an invalid number.

    >>> format("ir820540102680020817909002")
    'IR82 0540 1026 8002 0817 9090 02'
    """
    code = validate(text)
    return " ".join(code[start : start + 4] for start in range(0, len(code), 4))


def bank(text: str) -> banks.Bank | None:
    """Return the bank that holds the account, from the bank code (characters 5-7), or
    ``None`` when the code is not in the table.

    Raises :class:`~maskan.errors.InvalidSheba` for an invalid number.

    >>> bank("IR820540102680020817909002").name_en
    'Parsian'
    """
    return banks.by_sheba_code(validate(text)[4:7])
