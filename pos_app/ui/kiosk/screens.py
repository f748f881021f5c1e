"""The kiosk's simple screens: attract (touch to start), the age gate, "being set up", and "Still there?"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.ui.kiosk.widgets import kiosk_button

SETTING_UP = "This kiosk is being set up"


def _centred(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(48, 48, 48, 48)
    layout.setSpacing(24)
    layout.addStretch(1)
    return layout


class AttractScreen(QWidget):
    """Shown between customers. A touch anywhere starts."""

    started = Signal()

    def __init__(self, store_name: str) -> None:
        super().__init__(objectName="AttractScreen")
        layout = _centred(self)
        self.welcome = QLabel(f"Welcome to {store_name}", objectName="AttractTitle", wordWrap=True,
                              alignment=Qt.AlignmentFlag.AlignCenter)
        self.lead = QLabel("Browse the menu, build your order, and pick it up at the counter.",
                           objectName="AttractLead", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.start_button = kiosk_button("Touch to start", primary=True)
        self.start_button.setObjectName("AttractStart")
        self.start_button.clicked.connect(self.started)
        for widget in (self.welcome, self.lead):
            layout.addWidget(widget)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        event.accept()
        self.started.emit()


class AgeGateScreen(QWidget):
    """The province's minimum age: the customer confirms it, or scans their ID where a reader is attached."""

    confirmed = Signal()
    declined = Signal()

    def __init__(self, min_age: int, province: str, *, id_scanning: bool) -> None:
        super().__init__(objectName="AgeGateScreen")
        self.min_age = min_age
        layout = _centred(self)
        title = QLabel(f"You must be {min_age} or older to shop here.", objectName="AgeGateTitle", wordWrap=True,
                       alignment=Qt.AlignmentFlag.AlignCenter)
        lead = QLabel(f"The legal age for cannabis here ({province}) is {min_age}. Staff check your ID again at the "
                      "counter.", objectName="AttractLead", wordWrap=True,
                      alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="AgeGateMessage", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.confirm_button = kiosk_button(f"I am {min_age} or older", primary=True)
        self.confirm_button.setObjectName("AgeConfirm")
        self.confirm_button.clicked.connect(self.confirmed)
        self.decline_button = kiosk_button(f"I am under {min_age}")
        self.decline_button.clicked.connect(self.declined)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        for widget in (title, lead, self.message):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.scan_hint = QLabel("Or scan the back of your ID.", objectName="AttractLead",
                                alignment=Qt.AlignmentFlag.AlignCenter)
        self.scan_hint.setVisible(id_scanning)
        layout.addWidget(self.scan_hint)
        layout.addStretch(1)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))


class SetupScreen(QWidget):
    """A kiosk without a catalog yet (before its first sync, or with nothing to sell): never a crash."""

    def __init__(self) -> None:
        super().__init__(objectName="SetupScreen")
        layout = _centred(self)
        self.title = QLabel(SETTING_UP, objectName="AttractTitle", wordWrap=True,
                            alignment=Qt.AlignmentFlag.AlignCenter)
        self.lead = QLabel("Please order at the counter. Staff: pair this kiosk with the hub, or load the store's "
                           "catalog; this screen changes by itself once the catalog is here.",
                           objectName="AttractLead", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.lead)
        layout.addStretch(1)


class StillThere(QFrame):
    """Over whatever is on screen after a quiet minute; any touch (or the button) carries on."""

    carry_on = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, objectName="StillThere")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        layout.addWidget(QLabel("Still there?", objectName="AttractTitle", alignment=Qt.AlignmentFlag.AlignCenter))
        self.lead = QLabel(objectName="AttractLead", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.lead)
        self.carry_on_button = kiosk_button("I'm still here", primary=True)
        self.carry_on_button.clicked.connect(self.carry_on)
        layout.addWidget(self.carry_on_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    def ask(self, seconds_left: int) -> None:
        self.lead.setText(f"Your cart is cleared in {seconds_left} seconds for the next customer. "
                          "Touch the screen to keep shopping.")
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()
        self.carry_on.emit()
