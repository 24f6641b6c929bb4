"""maskan.display: right-to-left, Persian HTML for notebooks, and every piece of text escaped.

Each supported type is shown once with hostile text in every field a user fills in: the
markup must come out as text (``&lt;script&gt;``), never as a tag.
"""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import attrs
import pytest
from test_reports import (
    COOP_A,
    IDS,
    cooperative_a,
    cooperatives,
    found,
    person,
    projects,
)

from maskan.calendar import jdate
from maskan.display import MAX_ROWS, DisplayError, html
from maskan.eligibility import programs
from maskan.eligibility.programs import national_housing_movement
from maskan.eligibility.rules import Finding
from maskan.models import (
    Employment,
    Financing,
    FormJStatus,
    HousingProject,
    Membership,
    Person,
    Residence,
    Statute,
    Unit,
)
from maskan.models._coop_examples import example_statute
from maskan.money import Rial
from maskan.reports import Column, Table, projects_opened, screening

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
BOLD = '<b onclick="x()">bold</b>'
ALLOWED_TAGS = {
    "div", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "bdi", "span", "b",
    "ul", "li",
}  # fmt: skip


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open, tag
        assert self.open[-1] == tag, (self.open, tag)
        self.open.pop()


def check_safe(shown: str) -> None:
    """No tag or attribute came from the data, and the tags are balanced."""
    parser = _Tags()
    parser.feed(shown)
    parser.close()
    assert not parser.open
    assert set(parser.tags) <= ALLOWED_TAGS, set(parser.tags) - ALLOWED_TAGS
    assert set(parser.attributes) <= {"class", "dir", "lang", "style"}
    assert "<script" not in shown
    assert "onclick=" not in shown.replace("onclick=&quot;", "")
    assert shown.startswith('<div class="maskan ')
    assert ' dir="rtl" lang="fa"' in shown.split(">", 1)[0]


def hostile_person() -> Person:
    return Person(
        national_id="0499370899",
        first_name=SCRIPT,
        last_name=BOLD,
        father_name="<i>father</i>",
        birth_date="1370/01/15",
        gender="female",
        nationality="iranian",
        legal_capacity=True,
        marital_status="married",
        head_of_household=True,
        children_birth_dates=["1399/12/30"],
        dependants=2,
        residences=[Residence(city="<img src=x onerror=alert(1)>", since="1390/01/01")],
        employment=Employment(kind="worker", employer="<u>Employer & Sons</u>"),
        owned_properties=(),
        benefits=(),
        form_j=FormJStatus(color="green", as_of="1404/08/01"),
        income_decile=3,
        spouse_national_id="0084575948",
    )


def test_person() -> None:
    shown = html(hostile_person())
    check_safe(shown)
    assert ESCAPED in shown
    assert "&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;" in shown
    assert "&lt;i&gt;father&lt;/i&gt;" in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown
    assert "&lt;u&gt;Employer &amp; Sons&lt;/u&gt;" in shown
    # Persian digits and Jalali dates
    assert "۰۴۹۹۳۷۰۸۹۹" in shown
    assert "۱۵ فروردین ۱۳۷۰" in shown
    assert "۱ فروردین ۱۳۹۰" in shown
    assert "سبز (۱ آبان ۱۴۰۴)" in shown
    assert "0499370899" not in shown


def test_person_shows_only_known_facts() -> None:
    shown = html(Person(national_id="0499370899", first_name="علی", last_name="کریمی"))
    check_safe(shown)
    assert shown.count("<tr>") == 1  # the national ID
    assert "علی کریمی" in shown


