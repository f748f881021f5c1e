"""Card money is on a sale that is not finished: when the window is closing, or when the register opened again
after a crash. The cashier finishes the sale, or voids the card payments at the terminal."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QLabel, QWidget

from pos_app.domain.money import sum_money
from pos_app.domain.tenders import CardApproval
from pos_app.ui.common.language import money
from pos_app.ui.register.dialogs import PosDialog

LEADS = {
    "closing": QT_TRANSLATE_NOOP("CardMoneyDialog",
                                 "{amount} has been taken by card on this sale. Before the register closes, finish "
                                 "the sale, or void the card payments so the money goes back to the customer's card."),
    "recovered": QT_TRANSLATE_NOOP("CardMoneyDialog",
                                   "The register stopped before this sale was finished, after {amount} had been "
                                   "taken by card. Finish the sale, or void the card payments so the money goes back "
                                   "to the customer's card."),
}


class CardMoneyDialog(PosDialog):
    def __init__(self, parent: QWidget | None, cards: Sequence[CardApproval], *, reason: str,
                 on_finish: Callable[[], None], on_void: Callable[[], None], can_void: bool = True) -> None:
        super().__init__(parent, self.tr("Card payment on this sale"), width=640)
        self.cards = list(cards)
        amount = sum_money(card.amount for card in self.cards)
        self.lead = QLabel(self.tr(LEADS[reason]).format(amount=money(amount)), objectName="DialogLead",
                           wordWrap=True)
        self.body.addWidget(self.lead)
        self.card_lines = [QLabel(f"{card.brand} ****{card.last4}    {money(card.amount)}", objectName="FigureValue")
                           for card in self.cards]
        for line in self.card_lines:
            self.body.addWidget(line)
        self.body.addWidget(QLabel(self.tr("The items stay in the cart either way."), wordWrap=True))
        self.progress = QLabel(objectName="DialogLead", wordWrap=True)
        self.progress.hide()
        self.body.addWidget(self.progress)
        self.void_button = self.add_button(self.tr("Void card payments"), on_void)
        self.finish_button = self.add_button(self.tr("Finish the sale"), on_finish, primary=True)
        if not can_void:
            self.void_button.setEnabled(False)
            self.void_button.setToolTip(self.tr("No card terminal is set up on this register."))

    def reject(self) -> None:
        # Esc must not walk away from money taken: the cashier picks one of the two.
        pass

    def show_busy(self, text: str) -> None:
        self.clear_error()
        self.progress.setText(text)
        self.progress.show()
        self.void_button.setEnabled(False)
        self.finish_button.setEnabled(False)

    def show_error(self, message: str) -> None:
        self.progress.hide()
        self.void_button.setEnabled(True)
        self.finish_button.setEnabled(True)
        super().show_error(message)
