"""The back office's screens for ``pos-app screenshot --mode backoffice``, each reached the way a manager gets
there: sign in, open the tab, scan or type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from hardware.scanners.framing import typed_scan_event
from pos_app.domain.staff import Role
from pos_app.services.staff import first_staff_with_role
from pos_app.ui.backoffice.window import BackOfficeWindow


def signed_in(window: BackOfficeWindow, terminal) -> None:
    window.login.signed_in.emit(first_staff_with_role(terminal.session_factory, Role.MANAGER))


def _stock(window: BackOfficeWindow, terminal) -> list[QWidget]:
    signed_in(window, terminal)
    window.open_tab("stock")
    code = terminal.catalog.in_stock_codes(1, ("dried_flower",))[0]
    window.handle_scan(typed_scan_event(code))
    return []


def _putaway(window: BackOfficeWindow, terminal) -> list[QWidget]:
    signed_in(window, terminal)
    window.open_tab("putaway")
    flower, pre_roll = terminal.catalog.in_stock_codes(2, ("dried_flower",))
    for code in ("LOC:VAULT-01-01-A", flower, flower, flower, pre_roll, "LOC:BACK-02-03-B", pre_roll):
        window.handle_scan(typed_scan_event(code))
    return []


def _recalls(window: BackOfficeWindow, terminal) -> list[QWidget]:
    signed_in(window, terminal)
    tab = window.open_tab("recalls")
    tab.table.selectRow(0)
    return []


# state -> what brings the window there; returns the dialogs to draw over it, bottom first
STAGES: dict[str, Callable[[BackOfficeWindow, object], list[QWidget]]] = {
    "sign-in": lambda window, terminal: [],
    "putaway": _putaway,
    "recalls": _recalls,
    "stock": _stock,
}


def backoffice_states() -> tuple[str, ...]:
    return tuple(STAGES)


def render_backoffice(terminal, *, state: str, size: tuple[int, int], out: Path,
                      save: Callable[[object, Path], None]) -> None:
    from pos_app.ui.app import qt_application
    from pos_app.ui.device_events import DeviceEvents
    from pos_app.ui.tasks import wait_for_background_work

    if state not in STAGES:
        raise ValueError(f"Unknown back-office state {state!r}; choose one of: {', '.join(STAGES)}.")
    app = qt_application(terminal.settings.theme)
    window = BackOfficeWindow(terminal, devices=DeviceEvents())
    try:
        window.resize(*size)
        window.show()
        app.processEvents()
        dialogs = STAGES[state](window, terminal)
        wait_for_background_work()
        for _ in range(3):
            app.processEvents()
        image = window.grab()
        painter = QPainter(image)
        for dialog in dialogs:
            dialog.adjustSize()
            picture = dialog.grab()
            painter.drawPixmap(QPoint((image.width() - picture.width()) // 2,
                                      max((image.height() - picture.height()) // 2, 0)), picture)
        painter.end()
        save(image, out)
        for dialog in reversed(dialogs):
            dialog.done(0)
    finally:
        window.close()
