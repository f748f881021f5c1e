"""An error that carries a message code and its parameters, and is worded from the catalog when read.

`raise PossessionLimitExceeded(...)` builds no sentence: `str(error)` and `error.message` render its key
(`code` or `code.variant`) in the language current at the time they are read, so the same error reads in French
on a French screen. A plain sentence still passes through unchanged (for callers not yet keyed), but the
domain's and the services' own errors all use keys; the catalog check in tests/unit/test_message_catalog.py holds
them to it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from pos_app.i18n.catalog import Message, text

KEY = re.compile(r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*\Z")


def is_key(candidate: str) -> bool:
    return KEY.match(candidate) is not None


class LocalizedError(Exception):
    code: ClassVar[str] = "error"

    def __init__(self, key: str | None = None, /, **params: object) -> None:
        if isinstance(key, Message):  # a refusal worded earlier: raised, it is worded again when read
            key, params = key.key, {**key.params, **params}
        key = self.code if key is None else key
        super().__init__(key)
        self.key = key if is_key(key) else self.code
        self._sentence = None if is_key(key) else key
        self.params = params

    @property
    def message(self) -> str:
        return self.render_in(None)

    def render_in(self, language: str | None) -> str:
        """The message in `language` (default: the current one)."""
        if self._sentence is not None:
            return self._sentence
        return text(self.key, language, **self.params)

    def __str__(self) -> str:
        return self.message
