"""Write the libFuzzer dictionaries beside this file from maskan's own word lists.

    python fuzz/make_dicts.py

``persian.dict`` (number, unit, month and weekday words, digits, separators) serves the
text, number and date harnesses; ``json.dict`` (JSON syntax and the models' field names)
the serde harness; ``roster.dict`` (roster columns, cell words and JSON) the roster one.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from maskan import calendar
from maskan.cli import roster
from maskan.models import Cooperative, HousingProject, Ledger, Person
from maskan.persian import amounts, words

HERE = Path(__file__).resolve().parent


def entry(token: str) -> str:
    """One dictionary line: the token's UTF-8 bytes, non-printable ones escaped."""
    shown = "".join(
        chr(byte) if 32 <= byte < 127 and chr(byte) not in '"\\' else f"\\x{byte:02x}"
        for byte in token.encode()
    )
    return f'"{shown}"'


def write(name: str, title: str, tokens: set[str]) -> None:
    lines = [f"# {title} for -dict=fuzz/{name} (written by fuzz/make_dicts.py)"]
    lines += [entry(token) for token in sorted(tokens - {""})]
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    persian = set(words._WORDS) | set(words._ORDINALS) | set(words._ORDINAL_SUFFIXES)
    persian |= set(words._DENOMINATORS) | {word for word, _ in amounts._UNIT_WORDS}
    persian |= {*calendar._MONTHS_FA, *calendar._MONTHS_EN, *calendar._GREGORIAN_MONTHS}
    persian |= {*calendar._WEEKDAYS_FA, *calendar._WEEKDAYS_EN}
    persian |= set("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩٬٫٪−ـيىك\u200c\u200e\u200f\u200d\ufeffﻳﻚ")
    persian |= {"/", "-", ".", ",", "%", ":", "T", "Z", "+03:30", " و ", "ه‍.ش", "شمسی"}
    persian |= {"میلادی", "ساعت"}
    write("persian.dict", "Persian number, money and date words", persian)

    syntax = {"{", "}", "[", "]", ":", ",", '"', "null", "true", "false", "-1", "1e999", "NaN"}
    syntax |= {'"\\u0000"', '"\\ud800"', '"IR-10"', '"1404-09-04"', '"2025-11-25"'}
    syntax |= {'"0499370899"', '"14011517510"'}
    for cls in (Person, Cooperative, HousingProject, Ledger):
        syntax |= {f'"{field.name}"' for field in attrs.fields(cls)}
    write("json.dict", "JSON syntax and maskan field names", syntax)

    cells = {"\n", "\r\n", ";", "؛", "none", "yes", "no", "بله", "خیر", "متأهل", "married"}
    cells |= {"1370/05/10", "اصفهان", "\ufeff", *roster.COLUMNS_BY_NAME}
    write("roster.dict", "roster columns, cell words and JSON syntax", syntax | cells)


if __name__ == "__main__":
    main()
