"""User settings: the default author name and the recent-cases list."""

import getpass
import json

from core.case import settings


def test_the_default_user_name_is_the_login_name(monkeypatch):
    monkeypatch.setattr(getpass, "getuser", lambda: "ana.checker")
    assert settings.default_user_name() == "ana.checker"


def test_a_machine_without_a_login_name_gives_unknown(monkeypatch):
    def no_user():
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_user)
    assert settings.default_user_name() == "unknown"


def test_the_recent_list_lives_in_the_user_data_folder():
    assert settings.recent_cases_file().name == "recent-cases.json"
    assert settings.recent_cases_file().parent == settings.data_dir()
    assert "parallax" in str(settings.data_dir()).lower()


def test_remembering_puts_a_case_first_once_and_keeps_at_most_the_limit(tmp_path):
    listing = tmp_path / "lists" / "recent-cases.json"
    for name in ["a", "b", "c", "b"]:
        settings.remember_recent(listing, str(tmp_path / f"{name}.parallax"), limit=3)
    assert settings.load_recent(listing) == [str(tmp_path / n) + ".parallax" for n in ["b", "c", "a"]]
    settings.remember_recent(listing, str(tmp_path / "d.parallax"), limit=3)
    assert [p[-10:] for p in settings.load_recent(listing)] == ["d.parallax", "b.parallax", "c.parallax"]


def test_forgetting_removes_one_case(tmp_path):
    listing = tmp_path / "recent.json"
    settings.remember_recent(listing, str(tmp_path / "a.parallax"))
    settings.remember_recent(listing, str(tmp_path / "b.parallax"))
    assert settings.forget_recent(listing, str(tmp_path / "a.parallax")) == [str(tmp_path / "b.parallax")]


def test_a_damaged_or_missing_recent_list_reads_as_empty(tmp_path):
    listing = tmp_path / "recent.json"
    assert settings.load_recent(listing) == []
    listing.write_text("{not json", encoding="utf-8")
    assert settings.load_recent(listing) == []
    listing.write_text(json.dumps({"a": 1}), encoding="utf-8")
    assert settings.load_recent(listing) == []
    listing.write_text(json.dumps(["x.parallax", 3, ""]), encoding="utf-8")
    assert settings.load_recent(listing) == ["x.parallax"]


def test_existing_recent_drops_cases_deleted_from_disk(tmp_path):
    listing = tmp_path / "recent.json"
    kept = tmp_path / "kept.parallax"
    kept.write_bytes(b"")
    settings.remember_recent(listing, str(tmp_path / "gone.parallax"))
    settings.remember_recent(listing, str(kept))
    assert settings.existing_recent(listing) == [str(kept)]
    assert not list(tmp_path.glob(".recent-*"))
