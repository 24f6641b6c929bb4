"""The error of an impossible allocation request, and the helpers that build it.

Part of :mod:`maskan.allocation`, which re-exports :class:`AllocationError`.
"""

from __future__ import annotations

from maskan.errors import AllocationError, describe
from maskan.persian.digits import to_persian_digits

__all__ = ["AllocationError", "refuse"]


def refuse(code: str, field: str, value: object, message: str, message_fa: str) -> AllocationError:
    """The error of a refused request: ``"<field>: <message>"`` in English, and the
    Persian message with Persian digits.

    >>> error = refuse("no_units", "units", (), "no units are offered", "هیچ واحدی نیست")
    >>> error.code, error.field, str(error)
    ('no_units', 'units', 'units: no units are offered')
    """
    return AllocationError(
        f"{field}: {message}",
        message_fa=f"{field}: {to_persian_digits(message_fa)}",
        code=code,
        field=field,
        value=value,
    )


def wrong_type(field: str, value: object, expected: str, expected_fa: str) -> AllocationError:
    """A :func:`refuse` with code ``type``: ``value`` is not an ``expected``.

    >>> print(wrong_type("units", 5, "a Unit", "واحد مسکونی"))
    units: 5 is a int, not a Unit
    """
    found = type(value).__name__
    return refuse(
        "type",
        field,
        value,
        f"{describe(value)} is a {found}, not {expected}",
        f"مقدار {describe(value)} از نوع {found} است، نه {expected_fa}",
    )
