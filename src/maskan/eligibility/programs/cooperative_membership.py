"""cooperative_membership: may this person join this cooperative? The general conditions of
membership of the Cooperative Sector Law (art. 9 and the model statutes, DOMAIN.md §5.2),
checked against the cooperative applied to and the registry of cooperatives.

Five rules, each a module-level :class:`~maskan.eligibility.Rule` for reuse:

- :data:`NATIONALITY` (``cooperative_membership.nationality``): Iranian nationality;
- :data:`LEGAL_CAPACITY` (``cooperative_membership.legal_capacity``): no legal incapacity
  (حجر);
- :data:`ONE_MEMBERSHIP` (``cooperative_membership.one_membership``): not an active member of
  this cooperative already, nor of a *similar* one, asked of the
  :class:`~maskan.models.registry.Registry`;
- :data:`MINIMUM_SHARES` (``cooperative_membership.minimum_shares``): the shares offered are
  at least the statute's ``minimum_shares``;
- :data:`CAPITAL_SHARE` (``cooperative_membership.capital_share``): once admitted, the
  applicant holds no more than the statute's ``max_capital_share`` of the capital.

Context (keyword arguments of :meth:`~maskan.eligibility.Program.evaluate`):

- ``cooperative`` — the :class:`~maskan.models.cooperative.Cooperative` applied to
  (required: without it the question has no subject, and evaluating raises
  :class:`~maskan.errors.RuleError`, code ``missing_context``);
- ``registry`` — the :class:`~maskan.models.registry.Registry` that knows the person's other
  memberships; without it the one-membership rule is *unknown*;
- ``shares`` — the number of shares the applicant offers to buy; without it the two share
  rules are *unknown* (a board cannot admit someone who has not said how many shares they
  buy, and maskan does not assume the minimum).

The numbers (minimum shares, capital cap, similarity group) are the cooperative's own
statute's, so the program has no parameters.

>>> from maskan.models._coop_examples import example_cooperative, example_person
>>> from maskan.models.registry import Registry
>>> coop = example_cooperative()  # minimum 10 shares, at most 3/10 of the capital
>>> registry = Registry(cooperatives=[coop])
>>> maryam = example_person("1122334451")
>>> decision = PROGRAM.evaluate(maryam, on="1404/09/04", cooperative=coop,
...                             registry=registry, shares=8)
>>> decision.verdict.value, decision.failed_codes
('ineligible', ('cooperative_membership.below_minimum_shares',))
>>> PROGRAM.evaluate(maryam, on="1404/09/04", cooperative=coop, registry=registry,
...                  shares=12).eligible
True

**The program and** :meth:`Cooperative.admit <maskan.models.cooperative.Cooperative.admit>`
**agree.** ``admit`` (through :meth:`Registry.admit
<maskan.models.registry.Registry.admit>`, which adds the similar-cooperative check) refuses
exactly what this program finds failed, and each failed reason's code ends with the
``MembershipError`` code ``admit`` raises (:data:`ADMIT_CODES`). Where ``admit`` refuses an
unknown nationality or legal capacity with ``unknown_fact``, the program reports the fact as
unknown and decides *undetermined*: it explains what is missing instead of raising. What
``admit`` checks beyond eligibility — that the day is not before the cooperative's last
event, that ``shares`` is a whole number of at least 1 — are the operation's, not the
applicant's.

**Not here: "without housing".** DOMAIN.md §5.2 asks a housing-cooperative member to meet
the "without housing" definition to *receive* state land or loans, not to *join*; the law
admits anyone meeting art. 9. Combine these rules with those of the ``without_housing``
program where a cooperative or a state scheme requires it.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING, cast

import attrs

from maskan.eligibility.parameters import Source
from maskan.eligibility.program import Program
from maskan.eligibility.reasons import register
from maskan.eligibility.rules import Case, Finding, InColumns, Outcome, Rule, all_of
from maskan.errors import RuleError, describe
from maskan.models.cooperative import Cooperative, Memberships
from maskan.models.person import Nationality, Person
from maskan.models.registry import Registry
from maskan.persian.digits import to_persian_digits

if TYPE_CHECKING:
    from maskan.eligibility.batch import Frame, Leaf

__all__ = [
    "ADMIT_CODES",
    "CAPITAL_SHARE",
    "CAPITAL_SOURCE",
    "GENERAL_CONDITIONS",
    "LAW_SOURCE",
    "LEGAL_CAPACITY",
    "MINIMUM_SHARES",
    "NATIONALITY",
    "ONE_MEMBERSHIP",
    "PROGRAM",
    "CooperativeRef",
    "applied_cooperative",
    "offered_shares",
]

# --- sources (DOMAIN.md §5.1-§5.3) -----------------------------------------------------------

LAW_SOURCE = Source(
    title_en="Law of the Cooperative Sector of the Economy, art. 9, and the model statutes of"
    " housing cooperatives: the general conditions of membership",
    title_fa="قانون بخش تعاونی اقتصاد جمهوری اسلامی ایران، ماده‌ی ۹، و اساسنامه‌های نمونه‌ی"
    " تعاونی مسکن: شرایط عمومی عضویت",
    reference="DOMAIN.md §5.1, §5.2",
    confidence="S",
    article="9",
    date="1370-06-13",
    url="https://prepressco.ir/اعضاء ; http://www.kurdnezam.ir/fa/reader/ (notice, Esfand 1393)",
)
"""Art. 9 and the model statutes: Iranian nationality, no legal incapacity (حجر), no
simultaneous membership in a similar cooperative, a written request, commitment to the
statute and the purchase of at least the minimum number of shares. The law of 13 Shahrivar
1370, amended 1377-07-05 and 1393-02-17.

