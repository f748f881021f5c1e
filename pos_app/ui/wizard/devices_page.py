"""Step 5: the scanner, the receipt printer and the card terminal, each found, tested and saved, or skipped.

The scanner test shows a code made for this test; it passes when that code arrives through the one scan path (a
USB scanner that types, or the serial scanner at the address given). The printer prints a test page on the paper
width chosen; the card terminal is asked whether it answers (nothing is charged). Next saves the addresses of the
devices not skipped in terminal.toml.
"""

from __future__ import annotations

import secrets

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QComboBox, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from pos_app.services.first_run import PAPER_WIDTHS, FirstRun
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.tasks import run_in_background
from pos_app.ui.wizard.barcode_view import BarcodeView
from pos_app.ui.wizard.step import ProblemRow, WizardStep, big_choice, problem_text

translate = QCoreApplication.translate
UNTESTED, WORKS, FAILED, SKIPPED = "untested", "works", "failed", "skipped"


def _address_box(choices: list[str], current: str | None) -> QComboBox:
    box = QComboBox(editable=True)
    box.setMinimumHeight(56)
    box.addItems(choices)
    box.setCurrentText(current or "")
    return box


class DeviceBox(QGroupBox):
    """One device: its address, what its test says, the test button with a Retry for failures, and Skip."""

    def __init__(self, choices: list[str], current: str | None, on_test, on_skip) -> None:
        super().__init__()
        self.state = UNTESTED
        self.address = _address_box(choices, current)
        self.status = QLabel(wordWrap=True, objectName="WizardStatus")
        self.test_button = touch_button("", primary=True)
        self.test_button.clicked.connect(on_test)
        self.skip_button = touch_button("")
        self.skip_button.clicked.connect(on_skip)
        self.problem = ProblemRow(on_test)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.address)
        self.extra = QVBoxLayout()
        self.body.addLayout(self.extra)
        self.body.addWidget(self.status)
        self.body.addLayout(self.problem)
        self.body.addStretch(1)
        self.body.addWidget(self.test_button)  # one above the other: "Imprimer une page d'essai" is long
        self.body.addWidget(self.skip_button)

    @property
    def url(self) -> str:
        return self.address.currentText().strip()

    def set_state(self, state: str, status: str = "", problem: str = "") -> None:
        self.state = state
        self.status.setText(status)
        self.status.setProperty("state", state)
        self.status.style().polish(self.status)
        if problem:
            self.problem.show(problem)
        else:
            self.problem.clear()
        self.address.setEnabled(state != SKIPPED)


