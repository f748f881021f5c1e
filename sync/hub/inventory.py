"""The inventory ledger: deltas per store/SKU/lot, the levels kept from them, and oversell events.

Whatever moves stock (a synced sale, refund, void or count, a received purchase order, an adjustment in the
admin API) calls this module; none of them writes the ledger, the levels or the lots itself. Reservations
(`sync.hub.reservations`) move the reserved quantity here too.

Levels move by the deltas (``quantity_on_hand + delta``), never by re-summing the ledger, so a sale costs the
same however long the store's history is. Every level writer takes the store's feed lock first, then the level
rows, so two writers never wait on each other in opposite orders.

A push batch defers its level moves (`deferred_levels`): each mutation appends its ledger rows at once, and the
levels move in one go just before commit. The store lock is then held for that last step only, not while
the whole batch runs, and the other terminals of the store are not kept waiting.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Integer, String, Table, and_, bindparam, case, func, insert, select, tuple_, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session

from sync.column_types import utcnow
from sync.hub.batch_rows import add_rows, gathered_row_keys
from sync.hub.feed.record import lock_store, record_put, record_put_row
from sync.hub.models import BatchTracking, OcsInventory, OcsInventoryTransaction, OversellEvent

_DEFERRED = "stock_deferred_moves"
_LAST_WRITTEN = "stock_last_written_at"
_LEDGER = OcsInventoryTransaction.__table__
_LEVELS = OcsInventory.__table__
_LOTS = BatchTracking.__table__


@dataclass(frozen=True)
class Delta:
    sku: str
    batch_lot: str | None
    quantity: int
    line_id: uuid.UUID | None = None
    reason: str | None = None


@dataclass(frozen=True)
class _Move:
    """The deltas of one `apply_deltas` call: one mutation's effect on stock, and its ledger rows."""

    store_id: uuid.UUID
    deltas: tuple[Delta, ...]
    reference_id: uuid.UUID | None
    restocked: datetime | None
    rows: tuple[dict, ...] = field(default=(), compare=False)


def on_hand(session: Session, store_id: uuid.UUID, sku: str, batch_lot: str | None = None) -> int:
    """The ledger's sum: what the levels must always equal."""
    query = select(func.coalesce(func.sum(OcsInventoryTransaction.quantity), 0)).where(
        OcsInventoryTransaction.store_id == store_id, OcsInventoryTransaction.sku == sku)
    if batch_lot is not None:
        query = query.where(OcsInventoryTransaction.batch_lot == batch_lot)
    return int(session.scalar(query))


def apply_deltas(
    session: Session, store_id: uuid.UUID, deltas: Iterable[Delta], *, transaction_type: str,
    reference_type: str, reference_id: uuid.UUID | None, staff_id: uuid.UUID | None = None,
    when: datetime | None = None, occurred_at: datetime | None = None,
) -> list[OversellEvent]:
    """Append the deltas and move the levels; a level below zero is accepted and raises an oversell.

    ``occurred_at`` is when the movement happened in the store (see `store_time`); left out, it is now.
    Inside `deferred_levels` the levels move when the batch ends, and the oversells are raised then.
    """
    deltas = tuple(deltas)
    if not deltas:
        return []
    deferred = session.info.get(_DEFERRED)
    if deferred is None:
        lock_store(session, store_id)  # moved at once: lock first, so the rows' time is already in lock order
    now = _written_at(session)
    occurred = now if occurred_at is None else min(occurred_at, now)
    rows = tuple(
        {"id": uuid.uuid4(), "store_id": store_id, "sku": d.sku, "batch_lot": d.batch_lot,
         "transaction_type": transaction_type, "quantity": d.quantity, "reference_type": reference_type,
         "reference_id": reference_id, "line_id": d.line_id, "reason_code": d.reason, "staff_id": staff_id,
         "created_at": now, "occurred_at": occurred}
        for d in deltas)
    add_rows(session, _LEDGER, list(rows))
    move = _Move(store_id, deltas, reference_id, when if transaction_type == "receipt" else None, rows)
    if deferred is not None:
        deferred.append(move)
        return []
    return _move_levels(session, [move])


