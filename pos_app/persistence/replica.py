"""Applying the hub's change feed to the terminal's tables (``sync.client.ports.ReplicaStore``).

A page, its cursor and the hub's LMID commit in one SQLite transaction, so a crash re-applies the page and
skips nothing. During a first sync one transaction holds a run of pages (about a second's worth), each applied
with its cursor, and a crash rolls the run back to the cursor before it.

Hub rows arrive in feed order, not foreign-key order (a lot can come pages before its store), so the applying
connection turns foreign-key checks off for its transaction: these rows are the hub's, and the hub keeps their
keys whole. Local business writes keep their checks on every other connection. A first pull or a ``reset``
replaces the hub's rows wholesale; the outbox and local facts (orders, stock deltas) are never touched.
Meanwhile the kiosk listing's and the search index's triggers are paused and the big tables' secondary indexes
set aside, and the page that ends the catch-up makes them in one go (persistence/kiosk_listing.py,
persistence/catalog_upkeep.py).

Kiosk tickets, reservations and put-away's shelf assignments are written here too, before the hub hears of
them (`LOCAL_FIRST`). Such a row carries ``version = -(the outbox mutation id that tells the hub)``, and the
hub's copy does not replace it until the hub has applied that mutation (its LMID, read with the page, reaches
it): an older copy pulled in the meantime would undo a claim or bring back released stock. The hub puts every
row its handlers touch, so its answer always follows.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from sqlalchemy import Engine, Table, delete, select, update
from sqlalchemy.engine import Connection

from hardware.codes.gs1 import gtin14_or_none
from pos_app.domain.equivalency import ProductForm, dried_equivalent_per_unit
from pos_app.persistence import catalog_upkeep, catch_up_pragmas, kiosk_listing
from pos_app.persistence.bulk_load import Rows, TableLoader
from pos_app.persistence.database import WRITE_TRANSACTION, hold_background_checkpoints
from pos_app.persistence.models import Base, SyncState
from pos_app.persistence.staff_locks import keep_stricter_locks, staff_locks
from pos_app.persistence.types import utcnow
from sync.client.ports import PullPosition
from sync.protocol import Change, PullResponse

log = logging.getLogger(__name__)

ENTITY_TABLES = {
    "tenant": "tenants", "province": "provinces_territories", "tax_rate": "tax_rates", "store": "stores",
    "staff_user": "users", "role_permission": "role_permissions", "accessory_category": "accessory_categories",
    "accessory": "accessories_catalog", "product": "ocs_product_catalog", "supplier": "provincial_suppliers",
    "shelf_location": "shelf_locations", "purchase_order": "purchase_orders", "inventory_level": "ocs_inventory",
    "batch": "batch_tracking", "kiosk_ticket": "kiosk_tickets", "inventory_reservation": "ocs_inventory_reservations",
    "shelf_assignment": "inventory_shelf_assignments", "promotion": "promotions", "discount_code": "discount_codes",
    "price_schedule": "price_schedules",
}
# Rows the feed carries inside their parent's `lines`: parent table -> (child table, its key to the parent).
NESTED = {"purchase_orders": ("purchase_order_items", "purchase_order_id"),
          "kiosk_tickets": ("kiosk_ticket_lines", "ticket_id")}
# A new PIN chosen at this register (staff.pin_changed.v1) is a `users` row written here first.
LOCAL_FIRST = ("kiosk_tickets", "ocs_inventory_reservations", "inventory_shelf_assignments", "users")
MAX_PREPARED = 8  # more than the puller reads ahead (sync.client.puller.READ_AHEAD_PAGES)
GROUPED_PAGES = 20  # a first sync commits every this many pages, or every GROUPED_SECONDS
GROUPED_SECONDS = 1.0
# Tables of hub rows only; a reset empties them (children first).
REPLICATED_TABLES = (*(child for child, _key in NESTED.values()), *reversed(ENTITY_TABLES.values()))


@lru_cache(maxsize=4096)
def _dried_equivalent(form: str, net_content: str | int | float, pieces: int | None) -> Decimal:
    # A catalog has a few hundred distinct (form, size) pairs for its 100,000 products.
    return dried_equivalent_per_unit(ProductForm(form), Decimal(net_content), pieces)


def _derived(table: str, data: dict[str, Any]) -> dict[str, Any]:
    """What the terminal works out itself: Schedule 3 equivalents and GTIN-14 barcodes.

    Works on the hub's JSON values, and copies a row only when it changes one (the page keeps its own).
    """
    if table == "ocs_product_catalog" and data.get("dried_equivalent_g") is None:
        return {**data, "dried_equivalent_g": _dried_equivalent(
            data["product_form"], data["net_content"], data.get("pieces"))}
    if table == "accessories_catalog" and data.get("barcode"):
        barcode = gtin14_or_none(data["barcode"]) or data["barcode"]
        return data if barcode == data["barcode"] else {**data, "barcode": barcode}
    return data


@dataclass
class _Writing:
    """A page's open write transaction, and the pages of a first sync it holds so far."""

    conn: Connection
    driver: Any
    transaction: Any
    started: float
    pages: int = 0
    # `LOCAL_FIRST` rows written here ahead of the hub, (id, the outbox mutation id), read once per
    # transaction: no other connection writes while it holds the write lock.
    local_first: dict[str, list[tuple[uuid.UUID, int]]] | None = None


