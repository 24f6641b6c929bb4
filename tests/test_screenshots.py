"""The built documentation site, as a browser draws it: the English home page left to right,
the Persian home page right to left.

The site is built once into a temporary folder, and headless Chromium takes a screenshot
of ``index.html`` and ``fa/index.html`` at 1280×900. The Persian page must declare
``dir="rtl"`` in the DOM Chromium built, and its screenshot must *look* right to left: in
the content column, the text's ink is weighted to the right, where the English page's is
not. The PNGs are decoded here with ``zlib`` and ``struct`` alone.

Skipped, with the reason, where mkdocs (the ``docs`` extra) or Chromium is not installed;
``.ci/run`` installs both. Set ``MASKAN_SCREENSHOTS=<folder>`` to keep the screenshots.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1280, 900
PAGES = {"home": "index.html", "persian": "fa/index.html"}

# The content column at 1280 px: Material's grid is 61rem (1220 px) wide, with a 12.1rem
# (242 px) sidebar on either side — navigation on the reading side, the table of contents on
# the other — so the central 56 % of the window holds the page's own text and no sidebar,
# in either direction.
BAND = (int(WIDTH * 0.22), int(WIDTH * 0.78))
DARK = 128  # luminance below which a pixel is ink
WHITE = 250  # luminance of the page's background (code blocks are #f5f5f5, 245)
# How much more ink the reading side must have. Long lines fill the column either way; the
# short ones (headings, the last line of a paragraph) show the direction. The home pages
# measure about 2 : 1.
LEAN = 1.25


def _chromium() -> str:
    for candidate in ("/usr/bin/chromium", "chromium", "chromium-browser"):
        found = shutil.which(candidate)
        if found:
            return found
    pytest.skip("Chromium is not installed: apt-get install chromium")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs", reason="mkdocs is not installed: pip install -e .[docs]")
    out = tmp_path_factory.mktemp("site")
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    for page in PAGES.values():
        assert (out / page).is_file(), (
            f"the site has no {page}: the Persian section of the docs (mkdocs-static-i18n,"
            " docs/*.fa.md) builds the Persian home page there"
        )
    return out


def _run_chromium(*arguments: str, profile: Path) -> subprocess.CompletedProcess[bytes]:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, timeout=120, check=False)


@pytest.fixture(scope="module")
def screenshots(site: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    _chromium()
    folder = tmp_path_factory.mktemp("screenshots")
    taken = {}
    for name, page in PAGES.items():
        png = folder / f"{name}.png"
        done = _run_chromium(
            f"--screenshot={png}",
            f"--window-size={WIDTH},{HEIGHT}",
            (site / page).as_uri(),
            profile=folder / f"profile-{name}",
        )
        assert done.returncode == 0, done.stderr.decode(errors="replace")
        assert png.is_file(), done.stderr.decode(errors="replace")
        taken[name] = png
    keep = os.environ.get("MASKAN_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for png in taken.values():
            shutil.copy(png, Path(keep) / png.name)
    return taken


# --- PNG, decoded with the standard library -----------------------------------------------


def _paeth(left: int, up: int, corner: int) -> int:
    estimate = left + up - corner
    to_left, to_up, to_corner = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
    if to_left <= to_up and to_left <= to_corner:
        return left
    return up if to_up <= to_corner else corner


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of an 8-bit RGB or RGBA PNG, each row as grey levels."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    at, idat, header = 8, bytearray(), b""
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind = data[at + 4 : at + 8]
        body = data[at + 8 : at + 8 + length]
        at += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8, f"{path}: {depth}-bit samples"
    assert colour in (2, 6), f"{path}: colour type {colour}, not RGB or RGBA"
    assert interlace == 0, f"{path}: interlaced"
    step = 3 if colour == 2 else 4
    stride = width * step
    raw = zlib.decompress(bytes(idat))
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(step, stride):
                line[i] = (line[i] + line[i - step]) & 0xFF
        elif kind == 2:  # Up
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - step] if i >= step else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:  # Paeth
            for i in range(stride):
                left = line[i - step] if i >= step else 0
                corner = previous[i - step] if i >= step else 0
                line[i] = (line[i] + _paeth(left, previous[i], corner)) & 0xFF
        else:
            assert kind == 0, f"unknown PNG filter {kind}"
        previous = line
        grey = bytes(
            (299 * line[i] + 587 * line[i + 1] + 114 * line[i + 2]) // 1000
            for i in range(0, stride, step)
        )
        rows.append(grey)
    return width, height, rows


def ink(rows: list[bytes], band: tuple[int, int]) -> tuple[int, int]:
    """Dark pixels in the left and the right half of ``band``, counting only rows of running
    text: rows on the page's white background. That leaves out the header and footer bars,
    and code blocks (light grey), whose code reads left to right in either language."""
    low, high = band
    middle = (low + high) // 2
    left = right = 0
    for row in rows:
        segment = row[low:high]
        if sum(value >= WHITE for value in segment) * 2 < len(segment):
            continue
        dark = [x for x in range(low, high) if row[x] < DARK]
        for x in dark:
            if x < middle:
                left += 1
            else:
                right += 1
    return left, right


@pytest.fixture(scope="module")
def pixels(screenshots: dict[str, Path]) -> dict[str, list[bytes]]:
    decoded = {}
    for name, png in screenshots.items():
        width, height, rows = read_png(png)
        assert (width, height) == (WIDTH, HEIGHT), (name, width, height)
        decoded[name] = rows
    return decoded


# --- the tests ------------------------------------------------------------------------------


def test_screenshots_are_not_blank(pixels: dict[str, list[bytes]]) -> None:
    for name, rows in pixels.items():
        levels = {value for row in rows for value in row[:: WIDTH // 64]}
        assert len(levels) > 8, f"{name}: {len(levels)} grey levels, a blank page"
        left, right = ink(rows, BAND)
        assert left + right > 1_000, f"{name}: almost no text in the content column"


def test_the_persian_dom_is_right_to_left(site: Path, tmp_path: Path) -> None:
    done = _run_chromium("--dump-dom", (site / PAGES["persian"]).as_uri(), profile=tmp_path)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    dom = done.stdout.decode("utf-8")
    html = re.search(r"<html\b[^>]*>", dom)
    assert html is not None, dom[:300]
    assert re.search(r'\bdir="rtl"', html.group(0)), html.group(0)
    assert re.search(r'\blang="fa"', html.group(0)), html.group(0)
    english = _run_chromium("--dump-dom", (site / PAGES["home"]).as_uri(), profile=tmp_path)
    opening = re.search(r"<html\b[^>]*>", english.stdout.decode("utf-8"))
    assert opening is not None
    assert 'dir="rtl"' not in opening.group(0), opening.group(0)


def test_the_persian_page_reads_right_to_left(pixels: dict[str, list[bytes]]) -> None:
    left, right = ink(pixels["persian"], BAND)
    assert right > LEAN * left, f"Persian page: ink left {left}, right {right}"


def test_the_english_page_reads_left_to_right(pixels: dict[str, list[bytes]]) -> None:
    # The same measure on the English page must come out the other way, or the check above
    # could not tell a right-to-left page from any other.
    left, right = ink(pixels["home"], BAND)
    assert left > LEAN * right, f"English page: ink left {left}, right {right}"
