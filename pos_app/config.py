"""Where the terminal keeps its files, and the settings an installer may change.

Settings come from ``<data dir>/terminal.toml`` (all optional), then ``POS_APP_*`` environment variables, which win.
Hardware settings sit in the file's ``[hardware]`` table but keep their flat names in the environment
(``POS_APP_PRINTER_URL``, ``POS_APP_PAPER_WIDTH_MM``). The data directory is the OS's per-user data folder unless
``--data-dir`` or ``POS_APP_DATA_DIR`` says otherwise. A bad value stops the start with a ``SettingsError``: one
sentence saying which setting, where it came from, and what it may be.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any

from platformdirs import user_data_path
from pydantic import BaseModel, ConfigDict, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict, TomlConfigSettingsSource

from pos_app.i18n import DEFAULT_LANGUAGE, language_refusal, receipt_language_refusal
from pos_app.modes import DEFAULT_MODE, mode_refusal

APP_NAME = "pos-app"
SETTINGS_FILENAME = "terminal.toml"
ENV_PREFIX = "POS_APP_"
KIOSK_PAYMENTS = ("off", "card")
THEMES_DIR = Path(__file__).resolve().parents[1] / "resources" / "themes"


class SettingsError(Exception):
    pass


def default_data_dir() -> Path:
    override = os.environ.get("POS_APP_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


def themes() -> list[str]:
    return sorted(path.stem for path in THEMES_DIR.glob("*.qss"))


class HardwareSettings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    scanner_url: str | None = None  # e.g. socket://127.0.0.1:9200, /dev/ttyACM0, loop://
    printer_url: str | None = None  # e.g. tcp://127.0.0.1:9100, file:///dev/usb/lp0
    payment_url: str | None = None  # e.g. socket://127.0.0.1:10009 or /dev/ttyUSB0
    id_reader_url: str | None = None
    paper_width_mm: int = 80


# Settings that take one of a few names; each function says why a name is refused (None: it is known).
_CHOICES = {"mode": mode_refusal, "language": language_refusal, "receipt_language": receipt_language_refusal}


class Settings(BaseSettings):
    """The terminal's settings for one data folder: ``Settings(data_dir=...)`` reads its terminal.toml and env."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, env_ignore_empty=True, extra="ignore", frozen=True)

    data_dir: Path
    mode: str = DEFAULT_MODE  # see pos_app.modes
    theme: str = "light"  # a QSS file in resources/themes
    language: str = DEFAULT_LANGUAGE  # "en" or "fr": the screens, messages and receipts (see pos_app.i18n)
    # What receipts, slips and reports print in: "store" (French in Quebec, else `language`), "en", "fr" or
    # "bilingual" (both, French first in Quebec). See pos_app.services.receipt_words.
    receipt_language: str = "store"
    hardware: HardwareSettings = HardwareSettings()
    # A kiosk left alone asks "Still there?" after the first, and clears its cart for the next customer after
    # the second (seconds since the last touch).
    kiosk_idle_warning_s: int = 60
    kiosk_idle_reset_s: int = 90
    # Paying at the kiosk: "off" (the kiosk sends every cart to the counter) or "card" (after an ID scan, the
    # customer may pay by card at the kiosk). Every order names a staff member, and nobody serves at a kiosk, so
    # its sales are recorded under kiosk_staff_code: the store's own staff account for the kiosk if it made one,
    # or else the manager responsible for this kiosk. It comes before kiosk_payment, which checks it is set.
    kiosk_staff_code: str | None = None
    kiosk_payment: str = "off"
    # A register with a screen facing the customer: a second window follows the sale (pos_app.ui.customer_display).
    customer_display: bool = False

    @property
    def db_path(self) -> Path:
        return self.data_dir / "terminal.db"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @field_validator(*_CHOICES)
    @classmethod
    def _known_choice(cls, value: str, info: ValidationInfo) -> str:
        refusal = _CHOICES[info.field_name](value)
        if refusal:
            raise ValueError(refusal)
        return value

    @field_validator("theme")
    @classmethod
    def _known_theme(cls, theme: str) -> str:
        if theme not in themes():
            raise ValueError(f"There is no theme {theme!r}. The themes are the QSS files in {THEMES_DIR}: "
                             f"{', '.join(themes())}.")
        return theme

    @field_validator("kiosk_idle_warning_s")
    @classmethod
    def _idle_warning(cls, seconds: int) -> int:
        if not 5 <= seconds <= 3600:
            raise ValueError("It must be a number of seconds from 5 to 3600.")
        return seconds

    @field_validator("kiosk_idle_reset_s")
    @classmethod
    def _idle_reset(cls, seconds: int, info: ValidationInfo) -> int:
        warning = info.data.get("kiosk_idle_warning_s")
        if warning is not None and not warning < seconds <= 7200:
            raise ValueError(f"It must be more seconds than kiosk_idle_warning_s ({warning}), and at most 7200, "
                             "so the customer is asked \"Still there?\" before the cart is cleared.")
        return seconds

    @field_validator("kiosk_payment")
    @classmethod
    def _kiosk_payment(cls, payment: str, info: ValidationInfo) -> str:
        if payment not in KIOSK_PAYMENTS:
            raise ValueError(f"It must be one of {', '.join(map(repr, KIOSK_PAYMENTS))}: \"off\" sends every "
                             "kiosk cart to the counter, \"card\" lets customers pay by card at the kiosk.")
        if payment == "card" and not (info.data.get("kiosk_staff_code") or "").strip():
            raise ValueError("Paying at the kiosk needs kiosk_staff_code too: the staff code the kiosk's sales are "
                             "recorded under (the store's staff account for the kiosk, or the manager responsible "
                             "for it).")
        return payment

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, env_settings, dotenv_settings,
                                   file_secret_settings) -> tuple[PydanticBaseSettingsSource, ...]:
        # Earlier sources win: what the program passes, then the environment, then the data folder's file.
        sources = [init_settings, env_settings, _FlatHardwareEnv(settings_cls)]
        data_dir = init_settings.init_kwargs.get("data_dir")
        if data_dir is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=Path(data_dir) / SETTINGS_FILENAME))
        return tuple(sources)


