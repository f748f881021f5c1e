"""`pos-app run` on a folder with no store opens the first-run wizard; cancelled, nothing opens and the folder is
as it was. A folder with a store (a demo store without a hub too) opens as before, with no wizard."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from pos_app.cli import main
from pos_app.cli.first_run import needs_setting_up
from pos_app.config import load_settings
from pos_app.ui.wizard.window import FirstRunWizard


def test_an_empty_folder_opens_the_wizard_and_cancelling_leaves_it_empty(qapp, tmp_path, capsys):
    folder = tmp_path / "terminal"
    seen = []

    def cancel() -> None:
        wizards = [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstRunWizard) and w.isVisible()]
        if not wizards:
            QTimer.singleShot(100, cancel)  # not on screen yet
            return
        seen.append(type(wizards[0]))
        wizards[0].reject()  # the person presses Cancel on the first step

    QTimer.singleShot(100, cancel)
    assert main(["run", "--data-dir", str(folder)]) == 1
    assert seen == [FirstRunWizard]
    assert "Run `pos-app run` again to carry on where it stopped." in capsys.readouterr().err
    assert not (folder / "terminal.db").exists() and not (folder / "terminal.toml").exists()
    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_a_store_already_there_needs_no_setting_up(demo_template):
    assert not needs_setting_up(load_settings(demo_template))
