"""The result of a columnar screening: verdicts, failed-reason bitmasks, eligible_from.

Part of :mod:`maskan.eligibility.batch`, which re-exports the public names here.
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import numpy as np

from maskan.eligibility.batch._arrays import Array
from maskan.eligibility.decision import Verdict

VERDICTS: tuple[Verdict, ...] = (
    Verdict.INELIGIBLE,
    Verdict.ELIGIBLE,
    Verdict.UNDETERMINED,
)
"""The verdict of each code of :attr:`Screening.verdict`: 0 ineligible, 1 eligible,
2 undetermined.

>>> [verdict.value for verdict in VERDICTS]
['ineligible', 'eligible', 'undetermined']
"""


@attrs.frozen(kw_only=True, eq=False)
class Screening:
    """A program's answers for every row of a roster, in columns.

    Attributes:
        program: the program's code.
        version: the program's version.
        on: the evaluation date.
        verdict: per row, the index of its verdict in :data:`VERDICTS` (``int8``: 0
            ineligible, 1 eligible, 2 undetermined).
        failed: per row, a ``uint64`` bitmask of the failed reasons; :meth:`reasons`
            decodes a row, :meth:`decode` any mask, and :attr:`bits` names each bit.
        eligible_from: per row, ``datetime64[D]``: the evaluation date when eligible, a
            later date when only time stands in the way, NaT otherwise.
        per_person: per row, whether it was evaluated by the per-person path.
        bits: for each bit, the (rule code, reason code) it stands for.
        order: for each bit, its rule's position in the program, so decoding keeps rule
            order.
        index: the input's pandas index, when it was a DataFrame.

    >>> from maskan.eligibility.programs import get
    >>> program = get("without_housing").with_values(five_year_lookback="in_force")
    >>> screening = program.evaluate_columns(
    ...     {"marital_status": ["married"], "property_count": [0], "benefit_count": [1],
    ...      "benefit_1_date": ["1390/01/01"], "form_j": [None], "spouse_property_count": [0],
    ...      "spouse_benefit_count": [0], "spouse_form_j": [None]}, on="1404/09/04")
    >>> len(screening), screening.reasons(0), int(screening.failed[0])
    (1, ('without_housing.benefit_used',), 4)
    """

    program: str
    version: str
    on: datetime.date
    verdict: Array
    failed: Array
    eligible_from: Array
    per_person: Array
    bits: tuple[tuple[str, str], ...]
    order: tuple[int, ...]
    index: Any = None

    def __len__(self) -> int:
        return len(self.verdict)

    @property
    def eligible(self) -> Array:
        """Per row, whether the verdict is eligible."""
        eligible: Array = self.verdict == 1
        return eligible

    def verdicts(self) -> list[Verdict]:
        """The verdict of each row, as :class:`~maskan.eligibility.Verdict`."""
        return [VERDICTS[code] for code in self.verdict.tolist()]

    def decode(self, mask: int) -> tuple[str, ...]:
        """The reason codes of the bits set in ``mask``, in rule order."""
        mask = int(mask)
        chosen = [bit for bit in range(len(self.bits)) if mask >> bit & 1]
        chosen.sort(key=lambda bit: (self.order[bit], bit))
        return tuple(self.bits[bit][1] for bit in chosen)

    def reasons(self, row: int) -> tuple[str, ...]:
        """The failed reason codes of row ``row``, in rule order: the row's
        :attr:`Decision.failed_codes <maskan.eligibility.Decision.failed_codes>`."""
        return self.decode(int(self.failed[row]))

    def reason_mask(self, reason: str) -> int:
        """The bits that stand for ``reason`` (in any rule), to select rows:
        ``screening.failed & screening.reason_mask(code) != 0``."""
        mask = 0
        for bit, (_, code) in enumerate(self.bits):
            if code == reason:
                mask |= 1 << bit
        return mask

    def counts(self) -> dict[str, int]:
        """How many rows got each verdict."""
        found = np.bincount(self.verdict, minlength=len(VERDICTS))
        return {verdict.value: int(n) for verdict, n in zip(VERDICTS, found, strict=True)}

    def to_pandas(self, *, reasons: bool = False) -> Any:
        """A pandas ``DataFrame`` (on the input's index, when it had one): ``verdict``
        (text), ``failed`` (``uint64``), ``eligible_from`` (``datetime64``, NaT for none),
        ``per_person``; with ``reasons=True`` also ``reasons``, the failed reason codes
        joined by spaces.

        >>> from maskan.eligibility.programs import get
        >>> program = get("without_housing").with_values(five_year_lookback="in_force")
        >>> frame = program.evaluate_columns(
        ...     {"marital_status": ["single"], "property_count": [0], "benefit_count": [0],
        ...      "form_j": ["red"], "spouse_property_count": [0], "spouse_benefit_count": [0],
        ...      "spouse_form_j": [None]}, on="1404/09/04").to_pandas(reasons=True)
        >>> frame.loc[0, "verdict"], frame.loc[0, "reasons"]
        ('ineligible', 'without_housing.form_j_red')
        """
        import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

        labels = np.array([verdict.value for verdict in VERDICTS], dtype=object)
        columns: dict[str, Any] = {
            "verdict": labels[self.verdict],
            "failed": self.failed,
            "eligible_from": self.eligible_from.astype("datetime64[ns]"),
            "per_person": self.per_person,
        }
        if reasons:
            cache: dict[int, str] = {}
            texts = []
            for mask in self.failed.tolist():
                text = cache.get(mask)
                if text is None:
                    text = cache[mask] = " ".join(self.decode(mask))
                texts.append(text)
            columns["reasons"] = np.array(texts, dtype=object)
        return pd.DataFrame(columns, index=self.index)


def screening_meta(*, reasons: bool = False) -> Any:
    """An empty pandas ``DataFrame`` shaped like :meth:`Screening.to_pandas`: the ``meta``
    Dask's ``map_partitions`` asks for.

    >>> screening_meta(reasons=True).dtypes.astype(str).to_dict()  # doctest: +ELLIPSIS
    {'verdict': 'object', 'failed': 'uint64', 'eligible_from': 'datetime64[ns]', ...}
    """
    import pandas as pd  # type: ignore[import-untyped,import-not-found,unused-ignore]

    columns: dict[str, Any] = {
        "verdict": pd.Series([], dtype=object),
        "failed": pd.Series([], dtype=np.uint64),
        "eligible_from": pd.Series([], dtype="datetime64[ns]"),
        "per_person": pd.Series([], dtype=bool),
    }
    if reasons:
        columns["reasons"] = pd.Series([], dtype=object)
    return pd.DataFrame(columns)
