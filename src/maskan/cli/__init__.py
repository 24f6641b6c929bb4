"""The ``maskan`` command: screen rosters, look up programs, check identifiers, format
numbers, dates and money, and print reports — from a terminal or a script.

Run it as ``maskan …`` (the console script) or ``python -m maskan …``. Every subcommand
takes ``--lang fa|en`` (Persian by default, or the ``MASKAN_LANG`` environment variable)
and prints an error as one line in that language, never a traceback. The exit code says
what happened:

=====  ==============================================================================
code   meaning
=====  ==============================================================================
0      success: every row read, the identifier valid, the value read
1      invalid input: some roster rows were bad, an identifier or a value is invalid
2      usage error: an unknown option, program or column, a missing value, a file that
       cannot be opened
70     a bug in maskan (set ``MASKAN_DEBUG=1`` to see the traceback)
130    interrupted (Ctrl-C)
141    the reader of the output went away (``maskan check … | head``)
=====  ==============================================================================

:func:`main` takes the arguments and returns the exit code, so the command can be called
from Python too:

>>> main(["id", "national-id", "0499370899", "--lang", "en"])
valid national ID: 0499370899
formatted: 049-937089-9
issued in: شهرری, Tehran province
0
>>> main(["words", "2500"])
دو هزار و پانصد
0
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import NoReturn

from maskan.cli._common import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_PIPE,
    EXIT_USAGE,
    Lang,
    UsageError,
    language,
    message,
    say,
)
from maskan.cli._data import ReportData
from maskan.errors import MaskanError

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INTERRUPTED",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_PIPE",
    "EXIT_USAGE",
    "ReportData",
    "UsageError",
    "build_parser",
    "main",
]

# argparse writes its errors in English; these are the ones a user meets, in Persian.
_ARGPARSE_FA: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), persian)
    for pattern, persian in (
        (r"the following arguments are required: (.*)", "این‌ها لازم‌اند: {0}"),
        (r"unrecognized arguments: (.*)", "آرگومان ناشناخته: {0}"),
        (
            r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
            "{0}: گزینهٔ {1} مجاز نیست؛ یکی از {2}",
        ),
        (r"argument (\S+): expected one argument", "{0} یک مقدار لازم دارد"),
        (r"argument (\S+): expected at least one argument", "{0} دست‌کم یک مقدار لازم دارد"),
        (r"argument (\S+): invalid \S+ value: (.*)", "{0}: مقدار {1} درست نیست"),
        (r"ambiguous option: (\S+) could match (.*)", "گزینهٔ {0} مبهم است؛ شاید {1}"),
        (r"argument (\S+): not allowed with argument (\S+)", "{0} با {1} با هم نمی‌آیند"),
    )
)


def _argparse_fa(text: str) -> str:
    for pattern, persian in _ARGPARSE_FA:
        found = pattern.fullmatch(text)
        if found:
            return persian.format(*found.groups())
    return text


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are raised (and printed by :func:`main` on one line,
    in the user's language) instead of printed with the usage and exited."""

    def error(self, message: str) -> NoReturn:
        hint_en = f" (see: {self.prog} --help)"
        hint_fa = f" (راهنما: {self.prog} --help)"
        raise UsageError(
            f"{self.prog}: {message}{hint_en}",
            message_fa=f"{self.prog}: {_argparse_fa(message)}{hint_fa}",
        )


def _lang_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("fa", "en"),
        default=argparse.SUPPRESS,
        help="language of the output and of errors (default: fa, or $MASKAN_LANG)",
    )


Handler = Callable[[argparse.Namespace, Lang], int]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``maskan`` command, with every subcommand.

    >>> parser = build_parser()
    >>> parser.parse_args(["words", "12"]).command
    'words'
    """
    from maskan import __version__

    parser = _Parser(
        prog="maskan",
        description="maskan: Iranian housing cooperatives, housing-program eligibility and "
        "Persian formatting, from the command line.",
        epilog="Exit codes: 0 success, 1 invalid input (bad rows, an invalid identifier or "
        "value), 2 usage error. Guide: docs/guides/command-line.md.",
    )
    parser.add_argument("--version", action="version", version=f"maskan {__version__}")
    _lang_option(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    from maskan.cli import _check, _data, _programs, _tools

    for module in (_data, _check, _programs, _tools):
        module.register(commands, _lang_option)
    return parser


def _configure_streams() -> None:
    # Persian text must print on any terminal: a C or ASCII locale would make print() fail.
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").replace("-", "").casefold()
        if encoding and encoding not in ("utf8", "utf8sig") and hasattr(stream, "reconfigure"):
            with contextlib.suppress(ValueError, OSError):  # an unusual stream: leave it
                stream.reconfigure(encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``maskan`` command with ``argv`` (``sys.argv[1:]`` by default) and return
    the exit code; nothing is raised, every error is printed on one line.

    >>> main(["id", "national-id", "0499370898", "--lang", "en"])
    invalid: national_id: '0499370898' has a wrong check digit (the last digit); look for a \
mistyped or swapped digit
    1
    >>> main(["no-such-command", "--lang", "en"])
    2
    """
    args = list(sys.argv[1:] if argv is None else argv)
    lang = language(args)
    _configure_streams()
    try:
        parser = build_parser()
        try:
            namespace = parser.parse_args(args)
        except SystemExit as done:  # --help and --version print and exit
            return int(done.code or 0)
        lang = getattr(namespace, "lang", lang)
        handler: Handler | None = getattr(namespace, "handler", None)
        if handler is None:
            parser.print_help()
            return EXIT_OK
        code = handler(namespace, lang)
        sys.stdout.flush()  # a reader that went away is noticed here, not at exit
        return code
    except UsageError as error:
        _fail(error, lang)
        return EXIT_USAGE
    except MaskanError as error:
        _fail(error, lang)
        return EXIT_INVALID
    except KeyboardInterrupt:
        _print_error(say(lang, "interrupted", "متوقف شد"), lang)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away; stop quietly and let Python not complain at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):  # pragma: no cover - stdout is not a real file
            pass
        return EXIT_PIPE
    except Exception as error:  # a bug: one line, unless asked for the traceback
        if os.environ.get("MASKAN_DEBUG"):
            traceback.print_exc()
        detail = f"{type(error).__name__}: {error}"
        _print_error(
            say(
                lang,
                f"internal error ({detail}); please report it (MASKAN_DEBUG=1 shows details)",
                f"خطای داخلی ({detail})؛ لطفاً گزارش دهید (MASKAN_DEBUG=1 جزئیات را نشان می‌دهد)",
            ),
            lang,
        )
        return EXIT_INTERNAL


def _fail(error: MaskanError, lang: Lang) -> None:
    _print_error(message(error, lang), lang)


def _print_error(text: str, lang: Lang) -> None:
    prefix = say(lang, "maskan: error: ", "maskan: خطا: ")
    text = text if text.startswith("maskan") else prefix + text
    print(text.replace("\n", "; "), file=sys.stderr)
