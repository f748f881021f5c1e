"""Stock is checked as items go into the cart: a line that cannot be sold is marked at once, with a sentence,
and payment does not start until it is gone. Search shows what is in stock and marks what is not."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from sqlalchemy import select, update

from pos_app.persistence.models import BatchTracking, OcsInventory, OcsProduct, Order
from pos_app.ui.register.simple_dialogs import ParkedSalesDialog, QuantityDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.integration.helpers import count_rows, sellable_products
from tests.ui.register_driver import Cashier


def _sold_out(terminal) -> OcsProduct:
    """A cannabis product with nothing on hand (and so no lot to sell from)."""
    with terminal.session_factory() as session:
        return session.scalars(
            select(OcsProduct).join(OcsInventory, OcsInventory.sku == OcsProduct.ocs_variant_number)
            .where(OcsInventory.quantity_on_hand == 0, OcsProduct.product_form == "dried_flower",
                   OcsProduct.is_active.is_(True))
            .order_by(OcsProduct.ocs_variant_number).limit(1)).one()


def _row_of(cashier: Cashier, name: str) -> int:
    model = cashier.register.panel.cart_model
    return next(row for row in range(model.rowCount()) if name in model.line_at(row).product.name)


def _marked(cashier: Cashier, row: int) -> str | None:
    """What the cart shows a cashier about a line that cannot be sold: its tooltip sentence, if marked."""
    model = cashier.register.panel.cart_model
    return model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)


def test_an_item_with_nothing_in_stock_is_marked_at_once_and_payment_waits_until_it_is_removed(cashier, terminal):
    good = sellable_products(terminal, "dried_flower")[0]
    empty = _sold_out(terminal)
    cashier.scan(good.each_gtin)
    cashier.scan(empty.each_gtin)
    row = _row_of(cashier, empty.product_name)
    assert empty.product_name in cashier.notice and "Remove" in cashier.notice, "said at the scan, not at payment"
    assert "can't be sold" in cashier.register.panel.cart_model.data(
        cashier.register.panel.cart_model.index(row, 0))
    assert "stock" in (_marked(cashier, row) or "")
    assert _marked(cashier, _row_of(cashier, good.product_name)) is None

    cashier.click(cashier.button("F12"))
    assert cashier.dialog is None, "no age check and no payment screen while the cart holds it"
    assert empty.product_name in cashier.notice and "F4" in cashier.notice

    cashier.register.panel.cart_view.selectRow(row)
    cashier.click(cashier.button("F4"))
    cashier.click(cashier.button("F12"))
    cashier.attest_age()
    tender = cashier.wait_for_dialog(TenderDialog)
    with cashier.qtbot.waitSignal(cashier.register.checkout.completed, timeout=5000):
        cashier.click(tender.exact_button)
    assert count_rows(terminal, Order) == 1


def test_a_recalled_stock_or_too_many_units_are_caught_when_the_quantity_changes(cashier, terminal):
    flower = next(p for p in sellable_products(terminal, "dried_flower", 20) if p.dried_equivalent_g <= 7)
    in_stock = 2  # the shelf holds two: light enough that a third stays under the 30 g limit
    with terminal.session_factory() as session:
        lots = session.scalars(select(BatchTracking).where(BatchTracking.sku == flower.ocs_variant_number)).all()
        for lot in lots:
            lot.quantity_remaining = 0
        sellable = next(lot for lot in lots if not lot.is_recalled
                        and (lot.expiry_date is None or lot.expiry_date >= date.today()))
        sellable.quantity_remaining = in_stock
        session.commit()
    assert flower.dried_equivalent_g * (in_stock + 1) <= 30
    cashier.scan(flower.each_gtin)
    assert _marked(cashier, 0) is None

    cashier.click(cashier.button("F3"))
    quantity = cashier.wait_for_dialog(QuantityDialog)
    quantity.spin.setValue(in_stock + 1)
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.click(quantity.buttons.itemAt(quantity.buttons.count() - 1).widget())
    assert f"Only {in_stock}" in (_marked(cashier, 0) or ""), "more than the shelf holds"
    assert f"Only {in_stock}" in cashier.notice

    # Back within stock, the mark goes; then the stock is recalled by the hub, and paying catches it.
    cashier.click(cashier.button("F3"))
    quantity = cashier.wait_for_dialog(QuantityDialog)
    quantity.spin.setValue(1)
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.click(quantity.buttons.itemAt(quantity.buttons.count() - 1).widget())
    assert _marked(cashier, 0) is None
    with terminal.session_factory() as session:
        session.execute(update(BatchTracking).where(BatchTracking.sku == flower.ocs_variant_number)
                        .values(is_recalled=True))
        session.commit()
    cashier.click(cashier.button("F12"))
    assert cashier.dialog is None
    assert "recalled" in (_marked(cashier, 0) or "") and flower.product_name in cashier.notice


def test_a_resumed_sale_is_checked_again(cashier, terminal):
    flower = sellable_products(terminal, "dried_flower")[0]
    cashier.scan(flower.each_gtin)
    cashier.click(cashier.button("F8"))
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.wait_for_dialog(ParkedSalesDialog).park_button.click()
    with terminal.session_factory() as session:  # sold out while it was parked
        session.execute(update(BatchTracking).where(BatchTracking.sku == flower.ocs_variant_number)
                        .values(quantity_remaining=0))
        session.commit()
    cashier.click(cashier.button("F8"))
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.wait_for_dialog(ParkedSalesDialog).resume_selected()
    assert "stock" in (_marked(cashier, 0) or "")
    assert flower.product_name in cashier.notice


def test_stock_gone_while_paying_leaves_no_half_finished_payment_screen(cashier, terminal):
    flower = sellable_products(terminal, "dried_flower")[0]
    cashier.scan(flower.each_gtin)
    cashier.click(cashier.button("F12"))
    cashier.attest_age()
    tender = cashier.wait_for_dialog(TenderDialog)
    with terminal.session_factory() as session:  # recalled by the hub while the customer counts their cash
        session.execute(update(BatchTracking).where(BatchTracking.sku == flower.ocs_variant_number)
                        .values(is_recalled=True))
        session.commit()
    with cashier.qtbot.waitSignal(cashier.register.dialog_closed):
        cashier.click(tender.exact_button)
    assert not tender.isVisible() and cashier.dialog is None
    assert "recalled" in (_marked(cashier, 0) or "")
    assert flower.product_name in cashier.notice and "give the customer back" in cashier.notice.lower()
    assert cashier.till.sales.sale.tenders == (), "the cash handed over comes off the sale, to be given back"
    assert count_rows(terminal, Order) == 0


def test_search_shows_what_is_in_stock_and_marks_what_is_not(cashier, terminal):
    empty = _sold_out(terminal)
    field = cashier.register.panel.scan_field
    search = cashier.register.panel.search
    with cashier.qtbot.waitSignal(search.hits_shown, timeout=5000):
        cashier.qtbot.keyClicks(field, empty.product_name, delay=5)
    model = search.hits_model
    row = next(r for r, hit in enumerate(model.hits) if hit.sku == empty.ocs_variant_number)
    assert model.data(model.index(row, 3)) == "Out of stock"
    assert "can't be sold" in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    in_stock = next((r for r, hit in enumerate(model.hits) if hit.on_hand > 0), None)
    if in_stock is not None:
        assert model.data(model.index(in_stock, 3)) == str(model.hits[in_stock].on_hand)
    search.pick(row)
    assert "stock" in (_marked(cashier, 0) or ""), "picked from search, it is marked like a scan"
