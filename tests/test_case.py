"""The case file: what is stored comes back exactly, every change is audited, keys survive."""

import json
import sqlite3

import pytest

from core.case.store import Case
from core.errors import CaseError
from core.case.migrations import APPLICATION_ID, SCHEMA_VERSION
from core.model import AlignmentEdit, PassageRef, Source
from core.case.records import Annotation, TextSelector, VerdictRecord


def _source(key, text, outlet="", original=None):
    return Source(
        key=key,
        text=text,
        sha256=(key * 64)[:64],
        kind="html",
        path=f"/in/{key}.html",
        title=f"Title {key}",
        outlet=outlet,
        author="A. Writer",
        published="2026-03-01",
        url=f"https://example.org/{key}",
        encoding="cp1252",
        original=original if original is not None else text.encode("cp1252"),
    )


@pytest.fixture
def case(tmp_path):
    opened = Case.open(tmp_path / "work.parallax", author="ana")
    yield opened
    opened.close()


def test_a_new_case_is_marked_as_parallax_with_the_latest_schema(tmp_path):
    path = tmp_path / "new.parallax"
    Case.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT value FROM meta WHERE name = 'application'").fetchone()[0] == "parallax"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"meta", "sources", "edits", "verdicts", "annotations", "labels", "pivots", "audit", "settings"} <= tables
    conn.close()


def test_opening_a_missing_file_without_create_is_refused(tmp_path):
    with pytest.raises(CaseError, match="does not exist"):
        Case.open(tmp_path / "absent.parallax", create=False)
    assert not (tmp_path / "absent.parallax").exists()


def test_sources_come_back_in_order_with_metadata_and_original_bytes(tmp_path):
    path = tmp_path / "s.parallax"
    with Case.open(path) as case:
        case.add_source(_source("a", "Café opened.", "Reuters", original=b"Caf\xe9 opened."))
        case.add_source(_source("b", "Second text."))
    with Case.open(path) as case:
        stored = case.sources()
    assert [s.key for s in stored] == ["a", "b"]
    assert stored[0].original == b"Caf\xe9 opened." and stored[0].text == "Café opened."
    assert (stored[0].outlet, stored[0].encoding, stored[0].url) == ("Reuters", "cp1252", "https://example.org/a")
    assert stored[0].imported_at.endswith("Z")


def test_adding_the_same_article_twice_returns_the_stored_source(case):
    first = case.add_source(_source("a", "Text."))
    again = case.add_source(Source(key="other", text="Text.", sha256=first.sha256, kind="paste"))
    assert again.key == "a" and len(case.sources()) == 1
    assert [e.action for e in case.audit()] == ["source.add"]


def test_a_different_article_with_a_taken_key_gets_a_new_key(case):
    case.add_source(_source("a", "One."))
    second = case.add_source(Source(key="a", text="Two.", sha256="9" * 64, kind="txt"))
    assert second.key == "a-2"
    assert [s.key for s in case.sources()] == ["a", "a-2"]


def test_hiding_reordering_and_removing_sources(case):
    for key in "abc":
        case.add_source(_source(key, f"Text {key}."))
    case.set_source_hidden("b", True)
    case.set_source_order(["c", "a"])
    assert case.hidden_sources() == {"b"}
    assert [s.key for s in case.sources()] == ["c", "a", "b"]
    case.remove_source("a")
    assert [s.key for s in case.sources()] == ["c", "b"]
    assert [e.action for e in case.audit()][-3:] == ["source.hide", "source.order", "source.remove"]


def test_verdicts_are_stored_replaced_cleared_and_audited_with_author(case):
    case.set_verdict(VerdictRecord("div-1", "confirmed", note="1,200 vs 1,100"))
    case.set_verdict(VerdictRecord("div-1", "source_error", source_key="cnn"))
    case.set_verdict(VerdictRecord("div-2", "not_significant"))
    verdicts = case.verdicts()
    assert set(verdicts) == {"div-1", "div-2"}
    assert (verdicts["div-1"].verdict, verdicts["div-1"].source_key, verdicts["div-1"].author) == (
        "source_error",
        "cnn",
        "ana",
    )
    case.clear_verdict("div-2")
    assert set(case.verdicts()) == {"div-1"}
    log = case.audit()
    assert [(e.action, e.target, e.author) for e in log] == [
        ("verdict.set", "div-1", "ana"),
        ("verdict.set", "div-1", "ana"),
        ("verdict.set", "div-2", "ana"),
        ("verdict.clear", "div-2", "ana"),
    ]
    assert json.loads(log[1].detail)["previous"] == {"verdict": "confirmed", "note": "1,200 vs 1,100", "source_key": ""}


def test_an_unknown_verdict_is_refused_before_anything_is_written(case):
    with pytest.raises(ValueError):
        case.set_verdict(VerdictRecord("div-1", "maybe"))
    assert case.verdicts() == {} and case.audit() == []


def test_verdicts_are_keyed_so_they_survive_removing_and_re_adding_a_source(case):
    src = case.add_source(_source("a", "Text."))
    case.set_verdict(VerdictRecord("div-9", "follow_up"))
    case.remove_source(src.key)
    case.add_source(_source("a", "Text."))
    assert case.verdicts()["div-9"].verdict == "follow_up"


