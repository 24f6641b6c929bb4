"""Inputs that once crashed a fuzz harness (fuzz/), kept so that they never crash again.

Each test runs the harness's own check on the exact input it found, then states the fixed
behaviour directly.
"""

from __future__ import annotations

import datetime
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from maskan import calendar, serde
from maskan.models import Person
from maskan.persian import format_date


def _load_targets() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "fuzz" / "fuzz_targets.py"
    spec = importlib.util.spec_from_file_location("fuzz_targets", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_targets", module)
    spec.loader.exec_module(module)
    return module


targets = _load_targets()

# fuzz_serde.py, crash-35e53d8521eeff9b19224a8e509b44518ef8a9db: a residence "since"
# 0992-04-09 is Jalali 992 (Gregorian 1613); to_json wrote "1613-06-30", which reads back as
# Jalali 1613 (Gregorian 2234).
PERSON_WITH_AN_OLD_DATE = (
    '{"national_id":"1280549890","first_name":"علی","last_name":"مرادی","father_name":"سعید",'
    '"birth_date":"1985-04-09","gender":"male","nationality":"iranian","legal_capacity":true,'
    '"marital_status":"married","head_of_household":true,'
    '"children_birth_dates":["2017-02-16","2023-07-08"],"dependants":3,"disabled":false,'
    '"veteran_status":"none","residences":[{"city":"اصفهان","since":"0992-04-09",'
    '"county":{"province":"IR-10","name":"اصفهان"},"province":"IR-10"}],'
    '"employment":{"kind":"other"},"insured_periods":[],"owned_properties":[{"kind":"unit",'
    '"acquired":"2013-07-16","disposed":"2024-12-21"}],"benefits":[],'
    '"form_j":{"color":"green","as_of":"2025-06-11"},"income_decile":1,'
    '"spouse_national_id":"1291859632","spouse_housing":{"owned_properties":[],"benefits":[]}}'
).encode()


def test_a_gregorian_date_before_1700_reads_back_from_json() -> None:
    targets.serde_json(PERSON_WITH_AN_OLD_DATE)
    person = serde.from_json(Person, PERSON_WITH_AN_OLD_DATE)
    assert person.residences[0].since == datetime.date(1613, 6, 30)
    assert serde.from_json(Person, serde.to_json(person)) == person


def test_each_date_is_written_in_the_calendar_that_reads_it_back() -> None:
    for day in (datetime.date(1613, 6, 30), datetime.date(1699, 12, 31), datetime.date(2400, 1, 1)):
        for dates in ("iso", "jalali"):
            written = serde.to_json(day, dates=dates)  # type: ignore[arg-type]
            assert serde.from_json(datetime.date, written) == day, (day, dates, written)
    assert serde.to_json(datetime.date(1613, 6, 30)) == '"0992-04-09"'
    assert serde.to_json(datetime.date(2400, 1, 1), dates="jalali") == '"2400-01-01"'


def test_format_date_reads_back_below_jalali_1700_only() -> None:
    # fuzz_dates.py, crash-30d83df5f0ddf0f8d2cd700219e7c1592fa35ca2: "40941004" is
    # Gregorian 4094-10-04, Jalali 3473, and «۳۴۷۳/۰۷/۱۳» reads as a Gregorian year. The
    # harness now checks reading back where parse_date documents it.
    targets.dates("40941004")
    day = calendar.parse_date("40941004")
    assert day == datetime.date(4094, 10, 4)
    assert calendar.parse_date(format_date(day, style="short")) != day
    last = calendar.jdate(1699, 12, 29)
    for style in ("short", "long", "full"):
        assert calendar.parse_date(format_date(last, style=style)) == last  # type: ignore[arg-type]
