"""All tables of the terminal's local replica; importing this module registers them on ``Base.metadata``."""

from pos_app.persistence.models.base import Base
from pos_app.persistence.models.catalog import Accessory, AccessoryCategory, OcsProduct
from pos_app.persistence.models.compliance import AgeVerificationLog, AuditLog
from pos_app.persistence.models.counts import StockCount, StockCountLine
from pos_app.persistence.models.inventory import (
    BatchTracking,
    InventoryShelfAssignment,
    OcsInventory,
    OcsInventoryTransaction,
    ShelfLocation,
)
from pos_app.persistence.models.kiosk import KioskTicket, KioskTicketLine, OcsInventoryReservation
from pos_app.persistence.models.open_sale import OpenSale
from pos_app.persistence.models.parked import ParkedSale
from pos_app.persistence.models.prices import PriceSchedule
from pos_app.persistence.models.promotions import DiscountCode, Promotion
from pos_app.persistence.models.purchasing import ProvincialSupplier, PurchaseOrder, PurchaseOrderItem
from pos_app.persistence.models.receiving import ReceivingDraft, ReceivingDraftLine
from pos_app.persistence.models.sales import (
    CardSettlement,
    Order,
    OrderItem,
    OrderItemLot,
    OrderRefund,
    OrderRefundItem,
    OrderStatusHistory,
    PaymentAttempt,
    PaymentTransaction,
)
from pos_app.persistence.models.shifts import CashMovement, CashSession
from pos_app.persistence.models.staff import RolePermission, User
from pos_app.persistence.models.store import ProvinceTerritory, Store, TaxRate, Tenant
from pos_app.persistence.models.sync import StoreDaySummaryRow, SyncOutbox, SyncState

__all__ = [
    "Accessory", "AccessoryCategory", "AgeVerificationLog", "AuditLog", "Base", "BatchTracking", "CardSettlement",
    "CashMovement", "CashSession", "DiscountCode", "InventoryShelfAssignment", "KioskTicket", "KioskTicketLine",
    "OcsInventory",
    "OcsInventoryReservation", "OcsInventoryTransaction",
    "OcsProduct", "OpenSale", "Promotion", "Order", "OrderItem", "OrderItemLot", "OrderRefund", "OrderRefundItem",
    "OrderStatusHistory", "ParkedSale", "PaymentAttempt", "PaymentTransaction", "PriceSchedule", "ProvinceTerritory",
    "ProvincialSupplier",
    "PurchaseOrder", "PurchaseOrderItem", "ReceivingDraft", "ReceivingDraftLine", "RolePermission", "ShelfLocation",
    "StockCount", "StockCountLine", "Store", "StoreDaySummaryRow", "SyncOutbox",
    "SyncState", "TaxRate", "Tenant", "User",
]
