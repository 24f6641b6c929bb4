"""Rules and findings: one condition of a program, checked against one person on one date.

A :class:`Rule` reads facts of a person (and, where needed, context such as the
cooperative or the registry) and returns a :class:`Finding`: ``passed``, ``failed``, or
``unknown`` when a fact it needs is missing. A finding carries what was observed, what
was required, the parameter value and the date it took effect, the legal source, a stable
reason code with messages in both languages, and — when only time stands in the way —
the date the rule would pass if nothing else changed (``eligible_from``).

:func:`all_of` and :func:`any_of` combine rules; an ``any_of`` reports which branch held.

>>> import datetime
>>> from maskan.eligibility.parameters import Source
>>> from maskan.eligibility.reasons import register
>>> OK, NO = register("demo.ok", en="ok", fa="درست"), register("demo.no", en="no", fa="نادرست")
>>> source = Source(title_en="x", title_fa="x", reference="DOMAIN.md §4.1", confidence="S")
>>> def is_positive(case: Case, rule: Rule) -> Finding:
...     n = case.context["n"]
...     return rule.passed(OK, observed=n) if n > 0 else rule.failed(NO, observed=n)
>>> positive = Rule(code="demo.positive", title_en="positive", title_fa="مثبت",
...                 source=source, check=is_positive)
>>> positive(Case(person=None, on=datetime.date(2025, 1, 1), context={"n": 3})).outcome
<Outcome.PASSED: 'passed'>
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

import attrs

from maskan.eligibility.parameters import Parameter, Resolved, Source
from maskan.eligibility.reasons import REASONS, register

__all__ = ["Case", "Finding", "InColumns", "Outcome", "Rule", "all_of", "any_of"]

T = TypeVar("T")

_ALL_PASSED = register("all_of.passed", en="every condition holds", fa="همه‌ی شرط‌ها برقرار است")
_ALL_FAILED = register(
    "all_of.failed", en="a condition does not hold", fa="دست‌کم یک شرط برقرار نیست"
)
_ALL_UNKNOWN = register(
    "all_of.unknown", en="a condition cannot be checked", fa="دست‌کم یک شرط قابل بررسی نیست"
)
_ANY_PASSED = register("any_of.passed", en="{observed} holds", fa="«{observed}» برقرار است")
_ANY_FAILED = register(
    "any_of.failed", en="none of the alternatives holds", fa="هیچ‌یک از حالت‌ها برقرار نیست"
)
_ANY_UNKNOWN = register(
    "any_of.unknown",
    en="no alternative holds and some cannot be checked",
    fa="هیچ حالتی برقرار نیست و برخی قابل بررسی نیستند",
)


@attrs.frozen(kw_only=True)
class Label:
    """A rule named in a finding (the branch of an ``any_of`` that held), in both languages."""

    code: str
    label_en: str
    label_fa: str


class Outcome(enum.StrEnum):
    """What a rule found.

    >>> Outcome("failed")
    <Outcome.FAILED: 'failed'>
    >>> Outcome.UNKNOWN == "unknown"
    True
    """

    PASSED = "passed"
    FAILED = "failed"
    UNKNOWN = "unknown"
    """A fact the rule needs is missing: the rule cannot say yes or no."""


_PASSED, _FAILED, _UNKNOWN = Outcome.PASSED, Outcome.FAILED, Outcome.UNKNOWN
_FACT_UNKNOWN = "fact.unknown"  # registered by maskan.eligibility.reasons


@attrs.frozen(kw_only=True)
class Finding:
    """The result of one rule for one person on one date.

    Attributes:
        rule: the rule's code, e.g. ``"nhm.residence"``.
        title_en: the rule's title in English.
        title_fa: the rule's title in Persian.
        outcome: passed, failed or unknown.
        reason: the stable reason code, listed in :data:`~maskan.eligibility.reasons.REASONS`.
        observed: the value the rule saw (an age, a date, a count …), or ``None``.
        required: what the rule required, in the same terms.
        parameter: the code of the parameter compared against, if any.
        effective_from: the date that parameter value took effect (``None`` if supplied).
        source: the legal source of the rule.
        eligible_from: when the rule failed only because of time, the date it would pass.
        branches: the findings of combined rules.
        held: for ``any_of``, the code of the branch that held.
        fact: for an unknown finding, the missing fact, in English.
        fact_fa: the missing fact in Persian.

    >>> from maskan.eligibility.programs.cooperative_membership import NATIONALITY
    >>> from maskan.models.person import Person
    >>> maryam = Person(national_id="1122334451", first_name="مریم", last_name="احمدی")
    >>> finding = NATIONALITY(Case(person=maryam, on=datetime.date(2025, 11, 25)))
    >>> finding.outcome, finding.fact, finding.message("en")
    (<Outcome.UNKNOWN: 'unknown'>, 'nationality', 'nationality is not known')
    """

    rule: str
    title_en: str
    title_fa: str
    outcome: Outcome
    reason: str
    source: Source
    observed: Any = None
    required: Any = None
    parameter: str | None = None
    effective_from: datetime.date | None = None
    eligible_from: datetime.date | None = None
    branches: tuple[Finding, ...] = ()
    held: str | None = None
    fact: str | None = None
    fact_fa: str | None = None

    def message(self, lang: str = "fa") -> str:
        """The finding in words, in Persian (``"fa"``) or English (``"en"``).

        >>> from maskan.eligibility.parameters import Source
        >>> source = Source(title_en="x", title_fa="x", reference="r", confidence="U")
        >>> Finding(rule="x", title_en="x", title_fa="x", outcome=Outcome.UNKNOWN,
        ...         reason="fact.unknown", fact="birth date", source=source).message("en")
        'birth date is not known'
        """
        return REASONS[self.reason].render(
            lang,
            {
                "observed": self.observed,
                "required": self.required,
                "effective_from": self.effective_from,
                "eligible_from": self.eligible_from,
                "fact": (self.fact_fa or self.fact) if lang == "fa" else self.fact,
            },
        )

    def leaves(self) -> tuple[Finding, ...]:
        """This finding, or for a combination the findings of its simple rules."""
        if not self.branches:
            return (self,)
        return tuple(leaf for branch in self.branches for leaf in branch.leaves())


@attrs.frozen(kw_only=True)
class Case:
    """What a rule is checked against: a person, a date, supplied values and context.

    ``values`` holds parameter values the caller supplied (by parameter code);
    ``context`` holds anything else a rule needs (the cooperative, the registry, the city
    applied for …), by name.

    >>> from maskan.models._coop_examples import example_person
    >>> case = Case(person=example_person("1122334451"), on=datetime.date(2025, 11, 25),
    ...             context={"shares": 12})
    >>> case.person.nationality, case.context["shares"], case.values
    (<Nationality.IRANIAN: 'iranian'>, 12, {})
    """

    person: Any
    on: datetime.date
    values: Mapping[str, object] = attrs.field(factory=dict)
    context: Mapping[str, Any] = attrs.field(factory=dict)

    def resolve(self, parameter: Parameter[T]) -> Resolved[T]:
        """The value of ``parameter`` for this case (see :meth:`Parameter.resolve`)."""
        return parameter.resolve(self.on, self.values)


Check = Callable[[Case, "Rule"], Finding]


@attrs.frozen(kw_only=True)
class InColumns:
    """How a rule runs on columns (:mod:`maskan.eligibility.batch`): the facts it reads,
    the reason codes its failed findings may carry, and its vectorized twin.

    ``check(frame, rule)`` decides many rows at once from a
    :class:`~maskan.eligibility.batch.Frame` and returns a
    :class:`~maskan.eligibility.batch.Leaf`, with the same outcome, reason and
    ``eligible_from`` as the rule's own ``check`` gives each person; rows it cannot decide
    it leaves to the per-person path. Without a ``check`` every row goes that way, and the
    declaration only fixes the rule's bits in the failed-reason bitmask.

    ``reads`` names the facts of :data:`maskan.eligibility.batch.FACTS` the rule reads;
    ``failures`` lists every reason code a failed finding of the rule may carry, in a fixed
    order (one bit each).

    >>> from maskan.eligibility.programs.national_housing_movement import MARRIED_HEAD
    >>> MARRIED_HEAD.columns.reads
    ('marital_status', 'head_of_household')
    >>> MARRIED_HEAD.columns.failures
    ('national_housing_movement.not_married', 'national_housing_movement.not_head_of_household')
    """

    reads: tuple[str, ...]
    failures: tuple[str, ...]
    check: Callable[[Any, Rule], Any] | None = None


@attrs.frozen(kw_only=True)
class Rule:
    """One condition: a code, a title in both languages, its parameters, its source and
    the function that checks it.

    ``check(case, rule)`` returns a finding built with :meth:`passed`, :meth:`failed` or
    :meth:`unknown`, which fill in the rule's code and source.

    >>> from maskan.eligibility.programs.cooperative_membership import NATIONALITY
    >>> from maskan.models._coop_examples import example_person
    >>> case = Case(person=example_person("1122334451"), on=datetime.date(2025, 11, 25))
    >>> finding = NATIONALITY(case)
    >>> finding.rule, finding.outcome
    ('cooperative_membership.nationality', <Outcome.PASSED: 'passed'>)
    """

    code: str
    title_en: str
    title_fa: str
    source: Source
    check: Check
    parameters: tuple[Parameter[Any], ...] = ()
    rules: tuple[Rule, ...] = ()
    """For combinations: the rules combined."""
    columns: InColumns | None = None
    """How the rule runs on columns; ``None``: only person by person."""

    def __call__(self, case: Case) -> Finding:
        return self.check(case, self)

    # finding, passed, failed and unknown build the Finding in one call, without a
    # dictionary merge or a call through another method: a decision builds several, and
    # building them is much of its cost.

    def finding(self, outcome: Outcome, reason: str, **details: Any) -> Finding:
        """A finding of this rule; ``details`` fill the other fields of :class:`Finding`.

        A rule whose source depends on the date (a budget note of one year) may pass its
        own ``source``; otherwise the rule's is used.
        """
        if "source" in details:
            return Finding(
                rule=self.code,
                title_en=self.title_en,
                title_fa=self.title_fa,
                outcome=outcome,
                reason=reason,
                **details,
            )
        return Finding(
            rule=self.code,
            title_en=self.title_en,
            title_fa=self.title_fa,
            outcome=outcome,
            reason=reason,
            source=self.source,
            **details,
        )

    def passed(self, reason: str, **details: Any) -> Finding:
        """A passed finding of this rule."""
        if "source" in details:
            return self.finding(_PASSED, reason, **details)
        return Finding(
            rule=self.code,
            title_en=self.title_en,
            title_fa=self.title_fa,
            outcome=_PASSED,
            reason=reason,
            source=self.source,
            **details,
        )

    def failed(self, reason: str, **details: Any) -> Finding:
        """A failed finding of this rule; give ``eligible_from`` when time alone would fix it."""
        if "source" in details:
            return self.finding(_FAILED, reason, **details)
        return Finding(
            rule=self.code,
            title_en=self.title_en,
            title_fa=self.title_fa,
            outcome=_FAILED,
            reason=reason,
            source=self.source,
            **details,
        )

    def unknown(self, fact: str, fact_fa: str | None = None, **details: Any) -> Finding:
        """An unknown finding: ``fact`` is the missing fact in English (``"birth date"``),
        ``fact_fa`` in Persian (``"تاریخ تولد"``; the English phrase when not given)."""
        return self.finding(_UNKNOWN, _FACT_UNKNOWN, fact=fact, fact_fa=fact_fa, **details)

    def all_parameters(self) -> tuple[Parameter[Any], ...]:
        """This rule's parameters and those of the rules it combines, without repeats."""
        seen: dict[str, Parameter[Any]] = {}
        for parameter in self.parameters:
            seen.setdefault(parameter.code, parameter)
        for rule in self.rules:
            for parameter in rule.all_parameters():
                seen.setdefault(parameter.code, parameter)
        return tuple(seen.values())


