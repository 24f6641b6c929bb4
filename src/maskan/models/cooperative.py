"""Housing cooperatives (تعاونی مسکن): their statute, members, board and history.

A [`Cooperative`][maskan.models.cooperative.Cooperative] is founded by at least 7 people,
admits members who buy shares, loses them by withdrawal, replacement or expulsion, and
elects a board, all under the Cooperative Sector Law and its own
[`Statute`][maskan.models.cooperative.Statute] (DOMAIN.md §5). It never changes: every
operation returns a new cooperative, or raises a
[`MembershipError`][maskan.errors.MembershipError] and leaves the old one as it was.

>>> from fractions import Fraction
>>> from maskan.calendar import jdate
>>> from maskan.models.person import Person
>>> from maskan.money import Rial
>>> statute = Statute(
...     share_price=Rial(5_000_000), minimum_shares=10, max_capital_share=Fraction(3, 10),
...     board_size=3, board_term_years=3,
...     ordinary_first_call=QuorumRule.more_than("1/2"),
...     ordinary_second_call=QuorumRule.at_least(0),
...     extraordinary_first_call=QuorumRule.at_least("2/3"),
...     extraordinary_second_call=QuorumRule.more_than("1/2"),
...     expulsion_grounds=["عدم پرداخت اقساط"])
>>> ids = ["0499370899", "0790419904", "0084575948", "0963695398", "1583250689",
...        "4271427683", "0684159414"]
>>> founders = [Person(national_id=n, first_name="عضو", last_name=f"مؤسس {i}",
...                    nationality="iranian", legal_capacity=True) for i, n in enumerate(ids)]
>>> coop = Cooperative.found(
...     name="تعاونی مسکن کارکنان نمونه", kind="staff_housing", legal_id="14011517510",
...     province="اصفهان", statute=statute, founders=founders, shares=10,
...     on=jdate(1403, 7, 1))
>>> newcomer = Person(national_id="1122334451", first_name="مریم", last_name="احمدی",
...                   nationality="iranian", legal_capacity=True)
>>> bigger = coop.admit(newcomer, on=jdate(1404, 1, 20), shares=12)
>>> len(coop.active_members), len(bigger.active_members), bigger.capital
(7, 8, Rial(410000000))
>>> [event.kind.value for event in bigger.history]
['founded', 'admitted']
>>> bigger.withdraw("1122334451", on=jdate(1404, 2, 1)).member("1122334451").status.label_en
'withdrawn'

**Unknown facts are refused.** The law admits Iranian nationals with legal capacity (DOMAIN
§5.2, art. 9), and the board "must reject applicants lacking a condition"; a person whose
nationality or legal capacity is unknown (``None``) has not been shown to meet it, so
``found``, ``admit`` and ``replace`` refuse them with code ``unknown_fact``, naming the
fact in ``error.field``. Record the fact on the [`Person`][maskan.models.person.Person]
first.

>>> coop.admit(Person(national_id="1122334451", first_name="مریم", last_name="احمدی"),
...            on=jdate(1404, 1, 20), shares=10)
Traceback (most recent call last):
...
maskan.errors.MembershipError: nationality: unknown for 1122334451; membership requires \
Iranian nationality (DOMAIN.md §5.2), so record it on the Person before admitting

**Linear cost.** Memberships and history are persistent collections: a new cooperative
shares them with the old one, so ``admit`` costs O(log n), not a copy of n members, and
admitting 100,000 members one at a time stays linear (``benchmarks/registry.py``). They
are read-only sequences that compare by content and serialize as lists.

**Errors.** Operations raise :class:`~maskan.errors.MembershipError` with these codes; a
wrong type or value of an argument raises the converters' errors (``InvalidNumber``,
``InvalidText``, ``InvalidDate``, ``InvalidNationalId``, ``InvalidLegalId``, ``UnknownPlace``).

| code | raised by | what is wrong |
|---|---|---|
| ``too_few_founders`` | found | fewer than 7 founders, or than the statute's ``minimum_members`` |
| ``duplicate_founder`` | found | one person named twice |
| ``missing_shares`` | found | a founder has no entry in the ``shares`` mapping |
| ``not_a_founder`` | found | the ``shares`` mapping names someone who is not a founder |
| ``unknown_fact`` | found, admit, replace | nationality or legal capacity unknown |
| ``not_iranian`` | found, admit, replace | a foreign national |
| ``legally_incapacitated`` | found, admit, replace | legal capacity ``False`` (حجر) |
| ``already_member`` | admit, replace | the person is an active member already |
| ``below_minimum_shares`` | found, admit | fewer shares than the statute's minimum |
| ``above_maximum_capital`` | found, admit, replace | above ``max_capital_share`` of the capital |
| ``not_a_member`` | withdraw, expel, replace, elect_board, member | no record for that ID |
| ``not_active`` | withdraw, expel, replace, elect_board | the membership has ended |
| ``too_few_members`` | withdraw, expel | active members would fall below ``minimum_members`` |
| ``unknown_ground`` | expel | the ground is not in the statute's ``expulsion_grounds`` |
| ``self_replacement`` | replace | the successor is the departing member |
| ``board_size`` | elect_board | not the statute's ``board_size`` principals |
| ``alternates_count`` | elect_board | alternates outside :func:`alternates_range` |
| ``duplicate_board_member`` | elect_board | one person named twice |
| ``out_of_order`` | every operation | dated before the cooperative's last event |
| ``joined_before_founding`` | the constructor | a membership begins before the founding |
| ``type`` | every operation | a person that is not a ``Person`` |
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import cast

import attrs

from maskan.calendar import add_years, as_date
from maskan.errors import InvalidIdentifier, InvalidText, UnknownPlace, describe
from maskan.geo import County, Province
from maskan.identifiers._common import MAX_INPUT_LENGTH
from maskan.models._fields import (
    as_choice,
    as_instance,
    as_integer,
    as_national_id,
    as_national_ids,
    as_text,
    invalid,
    shown,
    shown_fa,
    to_county,
    to_date,
    to_legal_id,
    to_optional_text,
    to_province,
    to_text,
)
from maskan.models._labels import Labelled, labels
from maskan.models._membership import (
    Board,
    CooperativeEvent,
    EventKind,
    History,
    Membership,
    Memberships,
    MembershipStatus,
    check_no_repeats,
    refuse,
    to_history,
    to_memberships,
)
from maskan.models._statute import (
    BOARD_MAX,
    MEMBERS_PER_EXTRA_ALTERNATE,
    MINIMUM_FOUNDERS,
    MINIMUM_MEMBERS,
    PRINCIPALS_MAX,
    PRINCIPALS_MIN,
    SIMILAR_HOUSING,
    Assembly,
    QuorumRule,
    Statute,
    alternates_range,
)
from maskan.models.person import Nationality, Person
from maskan.money import Rial
from maskan.persian.digits import to_latin_digits, to_persian_digits

__all__ = [
    "BOARD_MAX",
    "MEMBERS_PER_EXTRA_ALTERNATE",
    "MINIMUM_FOUNDERS",
    "MINIMUM_MEMBERS",
    "PRINCIPALS_MAX",
    "PRINCIPALS_MIN",
    "SIMILAR_HOUSING",
    "Assembly",
    "Board",
    "Cooperative",
    "CooperativeEvent",
    "CooperativeKind",
    "EventKind",
    "History",
    "Membership",
    "MembershipStatus",
    "Memberships",
    "QuorumRule",
    "Statute",
    "alternates_range",
]


class CooperativeKind(Labelled):
    """The kind of a housing cooperative (DOMAIN.md §10 glossary).

    * ``workers_housing``: تعاونی مسکن کارگری, for workers under the Labour Law (DOMAIN §4.7);
    * ``staff_housing``: تعاونی مسکن کارکنان, for the employees of one organisation;
    * ``general_housing``: تعاونی مسکن, open to the public.

    >>> CooperativeKind("workers_housing").label_fa
    'تعاونی مسکن کارگری'
    """

    WORKERS_HOUSING = "workers_housing"
    STAFF_HOUSING = "staff_housing"
    GENERAL_HOUSING = "general_housing"


labels(
    CooperativeKind,
    {
        "workers_housing": ("تعاونی مسکن کارگری", "workers' housing cooperative"),
        "staff_housing": ("تعاونی مسکن کارکنان", "staff housing cooperative"),
        "general_housing": ("تعاونی مسکن", "general housing cooperative"),
    },
)


# Converters that need more than the field's name are named functions: mypy's attrs plugin
# reads each one's signature as the type the constructor accepts.


def _kind(value: CooperativeKind | str) -> CooperativeKind:
    return as_choice(value, CooperativeKind, "kind")


def _statute(value: Statute) -> Statute:
    return as_instance(value, Statute, "statute")


def _registration_number(value: object) -> str:
    """A registration number (شماره ثبت): free-form digits (DOMAIN.md §5.8), any digit
    script, stored in ASCII with its leading zeros."""

    def fail(code: str, what: str, what_fa: str) -> InvalidIdentifier:
        return InvalidIdentifier(
            f"registration_number: {describe(value)} {what}",
            message_fa=f"شماره ثبت: {describe(value)} {what_fa}",
            code=code,
            field="registration_number",
            value=value,
        )

    if type(value) is int and value >= 0:
        return str(value)
    if not isinstance(value, str):
        raise fail("type", f"is a {type(value).__name__}, not text", "متن نیست")
    if len(value) > MAX_INPUT_LENGTH:
        raise fail("too_long", "is too long", "بیش از اندازه بلند است")
    number = to_latin_digits(value.strip())
    if not number:
        raise fail("empty", "is empty", "خالی است")
    if not (number.isdigit() and number.isascii()):
        raise fail("format", "is not made of digits", "فقط از رقم ساخته نشده است")
    return number


def _optional_registration_number(value: str | int | None) -> str | None:
    return None if value is None else _registration_number(value)


def _optional_board(value: object) -> Board | None:
    if value is None or isinstance(value, Board):
        return value
    raise invalid(
        InvalidText,
        "board",
        value,
        f"is a {type(value).__name__}, not a Board",
        "هیأت مدیره (Board) نیست",
    )


@attrs.frozen(kw_only=True)
class Cooperative:
    """A housing cooperative (تعاونی مسکن).

    Build a new one with [`found`][maskan.models.cooperative.Cooperative.found]; build one
    from stored records with the constructor, which checks that the records agree with
    each other (dates, places, board) but not the operations' rules, which applied when the
    records were made.

    Attributes:
        name: the registered name, normalized.
        kind: workers', staff or general housing cooperative.
        legal_id: the legal-entity national ID (شناسه ملی), 11 digits, checked; the key by
            which projects, ledgers and the [`Registry`][maskan.models.registry.Registry]
            refer to the cooperative.
        province: the province (استان).
        statute: the statute (اساسنامه).
        founded_on: the day of founding.
        registration_number: the registration number (شماره ثبت), free-form digits
            (DOMAIN.md §5.8); ``None`` when unknown.
        county: the county (شهرستان), in ``province``; ``None`` when unknown.
        city: the city, normalized; ``None`` when unknown.
        memberships: every membership, active or ended, one per national ID, in the order
            people first joined (a read-only sequence; see
            [`Memberships`][maskan.models.cooperative.Memberships]).
        board: the board last elected, as elected; ``None`` before the first election.
        history: the dated events, oldest first.

    >>> from maskan.models._coop_examples import example_cooperative
    >>> coop = example_cooperative()
    >>> coop.name, coop.kind.label_en, coop.province.name_en, len(coop.memberships)
    ('تعاونی مسکن کارکنان نمونه', 'staff housing cooperative', 'Isfahan', 7)
    """

    name: str = attrs.field(converter=to_text)
    kind: CooperativeKind = attrs.field(converter=_kind)
    legal_id: str = attrs.field(converter=to_legal_id)
    province: Province = attrs.field(converter=to_province)
    statute: Statute = attrs.field(converter=_statute)
    founded_on: datetime.date = attrs.field(converter=to_date)
    registration_number: str | None = attrs.field(
        default=None, converter=_optional_registration_number
    )
    county: County | None = attrs.field(default=None, converter=to_county)
    city: str | None = attrs.field(default=None, converter=to_optional_text)
    memberships: Sequence[Membership] = attrs.field(default=(), converter=to_memberships)
    board: Board | None = attrs.field(default=None, converter=_optional_board)
    history: Sequence[CooperativeEvent] = attrs.field(default=(), converter=to_history)

    def _repr_html_(self) -> str:
        """Right-to-left HTML for notebooks; see :func:`maskan.display.html`."""
        from maskan.display import html  # display sits above the models

        return html(self)

    def __attrs_post_init__(self) -> None:
        if self.county is not None and self.county.province != self.province:
            raise UnknownPlace(
                f"county: {self.county.name_en} ({self.county.name_fa}) is in"
                f" {self.county.province.name_en}, not in {self.province.name_en}",
                message_fa=f"county: شهرستان {self.county.name_fa} در استان"
                f" {self.county.province.name_fa} است، نه {self.province.name_fa}",
                code="wrong_province",
                field="county",
                value=self.county,
            )
        if self.history and self.history[0].on < self.founded_on:
            first = self.history[0]
            raise refuse(
                "out_of_order",
                "history",
                first.on,
                f"the first event ({first.kind.value}) on {shown(first.on)} is before the"
                f" founding, {shown(self.founded_on)}",
                f"نخستین رویداد ({first.kind.label_fa}) در {shown_fa(first.on)} پیش از تأسیس"
                f" ({shown_fa(self.founded_on)}) است",
            )
        for membership in self.memberships:
            if membership.joined_on < self.founded_on:
                raise refuse(
                    "joined_before_founding",
                    "memberships",
                    membership.national_id,
                    f"{membership.national_id!r} joined on {shown(membership.joined_on)}, before"
                    f" the founding, {shown(self.founded_on)}",
                    f"{membership.national_id!r} در {shown_fa(membership.joined_on)}، پیش از"
                    f" تأسیس ({shown_fa(self.founded_on)})، عضو شده است",
                )
        if self.board is not None:
            book = self._book
            for person in self.board.members:
                if not book.has_key(person):
                    raise refuse(
                        "not_a_member",
                        "board",
                        person,
                        f"{person!r} is on the board but has no membership record",
                        f"{person!r} عضو هیأت مدیره است اما پروندهٔ عضویت ندارد",
                    )

    # -- reading -------------------------------------------------------------------------

    @property
    def _book(self) -> Memberships:
        return cast(Memberships, self.memberships)

    @property
    def _events(self) -> History:
        return cast(History, self.history)

    def member(self, national_id: str) -> Membership:
        """The membership record of ``national_id``, active or ended, in O(log n).

        Raises:
            MembershipError: code ``not_a_member`` when there is none.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> example_cooperative().member("۰۴۹۹۳۷۰۸۹۹").founder
        True
        """
        key = as_national_id(national_id, "national_id")
        record = self._book.get(key)
        if record is None:
            raise self._no_record(key, "national_id")
        return record

    @property
    def active_members(self) -> tuple[Membership, ...]:
        """The active memberships, in the order people joined (O(n) per call).

        >>> from maskan.models._coop_examples import example_cooperative
        >>> len(example_cooperative().active_members)
        7
        """
        return tuple(record for record in self._book if record.status is MembershipStatus.ACTIVE)

    @property
    def active_count(self) -> int:
        """The number of active members, in O(1).

        >>> from maskan.models._coop_examples import example_cooperative
        >>> example_cooperative().active_count
        7
        """
        return self._book.active_count

    def members(self, *, on: datetime.date | str) -> tuple[Membership, ...]:
        """The memberships that were active on a day (begun, not yet ended).

        A member who left and was admitted again has one record, of the later membership,
        so the earlier one is found in ``history``, not here.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> coop = example_cooperative()
        >>> len(coop.members(on="1403/06/31")), len(coop.members(on="1403/07/01"))
        (0, 7)
        """
        day = as_date(on, "on")
        return tuple(
            record
            for record in self._book
            if record.joined_on <= day and (record.left_on is None or day < record.left_on)
        )

    @property
    def capital(self) -> Rial:
        """The capital (سرمایه): the active members' shares times the share price.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> example_cooperative().capital  # 7 founders × 10 shares × 5,000,000 rials
        Rial(350000000)
        """
        return self.statute.share_price * self._book.active_shares

    @property
    def total_shares(self) -> int:
        """The number of shares the active members hold.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> example_cooperative().total_shares
        70
        """
        return self._book.active_shares

    def quorum(
        self,
        assembly: Assembly | str,
        session: int,
        *,
        on: datetime.date | str | None = None,
    ) -> int:
        """The number of members that must be present at a general assembly (مجمع عمومی),
        from the statute's caller-set quorum (DOMAIN.md §5.4), counted on the active members
        now, or on the members of day ``on``.

        Args:
            assembly: ``"ordinary"`` (عادی) or ``"extraordinary"`` (فوق‌العاده).
            session: 1 for the first call (نوبت اول), 2 for the second (نوبت دوم).
            on: count the members of that day instead of the active members.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> coop = example_cooperative()  # 7 members; quorums > 1/2, ≥ 0, ≥ 2/3, > 1/2
        >>> coop.quorum("ordinary", 1), coop.quorum("ordinary", 2), coop.quorum("extraordinary", 1)
        (4, 0, 5)
        """
        rule = self.statute.quorum_rule(assembly, session)
        members = self.active_count if on is None else len(self.members(on=on))
        return rule.required(members)

    @property
    def similar_group(self) -> str:
        """The group of cooperatives this one is *similar* to, from its statute (see
        [`Statute.similar_group`][maskan.models.cooperative.Statute]).

        >>> from maskan.models._coop_examples import example_cooperative
        >>> example_cooperative().similar_group
        'housing'
        """
        return self.statute.similar_group

    # -- founding ------------------------------------------------------------------------

    @classmethod
    def found(
        cls,
        *,
        name: str,
        kind: CooperativeKind | str,
        legal_id: str,
        province: Province | str,
        statute: Statute,
        founders: Iterable[Person],
        shares: int | Mapping[str, int],
        on: datetime.date | str,
        registration_number: str | None = None,
        county: County | str | None = None,
        city: str | None = None,
    ) -> Cooperative:
        """Found a cooperative: its founding board (هیأت مؤسس) become its first members.

        Founders must be at least 7 (DOMAIN.md §5.2, the 1371 instruction under art. 31)
        and at least the statute's ``minimum_members``; each must meet the membership
        conditions ``admit`` checks and buy at least the statute's minimum shares, and no
        one may hold more than ``max_capital_share`` of the capital.

        The other arguments are the attributes of the same names of
        [`Cooperative`][maskan.models.cooperative.Cooperative].

        Args:
            founders: the founding board (هیأت مؤسس), as [`Person`][maskan.models.person.Person]s.
            shares: the shares each founder buys: one number for all, or a mapping from
                national ID to shares.
            on: the founding day.

        Raises:
            MembershipError: codes ``too_few_founders``, ``duplicate_founder``,
                ``missing_shares``, ``not_a_founder``, ``unknown_fact``, ``not_iranian``,
                ``legally_incapacitated``, ``below_minimum_shares``,
                ``above_maximum_capital``, ``type``.

        >>> from maskan.models._coop_examples import example_founders, example_statute
        >>> Cooperative.found(name="تعاونی مسکن نمونه", kind="general_housing",
        ...                   legal_id="10380284790", province="Isfahan",
        ...                   statute=example_statute(), founders=example_founders()[:6],
        ...                   shares=10, on="1403/07/01")
        Traceback (most recent call last):
        ...
        maskan.errors.MembershipError: founders: 6 founders; a cooperative needs at least 7
        """
        day = as_date(on, "on")
        statute = as_instance(statute, Statute, "statute")
        if isinstance(founders, str | bytes | Mapping) or not isinstance(founders, Iterable):
            raise refuse(
                "type",
                "founders",
                founders,
                f"{describe(founders)} is a {type(founders).__name__}, not a list of Person",
                f"مقدار {describe(founders)} فهرست افراد نیست",
            )
        people = [_check_person(person, "founders") for person in founders]
        seen: set[str] = set()
        for person in people:
            if person.national_id in seen:
                raise refuse(
                    "duplicate_founder",
                    "founders",
                    person.national_id,
                    f"{person.national_id!r} is named twice",
                    f"{person.national_id!r} دو بار آمده است",
                )
            seen.add(person.national_id)
        needed = max(MINIMUM_FOUNDERS, statute.minimum_members)
        if len(people) < needed:
            source = (
                "a cooperative needs"
                if needed == MINIMUM_FOUNDERS
                else "the statute's minimum_members is"
            )
            raise refuse(
                "too_few_founders",
                "founders",
                len(people),
                f"{len(people)} founders; {source} at least {needed}",
                f"{len(people)} مؤسس؛ دست‌کم {needed} مؤسس لازم است",
            )
        counts = {
            national_id: _check_minimum_shares(count, statute)
            for national_id, count in _founder_shares(shares, people).items()
        }
        total = sum(counts.values())
        for person in people:
            _check_capital_share(person.national_id, counts[person.national_id], total, statute)
        book = Memberships(
            Membership(
                national_id=person.national_id,
                shares=counts[person.national_id],
                joined_on=day,
                founder=True,
            )
            for person in people
        )
        event = CooperativeEvent(
            on=day, kind=EventKind.FOUNDED, national_ids=[person.national_id for person in people]
        )
        return cls(
            name=name,
            kind=kind,
            legal_id=legal_id,
            province=province,
            statute=statute,
            founded_on=day,
            registration_number=registration_number,
            county=county,
            city=city,
            memberships=book,
            history=[event],
        )

    # -- operations ----------------------------------------------------------------------

    def admit(self, person: Person, *, on: datetime.date | str, shares: int) -> Cooperative:
        """Admit a member who buys ``shares`` shares (DOMAIN.md §5.2).

        Checked: Iranian nationality and legal capacity (unknown is refused, see the module
        notes), not an active member already, at least the statute's ``minimum_shares``,
        and no more than its ``max_capital_share`` of the capital once admitted. A former
        member may be admitted again: the new membership replaces the old record, which
        stays in ``history``. The one-membership rule among similar cooperatives needs the
        other cooperatives: [`Registry.admit`][maskan.models.registry.Registry.admit]
        checks it.

        Raises:
            MembershipError: codes ``unknown_fact``, ``not_iranian``,
                ``legally_incapacitated``, ``already_member``, ``below_minimum_shares``,
                ``above_maximum_capital``, ``out_of_order``, ``type``.

        >>> from maskan.models._coop_examples import example_cooperative, example_person
        >>> coop = example_cooperative()
        >>> coop.admit(example_person("1122334451"), on="1404/01/20", shares=12).total_shares
        82
        >>> coop.admit(example_person("1122334451"), on="1404/01/20", shares=40)
        Traceback (most recent call last):
        ...
        maskan.errors.MembershipError: shares: 40 of 110 shares is 36.36% of the capital; \
