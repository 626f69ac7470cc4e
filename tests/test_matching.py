"""Numbers and times are compared with the value of the same thing in the other sources, only."""

from test_divergence import claim, diverge, document, where

from core.compare.divergence import find_divergences


def kinds(found):
    return [d.type for d in found]


def texts(divergence):
    return [v.text for v in divergence.variants]


def test_counts_of_different_things_are_never_compared():
    _, found = diverge(
        "The ferry Halvard carried 310 passengers and 14 crew when it sank.",
        "Of the passengers aboard the ferry Halvard, 122 were Orvish citizens.",
    )
    assert found == ()


def test_passengers_are_not_compared_with_passengers_and_crew():
    _, found = diverge(
        "The ferry Halvard, carrying 310 passengers, sank off Kessel.",
        "The ferry Halvard, carrying 324 passengers and crew, sank off Kessel.",
    )
    assert found == ()


def test_a_list_that_adds_up_to_the_other_count_is_the_same_count():
    _, found = diverge(
        "The ferry had 310 passengers aboard, with 12 deck hands and 2 officers.",
        "There were 310 passengers and 14 hands on the ferry.",
    )
    assert found == ()


def test_the_same_count_given_two_values_is_one_number_divergence_with_every_source_that_gives_it():
    docs, (divergence,) = diverge(
        "The loss of the Halvard killed 41 people, the port said.",
        "The port said 41 people were killed when the Halvard went down.",
        "The Halvard went down and 44 people were killed, the port said.",
    )
    assert divergence.type == "number"
    assert [where(docs, v) for v in divergence.variants] == [("d0", "41"), ("d1", "41"), ("d2", "44")]
    assert divergence.summary == '"41" (Outlet A, Outlet B) vs "44" (Outlet C)'


def test_the_dead_are_not_compared_with_those_aboard():
    _, found = diverge(
        "The Halvard went down off Kessel and 41 people on it died.",
        "The Halvard had 42 people on board when it went down off Kessel.",
    )
    assert found == ()


def test_lives_individuals_and_people_counted_dead_are_one_count():
    _, (divergence,) = diverge(
        "41 lives were lost when the Halvard went down off Kessel.",
        "When the Halvard went down off Kessel, 44 individuals died.",
    )
    assert divergence.type == "number" and texts(divergence) == ["41", "44"]


def test_hedged_values_that_can_both_hold_are_not_a_divergence():
    for one, other in (
        ("at least 800 homes", "more than 800 homes"),
        ("nearly 900 pages", "887 pages"),
        ("about 1.4 units", "1.35 units"),
    ):
        _, found = diverge(
            f"The report on the Kessel flood counted {one} in all.",
            f"The report on the Kessel flood counted {other} in all.",
        )
        assert found == (), (one, other)


def test_hedged_values_that_cannot_both_hold_are_a_number_divergence():
    for one, other in (
        ("nearly 900 pages", "940 pages"),
        ("at least eight people", "33 people"),
        ("some 1,200 homes", "1,100 homes"),
    ):
        _, found = diverge(
            f"The report on the Kessel flood counted {one} in all.",
            f"The report on the Kessel flood counted {other} in all.",
        )
        assert kinds(found) == ["number"], (one, other)


def test_a_spelled_out_number_equals_its_digits():
    _, found = diverge("Forty fishermen rallied in the port of Kessel.", "40 fishermen rallied in the port of Kessel.")
    assert found == ()


def test_a_length_and_its_conversion_in_brackets_or_alone_are_equal():
    _, found = diverge(
        "The lake near Kessel stretches 5 miles (8 kilometres) from end to end.",
        "The lake near Kessel stretches 8 kilometres from end to end.",
        "The lake near Kessel stretches 5 miles from end to end.",
    )
    assert found == ()


def test_a_distance_in_au_and_its_conversion_to_kilometres_from_one_body_are_equal():
    # "AU" written in capitals is the unit, not a name qualifying what is counted
    _, found = diverge(
        "The comet will pass within about 1.3 AU of the Sun in May.",
        "In May the comet passes some 194 million kilometres from the Sun.",
    )
    assert found == ()


def test_a_tally_written_in_words_equals_its_digits_and_a_tie_is_not_a_vote():
    _, found = diverge(
        "The council voted four to one in favour of the Kessel dam.", "The council backed the Kessel dam in a 4-1 vote."
    )
    assert found == ()
    _, found = diverge(
        "The council backed the Kessel dam in a 3-2 vote.", "The mayor broke a 2-2 tie on the Kessel dam."
    )
    assert found == ()
    _, (divergence,) = diverge(
        "The council backed the Kessel dam in a 3-2 vote.", "The council backed the Kessel dam in a 4-1 vote."
    )
    assert divergence.type == "number" and texts(divergence) == ["3-2", "4-1"]


