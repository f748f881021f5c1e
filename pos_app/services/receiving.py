"""Receiving deliveries at the back office: open a purchase order (or ASN) from the replica, scan or type what
came, settle the discrepancies, and finish: one `po.received.v1` in the outbox, in the transaction that writes the
local ledger rows (the overlay shows the new stock at once) and the lots with their expiry.

The draft lives in memory and in the replica: each scan writes the one line it changed, so a restart resumes it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, sessionmaker

from hardware.codes.classify import ScanKind, ScanResult
from hardware.printers.document import PlainSlip, SlipLine
from pos_app.domain.receiving import (
    REASON_LABELS,
    ReceivingDraft,
    ReceivingError,
    ReceivingLine,
    ScannedItem,
    ScanOutcome,
    apply_scan,
    check_finish,
    clear_line,
    decide,
    set_quantity,
)
from pos_app.i18n.catalog import Message, text
from pos_app.persistence import receiving as store
from pos_app.persistence.catalog_repository import find_by_code
from pos_app.persistence.database import FREQUENT_WRITE_TRANSACTION
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import StoreClock
from pos_app.services.mutations import po_received
from pos_app.services.printing import PrintOutcome, PrintService
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext
from sync.mutations.reasons import DiscrepancyReason

STATUS_LABELS = {"pending": "Ordered", "shipped": "Shipped", "partly_received": "Partly received",
                 "received": "Received"}


@dataclass(frozen=True)
class OrderSummary:
    id: uuid.UUID
    po_number: str
    status: str  # the words a manager reads: Ordered, Shipped, Partly received, Received, and the draft's state
    vendor: str
    expected: date | None
    lines: int
    units: int


@dataclass(frozen=True)
class Finished:
    receiving_id: uuid.UUID
    mutation_id: int
    units: int
    summary: list[str]


class ReceivingService:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext, clock: StoreClock,
                 printing: PrintService | None = None) -> None:
        self._session_factory = session_factory
        self._context = context
        self._clock = clock
        self._printing = printing
        self.draft: ReceivingDraft | None = None

    # --- the list ---------------------------------------------------------------------------------------------

    def orders(self) -> list[OrderSummary]:
        with self._session_factory() as session:
            rows = store.list_orders(session, self._context.store_id)
        return [OrderSummary(row.id, row.po_number, _status(row.status, row.draft),
                             row.vendor or ("ASN " + row.shipment_id if row.shipment_id else ""), row.expected_date,
                             row.lines, row.units) for row in rows]

    def open(self, order_id: uuid.UUID, staff: StaffMember) -> ReceivingDraft:
        """The order's receiving: the one in progress here if there is one, else a new draft of its lines."""
        now = self._clock.now()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            order = store.find_order(session, order_id)
            if order is None:
                raise ReceivingError("receiving_error.po_not_here")
            if order.store_id != self._context.store_id:
                raise ReceivingError("receiving_error.po_other_store",
                                     po_number=order.po_number, store_name=self._context.store_name)
            if order.status in ("received", "cancelled"):
                raise ReceivingError(f"receiving_error.po_{order.status}", po_number=order.po_number)
            row = store.open_draft(session, order_id)
            if row is not None:
                draft = ReceivingDraft(row.id, order_id, order.po_number, store.load_lines(session, row.id))
            else:
                draft = ReceivingDraft(uuid.uuid4(), order_id, order.po_number, store.order_lines(session, order_id))
                store.create_draft(session, draft, store_id=self._context.store_id, staff_id=staff.id, now=now)
                uow.commit()
        self.draft = draft
        return draft

    def close(self) -> None:
        """Back to the list; the draft stays saved."""
        self.draft = None

    # --- changes, each saved at once ------------------------------------------------------------------------

    def scan(self, result: ScanResult, *, confirm_over: bool = False) -> ScanOutcome:
        draft = self._require_draft()
        if result.kind not in (ScanKind.GTIN, ScanKind.GS1, ScanKind.SSCC):
            raise ReceivingError("receiving_error.not_a_product")
        if result.gtin is None:
            raise ReceivingError("receiving_error.pallet", sscc=result.sscc)
        item = ScannedItem(result.gtin, result.lot, result.expiry, result.packaging_date, result.count)
        if draft.line_for(item.gtin) is None:
            self._add_not_ordered(item.gtin)
        outcome = apply_scan(draft, item, confirm_over=confirm_over)
        self._save(outcome.line)
        return outcome

    def type_quantity(self, line_id: uuid.UUID, quantity: int, *, confirm_over: bool = False) -> ReceivingLine:
        line = self._require_draft().line(line_id)
        set_quantity(line, quantity, confirm_over=confirm_over)
        self._save(line)
        return line

    def clear(self, line_id: uuid.UUID) -> ReceivingLine:
        line = self._require_draft().line(line_id)
        clear_line(line)
        self._save(line)
        return line

    def set_reason(self, line_id: uuid.UUID, reason: DiscrepancyReason | None) -> ReceivingLine:
        line = self._require_draft().line(line_id)
        line.reason = reason
        self._save(line)
        return line

    def decide(self, line_id: uuid.UUID, *, receive: bool) -> ReceivingLine:
        line = self._require_draft().line(line_id)
        decide(line, receive)
        self._save(line)
        return line

    # --- finishing --------------------------------------------------------------------------------------------

    def finish(self, staff: StaffMember) -> Finished:
        """One transaction: the local ledger rows and lots, the draft marked sent, and po.received.v1 queued."""
        draft = self._require_draft()
        check_finish(draft)
        now = self._clock.now()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            keys = {(line.sku, lot.batch_lot) for line in draft.lines if line.decision != "rejected"
                    for lot in line.lot_split()}
            known = store.existing_lot_ids(session, self._context.store_id, sorted({sku for sku, _ in keys}))
            lot_ids = {key: known.get(key) or uuid.uuid4() for key in keys}
            mutation = po_received(draft, store_id=self._context.store_id, staff_id=staff.id, lot_ids=lot_ids,
                                   now=now)
            mutation_id = enqueue_mutation(session, mutation)
            store.record_receipt(session, draft, store_id=self._context.store_id, staff_id=staff.id,
                                 mutation_id=mutation_id, lot_ids=lot_ids, now=now)
            uow.commit()
        finished = Finished(draft.receiving_id, mutation_id, draft.units, summary_lines(draft))
        self.last_finished = (draft, finished)
        self.draft = None
        return finished

    # --- printing ---------------------------------------------------------------------------------------------

    def print_summary(self, draft: ReceivingDraft | None = None) -> PrintOutcome:
        draft = draft or self._require_draft()
        lines = tuple(SlipLine(text, bold=i == 0) for i, text in enumerate(summary_lines(draft)))
        return self._print(PlainSlip(draft.po_number, text("receipt.received_title", po_number=draft.po_number), lines),
                           "receiving summary")

    def print_labels(self, draft: ReceivingDraft | None = None) -> PrintOutcome:
        """A shelf label per line received: its name and a Code 128 of its GTIN (or SKU when it has none)."""
        draft = draft or self._require_draft()
        lines = tuple(SlipLine(line.name, barcode=line.each_gtin or line.sku, bold=True)
                      for line in draft.lines if line.quantity and line.decision != "rejected")
        if not lines:
            return PrintOutcome(False, Message("print.no_shelf_labels"))
        return self._print(PlainSlip(draft.po_number, text("receipt.shelf_labels_title"), lines), "shelf labels")

    def _print(self, slip: PlainSlip, what: str) -> PrintOutcome:
        if self._printing is None:
            return PrintOutcome(False, Message("print.not_set_up_here"))
        return self._printing.print_slip(slip, what)

    # --- helpers ----------------------------------------------------------------------------------------------

    def _require_draft(self) -> ReceivingDraft:
        if self.draft is None:
            raise ReceivingError("receiving_error.open_po_first")
        return self.draft

    def _add_not_ordered(self, gtin: str) -> None:
        draft = self._require_draft()
        with self._session_factory() as session:
            match = find_by_code(session, self._context.store_id, gtin)
        if match is None:
            raise ReceivingError("receiving_error.unknown_gtin", gtin=gtin)
        product = match.product
        line = ReceivingLine(uuid.uuid4(), None, product.sku, product.name,
                             each_gtin=gtin if match.units == 1 else None,
                             case_gtin=gtin if match.units > 1 else None, case_quantity=match.units, expected=0)
        draft.add_line(line)
        uow = UnitOfWork(self._session_factory, execution_options=FREQUENT_WRITE_TRANSACTION)
        with uow as session:
            store.add_lines(session, draft.receiving_id, [line])
            uow.commit()

    def _save(self, line: ReceivingLine) -> None:
        # A draft may be set back by a moment by a power cut, never lost: the commit skips its fsync.
        uow = UnitOfWork(self._session_factory, execution_options=FREQUENT_WRITE_TRANSACTION)
        with uow as session:
            store.save_line(session, self._require_draft().receiving_id, line, self._clock.now())
            uow.commit()


def _status(status: str, draft: str | None) -> str:
    words = STATUS_LABELS.get(status, status.replace("_", " ").capitalize())
    if draft == "open":
        return f"{words} · receiving here"
    if draft == "sent":
        return f"{words} · received here, sending"
    return words


def summary_lines(draft: ReceivingDraft) -> list[str]:
    lines = [text("receiving_summary.heading", po_number=draft.po_number, units=draft.units,
                  lines=len(draft.lines))]
    for line in draft.lines:
        reason = line.effective_reason()
        if reason is None and not line.flagged_lots:
            continue
        what = text("receiving_summary.rejected") if line.decision == "rejected" else \
            text("receiving_summary.of", quantity=line.quantity, expected=line.expected)
        words = REASON_LABELS[reason] if reason else text("receiving_summary.lot_not_on_notice")
        lots = " " + text("receiving_summary.lots_not_on_notice", lots=", ".join(line.flagged_lots)) \
            if line.flagged_lots else ""
        lines.append(text("receiving_summary.line", sku=line.sku, name=line.name, what=what, words=words, lots=lots))
    return lines
