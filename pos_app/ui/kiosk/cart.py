"""The kiosk's cart: a domain ``Sale`` (the register's rules, 30 g limit included) that never goes past the
stock the kiosk was shown, priced with the store's promotions as the register prices it. Nothing is written: the
cart becomes a ticket at the counter, or is cleared."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, Signal

from pos_app.domain.sale import Sale, SaleLine, SaleTotals
from pos_app.services.kiosk_catalog import KioskCatalog, ProductCard
from pos_app.services.promotions import PromotionCatalog, apply_code, attach
from pos_app.services.terminal import TerminalContext


class NotEnoughStock(Exception):
    def __init__(self, card: ProductCard) -> None:
        if card.available <= 0:
            message = QCoreApplication.translate("KioskCart", "Sorry, {name} is sold out right now.")
        elif card.available == 1:
            message = QCoreApplication.translate("KioskCart", "Sorry, we have only one of {name} right now.")
        else:
            message = QCoreApplication.translate("KioskCart", "Sorry, we have only {count} of {name} right now.")
        message = message.format(name=card.name, count=card.available)
        super().__init__(message)
        self.message = message


def code_sentence(code: str, reason_code: str, sentence: str) -> str:
    """The register's refusals are worded for a cashier; these few are put to the customer instead."""
    sentences = {
        "empty": QCoreApplication.translate("KioskCart", "Type your code on the keys, then tap Apply."),
        "no_promotions": QCoreApplication.translate("KioskCart", "This kiosk takes no discount codes right now. Ask "
                                                                 "for help at the counter."),
        "unknown_code": QCoreApplication.translate("KioskCart", "We don't know the code “{code}”. Check it and type "
                                                                "it again, or carry on without it."),
    }
    return sentences[reason_code].format(code=code) if reason_code in sentences else sentence


class KioskCart(QObject):
    changed = Signal()

    def __init__(self, catalog: KioskCatalog, context: TerminalContext, *,
                 promotions: PromotionCatalog | None = None,
                 store_now: Callable[[], datetime] | None = None) -> None:
        """``promotions`` and ``store_now`` (naive store-local time): the store's promotions price the cart."""
        super().__init__()
        self._catalog = catalog
        self._context = context
        self._promotions = promotions
        self._store_now = store_now or (lambda: datetime.now(context.zone).replace(tzinfo=None))
        self._cards: dict[str, ProductCard] = {}  # sku -> the card the customer added it from
        self.sale = self._new_sale()

    def _new_sale(self) -> Sale:
        sale = Sale(tax_components=self._context.tax_components)
        attach(sale, self._promotions, self._store_now)
        return sale

    @property
    def lines(self) -> tuple[SaleLine, ...]:
        return self.sale.lines

    @property
    def totals(self) -> SaleTotals:
        return self.sale.totals

    @property
    def is_empty(self) -> bool:
        return self.sale.is_empty

    @property
    def codes(self) -> tuple[str, ...]:
        """The discount codes on the cart, as entered (upper case)."""
        return self.sale.promotions.codes if self.sale.promotions is not None else ()

    def enter_code(self, entered: str) -> str | None:
        """Apply a discount code the way the register does. None when it applies, else a sentence for the
        customer: unknown, not started, expired, below its minimum purchase, used up, or saving nothing."""
        refusal = apply_code(self.sale, self._promotions, self._store_now, entered)
        if refusal is not None:
            return code_sentence(entered.strip().upper(), *refusal)
        self.changed.emit()
        return None

    def card(self, sku: str) -> ProductCard | None:
        return self._cards.get(sku)

    def add(self, card: ProductCard) -> SaleLine:
        """One more of this product. A sentence (DomainError, NotEnoughStock, ProductGone) when it can't be."""
        held = sum(line.quantity for line in self.sale.lines if line.product.sku == card.sku)
        if held + 1 > card.available:
            raise NotEnoughStock(card)
        product = self._catalog.product_info(card.sku)  # the store's price now, as the register would ring it
        line = self.sale.add(product, 1)  # the 30 g rule: PossessionLimitExceeded, and the cart stays as it was
        self._cards[card.sku] = card
        self.changed.emit()
        return line

    def increase(self, line_id: UUID) -> None:
        line = self.sale.line(line_id)
        card = self._cards[line.product.sku]
        if line.quantity + 1 > card.available:
            raise NotEnoughStock(card)
        self.sale.set_quantity(line_id, line.quantity + 1)
        self.changed.emit()

    def decrease(self, line_id: UUID) -> None:
        line = self.sale.line(line_id)
        if line.quantity <= 1:
            self.sale.remove_line(line_id)
        else:
            self.sale.set_quantity(line_id, line.quantity - 1)
        self.changed.emit()

    def check_stock(self) -> dict[UUID, str]:
        """Mark the lines whose product sold out (at the counter, another kiosk) since the customer added it."""
        skus = {line.product.sku for line in self.sale.lines}
        left = self._catalog.available(skus) if skus else {}
        problems = {}
        for line in self.sale.lines:
            have = max(left.get(line.product.sku, 0), 0)
            if line.quantity > have:
                problems[line.line_id] = (
                    self.tr("{name} sold out since you added it. Tap − to take it off.") if have == 0 else
                    self.tr("Only {count} of {name} left now. Tap − to lower the quantity.")
                ).format(name=line.product.name, count=have)
        self.sale.set_stock_problems(skus, problems)
        return problems

    def clear(self) -> None:
        self.sale = self._new_sale()
        self._cards.clear()
        self.changed.emit()
