"""The public face: names, typing marker, import cost."""

from __future__ import annotations

import subprocess
import sys
from importlib import resources

import maskan
import maskan.persian


def test_every_public_name_exists_and_is_documented() -> None:
    for module in (maskan, maskan.persian):
        for name in module.__all__:
            value = getattr(module, name)
            if name != "__version__":
                assert value.__doc__, f"{module.__name__}.{name} has no docstring"
                assert ">>>" in value.__doc__, f"{module.__name__}.{name} has no example"


def test_typed_marker_is_shipped() -> None:
    assert (resources.files("maskan") / "py.typed").is_file()


def test_import_does_not_load_babel() -> None:
    code = (
        "import sys, maskan; maskan.format_date(maskan.jdate(1404, 9, 4));"
        " print('babel' in sys.modules)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert output == "False"


def test_babel_is_loaded_when_formatting_needs_it() -> None:
    code = "import sys, maskan; maskan.format_number(1); print('babel' in sys.modules)"
    output = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert output == "True"
