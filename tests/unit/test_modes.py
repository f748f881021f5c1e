"""Only the modes that exist open: the register, the kiosk and the back office (`receiving` opens the back office on
its Receiving tab); any other name is refused with a sentence before anything is written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.modes import MODE_TITLES, mode_refusal, resolve_mode

REPO = Path(__file__).resolve().parents[2]


MODES = "register, kiosk, backoffice, receiving"


def test_the_modes_there_are():
    assert list(MODE_TITLES) == ["register", "kiosk", "backoffice", "receiving"]
    assert all(mode_refusal(mode) is None for mode in MODE_TITLES)
    assert resolve_mode("receiving") == ("backoffice", "receiving")
    assert resolve_mode("kiosk") == ("kiosk", None)


@pytest.mark.parametrize("mode", ["inventory", "Register"])
def test_run_refuses_a_mode_that_is_not_built_before_anything_is_written(mode, tmp_path, capsys):
    folder = tmp_path / "terminal"
    assert main(["run", "--mode", mode, "--data-dir", str(folder)]) == 1
    error = capsys.readouterr().err
    assert f"There is no {mode!r} mode. This terminal has these modes: {MODES}." in error
    assert "Traceback" not in error and "invalid choice" not in error
    assert not folder.exists(), "a refused start writes nothing"


def test_screenshot_refuses_a_mode_that_is_not_built(tmp_path, capsys):
    assert main(["screenshot", "--mode", "inventory", "--data-dir", str(tmp_path),
                 "--out", str(tmp_path / "k.png")]) == 1
    assert "There is no 'inventory' mode" in capsys.readouterr().err
    assert not (tmp_path / "k.png").exists()


def test_a_mode_that_is_not_built_in_the_settings_stops_the_start(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("POS_APP_MODE", "inventory")
    assert main(["run", "--data-dir", str(tmp_path / "terminal")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("The environment variable POS_APP_MODE is 'inventory'. There is no 'inventory' mode.")
    assert not (tmp_path / "terminal" / "terminal.db").exists()


def test_pos_app_run_with_an_unknown_mode_is_refused_as_a_command(tmp_path):
    """The way a person types it: `python -m pos_app.cli` is `pos-app`."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "POS_APP_KEYRING": "file"}
    done = subprocess.run([sys.executable, "-m", "pos_app.cli", "run", "--mode", "inventory", "--data-dir",
                           str(tmp_path)], capture_output=True, text=True, cwd=REPO, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip() == (f"There is no 'inventory' mode. This terminal has these modes: {MODES}. "
                                   "Leave out --mode, or use --mode register.")
