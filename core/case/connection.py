"""The case file's SQLite connection: plain sqlite3 for every read and write, sqlite-utils only for schema work."""

from __future__ import annotations

import secrets
import sqlite3
from contextlib import contextmanager
from typing import Any, Iterator


class CaseDb:
    """Run statements and transactions on one connection, as sqlite_utils.Database does.

    Opening a case is on the window's start-up path, and importing sqlite-utils pulls numpy and
    tries pandas (about a quarter of a second): it is imported only when a table is created
    or a row inserted through it (a migration, a new source), never to open and read a case.
    """

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._tables: Any = None  # sqlite_utils.Database once schema work needs it

    def execute(self, sql: str, parameters=None) -> sqlite3.Cursor:
        """Run one statement; a failed one that opened a transaction rolls it back (sqlite-utils' rule)."""
        was_in_transaction = self.conn.in_transaction
        try:
            return self.conn.execute(sql) if parameters is None else self.conn.execute(sql, parameters)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    @contextmanager
    def atomic(self) -> Iterator["CaseDb"]:
        """Run the block in one transaction; nested blocks use savepoints."""
        if self.conn.in_transaction:
            savepoint = f"parallax_{secrets.token_hex(8)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # a trigger's ROLLBACK may have ended it already
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise

    def __getitem__(self, table: str):
        """Return sqlite-utils' table object (imported now: schema work and inserts only)."""
        if self._tables is None:
            from sqlite_utils import Database

            # No sqlite-utils plugin runs on a case: a case is a document people exchange, data only
            # (and the plugin scan cost about 12 ms at every new case).
            self._tables = Database(self.conn, execute_plugins=False)
        return self._tables[table]
