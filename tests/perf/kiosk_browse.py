"""The kiosk's browse figures, through its real window: changing a filter, opening a category, scrolling a long one.

The kiosk window (`KioskWindow`, portrait 1080×1920, offscreen) runs on a private copy of the cached store; a
customer is past the age gate and on the browse screen with the product grid showing. Each figure is from the
call (`BrowseScreen.apply_filters` / `open_category`: KioskCatalog.page, the model reset, the filter panel's
choices) until `processEvents` has painted the first page. Floors: the very SQL and values of that page, caught
as the kiosk runs them, run again by plain sqlite3 on the same file.
"""

from __future__ import annotations

import random
from dataclasses import replace
from decimal import Decimal

from tests.perf.stats import ms_since, now
from tests.perf.terminal_env import bare_connection

PORTRAIT = (1080, 1920)


class KioskScreen:
    """The kiosk window on `terminal`, shown and past the age gate, with its browse screen at hand."""

    def __init__(self, terminal) -> None:
        from pos_app.ui.app import qt_application
        from pos_app.ui.device_events import DeviceEvents
        from pos_app.ui.kiosk.window import KioskWindow

        self.terminal = terminal
        self.app = qt_application("kiosk")
        # No idle reset while a benchmark drives it: programmatic calls are not a customer's touches.
        self.window = KioskWindow(terminal, idle_warning_s=86_400, idle_reset_s=86_400, devices=DeviceEvents())
        self.window.resize(*PORTRAIT)
        self.window.show()
        self.app.processEvents()
        self.window.begin_shopping()
        self.app.processEvents()
        self.browse = self.window.browse

    def timed(self, action) -> float:
        started = now()
        action()
        self.app.processEvents()  # the first page is on screen once the grid has repainted
        return ms_since(started)

    def close(self) -> None:
        self.window.release()
        self.app.processEvents()


def filter_changes(catalog, count: int, seed: int):
    """`count` Filters, each one tap away from the one before: a strain type, a THC or CBD bound, a price range,
    a brand, a size, in stock only, the sort, or clearing them, in the cannabis categories customers narrow most."""
    from pos_app.domain.kiosk_browse import Filters, Range, Sort

    rng = random.Random(seed)
    keys = ("flower", "pre-rolls", "vapes", "edibles", "extracts")
    choices = {key: catalog.choices(key) for key in keys}
    out, current = [], None
    for index in range(count):
        if index % 10 == 0:  # a new shelf now and then, as a customer moves on
            key = rng.choice(keys)
            current = Filters(category=key)
            out.append(current)
            continue
        offered = choices[current.category]
        steps = {"%": ("10", "15", "20", "25"), "mg": ("2.5", "5", "10"), "mg/mL": ("1", "5", "10")}
        unit_steps = steps.get(offered.potency_unit or "", ("5",))
        change = rng.choice(("strain", "thc_low", "thc_high", "cbd", "price", "brand", "size", "stock", "sort",
                             "strain", "thc_low", "price"))
        if change == "strain" and offered.strain_types:
            current = replace(current, strain_types=(rng.choice(offered.strain_types),))
        elif change == "thc_low":
            current = replace(current, thc=Range(Decimal(rng.choice(unit_steps)), current.thc.high))
        elif change == "thc_high":
            current = replace(current, thc=Range(current.thc.low, Decimal(rng.choice(unit_steps)) * 2))
        elif change == "cbd":
            current = replace(current, cbd=Range(Decimal(rng.choice(("0", "1"))), None))
        elif change == "price":
            low = rng.choice((0, 10, 25, 50))
            current = replace(current, price=Range(Decimal(low), Decimal(low + rng.choice((25, 50, 100)))))
        elif change == "brand" and offered.brands:
            current = replace(current, brands=tuple(rng.sample(offered.brands, min(2, len(offered.brands)))))
        elif change == "size" and offered.sizes:
            current = replace(current, sizes=(rng.choice(offered.sizes),))
        elif change == "stock":
            current = replace(current, in_stock_only=not current.in_stock_only)
        else:
            current = replace(current, sort=rng.choice(list(Sort)))
        out.append(current)
    return out


