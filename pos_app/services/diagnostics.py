"""`pos-app diagnostics bundle`: one zip for support with what they ask for first, and no secret.

It holds the terminal's logs (every line masked again, in case an older line predates the JSON logs), its
settings (which hold no secret: those live in the keyring), its sync status, the database's schema revision and
the versions of the program and its main libraries. The keyring's contents and the database itself stay behind.
"""

from __future__ import annotations

import json
import platform
import sys
import zipfile
from collections.abc import Iterable
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from pos_app.config import Settings
from pos_app.version import app_version
from sync.logs import mask_secrets

LIBRARIES = ("PySide6_Essentials", "SQLAlchemy", "alembic", "pydantic", "httpx", "pyserial", "python-escpos", "biip",
             "keyring", "structlog", "fastapi", "uvicorn")


def versions(schema_revision: str | None) -> dict[str, str | None]:
    found: dict[str, str | None] = {"pos-app": app_version(), "python": sys.version.split()[0],
                                    "platform": platform.platform(), "database schema": schema_revision}
    for library in LIBRARIES:
        try:
            found[library] = version(library)
        except PackageNotFoundError:
            found[library] = None
    return found


def write_bundle(out: Path, settings: Settings, *, status_lines: Iterable[str], schema_revision: str | None) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for log in sorted(settings.log_dir.glob("pos-app.log*")):
            with log.open(encoding="utf-8", errors="replace") as lines:
                bundle.writestr(f"logs/{log.name}", "".join(mask_secrets(line) for line in lines))
        bundle.writestr("settings.json", json.dumps(settings.model_dump(mode="json"), indent=2, default=str))
        bundle.writestr("sync-status.txt", "\n".join(status_lines) + "\n")
        bundle.writestr("versions.json", json.dumps(versions(schema_revision), indent=2))
        bundle.writestr("README.txt", f"Diagnostics of the terminal in {settings.data_dir}, made "
                                      f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC. No PIN, token, card or ID number is "
                                      "in it.\n")
    return out
