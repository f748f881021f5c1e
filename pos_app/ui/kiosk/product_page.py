"""One product's page: its picture, what the label says, the price per gram and what it counts for toward the
30 g limit, and Add to cart."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.domain.kiosk_browse import dried_equivalent_text
from pos_app.services.kiosk_catalog import ProductCard
from pos_app.ui.kiosk.tiles import thumbnail
from pos_app.ui.kiosk.widgets import kiosk_button

PICTURE = 360
COMPACT_PICTURE = 260  # on a short screen (1280x800), so Add to cart stays above the cart bar


class ProductPage(QWidget):
    add_requested = Signal(object)  # the ProductCard
    back_requested = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="ProductPage")
        self.card: ProductCard | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.back_button = kiosk_button("‹ Back to products")
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
        for row, title in enumerate(("Size", "Strain type", "THC", "CBD", "Counts toward the 30 g limit",
                                     "Terpenes", "Stock")):
            self.figures.addWidget(QLabel(title, objectName="ProductFactTitle"), row, 0)
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
        self.add_button = kiosk_button("Add to cart", primary=True)
        self.add_button.clicked.connect(lambda: self.add_requested.emit(self.card))
        actions.addStretch(1)
        actions.addWidget(self.add_button)
        layout.addLayout(actions)

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
        self.price.setText(card.price.format())
        self.per_gram.setText(f"{card.price_per_gram.format()} per gram" if card.price_per_gram else "")
        self.per_gram.setVisible(card.price_per_gram is not None)
        values = {
            "Size": card.size, "Strain type": card.strain or "", "THC": card.thc if card.is_cannabis else "",
            "CBD": card.cbd if card.is_cannabis else "",
            "Counts toward the 30 g limit": (f"{dried_equivalent_text(card.dried_equivalent_g)} of dried cannabis"
                                             if card.is_cannabis else ""),
            "Terpenes": card.terpenes or "",
            "Stock": "In stock" if card.in_stock else "Sold out",
        }
        for row, (title, text) in enumerate(values.items()):
            self.figure_values[title].setText(text)
            for column in (0, 1):
                self.figures.itemAtPosition(row, column).widget().setVisible(bool(text))
        self.description.setText(card.description or "")
        self.add_button.setEnabled(card.in_stock)
        self.add_button.setText("Add to cart" if card.in_stock else "Sold out")
