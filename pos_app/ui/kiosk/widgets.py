"""Kiosk building blocks: big touch buttons, chip rows, the store logo's long press, QR codes and the tiles
drawn for products without a picture."""

from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence

import qrcode
from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QStackedWidget, QWidget

KIOSK_TOUCH = 64  # px: every target a customer taps is at least this tall (at least 60 px)
LONG_PRESS_MS = 2_000
# One muted colour per category for generated tiles; the category's initial letter sits on it.
TILE_COLOURS = {
    "dried_flower": "#2f6b4f", "fresh": "#2f6b4f", "pre_roll": "#6b5b2f", "vape": "#2f4f6b", "edible": "#8a3f5a",
    "beverage": "#2f6b6b", "extract": "#5a3f8a", "oil": "#5a3f8a", "topical": "#6b2f2f", "seed": "#4f6b2f",
    "accessory": "#4a4f55",
}


def discard(widget: QWidget) -> None:
    """Take a widget off the screen now; Qt deletes it later."""
    widget.hide()
    widget.setParent(None)
    widget.deleteLater()


def kiosk_button(text: str, *, name: str | None = None, primary: bool = False) -> QPushButton:
    button = QPushButton(text, objectName="KioskPrimary" if primary else (name or "KioskButton"))
    button.setMinimumHeight(KIOSK_TOUCH)
    button.setMinimumWidth(KIOSK_TOUCH)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # nothing to tab to: a customer touches
    return button


def set_compact(widgets, compact: bool) -> None:
    """Mark widgets for the theme's smaller sizes on a short screen (1280x800), and restyle them now."""
    for widget in widgets:
        widget.setProperty("compact", compact)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


class ScreenStack(QStackedWidget):
    """The kiosk's screens, one at a time: the window needs room for the screen shown, not for the tallest one."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def minimumSizeHint(self):  # noqa: N802 - Qt's name
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()

    def sizeHint(self):  # noqa: N802
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()


class ChipRow(QWidget):
    """Toggle chips in a wrapped grid: one choice at a time (``exclusive``) or many; ``changed`` on each tap.

    A chip is known by its choice (a catalog value, or an English key); ``label`` writes it in the customer's
    language, and ``relabel`` writes the chips again after the language changes."""

    changed = Signal()

    def __init__(self, choices: Sequence[str] = (), *, exclusive: bool = False, columns: int = 4,
                 label: Callable[[str], str] = str) -> None:
        super().__init__()
        self.exclusive = exclusive
        self.columns = columns
        self.label = label
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(8)
        self.buttons: dict[str, QPushButton] = {}
        self.set_choices(choices)

    def set_choices(self, choices: Sequence[str], selected: Sequence[str] = ()) -> None:
        for button in self.buttons.values():
            discard(button)
        self.buttons = {}
        for index, choice in enumerate(choices):
            button = kiosk_button(self._text(choice), name="Chip")
            button.setCheckable(True)
            button.setChecked(choice in selected)
            button.clicked.connect(lambda _=False, c=choice: self._tapped(c))
            self.grid.addWidget(button, index // self.columns, index % self.columns)
            button.show()
            self.buttons[choice] = button

    def relabel(self) -> None:
        for choice, button in self.buttons.items():
            button.setText(self._text(choice))

    def _text(self, choice: str) -> str:
        return self.label(choice).replace("&", "&&")  # "&" alone is a mnemonic

    def selected(self) -> tuple[str, ...]:
        return tuple(choice for choice, button in self.buttons.items() if button.isChecked())

    def select(self, choices: Sequence[str]) -> None:
        for choice, button in self.buttons.items():
            button.setChecked(choice in choices)

    def _tapped(self, choice: str) -> None:
        if self.exclusive:
            for other, button in self.buttons.items():
                button.setChecked(other == choice and button.isChecked())
        self.changed.emit()


class LanguageToggle(QPushButton):
    """The kiosk's EN/FR toggle: the other language, named in its own words, as one big touch target."""

    chosen = Signal(str)  # "en" or "fr"
    NAMES = {"en": "English", "fr": "Français"}

    def __init__(self, language: str) -> None:
        super().__init__(objectName="LanguageToggle")
        self.setMinimumHeight(KIOSK_TOUCH)
        self.setMinimumWidth(2 * KIOSK_TOUCH)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("English / Français")
        self.clicked.connect(lambda: self.chosen.emit(self.other))
        self.show_language(language)

    def show_language(self, language: str) -> None:
        """The kiosk speaks ``language`` now: offer the other one."""
        self.other = "fr" if language == "en" else "en"
        self.setText(f"{self.other.upper()} · {self.NAMES[self.other]}")


class LongPressLogo(QLabel):
    """The store's name as its logo. Held for two seconds it asks for staff; a tap does nothing."""

    long_pressed = Signal()

    def __init__(self, text: str) -> None:
        super().__init__(text, objectName="KioskLogo")
        self.setMinimumHeight(KIOSK_TOUCH)
        self._timer = QTimer(self, singleShot=True, interval=LONG_PRESS_MS, timeout=self._fire)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self._timer.start()
        event.accept()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._timer.stop()  # let go before two seconds: a tap, not a long press
        event.accept()

    def _fire(self) -> None:
        self.long_pressed.emit()


def qr_pixmap(text: str, size: int) -> QPixmap:
    """The QR code of ``text``, drawn square at about ``size`` px with a quiet zone."""
    code = qrcode.QRCode(border=2, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()
    modules = len(matrix)
    scale = max(size // modules, 1)
    image = QImage(modules * scale, modules * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.fillRect(x * scale, y * scale, scale, scale, QColor("black"))
    painter.end()
    return QPixmap.fromImage(image)


def tile_colour(form: str, sku: str) -> QColor:
    """The category's colour, a little lighter or darker per product so neighbours tell apart."""
    base = QColor(TILE_COLOURS.get(form, "#4a4f55"))
    shift = 90 + zlib.crc32(sku.encode()) % 30
    return base.lighter(shift) if shift > 100 else base.darker(200 - shift)


def initials(brand: str) -> str:
    """The letters a generated tile shows: the first letters of the brand's first two words."""
    return "".join(word[0] for word in brand.split()[:2] if word[:1].isalnum()).upper() or "•"


def generated_tile(form: str, sku: str, brand: str, size: int) -> QPixmap:
    """A picture for a product the catalog has no image of: its brand's initials on its category's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(tile_colour(form, sku))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(255, 255, 255, 230))
    font = QFont()
    font.setPixelSize(max(size // 3, 12))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, initials(brand))
    painter.end()
    return pixmap
