"""The terminal's side of the mutation contract: each builder turns domain facts into one `sync.mutations` model.

Every registered mutation has a builder here, except the audit entry's, which sits with the hash chain in
``pos_app.persistence.audit`` because every service appends audit entries through it. The models' payloads are
key for key what the dict builders sent before them, so hashes the hub already holds still match.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime

from pos_app.domain.card_settlement import CardBatchCheck
from pos_app.domain.kiosk_ticket import TicketCart, TicketLine
from pos_app.domain.lots import InventoryDelta, LotAllocation
from pos_app.domain.money import Money
from pos_app.domain.order import Order, inventory_deltas, void_inventory_deltas
from pos_app.domain.receiving import ReceivingDraft
from pos_app.domain.refund import Refund, refund_inventory_deltas
from pos_app.domain.shift_report import ShiftReport
from pos_app.domain.tenders import CardTender, Tender
from pos_app.persistence.models import AgeVerificationLog
from sync import mutations as wire
from sync.mutations.reasons import DiscrepancyReason


def _cents(amounts: Mapping[str, Money]) -> dict[str, int]:
    return {code: amount.cents for code, amount in amounts.items()}


def _allocations(allocations: Iterable[LotAllocation]) -> list[wire.Allocation]:
    return [wire.Allocation(batch_lot=a.batch_lot, quantity=a.quantity) for a in allocations]


def _deltas(deltas: Iterable[InventoryDelta]) -> list[wire.InventoryDelta]:
    return [wire.InventoryDelta(sku=d.sku, batch_lot=d.batch_lot, quantity_delta=d.quantity_delta, line_id=d.line_id,
                                reason=d.reason) for d in deltas]


def _tender(tender: Tender) -> wire.CashTender | wire.CardTender:
    if isinstance(tender, CardTender):
        approval = tender.approval
        return wire.CardTender(method="card", amount_cents=approval.amount.cents, reference=approval.reference,
                               last4=approval.last4, brand=approval.brand, auth_code=approval.auth_code)
    return wire.CashTender(method="cash", amount_cents=tender.amount.cents)


def order_completed(order: Order, *, cash_session_id: uuid.UUID | None, now: datetime) -> wire.OrderCompletedV1:
    return wire.OrderCompletedV1(
        order_id=order.order_id, sale_id=order.sale_id, order_number=order.order_number, store_id=order.store_id,
        staff_id=order.staff_id, subtotal_cents=order.subtotal.cents,
        discount_amount_cents=order.discount_amount.cents, tax_amount_cents=order.tax_amount.cents,
        total_amount_cents=order.total_amount.cents, cash_rounding_cents=order.cash_rounding.cents,
        change_due_cents=order.change_due.cents, tax_components_cents=_cents(order.tax_components),
        tax_rates=dict(order.tax_rates), dried_equivalent_grams=order.dried_equivalent_grams,
        lines=[wire.SaleLine(
            line_id=line.line_id, sku=line.sku, name=line.name, quantity=line.quantity,
            unit_price_cents=line.unit_price.cents, discount_cents=line.discount.cents,
            taxable_amount_cents=line.taxable_amount.cents, taxes_cents=_cents(line.taxes),
            line_total_cents=line.line_total.cents, price_version=line.price_version, is_cannabis=line.is_cannabis,
            dried_equivalent_grams=line.dried_equivalent, allocations=_allocations(line.allocations),
            promotions=[wire.PromotionShare(promotion_number=share.promotion_id, code=share.code, name=share.name,
                                            amount_cents=share.amount.cents) for share in line.promotions],
        ) for line in order.lines],
        tenders=[_tender(tender) for tender in order.tenders],
        inventory_deltas=_deltas(inventory_deltas(order)),
        local_ts=now.isoformat(), cash_session_id=cash_session_id,
    )


def order_refunded(refund: Refund, order: Order, *, method: str, staff_id: uuid.UUID,
                   approved_by: uuid.UUID | None, paid_back: Money, now: datetime) -> wire.OrderRefundedV1:
    """`paid_back` is what went back to the customer: the cash total is rounded to the nickel, a card's is not."""
    return wire.OrderRefundedV1(
        refund_id=refund.refund_id, order_id=order.order_id, order_number=order.order_number,
        store_id=order.store_id, subtotal_cents=refund.subtotal.cents, tax_amount_cents=refund.tax_amount.cents,
        total_cents=refund.total.cents, tax_components_cents=_cents(refund.tax_components),
        lines=[wire.RefundLine(
            line_id=line.line_id, sku=line.sku, quantity=line.quantity, amount_cents=line.amount.cents,
            taxes_cents=_cents(line.taxes), total_cents=line.total.cents, restock=line.restock,
            allocations=_allocations(line.allocations),
        ) for line in refund.lines],
        inventory_deltas=_deltas(refund_inventory_deltas(refund)),
        method=method, staff_id=staff_id, approved_by=approved_by, paid_back_cents=paid_back.cents,
        local_ts=now.isoformat(),
    )


