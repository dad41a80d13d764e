"""The embedded store's bulk path: claims loaded without secondary-index upkeep.

Inside one write transaction, `BulkLoad.start` drops the secondary indexes of
`claims` and `edges` (remembering their SQL), the caller inserts claims touching
only the claims table and its id key, and `finish` folds every claim inserted since
into the edge summary in one grouped statement and builds the indexes again, each by
one sort. Readers keep their snapshot (indexes included) until the commit; a
rollback or a crash before it leaves the store as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from graph.sqlite_edges import FOLD_NEW

_TABLES = ("claims", "edges")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class BulkLoad:
    """A bulk load under way: claims after row `after` are not yet in the summary."""

    after: int
    indexes: tuple[tuple[str, str], ...]
    """(name, CREATE statement) of each dropped index, as sqlite_master holds it."""

    @classmethod
    def start(cls, con: sqlite3.Connection) -> BulkLoad:
        """Drop the secondary indexes (in the caller's open transaction)."""
        (after,) = con.execute("SELECT coalesce(max(n), 0) FROM claims").fetchone()
        # sql is NULL for the automatic indexes of UNIQUE and PRIMARY KEY: they stay
        found = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            "AND tbl_name IN (?, ?) ORDER BY name", _TABLES).fetchall()
        for name, _ in found:
            con.execute(f"DROP INDEX {_quoted(name)}")  # a name read from sqlite_master
        return cls(int(after), tuple((str(n), str(sql)) for n, sql in found))

    def finish(self, con: sqlite3.Connection) -> None:
        """Fold the new claims into the edge summary, then rebuild the indexes."""
        con.execute(FOLD_NEW, (self.after,))
        for _, sql in self.indexes:
            con.execute(sql)
