"""Provinces and counties: the data as DOMAIN.md §6.7/§6.8 gives it, tolerant lookup, errors."""

from __future__ import annotations

import contextlib
import copy
import json
import pickle
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from maskan import geo
from maskan.errors import MaskanError, UnknownPlace, describe
from maskan.geo import County, Province

ZWNJ = "\u200c"

# DOMAIN.md §6.7, copied by hand so that a change to the data file has to be deliberate.
PROVINCES = [
    ("IR-00", "مرکزی", "Markazi"),
    ("IR-01", "گیلان", "Gilan"),
    ("IR-02", "مازندران", "Mazandaran"),
    ("IR-03", "آذربایجان شرقی", "East Azerbaijan"),
    ("IR-04", "آذربایجان غربی", "West Azerbaijan"),
    ("IR-05", "کرمانشاه", "Kermanshah"),
    ("IR-06", "خوزستان", "Khuzestan"),
    ("IR-07", "فارس", "Fars"),
    ("IR-08", "کرمان", "Kerman"),
    ("IR-09", "خراسان رضوی", "Razavi Khorasan"),
    ("IR-10", "اصفهان", "Isfahan"),
    ("IR-11", "سیستان و بلوچستان", "Sistan and Baluchestan"),
    ("IR-12", "کردستان", "Kurdistan"),
    ("IR-13", "همدان", "Hamadan"),
    ("IR-14", "چهارمحال و بختیاری", "Chaharmahal and Bakhtiari"),
    ("IR-15", "لرستان", "Lorestan"),
    ("IR-16", "ایلام", "Ilam"),
    ("IR-17", "کهگیلویه و بویراحمد", "Kohgiluyeh and Boyer-Ahmad"),
    ("IR-18", "بوشهر", "Bushehr"),
    ("IR-19", "زنجان", "Zanjan"),
    ("IR-20", "سمنان", "Semnan"),
    ("IR-21", "یزد", "Yazd"),
    ("IR-22", "هرمزگان", "Hormozgan"),
    ("IR-23", "تهران", "Tehran"),
    ("IR-24", "اردبیل", "Ardabil"),
    ("IR-25", "قم", "Qom"),
    ("IR-26", "قزوین", "Qazvin"),
    ("IR-27", "گلستان", "Golestan"),
    ("IR-28", "خراسان شمالی", "North Khorasan"),
    ("IR-29", "خراسان جنوبی", "South Khorasan"),
    ("IR-30", "البرز", "Alborz"),
]

# DOMAIN.md §6.8: the 24 census-era counties in django-iranian-cities' order, then the four of 1400.
ISFAHAN_COUNTIES = [
    ("اردستان", "Ardestan"),
    ("اصفهان", "Isfahan"),
    ("خمینی‌شهر", "Khomeyni-Shahr"),
    ("خوانسار", "Khansar"),
    ("سمیرم", "Semirom"),
    ("فریدن", "Fereydan"),
    ("فریدونشهر", "Fereydunshahr"),
    ("فلاورجان", "Falavarjan"),
    ("شهرضا", "Shahreza"),
    ("کاشان", "Kashan"),
    ("گلپایگان", "Golpayegan"),
    ("لنجان", "Lenjan"),
    ("نایین", "Nain"),
    ("نجف‌آباد", "Najafabad"),
    ("نطنز", "Natanz"),
    ("شاهین‌شهر و میمه", "Shahin-Shahr and Meymeh"),
    ("مبارکه", "Mobarakeh"),
    ("آران و بیدگل", "Aran-o-Bidgol"),
    ("تیران و کرون", "Tiran-o-Karvan"),
    ("چادگان", "Chadegan"),
    ("دهاقان", "Dehaqan"),
    ("برخوار", "Borkhar"),
    ("خور و بیابانک", "Khur-o-Biabanak"),
    ("بوئین و میاندشت", "Buin-o-Miandasht"),
    ("ورزنه", "Varzaneh"),
    ("جرقویه", "Jarqavieh"),
    ("هرند", "Harand"),
    ("کوهپایه", "Kuhpayeh"),
]
NEW_IN_1400 = ["Varzaneh", "Jarqavieh", "Harand", "Kuhpayeh"]


