"""National ID (کد ملی): the 10-digit number of every Iranian citizen.

The rule (DOMAIN.md §6.1, from persian-tools 0.0.11 ``national_id.validate``, MIT,
https://github.com/persian-tools/py-persian-tools) [S]:

1. The number has 10 digits. Input of 8 or 9 digits is taken as a number whose leading
   zeros were dropped (spreadsheets do that) and is padded back.
2. Digits 4 to 9 are never all zero.
3. ``s = d1×10 + d2×9 + … + d9×2`` and ``r = s mod 11``.
4. The last digit is the check digit: ``r`` when ``r < 2``, else ``11 − r``.

>>> validate("0499370899")
'0499370899'
>>> validate("۰۴۹-۹۳۷۰۸۹-۹")
'0499370899'
>>> validate("499370899")
'0499370899'
>>> format("499370899")
'049-937089-9'
>>> is_valid("0499370898")
False
>>> validate("0499370898")
Traceback (most recent call last):
...
maskan.errors.InvalidNationalId: national_id: '0499370898' has a wrong check digit (the \
last digit); look for a mistyped or swapped digit

Every number made of one repeated digit, ``1111111111`` to ``9999999999``, passes the
checksum. Whether such numbers are ever issued is not known (DOMAIN §6.1 [U]); they are
typed as placeholders far more often than they are real, so they are refused unless the
caller passes ``allow_repeated=True``:

>>> is_valid("1111111111"), is_valid("1111111111", allow_repeated=True)
(False, True)

**What the check digit cannot catch.** A true mod-11 check needs an eleventh symbol for
``r = 1`` (check value 10); this rule writes ``1`` instead, the same digit as for
``r = 10``. So every single mistyped digit and every swap of two adjacent digits is
caught, except when one of the two numbers (the right one or the mistyped one) has
``r = 1``. Counted over all 10⁹ numbers that pass the checksum, 1.6% of single-digit
typos and 1.8% of adjacent swaps go unnoticed, all of that kind. Both of these pass,
though they differ in one digit:

>>> is_valid("2531234561"), is_valid("2531234551")
(True, True)

**Place of issue.** The first three digits name the registry office that issued the
number. :func:`place` reads them from a community table (DOMAIN §6.2: persian-tools
``places_code.py``, with the corrections listed in ``maskan/identifiers/_places.py``). No
official table is published and the community one has known errors, so the place is a
hint: an unknown prefix never makes a valid number invalid.

>>> office = place("1271234564")
>>> office.city_fa, office.city_en, office.province.name_en
('اصفهان', 'Isfahan', 'Isfahan')
"""

from __future__ import annotations

import functools
from operator import mul

import attrs

from maskan.errors import InvalidIdentifier, InvalidNationalId, UnknownPlace
from maskan.geo import County, Province
from maskan.identifiers import _common
from maskan.persian.digits import to_persian_digits

__all__ = [
    "Place",
    "calc_check_digit",
    "compact",
    "format",
    "is_valid",
    "place",
    "places",
    "validate",
]

_KIND = _common.Kind(
    error=InvalidNationalId,
    field="national_id",
    name_en="a national ID",
    name_fa="کد ملی",
    shape_en="10 digits",
    shape_fa="۱۰ رقم",
)
_WEIGHTS = (10, 9, 8, 7, 6, 5, 4, 3, 2)
# The checksum multiplies the bytes of the ASCII digits directly; this removes the
# ord("0") each of them carries.
_ASCII_OFFSET = ord("0") * sum(_WEIGHTS)


def compact(text: str) -> str:
    """Return ``text`` in canonical form: ASCII digits, no separators, 10 digits when
    8 or 9 were given. Nothing else is checked.

    >>> compact(" ۰۴۹۹‌۳۷۰۸۹۹ ")
    '0499370899'
    >>> compact("84575948")
    '0084575948'
    """
    code = _common.clean(text, _KIND)
    if len(code) in (8, 9) and _common.is_digits(code):
        return code.zfill(10)
    return code


