"""The sale as the customer sees it: the lines, the totals with the 30 g meter, what is paid, and the change.

Built from the register's shared pieces (the cart model, the totals panel and its meter) and fed copies of the
sale (``SaleSnapshot``), the payment status and the finished order; it has nothing to press. Side by side on a
landscape screen, the lines above the figures on a portrait one.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pos_app.domain.money import Money
from pos_app.domain.order import Order
from pos_app.domain.payment import PaymentStatus
from pos_app.ui.common.cart_model import COLUMNS, CartModel
from pos_app.ui.common.language import Retranslating, items_text, money, signed_money
from pos_app.ui.common.sale_snapshot import SaleSnapshot
from pos_app.ui.common.totals import TotalsPanel

LINE_HEIGHT = {False: 72, True: 52}  # rows a customer reads from a metre away; smaller on a small screen
DISCOUNT_COLUMN = COLUMNS.index("Discount")
# The rows by their names in code (``rows``' and ``shown``'s keys); the captions are translated.
PAYMENT_ROWS = (QT_TRANSLATE_NOOP("PaymentFigures", "Paid by card"), QT_TRANSLATE_NOOP("PaymentFigures", "Cash given"),
                QT_TRANSLATE_NOOP("PaymentFigures", "Cash rounding"),
                QT_TRANSLATE_NOOP("PaymentFigures", "Left to pay"))
ITEM_SIDE_PADDING = 2 * 14  # the stylesheet's left and right padding of a line (the larger of its two looks)


class _WrapInsidePadding(QStyledItemDelegate):
    """Measures a wrapped name as the width it is drawn in: the column less the stylesheet's padding (Qt measures
    the whole column, so a name that needs three lines would get a row of two, cut off)."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt's name
        inside = QStyleOptionViewItem(option)
        inside.rect = option.rect.adjusted(0, 0, -ITEM_SIDE_PADDING, 0)
        return super().sizeHint(inside, index)


class PaymentFigures(Retranslating, QFrame):
    """What is paid so far and what is left; after a cash sale, the change, large. Only rows that apply show."""

    def __init__(self) -> None:
        super().__init__(objectName="PaymentPanel")
        grid = QGridLayout(self)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}  # name -> (caption, amount)
        for row, name in enumerate(PAYMENT_ROWS):
            caption = QLabel(self.tr(name))
            value = QLabel(objectName="LeftToPay" if name == "Left to pay" else "PaymentValue",
                           alignment=Qt.AlignmentFlag.AlignRight)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.rows[name] = (caption, value)
        # Styled as the register's change panel, so the customer sees the cashier's figure in the same colours.
        self.change_panel = QFrame(objectName="ChangeDuePanel")
        box = QHBoxLayout(self.change_panel)
        self.change_caption = QLabel(self.tr("Change"), objectName="ChangeDueCaption")
        box.addWidget(self.change_caption)
        self.change_label = QLabel(objectName="ChangeDueValue", alignment=Qt.AlignmentFlag.AlignRight)
        box.addWidget(self.change_label, 1)
        grid.addWidget(self.change_panel, len(PAYMENT_ROWS), 0, 1, 2)
        self.clear()

    def retranslate(self) -> None:
        for name, (caption, _value) in self.rows.items():
            caption.setText(self.tr(name))
        self.change_caption.setText(self.tr("Change"))

    def clear(self) -> None:
        self.shown: dict[str, str] = {}  # row -> the amount on it, for the rows showing ("Change" too)
        self.hide()

    def show_amounts(self, *, card: Money, cash: Money, rounding: Money, left: Money | None,
                     change: Money | None) -> None:
        """``left``: None once nothing is left to pay; ``change``: None unless cash paid the sale in full."""
        amounts = {"Paid by card": card, "Cash given": cash, "Cash rounding": rounding, "Left to pay": left}
        self.shown = {}
        for name, amount in amounts.items():
            caption, value = self.rows[name]
            showing = amount is not None and (bool(amount) or name == "Left to pay")
            caption.setVisible(showing)
            value.setVisible(showing)
            if showing:
                value.setText(signed_money(amount) if name == "Cash rounding" else money(amount))
            if showing:
                self.shown[name] = value.text()
        self.change_panel.setVisible(change is not None)
        self.change_label.setText(money(change) if change is not None else "")
        if change is not None:
            self.shown["Change"] = self.change_label.text()
        self.show()


