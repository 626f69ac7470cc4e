"""Wording that is true of what was found: no "agree", no "not reported"."""

from core.case.claim_wording import NOT_FOUND_IN_SOURCE, claim_summary
from core.export.html import render_html
from core.export.data import collect
from gui_fakes import make_alignment


def test_a_claim_without_divergence_says_none_was_found_and_shows_its_link_score():
    al = make_alignment()
    quiet = al.claims[2]
    assert claim_summary(quiet, al) == "No divergence found among 2 sources (link score 1.00)."
    assert "agree" not in claim_summary(quiet, al)


def test_a_claim_with_a_divergence_keeps_its_majority_summary():
    al = make_alignment()
    assert claim_summary(al.claims[0], al) == "2 of 3 say “Monday”; Beta says “Tuesday”."


def test_the_html_export_says_no_matching_passage_was_found_instead_of_not_reported():
    html = render_html(collect(None, make_alignment()))  # Gamma has no passage for claim c2
    assert "not reported" not in html
    assert NOT_FOUND_IN_SOURCE == "no matching passage found in this source"
    assert NOT_FOUND_IN_SOURCE in html


def test_a_claim_is_named_by_its_place_in_the_alignment_it_belongs_to():
    from dataclasses import replace

    from core.case.claim_wording import claim_heading

    al = make_alignment()
    assert [claim_heading(c, al) for c in al.claims] == [f"Claim {n} of 3" for n in (1, 2, 3)]
    reordered = replace(al, claims=tuple(reversed(al.claims)))  # another alignment: numbered afresh
    assert claim_heading(al.claims[0], reordered) == "Claim 3 of 3"
    assert claim_heading(al.claims[0], al) == "Claim 1 of 3"