def order_voided(order: Order, *, staff_id: uuid.UUID, approved_by: uuid.UUID | None, reason: str | None,
                 now: datetime) -> wire.OrderVoidedV1:
    return wire.OrderVoidedV1(
        order_id=order.order_id, order_number=order.order_number, store_id=order.store_id,
        inventory_deltas=_deltas(void_inventory_deltas(order)), staff_id=staff_id, approved_by=approved_by,
        reason=reason, local_ts=now.isoformat(),
    )


def shift_closed(report: ShiftReport, *, store_id: uuid.UUID, opened_by: uuid.UUID, closed_by: uuid.UUID,
                 opening_counts: Mapping[str, int], variance_approved_by: uuid.UUID | None) -> wire.ShiftClosedV1:
    """The closed cash session as the hub stores it, with the Z report's totals alongside."""
    if report.kind != "Z" or report.counted_cash is None or report.variance is None:
        raise ValueError("Only a Z report closes a shift.")
    return wire.ShiftClosedV1(
        cash_session_id=report.shift_id, store_id=store_id, terminal_no=report.terminal_no, opened_by=opened_by,
        opened_at=report.opened_at, opening_float_cents=report.opening_float.cents,
        opening_counts=dict(opening_counts), closed_by=closed_by, closed_at=report.as_of,
        expected_cash_cents=report.expected_cash.cents, counted_cash_cents=report.counted_cash.cents,
        variance_cents=report.variance.cents, closing_counts=dict(report.closing_counts),
        variance_approved_by=variance_approved_by, local_ts=report.as_of.isoformat(),
        totals=wire.ShiftTotals(
            sales_count=report.sales_count, gross_sales_cents=report.gross_sales.cents,
            discounts_cents=report.discounts.cents, net_sales_cents=report.net_sales.cents,
            taxes_cents=_cents(report.taxes), tenders_cents=_cents(report.tenders),
            cash_rounding_cents=report.cash_rounding.cents, refunds_cents=_cents(report.refunds),
            refunds_count=report.refunds_count, voids_count=report.voids_count,
            voids_total_cents=report.voids_total.cents, drops_cents=report.drops.cents,
            paid_outs_cents=report.paid_outs.cents,
        ),
    )


def age_verification_logged(log: AgeVerificationLog) -> wire.AgeVerificationLoggedV1:
    """The age check's log row as it was written (only a salted hash of the ID number, never the number)."""
    return wire.AgeVerificationLoggedV1(
        id=log.id, store_id=log.store_id, sale_id=log.sale_id, staff_id=log.staff_id, method=log.method,
        result=log.result, customer_age=log.customer_age, min_age=log.min_age, jurisdiction=log.jurisdiction,
        id_number_hash=log.id_number_hash, failure_reason=log.failure_reason, created_at=log.created_at,
    )


def inventory_adjusted(
    *, adjustment_id: uuid.UUID, store_id: uuid.UUID, sku: str, batch_lot: str | None, reason: str,
    staff_id: uuid.UUID | None, quantity_delta: int | None = None, counted_quantity: int | None = None,
) -> wire.InventoryAdjustedV1:
    """A stock correction: give `quantity_delta`, or `counted_quantity` for the hub to turn into the delta.

    The back office's Adjustments tab sends a delta (`pos_app.services.adjustments`)."""
    return wire.InventoryAdjustedV1(
        adjustment_id=adjustment_id, store_id=store_id, sku=sku, batch_lot=batch_lot,
        quantity_delta=quantity_delta, counted_quantity=counted_quantity, reason=reason, staff_id=staff_id,
    )


