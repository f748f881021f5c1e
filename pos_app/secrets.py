"""Secrets live in the OS keyring (DESIGN §4, §5); a file backend is used only where the OS has none.

The file fallback sits in the terminal's data directory, so two terminals on one machine (or two test
runs) never share secrets, and the log says plainly that it is in use.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

log = logging.getLogger(__name__)

SERVICE = "pos-app"


_NOT_OS_KEYRINGS = ("keyring.backends.null", "keyring.backends.fail", "keyrings.alt.")
_warned: set[str] = set()


def _is_os_keyring(backend: KeyringBackend) -> bool:
    """A real OS keyring: not null, not fail, and none of keyrings.alt's (plaintext, "encrypted" file, ...),
    which keep every data folder's secrets in one file under the user's home."""
    if isinstance(backend, null.Keyring | fail.Keyring) or type(backend).__module__.startswith(_NOT_OS_KEYRINGS):
        return False
    backends = getattr(backend, "backends", None)  # the chainer wraps the real ones
    return backends is None or any(_is_os_keyring(inner) for inner in backends)


def _folder_file(data_dir: Path) -> KeyringBackend:
    """The fallback: a file in this terminal's own data folder, readable by this user only from its first byte."""
    from keyrings.alt.file import PlaintextKeyring

    path = data_dir / "keyring.cfg"
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    path.chmod(0o600)
    backend = PlaintextKeyring()
    backend.file_path = str(path)
    if str(path) not in _warned:  # once per folder, however often the store is opened
        _warned.add(str(path))
        log.warning("No OS keyring is available; secrets are kept in %s, readable by this user only. "
                    "Install a keyring service for production terminals.", path)
    return backend


class SecretStore:
    def __init__(self, data_dir: Path, *, force_file: bool = False) -> None:
        # POS_APP_KEYRING=file keeps tests and demos out of the desktop's real keyring.
        force_file = force_file or os.environ.get("POS_APP_KEYRING") == "file"
        backend = None if force_file else keyring.get_keyring()  # finding the OS keyring takes a while
        if backend is None or not _is_os_keyring(backend):
            backend = _folder_file(data_dir)
        self._backend = backend
        self._scope = str(data_dir)

    def get(self, name: str) -> str | None:
        return self._backend.get_password(SERVICE, f"{self._scope}:{name}")

    def set(self, name: str, value: str) -> None:
        self._backend.set_password(SERVICE, f"{self._scope}:{name}", value)
        path = getattr(self._backend, "file_path", None)
        if path:
            Path(path).chmod(0o600)

    def delete(self, name: str) -> None:
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._backend.delete_password(SERVICE, f"{self._scope}:{name}")

    def get_or_create(self, name: str, nbytes: int = 32) -> str:
        value = self.get(name)
        if value is None:
            value = secrets.token_hex(nbytes)
            self.set(name, value)
        return value


PIN_PEPPER = "pin-pepper"
ID_HASH_SALT = "id-hash-salt"
KIOSK_TICKET_KEY = "kiosk-ticket-key"  # the store's, from pairing: signs and checks kiosk ticket QR codes