the statute allows at most 30%
        """
        day = self._check_day(on, "admit")
        applicant = _check_person(person, "person")
        book = self._book
        self._check_not_active(applicant.national_id, book)
        count = _check_minimum_shares(shares, self.statute)
        _check_capital_share(applicant.national_id, count, book.active_shares + count, self.statute)
        record = Membership(national_id=applicant.national_id, shares=count, joined_on=day)
        event = CooperativeEvent(
            on=day, kind=EventKind.ADMITTED, national_ids=(applicant.national_id,), shares=count
        )
        return self._derive(book.with_record(record), event)

    def withdraw(self, national_id: str, *, on: datetime.date | str) -> Cooperative:
        """Record a member's voluntary withdrawal (انصراف, DOMAIN.md §5.2).

        The cooperative must keep at least its statute's ``minimum_members`` active members
        (default 7; DOMAIN.md §5.2 [S-news, weak]). Refund terms are caller-set (DOMAIN
        §5.2) and belong to the ledger.

        Raises:
            MembershipError: codes ``not_a_member``, ``not_active``, ``too_few_members``,
                ``out_of_order``.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> example_cooperative().withdraw("0499370899", on="1404/01/20")
        Traceback (most recent call last):
        ...
        maskan.errors.MembershipError: national_id: the withdrawal of '0499370899' would \
