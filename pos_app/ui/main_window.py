"""The main window shell: header (store, mode, who, clock), sign-in or the register, and the status bar.

The window starts in the terminal's language; a staff member may switch at sign-in for their shift, and signing
out brings the terminal's language back."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from pos_app.domain.staff import can_supervise
from pos_app.i18n import current_language, set_language
from pos_app.services.staff import StaffMember
from pos_app.ui.common.header import HeaderBar
from pos_app.ui.common.language import Retranslating, role_name
from pos_app.ui.common.placement import show_on_screen
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.device_events import DeviceEvents
from pos_app.ui.focus_return import FocusReturn
from pos_app.ui.register.login_screen import LoginScreen
from pos_app.ui.register.register_screen import RegisterScreen
from pos_app.ui.sync.widgets import SyncPanel, SyncStatusLabel, summary_text
from pos_app.ui.sync.window_sync import WindowSync
from pos_app.ui.tasks import wait_for_background_work
from pos_app.ui.terminal_services import TerminalServices
from pos_app.ui.translation import install_translations
from pos_app.ui.wedge_filter import WedgeScanFilter

STATUS_REFRESH_MS = 5_000
PRINTER_CHECK_MS = 15_000
MODE_TITLES = {"register": QT_TRANSLATE_NOOP("MainWindow", "Register"),
               "receiving": QT_TRANSLATE_NOOP("MainWindow", "Receiving")}


class MainWindow(Retranslating, QMainWindow):
    sync_now_requested = Signal()  # queued to the sync worker's thread

    def __init__(self, terminal: TerminalServices, *, mode: str = "register",
                 devices: DeviceEvents | None = None) -> None:
        super().__init__()
        self.t = terminal
        self.mode = mode
        self.home_language = current_language()  # the terminal's: signing out comes back to it
        install_translations(QApplication.instance())
        context = terminal.context

        self.login = LoginScreen(terminal.login)
        self.register = RegisterScreen(terminal)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.stack.addWidget(self.register)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.header = HeaderBar(context.store_name, "", terminal.store_clock)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.sale_panel = self.register.panel

        self.staff_label = QLabel()
        self.shift_label = QLabel()
        self.sync_label = SyncStatusLabel(terminal.store_clock)
        self.printer_label = QLabel()
        self.payment_label = QLabel()
        # Each status at its own width; the sync line (the longest, and one tap from its panel) takes what is left
        # and is the one cut short on a narrow screen, rather than every status a little (French runs longer).
        self.sync_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        for label in (self.staff_label, self.shift_label, self.sync_label, self.printer_label,
                      self.payment_label):
            self.statusBar().addWidget(label, 1 if label is self.sync_label else 0)
        self.sync_button = touch_button("", name="StatusButton")
        self.sync_button.clicked.connect(self.open_sync_panel)
        self.statusBar().addPermanentWidget(self.sync_button)
        self.sync_worker = None
        self.window_sync = WindowSync(self, terminal.sync, self.sync_label,
                                      lambda message: self.register.notify(message, kind="warning"))
        self.customer_display = None  # the second window facing the customer, once opened
        self._closed = self._painted = False  # sync starts after the first paint (see paintEvent)

        # Whenever a dialog closes, the keyboard comes back to the scan field (or the sign-in field).
        self.focus_return = FocusReturn(self, self._keyboard_target)
        self.register.sale_in_front.connect(self.focus_return.soon)
        self.register.routing.refused.connect(self._scan_refused)

        self.login.signed_in.connect(self.show_register)
        self.register.signed_out.connect(self.show_login)
        self.register.status_changed.connect(self.refresh_status)
        self.register.panel.sale_changed.connect(self.refresh_status)

        # A wedge scanner types into whatever has focus; its bursts go to the register instead.
        self.wedge = WedgeScanFilter(parent=self)
        self.wedge.install(QApplication.instance())
        self.wedge.scanned.connect(self.register.handle_scan)
        self.devices = devices or DeviceEvents(terminal.scanner, terminal.id_reader)
        self.devices.scanned.connect(self.register.handle_scan)
        self.devices.id_read.connect(self.register.on_id_read)
        self.devices.id_unreadable.connect(self.register.on_id_unreadable)
        self.devices.device_problem.connect(lambda message: self.register.notify(message, kind="warning"))
        self.devices.start()

        self._timers = [
            QTimer(self, interval=STATUS_REFRESH_MS, timeout=self.refresh_status),
            QTimer(self, interval=PRINTER_CHECK_MS, timeout=self.register.refresh_printer_state),
        ]
        for timer in self._timers:
            timer.start()
        self.register.refresh_printer_state()
        self.retranslate()
        self.show_login()

    def retranslate(self) -> None:
        context = self.t.context
        mode = QCoreApplication.translate("MainWindow", MODE_TITLES.get(self.mode, self.mode))
        self.setWindowTitle(self.tr("{store} — {mode} {number}").format(store=context.store_name, mode=mode,
                                                                        number=context.terminal_no))
        self.header.badge.setText(self.tr("{mode} · Terminal {number}").format(mode=mode,
                                                                               number=context.terminal_no))
        self.sync_button.setText(self.tr("Sync"))
        self.sync_button.setToolTip(self.tr("Sync status, Sync now, and (for managers) what the hub refused"))
        self.refresh_status()

    def show_on_screen(self, width: int = 1280, height: int = 800) -> None:
        show_on_screen(self, width, height)

    def open_customer_display(self, pictures=None):
        """The customer-facing display, following this register (see pos_app.ui.customer_display); call it once
        the register is on screen, so the display knows which screen is the register's."""
        from pos_app.ui.customer_display.placement import place_customer_display
        from pos_app.ui.customer_display.window import CustomerDisplay

        context = self.t.context
        self.customer_display = CustomerDisplay(context.store_name, [c.code for c in context.tax_components],
                                                pictures)
        self.customer_display.follow(self.register)
        place_customer_display(self.customer_display, self)
        return self.customer_display

    # --- screens -------------------------------------------------------------------------------------------

    def show_login(self) -> None:
        set_language(self.home_language)  # a staff member's choice lasts their shift
        self.login.reload()
        self.stack.setCurrentWidget(self.login)
        self.refresh_status()

    def show_register(self, staff: StaffMember) -> None:
        self.stack.setCurrentWidget(self.register)
        self.register.begin(staff)
        self.refresh_status()

    def _keyboard_target(self) -> QWidget:
        if self.stack.currentWidget() is self.register:
            return self.register.panel.scan_field
        return self.login.pad.field if self.login.code_field.text() else self.login.code_field

    def _scan_refused(self, message: str) -> None:
        if self.stack.currentWidget() is self.login:  # the register shows its own in the sale or the dialog
            self.login.show_error(message)

    def refresh_status(self) -> None:
        staff = self.register.staff if self.stack.currentWidget() is self.register else None
        self.staff_label.setText(self.tr("{name} ({role})").format(name=staff.name,
                                                                   role=role_name(staff.role).lower())
                                 if staff else self.tr("No one signed in"))
        self.header.show_staff(staff.name if staff else "")
        shift = self.register.shift
        self.shift_label.setText(self.tr("Shift: open since {time}").format(
            time=self.t.store_clock.time(shift.opened_at)) if shift else self.tr("Shift: not open"))
        if self.sync_worker is None:  # a paired terminal's worker keeps the label up to date itself
            self.sync_label.setText(summary_text(self.t.status.sync_summary()))
        self.printer_label.setText(self.register.printer_state)
        self.payment_label.setText(self.register.card_state)

    # --- sync -----------------------------------------------------------------------------------------------

    def _start_sync(self) -> None:
        """Paired terminals sync in the background; before their first snapshot, they fetch it with progress."""
        if self._closed:
            return
        worker = self.window_sync.start()
        if worker is None:
            return
        self.sync_worker = worker
        worker.progress.connect(self.register.tickets.on_sync_progress)  # a kiosk ticket may have come
        self.sync_now_requested.connect(worker.sync_now)

    def open_sync_panel(self) -> None:
        service = self.t.sync
        staff = self.register.staff
        panel = SyncPanel(service, clock=self.t.store_clock, show_rejected=staff is not None and
                          can_supervise(staff.role), parent=self)
        panel.sync_requested.connect(self.sync_now_requested)
        if self.sync_worker is not None:
            self.sync_worker.status_changed.connect(panel.show_overview)
            self.sync_worker.sync_finished.connect(panel.show_result)
        panel.open()
        self.sync_panel = panel

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:
            # The register is on screen and ready to scan before sync (threads, the first-sync dialog) starts.
            self._painted = True
            QTimer.singleShot(0, self, self._start_sync)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._closed and not self.register.may_close(self.close):
            event.ignore()  # card money on the open sale: the cashier chooses first (see RegisterScreen.may_close)
            return
        self._closed = True
        self.window_sync.stop()
        self.sync_worker = None
        for timer in self._timers:
            timer.stop()
        self.devices.stop()
        self.wedge.uninstall(QApplication.instance())  # a closed window must not keep eating keystrokes
        if self.customer_display is not None:
            self.customer_display.close()
        wait_for_background_work(10_000)
        super().closeEvent(event)
