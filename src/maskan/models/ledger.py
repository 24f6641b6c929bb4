"""The ledger (دفتر حساب اعضا): what members paid into their cooperative, and what they owe.

A [`Ledger`][maskan.models.ledger.Ledger] belongs to one cooperative (named by its
legal-entity national ID) and holds its members' entries — each a
[`Contribution`][maskan.models.ledger.Contribution]: membership fee (حق عضویت), shares
(سهام), deposits (واریز علی‌الحساب), instalments (اقساط) and refunds (استرداد آورده) — and
their [`InstalmentPlan`][maskan.models.ledger.InstalmentPlan]s. Members are named by
national ID. The ledger is frozen: :meth:`Ledger.record` returns a new ledger.

>>> from maskan.money import Rial
>>> ali = "0499370899"
>>> ledger = Ledger(cooperative_id="14011517510")
>>> ledger = ledger.add_plan(
...     InstalmentPlan.monthly(ali, total=Rial(90_000_000), first_due="1404/01/15", count=3)
... )
>>> ledger = ledger.record(
...     Contribution(member_id=ali, date="1404/01/10", kind="membership_fee", amount=3_000_000)
... ).record(
...     Contribution(member_id=ali, date="1404/01/14", kind="instalment", amount=30_000_000)
... )
>>> ledger.balance(ali)
Rial(33000000)
>>> ledger.arrears(ali, on="1404/02/20")
Rial(30000000)
>>> ledger.amount_days(ali, on="1404/01/20")  # 3 M rials × 10 days + 30 M × 6 days
210000000

**Balance.** Every kind of entry adds its amount to the member's balance, except a refund,
which takes it away. A refund larger than the balance on its day is refused
([`LedgerError`][maskan.errors.LedgerError], code ``refund_exceeds_balance``).

**Arrears** (بدهی معوق) on a day are what the member's plans made due on or before it, less
the *instalment* entries paid on or before it, and never below zero. Only entries of kind
``instalment`` count toward plans: a membership fee, shares and deposits are obligations of
their own, and a refund returns money rather than cancelling a debt. Paying ahead is
allowed; it counts toward the next dues.

**Amount × days.** Allocation points are commonly described as built from the sum of each
deposit times the days it has been held, but the official formula is not known (DOMAIN.md
§5.6 [U]): :meth:`Ledger.amount_days` gives that sum for the caller's own formula. Every
rial the member still has in the cooperative on day ``on`` counts for the days from the day
it was paid to ``on``. A refund takes back the most recent money first (last in, first
out), so the member keeps the seniority of the older money: a refund is most often the
return of a recent overpayment, and proportional removal would need a rounding rule that no
source gives. Money paid on ``on`` itself counts zero days.

**Order.** Receipts often reach the books late, so entries may be recorded in any order.
The ledger keeps them sorted by date (entries of one day in the order recorded), and a
backdated refund is checked against the balance on its own day and every later day.

**Speed.** Recording 100,000 entries one at a time takes linear time: versions derived in a
line share their storage, and :attr:`Ledger.entries` is assembled on first use. Recording on
an older version copies what that version holds, once.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import threading
from collections.abc import Iterable
from decimal import Decimal
from operator import attrgetter
from typing import TYPE_CHECKING

import attrs

from maskan.calendar import DateLike, add_months, as_date
from maskan.errors import LedgerError, describe
from maskan.models._fields import (
    as_choice,
    as_national_id,
    as_rial,
    as_sequence,
    failure,
    shown,
    shown_fa,
    to_date,
    to_legal_id,
    to_national_id,
    to_optional_text,
    to_rial,
    wrong_type,
)
from maskan.models._labels import Labelled, labels
from maskan.money import Rial

__all__ = ["Contribution", "ContributionKind", "Due", "InstalmentPlan", "Ledger"]


class ContributionKind(Labelled):
    """What a member's payment was for; ``REFUND`` is money paid back to the member.

    >>> [kind.value for kind in ContributionKind]
    ['membership_fee', 'shares', 'deposit', 'instalment', 'refund']
    >>> ContributionKind.INSTALMENT.label_fa
    'قسط'
    >>> ContributionKind.REFUND.label_fa
    'استرداد آورده'
    >>> ContributionKind.MEMBERSHIP_FEE.label_en
    'membership fee'
    """

    MEMBERSHIP_FEE = "membership_fee"
    SHARES = "shares"
    DEPOSIT = "deposit"
    INSTALMENT = "instalment"
    REFUND = "refund"


labels(
    ContributionKind,
    {
        "membership_fee": ("حق عضویت", "membership fee"),
        "shares": ("خرید سهام", "shares"),
        "deposit": ("واریز علی\u200cالحساب", "deposit"),
        "instalment": ("قسط", "instalment"),
        "refund": ("استرداد آورده", "refund"),
    },
)


# Messages ------------------------------------------------------------------------------


def _rials(amount: int) -> str:
    return f"{amount:,} rials"


def _rials_fa(amount: int) -> str:
    return f"{amount:,}".replace(",", "٬") + " ریال"


_fail = functools.partial(failure, LedgerError)
_wrong_type = functools.partial(wrong_type, LedgerError)


def _not_positive(field: str, amount: Rial) -> LedgerError:
    return _fail(
        field,
        "not_positive",
        f"{_rials(amount.rials)} is not more than zero",
        f"مبلغ {_rials_fa(amount.rials)} بیشتر از صفر نیست",
        amount,
    )


# Converters ----------------------------------------------------------------------------
# Fields that need only their name use the shared converters of maskan.models._fields; the
# others have a small named function, whose signature mypy's attrs plugin reads as the
# type the constructor accepts.


def _member_id(value: str) -> str:
    return as_national_id(value, "member_id")


def _kind(value: ContributionKind | str) -> ContributionKind:
    return as_choice(value, ContributionKind, "kind")


def _dues(value: Iterable[Due]) -> tuple[Due, ...]:
    return as_sequence(value, LedgerError, "dues", "Due")


def _entries(value: Iterable[Contribution]) -> tuple[Contribution, ...]:
    return as_sequence(value, LedgerError, "entries", "Contribution")


def _plans(value: Iterable[InstalmentPlan]) -> tuple[InstalmentPlan, ...]:
    return as_sequence(value, LedgerError, "plans", "InstalmentPlan")


# Records -------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Contribution:
    """One entry of the ledger: money a member paid in, or a refund paid back.

    Attributes:
        member_id: the member's national ID.
        date: the day of the payment (of the bank slip or receipt).
        kind: what it was for.
        amount: the amount, more than zero; a refund's amount is what was paid back.
        reference: the receipt, slip or cheque number, when known.

    >>> entry = Contribution(
    ...     member_id="۰۴۹۹۳۷۰۸۹۹", date="1404/09/04", kind="deposit", amount="۵۰ میلیون تومان"
    ... )
    >>> entry.member_id, entry.amount, entry.kind.label_en
    ('0499370899', Rial(500000000), 'deposit')
    """

    member_id: str = attrs.field(converter=to_national_id)
    date: datetime.date = attrs.field(converter=to_date)
    kind: ContributionKind = attrs.field(converter=_kind)
    amount: Rial = attrs.field(converter=to_rial)
    reference: str | None = attrs.field(default=None, converter=to_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.amount.rials <= 0:
            raise _not_positive("amount", self.amount)

    @property
    def signed_rials(self) -> int:
        """The entry's effect on the balance in rials: negative for a refund.

        >>> Contribution(
        ...     member_id="0499370899", date="1404/09/04", kind="refund", amount=700
        ... ).signed_rials
        -700
        """
        rials = self.amount.rials
        return -rials if self.kind is ContributionKind.REFUND else rials


@attrs.frozen(kw_only=True)
class Due:
    """One instalment of a plan: an amount due on a day.

    Attributes:
        date: the due date.
        amount: the amount due, more than zero.

    >>> Due(date="1404/10/01", amount=10_000_000).amount
    Rial(10000000)
    """

    date: datetime.date = attrs.field(converter=to_date)
    amount: Rial = attrs.field(converter=to_rial)

    def __attrs_post_init__(self) -> None:
        if self.amount.rials <= 0:
            raise _not_positive("amount", self.amount)


@attrs.frozen(kw_only=True)
class InstalmentPlan:
    """What a member must pay and when (اقساط): dues on strictly increasing dates that add
    up exactly to ``total``.

    The size and number of instalments are the cooperative's decision (DOMAIN.md §4.4 has
    a real example: 93,000,000 rials in monthly instalments); build an even monthly plan
    with :meth:`monthly`.

    Attributes:
        member_id: the member's national ID.
        total: the amount of the whole plan.
        dues: the instalments, in date order.

    >>> plan = InstalmentPlan(
    ...     member_id="0499370899",
    ...     total=30_000,
    ...     dues=[Due(date="1404/01/01", amount=10_000), Due(date="1404/02/01", amount=20_000)],
    ... )
    >>> plan.due_by("1404/01/31")
    Rial(10000)
    >>> InstalmentPlan(member_id="0499370899", total=1, dues=[Due(date="1404/01/01", amount=2)])
    Traceback (most recent call last):
    ...
    maskan.errors.LedgerError: dues: the dues add up to 2 rials, not the total of 1 rials
    """

    member_id: str = attrs.field(converter=to_national_id)
    total: Rial = attrs.field(converter=to_rial)
    dues: tuple[Due, ...] = attrs.field(converter=_dues)

    def __attrs_post_init__(self) -> None:
        if not self.dues:
            raise _fail("dues", "no_dues", "is empty", "خالی است", self.dues)
        for index, due in enumerate(self.dues):
            if not isinstance(due, Due):
                raise _wrong_type(f"dues[{index}]", due, "Due")
            if index and due.date <= self.dues[index - 1].date:
                raise _fail(
                    f"dues[{index}]",
                    "out_of_order",
                    f"{shown(due.date)} is not after the previous due date,"
                    f" {shown(self.dues[index - 1].date)}",
                    f"تاریخ {shown_fa(due.date)} پس از سررسید قبلی"
                    f" ({shown_fa(self.dues[index - 1].date)}) نیست",
                    due.date,
                )
        added = sum(due.amount.rials for due in self.dues)
        if added != self.total.rials:
            raise _fail(
                "dues",
                "plan_total",
                f"the dues add up to {_rials(added)}, not the total of {_rials(self.total.rials)}",
                f"جمع اقساط {_rials_fa(added)} است، نه مبلغ کل {_rials_fa(self.total.rials)}",
                self.total,
            )

    @classmethod
    def monthly(
        cls,
        member_id: str,
        *,
        total: Rial | int | Decimal | str,
        first_due: DateLike | str,
        count: int,
    ) -> InstalmentPlan:
        """Return a plan of ``count`` monthly instalments from ``first_due``, adding up to
        ``total`` exactly.

        Due dates keep the day of the month of ``first_due`` (clamped to shorter months,
        :func:`maskan.calendar.add_months`: a plan due on Shahrivar 31 falls due on Mehr
        30, then on Farvardin 31 again). The amounts are ``total`` split by
        :meth:`maskan.money.Rial.allocate`: the leftover rials go to the first instalments.

        Raises:
            LedgerError: ``count`` (not a whole number from 1 up), ``too_small`` (less
                than one rial per instalment).

        >>> plan = InstalmentPlan.monthly(
        ...     "0499370899", total=Rial(100), first_due="1404/06/31", count=3
        ... )
        >>> [(str(due.date), due.amount.rials) for due in plan.dues]
        [('2025-09-22', 34), ('2025-10-22', 33), ('2025-11-21', 33)]
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise _fail(
                "count",
                "count",
                f"{describe(count)} is not a whole number of instalments from 1 up",
                f"مقدار {describe(count)} تعداد درستی برای اقساط نیست (عدد صحیح از ۱ به بالا)",
                count,
            )
        amount = as_rial(total, "total")
        if amount.rials < count:
            raise _fail(
                "total",
                "too_small",
                f"{_rials(amount.rials)} cannot be split into {count} instalments of at least"
                " one rial",
                f"مبلغ {_rials_fa(amount.rials)} را نمی‌توان به {count} قسط دست‌کم یک‌ریالی تقسیم کرد",
                amount,
            )
        start = as_date(first_due, "first_due")
        dues = [
            Due(date=add_months(start, month), amount=part)
            for month, part in enumerate(amount.allocate(count))
        ]
        return cls(member_id=member_id, total=amount, dues=dues)

    def due_by(self, on: DateLike | str) -> Rial:
        """The amount of the dues falling due on or before ``on``.

        >>> plan = InstalmentPlan.monthly(
        ...     "0499370899", total=Rial(300), first_due="1404/01/10", count=3
        ... )
        >>> plan.due_by("1404/01/09"), plan.due_by("1404/02/10"), plan.due_by("1405/01/01")
        (Rial(0), Rial(200), Rial(300))
        """
        day = as_date(on, "on")
        return Rial(sum(due.amount.rials for due in self.dues if due.date <= day))


