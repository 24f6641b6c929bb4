"""Iran's 31 provinces (استان) and their counties (شهرستان).

Two classes: [`Province`][maskan.geo.Province] and [`County`][maskan.geo.County].

Look a place up by the name a person typed, in Persian or in English, and get back one
shared, immutable object:

>>> from maskan.geo import County, Province
>>> isfahan = Province.lookup("استان اصفهان")
>>> isfahan.iso_code, isfahan.name_en
('IR-10', 'Isfahan')
>>> Province.lookup("Esfahan") is Province.lookup("IR-10") is isfahan
True
>>> len(Province.all())
31

Counties are listed for Isfahan province (28 of them, four created in 1400):

>>> kashan = County.lookup("kashan")
>>> kashan.name_fa, kashan.province is isfahan
('کاشان', True)
>>> ", ".join(county.name_en for county in County.of("اصفهان") if county.established == 1400)
'Varzaneh, Jarqavieh, Harand, Kuhpayeh'

A name that matches nothing raises [`UnknownPlace`][maskan.errors.UnknownPlace] (a
[`MaskanError`][maskan.errors.MaskanError]) that names the closest matches:

>>> Province.lookup("Isfahn")
Traceback (most recent call last):
...
maskan.errors.UnknownPlace: name: 'Isfahn' is not a province; closest: Isfahan (اصفهان, IR-10)

The places come from one packaged data file, ``maskan/data/places.json``, read on first
use. Sources: ISO 3166-2:IR via pycountry and django-iranian-cities for the provinces and
the census-era counties, news sources for the four counties of 1400 (DOMAIN.md §6.7, §6.8).
"""

from __future__ import annotations

import difflib
import json
import re
import threading
import unicodedata
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Generic, NoReturn, TypeVar

import attrs

from maskan.errors import UnknownPlace, describe
from maskan.persian.digits import to_persian_digits
from maskan.persian.text import normalize

__all__ = ["County", "Province"]


@attrs.frozen(kw_only=True)
class Province:
    """One of Iran's 31 provinces (استان).

    Get provinces from [`lookup`][maskan.geo.Province.lookup] or
    [`all`][maskan.geo.Province.all] rather than building them: those return the same
    object for the same province every time, so ``is`` and ``==`` agree.

    Attributes:
        name_fa: the Persian name, e.g. ``"اصفهان"``.
        name_en: the common English name, e.g. ``"Isfahan"``.
        iso_code: the ISO 3166-2:IR code, e.g. ``"IR-10"``.

    >>> tehran = Province.lookup("Tehran")
    >>> tehran.name_fa, tehran.iso_code
    ('تهران', 'IR-23')
    """

    name_fa: str
    name_en: str
    iso_code: str

    @classmethod
    def lookup(cls, name: str | Province) -> Province:
        """Return the province that ``name`` names.

        Accepted: the Persian name, the English name or its other common spellings
        (``"Esfahan"``, ``"Kordestan"``), the ISO 3166-2 romanisation with or without its
        accents (``"Khorāsān-e Raẕavī"``), or the ISO code (``"IR-10"``, ``"ir10"``,
        ``"IR-۱۰"``). Case, Arabic ``ي``/``ك``, hamza and madda (``ئ``, ``آ``), ZWNJ,
        hyphens, extra spaces, the word order of two-word names, the connectors
        «و» / "and" / "va", and the words «استان» / "Province" / "Ostan" do not matter. A
        [`Province`][maskan.geo.Province] is returned as is.

        Raises:
            UnknownPlace: with code ``unknown_place`` (nothing fits; the message names the
                closest matches), ``empty``, ``too_long`` or ``type``.

        >>> Province.lookup("اصفهان").name_en
        'Isfahan'
        >>> Province.lookup("  isfahan province ").iso_code
        'IR-10'
        >>> Province.lookup("استان كرمانشاه").name_en
        'Kermanshah'
        >>> Province.lookup("Khorasan Razavi").name_fa
        'خراسان رضوی'
        >>> Province.lookup("")
        Traceback (most recent call last):
        ...
        maskan.errors.UnknownPlace: name: '' is empty; give a province name such as 'Isfahan' \
or 'اصفهان', or an ISO code such as 'IR-10'
        """
        if isinstance(name, Province):
            return name
        return _find(_places().province_index, name, field="name", kind=_PROVINCE_KIND)

    @classmethod
    def all(cls) -> tuple[Province, ...]:
        """Return all 31 provinces, in the order of their ISO codes (IR-00 to IR-30).

        >>> provinces = Province.all()
        >>> len(provinces), provinces[0].name_en, provinces[10].name_fa
        (31, 'Markazi', 'اصفهان')
        """
        return _places().provinces


