"""The register's dialogs on screen, newest on top, and the moment the sale is in front again.

Dialogs open on top of each other: a manager's approval over the close-shift count, the card wait over the
payment. Keeping them as a stack means that when the top one closes, the one under it is again the dialog on
screen (a scan goes to it, not behind it). Dialogs also often open the next one as they close (the age check
opens the payment, a drawer menu entry its dialog), so "no dialog left" is decided once that has happened.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QDialog


class DialogStack(QObject):
    shown = Signal(object)  # the dialog now on top
    closed = Signal()  # a dialog went away (another may still be up)
    emptied = Signal()  # no dialog is left: the sale is in front again

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._dialogs: list[QDialog] = []
        self._settle = QTimer(self, singleShot=True, interval=0, timeout=self._check_empty)

    @property
    def top(self) -> QDialog | None:
        return self._dialogs[-1] if self._dialogs else None

    def __len__(self) -> int:
        return len(self._dialogs)

    def open(self, dialog: QDialog) -> None:
        """Show ``dialog`` window-modal, without blocking: scans, timers and background work carry on."""
        self._dialogs.append(dialog)
        dialog.finished.connect(lambda _result: self._finished(dialog))
        dialog.open()
        self.shown.emit(dialog)

    def _finished(self, dialog: QDialog) -> None:
        if dialog in self._dialogs:
            self._dialogs.remove(dialog)
        self.closed.emit()
        self._settle.start()  # after the event that closed it, which may open the next dialog

    def _check_empty(self) -> None:
        if not self._dialogs:
            self.emptied.emit()
