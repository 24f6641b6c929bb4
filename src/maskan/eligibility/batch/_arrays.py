"""How the batch modules hold columns in memory: numpy arrays, dates as day ordinals.

Part of :mod:`maskan.eligibility.batch`. A date is its ``datetime.date.toordinal()``
(0: unknown); ``ordinal - _UNIX`` is the same day as ``datetime64[D]``.
"""

from __future__ import annotations

import datetime
from typing import Any

# numpy itself first: without it, importing the package then fails naming "numpy", which
# Program.evaluate_columns turns into its missing_dependency error.
import numpy  # noqa: F401
import numpy.typing as npt

Array = npt.NDArray[Any]

_UNIX = datetime.date(1970, 1, 1).toordinal()
