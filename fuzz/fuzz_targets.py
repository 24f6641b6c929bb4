"""What the fuzz harnesses check: every parser and validator, called on hostile input.

Each check takes one fuzzed input, calls every function of its group on it, and returns
normally when each function gave a value or raised a :class:`maskan.errors.MaskanError`.
Anything else escapes: another exception type, or an ``AssertionError`` when a documented
property fails (``is_valid`` disagreeing with ``validate``, a parsed value that does not
read back from its own formatting, ``normalize`` not being idempotent).

The atheris harnesses beside this file (``python fuzz/fuzz_identifiers.py``) and the
bounded hypothesis run in ``tests/test_fuzz.py`` share these checks; :func:`main` is the
harnesses' common entry point.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import sys
import tempfile
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from maskan import calendar, serde
from maskan.cli import roster
from maskan.errors import MaskanError
from maskan.identifiers import (
    bank_card,
    banks,
    legal_id,
    mobile,
    national_id,
    postal_code,
    sheba,
)
from maskan.models import Cooperative, HousingProject, Ledger, Person
from maskan.money import Rial
from maskan.persian import (
    format_date,
    format_money,
    format_number,
    normalize,
    number_to_words,
    parse_money,
    parse_number,
    to_latin_digits,
    to_persian_digits,
    words_to_number,
)

_MISSING = object()
_FIRST_GREGORIAN_YEAR = 1700


def _call(function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``function(*args, **kwargs)``, or ``_MISSING`` when it raised a MaskanError."""
    try:
        return function(*args, **kwargs)
    except MaskanError as error:
        caught = error
    _check_error(caught, function.__qualname__)
    return _MISSING


def _check_error(error: MaskanError, where: object) -> None:
    assert error.code, f"{where}: an error without a code"
    assert error.message_fa, f"{where}: an error without a Persian message"


# -- identifiers ----------------------------------------------------------------------

_IDENTIFIERS = (national_id, legal_id, postal_code, mobile, sheba, bank_card)


def identifiers(text: str) -> None:
    """Every identifier module's ``compact``, ``validate``, ``is_valid`` and ``format``,
    the bank and operator lookups, and the agreement between them."""
    for module in _IDENTIFIERS:
        _call(module.compact, text)
        valid = module.is_valid(text)
        assert valid is True or valid is False, module.__name__
        code = _call(module.validate, text)
        assert valid is (code is not _MISSING), (module.__name__, text)
        if code is _MISSING:
            continue
        assert module.validate(code) == code, (module.__name__, text)
        assert module.validate(module.format(text)) == code, (module.__name__, text)
    _call(national_id.places, text)
    _call(national_id.place, text)
    _call(mobile.operator, text)
    _call(sheba.bank, text)
    _call(bank_card.bank, text)
    for check_digit in (national_id.calc_check_digit, legal_id.calc_check_digit):
        _call(check_digit, text)
    _call(bank_card.calc_check_digit, text)
    _call(sheba.calc_check_digits, text)
    banks.by_sheba_code(text)
    banks.by_card_prefix(text)


# -- Persian text and numbers -----------------------------------------------------------


def text(value: str) -> None:
    """``normalize`` (idempotent, in every digit mode) and the digit converters."""
    once = _call(normalize, value)
    if once is not _MISSING:
        assert normalize(once) == once, value
    for digits in ("latin", "persian"):
        _call(normalize, value, digits=digits)
    _call(to_latin_digits, value)
    _call(to_persian_digits, value)


def numbers(value: str) -> None:
    """``parse_number``, ``words_to_number``, ``parse_money``, ``Rial.parse`` and
    ``number_to_words``; whatever they read must read back from its own formatting."""
    number = _call(parse_number, value)
    if number is not _MISSING:
        written = _call(format_number, number)
        if written is not _MISSING:
            assert parse_number(written) == number, value
    spelled = _call(words_to_number, value)
    if spelled is not _MISSING:
        words = _call(number_to_words, spelled)
        if words is not _MISSING:
            assert words_to_number(words) == spelled, value
    for unit in ("rial", "toman", "new_rial"):
        amount = _call(parse_money, value, default_unit=unit)
        if amount is not _MISSING:
            assert parse_money(format_money(amount)) == amount, value
    _call(Rial.parse, value)
    _call(number_to_words, value)


def dates(value: str) -> None:
    """``parse_date`` and ``as_date``; a date read must read back from ``format_date``."""
    day = _call(calendar.parse_date, value)
    if day is not _MISSING and calendar.jalali_ymd(day)[0] < _FIRST_GREGORIAN_YEAR:
        # a Jalali year from 1700 reads as Gregorian: format_date's text is ambiguous there
        for style in ("short", "long", "full"):
            assert calendar.parse_date(format_date(day, style=style)) == day, (style, value)
    _call(calendar.as_date, value)


# -- the wire ---------------------------------------------------------------------------

_DOCUMENTS = (Person, Cooperative, HousingProject, Ledger, Rial, dict[str, Rial])


