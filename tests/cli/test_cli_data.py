"""``maskan demo``, ``maskan sample`` and ``maskan report`` end to end."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from cli_run import maskan, run

from maskan import samples, serde
from maskan.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from maskan.cli._data import DEMO_SEED, ReportData


def test_demo_in_english() -> None:
    done = maskan("demo", "--lang", "en")
    assert done.code == EXIT_OK, done.err
    assert done.err == ""
    out = done.out
    assert "synthetic" in out
    assert "made up" in out
    assert "Housing projects opened in 1404, by county" in out
    total = next(line for line in out.splitlines() if line.startswith("total"))
    assert total.split()[1:3] == ["44", "2,596"]  # projects, units
    assert "Eligibility screening: National Housing Movement" in out
    assert "without_housing.owned_in_lookback" in out  # the most common reason
    assert f"seed {DEMO_SEED}" in out
    assert "maskan-lottery-v1" in out
    assert "re-derives the draw from the seed: True" in out


def test_demo_in_persian_with_another_seed() -> None:
    done = run("demo", "--seed", "123")
    assert done.code == EXIT_OK
    assert "پروژه‌های مسکن افتتاح‌شده در سال ۱۴۰۴" in done.out
    assert "بذر 123" in done.out
    assert "درست است" in done.out


def test_the_demo_lottery_depends_on_the_seed() -> None:
    first = run("demo", "--lang", "en", "--seed", "1").out.split("A lottery for")[1]
    second = run("demo", "--lang", "en", "--seed", "2").out.split("A lottery for")[1]
    assert first != second
    assert run("demo", "--lang", "en", "--seed", "1").out.split("A lottery for")[1] == first


@pytest.fixture(scope="module")
def data_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "isfahan.json"
    done = maskan("sample", "report", "--output", path)
    assert done.code == EXIT_OK
    assert done.out == ""
    return path


def test_sample_report_data_reads_back(data_file: Path) -> None:
    data = serde.from_json(ReportData, data_file.read_bytes())
    sample = samples.isfahan_1404()
    assert data.cooperatives == sample.cooperatives
    assert data.projects == sample.projects


def test_report_by_county_as_a_subprocess(data_file: Path) -> None:
    done = maskan("report", data_file, "--year", "1404", "--by", "county", "--lang", "en")
    assert done.code == EXIT_OK
    assert "Housing projects opened in 1404, by county" in done.out
    assert "Najafabad" in done.out
    total = next(line for line in done.out.splitlines() if line.startswith("total"))
    assert total.split()[1:3] == ["44", "2,596"]


def test_report_formats_and_groupings(data_file: Path) -> None:
    rows = json.loads(run("report", data_file, "--year", "1404", "--format", "json").out)
    assert len(rows) == 1
    assert rows[0]["province_en"] == "Isfahan"
    assert rows[0]["projects"] == 44
    assert rows[0]["units"] == 2596
    assert rows[0]["members_share"] > rows[0]["banks_share"]  # members paid the larger part
    table = list(
        csv.DictReader(
            io.StringIO(
                run(
                    "report", data_file, "--year", "1404", "--by", "cooperative", "--format", "csv"
                ).out
            )
        )
    )
    assert sum(int(row["projects"]) for row in table) == 44
    persian = run("report", data_file, "--year", "1403", "--by", "county").out
    assert "۱۴۰۳" in persian
    movements = run("report", data_file, "--year", "1404", "--movements", "--lang", "en").out
    assert "Housing projects opened" in movements
    assert "withdrawn" in movements.casefold()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{", "not valid JSON"),
        ('{"projects": [], "people": []}', "$.people: unknown field"),
        ('{"projects": [{"code": "x"}]}', "$.projects[0]"),
    ],
)
def test_report_bad_data(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "data.json"
    path.write_text(text, encoding="utf-8")
    done = run("report", path, "--year", "1404", "--lang", "en")
    assert done.code == EXIT_INVALID
    assert expected in done.err
    assert len(done.err.strip().splitlines()) == 1


def test_report_bad_data_as_a_subprocess(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_text('{"projects": [{"code": "x"}]}', encoding="utf-8")
    done = maskan("report", path, "--year", "1404")
    assert done.code == EXIT_INVALID
    assert done.out == ""
    assert len(done.err.strip().splitlines()) == 1
    assert done.err.startswith("maskan: خطا: ")


def test_report_usage_errors(tmp_path: Path, data_file: Path) -> None:
    assert run("report", tmp_path / "nope.json", "--year", "1404").code == EXIT_USAGE
    assert run("report", data_file, "--by", "city").code == EXIT_USAGE
    assert run("report", data_file, "--year", "next").code == EXIT_USAGE
    far = run("report", data_file, "--year", "99999", "--lang", "en")
    assert far.code == EXIT_INVALID


def test_sample_roster_is_the_samples_applicants_and_checks_like_them(tmp_path: Path) -> None:
    path = tmp_path / "applicants.csv"
    assert run("sample", "roster", "-o", path).code == EXIT_OK
    done = run(
        "check",
        path,
        "--program",
        "national_housing_movement",
        "--on",
        "1404/09/04",
        "--value",
        "five_year_lookback=in_force",
        "residence_easing=in_force",
        "--format",
        "json",
    )
    assert done.code == EXIT_OK
    verdicts = Counter(json.loads(line)["verdict"] for line in done.out.splitlines())
    expected = Counter(decision.verdict.value for decision in samples.isfahan_1404().screen())
    assert verdicts == expected


def test_sample_roster_as_json_lines() -> None:
    done = run("sample", "roster", "--people", "3", "--seed", "9", "--format", "json")
    lines = [json.loads(line) for line in done.out.splitlines()]
    people = list(samples.generate(3, seed=9))
    assert [line["person"]["national_id"] for line in lines] == [p.national_id for p in people]
    assert all(line["context"] == {"city": samples.CITY} for line in lines)


def test_sample_bad_input() -> None:
    done = run("sample", "roster", "--people", "-1", "--lang", "en")
    assert done.code == EXIT_INVALID
    assert "n_people: -1 is below 0" in done.err
    assert run("sample", "ledger").code == EXIT_USAGE
