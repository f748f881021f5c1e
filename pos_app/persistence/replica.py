"""Applying the hub's change feed to the terminal's tables (``sync.client.ports.ReplicaStore``).

A page, its cursor and the hub's LMID commit in one SQLite transaction, so a crash re-applies the page and
skips nothing. Hub rows arrive in feed order, not foreign-key order (a lot can come pages before its
store), so the applying connection turns foreign-key checks off for its transaction: these rows are the
hub's, and the hub keeps their keys whole. Local business writes keep their checks on every other
connection. A first pull or a ``reset`` replaces the hub's rows wholesale; the outbox and local facts
(orders, stock deltas) are never touched.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Engine, Table, Uuid, delete, insert, select, update
from sqlalchemy.engine import Connection

from pos_app.domain.equivalency import ProductForm, dried_equivalent_per_unit
from pos_app.persistence.catalog_repository import normalise_gtin
from pos_app.persistence.database import WRITE_TRANSACTION
from pos_app.persistence.models import Base, SyncState
from pos_app.persistence.types import UtcDateTime, utcnow
from sync.client.ports import PullPosition
from sync.protocol import Change, PullResponse

log = logging.getLogger(__name__)

ENTITY_TABLES = {
    "tenant": "tenants", "province": "provinces_territories", "tax_rate": "tax_rates", "store": "stores",
    "staff_user": "users", "role_permission": "role_permissions", "accessory_category": "accessory_categories",
    "accessory": "accessories_catalog", "product": "ocs_product_catalog", "supplier": "provincial_suppliers",
    "shelf_location": "shelf_locations", "purchase_order": "purchase_orders", "inventory_level": "ocs_inventory",
    "batch": "batch_tracking",
}
# Tables of hub rows only; a reset empties them (children first).
REPLICATED_TABLES = ("purchase_order_items", *reversed(ENTITY_TABLES.values()))


def _converter(column) -> Callable[[Any], Any] | None:
    kind = column.type
    if isinstance(kind, Uuid):
        return uuid.UUID
    if isinstance(kind, UtcDateTime):
        return datetime.fromisoformat
    if isinstance(kind, Date):
        return date.fromisoformat
    return None


class _TableRows:
    """Hub JSON rows to one table's rows, with each column's converter worked out once, not once per value."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self._columns = [(column.name, _converter(column)) for column in table.columns]
        # OR REPLACE also clears a row that clashes on another unique key (a SKU re-keyed on the hub), which
        # an ON CONFLICT (id) upsert would refuse.
        self._statement = insert(table).prefix_with("OR REPLACE")

    def row(self, data: dict[str, Any]) -> dict[str, Any]:
        row = {}
        for name, convert in self._columns:
            if name in data:
                value = data[name]
                row[name] = value if value is None or convert is None else convert(value)
        return _derived(self.table.name, row)

    def insert_all(self, conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
        """One executemany per set of keys (the hub sends one set per entity, so usually one in all)."""
        by_keys: dict[tuple[str, ...], list[dict[str, Any]]] = {}
        for row in rows:
            by_keys.setdefault(tuple(row), []).append(row)
        for group in by_keys.values():
            conn.execute(self._statement, group)


def _derived(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """What the terminal works out itself: Schedule 3 equivalents and GTIN-14 barcodes."""
    if table == "ocs_product_catalog" and row.get("dried_equivalent_g") is None:
        row["dried_equivalent_g"] = dried_equivalent_per_unit(
            ProductForm(row["product_form"]), Decimal(row["net_content"]), row.get("pieces"))
    if table == "accessories_catalog" and row.get("barcode"):
        row["barcode"] = normalise_gtin(row["barcode"]) or row["barcode"]
    return row


class SqlReplica:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._tables = Base.metadata.tables
        self._state = SyncState.__table__
        self._rows = {name: _TableRows(self._tables[name])
                      for name in (*ENTITY_TABLES.values(), "purchase_order_items")}

    def position(self) -> PullPosition:
        with self._engine.connect() as conn:
            row = conn.execute(select(self._state.c.client_id, self._state.c.pull_cursor)).first()
            conn.rollback()
        return PullPosition(row.client_id, row.pull_cursor)

    def apply_page(self, position: PullPosition, page: PullResponse) -> bool:
        with self._engine.connect() as conn:
            driver = conn.connection.driver_connection
            driver.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or SQLite ignores it
            try:
                conn.execution_options(**WRITE_TRANSACTION)
                with conn.begin():
                    return self._apply(conn, position, page)
            finally:
                driver.execute("PRAGMA foreign_keys=ON")

    def _apply(self, conn: Connection, position: PullPosition, page: PullResponse) -> bool:
        state = conn.execute(select(self._state)).one()
        if state.client_id != position.client_id or state.pull_cursor != position.cursor:
            return False  # another pull, or a new client id, got here first
        if page.reset or position.cursor is None:
            for name in REPLICATED_TABLES:
                conn.execute(delete(self._tables[name]))
        self._apply_changes(conn, page.changes)
        values: dict[str, Any] = {"pull_cursor": page.cursor, "last_pull_at": utcnow()}
        if not page.has_more:
            # Only a caught-up pull has every level the LMID accounts for; in mid-catch-up the overlay waits.
            values.update(pulled_through_mutation_id=page.last_mutation_id, last_good_sync_at=utcnow())
        conn.execute(update(self._state).values(**values))
        return True

    def _apply_changes(self, conn: Connection, changes: list[Change]) -> None:
        # Within a page only the latest change of an entity counts (the feed keeps one per entity anyway).
        latest = {(c.entity, c.id): c for c in changes}
        by_entity: dict[str, list[Change]] = {}
        for change in latest.values():
            by_entity.setdefault(change.entity, []).append(change)
        for entity, group in by_entity.items():
            name = ENTITY_TABLES.get(entity)
            if name is None:
                log.debug("The terminal keeps no %s rows; %d change(s) skipped", entity, len(group))
                continue
            table = self._tables[name]
            puts = [c for c in group if c.op == "put" and c.data is not None]
            self._put(conn, table, puts)
            self._delete(conn, table, [uuid.UUID(c.id) for c in group if c.op == "delete"])

    def _put(self, conn: Connection, table: Table, changes: list[Change]) -> None:
        if not changes:
            return
        rows = self._rows[table.name]
        rows.insert_all(conn, (rows.row(c.data) for c in changes))
        if table.name == "purchase_orders":
            items = self._rows["purchase_order_items"]
            ids = [uuid.UUID(c.id) for c in changes]
            conn.execute(delete(items.table).where(items.table.c.purchase_order_id.in_(ids)))
            items.insert_all(conn, (items.row(line) for c in changes for line in c.data.get("lines", [])))

    def _delete(self, conn: Connection, table: Table, ids: list[uuid.UUID]) -> None:
        if not ids:
            return
        if "is_active" in table.c:
            # Local orders and audit entries still name these rows; a tombstone retires them instead.
            conn.execute(update(table).where(table.c.id.in_(ids)).values(is_active=False))
            return
        if table.name == "purchase_orders":
            items = self._tables["purchase_order_items"]
            conn.execute(delete(items).where(items.c.purchase_order_id.in_(ids)))
        conn.execute(delete(table).where(table.c.id.in_(ids)))