>>> LAW_SOURCE.article, LAW_SOURCE.confidence.value
('9', 'S')
"""

CAPITAL_SOURCE = Source(
    title_en="Cooperative Sector Law, art. 17, and the cooperative's statute: the largest"
    " share of the capital one member may hold (the statute's max_capital_share; the"
    " statutory percentage is unsourced)",
    title_fa="قانون بخش تعاونی، ماده‌ی ۱۷، و اساسنامه‌ی تعاونی: بیشترین سهم یک عضو از سرمایه"
    " (سقف اساسنامه؛ درصد قانونی منبع معتبر ندارد)",
    reference="DOMAIN.md §5.3",
    confidence="S-news",
    article="17",
)
"""A cap on one member's share of the capital: one secondary site says 30 % [S-news, weak];
no authoritative percentage is known, so the cap is the statute's own ``max_capital_share``,
which the caller sets (DOMAIN.md §5.3).

>>> CAPITAL_SOURCE.reference
'DOMAIN.md §5.3'
"""

# --- reasons ---------------------------------------------------------------------------------

IRANIAN = register(
    "cooperative_membership.iranian", en="Iranian nationality", fa="تابعیت ایرانی دارد"
)
NOT_IRANIAN = register(
    "cooperative_membership.not_iranian",
    en="{observed} nationality: membership requires Iranian nationality",
    fa="تابعیت {observed}: عضویت تابعیت ایرانی می‌خواهد",
)
HAS_LEGAL_CAPACITY = register(
    "cooperative_membership.has_legal_capacity",
    en="has legal capacity (not under حجر)",
    fa="اهلیت قانونی دارد (محجور نیست)",
)
LEGALLY_INCAPACITATED = register(
    "cooperative_membership.legally_incapacitated",
    en="legally incapacitated (محجور): membership requires legal capacity",
    fa="محجور است: عضویت اهلیت قانونی می‌خواهد",
)
NO_SIMILAR_MEMBERSHIP = register(
    "cooperative_membership.no_similar_membership",
    en="not an active member of this cooperative or of a similar one",
    fa="عضو فعال این تعاونی یا تعاونی مشابه آن نیست",
)
ALREADY_MEMBER = register(
    "cooperative_membership.already_member",
    en="already an active member of this cooperative, since {observed}",
    fa="از {observed} عضو فعال همین تعاونی است",
)
SIMILAR_MEMBERSHIP = register(
    "cooperative_membership.similar_membership",
    en="a member of {observed}, a similar cooperative: a person may hold one membership"
    " among similar cooperatives",
    fa="عضو {observed} است که تعاونی مشابه است: هر کس تنها در یک تعاونی مشابه می‌تواند عضو باشد",
)
MINIMUM_SHARES_MET = register(
    "cooperative_membership.minimum_shares_met",
    en="{observed} shares offered, at least the statute's minimum of {required}",
    fa="{observed} سهم پیشنهاد شده است، دست‌کم به اندازه‌ی کمینه‌ی اساسنامه ({required} سهم)",
)
BELOW_MINIMUM_SHARES = register(
    "cooperative_membership.below_minimum_shares",
    en="{observed} shares offered, fewer than the statute's minimum of {required}",
    fa="{observed} سهم پیشنهاد شده است، کمتر از کمینه‌ی اساسنامه ({required} سهم)",
)
WITHIN_MAXIMUM_CAPITAL = register(
    "cooperative_membership.within_maximum_capital",
    en="{observed} of the capital once admitted, within the statute's cap of {required}",
    fa="پس از پذیرش {observed} سرمایه، در حد سقف اساسنامه ({required})",
)
ABOVE_MAXIMUM_CAPITAL = register(
    "cooperative_membership.above_maximum_capital",
    en="{observed} of the capital once admitted, above the statute's cap of {required}",
    fa="پس از پذیرش {observed} سرمایه، بیش از سقف اساسنامه ({required})",
)

ADMIT_CODES: Mapping[str, str] = {
    NOT_IRANIAN: "not_iranian",
    LEGALLY_INCAPACITATED: "legally_incapacitated",
    ALREADY_MEMBER: "already_member",
    SIMILAR_MEMBERSHIP: "similar_membership",
    BELOW_MINIMUM_SHARES: "below_minimum_shares",
    ABOVE_MAXIMUM_CAPITAL: "above_maximum_capital",
}
"""For each failed reason, the :class:`~maskan.errors.MembershipError` code with which
``Registry.admit`` / ``Cooperative.admit`` refuse the same applicant.