@contextmanager
def deferred_levels(session: Session) -> Iterator[None]:
    """Collect the level moves of a push batch; they are applied when the block ends without error."""
    session.info[_DEFERRED] = []
    try:
        yield
    finally:
        moves = session.info.pop(_DEFERRED)
    if moves:
        _move_levels(session, moves)


def settle_deferred(session: Session) -> None:
    """Move the levels of the batch's moves so far now (before its gathered rows are written, so their times
    are set in memory), instead of when `deferred_levels` ends."""
    moves = session.info.get(_DEFERRED)
    if moves:
        session.info[_DEFERRED] = []
        _move_levels(session, moves)


def _written_at(session: Session) -> datetime:
    """Now, but always after the time given to this transaction's previous movement (the clock can repeat)."""
    now, last = utcnow(), session.info.get(_LAST_WRITTEN)
    if last is not None and now <= last:
        now = last + timedelta(microseconds=1)
    session.info[_LAST_WRITTEN] = now
    return now


def _stamp_in_lock_order(session: Session, moves: list[_Move]) -> None:
    """Give deferred moves' ledger rows their time now that the store's lock is held.

    A batch appends its rows before it takes the lock (see the module's note), so a concurrent batch may take
    the lock first while its rows are stamped later. Stamped again here, ``created_at`` follows the order the
    hub really moved stock in, which is the order oversells were judged in: reading the ledger by time tells
    the same story. Rows still gathered are stamped in memory; rows already written get one UPDATE.
    """
    waiting = gathered_row_keys(session, _LEDGER)
    written = []
    for move in moves:
        stamp = _written_at(session)
        for row in move.rows:
            if row["occurred_at"] == row["created_at"]:  # no terminal clock to go by: the arrival stands
                row["occurred_at"] = stamp
            row["created_at"] = stamp
            if id(row) not in waiting:
                written.append({"row_id": row["id"], "stamp": stamp, "occurred": row["occurred_at"]})
    if written:
        session.execute(update(_LEDGER).where(_LEDGER.c.id == bindparam("row_id"))
                        .values(created_at=bindparam("stamp"), occurred_at=bindparam("occurred")), written)


def deferred_mark(session: Session) -> int:
    return len(session.info.get(_DEFERRED, ()))


def drop_deferred_since(session: Session, mark: int) -> None:
    """A mutation was rolled back to its savepoint: forget the level moves it asked for."""
    deferred = session.info.get(_DEFERRED)
    if deferred is not None:
        del deferred[mark:]


def _pending_quantity(session: Session, store_id: uuid.UUID, sku: str, batch_lot: str | None) -> int:
    return sum(d.quantity for move in session.info.get(_DEFERRED, ()) if move.store_id == store_id
               for d in move.deltas if d.sku == sku and (batch_lot is None or d.batch_lot == batch_lot))


def _move_levels(session: Session, moves: list[_Move]) -> list[OversellEvent]:
    oversells = []
    for store_id in sorted({m.store_id for m in moves}, key=str):
        # The version is taken now, so the rows carry it at once (publish_pending takes the same one).
        version = lock_store(session, store_id)
        store_moves = [m for m in moves if m.store_id == store_id]
        _stamp_in_lock_order(session, store_moves)
        levels = _move_store_levels(session, store_id, store_moves, version)
        oversells += _oversells(session, store_id, store_moves, levels)
        _move_store_lots(session, store_id, store_moves, version)
    return oversells


def _totals(moves: list[_Move], key) -> dict:
    totals: dict = {}
    for move in moves:
        for delta in move.deltas:
            k = key(delta)
            if k is not None:
                totals[k] = totals.get(k, 0) + delta.quantity
    return totals