def arabic_letters(text: str) -> str:
    """Spell ``text`` with Arabic yeh and kaf, as legal texts and old keyboards do."""
    return text.replace("ی", "ي").replace("ک", "ك")


# The data --------------------------------------------------------------------------------


def test_all_provinces_match_domain_md() -> None:
    assert [(p.iso_code, p.name_fa, p.name_en) for p in Province.all()] == PROVINCES


def test_all_is_stable_and_shared() -> None:
    assert Province.all() is Province.all()
    assert len({p.iso_code for p in Province.all()}) == 31


def test_isfahan_counties_match_domain_md() -> None:
    counties = County.of("Isfahan")
    assert [(c.name_fa, c.name_en) for c in counties] == ISFAHAN_COUNTIES
    assert len(counties) >= 28
    assert all(c.province is Province.lookup("IR-10") for c in counties)
    assert [c.name_en for c in counties if c.established == 1400] == NEW_IN_1400
    assert all(c.established is None for c in counties if c.name_en not in NEW_IN_1400)


def test_data_file_is_package_data_with_sources() -> None:
    text = (resources.files("maskan") / "data" / "places.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["format"] == 1
    entries = [*data["provinces"], *(c for cs in data["counties"].values() for c in cs)]
    assert {entry["source"] for entry in entries} <= set(data["sources"])


def test_data_is_read_lazily() -> None:
    code = "import maskan.geo as g; assert g._loaded is None; g.Province.all(); assert g._loaded"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_no_two_places_share_a_spelling() -> None:
    places = geo._places()
    for index in (places.province_index, places.all_counties.index):
        assert index.ambiguous_keys() == []
        assert all(len(found) == 1 for found in index._loose.values())


# The classes -----------------------------------------------------------------------------


def test_province_is_frozen_slotted_keyword_only() -> None:
    isfahan = Province.lookup("Isfahan")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        isfahan.name_en = "Esfahan"  # type: ignore[misc]
    assert not hasattr(isfahan, "__dict__")
    with pytest.raises(TypeError):
        Province("اصفهان", "Isfahan", "IR-10")  # type: ignore[call-arg]


def test_equal_and_hashable() -> None:
    isfahan = Province.lookup("Isfahan")
    assert isfahan == Province(name_fa="اصفهان", name_en="Isfahan", iso_code="IR-10")
    assert {isfahan: 1}[Province.lookup("IR-10")] == 1
    kashan = County.lookup("Kashan")
    assert {kashan, County.lookup("کاشان")} == {kashan}


def test_pickle_round_trip() -> None:
    kashan = County.lookup("Kashan")
    assert pickle.loads(pickle.dumps(kashan)) == kashan


# Province.lookup ----------------------------------------------------------------------------


@pytest.fixture(params=Province.all(), ids=lambda p: p.iso_code)
def province(request: pytest.FixtureRequest) -> Province:
    value: Province = request.param
    return value


def spellings(province: Province) -> Iterator[str]:
    yield province.name_fa
    yield province.name_en
    yield province.iso_code
    yield province.iso_code.lower()
    yield province.iso_code.replace("-", "")
    yield province.iso_code.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    yield province.name_en.upper()
    yield province.name_en.lower()
    yield f"  {province.name_en}   Province "
    yield f"Province of {province.name_en}"
    yield f"استان {province.name_fa}"
    yield f"استان{ZWNJ}{province.name_fa}"
    yield arabic_letters(f"استان  {province.name_fa}")
    yield province.name_fa.replace(" ", "  ")
    yield province.name_fa.replace(" ", ZWNJ)
    yield f"{ZWNJ}{province.name_fa}{ZWNJ}"


def test_every_province_round_trips(province: Province) -> None:
    for spelling in spellings(province):
        assert Province.lookup(spelling) is province, spelling


def test_lookup_of_a_province_is_itself(province: Province) -> None:
    assert Province.lookup(province) is province


@pytest.mark.parametrize(
    ("name", "iso_code"),
    [
        ("اصفهان", "IR-10"),
        ("Esfahan", "IR-10"),
        ("Isfahan", "IR-10"),
        ("isfahan", "IR-10"),
        ("ESFAHAN province", "IR-10"),
        ("Eşfahān", "IR-10"),
        ("اَصفهان", "IR-10"),
        ("ir 10", "IR-10"),
        ("IR-۱۰", "IR-10"),
        ("IR-١٠", "IR-10"),
        ("Kordestan", "IR-12"),
        ("Kurdistan", "IR-12"),
        ("آذربايجان شرقي", "IR-03"),
        ("اذربایجان غربی", "IR-04"),
        ("East-Azerbaijan", "IR-03"),
        ("Azerbaijan, West", "IR-04"),
        ("Āz̄ārbāyjān-e Shārqī", "IR-03"),
        ("azarbayjan-e sharqi", "IR-03"),
        ("Khorasan Razavi", "IR-09"),
        ("Khorāsān-e Raẕavī", "IR-09"),
        ("north khorasan", "IR-28"),
        ("خراسان‌شمالی", "IR-28"),
        ("Sistan & Baluchestan", "IR-11"),
        ("Sistan va Baluchestan", "IR-11"),
        ("سیستان بلوچستان", "IR-11"),
        ("سیستان وبلوچستان", "IR-11"),
        ("سیستان‌وبلوچستان", "IR-11"),
        ("Chahar Mahal and Bakhtiari", "IR-14"),
        ("چهارمحال‌و‌بختیاری", "IR-14"),
        ("Kohgiluyeh & Boyer Ahmad", "IR-17"),
        ("Kohgīlūyeh va Bowyer Aḩmad", "IR-17"),
        ("کهگیلویه وبویراحمد", "IR-17"),
        ("كهگيلويه و بويراحمد", "IR-17"),
        ("Tehran Ostan", "IR-23"),
        ("قُم", "IR-25"),
        ("ﻗﺰﻭﻳﻦ", "IR-26"),
    ],
)
def test_variants(name: str, iso_code: str) -> None:
    assert Province.lookup(name).iso_code == iso_code


# County.of and County.lookup ---------------------------------------------------------------


@pytest.mark.parametrize("province", ["Isfahan", "اصفهان", "IR-10", "استان اصفهان"])
def test_county_of_accepts_names(province: str) -> None:
    assert County.of(province) is County.of(Province.lookup("IR-10"))


@pytest.fixture(params=County.of("IR-10"), ids=lambda c: c.name_en)
def county(request: pytest.FixtureRequest) -> County:
    value: County = request.param
    return value


def test_every_county_round_trips(county: County) -> None:
    for spelling in (
        county.name_fa,
        county.name_en,
        county.name_en.lower(),
        f"{county.name_en} County",
        f"شهرستان {county.name_fa}",
        arabic_letters(county.name_fa),
        county.name_fa.replace(ZWNJ, " "),
        county.name_fa.replace(ZWNJ, ""),
        county.name_en.replace("-", " "),
    ):
        assert County.lookup(spelling) is county, spelling
        assert County.lookup(spelling, province="IR-10") is county, spelling
    assert County.lookup(county) is county
    assert County.lookup(county, province="Isfahan") is county


@pytest.mark.parametrize(
    ("name", "name_en"),
    [
        ("Esfahan", "Isfahan"),
        ("خميني شهر", "Khomeyni-Shahr"),
        ("Khomeyni Shahr", "Khomeyni-Shahr"),
        ("نجف آباد", "Najafabad"),
        ("نجفاباد", "Najafabad"),
        ("نائین", "Nain"),
        ("Na'in", "Nain"),
        ("Aran and Bidgol", "Aran-o-Bidgol"),
        ("Aran va Bidgol", "Aran-o-Bidgol"),
        ("آران‌وبیدگل", "Aran-o-Bidgol"),
        ("تیران وکرون", "Tiran-o-Karvan"),
        ("بویین و میاندشت", "Buin-o-Miandasht"),
        ("Fereydun Shahr", "Fereydunshahr"),
        ("فریدون‌شهر", "Fereydunshahr"),
        ("Shahinshahr and Meymeh", "Shahin-Shahr and Meymeh"),
        ("شهرستان ورزنه", "Varzaneh"),
    ],
)
def test_county_variants(name: str, name_en: str) -> None:
    assert County.lookup(name).name_en == name_en


# Errors ---------------------------------------------------------------------------------

TEN_MB = "x" * 10_000_000
BAD_TEXT: list[Any] = [
    "",
    "   ",
    ZWNJ,
    "استان",
    "Province",
    "garbage",
    "!!!",
    "\ud800",
    "\x00",
    TEN_MB,
    "اصفهان" * 1000,
    None,
    0,
    10,
    1.5,
    True,
    b"Isfahan",
    ["Isfahan"],
    object(),
]


def check_error(error: MaskanError, field: str) -> None:
    assert isinstance(error, UnknownPlace)
    assert error.code in {"unknown_place", "empty", "too_long", "type", "no_counties"}
    assert error.field == field
    assert str(error).startswith(f"{field}: ")
    assert error.message_fa.startswith(f"{field}: ")
    assert len(str(error)) < 400
    assert len(error.message_fa) < 400


@pytest.mark.parametrize("value", BAD_TEXT, ids=describe)
def test_province_bad_input(value: Any) -> None:
    with pytest.raises(MaskanError) as caught:
        Province.lookup(value)
    check_error(caught.value, "name")


@pytest.mark.parametrize("value", BAD_TEXT, ids=describe)
def test_county_bad_input(value: Any) -> None:
    with pytest.raises(MaskanError) as caught:
        County.lookup(value)
    check_error(caught.value, "name")


@pytest.mark.parametrize("value", [*BAD_TEXT, "Tehran", "IR-23"], ids=describe)
def test_county_bad_province(value: Any) -> None:
    with pytest.raises(MaskanError) as caught:
        County.of(value)
    check_error(caught.value, "province")
    if value is not None:  # None is the default: search every province
        with pytest.raises(MaskanError) as caught:
            County.lookup("Kashan", province=value)
        check_error(caught.value, "province")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("", "empty"),
        ("  \u200c ", "empty"),
        ("استان", "empty"),
        (None, "type"),
        (42, "type"),
        (TEN_MB, "too_long"),
        ("Atlantis", "unknown_place"),
    ],
)
def test_error_codes(value: Any, code: str) -> None:
    with pytest.raises(UnknownPlace) as caught:
        Province.lookup(value)
    assert caught.value.code == code
    assert caught.value.value is value


