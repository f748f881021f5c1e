"""Run `pos-app run --data-dir DIR [--mode kiosk]` as the program runs it, and say when its first screen is shown.

Prints ``SHOWN <epoch seconds>`` at the first show event of the register's main window (or, with ``kiosk``, of
the kiosk's attract screen), then, after IDLE_S of idling, ``RSS <bytes>``, and quits. The program itself has no
"window shown" signal, so the first show event is caught here, from the outside, by wrapping the widget's
showEvent before the entry point runs.
"""

from __future__ import annotations

import sys
import time

IDLE_S = 3.0
KIOSK_IDLE_S = 0.2  # the kiosk's figure is its start alone


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


def _watched(mode: str):
    """The widget class whose first show is the figure's end, and how to close its window afterwards."""
    if mode == "kiosk":
        from pos_app.ui.kiosk.screens import AttractScreen

        return AttractScreen, KIOSK_IDLE_S, lambda widget: widget.window().release()
    from pos_app.ui import main_window

    return main_window.MainWindow, IDLE_S, lambda widget: widget.close()


def main(data_dir: str, mode: str = "register") -> int:
    from pos_app import cli

    watched, idle_s, close = _watched(mode)
    original = watched.showEvent
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
                close(self)
                QApplication.quit()

            QTimer.singleShot(int(idle_s * 1000), idle_report)

    watched.showEvent = show_event
    return cli.main(["run", "--data-dir", data_dir, *(["--mode", mode] if mode != "register" else [])])


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
