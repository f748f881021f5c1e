"""The register process is SIGKILLed after a card approval and before the sale completes; started again, it
opens on the sale with the card payment and asks to finish it or void it, and no money is lost either way.

The card terminal simulator runs here, on a real socket; the register runs in its own process
(tests/e2e/card_crash_process.py), the second time with its real window, offscreen.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from sqlalchemy import func, select

from hardware.ports import PaymentStatus
from pos_app.persistence.models import OpenSale, Order, PaymentAttempt, PaymentTransaction
from tests.e2e.harness import REPO, TerminalProcess
from tests.integration.helpers import product_codes


def _start(terminal, card_simulator, *args: str) -> TerminalProcess:
    env = {**os.environ, "POS_APP_KEYRING": "file", "QT_QPA_PLATFORM": "offscreen",
           "POS_APP_PAYMENT_URL": f"socket://127.0.0.1:{card_simulator.port}"}
    command = [sys.executable, "-m", "tests.e2e.card_crash_process", *args,
               "--data-dir", str(terminal.settings.data_dir)]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env)
    started = TerminalProcess(process)
    threading.Thread(target=started._read, daemon=True).start()
    return started


def _charge_then_kill(terminal, card_simulator, *extra: str, answered: bool = True) -> None:
    codes = ",".join(p.each_gtin for p in product_codes(terminal, "dried_flower", 2))
    register = _start(terminal, card_simulator, "charge", "--codes", codes, "--amount", "10.00", *extra)
    try:
        assert register.wait_for("CHARGING", 60), register.stderr()
        if answered:
            assert register.wait_for("APPROVED", 30), register.stderr()
        else:  # killed while the terminal has approved but not answered yet
            assert card_simulator.wait_for_status("CRASH-1", PaymentStatus.APPROVED, timeout=10)
    finally:
        register.kill()  # SIGKILL: no close, no clean-up
    assert card_simulator.captured_cents() == 1000, "the customer's card was charged"


def _recover(terminal, card_simulator, then: str) -> TerminalProcess:
    register = _start(terminal, card_simulator, "recover", "--then", then)
    assert register.finish(90) == 0, (register.lines, register.stderr())
    (choice,) = register.seen("CHOICE ")
    assert "The register stopped before this sale was finished, after $10.00 had been taken by card" in choice
    assert register.seen("CARD ") == ["CARD 1000"]
    return register


def _no_money_lost(terminal, card_simulator) -> None:
    """What the card terminal holds is exactly what completed orders were paid by card, and nothing is left
    approved without a sale."""
    with terminal.session_factory() as session:
        paid = session.scalar(select(func.coalesce(func.sum(PaymentTransaction.amount), 0)).join(
            Order, Order.id == PaymentTransaction.order_id).where(PaymentTransaction.payment_method == "card",
                                                                  Order.status == "completed"))
    assert card_simulator.captured_cents() == round(paid * 100)
    assert terminal.card_recovery.unsettled() == []


@pytest.mark.parametrize("then", ["finish", "void"])
def test_killed_after_a_card_approval_the_register_reopens_on_the_sale_and_asks(terminal, card_simulator, then):
    _charge_then_kill(terminal, card_simulator)
    with terminal.session_factory() as session:
        attempt = session.scalars(select(PaymentAttempt)).one()
        saved = session.scalars(select(OpenSale)).one()
        assert session.scalar(select(func.count()).select_from(Order)) == 0
    assert attempt.status == "approved" and saved.sale_id == attempt.sale_id
    assert [t["reference"] for t in saved.snapshot["tenders"]] == ["CRASH-1"]

    register = _recover(terminal, card_simulator, then)
    with terminal.session_factory() as session:
        orders = session.scalars(select(Order)).all()
        attempt = session.scalars(select(PaymentAttempt)).one()
        saved = session.scalars(select(OpenSale)).one_or_none()
    if then == "finish":
        (order,) = orders
        assert register.seen("DONE ") == [f"DONE {order.order_number}"]
        assert order.id == attempt.sale_id and saved is None
        assert card_simulator.captured_cents() == 1000
    else:
        assert register.seen("VOIDED ") == ["VOIDED 1000"]
        assert orders == [] and attempt.status == "voided"
        assert card_simulator.captured_cents() == 0
        assert saved is not None and saved.snapshot["tenders"] == [] and saved.snapshot["lines"]
    _no_money_lost(terminal, card_simulator)


def test_killed_after_the_journal_heard_of_the_approval_but_before_the_sale_was_saved(terminal, card_simulator):
    _charge_then_kill(terminal, card_simulator, "--journal-only")
    with terminal.session_factory() as session:
        saved = session.scalars(select(OpenSale)).one()
    assert saved.snapshot["tenders"] == [], "the card had not reached the saved sale"
    register = _recover(terminal, card_simulator, "finish")
    assert register.seen("DONE ")
    _no_money_lost(terminal, card_simulator)


def test_killed_while_the_terminal_was_answering_the_approval_is_found_and_voided(terminal, card_simulator):
    card_simulator.script("slow:8")
    _charge_then_kill(terminal, card_simulator, answered=False)
    with terminal.session_factory() as session:
        assert session.scalars(select(PaymentAttempt)).one().status == "pending"
    register = _recover(terminal, card_simulator, "void")
    assert register.seen("VOIDED ") == ["VOIDED 1000"]
    _no_money_lost(terminal, card_simulator)
