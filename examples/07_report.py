"""What does this year's report of Isfahan's housing cooperatives say?

At the provincial housing-investment summit of 4 Azar 1404 the cooperative office reported
more than 42 cooperative projects opened in the year for more than 2,500 people, with the
members' own money doing most of the work. The script draws up that report from the
synthetic Isfahan sample (every person and project in it is made up; only the shape
follows the news): the headline, the projects opened by county, who paid, and the
members who joined and left — in Persian, as the office would print it, with an English
summary at the end.

Run it with ``python examples/07_report.py``.
"""

from __future__ import annotations

from maskan import samples
from maskan.calendar import jalali_ymd
from maskan.persian import format_date
from maskan.reports import format_value, membership_movements, projects_opened


def main() -> None:
    sample = samples.isfahan_1404()
    # "This year" is the Jalali year of the day the data describe: 1 Farvardin to the
    # summit day, 4 Azar 1404.
    year = jalali_ymd(sample.on)[0]

    opened = projects_opened(
        sample.projects, year=year, by="county", cooperatives=sample.cooperatives
    )
    totals = opened.totals
    assert totals is not None
    # The headline, in the words of the report: projects, people covered, money invested.
    # format_value shows a figure as the table does: the shares are exact fractions, and
    # the money is rounded to the millions of tomans a reader takes in.
    print(
        f"گزارش تعاونی‌های مسکن استان اصفهان تا {format_date(sample.on)}:"
        f" {format_value(totals['projects'], 'count')} پروژه برای"
        f" {format_value(totals['people'], 'count')} نفر افتتاح شد، با"
        f" {format_value(totals['investment'], 'money')} سرمایه‌گذاری؛"
        f" سهم آورده‌ی اعضا {format_value(totals['members_share'], 'percent')}"
        f" و سهم تسهیلات بانکی {format_value(totals['banks_share'], 'percent')}."
    )
    print()
    # print() writes the table in Persian: Persian digits, amounts in toman, right-aligned.
    print(opened)
    print()

    moves = membership_movements(sample.cooperatives, year=year, by="county")
    print(moves)
    print()

    move_totals = moves.totals
    assert move_totals is not None

    def en(figures: dict[str, object], name: str, kind: str = "count") -> str:
        return format_value(figures[name], kind, "en")

    print(f"Isfahan province, Jalali {year} up to {sample.on}:")
    print(
        f"  {en(totals, 'projects')} projects opened, {en(totals, 'units')} units,"
        f" {en(totals, 'people')} people covered"
    )
    print(
        f"  investment {en(totals, 'investment', 'money')}; members"
        f" {en(totals, 'members_share', 'percent')}, banks {en(totals, 'banks_share', 'percent')}"
    )
    print(
        f"  members: {en(move_totals, 'members_start')} at the start of the year,"
        f" {en(move_totals, 'admitted')} admitted, {en(move_totals, 'withdrawn')} withdrew,"
        f" {en(move_totals, 'members_end')} now"
    )


if __name__ == "__main__":
    main()