def test_both_counts_two():
    _, (divergence,) = diverge(
        "Rescuers found both lifeboats of the Kessel ferry.", "Rescuers found one lifeboat of the Kessel ferry."
    )
    assert divergence.type == "number" and texts(divergence) == ["both", "one"]


def test_a_source_that_gives_the_other_value_elsewhere_does_not_disagree():
    told_once = document("d0", "Outlet A", "Judge Arn sentenced Vell to 20 years for the Kessel fraud.")
    told_both = document(
        "d0",
        "Outlet A",
        "Judge Arn sentenced Vell to 20 years for the Kessel fraud.",
        "He added 12 years for the Kessel bribery.",
    )
    other = document("d1", "Outlet B", "Vell got 12 years for the Kessel bribery, the court said.")
    assert kinds(find_divergences(claim("d0:p1", "d1:p1"), [told_once, other])) == ["number"]
    assert find_divergences(claim("d0:p1", "d1:p1"), [told_both, other]) == ()


def test_the_same_clock_time_in_two_notations_is_not_a_divergence():
    _, found = diverge("The ferry left Kessel at 14:05 local time.", "The ferry left Kessel at 2:05 p.m. local time.")
    assert found == ()


def test_two_clock_times_of_one_departure_are_a_time_divergence():
    _, (divergence,) = diverge(
        "The ferry left Kessel at 14:05 local time.", "The ferry departed at 2:04 p.m., the harbour office said."
    )
    assert divergence.type == "time" and texts(divergence) == ["14:05", "2:04 p.m."]


def test_a_time_in_brackets_converts_the_time_before_it():
    _, found = diverge(
        "The ferry left Kessel at 2:05 p.m. local time (11:05 a.m. GMT).", "The ferry left Kessel at 14:05 local time."
    )
    assert found == ()


def test_a_date_and_a_weekday_are_not_compared():
    _, found = diverge("The ferry sank off Kessel on Thursday.", "The ferry sank off Kessel on June 12.")
    assert found == ()


def test_two_parts_of_one_day_are_a_time_divergence():
    _, (divergence,) = diverge(
        "The council approved the dam plan late on Tuesday evening.",
        "The council approved the dam plan on Tuesday afternoon.",
    )
    assert divergence.type == "time" and texts(divergence) == ["evening", "afternoon"]


def test_the_one_day_each_source_gives_for_a_meeting_is_compared_even_among_other_names():
    _, (divergence,) = diverge(
        "Vell's team sat down with the Orvan delegation on Sunday, aides said.",
        "The Orvan delegation, in Kessel to see Vell, signed the draft on Monday.",
    )
    assert divergence.type == "time" and texts(divergence) == ["on Sunday", "on Monday"]


def test_years_beside_two_named_things_are_not_compared():
    _, found = diverge(
        "It is the third such storm to strike after Tallow in 2009.",
        "It is the third storm to strike, following Brisk in 2014.",
    )
    assert found == ()


def test_positions_roles_and_layoffs_count_one_thing():
    _, (divergence,) = diverge(
        "Orvan Freight will cut 1,200 positions this year.", "Orvan Freight plans 1,500 layoffs this year."
    )
    assert divergence.type == "number" and texts(divergence) == ["1,200", "1,500"]


def test_a_figure_one_source_puts_in_a_named_mouth_and_another_calls_a_rumour_is_an_attribution():
    docs, (divergence,) = diverge(
        "Ada Vell, the chief executive, said the plan could cut 3,000 jobs.",
        "Earlier rumours in the trade press spoke of 3,000 jobs going.",
    )
    assert divergence.type == "attribution"
    assert [where(docs, v) for v in divergence.variants] == [("d0", "3,000"), ("d1", "3,000")]


def test_a_rumour_named_outside_the_clause_of_a_figure_is_not_its_origin():
    _, found = diverge(
        "Ada Vell said the plan will cut 3,000 jobs.", "Orvan Freight cut 3,000 jobs, confirming weeks of rumours."
    )
    assert found == ()


def test_passengers_who_died_are_not_compared_with_passengers_aboard():
    _, found = diverge(
        "When the ferry went down, 41 passengers and crew died.",
        "The ferry had 42 passengers and crew on board when it went down.",
    )
    assert found == ()


def test_a_figure_given_to_most_of_a_group_and_to_the_whole_group_is_a_modality_divergence():
    docs, (divergence,) = diverge(
        "The union says most drivers will keep their pay for 60 days.",
        "Drivers will keep their pay for 60 days, the union says.",
    )
    assert divergence.type == "modality"
    assert [where(docs, v) for v in divergence.variants] == [
        ("d0", "most drivers will keep their pay for 60"),
        ("d1", "60"),
    ]


def test_the_most_of_a_superlative_limits_no_group():
    _, found = diverge(
        "It was the most costly storm in 60 years, officials said.",
        "Officials said it was the costliest storm in 60 years.",
    )
    assert found == ()


