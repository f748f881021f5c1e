"""A customer's way through the kiosk: age gate, flower filtered by indica and THC, two in the cart, a beverage
that would go past 30 g refused with the domain's sentence, and the cart sent to the counter as a ticket."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from pos_app.domain.equivalency import POSSESSION_LIMIT_GRAMS
from pos_app.domain.errors import PossessionLimitExceeded


def _grams(customer) -> Decimal:
    return customer.window.cart.totals.dried_equivalent_grams


def test_attract_age_gate_filters_cart_limit_and_send_to_counter(customer, tickets):
    window = customer.window
    customer.start()
    shown = customer.browse_filtered("flower", {"Strain type": "Indica", "THC at least": "20 %", "Size": "14 g"})
    assert shown, "the demo store has indica flower of 20 % THC or more"
    assert all(card.strain == "Indica" and card.in_stock and card.size == "14 g" for card in shown)
    catalog = {card.sku: card for card in shown}
    for card in shown:  # the label's upper figure is at least 20 %
        assert Decimal(card.thc.split("–")[-1].removesuffix(" %")) >= 20, card.thc

    # Two of them (two products, or the one twice when only one is in stock): 28 g of the 30 g.
    picks = [0, 1] if len(shown) > 1 else [0, 0]
    for row in picks:
        customer.tap_tile(row)
        customer.add_from_page()
        assert "Added" in customer.notice
        customer.back_to_products()
    assert _grams(customer) == Decimal(28)
    assert window.cart_bar.meter.text() == "28 g of 30 g"

    # A drink counts 355 / 570 g: three fit, the fourth would be over the limit.
    customer.open_category("beverages")
    drinks = customer.shown()
    row = next(i for i, card in enumerate(drinks) if card.available >= 4)
    customer.tap_tile(row)
    customer.add_from_page()
    customer.open_cart()
    drink = customer.cart_row(drinks[row].name)
    customer.tap(drink.plus)
    customer.tap(customer.cart_row(drinks[row].name).plus)
    held = _grams(customer)
    assert held <= POSSESSION_LIMIT_GRAMS
    customer.tap(customer.cart_row(drinks[row].name).plus)
    expected = str(PossessionLimitExceeded(held + drinks[row].dried_equivalent_g, POSSESSION_LIMIT_GRAMS))
    assert customer.notice == expected
    assert _grams(customer) == held, "a refused change leaves the cart as it was"
    assert customer.cart_row(drinks[row].name).quantity.text() == "3"
    totals = window.cart.totals
    assert window.cart_screen.totals.total_label.text() == totals.total.format()
    assert totals.tax_total.cents > 0, "the store's taxes are estimated"

    customer.tap(window.cart_screen.send_button)
    assert window.current is window.ticket
    assert window.ticket.number.text().startswith("K-")
    assert not window.ticket.qr.pixmap().isNull()
    # The ticket the counter will see holds what the customer chose.
    number = window.ticket.number.text()
    assert number in [ticket.number for ticket in tickets.open_tickets()]
    sent = {line.sku: line.quantity for line in tickets.load(number).lines}
    assert sent[drinks[row].sku] == 3
    assert sum(q for sku, q in sent.items() if sku in catalog) == 2
    assert window.cart.is_empty, "the cart went to the counter; the kiosk is ready for the next customer"
    customer.tap(window.ticket.done_button)
    assert window.current is window.attract


def test_start_over_clears_the_cart_and_returns_to_the_attract_screen(customer):
    customer.start()
    customer.open_category("pre-rolls")
    customer.tap_tile(0)
    customer.add_from_page()
    customer.open_cart()
    customer.tap(customer.window.cart_screen.start_over_button)
    assert customer.window.current is customer.window.attract
    assert customer.window.cart.is_empty


def test_search_by_the_on_screen_keyboard_finds_products_across_categories(customer):
    customer.start()
    browse = customer.window.browse
    customer.qtbot.mouseClick(browse.search_field, Qt.MouseButton.LeftButton)
    assert browse.keyboard.isVisible()
    for letter in "KUSH":
        customer.tap(browse.keyboard.keys[letter])
    assert browse.search_field.text() == "Kush"
    with customer.qtbot.waitSignal(browse.products_shown):
        customer.tap(browse.keyboard.done_key)
    found = [f"{card.brand} {card.name} {card.sku}".lower() for card in customer.shown()]
    assert found and all("kush" in text for text in found)


def test_a_sort_by_price_lists_the_cheapest_first(customer):
    customer.start()
    customer.open_category("edibles")
    customer.choose("Sort by", "Price: low to high")
    prices = [card.price for card in customer.shown()]
    assert prices == sorted(prices)
