"""Stock adjustments with a fixed reason (damaged, expired, theft or loss, recall quarantine …): manager only,
audited, and sent as `inventory.adjusted.v1` in the same transaction as the local ledger row and the audit entry,
so the replica shows the new stock at once and nothing is half written.

`adjust` is also what the Recalls tab's quarantine action calls, with the reason ``recall_quarantine``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.counts import MAX_COUNTED
from pos_app.domain.errors import DomainError
from pos_app.domain.staff import can_supervise
from pos_app.i18n.catalog import Message
from pos_app.i18n.numbers import Count
from pos_app.persistence import counts as stock_counts
from pos_app.persistence.audit import append_audit
from pos_app.persistence.models import OcsInventoryTransaction, OcsProduct
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.mutations import inventory_adjusted
from pos_app.services.staff import StaffMember
from sync.mutations.reasons import ADJUSTMENT_REASON_LABELS, AdjustmentReason

MAX_NOTE = 300


class AdjustmentRefused(DomainError):
    code = "adjustment_refused"


@dataclass(frozen=True)
class Adjustment:
    adjustment_id: uuid.UUID
    sku: str
    name: str
    batch_lot: str | None
    quantity: int
    reason: AdjustmentReason
    note: str
    on_hand_after: int  # the SKU's (or lot's) stock as the replica shows it now


def reason_of(value: AdjustmentReason | str) -> AdjustmentReason:
    try:
        reason = AdjustmentReason(value)
    except ValueError:
        raise AdjustmentRefused("adjustment_refused.unknown_reason", value=value,
                                reasons=", ".join(ADJUSTMENT_REASON_LABELS.values())) from None
    if reason not in ADJUSTMENT_REASON_LABELS:
        raise AdjustmentRefused("adjustment_refused.count_reason")
    return reason


class AdjustmentService:
    def __init__(self, session_factory: sessionmaker[Session], store_id: uuid.UUID, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._store_id = store_id
        self._clock = clock

    def lots(self, sku: str) -> list[str]:
        with self._session_factory() as session:
            return stock_counts.lots_of(session, self._store_id, [sku]).get(sku, [])

    def adjust(self, sku: str, batch_lot: str | None, quantity: int, reason: AdjustmentReason | str, note: str,
               staff: StaffMember) -> Adjustment:
        """Add (+) or remove (−) `quantity` units of a SKU (and lot) for a reason, as `staff`, a manager."""
        if not can_supervise(staff.role):
            raise AdjustmentRefused("adjustment_refused.role", name=staff.name, role=Message(f"role.{staff.role}"))
        reason = reason_of(reason)
        note = (note or "").strip()
        if quantity == 0:
            raise AdjustmentRefused("adjustment_refused.zero")
        if abs(quantity) > MAX_COUNTED:
            raise AdjustmentRefused("adjustment_refused.too_many",
                                    units=Count(abs(quantity)), max_counted=Count(MAX_COUNTED))
        if len(note) > MAX_NOTE:
            raise AdjustmentRefused("adjustment_refused.note_too_long", length=len(note), max_note=MAX_NOTE)
        batch_lot = (batch_lot or "").strip() or None
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            name = self._product_name(session, sku)
            key = (sku, batch_lot)
            lots = stock_counts.lots_of(session, self._store_id, [sku]).get(sku, [])
            if batch_lot is not None and batch_lot not in lots:
                raise AdjustmentRefused("adjustment_refused.unknown_lot" if lots else "adjustment_refused.no_lots",
                                        name=name, batch_lot=batch_lot, lots=", ".join(lots))
            held = stock_counts.expected_now(session, self._store_id, [key])[key]
            if quantity < 0 and held + quantity < 0:
                raise AdjustmentRefused("adjustment_refused.too_few_lot" if batch_lot else "adjustment_refused.too_few",
                                        held=held, name=name, batch_lot=batch_lot or "", quantity=-quantity)
            adjustment_id = uuid.uuid4()
            mutation_id = enqueue_mutation(session, inventory_adjusted(
                adjustment_id=adjustment_id, store_id=self._store_id, sku=sku, batch_lot=batch_lot,
                reason=reason.value, staff_id=staff.id, quantity_delta=quantity))
            session.execute(insert(OcsInventoryTransaction.__table__).values(
                id=uuid.uuid4(), store_id=self._store_id, sku=sku, batch_lot=batch_lot,
                transaction_type="adjustment", quantity=quantity, reference_type="adjustment",
                reference_id=adjustment_id, line_id=None, reason_code=reason.value, staff_id=staff.id,
                mutation_id=mutation_id, created_at=self._clock()))
            append_audit(session, "stock.adjusted", staff_id=staff.id, approved_by=staff.id, store_id=self._store_id,
                         entity_type="stock_adjustment", entity_id=str(adjustment_id),
                         details={"sku": sku, "batch_lot": batch_lot, "quantity": quantity, "reason": reason.value,
                                  "note": note})
            uow.commit()
        return Adjustment(adjustment_id, sku, name, batch_lot, quantity, reason, note, held + quantity)

    def _product_name(self, session: Session, sku: str) -> str:
        name = session.scalar(select(OcsProduct.product_name).where(OcsProduct.ocs_variant_number == sku))
        if name is None:
            raise AdjustmentRefused("adjustment_refused.unknown_sku", sku=sku)
        return name
