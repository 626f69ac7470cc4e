"""A time or a place belongs to the nearest event noun; a text of none is read for none."""

import re


def test_a_time_in_a_text_of_no_event_noun_belongs_to_no_event():
    from core.compare.event_nouns import event_of, venue_of

    text = "Crews cleared the road; the talks in Brell ended on Tuesday."
    tuesday = text.index("Tuesday")
    assert event_of(text, tuesday, tuesday + 7) == "talks"
    assert venue_of(text, text.index("Brell")) == "talks"
    plain = "Crews cleared the road on Monday and left on Tuesday."
    assert event_of(plain, plain.index("Tuesday"), plain.index("Tuesday") + 7) == ""
    folded = "Crews left \u0130zmit on Monday after the talks."  # letters not plain: the window is read
    assert event_of(folded, folded.index("Monday"), folded.index("Monday") + 6) == "talks"


def test_the_gate_reads_as_the_windows_do_where_a_reach_cuts_a_word(monkeypatch):
    from core.compare import event_nouns

    # The search after a time stops EVENT_AFTER characters on: here inside "voters", whose cut
    # start reads as the noun "vote"; a text's gate must let such a window be read as before.
    text = "Polls shut on Monday and within hours crowds of unhappy voters went home."
    monday = text.index("Monday")
    assert monday + 6 + event_nouns.EVENT_AFTER < text.index("voters") + len("vote") + 1
    texts = [
        text,
        "The talks in Brell ended on Tuesday; crews cleared the road.",
        "Crews cleared the road on Monday and left on Tuesday.",
        "Crews left \u0130zmit on Monday after the talks.",
        "On Friday the metro was shut and callers waited until noon for trips home.",
    ]
    spans = [(t, m.start(), m.end()) for t in texts for m in re.finditer(r"[A-Z][a-z]+day|noon", t)]
    gated = [event_nouns.event_of(t, s, e) for t, s, e in spans]
    monkeypatch.setattr(event_nouns, "may_name_event", lambda text: True)
    assert gated == [event_nouns.event_of(t, s, e) for t, s, e in spans]
    assert "" in gated and len(set(gated)) > 1  # the texts hold times of no event and of one
