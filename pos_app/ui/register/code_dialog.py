"""Shift+F6: a discount code the customer gives, typed or scanned; taken, or refused with the service's sentence."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from pos_app.ui.register.dialogs import PosDialog


class CodeDialog(PosDialog):
    """`on_apply(code)` returns None when the code applies, else the sentence saying why not (shown here)."""

    def __init__(self, parent: QWidget | None, *, codes_on_sale: Sequence[str],
                 on_apply: Callable[[str], str | None]) -> None:
        super().__init__(parent, self.tr("Discount code"), width=480)
        self._on_apply = on_apply
        already = (self.tr("On this sale: {codes}.").format(codes=", ".join(codes_on_sale)) if codes_on_sale
                   else self.tr("No code on this sale yet."))
        self.body.addWidget(QLabel(self.tr("Type or scan the code the customer gives. {already}").format(
            already=already), wordWrap=True))
        self.code_field = QLineEdit(placeholderText=self.tr("Discount code, e.g. WELCOME10"), objectName="CodeField")
        self.code_field.setMaxLength(32)
        self.body.addWidget(self.code_field)
        self.add_button(self.tr("Cancel"), self.reject)
        self.apply_button = self.add_button(self.tr("Apply code  [Enter]"), self.apply, primary=True)
        self.submit = self.apply
        self.code_field.setFocus()

    def apply(self) -> None:
        self.clear_error()
        refusal = self._on_apply(self.code_field.text())
        if refusal is None:
            self.accept()
            return
        self.show_error(refusal)
        self.code_field.selectAll()
