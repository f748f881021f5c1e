"""The Qt screens' translations are complete: every string a screen passes through tr() is in its area's .ts, and
every entry there is translated (nothing unfinished, empty or vanished). Reads the .ts only, never the .qm."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The venv's own tool (the tests may run without the venv on PATH), else one on PATH.
LUPDATE = next((str(path) for path in (Path(sys.executable).parent / "pyside6-lupdate",) if path.exists()),
               shutil.which("pyside6-lupdate") or "pyside6-lupdate")


def _translations_script():
    spec = importlib.util.spec_from_file_location("translations_script", ROOT / "scripts" / "translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


script = _translations_script()
TS_FILES = sorted(script.TRANSLATIONS_DIR.glob("*.ts"))


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_file).getroot()
    return {(context.findtext("name"), message.findtext("source")): message
            for context in root.iter("context") for message in context.iter("message")}


def problems_in(ts_file: Path) -> list[str]:
    """Each entry of ``ts_file`` that a French screen would show in English, in one line."""
    found = []
    for (context, source), message in messages(ts_file).items():
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        forms = [form.text for form in translation.iter("numerusform")] if translation is not None else []
        text = translation.text if translation is not None and not forms else None
        if kind in ("unfinished", "vanished", "obsolete", "missing"):
            found.append(f"{ts_file.name}: {context}: {source!r} is {kind}")
        elif not (all(f and f.strip() for f in forms) if forms else text and text.strip()):
            found.append(f"{ts_file.name}: {context}: {source!r} has an empty translation")
    return found


def test_there_are_translation_files():
    assert (script.TRANSLATIONS_DIR / "register_fr.ts").exists()


@pytest.mark.parametrize("ts_file", TS_FILES, ids=lambda path: path.name)
def test_every_entry_is_translated(ts_file):
    assert problems_in(ts_file) == []


@pytest.mark.parametrize("area", sorted(script.AREAS))
def test_every_string_of_the_sources_is_in_its_file(area, tmp_path):
    """lupdate into a copy: a string added to the code (new, unfinished) or gone from it (vanished) shows there."""
    sources = script.area_sources(area)
    ts_file = script.TRANSLATIONS_DIR / f"{area}_fr.ts"
    if not sources:
        assert not ts_file.exists(), f"{ts_file.name} has no sources any more: delete it"
        return
    copy = tmp_path / ts_file.name
    if ts_file.exists():
        shutil.copy(ts_file, copy)
    script.lupdate(sources, copy, lupdate_bin=LUPDATE, keep_obsolete=True)
    in_code, in_file = set(messages(copy)), set(messages(ts_file)) if ts_file.exists() else set()
    assert sorted(in_code - in_file) == [], f"not in {ts_file.name}: run `make translations` and translate them"
    assert problems_in(copy) == []


def test_the_check_sees_an_unfinished_and_an_empty_entry(tmp_path):
    ts_file = tmp_path / "sample_fr.ts"
    ts_file.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="fr_CA">'
                       "<context><name>C</name>"
                       '<message><source>Pay</source><translation type="unfinished"></translation></message>'
                       "<message><source>Cash</source><translation></translation></message>"
                       "<message><source>Card</source><translation>Carte</translation></message>"
                       "</context></TS>", encoding="utf-8")
    assert problems_in(ts_file) == ["sample_fr.ts: C: 'Pay' is unfinished", "sample_fr.ts: C: 'Cash' has an empty "
                                    "translation"]
