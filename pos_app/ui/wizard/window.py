"""The first-run wizard's window: seven steps, scans routed to the step on screen, and the language switch.

A terminal that is paired already (a wizard cut short after pairing) starts at its number and mode: nothing is
paired twice. Scans arrive as everywhere else: a scanner that types goes through the wedge filter, a serial
scanner through ``DeviceEvents``; either way the step on screen gets the text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWizard

from pos_app.modes import MODE_TITLES
from pos_app.services.first_run import FirstRun
from pos_app.ui.common.language import Retranslating
from pos_app.ui.device_events import DeviceEvents
from pos_app.ui.translation import install_translations
from pos_app.ui.wedge_filter import WedgeScanFilter
from pos_app.ui.wizard.devices_page import DevicesPage
from pos_app.ui.wizard.setup_pages import CodePage, HubPage, LanguagePage, TerminalPage
from pos_app.ui.wizard.sync_pages import ReadyPage, SyncPage

translate = QCoreApplication.translate
LANGUAGE, HUB, CODE, TERMINAL, DEVICES, SYNC, READY = range(7)
_STEP_BUTTONS = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                 QWizard.WizardButton.CommitButton, QWizard.WizardButton.FinishButton)
STYLE = """
QWizard, QWizardPage { font-size: 18px; }
QLabel#qt_wizard_title { font-size: 28px; }
QLabel#qt_wizard_subtitle { font-size: 18px; }
QPushButton { min-height: 48px; min-width: 120px; padding: 0 16px; }
QPushButton#WizardChoice { font-size: 20px; }
QPushButton#WizardChoice:checked { background: #1f6f43; color: white; font-weight: bold; }
QLineEdit, QComboBox, QSpinBox { min-height: 48px; font-size: 20px; }
QLabel#WizardProblem { color: #b00020; font-weight: bold; }
QLabel#WizardStatus[state="works"] { color: #1f6f43; font-weight: bold; }
QLabel#WizardReady { font-size: 24px; }
"""


class FirstRunWizard(Retranslating, QWizard):
    def __init__(self, setup: FirstRun, *, scanner_events: DeviceEvents | None = None) -> None:
        super().__init__()
        self.setup = setup
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setStyleSheet(STYLE)
        install_translations(QApplication.instance())  # the app keeps them after the wizard, for its windows
        self.sync_page = SyncPage(setup)
        pages = {LANGUAGE: LanguagePage(setup), HUB: HubPage(setup), CODE: CodePage(setup),
                 TERMINAL: TerminalPage(setup), DEVICES: DevicesPage(setup), SYNC: self.sync_page,
                 READY: ReadyPage(setup, self.sync_page)}
        for number, page in pages.items():
            self.setPage(number, page)
        if setup.state().paired:
            self.setStartId(TERMINAL)  # paired before the wizard was cut short: carry on from there
        self.wedge = WedgeScanFilter(parent=self)
        self.wedge.install(QApplication.instance())
        self.wedge.scanned.connect(self._scanned)
        self.scanner_events = scanner_events
        if scanner_events is not None:
            scanner_events.scanned.connect(self._scanned)
        self.retranslate()

    # --- scans ------------------------------------------------------------------------------------------

    def _scanned(self, event) -> None:
        page = self.currentPage()
        if page is not None and not self.isHidden():
            page.on_scan(event.text)

    def listen_to_scanner(self, scanner) -> None:
        """Hear the serial scanner the devices step names (instead of any heard before)."""
        self.stop_scanner()
        self.scanner_events = DeviceEvents(scanner)
        self.scanner_events.scanned.connect(self._scanned)
        self.scanner_events.start()

    def stop_scanner(self) -> None:
        if self.scanner_events is not None:
            self.scanner_events.stop()
            self.scanner_events = None

    # --- the buttons ------------------------------------------------------------------------------------

    def set_busy(self, busy: bool) -> None:
        """While a step waits on the hub or a device, nothing else can be pressed but Cancel; afterwards each
        button is as it was (the wizard's own rules: no Back after pairing)."""
        if busy:
            self._enabled_before = {which: self.button(which).isEnabled() for which in _STEP_BUTTONS}
            for which in _STEP_BUTTONS:
                self.button(which).setEnabled(False)
        else:
            for which, enabled in getattr(self, "_enabled_before", {}).items():
                self.button(which).setEnabled(enabled)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    @property
    def chosen_mode(self) -> str:
        return self.page(TERMINAL).mode

    def retranslate(self) -> None:
        self.setWindowTitle(translate("FirstRunWizard", "Setting up this terminal"))
        button = QWizard.WizardButton
        self.setButtonText(button.BackButton, translate("FirstRunWizard", "Back"))
        self.setButtonText(button.NextButton, translate("FirstRunWizard", "Next"))
        self.setButtonText(button.CommitButton, translate("FirstRunWizard", "Pair"))
        self.setButtonText(button.CancelButton, translate("FirstRunWizard", "Cancel"))
        titles = {"register": translate("FirstRunWizard", "Open the register"),
                  "kiosk": translate("FirstRunWizard", "Open the kiosk"),
                  "backoffice": translate("FirstRunWizard", "Open the back office")}
        mode = self.chosen_mode if self.page(TERMINAL) is not None else "register"
        self.setButtonText(button.FinishButton, titles.get(mode, MODE_TITLES.get(mode, mode)))

    def initializePage(self, number: int) -> None:  # noqa: N802 - Qt's name
        super().initializePage(number)
        if number == READY:
            self.retranslate()  # the Finish button names the mode chosen

    def done(self, result: int) -> None:
        self.stop_scanner()
        self.wedge.uninstall(QApplication.instance())
        super().done(result)
