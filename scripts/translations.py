"""The Qt screens' translation files: one `resources/translations/<area>_fr.ts` per area of the UI.

`make translations` runs this: `pyside6-lupdate` brings each area's `.ts` up to date with the strings its folders
pass through `tr()` / `QCoreApplication.translate()` (no obsolete entries kept). The `.qm` files are built from the
`.ts` by `pyside6-lrelease` in the Makefile. tests/unit/test_translations.py uses the same areas to check that
every string is in its `.ts` and translated.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS_DIR = ROOT / "resources" / "translations"
LANGUAGE = "fr_CA"
# Each area's sources: a folder (scanned with its subfolders) or a glob of files (that folder's own modules only).
AREAS = {
    "register": ("pos_app/ui/*.py", "pos_app/ui/register", "pos_app/ui/common", "pos_app/ui/sync",
                 "pos_app/ui/customer_display"),
    "kiosk": ("pos_app/ui/kiosk",),
    "backoffice": ("pos_app/ui/backoffice",),
    "wizard": ("pos_app/ui/wizard",),
}


def area_sources(area: str, root: Path = ROOT) -> list[str]:
    """The files and folders lupdate reads for ``area``; a folder that does not exist (yet) is left out."""
    sources: list[str] = []
    for pattern in AREAS[area]:
        if "*" in pattern:
            sources += sorted(str(path) for path in root.glob(pattern))
        elif (root / pattern).is_dir():
            sources.append(str(root / pattern))
    return sources


def lupdate(sources: list[str], ts_file: Path, *, lupdate_bin: str = "pyside6-lupdate", keep_obsolete: bool = False
            ) -> None:
    command = [lupdate_bin, "-silent", "-extensions", "py", "-locations", "none", "-target-language", LANGUAGE,
               *([] if keep_obsolete else ["-no-obsolete"]), *sources, "-ts", str(ts_file)]
    subprocess.run(command, check=True)


def update_all(lupdate_bin: str = "pyside6-lupdate") -> list[Path]:
    """Bring every area's .ts up to date; returns the .ts files (an area with no sources has none)."""
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for area in AREAS:
        sources = area_sources(area)
        if not sources:
            continue
        ts_file = TRANSLATIONS_DIR / f"{area}_fr.ts"
        existed = ts_file.exists()
        lupdate(sources, ts_file, lupdate_bin=lupdate_bin)
        if not existed and "<message" not in ts_file.read_text(encoding="utf-8"):
            ts_file.unlink()  # an area with nothing translatable yet gets its file with its first string
            continue
        written.append(ts_file)
    return written


if __name__ == "__main__":
    for path in update_all(sys.argv[1] if len(sys.argv) > 1 else "pyside6-lupdate"):
        print(f"Updated {path.relative_to(ROOT)}")
