"""Logs go to ``<data dir>/logs/pos-app.log``, rotated, one JSON object per line (``sync.logs``, the hub's format
too); never card numbers, ID numbers, PINs or tokens."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from sync.logs import json_formatter


def configure_logging(log_dir: Path, *, verbose: bool = False) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    if any(getattr(h, "_pos_app", False) for h in root.handlers):
        return
    handler = RotatingFileHandler(log_dir / "pos-app.log", maxBytes=5_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(json_formatter("pos-app"))
    handler._pos_app = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    # httpx logs every request at INFO; a syncing terminal would fill its log with them.
    logging.getLogger("httpx").setLevel(logging.DEBUG if verbose else logging.WARNING)