>>> ADMIT_CODES["cooperative_membership.similar_membership"]
'similar_membership'
"""

# Missing facts, in English and Persian.
_NATIONALITY_FACT = ("nationality", "تابعیت")
_CAPACITY_FACT = ("legal capacity", "اهلیت قانونی")
_REGISTRY_FACT = (
    "memberships in other cooperatives (registry)",
    "عضویت در تعاونی‌های دیگر (registry)",
)
_SHARES_FACT = ("number of shares offered (shares)", "شمار سهام درخواستی (shares)")

# --- context ---------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CooperativeRef:
    """A cooperative as a finding names it: its legal ID and name, shown in both languages
    (Persian digits in Persian).

    >>> ref = CooperativeRef(legal_id="14011517510", name="تعاونی مسکن کارکنان نمونه")
    >>> ref.label_en
    'تعاونی مسکن کارکنان نمونه (14011517510)'
    >>> ref.label_fa
    'تعاونی مسکن کارکنان نمونه (۱۴۰۱۱۵۱۷۵۱۰)'
    """

    legal_id: str
    name: str

    @property
    def label_en(self) -> str:
        """The name and the legal ID, as an English message shows them."""
        return f"{self.name} ({self.legal_id})"

    @property
    def label_fa(self) -> str:
        """The name and the legal ID in Persian digits."""
        return f"{self.name} ({to_persian_digits(self.legal_id)})"


def _context_error(name: str, value: object, expected: str, expected_fa: str) -> RuleError:
    if value is None:
        return RuleError(
            f"{name}: this program needs {expected}; pass it as evaluate(..., {name}=...)",
            message_fa=f"{name}: این برنامه {expected_fa} لازم دارد؛ آن را با {name}=... بدهید",
            code="missing_context",
            field=name,
        )
    return RuleError(
        f"{name}: {describe(value)} is a {type(value).__name__}, not {expected}",
        message_fa=f"{name}: مقدار {describe(value)} {expected_fa} نیست",
        code="type",
        field=name,
        value=value,
    )


def applied_cooperative(case: Case) -> Cooperative:
    """The cooperative applied to: the ``cooperative`` context of ``case``.

    Raises :class:`~maskan.errors.RuleError` (code ``missing_context`` or ``type``) when it is
    missing or not a :class:`~maskan.models.cooperative.Cooperative`: a program about joining
    a cooperative cannot answer without one.

    >>> import datetime
    >>> from maskan.models._coop_examples import example_cooperative
    >>> applied_cooperative(Case(person=None, on=datetime.date(2025, 11, 25),
    ...                          context={"cooperative": example_cooperative()})).legal_id
    '14011517510'
    >>> applied_cooperative(Case(person=None, on=datetime.date(2025, 11, 25)))
    Traceback (most recent call last):
    ...
    maskan.errors.RuleError: cooperative: this program needs a Cooperative; pass it as \
