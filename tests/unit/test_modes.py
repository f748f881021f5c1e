"""Only the modes that exist open: the register and the kiosk; `--mode backoffice` is refused with a sentence until
it is built."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.cli import main
from pos_app.modes import MODE_TITLES, mode_refusal

REPO = Path(__file__).resolve().parents[2]


def test_the_register_and_the_kiosk_are_the_modes_so_far():
    assert list(MODE_TITLES) == ["register", "kiosk"]
    assert mode_refusal("register") is None and mode_refusal("kiosk") is None


@pytest.mark.parametrize("mode", ["receiving", "backoffice"])
def test_run_refuses_a_mode_that_is_not_built_before_anything_is_written(mode, tmp_path, capsys):
    folder = tmp_path / "terminal"
    assert main(["run", "--mode", mode, "--data-dir", str(folder)]) == 1
    error = capsys.readouterr().err
    assert f"There is no {mode!r} mode. This terminal has these modes: register, kiosk" in error
    assert "not built yet" in error and "Traceback" not in error and "invalid choice" not in error
    assert not folder.exists(), "a refused start writes nothing"


def test_screenshot_refuses_a_mode_that_is_not_built(tmp_path, capsys):
    assert main(["screenshot", "--mode", "backoffice", "--data-dir", str(tmp_path),
                 "--out", str(tmp_path / "k.png")]) == 1
    assert "There is no 'backoffice' mode" in capsys.readouterr().err
    assert not (tmp_path / "k.png").exists()


def test_a_mode_that_is_not_built_in_the_settings_stops_the_start(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("POS_APP_MODE", "backoffice")
    assert main(["run", "--data-dir", str(tmp_path / "terminal")]) == 1
    error = capsys.readouterr().err
    assert error.startswith("The environment variable POS_APP_MODE is 'backoffice'. There is no 'backoffice' mode.")
    assert not (tmp_path / "terminal" / "terminal.db").exists()


def test_pos_app_run_mode_backoffice_is_refused_as_a_command(tmp_path):
    """The way a person types it: `python -m pos_app.cli` is `pos-app`."""
    env = {**os.environ, "PYTHONPATH": str(REPO), "POS_APP_KEYRING": "file"}
    done = subprocess.run([sys.executable, "-m", "pos_app.cli", "run", "--mode", "backoffice", "--data-dir",
                           str(tmp_path)], capture_output=True, text=True, cwd=REPO, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr.strip() == ("There is no 'backoffice' mode. This terminal has these modes: register, kiosk; "
                                   "the other modes are not built yet. Leave out --mode, or use --mode register.")
