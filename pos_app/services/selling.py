"""Sale commands: start, scan, quantities, discounts, tenders and completion (DESIGN §3, §5).

The open sale lives in memory; nothing is written until it completes. Completion writes the order, its
lines and lots, payments, stock deltas and the ``order.completed.v1`` outbox row in one
SQLite transaction, so there is never a sale without its outbox row or the other way round.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.catalog import ProductLookup
from pos_app.domain.errors import UnknownCode
from pos_app.domain.lots import check_scanned_lot
from pos_app.domain.money import Money
from pos_app.domain.order import Order, complete_sale, discounts_given, inventory_deltas
from pos_app.domain.outbox import order_completed_args
from pos_app.domain.parking import park_snapshot, restore_snapshot
from pos_app.domain.payment import PaymentStatus
from pos_app.domain.sale import Sale, SaleLine, SaleTotals
from pos_app.domain.staff import Role
from pos_app.domain.tenders import CardApproval, CashTender
from pos_app.persistence import parked_sales
from pos_app.persistence.audit import append_audit
from pos_app.persistence.catalog_repository import SqlProductLookup
from pos_app.persistence.order_repository import add_inventory_transactions, save_order
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.stock import sellable_lots
from pos_app.persistence.sync_state import take_receipt_seq
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import NoOpenSale, ParkedSaleGone, SaleInProgress
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext


@dataclass(frozen=True)
class ParkedSaleInfo:
    id: uuid.UUID
    label: str
    item_count: int
    total: Money
    parked_at: datetime


def _parked_info(row) -> ParkedSaleInfo:
    return ParkedSaleInfo(id=row.id, label=row.label, item_count=row.item_count,
                          total=Money.from_cents(row.total_cents), parked_at=row.created_at)


class SaleService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        context: TerminalContext,
        *,
        lookup: ProductLookup | None = None,
        clock: Clock = utc_clock,
    ) -> None:
        self._session_factory = session_factory
        self._context = context
        self._lookup = lookup or SqlProductLookup(session_factory, context.store_id)
        self._clock = clock
        self._sale: Sale | None = None
        self._staff: StaffMember | None = None
        self.cash_session_id: uuid.UUID | None = None

    # --- the open sale ---------------------------------------------------------------------------------

    @property
    def sale(self) -> Sale:
        if self._sale is None:
            raise NoOpenSale()
        return self._sale

    @property
    def has_open_sale(self) -> bool:
        return self._sale is not None and not self._sale.is_empty

    def start_sale(self, staff: StaffMember) -> Sale:
        self._staff = staff
        self._sale = Sale(tax_components=self._context.tax_components, role=staff.role)
        return self._sale

    def _ensure_sale(self) -> Sale:
        if self._sale is None:
            if self._staff is None:
                raise NoOpenSale()
            self.start_sale(self._staff)
        return self.sale

    def totals(self) -> SaleTotals:
        return self.sale.totals

    def payment_status(self) -> PaymentStatus:
        return self.sale.payment_status()

    # --- items and discounts (the domain refuses bad input before anything changes) ---------------------

    def scan(self, code: str) -> SaleLine:
        """A typed code: a GTIN (any length, read as GTIN-14), an OCS variant number or an accessory SKU."""
        return self._ensure_sale().scan(code, self._lookup)

    def scan_item(self, gtin: str, *, lot: str | None = None, label_expiry: date | None = None) -> SaleLine:
        """A scanned product barcode. A lot on a GS1 label pins the line to that lot, if it may be sold today."""
        match = self._lookup.find_by_code(gtin)
        if match is None:
            raise UnknownCode(gtin)
        product = match.product
        if lot is None or not product.is_cannabis:  # accessories are not tracked by lot
            return self._ensure_sale().add(product, match.units)
        with self._session_factory() as session:
            lots = sellable_lots(session, self._context.store_id, [product.sku]).get(product.sku, [])
        check_scanned_lot(product.name, product.sku, lot, lots, self._clock().date(), label_expiry=label_expiry)
        return self._ensure_sale().add(product, match.units, lot=lot)

    def set_quantity(self, line_id: uuid.UUID, quantity: int) -> SaleLine:
        return self.sale.set_quantity(line_id, quantity)

    def remove_line(self, line_id: uuid.UUID) -> None:
        self.sale.remove_line(line_id)

    def discount_line(self, line_id: uuid.UUID, *, percent: Decimal | None = None, amount: Money | None = None,
                      approver: StaffMember | None = None, reason: str | None = None) -> SaleLine:
        """``reason``: a DiscountReason code, kept on the order line and in the audit trail."""
        return self.sale.discount_line(line_id, percent=percent, amount=amount, role=self._role(approver),
                                       reason=reason)

    def discount_cart(self, *, percent: Decimal | None = None, amount: Money | None = None,
                      approver: StaffMember | None = None, reason: str | None = None) -> Money:
        return self.sale.discount_cart(percent=percent, amount=amount, role=self._role(approver), reason=reason)

    def _role(self, approver: StaffMember | None) -> Role | None:
        return approver.role if approver is not None else None

    # --- tenders ---------------------------------------------------------------------------------------

    def tender_cash(self, tendered: Money) -> CashTender:
        return self.sale.add_cash(tendered)

    def tender_card(self, approval: CardApproval) -> None:
        self.sale.add_card(approval)

    # --- completion ------------------------------------------------------------------------------------

    def complete(self) -> Order:
        sale = self.sale
        staff = self._staff
        assert staff is not None
        now = self._clock()
        uow = UnitOfWork(self._session_factory)
        discounts = discounts_given(sale)
        with uow as session:
            skus = {line.product.sku for line in sale.lines if line.product.is_cannabis}
            order = complete_sale(
                sale,
                order_id=uuid.uuid4(),
                order_number=self._context.receipt_number(take_receipt_seq(session)),
                lots_by_sku=sellable_lots(session, self._context.store_id, skus),
                today=now.date(),
                staff_id=staff.id,
                store_id=self._context.store_id,
            )
            save_order(session, order, cash_session_id=self.cash_session_id, now=now)
            args = order_completed_args(order)
            args["local_ts"] = now.isoformat()
            args["cash_session_id"] = str(self.cash_session_id) if self.cash_session_id else None
            mutation_id = enqueue_mutation(session, "order.completed.v1", args)
            add_inventory_transactions(
                session, inventory_deltas(order), store_id=order.store_id, reference_type="order",
                reference_id=order.order_id, staff_id=staff.id, mutation_id=mutation_id, now=now,
            )
            if discounts:
                append_audit(session, "order.discounted", staff_id=staff.id, store_id=order.store_id,
                             entity_type="order", entity_id=order.order_number, details={"discounts": discounts})
            uow.commit()
        self._sale = None
        return order

    def cancel_sale(self) -> None:
        self._sale = None

    # --- parking ---------------------------------------------------------------------------------------

    def park(self, label: str = "") -> ParkedSaleInfo:
        """Put the open sale aside (on disk) and start an empty one for the next customer."""
        sale = self.sale
        snapshot = park_snapshot(sale)
        staff = self._staff
        assert staff is not None
        totals = sale.totals
        label = label.strip()[:80] or f"{totals.item_count} items, {totals.total}"
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = parked_sales.park(session, terminal_no=self._context.terminal_no, staff_id=staff.id,
                                    label=label, item_count=totals.item_count, total_cents=totals.total.cents,
                                    snapshot=snapshot, now=self._clock())
            info = _parked_info(row)
            uow.commit()
        self.start_sale(staff)
        return info

    def parked(self) -> list[ParkedSaleInfo]:
        with self._session_factory() as session:
            return [_parked_info(row) for row in parked_sales.parked_at(session, self._context.terminal_no)]

    def resume(self, parked_id: uuid.UUID) -> list[str]:
        """Bring a parked sale back as the open sale; returns SKUs that could not be brought back."""
        if self.has_open_sale:
            raise SaleInProgress()
        staff = self._staff
        assert staff is not None
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = parked_sales.take(session, parked_id)
            if row is None:
                raise ParkedSaleGone()
            sale = Sale(tax_components=self._context.tax_components, role=staff.role)
            missing = restore_snapshot(sale, row.snapshot, self._lookup)
            uow.commit()
        self._sale = sale
        return missing
