"""Decision cases as data: every file in cases/ is a program's cases, one table per case.

A case file is TOML a domain expert can read and extend (see cases/README.md)::

    [[case]]
    name = "married head of household, six years in Isfahan"
    on = "1404-09-04"                 # the evaluation date (Jalali or ISO)
    expected = "eligible"             # eligible, ineligible or undetermined
    failed = []                       # the reason codes that must fail, in order
    eligible_from = "1405-01-01"      # optional
    values = { ... }                  # optional: parameter values the caller supplies
    context = { city = "اصفهان" }     # optional: what the program needs besides the person

    [case.person]                     # a Person, as maskan.serde reads it
    national_id = "0499370899"
    ...
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from maskan import serde
from maskan.calendar import as_date
from maskan.eligibility.programs import PROGRAMS
from maskan.models.person import Person

CASES = Path(__file__).parent / "cases"


def _load() -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted(CASES.glob("*.toml")):
        for case in tomllib.loads(path.read_text(encoding="utf-8"))["case"]:
            found.append((path.stem, case))
    return found


def _context(program: str, raw: dict[str, Any]) -> dict[str, Any]:
    from case_context import build  # program-specific context: cooperatives, registries

    return build(program, raw)


ALL = _load()


@pytest.mark.parametrize(
    ("program", "case"), ALL, ids=[f"{program}: {case['name']}" for program, case in ALL]
)
def test_case(program: str, case: dict[str, Any]) -> None:
    subject = PROGRAMS[program]
    if case.get("values"):
        subject = subject.with_values(**case["values"])
    person = serde.from_dict(Person, case["person"])
    decision = subject.evaluate(person, on=case["on"], **_context(program, case.get("context", {})))
    assert decision.verdict.value == case["expected"], decision.explain("en")
    assert list(decision.failed_codes) == case.get("failed", []), decision.explain("en")
    if "eligible_from" in case:
        expected = None if case["eligible_from"] == "none" else as_date(case["eligible_from"])
        assert decision.eligible_from == expected, decision.explain("en")


def test_every_program_has_at_least_fifteen_cases() -> None:
    counts = dict.fromkeys(PROGRAMS, 0)
    for program, _ in ALL:
        counts[program] += 1
    assert all(count >= 15 for count in counts.values()), counts