def hostile_cooperative() -> object:
    statute = attrs.evolve(example_statute(), expulsion_grounds=[SCRIPT])
    assert isinstance(statute, Statute)
    coop = found(COOP_A, SCRIPT, IDS[0:7], "1402/05/01", province="اصفهان", county="نجف‌آباد")
    coop = attrs.evolve(coop, statute=statute, city="<i>city</i>", registration_number="602223")
    coop = coop.admit(person(IDS[7]), on="1403/03/01", shares=10)
    coop = coop.expel(IDS[7], on="1404/01/10", ground=SCRIPT)
    coop = coop.replace(IDS[1], person(IDS[9]), on="1404/05/10", note=BOLD)
    return coop.elect_board(principals=list(IDS[2:5]), alternates=[IDS[5]], on="1404/06/01")


def test_cooperative() -> None:
    shown = html(hostile_cooperative())
    check_safe(shown)
    assert shown.count(ESCAPED) == 2  # the name and the ground of the expulsion
    assert "&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;" in shown  # the replacement note
    assert "&lt;i&gt;city&lt;/i&gt;" in shown
    assert "۶۰۲۲۲۳" in shown  # the registration number, in Persian digits
    assert "۱ مرداد ۱۴۰۲" in shown  # founded
    assert "آخرین رویدادها (۵ از ۵)" in shown
    assert "انتخاب هیأت مدیره" in shown
    assert "۳ عضو اصلی و ۱ علی‌البدل، تا ۱ شهریور ۱۴۰۷" in shown


def test_cooperative_shows_its_latest_events_only() -> None:
    coop = cooperative_a()
    shown = html(coop)
    check_safe(shown)
    assert (
        f"آخرین رویدادها (۵ از {len(coop.history)})".translate(
            str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
        )
        in shown
    )
    assert "۱ فروردین ۱۴۰۵" in shown  # the latest event, shown first
    # the founders are named three at a time: the founding is not among the last five
    assert "نفر دیگر" not in shown
    founding = html(found(COOP_A, "تعاونی نمونه", IDS[0:7], "1402/05/01", province="اصفهان"))
    assert "و ۴ نفر دیگر" in founding


def test_housing_project() -> None:
    built = (
        HousingProject(
            code=SCRIPT,
            name=BOLD,
            cooperative_id=COOP_A,
            province="اصفهان",
            county="نجف‌آباد",
            city="<i>city</i>",
            address="<u>address</u>",
            land_area_m2=4200,
            land_tenure="lease_99_year",
        )
        .add_units(Unit(number="1", block="<s>A</s>"))
        .add_financing(
            Financing(source="members", amount=Rial(870_000_000_000), bank="<q>bank</q>"),
            Financing(source="bank_facility", amount=Rial(130_000_000_000)),
        )
        .advance("under_construction", on="1402/08/01")
        .record_progress("62.5", on="1403/06/01")
    )
    shown = html(built)
    check_safe(shown)
    for escaped in (
        ESCAPED,
        "&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;",
        "&lt;i&gt;city&lt;/i&gt;",
        "&lt;u&gt;address&lt;/u&gt;",
    ):
        assert escaped in shown
    assert "۴٬۲۰۰ متر مربع، اجارهٔ ۹۹ ساله" in shown
    assert "در حال ساخت (از ۱ آبان ۱۴۰۲)" in shown
    assert "۶۲٫۵٪ (۱ شهریور ۱۴۰۳)" in shown
    assert "۸۷ میلیارد تومان" in shown
    assert "۸۷٪" in shown
    assert "۱۰۰ میلیارد تومان" in shown  # the total


def test_opened_project_shows_its_stages() -> None:
    shown = html(projects()[0])
    check_safe(shown)
    assert "افتتاح‌شده (از ۱ فروردین ۱۴۰۴)" in shown
    assert "در حال ساخت (۱ فروردین ۱۴۰۱) ← تکمیل‌شده (۱ دی ۱۴۰۳)" in shown


