"""Is this applicant eligible for the National Housing Movement — and if not, why not, and
from when?

Three people apply at the Isfahan housing office on 4 Azar 1404. The office has to answer
each with a verdict it can defend: every condition the law sets, what the applicant's file
shows, the legal source, and — when only time stands in the way — the day to come back.
An applicant whose file lacks a fact is neither accepted nor refused: the office asks for it.

Run it with ``python examples/03_eligibility.py``.
"""

from __future__ import annotations

from maskan.calendar import jdate
from maskan.eligibility import Decision
from maskan.eligibility.programs import get
from maskan.models import HousingHistory, Person, Residence
from maskan.persian import format_date

ON = jdate(1404, 9, 4)
CITY = "اصفهان"

# A married head of household who moved from Tehran to Isfahan in Farvardin 1404: everything
# holds but the residence, and the residence is only a matter of time.
ALI = Person(
    national_id="0499370899",
    first_name="علی",
    last_name="کریمی",
    gender="male",
    birth_date="1368/04/20",
    marital_status="married",
    head_of_household=True,
    disabled=False,
    owned_properties=(),
    benefits=(),
    spouse_housing=HousingHistory(owned_properties=(), benefits=()),
    residences=[
        Residence(city="تهران", since="1368/04/20", province="Tehran"),
        Residence(
            city="اصفهان",
            since="1404/01/15",
            province="Isfahan",
            from_metropolis=True,
            transferred_employee=False,
        ),
    ],
)

# A single woman of 36 who has always lived in Isfahan and never owned a home.
SARA = Person(
    national_id="1132345677",
    first_name="سارا",
    last_name="احمدی",
    gender="female",
    birth_date="1368/02/10",
    marital_status="single",
    head_of_household=True,
    disabled=False,
    owned_properties=(),
    benefits=(),
    residences=[Residence(city="اصفهان", since="1368/02/10", province="Isfahan")],
)

# The same kind of file as Ali's, but nobody asked about the spouse's property: unknown is
# not "none", so the office cannot decide yet.
REZA = Person(
    national_id="0084575948",
    first_name="رضا",
    last_name="موسوی",
    gender="male",
    birth_date="1362/11/02",
    marital_status="married",
    head_of_household=True,
    disabled=False,
    owned_properties=(),
    benefits=(),
    residences=[Residence(city="اصفهان", since="1362/11/02", province="Isfahan")],
)


def answer(person: Person, decision: Decision) -> str:
    """The office's one-line answer, in English."""
    if decision.eligible:
        return f"{person.full_name}: eligible"
    if decision.unknown_facts:
        return f"{person.full_name}: undetermined; ask for {', '.join(decision.unknown_facts)}"
    line = f"{person.full_name}: not eligible ({', '.join(decision.failed_codes)})"
    if decision.eligible_from is not None:
        day = decision.eligible_from
        line += f"; eligible from {day} ({format_date(day, style='short', digits='latin')})"
    return line


def main() -> None:
    # The law leaves two values to the office applying it: whether the five-year ownership
    # look-back and the residence easing for people leaving a metropolis are in force.
    # An office deciding today applies both.
    program = get("national_housing_movement").with_values(
        five_year_lookback="in_force", residence_easing="in_force"
    )
    print(f"{program.title_fa} — {format_date(ON, style='full')}\n")

    applicants = [ALI, SARA, REZA]
    decisions = program.evaluate_many(applicants, on=ON, city=CITY, province="اصفهان")
    for person, decision in zip(applicants, decisions, strict=True):
        print(f"— {person.full_name}")
        # The explanation names every condition, what the file showed and what the law
        # required: the text an applicant can be handed, and contest.
        print(decision.explain("fa"))
        print()

    for person, decision in zip(applicants, decisions, strict=True):
        print(answer(person, decision))

    # A refusal that time alone fixes can be checked on the day it names.
    ali = decisions[0]
    if ali.eligible_from is not None:
        later = program.evaluate(ALI, on=ali.eligible_from, city=CITY, province="اصفهان")
        print(f"Ali, evaluated again on {format_date(ali.eligible_from)}: {later.verdict.label_fa}")


if __name__ == "__main__":
    main()
