"""A staff window's background sync: started after its first paint, the first snapshot fetched with progress, and
stopped when the window closes. The register and the back office both run one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from pos_app.services.sync_service import SyncService
from pos_app.ui.sync.widgets import SyncStatusLabel


class WindowSync:
    def __init__(self, window: QWidget, service: SyncService, label: SyncStatusLabel,
                 alert: Callable[[str], None]) -> None:
        self._window = window
        self._service = service
        self._label = label
        self._alert = alert
        self.thread = self.worker = self.bootstrap = None

    def start(self):
        """The worker, once started; None when this terminal is not paired."""
        from pos_app.ui.sync.bootstrap_dialog import BootstrapDialog
        from pos_app.ui.sync.worker import start_sync_thread

        if not self._service.overview().paired:
            return None
        self.thread, self.worker = start_sync_thread(self._service)
        self.worker.status_changed.connect(self._label.show_overview)
        self.worker.alert.connect(self._alert)
        if self._service.overview().last_good_sync is None:
            self.bootstrap = BootstrapDialog(self.worker, self._window)
            self.bootstrap.open()
            self.bootstrap.start()
        return self.worker

    def stop(self) -> None:
        if self.worker is not None:
            from pos_app.ui.sync.worker import stop_sync_thread

            stop_sync_thread(self.thread, self.worker)
            self.worker = None
