"""Persian text normalization: one canonical spelling for names, addresses and free text.

:func:`normalize` applies, in this order:

1. Arabic letters to their Persian twins: ``ي`` (U+064A) and ``ى`` (U+0649) → ``ی``
   (U+06CC); ``ك`` (U+0643) → ``ک`` (U+06A9).
2. Arabic presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF), as found in text copied
   from PDFs, to their base letters by Unicode compatibility decomposition (NFKC), then
   step 1 again (``ﻳ`` → ``ي`` → ``ی``).
3. Removed: tatweel ``ـ`` (U+0640), zero-width space (U+200B), zero-width joiner
   (U+200D), byte-order mark (U+FEFF), and the bidirectional controls LRM, RLM, ALM,
   U+202A-U+202E and U+2066-U+2069.
4. ZWNJ (U+200C, نیم‌فاصله) cleaned: a run of several becomes one; one next to a space
   disappears; none is left at either end.
5. Whitespace (spaces, tabs, newlines, no-break and other Unicode spaces) collapsed to
   one ASCII space, and stripped at both ends.
6. Optionally digits folded: ``digits="latin"`` or ``digits="persian"``.

Diacritics (harakat), hamza forms, ``ة`` and ``ۀ`` are kept: they change meaning or
spelling and are not noise.

Text longer than a million characters is refused (:class:`~maskan.errors.InvalidText`,
code ``too_long``) before any work: names, addresses and notes are far shorter, and a
runaway input should fail at once rather than after copying megabytes several times.

>>> normalize("  علي   كريمي ")
'علی کریمی'
>>> normalize("تعاوني‌‌ها ‌ مسكن")
'تعاونی‌ها مسکن'
>>> normalize("واحد ١٢", digits="persian")
'واحد ۱۲'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from maskan.errors import InvalidText, describe
from maskan.persian.digits import to_latin_digits, to_persian_digits

__all__ = ["normalize"]

ZWNJ = "\u200c"
_MAX_TEXT = 1_000_000

_LETTERS = {
    "\u064a": "\u06cc",  # ي ARABIC LETTER YEH → ی
    "\u0649": "\u06cc",  # ى ARABIC LETTER ALEF MAKSURA → ی
    "\u0643": "\u06a9",  # ك ARABIC LETTER KAF → ک
}
_REMOVED = "\u0640\u200b\u200d\ufeff\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e"
_REMOVED += "\u2066\u2067\u2068\u2069"
# Chained ``str.replace`` guarded by ``in`` beats ``str.translate`` several times over for
# Persian (non-ASCII) text on CPython 3.11 (benchmarks/persian.py).
_REPLACEMENTS = (*_LETTERS.items(), *((removed, "") for removed in _REMOVED))
_PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
_ZWNJ_RUN = re.compile(r"\s*\u200c[\s\u200c]*")
# Anything normalize() would change; most stored names and addresses are already clean,
# and one search is cheaper than every step (serde reads millions of them).
_DIRTY = re.compile(
    "[\u064a\u0649\u0643\u0640\u200b\u200d\u200e\u200f\u061c\u202a-\u202e"
    "\u2066-\u2069\ufeff\ufb50-\ufdff\ufe70-\ufefe]"
    r"|[^\S ]|  |^[ \u200c]|[ \u200c]$|\u200c[ \u200c]| \u200c"
)


def _spacing(match: re.Match[str]) -> str:
    run = match.group()
    return ZWNJ if run.strip(ZWNJ) == "" else " "


def _fold(text: str) -> str:
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


def _decompose(match: re.Match[str]) -> str:
    return unicodedata.normalize("NFKC", match.group())


def normalize(text: str, *, digits: Literal["latin", "persian"] | None = None) -> str:
    """Return ``text`` in canonical Persian spelling (see the module documentation).

    Idempotent: ``normalize(normalize(s)) == normalize(s)``. Raises
    :class:`~maskan.errors.InvalidText` with code ``type`` for anything but a ``str``,
    ``option`` for an unknown ``digits``, ``too_long`` beyond 1,000,000 characters.

    >>> normalize("\u200cخانه\u200c\u200cها\u200c")
    'خانه\u200cها'
    >>> normalize("ﻣﺴﻜﻦ")
    'مسکن'
    >>> normalize("کد ۰۴۹۹", digits="latin")
    'کد 0499'
    """
    if not isinstance(text, str):
        raise InvalidText(
            f"text: normalize() takes a str, not {type(text).__name__}",
            message_fa=f"text: ورودی normalize باید متن باشد، نه {type(text).__name__}",
            code="type",
            field="text",
            value=text,
        )
    if digits not in (None, "latin", "persian"):
        raise InvalidText(
            f"digits: {digits!r} is not one of 'latin', 'persian' or None",
            message_fa=f"digits: مقدار {digits!r} مجاز نیست؛ یکی از latin، persian یا None",
            code="option",
            field="digits",
            value=digits,
        )
    if len(text) > _MAX_TEXT:
        raise InvalidText(
            f"text: {describe(text)} is too long; at most {_MAX_TEXT} characters",
            message_fa=f"text: {describe(text)} بیش از حد بلند است؛ بیشینه {_MAX_TEXT} نویسه",
            code="too_long",
            field="text",
            value=text,
        )
    if _DIRTY.search(text):
        text = _clean(text)
    if digits == "latin":
        return to_latin_digits(text)
    if digits == "persian":
        return to_persian_digits(text)
    return text


def _clean(text: str) -> str:
    text = _fold(text)
    if _PRESENTATION_FORMS.search(text):
        text = _fold(_PRESENTATION_FORMS.sub(_decompose, text))
    if ZWNJ in text:
        text = _ZWNJ_RUN.sub(_spacing, text)
    # str.split() splits on exactly the Unicode whitespace that \s matches
    return " ".join(text.split()).strip(ZWNJ)
