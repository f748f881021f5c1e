"""Steps 6 and 7: the first sync, with a progress bar and the time left, then Ready, which opens the mode's window."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout

from pos_app.i18n import current_locale
from pos_app.services.first_run import FirstRun, StoreReady
from pos_app.ui.tasks import run_in_background
from pos_app.ui.wizard.step import ProblemRow, WizardStep, problem_text

translate = QCoreApplication.translate


def seconds_left(done: int, total: int, elapsed_s: float) -> float | None:
    """At the pace so far; None until there is a pace to go by."""
    if done <= 0 or total <= done or elapsed_s <= 0:
        return None if total > done else 0.0
    return (total - done) * elapsed_s / done


def time_left_text(seconds: float | None) -> str:
    if seconds is None:
        return translate("FirstRunWizard", "Working out the time left…")
    if seconds < 60:
        return translate("FirstRunWizard", "About %1 s left").replace("%1", str(max(int(seconds + 0.5), 1)))
    return translate("FirstRunWizard", "About %1 min left").replace("%1", str(int(seconds / 60 + 0.5)))


def number(value: int) -> str:
    """1,200 in English, 1 200 in French."""
    return QLocale(current_locale()).toString(value)


class _Progress(QObject):
    """Carries the puller's progress from the worker thread to the page (a queued signal)."""

    moved = Signal(int, int)


class SyncPage(WizardStep):
    def __init__(self, setup: FirstRun) -> None:
        super().__init__(setup)
        self.message = QLabel(wordWrap=True)
        self.bar = QProgressBar()
        self.bar.setMinimumHeight(40)
        self.time_left = QLabel()
        self.problem = ProblemRow(self.start)
        self.ready: StoreReady | None = None
        self._started_at = 0.0
        self._progress = _Progress(self)
        self._progress.moved.connect(self.show_progress)
        layout = QVBoxLayout(self)
        for widget in (self.message, self.bar, self.time_left):
            layout.addWidget(widget)
        layout.addLayout(self.problem)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.start()

    def start(self) -> None:
        if self.busy:
            return
        self.problem.clear()
        self.ready = None
        self.bar.setRange(0, 0)  # busy until the first page says how much there is
        self.message.setText(translate("FirstRunWizard", "Fetching the catalog, staff and stock from the hub…"))
        self.time_left.setText(time_left_text(None))
        self._started_at = time.monotonic()
        self._set_busy(True)
        run_in_background(lambda: self.setup.first_sync(self._progress.moved.emit), self._synced, self._not_synced,
                          owner=self)

    def show_progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.message.setText(translate("FirstRunWizard", "Received %1 of %2 records…")
                             .replace("%1", number(done)).replace("%2", number(total)))
        self.time_left.setText(time_left_text(seconds_left(done, total, time.monotonic() - self._started_at)))

    def _synced(self, ready: StoreReady) -> None:
        self._set_busy(False)
        self.ready = ready
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.time_left.clear()
        self.message.setText(translate("FirstRunWizard", "The store is here. Press Next."))
        self.completeChanged.emit()
        self.wizard().next()

    def _not_synced(self, error: Exception) -> None:
        self._set_busy(False)
        if self.bar.maximum() == 0:  # still busy-looking: nothing arrived
            self.bar.setRange(0, 1)
            self.bar.setValue(0)
        self.time_left.clear()  # what arrived stays shown: Retry carries on from there
        self.problem.show(problem_text(error))
        self.completeChanged.emit()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.ready is not None

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return self.ready is not None and not self.busy

    def show_problem(self, text: str) -> None:
        self.problem.show(text)

    def retranslate(self) -> None:
        self.setTitle(translate("FirstRunWizard", "The first sync"))
        self.setSubTitle(translate("FirstRunWizard", "The store's products, prices, staff and stock come to this "
                                                     "terminal once; after that it sells even without the network."))
        self.problem.retranslate()


class ReadyPage(WizardStep):
    def __init__(self, setup: FirstRun, sync_page: SyncPage) -> None:
        super().__init__(setup)
        self._sync_page = sync_page
        self.summary = QLabel(wordWrap=True, objectName="WizardReady")
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.retranslate()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(translate("FirstRunWizard", "Ready"))
        self.setSubTitle(translate("FirstRunWizard", "This terminal is set up."))
        ready = self._sync_page.ready
        if ready is not None:
            self.summary.setText(translate("FirstRunWizard", "%1 is on this terminal: %2 products, with their "
                                                             "prices, the staff and the stock. Press the button "
                                                             "below to start.")
                                 .replace("%1", ready.store_name).replace("%2", number(ready.products)))
