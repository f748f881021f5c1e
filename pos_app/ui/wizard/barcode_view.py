"""A Code 128 barcode drawn on screen, for the scanner test: python-barcode encodes, Qt paints the bars."""

from __future__ import annotations

import barcode
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

QUIET_MODULES = 10  # white space either side, which scanners need to find the code
MODULE_PX = 3


class BarcodeView(QWidget):
    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = ""
        self._modules = ""
        self.set_text(text)

    def set_text(self, text: str) -> None:
        self.text = text
        self._modules = barcode.get("code128", text).build()[0] if text else ""
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize((len(self._modules) + 2 * QUIET_MODULES) * MODULE_PX, 150)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.sizeHint()

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        if not self._modules:
            return
        width = (len(self._modules) + 2 * QUIET_MODULES) * MODULE_PX
        left = (self.width() - width) // 2 + QUIET_MODULES * MODULE_PX
        text_height = 28
        bar_height = self.height() - text_height - 8
        for index, module in enumerate(self._modules):
            if module == "1":
                painter.fillRect(left + index * MODULE_PX, 4, MODULE_PX, bar_height, QColor("black"))
        font = QFont(painter.font())
        font.setPointSize(14)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        painter.drawText(QRectF(0, self.height() - text_height, self.width(), text_height),
                         Qt.AlignmentFlag.AlignCenter, self.text)
        painter.end()
