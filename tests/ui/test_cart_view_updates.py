"""The cart view follows a sale row by row: a scan inserts one row and a change repaints only its row, and the
figure columns keep widths worked out once, widening only when a wider figure appears."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableView

from pos_app.domain.money import Money
from pos_app.domain.sale import Sale
from pos_app.i18n import set_language
from pos_app.ui.common.cart_columns import CartColumns
from pos_app.ui.common.cart_model import CartModel
from tests.unit.domain.builders import HST, accessory, product

SAMPLES = ("99", "$999.99", "$999.99", "$9,999.99")


class Announced:
    """What the model told its views, in order."""

    def __init__(self, model: CartModel) -> None:
        self.said: list[tuple] = []
        model.modelReset.connect(lambda: self.said.append(("reset",)))
        model.rowsInserted.connect(lambda _parent, first, last: self.said.append(("inserted", first, last)))
        model.dataChanged.connect(lambda top, bottom, _roles=(): self.said.append(("changed", top.row(),
                                                                                   bottom.row())))

    def take(self) -> list[tuple]:
        said, self.said = self.said, []
        return said


def cart(qtbot) -> tuple[QTableView, CartModel, CartColumns]:
    model = CartModel()
    view = QTableView()
    view.setModel(model)
    columns = CartColumns(view, lambda: SAMPLES)
    qtbot.addWidget(view)
    view.resize(640, 300)
    view.show()
    return view, model, columns


def test_a_scan_inserts_one_row_and_a_change_repaints_only_its_row(qtbot):
    _view, model, _columns = cart(qtbot)
    heard = Announced(model)
    sale = Sale(tax_components=[HST])
    for sku in ("A", "B", "C"):
        sale.add(product(sku, "10.00", grams="1"))
        model.set_lines(sale.lines, totals=sale.totals)
    assert heard.take() == [("inserted", 0, 0), ("inserted", 1, 1), ("inserted", 2, 2)]

    model.set_lines(sale.lines, totals=sale.totals)  # nothing changed: nothing to repaint
    assert heard.take() == []

    assert (model.data(model.index(1, 1)), model.data(model.index(1, 4))) == ("1", "$10.00")
    sale.set_quantity(sale.lines[1].line_id, 3)
    model.set_lines(sale.lines, totals=sale.totals)
    assert heard.take() == [("changed", 1, 1)]
    assert model.data(model.index(1, 1)) == "3"
    assert model.data(model.index(1, 4)) == "$30.00"

    next_sale = Sale(tax_components=[HST])  # other lines altogether: the view starts again
    next_sale.add(product("D", "5.00", grams="1"))
    model.set_lines(next_sale.lines, totals=next_sale.totals)
    assert heard.take() == [("reset",)]
    assert model.rowCount() == 1


def test_figure_columns_are_sized_once_and_widen_for_a_wider_figure(qtbot):
    view, model, columns = cart(qtbot)
    header = view.horizontalHeader()
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch
    for column in range(1, 5):
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Fixed
        assert header.sectionSize(column) >= header.sectionSizeHint(column)  # the heading fits
    amount_width = header.sectionSize(4)

    sale = Sale(tax_components=[HST])
    sale.add(product("A", "10.00", grams="1"))
    model.set_lines(sale.lines, totals=sale.totals)
    assert header.sectionSize(4) == amount_width  # an everyday amount fits the width worked out at the start

    sale.add(accessory("CASE", "99999.99"), 999)  # $99,899,990.01: wider than planned
    model.set_lines(sale.lines, totals=sale.totals)
    shown = model.data(model.index(1, 4))
    assert shown == str(Money.of("99999.99") * 999)
    assert header.sectionSize(4) > amount_width
    assert header.sectionSize(4) >= view.fontMetrics().horizontalAdvance(shown)
    assert columns.width(4) == header.sectionSize(4)


def test_after_a_switch_of_language_the_cells_and_widths_follow_it(qtbot):
    view, model, columns = cart(qtbot)
    header = view.horizontalHeader()
    sale = Sale(tax_components=[HST])
    sale.add(accessory("CASE", "1234.56"), 10)
    model.set_lines(sale.lines, totals=sale.totals)
    assert model.data(model.index(0, 4)) == "$12,345.60"
    try:
        set_language("fr")
        model.retranslate()
        columns.refit()
        shown = model.data(model.index(0, 4))
        assert shown == Money.of("12345.60").format("fr_CA") != "$12,345.60"  # not the answer kept in English
        assert header.sectionSize(4) >= view.fontMetrics().horizontalAdvance(shown)
    finally:
        set_language("en")
