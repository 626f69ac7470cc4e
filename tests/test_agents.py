"""Doers named after "by": two sources giving one action two different doers disagree."""

from core.compare.agents import find_agents
from test_divergence import diverge


def test_the_doer_after_by_is_found_with_the_verb_it_did():
    text = "The wreck was first found on 3 May by a diver from the Kessel club."
    assert find_agents(text) == [(20, 45, "~diver", "found")]  # "found on 3 May by a diver", a description


def test_a_time_after_the_doer_is_no_part_of_it():
    text = "The pier was struck by a cargo barge around 2:45 a.m. on Friday."
    assert find_agents(text) == [(13, 36, "~cargo barg", "struck")]  # "struck by a cargo barge"
    assert find_agents("The pier was struck by 3 barges.") == [(13, 31, "~3 barg", "struck")]
    _, found = diverge(text, "The pier was struck by the barge early on Friday.")
    assert found == ()


def test_two_descriptions_of_a_doer_with_no_name_do_not_clash_but_a_name_against_one_does():
    _, found = diverge("The pier was struck by a cargo barge at dawn.", "The pier was struck by the vessel at dawn.")
    assert found == ()
    _, (divergence,) = diverge(
        "The pier was struck by a cargo barge at dawn.", "The pier was struck by the Orlan ferry at dawn."
    )
    assert divergence.type == "actor"


def test_two_doers_of_one_action_are_an_actor_divergence():
    _, (divergence,) = diverge(
        "The wreck was first found by a diver from the Kessel club.",
        "The wreck was first found in May by the Orlan coastguard sonar.",
    )
    assert divergence.type == "actor"
    assert [v.text for v in divergence.variants] == ["found by a diver", "found in May by the Orlan coastguard sonar"]


def test_a_doer_named_in_full_and_abbreviated_is_one_doer():
    _, found = diverge("The tug was steered by Captain Aro Vell.", "The tug was steered by Capt. Vell.")
    assert found == ()


def test_two_outlets_reporting_one_fact_are_an_attribution_divergence():
    _, (divergence,) = diverge(
        "The toll was reported by harbour officials on Friday.",
        "The toll was reported by the Kessel Courier on Friday.",
    )
    assert divergence.type == "attribution"
