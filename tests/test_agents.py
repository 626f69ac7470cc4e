"""Doers named after "by": two sources giving one action two different doers disagree."""
from core.compare.agents import find_agents
from test_divergence import diverge


def test_the_doer_after_by_is_found_with_the_verb_it_did():
    text = "The comet was first spotted on 3 May by a student using the Kessel survey."
    assert find_agents(text) == [(20, 49, "student", "spott")]  # "spotted on 3 May by a student"


def test_two_doers_of_one_action_are_an_actor_divergence():
    _, (divergence,) = diverge("The comet was first spotted by a student using the Kessel survey.",
                               "The comet was first spotted in May by the Orlan telescope.")
    assert divergence.type == "actor"
    assert [v.text for v in divergence.variants] == ["spotted by a student", "spotted in May by the Orlan telescope"]


def test_a_doer_named_in_full_and_abbreviated_is_one_doer():
    _, found = diverge("The ferry was piloted by Captain Aro Vell.", "The ferry was piloted by Capt. Vell.")
    assert found == ()


def test_two_outlets_reporting_one_fact_are_an_attribution_divergence():
    _, (divergence,) = diverge("The toll was reported by harbour officials on Friday.",
                               "The toll was reported by the Kessel Courier on Friday.")
    assert divergence.type == "attribution"
