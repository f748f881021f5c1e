"""The kiosk's screens for ``pos-app screenshot --mode kiosk``, each reached the way a customer gets there."""

from __future__ import annotations

from decimal import Decimal

from pos_app.domain.kiosk_browse import Filters, Range
from pos_app.ui.kiosk.window import KioskWindow

KIOSK_STATES = ("attract", "age-gate", "browse", "filters", "product", "cart", "code", "cart-code", "limit", "ticket",
                "pay")


def _browsing(window: KioskWindow) -> None:
    window.attract.started.emit()
    window.age_gate.confirm_button.click()
    window.browse.open_category("flower")


def _cards(window: KioskWindow, category: str, count: int, *, size: str | None = None):
    filters = Filters(category=category, sizes=(size,) if size else ())
    window.t.kiosk_catalog.choices(category)
    return window.t.kiosk_catalog.page(filters, limit=count)


def _with_cart(window: KioskWindow) -> None:
    _browsing(window)
    for category in ("flower", "pre-rolls", "edibles"):
        for card in _cards(window, category, 1):
            window.add_to_cart(card)
    window.cart_bar.view_button.click()


def _with_code(window: KioskWindow, typed: str) -> None:
    """The cart on the demo's promotions, and a code typed on the kiosk's keys and applied (or refused)."""
    from pos_app.services.demo_data import ensure_demo_promotions

    t = window.t
    ensure_demo_promotions(t.session_factory, getattr(t.context.zone, "key", "America/Toronto"))
    _with_cart(window)
    screen = window.cart_screen
    screen.code_button.click()
    for key in typed:
        screen.code_panel.keyboard.keys[key].click()
    screen.code_panel.keyboard.done_key.click()


def stage_kiosk(state: str, window: KioskWindow) -> None:
    if state not in KIOSK_STATES:
        raise ValueError(f"Unknown kiosk state {state!r}; choose one of: {', '.join(KIOSK_STATES)}.")
    if not window.ready or state == "attract":
        return
    if state == "age-gate":
        window.attract.started.emit()
    elif state == "browse":
        _browsing(window)
    elif state == "filters":
        _browsing(window)
        browse = window.browse
        browse.filter_button.click()
        browse.panel.chip("Strain type", "Indica").click()
        browse.panel.chip("THC at least", "20 %").click()
    elif state == "product":
        _browsing(window)
        browse = window.browse
        browse.apply_filters(Filters(category="flower", thc=Range(Decimal(20))))
        browse.product_chosen.emit(browse.grid.products.card(0))
    elif state == "cart":
        _with_cart(window)
    elif state == "code":  # a code the store does not know: the sentence, the keys still there
        _with_code(window, "WELCOM10")
    elif state == "cart-code":
        _with_code(window, "WELCOME10")
        if window.cart.codes != ("WELCOME10",):
            raise RuntimeError(window.cart_screen.code_panel.problem.text())
    elif state == "limit":
        _browsing(window)
        for card in _cards(window, "flower", 1, size="3.5 g") + _cards(window, "flower", 1, size="14 g"):
            window.add_to_cart(card)
        window.cart_bar.view_button.click()
        window.cart_screen.rows[-1].plus.click()  # 3.5 g + 2 × 14 g: 31.5 g
        window.cart_screen.rows[-1].plus.click()  # 31.5 g is over 30 g: refused with the domain's sentence
    elif state == "ticket":
        _with_cart(window)
        window.cart_screen.send_button.click()
    elif state == "pay":
        # The card terminal waiting for the customer's card, as after "Pay here by card" (no terminal is asked).
        _with_cart(window)
        window.pay_screen.wait_for_card(window.cart.totals.total)
        window.show_paying()
