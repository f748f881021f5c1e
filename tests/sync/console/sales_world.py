"""A store's sales over Toronto's 2025 fall-back day (2025-11-02 has 25 hours: 01:00-01:59 comes twice), pushed by
a paired terminal with its own clock, plus a refund, a void, adjustments and the period before. The figures the
sales page must show are worked out by hand in the tests beside it."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from fastapi.testclient import TestClient

from sync.hub.inventory import Delta, apply_deltas
from sync.hub.models import OcsInventory, OcsProduct
from tests.sync.console.conftest import pair_terminal
from tests.sync.hub.helpers import mutation, push

TORONTO = ZoneInfo("America/Toronto")
FIRST, LAST = "2025-11-01", "2025-11-03"  # the period; the one before is 2025-10-29 to 2025-10-31


def _sale(terminal, at: str, lines: list[tuple[str, int, int, int]], method: str) -> dict:
    """lines: (sku, quantity, unit price, line discount) in cents; HST 13 % rounded half up on each line."""
    made, subtotal, discount, tax = [], 0, 0, 0
    for sku, quantity, price, off in lines:
        taxable = quantity * price - off
        hst = (taxable * 13 + 50) // 100
        made.append({"line_id": str(uuid.uuid4()), "sku": sku, "name": f"Product {sku}", "quantity": quantity,
                     "unit_price_cents": price, "discount_cents": off, "taxable_amount_cents": taxable,
                     "taxes_cents": {"HST": hst}, "line_total_cents": taxable + hst, "price_version": 1,
                     "is_cannabis": True, "dried_equivalent_grams": "3.5", "allocations": []})
        subtotal, discount, tax = subtotal + quantity * price, discount + off, tax + hst
    total = subtotal - discount + tax
    tender = {"method": method, "amount_cents": total}
    if method == "card":
        tender |= {"reference": uuid.uuid4().hex[:12], "last4": "4242", "brand": "VISA", "auth_code": "A1"}
    number = f"{terminal.store_code}-9-{uuid.uuid4().hex[:8]}"
    return {"order_id": str(uuid.uuid4()), "sale_id": None, "order_number": number,
            "store_id": str(terminal.store_id), "staff_id": str(terminal.staff_id), "subtotal_cents": subtotal,
            "discount_amount_cents": discount, "tax_amount_cents": tax, "total_amount_cents": total,
            "cash_rounding_cents": 0, "change_due_cents": 0, "tax_components_cents": {"HST": tax},
            "tax_rates": {"HST": "0.13"}, "dried_equivalent_grams": "3.5", "lines": made, "tenders": [tender],
            "inventory_deltas": [{"sku": line["sku"], "batch_lot": None, "quantity_delta": -line["quantity"],
                                  "line_id": line["line_id"], "reason": "sale"} for line in made],
            "local_ts": at, "cash_session_id": None}


def seed_sales(app, tenant) -> dict[str, dict]:
    terminal = pair_terminal(app, tenant, name="Front till")
    with app.state.db.write() as session:
        for sku, category, brand in (("A-FLOWER", "Dried Flower", "Maple"), ("A-VAPE", "Vapes", "Birch")):
            session.add(OcsProduct(tenant_id=tenant.tenant_id, ocs_variant_number=sku, ocs_product_name=sku,
                                   product_name=f"Product {sku}", brand_name=brand, category=category,
                                   product_form="dried_flower", net_content=3.5, unit_of_measure="g",
                                   price_per_unit=30))
    sales = {
        "s1": _sale(terminal, "2025-11-02T01:30:00-04:00", [("A-FLOWER", 2, 3000, 0)], "cash"),  # the first 01:30
        "s2": _sale(terminal, "2025-11-02T01:30:00-05:00", [("A-VAPE", 1, 4500, 500)], "card"),  # the second 01:30
        "s3": _sale(terminal, "2025-11-02T23:30:00-05:00", [("A-FLOWER", 1, 3000, 0)], "card"),  # 04:30 UTC the 3rd
        "s4": _sale(terminal, "2025-11-01T20:00:00-04:00", [("X-OLD", 1, 1000, 0)], "cash"),  # 00:00 UTC the 2nd
        "s5": _sale(terminal, "2025-11-03T00:30:00-05:00", [("A-VAPE", 2, 4500, 0)], "cash"),  # voided below
        "p1": _sale(terminal, "2025-10-30T12:00:00-04:00", [("A-FLOWER", 1, 3000, 0)], "card"),
        "p2": _sale(terminal, "2025-10-31T23:50:00-04:00", [("A-VAPE", 1, 4500, 0)], "cash"),  # 03:50 UTC Nov 1st
        "after": _sale(terminal, "2025-11-04T00:10:00-05:00", [("A-FLOWER", 1, 3000, 0)], "cash"),
    }
    s1_line = sales["s1"]["lines"][0]["line_id"]
    refund = {"refund_id": str(uuid.uuid4()), "order_id": sales["s1"]["order_id"], "subtotal_cents": 3000,
              "tax_amount_cents": 390, "total_cents": 3390, "tax_components_cents": {"HST": 390}, "method": "cash",
              "staff_id": str(terminal.staff_id), "local_ts": "2025-11-03T10:00:00-05:00",
              "lines": [{"line_id": s1_line, "sku": "A-FLOWER", "quantity": 1, "amount_cents": 3000,
                         "total_cents": 3390}],
              "inventory_deltas": [{"sku": "A-FLOWER", "batch_lot": None, "quantity_delta": 1, "line_id": s1_line,
                                    "reason": "refund"}]}
    void = {"order_id": sales["s5"]["order_id"], "staff_id": str(terminal.staff_id), "reason": "wrong items",
            "local_ts": "2025-11-03T00:35:00-05:00"}
    pushed = [*(("order.completed.v1", args) for args in sales.values()), ("order.refunded.v1", refund),
              ("order.voided.v1", void)]
    with TestClient(app) as client:
        results = push(client, terminal, [mutation(i, name, args) for i, (name, args)
                                          in zip(terminal.take_ids(len(pushed)), pushed, strict=True)]).json()
    assert [r["status"] for r in results["results"]] == ["applied"] * len(pushed), results
    with app.state.db.write() as session:
        session.query(OcsInventory).filter_by(store_id=tenant.store_a, sku="A-FLOWER").update({"unit_cost": 12})
        for reason, quantity, when in (("damaged", -2, datetime(2025, 11, 2, 1, 45, tzinfo=TORONTO)),
                                       ("theft_or_loss", -1, datetime(2025, 11, 3, 23, 0, tzinfo=TORONTO)),
                                       ("damaged", -5, datetime(2025, 11, 4, 0, 5, tzinfo=TORONTO))):
            apply_deltas(session, tenant.store_a, [Delta("A-FLOWER", None, quantity, None, reason)],
                         transaction_type="adjustment", reference_type="adjustment", reference_id=uuid.uuid4(),
                         occurred_at=when)
    return sales
