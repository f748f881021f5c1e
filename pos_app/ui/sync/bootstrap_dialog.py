"""The first sync of a newly paired terminal: the store's snapshot arrives page by page, with a progress bar."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QProgressBar, QVBoxLayout, QWidget

from pos_app.ui.sync.worker import SyncWorker


class BootstrapDialog(QDialog):
    """Ask the worker to bootstrap and show its progress; accepted when the store is here."""

    requested = Signal()

    def __init__(self, worker: SyncWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Getting the store"))
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.message = QLabel(self.tr("Fetching the catalog, staff and stock from the hub…"), wordWrap=True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the first page says how much there is
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject)
        self.buttons.setVisible(False)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.bar, self.buttons):
            layout.addWidget(widget)
        worker.progress.connect(self._on_progress)
        worker.bootstrap_finished.connect(self._on_finished)
        self.requested.connect(worker.bootstrap)  # queued: the worker runs it on its own thread
        self._worker = worker

    def start(self) -> None:
        self.requested.emit()

    def _on_progress(self, phase: str, done: int, total: int) -> None:
        if phase != "pull":
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.message.setText(self.tr("Received {done} of {total} records…").format(
            done=QLocale().toString(done), total=QLocale().toString(total)))

    def _on_finished(self, ok: bool, message: str) -> None:
        self._worker.progress.disconnect(self._on_progress)  # later pulls are the background's business
        if ok:
            self.bar.setValue(self.bar.maximum())
            self.message.setText(message)
            self.accept()
            return
        self.message.setText(self.tr("{why} The terminal keeps what it has; try again when the hub answers.").format(
            why=message))
        self.buttons.setVisible(True)
