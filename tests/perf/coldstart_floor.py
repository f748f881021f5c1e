"""The cold-start floor: Python starting a bare QApplication and showing one QWidget, timed the same way."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget


class Shown(QWidget):
    def showEvent(self, event):  # noqa: N802 - Qt's name
        super().showEvent(event)
        print(f"SHOWN {time.time():.6f}", flush=True)
        QTimer.singleShot(0, QApplication.quit)


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = Shown()
    window.resize(1280, 800)
    window.show()
    sys.exit(app.exec())
