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



def test_a_code_typed_on_the_kiosk_keys_is_applied_or_refused_with_a_sentence(qtbot, terminal):
    card = terminal.kiosk_catalog.page(Filters(category="accessories"), limit=1)[0]
    codes = [{"id": 1, "code": "KIOSK10", "name": "Kiosk: 10 % off", "discount_type": "percentage",
              "discount_value": "10"},
             {"id": 2, "code": "OLD", "name": "Last year", "discount_type": "fixed", "discount_value": "1.00",
              "valid_until": "2020-01-01T00:00"},
             {"id": 3, "code": "BIG", "name": "Big spender", "discount_type": "fixed", "discount_value": "50.00",
              "minimum_purchase": "10000.00"},
             {"id": 4, "code": "GONE", "name": "First ten", "discount_type": "fixed", "discount_value": "1.00",
              "usage_limit": 10, "usage_count": 10}]
    with terminal.session_factory() as session:  # as the hub's feed would bring them
        put_promotions_file(session, PromotionsFile.model_validate({"discount_codes": codes}), terminal.context.zone)
        session.commit()
    customer = Customer(qtbot, terminal)
    try:
        customer.start()
        customer.open_category("accessories")
        customer.tap_tile(next(i for i, shown in enumerate(customer.shown()) if shown.sku == card.sku))
        customer.add_from_page()
        customer.open_cart()
        screen = customer.window.cart_screen
        panel = screen.code_panel
        customer.tap(screen.code_button)
        assert panel.isVisible() and not screen.scroll.isVisible() and not screen.send_button.isEnabled()

        def apply(code: str) -> str:
            customer.tap(panel.keyboard.keys["Clear"])
            for key in code:
                customer.tap(panel.keyboard.keys[key])
            assert panel.field.text() == code  # a code keeps its capitals
            customer.tap(panel.keyboard.done_key)
            return panel.problem.text() if panel.problem.isVisible() else ""

        assert apply("NOPE") == "We don't know the code “NOPE”. Check it and type it again, or carry on without it."
        assert apply("OLD") == "Code OLD expired on 2020-01-01 00:00. It cannot be used now."
        assert apply("BIG").startswith("Code BIG needs a purchase of $10,000.00 or more; this one is ")
        assert apply("GONE") == "Code GONE has been used all 10 times it may be. It cannot be used again."
        assert panel.isVisible() and customer.window.cart.codes == ()  # nothing refused is kept

        assert apply("KIOSK10") == ""
        assert not panel.isVisible() and screen.scroll.isVisible() and screen.send_button.isEnabled()
        totals = customer.window.cart.totals
        saved = totals.promotions
        assert customer.window.cart.codes == ("KIOSK10",) and saved > Money.zero()
        assert screen.codes.isVisible()
        assert screen.codes.text() == f"Code KIOSK10: −{saved.format()}\nKiosk: 10 % off"
        line = customer.cart_row(card.name)
        assert line.promotion.isVisible() and line.promotion.text() == f"★ Kiosk: 10 % off  −{saved.format()}"
        assert screen.totals.you_save_label.text() == f"You save {saved.format()}"
    finally:
        customer.leave()
