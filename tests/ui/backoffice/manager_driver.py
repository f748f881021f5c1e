"""Driving the back office as a manager would, for the UI tests: taps, keys and scans through qtbot."""

from __future__ import annotations

from PySide6.QtCore import Qt

from pos_app.ui.backoffice.window import BackOfficeWindow
from pos_app.ui.device_events import DeviceEvents

HUMAN_KEY_MS = 70  # slower than the wedge detector's scan gap


class Manager:
    def __init__(self, qtbot, till, *, size=(1280, 800), start_tab: str | None = None,
                 devices: DeviceEvents | None = None) -> None:
        self.qtbot = qtbot
        self.till = till
        self.window = BackOfficeWindow(till, start_tab=start_tab, devices=devices or DeviceEvents())
        qtbot.addWidget(self.window)
        self.window.resize(*size)
        self.window.show()
        # The demo store's PINs, written beside it when it was made (tests/conftest.py).
        pins = (till.settings.data_dir / "pins.txt").read_text().split()
        self.pins = dict(line.split(":") for line in pins)

    def sign_in(self, code: str = "2001") -> None:
        login = self.window.login
        self.click(login.name_buttons[code])
        self.qtbot.keyClicks(login.pad.field, self.pins[code], delay=HUMAN_KEY_MS)
        self.qtbot.keyClick(login.pad.field, Qt.Key.Key_Return)

    def click(self, button) -> None:
        assert button.isEnabled(), f"{button.text()!r} is disabled"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def type(self, widget, text: str) -> None:
        """Typing at a person's pace; faster bursts are what a wedge scanner does (see ``scan``)."""
        self.qtbot.keyClicks(widget, text, delay=HUMAN_KEY_MS)

    def scan(self, code: str) -> None:
        """A keyboard-wedge scanner: a burst of keys and Enter into whatever has focus."""
        target = self.window.focusWidget() or self.window
        with self.qtbot.waitSignal(self.window.wedge.scanned, timeout=3000):
            self.qtbot.keyClicks(target, code)
            self.qtbot.keyClick(target, Qt.Key.Key_Return)

    def open_tab(self, key: str):
        tab = self.window.tab(key)
        bar = self.window.tabs.tabBar()
        self.qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(self.window.tabs.indexOf(tab)).center())
        assert self.window.current_tab is tab
        return tab

    @property
    def notice(self) -> str:
        return self.window.notice.text
