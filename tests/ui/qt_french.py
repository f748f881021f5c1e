"""French on the Qt screens in tests: each area's catalog (resources/translations/<area>_fr.ts) compiled with
pyside6-lrelease into a temporary folder, and a QTranslator put in and taken out as the terminal's language
changes, the way the program does it. The terminal's language is back to English when a test is done."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from pos_app.i18n import current_language, on_language_changed, set_language

ROOT = Path(__file__).resolve().parents[2]
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"


def compile_catalog(area: str, folder: Path) -> Path:
    source = ROOT / "resources" / "translations" / f"{area}_fr.ts"
    compiled = folder / f"{area}_fr.qm"
    subprocess.run([str(LRELEASE), str(source), "-qm", str(compiled)], check=True, capture_output=True)
    return compiled


@pytest.fixture(scope="session")
def french_catalogs(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("qm")
    areas = ("kiosk", "backoffice")
    return [compile_catalog(area, folder) for area in areas
            if (ROOT / "resources" / "translations" / f"{area}_fr.ts").exists()]


@pytest.fixture
def french(qapp, french_catalogs):
    """Switching the language (``set_language``) puts the French catalogs in or takes them out."""
    translators = []
    for path in french_catalogs:
        translator = QTranslator(qapp)
        assert translator.load(str(path)), path
        translators.append(translator)

    def follow(language: str) -> None:
        for translator in translators:
            if language == "fr":
                QCoreApplication.installTranslator(translator)
            else:
                QCoreApplication.removeTranslator(translator)

    stop = on_language_changed(follow)
    if current_language() == "fr":
        follow("fr")
    yield
    set_language("en")
    follow("en")
    stop()
