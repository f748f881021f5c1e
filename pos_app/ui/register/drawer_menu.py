"""F11: everything about the drawer and the shift, one tap away."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout

from pos_app.ui.register.dialogs import PosDialog
from pos_app.ui.widgets import touch_button


class DrawerMenu(PosDialog):
    def __init__(self, register, *, shift_open: bool) -> None:
        super().__init__(register, "Drawer and shift")
        grid = QGridLayout()
        entries = [
            ("Open shift", register.open_shift, not shift_open),
            ("X report", register.x_report, shift_open),
            ("Cash drop / paid-out", register.cash_movement, shift_open),
            ("No sale (open drawer)", register.no_sale, shift_open),
            ("Reprint last receipt", register.reprint, True),
            ("Close shift", register.close_shift, shift_open),
        ]
        self.entry_buttons = {}
        for index, (label, action, enabled) in enumerate(entries):
            button = touch_button(label, name="MenuButton")
            button.setEnabled(enabled)
            button.clicked.connect(lambda _=False, a=action: self._choose(a))
            grid.addWidget(button, index // 2, index % 2)
            self.entry_buttons[label] = button
        self.body.addLayout(grid)
        self.add_button("Close", self.reject)

    def _choose(self, action) -> None:
        self.accept()
        action()
