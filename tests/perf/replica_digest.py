"""`python -m tests.perf.replica_digest TERMINAL_DB`: a digest per table of a terminal's replica, to show that a
change to the first sync writes the same replica (the same rows, search index, kiosk listing and schema).

Rows are compared as stored, in key order; columns that hold the time of writing (the sync state's pull times,
the upkeep tables' stamps) are left out, since two runs cannot agree on them.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from pathlib import Path

from pos_app.persistence.replica import REPLICATED_TABLES

# What a first sync writes besides the hub's rows: the listing the kiosk reads, the search tables, the state.
DERIVED = ("kiosk_listing", "kiosk_listing_state", "catalog_upkeep_state", "catalog_upkeep_indexes",
           "ocs_product_search", "accessory_search")
# Stamped with the time of the sync, or made per terminal: not comparable between two runs.
SKIPPED_COLUMNS = {"sync_state": {"last_pull_at", "last_good_sync_at", "client_id", "pull_cursor", "terminal_id",
                                  "hub_url", "paired_at", "updated_at"}}


def _digest(conn: sqlite3.Connection, table: str) -> tuple[int, str]:
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')
               if row[1] not in SKIPPED_COLUMNS.get(table, set())]
    if table.endswith("_search"):  # FTS5: which catalog row (rowid) each indexed text belongs to
        columns = ["rowid", *columns]
    listed = ", ".join(f'"{c}"' if c != "rowid" else c for c in columns)
    digest = hashlib.sha256()
    count = 0
    for row in conn.execute(f'SELECT {listed} FROM "{table}" ORDER BY {listed}'):
        digest.update(repr(row).encode())
        count += 1
    return count, digest.hexdigest()[:16]


def digests(db: Path) -> dict[str, tuple[int, str]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        found = {table: _digest(conn, table) for table in (*REPLICATED_TABLES, *DERIVED) if table in tables}
        # The replica's tables and everything on them (indexes, triggers); other tables' CREATE text can list
        # constraints in another order from one migration run to the next.
        marks = ", ".join("?" for _ in (*REPLICATED_TABLES, *DERIVED))
        schema = sorted(conn.execute(f"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE "
                                     f"'sqlite_stat%' AND (type != 'table' OR tbl_name IN ({marks}))",
                                     (*REPLICATED_TABLES, *DERIVED)))
        found["(schema)"] = (len(schema), hashlib.sha256(repr(schema).encode()).hexdigest()[:16])
        return found
    finally:
        conn.close()


def main(argv: list[str]) -> int:
    for table, (count, digest) in sorted(digests(Path(argv[0])).items()):
        print(f"{table:40} {count:>9,} {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
