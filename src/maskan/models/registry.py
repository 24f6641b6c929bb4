"""A registry of cooperatives: the one-membership rule across them, and a person's
memberships found by national ID.

DOMAIN.md §5.2 (art. 9 and the model statutes) [S]: a member may not hold a membership in
a *similar* cooperative at the same time. One cooperative cannot check that; a
[`Registry`][maskan.models.registry.Registry] holding all of them can. Its ``admit`` and
``replace`` refuse a person who is, on that day, a member of another cooperative of the
same similarity group (see [`Statute.similar_group`][maskan.models.cooperative.Statute]:
by default every housing cooperative is similar to every other).

>>> import attrs
>>> from maskan.models._coop_examples import example_cooperative, example_person
>>> first = example_cooperative()
>>> second = attrs.evolve(first, legal_id="10380284790", name="تعاونی مسکن دوم")
>>> registry = Registry(cooperatives=[first])
>>> registry = registry.admit("14011517510", example_person("1122334451"), on="1404/01/20",
...                           shares=10)
>>> list(registry.memberships_of("1122334451"))
['14011517510']
>>> Registry(cooperatives=[first, second])
Traceback (most recent call last):
...
maskan.errors.MembershipError: cooperatives: '0499370899' is a member of both \
14011517510 and 10380284790 on 1403/07/01 (2024-09-22); a person may hold one membership \
among similar cooperatives ('housing'), DOMAIN.md §5.2

Like a cooperative, a registry never changes: each operation returns a new one, or raises
a [`MembershipError`][maskan.errors.MembershipError] (codes ``similar_membership``,
``duplicate_cooperative``, ``unknown_cooperative``, and the cooperative's own) and leaves
the old one as it was.

**Linear cost.** The cooperatives and the index from national ID to cooperatives are
persistent maps (maskan.models._persistent): each operation copies a few small nodes and
shares the rest with the old registry, so admitting 100,000 members one at a time costs
about the same per admission at the end as at the start (``benchmarks/registry.py``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import cast

import attrs

from maskan.calendar import as_date
from maskan.errors import InvalidText, describe
from maskan.identifiers import legal_id as legal_id_module
from maskan.models._fields import as_national_id, invalid, shown, shown_fa
from maskan.models._membership import refuse
from maskan.models._persistent import Keyed, PMap
from maskan.models.cooperative import Cooperative, Membership
from maskan.models.person import Person

__all__ = ["Registry"]


def _legal_id_of(cooperative: Cooperative) -> str:
    return cooperative.legal_id


class _Cooperatives(Keyed[str, Cooperative]):
    """A registry's cooperatives, in the order they were added, found by legal ID."""

    __slots__ = ()

    def __init__(self) -> None:
        super().__init__(_legal_id_of)

    def __reduce__(self) -> tuple[object, ...]:
        return (_cooperatives_of, (tuple(self),))


def _cooperatives_of(records: Iterable[Cooperative]) -> _Cooperatives:
    built = _Cooperatives()
    for record in records:
        built._add_in_place(record)
    return built


def _registry_cooperatives(value: Iterable[Cooperative]) -> Sequence[Cooperative]:
    if isinstance(value, _Cooperatives):
        return value
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise invalid(
            InvalidText,
            "cooperatives",
            value,
            f"is a {type(value).__name__}, not a list of cooperatives",
            "فهرست تعاونی‌ها نیست",
        )
    keyed = _Cooperatives()
    for position, cooperative in enumerate(value):
        if not isinstance(cooperative, Cooperative):
            raise invalid(
                InvalidText,
                "cooperatives",
                cooperative,
                f"is a {type(cooperative).__name__}, not a Cooperative",
                "تعاونی نیست",
                at=position,
            )
        if keyed.has_key(cooperative.legal_id):
            raise _duplicate(cooperative.legal_id)
        keyed._add_in_place(cooperative)
    return keyed


def _duplicate(legal_id: str) -> Exception:
    return refuse(
        "duplicate_cooperative",
        "cooperatives",
        legal_id,
        f"{legal_id} is registered twice",
        f"تعاونی با شناسه ملی {legal_id} دو بار ثبت شده است",
    )


