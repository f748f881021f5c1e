"""What a scan means depends on what was scanned, not on what is on screen: product labels with lots, receipts,
case and shelf labels, each through the keyboard wedge as a cashier's scanner would send them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from pos_app.persistence.models import BatchTracking
from pos_app.ui.register.refund_dialog import RefundDialog
from tests.integration.helpers import product_codes


def _sellable_lot(terminal) -> tuple[str, BatchTracking]:
    for flower in product_codes(terminal, "dried_flower", 20):
        with terminal.session_factory() as session:
            lots = session.scalars(select(BatchTracking).where(BatchTracking.sku == flower.ocs_variant_number,
                                                               BatchTracking.is_recalled.is_(False))).all()
        for lot in lots:
            if lot.expiry_date is None or lot.expiry_date >= date.today():
                return flower.each_gtin, lot
    raise AssertionError("no sellable lot in the demo store")


def _label(gtin: str, lot: str) -> str:
    return f"]C101{gtin}10{lot}"


def test_a_label_naming_a_lot_the_store_does_not_have_is_not_sold(cashier, terminal):
    gtin, _lot = _sellable_lot(terminal)
    cashier.scan(_label(gtin, "NOSUCHLOT"))
    assert "Lot NOSUCHLOT" in cashier.notice and "not in this store's stock records" in cashier.notice
    assert cashier.register.panel.cart_model.rowCount() == 0


def test_a_label_naming_a_recalled_lot_is_not_sold(cashier, terminal):
    gtin, lot = _sellable_lot(terminal)
    with terminal.session_factory() as session:
        session.execute(update(BatchTracking).where(BatchTracking.id == lot.id).values(is_recalled=True))
        session.commit()
    cashier.scan(_label(gtin, lot.batch_lot))
    assert f"Lot {lot.batch_lot}" in cashier.notice and "recalled" in cashier.notice
    assert cashier.register.panel.cart_model.rowCount() == 0


def test_a_label_naming_a_sellable_lot_puts_that_lot_on_the_line(cashier, terminal):
    gtin, lot = _sellable_lot(terminal)
    with cashier.qtbot.waitSignal(cashier.register.panel.item_added, timeout=2000):
        cashier.scan(_label(gtin, lot.batch_lot))
    assert cashier.till.sales.sale.lines[0].lot == lot.batch_lot


def test_case_and_shelf_labels_say_they_are_not_used_at_the_register(cashier):
    cashier.scan("]C100106141411234567897")
    assert "shipping case label" in cashier.notice
    cashier.scan("LOC:A-01-03-B")
    assert "shelf label" in cashier.notice
    assert cashier.register.panel.cart_model.rowCount() == 0


def test_a_receipt_scanned_with_nothing_open_opens_the_refund_for_that_sale(cashier):
    cashier.scan("R:ON001-1-999999")
    refund = cashier.wait_for_dialog(RefundDialog)
    assert refund.number_field.text() == "ON001-1-999999"
    assert refund.error_text, "an unknown sale says so in the refund dialog"


def test_a_gtin_13_typed_in_the_search_box_finds_the_product_stored_as_gtin_14(cashier, terminal):
    flower = product_codes(terminal, "dried_flower")[0]
    assert flower.each_gtin.startswith("0")
    field = cashier.register.panel.scan_field
    with cashier.qtbot.waitSignal(cashier.register.panel.item_added, timeout=2000):
        cashier.type(field, flower.each_gtin[1:])
        cashier.qtbot.keyClick(field, Qt.Key.Key_Return)
    assert cashier.till.sales.sale.lines[0].product.sku == flower.ocs_variant_number