def calc_check_digit(text: str) -> str:
    """Return the check digit for the first nine digits of a national ID.

    >>> calc_check_digit("049937089")
    '9'
    """
    code = _common.digits_before_check(text, _KIND, 9)
    return str(_check_digit(code))


def _check_digit(code: str) -> int:
    remainder: int = (sum(map(mul, code.encode(), _WEIGHTS)) - _ASCII_OFFSET) % 11
    return remainder if remainder < 2 else 11 - remainder


def validate(text: str, *, allow_repeated: bool = False) -> str:
    """Return the national ID in ``text`` in compact form, or raise
    :class:`~maskan.errors.InvalidNationalId`.

    The error's ``code`` says why: ``type``, ``empty``, ``format``, ``length``,
    ``middle_zeros``, ``repeated_digits`` or ``checksum``.

    >>> validate("0084575948")
    '0084575948'
    >>> validate("0000000000")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNationalId: national_id: '0000000000' has zeros in all of digits 4 \
to 9, which no national ID has
    >>> validate(499370899)
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNationalId: national_id: 499370899 is a number (int), not text; pass \
a national ID as a str, because a number loses its leading zeros
    """
    if (  # already compact and valid (ten ASCII digits are their own compact form)
        type(text) is str
        and len(text) == 10
        and text.isdigit()
        and text.isascii()
        and text[3:9] != "000000"
        and ord(text[9]) - 48 == _check_digit(text)
        and (allow_repeated or text != text[0] * 10)
    ):
        return text
    code = compact(text)
    problem = _problem(code, allow_repeated)
    if problem is not None:
        raise _error(problem, text, code)
    return code


def is_valid(text: str, *, allow_repeated: bool = False) -> bool:
    """Return whether ``text`` holds a valid national ID; never raises.

    >>> is_valid("۰۰۸۴۵۷۵۹۴۸"), is_valid("0084575949"), is_valid(None)
    (True, False, False)
    """
    try:
        code = compact(text)
    except InvalidNationalId:
        return False
    return _problem(code, allow_repeated) is None


def _problem(code: str, allow_repeated: bool) -> str | None:
    """Why ``code`` (compact) is not a valid national ID, as an error code, or ``None``.

    Kept apart from the messages, so that :func:`is_valid` builds no error for a number
    that is merely wrong.
    """
    if not _common.is_digits(code):
        return "format"
    if len(code) != 10:
        return "length"
    if code[3:9] == "000000":
        return "middle_zeros"
    if ord(code[9]) - 48 != _check_digit(code):
        return "checksum"
    if not allow_repeated and code == code[0] * 10:
        return "repeated_digits"
    return None


def _error(problem: str, text: object, code: str) -> InvalidIdentifier:
    if problem == "format":
        return _KIND.not_digits(text, code)
    if problem == "length":
        return _KIND.fail(
            "length",
            text,
            f"has {len(code)} digits; a national ID has 10 digits (8 or 9 are read as "
            "a number whose leading zeros were dropped)",
            f"{to_persian_digits(len(code))} رقم دارد؛ کد ملی ۱۰ رقم دارد (۸ یا ۹ "
            "رقم یعنی صفرهای ابتدایی افتاده‌اند)",
        )
    if problem == "middle_zeros":
        return _KIND.fail(
            "middle_zeros",
            text,
            "has zeros in all of digits 4 to 9, which no national ID has",
            "در رقم‌های چهارم تا نهم همه صفر دارد و هیچ کد ملی‌ای چنین نیست",
        )
    if problem == "checksum":
        # Show the padded number: the person typed 8 or 9 digits, not this one.
        padded = len(_common.clean(text, _KIND)) < 10
        read_as = f"(read as {code!r}) " if padded else ""
        read_as_fa = f"(خوانده‌شده به صورت {code!r}) " if padded else ""
        return _KIND.fail(
            "checksum",
            text,
            f"{read_as}has a wrong check digit (the last digit); look for a mistyped or "
            "swapped digit",
            f"{read_as_fa}رقم کنترل (رقم آخر) درست نیست؛ شاید رقمی اشتباه یا جابه‌جا نوشته شده است",
        )
    return _KIND.fail(
        "repeated_digits",
        text,
        "is one digit repeated, usually a placeholder; pass allow_repeated=True to accept it",
        "از تکرار یک رقم ساخته شده و معمولاً عددی ساختگی است؛ برای پذیرفتن آن "
        "allow_repeated=True بدهید",
    )


