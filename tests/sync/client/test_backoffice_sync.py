"""The back office against a real hub (uvicorn, PostgreSQL): a lot sold at the register, then recalled on the hub,
reaches the till, whose register refuses it naming the recall, and the hub's report lists the earlier sale.
Put-away batches and low stock's draft purchase order reach the hub through the outbox."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from sqlalchemy import select

from pos_app.domain.errors import LotNotSellable
from pos_app.domain.money import Money
from pos_app.persistence.models import BatchTracking, InventoryShelfAssignment, OcsProduct
from pos_app.services.putaway import PutawayLine
from pos_app.services.selling import SaleService
from pos_app.services.staff import find_staff
from tests.sync.client.tills import CASHIER

MANAGER = "2001"


def _admin_token(hub) -> str:
    from sync.hub.models import Tenant
    from sync.hub.tokens import issue_token

    with hub.db.write() as session:
        return issue_token(session, kind="admin", tenant_id=session.scalar(select(Tenant.id)))


def _sellable_lot(till) -> tuple[str, str, str]:
    """(each GTIN, SKU, lot) of a sellable lot with a few units."""
    with till.terminal.session_factory() as session:
        gtin, sku, lot = session.execute(
            select(OcsProduct.each_gtin, BatchTracking.sku, BatchTracking.batch_lot)
            .join(OcsProduct, OcsProduct.ocs_variant_number == BatchTracking.sku)
            .where(BatchTracking.is_recalled.is_(False), BatchTracking.quantity_remaining >= 3,
                   BatchTracking.expiry_date > date.today(), OcsProduct.product_form == "dried_flower")
            .order_by(BatchTracking.batch_lot).limit(1)).one()
    return gtin, sku, lot


def _sale(till) -> SaleService:
    sales = SaleService(till.terminal.session_factory, till.terminal.context)
    sales.start_sale(find_staff(till.terminal.session_factory, CASHIER))
    return sales


def test_a_recall_reaches_the_register_which_names_it_and_the_report_lists_the_earlier_sale(hub, make_till):
    till = make_till(hub.url)
    gtin, sku, lot = _sellable_lot(till)
    sales = _sale(till)
    sales.scan_item(gtin, lot=lot)
    till.terminal.age_checks.attest(sales, find_staff(till.terminal.session_factory, CASHIER))
    sales.tender_cash(Money.of(sales.totals().total.amount + 100))
    sold = sales.complete()
    till.sync.sync_once()

    admin = {"Authorization": f"Bearer {_admin_token(hub)}"}
    created = httpx.post(f"{hub.url}/api/v1/recalls", headers=admin, json={
        "sku": sku, "lots": [lot], "reason": "Mould found by the producer", "reference": "HC-RA-7731"})
    assert created.status_code == 201, created.text
    till.sync.sync_once()

    again = _sale(till)
    with pytest.raises(LotNotSellable) as refused:
        again.scan_item(gtin, lot=lot)
    assert f"Lot {lot} of" in refused.value.message
    assert "recall HC-RA-7731: Mould found by the producer" in refused.value.message

    report = httpx.get(f"{hub.url}/api/v1/recalls/{created.json()['id']}/report", headers=admin).json()
    assert [(line["receipt_number"], line["quantity"]) for line in report["lines"]] == [(sold.order_number, 1)]
    as_csv = httpx.get(f"{hub.url}/api/v1/recalls/{created.json()['id']}/report", headers=admin,
                       params={"format": "csv"})
    assert sold.order_number in as_csv.text


def test_a_put_away_batch_and_a_draft_order_reach_the_hub_once(hub, make_till):
    from sync.hub.models import InventoryShelfAssignment as HubAssignment
    from sync.hub.models import PurchaseOrder, PurchaseOrderItem

    till = make_till(hub.url)
    backoffice = till.terminal.backoffice
    manager = find_staff(till.terminal.session_factory, MANAGER)
    putaway = backoffice.putaway
    gtin, sku, _lot = _sellable_lot(till)
    vault, back = putaway.location("LOC:VAULT-02-02-C"), putaway.location("BACK-03-01-D")
    putaway.put_away([PutawayLine(vault, sku, "x", None, 4, True), PutawayLine(back, sku, "x", None, 2)], manager)
    low = backoffice.low_stock.rows()
    assert low and all(row.available <= row.reorder_point for row in low)
    request = backoffice.low_stock.request_draft([(row.sku, row.suggested) for row in low[:3]], manager)
    till.sync.sync_once()
    till.sync.sync_once()  # the hub's answer: its copies of the shelf rows

    with hub.db.read() as session:
        rows = {r.location_id: (r.quantity, r.is_primary) for r in session.scalars(
            select(HubAssignment).where(HubAssignment.sku == sku, HubAssignment.location_id.in_([vault.id, back.id])))}
        assert rows == {vault.id: (4, True), back.id: (2, False)}
        draft = session.scalar(select(PurchaseOrder).where(
            PurchaseOrder.po_number.like(f"%{request.hex[:10].upper()}")))
        assert draft is not None and draft.status == "draft"
        lines = session.scalars(select(PurchaseOrderItem).where(PurchaseOrderItem.purchase_order_id == draft.id))
        assert sorted((line.sku, line.quantity_ordered) for line in lines) == sorted(
            (row.sku, row.suggested) for row in low[:3])
    with till.terminal.session_factory() as session:
        local = session.scalars(select(InventoryShelfAssignment).where(
            InventoryShelfAssignment.sku == sku, InventoryShelfAssignment.location_id == vault.id)).one()
        assert local.quantity == 4 and local.version > 0  # the hub's copy replaced the terminal's own


def test_the_low_stock_list_becomes_a_draft_order_on_the_hub(qtbot, hub, make_till):
    from PySide6.QtCore import Qt

    from pos_app.ui.backoffice.window import BackOfficeWindow
    from pos_app.ui.device_events import DeviceEvents
    from sync.hub.models import PurchaseOrder, PurchaseOrderItem
    from tests.ui.register_driver import wired

    till = make_till(hub.url)
    with hub.db.read() as session:
        before = set(session.scalars(select(PurchaseOrder.id).where(PurchaseOrder.status == "draft")))
    with wired(till.terminal) as terminal:
        window = BackOfficeWindow(terminal, devices=DeviceEvents())
        qtbot.addWidget(window)
        window.show()
        window.login.signed_in.emit(find_staff(terminal.session_factory, MANAGER))
        tab = window.open_tab("stock")
        qtbot.mouseClick(tab.low_stock_button, Qt.MouseButton.LeftButton)
        dialog = tab.low_stock_dialog
        assert dialog.isVisible() and len(dialog.rows) >= 2
        first, second = dialog.rows[:2]
        dialog.table.item(1, 0).setCheckState(Qt.CheckState.Unchecked)  # not this one
        dialog.table.item(0, 5).setText("7x")
        qtbot.mouseClick(dialog.request_button, Qt.MouseButton.LeftButton)
        assert "not a number of units" in window.notice.text and dialog.isVisible()
        dialog.table.item(0, 5).setText("30")
        qtbot.mouseClick(dialog.request_button, Qt.MouseButton.LeftButton)
        assert "Asked head office for a draft purchase order" in window.notice.text and not dialog.isVisible()
        window.close()
    till.sync.sync_once()
    with hub.db.read() as session:
        [draft] = [d for d in session.scalars(select(PurchaseOrder).where(PurchaseOrder.status == "draft"))
                   if d.id not in before]
        lines = {(line.sku, line.quantity_ordered) for line in session.scalars(
            select(PurchaseOrderItem).where(PurchaseOrderItem.purchase_order_id == draft.id))}
    assert (first.sku, 30) in lines and second.sku not in {sku for sku, _q in lines}
    assert len(lines) == len(dialog.rows) - 1
