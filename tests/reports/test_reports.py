"""maskan.reports: every report's numbers on small known data, tables and their renderings.

The data are built with the models' own operations (found, admit, withdraw, replace, expel,
advance, record_progress), so the reports read what a real cooperative's records hold.
"""

from __future__ import annotations

import datetime
import importlib.util
import sys
from fractions import Fraction

import pytest

from maskan.calendar import jdate
from maskan.eligibility import programs
from maskan.errors import InvalidDate, MaskanError
from maskan.models import Cooperative, Financing, HousingProject, Person, Registry, Unit
from maskan.models._coop_examples import example_statute
from maskan.money import Rial
from maskan.reports import (
    MISSING,
    Column,
    ColumnKind,
    ReportError,
    Table,
    _width,
    format_value,
    membership_movements,
    projects_opened,
    screening,
)
from maskan.serde import to_json

HAS_PANDAS = importlib.util.find_spec("pandas") is not None
BILLION = 1_000_000_000

# Made-up national IDs and legal IDs with valid check digits.
IDS = (
    "1000000079", "1000000141", "1000000214", "1000000281", "1000000354", "1000000427",
    "1000000494", "1000000567", "1000000631", "1000000702", "1000000771", "1000000842",
    "1000000915", "1000000982", "1000001059", "1000001121", "1000001199", "1000001261",
    "1000001334", "1000001407",
)  # fmt: skip
COOP_A, COOP_B, COOP_C = "10380284830", "10380284961", "10380285090"


def person(national_id: str, first_name: str = "عضو") -> Person:
    return Person(
        national_id=national_id,
        first_name=first_name,
        last_name=national_id,
        nationality="iranian",
        legal_capacity=True,
    )


def found(
    legal_id: str, name: str, founders: tuple[str, ...], on: str, **place: str
) -> Cooperative:
    return Cooperative.found(
        name=name,
        kind="general_housing",
        legal_id=legal_id,
        statute=example_statute(),
        founders=[person(national_id) for national_id in founders],
        shares=10,
        on=on,
        **place,
    )


def cooperative_a() -> Cooperative:
    """Founded 1402/05/01 by IDS[0:7] in Najafabad; in 1403 two admissions (the second on
    Esfand 30, the last day of the leap year 1403); in 1404 a withdrawal on Farvardin 1, a
    replacement and an expulsion on Esfand 29 (the last day of 1404); an admission on
    1405/01/01."""
    coop = found(COOP_A, "تعاونی مسکن فرهنگیان نجف‌آباد", IDS[0:7], "1402/05/01",
                 province="اصفهان", county="نجف‌آباد")  # fmt: skip
    coop = coop.admit(person(IDS[7]), on="1403/03/01", shares=10)
    coop = coop.admit(person(IDS[8]), on="1403/12/30", shares=10)
    coop = coop.withdraw(IDS[0], on="1404/01/01")
    coop = coop.replace(IDS[1], person(IDS[9]), on="1404/05/10", note="آورده منتقل شد")
    coop = coop.expel(IDS[7], on="1404/12/29", ground="عدم پرداخت اقساط")
    return coop.admit(person(IDS[10]), on="1405/01/01", shares=10)


def cooperative_b() -> Cooperative:
    """Founded 1403/01/10 by IDS[11:18] in Shahin Shahr; one admission in 1404."""
    coop = found(COOP_B, "تعاونی مسکن کارگری شاهین‌شهر", IDS[11:18], "1403/01/10",
                 province="اصفهان", county="شاهین شهر و میمه")  # fmt: skip
    return coop.admit(person(IDS[18]), on="1404/02/01", shares=10)


def project(
    code: str,
    cooperative_id: str,
    *,
    units: int,
    opened: str | None,
    members: int = 0,
    bank: int = 0,
    other: int = 0,
    province: str = "اصفهان",
    county: str | None = None,
    handed_over: str | None = None,
) -> HousingProject:
    built = HousingProject(
        code=code,
        name=f"مجتمع {code}",
        cooperative_id=cooperative_id,
        province=province,
        county=county,
    ).add_units(*(Unit(number=str(number)) for number in range(1, units + 1)))
    money = [
        Financing(source=source, amount=Rial(amount * BILLION))
        for source, amount in (("members", members), ("bank_facility", bank), ("other", other))
        if amount
    ]
    built = built.add_financing(*money).advance("under_construction", on="1401/01/01")
    if opened is None and handed_over is None:
        return built.record_progress(60, on="1403/01/01")
    finished = jdate(1403, 10, 1)
    built = built.record_progress(100, on=finished).advance("completed", on=finished)
    if opened is not None:
        built = built.advance("opened", on=opened)
    if handed_over is not None:
        built = built.advance("handed_over", on=handed_over)
    return built


