"""Rendering screens to PNG offscreen, for the README and for looking at a screen without a display.

Each state is staged from demo data the way a cashier would get there (sign in, open the shift, scan, pay),
then the window and any dialog on top of it are painted into one image.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hardware.scanners.framing import typed_scan_event
from pos_app.domain.cash_count import counts_for
from pos_app.domain.staff import Role
from pos_app.modes import is_backoffice
from pos_app.services.staff import first_staff_with_role
from pos_app.ui.app import qt_application, theme_for
from pos_app.ui.common.grab import grab_with_dialogs, settle
from pos_app.ui.device_events import DeviceEvents
from pos_app.ui.main_window import MainWindow
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.tasks import wait_for_background_work

STATES = ("login", "idle", "cart", "cart-promotions", "tender", "card-wait", "refund", "shift-close", "z-report",
          "kiosk-tickets", "customer-display")
README_STATES = STATES[:-1]  # the customer display is a screen of its own, drawn at a screen's size
DISPLAY_README_SIZE = (1920, 1080)
DEMO_FLOAT = {"20": 5, "10": 5, "5": 4, "2": 10, "1": 10, "0.25": 20}
DEMO_FORMS = ("dried_flower", "edible", "beverage", "pre_roll")


def _demo_codes(terminal, count: int = 4) -> list[str]:
    # A few in-stock products, scanned the way a cashier would: by their each GTIN.
    return terminal.catalog.in_stock_codes(count, DEMO_FORMS)


def _signed_in(window: MainWindow, terminal):
    cashier = first_staff_with_role(terminal.session_factory, Role.CASHIER)
    if terminal.shifts.current() is None:
        terminal.shifts.open_shift(cashier, DEMO_FLOAT)
    window.show_register(cashier)
    return cashier


def _with_cart(window: MainWindow, terminal) -> None:
    _signed_in(window, terminal)
    for code in _demo_codes(terminal):
        window.register.handle_scan(typed_scan_event(code))


def _with_promotions(window: MainWindow, terminal) -> None:
    """Three pre-rolls (buy 2, get 1), two beverages (a volume tier) and the code WELCOME10, on the demo's
    promotions (added to a demo store that has no promotions yet)."""
    from pos_app.services.demo_data import ensure_demo_promotions

    ensure_demo_promotions(terminal.session_factory, getattr(terminal.context.zone, "key", "America/Toronto"))
    _signed_in(window, terminal)
    pre_roll = terminal.catalog.in_stock_codes(1, ("pre_roll",))[0]
    drink = terminal.catalog.in_stock_codes(1, ("beverage",))[0]
    for code in (pre_roll, pre_roll, pre_roll, drink, drink):
        window.register.handle_scan(typed_scan_event(code))
    refusal = terminal.sales.enter_code("WELCOME10")
    if refusal:
        raise RuntimeError(refusal)
    window.register.panel.refresh()


def _paying(window: MainWindow, terminal) -> None:
    _with_cart(window, terminal)
    terminal.age_checks.attest(terminal.sales, window.register.staff)
    window.register.checkout.pay()


def _sold(window: MainWindow, terminal):
    _paying(window, terminal)
    window.register.dialog.pay_exact()
    return window.register.last_order


def _kiosk_tickets(window: MainWindow, terminal) -> None:
    """Three customers' carts sent from a kiosk of the store, waiting at the counter (Shift+F8)."""
    from pos_app.domain.kiosk_browse import Filters
    from pos_app.services.kiosk_tickets import TicketLine

    _signed_in(window, terminal)
    catalog = terminal.kiosk_catalog
    for categories in (("flower", "pre-rolls"), ("edibles",), ("beverages", "flower", "vapes")):
        terminal.kiosk_tickets.send([TicketLine(card.sku, 1) for category in categories
                                     for card in catalog.page(Filters(category=category), limit=1)])
    window.register.tickets.refresh()
    window.register.tickets.show_list()


STAGES = {
    "login": lambda window, terminal: None,
    "idle": _signed_in,
    "cart": _with_cart,
    "cart-promotions": _with_promotions,
    "tender": _paying,
    "kiosk-tickets": _kiosk_tickets,
}


def _stage(state: str, window: MainWindow, terminal) -> list:
    """Bring the window to ``state``; returns the dialogs to draw over it, bottom first."""
    register = window.register
    if state in STAGES:
        STAGES[state](window, terminal)
        return [register.dialog] if register.dialog is not None else []
    if state == "card-wait":
        _paying(window, terminal)
        tender = register.dialog
        wait = CardWaitDialog(tender, terminal.sales.payment_status().card_remaining, on_cancel=lambda: None,
                              on_check=lambda reference: None)
        wait.show()
        return [tender, wait]
    order = _sold(window, terminal)
    if state == "refund":
        register.refunds.refund()
        register.dialog.number_field.setText(order.order_number)
        register.dialog.find()
        register.dialog.set_quantity(0, 1)
        return [register.dialog]
    if state == "shift-close":
        register.shifts.close_shift()
        register.dialog.counter.set_counts({**DEMO_FLOAT, "50": 1, "20": 7})
        return [register.dialog]
    if state == "z-report":
        expected = terminal.shifts.x_report().expected_cash
        counts = counts_for(expected)
        register.shifts.close_shift()
        register.dialog.counter.set_counts(counts)
        register.dialog.confirm()
        return [register.dialog]
    raise ValueError(f"Unknown state {state!r}; choose one of: {', '.join(STATES)}.")


