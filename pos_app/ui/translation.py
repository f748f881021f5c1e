"""Qt's side of the terminal's language: the compiled translations and QLocale follow ``pos_app.i18n``.

At start, and after every ``pos_app.i18n.set_language``, French installs one QTranslator per
``resources/translations/*_fr.qm`` (English removes them) and sets QLocale's default to fr_CA or en_CA. Installing
or removing a translator makes Qt send every widget a ``QEvent.LanguageChange``; each screen that stays open
answers it with its ``retranslate()``, so its texts change and what it shows (the sale) stays.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QTranslator

from pos_app.config import THEMES_DIR
from pos_app.i18n import current_language, current_locale, on_language_changed

TRANSLATIONS_DIR = THEMES_DIR.parent / "translations"
_installed: Translations | None = None


class Translations:
    """The translators installed on the application for the current language."""

    def __init__(self, app: QCoreApplication, folder: Path = TRANSLATIONS_DIR) -> None:
        self.app = app
        self.folder = folder
        self.translators: list[QTranslator] = []
        self.apply(current_language())
        self.stop = on_language_changed(self.apply)

    def apply(self, language: str) -> None:
        QLocale.setDefault(QLocale(current_locale()))
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = []
        if language != "en":  # the source strings are English
            for path in sorted(self.folder.glob(f"*_{language}.qm")):
                translator = QTranslator(self.app)
                if translator.load(str(path)):
                    self.app.installTranslator(translator)
                    self.translators.append(translator)
        # Qt posts the LanguageChange events; deliver them now, so the screens read the new language as soon as
        # set_language returns (a screenshot, or the next line of a test).
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


def install_translations(app: QCoreApplication) -> Translations:
    """Once per application: the translations follow the terminal's language from now on."""
    global _installed
    if _installed is None or _installed.app is not app:
        if _installed is not None:
            _installed.stop()
        _installed = Translations(app)
    return _installed
