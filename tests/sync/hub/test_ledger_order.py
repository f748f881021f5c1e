"""The ledger reads in the order the hub moved stock, even when two pushes of one store overlap.

A push appends its ledger rows as its mutations run and takes the store's lock only at the end, to move the
levels. Two overlapping pushes can therefore take the lock in the other order than they appended their rows;
the oversells are judged in lock order, so the rows' times must follow it too.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select

from sync.hub.batch_rows import gathered_rows, write_gathered
from sync.hub.inventory import Delta, apply_deltas, deferred_levels, settle_deferred
from sync.hub.models import OcsInventoryTransaction, OversellEvent


def _sale(session, store_id, quantity: int) -> uuid.UUID:
    order_id = uuid.uuid4()
    apply_deltas(session, store_id, [Delta("SKU-1", "LOT-1", -quantity)], transaction_type="sale",
                 reference_type="order", reference_id=order_id)
    return order_id


def _ledger_and_oversells(db, store_id):
    with db.read() as session:
        ledger = session.execute(select(OcsInventoryTransaction.reference_id, OcsInventoryTransaction.occurred_at,
                                        OcsInventoryTransaction.created_at).where(
            OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.transaction_type == "sale")
            .order_by(OcsInventoryTransaction.created_at)).all()
        oversold = set(session.scalars(select(OversellEvent.reference_id).where(OversellEvent.store_id == store_id)))
    return ledger, oversold


@pytest.mark.parametrize("rows_written", ["at once", "gathered"])
def test_a_push_that_takes_the_lock_second_reads_second_in_the_ledger(world, hub_app, backend, rows_written):
    if backend == "sqlite":
        pytest.skip("SQLite runs one writer at a time: two pushes can't overlap there")
    db, store_id = hub_app.state.db, world.terminals["A1"].store_id  # 5 on hand
    with db.write() as first, deferred_levels(first):
        if rows_written == "gathered":
            with gathered_rows(first):
                late = _sale(first, store_id, 4)  # appended first, but its push goes on
                with db.write() as second, deferred_levels(second):
                    early = _sale(second, store_id, 4)  # 5 -> 1: locks, moves and commits first
                settle_deferred(first)  # the quick run's end, as a push does it: the levels, then the rows
                write_gathered(first)
        else:
            late = _sale(first, store_id, 4)
            with db.write() as second, deferred_levels(second):
                early = _sale(second, store_id, 4)
    ledger, oversold = _ledger_and_oversells(db, store_id)
    assert [row.reference_id for row in ledger] == [early, late]
    assert oversold == {late}, "the sale that moved stock second took it below zero"
    assert all(row.occurred_at == row.created_at for row in ledger), "no terminal clock: the arrival stands"
