"""Every OCS report file the hub exported (the day it covers, when, by whom, its sha256 and its text), and each
store's sales per local day and SKU, which the console's sales analytics read."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from sync.column_types import utcnow
from sync.hub.models.base import Base, IdMixin


class OcsReportExport(IdMixin, Base):
    """One exported version of a store's daily report; a day exported twice has two rows, both kept."""

    __tablename__ = "ocs_report_exports"
    __table_args__ = (Index("ix_ocs_report_exports_store_day", "store_id", "business_date", "exported_at"),)

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"))
    business_date: Mapped[date]
    province: Mapped[str] = mapped_column(String(2))
    exported_at: Mapped[datetime] = mapped_column(default=utcnow)
    exported_by: Mapped[str] = mapped_column(String(120))  # "console: <user>", "api: admin token", "cli"
    sha256: Mapped[str] = mapped_column(String(64))
    rows: Mapped[int]
    content: Mapped[str] = mapped_column(Text)


class SalesSkuDay(Base):
    """What a store sold of a SKU on one of its local days, kept as orders arrive (`sync.hub.analytics.rollup`):
    a sale adds its lines on the day it was made (``orders.sold_at``, late ones too), a void takes them back, so the
    analytics read a few rows per day instead of every order line."""

    __tablename__ = "sales_sku_days"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    sku: Mapped[str] = mapped_column(String(40), primary_key=True)
    product_name: Mapped[str] = mapped_column(String(200))  # as the last sale named it
    units: Mapped[int]
    net_cents: Mapped[int] = mapped_column(BigInteger)  # before tax, after discounts
    lines: Mapped[int]


class SalesTaxDay(Base):
    """The tax a store's sales collected per component on one of its local days, kept as `SalesSkuDay` is."""

    __tablename__ = "sales_tax_days"

    store_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("stores.id"), primary_key=True)
    day: Mapped[date] = mapped_column(primary_key=True)
    component: Mapped[str] = mapped_column(String(8), primary_key=True)  # GST, HST, PST, QST
    cents: Mapped[int] = mapped_column(BigInteger)
