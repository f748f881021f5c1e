"""Taking payment: cash with the next bills up and nickel rounding shown, card through the terminal, or both."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.cash_rounding import next_bills_up
from pos_app.domain.money import Money
from pos_app.domain.tenders import CardTender
from pos_app.services.selling import SaleService
from pos_app.ui.common.language import amount_field_text, money, parse_money, signed_money
from pos_app.ui.common.widgets import NumPad, touch_button
from pos_app.ui.register.dialogs import PosDialog
from pos_app.ui.tasks import message_of

QUICK_CASH_BUTTONS = 4  # the next bills up from what is due: $130, $140, $150, $200 for $129.15
# The figures, by their names in code (figure_labels' keys); the captions are translated.
FIGURES = (QT_TRANSLATE_NOOP("TenderDialog", "Total"), QT_TRANSLATE_NOOP("TenderDialog", "Paid by card"),
           QT_TRANSLATE_NOOP("TenderDialog", "Cash given"), QT_TRANSLATE_NOOP("TenderDialog", "Left to pay"),
           QT_TRANSLATE_NOOP("TenderDialog", "Cash due (to 5¢)"), QT_TRANSLATE_NOOP("TenderDialog", "Change due"))


class TenderDialog(PosDialog):
    status_shown = Signal(object)  # the PaymentStatus just shown: paid so far, left to pay, change due

    def __init__(self, parent: QWidget | None, sales: SaleService, *, card_enabled: bool,
                 on_card: Callable[[Money], None], on_settled: Callable[[], None]) -> None:
        super().__init__(parent, self.tr("Payment"), width=820)
        self._sales = sales
        self._on_card = on_card
        self._on_settled = on_settled

        figures = QGridLayout()
        self.figure_labels: dict[str, QLabel] = {}
        names = FIGURES
        for row, name in enumerate(names):
            value = QLabel(objectName="FigureValue", alignment=Qt.AlignmentFlag.AlignRight)
            figures.addWidget(QLabel(self.tr(name)), row, 0)
            figures.addWidget(value, row, 1)
            self.figure_labels[name] = value
        self.figure_labels["Left to pay"].setObjectName("DueValue")
        self.rounding_note = QLabel(objectName="DialogLead", wordWrap=True)
        figures.addWidget(self.rounding_note, len(names), 0, 1, 2)
        self.payments = QListWidget(objectName="PaymentsList")
        self.payments.setMaximumHeight(110)

        cash_box = QVBoxLayout()
        cash_box.addWidget(QLabel(self.tr("Cash"), objectName="SectionTitle"))
        quick = QGridLayout()
        self.exact_button = touch_button(self.tr("Exact"), primary=True)
        self.exact_button.clicked.connect(self.pay_exact)
        quick.addWidget(self.exact_button, 0, 0, 1, 2)
        self._bill_buttons = []
        for index in range(QUICK_CASH_BUTTONS):
            button = touch_button("", name="CashButton")
            button.clicked.connect(lambda _=False, b=button: self.pay_cash(b.property("amount")))
            quick.addWidget(button, 1 + index // 2, index % 2)
            self._bill_buttons.append(button)
        self.quick_buttons: dict[str, QPushButton] = {}  # "130" -> the $130.00 button, smallest first
        cash_box.addLayout(quick)
        other = QHBoxLayout()
        self.cash_field = QLineEdit(placeholderText=self.tr("Other amount"), objectName="AmountField")
        self.cash_field.returnPressed.connect(self._pay_typed_cash)
        add_cash = touch_button(self.tr("Add cash"))
        add_cash.clicked.connect(self._pay_typed_cash)
        other.addWidget(self.cash_field, 1)
        other.addWidget(add_cash)
        cash_box.addLayout(other)

        card_box = QVBoxLayout()
        card_box.addWidget(QLabel(self.tr("Card"), objectName="SectionTitle"))
        self.card_field = QLineEdit(objectName="AmountField")
        self.card_field.setToolTip(self.tr("Lower this amount to split the payment between card and cash."))
        self.card_button = touch_button(self.tr("Pay by card  [F9]"), primary=True)
        self.card_button.clicked.connect(self.pay_card)
        self.card_button.setEnabled(card_enabled)
        if not card_enabled:
            self.card_button.setToolTip(self.tr("No card terminal is set up on this register."))
        card_box.addWidget(QLabel(self.tr("Amount on the card (lower it to split):"), wordWrap=True))
        card_box.addWidget(self.card_field)
        card_box.addWidget(self.card_button)
        card_box.addStretch(1)
        self.numpad = NumPad(self.cash_field, self.card_field, decimal=True)
        cash_box.addWidget(self.numpad)

        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addLayout(figures)
        left.addWidget(QLabel(self.tr("Payments taken")))
        left.addWidget(self.payments)
        columns.addLayout(left, 3)
        columns.addLayout(cash_box, 3)
        columns.addLayout(card_box, 2)
        self.body.addLayout(columns)
        self.remove_button = self.add_button(self.tr("Remove cash payment"), self.remove_last_cash)
        self.add_button(self.tr("Back to sale  [Esc]"), self.reject)
        QShortcut(QKeySequence(Qt.Key.Key_F9), self, activated=self.pay_card)
        self.refresh()

    # --- actions -----------------------------------------------------------------------------------------

    def pay_exact(self) -> None:
        self.pay_cash(self._sales.payment_status().cash_remaining)

    def pay_cash(self, amount: Money) -> None:
        self.clear_error()
        try:
            self._sales.tender_cash(amount)
        except Exception as error:
            self.show_error(message_of(error))
            return
        self.refresh()

    def _pay_typed_cash(self) -> None:
        text = self.cash_field.text().strip()
        if not text:
            return
        try:
            amount = parse_money(text)
        except Exception as error:
            self.show_error(message_of(error))
            return
        self.cash_field.clear()
        self.pay_cash(amount)

    def pay_card(self) -> None:
        if not self.card_button.isEnabled():
            return
        self.clear_error()
        try:
            amount = parse_money(self.card_field.text())
        except Exception as error:
            self.show_error(message_of(error))
            return
        status = self._sales.payment_status()
        if amount <= Money.zero() or amount > status.card_remaining:
            self.show_error(self.tr("The card amount must be more than {zero} and at most {most}.").format(
                zero=money(Money.zero()), most=money(status.card_remaining)))
            return
        self._on_card(amount)

    def remove_last_cash(self) -> None:
        cash = [t for t in self._sales.sale.tenders if not isinstance(t, CardTender)]
        if cash:
            self._sales.remove_tender(cash[-1])
            self.refresh()

    # --- display -----------------------------------------------------------------------------------------

    def refresh(self) -> None:
        status = self._sales.payment_status()
        values = {
            "Total": status.total, "Paid by card": status.card_paid, "Cash given": status.cash_tendered,
            "Left to pay": status.remaining, "Cash due (to 5¢)": status.cash_remaining,
            "Change due": status.change_due,
        }
        for name, amount in values.items():
            self.figure_labels[name].setText(money(amount))
        # Before any cash is handed over, show what paying the rest in cash would round by.
        rounding = status.cash_rounding if status.cash_tendered else status.cash_remaining - status.card_remaining
        self.rounding_note.setText(self.tr("Cash rounding: {amount} (Canada has no pennies)").format(
            amount=signed_money(rounding)) if rounding else "")
        self.exact_button.setText(self.tr("Exact  {amount}").format(amount=money(status.cash_remaining)))
        self._show_bills(next_bills_up(status.cash_remaining, at_most=QUICK_CASH_BUTTONS))
        self.card_field.setText(amount_field_text(status.card_remaining))
        self.payments.clear()
        for tender in self._sales.sale.tenders:
            if isinstance(tender, CardTender):
                a = tender.approval
                self.payments.addItem(self.tr("Card {brand} ****{last4}  {amount}").format(
                    brand=a.brand, last4=a.last4, amount=money(a.amount)))
            else:
                self.payments.addItem(self.tr("Cash  {amount}").format(amount=money(tender.amount)))
        self.remove_button.setEnabled(any(not isinstance(t, CardTender) for t in self._sales.sale.tenders))
        self.status_shown.emit(status)
        if status.is_settled:
            self._on_settled()

    def _show_bills(self, amounts: list[Money]) -> None:
        self.quick_buttons = {}
        for index, button in enumerate(self._bill_buttons):
            amount = amounts[index] if index < len(amounts) else None
            button.setVisible(amount is not None)
            if amount is not None:
                button.setProperty("amount", amount)
                button.setText(money(amount))
                self.quick_buttons[format(amount.amount.normalize(), "f")] = button
