"""Bank card number (شماره کارت): the 16 digits on an Iranian debit card (Shetab network).

The last digit is a Luhn check digit (ISO/IEC 7812-1), as on payment cards everywhere:
from the right, double every second digit, subtract 9 from any result above 9, and add
everything up; the total must be a multiple of 10. Exactly 16 digits are accepted.

>>> validate("6037 9911 2345 6786")
'6037991123456786'
>>> validate("۶۰۳۷-۹۹۱۱-۲۳۴۵-۶۷۸۶")
'6037991123456786'
>>> format("6037991123456786")
'6037 9911 2345 6786'
>>> validate("6037 9911 2345 6789")
Traceback (most recent call last):
...
maskan.errors.InvalidBankCard: bank_card: '6037 9911 2345 6789' fails the Luhn check; look \
for a mistyped or swapped digit

The Luhn check catches every single mistyped digit, and every swap of two adjacent digits
except ``09`` ↔ ``90``.

The bank comes from the card prefixes (the first six digits) in
:mod:`maskan.identifiers.banks`, taken from persian-tools [S]. They are a hint: a prefix
that table does not list gives ``None``, and never makes a number invalid.

>>> bank("6280 2312 3456 7898").name_en
'Maskan'
"""

from __future__ import annotations

from maskan.errors import InvalidBankCard, InvalidIdentifier
from maskan.identifiers import _common, banks

__all__ = ["bank", "calc_check_digit", "compact", "format", "is_valid", "validate"]

_KIND = _common.Kind(
    error=InvalidBankCard,
    field="bank_card",
    name_en="a bank card number",
    name_fa="شماره کارت",
    shape_en="16 digits",
    shape_fa="۱۶ رقم",
)
# Maps each ASCII digit to the Luhn value of that digit doubled, as a byte, so that a
# whole slice of digits is converted by one bytes.translate and added by one sum.
_DOUBLED = bytes.maketrans(b"0123456789", bytes((2 * d) // 10 + (2 * d) % 10 for d in range(10)))
_PLAIN = bytes.maketrans(b"0123456789", bytes(range(10)))


def compact(text: str) -> str:
    """Return ``text`` with ASCII digits and no separators; nothing else is checked.

    >>> compact("6037-9911-2345-6786")
    '6037991123456786'
    """
    return _common.clean(text, _KIND)


def _luhn_total(code: bytes) -> int:
    """Luhn sum of ``code``, ASCII digits: every second digit from the right doubled."""
    return sum(code[-2::-2].translate(_DOUBLED)) + sum(code[::-2].translate(_PLAIN))


def calc_check_digit(text: str) -> str:
    """Return the Luhn check digit for the first 15 digits of a card number.

    >>> calc_check_digit("603799112345678")
    '6'
    """
    code = _common.digits_before_check(text, _KIND, 15)
    return str(-_luhn_total(code.encode() + b"0") % 10)


def validate(text: str) -> str:
    """Return the card number in ``text`` in compact form, or raise
    :class:`~maskan.errors.InvalidBankCard`.

    The error's ``code`` says why: ``type``, ``empty``, ``format``, ``length`` or
    ``checksum``.

    >>> validate("6037 9911 2345 678")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidBankCard: bank_card: '6037 9911 2345 678' has 15 digits; a bank card \
number has 16 digits
    """
    code = compact(text)
    problem = _problem(code)
    if problem is not None:
        raise _error(problem, text, code)
    return code


def is_valid(text: str) -> bool:
    """Return whether ``text`` holds a valid card number; never raises.

    >>> is_valid("6037991123456786"), is_valid("6037991123456787")
    (True, False)
    """
    try:
        code = compact(text)
    except InvalidBankCard:
        return False
    return _problem(code) is None


def _problem(code: str) -> str | None:
    """Why ``code`` (compact) is not a valid card number, as an error code, or ``None``.

    Kept apart from the messages, so that :func:`is_valid` builds no error for a number
    that is merely wrong.
    """
    if not _common.is_digits(code):
        return "format"
    if len(code) != 16:
        return "length"
    if _luhn_total(code.encode()) % 10:
        return "checksum"
    return None


def _error(problem: str, text: object, code: str) -> InvalidIdentifier:
    if problem == "format":
        return _KIND.not_digits(text, code)
    if problem == "length":
        return _KIND.wrong_length(text, len(code))
    return _KIND.fail(
        "checksum",
        text,
        "fails the Luhn check; look for a mistyped or swapped digit",
        "رقم کنترل (رقم آخر) درست نیست؛ شاید رقمی اشتباه یا جابه‌جا نوشته شده است",
    )


def format(text: str) -> str:
    """Return the card number in ``text`` as printed on the card: four groups of four.

    Raises :class:`~maskan.errors.InvalidBankCard` for an invalid number.

    >>> format("۶۰۳۷۹۹۱۱۲۳۴۵۶۷۸۶")
    '6037 9911 2345 6786'
    """
    code = validate(text)
    return f"{code[:4]} {code[4:8]} {code[8:12]} {code[12:]}"


def bank(text: str) -> banks.Bank | None:
    """Return the bank that issued the card, from its first six digits, or ``None``.

    The prefixes are those of :mod:`maskan.identifiers.banks`; a prefix missing there gives
    ``None``. Raises :class:`~maskan.errors.InvalidBankCard` for an invalid number.

    >>> "628023123456789" + calc_check_digit("628023123456789")
    '6280231234567898'
    >>> bank("6280231234567898").name_fa
    'بانک مسکن'
    >>> bank("5029081234567895").name_en
    "Tose'e Ta'avon (Cooperative Development Bank)"
    >>> bank("1234561234567896") is None
    True
    """
    return banks.by_card_prefix(validate(text)[:6])