def projects() -> list[HousingProject]:
    return [
        # 1404/01/01 (Farvardin 1): in 1404; coop A then has IDS[1:9]
        project("P1", COOP_A, units=24, opened="1404/01/01", members=870, bank=130,
                county="نجف‌آباد"),
        # 1403/12/30 (Esfand 30 of a leap year): in 1403, not 1404
        project("P2", COOP_A, units=10, opened="1403/12/30", members=300, other=100,
                county="نجف‌آباد"),
        # 1404/12/29 (Esfand 29, the last day of 1404): in 1404
        project("P3", COOP_B, units=16, opened="1404/12/29", members=500, bank=500,
                county="شاهین شهر و میمه"),
        # no county, no financing, in Tehran
        project("P4", COOP_C, units=40, opened="1404/06/15", province="تهران"),
        # handed over without an opening: never counted
        project("P5", COOP_A, units=8, opened=None, handed_over="1404/07/01", members=50,
                county="نجف‌آباد"),
        # still under construction
        project("P6", COOP_B, units=30, opened=None, members=90, county="شاهین شهر و میمه"),
        # coop A's second opening of 1404: its members are IDS[2:10] then
        project("P7", COOP_A, units=12, opened="1404/10/01", members=200, county="نجف‌آباد"),
        # opened on the first day of 1405
        project("P8", COOP_B, units=6, opened="1405/01/01", members=10, county="شاهین شهر و میمه"),
    ]  # fmt: skip


def cooperatives() -> list[Cooperative]:
    return [cooperative_a(), cooperative_b(), cooperative_c_1400()]


def cooperative_c_1400() -> Cooperative:
    """Founded 1400/01/01 in Tehran by seven people of its own."""
    founders = ("0499370899", "0790419904", "0084575948", "0963695398", "1583250689",
                "4271427683", "0684159414")  # fmt: skip
    return found(COOP_C, "تعاونی مسکن تهران", founders, "1400/01/01", province="تهران")


LRM, RLM = "\u200e", "\u200f"


def unmarked(text: str) -> str:
    """The text without its bidirectional marks."""
    return text.replace(LRM, "").replace(RLM, "")


def by_key(table: Table, key: str) -> dict[object, dict[str, object]]:
    return {row[key]: row for row in table.to_dicts()}


# projects_opened --------------------------------------------------------------------------


def test_projects_opened_by_province() -> None:
    table = projects_opened(projects(), year=1404, by="province", cooperatives=cooperatives())
    rows = table.to_dicts()
    assert [row["province_en"] for row in rows] == ["Isfahan", "Tehran"]
    isfahan, tehran = rows
    # P1, P3, P7; members: coop A's IDS[1:10] over two openings (9), coop B's 8
    assert isfahan == {
        "province_fa": "اصفهان",
        "province_en": "Isfahan",
        "projects": 3,
        "units": 52,
        "people": 52,
        "members": 17,
        "investment": Rial(2200 * BILLION),
        "members_share": Fraction(1570, 2200),
        "banks_share": Fraction(630, 2200),
    }
    assert tehran["projects"] == 1
    assert tehran["units"] == 40
    assert (tehran["people"], tehran["members"]) == (40, 7)
    assert tehran["investment"] == Rial(0)
    assert tehran["members_share"] is None
    assert tehran["banks_share"] is None
    assert table.totals == {
        "projects": 4,
        "units": 92,
        "people": 92,
        "members": 24,
        "investment": Rial(2200 * BILLION),
        "members_share": Fraction(1570, 2200),
        "banks_share": Fraction(630, 2200),
    }


def test_projects_opened_by_county() -> None:
    table = projects_opened(projects(), year=1404, by="county", cooperatives=cooperatives())
    rows = table.to_dicts()
    # most projects first, then most units: Najafabad (2), no county (40 units), Shahin Shahr
    assert [row["county_en"] for row in rows] == ["Najafabad", None, "Shahin-Shahr and Meymeh"]
    najafabad, unknown, shahin = rows
    assert (najafabad["projects"], najafabad["units"], najafabad["members"]) == (2, 36, 9)
    assert najafabad["investment"] == Rial(1200 * BILLION)
    assert najafabad["members_share"] == Fraction(107, 120)
    assert najafabad["banks_share"] == Fraction(13, 120)
    assert (unknown["county_fa"], unknown["projects"], unknown["members"]) == (None, 1, 7)
    assert (shahin["county_fa"], shahin["projects"], shahin["members"]) == (
        "شاهین\u200cشهر و میمه",
        1,
        8,
    )
    assert shahin["members_share"] == shahin["banks_share"] == Fraction(1, 2)


