"""A bounded fuzz run of every parser and validator, with hypothesis, in the normal suite.

The checks are the atheris harnesses' own (``fuzz/fuzz_targets.py``): each calls every
function of its group on the input and lets only a MaskanError through, and asserts the
documented properties (``is_valid`` agrees with ``validate``, what is read reads back from
its own formatting, ``normalize`` is idempotent). The long runs are atheris' (see
docs/reliability.md); this one keeps them from regressing between runs.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maskan.calendar import _MONTHS_EN, _MONTHS_FA, _WEEKDAYS_FA
from maskan.cli.roster import COLUMNS_BY_NAME
from maskan.persian import words


def _load_targets() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "fuzz" / "fuzz_targets.py"
    spec = importlib.util.spec_from_file_location("fuzz_targets", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fuzz_targets", module)
    spec.loader.exec_module(module)
    return module


targets = _load_targets()

FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces people write: digits of three scripts, separators, direction marks, number and
# unit words, month and weekday names. Joined at random they reach far deeper into the
# parsers than uniform text does.
PIECES = sorted(
    (
        {*"0123456789۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", *",.٬٫/-−+%٪:", " ", "\u200c", "\u200e", "ي", "ك"}
        | set(words._WORDS)
        | {"دهم", "صدم", "هزارم", "ام", "م", "ریال", "تومان", "تومن", "IRR", "ریال جدید"}
        | set(_MONTHS_FA)
        | set(_MONTHS_EN)
        | set(_WEEKDAYS_FA)
    )
    - {""}
)
pieces = st.lists(st.sampled_from(PIECES), max_size=12)
texts = st.one_of(
    st.text(max_size=60),
    pieces.map("".join),
    pieces.map(" ".join),
    st.from_regex(r"(IR)?[0-9۰-۹ \-]{0,30}", fullmatch=True),
)


@FUZZ
@given(texts)
def test_identifiers(text: str) -> None:
    targets.identifiers(text)


@FUZZ
@given(texts)
def test_text(text: str) -> None:
    targets.text(text)


@FUZZ
@given(texts)
def test_numbers(text: str) -> None:
    targets.numbers(text)


@FUZZ
@given(texts)
def test_dates(text: str) -> None:
    targets.dates(text)


FIELDS = ["national_id", "first_name", "last_name", "birth_date", "residences", "since"]
json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["1404-09-04", "2025-11-25", "0499370899", "IR-10", "0992-04-09"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=6), inner, max_size=5)
    ),
    max_leaves=12,
)
documents = st.one_of(
    st.binary(max_size=200),
    json_values.map(lambda value: json.dumps(value, ensure_ascii=False).encode()),
    st.just(targets.seeds(targets.serde_json)).flatmap(st.sampled_from),
)


@settings(FUZZ, max_examples=150)
@given(documents)
def test_serde_from_json(data: bytes) -> None:
    targets.serde_json(data)


cells = st.one_of(st.text(max_size=15), st.sampled_from(["1370/05/10", "yes", "متأهل", "none"]))
csv_rosters = st.builds(
    lambda header, rows: (
        ",".join(header) + "\n" + "\n".join(",".join(row) for row in rows)
    ).encode("utf-8", errors="surrogatepass"),
    st.lists(st.sampled_from(sorted(COLUMNS_BY_NAME)), min_size=1, max_size=6, unique=True),
    st.lists(st.lists(cells, max_size=6), max_size=4),
)
rosters = st.one_of(
    st.binary(max_size=300),
    csv_rosters,
    st.lists(json_values, max_size=4).map(
        lambda items: "\n".join(json.dumps(item) for item in items).encode()
    ),
    st.just(targets.seeds(targets.roster_file)).flatmap(st.sampled_from),
)


@settings(FUZZ, max_examples=150)
@given(rosters)
def test_roster_reader(data: bytes) -> None:
    targets.roster_file(data)
