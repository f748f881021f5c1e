"""A first sync against a real hub: rows stored exactly as SQLAlchemy would store them, statistics for the
planner once the snapshot is in, and SQLite's own settings back afterwards."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from sqlalchemy import Date, Uuid, create_engine, insert, text
from sqlalchemy.exc import IntegrityError

from pos_app.persistence.bulk_load import TableLoader
from pos_app.persistence.catalog_repository import SqlProductLookup
from pos_app.persistence.models import Base
from pos_app.persistence.replica import ENTITY_TABLES, SqlReplica, _derived
from pos_app.persistence.types import UtcDateTime
from sync.protocol import PullRequest
from tests.sync.client.tills import open_till


def _parsed(table, data: dict) -> dict:
    """The hub's JSON values as the Python values SQLAlchemy's column types take (the general way)."""
    parse = {Uuid: uuid.UUID, UtcDateTime: datetime.fromisoformat, Date: date.fromisoformat}
    row = {}
    for column in table.columns:
        if column.name in data:
            value, kind = data[column.name], type(column.type)
            row[column.name] = value if value is None or kind not in parse else parse[kind](value)
    return row


def test_the_loader_stores_exactly_what_sqlalchemy_stores(hub, make_till, tmp_path):
    till = make_till(hub.url)
    changes, cursor, client_id = [], None, till.sync.overview().client_id  # a token pulls with its own id only
    while True:
        page = till.sync.engine.hub.pull(PullRequest(client_id=client_id, cursor=cursor, limit=1000))
        changes += page.changes
        cursor = page.cursor
        if not page.has_more:
            break
    engine = create_engine(f"sqlite:///{tmp_path / 'compare.db'}")  # foreign keys off: one table at a time
    Base.metadata.create_all(engine)
    seen = set()
    for entity, name in ENTITY_TABLES.items():
        table = Base.metadata.tables[name]
        rows = [_derived(name, c.data) for c in changes if c.entity == entity and c.op == "put"]
        if not rows:
            continue
        seen.add(entity)
        with engine.begin() as conn:
            conn.execute(insert(table), [_parsed(table, row) for row in rows])
            by_sqlalchemy = conn.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY id').all()
            conn.exec_driver_sql(f'DELETE FROM "{name}"')
            loader = TableLoader(table, engine.dialect)
            loader.write(conn, loader.rows(rows))
            by_loader = conn.exec_driver_sql(f'SELECT * FROM "{name}" ORDER BY id').all()
        assert by_loader == by_sqlalchemy, name
    assert {"store", "staff_user", "product", "inventory_level", "batch"} <= seen
    engine.dispose()


def test_a_first_sync_in_many_pages_leaves_statistics_and_the_tills_own_settings(hub, tmp_path):
    till = open_till(tmp_path / "fresh", page_size=100)
    try:
        till.sync.pair(hub.url, hub.pairing_code(), terminal_no=502)
        report = till.sync.bootstrap()
        assert report.pages > 5
        with till.terminal.engine.connect() as conn:
            analysed = {row[0] for row in conn.exec_driver_sql("SELECT tbl FROM sqlite_stat1")}
            assert {"ocs_product_catalog", "ocs_inventory", "batch_tracking"} <= analysed
            # The till's own setting: its background checkpointer does the checkpoints, no commit does.
            assert conn.execute(text("PRAGMA wal_autocheckpoint")).scalar() == 0
            assert till.terminal.checkpointer is not None and not till.terminal.checkpointer.held
            assert conn.execute(text("PRAGMA cache_size")).scalar() == -2000
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2, "FULL again, for the sales"
            conn.rollback()
        code, _sku = till.products(1)[0]
        lookup = SqlProductLookup(till.terminal.session_factory, till.terminal.context.store_id)
        assert lookup.find_by_code(code) is not None, "it can sell"
    finally:
        till.close()


def test_a_catch_up_that_fails_gives_the_log_back_to_the_checkpointer(hub, tmp_path):
    till = open_till(tmp_path / "fresh", page_size=100)
    try:
        till.sync.pair(hub.url, hub.pairing_code(), terminal_no=503)
        replica = SqlReplica(till.terminal.engine)
        position = replica.position()
        first = till.sync.engine.hub.pull(PullRequest(client_id=position.client_id, cursor=position.cursor,
                                                       limit=100))
        assert first.has_more
        assert replica.apply_page(position, first)
        assert till.terminal.checkpointer.held, "a first sync folds the log in at its end"
        put = next(change for change in first.changes if change.op == "put")
        # A row the database refuses (its required columns missing) fails the page as a whole.
        broken = first.model_copy(update={"changes": [put.model_copy(update={"data": {"id": put.data["id"]}})]})
        with pytest.raises(IntegrityError):
            replica.apply_page(replica.position(), broken)
        assert not till.terminal.checkpointer.held
        with till.terminal.engine.connect() as conn:
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2
            conn.rollback()
    finally:
        till.close()
