"""Sample data: a synthetic Isfahan 1404 data set, and a generator of synthetic people.

**Everything here is made up.** No record describes a real person, cooperative or
project: the names come from short lists of common Persian names, the national IDs are
numbers with valid check digits and Isfahan-province prefixes that were never looked up
anywhere, and every date and amount is drawn from a seeded random stream. A match with a
real person or cooperative is a coincidence.

What *is* taken from the news is the shape. :func:`isfahan_1404` follows the headline
numbers of the Isfahan report behind maskan (DOMAIN.md §3, §7.5):

* more than 42 cooperative housing projects opened in a year, covering more than 2,500
  people — the Tasnim report on the provincial summit of 4 Azar 1404, whose text is not
  on record (DOMAIN.md §3 [U]): here, 44 projects opened in Jalali 1404 up to the summit
  day, with 2,596 units, each one the home of one member's household;
* members' contributions (آورده) the larger part of the money, about 87 % against 13 %
  from banks — the split of the province's Cooperatives Week projects (DOMAIN.md §3, a
  different report);
* about 17.2 billion rials invested per unit — derived from another Isfahan report
  (8,590 billion rials for 499 units, DOMAIN.md §7.5).

>>> from maskan import samples
>>> sample = samples.isfahan_1404()
>>> len(sample.opened(1404)), sample.people_covered(1404)
(44, 2596)
>>> len(sample.cooperatives), len(sample.projects), len(sample.applicants)
(30, 64, 400)

:func:`generate` yields people from the same generator, lazily, as many as asked — a
million for a benchmark:

>>> people = samples.generate(1_000_000, seed=7)
>>> first = next(people)
>>> first.national_id[:3] in samples.ISFAHAN_PREFIXES
True

The constants say where and when: the summit day the data describe, the city the
applicants apply in, the size of the applicant pool, the seed, and the verdicts the
generator aims at under the National Housing Movement with :data:`SCREENING_VALUES`:

>>> samples.SUMMIT, samples.CITY, samples.APPLICANTS, samples.SEED
(datetime.date(2025, 11, 25), 'اصفهان', 400, 1404)
>>> {verdict: round(share, 2) for verdict, share in samples.OUTCOMES.items()}
{'eligible': 0.61, 'ineligible': 0.35, 'undetermined': 0.04}
"""

from __future__ import annotations

import datetime
import functools
import types
from collections.abc import Iterator, Mapping

import attrs

from maskan.calendar import jalali_ymd
from maskan.eligibility.decision import Decision
from maskan.eligibility.program import Program
from maskan.errors import InvalidNumber, describe
from maskan.models.cooperative import Cooperative
from maskan.models.ledger import Ledger
from maskan.models.person import Person
from maskan.models.project import HousingProject
from maskan.models.registry import Registry
from maskan.persian.digits import to_persian_digits
from maskan.samples._generator import APPLICANTS, CITY, SUMMIT, build
from maskan.samples._people import CAPACITY, OUTCOMES, People, isfahan_prefixes

__all__ = [
    "APPLICANTS",
    "CITY",
    "ISFAHAN_PREFIXES",
    "OUTCOMES",
    "SCREENING_VALUES",
    "SEED",
    "SUMMIT",
    "Sample",
    "generate",
    "isfahan_1404",
]

SEED = 1404
"""The seed of :func:`isfahan_1404`, and the default seed of :func:`generate`.

>>> SEED
1404
"""

ISFAHAN_PREFIXES: tuple[str, ...] = tuple(prefix for prefix, _ in isfahan_prefixes())
"""The national-ID prefixes (first three digits) the generator uses: every prefix the
prefix table (DOMAIN.md §6.2, ``maskan/identifiers/_places.py``) gives to an office of
Isfahan province, and only to one.

>>> len(ISFAHAN_PREFIXES), ISFAHAN_PREFIXES[:3]
(36, ('619', '118', '127'))
"""

SCREENING_VALUES: Mapping[str, str] = types.MappingProxyType(
    {"five_year_lookback": "in_force", "residence_easing": "in_force"}
)
"""The two values the National Housing Movement leaves to the caller
(:meth:`~maskan.eligibility.Program.with_values`), as :meth:`Sample.screen` supplies
them: both rule changes in force, as an office deciding today would supply them
(``docs/programs/national_housing_movement.md``). The applicants' outcome mix is made
for these values.

>>> dict(SCREENING_VALUES)
{'five_year_lookback': 'in_force', 'residence_easing': 'in_force'}
"""

_MAX_PEOPLE = CAPACITY // 2  # a married person uses a second ID, for the spouse


def _shown(day: datetime.date) -> str:
    year, month, day_of_month = jalali_ymd(day)
    return f"{year}/{month:02d}/{day_of_month:02d}"


def _index(sample: Sample) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for person in (*sample.members, *sample.applicants):
        found.setdefault(person.national_id, person)
    return found