def test_projects_opened_by_cooperative() -> None:
    table = projects_opened(projects(), year=1404, by="cooperative", cooperatives=cooperatives())
    rows = by_key(table, "cooperative")
    assert list(rows) == [COOP_A, COOP_C, COOP_B]
    assert rows[COOP_A]["name"] == "تعاونی مسکن فرهنگیان نجف‌آباد"
    # two openings, one person counted once: {1..8} on 1404/01/01 and {2..9} on 1404/10/01
    assert (rows[COOP_A]["projects"], rows[COOP_A]["units"], rows[COOP_A]["members"]) == (2, 36, 9)
    assert (rows[COOP_B]["projects"], rows[COOP_B]["members"]) == (1, 8)
    # people covered: one member's household per unit
    assert [row["people"] for row in table.to_dicts()] == [36, 40, 16]


def test_members_are_counted_on_the_opening_day() -> None:
    coop = cooperative_a()
    # IDS[0] withdrew on 1404/01/01: not a member on that day
    table = projects_opened([projects()[0]], year=1404, by="cooperative", cooperatives=[coop])
    assert table.to_dicts()[0]["members"] == 8
    # Esfand 30, 1403: IDS[8] admitted that very day is counted, IDS[0] too
    table = projects_opened([projects()[1]], year=1403, by="cooperative", cooperatives=[coop])
    assert table.to_dicts()[0]["members"] == 9


def test_members_count_a_member_who_left_and_came_back() -> None:
    coop = cooperative_a().withdraw(IDS[2], on="1405/02/01")
    coop = coop.admit(person(IDS[2]), on="1405/03/01", shares=10)
    # the record now says IDS[2] joined in 1405, but the history knows the first membership
    assert coop.member(IDS[2]).joined_on == jdate(1405, 3, 1)
    table = projects_opened([projects()[0]], year=1404, cooperatives=[coop])
    assert table.to_dicts()[0]["members"] == 8


def test_year_boundaries() -> None:
    everything = projects()
    owners = cooperatives()
    in_1403 = projects_opened(everything, year=1403, cooperatives=owners)
    assert in_1403.totals is not None
    assert (in_1403.totals["projects"], in_1403.totals["units"], in_1403.totals["members"]) == (
        1,
        10,
        9,
    )
    assert in_1403.totals["members_share"] == Fraction(3, 4)
    assert in_1403.totals["banks_share"] == 0
    in_1405 = projects_opened(everything, year=1405, cooperatives=owners)
    assert in_1405.totals is not None
    assert in_1405.totals["projects"] == 1  # P8, opened on Farvardin 1
    in_1404 = projects_opened(everything, year=1404, cooperatives=owners)
    assert in_1404.totals is not None
    assert in_1404.totals["projects"] == 4  # P1 on Farvardin 1 and P3 on Esfand 29 included


def test_no_projects_opened() -> None:
    for given in ([], projects()):
        table = projects_opened(given, year=1399, by="county", cooperatives=[])
        assert table.rows == ()
        assert table.totals == {
            "projects": 0,
            "units": 0,
            "people": 0,
            "members": 0,
            "investment": Rial(0),
            "members_share": None,
            "banks_share": None,
        }
        assert "(no data)" in table.render("en")
        assert "(بدون داده)" in table.render("fa")


def test_members_unknown_without_cooperatives() -> None:
    table = projects_opened(projects(), year=1404, by="cooperative")
    assert {row["members"] for row in table.to_dicts()} == {None}
    assert [row["people"] for row in table.to_dicts()] == [36, 40, 16]
    assert {row["name"] for row in table.to_dicts()} == {None}
    assert table.totals is not None
    assert table.totals["members"] is None
    assert table.totals["people"] == 92
    assert table.totals["units"] == 92
    assert table.note_en is not None
    assert "Coop members: unknown without the cooperatives" in table.note_en


def test_cooperatives_from_a_registry() -> None:
    registry = Registry(cooperatives=[cooperative_a(), cooperative_b()])
    table = projects_opened(projects()[:3], year=1404, by="cooperative", cooperatives=registry)
    assert [row["members"] for row in table.to_dicts()] == [8, 8]


