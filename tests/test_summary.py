"""majority_summary: one line saying which sources say what on a claim's top divergence, never "agree"."""

from core.model import Alignment, Claim, Divergence, Variant
from core.compare.summary import majority_summary, top_divergence
from gui_fakes import make_alignment


def test_the_majority_wording_is_counted_and_the_outlier_named():
    al = make_alignment()
    assert majority_summary(al.claims[0], al) == "2 of 3 say “Monday”; Beta says “Tuesday”."


def test_a_claim_without_divergences_says_its_sources_agree():
    al = make_alignment()
    assert majority_summary(al.claims[2], al) == "No divergence found among 2 sources (link score 1.00)."


def test_the_top_divergence_is_the_highest_ranked_one():
    al = make_alignment()
    low = Divergence("k-low", "c1", "spelling", 0.1, "x", (Variant("d0:p1", 3, 7, "cost"),))
    claim = Claim("c1", "key", 1.0, al.claims[1].members, (), "d0:p1", (low, al.claims[1].divergences[0]))
    assert top_divergence(claim).key == "k-number"
    assert majority_summary(claim, al) == "2 of 3 say “1,200”; Beta says “1,100”."


def test_a_tie_names_every_source_and_a_source_without_a_variant_is_not_compared_not_silent():
    al = make_alignment()
    div = Divergence(
        "k", "c0", "time", 0.5, "", (Variant("d0:p0", 31, 37, "Monday"), Variant("d1:p1", 0, 7, "Tuesday"))
    )
    claim = Claim("c0", "key", 1.0, al.claims[0].members, (), "d0:p0", (div,))
    assert majority_summary(claim, al) == "Alpha says “Monday”; Beta says “Tuesday”; Gamma not compared."


def test_wordings_that_differ_only_in_case_and_punctuation_count_as_one():
    al = make_alignment()
    div = Divergence(
        "k",
        "c0",
        "time",
        0.5,
        "",
        (Variant("d0:p0", 0, 1, "Monday,"), Variant("d1:p1", 0, 1, "monday"), Variant("d2:p0", 0, 1, "on Sunday")),
    )
    claim = Claim("c0", "key", 1.0, al.claims[0].members, (), "d0:p0", (div,))
    assert majority_summary(claim, al) == "2 of 3 say “Monday,”; Gamma says “on Sunday”."


def test_an_empty_alignment_claim_with_many_sources_says_all_agree():
    al = make_alignment()
    claim = Claim("c9", "k", 1.0, ("d0:p0", "d1:p1", "d2:p0"), (), "d0:p0", ())
    assert majority_summary(claim, Alignment(al.documents, (claim,), ())) == (
        f"No divergence found among 3 sources (link score {claim.score:.2f})."
    )
