"""A store manager's morning at the back office, on real parts: the hub on PostgreSQL under uvicorn, the back
office's serial scanner and receipt printer as simulators on real sockets, and a second terminal of the store as
the register, with its own scanner and printer.

Head office imports the store's new shelf locations and the OCS shipping notice (`pos-hub import-locations`,
`pos-hub import-asn`). The manager receives the delivery by scanning three GS1-128 case labels (one line short,
one over and confirmed, one damaged with its reason), prints the summary and finishes; puts the cases away on the
two new shelves; counts one of them and finds a unit missing. Later a cashier sells a unit of one of the new lots,
head office recalls that lot (`pos-hub recall`), the register refuses it naming the recall, and the recall report
lists the sale. Every step is checked on the hub's database or API, not only on the screens."""

from __future__ import annotations

import re
import uuid

import httpx
import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from hardware.simulators.printer import PrinterSimulator
from hardware.simulators.scanner import ScannerSimulator
from pos_app.persistence.models import BatchTracking as LocalLot
from pos_app.persistence.models import SyncState
from pos_app.ui.device_events import DeviceEvents
from sync.hub.cli import main as pos_hub
from sync.hub.models import (
    InventoryShelfAssignment,
    OcsInventoryTransaction,
    Order,
    ShelfLocation,
    Tenant,
    Terminal,
)
from tests.sync.client.receiving_side import hub_order, import_shipment
from tests.sync.client.test_backoffice_sync import _admin_token
from tests.sync.client.test_receiving_sync import EXPIRY, _expected
from tests.ui.backoffice.manager_driver import Manager
from tests.ui.backoffice.receiving_driver import Receiving
from tests.ui.journeys.test_kiosk_to_counter import register_on, take_cash
from tests.ui.register_driver import wired

GS = "\x1d"  # FNC1 as the scanner sends it: ends a variable-length element
HUB_WITHIN_MS = 15_000
RECALL_REASON = "Mould found by the producer"


def case_label(gtin: str, lot: str, count: int) -> bytes:
    """A GS1-128 case label as a serial scanner sends it: AIM id ]C1, no brackets, FNC1 after the count."""
    return f"]C101{gtin}17{EXPIRY:%y%m%d}37{count}{GS}10{lot}".encode("ascii")


def unit_label(gtin: str, lot: str) -> bytes:
    return f"]C101{gtin}17{EXPIRY:%y%m%d}10{lot}".encode("ascii")


def location_label(code: str) -> bytes:
    return f"]C0LOC:{code}".encode("ascii")  # a Code 128 shelf label


@pytest.fixture
def devices(tmp_path):
    """The back office's and the register's own scanner and receipt printer, each on a real socket."""
    started = {"office_scanner": ScannerSimulator(port=0), "till_scanner": ScannerSimulator(port=0),
               "office_printer": PrinterSimulator(port=0, save_dir=tmp_path / "office"),
               "till_printer": PrinterSimulator(port=0, save_dir=tmp_path / "till")}
    for device in started.values():
        device.start()
    yield started
    for device in started.values():
        device.stop()


def head_office_sets_up(hub, seeded_hub_url: str, folder, shelves: list[str]) -> tuple[str, list[dict]]:
    """The two new shelves and the shipping notice, as head office imports them on the hub."""
    csv = folder / "locations.csv"
    csv.write_text("location_code,location_type,notes\n" + "".join(f"{code},backstock,Morning delivery\n"
                                                                    for code in shelves))
    assert pos_hub(["import-locations", str(csv), "--store", "ON001", "--db", seeded_hub_url]) == 0
    return import_shipment(hub, folder)  # what `pos-hub import-asn` runs, on a CSV it writes


def scan(manager: Manager, scanner: ScannerSimulator, code: bytes) -> None:
    """One scan from the back office's serial scanner, handled before this returns."""
    with manager.qtbot.waitSignal(manager.window.devices.scanned, timeout=3000):
        assert scanner.send(code) == 1
    manager.qtbot.wait(10)  # the window's own (queued) handler runs too


