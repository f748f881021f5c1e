"""Paying by card at the kiosk (``kiosk_payment = "card"``): the register's sale, card and completion code, with
the kiosk as the terminal.

At payment time the kiosk's cart becomes a sale of its own (``SaleService`` on the kiosk's terminal number, so
the durable open sale and the receipt number are the kiosk's), priced and stock-checked as a register would. The
ID the customer scanned at this kiosk is logged as the sale's age check before any money is asked for; the
customer's "I am 19 or older" never is one. The card goes through ``CardPayments`` (an attempt journalled before
the terminal is asked, never re-sent under a new reference), and the sale is completed exactly as at the
register: the order, its lots, payments, stock deltas and ``order.completed.v1`` in one transaction.

Who is the staff member of a kiosk sale? An order must name one (``orders.staff_id``), and nobody serves at a
kiosk. Staff accounts come from the hub and have no "kiosk" kind, so there is no dedicated kiosk identity to
find in the replica by itself, and making one here would be a row the hub has never heard of. The store names
it instead, in ``kiosk_staff_code``: its own staff account for the kiosk if it made one at the hub, otherwise
the manager responsible for the kiosk. Either way every kiosk sale is traceable to a real account the store
chose, and the receipt says it was served by the kiosk. Without that account in the replica, the kiosk offers
only "Send to counter".
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from sqlalchemy.orm import Session, sessionmaker

from hardware.codes.id_card import IdCard
from pos_app.domain.kiosk_ticket import TicketLine
from pos_app.domain.order import Order
from pos_app.i18n.catalog import Message, text
from pos_app.i18n.errors import LocalizedError
from pos_app.persistence import open_sales
from pos_app.persistence.payment_attempts import SqlAttemptJournal
from pos_app.services.age_checks import AgeCheckService
from pos_app.services.card_payments import CardOutcomeUnknown, CardPayments, CardVoidRefused
from pos_app.services.card_recovery import CardRecovery
from pos_app.services.clock import Clock, utc_clock
from pos_app.services.errors import ServiceError
from pos_app.services.promotions import PromotionCatalog
from pos_app.services.selling import SaleService
from pos_app.services.staff import StaffMember, find_staff
from pos_app.services.terminal import TerminalContext

log = logging.getLogger(__name__)


class KioskPaymentRefused(ServiceError):
    code = "kiosk_payment_refused"


class KioskPaymentUnknown(KioskPaymentRefused):
    """The terminal has not said whether the card was charged: the sale stays open until ``recover`` settles it."""

    code = "kiosk_payment_unknown"


class KioskCheckout:
    def __init__(self, session_factory: sessionmaker[Session], context: TerminalContext, cards: CardPayments,
                 recovery: CardRecovery, age_checks: AgeCheckService, staff_code: str, *,
                 clock: Clock = utc_clock, promotions: PromotionCatalog | None = None) -> None:
        """``promotions``: the store's, so the kiosk charges what its cart showed (the register's pricing)."""
        self._session_factory = session_factory
        self._context = context
        self._cards = cards
        self._recovery = recovery
        self._age_checks = age_checks
        self._staff_code = staff_code.strip()
        self._clock = clock
        self._promotions = promotions

    @property
    def served_by(self) -> str:
        """What the receipt says served the customer."""
        return text("kiosk.served_by", number=self._context.terminal_no)

    def staff(self) -> StaffMember | None:
        """The account kiosk sales are recorded under, if the replica has it (see the module's note)."""
        member = find_staff(self._session_factory, self._staff_code)
        if member is None:
            log.warning("Paying at the kiosk is off: kiosk_staff_code %r is not an active staff member in this "
                        "terminal's data. Set it to the kiosk's staff account or its manager.", self._staff_code)
        return member

    def id_needed(self, card: IdCard | None) -> str | None:
        """Why this customer may not pay here yet, or None: only an ID scanned at this kiosk that passed."""
        if card is None or not self._age_checks.judge_id(card).passed:
            return Message("kiosk_payment_refused.id_needed", min_age=self._context.min_age)
        return None

    def prepare(self, lines: Sequence[TicketLine], card: IdCard | None, codes: Sequence[str] = ()) -> SaleService:
        """The cart as a sale of the kiosk's own, at the store's prices and promotions now, with the discount
        codes the customer entered, its stock checked, the ID logged as its age check. Nothing is charged; on a
        refusal (a sentence) nothing stays open."""
        refusal = self.id_needed(card)
        if refusal is not None:
            raise KioskPaymentRefused(refusal)
        assert card is not None
        staff = self.staff()
        if staff is None:
            raise KioskPaymentRefused("kiosk_payment_refused.off")
        sales = SaleService(self._session_factory, self._context, clock=self._clock, promotions=self._promotions)
        sales.start_sale(staff)
        try:
            for wanted in lines:
                line = sales.scan(wanted.sku)
                if wanted.quantity != line.quantity:
                    sales.set_quantity(line.line_id, wanted.quantity)
            for code in codes:  # taken on the cart a moment ago; one used up since is not charged for silently
                refusal = sales.enter_code(code)
                if refusal is not None:
                    raise KioskPaymentRefused("kiosk_payment_refused.id_refused", refusal=refusal)
            sales.check_stock()
            if sales.sale.has_cannabis:
                outcome = self._age_checks.check_id(sales, card, staff)
                if not outcome.passed:
                    raise KioskPaymentRefused("kiosk_payment_refused.age")
            self._cards.charge_check(sales)
        except Exception:
            sales.cancel_sale()
            raise
        return sales

    def pay(self, sales: SaleService) -> Order:
        """Charge the whole total to one card, then complete the sale. A decline, a cancel or a part approval
        leaves nothing behind but the attempt in the card journal; an unknown outcome keeps the sale open for
        the terminal to be asked again (``recover``), so the customer is never charged twice."""
        due = sales.payment_status().remaining
        try:
            approval = self._cards.charge(sales, due)
        except CardOutcomeUnknown:
            raise KioskPaymentUnknown("kiosk_payment_unknown.no_answer") from None
        except Exception:
            sales.cancel_sale()  # declined or cancelled: nothing was charged
            raise
        if not sales.payment_status().is_settled:
            self._give_back(sales)
            raise KioskPaymentRefused("kiosk_payment_refused.partial", amount=approval.amount, due=due)
        try:
            return sales.complete()
        except Exception as error:  # stock recalled or gone while the customer paid: the money goes back
            log.warning("A kiosk sale could not be completed after its card was approved: %s", error)
            self._give_back(sales)
            reason = error if isinstance(error, LocalizedError) else Message("kiosk_payment_refused.not_completed")
            raise KioskPaymentRefused("kiosk_payment_refused.reversed", reason=reason) from None

    def cancel(self) -> None:
        """The customer tapped Cancel while the terminal waits for their card."""
        self._cards.cancel()

    def recover(self) -> Order | None:
        """At start: settle a payment a stop left unanswered, then finish the sale it was for (paid in full) or
        reverse its card and drop it. Never lost, never charged twice."""
        self._recovery.settle_pending()
        if self._unanswered():
            raise KioskPaymentUnknown("kiosk_payment_unknown.pending")
        staff = self.staff()
        if staff is None:
            return None
        sales = SaleService(self._session_factory, self._context, clock=self._clock)
        if sales.recover(staff) is None:
            return None
        if sales.card_approvals and sales.payment_status().is_settled:
            try:
                order = sales.complete()
            except Exception as error:
                log.warning("A paid kiosk sale left open at the last stop could not be completed: %s", error)
            else:
                log.warning("A paid kiosk sale left open at the last stop was completed: %s.", order.order_number)
                return order
        try:
            self._give_back(sales)
        except KioskPaymentRefused:
            return None  # logged; the next start asks again
        log.warning("A kiosk sale left open at the last stop was dropped; any card payment on it was reversed.")
        return None

    def _unanswered(self) -> bool:
        """Whether the sale left open on this till has a card request the terminal has not answered."""
        with self._session_factory() as session:
            row = open_sales.load(session, self._context.terminal_no)
            if row is None:
                return False
            pending = SqlAttemptJournal(self._session_factory, row.sale_id, self._clock).pending()
            return any(open_sales.attempt_sale_id(session, a.reference) == row.sale_id for a in pending)

    def _give_back(self, sales: SaleService) -> None:
        """Reverse the card payments on the sale and drop it. A reversal the terminal refuses keeps the sale open
        (with its card on it) for ``recover`` to try again."""
        try:
            self._cards.void_card_tenders(sales)
        except CardVoidRefused:
            log.warning("A kiosk card payment could not be reversed; the sale stays open to try again at start.")
            raise KioskPaymentRefused("kiosk_payment_refused.not_reversed") from None
        sales.cancel_sale()
