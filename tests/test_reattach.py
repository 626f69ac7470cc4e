"""Stored verdicts are placed again on what they judged after any re-alignment, or set aside."""

from dataclasses import replace

from core.case.queue_items import contradiction_items, queue_items
from core.case.reattach import HIDDEN_OR_REMOVED, NOT_FOUND, TAKEN, judged_variants, place, place_one
from core.case.records import JudgedVariant, VerdictRecord
from core.model import Alignment, Contradiction, Variant
from gui_fakes import TEXTS, make_alignment


def _record(key, alignment, div_key, verdict="confirmed", note="", at="2026-11-20T10:00:00Z"):
    item = next(d for d in queue_items(alignment) if d.key == div_key)
    return VerdictRecord(key, verdict, note, "", "ana", at, item.type, item.kind, judged_variants(alignment, item))


def test_a_verdict_whose_key_changed_is_placed_on_the_divergence_with_the_same_variants():
    al = make_alignment()
    old = _record("key-before-the-link", al, "k-time", note="Call city hall")
    placement = place({old.divergence_key: old}, al)
    assert placement.verdicts["k-time"].note == "Call city hall"
    assert placement.verdicts["k-time"].verdict == "confirmed"
    assert placement.origin == {"k-time": "key-before-the-link"} and placement.set_aside == ()


def test_two_of_three_variants_still_there_is_the_same_disagreement():
    al = make_alignment()
    full = _record("old", al, "k-number")
    two = replace(full, variants=full.variants[:2])  # judged before the third source was added
    assert place({"old": two}, al).verdicts["k-number"].divergence_key == "k-number"


def test_a_verdict_on_a_source_that_is_gone_is_set_aside_with_its_reason_and_note():
    al = make_alignment()
    gone = VerdictRecord(
        "k-gone",
        "follow_up",
        "Ask the desk",
        "",
        "ana",
        "t",
        "time",
        "divergence",
        (JudgedVariant("z", 0, 6, "Monday"), JudgedVariant("b", 31, 38, "Tuesday")),
    )
    placement = place({"k-gone": gone}, al)
    assert placement.verdicts == {}
    assert [(s.record.note, s.reason) for s in placement.set_aside] == [("Ask the desk", HIDDEN_OR_REMOVED)]


def test_a_verdict_whose_words_no_longer_differ_is_set_aside_not_found():
    al = make_alignment()
    same = VerdictRecord(
        "k-x",
        "confirmed",
        "",
        "",
        "ana",
        "t",
        "time",
        "divergence",
        (JudgedVariant("a", 0, 3, "The"), JudgedVariant("b", 0, 6, "Crowds")),
    )
    assert [s.reason for s in place({"k-x": same}, al).set_aside] == [NOT_FOUND]


def test_two_verdicts_on_one_divergence_keep_the_newer_and_set_the_other_aside():
    al = make_alignment()
    older = _record("old-1", al, "k-time", "not_significant", at="2026-11-20T09:00:00Z")
    newer = _record("old-2", al, "k-time", "confirmed", at="2026-11-20T11:00:00Z")
    placement = place({"old-1": older, "old-2": newer}, al)
    assert placement.verdicts["k-time"].verdict == "confirmed"
    assert [(s.record.divergence_key, s.reason) for s in placement.set_aside] == [("old-1", TAKEN)]


def test_every_stored_record_is_either_placed_or_set_aside():
    al = make_alignment()
    records = {
        "k-time": _record("k-time", al, "k-time"),
        "moved": _record("moved", al, "k-number"),
        "lost": VerdictRecord("lost", "", "only a note", "", "", "t", "place", "divergence", ()),
    }
    placement = place(records, al)
    assert len(placement.verdicts) + len(placement.set_aside) == len(records)


def _with_contradiction(al: Alignment) -> Alignment:
    text = TEXTS["a"]
    first = text.index("mayor")
    second = text.index("council chair")
    c = Contradiction(
        "d0",
        "title",
        '"mayor" vs "council chair"',
        (Variant("d0:p0", first, first + 5, "mayor"), Variant("d0:p3", second, second + 13, "council chair")),
    )
    return replace(al, contradictions=(c,))


def test_a_contradiction_inside_one_source_is_a_ranked_typed_queue_item_with_a_stable_key():
    al = _with_contradiction(make_alignment())
    item = contradiction_items(al)[0]
    assert (item.kind, item.type, item.claim) == ("contradiction", "title", "")
    assert item.key in [d.key for d in queue_items(al)]
    assert contradiction_items(_with_contradiction(make_alignment()))[0].key == item.key
    record = _record("old", al, item.key)
    assert place({"old": record}, al).verdicts[item.key].kind == "contradiction"


