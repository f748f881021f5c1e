"""The filter panel: strain type, THC and CBD ranges, price range, brand, size, in stock only, and the sort.

Every tap changes the products behind the panel at once (``changed``); ranges are chips of round figures in
the category's own unit (% for flower, mg for edibles), because a slider is hard to set with a finger.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from pos_app.domain.kiosk_browse import SORT_TITLES, Filters, Range, Sort
from pos_app.domain.money import Money
from pos_app.services.kiosk_catalog import Choices
from pos_app.ui.kiosk.widgets import ChipRow, kiosk_button
from pos_app.ui.kiosk.words import figure, money, sort_title, strain

THC_STEPS = {"%": ("10", "15", "20", "25", "30"), "mg": ("2.5", "5", "10"), "mg/mL": ("1", "5", "10", "20")}
CBD_STEPS = {"%": ("1", "5", "10", "15"), "mg": ("2.5", "5", "10", "20"), "mg/mL": ("1", "5", "10", "20")}
PRICE_STEPS = (10, 25, 50, 100, 200)


# Each sort's chip is named by its English title whatever the language (the label on it is translated), so a
# choice keeps its name across a language switch, and tests and screenshots name chips alike.
_SORT_IDS = {sort: SORT_TITLES.in_language(sort, "en") for sort in Sort}
_SORT_BY_TITLE = {title: sort for sort, title in _SORT_IDS.items()}
# The panel's sections, by their English titles (how tests and screenshots name them).
SECTION_TITLES = (QT_TRANSLATE_NOOP("FilterPanel", "Sort by"), QT_TRANSLATE_NOOP("FilterPanel", "Stock"),
                  QT_TRANSLATE_NOOP("FilterPanel", "Strain type"), QT_TRANSLATE_NOOP("FilterPanel", "Size"),
                  QT_TRANSLATE_NOOP("FilterPanel", "Brand"))
RANGE_TITLES = (QT_TRANSLATE_NOOP("RangeChips", "THC"), QT_TRANSLATE_NOOP("RangeChips", "CBD"),
                QT_TRANSLATE_NOOP("RangeChips", "Price"))


def _figure(text: str, unit: str) -> str:
    return f"{text} {unit}"


def _sort_label(title: str) -> str:
    return sort_title(_SORT_BY_TITLE[title])


class RangeChips(QWidget):
    """'at least' and 'at most' chip rows for one figure; none chosen is no limit."""

    changed = Signal()

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.low_label, self.high_label = QLabel(objectName="FilterTitle"), QLabel(objectName="FilterTitle")
        self.low, self.high = (ChipRow(exclusive=True, columns=5, label=figure),
                               ChipRow(exclusive=True, columns=5, label=figure))
        for widget in (self.low_label, self.low, self.high_label, self.high):
            layout.addWidget(widget)
        self.low.changed.connect(self.changed)
        self.high.changed.connect(self.changed)
        self._values: dict[str, Decimal] = {}

    def set_steps(self, steps: list[tuple[str, Decimal]], current: Range) -> None:
        self._values = dict(steps)
        labels = [label for label, _ in steps]
        chosen = [label for label, value in steps if value in (current.low, current.high)]
        self.retranslate()
        self.low.set_choices(labels, [c for c in chosen if self._values[c] == current.low])
        self.high.set_choices(labels, [c for c in chosen if self._values[c] == current.high])

    def retranslate(self) -> None:
        title = QCoreApplication.translate("RangeChips", self.title)
        self.low_label.setText(self.tr("{title} at least").format(title=title))
        self.high_label.setText(self.tr("{title} at most").format(title=title))
        self.low.relabel()
        self.high.relabel()

    def value(self) -> Range:
        low, high = self.low.selected(), self.high.selected()
        return Range(self._values[low[0]] if low else None, self._values[high[0]] if high else None)


class FilterPanel(QFrame):
    changed = Signal(object)  # the new Filters
    closed = Signal()

    def __init__(self) -> None:
        super().__init__(objectName="FilterPanel")
        self.filters = Filters()
        self._updating = False
        outer = QVBoxLayout(self)
        heading = QHBoxLayout()
        self.heading = QLabel(objectName="KioskHeading")
        heading.addWidget(self.heading, 1)
        self.clear_button = kiosk_button("")
        self.clear_button.clicked.connect(self.clear)
        self.done_button = kiosk_button("", primary=True)
        self.done_button.clicked.connect(self.closed)
        heading.addWidget(self.clear_button)
        heading.addWidget(self.done_button)
        outer.addLayout(heading)

        body = QWidget()
        self.body = QVBoxLayout(body)
        self.sort = ChipRow([_SORT_IDS[s] for s in Sort], exclusive=True, columns=3, label=_sort_label)
        self.in_stock = kiosk_button("", name="Chip")
        self.in_stock.setCheckable(True)
        self.in_stock.setChecked(True)
        self.strains = ChipRow(columns=3, label=strain)
        self.thc, self.cbd, self.price = RangeChips("THC"), RangeChips("CBD"), RangeChips("Price")
        self.sizes = ChipRow(columns=4, label=figure)
        self.brands = ChipRow(columns=3)
        self.sections: dict[str, QWidget] = {}
        self.section_titles: dict[str, QLabel] = {}
        for title, widget in (("Sort by", self.sort), ("Stock", self.in_stock), ("Strain type", self.strains),
                              ("", self.thc), ("", self.cbd), ("", self.price), ("Size", self.sizes),
                              ("Brand", self.brands)):
            section = QWidget()
            column = QVBoxLayout(section)
            column.setContentsMargins(0, 8, 0, 8)
            if title:
                self.section_titles[title] = QLabel(objectName="FilterTitle")
                column.addWidget(self.section_titles[title])
            column.addWidget(widget)
            self.body.addWidget(section)
            self.sections[title or widget.title] = section
        self.body.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, objectName="FilterScroll")
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        for widget in (self.sort, self.strains, self.thc, self.cbd, self.price, self.sizes, self.brands):
            widget.changed.connect(self._read)
        self.in_stock.clicked.connect(self._read)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Filter and sort"))
        self.clear_button.setText(self.tr("Clear filters"))
        self.done_button.setText(self.tr("Show products"))
        self.in_stock.setText(self.tr("In stock only"))
        for title, label in self.section_titles.items():
            label.setText(self.tr(title))
        for row in (self.sort, self.strains, self.sizes, self.brands):
            row.relabel()
        for ranges in (self.thc, self.cbd, self.price):
            ranges.retranslate()
        if self.price.low.buttons:  # the price chips are amounts: written again in the customer's money
            self.show_choices(self.choices, self.filters)

    def show_choices(self, choices: Choices, filters: Filters) -> None:
        """Offer what the category has; ``filters`` are the ones in force (kept across categories)."""
        self._updating = True
        self.filters = filters
        self.choices = choices
        self.sort.set_choices([_SORT_IDS[s] for s in Sort if choices.potency_unit or s is not Sort.POTENCY],
                              [_SORT_IDS[filters.sort]])
        self.in_stock.setChecked(filters.in_stock_only)
        self.strains.set_choices(choices.strain_types, filters.strain_types)
        unit = choices.potency_unit
        for name, widget, span, steps in (("THC", self.thc, filters.thc, THC_STEPS),
                                          ("CBD", self.cbd, filters.cbd, CBD_STEPS)):
            self.sections[name].setVisible(unit is not None)
            if unit:
                widget.set_steps([(_figure(step, unit), Decimal(step)) for step in steps[unit]], span)
        steps = [] if choices.price is None else [
            (money(Money.of(step)), Decimal(step)) for step in PRICE_STEPS
            if choices.price[0].amount <= step <= choices.price[1].amount * 2]
        self.sections["Price"].setVisible(bool(steps))
        self.price.set_steps(steps, filters.price)
        self.sizes.set_choices(choices.sizes, filters.sizes)
        self.sections["Size"].setVisible(bool(choices.sizes))
        self.brands.set_choices(choices.brands, filters.brands)
        self.sections["Strain type"].setVisible(bool(choices.strain_types))
        self._updating = False

    def chip(self, section: str, label: str) -> QPushButton:
        """The chip ``label`` of a section ('Strain type', 'THC at least', 'Brand', ...), for a finger to tap."""
        rows = {"Sort by": self.sort, "Strain type": self.strains, "Size": self.sizes, "Brand": self.brands,
                "THC at least": self.thc.low, "THC at most": self.thc.high, "CBD at least": self.cbd.low,
                "CBD at most": self.cbd.high, "Price at least": self.price.low, "Price at most": self.price.high}
        return rows[section].buttons[label]

    def clear(self) -> None:
        self.filters = Filters(category=self.filters.category, skus=self.filters.skus)
        self._updating = True
        for row in (self.strains, self.sizes, self.brands, self.thc.low, self.thc.high, self.cbd.low,
                    self.cbd.high, self.price.low, self.price.high):
            row.select(())
        self.sort.select([_SORT_IDS[Sort.BEST_SELLERS]])
        self.in_stock.setChecked(True)
        self._updating = False
        self.changed.emit(self.filters)

    def _read(self) -> None:
        if self._updating:
            return
        sort = next((s for s in Sort if _SORT_IDS[s] in self.sort.selected()), Sort.BEST_SELLERS)
        self.filters = replace(
            self.filters, sort=sort, in_stock_only=self.in_stock.isChecked(), strain_types=self.strains.selected(),
            thc=self.thc.value(), cbd=self.cbd.value(), price=self.price.value(), sizes=self.sizes.selected(),
            brands=self.brands.selected(),
        )
        self.changed.emit(self.filters)
