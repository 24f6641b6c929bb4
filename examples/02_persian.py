"""How do I write an amount and a date the way a Persian reader expects, and read them back?

maskan's Persian toolkit in one screen: digits, text, numbers, money and Jalali dates, on
the figures of the Isfahan housing-investment summit of 4 Azar 1404.

Run it with ``python examples/02_persian.py``.
"""

from __future__ import annotations

from decimal import Decimal

from maskan import (
    MaskanError,
    Rial,
    format_date,
    format_money,
    format_number,
    format_percent,
    jdate,
    normalize,
    number_to_words,
    ordinal_words,
    parse_date,
    parse_money,
    to_latin_digits,
    words_to_number,
)
from maskan.calendar import add_months, full_years, year_bounds


def main() -> None:
    summit = jdate(1404, 9, 4)
    print("Isfahan housing-investment summit:", format_date(summit, style="full"))

    # The report: more than 42 cooperative projects opened in a year for more than 2,500 people.
    projects, people = 42, 2_500
    print(f"{number_to_words(projects)} پروژه برای {format_number(people)} نفر")
    first, last = year_bounds(1404)
    print(
        "year 1404 runs", format_date(first, style="short"), "to", format_date(last, style="short")
    )

    # Money as people write it, read back exactly.
    investment = Rial(8_590_000_000_000)
    for style in ("digits", "compact", "words"):
        print(f"  {style:8}", format_money(investment, style=style))  # type: ignore[arg-type]
    loan = parse_money("۵۵۰ میلیون تومن")
    print(
        "NHM loan:", format_money(loan, unit="toman", style="compact"), "=", f"{loan.rials:,} rials"
    )
    instalments = loan.allocate(7)
    shown = " + ".join(format_money(part, unit="toman") for part in instalments[:2])
    print("seven instalments, every rial accounted for:", shown, "+ …")
    assert Rial.total(instalments) == loan

    # Members type names and numbers in Arabic letters and any digit script.
    print(normalize("  علي   كريمي  "), "|", to_latin_digits("کد ملی ۰۴۹۹۳۷٠٨٩٩"))
    print(words_to_number("دو هزار و پانصد"), words_to_number("۲۵۰ میلیون"), ordinal_words(21))
    print("member's share:", format_percent(Decimal("0.65")))

    # Dates in every form people use.
    joined = parse_date("۱۳۹۹/۱۲/۳۰")
    print("joined", format_date(joined), "— full years of membership:", full_years(joined, summit))
    print("first instalment due", format_date(add_months(summit, 1)))

    # Bad input raises one kind of error, with a reason code and a Persian message.
    try:
        jdate(1404, 12, 30)
    except MaskanError as error:
        print(f"error [{error.code}]: {error} / {error.message_fa}")


if __name__ == "__main__":
    main()