def test_decision_with_user_text_in_its_explanation() -> None:
    program = national_housing_movement.PROGRAM.with_values(
        five_year_lookback="in_force", residence_easing="in_force"
    )
    applicant = Person(
        national_id="0499370899",
        first_name=SCRIPT,
        last_name="کریمی",
        gender="male",
        marital_status="married",
        head_of_household=True,
        birth_date="1365/01/01",
        disabled=False,
        residences=[Residence(city=SCRIPT, since="1390/01/01")],
        owned_properties=(),
        benefits=(),
    )
    decision = program.evaluate(applicant, on=jdate(1404, 9, 4), city=BOLD)
    assert SCRIPT in decision.explain("fa")  # the city lived in, in a finding's message
    shown = html(decision)
    check_safe(shown)
    assert f"ساکن {ESCAPED} است" in shown
    assert "&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;" in shown
    assert "فاقد شرایط" in shown
    assert "۴ آذر ۱۴۰۴" in shown
    assert shown.count("<li>") == sum(count_findings(finding) for finding in decision.findings)


def count_findings(finding: Finding) -> int:
    return 1 + sum(count_findings(branch) for branch in finding.branches)


def test_decision_eligible_later() -> None:
    family_land = programs.get("family_land")
    mahdi = Person(
        national_id="0790419904",
        first_name="مهدی",
        last_name="رحیمی",
        children_birth_dates=["1390/01/01", "1392/01/01", "1394/01/01", "1396/01/01"],
    )
    shown = html(family_land.evaluate(mahdi, on=jdate(1402, 6, 1)))
    check_safe(shown)
    assert "از ۱ فروردین ۱۴۰۳ واجد شرایط می‌شود" in shown
    assert "✗" in shown


def test_table_with_names_inside() -> None:
    coops = cooperatives()
    coops[0] = attrs.evolve(coops[0], name=SCRIPT)
    table = projects_opened(projects(), year=1404, by="cooperative", cooperatives=coops)
    shown = html(table)
    assert table._repr_html_() == shown
    check_safe(shown)
    assert ESCAPED in shown
    assert "پروژه‌های مسکن افتتاح‌شده در سال ۱۴۰۴ به تفکیک تعاونی" in shown
    assert "۱۲۰ میلیارد تومان" in shown
    assert "<tfoot" in shown
    assert "جمع" in shown
    assert "نفر تحت پوشش" in shown  # the note


def test_table_hostile_title_note_labels_and_cells() -> None:
    table = Table(
        title_en=SCRIPT,
        title_fa=SCRIPT,
        columns=[
            Column(key="name", label_en=BOLD, label_fa=BOLD),
            Column(key="en_only", label_en="English", label_fa="انگلیسی", lang="en"),
            Column(key="when", label_en="when", label_fa="تاریخ", kind="date"),
        ],
        rows=[{"name": SCRIPT, "en_only": "hidden in Persian", "when": jdate(1403, 12, 30)}],
        totals={"name": "<i>all</i>"},
        note_en=SCRIPT,
        note_fa=SCRIPT,
    )
    shown = html(table)
    check_safe(shown)
    assert shown.count(ESCAPED) == 3  # title, cell, note
    assert "&lt;i&gt;all&lt;/i&gt;" in shown
    assert "hidden in Persian" not in shown
    assert "۱۴۰۳/۱۲/۳۰" in shown


def test_long_and_empty_tables() -> None:
    column = Column(key="n", label_en="n", label_fa="ن", kind="count")
    long = Table(title_en="t", title_fa="ت", columns=[column], rows=[{"n": n} for n in range(100)])
    shown = html(long)
    check_safe(shown)
    assert shown.count("<tr>") == 1 + MAX_ROWS
    assert "۶۰ ردیف از ۱۰۰ ردیف" in shown
    empty = html(Table(title_en="t", title_fa="ت", columns=[column]))
    check_safe(empty)
    assert "(بدون داده)" in empty


