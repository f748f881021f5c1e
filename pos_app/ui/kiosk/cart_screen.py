"""The cart: a row per product with minus and plus, the estimated taxes and total, the 30 g meter, and the
ways on (keep shopping, start over, send to the counter, and pay here by card where the store allows it).
``CartBar`` is the cart's summary under the products."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from pos_app.domain.money import Money
from pos_app.domain.sale import SaleLine
from pos_app.ui.common.cart_model import promotions_by_line
from pos_app.ui.common.language import Retranslating
from pos_app.ui.common.totals import LimitMeter, TotalsPanel
from pos_app.ui.kiosk.cart import KioskCart
from pos_app.ui.kiosk.code_panel import CodePanel
from pos_app.ui.kiosk.widgets import discard, kiosk_button
from pos_app.ui.kiosk.words import figure, money

ESTIMATE = QT_TRANSLATE_NOOP("CartScreen", "Estimated. The counter confirms prices and taxes when you pay.")
ESTIMATE_PAY_HERE = QT_TRANSLATE_NOOP("CartScreen", "Estimated. Prices and taxes are confirmed when you pay, here or "
                                                    "at the counter.")
PAY_HINT = QT_TRANSLATE_NOOP("CartScreen", "Pay here by card after scanning the back of your ID. Or send your cart "
                                           "to the counter and pay there.")


def items_text(count: int) -> str:
    """"1 item", "3 items" in the customer's words."""
    return (QCoreApplication.translate("CartBar", "1 item") if count == 1 else
            QCoreApplication.translate("CartBar", "{count} items").format(count=count))


class CartBar(Retranslating, QFrame):
    """Always under the products: how many items, the estimated total, the 30 g meter, and View cart."""

    open_cart = Signal()

    def __init__(self, cart: KioskCart) -> None:
        super().__init__(objectName="CartBar")
        self.cart = cart
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        self.summary = QLabel(objectName="CartSummary")
        self.meter = LimitMeter()
        self.meter.setMinimumWidth(240)
        self.view_button = kiosk_button("", primary=True)
        self.view_button.clicked.connect(self.open_cart)
        self.limit_note = QLabel(objectName="CartSummaryNote")
        row.addWidget(self.summary, 1)
        row.addWidget(self.limit_note)
        row.addWidget(self.meter)
        row.addWidget(self.view_button)
        cart.changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.view_button.setText(self.tr("View cart"))
        self.limit_note.setText(self.tr("30 g limit"))
        self.refresh()

    def refresh(self) -> None:
        totals = self.cart.totals
        self.summary.setText(f"{items_text(totals.item_count)} · {money(totals.total)}" if totals.item_count
                             else self.tr("Your cart is empty"))
        self.meter.show_grams(totals.dried_equivalent_grams)
        self.view_button.setEnabled(not self.cart.is_empty)


