"""A picture of a window as a person sees it: the window, with the dialogs open over it drawn on top."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from pos_app.ui.tasks import wait_for_background_work


def settle() -> None:
    """Let background work finish and the event loop draw what it brought."""
    wait_for_background_work()
    for _ in range(3):
        QApplication.processEvents()


def grab_with_dialogs(window: QWidget, dialogs: Sequence[QWidget]) -> QPixmap:
    """The window, then each dialog (bottom first) centred over it, as a window manager would place them."""
    image = window.grab()
    painter = QPainter(image)
    for dialog in dialogs:
        dialog.adjustSize()
        picture = dialog.grab()
        painter.drawPixmap(QPoint((image.width() - picture.width()) // 2,
                                  max((image.height() - picture.height()) // 2, 0)), picture)
    painter.end()
    return image
