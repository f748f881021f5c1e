"""The open cart at the counter or kiosk: lines, discounts, totals and the payments taken so far."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from uuid import UUID, uuid4

from pos_app.domain.age_gate import AgeGate
from pos_app.domain.catalog import ProductInfo, ProductLookup
from pos_app.domain.discounts import HUNDRED, CartDiscount, as_percent, check_discount_amount, discount_amount
from pos_app.domain.equivalency import check_possession_limit
from pos_app.domain.errors import (
    AgeNotVerified,
    DomainError,
    EmptySale,
    InvalidDiscount,
    InvalidQuantity,
    Overtender,
    SaleLocked,
    UnknownCode,
    UnknownLine,
    UnknownTender,
    UnsellableItem,
)
from pos_app.domain.kiosk_ticket import TicketRef
from pos_app.domain.money import Money, sum_money
from pos_app.domain.payment import PaymentStatus, payment_status
from pos_app.domain.reason_codes import discount_reason
from pos_app.domain.sale_totals import SalePromotions, SaleTotals, sale_totals
from pos_app.domain.staff import Role
from pos_app.domain.tax import TaxComponent
from pos_app.domain.tenders import CardApproval, CardTender, CashTender, Tender

MAX_QUANTITY = 999


def check_quantity(quantity: object) -> int:
    if isinstance(quantity, bool) or not isinstance(quantity, int) or not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidQuantity(quantity)
    return quantity


@dataclass(frozen=True, slots=True)
class SaleLine:
    line_id: UUID
    product: ProductInfo
    quantity: int
    discount: Money = Money.zero()
    discount_percent: Decimal | None = None  # kept so the discount follows quantity changes
    discount_role: Role | None = None  # who approved the discount
    discount_cap: Decimal | None = None  # the approver's own limit, when they have one (else their role's)
    discount_reason: str | None = None  # a DiscountReason code, chosen by the cashier
    lot: str | None = None  # the batch lot a scanned label named: the sale takes its units from that lot only

    @property
    def gross(self) -> Money:
        return self.product.unit_price * self.quantity

    @property
    def net(self) -> Money:
        return self.gross - self.discount

    @property
    def dried_equivalent(self) -> Decimal:
        if not self.product.is_cannabis:
            return Decimal(0)
        return self.product.dried_equivalent_per_unit * self.quantity

    @property
    def has_discount(self) -> bool:
        return bool(self.discount) or self.discount_percent is not None


class Sale:
    """Every change is checked on a copy first, so a refused change leaves the sale as it was."""

    def __init__(
        self,
        sale_id: UUID | None = None,
        tax_components: Sequence[TaxComponent] = (),
        role: Role = Role.CASHIER,
        own_cap: Decimal | None = None,
    ) -> None:
        self.sale_id = sale_id or uuid4()
        self.tax_components = tuple(tax_components)
        self.role = Role(role)
        self.own_cap = own_cap  # the signed-in staff member's own discount limit, if the hub set one
        self._lines: list[SaleLine] = []
        self._cart_discount: CartDiscount | None = None
        self._tenders: list[Tender] = []
        self.age = AgeGate()
        self._stock_problems: dict[UUID, str] = {}  # line id -> why the stock cannot cover that line
        self._totals: tuple[tuple, SaleTotals] | None = None  # the last totals, with the lines and discount they sum
        self.kiosk_ticket: TicketRef | None = None  # the kiosk ticket this sale rings up, if it came from one
        self.promotions: SalePromotions | None = None  # the store's promotions and the codes entered

    @property
    def lines(self) -> tuple[SaleLine, ...]:
        return tuple(self._lines)

    @property
    def tenders(self) -> tuple[Tender, ...]:
        return tuple(self._tenders)

    @property
    def cart_discount(self) -> CartDiscount | None:
        return self._cart_discount

    @property
    def is_empty(self) -> bool:
        return not self._lines

    @property
    def has_cannabis(self) -> bool:
        return any(line.product.is_cannabis for line in self._lines)

    @property
    def age_verified(self) -> bool:
        return self.age.verified

    @property
    def needs_age_check(self) -> bool:
        return self.has_cannabis and not self.age.verified

    def record_age_check(self, passed: bool, refusal: str | None = None, *, attested: bool = False) -> None:
        """A failed check does not undo an earlier pass by ID or manager; it undoes a pass by attestation."""
        self.age.record(passed, refusal, attested=attested)

    # --- stock: the service checks it as lines change and says here which lines it cannot cover ---------

    @property
    def stock_problems(self) -> dict[UUID, str]:
        """Lines the stock cannot cover, with the sentence saying why and what to do."""
        problems = self._stock_problems
        return {ln.line_id: problems[ln.line_id] for ln in self._lines if ln.line_id in problems}

    def set_stock_problems(self, skus: set[str], problems: dict[UUID, str]) -> None:
        """The stock check's answer for every line of these SKUs: lines not in ``problems`` are fine."""
        checked = {ln.line_id for ln in self._lines if ln.product.sku in skus}
        kept = {line_id: why for line_id, why in self.stock_problems.items() if line_id not in checked}
        self._stock_problems = {**kept, **{k: v for k, v in problems.items() if k in checked}}

    def check_sellable(self) -> None:
        for line_id, why in self.stock_problems.items():
            raise UnsellableItem(getattr(why, "key", why), line_id=line_id, **getattr(why, "params", {}))

    @property
    def totals(self) -> SaleTotals:
        # A screen asks several times per change (cart, meter, customer display); the lines are immutable, so
        # equal lines and discount mean equal totals.
        # Promotions re-price on every change, and when the store-local minute moves on (a happy hour begins).
        key = (tuple(self._lines), self._cart_discount, self.promotions and self.promotions.key())
        if self._totals is None or self._totals[0] != key:
            self._totals = (key, sale_totals(self._lines, self._cart_discount, self.tax_components, self.promotions))
        return self._totals[1]

    def line(self, line_id: UUID) -> SaleLine:
        for line in self._lines:
            if line.line_id == line_id:
                return line
        raise UnknownLine(line_id)

    # --- items -----------------------------------------------------------------------------------------

    def scan(self, code: str, lookup: ProductLookup) -> SaleLine:
        match = lookup.find_by_code(code)
        if match is None:
            raise UnknownCode(code)
        return self.add(match.product, match.units)

    def add(self, product: ProductInfo, quantity: int = 1, *, lot: str | None = None) -> SaleLine:
        check_quantity(quantity)
        self._ensure_no_card_payment()
        same = next((ln for ln in self._lines if ln.product == product and ln.lot == lot and not ln.has_discount),
                    None)
        if same is None:
            added = SaleLine(line_id=uuid4(), product=product, quantity=quantity, lot=lot)
            self._commit([*self._lines, added], self._cart_discount)
            return added
        merged = replace(same, quantity=check_quantity(same.quantity + quantity))
        self._commit(self._replaced(merged), self._cart_discount)
        return merged

    def set_quantity(self, line_id: UUID, quantity: int) -> SaleLine:
        check_quantity(quantity)
        self._ensure_no_card_payment()
        line = self.line(line_id)
        updated = replace(line, quantity=quantity)
        if line.discount_percent is not None:
            updated = replace(updated, discount=updated.gross * (line.discount_percent / HUNDRED))
        else:
            check_discount_amount(updated.discount, updated.gross, line.discount_role or self.role,
                                  line.discount_cap if line.discount_role else self.own_cap)
        self._commit(self._replaced(updated), self._cart_discount)
        return updated

    def reprice(self, prices: Mapping[str, Money]) -> bool:
        """The lines of these SKUs at their new unit price (a scheduled price change began while the cart was
        open); True when one changed. A percent discount follows the price; a line whose fixed discount the new
        price cannot carry keeps its price. Once a payment is on the sale, it keeps the prices it is being paid at.
        """
        if self._tenders:
            return False
        lines = []
        for line in self._lines:
            price = prices.get(line.product.sku)
            updated = line if price is None else replace(line, product=replace(line.product, unit_price=price))
            if line.discount_percent is not None:
                updated = replace(updated, discount=updated.gross * (line.discount_percent / HUNDRED))
            elif line.discount and updated is not line:
                try:  # the same amount off a lower price is a bigger share: still within the approver's limit?
                    check_discount_amount(line.discount, updated.gross, line.discount_role or self.role,
                                          line.discount_cap if line.discount_role else self.own_cap)
                except DomainError:
                    updated = line
            lines.append(updated)
        if lines == self._lines:
            return False
        try:
            self._commit(lines, self._cart_discount)
        except DomainError:  # the cart discount no longer fits the new prices: the cart stays as it was
            return False
        return True

    def remove_line(self, line_id: UUID) -> None:
        self._ensure_no_card_payment()
        self.line(line_id)
        self._commit([ln for ln in self._lines if ln.line_id != line_id], self._cart_discount)

    # --- discounts -------------------------------------------------------------------------------------

    def discount_line(
        self,
        line_id: UUID,
        *,
        percent: Decimal | None = None,
        amount: Money | None = None,
        role: Role | None = None,
        reason: str | None = None,
        own_cap: Decimal | None = None,
    ) -> SaleLine:
        """Replace the line's discount; a zero discount removes it. ``reason``: a DiscountReason code. ``role`` and
        ``own_cap``: an approver's, when it is not the signed-in staff member's own discount."""
        self._ensure_no_card_payment()
        approver, cap = self._approver(role, own_cap)
        code = None if reason is None else discount_reason(reason).value
        line = self.line(line_id)
        off = discount_amount(line.gross, percent, amount, approver, cap)
        pct = None if percent is None else as_percent(percent)
        if off or pct:
            updated = replace(line, discount=off, discount_percent=pct, discount_role=approver, discount_reason=code,
                              discount_cap=cap)
        else:
            updated = replace(line, discount=Money.zero(), discount_percent=None, discount_role=None,
                              discount_reason=None, discount_cap=None)
        self._commit(self._replaced(updated), self._cart_discount)
        return updated

    def _approver(self, role: Role | None, own_cap: Decimal | None) -> tuple[Role, Decimal | None]:
        return (Role(role), own_cap) if role is not None else (self.role, self.own_cap)

    def discount_cart(
        self, *, percent: Decimal | None = None, amount: Money | None = None, role: Role | None = None,
        reason: str | None = None, own_cap: Decimal | None = None,
    ) -> Money:
        """Replace the cart discount and return its amount; a zero discount removes it."""
        self._ensure_no_card_payment()
        code = None if reason is None else discount_reason(reason).value
        if self.is_empty:
            raise InvalidDiscount("invalid_discount.empty_sale")
        approver, cap = self._approver(role, own_cap)
        discountable = sum_money(line.net for line in self._lines)
        off = discount_amount(discountable, percent, amount, approver, cap)
        cart: CartDiscount | None = None
        if percent is not None and as_percent(percent):
            cart = CartDiscount(role=approver, percent=as_percent(percent), reason=code, own_cap=cap)
        elif amount:
            cart = CartDiscount(role=approver, amount=amount, reason=code, own_cap=cap)
        self._commit(self._lines, cart)
        return off

    def remove_cart_discount(self) -> None:
        self._ensure_no_card_payment()
        self._cart_discount = None

    # --- payments --------------------------------------------------------------------------------------

    def payment_status(self) -> PaymentStatus:
        return payment_status(self.totals.total, self._tenders)

    def check_ready_for_payment(self) -> None:
        """Asked before any money is taken, including before a card terminal is asked to charge."""
        if self.is_empty:
            raise EmptySale()
        self.check_sellable()
        if self.needs_age_check:
            raise AgeNotVerified()
        # Lines are checked as they are added; this is the last word should the rules have changed since.
        check_possession_limit(self.totals.dried_equivalent_grams)

    def add_cash(self, tendered: Money) -> CashTender:
        self.check_ready_for_payment()
        tender = CashTender(tendered)
        if self.payment_status().is_settled:
            raise Overtender("overtender.nothing_due")
        self._tenders.append(tender)
        return tender

    def add_card(self, approved: CardApproval) -> CardTender:
        self.check_ready_for_payment()
        if approved.amount > self.payment_status().card_remaining:
            raise Overtender()
        tender = CardTender(approved)
        self._tenders.append(tender)
        return tender

    def remove_tender(self, tender: Tender) -> None:
        """Take a payment off the sale (a voided card, cash keyed by mistake)."""
        for index, existing in enumerate(self._tenders):
            if existing is tender or existing == tender:
                del self._tenders[index]
                return
        raise UnknownTender()

    # --- internals -------------------------------------------------------------------------------------

    def _replaced(self, updated: SaleLine) -> list[SaleLine]:
        return [updated if ln.line_id == updated.line_id else ln for ln in self._lines]

    def _ensure_no_card_payment(self) -> None:
        # A card charge is fixed; changing the cart under it could leave the customer over-charged.
        if any(isinstance(t, CardTender) for t in self._tenders):
            raise SaleLocked()

    def _commit(self, lines: list[SaleLine], cart: CartDiscount | None) -> None:
        new_grams = sum((line.dried_equivalent for line in lines), Decimal(0))
        old_grams = sum((line.dried_equivalent for line in self._lines), Decimal(0))
        if new_grams > old_grams:
            check_possession_limit(new_grams)
        if not lines:
            cart = None
        elif cart is not None:
            cart.check_against(sum_money(line.net for line in lines))
        self._lines = list(lines)
        self._cart_discount = cart
