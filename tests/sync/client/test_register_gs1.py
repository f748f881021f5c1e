"""A GS1-128 label scanned at the register sells the lot it names, and that lot reaches the hub on the order.

Real parts end to end: the scanner simulator on a socket, the register window driven through qtbot, a till
paired with the hub under uvicorn on PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select

from hardware.simulators.scanner import ScannerSimulator
from pos_app.domain.lots import Lot, allocate_lots
from pos_app.persistence.models import BatchTracking, OcsProduct
from pos_app.services.staff import find_staff
from pos_app.ui.main_window import MainWindow
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.tender_dialog import TenderDialog
from tests.integration.helpers import terminal_with
from tests.sync.client.tills import CASHIER
from tests.ui.register_driver import DAY_FLOAT


def _lot_fefo_would_not_pick(till) -> tuple[str, str, Lot]:
    """(GTIN, name, lot) of a product with two sellable lots: the one that first-expiring-first-out passes over."""
    today = date.today()
    with till.terminal.session_factory() as session:
        rows = session.execute(select(OcsProduct.each_gtin, OcsProduct.product_name, BatchTracking)
                               .join(BatchTracking, BatchTracking.sku == OcsProduct.ocs_variant_number)
                               .where(OcsProduct.is_active.is_(True), BatchTracking.quantity_remaining > 0)
                               .order_by(OcsProduct.ocs_variant_number, BatchTracking.batch_lot)).all()
    lots = defaultdict(list)
    for gtin, name, batch in rows:
        lot = Lot(batch.batch_lot, batch.sku, batch.quantity_remaining, batch.received_date, batch.expiry_date,
                  batch.is_recalled)
        if lot.is_sellable_on(today):
            lots[(gtin, name)].append(lot)
    for (gtin, name), sellable in lots.items():
        if len(sellable) > 1:
            fefo = allocate_lots(sellable[0].sku, 1, sellable, today)[0].batch_lot
            return gtin, name, next(lot for lot in sellable if lot.batch_lot != fefo)
    raise AssertionError("the demo store has no product with two sellable lots")


def test_a_gs1_128_label_sells_its_lot_and_the_lot_reaches_the_hub(qtbot, hub, make_till):
    till = make_till(hub.url)
    gtin, name, lot = _lot_fefo_would_not_pick(till)
    expiry = f"{lot.expiry_date:%y%m%d}" if lot.expiry_date else "000000"
    label = f"]C101{gtin}17{expiry}10{lot.batch_lot}".encode("ascii")  # the lot, variable length, comes last

    scanner = ScannerSimulator(port=0)
    scanner.start()
    try:
        with terminal_with(till.terminal, scanner_url=f"socket://127.0.0.1:{scanner.port}") as wired:
            cashier = find_staff(wired.session_factory, CASHIER)
            wired.shifts.open_shift(cashier, DAY_FLOAT)
            window = MainWindow(wired)  # the terminal's own scanner, over a socket
            qtbot.addWidget(window)
            window.show()
            window.show_register(cashier)
            register = window.register
            assert scanner.wait_for_client(5)

            with qtbot.waitSignal(register.panel.item_added, timeout=5000):
                scanner.send(label)
            line = wired.sales.sale.lines[0]
            assert (line.product.name, line.lot) == (name, lot.batch_lot)
            assert f"lot {lot.batch_lot}" in register.panel.cart_model.index(0, 0).data()

            register.checkout.pay()
            assert isinstance(register.dialog, AgeCheckDialog)
            register.dialog.attest_button.click()
            tender = register.dialog
            assert isinstance(tender, TenderDialog)
            with qtbot.waitSignal(register.checkout.completed, timeout=5000) as completed:
                tender.pay_exact()
            order = completed.args[0]
            assert [(a.batch_lot, a.quantity) for a in order.lines[0].allocations] == [(lot.batch_lot, 1)]
            window.close()
    finally:
        scanner.stop()

    till.sync.sync_once()
    from sync.hub.models import Order, OrderItem, OrderItemLot

    with hub.db.read() as session:
        lots_on_hub = session.execute(
            select(OrderItemLot.batch_lot, OrderItemLot.quantity)
            .join(OrderItem, OrderItem.id == OrderItemLot.order_item_id)
            .join(Order, Order.id == OrderItem.order_id)
            .where(Order.order_number == order.order_number)).all()
    assert [tuple(row) for row in lots_on_hub] == [(lot.batch_lot, 1)]
