"""The kiosk fits each screen it is sold for: at 1280x800, 1080x1920 and 1920x1080 every state keeps the window at
the screen's size, and every button outside a scrolling list is whole inside the window and big enough to touch."""

from dataclasses import replace

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractScrollArea, QPushButton

from pos_app.domain.kiosk_browse import Filters
from pos_app.ui.kiosk.screenshots import KIOSK_STATES, stage_kiosk
from pos_app.ui.kiosk.window import KioskWindow
from pos_app.ui.theme import apply_theme

SIZES = [(1280, 800), (1080, 1920), (1920, 1080)]


def _in_scrolling_list(widget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _main_buttons(window: KioskWindow) -> list[QPushButton]:
    return [button for button in window.findChildren(QPushButton)
            if button.isVisible() and not _in_scrolling_list(button) and not window.still_there.isAncestorOf(button)]


@pytest.fixture
def kiosk_theme(qapp):
    """The kiosk's own theme, whose sizes are what a customer sees; the app's usual theme comes back after."""
    before = qapp.styleSheet()
    apply_theme(qapp, "kiosk")
    yield
    qapp.setStyleSheet(before)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_kiosk_state_fits_the_screen(qtbot, terminal, kiosk_theme, size):
    for state in KIOSK_STATES:
        window = KioskWindow(terminal)
        qtbot.addWidget(window)
        try:
            window.resize(*size)
            window.show()
            qtbot.waitExposed(window)
            stage_kiosk(state, window)
            qtbot.wait(10)  # the layout settles after the screen changes
            assert (window.width(), window.height()) == size, f"{state}: the window grew past the screen"
            whole = QRect(0, 0, *size)
            buttons = _main_buttons(window)
            assert buttons, state
            for button in buttons:
                place = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
                assert whole.contains(place), f"{state}: {button.text()!r} is cut off at {place}"
                assert button.height() >= 60, f"{state}: {button.text()!r} is only {button.height()} px tall"
        finally:
            window.release()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
def test_a_whole_product_tile_is_in_view_price_and_all(qtbot, terminal, kiosk_theme, size):
    """The first row of tiles on the browse screen shows each tile whole: picture, brand, name, size and strain,
    THC, CBD and price, inside the grid's visible area and inside the tile's card."""
    window = KioskWindow(terminal)
    qtbot.addWidget(window)
    try:
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        stage_kiosk("browse", window)
        qtbot.wait(10)
        grid = window.browse.grid
        visible = grid.viewport().rect()
        columns = max(visible.width() // grid.gridSize().width(), 1)
        for row in range(columns):
            card = grid.products.card(row)
            parts = grid.tile_parts(row)
            assert set(parts) >= {"card", "picture", "brand", "name", "facts", "price"}, parts.keys()
            assert len(parts["facts"]) == 3, "size and strain, THC, CBD"  # flower: every line a tile can have
            assert parts["card"][0].height() >= 60
            for kind, rects in parts.items():
                for rect in rects:
                    assert visible.contains(rect), f"{card.name}: its {kind} at {rect} is outside {visible}"
                    assert kind == "card" or parts["card"][0].contains(rect), f"{card.name}: {kind} spills out"
            assert parts["picture"][0].height() >= 64, "a picture still worth showing"
            placed = [rect for kind, rects in parts.items() if kind != "card" for rect in rects]
            overlapping = [(a, b) for i, a in enumerate(placed) for b in placed[i + 1:] if a.intersects(b)]
            assert overlapping == [], f"{card.name}: parts drawn over each other"
    finally:
        window.release()


def test_a_short_list_fills_its_rows_like_a_long_one(qtbot, terminal, kiosk_theme):
    """With too few products to scroll (no scroll bar), rows still hold as many tiles as they do in a long list."""
    window = KioskWindow(terminal)
    qtbot.addWidget(window)
    try:
        window.resize(1080, 1920)
        window.show()
        qtbot.waitExposed(window)
        stage_kiosk("browse", window)
        grid = window.browse.grid
        qtbot.waitUntil(grid.verticalScrollBar().isVisible)
        qtbot.wait(50)  # the view lays its rows out again for its new width
        across = sum(1 for row in range(6) if grid.tile_rect(row).top() == grid.tile_rect(0).top())
        assert across == 3
        catalog = terminal.kiosk_catalog
        brands = catalog.choices("flower").brands
        counts = {brand: len(catalog.page(Filters(category="flower", brands=(brand,)), limit=100)) for brand in brands}
        brand = next(b for b, n in counts.items() if across <= n <= 2 * across)
        window.browse.apply_filters(Filters(category="flower", brands=(brand,)))
        qtbot.waitUntil(lambda: not grid.verticalScrollBar().isVisible())
        qtbot.wait(50)  # the view lays its rows out again for its new width
        assert [grid.tile_rect(row).top() for row in range(across)] == [grid.tile_rect(0).top()] * across
    finally:
        window.release()


@pytest.mark.parametrize("height", [0, 390, 440], ids=["smallest", "1280x800", "tallest"])
def test_a_tile_with_every_line_and_a_long_name_keeps_its_parts_apart(qapp, terminal, height):
    from pos_app.ui.kiosk.tiles import layout_tile, tile_height

    card = terminal.kiosk_catalog.page(Filters(category="flower"), limit=1)[0]
    card = replace(card, name="Extraordinarily Long Cultivar Name That Needs Two Lines And More", available=0)
    size = QSize(300, tile_height(height))
    layout = layout_tile(card, size)
    kinds = [line.kind for line in layout.lines]
    assert kinds == ["brand", "name", "name", "facts", "facts", "facts", "price", "sold_out"]
    rects = [layout.picture, *(line.rect for line in layout.lines)]
    assert all(layout.card.contains(rect) for rect in rects)
    assert not [(a, b) for i, a in enumerate(rects) for b in rects[i + 1:] if a.intersects(b) and
                {a, b} != {layout.lines[-1].rect, layout.lines[-2].rect}], "only price and Sold out share a row"
