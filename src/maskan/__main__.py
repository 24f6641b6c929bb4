"""``python -m maskan``: the ``maskan`` command (see :mod:`maskan.cli`)."""

from __future__ import annotations

import sys

from maskan.cli import main

if __name__ == "__main__":
    sys.exit(main())
