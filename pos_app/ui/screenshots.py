"""Rendering screens to PNG offscreen, for the README and for looking at a screen without a display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from pos_app.domain.staff import Role
from pos_app.services.catalog_queries import CatalogQueries
from pos_app.services.staff import first_staff_with_role
from pos_app.ui.app import qt_application
from pos_app.ui.main_window import MainWindow

STATES = ("idle", "cart")


def _demo_codes(terminal, count: int = 4) -> list[str]:
    # A few in-stock products, scanned the way a cashier would: by their each GTIN.
    forms = ("dried_flower", "edible", "beverage", "pre_roll")
    return CatalogQueries(terminal.session_factory).in_stock_codes(count, forms)


def render_screen(terminal, *, mode: str, state: str, size: tuple[int, int], out: Path) -> None:
    if state not in STATES:
        raise ValueError(f"Unknown state {state!r}; choose one of: {', '.join(STATES)}.")
    app = qt_application(terminal.settings.theme)
    staff = first_staff_with_role(terminal.session_factory, Role.CASHIER)
    window = MainWindow(terminal.context, terminal.sales, terminal.status, mode=mode, staff=staff)
    window.resize(*size)
    window.show()
    if state == "cart":
        for code in _demo_codes(terminal):
            window.sale_panel.handle_scan(code)
    app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"Could not write {out}. Check that the folder is writable.")
    window.close()


def regenerate_readme_images(out_dir: Path) -> None:
    """``make screenshots``: render the README's images from a fresh demo store in a temporary folder."""
    import tempfile

    from pos_app.bootstrap import open_terminal
    from pos_app.config import load_settings
    from pos_app.services.demo_data import install_demo_data

    os.environ.setdefault("POS_APP_KEYRING", "file")  # a throwaway store must not leave secrets in the keyring
    with tempfile.TemporaryDirectory() as folder:
        terminal = open_terminal(load_settings(Path(folder)), log_to_file=False)
        install_demo_data(terminal.session_factory, terminal.pin_pepper, products=500)
        for state in STATES:
            out = out_dir / f"register-{state}.png"
            render_screen(terminal, mode="register", state=state, size=(1024, 768), out=out)
            print(f"Wrote {out}")
        terminal.close()


if __name__ == "__main__":
    regenerate_readme_images(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"))
