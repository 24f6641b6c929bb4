"""Turn a case file's ``context`` table into the objects a program needs.

Most programs take plain values (a city name, a mapping of dates) and get the table as it
is. The cooperative programs (``cooperative_membership``, ``workers_housing_cooperative``)
take a ``Cooperative`` and a ``Registry``; a case file describes them in a few lines, and
:func:`build` makes the real objects::

    [case.context]
    shares = 10                          # the shares the applicant offers; leave out: unknown

    [case.context.cooperative]           # the cooperative applied to
    kind = "workers_housing"             # workers_housing, staff_housing or general_housing
    minimum_shares = 10                  # statute: the fewest shares a member buys
    max_capital_share = "3/10"           # statute: the largest share of the capital per member
    workplaces = ["ذوب آهن اصفهان"]      # statute: workplaces covered (workers' cooperatives)
    similar_group = "housing"            # statute: which cooperatives are similar (optional)
    founded_on = "1403-07-01"            # optional, this is the default
    founder_shares = 10                  # shares of each of the 7 founders (default: minimum)
    members = [                          # members besides the founders (optional)
      { national_id = "1122334451", joined_on = "1404-01-20", shares = 10 },
      { national_id = "0084575948", joined_on = "1404-01-20", shares = 10,
        left_on = "1404-05-01", status = "withdrawn" },
    ]

    [case.context.registry]              # leave the table out: the registry is not known
    memberships = [                      # memberships in other cooperatives, one each
      { national_id = "1122334451", similar_group = "housing", joined_on = "1398-02-01",
        left_on = "1403-06-31", status = "withdrawn", name = "تعاونی مسکن فرهنگیان" },
    ]

The cooperative is founded by seven made-up founders (valid national IDs that no case
uses) with ``founder_shares`` shares each, so its capital is 7 × ``founder_shares`` shares
plus the members'. A member with ``left_on`` ended their membership that day (``status``
``withdrawn`` unless ``expelled`` is given). ``registry = {}`` is a registry that knows of no
other membership; the cooperative applied to is in it too. Each membership in the registry's
list is in a cooperative of its own (``kind`` default ``general_housing``, ``similar_group``
default ``housing``) founded the day the membership began.

Left out, ``minimum_shares`` is 1 and ``max_capital_share`` 1 (no cap), ``workplaces`` empty,
``kind`` ``general_housing``; cases should state the values they depend on. The other
statute values (share price, board, quorums, expulsion grounds) decide no one's
eligibility and take fixed illustrative values. An unknown key is refused, so that a typo
does not silently change a case.
"""

from __future__ import annotations

import datetime
from fractions import Fraction
from typing import Any

from maskan.calendar import as_date
from maskan.identifiers import legal_id, national_id
from maskan.models.cooperative import Cooperative, Membership, QuorumRule, Statute
from maskan.models.registry import Registry
from maskan.money import Rial

COOPERATIVE_PROGRAMS = frozenset({"cooperative_membership", "workers_housing_cooperative"})

_NAMES = {
    "workers_housing": "تعاونی مسکن کارگران نمونه",
    "staff_housing": "تعاونی مسکن کارکنان نمونه",
    "general_housing": "تعاونی مسکن نمونه",
}
_COOPERATIVE_KEYS = frozenset(
    {
        "kind",
        "name",
        "legal_id",
        "minimum_shares",
        "max_capital_share",
        "workplaces",
        "similar_group",
        "share_price",
        "founded_on",
        "founder_shares",
        "members",
    }
)
_MEMBER_KEYS = frozenset({"national_id", "joined_on", "shares", "left_on", "status"})
_OTHER_KEYS = _MEMBER_KEYS | {"similar_group", "kind", "name"}
_FOUNDERS = 7


