"""Reading what a count covers and what the replica expects of it; writing count sessions and their lines.

Expected quantities are what this terminal sees now: the pulled level (or lot) plus the local moves the hub has
not counted yet (`pos_app.persistence.stock`'s overlay), reservations left aside (they move no stock).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from pos_app.domain.counts import CountLine, CountScope, CountSheet
from pos_app.persistence.models import (
    BatchTracking,
    InventoryShelfAssignment,
    OcsInventory,
    OcsInventoryTransaction,
    OcsProduct,
    ShelfLocation,
    StockCount,
    StockCountLine,
    SyncState,
)
from pos_app.persistence.stock import _NOT_YET_PULLED as NOT_YET_PULLED

Key = tuple[str, str | None]
_CHUNK = 900  # SKUs per IN list, well inside SQLite's bound on parameters


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


def location_by_code(session: Session, store_id: uuid.UUID, code: str) -> ShelfLocation | None:
    """A shelf location from its label (`LOC:ZONE-AISLE-SHELF-BIN`) or its stored code."""
    bare = code.strip().upper().removeprefix("LOC:")
    return session.scalar(select(ShelfLocation).where(ShelfLocation.store_id == store_id,
                                                      func.upper(ShelfLocation.location_code) == bare))


def lots_of(session: Session, store_id: uuid.UUID, skus: Sequence[str]) -> dict[str, list[str]]:
    lots: dict[str, list[str]] = {}
    for chunk in _chunks(skus):
        for sku, lot in session.execute(select(BatchTracking.sku, BatchTracking.batch_lot).where(
                BatchTracking.store_id == store_id, BatchTracking.sku.in_(chunk),
                BatchTracking.quantity_remaining != 0).order_by(BatchTracking.sku, BatchTracking.batch_lot)):
            lots.setdefault(sku, []).append(lot)
    return lots


def _by_lot(session: Session, store_id: uuid.UUID, skus: Sequence[str]) -> list[Key]:
    """Each SKU's lots holding stock, or the SKU alone when no lot does."""
    lots = lots_of(session, store_id, skus)
    return [(sku, lot) for sku in skus for lot in (lots.get(sku) or [None])]


def scope_keys(session: Session, store_id: uuid.UUID, scope: CountScope, value: str) -> list[Key]:
    """The (SKU, lot) pairs a count of this scope expects to find."""
    if scope is CountScope.LOCATION:
        location = location_by_code(session, store_id, value)
        if location is None:
            return []
        assigned = session.execute(select(InventoryShelfAssignment.sku, InventoryShelfAssignment.batch_lot).where(
            InventoryShelfAssignment.store_id == store_id, InventoryShelfAssignment.location_id == location.id)).all()
        keys = {key for sku, lot in assigned if lot is None for key in _by_lot(session, store_id, [sku])}
        keys |= {(sku, lot) for sku, lot in assigned if lot is not None}
        keys |= {(sku, lot) for sku, lot in session.execute(select(BatchTracking.sku, BatchTracking.batch_lot).where(
            BatchTracking.store_id == store_id, BatchTracking.location_id == location.id,
            BatchTracking.quantity_remaining != 0))}
        return sorted(keys, key=lambda k: (k[0], k[1] or ""))
    if scope is CountScope.CATEGORY:
        skus = list(session.scalars(select(OcsProduct.ocs_variant_number).where(
            OcsProduct.category == value, OcsProduct.is_active.is_(True)).order_by(OcsProduct.ocs_variant_number)))
    elif scope is CountScope.SKUS:
        skus = [sku for sku in dict.fromkeys(value.split(",")) if sku]
    else:
        skus = list(session.scalars(select(OcsInventory.sku).where(
            OcsInventory.store_id == store_id, OcsInventory.quantity_on_hand != 0).order_by(OcsInventory.sku)))
    return _by_lot(session, store_id, skus)


