"""The error tree: everything a caller can get wrong raises a :class:`MaskanError`.

Every error is a :class:`ValueError`, so existing ``except ValueError`` code keeps
working. Each carries a stable machine-readable ``code`` (safe to store, to switch on
and to translate), an English message that names the field and the bad value, and the
same message in Persian as ``message_fa``.

>>> from maskan import calendar
>>> try:
...     calendar.jdate(1404, 13, 1)
... except MaskanError as error:
...     print(error.code, "|", error.field)
...     print(error)
month_out_of_range | month
month: 13 is not a Jalali month; expected 1 to 12
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

__all__ = [
    "AllocationError",
    "DataError",
    "DisplayError",
    "InvalidAmount",
    "InvalidBankCard",
    "InvalidDate",
    "InvalidIdentifier",
    "InvalidLegalId",
    "InvalidMobile",
    "InvalidNationalId",
    "InvalidNumber",
    "InvalidPostalCode",
    "InvalidSheba",
    "InvalidText",
    "LedgerError",
    "MaskanError",
    "MembershipError",
    "Problem",
    "ProjectError",
    "ReportError",
    "RosterError",
    "RuleError",
    "UnknownPlace",
    "UsageError",
]

_MAX_SHOWN = 60
_MAX_SHOWN_BITS = 196  # 2**196 has 60 digits


def _digit_count(value: int) -> int:
    """The number of decimal digits of ``abs(value)``, without writing it out."""
    number = abs(value)
    estimate = int(number.bit_length() * 0.30102999566398120)  # log10(2)
    return estimate + 1 if number >= 10**estimate else max(estimate, 1)


def describe(value: object) -> str:
    """Return a short, safe rendering of a bad value for an error message.

    Long input is cut so that a 10 MB string never ends up inside an exception.

    >>> describe("abc")
    "'abc'"
    >>> describe("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
    >>> describe(10**100_000)
    'an integer of 100001 digits'
    """
    if isinstance(value, int) and value.bit_length() > _MAX_SHOWN_BITS:
        # Python refuses to write an int of more than 4300 digits; count them instead
        return f"an integer of {_digit_count(value)} digits"
    if isinstance(value, str) and len(value) > _MAX_SHOWN:
        return f"{value[: _MAX_SHOWN - 3]!r}"[:-1] + f"…' ({len(value)} characters)"
    shown = repr(value)
    if len(shown) > _MAX_SHOWN:
        return shown[: _MAX_SHOWN - 1] + "…"
    return shown


class MaskanError(ValueError):
    """Base of every error maskan raises for bad input.

    Attributes:
        code: a stable reason code such as ``"empty"`` or ``"checksum"``.
        field: the name of the argument or field that was wrong, when there is one.
        value: the offending value as given.
        message: the English message (also ``str(error)``).
        message_fa: the same message in Persian.

    >>> error = MaskanError("amount: 1.5 is a float", message_fa="مبلغ اعشاری است", code="type")
    >>> isinstance(error, ValueError), error.code, error.message_fa
    (True, 'type', 'مبلغ اعشاری است')
    """

    default_code = "invalid"

    def __init__(
        self,
        message: str,
        *,
        message_fa: str,
        code: str | None = None,
        field: str | None = None,
        value: object = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.message_fa = message_fa
        self.code = code or self.default_code
        self.field = field
        self.value = value

    def __reduce__(self) -> tuple[object, ...]:  # keep errors picklable across processes
        return (
            _rebuild,
            (type(self), self.message, self.message_fa, self.code, self.field, self.value),
        )


def _rebuild(
    cls: type[MaskanError],
    message: str,
    message_fa: str,
    code: str,
    field: str | None,
    value: object,
) -> MaskanError:
    return cls(message, message_fa=message_fa, code=code, field=field, value=value)


class InvalidNumber(MaskanError):
    """A number, or a number written in words, could not be read or is out of range.

    >>> from maskan.persian import words_to_number
    >>> words_to_number("دو هزار و سیب")
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidNumber: text: cannot read the word 'سیب' in 'دو هزار و سیب'
    """

    default_code = "invalid_number"


class InvalidDate(MaskanError):
    """A date could not be read, or names a day that does not exist.

    >>> from maskan.calendar import jdate
    >>> jdate(1404, 12, 30)
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidDate: day: 1404/12/30 does not exist; Esfand 1404 has 29 days
    """

    default_code = "invalid_date"


class InvalidAmount(MaskanError):
    """An amount of money could not be read or is not an exact number of rials.

    >>> from maskan.money import Rial
    >>> Rial(1.5)
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidAmount: amount: 1.5 is a float; give an int, an integral Decimal or text
    """

    default_code = "invalid_amount"


class InvalidText(MaskanError):
    """Text input of the wrong type or with a wrong option.

    >>> from maskan.persian import normalize
    >>> normalize(None)
    Traceback (most recent call last):
    ...
    maskan.errors.InvalidText: text: normalize() takes a str, not NoneType
    """

    default_code = "invalid_text"


class InvalidIdentifier(MaskanError):
    """Base of the errors for Iranian identifiers; each identifier module has a subclass.

    The ``code`` says why: ``length``, ``format``, ``checksum``, ``repeated_digits``,
    ``country``, ``type``, ...

    >>> from maskan.identifiers import mobile, postal_code
    >>> for validate, text in [(mobile.validate, "0912123"), (postal_code.validate, "123")]:
    ...     try:
    ...         validate(text)
    ...     except InvalidIdentifier as error:
    ...         print(type(error).__name__, error.code)
    InvalidMobile length
    InvalidPostalCode length
    """

    default_code = "invalid_identifier"


class UnknownPlace(MaskanError):
    """A province or county name that matches nothing; the message names the closest matches.

    >>> from maskan.geo import Province
    >>> try:
    ...     Province.lookup("Isfahn")
    ... except UnknownPlace as error:
    ...     print(error.code, "|", error)
    unknown_place | name: 'Isfahn' is not a province; closest: Isfahan (اصفهان, IR-10)
    """

    default_code = "unknown_place"


class InvalidNationalId(InvalidIdentifier):
    """A national ID (کد ملی) that :mod:`maskan.identifiers.national_id` rejects.

    >>> from maskan.identifiers import national_id
    >>> try:
    ...     national_id.validate("0499370898")
    ... except InvalidNationalId as error:
    ...     print(error.code, "|", error.message_fa)
    checksum | کد ملی: '0499370898' رقم کنترل (رقم آخر) درست نیست؛ شاید رقمی اشتباه یا جابه‌جا \
نوشته شده است
    """

    default_code = "invalid_national_id"


class InvalidLegalId(InvalidIdentifier):
    """A legal-entity national ID (شناسه ملی) that :mod:`maskan.identifiers.legal_id` rejects.

    >>> from maskan.identifiers import legal_id
    >>> try:
    ...     legal_id.validate("10100000000")
    ... except InvalidLegalId as error:
    ...     print(error.code, "|", error.field)
    checksum | legal_id
    """

    default_code = "invalid_legal_id"


class InvalidPostalCode(InvalidIdentifier):
    """A postal code (کد پستی) that :mod:`maskan.identifiers.postal_code` rejects.

    >>> from maskan.identifiers import postal_code
    >>> try:
    ...     postal_code.validate("123")
    ... except InvalidPostalCode as error:
    ...     print(error.code, "|", error)
    length | postal_code: '123' has 3 digits; a postal code has 10 digits
    """

    default_code = "invalid_postal_code"


class InvalidMobile(InvalidIdentifier):
    """A mobile number that :mod:`maskan.identifiers.mobile` rejects.

    >>> from maskan.identifiers import mobile
    >>> try:
    ...     mobile.validate("0912123")
    ... except InvalidMobile as error:
    ...     print(error.code, "|", error.field)
    length | mobile
    """

    default_code = "invalid_mobile"


class InvalidSheba(InvalidIdentifier):
    """A Sheba number (IBAN) that :mod:`maskan.identifiers.sheba` rejects.

    >>> from maskan.identifiers import sheba
    >>> try:
    ...     sheba.validate("IR000000000000000000000000")
    ... except InvalidSheba as error:
    ...     print(error.code, "|", error.field)
    checksum | sheba
    """

    default_code = "invalid_sheba"


class InvalidBankCard(InvalidIdentifier):
    """A bank card number that :mod:`maskan.identifiers.bank_card` rejects.

    >>> from maskan.identifiers import bank_card
    >>> try:
    ...     bank_card.validate("6037991234567890")
    ... except InvalidBankCard as error:
    ...     print(error.code, "|", error.field)
    checksum | bank_card
    """

    default_code = "invalid_bank_card"


class MembershipError(MaskanError):
    """A cooperative operation the law or the statute does not allow.

    Raised by :class:`maskan.models.Cooperative` and :class:`maskan.models.Registry`
    operations (found, admit, withdraw, replace, expel, elect a board); the cooperative
    is left exactly as it was. The ``code`` says which rule: ``too_few_founders``,
    ``already_member``, ``similar_membership``, ``not_a_member``, ``board_size``, …

    >>> from maskan.models._coop_examples import example_cooperative, example_person
    >>> try:
    ...     example_cooperative().admit(example_person("0499370899"), on="1404/09/04", shares=10)
    ... except MembershipError as error:
    ...     print(error.code, "|", error)
    already_member | person: '0499370899' is an active member since 1403/07/01 (2024-09-22)
    """

    default_code = "membership"


class ProjectError(MaskanError):
    """An illegal change to a housing project: a status out of order, progress going
    down, a unit number used twice, … The project is left exactly as it was.

    >>> from maskan.models.project import HousingProject, Unit
    >>> try:
    ...     HousingProject(code="ISF-1", name="بهار", cooperative_id="14011517510",
    ...                    province="اصفهان", units=[Unit(number="1"), Unit(number="1")])
    ... except ProjectError as error:
    ...     print(error.code, "|", error)
    duplicate_unit | units: unit 1 is already in the project
    """

    default_code = "project"


class LedgerError(MaskanError):
    """An entry or an instalment plan that the ledger refuses (a refund larger than the
    balance, an instalment plan that does not add up, …).

    >>> from maskan.models.ledger import Due, InstalmentPlan
    >>> try:
    ...     InstalmentPlan(member_id="0499370899", total=1, dues=[Due(date="1404/01/01", amount=2)])
    ... except LedgerError as error:
    ...     print(error.code, "|", error)
    plan_total | dues: the dues add up to 2 rials, not the total of 1 rials
    """

    default_code = "ledger"


class AllocationError(MaskanError):
    """A ranking, a draw or an allocation that cannot be made as asked.

    Nothing is half-done: the inputs are left exactly as they were. The ``code`` says
    which request was impossible (the full table is in :mod:`maskan.allocation`):
    ``more_winners_than_units``, ``member_twice``, ``unit_already_allocated``,
    ``ineligible_member``, ``no_units``, ``no_candidates``, ``unknown_unit``, …

    >>> from maskan.allocation import lottery
    >>> from maskan.models.project import Unit
    >>> try:
    ...     lottery(["0499370899"], [Unit(number="1")], seed=7, on="1404/09/04", winners=2)
    ... except AllocationError as error:
    ...     print(error.code, "|", error)
    more_winners_than_units | winners: 2 winners asked for, but only 1 unit is offered
    """

    default_code = "allocation"


class ReportError(MaskanError):
    """A report asked for wrongly, or a table built from values that do not fit it.

    Codes: ``option`` (an unknown ``by`` or ``lang``), ``type`` (an input that is not what
    the report reads), ``unknown_column``, ``duplicate_column``, ``value_type`` (a cell that
    does not fit its column's kind), ``unknown_cooperative`` (a project's cooperative is
    missing from the ``cooperatives`` given), ``duplicate_cooperative``,
    ``missing_dependency`` (pandas is not installed).

    >>> from maskan.reports import projects_opened
    >>> projects_opened([], year=1404, by="city")
    Traceback (most recent call last):
    ...
    maskan.errors.ReportError: by: 'city' is not one of 'province', 'county', 'cooperative'
    """

    default_code = "report"


class DisplayError(MaskanError):
    """An object :func:`html` cannot show (code ``type``).

    >>> from maskan.display import html
    >>> html(42)
    Traceback (most recent call last):
    ...
    maskan.errors.DisplayError: obj: 42 is a int; html() shows a Person, Cooperative, \
HousingProject, Decision, allocation or Table
    """

    default_code = "display"


class RosterError(MaskanError):
    """A roster that cannot be read: a bad header, a cell that is not what its column
    holds, a line that is not JSON, a person that does not fit in one CSV row.

    >>> error = RosterError("gender: 'x' is not a gender", message_fa="جنسیت نیست", code="choice")
    >>> error.code, isinstance(error, MaskanError)
    ('choice', True)
    """

    default_code = "invalid_roster"


class UsageError(MaskanError):
    """The command line is wrong: an unknown option, program or column, a missing value,
    a file that cannot be opened. ``maskan`` exits with code 2.

    >>> UsageError("program: 'x' is not a program", message_fa="برنامه نیست").code
    'usage'
    """

    default_code = "usage"


class RuleError(MaskanError):
    """An eligibility program or rule used wrongly: a parameter the law leaves open and
    the caller did not supply, an unknown parameter name, a date before a rule existed.

    >>> from maskan.eligibility.programs.cooperative_membership import PROGRAM
    >>> try:
    ...     PROGRAM.with_values(minimum_age=18)
    ... except RuleError as error:
    ...     print(error.code, "|", error.field, "|", error.value)
    unknown_parameter | values | ['minimum_age']
    """

    default_code = "rule"


class Problem(NamedTuple):
    """One problem found in a document, at a JSON path such as ``$.members[3].birth_date``.

    >>> Problem("$.shares", "-1 is negative", "منفی است", "negative")
    Problem(path='$.shares', message='-1 is negative', message_fa='منفی است', code='negative')
    """

    path: str
    message: str
    message_fa: str
    code: str


class DataError(MaskanError):
    """A document (a dict or JSON) that cannot become maskan objects; lists every problem.

    >>> error = DataError([Problem("$.members[3].birth_date", "month 13", "ماه ۱۳", "month")])
    >>> print(error)
    $.members[3].birth_date: month 13
    >>> error.problems[0].path
    '$.members[3].birth_date'
    """

    default_code = "invalid_data"

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        english = "\n".join(f"{p.path}: {p.message}" for p in self.problems)
        persian = "\n".join(f"{p.path}: {p.message_fa}" for p in self.problems)
        if len(self.problems) > 1:
            english = f"{len(self.problems)} problems in the document:\n{english}"
            persian = f"{len(self.problems)} مشکل در سند:\n{persian}"
        only = self.problems[0] if len(self.problems) == 1 else None
        super().__init__(
            english,
            message_fa=persian,
            code=only.code if only else self.default_code,
            field=only.path if only else None,
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (DataError, (self.problems,))
