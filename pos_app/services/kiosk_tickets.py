"""Kiosk tickets: a kiosk sends its cart to the counter, and a register lists, loads, claims and closes it.

Online, a ticket reaches every register of the store through the hub. Offline, its QR code carries the cart,
signed with the store's key (`pos_app.domain.kiosk_ticket`), and a register loads it with no hub at all. A
register always re-prices a ticket at its own current prices; the kiosk's estimate never binds. A sent ticket
soft-reserves its stock for `reservation_minutes` (30 unless the store's settings say otherwise).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from pos_app.domain import kiosk_ticket as codes
from pos_app.domain.catalog import ProductInfo
from pos_app.domain.errors import DomainError
from pos_app.domain.kiosk_ticket import TicketCart, TicketLine
from pos_app.domain.money import Money
from pos_app.domain.sale import Sale, SaleLine, sale_totals
from pos_app.domain.tax import TaxComponent
from pos_app.persistence import kiosk_tickets as rows
from pos_app.persistence.catalog_repository import find_by_code
from pos_app.persistence.outbox import enqueue_mutation
from pos_app.persistence.stock import available_on_hand, sellable_lots
from pos_app.persistence.sync_state import ensure_sync_state, take_counter
from pos_app.persistence.unit_of_work import UnitOfWork
from pos_app.services import mutations
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import ServiceError
from pos_app.services.promotions import PromotionCatalog, attach, enter_code
from pos_app.services.staff import StaffMember
from pos_app.services.terminal import TerminalContext

RESERVATION_MINUTES = 30
_DONE = ("claimed", "completed", "abandoned")  # a ticket's closed states, each with its own sentence

__all__ = ["KioskTicketService", "LoadedLine", "LoadedTicket", "SentTicket", "TicketLine", "TicketRefused",
           "TicketSummary", "close_ticket", "ticket_sale"]


class TicketRefused(ServiceError):
    code = "ticket_refused"


@dataclass(frozen=True)
class SentTicket:
    ticket_id: uuid.UUID
    number: str
    qr_text: str
    reserved_until: datetime


@dataclass(frozen=True)
class TicketSummary:
    ticket_id: uuid.UUID
    number: str
    created_at: datetime
    items: int
    total: Money  # at this terminal's current prices, taxes included


@dataclass(frozen=True)
class LoadedLine:
    sku: str
    quantity: int
    product: ProductInfo | None  # at the current price; None when the store no longer sells it
    available: int
    problem: str | None = None  # why the line cannot be sold as it stands: out of stock, recalled, not sold

    @property
    def sellable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class LoadedTicket:
    ticket_id: uuid.UUID
    number: str
    created_at: datetime
    lines: tuple[LoadedLine, ...]
    total: Money  # of the sellable lines, taxes included
    from_qr: bool
    codes: tuple[str, ...] = ()  # discount codes entered at the kiosk: the register applies them again


def normalize_number(text: str) -> str:
    digits = "".join(ch for ch in text if ch.isdigit())
    return f"K-{digits}"


class KioskTicketService:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext, ticket_key: bytes, *,
                 clock: Clock = utc_clock) -> None:
        self._session_factory = session_factory
        self._context = context
        self._key = ticket_key
        self._clock = clock
        self._from_qr: dict[uuid.UUID, TicketCart] = {}  # carts loaded from a QR code, for their claim

    @property
    def reservation_minutes(self) -> int:
        return int(self._context.settings.get("kiosk_reservation_minutes", RESERVATION_MINUTES))

    def _now(self) -> datetime:
        return self._clock().replace(microsecond=0)  # the QR code carries whole seconds

    # --- the kiosk -----------------------------------------------------------------------------------------

    def send(self, lines: Sequence[TicketLine], codes_entered: Sequence[str] = ()) -> SentTicket:
        """One transaction: the ticket (with the discount codes the customer entered), its reservations and their
        two outbox rows; refused with a sentence."""
        merged: dict[str, int] = {}
        for line in lines:
            merged[line.sku] = merged.get(line.sku, 0) + line.quantity
        if not merged:
            raise TicketRefused("ticket_refused.empty")
        store_id, now = self._context.store_id, self._now()
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            self._check_cart(session, merged)
            seq = take_counter(session, "next_ticket_seq")
            number = f"K-{self._context.terminal_no % 10}{seq % 1000:03d}"
            cart = TicketCart(store_id, number, uuid.uuid4(), tuple(TicketLine(s, q) for s, q in merged.items()), now,
                              tuple(codes_entered))
            until = now + timedelta(minutes=self.reservation_minutes)
            reservation_ids = [uuid.uuid4() for _ in cart.lines]
            created = enqueue_mutation(session, mutations.kiosk_ticket_created(cart))
            reserved = enqueue_mutation(session, mutations.stock_reserved(
                store_id=store_id, ticket_id=cart.ticket_id, reserved_at=now, reserved_until=until,
                reservations=[(rid, line.sku, line.quantity) for rid, line in zip(reservation_ids, cart.lines,
                                                                                   strict=True)]))
            rows.add_ticket(session, cart, status="open", version=rows.local_version(created),
                            kiosk_terminal_id=ensure_sync_state(session).terminal_id)
            rows.add_reservations(session, cart, reservation_ids, until=until, version=rows.local_version(reserved))
            uow.commit()
        return SentTicket(cart.ticket_id, number, codes.encode(cart, self._key), until)

    def _check_cart(self, session: Session, quantities: dict[str, int]) -> None:
        """The 30 g limit by the sale's own rule (a domain `Sale`), every item known, and enough in stock."""
        sale = Sale(tax_components=self._context.tax_components)
        available = available_on_hand(session, self._context.store_id, quantities, now=self._clock())
        for sku, quantity in quantities.items():
            match = find_by_code(session, self._context.store_id, sku)
            if match is None:
                raise TicketRefused("ticket_refused.not_sold", sku=sku)
            name = match.product.name
            try:
                sale.add(match.product, quantity * match.units)
            except DomainError as refused:
                raise TicketRefused(refused.message) from None
            left = max(available.get(sku, 0), 0)
            if left == 0:
                raise TicketRefused("ticket_refused.sold_out", name=name)
            if left < quantity:
                raise TicketRefused("ticket_refused.few_left", left=left, name=name)

    # --- the register --------------------------------------------------------------------------------------

    def open_tickets(self) -> list[TicketSummary]:
        """The store's open tickets of the last 24 hours, this terminal's unsent ones included, oldest first."""
        with self._session_factory() as session:
            found = rows.open_tickets(session, self._context.store_id, self._clock() - codes.MAX_AGE)
            summaries = []
            for row in found:
                cart = rows.cart_of(session, row)
                priced = [line for line in self._priced(session, cart) if line.product is not None]
                summaries.append(TicketSummary(row.id, row.number, row.ticket_created_at,
                                               sum(line.quantity for line in cart.lines), self._total(priced)))
            return summaries

    def open_count(self) -> int:
        """How many tickets `open_tickets` lists, in one cheap query: the register's badge asks every second."""
        with self._session_factory() as session:
            return rows.open_count(session, self._context.store_id, self._clock() - codes.MAX_AGE)

    def load(self, number_or_qr: str) -> LoadedTicket:
        """A ticket by its number (from the replica) or its QR text (offline too), re-priced and checked."""
        text = number_or_qr.strip()
        with self._session_factory() as session:
            if codes.looks_like_ticket_code(text):
                cart, from_qr = self._decode(text), True
                row = rows.ticket(session, cart.ticket_id)
            else:
                number = normalize_number(text)
                row = rows.latest_with_number(session, self._context.store_id, number,
                                              self._clock() - codes.MAX_AGE)
                if row is None:
                    raise TicketRefused("ticket_refused.no_such_number", number=number)
                cart, from_qr = rows.cart_of(session, row), False
            if row is not None and row.status != "open":
                raise _done(row.number, row.status, again=True)
            lines = tuple(self._priced(session, cart))
        if from_qr:
            self._from_qr[cart.ticket_id] = cart
        return LoadedTicket(cart.ticket_id, cart.number, cart.created_at, lines,
                            self._total([line for line in lines if line.sellable]), from_qr, cart.codes)

    def _decode(self, text: str) -> TicketCart:
        try:
            return codes.decode(text, store_id=self._context.store_id, key=self._key, now=self._clock())
        except codes.BadTicketCode as refused:
            raise TicketRefused(refused.message) from None

    def _priced(self, session: Session, cart: TicketCart) -> list[LoadedLine]:
        store_id, skus = self._context.store_id, [line.sku for line in cart.lines]
        stock = available_on_hand(session, store_id, skus, now=self._clock(), except_ticket=cart.ticket_id)
        lots = sellable_lots(session, store_id, skus)
        priced = []
        for line in cart.lines:
            match = find_by_code(session, store_id, line.sku)
            left = stock.get(line.sku, 0)
            if match is None:
                priced.append(LoadedLine(line.sku, line.quantity, None, left,
                                         f"{line.sku} is no longer sold here; it is left off the sale."))
                continue
            name, problem = match.product.name, None
            if lots.get(line.sku) and all(lot.recalled for lot in lots[line.sku]):
                problem = f"{name} is recalled and cannot be sold."
            elif left < line.quantity:
                problem = (f"{name} is out of stock." if left <= 0 else
                           f"Only {left} of {name} left; the ticket asks for {line.quantity}.")
            priced.append(LoadedLine(line.sku, line.quantity, match.product, left, problem))
        return priced

    def _total(self, lines: list[LoadedLine]) -> Money:
        sale_lines = [SaleLine(uuid.uuid4(), line.product, line.quantity) for line in lines if line.product]
        return sale_totals(sale_lines, None, self._context.tax_components).total

    def claim(self, ticket_id: uuid.UUID, *, staff_id: uuid.UUID | None = None) -> None:
        """Take the ticket at this register. On the hub the first claim wins; a later one is kept and flagged."""
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            self.claim_in(session, ticket_id, staff_id=staff_id)
            uow.commit()

    def claim_in(self, session: Session, ticket_id: uuid.UUID, *, staff_id: uuid.UUID | None = None) -> None:
        """The claim, in the caller's transaction: the register claims a ticket and opens its sale in one step."""
        now = self._clock()
        row = rows.ticket(session, ticket_id)
        if row is None and ticket_id not in self._from_qr:
            raise TicketRefused("ticket_refused.load_first")
        cart = self._from_qr[ticket_id] if row is None else rows.cart_of(session, row)
        if row is not None and row.status != "open":
            raise _done(row.number, row.status)
        mutation_id = enqueue_mutation(session, mutations.kiosk_ticket_claimed(cart, claimed_at=now,
                                                                               staff_id=staff_id))
        if row is None:  # from a QR code the hub has not sent here: the claim brings the ticket
            row = rows.add_ticket(session, cart, status="open", version=rows.local_version(mutation_id))
        row.status, row.claimed_at, row.claimed_by = "claimed", now, staff_id
        row.claimed_by_terminal_id = ensure_sync_state(session).terminal_id
        row.version = rows.local_version(mutation_id)

    def complete(self, ticket_id: uuid.UUID, order_id: uuid.UUID, *, staff_id: uuid.UUID | None = None) -> None:
        """The sale `order_id` rang the ticket up: it closes, and its reservations let go of the stock."""
        self._close(ticket_id, "completed", order_id, staff_id)

    def abandon(self, ticket_id: uuid.UUID, *, staff_id: uuid.UUID | None = None) -> None:
        self._close(ticket_id, "abandoned", None, staff_id)

    def _close(self, ticket_id: uuid.UUID, outcome: str, order_id: uuid.UUID | None,
               staff_id: uuid.UUID | None) -> None:
        uow = UnitOfWork(self._session_factory)
        with uow as session:
            row = rows.ticket(session, ticket_id)
            if row is None:
                raise TicketRefused("ticket_refused.not_here")
            if row.status in ("completed", "abandoned"):
                raise _done(row.number, row.status)
            close_ticket(session, ticket_id, outcome, order_id=order_id, staff_id=staff_id, now=self._clock())
            uow.commit()
        self._from_qr.pop(ticket_id, None)


