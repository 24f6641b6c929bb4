"""Legal-entity national ID (شناسه ملی اشخاص حقوقی): 11 digits, given to every company,
cooperative and institution.

The rule (DOMAIN.md §6.3, from persian-tools 0.0.11 ``legal_id.validate``, MIT,
https://github.com/persian-tools/py-persian-tools) [S]:

1. The number has 11 digits ``d1 … d11``; ``d11`` is the check digit.
2. ``c = d10 + 2``.
3. ``s = Σ (dᵢ + c) × W[i]`` over the first ten digits, with weights
   ``W = 29, 27, 23, 19, 17`` repeated.
4. ``r = s mod 11``, and ``r = 0`` when it is 10; the number is valid when ``r = d11``.

>>> validate("14011517510")
'14011517510'
>>> validate("۱۰۳۸۰-۲۸۴۷۹۰")
'10380284790'
>>> is_valid("84735069516")
False

persian-tools pads shorter input with zeros to 11 digits. maskan does not: no legal ID
in DOMAIN starts with 0, and a 10-digit number is most often a personal national ID typed
into the wrong field, which padded would pass this checksum one time in eleven.

>>> validate("0499370899")
Traceback (most recent call last):
...
maskan.errors.InvalidLegalId: legal_id: '0499370899' has 10 digits; a legal-entity ID has \
11 digits (10 digits is the length of a personal national ID)

``33333333333`` is the only number made of one repeated digit that passes the checksum.
As for national IDs, it is refused unless the caller passes ``allow_repeated=True``.

**What the check digit cannot catch.** Remainders 0 and 10 both give check digit 0, so
every single mistyped digit and every swap of two adjacent digits is caught, except when
one of the two numbers (the right one or the mistyped one) has ``r = 10``. Counted over
all 10¹⁰ numbers that pass the checksum, 1.7% of single-digit typos and 1.8% of adjacent
swaps go unnoticed, all of that kind:

>>> is_valid("10380284790"), is_valid("10380284700")
(True, True)

No grouping is in common use, so :func:`format` returns the 11 digits.
"""

from __future__ import annotations

from operator import mul

from maskan.errors import InvalidIdentifier, InvalidLegalId
from maskan.identifiers import _common

__all__ = ["calc_check_digit", "compact", "format", "is_valid", "validate"]

_KIND = _common.Kind(
    error=InvalidLegalId,
    field="legal_id",
    name_en="a legal-entity ID",
    name_fa="شناسه ملی",
    shape_en="11 digits",
    shape_fa="۱۱ رقم",
)
_WEIGHTS = (29, 27, 23, 19, 17) * 2
# s = Σ dᵢ·Wᵢ + c·ΣW. The digits are summed as ASCII bytes, so ord("0")·ΣW comes off.
_WEIGHT_SUM = sum(_WEIGHTS)
_ASCII_OFFSET = ord("0") * _WEIGHT_SUM


def compact(text: str) -> str:
    """Return ``text`` with ASCII digits and no separators; nothing else is checked.

    >>> compact("۱۴۰۱۱ ۵۱۷۵۱۰")
    '14011517510'
    """
    return _common.clean(text, _KIND)


def _check_digit(code: str) -> int:
    c = ord(code[9]) - ord("0") + 2
    remainder: int = (sum(map(mul, code.encode(), _WEIGHTS)) - _ASCII_OFFSET + c * _WEIGHT_SUM) % 11
    return 0 if remainder == 10 else remainder


def calc_check_digit(text: str) -> str:
    """Return the check digit (the 11th digit) for the first ten digits of a legal ID.

    >>> calc_check_digit("1401151751")
    '0'
    """
    code = _common.digits_before_check(text, _KIND, 10)
    return str(_check_digit(code))


def validate(text: str, *, allow_repeated: bool = False) -> str:
    """Return the legal ID in ``text`` in compact form, or raise
    :class:`~maskan.errors.InvalidLegalId`.

    The error's ``code`` says why: ``type``, ``empty``, ``format``, ``length``,
    ``repeated_digits`` or ``checksum``.

    >>> validate("10100387143")
    '10100387143'
    >>> validate("11111111111")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidLegalId: legal_id: '11111111111' has a wrong check digit (the last \
digit); look for a mistyped or swapped digit
    """
    code = compact(text)
    problem = _problem(code, allow_repeated)
    if problem is not None:
        raise _error(problem, text, code)
    return code


def is_valid(text: str, *, allow_repeated: bool = False) -> bool:
    """Return whether ``text`` holds a valid legal ID; never raises.

    >>> is_valid("10380284790"), is_valid("10380284791"), is_valid(10380284790)
    (True, False, False)
    """
    try:
        code = compact(text)
    except InvalidLegalId:
        return False
    return _problem(code, allow_repeated) is None


def _problem(code: str, allow_repeated: bool) -> str | None:
    """Why ``code`` (compact) is not a valid legal ID, as an error code, or ``None``.

    Kept apart from the messages, so that :func:`is_valid` builds no error for a number
    that is merely wrong.
    """
    if not _common.is_digits(code):
        return "format"
    if len(code) != 11:
        return "length"
    if ord(code[10]) - ord("0") != _check_digit(code):
        return "checksum"
    if not allow_repeated and code == code[0] * 11:
        return "repeated_digits"
    return None


def _error(problem: str, text: object, code: str) -> InvalidIdentifier:
    if problem == "format":
        return _KIND.not_digits(text, code)
    if problem == "length":
        if len(code) == 10:
            return _KIND.fail(
                "length",
                text,
                "has 10 digits; a legal-entity ID has 11 digits (10 digits is the length "
                "of a personal national ID)",
                "۱۰ رقم دارد؛ شناسه ملی اشخاص حقوقی ۱۱ رقم دارد (کد ملی اشخاص ۱۰ رقمی است)",
            )
        return _KIND.wrong_length(text, len(code))
    if problem == "checksum":
        return _KIND.fail(
            "checksum",
            text,
            "has a wrong check digit (the last digit); look for a mistyped or swapped digit",
            "رقم کنترل (رقم آخر) درست نیست؛ شاید رقمی اشتباه یا جابه‌جا نوشته شده است",
        )
    return _KIND.fail(
        "repeated_digits",
        text,
        "is one digit repeated, usually a placeholder; pass allow_repeated=True to accept it",
        "از تکرار یک رقم ساخته شده و معمولاً عددی ساختگی است؛ برای پذیرفتن آن "
        "allow_repeated=True بدهید",
    )


def format(text: str, *, allow_repeated: bool = False) -> str:
    """Return the legal ID in ``text`` as printed: its 11 digits.

    Raises :class:`~maskan.errors.InvalidLegalId` for an invalid number.

    >>> format("۱۴۰۱۱۵۱۷۵۱۰")
    '14011517510'
    """
    return validate(text, allow_repeated=allow_repeated)
