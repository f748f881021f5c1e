"""The main window shell: header (store, mode, clock), the mode's screen, and the status bar."""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QTimer
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMainWindow, QVBoxLayout, QWidget

from pos_app.services.selling import SaleService
from pos_app.services.staff import StaffMember
from pos_app.services.status import StatusService, staff_display
from pos_app.services.terminal import TerminalContext
from pos_app.ui.register.sale_panel import SalePanel
from pos_app.ui.wedge_filter import WedgeScanFilter

MODE_TITLES = {"register": "Register", "kiosk": "Kiosk", "receiving": "Receiving"}


class MainWindow(QMainWindow):
    def __init__(
        self,
        context: TerminalContext,
        sales: SaleService,
        status: StatusService,
        *,
        mode: str = "register",
        staff: StaffMember | None = None,
    ) -> None:
        super().__init__()
        self._context = context
        self._status = status
        self._staff = staff
        self.mode = mode
        self.setWindowTitle(f"{context.store_name} — {MODE_TITLES.get(mode, mode)} {context.terminal_no}")

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._header())
        if staff is not None:
            sales.start_sale(staff)
        self.sale_panel = SalePanel(sales, [c.code for c in context.tax_components])
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.sale_panel)
        layout.addWidget(body, 1)
        self.setCentralWidget(central)

        self.staff_label = QLabel(staff_display(staff))
        self.shift_label = QLabel("Shift: not open")
        self.sync_label = QLabel()
        self.printer_label = QLabel("Printer: not set up")
        self.payment_label = QLabel("Card terminal: not set up")
        for label in (self.staff_label, self.shift_label, self.sync_label, self.printer_label,
                      self.payment_label):
            self.statusBar().addWidget(label)
        self.refresh_status()
        self.sale_panel.sale_changed.connect(self.refresh_status)

        # A wedge scanner types into whatever has focus; its bursts go to the sale instead.
        self.wedge = WedgeScanFilter(parent=self)
        self.wedge.install(QApplication.instance())
        self.wedge.scanned.connect(self.sale_panel.handle_scan)

        self._clock_timer = QTimer(self, interval=30_000, timeout=self._tick)
        self._clock_timer.start()

    def _header(self) -> QWidget:
        header = QWidget(objectName="HeaderBar")
        row = QHBoxLayout(header)
        row.setContentsMargins(16, 8, 16, 8)
        row.addWidget(QLabel(self._context.store_name, objectName="StoreName"))
        row.addWidget(QLabel(f"{MODE_TITLES.get(self.mode, self.mode)} · Terminal {self._context.terminal_no}",
                             objectName="ModeBadge"))
        row.addStretch(1)
        self.clock_label = QLabel()
        row.addWidget(self.clock_label)
        self._tick()
        return header

    def _tick(self) -> None:
        self.clock_label.setText(QDateTime.currentDateTime().toString("ddd d MMM yyyy  HH:mm"))

    def refresh_status(self) -> None:
        self.sync_label.setText(self._status.sync_summary().label)
