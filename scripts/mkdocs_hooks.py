"""mkdocs hook: docstrings written for Python's own tools, shown well on the site.

Docstrings follow python-stdnum and the standard library: examples are bare ``>>>`` lines,
which doctest runs, and cross-references are Sphinx roles (``:class:`Rial```). Markdown
would read the examples as nested block quotes (and output such as ``[34, 33, 33]`` as a
link) and print the roles as they are, so this hook fences each run of doctest lines as
``pycon`` and turns each role into inline code.
"""

from __future__ import annotations

import re
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import event_priority

_FENCE = "```"
_ROLE = re.compile(r":(?:class|func|meth|mod|attr|data|exc|obj):`~?(?:[\w.]+\.)?([^`]+)`")


class _DoctestFences(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        result: list[str] = []
        in_fence = in_session = False
        indent = ""
        for line in lines:
            stripped = line.lstrip()
            if stripped.startswith(_FENCE):
                if in_session:
                    result.append(indent + _FENCE)
                    in_session = False
                in_fence = not in_fence
            elif not in_fence and not in_session and stripped.startswith(">>>"):
                indent = line[: len(line) - len(stripped)]
                result.append(indent + _FENCE + "pycon")
                in_session = True
            elif in_session and not stripped:
                result.append(indent + _FENCE)
                in_session = False
            if not in_fence and not in_session and ":`" in line:
                line = _ROLE.sub(r"`\1`", line)
            result.append(line)
        if in_session:
            result.append(indent + _FENCE)
        return result


class DoctestFences(Extension):
    """Registers the preprocessor ahead of the fenced-code handling."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(_DoctestFences(md), "doctest_fences", 29)


@event_priority(100)  # before mkdocstrings copies the Markdown configuration
def on_config(config: Any) -> Any:
    config.markdown_extensions.append(DoctestFences())
    return config
