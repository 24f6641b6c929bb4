"""Shared builders for the allocation tests: valid national IDs, members, units."""

from __future__ import annotations

from maskan.identifiers import national_id
from maskan.models.cooperative import Membership
from maskan.models.project import Unit


def ids(count: int, start: int = 100_000_000) -> list[str]:
    """``count`` valid national IDs, always the same ones."""
    found: list[str] = []
    head = start
    while len(found) < count:
        body = f"{head:09d}"
        candidate = body + str(national_id.calc_check_digit(body))
        if national_id.is_valid(candidate):
            found.append(candidate)
        head += 7919
    return found


POOL = ids(60)


def members(*joined: str, first: int = 0) -> list[Membership]:
    """One active membership per date, for the IDs of the pool from ``first``."""
    return [
        Membership(national_id=POOL[first + index], shares=1, joined_on=day)
        for index, day in enumerate(joined)
    ]


def units(count: int, block: str | None = None) -> list[Unit]:
    return [Unit(number=str(number), block=block) for number in range(1, count + 1)]