def _lines(lines: Iterable[TicketLine]) -> list[wire.TicketLine]:
    return [wire.TicketLine(sku=line.sku, quantity=line.quantity) for line in lines]


def kiosk_ticket_created(cart: TicketCart) -> wire.KioskTicketCreatedV1:
    return wire.KioskTicketCreatedV1(ticket_id=cart.ticket_id, store_id=cart.store_id, number=cart.number,
                                     lines=_lines(cart.lines), created_at=cart.created_at, codes=list(cart.codes))


def kiosk_ticket_claimed(cart: TicketCart, *, claimed_at: datetime,
                         staff_id: uuid.UUID | None) -> wire.KioskTicketClaimedV1:
    """The claim carries the cart, so a claim made from a QR code tells the hub what was claimed."""
    return wire.KioskTicketClaimedV1(ticket_id=cart.ticket_id, store_id=cart.store_id, number=cart.number,
                                     lines=_lines(cart.lines), created_at=cart.created_at, claimed_at=claimed_at,
                                     staff_id=staff_id)


def kiosk_ticket_closed(*, ticket_id: uuid.UUID, store_id: uuid.UUID, outcome: str, order_id: uuid.UUID | None,
                        closed_at: datetime, staff_id: uuid.UUID | None) -> wire.KioskTicketClosedV1:
    return wire.KioskTicketClosedV1(ticket_id=ticket_id, store_id=store_id, outcome=outcome, order_id=order_id,
                                    closed_at=closed_at, staff_id=staff_id)


def stock_reserved(*, store_id: uuid.UUID, ticket_id: uuid.UUID | None,
                   reservations: Iterable[tuple[uuid.UUID, str, int]], reserved_at: datetime,
                   reserved_until: datetime) -> wire.StockReservedV1:
    """`reservations`: (reservation id, SKU, quantity)."""
    return wire.StockReservedV1(
        store_id=store_id, ticket_id=ticket_id, reserved_at=reserved_at, reserved_until=reserved_until,
        reservations=[wire.Reservation(reservation_id=rid, sku=sku, quantity=qty) for rid, sku, qty in reservations])


def stock_released(*, store_id: uuid.UUID, reservation_ids: Iterable[uuid.UUID], reason: str,
                   released_at: datetime) -> wire.StockReleasedV1:
    return wire.StockReleasedV1(store_id=store_id, reservation_ids=list(reservation_ids), reason=reason,
                                released_at=released_at)


def inventory_counted(
    *, count_id: uuid.UUID, store_id: uuid.UUID, scope: str, scope_label: str, started_at: datetime,
    approved_at: datetime, ledger_position: int, counted_by: uuid.UUID | None, approved_by: uuid.UUID,
    lines: Iterable[tuple[str, str | None, int, int, int]],
) -> wire.InventoryCountedV1:
    """An approved count; `lines`: (SKU, lot, counted, expected at start, moves since start)."""
    return wire.InventoryCountedV1(
        count_id=count_id, store_id=store_id, scope=scope, scope_label=scope_label, started_at=started_at,
        approved_at=approved_at, ledger_position=ledger_position, counted_by=counted_by, approved_by=approved_by,
        lines=[wire.CountedLine(sku=sku, batch_lot=lot, counted=counted, expected_at_start=expected,
                                moves_since_start=moved) for sku, lot, counted, expected, moved in lines])


