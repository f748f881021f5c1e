"""Between sales the customer display shows the store: the pictures in the data folder's ``slides`` folder, one after
another; without slides, the store's logo (``logo.png`` in the data folder, else ``resources/logo.png``); without a
logo, a wordmark made from the store's name."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout

from pos_app.config import THEMES_DIR

SLIDES_FOLDER = "slides"
LOGO_FILE = "logo.png"
RESOURCES_DIR = THEMES_DIR.parent
SLIDE_MS = 8_000  # long enough to read a slide's text from across the counter
# How much of the screen a slide or the logo fills at most: slides nearly all of it, the logo with calm around it.
SHARE = {"slides": 0.95, "logo": 0.6}


@dataclass(frozen=True)
class IdlePictures:
    slides: tuple[Path, ...] = ()
    logo: Path | None = None


def find_idle_pictures(data_dir: Path) -> IdlePictures:
    """The slides (pictures Qt can read, in name order) and the logo this store has, if any."""
    folder = data_dir / SLIDES_FOLDER
    slides = tuple(sorted(path for path in folder.iterdir() if path.is_file() and _readable(path))) \
        if folder.is_dir() else ()
    logo = next((path for path in (data_dir / LOGO_FILE, RESOURCES_DIR / LOGO_FILE)
                 if path.is_file() and _readable(path)), None)
    return IdlePictures(slides, logo)


def _readable(path: Path) -> bool:
    return QImageReader(str(path)).canRead()  # reads the header only: a folder of big photos is checked at once


def initials(name: str) -> str:
    """The wordmark's badge: the first letters of the first two words, e.g. "GL" for "Green Leaf Cannabis"."""
    letters = [word[0] for word in name.split() if word[:1].isalnum()]
    return "".join(letters[:2]).upper() or "·"


class Wordmark(QFrame):
    """The store's name, large, under a round badge of its initials: a logo for a store that has none."""

    def __init__(self, store_name: str) -> None:
        super().__init__(objectName="Wordmark")
        self.badge = QLabel(initials(store_name), objectName="WordmarkInitials",
                            alignment=Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedSize(220, 220)  # the stylesheet rounds it into a circle (radius 110)
        self.name = QLabel(store_name, objectName="WordmarkName", alignment=Qt.AlignmentFlag.AlignCenter,
                           wordWrap=True)
        self.welcome = QLabel("Welcome · Bienvenue", objectName="WordmarkWelcome",
                              alignment=Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self)
        column.addStretch(1)
        column.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addSpacing(32)
        column.addWidget(self.name)
        column.addWidget(self.welcome)
        column.addStretch(1)


class IdleScreen(QStackedWidget):
    """``kind`` says what it shows: "slides", "logo" or "wordmark"."""

    def __init__(self, store_name: str, pictures: IdlePictures, *, slide_ms: int = SLIDE_MS) -> None:
        super().__init__(objectName="IdleScreen")
        self.picture = QLabel(objectName="IdlePicture", alignment=Qt.AlignmentFlag.AlignCenter)
        # The picture is scaled to the screen, never the other way round.
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.wordmark = Wordmark(store_name)
        self.addWidget(self.picture)
        self.addWidget(self.wordmark)
        self.slides = list(pictures.slides)
        self.slide_index = 0
        self._pixmap = QPixmap()
        self.kind = "slides" if self.slides else "logo" if pictures.logo is not None else "wordmark"
        if self.kind == "logo" and not self._load(pictures.logo):
            self.kind = "wordmark"  # a logo that can't be read: the store's name will do
        self.setCurrentWidget(self.wordmark if self.kind == "wordmark" else self.picture)
        self.timer = QTimer(self, interval=slide_ms, timeout=self.next_slide)

    def start(self) -> None:
        if self.kind == "slides":
            self._show_slide(0)
            if len(self.slides) > 1:
                self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if self.kind == "slides":
            self._pixmap = QPixmap()  # a slide is read again when it comes round: big photos are not all kept

    def next_slide(self) -> None:
        self._show_slide((self.slide_index + 1) % len(self.slides))

    def _show_slide(self, index: int) -> None:
        self.slide_index = index
        if not self._load(self.slides[index]):  # gone or broken since the start: the next one shows next time
            self.picture.clear()

    def _load(self, path: Path) -> bool:
        self._pixmap = QPixmap(str(path))
        self._fit()
        return not self._pixmap.isNull()

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        share = SHARE.get(self.kind, SHARE["logo"])
        room = QSize(int(self.width() * share), int(self.height() * share))
        scaled = self._pixmap.scaled(room, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation)
        self.picture.setPixmap(scaled)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()

