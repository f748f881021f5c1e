"""The app's version, from the installed package's metadata (pyproject.toml), so it is written in one place; the
bundle built from build.spec carries that metadata too."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

DISTRIBUTION = "pos-app"


def app_version() -> str:
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"
