"""Kiosk tickets at the register: a QR code decoded and its cart loaded, and a ticket sent through the hub.

- QR: codes signed as a kiosk signs them (`pos_app.domain.kiosk_ticket.encode`, the store's key), loaded with
  `KioskTicketService.load(qr_text)` on a register that has never heard of the ticket (the offline path: decode,
  check, re-price every line at the register's prices, stock and lots). Floor: the domain's decode alone plus a
  plain sqlite3 SELECT of the lines' catalog rows.
- Through the hub: two terminals paired to `pos-hub serve` on PostgreSQL. The kiosk's KioskTicketService.send and
  one SyncEngine.push; the register's SyncRunner (long-poll pull) until its open_tickets() lists the number.
"""

from __future__ import annotations

import random
import time
import uuid
from datetime import timedelta

from tests.perf.stats import ms_since, now
from tests.perf.terminal_env import bare_connection, sellable_items

LINES = (1, 2, 3, 4, 5)  # lines per ticket, drawn at random: a kiosk cart


def ticket_lines(db_path, count: int, seed: int) -> list[list[tuple[str, int]]]:
    """`count` carts of in-stock products, light enough to stay under 30 g, one unit each."""
    skus = [sku for _gtin, sku in sellable_items(db_path)]
    rng = random.Random(seed)
    return [[(sku, 1) for sku in rng.sample(skus, rng.choice(LINES))] for _ in range(count)]


def qr_codes(terminal, carts, clock) -> list[str]:
    """Codes as the kiosk's send makes them: this store, a ticket number, the lines, signed with the store key."""
    from pos_app.domain import kiosk_ticket as codes
    from pos_app.secrets import KIOSK_TICKET_KEY

    key = terminal.secrets.get_or_create(KIOSK_TICKET_KEY).encode()
    made = clock() - timedelta(minutes=5)
    return [codes.encode(codes.TicketCart(terminal.context.store_id, f"K-9{n % 1000:03d}", uuid.uuid4(),
                                          tuple(codes.TicketLine(sku, q) for sku, q in lines), made), key)
            for n, lines in enumerate(carts)]


def timed_qr_loads(terminal, qr_texts, clock) -> tuple[list[float], int]:
    from pos_app.secrets import KIOSK_TICKET_KEY
    from pos_app.services.kiosk_tickets import KioskTicketService

    service = KioskTicketService(terminal.session_factory, terminal.context,
                                 terminal.secrets.get(KIOSK_TICKET_KEY).encode(), clock=clock)
    samples, flagged = [], 0
    for text in qr_texts:
        started = now()
        loaded = service.load(text)
        samples.append(ms_since(started))
        flagged += sum(not line.sellable for line in loaded.lines)
    return samples, flagged


def bare_qr_loads(terminal, qr_texts, clock) -> list[float]:
    from pos_app.domain import kiosk_ticket as codes
    from pos_app.secrets import KIOSK_TICKET_KEY

    key = terminal.secrets.get(KIOSK_TICKET_KEY).encode()
    conn = bare_connection(terminal.settings.db_path)
    samples = []
    for text in qr_texts:
        started = now()
        cart = codes.decode(text, store_id=terminal.context.store_id, key=key, now=clock())
        skus = [line.sku for line in cart.lines]
        conn.execute(f"SELECT ocs_variant_number, product_name, price_per_unit FROM ocs_product_catalog "
                     f"WHERE ocs_variant_number IN ({','.join('?' * len(skus))})", skus).fetchall()
        samples.append(ms_since(started))
    conn.close()
    return samples


def ticket_delays(kiosk, register, carts, budget_s: float, progress) -> list[float]:
    """Seconds from the kiosk's send until the register lists the ticket, one per cart.

    Each ticket is then abandoned at the register (untimed), so its list stays as short as a store's.
    """
    from pos_app.services.kiosk_tickets import TicketLine

    sender, counter = kiosk.terminal.kiosk_tickets, register.terminal.kiosk_tickets
    runner = register.sync.runner()
    runner.start()
    try:
        time.sleep(1.0)  # the register's long-poll is in place, as on a till that has been up a while
        delays = []
        for lines in carts:
            started = now()
            sent = sender.send([TicketLine(sku, quantity) for sku, quantity in lines])
            kiosk.sync.engine.push()
            while not any(t.number == sent.number for t in counter.open_tickets()):
                if now() - started > budget_s:
                    raise RuntimeError(f"the register did not list ticket {sent.number} within {budget_s:.0f} s")
                time.sleep(0.01)
            delays.append(now() - started)
            counter.abandon(sent.ticket_id)
        progress(f"tickets: {len(delays)} seen at the register")
        return delays
    finally:
        runner.stop()


def paired_pair(hub, size, progress):
    """A kiosk and a register, both paired to `hub` and holding the store's catalog and ticket key."""
    from tests.perf.bench_sync import bootstrap, paired_copy
    from tests.perf.datagen import WORK_DIR

    _seconds, fresh = bootstrap(hub, WORK_DIR / "kiosk_fresh", progress)
    fresh.close()
    kiosk = paired_copy(hub, WORK_DIR / "kiosk_fresh", "kiosk_till", 41)
    try:
        register = paired_copy(hub, WORK_DIR / "kiosk_fresh", "kiosk_register", 42)
    except BaseException:
        kiosk.close()
        raise
    return kiosk, register
