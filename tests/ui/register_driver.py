"""Driving the register as a cashier would, for the UI tests: taps, keys and scans through qtbot."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt

from pos_app.bootstrap import Terminal
from pos_app.ui.device_events import DeviceEvents
from pos_app.ui.main_window import MainWindow
from pos_app.ui.register.age_dialog import AgeCheckDialog
from pos_app.ui.register.override import OverrideDialog
from pos_app.ui.tasks import wait_for_background_work
from tests.integration.helpers import terminal_with

HUMAN_KEY_MS = 70  # slower than the wedge detector's scan gap
DAY_FLOAT = {"20": 5, "10": 5, "5": 4, "2": 10, "1": 10, "0.25": 20}  # $205.00


@contextmanager
def wired(terminal: Terminal, **hardware):
    """``terminal_with``, letting the screens' background work finish before the devices close."""
    with terminal_with(terminal, **hardware) as till:
        try:
            yield till
        finally:
            wait_for_background_work()


class Cashier:
    def __init__(self, qtbot, till, *, size=(1024, 768), own_devices: bool = False) -> None:
        """``own_devices``: start the terminal's configured scanner and ID reader; otherwise none."""
        self.qtbot = qtbot
        self.till = till
        self.window = MainWindow(till, devices=None if own_devices else DeviceEvents())
        qtbot.addWidget(self.window)
        self.window.resize(*size)
        self.window.show()
        self.register = self.window.register
        # The demo store's PINs, written beside it when it was made (tests/conftest.py).
        pins = (till.settings.data_dir / "pins.txt").read_text().split()
        self.pins = dict(line.split(":") for line in pins)

    @property
    def dialog(self):
        return self.register.dialog

    def start_the_day(self, pin: str = "1001") -> None:
        """Sign in and open the shift on the usual float, as the first cashier of the day does."""
        from pos_app.ui.register.shift_dialogs import OpenShiftDialog

        self.sign_in(pin)
        opening = self.wait_for_dialog(OpenShiftDialog)
        opening.counter.set_counts(DAY_FLOAT)
        with self.qtbot.waitSignal(self.register.shifts.shift_opened):
            opening.confirm()
        assert self.register.shift is not None

    def wait_for_dialog(self, kind, timeout: int = 5000):
        if not isinstance(self.register.dialog, kind):
            with self.qtbot.waitSignal(self.register.dialog_shown, timeout=timeout,
                                       check_params_cb=lambda dialog: isinstance(dialog, kind)):
                pass
        assert isinstance(self.register.dialog, kind)
        return self.register.dialog

    def click(self, button) -> None:
        assert button.isEnabled(), f"{button.text()!r} is disabled"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def key(self, key, widget=None) -> None:
        # F-key shortcuts belong to the active window, as on a till with one window on screen.
        self.window.activateWindow()
        self.qtbot.waitUntil(self.window.isActiveWindow, timeout=2000)
        self.qtbot.keyClick(widget or self.window.focusWidget() or self.window, key)

    def type(self, widget, text: str) -> None:
        """Typing at a person's pace; faster bursts are what a wedge scanner does (see ``scan``)."""
        self.qtbot.keyClicks(widget, text, delay=HUMAN_KEY_MS)

    def sign_in(self, code: str) -> None:
        login = self.window.login
        self.click(login.name_buttons[code])
        self.type(login.pad.field, self.pins[code])
        self.qtbot.keyClick(login.pad.field, Qt.Key.Key_Return)

    def scan(self, code: str) -> None:
        field = self.register.panel.scan_field
        self.qtbot.keyClicks(field, code)
        self.qtbot.keyClick(field, Qt.Key.Key_Return)

    def approve(self, code: str = "2001") -> None:
        override = self.wait_for_dialog(OverrideDialog)
        self.type(override.code_field, code)
        self.type(override.pad.field, self.pins[code])
        self.qtbot.keyClick(override.pad.field, Qt.Key.Key_Return)
        assert not override.error_text, override.error_text
        assert not override.isVisible(), "the approval did not close the dialog"

    def attest_age(self) -> None:
        dialog = self.wait_for_dialog(AgeCheckDialog)
        self.click(dialog.attest_button)

    def button(self, key: str):
        return self.register.action_buttons[key]

    @property
    def notice(self) -> str:
        return self.register.panel.notice.text
