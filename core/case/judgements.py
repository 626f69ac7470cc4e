"""Read and write the checker's judgements in a case: alignment edits, verdicts, annotations, pivots."""

from __future__ import annotations

import uuid
from contextlib import AbstractContextManager
from dataclasses import asdict, replace
from typing import TYPE_CHECKING, Optional

from core.case.connection import CaseDb
from core.case.readers import edits_from_rows, parse_rows
from core.case.records import Annotation, VerdictRecord, utc_now
from core.case.schema import (
    ANNOTATION_COLUMNS,
    ANNOTATION_FIELDS,
    ANNOTATION_MARKS,
    annotation_from_row,
    annotation_row,
    variants_json,
    verdict_from_row,
)
from core.errors import CaseError
from core.model import VERDICTS, AlignmentEdit, PassageRef


class CaseJudgements:
    """The part of a Case that keeps the checker's judgements; each write is one audited transaction."""

    author: str
    problems: list[str]

    if TYPE_CHECKING:  # provided by Case, which opens the file and owns the one way to write

        @property
        def db(self) -> CaseDb: ...

        def _write(self, action: str, target: str, detail: Optional[dict] = None) -> AbstractContextManager[dict]: ...

        def _rows(self, sql: str, params=()) -> list[dict]: ...

    # ----- alignment edits -----------------------------------------------------------------------
    def add_edit(self, edit: AlignmentEdit) -> int:
        """Store a manual link/unlink/split/merge and return its id."""
        if edit.kind not in ("link", "unlink", "split", "merge"):
            raise ValueError(f"unknown alignment edit kind {edit.kind!r}")
        b = edit.b
        with self._write(f"edit.{edit.kind}", edit.a.source, {"edit": asdict(edit)}) as detail:
            cursor = self.db.execute(
                'INSERT INTO edits (kind, a_source, a_start, a_end, b_source, b_start, b_end, "at", '
                "created_at, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    edit.kind,
                    edit.a.source,
                    edit.a.start,
                    edit.a.end,
                    b.source if b else None,
                    b.start if b else None,
                    b.end if b else None,
                    edit.at,
                    utc_now(),
                    self.author,
                ],
            )
            detail["id"] = cursor.lastrowid
        return int(detail["id"])

    def remove_edit(self, edit_id: int) -> None:
        """Forget a manual alignment edit."""
        with self._write("edit.remove", str(edit_id)) as detail:
            found = [e for i, e in self.edits() if i == edit_id]
            self.db.execute("DELETE FROM edits WHERE id = ?", [edit_id])
            detail.update({"edit": asdict(found[0])} if found else {"_skip": True})

    def edits(self) -> list[tuple[int, AlignmentEdit]]:
        """Return the manual edits in the order they were made."""
        lengths = {r["key"]: r["n"] for r in self._rows("SELECT key, length(text) AS n FROM sources")}
        return edits_from_rows(self._rows("SELECT * FROM edits ORDER BY id"), lengths, self.problems)

    # ----- verdicts ------------------------------------------------------------------------------
    def set_verdict(self, record: VerdictRecord, replaces: str = "") -> None:
        """Store (or replace) the verdict on one divergence; `replaces` names the key it moves from."""
        # Verdict "" is a note on a divergence not yet triaged.
        if record.verdict not in VERDICTS + ("",):
            raise ValueError(f'unknown verdict {record.verdict!r}; expected one of {VERDICTS} or ""')
        if not record.verdict and not record.note:
            raise ValueError("a record without a verdict must carry a note")
        stored = replace(record, author=record.author or self.author, updated_at=utc_now())
        action = "verdict.set" if record.verdict else "note.set"
        with self._write(action, record.divergence_key) as detail:
            previous = self.verdicts_for([record.divergence_key])
            if replaces and replaces != record.divergence_key:  # moved to a re-found divergence
                self.db.execute("DELETE FROM verdicts WHERE divergence_key = ?", [replaces])
                detail["replaces"] = replaces
            self.db.execute(
                "INSERT INTO verdicts (divergence_key, verdict, note, source_key, author, updated_at, "
                "divergence_type, kind, variants) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(divergence_key) DO UPDATE SET "
                "verdict = excluded.verdict, note = excluded.note, source_key = excluded.source_key, "
                "author = excluded.author, updated_at = excluded.updated_at, divergence_type = "
                "excluded.divergence_type, kind = excluded.kind, variants = excluded.variants",
                [
                    stored.divergence_key,
                    stored.verdict,
                    stored.note,
                    stored.source_key,
                    stored.author,
                    stored.updated_at,
                    stored.divergence_type,
                    stored.kind,
                    variants_json(stored.variants),
                ],
            )
            detail.update(verdict=stored.verdict, note=stored.note, source_key=stored.source_key)
            if previous:
                old = previous[record.divergence_key]
                detail["previous"] = {"verdict": old.verdict, "note": old.note, "source_key": old.source_key}

    def clear_verdict(self, divergence_key: str) -> None:
        """Remove the verdict on one divergence (the audit keeps what it was)."""
        with self._write("verdict.clear", divergence_key) as detail:
            previous = self.verdicts_for([divergence_key])
            self.db.execute("DELETE FROM verdicts WHERE divergence_key = ?", [divergence_key])
            if previous:
                old = previous[divergence_key]
                detail["previous"] = {"verdict": old.verdict, "note": old.note, "source_key": old.source_key}
            else:
                detail["_skip"] = True

    def verdicts(self) -> dict[str, VerdictRecord]:
        """Return every verdict by divergence key."""
        records = parse_rows(self._rows("SELECT * FROM verdicts"), verdict_from_row, "verdicts", self.problems)
        return {r.divergence_key: r for r in records}

    def verdicts_for(self, keys) -> dict[str, VerdictRecord]:
        """Return the verdicts of these divergence keys."""
        keys = list(keys)
        marks = ", ".join("?" for _ in keys)
        if not keys:
            return {}
        rows = self._rows(f"SELECT * FROM verdicts WHERE divergence_key IN ({marks})", keys)
        return {r["divergence_key"]: verdict_from_row(r) for r in rows}

    # ----- annotations ---------------------------------------------------------------------------
    def add_annotation(self, a: Annotation) -> Annotation:
        """Store a new annotation and return it with its id, author and timestamps."""
        now = utc_now()
        stored = replace(
            a,
            id=a.id or uuid.uuid4().hex,
            author=a.author or self.author,
            created_at=a.created_at or now,
            updated_at=now,
        )
        with self._write("annotation.add", stored.id, asdict(stored)):
            self.db.execute(
                f"INSERT INTO annotations ({ANNOTATION_FIELDS}) VALUES ({ANNOTATION_MARKS})", annotation_row(stored)
            )
        return stored

    def update_annotation(self, a: Annotation) -> None:
        """Replace the label, status, note and anchor of a stored annotation."""
        stored = replace(a, author=a.author or self.author, updated_at=utc_now())
        with self._write("annotation.update", a.id, asdict(stored)):
            row = annotation_row(stored)
            assignments = ", ".join(f'"{c}" = ?' for c in ANNOTATION_COLUMNS[1:] if c != "created_at")
            values = [v for c, v in zip(ANNOTATION_COLUMNS[1:], row[1:]) if c != "created_at"]
            cursor = self.db.execute(f"UPDATE annotations SET {assignments} WHERE id = ?", values + [a.id])
            if cursor.rowcount == 0:
                raise CaseError(f"Annotation {a.id} is not in this case (it may have been deleted).")

    def delete_annotation(self, annotation_id: str) -> None:
        """Delete an annotation; its full content stays in the audit log."""
        with self._write("annotation.delete", annotation_id) as detail:
            found = [x for x in self.annotations() if x.id == annotation_id]
            self.db.execute("DELETE FROM annotations WHERE id = ?", [annotation_id])
            detail.update(asdict(found[0]) if found else {"_skip": True})

    def annotations(self) -> list[Annotation]:
        """Return every annotation, oldest first."""
        return parse_rows(
            self._rows("SELECT * FROM annotations ORDER BY created_at, rowid"),
            annotation_from_row,
            "annotations",
            self.problems,
        )

    def labels(self) -> list[str]:
        """Return the annotation labels in display order."""
        return [r["name"] for r in self._rows("SELECT name FROM labels ORDER BY position, name")]

    # ----- pivots --------------------------------------------------------------------------------
    def set_pivot(self, claim_key: str, passage_ref: Optional[PassageRef]) -> None:
        """Remember which passage the user chose as a claim's pivot (None restores the automatic one)."""
        detail = asdict(passage_ref) if passage_ref else {"cleared": True}
        with self._write("pivot.set", claim_key, detail):
            self.db.execute("DELETE FROM pivots WHERE claim_key = ?", [claim_key])
            if passage_ref is not None:
                self.db.execute(
                    'INSERT INTO pivots (claim_key, source, start, "end") VALUES (?, ?, ?, ?)',
                    [claim_key, passage_ref.source, passage_ref.start, passage_ref.end],
                )

    def pivots(self) -> dict[str, PassageRef]:
        """Return the chosen pivots by claim key."""
        refs = parse_rows(
            self._rows("SELECT * FROM pivots"),
            lambda r: (r["claim_key"], PassageRef(r["source"], int(r["start"]), int(r["end"]))),
            "chosen pivots",
            self.problems,
        )
        return dict(refs)