def test_an_unnamed_official_is_no_named_origin_of_a_figure():
    _, found = diverge(
        "Talks have reportedly settled about 90% of the issues.",
        "Even as officials told the Courier that 90 per cent of the issues were settled, land remains open.",
    )
    assert found == ()


def test_a_source_s_numbers_and_times_are_indexed_by_what_they_are_compared_under():
    from core.compare.matching import value_index
    from core.compare.slots import value_slots

    slots = [
        s
        for text in ("The ferry carried 40 passengers on Monday.", "It carried 52 passengers and 9 cars.")
        for s in value_slots(text)
    ]
    index = value_index(slots)
    assert {key: [s.value for s in found] for key, found in index.by_key.items()} == {
        ("number", "passenger"): ["40", "52"],
        ("time", "day"): ["monday"],
        ("number", "car"): ["9"],
    }


def test_a_source_is_read_once_per_claim_for_the_values_that_agree_with_one_value_of_another():
    from core.compare.matching import _said_elsewhere, number_key, numbers_agree, value_index
    from core.compare.slots import value_slots

    told = value_index(value_slots("The ferry carried about 40 passengers. It carried 52 passengers."))
    other = next(s for s in value_slots("It carried 41 passengers.") if s.type == "number")
    own_52, own_40 = (next(s for s in told.by_key[("number", "passenger")] if s.value == v) for v in ("52", "40"))
    said = {}
    # "about 40" holds 41: a source whose 52 clashes with 41 gives 41 elsewhere; its "about 40" does not
    assert _said_elsewhere(own_52, other, {"d0": told}, "d0", number_key, numbers_agree, said)
    assert not _said_elsewhere(own_40, other, {"d0": told}, "d0", number_key, numbers_agree, said)
    assert said == {("d0", "number", "41", "passenger:aboard", ""): frozenset({"40"})}  # one reading for both


def test_a_sentence_is_searched_for_a_named_speaker_only_when_it_holds_a_speech_verb():
    from core.compare.figure_origins import _NAMED_RE, names_a_speaker

    texts = [
        "Ada Vell, the harbour's chief executive, said 400 berths would close.",
        "Ada Vell SAID nothing about the 400 berths.",  # the verb in capitals names no speaker
        "A harbour official told reporters that 400 berths would close.",
        "The harbour will close 400 berths, Ada Vell wrote.",
        "Ada Vell expects 400 berths to close.",
    ]
    assert [names_a_speaker(t) for t in texts] == [_NAMED_RE.search(t) is not None for t in texts]
    assert [names_a_speaker(t) for t in texts] == [True, False, False, True, False]


def test_a_figure_s_clause_is_searched_for_hearsay_only_when_its_sentence_has_a_hearsay_word():
    from core.compare.figure_origins import _HEARSAY_RE, _clause_around, _tells_hearsay, origin_of

    texts = [
        "Orvan Freight cut 3,000 jobs, confirming weeks of rumours.",  # a rumour, not in the figure's clause
        "Rumours in the trade press spoke of 3,000 jobs going.",
        "Ada Vell said the plan will cut 3,000 jobs.",
        "Orvan Freight will reportedly cut 3,000 jobs; Ada Vell said so.",
        "The plan will cut 3,000 jobs.",
    ]
    figures = [(t, t.index("3,000"), t.index("3,000") + 5) for t in texts]
    clause_says = [_HEARSAY_RE.search(_clause_around(*figure)) is not None for figure in figures]
    assert [_tells_hearsay(t) for t in texts] == [True, True, False, True, False]
    assert clause_says == [False, True, False, True, False]
    assert [origin_of(*figure) for figure in figures] == ["", "hearsay", "named", "hearsay", ""]


def test_a_length_with_its_unit_glued_on_is_read_and_equals_its_conversion():
    _, found = diverge(
        "The quake struck at a depth of 8km near Kessel.", "The quake struck about five miles below Kessel."
    )
    assert found == ()
    _, (divergence,) = diverge(
        "The quake struck at a depth of 8km near Kessel.", "The quake struck 12 miles below Kessel."
    )
    assert [v.text for v in divergence.variants] == ["8", "12"]


def test_a_time_after_which_something_was_due_holds_a_later_time_of_it():
    _, found = diverge(
        "The Orvel council was due to give its ruling after 4:45 p.m. on Friday.",
        "The Orvel council gave its ruling at 5:20 p.m. on Friday.",
    )
    assert "time" not in kinds(found)


def test_a_time_before_which_something_was_due_clashes_with_a_later_time_of_it():
    _, found = diverge(
        "The Orvel council gave its ruling before 4:45 p.m. on Friday.",
        "The Orvel council gave its ruling at 5:20 p.m. on Friday.",
    )
    (divergence,) = [d for d in found if d.type == "time"]
    assert texts(divergence) == ["4:45 p.m.", "5:20 p.m."]


