"""What the feed carries: which hub rows are entities of the terminals' replica, under which names, for which
stores, and their data as the replica's columns in JSON."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync.hub.models import (
    Accessory,
    AccessoryCategory,
    BatchTracking,
    DiscountCode,
    InventoryShelfAssignment,
    KioskTicket,
    OcsInventory,
    OcsInventoryReservation,
    OcsProduct,
    PriceSchedule,
    Promotion,
    ProvinceTerritory,
    ProvincialSupplier,
    PurchaseOrder,
    RolePermission,
    ShelfLocation,
    Store,
    TaxRate,
    Tenant,
    User,
)
from sync.hub.models.base import Base

ENTITY_OF = {
    Store: "store", TaxRate: "tax_rate", User: "staff_user", RolePermission: "role_permission",
    OcsProduct: "product", Accessory: "accessory", OcsInventory: "inventory_level", BatchTracking: "batch",
    ShelfLocation: "shelf_location", PurchaseOrder: "purchase_order", DiscountCode: "discount_code",
    KioskTicket: "kiosk_ticket", OcsInventoryReservation: "inventory_reservation",
    InventoryShelfAssignment: "shelf_assignment", Promotion: "promotion",
    PriceSchedule: "price_schedule",
    # Parents the replica's foreign keys point at: a store's province (its tax rates refer to it too), its
    # tenant, the accessories' categories and the suppliers named on lots and purchase orders.
    ProvinceTerritory: "province", Tenant: "tenant", AccessoryCategory: "accessory_category",
    ProvincialSupplier: "supplier",
}

def json_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: json_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_value(v) for v in value]
    return value


def row_data(obj: Base) -> dict[str, Any]:
    """The row under the terminal replica's column names, without the hub's own columns."""
    mapper = obj.__mapper__
    data = {}
    for prop in mapper.column_attrs:
        column = prop.columns[0]
        if column.info.get("hub_only"):
            continue
        data[column.name] = json_value(getattr(obj, prop.key))
    if isinstance(obj, PurchaseOrder):
        data["lines"] = [row_data(item) for item in obj.items]
    if isinstance(obj, KioskTicket):
        data["lines"] = [row_data(line) for line in obj.lines]
    return data


def _tenant_stores(session: Session, tenant_id: uuid.UUID) -> tuple[uuid.UUID, ...]:
    cache = session.info.setdefault("feed_tenant_stores", {})
    if tenant_id not in cache:
        cache[tenant_id] = tuple(session.scalars(select(Store.id).where(Store.tenant_id == tenant_id)))
    return cache[tenant_id]


def stores_for(session: Session, obj: Base) -> tuple[uuid.UUID, ...]:
    """Which stores' feeds carry this row."""
    if isinstance(obj, Store):
        return (obj.id,)
    if isinstance(obj, Tenant):
        return _tenant_stores(session, obj.id)
    if isinstance(obj, ProvinceTerritory):
        return tuple(session.scalars(select(Store.id).where(Store.province_territory_id == obj.id)))
    if isinstance(obj, ProvincialSupplier):  # a provincial distributor is shared by every tenant
        if obj.tenant_id is not None:
            return _tenant_stores(session, obj.tenant_id)
        return tuple(session.scalars(select(Store.id)))
    if isinstance(obj, TaxRate):
        return tuple(session.scalars(select(Store.id).where(Store.province_territory_id == obj.province_territory_id)))
    if isinstance(obj, User) and obj.stores() is not None:
        return tuple(sorted(obj.stores(), key=str))
    if isinstance(obj, DiscountCode | Promotion) and obj.store_id is not None:
        return (obj.store_id,)
    tenant_id = getattr(obj, "tenant_id", None)
    if isinstance(obj, OcsInventory | BatchTracking | ShelfLocation | PurchaseOrder | KioskTicket
                  | OcsInventoryReservation | InventoryShelfAssignment | PriceSchedule):
        return (obj.store_id,)
    if tenant_id is not None:
        return _tenant_stores(session, tenant_id)
    return ()
