"""The frame every register dialog shares: a title, a body, a plain-sentence error line and big buttons.

Dialogs are opened with ``open()`` (window-modal, non-blocking), so scans, timers and background results
keep flowing while one is up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from pos_app.ui.common.widgets import touch_button


class PosDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, *, width: int = 560) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setMinimumWidth(min(width, 980))
        self.title_label = QLabel(title, objectName="DialogTitle")
        self.body = QVBoxLayout()
        self.error_label = QLabel(objectName="DialogError", wordWrap=True)
        self.error_label.hide()
        self.note_label = QLabel(objectName="DialogNote", wordWrap=True)  # e.g. a scan kept for the sale
        self.note_label.hide()
        self.buttons = QHBoxLayout()
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(self.body, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.error_label)
        layout.addLayout(self.buttons)

    def add_button(self, text: str, slot, *, primary: bool = False, key: str | None = None) -> QPushButton:
        button = touch_button(f"{text}  [{key}]" if key else text, primary=primary)
        button.clicked.connect(slot)
        button.setAutoDefault(False)
        self.buttons.addWidget(button)
        return button

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.show()

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
        # Enter must not close a dialog behind the cashier's back; Escape cancels as people expect.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)
