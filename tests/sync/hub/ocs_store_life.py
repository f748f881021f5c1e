"""What the OCS daily report's tests build: days around the end of daylight saving in Toronto (2026-11-01 lasts
25 hours), and the sync mutations a terminal pushes for them (a sale at a price and a discount, a refund, a void, a
count), with a second till of the store."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sync.hub.models import Store
from sync.hub.tokens import issue_pairing_code
from tests.sync.hub.helpers import Terminal, mutation, push, sale_args

TORONTO = ZoneInfo("America/Toronto")
DAYS = [date(2026, 10, 30) + timedelta(days=n) for n in range(5)]  # 2026-11-01 is the 25-hour day
SKUS = ("SKU-1", "SKU-2", "SKU-3")


def local(day: date, hour: int, minute: int = 0, *, fold: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TORONTO, fold=fold)


def sale_at(terminal: Terminal, sku: str, quantity: int, when: datetime, unit_cents: int = 3099,
            discount_cents: int = 0) -> dict:
    args = sale_args(terminal, quantity, sku=sku, lot=None)
    line = args["lines"][0]
    taxable = unit_cents * quantity - discount_cents
    tax = round(taxable * 0.13)
    line.update(unit_price_cents=unit_cents, discount_cents=discount_cents, taxable_amount_cents=taxable,
                taxes_cents={"HST": tax}, line_total_cents=taxable + tax)
    args.update(subtotal_cents=taxable, tax_amount_cents=tax, total_amount_cents=taxable + tax,
                tax_components_cents={"HST": tax}, tenders=[{"method": "cash", "amount_cents": taxable + tax}],
                local_ts=when.isoformat())
    return args


def refund_at(terminal: Terminal, sale: dict, quantity: int, when: datetime) -> dict:
    line = sale["lines"][0]
    amount = line["taxable_amount_cents"] * quantity // line["quantity"]
    tax = round(amount * 0.13)
    return {"refund_id": str(uuid.uuid4()), "order_id": sale["order_id"], "store_id": str(terminal.store_id),
            "subtotal_cents": amount, "tax_amount_cents": tax, "total_cents": amount + tax,
            "tax_components_cents": {"HST": tax},
            "lines": [{"line_id": line["line_id"], "sku": line["sku"], "quantity": quantity, "amount_cents": amount,
                       "taxes_cents": {"HST": tax}, "total_cents": amount + tax, "restock": True}],
            "inventory_deltas": [{"sku": line["sku"], "quantity_delta": quantity, "line_id": line["line_id"],
                                  "reason": "refund"}],
            "method": "cash", "staff_id": str(terminal.staff_id), "local_ts": when.isoformat()}


def void_at(terminal: Terminal, sale: dict, when: datetime) -> dict:
    return {"order_id": sale["order_id"], "store_id": str(terminal.store_id), "staff_id": str(terminal.staff_id),
            "reason": "Wrong product scanned", "local_ts": when.isoformat()}


def count_at(terminal: Terminal, sku: str, counted: int, when: datetime) -> dict:
    return {"count_id": str(uuid.uuid4()), "store_id": str(terminal.store_id), "scope": "skus",
            "scope_label": sku, "started_at": (when - timedelta(minutes=20)).astimezone(UTC).isoformat(),
            "approved_at": when.astimezone(UTC).isoformat(), "ledger_position": 0,
            "approved_by": str(terminal.staff_id),
            "lines": [{"sku": sku, "batch_lot": None, "counted": counted, "expected_at_start": counted,
                       "moves_since_start": 0}]}


def push_all(client, terminal: Terminal, named: list[tuple[str, dict]]) -> None:
    ids = terminal.take_ids(len(named))
    response = push(client, terminal, [mutation(i, name, args) for i, (name, args) in zip(ids, named, strict=True)])
    assert response.status_code == 200, response.text
    assert {r["status"] for r in response.json()["results"]} == {"applied"}, response.json()


def second_terminal(db, client, store_id) -> tuple[str, uuid.UUID, uuid.UUID]:
    """Another till paired in the store: (its token, its client id, its terminal id)."""
    with db.write() as session:
        code = issue_pairing_code(session, session.get(Store, store_id))
    client_id = uuid.uuid4()
    body = client.post("/sync/v1/pair", json={"pairing_code": code, "terminal_name": "Till 2",
                                             "client_id": str(client_id)}).json()
    return body["token"], client_id, uuid.UUID(body["terminal_id"])
