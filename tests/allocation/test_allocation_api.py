"""maskan.allocation's public face: every name documented with an example, every error code
raised listed in the module's documentation."""

from __future__ import annotations

import re
from pathlib import Path

import maskan.allocation

SOURCE = Path(maskan.allocation.__file__).parent


def raised_codes() -> set[str]:
    codes = {"type"}  # wrong_type()
    for module in SOURCE.glob("*.py"):
        codes.update(re.findall(r'refuse\(\s*"([a-z_]+)"', module.read_text(encoding="utf-8")))
    return codes


def test_every_code_is_documented() -> None:
    documented = set(re.findall(r"``([a-z_]+)``", maskan.allocation.__doc__ or ""))
    codes = raised_codes()
    assert len(codes) > 20
    assert codes <= documented, sorted(codes - documented)


def test_every_public_name_is_documented_with_an_example() -> None:
    for name in maskan.allocation.__all__:
        value = getattr(maskan.allocation, name)
        if isinstance(value, str):  # ALGORITHM
            continue
        assert value.__doc__, f"{name} has no docstring"
        assert ">>>" in value.__doc__, f"{name} has no example"
