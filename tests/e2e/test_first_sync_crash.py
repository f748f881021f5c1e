"""A first sync SIGKILLed while it builds the catalog's search index and indexes (in its last page's transaction)
leaves them paused and the page unapplied (or nothing applied, when one transaction held every page); the first
sync that resumes builds them whole, and search finds products."""

from __future__ import annotations

import os
import signal
import subprocess
import sys

from sqlalchemy.engine import Connection

from pos_app.persistence import catalog_upkeep
from tests.e2e.first_sync_process import PAGE_SIZE
from tests.e2e.harness import REPO
from tests.sync.client.tills import open_till

# (catalog table, its search table): the index holds exactly the active rows, by rowid
CATALOGS = (("ocs_product_catalog", "ocs_product_search"), ("accessories_catalog", "accessory_search"))


def _unindexed(conn: Connection) -> dict[str, int]:
    """Per catalog, how many rows the index gets wrong (active rows missing, other rows held)."""
    wrong = {}
    for table, search in CATALOGS:
        active = f"SELECT rowid FROM {table} WHERE is_active"
        indexed = f"SELECT rowid FROM {search}"
        wrong[table] = conn.exec_driver_sql(
            f"SELECT (SELECT count(*) FROM ({active} EXCEPT {indexed})) "
            f"+ (SELECT count(*) FROM ({indexed} EXCEPT {active}))").scalar()
    return wrong


def _indexes(conn: Connection) -> set[str]:
    """The indexes and triggers a first sync sets aside."""
    def named(kind: str, tables: tuple[str, ...]) -> set[str]:
        listed = ", ".join(f"'{table}'" for table in tables)
        return set(conn.exec_driver_sql(f"SELECT name FROM sqlite_master WHERE type = '{kind}' "
                                        f"AND tbl_name IN ({listed})").scalars())

    return (named("index", catalog_upkeep.DEFERRED_INDEX_TABLES)
            | named("trigger", catalog_upkeep.DEFERRED_TRIGGER_TABLES))


def test_a_first_sync_killed_while_building_the_catalog_indexes_resumes_and_builds_them_whole(hub, tmp_path):
    folder = tmp_path / "terminal"
    till = open_till(folder, page_size=PAGE_SIZE)
    with till.terminal.engine.connect() as conn:
        migrated = _indexes(conn)  # as the migrations made them
        conn.rollback()
    assert len(migrated) > 20
    till.sync.pair(hub.url, hub.pairing_code(), terminal_no=507)
    till.close()

    process = subprocess.Popen([sys.executable, "-m", "tests.e2e.first_sync_process", str(folder)], cwd=REPO,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "POS_APP_KEYRING": "file"})
    try:
        line = process.stdout.readline()
        assert line.strip() == "INDEX-BUILT", line or process.stderr.read()
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)

    till = open_till(folder, page_size=PAGE_SIZE)
    try:
        with till.terminal.engine.connect() as conn:
            cursor = conn.exec_driver_sql("SELECT pull_cursor FROM sync_state").scalar()
            # The killed transaction, fill and all, was rolled back: to pages before it (still paused), or, when
            # one transaction held every page, to before the first sync.
            assert cursor is None or catalog_upkeep.paused(conn)
            conn.rollback()
        till.sync.bootstrap()
        with till.terminal.engine.connect() as conn:
            assert not catalog_upkeep.paused(conn)
            assert _indexes(conn) == migrated, "every index and trigger set aside is back"
            assert _unindexed(conn) == {"ocs_product_catalog": 0, "accessories_catalog": 0}
            name, sku = conn.exec_driver_sql("SELECT product_name, ocs_variant_number FROM ocs_product_catalog "
                                             "WHERE is_active ORDER BY ocs_variant_number LIMIT 1").one()
            conn.rollback()
        found = till.terminal.catalog.search(name[1:], 50)  # not from its start: only the trigrams find it
        assert sku in {row.sku for row in found}
    finally:
        till.close()
