"""The message catalog is complete: every message has a finished French translation with the same placeholders,
every error code and every message key the code names has an entry, and the domain and services raise keys,
never English sentences. A failure here names what to add to pos_app/i18n/locale/<lang>/LC_MESSAGES/pos.po."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pos_app.i18n import LANGUAGES
from pos_app.i18n.catalog import catalog
from pos_app.i18n.errors import is_key

ROOT = Path(__file__).resolve().parents[2]
KEYED = [ROOT / "pos_app" / part for part in ("domain", "services", "i18n")]
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
# Calls whose first argument is a message key: errors (classes), Message, text, and a receipt's words.
KEY_TAKERS = {"Message", "text", "w", "words", "self", "has_message"}


def _sources() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(), str(path))) for folder in KEYED for path in sorted(folder.rglob("*.py"))]


def _messages(language: str) -> dict[str, object]:
    return {message.id: message for message in catalog(language) if message.id}


def _codes() -> set[str]:
    codes = set()
    for _, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    target = item.targets[0] if isinstance(item, ast.Assign) and len(item.targets) == 1 else \
                        item.target if isinstance(item, ast.AnnAssign) else None
                    if isinstance(target, ast.Name) and target.id == "code" and isinstance(item.value, ast.Constant) \
                            and isinstance(item.value.value, str):
                        codes.add(item.value.value)
    return codes


def _callee(call: ast.Call) -> str:
    func = call.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _literal_keys(node: ast.expr) -> list[str]:
    if isinstance(node, ast.IfExp):
        return _literal_keys(node.body) + _literal_keys(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and is_key(node.value):
        return [node.value]
    return []


def _named_keys() -> dict[str, str]:
    """Every key written out in the code as the first argument of an error or a message call."""
    keys = {}
    for path, tree in _sources():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args:
                name = _callee(node)
                if name in KEY_TAKERS or name[:1].isupper() or name == "__init__":
                    for key in _literal_keys(node.args[0]):
                        if "." in key or name in KEY_TAKERS:  # a bare word given to a class is data (a form...)
                            keys.setdefault(key, f"{path.relative_to(ROOT)}:{node.lineno}")
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_and_finished(language):
    english, translated = _messages("en"), _messages(language)
    assert not catalog(language).fuzzy, f"the header of {language}/pos.po is marked fuzzy"
    assert sorted(set(english) - set(translated)) == [], f"messages with no {language} entry"
    assert sorted(set(translated) - set(english)) == [], f"{language} entries that English does not have"
    unfinished = sorted(key for key, message in translated.items() if not message.string or message.fuzzy)
    assert unfinished == [], f"{language} messages empty or fuzzy"
    for key, message in translated.items():
        assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(english[key].string)), \
            f"{language} {key} does not use the same placeholders as English"


def test_every_error_code_has_a_message():
    codes = _codes()
    assert {"possession_limit_exceeded", "unknown_code", "overtender", "discount_over_cap"} <= codes
    assert sorted(codes - set(_messages("en"))) == [], "error codes with no catalog entry"


def test_every_key_named_in_the_code_has_a_message():
    keys = _named_keys()
    assert "invalid_discount.negative" in keys and "receipt.subtotal" in keys
    missing = {key: where for key, where in keys.items() if key not in _messages("en")}
    assert missing == {}, "keys named in the code with no catalog entry"


def test_the_domain_and_services_raise_keys_not_sentences():
    sentences = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call) and node.exc.args):
                continue
            if _callee(node.exc) in ("ValueError", "TypeError", "RuntimeError", "KeyError", "AssertionError"):
                continue  # a programming error, not a message a person reads
            first = node.exc.args[0]
            words = [first.value] if isinstance(first, ast.Constant) and isinstance(first.value, str) else \
                [part.value for part in first.values if isinstance(part, ast.Constant)] \
                if isinstance(first, ast.JoinedStr) else []
            if any(" " in word for word in words):
                sentences.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert sentences == [], "raise a catalog key with parameters instead of a sentence"
