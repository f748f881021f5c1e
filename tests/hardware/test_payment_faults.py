"""Every fault the terminal simulator can play: no double charge, no lost approval, no orphan attempt."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from hardware.payments.attempts import Outcome, recover_pending, take_payment
from hardware.payments.driver import PosLinkTerminal
from hardware.payments.journal import DuplicateReference, SqliteAttemptJournal
from hardware.payments.link import PaymentError, PaymentNotSent, PaymentOutcomeUnknown
from hardware.ports import PaymentKind, PaymentStatus, PaymentTerminal
from hardware.simulators.payment_terminal import PaymentTerminalSimulator

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def journal(tmp_path):
    journal = SqliteAttemptJournal(tmp_path / "attempts.db")
    yield journal
    journal.close()


@pytest.fixture
def terminal(card_simulator):
    terminal = PosLinkTerminal(
        f"socket://127.0.0.1:{card_simulator.port}",
        ack_timeout_s=0.3,
        response_timeout_s=1.0,
        query_timeout_s=1.0,
    )
    yield terminal
    terminal.close()


def assert_books_balance(journal: SqliteAttemptJournal, sim: PaymentTerminalSimulator) -> None:
    """No orphan attempt, no lost approval, no double charge."""
    assert journal.pending() == []
    for reference, txn in sim.journal.items():
        known = journal.status_of(reference)
        assert known is not None, f"the terminal holds {reference}, which the POS never recorded"
        if txn.status in (PaymentStatus.APPROVED, PaymentStatus.PARTIAL):
            assert known is txn.status, f"approval {reference} lost: the POS thinks {known}"
    assert sim.captured_cents() == sum(
        txn.approved_cents for txn in sim.journal.values() if txn.status.charged and txn.kind == "sale"
    )


@pytest.mark.parametrize(
    ("outcome", "status", "approved"),
    [
        ("approve", PaymentStatus.APPROVED, 2500),
        ("decline", PaymentStatus.DECLINED, 0),
        ("partial:1000", PaymentStatus.PARTIAL, 1000),
        ("cancel", PaymentStatus.CANCELLED, 0),
        ("garble", PaymentStatus.APPROVED, 2500),  # damaged answer: NAKed, sent again
        ("nak_storm:2", PaymentStatus.APPROVED, 2500),  # two NAKs, the third try gets through
        ("timeout:0.3", PaymentStatus.TIMEOUT, 0),  # the customer never taps; the terminal gives up first
    ],
)
def test_answered_outcomes(card_simulator, terminal, journal, outcome, status, approved):
    card_simulator.script(outcome)
    result = take_payment(journal, terminal, PaymentKind.SALE, 2500, reference="SALE-1")
    assert (result.status, result.approved_cents) == (status, approved)
    assert (result.last4 == "4242") == status.charged
    assert result.message.endswith(".")
    assert journal.status_of("SALE-1") is status
    assert_books_balance(journal, card_simulator)


def test_nak_storm_gives_up_after_three_naks_and_charges_nothing(card_simulator, terminal, journal):
    card_simulator.script("nak_storm:3")
    result = take_payment(journal, terminal, PaymentKind.SALE, 2500, reference="SALE-NAK")
    assert result.status is PaymentStatus.ERROR
    assert "three times" in result.message
    assert "SALE-NAK" not in card_simulator.journal
    assert [f.command for f in card_simulator.frames_received] == ["SALE"] * 3
    assert_books_balance(journal, card_simulator)


def test_drop_after_approving_is_found_by_status_not_charged_again(card_simulator, terminal, journal):
    card_simulator.script("drop_after_approve")
    result = take_payment(journal, terminal, PaymentKind.SALE, 4200, reference="SALE-DROP")
    assert result.status is PaymentStatus.APPROVED and result.last4 == "4242"
    assert card_simulator.journal["SALE-DROP"].charge_requests == 1
    assert [f.command for f in card_simulator.frames_received] == ["SALE", "STATUS"]
    assert_books_balance(journal, card_simulator)


def test_slow_answer_past_the_timeout_is_resolved_by_status(card_simulator, terminal, journal):
    card_simulator.script("slow:3")
    result = take_payment(journal, terminal, PaymentKind.SALE, 1500, reference="SALE-SLOW")
    assert result.status is PaymentStatus.APPROVED
    assert card_simulator.captured_cents() == 1500
    assert_books_balance(journal, card_simulator)


def test_slow_answer_within_the_timeout_just_arrives(card_simulator, terminal, journal):
    card_simulator.script("slow:0.2")
    result = take_payment(journal, terminal, PaymentKind.SALE, 1500, reference="SALE-SLOW2")
    assert result.status is PaymentStatus.APPROVED
    assert [f.command for f in card_simulator.frames_received] == ["SALE"]
    assert_books_balance(journal, card_simulator)


def test_terminal_timeout_while_customer_waits_stays_pending_then_recovers(card_simulator, terminal, journal):
    card_simulator.script("timeout:1.5")  # longer than the driver waits
    result = take_payment(journal, terminal, PaymentKind.SALE, 900, reference="SALE-WAIT")
    assert result.status is PaymentStatus.PENDING
    assert [a.reference for a in journal.pending()] == ["SALE-WAIT"]
    assert card_simulator.wait_for_status("SALE-WAIT", PaymentStatus.TIMEOUT, timeout=5)
    (recovery,) = recover_pending(journal, terminal)
    assert (recovery.outcome, recovery.result.status) == (Outcome.RESOLVED, PaymentStatus.TIMEOUT)
    assert_books_balance(journal, card_simulator)


def test_pos_cancel_stops_the_sale_waiting_at_the_pinpad(card_simulator, journal):
    card_simulator.script("timeout:5")
    terminal = PosLinkTerminal(
        f"socket://127.0.0.1:{card_simulator.port}", ack_timeout_s=0.3, response_timeout_s=5
    )
    try:
        results = []
        paying = threading.Thread(
            target=lambda: results.append(take_payment(journal, terminal, PaymentKind.SALE, 700, "SALE-CXL"))
        )
        paying.start()
        deadline = time.monotonic() + 3
        while "SALE-CXL" not in card_simulator.journal and time.monotonic() < deadline:
            time.sleep(0.01)
        terminal.cancel()
        paying.join(5)
    finally:
        terminal.close()
    assert results[0].status is PaymentStatus.CANCELLED
    assert_books_balance(journal, card_simulator)


def test_the_same_reference_sent_twice_charges_once(card_simulator, terminal):
    first = terminal.sale("SALE-TWICE", 1234)
    second = terminal.sale("SALE-TWICE", 1234)
    assert first.status is second.status is PaymentStatus.APPROVED
    assert first.auth_code == second.auth_code
    assert card_simulator.journal["SALE-TWICE"].charge_requests == 2
    assert card_simulator.captured_cents() == 1234


def test_a_reference_is_never_reused_by_the_journal(card_simulator, terminal, journal):
    take_payment(journal, terminal, PaymentKind.SALE, 100, reference="ONCE")
    with pytest.raises(DuplicateReference):
        take_payment(journal, terminal, PaymentKind.SALE, 100, reference="ONCE")
    assert card_simulator.journal["ONCE"].charge_requests == 1


def test_refund_and_void(card_simulator, terminal, journal):
    sale = take_payment(journal, terminal, PaymentKind.SALE, 5000, reference="S-1")
    refund = take_payment(journal, terminal, PaymentKind.REFUND, 2000, reference="R-1")
    assert (sale.status, refund.status) == (PaymentStatus.APPROVED, PaymentStatus.APPROVED)
    assert card_simulator.captured_cents() == 3000
    assert terminal.void("S-1").status is PaymentStatus.VOIDED
    assert terminal.void("S-1").status is PaymentStatus.VOIDED  # twice is harmless
    assert terminal.status("S-1").status is PaymentStatus.VOIDED
    assert terminal.status("NEVER-SENT").status is PaymentStatus.NOT_FOUND
    assert card_simulator.captured_cents() == -2000


def test_terminal_switched_off_means_not_sent(journal):
    sim = PaymentTerminalSimulator(port=0)
    port = sim.start()
    sim.stop()
    terminal = PosLinkTerminal(f"socket://127.0.0.1:{port}")
    result = take_payment(journal, terminal, PaymentKind.SALE, 100, reference="OFF-1")
    assert result.status is PaymentStatus.ERROR and "cannot be reached" in result.message
    assert journal.pending() == []
    with pytest.raises(PaymentNotSent):
        terminal.status("OFF-1")


def test_bad_references_and_amounts_are_refused_before_sending(card_simulator, terminal):
    assert isinstance(terminal, PaymentTerminal)
    with pytest.raises(PaymentError, match="reference"):
        terminal.sale("no spaces allowed", 100)
    with pytest.raises(PaymentError, match="positive"):
        terminal.sale("OK-1", 0)
    assert card_simulator.frames_received == []


def test_recovery_can_void_an_approval_whose_sale_is_gone(card_simulator, journal):
    card_simulator.script("slow:5")
    terminal = PosLinkTerminal(
        f"socket://127.0.0.1:{card_simulator.port}", ack_timeout_s=0.3, response_timeout_s=0.3
    )
    try:
        # The attempt was written, the terminal approved, and the POS never heard back (and its sale was then
        # abandoned, say): recovery must reverse the charge.
        journal.record_pending("GONE-1", PaymentKind.SALE, 800)
        with pytest.raises(PaymentOutcomeUnknown):
            terminal.sale("GONE-1", 800)
        assert [a.reference for a in journal.pending()] == ["GONE-1"]
        (recovery,) = recover_pending(journal, terminal, keep_approval=lambda attempt, result: False)
    finally:
        terminal.close()
    assert (recovery.outcome, recovery.result.status) == (Outcome.VOIDED, PaymentStatus.VOIDED)
    assert card_simulator.captured_cents() == 0
    assert journal.pending() == []


CLIENT = textwrap.dedent(
    """
    import sys
    from hardware.payments.attempts import take_payment
    from hardware.payments.driver import PosLinkTerminal
    from hardware.payments.journal import SqliteAttemptJournal
    from hardware.ports import PaymentKind

    journal = SqliteAttemptJournal(sys.argv[1])
    terminal = PosLinkTerminal(sys.argv[2], response_timeout_s=60)
    print("paying", flush=True)
    take_payment(journal, terminal, PaymentKind.SALE, 3456, reference="KILLED-1")
    print("finished", flush=True)
    """
)


@pytest.mark.parametrize("keep", [True, False])
def test_client_killed_after_approval_recovers_it_on_restart(card_simulator, tmp_path, keep):
    card_simulator.script("slow:30")  # approved at once; the answer would take 30 s
    path = tmp_path / "attempts.db"
    url = f"socket://127.0.0.1:{card_simulator.port}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    client = subprocess.Popen(
        [sys.executable, "-c", CLIENT, str(path), url], env=env, stdout=subprocess.PIPE, text=True
    )
    try:
        assert client.stdout.readline().strip() == "paying"
        assert card_simulator.wait_for_status("KILLED-1", PaymentStatus.APPROVED, timeout=10)
    finally:
        client.send_signal(signal.SIGKILL)
        client.wait(timeout=5)
        client.stdout.close()
    assert client.returncode == -signal.SIGKILL

    # The restarted POS finds the attempt it wrote before sending, and asks about that same reference.
    journal = SqliteAttemptJournal(path)
    terminal = PosLinkTerminal(url, ack_timeout_s=0.5, query_timeout_s=2)
    try:
        assert [(a.reference, a.amount_cents) for a in journal.pending()] == [("KILLED-1", 3456)]
        (recovery,) = recover_pending(journal, terminal, keep_approval=lambda attempt, result: keep)
        assert recovery.outcome is (Outcome.COMPLETED if keep else Outcome.VOIDED)
        assert recovery.result.status is (PaymentStatus.APPROVED if keep else PaymentStatus.VOIDED)
        assert journal.pending() == []
        assert card_simulator.journal["KILLED-1"].charge_requests == 1
        assert card_simulator.captured_cents() == (3456 if keep else 0)
        assert [f.command for f in card_simulator.frames_received].count("SALE") == 1
        assert_books_balance(journal, card_simulator)
    finally:
        terminal.close()
        journal.close()
