"""A discount on the selected line or on the whole cart, as a percent or an amount."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget

from pos_app.domain.money import Money
from pos_app.ui.register.dialogs import PosDialog
from pos_app.ui.tasks import message_of


class DiscountDialog(PosDialog):
    def __init__(self, parent: QWidget | None, *, target: str,
                 on_apply: Callable[[Decimal | None, Money | None], None]) -> None:
        super().__init__(parent, f"Discount: {target}")
        self._on_apply = on_apply
        self.percent_choice = QRadioButton("Percent off")
        self.amount_choice = QRadioButton("Amount off ($)")
        self.percent_choice.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.percent_choice)
        group.addButton(self.amount_choice)
        kinds = QHBoxLayout()
        kinds.addWidget(self.percent_choice)
        kinds.addWidget(self.amount_choice)
        self.value_field = QLineEdit(placeholderText="e.g. 10", objectName="AmountField")
        self.value_field.returnPressed.connect(self.apply)
        self.body.addLayout(kinds)
        self.body.addWidget(self.value_field)
        self.body.addWidget(QLabel("0 removes the discount. Over your limit, a manager approves with their PIN.",
                                   wordWrap=True))
        self.add_button("Cancel", self.reject)
        self.add_button("Apply", self.apply, primary=True)
        self.value_field.setFocus()

    def set_value(self, text: str, *, percent: bool = True) -> None:
        (self.percent_choice if percent else self.amount_choice).setChecked(True)
        self.value_field.setText(text)

    def apply(self) -> None:
        self.clear_error()
        text = self.value_field.text().strip()
        try:
            if self.percent_choice.isChecked():
                self._on_apply(Decimal(text.rstrip("%").strip()), None)
            else:
                self._on_apply(None, Money.parse(text))
        except InvalidOperation:
            self.show_error(f"{text!r} is not a number. Type it like 10 or 2.50.")
        except Exception as error:
            self.show_error(message_of(error))
