"""A customer touches FR at the kiosk: every screen speaks Canadian French at once, the cart stays, amounts read
``12,34 $``; the next customer (after the idle reset) gets the terminal's English again."""

from __future__ import annotations

import re

from pos_app.i18n import current_language
from tests.ui.kiosk.customer_driver import Customer
from tests.ui.qt_french import french, french_catalogs  # noqa: F401 - fixtures

FRENCH_MONEY = re.compile(r"^\d{1,3}(\u00a0\d{3})*,\d\d\u00a0\$$")  # 1 234,50 $


def test_touch_fr_browse_add_and_the_idle_reset_brings_english_back(qtbot, terminal, french):  # noqa: F811
    customer = Customer(qtbot, terminal, idle=(3, 4))
    window = customer.window
    toggle = window.language.toggle
    try:
        assert window.attract.start_button.text() == "Touch to start"
        assert toggle.isVisible() and toggle.height() >= 60 and toggle.text() == "FR · Français"
        customer.start()
        customer.open_category("flower")
        customer.tap_tile(0)
        customer.add_from_page()
        assert "Added" in customer.notice
        english_total = window.cart_bar.summary.text()
        assert english_total.startswith("1 item · $")

        # FR on the product page: the page, the cart bar and the header change; the cart is the same cart.
        customer.tap(toggle)
        qtbot.waitUntil(lambda: window.product_page.add_button.text() == "Ajouter au panier", timeout=3000)
        assert current_language() == "fr"
        assert toggle.text() == "EN · English"
        assert window.start_over_button.text() == "Recommencer"
        assert window.product_page.back_button.text() == "‹ Retour aux produits"
        assert FRENCH_MONEY.match(window.product_page.price.text()), window.product_page.price.text()
        items, total = window.cart_bar.summary.text().split(" · ")
        assert items == "1 article" and FRENCH_MONEY.match(total), window.cart_bar.summary.text()
        assert window.cart_bar.view_button.text() == "Voir le panier"

        # Browsing in French: category names, the filter button, each tile's price.
        customer.back_to_products()
        assert window.browse.category_buttons["flower"].text() == "Fleurs"
        assert window.browse.title.text() == "Fleurs"
        assert window.browse.filter_button.text() == "Filtrer et trier"
        tile = window.browse.grid.tile_parts(0)
        assert tile["price"], "each tile shows its price"
        spoken = window.browse.grid.products.item(0).text()
        assert FRENCH_MONEY.match(spoken.rsplit(", ", 1)[1]), spoken
        customer.open_category("edibles")
        assert window.browse.title.text() == "Comestibles"
        customer.tap_tile(0)
        customer.add_from_page()
        assert customer.notice.startswith("Ajouté au panier\u00a0: ")
        assert window.cart_bar.summary.text().startswith("2 articles · ")

        customer.open_cart()
        screen = window.cart_screen
        assert screen.heading.text() == "Votre panier"
        assert screen.send_button.text() == "Payer à la caisse"
        assert screen.keep_button.text() == "Continuer mes achats"
        assert screen.estimate.text().startswith("Estimation.")
        assert len(screen.rows) == 2
        for row in screen.rows:
            amount = row.findChildren(type(row.quantity), "CartLineAmount")[0].text()
            assert FRENCH_MONEY.match(amount), amount

        # Nobody touches the kiosk: "Still there?" in French, then the next customer in English.
        qtbot.waitUntil(lambda: window.still_there.isVisible(), timeout=6000)
        assert window.still_there.title.text() == "Toujours là?"
        qtbot.waitUntil(lambda: window.current is window.attract, timeout=6000)
        qtbot.waitUntil(lambda: window.attract.start_button.text() == "Touch to start", timeout=3000)
        assert current_language() == "en"
        assert toggle.text() == "FR · Français"
        assert window.cart.is_empty
        assert window.cart_bar.summary.text() == "Your cart is empty"
    finally:
        customer.leave()


def test_french_from_the_attract_screen_to_a_ticket_then_english_for_the_next_customer(qtbot, customer,
                                                                                        french):  # noqa: F811
    window = customer.window
    customer.tap(window.language.toggle)
    qtbot.waitUntil(lambda: window.attract.start_button.text() == "Touchez pour commencer", timeout=3000)
    assert window.attract.welcome.text().startswith("Bienvenue chez ")
    customer.tap(window.attract.start_button)
    assert window.age_gate.confirm_button.text().startswith("J'ai ")
    customer.tap(window.age_gate.confirm_button)
    assert window.browse.title.text() == "Que cherchez-vous?"
    assert window.browse.tiles["flower"].text().startswith("Fleurs\n")
    customer.open_category("pre-rolls")
    customer.tap_tile(0)
    customer.add_from_page()
    customer.open_cart()
    customer.tap(window.cart_screen.send_button)
    assert window.current is window.ticket
    assert window.ticket.lead.text() == "Votre commande est transmise à la caisse. Votre numéro est le"
    customer.tap(window.ticket.done_button)
    qtbot.waitUntil(lambda: window.attract.start_button.text() == "Touch to start", timeout=3000)
    assert current_language() == "en"