class SalePage(Retranslating, QWidget):
    def __init__(self, tax_codes: list[str]) -> None:
        super().__init__(objectName="DisplaySale")
        self._thanks = False  # the sale just completed is on show
        self._count = 0
        self.title = QLabel(self.tr("Your order"), objectName="DisplayTitle")
        self.count_label = QLabel(objectName="DisplayCount",
                                  alignment=Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.count_label)

        self.cart_model = CartModel()
        self.lines_view = QTableView(objectName="DisplayLines")
        self.lines_view.setModel(self.cart_model)
        self.lines_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing here to select or type into
        self.lines_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.setAlternatingRowColors(True)
        self.lines_view.setItemDelegateForColumn(0, _WrapInsidePadding(self.lines_view))
        self.lines_view.setWordWrap(True)  # a long name takes two lines on a portrait screen rather than an ellipsis
        rows = self.lines_view.verticalHeader()
        rows.hide()
        rows.setMinimumSectionSize(LINE_HEIGHT[False])
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Long names wrap rather than push the amounts out of sight.
        self.lines_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.lines_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._rewrap)

        self.totals = TotalsPanel(tax_codes, discounts=False)
        self.totals.limit_caption.setWordWrap(True)  # the figures give the lines room on a small screen
        self.payment = PaymentFigures()
        figures = QVBoxLayout()
        figures.setContentsMargins(0, 0, 0, 0)
        figures.addWidget(self.totals)
        figures.addWidget(self.payment)
        figures.addStretch(1)
        self.figures = QWidget()
        self.figures.setLayout(figures)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.lines_view, 3)
        self.body.addWidget(self.figures, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        layout.setSpacing(16)
        layout.addLayout(heading)
        layout.addLayout(self.body, 1)

    def retranslate(self) -> None:
        self.title.setText(self.tr("Thank you!") if self._thanks else self.tr("Your order"))
        self.count_label.setText(items_text(self._count))
        self.cart_model.retranslate()

    def show_sale(self, sale: SaleSnapshot, payment: PaymentStatus | None) -> None:
        self._thanks = False
        self.title.setText(self.tr("Your order"))
        self.cart_model.set_lines(sale.lines, totals=sale.totals)
        self.lines_view.setColumnHidden(DISCOUNT_COLUMN, not (any(line.discount for line in sale.lines)
                                                              or sale.totals.promotions))
        self.lines_view.scrollToBottom()  # the line just scanned
        self._count = sale.totals.item_count
        self.count_label.setText(items_text(self._count))
        self.totals.show_totals(sale.totals)  # Discounts only when there are some: a row of zeros is more to read
        self.show_payment(payment)

    def show_payment(self, status: PaymentStatus | None) -> None:
        """None: no money taken and none being asked for."""
        if status is None:
            self.payment.clear()
            return
        cash_change = status.change_due if status.is_settled and status.cash_tendered else None
        self.payment.show_amounts(card=status.card_paid, cash=status.cash_tendered, rounding=status.cash_rounding,
                                  left=None if status.is_settled else status.remaining, change=cash_change)

    def show_order(self, order: Order) -> None:
        """The sale just completed: its lines stay up with what was paid, the change, and thanks."""
        self._thanks = True
        self.title.setText(self.tr("Thank you!"))
        self.payment.show_amounts(card=order.card_paid, cash=order.cash_tendered, rounding=order.cash_rounding,
                                  left=None, change=order.change_due if order.cash_tendered else None)

    def _rewrap(self, column: int, _old: int, _new: int) -> None:
        if column == 0:  # a narrower name column wraps into more lines: the rows grow to show them all
            self.lines_view.resizeRowsToContents()

    def fit(self, width: int, height: int, *, compact: bool) -> None:
        """Lines above the figures on a portrait screen, beside them on a landscape one; smaller rows when
        ``compact`` (the stylesheet makes the type smaller too)."""
        portrait = height > width
        self.body.setDirection(QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight)
        self.lines_view.verticalHeader().setMinimumSectionSize(LINE_HEIGHT[compact])