def _overlap(first: Membership, second: Membership) -> datetime.date | None:
    """The first day two memberships were both active, or ``None``."""
    start = max(first.joined_on, second.joined_on)
    for record in (first, second):
        if record.left_on is not None and record.left_on <= start:
            return None
    return start


@attrs.frozen(kw_only=True)
class Registry:
    """Many cooperatives, keyed by legal ID, with each person's memberships indexed.

    The constructor checks that no legal ID is there twice and that no one held two
    memberships of similar cooperatives at the same time. Operations go through the
    registry so that it can keep both true: [`add`][maskan.models.registry.Registry.add],
    [`admit`][maskan.models.registry.Registry.admit],
    [`replace`][maskan.models.registry.Registry.replace], and ``withdraw``, ``expel`` and
    ``elect_board``, which change one cooperative as its own methods do.

    Attributes:
        cooperatives: the cooperatives, in the order they were added (a read-only sequence).

    >>> from maskan.models._coop_examples import example_cooperative
    >>> registry = Registry().add(example_cooperative())
    >>> len(registry.cooperatives), registry.cooperative("14011517510").active_count
    (1, 7)
    """

    cooperatives: Sequence[Cooperative] = attrs.field(default=(), converter=_registry_cooperatives)
    _index: PMap[str, tuple[str, ...]] = attrs.field(init=False, eq=False, repr=False, factory=PMap)

    def __attrs_post_init__(self) -> None:
        people: dict[str, list[str]] = {}
        for cooperative in self.cooperatives:
            for membership in cooperative.memberships:
                people.setdefault(membership.national_id, []).append(cooperative.legal_id)
        index: PMap[str, tuple[str, ...]] = PMap()
        for national_id, legal_ids in people.items():
            if len(legal_ids) > 1:
                self._check_records(national_id, legal_ids)
            index = index.set(national_id, tuple(legal_ids))
        object.__setattr__(self, "_index", index)

    @property
    def _keyed(self) -> Keyed[str, Cooperative]:
        return cast(Keyed[str, Cooperative], self.cooperatives)

    # -- reading -------------------------------------------------------------------------

    def cooperative(self, legal_id: str) -> Cooperative:
        """The cooperative with ``legal_id``.

        Raises:
            MembershipError: code ``unknown_cooperative``.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> Registry().cooperative("14011517510")
        Traceback (most recent call last):
        ...
        maskan.errors.MembershipError: legal_id: no cooperative 14011517510 in the registry
        """
        key = legal_id_module.validate(legal_id)
        found = self._keyed.get(key)
        if found is None:
            raise refuse(
                "unknown_cooperative",
                "legal_id",
                key,
                f"no cooperative {key} in the registry",
                f"تعاونی با شناسه ملی {key} در فهرست نیست",
            )
        return found

    def memberships_of(self, national_id: str) -> dict[str, Membership]:
        """Every membership of a person, active or ended, by the cooperative's legal ID, in
        the order the person first joined them; O(log n) per cooperative found.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> registry = Registry(cooperatives=[example_cooperative()])
        >>> [m.shares for m in registry.memberships_of("0499370899").values()]
        [10]
        >>> registry.memberships_of("1122334451")
        {}
        """
        key = as_national_id(national_id, "national_id")
        found: dict[str, Membership] = {}
        for legal_id in self._index.get(key) or ():
            cooperative = cast(Cooperative, self._keyed.get(legal_id))
            found[legal_id] = cooperative.member(key)
        return found

    # -- operations ----------------------------------------------------------------------

    def add(self, cooperative: Cooperative) -> Registry:
        """Add a cooperative (a newly founded one, or one built from records).

        Raises:
            MembershipError: codes ``duplicate_cooperative``, ``similar_membership``.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> registry = Registry().add(example_cooperative())
        >>> registry.add(example_cooperative())
        Traceback (most recent call last):
        ...
        maskan.errors.MembershipError: cooperatives: 14011517510 is registered twice
        """
        if not isinstance(cooperative, Cooperative):
            raise refuse(
                "type",
                "cooperative",
                cooperative,
                f"{describe(cooperative)} is a {type(cooperative).__name__}, not a Cooperative",
                f"مقدار {describe(cooperative)} تعاونی نیست",
            )
        if self._keyed.has_key(cooperative.legal_id):
            raise _duplicate(cooperative.legal_id)
        index = self._index
        for membership in cooperative.memberships:
            held = index.get(membership.national_id) or ()
            if held:
                self._check_records(
                    membership.national_id, [*held, cooperative.legal_id], cooperative
                )
            index = index.set(membership.national_id, (*held, cooperative.legal_id))
        return self._derive(self._keyed.with_record(cooperative), index)

    def admit(
        self, legal_id: str, person: Person, *, on: datetime.date | str, shares: int
    ) -> Registry:
        """Admit ``person`` to a cooperative, as
        [`Cooperative.admit`][maskan.models.cooperative.Cooperative.admit] does, and
        refuse them if they are a member of a similar cooperative on that day.

        Raises:
            MembershipError: code ``similar_membership``, ``unknown_cooperative``, or any
                code of ``Cooperative.admit``.

        >>> import attrs
        >>> from maskan.models._coop_examples import example_cooperative, example_person
        >>> first = example_cooperative()
        >>> second = attrs.evolve(first, legal_id="10380284790", memberships=[], history=[])
        >>> registry = Registry(cooperatives=[first, second])
        >>> registry.admit("10380284790", example_person("0499370899"), on="1404/01/20",
        ...                shares=10)
        Traceback (most recent call last):
        ...
        maskan.errors.MembershipError: person: '0499370899' is a member of 14011517510 \
(تعاونی مسکن کارکنان نمونه) since 1403/07/01 (2024-09-22), a similar cooperative \
('housing'); a person may hold one membership among similar cooperatives, DOMAIN.md §5.2
        """
        cooperative = self.cooperative(legal_id)
        if isinstance(person, Person):
            self._check_similar(cooperative, person.national_id, as_date(on, "on"), "person")
        changed = cooperative.admit(person, on=on, shares=shares)
        return self._replaced(changed, person.national_id)

    def replace(
        self,
        legal_id: str,
        departing_id: str,
        successor: Person,
        *,
        on: datetime.date | str,
        note: str | None = None,
    ) -> Registry:
        """Replace a member by a successor, as
        [`Cooperative.replace`][maskan.models.cooperative.Cooperative.replace] does, and
        refuse a successor who is a member of a similar cooperative on that day.

        Raises:
            MembershipError: code ``similar_membership``, ``unknown_cooperative``, or any
                code of ``Cooperative.replace``.

        >>> from maskan.models._coop_examples import example_cooperative, example_person
        >>> registry = Registry(cooperatives=[example_cooperative()])
        >>> registry = registry.replace("14011517510", "0499370899",
        ...                             example_person("1122334451"), on="1404/03/10")
        >>> registry.memberships_of("1122334451")["14011517510"].predecessor_id
        '0499370899'
        """
        cooperative = self.cooperative(legal_id)
        if isinstance(successor, Person):
            self._check_similar(cooperative, successor.national_id, as_date(on, "on"), "successor")
        changed = cooperative.replace(departing_id, successor, on=on, note=note)
        return self._replaced(changed, successor.national_id)

    def withdraw(self, legal_id: str, national_id: str, *, on: datetime.date | str) -> Registry:
        """A member's withdrawal, as
        [`Cooperative.withdraw`][maskan.models.cooperative.Cooperative.withdraw] records it.

        >>> from maskan.models._coop_examples import example_cooperative, example_person
        >>> registry = Registry(cooperatives=[example_cooperative()]).admit(
        ...     "14011517510", example_person("1122334451"), on="1404/01/20", shares=10)
        >>> registry = registry.withdraw("14011517510", "1122334451", on="1404/02/01")
        >>> registry.memberships_of("1122334451")["14011517510"].status.value
        'withdrawn'
        """
        changed = self.cooperative(legal_id).withdraw(national_id, on=on)
        return self._replaced(changed)

    def expel(
        self, legal_id: str, national_id: str, *, on: datetime.date | str, ground: str
    ) -> Registry:
        """A member's expulsion, as
        [`Cooperative.expel`][maskan.models.cooperative.Cooperative.expel] records it.

        >>> from maskan.models._coop_examples import example_cooperative, example_person
        >>> registry = Registry(cooperatives=[example_cooperative()]).admit(
        ...     "14011517510", example_person("1122334451"), on="1404/01/20", shares=10)
        >>> registry = registry.expel("14011517510", "1122334451", on="1404/05/01",
        ...                           ground="عدم پرداخت اقساط")
        >>> registry.cooperative("14011517510").active_count
        7
        """
        changed = self.cooperative(legal_id).expel(national_id, on=on, ground=ground)
        return self._replaced(changed)

    def elect_board(
        self,
        legal_id: str,
        *,
        principals: Iterable[str],
        alternates: Iterable[str] = (),
        on: datetime.date | str,
    ) -> Registry:
        """A board election, as
        [`Cooperative.elect_board`][maskan.models.cooperative.Cooperative.elect_board]
        records it.

        >>> from maskan.models._coop_examples import example_cooperative
        >>> registry = Registry(cooperatives=[example_cooperative()]).elect_board(
        ...     "14011517510", principals=["0499370899", "0790419904", "0084575948"],
        ...     alternates=["0963695398"], on="1403/08/01")
        >>> registry.cooperative("14011517510").board.principals[0]
        '0499370899'
        """
        changed = self.cooperative(legal_id).elect_board(
            principals=principals, alternates=alternates, on=on
        )
        return self._replaced(changed)

    # -- internals -----------------------------------------------------------------------

    def _replaced(self, cooperative: Cooperative, newcomer: str | None = None) -> Registry:
        index = self._index
        if newcomer is not None:
            held = index.get(newcomer) or ()
            if cooperative.legal_id not in held:
                index = index.set(newcomer, (*held, cooperative.legal_id))
        return self._derive(self._keyed.with_record(cooperative), index)

    def _derive(
        self, cooperatives: Keyed[str, Cooperative], index: PMap[str, tuple[str, ...]]
    ) -> Registry:
        # Skips __init__, whose checks walk every membership: the operation checked its own.
        new = object.__new__(Registry)
        object.__setattr__(new, "cooperatives", cooperatives)
        object.__setattr__(new, "_index", index)
        return new

    def _check_similar(
        self, cooperative: Cooperative, national_id: str, day: datetime.date, field: str
    ) -> None:
        group = cooperative.similar_group
        for other_id in self._index.get(national_id) or ():
            if other_id == cooperative.legal_id:
                continue
            other = cast(Cooperative, self._keyed.get(other_id))
            if other.similar_group != group:
                continue
            record = other.member(national_id)
            if record.left_on is None or record.left_on > day:
                raise refuse(
                    "similar_membership",
                    field,
                    national_id,
                    f"{national_id!r} is a member of {other.legal_id} ({other.name}) since"
                    f" {shown(record.joined_on)}, a similar cooperative ({group!r}); a person"
                    " may hold one membership among similar cooperatives, DOMAIN.md §5.2",
                    f"{national_id!r} از {shown_fa(record.joined_on)} عضو {other.name}"
                    f" ({other.legal_id}) است که تعاونی مشابه ({group!r}) است؛ هر کس تنها در یک"
                    " تعاونی مشابه می‌تواند عضو باشد",
                )

    def _check_records(
        self, national_id: str, legal_ids: list[str], extra: Cooperative | None = None
    ) -> None:
        """Refuse two memberships of one person in similar cooperatives that overlap."""
        found: list[tuple[Cooperative, Membership]] = []
        for legal_id in legal_ids:
            cooperative = extra if extra is not None and legal_id == extra.legal_id else None
            if cooperative is None:
                cooperative = cast(Cooperative, self._keyed.get(legal_id))
            found.append((cooperative, cooperative.member(national_id)))
        for position, (first, first_record) in enumerate(found):
            for second, second_record in found[position + 1 :]:
                if first.similar_group != second.similar_group:
                    continue
                day = _overlap(first_record, second_record)
                if day is not None:
                    raise refuse(
                        "similar_membership",
                        "cooperatives",
                        national_id,
                        f"{national_id!r} is a member of both {first.legal_id} and"
                        f" {second.legal_id} on {shown(day)}; a person may hold one membership"
                        f" among similar cooperatives ({first.similar_group!r}), DOMAIN.md §5.2",
                        f"{national_id!r} در {shown_fa(day)} هم‌زمان عضو {first.legal_id} و"
                        f" {second.legal_id} است؛ هر کس تنها در یک تعاونی مشابه"
                        f" ({first.similar_group!r}) می‌تواند عضو باشد",
                    )