def test_a_missing_cooperative_is_an_error() -> None:
    with pytest.raises(ReportError) as caught:
        projects_opened(projects(), year=1404, cooperatives=[cooperative_a()])
    assert caught.value.code == "unknown_cooperative"
    assert caught.value.value == COOP_B
    assert "P3" in str(caught.value)
    assert caught.value.message_fa


def test_projects_opened_refuses_bad_arguments() -> None:
    with pytest.raises(ReportError) as caught:
        projects_opened(projects(), year=1404, by="city")
    assert (caught.value.code, caught.value.field) == ("option", "by")
    with pytest.raises(ReportError) as caught:
        projects_opened([projects()[0], "P2"], year=1404)  # type: ignore[list-item]
    assert (caught.value.code, caught.value.field) == ("type", "projects")
    with pytest.raises(ReportError) as caught:
        projects_opened(projects()[0], year=1404)  # type: ignore[arg-type]
    assert caught.value.code == "type"
    with pytest.raises(ReportError) as caught:
        projects_opened([], year=1404, cooperatives=[cooperative_a(), cooperative_a()])
    assert caught.value.code == "duplicate_cooperative"
    with pytest.raises(InvalidDate):
        projects_opened([], year=1404.0)  # type: ignore[arg-type]


def test_projects_opened_text() -> None:
    table = projects_opened(projects(), year=1404, cooperatives=cooperatives())
    english = table.render("en").splitlines()
    assert english[0] == "Housing projects opened in 1404, by province"
    assert english[2].split() == [
        "Province", "projects", "units", "people", "covered", "coop", "members", "investment",
        "members'", "share", "banks'", "share",
    ]  # fmt: skip
    assert english[3].split() == [
        "Isfahan", "3", "52", "52", "17", "220", "billion", "tomans", "71.4%", "28.6%",
    ]  # fmt: skip
    assert english[4].split() == [
        "Tehran", "1", "40", "40", "7", "0", "tomans", MISSING, MISSING,
    ]  # fmt: skip
    assert english[5].split()[:5] == ["total", "4", "92", "92", "24"]
    assert english[7].startswith("People covered: one member's household per residential unit.")
    persian = unmarked(table.render("fa")).splitlines()
    assert persian[0] == "پروژه‌های مسکن افتتاح‌شده در سال ۱۴۰۴ به تفکیک استان"
    assert persian[3].split() == [
        "اصفهان", "۳", "۵۲", "۵۲", "۱۷", "۲۲۰", "میلیارد", "تومان", "۷۱٫۴٪", "۲۸٫۶٪",
    ]  # fmt: skip
    assert persian[5].split()[:2] == ["جمع", "۴"]
    assert persian[7].startswith("نفر تحت پوشش: برای هر واحد مسکونی خانوار یک عضو.")


def test_money_in_text_is_rounded_as_the_press_writes_it() -> None:
    opened = project("P9", COOP_A, units=3, opened="1404/02/01", members=1, county="نجف‌آباد")
    opened = opened.add_financing(Financing(source="other", amount=Rial(4_999_999)))
    table = projects_opened([opened], year=1404)
    assert table.totals is not None
    assert table.totals["investment"] == Rial(1_004_999_999)  # exact in the data
    assert "۱۰۰ میلیون و ۵۰۰ هزار تومان" in table.render("fa")  # 100,499,999.9 tomans
    assert "100.5 million tomans" in table.render("en")
    assert (
        format_value(Rial(12_345_678_912_345), "money") == "۱ هزار و ۲۳۴ میلیارد و ۵۶۸ میلیون تومان"
    )
    # below a million toman, exact: a fraction of a toman in digits, as format_money does
    assert format_value(Rial(9_999_999), "money") == "۹۹۹٬۹۹۹٫۹ تومان"


