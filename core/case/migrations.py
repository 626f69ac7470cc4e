"""Numbered schema migrations of the case file: each step brings user_version N-1 to N."""

from __future__ import annotations

from typing import Callable

from core.case.connection import CaseDb as Database  # or a sqlite_utils.Database: the same three methods

APPLICATION_ID = 0x50524C58  # "PRLX": marks a SQLite file as a Parallax case (PRAGMA application_id)
MAGIC = "parallax"
DEFAULT_LABELS = ("verified", "disputed", "needs source", "error")


def _v1_core_tables(db: Database) -> None:
    """Create the tables of the first case format: meta, sources, edits, verdicts, annotations, audit."""
    db["meta"].create({"name": str, "value": str}, pk="name")
    db.execute("INSERT INTO meta (name, value) VALUES ('application', ?)", [MAGIC])
    db["sources"].create(
        {
            "key": str,
            "position": int,
            "hidden": int,
            "kind": str,
            "path": str,
            "title": str,
            "outlet": str,
            "author": str,
            "published": str,
            "url": str,
            "encoding": str,
            "sha256": str,
            "imported_at": str,
            "text": str,
            "original": bytes,
        },
        pk="key",
        not_null={"position", "text", "sha256"},
        defaults={"hidden": 0},
    )
    db["edits"].create(
        {
            "id": int,
            "kind": str,
            "a_source": str,
            "a_start": int,
            "a_end": int,
            "b_source": str,
            "b_start": int,
            "b_end": int,
            "at": int,
            "created_at": str,
            "author": str,
        },
        pk="id",
        not_null={"kind", "a_source", "a_start", "a_end"},
    )
    db["verdicts"].create(
        {
            "divergence_key": str,
            "verdict": str,
            "note": str,
            "source_key": str,
            "author": str,
            "updated_at": str,
        },
        pk="divergence_key",
        not_null={"verdict"},
    )
    db["annotations"].create(
        {
            "id": str,
            "target_kind": str,
            "source_key": str,
            "exact": str,
            "prefix": str,
            "suffix": str,
            "start": int,
            "end": int,
            "claim_key": str,
            "divergence_key": str,
            "label": str,
            "status": str,
            "note": str,
            "author": str,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"target_kind"},
    )
    db["audit"].create(
        {
            "id": int,
            "at": str,
            "author": str,
            "action": str,
            "target": str,
            "detail": str,
        },
        pk="id",
        not_null={"at", "action"},
    )


def _v2_labels_pivots_settings(db: Database) -> None:
    """Add the editable label list, chosen pivots, per-case settings and lookup indexes."""
    db["labels"].create({"name": str, "position": int}, pk="name", not_null={"position"})
    for position, name in enumerate(DEFAULT_LABELS):
        db.execute("INSERT INTO labels (name, position) VALUES (?, ?)", [name, position])
    db["pivots"].create(
        {"claim_key": str, "source": str, "start": int, "end": int}, pk="claim_key", not_null={"source", "start", "end"}
    )
    db["settings"].create({"name": str, "value": str}, pk="name")
    db["annotations"].create_index(["source_key"], if_not_exists=True)
    db["annotations"].create_index(["claim_key"], if_not_exists=True)
    db["sources"].create_index(["sha256"], if_not_exists=True)


def _v3_judged_variants(db: Database) -> None:
    """Store with each verdict what was judged (type, kind, variants) so re-alignment can place it."""
    columns = {c.name for c in db["verdicts"].columns}
    for name in ("divergence_type", "kind", "variants"):
        if name not in columns:
            db.execute(f'ALTER TABLE verdicts ADD COLUMN "{name}" TEXT')


# MIGRATIONS[i] turns a version-i file into version i+1; never edit a released step, append one.
MIGRATIONS: tuple[Callable[[Database], None], ...] = (_v1_core_tables, _v2_labels_pivots_settings, _v3_judged_variants)
SCHEMA_VERSION = len(MIGRATIONS)


def user_version(db: Database) -> int:
    """Return the schema version stored in the file header."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: Database, target: int = SCHEMA_VERSION) -> list[int]:
    """Run every migration from the file's version to target, each in its own transaction."""
    done = []
    current = user_version(db)
    while current < target:
        with db.atomic():
            MIGRATIONS[current](db)
            # PRAGMA values cannot be bound parameters; both are integers we control.
            db.execute(f"PRAGMA application_id = {int(APPLICATION_ID)}")
            db.execute(f"PRAGMA user_version = {int(current + 1)}")
        current += 1
        done.append(current)
    return done
