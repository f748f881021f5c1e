"""Where the terminal keeps its files, and the settings an installer may change.

Settings come from ``<data dir>/terminal.toml`` (all optional), then ``POS_APP_*`` environment
variables. The data directory is the OS's per-user data folder unless ``--data-dir`` or
``POS_APP_DATA_DIR`` says otherwise.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields
from pathlib import Path

from platformdirs import user_data_path

APP_NAME = "pos-app"
SETTINGS_FILENAME = "terminal.toml"


def default_data_dir() -> Path:
    override = os.environ.get("POS_APP_DATA_DIR")
    return Path(override) if override else user_data_path(APP_NAME, appauthor=False)


@dataclass(frozen=True)
class HardwareSettings:
    scanner_url: str | None = None  # e.g. socket://127.0.0.1:9200, /dev/ttyACM0, loop://
    printer_url: str | None = None  # e.g. tcp://127.0.0.1:9100, file:///dev/usb/lp0
    payment_url: str | None = None  # e.g. socket://127.0.0.1:10009 or /dev/ttyUSB0
    id_reader_url: str | None = None
    paper_width_mm: int = 80


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    mode: str = "register"  # register, kiosk, receiving
    theme: str = "light"
    hub_url: str | None = None
    hardware: HardwareSettings = field(default_factory=HardwareSettings)

    @property
    def db_path(self) -> Path:
        return self.data_dir / "terminal.db"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"


class SettingsError(Exception):
    pass


def load_settings(data_dir: Path | None = None) -> Settings:
    data_dir = (data_dir or default_data_dir()).expanduser().resolve()
    raw: dict = {}
    path = data_dir / SETTINGS_FILENAME
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(
                f"{path} is not valid TOML ({exc}). Fix or remove the file, then start again."
            ) from None
    hardware_raw = {k: v for k, v in raw.pop("hardware", {}).items() if k in _names(HardwareSettings)}
    for name in _names(HardwareSettings):
        env = os.environ.get(f"POS_APP_{name.upper()}")
        if env:
            hardware_raw[name] = int(env) if name == "paper_width_mm" else env
    top = {k: v for k, v in raw.items() if k in _names(Settings) and k not in ("data_dir", "hardware")}
    for name in ("mode", "theme", "hub_url"):
        env = os.environ.get(f"POS_APP_{name.upper()}")
        if env:
            top[name] = env
    return Settings(data_dir=data_dir, hardware=HardwareSettings(**hardware_raw), **top)


def _names(cls) -> set[str]:
    return {f.name for f in fields(cls)}