@attrs.frozen(kw_only=True)
class County:
    """A county (شهرستان) of a province.

    Only Isfahan province's counties are in the data file so far; see
    [`of`][maskan.geo.County.of]. Get counties from [`lookup`][maskan.geo.County.lookup] or
    [`of`][maskan.geo.County.of] rather than building them: those return the same object
    for the same county every time.

    Attributes:
        name_fa: the Persian name, e.g. ``"نجف‌آباد"``.
        name_en: the English name, e.g. ``"Najafabad"``.
        province: the [`Province`][maskan.geo.Province] the county belongs to.
        established: the Jalali year the county was created, when the data file records
            it (the four counties split from Isfahan County in 1400); ``None`` otherwise.

    >>> najafabad = County.lookup("نجف آباد")
    >>> najafabad.name_en, najafabad.province.iso_code, najafabad.established
    ('Najafabad', 'IR-10', None)
    """

    name_fa: str
    name_en: str
    province: Province
    established: int | None = None

    @classmethod
    def of(cls, province: Province | str) -> tuple[County, ...]:
        """Return the counties of ``province`` (a [`Province`][maskan.geo.Province] or any name
        [`Province.lookup`][maskan.geo.Province.lookup] accepts), in the data file's order.

        Raises:
            UnknownPlace: code ``no_counties`` when the data file has no county list for
                that province yet, or any error of [`Province.lookup`][maskan.geo.Province.lookup].

        >>> counties = County.of("Isfahan")
        >>> len(counties), counties[0].name_en, counties[-1].name_fa
        (28, 'Ardestan', 'کوهپایه')
        >>> County.of("Tehran")
        Traceback (most recent call last):
        ...
        maskan.errors.UnknownPlace: province: maskan has no county list for Tehran (تهران, IR-23) \
yet; it has one for Isfahan (اصفهان, IR-10)
        """
        return _counties_of(province).counties

    @classmethod
    def lookup(cls, name: str | County, province: Province | str | None = None) -> County:
        """Return the county that ``name`` names, optionally only within ``province``.

        As tolerant as [`Province.lookup`][maskan.geo.Province.lookup], with «شهرستان» /
        "County" / "Shahrestan" in place of «استان» / "Province". Without ``province``,
        every county in the data file is searched; a name shared by counties of two
        provinces then raises ``ambiguous``. A [`County`][maskan.geo.County] is returned as
        is (after checking it lies in ``province``, when one is given).

        Raises:
            UnknownPlace: code ``unknown_place`` (the message names the closest matches),
                ``ambiguous``, ``empty``, ``too_long``, ``type``, ``no_counties`` or
                ``wrong_province``.

        >>> County.lookup("شهرستان خميني شهر").name_en
        'Khomeyni-Shahr'
        >>> County.lookup("Aran and Bidgol", province="IR-10").name_fa
        'آران و بیدگل'
        >>> County.lookup("نائین").name_en
        'Nain'
        >>> County.lookup("Kashn")
        Traceback (most recent call last):
        ...
        maskan.errors.UnknownPlace: name: 'Kashn' is not a county; closest: Kashan (کاشان) in \
Isfahan
        """
        where = _places().all_counties if province is None else _counties_of(province)
        if isinstance(name, County):
            if province is not None and name not in where.counties:
                raise _wrong_province(name, where)
            return name
        return _find(where.index, name, field="name", kind=_COUNTY_KIND)


# Reading place names -----------------------------------------------------------------

# Real names are under 40 characters; refusing long input early keeps normalization and
# difflib (quadratic) away from a multi-megabyte string.
_MAX_NAME_LENGTH = 100

# Twins that NFKD leaves apart: Arabic yeh/kaf come back out of hamza/madda decompositions
# (ئ → ي + hamza), and ۀ/ة are spelling variants of a final ه in place names.
_LETTER_FOLDS = str.maketrans({"ي": "ی", "ك": "ک", "ە": "ه", "ة": "ه"})
_WORDS = re.compile(r"[^\W_]+")
# Connectors are written several ways ("Aran-o-Bidgol", "Aran and Bidgol", «آران و بیدگل»,
# "Khorasan-e Razavi"), so they carry no information for matching.
_CONNECTORS = frozenset({"و", "and", "va", "o", "e", "of", "the"})
_PROVINCE_WORDS = frozenset({"استان", "province", "ostan"})
_COUNTY_WORDS = frozenset({"شهرستان", "county", "shahrestan"})


