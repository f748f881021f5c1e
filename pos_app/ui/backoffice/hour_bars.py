"""Net sales by hour of the store's day, as bars: drawn here, no chart library, so it works offline on any terminal."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from pos_app.ui.backoffice.words import cents as money_of


class HourBars(QWidget):
    def __init__(self) -> None:
        super().__init__(objectName="SalesByHour")
        self.by_hour: dict[int, int] = {}
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def show_hours(self, by_hour: dict[int, int]) -> None:
        self.by_hour = dict(by_hour)
        self.setToolTip("\n".join(f"{hour:02d}:00  {money_of(cents)}"
                                  for hour, cents in sorted(by_hour.items())))
        self.update()

    def hours(self) -> range:
        """From the first hour with sales (at the latest 9:00) to the last (at the earliest 21:00)."""
        first = min([9, *self.by_hour])
        last = max([21, *self.by_hour])
        return range(first, last + 1)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        hours = self.hours()
        label_height = 22
        width = self.width() / len(hours)
        top = max(self.by_hour.values(), default=0) or 1
        for index, hour in enumerate(hours):
            cents = self.by_hour.get(hour, 0)
            height = (self.height() - label_height - 6) * max(cents, 0) / top
            bar = QRectF(index * width + width * 0.15, self.height() - label_height - height, width * 0.7, height)
            painter.fillRect(bar, QColor("#2e7d5b"))
            painter.setPen(text)
            painter.drawText(QRectF(index * width, self.height() - label_height, width, label_height),
                             Qt.AlignmentFlag.AlignCenter, f"{hour}")
        painter.end()
