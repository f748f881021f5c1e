"""A year of order history for a terminal: orders, lines, payments and their stock deltas, in bulk.

History is not what is measured, so it goes in with plain sqlite3 executemany in the storage forms the
replica's column types write (UUIDs as 32 hex digits, money as integer cents, naive UTC timestamps, JSON text);
``check_readable`` reads a sample back through the ORM to prove it. Deltas carry no mutation id: the pulled
levels count them already.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

HST_PERCENT = 13
CHUNK_ORDERS = 20_000
TS = "%Y-%m-%d %H:%M:%S.%f"

ORDER_COLUMNS = ("id", "order_number", "store_id", "staff_id", "cash_session_id", "status", "order_type",
                 "subtotal", "discount_amount", "tax_amount", "total_amount", "cash_rounding", "change_due",
                 "tax_breakdown", "dried_equivalent_g", "payment_status", "payment_method", "created_at",
                 "updated_at", "completed_at")
ITEM_COLUMNS = ("id", "order_id", "line_no", "sku", "product_name", "quantity", "unit_price", "price_version",
                "discount_amount", "taxable_amount", "tax_amount", "tax_breakdown", "line_total", "is_cannabis",
                "dried_equivalent_g")
PAYMENT_COLUMNS = ("id", "store_id", "order_id", "provider", "amount", "currency", "status", "payment_method",
                   "tendered_amount", "created_at", "updated_at")
DELTA_COLUMNS = ("id", "store_id", "sku", "transaction_type", "quantity", "reference_type", "reference_id",
                 "line_id", "created_at")


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _catalog(conn: sqlite3.Connection) -> list[tuple[str, str, int, int]]:
    rows = conn.execute("SELECT ocs_variant_number, product_name, price_per_unit, 1 FROM ocs_product_catalog "
                        "UNION ALL SELECT sku, name, retail_price, 0 FROM accessories_catalog").fetchall()
    return sorted(rows)


def insert_orders(db_path: Path, *, lines: int, seed: int, number_prefix: str, start: datetime, end: datetime,
                  cash_session_id: uuid.UUID | None = None, max_orders: int | None = None,
                  progress: Callable[[str], None] = print) -> int:
    """About `lines` order lines (1 to 7 per order, at most `max_orders` orders) between `start` and `end`;
    returns the number of orders."""
    rng = random.Random(seed)
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    catalog = _catalog(conn)
    store_id, = conn.execute("SELECT id FROM stores").fetchone()
    staff = [row[0] for row in conn.execute("SELECT id FROM users ORDER BY staff_code")]
    session = cash_session_id.hex if cash_session_id else None
    span = (end - start).total_seconds()
    written = seq = 0
    while written < lines and seq != max_orders:
        orders, items, payments, deltas = [], [], [], []
        for _ in range(CHUNK_ORDERS):
            if written >= lines or seq == max_orders:
                break
            seq += 1
            count = min(rng.randint(1, 7), lines - written)
            written += count
            order_id = uuid.uuid4().hex
            at = (start + timedelta(seconds=span * written / lines)).astimezone(UTC).strftime(TS)
            subtotal = 0
            for line_no in range(1, count + 1):
                sku, name, price, cannabis = rng.choice(catalog)
                quantity = 1 if rng.random() < 0.8 else 2
                net = price * quantity
                tax = (net * HST_PERCENT + 50) // 100
                item_id = uuid.uuid4().hex
                items.append((item_id, order_id, line_no, sku, name, quantity, price, 1, 0, net, tax,
                              json.dumps({"HST": tax}), net + tax, cannabis, "0"))
                deltas.append((uuid.uuid4().hex, store_id, sku, "sale", -quantity, "order", order_id, item_id, at))
                subtotal += net
            tax = (subtotal * HST_PERCENT + 50) // 100
            total = subtotal + tax
            method = "cash" if seq % 3 == 0 else "card"
            orders.append((order_id, f"{number_prefix}{seq:07d}", store_id, staff[seq % len(staff)], session,
                           "completed", "in-store", subtotal, 0, tax, total, 0, 0, json.dumps({"HST": tax}), "0",
                           "paid", method, at, at, at))
            payments.append((uuid.uuid4().hex, store_id, order_id, method, total, "CAD", "captured", method,
                             total if method == "cash" else None, at, at))
        conn.execute("BEGIN")
        conn.executemany(_insert_sql("orders", ORDER_COLUMNS), orders)
        conn.executemany(_insert_sql("order_items", ITEM_COLUMNS), items)
        conn.executemany(_insert_sql("payment_transactions", PAYMENT_COLUMNS), payments)
        conn.executemany(_insert_sql("ocs_inventory_transactions", DELTA_COLUMNS), deltas)
        conn.execute("COMMIT")
        progress(f"  history: {written:,} of {lines:,} order lines")
    conn.close()
    return seq


def check_readable(session_factory) -> None:
    """Read one bulk-written order back through the ORM, so a storage-format slip fails here, not mid-bench."""
    from sqlalchemy import select

    from pos_app.persistence.models import Order

    with session_factory() as session:
        order = session.scalars(select(Order).order_by(Order.order_number).limit(1)).one()
        assert order.items and order.subtotal == sum(i.taxable_amount for i in order.items)
        assert order.created_at.tzinfo is not None and isinstance(order.id, uuid.UUID)


def year_of_history(db_path: Path, lines: int, today: datetime, progress: Callable[[str], None] = print) -> int:
    end = today.replace(tzinfo=UTC) if today.tzinfo is None else today
    return insert_orders(db_path, lines=lines, seed=20261121, number_prefix="ON001-0-H", start=end - timedelta(365),
                         end=end - timedelta(days=1), progress=progress)
