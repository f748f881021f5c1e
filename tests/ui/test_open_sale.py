"""The sale in progress survives closing the window and a crash, and card money is never left without a sale:
the register asks before closing on it, opens on it after a crash, and alerts a manager to any card payment
with no sale. Driven as a cashier would, on the card terminal simulator over its real socket."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, update

from pos_app.domain.money import Money
from pos_app.persistence.models import AuditLog, OcsInventory, OpenSale, PaymentAttempt, PaymentTransaction
from pos_app.ui.register.card_money_dialog import CardMoneyDialog
from pos_app.ui.register.card_wait import CardWaitDialog
from pos_app.ui.register.shift_dialogs import OpenShiftDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from pos_app.ui.tasks import wait_for_background_work
from tests.integration.helpers import product_codes
from tests.ui.register_driver import DAY_FLOAT, Cashier, wired
from tests.ui.test_register_scans import _label, _sellable_lot


@pytest.fixture
def card_url(card_simulator):
    return f"socket://127.0.0.1:{card_simulator.port}"


def _open_shift(cashier: Cashier) -> None:
    cashier.sign_in("1001")
    opening = cashier.wait_for_dialog(OpenShiftDialog)
    opening.counter.set_counts(DAY_FLOAT)
    with cashier.qtbot.waitSignal(cashier.register.shifts.shift_opened):
        opening.confirm()


def _card_on_sale(cashier: Cashier, terminal, amount: str = "10.00") -> TenderDialog:
    """Two items, the age attested, and part of the sale paid by card; the payment screen is left open."""
    for product in product_codes(terminal, "dried_flower", 2):
        cashier.scan(product.each_gtin)
    cashier.click(cashier.button("F12"))
    cashier.attest_age()
    tender = cashier.wait_for_dialog(TenderDialog)
    tender.card_field.setText(amount)
    checkout = cashier.register.checkout
    with cashier.qtbot.waitSignal(checkout.card_approved, timeout=5000), \
            cashier.qtbot.waitSignal(checkout.card_wait_opened, timeout=2000):
        cashier.click(tender.card_button)
    return tender


def _crash(cashier: Cashier) -> None:
    """The process dies: nothing runs, not even the window's close. Only what is on disk is left."""
    window = cashier.window
    window.wedge.uninstall(QApplication.instance())
    for timer in window._timers:
        timer.stop()
    wait_for_background_work()
    window.hide()  # hiding runs no closeEvent


def _saved(terminal) -> OpenSale | None:
    with terminal.session_factory() as session:
        return session.scalars(select(OpenSale)).one_or_none()


def test_closing_with_card_money_asks_and_voiding_reverses_it_at_the_terminal(qtbot, terminal, card_url,
                                                                              card_simulator):
    with wired(terminal, payment_url=card_url) as till:
        cashier = Cashier(qtbot, till)
        _open_shift(cashier)
        tender = _card_on_sale(cashier, terminal)
        lines = [(line.product.sku, line.quantity) for line in till.sales.sale.lines]
        assert card_simulator.captured_cents() == 1000
        tender.reject()

        cashier.window.close()
        choice = cashier.wait_for_dialog(CardMoneyDialog)
        assert cashier.window.isVisible(), "the window stays while card money is on the sale"
        assert "$10.00 has been taken by card" in choice.lead.text()
        assert "VISA ****4242" in choice.card_lines[0].text()
        with qtbot.waitSignal(cashier.register.open_sale.cards_voided, timeout=5000):
            cashier.click(choice.void_button)
        assert card_simulator.captured_cents() == 0, "the card money went back through the terminal"
        qtbot.waitUntil(lambda: not cashier.window.isVisible(), timeout=5000)

    with terminal.session_factory() as session:
        attempt = session.scalars(select(PaymentAttempt)).one()
    assert attempt.status == "voided"
    saved = _saved(terminal)
    assert saved is not None and saved.snapshot["tenders"] == [], "the cart is kept, the reversed card is not"

    with wired(terminal, payment_url=card_url) as till:  # the next start opens on the cart
        cashier = Cashier(qtbot, till)
        cashier.sign_in("1001")
        assert [(line.product.sku, line.quantity) for line in till.sales.sale.lines] == lines
        assert till.sales.sale.tenders == ()
        assert "The sale left open at this till is back" in cashier.notice
        assert cashier.dialog is None


def test_closing_with_card_money_and_finishing_the_sale_completes_it_then_closes(qtbot, terminal, card_url,
                                                                                 card_simulator):
    with wired(terminal, payment_url=card_url) as till:
        cashier = Cashier(qtbot, till)
        _open_shift(cashier)
        _card_on_sale(cashier, terminal).reject()
        cashier.window.close()
        choice = cashier.wait_for_dialog(CardMoneyDialog)
        cashier.click(choice.finish_button)
        tender = cashier.wait_for_dialog(TenderDialog)
        with qtbot.waitSignal(cashier.register.checkout.completed):
            cashier.click(tender.exact_button)
        order = cashier.register.last_order
        assert order.card_paid == Money.of("10.00")
        assert _saved(terminal) is None, "completing the sale cleared the saved one"
        cashier.window.close()
        assert not cashier.window.isVisible()
    assert card_simulator.captured_cents() == 1000


