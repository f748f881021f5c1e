"""The stock mutation: a terminal's adjustment or count, recorded in the ledger (`sync.hub.inventory`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from sync.hub.batch_rows import write_gathered
from sync.hub.handlers.base import Context, Rejection, require_own_store
from sync.hub.inventory import Delta, apply_deltas, count_difference
from sync.hub.ledger_records import adjustment_recorded
from sync.mutations import InventoryAdjustedV1


def inventory_adjusted(session: Session, ctx: Context, args: InventoryAdjustedV1) -> None:
    require_own_store(ctx, args.store_id)
    if (args.quantity_delta is None) == (args.counted_quantity is None):
        raise Rejection("invalid_args", "A stock adjustment needs either quantity_delta or counted_quantity.")
    write_gathered(session)  # this batch's ledger rows are read below
    if adjustment_recorded(session, args.adjustment_id):
        raise Rejection("duplicate_adjustment", "This stock adjustment was already recorded.")
    delta = args.quantity_delta
    if delta is None:
        delta = count_difference(session, ctx.store_id, args.sku, args.batch_lot, args.counted_quantity)
    apply_deltas(session, ctx.store_id, [Delta(args.sku, args.batch_lot, delta, None, args.reason)],
                 transaction_type="adjustment", reference_type="adjustment", reference_id=args.adjustment_id,
                 staff_id=args.staff_id)
