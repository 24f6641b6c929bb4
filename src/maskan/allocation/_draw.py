"""The lottery's draw: a public seed, SHA-256 keys, and an order anyone can re-compute.

Part of :mod:`maskan.allocation`, which re-exports the public names here.

**The algorithm** (version :data:`ALGORITHM`, ``"maskan-lottery-v1"``), in full:

1. The seed is the announced text (or number) with Persian and Arabic-Indic digits written
   as ASCII digits and spaces at either end removed: ``"۴۸۲۷۱۹ "`` is ``"482719"``.
2. Each candidate's *draw key* is the SHA-256 hash, written as 64 lowercase hexadecimal
   characters, of the UTF-8 text ``maskan-lottery-v1|<seed>|<national ID>``, the national
   ID as its 10 ASCII digits.
3. The candidates are sorted by draw key, smallest first (the keys have the same length,
   so sorting them as text sorts them as numbers); two equal keys, which SHA-256 makes
   practically impossible, would be ordered by national ID.

No pseudo-random generator is involved (``random.Random`` may change between Python
versions); one hash per candidate and a sort is all there is, so a member can check the
draw with any SHA-256 tool:

>>> key = draw_key("482719", "0499370899")
>>> key
'b2524209fa1ce3e911c52dbc467ef84cb60377e9914c7ecd16109646d6e3cba1'
>>> import hashlib
>>> hashlib.sha256("maskan-lottery-v1|482719|0499370899".encode()).hexdigest() == key
True

On a Unix shell: ``printf '%s' 'maskan-lottery-v1|482719|0499370899' | sha256sum``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import attrs

from maskan.allocation._errors import AllocationError, refuse, wrong_type
from maskan.errors import describe
from maskan.models._fields import as_national_id
from maskan.persian.digits import to_latin_digits

__all__ = [
    "ALGORITHM",
    "Draw",
    "candidates_digest",
    "draw_key",
    "draw_order",
    "seed_text",
]

ALGORITHM = "maskan-lottery-v1"
"""The version of the draw algorithm; it is part of every draw key, so a future version
can never be mistaken for this one.

