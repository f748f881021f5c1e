"""The customer display follows the register as a cashier sells: a scan puts the line up, a quantity and the total
follow, the cash given and the change show once the sale is paid, and the store comes back between sales."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from pos_app.domain.money import Money
from pos_app.ui.customer_display.window import CustomerDisplay
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog, QuantityDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.integration.helpers import sellable_products
from tests.ui.register_driver import Cashier, wired


@pytest.fixture
def display(cashier) -> CustomerDisplay:
    shown = cashier.window.open_customer_display()
    cashier.qtbot.waitExposed(shown)
    return shown


def _codes(terminal) -> tuple[str, str]:
    flower = sellable_products(terminal, "dried_flower")[0]
    beverage = sellable_products(terminal, "beverage")[0]
    return flower.each_gtin, beverage.each_gtin


def _pay(cashier) -> TenderDialog:
    cashier.click(cashier.button("F12"))
    cashier.attest_age()
    return cashier.wait_for_dialog(TenderDialog)


def _paid_and_left(display: CustomerDisplay) -> dict[str, str]:
    """The payment rows on the display, but the nickel rounding (which comes and goes with the cash in play)."""
    return {name: amount for name, amount in display.sale.payment.shown.items() if name != "Cash rounding"}


def _line_names(display: CustomerDisplay) -> list[str]:
    model = display.sale.cart_model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_the_display_follows_a_cash_sale_from_the_first_scan_to_the_change(cashier, display, terminal):
    register, sales = cashier.register, cashier.till.sales
    flower, beverage = _codes(terminal)
    assert display.showing == "idle" and display.idle.kind == "wordmark", "no sale yet: the store shows"

    with cashier.qtbot.waitSignal(register.panel.sale_shown):
        cashier.scan(flower)
    assert display.showing == "sale"
    assert _line_names(display) == [register.panel.cart_model.index(0, 0).data()]
    assert display.sale.count_label.text() == "1 item"

    cashier.scan(beverage)
    assert len(_line_names(display)) == 2
    register.panel.cart_view.selectRow(0)
    cashier.click(cashier.button("F3"))
    quantity = cashier.wait_for_dialog(QuantityDialog)
    quantity.spin.setValue(2)
    with cashier.qtbot.waitSignal(register.panel.sale_shown):
        cashier.click(quantity.buttons.itemAt(quantity.buttons.count() - 1).widget())
    assert display.sale.cart_model.index(0, 1).data() == "2"
    assert display.sale.count_label.text() == "3 items"
    totals = sales.sale.totals
    assert display.sale.totals.total_label.text() == totals.total.format() == register.panel.total_label.text()
    assert display.sale.totals.limit_meter.format() == register.panel.limit_meter.format()
    assert display.sale.totals.limit_meter.value() == register.panel.limit_meter.value() > 0

    with cashier.qtbot.waitSignal(register.checkout.paid) as opened:
        tender = _pay(cashier)
    due = opened.args[0].remaining
    assert _paid_and_left(display) == {"Left to pay": due.format()}, "the customer sees what to hand over"

    bills = list(tender.quick_buttons)  # the next bills up, smallest first
    with cashier.qtbot.waitSignal(register.checkout.completed) as completed:
        cashier.click(tender.quick_buttons[bills[0]])
    order = completed.args[0]
    assert display.showing == "receipt" and display.sale.title.text() == "Thank you!"
    assert len(_line_names(display)) == 2, "the lines of the sale just paid stay up"
    shown = display.sale.payment.shown
    assert shown["Cash given"] == order.cash_tendered.format()
    assert shown["Change"] == order.change_due.format() == cashier.register.panel.totals.change_label.text()
    assert "Left to pay" not in shown
    assert cashier.till.sales.has_open_sale is False, "the register is on the next sale already"

    # The next customer: a scan takes the thanks and the change away and shows only the new sale.
    cashier.scan(beverage)
    assert display.showing == "sale" and len(_line_names(display)) == 1
    assert display.sale.title.text() == "Your order" and not display.sale.payment.isVisibleTo(display)


def test_the_store_comes_back_after_the_thanks_and_when_a_sale_is_parked(cashier, display, terminal):
    register = cashier.register
    flower, _ = _codes(terminal)
    display.receipt_timer.setInterval(200)  # thirty seconds in the store
    cashier.scan(flower)
    tender = _pay(cashier)
    with cashier.qtbot.waitSignal(register.checkout.completed):
        cashier.click(tender.exact_button)
    assert display.showing == "receipt"
    assert "Change" in display.sale.payment.shown, "cash paid exactly still says the change: none"
    with cashier.qtbot.waitSignal(display.receipt_timer.timeout, timeout=2000):
        pass
    assert display.showing == "idle" and display.pages.currentWidget() is display.idle

    cashier.scan(flower)
    assert display.showing == "sale"
    cashier.click(cashier.button("F8"))
    park = cashier.wait_for_dialog(ParkedSalesDialog)
    cashier.type(park.label_field, "blue jacket")
    with cashier.qtbot.waitSignal(register.panel.sale_shown, check_params_cb=lambda sale: sale is None):
        cashier.click(park.park_button)
    assert display.showing == "idle", "a parked sale is not the customer's to read"


def test_the_display_never_takes_the_keyboard_from_the_register(cashier, display, terminal):
    flower, _ = _codes(terminal)
    assert display.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert display.windowFlags() & Qt.WindowType.WindowDoesNotAcceptFocus
    assert display.findChild(type(cashier.register.panel.scan_field)) is None, "nothing to type into"
    cashier.scan(flower)  # the cashier's typing still goes to the scan field
    assert display.showing == "sale"
    cashier.window.close()
    assert not display.isVisible(), "the display closes with the register"


def test_money_taken_stays_on_the_display_when_the_cashier_goes_back_to_the_sale(cashier, display, terminal):
    flower, beverage = _codes(terminal)
    cashier.scan(flower)
    cashier.scan(beverage)
    tender = _pay(cashier)
    with cashier.qtbot.waitSignal(cashier.register.checkout.paid):
        tender.pay_cash(Money.of("20"))
    left = cashier.till.sales.payment_status().remaining
    assert _paid_and_left(display) == {"Cash given": "$20.00", "Left to pay": left.format()}
    with cashier.qtbot.waitSignal(cashier.register.checkout.paid, check_params_cb=lambda status: status is None):
        cashier.click(tender.buttons.itemAt(tender.buttons.count() - 1).widget())  # Back to sale
    assert cashier.dialog is None
    assert _paid_and_left(display) == {"Cash given": "$20.00", "Left to pay": left.format()}

    cashier.click(cashier.button("F12"))  # the age is checked already
    tender = cashier.wait_for_dialog(TenderDialog)
    cashier.click(tender.remove_button)
    assert _paid_and_left(display) == {"Left to pay": cashier.till.sales.payment_status().remaining.format()}
    tender.reject()
    assert not display.sale.payment.isVisibleTo(display), "nothing paid and nothing asked for: no figures"


def test_a_card_payment_shows_as_paid_by_card_and_gives_no_change(qtbot, terminal, card_simulator):
    with wired(terminal, payment_url=f"socket://127.0.0.1:{card_simulator.port}") as till:
        cashier = Cashier(qtbot, till)
        cashier.start_the_day()
        display = cashier.window.open_customer_display()
        flower, _ = _codes(terminal)
        cashier.scan(flower)
        tender = _pay(cashier)
        with qtbot.waitSignal(cashier.register.checkout.completed, timeout=10_000) as completed:
            cashier.click(tender.card_button)
        order = completed.args[0]
        assert display.showing == "receipt"
        assert display.sale.payment.shown == {"Paid by card": order.card_paid.format()}, "a card gives no change"
