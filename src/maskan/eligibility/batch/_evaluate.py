"""Running a program over a roster in columns: each rule's twin on chunks of rows, the
leaves folded as the program's rules combine them, the rows no twin decides sent through
the per-person path.

Part of :mod:`maskan.eligibility.batch`, which re-exports the public names here.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from maskan.calendar import as_date
from maskan.eligibility import rules as _rules
from maskan.eligibility.batch._arrays import _UNIX, Array
from maskan.eligibility.batch._frame import _DEFER, FAILED, PASSED, UNKNOWN, Frame, Leaf, _set
from maskan.eligibility.batch._people import _person
from maskan.eligibility.batch._read import _Source, _Table
from maskan.eligibility.batch._schema import FACTS, _program_leaves, _reads
from maskan.eligibility.batch._screening import VERDICTS, Screening
from maskan.eligibility.rules import Finding, Outcome, Rule
from maskan.errors import RuleError

if TYPE_CHECKING:
    from maskan.eligibility.program import Program

_MAX_STEPS = 8  # as Program: how many times eligible_from is re-checked
_CHUNK = 1 << 18  # rows evaluated together: large enough for numpy, small enough for memory


@attrs.frozen
class _Node:
    outcome: Array
    eligible_from: Array
    bits: Array


class _Layout:
    """The failed-reason bits of a program: one per (rule, reason), leaves in rule order."""

    def __init__(self, program: Program) -> None:
        self.bits: list[tuple[str, str]] = []
        self.position: dict[str, int] = {}
        for leaf in _program_leaves(program):
            self.position.setdefault(leaf.code, len(self.position))
            if leaf.columns is not None:
                for reason in leaf.columns.failures:
                    self.add(leaf.code, reason)

    def add(self, rule: str, reason: str) -> int:
        key = (rule, reason)
        if key in self.bits:
            return self.bits.index(key)
        if len(self.bits) == 64:
            raise RuleError(
                f"{rule}: more than 64 failure reasons; the bitmask holds 64",
                message_fa=f"{rule}: بیش از ۶۴ دلیل رد؛ نگاشت بیتی ۶۴ جا دارد",
                code="too_many_reasons",
                field="rules",
                value=reason,
            )
        self.bits.append(key)
        return len(self.bits) - 1

    def table(self, leaf: Rule) -> Array:
        assert leaf.columns is not None
        return np.array(
            [
                np.uint64(1) << np.uint64(self.add(leaf.code, reason))
                for reason in leaf.columns.failures
            ]
            + [np.uint64(0)],
            np.uint64,
        )


def _run(rule: Rule, frame: Frame, layout: _Layout) -> _Node:
    # Parts are folded in one at a time, so that one leaf's arrays are alive at a time.
    if rule.rules:
        if rule.check is _rules._check_all:
            return _all(_run(part, frame, layout) for part in rule.rules)  # one at a time
        if rule.check is _rules._check_any:
            return _any(_run(part, frame, layout) for part in rule.rules)
        return _deferred(frame.size)
    assert rule.columns is not None
    assert rule.columns.check is not None
    leaf: Leaf = rule.columns.check(frame, rule)
    # A Decide sets a reason and a date only on failed rows; -1 picks the table's last 0.
    # (Indexing, not ndarray.take: take is several times slower for uint64.)
    bits = layout.table(rule)[leaf.reason]
    return _Node(outcome=leaf.outcome, eligible_from=leaf.eligible_from, bits=bits)


def _deferred(size: int) -> _Node:
    return _Node(
        outcome=np.full(size, _DEFER, np.int8),
        eligible_from=np.zeros(size, np.int32),
        bits=np.zeros(size, np.uint64),
    )


def _all(parts: Iterator[_Node]) -> _Node:
    first = next(parts)
    failed = first.outcome == FAILED
    unknown = first.outcome == UNKNOWN
    deferred = first.outcome == _DEFER
    dateless = failed & (first.eligible_from == 0)
    latest, bits = first.eligible_from.copy(), first.bits
    for part in parts:
        is_failed = part.outcome == FAILED
        failed |= is_failed
        unknown |= part.outcome == UNKNOWN
        deferred |= part.outcome == _DEFER
        dateless |= is_failed & (part.eligible_from == 0)
        np.maximum(latest, part.eligible_from, out=latest)  # 0 on rows that did not fail
        bits |= part.bits
    outcome = np.full(len(failed), PASSED, np.int8)
    _set(outcome, unknown, UNKNOWN)
    _set(outcome, failed, FAILED)
    _set(outcome, deferred, _DEFER)
    latest *= failed & ~unknown & ~dateless  # 0 elsewhere
    return _Node(outcome=outcome, eligible_from=latest, bits=bits)


def _any(parts: Iterator[_Node]) -> _Node:
    first = next(parts)
    passed = first.outcome == PASSED
    unknown = first.outcome == UNKNOWN
    deferred = first.outcome == _DEFER
    earliest, bits = first.eligible_from.copy(), first.bits
    for part in parts:
        day = part.eligible_from
        passed |= part.outcome == PASSED
        unknown |= part.outcome == UNKNOWN
        deferred |= part.outcome == _DEFER
        _set(earliest, (day > 0) & ((earliest == 0) | (day < earliest)), day)
        bits |= part.bits
    outcome = np.full(len(passed), FAILED, np.int8)
    _set(outcome, unknown, UNKNOWN)
    _set(outcome, passed, PASSED)
    _set(outcome, deferred, _DEFER)
    failed = outcome == FAILED
    earliest *= failed  # 0 elsewhere
    bits *= failed
    return _Node(outcome=outcome, eligible_from=earliest, bits=bits)


def _verdict(nodes: list[_Node]) -> tuple[Array, Array]:
    """Verdict codes (as :data:`VERDICTS`) and the rows left to the per-person path."""
    size = len(nodes[0].outcome) if nodes else 0
    failed = np.zeros(size, bool)
    unknown = failed.copy()
    deferred = failed.copy()
    for node in nodes:
        failed |= node.outcome == FAILED
        unknown |= node.outcome == UNKNOWN
        deferred |= node.outcome == _DEFER
    verdict = np.ones(size, np.int8)
    _set(verdict, unknown, 2)
    _set(verdict, failed, 0)
    return verdict, deferred


def _columns_ready(program: Program) -> bool:
    return all(
        leaf.columns is not None and leaf.columns.check is not None
        for leaf in _program_leaves(program)
    ) and all(_combinable(rule) for rule in program.rules)


def _combinable(rule: Rule) -> bool:
    if not rule.rules:
        return True
    known = rule.check is _rules._check_all or rule.check is _rules._check_any
    return known and all(_combinable(part) for part in rule.rules)


def _in_columns(
    program: Program, frame: Frame, layout: _Layout
) -> tuple[Array, Array, Array, Array]:
    """Verdict codes, failed bits, eligible_from ordinals and deferred rows of a frame."""
    bits = np.zeros(frame.size, np.uint64)
    nodes = []
    for rule in program.rules:
        node = _run(rule, frame, layout)
        bits |= node.bits
        nodes.append(attrs.evolve(node, bits=bits[:0]))  # the bits are folded in already
    verdict, deferred = _verdict(nodes)
    eligible = np.where(verdict == 1, frame.on, 0).astype(np.int32)
    # eligible_from for the ineligible: move to the latest date a failed rule names and
    # decide again there, as Program does person by person.
    current_nodes, current_verdict = nodes, verdict
    rows = np.arange(frame.size)
    current = frame
    for _ in range(_MAX_STEPS):
        waiting = (current_verdict == 0) & ~deferred[rows]
        if not waiting.any():
            break
        dateless = np.zeros(len(rows), bool)
        later = np.zeros(len(rows), np.int32)
        for node in current_nodes:
            is_failed = node.outcome == FAILED
            dateless |= is_failed & (node.eligible_from == 0)
            np.maximum(later, np.where(is_failed, node.eligible_from, 0), out=later)
        waiting &= ~dateless & (later > current.on)
        if not waiting.any():
            break
        picked = np.flatnonzero(waiting)
        rows = rows[picked]
        current = current.subset(picked, later[picked])
        current_nodes = [
            attrs.evolve(_run(rule, current, layout), bits=bits[:0]) for rule in program.rules
        ]
        current_verdict, again = _verdict(current_nodes)
        deferred[rows[again]] = True
        now_eligible = current_verdict == 1
        eligible[rows[now_eligible]] = current.on[now_eligible]
    return verdict, bits, eligible, deferred


def evaluate_columns(
    program: Program, data: Any, *, on: datetime.date | str, **context: Any
) -> Screening:
    """Evaluate ``program`` for every row of ``data`` on the date ``on``; see
    :meth:`Program.evaluate_columns <maskan.eligibility.Program.evaluate_columns>`.

    >>> from maskan.eligibility.programs import get
    >>> columns = {"marital_status": np.array(["single", None], dtype=object),
    ...            "property_count": np.array([0, 0]), "benefit_count": np.array([0, 0]),
    ...            "form_j": np.array([None, "red"], dtype=object),
    ...            "spouse_property_count": np.array([0, 0]),
    ...            "spouse_benefit_count": np.array([0, 0]),
    ...            "spouse_form_j": np.array([None, None], dtype=object)}
    >>> program = get("without_housing").with_values(five_year_lookback="in_force")
    >>> screening = evaluate_columns(program, columns, on="1404/09/04")
    >>> [verdict.value for verdict in screening.verdicts()], screening.reasons(1)
    (['eligible', 'ineligible'], ('without_housing.form_j_red',))
    """
    program._check_ready()
    if program.context is not None and not context.keys() <= set(program.context):
        program._unknown_context(context)
    day = as_date(on, "on")
    source = _Source(data)
    reads = _reads(program)
    layout = _Layout(program)
    size = source.size
    verdict = np.zeros(size, np.int8)
    bits = np.zeros(size, np.uint64)
    eligible = np.zeros(size, np.int32)
    deferred = np.ones(size, bool)
    in_columns = _columns_ready(program)
    # In chunks of rows: the working arrays of a chunk, not of the whole roster, are alive.
    for start in range(0, max(size, 1), _CHUNK):
        table = _Table(source, start, min(start + _CHUNK, size))
        table.check(reads if reads is not None else FACTS, required=reads is not None)
        rows = slice(start, table.stop)
        if table.size and in_columns:
            on_rows = np.full(table.size, day.toordinal(), np.int32)
            frame = Frame(table, on_rows, None, program.values, context)
            found = _in_columns(program, frame, layout)
            verdict[rows], bits[rows], eligible[rows], deferred[rows] = found
        for row in np.flatnonzero(deferred[rows]).tolist():
            decision = program.evaluate(_person(table, row), on=day, **context)
            verdict[start + row] = VERDICTS.index(decision.verdict)
            mask = 0
            for finding in decision.findings:
                for leaf in _failed_leaves(finding):
                    mask |= 1 << layout.add(leaf.rule, leaf.reason)
            bits[start + row] = mask
            when = decision.eligible_from
            eligible[start + row] = 0 if when is None else when.toordinal()
    dates = np.where(eligible > 0, eligible.astype(np.int64) - _UNIX, np.iinfo(np.int64).min)
    return Screening(
        program=program.code,
        version=program.version,
        on=day,
        verdict=verdict,
        failed=bits,
        eligible_from=dates.astype("datetime64[D]"),
        per_person=deferred,
        bits=tuple(layout.bits),
        order=tuple(layout.position.get(rule, len(layout.position)) for rule, _ in layout.bits),
        index=source.index,
    )


def _failed_leaves(finding: Finding) -> Iterable[Finding]:
    if finding.outcome is not Outcome.FAILED:
        return
    if not finding.branches:
        yield finding
        return
    for branch in finding.branches:
        yield from _failed_leaves(branch)
