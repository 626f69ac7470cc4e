"""Which values of a claim are of one thing: counts by what befell those counted, amounts by the
act they belong to, distances by the place they are from, times by their event."""

from test_divergence import diverge


def test_counts_of_people_on_two_sides_of_a_vote_are_not_compared_and_one_side_told_twice_is():
    _, found = diverge(
        "The levy passed after 40 Liberals supported it in the late sitting.",
        "The levy passed in the late sitting although four Liberals — Ann Roe and Bo Li among them — voted against it.",
    )
    assert not [d for d in found if d.type == "number"]
    _, (divergence,) = diverge(
        "The levy passed after 40 Liberals supported it in the late sitting.",
        "The levy passed in the late sitting after 38 Liberals supported it.",
    )
    assert divergence.type == "number" and [v.text for v in divergence.variants] == ["40", "38"]


def test_counts_of_missing_and_rescued_people_are_not_paired_by_their_order_in_the_sentence():
    _, found = diverge(
        "Divers pulled five workers out alive from the canal, and two workers are still missing.",
        "Two workers are still missing in the canal, while five workers were rescued by divers.",
    )
    assert found == ()
    _, found = diverge(
        "Six workers remain missing after the dock collapse.", "Two workers were rescued after the dock collapse."
    )
    assert found == ()


def test_two_counts_told_in_two_clauses_in_either_order_are_each_compared_with_their_own():
    _, found = diverge(
        "Divers brought up three dock workers alive; nine dock workers are unaccounted for, the port said.",
        "Three dock workers, the port said, were saved by divers while nine others are feared missing.",
    )
    assert found == ()


def test_the_gravely_hurt_are_not_compared_with_all_the_hurt():
    _, found = diverge(
        "The harbour doctor counted 23 people injured after the ferry hit the quay.",
        "After the ferry hit the quay, two passengers were in critical condition, the doctor said.",
    )
    assert found == ()


def test_the_one_event_time_of_each_source_is_compared_even_beside_the_time_of_a_briefing():
    _, (divergence,) = diverge(
        "The ferry capsized while docking around 4:10 p.m. on Monday. Later, the port chief said she "
        "would hold a briefing at 11:30 a.m. Tuesday.",
        "Harbour staff put the capsizing at about 5:10 p.m., the ferry operator told reporters.",
    )
    assert divergence.type == "time" and [v.text for v in divergence.variants] == ["4:10 p.m.", "5:10 p.m."]


def test_an_amount_asked_for_is_not_compared_with_the_amount_decided_and_a_request_elsewhere_changes_nothing():
    _, found = diverge(
        "The port council sought a ban of six months and a €70,000 penalty for the ferry firm.",
        "The tribunal fined the ferry firm €25,000 and banned it for three months.",
    )
    assert found == ()
    _, (divergence,) = diverge(
        "Police called for calm after 12 people were killed in the blast at the depot.",
        "Police said 15 people were killed in the blast at the depot.",
    )
    assert [v.text for v in divergence.variants] == ["12", "15"]
    _, (divergence,) = diverge(
        "The tribunal fined the ferry firm €25,000 on Friday.", "The ferry firm was fined €35,000 on Friday."
    )
    assert [v.text for v in divergence.variants] == ["€25,000", "€35,000"]


def test_who_will_do_something_is_not_set_against_who_did_it():
    _, found = diverge(
        "Ida Berg was leading the count in the Kessel riding on Monday night.",
        "Mark Lund will lead the count in the Kessel riding on Monday night.",
    )
    assert found == ()
    _, (divergence,) = diverge(
        "Ida Berg led the count in the Kessel riding on Monday night.",
        "Mark Lund led the count in the Kessel riding on Monday night.",
    )
    assert divergence.type == "actor"


def test_an_age_is_not_a_span_of_years_and_a_bracketed_conversion_restates_its_amount():
    _, found = diverge(
        "The 24-year-old midfielder signed a five-year contract with Kessel United.",
        "The midfielder, 24, signed a contract with Kessel United that runs for five years.",
    )
    assert found == ()
    _, found = diverge(
        "Kessel United will pay €60 million (£51 million, $70 million) for the midfielder.",
        "Kessel United will pay €60 million (about £50 million) for the midfielder.",
    )
    assert found == ()


def test_a_gendered_and_a_neutral_office_name_are_one_title_and_a_date_is_no_count():
    _, found = diverge(
        "The ministry spokesman Ivo Lund said the 14-year contract began on September 30.",
        "Ministry spokesperson Ivo Lund said the contract, signed 14 years ago, began on 30 September.",
    )
    assert found == ()


def test_a_denial_in_capitals_is_the_same_denial_and_a_dotted_clock_time_is_one_time():
    _, found = diverge(
        "The jury found him NOT GUILTY of the two charges at 12.40am on Thursday.",
        "The jury found him not guilty of the two charges at 00:40 on Thursday.",
    )
    assert found == ()