def _check_all(case: Case, rule: Rule) -> Finding:
    # One pass over the parts: failed if any failed; its eligible_from is the latest of the
    # failed parts' dates when every failed part has one and no part is unknown.
    findings = tuple([part.check(case, part) for part in rule.rules])
    failed = unknown = undated = False
    latest: datetime.date | None = None
    for finding in findings:
        outcome = finding.outcome
        if outcome is _FAILED:
            failed = True
            day = finding.eligible_from
            if day is None:
                undated = True
            elif latest is None or day > latest:
                latest = day
        elif outcome is _UNKNOWN:
            unknown = True
    if failed:
        return rule.failed(
            _ALL_FAILED,
            branches=findings,
            eligible_from=None if unknown or undated else latest,
        )
    if unknown:
        return rule.finding(_UNKNOWN, _ALL_UNKNOWN, branches=findings)
    return rule.passed(_ALL_PASSED, branches=findings)


# The label of each rule that held in an any_of, built once: (rule, label) by id(rule); the
# entry holds the rule, so its id cannot be reused while the entry lives.
_LABELS: dict[int, tuple[Rule, Label]] = {}


def _label(part: Rule) -> Label:
    cached = _LABELS.get(id(part))
    if cached is not None and cached[0] is part:
        return cached[1]
    if len(_LABELS) >= 4096:  # rules made on the fly: keep the memo small
        _LABELS.clear()
    label = Label(code=part.code, label_en=part.title_en, label_fa=part.title_fa)
    _LABELS[id(part)] = (part, label)
    return label


