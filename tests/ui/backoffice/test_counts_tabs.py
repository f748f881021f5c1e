"""A manager counts a shelf blind at the Counts tab (shelf label, scans, typed counts), sees the variance and
approves it; and records a damaged-stock adjustment on the Adjustments tab. Bad input gets sentences."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from pos_app.domain.counts import CountScope
from pos_app.persistence.models import BatchTracking, OcsProduct, SyncOutbox
from sync.mutations.reasons import AdjustmentReason


def _outbox(till, name):
    with till.session_factory() as session:
        return list(session.scalars(select(SyncOutbox).where(SyncOutbox.name == name)))


def test_a_manager_counts_a_shelf_blind_sees_the_variance_and_approves(manager):
    tab = manager.open_tab("counts")
    code = manager.till.backoffice.counts.locations()[0]
    manager.scan("LOC:" + code)
    sheet = tab.sheet
    assert sheet is not None and sheet.status == "counting", manager.notice
    assert {tab.lines.text(r, 4) for r in range(tab.lines.rowCount())} == {"hidden"}, "blind while counting"
    first = sheet.lines[0]
    with manager.till.session_factory() as session:
        gtin = session.scalar(select(OcsProduct.each_gtin).where(OcsProduct.ocs_variant_number == first.sku))
    several_lots = sum(line.sku == first.sku for line in sheet.lines) > 1
    manager.scan(gtin)
    if several_lots:
        assert "several lots" in manager.notice
    for row, line in enumerate(sheet.lines):
        tab.lines.selectRow(row)
        found = line.expected_at_start - 1 if row == 0 else line.expected_at_start
        manager.type(tab.quantity_field, str(found)) if row < 2 else tab.quantity_field.setText(str(found))
        manager.qtbot.keyClick(tab.quantity_field, Qt.Key.Key_Return)
    manager.type(tab.quantity_field, "-3")
    tab.lines.selectRow(0)
    manager.qtbot.keyClick(tab.quantity_field, Qt.Key.Key_Return)
    assert "cannot be negative" in manager.notice
    manager.click(tab.submit_button)
    assert tab.sheet.status == "submitted"
    assert tab.lines.text(0, 4) == str(first.expected_at_start) and tab.lines.text(0, 6) == "-1"
    assert "1 of" in tab.summary.text()
    manager.click(tab.approve_button)
    assert "approved" in manager.notice and tab.sheet is None
    [row] = _outbox(manager.till, "inventory.counted.v1")
    assert {(x["sku"], x["batch_lot"], x["counted"]) for x in row.args["lines"]} >= {
        (first.sku, first.batch_lot, first.expected_at_start - 1)}


def test_a_manager_records_a_damaged_adjustment_and_bad_input_gets_sentences(manager):
    tab = manager.open_tab("adjustments")
    code = manager.till.catalog.in_stock_codes(1, ("dried_flower",))[0]
    manager.scan(code)
    assert tab.sku is not None and tab.lot_choice.count() >= 2
    manager.click(tab.record_button)
    assert "Pick the reason" in manager.notice
    manager.click(tab.reason_buttons[AdjustmentReason.DAMAGED])
    manager.type(tab.quantity_field, "0")
    manager.qtbot.keyClick(tab.quantity_field, Qt.Key.Key_Return)
    assert "0 units changes nothing" in manager.notice
    tab.quantity_field.setText("-100001")
    manager.qtbot.keyClick(tab.quantity_field, Qt.Key.Key_Return)
    assert "more than 100,000" in manager.notice
    tab.quantity_field.setText("")
    manager.type(tab.quantity_field, "-2")
    manager.type(tab.note_field, "Jar cracked")
    manager.qtbot.keyClick(tab.note_field, Qt.Key.Key_Return)
    assert "Recorded: -2" in manager.notice, manager.notice
    assert tab.recent.rowCount() == 1 and tab.recent.text(0, 3) == "Damaged"
    [row] = _outbox(manager.till, "inventory.adjusted.v1")
    assert (row.args["quantity_delta"], row.args["reason"], row.args["batch_lot"]) == (
        -2, "damaged", tab.lot_choice.currentData())



def test_a_case_label_counts_the_units_it_prints(manager):
    tab = manager.open_tab("counts")
    with manager.till.session_factory() as session:
        sku, case_gtin, lot = session.execute(
            select(OcsProduct.ocs_variant_number, OcsProduct.case_gtin, BatchTracking.batch_lot)
            .join(BatchTracking, BatchTracking.sku == OcsProduct.ocs_variant_number)
            .where(OcsProduct.case_gtin.is_not(None), OcsProduct.case_quantity > 3,
                   BatchTracking.quantity_remaining > 0)
            .order_by(OcsProduct.ocs_variant_number, BatchTracking.batch_lot).limit(1)).one()
    tab.scope_choice.setCurrentIndex(tab.scope_choice.findData(CountScope.SKUS))
    manager.type(tab.scope_field, sku)
    manager.click(tab.start_button)
    assert tab.sheet is not None, manager.notice
    manager.scan(f"(01){case_gtin}(17)271031(37)3(10){lot}")  # an opened case: its label says 3 are left
    counted = {(line.sku, line.batch_lot): line.counted for line in tab.sheet.lines}
    assert counted[(sku, lot)] == 3, manager.notice
