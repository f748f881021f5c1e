"""Idle time at the kiosk: any touch, click or key restarts the count. After the warning time the customer is
asked "Still there?"; after the reset time the cart is cleared for the next customer. And what the kiosk does
while nobody is there (``settle_memory``)."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}


class IdleWatcher(QObject):
    warn = Signal(int)  # seconds left before the reset
    reset = Signal()

    def __init__(self, warning_s: int, reset_s: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.warning_s, self.reset_s = warning_s, reset_s
        self._warning = QTimer(self, singleShot=True, interval=warning_s * 1000, timeout=self._warn)
        self._reset = QTimer(self, singleShot=True, interval=reset_s * 1000, timeout=self._expire)
        self.watching = False

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        app.removeEventFilter(self)

    def start(self) -> None:
        """Count from now (a customer is using the kiosk)."""
        self.watching = True
        self._warning.start()
        self._reset.start()

    def stop(self) -> None:
        """Nobody to time out (the attract screen is up)."""
        self.watching = False
        self._warning.stop()
        self._reset.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self.watching and event.type() in _ACTIVITY:
            self.start()
        return False

    def _warn(self) -> None:
        self.warn.emit(self.reset_s - self.warning_s)

    def _expire(self) -> None:
        self.stop()
        self.reset.emit()


_settled = False


def settle_memory() -> None:
    """Once, the first time the attract screen is up: collect Python's garbage and set aside what the program has
    built by then (libraries, the window, the catalog's services) with ``gc.freeze``.

    A full collection walks every object, and with all that in memory it takes about 100 ms: a stalled scroll if
    it falls while a customer browses. Set aside, those objects are never walked again, and a collection then
    only walks what browsing made. What customers leave behind is collected as usual.
    """
    global _settled
    if _settled:
        return
    _settled = True
    gc.collect()
    gc.freeze()