def _check_any(case: Case, rule: Rule) -> Finding:
    findings = tuple([part.check(case, part) for part in rule.rules])
    unknown = False
    for part, finding in zip(rule.rules, findings, strict=True):
        outcome = finding.outcome
        if outcome is _PASSED:
            return rule.passed(
                _ANY_PASSED, branches=findings, held=part.code, observed=_label(part)
            )
        if outcome is _UNKNOWN:
            unknown = True
    if unknown:
        return rule.finding(_UNKNOWN, _ANY_UNKNOWN, branches=findings)
    earliest: datetime.date | None = None
    for finding in findings:
        day = finding.eligible_from
        if day is not None and (earliest is None or day < earliest):
            earliest = day
    return rule.failed(_ANY_FAILED, branches=findings, eligible_from=earliest)


def all_of(code: str, *rules: Rule, title_en: str, title_fa: str, source: Source) -> Rule:
    """A rule that holds when every one of ``rules`` holds.

    Failed if any part failed; otherwise unknown if any part is unknown. Its
    ``eligible_from`` is the latest of the failed parts' dates, when every failed part has
    one and nothing is unknown.

    >>> from maskan.eligibility.programs import cooperative_membership as law
    >>> from maskan.models._coop_examples import example_person
    >>> both = all_of("demo.both", law.NATIONALITY, law.LEGAL_CAPACITY, title_en="both",
    ...               title_fa="هر دو", source=law.LAW_SOURCE)
    >>> both(Case(person=example_person("1122334451"), on=datetime.date(2025, 11, 25))).outcome
    <Outcome.PASSED: 'passed'>
    """
    return Rule(
        code=code,
        title_en=title_en,
        title_fa=title_fa,
        source=source,
        check=_check_all,
        rules=rules,
    )


def any_of(code: str, *rules: Rule, title_en: str, title_fa: str, source: Source) -> Rule:
    """A rule that holds when at least one of ``rules`` holds, and says which (``held``).

    Unknown when none holds and some part is unknown. Its ``eligible_from`` is the
    earliest date any part would pass.

    >>> from maskan.eligibility.programs import cooperative_membership as law
    >>> from maskan.models._coop_examples import example_person
    >>> either = any_of("demo.either", law.NATIONALITY, law.LEGAL_CAPACITY, title_en="either",
    ...                 title_fa="یکی", source=law.LAW_SOURCE)
    >>> either(Case(person=example_person("1122334451"), on=datetime.date(2025, 11, 25))).held
    'cooperative_membership.nationality'
    """
    return Rule(
        code=code,
        title_en=title_en,
        title_fa=title_fa,
        source=source,
        check=_check_any,
        rules=rules,
    )
