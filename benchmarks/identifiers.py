"""Time maskan's identifier validation against persian-tools, in one process.

Run by hand: ``python benchmarks/identifiers.py`` (needs the ``bench`` extra). Both sides
get the same inputs; persian-tools returns a bool, maskan's ``validate`` returns the
compact number or raises, so each case times valid numbers, and ``is_valid`` is timed on
a mix of valid and invalid ones. Persian-digit input is timed too: persian-tools needs
``convert_to_en`` first, maskan takes it as is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from _timing import HEADER, check_same, compare
from persian_tools.bank import card_number as pt_card
from persian_tools.bank import sheba as pt_sheba
from persian_tools.digits import convert_to_en
from persian_tools.national_id import validate as pt_national_id

from maskan.identifiers import bank_card, national_id, sheba
from maskan.persian.digits import to_persian_digits

# Valid numbers: DOMAIN.md's vectors, and numbers built here with their check digits.
NATIONAL_IDS = ["0499370899", "0790419904", "0084575948", "0963695398", "1583250689"]
NATIONAL_IDS_MIXED = [*NATIONAL_IDS, "4271427685", "0200203041", "0684159415"]
SHEBAS = [
    f"IR{sheba.calc_check_digits(rest)}{rest}"
    for rest in ("0540102680020817909002", "0140000001234567890123", "0220000009876543210987")
]
SHEBAS_MIXED = [*SHEBAS, "IR820540102680020817909003", "IR830540102680020817909002"]
CARDS = [
    first + bank_card.calc_check_digit(first)
    for first in ("603799112345678", "628023123456789", "502908987654321")
]
CARDS_MIXED = [*CARDS, "6037991123456789", "6280231234567890"]


def loop(function: Callable[[str], object], inputs: Sequence[str]) -> Callable[[], None]:
    def run() -> None:
        for text in inputs:
            function(text)

    return run


def main() -> None:
    for inputs, ours, theirs in (
        (NATIONAL_IDS_MIXED, national_id.is_valid, pt_national_id),
        (SHEBAS_MIXED, sheba.is_valid, pt_sheba.validate),
        (CARDS_MIXED, bank_card.is_valid, pt_card.validate),
    ):
        check_same(
            ours.__module__, [ours(text) for text in inputs], [theirs(text) for text in inputs]
        )
        assert all(ours(text) for text in inputs[:3])

    rows = list(HEADER)
    for title, inputs, ours, theirs in (
        ("national ID, valid", NATIONAL_IDS, national_id.validate, pt_national_id),
        ("Sheba, valid", SHEBAS, sheba.validate, pt_sheba.validate),
        ("bank card, valid", CARDS, bank_card.validate, pt_card.validate),
    ):
        rows += compare(
            title,
            len(inputs),
            ("maskan validate", loop(ours, inputs)),
            [("persian-tools validate", loop(theirs, inputs))],
        )
    for title, inputs, ours, theirs in (
        ("national ID, mixed", NATIONAL_IDS_MIXED, national_id.is_valid, pt_national_id),
        ("Sheba, mixed", SHEBAS_MIXED, sheba.is_valid, pt_sheba.validate),
        ("bank card, mixed", CARDS_MIXED, bank_card.is_valid, pt_card.validate),
    ):
        rows += compare(
            title,
            len(inputs),
            ("maskan is_valid", loop(ours, inputs)),
            [("persian-tools validate", loop(theirs, inputs))],
        )
    persian = [to_persian_digits(text) for text in NATIONAL_IDS]
    rows += compare(
        "national ID, Persian digits",
        len(persian),
        ("maskan validate", loop(national_id.validate, persian)),
        [
            (
                "persian-tools convert_to_en + validate",
                loop(lambda text: pt_national_id(convert_to_en(text)), persian),
            )
        ],
    )
    print("\n".join(rows))


if __name__ == "__main__":
    main()
