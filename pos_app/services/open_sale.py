"""Keeping the sale in progress on disk (DESIGN §5): saved at every change, one row per till, and brought back
when the register opens again after the window was closed, a crash or a power cut.

The card payment journal (``payment_attempts``, keyed by the sale id) has the last word on card payments: an
approval that landed after the last save comes back on the sale, and a card reversed since does not.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.catalog import ProductLookup
from pos_app.domain.money import Money
from pos_app.domain.open_sale import RestoredSale, is_blank, open_sale_snapshot, restore_open_sale, saved_tenders
from pos_app.domain.sale import Sale
from pos_app.domain.tenders import CardApproval, CardTender, Tender
from pos_app.persistence import open_sales
from pos_app.persistence.database import FREQUENT_WRITE_TRANSACTION, WRITE_TRANSACTION
from pos_app.persistence.models import PaymentAttempt
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext

log = logging.getLogger(__name__)


class OpenSaleKeeper:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext, lookup: ProductLookup,
                 clock: Clock) -> None:
        self._session_factory = session_factory
        self._context = context
        self._lookup = lookup
        self._clock = clock
        self._saved: dict[str, Any] | None = None  # what the row holds now, so an unchanged sale is not rewritten

    def save(self, sale: Sale, staff: StaffMember) -> None:
        """Write the sale as it is now, in its own transaction; a blank sale removes the row."""
        snapshot = open_sale_snapshot(sale)
        if snapshot == self._saved:
            return
        # Items alone are written without waiting for the disk (see FREQUENT_WRITE_TRANSACTION), so a scan stays
        # fast; once money is on the sale, every change waits until it is on the disk.
        options = WRITE_TRANSACTION if sale.tenders else FREQUENT_WRITE_TRANSACTION
        uow = UnitOfWork(self._session_factory, execution_options=options)
        try:
            with uow as session:
                self.save_in(session, sale, staff, snapshot)
                uow.commit()
        except SQLAlchemyError:
            # The change itself stands (the card journal keeps card money on its own); the next change tries again.
            log.exception("The sale in progress could not be saved; the next change will try again")
            return
        self._saved = snapshot

    def save_in(self, session: Session, sale: Sale, staff: StaffMember,
                snapshot: dict[str, Any] | None = None) -> None:
        """Inside the caller's transaction (a resumed parked sale); ``forget()`` if that transaction fails."""
        if is_blank(sale):
            open_sales.clear(session, self._context.terminal_no)
        else:
            open_sales.save(session, terminal_no=self._context.terminal_no, sale_id=sale.sale_id,
                            staff_id=staff.id, snapshot=snapshot or open_sale_snapshot(sale), now=self._clock())
        self._saved = None

    def clear_in(self, session: Session) -> None:
        """The sale is finished (completed, parked, cancelled) in the caller's transaction."""
        open_sales.clear(session, self._context.terminal_no)
        self._saved = None

    def forget(self) -> None:
        self._saved = None

    def restore(self, staff: StaffMember) -> RestoredSale | None:
        """The till's saved sale, if it has one, rebuilt with the payments that stand."""
        with self._session_factory() as session:
            row = open_sales.load(session, self._context.terminal_no)
            if row is None:
                return None
            snapshot = dict(row.snapshot)
            charged = open_sales.charged_attempts(session, row.sale_id)
        tenders = standing_tenders(saved_tenders(snapshot), [_approval(a) for a in charged])
        restored = restore_open_sale(snapshot, self._lookup, tenders,
                                     tax_components=self._context.tax_components, role=staff.role,
                                     own_cap=staff.discount_cap)
        log.info("The sale left open at this till was brought back: %d line(s), %d payment(s).",
                 len(restored.sale.lines), len(restored.sale.tenders))
        self.save(restored.sale, staff)
        return restored


def standing_tenders(saved: Sequence[Tender], charged: Sequence[CardApproval]) -> list[Tender]:
    """The saved payments, in order, with the cards as the journal says: reversed ones gone, approvals that came
    after the last save added."""
    by_reference = {approval.reference: approval for approval in charged}
    tenders: list[Tender] = []
    for tender in saved:
        if isinstance(tender, CardTender):
            approval = by_reference.pop(tender.approval.reference, None)
            if approval is not None:
                tenders.append(CardTender(approval))
        else:
            tenders.append(tender)
    return tenders + [CardTender(approval) for approval in by_reference.values()]


def _approval(attempt: PaymentAttempt) -> CardApproval:
    return CardApproval(amount=Money.of(attempt.approved_amount if attempt.approved_amount is not None
                                        else attempt.amount),
                        reference=attempt.reference, last4=attempt.card_last_four or "0000",
                        brand=attempt.card_brand or "", auth_code=attempt.authorization_code or "")