# membership_movements ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # start, founders, admitted, withdrawn, replaced, expelled, end
        (1401, None),  # founded in 1402: not in the report
        (1402, (0, 7, 0, 0, 0, 0, 7)),
        (1403, (7, 0, 2, 0, 0, 0, 9)),  # the second admission on Esfand 30
        (1404, (9, 0, 0, 1, 1, 1, 7)),  # Farvardin 1 and Esfand 29 both in 1404
        (1405, (7, 0, 1, 0, 0, 0, 8)),
        (1406, (8, 0, 0, 0, 0, 0, 8)),
    ],
)
def test_membership_movements_by_year(year: int, expected: tuple[int, ...] | None) -> None:
    table = membership_movements([cooperative_a()], year=year)
    if expected is None:
        assert table.rows == ()
        return
    (row,) = table.to_dicts()
    keys = ("members_start", "founders", "admitted", "withdrawn", "replaced", "expelled",
            "members_end")  # fmt: skip
    assert tuple(row[key] for key in keys) == expected
    assert row["name"] == "تعاونی مسکن فرهنگیان نجف‌آباد"
    assert row["cooperative"] == COOP_A
    start, founders, admitted, withdrawn, _, expelled, end = expected
    assert end == start + founders + admitted - withdrawn - expelled


def test_membership_movements_grouped() -> None:
    everyone = [cooperative_a(), cooperative_b(), cooperative_c_1400()]
    by_cooperative = membership_movements(everyone, year=1404)
    assert [row["cooperative"] for row in by_cooperative.to_dicts()] == [COOP_A, COOP_B, COOP_C]
    by_province = membership_movements(everyone, year=1404, by="province")
    rows = by_key(by_province, "province_en")
    assert list(rows) == ["Isfahan", "Tehran"]
    isfahan = rows["Isfahan"]
    assert (isfahan["members_start"], isfahan["admitted"], isfahan["members_end"]) == (16, 1, 15)
    assert (isfahan["withdrawn"], isfahan["replaced"], isfahan["expelled"]) == (1, 1, 1)
    by_county = membership_movements(everyone, year=1404, by="county")
    assert [row["county_en"] for row in by_county.to_dicts()] == [
        "Najafabad",
        "Shahin-Shahr and Meymeh",
        None,
    ]
    assert by_province.totals == by_county.totals == by_cooperative.totals
    assert by_cooperative.totals == {
        "members_start": 23,
        "founders": 0,
        "admitted": 1,
        "withdrawn": 1,
        "replaced": 1,
        "expelled": 1,
        "members_end": 22,
    }


def test_membership_movements_of_a_registry_and_of_nothing() -> None:
    registry = Registry(cooperatives=[cooperative_b()])
    (row,) = membership_movements(registry, year=1403).to_dicts()
    assert (row["founders"], row["members_end"]) == (7, 7)
    empty = membership_movements([], year=1404)
    assert empty.rows == ()
    assert empty.totals is not None
    assert set(empty.totals.values()) == {0}
    with pytest.raises(ReportError) as caught:
        membership_movements([cooperative_a()], year=1404, by="board")  # type: ignore[arg-type]
    assert caught.value.code == "option"


def test_membership_movements_from_records_without_a_founding() -> None:
    coop = cooperative_a()
    partial = Cooperative(
        name=coop.name,
        kind=coop.kind,
        legal_id=coop.legal_id,
        province=coop.province,
        statute=coop.statute,
        founded_on=coop.founded_on,
        memberships=coop.memberships,
        history=coop.history[3:],  # the records moved into a new system in 1404
    )
    (row,) = membership_movements([partial], year=1404).to_dicts()
    assert (row["withdrawn"], row["replaced"], row["expelled"]) == (1, 1, 1)
    # from the records: IDS[2:7], IDS[8], IDS[9] on the eve (IDS[0], IDS[1] and IDS[7]
    # left in 1404 and their records say so; IDS[9] joined in 1404 and is not counted)
    assert row["members_end"] == 7
    assert row["members_start"] == len(partial.members(on=jdate(1403, 12, 30)))


# screening --------------------------------------------------------------------------------


def family_land_decisions() -> list[object]:
    family_land = programs.get("family_land")
    zahra = Person(
        national_id="0499370899",
        first_name="زهرا",
        last_name="رضایی",
        children_birth_dates=["1394/03/01", "1397/06/10", "1401/02/15"],
    )
    mahdi = Person(
        national_id="0790419904",
        first_name="مهدی",
        last_name="رحیمی",
        children_birth_dates=["1390/01/01", "1392/01/01", "1394/01/01", "1396/01/01"],
    )
    reza = Person(
        national_id="0963695398",
        first_name="رضا",
        last_name="نوری",
        children_birth_dates=["1380/01/01", "1382/01/01", "1384/01/01", "1386/01/01"],
    )
    ali = Person(national_id="0084575948", first_name="علی", last_name="کریمی")
    return list(family_land.evaluate_many([zahra, mahdi, reza, ali], on=jdate(1402, 6, 1)))


