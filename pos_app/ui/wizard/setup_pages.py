"""The wizard's first four steps: language, the hub's address, the pairing code, and the terminal's number and mode."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout

from pos_app.i18n import current_language
from pos_app.services.first_run import MAX_TERMINAL_NO, SETUP_MODES, FirstRun
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.wizard.step import ProblemRow, WizardStep, big_choice

translate = QCoreApplication.translate
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}  # each in its own language: not translated


def _field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit(placeholderText=placeholder)
    field.setMinimumHeight(56)
    return field


class LanguagePage(WizardStep):
    def __init__(self, setup: FirstRun) -> None:
        super().__init__(setup)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.buttons = {}
        for code, name in LANGUAGE_NAMES.items():
            button = big_choice(name)
            button.setChecked(code == current_language())
            button.clicked.connect(lambda _=False, code=code: self.choose(code))
            self.group.addButton(button)
            self.buttons[code] = button
            row.addWidget(button)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        self.retranslate()

    def choose(self, language: str) -> None:
        """Applies at once (every screen of the wizard changes language) and is saved in terminal.toml."""
        self.buttons[language].setChecked(True)
        self.setup.choose_language(language)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        self.setup.choose_language(current_language())  # Next without a tap keeps (and saves) the one shown
        return True

    def retranslate(self) -> None:
        self.setTitle(translate("FirstRunWizard", "Welcome — Bienvenue"))
        self.setSubTitle(translate("FirstRunWizard", "Choose the language of this terminal. Staff can still "
                                                     "switch at sign-in."))


class HubPage(WizardStep):
    def __init__(self, setup: FirstRun) -> None:
        super().__init__(setup)
        self.url_field = _field("http://192.168.1.10:8700")
        self.url_field.returnPressed.connect(lambda: self.wizard().next())
        self.label = QLabel(wordWrap=True)
        self.problem = ProblemRow(self.begin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.url_field)
        layout.addLayout(self.problem)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        if not self.url_field.text() and self.setup.hub_url:
            self.url_field.setText(self.setup.hub_url)
        self.url_field.setFocus()

    def work(self):
        text = self.url_field.text()
        self.problem.clear()
        return lambda: self.setup.check_hub(text)

    def succeeded(self, url: str) -> None:
        self.url_field.setText(url)

    def show_problem(self, text: str) -> None:
        self.problem.show(text)
        self.url_field.setFocus()

    def retranslate(self) -> None:
        self.setTitle(translate("FirstRunWizard", "The store's hub"))
        self.setSubTitle(translate("FirstRunWizard", "The hub keeps the store's catalog, staff and sales. Its "
                                                     "address is on the console's Terminals page."))
        self.label.setText(translate("FirstRunWizard", "Hub address"))
        self.problem.retranslate()


class CodePage(WizardStep):
    """Pairing: the code typed, or its QR code from the console scanned (the scan pairs at once). After this
    step the terminal is paired, so there is no going back to pair it twice."""

    def __init__(self, setup: FirstRun) -> None:
        super().__init__(setup)
        self.setCommitPage(True)
        self.code_field = _field()
        self.code_field.returnPressed.connect(lambda: self.wizard().next())
        self.label = QLabel(wordWrap=True)
        self.hint = QLabel(wordWrap=True, objectName="WizardHint")
        self.problem = ProblemRow(self.begin)
        layout = QVBoxLayout(self)
        for item in (self.label, self.code_field, self.hint):
            layout.addWidget(item)
        layout.addLayout(self.problem)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.code_field.setFocus()

    def on_scan(self, text: str) -> None:
        if self.busy:
            return
        self.code_field.setText(text.strip())
        self.problem.clear()
        self.begin()

    def work(self):
        code = self.code_field.text()
        self.problem.clear()
        return lambda: self.setup.pair(code)  # an empty code is refused before anything opens

    def show_problem(self, text: str) -> None:
        self.problem.show(text)
        self.code_field.selectAll()
        self.code_field.setFocus()

    def retranslate(self) -> None:
        self.setTitle(translate("FirstRunWizard", "Pairing code"))
        self.setSubTitle(translate("FirstRunWizard", "A manager makes a one-time code in the console: Stores, "
                                                     "the store, Terminals, Make a pairing code."))
        self.label.setText(translate("FirstRunWizard", "Pairing code"))
        self.hint.setText(translate("FirstRunWizard", "Type the code, or scan the QR code on the console's screen "
                                                      "with this terminal's scanner."))
        self.problem.retranslate()


class TerminalPage(WizardStep):
    def __init__(self, setup: FirstRun) -> None:
        super().__init__(setup)
        self.number_label = QLabel()
        self.number = QSpinBox(minimum=1, maximum=MAX_TERMINAL_NO)
        self.number.setMinimumHeight(56)
        self.number.setMinimumWidth(160)
        self.mode_label = QLabel()
        self.mode_group = QButtonGroup(self)
        self.mode_buttons = {}
        modes = QHBoxLayout()
        for mode in SETUP_MODES:
            button = big_choice()
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes.addWidget(button)
        self.problem = ProblemRow(self.begin)
        layout = QVBoxLayout(self)
        number_row = QHBoxLayout()
        self.number.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)  # a finger needs the big − and + below
        for text, step in (("−", -1), ("+", 1)):
            button = touch_button(text, name="WizardChoice")
            button.clicked.connect(lambda _=False, step=step: self.number.stepBy(step))
            number_row.addWidget(button)
            if step < 0:
                number_row.addWidget(self.number)
        number_row.addStretch(1)
        layout.addWidget(self.number_label)
        layout.addLayout(number_row)
        layout.addSpacing(16)
        layout.addWidget(self.mode_label)
        layout.addLayout(modes)
        layout.addLayout(self.problem)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        state = self.setup.state()
        self.number.setValue(state.terminal_no)
        mode = state.settings.mode if state.settings.mode in SETUP_MODES else "register"
        self.mode_buttons[mode].setChecked(True)

    @property
    def mode(self) -> str:
        return next((mode for mode, button in self.mode_buttons.items() if button.isChecked()), "register")

    def work(self):
        number, mode = self.number.value(), self.mode
        self.problem.clear()
        return lambda: self.setup.choose_terminal(number, mode)

    def show_problem(self, text: str) -> None:
        self.problem.show(text)

    def retranslate(self) -> None:
        self.setTitle(translate("FirstRunWizard", "This terminal"))
        self.setSubTitle(translate("FirstRunWizard", "Its number is printed on receipts (store-number-sequence): "
                                                     "give each terminal of the store its own."))
        self.number_label.setText(translate("FirstRunWizard", "Terminal number"))
        self.mode_label.setText(translate("FirstRunWizard", "What it is for"))
        titles = {"register": translate("FirstRunWizard", "Register\n(cashiers at the counter)"),
                  "kiosk": translate("FirstRunWizard", "Kiosk\n(customers order by touch)"),
                  "backoffice": translate("FirstRunWizard", "Back office\n(receiving, stock, reports)")}
        for mode, button in self.mode_buttons.items():
            button.setText(titles[mode])
        self.problem.retranslate()
