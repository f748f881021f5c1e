"""A benchmark's own terminal: a private copy of the cached data, opened the way the program opens it."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

from tests.perf.datagen import pins, terminal_copy
from tests.perf.sizes import Size

CASHIER = "1001"


def open_bench_terminal(size: Size, name: str, progress: Callable[[str], None]):
    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings

    folder = terminal_copy(size, name, progress)
    return open_terminal(load_settings(folder), log_to_file=False)


def cashier(terminal):
    from pos_app.services.staff import find_staff

    staff = find_staff(terminal.session_factory, CASHIER)
    assert staff is not None, f"the demo store has no staff {CASHIER}"
    return staff


def manager_code(folder: Path) -> str:
    return next(code for code, (role, _pin) in pins(folder).items() if role in ("manager", "admin"))


def scan_codes(db_path: Path, count: int, seed: int) -> list[str]:
    """Each-GTINs of active, in-stock products light enough that five fit under the 30 g limit."""
    with sqlite3.connect(db_path) as conn:
        codes = [row[0] for row in conn.execute(
            "SELECT p.each_gtin FROM ocs_product_catalog p JOIN ocs_inventory i ON i.sku = p.ocs_variant_number "
            "WHERE p.is_active AND i.quantity_on_hand > 20 AND p.each_gtin IS NOT NULL "
            "AND CAST(p.dried_equivalent_g AS REAL) <= 5 ORDER BY p.ocs_variant_number")]
    rng = random.Random(seed)
    return [rng.choice(codes) for _ in range(count)]


def bare_connection(db_path: Path) -> sqlite3.Connection:
    """The floor's connection: plain sqlite3 with the program's pragmas, no ORM."""
    conn = sqlite3.connect(db_path, isolation_level=None)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=5000"):
        conn.execute(f"PRAGMA {pragma}")
    return conn
