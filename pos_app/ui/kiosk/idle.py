"""Idle time at the kiosk: any touch, click or key restarts the count. After the warning time the customer is
asked "Still there?"; after the reset time the cart is cleared for the next customer. And keeping Python's
garbage collector off the frames a customer waits for (``set_startup_heap_aside``)."""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

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


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._work = work
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._work)  # once the paint is done
            self.deleteLater()
        return False


def after_next_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Run ``work`` once ``widget`` has next been painted: idle work that must not hold up what is shown."""
    _AfterPaint(widget, work)


_set_aside = False


def set_startup_heap_aside() -> None:
    """Once, when the kiosk window has been built: set aside from Python's garbage collector what the program holds
    by then (libraries, Qt's wrappers, the catalog's services and the window) with ``gc.freeze``.

    A full collection walks every object, and with all that in memory it takes about 120 ms: a stalled frame if it
    falls while a customer filters or scrolls. Set aside, those objects are never walked again, so a collection
    only walks what browsing made; what customers leave behind is collected as usual. Freezing costs nothing (no
    collection first): the little garbage there is at that moment is kept for good.
    """
    global _set_aside
    if not _set_aside:
        _set_aside = True
        gc.freeze()