def receive(manager: Manager, scanner, po_number: str, rows: list[dict], printer) -> None:
    short, over, damaged = rows
    receiving = Receiving(manager)
    receiving.open(po_number)
    scan(manager, scanner, case_label(short["gtin"], short["batch_lot"], short["case_quantity"]))  # 1 case of 2
    for case in range(3):  # 3 cases of 2: the third needs a yes
        scan(manager, scanner, case_label(over["gtin"], over["batch_lot"], over["case_quantity"]))
        assert receiving.tab.confirm_bar.isVisible() == (case == 2), manager.notice
    manager.click(receiving.tab.confirm_yes)
    for _ in range(2):
        scan(manager, scanner, case_label(damaged["gtin"], damaged["batch_lot"], damaged["case_quantity"]))
    receiving.reason(damaged["sku"], "Damaged")
    manager.click(receiving.tab.summary_button)
    [summary] = printer.wait_for_jobs(1)
    assert po_number in summary.text and "Damaged" in summary.text
    assert f"{short['case_quantity']} of {2 * short['case_quantity']}" in summary.text
    question = receiving.finish()
    assert "3 line(s) with a discrepancy" in question
    assert "Received" in manager.notice and receiving.tab.draft is None


def check_received_on_the_hub(hub, po_number: str, rows: list[dict]) -> None:
    short, over, damaged = rows
    manager_units = {short["sku"]: short["case_quantity"], over["sku"]: 3 * over["case_quantity"],
                     damaged["sku"]: 2 * damaged["case_quantity"]}
    shown = hub_order(hub, po_number)
    assert (shown["status"], shown["lines"]) == (_expected(rows)["status"], _expected(rows)["lines"])
    assert {key: value[:2] for key, value in shown["lots"].items()} == {
        (row["sku"], row["batch_lot"]): (manager_units[row["sku"]], EXPIRY) for row in rows}
    assert shown["ledger"] == sorted((row["sku"], row["batch_lot"], manager_units[row["sku"]], "receipt",
                                      "purchase_order") for row in rows)
    [(_units, discrepancies)] = shown["receipts"]
    assert {(d["sku"], d["reason"]) for d in discrepancies} == {
        (short["sku"], "short"), (over["sku"], "over"), (damaged["sku"], "damaged")}


def put_away(manager: Manager, scanner, shelves: list[str], rows: list[dict]) -> None:
    """The short and damaged lines' cases on the first shelf, the over line's on the second as its main shelf."""
    short, over, damaged = rows
    tab = manager.open_tab("putaway")
    scan(manager, scanner, location_label(shelves[0]))
    assert shelves[0] in tab.heading.text(), manager.notice
    scan(manager, scanner, case_label(short["gtin"], short["batch_lot"], short["case_quantity"]))
    for _ in range(2):
        scan(manager, scanner, case_label(damaged["gtin"], damaged["batch_lot"], damaged["case_quantity"]))
    scan(manager, scanner, location_label(shelves[1]))
    manager.click(tab.primary)
    for _ in range(3):
        scan(manager, scanner, case_label(over["gtin"], over["batch_lot"], over["case_quantity"]))
    assert [(line.location.code, line.sku, line.batch_lot, line.quantity, line.primary) for line in tab.lines] == [
        (shelves[0], short["sku"], short["batch_lot"], short["case_quantity"], False),
        (shelves[0], damaged["sku"], damaged["batch_lot"], 2 * damaged["case_quantity"], False),
        (shelves[1], over["sku"], over["batch_lot"], 3 * over["case_quantity"], True)], "a case puts its count away"
    manager.click(tab.save_button)
    assert "on 2 shelf locations" in manager.notice


def shelves_on_the_hub(hub, shelves: list[str]) -> set[tuple]:
    with hub.db.read() as session:
        return {tuple(row) for row in session.execute(
            select(ShelfLocation.location_code, InventoryShelfAssignment.sku, InventoryShelfAssignment.batch_lot,
                   InventoryShelfAssignment.quantity, InventoryShelfAssignment.is_primary)
            .join(ShelfLocation, ShelfLocation.id == InventoryShelfAssignment.location_id)
            .where(ShelfLocation.location_code.in_(shelves)))}


