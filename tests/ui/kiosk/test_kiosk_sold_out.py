"""A product that sells out while it sits in a kiosk cart is flagged there, and the cart can't go to the counter
until the customer takes it off."""

from __future__ import annotations

from pos_app.services.kiosk_tickets import TicketLine


def test_a_product_sold_out_since_it_was_added_is_flagged_and_holds_the_cart_back(customer, terminal):
    customer.start()
    customer.open_category("accessories")  # no 30 g limit on what the other ticket takes
    card = customer.shown()[0]
    customer.tap_tile(0)
    customer.add_from_page()
    # Meanwhile another customer's ticket takes every one left (the same rule the register counts by).
    left = terminal.kiosk_catalog.available([card.sku])[card.sku]
    terminal.kiosk_tickets.send([TicketLine(card.sku, left)])

    customer.open_cart()
    row = customer.cart_row(card.name)
    assert row.problem.isVisible() and "sold out since you added it" in row.problem.text()
    screen = customer.window.cart_screen
    assert not screen.send_button.isEnabled() and not screen.pay_button.isEnabled()

    customer.tap(row.minus)
    assert customer.window.cart.is_empty
