"""Run `pos-app run --data-dir DIR` as the program runs it, and say when its main window is first shown.

Prints ``SHOWN <epoch seconds>`` at the main window's first show event, then, after IDLE_S of idling, ``RSS <bytes>``,
and quits. The program itself has no "window shown" signal, so the first show event is caught here, from the
outside, by wrapping MainWindow.showEvent before the entry point runs.
"""

from __future__ import annotations

import sys
import time

IDLE_S = 3.0


def rss_bytes() -> int:
    try:
        import psutil

        return psutil.Process().memory_info().rss
    except ImportError:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    return 0


def main(data_dir: str) -> int:
    from pos_app import cli
    from pos_app.ui import main_window

    original = main_window.MainWindow.showEvent
    seen = []

    def show_event(self, event):
        original(self, event)
        if not seen:
            seen.append(time.time())
            print(f"SHOWN {seen[0]:.6f}", flush=True)
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            def idle_report():
                print(f"RSS {rss_bytes()}", flush=True)
                self.close()
                QApplication.quit()

            QTimer.singleShot(int(IDLE_S * 1000), idle_report)

    main_window.MainWindow.showEvent = show_event
    return cli.main(["run", "--data-dir", data_dir])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