def test_error_names_the_closest_matches() -> None:
    with pytest.raises(UnknownPlace) as caught:
        Province.lookup("Isfahn")
    assert str(caught.value) == (
        "name: 'Isfahn' is not a province; closest: Isfahan (اصفهان, IR-10)"
    )
    assert "اصفهان" in caught.value.message_fa

    with pytest.raises(UnknownPlace) as caught:
        Province.lookup("اصفهن")
    assert "Isfahan" in str(caught.value)

    with pytest.raises(UnknownPlace) as caught:
        Province.lookup("Khorasan")
    message = str(caught.value)
    assert all(name in message for name in ("North Khorasan", "South Khorasan", "Razavi"))

    with pytest.raises(UnknownPlace) as caught:
        County.lookup("Kashn")
    assert "Kashan (کاشان) in Isfahan" in str(caught.value)


def test_error_without_close_match_says_where_to_look() -> None:
    with pytest.raises(UnknownPlace, match=r"Province\.all\(\)"):
        Province.lookup("zzzzzz")


def test_too_long_message_is_short() -> None:
    with pytest.raises(UnknownPlace) as caught:
        Province.lookup(TEN_MB)
    assert "(10000000 characters)" in str(caught.value)
    assert len(str(caught.value)) < 200


def test_no_counties_names_what_exists() -> None:
    with pytest.raises(UnknownPlace) as caught:
        County.of("Tehran")
    assert caught.value.code == "no_counties"
    assert "Tehran (تهران, IR-23)" in str(caught.value)
    assert "Isfahan (اصفهان, IR-10)" in str(caught.value)


