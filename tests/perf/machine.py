"""A short note on the machine a run measured: cores, CPU, versions, load."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys

from tests.perf.pg import admin_connection


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _postgres_version() -> str:
    try:
        with admin_connection() as conn:
            return conn.execute("SHOW server_version").fetchone()[0]
    except Exception as error:  # a note, not a failure: the hub groups report their own errors
        return f"not reachable ({type(error).__name__})"


def _pyside_version() -> str:
    try:
        import PySide6

        return PySide6.__version__
    except ImportError:
        return "not installed"


def machine_note() -> dict[str, str]:
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "unknown"
    return {
        "cores": str(os.cpu_count()),
        "CPU": _cpu_model(),
        "Python": sys.version.split()[0],
        "SQLite": sqlite3.sqlite_version,
        "PostgreSQL": _postgres_version(),
        "PySide6": _pyside_version(),
        "load average at start (1, 5, 15 min)": load,
    }
