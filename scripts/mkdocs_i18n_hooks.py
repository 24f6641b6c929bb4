"""mkdocs hook for the two-language site: direction on ``<html>``, relative language links.

mkdocs-material writes the page's language on ``<html lang="…">`` and its direction only on
``<body dir="…">``. A browser, a screen reader or a test that looks at the document element
should read the same thing, so this hook adds ``dir`` to ``<html>``, from the direction of the
language being built: right to left for Persian, left to right otherwise.

mkdocs-static-i18n gives the language menu of the two home pages absolute links (``/`` and
``/fa/``), which lead nowhere when the site is opened from disk or served under a sub-path;
this hook makes them relative, as every other link of the site is.
"""

from __future__ import annotations

import re
from typing import Any

_RTL = {"fa", "ar", "he", "ur", "ps", "ckb"}
_HTML = re.compile(r"<html(?![^>]*\sdir=)([^>]*)>", re.IGNORECASE)
_LANGUAGE_LINK = re.compile(r'href="/([^"]*)"(\s+hreflang=)')


def on_post_page(output: str, page: Any, config: Any) -> str:
    language = str(config.theme.get("language") or "en").split("-")[0].split("_")[0]
    direction = "rtl" if language in _RTL else "ltr"
    output = _HTML.sub(rf'<html dir="{direction}"\1>', output, count=1)
    if page.url.endswith(".html"):  # 404.html is served at any depth: it keeps absolute links
        return output
    up = "../" * len([part for part in page.url.split("/") if part])
    return _LANGUAGE_LINK.sub(lambda m: f'href="{up + m.group(1) or "./"}"{m.group(2)}', output)
