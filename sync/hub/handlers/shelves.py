"""Put-away (`shelf.assigned.v1`) and low stock's draft purchase orders (`po.draft_requested.v1`).

A put-away batch applies whole or not at all: a location of another store, an inactive one or a move of more
units than the row holds refuses the batch with a sentence. Every assignment row it touches goes back in the
feed, so the terminal that wrote its own copy first gets the hub's.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.feed.record import lock_store, record_put
from sync.hub.handlers.base import Context, Rejection, require_own_store
from sync.hub.models import InventoryShelfAssignment, OcsInventory, OcsProduct, PurchaseOrder, ShelfLocation, Store
from sync.hub.purchasing import LineIn, PurchaseOrderError, create_purchase_order
from sync.mutations import PoDraftRequestedV1, ShelfAssignedV1


def _location(session: Session, ctx: Context, location_id, cache: dict) -> ShelfLocation:
    if location_id not in cache:
        location = session.get(ShelfLocation, location_id)
        if location is None or location.store_id != ctx.store_id:
            raise Rejection("unknown_location", "A put-away names a shelf location this store does not have.")
        if not location.is_active:
            raise Rejection("inactive_location", f"Location {location.location_code} was deactivated; put the "
                                                 "stock on another location.")
        cache[location_id] = location
    return cache[location_id]


def _row(session: Session, ctx: Context, assignment_id) -> InventoryShelfAssignment | None:
    row = session.get(InventoryShelfAssignment, assignment_id)
    if row is not None and row.store_id != ctx.store_id:
        raise Rejection("wrong_store", "A put-away names another store's shelf assignment.")
    return row


def shelf_assigned(session: Session, ctx: Context, args: ShelfAssignedV1) -> None:
    require_own_store(ctx, args.store_id)
    lock_store(session, ctx.store_id)
    locations: dict = {}
    touched: dict = {}
    for placement in args.placements:
        location = _location(session, ctx, placement.location_id, locations)
        if placement.from_assignment_id is not None:
            source = _row(session, ctx, placement.from_assignment_id)
            if source is None or source.sku != placement.sku:
                raise Rejection("unknown_assignment", f"The stock of {placement.sku} to move is not on the shelf "
                                                      "the terminal named.")
            if source.quantity < placement.quantity:
                raise Rejection("move_exceeds_shelf", f"The move takes {placement.quantity} of {placement.sku} "
                                                      f"from a shelf that holds {source.quantity}.")
            source.quantity -= placement.quantity
            touched[source.id] = source
        row = _row(session, ctx, placement.assignment_id)
        if row is None:
            row = InventoryShelfAssignment(id=placement.assignment_id, store_id=ctx.store_id, sku=placement.sku,
                                           location_id=location.id, batch_lot=placement.batch_lot, quantity=0,
                                           assigned_by=args.staff_id)
            session.add(row)
        elif row.location_id != location.id or row.sku != placement.sku:
            raise Rejection("invalid_args", "A put-away adds to a shelf assignment of another item or location.")
        row.quantity += placement.quantity
        row.assigned_at, row.assigned_by = utcnow(), args.staff_id
        if placement.is_primary:
            session.flush()
            others = session.scalars(select(InventoryShelfAssignment).where(
                InventoryShelfAssignment.store_id == ctx.store_id, InventoryShelfAssignment.sku == placement.sku,
                InventoryShelfAssignment.is_primary.is_(True), InventoryShelfAssignment.id != row.id))
            for other in others:
                other.is_primary = False
                touched[other.id] = other
            row.is_primary = True
        touched[row.id] = row
    session.flush()
    for row in touched.values():
        record_put(session, row)


def po_draft_requested(session: Session, ctx: Context, args: PoDraftRequestedV1) -> None:
    require_own_store(ctx, args.store_id)
    store = session.get(Store, ctx.store_id)
    skus = [line.sku for line in args.lines]
    levels = {level.sku: level for level in session.scalars(select(OcsInventory).where(
        OcsInventory.store_id == store.id, OcsInventory.sku.in_(skus)))}
    names = dict(session.execute(select(OcsProduct.ocs_variant_number, OcsProduct.product_name).where(
        OcsProduct.tenant_id == store.tenant_id, OcsProduct.ocs_variant_number.in_(skus))).all())
    unknown = [sku for sku in skus if sku not in levels and sku not in names]
    if unknown:
        raise Rejection("unknown_sku", f"The draft order names {', '.join(unknown)}, which this store does not "
                                       "carry.")
    lines = [LineIn(line.sku, names.get(line.sku) or levels[line.sku].product_name or line.sku, line.quantity,
                    levels[line.sku].unit_cost if line.sku in levels else Decimal(0)) for line in args.lines]
    po_number = f"DRAFT-{store.store_code}-{args.request_id.hex[:10].upper()}"
    if session.scalar(select(PurchaseOrder.id).where(PurchaseOrder.po_number == po_number)) is not None:
        raise Rejection("duplicate_draft", f"The draft purchase order {po_number} was already made.")
    try:
        create_purchase_order(session, store, po_number=po_number, lines=lines, status="draft",
                              notes="Drafted from the low-stock list at a terminal.")
    except PurchaseOrderError as error:
        raise Rejection("invalid_args", str(error)) from None


__all__ = ["po_draft_requested", "shelf_assigned"]
