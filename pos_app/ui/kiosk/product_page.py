"""One product's page: its picture, what the label says, the price per gram and what it counts for toward the
30 g limit, and Add to cart."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.domain.kiosk_browse import dried_equivalent_text
from pos_app.services.kiosk_catalog import ProductCard
from pos_app.ui.common.language import Retranslating
from pos_app.ui.kiosk.tiles import thumbnail
from pos_app.ui.kiosk.widgets import kiosk_button
from pos_app.ui.kiosk.words import figure, money, strain

PICTURE = 360
COMPACT_PICTURE = 260  # on a short screen (1280x800), so Add to cart stays above the cart bar
FACTS = (QT_TRANSLATE_NOOP("ProductPage", "Size"), QT_TRANSLATE_NOOP("ProductPage", "Strain type"),
         QT_TRANSLATE_NOOP("ProductPage", "THC"), QT_TRANSLATE_NOOP("ProductPage", "CBD"),
         QT_TRANSLATE_NOOP("ProductPage", "Counts toward the 30 g limit"), QT_TRANSLATE_NOOP("ProductPage", "Terpenes"),
         QT_TRANSLATE_NOOP("ProductPage", "Stock"))


class ProductPage(Retranslating, QWidget):
    add_requested = Signal(object)  # the ProductCard
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="ProductPage")
        self.card: ProductCard | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.back_button = kiosk_button("")
        self.back_button.clicked.connect(self.back_requested)
        self.top = QHBoxLayout()
        self.top.addWidget(self.back_button)
        self.top.addStretch(1)
        layout.addLayout(self.top)

        self.body = QGridLayout()
        self.body.setSpacing(32)
        self.body.setColumnStretch(1, 1)
        self.picture = QLabel(objectName="ProductPicture", alignment=Qt.AlignmentFlag.AlignCenter)
        self._picture_size = PICTURE
        self.picture.setFixedSize(PICTURE, PICTURE)
        facts = QWidget()
        column = QVBoxLayout(facts)
        column.setContentsMargins(0, 0, 0, 0)
        self.brand = QLabel(objectName="ProductBrand")
        self.name = QLabel(objectName="ProductName", wordWrap=True)
        self.price = QLabel(objectName="ProductPrice")
        self.per_gram = QLabel(objectName="ProductFact")
        self.figures = QGridLayout()
        self.figures.setColumnStretch(1, 1)
        self.figures.setHorizontalSpacing(24)
        self.figure_values: dict[str, QLabel] = {}
        self.figure_titles: dict[str, QLabel] = {}
        for row, title in enumerate(FACTS):
            self.figure_titles[title] = QLabel(objectName="ProductFactTitle")
            self.figures.addWidget(self.figure_titles[title], row, 0)
            value = QLabel(objectName="ProductFact", wordWrap=True)
            self.figures.addWidget(value, row, 1)
            self.figure_values[title] = value
        for widget in (self.brand, self.name, self.price, self.per_gram):
            column.addWidget(widget)
        column.addLayout(self.figures)
        column.addStretch(1)
        self.body.addWidget(self.picture, 0, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addWidget(facts, 0, 1)
        layout.addLayout(self.body)
        self.description = QLabel(objectName="ProductDescription", wordWrap=True)
        layout.addWidget(self.description)
        layout.addStretch(1)
        self.actions = actions = QHBoxLayout()
        self.add_button = kiosk_button("", primary=True)
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.card))
        actions.addStretch(1)
        actions.addWidget(self.add_button)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        self.back_button.setText(self.tr("‹ Back to products"))
        for title, label in self.figure_titles.items():
            label.setText(self.tr(title))
        self.add_button.setText(self.tr("Add to cart"))
        if self.card is not None:
            self.show_product(self.card)

    def arrange(self, portrait: bool, compact: bool = False) -> None:
        """Picture above the facts on a tall screen, beside them on a wide one; smaller on a short one."""
        self._picture_size = COMPACT_PICTURE if compact else PICTURE
        self.picture.setFixedSize(self._picture_size, self._picture_size)
        if self.card is not None:
            self.picture.setPixmap(thumbnail(self.card, self._picture_size))
        # On a short screen Back shares the bottom row with Add to cart: one row of buttons less.
        (self.actions if compact else self.top).insertWidget(0, self.back_button)
        facts = self.body.itemAtPosition(0, 1) or self.body.itemAtPosition(1, 0)
        widget = facts.widget()
        self.body.removeWidget(widget)
        self.body.addWidget(widget, *((1, 0) if portrait else (0, 1)))

    def show_product(self, card: ProductCard) -> None:
        self.card = card
        self.picture.setPixmap(thumbnail(card, self._picture_size))
        self.brand.setText(card.brand.upper())
        self.name.setText(card.name)
        self.price.setText(money(card.price))
        self.per_gram.setText(self.tr("{price} per gram").format(price=money(card.price_per_gram))
                              if card.price_per_gram else "")
        self.per_gram.setVisible(card.price_per_gram is not None)
        values = {
            "Size": figure(card.size), "Strain type": strain(card.strain or ""),
            "THC": figure(card.thc) if card.is_cannabis else "", "CBD": figure(card.cbd) if card.is_cannabis else "",
            "Counts toward the 30 g limit": self.tr("{grams} of dried cannabis").format(
                grams=figure(dried_equivalent_text(card.dried_equivalent_g))) if card.is_cannabis else "",
            "Terpenes": card.terpenes or "",
            "Stock": self.tr("In stock") if card.in_stock else self.tr("Sold out"),
        }
        for row, (title, text) in enumerate(values.items()):
            self.figure_values[title].setText(text)
            for column in (0, 1):
                self.figures.itemAtPosition(row, column).widget().setVisible(bool(text))
        self.description.setText(card.description or "")
        self.add_button.setEnabled(card.in_stock)
        self.add_button.setText(self.tr("Add to cart") if card.in_stock else self.tr("Sold out"))
