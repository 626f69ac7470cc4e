"""Extract the main text and metadata of a news web page (trafilatura, tag-strip fallback)."""

from __future__ import annotations

import html
import re

from core.ingest.encoding import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_DROP_BLOCKS = re.compile(r"<(script|style|noscript|template|svg|head|nav|footer|aside|form)\b.*?</\1\s*>", re.I | re.S)
_BLOCK_TAGS = re.compile(
    r"</?(p|div|br|h[1-6]|li|ul|ol|section|article|header|blockquote|tr|table|pre|hr)\b[^>]*>", re.I
)
_ANY_TAG = re.compile(r"<[^>]+>")
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_PUBLISHED = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|datePublished|"""
    r"""pubdate|date)["'][^>]*content\s*=\s*["']([^"']+)""",
    re.I,
)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)

_EMPTY_META = ("title", "outlet", "author", "published", "url")


def html_to_str(data: bytes | str) -> str:
    """Decode HTML bytes honouring a BOM, then UTF-8, then a <meta charset>, then detection."""
    if isinstance(data, str):
        return data
    try:
        return (
            decode(data)[0]
            if data[:4].startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"))
            else data.decode("utf-8")
        )
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)[0]


def extract_html(data: bytes | str, url: str = "") -> tuple[str, dict]:
    """Return the article text (one paragraph per line) and its title/outlet/author/published/url.

    meta["notice"] is a one-line remark for the user when the real extractor could not run and the
    plain tag-strip fallback gave the text instead.
    """
    markup = html_to_str(data)
    meta = {key: "" for key in _EMPTY_META}
    meta["url"] = url
    meta["notice"] = ""
    text = ""
    doc, meta["notice"] = _trafilatura(markup, url)
    if doc is not None:
        text = _clean_lines(doc.text or "")
        meta["title"] = (doc.title or "").strip()
        meta["outlet"] = (doc.sitename or "").strip()
        meta["author"] = (doc.author or "").strip()
        meta["published"] = (doc.date or "").strip()
        meta["url"] = url or (doc.url or "").strip()
    if not text.strip():
        text = strip_tags(markup)
    if not meta["title"]:
        found = _TITLE.search(markup)
        if found:
            meta["title"] = " ".join(html.unescape(_ANY_TAG.sub("", found.group(1))).split())
    if not meta["published"]:
        found = _PUBLISHED.search(markup)
        if found:
            meta["published"] = found.group(1).strip()
    return text, meta


def _trafilatura(markup: str, url: str):
    """Run trafilatura's extraction: (document or None, notice when it could not run at all)."""
    try:
        import trafilatura
    except ImportError as exc:
        # A broken install (an lxml without html_clean, say) must cost the user the extractor's
        # quality, not the import: fall back to the tag strip and say so once.
        return None, f"HTML extractor unavailable ({exc.name or exc}); used plain tag stripping"
    try:
        return trafilatura.bare_extraction(
            markup,
            url=url or None,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            with_metadata=True,
            favor_recall=True,
        ), ""
    except ImportError as exc:  # trafilatura imports some of its helpers lazily
        return None, f"HTML extractor unavailable ({exc.name or exc}); used plain tag stripping"
    except Exception:  # trafilatura raises assorted lxml/parser errors on hostile markup
        return None, ""


def strip_tags(markup: str) -> str:
    """Return the visible text of markup with block elements as line breaks (the fallback)."""
    body = _COMMENT.sub("", markup)
    body = _DROP_BLOCKS.sub("\n", body)
    body = _BLOCK_TAGS.sub("\n", body)
    body = html.unescape(_ANY_TAG.sub("", body))
    return _clean_lines(body)


def _clean_lines(text: str) -> str:
    """Collapse runs of spaces inside lines and drop empty lines."""
    lines = (" ".join(line.split()) for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)
