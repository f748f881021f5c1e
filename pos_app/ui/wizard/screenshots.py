"""``pos-app screenshot --state wizard-...``: each step of the first-run wizard, staged without a hub or devices.

Nothing is paired, saved or printed: the steps are shown as a person would see them, with the sentences of their
failures where the state names one.
"""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from pos_app.services.first_run import FirstRun, SetupFailed, SetupProblem
from pos_app.ui.app import qt_application
from pos_app.ui.wizard import window as wizard_window
from pos_app.ui.wizard.problems import sentence

STEPS = {"language": wizard_window.LANGUAGE, "hub": wizard_window.HUB, "code": wizard_window.CODE,
         "terminal": wizard_window.TERMINAL, "devices": wizard_window.DEVICES, "sync": wizard_window.SYNC,
         "ready": wizard_window.READY}
WIZARD_STATES = ("wizard-language", "wizard-hub", "wizard-hub-unreachable", "wizard-code", "wizard-code-refused",
                 "wizard-terminal", "wizard-devices", "wizard-sync", "wizard-sync-failed", "wizard-ready")


class _StagedSetup(FirstRun):
    """The terminal's own data read as it is; the first sync held back, so its progress can be drawn."""

    def __init__(self, terminal) -> None:
        super().__init__(terminal.settings.data_dir, lambda _settings: terminal, terminal=terminal)
        self.release = threading.Event()

    def state(self):
        return replace(super().state(), paired=False)  # a demo store is paired with nothing

    def first_sync(self, progress=None):
        self.release.wait(30)
        raise SetupFailed(SetupProblem.SYNC_FAILED, detail="")


def render_wizard(terminal, *, state: str, size: tuple[int, int], out, save) -> None:
    if state not in WIZARD_STATES:
        raise ValueError(f"Unknown state {state!r}; choose one of: {', '.join(WIZARD_STATES)}.")
    app = qt_application(terminal.settings.theme)
    setup = _StagedSetup(terminal)
    wizard = wizard_window.FirstRunWizard(setup)
    step = state.removeprefix("wizard-").split("-")[0]
    wizard.setStartId(STEPS[step])
    wizard.resize(*size)
    wizard.show()
    wizard.restart()
    try:
        _stage(state, wizard, setup)
        for _ in range(3):
            app.processEvents()
        save(wizard.grab(), out)
    finally:
        setup.release.set()
        wizard.done(0)
        from pos_app.ui.tasks import wait_for_background_work

        wait_for_background_work()


def _stage(state: str, wizard, setup: _StagedSetup) -> None:
    page = wizard.currentPage()
    if state.startswith("wizard-hub"):
        page.url_field.setText("http://192.168.1.10:8700")
        if state.endswith("unreachable"):
            page.show_problem(sentence(SetupProblem.HUB_UNREACHABLE))
    elif state.startswith("wizard-code"):
        page.code_field.setText("K7QM-4XPD-2RWA")
        if state.endswith("refused"):
            page.show_problem(sentence(SetupProblem.CODE_REFUSED))
    elif state == "wizard-devices":
        page.scanner.address.setCurrentText("")
        page.on_scan(page.test_code)
        page.printer.address.setCurrentText("tcp://192.168.1.20:9100")
        page._failed_test(page.printer, _failure(SetupProblem.PRINTER_COVER_OPEN))
        page.card.address.setCurrentText("socket://192.168.1.30:10009")
    elif state == "wizard-sync":
        page._started_at = time.monotonic() - 12
        page.show_progress(1_200, 5_400)
    elif state == "wizard-sync-failed":
        page._started_at = time.monotonic() - 3
        page.show_progress(300, 5_400)
        page._not_synced(_failure(SetupProblem.SYNC_FAILED))
    elif state == "wizard-ready":
        wizard.sync_page.ready = setup.store_ready()
        page.initializePage()


def _failure(problem: SetupProblem) -> SetupFailed:
    return SetupFailed(problem, detail="")