def build(program: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Context keyword arguments for ``program`` from a case's ``context`` table.

    >>> context = build("cooperative_membership", {
    ...     "shares": 10,
    ...     "cooperative": {"kind": "general_housing", "minimum_shares": 10,
    ...                     "max_capital_share": "3/10"},
    ...     "registry": {"memberships": [{"national_id": "1122334451",
    ...                                   "joined_on": "1398-02-01"}]}})
    >>> context["cooperative"].active_count, context["shares"]
    (7, 10)
    >>> [m.joined_on.isoformat() for m in context["registry"].memberships_of("1122334451").values()]
    ['2019-04-21']
    >>> build("family_land", {"children_by_spouse": {}})
    {'children_by_spouse': {}}
    """
    if program not in COOPERATIVE_PROGRAMS:
        return dict(raw)
    context = dict(raw)
    if "cooperative" in context:
        cooperative = _cooperative(context["cooperative"])
        context["cooperative"] = cooperative
        if "registry" in context:
            context["registry"] = _registry(cooperative, context["registry"])
    return context


def _check_keys(table: dict[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise KeyError(f"{where}: unknown keys {unknown}; allowed: {sorted(allowed)}")


def _national_id(cooperative: int, position: int) -> str:
    """A made-up valid national ID for founder ``position`` of cooperative number
    ``cooperative``: they start with 98, which no case uses."""
    first_nine = f"98{cooperative:03d}{position:04d}"
    return first_nine + national_id.calc_check_digit(first_nine)


def _legal_id(cooperative: int) -> str:
    first_ten = f"10{cooperative:04d}7531"
    return first_ten + legal_id.calc_check_digit(first_ten)


def _statute(table: dict[str, Any]) -> Statute:
    return Statute(
        share_price=Rial(table.get("share_price", 5_000_000)),
        minimum_shares=table.get("minimum_shares", 1),
        max_capital_share=Fraction(table.get("max_capital_share", "1")),
        board_size=3,
        board_term_years=3,
        ordinary_first_call=QuorumRule.more_than("1/2"),
        ordinary_second_call=QuorumRule.at_least(0),
        extraordinary_first_call=QuorumRule.at_least("2/3"),
        extraordinary_second_call=QuorumRule.more_than("1/2"),
        expulsion_grounds=["عدم پرداخت اقساط"],
        workplaces=table.get("workplaces", ()),
        similar_group=table.get("similar_group", "housing"),
    )


def _founders(number: int, shares: int, on: datetime.date) -> list[Membership]:
    return [
        Membership(
            national_id=_national_id(number, position),
            shares=shares,
            joined_on=on,
            founder=True,
        )
        for position in range(1, _FOUNDERS + 1)
    ]


def _member(table: dict[str, Any], where: str, allowed: frozenset[str]) -> Membership:
    _check_keys(table, allowed, where)
    left_on = table.get("left_on")
    status = table.get("status", "active" if left_on is None else "withdrawn")
    return Membership(
        national_id=table["national_id"],
        shares=table.get("shares", 1),
        joined_on=table["joined_on"],
        status=status,
        left_on=left_on,
    )


def _cooperative(table: dict[str, Any]) -> Cooperative:
    _check_keys(table, _COOPERATIVE_KEYS, "context.cooperative")
    statute = _statute(table)
    kind = table.get("kind", "general_housing")
    founded_on = as_date(table.get("founded_on", "1403-07-01"), "founded_on")
    founders = _founders(0, table.get("founder_shares", statute.minimum_shares), founded_on)
    members = [
        _member(member, "context.cooperative.members", _MEMBER_KEYS)
        for member in table.get("members", ())
    ]
    return Cooperative(
        name=table.get("name", _NAMES[kind]),
        kind=kind,
        legal_id=table.get("legal_id", _legal_id(0)),
        province="اصفهان",
        statute=statute,
        founded_on=founded_on,
        memberships=[*founders, *members],
    )


def _other(number: int, table: dict[str, Any]) -> Cooperative:
    membership = _member(table, "context.registry.memberships", _OTHER_KEYS)
    founded_on = membership.joined_on
    statute = _statute({"similar_group": table.get("similar_group", "housing")})
    return Cooperative(
        name=table.get("name", f"تعاونی دیگر {number}"),
        kind=table.get("kind", "general_housing"),
        legal_id=_legal_id(number),
        province="اصفهان",
        statute=statute,
        founded_on=founded_on,
        memberships=[*_founders(number, 1, founded_on), membership],
    )


def _registry(cooperative: Cooperative, table: dict[str, Any]) -> Registry:
    _check_keys(table, frozenset({"memberships"}), "context.registry")
    others = [
        _other(number, membership)
        for number, membership in enumerate(table.get("memberships", ()), start=1)
    ]
    return Registry(cooperatives=[cooperative, *others])
