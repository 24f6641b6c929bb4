"""What every subcommand shares: the two languages, exit codes, errors, aligned text.

>>> say("fa", "valid", "معتبر"), say("en", "valid", "معتبر")
('معتبر', 'valid')
>>> width("می‌شود"), width("abc")
(5, 3)
"""

from __future__ import annotations

import os
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import IO, Literal

from maskan.errors import MaskanError, UsageError, describe
from maskan.persian.digits import to_persian_digits
from maskan.persian.numbers import format_number

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_PIPE",
    "EXIT_USAGE",
    "Lang",
    "UsageError",
    "align",
    "digits",
    "message",
    "number",
    "say",
    "width",
]

Lang = Literal["fa", "en"]

EXIT_OK = 0
"""Success: every row was read, the identifier is valid, the value was read.

>>> from maskan.cli import main
>>> main(["words", "7"]) == EXIT_OK
هفت
True
"""
EXIT_INVALID = 1
"""Invalid input: some rows of a roster were bad, an identifier or a value is invalid.

>>> from maskan.cli import main
>>> main(["id", "national-id", "0499370898", "--lang", "en"]) == EXIT_INVALID
invalid: national_id: '0499370898' has a wrong check digit ...
True
"""
EXIT_USAGE = 2
"""A usage error: an unknown option or program, a missing value, a file that cannot be
opened.

>>> from maskan.cli import main
>>> main(["no-such-command"]) == EXIT_USAGE
True
"""
EXIT_INTERNAL = 70
"""A bug in maskan (``EX_SOFTWARE``); set ``MASKAN_DEBUG=1`` to see the traceback.

>>> EXIT_INTERNAL
70
"""
EXIT_INTERRUPTED = 130
"""Interrupted with Ctrl-C (128 + SIGINT), as shells report it.

>>> EXIT_INTERRUPTED - 128  # SIGINT
2
"""
EXIT_PIPE = 141
"""The reader of the output went away (``maskan check … | head``): 128 + SIGPIPE.

>>> EXIT_PIPE - 128  # SIGPIPE
13
"""


def say(lang: Lang, en: str, fa: str) -> str:
    """The text for ``lang``.

    >>> say("en", "rows", "ردیف")
    'rows'
    """
    return fa if lang == "fa" else en


def message(error: MaskanError, lang: Lang) -> str:
    """An error's message in ``lang`` on one line (a multi-line message is joined with
    ``; ``).

    >>> message(MaskanError("a\\nb", message_fa="الف"), "en")
    'a; b'
    """
    text = error.message_fa if lang == "fa" else error.message
    return "; ".join(part.strip() for part in text.splitlines() if part.strip())


def digits(text: str | int, lang: Lang) -> str:
    """``text`` with Persian digits in Persian, as it is in English.

    >>> digits("line 12", "fa"), digits(12, "en")
    ('line ۱۲', '12')
    """
    return to_persian_digits(text) if lang == "fa" else str(text)


def number(value: int, lang: Lang) -> str:
    """A count with grouping: ``۱٬۲۳۴`` in Persian, ``1,234`` in English.

    >>> number(1234, "fa"), number(1234, "en")
    ('۱٬۲۳۴', '1,234')
    """
    return format_number(value) if lang == "fa" else f"{value:,}"


def width(text: str) -> int:
    """The number of terminal cells ``text`` takes: zero-width joiners, direction marks
    and combining marks take none, wide East Asian characters two.

    >>> width("سه‌شنبه"), width("\u200e12")
    (6, 2)
    """
    total = 0
    for char in text:
        if char.isascii():
            total += 1
            continue
        category = unicodedata.category(char)
        if category in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def fit(text: str, size: int) -> str:
    """``text`` padded with spaces, or cut with ``…``, to take exactly ``size`` cells.

    >>> fit("abcdef", 4), fit("ab", 4) + "|"
    ('abc…', 'ab  |')
    """
    taken = width(text)
    if taken <= size:
        return text + " " * (size - taken)
    kept = []
    used = 0
    for char in text:
        cells = width(char)
        if used + cells > size - 1:
            break
        kept.append(char)
        used += cells
    return "".join(kept) + "…" + " " * (size - 1 - used)


def align(rows: Sequence[Sequence[str]], *, gap: str = "  ") -> list[str]:
    """Rows of cells as aligned lines (every column as wide as its widest cell); trailing
    spaces are dropped.

    >>> for line in align([["code", "title"], ["a", "b"]]):
    ...     print(line)
    code  title
    a     b
    """
    if not rows:
        return []
    columns = max(len(row) for row in rows)
    widths = [
        max((width(row[i]) for row in rows if i < len(row)), default=0) for i in range(columns)
    ]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - width(cell)) for i, cell in enumerate(row)]
        lines.append(gap.join(cells).rstrip())
    return lines


def labelled(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """``label: value`` lines with the values aligned.

    >>> print("\\n".join(labelled([("formatted", "049-937089-9"), ("place", "x")])))
    formatted: 049-937089-9
    place:     x
    """
    pairs = list(pairs)
    size = max((width(label) for label, _ in pairs), default=0) + 1
    return [fit(f"{label}:", size) + " " + value for label, value in pairs]


def language(argv: Sequence[str]) -> Lang:
    """The language asked for on the command line (``--lang fa|en``, anywhere), else the
    ``MASKAN_LANG`` environment variable, else Persian.

    >>> language(["id", "mobile", "x", "--lang", "en"]), language(["--lang=fa"])
    ('en', 'fa')
    """
    found: str | None = None
    for at, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and at + 1 < len(argv):
            found = argv[at + 1]
        elif arg.startswith("--lang="):
            found = arg.split("=", 1)[1]
    if found is None:
        found = os.environ.get("MASKAN_LANG", "").strip().casefold()
    return "en" if found == "en" else "fa"


def write_line(text: str, stream: IO[str] | None = None) -> None:
    """Print one line to ``stream`` (stdout by default)."""
    print(text, file=stream or sys.stdout)


def checked_choice(value: str, choices: Sequence[str], field: str) -> str:
    """``value`` if it is one of ``choices``, else a :class:`UsageError`.

    >>> checked_choice("csv", ("csv", "json"), "--format")
    'csv'
    """
    if value in choices:
        return value
    listed = ", ".join(choices)
    raise UsageError(
        f"{field}: {describe(value)} is not one of {listed}",
        message_fa=f"{field}: مقدار {describe(value)} مجاز نیست؛ یکی از {listed}",
        field=field,
        value=value,
    )