def _fact_sources(*outlets):
    import hashlib

    from core.model import Source

    texts = {
        "Alpha": "Former Mayor Ilse Varga opened the Tarnow bridge today.",
        "Beta": "Mayor Ilse Varga said the new ferry timetable for the northern islands would be published in March.",
        "Gamma": "Crowds cheered at the river.",
    }
    return [
        Source(key=o.lower(), text=texts[o], sha256=hashlib.sha256(texts[o].encode()).hexdigest(), kind="txt", outlet=o)
        for o in outlets
    ]


def test_a_divergent_fact_row_is_a_queue_item_of_its_own_kind():
    from core.analysis import analyze

    al = analyze(_fact_sources("Alpha", "Beta", "Gamma"))
    row = next(r for r in al.facts if r.divergent)
    item = next(d for d in queue_items(al) if d.key == row.key)
    assert (item.kind, item.claim, item.type) == ("fact", row.id, row.type)
    assert [v.text for v in item.variants] == [c.text for c in row.cells]


def test_a_verdict_on_a_fact_row_is_placed_by_key_set_aside_without_a_source_and_placed_back_with_it():
    from core.analysis import analyze

    al = analyze(_fact_sources("Alpha", "Beta", "Gamma"))
    row = next(r for r in al.facts if r.divergent)
    record = _record(row.key, al, row.key, "source_error", note="Alpha confuses her with her predecessor")
    assert place({row.key: record}, analyze(_fact_sources("Alpha", "Beta", "Gamma"))).verdicts[row.key] == record
    without_beta = place({row.key: record}, analyze(_fact_sources("Alpha", "Gamma")))
    assert without_beta.verdicts == {}
    assert [(s.record.kind, s.reason) for s in without_beta.set_aside] == [("fact", HIDDEN_OR_REMOVED)]
    back = place({row.key: record}, analyze(_fact_sources("Gamma", "Beta", "Alpha")))
    assert back.verdicts[row.key].note == "Alpha confuses her with her predecessor" and back.set_aside == ()


def _stored_after(stored: dict, record: VerdictRecord, replaces: str) -> dict:
    """Return the stored records after one write, as the case store makes it."""
    after = dict(stored)
    if replaces and replaces != record.divergence_key:
        after.pop(replaces, None)
    after[record.divergence_key] = record
    return after


def test_one_verdict_on_a_current_item_is_placed_as_a_full_placement_would():
    al = make_alignment()
    moved = _record("judged-before", al, "k-time", "follow_up", at="2026-11-20T09:00:00Z")
    aside = _record("lost", al, "k-time", "not_significant", at="2026-11-20T08:00:00Z")
    direct = _record("k-number", al, "k-number", "confirmed")
    starts = [{}, {"judged-before": moved}, {"judged-before": moved, "lost": aside}, {"k-number": direct}]
    writes = [
        (_record("k-time", al, "k-time", "confirmed", at="2026-11-21T10:00:00Z"), "k-time"),
        (_record("k-time", al, "k-time", "confirmed", at="2026-11-21T10:00:00Z"), "judged-before"),
        (_record("k-number", al, "k-number", "not_significant", at="2026-11-21T10:00:00Z"), "k-number"),
        (_record("k-number", al, "k-number", "follow_up", note="Ask", at="2026-11-21T10:00:00Z"), ""),
    ]
    answered = 0
    for stored in starts:
        before = place(stored, al)
        for record, replaces in writes:
            quick = place_one(before, record, replaces, al)
            if quick is None:
                continue
            answered += 1
            assert quick == place(_stored_after(stored, record, replaces), al), (stored.keys(), record, replaces)
    assert answered >= 8  # the verdict keys' cases are answered without a full placement


def test_a_write_that_can_free_an_item_or_move_another_record_asks_for_a_full_placement():
    al = make_alignment()
    moved = _record("judged-before", al, "k-time", "follow_up")
    placement = place({"judged-before": moved}, al)
    on_time = _record("k-time", al, "k-time", "confirmed")
    # Stored beside the moved record (not replacing it): that record may now go elsewhere.
    assert place_one(placement, on_time, "", al) is None
    # A set-aside record re-attached from its own key, and a record under a key no item has.
    assert place_one(place({}, al), on_time, "lost", al) is None
    assert place_one(placement, _record("gone-key", al, "k-number"), "", al) is None


