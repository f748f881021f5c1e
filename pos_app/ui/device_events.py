"""Scanner and ID reader callbacks arrive on their own threads; this turns them into Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from hardware.ports import IdReader, Scanner


class DeviceEvents(QObject):
    scanned = Signal(object)  # hardware.ports.ScanEvent: raw bytes, AIM symbology and text
    id_read = Signal(object)  # hardware.codes.id_card.IdCard
    id_unreadable = Signal(str)
    device_problem = Signal(str)

    def __init__(self, scanner: Scanner | None = None, id_reader: IdReader | None = None) -> None:
        super().__init__()
        self._scanner = scanner
        self._id_reader = id_reader

    @property
    def scanner(self) -> Scanner | None:
        return self._scanner

    def start(self) -> None:
        if self._scanner is not None:
            self._scanner.start(self.scanned.emit, self.device_problem.emit)
        if self._id_reader is not None:
            self._id_reader.start(self.id_read.emit, self.id_unreadable.emit)

    def stop(self) -> None:
        for device in (self._scanner, self._id_reader):
            if device is not None:
                device.stop()