def test_a_cart_comes_back_after_closing_at_todays_prices_with_its_scanned_lot(qtbot, terminal):
    gtin, lot = _sellable_lot(terminal)
    other = next(p for p in product_codes(terminal, "edible", 3) if p.each_gtin != gtin)
    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        _open_shift(cashier)
        cashier.scan(_label(gtin, lot.batch_lot))
        cashier.scan(other.each_gtin)
        cashier.scan(other.each_gtin)
        before = {line.product.sku: line for line in till.sales.sale.lines}
        cashier.window.close()
        assert not cashier.window.isVisible(), "no card money: the window closes without a question"

    with terminal.session_factory() as session:  # the price changes overnight
        session.execute(update(OcsInventory).where(OcsInventory.sku == other.ocs_variant_number)
                        .values(override_price=other.price_per_unit + 1))
        session.commit()

    with wired(terminal) as till:
        cashier = Cashier(qtbot, till)
        cashier.sign_in("1001")
        after = {line.product.sku: line for line in till.sales.sale.lines}
        assert after.keys() == before.keys()
        assert after[lot.sku].lot == lot.batch_lot, "the lot the label named is still the one sold"
        assert after[other.ocs_variant_number].quantity == 2
        assert after[other.ocs_variant_number].product.unit_price == Money.of(other.price_per_unit + 1)
        assert cashier.register.panel.cart_model.rowCount() == 2
        assert "The sale left open at this till is back: 3 items" in cashier.notice


def test_after_a_crash_the_register_opens_on_the_sale_with_its_card_payment_and_asks(qtbot, terminal, card_url,
                                                                                     card_simulator):
    with wired(terminal, payment_url=card_url) as till:
        first = Cashier(qtbot, till)
        _open_shift(first)
        _card_on_sale(first, terminal, "12.34")
        sale_id = till.sales.sale.sale_id
        total = till.sales.sale.totals.total
        _crash(first)

    with wired(terminal, payment_url=card_url) as till:
        cashier = Cashier(qtbot, till)
        cashier.sign_in("1001")
        choice = cashier.wait_for_dialog(CardMoneyDialog)
        assert "The register stopped before this sale was finished, after $12.34 had been taken by card" \
            in choice.lead.text()
        assert till.sales.sale.sale_id == sale_id and till.sales.sale.totals.total == total
        assert till.sales.payment_status().card_paid == Money.of("12.34")
        choice.reject()  # Esc does not walk away from money taken
        assert cashier.dialog is choice and choice.isVisible()
        cashier.click(choice.finish_button)
        tender = cashier.wait_for_dialog(TenderDialog)
        assert "Card VISA ****4242  $12.34" in tender.payments.item(0).text()
        with qtbot.waitSignal(cashier.register.checkout.completed):
            cashier.click(tender.exact_button)
    with terminal.session_factory() as session:
        paid = session.scalars(select(PaymentTransaction).where(PaymentTransaction.payment_method == "card")).one()
    assert paid.order_id == sale_id and paid.amount == Money.of("12.34").amount
    assert card_simulator.captured_cents() == 1234
    assert _saved(terminal) is None


def test_a_card_payment_with_no_sale_is_shown_to_the_manager_who_voids_it(qtbot, terminal, card_url,
                                                                         card_simulator):
    with wired(terminal, payment_url=card_url) as till:
        first = Cashier(qtbot, till)
        _open_shift(first)
        _card_on_sale(first, terminal, "7.00")
        _crash(first)
    with terminal.session_factory() as session:  # what the register before this fix left behind: no open sale
        session.query(OpenSale).delete()
        session.commit()

    with wired(terminal, payment_url=card_url) as till:
        cashier = Cashier(qtbot, till)
        with qtbot.waitSignal(cashier.register.open_sale.unsettled_found) as found:
            cashier.sign_in("1001")
        (card,) = found.args[0]
        assert "A card payment of $7.00 (VISA ****4242) was taken, but no sale was finished with it" in cashier.notice
        assert cashier.register.panel.notice.action.text() == "Void it (manager)"
        with qtbot.waitSignal(cashier.register.open_sale.unsettled_voided, timeout=5000):
            cashier.click(cashier.register.panel.notice.action)
            cashier.approve("2001")
        assert "was voided" in cashier.notice
        assert till.card_recovery.unsettled() == []
    assert card_simulator.captured_cents() == 0
    with terminal.session_factory() as session:
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "card_payment.voided")).one()
    assert audit.entity_id == card.reference and audit.approved_by is not None


def test_a_window_closing_during_a_card_payment_waits_for_the_terminal(qtbot, terminal, card_url, card_simulator):
    card_simulator.script("timeout:3")
    with wired(terminal, payment_url=card_url) as till:
        cashier = Cashier(qtbot, till)
        _open_shift(cashier)
        cashier.scan(product_codes(terminal, "edible")[0].each_gtin)
        cashier.click(cashier.button("F12"))
        cashier.attest_age()
        tender = cashier.wait_for_dialog(TenderDialog)
        with qtbot.waitSignal(cashier.register.checkout.card_wait_opened, timeout=2000) as opened:
            cashier.click(tender.card_button)
        assert isinstance(opened.args[0], CardWaitDialog)
        cashier.window.close()
        assert cashier.window.isVisible()
        assert "A card payment is in progress" in cashier.notice
        with qtbot.waitSignal(cashier.register.checkout.card_failed, timeout=8000):
            cashier.click(opened.args[0].cancel_button)
