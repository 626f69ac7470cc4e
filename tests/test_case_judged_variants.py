"""A verdict stores what it judged (type, kind, variants) and can move to a re-found divergence."""

import sqlite3

from sqlite_utils import Database

from core.case.migrations import MIGRATIONS, migrate
from core.case.records import JudgedVariant, VerdictRecord
from core.case.store import Case

JUDGED = (JudgedVariant("alpha", 31, 37, "Monday"), JudgedVariant("beta", 40, 47, "Tuesday"))


def test_a_verdict_keeps_its_type_kind_and_variants_across_reopening(tmp_path):
    path = tmp_path / "c.parallax"
    with Case.open(path, author="ana") as case:
        case.set_verdict(VerdictRecord("k1", "confirmed", "call", divergence_type="time", variants=JUDGED))
    with Case.open(path, author="ana") as case:
        stored = case.verdicts()["k1"]
    assert (stored.divergence_type, stored.kind, stored.variants) == ("time", "divergence", JUDGED)


def test_placing_a_verdict_on_a_re_found_divergence_moves_it_in_one_audited_write(tmp_path):
    with Case.open(tmp_path / "c.parallax", author="ana") as case:
        case.set_verdict(VerdictRecord("old", "follow_up", "ask", divergence_type="time", variants=JUDGED))
        case.set_verdict(
            VerdictRecord("new", "follow_up", "ask", divergence_type="time", variants=JUDGED), replaces="old"
        )
        assert list(case.verdicts()) == ["new"]
        assert '"replaces": "old"' in case.audit()[-1].detail


def test_a_version_2_case_gains_the_judged_variant_columns_and_keeps_its_verdicts(tmp_path):
    path = tmp_path / "v2.parallax"
    db = Database(sqlite3.connect(path, isolation_level=None))
    migrate(db, target=2)
    db.execute("INSERT INTO verdicts (divergence_key, verdict, note) VALUES ('k', 'confirmed', 'n')")
    db.conn.close()
    with Case.open(path, author="ana") as case:
        record = case.verdicts()["k"]
    assert len(MIGRATIONS) == 3
    assert (record.verdict, record.note, record.variants, record.kind) == ("confirmed", "n", (), "divergence")
