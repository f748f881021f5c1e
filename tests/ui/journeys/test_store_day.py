"""The back office's Reports tab: the store's day as the real hub (PostgreSQL, under uvicorn) has it, with the sales
of another register in it; kept in the replica, so with the hub out of reach the tab still shows the last figures
and says it could not ask."""

from __future__ import annotations

from pos_app.domain.money import Money
from tests.ui.backoffice.manager_driver import Manager

HUB_WITHIN_MS = 15_000


def test_the_stores_day_reaches_the_back_office_and_stays_there_offline(qtbot, hub, proxy, make_till, hub_pins):
    register, office = make_till(hub.url), make_till(proxy.url)
    (office.folder / "pins.txt").write_text("\n".join(f"{code}:{pin}" for code, pin in hub_pins.items()))
    day = office.terminal.store_clock.today()
    before = office.sync.store_summary(day)  # what other tests of the session sold today
    (first, _), (second, _) = register.products(2)
    sold = [register.sell(first), register.sell(second, 2)]
    register.sync.sync_once()

    manager = Manager(qtbot, office.terminal)
    manager.sign_in("2001")
    tab = manager.window.open_tab("reports")
    qtbot.waitUntil(lambda: tab.shown is not None and tab.shown.summary is not None
                    and tab.shown.summary.sales_count == before.sales_count + 2, timeout=HUB_WITHIN_MS)
    summary = tab.shown.summary
    net = sum((o.subtotal - o.discount_amount for o in sold), Money.zero())
    assert summary.net_cents == before.net_cents + net.cents
    assert summary.units_sold == before.units_sold + 3
    assert summary.tenders_cents["cash"] == before.tenders_cents.get("cash", 0) + sum(
        (o.total_amount + o.cash_rounding).cents for o in sold)
    assert tab.figures["sales"].text() == str(before.sales_count + 2)
    assert tab.figures["net"].text() == str(Money.from_cents(summary.net_cents))
    assert "Figures from the hub as of" in tab.as_of.text()
    manager.window.close()

    # The hub out of reach: a new window shows the kept figures at once, and Refresh says it could not ask.
    proxy.down()
    offline = Manager(qtbot, office.terminal)
    offline.sign_in("2001")
    tab = offline.window.open_tab("reports")
    assert tab.shown.summary == summary and tab.figures["sales"].text() == str(before.sales_count + 2)
    qtbot.waitUntil(lambda: tab.refresh_button.isEnabled(), timeout=HUB_WITHIN_MS)
    assert "could not be asked" in offline.window.notice.text
    assert tab.figures["sales"].text() == str(before.sales_count + 2)
