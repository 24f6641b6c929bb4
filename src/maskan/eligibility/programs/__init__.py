"""The built-in programs, one module each, every rule cited to DOMAIN.md.

:data:`PROGRAMS` maps each program's code to the program; :func:`get` looks one up.

>>> sorted(PROGRAMS) == sorted(program.code for program in PROGRAMS.values())
True
"""

from __future__ import annotations

from maskan.eligibility.program import Program
from maskan.errors import RuleError, describe

__all__ = ["PROGRAMS", "get"]

PROGRAMS: dict[str, Program] = {}
"""Every built-in program, by code.

>>> sorted(PROGRAMS)[:2]
['cooperative_membership', 'family_land']
>>> PROGRAMS["family_land"].code
'family_land'
"""


def _add(program: Program) -> Program:
    PROGRAMS[program.code] = program
    return program


def get(code: str) -> Program:
    """The built-in program with ``code``, or :class:`~maskan.errors.RuleError`.

    >>> get("no_such_program")
    Traceback (most recent call last):
    ...
    maskan.errors.RuleError: program: 'no_such_program' is not a built-in program
    """
    try:
        return PROGRAMS[code]
    except (KeyError, TypeError):
        raise RuleError(
            f"program: {describe(code)} is not a built-in program",
            message_fa=f"program: {describe(code)} برنامه‌ی داخلی نیست",
            code="unknown_program",
            field="program",
            value=code,
        ) from None


def _register_built_ins() -> None:
    from maskan.eligibility.programs import (
        cooperative_membership,
        family_land,
        national_housing_movement,
        without_housing,
        workers_housing_cooperative,
    )

    for module in (
        without_housing,
        national_housing_movement,
        cooperative_membership,
        workers_housing_cooperative,
        family_land,
    ):
        _add(module.PROGRAM)


_register_built_ins()
