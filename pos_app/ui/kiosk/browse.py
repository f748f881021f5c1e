"""Browsing: category tiles first, then a category's products with filters and sorts, and search by an
on-screen keyboard. A tap on a product opens its page (``product_chosen``)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QScroller,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.kiosk_browse import Filters
from pos_app.services.kiosk_catalog import KioskCatalog
from pos_app.ui.common.language import Retranslating
from pos_app.ui.kiosk.filters import FilterPanel
from pos_app.ui.kiosk.keyboard import OnScreenKeyboard
from pos_app.ui.kiosk.product_grid import CARD_ROLE, ProductGrid
from pos_app.ui.kiosk.widgets import discard, kiosk_button, set_compact
from pos_app.ui.kiosk.words import category_title

NO_MATCH = QT_TRANSLATE_NOOP("BrowseScreen", "No products match. Clear a filter, or try another word.")


class BrowseScreen(Retranslating, QWidget):
    product_chosen = Signal(object)  # a ProductCard
    products_shown = Signal(int)  # how many the first page holds, after every change of category, filter or search

    def __init__(self, catalog: KioskCatalog) -> None:
        super().__init__(objectName="BrowseScreen")
        self.catalog = catalog
        self.filters = Filters()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 0)

        top = QHBoxLayout()
        self.search_field = QLineEdit(objectName="KioskSearch")
        self.search_field.setMinimumHeight(64)
        self.search_field.setReadOnly(True)  # typed on the keyboard below, never a system one
        self.search_field.mousePressEvent = lambda _event: self.show_keyboard()
        self.filter_button = kiosk_button("")
        self.filter_button.clicked.connect(self.toggle_filters)
        self.home_button = kiosk_button("")
        self.home_button.clicked.connect(self.show_home)
        top.addWidget(self.home_button)
        top.addWidget(self.search_field, 1)
        top.addWidget(self.filter_button)
        layout.addLayout(top)
        self.keyboard = OnScreenKeyboard(self.search_field)
        self.keyboard.done.connect(self._search_typed)
        self.keyboard.hide()
        layout.addWidget(self.keyboard)

        self.category_bar = self._category_bar()
        layout.addWidget(self.category_bar)
        self.title = QLabel(objectName="KioskHeading")
        layout.addWidget(self.title)

        self.pages = QStackedWidget()
        self.home = QWidget(objectName="CategoryHome")
        self.home_grid = QGridLayout(self.home)
        self.home_grid.setSpacing(16)
        self.grid = ProductGrid()
        self.grid.clicked.connect(self._tile_tapped)
        self.empty = QLabel(objectName="KioskEmpty", alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.results = QStackedWidget()
        self.results.addWidget(self.grid)
        self.results.addWidget(self.empty)
        self.panel = FilterPanel()
        self.panel.changed.connect(self.apply_filters)
        self.panel.closed.connect(lambda: self.pages.setCurrentWidget(self.results))
        for page in (self.home, self.results, self.panel):
            self.pages.addWidget(page)
        layout.addWidget(self.pages, 1)
        self._panel_stale = True
        self.category_buttons: dict[str, QPushButton] = {}
        self.tiles: dict[str, QPushButton] = {}
        self.tile_counts: dict[str, int] = {}
        self._compact = False
        self._shown: tuple[str, str] = ("home", "")  # what the title names: home, a category's key, or a search
        self.retranslate()

    def retranslate(self) -> None:
        self.search_field.setPlaceholderText(self.tr("Search products or brands"))
        self.home_button.setText(self.tr("All categories"))
        self.empty.setText(self.tr(NO_MATCH))
        self._name_filters()
        self._name_title()
        for key, chip in self.category_buttons.items():
            chip.setText(category_title(key))
            chip.setMinimumWidth(chip.sizeHint().width())
        for key, big in self.tiles.items():
            big.setText(self._tile_text(key))
        self.panel.retranslate()
        self.grid.relabel()

    def _tile_text(self, key: str) -> str:
        count = self.tile_counts[key]
        products = self.tr("1 product") if count == 1 else self.tr("{count} products").format(count=count)
        return f"{category_title(key)}\n{products}"

    def _name_title(self) -> None:
        shown, value = self._shown
        self.title.setText(self.tr("What are you looking for?") if shown == "home" else
                           category_title(value) if shown == "category" else
                           self.tr("Results for “{text}”").format(text=value))

    def _name_filters(self) -> None:
        narrowing = self.filters.narrowing
        self.filter_button.setText(self.tr("Filter and sort ({count})").format(count=narrowing) if narrowing
                                   else self.tr("Filter and sort"))

    def _category_bar(self) -> QScrollArea:
        strip = QWidget()
        self._bar = QHBoxLayout(strip)
        self._bar.setContentsMargins(0, 4, 0, 4)
        scroll = QScrollArea(widgetResizable=True, objectName="CategoryBar")
        scroll.setWidget(strip)
        scroll.setFixedHeight(86)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        QScroller.grabGesture(scroll.viewport(), QScroller.ScrollerGestureType.TouchGesture)
        return scroll

    # --- what is shown ---------------------------------------------------------------------------------

    def start(self) -> None:
        """A new customer: every category, no filters, no search."""
        self.filters = Filters()
        self.search_field.clear()
        self.keyboard.hide()
        self.grid.forget()
        tiles = self.catalog.categories()
        for button in (*self.category_buttons.values(), *self.tiles.values()):
            discard(button)
        self.category_buttons, self.tiles = {}, {}
        self.tile_counts = {tile.category.key: tile.count for tile in tiles}
        columns = 3
        for index, tile in enumerate(tiles):
            key = tile.category.key
            chip = kiosk_button(category_title(key), name="CategoryChip")
            chip.setCheckable(True)
            chip.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # the strip scrolls instead
            chip.clicked.connect(lambda _=False, k=key: self.open_category(k))
            self._bar.addWidget(chip)
            chip.show()
            chip.ensurePolished()  # the theme's font and padding, so the chip is as wide as its name
            chip.setMinimumWidth(chip.sizeHint().width())
            self.category_buttons[key] = chip
            big = kiosk_button(self._tile_text(key), name="CategoryTile")
            big.clicked.connect(lambda _=False, k=key: self.open_category(k))
            self.home_grid.addWidget(big, index // columns, index % columns)
            big.show()
            self.tiles[key] = big
        set_compact(self.tiles.values(), self._compact)
        self.show_home()

    def arrange(self, compact: bool) -> None:
        """Lower category tiles on a short screen, so the home page fits above the cart bar."""
        self._compact = compact
        set_compact(self.tiles.values(), compact)

    def show_home(self) -> None:
        self.filters = Filters(sort=self.filters.sort, in_stock_only=self.filters.in_stock_only)
        self._shown = ("home", "")
        self._name_title()
        self._mark_category(None)
        self.filter_button.setEnabled(False)
        self.pages.setCurrentWidget(self.home)

    def open_category(self, key: str) -> None:
        # A new shelf keeps how the customer sorts and whether they want stock only, not the old shelf's filters.
        self.filters = Filters(category=key, sort=self.filters.sort, in_stock_only=self.filters.in_stock_only)
        self.search_field.clear()
        self.keyboard.hide()
        self._shown = ("category", key)
        self._name_title()
        self._mark_category(key)
        self._refresh_panel()
        self.reload()

    def search(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.show_home()
            return
        self.filters = Filters(sort=self.filters.sort, in_stock_only=self.filters.in_stock_only,
                               skus=self.catalog.search_skus(text))
        self._shown = ("search", text)
        self._name_title()
        self._mark_category(None)
        self._refresh_panel()
        self.reload()

    def apply_filters(self, filters: Filters) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        filters = self.filters
        self.grid.products.show(lambda offset, limit, after: self.catalog.page(filters, offset=offset, limit=limit,
                                                                               after=after))
        count = self.grid.products.rowCount()
        self._name_filters()
        self.filter_button.setEnabled(True)
        if self.pages.currentWidget() is not self.panel:
            self.pages.setCurrentWidget(self.results)
        self.results.setCurrentWidget(self.grid if count else self.empty)
        self.grid.scrollToTop()
        self.products_shown.emit(count)

    # --- taps ------------------------------------------------------------------------------------------

    def show_keyboard(self) -> None:
        self.keyboard.setVisible(not self.keyboard.isVisible())

    def toggle_filters(self) -> None:
        if self.pages.currentWidget() is self.panel:
            self.pages.setCurrentWidget(self.results)
            return
        if self._panel_stale:
            self._fill_panel()
        self.pages.setCurrentWidget(self.panel)

    def _search_typed(self) -> None:
        self.keyboard.hide()
        self.search(self.search_field.text())

    def _tile_tapped(self, index: QModelIndex) -> None:
        self.product_chosen.emit(index.data(CARD_ROLE))

    def _mark_category(self, key: str | None) -> None:
        for other, chip in self.category_buttons.items():
            chip.setChecked(other == key)

    def _refresh_panel(self) -> None:
        # The panel's choices (five queries over the shelf, and a chip per brand and size) are made when it is
        # shown: a customer opening a shelf sees its products first, 60 ms sooner.
        self._panel_stale = True
        if self.pages.currentWidget() is self.panel:
            self._fill_panel()

    def _fill_panel(self) -> None:
        self.panel.show_choices(self.catalog.choices(self.filters.category), self.filters)
        self._panel_stale = False
