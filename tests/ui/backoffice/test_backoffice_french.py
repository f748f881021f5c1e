"""The back office in Canadian French: the language switches while a manager works, and the tab names, the tabs'
columns and buttons, and their figures (counts with a French thousands space, dates from QLocale) follow at once."""

from __future__ import annotations

from pos_app.i18n import set_language
from pos_app.ui.backoffice.words import number
from tests.ui.qt_french import french, french_catalogs  # noqa: F401 - fixtures

FRENCH_TABS = ["Réception", "Rangement", "Inventaire", "Ajustements", "Rappels", "Stock", "Rapports"]


def _headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_tabs_columns_and_figures_follow_the_language(qtbot, manager, french):  # noqa: F811
    window = manager.window
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][0] == "Receiving"
    stock = manager.open_tab("stock")
    code = manager.till.catalog.in_stock_codes(1, ("dried_flower",))[0]
    manager.scan(code)
    assert stock.row is not None, manager.notice
    assert _headers(stock.lots)[:2] == ["Lot", "Expiry"]

    set_language("fr")
    qtbot.waitUntil(lambda: tabs.tabText(0) == "Réception", timeout=3000)
    assert [tabs.tabText(i) for i in range(tabs.count())] == FRENCH_TABS
    assert window.sign_out_button.text() == "Déconnexion"
    assert stock.search_button.text() == "Rechercher"
    assert _headers(stock.lots) == ["Lot", "Expiration", "Restant", "Reçu le", "État"]
    assert stock.figure_labels["on_hand"].text() == "En stock"
    assert stock.heading.text().startswith(stock.row.name)  # the product stays on screen, its words in French

    counts = manager.open_tab("counts")
    assert counts.start_button.text() == "Commencer l'inventaire"
    assert counts.scope_choice.itemText(0) == "Un emplacement"
    assert _headers(counts.lines)[-1] == "Écart"
    receiving = manager.open_tab("receiving")
    assert _headers(receiving.orders_table)[0] == "Bon de commande"
    assert receiving.open_button.text() == "Ouvrir"

    # Numbers follow QLocale: a count of thousands has French's (narrow) space.
    assert number(12345) in ("12\u00a0345", "12\u202f345")

    set_language("en")
    qtbot.waitUntil(lambda: tabs.tabText(0) == "Receiving", timeout=3000)
    assert _headers(stock.lots)[1] == "Expiry"
    assert counts.start_button.text() == "Start count"
