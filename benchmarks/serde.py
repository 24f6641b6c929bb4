"""Time a JSON round trip of 100,000 people: maskan.serde against pydantic v2 and msgspec.

Run by hand (the peers are the ``bench`` extra)::

    pip install -e ".[bench]"
    python benchmarks/serde.py [count] [--rounds=N]

The pydantic and msgspec models have the same shape as :class:`maskan.models.person.Person`
(the same fields, nesting and types) but check only types: maskan also validates every
national ID's checksum, normalizes every name and reads Jalali dates, so its decoding
does more work per person. Each peer's output is decoded back and compared with the
input before timing.

Encoding is compared like for like: ``serde.to_json_bytes`` with pydantic's
``TypeAdapter.dump_json`` and msgspec's ``encode`` (all three give UTF-8 bytes), and
``serde.to_json`` with pydantic's bytes decoded to ``str`` (what ``model_dump_json``
returns). The calls are timed in rounds, each round calling every library once, so that a
slow spell of a shared machine falls on all of them; each time printed is the best of
its rounds.

maskan writes JSON with orjson when it is installed (the ``fast`` extra, part of
``bench``); the rows marked "standard-library json" time the same calls without it, as
in the default install, in the same process.
"""

from __future__ import annotations

import datetime
import enum
import random
import sys
import time
from typing import Any

import msgspec
import orjson
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


def _rounds(calls: dict[str, Any], rounds: int) -> dict[str, float]:
    """The best time of each call over ``rounds`` rounds, each round calling each once."""
    best = dict.fromkeys(calls, float("inf"))
    for _ in range(rounds):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            best[name] = min(best[name], time.perf_counter() - started)
    return best


def _without_orjson(call: Any) -> Any:
    """``call`` run as the default install runs it, without orjson."""

    def run() -> Any:
        serde._orjson = None
        try:
            return call()
        finally:
            serde._orjson = orjson

    return run


def main() -> None:
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    options = dict(
        argument[2:].split("=", 1) for argument in sys.argv[1:] if argument.startswith("--")
    )
    count = int(arguments[0]) if arguments else 100_000
    rounds = int(options.get("rounds", 5))
    rng = random.Random(1404)
    people = [_person(rng) for _ in range(count)]
    plain = serde.to_dict(people)
    p_adapter = pydantic.TypeAdapter(list[PPerson])
    p_people = p_adapter.validate_python(plain)
    m_people = msgspec.convert(plain, list[MPerson])
    del plain

    text = serde.to_json(people)
    data = serde.to_json_bytes(people)
    p_data = p_adapter.dump_json(p_people)
    m_data = msgspec.json.encode(m_people)
    # every way of writing gives the same document, and every library reads back its input
    assert data == text.encode() == _without_orjson(lambda: serde.to_json_bytes(people))()
    assert text == _without_orjson(lambda: serde.to_json(people))()
    assert serde.from_json(list[Person], text) == people
    assert _without_orjson(lambda: serde.from_json(list[Person], text))() == people
    assert p_adapter.validate_json(p_data) == p_people
    assert msgspec.json.decode(m_data, type=list[MPerson]) == m_people

    encode = _rounds(
        {
            "maskan bytes": lambda: serde.to_json_bytes(people),
            "maskan str": lambda: serde.to_json(people),
            "maskan json bytes": _without_orjson(lambda: serde.to_json_bytes(people)),
            "maskan json str": _without_orjson(lambda: serde.to_json(people)),
            "pydantic bytes": lambda: p_adapter.dump_json(p_people),
            "pydantic str": lambda: p_adapter.dump_json(p_people).decode(),
            "msgspec bytes": lambda: msgspec.json.encode(m_people),
        },
        rounds,
    )
    # decoding builds every person anew: one round of each at a time, results dropped
    decode = _rounds(
        {
            "maskan": lambda: serde.from_json(list[Person], text),
            "maskan json": _without_orjson(lambda: serde.from_json(list[Person], text)),
            "pydantic": lambda: p_adapter.validate_json(p_data),
            "msgspec": lambda: msgspec.json.decode(m_data, type=list[MPerson]),
        },
        max(3, rounds // 2),
    )

    print(
        f"JSON round trip of {count:,} people ({len(data) / 1e6:.1f} MB of JSON), "
        f"best of {rounds} interleaved rounds to encode, {max(3, rounds // 2)} to decode"
    )
    print("| library | encode to bytes (s) | encode to str (s) | decode (s) |")
    print("|---|---:|---:|---:|")
    for label, name in (
        ("maskan.serde (orjson)", "maskan"),
        ("maskan.serde (standard-library json)", "maskan json"),
        ("pydantic v2 (TypeAdapter)", "pydantic"),
    ):
        print(
            f"| {label} | {encode[name + ' bytes']:.3f} | {encode[name + ' str']:.3f} | "
            f"{decode[name]:.3f} |"
        )
    print(f"| msgspec | {encode['msgspec bytes']:.3f} | | {decode['msgspec']:.3f} |")
    print()
    print("| maskan ÷ pydantic v2 | encode to bytes | encode to str | decode |")
    print("|---|---:|---:|---:|")
    for label, name in (("orjson", "maskan"), ("standard-library json", "maskan json")):
        print(
            f"| {label} | {encode[name + ' bytes'] / encode['pydantic bytes']:.2f} | "
            f"{encode[name + ' str'] / encode['pydantic str']:.2f} | "
            f"{decode[name] / decode['pydantic']:.2f} |"
        )


if __name__ == "__main__":
    main()
