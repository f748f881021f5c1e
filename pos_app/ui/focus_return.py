"""The keyboard back to the sale when a dialog closes, under a real window manager too.

Which window gets the keyboard after a dialog closes is the window manager's choice, and Qt's, and they do not
always choose ours: the register could be left with no active window at all, and then F-keys and typed scans
went nowhere until someone tapped the screen. So every dialog of the window that gets the keyboard is watched,
the register's own and the others (the sync panel); when one closes, the dialog still under it (if any) or
else the window asks to be active again, and the window's keyboard target (the scan field, or the sign-in
field) takes the focus.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class FocusReturn(QObject):
    returned = Signal(object)  # the widget that has the keyboard again

    def __init__(self, window: QWidget, target: Callable[[], QWidget | None]) -> None:
        super().__init__(window)
        self._window = window
        self._target = target
        # After the event that closed the dialog, which may open the next one.
        self._later = QTimer(self, singleShot=True, interval=0, timeout=self.give_back)
        QGuiApplication.instance().focusWindowChanged.connect(self._keyboard_moved)

    def _keyboard_moved(self, window: QWindow | None) -> None:
        dialog = _dialog_of(window)
        if dialog is None or not _belongs_to(dialog, self._window):
            return
        if dialog.isVisible():
            dialog.installEventFilter(self)  # to hear it close (once: Qt keeps one of each filter)
        else:  # the keyboard went, late, to a dialog that has already closed again
            self.soon()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Hide and isinstance(watched, QDialog):
            self.soon()
        return False

    def soon(self) -> None:
        self._later.start()

    def give_back(self) -> None:
        if not self._window.isVisible():
            return
        under = QApplication.activeModalWidget()
        if under is not None:  # a dialog is still up (the one under a manager's approval): the keyboard is its
            _activate(under)
            self.returned.emit(under.focusWidget() or under)
            return
        target = self._target()
        _activate(self._window)
        if target is not None:
            target.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        self.returned.emit(target)


def _activate(window: QWidget) -> None:
    if not window.isActiveWindow():
        window.raise_()
        window.activateWindow()


def _dialog_of(window: QWindow | None) -> QDialog | None:
    if window is None:
        return None
    return next((widget for widget in QApplication.topLevelWidgets()
                 if isinstance(widget, QDialog) and widget.windowHandle() is window), None)


def _belongs_to(dialog: QWidget, window: QWidget) -> bool:
    parent = dialog.parentWidget()
    while parent is not None and parent is not window:
        parent = parent.parentWidget()
    return parent is window
