"""The status-bar label and the sync panel: online or not, what waits, the last good sync, and for
managers the mutations the hub rejected, with its reasons."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:  # the sync client (httpx) loads when sync starts, after the window is up
    from pos_app.services.clock import StoreClock
    from pos_app.services.sync_service import SyncOverview, SyncService


def _when(moment: datetime | None, clock: StoreClock) -> str:
    return QCoreApplication.translate("SyncStatus", "never") if moment is None else clock.time(moment, seconds=True)


def connection_text(overview: SyncOverview) -> str:
    if not overview.paired:
        return QCoreApplication.translate("SyncStatus", "not paired")
    if overview.needs_pairing:
        return QCoreApplication.translate("SyncStatus", "needs pairing again")
    if overview.online is None:
        return QCoreApplication.translate("SyncStatus", "connecting…")
    return (QCoreApplication.translate("SyncStatus", "online") if overview.online
            else QCoreApplication.translate("SyncStatus", "offline"))


def label_text(overview: SyncOverview, clock: StoreClock) -> str:
    waiting = QCoreApplication.translate("SyncStatus", "{count} waiting").format(count=overview.pending)
    if not overview.paired:
        return QCoreApplication.translate("SyncStatus", "Sync: not paired") + (
            f" · {waiting}" if overview.pending else "")
    parts = [QCoreApplication.translate("SyncStatus", "Sync: {state}").format(state=connection_text(overview))]
    parts.append(waiting if overview.pending else QCoreApplication.translate("SyncStatus", "up to date"))
    parts.append(QCoreApplication.translate("SyncStatus", "last {time}").format(
        time=_when(overview.last_good_sync, clock)))
    if overview.rejected:
        parts.append(QCoreApplication.translate("SyncStatus", "{count} rejected").format(count=overview.rejected))
    return " · ".join(parts)


def summary_text(summary) -> str:
    """The status bar's words before the sync worker runs (a StatusService.SyncSummary), in the screen's language."""
    waiting = QCoreApplication.translate("SyncStatus", "{count} waiting").format(count=summary.pending_mutations)
    if not summary.paired:
        return QCoreApplication.translate("SyncStatus", "Sync: not paired") + (
            f" · {waiting}" if summary.pending_mutations else "")
    return QCoreApplication.translate("SyncStatus", "Sync: {state}").format(
        state=waiting if summary.pending_mutations else QCoreApplication.translate("SyncStatus", "up to date"))


class SyncStatusLabel(QLabel):
    """For the status bar; connect a worker's ``status_changed`` to ``show_overview``. Times are the store's."""

    def __init__(self, clock: StoreClock) -> None:
        super().__init__()
        self._clock = clock

    def show_overview(self, overview: SyncOverview) -> None:
        self.setText(label_text(overview, self._clock))
        self.setToolTip(overview.alert or overview.last_error or "")
        # QSS matches strings, so the flag is one
        self.setProperty("alert", "true" if overview.alert or overview.needs_pairing else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class SyncPanel(QDialog):
    """What a person needs about sync; ``sync_requested`` asks the worker for a sync now."""

    sync_requested = Signal()

    def __init__(self, service: SyncService, *, clock: StoreClock, show_rejected: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sync"))
        self._service = service
        self._clock = clock
        self._show_rejected = show_rejected
        form = QFormLayout()
        self.connection = QLabel()
        self.pending = QLabel()
        self.last_sync = QLabel()
        self.hub = QLabel()
        self.message = QLabel(wordWrap=True)
        for title, widget in ((self.tr("Hub"), self.hub), (self.tr("Connection"), self.connection),
                              (self.tr("Waiting to send"), self.pending), (self.tr("Last good sync"), self.last_sync)):
            form.addRow(title, widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.alert = QLabel(wordWrap=True, objectName="SyncAlert")
        self.dismiss = QPushButton(self.tr("Dismiss alert"), clicked=self._dismiss_alert)
        layout.addWidget(self.alert)
        layout.addWidget(self.dismiss)
        self.rejected = QTableWidget(0, 3)
        self.rejected.setHorizontalHeaderLabels(["#", self.tr("What"), self.tr("Why the hub refused it")])
        self.rejected.setVisible(show_rejected)
        layout.addWidget(self.rejected)
        self.sync_now = QPushButton(self.tr("Sync now"), clicked=self._ask_for_sync)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=self.reject)
        buttons.addButton(self.sync_now, QDialogButtonBox.ButtonRole.ActionRole)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.show_overview(service.overview())

    def show_overview(self, overview: SyncOverview) -> None:
        self.hub.setText(overview.hub_url or QCoreApplication.translate("SyncStatus", "not paired"))
        self.connection.setText(connection_text(overview))
        self.pending.setText(str(overview.pending))
        self.last_sync.setText(_when(overview.last_good_sync, self._clock))
        self.alert.setText(overview.alert or "")
        self.alert.setVisible(bool(overview.alert))
        self.dismiss.setVisible(bool(overview.alert))
        self.sync_now.setEnabled(overview.paired)
        if self._show_rejected:
            self._fill_rejected()

    def show_result(self, ok: bool, message: str) -> None:
        self.sync_now.setEnabled(True)
        self.message.setText(message if ok else self.tr("Sync did not finish: {why}").format(why=message))

    def _fill_rejected(self) -> None:
        rows = self._service.rejected()
        self.rejected.setRowCount(len(rows))
        for index, row in enumerate(rows):
            for column, text in enumerate((str(row.mutation_id), row.name, f"{row.code}: {row.message}")):
                self.rejected.setItem(index, column, QTableWidgetItem(text))
        self.rejected.resizeColumnsToContents()

    def _ask_for_sync(self) -> None:
        self.sync_now.setEnabled(False)
        self.message.setText(self.tr("Syncing…"))
        self.sync_requested.emit()

    def _dismiss_alert(self) -> None:
        self._service.acknowledge_alert()
        self.show_overview(self._service.overview())
