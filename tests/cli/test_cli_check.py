"""``maskan check`` end to end: CSV, JSON Lines and JSON array rosters, every output format,
bad rows (line numbers, reasons, counts, exit codes) and usage errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import maskan, run

from maskan.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE

NHM = [
    "--program",
    "national_housing_movement",
    "--on",
    "1404/09/04",
    "--value",
    "five_year_lookback=in_force",
    "residence_easing=in_force",
]

HEADER = (
    "national_id,first_name,last_name,birth_date,gender,marital_status,head_of_household,"
    "disabled,city,city_since,owned_properties,benefits,spouse_owned_properties,"
    "spouse_benefits,applied_city\n"
)
GOOD = [
    # eligible: married head of household, 14 years in Isfahan, no home, spouse none either
    "0499370899,سارا,احمدی,1371/02/10,female,married,yes,no,اصفهان,1390/01/01,none,none,none,"
    "none,اصفهان\n",
    # ineligible: a single woman under 35 (eligible from her 35th birthday)
    "0084575948,مریم,احمدی,1375/05/10,زن,مجرد,no,no,اصفهان,1380/01/01,none,none,,,اصفهان\n",
    # undetermined: the ownership history is unknown
    "1122334451,علی,رضایی,1365/01/01,male,married,yes,no,اصفهان,1390/01/01,,none,none,none,"
    "اصفهان\n",
]
BAD = [
    # line 5: a wrong check digit
    "0499370898,رضا,کریمی,1360/01/01,male,married,yes,no,,,,,,,\n",
    # line 6: month 13
    "0499370899,رضا,کریمی,1360/13/01,male,married,yes,no,,,,,,,\n",
    # line 7: not yes or no
    "0499370899,رضا,کریمی,1360/01/01,male,married,maybe,no,,,,,,,\n",
]


@pytest.fixture
def roster(tmp_path: Path) -> Path:
    path = tmp_path / "roster.csv"
    path.write_text(HEADER + "".join(GOOD + BAD), encoding="utf-8")
    return path


def test_csv_table_with_bad_rows(roster: Path) -> None:
    done = maskan("check", roster, *NHM, "--lang", "en")
    assert done.code == EXIT_INVALID
    lines = done.out.splitlines()
    assert lines[0].split()[:4] == ["line", "ID", "name", "verdict"]
    assert len(lines) == 1 + 6  # every row has a line, the bad ones too
    assert "eligible" in lines[1]
    assert "not eligible" in lines[2]
    assert "undetermined" in lines[3]
    assert "1410/05/10" in lines[2]  # eligible from her 35th birthday
    assert all("BAD ROW" in line for line in lines[4:])
    errors = done.err.splitlines()
    assert errors[0].startswith("line 5: national_id: '0499370898'")
    assert errors[1].startswith("line 6: birth_date: month: 13")
    assert errors[2] == "line 7: head_of_household: 'maybe' is not yes or no"
    assert errors[3].startswith("6 rows: 1 eligible, 1 not eligible, 1 undetermined, 3 bad rows")


def test_persian_table_and_messages(roster: Path) -> None:
    done = run("check", roster, *NHM)
    assert done.code == EXIT_INVALID
    assert "واجد شرایط" in done.out
    assert "ردیف نادرست" in done.out
    assert "سطر ۵: کد ملی" in done.err
    assert "۶ ردیف: ۱ واجد شرایط، ۱ فاقد شرایط، ۱ نامعلوم، ۳ ردیف نادرست" in done.err


def test_json_lines_output(roster: Path) -> None:
    done = maskan("check", roster, *NHM, "--format", "json", "--lang", "en")
    assert done.code == EXIT_INVALID
    records = [json.loads(line) for line in done.out.splitlines()]
    assert [record["line"] for record in records] == [2, 3, 4, 5, 6, 7]
    eligible, ineligible, undetermined = records[:3]
    assert eligible["verdict"] == "eligible"
    assert eligible["eligible_from"] == "2025-11-25"
    assert ineligible["verdict"] == "ineligible"
    assert "national_housing_movement.single_woman_under_age" in ineligible["failed"]
    assert ineligible["eligible_from"] == "2031-08-01"
    assert undetermined["unknown"] == ["residential ownership history"]
    assert records[3] == {
        "line": 5,
        "national_id": "0499370898",
        "verdict": "error",
        "error_code": "checksum",
        "error": "national_id: '0499370898' has a wrong check digit (the last digit); look "
        "for a mistyped or swapped digit",
    }
    assert [record["error_code"] for record in records[4:]] == ["month_out_of_range", "flag"]


def test_csv_output_to_a_file_with_jalali_dates(roster: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    done = run("check", roster, *NHM, "--format", "csv", "--output", output, "--dates", "jalali")
    assert done.code == EXIT_INVALID
    assert done.out == ""
    rows = list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))
    assert [row["verdict"] for row in rows] == ["eligible", "ineligible", "undetermined"] + [
        "error"
    ] * 3
    assert rows[1]["eligible_from"] == "1410-05-10"
    assert rows[0]["eligible_from"] == "1404-09-04"
    assert rows[3]["line"] == "5"
    assert rows[3]["error_code"] == "checksum"
    assert "کد ملی" in rows[3]["error"]  # Persian messages, as --lang says


def test_excel_byte_order_mark(roster: Path, tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    run("check", roster, *NHM, "--format", "csv", "-o", output, "--bom")
    assert output.read_bytes().startswith(b"\xef\xbb\xbfline,")


def test_all_good_rows_exit_0(tmp_path: Path) -> None:
    path = tmp_path / "good.csv"
    path.write_text(HEADER + "".join(GOOD), encoding="utf-8-sig")  # a BOM, as Excel writes
    done = maskan("check", path, *NHM, "--format", "csv", "--lang", "en")
    assert done.code == EXIT_OK
    assert done.err.strip() == "3 rows: 1 eligible, 1 not eligible, 1 undetermined, 0 bad rows"


def test_json_lines_input(tmp_path: Path) -> None:
    path = tmp_path / "roster.jsonl"
    sara = {
        "national_id": "0499370899",
        "first_name": "سارا",
        "last_name": "احمدی",
        "birth_date": "1371-02-10",
        "gender": "female",
        "marital_status": "married",
        "head_of_household": True,
        "disabled": False,
        "residences": [
            {"city": "تهران", "since": "1371/02/10"},
            {"city": "اصفهان", "since": "1390/01/01"},
        ],
        "owned_properties": [],
        "benefits": [],
        "spouse_housing": {"owned_properties": [], "benefits": []},
    }
    lines = [
        json.dumps({"person": sara, "context": {"city": "اصفهان"}}, ensure_ascii=False),
        "",  # blank lines are not rows, but count as lines
        json.dumps(sara, ensure_ascii=False),  # no city: the residence rule is unknown
        "{not json",
        json.dumps({**sara, "birth_date": "1404-13-01"}, ensure_ascii=False),
        json.dumps({**sara, "nickname": "x"}, ensure_ascii=False),
        json.dumps({"first_name": "x", "last_name": "y"}),
        "[1, 2]",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    done = maskan("check", path, *NHM, "--format", "json", "--lang", "en")
    assert done.code == EXIT_INVALID
    records = {record["line"]: record for record in map(json.loads, done.out.splitlines())}
    assert sorted(records) == [1, 3, 4, 5, 6, 7, 8]
    assert records[1]["verdict"] == "eligible"
    assert records[3]["verdict"] == "undetermined"
    assert records[4]["error_code"] == "json"
    assert records[5]["error_code"] == "month_out_of_range"
    assert "$.birth_date" in records[5]["error"]
    assert records[6]["error_code"] == "unknown_field"
    assert "$.nickname" in records[6]["error"]
    assert records[7]["error_code"] == "missing"
    assert "$.national_id" in records[7]["error"]
    assert records[8]["verdict"] == "error"
    assert "5 bad rows" in done.err


def test_json_array_input_is_streamed_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    text = (
        "[\n"
        '  {"national_id": "0499370899", "first_name": "زهرا", "last_name": "رضایی",\n'
        '   "children_birth_dates": ["1394/03/01", "1397/06/10", "1401/02/15"]},\n'
        '  {"national_id": "0499370898", "first_name": "x", "last_name": "y"},\n'
        '  {"national_id": "0084575948",\n'
        '   "first_name": "علی", "last_name": "کریمی", "children_birth_dates": []}\n'
        "]\n"
    )
    path.write_text(text, encoding="utf-8")
    done = maskan(
        "check",
        path,
        "--program",
        "family_land",
        "--on",
        "1404/09/04",
        "--format",
        "json",
        "--lang",
        "en",
    )
    assert done.code == EXIT_INVALID
    records = [json.loads(line) for line in done.out.splitlines()]
    assert [(r["line"], r["verdict"]) for r in records] == [
        (2, "eligible"),
        (4, "error"),
        (5, "ineligible"),
    ]
    assert done.err.startswith("line 4: $.national_id: ")


def test_a_broken_json_array_stops_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.json"
    path.write_text(
        '[{"national_id": "0499370899", "first_name": "a", "last_name": "b"},\n'
        ' {"national_id": "0084575948", "first_name": "c", "last_name": }\n'
        ' {"national_id": "1122334451", "first_name": "e", "last_name": "f"}]\n',
        encoding="utf-8",
    )
    done = run(
        "check",
        path,
        "--program",
        "family_land",
        "--on",
        "1404/09/04",
        "--lang",
        "en",
        "--format",
        "json",
    )
    assert done.code == EXIT_INVALID
    records = [json.loads(line) for line in done.out.splitlines()]
    assert [(r["line"], r["verdict"]) for r in records] == [(1, "undetermined"), (2, "error")]
    assert "the rest of the JSON array cannot be read" in records[1]["error"]


def test_stdin(roster: Path) -> None:
    done = maskan("check", "-", *NHM, "--format", "csv", stdin=roster.read_bytes())
    assert done.code == EXIT_INVALID
    assert len(done.out.splitlines()) == 7
    lines = b'{"national_id": "0499370899", "first_name": "a", "last_name": "b"}\n'
    done = maskan("check", "-", "--program", "family_land", "--format", "json", stdin=lines)
    assert done.code == EXIT_OK
    assert json.loads(done.out)["verdict"] == "undetermined"


def test_row_problems_are_bad_rows_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_bytes(
        b"national_id,first_name,last_name,city,city_since\n"
        b"0499370899,a,b,x,1390/01/01\n"
        b"0499370899,a,b,x\n"  # a cell short
        b"0499370899,\xe1\xe2,b,,\n"  # not UTF-8 (a Windows-1256 export)
        b'0499370899,"a\nb",c,x,1390/01/01\n'  # a quoted cell over two lines: one row
        b"\n"
        b"0499370899,a,b,x,\n"  # a city without the date
        b"0499370899,a,b,,1390/01/01\n"  # a date without the city
    )
    done = run("check", path, "--program", "family_land", "--lang", "en", "--format", "json")
    assert done.code == EXIT_INVALID
    records = [json.loads(line) for line in done.out.splitlines()]
    assert [(r["line"], r.get("error_code", r["verdict"])) for r in records] == [
        (2, "undetermined"),
        (3, "cells"),
        (4, "encoding"),
        (5, "undetermined"),
        (8, "missing"),
        (9, "missing"),
    ]
    assert "4 bad rows" in done.err


def test_context_from_the_command_line_and_from_the_row(tmp_path: Path) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(HEADER + GOOD[0] + GOOD[0].replace(",اصفهان\n", ",\n"), encoding="utf-8")
    done = run("check", path, *NHM, "--format", "json")
    verdicts = [json.loads(line)["verdict"] for line in done.out.splitlines()]
    assert verdicts == ["eligible", "undetermined"]  # the second row names no city
    done = run("check", path, *NHM, "--format", "json", "--context", "city=تهران")
    verdicts = [json.loads(line)["verdict"] for line in done.out.splitlines()]
    assert verdicts == ["eligible", "ineligible"]  # the row's applied_city wins


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--program", "mehr"], "is not a built-in program"),
        (["--program", "national_housing_movement"], "--value five_year_lookback="),
        (["--program", "family_land", "--value", "x=1"], "'x' is not a parameter of family_land"),
        (
            [
                "--program",
                "workers_housing_cooperative",
                "--value",
                "minimum_insurance_months=many",
            ],
            "minimum_insurance_months='many'",
        ),
        (["--program", "family_land", "--value", "oops"], "is not NAME=VALUE"),
        (["--program", "family_land", "--on", "1404/13/01"], "--on: month: 13"),
        (["--program", "cooperative_membership"], "needs a Cooperative"),
    ],
)
def test_usage_errors(roster: Path, args: list[str], expected: str) -> None:
    done = run("check", roster, *args, "--lang", "en")
    assert done.code == EXIT_USAGE
    assert expected in done.err
    assert len(done.err.strip().splitlines()) == 1
    assert done.out == ""


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    done = maskan("check", tmp_path / "nope.csv", "--program", "family_land", "--lang", "en")
    assert done.code == EXIT_USAGE
    assert "cannot open" in done.err
    assert "No such file" in done.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "the file is empty"),
        ("national_id,first_name\n", "the column 'last_name' is missing"),
        ("national_id,first_name,last_name,brith_date\n", "did you mean 'birth_date'?"),
        ("national_id,first_name,last_name,city,city\n", "appears twice"),
    ],
)
def test_an_unusable_header_is_invalid_input(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "roster.csv"
    path.write_text(text, encoding="utf-8")
    done = run("check", path, "--program", "family_land", "--lang", "en")
    assert done.code == EXIT_INVALID
    assert expected in done.err
    assert done.out == ""


def test_progress_is_shown_when_asked(roster: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from maskan.cli import _check

    monkeypatch.setattr(_check, "_PROGRESS_SECONDS", 0.0)
    monkeypatch.setattr(_check, "_PROGRESS_EVERY", 1)
    done = run("check", roster, *NHM, "--progress", "--lang", "en")
    assert "rows/s" in done.err
    quiet = run("check", roster, *NHM, "--no-progress", "--lang", "en")
    assert "rows/s" not in quiet.err


def test_a_closed_pipe_ends_quietly(roster: Path) -> None:
    big = roster.parent / "big.csv"
    big.write_text(HEADER + "".join(GOOD) * 3000, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "maskan", "check", str(big), *NHM, "--format", "csv"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # like `| head -1`
    error = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert "Traceback" not in error


def test_a_misspelt_context_name_is_a_usage_error(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("national_id,first_name,last_name\n0499370899,علی,کریمی\n", encoding="utf-8")
    done = run(
        "check",
        str(roster),
        "--program",
        "national_housing_movement",
        "--value",
        "five_year_lookback=in_force",
        "--value",
        "residence_easing=in_force",
        "--context",
        "citty=اصفهان",
        "--lang",
        "en",
    )
    assert done.code == 2
    assert "citty" in done.err
    assert "Traceback" not in done.err
