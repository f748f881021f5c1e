"""The console's translation catalog is complete: every string of the templates and the Python code is in
locale/messages.pot (extracted again here, as `make console-catalog` does, with the Makefile's own options), and
every language has every msgid translated, none fuzzy, with the same placeholders as the English."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from sync.hub.console import language
from sync.hub.console.web import HERE, LOCALES

ROOT = Path(__file__).resolve().parents[3]
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%%")


def _make_variable(name: str) -> list[str]:
    """A variable of the Makefile's console-catalog target, so the test extracts exactly as the target does."""
    found = re.search(rf"^{name} = (.*)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert found, f"the Makefile has no {name}"
    return shlex.split(found.group(1))


def _ids(path: Path) -> set[tuple[str | None, str | tuple[str, ...]]]:
    with path.open("rb") as source:
        return {(message.context, message.id) for message in read_po(source) if message.id}


def test_every_string_of_the_console_is_in_the_catalog(tmp_path, monkeypatch):
    fresh = tmp_path / "messages.pot"
    monkeypatch.chdir(HERE)
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "babel.cfg", *_make_variable("CONSOLE_EXTRACT"),
                                "--omit-header", "-o", str(fresh), ".", *_make_variable("CONSOLE_SERVICES")])
    in_code, in_catalog = _ids(fresh), _ids(LOCALES / "messages.pot")
    missing, stale = sorted(map(str, in_code - in_catalog)), sorted(map(str, in_catalog - in_code))
    assert not missing and not stale, (f"run `make console-catalog` and translate: not in the catalog {missing}; "
                                       f"no longer used {stale}")


@pytest.mark.parametrize("lang", [lang for lang in language.LANGUAGES if lang != language.DEFAULT_LANGUAGE])
def test_every_msgid_is_translated_and_none_is_fuzzy(lang):
    path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as source:
        catalog = read_po(source, locale=lang)
    assert {(m.context, m.id) for m in catalog if m.id} == _ids(LOCALES / "messages.pot"), \
        f"{lang}: run `make console-catalog`"
    problems = []
    for message in catalog:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy:
            problems.append(f"fuzzy: {sources[0]!r}")
        if not all(strings):
            problems.append(f"untranslated: {sources[0]!r}")
            continue
        wanted = set(PLACEHOLDER.findall(sources[-1]))
        for string in strings:
            if set(PLACEHOLDER.findall(string)) != wanted:
                problems.append(f"placeholders differ: {sources[0]!r} -> {string!r}")
    assert not problems, f"{lang} catalog: " + "; ".join(problems)
