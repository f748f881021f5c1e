"""The end-of-day batch close over real frames: totals and every transaction read back, one batch per reference."""

from __future__ import annotations

import pytest

from hardware.payments.driver import PosLinkTerminal
from hardware.payments.link import PaymentNotSent, PaymentOutcomeUnknown
from hardware.payments.messages import ENTRIES_PER_FRAME
from hardware.ports import PaymentKind
from hardware.simulators.payment_terminal import PaymentTerminalSimulator, run_command


@pytest.fixture
def terminal(card_simulator):
    terminal = PosLinkTerminal(f"socket://127.0.0.1:{card_simulator.port}", ack_timeout_s=0.3,
                               response_timeout_s=1.0, query_timeout_s=1.0, settle_timeout_s=1.0)
    yield terminal
    terminal.close()


def test_the_batch_holds_every_approval_and_closes_once(card_simulator: PaymentTerminalSimulator, terminal):
    card_simulator.script("approve", "decline", "approve", "approve")
    terminal.sale("S1", 1999)
    terminal.sale("S2", 500)  # declined: not in the batch
    terminal.sale("S3", 2500)
    terminal.refund("R1", 700)
    terminal.sale("S4", 100)
    terminal.void("S4")  # reversed: not in the batch

    batch = terminal.settle("B1")

    assert (batch.batch_number, batch.sale_count, batch.sale_cents, batch.refund_count, batch.refund_cents) == (
        1, 2, 4499, 1, 700)
    assert batch.net_cents == 3799
    assert {(e.kind, e.reference, e.approved_cents) for e in batch.entries} == {
        (PaymentKind.SALE, "S1", 1999), (PaymentKind.SALE, "S3", 2500), (PaymentKind.REFUND, "R1", 700)}
    assert terminal.settle("B1") == batch, "the same reference must answer the same batch, not close another"
    terminal.sale("S5", 300)
    second = terminal.settle("B2")
    assert (second.batch_number, [e.reference for e in second.entries]) == (2, ["S5"])


def test_a_long_batch_is_read_back_a_page_at_a_time(card_simulator, terminal):
    count = ENTRIES_PER_FRAME * 2 + 7
    # Keyed on the terminal so the test need not wait for a hundred pinpad round trips.
    references = [card_simulator.standalone("sale", 100 + number) for number in range(count)]
    batch = terminal.settle("LONG")
    assert len(batch.entries) == count == batch.sale_count
    assert [e.reference for e in batch.entries] == references
    assert batch.sale_cents == sum(100 + number for number in range(count))


def test_the_control_port_adds_what_the_pos_never_saw_and_loses_what_it_did(card_simulator, terminal):
    terminal.sale("S1", 1000)
    terminal.sale("S2", 2000)
    reference = run_command(card_simulator, "standalone sale 1500")
    assert run_command(card_simulator, "lose S2") == "ok"
    assert run_command(card_simulator, "standalone gift 10").startswith("'gift' is not a valid")
    batch = terminal.settle("B1")
    assert sorted(e.reference for e in batch.entries) == sorted(["S1", reference])


def test_an_unreachable_terminal_closes_no_batch_and_says_so(card_simulator):
    card_simulator.stop()
    terminal = PosLinkTerminal(f"socket://127.0.0.1:{card_simulator.port}", ack_timeout_s=0.2,
                               settle_timeout_s=0.3)
    with pytest.raises(PaymentNotSent) as error:
        terminal.settle("B1")
    assert "cannot be reached" in str(error.value)
    terminal.close()


def test_a_listing_that_does_not_add_up_is_refused(card_simulator, terminal, monkeypatch):
    terminal.sale("S1", 1000)
    real = card_simulator.close_batch

    def short_totals(reference):
        import dataclasses
        return dataclasses.replace(real(reference), sale_cents=999)

    monkeypatch.setattr(card_simulator, "close_batch", short_totals)
    with pytest.raises(PaymentOutcomeUnknown, match="does not add up"):
        terminal.settle("B1")
