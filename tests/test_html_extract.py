from pathlib import Path

from core.ingest.html import extract_html, strip_tags

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def test_news_page_yields_article_paragraphs_one_per_line():
    text, _ = extract_html((FIXTURES / "article.html").read_bytes())
    lines = text.split("\n")
    assert lines[0] == "Harbour bridge reopens after repairs"
    assert lines[1].startswith("The Eastgate harbour bridge reopened to traffic on Tuesday")
    assert lines[-1].endswith("while the bridge was closed.")
    assert len(lines) == 5


def test_navigation_scripts_and_footer_are_left_out():
    text, _ = extract_html((FIXTURES / "article.html").read_bytes())
    assert "tracking" not in text
    assert "Home" not in text
    assert "All rights reserved" not in text


def test_metadata_has_title_outlet_author_date_and_given_url():
    _, meta = extract_html((FIXTURES / "article.html").read_bytes(), url="https://example.org/bridge")
    assert meta == {
        "title": "Harbour bridge reopens after repairs",
        "outlet": "The Lakeside Courier",
        "author": "Mira Okafor",
        "published": "2024-04-02",
        "url": "https://example.org/bridge",
        "notice": "",
    }


def test_tiny_page_falls_back_to_tag_stripping():
    text, meta = extract_html("<html><body><p>Tiny</p></body></html>")
    assert text == "Tiny"
    assert meta["title"] == ""


def test_strip_tags_drops_scripts_and_keeps_blocks_on_lines():
    markup = "<div>One &amp; two</div><script>x=1</script><p>Three <b>four</b></p><!-- hidden -->"
    assert strip_tags(markup) == "One & two\nThree four"


def test_declared_legacy_charset_is_honoured():
    markup = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 reopens</p></body></html>'
    text, _ = extract_html(markup.encode("cp1252"))
    assert "Café reopens" in text


def test_empty_input_gives_empty_text_and_blank_metadata():
    assert extract_html("") == ("", {"title": "", "outlet": "", "author": "", "published": "", "url": "", "notice": ""})


def test_a_broken_extractor_install_falls_back_to_tag_stripping_with_one_notice(monkeypatch):
    # A fresh `pip install` once paired trafilatura with an lxml lacking html_clean: every HTML
    # import raised ImportError. The user must get the text and one line, never a traceback.
    import builtins

    real_import = builtins.__import__

    def refuse_trafilatura(name, *args, **kwargs):
        if name == "trafilatura":
            raise ImportError("lxml.html.clean module is now a separate project", name="lxml_html_clean")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse_trafilatura)
    text, meta = extract_html("<html><body><p>The council met on Tuesday.</p></body></html>")
    assert text == "The council met on Tuesday."
    assert meta["notice"] == "HTML extractor unavailable (lxml_html_clean); used plain tag stripping"


def test_a_working_extractor_leaves_no_notice():
    _, meta = extract_html("<html><body><article><p>The council met on Tuesday.</p></article></body></html>")
    assert meta["notice"] == ""
