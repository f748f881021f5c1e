"""The OCS cannabis catalog and the accessories catalog, as synced from the hub (read-only here)."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from pos_app.persistence.models.base import Base, IdMixin, ReplicatedMixin
from pos_app.persistence.types import Cents, ExactDecimal


class OcsProduct(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "ocs_product_catalog"

    ocs_variant_number: Mapped[str] = mapped_column(String(40), unique=True)
    ocs_product_name: Mapped[str] = mapped_column(String(200))
    product_name: Mapped[str] = mapped_column(String(200), index=True)
    brand_name: Mapped[str] = mapped_column(String(120), index=True)
    category: Mapped[str] = mapped_column(String(60))
    subcategory: Mapped[str | None] = mapped_column(String(60))
    plant_type: Mapped[str | None] = mapped_column(String(20))  # Sativa, Indica, Hybrid
    product_form: Mapped[str] = mapped_column(String(20))  # pos_app.domain.equivalency.ProductForm
    net_content: Mapped[Decimal] = mapped_column(ExactDecimal())
    unit_of_measure: Mapped[str] = mapped_column(String(8))  # g, mL, seeds
    pieces: Mapped[int | None]
    thc_min: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    thc_max: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    cbd_min: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    cbd_max: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    total_mg: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    volume_ml: Mapped[Decimal | None] = mapped_column(ExactDecimal())
    terpene_profile: Mapped[str | None] = mapped_column(String(200))
    each_gtin: Mapped[str | None] = mapped_column(String(14), unique=True)
    case_gtin: Mapped[str | None] = mapped_column(String(14), unique=True)
    case_quantity: Mapped[int] = mapped_column(default=1)
    # grams of dried cannabis one unit counts for (Schedule 3), derived from form and net content
    dried_equivalent_g: Mapped[Decimal] = mapped_column(ExactDecimal())
    price_per_unit: Mapped[Decimal] = mapped_column(Cents())
    msrp_price: Mapped[Decimal | None] = mapped_column(Cents())
    price_version: Mapped[int] = mapped_column(default=1)
    description: Mapped[str | None] = mapped_column(String(2000))
    image_url: Mapped[str | None] = mapped_column(String(300))
    is_active: Mapped[bool] = mapped_column(default=True)


class AccessoryCategory(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "accessory_categories"

    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str | None] = mapped_column(String(300))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("accessory_categories.id"))
    sort_order: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)


class Accessory(IdMixin, ReplicatedMixin, Base):
    __tablename__ = "accessories_catalog"

    sku: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    category_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("accessory_categories.id"))
    brand: Mapped[str | None] = mapped_column(String(120))
    description: Mapped[str | None] = mapped_column(String(2000))
    unit_cost: Mapped[Decimal] = mapped_column(Cents())
    retail_price: Mapped[Decimal] = mapped_column(Cents())
    barcode: Mapped[str | None] = mapped_column(String(14), unique=True)
    price_version: Mapped[int] = mapped_column(default=1)
    image_url: Mapped[str | None] = mapped_column(String(300))
    is_active: Mapped[bool] = mapped_column(default=True)
