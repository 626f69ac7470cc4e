"""Who a source says a fact came from."""

from core.compare.facts import build_fact_sheet
from fact_sheet_texts import sources


def test_attributions_found_with_the_word_gates_are_those_the_whole_patterns_find(monkeypatch):
    from core.compare.facts import attribution

    texts = (
        "At least 40 cars were stranded on the quay, according to harbour officials.",
        "Port officials said 38 cars were stranded. The ferry left at 9:15, a pilot told the Orvan Herald.",
        "Some 41 cars waited, the harbour master estimated on Monday; “It was calm,” he wrote.",
    )
    gated = [
        (r.label, [(c.document, c.start, c.end, c.value) for c in r.cells]) for r in build_fact_sheet(sources(*texts))
    ]
    monkeypatch.setattr(attribution, "letters_plain", lambda text: False)
    attribution.first_attribution.cache_clear()  # each distinct text is read again, without the gate
    whole = [
        (r.label, [(c.document, c.start, c.end, c.value) for c in r.cells]) for r in build_fact_sheet(sources(*texts))
    ]
    assert gated == whole
    assert [cell[3] for cell in dict(gated)["cars: attributed to"]] == ["harbour officials", "port officials"]


TEXTS = (
    "Two senior officials told Reuters that 40 ferries sailed, the harbour master said.",
    "Port Alvar's mayor, Ines Marlow, told reporters on Friday that three people drowned.",
    "According to the coastguard, 12 boats sank; Tove Adler reported that the quay held.",
    "several diplomats said the talks stalled. people said little, and sources confirmed it.",
    "An interview with the Orvan Herald ran long; the Orvan Herald first reported the fire.",
    "Nothing here is attributed to anyone at all.",
    "Earlier reports suggested 30 crew; RUMOURS and ſpeculation spread, the unconfirmed figure WROTE itself.",
)


def test_the_speaker_patterns_find_what_they_found_without_their_first_letter_test():
    import re

    from core.compare.facts.attribution import CUE_WORDS, CUES, PATTERNS
    from core.compare.figure_origins import _HEARSAY_RE
    from core.compare.slots import _ATTRIBUTION_RE

    for pattern in PATTERNS + (_ATTRIBUTION_RE, CUES, _HEARSAY_RE):
        plain = re.compile(re.sub(r"^\(\?=\[[^]]+\]\)", "", pattern.pattern), pattern.flags)
        assert plain.pattern != pattern.pattern or pattern is PATTERNS[1]
        for text in TEXTS:
            found = [m.span() + m.groups() for m in pattern.finditer(text)]
            assert found == [m.span() + m.groups() for m in plain.finditer(text)]
    assert any(PATTERNS[2].search(text) for text in TEXTS) and any(_ATTRIBUTION_RE.search(text) for text in TEXTS)
    assert "according" in CUE_WORDS and "(" not in "".join(CUE_WORDS)


def test_a_passage_is_attributed_to_the_speaker_named_first_whichever_pattern_names_them():
    texts = (
        "Harbour officials said 40 cars were stranded, a pilot told the Orvan Herald, and the mayor said so too.",
        "According to the coastguard, 38 cars were stranded; port officials said so and a pilot told reporters.",
    )
    rows = {r.label: r for r in build_fact_sheet(sources(*texts))}
    cells = rows["cars: attributed to"].cells
    assert [(c.start, c.end, c.value) for c in cells] == [(0, 22, "harbour officials"), (0, 27, "coastguard")]


SPEAKER_TEXTS = (
    "Harbour officials said 40 cars were stranded.",
    "the harbour master said 40 cars were stranded.",
    "McAllister said the quay held, and spokespeople confirmed it.",
    "a pilot told reporters that 12 boats sank; the pilot told the Orvan Herald more.",
    "Port Alvar officials, said nothing; Marlow  said it twice, said Ida Lund.",
    "The ferry left at 9:15 and nobody reported it, the crew said, nor wrote.",
    "Ångström said little; ängel told Orvan Radio; O'Neill-Ross told the Herald.",
    "U.S. officials said so, iPhone said so, 3M said so, x-Ray said so.",
    "Nothing here is attributed to anyone at all.",
)


def test_a_speaker_pattern_is_tried_only_where_a_speakers_last_word_stands_before_its_verb():
    from core.compare.facts.attribution import PATTERNS, SPEAKER_ENDS

    gated = {}
    for number in (0, 2):
        for text in SPEAKER_TEXTS:
            found = PATTERNS[number].search(text)
            end = SPEAKER_ENDS[number].search(text)
            assert end is not None or found is None
            if found is not None:  # the whole match holds the speaker's last word and the verb
                assert SPEAKER_ENDS[number].search(found.group())
            gated[(number, text)] = end is not None
    # "the harbour master said", "the crew said", "the pilot told": no capital, no speaker noun
    assert not gated[(2, SPEAKER_TEXTS[1])] and not gated[(2, SPEAKER_TEXTS[5])] and not gated[(0, SPEAKER_TEXTS[3])]
    assert gated[(2, SPEAKER_TEXTS[2])] and gated[(0, SPEAKER_TEXTS[6])] and gated[(2, SPEAKER_TEXTS[7])]


def test_attributions_found_with_the_speaker_gate_are_those_found_without_it(monkeypatch):
    from core.compare.facts import attribution

    texts = (
        "At least 40 cars were stranded, harbour officials said, and the master wrote that 40 was right.",
        "Some 38 cars were stranded, McAllister told the Orvan Herald; spokespeople confirmed 38.",
        "About 41 cars waited, the crew reported, while Ida Lund said 41.",
    )
    gated = [
        (r.label, [(c.document, c.start, c.end, c.value) for c in r.cells]) for r in build_fact_sheet(sources(*texts))
    ]
    monkeypatch.setattr(attribution, "SPEAKER_ENDS", (None, None, None))
    attribution.first_attribution.cache_clear()  # each distinct text is read again, without the gate
    whole = [
        (r.label, [(c.document, c.start, c.end, c.value) for c in r.cells]) for r in build_fact_sheet(sources(*texts))
    ]
    assert gated == whole
    assert [cell[3] for cell in dict(gated)["cars: attributed to"]] == ["officials", "mcallister", "Ida Lund"]


def test_an_attributions_value_drops_articles_and_accents_and_lowers_its_case():
    from core.compare.facts.attribution import attribution_value

    assert attribution_value("the Senior Harbour officials") == "harbour officials"
    assert attribution_value("U.S. officials") == "us officials"
    assert attribution_value("Zoë Ångström’s aides") == "zoe angstrom's aides"
