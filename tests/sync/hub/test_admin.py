"""The admin REST API `/api/v1`, and the order state machine as the manager sees it."""

from __future__ import annotations

import uuid

from tests.sync.hub.helpers import mutation, pull, pull_all, push, sale_args


def test_stores_list_and_deactivate_stops_sync(client, world):
    a1 = world.terminals["A1"]
    admin = world.admin("A")
    listing = client.get("/api/v1/stores", headers=admin, params={"limit": 1}).json()
    assert listing["total"] == 2 and len(listing["items"]) == 1
    assert client.post(f"/api/v1/stores/{a1.store_id}/deactivate", headers=admin).json()["status"] == "inactive"
    assert pull(client, a1).status_code == 403
    assert client.post(f"/api/v1/stores/{a1.store_id}/activate", headers=admin).json()["status"] == "active"
    changes, _ = pull_all(client, a1)
    assert any(c["entity"] == "store" and c["data"]["status"] == "active" for c in changes)


def test_a_new_store_gets_the_catalog_in_its_feed(client, world):
    admin = world.admin("A")
    created = client.post("/api/v1/stores", headers=admin, json={
        "store_code": f"N{uuid.uuid4().hex[:6]}", "name": "New", "province_code": "ON"})
    assert created.status_code == 201, created.text
    assert client.get(f"/api/v1/stores/{created.json()['id']}", headers=admin).status_code == 200


def test_products_paging_and_filters(client, world):
    admin = world.admin("A")
    body = client.get("/api/v1/products/cannabis", headers=admin, params={"category": "Flower"}).json()
    assert [p["ocs_variant_number"] for p in body["items"]] == ["SKU-1"]
    assert client.get("/api/v1/products/cannabis", headers=admin, params={"brand": "None"}).json()["total"] == 0
    assert client.get("/api/v1/products/cannabis/SKU-1", headers=admin).json()["price_per_unit"] == "30.99"
    assert client.get("/api/v1/products/cannabis/NOPE", headers=admin).status_code == 404


def test_inventory_adjust_low_stock_and_by_sku(client, world):
    a1 = world.terminals["A1"]
    admin, params = world.admin("A"), {"store_id": str(a1.store_id)}
    item = client.get("/api/v1/inventory/SKU-1", headers=admin, params=params).json()
    assert item["quantity_on_hand"] == 5 and item["lots"][0]["quantity_remaining"] == 5
    adjusted = client.post("/api/v1/inventory/adjust", headers=admin, params=params,
                           json={"sku": "SKU-1", "batch_lot": "LOT-1", "counted_quantity": 2, "reason": "count"})
    assert adjusted.status_code == 200 and adjusted.json()["quantity_on_hand"] == 2
    refused = client.post("/api/v1/inventory/adjust", headers=admin, params=params,
                          json={"sku": "SKU-1", "reason": "count"})
    assert refused.status_code == 422 and refused.json()["message"]
    low = client.get("/api/v1/inventory/low-stock", headers=admin, params=params).json()
    assert low["total"] == 0
    client.post("/api/v1/inventory/adjust", headers=admin, params=params,
                json={"sku": "SKU-1", "quantity_delta": -2, "reason": "damaged"})
    assert client.get("/api/v1/inventory/low-stock", headers=admin, params=params).json()["total"] == 1


def test_purchase_order_create_receive_cancel(client, world):
    a1 = world.terminals["A1"]
    admin, params = world.admin("A"), {"store_id": str(a1.store_id)}
    _c, cursor = pull_all(client, a1)
    body = {"po_number": f"PO-{uuid.uuid4().hex[:6]}", "lines": [
        {"sku": "SKU-1", "quantity_ordered": 10, "unit_cost_cents": 1500, "batch_lot": "LOT-9"}]}
    created = client.post("/api/v1/purchase-orders", headers=admin, params=params, json=body)
    assert created.status_code == 201, created.text
    po_id = created.json()["id"]
    assert client.post("/api/v1/purchase-orders", headers=admin, params=params, json=body).status_code == 409
    received = client.post(f"/api/v1/purchase-orders/{po_id}/receive", headers=admin)
    assert received.status_code == 200 and received.json()["status"] == "received"
    assert client.post(f"/api/v1/purchase-orders/{po_id}/cancel", headers=admin).status_code == 409
    item = client.get("/api/v1/inventory/SKU-1", headers=admin, params=params).json()
    assert item["quantity_on_hand"] == 15
    assert {lot["batch_lot"] for lot in item["lots"]} == {"LOT-1", "LOT-9"}
    changes, _ = pull_all(client, a1, cursor)
    po = next(c for c in changes if c["entity"] == "purchase_order")
    assert po["data"]["status"] == "received" and po["data"]["lines"][0]["quantity_received"] == 10
    listing = client.get("/api/v1/purchase-orders", headers=admin, params={**params, "status": "received"}).json()
    assert listing["total"] == 1