def render_screen(terminal, *, mode: str, state: str, size: tuple[int, int], out: Path) -> None:
    if state.startswith("wizard-"):  # the first-run wizard's steps, whatever the mode
        from pos_app.ui.wizard.screenshots import render_wizard

        render_wizard(terminal, state=state, size=size, out=out, save=_save)
        return
    if is_backoffice(mode):
        from pos_app.ui.backoffice.screenshots import render_backoffice

        render_backoffice(terminal, state=state, size=size, out=out, save=_save)
        return
    if mode == "kiosk":
        _render_kiosk(terminal, state=state, size=size, out=out)
        return
    if state not in STATES:
        raise ValueError(f"Unknown state {state!r}; choose one of: {', '.join(STATES)}.")
    app = qt_application(terminal.settings.theme)
    window = MainWindow(terminal, mode=mode, devices=DeviceEvents())
    window.resize(*size)
    window.show()
    app.processEvents()
    if state == "customer-display":
        _render_customer_display(app, window, terminal, size, out)
        return
    dialogs = _stage(state, window, terminal)
    settle()
    _save(grab_with_dialogs(window, dialogs), out)
    for dialog in reversed(dialogs):
        dialog.done(0)  # not close(): the staged card wait would ask its terminal to cancel and stay up, modal
    window.close()


def _render_customer_display(app, window: MainWindow, terminal, size: tuple[int, int], out: Path) -> None:
    from pos_app.ui.customer_display.screenshots import stage_customer_display

    display = stage_customer_display(window, terminal, _paying, size)
    wait_for_background_work()
    for _ in range(3):
        app.processEvents()
    _save(display.grab(), out)
    window.close()


def _render_kiosk(terminal, *, state: str, size: tuple[int, int], out: Path) -> None:
    from pos_app.ui.kiosk.screenshots import stage_kiosk
    from pos_app.ui.kiosk.window import KioskWindow

    app = qt_application(theme_for("kiosk", terminal.settings.theme))
    window = KioskWindow(terminal, devices=DeviceEvents())
    try:
        window.resize(*size)
        window.show()
        app.processEvents()
        stage_kiosk(state, window)
        for _ in range(3):
            app.processEvents()
        _save(window.grab(), out)
    finally:
        window.release()


def _save(image, out: Path) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise OSError(f"Could not write {out}. Check that the folder is writable.")


def _render_fresh(out: Path, *, mode: str, state: str, size: tuple[int, int]) -> None:
    """One screen from a fresh demo store in a temporary folder."""
    import tempfile

    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings
    from pos_app.services.demo_data import install_demo_data

    with tempfile.TemporaryDirectory() as folder:
        terminal = open_terminal(load_settings(Path(folder)), log_to_file=False)
        install_demo_data(terminal.session_factory, terminal.pin_pepper, products=300,
                          promotions=state == "cart-promotions")
        render_screen(terminal, mode=mode, state=state, size=size, out=out)
        print(f"Wrote {out}")
        terminal.close()


def regenerate_readme_images(out_dir: Path) -> None:
    """``make screenshots``: render the README's images, each from a fresh demo store in a temporary folder."""
    os.environ.setdefault("POS_APP_KEYRING", "file")  # a throwaway store must not leave secrets in the keyring
    for state in README_STATES:
        _render_fresh(out_dir / f"register-{state}.png", mode="register", state=state, size=(1024, 768))
    _render_fresh(out_dir / "register-customer-display.png", mode="register", state="customer-display",
                  size=DISPLAY_README_SIZE)
    from pos_app.ui.backoffice.screenshots import backoffice_states

    for state in backoffice_states():  # a back-room laptop or a 1280x800 terminal
        _render_fresh(out_dir / f"backoffice-{state}.png", mode="backoffice", state=state, size=(1280, 800))
    from pos_app.ui.kiosk.screenshots import KIOSK_STATES

    for state in KIOSK_STATES:  # a kiosk is a portrait touch screen
        _render_fresh(out_dir / f"kiosk-{state}.png", mode="kiosk", state=state, size=(1080, 1920))
    for state in ("wizard-code", "wizard-devices", "wizard-sync"):  # setting up a new terminal
        _render_fresh(out_dir / f"{state}.png", mode="register", state=state, size=(1280, 800))


if __name__ == "__main__":
    regenerate_readme_images(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
