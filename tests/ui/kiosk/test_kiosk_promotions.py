"""The kiosk prices its cart with the store's promotions as the register does: the cart line names the
promotion and what it took off, the totals show the discount and say "You save"."""

from __future__ import annotations

from decimal import Decimal

from pos_app.domain.kiosk_browse import Filters
from pos_app.domain.money import Money
from pos_app.persistence.promotions import put_promotions_file
from sync.promotions_file import PromotionsFile
from tests.ui.kiosk.customer_driver import Customer

DEAL = "Kiosk test: 25 % off"


def test_the_kiosk_cart_shows_the_promotion_and_what_the_customer_saves(qtbot, terminal):
    card = terminal.kiosk_catalog.page(Filters(category="accessories"), limit=1)[0]
    with terminal.session_factory() as session:  # as the hub's feed would bring it
        put_promotions_file(session, PromotionsFile.model_validate({"promotions": [
            {"id": 1, "name": DEAL, "kind": "percent_off", "percent": "25", "applies_to": {"skus": [card.sku]}}]}),
            terminal.context.zone)
        session.commit()
    customer = Customer(qtbot, terminal)
    try:
        customer.start()
        customer.open_category("accessories")
        row = next(i for i, shown in enumerate(customer.shown()) if shown.sku == card.sku)
        customer.tap_tile(row)
        customer.add_from_page()
        customer.open_cart()
        line = customer.cart_row(card.name)
        totals = customer.window.cart.totals
        saved = totals.promotions
        price = customer.window.cart.lines[0].product.unit_price
        assert saved > Money.zero() and abs((saved - price * Decimal("0.25")).cents) <= 1  # 25 %, to the cent
        assert line.promotion.isVisible() and line.promotion.text() == f"★ {DEAL}  −{saved.format()}"
        panel = customer.window.cart_screen.totals
        assert panel.you_save_label.isVisible() and panel.you_save_label.text() == f"You save {saved.format()}"
        discounts = panel.value_labels["Discounts"]  # so the figures on screen add up to the total
        assert discounts.isVisible() and discounts.text() == (-saved).format()
        assert totals.total == totals.subtotal - saved + totals.tax_total
    finally:
        customer.leave()

