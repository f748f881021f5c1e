"""Settings: terminal.toml then POS_APP_* variables (which win), typed values, and a plain sentence for a bad one."""

from __future__ import annotations

import os

import pytest

from pos_app.config import HardwareSettings, SettingsError, load_settings


@pytest.fixture(autouse=True)
def no_settings_in_the_environment(monkeypatch):
    for name in list(os.environ):
        if name.startswith("POS_APP_") and name != "POS_APP_KEYRING":
            monkeypatch.delenv(name)


def _toml(folder, text: str):
    (folder / "terminal.toml").write_text(text, encoding="utf-8")
    return folder


def _refusal(folder) -> str:
    with pytest.raises(SettingsError) as refused:
        load_settings(folder)
    message = str(refused.value)
    assert "validation error" not in message.lower() and "pydantic" not in message and "Traceback" not in message
    assert message.endswith("then start again.")
    return message


def test_without_a_file_every_setting_has_its_default(tmp_path):
    settings = load_settings(tmp_path)
    assert (settings.data_dir, settings.mode, settings.theme) == (tmp_path.resolve(), "register", "light")
    assert settings.hardware == HardwareSettings()
    assert settings.db_path == tmp_path.resolve() / "terminal.db"
    assert settings.log_dir == tmp_path.resolve() / "logs"


def test_the_file_sets_typed_values_and_its_hardware_table(tmp_path):
    settings = load_settings(_toml(tmp_path, 'mode = "register"\ntheme = "light"\n[hardware]\n'
                                             'printer_url = "tcp://127.0.0.1:9100"\npaper_width_mm = 58\n'))
    assert (settings.mode, settings.theme) == ("register", "light")
    assert settings.hardware.printer_url == "tcp://127.0.0.1:9100"
    assert settings.hardware.paper_width_mm == 58
    assert settings.hardware.payment_url is None


def test_environment_variables_win_and_keep_their_flat_hardware_names(tmp_path, monkeypatch):
    _toml(tmp_path, 'theme = "no-such-theme"\n[hardware]\nprinter_url = "tcp://from-file:9100"\n'
                    'paper_width_mm = 80\n')
    monkeypatch.setenv("POS_APP_THEME", "light")  # the file's theme would be refused: the environment's wins
    monkeypatch.setenv("POS_APP_PRINTER_URL", "tcp://from-env:9100")
    monkeypatch.setenv("POS_APP_PAPER_WIDTH_MM", "58")
    monkeypatch.setenv("POS_APP_PAYMENT_URL", "socket://127.0.0.1:10009")
    settings = load_settings(tmp_path)
    assert settings.theme == "light"
    assert settings.hardware.printer_url == "tcp://from-env:9100"
    assert settings.hardware.paper_width_mm == 58, "the environment's text becomes a number"
    assert settings.hardware.payment_url == "socket://127.0.0.1:10009"


def test_an_empty_environment_variable_leaves_the_file_value(tmp_path, monkeypatch):
    _toml(tmp_path, '[hardware]\nprinter_url = "tcp://from-file:9100"\n')
    monkeypatch.setenv("POS_APP_PRINTER_URL", "")
    assert load_settings(tmp_path).hardware.printer_url == "tcp://from-file:9100"


def test_a_mode_that_is_not_built_is_refused_naming_the_modes_there_are(tmp_path):
    message = _refusal(_toml(tmp_path, 'mode = "inventory"\n'))
    assert "There is no 'inventory' mode" in message and "these modes: register, kiosk, backoffice" in message
    assert str(tmp_path / "terminal.toml") in message


def test_a_mode_from_the_environment_is_checked_too(tmp_path, monkeypatch):
    monkeypatch.setenv("POS_APP_MODE", "inventory")
    message = _refusal(tmp_path)
    assert "POS_APP_MODE" in message and "There is no 'inventory' mode" in message


def test_a_theme_must_be_a_qss_file_in_resources_themes(tmp_path):
    message = _refusal(_toml(tmp_path, 'theme = "dark"\n'))
    assert "There is no theme 'dark'" in message and "resources/themes" in message and "light" in message


def test_a_bad_value_in_the_file_names_the_setting_its_table_and_the_file(tmp_path):
    message = _refusal(_toml(tmp_path, '[hardware]\npaper_width_mm = "wide"\n'))
    assert "paper_width_mm in the [hardware] table" in message and str(tmp_path / "terminal.toml") in message
    assert "'wide'" in message and "whole number" in message


