"""The statute (اساسنامه) of a housing cooperative: the numbers its operations obey.

Part of :mod:`maskan.models.cooperative`, which re-exports everything here.

Most of these numbers the law leaves to each statute, and DOMAIN.md §5 has no authoritative
value for them, so :class:`Statute` requires them from the caller, with no default: the
share price and minimum shares, the largest share of the capital one member may hold
(§5.3), the board's size and term (§5.5), the general-assembly quorums (§5.4) and the
grounds for expulsion (§5.2). The few numbers the law fixes are constants here, each with
its source.
"""

from __future__ import annotations

import math
from fractions import Fraction

import attrs

from maskan.errors import InvalidAmount, InvalidText, describe
from maskan.models._fields import (
    as_choice,
    as_fraction,
    as_instance,
    as_integer,
    as_rial,
    to_flag,
    to_text,
    to_texts,
)
from maskan.models._labels import Labelled, labels
from maskan.money import Rial
from maskan.persian.digits import to_persian_digits

__all__ = [
    "BOARD_MAX",
    "MEMBERS_PER_EXTRA_ALTERNATE",
    "MINIMUM_FOUNDERS",
    "MINIMUM_MEMBERS",
    "PRINCIPALS_MAX",
    "PRINCIPALS_MIN",
    "SIMILAR_HOUSING",
    "Assembly",
    "QuorumRule",
    "Statute",
    "alternates_range",
]

# A founding board (هیأت مؤسس) of at least 7 qualified persons: the 1371 instruction on
# forming cooperatives under art. 31 of the Cooperative Sector Law (1370-06-13), as
# renamed by the 1377-07-05 amendment. DOMAIN.md §5.2 (fileppt.ir/product/21813) [S-news].
MINIMUM_FOUNDERS = 7
"""The fewest founders a cooperative may have.

>>> from maskan.models._coop_examples import example_founders
>>> len(example_founders()) == MINIMUM_FOUNDERS
True
"""

# "Members must stay ≥ 7 during operation": DOMAIN.md §5.2, companyhelp.ir
# (قوانین-ثبت-شرکت-تعاونی) [S-news, weak]. Only the default of Statute.minimum_members,
# which a caller with a better source overrides.
MINIMUM_MEMBERS = 7
"""The default of :attr:`Statute.minimum_members`: the fewest members in operation.

>>> from maskan.models._coop_examples import example_statute
>>> example_statute().minimum_members == MINIMUM_MEMBERS
True
"""

# Board of directors (هیأت مدیره): 3 to 7 principal members; alternates one third of the
# principals, one more per 400 members in large cooperatives; principals and alternates 15
# at most. Cooperative Sector Law 1370 as summarised by aftabir.com
# (…_rule_1370_pillar_managers.php), DOMAIN.md §5.5 [S-news].
PRINCIPALS_MIN = 3
"""The fewest principal board members a statute may set (:attr:`Statute.board_size`).

>>> from maskan.models._coop_examples import example_statute
>>> example_statute().board_size == PRINCIPALS_MIN
True
"""
PRINCIPALS_MAX = 7
"""The most principal board members a statute may set (:attr:`Statute.board_size`).

>>> from maskan.models._coop_examples import example_statute
>>> attrs.evolve(example_statute(), board_size=PRINCIPALS_MAX + 1)
Traceback (most recent call last):
...
maskan.errors.InvalidNumber: board_size: 8 is not in 3 to 7
"""
MEMBERS_PER_EXTRA_ALTERNATE = 400
"""Each this many members add one alternate board member (:func:`alternates_range`).

>>> alternates_range(3, MEMBERS_PER_EXTRA_ALTERNATE - 1), alternates_range(3, 400)
(range(1, 2), range(2, 3))
"""
BOARD_MAX = 15
"""The most board members, principals and alternates together (:func:`alternates_range`).

>>> PRINCIPALS_MAX + max(alternates_range(PRINCIPALS_MAX, 100_000)) == BOARD_MAX
True
"""

# The similarity group every housing cooperative shares by default: see Statute.similar_group.
SIMILAR_HOUSING = "housing"
"""The default of :attr:`Statute.similar_group`.

>>> from maskan.models._coop_examples import example_statute
>>> example_statute().similar_group == SIMILAR_HOUSING
True
"""


