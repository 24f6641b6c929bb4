"""Time a JSON round trip of 100,000 people: maskan.serde against pydantic v2 and msgspec.

Run by hand (the peers are the ``bench`` extra)::

    pip install -e ".[bench]"
    python benchmarks/serde.py [count]

The pydantic and msgspec models have the same shape as :class:`maskan.models.person.Person`
(the same fields, nesting and types) but check only types: maskan also validates every
national ID's checksum, normalizes every name and reads Jalali dates, so its decoding
does more work per person. Each peer's output is decoded back and compared with the
input before timing. Times are the best of three runs.

maskan writes JSON with orjson when it is installed (the ``fast`` extra, part of
``bench``); the second row times the same calls with the standard library's json, as in
the default install. Each library's decoded people are dropped before the next library
runs, so that none works beside another's objects.
"""

from __future__ import annotations

import datetime
import enum
import random
import sys
import time
from typing import Any

import msgspec
import pydantic

from maskan import serde
from maskan.calendar import jdate
from maskan.identifiers import national_id
from maskan.models.person import (
    Benefit,
    Employment,
    InsuredPeriod,
    OwnedProperty,
    Person,
    Residence,
)

FIRST = ["علی", "زهرا", "محمد", "فاطمه", "حسین", "مریم", "رضا", "سارا", "مهدی", "نرگس"]
LAST = ["کریمی", "احمدی", "حسینی", "رضایی", "موسوی", "جعفری", "صادقی", "کاظمی"]
CITIES = ["اصفهان", "کاشان", "نجف‌آباد", "خمینی‌شهر", "شاهین‌شهر", "مبارکه"]


SOLD_FLAT = OwnedProperty(kind="unit", acquired=jdate(1380, 1, 1), disposed=jdate(1383, 6, 1))


def _person(rng: random.Random) -> Person:
    body = f"{rng.randrange(1, 10**9):09d}"
    born = jdate(rng.randrange(1330, 1385), rng.randrange(1, 13), rng.randrange(1, 30))
    since = jdate(rng.randrange(1385, 1402), rng.randrange(1, 13), 1)
    return Person(
        national_id=body + national_id.calc_check_digit(body),
        first_name=rng.choice(FIRST),
        last_name=rng.choice(LAST),
        father_name=rng.choice(FIRST),
        birth_date=born,
        gender=rng.choice(["female", "male"]),
        nationality="iranian",
        legal_capacity=True,
        marital_status=rng.choice(["single", "married", "divorced", "widowed"]),
        head_of_household=rng.random() < 0.6,
        children_birth_dates=[jdate(1395 + n, 1 + n, 10) for n in range(rng.randrange(0, 4))],
        dependants=rng.randrange(0, 5),
        residences=[Residence(city=rng.choice(CITIES), since=since)],
        employment=Employment(kind="worker", employer="کارخانه", insurer="sso"),
        insured_periods=[InsuredPeriod(start=since, end=None, insurer="sso")],
        owned_properties=[SOLD_FLAT] if rng.random() < 0.2 else [],
        benefits=[Benefit(kind="subsidised_loan", date=jdate(1390, 5, 5), program="مسکن مهر")]
        if rng.random() < 0.1
        else [],
        income_decile=rng.randrange(1, 11),
    )


class Kind(enum.StrEnum):  # the peers' enums: same codes as maskan's
    FEMALE = "female"
    MALE = "male"


class PResidence(pydantic.BaseModel):
    city: str
    since: datetime.date
    county: dict[str, str] | None = None
    province: str | None = None
    from_metropolis: bool | None = None
    transferred_employee: bool | None = None


class PEmployment(pydantic.BaseModel):
    kind: str | None = None
    employer: str | None = None
    workplace: str | None = None
    insurer: str | None = None


class PInsured(pydantic.BaseModel):
    start: datetime.date
    end: datetime.date | None = None
    insurer: str | None = None


class POwned(pydantic.BaseModel):
    kind: str
    acquired: datetime.date | None = None
    disposed: datetime.date | None = None


class PBenefit(pydantic.BaseModel):
    kind: str
    date: datetime.date | None = None
    program: str | None = None


class PFormJ(pydantic.BaseModel):
    color: str
    as_of: datetime.date | None = None


class PHousing(pydantic.BaseModel):
    owned_properties: list[POwned] | None = None
    benefits: list[PBenefit] | None = None
    form_j: PFormJ | None = None