def serde_json(data: bytes) -> None:
    """``serde.from_json`` into every model, from bytes and from text; what is read is
    written and read back to an equal object, and every way of writing it (orjson's
    stream, the text writer used without orjson, ``to_json_bytes``) writes the same JSON
    the standard library writes for ``to_dict``."""
    as_text = data.decode("utf-8", errors="replace")
    for cls in _DOCUMENTS:
        for document in (data, as_text):
            obj = _call(serde.from_json, cls, document)
            if obj is not _MISSING:
                text = serde.to_json(obj)
                assert serde.from_json(cls, text) == obj, data
                plain = json.dumps(serde.to_dict(obj), ensure_ascii=False, separators=(",", ":"))
                assert text == plain == serde._converter_for("iso").text()(obj), data
                written = _call(serde.to_json_bytes, obj)
                assert written is _MISSING or written == text.encode(), data


# -- the command line's roster reader -----------------------------------------------------


def roster_file(data: bytes) -> None:
    """Read ``data`` as a CSV roster and as a JSON roster; every row is a person or an
    error, and the header's error (the only one raised) is a MaskanError."""
    for fmt in ("csv", "json", None):
        try:
            reader = roster.read_roster(io.BytesIO(data), format=fmt)  # type: ignore[arg-type]
            for row in reader:
                assert (row.person is None) is (row.error is not None), data
                if row.error is not None:
                    assert isinstance(row.error, MaskanError), row.error
        except MaskanError as error:
            _check_error(error, data)


# -- seeds: well-formed input to start from ---------------------------------------------


def seeds(check: Callable[[Any], None]) -> list[bytes]:
    """Valid inputs for ``check``, made with maskan's own writers from the sample data, so
    that fuzzing starts from documents and rosters that read and mutates from there."""
    from maskan import samples
    from maskan.persian import format_money, ordinal_words

    sample = samples.isfahan_1404()
    people = list(sample.applicants[:5])
    texts: list[str]
    if check is identifiers:
        texts = [person.national_id for person in people]
        texts += ["14011517510", "1193653811", "09121234567", "+98 912 123 4567"]
        texts += ["IR82 0540 1026 8002 0817 9090 02", "6037-9918-9953-5178"]
    elif check is numbers:
        texts = ["۱٬۲۳۴٬۵۶۷", "-12.5", "۶۵٪", number_to_words(2500), ordinal_words(31)]
        texts += [number_to_words(Decimal("1020.05")), "۲۵۰ میلیون تومن"]
        texts += [format_money(Rial(8_590_000_000_000), style=style) for style in _STYLES]
    elif check is dates:
        day = datetime.date(2025, 11, 25)
        texts = [format_date(day, style=style) for style in ("short", "long", "full")]
        texts += ["1404-09-04", "2025-11-25", "14040904", "1404/09/04 14:30:00+03:30"]
    elif check is text:
        texts = [person.full_name for person in people] + ["  علي   كريمي ", "ﻣﺴﻜﻦ"]
    elif check is serde_json:
        # people: a cooperative's document runs to tens of kilobytes, too slow to mutate
        return [serde.to_json(person).encode() for person in people]
    elif check is roster_file:
        found = []
        for fmt in ("csv", "json"):
            out = io.StringIO()
            roster.write_roster(people, out, format=fmt)  # type: ignore[arg-type]
            found.append(out.getvalue().encode())
        array = "[" + ",\n".join(serde.to_json(person) for person in people) + "]"
        return [*found, array.encode()]
    else:
        raise ValueError(f"no seeds for {check!r}")
    return [b"\0" + text.encode() for text in texts]  # a first byte below 0x80: UTF-8


_STYLES = ("digits", "compact", "words")


# -- the atheris entry point ------------------------------------------------------------


def main(check: Callable[[Any], None], *, binary: bool = False) -> None:
    """Fuzz ``check`` with atheris; libFuzzer's options (``-atheris_runs=N``, ``-dict=``,
    ``-max_len=``) and corpus directories come from the command line. Without a corpus
    directory, a temporary one holds the :func:`seeds`.

    Text checks get half their inputs as UTF-8 (so that a ``-dict`` of Persian words
    helps) and half as atheris' mix of code points from every plane.
    """
    import atheris  # the fuzz extra; only the harnesses need it

    if not any(not argument.startswith("-") for argument in sys.argv[1:]):
        corpus = tempfile.mkdtemp(prefix="maskan-fuzz-")
        for number, seed in enumerate(seeds(check)):
            with open(os.path.join(corpus, f"seed-{number}"), "wb") as file:
                file.write(seed)
        sys.argv.append(corpus)

    def one_input(data: bytes) -> None:
        if binary:
            check(data)
        elif data[:1] < b"\x80":
            check(data[1:].decode("utf-8", errors="replace"))
        else:
            provider = atheris.FuzzedDataProvider(data[1:])
            check(provider.ConsumeUnicodeNoSurrogates(len(data)))

    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()
