"""Kiosk tickets on one terminal, no hub: sending, the list, loading by number and by QR code, claiming,
closing, and the stock the tickets hold (available = pulled − unsent local deltas − active reservations)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from pos_app.domain.staff import Role
from pos_app.persistence.models import (
    BatchTracking,
    DiscountCode,
    KioskTicket,
    OcsInventory,
    OcsInventoryReservation,
    SyncOutbox,
)
from pos_app.persistence.stock import available_on_hand
from pos_app.services.kiosk_tickets import KioskTicketService, TicketLine, TicketRefused
from pos_app.services.staff import first_staff_with_role
from tests.integration.helpers import count_rows, product_codes


def _small(terminal, form: str) -> str:
    """A SKU of `form` of at most 3.5 g dried equivalent, with at least 5 in stock."""
    for product in product_codes(terminal, form, 40):
        if product.dried_equivalent_g <= Decimal("3.5") and _stock(terminal, product.ocs_variant_number) >= 5:
            return product.ocs_variant_number
    raise AssertionError(f"the demo store has no small {form} in stock")


def _stock(terminal, sku: str, **when) -> int:
    with terminal.session_factory() as session:
        return available_on_hand(session, terminal.context.store_id, [sku], **when)[sku]


def _outbox_names(terminal) -> list[str]:
    with terminal.session_factory() as session:
        return list(session.scalars(select(SyncOutbox.name).order_by(SyncOutbox.mutation_id)))


def test_a_sent_ticket_holds_its_stock_until_it_is_rung_up(terminal):
    tickets = terminal.kiosk_tickets
    flower, roll = _small(terminal, "dried_flower"), _small(terminal, "pre_roll")
    before = {sku: _stock(terminal, sku) for sku in (flower, roll)}
    sent = tickets.send([TicketLine(flower, 2), TicketLine(roll, 1)])
    assert sent.number.startswith("K-") and len(sent.number) == 6
    assert sent.reserved_until - datetime.now(UTC) > timedelta(minutes=29)
    assert _outbox_names(terminal)[-2:] == ["kiosk_ticket.created.v1", "stock.reserved.v1"]
    assert _stock(terminal, flower) == before[flower] - 2 and _stock(terminal, roll) == before[roll] - 1
    hits = {hit.sku: hit.on_hand for hit in terminal.catalog.search(flower)}
    assert hits[flower] == before[flower] - 2, "search shows available stock, reservations taken off"

    listed = tickets.open_tickets()
    assert [(t.number, t.items) for t in listed] == [(sent.number, 3)]
    assert listed[0].total.cents > 0

    loaded = tickets.load(sent.number.replace("K-", "k "))  # typed loosely at the counter
    assert loaded.ticket_id == sent.ticket_id and not loaded.from_qr
    assert [(line.sku, line.quantity, line.sellable) for line in loaded.lines] == [(flower, 2, True), (roll, 1, True)]
    assert loaded.total == listed[0].total
    assert tickets.load(sent.qr_text).ticket_id == sent.ticket_id

    tickets.claim(sent.ticket_id)
    assert tickets.open_tickets() == []
    with pytest.raises(TicketRefused, match=f"Ticket {sent.number} was already claimed at a register"):
        tickets.load(sent.qr_text)
    order_id = uuid.uuid4()
    tickets.complete(sent.ticket_id, order_id)
    assert _stock(terminal, flower) == before[flower], "the reservation let go of the stock"
    assert _outbox_names(terminal)[-3:] == ["kiosk_ticket.claimed.v1", "kiosk_ticket.closed.v1", "stock.released.v1"]
    with terminal.session_factory() as session:
        row = session.get(KioskTicket, sent.ticket_id)
        assert (row.status, row.order_id) == ("completed", order_id)
    with pytest.raises(TicketRefused, match="was already rung up"):
        tickets.abandon(sent.ticket_id)


def test_an_abandoned_ticket_and_an_expired_reservation_hold_nothing(terminal):
    sku = _small(terminal, "dried_flower")
    before = _stock(terminal, sku)
    kept = terminal.kiosk_tickets.send([TicketLine(sku, 1)])
    dropped = terminal.kiosk_tickets.send([TicketLine(sku, 1)])
    assert kept.number != dropped.number
    assert _stock(terminal, sku) == before - 2
    terminal.kiosk_tickets.abandon(dropped.ticket_id)
    assert _stock(terminal, sku) == before - 1
    # Expiry needs no job: half an hour on, the reservation no longer counts.
    assert _stock(terminal, sku, now=kept.reserved_until + timedelta(seconds=1)) == before
    assert [t.number for t in terminal.kiosk_tickets.open_tickets()] == [kept.number]


@pytest.mark.parametrize(("cart", "sentence"), [
    ([], "The cart is empty"),
    ([TicketLine("NO-SUCH-SKU", 1)], "NO-SUCH-SKU is no longer sold here"),
])
def test_a_cart_that_cannot_go_is_refused_and_nothing_is_written(terminal, cart, sentence):
    before = count_rows(terminal, SyncOutbox), count_rows(terminal, KioskTicket)
    with pytest.raises(TicketRefused, match=sentence):
        terminal.kiosk_tickets.send(cart)
    assert (count_rows(terminal, SyncOutbox), count_rows(terminal, KioskTicket)) == before


def test_over_thirty_grams_is_refused_with_the_sales_own_sentence(terminal):
    flower = product_codes(terminal, "dried_flower", 1)[0]
    over = int(30 // flower.dried_equivalent_g) + 1
    with terminal.session_factory() as session:
        session.execute(update(BatchTracking).where(BatchTracking.sku == flower.ocs_variant_number)
                        .values(quantity_remaining=1000))
        session.commit()
    with pytest.raises(TicketRefused, match=r"the limit per sale is 30 g"):
        terminal.kiosk_tickets.send([TicketLine(flower.ocs_variant_number, over)])
    assert count_rows(terminal, OcsInventoryReservation) == 0


def test_more_than_the_store_has_is_refused(terminal):
    sku = _small(terminal, "dried_flower")
    with terminal.session_factory() as session:
        session.execute(update(OcsInventory).where(OcsInventory.sku == sku).values(quantity_on_hand=1))
        session.commit()
    with pytest.raises(TicketRefused, match="Only 1 of .* left in the store. Lower the quantity"):
        terminal.kiosk_tickets.send([TicketLine(sku, 2)])
    terminal.kiosk_tickets.send([TicketLine(sku, 1)])  # holds the last one
    with pytest.raises(TicketRefused, match="is sold out"):
        terminal.kiosk_tickets.send([TicketLine(sku, 1)])


def test_a_loaded_ticket_flags_what_sold_out_or_was_recalled_since(terminal):
    flower, roll = _small(terminal, "dried_flower"), _small(terminal, "pre_roll")
    sent = terminal.kiosk_tickets.send([TicketLine(flower, 1), TicketLine(roll, 1)])
    with terminal.session_factory() as session:
        session.execute(update(BatchTracking).where(BatchTracking.sku == roll).values(is_recalled=True))
        session.commit()
    loaded = terminal.kiosk_tickets.load(sent.qr_text)
    problems = {line.sku: line.problem for line in loaded.lines}
    assert problems[flower] is None, "its own reservation does not make a ticket's line out of stock"
    assert problems[roll].endswith("is recalled and cannot be sold.")
    assert loaded.total.cents < terminal.kiosk_tickets.open_tickets()[0].total.cents


def test_qr_codes_of_another_store_or_altered_or_too_old_are_refused(terminal):
    sku = _small(terminal, "dried_flower")
    sent = terminal.kiosk_tickets.send([TicketLine(sku, 1)])
    key = terminal.secrets.get("kiosk-ticket-key").encode()
    elsewhere = KioskTicketService(terminal.session_factory, terminal.context, b"another store's key")
    with pytest.raises(TicketRefused, match="does not match its signature"):
        elsewhere.load(sent.qr_text)
    tomorrow = KioskTicketService(terminal.session_factory, terminal.context, key,
                                  clock=lambda: datetime.now(UTC) + timedelta(hours=25))
    with pytest.raises(TicketRefused, match="more than 24 hours old"):
        tomorrow.load(sent.qr_text)
    with pytest.raises(TicketRefused, match="not a kiosk ticket"):
        terminal.kiosk_tickets.load("K1.garbage.x")
    with pytest.raises(TicketRefused, match="No kiosk ticket has the number K-9999"):
        terminal.kiosk_tickets.load("K-9999")


def test_the_codes_a_customer_entered_at_the_kiosk_go_with_the_ticket_and_the_register_applies_them(terminal):
    with terminal.session_factory.begin() as session:  # as the hub's feed would bring them
        session.add(DiscountCode(id=uuid.uuid4(), code="KIOSK1", description="Kiosk: $1 off", discount_type="fixed",
                                 discount_value=1, number=31))
        session.add(DiscountCode(id=uuid.uuid4(), code="ONCE", description="Once", discount_type="fixed",
                                 discount_value=1, number=32, usage_limit=1))
    tickets, sales = terminal.kiosk_tickets, terminal.sales
    flower = _small(terminal, "dried_flower")
    sent = tickets.send([TicketLine(flower, 1)], ("KIOSK1", "ONCE"))
    with terminal.session_factory() as session:
        created = session.scalars(select(SyncOutbox.args).where(SyncOutbox.name == "kiosk_ticket.created.v1")).one()
    assert created["codes"] == ["KIOSK1", "ONCE"]  # to the hub, and from it to every register
    assert tickets.load(sent.qr_text).codes == ("KIOSK1", "ONCE")  # offline, in the QR code
    loaded = tickets.load(sent.number)
    assert loaded.codes == ("KIOSK1", "ONCE")

    with terminal.session_factory.begin() as session:  # another till used ONCE meanwhile; the hub said so
        session.execute(update(DiscountCode).where(DiscountCode.code == "ONCE").values(usage_count=1))
    sales.start_sale(first_staff_with_role(terminal.session_factory, Role.CASHIER))
    sales.cancel_sale()
    refused = sales.load_ticket(loaded, tickets)
    assert refused == ["Code ONCE has been used all 1 times it may be. It cannot be used again."]
    assert sales.sale.promotions.codes == ("KIOSK1",)
    assert [a.name for a in sales.sale.totals.pricing.applied] == ["Kiosk: $1 off"]
    assert sales.sale.totals.promotions.cents == 100
