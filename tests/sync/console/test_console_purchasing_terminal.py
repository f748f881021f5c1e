"""What the console's purchasing reaches at a real terminal through the feed, on PostgreSQL: a scheduled tax rate
the terminal charges from its start date (and the old rate the day before), a supplier, and a purchase order to
receive."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select

from sync.column_types import utcnow
from tests.sync.console.conftest import console_as, make_tenant
from tests.sync.console.purchasing import add_products, add_supplier


def test_a_terminal_receives_the_scheduled_rate_the_supplier_and_the_order_and_charges_the_rate_from_its_day(
        console_app, tmp_path):
    from datetime import UTC, datetime, time

    from pos_app.persistence.models import ProvincialSupplier as ReplicaSupplier
    from pos_app.persistence.models import PurchaseOrder as ReplicaOrder
    from pos_app.persistence.store_repository import tax_components_on
    from pos_app.services.selling import SaleService
    from pos_app.services.staff import find_staff
    from sync.hub import tenancy
    from tests.sync.client.tills import open_till
    from tests.sync.hub.servers import HubServer

    tenant = make_tenant(console_app)
    owner = console_as(console_app, tenant.owner)
    (_sku, _gtin), (_sku2, gtin2) = add_products(console_app, tenant)
    starts = (utcnow() + timedelta(days=45)).date()
    assert owner.post("/console/tax-rates", {"province_code": "ON", "tax_type": "HST", "percent": "14",
                                             "effective_from": starts.isoformat()}).status_code == 303
    supplier_id, code = add_supplier(console_app, tenant)
    number = f"PO-T{uuid.uuid4().hex[:6]}"
    assert owner.post(f"/console/stores/{tenant.store_a}/purchase-orders", {
        "po_number": number, "supplier_id": str(supplier_id), "item": [gtin2], "quantity": ["5"],
        "unit_cost": ["8.25"], "lot": ["LOT-T"]}).status_code == 303
    with HubServer(console_app) as hub:
        with console_app.state.db.write() as session:
            pairing = tenancy.new_pairing_code(session, tenancy.Scope(tenant.tenant_id), tenant.store_a)
        till = open_till(tmp_path / "till")
        try:
            till.sync.pair(hub.url, pairing, terminal_no=1)
            till.sync.bootstrap()
            with till.terminal.session_factory() as session:
                rates = {day: [(c.code, str(c.rate)) for c in tax_components_on(session, tenant.store_a, day)]
                         for day in (starts - timedelta(days=1), starts)}
                order = session.scalar(select(ReplicaOrder).where(ReplicaOrder.po_number == number))
                supplier = session.get(ReplicaSupplier, supplier_id)
            assert rates == {starts - timedelta(days=1): [("HST", "0.13")], starts: [("HST", "0.14")]}
            assert order is not None and order.supplier_id == supplier_id and supplier.code == code
            cashier = find_staff(till.terminal.session_factory, "CA")
            for day, rate in ((starts - timedelta(days=1), "0.13"), (starts, "0.14")):
                noon = datetime.combine(day, time(17, 0), tzinfo=UTC)  # midday in Toronto
                sales = SaleService(till.terminal.session_factory, till.terminal.context, clock=lambda at=noon: at)
                assert [(c.code, str(c.rate)) for c in sales.start_sale(cashier).tax_components] == [("HST", rate)]
        finally:
            till.close()
