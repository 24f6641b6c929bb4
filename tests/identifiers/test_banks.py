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


# persian-tools 0.0.11 bank/banks_code.py: Sheba code → its ``card_prefix`` list.
SOURCE_PREFIXES = {
    "010": ("636797",), "011": ("627961",), "012": ("610433", "991975"), "013": ("589463",),
    "014": ("628023",), "015": ("589210",), "016": ("603770", "639217"),
    "017": ("170019", "603799"), "018": ("585983", "627353"), "019": ("603769", "903769"),
    "020": ("207177", "627648"), "021": ("627760",), "022": ("502908",), "051": ("628157",),
    "052": ("639599",), "053": ("627488",), "054": ("622106", "627884"), "055": ("627412",),
    "056": ("621986",), "057": ("502229", "639347"), "058": ("639607",), "059": ("639346",),
    "060": ("606373",), "090": ("606373",), "061": ("502806", "504706"), "062": ("636214",),
    "063": ("627381",), "064": ("505416", "505426"), "065": ("636949",), "066": ("502938",),
    "069": ("505785",), "070": ("504172",), "073": ("505801",), "075": ("606256",),
    "078": ("585949",), "079": ("639370",), "080": (), "095": (),
}  # fmt: skip


def test_card_prefixes_are_the_sources() -> None:
    table = {code: bank.card_prefixes for bank in banks.BANKS for code in bank.sheba_codes}
    assert table == SOURCE_PREFIXES


def test_every_prefix_is_six_digits() -> None:
    for bank in banks.BANKS:
        for prefix in bank.card_prefixes:
            assert len(prefix) == 6
            assert prefix.isascii()
            assert prefix.isdigit()


def test_no_prefix_claimed_twice() -> None:
    prefixes = [prefix for bank in banks.BANKS for prefix in bank.card_prefixes]
    assert len(prefixes) == len(set(prefixes)) == 45


def test_every_prefix_maps_to_its_bank() -> None:
    for bank in banks.BANKS:
        for prefix in bank.card_prefixes:
            assert banks.by_card_prefix(prefix) is bank


@pytest.mark.parametrize(
    ("prefix", "code"), [("628023", "014"), ("502908", "022"), ("606373", "090")]
)
def test_card_prefix_and_sheba_code_agree(prefix: str, code: str) -> None:
    assert banks.by_card_prefix(prefix) is banks.by_sheba_code(code)


def test_unknown() -> None:
    assert banks.by_sheba_code("999") is None
    assert banks.by_card_prefix("123456") is None
    assert banks.by_card_prefix("62802") is None
    assert banks.by_card_prefix("6280231") is None


def test_banks_are_frozen() -> None:
    bank = banks.by_sheba_code("014")
    assert bank is not None
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        bank.name_en = "x"  # type: ignore[misc]
