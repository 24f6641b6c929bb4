"""Eligibility: dated parameters, rules with reasons, programs and explained decisions.

The engine answers "is this person eligible, and if not, why not — and from when?":

- :class:`Parameter` — a value history with dated legal boundaries and a source;
- :class:`Rule` — one condition, returning a :class:`Finding` (passed, failed or unknown)
  with a stable reason code and messages in Persian and English;
- :func:`all_of` / :func:`any_of` — combinations;
- :class:`Program` — a named, versioned rule set whose :meth:`~Program.evaluate` gives a
  :class:`Decision` with every finding, :meth:`~Decision.explain` and ``eligible_from``;
  :meth:`~Program.evaluate_columns` screens a whole roster held in columns
  (:mod:`maskan.eligibility.batch`, numpy).

>>> Verdict.UNDETERMINED.label_en
'undetermined: some facts are unknown'
"""

from __future__ import annotations

from maskan.eligibility.decision import Decision, Verdict
from maskan.eligibility.parameters import Confidence, Parameter, Resolved, Source
from maskan.eligibility.program import Program
from maskan.eligibility.reasons import REASONS, Reason, register
from maskan.eligibility.rules import Case, Finding, InColumns, Outcome, Rule, all_of, any_of

__all__ = [
    "REASONS",
    "Case",
    "Confidence",
    "Decision",
    "Finding",
    "InColumns",
    "Outcome",
    "Parameter",
    "Program",
    "Reason",
    "Resolved",
    "Rule",
    "Source",
    "Verdict",
    "all_of",
    "any_of",
    "register",
]
