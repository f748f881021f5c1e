"""The tenant's OCS cannabis catalog, accessories and discount codes."""

from __future__ import annotations

import uuid
from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import Cents, ExactDecimal
from sync.hub.models.base import HUB_ONLY, Base, IdMixin, ReplicatedMixin


def trigram_index(name: str, *columns: str) -> Index:
    """What the console's search matches inside (``ILIKE '%word%'``): on PostgreSQL a GIN index of trigrams
    (pg_trgm), which finds the few rows holding a word without reading every name. Where pg_trgm cannot be added,
    and on SQLite, migration 0015 makes it a plain index of the same columns."""
    return Index(name, *columns, postgresql_using="gin", postgresql_ops=dict.fromkeys(columns, "gin_trgm_ops"))


class OcsProduct(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "ocs_product_catalog"
    # The console pages a tenant's catalog in name order and finds a barcode without reading every product; the
    # promotion form reads the categories and brands a promotion may name from the index alone.
    __table_args__ = (UniqueConstraint("tenant_id", "ocs_variant_number"),
                      Index("ix_ocs_product_catalog_tenant_name", "tenant_id", "product_name", "id"),
                      Index("ix_ocs_product_catalog_tenant_each_gtin", "tenant_id", "each_gtin"),
                      Index("ix_ocs_product_catalog_tenant_category", "tenant_id", "category"),
                      Index("ix_ocs_product_catalog_tenant_brand", "tenant_id", "brand_name"),
                      trigram_index("ix_ocs_product_catalog_search", "product_name", "brand_name",
                                    "ocs_variant_number"))

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    ocs_variant_number: Mapped[str] = mapped_column(String(40))
    ocs_product_name: Mapped[str] = mapped_column(String(200))
    product_name: Mapped[str] = mapped_column(String(200), index=True)
    brand_name: Mapped[str] = mapped_column(String(120), index=True)
    category: Mapped[str] = mapped_column(String(60))
    subcategory: Mapped[str | None] = mapped_column(String(60))
    plant_type: Mapped[str | None] = mapped_column(String(20))
    product_form: Mapped[str] = mapped_column(String(20))
    net_content: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit_of_measure: Mapped[str] = mapped_column(String(8))
    pieces: Mapped[int | None]
    thc_min: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    thc_max: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    cbd_min: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    cbd_max: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    total_mg: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    volume_ml: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    terpene_profile: Mapped[str | None] = mapped_column(String(200))
    each_gtin: Mapped[str | None] = mapped_column(String(14))
    case_gtin: Mapped[str | None] = mapped_column(String(14))
    case_quantity: Mapped[int] = mapped_column(default=1)
    # The terminal derives the Schedule 3 equivalent itself; the hub keeps one only when it was given one.
    dried_equivalent_g: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    price_per_unit: Mapped[Decimal] = mapped_column(Cents())
    msrp_price: Mapped[Decimal | None] = mapped_column(Cents())
    price_version: Mapped[int] = mapped_column(default=1)
    description: Mapped[str | None] = mapped_column(String(2000))
    image_url: Mapped[str | None] = mapped_column(String(300))
    is_active: Mapped[bool] = mapped_column(default=True)


class AccessoryCategory(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "accessory_categories"

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(String(300))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("accessory_categories.id"))
    sort_order: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)


class Accessory(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "accessories_catalog"
    __table_args__ = (UniqueConstraint("tenant_id", "sku"),
                      Index("ix_accessories_catalog_tenant_name", "tenant_id", "name", "id"),
                      Index("ix_accessories_catalog_tenant_barcode", "tenant_id", "barcode"),
                      trigram_index("ix_accessories_catalog_search", "name", "brand", "sku"))

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    sku: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200), index=True)
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("accessory_categories.id"))
    brand: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str | None] = mapped_column(String(2000))
    unit_cost: Mapped[Decimal] = mapped_column(Cents())
    retail_price: Mapped[Decimal] = mapped_column(Cents())
    barcode: Mapped[str | None] = mapped_column(String(14))
    price_version: Mapped[int] = mapped_column(default=1)
    image_url: Mapped[str | None] = mapped_column(String(300))
    is_active: Mapped[bool] = mapped_column(default=True)


class DiscountCode(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "discount_codes"
    __table_args__ = (UniqueConstraint("tenant_id", "code"),)

    tenant_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tenants.id"), info=HUB_ONLY)
    store_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("stores.id"))  # None: every store
    code: Mapped[str] = mapped_column(String(40))
    description: Mapped[str | None] = mapped_column(String(300))
    discount_type: Mapped[str] = mapped_column(String(12))  # percentage, fixed
    discount_value: Mapped[Decimal] = mapped_column(ExactDecimal())
    minimum_purchase: Mapped[Decimal | None] = mapped_column(Cents())
    usage_limit: Mapped[int | None]
    usage_count: Mapped[int] = mapped_column(default=0)
    valid_from: Mapped[datetime | None]  # None: from the start
    valid_until: Mapped[datetime | None]
    is_active: Mapped[bool] = mapped_column(default=True)
    number: Mapped[int | None]  # the code's id in promotions files; ties go to the lower number
    priority: Mapped[int] = mapped_column(default=0)  # higher applies first among stackable ones
    stackable: Mapped[bool] = mapped_column(default=True)
