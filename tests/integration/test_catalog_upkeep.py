"""A first sync sets the catalog's secondary indexes and upkeep triggers aside and makes them again at its end
(pos_app/persistence/catalog_upkeep.py)."""

from __future__ import annotations

from pos_app.persistence import catalog_upkeep


def _schema(conn, kind: str) -> dict[str, str]:
    return dict(conn.exec_driver_sql(f"SELECT name, sql FROM sqlite_master WHERE type = '{kind}' AND sql IS NOT NULL"
                                     ).all())


def test_set_aside_indexes_and_triggers_come_back_as_they_were(terminal):
    with terminal.engine.begin() as conn:
        triggers, indexes = _schema(conn, "trigger"), _schema(conn, "index")
        catalog_upkeep.pause(conn)
        left = _schema(conn, "trigger")
        assert not any(sql for name, sql in left.items()
                       if any(f" ON {table} " in sql for table in catalog_upkeep.DEFERRED_TRIGGER_TABLES)), \
            "no upkeep trigger fires for the rows of a first sync"
        assert "keep_audit_log" in left, "the triggers of other tables stay"
        catalog_upkeep.rebuild(conn)
        assert _schema(conn, "trigger") == triggers
        assert _schema(conn, "index") == indexes


def test_one_a_migration_made_again_meanwhile_is_kept_as_it_is(terminal):
    with terminal.engine.begin() as conn:
        catalog_upkeep.pause(conn)
        newer = ("CREATE TRIGGER kiosk_listing_stock_delete AFTER DELETE ON ocs_inventory FOR EACH ROW "
                 "BEGIN SELECT 1; END")
        conn.exec_driver_sql(newer)
        catalog_upkeep.rebuild(conn)
        assert _schema(conn, "trigger")["kiosk_listing_stock_delete"] == newer
