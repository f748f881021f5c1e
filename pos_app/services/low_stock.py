"""Low stock: the products whose available stock is at or below their reorder point, with a suggested order,
and the manager's request for a draft purchase order of them (`po.draft_requested.v1`; the hub drafts it)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from pos_app.i18n.numbers import Count
from pos_app.persistence import shelves
from pos_app.persistence.audit import append_audit
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.stock import available_on_hand
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services import mutations
from pos_app.services.errors import ServiceError
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext

MAX_ORDER = 100_000


class DraftRefused(ServiceError):
    code = "draft_refused"


@dataclass(frozen=True)
class LowStockRow:
    sku: str
    name: str
    available: int
    reorder_point: int
    suggested: int  # the reorder quantity, else what brings it up to its maximum level


class LowStockService:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext) -> None:
        self._session_factory = session_factory
        self._context = context

    def rows(self) -> list[LowStockRow]:
        store_id = self._context.store_id
        with self._session_factory() as session:
            levels = shelves.reorder_levels(session, store_id)
            available = available_on_hand(session, store_id, [level.sku for level, _name in levels])
        found = []
        for level, name in levels:
            have = available.get(level.sku, level.quantity_on_hand)
            if have > level.reorder_point:
                continue
            suggested = level.reorder_quantity or max(level.max_stock_level - have, level.reorder_point - have, 1)
            found.append(LowStockRow(level.sku, name or level.product_name or level.sku, have, level.reorder_point,
                                     suggested))
        return sorted(found, key=lambda row: (row.available - row.reorder_point, row.sku))

    def request_draft(self, lines: Sequence[tuple[str, int]], staff: StaffMember) -> uuid.UUID:
        """Queue the draft purchase order's request (outbox row and audit in one transaction)."""
        wanted = [(sku, quantity) for sku, quantity in lines if quantity]
        if not wanted:
            raise DraftRefused("draft_refused.nothing")
        bad = [sku for sku, quantity in wanted if not 1 <= quantity <= MAX_ORDER]
        if bad:
            raise DraftRefused("draft_refused.quantity", max_order=Count(MAX_ORDER), products=', '.join(bad))
        request_id = uuid.uuid4()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            enqueue_mutation(session, mutations.po_draft_requested(
                request_id=request_id, store_id=self._context.store_id, staff_id=staff.id, lines=wanted))
            append_audit(session, "purchase_order.draft_requested", staff_id=staff.id,
                         store_id=self._context.store_id, entity_type="purchase_order", entity_id=str(request_id),
                         details={"lines": len(wanted), "units": sum(q for _s, q in wanted)})
            uow.commit()
        return request_id
