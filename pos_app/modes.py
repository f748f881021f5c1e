"""The modes a terminal can open in. This is the one place a mode's name is added, when its screens land.

The register and the self-serve kiosk exist today. Settings (``mode`` in terminal.toml, ``POS_APP_MODE``) and
``pos-app run --mode`` both check a name here, so a mode that is not built is refused with a sentence instead of
relabelling the register.
"""

from __future__ import annotations

# name -> the title shown in the window's header and title bar
MODE_TITLES = {"register": "Register", "kiosk": "Kiosk"}

DEFAULT_MODE = "register"


def mode_refusal(name: str) -> str | None:
    """None for a mode this terminal has; otherwise the sentence that says so."""
    if name in MODE_TITLES:
        return None
    names = ", ".join(MODE_TITLES)
    have = f"has only the {names} mode" if len(MODE_TITLES) == 1 else f"has these modes: {names}"
    return f"There is no {name!r} mode. This terminal {have}; the other modes are not built yet."
