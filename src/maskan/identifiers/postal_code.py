"""Postal code (کد پستی): 10 digits, usually printed ``NNNNN-NNNNN``.

There is no check digit. The rule is the one widely used in open-source validators
(DOMAIN.md §6.4, the regular expression
``\\b(?!(\\d)\\1{3})[13-9]{4}[1346-9][013-9]{5}\\b``, after StackOverflow question
48719799) [S, community convention]:

* no digit is 2;
* none of the first five digits is 0, and the fifth is not 5;
* the first four digits are not all the same.

Iran Post publishes no specification of its own (DOMAIN §6.4, §11 item 9 [U]).

>>> validate("۸۱۳۴۸-۷۹۱۵۶")
'8134879156'
>>> format("8134879156")
'81348-79156'
>>> is_valid("1234567890")
False
>>> validate("1234567890")
Traceback (most recent call last):
...
maskan.errors.InvalidPostalCode: postal_code: '1234567890' has a 2 in position 2; postal \
codes have no 2 in any position, no 0 in the first five and no 5 in the fifth
"""

from __future__ import annotations

from maskan.errors import InvalidIdentifier, InvalidPostalCode
from maskan.identifiers import _common
from maskan.persian.digits import to_persian_digits

__all__ = ["compact", "format", "is_valid", "validate"]

_KIND = _common.Kind(
    error=InvalidPostalCode,
    field="postal_code",
    name_en="a postal code",
    name_fa="کد پستی",
    shape_en="10 digits",
    shape_fa="۱۰ رقم",
)
# The digits each position may not hold (DOMAIN §6.4).
_FORBIDDEN = ("02", "02", "02", "02", "025", "2", "2", "2", "2", "2")


def compact(text: str) -> str:
    """Return ``text`` with ASCII digits and no separators; nothing else is checked.

    >>> compact("81348 - 79156")
    '8134879156'
    """
    return _common.clean(text, _KIND)


def validate(text: str) -> str:
    """Return the postal code in ``text`` in compact form, or raise
    :class:`~maskan.errors.InvalidPostalCode`.

    The error's ``code`` says why: ``type``, ``empty``, ``format``, ``length``,
    ``forbidden_digit`` or ``repeated_digits``.

    >>> validate("8134879156")
    '8134879156'
    >>> validate("1111879156")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidPostalCode: postal_code: '1111879156' starts with four equal digits, \
which the postal-code rule forbids
    """
    code = compact(text)
    problem = _problem(code)
    if problem is not None:
        raise _error(problem, text, code)
    return code


def is_valid(text: str) -> bool:
    """Return whether ``text`` holds a valid postal code; never raises.

    >>> is_valid("81348-79156"), is_valid("81348-79152"), is_valid(None)
    (True, False, False)
    """
    try:
        code = compact(text)
    except InvalidPostalCode:
        return False
    return _problem(code) is None


def _problem(code: str) -> str | None:
    """Why ``code`` (compact) is not a valid postal code, as an error code, or ``None``.

    Kept apart from the messages, so that :func:`is_valid` builds no error for a number
    that is merely wrong.
    """
    if not _common.is_digits(code):
        return "format"
    if len(code) != 10:
        return "length"
    if _forbidden(code) is not None:
        return "forbidden_digit"
    if code[:4] == code[0] * 4:
        return "repeated_digits"
    return None


def _forbidden(code: str) -> int | None:
    """The first position (from 1) holding a digit it may not hold, or ``None``."""
    for position, (digit, forbidden) in enumerate(zip(code, _FORBIDDEN, strict=True), 1):
        if digit in forbidden:
            return position
    return None


def _error(problem: str, text: object, code: str) -> InvalidIdentifier:
    if problem == "format":
        return _KIND.not_digits(text, code)
    if problem == "length":
        return _KIND.wrong_length(text, len(code))
    position = _forbidden(code)
    if position is not None:
        digit = code[position - 1]
        return _KIND.fail(
            "forbidden_digit",
            text,
            f"has a {digit} in position {position}; postal codes have no 2 in any "
            "position, no 0 in the first five and no 5 in the fifth",
            f"در جایگاه {to_persian_digits(position)} رقم {to_persian_digits(digit)} "
            "دارد؛ در کد پستی رقم ۲ هیچ جا، رقم ۰ در پنج رقم اول و رقم ۵ در جایگاه "
            "پنجم نمی‌آید",
        )
    return _KIND.fail(
        "repeated_digits",
        text,
        "starts with four equal digits, which the postal-code rule forbids",
        "با چهار رقم یکسان شروع می‌شود که قاعدهٔ کد پستی نمی‌پذیرد",
    )


def format(text: str) -> str:
    """Return the postal code in ``text`` as usually printed: ``NNNNN-NNNNN``.

    Raises :class:`~maskan.errors.InvalidPostalCode` for an invalid code.

    >>> format("۸۱۳۴۸۷۹۱۵۶")
    '81348-79156'
    """
    code = validate(text)
    return f"{code[:5]}-{code[5:]}"