def po_received(draft: ReceivingDraft, *, store_id: uuid.UUID, staff_id: uuid.UUID | None,
                lot_ids: Mapping[tuple[str, str], uuid.UUID], now: datetime) -> wire.PoReceivedV1:
    """A finished receiving: its lines (lots with expiry and packed date, each unit once) and the refused items."""
    lines, rejected = [], []
    for line in draft.lines:
        if line.decision == "rejected":
            if line.quantity:
                rejected.append(wire.RejectedLine(sku=line.sku, quantity=line.quantity,
                                                  reason=line.reason or DiscrepancyReason.NOT_ORDERED))
            continue
        if line.not_on_order and not line.quantity:
            continue
        lines.append(wire.ReceivedLine(
            line_id=line.line_id, po_item_id=line.po_item_id, sku=line.sku, quantity=line.quantity,
            reason=line.effective_reason(),
            lots=[wire.ReceivedLot(lot_id=lot_ids[(line.sku, lot.batch_lot)], batch_lot=lot.batch_lot,
                                   quantity=lot.quantity, expiry_date=lot.expiry, packaging_date=lot.packaging_date,
                                   on_asn=lot.on_asn) for lot in line.lot_split()]))
    return wire.PoReceivedV1(receiving_id=draft.receiving_id, purchase_order_id=draft.purchase_order_id,
                             store_id=store_id, staff_id=staff_id, received_at=now, lines=lines, rejected=rejected)


def shelf_assigned(*, putaway_id: uuid.UUID, store_id: uuid.UUID, staff_id: uuid.UUID | None,
                   placements: Iterable[wire.ShelfPlacement]) -> wire.ShelfAssignedV1:
    """One put-away batch: units placed on locations, some moved from another location's row."""
    return wire.ShelfAssignedV1(putaway_id=putaway_id, store_id=store_id, staff_id=staff_id,
                                placements=list(placements))


def po_draft_requested(*, request_id: uuid.UUID, store_id: uuid.UUID, staff_id: uuid.UUID | None,
                       lines: Iterable[tuple[str, int]]) -> wire.PoDraftRequestedV1:
    """`lines`: (SKU, quantity) for the hub's draft purchase order."""
    return wire.PoDraftRequestedV1(request_id=request_id, store_id=store_id, staff_id=staff_id,
                                   lines=[wire.DraftLine(sku=sku, quantity=quantity) for sku, quantity in lines])


def staff_locked(user_id: uuid.UUID, failed_login_attempts: int, locked_until: datetime, *, now: datetime,
                 unlocks: int) -> wire.StaffLockedV1:
    return wire.StaffLockedV1(staff_id=user_id, failed_login_attempts=failed_login_attempts,
                              locked_until=locked_until, locked_at=now, unlocks=unlocks)


def staff_unlocked(user_id: uuid.UUID, *, by: uuid.UUID, unlocks: int, now: datetime) -> wire.StaffUnlockedV1:
    return wire.StaffUnlockedV1(staff_id=user_id, unlocked_by=by, unlocks=unlocks, unlocked_at=now)


def staff_pin_changed(*, staff_id: uuid.UUID, store_id: uuid.UUID | None, pin_hash: str, replaces_hash: str,
                      changed_at: datetime) -> wire.StaffPinChangedV1:
    return wire.StaffPinChangedV1(staff_id=staff_id, store_id=store_id, pin_hash=pin_hash,
                                  replaces_hash=replaces_hash, changed_at=changed_at)


def card_settled(check: CardBatchCheck, *, settlement_id: uuid.UUID, store_id: uuid.UUID, terminal_no: int,
                 reference: str, settled_by: uuid.UUID | None) -> wire.CardSettledV1:
    return wire.CardSettledV1(
        settlement_id=settlement_id, store_id=store_id, terminal_no=terminal_no, reference=reference,
        batch_number=check.batch_number, settled_by=settled_by, settled_at=check.settled_at,
        terminal_sales_cents=check.terminal_sales.cents, terminal_refunds_cents=check.terminal_refunds.cents,
        terminal_count=check.terminal_count, pos_sales_cents=check.pos_sales.cents,
        pos_refunds_cents=check.pos_refunds.cents, pos_count=check.pos_count,
        mismatches=[wire.BatchMismatchLine(
            kind=m.kind.value, transaction_kind=m.transaction_kind, reference=m.reference,
            pos_cents=m.pos_amount.cents if m.pos_amount is not None else None,
            terminal_cents=m.terminal_amount.cents if m.terminal_amount is not None else None,
        ) for m in check.mismatches],
    )
