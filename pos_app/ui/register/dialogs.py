"""The frame every register dialog shares: a title, a body, a plain-sentence error line and big buttons.

Dialogs are opened with ``open()`` (window-modal, non-blocking), so scans, timers and background results
keep flowing while one is up. A dialog grows to fit what it shows (an error line, a question), so its fields
never shrink and no text is cut off.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

from pos_app.ui.common.widgets import touch_button

# The keys a button names, as the keyboard's keycaps say them (Échap and Entrée on a French one).
KEY_NAMES = {"Esc": QT_TRANSLATE_NOOP("Keys", "Esc"), "Enter": QT_TRANSLATE_NOOP("Keys", "Enter")}


class PosDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, *, width: int = 560) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.title_label = QLabel(title, objectName="DialogTitle")
        self.body = QVBoxLayout()
        self.error_label = QLabel(objectName="DialogError", wordWrap=True)
        self.error_label.hide()
        self.note_label = QLabel(objectName="DialogNote", wordWrap=True)  # e.g. a scan kept for the sale
        self.note_label.hide()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        self.submit = None  # what Enter does, for a dialog whose main action is safe to repeat by key
        layout = QVBoxLayout(self)
        # The layout sets the dialog's minimum size, and so grows it when an error or a question appears; an
        # explicit minimum size on the dialog would switch that off and let the fields be squeezed instead.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addItem(QSpacerItem(min(width, 980) - 24, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))
        layout.addWidget(self.title_label)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.error_label)
        layout.addLayout(self.buttons)

    def add_button(self, text: str, slot, *, primary: bool = False, key: str | None = None) -> QPushButton:
        shown_key = QCoreApplication.translate("Keys", KEY_NAMES.get(key, key)) if key else ""
        button = touch_button(f"{text}  [{shown_key}]" if key else text, primary=primary)
        button.clicked.connect(slot)
        button.setAutoDefault(False)
        self.buttons.addWidget(button)
        return button

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()
        self.fit_contents()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.fit_contents()  # the first size does not count word-wrapped lines either

    def fit_contents(self) -> None:
        """Grow (never shrink) to what the layout needs now. The minimum size the layout sets does not count
        word-wrapped lines at this width, so an error of three lines would squeeze the fields without this."""
        layout = self.layout()
        layout.activate()
        needed = (layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth()
                  else layout.totalMinimumSize().height())
        if needed > self.height():
            self.resize(self.width(), needed)

    def show_note(self, message: str) -> None:
        """Something the cashier should know that is not a problem."""
        self.note_label.setText(message)
        self.note_label.show()

    def clear_error(self) -> None:
        self.error_label.hide()

    @property
    def error_text(self) -> str:
        return self.error_label.text() if self.error_label.isVisible() else ""

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # Enter must not close a dialog behind the cashier's back: it runs the dialog's own ``submit`` if it has
        # one (e.g. Set quantity), and nothing otherwise. Escape cancels as people expect.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if self.submit is not None:
                self.submit()
            return
        super().keyPressEvent(event)
