"""Escaping article text for HTML, Markdown and CSV."""

from core.export.escaping import csv_cell, html_text, md_text, safe_url


def test_html_text_escapes_tags_quotes_and_ampersands():
    assert html_text('<a href="x">\'&') == "&lt;a href=&quot;x&quot;&gt;&#x27;&amp;"


def test_markdown_control_characters_are_backslash_escaped_on_one_line():
    assert md_text("*a* _b_ `c` [d](javascript:e) <f> #g |h| ~i~ &amp;\nnext") == (
        r"\*a\* \_b\_ \`c\` \[d\](javascript:e) \<f\> \#g \|h\| \~i\~ \&amp; next"
    )


def test_markdown_line_starts_that_would_make_lists_or_headings_are_escaped():
    assert [md_text(t) for t in ("- item", "+ item", "=== x", "12. item", "a - b")] == [
        r"\- item",
        r"\+ item",
        r"\=== x",
        r"12\. item",
        "a - b",
    ]


def test_csv_cells_starting_like_a_formula_get_an_apostrophe():
    assert [csv_cell(v) for v in ("=SUM(A1)", "+1", "-2", "@SUM", "\tx", "\rx", "a=b", 5, None)] == [
        "'=SUM(A1)",
        "'+1",
        "'-2",
        "'@SUM",
        "'\tx",
        "'\rx",
        "a=b",
        "5",
        "",
    ]


def test_only_plain_http_urls_may_become_links():
    assert [
        safe_url(u)
        for u in (
            "https://a.example/x",
            " http://b.example ",
            "javascript:alert(1)",
            "data:text/html,x",
            'https://a.example/"onclick=x',
        )
    ] == ["https://a.example/x", "http://b.example", "", "", ""]