# The shared store behind a line of ledger versions -------------------------------------


class _Store:
    """Everything a line of ledger versions has recorded, and indexes by member.

    Entries and plans are kept in the order they were recorded; a ledger version sees the
    first ``entry_count`` entries and ``plan_count`` plans. Recording on the newest version
    appends here in place, which is what keeps recording one entry O(1) (O(k) for an entry
    backdated among a member's k entries); older versions are unaffected because they see
    only their prefix. Every read and write holds ``lock``, so that two threads recording
    on the same version never both append to the same store.
    """

    __slots__ = ("books", "entries", "lock", "plan_books", "plans", "totals")

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: list[Contribution] = []
        self.plans: list[InstalmentPlan] = []
        # member -> positions in ``entries``, sorted by (date, position)
        self.books: dict[str, list[int]] = {}
        self.plan_books: dict[str, list[int]] = {}
        # member -> balance in rials after every entry of the store
        self.totals: dict[str, int] = {}

    def owns(self, entry_count: int, plan_count: int) -> bool:
        return entry_count == len(self.entries) and plan_count == len(self.plans)

    def prefix(self, entry_count: int, plan_count: int) -> _Store:
        """A new store holding what one version sees, replayed in recording order."""
        copy = _Store()
        for entry in self.entries[:entry_count]:
            copy.add_entry(entry, "record")
        for plan in self.plans[:plan_count]:
            copy.add_plan(plan)
        return copy

    def add_entry(self, entry: Contribution, field: str) -> None:
        """Record ``entry``, or raise before changing anything."""
        member = entry.member_id
        entries = self.entries
        book = self.books.get(member)
        if book is None or entries[book[-1]].date <= entry.date:
            at = len(book) if book is not None else 0
            if entry.kind is ContributionKind.REFUND:
                balance = self.totals.get(member, 0)
                if balance < entry.amount.rials:
                    raise _refund_too_large(field, entry, balance, entry.date)
        else:
            at = bisect.bisect_right(book, entry.date, key=lambda position: entries[position].date)
            if entry.kind is ContributionKind.REFUND:
                _check_backdated_refund(field, entry, [entries[p] for p in book], at)
        if book is None:
            book = self.books[member] = []
        book.insert(at, len(entries))
        entries.append(entry)
        self.totals[member] = self.totals.get(member, 0) + entry.signed_rials

    def add_plan(self, plan: InstalmentPlan) -> None:
        self.plan_books.setdefault(plan.member_id, []).append(len(self.plans))
        self.plans.append(plan)


