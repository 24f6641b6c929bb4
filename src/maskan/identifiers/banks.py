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

Source: the bank-code table of DOMAIN.md §6.6, taken from persian-tools 0.0.11
``persian_tools/bank/banks_code.py`` (MIT, https://github.com/persian-tools/py-persian-tools)
[S]. English names are DOMAIN's; Persian names are that file's ``persian_name``, except
for code 079 (see below). Several of these banks were merged into Sepah in 1398-1399
(DOMAIN §6.6, [U]); their codes stay, because old accounts still carry them.

Card prefixes are empty: DOMAIN.md has no sourced card-prefix table yet, so
:func:`by_card_prefix` (and :func:`maskan.identifiers.bank_card.bank`) find no bank until
one is added to DOMAIN and here.
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
        card_prefixes: the 6-digit prefixes (BIN) of its cards, when sourced.

    >>> bank = by_sheba_code("090")
    >>> bank.name_en, bank.sheba_codes
    ('Mehr Iran', ('060', '090'))
    """

    name_fa: str
    name_en: str
    sheba_codes: tuple[str, ...]
    card_prefixes: tuple[str, ...] = ()


def _bank(code: str, name_en: str, name_fa: str) -> Bank:
    return Bank(name_fa=name_fa, name_en=name_en, sheba_codes=tuple(code.split("/")))


BANKS: tuple[Bank, ...] = (
    _bank("010", "Central Bank", "بانک مرکزی ایران"),
    _bank("011", "Sanat-o-Madan", "بانک صنعت و معدن"),
    _bank("012", "Mellat", "بانک ملت"),
    _bank("013", "Refah Kargaran", "بانک رفاه کارگران"),
    _bank("014", "Maskan", "بانک مسکن"),
    _bank("015", "Sepah", "بانک سپه"),
    _bank("016", "Keshavarzi", "بانک کشاورزی"),
    _bank("017", "Melli", "بانک ملی ایران"),
    _bank("018", "Tejarat", "بانک تجارت"),
    _bank("019", "Saderat", "بانک صادرات ایران"),
    _bank("020", "Tose'e Saderat", "بانک توسعه صادرات"),
    _bank("021", "Post Bank", "پست بانک ایران"),
    _bank("022", "Tose'e Ta'avon (Cooperative Development Bank)", "بانک توسعه تعاون"),
    _bank("051", "Tose'e Credit Institution", "موسسه اعتباری توسعه"),
    _bank("052", "Ghavamin", "بانک قوامین"),
    _bank("053", "Karafarin", "بانک کارآفرین"),
    _bank("054", "Parsian", "بانک پارسیان"),
    _bank("055", "Eghtesad Novin", "بانک اقتصاد نوین"),
    _bank("056", "Saman", "بانک سامان"),
    _bank("057", "Pasargad", "بانک پاسارگاد"),
    _bank("058", "Sarmayeh", "بانک سرمایه"),
    _bank("059", "Sina", "بانک سینا"),
    _bank("060/090", "Mehr Iran", "بانک مهر ایران"),
    _bank("061", "Shahr", "بانک شهر"),
    _bank("062", "Ayandeh", "بانک آینده"),
    _bank("063", "Ansar", "بانک انصار"),
    _bank("064", "Gardeshgari", "بانک گردشگری"),
    _bank("065", "Hekmat Iranian", "بانک حکمت ایرانیان"),
    _bank("066", "Dey", "بانک دی"),
    _bank("069", "Iran Zamin", "بانک ایران زمین"),
    _bank("070", "Resalat", "بانک رسالت"),
    _bank("073", "Kosar", "موسسه کوثر"),
    _bank("075", "Melal", "موسسه اعتباری ملل"),
    _bank("078", "Middle East", "بانک خاورمیانه"),
    # The source's Persian name here, «بانک قرض الحسنه مهر», is Mehr Iran's; its English
    # name and DOMAIN agree on Mehr Eqtesad, written here in Persian script.
    _bank("079", "Mehr Eqtesad", "بانک مهر اقتصاد"),
    _bank("080", "Noor", "موسسه اعتباری نور"),
    _bank("095", "Iran-Venezuela", "بانک ایران و ونزوئلا"),
)

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

    No card prefix is sourced yet (see the module documentation), so this finds none.

    >>> by_card_prefix("123456") is None
    True
    """
    return _BY_CARD_PREFIX.get(prefix)
