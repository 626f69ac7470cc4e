"""Save the data of a refused case (foreign triggers, views or tables) into a clean new case."""

from __future__ import annotations

import os
import sqlite3

from core.case.connection import CaseDb

from core.case.migrations import MAGIC, SCHEMA_VERSION, migrate
from core.case.schema import SQLITE_HEADER, connect_readonly
from core.case.schema_check import expected_schema
from core.errors import CaseError


def _columns_of(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute("SELECT * FROM pragma_table_info(?)", [table])]


def strip_into_copy(path: str, target: str) -> dict[str, int]:
    """Copy the rows of our own tables from path into a new case at target; return rows copied per table.

    Nothing of the original runs or is changed: it is read through a read-only connection,
    triggers fire only on writes, and views and foreign tables are never read. Rows that the
    clean schema refuses (a missing required value) are skipped and counted under "skipped".
    """
    if os.path.exists(target):
        raise CaseError(f"{os.path.basename(target)} already exists; choose a new file for the copy.")
    with open(path, "rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise CaseError(f"{os.path.basename(path)} is not a SQLite database; nothing to strip.")
    source = connect_readonly(path)
    copy = sqlite3.connect(target, isolation_level=None)
    counts: dict[str, int] = {"skipped": 0}
    try:
        db = CaseDb(copy)
        migrate(db)
        _, tables, _ = expected_schema(SCHEMA_VERSION)
        have = {row[0] for row in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        with db.atomic():
            for table, columns in tables.items():
                if table not in have:
                    continue
                shared = [c for c in _columns_of(source, table) if c in columns]
                if table in ("labels", "meta"):
                    copy.execute(f'DELETE FROM "{table}"')  # the originals replace the defaults
                counts[table] = _copy_rows(source, copy, table, shared, counts)
            copy.execute("INSERT OR REPLACE INTO meta (name, value) VALUES ('application', ?)", [MAGIC])
    except BaseException:
        copy.close()
        os.remove(target)
        raise
    finally:
        source.close()
    copy.close()
    return counts


def _copy_rows(source, copy, table: str, columns: list[str], counts: dict[str, int]) -> int:
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    copied = 0
    for row in source.execute(f'SELECT {names} FROM "{table}"'):
        try:
            copy.execute(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})', row)
            copied += 1
        except sqlite3.IntegrityError:
            counts["skipped"] += 1
    return copied
