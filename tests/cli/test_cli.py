"""The ``maskan`` command end to end, as a subprocess: usage, languages, errors, exit codes,
and the small subcommands (``id``, ``words``, ``date``, ``money``, ``programs``)."""

from __future__ import annotations

import json

import pytest
from cli_run import maskan, run

from maskan.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main

# --- the command itself -----------------------------------------------------------------


def test_help_lists_every_subcommand() -> None:
    done = maskan("--help")
    assert done.code == EXIT_OK
    for command in (
        "check",
        "programs",
        "id",
        "words",
        "date",
        "money",
        "report",
        "sample",
        "demo",
    ):
        assert command in done.out


def test_no_subcommand_prints_help() -> None:
    done = maskan()
    assert done.code == EXIT_OK
    assert "usage: maskan" in done.out


def test_version() -> None:
    from maskan import __version__

    assert maskan("--version").out.strip() == f"maskan {__version__}"


@pytest.mark.parametrize(
    ("args", "english", "persian"),
    [
        (["no-such-command"], "invalid choice", "مجاز نیست"),
        (["id"], "the following arguments are required", "لازم‌اند"),
        (["id", "passport", "123"], "invalid choice", "مجاز نیست"),
        (["words", "12", "--no-such-option"], "unrecognized arguments", "ناشناخته"),
        (["check", "x.csv"], "--program", "--program"),
        (["money", "12", "--unit", "dollar"], "invalid choice", "مجاز نیست"),
    ],
)
def test_usage_errors_are_one_line_in_the_language_asked(
    args: list[str], english: str, persian: str
) -> None:
    done = maskan(*args, "--lang", "en")
    assert done.code == EXIT_USAGE
    assert done.out == ""
    assert len(done.err.strip().splitlines()) == 1
    assert english in done.err
    done = maskan(*args, "--lang", "fa")
    assert done.code == EXIT_USAGE
    assert len(done.err.strip().splitlines()) == 1
    assert persian in done.err


def test_language_defaults_to_persian_and_follows_the_environment() -> None:
    assert "نامعتبر" in maskan("id", "mobile", "123").out
    assert "invalid" in maskan("id", "mobile", "123", env={"MASKAN_LANG": "en"}).out
    # --lang wins over the environment, before or after the subcommand
    assert "نامعتبر" in maskan("--lang", "fa", "id", "mobile", "123", env={"MASKAN_LANG": "en"}).out


def test_main_in_process_returns_the_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["words", "12"]) == EXIT_OK
    assert capsys.readouterr().out == "دوازده\n"
    assert main(["words", "--lang", "en", "سیب"]) == EXIT_INVALID
    assert "cannot read the word" in capsys.readouterr().err
    assert main(["nope"]) == EXIT_USAGE


@pytest.mark.parametrize(
    ("args", "code", "expected"),
    [
        (["id", "national-id", "0499370899"], EXIT_OK, "049-937089-9"),
        (["id", "national-id", "0499370898"], EXIT_INVALID, "نامعتبر"),
        (["words", "2500"], EXIT_OK, "دو هزار و پانصد"),
        (["date", "1404/09/04", "--to", "gregorian"], EXIT_OK, "2025-11-25"),
        (
            ["money", "2500000000", "--unit", "toman", "--style", "compact"],
            EXIT_OK,
            "۲۵۰ میلیون تومان",
        ),
        (["programs", "family_land"], EXIT_OK, "family_land.third_child"),
    ],
)
def test_small_subcommands_as_a_subprocess(args: list[str], code: int, expected: str) -> None:
    done = maskan(*args)
    assert done.code == code
    assert expected in done.out


@pytest.mark.parametrize(
    "args",
    [["words", "سیب"], ["date", "1404/13/01"], ["money", "سیب"], ["programs", "nope"]],
)
def test_bad_input_as_a_subprocess_is_one_line(args: list[str]) -> None:
    done = maskan(*args, "--lang", "en")
    assert done.code in (EXIT_INVALID, EXIT_USAGE)
    assert done.out == ""
    assert len(done.err.strip().splitlines()) == 1
    assert done.err.startswith("maskan: error: ")


# --- id ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "value", "formatted", "hint"),
    [
        ("national-id", "۰۴۹-۹۳۷۰۸۹-۹", "049-937089-9", "Tehran"),
        ("legal-id", "14011517510", "14011517510", None),
        ("postal-code", "8134879156", "81348-79156", None),
        ("mobile", "+98 912 123 4567", "0912 123 4567", "MCI"),
        ("sheba", "ir820540102680020817909002", "IR82 0540 1026 8002 0817 9090 02", "Parsian"),
        ("bank-card", "6037 9911 2345 6786", "6037 9911 2345 6786", "Melli"),
    ],
)
def test_id_valid(kind: str, value: str, formatted: str, hint: str | None) -> None:
    done = run("id", kind, value, "--lang", "en")
    assert done.code == EXIT_OK, done
    assert done.out.startswith("valid ")
    assert formatted in done.out
    if hint:
        assert hint in done.out


def test_id_invalid_gives_the_reason_and_exit_code_1() -> None:
    done = run("id", "national-id", "0499370898", "--lang", "en")
    assert done.code == EXIT_INVALID
    assert done.out.startswith("invalid: ")
    assert "check digit" in done.out
    done = run("id", "sheba", "IR830540102680020817909002")
    assert done.code == EXIT_INVALID
    assert "رقم‌های کنترل" in done.out