evaluate(..., cooperative=...)
    """
    cooperative = case.context.get("cooperative")
    if isinstance(cooperative, Cooperative):
        return cooperative
    raise _context_error("cooperative", cooperative, "a Cooperative", "تعاونی (Cooperative)")


def _registry(case: Case) -> Registry | None:
    registry = case.context.get("registry")
    if registry is None or isinstance(registry, Registry):
        return registry
    raise _context_error("registry", registry, "a Registry", "فهرست تعاونی‌ها (Registry)")


def offered_shares(case: Case) -> int | None:
    """The number of shares the applicant offers: the ``shares`` context, ``None`` when not
    given. A value that is not a whole number of at least 1 is the caller's mistake, not a
    fact about the applicant, and raises :class:`~maskan.errors.RuleError` (codes ``type``,
    ``out_of_range``), as ``Cooperative.admit`` refuses it.

    >>> import datetime
    >>> offered_shares(Case(person=None, on=datetime.date(2025, 11, 25), context={"shares": 12}))
    12
    >>> offered_shares(Case(person=None, on=datetime.date(2025, 11, 25), context={"shares": 0}))
    Traceback (most recent call last):
    ...
    maskan.errors.RuleError: shares: 0 is below 1
    """
    shares = case.context.get("shares")
    if shares is None:
        return None
    if type(shares) is not int:
        raise _context_error("shares", shares, "an int", "عدد صحیح")
    if shares < 1:
        raise RuleError(
            f"shares: {shares} is below 1",
            message_fa=to_persian_digits(f"shares: {shares} کمتر از ۱ است"),
            code="out_of_range",
            field="shares",
            value=shares,
        )
    return shares


# --- the rules -------------------------------------------------------------------------------


def _check_nationality(case: Case, rule: Rule) -> Finding:
    nationality = case.person.nationality
    if nationality is None:
        return rule.unknown(*_NATIONALITY_FACT)
    if nationality is Nationality.IRANIAN:
        return rule.passed(IRANIAN, observed=nationality)
    return rule.failed(NOT_IRANIAN, observed=nationality, required=Nationality.IRANIAN)


def _nationality_columns(frame: Frame, rule: Rule) -> Leaf:
    nationality = frame.choice("nationality")
    decide = frame.decide(rule)
    decide.unknown(nationality < 0)
    decide.passed(nationality == frame.code(Nationality.IRANIAN))
    decide.failed(nationality >= 0, NOT_IRANIAN)
    return decide.leaf()


def _capacity_columns(frame: Frame, rule: Rule) -> Leaf:
    capacity = frame.flag("legal_capacity")
    decide = frame.decide(rule)
    decide.unknown(capacity < 0)
    decide.passed(capacity == 1)
    decide.failed(capacity == 0, LEGALLY_INCAPACITATED)
    return decide.leaf()


def _same_for_everyone(frame: Frame, rule: Rule) -> Leaf:
    """A rule that reads only the context (the shares, the statute) and not the date: its
    finding, computed once, holds for every row."""
    import numpy as np

    from maskan.eligibility.rules import Outcome

    case = Case(
        person=None, on=datetime.date(2000, 1, 1), values=frame.values, context=frame.context
    )
    finding = rule.check(case, rule)
    decide = frame.decide(rule)
    everyone = np.ones(frame.size, bool)
    if finding.outcome is Outcome.PASSED:
        decide.passed(everyone)
    elif finding.outcome is Outcome.FAILED and finding.eligible_from is None:
        decide.failed(everyone, finding.reason)
    elif finding.outcome is Outcome.UNKNOWN:
        decide.unknown(everyone)
    return decide.leaf()


NATIONALITY = Rule(
    code="cooperative_membership.nationality",
    title_en="Iranian nationality",
    title_fa="تابعیت ایرانی",
    source=LAW_SOURCE,
    check=_check_nationality,
    columns=InColumns(reads=("nationality",), failures=(NOT_IRANIAN,), check=_nationality_columns),
)
"""Iranian nationality (art. 9). Unknown when the person's ``nationality`` is ``None``.

