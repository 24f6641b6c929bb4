"""Membership records, the board and the dated history of a cooperative.

Part of :mod:`maskan.models.cooperative`, which re-exports the public names here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import attrs

from maskan.calendar import as_date
from maskan.errors import InvalidText, MembershipError
from maskan.models._fields import (
    as_choice,
    as_integer,
    failure,
    invalid,
    shown,
    shown_fa,
    to_date,
    to_flag,
    to_national_id,
    to_national_ids,
    to_optional_date,
    to_optional_national_id,
    to_optional_text,
)
from maskan.models._labels import Labelled, labels
from maskan.models._persistent import Chain, Keyed
from maskan.models._statute import BOARD_MAX, PRINCIPALS_MAX, PRINCIPALS_MIN

__all__ = [
    "Board",
    "CooperativeEvent",
    "EventKind",
    "History",
    "Membership",
    "MembershipStatus",
    "Memberships",
    "check_no_repeats",
    "refuse",
    "to_history",
    "to_memberships",
]


def refuse(code: str, field: str, value: object, message: str, message_fa: str) -> MembershipError:
    """The error of a refused cooperative operation: ``"<field>: <message>"`` in English,
    and the Persian message with Persian digits.

    >>> print(refuse("too_few_founders", "founders", 5, "5 founders; at least 7", "۵ مؤسس"))
    founders: 5 founders; at least 7
    """
    return failure(MembershipError, field, code, message, message_fa, value)


class MembershipStatus(Labelled):
    """Where a membership stands: active, or how it ended.

    >>> [status.label_fa for status in MembershipStatus]
    ['فعال', 'انصراف', 'جایگزین\\u200cشده', 'اخراج']
    """

    ACTIVE = "active"
    WITHDRAWN = "withdrawn"
    REPLACED = "replaced"
    EXPELLED = "expelled"


labels(
    MembershipStatus,
    {
        "active": ("فعال", "active"),
        "withdrawn": ("انصراف", "withdrawn"),
        "replaced": ("جایگزین‌شده", "replaced"),
        "expelled": ("اخراج", "expelled"),
    },
)


# Converters that need more than the field's name are named functions: mypy's attrs plugin
# reads each one's signature as the type the constructor accepts.


def _shares(value: int) -> int:
    return as_integer(value, "shares", low=1)


def _status(value: MembershipStatus | str) -> MembershipStatus:
    return as_choice(value, MembershipStatus, "status")


@attrs.frozen(kw_only=True)
class Membership:
    """One person's membership (عضویت) in a cooperative.

    A membership is active until it ends by withdrawal (انصراف), replacement (جایگزینی) or
    expulsion (اخراج); then ``status`` says how and ``left_on`` when. The record stays in
    the cooperative, for its history and for the member's rights.

    Attributes:
        national_id: the member's national ID (کد ملی), compact.
        shares: the number of shares (سهم) the member holds, at least 1.
        joined_on: the day the membership began.
        status: active, withdrawn, replaced or expelled.
        left_on: the day it ended; ``None`` while active (and only then).
        founder: whether the member was on the founding board (هیأت مؤسس).
        seniority_from: the day the member's seniority counts from: ``joined_on``, or, for
            a successor, the departing member's seniority date (DOMAIN.md §5.2,
            جایگزینی). Never after ``joined_on``.
        predecessor_id: for a successor, the national ID of the member replaced.
        successor_id: for a replaced member, the national ID of the successor; set exactly
            when ``status`` is ``replaced``.
        transfer_note: for a successor, a note on the contributions (آورده) transferred;
            the statutory procedure is caller-set (DOMAIN.md §5.2), so maskan records it
            as text.

    >>> membership = Membership(national_id="0499370899", shares=10, joined_on="1404/01/15")
    >>> membership.is_active, membership.seniority_from == membership.joined_on
    (True, True)
    >>> Membership(national_id="0499370899", shares=10, joined_on="1404/01/15",
    ...            status="withdrawn")
    Traceback (most recent call last):
    ...
    maskan.errors.MembershipError: left_on: a withdrawn membership needs the day it ended
    """

    national_id: str = attrs.field(converter=to_national_id)
    shares: int = attrs.field(converter=_shares)
    joined_on: datetime.date = attrs.field(converter=to_date)
    status: MembershipStatus = attrs.field(default=MembershipStatus.ACTIVE, converter=_status)
    left_on: datetime.date | None = attrs.field(default=None, converter=to_optional_date)
    founder: bool = attrs.field(default=False, converter=to_flag)
    seniority_from: datetime.date = attrs.field(
        default=attrs.Factory(lambda self: self.joined_on, takes_self=True),
        converter=to_date,
    )
    predecessor_id: str | None = attrs.field(default=None, converter=to_optional_national_id)
    successor_id: str | None = attrs.field(default=None, converter=to_optional_national_id)
    transfer_note: str | None = attrs.field(default=None, converter=to_optional_text)

    def __attrs_post_init__(self) -> None:
        active = self.status is MembershipStatus.ACTIVE
        if active and self.left_on is not None:
            raise refuse(
                "active_with_left_date",
                "left_on",
                self.left_on,
                f"an active membership has no end, but {shown(self.left_on)} was given",
                f"عضویت فعال پایان ندارد، اما تاریخ {shown_fa(self.left_on)} داده شده است",
            )
        if not active and self.left_on is None:
            raise refuse(
                "missing_left_date",
                "left_on",
                None,
                f"a {self.status.label_en} membership needs the day it ended",
                f"عضویت با وضعیت «{self.status.label_fa}» تاریخ پایان می‌خواهد",
            )
        if self.left_on is not None and self.left_on < self.joined_on:
            raise refuse(
                "left_before_joined",
                "left_on",
                self.left_on,
                f"{shown(self.left_on)} is before the membership began, {shown(self.joined_on)}",
                f"{shown_fa(self.left_on)} پیش از آغاز عضویت ({shown_fa(self.joined_on)}) است",
            )
        if self.seniority_from > self.joined_on:
            raise refuse(
                "seniority_after_joined",
                "seniority_from",
                self.seniority_from,
                f"{shown(self.seniority_from)} is after the membership began,"
                f" {shown(self.joined_on)}",
                f"{shown_fa(self.seniority_from)} پس از آغاز عضویت ({shown_fa(self.joined_on)})"
                " است",
            )
        if (self.successor_id is None) == (self.status is MembershipStatus.REPLACED):
            raise refuse(
                "successor_mismatch",
                "successor_id",
                self.successor_id,
                "a successor is named exactly when the membership was replaced"
                f" (status {self.status.value!r}, successor {self.successor_id!r})",
                "جانشین فقط و همیشه برای عضویت جایگزین‌شده نوشته می‌شود"
                f" (وضعیت «{self.status.label_fa}»، جانشین {self.successor_id!r})",
            )
        if self.national_id in (self.predecessor_id, self.successor_id):
            raise refuse(
                "self_replacement",
                "predecessor_id" if self.predecessor_id == self.national_id else "successor_id",
                self.national_id,
                f"{self.national_id!r} cannot replace or succeed themself",
                f"{self.national_id!r} نمی‌تواند جانشین خودش باشد",
            )

    @property
    def is_active(self) -> bool:
        """Whether the membership is active now.

        >>> Membership(national_id="0499370899", shares=1, joined_on="1404/01/15").is_active
        True
        """
        return self.status is MembershipStatus.ACTIVE

    def active_on(self, day: datetime.date | str) -> bool:
        """Whether the membership was active on ``day``: it had begun, and had not ended
        (it ends at the start of ``left_on``).

        >>> membership = Membership(national_id="0499370899", shares=1, joined_on="1404/01/15",
        ...                         status="withdrawn", left_on="1404/06/01")
        >>> [membership.active_on(day) for day in ("1404/01/14", "1404/05/31", "1404/06/01")]
        [False, True, False]
        """
        on = as_date(day, "day")
        return self.joined_on <= on and (self.left_on is None or on < self.left_on)


def _national_id_of(membership: Membership) -> str:
    return membership.national_id


class Memberships(Keyed[str, Membership]):
    """A cooperative's memberships: an immutable sequence of :class:`Membership` records in
    the order people first joined, found by national ID in O(log n).

    It keeps the number of active members and their shares, so that neither is recounted
    when one membership changes. A cooperative's ``memberships`` field holds one; it
    compares equal to another with the same records in the same order.

    >>> book = Memberships([Membership(national_id="0499370899", shares=3, joined_on="1404/01/15")])
    >>> book.get("0499370899").shares, book.active_count, book.active_shares
    (3, 1, 3)
    """

    __slots__ = ("active_count", "active_shares")

    active_count: int
    active_shares: int

    def __init__(self, records: Iterable[Membership] = ()) -> None:
        super().__init__(_national_id_of)
        self.active_count = 0
        self.active_shares = 0
        for position, record in enumerate(records):
            if not isinstance(record, Membership):
                raise invalid(
                    InvalidText,
                    "memberships",
                    record,
                    f"is a {type(record).__name__}, not a Membership",
                    "عضویت نیست",
                    at=position,
                )
            if self.has_key(record.national_id):
                raise refuse(
                    "duplicate_member",
                    "memberships",
                    record.national_id,
                    f"{record.national_id!r} has two membership records",
                    f"کد ملی {record.national_id!r} دو پروندهٔ عضویت دارد",
                )
            self._count(record, 1)
            self._add_in_place(record)

    def _count(self, record: Membership, sign: int) -> None:
        if record.is_active:
            self.active_count += sign
            self.active_shares += sign * record.shares

    def _copy(self) -> Memberships:
        new: Memberships = super()._copy()  # type: ignore[assignment]
        new.active_count = self.active_count
        new.active_shares = self.active_shares
        return new

    def with_record(self, record: Membership) -> Memberships:
        """A new collection with ``record`` added, or replacing the record with its national
        ID in its place; this one is unchanged.

        >>> first = Membership(national_id="0499370899", shares=3, joined_on="1404/01/15")
        >>> book = Memberships().with_record(first)
        >>> left = attrs.evolve(first, status="withdrawn", left_on="1404/02/01")
        >>> book.with_record(left).active_count, book.active_count
        (0, 1)
        """
        new = self._copy()
        previous = self.get(record.national_id)
        if previous is not None:
            new._count(previous, -1)
        new._count(record, 1)
        new._add_in_place(record)
        return new

    def __reduce__(self) -> tuple[object, ...]:
        return (Memberships, (tuple(self),))


def to_memberships(value: Iterable[Membership]) -> Memberships:
    """The converter of ``Cooperative.memberships``: a :class:`Memberships` from any iterable
    of records (kept as is when it already is one)."""
    if isinstance(value, Memberships):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise invalid(
            InvalidText,
            "memberships",
            value,
            f"is a {type(value).__name__}, not a list of memberships",
            "فهرست عضویت‌ها نیست",
        )
    return Memberships(value)


@attrs.frozen(kw_only=True)
class Board:
    """A board of directors (هیأت مدیره) as elected: principal (اصلی) and alternate
    (علی‌البدل) members and the term.

    Built by [`Cooperative.elect_board`][maskan.models.cooperative.Cooperative.elect_board],
    which also checks the numbers against the statute and the members. On its own a board
    checks what holds whatever the cooperative: 3 to 7 principals, at most 15 people, no one
    twice, a term that ends after the election (DOMAIN.md §5.5).

    Attributes:
        principals: national IDs of the principal members, in the order given.
        alternates: national IDs of the alternate members.
        elected_on: the day of the election.
        term_ends_on: the day the term ends.

    >>> board = Board(principals=["0499370899", "0790419904", "0084575948"],
    ...               alternates=["0963695398"], elected_on="1404/03/01",
    ...               term_ends_on="1407/03/01")
    >>> board.members[-1], board.serving_on("1407/03/01")
    ('0963695398', False)
    """

    principals: tuple[str, ...] = attrs.field(converter=to_national_ids)
    alternates: tuple[str, ...] = attrs.field(default=(), converter=to_national_ids)
    elected_on: datetime.date = attrs.field(converter=to_date)
    term_ends_on: datetime.date = attrs.field(converter=to_date)

    def __attrs_post_init__(self) -> None:
        count = len(self.principals)
        if not PRINCIPALS_MIN <= count <= PRINCIPALS_MAX:
            raise refuse(
                "board_size",
                "principals",
                self.principals,
                f"{count} principal members; a board has {PRINCIPALS_MIN} to {PRINCIPALS_MAX}",
                f"{count} عضو اصلی؛ هیأت مدیره {PRINCIPALS_MIN} تا {PRINCIPALS_MAX} عضو اصلی دارد",
            )
        everyone = self.members
        if len(everyone) > BOARD_MAX:
            raise refuse(
                "board_too_large",
                "alternates",
                self.alternates,
                f"{len(everyone)} principal and alternate members; at most {BOARD_MAX}",
                f"{len(everyone)} عضو اصلی و علی‌البدل؛ حداکثر {BOARD_MAX}",
            )
        check_no_repeats(everyone)
        if self.term_ends_on <= self.elected_on:
            raise refuse(
                "term_end",
                "term_ends_on",
                self.term_ends_on,
                f"{shown(self.term_ends_on)} is not after the election, {shown(self.elected_on)}",
                f"{shown_fa(self.term_ends_on)} پس از انتخابات ({shown_fa(self.elected_on)}) نیست",
            )

    @property
    def members(self) -> tuple[str, ...]:
        """Principals, then alternates.

        >>> Board(principals=["0499370899", "0790419904", "0084575948"], elected_on="1404/03/01",
        ...       term_ends_on="1406/03/01").members
        ('0499370899', '0790419904', '0084575948')
        """
        return self.principals + self.alternates

    def serving_on(self, day: datetime.date | str) -> bool:
        """Whether ``day`` falls within the term: from the election to the day before
        ``term_ends_on``.

        >>> board = Board(principals=["0499370899", "0790419904", "0084575948"],
        ...               elected_on="1404/03/01", term_ends_on="1406/03/01")
        >>> board.serving_on("1404/03/01"), board.serving_on("1406/02/31")
        (True, True)
        """
        on = as_date(day, "day")
        return self.elected_on <= on < self.term_ends_on


def check_no_repeats(board: tuple[str, ...]) -> None:
    """Refuse a board, principals then alternates, that names someone twice (code
    ``duplicate_board_member``)."""
    if len(set(board)) != len(board):
        repeated = next(person for person in board if board.count(person) > 1)
        raise refuse(
            "duplicate_board_member",
            "principals",
            repeated,
            f"{repeated!r} is named twice",
            f"{repeated!r} دو بار آمده است",
        )


class EventKind(Labelled):
    """What happened to a cooperative: the ``kind`` of a :class:`CooperativeEvent`.

    >>> EventKind.REPLACED.label_fa, EventKind("board_elected").label_en
    ('جایگزینی عضو', 'board elected')
    """

    FOUNDED = "founded"
    ADMITTED = "admitted"
    WITHDRAWN = "withdrawn"
    REPLACED = "replaced"
    EXPELLED = "expelled"
    BOARD_ELECTED = "board_elected"


labels(
    EventKind,
    {
        "founded": ("تأسیس", "founded"),
        "admitted": ("پذیرش عضو", "member admitted"),
        "withdrawn": ("انصراف عضو", "member withdrew"),
        "replaced": ("جایگزینی عضو", "member replaced"),
        "expelled": ("اخراج عضو", "member expelled"),
        "board_elected": ("انتخاب هیأت مدیره", "board elected"),
    },
)


def _event_kind(value: EventKind | str) -> EventKind:
    return as_choice(value, EventKind, "kind")


def _event_shares(value: int | None) -> int | None:
    return None if value is None else as_integer(value, "shares", low=1)


@attrs.frozen(kw_only=True)
class CooperativeEvent:
    """One dated change in a cooperative's history.

    Attributes:
        on: the day it happened.
        kind: what happened.
        national_ids: the people concerned. ``founded``: the founders; ``admitted``,
            ``withdrawn``, ``expelled``: the member; ``replaced``: the departing member,
            then the successor; ``board_elected``: the principal members.
        alternates: ``board_elected``: the alternate members; empty otherwise.
        shares: ``admitted``: the shares bought; ``replaced``: the shares taken over.
        ground: ``expelled``: the statute's ground for expulsion.
        note: ``replaced``: the note on the contributions transferred, when given.

    >>> event = CooperativeEvent(on="1404/02/01", kind="admitted", national_ids=["0499370899"],
    ...                          shares=10)
    >>> event.kind.label_en, event.national_ids
    ('member admitted', ('0499370899',))
    """

    on: datetime.date = attrs.field(converter=to_date)
    kind: EventKind = attrs.field(converter=_event_kind)
    national_ids: tuple[str, ...] = attrs.field(converter=to_national_ids)
    alternates: tuple[str, ...] = attrs.field(default=(), converter=to_national_ids)
    shares: int | None = attrs.field(default=None, converter=_event_shares)
    ground: str | None = attrs.field(default=None, converter=to_optional_text)
    note: str | None = attrs.field(default=None, converter=to_optional_text)


class History(Chain[CooperativeEvent]):
    """A cooperative's events, oldest first: an immutable sequence to which a new
    cooperative appends its event without copying the others (see
    :class:`~maskan.models._persistent.Chain`).

    >>> history = History([CooperativeEvent(on="1403/07/01", kind="founded",
    ...                                     national_ids=["0499370899"])])
    >>> history[-1].kind.label_en, len(history)
    ('founded', 1)
    """

    __slots__ = ()


def to_history(value: Iterable[CooperativeEvent]) -> History:
    """The converter of ``Cooperative.history``: events in date order, stored so that
    appending one does not copy the others."""
    if isinstance(value, History):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise invalid(
            InvalidText,
            "history",
            value,
            f"is a {type(value).__name__}, not a list of events",
            "فهرست رویدادها نیست",
        )
    events: list[CooperativeEvent] = []
    for position, event in enumerate(value):
        if not isinstance(event, CooperativeEvent):
            raise invalid(
                InvalidText,
                "history",
                event,
                f"is a {type(event).__name__}, not a CooperativeEvent",
                "رویداد نیست",
                at=position,
            )
        if events and event.on < events[-1].on:
            raise refuse(
                "out_of_order",
                "history",
                event.on,
                f"event {position} ({event.kind.value}) on {shown(event.on)} is before the one"
                f" before it, on {shown(events[-1].on)}",
                f"رویداد {position} ({event.kind.label_fa}) در {shown_fa(event.on)} پیش از"
                f" رویداد قبلی ({shown_fa(events[-1].on)}) است",
            )
        events.append(event)
    return History(events)
