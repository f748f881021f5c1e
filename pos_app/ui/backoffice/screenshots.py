"""The back office's screens for ``pos-app screenshot --mode backoffice``, each reached the way a manager gets
there: sign in, open the tab, scan or type."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from hardware.scanners.framing import typed_scan_event
from pos_app.domain.counts import CountScope
from pos_app.domain.staff import Role
from pos_app.services.staff import first_staff_with_role
from pos_app.ui.backoffice.window import BackOfficeWindow
from pos_app.ui.common.grab import grab_with_dialogs, settle
from sync.mutations.reasons import AdjustmentReason


def signed_in(window: BackOfficeWindow, terminal) -> None:
    window.login.signed_in.emit(first_staff_with_role(terminal.session_factory, Role.MANAGER))


def _stock(window: BackOfficeWindow, terminal) -> list[QWidget]:
    signed_in(window, terminal)
    window.open_tab("stock")
    code = terminal.catalog.in_stock_codes(1, ("dried_flower",))[0]
    window.handle_scan(typed_scan_event(code))
    return []


def _count(window: BackOfficeWindow, terminal, *, submit: bool = False) -> list[QWidget]:
    """A shelf being counted blind: most lines counted, one short; `submit` shows the variance."""
    signed_in(window, terminal)
    tab = window.open_tab("counts")
    counts = terminal.backoffice.counts
    if counts.open_count() is not None:  # left by an earlier screenshot of the same demo store
        counts.cancel(tab.staff)
    tab.start(CountScope.LOCATION, counts.locations()[0])
    sheet = counts.open_count()
    for index, line in enumerate(sheet.lines[:-1]):
        counts.set_count(line.sku, line.batch_lot, max(line.expected_at_start - (index == 1), 0))
    if submit:
        tab.submit()
    else:
        tab._refresh(select=(sheet.lines[-1].sku, sheet.lines[-1].batch_lot))
        tab.quantity_field.setText("4")
    return []


def _adjust(window: BackOfficeWindow, terminal) -> list[QWidget]:
    signed_in(window, terminal)
    tab = window.open_tab("adjustments")
    tab.product_field.setText(terminal.catalog.in_stock_codes(1, ("dried_flower",))[0])
    tab.find_product()
    tab.quantity_field.setText("-2")
    tab.reason_buttons[AdjustmentReason.DAMAGED].setChecked(True)
    tab.note_field.setText("Jar cracked on delivery; product spilled")
    return []


def _receiving_list(window: BackOfficeWindow, terminal) -> list[QWidget]:
    signed_in(window, terminal)
    window.open_tab("receiving")
    return []


def _receiving(window: BackOfficeWindow, terminal) -> list[QWidget]:
    """An ASN open, a few cases scanned: one line complete from a case label with its lot and expiry."""
    _receiving_list(window, terminal)
    tab = window.tab("receiving")
    tab.open_selected()
    for line in tab.draft.lines:  # a draft left by an earlier render of this store starts again
        if line.quantity:
            terminal.backoffice.receiving.clear(line.line_id)
    lines = tab.draft.lines
    first = lines[0]
    for _ in range(max(first.expected // max(first.case_quantity, 1), 1)):
        window.handle_scan(typed_scan_event(
            f"(01){first.case_gtin}(17)271031(37){first.case_quantity}(10){first.asn_lot}"))
    window.handle_scan(typed_scan_event(lines[1].each_gtin))
    window.handle_scan(typed_scan_event(f"(01){lines[2].case_gtin}(17)270930(37)2(10)LOT-NEW7"))
    return []


def _discrepancy(window: BackOfficeWindow, terminal) -> list[QWidget]:
    """An item that was not ordered scanned into the delivery, and the question before it is received."""
    _receiving(window, terminal)
    tab = window.tab("receiving")
    on_order = {line.sku for line in tab.draft.lines}
    code = next(code for code in terminal.catalog.in_stock_codes(40, ("dried_flower",))
                if tab.draft.line_for(code) is None and code not in on_order)
    window.handle_scan(typed_scan_event(code))
    tab.decide(receive=True)
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
    "receiving-list": _receiving_list,
    "receiving": _receiving,
    "discrepancy": _discrepancy,
    "putaway": _putaway,
    "count": _count,
    "variance": lambda window, terminal: _count(window, terminal, submit=True),
    "adjust": _adjust,
    "recalls": _recalls,
    "stock": _stock,
}


def backoffice_states() -> tuple[str, ...]:
    return tuple(STAGES)


def render_backoffice(terminal, *, state: str, size: tuple[int, int], out: Path,
                      save: Callable[[object, Path], None]) -> None:
    from pos_app.ui.app import qt_application
    from pos_app.ui.device_events import DeviceEvents

    if state not in STAGES:
        raise ValueError(f"Unknown back-office state {state!r}; choose one of: {', '.join(STAGES)}.")
    app = qt_application(terminal.settings.theme)
    window = BackOfficeWindow(terminal, devices=DeviceEvents())
    try:
        window.resize(*size)
        window.show()
        app.processEvents()
        dialogs = STAGES[state](window, terminal)
        settle()
        save(grab_with_dialogs(window, dialogs), out)
        for dialog in reversed(dialogs):
            dialog.done(0)
    finally:
        window.close()
