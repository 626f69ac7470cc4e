"""The cheap tests readers run before their patterns."""

from core.ingest.gates import lower_words, may_hold_one_of

PHRASES = (frozenset({"secretary", "of", "state"}), frozenset({"mayor"}))


def test_a_phrase_may_match_only_where_every_one_of_its_words_is_in_the_text():
    def gate(text):
        return may_hold_one_of(text, lower_words(text), PHRASES)

    assert gate("The Secretary of State flew in.")
    assert gate("The MAYOR spoke.")
    assert not gate("The head of the harbour board spoke.")  # "of" alone is not the phrase
    assert not gate("The state secretary spoke.")  # two of its three words


def test_a_text_whose_letters_case_folding_could_misread_always_lets_the_pattern_run():
    text = "The ſecretary of State flew in."  # the long s reads as "s" when case is ignored
    assert "secretary" not in lower_words(text)
    assert may_hold_one_of(text, lower_words(text), PHRASES)


def test_the_words_of_a_text_are_its_runs_of_ascii_letters_lowercased_in_any_script():
    from core.ingest.gates import _LETTERS_RE

    texts = [
        "Port Alvar's mayor (ex-officio) said: 3,400 homes, i.e. 12% — U.S.-based.",
        "TAB\there\x1fand_under_score42digits",
        "Café Müller in Kraków; İstanbul and the Kelvin sign \u212a.",  # not ASCII: the pattern path
        "",
    ]
    for text in texts:
        assert lower_words(text) == frozenset(_LETTERS_RE.findall(text.lower()))
    assert lower_words("U.S.-based co-founder") == {"u", "s", "based", "co", "founder"}


def test_the_anchored_phrase_gate_answers_as_testing_every_phrase_would():
    from core.compare.slots_lexicon import TITLE_PHRASES

    texts = [
        "The Secretary of State flew in.",
        "The state secretary spoke of the harbour.",
        "Deputy Prime Minister Tove Ring met the mayor.",
        "The prime suspect met no minister.",
        "Nothing official was said.",
        "",
    ]
    for phrases in (PHRASES, TITLE_PHRASES, (frozenset(),) + PHRASES):
        for text in texts:
            words = lower_words(text)
            assert may_hold_one_of(text, words, phrases) == any(phrase <= words for phrase in phrases)
