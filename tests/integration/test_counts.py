"""Counting a shelf at the terminal: blind while counting, the variance measured against the start plus the sales
made meanwhile, and one inventory.counted.v1 with the ledger rows once a manager approves; bad counts refused."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pos_app.bootstrap import open_terminal
from pos_app.config import load_settings
from pos_app.domain.counts import CountRefused
from pos_app.domain.money import Money
from pos_app.persistence.models import (
    AuditLog,
    InventoryShelfAssignment,
    OcsInventoryTransaction,
    OcsProduct,
    ShelfLocation,
    SyncOutbox,
)
from pos_app.services.selling import SaleService
from tests.integration.helpers import staff


def busy_location(terminal) -> str:
    """The code of a shelf holding at least two sellable dried-flower products."""
    with terminal.session_factory() as session:
        rows = session.execute(
            select(ShelfLocation.location_code, func.count())
            .join(InventoryShelfAssignment, InventoryShelfAssignment.location_id == ShelfLocation.id)
            .join(OcsProduct, OcsProduct.ocs_variant_number == InventoryShelfAssignment.sku)
            .where(OcsProduct.product_form == "dried_flower")
            .group_by(ShelfLocation.location_code).having(func.count() >= 2)
            .order_by(ShelfLocation.location_code)).all()
    assert rows, "the demo store has no shelf with two dried-flower products"
    return rows[0][0]


def sell_one(terminal, sku: str) -> tuple[str, str | None]:
    """A cashier sells one unit of the SKU; returns the (SKU, lot) it was taken from."""
    sales = SaleService(terminal.session_factory, terminal.context, stock_checks=False)
    cashier = staff(terminal, "1001")
    sales.start_sale(cashier)
    with terminal.session_factory() as session:
        gtin = session.scalar(select(OcsProduct.each_gtin).where(OcsProduct.ocs_variant_number == sku))
    sales.scan(gtin)
    terminal.age_checks.attest(sales, cashier)
    sales.tender_cash(Money.of(sales.totals().total.amount + 100))
    order = sales.complete()
    with terminal.session_factory() as session:
        [lot] = session.scalars(select(OcsInventoryTransaction.batch_lot).where(
            OcsInventoryTransaction.reference_id == order.order_id))
    return sku, lot


def outbox(terminal, name: str) -> list[SyncOutbox]:
    with terminal.session_factory() as session:
        return list(session.scalars(select(SyncOutbox).where(SyncOutbox.name == name)))


def test_a_location_count_accounts_for_a_sale_made_while_counting(terminal):
    counts = terminal.backoffice.counts
    manager = staff(terminal, "2001")
    sheet = counts.start_location_count("LOC:" + busy_location(terminal), manager)
    assert sheet.blind and not sheet.shows_expected and len(sheet.lines) >= 2
    short = sheet.lines[0]
    # One unit leaves the shelf through the register while the manager counts; the shelf is counted after.
    sold = sell_one(terminal, next(line.sku for line in sheet.lines if line.sku != short.sku))
    assert sold in {(line.sku, line.batch_lot) for line in sheet.lines}, "the sale took a lot this shelf holds"
    fewer = {sold, (short.sku, short.batch_lot)}
    for line in sheet.lines:
        counts.set_count(line.sku, line.batch_lot, line.expected_at_start - ((line.sku, line.batch_lot) in fewer))
    submitted = counts.submit()
    assert submitted.shows_expected
    by_key = {(line.sku, line.batch_lot): line for line in submitted.lines}
    assert by_key[(short.sku, short.batch_lot)].variance == -1, "one unit missing"
    assert by_key[sold].moves_since_start == -1 and by_key[sold].variance == 0, "the sale is not a loss"
    assert [line.sku for line in submitted.variances] == [short.sku]
    approved = counts.approve(manager)
    assert approved.status == "approved" and counts.open_count() is None
    [row] = outbox(terminal, "inventory.counted.v1")
    lines = {(line["sku"], line["batch_lot"]): line for line in row.args["lines"]}
    assert lines[(short.sku, short.batch_lot)]["counted"] == short.expected_at_start - 1
    assert lines[(short.sku, short.batch_lot)]["expected_at_start"] == short.expected_at_start
    assert row.args["approved_by"] == str(manager.id)
    with terminal.session_factory() as session:
        ledger = session.scalars(select(OcsInventoryTransaction).where(
            OcsInventoryTransaction.reference_id == approved.count_id)).all()
        assert {(t.sku, t.batch_lot, t.quantity, t.reason_code) for t in ledger} >= {
            (short.sku, short.batch_lot, -1, "count")}
        assert all(t.mutation_id == row.mutation_id for t in ledger)
        assert session.scalar(select(AuditLog.action).order_by(AuditLog.seq.desc()).limit(1)) == \
            "stock_count.approved"


def test_bad_counts_are_refused_with_a_sentence_and_change_nothing(terminal):
    counts = terminal.backoffice.counts
    manager, cashier = staff(terminal, "2001"), staff(terminal, "1001")
    sheet = counts.start_location_count(busy_location(terminal), manager)
    line = sheet.lines[0]
    with pytest.raises(CountRefused, match="cannot be negative"):
        counts.set_count(line.sku, line.batch_lot, -1)
    with pytest.raises(CountRefused, match="more than 100,000"):
        counts.set_count(line.sku, line.batch_lot, 100_001)
    with pytest.raises(CountRefused, match="Nothing has been counted"):
        counts.submit()
    with pytest.raises(CountRefused, match="still open"):
        counts.start_location_count(busy_location(terminal), manager)
    counts.set_count(line.sku, line.batch_lot, 100_000)
    counts.submit()
    with pytest.raises(CountRefused, match="manager or an admin"):
        counts.approve(cashier)
    assert outbox(terminal, "inventory.counted.v1") == []
    counts.cancel(manager)
    assert counts.open_count() is None


def test_a_count_in_progress_survives_a_restart(terminal):
    manager = staff(terminal, "2001")
    sheet = terminal.backoffice.counts.start_location_count(busy_location(terminal), manager)
    line = sheet.lines[0]
    terminal.backoffice.counts.add(line.sku, 3, line.batch_lot)
    folder = terminal.settings.data_dir
    terminal.close()
    again = open_terminal(load_settings(folder), log_to_file=False)
    try:
        resumed = again.backoffice.counts.open_count()
        assert resumed is not None and resumed.count_id == sheet.count_id and resumed.status == "counting"
        assert {(x.sku, x.batch_lot): x.counted for x in resumed.lines}[(line.sku, line.batch_lot)] == 3
    finally:
        again.close()
