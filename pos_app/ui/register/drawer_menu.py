"""F11: everything about the drawer and the shift, one tap away."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QWidget

from pos_app.ui.common.widgets import touch_button
from pos_app.ui.register.dialogs import PosDialog

if TYPE_CHECKING:
    from pos_app.ui.register.shift_flow import ShiftFlow


class DrawerMenu(PosDialog):
    def __init__(self, parent: QWidget, shift: ShiftFlow, *, shift_open: bool) -> None:
        super().__init__(parent, self.tr("Drawer and shift"), width=700)  # room for longer words (French)
        grid = QGridLayout()
        # The entries by their names in code (entry_buttons' keys); each button shows its name translated.
        self.tr("Open shift"), self.tr("X report"), self.tr("Cash drop / paid-out"), self.tr("No sale (open drawer)")
        self.tr("Reprint last receipt"), self.tr("Close shift")
        entries = [
            ("Open shift", shift.open_shift, not shift_open),
            ("X report", shift.x_report, shift_open),
            ("Cash drop / paid-out", shift.cash_movement, shift_open),
            ("No sale (open drawer)", shift.no_sale, shift_open),
            ("Reprint last receipt", shift.reprint, True),
            ("Close shift", shift.close_shift, shift_open),
        ]
        self.entry_buttons = {}
        for index, (label, action, enabled) in enumerate(entries):
            button = touch_button(QCoreApplication.translate("DrawerMenu", label), name="MenuButton")
            button.setEnabled(enabled)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
            grid.addWidget(button, index // 2, index % 2)
            self.entry_buttons[label] = button
        self.body.addLayout(grid)
        self.add_button(self.tr("Close"), self.reject)

    def _choose(self, action) -> None:
        self.accept()
        action()
