"""Time the National Housing Movement over generated people: maskan per person, maskan in
columns, and OpenFisca.

Run by hand (OpenFisca is in the ``bench`` extra, never a runtime dependency: it is AGPL;
numpy and pandas are the ``columnar`` and ``pandas`` extras)::

    pip install -e ".[bench,columnar,pandas]"
    python benchmarks/eligibility.py [people] [--five-year-lookback X] [--residence-easing X]

``people`` defaults to 1,000,000. The people are generated from a fixed seed with
Isfahan-like facts (birth dates, gender, marital status, head of household, custody,
disability, a residence history of up to three cities, owned properties and state housing
benefits — mostly none — a Form J, and the spouse's housing history for married people).
Every fact is known, so every decision is ``eligible`` or ``ineligible``.

Three implementations decide the same rule for the same people on 1404/09/04 in Isfahan:

* **maskan per person**: ``national_housing_movement.PROGRAM.with_values(...)
  .evaluate_many(people)``, one :class:`~maskan.eligibility.Decision` per person with every
  finding, its reasons and ``eligible_from``.
* **maskan columnar**: ``PROGRAM.with_values(...).evaluate_columns(columns)`` on the same
  facts as the columns of :data:`maskan.eligibility.batch.FACTS` (dates as ``datetime64[D]``,
  yes/no as ``bool``, choices and cities as pandas ``Categorical``), end to end: reading the
  columns, every rule's vectorized twin, the verdict, the ``uint64`` bitmask of failed
  reasons and ``eligible_from`` of every row.
* **OpenFisca**: a minimal ``TaxBenefitSystem`` defined below (entities ``person`` and
  ``household`` with the roles ``applicant`` and ``spouse``; the facts as numpy columns;
  the same parameters, with the same values and dates, as OpenFisca parameters; formulas
  for the household categories, the without-housing test of the applicant and the spouse,
  and the residence rule), computing eligible/ineligible as whole-column numpy operations.
  Jalali anniversaries (ages, residence years, the 5-year look-back) are computed in numpy
  with the 33-year arithmetic rule maskan uses; the conversion is checked against maskan's
  calendar before the run.

Each implementation runs in its own subprocess, so that no one's memory shows in another's
peak. In a subprocess the inputs are built first (maskan ``Person`` objects, the columns, or
OpenFisca's numpy columns); then the peak resident set size is reset (Linux
``/proc/self/clear_refs``), the evaluation is timed, and the peak is read back (``VmHWM``):
"peak MB" is the largest resident set during the evaluation, inputs included, and "inputs
MB" the resident set just before it. The verdicts, and the outcome of each of the three
deciding rules, are compared person by person afterwards; so are maskan's two paths'
failed reason codes and ``eligible_from``. Timings are wall-clock seconds
of one run (``--repeat`` takes the best of several); they are noisy on a busy machine.

The per-person process also prints the floor of its path (:func:`measure_floor`): the time,
in the same process, of only building the ``Finding`` objects a decision owns and its
``Decision``, that is the ceiling on decisions per second for any per-person path returning
full findings as frozen attrs objects; and the rate of ``evaluate_many`` run once more with
the garbage collector paused.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import datetime
import gc
import json
import platform
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import numpy as np

from maskan import calendar
from maskan.calendar import jalali_ymd, jdate
from maskan.eligibility.decision import Decision
from maskan.eligibility.programs import national_housing_movement as nhm
from maskan.eligibility.rules import Finding, Outcome
from maskan.identifiers import national_id
from maskan.models.person import (
    Benefit,
    FormJStatus,
    HousingHistory,
    OwnedProperty,
    Person,
    Residence,
)

SEED = 1404
ON = jdate(1404, 9, 4)  # 2025-11-25
CITY = "اصفهان"
PROVINCE = "اصفهان"  # of the city applied for: not Tehran province
TARGET = 200_000  # decisions per second on the per-person path (issue 5)

# Cities: index 0 is the city applied for; then towns of Isfahan province; then metropolises
# (کلان‌شهر). A move from a metropolis sets the residence record's from_metropolis.
CITIES = (
    "اصفهان",
    "کاشان",
    "نجف‌آباد",
    "خمینی‌شهر",
    "شاهین‌شهر",
    "مبارکه",
    "تهران",
    "مشهد",
    "شیراز",
    "تبریز",
    "کرج",
    "اهواز",
    "قم",
)
FIRST_METROPOLIS = 6
ISFAHAN = 0

RESIDENCES, PROPERTIES, BENEFITS = 3, 2, 2  # slots per person
SINGLE, MARRIED, DIVORCED, WIDOWED = 0, 1, 2, 3
STATUSES = ("single", "married", "divorced", "widowed")
NO_FORM_J, GREEN, RED = 0, 1, 2
PROPERTY_KINDS = ("unit", "land")
BENEFIT_KINDS = ("subsidised_loan", "land", "unit")
FIRST_NAMES = ("علی", "زهرا", "محمد", "فاطمه", "حسین", "مریم", "رضا", "سارا", "مهدی", "نرگس")
LAST_NAMES = ("کریمی", "احمدی", "حسینی", "رضایی", "موسوی", "جعفری", "صادقی", "کاظمی")

YEAR = 365.2422
UNIX = datetime.date(1970, 1, 1).toordinal()

# --- Jalali dates in numpy (for the generator and the OpenFisca formulas) -------------

# The 33-year arithmetic rule, the one maskan.calendar uses, on numpy arrays of ordinals.
_JALALI_EPOCH = 226_894  # the ordinal of the day before 1 Farvardin 1
_MONTH_START = np.array([0, 0, 31, 62, 93, 124, 155, 186, 216, 246, 276, 306, 336])
_LEAP = np.array([1, 5, 9, 13, 17, 22, 26, 30])


def jalali(ordinal: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Jalali (year, month, day) of an array of proleptic Gregorian ordinals."""
    n = ordinal.astype(np.int64) - _JALALI_EPOCH - 1
    years = (33 * n + 3) // 12053
    day = n - 365 * years - (8 * years + 29) // 33
    first_half = day < 186
    later = day - 186
    month = np.where(first_half, day // 31 + 1, later // 30 + 7)
    dom = np.where(first_half, day % 31 + 1, later % 30 + 1)
    return years + 1, month, dom


def gregorian(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """The ordinal of Jalali (year, month, day) arrays."""
    years = year - 1
    return _JALALI_EPOCH + 365 * years + (8 * years + 29) // 33 + _MONTH_START[month] + day


def is_leap(year: np.ndarray) -> np.ndarray:
    return np.isin(year % 33, _LEAP)


def add_years(ordinal: np.ndarray, years: int | np.ndarray) -> np.ndarray:
    """The same Jalali day ``years`` later; Esfand 30 becomes 29 in a common year."""
    y, m, d = jalali(ordinal)
    y = y + years
    length = np.where(m <= 6, 31, np.where((m <= 11) | is_leap(y), 30, 29))
    return gregorian(y, m, np.minimum(d, length))


def full_years(start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Full Jalali years from ``start`` to ``end``: an anniversary completes a year, and
    Esfand 30's anniversary in a common year is Esfand 29."""
    sy, sm, sd = jalali(start)
    ey, em, ed = jalali(end)
    before = (em < sm) | ((em == sm) & (ed < sd))
    esfand_30 = (sm == 12) & (sd == 30) & (em == 12) & (ed == 29) & ~is_leap(ey)
    return ey - sy - (before & ~esfand_30)


# --- generated facts --------------------------------------------------------------------


def _between(rng: np.random.Generator, low: np.ndarray, high: np.ndarray) -> np.ndarray:
    """A day from ``low`` to ``high`` (ordinals, both included), uniformly."""
    return low + np.floor(rng.random(low.shape) * (high - low + 1)).astype(np.int64)


def _slots(
    rng: np.random.Generator,
    n: np.ndarray,
    slots: int,
    after: np.ndarray,
    on: int,
    *,
    strict: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """For people with ``n`` records each, a day per slot from ``after`` to ``on``, each on
    or after the one before (after it, when ``strict``); 0 marks an unused slot. A person
    left with no room for a record gets fewer: the count is returned with the days."""
    count = len(n)
    days = np.zeros((count, slots), np.int64)
    low = np.minimum(after, on)
    for k in range(slots):
        n = np.where((k < n) & (low > on), k, n)
        day = _between(rng, low, np.full(count, on))
        days[:, k] = np.where(k < n, day, 0)
        low = np.where(k < n, day + strict, low)
    return n, days


def _counts(rng: np.random.Generator, count: int, weights: tuple[float, ...]) -> np.ndarray:
    """How many records each person has: 0, 1, … with these probabilities."""
    return rng.choice(len(weights), size=count, p=weights)


def generate(count: int, seed: int = SEED) -> dict[str, np.ndarray]:
    """The facts of ``count`` applicants as numpy columns; the same seed, the same people.

    Dates are proleptic Gregorian ordinals (``datetime.date.toordinal``); 0 marks an unused
    slot. Marital status, head of household and custody follow age and gender roughly as
    in an Iranian city; most people own nothing and used no state benefit.
    """
    rng = np.random.default_rng(seed)
    on = ON.toordinal()
    facts: dict[str, np.ndarray] = {}
    # Applicants are 18 to 74 on the evaluation date; every day of the year can be a
    # birthday, Esfand 30 of leap years included.
    birth = _between(
        rng, np.full(count, jdate(1330, 1, 1).toordinal()), np.full(count, on - int(18 * YEAR))
    )
    age = (on - birth) / YEAR
    female = rng.random(count) < 0.5
    single = np.clip(0.95 - 0.045 * (age - 18), 0.05, 0.95)
    widowed = np.clip(0.004 * (age - 40), 0, 0.3) * np.where(female, 1.6, 0.4)
    divorced = np.where(age < 25, 0.01, 0.05)
    u = rng.random(count)
    status = np.select(
        [u < single, u < single + widowed, u < single + widowed + divorced],
        [SINGLE, WIDOWED, DIVORCED],
        MARRIED,
    )
    married = status == MARRIED
    alone = (status == DIVORCED) | (status == WIDOWED)
    head_chance = np.select([married & ~female, married, alone], [0.97, 0.05, 0.75], default=0.35)
    custody_chance = np.select([alone & female, alone, married], [0.7, 0.35, 0.6], default=0.0)
    facts["birth"] = birth
    facts["female"] = female
    facts["status"] = status.astype(np.int8)
    facts["head"] = rng.random(count) < head_chance
    facts["custody"] = rng.random(count) < custody_chance
    facts["disabled"] = rng.random(count) < 0.03

    # Residence: the city of birth since birth, then up to two moves after 18.
    born_in = rng.choice(len(CITIES), size=count, p=_birth_city_weights())
    # Most people born in the city stay; one who left may come back.
    moves = np.where(
        born_in == ISFAHAN,
        _counts(rng, count, (0.7, 0.1, 0.2)),
        _counts(rng, count, (0.45, 0.45, 0.1)),
    )
    moves, days = _slots(rng, moves, 2, birth + int(18 * YEAR), on, strict=True)
    city = np.full((count, RESIDENCES), -1, np.int8)
    since = np.zeros((count, RESIDENCES), np.int64)
    city[:, 0], since[:, 0] = born_in, birth
    for k in range(1, RESIDENCES):
        moved = k <= moves
        last = k == moves
        # The last move is to the city applied for more often than not.
        elsewhere = (city[:, k - 1] + rng.integers(1, len(CITIES), count)) % len(CITIES)
        to_isfahan = last & (city[:, k - 1] != ISFAHAN) & (rng.random(count) < 0.75)
        city[:, k] = np.where(moved, np.where(to_isfahan, ISFAHAN, elsewhere), -1)
        since[:, k] = np.where(moved, days[:, k - 1], 0)
    previous = np.concatenate([np.full((count, 1), -1, np.int8), city[:, :-1]], axis=1)
    facts["residence_count"] = moves + 1
    facts["residence_city"] = city
    facts["residence_since"] = since
    facts["residence_from_metropolis"] = (previous >= FIRST_METROPOLIS) & (city >= 0)
    transferred = rng.random((count, RESIDENCES)) < 0.06
    transferred[:, 0] = False
    facts["residence_transferred"] = transferred & (city >= 0)

    adult = birth + int(18 * YEAR)
    for who, owners, sold, benefit_users in (
        ("", (0.78, 0.17, 0.05), 0.55, (0.92, 0.07, 0.01)),
        ("spouse_", (0.85, 0.12, 0.03), 0.55, (0.95, 0.045, 0.005)),
    ):
        n, acquired = _slots(rng, _counts(rng, count, owners), PROPERTIES, adult, on)
        disposed = _between(rng, np.maximum(acquired, 1), np.full((count, PROPERTIES), on))
        still_owned = rng.random((count, PROPERTIES)) >= sold
        disposed = np.where((acquired > 0) & ~still_owned, disposed, 0)
        if who:
            n = np.where(married, n, 0)
            acquired = np.where(married[:, None], acquired, 0)
            disposed = np.where(married[:, None], disposed, 0)
        facts[who + "property_count"] = n
        facts[who + "property_acquired"] = acquired
        facts[who + "property_disposed"] = disposed
        facts[who + "property_kind"] = rng.integers(0, len(PROPERTY_KINDS), (count, PROPERTIES))
        first = np.maximum(adult, jdate(1350, 1, 1).toordinal())
        n, dated = _slots(rng, _counts(rng, count, benefit_users), BENEFITS, first, on)
        if who:
            n = np.where(married, n, 0)
            dated = np.where(married[:, None], dated, 0)
        facts[who + "benefit_count"] = n
        facts[who + "benefit_date"] = dated
        facts[who + "benefit_kind"] = rng.integers(0, len(BENEFIT_KINDS), (count, BENEFITS))
        form_j = rng.choice(3, size=count, p=(0.85, 0.13, 0.02)).astype(np.int8)
        facts[who + "form_j"] = np.where(married, form_j, NO_FORM_J) if who else form_j

    _on_boundaries(rng, facts, on)
    body = rng.integers(1, 999, count) * 1_000_000 + rng.integers(1, 1_000_000, count)
    facts["id_body"] = body
    facts["first_name"] = rng.integers(0, len(FIRST_NAMES), count)
    facts["last_name"] = rng.integers(0, len(LAST_NAMES), count)
    return facts


def _on_boundaries(rng: np.random.Generator, facts: dict[str, np.ndarray], on: int) -> None:
    """Put a few people on the rules' dated boundaries (the day before, of and after): the
    birthdays that open or close a category, the 1st and 5th anniversaries of arrival,
    the first day of the ownership look-back windows, the benefit cut-offs. Random days
    almost never land there, and the agreement check should bite where rules are exact."""
    count = len(facts["birth"])
    today = np.full(count, on)

    def chosen(share: float) -> np.ndarray:
        return rng.random(count) < share

    def near(days: np.ndarray) -> np.ndarray:
        return days + rng.integers(-1, 2, count)

    moves, since, city = (
        facts["residence_count"] - 1,
        facts["residence_since"],
        facts["residence_city"],
    )
    birth = near(add_years(today, -rng.choice(np.array([20, 23, 35, 44, 45]), count)))
    room = (moves == 0) | (birth < since[:, 1])
    rows = np.flatnonzero(chosen(0.02) & room)
    facts["birth"][rows] = since[rows, 0] = birth[rows]

    arrival = near(add_years(today, -rng.choice(np.array([1, 5]), count)))
    last = np.maximum(moves, 1)
    before = since[np.arange(count), last - 1]
    rows = np.flatnonzero(
        chosen(0.02)
        & (moves >= 1)
        & (arrival > before)
        & (arrival <= on)
        & (city[np.arange(count), last - 1] != ISFAHAN)
    )
    since[rows, moves[rows]] = arrival[rows]
    city[rows, moves[rows]] = ISFAHAN

    window = np.where(chosen(0.5), add_years(today, -5), jdate(1384, 1, 1).toordinal())
    cutoff = np.where(chosen(0.5), jdate(1357, 1, 1).toordinal(), jdate(1357, 11, 22).toordinal())
    for who in ("", "spouse_"):
        acquired, disposed = facts[who + "property_acquired"], facts[who + "property_disposed"]
        rows = np.flatnonzero(chosen(0.03) & (disposed[:, 0] > 0))
        disposed[rows, 0] = near(window)[rows]
        acquired[rows, 0] = np.minimum(acquired[rows, 0], disposed[rows, 0])
        rows = np.flatnonzero(chosen(0.03) & (facts[who + "benefit_count"] > 0))
        facts[who + "benefit_date"][rows, 0] = near(cutoff)[rows]


def _birth_city_weights() -> np.ndarray:
    weights = np.zeros(len(CITIES))
    weights[ISFAHAN] = 0.6
    weights[1:FIRST_METROPOLIS] = 0.2 / (FIRST_METROPOLIS - 1)
    weights[FIRST_METROPOLIS:] = 0.2 / (len(CITIES) - FIRST_METROPOLIS)
    return weights


# --- maskan -----------------------------------------------------------------------------


def _national_ids(bodies: np.ndarray) -> list[str]:
    texts = [f"{body:09d}" for body in bodies.tolist()]
    return [text + national_id.calc_check_digit(text) for text in texts]


def build_people(facts: dict[str, np.ndarray], rows: list[int] | None = None) -> list[Person]:
    """maskan ``Person`` objects for the generated facts (all, or the given ``rows``)."""
    wanted = np.arange(len(facts["birth"])) if rows is None else np.array(rows, np.int64)
    dates: dict[int, datetime.date] = {}

    def day(ordinal: int) -> datetime.date:
        value = dates.get(ordinal)
        if value is None:
            value = dates[ordinal] = datetime.date.fromordinal(ordinal)
        return value

    people: list[Person] = []
    for chunk in range(0, len(wanted), 50_000):  # few Python ints alive at a time
        picked = wanted[chunk : chunk + 50_000]
        columns = {name: column[picked].tolist() for name, column in facts.items()}
        ids = _national_ids(facts["id_body"][picked])
        people.extend(_person(columns, i, ids[i], day) for i in range(len(picked)))
    return people


def _person(columns: dict[str, Any], i: int, identifier: str, day: Any) -> Person:
    residences = [
        Residence(
            city=CITIES[columns["residence_city"][i][k]],
            since=day(columns["residence_since"][i][k]),
            from_metropolis=columns["residence_from_metropolis"][i][k],
            transferred_employee=columns["residence_transferred"][i][k],
        )
        for k in range(columns["residence_count"][i])
    ]
    spouse = None
    if columns["status"][i] == MARRIED:
        spouse = HousingHistory(
            owned_properties=_properties(columns, i, "spouse_", day),
            benefits=_benefits(columns, i, "spouse_", day),
            form_j=_form_j(columns["spouse_form_j"][i]),
        )
    return Person(
        national_id=identifier,
        first_name=FIRST_NAMES[columns["first_name"][i]],
        last_name=LAST_NAMES[columns["last_name"][i]],
        birth_date=day(columns["birth"][i]),
        gender="female" if columns["female"][i] else "male",
        marital_status=STATUSES[columns["status"][i]],
        head_of_household=columns["head"][i],
        child_custody=columns["custody"][i],
        disabled=columns["disabled"][i],
        residences=residences,
        owned_properties=_properties(columns, i, "", day),
        benefits=_benefits(columns, i, "", day),
        form_j=_form_j(columns["form_j"][i]),
        spouse_housing=spouse,
    )


def _properties(columns: dict[str, Any], i: int, who: str, day: Any) -> list[OwnedProperty]:
    acquired, disposed = (
        columns[who + "property_acquired"][i],
        columns[who + "property_disposed"][i],
    )
    return [
        OwnedProperty(
            kind=PROPERTY_KINDS[columns[who + "property_kind"][i][k]],
            acquired=day(acquired[k]),
            disposed=day(disposed[k]) if disposed[k] else None,
        )
        for k in range(columns[who + "property_count"][i])
    ]


def _benefits(columns: dict[str, Any], i: int, who: str, day: Any) -> list[Benefit]:
    return [
        Benefit(
            kind=BENEFIT_KINDS[columns[who + "benefit_kind"][i][k]],
            date=day(columns[who + "benefit_date"][i][k]),
            program="مسکن مهر",
        )
        for k in range(columns[who + "benefit_count"][i])
    ]


def _form_j(color: int) -> FormJStatus | None:
    if color == NO_FORM_J:
        return None
    return FormJStatus(color="green" if color == GREEN else "red")


def maskan_program(lookback: str, easing: str) -> Any:
    """The National Housing Movement with the two values the law leaves open."""
    return nhm.PROGRAM.with_values(five_year_lookback=lookback, residence_easing=easing)


_OUTCOME = {Outcome.FAILED: 0, Outcome.PASSED: 1, Outcome.UNKNOWN: 2}
_VERDICT = {"ineligible": 0, "eligible": 1, "undetermined": 2}
# The three deciding rules, in the program's order; the fourth (loan terms) always passes.
RULES = ("household", "without_housing", "residence")


def run_maskan(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    facts = generate(args.people, args.seed)
    started = time.perf_counter()
    people = build_people(facts)
    built = time.perf_counter() - started
    del facts
    program = maskan_program(args.five_year_lookback, args.residence_easing)
    _release()
    inputs = _rss_mb()
    _reset_peak()
    best = float("inf")
    decisions: list[Any] = []
    for _ in range(args.repeat):
        decisions = []  # let the previous run's decisions go before the next one
        started = time.perf_counter()
        decisions = program.evaluate_many(people, on=ON, city=CITY, province=PROVINCE)
        best = min(best, time.perf_counter() - started)
    peak = _peak_mb()
    verdicts = np.array([_VERDICT[decision.verdict.value] for decision in decisions], np.int8)
    rules = np.array(
        [
            [_OUTCOME[finding.outcome] for finding in decision.findings[:3]]
            for decision in decisions
        ],
        np.int8,
    )
    codes = Counter(code for decision in decisions for code in decision.failed_codes)
    reasons: dict[str, int] = {}
    reason = np.array(
        [reasons.setdefault(" ".join(d.failed_codes), len(reasons)) for d in decisions], np.int32
    )
    eligible_from = np.array(
        [0 if d.eligible_from is None else d.eligible_from.toordinal() for d in decisions],
        np.int64,
    )
    np.savez(out, verdict=verdicts, rules=rules, reason=reason, eligible_from=eligible_from)
    floor = measure_floor(decisions[:FLOOR_SAMPLE])
    decisions = []
    gc.collect()
    gc.disable()  # the same run with the collector paused: what garbage collection costs
    try:
        started = time.perf_counter()
        decisions = program.evaluate_many(people, on=ON, city=CITY, province=PROVINCE)
        paused = time.perf_counter() - started
    finally:
        gc.enable()
    return {
        "reasons": list(reasons),
        "seconds": best,
        "gc_paused_seconds": paused,
        "inputs_mb": inputs,
        "peak_mb": peak,
        "build_seconds": built,
        "failed_codes": dict(codes.most_common()),
        "findings": sum(_count_findings(finding) for finding in decisions[0].findings),
        **floor,
    }


def _count_findings(finding: Any) -> int:
    return 1 + sum(_count_findings(branch) for branch in finding.branches)


# --- the floor of the per-person path ---------------------------------------------------

FLOOR_SAMPLE = 20_000  # decisions whose objects are rebuilt to time the floor
_FINDING_FIELDS = tuple(field.name for field in attrs.fields(Finding))
_DECISION_FIELDS = tuple(field.name for field in attrs.fields(Decision))


def measure_floor(decisions: list[Decision]) -> dict[str, float]:
    """What it costs, in this process, only to build the objects the decisions return.

    A decision holds a ``Decision`` and a tree of ``Finding`` objects (15 for this program,
    nested rules counted); some findings are built once and shared by every decision that
    has them (a constant finding such as "no spouse to check", or "no property in the
    window" for everyone evaluated on one date). The objects a decision does not share with
    any other decision must be built for it. Rebuilding exactly those — every field passed
    to the ``attrs`` constructor, as the rules do — plus one ``Decision`` per decision, and
    throwing them away at once, is the least any per-person path returning full findings
    as frozen attrs objects can do: its time is the floor, ``1 / floor`` the ceiling on
    decisions per second. The same is timed with every finding of the tree built afresh.
    """
    holders: Counter[int] = Counter()
    trees: list[list[Finding]] = []
    for decision in decisions:
        tree: list[Finding] = []
        stack = list(decision.findings)
        while stack:
            finding = stack.pop()
            tree.append(finding)
            stack.extend(finding.branches)
        trees.append(tree)
        holders.update({id(finding) for finding in tree})
    fields = [[_values(finding, _FINDING_FIELDS) for finding in tree] for tree in trees]
    own = [
        [values for finding, values in zip(tree, rows, strict=True) if holders[id(finding)] == 1]
        for tree, rows in zip(trees, fields, strict=True)
    ]
    heads = [_values(decision, _DECISION_FIELDS) for decision in decisions]
    count = len(decisions)
    return {
        "floor_findings": sum(map(len, own)) / count,
        "tree_findings": sum(map(len, fields)) / count,
        "floor_seconds": _best(lambda: _rebuild(own, heads)) / count,
        "floor_all_seconds": _best(lambda: _rebuild(fields, heads)) / count,
    }


def _values(obj: object, names: tuple[str, ...]) -> tuple[Any, ...]:
    return tuple(getattr(obj, name) for name in names)


def _best(run: Any, times: int = 5) -> float:
    best = float("inf")
    for _ in range(times):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def _rebuild(findings: list[list[tuple[Any, ...]]], heads: list[tuple[Any, ...]]) -> None:
    for rows, head in zip(findings, heads, strict=True):
        for (
            rule,
            title_en,
            title_fa,
            outcome,
            reason,
            source,
            observed,
            required,
            parameter,
            effective_from,
            eligible_from,
            branches,
            held,
            fact,
            fact_fa,
        ) in rows:
            Finding(
                rule=rule,
                title_en=title_en,
                title_fa=title_fa,
                outcome=outcome,
                reason=reason,
                source=source,
                observed=observed,
                required=required,
                parameter=parameter,
                effective_from=effective_from,
                eligible_from=eligible_from,
                branches=branches,
                held=held,
                fact=fact,
                fact_fa=fact_fa,
            )
        program, version, title_en, title_fa, on, verdict, findings, eligible_from = head
        Decision(
            program=program,
            version=version,
            title_en=title_en,
            title_fa=title_fa,
            on=on,
            verdict=verdict,
            findings=findings,
            eligible_from=eligible_from,
        )


# --- maskan in columns ------------------------------------------------------------------


def build_columns(facts: dict[str, np.ndarray]) -> dict[str, Any]:
    """The generated facts as the columns of ``maskan.eligibility.batch.FACTS``: dates as
    ``datetime64[D]`` (NaT for an unused slot), yes/no as ``bool``, choices and cities as
    pandas ``Categorical`` (as a DataFrame or a Parquet file holds them)."""
    import pandas as pd

    def dates(ordinals: np.ndarray) -> np.ndarray:
        days = ordinals.astype(np.int64) - UNIX
        return np.where(ordinals > 0, days, np.iinfo(np.int64).min).astype("datetime64[D]")

    def category(codes: np.ndarray, names: tuple[str, ...]) -> Any:
        return pd.Categorical.from_codes(codes.astype(np.int8), categories=list(names))

    def form_j(colors: np.ndarray) -> Any:
        return category(np.where(colors == NO_FORM_J, -1, colors - 1), ("green", "red"))

    count = len(facts["birth"])
    columns: dict[str, Any] = {
        "birth_date": dates(facts["birth"]),
        "gender": category(np.where(facts["female"], 0, 1), ("female", "male")),
        "marital_status": category(facts["status"], STATUSES),
        "head_of_household": facts["head"],
        "child_custody": facts["custody"],
        "disabled": facts["disabled"],
        "residence_count": facts["residence_count"],
        "form_j": form_j(facts["form_j"]),
        "spouse_form_j": form_j(facts["spouse_form_j"]),
    }
    unknown_province = category(np.full(count, -1), (PROVINCE,))
    for k in range(RESIDENCES):
        slot = f"residence_{k + 1}_"
        columns[slot + "city"] = category(facts["residence_city"][:, k], CITIES)
        columns[slot + "since"] = dates(facts["residence_since"][:, k])
        columns[slot + "province"] = unknown_province
        columns[slot + "from_metropolis"] = facts["residence_from_metropolis"][:, k]
        columns[slot + "transferred_employee"] = facts["residence_transferred"][:, k]
    for who in ("", "spouse_"):
        columns[who + "property_count"] = facts[who + "property_count"]
        for k in range(PROPERTIES):
            slot = f"{who}property_{k + 1}_"
            columns[slot + "acquired"] = dates(facts[who + "property_acquired"][:, k])
            columns[slot + "disposed"] = dates(facts[who + "property_disposed"][:, k])
        columns[who + "benefit_count"] = facts[who + "benefit_count"]
        for k in range(BENEFITS):
            columns[f"{who}benefit_{k + 1}_date"] = dates(facts[who + "benefit_date"][:, k])
    return columns


def run_columnar(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    facts = generate(args.people, args.seed)
    columns = build_columns(facts)
    del facts
    program = maskan_program(args.five_year_lookback, args.residence_easing)
    _release()
    inputs = _rss_mb()
    _reset_peak()
    best = float("inf")
    screening: Any = None
    for _ in range(args.repeat):
        screening = None
        started = time.perf_counter()
        screening = program.evaluate_columns(columns, on=ON, city=CITY, province=PROVINCE)
        best = min(best, time.perf_counter() - started)
    peak = _peak_mb()
    masks, reason = np.unique(screening.failed, return_inverse=True)
    ordinals = screening.eligible_from.astype(np.int64) + UNIX
    eligible_from = np.where(np.isnat(screening.eligible_from), 0, ordinals)
    np.savez(
        out, verdict=screening.verdict, reason=reason.astype(np.int32), eligible_from=eligible_from
    )
    return {
        "seconds": best,
        "inputs_mb": inputs,
        "peak_mb": peak,
        "reasons": [" ".join(screening.decode(int(mask))) for mask in masks.tolist()],
        "per_person": int(screening.per_person.sum()),
        "bits": len(screening.bits),
    }


# --- OpenFisca --------------------------------------------------------------------------


def check_calendar() -> None:
    """Refuse to run if the numpy calendar differs from maskan's on any day of 1300-1420."""
    days = np.arange(jdate(1300, 1, 1).toordinal(), jdate(1421, 1, 1).toordinal())
    ours = np.stack(jalali(days), axis=1)
    theirs = np.array([jalali_ymd(datetime.date.fromordinal(day)) for day in days.tolist()])
    if not np.array_equal(ours, theirs) or not np.array_equal(gregorian(*ours.T), days):
        raise SystemExit("the numpy Jalali calendar differs from maskan.calendar")
    rng = np.random.default_rng(SEED)
    start = rng.integers(days[0], days[-1], 20_000)
    end = np.minimum(start + rng.integers(0, 40 * 366, 20_000), days[-1])
    expected = [
        calendar.full_years(*map(datetime.date.fromordinal, pair))
        for pair in zip(start.tolist(), end.tolist(), strict=True)
    ]
    if full_years(start, end).tolist() != expected:
        raise SystemExit("numpy full_years differs from maskan.calendar.full_years")
    leap_days = days[(jalali(days)[1] == 12) & (jalali(days)[2] == 30)]
    expected = [
        calendar.add_years(datetime.date.fromordinal(day), 1).toordinal()
        for day in leap_days.tolist()
    ]
    if add_years(leap_days, 1).tolist() != expected:
        raise SystemExit("numpy add_years differs from maskan.calendar.add_years")


def _iso(year: int, month: int, day: int) -> str:
    return jdate(year, month, day).isoformat()


def _change(option: str) -> dict[str, dict[str, bool]]:
    """A caller-set change as an OpenFisca boolean parameter's dated values."""
    start = _iso(1300, 1, 1)
    if option == "in_force":
        return {start: {"value": True}}
    if option == "not_in_force":
        return {start: {"value": False}}
    year, month, day = (int(part) for part in option.split("/"))
    return {start: {"value": False}, _iso(year, month, day): {"value": True}}


def openfisca_parameters(lookback: str, easing: str) -> dict[str, Any]:
    """The program's parameters, with maskan's values and boundaries (Gregorian keys of the
    same Jalali days). Date values are written as Jalali numbers, ``13840101``."""
    nhm_start, single_men = _iso(1400, 7, 27), _iso(1400, 10, 14)
    wh_start = _iso(1384, 1, 1)

    def one(boundary: str, value: object) -> dict[str, Any]:
        return {"values": {boundary: {"value": value}}}

    return {
        "single_woman_min_age": one(nhm_start, 35),
        "disabled_min_age": one(nhm_start, 20),
        "single_men_admitted": {
            "values": {nhm_start: {"value": False}, single_men: {"value": True}}
        },
        "single_man_min_age": one(single_men, 23),
        "single_man_max_age": one(single_men, 44),
        "residence_years": one(nhm_start, 5),
        "mover_residence_years": one(nhm_start, 1),
        "residence_easing_in_force": {"values": _change(easing)},
        "ownership_cutoff": one(wh_start, 13840101),
        "ownership_lookback_years": one(wh_start, 5),
        "five_year_lookback_in_force": {"values": _change(lookback)},
        "benefit_cutoff": {
            "values": {wh_start: {"value": 13571122}, nhm_start: {"value": 13570101}}
        },
    }


def openfisca_system(lookback: str, easing: str) -> Any:
    """A minimal OpenFisca tax-benefit system computing the National Housing Movement."""
    from openfisca_core.entities import build_entity
    from openfisca_core.indexed_enums import Enum
    from openfisca_core.parameters import ParameterNode
    from openfisca_core.periods import DateUnit
    from openfisca_core.taxbenefitsystems import TaxBenefitSystem
    from openfisca_core.variables import Variable

    person_entity = build_entity(key="person", plural="persons", label="A person", is_person=True)
    household_entity = build_entity(
        key="household",
        plural="households",
        label="An application: the applicant and, if married, the spouse",
        roles=[{"key": "applicant", "max": 1}, {"key": "spouse", "max": 1}],
    )
    applicant, spouse = household_entity.APPLICANT, household_entity.SPOUSE

    class MaritalStatus(Enum):
        SINGLE = "single"
        MARRIED = "married"
        DIVORCED = "divorced"
        WIDOWED = "widowed"

    class FormJ(Enum):
        NONE = "none"
        GREEN = "green"
        RED = "red"

    City = Enum("City", {f"CITY_{i}": name for i, name in enumerate(CITIES)})

    variables: list[type] = []

    def fact(name: str, value_type: type, entity: Any = person_entity, **extra: Any) -> None:
        attributes = {
            "value_type": value_type,
            "entity": entity,
            "definition_period": DateUnit.ETERNITY,
            "label": name,
            **extra,
        }
        variables.append(type(name, (Variable,), attributes))

    fact("birth_date", datetime.date)
    fact("is_female", bool)
    fact("marital_status", Enum, possible_values=MaritalStatus, default_value=MaritalStatus.SINGLE)
    fact("head_of_household", bool)
    fact("child_custody", bool)
    fact("disabled", bool)
    fact("residence_count", int)
    for k in range(RESIDENCES):
        fact(f"residence_{k}_city", Enum, possible_values=City, default_value=City.CITY_0)
        fact(f"residence_{k}_since", datetime.date)
        fact(f"residence_{k}_from_metropolis", bool)
        fact(f"residence_{k}_transferred_employee", bool)
    fact("property_count", int)
    for k in range(PROPERTIES):
        fact(f"property_{k}_acquired", datetime.date)
        fact(f"property_{k}_disposed", datetime.date)
        fact(f"property_{k}_still_owned", bool)
    fact("benefit_count", int)
    for k in range(BENEFITS):
        fact(f"benefit_{k}_date", datetime.date)
    fact("form_j", Enum, possible_values=FormJ, default_value=FormJ.NONE)
    fact("applied_city", Enum, household_entity, possible_values=City, default_value=City.CITY_0)
    fact("applied_city_in_tehran_province", bool, household_entity)

    def ordinal(values: np.ndarray) -> np.ndarray:
        return values.astype("datetime64[D]").astype(np.int64) + UNIX

    def jalali_number(value: float) -> int:
        """The ordinal of a Jalali date written as a number, 13840101."""
        number = int(value)
        parts = (np.array(number // 10000), np.array(number // 100 % 100), np.array(number % 100))
        return int(gregorian(*parts))

    def rule(name: str, entity: Any = person_entity, value_type: type = bool) -> Any:
        def register(formula: Any) -> Any:
            attributes = {
                "value_type": value_type,
                "entity": entity,
                "definition_period": DateUnit.DAY,
                "label": name,
                "formula": formula,
            }
            variables.append(type(name, (Variable,), attributes))
            return formula

        return register

    @rule("age", value_type=int)
    def _age(person: Any, period: Any, parameters: Any) -> np.ndarray:
        on = np.full(person.count, period.start.date.toordinal())
        return full_years(ordinal(person("birth_date", period)), on)

    @rule("household_category")
    def _category(person: Any, period: Any, parameters: Any) -> np.ndarray:
        p = parameters(period)
        age = person("age", period)
        status = person("marital_status", period)
        female = person("is_female", period)
        head = person("head_of_household", period)
        married = status == MaritalStatus.MARRIED
        alone = (status == MaritalStatus.DIVORCED) | (status == MaritalStatus.WIDOWED)
        married_head = married & head
        single_woman = female & ~married & (age >= p.single_woman_min_age)
        custodial = alone & person("child_custody", period) & head
        disabled = person("disabled", period) & (age >= p.disabled_min_age)
        single_man = (
            ~female
            & ~married
            & p.single_men_admitted
            & (age >= p.single_man_min_age)
            & (age <= p.single_man_max_age)
        )
        return married_head | single_woman | custodial | disabled | single_man

    @rule("housing_clean")
    def _clean(person: Any, period: Any, parameters: Any) -> np.ndarray:
        """No residential ownership in the look-back window, no state benefit since the
        cut-off, no red Form J."""
        p = parameters(period)
        on = period.start.date.toordinal()
        if p.five_year_lookback_in_force:
            first = add_years(np.array(on), -p.ownership_lookback_years)
        else:
            first = jalali_number(p.ownership_cutoff)
        owned = np.zeros(person.count, bool)
        count = person("property_count", period)
        for k in range(PROPERTIES):
            acquired = ordinal(person(f"property_{k}_acquired", period))
            disposed = ordinal(person(f"property_{k}_disposed", period))
            still = person(f"property_{k}_still_owned", period)
            owned |= (k < count) & (still | (disposed >= first)) & (acquired <= on)
        cutoff = jalali_number(p.benefit_cutoff)
        used = np.zeros(person.count, bool)
        count = person("benefit_count", period)
        for k in range(BENEFITS):
            day = ordinal(person(f"benefit_{k}_date", period))
            used |= (k < count) & (day >= cutoff) & (day <= on)
        red = person("form_j", period) == FormJ.RED
        return ~owned & ~used & ~red

    @rule("resident")
    def _resident(person: Any, period: Any, parameters: Any) -> np.ndarray:
        """Full years since arriving in the city applied for, the current stretch."""
        p = parameters(period)
        on = period.start.date.toordinal()
        target = person.household("applied_city", period)
        tehran = person.household("applied_city_in_tehran_province", period)
        count = person("residence_count", period)
        arrival = np.zeros(person.count, np.int64)
        mover = np.zeros(person.count, bool)
        transferred = np.zeros(person.count, bool)
        stopped = np.zeros(person.count, bool)
        for k in reversed(range(RESIDENCES)):
            since = ordinal(person(f"residence_{k}_since", period))
            live = (k < count) & (since <= on) & ~stopped
            here = live & (person(f"residence_{k}_city", period) == target)
            arrival = np.where(here, since, arrival)
            mover = np.where(here, person(f"residence_{k}_from_metropolis", period), mover)
            transferred = np.where(
                here, person(f"residence_{k}_transferred_employee", period), transferred
            )
            stopped |= live & ~here
        found = arrival > 0
        years = full_years(np.where(found, arrival, on), np.full(person.count, on))
        easing = p.residence_easing_in_force & ~tehran
        needed = np.where(easing & mover, p.mover_residence_years, p.residence_years)
        return found & ((years >= needed) | (easing & transferred))

    @rule("nhm_household_category", household_entity)
    def _h_category(household: Any, period: Any, parameters: Any) -> np.ndarray:
        return household.value_from_person(
            household.members("household_category", period), role=applicant
        )

    @rule("nhm_without_housing", household_entity)
    def _h_without(household: Any, period: Any, parameters: Any) -> np.ndarray:
        clean = household.members("housing_clean", period)
        status = household.members("marital_status", period)
        married = household.value_from_person(status == MaritalStatus.MARRIED, role=applicant)
        ours = household.value_from_person(clean, role=applicant)
        theirs = household.value_from_person(clean, role=spouse, default=True)
        return ours & (~married | theirs)

    @rule("nhm_residence", household_entity)
    def _h_residence(household: Any, period: Any, parameters: Any) -> np.ndarray:
        return household.value_from_person(household.members("resident", period), role=applicant)

    @rule("nhm_eligible", household_entity)
    def _eligible(household: Any, period: Any, parameters: Any) -> np.ndarray:
        return (
            household("nhm_household_category", period)
            & household("nhm_without_housing", period)
            & household("nhm_residence", period)
        )

    system = TaxBenefitSystem([person_entity, household_entity])
    system.add_variables(*variables)
    system.parameters = ParameterNode("", data=openfisca_parameters(lookback, easing))
    system.enums = {"City": City, "MaritalStatus": MaritalStatus, "FormJ": FormJ}
    return system


def openfisca_columns(facts: dict[str, np.ndarray]) -> dict[str, Any]:
    """The generated facts as OpenFisca input columns: applicants first, then spouses."""
    count = len(facts["birth"])
    married = np.flatnonzero(facts["status"] == MARRIED)

    def both(mine: np.ndarray, theirs: np.ndarray) -> np.ndarray:
        return np.concatenate([mine, theirs[married]])

    def as_dates(ordinals: np.ndarray) -> np.ndarray:
        return (np.maximum(ordinals, UNIX) - UNIX).astype("datetime64[D]")

    spouses = len(married)
    zeros = np.zeros(spouses, np.int64)
    nothing = np.zeros(spouses, bool)
    columns: dict[str, np.ndarray] = {
        "birth_date": as_dates(both(facts["birth"], facts["birth"])),
        "is_female": both(facts["female"], ~facts["female"]),
        "marital_status": both(facts["status"], facts["status"]).astype(np.int16),
        "head_of_household": np.concatenate([facts["head"], nothing]),
        "child_custody": np.concatenate([facts["custody"], nothing]),
        "disabled": np.concatenate([facts["disabled"], nothing]),
        "residence_count": np.concatenate([facts["residence_count"], zeros]),
        "property_count": both(facts["property_count"], facts["spouse_property_count"]),
        "benefit_count": both(facts["benefit_count"], facts["spouse_benefit_count"]),
        "form_j": both(facts["form_j"], facts["spouse_form_j"]).astype(np.int16),
    }
    for k in range(RESIDENCES):
        city = facts["residence_city"][:, k]
        columns[f"residence_{k}_city"] = np.concatenate([np.maximum(city, 0), zeros]).astype(
            np.int16
        )
        columns[f"residence_{k}_since"] = as_dates(
            np.concatenate([facts["residence_since"][:, k], zeros])
        )
        columns[f"residence_{k}_from_metropolis"] = np.concatenate(
            [facts["residence_from_metropolis"][:, k], nothing]
        )
        columns[f"residence_{k}_transferred_employee"] = np.concatenate(
            [facts["residence_transferred"][:, k], nothing]
        )
    for k in range(PROPERTIES):
        acquired = both(facts["property_acquired"][:, k], facts["spouse_property_acquired"][:, k])
        disposed = both(facts["property_disposed"][:, k], facts["spouse_property_disposed"][:, k])
        columns[f"property_{k}_acquired"] = as_dates(acquired)
        columns[f"property_{k}_disposed"] = as_dates(disposed)
        columns[f"property_{k}_still_owned"] = (acquired > 0) & (disposed == 0)
    for k in range(BENEFITS):
        columns[f"benefit_{k}_date"] = as_dates(
            both(facts["benefit_date"][:, k], facts["spouse_benefit_date"][:, k])
        )
    return {
        "columns": columns,
        "persons": count + spouses,
        "households": count,
        "household_of": np.concatenate([np.arange(count), married]),
        "roles": np.concatenate([np.zeros(count, np.int64), np.ones(spouses, np.int64)]),
    }


def openfisca_simulation(system: Any, inputs: dict[str, Any]) -> Any:
    from openfisca_core.simulation_builder import SimulationBuilder

    builder = SimulationBuilder()
    builder.create_entities(system)
    builder.declare_person_entity("person", np.arange(inputs["persons"]))
    households = builder.declare_entity("household", np.arange(inputs["households"]))
    builder.join_with_persons(households, inputs["household_of"], inputs["roles"])
    simulation = builder.build(system)
    for name, column in inputs["columns"].items():
        simulation.set_input(name, "ETERNITY", column)
    city = np.full(inputs["households"], CITIES.index(CITY), np.int16)
    simulation.set_input("applied_city", "ETERNITY", city)
    simulation.set_input(
        "applied_city_in_tehran_province", "ETERNITY", np.zeros(inputs["households"], bool)
    )
    return simulation


def run_openfisca(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    system = openfisca_system(args.five_year_lookback, args.residence_easing)
    facts = generate(args.people, args.seed)
    inputs = openfisca_columns(facts)
    del facts
    _release()
    inputs_mb = _rss_mb()
    _reset_peak()
    period = ON.isoformat()
    best, best_total = float("inf"), float("inf")
    simulation = None
    for _ in range(args.repeat):
        simulation = None  # let the previous run's arrays go before the next one
        started = time.perf_counter()
        simulation = openfisca_simulation(system, inputs)
        loaded = time.perf_counter()
        eligible = simulation.calculate("nhm_eligible", period)
        done = time.perf_counter()
        best, best_total = min(best, done - loaded), min(best_total, done - started)
    peak = _peak_mb()
    rules = np.stack(
        [
            simulation.calculate(f"nhm_{name}", period)
            for name in ("household_category", "without_housing", "residence")
        ],
        axis=1,
    ).astype(np.int8)
    np.savez(out, verdict=eligible.astype(np.int8), rules=rules)
    return {
        "seconds": best,
        "total_seconds": best_total,
        "inputs_mb": inputs_mb,
        "peak_mb": peak,
        "persons": inputs["persons"],
        "version": _version("openfisca-core"),
    }


def _version(distribution: str) -> str:
    from importlib.metadata import version

    return version(distribution)


# --- memory -----------------------------------------------------------------------------


def _status_mb(field: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"/proc/self/status has no {field}: this benchmark needs Linux")


def _rss_mb() -> float:
    return _status_mb("VmRSS")


def _release() -> None:
    """Collect garbage and hand freed heap memory back to the system (glibc's malloc_trim),
    so that "inputs MB" counts the inputs and not the allocator's cache of what building
    them freed."""
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the cache is counted
        ctypes.CDLL("libc.so.6").malloc_trim(0)


def _reset_peak() -> None:
    """Reset the peak resident set size to the current one (Linux 4.0+)."""
    Path("/proc/self/clear_refs").write_text("5")


def _peak_mb() -> float:
    return _status_mb("VmHWM")


# --- the driver -------------------------------------------------------------------------


def _option(value: str) -> str:
    if value in ("in_force", "not_in_force"):
        return value
    try:
        year, month, day = (int(part) for part in value.split("/"))
        jdate(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r}: give in_force, not_in_force or a Jalali date YYYY/MM/DD "
            "(undecided leaves decisions undetermined, which OpenFisca cannot express)"
        ) from None
    return value


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("people", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs")
    parser.add_argument("--five-year-lookback", type=_option, default="in_force")
    parser.add_argument("--residence-easing", type=_option, default="in_force")
    parser.add_argument(
        "--phase", choices=("maskan", "columnar", "openfisca"), help=argparse.SUPPRESS
    )
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args()


def _phase(name: str, args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    command = [
        sys.executable,
        __file__,
        str(args.people),
        f"--seed={args.seed}",
        f"--repeat={args.repeat}",
        f"--five-year-lookback={args.five_year_lookback}",
        f"--residence-easing={args.residence_easing}",
        f"--phase={name}",
        f"--out={folder / (name + '.npz')}",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the {name} phase failed (exit {done.returncode})")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _explain_disagreement(args: argparse.Namespace, theirs: Any, rows: np.ndarray) -> None:
    """Show maskan's explanation, and OpenFisca's rule outcomes, for the first rows."""
    facts = generate(args.people, args.seed)
    program = maskan_program(args.five_year_lookback, args.residence_easing)
    shown = rows[:3].tolist()
    for index, person in zip(shown, build_people(facts, shown), strict=True):
        decision = program.evaluate(person, on=ON, city=CITY, province=PROVINCE)
        outcomes = [
            f"{rule} {'passed' if value else 'failed'}"
            for rule, value in zip(RULES, theirs["rules"][index].tolist(), strict=True)
        ]
        print(f"\nperson {index}: OpenFisca says {', '.join(outcomes)}; maskan says:")
        print(decision.explain("en"))


def main() -> None:
    args = _arguments()
    if args.phase:
        runs = {"maskan": run_maskan, "columnar": run_columnar, "openfisca": run_openfisca}
        print(json.dumps(runs[args.phase](args, args.out)))
        return
    check_calendar()
    with tempfile.TemporaryDirectory() as folder:
        ours = _phase("maskan", args, Path(folder))
        columnar = _phase("columnar", args, Path(folder))
        theirs = _phase("openfisca", args, Path(folder))
        our_results = dict(np.load(Path(folder) / "maskan.npz"))
        column_results = dict(np.load(Path(folder) / "columnar.npz"))
        their_results = dict(np.load(Path(folder) / "openfisca.npz"))
    count = args.people
    verdicts = our_results["verdict"]
    agree = verdicts == their_results["verdict"]
    print(
        f"National Housing Movement, {count:,} generated people (seed {args.seed}), on "
        f"1404/09/04 ({ON.isoformat()}), city={CITY}, province={PROVINCE}; "
        f"five_year_lookback={args.five_year_lookback}, "
        f"residence_easing={args.residence_easing}"
    )
    print(
        f"Python {platform.python_version()}, numpy {np.__version__}, "
        f"OpenFisca-Core {theirs['version']}; {ours['findings']} findings per maskan "
        f"decision (nested rules counted); building the maskan people took "
        f"{ours['build_seconds']:.1f} s (not timed below)\n"
    )
    base = ours["seconds"]
    table = [
        ("maskan `evaluate_many` (full findings, per person)", ours, ours["seconds"]),
        (
            "maskan `evaluate_columns` (verdict, reason bitmask, eligible_from)",
            columnar,
            columnar["seconds"],
        ),
        ("OpenFisca `calculate` (vectorised)", theirs, theirs["seconds"]),
        ("OpenFisca set inputs + `calculate`", theirs, theirs["total_seconds"]),
    ]
    print(
        "| implementation | people | seconds | decisions/s | inputs MB | peak MB | time / maskan |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, result, seconds in table:
        print(
            f"| {name} | {count:,} | {seconds:.2f} | {count / seconds:,.0f} | "
            f"{result['inputs_mb']:,.0f} | {result['peak_mb']:,.0f} | {seconds / base:.3f} |"
        )
    rate = count / base
    print(
        f"\nTarget (issue 5): at least {TARGET:,.0f} decisions/s on the per-person path: "
        f"{'met' if rate >= TARGET else 'not met'} ({rate:,.0f}/s)."
    )
    floor = ours["floor_seconds"]
    print(
        f"Floor of the per-person path: only building the objects a decision returns "
        f"({ours['floor_findings']:.2f} Finding objects of its own, of "
        f"{ours['tree_findings']:.1f} in its tree, the rest shared, and one Decision) takes "
        f"{floor * 1e6:.2f} µs here, a ceiling of {1 / floor:,.0f} decisions/s for any "
        f"per-person path returning full findings as frozen attrs objects "
        f"({1 / ours['floor_all_seconds']:,.0f}/s if every finding of the tree is built "
        f"afresh); evaluate_many runs at {rate * floor:.0%} of that ceiling, and at "
        f"{count / ours['gc_paused_seconds']:,.0f}/s with the garbage collector paused."
    )
    speed = theirs["total_seconds"] / columnar["seconds"]
    print(
        f"Target: columnar at least 2x OpenFisca end to end (set inputs + calculate), with "
        f"per-person reasons: {'met' if speed >= 2 else 'not met'} ({speed:.2f}x). "
        f"Under 500 MB peak for the columnar run: "
        f"{'met' if columnar['peak_mb'] < 500 else 'not met'} ({columnar['peak_mb']:,.0f} MB)."
    )
    print(
        f"Columnar: {columnar['per_person']:,} rows left to the per-person path; "
        f"{columnar['bits']} failed-reason bits."
    )
    print(
        f"OpenFisca's population: {theirs['persons']:,} persons (applicants and spouses) in "
        f"{count:,} households; decisions/s counts households."
    )
    tally = Counter(verdicts.tolist())
    print(
        f"\nmaskan verdicts: {tally[1]:,} eligible, {tally[0]:,} ineligible, "
        f"{tally[2]:,} undetermined"
    )
    print(f"Agreement on eligible/ineligible with OpenFisca: {int(agree.sum()):,} of {count:,}")
    same_verdict = column_results["verdict"] == verdicts
    our_reasons = np.array(ours["reasons"], dtype=object)[our_results["reason"]]
    column_reasons = np.array(columnar["reasons"], dtype=object)[column_results["reason"]]
    same_reasons = our_reasons == column_reasons
    same_dates = column_results["eligible_from"] == our_results["eligible_from"]
    print(
        f"maskan columnar vs per person: verdict {int(same_verdict.sum()):,}, failed reason "
        f"codes {int(same_reasons.sum()):,}, eligible_from {int(same_dates.sum()):,} of "
        f"{count:,} agree"
    )
    for position, name in enumerate(RULES):
        same = (our_results["rules"][:, position] == their_results["rules"][:, position]).sum()
        print(f"  rule {name}: {int(same):,} of {count:,} agree")
    print("Most frequent failed reason codes in maskan's decisions (every failed condition):")
    for code, n in list(ours["failed_codes"].items())[:8]:
        print(f"  {code}: {n:,}")
    differ = (our_results["rules"] != their_results["rules"]).any(axis=1) | ~agree
    rows = np.flatnonzero(differ)
    if len(rows):
        print(
            f"\n{len(rows):,} people differ in a verdict or a rule ({int((~agree).sum()):,} in the "
            "verdict); the first ones:"
        )
        _explain_disagreement(args, their_results, rows)
    command = " ".join(
        [
            "python benchmarks/eligibility.py",
            str(count),
            f"--five-year-lookback={args.five_year_lookback}",
            f"--residence-easing={args.residence_easing}",
        ]
        + ([f"--seed={args.seed}"] if args.seed != SEED else [])
        + ([f"--repeat={args.repeat}"] if args.repeat != 1 else [])
    )
    print(f"\nReproduce: `{command}`")


if __name__ == "__main__":
    main()