def test_annotations_get_an_id_timestamps_and_survive_reopening(tmp_path):
    path = tmp_path / "a.parallax"
    selector = TextSelector("1,200", "said ", " people", 18, 23)
    with Case.open(path, author="ben") as case:
        span = case.add_annotation(
            Annotation(id="", target_kind="span", source_key="a", selector=selector, label="disputed", note="check")
        )
        claim = case.add_annotation(Annotation(id="c-note", target_kind="claim", claim_key="ck1"))
        case.update_annotation(Annotation(**{**span.__dict__, "status": "resolved", "note": "done"}))
    with Case.open(path) as case:
        stored = {a.id: a for a in case.annotations()}
    assert len(span.id) == 32 and set(stored) == {span.id, "c-note"}
    assert stored[span.id].selector == selector
    assert (stored[span.id].status, stored[span.id].note, stored[span.id].author) == ("resolved", "done", "ben")
    assert stored[span.id].created_at == span.created_at
    assert stored["c-note"].selector is None and stored["c-note"].claim_key == "ck1"
    assert claim.author == "ben"


def test_a_deleted_annotation_can_be_read_back_from_the_audit(case):
    note = case.add_annotation(Annotation(id="n1", target_kind="claim", claim_key="k", note="keep me"))
    case.delete_annotation(note.id)
    assert case.annotations() == []
    last = case.audit()[-1]
    assert last.action == "annotation.delete" and json.loads(last.detail)["note"] == "keep me"


def test_updating_a_deleted_annotation_says_so(case):
    with pytest.raises(CaseError, match="not in this case"):
        case.update_annotation(Annotation(id="ghost", target_kind="claim"))
    assert case.audit() == []


def test_alignment_edits_keep_their_references_and_order(case):
    link = AlignmentEdit("link", PassageRef("a", 0, 40), PassageRef("b", 10, 52))
    split = AlignmentEdit("split", PassageRef("a", 40, 120), at=77)
    first, second = case.add_edit(link), case.add_edit(split)
    assert case.edits() == [(first, link), (second, split)]
    case.remove_edit(first)
    assert case.edits() == [(second, split)]
    assert [e.action for e in case.audit()] == ["edit.link", "edit.split", "edit.remove"]


def test_pivots_round_trip_and_labels_and_settings_have_defaults(case):
    case.set_pivot("ck1", PassageRef("b", 5, 60))
    case.set_pivot("ck2", PassageRef("a", 0, 9))
    case.set_pivot("ck2", None)
    assert case.pivots() == {"ck1": PassageRef("b", 5, 60)}
    assert case.get_setting("missing", 7) == 7
    assert case.labels() == ["verified", "disputed", "needs source", "error"]


def test_the_author_comes_from_the_case_setting_when_none_is_given(tmp_path):
    path = tmp_path / "x.parallax"
    with Case.open(path, author="ana") as case:
        case.db.execute("INSERT INTO settings (name, value) VALUES ('author', ?)", [json.dumps("Ana Ruiz")])
    with Case.open(path) as case:
        assert case.author == "Ana Ruiz"
        case.set_verdict(VerdictRecord("k", "confirmed"))
        assert case.audit()[-1].author == "Ana Ruiz"


def test_closing_folds_the_journal_into_the_file_and_releases_the_lock(tmp_path):
    path = tmp_path / "c.parallax"
    case = Case.open(path)
    case.set_verdict(VerdictRecord("k", "confirmed"))
    assert (tmp_path / "c.parallax.lock").exists()
    case.close()
    case.close()  # closing twice is harmless
    assert not (tmp_path / "c.parallax.lock").exists()
    wal = tmp_path / "c.parallax-wal"
    assert not wal.exists() or wal.stat().st_size == 0
    assert sqlite3.connect(path).execute("SELECT verdict FROM verdicts").fetchall() == [("confirmed",)]


def test_a_sources_details_are_changed_in_place_kept_on_reopening_and_audited(tmp_path):
    path = tmp_path / "details.parallax"
    with Case.open(path, author="ana") as case:
        case.add_source(_source("a", "Text a."))
        updated = case.update_source("a", outlet="Harbour Gazette", published="2026-03-02")
        assert (updated.outlet, updated.published, updated.title) == ("Harbour Gazette", "2026-03-02", "Title a")
        assert updated.original == "Text a.".encode("cp1252")
        assert case.audit()[-1].action == "source.update"
    with Case.open(path, author="ana") as case:
        assert case.sources()[0].label == "Harbour Gazette"


def test_only_a_sources_editable_details_can_be_changed(case):
    case.add_source(_source("a", "Text a."))
    with pytest.raises(ValueError):
        case.update_source("a", text="Another text.")
    assert case.sources()[0].text == "Text a."


def test_reading_a_closed_case_says_it_is_closed(tmp_path):
    case = Case.open(tmp_path / "work.parallax", author="ana")
    case.close()
    with pytest.raises(CaseError, match="closed"):
        case.sources()
    case.close()  # closing twice is harmless


def test_opening_a_case_runs_no_sqlite_utils_plugin(tmp_path, monkeypatch):
    import sqlite_utils.db

    def plugin_ran(**_kwargs):
        raise AssertionError("a sqlite-utils plugin hook ran on the case")

    monkeypatch.setattr(sqlite_utils.db.pm.hook, "prepare_connection", plugin_ran)
    with Case.open(tmp_path / "new.parallax") as case:
        case.add_source(_source("a", "Text about the harbour."))
    with Case.open(tmp_path / "new.parallax") as case:
        assert [s.key for s in case.sources()] == ["a"]