def _by_key(session: Session, table: Table, store_id: uuid.UUID, totals: dict, keys: list[str]):
    """The matching rows joined to each row's delta: arrays unnested on PostgreSQL (index look-ups, and the
    same statement text whatever the count, so it is parsed and planned once), a CASE on SQLite (which has
    no arrays; its writers are serialized anyway)."""
    columns = [table.c[key] for key in keys]
    if session.get_bind().dialect.name == "postgresql":
        ordered = sorted(totals.items())
        arrays = [bindparam(key, [k[i] if isinstance(k, tuple) else k for k, _ in ordered], type_=ARRAY(String))
                  for i, key in enumerate(keys)]
        arrays.append(bindparam("delta", [quantity for _, quantity in ordered], type_=ARRAY(Integer)))
        moves = func.unnest(*arrays).table_valued(*keys, "delta").render_derived(name="moves")
        match = and_(table.c.store_id == store_id, *[c == moves.c[key] for c, key in zip(columns, keys, strict=True)])
        return match, moves.c.delta
    if len(keys) == 1:
        return and_(table.c.store_id == store_id, columns[0].in_(sorted(totals))), case(totals, value=columns[0])
    delta = case(*[(and_(*[c == v for c, v in zip(columns, k, strict=True)]), quantity)
                   for k, quantity in totals.items()])
    return and_(table.c.store_id == store_id, tuple_(*columns).in_(sorted(totals))), delta


def _move_store_levels(session: Session, store_id: uuid.UUID, moves: list[_Move], version: int) -> dict[str, int]:
    """Move each SKU's level by its total in one UPDATE, add the missing ones; returns the new levels."""
    totals = _totals(moves, lambda d: d.sku)
    restocked = [m for m in moves if m.restocked is not None]
    if restocked:  # receipts only, never a sale
        session.execute(update(_LEVELS).where(
            _LEVELS.c.store_id == store_id, _LEVELS.c.sku.in_({d.sku for m in restocked for d in m.deltas}))
            .values(last_restock_date=max(m.restocked for m in restocked)))
    match, delta = _by_key(session, _LEVELS, store_id, totals, ["sku"])
    rows = session.execute(update(_LEVELS).where(match).values(
        quantity_on_hand=_LEVELS.c.quantity_on_hand + delta,
        quantity_available=_LEVELS.c.quantity_on_hand + delta - func.coalesce(_LEVELS.c.quantity_reserved, 0),
        updated_at=utcnow(), version=version).returning(*_LEVELS.c)).all()
    found = {row.sku for row in rows}
    missing = [sku for sku in sorted(totals) if sku not in found]
    if missing:
        now = utcnow()
        when = max((m.restocked for m in restocked), default=None)
        restocked_skus = {d.sku for m in restocked for d in m.deltas}
        rows += session.execute(insert(_LEVELS).returning(*_LEVELS.c, sort_by_parameter_order=True), [
            {"id": uuid.uuid4(), "store_id": store_id, "sku": sku, "quantity_on_hand": totals[sku],
             "quantity_available": totals[sku], "quantity_reserved": 0, "version": version, "created_at": now,
             "updated_at": now, "last_restock_date": when if sku in restocked_skus else None}
            for sku in missing
        ]).all()
    _forget_loaded(session, OcsInventory, rows)
    for row in rows:
        record_put_row(session, OcsInventory, row)
    return {row.sku: row.quantity_on_hand for row in rows}


def move_reserved(session: Session, store_id: uuid.UUID, totals: dict[str, int]) -> None:
    """Hold (+n) or let go of (−n) stock for reservations: ``quantity_reserved`` moves and
    ``quantity_available`` follows; on-hand and the ledger stay as they are (a reservation moves nothing)."""
    totals = {sku: quantity for sku, quantity in totals.items() if quantity}
    if not totals:
        return
    version = lock_store(session, store_id)
    match, delta = _by_key(session, _LEVELS, store_id, totals, ["sku"])
    reserved = func.coalesce(_LEVELS.c.quantity_reserved, 0)
    rows = session.execute(update(_LEVELS).where(match).values(
        quantity_reserved=reserved + delta, quantity_available=_LEVELS.c.quantity_on_hand - reserved - delta,
        updated_at=utcnow(), version=version).returning(*_LEVELS.c)).all()
    _forget_loaded(session, OcsInventory, rows)
    for row in rows:
        record_put_row(session, OcsInventory, row)