def test_id_value_in_several_words_and_json() -> None:
    done = run("id", "mobile", "0912", "123", "4567", "--format", "json")
    assert done.code == EXIT_OK
    data = json.loads(done.out)
    assert data == {
        "kind": "mobile",
        "valid": True,
        "compact": "09121234567",
        "formatted": "0912 123 4567",
        "operator": "همراه اول",
    }
    done = run("id", "bank_card", "6037991123456787", "--format", "json")
    assert done.code == EXIT_INVALID
    assert json.loads(done.out)["code"] == "checksum"


# --- words, date, money -----------------------------------------------------------------


def test_words_both_ways() -> None:
    assert run("words", "2500").out == "دو هزار و پانصد\n"
    assert run("words", "۱۲٫۵").out == "دوازده و پنج دهم\n"
    assert run("words", "دو", "هزار", "و", "پانصد").out == "۲٬۵۰۰\n"
    assert run("words", "دو هزار و پانصد", "--lang", "en").out == "2500\n"
    assert run("words", "21", "--ordinal").out == "بیست و یکم\n"


def test_words_bad_input() -> None:
    done = run("words", "دو هزار و سیب", "--lang", "en")
    assert done.code == EXIT_INVALID
    assert done.err.count("\n") == 1
    assert "سیب" in done.err
    assert run("words", "1.5", "--ordinal").code == EXIT_INVALID
    assert run("words", "12--3").code == EXIT_INVALID


def test_date_both_ways() -> None:
    done = run("date", "1404/09/04", "--lang", "en")
    assert done.code == EXIT_OK
    assert "2025-11-25" in done.out
    assert "Tuesday, 4 Azar 1404" in done.out
    assert run("date", "2025-11-25", "--to", "jalali").out == "۱۴۰۴/۰۹/۰۴\n"
    assert run("date", "2025-11-25", "--to", "jalali", "--lang", "en").out == "1404/09/04\n"
    assert run("date", "۴", "آذر", "۱۴۰۴", "--to", "gregorian").out == "2025-11-25\n"
    assert run("date", "1404/09/04", "--style", "long").out == "۴ آذر ۱۴۰۴\n"
    assert run("date", "1404/09/04", "--style", "full").out == "سه‌شنبه ۴ آذر ۱۴۰۴\n"
    full = run("date", "1404/09/04", "--to", "gregorian", "--style", "full", "--lang", "en")
    assert full.out == "Tuesday, 25 November 2025\n"
    assert run("date", "today").code == EXIT_OK


def test_date_bad_input() -> None:
    done = run("date", "1404/12/30", "--lang", "en")
    assert done.code == EXIT_INVALID
    assert (
        done.err.strip() == "maskan: error: day: 1404/12/30 does not exist; Esfand 1404 has 29 days"
    )
    assert run("date", "tomorrow-ish").code == EXIT_INVALID


def test_money() -> None:
    done = run("money", "2500000000")
    assert done.code == EXIT_OK
    assert "۲۵۰ میلیون تومان" in done.out
    assert "دویست و پنجاه میلیون تومان" in done.out
    assert run("money", "250", "میلیون", "تومان", "--unit", "rial").out == ("۲٬۵۰۰٬۰۰۰٬۰۰۰ ریال\n")
    assert run("money", "2500000000", "--unit", "toman", "--style", "compact").out == (
        "۲۵۰ میلیون تومان\n"
    )
    assert run("money", "250000000", "--from", "toman", "--style", "words").out == (
        "دو میلیارد و پانصد میلیون ریال\n"
    )
    english = run("money", "2500000000", "--lang", "en").out
    assert "250,000,000 tomans" in english


def test_money_bad_input() -> None:
    done = run("money", "12.5", "--lang", "en")  # not a whole number of rials
    assert done.code == EXIT_INVALID
    assert len(done.err.strip().splitlines()) == 1
    assert run("money", "سیب").code == EXIT_INVALID


# --- programs ---------------------------------------------------------------------------


def test_programs_list() -> None:
    from maskan.eligibility.programs import PROGRAMS

    done = run("programs", "--lang", "en")
    assert done.code == EXIT_OK
    for code, program in PROGRAMS.items():
        assert code in done.out
        assert program.title_en in done.out
    assert "نهضت ملی مسکن" in run("programs").out
    listing = json.loads(run("programs", "--format", "json").out)
    assert {entry["code"] for entry in listing} == set(PROGRAMS)


def test_programs_one_program_shows_rules_and_dated_parameters() -> None:
    done = run("programs", "national_housing_movement", "--lang", "en")
    assert done.code == EXIT_OK
    assert "national_housing_movement.residence" in done.out
    assert "from 2022-01-04 (1400/10/14): 23 years" in done.out  # single men's minimum age
    assert "give --value five_year_lookback=" in done.out
    persian = run("programs", "national-housing-movement").out
    assert "از ۱۴ دی ۱۴۰۰: ۲۳ سال" in persian
    described = json.loads(run("programs", "family_land", "--format", "json").out)
    assert described["code"] == "family_land"
    assert described["parameters"]


def test_programs_unknown_name_is_a_usage_error() -> None:
    done = run("programs", "mehr", "--lang", "en")
    assert done.code == EXIT_USAGE
    assert "national_housing_movement" in done.err  # the message lists the programs