def test_screening_counts() -> None:
    decisions = family_land_decisions()
    table = screening(decisions)  # type: ignore[arg-type]
    rows = [(row["kind_en"], row["code"], row["count"], row["share"]) for row in table.to_dicts()]
    verdicts = [row for row in rows if row[0] == "verdict"]
    assert verdicts == [
        ("verdict", "ineligible", 2, Fraction(1, 2)),
        ("verdict", "eligible", 1, Fraction(1, 4)),
        ("verdict", "undetermined", 1, Fraction(1, 4)),
    ]
    counted: dict[str, int] = {}
    for decision in decisions:
        for code in set(decision.failed_codes):  # type: ignore[attr-defined]
            counted[code] = counted.get(code, 0) + 1
    reasons = [row for row in rows if row[0] == "reason"]
    assert {code: count for _, code, count, _ in reasons} == counted
    assert [count for _, _, count, _ in reasons] == sorted(counted.values(), reverse=True)
    facts = [row for row in rows if row[0] == "missing fact"]
    assert facts == [("missing fact", "children's birth dates", 1, Fraction(1, 4))]
    assert table.totals == {"count": 4}
    assert table.title_en.endswith(": Land or housing for families with a third or later child"
                                   " (Youthful Population law)")  # fmt: skip


def test_screening_describes_reasons_by_their_messages_without_values() -> None:
    table = screening(family_land_decisions())  # type: ignore[arg-type]
    reasons = {row["code"]: row for row in table.to_dicts() if row["kind_en"] == "reason"}
    early = reasons["family_land.third_child_too_early"]
    assert early["label_en"] == (
        "the youngest child was born on …, before …: no third or later child was born under the law"
    )
    assert early["label_fa"] == (
        "کوچک‌ترین فرزند در …، پیش از …، به دنیا آمده است: فرزند سوم یا بعدی پس از تصویب قانون"
        " متولد نشده است"
    )
    assert early["kind_fa"] == "دلیل رد"


def test_screening_of_nothing_and_of_mixed_programs() -> None:
    empty = screening([])
    assert [(row["code"], row["count"], row["share"]) for row in empty.to_dicts()] == [
        ("eligible", 0, None),
        ("ineligible", 0, None),
        ("undetermined", 0, None),
    ]
    assert empty.title_en == "Eligibility screening"
    family = family_land_decisions()
    membership = programs.get("cooperative_membership").evaluate(
        person(IDS[0]), on="1404/09/04", cooperative=cooperative_b()
    )
    mixed = screening([*family, membership])  # type: ignore[list-item]
    assert mixed.title_en == "Eligibility screening"
    assert mixed.totals == {"count": 5}
    with pytest.raises(ReportError) as caught:
        screening([membership, "eligible"])  # type: ignore[list-item]
    assert (caught.value.code, caught.value.field) == ("type", "decisions")


def test_screening_text() -> None:
    table = screening(family_land_decisions())  # type: ignore[arg-type]
    persian = unmarked(table.render("fa")).splitlines()
    # the codes are for English readers and programs: Latin would break Persian lines
    assert persian[2].split() == ["نوع", "شرح", "تعداد", "درصد"]
    assert persian[3].split() == ["نتیجه", "فاقد", "شرایط", "۲", "۵۰٪"]
    english = table.render("en").splitlines()
    assert english[2].split() == ["kind", "description", "code", "decisions", "share"]
    assert english[3].split() == ["verdict", "not", "eligible", "ineligible", "2", "50%"]
    assert english[-4].split() == ["total", "4"]


# Table ----------------------------------------------------------------------------------


def small_table(**extra: object) -> Table:
    return Table(
        title_en="Units by block",
        title_fa="واحدها به تفکیک بلوک",
        columns=[
            Column(key="block_fa", label_en="block", label_fa="بلوک", lang="fa"),
            Column(key="block_en", label_en="block", label_fa="بلوک", lang="en"),
            Column(key="units", label_en="units", label_fa="واحد", kind="count"),
            Column(key="paid", label_en="paid", label_fa="پرداختی", kind="money"),
            Column(key="share", label_en="share", label_fa="سهم", kind="percent"),
            Column(key="since", label_en="since", label_fa="از", kind="date"),
        ],
        rows=[
            {
                "block_fa": "الف",
                "block_en": "A",
                "units": 1200,
                "paid": Rial(25 * BILLION),
                "share": Fraction(87, 100),
                "since": jdate(1404, 9, 4),
            },
            {"block_fa": "ب", "block_en": "B", "units": 36},
        ],
        **extra,  # type: ignore[arg-type]
    )


