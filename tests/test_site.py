"""The documentation site builds, works offline, has a right-to-left Persian section and no
broken internal link.

One strict build into a temporary folder, shared by the tests of this module. Skipped, with
the reason, where the ``docs`` extra (mkdocs) is not installed; CI installs it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Hosts a page must never load anything from: the site is read offline.
EXTERNAL = re.compile(r"fonts\.googleapis\.com|fonts\.gstatic\.com|//cdn\.|cdnjs|jsdelivr|unpkg")
LOADS = re.compile(r"""(?:src|href)\s*=\s*["']([^"']+)["']|@import\s+(?:url\()?["']?([^"')\s;]+)""")
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)["']?\s*\)""")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs", reason="the docs extra is not installed: pip install -e .[docs]")
    pytest.importorskip("mkdocs_static_i18n", reason="the docs extra is not installed")
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    return out


class _Page(HTMLParser):
    """The links, the ids and the <html> attributes of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.html: dict[str, str | None] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "html":
            self.html = found
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("name"):
            self.ids.add(str(found["name"]))
        for name in ("href", "src"):
            if found.get(name) and tag in ("a", "link", "script", "img", "source"):
                self.links.append(str(found[name]))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _pages(site: Path) -> list[Path]:
    return sorted(path.resolve() for path in site.rglob("*.html"))


def test_no_asset_is_fetched_from_the_internet(site: Path) -> None:
    offending = []
    for path in [*_pages(site), *site.rglob("*.css"), *site.rglob("*.js")]:
        text = path.read_text(encoding="utf-8", errors="replace")
        loads = [a or b for a, b in LOADS.findall(text)]
        if path.suffix == ".css":
            loads += CSS_URL.findall(text)
        offending += [f"{path.relative_to(site)}: {url}" for url in loads if EXTERNAL.search(url)]
    assert not offending, offending


def test_no_web_font_is_configured(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in index
    assert "fonts.gstatic.com" not in index


def test_the_persian_home_page_is_right_to_left(site: Path) -> None:
    page = _parse(site / "fa" / "index.html")
    assert page.html.get("lang") == "fa"
    assert page.html.get("dir") == "rtl"
    text = (site / "fa" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<body[^>]*dir="rtl"', text)


def test_the_english_pages_are_left_to_right(site: Path) -> None:
    page = _parse(site / "index.html")
    assert page.html.get("lang") == "en"
    assert page.html.get("dir") == "ltr"


@pytest.mark.parametrize(
    "page",
    [
        "getting-started",
        "glossary",
        "concepts/people",
        "concepts/cooperatives",
        "concepts/projects",
        "concepts/money-flows",
        "concepts/eligibility",
        "concepts/dates-and-money",
        "programs/without_housing",
        "programs/national_housing_movement",
        "programs/cooperative_membership",
        "programs/workers_housing_cooperative",
        "programs/family_land",
        "guides/persian-formatting",
        "guides/validating-identifiers",
        "guides/serialization",
        "guides/eligibility",
        "guides/custom-program",
        "guides/screening",
        "guides/allocation",
        "guides/reports",
        "guides/notebook",
        "guides/sample-data",
        "guides/command-line",
        "identifiers/national_id",
        "identifiers/legal_id",
        "identifiers/postal_code",
        "identifiers/mobile",
        "identifiers/sheba",
        "identifiers/bank_card",
        "identifiers/banks",
        "reference/errors",
    ],
)
def test_the_persian_section_has_its_own_pages(site: Path, page: str) -> None:
    """These pages are written in Persian, not the English text under /fa/."""
    assert (ROOT / "docs" / f"{page}.fa.md").is_file()
    html = (site / "fa" / page / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.DOTALL)
    assert title is not None
    assert re.search("[\u0600-\u06ff]", title.group(1)), title.group(1)


def test_no_internal_link_is_broken(site: Path) -> None:
    pages = {path.resolve(): _parse(path) for path in _pages(site)}
    broken = []
    for path, page in pages.items():
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            if not parts.path:
                target = path
            elif parts.path.startswith("/"):  # only the 404 page, served at any depth
                if path.name == "404.html":
                    target = (site / unquote(parts.path).lstrip("/")).resolve()
                else:
                    broken.append(f"{path.relative_to(site)} -> {link} (absolute: not offline)")
                    continue
            else:
                target = (path.parent / unquote(parts.path)).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {link}")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target in pages and fragment not in pages[target].ids:
                broken.append(f"{path.relative_to(site)} -> {link} (no such anchor)")
    assert not broken, "\n".join(broken[:50])
