"""What every step of the wizard shares: its problem sentence with a Retry, and work that runs off the GUI thread.

A step whose Next must ask a hub or a device starts that work and refuses to move on; when the work succeeds the
step lets the wizard go on by itself, and when it fails the sentence and Retry show on the step.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWizardPage

from pos_app.services.first_run import FirstRun, SetupFailed
from pos_app.ui.common.language import Retranslating
from pos_app.ui.common.widgets import touch_button
from pos_app.ui.tasks import run_in_background
from pos_app.ui.wizard.problems import sentence, unexpected

translate = QCoreApplication.translate
log = logging.getLogger(__name__)


def problem_text(error: Exception) -> str:
    if isinstance(error, SetupFailed):
        log.info("Set-up step refused: %s", error.message)
        return sentence(error.problem)
    log.error("Set-up step failed", exc_info=error)
    return unexpected()


class ProblemRow(QHBoxLayout):
    """One sentence in red and a Retry button beside it; hidden while there is no problem."""

    def __init__(self, on_retry: Callable[[], None]) -> None:
        super().__init__()
        self.label = QLabel(wordWrap=True, objectName="WizardProblem")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.retry_button = touch_button("")
        self.retry_button.clicked.connect(on_retry)
        self.addWidget(self.label, 1)
        self.addWidget(self.retry_button)
        self.retranslate()
        self.clear()

    def show(self, text: str) -> None:
        self.label.setText(text)
        self.label.setVisible(True)
        self.retry_button.setVisible(True)

    def clear(self) -> None:
        self.label.clear()
        self.label.setVisible(False)
        self.retry_button.setVisible(False)

    @property
    def text(self) -> str:
        return self.label.text() if self.label.isVisible() else ""

    def retranslate(self) -> None:
        self.retry_button.setText(translate("FirstRunWizard", "Retry"))


class WizardStep(Retranslating, QWizardPage):
    """A page of the wizard; ``retranslate`` sets every text, and runs again when the language changes."""

    def __init__(self, setup: FirstRun) -> None:
        super().__init__()
        self.setup = setup
        self.busy = False
        self._passed = False

    # --- language ---------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        raise NotImplementedError

    # --- scans ------------------------------------------------------------------------------------------

    def on_scan(self, text: str) -> None:
        """A scan while this step shows (wedge or serial, one path); most steps have no use for one."""

    # --- Next that waits on the hub or a device --------------------------------------------------------

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self._passed:
            return True
        if self.busy:
            return False
        work = self.work()
        if work is None:
            self.succeeded(None)
            return True
        self._set_busy(True)
        run_in_background(work, self._finished, self._failed, owner=self)
        return False

    def begin(self) -> None:
        """Retry (and a scanned code) does what Next does."""
        self.wizard().next()

    def work(self) -> Callable[[], Any] | None:
        """What Next does off the GUI thread; None when there is nothing to wait for."""
        return None

    def succeeded(self, result: Any) -> None:
        """On the GUI thread, after the work succeeded and before the wizard moves on."""

    def show_problem(self, text: str) -> None:
        raise NotImplementedError

    def _finished(self, result: Any) -> None:
        self._set_busy(False)
        self.succeeded(result)
        self._passed = True
        try:
            self.wizard().next()
        finally:
            self._passed = False

    def _failed(self, error: Exception) -> None:
        self._set_busy(False)
        self.show_problem(problem_text(error))

    def _set_busy(self, busy: bool) -> None:
        wizard = self.wizard()
        if busy and wizard is not None:
            wizard.set_busy(True)  # before isComplete turns False, so the buttons are remembered as they were
        self.busy = busy
        if not busy and wizard is not None:
            wizard.set_busy(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return not self.busy


def big_choice(text: str = "") -> QPushButton:
    """A large checkable button, for choices made by touch (language, mode, paper width)."""
    button = touch_button(text, name="WizardChoice")
    button.setCheckable(True)
    button.setMinimumHeight(72)
    return button
