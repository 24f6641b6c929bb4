"""Seven teachers found a housing cooperative: whom may it admit, and what does its record
show a year later?

The Cooperative Sector Law and the cooperative's own statute decide who may join (an
Iranian national with legal capacity, buying at least the minimum shares, holding at most
the statute's share of the capital, and not a member of another housing cooperative), how
members leave, and how the board is elected. The script founds the cooperative, admits
and refuses applicants, records a replacement and a withdrawal, elects the board, and
prints the member roll and the dated history in Persian — the record a registrar or a
member in a dispute asks for.

Run it with ``python examples/05_cooperative.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from maskan.calendar import jdate
from maskan.errors import MembershipError
from maskan.identifiers.national_id import calc_check_digit
from maskan.models import Cooperative, Person, QuorumRule, Registry, Statute
from maskan.money import Rial
from maskan.persian import format_date, format_money, format_number, to_persian_digits


def person(
    first_nine: str, first_name: str, last_name: str, nationality: str | None = "iranian"
) -> Person:
    """A made-up person with a valid national ID (the check digit computed)."""
    return Person(
        national_id=first_nine + calc_check_digit(first_nine),
        first_name=first_name,
        last_name=last_name,
        nationality=nationality,
        legal_capacity=True,
    )


# The statute's numbers are the founders' decision, not the law's: maskan has no default
# for any of them.
STATUTE = Statute(
    share_price=Rial(5_000_000),
    minimum_shares=10,
    max_capital_share=Fraction(3, 10),
    board_size=3,
    board_term_years=3,
    ordinary_first_call=QuorumRule.more_than("1/2"),
    ordinary_second_call=QuorumRule.at_least(0),
    extraordinary_first_call=QuorumRule.at_least("2/3"),
    extraordinary_second_call=QuorumRule.more_than("1/2"),
    expulsion_grounds=["عدم پرداخت اقساط"],
)

FOUNDERS = [
    person("128100001", "زهرا", "رضایی"),
    person("128100002", "علی", "کریمی"),
    person("128100003", "مریم", "احمدی"),
    person("128100004", "حسین", "موسوی"),
    person("128100005", "فاطمه", "نوری"),
    person("128100006", "رضا", "صالحی"),
    person("128100007", "نرگس", "جعفری"),
]


OTHER_FOUNDERS = [
    person("128200001", "مهدی", "اصفهانی"),
    person("128200002", "لیلا", "فاضلی"),
    person("128200003", "جواد", "بهرامی"),
    person("128200004", "نسرین", "مختاری"),
    person("128200005", "امیر", "کاشانی"),
    person("128200006", "شیرین", "مرادی"),
    person("128200007", "صادق", "جلالی"),
]


def attempt(what: str, action: Callable[[], object]) -> None:
    """Run one step that the rules may refuse, and say why in the members' language."""
    try:
        action()
    except MembershipError as error:
        # Nothing was half-applied: the old cooperative (or registry) is still valid as it was.
        print(f"  ✗ {what}: [{error.code}] {error.message_fa}")
    else:
        print(f"  ✓ {what}")


def main() -> None:
    coop = Cooperative.found(
        name="تعاونی مسکن فرهنگیان نجف‌آباد",
        kind="staff_housing",
        legal_id="10380284830",
        province="اصفهان",
        county="نجف‌آباد",
        statute=STATUTE,
        founders=FOUNDERS,
        shares=10,
        on=jdate(1403, 7, 1),
    )
    # Another teachers' cooperative in the province: the registry sees both, which is how
    # the one-membership rule (similar cooperatives) can be enforced at all.
    other = Cooperative.found(
        name="تعاونی مسکن فرهنگیان شاهین‌شهر",
        kind="staff_housing",
        legal_id="14011517510",
        province="اصفهان",
        statute=STATUTE,
        founders=OTHER_FOUNDERS,
        shares=10,
        on=jdate(1402, 3, 1),
    )
    registry = Registry(cooperatives=[coop, other])
    print(
        f"{coop.name}: تأسیس {format_date(coop.founded_on)}،"
        f" {format_number(coop.active_count)} عضو\n"
    )

    sara = person("128100008", "سارا", "کاظمی")
    unchecked = person("128100009", "امید", "کیانی", nationality=None)
    double = OTHER_FOUNDERS[0]
    print("درخواست‌های عضویت:")
    registry = registry.admit(coop.legal_id, sara, on=jdate(1404, 1, 20), shares=12)
    print(f"  ✓ پذیرش {sara.full_name} با ۱۲ سهم")
    # An unrecorded nationality is not a verified one: the board must refuse.
    attempt(
        f"پذیرش {unchecked.full_name}",
        lambda: registry.admit(coop.legal_id, unchecked, on=jdate(1404, 2, 1), shares=10),
    )
    # Already a member of the other teachers' cooperative.
    attempt(
        f"پذیرش {double.full_name}، عضو تعاونی شاهین‌شهر",
        lambda: registry.admit(coop.legal_id, double, on=jdate(1404, 2, 1), shares=10),
    )
    # Too many shares: more than 3/10 of the capital in one member's hands.
    attempt(
        "پذیرش با ۶۰ سهم",
        lambda: registry.admit(
            coop.legal_id, person("128100010", "ناصر", "جلالی"), on=jdate(1404, 2, 1), shares=60
        ),
    )
    coop = registry.cooperative(coop.legal_id)

    print("\nجابه‌جایی اعضا:")
    successor = person("128100011", "کاوه", "رحیمی")
    # A successor inherits the departing member's shares and seniority: it matters when
    # units are allocated by points.
    coop = coop.replace(
        FOUNDERS[1].national_id, successor, on=jdate(1404, 3, 10), note="آورده منتقل شد"
    )
    print(f"  ✓ {successor.full_name} جایگزین {FOUNDERS[1].full_name} شد")
    coop = coop.withdraw(FOUNDERS[4].national_id, on=jdate(1404, 4, 1))
    print(f"  ✓ انصراف {FOUNDERS[4].full_name}")
    attempt(
        "اخراج برای غیبت در مجمع",
        lambda: coop.expel(sara.national_id, on=jdate(1404, 5, 1), ground="غیبت در مجمع"),
    )
    coop = coop.elect_board(
        principals=[FOUNDERS[0].national_id, FOUNDERS[2].national_id, sara.national_id],
        alternates=[FOUNDERS[3].national_id],
        on=jdate(1404, 6, 1),
    )
    board = coop.board
    assert board is not None
    print(f"  ✓ انتخاب هیأت مدیره تا {format_date(board.term_ends_on)}")

    names = {p.national_id: p.full_name for p in (*FOUNDERS, sara, successor)}
    print(f"\nفهرست اعضای فعال ({format_number(coop.active_count)} نفر):")
    for member in coop.active_members:
        print(
            f"  {to_persian_digits(member.national_id)}  {names[member.national_id]:<12}"
            f" {format_number(member.shares)} سهم، سابقه از {format_date(member.seniority_from)}"
        )
    print(f"سرمایه: {format_money(coop.capital, unit='toman', style='compact')}")

    print("\nتاریخچه:")
    for event in coop.history:
        people = "، ".join(names.get(n, n) for n in event.national_ids)
        print(f"  {format_date(event.on)}: {event.kind.label_fa} — {people}")

    print(
        f"\n{coop.active_count} active members, capital {coop.capital.rials:,} rials,"
        f" {len(coop.history)} events on record"
    )


if __name__ == "__main__":
    main()
