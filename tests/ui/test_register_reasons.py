"""Why a discount was given or a refund paid: chosen from a fixed list at the register, kept with the order or the
refund and in the audit trail. Without a reason, nothing is given and nothing is written."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from sqlalchemy import select

from pos_app.domain.reason_codes import DiscountReason, RefundReason
from pos_app.persistence.models import AuditLog, OrderItem, OrderRefund
from pos_app.persistence.models import Order as OrderRow
from pos_app.ui.register.discount_dialog import DiscountDialog
from pos_app.ui.register.refund_dialog import RefundDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.integration.helpers import product_codes
from tests.ui.register_driver import Cashier


def _discount(cashier: Cashier, key, value: str, reason: DiscountReason | None) -> DiscountDialog:
    cashier.key(key)
    dialog = cashier.wait_for_dialog(DiscountDialog)
    cashier.type(dialog.value_field, value)
    if reason is not None:
        dialog.reason.choose(reason)
    cashier.click(dialog.buttons.itemAt(dialog.buttons.count() - 1).widget())
    return dialog


def _sell(cashier: Cashier) -> None:
    cashier.key(Qt.Key.Key_F12)
    cashier.attest_age()
    tender = cashier.wait_for_dialog(TenderDialog)
    with cashier.qtbot.waitSignal(cashier.register.checkout.completed):
        cashier.click(tender.exact_button)


def test_a_discount_takes_a_reason_kept_on_the_order_and_in_the_audit_trail(cashier, terminal):
    flowers = product_codes(terminal, "dried_flower", 2)
    cashier.scan(flowers[0].each_gtin)
    refused = _discount(cashier, Qt.Key.Key_F5, "10", None)
    assert "reason" in refused.error_text.lower() and refused.isVisible()
    assert not cashier.till.sales.sale.lines[0].discount, "no reason, no discount"
    refused.reject()
    cashier.qtbot.waitUntil(lambda: cashier.dialog is None)  # the window is gone before the next key

    _discount(cashier, Qt.Key.Key_F5, "10", DiscountReason.DAMAGED_PACKAGING)
    cashier.scan(flowers[1].each_gtin)
    _discount(cashier, Qt.Key.Key_F6, "5", DiscountReason.LOYALTY)
    sale = cashier.till.sales.sale
    assert sale.lines[0].discount_reason == "damaged_packaging" and sale.cart_discount.reason == "loyalty"
    _sell(cashier)

    order = cashier.register.last_order
    with cashier.till.session_factory() as session:
        row = session.get(OrderRow, order.order_id)
        items = session.scalars(select(OrderItem).where(OrderItem.order_id == order.order_id)
                                .order_by(OrderItem.line_no)).all()
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "order.discounted")).one()
    assert row.discount_reason == "loyalty"
    assert [item.discount_reason for item in items] == ["damaged_packaging", None]
    assert audit.entity_id == order.order_number
    given = audit.details["discounts"]
    assert [(d["sku"], d["reason"]) for d in given] == [(items[0].sku, "damaged_packaging"), (None, "loyalty")]
    assert sum(d["cents"] for d in given) == order.discount_amount.cents


def test_a_refund_takes_a_reason_kept_on_the_refund_and_in_the_audit_trail(cashier, terminal):
    cashier.scan(product_codes(terminal, "dried_flower")[0].each_gtin)
    _sell(cashier)
    number = cashier.register.last_order.order_number

    cashier.key(Qt.Key.Key_F9)
    refund = cashier.wait_for_dialog(RefundDialog)
    cashier.type(refund.number_field, number)
    cashier.qtbot.keyClick(refund.number_field, Qt.Key.Key_Return)
    refund.set_quantity(0, 1, damaged=True)
    cashier.click(refund.refund_button)
    assert "choose why" in refund.error_text.lower()
    with cashier.till.session_factory() as session:
        assert session.scalars(select(OrderRefund)).first() is None, "no reason, no refund"

    reasons = [refund.reason.itemData(index) for index in range(refund.reason.count())]
    assert reasons == [None, *[str(code) for code in RefundReason]], "a fixed list, nothing chosen for the cashier"
    refund.reason.choose(RefundReason.DAMAGED)
    cashier.click(refund.refund_button)
    with cashier.qtbot.waitSignal(cashier.register.refunds.refunded, timeout=5000):
        cashier.approve("2001")
    with cashier.till.session_factory() as session:
        row = session.scalars(select(OrderRefund)).one()
        audit = session.scalars(select(AuditLog).where(AuditLog.action == "order.refunded")).one()
    assert row.reason_code == "damaged"
    assert audit.details["reason"] == "damaged" and audit.details["refund_id"] == str(row.id)
    assert Decimal(row.total_amount) > 0
