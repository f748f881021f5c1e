"""Rendering screens to PNG offscreen, for the README and for looking at a screen without a display."""

from __future__ import annotations

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


if __name__ == "__main__":
    print("Use 'pos-app screenshot --out PATH' to render a screen.", file=sys.stderr)
