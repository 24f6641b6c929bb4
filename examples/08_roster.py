"""Who on this CSV list of applicants qualifies for the National Housing Movement?

A housing office receives its applicants as a spreadsheet exported to CSV, one row per
person, typed by hand: some cells empty, some rows wrong. The script reads the roster
``examples/data/applicants.csv`` (made-up people), reports every row it cannot read by its
line number instead of dropping it, screens the others, counts the verdicts and reasons,
and writes one result row per applicant to a new CSV the office can open in a
spreadsheet. ``maskan check`` does the same from a terminal.

Run it with ``python examples/08_roster.py`` or ``python examples/08_roster.py my.csv``;
the columns are listed in ``docs/guides/command-line.md``.
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

from maskan.calendar import jdate
from maskan.cli.roster import read_roster
from maskan.eligibility import Decision, Outcome
from maskan.eligibility.programs import get
from maskan.persian import format_date, format_number
from maskan.reports import screening

ROSTER = Path(__file__).parent / "data" / "applicants.csv"
ON = jdate(1404, 9, 4)
RESULT_COLUMNS = (
    "line",
    "national_id",
    "verdict",
    "failed",
    "ask_for",
    "eligible_from",
    "explanation_fa",
)


def result_row(line: int, national_id: str, decision: Decision) -> dict[str, str]:
    """What the office keeps for one applicant: stable codes, not prose, so it can count."""
    return {
        "line": str(line),
        "national_id": national_id,
        "verdict": decision.verdict.value,
        "failed": ";".join(decision.failed_codes),
        "ask_for": ";".join(decision.unknown_facts),
        "eligible_from": "" if decision.eligible_from is None else str(decision.eligible_from),
        "explanation_fa": decision.explain("fa"),
    }


def why_not(decision: Decision) -> list[str]:
    """Each condition that failed or could not be checked, in the words of its finding."""
    lines = []
    for finding in decision.findings:
        if finding.outcome is Outcome.PASSED:
            continue
        mark = "✗" if finding.outcome is Outcome.FAILED else "?"
        # A combined condition is explained by the simple conditions under it.
        parts = [leaf for leaf in finding.leaves() if leaf.outcome is finding.outcome]
        said = "؛ ".join(leaf.message("fa") for leaf in parts) or finding.message("fa")
        lines.append(f"    {mark} {finding.title_fa}: {said}")
    return lines


def main(path: Path) -> None:
    # The two values the law leaves to the office, as an office deciding today sets them.
    program = get("national_housing_movement").with_values(
        five_year_lookback="in_force", residence_easing="in_force"
    )
    decisions: list[Decision] = []
    results: list[dict[str, str]] = []
    bad = 0
    print(f"{program.title_fa}، {format_date(ON)} — {path.name}\n")
    # Rows are streamed one at a time, so the same loop screens a million-row roster.
    for row in read_roster(path):
        if row.person is None:
            # A bad row is reported with its line and the reason, in Persian, for whoever
            # typed it — and the rest of the file is still screened.
            bad += 1
            error = row.error
            reason = error.message_fa if error is not None else "?"
            print(f"سطر {format_number(row.line)}: خوانده نشد — {reason}")
            continue
        # Each row carries its own context: the city and province applied in.
        decision = program.evaluate(row.person, on=ON, **row.context)
        decisions.append(decision)
        results.append(result_row(row.line, row.person.national_id, decision))
        print(
            f"سطر {format_number(row.line)}: {row.person.full_name} — {decision.verdict.label_fa}"
        )
        for line in why_not(decision):
            print(line)

    print()
    print(screening(decisions).render("fa"))
    print()

    out = Path(tempfile.mkdtemp(prefix="maskan-roster-")) / f"{path.stem}-results.csv"
    # utf-8-sig: Excel opens a UTF-8 file with a byte-order mark with Persian intact.
    with out.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, RESULT_COLUMNS)
        writer.writeheader()
        writer.writerows(results)
    eligible = sum(decision.eligible for decision in decisions)
    print(
        f"{len(decisions)} applicants screened, {eligible} eligible; {bad} rows could not be"
        f" read. Results: {out}"
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROSTER)