def test_errors_pickle() -> None:
    with pytest.raises(UnknownPlace) as caught:
        Province.lookup("Atlantis")
    copy_ = pickle.loads(pickle.dumps(caught.value))
    assert (type(copy_), copy_.code, str(copy_)) == (
        UnknownPlace,
        "unknown_place",
        str(caught.value),
    )


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=120))
def test_any_text_gives_a_place_or_an_unknown_place(text: str) -> None:
    with contextlib.suppress(UnknownPlace):
        assert Province.lookup(text) in Province.all()
    with contextlib.suppress(UnknownPlace):
        assert County.lookup(text) in County.of("IR-10")


# Adding a province's counties (the documented data-file format) ---------------------------


def data_file() -> dict[str, Any]:
    text = (resources.files("maskan") / "data" / "places.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@pytest.fixture
def with_tehran(monkeypatch: pytest.MonkeyPatch) -> None:
    """The shipped data plus a made-up Tehran county that shares a name with Isfahan's."""
    data = data_file()
    data["sources"]["test"] = "made up for this test"
    data["counties"]["IR-23"] = [
        {"name_fa": "کاشان", "name_en": "Kashan", "source": "test"},
        {"name_fa": "الف", "name_en": "Alef", "aliases": ["Alif"], "source": "test"},
    ]
    monkeypatch.setattr(geo, "_loaded", geo._build(data))


@pytest.mark.usefixtures("with_tehran")
def test_added_province_counties() -> None:
    assert [c.name_en for c in County.of("تهران")] == ["Kashan", "Alef"]
    assert County.lookup("alif").province.iso_code == "IR-23"
    assert County.lookup("Kashan", province="Tehran").province.name_en == "Tehran"
    assert County.lookup("Kashan", province="Isfahan").province.name_en == "Isfahan"
    with pytest.raises(UnknownPlace) as caught:
        County.lookup("Kashan")
    assert caught.value.code == "ambiguous"
    assert "Kashan (کاشان) in Isfahan" in str(caught.value)
    assert "Kashan (کاشان) in Tehran" in str(caught.value)
    with pytest.raises(UnknownPlace) as caught:
        County.lookup(County.lookup("Alef"), province="Isfahan")
    assert caught.value.code == "wrong_province"


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.update(format=2), "format"),
        (lambda d: d["provinces"][0].update(iso_code="IR-1"), "iso_code"),
        (lambda d: d["provinces"][1].update(iso_code="IR-00"), "iso_code"),
        (lambda d: d["provinces"][0].update(name_fa="مركزي"), "not normalized"),
        (lambda d: d["provinces"][0].update(name_en=""), "name_en"),
        (lambda d: d["provinces"][0].update(aliases=["Gilan"]), "share"),
        (lambda d: d["provinces"][0].update(source="nowhere"), "source"),
        (lambda d: d["counties"].update({"IR-99": []}), "IR-99"),
        (lambda d: d["counties"]["IR-10"][0].update(established="1400"), "established"),
        (lambda d: d["counties"]["IR-10"][0].update(name_en="Kashan"), "share"),
        (lambda d: d["counties"]["IR-10"][0].update(aliases="Ardestan"), "aliases"),
    ],
)
def test_broken_data_file_is_reported(change: Any, problem: str) -> None:
    data = copy.deepcopy(data_file())
    change(data)
    with pytest.raises(RuntimeError, match=problem):
        geo._build(data)