class PPerson(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")
    national_id: str
    first_name: str
    last_name: str
    father_name: str | None = None
    birth_date: datetime.date | None = None
    gender: Kind | None = None
    nationality: str | None = None
    legal_capacity: bool | None = None
    marital_status: str | None = None
    head_of_household: bool | None = None
    child_custody: bool | None = None
    children_birth_dates: list[datetime.date] | None = None
    dependants: int | None = None
    disabled: bool | None = None
    veteran_status: str | None = None
    residences: list[PResidence] | None = None
    employment: PEmployment | None = None
    insured_periods: list[PInsured] | None = None
    owned_properties: list[POwned] | None = None
    benefits: list[PBenefit] | None = None
    form_j: PFormJ | None = None
    income_decile: int | None = None
    spouse_national_id: str | None = None
    spouse_housing: PHousing | None = None


class MResidence(msgspec.Struct, forbid_unknown_fields=True):
    city: str
    since: datetime.date
    county: dict[str, str] | None = None
    province: str | None = None
    from_metropolis: bool | None = None
    transferred_employee: bool | None = None


class MEmployment(msgspec.Struct):
    kind: str | None = None
    employer: str | None = None
    workplace: str | None = None
    insurer: str | None = None


class MInsured(msgspec.Struct):
    start: datetime.date
    end: datetime.date | None = None
    insurer: str | None = None


class MOwned(msgspec.Struct):
    kind: str
    acquired: datetime.date | None = None
    disposed: datetime.date | None = None


class MBenefit(msgspec.Struct):
    kind: str
    date: datetime.date | None = None
    program: str | None = None


class MFormJ(msgspec.Struct):
    color: str
    as_of: datetime.date | None = None


class MHousing(msgspec.Struct):
    owned_properties: list[MOwned] | None = None
    benefits: list[MBenefit] | None = None
    form_j: MFormJ | None = None


class MPerson(msgspec.Struct, forbid_unknown_fields=True):
    national_id: str
    first_name: str
    last_name: str
    father_name: str | None = None
    birth_date: datetime.date | None = None
    gender: Kind | None = None
    nationality: str | None = None
    legal_capacity: bool | None = None
    marital_status: str | None = None
    head_of_household: bool | None = None
    child_custody: bool | None = None
    children_birth_dates: list[datetime.date] | None = None
    dependants: int | None = None
    disabled: bool | None = None
    veteran_status: str | None = None
    residences: list[MResidence] | None = None
    employment: MEmployment | None = None
    insured_periods: list[MInsured] | None = None
    owned_properties: list[MOwned] | None = None
    benefits: list[MBenefit] | None = None
    form_j: MFormJ | None = None
    income_decile: int | None = None
    spouse_national_id: str | None = None
    spouse_housing: MHousing | None = None


def _best(function: Any, runs: int = 3) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        started = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    rng = random.Random(1404)
    people = [_person(rng) for _ in range(count)]
    plain = serde.to_dict(people)
    p_people = pydantic.TypeAdapter(list[PPerson]).validate_python(plain)
    m_people = msgspec.convert(plain, list[MPerson])
    p_adapter = pydantic.TypeAdapter(list[PPerson])

    rows = []
    encode, text = _best(lambda: serde.to_json(people))
    decode, back = _best(lambda: serde.from_json(list[Person], text))
    assert back == people
    fast = serde._orjson is not None  # the ``fast`` extra
    rows.append((f"maskan.serde ({'orjson' if fast else 'standard-library json'})", encode, decode))
    del back
    if fast:  # the default install, without orjson, in the same process
        serde._orjson = None
        try:
            encode, json_text = _best(lambda: serde.to_json(people))
            decode, back = _best(lambda: serde.from_json(list[Person], json_text))
        finally:
            serde._orjson = sys.modules["orjson"]
        assert json_text == text
        assert back == people
        rows.append(("maskan.serde (standard-library json)", encode, decode))
        del back

    encode, p_text = _best(lambda: p_adapter.dump_json(p_people, exclude_none=False))
    decode, p_back = _best(lambda: p_adapter.validate_json(p_text))
    assert p_back == p_people
    rows.append(("pydantic v2 (TypeAdapter)", encode, decode))
    del p_back

    encode, m_text = _best(lambda: msgspec.json.encode(m_people))
    decode, m_back = _best(lambda: msgspec.json.decode(m_text, type=list[MPerson]))
    assert m_back == m_people
    rows.append(("msgspec", encode, decode))

    ours_encode, ours_decode = rows[0][1], rows[0][2]
    print(f"JSON round trip of {count:,} people ({len(text.encode()) / 1e6:.1f} MB of JSON)")
    print("| library | encode (s) | decode (s) | encode: maskan ÷ peer | decode: maskan ÷ peer |")
    print("|---|---:|---:|---:|---:|")
    for name, encode, decode in rows:
        print(
            f"| {name} | {encode:.3f} | {decode:.3f} | "
            f"{ours_encode / encode:.2f} | {ours_decode / decode:.2f} |"
        )


if __name__ == "__main__":
    main()
