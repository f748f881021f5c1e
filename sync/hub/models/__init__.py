"""All hub tables; importing this package registers them on ``Base.metadata``."""

from sync.hub.models.base import Base
from sync.hub.models.catalog import Accessory, AccessoryCategory, DiscountCode, OcsProduct
from sync.hub.models.compliance import AgeVerificationLog, AuditLog, CardSettlement, CashSession
from sync.hub.models.console import (
    CatalogUpload,
    ConsoleSession,
    ConsoleUser,
    ConsoleUserStore,
    HubAudit,
    PasswordToken,
)
from sync.hub.models.counts import CountConflict, InventoryCount, InventoryCountLine
from sync.hub.models.inventory import (
    BatchTracking,
    InventoryShelfAssignment,
    OcsInventory,
    OcsInventoryTransaction,
    OversellEvent,
    ShelfLocation,
)
from sync.hub.models.kiosk import KioskClaimConflict, KioskTicket, KioskTicketLine, OcsInventoryReservation
from sync.hub.models.prices import PriceHistory, PriceSchedule
from sync.hub.models.promotions import (
    BundleDeal,
    DiscountUsage,
    PriceTier,
    PricingRule,
    Promotion,
    PromotionUsage,
)
from sync.hub.models.purchasing import (
    ProvincialSupplier,
    PurchaseOrder,
    PurchaseOrderItem,
    PurchaseOrderReceipt,
)
from sync.hub.models.recalls import Recall
from sync.hub.models.reports import OcsReportExport, SalesSkuDay, SalesTaxDay
from sync.hub.models.sales import (
    Order,
    OrderItem,
    OrderItemLot,
    OrderRefund,
    OrderRefundItem,
    OrderStatusHistory,
    PaymentTransaction,
)
from sync.hub.models.staff import RolePermission, User
from sync.hub.models.sync_tables import ApiToken, PairingCode, StoreFeed, SyncChange, SyncClient, SyncMutation, Terminal
from sync.hub.models.tenancy import ProvinceTerritory, Store, TaxRate, Tenant

__all__ = [
    "Accessory", "AccessoryCategory", "AgeVerificationLog", "ApiToken", "AuditLog", "Base", "BatchTracking",
    "BundleDeal", "DiscountUsage", "PriceTier", "PricingRule", "Promotion", "PromotionUsage",
    "CardSettlement", "CashSession", "CatalogUpload", "ConsoleSession", "ConsoleUser", "ConsoleUserStore",
    "CountConflict",
    "DiscountCode", "HubAudit",
    "InventoryCount", "InventoryCountLine", "InventoryShelfAssignment", "KioskClaimConflict", "KioskTicket",
    "KioskTicketLine", "OcsInventory", "OcsInventoryReservation", "OcsInventoryTransaction", "OcsProduct", "Order",
    "OrderItem", "OrderItemLot", "OrderRefund", "OrderRefundItem", "OrderStatusHistory", "OversellEvent",
    "OcsReportExport", "PairingCode", "PasswordToken", "PaymentTransaction", "PriceHistory", "PriceSchedule",
    "ProvinceTerritory", "ProvincialSupplier", "PurchaseOrder", "PurchaseOrderItem", "PurchaseOrderReceipt", "Recall",
    "RolePermission", "SalesSkuDay", "SalesTaxDay", "ShelfLocation", "Store", "StoreFeed",
    "SyncChange", "SyncClient", "SyncMutation", "TaxRate", "Tenant", "Terminal", "User",
]