def _refund_too_large(
    field: str, entry: Contribution, balance: int, day: datetime.date
) -> LedgerError:
    return _fail(
        field,
        "refund_exceeds_balance",
        f"a refund of {_rials(entry.amount.rials)} to {entry.member_id} on"
        f" {shown(entry.date)} exceeds the member's balance of {_rials(balance)}"
        f" on {shown(day)}",
        f"استرداد {_rials_fa(entry.amount.rials)} به {entry.member_id} در"
        f" {shown_fa(entry.date)} از مانده حساب عضو در {shown_fa(day)}"
        f" ({_rials_fa(balance)}) بیشتر است",
        entry,
    )


def _check_backdated_refund(
    field: str, refund: Contribution, book: list[Contribution], at: int
) -> None:
    """A refund slipped in before later entries must fit on its own day and leave every
    later balance at zero or above."""
    balance = sum(entry.signed_rials for entry in book[:at])
    if balance < refund.amount.rials:
        raise _refund_too_large(field, refund, balance, refund.date)
    balance -= refund.amount.rials
    for entry in book[at:]:
        balance += entry.signed_rials
        if balance < 0:
            raise _refund_too_large(field, refund, balance + refund.amount.rials, entry.date)


# The ledger ----------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Ledger:
    """A cooperative's ledger of members' payments and instalment plans.

    ``entries`` may be given in any order and are kept sorted by date (entries of one day
    in the order given); ``plans`` keep their order. Building a ledger checks every refund
    against the balance, as :meth:`record` does.

    Attributes:
        cooperative_id: the cooperative's legal-entity national ID (11 digits).
        entries: the members' payments and refunds, sorted by date.
        plans: the members' instalment plans.

    >>> ledger = Ledger(
    ...     cooperative_id="14011517510",
    ...     entries=[
    ...         Contribution(member_id="0499370899", date="1404/03/01", kind="refund", amount=4),
    ...         Contribution(member_id="0499370899", date="1404/02/01", kind="shares", amount=10),
    ...     ],
    ... )
    >>> [entry.kind.value for entry in ledger.entries]
    ['shares', 'refund']
    >>> ledger.balance("0499370899")
    Rial(6)
    """

    cooperative_id: str = attrs.field(converter=to_legal_id)
    entries: tuple[Contribution, ...] = attrs.field(default=(), converter=_entries)
    plans: tuple[InstalmentPlan, ...] = attrs.field(default=(), converter=_plans)
    _store: _Store = attrs.field(init=False, eq=False, repr=False)
    _entry_count: int = attrs.field(init=False, eq=False, repr=False)
    _plan_count: int = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        for index, entry in enumerate(self.entries):
            if not isinstance(entry, Contribution):
                raise _wrong_type(f"entries[{index}]", entry, "Contribution")
        for index, plan in enumerate(self.plans):
            if not isinstance(plan, InstalmentPlan):
                raise _wrong_type(f"plans[{index}]", plan, "InstalmentPlan")
        store = _Store()
        # Sorted first, so every entry takes the O(1) path; errors name the given index.
        for index in sorted(range(len(self.entries)), key=lambda i: self.entries[i].date):
            store.add_entry(self.entries[index], f"entries[{index}]")
        for plan in self.plans:
            store.add_plan(plan)
        object.__setattr__(self, "entries", tuple(store.entries))
        object.__setattr__(self, "_store", store)
        object.__setattr__(self, "_entry_count", len(store.entries))
        object.__setattr__(self, "_plan_count", len(store.plans))

    @classmethod
    def _version(
        cls, cooperative_id: str, store: _Store, entry_count: int, plan_count: int
    ) -> Ledger:
        # No __init__: ``entries`` and ``plans`` stay unset until first read (__getattr__).
        ledger = object.__new__(cls)
        object.__setattr__(ledger, "cooperative_id", cooperative_id)
        object.__setattr__(ledger, "_store", store)
        object.__setattr__(ledger, "_entry_count", entry_count)
        object.__setattr__(ledger, "_plan_count", plan_count)
        return ledger

    if not TYPE_CHECKING:  # hidden from mypy, which would otherwise accept any attribute

        def __getattr__(self, name: str) -> object:
            if name == "entries":
                value = self._assemble_entries()
            elif name == "plans":
                value = self._assemble_plans()
            else:
                raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
            object.__setattr__(self, name, value)
            return value

    def _assemble_entries(self) -> tuple[Contribution, ...]:
        with self._store.lock:
            recorded = self._store.entries[: self._entry_count]
        return tuple(sorted(recorded, key=attrgetter("date")))  # stable: same day, as recorded

    def _assemble_plans(self) -> tuple[InstalmentPlan, ...]:
        with self._store.lock:
            return tuple(self._store.plans[: self._plan_count])

    def __reduce__(self) -> tuple[object, ...]:
        # Pickle and deepcopy the content; the shared store holds a lock and other versions.
        return (_rebuild, (self.cooperative_id, self.entries, self.plans))

    # Operations ------------------------------------------------------------------------

    def record(self, entry: Contribution) -> Ledger:
        """Return the ledger with ``entry`` recorded; it may be dated before earlier entries.

        Raises:
            LedgerError: ``refund_exceeds_balance`` (a refund larger than the member's
                balance on its day, or one that a later refund would then exceed),
                ``type`` (not a :class:`Contribution`).

        >>> ledger = Ledger(cooperative_id="14011517510").record(
        ...     Contribution(member_id="0499370899", date="1404/05/01", kind="deposit", amount=500)
        ... )
        >>> ledger.record(
        ...     Contribution(member_id="0499370899", date="1404/04/01", kind="refund", amount=200)
        ... )
        Traceback (most recent call last):
        ...
        maskan.errors.LedgerError: record: a refund of 200 rials to 0499370899 on 1404/04/01 \
(2025-06-22) exceeds the member's balance of 0 rials on 1404/04/01 (2025-06-22)
        """
        if not isinstance(entry, Contribution):
            raise _wrong_type("record", entry, "Contribution")
        store = self._store
        with store.lock:
            if store.owns(self._entry_count, self._plan_count):
                store.add_entry(entry, "record")
                return self._version(
                    self.cooperative_id, store, self._entry_count + 1, self._plan_count
                )
            branch = store.prefix(self._entry_count, self._plan_count)
        branch.add_entry(entry, "record")
        return self._version(self.cooperative_id, branch, self._entry_count + 1, self._plan_count)

    def add_plan(self, plan: InstalmentPlan) -> Ledger:
        """Return the ledger with an instalment plan added; a member may have several.

        Raises:
            LedgerError: ``type`` (not an :class:`InstalmentPlan`).

        >>> plan = InstalmentPlan.monthly(
        ...     "0499370899", total=Rial(600), first_due="1404/01/01", count=6
        ... )
        >>> Ledger(cooperative_id="14011517510").add_plan(plan).plans == (plan,)
        True
        """
        if not isinstance(plan, InstalmentPlan):
            raise _wrong_type("add_plan", plan, "InstalmentPlan")
        store = self._store
        with store.lock:
            if store.owns(self._entry_count, self._plan_count):
                store.add_plan(plan)
                return self._version(
                    self.cooperative_id, store, self._entry_count, self._plan_count + 1
                )
            branch = store.prefix(self._entry_count, self._plan_count)
        branch.add_plan(plan)
        return self._version(self.cooperative_id, branch, self._entry_count, self._plan_count + 1)

    # Reading ---------------------------------------------------------------------------

    @property
    def members(self) -> tuple[str, ...]:
        """The national IDs of the members with an entry or a plan, sorted.

        >>> Ledger(cooperative_id="14011517510").record(
        ...     Contribution(member_id="0499370899", date="1404/05/01", kind="shares", amount=1)
        ... ).members
        ('0499370899',)
        """
        store = self._store
        with store.lock:
            found = {
                member
                for member, positions in store.books.items()
                if positions and min(positions) < self._entry_count
            }
            found.update(
                member
                for member, positions in store.plan_books.items()
                if positions[0] < self._plan_count
            )
        return tuple(sorted(found))

    def entries_of(self, member_id: str) -> tuple[Contribution, ...]:
        """A member's entries, sorted by date (entries of one day in the order recorded).

        >>> ledger = Ledger(cooperative_id="14011517510").record(
        ...     Contribution(member_id="0499370899", date="1404/05/01", kind="shares", amount=1)
        ... )
        >>> len(ledger.entries_of("0499370899")), ledger.entries_of("0084575948")
        (1, ())
        """
        return tuple(self._entries_of(_member_id(member_id)))

    def plans_of(self, member_id: str) -> tuple[InstalmentPlan, ...]:
        """A member's instalment plans, in the order added.

        >>> Ledger(cooperative_id="14011517510").plans_of("0499370899")
        ()
        """
        member = _member_id(member_id)
        store = self._store
        with store.lock:
            return tuple(
                store.plans[position]
                for position in store.plan_books.get(member, ())
                if position < self._plan_count
            )

    def balance(self, member_id: str, on: DateLike | str | None = None) -> Rial:
        """What the member has paid in, less refunds, by the end of day ``on`` (or in all,
        without ``on``).

        >>> ledger = Ledger(cooperative_id="14011517510").record(
        ...     Contribution(member_id="0499370899", date="1404/05/01", kind="deposit", amount=900)
        ... )
        >>> ledger.balance("0499370899"), ledger.balance("0499370899", on="1404/04/31")
        (Rial(900), Rial(0))
        """
        member = _member_id(member_id)
        if on is None:
            store = self._store
            with store.lock:
                if store.owns(self._entry_count, self._plan_count):
                    return Rial(store.totals.get(member, 0))
            return Rial(sum(entry.signed_rials for entry in self._entries_of(member)))
        day = as_date(on, "on")
        total = 0
        for entry in self._entries_of(member):
            if entry.date > day:
                break
            total += entry.signed_rials
        return Rial(total)

    def due(self, member_id: str, on: DateLike | str) -> Rial:
        """What the member's plans made due on or before ``on``.

        >>> plan = InstalmentPlan.monthly(
        ...     "0499370899", total=Rial(600), first_due="1404/01/01", count=6
        ... )
        >>> Ledger(cooperative_id="14011517510").add_plan(plan).due("0499370899", on="1404/03/01")
        Rial(300)
        """
        day = as_date(on, "on")
        return Rial(sum(plan.due_by(day).rials for plan in self.plans_of(member_id)))

    def arrears(self, member_id: str, on: DateLike | str) -> Rial:
        """What the member is behind on ``on``: dues on or before ``on`` less the
        ``instalment`` entries on or before ``on``, never below zero.

        Other kinds of entry do not count toward plans (see the module notes).

        >>> plan = InstalmentPlan.monthly(
        ...     "0499370899", total=Rial(600), first_due="1404/01/01", count=6
        ... )
        >>> paid = Contribution(
        ...     member_id="0499370899", date="1404/01/01", kind="instalment", amount=150
        ... )
        >>> ledger = Ledger(cooperative_id="14011517510").add_plan(plan).record(paid)
        >>> ledger.arrears("0499370899", on="1404/01/01")
        Rial(0)
        >>> ledger.arrears("0499370899", on="1404/03/01")  # 300 due, 150 paid
        Rial(150)
        """
        member = _member_id(member_id)
        day = as_date(on, "on")
        paid = 0
        for entry in self._entries_of(member):
            if entry.date > day:
                break
            if entry.kind is ContributionKind.INSTALMENT:
                paid += entry.amount.rials
        return Rial(max(0, self.due(member, on=day).rials - paid))

    def amount_days(self, member_id: str, on: DateLike | str) -> int:
        """The sum, over every rial the member still has in the cooperative at the end of
        day ``on``, of the days since it was paid (rial-days).

        Refunds take back the most recent money first; see the module notes for why, and
        DOMAIN.md §5.6 [U] for why this is an input to the caller's points formula rather
        than a score.

        >>> ledger = Ledger(cooperative_id="14011517510")
        >>> for day, kind, amount in [
        ...     ("1404/01/01", "deposit", 1000),
        ...     ("1404/01/11", "deposit", 500),
        ...     ("1404/01/21", "refund", 700),
        ... ]:
        ...     ledger = ledger.record(
        ...         Contribution(member_id="0499370899", date=day, kind=kind, amount=amount)
        ...     )
        >>> ledger.amount_days("0499370899", on="1404/01/31")  # 800 rials paid 30 days ago
        24000
        """
        member = _member_id(member_id)
        day = as_date(on, "on")
        paid_on: list[datetime.date] = []
        held: list[int] = []  # rials still held from each payment, oldest first
        for entry in self._entries_of(member):
            if entry.date > day:
                break
            if entry.kind is not ContributionKind.REFUND:
                paid_on.append(entry.date)
                held.append(entry.amount.rials)
                continue
            refunded = entry.amount.rials
            while refunded:  # the ledger never refunds more than is held
                taken = min(refunded, held[-1])
                refunded -= taken
                held[-1] -= taken
                if not held[-1]:
                    held.pop()
                    paid_on.pop()
        return sum(rials * (day - paid).days for paid, rials in zip(paid_on, held, strict=True))

    def _entries_of(self, member: str) -> list[Contribution]:
        store = self._store
        with store.lock:
            positions = store.books.get(member, ())
            entries = store.entries
            if self._entry_count == len(entries):
                return [entries[position] for position in positions]
            return [entries[position] for position in positions if position < self._entry_count]


def _rebuild(
    cooperative_id: str, entries: tuple[Contribution, ...], plans: tuple[InstalmentPlan, ...]
) -> Ledger:
    return Ledger(cooperative_id=cooperative_id, entries=entries, plans=plans)
