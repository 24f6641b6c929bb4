"""Programs: a named, versioned set of rules that answers "is this person eligible?".

>>> import datetime
>>> from maskan.eligibility.parameters import Source
>>> from maskan.eligibility.reasons import register
>>> from maskan.eligibility.rules import Case, Finding, Rule
>>> YES = register("demo.adult", en="{observed} is at least 18", fa="{observed} دست‌کم ۱۸ است")
>>> NO = register("demo.minor", en="{observed} is under 18", fa="{observed} کمتر از ۱۸ است")
>>> source = Source(title_en="demo", title_fa="نمونه", reference="DOMAIN.md §4", confidence="U")
>>> def adult(case: Case, rule: Rule) -> Finding:
...     age = case.context["age"]
...     return rule.passed(YES, observed=age) if age >= 18 else rule.failed(NO, observed=age)
>>> program = Program(code="demo", version="1", title_en="Demo", title_fa="نمونه",
...                   rules=(Rule(code="demo.age", title_en="age", title_fa="سن",
...                               source=source, check=adult),))
>>> decision = program.evaluate(None, on=datetime.date(2025, 11, 25), age=17)
>>> decision.verdict, decision.failed_codes
(<Verdict.INELIGIBLE: 'ineligible'>, ('demo.minor',))
>>> print(decision.explain("en"))
Demo on 2025-11-25 (1404/09/04): not eligible
  ✗ age: 17 is under 18
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from maskan.calendar import as_date
from maskan.eligibility.decision import Decision, Verdict
from maskan.eligibility.parameters import Parameter
from maskan.eligibility.rules import Case, Finding, Outcome, Rule
from maskan.errors import RuleError, describe

if TYPE_CHECKING:
    from maskan.eligibility.batch import Screening

__all__ = ["Program"]

# How many times eligible_from is re-checked: each step moves to the latest date a failed
# rule named; a rule that starts failing later (an age ceiling) ends the search.
_MAX_STEPS = 8


_FAILED, _UNKNOWN = Outcome.FAILED, Outcome.UNKNOWN
_ELIGIBLE, _INELIGIBLE, _UNDETERMINED = Verdict.ELIGIBLE, Verdict.INELIGIBLE, Verdict.UNDETERMINED


def _verdict(findings: tuple[Finding, ...]) -> Verdict:
    verdict = _ELIGIBLE
    for finding in findings:
        outcome = finding.outcome
        if outcome is _FAILED:
            return _INELIGIBLE
        if outcome is _UNKNOWN:
            verdict = _UNDETERMINED
    return verdict


@attrs.frozen(kw_only=True)
class Program:
    """A named, versioned set of rules with the parameter values its caller supplied.

    Attributes:
        code: a stable code, e.g. ``"national_housing_movement"``.
        version: the program's version; change it whenever a rule changes.
        title_en: the program's name in English.
        title_fa: the program's name in Persian.
        rules: the top-level rules; a person is eligible when all of them pass.
        values: parameter values supplied by the caller, by parameter code (see
            :meth:`with_values`).
        context: the names of the context entries the rules read (``city``,
            ``cooperative`` …); :meth:`evaluate` refuses any other name, so a misspelt one
            fails loudly instead of leaving every decision undetermined. ``None`` accepts
            any name.

    >>> from maskan.eligibility.programs.cooperative_membership import PROGRAM
    >>> from maskan.models._coop_examples import example_cooperative, example_person
    >>> PROGRAM.code, PROGRAM.context
    ('cooperative_membership', ('cooperative', 'registry', 'shares'))
    >>> PROGRAM.evaluate(example_person("1122334451"), on="1404/09/04",
    ...                  cooperative=example_cooperative(), shares=12).unknown_facts
    ('memberships in other cooperatives (registry)',)
    """

    code: str
    version: str
    title_en: str
    title_fa: str
    rules: tuple[Rule, ...]
    values: Mapping[str, object] = attrs.field(factory=dict)
    context: tuple[str, ...] | None = None
    # Derived once: evaluate() runs millions of times and must not walk the rule tree.
    _parameters: tuple[Parameter[Any], ...] = attrs.field(init=False, eq=False, repr=False)
    _missing: tuple[str, ...] = attrs.field(init=False, eq=False, repr=False)
    _accepted: frozenset[str] | None = attrs.field(init=False, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        seen: dict[str, Parameter[Any]] = {}
        for rule in self.rules:
            for parameter in rule.all_parameters():
                if seen.setdefault(parameter.code, parameter) != parameter:
                    raise RuleError(
                        f"parameters: two different parameters of {self.code} share the code "
                        f"{parameter.code!r}; give yours another code",
                        message_fa=f"parameters: دو پارامتر متفاوت در {self.code} کد "
                        f"{parameter.code!r} دارند",
                        code="duplicate_parameter",
                        field="parameters",
                        value=parameter.code,
                    )
        object.__setattr__(self, "_parameters", tuple(seen.values()))
        missing = tuple(
            parameter.code
            for parameter in self._parameters
            if parameter.caller_set and parameter.code not in self.values
        )
        object.__setattr__(self, "_missing", missing)
        accepted = None if self.context is None else frozenset(self.context)
        object.__setattr__(self, "_accepted", accepted)

    @property
    def parameters(self) -> tuple[Parameter[Any], ...]:
        """Every parameter the program's rules use, without repeats."""
        return self._parameters

    def with_values(self, **values: object) -> Program:
        """A copy of the program with parameter values supplied (by parameter code).

        Values the law leaves open must be supplied before :meth:`evaluate`; a value for a
        parameter the law sets overrides it (the finding then says it was supplied). Dates
        may be given as text (``"1401-01-01"``, Jalali or ISO), as case files do. A value
        the rules could not use (text for a number of years, a negative count, a plain
        ``int`` for an amount of rials) raises :class:`~maskan.errors.RuleError` here, not
        in :meth:`evaluate` (see :meth:`Parameter.supplied`).

        >>> from maskan.eligibility.programs import workers_housing_cooperative
        >>> program = workers_housing_cooperative.PROGRAM
        >>> program.missing_values()
        ('minimum_insurance_months',)
        >>> program.with_values(minimum_insurance_months=24).missing_values()
        ()
        >>> program.with_values(minimum_insurance_months="24")
        Traceback (most recent call last):
        ...
        maskan.errors.RuleError: minimum_insurance_months: '24' is not a whole number of \
months (an int)
        """
        known = {parameter.code for parameter in self.parameters}
        unknown = sorted(set(values) - known)
        if unknown:
            raise RuleError(
                f"values: {describe(unknown)} are not parameters of {self.code}; "
                f"its parameters are {sorted(known)}",
                message_fa=f"values: {describe(unknown)} پارامتر برنامه‌ی {self.code} نیستند",
                code="unknown_parameter",
                field="values",
                value=unknown,
            )
        parameters = {parameter.code: parameter for parameter in self.parameters}
        converted = {code: parameters[code].supplied(value) for code, value in values.items()}
        return attrs.evolve(self, values={**self.values, **converted})

    def missing_values(self) -> tuple[str, ...]:
        """The codes of parameters the law leaves open and the caller has not supplied."""
        return self._missing

    def _findings(
        self, person: object, on: datetime.date, context: Mapping[str, Any]
    ) -> tuple[Finding, ...]:
        case = Case(person=person, on=on, values=self.values, context=context)
        return tuple([rule.check(case, rule) for rule in self.rules])

    def _decide(self, person: object, day: datetime.date, context: Mapping[str, Any]) -> Decision:
        # evaluate() once its arguments are checked: evaluate_many() checks them only once
        findings = self._findings(person, day, context)
        verdict = _verdict(findings)
        return Decision(
            program=self.code,
            version=self.version,
            title_en=self.title_en,
            title_fa=self.title_fa,
            on=day,
            verdict=verdict,
            findings=findings,
            eligible_from=day
            if verdict is _ELIGIBLE
            else self._eligible_from(person, day, findings, verdict, context),
        )

    def _check_arguments(self, context: Mapping[str, Any]) -> None:
        self._check_ready()
        accepted = self._accepted
        if accepted is not None and not context.keys() <= accepted:
            self._unknown_context(context)

    def evaluate(self, person: object, *, on: datetime.date | str, **context: Any) -> Decision:
        """Evaluate every rule for ``person`` on the date ``on`` and decide.

        ``context`` passes what rules need beyond the person (a cooperative, the registry,
        the city applied for …), by the names each program documents.
        """
        self._check_arguments(context)
        return self._decide(person, as_date(on, "on"), context)

    def evaluate_many(
        self, people: Iterable[object], *, on: datetime.date | str, **context: Any
    ) -> list[Decision]:
        """:meth:`evaluate` for each person, in order, on the same date."""
        day = as_date(on, "on")
        decisions: list[Decision] = []
        for person in people:
            if not decisions:  # as evaluate() would, only once there is someone to decide
                self._check_arguments(context)
            decisions.append(self._decide(person, day, context))
        return decisions

    def evaluate_columns(self, data: Any, *, on: datetime.date | str, **context: Any) -> Screening:
        """Evaluate every row of a roster held in columns, with the same answers as
        :meth:`evaluate`; see :mod:`maskan.eligibility.batch`.

        ``data`` is a pandas ``DataFrame``, a pyarrow ``Table`` or a mapping of column names
        to arrays, with the columns of :data:`maskan.eligibility.batch.FACTS`. Returns a
        :class:`~maskan.eligibility.batch.Screening`: per row the verdict, a bitmask of
        failed reasons and ``eligible_from``. Needs numpy (the ``columnar`` extra); raises
        :class:`~maskan.errors.RosterError` naming the column and row of bad input.

        >>> from maskan.eligibility.programs import get
        >>> program = get("without_housing").with_values(five_year_lookback="in_force")
        >>> screening = program.evaluate_columns(
        ...     {"marital_status": ["single"], "property_count": [0], "benefit_count": [0],
        ...      "form_j": ["green"], "spouse_property_count": [0],
        ...      "spouse_benefit_count": [0], "spouse_form_j": [None]}, on="1404/09/04")
        >>> screening.verdicts()[0].value
        'eligible'
        """
        try:
            from maskan.eligibility import batch
        except ModuleNotFoundError as error:
            if error.name != "numpy":
                raise
            raise RuleError(
                'evaluate_columns: numpy is not installed; pip install "maskan[columnar]"',
                message_fa="evaluate_columns: numpy نصب نیست؛ maskan[columnar] را نصب کنید",
                code="missing_dependency",
                field="numpy",
            ) from None
        return batch.evaluate_columns(self, data, on=on, **context)

    def _eligible_from(
        self,
        person: object,
        on: datetime.date,
        findings: tuple[Finding, ...],
        verdict: Verdict,
        context: Mapping[str, Any],
    ) -> datetime.date | None:
        if verdict is Verdict.ELIGIBLE:
            return on
        for _ in range(_MAX_STEPS):
            if verdict is not Verdict.INELIGIBLE:
                return None
            failed = [finding for finding in findings if finding.outcome is Outcome.FAILED]
            dates = [finding.eligible_from for finding in failed]
            if any(day is None for day in dates):
                return None
            later = max(day for day in dates if day is not None)
            if later <= on:  # a rule that names today yet fails cannot be helped by waiting
                return None
            on = later
            findings = self._findings(person, on, context)
            verdict = _verdict(findings)
            if verdict is Verdict.ELIGIBLE:
                return on
        return None

    def _unknown_context(self, context: Mapping[str, Any]) -> None:
        unknown = sorted(set(context) - set(self.context or ()))
        accepted = ", ".join(self.context or ()) or "none"
        raise RuleError(
            f"context: {describe(unknown[0])} is not read by {self.code}; it reads {accepted}",
            message_fa=f"context: برنامه‌ی {self.code} مقدار {describe(unknown[0])} را نمی‌خواند؛ "
            f"مقدارهای پذیرفته: {accepted}",
            code="unknown_context",
            field="context",
            value=unknown,
        )

    def _check_ready(self) -> None:
        missing = self._missing
        if missing:
            raise RuleError(
                f"{missing[0]}: {self.code} needs a value the law leaves open; supply it with "
                f"program.with_values({', '.join(f'{code}=...' for code in missing)})",
                message_fa=f"{missing[0]}: برنامه‌ی {self.code} به مقداری نیاز دارد که قانون "
                "تعیین نکرده است؛ آن را با with_values بدهید",
                code="missing_parameter",
                field=missing[0],
                value=missing,
            )

    def describe(self) -> dict[str, Any]:
        """The program as plain data for user interfaces: rules, parameters with their
        full histories and sources.
        """
        return {
            "code": self.code,
            "version": self.version,
            "title_en": self.title_en,
            "title_fa": self.title_fa,
            "context": list(self.context) if self.context is not None else None,
            "rules": [_describe_rule(rule) for rule in self.rules],
            "parameters": [
                {
                    "code": parameter.code,
                    "label_en": parameter.label_en,
                    "label_fa": parameter.label_fa,
                    "unit": parameter.unit,
                    "caller_set": parameter.caller_set,
                    "supplied": self.values.get(parameter.code),
                    "history": [
                        {"from": boundary.isoformat(), "value": value}
                        for boundary, value in parameter.history
                    ],
                    "source": attrs.asdict(parameter.source),
                }
                for parameter in self.parameters
            ],
        }


def _describe_rule(rule: Rule) -> dict[str, Any]:
    return {
        "code": rule.code,
        "title_en": rule.title_en,
        "title_fa": rule.title_fa,
        "source": attrs.asdict(rule.source),
        "parameters": [parameter.code for parameter in rule.parameters],
        "rules": [_describe_rule(part) for part in rule.rules],
    }
