"""The bank table: DOMAIN.md §6.6, row by row."""

from __future__ import annotations

import attrs
import pytest

from maskan.identifiers import banks

# DOMAIN §6.6: code → bank, as written there.
DOMAIN_CODES = {
    "010": "Central Bank", "011": "Sanat-o-Madan", "012": "Mellat", "013": "Refah Kargaran",
    "014": "Maskan", "015": "Sepah", "016": "Keshavarzi", "017": "Melli", "018": "Tejarat",
    "019": "Saderat", "020": "Tose'e Saderat", "021": "Post Bank",
    "022": "Tose'e Ta'avon (Cooperative Development Bank)", "051": "Tose'e Credit Institution",
    "052": "Ghavamin", "053": "Karafarin", "054": "Parsian", "055": "Eghtesad Novin",
    "056": "Saman", "057": "Pasargad", "058": "Sarmayeh", "059": "Sina", "060": "Mehr Iran",
    "090": "Mehr Iran", "061": "Shahr", "062": "Ayandeh", "063": "Ansar", "064": "Gardeshgari",
    "065": "Hekmat Iranian", "066": "Dey", "069": "Iran Zamin", "070": "Resalat",
    "073": "Kosar", "075": "Melal", "078": "Middle East", "079": "Mehr Eqtesad", "080": "Noor",
    "095": "Iran-Venezuela",
}  # fmt: skip


def test_every_domain_code_and_nothing_else() -> None:
    table = {code: bank.name_en for bank in banks.BANKS for code in bank.sheba_codes}
    assert table == DOMAIN_CODES


@pytest.mark.parametrize("code", sorted(DOMAIN_CODES))
def test_lookup(code: str) -> None:
    bank = banks.by_sheba_code(code)
    assert bank is not None
    assert bank.name_en == DOMAIN_CODES[code]
    assert bank.name_fa


def test_one_record_per_bank() -> None:
    assert banks.by_sheba_code("060") is banks.by_sheba_code("090")
    assert len({bank.name_en for bank in banks.BANKS}) == len(banks.BANKS)


def test_unknown() -> None:
    assert banks.by_sheba_code("999") is None
    assert banks.by_card_prefix("123456") is None


def test_banks_are_frozen() -> None:
    bank = banks.by_sheba_code("014")
    assert bank is not None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        bank.name_en = "x"  # type: ignore[misc]