def count_with_one_missing(manager: Manager, scanner, shelf: str, rows: list[dict]):
    """A blind count of the first shelf: the short line's case scanned, one damaged unit not found (typed)."""
    short, _over, damaged = rows
    tab = manager.open_tab("counts")
    scan(manager, scanner, location_label(shelf))
    sheet = tab.sheet
    assert sheet is not None and sheet.status == "counting", manager.notice
    assert {(line.sku, line.batch_lot) for line in sheet.lines} == {
        (short["sku"], short["batch_lot"]), (damaged["sku"], damaged["batch_lot"])}
    scan(manager, scanner, case_label(short["gtin"], short["batch_lot"], short["case_quantity"]))
    row = next(i for i, line in enumerate(tab.sheet.lines) if line.sku == damaged["sku"])
    tab.lines.selectRow(row)
    manager.type(tab.quantity_field, str(2 * damaged["case_quantity"] - 1))
    manager.qtbot.keyClick(tab.quantity_field, Qt.Key.Key_Return)
    manager.click(tab.submit_button)
    variances = {(line.sku, line.batch_lot): line.variance for line in tab.sheet.lines}
    assert variances == {(short["sku"], short["batch_lot"]): 0, (damaged["sku"], damaged["batch_lot"]): -1}
    count_id = tab.sheet.count_id
    manager.click(tab.approve_button)
    assert "approved" in manager.notice and tab.sheet is None
    return count_id


def count_moves_on_the_hub(hub, count_id) -> list[tuple]:
    with hub.db.read() as session:
        return [tuple(row) for row in session.execute(
            select(OcsInventoryTransaction.sku, OcsInventoryTransaction.batch_lot, OcsInventoryTransaction.quantity,
                   OcsInventoryTransaction.reason_code).where(OcsInventoryTransaction.reference_id == count_id))]


def local_lot(till, sku: str, lot: str) -> tuple[int, object, bool]:
    """(units, expiry, recalled) of the lot in a terminal's replica; (0, None, False) before it arrives."""
    with till.terminal.session_factory() as session:
        row = session.scalar(select(LocalLot).where(LocalLot.sku == sku, LocalLot.batch_lot == lot))
        return (0, None, False) if row is None else (row.quantity_remaining, row.expiry_date, row.is_recalled)


def _hub_order_of(hub, number: str):
    with hub.db.read() as session:
        return session.scalar(select(Order).where(Order.order_number == number))


def _terminal_name(hub, terminal_id) -> str:
    with hub.db.read() as session:
        return session.get(Terminal, terminal_id).name


