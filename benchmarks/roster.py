"""``maskan check`` on a large generated roster: rows per second and peak memory.

Run by hand::

    python benchmarks/roster.py [rows] [--seed N] [--format csv|json] [--keep]

``rows`` defaults to 1,000,000. The roster is written to a temporary file by
``maskan.samples.generate(rows, seed)`` — synthetic applicants to the National Housing
Movement in Isfahan, with the sample's mix of outcomes — in the CSV columns of
``maskan.cli.roster`` (or as JSON Lines with ``--format json``). Then::

    python -m maskan check ROSTER --program national_housing_movement --on 1404/09/04
        --value five_year_lookback=in_force residence_easing=in_force
        --format csv --output /dev/null --no-progress

runs in a child process, timed by the wall clock; its peak resident set size is the
child's ``ru_maxrss`` from ``os.wait4``. The same command runs first on the roster's first
tenth, so that the two peaks show whether memory grows with the number of rows (a
streamed check holds one row at a time: the peaks should be about equal). Writing the
roster is timed too, but is not part of the check. Linux and macOS only (``os.wait4``).
"""

from __future__ import annotations

import argparse
import itertools
import os
import subprocess
import sys
import tempfile
import time

from maskan import samples
from maskan.cli.roster import write_roster

COMMAND = [
    "--program",
    "national_housing_movement",
    "--on",
    "1404/09/04",
    "--value",
    "five_year_lookback=in_force",
    "residence_easing=in_force",
    "--format",
    "csv",
    "--output",
    os.devnull,
    "--no-progress",
    "--lang",
    "en",
]


def _write(path: str, rows: int, seed: int, format: str) -> float:
    started = time.perf_counter()
    with open(path, "w", encoding="utf-8", newline="") as file:
        people = samples.generate(rows, seed=seed)
        write_roster(people, file, format=format, context={"city": samples.CITY})  # type: ignore[arg-type]
    return time.perf_counter() - started


def _head(source: str, target: str, rows: int, format: str) -> None:
    """The first ``rows`` rows of a roster (and its header)."""
    with open(source, encoding="utf-8") as file, open(target, "w", encoding="utf-8") as out:
        out.writelines(itertools.islice(file, rows + (1 if format == "csv" else 0)))


def _check(path: str) -> tuple[float, float, int, str]:
    """Run ``maskan check`` on ``path``: (seconds, peak MB, exit code, last stderr line)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "maskan", "check", path, *COMMAND],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert process.stderr is not None
    errors = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux, in bytes on macOS
    peak = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    lines = errors.strip().splitlines()
    return seconds, peak, process.returncode, lines[-1] if lines else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rows", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=samples.SEED)
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument("--keep", action="store_true", help="keep the roster file")
    args = parser.parse_args()

    folder = tempfile.mkdtemp(prefix="maskan-roster-")
    suffix = ".csv" if args.format == "csv" else ".jsonl"
    full = os.path.join(folder, "roster" + suffix)
    tenth = os.path.join(folder, "tenth" + suffix)
    print(f"writing {args.rows:,} rows to {full} …", file=sys.stderr)
    written = _write(full, args.rows, args.seed, args.format)
    size = os.path.getsize(full)
    _head(full, tenth, args.rows // 10, args.format)
    print(
        f"written in {written:.1f} s ({args.rows / written:,.0f} rows/s), {size / 1e6:,.1f} MB",
        file=sys.stderr,
    )

    print("| rows | file MB | seconds | rows/s | peak MB | summary |")
    print("|---:|---:|---:|---:|---:|---|")
    try:
        for path, rows in ((tenth, args.rows // 10), (full, args.rows)):
            seconds, peak, code, summary = _check(path)
            if code not in (0, 1):
                raise SystemExit(f"maskan check failed with exit code {code}: {summary}")
            print(
                f"| {rows:,} | {os.path.getsize(path) / 1e6:,.1f} | {seconds:.1f} | "
                f"{rows / seconds:,.0f} | {peak:.0f} | {summary} |",
                flush=True,
            )
    finally:
        if not args.keep:
            for path in (full, tenth):
                os.remove(path)
            os.rmdir(folder)


if __name__ == "__main__":
    main()
