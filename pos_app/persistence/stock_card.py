"""Reading one product's stock card from the replica: levels, lots with expiry, and shelf locations."""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from pos_app.domain.stock_card import LocationRow, LotRow, StockRow
from pos_app.persistence.models import (
    InventoryShelfAssignment,
    OcsInventory,
    OcsInventoryReservation,
    OcsProduct,
    ShelfLocation,
)
from pos_app.persistence.stock import available_on_hand, sellable_lots
from pos_app.persistence.types import utcnow


def find_product_skus(session: Session, code: str) -> list[str]:
    """The SKU a GTIN (each or case, 14 digits) or a SKU names exactly; empty when none does."""
    return list(session.scalars(select(OcsProduct.ocs_variant_number).where(or_(
        OcsProduct.each_gtin == code, OcsProduct.case_gtin == code, OcsProduct.ocs_variant_number == code))))


def stock_row(session: Session, store_id: uuid.UUID, sku: str) -> StockRow | None:
    product = session.scalar(select(OcsProduct).where(OcsProduct.ocs_variant_number == sku))
    if product is None:
        return None
    level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == store_id, OcsInventory.sku == sku))
    now = utcnow()
    # available_on_hand subtracts reservations; the screen shows them apart, so add them back for "on hand".
    reserved = int(session.scalar(select(func.coalesce(func.sum(OcsInventoryReservation.quantity), 0)).where(
        OcsInventoryReservation.store_id == store_id, OcsInventoryReservation.sku == sku,
        OcsInventoryReservation.status == "active", OcsInventoryReservation.reserved_until > now)))
    on_hand = available_on_hand(session, store_id, [sku], now=now).get(sku, 0) + reserved
    lots = sorted(sellable_lots(session, store_id, [sku]).get(sku, []),
                  key=lambda lot: (lot.expiry_date or date.max, lot.batch_lot))
    places = session.execute(
        select(ShelfLocation.location_code, InventoryShelfAssignment.quantity, InventoryShelfAssignment.batch_lot,
               InventoryShelfAssignment.is_primary)
        .join(ShelfLocation, ShelfLocation.id == InventoryShelfAssignment.location_id)
        .where(InventoryShelfAssignment.store_id == store_id, InventoryShelfAssignment.sku == sku,
               InventoryShelfAssignment.quantity > 0)  # a shelf emptied by a move keeps its row at 0
        .order_by(InventoryShelfAssignment.is_primary.desc(), ShelfLocation.location_code))
    return StockRow(
        sku=sku, name=product.product_name, brand=product.brand_name, each_gtin=product.each_gtin,
        case_gtin=product.case_gtin, case_quantity=product.case_quantity, on_hand=on_hand, reserved=reserved,
        reorder_point=level.reorder_point if level else 0, reorder_quantity=level.reorder_quantity if level else 0,
        lots=tuple(LotRow(lot.batch_lot, lot.quantity_remaining, lot.expiry_date, lot.received_date,
                          lot.recalled) for lot in lots),
        locations=tuple(LocationRow(code, quantity, lot, primary) for code, quantity, lot, primary in places),
    )