leave 6 active members; the statute requires at least 7
        """
        day = self._check_day(on, "withdraw")
        record = self._active_record(national_id, day, "withdrawal")
        self._check_minimum_members(record.national_id, "withdrawal", "انصراف")
        ended = attrs.evolve(record, status=MembershipStatus.WITHDRAWN, left_on=day)
        event = CooperativeEvent(
            on=day, kind=EventKind.WITHDRAWN, national_ids=(record.national_id,)
        )
        return self._derive(self._book.with_record(ended), event)

    def expel(self, national_id: str, *, on: datetime.date | str, ground: str) -> Cooperative:
        """Expel a member (اخراج) on one of the grounds the statute lists.

        DOMAIN.md §5.2: the grounds are in each statute, with no authoritative list, so
        ``ground`` must be one of the statute's ``expulsion_grounds`` (compared after
        normalization). The cooperative must keep ``minimum_members`` active members.

        Raises:
            MembershipError: codes ``unknown_ground``, ``not_a_member``, ``not_active``,
                ``too_few_members``, ``out_of_order``.

        >>> from maskan.models._coop_examples import example_cooperative, example_person
        >>> coop = example_cooperative().admit(example_person("1122334451"), on="1404/01/20",
        ...                                    shares=10)
        >>> expelled = coop.expel("1122334451", on="1404/05/01", ground="عدم پرداخت اقساط")
        >>> expelled.member("1122334451").status.value, expelled.history[-1].ground
        ('expelled', 'عدم پرداخت اقساط')
        """
        day = self._check_day(on, "expel")
        reason = as_text(ground, "ground")
        if reason not in self.statute.expulsion_grounds:
            accepted = ", ".join(repr(item) for item in self.statute.expulsion_grounds)
            raise refuse(
                "unknown_ground",
                "ground",
                ground,
                f"{describe(reason)} is not a ground for expulsion in the statute; it lists"
                f" {accepted or 'none'}",
                f"{describe(reason)} در اساسنامه از موارد اخراج نیست؛ موارد اساسنامه:"
                f" {accepted or 'هیچ'}",
            )
        record = self._active_record(national_id, day, "expulsion")
        self._check_minimum_members(record.national_id, "expulsion", "اخراج")
        ended = attrs.evolve(record, status=MembershipStatus.EXPELLED, left_on=day)
        event = CooperativeEvent(
            on=day, kind=EventKind.EXPELLED, national_ids=(record.national_id,), ground=reason
        )
        return self._derive(self._book.with_record(ended), event)

    def replace(
        self,
        departing_id: str,
        successor: Person,
        *,
        on: datetime.date | str,
        note: str | None = None,
    ) -> Cooperative:
        """Replace a member by a successor (جایگزینی عضو, DOMAIN.md §5.2).

        The successor must meet the membership conditions ``admit`` checks; they take over
        the departing member's shares and seniority (``seniority_from``), and ``note``
        records the contributions (آورده) transferred. The statutory procedure (board
        approval, fees) is caller-set (DOMAIN.md §5.2) and not checked here.

        Raises:
            MembershipError: codes ``not_a_member``, ``not_active``, ``self_replacement``,
                ``already_member``, ``unknown_fact``, ``not_iranian``,
                ``legally_incapacitated``, ``above_maximum_capital``, ``out_of_order``,
                ``type``.

        >>> from maskan.models._coop_examples import example_cooperative, example_person
        >>> coop = example_cooperative().replace("0499370899", example_person("1122334451"),
        ...                                      on="1404/03/10", note="آورده منتقل شد")
        >>> successor = coop.member("1122334451")
        >>> successor.shares, successor.seniority_from == coop.founded_on
        (10, True)
        >>> coop.member("0499370899").successor_id
        '1122334451'
        """
        day = self._check_day(on, "replace")
        record = self._active_record(departing_id, day, "replacement", field="departing_id")
        newcomer = _check_person(successor, "successor")
        if newcomer.national_id == record.national_id:
            raise refuse(
                "self_replacement",
                "successor",
                newcomer.national_id,
                f"{newcomer.national_id!r} cannot replace themself",
                f"{newcomer.national_id!r} نمی‌تواند جانشین خودش شود",
            )
        book = self._book
        self._check_not_active(newcomer.national_id, book, field="successor")
        _check_capital_share(newcomer.national_id, record.shares, book.active_shares, self.statute)
        memo = None if note is None else as_text(note, "note")
        ended = attrs.evolve(
            record,
            status=MembershipStatus.REPLACED,
            left_on=day,
            successor_id=newcomer.national_id,
        )
        follower = Membership(
            national_id=newcomer.national_id,
            shares=record.shares,
            joined_on=day,
            seniority_from=record.seniority_from,
            predecessor_id=record.national_id,
            transfer_note=memo,
        )
        event = CooperativeEvent(
            on=day,
            kind=EventKind.REPLACED,
            national_ids=(record.national_id, newcomer.national_id),
            shares=record.shares,
            note=memo,
        )
        return self._derive(book.with_record(ended).with_record(follower), event)

    def elect_board(
        self,
        *,
        principals: Iterable[str],
        alternates: Iterable[str] = (),
        on: datetime.date | str,
    ) -> Cooperative:
        """Record the election of a board of directors (هیأت مدیره, DOMAIN.md §5.5).

        The statute's ``board_size`` principal members (3 to 7), and alternates as
        :func:`alternates_range` allows for the active members (a third of the principals,
        plus one per 400 members, 15 people in all at most); everyone an active member, no
        one twice. The term ends ``board_term_years`` Jalali years after the election. A
        later member departure does not change the board as elected.

        Raises:
            MembershipError: codes ``board_size``, ``alternates_count``,
                ``duplicate_board_member``, ``not_a_member``, ``not_active``,
                ``out_of_order``.

        >>> from maskan.calendar import jdate
        >>> from maskan.models._coop_examples import example_cooperative
        >>> coop = example_cooperative().elect_board(
        ...     principals=["0499370899", "0790419904", "0084575948"],
        ...     alternates=["0963695398"], on="1403/08/01")
        >>> coop.board.term_ends_on == jdate(1406, 8, 1), coop.history[-1].kind.value
        (True, 'board_elected')
        """
        day = self._check_day(on, "elect_board")
        chosen = as_national_ids(principals, "principals")
        backups = as_national_ids(alternates, "alternates")
        if len(chosen) != self.statute.board_size:
            raise refuse(
                "board_size",
                "principals",
                chosen,
                f"{len(chosen)} principal members; the statute's board has"
                f" {self.statute.board_size}",
                f"{len(chosen)} عضو اصلی؛ هیأت مدیرهٔ اساسنامه {self.statute.board_size} عضو"
                " اصلی دارد",
            )
        allowed = alternates_range(len(chosen), self.active_count)
        if len(backups) not in allowed:
            shown_range = (
                f"{allowed.start}"
                if len(allowed) == 1
                else f"{allowed.start} to {allowed.stop - 1}"
            )
            shown_range_fa = (
                f"{allowed.start}"
                if len(allowed) == 1
                else f"{allowed.start} تا {allowed.stop - 1}"
            )
            raise refuse(
                "alternates_count",
                "alternates",
                backups,
                f"{len(backups)} alternate members; {len(chosen)} principals and"
                f" {self.active_count} active members call for {shown_range}",
                f"{len(backups)} عضو علی‌البدل؛ با {len(chosen)} عضو اصلی و"
                f" {self.active_count} عضو فعال باید {shown_range_fa} باشد",
            )
        everyone = chosen + backups
        check_no_repeats(everyone)
        for position, person in enumerate(everyone):
            field = "principals" if position < len(chosen) else "alternates"
            self._active_record(person, day, "board seat", field=field)
        board = Board(
            principals=chosen,
            alternates=backups,
            elected_on=day,
            term_ends_on=add_years(day, self.statute.board_term_years),
        )
        event = CooperativeEvent(
            on=day, kind=EventKind.BOARD_ELECTED, national_ids=chosen, alternates=backups
        )
        return self._derive(self._book, event, board=board)

    # -- internals -----------------------------------------------------------------------

    def _derive(
        self, book: Memberships, event: CooperativeEvent, *, board: Board | None = None
    ) -> Cooperative:
        # Skips __init__: the operation has checked everything, and re-running the
        # constructor's checks would cost O(n) per operation.
        new = object.__new__(Cooperative)
        for name in _FIELD_NAMES:
            object.__setattr__(new, name, getattr(self, name))
        object.__setattr__(new, "memberships", book)
        object.__setattr__(new, "history", self._events.appended(event))
        if board is not None:
            object.__setattr__(new, "board", board)
        return new

    def _check_day(self, on: datetime.date | str, operation: str) -> datetime.date:
        day = as_date(on, "on")
        last = self.history[-1].on if self.history else self.founded_on
        if day < last:
            raise refuse(
                "out_of_order",
                "on",
                on,
                f"{operation} on {shown(day)} is before the cooperative's last event, on"
                f" {shown(last)}",
                f"{operation} در {shown_fa(day)} پیش از آخرین رویداد تعاونی ({shown_fa(last)}) است",
            )
        return day

    def _no_record(self, national_id: str, field: str) -> Exception:
        return refuse(
            "not_a_member",
            field,
            national_id,
            f"{national_id!r} is not a member of {self.name}",
            f"{national_id!r} عضو {self.name} نیست",
        )

    def _active_record(
        self, national_id: object, day: datetime.date, what: str, *, field: str = "national_id"
    ) -> Membership:
        key = as_national_id(national_id, field)
        record = self._book.get(key)
        if record is None:
            raise self._no_record(key, field)
        if not record.is_active:
            left = cast(datetime.date, record.left_on)
            raise refuse(
                "not_active",
                field,
                key,
                f"{key!r} cannot have a {what}: the membership ended ({record.status.value}) on"
                f" {shown(left)}",
                f"عضویت {key!r} در {shown_fa(left)} پایان یافته است ({record.status.label_fa})",
            )
        if day < record.joined_on:
            raise refuse(
                "out_of_order",
                "on",
                day,
                f"{shown(day)} is before {key!r} joined, on {shown(record.joined_on)}",
                f"{shown_fa(day)} پیش از عضویت {key!r} ({shown_fa(record.joined_on)}) است",
            )
        return record

    def _check_not_active(
        self, national_id: str, book: Memberships, *, field: str = "person"
    ) -> None:
        current = book.get(national_id)
        if current is not None and current.is_active:
            raise refuse(
                "already_member",
                field,
                national_id,
                f"{national_id!r} is an active member since {shown(current.joined_on)}",
                f"{national_id!r} از {shown_fa(current.joined_on)} عضو فعال است",
            )

    def _check_minimum_members(self, national_id: str, what: str, what_fa: str) -> None:
        remaining = self.active_count - 1
        least = self.statute.minimum_members
        if remaining < least:
            raise refuse(
                "too_few_members",
                "national_id",
                national_id,
                f"the {what} of {national_id!r} would leave {remaining} active members; the"
                f" statute requires at least {least}",
                f"{what_fa} {national_id!r} شمار اعضای فعال را به {remaining} می‌رساند؛"
                f" اساسنامه دست‌کم {least} عضو می‌خواهد",
            )


_FIELD_NAMES = tuple(attribute.name for attribute in attrs.fields(Cooperative))


def _check_person(person: object, field: str) -> Person:
    """The membership conditions of DOMAIN.md §5.2 that a Person's facts settle."""
    if not isinstance(person, Person):
        raise refuse(
            "type",
            field,
            person,
            f"{describe(person)} is a {type(person).__name__}, not a Person",
            f"مقدار {describe(person)} شخص (Person) نیست",
        )
    who = person.national_id
    if person.nationality is None:
        raise refuse(
            "unknown_fact",
            "nationality",
            who,
            f"unknown for {who}; membership requires Iranian nationality (DOMAIN.md §5.2),"
            " so record it on the Person before admitting",
            f"تابعیت {who} معلوم نیست؛ عضویت تابعیت ایرانی می‌خواهد، پس پیش از پذیرش آن را ثبت کنید",
        )
    if person.nationality is not Nationality.IRANIAN:
        raise refuse(
            "not_iranian",
            "nationality",
            who,
            f"{who} is a {person.nationality.label_en} national; membership requires Iranian"
            " nationality (DOMAIN.md §5.2)",
            f"{who} تابعیت {person.nationality.label_fa} دارد؛ عضویت تابعیت ایرانی می‌خواهد",
        )
    if person.legal_capacity is None:
        raise refuse(
            "unknown_fact",
            "legal_capacity",
            who,
            f"unknown for {who}; membership requires legal capacity, no حجر (DOMAIN.md §5.2),"
            " so record it on the Person before admitting",
            f"اهلیت قانونی {who} معلوم نیست؛ عضویت نبودِ حجر را می‌خواهد، پس پیش از پذیرش آن را"
            " ثبت کنید",
        )
    if person.legal_capacity is False:
        raise refuse(
            "legally_incapacitated",
            "legal_capacity",
            who,
            f"{who} is legally incapacitated (محجور); membership requires legal capacity"
            " (DOMAIN.md §5.2)",
            f"{who} محجور است؛ عضویت اهلیت قانونی می‌خواهد",
        )
    return person


