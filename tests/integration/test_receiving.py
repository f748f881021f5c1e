"""Receiving on the terminal, on the demo store's shipped ASN: scans, case labels, over-receipt, items not on the
order, a draft that survives a restart, and Finish: one po.received.v1 with the local stock in one transaction."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import select

from hardware.codes.classify import ScanKind, ScanResult
from pos_app.domain.receiving import OverReceipt, ReceivingError
from pos_app.domain.staff import Role
from pos_app.persistence.models import BatchTracking, OcsInventoryTransaction, OcsProduct, SyncOutbox
from pos_app.persistence.stock import available_on_hand, sellable_lots
from pos_app.services.receiving import ReceivingService
from pos_app.services.staff import first_staff_with_role
from sync.mutations import PoReceivedV1
from sync.mutations.reasons import DiscrepancyReason


def _service(terminal) -> ReceivingService:
    return ReceivingService(terminal.session_factory, terminal.context, terminal.store_clock)


def _gtin(code: str) -> ScanResult:
    return ScanResult(ScanKind.GTIN, gtin=code)


def _label(code: str, lot: str, expiry: date, count: int | None = None) -> ScanResult:
    return ScanResult(ScanKind.GS1, gtin=code, lot=lot, expiry=expiry, count=count)


@pytest.fixture
def opened(terminal):
    manager = first_staff_with_role(terminal.session_factory, Role.MANAGER)
    service = _service(terminal)
    order = service.orders()[0]
    assert order.status == "Shipped" and order.lines >= 5
    return service, service.open(order.id, manager), manager


def test_scans_count_eaches_cases_and_labels_and_flag_a_lot_not_on_the_notice(opened):
    service, draft, _manager = opened
    line = draft.lines[0]
    assert line.expected > 0 and line.case_gtin and line.each_gtin and line.asn_lot
    assert service.scan(_gtin(line.each_gtin)).added == 1
    assert service.scan(_gtin(line.case_gtin)).added == line.case_quantity
    outcome = service.scan(_label(line.case_gtin, line.asn_lot, date(2027, 5, 1)))
    assert (outcome.added, outcome.lot_flagged) == (line.case_quantity, False)
    other = draft.lines[1]
    flagged = service.scan(_label(other.case_gtin, "NOT-ON-ASN", date(2027, 6, 1), count=2))
    assert (flagged.added, flagged.lot_flagged) == (2, True)
    assert other.flagged_lots == ["NOT-ON-ASN"]


def test_more_than_ordered_needs_a_confirmation(opened):
    service, draft, _manager = opened
    line = draft.lines[0]
    service.type_quantity(line.line_id, line.expected)
    with pytest.raises(OverReceipt, match="more than the"):
        service.scan(_gtin(line.each_gtin))
    assert line.quantity == line.expected
    service.scan(_gtin(line.each_gtin), confirm_over=True)
    assert line.quantity == line.expected + 1 and line.effective_reason() == DiscrepancyReason.OVER


def test_bad_typed_quantities_get_sentences(opened):
    service, draft, _manager = opened
    with pytest.raises(ReceivingError, match="cannot be negative"):
        service.type_quantity(draft.lines[0].line_id, -1)
    with pytest.raises(ReceivingError, match="100,000"):
        service.type_quantity(draft.lines[0].line_id, 100_001)


def test_an_item_not_on_the_order_is_a_discrepancy_to_receive_or_reject(terminal, opened):
    service, draft, manager = opened
    on_order = {line.sku for line in draft.lines}
    with terminal.session_factory() as session:
        stranger = session.scalar(select(OcsProduct).where(OcsProduct.ocs_variant_number.not_in(on_order),
                                                           OcsProduct.each_gtin.is_not(None)).limit(1))
    outcome = service.scan(_gtin(stranger.each_gtin))
    assert outcome.line.not_on_order and outcome.line.sku == stranger.ocs_variant_number
    service.type_quantity(draft.lines[0].line_id, 1)
    with pytest.raises(ReceivingError, match="receive it or reject it"):
        service.finish(manager)
    service.decide(outcome.line.line_id, receive=False)
    finished = service.finish(manager)
    with terminal.session_factory() as session:
        args = session.scalar(select(SyncOutbox.args).where(SyncOutbox.mutation_id == finished.mutation_id))
    sent = PoReceivedV1.model_validate(args)
    assert [(r.sku, r.quantity) for r in sent.rejected] == [(stranger.ocs_variant_number, 1)]


def test_the_draft_survives_a_restart(terminal, opened):
    service, draft, manager = opened
    line = draft.lines[2]
    service.scan(_label(line.case_gtin, "LOT-R", date(2027, 1, 31), count=3))
    service.set_reason(line.line_id, DiscrepancyReason.DAMAGED)
    again = _service(terminal)  # a new process: nothing in memory
    assert "receiving here" in again.orders()[0].status
    resumed = again.open(draft.purchase_order_id, manager)
    assert resumed.receiving_id == draft.receiving_id
    back = resumed.line(line.line_id)
    assert (back.quantity, back.reason, back.lots[0].batch_lot, back.lots[0].expiry) == (
        3, DiscrepancyReason.DAMAGED, "LOT-R", date(2027, 1, 31))


def test_finish_queues_one_mutation_with_the_local_stock_and_lots(terminal, opened):
    service, draft, manager = opened
    store_id = terminal.context.store_id
    line = draft.lines[0]
    with terminal.session_factory() as session:
        before = available_on_hand(session, store_id, [line.sku]).get(line.sku, 0)
        outbox_before = len(session.scalars(select(SyncOutbox)).all())
    service.scan(_label(line.case_gtin, "LOT-NEW", date(2027, 3, 1), count=4))
    service.scan(_gtin(line.each_gtin))  # one loose unit: it goes to the notice's lot
    finished = service.finish(manager)
    assert finished.units == 5
    with terminal.session_factory() as session:
        rows = session.scalars(select(SyncOutbox)).all()
        assert len(rows) == outbox_before + 1 and rows[-1].name == "po.received.v1"
        sent = PoReceivedV1.model_validate(rows[-1].args)
        assert available_on_hand(session, store_id, [line.sku])[line.sku] == before + 5
        lots = {lot.batch_lot: lot for lot in sellable_lots(session, store_id, [line.sku])[line.sku]}
        assert lots["LOT-NEW"].quantity_remaining == 4 and lots["LOT-NEW"].expiry_date == date(2027, 3, 1)
        assert lots[line.asn_lot].quantity_remaining >= 1
        ledger = session.scalars(select(OcsInventoryTransaction).where(
            OcsInventoryTransaction.mutation_id == finished.mutation_id)).all()
        assert {t.transaction_type for t in ledger} == {"receipt"} and sum(t.quantity for t in ledger) == 5
        new_lot = session.scalar(select(BatchTracking).where(BatchTracking.batch_lot == "LOT-NEW"))
        assert new_lot.id == next(lot.lot_id for lot in sent.lines[0].lots if lot.batch_lot == "LOT-NEW")
    short = {sent_line.line_id for sent_line in sent.lines if sent_line.reason == DiscrepancyReason.SHORT}
    assert short >= {other.line_id for other in draft.lines[1:]}  # nothing of the other lines arrived
    assert "received here, sending" in _service(terminal).orders()[0].status


def test_another_stores_purchase_order_is_refused(terminal, opened):
    service, draft, manager = opened
    raw = terminal.session_factory.kw["bind"].raw_connection()  # a row of another store, as a bad feed might
    try:
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("UPDATE purchase_orders SET store_id = ? WHERE id = ?",
                    (uuid.uuid4().hex, draft.purchase_order_id.hex))
        raw.commit()
    finally:
        raw.execute("PRAGMA foreign_keys=ON")
        raw.close()
    with pytest.raises(ReceivingError, match="belongs to another store"):
        _service(terminal).open(draft.purchase_order_id, manager)
