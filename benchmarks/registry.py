"""Admitting members (and adding a project's units) one at a time stays linear: the time
per admission does not grow with the number of members already admitted.

Run by hand: ``python benchmarks/registry.py``. For 10,000, 50,000 and 100,000 people it
times ``Cooperative.admit`` (all into one cooperative, the worst case for its memberships)
and ``Registry.admit`` (into one cooperative of a registry, and spread over 37 cooperatives,
the number of active housing cooperatives in Isfahan county per DOMAIN.md §3), each
admission returning a new immutable object, and ``HousingProject.add_units`` adding one
unit at a time. A flat column of microseconds per admission
means linear total time; copying the members on every admission would make it grow in
proportion to the size.

The people are built before the clock starts; each run starts from the same founded
cooperatives. The last column turns Python's cyclic garbage collector off: its full
collections walk every live object, so with it on the time per admission drifts up as the
heap grows, by an amortized constant (the collector runs less often as the heap grows);
without it, what remains is the structures' own O(log n).
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from fractions import Fraction

from maskan.calendar import jdate
from maskan.identifiers import legal_id, national_id
from maskan.models.cooperative import Cooperative, QuorumRule, Statute
from maskan.models.person import Person
from maskan.models.project import HousingProject, Unit
from maskan.models.registry import Registry
from maskan.money import Rial

SIZES = (10_000, 50_000, 100_000)
COOPERATIVES = 37
FOUNDED = jdate(1400, 1, 15)
ADMITTED = jdate(1404, 9, 4)

# Benchmark numbers, not defaults: any statute whose cap lets a 10-share member in works.
STATUTE = Statute(
    share_price=Rial(5_000_000),
    minimum_shares=10,
    max_capital_share=Fraction(3, 10),
    board_size=5,
    board_term_years=3,
    ordinary_first_call=QuorumRule.more_than("1/2"),
    ordinary_second_call=QuorumRule.at_least(0),
    extraordinary_first_call=QuorumRule.at_least("2/3"),
    extraordinary_second_call=QuorumRule.more_than("1/2"),
    expulsion_grounds=(),
)


def national_ids() -> Iterator[str]:
    """Distinct valid national IDs (7919 is prime to 10⁹, so no number comes twice)."""
    number = 100_000_007
    while True:
        first = f"{number:09d}"
        candidate = first + national_id.calc_check_digit(first)
        if national_id.is_valid(candidate):
            yield candidate
        number = (number + 7919) % 1_000_000_000


def legal_ids() -> Iterator[str]:
    """Distinct valid legal-entity IDs."""
    number = 1_400_000_000
    while True:
        first = str(number)
        candidate = first + legal_id.calc_check_digit(first)
        if legal_id.is_valid(candidate):
            yield candidate
        number += 1


def person(number: str) -> Person:
    return Person(
        national_id=number,
        first_name="عضو",
        last_name="نمونه",
        nationality="iranian",
        legal_capacity=True,
    )


def found(ids: Iterator[str], legal: str) -> Cooperative:
    return Cooperative.found(
        name=f"تعاونی مسکن {legal}",
        kind="staff_housing",
        legal_id=legal,
        province="اصفهان",
        statute=STATUTE,
        founders=[person(next(ids)) for _ in range(7)],
        shares=10,
        on=FOUNDED,
    )


def timed(run: Callable[[], object], *, collector: bool = True) -> float:
    gc.collect()
    if not collector:
        gc.disable()
    try:
        start = time.perf_counter()
        run()
        return time.perf_counter() - start
    finally:
        gc.enable()


def main() -> None:
    ids = national_ids()
    legal = legal_ids()
    coops = [found(ids, next(legal)) for _ in range(COOPERATIVES)]
    people = [person(next(ids)) for _ in range(max(SIZES))]
    one = coops[0]
    one_registry = Registry(cooperatives=[one])
    many_registry = Registry(cooperatives=coops)
    targets = [coop.legal_id for coop in coops]

    def cooperative_admits(count: int) -> Callable[[], object]:
        def run() -> object:
            coop = one
            for applicant in people[:count]:
                coop = coop.admit(applicant, on=ADMITTED, shares=10)
            assert coop.active_count == 7 + count
            return coop

        return run

    def registry_admits(count: int, registry: Registry, spread: bool) -> Callable[[], object]:
        def run() -> object:
            current = registry
            for position, applicant in enumerate(people[:count]):
                target = targets[position % COOPERATIVES] if spread else one.legal_id
                current = current.admit(target, applicant, on=ADMITTED, shares=10)
            return current

        return run

    project = HousingProject(
        code="P-1", name="بهار", cooperative_id=one.legal_id, province="Isfahan"
    )
    units = [
        Unit(number=str(position % 1000 + 1), block=f"B{position // 1000}")
        for position in range(max(SIZES))
    ]

    def units_added(count: int) -> Callable[[], object]:
        def run() -> object:
            current = project
            for unit in units[:count]:
                current = current.add_units(unit)
            assert len(current.units) == count
            return current

        return run

    print(
        "| admissions | Cooperative.admit | Registry.admit, 1 cooperative |"
        f" Registry.admit, {COOPERATIVES} cooperatives | Registry.admit, 1 cooperative, gc off |"
        " HousingProject.add_units |"
    )
    print("|---:|---:|---:|---:|---:|---:|")
    for size in SIZES:
        columns = [
            timed(cooperative_admits(size)),
            timed(registry_admits(size, one_registry, spread=False)),
            timed(registry_admits(size, many_registry, spread=True)),
            timed(registry_admits(size, one_registry, spread=False), collector=False),
            timed(units_added(size)),
        ]
        shown = " | ".join(f"{seconds / size * 1e6:.1f} µs" for seconds in columns)
        print(f"| {size:,} | {shown} |")


if __name__ == "__main__":
    main()
