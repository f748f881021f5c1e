"""Counts and adjustments on a real hub: an approved count becomes adjustments with the reason count, a sale made
on another register while counting is not taken for a loss, overlapping counts keep the last approved and are
listed, an adjustment arrives with its reason, and a bad count is refused whole."""

from __future__ import annotations

import uuid

import httpx
from sqlalchemy import func, select

from pos_app.persistence.models import BatchTracking, OcsProduct, ShelfLocation, SyncOutbox
from pos_app.services.staff import find_staff
from sync.hub.inventory import on_hand
from sync.hub.models import InventoryCount, InventoryCountLine, OcsInventoryTransaction, Store
from sync.hub.tokens import issue_token
from tests.sync.client.tills import Till

MANAGER = "2001"


def shelf(till: Till, index: int) -> str:
    """The code of the index-th shelf holding lots of at least two dried-flower products (the hub's feed gives
    each lot its shelf)."""
    with till.terminal.session_factory() as session:
        codes = session.scalars(
            select(ShelfLocation.location_code)
            .join(BatchTracking, BatchTracking.location_id == ShelfLocation.id)
            .join(OcsProduct, OcsProduct.ocs_variant_number == BatchTracking.sku)
            .where(OcsProduct.product_form == "dried_flower", BatchTracking.quantity_remaining > 2,
                   BatchTracking.is_recalled.is_(False))
            .group_by(ShelfLocation.location_code).having(func.count(func.distinct(BatchTracking.sku)) >= 2)
            .order_by(ShelfLocation.location_code)).all()
    return codes[index]


def hub_on_hand(hub, store_id, key) -> int:
    with hub.db.read() as session:
        return on_hand(session, store_id, *key)


def manager_of(till: Till):
    return find_staff(till.terminal.session_factory, MANAGER)


def test_a_location_count_with_one_variance_becomes_a_count_adjustment_and_a_sale_meanwhile_is_kept(hub, make_till):
    counter, register = make_till(hub.url), make_till(hub.url)
    store_id = counter.terminal.context.store_id
    counts = counter.terminal.backoffice.counts
    sheet = counts.start_location_count(shelf(counter, 0), manager_of(counter))
    short = (sheet.lines[0].sku, sheet.lines[0].batch_lot)
    sold_sku = next(line.sku for line in sheet.lines if line.sku != short[0])
    with counter.terminal.session_factory() as session:
        code = session.scalar(select(OcsProduct.each_gtin).where(OcsProduct.ocs_variant_number == sold_sku))
    order = register.sell(code)
    register.sync.sync_once()  # the sale is on the hub while the shelf is being counted
    sold = (sold_sku, order.lines[0].allocations[0].batch_lot)
    assert sold in {(line.sku, line.batch_lot) for line in sheet.lines}
    before = {key: hub_on_hand(hub, store_id, key) for key in (short, sold)}

    for line in sheet.lines:  # the shelf as found: one unit short, and the sold unit gone
        gone = (line.sku, line.batch_lot) in (short, sold)
        counts.set_count(line.sku, line.batch_lot, line.expected_at_start - gone)
    counter.sync.sync_once()  # the counting terminal pulls the sale, as its sync does in the background
    submitted = counts.submit()
    variances = {(line.sku, line.batch_lot): line.variance for line in submitted.lines}
    assert variances[short] == -1 and variances[sold] == 0
    approved = counts.approve(manager_of(counter))
    counter.sync.sync_once()

    assert [row.status for row in counter.outbox() if row.name == "inventory.counted.v1"] == ["applied"]
    with hub.db.read() as session:
        assert session.get(InventoryCount, approved.count_id) is not None
        moves = session.execute(select(OcsInventoryTransaction.sku, OcsInventoryTransaction.batch_lot,
                                       OcsInventoryTransaction.quantity, OcsInventoryTransaction.reason_code)
                                .where(OcsInventoryTransaction.reference_id == approved.count_id)).all()
        assert [tuple(m) for m in moves] == [(*short, -1, "count")]
        line = session.scalar(select(InventoryCountLine).where(InventoryCountLine.count_id == approved.count_id,
                                                               InventoryCountLine.sku == sold[0],
                                                               InventoryCountLine.batch_lot == sold[1]))
        assert (line.moves_since_start, line.delta) == (-1, 0), "the sale during the count is not a loss"
    assert hub_on_hand(hub, store_id, short) == before[short] - 1
    assert hub_on_hand(hub, store_id, sold) == before[sold]
    register.sync.sync_once()
    assert counter.stock(short[0]) == register.stock(short[0]), "both registers show the counted stock"