def test_a_managers_morning_receive_put_away_count_and_a_recall_that_finds_the_earlier_sale(
        qtbot, hub, seeded_hub_url, make_till, hub_pins, devices, tmp_path, capsys):
    shelves = [f"MORN-{aisle:02d}-01-{uuid.uuid4().hex[:2].upper()}" for aisle in (1, 2)]
    po_number, rows = head_office_sets_up(hub, seeded_hub_url, tmp_path, shelves)
    short, over, damaged = rows
    office, register = make_till(hub.url), make_till(hub.url)
    for till in (office, register):
        (till.folder / "pins.txt").write_text("\n".join(f"{code}:{pin}" for code, pin in hub_pins.items()))

    scanner, printer = devices["office_scanner"], devices["office_printer"]
    hardware = {"printer_url": f"tcp://127.0.0.1:{printer.port}", "scanner_url": f"socket://127.0.0.1:{scanner.port}"}
    with wired(office.terminal, **hardware) as terminal:
        manager = Manager(qtbot, terminal, devices=DeviceEvents(terminal.scanner, None))
        manager.sign_in("2001")
        assert manager.window.staff is not None and scanner.wait_for_client(5)

        # 1. The delivery: three case labels, short, over and damaged; the hub has it with lots and ledger.
        receive(manager, scanner, po_number, rows, printer)
        qtbot.waitUntil(lambda: hub_order(hub, po_number)["status"] == "partly_received", timeout=HUB_WITHIN_MS)
        check_received_on_the_hub(hub, po_number, rows)

        # 2. Put away on the two new shelves.
        put_away(manager, scanner, shelves, rows)
        placed = {(shelves[0], short["sku"], short["batch_lot"], short["case_quantity"], False),
                  (shelves[0], damaged["sku"], damaged["batch_lot"], 2 * damaged["case_quantity"], False),
                  (shelves[1], over["sku"], over["batch_lot"], 3 * over["case_quantity"], True)}
        qtbot.waitUntil(lambda: shelves_on_the_hub(hub, shelves) == placed, timeout=HUB_WITHIN_MS)

        # 3. Count the first shelf: one damaged unit is missing, and the hub adjusts it with the reason count.
        count_id = count_with_one_missing(manager, scanner, shelves[0], rows)
        missing = [(damaged["sku"], damaged["batch_lot"], -1, "count")]
        qtbot.waitUntil(lambda: count_moves_on_the_hub(hub, count_id) == missing, timeout=HUB_WITHIN_MS)
        manager.window.close()

    # 4. At the register: a unit of the short line's lot is sold; then head office recalls that lot.
    lot = short["batch_lot"]
    till_scanner, till_printer = devices["till_scanner"], devices["till_printer"]
    till_hardware = {"printer_url": f"tcp://127.0.0.1:{till_printer.port}",
                     "scanner_url": f"socket://127.0.0.1:{till_scanner.port}"}
    with register_on(qtbot, register, hub_pins, **till_hardware) as cashier:
        assert till_scanner.wait_for_client(5)
        # The register's own sync brings the received lot (the hub's row, with its expiry).
        qtbot.waitUntil(lambda: local_lot(register, short["sku"], lot)[0] > 0, timeout=HUB_WITHIN_MS)
        assert local_lot(register, short["sku"], lot) == (short["case_quantity"], EXPIRY, False)
        with qtbot.waitSignal(cashier.register.panel.item_added, timeout=5000):
            till_scanner.send(unit_label(short["each_gtin"], lot))
        [line] = cashier.till.sales.sale.lines
        assert line.lot == lot
        cashier.click(cashier.button("F12"))
        cashier.attest_age()
        sold = take_cash(cashier, till_printer)
        qtbot.waitUntil(lambda: _hub_order_of(hub, sold.order_number) is not None, timeout=HUB_WITHIN_MS)

        with hub.db.read() as session:
            tenant = session.scalar(select(Tenant.code))
        reference = f"HC-RA-{uuid.uuid4().hex[:6].upper()}"
        assert pos_hub(["recall", "--sku", short["sku"], "--lot", lot, "--reason", RECALL_REASON,
                        "--reference", reference, "--tenant", tenant, "--db", seeded_hub_url]) == 0
        recall_id = re.search(r"Recall ([0-9a-f-]{36})", capsys.readouterr().out).group(1)

        qtbot.waitUntil(lambda: local_lot(register, short["sku"], lot)[2], timeout=HUB_WITHIN_MS)
        till_scanner.send(unit_label(short["each_gtin"], lot))
        qtbot.waitUntil(lambda: reference in cashier.notice, timeout=5000)
        assert f"Lot {lot}" in cashier.notice and RECALL_REASON in cashier.notice
        assert not cashier.till.sales.sale or not cashier.till.sales.sale.lines, "the recalled lot is not sold"

    admin = {"Authorization": f"Bearer {_admin_token(hub)}"}
    report = httpx.get(f"{hub.url}/api/v1/recalls/{recall_id}/report", headers=admin)
    assert report.status_code == 200, report.text
    with register.terminal.session_factory() as session:
        terminal_id = session.scalar(select(SyncState.terminal_id))
    order = _hub_order_of(hub, sold.order_number)
    assert order.terminal_id == terminal_id
    assert [(line["receipt_number"], line["terminal"], line["quantity"], line["batch_lot"])
            for line in report.json()["lines"]] == [(sold.order_number, _terminal_name(hub, terminal_id), 1, lot)]

