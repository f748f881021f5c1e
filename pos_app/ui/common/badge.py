"""A count in a small round label at the top-right corner of a button, hidden at zero (e.g. tickets waiting)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QPushButton

BADGE_MARGIN = 6


class CountBadge(QLabel):
    def __init__(self, button: QPushButton) -> None:
        super().__init__(button, objectName="CountBadge", alignment=Qt.AlignmentFlag.AlignCenter)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a tap on it is a tap on the button
        self._button = button
        self.count = 0
        button.installEventFilter(self)
        self.hide()

    def set_count(self, count: int) -> None:
        self.count = count
        self.setText(str(count))
        self.setVisible(count > 0)
        self._place()

    def _place(self) -> None:
        self.adjustSize()
        side = max(self.sizeHint().height(), 26)
        self.resize(max(self.sizeHint().width(), side), side)
        self.move(self._button.width() - self.width() - BADGE_MARGIN, BADGE_MARGIN)
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._button and event.type() == QEvent.Type.Resize:
            self._place()
        return False
