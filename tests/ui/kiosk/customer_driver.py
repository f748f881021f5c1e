"""Driving the kiosk as a customer would (and staff, for the exit): taps through qtbot, on a real terminal."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from hardware.scanners.framing import typed_scan_event
from pos_app.ui.device_events import DeviceEvents
from pos_app.ui.kiosk.window import KioskWindow
from tests.ui.register_driver import HUMAN_KEY_MS


class Customer:
    def __init__(self, qtbot, terminal, *, size=(1080, 1920), idle=(60, 90)) -> None:
        self.qtbot = qtbot
        self.terminal = terminal
        self.devices = DeviceEvents()
        self.window = KioskWindow(terminal, idle_warning_s=idle[0], idle_reset_s=idle[1], devices=self.devices)
        qtbot.addWidget(self.window)
        self.window.resize(*size)
        self.window.show()
        qtbot.waitExposed(self.window)
        pins = (terminal.settings.data_dir / "pins.txt")
        self.pins = dict(line.split(":") for line in pins.read_text().split()) if pins.exists() else {}

    def leave(self) -> None:
        if self.window.isVisible():
            self.window.release()

    # --- taps ------------------------------------------------------------------------------------------

    def tap(self, button) -> None:
        assert button.isVisible(), f"{button.text()!r} is not on screen"
        assert button.isEnabled(), f"{button.text()!r} is disabled"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def start(self) -> None:
        """Attract screen, then 'I am 19 or older'."""
        window = self.window
        assert window.current is window.attract
        self.tap(window.attract.start_button)
        assert window.current is window.age_gate
        self.tap(window.age_gate.confirm_button)
        assert window.current is window.browse

    def scan(self, payload: str) -> None:
        """A barcode or the back of an ID, through the kiosk's one scan path."""
        self.window.scans.handle_scan(typed_scan_event(payload))

    def start_with_id(self, payload: str) -> None:
        """Attract screen, then the back of an ID scanned at the age gate instead of the tap."""
        window = self.window
        self.tap(window.attract.start_button)
        self.scan(payload)
        assert window.current is window.browse, window.age_gate.message.text()

    def open_category(self, key: str) -> None:
        browse = self.window.browse
        with self.qtbot.waitSignal(browse.products_shown):
            self.tap(browse.category_buttons[key] if browse.pages.currentWidget() is not browse.home
                     else browse.tiles[key])

    def filters(self):
        browse = self.window.browse
        if browse.pages.currentWidget() is not browse.panel:
            self.tap(browse.filter_button)
        return browse.panel

    def choose(self, section: str, label: str) -> None:
        panel = self.filters()
        button = panel.chip(section, label)
        with self.qtbot.waitSignal(self.window.browse.products_shown):
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def browse_filtered(self, category: str, choices: dict[str, str]):
        """Open a category, tap each filter chip (section -> label), and return the cards shown."""
        self.open_category(category)
        for section, label in choices.items():
            self.choose(section, label)
        self.show_products()
        return self.shown()

    def show_products(self) -> None:
        self.tap(self.window.browse.panel.done_button)

    def shown(self):
        return self.window.browse.grid.products.cards()

    def tap_tile(self, row: int) -> None:
        grid = self.window.browse.grid
        grid.scrollTo(grid.products.index(row, 0))
        point: QPoint = grid.tile_rect(row).center()
        self.qtbot.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=point)
        assert self.window.current is self.window.product_page

    def add_from_page(self) -> None:
        self.tap(self.window.product_page.add_button)

    def back_to_products(self) -> None:
        self.tap(self.window.product_page.back_button)

    def open_cart(self) -> None:
        self.tap(self.window.cart_bar.view_button)
        assert self.window.current is self.window.cart_screen

    def cart_row(self, name: str):
        rows = [row for row in self.window.cart_screen.rows
                if any(name in label.text() for label in row.findChildren(type(row.quantity)))]
        assert len(rows) == 1, f"{name!r} is in the cart {len(rows)} times"
        return rows[0]

    @property
    def notice(self) -> str:
        return self.window.notice.text

    # --- staff -----------------------------------------------------------------------------------------

    def long_press_logo(self) -> None:
        logo = self.window.logo
        self.qtbot.mousePress(logo, Qt.MouseButton.LeftButton)
        with self.qtbot.waitSignal(logo.long_pressed, timeout=4000):
            pass
        self.qtbot.mouseRelease(logo, Qt.MouseButton.LeftButton)

    def staff_exit_with(self, code: str, pin: str) -> None:
        screen = self.window.staff_exit
        screen.code_field.clear()
        screen.code_field.setFocus()
        self.qtbot.keyClicks(screen.code_field, code, delay=HUMAN_KEY_MS)  # slower than a wedge scanner's burst
        self.qtbot.waitUntil(lambda: screen.code_field.text() == code, timeout=2000)
        for digit in pin:
            self.tap(screen.pad.buttons[digit])
        self.tap(screen.pad.ok_button)
