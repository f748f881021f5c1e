"""What the purchasing tests build on the hub: products in a tenant's catalog, a supplier of the tenant, and a date
some days from today (a tax rate starts on a future date)."""

from __future__ import annotations

import uuid
from datetime import timedelta
from decimal import Decimal

from sync.column_types import utcnow

ASN_HEADER = "po_number,supplier,sku,gtin,quantity,unit_cost,lot\n"


def in_days(days: int) -> str:
    return (utcnow() + timedelta(days=days)).date().isoformat()


def add_products(console_app, tenant, count: int = 2) -> list[tuple[str, str]]:
    """Products of the tenant's catalog: (SKU, GTIN) each."""
    from sync.hub.models import OcsProduct

    made = []
    with console_app.state.db.write() as session:
        for n in range(count):
            sku, gtin = f"SKU-{uuid.uuid4().hex[:6]}", f"0062812{uuid.uuid4().int % 10**7:07d}"
            session.add(OcsProduct(tenant_id=tenant.tenant_id, ocs_variant_number=sku, ocs_product_name=f"Acme {n}",
                                   product_name=f"Kush {n} 3.5 g", brand_name="Acme", category="Flower",
                                   product_form="dried_flower", net_content=Decimal("3.5"), unit_of_measure="g",
                                   price_per_unit=Decimal("29.99"), each_gtin=gtin))
            made.append((sku, gtin))
    return made


def add_supplier(console_app, tenant, code: str | None = None) -> tuple[uuid.UUID, str]:
    """A supplier of the tenant, as the Suppliers page makes one: (its id, its code)."""
    from sync.hub import suppliers
    from sync.hub.tenancy import Scope

    code = code or f"S{uuid.uuid4().hex[:6].upper()}"
    with console_app.state.db.write() as session:
        made = suppliers.create_supplier(session, Scope(tenant.tenant_id), code=code, name=f"Supplier {code}",
                                         province="ON")
        return made.id, code
