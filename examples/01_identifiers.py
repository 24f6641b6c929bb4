"""Are the national ID and the Sheba number on this membership form right?

A cooperative's membership form asks for a national ID (کد ملی), to know who the member
is, and a Sheba number (شماره شبا), to pay back their contribution if they leave. People
type both with Persian digits, dashes and spaces, and often with one digit wrong. The
script checks the identifiers of four forms, stores the canonical form of the good ones,
and tells the member, in Persian, what is wrong with the bad ones.

Run it with ``python examples/01_identifiers.py``.
"""

from __future__ import annotations

from maskan.errors import InvalidIdentifier
from maskan.identifiers import national_id, sheba
from maskan.persian import to_persian_digits

# What four members typed, as the form received it.
FORMS = [
    ("زهرا رضایی", "۰۴۹-۹۳۷۰۸۹-۹", "IR82 0540 1026 8002 0817 9090 02"),
    # a spreadsheet dropped the national ID's leading zeros
    ("علی کریمی", "84575948", "ir48 0170 0000 0021 5432 8070 01"),
    # one check digit of the Sheba number mistyped: the mod-97 check catches it
    ("مریم احمدی", "1132345677", "IR830540102680020817909002"),
    # a mistyped last digit, and a German IBAN
    ("رضا موسوی", "0499370898", "DE89370400440532013000"),
]


def check(name: str, typed_id: str, typed_sheba: str) -> dict[str, str] | None:
    """The record to store (canonical forms only), or None after telling what is wrong."""
    problems = []
    record = {"name": name}
    for field, module, typed in (
        ("national_id", national_id, typed_id),
        ("sheba", sheba, typed_sheba),
    ):
        try:
            # Store the compact form: it compares, indexes and joins correctly, whatever
            # digits and separators the member used.
            record[field] = module.validate(typed)
        except InvalidIdentifier as error:
            # The code is stable (for counting and for tests); message_fa is for the member.
            problems.append(f"  ✗ [{error.code}] {error.message_fa}")
    if problems:
        print(f"{name}: فرم برگشت داده شد")
        print("\n".join(problems))
        return None
    return record


def show(record: dict[str, str]) -> None:
    """The stored record as a Persian page would show it: printed forms, Persian digits."""
    code = record["national_id"]
    account = record["sheba"]
    # The issuing office and the bank are read from prefixes: hints, never checks.
    office = national_id.place(code)
    bank = sheba.bank(account)
    issued = f"صادره از {office.city_fa}" if office is not None else "محل صدور نامعلوم"
    held = bank.name_fa if bank is not None else "بانک نامعلوم"
    print(f"{record['name']}: پذیرفته شد")
    print(f"  کد ملی {to_persian_digits(national_id.format(code))} ({issued})")
    print(f"  شبا {sheba.format(account)} ({held})")


def main() -> None:
    accepted = []
    for name, typed_id, typed_sheba in FORMS:
        record = check(name, typed_id, typed_sheba)
        if record is not None:
            show(record)
            accepted.append(record)
    print()
    print(f"accepted {len(accepted)} of {len(FORMS)} forms; stored as:")
    for record in accepted:
        print(f"  {record['national_id']}  {record['sheba']}")


if __name__ == "__main__":
    main()