def test_a_noun_after_support_or_a_place_named_loosely_keeps_counts_and_distances_compared():
    _, (staff,) = diverge(
        "The blast injured 100 support staff at the depot.", "The blast injured 120 staff at the depot."
    )
    _, (town,) = diverge("The depot lies 30 km from Tarvik.", "The depot lies 20 km from the town of Tarvik.")
    _, (money,) = diverge("The state gave $40 million in federal funding.", "The state gave $45 million to the depot.")
    assert [[v.text for v in d.variants] for d in (staff, town, money)] == [
        ["100", "120"],
        ["30", "20"],
        ["$40 million", "$45 million"],
    ]


def test_distances_from_two_bodies_are_not_compared_and_two_distances_from_one_are():
    _, found = diverge(
        "The comet will swing past Jupiter, staying some 0.2 astronomical units clear of the giant.",
        "The comet will come within about 1.1 astronomical units of the Sun in spring.",
    )
    assert not [d for d in found if d.type == "number"]
    _, (divergence,) = diverge(
        "The comet will come within about 1.1 astronomical units of the Sun in spring.",
        "In spring the comet passes 1.6 astronomical units from the Sun.",
    )
    assert divergence.type == "number" and [v.text for v in divergence.variants] == ["1.1", "1.6"]


def test_as_many_as_is_a_hedge_on_a_figure_not_a_part_of_a_group():
    _, found = diverge(
        "As many as 75% of shareholders backed the harbour plan.", "Some 75% of shareholders backed the harbour plan."
    )
    assert found == ()


def test_ages_are_compared_only_when_said_of_the_same_kind_of_person():
    _, found = diverge(
        "The 48-year-old, named only as Brask, waited outside the depot.",
        "Among the injured was a 41-year-old steward, found near the depot.",
    )
    assert found == ()
    _, (divergence,) = diverge(
        "The 28-year-old forward scored twice in the final.", "The 27-year-old forward scored twice in the final."
    )
    assert [v.text for v in divergence.variants] == ["28", "27"]
    _, (divergence,) = diverge(
        "The 28-year-old scored twice in the final, said Lund.",
        "The 27-year-old added two goals in the final, said Lund.",
    )
    assert [v.text for v in divergence.variants] == ["28", "27"]  # a verb after the age leaves it bare


def test_a_clock_time_in_another_zone_is_one_moment_and_a_different_moment_still_diverges():
    _, found = diverge(
        "The network failed at 09:45 UTC on Tuesday, the company said.",
        "The network failed at 4:45 a.m. ET on Tuesday, the company said.",
    )
    assert found == ()
    _, (divergence,) = diverge(
        "The network failed at 09:45 UTC on Tuesday, the company said.",
        "The network failed at 5:05 a.m. ET on Tuesday, the company said.",
    )
    assert divergence.type == "time" and [v.text for v in divergence.variants] == ["09:45", "5:05 a.m."]


def test_a_lower_bound_holds_a_figure_a_little_above_it_and_not_one_below_or_far_above():
    told = "Turnout in the harbour ward rose to just over 12% on Sunday, officials said."
    assert diverge(told, "Turnout in the harbour ward rose to 12.8% on Sunday, officials said.")[1] == ()
    for other in ("11.6%", "16%"):
        _, (divergence,) = diverge(told, f"Turnout in the harbour ward rose to {other} on Sunday, officials said.")
        assert [v.text for v in divergence.variants] == ["12%", other]
    assert diverge("More than 800 homes lost power.", "About 950 homes lost power.")[1] == ()


def test_how_much_of_a_count_is_in_is_a_moment_of_it_and_never_compared():
    assert (
        diverge(
            "With 85% of the vote counted, Ana Lind led the race, the board said.",
            "Ana Lind led the race with 70% of ballots counted, the board said.",
        )[1]
        == ()
    )
    assert diverge("With 80% reporting, Lind led the race.", "With 95% reporting, Lind led the race.")[1] == ()
    _, (divergence,) = diverge("Turnout rose 12% in the valley.", "Turnout rose 18% in the valley.")
    assert [v.text for v in divergence.variants] == ["12%", "18%"]  # "in the valley" is no count in progress


def test_a_count_after_a_verb_of_harm_counts_people_and_a_verb_after_and_is_no_second_noun():
    _, (divergence,) = diverge(
        "Storm Orla kills 9 in coastal Vellmark.",
        "Storm Orla swept across Vellmark on Tuesday, killing 4 people and flooding the harbour, officials said.",
    )
    assert [v.text for v in divergence.variants] == ["9", "4"]
    _, found = diverge("The blast killed 12 and injured 30 in the port.", "The blast killed 12 people in the port.")
    assert found == ()  # the 30 are the injured, not another count of the dead