def expected_now(session: Session, store_id: uuid.UUID, keys: Iterable[Key]) -> dict[Key, int]:
    """What the replica holds now of each (SKU, lot), or of the SKU as a whole for (SKU, None)."""
    keys = list(keys)
    skus = sorted({sku for sku, _ in keys})
    levels: dict[str, int] = {}
    lots: dict[Key, int] = {}
    local: dict[Key, int] = {}
    for chunk in _chunks(skus):
        levels.update({sku: quantity for sku, quantity in session.execute(
            select(OcsInventory.sku, OcsInventory.quantity_on_hand).where(
                OcsInventory.store_id == store_id, OcsInventory.sku.in_(chunk)))})
        lots.update({(sku, lot): qty for sku, lot, qty in session.execute(
            select(BatchTracking.sku, BatchTracking.batch_lot, BatchTracking.quantity_remaining).where(
                BatchTracking.store_id == store_id, BatchTracking.sku.in_(chunk)))})
        for sku, lot, moved in session.execute(
                select(OcsInventoryTransaction.sku, OcsInventoryTransaction.batch_lot,
                       func.sum(OcsInventoryTransaction.quantity))
                .where(OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.sku.in_(chunk),
                       NOT_YET_PULLED)
                .group_by(OcsInventoryTransaction.sku, OcsInventoryTransaction.batch_lot)):
            local[(sku, None)] = local.get((sku, None), 0) + int(moved)
            if lot is not None:
                local[(sku, lot)] = local.get((sku, lot), 0) + int(moved)
    return {key: (levels.get(key[0], 0) if key[1] is None else lots.get(key, 0)) + local.get(key, 0)
            for key in keys}


def local_moves_since(session: Session, store_id: uuid.UUID, key: Key, position: int) -> int:
    """This terminal's own moves of a SKU (or lot) after the ledger position a count started at."""
    query = select(func.coalesce(func.sum(OcsInventoryTransaction.quantity), 0)).where(
        OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.sku == key[0],
        OcsInventoryTransaction.mutation_id > position)
    if key[1] is not None:
        query = query.where(OcsInventoryTransaction.batch_lot == key[1])
    return int(session.scalar(query))


def ledger_position(session: Session) -> int:
    """The last mutation id taken on this terminal: where its own ledger stands."""
    return int(session.scalar(select(SyncState.next_mutation_id).where(SyncState.id == 1)) or 1) - 1


def insert_lines(session: Session, count_id: uuid.UUID, expected: dict[Key, int]) -> None:
    if expected:
        session.execute(insert(StockCountLine.__table__), [
            {"id": uuid.uuid4(), "count_id": count_id, "sku": sku, "batch_lot": lot, "expected_at_start": quantity}
            for (sku, lot), quantity in expected.items()])


def open_count_row(session: Session, store_id: uuid.UUID) -> StockCount | None:
    return session.scalar(select(StockCount).where(
        StockCount.store_id == store_id, StockCount.status.in_(("counting", "submitted")))
        .order_by(StockCount.started_at.desc()).limit(1))


def line_rows(session: Session, count_id: uuid.UUID) -> list[StockCountLine]:
    return list(session.scalars(select(StockCountLine).where(StockCountLine.count_id == count_id)))


def sheet_of(session: Session, count: StockCount) -> CountSheet:
    """The count with its lines in shelf order (SKU, then lot), each named from the catalog."""
    rows = session.execute(
        select(StockCountLine, OcsProduct.product_name)
        .outerjoin(OcsProduct, OcsProduct.ocs_variant_number == StockCountLine.sku)
        .where(StockCountLine.count_id == count.id)
        .order_by(StockCountLine.sku, StockCountLine.batch_lot)).all()
    lines = tuple(CountLine(line.sku, name or line.sku, line.batch_lot, line.expected_at_start, line.counted,
                            line.expected_now) for line, name in rows)
    return CountSheet(count.id, CountScope(count.scope), count.scope_label, count.blind, count.status, lines)


def stocked_location_codes(session: Session, store_id: uuid.UUID, limit: int = 200) -> list[str]:
    """Shelf locations that hold something (by assignment or by a lot's shelf), busiest first."""
    assigned = select(InventoryShelfAssignment.location_id.label("location_id")).where(
        InventoryShelfAssignment.store_id == store_id)
    lots = select(BatchTracking.location_id).where(BatchTracking.store_id == store_id,
                                                   BatchTracking.quantity_remaining > 0)
    held = assigned.union_all(lots).subquery()
    return list(session.scalars(
        select(ShelfLocation.location_code).join(held, held.c.location_id == ShelfLocation.id)
        .group_by(ShelfLocation.location_code).order_by(func.count().desc(), ShelfLocation.location_code)
        .limit(limit)))
