"""Iranian identifiers, one module each, in the style of python-stdnum.

Every module has ``compact(text)`` (the canonical ASCII form), ``validate(text)`` (the
compact form, or raises that module's :class:`~maskan.errors.InvalidIdentifier`),
``is_valid(text)`` (never raises) and ``format(text)`` (the usual printed form). Input
may use Persian, Arabic-Indic or ASCII digits, with spaces, dashes, dots or ZWNJ.

>>> from maskan.identifiers import national_id, sheba
>>> national_id.validate("۰۴۹۹۳۷۰۸۹۹")
'0499370899'
>>> sheba.bank("IR82 0540 1026 8002 0817 9090 02").name_en
'Parsian'
"""

from maskan.identifiers import (
    bank_card,
    banks,
    legal_id,
    mobile,
    national_id,
    postal_code,
    sheba,
)

__all__ = [
    "bank_card",
    "banks",
    "legal_id",
    "mobile",
    "national_id",
    "postal_code",
    "sheba",
]
