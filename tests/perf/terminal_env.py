"""A benchmark's own terminal: a private copy of the cached data, opened the way the program opens it."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from tests.perf.clock import BENCH_CLOCK
from tests.perf.datagen import pins, terminal_copy
from tests.perf.sizes import BENCH_TODAY, Size

CASHIER = "1001"

# Products the register can sell on a given day: active, with a GTIN, stock on hand and at least one lot that is
# neither recalled nor expired and still holds units (the checkout refuses a product with no such lot).
_SELLABLE = """
SELECT p.each_gtin, p.ocs_variant_number FROM ocs_product_catalog p
JOIN ocs_inventory i ON i.sku = p.ocs_variant_number
WHERE p.is_active AND p.each_gtin IS NOT NULL AND i.quantity_on_hand >= :min_on_hand
  AND CAST(p.dried_equivalent_g AS REAL) <= :max_dried_g
  AND EXISTS (SELECT 1 FROM batch_tracking b
              WHERE b.store_id = i.store_id AND b.sku = p.ocs_variant_number AND NOT b.is_recalled
                AND b.quantity_remaining > 0 AND (b.expiry_date IS NULL OR b.expiry_date >= :day))
ORDER BY p.ocs_variant_number
"""


def open_bench_terminal(size: Size, name: str, progress: Callable[[str], None]):
    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings

    folder = terminal_copy(size, name, progress)
    return on_bench_clock(open_terminal(load_settings(folder), log_to_file=False))


def on_bench_clock(terminal, clock: Callable[[], datetime] = BENCH_CLOCK):
    """The terminal with the services a benchmark drives running on the data's day (tests/perf/clock.py).

    The terminal builds each service when it is first asked for; these take the place of the ones it would build
    on the calendar's clock, through the clock each service takes.
    """
    from pos_app.secrets import ID_HASH_SALT
    from pos_app.services.age_checks import AgeCheckService
    from pos_app.services.selling import SaleService
    from pos_app.services.shifts import ShiftService
    from pos_app.services.terminal import load_terminal_context

    factory = terminal.session_factory
    context = load_terminal_context(factory, clock().date())
    salt = terminal.secrets.get_or_create(ID_HASH_SALT).encode()
    vars(terminal).update(context=context, sales=SaleService(factory, context, clock=clock),
                          age_checks=AgeCheckService(factory, context, salt, clock=clock),
                          shifts=ShiftService(factory, context, clock=clock))
    return terminal


def cashier(terminal):
    from pos_app.services.staff import find_staff

    staff = find_staff(terminal.session_factory, CASHIER)
    assert staff is not None, f"the demo store has no staff {CASHIER}"
    return staff


def manager_code(folder: Path) -> str:
    return next(code for code, (role, _pin) in pins(folder).items() if role in ("manager", "admin"))


def ring_up(terminal, staff, codes, *, change: int = 20) -> None:
    """A sale of these codes, checked for age and paid in cash, ready for `terminal.sales.complete()`."""
    from pos_app.domain.money import Money

    sales = terminal.sales
    sales.start_sale(staff)
    for code in codes:
        sales.scan(code)
    terminal.age_checks.attest(sales, staff)  # the cashier checked the customer's ID: cannabis needs it
    sales.tender_cash(Money.of(sales.totals().total.amount + Decimal(change)))


def sellable_items(db_path: Path, *, day: date = BENCH_TODAY, min_on_hand: int = 21,
                   max_dried_g: float = 5) -> list[tuple[str, str]]:
    """(each GTIN, SKU) of the products the register can sell on `day`, in a stable order.

    The default weight keeps five of them under the 30 g limit of one sale.
    """
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(_SELLABLE, {"day": day.isoformat(), "min_on_hand": min_on_hand,
                                        "max_dried_g": max_dried_g}).fetchall()
    if not rows:
        raise RuntimeError(f"{db_path} holds no product that can be sold on {day}")
    return [(gtin, sku) for gtin, sku in rows]


def scan_codes(db_path: Path, count: int, seed: int, *, max_dried_g: float = 5) -> list[str]:
    """`count` each-GTINs drawn at random (with a fixed seed) from the products sellable on the data's day, each
    at most `max_dried_g` of dried equivalent (so that many of them fit the 30 g of one sale)."""
    codes = [gtin for gtin, _sku in sellable_items(db_path, max_dried_g=max_dried_g)]
    rng = random.Random(seed)
    return [rng.choice(codes) for _ in range(count)]


def bare_connection(db_path: Path) -> sqlite3.Connection:
    """The floor's connection: plain sqlite3 with the program's pragmas, no ORM."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        conn.execute(f"PRAGMA {pragma}")
    return conn
