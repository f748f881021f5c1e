"""The kiosk's simple screens: attract (touch to start), the age gate, "being set up", and "Still there?"."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from pos_app.ui.common.language import Retranslating
from pos_app.ui.kiosk.widgets import kiosk_button

SETTING_UP = QT_TRANSLATE_NOOP("SetupScreen", "This kiosk is being set up")


def _centred(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(48, 48, 48, 48)
    layout.setSpacing(24)
    layout.addStretch(1)
    return layout


class AttractScreen(Retranslating, QWidget):
    """Shown between customers. A touch anywhere starts."""

    started = Signal()

    def __init__(self, store_name: str) -> None:
        super().__init__(objectName="AttractScreen")
        self.store_name = store_name
        layout = _centred(self)
        self.welcome = QLabel(objectName="AttractTitle", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.lead = QLabel(objectName="AttractLead", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.start_button = kiosk_button("", primary=True)
        self.start_button.setObjectName("AttractStart")
        self.start_button.clicked.connect(self.started)
        for widget in (self.welcome, self.lead):
            layout.addWidget(widget)
        layout.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.welcome.setText(self.tr("Welcome to {store}").format(store=self.store_name))
        self.lead.setText(self.tr("Browse the menu, build your order, and pick it up at the counter."))
        self.start_button.setText(self.tr("Touch to start"))

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        event.accept()
        self.started.emit()


class AgeGateScreen(Retranslating, QWidget):
    """The province's minimum age: the customer confirms it, or scans their ID where a reader is attached."""

    confirmed = Signal()
    declined = Signal()

    def __init__(self, min_age: int, province: str, *, id_scanning: bool) -> None:
        super().__init__(objectName="AgeGateScreen")
        self.min_age = min_age
        self.province = province
        self.pay_here = False  # paying here by card is offered: the scan hint says the ID is needed for it
        layout = _centred(self)
        self.title = QLabel(objectName="AgeGateTitle", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.lead = QLabel(objectName="AttractLead", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel(objectName="AgeGateMessage", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.hide()
        self.confirm_button = kiosk_button("", primary=True)
        self.confirm_button.setObjectName("AgeConfirm")
        self.confirm_button.clicked.connect(self.confirmed)
        self.decline_button = kiosk_button("")
        self.decline_button.clicked.connect(self.declined)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.confirm_button)
        buttons.addStretch(1)
        for widget in (self.title, self.lead, self.message):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.scan_hint = QLabel(objectName="AttractLead", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.scan_hint.setVisible(id_scanning)
        layout.addWidget(self.scan_hint)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        age = self.min_age
        self.title.setText(self.tr("You must be {age} or older to shop here.").format(age=age))
        self.lead.setText(self.tr("The legal age for cannabis here ({province}) is {age}. Staff check your ID again "
                                  "at the counter.").format(province=self.province, age=age))
        self.confirm_button.setText(self.tr("I am {age} or older").format(age=age))
        self.decline_button.setText(self.tr("I am under {age}").format(age=age))
        self.scan_hint.setText(self.tr("Or scan the back of your ID: you need it to pay here by card.")
                               if self.pay_here else self.tr("Or scan the back of your ID."))

    def offer_payment(self) -> None:
        self.pay_here = True
        self.retranslate()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def turn_away(self) -> None:
        self.say(self.tr("Sorry, you must be {age} or older to buy cannabis.").format(age=self.min_age))


class SetupScreen(Retranslating, QWidget):
    """A kiosk without a catalog yet (before its first sync, or with nothing to sell): never a crash."""

    def __init__(self) -> None:
        super().__init__(objectName="SetupScreen")
        layout = _centred(self)
        self.title = QLabel(objectName="AttractTitle", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.lead = QLabel(objectName="AttractLead", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.lead)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(QCoreApplication.translate("SetupScreen", SETTING_UP))
        self.lead.setText(self.tr("Please order at the counter. Staff: pair this kiosk with the hub, or load the "
                                  "store's catalog; this screen changes by itself once the catalog is here."))


class StillThere(Retranslating, QFrame):
    """Over whatever is on screen after a quiet minute; any touch (or the button) carries on."""

    carry_on = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, objectName="StillThere")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        self.title = QLabel(objectName="AttractTitle", alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.title)
        self.lead = QLabel(objectName="AttractLead", wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.lead)
        self.carry_on_button = kiosk_button("", primary=True)
        self.carry_on_button.clicked.connect(self.carry_on)
        layout.addWidget(self.carry_on_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.seconds_left = 0
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Still there?"))
        self.carry_on_button.setText(self.tr("I'm still here"))
        self.lead.setText(self.tr("Your cart is cleared in {seconds} seconds for the next customer. Touch the screen "
                                  "to keep shopping.").format(seconds=self.seconds_left))

    def ask(self, seconds_left: int) -> None:
        self.seconds_left = seconds_left
        self.retranslate()
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()
        self.carry_on.emit()
