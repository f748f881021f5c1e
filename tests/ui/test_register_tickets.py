"""Kiosk tickets at the register, as a cashier meets them: the count on the Shift+F8 button, the list, a ticket
loaded at this register's prices with its stock checked, its QR code scanned, and the codes that load nothing.

The ticket is sent by this terminal's own ticket service (the kiosk window and a second terminal on a real hub
are in tests/ui/journeys)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from pos_app.domain import kiosk_ticket
from pos_app.domain.money import Money
from pos_app.persistence.models import (
    BatchTracking,
    KioskTicket,
    OcsInventory,
    OcsInventoryReservation,
    SyncOutbox,
)
from pos_app.secrets import KIOSK_TICKET_KEY
from pos_app.services.kiosk_tickets import TicketLine
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog, QuantityDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.register.tickets_dialog import KioskTicketsDialog
from tests.integration.helpers import sellable_products


def _row(terminal, model, key):
    with terminal.session_factory() as session:
        row = session.get(model, key)
        session.expunge_all()
        return row


def _held(terminal, ticket_id) -> list[str]:
    with terminal.session_factory() as session:
        return list(session.scalars(select(OcsInventoryReservation.status)
                                    .where(OcsInventoryReservation.ticket_id == ticket_id)))


def _accessory_with_only(terminal, units: int) -> str:
    """An accessory whose shelf holds exactly ``units``: a ticket for all of them reserves the lot."""
    from pos_app.persistence.models import Accessory

    with terminal.session_factory() as session:
        sku = session.scalar(select(Accessory.sku).join(OcsInventory, OcsInventory.sku == Accessory.sku)
                             .order_by(Accessory.sku).limit(1))
        session.execute(update(OcsInventory).where(OcsInventory.sku == sku).values(quantity_on_hand=units))
        session.commit()
    return sku


def _open_list(cashier) -> KioskTicketsDialog:
    cashier.window.activateWindow()
    cashier.qtbot.waitUntil(cashier.window.isActiveWindow, timeout=2000)
    cashier.qtbot.keyClick(cashier.window.focusWidget() or cashier.window, Qt.Key.Key_F8,
                           Qt.KeyboardModifier.ShiftModifier)
    return cashier.wait_for_dialog(KioskTicketsDialog)


def _pay_exact(cashier):
    cashier.key(Qt.Key.Key_F12)
    cashier.attest_age()
    tender = cashier.wait_for_dialog(TenderDialog)
    with cashier.qtbot.waitSignal(cashier.register.checkout.completed) as done:
        cashier.click(tender.exact_button)
    return done.args[0]


def test_a_sent_ticket_is_counted_on_its_key_and_rung_up_at_this_registers_prices(cashier, terminal):
    flower, = sellable_products(terminal, "dried_flower", 1, min_units=3)
    accessory = _accessory_with_only(terminal, 2)
    tickets, button = cashier.register.tickets, cashier.button("Shift+F8")
    assert button.text() == "Kiosk\ntickets\nShift+F8" and not tickets.badge.isVisible()
    assert button.height() >= 48 and button.width() >= 80

    with cashier.qtbot.waitSignal(tickets.count_changed, timeout=3000):
        sent = terminal.kiosk_tickets.send([TicketLine(flower.ocs_variant_number, 2), TicketLine(accessory, 2)])
    assert tickets.badge.isVisible() and tickets.badge.text() == "1"
    # The store changed the flower's price after the customer sent the cart: the register's price counts.
    new_price = Money.of(flower.price_per_unit) + Money.of("1.50")
    with terminal.session_factory() as session:
        session.execute(update(OcsInventory).where(OcsInventory.sku == flower.ocs_variant_number)
                        .values(override_price=new_price.amount))
        session.commit()

    dialog = _open_list(cashier)
    assert [t.number for t in dialog.tickets] == [sent.number]
    assert dialog.list.visualItemRect(dialog.list.item(0)).height() >= 48 and dialog.load_button.height() >= 48
    assert sent.number in dialog.list.item(0).text() and "4 items" in dialog.list.item(0).text()
    with cashier.qtbot.waitSignal(tickets.loaded):
        cashier.qtbot.keyClick(dialog.list, Qt.Key.Key_Return)  # Enter loads the ticket chosen
    assert cashier.dialog is None
    sale = cashier.till.sales.sale
    assert {line.product.sku: (line.quantity, line.product.unit_price) for line in sale.lines
            if line.product.is_cannabis} == {flower.ocs_variant_number: (2, new_price)}
    assert sale.kiosk_ticket == kiosk_ticket.TicketRef(sent.ticket_id, sent.number)
    assert not sale.stock_problems, "the two accessories held for this ticket are the ticket's own"
    assert f"Ticket {sent.number} is in the sale at this register's prices" in cashier.notice
    assert _row(terminal, KioskTicket, sent.ticket_id).status == "claimed"
    assert not tickets.badge.isVisible(), "a claimed ticket no longer waits"

    order = _pay_exact(cashier)
    ticket = _row(terminal, KioskTicket, sent.ticket_id)
    assert (ticket.status, ticket.order_id) == ("completed", order.order_id)
    assert _held(terminal, sent.ticket_id) == ["released", "released"]
    with terminal.session_factory() as session:
        queued = [(row.name, row.args.get("order_id")) for row in session.scalars(
            select(SyncOutbox).order_by(SyncOutbox.mutation_id))]
    assert [name for name, _ in queued[-5:]] == ["kiosk_ticket.claimed.v1", "age_verification.logged.v1",
                                                 "order.completed.v1", "kiosk_ticket.closed.v1", "stock.released.v1"]
    assert queued[-2][1] == str(order.order_id), "the hub learns which order rang the ticket up"


def test_a_recalled_line_is_marked_and_holds_payment_until_it_is_removed(cashier, terminal):
    kept, recalled = sellable_products(terminal, "dried_flower", 2, min_units=3)
    sent = terminal.kiosk_tickets.send([TicketLine(kept.ocs_variant_number, 1),
                                        TicketLine(recalled.ocs_variant_number, 1)])
    with terminal.session_factory() as session:
        session.execute(update(BatchTracking).where(BatchTracking.sku == recalled.ocs_variant_number)
                        .values(is_recalled=True))
        session.commit()
    dialog = _open_list(cashier)
    cashier.type(dialog.number_field, sent.number.removeprefix("K-"))  # typed from the customer's screen
    with cashier.qtbot.waitSignal(cashier.register.tickets.loaded):
        cashier.click(dialog.load_button)
    sale = cashier.till.sales.sale
    assert len(sale.lines) == 2
    [why] = sale.stock_problems.values()
    assert "recalled" in why and why in cashier.notice
    cashier.key(Qt.Key.Key_F12)
    assert cashier.dialog is None and "recalled" in cashier.notice, "no payment while a line can't be sold"
    row = next(i for i, line in enumerate(sale.lines) if line.product.sku == recalled.ocs_variant_number)
    cashier.register.panel.cart_view.selectRow(row)
    cashier.key(Qt.Key.Key_F4)
    order = _pay_exact(cashier)
    assert [line.sku for line in order.lines] == [kept.ocs_variant_number]
    assert _row(terminal, KioskTicket, sent.ticket_id).order_id == order.order_id


def test_a_scanned_qr_code_loads_its_ticket_and_bad_codes_load_nothing(cashier, terminal):
    flower, = sellable_products(terminal, "dried_flower", 1, min_units=3)
    sent = terminal.kiosk_tickets.send([TicketLine(flower.ocs_variant_number, 2)])
    key = terminal.secrets.get(KIOSK_TICKET_KEY).encode()
    cart = kiosk_ticket.decode(sent.qr_text, store_id=terminal.context.store_id, key=key, now=datetime.now(UTC))
    altered = kiosk_ticket.encode(replace(cart, lines=(TicketLine(flower.ocs_variant_number, 1),)), b"x" * 32)
    bad = {
        "made at another store": kiosk_ticket.encode(replace(cart, store_id=uuid.uuid4()), key),
        "does not match its signature": altered.rsplit(".", 1)[0] + "." + sent.qr_text.rsplit(".", 1)[1],
        "more than 24 hours old": kiosk_ticket.encode(replace(cart, ticket_id=uuid.uuid4(),
                                                              created_at=cart.created_at - timedelta(hours=25)), key),
    }
    for says, code in bad.items():
        with cashier.qtbot.waitSignal(cashier.register.tickets.refused) as refused:
            cashier.scan(code)
        assert says in refused.args[0] and refused.args[0] in cashier.notice
        assert not cashier.till.sales.has_open_sale, f"nothing is loaded from a code {says}"
    assert _row(terminal, KioskTicket, sent.ticket_id).status == "open"

    with cashier.qtbot.waitSignal(cashier.register.tickets.loaded):
        cashier.scan(sent.qr_text)
    assert [(line.product.sku, line.quantity) for line in cashier.till.sales.sale.lines] == [
        (flower.ocs_variant_number, 2)]
    cashier.scan(sent.qr_text)
    assert "A sale is on screen" in cashier.notice

    cashier.key(Qt.Key.Key_F3)  # a ticket scanned over a dialog is refused there, not lost in the sale
    quantity = cashier.wait_for_dialog(QuantityDialog)
    cashier.scan(sent.qr_text)
    assert "A kiosk ticket was scanned" in quantity.error_text
    quantity.reject()

    # Parked, the sale keeps its ticket; a second scan meanwhile finds it taken.
    cashier.key(Qt.Key.Key_F8)
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.click(cashier.wait_for_dialog(ParkedSalesDialog).park_button)
    with cashier.qtbot.waitSignal(cashier.register.tickets.refused) as refused:
        cashier.scan(sent.qr_text)
    assert f"Ticket {sent.number} was already claimed at a register" in refused.args[0]
    cashier.key(Qt.Key.Key_F8)
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.click(cashier.wait_for_dialog(ParkedSalesDialog).resume_button)
    assert cashier.till.sales.sale.kiosk_ticket.number == sent.number

    # The customer wants none of it after all: emptying the cart abandons the ticket and frees its stock.
    cashier.key(Qt.Key.Key_F4)
    assert not cashier.till.sales.has_open_sale
    assert f"Ticket {sent.number} is cancelled" in cashier.notice
    assert _row(terminal, KioskTicket, sent.ticket_id).status == "abandoned"
    assert _held(terminal, sent.ticket_id) == ["released"]


def test_the_list_says_when_nothing_waits_and_a_typed_number_that_is_no_ticket_is_refused(cashier):
    dialog = _open_list(cashier)
    assert "No kiosk tickets are waiting" in dialog.lead.text() and not dialog.load_button.isEnabled()
    cashier.type(dialog.number_field, "K-0427")
    cashier.click(dialog.load_button)
    assert "No kiosk ticket has the number K-0427" in dialog.error_text
    assert cashier.dialog is dialog and not cashier.till.sales.has_open_sale
