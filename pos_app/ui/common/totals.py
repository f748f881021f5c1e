"""The sale's figures beside the cart: subtotal, discounts, each tax, the total, "You save $X" when promotions or
discounts took something off, the 30 g meter, and after a cash sale the change due."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QProgressBar, QVBoxLayout

from pos_app.domain.equivalency import POSSESSION_LIMIT_GRAMS
from pos_app.domain.money import Money
from pos_app.domain.sale import SaleTotals
from pos_app.ui.common.language import Retranslating, money, number


class LimitMeter(Retranslating, QProgressBar):
    """How much of the 30 g public-possession limit (dried-cannabis equivalent) the cart holds."""

    def __init__(self) -> None:
        super().__init__(maximum=int(POSSESSION_LIMIT_GRAMS * 100))
        self.show_grams(Decimal(0))

    def retranslate(self) -> None:
        self.show_grams(self._grams)

    def show_grams(self, grams: Decimal) -> None:
        # QProgressBar repaints the window at once on a new value; a scan should paint once, with the next frame.
        self.setUpdatesEnabled(False)
        try:
            self.setValue(int(min(grams, POSSESSION_LIMIT_GRAMS) * 100))
            self._grams = grams
            self.setFormat(self.tr("{grams} g of 30 g").format(grams=number(grams)))
        finally:
            self.setUpdatesEnabled(True)


def caption(name: str) -> str:
    """A figure's caption: Subtotal and Discounts in the current language, a tax's code (HST, GST...) as is."""
    words = {"Subtotal": QCoreApplication.translate("TotalsPanel", "Subtotal"),
             "Discounts": QCoreApplication.translate("TotalsPanel", "Discounts")}
    return words.get(name, name)


class TotalsPanel(Retranslating, QFrame):
    def __init__(self, tax_codes: list[str], *, discounts: bool = True) -> None:
        """``discounts``: False where no manual discount can be given (the kiosk): the Discounts row shows only
        when promotions took something off, so no row of zeros is shown."""
        super().__init__(objectName="TotalsPanel")
        grid = QGridLayout(self)
        self.value_labels: dict[str, QLabel] = {}
        self.caption_labels: dict[str, QLabel] = {}
        self._discounts_when_zero = discounts
        rows = ["Subtotal", "Discounts", *tax_codes]
        for row, name in enumerate(rows):
            self.caption_labels[name] = QLabel(caption(name))
            grid.addWidget(self.caption_labels[name], row, 0)
            value = QLabel(money(Money.zero()), alignment=Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, 1)
            self.value_labels[name] = value
        self._show_discounts_row(discounts)
        self.total_label = QLabel(money(Money.zero()), objectName="TotalLabel",
                                  alignment=Qt.AlignmentFlag.AlignRight)
        self.total_caption = QLabel()
        grid.addWidget(self.total_caption, len(rows), 0)
        grid.addWidget(self.total_label, len(rows), 1)
        self.you_save_label = QLabel(objectName="YouSaveLabel", alignment=Qt.AlignmentFlag.AlignRight)
        self.you_save_label.setStyleSheet("color: #1b5e20; font-weight: bold;")
        self.you_save_label.hide()
        rows.append("You save")  # its own row, under the total
        grid.addWidget(self.you_save_label, len(rows), 0, 1, 2)
        self.limit_caption = QLabel(wordWrap=True)
        grid.addWidget(self.limit_caption, len(rows) + 1, 0, 1, 2)
        self.limit_meter = LimitMeter()
        grid.addWidget(self.limit_meter, len(rows) + 2, 0, 1, 2)
        self.change_panel = QFrame(objectName="ChangeDuePanel")
        box = QVBoxLayout(self.change_panel)
        self.change_caption = QLabel(objectName="ChangeDueCaption")
        box.addWidget(self.change_caption)
        self.change_label = QLabel(objectName="ChangeDueValue", alignment=Qt.AlignmentFlag.AlignRight)
        box.addWidget(self.change_label)
        self.change_panel.hide()
        grid.addWidget(self.change_panel, len(rows) + 3, 0, 1, 2)
        grid.setRowStretch(len(rows) + 4, 1)
        self._totals: SaleTotals | None = None
        self._change: Money | None = None
        self.retranslate()

    def retranslate(self) -> None:
        for name, label in self.caption_labels.items():
            label.setText(caption(name))
        self.total_caption.setText(self.tr("Total"))
        self.limit_caption.setText(self.tr("Dried-cannabis equivalent (limit 30 g)"))
        self.change_caption.setText(self.tr("Change due"))
        self.show_totals(self._totals)  # the amounts in the new language's way of writing them
        self.show_change(self._change)

    def show_change(self, change: Money | None) -> None:
        """The change to hand back after a cash sale, large; None takes it away."""
        self._change = change
        self.change_panel.setVisible(change is not None)
        self.change_label.setText(money(change) if change is not None else "")

    def show_totals(self, totals: SaleTotals | None) -> None:
        """The open sale's totals, or zeros when there is none."""
        self._totals = totals
        zero = money(Money.zero())
        if totals is None:
            for label in self.value_labels.values():
                label.setText(zero)
            self.total_label.setText(zero)
            self._show_discounts_row(self._discounts_when_zero)
            self.show_savings(Money.zero())
            self.limit_meter.show_grams(Decimal(0))
            return
        self.value_labels["Subtotal"].setText(money(totals.subtotal))
        self.value_labels["Discounts"].setText(money(-totals.discounts) if totals.discounts else zero)
        self._show_discounts_row(self._discounts_when_zero or bool(totals.discounts))
        for code, label in self.value_labels.items():
            if code in totals.taxes.components:
                label.setText(money(totals.taxes.components[code]))
        self.total_label.setText(money(totals.total))
        self.show_savings(totals.discounts)
        self.limit_meter.show_grams(totals.dried_equivalent_grams)

    def _show_discounts_row(self, shown: bool) -> None:
        self.caption_labels["Discounts"].setVisible(shown)
        self.value_labels["Discounts"].setVisible(shown)

    def show_savings(self, saved: Money) -> None:
        """What the promotions, codes and discounts took off, for the customer to see; hidden when nothing."""
        self.you_save_label.setVisible(bool(saved))
        self.you_save_label.setText(self.tr("You save {amount}").format(amount=money(saved)) if saved else "")
