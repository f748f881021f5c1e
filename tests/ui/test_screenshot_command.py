"""``pos-app screenshot`` renders the register from demo data to a real PNG."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QImage

from pos_app.cli import main
from pos_app.ui.screenshots import STATES


def test_screenshot_writes_a_png_of_the_requested_size(terminal, tmp_path, capsys):
    out = tmp_path / "shots" / "register.png"
    terminal.close()  # the command opens the terminal itself
    status = main(["screenshot", "--mode", "register", "--data-dir", str(terminal.settings.data_dir),
                   "--size", "1024x768", "--out", str(out)])
    assert status == 0, capsys.readouterr().err
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 768)


def test_demo_data_refuses_a_folder_that_already_has_a_store(terminal, capsys):
    terminal.close()
    status = main(["demo-data", "--products", "50", "--data-dir", str(terminal.settings.data_dir)])
    assert status == 1
    assert "already holds a store" in capsys.readouterr().err


def test_demo_data_prints_pins_and_is_the_same_for_the_same_seed(tmp_path, capsys):
    outputs = []
    for name in ("a", "b"):
        assert main(["demo-data", "--products", "80", "--seed", "3", "--data-dir", str(tmp_path / name)]) == 0
        outputs.append(capsys.readouterr().out.replace(str(tmp_path / name), "<dir>"))
    assert outputs[0] == outputs[1]
    assert "cashier" in outputs[0] and "manager" in outputs[0] and "admin" in outputs[0]


@pytest.mark.parametrize("state", STATES)
def test_every_register_state_renders(terminal, tmp_path, capsys, state):
    out = tmp_path / f"{state}.png"
    terminal.close()
    status = main(["screenshot", "--state", state, "--data-dir", str(terminal.settings.data_dir),
                   "--size", "1024x768", "--out", str(out)])
    assert status == 0, capsys.readouterr().err
    assert QImage(str(out)).width() == 1024


def test_an_unknown_state_is_a_sentence(terminal, tmp_path, capsys):
    terminal.close()
    status = main(["screenshot", "--state", "lunch", "--data-dir", str(terminal.settings.data_dir),
                   "--out", str(tmp_path / "x.png")])
    assert status == 1 and "choose one of" in capsys.readouterr().err
