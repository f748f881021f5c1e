"""Scanner and ID reader callbacks arrive on their own threads; this turns them into Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DeviceEvents(QObject):
    scanned = Signal(str)
    id_read = Signal(object)  # hardware.codes.id_card.IdCard
    id_unreadable = Signal(str)
    device_problem = Signal(str)

    def __init__(self, scanner=None, id_reader=None) -> None:
        super().__init__()
        self._scanner = scanner
        self._id_reader = id_reader

    def start(self) -> None:
        if self._scanner is not None:
            self._scanner.start(lambda event: self.scanned.emit(event.text), self.device_problem.emit)
        if self._id_reader is not None:
            self._id_reader.start(self.id_read.emit, self.id_unreadable.emit)

    def stop(self) -> None:
        for device in (self._scanner, self._id_reader):
            if device is not None:
                device.stop()