def test_a_time_given_around_the_hour_holds_the_minutes_near_it_but_not_hours_apart():
    _, found = diverge(
        "The Orvel tremor struck at around 9 p.m. on Friday, the observatory said.",
        "The Orvel tremor struck at 9:12 p.m. on Friday, the observatory said.",
    )
    assert "time" not in kinds(found)
    _, found = diverge(
        "The Orvel tremor struck at around 9 p.m. on Friday, the observatory said.",
        "The Orvel tremor struck at 11:05 p.m. on Friday, the observatory said.",
    )
    (divergence,) = [d for d in found if d.type == "time"]
    assert texts(divergence) == ["9 p.m.", "11:05 p.m."]


def test_two_times_given_around_minutes_an_hour_apart_still_clash():
    _, (divergence,) = diverge(
        "The Orvel tremor struck around 4:10 p.m. on Friday, the observatory said.",
        "The observatory put the Orvel tremor at about 5:10 p.m. on Friday.",
    )
    assert divergence.type == "time" and texts(divergence) == ["4:10 p.m.", "5:10 p.m."]


def test_an_amount_restored_is_not_compared_with_the_amount_lost():
    _, found = diverge(
        "The Orvel grid lost 55% of its load when the line failed, the operator said.",
        "By evening the operator had restored 83% of the load on the Orvel grid after the line failed.",
    )
    assert found == ()
    _, found = diverge(
        "The Orvel grid lost 55% of its load when the line failed, the operator said.",
        "The Orvel grid lost 55% of its load and 83% of it had been restored by evening, the operator said.",
    )
    assert found == ()


def test_two_amounts_restored_are_compared():
    _, (divergence,) = diverge(
        "By evening the operator had restored 83% of the load on the Orvel grid.",
        "By evening the operator had restored 71% of the load on the Orvel grid.",
    )
    assert texts(divergence) == ["83%", "71%"]


def test_power_lost_is_no_death_and_a_clause_after_a_comma_and_keeps_its_own_count():
    _, found = diverge(
        "25 people died in the Orvel storm, and 48,000 residents lost power.",
        "The Orvel storm killed 31 people, and 52,000 residents lost power.",
    )
    # the residents' counts meet each other, the tolls each other: a value's context is its clause
    assert sorted(texts(d) for d in found if d.type == "number") == [["25", "31"], ["48,000", "52,000"]]


def test_only_the_keys_two_sources_give_are_shared():
    from core.compare.pairing import _shared_keys

    keyed = {
        "d0": [(0, None, "passenger"), (0, None, "car")],
        "d1": [(1, None, "passenger"), (1, None, "crew")],
        "d2": [(2, None, "crew"), (2, None, "crew")],
    }
    assert _shared_keys(keyed) == {"passenger", "crew"}
    assert _shared_keys({"d0": [(0, None, "car"), (1, None, "car")]}) == set()


def test_a_count_of_a_thing_no_other_source_counts_leaves_the_shared_count_s_divergence_as_it_was():
    docs, (divergence,) = diverge(
        "The ferry Halvard carried 310 passengers and 40 cars when it sank.",
        "The ferry Halvard carried 324 passengers when it sank, and 9 lorries.",
    )
    assert divergence.type == "number"
    assert [where(docs, v) for v in divergence.variants] == [("d0", "310"), ("d1", "324")]


def test_counts_of_two_kinds_told_in_either_order_are_each_paired_with_their_own_kind():
    docs, (divergence,) = diverge(
        "The ferry Halvard carried 310 passengers and 14 crew when it sank off Kessel.",
        "The ferry Halvard carried 14 crew and 305 passengers when it sank off Kessel.",
        "When it sank off Kessel the Halvard had 14 crew, 310 passengers and 2 dogs aboard.",
    )
    assert divergence.type == "number"
    assert [where(docs, v) for v in divergence.variants] == [("d0", "310"), ("d1", "305"), ("d2", "310")]


def test_a_number_in_its_base_unit_is_read_once_per_value_and_subject():
    from core.compare.matching import _base_value
    from core.compare.quantities import in_base_unit

    assert _base_value("12", "length@mile") == in_base_unit(12.0, "length@mile") and _base_value("12", "length@mile")[1]
    assert _base_value("90%", "share") == (90.0, False)
    assert _base_value("early", "share") is None


def test_a_clause_ends_only_at_marks_that_are_not_word_characters():
    import re

    from core.compare.figure_origins import _CLAUSE_MARKS

    # The hearsay gate asks the whole sentence: a clause cut inside a word would see a \b the
    # sentence does not have.
    assert _CLAUSE_MARKS and not any(re.match(r"\w", mark) for mark in _CLAUSE_MARKS)
