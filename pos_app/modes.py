"""The modes a terminal can open in. This is the one place a mode's name is added, when its screens land.

The register, the self-serve kiosk and the back office exist today. Settings (``mode`` in terminal.toml,
``POS_APP_MODE``) and ``pos-app run --mode`` both check a name here, so a mode that is not built is refused with a
sentence instead of relabelling the register.
"""

from __future__ import annotations

# name -> the title shown in the window's header and title bar
MODE_TITLES = {"register": "Register", "kiosk": "Kiosk", "backoffice": "Back office", "receiving": "Back office"}

# Names that open another mode on one of its screens: `--mode receiving` is the back office's Receiving tab.
MODE_ALIASES = {"receiving": ("backoffice", "receiving")}

DEFAULT_MODE = "register"


def mode_refusal(name: str) -> str | None:
    """None for a mode this terminal has; otherwise the sentence that says so."""
    if name in MODE_TITLES:
        return None
    names = ", ".join(MODE_TITLES)
    return f"There is no {name!r} mode. This terminal has these modes: {names}."


def resolve_mode(name: str) -> tuple[str, str | None]:
    """The window a mode opens and the screen it starts on (None: the window's first)."""
    return MODE_ALIASES.get(name, (name, None))


def is_backoffice(name: str) -> bool:
    return resolve_mode(name)[0] == "backoffice"