class _FlatHardwareEnv(PydanticBaseSettingsSource):
    """``POS_APP_PRINTER_URL`` and friends fill the ``[hardware]`` table, as they always have."""

    def get_field_value(self, field, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False  # everything is read at once in __call__

    def __call__(self) -> dict[str, Any]:
        found = {name: value for name in HardwareSettings.model_fields
                 if (value := os.environ.get(env_name(name)))}
        return {"hardware": found} if found else {}


def env_name(field: str) -> str:
    return ENV_PREFIX + field.upper()


def load_settings(data_dir: Path | None = None) -> Settings:
    data_dir = (data_dir or default_data_dir()).expanduser().resolve()
    path = data_dir / SETTINGS_FILENAME
    try:
        return Settings(data_dir=data_dir)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise SettingsError(f"{path} is not valid TOML ({error}). Fix or remove the file, then start again.") from None
    except ValidationError as error:
        raise SettingsError(" ".join(_explain(problem, path) for problem in error.errors())
                            + " Fix it, then start again.") from None


_EXPECTED = {
    "int_parsing": "a whole number", "int_type": "a whole number", "int_from_float": "a whole number",
    "string_type": "text in quotes", "dict_type": "a table", "model_type": "a table",
    "bool_parsing": "true or false", "bool_type": "true or false",
}


def _explain(problem: dict[str, Any], path: Path) -> str:
    """One sentence for one bad setting, naming where its value came from."""
    loc = [str(part) for part in problem["loc"]]
    name = loc[-1] if loc else "?"
    if os.environ.get(env_name(name)):
        where = f"The environment variable {env_name(name)}"
    else:
        table = f" in the [{loc[0]}] table" if len(loc) > 1 else ""
        where = f"The setting {name}{table} in {path}"
    if problem["type"] == "value_error":
        return f"{where} is {problem['input']!r}. {problem['ctx']['error']}"
    expected = _EXPECTED.get(problem["type"])
    if expected:
        return f"{where} is {problem['input']!r}, but it must be {expected}."
    return f"{where} is {problem['input']!r}: {problem['msg']}."