def test_a_bad_environment_value_names_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("POS_APP_PAPER_WIDTH_MM", "wide")
    message = _refusal(tmp_path)
    assert "The environment variable POS_APP_PAPER_WIDTH_MM is 'wide'" in message and "whole number" in message


def test_a_file_that_is_not_toml_is_refused_with_a_sentence(tmp_path):
    message = _refusal(_toml(tmp_path, 'mode = "register\n[hardware\n'))
    assert "is not valid TOML" in message and "Fix or remove the file" in message


def test_text_where_a_table_belongs_is_refused(tmp_path):
    message = _refusal(_toml(tmp_path, 'hardware = "printer"\n'))
    assert "The setting hardware in" in message and "must be a table" in message


def test_a_setting_the_terminal_does_not_have_is_left_alone(tmp_path):
    # hub_url was never read (pairing keeps the hub's address); an old file that sets it still starts.
    assert load_settings(_toml(tmp_path, 'hub_url = "http://hub.example:8700"\n')).mode == "register"


def test_a_kiosk_is_a_mode_with_idle_times_that_default_to_a_minute_and_a_half(tmp_path):
    settings = load_settings(_toml(tmp_path, 'mode = "kiosk"\n'))
    assert (settings.mode, settings.kiosk_idle_warning_s, settings.kiosk_idle_reset_s) == ("kiosk", 60, 90)
    settings = load_settings(_toml(tmp_path, 'kiosk_idle_warning_s = 30\nkiosk_idle_reset_s = 45\n'))
    assert (settings.kiosk_idle_warning_s, settings.kiosk_idle_reset_s) == (30, 45)


def test_the_kiosk_clears_a_cart_only_after_asking_still_there(tmp_path):
    message = _refusal(_toml(tmp_path, 'kiosk_idle_warning_s = 60\nkiosk_idle_reset_s = 30\n'))
    assert "kiosk_idle_reset_s" in message and "more seconds than kiosk_idle_warning_s (60)" in message
    message = _refusal(_toml(tmp_path, 'kiosk_idle_warning_s = 1\n'))
    assert "kiosk_idle_warning_s" in message and "from 5 to 3600" in message


def test_paying_at_the_kiosk_is_off_unless_the_store_turns_it_on(tmp_path):
    assert load_settings(_toml(tmp_path, 'mode = "kiosk"\n')).kiosk_payment == "off"
    settings = load_settings(_toml(tmp_path, 'kiosk_payment = "card"\nkiosk_staff_code = "2001"\n'))
    assert (settings.kiosk_payment, settings.kiosk_staff_code) == ("card", "2001")


def test_paying_at_the_kiosk_takes_card_or_off_and_names_whose_sales_they_are(tmp_path):
    message = _refusal(_toml(tmp_path, 'kiosk_payment = "cash"\n'))
    assert "kiosk_payment" in message and "'off', 'card'" in message
    message = _refusal(_toml(tmp_path, 'kiosk_payment = "card"\n'))
    assert "kiosk_payment" in message and "needs kiosk_staff_code too" in message


def test_the_customer_display_is_off_until_the_file_or_the_environment_turns_it_on(tmp_path, monkeypatch):
    assert load_settings(tmp_path).customer_display is False
    assert load_settings(_toml(tmp_path, "customer_display = true\n")).customer_display is True
    monkeypatch.setenv("POS_APP_CUSTOMER_DISPLAY", "false")
    assert load_settings(tmp_path).customer_display is False, "the environment wins"


def test_a_customer_display_that_is_neither_true_nor_false_is_a_sentence(tmp_path, monkeypatch):
    message = _refusal(_toml(tmp_path, 'customer_display = "second screen"\n'))
    assert message == (f"The setting customer_display in {tmp_path / 'terminal.toml'} is 'second screen', but it must "
                       "be true or false. Fix it, then start again.")
    monkeypatch.setenv("POS_APP_CUSTOMER_DISPLAY", "sometimes")
    assert _refusal(tmp_path).startswith("The environment variable POS_APP_CUSTOMER_DISPLAY is 'sometimes', but it "
                                         "must be true or false.")
