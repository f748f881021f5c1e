"""A headless terminal process for crash and convergence tests: it sells (and sometimes refunds) while its
sync runner pushes and pulls, and says what it did on stdout, one line per fact, flushed at once:

    READY · BEGIN <n> · DONE <order number> · REFUND <order number> · SYNC <phase> <done>/<total> · SETTLED

A line is printed only after its transaction committed, so whatever a harness read survived a SIGKILL.
"""

from __future__ import annotations

import argparse
import random
import sys
import threading
import time
from pathlib import Path

from pos_app.bootstrap import open_terminal
from pos_app.config import load_settings
from pos_app.domain.money import Money
from pos_app.services.refunds import RefundService
from pos_app.services.selling import SaleService
from pos_app.services.staff import find_staff
from pos_app.services.sync_service import SyncService

_print_lock = threading.Lock()


def say(line: str) -> None:
    with _print_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


class Markers:
    def progress(self, phase: str, done: int, total: int) -> None:
        say(f"SYNC {phase} {done}/{total}")

    def status_changed(self, status) -> None:
        pass

    def alert(self, message: str) -> None:
        say(f"ALERT {message}")


def _sell_one(sales: SaleService, age_checks, staff, codes: list[str], rng: random.Random):
    sales.start_sale(staff)
    for _ in range(rng.randint(1, 2)):
        sales.scan(rng.choice(codes))
    age_checks.attest(sales, staff)  # the cashier checked the customer's ID, as the law asks
    sales.tender_cash(Money.of(sales.totals().total.amount + 20))
    return sales.complete()


def _refund_one(refunds: RefundService, staff, order) -> None:
    line = order.lines[0]
    refunds.refund(order.order_number, {line.line_id: line.quantity}, staff=staff, approver=staff)
    say(f"REFUND {order.order_number}")


def run(args: argparse.Namespace) -> None:
    terminal = open_terminal(load_settings(args.data_dir), log_to_file=False)
    sync = SyncService(terminal.engine, terminal.session_factory, terminal.secrets, hub_timeout=args.hub_timeout)
    sync.listeners.add(Markers())
    runner = sync.runner(push_interval=0.05, long_poll=1.0, backoff_cap=args.backoff_cap)
    runner.start()
    say("READY")
    rng = random.Random(args.seed)
    staff = find_staff(terminal.session_factory, "1001")
    manager = find_staff(terminal.session_factory, args.manager) or staff
    # Sales as facts, past the till's own stock: three of these sell the same scarce stock into oversells.
    sales = SaleService(terminal.session_factory, terminal.context, stock_checks=False)
    refunds = RefundService(terminal.session_factory)
    codes = args.codes.split(",")
    sold = []
    for number in range(args.sales):
        say(f"BEGIN {number}")
        order = _sell_one(sales, terminal.age_checks, staff, codes, rng)
        say(f"DONE {order.order_number}")
        sold.append(order)
        if args.refund_share and rng.random() < args.refund_share:
            _refund_one(refunds, manager, sold.pop(rng.randrange(len(sold))))
        time.sleep(args.pause)
    deadline = time.monotonic() + args.settle
    while sync.overview().pending and time.monotonic() < deadline:
        time.sleep(0.05)
    if not sync.overview().pending:
        _pull_until_answered(sync, deadline)
        say("SETTLED")
    while args.linger:
        time.sleep(1)
    runner.stop()
    terminal.close()


def _pull_until_answered(sync, deadline: float) -> None:
    """The last pull, as the sync worker would make it: an answer lost to a network still flapping for the other
    terminals is asked again, until the settle time is up."""
    from sync.client.errors import HubUnreachable

    while True:
        try:
            sync.engine.pull()
            return
        except HubUnreachable:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.terminal_process")
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--codes", required=True, help="comma-separated product codes to sell from")
    parser.add_argument("--sales", type=int, default=0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--refund-share", type=float, default=0.0)
    parser.add_argument("--manager", default="2001")
    parser.add_argument("--settle", type=float, default=30.0)
    parser.add_argument("--linger", action="store_true")
    parser.add_argument("--hub-timeout", type=float, default=10.0)
    parser.add_argument("--backoff-cap", type=float, default=0.5)
    run(parser.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
