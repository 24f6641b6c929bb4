"""Shared timing helpers for the benchmark scripts: best-of-N timeit and a ratio table."""

from __future__ import annotations

import timeit
from collections.abc import Callable, Sequence

Case = tuple[str, Callable[[], object]]


def per_call_us(function: Callable[[], object], calls: int, repeat: int = 5) -> float:
    """Best-of-``repeat`` microseconds for one invocation of ``function`` doing ``calls`` calls."""
    timer = timeit.Timer(function)
    number, _ = timer.autorange()
    best = min(timer.repeat(repeat=repeat, number=number)) / number
    return best / calls * 1e6


def compare(title: str, calls: int, maskan: Case, peers: Sequence[Case]) -> list[str]:
    """Time maskan and its peers on one operation and return table rows (markdown)."""
    name, function = maskan
    ours = per_call_us(function, calls)
    rows = [f"| {title} | {name} | {ours:.3f} | 1.00 |"]
    for peer_name, peer in peers:
        theirs = per_call_us(peer, calls)
        rows.append(f"| | {peer_name} | {theirs:.3f} | {theirs / ours:.2f} |")
    return rows


HEADER = [
    "| operation | implementation | µs per call | peer time / maskan time |",
    "|---|---|---:|---:|",
]


def check_same(label: str, ours: object, theirs: object) -> None:
    """Refuse to time a peer that does not compute the same answer."""
    if ours != theirs:
        raise SystemExit(f"{label}: results differ: maskan {ours!r:.300} vs peer {theirs!r:.300}")