>>> import datetime
>>> from maskan.models.person import Person
>>> someone = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
...                  nationality="foreign")
>>> NATIONALITY(Case(person=someone, on=datetime.date(2025, 11, 25))).reason
'cooperative_membership.not_iranian'
"""


def _check_legal_capacity(case: Case, rule: Rule) -> Finding:
    capacity = case.person.legal_capacity
    if capacity is None:
        return rule.unknown(*_CAPACITY_FACT)
    if capacity:
        return rule.passed(HAS_LEGAL_CAPACITY, observed=True)
    return rule.failed(LEGALLY_INCAPACITATED, observed=False, required=True)


LEGAL_CAPACITY = Rule(
    code="cooperative_membership.legal_capacity",
    title_en="legal capacity (no حجر)",
    title_fa="اهلیت قانونی (نبودِ حجر)",
    source=LAW_SOURCE,
    check=_check_legal_capacity,
    columns=InColumns(
        reads=("legal_capacity",), failures=(LEGALLY_INCAPACITATED,), check=_capacity_columns
    ),
)
"""No legal incapacity (حجر, art. 9): ``legal_capacity`` ``False`` fails, ``None`` is unknown.

>>> import datetime
>>> from maskan.models.person import Person
>>> someone = Person(national_id="0499370899", first_name="علی", last_name="کریمی",
...                  legal_capacity=False)
>>> LEGAL_CAPACITY(Case(person=someone, on=datetime.date(2025, 11, 25))).outcome.value
'failed'
"""


def _check_one_membership(case: Case, rule: Rule) -> Finding:
    cooperative = applied_cooperative(case)
    person: Person = case.person
    group = cooperative.similar_group
    registry = _registry(case)
    # Registry.admit's order: the other cooperatives first, then this one's own records.
    if registry is not None:
        found = _similar_memberships(registry, cooperative, person.national_id, case.on)
        if found:
            first = found[0][0]
            ends = [left_on for _, left_on in found]
            # A membership recorded as ending on a later day stops conflicting on that day.
            later = None if None in ends else max(cast(list[datetime.date], ends))
            return rule.failed(
                SIMILAR_MEMBERSHIP,
                observed=CooperativeRef(legal_id=first.legal_id, name=first.name),
                required=group,
                eligible_from=later,
            )
    own = cast(Memberships, cooperative.memberships).get(person.national_id)
    if own is not None and own.is_active:
        # Cooperative.admit refuses an active record whatever its dates.
        return rule.failed(ALREADY_MEMBER, observed=own.joined_on, required=group)
    if registry is None:
        return rule.unknown(*_REGISTRY_FACT)
    return rule.passed(NO_SIMILAR_MEMBERSHIP, required=group)


def _similar_memberships(
    registry: Registry, cooperative: Cooperative, national_id: str, day: datetime.date
) -> list[tuple[Cooperative, datetime.date | None]]:
    """The person's memberships of other cooperatives of the same group that have not ended
    by ``day``, with the day each ends (``None``: open)."""
    group = cooperative.similar_group
    found: list[tuple[Cooperative, datetime.date | None]] = []
    for legal_id, record in registry.memberships_of(national_id).items():
        if legal_id == cooperative.legal_id:
            continue
        # As Registry.admit: a membership not ended by the day conflicts, even one that
        # begins later, because the open-ended membership applied for would overlap it.
        if record.left_on is not None and record.left_on <= day:
            continue
        other = registry.cooperative(legal_id)
        if other.similar_group == group:
            found.append((other, record.left_on))
    return found


_LEFT = 3  # a row left to the per-person path


def _one_membership_columns(frame: Frame, rule: Rule) -> Leaf:
    """:func:`_check_one_membership` once for each applicant and date of the frame: the
    registry is asked person by person, but each distinct person only once."""
    import numpy as np

    from maskan.eligibility.batch import FAILED, PASSED, UNKNOWN

    codes, labels = frame.text("national_id")
    keys = codes.astype(np.int64) * 1_000_000 + np.broadcast_to(frame.on, codes.shape)
    keys[codes < 0] = -1  # no national ID: left to the per-person path
    distinct, where = np.unique(keys, return_inverse=True)
    outcome = np.empty(len(distinct), np.int8)
    reason = np.full(len(distinct), -1, np.int8)
    later = np.zeros(len(distinct), np.int32)
    failures = (SIMILAR_MEMBERSHIP, ALREADY_MEMBER)
    outcomes = {Outcome.FAILED: FAILED, Outcome.PASSED: PASSED, Outcome.UNKNOWN: UNKNOWN}
    for index, key in enumerate(distinct.tolist()):
        if key < 0:
            outcome[index] = _LEFT
            continue
        label, day = labels[key // 1_000_000], datetime.date.fromordinal(key % 1_000_000)
        applicant = Person(national_id=label, first_name="-", last_name="-")
        case = Case(person=applicant, on=day, values=frame.values, context=frame.context)
        finding = _check_one_membership(case, rule)
        outcome[index] = outcomes[finding.outcome]
        if finding.outcome is Outcome.FAILED:
            reason[index] = failures.index(finding.reason)
            when = finding.eligible_from
            later[index] = 0 if when is None else when.toordinal()
    row_outcome, row_reason, row_later = outcome[where], reason[where], later[where]
    decide = frame.decide(rule)
    decide.defer(row_outcome == _LEFT)
    decide.passed(row_outcome == PASSED)
    decide.unknown(row_outcome == UNKNOWN)
    for index, code in enumerate(failures):
        decide.failed(row_reason == index, code, row_later)
    return decide.leaf()


ONE_MEMBERSHIP = Rule(
    code="cooperative_membership.one_membership",
    title_en="one membership among similar cooperatives",
    title_fa="عضویت در تنها یک تعاونی مشابه",
    source=LAW_SOURCE,
    check=_check_one_membership,
    columns=InColumns(
        reads=("national_id",),
        failures=(SIMILAR_MEMBERSHIP, ALREADY_MEMBER),
        check=_one_membership_columns,
    ),
)
"""Not an active member of the cooperative applied to, nor — on the evaluation date — of a
*similar* one in the ``registry`` (art. 9 and the model statutes: "no simultaneous membership
in a similar cooperative").

Similar means the same ``similar_group`` in the statutes (by default every housing
cooperative is in ``"housing"``, so a member of a staff housing cooperative may not join a
workers' one; see :class:`~maskan.models.cooperative.Statute`). A membership of another
cooperative conflicts unless it ended on or before the evaluation date (it ends at the start
of its ``left_on``), the test ``Registry.admit`` applies. When every conflicting membership
is recorded as ending on a later day, that day is the ``eligible_from``.

The cooperative's own records answer "already a member" (``already_member``); the other
memberships need the ``registry``: without one the rule is unknown, unless the person is
already a member. When both hold, the similar membership is reported, as ``Registry.admit``
refuses it first.

>>> import datetime
>>> from maskan.models._coop_examples import example_cooperative, example_person
>>> coop = example_cooperative()
>>> finding = ONE_MEMBERSHIP(Case(person=example_person("0499370899"),
...                               on=datetime.date(2025, 11, 25), context={"cooperative": coop}))
>>> finding.reason, finding.observed == coop.founded_on
('cooperative_membership.already_member', True)
"""


def _check_minimum_shares(case: Case, rule: Rule) -> Finding:
    minimum = applied_cooperative(case).statute.minimum_shares
    shares = offered_shares(case)
    if shares is None:
        return rule.unknown(*_SHARES_FACT)
    if shares >= minimum:
        return rule.passed(MINIMUM_SHARES_MET, observed=shares, required=minimum)
    return rule.failed(BELOW_MINIMUM_SHARES, observed=shares, required=minimum)


MINIMUM_SHARES = Rule(
    code="cooperative_membership.minimum_shares",
    title_en="at least the statute's minimum number of shares",
    title_fa="خرید دست‌کم کمینه‌ی سهام اساسنامه",
    source=LAW_SOURCE,
    check=_check_minimum_shares,
    columns=InColumns(reads=(), failures=(BELOW_MINIMUM_SHARES,), check=_same_for_everyone),
)
"""The applicant buys at least the statute's ``minimum_shares`` (art. 9: "purchase of at
least the minimum number of shares"). Unknown without the ``shares`` context.

>>> import datetime
>>> from maskan.models._coop_examples import example_cooperative, example_person
>>> MINIMUM_SHARES(Case(person=example_person("1122334451"), on=datetime.date(2025, 11, 25),
...                     context={"cooperative": example_cooperative(), "shares": 9})).required
10
"""


def _check_capital_share(case: Case, rule: Rule) -> Finding:
    cooperative = applied_cooperative(case)
    cap = cooperative.statute.max_capital_share
    shares = offered_shares(case)
    if shares is None:
        return rule.unknown(*_SHARES_FACT)
    # As Cooperative.admit: the active members' shares after the admission.
    held = Fraction(shares, cooperative.total_shares + shares)
    if held > cap:
        return rule.failed(ABOVE_MAXIMUM_CAPITAL, observed=held, required=cap)
    return rule.passed(WITHIN_MAXIMUM_CAPITAL, observed=held, required=cap)


CAPITAL_SHARE = Rule(
    code="cooperative_membership.capital_share",
    title_en="within the statute's cap on one member's capital",
    title_fa="در حد سقف سهم یک عضو از سرمایه",
    source=CAPITAL_SOURCE,
    check=_check_capital_share,
    columns=InColumns(reads=(), failures=(ABOVE_MAXIMUM_CAPITAL,), check=_same_for_everyone),
)
"""Once admitted with the shares offered, the applicant holds at most the statute's
``max_capital_share`` of the capital, counted on the active members' shares — the check
``Cooperative.admit`` makes. Observed and required are exact fractions.

>>> import datetime
>>> from maskan.models._coop_examples import example_cooperative, example_person
>>> finding = CAPITAL_SHARE(Case(person=example_person("1122334451"),
...                              on=datetime.date(2025, 11, 25),
...                              context={"cooperative": example_cooperative(), "shares": 40}))
>>> finding.reason, finding.observed, finding.required
('cooperative_membership.above_maximum_capital', Fraction(4, 11), Fraction(3, 10))
"""

GENERAL_CONDITIONS = all_of(
    "cooperative_membership.general_conditions",
    NATIONALITY,
    LEGAL_CAPACITY,
    ONE_MEMBERSHIP,
    MINIMUM_SHARES,
    CAPITAL_SHARE,
    title_en="general conditions of cooperative membership",
    title_fa="شرایط عمومی عضویت در تعاونی",
    source=LAW_SOURCE,
)
"""The five rules as one, to combine with an integrator's own (e.g. with ``without_housing``
for a cooperative that asks it of its members).

>>> [rule.code.split(".")[1] for rule in GENERAL_CONDITIONS.rules]
['nationality', 'legal_capacity', 'one_membership', 'minimum_shares', 'capital_share']
"""

PROGRAM = Program(
    code="cooperative_membership",
    version="2026.1",
    title_en="Cooperative membership: the general conditions of the Cooperative Sector Law",
    title_fa="عضویت در تعاونی: شرایط عمومی قانون بخش تعاونی",
    rules=(NATIONALITY, LEGAL_CAPACITY, ONE_MEMBERSHIP, MINIMUM_SHARES, CAPITAL_SHARE),
    context=("cooperative", "registry", "shares"),
)
"""The cooperative_membership program: the five rules, each a top-level finding.

Context: ``cooperative`` (required), ``registry``, ``shares``. No parameters.

>>> PROGRAM.code, PROGRAM.parameters, PROGRAM.missing_values()
('cooperative_membership', (), ())
"""
