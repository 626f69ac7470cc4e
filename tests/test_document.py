import time

from core.ingest.document import build_document
from core.ingest.sources import load_text

ARTICLE = (
    "Harbour Bridge Reopens\n"
    "The bridge reopened on Tuesday. Engineers replaced 42 cables.\n"
    "Also Read: Council approves tram line\n"
    "View AllMr. Holt said traffic was light at 7 a.m. Wednesday.\n"
    "Advertisement\n"
)


def test_passages_are_sentences_outside_boilerplate_with_positional_ids():
    doc = build_document(load_text(ARTICLE), "d2")
    assert doc.id == "d2"
    assert [(p.id, p.index, p.start, p.end, p.text) for p in doc.passages] == [
        ("d2:p0", 0, 0, 22, "Harbour Bridge Reopens"),
        ("d2:p1", 1, 23, 54, "The bridge reopened on Tuesday."),
        ("d2:p2", 2, 55, 84, "Engineers replaced 42 cables."),
        ("d2:p3", 3, 131, 183, "Mr. Holt said traffic was light at 7 a.m. Wednesday."),
    ]
    assert all(p.doc == "d2" for p in doc.passages)


def test_boilerplate_is_kept_aside_with_exact_spans():
    doc = build_document(load_text(ARTICLE), "d0")
    assert [(b.start, b.end, b.text) for b in doc.boilerplate] == [
        (85, 122, "Also Read: Council approves tram line"),
        (123, 131, "View All"),
        (184, 197, "Advertisement"),
    ]


def test_document_keeps_its_source():
    source = load_text(ARTICLE)
    assert build_document(source, "d0").source is source


def _article(seed: int, words: int = 600) -> str:
    vocab = (
        "officials",
        "said",
        "the",
        "bridge",
        "council",
        "Mr.",
        "Holt",
        "U.S.",
        "3.5",
        "percent",
        "on",
        "Tuesday",
        "talks",
        "in",
        "Berlin",
        "would",
        "reopen",
        "after",
        "repairs",
    )
    out, count = [], 0
    while count < words:
        n = 8 + (seed + count) % 17
        sentence = " ".join(vocab[(seed * 7 + count + i * 3) % len(vocab)] for i in range(n))
        out.append(sentence[0].upper() + sentence[1:] + ".")
        count += n
        if count % 5 == 0:
            out.append("\n\n")
    return " ".join(out)


def test_five_600_word_articles_build_in_a_few_milliseconds():
    sources = [load_text(_article(k), title=f"a{k}") for k in range(5)]
    build_document(sources[0], "d0")  # warm the regex caches
    best = min(_timed(sources) for _ in range(5))
    assert best < 0.05  # measured ~3 ms on the dev machine; generous for slow CI


def _timed(sources) -> float:
    start = time.perf_counter()
    for n, source in enumerate(sources):
        build_document(source, f"d{n}")
    return time.perf_counter() - start


def test_seed_documents_have_passages_that_match_their_text(seeds_dir):
    from core.ingest.sources import load_paths

    sources, _ = load_paths(sorted(seeds_dir.glob("*.txt")))
    for n, source in enumerate(sources):
        doc = build_document(source, f"d{n}")
        assert all(source.text[p.start : p.end] == p.text for p in doc.passages)
        assert not any(b.start < p.end and p.start < b.end for b in doc.boilerplate for p in doc.passages)


def test_a_text_read_again_under_another_id_is_split_once_with_the_same_passages(monkeypatch):
    from core.ingest import document

    calls = []
    split = document.split_sentences
    monkeypatch.setattr(document, "split_sentences", lambda text, skip: calls.append(text) or split(text, skip))
    document._reading.cache_clear()
    first = build_document(load_text(ARTICLE), "d0")
    again = build_document(load_text(ARTICLE), "d3")
    assert calls == [ARTICLE]
    assert [(p.start, p.end, p.text) for p in first.passages] == [(p.start, p.end, p.text) for p in again.passages]
    assert [p.id for p in again.passages] == ["d3:p0", "d3:p1", "d3:p2", "d3:p3"]
    assert again.boilerplate == first.boilerplate
    document._reading.cache_clear()
