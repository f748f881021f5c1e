"""The back office's tabs, in the order a manager's morning goes: receive, put away, count, adjust, recalls, stock,
and the store's day so far."""

from __future__ import annotations

from pos_app.ui.backoffice.tab import BackOfficeTab
from pos_app.ui.terminal_services import TerminalServices


def build_tabs(terminal: TerminalServices) -> list[BackOfficeTab]:
    from pos_app.ui.backoffice.adjustments_tab import AdjustmentsTab
    from pos_app.ui.backoffice.counts_tab import CountsTab
    from pos_app.ui.backoffice.putaway_tab import PutawayTab
    from pos_app.ui.backoffice.recalls_tab import RecallsTab
    from pos_app.ui.backoffice.receiving_tab import ReceivingTab
    from pos_app.ui.backoffice.reports_tab import ReportsTab
    from pos_app.ui.backoffice.stock_tab import StockTab

    return [ReceivingTab(terminal), PutawayTab(terminal), CountsTab(terminal), AdjustmentsTab(terminal),
            RecallsTab(terminal), StockTab(terminal), ReportsTab(terminal)]
