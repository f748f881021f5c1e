"""``SyncWorker``: a QObject that lives in a QThread and runs the terminal's sync, reporting through signals.

Background pushing and long-polling run on the sync runner's own threads; ``sync_now`` and ``bootstrap``
run on the worker's thread. Whatever the thread, news reaches the GUI only as queued signals.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, QThread, Signal, Slot

from pos_app.services.errors import ServiceError
from pos_app.services.sync_service import SyncService


class _Relay:
    """The engine's listener: turns its calls (from any thread) into the worker's signals."""

    def __init__(self, worker: SyncWorker) -> None:
        self._worker = worker

    def status_changed(self, _status) -> None:
        self._worker.publish_status()

    def progress(self, phase: str, done: int, total: int) -> None:
        self._worker.progress.emit(phase, done, total)

    def alert(self, message: str) -> None:
        self._worker.alert.emit(message)


class SyncWorker(QObject):
    status_changed = Signal(object)  # a SyncOverview
    progress = Signal(str, int, int)  # phase ("push" or "pull"), done, total
    alert = Signal(str)
    sync_finished = Signal(bool, str)  # ok, a sentence for the person
    bootstrap_finished = Signal(bool, str)

    def __init__(self, service: SyncService, **runner_options) -> None:
        super().__init__()
        self._service = service
        self._runner_options = runner_options
        self._runner = None
        self._relay = _Relay(self)
        service.listeners.add(self._relay)

    def publish_status(self) -> None:
        self.status_changed.emit(self._service.overview())

    @Slot()
    def start(self) -> None:
        """Begin background sync (once paired and bootstrapped) and say where things stand."""
        overview = self._service.overview()
        # Before its first snapshot a terminal waits for `bootstrap`, so one puller shows one progress bar.
        if self._runner is None and overview.paired and overview.last_good_sync is not None:
            self._runner = self._service.runner(**self._runner_options)
            self._runner.start()
        self.publish_status()

    @Slot()
    def sync_now(self) -> None:
        try:
            report = self._service.sync_once()
        except ServiceError as error:
            self.sync_finished.emit(False, error.message)
        else:
            self.sync_finished.emit(True, self.tr("Sent {sent}, received {received} changes.").format(
                sent=report.pushed.acknowledged, received=report.pulled.changes))
        self.publish_status()

    @Slot()
    def bootstrap(self) -> None:
        try:
            report = self._service.bootstrap()
        except ServiceError as error:
            self.bootstrap_finished.emit(False, error.message)
        else:
            self.bootstrap_finished.emit(True, self.tr("The store is here: {count} records.").format(
                count=QLocale().toString(report.changes)))
            self.start()
        self.publish_status()

    @Slot()
    def stop(self) -> None:
        if self._runner is not None:
            self._runner.stop()
            self._runner = None
        self._service.listeners.remove(self._relay)


def start_sync_thread(service: SyncService, **runner_options) -> tuple[QThread, SyncWorker]:
    """A worker moved to its own thread, started with the thread. Stop both with `stop_sync_thread`."""
    thread = QThread()
    thread.setObjectName("sync")
    worker = SyncWorker(service, **runner_options)
    worker.moveToThread(thread)
    thread.started.connect(worker.start)
    thread.start()
    return thread, worker


def stop_sync_thread(thread: QThread, worker: SyncWorker, timeout_ms: int = 5000) -> None:
    worker.stop()  # thread-safe: it only sets events and joins the runner's threads
    thread.quit()
    thread.wait(timeout_ms)
