"""First names of one titled person: two sources giving two first names disagree on who it is."""

from test_divergence import diverge


def test_two_first_names_for_one_titled_surname_are_an_actor_divergence():
    _, found = diverge("Judge Ann Vell jailed the ferry owner.", "Judge Ada Vell jailed the ferry owner.")
    assert [(d.type, [v.text for v in d.variants]) for d in found] == [("actor", ["Ann Vell", "Ada Vell"])]


def test_an_initial_is_the_same_first_name():
    _, found = diverge("Judge Ann Vell jailed the ferry owner.", "Judge A Vell jailed the ferry owner.")
    assert found == ()


def test_a_source_naming_two_people_of_one_family_gives_no_first_name_clash():
    _, found = diverge("Senator Ann Vell and Senator Ola Vell backed the dam.", "Senator Ann Vell backed the dam.")
    assert "actor" not in [d.type for d in found]
