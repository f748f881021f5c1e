"""Sale commands: start, scan, quantities, discounts, tenders and completion (DESIGN §3, §5).

The open sale lives in memory and is saved at every change (``OpenSaleKeeper``, one row per till), so a closed
window or a crash loses neither the cart nor the payments on it. Completion writes the order, its lines and lots,
payments, stock deltas and the ``order.completed.v1`` outbox row, and clears the saved open sale, in one SQLite
transaction, so there is never a sale without its outbox row or the other way round.
Stock is checked as lines change (one indexed query), and a line the stock cannot cover holds payment back until
it is removed or lowered. A sale may ring up a kiosk ticket: loading claims it, completing closes it with the order
(same transaction), and emptying the cart abandons it, so its reserved stock goes back at once.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain.catalog import ProductLookup
from pos_app.domain.errors import UnknownCode
from pos_app.domain.formatting import items_text
from pos_app.domain.lots import Lot, check_scanned_lot
from pos_app.domain.money import Money
from pos_app.domain.open_sale import RestoredSale
from pos_app.domain.order import Order, complete_sale, discounts_given, inventory_deltas
from pos_app.domain.parking import park_snapshot, restore_snapshot, saved_codes
from pos_app.domain.payment import PaymentStatus
from pos_app.domain.sale import Sale, SaleLine, SaleTotals
from pos_app.domain.tax import TaxComponent
from pos_app.domain.tenders import CardApproval, CardTender, CashTender, Tender
from pos_app.persistence import parked_sales, store_repository
from pos_app.persistence.audit import append_audit
from pos_app.persistence.catalog_repository import SqlProductLookup
from pos_app.persistence.order_repository import add_inventory_transactions, save_order
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.stock import sellable_lots
from pos_app.persistence.sync_state import take_receipt_seq
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import NoOpenSale, ParkedSaleGone, SaleInProgress
from pos_app.services.kiosk_tickets import KioskTicketService, LoadedTicket, TicketRefused, close_ticket, ticket_sale
from pos_app.services.mutations import order_completed
from pos_app.services.open_sale import OpenSaleKeeper
from pos_app.services.parked_info import ParkedSaleInfo, parked_info
from pos_app.services.promotions import PromotionCatalog, attach, enter_code
from pos_app.services.sale_upkeep import mark_stock, reprice_unpaid
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext


class SaleService:
    def __init__(
        self,
        session_factory: sessionmaker[Session],
        context: TerminalContext,
        *,
        lookup: ProductLookup | None = None,
        clock: Clock = utc_clock,
        stock_checks: bool = True,
        promotions: PromotionCatalog | None = None,
    ) -> None:
        """``stock_checks=False`` records sales as facts whatever the till's stock says, as a load generator
        or an oversell test must; a till at the counter always checks."""
        self._session_factory = session_factory
        self._context = context
        self._lookup = lookup or SqlProductLookup(session_factory, context.store_id, clock)
        self._clock = clock
        self._keeper = OpenSaleKeeper(session_factory, context, self._lookup, clock)
        self._stock_checks = stock_checks
        self.promotions = promotions  # the store's promotions: every sale is priced with them
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

    @property
    def card_approvals(self) -> list[CardApproval]:
        """The card money taken on the open sale so far."""
        if self._sale is None:
            return []
        return [t.approval for t in self._sale.tenders if isinstance(t, CardTender)]

    def start_sale(self, staff: StaffMember) -> Sale:
        self._staff = staff
        self._sale = Sale(tax_components=self.tax_components(), role=staff.role, own_cap=staff.discount_cap)
        attach(self._sale, self.promotions, self.store_now)
        return self._sale

    def reprice_scheduled(self) -> bool:
        """`sale_upkeep.reprice_unpaid`, the sale saved when it changed; the register asks every few seconds."""
        changed = reprice_unpaid(self._session_factory, self._context.store_id, self._sale, self._clock())
        return changed and self._saved(changed)

    def store_now(self) -> datetime:
        return self._clock().astimezone(self._context.zone).replace(tzinfo=None)

    def tax_components(self) -> tuple[TaxComponent, ...]:
        """The rates in force on the store's date, read at each new sale: a rate the hub scheduled applies from
        its first day without restarting the till. A replica without them keeps those the till started with."""
        with self._session_factory() as session:
            rates = store_repository.tax_components_on(session, self._context.store_id, self.store_now().date())
        return tuple(rates) or self._context.tax_components

    def enter_code(self, code: str) -> str | None:
        """None when the code applies to the open sale, else the sentence saying why not."""
        return self._saved(enter_code(self.sale, self.promotions, self.store_now, code))

    def recover(self, staff: StaffMember) -> RestoredSale | None:
        """Open the register on the sale this till left unfinished (window closed, crash, power cut), if any;
        otherwise start a new one. The restored sale keeps its id, payments and pinned lots."""
        restored = self._keeper.restore(staff)
        if restored is None:
            self.start_sale(staff)
            return None
        self._staff = staff
        self._sale = restored.sale
        attach(restored.sale, self.promotions, self.store_now, restored.codes)  # its promotions and codes again
        self._check_stock({line.product.sku for line in restored.sale.lines})  # stock may have moved meanwhile
        return restored

    def _saved(self, result=None):
        """Every command that changes the sale ends here: the sale on disk follows the one on screen."""
        if self._sale is not None and self._staff is not None:
            self._keeper.save(self._sale, self._staff)
        return result

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
        line = self._ensure_sale().scan(code, self._lookup)
        self._check_stock({line.product.sku})
        return self._saved(line)

    def scan_item(self, gtin: str, *, lot: str | None = None, label_expiry: date | None = None) -> SaleLine:
        """A scanned product barcode. A lot on a GS1 label pins the line to that lot, if it may be sold today."""
        match = self._lookup.find_by_code(gtin)
        if match is None:
            raise UnknownCode(gtin)
        product = match.product
        if lot is None or not product.is_cannabis:  # accessories are not tracked by lot
            line = self._ensure_sale().add(product, match.units)
            self._check_stock({product.sku})
            return self._saved(line)
        with self._session_factory() as session:
            lots = sellable_lots(session, self._context.store_id, [product.sku]).get(product.sku, [])
        check_scanned_lot(product.name, product.sku, lot, lots, self._clock().date(), label_expiry=label_expiry)
        line = self._ensure_sale().add(product, match.units, lot=lot)
        self._check_stock({product.sku}, lots={product.sku: lots})  # the lots just read: no second query
        return self._saved(line)

    def set_quantity(self, line_id: uuid.UUID, quantity: int) -> SaleLine:
        line = self.sale.set_quantity(line_id, quantity)
        self._check_stock({line.product.sku})
        return self._saved(line)

    def remove_line(self, line_id: uuid.UUID) -> None:
        sale = self.sale
        sku = sale.line(line_id).product.sku
        sale.remove_line(line_id)
        if sale.is_empty and not sale.tenders and self._staff is not None:
            if sale.kiosk_ticket is not None:
                self._drop(sale)
            self.start_sale(self._staff)  # an emptied cart is over: the next item begins the next customer's sale
        elif any(line.product.sku == sku for line in sale.lines):
            self._check_stock({sku})
        self._saved()

    # --- a kiosk ticket: its lines at this till's prices, claimed in the same step ----------------------------

    def load_ticket(self, ticket: LoadedTicket, tickets: KioskTicketService) -> list[str]:
        """The ticket as a new sale (``ticket_sale``), claimed in one transaction; why its kiosk codes don't apply."""
        staff = self._staff
        if self.has_open_sale or (self._sale is not None and self._sale.tenders) or staff is None:
            raise TicketRefused("ticket_refused.sale_on_screen")
        sale, refused = ticket_sale(ticket, tax_components=self.tax_components(), staff=staff,
                                    promotions=self.promotions, store_now=self.store_now)
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            tickets.claim_in(session, ticket.ticket_id, staff_id=staff.id)
            self._keeper.save_in(session, sale, staff)
            uow.commit()
        self._sale = sale
        self._check_stock({line.product.sku for line in sale.lines})
        return refused

    # --- stock: checked as lines change, so a line that cannot be sold is marked at once -----------------

    def check_stock(self) -> None:
        """Check every line again (stock may have moved since it was added); UnsellableItem if one can't be sold."""
        sale = self.sale
        self._check_stock({line.product.sku for line in sale.lines})
        sale.check_sellable()

    def _check_stock(self, skus: set[str], *, lots: dict[str, list[Lot]] | None = None) -> None:
        if self._stock_checks and skus:
            mark_stock(self._session_factory, self._context.store_id, self.sale, skus, self._clock().date(), lots=lots)

    def discount_line(self, line_id: uuid.UUID, *, percent: Decimal | None = None, amount: Money | None = None,
                      approver: StaffMember | None = None, reason: str | None = None) -> SaleLine:
        """``reason``: a DiscountReason code, kept on the order line and in the audit trail."""
        return self._saved(self.sale.discount_line(line_id, percent=percent, amount=amount, reason=reason,
                                                   **self._approver(approver)))

    def discount_cart(self, *, percent: Decimal | None = None, amount: Money | None = None,
                      approver: StaffMember | None = None, reason: str | None = None) -> Money:
        return self._saved(self.sale.discount_cart(percent=percent, amount=amount, reason=reason,
                                                   **self._approver(approver)))

    def _approver(self, approver: StaffMember | None) -> dict:
        """A manager's role and own limit when they approve; none for the signed-in staff member's own discount."""
        return {} if approver is None else {"role": approver.role, "own_cap": approver.discount_cap}

    # --- tenders ---------------------------------------------------------------------------------------

    def tender_cash(self, tendered: Money) -> CashTender:
        return self._saved(self.sale.add_cash(tendered))

    def tender_card(self, approval: CardApproval) -> None:
        self.sale.add_card(approval)
        self._saved()

    def remove_tender(self, tender: Tender) -> None:
        """Take a payment off the sale: cash keyed by mistake, or a card payment the terminal reversed."""
        self.sale.remove_tender(tender)
        self._saved()

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
                order_id=sale.sale_id,  # the card payment journal's key becomes the order's id
                order_number=self._context.receipt_number(take_receipt_seq(session)),
                lots_by_sku=sellable_lots(session, self._context.store_id, skus),
                today=now.date(),
                staff_id=staff.id,
                store_id=self._context.store_id,
            )
            save_order(session, order, cash_session_id=self.cash_session_id, now=now)
            mutation_id = enqueue_mutation(session, order_completed(order, cash_session_id=self.cash_session_id,
                                                                    now=now))
            add_inventory_transactions(
                session, inventory_deltas(order), store_id=order.store_id, reference_type="order",
                reference_id=order.order_id, staff_id=staff.id, mutation_id=mutation_id, now=now,
            )
            self._keeper.clear_in(session)
            if sale.kiosk_ticket is not None:  # the ticket closes with the order that rang it up, exactly once
                close_ticket(session, sale.kiosk_ticket.ticket_id, "completed", order_id=order.order_id,
                             staff_id=staff.id, now=now)
            if discounts:
                append_audit(session, "order.discounted", staff_id=staff.id, store_id=order.store_id,
                             entity_type="order", entity_id=order.order_number, details={"discounts": discounts})
            uow.commit()
        self._sale = None
        return order

    def cancel_sale(self) -> None:
        """Drop the open sale, on screen and on disk. Card payments on it must have been reversed first."""
        self._drop(self._sale)
        self._sale = None

    def _drop(self, sale: Sale | None) -> None:
        """Clear the sale on disk; a kiosk ticket it rang up is abandoned in the same step (the customer wants none of
        it; back to open, a second register could ring it up again), so its reserved stock is free at once."""
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            if sale is not None and sale.kiosk_ticket is not None:
                close_ticket(session, sale.kiosk_ticket.ticket_id, "abandoned", order_id=None,
                             staff_id=self._staff.id if self._staff else None, now=self._clock())
            self._keeper.clear_in(session)
            uow.commit()

    # --- parking ---------------------------------------------------------------------------------------

    def park(self, label: str = "") -> ParkedSaleInfo:
        """Put the open sale aside (on disk) and start an empty one for the next customer."""
        sale = self.sale
        snapshot = park_snapshot(sale)
        staff = self._staff
        assert staff is not None
        totals = sale.totals
        label = label.strip()[:80] or f"{items_text(totals.item_count)}, {totals.total}"
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = parked_sales.park(session, terminal_no=self._context.terminal_no, staff_id=staff.id,
                                    label=label, item_count=totals.item_count, total_cents=totals.total.cents,
                                    snapshot=snapshot, now=self._clock())
            info = parked_info(row)
            self._keeper.clear_in(session)  # the cart moves to the parked sales, in one step
            uow.commit()
        self.start_sale(staff)
        return info

    def parked(self) -> list[ParkedSaleInfo]:
        with self._session_factory() as session:
            return [parked_info(row) for row in parked_sales.parked_at(session, self._context.terminal_no)]

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
            sale = Sale(tax_components=self.tax_components(), role=staff.role, own_cap=staff.discount_cap)
            missing = restore_snapshot(sale, row.snapshot, self._lookup)
            attach(sale, self.promotions, self.store_now, saved_codes(row.snapshot))  # priced as before parking
            self._keeper.save_in(session, sale, staff)  # from the parked sales to the open sale, in one step
            uow.commit()
        self._sale = sale
        self._check_stock({line.product.sku for line in sale.lines})  # stock may have gone while it was parked
        return missing
