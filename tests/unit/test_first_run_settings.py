"""What the first-run wizard writes and checks without a hub: terminal.toml kept the installer's, the hub's address,
and the time left of the first sync."""

from __future__ import annotations

import pytest

from pos_app.config import SettingsError, load_settings
from pos_app.services.first_run import SetupFailed, SetupProblem, clean_hub_url
from pos_app.settings_file import save_settings
from pos_app.ui.wizard.sync_pages import seconds_left


def test_saving_keeps_the_installers_comments_and_other_settings(tmp_path):
    path = tmp_path / "terminal.toml"
    path.write_text('# set by the installer\ntheme = "kiosk"\n\n[hardware]\n# the drawer printer\n'
                    'printer_url = "tcp://10.0.0.5:9100"\n', encoding="utf-8")
    save_settings(tmp_path, {"language": "fr", "mode": "kiosk"},
                  hardware={"scanner_url": "/dev/ttyACM0", "printer_url": None, "paper_width_mm": 58})
    text = path.read_text(encoding="utf-8")
    assert "# set by the installer" in text and "# the drawer printer" in text
    settings = load_settings(tmp_path)
    assert (settings.language, settings.mode, settings.theme) == ("fr", "kiosk", "kiosk")
    assert settings.hardware.scanner_url == "/dev/ttyACM0" and settings.hardware.printer_url is None
    assert settings.hardware.paper_width_mm == 58


def test_a_value_the_terminal_would_refuse_leaves_the_file_as_it_was(tmp_path):
    path = tmp_path / "terminal.toml"
    path.write_text('language = "en"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="was left as it was"):
        save_settings(tmp_path, {"mode": "inventory"})
    assert path.read_text(encoding="utf-8") == 'language = "en"\n'
    assert [p.name for p in tmp_path.iterdir()] == ["terminal.toml"], "no temporary file is left behind"


@pytest.mark.parametrize(("typed", "url"), [
    ("http://192.168.1.10:8700/", "http://192.168.1.10:8700"),
    ("  hub.store.local:8700 ", "http://hub.store.local:8700"),
    ("https://hub.example.ca", "https://hub.example.ca"),
])
def test_a_hub_address_is_cleaned(typed, url):
    assert clean_hub_url(typed) == url


@pytest.mark.parametrize("typed", ["", "hub at the back", "ftp://192.168.1.10", "http://:8700", "http://h:99999"])
def test_what_is_not_a_hub_address_is_refused(typed):
    with pytest.raises(SetupFailed) as refused:
        clean_hub_url(typed)
    assert refused.value.problem is SetupProblem.HUB_URL_INVALID


def test_the_time_left_goes_by_the_pace_so_far():
    assert seconds_left(0, 5400, 3.0) is None  # no pace yet
    assert seconds_left(1200, 5400, 12.0) == pytest.approx(42.0)
    assert seconds_left(5400, 5400, 50.0) == 0.0
