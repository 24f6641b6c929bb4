"""Iranian banks and credit institutions, as identified by Sheba numbers and bank cards.

One table of :class:`Bank` records serves both :func:`maskan.identifiers.sheba.bank`
(characters 5-7 of a Sheba number are the bank code) and
:func:`maskan.identifiers.bank_card.bank` (the first six digits of a card are its prefix).

>>> maskan = by_sheba_code("014")
>>> maskan.name_en, maskan.name_fa
('Maskan', 'بانک مسکن')
>>> by_sheba_code("022").name_en
"Tose'e Ta'avon (Cooperative Development Bank)"
>>> by_sheba_code("099") is None
True
>>> by_card_prefix("628023").name_en
'Maskan'

Source: the bank-code table of DOMAIN.md §6.6, taken from persian-tools 0.0.11
``persian_tools/bank/banks_code.py`` (MIT, https://github.com/persian-tools/py-persian-tools)
[S]. English names are DOMAIN's; Persian names are that file's ``persian_name``, except
for code 079 (see below). Several of these banks were merged into Sepah in 1398-1399
(DOMAIN §6.6, [U]); their codes stay, because old accounts still carry them.

Card prefixes are that same file's ``card_prefix`` lists, exactly as it gives them [S]; no
two banks share one. The file lists none for Noor (080) or Iran-Venezuela (095), so their
``card_prefixes`` are empty and their cards find no bank.
"""

from __future__ import annotations

import attrs

__all__ = ["BANKS", "Bank", "by_card_prefix", "by_sheba_code"]


@attrs.frozen(kw_only=True)
class Bank:
    """A bank or credit institution.

    Attributes:
        name_fa: the Persian name, e.g. ``"بانک مسکن"``.
        name_en: the English name as DOMAIN.md writes it, e.g. ``"Maskan"``.
        sheba_codes: the 3-digit codes it has in Sheba numbers (Mehr Iran has two).
        card_prefixes: the 6-digit prefixes (BIN) of its cards; empty when unsourced.

    >>> bank = by_sheba_code("090")
    >>> bank.name_en, bank.sheba_codes, bank.card_prefixes
    ('Mehr Iran', ('060', '090'), ('606373',))
    """

    name_fa: str
    name_en: str
    sheba_codes: tuple[str, ...]
    card_prefixes: tuple[str, ...] = ()


def _bank(code: str, name_en: str, name_fa: str, prefixes: str = "") -> Bank:
    """One record: ``code`` is Sheba codes joined by ``/``, ``prefixes`` card prefixes by spaces."""
    return Bank(
        name_fa=name_fa,
        name_en=name_en,
        sheba_codes=tuple(code.split("/")),
        card_prefixes=tuple(prefixes.split()),
    )


# Columns: Sheba code(s), English name, Persian name, card prefixes. Codes, Persian names and
# card prefixes are persian-tools 0.0.11 ``persian_tools/bank/banks_code.py`` [S] (see the
# module documentation); English names are DOMAIN.md §6.6's.
BANKS: tuple[Bank, ...] = (
    _bank("010", "Central Bank", "بانک مرکزی ایران", "636797"),
    _bank("011", "Sanat-o-Madan", "بانک صنعت و معدن", "627961"),
    _bank("012", "Mellat", "بانک ملت", "610433 991975"),
    _bank("013", "Refah Kargaran", "بانک رفاه کارگران", "589463"),
    _bank("014", "Maskan", "بانک مسکن", "628023"),
    _bank("015", "Sepah", "بانک سپه", "589210"),
    _bank("016", "Keshavarzi", "بانک کشاورزی", "603770 639217"),
    _bank("017", "Melli", "بانک ملی ایران", "170019 603799"),
    _bank("018", "Tejarat", "بانک تجارت", "585983 627353"),
    _bank("019", "Saderat", "بانک صادرات ایران", "603769 903769"),
    _bank("020", "Tose'e Saderat", "بانک توسعه صادرات", "207177 627648"),
    _bank("021", "Post Bank", "پست بانک ایران", "627760"),
    _bank("022", "Tose'e Ta'avon (Cooperative Development Bank)", "بانک توسعه تعاون", "502908"),
    _bank("051", "Tose'e Credit Institution", "موسسه اعتباری توسعه", "628157"),
    _bank("052", "Ghavamin", "بانک قوامین", "639599"),
    _bank("053", "Karafarin", "بانک کارآفرین", "627488"),
    _bank("054", "Parsian", "بانک پارسیان", "622106 627884"),
    _bank("055", "Eghtesad Novin", "بانک اقتصاد نوین", "627412"),
    _bank("056", "Saman", "بانک سامان", "621986"),
    _bank("057", "Pasargad", "بانک پاسارگاد", "502229 639347"),
    _bank("058", "Sarmayeh", "بانک سرمایه", "639607"),
    _bank("059", "Sina", "بانک سینا", "639346"),
    _bank("060/090", "Mehr Iran", "بانک مهر ایران", "606373"),
    _bank("061", "Shahr", "بانک شهر", "502806 504706"),
    _bank("062", "Ayandeh", "بانک آینده", "636214"),
    _bank("063", "Ansar", "بانک انصار", "627381"),
    _bank("064", "Gardeshgari", "بانک گردشگری", "505416 505426"),
    _bank("065", "Hekmat Iranian", "بانک حکمت ایرانیان", "636949"),
    _bank("066", "Dey", "بانک دی", "502938"),
    _bank("069", "Iran Zamin", "بانک ایران زمین", "505785"),
    _bank("070", "Resalat", "بانک رسالت", "504172"),
    _bank("073", "Kosar", "موسسه کوثر", "505801"),
    _bank("075", "Melal", "موسسه اعتباری ملل", "606256"),
    _bank("078", "Middle East", "بانک خاورمیانه", "585949"),
    # The source's Persian name here, «بانک قرض الحسنه مهر», is Mehr Iran's; its English
    # name and DOMAIN agree on Mehr Eqtesad, written here in Persian script.
    _bank("079", "Mehr Eqtesad", "بانک مهر اقتصاد", "639370"),
    _bank("080", "Noor", "موسسه اعتباری نور"),
    _bank("095", "Iran-Venezuela", "بانک ایران و ونزوئلا"),
)
"""Every bank and credit institution, in the order of their Sheba codes.

>>> len(BANKS), BANKS[0].name_en
(37, 'Central Bank')
>>> [bank.name_en for bank in BANKS if len(bank.sheba_codes) > 1]
['Mehr Iran']
"""

_BY_SHEBA_CODE = {code: bank for bank in BANKS for code in bank.sheba_codes}
_BY_CARD_PREFIX = {prefix: bank for bank in BANKS for prefix in bank.card_prefixes}


def by_sheba_code(code: str) -> Bank | None:
    """Return the bank with the 3-digit Sheba bank ``code``, or ``None`` when unknown.

    >>> by_sheba_code("054").name_fa
    'بانک پارسیان'
    """
    return _BY_SHEBA_CODE.get(code)


def by_card_prefix(prefix: str) -> Bank | None:
    """Return the bank whose cards start with the 6 digits ``prefix``, or ``None``.

    >>> by_card_prefix("502908").name_en
    "Tose'e Ta'avon (Cooperative Development Bank)"
    >>> by_card_prefix("610433").name_fa
    'بانک ملت'
    >>> by_card_prefix("123456") is None
    True
    """
    return _BY_CARD_PREFIX.get(prefix)
