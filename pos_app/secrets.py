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
from keyring.backends import fail

log = logging.getLogger(__name__)

SERVICE = "pos-app"


def _os_keyring_usable(backend: KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring):
        return False
    backends = getattr(backend, "backends", None)  # the chainer wraps the real ones
    return backends is None or bool(backends)


class SecretStore:
    def __init__(self, data_dir: Path, *, force_file: bool = False) -> None:
        # POS_APP_KEYRING=file keeps tests and demos out of the desktop's real keyring.
        force_file = force_file or os.environ.get("POS_APP_KEYRING") == "file"
        backend = None if force_file else keyring.get_keyring()  # finding the OS keyring takes a while
        if backend is None or not _os_keyring_usable(backend):
            from keyrings.alt.file import PlaintextKeyring

            backend = PlaintextKeyring()
            backend.file_path = str(data_dir / "keyring.cfg")
            log.warning(
                "No OS keyring is available; secrets are kept in %s, readable by this user only. "
                "Install a keyring service for production terminals.", backend.file_path,
            )
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