def test_screening_table() -> None:
    family_land = programs.get("family_land")
    decisions = family_land.evaluate_many(
        [Person(national_id="0084575948", first_name=SCRIPT, last_name="x")], on=jdate(1404, 9, 4)
    )
    shown = html(screening(decisions))
    check_safe(shown)
    assert "نامعلوم: برخی اطلاعات در دست نیست" in shown


@attrs.frozen
class _Assignment:
    national_id: str
    name: str
    unit: Unit
    position: int
    points: object
    breakdown: tuple[object, ...] = ()


@attrs.frozen
class _Allocation:
    """Shaped like maskan.allocation's result: display duck-types it."""

    method: str
    seed: int | str
    algorithm: str
    on: datetime.date
    assignments: tuple[_Assignment, ...]


def test_allocation() -> None:
    allocation = _Allocation(
        method=BOLD,
        seed=SCRIPT,
        algorithm="maskan-lottery-v1",
        on=jdate(1404, 9, 4),
        assignments=(
            _Assignment(
                national_id="0499370899",
                name=SCRIPT,
                unit=Unit(number="12", block="الف"),
                position=1,
                points=1250,
                breakdown=(Unit(number="1"),),
            ),
            _Assignment(
                national_id="0084575948",
                name="مریم احمدی",
                unit=Unit(number="3"),
                position=2,
                points=980,
            ),
        ),
    )
    shown = html(allocation)
    check_safe(shown)
    assert ESCAPED in shown  # a member's name
    assert "&lt;script&gt;alert(۱)&lt;/script&gt;" in shown  # the seed, in Persian digits
    assert "&lt;b onclick=&quot;x()&quot;&gt;bold&lt;/b&gt;" in shown  # the method
    assert "بلوک الف، واحد ۱۲" in shown
    assert "۰۴۹۹۳۷۰۸۹۹" in shown
    assert "۱٬۲۵۰" in shown
    assert "۴ آذر ۱۴۰۴" in shown
    assert "breakdown" not in shown  # a list of records is too much for a cell
    assert re.search(r"<th[^>]*>کد ملی</th>", shown)


def test_allocation_as_a_mapping_of_members_to_units() -> None:
    class Simple:
        def __init__(self) -> None:
            self.method = "lottery"
            self.seed = 482719
            self.assignments = {"0499370899": Unit(number="1"), SCRIPT: Unit(number="2")}

    shown = html(Simple())
    check_safe(shown)
    assert ESCAPED in shown
    assert "۴۸۲۷۱۹" in shown  # a seed is shown as announced, without grouping
    assert "واحد ۲" in shown


def test_anything_else_is_refused() -> None:
    for thing in (42, "text", None, Rial(5), [hostile_person()]):
        with pytest.raises(DisplayError) as caught:
            html(thing)
        assert caught.value.code == "type"
        assert caught.value.message_fa


def test_allocation_of_maskan_allocation() -> None:
    allocation = pytest.importorskip("maskan.allocation")
    members = [
        Membership(national_id=national_id, shares=10, joined_on=day)
        for national_id, day in [
            ("0499370899", "1401/01/15"),
            ("0084575948", "1403/07/01"),
            ("0790419904", "1403/07/01"),
        ]
    ]
    ranking = allocation.rank(
        members, formula=allocation.PointsFormula(seniority_years=10), on="1404/09/04"
    )
    result = allocation.allocate(
        [Unit(number="1", block=SCRIPT), Unit(number="2")],
        method="rank_then_lottery",
        ranking=ranking,
        seed=482719,
        on="1404/09/04",
    )
    shown = html(result)
    check_safe(shown)
    assert "بلوک &lt;script&gt;alert(۱)&lt;/script&gt;، واحد ۱" in shown
    assert "رتبه، سپس قرعه‌کشی در هر گروه" in shown  # the method's label
    assert "۴۸۲۷۱۹" in shown
    assert "نوبت نرسید" in shown  # every candidate's turn, not only the winners
    assert shown.count("<tr>") == 5 + 1 + 3  # five facts, the header, three turns
