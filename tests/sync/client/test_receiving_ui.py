"""Receiving through the back-office window, as a manager taps and scans, on a till paired with a real hub and a
printer simulator over TCP: three GS1-128 case labels (short, over, damaged) make the PO partly received on the
hub with lots, expiry and ledger rows; the summary and shelf labels print."""

from __future__ import annotations

import pytest

from hardware.simulators.printer import PrinterSimulator
from pos_app.domain.staff import Role
from pos_app.services.staff import first_staff_with_role
from pos_app.ui.backoffice.window import BackOfficeWindow
from pos_app.ui.device_events import DeviceEvents
from tests.integration.helpers import terminal_with
from tests.sync.client.receiving_side import case_label, hub_order, import_shipment
from tests.sync.client.test_receiving_sync import EXPIRY, _expected
from tests.ui.backoffice.manager_driver import Manager
from tests.ui.backoffice.receiving_driver import Receiving


class HubManager(Manager):
    """A manager of a paired till: signed in by the login screen's own signal (sync tills keep no PIN list)."""

    def __init__(self, qtbot, till) -> None:  # noqa: D107 - Manager's, without the PIN file
        self.qtbot, self.till = qtbot, till
        self.window = BackOfficeWindow(till, devices=DeviceEvents())
        qtbot.addWidget(self.window)
        self.window.resize(1280, 800)
        self.window.show()
        self.window.login.signed_in.emit(first_staff_with_role(till.session_factory, Role.MANAGER))


@pytest.fixture
def printer(tmp_path):
    sim = PrinterSimulator(port=0)
    sim.start()
    yield sim
    sim.stop()


def test_a_manager_receives_an_asn_by_scanning_and_the_hub_shows_it(qtbot, hub, make_till, printer, tmp_path):
    po_number, rows = import_shipment(hub, tmp_path)
    short, over, damaged = rows
    till = make_till(hub.url)
    with terminal_with(till.terminal, printer_url=f"tcp://127.0.0.1:{printer.port}") as wired:
        manager = HubManager(qtbot, wired)
        receiving = Receiving(manager)
        receiving.open(po_number)
        receiving.scan("R:ON001-1-000042")  # a receipt is not a product
        assert "not a product" in manager.notice
        receiving.scan("(01)09501101530003(17)991340(10)AB")
        assert "expiry date (17) 991340" in manager.notice
        receiving.scan(case_label(short["gtin"], short["batch_lot"], EXPIRY, short["case_quantity"]))
        for _ in range(2):
            receiving.scan(case_label(over["gtin"], over["batch_lot"], EXPIRY, over["case_quantity"]))
        receiving.scan(case_label(over["gtin"], "NEWLOT-9", EXPIRY, over["case_quantity"]), confirm=True)
        assert "not the lot on the shipping notice" in manager.notice
        for _ in range(2):
            receiving.scan(case_label(damaged["gtin"], damaged["batch_lot"], EXPIRY, damaged["case_quantity"]))
        receiving.reason(damaged["sku"], "Damaged")
        manager.click(receiving.tab.summary_button)
        manager.click(receiving.tab.labels_button)
        question = receiving.finish()
        assert "3 line(s) with a discrepancy" in question
        assert "Received" in manager.notice and receiving.tab.draft is None
        jobs = printer.wait_for_jobs(2)
        assert "Damaged" in jobs[0].text and short["each_gtin"] in jobs[1].parsed.barcodes
    till.sync.sync_once()
    shown = hub_order(hub, po_number)
    assert (shown["status"], shown["lines"]) == (_expected(rows)["status"], _expected(rows)["lines"])
    assert shown["lots"][(over["sku"], "NEWLOT-9")][:2] == (over["case_quantity"], EXPIRY)
    assert {entry[3:] for entry in shown["ledger"]} == {("receipt", "purchase_order")}