def test_placing_needs_no_item_variants_when_every_record_is_on_its_own_key(monkeypatch):
    al = make_alignment()
    stored = {"k-time": _record("k-time", al, "k-time")}
    import core.case.reattach as reattach

    monkeypatch.setattr(reattach, "judged_variants", lambda *_: (_ for _ in ()).throw(AssertionError("walked")))
    assert place(stored, al).verdicts == stored


def test_a_verdict_on_a_fact_row_that_now_repeats_a_claims_divergence_goes_on_the_divergence():
    from core.analysis import analyze

    texts = {"Beta": "Mayor Ilse Varga opened the Tarnow bridge."}
    al = analyze(_fact_sources("Alpha", "Beta", "Gamma"))
    row = next(r for r in al.facts if r.divergent)
    # A case judged the row when it was a queue item of its own (an earlier engine, the same words).
    record = _record(row.key, al, row.key, "source_error", note="Alpha confuses her with her predecessor")
    twin_al = analyze(_fact_sources_with("Alpha", "Beta", "Gamma", **texts))
    twin = next(d for c in twin_al.claims for d in c.divergences if d.type == "title")
    placed = place({row.key: record}, twin_al)
    assert placed.verdicts[twin.key].note == "Alpha confuses her with her predecessor"
    assert placed.stored_key(twin.key) == row.key and placed.set_aside == ()
    # The divergence's own verdict wins; the row's is set aside as judged already, never dropped.
    own = _record(twin.key, twin_al, twin.key, "confirmed")
    both = place({row.key: record, twin.key: own}, twin_al)
    assert both.verdicts[twin.key].verdict == "confirmed"
    assert [(s.record.divergence_key, s.reason) for s in both.set_aside] == [(row.key, TAKEN)]


def _fact_sources_with(*outlets, **texts):
    import hashlib

    from core.model import Source

    base = {s.outlet: s.text for s in _fact_sources("Alpha", "Beta", "Gamma")}
    base.update(texts)
    return [
        Source(key=o.lower(), text=base[o], sha256=hashlib.sha256(base[o].encode()).hexdigest(), kind="txt", outlet=o)
        for o in outlets
    ]


def test_a_verdict_judged_on_a_twin_row_follows_the_finding_when_the_row_carries_it_alone_again():
    from core.analysis import analyze

    # The Facts view judged the title row through its claim's divergence (the row repeated it).
    twin_al = analyze(_fact_sources_with("Alpha", "Beta", "Gamma", Beta="Mayor Ilse Varga opened the Tarnow bridge."))
    twin = next(d for c in twin_al.claims for d in c.divergences if d.type == "title")
    record = _record(twin.key, twin_al, twin.key, "source_error", note="Alpha confuses her with her predecessor")
    # Beta no longer tells the opening: no claim holds the titles, the fact row is an item of its own.
    al = analyze(_fact_sources("Alpha", "Beta", "Gamma"))
    (row,) = [r for r in al.facts if r.divergent]
    assert [d.key for d in queue_items(al)] == [row.key]
    placed = place({twin.key: record}, al)
    assert placed.verdicts[row.key].note == "Alpha confuses her with her predecessor"
    assert placed.stored_key(row.key) == twin.key and placed.set_aside == ()
    # And back: the row's own verdict goes on the divergence when the claim carries the finding again.
    own = _record(row.key, al, row.key, "confirmed")
    assert place({row.key: own}, twin_al).verdicts[twin.key].verdict == "confirmed"


def test_a_divergence_verdict_prefers_a_divergence_at_its_places_to_a_fact_row_that_matches_more():
    from core.case.reattach import _score
    from core.model import Divergence

    def judged(*sources):
        return tuple(JudgedVariant(s, 10, 20, f"{s} words") for s in sources)

    record = VerdictRecord("old", "confirmed", "", "", "ana", "t", "number", "divergence", judged("a", "b", "c"))
    divergence = Divergence("new", "c0", "number", 0.5, "", ())
    row = Divergence("fact:x", "f0", "number", 0.9, "", (), kind="fact")
    assert _score(record, divergence, judged("a", "b")) > _score(record, row, judged("a", "b", "c"))
    # With no divergence at its places, the fact row that carries the finding takes the verdict.
    assert _score(record, row, judged("a", "b")) is not None
    contradiction = Divergence("x1", "", "number", 0.9, "", (), kind="contradiction")
    assert _score(record, contradiction, judged("a", "b")) is None