@dataclass
class _Step:
    """One entity's part of a page, converted and ready to write."""

    table: Table
    puts: Rows
    deletes: list[uuid.UUID]
    parents: list[uuid.UUID] = field(default_factory=list)  # purchase orders or tickets whose lines are replaced
    lines: Rows = field(default_factory=dict)


class SqlReplica:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._tables = Base.metadata.tables
        self._state = SyncState.__table__
        self._catching_up = False
        self._writing: _Writing | None = None
        self._grouping_thread: int | None = None
        self._prepared: dict[int, tuple[PullResponse, list[_Step]]] = {}
        self._prepared_lock = threading.Lock()
        self._loaders = {name: TableLoader(self._tables[name], engine.dialect)
                         for name in (*ENTITY_TABLES.values(), *(child for child, _key in NESTED.values()))}

    def position(self) -> PullPosition:
        with self._engine.connect() as conn:
            row = conn.execute(select(self._state.c.client_id, self._state.c.pull_cursor)).first()
            conn.rollback()
        return PullPosition(row.client_id, row.pull_cursor)

    def apply_page(self, position: PullPosition, page: PullResponse) -> bool:
        writing, self._writing = self._writing, None
        if writing is None:
            writing = self._begin(page)
        try:
            applied = self._apply(writing, position, page)
        except BaseException:
            # The pull stops here, maybe for hours offline: sales must not pile up in an unfolded log.
            hold_background_checkpoints(self._engine, False)
            self._end(writing, commit=False)
            raise
        writing.pages += applied
        if applied and page.has_more:
            self._catching_up = True
            if self._keeps_open(writing):
                self._writing = writing  # committed with a later page of this first sync
                return True
        settle = applied and not page.has_more and self._catching_up
        if settle:
            self._catching_up = False
        try:
            self._end(writing, commit=True, settle=settle)
        except BaseException:
            hold_background_checkpoints(self._engine, False)
            raise
        return applied

    @contextmanager
    def catch_up(self) -> Iterator[None]:
        """Pages applied by this thread inside it may share a commit during a first sync (see `_keeps_open`)."""
        self._grouping_thread = threading.get_ident()
        try:
            yield
        finally:
            self._grouping_thread = None
            writing, self._writing = self._writing, None
            if writing is not None:  # a run cut short (the hub went away): keep the pages it did apply
                self._end(writing, commit=True)

    def _keeps_open(self, writing: _Writing) -> bool:
        """A first sync (or a reset) commits every few pages, not every page: each commit writes again the
        index pages every page touches (about 8 s of a 100,000-product first sync). A crash loses at most those
        pages, and their cursor with them, so they are pulled again. The write lock is held about a second at a
        time, so a sale rung up meanwhile waits at most that long."""
        return (self._grouping_thread == threading.get_ident() and writing.pages < GROUPED_PAGES
                and time.monotonic() - writing.started < GROUPED_SECONDS and catalog_upkeep.paused(writing.conn))

    def _begin(self, page: PullResponse) -> _Writing:
        conn = self._engine.connect()
        driver = conn.connection.driver_connection
        driver.execute("PRAGMA foreign_keys=OFF")  # outside any transaction, or SQLite ignores it
        catch_up_pragmas.bulk_mode(self._engine, driver, page.has_more or self._catching_up)
        conn.execution_options(**WRITE_TRANSACTION)
        return _Writing(conn, driver, conn.begin(), time.monotonic())

    def _end(self, writing: _Writing, *, commit: bool, settle: bool = False) -> None:
        try:
            if commit:
                writing.transaction.commit()
            else:
                writing.transaction.rollback()
        finally:
            writing.driver.execute("PRAGMA foreign_keys=ON")
            writing.driver.execute("PRAGMA synchronous=FULL")  # the pooled connection may carry a sale next
            if settle and commit:
                catch_up_pragmas.settle(self._engine, writing.driver)
            writing.conn.close()

    def _apply(self, writing: _Writing, position: PullPosition, page: PullResponse) -> bool:
        conn = writing.conn
        state = conn.execute(select(self._state)).one()
        if state.client_id != position.client_id or state.pull_cursor != position.cursor:
            return False  # another pull, or a new client id, got here first
        # Local mutations up to here are in the hub's rows of this page: `LOCAL_FIRST` rows past it stay.
        held = self._held_locally(writing, state.mutation_id_base + page.last_mutation_id)
        steps = self._prepared_steps(page)
        locks = staff_locks(conn, self._tables["users"]) if any(s.table.name == "users" for s in steps) else {}
        if page.reset or position.cursor is None:
            # Every catalog and stock row is about to be written: the kiosk listing, the search index and the
            # catalog's and lots' secondary indexes are made once at the end instead of row by row.
            kiosk_listing.pause(conn)
            catalog_upkeep.pause(conn)
            self._clear(conn, held)
        self._write(conn, steps, held)
        if any(step.table.name in catalog_upkeep.SEARCHED_TABLES for step in steps) and catalog_upkeep.paused(conn):
            catalog_upkeep.fill(conn)  # indexed for search while the next pages are fetched
        keep_stricter_locks(conn, self._tables["users"], locks)
        if not page.has_more:  # caught up (maybe after a restart mid-way)
            if kiosk_listing.paused(conn):
                kiosk_listing.rebuild(conn)
            if catalog_upkeep.paused(conn):
                catalog_upkeep.rebuild(conn)
        values: dict[str, Any] = {"pull_cursor": page.cursor, "last_pull_at": utcnow()}
        if not page.has_more:
            # Only a caught-up pull has every level the LMID accounts for; in mid-catch-up the overlay waits.
            values.update(pulled_through_mutation_id=page.last_mutation_id, last_good_sync_at=utcnow())
        conn.execute(update(self._state).values(**values))
        return True

    def prepare(self, page: PullResponse) -> None:
        """Convert a page's rows ahead of `apply_page`, on whichever thread fetched it.

        Conversion is pure Python, the writes mostly SQLite (which lets go of the GIL), so a page prepared
        while the one before is written makes a first sync nearly twice as fast on two cores.
        """
        steps = self._steps(page.changes)
        with self._prepared_lock:
            self._prepared[id(page)] = (page, steps)
            while len(self._prepared) > MAX_PREPARED:  # pages fetched but never applied
                self._prepared.pop(next(iter(self._prepared)))

    def _prepared_steps(self, page: PullResponse) -> list[_Step]:
        with self._prepared_lock:
            prepared = self._prepared.pop(id(page), None)
        return prepared[1] if prepared is not None and prepared[0] is page else self._steps(page.changes)

    def _steps(self, changes: list[Change]) -> list[_Step]:
        # Within a page only the latest change of an entity counts (the feed keeps one per entity anyway).
        latest = {(c.entity, c.id): c for c in changes}
        by_entity: dict[str, list[Change]] = {}
        for change in latest.values():
            by_entity.setdefault(change.entity, []).append(change)
        steps = []
        for entity, group in by_entity.items():
            name = ENTITY_TABLES.get(entity)
            if name is None:
                log.debug("The terminal keeps no %s rows; %d change(s) skipped", entity, len(group))
                continue
            puts = [c for c in group if c.op == "put" and c.data is not None]
            step = _Step(self._tables[name], self._loaders[name].rows(_derived(name, c.data) for c in puts),
                         [uuid.UUID(c.id) for c in group if c.op == "delete"])
            if name in NESTED and puts:
                step.parents = [uuid.UUID(c.id) for c in puts]
                step.lines = self._loaders[NESTED[name][0]].rows(
                    line for c in puts for line in c.data.get("lines", []))
            steps.append(step)
        return steps

    def _held_locally(self, writing: _Writing, through_mutation_id: int) -> dict[str, set[uuid.UUID]]:
        """Ids of `LOCAL_FIRST` rows written here whose mutation the hub has not applied yet, per table.

        The rows are read once per transaction (a scan of each table: done per page, 2 ms a page and growing as
        a first sync fills the shelf assignments). Within it only this replica writes, and it never writes a
        negative version, nor replaces a row still held; the LMID only grows, so a row let go stays let go.
        """
        if writing.local_first is None:
            writing.local_first = {}
            for name in LOCAL_FIRST:
                table = self._tables[name]
                writing.local_first[name] = [(row.id, -row.version) for row in writing.conn.execute(
                    select(table.c.id, table.c.version).where(table.c.version < 0))]
        return {name: {key for key, mutation_id in rows if mutation_id > through_mutation_id}
                for name, rows in writing.local_first.items()}

    def _clear(self, conn: Connection, held: dict[str, set[uuid.UUID]]) -> None:
        for name in REPLICATED_TABLES:
            table = self._tables[name]
            if name == "users":
                # Kept, retired until the snapshot brings each back: a lockout must outlive a resync. A row with
                # a new PIN the hub has not applied yet stays as it is (the snapshot's older copy is skipped).
                conn.execute(update(table).where(table.c.id.not_in(held[name])).values(is_active=False))
            elif name in held:
                conn.execute(delete(table).where(table.c.id.not_in(held[name])))
            elif name == "kiosk_ticket_lines":
                conn.execute(delete(table).where(table.c.ticket_id.not_in(held["kiosk_tickets"])))
            else:
                conn.execute(delete(table))

    def _write(self, conn: Connection, steps: list[_Step], held: dict[str, set[uuid.UUID]]) -> None:
        for step in steps:
            kept = held.get(step.table.name)
            puts, parents = step.puts, step.parents
            if kept:
                keep = {key.hex for key in kept}  # ids as the loader stores them
                puts = {keys: [row for row in rows if row[keys.index("id")] not in keep] for keys, rows in puts.items()}
                parents = [parent for parent in parents if parent not in kept]
            self._loaders[step.table.name].write(conn, puts)
            if parents:
                child, key = NESTED[step.table.name]
                lines = self._tables[child]
                conn.execute(delete(lines).where(lines.c[key].in_(parents)))
                self._loaders[child].write(conn, step.lines if not kept else {
                    keys: [row for row in rows if row[keys.index(key)] not in keep]
                    for keys, rows in step.lines.items()})
            self._delete(conn, step.table, step.deletes)

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
