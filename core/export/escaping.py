"""Escape article text for each output format so it never becomes markup, links or formulas."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#!|~&])")
_LINE_START = re.compile(r"^([-+=])")
_SPACES = re.compile(r"\s+")
_ORDERED = re.compile(r"^(\d+)\.")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SAFE_SCHEMES = ("http://", "https://")


def html_text(text: str) -> str:
    """Return text safe inside HTML elements and quoted attributes."""
    return html.escape(text, quote=True)


def html_multiline(text: str) -> str:
    """Return escaped text with its line breaks kept as <br>."""
    return "<br>".join(html_text(line) for line in text.split("\n"))


def safe_url(url: str) -> str:
    """Return the URL when it is plain http(s), else "" (javascript:, data: and the like are dropped)."""
    url = url.strip()
    if url.lower().startswith(SAFE_SCHEMES) and not any(c in url for c in " \"'<>`\n\r\t"):
        return url
    return ""


def md_text(text: str) -> str:
    """Return text on one line with every Markdown control character backslash-escaped.

    CommonMark treats a backslash before any ASCII punctuation as that literal character, so
    escaping generously cannot change the rendered words, while missing one could create markup.
    """
    escaped = _MD_SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text).strip())
    # "- ", "+ ", "1. " or "===" at the start of a quote line would become a list or a heading.
    escaped = _LINE_START.sub(r"\\\1", escaped)
    return _ORDERED.sub(r"\1\\.", escaped)


def md_cell(text: str) -> str:
    """Return text safe inside a Markdown table cell."""
    return md_text(text) or " "


def csv_cell(value: object) -> str:
    """Return a CSV cell with spreadsheet formulas neutralised (OWASP: prefix with an apostrophe)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text
