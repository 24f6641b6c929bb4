"""Run the ``maskan`` command as a subprocess, the way a user runs it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs


@attrs.frozen
class Done:
    """What a run of ``maskan`` printed and returned."""

    code: int
    out: str
    err: str


def maskan(
    *args: str | Path, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> Done:
    """Run ``python -m maskan ARGS`` and return its exit code, stdout and stderr; fail if
    stderr holds a traceback."""
    environment = {key: value for key, value in os.environ.items() if key != "MASKAN_LANG"}
    environment.pop("MASKAN_DEBUG", None)
    environment["PYTHONIOENCODING"] = "utf-8"
    environment.update(env or {})
    done = subprocess.run(
        [sys.executable, "-m", "maskan", *map(str, args)],
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )
    out = done.stdout.decode("utf-8")
    err = done.stderr.decode("utf-8")
    assert "Traceback" not in err, err
    return Done(code=done.returncode, out=out, err=err)


def run(*args: str | Path) -> Done:
    """Run ``maskan.cli.main(ARGS)`` in this process (faster, for the many small cases);
    the same output and exit code as :func:`maskan`."""
    import contextlib
    import io

    from maskan.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = os.environ.pop("MASKAN_LANG", None)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(arg) for arg in args])
    finally:
        if saved is not None:
            os.environ["MASKAN_LANG"] = saved
    assert "Traceback" not in err.getvalue(), err.getvalue()
    return Done(code=code, out=out.getvalue(), err=err.getvalue())