def _check_minimum_shares(shares: object, statute: Statute) -> int:
    count = as_integer(shares, "shares", low=1)
    if count < statute.minimum_shares:
        raise refuse(
            "below_minimum_shares",
            "shares",
            count,
            f"{count} shares; the statute's minimum is {statute.minimum_shares}",
            f"{count} سهم؛ کمینهٔ اساسنامه {statute.minimum_shares} سهم است",
        )
    return count


def _percent(share: Fraction) -> str:
    return f"{float(share * 100):.2f}".rstrip("0").rstrip(".") + "%"


def _percent_fa(share: Fraction) -> str:
    return to_persian_digits(_percent(share)).replace(".", "٫").replace("%", "٪")


def _check_capital_share(national_id: str, shares: int, total: int, statute: Statute) -> None:
    """One member's shares against the statute's ``max_capital_share`` (DOMAIN.md §5.3).

    Checked whenever a member acquires shares (founding, admission, replacement), on the
    active members' shares after the acquisition: a withdrawal raises the others' shares of
    a smaller capital, and refusing it for that would hold the leaving member hostage.
    """
    held = Fraction(shares, total)
    if held > statute.max_capital_share:
        raise refuse(
            "above_maximum_capital",
            "shares",
            shares,
            f"{shares} of {total} shares is {_percent(held)} of the capital; the statute"
            f" allows at most {_percent(statute.max_capital_share)}",
            f"{national_id}: {to_persian_digits(shares)} سهم از {to_persian_digits(total)} سهم،"
            f" {_percent_fa(held)} سرمایه است؛ اساسنامه حداکثر"
            f" {_percent_fa(statute.max_capital_share)} را مجاز می‌داند",
        )


def _founder_shares(shares: object, people: list[Person]) -> dict[str, object]:
    if not isinstance(shares, Mapping):
        return {person.national_id: shares for person in people}
    given: dict[str, object] = {
        as_national_id(key, "national_id"): value for key, value in shares.items()
    }
    founders = {person.national_id for person in people}
    for key in given:
        if key not in founders:
            raise refuse(
                "not_a_founder",
                "shares",
                key,
                f"{key!r} has shares but is not a founder",
                f"{key!r} سهم دارد اما مؤسس نیست",
            )
    for person in people:
        if person.national_id not in given:
            raise refuse(
                "missing_shares",
                "shares",
                person.national_id,
                f"founder {person.national_id!r} has no number of shares",
                f"برای مؤسس {person.national_id!r} شمار سهم داده نشده است",
            )
    return given
