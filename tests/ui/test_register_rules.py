"""The law and the money rules at the register, as a cashier meets them on screen."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import select

from hardware.simulators.payment_terminal import PaymentTerminalSimulator
from hardware.simulators.scanner import ScannerSimulator
from pos_app.domain.errors import AgeNotVerified
from pos_app.domain.money import Money
from pos_app.domain.reason_codes import DiscountReason
from pos_app.persistence.models import AgeVerificationLog, AuditLog
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.discount_dialog import DiscountDialog
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.register.simple_dialogs import QuantityDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.id_cards import ontario_licence, years_ago
from tests.integration.helpers import product_codes
from tests.ui.register_driver import Cashier, wired


def _flower(terminal, grams: str):
    return next(p for p in product_codes(terminal, "dried_flower", 60) if p.net_content == Decimal(grams))


def test_a_cart_cannot_go_over_30_grams_and_so_is_never_tendered_over_it(cashier, terminal):
    cashier.scan(_flower(terminal, "28").each_gtin)
    cashier.scan(_flower(terminal, "3.5").each_gtin)
    assert "31.5 g" in cashier.notice and "30 g" in cashier.notice
    assert cashier.register.panel.cart_model.rowCount() == 1
    cashier.click(cashier.button("F3"))
    quantity = cashier.wait_for_dialog(QuantityDialog)
    quantity.spin.setValue(2)
    cashier.click(quantity.buttons.itemAt(quantity.buttons.count() - 1).widget())
    assert "56 g" in quantity.error_text, "doubling an ounce is refused in the dialog"
    quantity.reject()
    assert cashier.till.sales.sale.totals.dried_equivalent_grams == Decimal("28")
    assert cashier.register.panel.limit_meter.format() == "28 g of 30 g"


def test_cannabis_goes_to_the_age_check_before_any_payment(cashier, terminal):
    cashier.scan(_flower(terminal, "3.5").each_gtin)
    cashier.click(cashier.button("F12"))
    age = cashier.wait_for_dialog(AgeCheckDialog)
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        age.reject()
    assert cashier.dialog is None
    assert not isinstance(cashier.dialog, TenderDialog)
    with pytest.raises(AgeNotVerified):
        cashier.till.sales.tender_cash(Money.of("100"))


def test_a_minors_id_scanned_on_the_id_reader_is_refused_and_logged(qtbot, terminal):
    reader = ScannerSimulator(port=0)
    reader.start()
    try:
        with wired(terminal, id_reader_url=f"socket://127.0.0.1:{reader.port}") as till:
            cashier = Cashier(qtbot, till, own_devices=True)  # the terminal's own ID reader, over a socket
            cashier.start_the_day()
            assert reader.wait_for_client(5)
            cashier.scan(_flower(terminal, "3.5").each_gtin)
            cashier.click(cashier.button("F12"))
            age = cashier.wait_for_dialog(AgeCheckDialog)
            with qtbot.waitSignal(cashier.register.checkout.age_checked, timeout=5000):
                reader.send(ontario_licence(years_ago(17)).encode("latin-1"))
            assert age.result_label.isVisible()
            assert "17" in age.result_label.text() and "do not sell" in age.result_label.text().lower()
            assert age.isVisible() and not age.passed
            with till.session_factory() as session:
                log = session.scalars(select(AgeVerificationLog)).one()
            assert (log.method, log.result, log.customer_age) == ("id_scan", "failed", 17)
            assert till.sales.sale.needs_age_check
            cashier.window.close()
    finally:
        reader.stop()


def test_a_discount_over_the_cap_needs_a_manager_pin_and_is_audited(cashier, terminal):
    cashier.scan(_flower(terminal, "3.5").each_gtin)
    line = cashier.till.sales.sale.lines[0]

    def ask_for(percent: str) -> None:
        cashier.click(cashier.button("F5"))
        discount = cashier.wait_for_dialog(DiscountDialog)
        discount.set_value(percent)
        discount.reason.choose(DiscountReason.LOYALTY)
        discount.apply()

    ask_for("15")
    override = cashier.wait_for_dialog(OverrideDialog)
    assert "10%" in override.findChild(type(override.title_label), "DialogLead").text()
    cashier.type(override.code_field, "1001")  # a cashier cannot approve
    cashier.type(override.pad.field, cashier.pins["1001"])
    cashier.qtbot.keyClick(override.pad.field, Qt.Key.Key_Return)
    assert "manager" in override.error_text.lower()
    override.reject()
    assert not cashier.till.sales.sale.line(line.line_id).discount, "refused without a manager"

    ask_for("15")
    cashier.approve("2001")
    discounted = cashier.till.sales.sale.line(line.line_id)
    assert discounted.discount == (line.gross * Decimal("0.15"))
    with cashier.till.session_factory() as session:
        approvals = session.scalars(select(AuditLog).where(AuditLog.action == "override.approved")).all()
    assert len(approvals) == 1 and "15" in approvals[0].details["action"]


def test_the_screen_keeps_turning_while_the_card_terminal_is_slow(qtbot, terminal):
    simulator = PaymentTerminalSimulator(port=0, customer_timeout_s=5.0)
    simulator.start()
    simulator.script("slow:1.5")
    try:
        with wired(terminal, payment_url=f"socket://127.0.0.1:{simulator.port}") as till:
            cashier = Cashier(qtbot, till)
            cashier.start_the_day()
            cashier.scan(_accessory(terminal))  # no cannabis, so no age check in the way
            cashier.click(cashier.button("F12"))
            tender = cashier.wait_for_dialog(TenderDialog)
            ticks = []
            heartbeat = QTimer(interval=20, timeout=lambda: ticks.append(time.monotonic()))
            heartbeat.start()
            started = time.monotonic()
            with qtbot.waitSignal(cashier.register.checkout.completed, timeout=10_000):
                cashier.click(tender.card_button)
            assert cashier.dialog is None
            heartbeat.stop()
            took = time.monotonic() - started
            assert took >= 1.4, "the simulator was slow, as scripted"
            gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
            assert len(ticks) >= took / 0.02 * 0.5 and max(gaps) < 0.25, "the event loop kept turning"
            assert cashier.register.last_order.card_paid == cashier.register.last_order.total_amount
            cashier.window.close()
    finally:
        simulator.stop()


def _accessory(terminal) -> str:
    from pos_app.persistence.models import Accessory, OcsInventory

    with terminal.session_factory() as session:
        return session.scalars(select(Accessory.sku).join(OcsInventory, OcsInventory.sku == Accessory.sku)
                               .where(OcsInventory.quantity_on_hand > 0).limit(1)).one()
