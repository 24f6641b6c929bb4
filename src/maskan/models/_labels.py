"""Bilingual enumerations: every ``StrEnum`` of the models has a Persian and an English label.

A model enumeration subclasses :class:`Labelled` and registers its labels with
:func:`labels` right after its body, keyed by code (the member's value), so that the
table reads like the wire format:

>>> class Colour(Labelled):
...     GREEN = "green"
...     RED = "red"
>>> labels(Colour, {"green": ("سبز", "green"), "red": ("قرمز", "red")})
>>> Colour("red").label_fa, Colour.GREEN.label_en
('قرمز', 'green')
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

__all__ = ["Labelled", "labels"]


class Labelled(enum.StrEnum):
    """A ``StrEnum`` whose members have a Persian and an English label.

    Each subclass registers its labels with :func:`labels` right after its body.
    """

    @property
    def label_fa(self) -> str:
        """The label shown to Persian readers."""
        return _labels[type(self), self.value][0]

    @property
    def label_en(self) -> str:
        """The label shown to English readers."""
        return _labels[type(self), self.value][1]


# Keyed by class and code: members of two StrEnums with the same code are equal (and hash
# alike) as strings.
_labels: dict[tuple[type[Labelled], str], tuple[str, str]] = {}


def labels(kind: type[Labelled], table: Mapping[str, tuple[str, str]]) -> None:
    """Register ``(label_fa, label_en)`` for every member of ``kind``, keyed by code.

    The table must name every member and nothing else:

    >>> class Answer(Labelled):
    ...     YES = "yes"
    >>> labels(Answer, {"yes": ("بله", "yes"), "no": ("نه", "no")})
    Traceback (most recent call last):
    ...
    RuntimeError: labels of Answer do not match its members: missing [], unknown ['no']
    """
    codes = {member.value for member in kind}
    if table.keys() != codes:
        missing, unknown = sorted(codes - table.keys()), sorted(table.keys() - codes)
        raise RuntimeError(
            f"labels of {kind.__name__} do not match its members: missing {missing},"
            f" unknown {unknown}"
        )
    for member in kind:
        _labels[kind, member.value] = table[member.value]
