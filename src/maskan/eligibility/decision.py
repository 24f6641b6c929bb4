"""Decisions: a program's answer for one person on one date, with every finding.

>>> from maskan.eligibility.decision import Verdict
>>> Verdict.ELIGIBLE.label_fa
'واجد شرایط'
"""

from __future__ import annotations

import datetime
import enum

import attrs

from maskan.eligibility.parameters import Source
from maskan.eligibility.reasons import show
from maskan.eligibility.rules import Finding, Outcome

__all__ = ["Decision", "Verdict"]

_LABELS = {
    "eligible": ("eligible", "واجد شرایط"),
    "ineligible": ("not eligible", "فاقد شرایط"),
    "undetermined": ("undetermined: some facts are unknown", "نامعلوم: برخی اطلاعات در دست نیست"),
}


class Verdict(enum.StrEnum):
    """A program's answer.

    >>> Verdict("ineligible").label_en, Verdict.INELIGIBLE.label_fa
    ('not eligible', 'فاقد شرایط')
    """

    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDETERMINED = "undetermined"
    """No condition failed, but at least one could not be checked for want of a fact."""

    @property
    def label_en(self) -> str:
        """The answer in English words."""
        return _LABELS[self.value][0]

    @property
    def label_fa(self) -> str:
        """The answer in Persian words."""
        return _LABELS[self.value][1]


@attrs.frozen(kw_only=True)
class Decision:
    """The result of evaluating a program for one person on one date.

    Attributes:
        program: the program's code.
        version: the program's version.
        title_en: the program's name in English.
        title_fa: the program's name in Persian.
        on: the evaluation date.
        verdict: eligible, ineligible or undetermined.
        findings: one finding per top-level rule of the program, in order.
        eligible_from: the earliest date the person would qualify if nothing else
            changed — ``on`` itself when eligible, a later date when only time stands in
            the way (age, years of residence, months of insurance, an ownership look-back
            window), ``None`` when time alone cannot help or facts are missing.

    >>> from maskan.eligibility.programs.cooperative_membership import PROGRAM
    >>> from maskan.models._coop_examples import example_cooperative, example_person
    >>> decision = PROGRAM.evaluate(example_person("1122334451"), on="1404/09/04",
    ...                             cooperative=example_cooperative(), shares=8)
    >>> decision.verdict, decision.eligible, decision.failed_codes
    (<Verdict.INELIGIBLE: 'ineligible'>, False, ('cooperative_membership.below_minimum_shares',))
    """

    program: str
    version: str
    title_en: str
    title_fa: str
    on: datetime.date
    verdict: Verdict
    findings: tuple[Finding, ...]
    eligible_from: datetime.date | None

    def _repr_html_(self) -> str:
        """Right-to-left HTML for notebooks; see :func:`maskan.display.html`."""
        from maskan.display import html  # display sits above the models

        return html(self)

    @property
    def eligible(self) -> bool:
        """Whether the verdict is eligible."""
        return self.verdict is Verdict.ELIGIBLE

    @property
    def failed_codes(self) -> tuple[str, ...]:
        """The reason codes of every failed simple condition, in rule order.

        Alternatives that did not hold inside a passed ``any_of`` are not failures.
        """
        return tuple(leaf.reason for finding in self.findings for leaf in _failed_leaves(finding))

    @property
    def unknown_facts(self) -> tuple[str, ...]:
        """The facts that were missing, each once, in rule order."""
        facts = (
            leaf.fact for finding in self.findings for leaf in _unknown_leaves(finding) if leaf.fact
        )
        return tuple(dict.fromkeys(facts))

    def explain(self, lang: str = "fa", *, sources: bool = False) -> str:
        """The decision and each finding in words, in Persian (``"fa"``) or English (``"en"``).

        With ``sources=True`` a closing section names the legal source of each rule that
        decided, with its article, date and the DOMAIN.md section that records it.

        >>> from maskan.eligibility.programs import get
        >>> from maskan.models import Person
        >>> family = Person(national_id="0499370899", first_name="زهرا", last_name="رضایی",
        ...                 children_birth_dates=["1394/03/01", "1397/06/10", "1401/02/15"])
        >>> text = get("family_land").evaluate(family, on="1404/09/04").explain("en", sources=True)
        >>> print(text.split("Sources:")[1].strip().splitlines()[0])  # doctest: +ELLIPSIS
        - ... (DOMAIN.md §4.5...)
        """
        mark = {Outcome.PASSED: "✓", Outcome.FAILED: "✗", Outcome.UNKNOWN: "?"}
        heading = self.verdict.label_fa if lang == "fa" else self.verdict.label_en
        if lang == "fa":
            lines = [f"{self.title_fa} ({show(self.on, lang)}): {heading}"]
        else:
            lines = [f"{self.title_en} on {show(self.on, lang)}: {heading}"]
        if self.eligible_from is not None and self.eligible_from != self.on:
            when = show(self.eligible_from, lang)
            lines.append(f"از {when} واجد شرایط می‌شود" if lang == "fa" else f"eligible from {when}")
        for finding in self.findings:
            lines.extend(_explain(finding, lang, mark, depth=1))
        if sources:
            lines.append("منابع:" if lang == "fa" else "Sources:")
            lines.extend(f"- {_cite(source, lang)}" for source in self._sources())
        return "\n".join(lines)

    def _sources(self) -> list[Source]:
        # the sources of the rules that decided: every rule of a failed or unknown branch,
        # and for a passed alternative only the branch that held
        found: dict[tuple[str, str], Source] = {}
        for finding in self.findings:
            for leaf in _deciding(finding):
                found.setdefault((leaf.source.title_en, leaf.source.reference), leaf.source)
        return list(found.values())


def _deciding(finding: Finding) -> tuple[Finding, ...]:
    if not finding.branches:
        return (finding,)
    if finding.outcome is Outcome.PASSED and finding.held is not None:
        held = [branch for branch in finding.branches if branch.rule == finding.held]
        return tuple(leaf for branch in held for leaf in _deciding(branch))
    return tuple(leaf for branch in finding.branches for leaf in _deciding(branch))


def _cite(source: Source, lang: str) -> str:
    # titles already name the article; the date is the law's own, as the source writes it
    title = source.title_fa if lang == "fa" else source.title_en
    comma = "، " if lang == "fa" else ", "
    head = f"{title}{comma}{source.date}" if source.date else title
    return f"{head} ({source.reference}; {source.confidence.value})"


def _failed_leaves(finding: Finding) -> tuple[Finding, ...]:
    # a passed any_of's failed alternatives are not failures of the decision
    if finding.outcome is not Outcome.FAILED:
        return ()
    if not finding.branches:
        return (finding,)
    return tuple(leaf for branch in finding.branches for leaf in _failed_leaves(branch))


def _unknown_leaves(finding: Finding) -> tuple[Finding, ...]:
    # facts a passed rule did not need (the other alternatives of an any_of) are not missing
    if finding.outcome is Outcome.PASSED:
        return ()
    if not finding.branches:
        return (finding,) if finding.outcome is Outcome.UNKNOWN else ()
    return tuple(leaf for branch in finding.branches for leaf in _unknown_leaves(branch))


def _explain(finding: Finding, lang: str, mark: dict[Outcome, str], depth: int) -> list[str]:
    title = finding.title_fa if lang == "fa" else finding.title_en
    line = f"{'  ' * depth}{mark[finding.outcome]} {title}: {finding.message(lang)}"
    lines = [line]
    for branch in finding.branches:
        lines.extend(_explain(branch, lang, mark, depth + 1))
    return lines
