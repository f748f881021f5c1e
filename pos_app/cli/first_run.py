"""``pos-app run`` on a data folder that is not set up yet: the first-run wizard, before any window opens."""

from __future__ import annotations

import sys

from pos_app.config import Settings

STOPPED = ("Setting up this terminal was stopped before the end. Run `pos-app run` again to carry on where it "
           "stopped.")


def needs_setting_up(settings: Settings) -> bool:
    """A fresh folder (no database yet), or one whose terminal is not paired or has no store yet."""
    if not settings.db_path.exists():
        return True  # not even opened: the wizard opens the database only when it pairs
    from pos_app.bootstrap import open_terminal
    from pos_app.services.first_run import setup_needed

    with open_terminal(settings) as terminal:
        return setup_needed(terminal)


def set_up(settings: Settings) -> bool:
    """Run the wizard; True once the terminal is paired, set up and has its store (False: cancelled)."""
    from pos_app.bootstrap import open_terminal
    from pos_app.i18n import set_language
    from pos_app.services.first_run import FirstRun
    from pos_app.ui.app import qt_application
    from pos_app.ui.common.placement import show_on_screen
    from pos_app.ui.tasks import wait_for_background_work
    from pos_app.ui.wizard.window import FirstRunWizard

    set_language(settings.language)
    app = qt_application(settings.theme)
    existing = open_terminal(settings) if settings.db_path.exists() else None
    setup = FirstRun(settings.data_dir, open_terminal, terminal=existing)
    wizard = FirstRunWizard(setup)
    show_on_screen(wizard, 1280, 800)
    try:
        finished = wizard.exec() == FirstRunWizard.DialogCode.Accepted
    finally:
        wait_for_background_work()
        if setup.terminal is not None:
            setup.terminal.close()
    del wizard, app
    if not finished:
        print(STOPPED, file=sys.stderr)
    return finished