@attrs.frozen(kw_only=True, repr=False)
class Sample:
    """A synthetic data set: cooperatives, their projects and ledgers, and applicants.

    Build it with :func:`isfahan_1404`. Every object in it was made by the models' own
    operations (``Cooperative.found``, ``Registry.admit`` and its siblings,
    ``HousingProject.advance``, ``record_progress``, ``add_units``, ``add_financing``,
    ``Ledger.record`` and ``add_plan``), so every invariant of the models holds, and
    nothing in it is dated after ``on``.

    Attributes:
        on: the day the data describe, 1404/09/04 (the summit).
        city: the city every applicant applies in, ``"اصفهان"``; pass it as the
            ``city=`` context of the National Housing Movement.
        cooperatives: the cooperatives, in the registry's order.
        registry: the same cooperatives as a
            :class:`~maskan.models.registry.Registry`.
        projects: every cooperative's housing projects, cooperative by cooperative.
        ledgers: one ledger per cooperative, in the order of ``cooperatives``.
        members: the :class:`~maskan.models.person.Person` record of everyone who has
            been a member of a cooperative (including those who left and successors).
        applicants: a pool of people applying to the National Housing Movement in
            ``city``, with a mix of outcomes (see :meth:`screen`).
        project_members: for each project code, the national IDs of the members the
            project is being built for, one per unit (not yet allocated to units).
        seed: the seed the data were drawn from.

    >>> sample = isfahan_1404()
    >>> sample
    Sample(on=1404/09/04, city='اصفهان', 30 cooperatives, 64 projects, 3842 members, \
400 applicants)
    >>> project = sample.projects[0]
    >>> len(sample.members_of(project.code)) == len(project.units)
    True
    """

    on: datetime.date
    city: str
    cooperatives: tuple[Cooperative, ...]
    registry: Registry
    projects: tuple[HousingProject, ...]
    ledgers: tuple[Ledger, ...]
    members: tuple[Person, ...]
    applicants: tuple[Person, ...]
    project_members: Mapping[str, tuple[str, ...]]
    seed: int
    _people: dict[str, Person] = attrs.field(
        init=False, eq=False, default=attrs.Factory(_index, takes_self=True)
    )

    def __repr__(self) -> str:
        return (
            f"Sample(on={_shown(self.on)}, city={self.city!r}, {len(self.cooperatives)}"
            f" cooperatives, {len(self.projects)} projects, {len(self.members)} members,"
            f" {len(self.applicants)} applicants)"
        )

    def opened(self, year: int = 1404) -> tuple[HousingProject, ...]:
        """The projects officially opened (افتتاح) in the Jalali ``year``.

        >>> sample = isfahan_1404()
        >>> len(sample.opened(1404)), len(sample.opened(1403)), len(sample.opened(1402))
        (44, 6, 0)
        """
        return tuple(
            project
            for project in self.projects
            if project.opened_on is not None and jalali_ymd(project.opened_on)[0] == year
        )

    def people_covered(self, year: int = 1404) -> int:
        """The people covered by the projects opened in ``year``: their residential units.

        maskan counts one person per unit: the member whose household the unit houses (each
        unit is built for one member, :meth:`members_of`). The report's "people covered"
        is not defined in any source on record (DOMAIN.md §3 [U]); counting household
        members instead would multiply the number by the household size.

        >>> isfahan_1404().people_covered(1404)
        2596
        """
        return sum(len(project.units) for project in self.opened(year))

    def members_of(self, code: str) -> tuple[str, ...]:
        """The national IDs of the members a project is built for, one per unit.

        Raises:
            KeyError: no project has that code.

        >>> sample = isfahan_1404()
        >>> project = sample.opened(1404)[0]
        >>> members = sample.members_of(project.code)
        >>> len(members) == len(project.units)
        True
        >>> all(sample.registry.memberships_of(member) for member in members)
        True
        """
        return self.project_members[code]

    def cooperative(self, legal_id: str) -> Cooperative:
        """The cooperative with the legal-entity ID ``legal_id``.

        >>> sample = isfahan_1404()
        >>> project = sample.projects[0]
        >>> sample.cooperative(project.cooperative_id).legal_id == project.cooperative_id
        True
        """
        return self.registry.cooperative(legal_id)

    def ledger(self, legal_id: str) -> Ledger:
        """The ledger of the cooperative with the legal-entity ID ``legal_id``.

        Raises:
            KeyError: no cooperative has that ID.

        >>> sample = isfahan_1404()
        >>> coop = sample.cooperatives[0]
        >>> sample.ledger(coop.legal_id).cooperative_id == coop.legal_id
        True
        """
        for ledger in self.ledgers:
            if ledger.cooperative_id == legal_id:
                return ledger
        raise KeyError(legal_id)

    def person(self, national_id: str) -> Person:
        """The member or applicant with ``national_id``.

        Raises:
            KeyError: no one in the sample has that ID.

        >>> sample = isfahan_1404()
        >>> first = sample.cooperatives[0].active_members[0]
        >>> sample.person(first.national_id).national_id == first.national_id
        True
        """
        return self._people[national_id]

    def screen(self, program: Program | None = None) -> list[Decision]:
        """Evaluate every applicant for a program on ``on`` in ``city``: by default the
        National Housing Movement with :data:`SCREENING_VALUES`.

        >>> decisions = isfahan_1404().screen()
        >>> sorted({decision.verdict.value for decision in decisions})
        ['eligible', 'ineligible', 'undetermined']
        """
        if program is None:
            from maskan.eligibility.programs import national_housing_movement

            program = national_housing_movement.PROGRAM.with_values(**SCREENING_VALUES)
        return program.evaluate_many(self.applicants, on=self.on, city=self.city)