class DevicesPage(WizardStep):
    def __init__(self, setup: FirstRun) -> None:
        super().__init__(setup)
        self.test_code = f"GL{secrets.randbelow(10**8):08d}"  # new each time: an old scan never passes the test
        self.scanner = self.printer = self.card = None
        self.paper_group = QButtonGroup(self)
        self.paper_buttons = {}
        self.barcode = BarcodeView(self.test_code)
        self._built = False

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        if self._built:
            return
        self._built = True
        hardware = self.setup.settings().hardware
        ports = self.setup.detected_ports()
        self.scanner = DeviceBox(ports, hardware.scanner_url, self.connect_scanner, lambda: self.skip(self.scanner))
        self.scanner_hint = QLabel(wordWrap=True, objectName="WizardHint")
        self.scanner.extra.addWidget(self.scanner_hint)
        self.scanner.extra.addWidget(self.barcode)
        self.printer = DeviceBox(self.setup.detected_printers(), hardware.printer_url, self.test_printer,
                                 lambda: self.skip(self.printer))
        paper = QHBoxLayout()
        for width in PAPER_WIDTHS:
            button = big_choice(f"{width} mm")
            button.setChecked(width == hardware.paper_width_mm)
            self.paper_group.addButton(button)
            self.paper_buttons[width] = button
            paper.addWidget(button)
        self.printer.extra.addLayout(paper)
        self.card = DeviceBox(ports, hardware.payment_url, self.check_card_terminal, lambda: self.skip(self.card))
        row = QHBoxLayout(self)
        for box in (self.scanner, self.printer, self.card):
            row.addWidget(box, 1)
        self.retranslate()

    # --- the scanner ------------------------------------------------------------------------------------

    def connect_scanner(self) -> None:
        """Listen to the serial scanner at the address (a scanner that types needs nothing: it is heard already)."""
        self.scanner.set_state(UNTESTED, translate("FirstRunWizard", "Scan the code shown here."))
        if self.scanner.url:
            self.wizard().listen_to_scanner(self.setup.scanner(self.scanner.url))

    def on_scan(self, text: str) -> None:
        if self.scanner is None or self.scanner.state == SKIPPED:
            return
        if text.strip() == self.test_code:
            self.scanner.set_state(WORKS, translate("FirstRunWizard", "The scanner works."))
        else:
            self.scanner.set_state(FAILED, "", translate(
                "FirstRunWizard", "That was another code. Scan the code shown here, on this screen."))

    # --- the printer ------------------------------------------------------------------------------------

    @property
    def paper_width(self) -> int:
        return next(width for width, button in self.paper_buttons.items() if button.isChecked())

    def test_printer(self) -> None:
        box, url, width = self.printer, self.printer.url, self.paper_width
        box.set_state(UNTESTED, translate("FirstRunWizard", "Printing a test page…"))
        box.test_button.setEnabled(False)
        run_in_background(lambda: self.setup.test_printer(url, width),
                          lambda _: self._tested(box, translate(
                              "FirstRunWizard", "The test page was printed. Check that it is clean and fills the "
                                                "paper's width.")),
                          lambda error: self._failed_test(box, error), owner=self)

    # --- the card terminal ------------------------------------------------------------------------------

    def check_card_terminal(self) -> None:
        box, url = self.card, self.card.url
        box.set_state(UNTESTED, translate("FirstRunWizard", "Asking the card terminal…"))
        box.test_button.setEnabled(False)
        run_in_background(lambda: self.setup.card_terminal_answers(url),
                          lambda _: self._tested(box, translate("FirstRunWizard", "The card terminal answers.")),
                          lambda error: self._failed_test(box, error), owner=self)

    def _tested(self, box: DeviceBox, status: str) -> None:
        box.test_button.setEnabled(True)
        box.set_state(WORKS, status)

    def _failed_test(self, box: DeviceBox, error: Exception) -> None:
        box.test_button.setEnabled(True)
        box.set_state(FAILED, "", problem_text(error))

    def skip(self, box: DeviceBox) -> None:
        box.set_state(SKIPPED, translate("FirstRunWizard", "Skipped: this terminal works without it. Set it up "
                                                           "later in terminal.toml."))

    # --- Next -------------------------------------------------------------------------------------------

    def work(self):
        def kept(box: DeviceBox) -> str | None:
            return None if box.state == SKIPPED else box.url or None

        scanner, printer, width, card = kept(self.scanner), kept(self.printer), self.paper_width, kept(self.card)
        return lambda: self.setup.save_devices(scanner_url=scanner, printer_url=printer, paper_width=width,
                                               payment_url=card)

    def succeeded(self, _result) -> None:
        self.wizard().stop_scanner()

    def show_problem(self, text: str) -> None:
        self.card.problem.show(text)

    def retranslate(self) -> None:
        self.setTitle(translate("FirstRunWizard", "Devices"))
        self.setSubTitle(translate("FirstRunWizard", "Test each device, or skip it. Addresses look like "
                                                     "/dev/ttyACM0, socket://192.168.1.30:9200 or "
                                                     "tcp://192.168.1.20:9100."))
        if self.scanner is None:
            return
        texts = (
            (self.scanner, translate("FirstRunWizard", "Scanner"),
             translate("FirstRunWizard", "Serial port, if any"), translate("FirstRunWizard", "Connect")),
            (self.printer, translate("FirstRunWizard", "Receipt printer"),
             translate("FirstRunWizard", "Printer address"), translate("FirstRunWizard", "Print a test page")),
            (self.card, translate("FirstRunWizard", "Card terminal"),
             translate("FirstRunWizard", "Card terminal address"), translate("FirstRunWizard", "Check")),
        )
        for box, title, placeholder, action in texts:
            box.setTitle(title)
            box.address.lineEdit().setPlaceholderText(placeholder)
            box.test_button.setText(action)
            box.skip_button.setText(translate("FirstRunWizard", "Skip"))
            box.problem.retranslate()
        self.scanner_hint.setText(translate("FirstRunWizard", "A USB scanner that types needs no address: scan the "
                                                              "code below. For a serial scanner, give its port and "
                                                              "press Connect first."))
        untested = translate("FirstRunWizard", "Not tested yet.")
        for box in (self.printer, self.card):
            if box.state == UNTESTED and not box.status.text():
                box.status.setText(untested)