>>> ALGORITHM
'maskan-lottery-v1'
>>> text = f"{ALGORITHM}|482719|0499370899"
>>> hashlib.sha256(text.encode()).hexdigest() == draw_key("482719", "0499370899")
True
"""

_MAX_SEED = 200


def seed_text(seed: int | str) -> str:
    """Return the seed as it goes into every draw key (step 1 of the algorithm).

    An ``int`` is written in ASCII digits; text has its digits folded to ASCII and the
    spaces at either end removed. Empty text, more than 200 characters, or characters that
    cannot be printed (a line break, a tab) are refused with :class:`AllocationError`
    code ``bad_seed``; a type other than ``int`` or ``str`` with code ``type``.

    >>> seed_text(" ۴۸۲۷۱۹ "), seed_text(482719), seed_text("1404/09/04 ساعت ۱۰")
    ('482719', '482719', '1404/09/04 ساعت 10')
    """
    if isinstance(seed, bool) or not isinstance(seed, int | str):
        raise wrong_type("seed", seed, "an int or text", "عدد صحیح یا متن")
    if isinstance(seed, int):
        return str(seed)
    if len(seed) > _MAX_SEED + 100:
        raise _bad_seed(
            seed, f"is longer than {_MAX_SEED} characters", f"بیش از {_MAX_SEED} نویسه است"
        )
    text = to_latin_digits(seed).strip()
    if not text:
        raise _bad_seed(seed, "is empty", "خالی است")
    if len(text) > _MAX_SEED:
        raise _bad_seed(
            seed, f"is longer than {_MAX_SEED} characters", f"بیش از {_MAX_SEED} نویسه است"
        )
    if not text.isprintable():
        raise _bad_seed(
            seed,
            "holds a character that cannot be printed (a line break, a tab …)",
            "نویسه‌ای چاپ‌نشدنی (مانند سطر جدید یا تب) دارد",
        )
    return text


def _bad_seed(seed: str, reason: str, reason_fa: str) -> AllocationError:
    return refuse("bad_seed", "seed", seed, f"{describe(seed)} {reason}", f"بذر {reason_fa}")


def member_id(value: object, field: str) -> str:
    """A member's compact national ID from an ID in any digit script, or from anything
    with a ``national_id`` (a ``Person``, a ``Membership``).

    >>> from maskan.models.person import Person
    >>> member_id("۰۴۹۹۳۷۰۸۹۹", "candidates")
    '0499370899'
    >>> member_id(Person(national_id="0499370899", first_name="علی", last_name="کریمی"), "x")
    '0499370899'
    """
    if not isinstance(value, str):
        inner = getattr(value, "national_id", None)
        if isinstance(inner, str):
            return inner
    return as_national_id(value, field)


def draw_key(seed: int | str, national_id: str, *, algorithm: str = ALGORITHM) -> str:
    """The candidate's draw key: SHA-256 of ``<algorithm>|<seed>|<national ID>`` as 64
    lowercase hexadecimal characters (see the module notes).

    Only :data:`ALGORITHM` is known; another ``algorithm`` is refused (code
    ``unknown_algorithm``), so that a result can never be re-derived by a rule that was not
    the one announced.

    >>> draw_key(482719, "۰۴۹۹۳۷۰۸۹۹") == draw_key("482719", "0499370899")
    True
    >>> len(draw_key("482719", "0499370899"))
    64
    """
    if algorithm != ALGORITHM:
        raise refuse(
            "unknown_algorithm",
            "algorithm",
            algorithm,
            f"{describe(algorithm)} is not a known draw algorithm; this version of maskan"
            f" knows {ALGORITHM!r}",
            f"الگوریتم {describe(algorithm)} شناخته نیست؛ این نسخهٔ maskan فقط {ALGORITHM} را"
            " می‌شناسد",
        )
    message = f"{algorithm}|{seed_text(seed)}|{member_id(national_id, 'national_id')}"
    return hashlib.sha256(message.encode("utf-8")).hexdigest()


@attrs.frozen(kw_only=True)
class Draw:
    """One candidate's place in a draw.

    Attributes:
        position: the place in the draw order, from 1.
        national_id: the candidate's national ID.
        key: the candidate's draw key (:func:`draw_key`).

    >>> first = draw_order(["0499370899", "0084575948"], seed=482719)[0]
    >>> first.position, first.national_id, first.key[:8]
    (1, '0499370899', 'b2524209')
    """

    position: int
    national_id: str
    key: str


def draw_order(candidates: Iterable[str], *, seed: int | str) -> tuple[Draw, ...]:
    """Order the candidates by draw key, smallest first: the lottery's result before any
    unit is assigned.

    The order does not depend on the order of ``candidates``, and a candidate's key does
    not depend on who else takes part: adding or removing a candidate moves the others
    together, never past one another. A candidate named twice is refused (code
    ``member_twice``), as is an empty list (code ``no_candidates``).

    >>> [draw.national_id for draw in draw_order(["0499370899", "0084575948"], seed=482719)]
    ['0499370899', '0084575948']
    >>> [draw.national_id for draw in draw_order(["0499370899", "0084575948"], seed=1)]
    ['0084575948', '0499370899']
    """
    text = seed_text(seed)
    ids = unique_ids(candidates, "candidates")
    if not ids:
        raise refuse("no_candidates", "candidates", (), "no candidates are given", "نامزدی نیست")
    keyed = sorted((draw_key(text, national_id), national_id) for national_id in ids)
    return tuple(
        Draw(position=position, national_id=national_id, key=key)
        for position, (key, national_id) in enumerate(keyed, 1)
    )


def unique_ids(values: Iterable[object], field: str) -> tuple[str, ...]:
    """National IDs from ``values``, in order, each at most once (code ``member_twice``)."""
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise wrong_type(field, values, "a list of national IDs", "فهرست کدهای ملی")
    seen: dict[str, None] = {}
    for value in values:
        national_id = member_id(value, field)
        if national_id in seen:
            raise refuse(
                "member_twice",
                field,
                national_id,
                f"{national_id} is named twice",
                f"{national_id} دو بار آمده است",
            )
        seen[national_id] = None
    return tuple(seen)


def candidates_digest(candidates: Iterable[str]) -> str:
    """A fingerprint of the list of candidates: SHA-256 of their national IDs, sorted, one
    per line (each followed by a line break).

    Publish it with the list *before* the seed is known: afterwards nobody can add or drop
    a candidate unnoticed. It does not depend on the order of ``candidates``.

    >>> candidates_digest(["0499370899", "0084575948"]) == candidates_digest(
    ...     ["0084575948", "0499370899"])
    True
    >>> import hashlib
    >>> candidates_digest(["0499370899", "0084575948"]) == hashlib.sha256(
    ...     b"0084575948\\n0499370899\\n").hexdigest()
    True
    """
    ids = sorted(unique_ids(candidates, "candidates"))
    return hashlib.sha256("".join(f"{national_id}\n" for national_id in ids).encode()).hexdigest()
