"""A time or a place belongs to the nearest event noun; a text of none is read for none."""


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