def test_orders_payments_refund_and_void_state_machine(client, world):
    a1 = world.terminals["A1"]
    admin, params = world.admin("A"), {"store_id": str(a1.store_id)}
    sale = sale_args(a1, 2)
    line_id = sale["lines"][0]["line_id"]
    refund = {"refund_id": str(uuid.uuid4()), "order_id": sale["order_id"], "subtotal_cents": 3099,
              "tax_amount_cents": 403, "total_cents": 3502, "method": "cash", "staff_id": str(a1.staff_id),
              "paid_back_cents": 3500, "lines": [{"line_id": line_id, "sku": "SKU-1", "quantity": 1,
                                                  "amount_cents": 3099, "total_cents": 3502}],
              "inventory_deltas": [{"sku": "SKU-1", "batch_lot": "LOT-1", "quantity_delta": 1, "line_id": line_id,
                                    "reason": "refund"}]}
    too_much = {**refund, "refund_id": str(uuid.uuid4()), "lines": [{**refund["lines"][0], "quantity": 2}]}
    void = {"order_id": sale["order_id"], "staff_id": str(a1.staff_id), "reason": "mistake"}
    ids = a1.take_ids(4)
    results = push(client, a1, [mutation(ids[0], "order.completed.v1", sale),
                                mutation(ids[1], "order.refunded.v1", refund),
                                mutation(ids[2], "order.refunded.v1", too_much),
                                mutation(ids[3], "order.voided.v1", void)]).json()["results"]
    assert [(r["status"], r["code"]) for r in results] == [
        ("applied", None), ("applied", None), ("rejected", "refund_exceeds_sale"), ("rejected", "order_refunded")]
    order = client.get(f"/api/v1/orders/{sale['order_id']}", headers=admin).json()
    assert order["status"] == "partially_refunded" and order["lines"][0]["quantity"] == 2
    assert order["tax_rates"] == {"HST": "0.13"}, "the rates the sale was taxed at are kept with it"
    history = client.get(f"/api/v1/orders/{sale['order_id']}/status-history", headers=admin).json()
    assert [h["status"] for h in history] == ["completed", "partially_refunded"]
    payments = client.get("/api/v1/payments/transactions", headers=admin,
                          params={**params, "order_id": sale["order_id"]}).json()["items"]
    assert sorted(p["amount"] for p in payments) == ["-35.00", "70.04"]
    stock = client.get("/api/v1/inventory/SKU-1", headers=admin, params=params).json()
    assert stock["quantity_on_hand"] == 4
    rejections = client.get("/api/v1/sync/rejections", headers=admin, params=params).json()
    assert {r["code"] for r in rejections["items"]} == {"refund_exceeds_sale", "order_refunded"}
    assert client.get("/api/v1/orders", headers=admin, params={**params, "status": "completed"}).json()["total"] == 0


def test_the_first_void_wins(client, world):
    a1 = world.terminals["A1"]
    sale = sale_args(a1, 1)
    void = {"order_id": sale["order_id"], "staff_id": str(a1.staff_id)}
    ids = a1.take_ids(3)
    results = push(client, a1, [mutation(ids[0], "order.completed.v1", sale),
                                mutation(ids[1], "order.voided.v1", void),
                                mutation(ids[2], "order.voided.v1", {**void, "reason": "again"})]).json()["results"]
    assert [r["code"] for r in results] == [None, None, "order_already_voided"]
    stock = client.get("/api/v1/inventory/SKU-1", headers=world.admin("A"),
                       params={"store_id": str(a1.store_id)}).json()
    assert stock["quantity_on_hand"] == 5