def test_table_to_dicts() -> None:
    table = small_table()
    rows = table.to_dicts()
    assert rows[1] == {
        "block_fa": "ب",
        "block_en": "B",
        "units": 36,
        "paid": None,
        "share": None,
        "since": None,
    }
    assert list(rows[0]) == ["block_fa", "block_en", "units", "paid", "share", "since"]
    rows[0]["units"] = 0
    assert table.rows[0]["units"] == 1200  # a copy
    assert '"paid":25000000000' in to_json(table.to_dicts())


def test_table_render_english() -> None:
    table = small_table(totals={"units": 1236, "paid": Rial(25 * BILLION)},
                        note_en="A note.", note_fa="یادداشت.")  # fmt: skip
    assert table.render("en") == "\n".join(
        [
            "Units by block",
            "",
            "block  units                paid  share       since",
            "A      1,200  2.5 billion tomans    87%  1404/09/04",
            "B         36                   —      —           —",
            "total  1,236  2.5 billion tomans",
            "",
            "A note.",
        ]
    )


def test_table_render_persian() -> None:
    table = small_table(totals={"units": 1236})
    assert str(table) == table.render("fa")
    assert unmarked(str(table)) == "\n".join(
        [
            "واحدها به تفکیک بلوک",
            "",
            "بلوک  واحد   پرداختی                       سهم  از        ",
            "الف   ۱٬۲۰۰  ۲ میلیارد و ۵۰۰ میلیون تومان  ۸۷٪  ۱۴۰۴/۰۹/۰۴",
            "ب     ۳۶     —                             —    —         ",
            "جمع   ۱٬۲۳۶                                               ",
        ]
    )


def test_persian_lines_are_enclosed_in_right_to_left_marks_and_padded() -> None:
    for table in (
        small_table(totals={"units": 1236}, note_en="n", note_fa="یادداشت"),
        projects_opened(projects(), year=1404, by="cooperative", cooperatives=cooperatives()),
        screening(family_land_decisions()),  # type: ignore[arg-type]
        membership_movements(cooperatives(), year=1404, by="county"),
    ):
        lines = table.render("fa").splitlines()
        for line in lines:
            assert line == "" or (line.startswith(RLM) and line.endswith(RLM)), repr(line)
        body = lines[2 : 3 + len(table.rows) + 1]
        assert len({_width(line) for line in body}) == 1  # the same width: no ragged end
        english = table.render("en")
        assert RLM not in english
        assert all(line == line.rstrip() for line in english.splitlines())


def test_table_render_keeps_columns_in_order_across_directions() -> None:
    table = Table(
        title_en="Cooperatives",
        title_fa="تعاونی‌ها",
        columns=[
            Column(key="name", label_en="name", label_fa="نام"),
            Column(key="members", label_en="members", label_fa="اعضا", kind="count"),
        ],
        rows=[{"name": "تعاونی مسکن مهر", "members": 12}, {"name": "Mehr Co-op", "members": 7}],
    )
    english = table.render("en").splitlines()
    # a Persian name in an English line: an LRM starts the line and closes the cell
    assert english[3] == f"{LRM}تعاونی مسکن مهر{LRM}       12"
    assert english[4] == "Mehr Co-op             7"
    persian = table.render("fa").splitlines()
    # a Latin name in a Persian line is closed by an RLM
    assert persian[3] == f"{RLM}تعاونی مسکن مهر  ۱۲  {RLM}"
    assert persian[4] == f"{RLM}Mehr Co-op{RLM}       ۷   {RLM}"


def test_table_widths_ignore_invisible_characters() -> None:
    table = Table(
        title_en="t",
        title_fa="ت",
        columns=[
            Column(key="a", label_en="a", label_fa="ا"),
            Column(key="b", label_en="b", label_fa="ب"),
        ],
        rows=[{"a": "می‌شود", "b": "x"}, {"a": "abcde", "b": "y"}],
    )
    lines = table.render("fa").splitlines()
    # «می‌شود» is six characters, five cells wide: its ZWNJ takes none
    assert lines[3] == f"{RLM}می‌شود  x{RLM}{RLM}"
    assert lines[4] == f"{RLM}abcde{RLM}  y{RLM}{RLM}"


