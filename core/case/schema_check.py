"""Compare a case file's schema with the one our migrations produce: a case holds data, never code."""

from __future__ import annotations

import sqlite3
from functools import lru_cache

from core.case.connection import CaseDb
from core.case.migrations import migrate
from core.errors import CaseError

# SQLite's own bookkeeping (autoindexes of primary keys, AUTOINCREMENT counters, ANALYZE
# statistics) appears as the file is used; it carries no behaviour of its own.
_INTERNAL_PREFIX = "sqlite_"


def _objects(conn: sqlite3.Connection) -> dict[tuple[str, str], str]:
    """Return {(type, name): table} for every schema object that is not SQLite's own."""
    rows = conn.execute("SELECT type, name, tbl_name FROM sqlite_master").fetchall()
    return {(kind, name): table for kind, name, table in rows if not name.startswith(_INTERNAL_PREFIX)}


def _columns(conn: sqlite3.Connection, table: str) -> dict[str, tuple]:
    """Return {column: (declared type, not null, default, primary-key rank, hidden)} of a table."""
    rows = conn.execute(
        'SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)', [table]
    ).fetchall()
    return {name: (kind.upper(), notnull, default, pk, hidden) for name, kind, notnull, default, pk, hidden in rows}


def _index_columns(conn: sqlite3.Connection, index: str) -> tuple:
    return tuple(row[0] for row in conn.execute("SELECT name FROM pragma_index_info(?)", [index]))


@lru_cache(maxsize=None)
def expected_schema(version: int) -> tuple[dict, dict, dict]:
    """Return the objects, table columns and index columns the migrations produce up to version."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(CaseDb(conn), version)
        return _describe(conn)
    finally:
        conn.close()


def _describe(conn: sqlite3.Connection) -> tuple[dict, dict, dict]:
    objects = _objects(conn)
    tables = {name: _columns(conn, name) for kind, name in objects if kind == "table"}
    indexes = {name: _index_columns(conn, name) for kind, name in objects if kind == "index"}
    return objects, tables, indexes


def _listed(names) -> str:
    return ", ".join(sorted(names))


def schema_problem(conn: sqlite3.Connection, version: int) -> str:
    """Return what is wrong with the schema of a case file at this version, or "" when it is ours."""
    want_objects, want_tables, want_indexes = expected_schema(version)
    have_objects, have_tables, have_indexes = _describe(conn)
    foreign = sorted(set(have_objects) - set(want_objects))
    triggers = [name for kind, name in foreign if kind == "trigger"]
    if triggers:
        return (
            f"contains {len(triggers)} trigger{'s' if len(triggers) > 1 else ''} ({_listed(triggers)}) "
            "that would run hidden SQL whenever you save (for example rewrite verdicts or erase "
            "the audit log). A case holds data only"
        )
    if foreign:
        shown = _listed(f"{kind} {name}" for kind, name in foreign)
        return f"contains objects Parallax never creates ({shown}). A case holds data only"
    missing = sorted(set(want_objects) - set(have_objects))
    if missing:
        return f"is damaged: it lacks {_listed(f'the {kind} {name}' for kind, name in missing)}"
    for table, columns in want_tables.items():
        have = have_tables[table]
        lacking = [c for c in columns if c not in have]
        if lacking:
            return f"is damaged: the table {table} lacks the column{'s' if len(lacking) > 1 else ''} {_listed(lacking)}"
        extra = [c for c in have if c not in columns]
        if extra:
            return f"has columns Parallax never creates in the table {table} ({_listed(extra)})"
        changed = [c for c in columns if have[c] != columns[c]]
        if changed:
            return f"is damaged: the table {table} has the wrong definition of {_listed(changed)}"
    for index, columns in want_indexes.items():
        if have_indexes[index] != columns or have_objects[("index", index)] != want_objects[("index", index)]:
            return f"is damaged: the index {index} is not the one Parallax creates"
    return ""


def check_schema(conn: sqlite3.Connection, version: int, name: str) -> None:
    """Raise CaseError, leaving the file untouched, when its schema is not exactly ours."""
    problem = schema_problem(conn, version)
    if problem:
        raise CaseError(
            f"{name} {problem}. It was not opened and was left untouched; "
            f"`parallax strip-case {name} COPY.parallax` saves its data into a clean copy."
        )
