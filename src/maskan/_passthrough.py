"""Field converters that give back, unchanged, a value already of their field's type.

A model's converters turn what a caller passes into the stored form: text into a date,
a code into an enum member, a list into a tuple. Some of them, given a value that is
already in that form, return it as it is and check nothing more: a ``datetime.date`` for
a date field, a member of the field's enum, a tuple of the field's records, ``True``,
``False`` or ``None`` for a flag. The models list those converters here, and
:mod:`maskan.serde`, whose reading builds exactly those forms before it builds the
object, sets such a field without calling its converter. A converter that normalizes,
checks a range or a checksum, or sorts, is never listed: it always runs.

This module imports nothing of maskan, so that the models and the wire format can both
use it.

>>> def flag(value):
...     return value
>>> register(flag)
>>> passes(flag), passes(str)
(True, False)
"""

from __future__ import annotations

__all__ = ["passes", "register"]

_registered: dict[int, object] = {}  # by id: attrs.Converter objects need not hash


def register(*converters: object) -> None:
    """List ``converters``: each returns a value of exactly its field's type unchanged
    (for ``X | None``: ``None`` or an ``X``; for ``tuple[X, ...]``: a tuple of ``X``) and
    raises nothing for it."""
    for converter in converters:
        _registered[id(converter)] = converter


def passes(converter: object) -> bool:
    """Whether ``converter`` was registered.

    >>> passes(None)
    False
    """
    return converter is not None and _registered.get(id(converter)) is converter
