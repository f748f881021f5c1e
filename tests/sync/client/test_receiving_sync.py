"""Receiving reaches the hub: an imported ASN received with three case labels (short, over, damaged) becomes a
partly received PO with lots and their expiry and ledger rows; offline it waits, and is applied exactly once."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from hardware.codes.classify import parse_scan
from pos_app.domain.staff import Role
from pos_app.services.receiving import ReceivingService
from pos_app.services.staff import first_staff_with_role
from sync.hub.models import SyncMutation
from sync.mutations.reasons import DiscrepancyReason
from tests.sync.client.receiving_side import case_label, hub_order, import_shipment

EXPIRY = date(2027, 9, 30)
PACKED = date(2026, 11, 2)


def _scan(text: str):
    return parse_scan(text.encode(), today=date(2026, 12, 6), id_salt=b"salt")


def receive_three_labels(till, po_number: str, rows: list[dict]) -> None:
    """Line 1 short (one case of two), line 2 over (three cases, confirmed), line 3 damaged (two cases, noted)."""
    terminal = till.terminal
    manager = first_staff_with_role(terminal.session_factory, Role.MANAGER)
    service = ReceivingService(terminal.session_factory, terminal.context, terminal.store_clock)
    order = next(o for o in service.orders() if o.po_number == po_number)
    assert order.status == "Shipped"
    draft = service.open(order.id, manager)
    short, over, damaged = rows
    service.scan(_scan(case_label(short["gtin"], short["batch_lot"], EXPIRY, short["case_quantity"], PACKED)))
    for _ in range(2):
        service.scan(_scan(case_label(over["gtin"], over["batch_lot"], EXPIRY, over["case_quantity"])))
    service.scan(_scan(case_label(over["gtin"], "NEWLOT-9", EXPIRY, over["case_quantity"])), confirm_over=True)
    for _ in range(2):
        outcome = service.scan(_scan(case_label(damaged["gtin"], damaged["batch_lot"], EXPIRY,
                                                damaged["case_quantity"])))
    service.set_reason(outcome.line.line_id, DiscrepancyReason.DAMAGED)
    assert draft.line_for(short["gtin"]).quantity == short["case_quantity"]
    service.finish(manager)


def _expected(rows) -> dict:
    short, over, damaged = rows
    return {
        "status": "partly_received",
        "lines": {short["sku"]: (short["case_quantity"], "short"),
                  over["sku"]: (3 * over["case_quantity"], "over"),
                  damaged["sku"]: (2 * damaged["case_quantity"], "received")},
    }


def test_an_imported_asn_received_with_three_case_labels_reaches_the_hub(hub, make_till, tmp_path):
    po_number, rows = import_shipment(hub, tmp_path)
    till = make_till(hub.url)
    receive_three_labels(till, po_number, rows)
    till.sync.sync_once()
    shown = hub_order(hub, po_number)
    expected = _expected(rows)
    assert (shown["status"], shown["lines"]) == (expected["status"], expected["lines"])
    short, over, damaged = rows
    assert shown["lots"][(short["sku"], short["batch_lot"])] == (short["case_quantity"], EXPIRY, PACKED, False)
    assert shown["lots"][(over["sku"], "NEWLOT-9")] == (over["case_quantity"], EXPIRY, None, True)
    assert shown["lots"][(damaged["sku"], damaged["batch_lot"])][:2] == (2 * damaged["case_quantity"], EXPIRY)
    assert {entry[3:] for entry in shown["ledger"]} == {("receipt", "purchase_order")}
    assert sum(entry[2] for entry in shown["ledger"]) == (short["case_quantity"] + 3 * over["case_quantity"]
                                                          + 2 * damaged["case_quantity"])
    [(units, discrepancies)] = shown["receipts"]
    assert {(d["sku"], d["reason"]) for d in discrepancies} == {
        (short["sku"], "short"), (over["sku"], "over"), (damaged["sku"], "damaged")}
    # The terminal's pull brings the hub's copy: the PO is partly received, the lots are the hub's rows.
    service = ReceivingService(till.terminal.session_factory, till.terminal.context, till.terminal.store_clock)
    assert next(o for o in service.orders() if o.po_number == po_number).status == "Partly received"


def test_received_with_the_hub_stopped_it_is_applied_exactly_once_when_it_returns(hub, proxy, make_till, tmp_path):
    po_number, rows = import_shipment(hub, tmp_path)
    till = make_till(proxy.url)
    proxy.down()
    receive_three_labels(till, po_number, rows)  # the hub is away: finishing needs nothing from it
    sku = rows[1]["sku"]
    assert till.outbox()[-1].name == "po.received.v1" and till.outbox()[-1].status == "pending"
    assert hub_order(hub, po_number)["status"] == "shipped"
    proxy.up()
    proxy.drop_answers(1)  # the first answer is lost on the way back: the terminal sends the batch again
    for _ in range(3):
        try:
            till.sync.sync_once()
        except Exception:  # noqa: BLE001 - the lost answer fails one round; the next one resends
            continue
    shown = hub_order(hub, po_number)
    assert (shown["status"], shown["lines"]) == (_expected(rows)["status"], _expected(rows)["lines"])
    assert len(shown["receipts"]) == 1
    with hub.db.read() as session:
        applied = session.scalars(select(SyncMutation).where(SyncMutation.name == "po.received.v1",
                                                             SyncMutation.client_id == till.sync.overview().client_id))
        assert [m.status for m in applied] == ["applied"]
    assert till.outbox()[-1].status == "applied"
    assert till.stock(sku) >= 3 * rows[1]["case_quantity"]


def test_a_replayed_receiving_is_refused_by_the_hub_and_changes_nothing(hub, make_till, tmp_path):
    po_number, rows = import_shipment(hub, tmp_path)
    till = make_till(hub.url)
    receive_three_labels(till, po_number, rows)
    till.sync.sync_once()
    before = hub_order(hub, po_number)
    replay = till.queue_raw("po.received.v1", till.outbox()[-1].args)  # the same receiving id, a new mutation
    till.sync.sync_once()
    assert hub_order(hub, po_number) == before
    with hub.db.read() as session:
        refused = session.scalar(select(SyncMutation).where(
            SyncMutation.client_id == till.sync.overview().client_id, SyncMutation.mutation_id == replay))
        assert (refused.status, refused.code) == ("rejected", "duplicate_receiving")
