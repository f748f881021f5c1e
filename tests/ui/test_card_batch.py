"""The card batch closes with the Z, over the card terminal simulator's real socket: a batch that does not match
the POS's card payments names each transaction on the Z and reaches the hub; an unreachable terminal never stops
the shift from closing."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from pos_app.domain.cash_count import counts_for
from pos_app.persistence.models import CardSettlement, SyncOutbox
from pos_app.ui.register.drawer_menu import DrawerMenu
from pos_app.ui.register.shift_dialogs import CloseShiftDialog, OpenShiftDialog, ReportDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.integration.helpers import product_codes
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired


@pytest.fixture
def till(terminal, printer, card_simulator):
    with wired(terminal, printer_url=f"tcp://127.0.0.1:{printer.port}",
               payment_url=f"socket://127.0.0.1:{card_simulator.port}") as till:
        yield till


def _open_and_sell_by_card(qtbot, cashier: Cashier, terminal) -> None:
    cashier.sign_in("1001")
    opening = cashier.wait_for_dialog(OpenShiftDialog)
    opening.counter.set_counts(DAY_FLOAT)
    with qtbot.waitSignal(cashier.register.shifts.shift_opened):
        cashier.click(opening.buttons.itemAt(1).widget())
    cashier.scan(product_codes(terminal, "edible")[0].each_gtin)
    cashier.click(cashier.button("F12"))
    cashier.attest_age()
    tender = cashier.wait_for_dialog(TenderDialog)
    with qtbot.waitSignal(cashier.register.checkout.completed, timeout=5000):
        cashier.click(tender.card_button)


def _close_shift(cashier: Cashier, till) -> ReportDialog:
    expected = till.shifts.x_report().expected_cash
    cashier.key(Qt.Key.Key_F11)
    menu = cashier.wait_for_dialog(DrawerMenu)
    cashier.click(menu.entry_buttons["Close shift"])
    closing = cashier.wait_for_dialog(CloseShiftDialog)
    closing.counter.set_counts(counts_for(expected))
    closing.confirm()
    return cashier.wait_for_dialog(ReportDialog)


def test_a_batch_that_does_not_match_names_each_transaction_on_the_z_and_to_the_hub(
        qtbot, terminal, till, printer, card_simulator):
    cashier = Cashier(qtbot, till)
    _open_and_sell_by_card(qtbot, cashier, terminal)
    sold = next(iter(card_simulator.journal))
    keyed_alone = card_simulator.standalone("sale", 1500)  # charged at the pinpad, never recorded at the POS

    z = _close_shift(cashier, till)
    report = z.report
    assert z.card_batch_notice.isVisible() and "does not match" in z.card_batch_notice.text()

    batch = report.card_batch
    assert batch is not None and not batch.balanced
    assert [(m.kind.value, m.reference) for m in batch.mismatches] == [("only_on_terminal", keyed_alone)]
    assert batch.difference.cents == 1500 and batch.pos_count == 1 and batch.terminal_count == 2
    printer_text = lambda: "\n".join(job.text for job in printer.wait_for_jobs(0, timeout=0))  # noqa: E731
    qtbot.waitUntil(lambda: "DOES NOT MATCH" in printer_text(), timeout=10_000)
    assert keyed_alone in printer_text() and sold not in printer_text().split("CARD BATCH")[-1]
    with till.session_factory() as session:
        close = session.scalars(select(CardSettlement)).one()
        sent = session.scalars(select(SyncOutbox).where(SyncOutbox.name == "card.settled.v1")).one()
    assert close.status == "settled" and close.mismatches[0]["terminal_cents"] == 1500
    args = json.loads(sent.args) if isinstance(sent.args, str) else sent.args
    assert args["mismatches"] == [{"kind": "only_on_terminal", "transaction_kind": "sale", "reference": keyed_alone,
                                   "pos_cents": None, "terminal_cents": 1500}]


def test_an_unreachable_card_terminal_still_lets_the_shift_close_and_says_so(qtbot, terminal, till, card_simulator):
    cashier = Cashier(qtbot, till)
    _open_and_sell_by_card(qtbot, cashier, terminal)
    card_simulator.stop()
    till.card_terminal.close()  # the connection the sale used dies with the terminal

    z = _close_shift(cashier, till)
    report = z.report
    assert "The card batch was not closed" in z.card_batch_notice.text()
    assert report.card_batch is None and "cannot be reached" in report.card_batch_problem
    with till.session_factory() as session:
        pending = session.scalars(select(CardSettlement)).one()
    assert pending.status == "pending", "the close stays asked for, to be asked again under the same reference"
