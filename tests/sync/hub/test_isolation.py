"""Tenant isolation: a token of store A / tenant A gets 403 on every path aimed at store B or tenant B."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from sync.hub import staff, suppliers
from sync.hub.models import (
    Accessory,
    DiscountCode,
    OcsProduct,
    PaymentTransaction,
    Promotion,
    Recall,
    ShelfLocation,
    Store,
)
from sync.hub.price_schedules import schedule_price
from sync.hub.purchasing import LineIn, create_purchase_order
from sync.hub.tenancy import Scope
from tests.sync.hub.helpers import push, sales

PUBLIC = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/redoc", "/healthz", "/sync/v1/pair"}
# Lists scoped by the token alone: nothing of tenant B can be named in them, so B must simply not show.
TOKEN_SCOPED_LISTS = {"/api/v1/tenants", "/api/v1/stores", "/api/v1/products/cannabis", "/api/v1/products/accessories",
                      "/api/v1/recalls", "/api/v1/suppliers",
                      # a province's tax rates are shared by every tenant with stores there: nothing of B's
                      "/api/v1/tax-rates"}
# (creating a store always creates it in the token's tenant: there is no way to aim it at tenant B)


def all_routes(app):
    """(method, path) of every route, including those of included routers."""
    found = []

    def walk(routes):
        for route in routes:
            inner = getattr(route, "original_router", None)
            if inner is not None:
                walk(inner.routes)
            elif getattr(route, "methods", None):
                found.extend((method, route.path) for method in sorted(route.methods - {"HEAD"}))

    walk(app.routes)
    return found


@pytest.fixture
def tenant_b(hub_app, client, world):
    """Records of store B1 / tenant B for the paths to name: a PO, an order, a payment, an accessory, a SKU."""
    b1 = world.terminals["B1"]
    assert push(client, b1, sales(b1, 1)).status_code == 200
    db = hub_app.state.db
    with db.write() as session:
        store = session.get(Store, b1.store_id)
        po = create_purchase_order(session, store, po_number=f"PO-{uuid.uuid4().hex[:8]}",
                                   lines=[LineIn("SKU-1", "Flower", 2, Decimal("10.00"))])
        accessory = Accessory(tenant_id=b1.tenant_id, sku="ACC-B", name="B papers", unit_cost=Decimal(1),
                              retail_price=Decimal(2))
        session.add(accessory)
        session.add(OcsProduct(
            tenant_id=b1.tenant_id, ocs_variant_number=f"B-ONLY-{uuid.uuid4().hex[:6]}", ocs_product_name="B",
            product_name="B", brand_name="B", category="Flower", product_form="dried_flower",
            net_content=Decimal(1), unit_of_measure="g", price_per_unit=Decimal(1)))
        location = ShelfLocation(store_id=b1.store_id, location_code="B-01-01-A", zone="B", aisle="01", shelf="01",
                                 bin="A")
        recall = Recall(tenant_id=b1.tenant_id, sku="SKU-1", lots=["LOT-1"], reason="B's recall")
        promotion = Promotion(tenant_id=b1.tenant_id, number=1, name="B's deal", promo_type="percent_off",
                              definition={})
        code = DiscountCode(tenant_id=b1.tenant_id, code="BCODE", discount_type="fixed", discount_value=Decimal(1))
        session.add_all([location, recall, promotion, code])
        session.flush()
        cashier = staff.create_staff(session, Scope(b1.tenant_id), b1.store_id, pin="2580", first_name="B",
                                     staff_code=f"B{uuid.uuid4().hex[:6]}", role="cashier")
        supplier = suppliers.create_supplier(session, Scope(b1.tenant_id), code=f"B{uuid.uuid4().hex[:8].upper()}",
                                             name="B's grower", province="ON")
        payment = session.scalar(select(PaymentTransaction).where(PaymentTransaction.store_id == b1.store_id))
        b_sku = session.scalar(select(OcsProduct.ocs_variant_number).where(
            OcsProduct.tenant_id == b1.tenant_id, OcsProduct.ocs_variant_number.like("B-ONLY-%")))
        schedule = schedule_price(session, Scope(b1.tenant_id), b1.store_id, b_sku, "2.00", SOON)
        return {
            "store_id": b1.store_id, "tenant_id": b1.tenant_id, "po_id": po.id, "order_id": payment.order_id,
            "transaction_id": payment.id, "accessory_id": accessory.id, "sku": b_sku, "terminal_id": b1.terminal_id,
            "recall_id": recall.id, "location_id": location.id, "staff_id": cashier.id, "promotion_id": promotion.id,
            "code_id": code.id, "supplier_id": supplier.id, "schedule_id": schedule.id,
        }


SOON = datetime.now(UTC) + timedelta(days=3)
BODIES = {
    "/api/v1/stores": {"store_code": f"X{uuid.uuid4().hex[:8]}", "name": "X", "province_code": "ON"},
    "/api/v1/stores/{store_id}": {"name": "Taken over"},
    "/api/v1/inventory/adjust": {"sku": "SKU-1", "quantity_delta": 1, "reason": "count"},
    # A recall reaches the token's own tenant only: tenant A's LOT-1, never store B1's (checked by the response).
    "/api/v1/recalls": {"sku": "SKU-1", "lots": ["LOT-1"], "reason": "Isolation check"},
    "/api/v1/stores/{store_id}/staff": {"staff_code": "X1", "first_name": "X", "pin": "2580"},
    "/api/v1/staff/{staff_id}": {"first_name": "Taken over"},
    "/api/v1/staff/{staff_id}/pin": {"pin": "2580"},
    "/api/v1/stores/{store_id}/price-overrides/{sku}": {"price": "1.00"},
    # An accessory is added to the token's own tenant; tenant B's cannot be edited.
    "/api/v1/products/accessories": {"sku": f"ACC-{uuid.uuid4().hex[:8]}", "name": "X", "retail_price": "1.00"},
    "/api/v1/products/accessories/{accessory_id}": {"sku": "ACC-B", "name": "Taken over", "retail_price": "1.00"},
    "/api/v1/stores/{store_id}/price-schedules": {"sku": "SKU-1", "price": "1.00", "effective_at": SOON.isoformat()},
    # Promotions and codes aimed at store B (?store_id=) are refused before anything is checked or written.
    "/api/v1/promotions": {"id": 901, "name": "X", "kind": "percent_off", "applies_to": {"everything": True},
                           "percent": "5"},
    "/api/v1/promotions/import": {"promotions": []},
    "/api/v1/discount-codes": {"id": 901, "code": "XISO", "name": "X", "discount_type": "fixed",
                               "discount_value": "1.00"},
    "/api/v1/stores/{store_id}/sync-health/acknowledge": {"client_id": str(uuid.uuid4()), "mutation_id": 1},
    "/api/v1/locations": {"zone": "X", "aisle": "1", "shelf": "1", "bin": "A"},
    "/api/v1/suppliers": {"code": f"X{uuid.uuid4().hex[:8].upper()}", "name": "X", "province": "ON"},
    "/api/v1/suppliers/{supplier_id}": {"name": "Taken over"},
    "/api/v1/tax-rates": {"province": "YT", "tax_type": "GST", "percent": "5", "effective_from": "2099-01-01"},
    "/api/v1/purchase-orders": {"po_number": "PO-X", "lines": [{"sku": "SKU-1", "quantity_ordered": 1,
                                                                 "unit_cost_cents": 100}]},
}


# Query parameters a route requires besides ?store_id=, so the request reaches its scope check.
QUERIES = {"/api/v1/stores/{store_id}/reports/ocs-daily": {"date": "2026-12-01"}}


def _request(client, method, path, ids, headers, client_id):
    url = re.sub(r"\{(\w+)\}", lambda m: str(ids[m.group(1)]), path)
    params = {"store_id": str(ids["store_id"]), **QUERIES.get(path, {})}
    if path.startswith("/sync/v1/"):
        body = {"client_id": str(client_id), "schema_version": 1, "mutations": []}
        if path.endswith("/pull"):
            body = {"client_id": str(client_id), "cursor": None, "limit": 10}
        if path.endswith("/store-summary"):
            body = {"client_id": str(client_id), "day": "2026-12-01"}
        return client.request(method, url, json=body, headers=headers)
    return client.request(method, url, params=params, json=BODIES.get(path), headers=headers)


def test_every_route_refuses_store_b_and_tenant_b(client, hub_app, world, tenant_b):
    a1 = world.terminals["A1"]
    # The console signs people in with a cookie, not a token; tests/sync/console sweeps its routes.
    routes = [r for r in all_routes(hub_app) if r[1] not in PUBLIC and not r[1].startswith("/console")]
    assert len(routes) >= 25
    checked = 0
    for method, path in routes:
        for who, headers in (("terminal A1", a1.headers), ("admin A", world.admin("A"))):
            response = _request(client, method, path, tenant_b, headers, world.terminals["B1"].client_id)
            if path in TOKEN_SCOPED_LISTS:
                expected = {403} if who == "terminal A1" else {200, 201}
                assert response.status_code in expected, f"{who} {method} {path}: {response.text}"
                assert str(tenant_b["tenant_id"]) not in response.text
                assert str(tenant_b["store_id"]) not in response.text
                continue
            assert response.status_code == 403, f"{who} {method} {path}: {response.status_code} {response.text}"
            assert response.json()["detail"]
            checked += 1
    assert checked >= 40


def test_a_terminal_cannot_use_another_stores_client_of_the_same_tenant(client, world):
    a1, a2 = world.terminals["A1"], world.terminals["A2"]
    body = {"client_id": str(a2.client_id), "schema_version": 1, "mutations": []}
    assert client.post("/sync/v1/push", json=body, headers=a1.headers).status_code == 403
    body = {"client_id": str(a2.client_id), "cursor": None, "limit": 5}
    assert client.post("/sync/v1/pull", json=body, headers=a1.headers).status_code == 403


def test_an_admin_token_cannot_push_or_pull(client, world):
    body = {"client_id": str(world.terminals["A1"].client_id), "cursor": None, "limit": 5}
    assert client.post("/sync/v1/pull", json=body, headers=world.admin("A")).status_code == 403


def test_no_token_or_a_wrong_token_gets_401(client, world):
    assert client.get("/api/v1/stores").status_code == 401
    assert client.get("/api/v1/stores", headers={"Authorization": "Bearer nope"}).status_code == 401
