"""What befell the people a count names, as the fact sheet reads it."""

from core.compare.facts.casualties import FATE_STEMS, INJURY, MISSING, may_tell_fate
from regex_language import language


def test_every_match_of_the_missing_and_injury_patterns_holds_a_stem_the_fate_gate_looks_for():
    for pattern in (MISSING, INJURY):
        matches = language(pattern.pattern)
        assert matches
        for text in matches:
            assert any(stem in text.lower() for stem in FATE_STEMS), text
            assert may_tell_fate(f"Nine of the crew were {text}.")
    assert "airlifted to the hospitals" in language(INJURY.pattern)
    assert not may_tell_fate("Nine of the crew were rescued.")
