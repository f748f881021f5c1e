"""A terminal set to kiosk opens the kiosk window (never the register), and every kiosk state renders."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from pos_app.cli import main
from pos_app.ui.app import theme_for, window_for
from pos_app.ui.kiosk.screenshots import KIOSK_STATES
from pos_app.ui.kiosk.window import KioskWindow
from pos_app.ui.main_window import MainWindow
from pos_app.ui.screenshots import render_screen


def test_the_kiosk_mode_opens_the_kiosk_window_in_its_own_theme(qtbot, terminal):
    window = window_for(terminal, "kiosk", idle_warning_s=30, idle_reset_s=45)
    try:
        assert isinstance(window, KioskWindow) and not isinstance(window, MainWindow)
        assert (window.idle.warning_s, window.idle.reset_s) == (30, 45)
        assert theme_for("kiosk", "light") == "kiosk" and theme_for("register", "light") == "light"
    finally:
        window.release()


def test_pos_app_screenshot_renders_the_kiosk(terminal, tmp_path, capsys):
    out = tmp_path / "kiosk.png"
    terminal.close()
    status = main(["screenshot", "--mode", "kiosk", "--state", "browse", "--size", "1080x1920",
                   "--data-dir", str(terminal.settings.data_dir), "--out", str(out)])
    assert status == 0, capsys.readouterr().err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1080, 1920)


@pytest.mark.parametrize("state", KIOSK_STATES)
def test_every_kiosk_state_renders(terminal, tickets, tmp_path, state):
    out = tmp_path / f"{state}.png"
    render_screen(terminal, mode="kiosk", state=state, size=(1280, 800), out=out)
    assert QImage(str(out)).width() == 1280


def test_an_unknown_kiosk_state_is_a_sentence(terminal, tmp_path, capsys):
    terminal.close()
    status = main(["screenshot", "--mode", "kiosk", "--state", "lunch", "--data-dir",
                   str(terminal.settings.data_dir), "--out", str(tmp_path / "x.png")])
    assert status == 1 and "choose one of: attract, age-gate" in capsys.readouterr().err