def alternates_range(principals: int, members: int) -> range:
    """The numbers of alternate board members (اعضای علی‌البدل) the law allows.

    DOMAIN.md §5.5 [S-news]: alternates are one third of the principals, plus one per 400
    members, and principals and alternates together are 15 at most. DOMAIN.md does not say
    how a third of 4, 5 or 7 is rounded, so both whole numbers next to it are accepted; the
    extra alternates are counted on the active members at the election (``members // 400``).

    >>> alternates_range(3, 120), alternates_range(7, 120), alternates_range(7, 900)
    (range(1, 2), range(2, 4), range(4, 6))
    >>> alternates_range(7, 4000)  # capped: 7 principals + 8 alternates = 15
    range(8, 9)
    """
    extra = members // MEMBERS_PER_EXTRA_ALTERNATE
    room = BOARD_MAX - principals
    low = min(principals // 3 + extra, room)
    high = min(math.ceil(principals / 3) + extra, room)
    return range(low, high + 1)


class Assembly(Labelled):
    """A general assembly (مجمع عمومی): ordinary (عادی) or extraordinary (فوق‌العاده).

    >>> Assembly("extraordinary").label_fa
    'مجمع عمومی فوق\\u200cالعاده'
    """

    ORDINARY = "ordinary"
    EXTRAORDINARY = "extraordinary"


labels(
    Assembly,
    {
        "ordinary": ("مجمع عمومی عادی", "ordinary general assembly"),
        "extraordinary": ("مجمع عمومی فوق‌العاده", "extraordinary general assembly"),
    },
)


# Converters that need more than the field's name are named functions: mypy's attrs plugin
# reads each one's signature as the type the constructor accepts.


def _share(value: Fraction | int | str) -> Fraction:
    return as_fraction(value, "share")


@attrs.frozen(kw_only=True)
class QuorumRule:
    """A quorum (حد نصاب): "at least" or "more than" a share of the members.

    Build it with [`at_least`][maskan.models.cooperative.QuorumRule.at_least] or
    [`more_than`][maskan.models.cooperative.QuorumRule.more_than]. Quorums are caller-set
    (DOMAIN.md §5.4: no authoritative source known); the "commonly cited" values there are
    [U] and are not defaults.

    Attributes:
        share: the share of the members, an exact fraction from 0 to 1.
        strict: ``True`` for "more than ``share``", ``False`` for "at least ``share``".

    >>> half = QuorumRule.more_than(Fraction(1, 2))
    >>> half.required(100), half.required(7), QuorumRule.at_least("2/3").required(99)
    (51, 4, 66)
    >>> QuorumRule.at_least(0).required(250)  # "any number"
    0
    """

    share: Fraction = attrs.field(converter=_share)
    strict: bool = attrs.field(converter=to_flag)

    @classmethod
    def at_least(cls, share: Fraction | int | str) -> QuorumRule:
        """At least ``share`` of the members.

        >>> QuorumRule.at_least(Fraction(2, 3)).label_en
        'at least 2/3 of the members'
        """
        return cls(share=share, strict=False)

    @classmethod
    def more_than(cls, share: Fraction | int | str) -> QuorumRule:
        """More than ``share`` of the members.

        >>> QuorumRule.more_than("1/2").label_fa
        'بیش از ۱/۲ اعضا'
        """
        return cls(share=share, strict=True)

    def required(self, members: int) -> int:
        """The number of members present that meets this quorum, out of ``members``.

        >>> QuorumRule.at_least("1/3").required(10), QuorumRule.more_than("1/3").required(9)
        (4, 4)
        """
        members = as_integer(members, "members", low=0)
        exact = self.share * members
        if self.strict:
            return math.floor(exact) + 1
        return math.ceil(exact)

    @property
    def label_en(self) -> str:
        """The rule in English."""
        return f"{'more than' if self.strict else 'at least'} {self.share} of the members"

    @property
    def label_fa(self) -> str:
        """The rule in Persian."""
        return to_persian_digits(f"{'بیش از' if self.strict else 'دست‌کم'} {self.share} اعضا")


def _positive_price(value: object) -> Rial:
    price = as_rial(value, "share_price")
    if price.rials <= 0:
        raise InvalidAmount(
            f"share_price: {describe(value)} is not above zero",
            message_fa=f"share_price: بهای سهم {to_persian_digits(price.rials)} ریال مثبت نیست",
            code="not_positive",
            field="share_price",
            value=value,
        )
    return price


def _minimum_shares(value: int) -> int:
    return as_integer(value, "minimum_shares", low=1)


def _max_capital_share(value: Fraction | int | str) -> Fraction:
    return as_fraction(value, "max_capital_share", allow_zero=False)


def _board_size(value: int) -> int:
    return as_integer(value, "board_size", low=PRINCIPALS_MIN, high=PRINCIPALS_MAX)


def _board_term_years(value: int) -> int:
    return as_integer(value, "board_term_years", low=1)


def _ordinary_first_call(value: QuorumRule) -> QuorumRule:
    return as_instance(value, QuorumRule, "ordinary_first_call")


def _ordinary_second_call(value: QuorumRule) -> QuorumRule:
    return as_instance(value, QuorumRule, "ordinary_second_call")


def _extraordinary_first_call(value: QuorumRule) -> QuorumRule:
    return as_instance(value, QuorumRule, "extraordinary_first_call")


def _extraordinary_second_call(value: QuorumRule) -> QuorumRule:
    return as_instance(value, QuorumRule, "extraordinary_second_call")


def _minimum_members(value: int) -> int:
    return as_integer(value, "minimum_members", low=1)


@attrs.frozen(kw_only=True)
class Statute:
    """A cooperative's statute (اساسنامه): the numbers its membership and governance follow.

    Every field without a default is a value the law leaves to the statute and DOMAIN.md
    has no authoritative number for: the caller must set it.

    Attributes:
        share_price: the price of one share (سهم), above zero.
        minimum_shares: the fewest shares a member must buy (DOMAIN.md §5.2: "purchase of at
            least the minimum number of shares"), at least 1.
        max_capital_share: the largest share of the capital one member may hold, e.g.
            ``Fraction(3, 10)``. DOMAIN.md §5.3: one secondary site says 30 % [S-news,
            weak]; no authoritative value, so no default.
        board_size: the number of principal board members, 3 to 7 (DOMAIN.md §5.5).
        board_term_years: the board's term in years. DOMAIN.md §5.5: "2 years" in the 1370
            law, said to be 3 in post-1393 model statutes [U]; no default.
        ordinary_first_call: the quorum of an ordinary general assembly at its first call
            (نوبت اول); DOMAIN.md §5.4, caller-set.
        ordinary_second_call: the same at its second call (نوبت دوم).
        extraordinary_first_call: the quorum of an extraordinary general assembly, first call.
        extraordinary_second_call: the same at its second call.
        expulsion_grounds: the grounds for expulsion (اخراج) the statute lists; DOMAIN.md
            §5.2: no authoritative list, caller-set. Empty means no expulsion is possible.
        workplaces: the workplaces a workers' housing cooperative covers (its members work
            there); empty for other kinds. Recorded for eligibility rules, which decide who
            qualifies (DOMAIN.md §4.7: those criteria are caller-set too).
        minimum_members: the fewest active members the cooperative may keep; a withdrawal
            or expulsion that would go below is refused. Default 7 (DOMAIN.md §5.2,
            companyhelp.ir [S-news, weak]).
        similar_group: which cooperatives count as *similar* (تعاونی مشابه) for the rule
            that a person holds one membership among similar cooperatives (DOMAIN.md §5.2,
            art. 9 and model statutes [S]). Cooperatives are similar when their groups are
            equal. The law does not define "similar"; maskan reads it as "of the same
            activity", so every housing cooperative is in the group ``"housing"`` whatever
            its kind: a person may not be in a workers' and a staff housing cooperative at
            once. A caller with another reading sets its own group names.

    >>> statute = Statute(
    ...     share_price=Rial(1_000_000),
    ...     minimum_shares=10,
    ...     max_capital_share=Fraction(3, 10),
    ...     board_size=5,
    ...     board_term_years=3,
    ...     ordinary_first_call=QuorumRule.more_than("1/2"),
    ...     ordinary_second_call=QuorumRule.at_least(0),
    ...     extraordinary_first_call=QuorumRule.at_least("2/3"),
    ...     extraordinary_second_call=QuorumRule.more_than("1/2"),
    ...     expulsion_grounds=["عدم پرداخت اقساط"],
    ... )
    >>> statute.minimum_members, statute.similar_group
    (7, 'housing')
    >>> statute.quorum_rule(Assembly.EXTRAORDINARY, 1).label_en
    'at least 2/3 of the members'
    """

    share_price: Rial = attrs.field(converter=_positive_price)
    minimum_shares: int = attrs.field(converter=_minimum_shares)
    max_capital_share: Fraction = attrs.field(converter=_max_capital_share)
    board_size: int = attrs.field(converter=_board_size)
    board_term_years: int = attrs.field(converter=_board_term_years)
    ordinary_first_call: QuorumRule = attrs.field(converter=_ordinary_first_call)
    ordinary_second_call: QuorumRule = attrs.field(converter=_ordinary_second_call)
    extraordinary_first_call: QuorumRule = attrs.field(converter=_extraordinary_first_call)
    extraordinary_second_call: QuorumRule = attrs.field(converter=_extraordinary_second_call)
    expulsion_grounds: tuple[str, ...] = attrs.field(converter=to_texts)
    workplaces: tuple[str, ...] = attrs.field(default=(), converter=to_texts)
    minimum_members: int = attrs.field(default=MINIMUM_MEMBERS, converter=_minimum_members)
    similar_group: str = attrs.field(default=SIMILAR_HOUSING, converter=to_text)

    def __attrs_post_init__(self) -> None:
        for name in ("expulsion_grounds", "workplaces"):
            values: tuple[str, ...] = getattr(self, name)
            if len(set(values)) != len(values):
                repeated = next(value for value in values if values.count(value) > 1)
                raise InvalidText(
                    f"{name}: {describe(repeated)} is listed twice",
                    message_fa=f"{name}: {describe(repeated)} دو بار آمده است",
                    code="duplicate",
                    field=name,
                    value=repeated,
                )

    def quorum_rule(self, assembly: Assembly | str, session: int) -> QuorumRule:
        """The quorum of a general assembly at its first (1) or second (2) call.

        >>> from maskan.models._coop_examples import example_statute
        >>> example_statute().quorum_rule("ordinary", 2).label_en
        'at least 0 of the members'
        """
        kind = as_choice(assembly, Assembly, "assembly")
        call = as_integer(session, "session", low=1, high=2)
        if kind is Assembly.ORDINARY:
            return self.ordinary_first_call if call == 1 else self.ordinary_second_call
        return self.extraordinary_first_call if call == 1 else self.extraordinary_second_call
