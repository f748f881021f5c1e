"""The back-office window: a manager or an admin signs in, then works through the tabs. Every scan, from a serial
scanner or a keyboard wedge, is read once and handed to the tab in front."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QStackedWidget, QTabWidget, QVBoxLayout, QWidget

from hardware.codes.errors import CodeParseError
from hardware.ports import ScanEvent
from pos_app.domain.staff import can_supervise
from pos_app.services.staff import StaffMember
from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.backoffice.tabs import build_tabs
from pos_app.ui.common.header import HeaderBar
from pos_app.ui.common.language import Retranslating
from pos_app.ui.common.placement import show_on_screen
from pos_app.ui.common.widgets import NoticeBar, touch_button
from pos_app.ui.device_events import DeviceEvents
from pos_app.ui.register.login_screen import LoginScreen
from pos_app.ui.sync.widgets import SyncStatusLabel
from pos_app.ui.sync.window_sync import WindowSync
from pos_app.ui.tasks import wait_for_background_work
from pos_app.ui.terminal_services import TerminalServices
from pos_app.ui.wedge_filter import WedgeScanFilter

ROLES = {"cashier": QT_TRANSLATE_NOOP("BackOfficeWindow", "cashier"),
         "manager": QT_TRANSLATE_NOOP("BackOfficeWindow", "manager"),
         "admin": QT_TRANSLATE_NOOP("BackOfficeWindow", "admin")}


def refusal_for(member: StaffMember) -> str:
    role = member.role.value
    return QCoreApplication.translate(
        "BackOfficeWindow", "The back office is for managers and admins. {name} signs in as a {role}: ask a manager "
                            "to sign in here, or use a register.").format(
        name=member.name, role=QCoreApplication.translate("BackOfficeWindow", ROLES[role]) if role in ROLES else role)


class BackOfficeWindow(Retranslating, QMainWindow):
    sync_now_requested = Signal()  # queued to the sync worker's thread

    def __init__(self, terminal: TerminalServices, *, start_tab: str | None = None,
                 devices: DeviceEvents | None = None) -> None:
        super().__init__()
        self.t = terminal
        context = self._context = terminal.context
        self.staff: StaffMember | None = None
        self._start_tab = start_tab
        self._closed = self._painted = False

        self.login = LoginScreen(terminal.login)
        self.login.signed_in.connect(self._signed_in)
        self.notice = NoticeBar()
        self.tabs = QTabWidget(objectName="BackOfficeTabs")
        self.tab_list: list[BackOfficeTab] = build_tabs(terminal)
        for tab in self.tab_list:
            self.tabs.addTab(tab, tab.label)
            tab.message.connect(self.show_message)
        self.sign_out_button = touch_button("", name="SignOutButton")
        self.sign_out_button.clicked.connect(self.sign_out)
        self.tabs.currentChanged.connect(lambda _index: self.notice.hide())
        work = QWidget()
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(12, 8, 12, 8)
        work_layout.addWidget(self.notice)
        work_layout.addWidget(self.tabs, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.login)
        self.stack.addWidget(work)
        self.work = work

        self.header = HeaderBar(context.store_name, "", terminal.store_clock)
        self.header.add_action(self.sign_out_button)
        self.sign_out_button.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.sync_label = SyncStatusLabel(terminal.store_clock)
        self.statusBar().addWidget(self.sync_label, 1)
        self.sync_label.setText(terminal.status.sync_summary().label)
        self.window_sync = WindowSync(self, terminal.sync, self.sync_label,
                                      lambda message: self.show_message(message, "warning"))

        # A wedge scanner types into whatever has focus; its bursts go to the scan path instead.
        self.wedge = WedgeScanFilter(parent=self)
        self.wedge.install(QApplication.instance())
        self.wedge.scanned.connect(self.handle_scan)
        self.devices = devices or DeviceEvents(terminal.scanner, None)
        self.devices.scanned.connect(self.handle_scan)
        self.devices.device_problem.connect(lambda message: self.show_message(message, "warning"))
        self.devices.start()
        self.retranslate()
        self.show_login()

    def retranslate(self) -> None:
        """The window's own words and the tabs' names, in the language spoken now (each tab writes its own)."""
        context = self._context
        title = self.tr("Back office")
        self.setWindowTitle(self.tr("{store} — {title} {number}").format(store=context.store_name, title=title,
                                                                          number=context.terminal_no))
        badge = self.header.findChild(QLabel, "ModeBadge")
        if badge is not None:
            badge.setText(self.tr("{title} · Terminal {number}").format(title=title, number=context.terminal_no))
        self.login.hint.setText(self.tr("The back office is for managers and admins: tap your name, or type your "
                                        "staff code, then enter your PIN."))
        self.sign_out_button.setText(self.tr("Sign out"))
        for index, tab in enumerate(self.tab_list):
            self.tabs.setTabText(index, tab.label)

    # --- who is working ----------------------------------------------------------------------------------

    def show_login(self) -> None:
        self.login.reload()
        self.stack.setCurrentWidget(self.login)
        self.header.show_staff("")
        self.sign_out_button.hide()

    def _signed_in(self, member: StaffMember) -> None:
        if not can_supervise(member.role):
            self.t.login.sign_out(member)
            self.login.show_error(refusal_for(member))
            return
        self.staff = member
        self.header.show_staff(member.name)
        self.notice.hide()
        for tab in self.tab_list:
            tab.begin(member)
        if self._start_tab:
            self.open_tab(self._start_tab)
            self._start_tab = None
        self.stack.setCurrentWidget(self.work)
        self.sign_out_button.show()

    def sign_out(self) -> None:
        if self.staff is not None:
            self.t.login.sign_out(self.staff)
        self.staff = None
        self.show_login()

    # --- tabs and scans ----------------------------------------------------------------------------------

    def tab(self, key: str) -> BackOfficeTab:
        for tab in self.tab_list:
            if tab.key == key:
                return tab
        raise KeyError(f"The back office has no {key!r} tab.")

    def open_tab(self, key: str) -> BackOfficeTab:
        tab = self.tab(key)
        self.tabs.setCurrentWidget(tab)
        return tab

    @property
    def current_tab(self) -> BackOfficeTab:
        return self.tabs.currentWidget()

    def handle_scan(self, event: ScanEvent) -> None:
        if self.stack.currentWidget() is self.login:
            self.login.show_error(self.tr("Sign in first: tap your name and enter your PIN, then scan."))
            return
        try:
            result = self.t.scans.read(event)
        except CodeParseError as error:
            self.show_message(str(error), "error")
            return
        self.notice.hide()
        self.current_tab.handle_scan(result)

    def show_message(self, text: str, kind: str = "error") -> None:
        self.notice.show_message(text, kind=kind)

    # --- window ------------------------------------------------------------------------------------------

    def show_on_screen(self, width: int = 1280, height: int = 800) -> None:
        show_on_screen(self, width, height)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        if not self._painted:  # on screen first, then sync (threads, the first-sync dialog)
            self._painted = True
            QTimer.singleShot(0, self, self._start_sync)

    def _start_sync(self) -> None:
        if self._closed:
            return
        worker = self.window_sync.start()
        if worker is not None:
            self.sync_now_requested.connect(worker.sync_now)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._closed = True
        self.window_sync.stop()
        self.devices.stop()
        self.wedge.uninstall(QApplication.instance())  # a closed window must not keep eating keystrokes
        wait_for_background_work(10_000)
        super().closeEvent(event)