def _tokens(text: str, ignored: frozenset[str]) -> list[str]:
    """Split ``text`` into folded words: the spelling differences people make vanish."""
    text = normalize(text, digits="latin")
    # NFKD then dropping combining marks removes Latin accents (Eşfahān → Esfahan),
    # Arabic harakat, and hamza/madda (آ → ا, ئ → ی), which are written inconsistently.
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.casefold().translate(_LETTER_FOLDS)
    words = [word for word in _WORDS.findall(text) if word not in ignored]
    # Persian «و» is often typed joined to the next word («سیستان وبلوچستان»), so it is
    # dropped there too; the data file check catches a name this would make ambiguous.
    return [
        word[1:] if index and len(word) > 1 and word[0] == "و" else word
        for index, word in enumerate(words)
        if word not in _CONNECTORS
    ]


_P = TypeVar("_P", "Province", "County")


@attrs.frozen
class _Kind:
    ignored: frozenset[str]
    en: str
    fa: str
    example: str
    example_fa: str
    everything: str


_PROVINCE_KIND = _Kind(
    ignored=_PROVINCE_WORDS,
    en="province",
    fa="استان",
    example="a province name such as 'Isfahan' or 'اصفهان', or an ISO code such as 'IR-10'",
    example_fa="نام استانی مانند «اصفهان» یا کد ISO مانند IR-10",
    everything="Province.all() lists all 31",
)
_COUNTY_KIND = _Kind(
    ignored=_COUNTY_WORDS,
    en="county",
    fa="شهرستان",
    example="a county name such as 'Kashan' or 'کاشان'",
    example_fa="نام شهرستانی مانند «کاشان»",
    everything="County.of(province) lists a province's counties",
)


class _Index(Generic[_P]):
    """Every spelling of some places, as folded keys, to the places it may mean."""

    __slots__ = ("_direct", "_exact", "_loose", "ignored")

    def __init__(self, ignored: frozenset[str]) -> None:
        self.ignored = ignored
        # The canonical spellings as stored: most input is one of them, and this skips
        # normalization for it.
        self._direct: dict[str, _P | None] = {}
        self._exact: dict[str, list[_P]] = {}
        # Words sorted, so that "Khorasan Razavi" finds "Razavi Khorasan".
        self._loose: dict[str, list[_P]] = {}

    def add(self, place: _P, canonical: tuple[str, ...], spellings: Iterable[str]) -> None:
        for spelling in canonical:
            # A spelling shared by two places must take the slow path to be reported.
            shared = spelling in self._direct and self._direct[spelling] is not place
            self._direct[spelling] = None if shared else place
        for spelling in (*canonical, *spellings):
            words = _tokens(spelling, self.ignored)
            if not words:
                _broken(f"{spelling!r} has no letters left to match")
            for keys, key in ((self._exact, "".join(words)), (self._loose, _loose_key(words))):
                places = keys.setdefault(key, [])
                if place not in places:
                    places.append(place)

    def direct(self, text: str) -> _P | None:
        return self._direct.get(text)

    def find(self, words: list[str]) -> list[_P]:
        return self._exact.get("".join(words)) or self._loose.get(_loose_key(words)) or []

    def closest(self, words: list[str], count: int = 3) -> list[_P]:
        matches = difflib.get_close_matches("".join(words), self._exact, n=10, cutoff=0.6)
        found: list[_P] = []
        for key in matches:
            for place in self._exact[key]:
                if place not in found:
                    found.append(place)
        return found[:count]

    def ambiguous_keys(self) -> list[str]:
        return [key for key, places in self._exact.items() if len(places) > 1]


def _loose_key(words: list[str]) -> str:
    return " ".join(sorted(words))


def _label(place: Province | County) -> str:
    if isinstance(place, Province):
        return f"{place.name_en} ({place.name_fa}, {place.iso_code})"
    return f"{place.name_en} ({place.name_fa}) in {place.province.name_en}"


def _label_fa(place: Province | County) -> str:
    if isinstance(place, Province):
        return f"{place.name_fa} ({place.iso_code})"
    return f"{place.name_fa} در استان {place.province.name_fa}"