def ticket_sale(ticket: LoadedTicket, *, tax_components: Sequence[TaxComponent], staff: StaffMember,
                promotions: PromotionCatalog | None = None, store_now=None) -> tuple[Sale, list[str]]:
    """A new sale of the ticket's lines, at this till's prices and promotions (the kiosk's estimate never binds),
    with the codes the customer entered at the kiosk, and why each of those that does not apply here does not.
    Lines the store no longer sells are left off (the loaded ticket says which); out of stock or recalled ones go
    in, for the stock check to mark. A line the sale refuses (the 30 g rule) refuses the ticket: nothing is
    loaded."""
    sale = Sale(tax_components=tax_components, role=staff.role, own_cap=staff.discount_cap)
    for line in ticket.lines:
        if line.product is not None:
            sale.add(line.product, line.quantity)
    if sale.is_empty:
        raise TicketRefused("ticket_refused.nothing_sold", number=ticket.number)
    sale.kiosk_ticket = codes.TicketRef(ticket.ticket_id, ticket.number)
    attach(sale, promotions, store_now)
    return sale, [sentence for code in ticket.codes if (sentence := enter_code(sale, promotions, store_now, code))]


def close_ticket(session: Session, ticket_id: uuid.UUID, outcome: str, *, order_id: uuid.UUID | None,
                 staff_id: uuid.UUID | None, now: datetime) -> None:
    """Close the ticket in the caller's transaction (the sale that rang it up, as it completes) and let its
    reservations go. A ticket already closed here (another register's sale, pulled meanwhile) stays as the hub
    has it; the close still goes to the hub, which keeps both sales and flags the pair for the manager."""
    row = rows.ticket(session, ticket_id)
    if row is None:  # claim_in always writes the row first; nothing to close and nothing to tell the hub
        return
    closed = enqueue_mutation(session, mutations.kiosk_ticket_closed(
        ticket_id=ticket_id, store_id=row.store_id, outcome=outcome, order_id=order_id, closed_at=now,
        staff_id=staff_id))
    if row.status in ("completed", "abandoned"):
        return
    row.status, row.closed_at, row.order_id = outcome, now, order_id
    row.version = rows.local_version(closed)
    held = rows.active_reservations(session, ticket_id)
    if held:
        released = enqueue_mutation(session, mutations.stock_released(
            store_id=row.store_id, reservation_ids=held, reason=outcome, released_at=now))
        rows.release_reservations(session, held, when=now, version=rows.local_version(released))


def _done(number: str, status: str, *, again: bool = False) -> TicketRefused:
    """Ticket K-3004 was already claimed (rung up, cancelled) at a register."""
    state = status if status in _DONE else "closed"
    return TicketRefused(f"ticket_refused.{state}{'_again' if again else ''}", number=number)