def test_table_checks_its_values() -> None:
    columns = [Column(key="n", label_en="n", label_fa="ن", kind="count")]
    with pytest.raises(ReportError) as caught:
        Table(title_en="t", title_fa="ت", columns=columns, rows=[{"n": "12"}])
    assert (caught.value.code, caught.value.field) == ("value_type", "rows[0]['n']")
    with pytest.raises(ReportError) as caught:
        Table(title_en="t", title_fa="ت", columns=columns, rows=[{"n": True}])
    assert caught.value.code == "value_type"
    with pytest.raises(ReportError) as caught:
        Table(title_en="t", title_fa="ت", columns=columns, rows=[{"m": 1}])
    assert caught.value.code == "unknown_column"
    with pytest.raises(ReportError) as caught:
        Table(title_en="t", title_fa="ت", columns=columns, rows=[[1]])
    assert caught.value.code == "type"
    with pytest.raises(ReportError) as caught:
        Table(title_en="t", title_fa="ت", columns=columns, rows={"n": 1})  # type: ignore[arg-type]
    assert caught.value.code == "type"
    with pytest.raises(ReportError) as caught:
        Table(title_en="t", title_fa="ت", columns=columns, totals={"n": 1.5})
    assert caught.value.code == "value_type"
    with pytest.raises(ReportError) as caught:
        Table(title_en="t", title_fa="ت", columns=[*columns, *columns])
    assert caught.value.code == "duplicate_column"
    with pytest.raises(ReportError) as caught:
        Table(title_en="t", title_fa="ت", columns=["n"])  # type: ignore[list-item]
    assert caught.value.code == "type"
    with pytest.raises(ReportError) as caught:
        Column(key="n", label_en="n", label_fa="ن", kind="number")
    assert caught.value.code == "option"
    with pytest.raises(ReportError) as caught:
        Column(key="n", label_en="n", label_fa="ن", lang="de")  # type: ignore[arg-type]
    assert caught.value.code == "option"
    with pytest.raises(ReportError) as caught:
        small_table().render("de")  # type: ignore[arg-type]
    assert (caught.value.code, caught.value.field) == ("option", "lang")
    assert isinstance(caught.value, MaskanError)


def test_format_value() -> None:
    assert format_value(Rial(5_500_000_000), ColumnKind.MONEY) == "۵۵۰ میلیون تومان"
    assert format_value(Rial(5_500_000_000), "money", "en") == "550 million tomans"
    assert format_value(Rial(10), "money", "en") == "1 toman"
    assert format_value(Rial(125), "money", "en") == "12.5 tomans"
    assert format_value(Rial(8_590 * BILLION), "money", "en") == "859 billion tomans"
    assert format_value(Rial(-20), "money", "en") == "-2 tomans"
    assert format_value(0, "count") == "۰"
    assert format_value(datetime.date(2025, 3, 20), "date") == "۱۴۰۳/۱۲/۳۰"
    assert format_value(1, "percent", "en") == "100%"
    assert format_value("<b>", "text") == "<b>"
    with pytest.raises(ReportError):
        format_value("12", "count")


def test_to_pandas_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ReportError) as caught:
        small_table().to_pandas()
    assert caught.value.code == "missing_dependency"
    assert "maskan[pandas]" in str(caught.value)
    assert "pandas" in caught.value.message_fa


@pytest.mark.skipif(not HAS_PANDAS, reason="pandas is not installed")
def test_to_pandas() -> None:
    import pandas

    frame = small_table().to_pandas()
    assert list(frame.columns) == ["block_fa", "block_en", "units", "paid", "share", "since"]
    assert frame["units"].tolist() == [1200, 36]
    assert str(frame["units"].dtype) == "Int64"
    assert frame["paid"].iloc[0] == 25 * BILLION
    assert frame["paid"].isna().tolist() == [False, True]
    assert frame["share"].iloc[0] == pytest.approx(0.87)
    assert frame["since"].iloc[0] == pandas.Timestamp("2025-11-25")
    assert frame.attrs["title_fa"] == "واحدها به تفکیک بلوک"
    english = small_table().to_pandas("en")
    assert list(english.columns) == ["block", "units", "paid", "share", "since"]
    persian = small_table().to_pandas("fa")
    assert list(persian.columns) == ["بلوک", "واحد", "پرداختی", "سهم", "از"]
    report = projects_opened(projects(), year=1404, cooperatives=cooperatives()).to_pandas()
    assert int(report["members"].sum()) == 24
    assert int(report["people"].sum()) == 92
    assert report["investment"].tolist() == [2200 * BILLION, 0]