def _find(index: _Index[_P], value: object, *, field: str, kind: _Kind) -> _P:
    """Resolve ``value`` in ``index`` or raise an ``UnknownPlace`` that helps."""
    text = _check_text(value, field, kind)
    place = index.direct(text)
    if place is not None:
        return place
    words = _tokens(text, index.ignored)
    if not words:
        blank = not normalize(text)
        what = "is empty" if blank else f"contains no {kind.en} name"
        what_fa = "خالی است" if blank else f"در {describe(value)} نیست"
        raise UnknownPlace(
            f"{field}: {describe(value)} {what}; give {kind.example}",
            message_fa=f"{field}: نام {kind.fa} {what_fa}؛ {kind.example_fa} بدهید",
            code="empty",
            field=field,
            value=value,
        )
    found = index.find(words)
    if len(found) == 1:
        return found[0]
    if found:
        raise UnknownPlace(
            f"{field}: {describe(value)} names more than one {kind.en}: "
            f"{', '.join(map(_label, found))}; give the province too",
            message_fa=f"{field}: {describe(value)} نام چند {kind.fa} است: "
            f"{'، '.join(map(_label_fa, found))}؛ استان را هم بدهید",
            code="ambiguous",
            field=field,
            value=value,
        )
    closest = index.closest(words)
    if closest:
        hint = f"closest: {', '.join(map(_label, closest))}"
        hint_fa = f"نزدیک‌ترین: {'، '.join(map(_label_fa, closest))}"
    else:
        hint = f"no name is close; {kind.everything}"
        hint_fa = "نام نزدیکی هم پیدا نشد"
    raise UnknownPlace(
        f"{field}: {describe(value)} is not a {kind.en}; {hint}",
        message_fa=f"{field}: {kind.fa}ی به نام {describe(value)} پیدا نشد؛ {hint_fa}",
        code="unknown_place",
        field=field,
        value=value,
    )


def _check_text(value: object, field: str, kind: _Kind) -> str:
    if not isinstance(value, str):
        name = type(value).__name__
        raise UnknownPlace(
            f"{field}: expected a str naming a {kind.en}, not {name}",
            message_fa=f"{field}: نام {kind.fa} باید متن باشد، نه {name}",
            code="type",
            field=field,
            value=value,
        )
    if len(value) > _MAX_NAME_LENGTH:
        raise UnknownPlace(
            f"{field}: {describe(value)} is too long for a {kind.en} name "
            f"(at most {_MAX_NAME_LENGTH} characters)",
            message_fa=f"{field}: ورودی برای نام {kind.fa} بیش از حد بلند است "
            f"(حداکثر {to_persian_digits(_MAX_NAME_LENGTH)} نویسه)",
            code="too_long",
            field=field,
            value=value,
        )
    return value


def _counties_of(value: object) -> _Counties:
    province = value
    if not isinstance(province, (Province, str)):
        name = type(province).__name__
        raise UnknownPlace(
            f"province: expected a Province or a str naming one, not {name}",
            message_fa=f"province: استان باید Province یا متن باشد، نه {name}",
            code="type",
            field="province",
            value=province,
        )
    places = _places()
    if isinstance(province, str):
        province = _find(places.province_index, province, field="province", kind=_PROVINCE_KIND)
    counties = places.counties.get(province.iso_code)
    if counties is None:
        listed = [places.by_iso[iso] for iso in places.counties]
        raise UnknownPlace(
            f"province: maskan has no county list for {_label(province)} yet; "
            f"it has one for {', '.join(map(_label, listed))}",
            message_fa=f"province: فهرست شهرستان‌های استان {_label_fa(province)} هنوز در "
            f"maskan نیست؛ فهرست هست برای: {'، '.join(map(_label_fa, listed))}",
            code="no_counties",
            field="province",
            value=value,
        )
    return counties


def _wrong_province(county: County, where: _Counties) -> UnknownPlace:
    province = where.counties[0].province
    return UnknownPlace(
        f"name: {_label(county)} is not a county of {_label(province)}",
        message_fa=f"name: شهرستان {county.name_fa} در استان {_label_fa(province)} نیست",
        code="wrong_province",
        field="name",
        value=county,
    )


# The data file -----------------------------------------------------------------------

_DATA_FILE = "places.json"
_ISO_CODE = re.compile(r"IR-\d\d")


@attrs.frozen
class _Counties:
    counties: tuple[County, ...]
    index: _Index[County]


@attrs.frozen
class _Places:
    provinces: tuple[Province, ...]
    by_iso: Mapping[str, Province]
    province_index: _Index[Province]
    counties: Mapping[str, _Counties]
    all_counties: _Counties


_loaded: _Places | None = None
_loading = threading.Lock()


