"""A discount on the selected line or on the whole cart, as a percent or an amount, with its reason."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget

from pos_app.domain.money import Money
from pos_app.domain.reason_codes import DISCOUNT_REASON_LABELS
from pos_app.ui.common.language import parse_money
from pos_app.ui.common.widgets import NumPad, ReasonChoice
from pos_app.ui.register.dialogs import PosDialog
from pos_app.ui.tasks import message_of


class DiscountDialog(PosDialog):
    """``on_apply(percent, amount, reason)``: exactly one of percent and amount; reason is a DiscountReason code
    (None only when the discount is being removed)."""

    def __init__(self, parent: QWidget | None, *, target: str,
                 on_apply: Callable[[Decimal | None, Money | None, str | None], None]) -> None:
        super().__init__(parent, self.tr("Discount: {target}").format(target=target))
        self._on_apply = on_apply
        self.percent_choice = QRadioButton(self.tr("Percent off"))
        self.amount_choice = QRadioButton(self.tr("Amount off ($)"))
        self.percent_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.percent_choice)
        group.addButton(self.amount_choice)
        kinds = QHBoxLayout()
        kinds.addWidget(self.percent_choice)
        kinds.addWidget(self.amount_choice)
        self.value_field = QLineEdit(placeholderText=self.tr("e.g. 10"), objectName="AmountField")
        self.value_field.returnPressed.connect(self.apply)
        self.reason = ReasonChoice(DISCOUNT_REASON_LABELS)
        self.numpad = NumPad(self.value_field, decimal=True)
        self.body.addLayout(kinds)
        self.body.addWidget(self.value_field)
        self.body.addWidget(self.reason)
        self.body.addWidget(self.numpad, 0, Qt.AlignmentFlag.AlignHCenter)
        self.body.addWidget(QLabel(self.tr("0 removes the discount. Over your limit, a manager approves with "
                                           "their PIN."),
                                   wordWrap=True))
        self.add_button(self.tr("Cancel"), self.reject)
        self.add_button(self.tr("Apply"), self.apply, primary=True)
        self.value_field.setFocus()

    def set_value(self, text: str, *, percent: bool = True) -> None:
        (self.percent_choice if percent else self.amount_choice).setChecked(True)
        self.value_field.setText(text)

    def apply(self) -> None:
        self.clear_error()
        text = self.value_field.text().strip()
        try:
            if self.percent_choice.isChecked():
                percent, amount = Decimal(text.rstrip("%").strip().replace(",", ".")), None
                removing = not percent
            else:
                percent, amount = None, parse_money(text)
                removing = not amount
        except InvalidOperation:
            self.show_error(self.tr("{text} is not a number. Type it like 10 or 2.50.").format(text=repr(text)))
            return
        except Exception as error:
            self.show_error(message_of(error))
            return
        if not removing and self.reason.code is None:
            self.show_error(self.tr("Choose a reason for the discount, then tap Apply."))
            return
        try:
            self._on_apply(percent, amount, None if removing else self.reason.code)
        except Exception as error:
            self.show_error(message_of(error))