def _build(seed: int) -> Sample:
    parts = build(seed)
    return Sample(
        on=SUMMIT,
        city=CITY,
        cooperatives=parts.cooperatives,
        registry=parts.registry,
        projects=parts.projects,
        ledgers=parts.ledgers,
        members=parts.members,
        applicants=parts.applicants,
        project_members=types.MappingProxyType(parts.project_members),
        seed=seed,
    )


@functools.cache
def isfahan_1404() -> Sample:
    """The synthetic Isfahan 1404 data set: made up, shaped on the report's headline numbers.

    Thirty housing cooperatives in twenty counties of Isfahan province
    (:meth:`maskan.geo.County.of`), with 3,842 members over their history and 64
    projects: 44 opened in Jalali 1404 up to the summit day of 4 Azar (2,596 units), 6
    opened in 1403, and 14 at earlier stages. Members' contributions are about 87 % of the
    projects' money and bank facilities the rest; the investment is about 17.2 billion
    rials per unit. Each cooperative has a ledger of its members' fees, shares, deposits,
    instalment plans, instalments and refunds; the members' financing of each project is
    what its members paid into the ledger as deposits and instalments. The pool of 400
    applicants is ``generate(400, SEED)``. See the module notes for what is made up and
    where the numbers come from.

    The same object is returned on every call (built once, in about a second): the data
    are immutable.

    >>> isfahan_1404() is isfahan_1404()
    True
    >>> isfahan_1404().on
    datetime.date(2025, 11, 25)
    """
    return _build(SEED)


def _checked(value: object, field: str, low: int | None, high: int | None) -> int:
    if type(value) is not int:
        raise InvalidNumber(
            f"{field}: {describe(value)} is a {type(value).__name__}, not an int",
            message_fa=f"{field}: مقدار {describe(value)} عدد صحیح نیست",
            code="type",
            field=field,
            value=value,
        )
    if low is not None and value < low:
        raise InvalidNumber(
            f"{field}: {value} is below {low}",
            message_fa=f"{field}: {to_persian_digits(value)} کمتر از {to_persian_digits(low)} است",
            code="negative",
            field=field,
            value=value,
        )
    if high is not None and value > high:
        raise InvalidNumber(
            f"{field}: {value} is more than the {high:,} people the Isfahan prefixes can number",
            message_fa=f"{field}: {to_persian_digits(value)} بیش از"
            f" {to_persian_digits(high)} نفری است که پیش‌شماره‌های اصفهان جا دارند",
            code="too_many",
            field=field,
            value=value,
        )
    return value


def generate(n_people: int, seed: int = SEED) -> Iterator[Person]:
    """Yield ``n_people`` synthetic people, lazily, the same ones for the same ``seed``.

    They are applicants to the National Housing Movement in the city of Isfahan as of
    1404/09/04, made by the generator of :func:`isfahan_1404`'s applicants, with the same
    mix of outcomes (:data:`OUTCOMES`): evaluate them with :data:`SCREENING_VALUES`,
    ``on=SUMMIT`` and ``city=CITY``. Each has a unique national ID with an Isfahan prefix
    and a valid check digit. The first ``k`` people of a seed are the same whatever
    ``n_people`` is, and nothing is made before it is asked for, so a million people
    take memory for one at a time.

    Raises:
        InvalidNumber: codes ``type`` (not an ``int``), ``negative``, ``too_many``
            (more people than the Isfahan prefixes can number); raised at the call, not
            at the first ``next()``.

    >>> people = list(generate(3, seed=42))
    >>> [person.national_id for person in people] == [
    ...     person.national_id for person in generate(10, seed=42)][:3]
    True
    >>> generate(-1)
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNumber: n_people: -1 is below 0
    """
    count = _checked(n_people, "n_people", 0, _MAX_PEOPLE)
    start = _checked(seed, "seed", None, None)
    return _stream(count, start)


def _stream(count: int, seed: int) -> Iterator[Person]:
    people = People(seed, on=SUMMIT)
    for _ in range(count):
        yield people.applicant()