def _places() -> _Places:
    """The places, read from the data file on first use and shared afterwards."""
    global _loaded
    if _loaded is None:
        # One thread reads the file; the others wait, so everyone shares one set of objects.
        with _loading:
            if _loaded is None:
                data_file = resources.files("maskan") / "data" / _DATA_FILE
                _loaded = _build(json.loads(data_file.read_text(encoding="utf-8")))
    return _loaded


def _broken(problem: str) -> NoReturn:
    # Not a MaskanError: a broken data file is a packaging bug, not the caller's mistake.
    raise RuntimeError(f"maskan/data/{_DATA_FILE} is broken: {problem}")


def _build(data: object) -> _Places:
    """Check the parsed data file and build the places and their indexes from it."""
    if not isinstance(data, dict) or data.get("format") != 1:
        _broken('expected an object with "format": 1')
    sources = data.get("sources")
    if not isinstance(sources, dict):
        _broken('"sources" must be an object')
    raw_provinces = data.get("provinces")
    if not isinstance(raw_provinces, list):
        _broken('"provinces" must be a list')

    provinces: list[Province] = []
    by_iso: dict[str, Province] = {}
    province_index: _Index[Province] = _Index(_PROVINCE_WORDS)
    for entry in raw_provinces:
        where = f"province {entry!r}"
        entry = _entry(entry, where, sources)
        iso_code = _string(entry, "iso_code", where)
        if not _ISO_CODE.fullmatch(iso_code) or iso_code in by_iso:
            _broken(f"{where}: iso_code must be a new code like 'IR-10'")
        province = Province(
            name_fa=_name(entry, "name_fa", where),
            name_en=_name(entry, "name_en", where),
            iso_code=iso_code,
        )
        provinces.append(province)
        by_iso[iso_code] = province
        spellings = list(_strings(entry, "aliases", where))
        if "name_iso" in entry:
            spellings.append(_string(entry, "name_iso", where))
        province_index.add(
            province, (province.name_fa, province.name_en, province.iso_code), spellings
        )
    if province_index.ambiguous_keys():
        _broken(f"provinces share the spellings {province_index.ambiguous_keys()}")

    raw_counties = data.get("counties")
    if not isinstance(raw_counties, dict):
        _broken('"counties" must be an object keyed by ISO code')
    counties: dict[str, _Counties] = {}
    all_counties: list[County] = []
    all_index: _Index[County] = _Index(_COUNTY_WORDS)
    for iso_code, entries in raw_counties.items():
        if iso_code not in by_iso or not isinstance(entries, list) or not entries:
            _broken(f"counties of {iso_code!r}: need a known ISO code and a non-empty list")
        index: _Index[County] = _Index(_COUNTY_WORDS)
        listed: list[County] = []
        for entry in entries:
            where = f"county {entry!r} of {iso_code}"
            entry = _entry(entry, where, sources)
            county = County(
                name_fa=_name(entry, "name_fa", where),
                name_en=_name(entry, "name_en", where),
                province=by_iso[iso_code],
                established=_year(entry, "established", where),
            )
            aliases = _strings(entry, "aliases", where)
            for target in (index, all_index):
                target.add(county, (county.name_fa, county.name_en), aliases)
            listed.append(county)
        if index.ambiguous_keys():
            _broken(f"counties of {iso_code} share the spellings {index.ambiguous_keys()}")
        counties[iso_code] = _Counties(tuple(listed), index)
        all_counties.extend(listed)

    provinces.sort(key=lambda province: province.iso_code)
    return _Places(
        provinces=tuple(provinces),
        by_iso=by_iso,
        province_index=province_index,
        counties=counties,
        all_counties=_Counties(tuple(all_counties), all_index),
    )


def _entry(entry: object, where: str, sources: Mapping[str, object]) -> Mapping[str, object]:
    if not isinstance(entry, dict):
        _broken(f"{where}: must be an object")
    if entry.get("source") not in sources:
        _broken(f'{where}: source must be one of the keys of "sources"')
    return entry


def _string(entry: Mapping[str, object], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value:
        _broken(f"{where}: {key} must be a non-empty string")
    return value


def _name(entry: Mapping[str, object], key: str, where: str) -> str:
    # Stored names are already canonical so that they compare equal to normalized input.
    value = _string(entry, key, where)
    if normalize(value) != value:
        _broken(f"{where}: {key} is not normalized (maskan.persian.text.normalize)")
    return value


def _year(entry: Mapping[str, object], key: str, where: str) -> int | None:
    value = entry.get(key)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    _broken(f"{where}: {key} must be a Jalali year")


def _strings(entry: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
    values = entry.get(key, [])
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        _broken(f"{where}: {key} must be a list of non-empty strings")
    return tuple(values)
