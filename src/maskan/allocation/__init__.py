"""Allocation of housing units: points and ranking, a verifiable lottery, and assignment.

A housing cooperative keeps a points form in each member's file (DOMAIN.md §5.6) and
allocates its units by rank, by lottery, or by both. The official formula and lottery
rules are not published (DOMAIN.md §5.6, §11.4 [U]), so maskan gives the tools and no
rules: the weights, the method and the seed are the caller's.

- :class:`PointsFormula` — weights for the parts of a points formula (contributions as
  amount × days, membership seniority, dependants, veteran and martyr's-family points,
  board-defined points); :func:`rank` ranks members with each one's breakdown.
- :func:`draw_order`, :func:`draw_key` — the lottery: SHA-256 keys from a public seed,
  simple enough to re-run by hand (algorithm :data:`ALGORITHM`).
- :func:`allocate`, :func:`lottery` — units by rank, by lottery, or by rank then lottery
  within groups, with optional :class:`Preference` records; the result is an
  :class:`Allocation` that :func:`verify` re-derives.

>>> from maskan.models.cooperative import Membership
>>> from maskan.models.project import Unit
>>> members = [Membership(national_id=n, shares=10, joined_on=day) for n, day in
...            [("0499370899", "1401/01/15"), ("0084575948", "1403/07/01"),
...             ("0790419904", "1403/07/01")]]
>>> ranking = rank(members, formula=PointsFormula(seniority_years=10), on="1404/09/04")
>>> ranking.groups()
(('0499370899',), ('0084575948', '0790419904'))
>>> result = allocate([Unit(number="1"), Unit(number="2")], method="rank_then_lottery",
...                   ranking=ranking, seed=482719, on="1404/09/04")
>>> [(turn.national_id, turn.unit, turn.group) for turn in result.turns]
[('0499370899', ('', '1'), 1), ('0790419904', ('', '2'), 2), ('0084575948', None, 2)]
>>> verify(result)
True

**Errors.** An impossible request raises :class:`AllocationError` and leaves every input
as it was; wrong values inside records (a weight that is not a number, a bad national ID)
raise the converters' errors (``InvalidNumber``, ``InvalidNationalId``, ``InvalidText``).

Codes, and who raises them:

- ``no_candidates`` (rank, allocate, draw_order), ``no_units`` (allocate): no one to rank
  or to allocate to, nothing to allocate;
- ``member_twice``: a member named twice (candidates, groups, preferences, people, extra);
  ``unit_twice``: a unit offered, or wished for, twice;
- ``more_winners_than_units``, ``more_winners_than_candidates`` (allocate): ``winners``
  above either number;
- ``unit_already_allocated``, ``member_already_allocated`` (allocate): the unit went, or
  the candidate got a unit, in a ``previous`` allocation (units: of the same project);
- ``ineligible_member`` (allocate): ``decisions`` are given and a candidate's is not
  eligible, or missing;
- ``unknown_unit`` (allocate): a preference names a unit or a block not offered;
- ``unknown_member`` (rank, allocate, ``Ranking.of``): extra points for someone without a
  membership record, a candidate not in the ranking;
- ``not_a_member`` (rank): a candidate without a membership active on the day;
- ``unknown_fact`` (rank): a fact the formula weights is unknown — no ``Person``, or its
  ``dependants`` or ``veteran_status`` is ``None`` (unknown is not zero);
- ``missing_ledger``, ``wrong_ledger`` (rank): contributions weighted without the ledger,
  or with another cooperative's;
- ``extra_not_in_formula`` (rank): board-defined points, but no ``extra`` weight;
- ``empty_formula`` (``PointsFormula``): no part has a weight;
- ``missing_seed``, ``missing_ranking``, ``unused_argument`` (allocate): the method needs
  a seed, a ranking (or groups), or does not use an argument given;
- ``inconsistent_ranking`` (allocate): the ranking does not add up (``verify(ranking)``);
- ``empty_group`` (allocate), ``bad_range`` (``Preference``: a minimum above its maximum,
  a block named twice), ``bad_seed`` (an empty, over-long or unprintable seed);
- ``unknown_method``, ``unknown_algorithm``, ``unknown_part``: not a known name;
- ``type``: an argument of the wrong type.
"""

from __future__ import annotations

from maskan.allocation._allocate import (
    Allocation,
    Method,
    Outcome,
    Preference,
    Turn,
    allocate,
    lottery,
    unit_label,
    verify,
)
from maskan.allocation._draw import (
    ALGORITHM,
    Draw,
    candidates_digest,
    draw_key,
    draw_order,
    seed_text,
)
from maskan.allocation._errors import AllocationError
from maskan.allocation._points import (
    ExtraPoints,
    Part,
    PartScore,
    PointsFormula,
    Ranking,
    Standing,
    rank,
)

__all__ = [
    "ALGORITHM",
    "Allocation",
    "AllocationError",
    "Draw",
    "ExtraPoints",
    "Method",
    "Outcome",
    "Part",
    "PartScore",
    "PointsFormula",
    "Preference",
    "Ranking",
    "Standing",
    "Turn",
    "allocate",
    "candidates_digest",
    "draw_key",
    "draw_order",
    "lottery",
    "rank",
    "seed_text",
    "unit_label",
    "verify",
]