def test_two_terminals_counting_one_sku_keep_the_last_approved_and_list_the_conflict(hub, make_till):
    first, second = make_till(hub.url), make_till(hub.url)
    store_id = first.terminal.context.store_id
    _, sku = first.products(1, min_stock=6)[0]
    sheets = [till.terminal.backoffice.counts.start(manager_of(till), "skus", sku) for till in (first, second)]
    line = sheets[0].lines[0]
    key = (line.sku, line.batch_lot)
    for till, found in ((first, line.expected_at_start - 1), (second, line.expected_at_start - 2)):
        till.terminal.backoffice.counts.set_count(*key, found)
        till.terminal.backoffice.counts.submit()
    first_count = first.terminal.backoffice.counts.approve(manager_of(first))
    second_count = second.terminal.backoffice.counts.approve(manager_of(second))
    second.sync.sync_once()  # the later approval reaches the hub first; the earlier one must not undo it
    first.sync.sync_once()

    assert hub_on_hand(hub, store_id, key) == line.expected_at_start - 2
    with hub.db.write() as session:
        statuses = dict(session.execute(select(InventoryCountLine.count_id, InventoryCountLine.status).where(
            InventoryCountLine.count_id.in_([first_count.count_id, second_count.count_id]))).all())
        token = issue_token(session, kind="admin", tenant_id=session.get(Store, store_id).tenant_id)
    assert statuses == {second_count.count_id: "applied", first_count.count_id: "superseded"}
    listed = httpx.get(f"{hub.url}/api/v1/stores/{store_id}/count-conflicts",
                       headers={"Authorization": f"Bearer {token}"}).json()["items"]
    mine = [c for c in listed if c["sku"] == sku]
    assert len(mine) == 1
    assert (mine[0]["winner_count_id"], mine[0]["loser_count_id"]) == (str(second_count.count_id),
                                                                        str(first_count.count_id))
    assert (mine[0]["winner_counted"], mine[0]["loser_counted"]) == (line.expected_at_start - 2,
                                                                      line.expected_at_start - 1)


def test_an_adjustment_reaches_the_hub_with_its_reason(hub, make_till):
    till = make_till(hub.url)
    store_id = till.terminal.context.store_id
    _, sku = till.products(2, min_stock=4)[1]
    lot = till.terminal.backoffice.adjustments.lots(sku)[0]
    before = hub_on_hand(hub, store_id, (sku, lot))
    done = till.terminal.backoffice.adjustments.adjust(sku, lot, -2, "damaged", "Crushed jar", manager_of(till))
    till.sync.sync_once()
    with hub.db.read() as session:
        moves = session.execute(select(OcsInventoryTransaction.quantity, OcsInventoryTransaction.reason_code,
                                       OcsInventoryTransaction.batch_lot).where(
            OcsInventoryTransaction.reference_id == done.adjustment_id)).all()
    assert [tuple(m) for m in moves] == [(-2, "damaged", lot)]
    assert hub_on_hand(hub, store_id, (sku, lot)) == before - 2


def test_a_count_with_a_bad_line_is_refused_whole_on_the_hub(hub, make_till):
    till = make_till(hub.url)
    _, sku = till.products(1, min_stock=1)[0]
    count_id = uuid.uuid4()
    line = {"sku": sku, "batch_lot": None, "counted": 1, "expected_at_start": 1, "moves_since_start": 0}
    manager = manager_of(till)
    mutation_id = till.queue_raw("inventory.counted.v1", {
        "count_id": str(count_id), "store_id": str(till.terminal.context.store_id), "scope": "skus",
        "scope_label": "1 product", "started_at": "2026-01-01T10:00:00+00:00",
        "approved_at": "2026-01-01T10:05:00+00:00", "ledger_position": 0, "counted_by": str(manager.id),
        "approved_by": str(manager.id), "lines": [line, {**line, "counted": 0}]})
    till.sync.sync_once()
    with till.terminal.session_factory() as session:
        row = session.get(SyncOutbox, mutation_id)
        assert row.status == "rejected" and "same SKU and lot twice" in row.result_message
    with hub.db.read() as session:
        assert session.get(InventoryCount, count_id) is None
        assert session.scalar(select(func.count()).select_from(InventoryCountLine).where(
            InventoryCountLine.count_id == count_id)) == 0
