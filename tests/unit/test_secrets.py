"""Where a terminal keeps its secrets: an OS keyring, or a file of its own data folder that the log names once.

A null, fail or plaintext keyring backend (keyrings.alt's file backends keep base64 text in one file under the
user's home, shared by every data folder) is no OS keyring.
"""

from __future__ import annotations

import logging
import os
import stat

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyrings.alt.file import EncryptedKeyring, PlaintextKeyring

from pos_app.secrets import SecretStore


@pytest.fixture
def default_keyring(monkeypatch):
    """The keyring the OS would offer, put in place the way `keyring.set_keyring` does (restored afterwards)."""
    monkeypatch.delenv("POS_APP_KEYRING", raising=False)
    before = keyring.get_keyring()
    yield keyring.set_keyring
    keyring.set_keyring(before)


def _shared_plaintext(tmp_path) -> PlaintextKeyring:
    shared = PlaintextKeyring()
    shared.file_path = str(tmp_path / "home" / "keyring_pass.cfg")  # stands in for ~/.local/share/python_keyring
    return shared


@pytest.mark.parametrize("backend", ["plaintext", "encrypted", "null", "fail", "chain of plaintext"])
def test_a_null_fail_or_plaintext_keyring_is_not_an_os_keyring(default_keyring, backend, tmp_path, caplog):
    shared = _shared_plaintext(tmp_path)
    offered = {"plaintext": lambda: shared, "null": null.Keyring, "fail": fail.Keyring,
               # keyrings.alt's encrypted file asks for a password at first use; made without its crypto package
               "encrypted": lambda: EncryptedKeyring.__new__(EncryptedKeyring),
               "chain of plaintext": chainer.ChainerBackend}[backend]()
    if backend == "chain of plaintext":
        offered.__dict__["backends"] = [shared]
    default_keyring(offered)
    folder = tmp_path / "terminal"
    folder.mkdir()
    caplog.set_level(logging.WARNING, logger="pos_app.secrets")
    store = SecretStore(folder)
    store.set("pin-pepper", "cafe" * 16)
    SecretStore(folder).get("pin-pepper")  # the app opens the store more than once

    own = folder / "keyring.cfg"
    assert own.exists() and stat.S_IMODE(own.stat().st_mode) == 0o600
    assert not (tmp_path / "home").exists() or not any((tmp_path / "home").iterdir())
    assert SecretStore(folder).get("pin-pepper") == "cafe" * 16
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and str(own) in warnings[0]


def test_the_file_is_private_from_its_first_byte(default_keyring, tmp_path):
    default_keyring(null.Keyring())
    folder = tmp_path / "terminal"
    folder.mkdir()
    umask = os.umask(0o022)
    try:
        SecretStore(folder)
    finally:
        os.umask(umask)
    own = folder / "keyring.cfg"
    assert own.exists() and stat.S_IMODE(own.stat().st_mode) == 0o600
