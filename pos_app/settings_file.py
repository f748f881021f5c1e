"""Writing the settings an installer chose back into ``<data dir>/terminal.toml``.

The file stays the installer's: tomlkit keeps its comments, its order and every setting this does not change. The
new text is checked as settings before it replaces the old file in one rename, so a bad value or a crash part-way
never leaves a half-written file.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from pathlib import Path
from typing import Any

import tomlkit
from pydantic import ValidationError

from pos_app.config import SETTINGS_FILENAME, HardwareSettings, Settings, SettingsError

HARDWARE_TABLE = "hardware"


def save_settings(data_dir: Path, values: dict[str, Any] | None = None,
                  hardware: dict[str, Any] | None = None) -> Path:
    """Set ``values`` (top-level settings) and ``hardware`` (the [hardware] table) in terminal.toml; a value of
    None removes that setting, so the default applies again. Returns the file's path."""
    path = data_dir / SETTINGS_FILENAME
    document = tomlkit.parse(path.read_text(encoding="utf-8")) if path.exists() else tomlkit.document()
    _apply(document, values or {})
    if hardware:
        unknown = set(hardware) - set(HardwareSettings.model_fields)
        if unknown:
            raise ValueError(f"Unknown hardware settings: {', '.join(sorted(unknown))}")
        table = document.get(HARDWARE_TABLE)
        if table is None:
            table = tomlkit.table()
            document[HARDWARE_TABLE] = table
        _apply(table, hardware)
    text = tomlkit.dumps(document)
    _check(text, path)
    data_dir.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".terminal-", suffix=".toml", dir=data_dir)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _apply(table, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if value is None:
            table.pop(name, None)
        else:
            table[name] = value


def _check(text: str, path: Path) -> None:
    """Refuse text that would stop the terminal from starting (the same checks as load_settings)."""
    try:
        Settings(data_dir=path.parent, **tomllib.loads(text))
    except ValidationError as error:
        problem = error.errors()[0]
        why = str(problem.get("ctx", {}).get("error") or problem["msg"]).rstrip(".")
        raise SettingsError(f"{'.'.join(map(str, problem['loc']))} cannot be {problem['input']!r}: {why}. "
                            f"{path} was left as it was.") from None
