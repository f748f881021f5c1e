"""The bar across the top of a staff window: store, mode and terminal, who is signed in, and the store's clock."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from pos_app.services.clock import StoreClock
from pos_app.ui.common.language import Retranslating


class HeaderBar(Retranslating, QWidget):
    def __init__(self, store_name: str, badge: str, clock: StoreClock) -> None:
        super().__init__(objectName="HeaderBar")
        # A QWidget subclass paints its stylesheet background only when asked to.
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._clock = clock
        row = self._row = QHBoxLayout(self)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(QLabel(store_name, objectName="StoreName"))
        self.badge = QLabel(badge, objectName="ModeBadge")
        row.addWidget(self.badge)
        row.addStretch(1)
        self.staff_label = QLabel(objectName="HeaderStaff")
        row.addWidget(self.staff_label)
        row.addSpacing(16)
        self.clock_label = QLabel(objectName="HeaderClock")
        row.addWidget(self.clock_label)
        self.tick()
        # the minute turns with the other clocks
        self._timer = QTimer(self, interval=1_000, timeout=self.tick)
        self._timer.start()

    def tick(self) -> None:
        # The store's time, not the machine's zone; the day's and month's names in the screen's language.
        now = self._clock.now()
        day = QLocale().toString(QDate(now.year, now.month, now.day), "ddd d MMM yyyy")
        self.clock_label.setText(f"{day}  {now:%H:%M}")

    def retranslate(self) -> None:
        self.tick()

    def add_action(self, button: QWidget) -> None:
        """A button at the bar's right end (Sign out)."""
        self._row.addSpacing(16)
        self._row.addWidget(button)

    def show_staff(self, name: str) -> None:
        self.staff_label.setText(name)
