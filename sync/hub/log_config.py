"""The hub's logging, handed to uvicorn (and so to each worker): JSON lines (`sync.logs`) on stderr, and in a file
when one is given, for the hub's own records and uvicorn's alike."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def log_config(level: str = "info", log_file: Path | None = None) -> dict[str, Any]:
    handlers: dict[str, Any] = {"stderr": {"class": "logging.StreamHandler", "formatter": "json",
                                           "stream": "ext://sys.stderr"}}
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handlers["file"] = {"class": "logging.handlers.RotatingFileHandler", "formatter": "json",
                            "filename": str(log_file), "maxBytes": 20_000_000, "backupCount": 10,
                            "encoding": "utf-8"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "sync.logs.json_formatter", "service": "pos-hub"}},
        "handlers": handlers,
        "root": {"handlers": list(handlers), "level": level.upper()},
        # uvicorn's loggers go up to the root's handlers instead of their own plain-text ones.
        "loggers": {name: {"handlers": [], "propagate": True} for name in ("uvicorn", "uvicorn.error",
                                                                           "uvicorn.access")},
    }
