"""A register process for the card crash test: it takes a card payment and waits to be SIGKILLed, or, started
again, opens the real register window (offscreen) and does what a cashier would with what it shows.

    charge  --codes A,B --amount 10.00 [--reference R] [--journal-only]
        open the shift, ring up the items, attest the age, charge the card; print CHARGING <reference> before
        the request goes out and APPROVED <reference> once the sale holds it, then wait. ``--journal-only``
        stops after the journal records the approval, before the open sale does.
    recover --then finish|void
        sign in at the register window; print CHOICE <the dialog's sentence> and CARD <cents> for each card on
        the sale, then finish the sale in cash or void the cards, and print DONE <order> or VOIDED <cents>.

A line is printed only after what it reports was committed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from hardware.payments.attempts import take_payment
from hardware.ports import PaymentKind
from pos_app.bootstrap import open_terminal
from pos_app.config import load_settings
from pos_app.domain.money import Money
from pos_app.persistence.payment_attempts import SqlAttemptJournal
from pos_app.services.clock import utc_clock
from pos_app.services.staff import find_staff

FLOAT = {"20": 5, "10": 5}


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def charge(terminal, args) -> None:
    staff = find_staff(terminal.session_factory, "1001")
    if terminal.shifts.current() is None:
        terminal.shifts.open_shift(staff, FLOAT)
    sales = terminal.sales
    sales.recover(staff)
    for code in args.codes.split(","):
        sales.scan(code)
    terminal.age_checks.attest(sales, staff)
    amount = Money.of(args.amount)
    say(f"CHARGING {args.reference}")
    if args.journal_only:  # the approval reaches the journal; the process dies before the sale is saved with it
        journal = SqlAttemptJournal(terminal.session_factory, sales.sale.sale_id, utc_clock)
        take_payment(journal, terminal.card_terminal, PaymentKind.SALE, amount.cents, args.reference)
    else:
        terminal.card_payments.charge(sales, amount, args.reference)
    say(f"APPROVED {args.reference}")
    while True:
        time.sleep(1)


def recover(terminal, args) -> int:
    from PySide6.QtWidgets import QApplication

    from pos_app.ui.main_window import MainWindow
    from pos_app.ui.register.card_money_dialog import CardMoneyDialog
    from pos_app.ui.register.tender_dialog import TenderDialog
    from pos_app.ui.tasks import wait_for_background_work

    app = QApplication.instance() or QApplication([])
    window = MainWindow(terminal)
    window.show()
    window.login.signed_in.emit(find_staff(terminal.session_factory, "1001"))  # as a right PIN does
    app.processEvents()
    dialog = window.register.dialog
    if not isinstance(dialog, CardMoneyDialog):
        say(f"NO-CHOICE {type(dialog).__name__}")
        return 1
    say(f"CHOICE {dialog.lead.text()}")
    for card in dialog.cards:
        say(f"CARD {card.amount.cents}")
    outcome: list[str] = []
    flow, checkout = window.register.open_sale, window.register.checkout
    flow.cards_voided.connect(lambda cards: outcome.append(f"VOIDED {sum(c.amount.cents for c in cards)}"))
    flow.void_failed.connect(lambda message: outcome.append(f"REFUSED {message}"))
    checkout.completed.connect(lambda order: outcome.append(f"DONE {order.order_number}"))
    if args.then == "void":
        dialog.void_button.click()
    else:
        dialog.finish_button.click()
        tender = window.register.dialog
        assert isinstance(tender, TenderDialog), type(tender).__name__
        tender.exact_button.click()
    deadline = time.monotonic() + 15
    while not outcome and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    wait_for_background_work()
    say(outcome[0] if outcome else "NO-OUTCOME")
    window.close()
    return 0 if outcome and not outcome[0].startswith("REFUSED") else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.e2e.card_crash_process")
    parser.add_argument("step", choices=("charge", "recover"))
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--codes", default="")
    parser.add_argument("--amount", default="10.00")
    parser.add_argument("--reference", default="CRASH-1")
    parser.add_argument("--journal-only", action="store_true")
    parser.add_argument("--then", choices=("finish", "void"), default="finish")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    terminal = open_terminal(load_settings(args.data_dir), log_to_file=False)
    try:
        if args.step == "charge":
            charge(terminal, args)
            return 0
        return recover(terminal, args)
    finally:
        terminal.close()


if __name__ == "__main__":
    sys.exit(main())
