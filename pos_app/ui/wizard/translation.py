"""The wizard's French: its compiled catalog (resources/translations/wizard_fr.qm) loaded into Qt whenever the
terminal's language (pos_app.i18n) becomes French, and taken out again for English, so the screens change at once
(Qt sends every widget a LanguageChange)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

from pos_app.i18n import current_language, on_language_changed

TRANSLATIONS_DIR = Path(__file__).resolve().parents[3] / "resources" / "translations"
AREA = "wizard"


class WizardTranslator:
    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self._stop_listening = on_language_changed(self.apply)
        self.apply(current_language())

    def apply(self, language: str) -> None:
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        if language == "en":
            return  # the source texts are English
        translator = QTranslator(self._app)
        if translator.load(f"{AREA}_{language}", str(TRANSLATIONS_DIR)):
            self._app.installTranslator(translator)
            self._translator = translator

    def close(self) -> None:
        self._stop_listening()
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
