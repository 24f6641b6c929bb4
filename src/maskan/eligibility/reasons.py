"""The reason-code catalog: every reason a finding can give, in English and Persian.

A reason code is stable: store it, count by it, translate it. Its messages are
templates filled from the finding (``{observed}``, ``{required}``, ``{value}``,
``{effective_from}``, ``{eligible_from}``, ``{fact}``), formatted for the language:
Persian digits and Jalali dates in Persian, ISO dates with the Jalali date in English.

Rules register their reasons here when their module is imported; the docs' reason-code
catalog is generated from :data:`REASONS`, and a test fails when a rule emits a code
that is not registered.

>>> reason = REASONS["fact.unknown"]
>>> reason.en
'{fact} is not known'
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from fractions import Fraction

import attrs

from maskan.errors import RuleError
from maskan.money import Rial
from maskan.persian.amounts import format_money
from maskan.persian.dates import format_date
from maskan.persian.numbers import format_number

__all__ = ["REASONS", "Reason", "register", "show"]


@attrs.frozen(kw_only=True)
class Reason:
    """A reason code with its message templates in both languages.

    >>> reason = Reason(code="demo.minor", en="{observed} is under 18",
    ...                 fa="{observed} کمتر از ۱۸ است")
    >>> reason.render("en", {"observed": 17}), reason.render("fa", {"observed": 17})
    ('17 is under 18', '۱۷ کمتر از ۱۸ است')
    """

    code: str
    en: str
    fa: str

    def render(self, lang: str, fields: dict[str, object]) -> str:
        """Fill the template of ``lang`` (``"fa"`` or ``"en"``) with shown values."""
        template = self.fa if lang == "fa" else self.en
        return template.format(**{name: show(value, lang) for name, value in fields.items()})


REASONS: dict[str, Reason] = {}
"""Every registered reason, by code.

>>> REASONS["fact.unknown"].render("en", {"fact": "birth date"})
'birth date is not known'
>>> "fact.unknown" in REASONS
True
"""


def register(code: str, *, en: str, fa: str) -> str:
    """Add a reason to the catalog and return its code (registering twice must agree).

    >>> register("example.demo", en="demo {observed}", fa="نمونه {observed}")
    'example.demo'
    """
    reason = Reason(code=code, en=en, fa=fa)
    existing = REASONS.setdefault(code, reason)
    if existing != reason:
        raise RuleError(
            f"reason: {code!r} is already registered with other messages",
            message_fa=f"reason: کد {code!r} پیش‌تر با پیام دیگری ثبت شده است",
            code="duplicate_reason",
            field="reason",
            value=code,
        )
    return code


def show(value: object, lang: str) -> str:
    """Render a value for a message: Jalali dates, Persian digits in Persian.

    >>> import datetime
    >>> show(datetime.date(2025, 11, 25), "fa"), show(datetime.date(2025, 11, 25), "en")
    ('۴ آذر ۱۴۰۴', '2025-11-25 (1404/09/04)')
    >>> show(1234, "fa"), show(True, "en")
    ('۱٬۲۳۴', 'yes')
    >>> from maskan.money import Rial
    >>> show(Rial(5_500_000_000), "fa"), show(Rial(5_500_000_000), "en")
    ('۵۵۰ میلیون تومان', '5,500,000,000 rials')
    """
    if value is None:
        return "نامعلوم" if lang == "fa" else "unknown"
    if isinstance(value, bool):
        if lang == "fa":
            return "بله" if value else "خیر"
        return "yes" if value else "no"
    if isinstance(value, datetime.date):
        if lang == "fa":
            return format_date(value)
        return f"{value.isoformat()} ({format_date(value, style='short', digits='latin')})"
    if isinstance(value, int | Decimal):
        return format_number(value, digits="persian" if lang == "fa" else "latin")
    if isinstance(value, Rial):
        if lang == "fa":
            return format_money(value, unit="toman", style="compact")
        return f"{value.rials:,} rials"
    if isinstance(value, Fraction):
        return f"{show(value.numerator, lang)}/{show(value.denominator, lang)}"
    if isinstance(value, tuple | list | frozenset | set):
        separator = "، " if lang == "fa" else ", "
        return separator.join(show(item, lang) for item in value)
    for attribute in (f"label_{lang}", f"title_{lang}"):  # enums have labels, rules titles
        label = getattr(value, attribute, None)
        if isinstance(label, str):
            return label
    return str(value)


register("fact.unknown", en="{fact} is not known", fa="{fact} معلوم نیست")