def page_queries(terminal, filters_list) -> list[tuple[str, tuple]]:
    """The SQL and values of the first page the kiosk asks for, for each Filters, caught as it runs them."""
    from sqlalchemy import event

    caught: list[tuple[str, tuple]] = []

    def catch(_conn, _cursor, statement, parameters, _context, _many):
        if " LIMIT " in statement:
            caught.append((statement, tuple(parameters)))

    event.listen(terminal.engine, "before_cursor_execute", catch)
    try:
        pages = []
        for filters in filters_list:
            caught.clear()
            terminal.kiosk_catalog.page(filters)
            pages.append(caught[0])
        return pages
    finally:
        event.remove(terminal.engine, "before_cursor_execute", catch)


def bare_pages(db_path, queries: list[tuple[str, tuple]]) -> list[float]:
    conn = bare_connection(db_path)
    samples = []
    for sql, values in queries:
        started = now()
        conn.execute(sql, values).fetchall()
        samples.append(ms_since(started))
    conn.close()
    return samples


def timed_filters(screen: KioskScreen, changes, progress) -> tuple[list[float], int]:
    """Each change applied with the grid on screen; returns the samples and how many showed no product."""
    samples, empty = [], 0
    for index, filters in enumerate(changes):
        if filters.category != screen.browse.filters.category:
            screen.browse.open_category(filters.category)  # untimed: that is the next figure
            screen.app.processEvents()
        samples.append(screen.timed(lambda f=filters: screen.browse.apply_filters(f)))
        empty += screen.browse.grid.products.rowCount() == 0
        if (index + 1) % 100 == 0:
            progress(f"{index + 1:,} of {len(changes):,} filter changes")
    return samples, empty


def category_order(count: int, seed: int) -> list[str]:
    from pos_app.domain.kiosk_browse import CATEGORIES

    rng = random.Random(seed)
    keys = [category.key for category in CATEGORIES]
    order: list[str] = []
    while len(order) < count:
        round_ = keys[:]
        rng.shuffle(round_)
        order += [key for key in round_ if not order or key != order[-1]]
    return order[:count]


def timed_opens(screen: KioskScreen, keys: list[str]) -> list[float]:
    return [screen.timed(lambda k=key: screen.browse.open_category(k)) for key in keys]


def long_category(terminal, items: int) -> tuple[str, int]:
    """The category with the fewest products in stock that still holds `items`, and how many it holds."""
    tiles = sorted(terminal.kiosk_catalog.categories(), key=lambda tile: tile.count)
    fit = [tile for tile in tiles if tile.count >= items]
    if not fit:
        raise RuntimeError(f"no kiosk category holds {items:,} products in stock; the largest holds "
                           f"{tiles[-1].count:,}")
    return fit[0].category.key, fit[0].count


def scroll_frames(app, view, items: int, progress) -> list[float]:
    """Scroll `view` down one row of tiles per frame until row `items` is on screen; one sample per frame."""
    bar = view.verticalScrollBar()
    step = view.gridSize().height()
    frames: list[float] = []
    model = view.model()
    while True:
        if model.rowCount() >= items and view.visualRect(model.index(items - 1, 0)).top() < view.viewport().height():
            return frames
        if bar.value() >= bar.maximum() and not model.canFetchMore(view.rootIndex()):
            raise RuntimeError(f"the view ended after {model.rowCount():,} of {items:,} items")
        started = now()
        bar.setValue(bar.value() + step)
        app.processEvents()  # the new row painted, its thumbnails made, the next page fetched if it was due
        frames.append(ms_since(started))
        if len(frames) % 300 == 0:
            progress(f"scrolled {len(frames):,} frames, {model.rowCount():,} items loaded")


def timed_scroll(screen: KioskScreen, key: str, items: int, progress) -> list[float]:
    from PySide6.QtGui import QPixmapCache

    QPixmapCache.clear()  # thumbnails are made as tiles first appear, not before
    screen.browse.open_category(key)
    screen.app.processEvents()
    return scroll_frames(screen.app, screen.browse.grid, items, progress)


def bare_scroll(app, items: int, grid_size, progress) -> list[float]:
    """The floor: a bare QListView of `items` one-line texts in the same grid, scrolled the same way."""
    from PySide6.QtCore import QStringListModel
    from PySide6.QtWidgets import QListView

    view = QListView()
    view.setViewMode(QListView.ViewMode.IconMode)
    view.setUniformItemSizes(True)
    view.setGridSize(grid_size)
    view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
    view.setModel(QStringListModel([f"Product {n}" for n in range(items)], view))
    view.resize(*PORTRAIT)
    view.show()
    app.processEvents()
    try:
        return scroll_frames(app, view, items, progress)
    finally:
        view.close()