def _move_store_lots(session: Session, store_id: uuid.UUID, moves: list[_Move], version: int) -> None:
    """Lots the hub tracks move like levels; a lot it does not track stays in the ledger only."""
    totals = _totals(moves, lambda d: (d.sku, d.batch_lot) if d.batch_lot else None)
    if not totals:
        return
    match, delta = _by_key(session, _LOTS, store_id, totals, ["sku", "batch_lot"])
    rows = session.execute(update(_LOTS).where(match).values(
        quantity_remaining=_LOTS.c.quantity_remaining + delta, updated_at=utcnow(), version=version,
    ).returning(*_LOTS.c)).all()
    _forget_loaded(session, BatchTracking, rows)
    for row in rows:
        record_put_row(session, BatchTracking, row)


def _oversells(session: Session, store_id: uuid.UUID, moves: list[_Move], levels: dict[str, int]):
    """Replay the moves from the level before them: each sale that left its SKU below zero raises an event."""
    running = {sku: level - total for sku, (level, total) in
               ((sku, (levels[sku], t)) for sku, t in _totals(moves, lambda d: d.sku).items())}
    events = []
    for move in moves:
        sold = set()
        for delta in move.deltas:
            running[delta.sku] += delta.quantity
            if delta.quantity < 0:
                sold.add(delta.sku)
        for sku in dict.fromkeys(d.sku for d in move.deltas):
            if sku in sold and running[sku] < 0:
                events.append(OversellEvent(store_id=store_id, sku=sku, quantity_on_hand=running[sku],
                                            reference_id=move.reference_id))
    session.add_all(events)
    return events


def _forget_loaded(session: Session, model, rows) -> None:
    """ORM copies of rows just moved with Core are stale: expire them so a later read loads the new values."""
    for row in rows:
        loaded = session.identity_map.get(session.identity_key(model, row.id))  # type: ignore[arg-type]
        if loaded is not None:
            session.expire(loaded)


def refresh_level(session: Session, store_id: uuid.UUID, sku: str, restocked: datetime | None = None) -> OcsInventory:
    """Set a level back to the ledger's sum (after the ledger was edited by hand, as a restore does)."""
    level = session.scalar(select(OcsInventory).where(OcsInventory.store_id == store_id, OcsInventory.sku == sku))
    if level is None:
        level = OcsInventory(store_id=store_id, sku=sku)
        session.add(level)
    level.quantity_on_hand = on_hand(session, store_id, sku)
    level.quantity_available = level.quantity_on_hand - (level.quantity_reserved or 0)
    if restocked is not None:
        level.last_restock_date = restocked
    record_put(session, level)
    return level


def refresh_lot(session: Session, store_id: uuid.UUID, sku: str, batch_lot: str) -> None:
    lot = session.scalar(select(BatchTracking).where(
        BatchTracking.store_id == store_id, BatchTracking.sku == sku, BatchTracking.batch_lot == batch_lot))
    if lot is not None:
        lot.quantity_remaining = on_hand(session, store_id, sku, batch_lot)
        record_put(session, lot)


def counted_on_hand(session: Session, store_id: uuid.UUID, sku: str, batch_lot: str | None) -> int:
    """What a count is compared with: the level (or lot) row, plus this batch's moves not applied yet."""
    if batch_lot is None:
        level = session.scalar(select(_LEVELS.c.quantity_on_hand).where(
            _LEVELS.c.store_id == store_id, _LEVELS.c.sku == sku))
    else:
        level = session.scalar(select(_LOTS.c.quantity_remaining).where(
            _LOTS.c.store_id == store_id, _LOTS.c.sku == sku, _LOTS.c.batch_lot == batch_lot))
    if level is None:  # no row keeps this stock: the ledger (this transaction's rows included) is the record
        return on_hand(session, store_id, sku, batch_lot)
    return level + _pending_quantity(session, store_id, sku, batch_lot)


def count_difference(session: Session, store_id: uuid.UUID, sku: str, batch_lot: str | None, counted: int) -> int:
    """The delta that makes the stock what was counted.

    A count reads the level before it writes: the store's lock is taken first, so no other writer moves the
    level in between.
    """
    lock_store(session, store_id)
    return counted - counted_on_hand(session, store_id, sku, batch_lot)