def format(text: str, *, allow_repeated: bool = False) -> str:
    """Return the national ID in ``text`` as it is usually printed: ``049-937089-9``.

    Raises :class:`~maskan.errors.InvalidNationalId` for an invalid number.

    >>> format("0790419904")
    '079-041990-4'
    """
    code = validate(text, allow_repeated=allow_repeated)
    return f"{code[:3]}-{code[3:9]}-{code[9]}"


@attrs.frozen(kw_only=True)
class Place:
    """A registry office that issues national IDs, as the prefix table names it.

    Attributes:
        city_fa: the office's city as the table writes it, e.g. ``"اصفهان"``.
        city_en: the city's English name, when it is the name of a county that
            :mod:`maskan.geo` knows (Isfahan province so far); otherwise ``None``.
        province: the province, or ``None`` when the table's province is known to be
            wrong or the office is abroad («امور خارجه»).

    >>> place("0499370899")
    Place(city_fa='شهرری', city_en=None, province=Province(name_fa='تهران', \
name_en='Tehran', iso_code='IR-23'))
    """

    city_fa: str
    city_en: str | None
    province: Province | None


def places(text: str, *, allow_repeated: bool = False) -> tuple[Place, ...]:
    """Return every registry office the prefix table gives for the national ID in
    ``text``: usually one, two for 13 prefixes the table lists twice, none for an
    unknown prefix.

    Raises :class:`~maskan.errors.InvalidNationalId` for an invalid number.

    >>> " / ".join(office.city_fa for office in places("2531234561"))
    'اقلید / سپیدان'
    """
    code = validate(text, allow_repeated=allow_repeated)
    return _offices().get(code[:3], ())


def place(text: str, *, allow_repeated: bool = False) -> Place | None:
    """Return the registry office that issued the national ID in ``text``, as a hint.

    ``None`` when the prefix is unknown or the table gives two offices for it (see
    :func:`places`). Raises :class:`~maskan.errors.InvalidNationalId` for an invalid
    number; an unknown prefix is not an error.

    >>> place("1132345677").city_en
    'Khomeyni-Shahr'
    >>> place("2531234561") is None
    True
    """
    found = places(text, allow_repeated=allow_repeated)
    return found[0] if len(found) == 1 else None


@functools.cache
def _offices() -> dict[str, tuple[Place, ...]]:
    """Index the prefix table by prefix; built on the first call to :func:`places`."""
    # Imported here: 477 rows that most programs never need.
    from maskan.identifiers._places import OFFICES

    index: dict[str, tuple[Place, ...]] = {}
    for prefixes, city_fa, province_fa in OFFICES:
        province = None if province_fa is None else Province.lookup(province_fa)
        office = Place(city_fa=city_fa, city_en=_county_name(city_fa, province), province=province)
        for prefix in prefixes.split():
            index[prefix] = (*index.get(prefix, ()), office)
    return index


def _county_name(city_fa: str, province: Province | None) -> str | None:
    if province is None or not _has_counties(province):
        return None
    try:
        return County.lookup(city_fa, province=province).name_en
    except UnknownPlace:
        return None


@functools.cache
def _has_counties(province: Province) -> bool:
    try:
        County.of(province)
    except UnknownPlace:
        return False
    return True