class CartLineRow(QFrame):
    def __init__(self, line: SaleLine, size: str, on_minus: Callable[[], None], on_plus: Callable[[], None],
                 problem: str | None = None, promotion: tuple[str, Money] | None = None) -> None:
        """``promotion``: the deals that priced this line (their names) and what they took off it."""
        super().__init__(objectName="CartLine")
        row = QHBoxLayout(self)
        name = QLabel(f"{line.product.name}", objectName="CartLineName", wordWrap=True)
        detail = QLabel(" · ".join(x for x in (line.product.brand, figure(size), money(line.product.unit_price)) if x),
                        objectName="CartLineDetail", wordWrap=True)
        text = QVBoxLayout()
        text.addWidget(name)
        text.addWidget(detail)
        self.problem = QLabel(problem or "", objectName="CartLineProblem", wordWrap=True)
        self.problem.setVisible(bool(problem))
        text.addWidget(self.problem)
        self.promotion = QLabel(f"★ {promotion[0]}  −{money(promotion[1])}" if promotion else "",
                                objectName="CartLinePromotion", wordWrap=True)
        self.promotion.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.promotion.setVisible(promotion is not None)
        text.addWidget(self.promotion)
        row.addLayout(text, 1)
        self.minus = kiosk_button("−", name="QuantityButton")
        self.minus.setAccessibleName(self.tr("One fewer {name}").format(name=line.product.name))
        self.minus.clicked.connect(lambda _=False: on_minus())
        self.quantity = QLabel(str(line.quantity), objectName="CartQuantity", alignment=Qt.AlignmentFlag.AlignCenter)
        self.quantity.setMinimumWidth(56)
        self.plus = kiosk_button("+", name="QuantityButton")
        self.plus.setAccessibleName(self.tr("One more {name}").format(name=line.product.name))
        self.plus.clicked.connect(lambda _=False: on_plus())
        paid = line.net - promotion[1] if promotion else line.net
        amount = QLabel(money(paid), objectName="CartLineAmount",
                        alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        amount.setMinimumWidth(140)
        for widget in (self.minus, self.quantity, self.plus, amount):
            row.addWidget(widget)


class CartScreen(Retranslating, QWidget):
    keep_shopping = Signal()
    start_over = Signal()
    send_requested = Signal()
    pay_requested = Signal()
    refused = Signal(str)  # a sentence: the 30 g limit, or no more in stock

    def __init__(self, cart: KioskCart, tax_codes: list[str]) -> None:
        super().__init__(objectName="CartScreen")
        self.cart = cart
        layout = QGridLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = QLabel(objectName="KioskHeading")
        layout.addWidget(self.heading, 0, 0)
        lines = QWidget()
        self.lines_layout = QVBoxLayout(lines)
        self.lines_layout.setContentsMargins(0, 0, 0, 0)
        self.lines_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, objectName="CartLines")
        scroll.setWidget(lines)
        self.scroll = scroll
        self.code_panel = CodePanel()  # in the lines' place while a code is typed
        self.code_panel.entered.connect(self.apply_code)
        self.code_panel.cancelled.connect(lambda: self.show_code_entry(False))
        self.code_panel.hide()
        self.entering_code = False
        self.portrait = False
        # Only where the store pays at the kiosk (``offer_payment``); a tap without an ID scanned is explained.
        self.pay_button = kiosk_button("", primary=True)
        self.pay_button.clicked.connect(self.pay_requested)
        self.pay_button.hide()
        self.pay_hint = QLabel(objectName="PayHint", wordWrap=True)
        self.pay_hint.hide()
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        self.totals = TotalsPanel(tax_codes, discounts=False)
        column.addWidget(self.totals)
        self.codes = QLabel(objectName="CartCodes", wordWrap=True)  # each code applied, and what it took off
        self.codes.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.codes.hide()
        column.addWidget(self.codes)
        self.estimate = QLabel(objectName="CartEstimate", wordWrap=True)
        column.addWidget(self.estimate)
        column.addWidget(self.pay_hint)
        self.side = side
        self.send_button = kiosk_button("", primary=True)
        self.send_button.clicked.connect(self.send_requested)
        self.keep_button = kiosk_button("")
        self.keep_button.clicked.connect(self.keep_shopping)
        self.start_over_button = kiosk_button("", name="StartOver")
        self.start_over_button.clicked.connect(self.start_over)
        self.code_button = kiosk_button("")
        self.code_button.clicked.connect(lambda: self.show_code_entry(True))
        actions = QHBoxLayout()
        actions.addWidget(self.start_over_button)
        actions.addWidget(self.keep_button)
        actions.addWidget(self.code_button)
        actions.addStretch(1)
        actions.addWidget(self.send_button)
        actions.addWidget(self.pay_button)
        self.actions = actions
        self.rows: list[CartLineRow] = []
        self.payment_offered = False
        self.arrange(portrait=False)
        cart.changed.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Your cart"))
        self.pay_button.setText(self.tr("Pay here by card"))
        self.send_button.setText(self.tr("Send to counter"))
        self.keep_button.setText(self.tr("Keep shopping"))
        self.start_over_button.setText(self.tr("Start over"))
        self.code_button.setText(self.tr("Enter a code"))
        self.pay_hint.setText(self.tr(PAY_HINT) if self.payment_offered else "")
        self.estimate.setText(self.tr(ESTIMATE_PAY_HERE) if self.payment_offered else self.tr(ESTIMATE))
        self.refresh()

    def arrange(self, portrait: bool) -> None:
        """Totals beside the lines on a wide screen, under them on a tall one."""
        self.portrait = portrait
        layout: QGridLayout = self.layout()
        for widget in (self.scroll, self.code_panel, self.side):
            layout.removeWidget(widget)
        layout.removeItem(self.actions)
        if portrait:
            layout.addWidget(self.scroll, 1, 0)
            layout.addWidget(self.code_panel, 1, 0)
            layout.addWidget(self.side, 2, 0)
            layout.addLayout(self.actions, 3, 0)
        else:
            layout.addWidget(self.scroll, 1, 0, 2, 1)
            layout.addWidget(self.code_panel, 1, 0, 2, 2)  # the keys need the width: over the totals too
            layout.addWidget(self.side, 1, 1)
            layout.addLayout(self.actions, 3, 0, 1, 2)
        for index, stretch in enumerate((1, 0) if portrait else (3, 2)):
            layout.setColumnStretch(index, stretch)
        for index, stretch in enumerate((0, 1, 0, 0) if portrait else (0, 0, 1, 0)):
            layout.setRowStretch(index, stretch)

    def refresh(self) -> None:
        for row in self.rows:
            discard(row)
        self.rows = []
        problems = self.cart.check_stock() if not self.cart.is_empty else {}
        deals = promotions_by_line(self.cart.totals if not self.cart.is_empty else None)
        for index, line in enumerate(self.cart.lines):
            card = self.cart.card(line.product.sku)
            row = CartLineRow(line, card.size if card else "", lambda lid=line.line_id: self._change(lid, -1),
                              lambda lid=line.line_id: self._change(lid, +1), problems.get(line.line_id),
                              deals.get(line.line_id))
            self.lines_layout.insertWidget(index, row)
            row.show()  # now, not on the next turn of the event loop: a finger may already be on its plus
            self.rows.append(row)
        self.totals.show_totals(self.cart.totals if not self.cart.is_empty else None)
        self.show_codes()
        entering = self.entering_code = self.entering_code and not self.cart.is_empty
        self.code_panel.setVisible(entering)
        self.scroll.setVisible(not entering)
        self.side.setVisible(not entering or self.portrait)
        self.code_button.setEnabled(not self.cart.is_empty and not entering)
        self.keep_button.setEnabled(not entering)
        self.send_button.setEnabled(not self.cart.is_empty and not problems and not entering)  # nor sold out
        self.pay_button.setEnabled(not self.cart.is_empty and not problems and not entering)

    def show_code_entry(self, shown: bool) -> None:
        """The code panel in the lines' place, or the lines again."""
        if shown:
            self.code_panel.start()
        self.entering_code = shown
        self.refresh()

    def apply_code(self, entered: str) -> None:
        self.entering_code = False  # applied: the cart's changed signal shows the lines again, with the code
        refusal = self.cart.enter_code(entered)
        if refusal is not None:
            self.entering_code = True
            self.code_panel.refuse(refusal)

    def show_codes(self) -> None:
        pricing = self.cart.totals.pricing if not self.cart.is_empty else None
        applied = [a for a in (pricing.applied if pricing else ()) if a.code]
        # The code and what it took off first, its name under it: a short line the side panel never breaks.
        self.codes.setText("\n".join(self.tr("Code {code}: −{saving}").format(code=a.code, saving=money(a.saving))
                                     + f"\n{a.name}" for a in applied))
        self.codes.setVisible(bool(applied))

    def offer_payment(self, offered: bool) -> None:
        """Show "Pay here by card", with a line on what it takes, or hide both."""
        self.payment_offered = offered
        self.pay_button.setVisible(offered)
        self.pay_hint.setVisible(offered)
        self.retranslate()

    def _change(self, line_id, step: int) -> None:
        try:
            if step > 0:
                self.cart.increase(line_id)
            else:
                self.cart.decrease(line_id)
        except Exception as error:  # the 30 g limit or the stock: the cart stays as it was
            message = getattr(error, "message", None)
            if message is None:
                raise
            self.refused.emit(message)
