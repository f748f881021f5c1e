"""Shelf locations and what sits on them, in the replica: the put-away's own writes (`LOCAL_FIRST` rows, see
`pos_app.persistence.replica`), the recalled lots by location, and the products below their reorder point."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.persistence.kiosk_tickets import local_version
from pos_app.persistence.models import (
    BatchTracking,
    InventoryShelfAssignment,
    OcsInventory,
    OcsProduct,
    ShelfLocation,
)
from pos_app.persistence.types import utcnow


def location_by_code(session: Session, store_id: uuid.UUID, code: str) -> ShelfLocation | None:
    return session.scalar(select(ShelfLocation).where(ShelfLocation.store_id == store_id,
                                                      ShelfLocation.location_code == code))


def assignment_at(session: Session, store_id: uuid.UUID, location_id: uuid.UUID, sku: str,
                  batch_lot: str | None) -> InventoryShelfAssignment | None:
    return session.scalar(select(InventoryShelfAssignment).where(
        InventoryShelfAssignment.store_id == store_id, InventoryShelfAssignment.location_id == location_id,
        InventoryShelfAssignment.sku == sku, InventoryShelfAssignment.batch_lot.is_(batch_lot)
        if batch_lot is None else InventoryShelfAssignment.batch_lot == batch_lot).limit(1))


def place(session: Session, store_id: uuid.UUID, location_id: uuid.UUID, sku: str, batch_lot: str | None,
          quantity: int, *, primary: bool, staff_id: uuid.UUID | None,
          moved_from: InventoryShelfAssignment | None = None) -> list[InventoryShelfAssignment]:
    """Add the units to the location's row for the SKU and lot (made if missing), as the hub will; returns the
    rows changed, the placed one first (`mark_local` stamps them with the outbox row that tells the hub)."""
    touched = []
    if moved_from is not None:
        moved_from.quantity -= quantity
        touched.append(moved_from)
    row = assignment_at(session, store_id, location_id, sku, batch_lot)
    if row is None:
        row = InventoryShelfAssignment(id=uuid.uuid4(), store_id=store_id, sku=sku, location_id=location_id,
                                       batch_lot=batch_lot, quantity=0)
        session.add(row)
    row.quantity += quantity
    row.assigned_at, row.assigned_by = utcnow(), staff_id
    if primary:
        others = session.scalars(select(InventoryShelfAssignment).where(
            InventoryShelfAssignment.store_id == store_id, InventoryShelfAssignment.sku == sku,
            InventoryShelfAssignment.is_primary.is_(True), InventoryShelfAssignment.id != row.id))
        for other in others:
            other.is_primary = False
            touched.append(other)
        row.is_primary = True
    session.flush()
    return [row, *touched]


def mark_local(rows: list[InventoryShelfAssignment], mutation_id: int) -> None:
    for row in rows:
        row.version = local_version(mutation_id)


def recalled_lots(session: Session, store_id: uuid.UUID) -> list[tuple[BatchTracking, str]]:
    return list(session.execute(
        select(BatchTracking, OcsProduct.product_name)
        .join(OcsProduct, OcsProduct.ocs_variant_number == BatchTracking.sku)
        .where(BatchTracking.store_id == store_id, BatchTracking.is_recalled.is_(True))
        .order_by(BatchTracking.sku, BatchTracking.batch_lot)).all())


def places_of(session: Session, store_id: uuid.UUID, sku: str, batch_lot: str | None,
              lot_location: uuid.UUID | None) -> list[tuple[str, int | None]]:
    """Where a lot sits: its own shelf rows, else the lot record's location (units unknown there)."""
    rows = session.execute(
        select(ShelfLocation.location_code, InventoryShelfAssignment.quantity)
        .join(ShelfLocation, ShelfLocation.id == InventoryShelfAssignment.location_id)
        .where(InventoryShelfAssignment.store_id == store_id, InventoryShelfAssignment.sku == sku,
               InventoryShelfAssignment.batch_lot == batch_lot, InventoryShelfAssignment.quantity > 0)
        .order_by(ShelfLocation.location_code)).all()
    if rows:
        return [(code, quantity) for code, quantity in rows]
    if lot_location is not None:
        code = session.scalar(select(ShelfLocation.location_code).where(ShelfLocation.id == lot_location))
        return [(code, None)] if code else []
    return []


def reorder_levels(session: Session, store_id: uuid.UUID) -> list[tuple[OcsInventory, str | None]]:
    """Every stock level with a reorder point, with the product's name (accessories have none here)."""
    return list(session.execute(
        select(OcsInventory, OcsProduct.product_name)
        .outerjoin(OcsProduct, OcsProduct.ocs_variant_number == OcsInventory.sku)
        .where(OcsInventory.store_id == store_id, OcsInventory.reorder_point > 0)
        .order_by(OcsInventory.sku)).all())
